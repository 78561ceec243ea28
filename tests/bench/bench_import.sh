#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# How fast "kith import" loads a big Google Contacts CSV, and with how much
# memory, next to what sqlite3 itself does with the same file, all in the
# same run.  The targets (issue 15): kith's whole import (folding, sort
# keys, dedup, search index) takes at most 2 times (stretch: 1.5) as long
# as B, sqlite3's ".import" followed by an FTS5 index (prefix='2 3')
# rebuilt over every column kith indexes (first and last name, e-mail,
# phone, company, title, notes); its rows/s at the largest size are at
# least 0.8 times those at the smallest; its peak RSS stays under 64 MiB
# and flat in the file's size.
#
#	tests/bench/bench_import.sh [BUILD_DIR]
#
# BUILD_DIR (default ./build) must hold kith, tests/bench/kith-bench-csv and
# tests/bench/kith-bench-csvparse; this script builds nothing.  For each
# size in $KITH_BENCH_SIZES (default "100000 1000000") it makes the CSV
# once, in $KITH_BENCH_DIR (default /tmp/kith-bench), reuses it while its
# marker says it is complete and was written by the same version of the
# generator, then times, each into a new database file: a bare libcsv
# parse; sqlite3's .import; .import and an FTS5 rebuild (the baseline B);
# the same over the four columns of the old baseline (name, e-mail and
# company); .import into a table whose FTS5 index a trigger keeps up row
# by row; and kith import.  Environment: KITH_BENCH_RUNS (default 1; the
# best time and the largest peak RSS of that many runs are kept),
# KITH_BENCH_SEED (default 1), KITH_BENCH_DUPS (rows per mille that repeat
# an earlier contact, default 10), KITH_BENCH_REGEN=1 to make the files
# again, KITH_BENCH_KEEP=1 to keep the databases, KITH_BENCH_SQLPROF=1 to
# run kith once more with each SQL statement timed (sqlprof.c) and print
# the most expensive statements.  The kith row is followed by its CPU time
# (user and system) against B's, with the floor that time sets on this
# machine's cores (the CPU time over the cores, against B's wall time), and
# the end of each phase of its last run (KITH_IMPORT_TRACE: first pass,
# rows, indexes, search entries, end).  Times and peak RSS come
# from /usr/bin/time (installed with apt-get when run as root); hyperfine
# is not used, since every run needs a new file and its peak RSS.  Not
# part of CTest.
set -euo pipefail
. "$(dirname "$0")/summary.inc"

build=${1:-./build}
dir=${KITH_BENCH_DIR:-/tmp/kith-bench}
sizes=${KITH_BENCH_SIZES:-100000 1000000}
runs=${KITH_BENCH_RUNS:-1}
seed=${KITH_BENCH_SEED:-1}
dups=${KITH_BENCH_DUPS:-10}
kith=$build/kith
gen=$build/tests/bench/kith-bench-csv
parse=$build/tests/bench/kith-bench-csvparse
sqlprof=$build/tests/bench/libkith-bench-sqlprof.so

# The same locale for every run; kith's clock and database stay its own.
export LC_ALL=C.UTF-8
unset KITH_NOW KITH_DB

die() { echo "bench_import: $*" >&2; exit 1; }

[ -x "$kith" ] || die "$kith not found: build first (cmake --build $build)"
[ -x "$gen" ] || die "$gen not found: cmake --build $build --target kith-bench-csv"
[ -x "$parse" ] || die "$parse not found: cmake --build $build --target kith-bench-csvparse"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"

