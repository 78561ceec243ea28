#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `kith list QUERY` runs through the TUI list's planner (issue 15): the same
# query finds the same people in both fronts (tests/e2e/search_parity.sh
# types these into the TUI), the loose matcher's names included -- "alexei"
# finds Алексей Смирнов, "bob" Robert Lin --, and the list streams a page
# at a time, past the first page, every contact once and in name order.
. "$(dirname "$0")/lib.inc"

"$KITH" init "$DB" >/dev/null
"$KITH" demo-load "$KITH_SRC/data/demo.kith" >/dev/null

run list alexei
expect_rc 0 "list alexei"
expect_in "$out" "Алексей Смирнов" "alexei finds Алексей (transliteration)"
run list aleksei
expect_in "$out" "Алексей Смирнов" "aleksei finds Алексей"
run list bob
expect_in "$out" "Robert Lin" "bob finds Robert (nickname)"
expect_in "$out" "Bob Lin" "bob finds Bob"
run list bill
expect_in "$out" "William Hughes" "bill finds William"
run list "smirnov@"
expect_in "$out" "Алексей Смирнов" "an e-mail"
run list 381115550101
expect_in "$out" "Ana Petrović" "a phone as digits"
expect_in "$out" "(phone: +381 11 555 0101)" "the note says the phone matched"
run list petr ana
expect_in "$out" "Ana Petrović" "prefixes of two words"
run list --tsv alexei
expect_out "$(printf '36\tАлексей Смирнов\ta.smirnov@severny-veter.example\t\tООО «Северный ветер»')" \
	"--tsv columns unchanged"

# More contacts than the first page (64 rows) and a full one (512): each
# once, in the order of the list, and a pipe that stops early is fine.
{
	echo "First Name,Last Name,E-mail Address"
	for i in $(seq 1 700); do
		printf 'Zed,Member%04d,zed%d@example.com\n' "$i" "$i"
	done
} >"$T/many.csv"
"$KITH" import "$T/many.csv" >/dev/null 2>&1
run list --tsv
n=$(printf '%s\n' "$out" | wc -l)
[ "$n" -eq 764 ] && pass || fail "list --tsv gives every contact: $n, expected 764"
u=$(printf '%s\n' "$out" | cut -f1 | sort -u | wc -l)
[ "$u" -eq 764 ] && pass || fail "each contact once: $u distinct"
run list --tsv zed
names=$(printf '%s\n' "$out" | cut -f2)
[ "$names" = "$(printf '%s\n' "$names" | sort)" ] && pass ||
	fail "list zed is in name order"
n=$(printf '%s\n' "$out" | wc -l)
[ "$n" -eq 700 ] && pass || fail "list zed: $n, expected 700"
first=$("$KITH" list zed | head -1)
expect_in "$first" "Zed Member0001" "list zed | head -1: the first"
