#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith import and export on the real-format fixtures (tests/fixtures/csv,
# described with their expected results in its README.md).
. "$(dirname "$0")/lib.inc"
F="$KITH_SRC/tests/fixtures/csv"
M="$F/malformed"
cp -r "$F" "$T/csv"		# rejects files are written beside the input
F="$T/csv"
M="$F/malformed"

count() { "$KITH" --db "$1" list --tsv --archived | wc -l; }

# google.csv: 27 records, one empty (line 19): 26 contacts.
run --db "$T/g.db" import "$F/google.csv"
expect_rc 0 "google import"
expect_in "$out" "imported 26 rows: 26 added, 0 merged, 0 rejected" "google counts"
expect_in "$out" "(format: google)" "google detected"
expect_in "$err" "google.csv:19: skipped: empty record" "empty record noticed"
[ "$(count "$T/g.db")" = 26 ] && pass || fail "google: $(count "$T/g.db") contacts"
run --db "$T/g.db" show "O'Brien"
expect_in "$out" "Siobhán O'Brien" "apostrophes survive"
run --db "$T/g.db" list --tsv
[ "$(printf '%s\n' "$out" | cut -f3 | grep -c @)" -ge 20 ] && pass ||
	fail "google e-mails missing"

# outlook.csv (BOM, CRLF): 25 contacts, 5 of them google people.
run --db "$T/g.db" import "$F/outlook.csv"
expect_rc 0 "outlook import"
expect_in "$out" "imported 25 rows: 20 added, 5 merged, 0 rejected" "outlook counts"
expect_in "$out" "(format: outlook)" "outlook detected"
[ "$(count "$T/g.db")" = 46 ] && pass || fail "after outlook: $(count "$T/g.db")"

# duplicates.csv: e-mail and phone+name rules; US default region: 51.
cp "$T/g.db" "$T/before-dups.db"
run --db "$T/g.db" import "$F/duplicates.csv"
expect_rc 0 "duplicates import"
[ "$(count "$T/g.db")" = 51 ] && pass || fail "after duplicates: $(count "$T/g.db"), expected 51"
expect_in "$err" "possible duplicate" "review cases reported"

# Under region GB, "07700 900119" is "+44 7700 900119": 50.
KITH_REGION=GB run --db "$T/gb.db" import "$F/google.csv" "$F/outlook.csv" "$F/duplicates.csv"
[ "$(count "$T/gb.db")" = 50 ] && pass || fail "GB region: $(count "$T/gb.db"), expected 50"

# Undo takes duplicates.csv back exactly.
"$KITH" --db "$T/before-dups.db" export "$T/before.csv" 2>/dev/null
batch=$("$KITH" --db "$T/g.db" import --list | tail -1 | awk '{print $1}')
run --db "$T/g.db" import --undo "$batch" --yes
expect_rc 0 "undo"
expect_in "$out" "undid import $batch" "undo message"
"$KITH" --db "$T/g.db" export "$T/after.csv" 2>/dev/null
cmp -s "$T/before.csv" "$T/after.csv" && pass || fail "undo did not restore the merged contacts"
run --db "$T/g.db" import --undo "$batch" --yes
expect_rc 1 "undo twice"

# linkedin: preamble, header on line 4; record on line 19 has no name/e-mail.
run --db "$T/l.db" import "$F/linkedin-connections.csv"
expect_rc 1 "linkedin has a rejected row"
expect_in "$out" "imported 25 rows: 24 added, 0 merged, 1 rejected" "linkedin counts"
expect_in "$out" "(format: linkedin)" "linkedin detected"
expect_in "$err" "linkedin-connections.csv:19: rejected:" "line of the rejected row"
[ "$(wc -l < "$F/linkedin-connections.csv.rejected.csv")" = 2 ] && pass ||
	fail "rejects file should hold the header and one row"

# Malformed files.
run --db "$T/m.db" import "$M/unterminated-quote.csv"
expect_rc 1 "unterminated quote"
expect_in "$err" ":5:" "unterminated quote names line 5"
expect_in "$err" "nothing was imported" "unterminated: nothing imported"
[ "$(count "$T/m.db")" = 0 ] && pass || fail "unterminated quote left contacts"

run --db "$T/m.db" import "$M/stray-quotes.csv"
expect_rc 1 "stray quotes"
expect_in "$err" ":3:" "stray quote names line 3"
[ "$(count "$T/m.db")" = 0 ] && pass || fail "stray quotes left contacts"

