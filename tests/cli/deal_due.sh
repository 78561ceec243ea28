#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A follow-up on a deal with nobody named on it says which deal it is in
# kith due ("matter: Estate of Jones", in the book's word), not "-"; one
# on a contact still names the contact; the TSV keeps its columns.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-11-02 09:00"

run add "Ana Petrović"
run config deal-word matter
run deal add "Estate of Jones"
run follow --deal Jones "file the inventory" --due 2026-11-01
expect_rc 0 "a follow-up on the matter alone"
run follow ana "call back" --due today
run due
expect_in "$out" "matter: Estate of Jones   file the inventory" \
    "kith due names the matter"
expect_in "$out" "Ana Petrović              call back" "and the contact"
run due --tsv
expect_in "$out" "1	2026-11-01	1	0		file the inventory	" \
    "the TSV is as before"
