#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A party on a matter from the board (issue 13): c on a card finds a
# contact and picks a role; on a matter, "Run a conflict check on NAME?
# (Y/n)" comes first: Enter runs it (the pager shows the hits through the
# relationship), and the party is added; n adds it without a check; u
# takes the party back; on a deal (not a matter) nothing is asked.
. "$(dirname "$0")/lib.inc"

demo_db
"$KITH" --db "$DB" config deal-word matter >/dev/null
start KITH_USER=tester
expect "Alex Rivera" "the list"
keys p
expect "7 open matters" "the board"
keys c
expect "Add a party to Northbridge trade finance panel" "c: the finder"
type_text "marko"
expect "Marko Petrović" "the finder finds Marko"
keys Enter
expect "Role of Marko Petrović on Northbridge" "the roles"
keys j
keys Enter
expect "Run a conflict check on Marko Petrović? (Y/n)" "the offer"
keys Enter
expect "Conflict check #1" "Enter runs the check"
expect "Marko Petrović → spouse Ana Petrović → client in matter" \
    "a hit through the relationship"
expect "5 hits in kith's records (in the pager). Added Marko Petrović" \
    "the status line sums the check up"
expect "as decision maker. u to undo" "and says the party is added"
out=$("$KITH" --db "$DB" conflict --show 1)
expect_in "$out" "for Northbridge trade finance panel" "saved for the matter"
expect_not_in "$out" "in matter 'Northbridge trade finance panel'" \
    "checked before the party was on it"
keys q
expect_gone "Conflict check #1" "q closes the pager"
out=$("$KITH" --db "$DB" deal show "Northbridge trade finance")
expect_in "$out" "Marko Petrović" "kith deal show: the party"
keys u
expect "Undone" "u takes the party back"
out=$("$KITH" --db "$DB" deal show "Northbridge trade finance")
expect_not_in "$out" "Marko Petrović" "the party is gone"

# No: added without a check.
keys c
expect "Add a party to Northbridge trade finance panel" "c again"
type_text "marko"
expect "Marko Petrović" "the finder again"
keys Enter
expect "Role of Marko Petrović on Northbridge" "the roles again"
keys Enter
expect "Run a conflict check on Marko Petrović? (Y/n)" "the offer again"
keys n
expect "Added Marko Petrović to Northbridge trade finance panel as client" \
    "n adds the party"
out=$("$KITH" --db "$DB" conflict --list)
expect_not_in "$out" "   2 " "no second check"

# A book of deals: no question.
"$KITH" --db "$DB" config deal-word deal >/dev/null
keys q
expect "Alex Rivera" "back to the list"
keys p
expect "7 open deals" "the board of deals"
keys c
expect "Add a party to Northbridge trade finance panel" "c on a deal"
type_text "ana pet"
expect "Ana Petrović" "the finder finds Ana"
keys Enter
expect "Role of Ana Petrović on Northbridge" "the roles"
keys Enter
expect "Added Ana Petrović to Northbridge trade finance panel as client" \
    "added at once"
