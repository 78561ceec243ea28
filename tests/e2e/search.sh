#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Tab in the search line completes or cycles and never leaves the search
# (issue 10): "petr" and Tab reads "petrović", the word of the names shown
# in their spelling; typing goes on into the search; Tab with nothing more
# to complete selects the next match, Shift-Tab the one before, round past
# the ends; Esc goes back to the contact selected before the search.
. "$(dirname "$0")/lib.inc"

demo_db
start
expect "│ Alex Rivera" "the list starts with Alex Rivera"
keys j
expect "│ Amelia Shaw" "the contact selected before the search"

keys /
type_text "petr"
expect "/ petr " "the search line"
expect "matches" "the search ran"
keys Tab
expect "/ petrović" "Tab completes the word from the names shown"

# The search is still open: letters typed go into it.
type_text " ana"
expect "/ petrović ana" "typing goes on into the search after Tab"
expect "2 matches" "the search narrowed"
keys BSpace BSpace BSpace BSpace
expect_gone "/ petrović ana" "Backspace edits the search"
expect "│ Ana Petrović" "the first match is selected"

# Nothing more to complete: Tab cycles the matches, Shift-Tab back.
keys Tab
expect "│ Dragan Đorđević" "Tab with nothing to complete: the next match"
expect "/ petrović" "the search stays open"
keys BTab
expect "│ Ana Petrović" "Shift-Tab: the match before"
keys BTab
expect "│ Петар Јовановић" "Shift-Tab at the first match: round to the last"
keys Tab
expect "│ Ana Petrović" "Tab at the last match: round to the first"
type_text "x"
expect "/ petrovićx" "still typing into the search after cycling"
keys BSpace
expect_gone "/ petrovićx" "Backspace"

# Esc closes the search and goes back to the contact from before it.
keys Escape
expect "/ search" "Esc closes the search"
expect "│ Amelia Shaw" "Esc restores the selection from before the search"
