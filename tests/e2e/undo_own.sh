#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# u takes back the change made on this screen, the one its status line
# offered, even when another process changed the book since (kith log
# from a colleague's shell, kith done from cron): before, it took back
# that other change, unasked.  Past the changes made here, u asks before
# taking back the book's latest change, naming it, since it was not made
# here.
. "$(dirname "$0")/lib.inc"

demo_db
start
expect " contacts" "kith opens on the demo book"
keys /
type_text "ana petrovic"
expect "! Ana Petrović " "the search finds Ana, first"
keys Enter
keys A
expect "Archive Ana Petrović? (y/N)" "archive asks, naming her"
keys y
expect "u to undo" "the archive offers u"

# Another process logs a call with Alex Rivera meanwhile.
"$KITH" --db "$DB" log "alex rivera" --kind call "called about the renewal" \
    >/dev/null 2>&1 || fail "kith log from another process"

keys u
expect "Undone: " "u undoes"
s=$("$KITH" --db "$DB" show "alex rivera")
expect_in "$s" "called about the renewal" "the other process's call is still there"
archived=$(sqlite3 "$DB" "SELECT archived FROM contact WHERE display = 'Ana Petrović'")
[ "$archived" = 0 ] && pass || fail "u did not take back the archive made here (archived=$archived)"

# Nothing more made here: u asks before taking back the call.
keys u
expect "not made here" "u asks before undoing a change not made here"
keys n
s=$("$KITH" --db "$DB" show "alex rivera")
expect_in "$s" "called about the renewal" "no: the call stays"
keys q
expect "KITH-EXIT=0" "q quits"
