#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The full-screen front shows control characters in data inert, the same
# way the CLI prints them (the core's termsafe routine): a name holding
# ESC[2J and U+202E, a note holding an OSC title sequence and BEL.
. "$(dirname "$0")/lib.inc"

name=$(printf 'Eve\033[2J X\342\200\256lam')
note=$(printf 'see\033]0;pwned\a me')
"$KITH" --db "$DB" add "$name" --note "$note" >/dev/null
"$KITH" --db "$DB" add "Ana Petrović" >/dev/null

start
expect 'Eve^[[2J X\u202Elam' "the list shows the name inert"
keys Down
expect 'see^[]0;pwned^G me' "the sheet shows the note inert"
s=$(screen)
expect_in "$s" "Ana Petrović" "the screen was not cleared by the name"
keys q
expect "KITH-EXIT=0" "quits"
