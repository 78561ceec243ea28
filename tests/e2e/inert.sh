#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The full-screen front shows control characters in data inert, the same
# way the CLI prints them (the core's termsafe routine): a name holding
# ESC[2J and U+202E, a note holding an OSC title sequence and BEL.  kith
# itself stores no control characters, so another program writes them.
. "$(dirname "$0")/lib.inc"

"$KITH" --db "$DB" add "Eve" >/dev/null
"$KITH" --db "$DB" add "Ana Petrović" >/dev/null
sqlite3 "$DB" "UPDATE contact SET display = 'Eve' || char(27) || '[2J X' ||
    char(8238) || 'lam', notes = 'see' || char(27) || ']0;pwned' ||
    char(7) || ' me' WHERE id = 1" || fail "sqlite3 could not write the data"

start
expect 'Eve^[[2J X\u202Elam' "the list shows the name inert"
keys Down
expect 'see^[]0;pwned^G me' "the sheet shows the note inert"
s=$(screen)
expect_in "$s" "Ana Petrović" "the screen was not cleared by the name"
keys q
expect "KITH-EXIT=0" "quits"
