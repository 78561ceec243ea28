#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A follow-up on a deal with nobody named on it shows in the alert pane
# under the deal's title in the book's word ("matter: Estate of Jones"),
# not "(no contact)".
. "$(dirname "$0")/lib.inc"

"$KITH" --db "$DB" add "Ana Petrović" >/dev/null
"$KITH" --db "$DB" config deal-word matter >/dev/null
"$KITH" --db "$DB" deal add "Estate of Jones" >/dev/null
"$KITH" --db "$DB" follow --deal Jones "file the inventory" --due yesterday \
    >/dev/null 2>&1
"$KITH" --db "$DB" follow ana "call back" --due today >/dev/null

start
expect "matter: Estate of Jones" "the alert names the matter"
expect "call back" "the contact's alert is there too"
s=$(screen)
expect_not_in "$s" "(no contact)" "no anonymous alert"

# Enter on that alert opens the matter's sheet: there is no contact to
# show in the list.
keys Tab Tab
expect "z all alerts" "the alert pane focused"
keys Enter
expect "People" "Enter opened the matter's sheet in the pager"
expect "Estate of Jones" "the pager is titled with the matter"
keys q
expect_gone "People" "the pager closes"

# Enter on a deal line of the contact pane opens that deal's sheet too.
keys q
expect "KITH-EXIT=0" "quit"
"$KITH" --db "$DB" deal add "Petrović trust" --contact ana --role client \
    >/dev/null
"$KITH" --db "$DB" done 2 >/dev/null
start
expect "matter: Estate of Jones" "the alert pane again"
keys Tab
expect "Matters" "the contact pane lists Ana's matters"
keys End
keys Enter
expect "client" "the sheet lists her role"
expect "Petrović trust" "Enter on the matter line opened its sheet"
s=$(screen)
expect_in "$s" "People" "the matter's sheet, not the line alone"
