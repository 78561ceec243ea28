#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets (clang, KITH_FUZZ=ON, in build-fuzz) and
# runs each for a bounded time on its seed corpus: the CSV fixtures for the
# import, tests/fuzz/seeds/NAME.txt (one input a line) for the others.
# Fails on any crash, leak, timeout or sanitizer report; prints each
# target's executions, coverage and corpus.
#
#   KITH_FUZZ_SECONDS  seconds per target (default 30)
#   KITH_FUZZ_TARGETS  which targets (default all five)
#   KITH_FUZZ_JOBS     build jobs (default 2)
# The corpus grown by a run is kept in build-fuzz/corpus/NAME for the next.
set -eu
cd "$(dirname "$0")/../.."
src=$PWD
secs=${KITH_FUZZ_SECONDS:-30}
targets=${KITH_FUZZ_TARGETS:-fuzz_csv_import fuzz_date fuzz_search fuzz_termsafe fuzz_vcard}
b=build-fuzz

if ! command -v clang >/dev/null; then
	echo "fuzz: clang is missing (bash .ci/install-deps installs it)" >&2
	exit 1
fi
CC=clang cmake -S . -B "$b" -DKITH_FUZZ=ON -DBUILD_TESTING=OFF \
	-DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build "$b" -j "${KITH_FUZZ_JOBS:-2}" --target fuzz >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/kith-fuzz.XXXXXX")
trap 'rm -rf "$work"' EXIT
status=0
for t in $targets; do
	seeds="$work/seeds-$t"
	mkdir -p "$seeds" "$b/corpus/$t"
	if [ "$t" = fuzz_csv_import ]; then
		find "$src/tests/fixtures/csv" -name '*.csv' -exec cp {} "$seeds" \;
	elif [ "$t" = fuzz_vcard ]; then
		find "$src/tests/fixtures/vcard" -name '*.vcf' -exec cp {} "$seeds" \;
	else
		i=0
		while IFS= read -r line; do
			i=$((i + 1))
			printf '%s' "$line" >"$seeds/$i"
		done <"$src/tests/fuzz/seeds/$t.txt"
	fi
	dict=()
	[ -f "$src/tests/fuzz/$t.dict" ] && dict=(-dict="$src/tests/fuzz/$t.dict")
	echo "fuzz: $t for ${secs}s" >&2
	if ! ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
	    UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	    TMPDIR="$work" "$b/tests/fuzz/$t" -max_total_time="$secs" \
	    -timeout=20 -rss_limit_mb=1024 -print_final_stats=1 \
	    -artifact_prefix="$b/$t-" "${dict[@]}" \
	    "$b/corpus/$t" "$seeds" >"$work/$t.log" 2>&1; then
		status=1
		echo "fuzz: $t FAILED (input saved as $b/$t-*):" >&2
		tail -60 "$work/$t.log" >&2
		continue
	fi
	# The final line of the run and its counts.
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$work/$t.log")
	cov=$(grep -o 'cov: [0-9]*' "$work/$t.log" | tail -1)
	ft=$(grep -o 'ft: [0-9]*' "$work/$t.log" | tail -1)
	echo "fuzz: $t ok: $runs runs in ${secs}s, $cov, $ft, corpus $(ls "$b/corpus/$t" | wc -l) files" >&2
done
exit $status
