#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A book that says "matter" (kith config deal-word matter) hears "matter"
# in every message about its deals: the stage rules, the role list, the
# journal, the deals export and the take-back of a deals import.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-11-02 09:00"

run add "Ana Petrović"
run config deal-word matter
run deal add "Estate of Jones" --contact ana --role client
run deal add "Harbour lease"
expect_rc 0 "matters added"

run export --format deals "$T/m.csv"
expect_rc 0 "export"
expect_in "$err" "exported 2 matters to" "export counts matters"
DB2="$T/two.db"
"$KITH" --db "$DB2" add "Bob" >/dev/null
"$KITH" --db "$DB2" config deal-word matter >/dev/null
run --db "$DB2" import --format deals "$T/m.csv"
expect_rc 0 "import"
run --db "$DB2" import --undo 1 </dev/null
expect_in "$err" "it deletes the 2 matters it added" "import --undo names matters"

run stage rm Interest
expect_rc 1 "stage rm with matters in it"
expect_in "$err" "stage Interest holds 2 matters; say which stage" \
    "stage rm names matters"
expect_not_in "$err" "deal" "stage rm: no deal"
run stage rm Lost --to Lost
expect_rc 1 "stage rm --to itself"
expect_in "$err" "the matters of Lost cannot move to Lost itself" \
    "--to itself names matters"
run stage add Intake
run stage move Intake 1
run stage rm Interest --to Intake
expect_rc 0 "stage rm --to"
run undo --list
expect_in "$out" "removed stage Interest, its 2 matters moved to Intake" \
    "the journal names matters"
run stage rm Negotiation --to Intake
run stage rm Intake --to Won
expect_rc 1 "the last open stage stays"
expect_in "$err" "a new matter needs one" "last open stage names a matter"

run deal roles rm client
expect_rc 1 "a role in use stays"
expect_in "$err" "1 person is on a matter as client" "role rm names a matter"
run deal roles add client
expect_rc 1 "a role twice"
expect_in "$err" "client is a matter role already" "role add names a matter"
run deal add "Bad" --contact ana --role sidekick
expect_rc 1 "unknown role"
expect_in "$err" "not a matter role" "unknown role names a matter"

