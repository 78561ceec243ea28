#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# How long "kith due" takes as a whole process on a big database, next to
# a one-line sqlite3 query for the same list and an empty process, all in
# the same run: kith's target is under 10 ms with a million contacts and a
# million follow-ups, which holds only if start-up does no work in
# proportion to the data (no full scans, no lists loaded, no ICU data that
# "due" does not need).
#
#	tests/bench/bench_due.sh [BUILD_DIR]
#
# BUILD_DIR (default ./build) must hold kith and tests/bench/kith-bench-gen;
# this script builds nothing.  The database goes to $KITH_BENCH_DIR
# (default /tmp/kith-bench) and is reused while its row counts match.
# Environment: KITH_BENCH_CONTACTS, KITH_BENCH_FOLLOWUPS (default 1000000
# each), KITH_BENCH_RUNS (default 50), KITH_BENCH_REGEN=1 to make the
# database again.  Uses hyperfine when it is there (installed with apt-get
# when run as root; KITH_BENCH_HYPERFINE=0 to do without), else a timing
# loop in bash.  Not part of CTest.
set -euo pipefail
. "$(dirname "$0")/summary.inc"

build=${1:-./build}
dir=${KITH_BENCH_DIR:-/tmp/kith-bench}
nc=${KITH_BENCH_CONTACTS:-1000000}
nf=${KITH_BENCH_FOLLOWUPS:-1000000}
runs=${KITH_BENCH_RUNS:-50}
kith=$build/kith
gen=$build/tests/bench/kith-bench-gen
db=$dir/kith-$nc-$nf.db

# Pin the locale; leave TZ alone: kith and sqlite3's 'localtime' both
# follow it, so they agree on what today is.  KITH_NOW would pin kith's
# clock and not sqlite3's.
export LC_ALL=C.UTF-8
unset KITH_NOW KITH_DB

die() { echo "bench_due: $*" >&2; exit 1; }

[ -x "$kith" ] || die "$kith not found: build first (cmake --build $build)"
[ -x "$gen" ] || die "$gen not found: cmake --build $build --target kith-bench-gen"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"

# Optional tools: install them when we may, else do without.
want() {	# command package
	command -v "$1" >/dev/null && return 0
	[ "$(id -u)" = 0 ] && command -v apt-get >/dev/null || return 1
	echo "bench_due: installing $2" >&2
	apt-get install -y -qq "$2" >/dev/null 2>&1 ||
	    { apt-get update -qq >/dev/null 2>&1 &&
	    apt-get install -y -qq "$2" >/dev/null 2>&1; } || true
	command -v "$1" >/dev/null
}
have_hyperfine=0
[ "${KITH_BENCH_HYPERFINE:-1}" = 0 ] || ! want hyperfine hyperfine ||
    have_hyperfine=1
have_time=0; [ -x /usr/bin/time ] || want /usr/bin/time time || true
[ -x /usr/bin/time ] && have_time=1

q() { sqlite3 -batch "$db" "$1"; }

# --- the database ----------------------------------------------------------
mkdir -p "$dir"
if [ "${KITH_BENCH_REGEN:-0}" != 1 ] && [ -f "$db.ok" ] &&
    [ "$(q 'SELECT count(*) FROM contact') $(q 'SELECT count(*) FROM followup')" = "$nc $nf" ]; then
	echo "reusing $db (made $(cat "$db.ok"))"
else
	rm -f "$db.ok"
	echo "generating $db: $nc contacts, $nf follow-ups"
	t0=$(date +%s%N)
	"$gen" "$db" "$nc" "$nf" >/dev/null
	t1=$(date +%s%N)
	gen_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
	echo "$(date '+%F %T'), in $gen_s s" >"$db.ok"
	echo "generated in $gen_s s"
fi

# The list "kith due" prints (overdue, then today), as kith due --tsv
# writes it: id, due, days late, contact id, name, action, time of day.
today="date('now', 'localtime')"
due_sql="SELECT f.id, f.due, CAST(julianday($today) - julianday(f.due) AS INTEGER), ifnull(f.contact_id, 0), c.display, f.action, ifnull(f.due_time, '') FROM followup f LEFT JOIN contact c ON c.id = f.contact_id WHERE f.done_at IS NULL AND f.due <= $today ORDER BY f.due, f.due_time, f.id"
# The statement of followup_each_due() in src/core/followup.c, for the plan.
kith_sql="SELECT f.id, f.contact_id, c.display, f.action, f.due, f.done_at, f.snoozes, f.due_time FROM followup f LEFT JOIN contact c ON c.id = f.contact_id WHERE f.done_at IS NULL AND f.due <= $today ORDER BY f.due, f.due_time, f.id"

echo
echo "== database"
size=$(stat -c %s "$db")
printf '%-28s %s (%.0f MiB)\n' "file" "$db" "$(awk -v s="$size" 'BEGIN { print s / 1048576 }')"
q "SELECT 'contacts', count(*) FROM contact UNION ALL
   SELECT 'emails', count(*) FROM email UNION ALL
   SELECT 'phones', count(*) FROM phone UNION ALL
   SELECT 'organisations', count(*) FROM org UNION ALL
   SELECT 'follow-ups', count(*) FROM followup UNION ALL
   SELECT 'pending', count(*) FROM followup WHERE done_at IS NULL UNION ALL
   SELECT 'overdue', count(*) FROM followup WHERE done_at IS NULL AND due < $today UNION ALL
   SELECT 'due today', count(*) FROM followup WHERE done_at IS NULL AND due = $today" |
    awk -F'|' '{ printf "%-28s %s\n", $1, $2 }'

