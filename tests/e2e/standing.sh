#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A contact's standing on the main screen (issue 12): in the list, a
# cadence past its ideal interval says "due" in yellow, past its maximum
# "overdue" in red; the contact pane shows the strength as a bar with its
# number and the cadence with the same word and colour; with NO_COLOR the
# words stay, without the colours.
. "$(dirname "$0")/lib.inc"

esc=$(printf '\033')
demo_db
# KITH_NOW is Tue 10 March 2026: Dame Judith Corrigan's 60-day cadence
# fell due 3 days ago; Robert Lin's 21-day one is past its maximum.
cad=$("$KITH" --db "$DB" cadence --list --tsv)
expect_in "$cad" "$(printf 'Dame Judith Corrigan\t60\t90\t\t2026-01-06\t2026-03-07\t2026-04-06\tdue')" \
    "Dame Judith Corrigan's cadence is due"
expect_in "$cad" "Robert Lin" "Robert Lin has a cadence"
expect_in "$(printf '%s\n' "$cad" | grep 'Robert Lin')" "overdue" "Robert Lin's is overdue"

start
expect "Dame Judith Corrigan" "the list"
line=$(screen | grep "Dame Judith Corrigan")
expect_in "$line" "Northbridge due│" "the list says due at the end of the row"
line=$(screen_e | grep -a "Dame Judith Corrigan")
expect_in "$line" "${esc}[33mdue" "due in yellow"
keys /
type_text "robert lin"
# Bob Lin ("Robert") matches too, and comes first.
expect "2 matches" "searched for Robert Lin"
keys Enter
# Robert Lin's row, not selected: the word in red.
line=$(screen | grep -E "^. Robert Lin")
expect_in "$line" "overdue│" "the list says overdue"
line=$(screen_e | grep -a "Robert Lin" | grep -av "Bob Lin")
expect_in "$line" "${esc}[31moverdue" "overdue in red"
keys G
expect "│ Robert Lin" "Robert Lin selected"
expect "cadence  every 21d/31d: overdue, 28 days past due" \
    "the contact pane says overdue, with the days"
line=$(screen_e | grep -a "cadence  every 21d")
expect_in "$line" "${esc}[31m" "the pane's cadence line is red"
expect "strength ■■□□□ 37" "the strength as a bar with its number"
s=$("$KITH" --db "$DB" cadence 17)
expect_in "$s" "strength 37:" "the number kith cadence shows"
keys q
expect "KITH-EXIT=0" "quit"

# NO_COLOR: the words without the colours.
start NO_COLOR=1
expect "Dame Judith Corrigan" "the list without colour"
line=$(screen | grep "Dame Judith Corrigan")
expect_in "$line" "Northbridge due│" "still says due"
line=$(screen_e | grep -a "Dame Judith Corrigan")
expect_not_in "$line" "${esc}[33m" "no yellow under NO_COLOR"
keys q
expect "KITH-EXIT=0" "quit"
finish
