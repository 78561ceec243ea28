#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The loose name matcher at scale: whole-process times of kith list with a
# transliteration variant and a nickname, a lookup that only the matcher
# answers, and kith dupes, on a generated book (default 1,000,000
# contacts).  The matcher reads the search index's keys column, never the
# contacts one by one, so the searches must stay near an ordinary
# "kith list petr" (printed alongside); kith dupes is a report and is
# timed once.
#
#	tests/bench/bench_match.sh [BUILD_DIR]
#
# BUILD_DIR (default ./build) must hold kith and tests/bench/kith-bench-gen;
# this script builds nothing.  Environment: KITH_BENCH_DIR (default
# /tmp/kith-bench), KITH_BENCH_CONTACTS (default 1000000), KITH_BENCH_RUNS
# (default 10), KITH_BENCH_REGEN=1 to make the database again.  Not part
# of CTest.
set -euo pipefail

build=${1:-./build}
dir=${KITH_BENCH_DIR:-/tmp/kith-bench}
nc=${KITH_BENCH_CONTACTS:-1000000}
runs=${KITH_BENCH_RUNS:-10}
kith=$build/kith
gen=$build/tests/bench/kith-bench-gen
db=$dir/kith-match-$nc.db

export LC_ALL=C.UTF-8
unset KITH_NOW KITH_DB KITH_NICKNAMES

die() { echo "bench_match: $*" >&2; exit 1; }

[ -x "$kith" ] || die "$kith not found: build first (cmake --build $build)"
[ -x "$gen" ] || die "$gen not found: cmake --build $build --target kith-bench-gen"
mkdir -p "$dir"

if [ "${KITH_BENCH_REGEN:-0}" = 1 ] || [ ! -s "$db" ]; then
	rm -f "$db" "$db-wal" "$db-shm"
	echo "bench_match: generating $nc contacts in $db" >&2
	"$gen" "$db" "$nc" 0 >/dev/null
	# Names the matcher should find by their variants.
	"$kith" --db "$db" add "Алексей Смирнов" >/dev/null
	"$kith" --db "$db" add "Robert Quennell" --org "Acme Holdings Ltd" \
	    >/dev/null
	"$kith" --db "$db" add "Bob Quennell" --org "ACME Holdings" >/dev/null
fi

# ms CMD...: the median of $runs whole-process runs, in milliseconds.
ms() {
	local i t0 t1 all=()
	"$@" >/dev/null 2>&1 || true	# warm the page cache
	for ((i = 0; i < runs; i++)); do
		t0=$EPOCHREALTIME
		"$@" >/dev/null 2>&1 || true
		t1=$EPOCHREALTIME
		all+=("$(echo "($t1 - $t0) * 1000" | bc)")
	done
	printf '%s\n' "${all[@]}" | sort -n | awk '{ a[NR] = $1 }
	    END { printf "%.1f", a[int((NR + 1) / 2)] }'
}

command -v bc >/dev/null || die "bc not found (apt-get install bc)"

# The answers first: a fast wrong answer is no answer.
"$kith" --db "$db" list alexei --tsv | grep -q "Алексей Смирнов" ||
    die "kith list alexei does not find Алексей Смирнов"
"$kith" --db "$db" show "bob quennell" | grep -q "Quennell" ||
    die "kith show 'bob quennell' finds nobody"
"$kith" --db "$db" dupes --tsv | grep -q "Quennell" ||
    die "kith dupes does not propose the Quennell pair"

printf '%-40s %8s\n' "command ($nc contacts)" "ms"
printf '%-40s %8s\n' "kith list petr" "$(ms "$kith" --db "$db" list petr --tsv)"
printf '%-40s %8s\n' "kith list alexei" "$(ms "$kith" --db "$db" list alexei --tsv)"
printf '%-40s %8s\n' "kith list bob" "$(ms "$kith" --db "$db" list bob --tsv)"
printf '%-40s %8s\n' "kith show 'alexey smirnov'" \
    "$(ms "$kith" --db "$db" show "alexey smirnov")"
printf '%-40s %8s\n' "kith show 'bob quennell'" \
    "$(ms "$kith" --db "$db" show "bob quennell")"
runs=1
printf '%-40s %8s\n' "kith dupes (once)" "$(ms "$kith" --db "$db" dupes --tsv)"