run --db "$T/m.db" import "$M/invalid-utf8.csv"
expect_rc 1 "invalid utf-8 rows rejected"
expect_in "$out" "3 added, 0 merged, 7 rejected" "invalid utf-8 counts"
for line in 4 5 6 7 8 9 10; do
	expect_in "$err" "invalid-utf8.csv:$line: rejected:" "invalid utf-8 line $line"
done
[ "$(wc -l < "$M/invalid-utf8.csv.rejected.csv")" = 8 ] && pass ||
	fail "invalid-utf8 rejects file"

run --db "$T/n.db" import "$M/nul-byte.csv"
expect_in "$out" "2 added, 0 merged, 2 rejected" "nul-byte counts"

run --db "$T/h.db" import "$M/huge-field.csv"
expect_in "$out" "2 added, 0 merged, 1 rejected" "huge field counts"

run --db "$T/r.db" import "$M/ragged-rows.csv"
expect_in "$out" "4 added, 0 merged, 2 rejected" "ragged rows counts"

run --db "$T/e.db" import "$M/header-only.csv"
expect_rc 0 "header only"
expect_in "$err" "nothing to import" "header only notice"

run --db "$T/e.db" import "$M/empty.csv"
expect_rc 1 "empty file"
expect_in "$err" "empty" "empty file message"

run --db "$T/e.db" import "$M/binary-garbage.csv"
expect_rc 1 "binary file"
expect_in "$err" "not a CSV file" "binary message"
[ "$(count "$T/e.db")" = 0 ] && pass || fail "binary file left contacts"

run --db "$T/c.db" import "$M/cr-only-line-endings.csv"
expect_rc 0 "CR-only"
expect_in "$out" "3 added" "CR-only counts"

# Formula-looking values are stored verbatim and neutralised on export.
run --db "$T/f.db" import "$M/formula-injection.csv"
expect_in "$out" "10 added" "formula file imports"
notes=$(sqlite3 "$T/f.db" "SELECT hex(notes) FROM contact WHERE display = 'Tab Prefixed'")
[ "$notes" = "093D312B31" ] && pass || fail "TAB=1+1 notes not verbatim: $notes"
"$KITH" --db "$T/f.db" export "$T/f.csv" 2>/dev/null
grep -q "'=HYPERLINK" "$T/f.csv" && pass || fail "export did not neutralise =HYPERLINK"
"$KITH" --db "$T/f.db" export --format google - > "$T/fg.csv"
# One line per record (a line break inside a quoted cell shown as \n).
awk '{ r = r $0; if (gsub(/"/, "\"", r) % 2 == 0) { print r; r = "" }
    else r = r "\\n" }' "$T/fg.csv" > "$T/fg.rec"
grep -q "^=\|,=" "$T/fg.rec" && fail "google export has a bare = cell" || pass
# A carriage return is stored as a line feed; a cell that begins with one
# is guarded too.
notes=$(sqlite3 "$T/f.db" "SELECT hex(notes) FROM contact WHERE display = 'Cr Prefixed'")
[ "$notes" = "0A3D312B31" ] && pass || fail "CR=1+1 notes not CR-normalised: $notes"
grep -qF "\"'\\n=1+1\"" "$T/fg.rec" && pass || fail "a cell that begins with a line feed is not guarded"

# Dry run writes nothing.
run --db "$T/d.db" import --dry-run "$F/google.csv"
expect_rc 0 "dry run"
expect_in "$out" "would import 26 rows: 26 would be added, 0 would merge, 0 would be rejected" "dry run counts"
expect_not_in "$out" "imported" "a dry run never says imported"
# A dry run of a file with a rejected row and a merge says what it would do.
run --db "$T/d.db" import --dry-run "$F/linkedin-connections.csv"
expect_in "$out" "would import 25 rows" "dry run says would import"
expect_in "$err" "would reject:" "dry run says would reject"
expect_not_in "$out$err" "rejected:" "dry run does not say rejected"
expect_in "$out" "First Name -> " "dry run shows the mapping"
[ "$(count "$T/d.db")" = 0 ] && pass || fail "dry run wrote contacts"

# Round trip: export -> import into an empty database -> export.
"$KITH" --db "$T/gb.db" import "$F/linkedin-connections.csv" "$M/formula-injection.csv" \
	>/dev/null 2>&1
