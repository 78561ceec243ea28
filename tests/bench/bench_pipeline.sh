#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# How long "kith pipeline" takes as a whole process with 100,000 deals over
# a million contacts, next to sqlite3 running the same per-stage GROUP BY
# on the same file, kith's start-up and an empty process, all in the same
# run.  The target is 50 ms for the whole report, which holds only if every
# figure is an aggregate over an index (pipeline.h): no deal is loaded one
# by one.
#
#	tests/bench/bench_pipeline.sh [BUILD_DIR]
#	tests/bench/bench_pipeline.sh [BUILD_DIR] --db-path
#
# BUILD_DIR (default ./build) must hold kith and tests/bench/kith-bench-gen;
# this script builds nothing.  The database goes to $KITH_BENCH_DIR
# (default /tmp/kith-bench) as kith-C-F-dD.db and is reused while its row
# counts match.  --db-path makes it if needed and prints its path, and
# nothing else on stdout: the board's benchmark opens the same book.
# Environment: KITH_BENCH_CONTACTS (default 1000000), KITH_BENCH_FOLLOWUPS
# (default 1000000), KITH_BENCH_DEALS (default 100000), KITH_BENCH_RUNS
# (default 30), KITH_BENCH_REGEN=1 to make the database again,
# KITH_BENCH_HYPERFINE=0 to time with a bash loop even when hyperfine is
# installed.  A quick look at a small book:
#
#	KITH_BENCH_CONTACTS=10000 KITH_BENCH_FOLLOWUPS=10000 \
#	    KITH_BENCH_DEALS=1000 KITH_BENCH_RUNS=10 \
#	    tests/bench/bench_pipeline.sh ./build
#
# Not part of CTest.
set -euo pipefail
. "$(dirname "$0")/summary.inc"

build=${1:-./build}
mode=${2:-}
dir=${KITH_BENCH_DIR:-/tmp/kith-bench}
nc=${KITH_BENCH_CONTACTS:-1000000}
nf=${KITH_BENCH_FOLLOWUPS:-1000000}
nd=${KITH_BENCH_DEALS:-100000}
runs=${KITH_BENCH_RUNS:-30}
kith=$build/kith
gen=$build/tests/bench/kith-bench-gen
db=$dir/kith-$nc-$nf-d$nd.db

# Pin the locale; leave TZ alone (kith and sqlite3 both follow it).
# KITH_NOW would pin kith's clock and not sqlite3's.
export LC_ALL=C.UTF-8
unset KITH_NOW KITH_DB

die() { echo "bench_pipeline: $*" >&2; exit 1; }
say() { [ "$mode" = --db-path ] && echo "$*" >&2 || echo "$*"; }

[ -x "$kith" ] || die "$kith not found: build first (cmake --build $build)"
[ -x "$gen" ] || die "$gen not found: cmake --build $build --target kith-bench-gen"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"

q() { sqlite3 -batch "$db" "$1"; }

# --- the database ----------------------------------------------------------
mkdir -p "$dir"
if [ "${KITH_BENCH_REGEN:-0}" != 1 ] && [ -f "$db.ok" ] &&
    [ "$(q 'SELECT (SELECT count(*) FROM contact), (SELECT count(*) FROM followup WHERE deal_id IS NULL), (SELECT count(*) FROM deal)')" = "$nc|$nf|$nd" ]; then
	say "reusing $db (made $(cat "$db.ok"))"
else
	rm -f "$db.ok"
	say "generating $db: $nc contacts, $nf follow-ups, $nd deals"
	t0=$(date +%s%N)
	"$gen" --deals "$nd" "$db" "$nc" "$nf" >/dev/null
	t1=$(date +%s%N)
	gen_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
	echo "$(date '+%F %T'), in $gen_s s" >"$db.ok"
	say "generated in $gen_s s"
fi
if [ "$mode" = --db-path ]; then
	echo "$db"
	exit 0
fi
[ -z "$mode" ] || die "unknown argument '$mode' (only --db-path)"

# The baseline: the per-stage, per-currency GROUP BY of
# pipeline_stage_totals() (src/core/pipeline.c) as one sqlite3 statement,
# printing raw hundredths.
totals_sql="SELECT s.name, count(d.stage_id), coalesce(sum(d.value_cents), 0), coalesce(sum(d.value_cents), 0) * s.probability / 100, ifnull(d.currency, '') FROM stage s LEFT JOIN deal d ON d.stage_id = s.id WHERE s.kind = 'open' GROUP BY s.id, d.currency ORDER BY s.pos, s.id, d.currency IS NULL, d.currency"

echo
echo "== database"
size=$(stat -c %s "$db")
printf '%-28s %s (%.0f MiB)\n' "file" "$db" "$(awk -v s="$size" 'BEGIN { print s / 1048576 }')"
q "SELECT 'contacts', count(*) FROM contact UNION ALL
   SELECT 'follow-ups', count(*) FROM followup UNION ALL
   SELECT 'follow-ups on deals', count(*) FROM followup WHERE deal_id IS NOT NULL UNION ALL
   SELECT 'deals', count(*) FROM deal UNION ALL
   SELECT 'open deals', count(*) FROM deal d JOIN stage s ON s.id = d.stage_id WHERE s.kind = 'open' UNION ALL
   SELECT 'deal people', count(*) FROM deal_contact UNION ALL
   SELECT 'stage changes', count(*) FROM deal_stage_history UNION ALL
   SELECT 'currencies', count(DISTINCT currency) FROM deal" |
    awk -F'|' '{ printf "%-28s %s\n", $1, $2 }'

