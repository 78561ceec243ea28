#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A file that is not an address-book table (a letter, a binary file, a
# vCard) is refused with what it looks like, and leaves no import batch and
# nothing in the change journal (issue 9).
. "$(dirname "$0")/lib.inc"

printf 'Dear Ana,\n\nThank you for the lovely lunch yesterday. I hope we meet again soon.\n\nBest wishes\nBob\n' > "$T/letter.txt"
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Petrovic\r\nEMAIL:ana@x.example\r\nEND:VCARD\r\n' > "$T/card.csv"
printf 'Name,Email\nAna,a@x.example\n' > "$T/named.vcf"
printf 'Name,Email\nAna,a@x\0y\nBob\0\0\0\1\2\3\4\5\6\7\10\11\16\17\20\21\22\23\24\25\26\27\30\31\32\33\34\35\36\37\n' > "$T/bin.csv"

# refused FILE MESSAGE WHAT
refused() {
	run --db "$T/r.db" import "$1"
	expect_rc 1 "$3"
	expect_in "$err" "$2" "$3 message"
	expect_in "$err" "nothing was imported" "$3 says nothing was imported"
	run --db "$T/r.db" import --list
	expect_out "No imports yet." "$3 leaves no import batch"
	n=$(sqlite3 "$T/r.db" "SELECT count(*) FROM journal")
	[ "$n" = 0 ] && pass || fail "$3 left $n journal entries"
}

refused "$T/letter.txt" "letter.txt: no delimiter found: one column of prose, not an address-book table" "a letter"
refused "$T/named.vcf" "named.vcf: no vCard data (no BEGIN:VCARD)" "a .vcf file that holds no card"
printf '\x89PNG\r\n\x1a\n\0\0\0\rIHDR' > "$T/photo.vcf"
refused "$T/photo.vcf" "photo.vcf: no vCard data (no BEGIN:VCARD); binary data" "a binary file named .vcf"
# A vCard is read as one whatever its name; --format csv refuses it.
run --db "$T/v.db" import --format csv "$T/card.csv"
expect_rc 1 "a vCard read as CSV"
expect_in "$err" "card.csv: looks like a vCard file (BEGIN:VCARD on line 1), not CSV" "a vCard read as CSV says so"
run --db "$T/v.db" import "$T/card.csv"
expect_rc 0 "a vCard named .csv is imported"
expect_in "$out" "1 added" "a vCard named .csv is read from its content"
refused "$T/bin.csv" "bin.csv: binary data (a NUL byte at offset 18), not a CSV file" "a binary file"

# A letter whose lines hold commas splits into columns, and a table with no
# column that says who a row is (a price list, a header-less list of
# names and towns): every row would be rejected, so the file is refused
# before any batch is made.
printf 'Dear Sir,\n\nI write to you about the lease, which ends soon. Kind regards, Bob.\n' > "$T/comma-letter.csv"
printf 'Item,Price\nLamp,12\nDesk,140\n' > "$T/prices.csv"
printf 'Ana Petrovic,Belgrade\nBob Smith,London\n' > "$T/towns.csv"
refused "$T/comma-letter.csv" "comma-letter.csv:1: no column is a name, organisation, e-mail or phone" "a letter with commas"
refused "$T/prices.csv" "prices.csv:1: no column is a name, organisation, e-mail or phone (read as generic)" "a price list"
refused "$T/towns.csv" "not an address-book table" "names without a header"
[ -e "$T/prices.csv.rejected.csv" ] && fail "a refused file left a rejects file" || pass
# --map naming a column makes it a table again.
run --db "$T/m.db" import --map "Item=org" "$T/prices.csv"
expect_rc 0 "--map names the column"
expect_in "$out" "2 added" "--map: the rows import"

# A one-column table of e-mail addresses is a table, not prose.
printf 'Email\na@x.example\nb@y.example\n' > "$T/one.csv"
run --db "$T/o.db" import "$T/one.csv"
expect_rc 0 "one column of e-mails"
expect_in "$out" "2 added" "one column of e-mails imports"
