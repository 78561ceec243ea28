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
