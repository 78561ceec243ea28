#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Layouts and encodings with no sample in tests/fixtures: written here from
# the descriptions in tests/fixtures/csv/README.md, then imported.
. "$(dirname "$0")/lib.inc"

# Classic Outlook: every field quoted, Windows-1252, CRLF, M/D/YYYY dates,
# a CRLF inside Notes, Categories split on ';'.
{
	printf '"Title","First Name","Middle Name","Last Name","Suffix","Company","Department","Job Title","Business Street","Business City","Business Postal Code","Business Country/Region","Business Phone","Mobile Phone","Birthday","Categories","E-mail Address","E-mail Type","E-mail Display Name","Gender","Notes","Priority","Private","Sensitivity"\r\n'
	printf '"Dr.","J\xfcrgen","","M\xfcller","","Brenner & S\xf6hne GmbH","Recht","Partner","Hauptstra\xdfe 5","M\xfcnchen","80331","Deutschland","+49 89 555 0101","","4/17/1985","Clients;VIP","juergen.mueller@brenner.example","SMTP","J\xfcrgen M\xfcller (juergen.mueller@brenner.example)","Unspecified","Erste Zeile\r\nZweite Zeile, mit \x84Zitat\x93","Normal","False","Normal"\r\n'
	printf '"","Fran\xe7oise","","Lef\xe8vre","","Delacroix & Associ\xe9s","","Avocate","","Paris","","France","","06 12 34 56 78","0/0/00","","francoise@delacroix.example","SMTP","","Unspecified","","Normal","False","Normal"\r\n'
} > "$T/outlook-classic.csv"
run --db "$T/o.db" import "$T/outlook-classic.csv"
expect_rc 0 "classic Outlook, cp1252"
expect_in "$out" "imported 2 rows: 2 added, 0 merged, 0 rejected" "classic Outlook counts"
expect_in "$out" "(format: outlook)" "classic Outlook detected"
run --db "$T/o.db" show müller
expect_in "$out" "Jürgen Müller" "cp1252 name converted"
expect_in "$out" "Brenner & Söhne GmbH" "cp1252 company"
expect_in "$out" "1985-04-17" "M/D/YYYY birthday"
expect_in "$out" "Zweite Zeile, mit „Zitat“" "CRLF inside notes, cp1252 quotes"
expect_in "$out" "VIP" "categories become tags"
expect_not_in "$out" "Unspecified" "Outlook filler values dropped"
run --db "$T/o.db" show françoise
expect_not_in "$out" "birthday" "0/0/00 is no birthday"

# Legacy Google export: UTF-16LE with BOM, Group Membership, typed e-mail.
printf 'Name,Given Name,Family Name,Notes,Group Membership,E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,Organization 1 - Name,Organization 1 - Title\n'\
'Петар Јовановић,Петар,Јовановић,,* My Contacts ::: Board,* Work,petar@example.rs,Mobile,+381 64 555 0101,Београд д.о.о.,Директор\n'\
'王小明,小明,王,"Met in Shanghai, 2024",* My Contacts,Home,wang@example.cn,,,,\n' |
	iconv -f UTF-8 -t UTF-16LE | { printf '\xff\xfe'; cat; } > "$T/google-legacy.csv"
run --db "$T/u.db" import "$T/google-legacy.csv"
expect_rc 0 "UTF-16 legacy Google"
expect_in "$out" "imported 2 rows: 2 added" "UTF-16 counts"
expect_in "$out" "(format: google)" "legacy Google detected"
run --db "$T/u.db" list --tsv
expect_in "$out" "$(printf 'Петар Јовановић\tpetar@example.rs\t+381 64 555 0101\tБеоград д.о.о.')" "UTF-16 Cyrillic row"
expect_in "$out" "王小明" "UTF-16 CJK row"
run --db "$T/u.db" list board
expect_in "$out" "Петар Јовановић" "group membership became a tag"