"$KITH" --db "$T/gb.db" export "$T/one.csv" 2>/dev/null
run --db "$T/rt.db" import "$T/one.csv"
expect_in "$out" "(format: kith)" "kith format recognised"
"$KITH" --db "$T/rt.db" export "$T/two.csv" 2>/dev/null
cmp -s "$T/one.csv" "$T/two.csv" && pass || fail "round trip differs: $(diff "$T/one.csv" "$T/two.csv" | head -5)"

# Google and Outlook layouts come out with their headers.
"$KITH" --db "$T/gb.db" export --format google - | head -1 | grep -q "^First Name,Middle Name,Last Name" && pass || fail "google header"
"$KITH" --db "$T/gb.db" export --format outlook - | head -1 | grep -q "First Name" && pass || fail "outlook header"
run --db "$T/gb.db" export --format bogus -
expect_rc 1 "unknown export format"

# A merge makes what it adds searchable: into a contact stored before the
# import, and, in a file big enough to be committed in several chunks and
# checked through the duplicate filter, into one an earlier chunk added.
"$KITH" --db "$T/m.db" add "Merge Target" --email mt@example.org >/dev/null
printf 'Name,E-mail,Company\nMerge Target,MT@example.org,Zanzibar Holdings\n' > "$T/m1.csv"
run --db "$T/m.db" import "$T/m1.csv"
expect_in "$out" "1 rows: 0 added, 1 merged" "merge into a stored contact"
run --db "$T/m.db" list zanzibar --tsv
expect_in "$out" "Merge Target" "merged organisation is searchable"
awk 'BEGIN {
	print "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Organization Name"
	for (i = 0; i < 12000; i++)
		printf "Given%d,Family%d,person%d@example.com,+1 555 %07d,Firm %d\n", i, i, i, i, i % 50
	# Chunk 3 repeats people of chunk 1: by e-mail, and by phone and name.
	print "Given10,Family10,PERSON10@example.com,+1 555 9990010,"
	print "Given20,Family20,given20@other.example,+1 555 0000020,"
	print "Given30,Someone-Else,,+1 555 0000030,"
}' > "$T/m2.csv"
run --db "$T/m.db" import "$T/m2.csv"
expect_in "$out" "imported 12003 rows: 12001 added, 2 merged, 0 rejected, 1 possible duplicates" "big file counts"
case "$err" in *importing*) fail "a progress bar without a terminal" ;; *) pass ;; esac
run --db "$T/m.db" list 9990010 --tsv
expect_in "$out" "Given10 Family10" "merged across chunks: phone searchable"
run --db "$T/m.db" list given20@other --tsv
expect_in "$out" "Given20 Family20" "merged across chunks: e-mail searchable"
n=$(sqlite3 "$T/m.db" "SELECT (SELECT count(*) FROM contact) - (SELECT count(*) FROM contact_fts)")
[ "$n" = 0 ] && pass || fail "$n contacts without a search entry"

# On a terminal, a file that big shows a progress bar on stderr.
if command -v script >/dev/null; then
	script -qec "\"$KITH\" --db \"$T/pb.db\" import \"$T/m2.csv\"" /dev/null \
		> "$T/typescript" 2>&1 < /dev/null
	grep -aq "importing .*m2.csv \[#*  *\] *[0-9]*%" "$T/typescript" && pass ||
		fail "no progress bar on a terminal: $(tail -c 300 "$T/typescript")"
fi

# A shared mailbox: a row with Ana's address under a name with no word of
# hers is someone else, added apart and named with its line, not merged
# into her; her own name in another order then merges into her, not into
# the other contact that now has the address too.
"$KITH" --db "$T/mb.db" add "Ana Petrović" --email ana@example.com --org Acme >/dev/null 2>&1
printf 'Name,E-mail,Company\nBob Jones,ANA@example.com,Other Co\nPetrović Ana,ana@example.com,\n' > "$T/mb.csv"
run --db "$T/mb.db" import "$T/mb.csv"
expect_rc 0 "a shared mailbox imports"
expect_in "$out" "1 added, 1 merged" "Bob is added, Ana's row merged"
expect_in "$err" "mb.csv:2: warning: possible duplicate of contact 1 (same e-mail, another name)" "Bob's row named with its line"
run --db "$T/mb.db" show "Bob Jones"
expect_in "$out" "Other Co" "Bob Jones is a contact of his own"
run --db "$T/mb.db" show 1
expect_not_in "$out" "Bob Jones" "nothing of Bob's went into Ana"
expect_not_in "$out" "Other Co" "Bob's company did not go into Ana"