# Install what is missing when we may.
want() {	# command package
	command -v "$1" >/dev/null && return 0
	[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
	echo "bench_import: installing $2" >&2
	apt-get install -y -qq "$2" >/dev/null 2>&1 ||
	    { apt-get update -qq >/dev/null 2>&1 &&
	    apt-get install -y -qq "$2" >/dev/null 2>&1; } || true
	command -v "$1" >/dev/null
}
[ -x /usr/bin/time ] || want /usr/bin/time time ||
    die "/usr/bin/time not found (apt-get install time)"

mkdir -p "$dir"
results=$dir/import-results.txt
: >"$results"

# timed NAME CMD...: runs CMD $runs times, each into a new database
# ($db, removed first), with stdin from $stdin, stdout to $dir/NAME.out
# and stderr to $dir/NAME.err.  Sets secs (best wall time), cpu (the user
# and system time of that run) and rss (largest peak RSS, KiB).
db=
stdin=/dev/null
timed() {
	local name=$1 i t m u k line
	shift
	secs= cpu= rss=0
	for ((i = 0; i < runs; i++)); do
		rm -f "$db" "$db-wal" "$db-shm" "$db-journal"
		if ! /usr/bin/time -o "$dir/time.txt" -f '%e %M %U %S' "$@" \
		    <"$stdin" >"$dir/$name.out" 2>"$dir/$name.err"; then
			tail -5 "$dir/$name.err" >&2
			die "$name failed: $*"
		fi
		line=$(tail -1 "$dir/time.txt")
		read -r t m u k <<<"$line"
		if [ -z "$secs" ] || awk -v a="$t" -v b="$secs" 'BEGIN { exit !(a < b) }'; then
			secs=$t
			cpu=$(awk -v u="$u" -v k="$k" 'BEGIN { printf "%.2f", u + k }')
		fi
		if [ "$m" -gt "$rss" ]; then rss=$m; fi
	done
}

mib() { awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; }
per_s() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", (s > 0 ? n / s : 0) }'; }
row() { printf '%-36s %9s %10s %9s %8s\n' "$@"; }

for n in $sizes; do
	csv=$dir/import-$n-s$seed-d$dups.csv

	# --- the file ---------------------------------------------------------
	# A file of an older generator (other names, other columns) is made
	# again: its figures would not compare with this run's.
	if [ "${KITH_BENCH_REGEN:-0}" != 1 ] && [ -f "$csv.ok" ] &&
	    [ "$(stat -c %s "$csv")" = "$(awk '$1 == "bytes" { print $2 }' "$csv.ok")" ] &&
	    [ "$("$gen" --version)" = "$(sed -n 's/^version //p' "$csv.ok")" ]; then
		echo "reusing $csv"
	else
		rm -f "$csv.ok"
		echo "generating $csv"
		t0=$(date +%s%N)
		"$gen" "$csv" "$n" "$seed" "$dups" >"$csv.tmp"
		echo "version $("$gen" --version)" >>"$csv.tmp"
		t1=$(date +%s%N)
		mv "$csv.tmp" "$csv.ok"
		echo "generated in $(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }') s"
	fi
	n_dups=$(awk '$1 == "duplicates" { print $2 }' "$csv.ok")
	bytes=$(stat -c %s "$csv")
	mb=$(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }')
	cat "$csv" >/dev/null	# into the page cache, for every contender
	header=$(head -1 "$csv")

	echo
	echo "== $n rows, $mb MB, $n_dups rows repeat an earlier contact"
	row "what" "seconds" "rows/s" "peak RSS" "DB MB"

	# --- a bare libcsv parse: its own clock, without process start-up -----
	db=$dir/import-none.db stdin=/dev/null
	timed csvparse "$parse" "$csv"
	records=$(awk '$1 == "records" { print $2 }' "$dir/csvparse.out")
	[ "$records" = $((n + 1)) ] ||
	    die "libcsv read $records records, expected $((n + 1))"
	parse_s=$(awk '$1 == "seconds" { print $2 }' "$dir/csvparse.out")
	parse_rps=$(per_s "$n" "$parse_s")
	row "libcsv parse (in-process clock)" "$parse_s" "$parse_rps" "$(mib "$rss") MiB" "-"

	# --- sqlite3 .import alone --------------------------------------------
	# Every column kith indexes for search; the old baseline's four.
	fts_cols='"First Name", "Last Name", "E-mail 1 - Value", "Phone 1 - Value",
	    "Organization Name", "Organization Title", "Notes"'
	fts_cols4='"First Name", "Last Name", "E-mail 1 - Value", "Organization Name"'
	fts_opts="prefix='2 3', tokenize='unicode61 remove_diacritics 2'"
	db=$dir/import-sqlite3.db
	stdin=$dir/import.sql
	printf '.import --csv %s t\n' "$csv" >"$stdin"
	timed sqlite3-import sqlite3 -batch "$db"
	imp_s=$secs
	[ "$(sqlite3 -batch "$db" 'SELECT count(*) FROM t')" = "$n" ] ||
	    die "sqlite3 .import did not store $n rows"
	row "sqlite3 .import" "$imp_s" "$(per_s "$n" "$imp_s")" "$(mib "$rss") MiB" \
	    "$(awk -v b="$(stat -c %s "$db")" 'BEGIN { printf "%.0f", b / 1e6 }')"

	# --- B: .import, then an FTS5 index built in one go -------------------
	for cols in "$fts_cols4" "$fts_cols"; do
		stdin=$dir/import-fts.sql
		cat >"$stdin" <<-EOF
		.import --csv $csv t
		CREATE VIRTUAL TABLE f USING fts5($cols, content='t', $fts_opts);
		INSERT INTO f(f) VALUES('rebuild');
		EOF
		timed sqlite3-fts sqlite3 -batch "$db"
		[ "$(sqlite3 -batch "$db" "SELECT count(*) FROM f WHERE f MATCH 'ab*'")" -gt 0 ] ||
		    die "the FTS5 index of the baseline finds nothing"
		if [ "$cols" = "$fts_cols4" ]; then
			base4_s=$secs
			what="B4: the same, 4 columns (old B)"
		else
			base_s=$secs base_rss=$rss base_cpu=$cpu
			what="B: .import + FTS5 rebuild"
		fi
		row "$what" "$secs" "$(per_s "$n" "$secs")" "$(mib "$rss") MiB" \
		    "$(awk -v b="$(stat -c %s "$db")" 'BEGIN { printf "%.0f", b / 1e6 }')"
	done

	# --- .import with the FTS5 index kept up by a trigger, row by row -----
	stdin=$dir/import-rowwise.sql
	cols=$(awk -F, '{ for (i = 1; i <= NF; i++)
	    printf "%s\"%s\" TEXT", (i > 1 ? ", " : ""), $i }' <<<"$header")
	cat >"$stdin" <<-EOF
	CREATE TABLE t ($cols);
	CREATE VIRTUAL TABLE f USING fts5($fts_cols, content='t', $fts_opts);
	CREATE TRIGGER t_ai AFTER INSERT ON t BEGIN
	  INSERT INTO f (rowid, $fts_cols) VALUES (new.rowid,
	      new."First Name", new."Last Name", new."E-mail 1 - Value",
	      new."Phone 1 - Value", new."Organization Name",
	      new."Organization Title", new."Notes");
	END;
	.import --csv --skip 1 $csv t
	EOF
	timed sqlite3-rowwise sqlite3 -batch "$db"
	row_s=$secs
	row "sqlite3 .import, FTS5 row by row" "$row_s" "$(per_s "$n" "$row_s")" "$(mib "$rss") MiB" \
	    "$(awk -v b="$(stat -c %s "$db")" 'BEGIN { printf "%.0f", b / 1e6 }')"
	[ "${KITH_BENCH_KEEP:-0}" = 1 ] || rm -f "$db"

	# --- kith import --------------------------------------------------------
	db=$dir/import-kith.db
	stdin=/dev/null
	rm -f "$dir/kith-phases.txt"
	timed kith-import env KITH_IMPORT_TRACE="$dir/kith-phases.txt" \
	    "$kith" --db "$db" import "$csv"
	kith_s=$secs kith_rss=$rss kith_cpu=$cpu
	report=$(tail -1 "$dir/kith-import.out")
	read_rows=$(sed -n 's/^imported \([0-9]*\) rows.*/\1/p' <<<"$report")
	[ "$read_rows" = "$n" ] || die "kith read ${read_rows:-?} rows, expected $n: $report"
	case $report in
	*" 0 rejected"*) ;;
	*) die "kith rejected rows: $report" ;;
	esac
	row "kith import" "$kith_s" "$(per_s "$n" "$kith_s")" "$(mib "$rss") MiB" \
	    "$(awk -v b="$(stat -c %s "$db")" 'BEGIN { printf "%.0f", b / 1e6 }')"
	echo "kith: $report"
	# The floor the cores set: kith's CPU time spread perfectly over them.
	echo "kith CPU: $kith_cpu s (user + system) against B's $base_cpu s:" \
	    "$(awk -v k="$kith_cpu" -v b="$base_cpu" 'BEGIN { printf "%.2f", k / b }') x;" \
	    "on $(nproc) cores no run can take less than" \
	    "$(awk -v k="$kith_cpu" -v c="$(nproc)" -v b="$base_s" 'BEGIN { printf "%.2f", k / c / b }') x B"
	# Where its last run's time went: each phase's end (KITH_IMPORT_TRACE).
	echo "kith phases (s at the end of each): $(tail -5 "$dir/kith-phases.txt" |
	    tr '\n' ' ')"
	[ "${KITH_BENCH_KEEP:-0}" = 1 ] || rm -f "$db" "$db-wal" "$db-shm"

	# --- optionally, once more, with each SQL statement timed -------------
	if [ "${KITH_BENCH_SQLPROF:-0}" = 1 ]; then
		[ -f "$sqlprof" ] || die "$sqlprof not found: cmake --build $build --target kith-bench-sqlprof"
		db=$dir/import-kith-sqlprof.db
		rm -f "$db" "$db-wal" "$db-shm"
		LD_PRELOAD=$sqlprof KITH_SQLPROF=$dir/sqlprof-$n.txt \
		    "$kith" --db "$db" import "$csv" >/dev/null 2>&1 ||
		    die "kith import with $sqlprof failed"
		rm -f "$db" "$db-wal" "$db-shm"
		echo "statements, from $dir/sqlprof-$n.txt (a run of its own):"
		head -17 "$dir/sqlprof-$n.txt" | cut -c1-110
	fi

	ratio=$(awk -v k="$kith_s" -v b="$base_s" 'BEGIN { printf "%.2f", k / b }')
	echo "kith / B = $ratio (target <= 2, stretch 1.5); kith / B4 =" \
	    "$(awk -v k="$kith_s" -v b="$base4_s" 'BEGIN { printf "%.2f", k / b }')"
	bench_summary "$n" import_rps "$(per_s "$n" "$kith_s")"
	bench_summary "$n" import_ratio "$ratio"
	bench_summary "$n" import_rss_kib "$kith_rss"
	printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$n" "$mb" \
	    "$kith_s" "$(per_s "$n" "$kith_s")" "$(mib "$kith_rss")" \
	    "$base_s" "$ratio" "$imp_s" "$row_s" "$parse_rps" \
	    "$(mib "$base_rss")" "$base4_s" >>"$results"
