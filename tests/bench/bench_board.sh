#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The pipeline board in tmux, on a book of many contacts and deals
# (target: the board painted in <= 30 ms with 100,000 deals):
#   - first paint of "kith board" (the TUI started on the board), from just
#     before tmux starts it to its first doupdate(), against an empty
#     ncurses program measured the same way in the same run;
#   - p on the main screen: from reading the key to the end of the
#     doupdate() that shows the board (KITH_TUI_TRACE), i.e. loading the
#     columns, their totals and a page of cards each, and drawing them;
#   - moving on the board (j, l, G, g), key to paint.
#
# usage: tests/bench/bench_board.sh [BUILD_DIR]     (default ./build)
# KITH_BENCH_CONTACTS (default 1000000), KITH_BENCH_FOLLOWUPS (default
# 1000000) and KITH_BENCH_DEALS (default 100000) set the size of the book,
# the one bench_pipeline.sh times "kith pipeline" on (made in
# $KITH_BENCH_DIR, default /tmp/kith-bench, and reused);
# KITH_BENCH_RUNS (default 10) the first paints and board openings timed.
# A quick look at a small book:
#
#	KITH_BENCH_CONTACTS=2000 KITH_BENCH_FOLLOWUPS=2000 \
#	    KITH_BENCH_DEALS=3000 KITH_BENCH_RUNS=3 \
#	    tests/bench/bench_board.sh ./build
#
# Not part of CTest.
set -eu

build=${1:-build}
dir=${KITH_BENCH_DIR:-/tmp/kith-bench}
runs=${KITH_BENCH_RUNS:-10}
contacts=${KITH_BENCH_CONTACTS:-1000000}
followups=${KITH_BENCH_FOLLOWUPS:-1000000}
deals=${KITH_BENCH_DEALS:-100000}
kith=$(cd "$build" && pwd)/kith
gen=$build/tests/bench/kith-bench-gen
src=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset KITH_NOW NO_COLOR

die() { echo "bench_board: $*" >&2; exit 1; }
[ -x "$kith" ] || die "$kith not found: build first"
[ -x "$gen" ] || die "$gen not found"
command -v tmux >/dev/null || die "tmux is not installed"
mkdir -p "$dir"
work=$(mktemp -d "$dir/board.XXXXXX")
sock="kithboard$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

floor="$work/paint_floor"
# shellcheck disable=SC2046
cc -O2 -o "$floor" "$src/paint_floor.c" $(pkg-config --cflags --libs ncursesw) ||
	die "cannot build paint_floor.c"

now() { date +%s.%N; }

wait_line() {
	local i=0
	while [ $i -lt 3000 ]; do
		if [ -f "$1" ] && [ "$(grep -c "$2" "$1")" -ge "$3" ]; then
			return 0
		fi
		sleep 0.01
		i=$((i + 1))
	done
	return 1
}

first_paint() {
	local trace="$work/trace.$RANDOM" t0 t1
	tm kill-server 2>/dev/null || true
	tm new-session -d -x 100 -y 30 -s w "sleep 600"
	t0=$(now)
	tm new-window -t w "exec env TERM=screen KITH_TUI_TRACE=$trace $*"
	wait_line "$trace" first-paint 1 || die "no first paint from $*"
	t1=$(awk '/first-paint/ { print $2; exit }' "$trace")
	tm kill-server 2>/dev/null || true
	rm -f "$trace"
	awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.2f\n", (b - a) * 1000 }'
}

stats() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "- - -"; exit }
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.2f %.2f %.2f\n", m, v[1], v[NR] }'
}

# The pipeline benchmark's book (bench_pipeline.sh --db-path makes it
# with kith-bench-gen --deals if needed, and says where it is).
db=$(KITH_BENCH_CONTACTS=$contacts KITH_BENCH_FOLLOWUPS=$followups \
    KITH_BENCH_DEALS=$deals KITH_BENCH_DIR=$dir \
    bash "$src/bench_pipeline.sh" "$build" --db-path) ||
	die "cannot make the book"
[ -f "$db" ] || die "no book at '$db'"
cat "$db" >/dev/null

fp="$work/fp"
floor_all="$work/floor"
: >"$fp"
: >"$floor_all"
for _ in $(seq "$runs"); do
	first_paint "$floor" >>"$floor_all"
	first_paint "'$kith' --db '$db' board" >>"$fp"
done

trace="$work/keys"
: >"$trace"
tm kill-server 2>/dev/null || true
tm new-session -d -x 100 -y 30 -s k \
    "exec env TERM=screen KITH_TUI_TRACE=$trace '$kith' --db '$db'"
wait_line "$trace" first-paint 1 || die "kith did not start"
sleep 1
: >"$trace"
count=0
results="$work/results"
: >"$results"
key() {
	local kind=$1
	shift
	tm send-keys -t k "$@"
	count=$((count + 1))
	wait_line "$trace" key-to-paint "$count" || die "no paint after $*"
	echo "$kind $(grep key-to-paint "$trace" | sed -n "${count}p" |
	    awk '{ print $2 }')" >>"$results"
}
for _ in $(seq "$runs"); do
	key open p
	for _ in 1 2 3; do key move j; done
	key move l
	key move G
	key move g
	key move h
	key close q
done
tm send-keys -t k q
tm kill-server 2>/dev/null || true

read -r flm flmin _ < <(stats <"$floor_all")
read -r fpm fpmin fpmax < <(stats <"$fp")
read -r om omin omax < <(awk '$1 == "open" { print $2 }' "$results" | stats)
read -r mm mmin mmax < <(awk '$1 == "move" { print $2 }' "$results" | stats)
echo
echo "== kith board figures: $contacts contacts, $deals deals" \
    "($(nproc) cores; $runs runs; ms)"
printf '%-32s %10s %10s %10s   target\n' "" "median" "min" "max"
printf '%-32s %10s %10s\n' "empty ncurses program" "$flm" "$flmin"
printf '%-32s %10s %10s %10s   %s\n' "first paint of kith board" "$fpm" \
    "$fpmin" "$fpmax" "$(awk -v a="$fpm" -v f="$flm" \
    'BEGIN { printf "floor + %.1f (start-up and board)", a - f }')"
printf '%-32s %10s %10s %10s   %s\n' "p: key to board painted" "$om" \
    "$omin" "$omax" "<= 30"
printf '%-32s %10s %10s %10s\n' "moving on the board" "$mm" "$mmin" "$mmax"
