#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The full-screen front at 10,000 and 1,000,000 contacts, in tmux:
#   - time to first paint, against an empty ncurses program measured the
#     same way in the same run (target: within 3x of it at 1M);
#   - per-keystroke latency of search-as-you-type (target: < 10 ms at 1M),
#     and of scrolling and opening a contact;
#   - peak RSS of kith (target: < 20 MB, and not growing with the book).
# Latencies are measured inside kith (KITH_TUI_TRACE): from reading the key
# to the end of the doupdate() that shows its effect.  First paint is from
# just before tmux starts the program to its first doupdate().
#
# usage: tests/bench/bench_tui.sh [BUILD_DIR]     (default ./build)
# Databases are made with kith-bench-gen in $KITH_BENCH_DIR (default
# /tmp/kith-bench) and reused, as bench_due.sh does.
set -eu
. "$(dirname "$0")/summary.inc"

build=${1:-build}
dir=${KITH_BENCH_DIR:-/tmp/kith-bench}
runs=${KITH_BENCH_RUNS:-10}
sizes=${KITH_BENCH_SIZES:-"10000 1000000"}
kith=$(cd "$build" && pwd)/kith
gen=$build/tests/bench/kith-bench-gen
src=$(cd "$(dirname "$0")" && pwd)
export LC_ALL=C.UTF-8 LANG=C.UTF-8
unset KITH_NOW NO_COLOR

die() { echo "bench_tui: $*" >&2; exit 1; }
[ -x "$kith" ] || die "$kith not found: build first"
[ -x "$gen" ] || die "$gen not found"
command -v tmux >/dev/null || die "tmux is not installed"
mkdir -p "$dir"
work=$(mktemp -d "$dir/tui.XXXXXX")
sock="kithbench$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null || true; rm -rf "$work"' EXIT

floor="$work/paint_floor"
# shellcheck disable=SC2046
cc -O2 -o "$floor" "$src/paint_floor.c" $(pkg-config --cflags --libs ncursesw) ||
	die "cannot build paint_floor.c"

now() { date +%s.%N; }

# wait_line FILE PATTERN N: waits (up to 30 s) until FILE has N lines
# matching PATTERN.
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

# first_paint CMD...: ms from just before tmux starts CMD to its first paint.
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

# stats: reads numbers, prints "median min max".
stats() {
	sort -n | awk '{ v[NR] = $1 } END {
		if (NR == 0) { print "- - -"; exit }
		m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
		printf "%.2f %.2f %.2f\n", m, v[1], v[NR] }'
}

results="$work/results"
: >"$results"
floor_all="$work/floor.all"
: >"$floor_all"

for n in $sizes; do
	nf=$((n < 1000000 ? n : 1000000))
	db=$dir/kith-$n-$nf.db
	if [ ! -f "$db.ok" ]; then
		echo "generating $db ($n contacts)" >&2
		"$gen" "$db" "$n" "$nf" >/dev/null
		date '+%F %T' >"$db.ok"
	fi
	# Warm the page cache as a user's second start would be.
	cat "$db" >/dev/null

	fp="$work/fp.$n"
	: >"$fp"
	for _ in $(seq "$runs"); do
		first_paint "$floor" >>"$floor_all"
		first_paint "'$kith' --db '$db'" >>"$fp"
	done

	# One session for the keystrokes: each key waits for its paint.
	trace="$work/keys.$n"
	: >"$trace"
	tm kill-server 2>/dev/null || true
	tm new-session -d -x 100 -y 30 -s k \
	    "exec env TERM=screen KITH_TUI_TRACE=$trace '$kith' --db '$db'"
	wait_line "$trace" first-paint 1 || die "kith did not start"
	sleep 1		# let the background count finish its first steps
	: >"$trace"
	count=0
	key() {		# key KIND KEYS...: sends one key, waits for its paint
		local kind=$1
		shift
		tm send-keys -t k "$@"
		count=$((count + 1))
		wait_line "$trace" key-to-paint "$count" || die "no paint after $*"
		echo "$kind $(grep key-to-paint "$trace" | sed -n "${count}p" |
		    awk '{ print $2 }')" >>"$results.$n"
	}
	: >"$results.$n"
	for q in petrovic wang smith "acme leg" marko; do
		key open /
		for ((i = 0; i < ${#q}; i++)); do
			key search -l "${q:i:1}"
		done
		key clear Escape
		sleep 0.1
	done
	for _ in $(seq 30); do key scroll j; done
	for _ in $(seq 10); do key scroll NPage; done
	for _ in $(seq 10); do key scroll PPage; done
	for _ in $(seq 5); do key scroll C-d; done
	key scroll G
	key scroll g
	for _ in $(seq 10); do key open Tab; key open Tab; key open Tab; done
	pid=$(tm list-panes -t k -F '#{pane_pid}')
	rss=$(awk '/VmHWM/ { print $2 }' "/proc/$pid/status")
	tm send-keys -t k q
	tm kill-server 2>/dev/null || true

	read -r fpm fpmin fpmax < <(stats <"$fp")
	read -r sm smin smax < <(awk '$1 == "search" { print $2 }' "$results.$n" | stats)
	read -r cm cmin cmax < <(awk '$1 == "scroll" { print $2 }' "$results.$n" | stats)
	read -r om omin omax < <(awk '$1 == "open" { print $2 }' "$results.$n" | stats)
	echo "$n $fpm $fpmin $sm $smax $cm $cmax $om $omax $rss" >>"$results"
	bench_summary "$n" paint_ms "$fpm"
	bench_summary "$n" key_ms "$sm"
	bench_summary "$n" tui_rss_kib "$rss"
done

read -r flm flmin flmax < <(stats <"$floor_all")
echo
echo "== kith TUI figures ($(nproc) cores; first paint: $runs runs each; ms)"
printf '%-28s %10s %10s\n' "empty ncurses program" "median" "min"
printf '%-28s %10s %10s\n' "  first paint (floor)" "$flm" "$flmin"
while read -r n fpm fpmin sm smax cm cmax om omax rss; do
	echo
	echo "-- $n contacts"
	printf '%-28s %10s %10s   target\n' "" "median" "max"
	printf '%-28s %10s %10s   %s\n' "first paint" "$fpm" "(min $fpmin)" \
	    "<= 3 x floor = $(awk -v f="$flm" 'BEGIN { printf "%.1f", 3 * f }') ms"
	printf '%-28s %10s %10s   %s\n' "search keystroke" "$sm" "$smax" "< 10 ms"
	printf '%-28s %10s %10s\n' "scroll step" "$cm" "$cmax"
	printf '%-28s %10s %10s\n' "open contact / pane" "$om" "$omax"
	printf '%-28s %10s\n' "peak RSS (MiB)" \
	    "$(awk -v k="$rss" 'BEGIN { printf "%.1f", k / 1024 }')"
done <"$results"
echo
echo "per-keystroke search latencies (ms), by size:"
for n in $sizes; do
	printf '  %s: ' "$n"
	awk '$1 == "search" { printf "%s ", $2 }' "$results.$n"
	echo
done
