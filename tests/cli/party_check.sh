#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Adding a party to a matter offers a fresh conflict check (issue 13): in
# a book of matters, kith deal add/edit --contact prints the kith conflict
# command for the parties added; --check runs the check first (before the
# party is on the matter) and prints its record, which kith conflict
# --list then lists; a book of deals gets no hint.
. "$(dirname "$0")/lib.inc"
: "${KITH_SRC:?set KITH_SRC to the source tree}"
export KITH_NOW="2026-03-10 12:00" KITH_USER=tester

run demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "demo loads"

# Deals, not matters: no hint.
run deal add "Plain sale" --contact "Marko Petrović" --role client
expect_rc 0 "deal add"
expect_not_in "$out" "conflict" "no hint for a sales deal"

run config deal-word matter
run deal add 'Harbour "lease"' --contact "Marko Petrović" --role "adverse party"
expect_rc 0 "matter add"
expect_in "$out" 'check the new party for conflicts: kith conflict "Marko Petrović" --matter "Harbour \"lease\""' \
    "the hint, quoted for a shell"
run conflict --list
expect_out "No conflict checks yet." "a hint runs no check"

run deal edit Harbour --contact "Ana Petrović" --role client --check
expect_rc 0 "edit --check"
expect_in "$out" "Conflict check #1, " "the check is printed"
expect_in "$out" "for Harbour \"lease\"" "for the matter"
expect_in "$out" "Ana Petrović → spouse Marko Petrović → adverse party in matter 'Harbour \"lease\"'" \
    "a hit through the relationship"
expect_not_in "$out" "client in matter 'Harbour" \
    "checked before the party is on the matter"
expect_in "$out" "edited matter" "then the edit"
run deal show Harbour
expect_in "$out" "Ana Petrović" "the party is added"
run conflict --list
expect_in "$out" "Ana Petrović" "the check is saved"

# Already on it with that role: no party added, no hint.
run deal edit Harbour --contact "Ana Petrović" --role client
expect_not_in "$out" "check the new" "no hint without a new party"
