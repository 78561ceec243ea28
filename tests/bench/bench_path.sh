#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# How long "kith path" between two distant contacts and "kith conflict" of
# three names take as whole processes on a million contacts with two
# million relationships (issue 13's target: 100 ms each), next to kith's
# start-up.  The book is the pipeline benchmark's (kith-bench-gen) plus,
# added here with sqlite3, two relationships per contact: one to the next
# contact (a ring: two contacts far apart on it are far apart by those
# links) and one to a contact spread across the book by a multiplicative
# step (a small world: chains exist, mostly longer than 4 links).
#
#	tests/bench/bench_path.sh [BUILD_DIR]
#
# BUILD_DIR (default ./build) must hold kith and tests/bench/kith-bench-gen;
# this script builds nothing.  The database goes to $KITH_BENCH_DIR
# (default /tmp/kith-bench) as kith-path-C.db and is reused while its row
# counts match.  Environment: KITH_BENCH_CONTACTS (default 1000000),
# KITH_BENCH_RUNS (default 20), KITH_BENCH_REGEN=1 to make the database
# again.  A quick look at a small book:
#
#	KITH_BENCH_CONTACTS=2000 KITH_BENCH_RUNS=3 tests/bench/bench_path.sh
#
# Not part of CTest.
set -euo pipefail
. "$(dirname "$0")/summary.inc"

build=${1:-./build}
dir=${KITH_BENCH_DIR:-/tmp/kith-bench}
nc=${KITH_BENCH_CONTACTS:-1000000}
runs=${KITH_BENCH_RUNS:-20}
kith=$build/kith
gen=$build/tests/bench/kith-bench-gen
db=$dir/kith-path-$nc.db
nr=$((nc * 2))

export LC_ALL=C.UTF-8 KITH_USER=bench
unset KITH_NOW KITH_DB

die() { echo "bench_path: $*" >&2; exit 1; }

[ -x "$kith" ] || die "$kith not found: build first (cmake --build $build)"
[ -x "$gen" ] || die "$gen not found: cmake --build $build --target kith-bench-gen"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"
[ "$nc" -ge 100 ] || die "KITH_BENCH_CONTACTS: at least 100"

q() { sqlite3 -batch "$db" "$1"; }

# --- the database ----------------------------------------------------------
mkdir -p "$dir"
if [ "${KITH_BENCH_REGEN:-0}" != 1 ] && [ -f "$db.ok" ] &&
    [ "$(q 'SELECT (SELECT count(*) FROM contact), (SELECT count(*) FROM relation)')" = "$nc|$nr" ]; then
	echo "reusing $db (made $(cat "$db.ok"))"
else
	rm -f "$db" "$db-wal" "$db-shm" "$db.ok"
	echo "generating $db: $nc contacts, $nr relationships"
	t0=$(date +%s%N)
	"$gen" --deals $((nc / 10)) "$db" "$nc" "$nc" >/dev/null
	# Ids are 1..nc.  Kinds: colleague for the ring, friend across.
	q "INSERT INTO relation (a, b, kind_id, created)
	   WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i
	       WHERE n < $nc)
	   SELECT n, n % $nc + 1, (SELECT id FROM rel_kind WHERE name =
	       'colleague'), strftime('%s', 'now') - n % 1000 * 86400 FROM i;
	   INSERT INTO relation (a, b, kind_id, created)
	   WITH RECURSIVE i(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM i
	       WHERE n < $nc)
	   SELECT n, CASE WHEN (n * 48271) % $nc + 1 = n THEN n % $nc + 1
	       ELSE (n * 48271) % $nc + 1 END, (SELECT id FROM rel_kind WHERE
	       name = 'friend'), strftime('%s', 'now') - n % 700 * 86400
	   FROM i;"
	t1=$(date +%s%N)
	gen_s=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.1f", (b - a) / 1e9 }')
	echo "$(date '+%F %T'), in $gen_s s" >"$db.ok"
	echo "generated in $gen_s s"
fi

# Two contacts half the ring apart; three names from the book.
from=1
to=$((nc / 2))
mapfile -t names < <(q "SELECT display FROM contact WHERE id IN
    ($((nc / 3)), $((nc / 2)), $((nc - 7))) ORDER BY id")
[ "${#names[@]}" -eq 3 ] || die "cannot read three names from $db"

echo
echo "== database"
q "SELECT 'contacts', count(*) FROM contact UNION ALL
   SELECT 'relationships', count(*) FROM relation UNION ALL
   SELECT 'organisations', count(*) FROM org UNION ALL
   SELECT 'deals', count(*) FROM deal UNION ALL
   SELECT 'deal people', count(*) FROM deal_contact UNION ALL
   SELECT 'interactions', count(*) FROM interaction" |
    awk -F'|' '{ printf "%-28s %s\n", $1, $2 }'

echo
echo "== answers"
echo "\$ kith path $from $to"
"$kith" --db "$db" path "$from" "$to" || true
echo "\$ kith conflict '${names[0]}' '${names[1]}' '${names[2]}' (hits)"
"$kith" --db "$db" conflict "${names[@]}" | grep -c '^ *[0-9]*\. ' || true

# --- timings ---------------------------------------------------------------
measure() {	# NAME CMD...: median and min of $runs runs, in ms
	local name=$1 i t0 t1
	local times=()
	shift
	for ((i = 0; i < 3; i++)); do "$@" >/dev/null 2>&1 || true; done
	for ((i = 0; i < runs; i++)); do
		t0=$EPOCHREALTIME
		"$@" >/dev/null 2>&1 || true
		t1=$EPOCHREALTIME
		times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')")
	done
	printf '%s\n' "${times[@]}" | sort -n | awk -v name="$name" '
	    { v[NR] = $1 }
	    END { m = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%-34s median %8.2f ms   min %8.2f ms\n", name, m, v[1] }'
}

echo
echo "== timings ($runs runs each, whole process)"
measure "kith --version (start-up)" "$kith" --version
line=$(measure "kith path (distant contacts)" "$kith" --db "$db" path "$from" "$to")
echo "$line"
bench_summary "$nc" path_ms "$(bench_median_of "$line")"
measure "kith path --depth 2" "$kith" --db "$db" path --depth 2 "$from" "$to"
line=$(measure "kith conflict (three names)" "$kith" --db "$db" conflict "${names[@]}")
echo "$line"
bench_summary "$nc" conflict_ms "$(bench_median_of "$line")"
echo
echo "Each kith conflict run above added a check to the record (kith conflict --list)."