echo
echo "== EXPLAIN QUERY PLAN of the stage totals (pipeline_stage_totals)"
q "EXPLAIN QUERY PLAN $totals_sql"

echo
echo "== same stages?"
"$kith" --db "$db" pipeline --tsv | cut -f 1,2,5 >"$dir/pipeline.kith"
sqlite3 -batch -separator $'\t' "$db" "$totals_sql" | cut -f 1,2,5 >"$dir/pipeline.sqlite3"
if cmp -s "$dir/pipeline.kith" "$dir/pipeline.sqlite3"; then
	echo "kith pipeline --tsv and the sqlite3 GROUP BY agree on stages, counts and currencies: $(wc -l <"$dir/pipeline.kith") rows"
else
	echo "kith pipeline --tsv and the sqlite3 GROUP BY DIFFER:"
	diff "$dir/pipeline.kith" "$dir/pipeline.sqlite3" | head -20 || true
fi

# --- timings ---------------------------------------------------------------
# Each measure appends "name<TAB>mean<TAB>median<TAB>min" (ms) to $results.
results=$dir/pipeline-results.txt
: >"$results"

measure_hf() {	# NAME... -- CMD...
	local names=() cmds=() args=() i
	while [ "$1" != -- ]; do names+=("$1"); shift; done
	shift
	cmds=("$@")
	for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
	hyperfine -N --warmup 5 --runs "$runs" --style basic \
	    --export-csv "$dir/pipeline-hf.csv" "${args[@]}" >&2
	# command,mean,stddev,median,user,system,min,max in seconds
	tail -n +2 "$dir/pipeline-hf.csv" | awk -F, '{ printf "%s\t%.2f\t%.2f\t%.2f\n",
	    $1, $2 * 1000, $4 * 1000, $7 * 1000 }' >>"$results"
}

# Without hyperfine: a bash loop timed with EPOCHREALTIME, the same warm-up
# and run count; the /bin/true row shows the loop's own fork and exec.
measure_loop() {	# NAME CMD
	local name=$1 cmd=$2 i t0 t1
	local times=()
	for ((i = 0; i < 5; i++)); do eval "$cmd" >/dev/null 2>&1 || true; done
	for ((i = 0; i < runs; i++)); do
		t0=$EPOCHREALTIME
		eval "$cmd" >/dev/null 2>&1 || true
		t1=$EPOCHREALTIME
		times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')")
	done
	printf '%s\n' "${times[@]}" | sort -g | awk -v name="$name" '
	    { t[NR] = $1; s += $1 }
	    END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
		printf "%s\t%.2f\t%.2f\t%.2f\n", name, s / NR, m, t[1] }' >>"$results"
}

have_hyperfine=0
[ "${KITH_BENCH_HYPERFINE:-1}" != 0 ] && command -v hyperfine >/dev/null &&
    have_hyperfine=1

k="$kith --db $db"
echo
echo "== timings: $runs runs each after 5 warm-up runs$([ $have_hyperfine = 1 ] && echo ", hyperfine" || echo ", bash loop (no hyperfine)")"
if [ $have_hyperfine = 1 ]; then
	measure_hf "kith pipeline" "kith pipeline --tsv" \
	    "sqlite3 stage GROUP BY" "kith --version" "/bin/true" -- \
	    "$k pipeline" "$k pipeline --tsv" \
	    "sqlite3 -batch $db \"$totals_sql\"" "$kith --version" "/bin/true"
else
	measure_loop "kith pipeline" "$k pipeline"
	measure_loop "kith pipeline --tsv" "$k pipeline --tsv"
	measure_loop "sqlite3 stage GROUP BY" "sqlite3 -batch $db \"$totals_sql\""
	measure_loop "kith --version" "$kith --version"
	measure_loop "/bin/true" "/bin/true"
fi
# Other figures on the same book (the board's first paint) go here, each
# appending "name<TAB>mean<TAB>median<TAB>min" to $results; they then show
# in the table below.

rss="n/a"
if [ -x /usr/bin/time ]; then
	rss_kb=$(/usr/bin/time -f %M "$kith" --db "$db" pipeline 2>&1 >/dev/null | tail -1)
	rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f MiB", k / 1024 }')
fi

echo
echo "== figures ($(nproc) cores; $nc contacts, $nf follow-ups, $nd deals; $(du -m "$db" | cut -f1) MiB)"
printf '%-30s %9s %9s %9s  %s\n' "what" "mean ms" "median" "min ms" "target"
while IFS=$'\t' read -r name mean median min; do
	case $name in
	"kith pipeline") target="<= 50 ms" ;;
	"kith pipeline --tsv") target="the stage totals only" ;;
	"sqlite3 stage GROUP BY") target="baseline: the same totals" ;;
	"kith --version") target="kith start-up, no database" ;;
	"/bin/true") target="empty process" ;;
	*) target="-" ;;
	esac
	printf '%-30s %9s %9s %9s  %s\n' "$name" "$mean" "$median" "$min" "$target"
done <"$results"
printf '%-30s %9s\n' "kith pipeline peak RSS" "$rss"

median=$(awk -F'\t' '$1 == "kith pipeline" { print $3 }' "$results")
bench_summary "$nc" pipeline_ms "$median"
[ "$rss" = n/a ] || bench_summary "$nc" pipeline_rss_kib "$rss_kb"
if awk -v m="$median" 'BEGIN { exit !(m <= 50) }'; then
	echo "kith pipeline: $median ms median, within the 50 ms target"
else
	echo "kith pipeline: $median ms median, OVER the 50 ms target"
fi
