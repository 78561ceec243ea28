#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One unreadable cell never costs the contact, and every repair is
# reported with its line (issue 9): a phone without digits is kept as
# written; phones a spreadsheet mangled (scientific notation, a lost
# leading 0), replacement characters, CR line breaks inside fields and
# the control characters the store removes are named.
. "$(dirname "$0")/lib.inc"
export KITH_REGION=GB

printf 'Name,E-mail,Phone,Notes\r
Ana Petrovic,,ask reception,\r
Bob Smith,bob@x.example,n/a,\r
Carl Jung,,see notes,\r
,,n/a,\r
Dora Maar,,"4,47701E+11",\r
Eve Curie,,4.47701E+11,\r
Fay Wray,,7700900123,\r
Gus Grey,,07700900124,\r
Hana Ko,,,"first\r
second"\r
Ida B\xef\xbf\xbdhm,,,\r
' > "$T/p.csv"

run import "$T/p.csv"
expect_rc 1 "a row with nothing that names a person is rejected"
expect_in "$out" "imported 10 rows: 9 added, 0 merged, 1 rejected" "every other row imports"
expect_in "$err" "p.csv:2: warning: phone 'ask reception' has no digits; kept as written as the field \"Phone\"" "no-digit phone flagged with its line"
expect_in "$err" "p.csv:3: warning: phone 'n/a' has no digits" "n/a flagged"
expect_in "$err" "p.csv:4: warning: phone 'see notes' has no digits" "see notes flagged"
expect_in "$err" "p.csv:5: rejected: no name, e-mail or phone" "a row of only n/a is rejected"
expect_in "$err" "p.csv:6: warning: phone '4,47701E+11' is in scientific notation" "comma scientific notation flagged"
expect_in "$err" "p.csv:7: warning: phone '4.47701E+11' is in scientific notation" "dot scientific notation flagged"
expect_in "$err" "p.csv:8: warning: phone '7700900123' may have lost a leading 0" "lost leading 0 flagged"
expect_not_in "$err" "p.csv:9:" "a number with its 0 is not flagged"
expect_in "$err" "p.csv:10: warning: line breaks written as CR inside fields (first in column 4 \"Notes\") became LF" "CR in a field reported"
expect_in "$err" "p.csv:12: warning: 1 replacement character (U+FFFD" "replacement character reported"

run show "Ana Petrovic"
expect_in "$out" "ask reception" "the unreadable phone is kept as written"
run show "Bob Smith"
expect_in "$out" "bob@x.example" "the row with n/a imports its e-mail"
run show "Dora Maar"
expect_in "$out" "4,47701E+11" "scientific notation kept as written"
notes=$(sqlite3 "$DB" "SELECT hex(notes) FROM contact WHERE display = 'Hana Ko'")
[ "$notes" = "66697273740A7365636F6E64" ] && pass || fail "CRLF in a field not LF: $notes"

# A long cell quoted in a warning is cut between characters, never inside
# one, and the cut says so with "…" (it was cut at a byte count).
long=$(printf 'Ж%.0s' $(seq 60))
printf 'Name,Birthday\nLev Tolstoy,%s\n' "$long" > "$T/b.csv"
run import "$T/b.csv"
expect_rc 0 "a birthday kith cannot read does not cost the row"
expect_in "$err" "b.csv:2: warning: birthday 'ЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖЖ…' not understood" "the quoted cell is cut by characters, with …"
if printf '%s' "$err" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1; then pass; else
	fail "the warning is not valid UTF-8: $err"; fi
run show "Lev Tolstoy"
expect_in "$out" "$long" "the whole cell is kept as a custom field"

# Control characters, which the store removes from every field, are named
# with their line and column (they were removed silently); a tab and a
# line break in notes are kept, and not named.
printf 'Name,E-mail,Company,Notes\nAna\033[31mPetrovic,ana@c.example,Acme\aLegal,"call\177 me"\nBo Lind,bo@c.example,Acme,"two\nlines\tand a tab"\nCy \302\205Nel,cy@c.example,,\nDi Nome,di@c.example,Acme\aLaw,\n' > "$T/ctl.csv"
run import --dry-run "$T/ctl.csv"
expect_in "$err" "ctl.csv:2: warning: control characters (first in column 1 \"Name\") would be removed" "a dry run says what it would remove"
run import "$T/ctl.csv"
expect_rc 0 "control characters cost no row"
expect_in "$err" "ctl.csv:2: warning: control characters (first in column 1 \"Name\") removed" "ESC in a name named with its line and column"
expect_in "$err" "ctl.csv:5: warning: control characters (first in column 1 \"Name\") removed" "a C1 character named, on the line its record starts"
expect_in "$err" "ctl.csv:6: warning: control characters (first in column 3 \"Company\") removed" "BEL in the company named with its column"
expect_not_in "$err" "ctl.csv:3:" "a line break and a tab in notes are not named"
expect_in "$(sqlite3 "$DB" "SELECT notes FROM contact WHERE display = 'Bo Lind'")" \
    "lines	and a tab" "the tab in notes is kept"