done

echo
echo "== figures ($(nproc) cores; best of $runs run(s); seed $seed, $dups per mille duplicates)"
printf '%9s %7s %8s %8s %8s %7s %6s %7s %8s %8s %10s\n' "rows" "MB" "kith s" \
    "rows/s" "RSS MiB" "B s" "kith/B" "B4 s" "import s" "FTS rbr" "csv rows/s"
while IFS=$'\t' read -r n mb ks krps krss bs ratio is rs prps brss b4s; do
	printf '%9s %7s %8s %8s %8s %7s %6s %7s %8s %8s %10s\n' "$n" "$mb" "$ks" \
	    "$krps" "$krss" "$bs" "$ratio" "$b4s" "$is" "$rs" "$prps"
done <"$results"
echo "B = sqlite3 .import + FTS5 rebuild over the 7 columns kith indexes;" \
    "B4 = over 4 (the old baseline); FTS rbr = B's index kept by a trigger"
awk -F'\t' '{ ratio[NR] = $7; rss[NR] = $5; n[NR] = $1; rps[NR] = $4 }
    END {
	ok = 1; stretch = 1; flat = 1
	for (i = 1; i <= NR; i++) {
		if (ratio[i] > 2) ok = 0
		if (ratio[i] > 1.5) stretch = 0
		if (rss[i] > 64) flat = 0
	}
	if (stretch)
		verdict = "within 1.5 (the stretch target) at every size"
	else if (ok)
		verdict = "within 2 at every size"
	else
		verdict = "OVER 2"
	printf "kith / B: %s\n", verdict
	if (NR > 1) {
		printf "kith rows/s: %s at %d rows, %s at %d rows: %.2f of it ", rps[1], n[1], rps[NR], n[NR], (rps[1] > 0 ? rps[NR] / rps[1] : 0)
		printf "(target >= 0.8)\n"
		printf "kith peak RSS: %s MiB at %d rows, %s MiB at %d rows\n",
		    rss[1], n[1], rss[NR], n[NR]
	}
	printf "kith peak RSS: %s\n", (flat ? "within 64 MiB at every size" : "OVER 64 MiB")
    }' "$results"
