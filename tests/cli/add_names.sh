#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith add "Ana Petrović" with neither --given nor --family reads the two
# words as first and last name, so the Google and Outlook exports write
# First Name Ana, Last Name Petrović instead of the whole name as the first
# name (issue 9).  Longer names are kept whole; --given/--family win.
. "$(dirname "$0")/lib.inc"

run add "Ana Petrović" --email ana@example.org
expect_rc 0 "add"
run add "Maria de la Cruz"
run add "Bob Smith" --given Robert --family Smith
run add "Acme Legal" --org "Acme Legal"

run export --format google -
expect_rc 0 "export google"
expect_in "$out" "Ana,,Petrović,,,,,,,,," "google: First Name Ana, Last Name Petrović"
expect_in "$out" "Maria de la Cruz,,,,,,,,,," "google: a longer name stays whole"
expect_in "$out" "Robert,,Smith," "google: --given/--family win"
expect_not_in "$out" "Acme,,Legal" "google: an organisation's name is not split"

run export --format outlook -
expect_in "$out" "Ana,,Petrović," "outlook: First Name Ana, Last Name Petrović"

# The name still reads and finds as it was typed.
run show ana
expect_in "$out" "Ana Petrović" "show keeps the display name"
run edit ana --given X
expect_rc 2 "edit takes no --given"
run add --help
expect_in "$out" "two-word NAME is read as first and last name" "add --help says so"