echo
echo "== EXPLAIN QUERY PLAN of kith's due query (followup_each_due)"
q "EXPLAIN QUERY PLAN $kith_sql"

echo
echo "== same list?"
"$kith" --db "$db" due --tsv >"$dir/due.kith"
sqlite3 -batch -separator $'\t' "$db" "$due_sql" >"$dir/due.sqlite3"
if cmp -s "$dir/due.kith" "$dir/due.sqlite3"; then
	echo "kith due --tsv and the sqlite3 query agree: $(wc -l <"$dir/due.kith") rows"
else
	echo "kith due --tsv and the sqlite3 query DIFFER:"
	diff "$dir/due.kith" "$dir/due.sqlite3" | head -20 || true
fi

# --- timings ---------------------------------------------------------------
# Each measure appends "name<TAB>mean<TAB>median<TAB>min" (ms) to $results.
results=$dir/results.txt
: >"$results"

# hyperfine over several commands at once: measure_hf SHELL NAME... --
# CMD...; SHELL is -N (no shell) or --shell=sh for pipelines, whose shell
# start-up hyperfine measures and subtracts.
measure_hf() {
	local shell=$1; shift
	local names=() cmds=() args=() i
	while [ "$1" != -- ]; do names+=("$1"); shift; done
	shift
	cmds=("$@")
	for i in "${!cmds[@]}"; do args+=(-n "${names[$i]}" "${cmds[$i]}"); done
	hyperfine "$shell" --warmup 5 --runs "$runs" --style basic \
	    --export-csv "$dir/hf.csv" "${args[@]}" >&2
	# command,mean,stddev,median,user,system,min,max in seconds
	tail -n +2 "$dir/hf.csv" | awk -F, '{ printf "%s\t%.2f\t%.2f\t%.2f\n",
	    $1, $2 * 1000, $4 * 1000, $7 * 1000 }' >>"$results"
}

# The fallback: a bash loop timed with EPOCHREALTIME (no process of its
# own), the same warm-up and run count; the /bin/true row shows what the
# loop's fork and exec cost by themselves.
measure_loop() {
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

k="$kith --db $db"
echo
echo "== timings: $runs runs each after 5 warm-up runs$([ $have_hyperfine = 1 ] && echo ", hyperfine" || echo ", bash loop (no hyperfine)")"
if [ $have_hyperfine = 1 ]; then
	measure_hf -N "kith due" "sqlite3 due query" "kith --version" \
	    "/bin/true" -- \
	    "$k due" "sqlite3 -batch $db \"$due_sql\"" "$kith --version" \
	    "/bin/true"
	measure_hf --shell=sh "kith list --tsv | head -50" \
	    "kith list petr --tsv | head" -- \
	    "$k list --tsv | head -50" "$k list petr --tsv | head"
else
	measure_loop "kith due" "$k due"
	measure_loop "sqlite3 due query" "sqlite3 -batch $db \"$due_sql\""
	measure_loop "kith --version" "$kith --version"
	measure_loop "/bin/true" "/bin/true"
	measure_loop "kith list --tsv | head -50" "$k list --tsv | head -50"
	measure_loop "kith list petr --tsv | head" "$k list petr --tsv | head"
fi

rss="n/a"
if [ $have_time = 1 ]; then
	rss_kb=$(/usr/bin/time -f %M "$kith" --db "$db" due 2>&1 >/dev/null | tail -1)
	rss=$(awk -v k="$rss_kb" 'BEGIN { printf "%.1f MiB", k / 1024 }')
fi

echo
echo "== figures ($(nproc) cores; $nc contacts, $nf follow-ups; $(du -m "$db" | cut -f1) MiB)"
printf '%-30s %9s %9s %9s  %s\n' "what" "mean ms" "median" "min ms" "target"
while IFS=$'\t' read -r name mean median min; do
	case $name in
	"kith due") target="< 10 ms" ;;
	"sqlite3 due query") target="reference: same list" ;;
	"kith --version") target="kith start-up, no database" ;;
	"/bin/true") target="baseline: empty process" ;;
	*) target="-" ;;
	esac
	printf '%-30s %9s %9s %9s  %s\n' "$name" "$mean" "$median" "$min" "$target"
done <"$results"
printf '%-30s %9s\n' "kith due peak RSS" "$rss"

mean_due=$(awk -F'\t' '$1 == "kith due" { print $2 }' "$results")
bench_summary "$nc" due_ms "$(awk -F'\t' '$1 == "kith due" { print $3 }' "$results")"
[ $have_time = 1 ] && bench_summary "$nc" due_rss_kib "$rss_kb"
if awk -v m="$mean_due" 'BEGIN { exit !(m < 10) }'; then
	echo "kith due: $mean_due ms mean, within the 10 ms target"
else
	echo "kith due: $mean_due ms mean, OVER the 10 ms target"
fi
