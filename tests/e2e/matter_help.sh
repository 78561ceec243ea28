#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The help overlay of a book that says "matter" (kith config deal-word
# matter) says matter too: p is "the pipeline board: open matters by
# stage"; on the board, ? lists "move the matter to the
# next open stage", "add a matter", never "the deal".
. "$(dirname "$0")/lib.inc"

demo_db
"$KITH" --db "$DB" config deal-word matter >/dev/null

E2E_COLS=100 E2E_ROWS=30
start
expect "64 contacts" "the rolodex"
keys '?'
expect "— keys" "the help"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24 25 \
    26 27 28 29 30 31 32 33 34 35 36 37 38 39 40; do
	screen | grep -q "open matters by stage" && break
	keys j
	settle
done
expect "the pipeline board: open matters by stage" "the main help says matter"
keys q
expect "/ search" "help closed"
keys p
expect "Negotiation" "the board"
keys '?'
expect "move the matter to the next open stage" "the board's help says matter"
expect "add a matter (title" "adding says matter"
s=$(screen)
expect_not_in "$s" "the deal" "no deal in the help"
