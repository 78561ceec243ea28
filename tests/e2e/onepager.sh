#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# o writes the selected contact's one-page sheet as HTML in the current
# folder (readable by the user alone) and says where; O sends its text to
# $KITH_PRINT; a print command that fails says so.
. "$(dirname "$0")/lib.inc"

"$KITH" --db "$DB" add "Ana Petrović" --email ana@example.org >/dev/null
"$KITH" --db "$DB" add "Bob Smith" --email bob@example.org >/dev/null
cd "$T" || exit 1

start "KITH_PRINT='cat >$T/printed.txt'"
expect "Ana Petrović" "the list"
keys o
expect "Wrote Ana Petrović's one-page sheet to ./kith-onepager-1.html" \
    "o says where it wrote"
[ -f "$T/kith-onepager-1.html" ] && pass || fail "no file written"
expect_in "$(cat "$T/kith-onepager-1.html" 2>/dev/null)" "<h1>Ana Petrović</h1>" \
    "the page is Ana's"
mode=$(stat -c %a "$T/kith-onepager-1.html" 2>/dev/null)
[ "$mode" = 600 ] && pass || fail "the page has mode $mode, not 600"

keys Down
expect "│ Bob Smith" "Bob selected"
keys O
expect "Sent Bob Smith's one-page sheet to cat" "O says it printed"
expect_in "$(cat "$T/printed.txt" 2>/dev/null)" "Bob Smith
=========" "the print command got Bob's sheet as text"
keys q
expect "KITH-EXIT=0" "quit"

start "KITH_PRINT=false"
expect "Ana Petrović" "the list again"
keys O
expect "false failed (exit 1); set KITH_PRINT" "a failing print command is reported"
