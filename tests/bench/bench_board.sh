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
# KITH_BENCH_CONTACTS (default 1000000) and KITH_BENCH_DEALS (default
# 100000) set the size, KITH_BENCH_RUNS (default 10) the first paints
# timed.  Databases are made in $KITH_BENCH_DIR (default /tmp/kith-bench)
# with kith-bench-gen, the deals added with sqlite3 (spread over the open,
# won and lost stages and three currencies, touched over four months), and
# reused.
set -eu

build=${1:-build}
dir=${KITH_BENCH_DIR:-/tmp/kith-bench}
runs=${KITH_BENCH_RUNS:-10}
contacts=${KITH_BENCH_CONTACTS:-1000000}
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
command -v sqlite3 >/dev/null || die "sqlite3 is not installed"
mkdir -p "$dir"
work=$(mktemp -d "$dir/board.XXXXXX")
sock="kithboard$$"
tm() { tmux -L "$sock" -f /dev/null "$@"; }
trap 'tm kill-server 2>/dev/null; rm -rf "$work"' EXIT

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

db=$dir/kith-board-$contacts-$deals.db
if [ ! -f "$db.ok" ]; then
	echo "generating $db ($contacts contacts, $deals deals)" >&2
	rm -f "$db" "$db-wal" "$db-shm"
	"$gen" "$db" "$contacts" $((contacts < 100000 ? contacts : 100000)) \
	    >/dev/null
	t=$(date +%s)
	sqlite3 "$db" >/dev/null <<EOF
PRAGMA foreign_keys = OFF;
INSERT INTO stage (name, pos, kind, probability)
    VALUES ('Proposal', 3, 'open', 40), ('Drafting', 4, 'open', 70);
UPDATE stage SET pos = pos + 2 WHERE kind <> 'open';
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < $deals)
INSERT INTO deal (title, title_fold, stage_id, value_cents, currency,
    created, updated, stage_since, touched, next_step, closed_at)
SELECT 'Deal ' || i || ' for client ' || (i * 7919 % 5000),
    'deal ' || i || ' for client ' || (i * 7919 % 5000),
    CASE WHEN i % 10 = 0 THEN (SELECT id FROM stage WHERE kind = 'won')
         WHEN i % 10 = 1 THEN (SELECT id FROM stage WHERE kind = 'lost')
         ELSE (SELECT id FROM stage WHERE kind = 'open'
             AND pos = 1 + i % 4) END,
    (i * 104729 % 5000000) * 100,
    CASE i % 3 WHEN 0 THEN 'EUR' WHEN 1 THEN 'USD' ELSE 'GBP' END,
    $t - 200 * 86400, $t, $t - (i * 7919 % (150 * 86400)),
    $t - (i * 7919 % (120 * 86400)),
    CASE WHEN i % 4 = 0 THEN NULL ELSE 'call about the fee' END,
    CASE WHEN i % 10 < 2 THEN $t - (i % 90) * 86400 END
FROM n;
PRAGMA wal_checkpoint(TRUNCATE);
EOF
	date '+%F %T' >"$db.ok"
fi
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
    "$fpmin" "$fpmax" \
    "<= floor + 30 = $(awk -v f="$flm" 'BEGIN { printf "%.1f", f + 30 }')"
printf '%-32s %10s %10s %10s   %s\n' "p: key to board painted" "$om" \
    "$omin" "$omax" "<= 30"
printf '%-32s %10s %10s %10s\n' "moving on the board" "$mm" "$mmin" "$mmax"
