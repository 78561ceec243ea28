#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The conflict screen (issue 13): C lists the saved checks; c runs a check
# on a name that hits through a relationship (Marko Petrović, spouse of a
# client) and shows its record with the role, chain and rule; d records a
# disposition with a waiver reference, added to the record (kith conflict
# --show agrees); a name in none of the records reads "no hits in kith's
# records", never "no conflict".
. "$(dirname "$0")/lib.inc"

demo_db
start KITH_USER=tester
expect "Alex Rivera" "the list"
keys C
expect "No conflict checks yet: c runs one." "C opens the conflict screen"
keys c
expect "Names of the parties" "c asks for names"
type_text "Marko Petrovic"
keys Tab
type_text "Energy dispute"
keys Enter
expect "Conflict check #1, " "the record is shown"
expect "by tester, for Energy dispute" "who and for which matter"
expect "Marko Petrović (contact #35) — related to a client" "the role"
expect "Marko Petrović → spouse Ana Petrović → client in deal" \
    "the chain through the relationship"
expect "matched 'Marko Petrovic': folded" "the rule"
expect "Conflict check #1 saved: 5 hits in kith's records" "said"
keys q
expect "undecided" "the check is listed, undecided"
expect "Marko Petrovic (Energy" "with its terms and matter"
keys d
expect "Disposition of conflict check #1" "d asks for a disposition"
keys Space
expect "< Waivable – consent pending >" "Space picks the next one"
keys Tab
type_text "W-2026-07"
keys Enter
expect "Conflict check #1: Waivable – consent pending, by tester" "said"
out=$("$KITH" --db "$DB" conflict --show 1)
expect_in "$out" "Disposition: Waivable – consent pending, " \
    "kith conflict --show sees the disposition"
expect_in "$out" "by tester, waiver W-2026-07" "with the reviewer and waiver"
keys d
expect "Disposition of conflict check #1" "a second disposition"
keys Enter
expect "Conflict check #1: Clear, by tester" "said"
out=$("$KITH" --db "$DB" conflict --show 1)
expect_in "$out" "Waivable – consent pending" "the first one stays"
expect_in "$out" "Disposition: Clear" "the second is added"

keys c
expect "Names of the parties" "c again"
type_text "Quentin Nobodyson"
keys Enter
expect "No hits in kith's records." "a clean result's wording"
screen | grep -qi "no conflict" && fail "says no conflict" || pass
expect "Conflict check #2 saved: no hits in kith's records" "said"
keys q
expect "no hits" "listed with no hits"
keys q
expect "Alex Rivera" "q goes back to the rolodex"