# Old Thunderbird: trailing comma on every line, birthday in three columns.
printf 'First Name,Last Name,Display Name,Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,Home Address 2,Home City,Home State,Home ZipCode,Home Country,Work Address,Work Address 2,Work City,Work State,Work ZipCode,Work Country,Job Title,Department,Organization,Web Page 1,Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,Custom 3,Custom 4,Notes,\n'\
'Ana,Petrović,Ana Petrović,,ana@example.org,ana.home@example.net,,+381 11 555 0101,,,,,,,,,,,,,Beograd,,,Srbija,Advokat,,Petrović & Partneri,,,1980,6,5,golf,,,,,\n' > "$T/thunderbird.csv"
run --db "$T/t.db" import "$T/thunderbird.csv"
expect_rc 0 "Thunderbird"
expect_in "$out" "imported 1 rows: 1 added" "Thunderbird counts"
expect_in "$out" "(format: thunderbird)" "Thunderbird detected"
run --db "$T/t.db" show ana
expect_in "$out" "1980-06-05" "birthday from three columns"
expect_in "$out" "ana.home@example.net" "secondary e-mail"
expect_in "$out" "Custom 1: golf" "custom column kept"

# Eventbrite attendee summary: one row per ticket, buyer repeats.
printf 'Order #,Order Date,First Name,Last Name,Email,Quantity,Price Tier,Ticket Type,Attendee #,Group,Order Type,Currency,Total Paid,Fees Paid,Eventbrite Fees,Eventbrite Payment Processing,Attendee Status,Job Title,Company\n'\
'1001,11/29/24 22:28,Bob,Smith,bob@example.com,2,,General,5001,,Eventbrite Completed,USD,50,2,1,1,Attending,CFO,Acme Corp\n'\
'1001,11/29/24 22:28,Bob,Smith,bob@example.com,2,,General,5002,,Eventbrite Completed,USD,50,2,1,1,Attending,CFO,Acme Corp\n'\
'1002,11/30/24 09:01,Chen,Wei,chen.wei@example.cn,1,,VIP,5003,,Eventbrite Completed,USD,90,2,1,1,Attending,,Acme Asia\n' > "$T/attendees.csv"
run --db "$T/e.db" import --tag "summit-2024" "$T/attendees.csv"
expect_rc 0 "Eventbrite"
expect_in "$out" "imported 3 rows: 2 added, 1 merged" "repeated buyer merges"
expect_in "$out" "(format: eventbrite)" "Eventbrite detected"
run --db "$T/e.db" list summit
expect_in "$out" "Bob Smith" "--tag applied"
run --db "$T/e.db" show bob
expect_in "$out" "Attendee #: 5001" "ticket columns kept as custom fields"

# European Excel: semicolon, UTF-8 BOM, CRLF, generic German headers.
printf '\xef\xbb\xbfVorname;Nachname;Firma;E-Mail-Adresse;Telefon;Notizen\r\n'\
'Jörg;Weißenbach;Brenner, Söhne & Co;joerg@example.de;+49 30 555 0199;"zwei\nZeilen"\r\n'\
';;;;;\r\n' > "$T/excel.csv"
run --db "$T/x.db" import "$T/excel.csv"
expect_rc 0 "semicolon Excel"
expect_in "$out" "imported 1 rows: 1 added" "Excel counts (empty row skipped)"
run --db "$T/x.db" list --tsv
expect_out "$(printf '1\tJörg Weißenbach\tjoerg@example.de\t+49 30 555 0199\tBrenner, Söhne & Co')" "German generic columns"

# --map sends a column anywhere; --format overrides detection.
printf 'Who,Cell,Team,Shoe size\nMira Kos,+385 91 555 0100,alpha,38\n' > "$T/map.csv"
run --db "$T/m.db" import --map "Who=display,Cell=phone,Team=tag" "$T/map.csv"
expect_rc 0 "--map"
run --db "$T/m.db" show mira
expect_in "$out" "+385 91 555 0100" "--map phone"
expect_in "$out" "alpha" "--map tag"
expect_in "$out" "Shoe size: 38" "unmapped column kept"
run --db "$T/m.db" import --map "Who=nonsense" "$T/map.csv"
expect_rc 1 "--map with an unknown field"
expect_in "$err" "nonsense" "--map error names the field"
run --db "$T/m.db" import --format nosuch "$T/map.csv"
expect_rc 1 "unknown --format"
