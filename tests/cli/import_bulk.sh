#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The bulk import path gives the same result as the row-by-row one (issue
# 15): the same file, imported into the same book with KITH_IMPORT_BULK=0
# and with KITH_IMPORT_BULK=1, leaves the same tables, row for row, ids
# included (both add the contacts in the file's order); only the search
# index's internal b-tree pages differ (its segments are written at other
# moments), so the index is compared by its content.  The same output,
# warnings, rejects file, and undo (kith import --undo, kith undo) back to
# the book from before.  The file has duplicates within itself and of
# stored contacts, possible duplicates, rejects, invalid addresses, tags,
# several e-mails and phones, and Cyrillic names, over several chunks.
. "$(dirname "$0")/lib.inc"

export KITH_NOW=2026-03-01T10:00:00

# Every table but the search index's pages: its content stands for it.
dump() {	# DB
	local t
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type =
	    'table' AND name NOT LIKE 'sqlite%' AND name NOT IN
	    ('contact_fts', 'contact_fts_data', 'contact_fts_idx',
	    'contact_fts_docsize', 'contact_fts_config') AND
	    name NOT LIKE 'deal_title_fts%' AND name NOT LIKE 'org_name_fts%' ORDER BY name"); do
		echo "== $t"
		sqlite3 "$1" "SELECT * FROM \"$t\" ORDER BY 1"
	done
	# The word indexes of titles and names: their pages stand for nothing
	# the user sees; that they match their tables does.
	echo "== word indexes"
	sqlite3 "$1" "INSERT INTO deal_title_fts (deal_title_fts) VALUES
	    ('integrity-check'); INSERT INTO org_name_fts (org_name_fts) VALUES
	    ('integrity-check')" && echo consistent
	# The bulk path drops two indexes and builds them again: the same.
	echo "== schema"
	sqlite3 "$1" "SELECT type, name, sql FROM sqlite_schema ORDER BY name"
}
# The user's data as import_kill.sh compares it: no import or undo
# bookkeeping, and the rows an undo writes anew without their own ids.
# Tags included: an undo removes the tags the import made (VIP), keeps
# the ones from before (client, and board, which no contact has).
userdata() {	# DB
	local t cols
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE type =
	    'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'contact_fts%'
	    AND name NOT LIKE 'deal_title_fts%' AND name NOT LIKE 'org_name_fts%'
	    AND name NOT IN ('import_batch', 'batch_merge', 'journal')
	    ORDER BY name"); do
		cols=$(sqlite3 "$1" "SELECT group_concat(name) FROM
		    pragma_table_info('$t') WHERE NOT (name = 'id' AND '$t' IN
		    ('email', 'phone', 'address', 'url', 'custom_field'))")
		echo "== $t"
		sqlite3 "$1" "SELECT $cols FROM \"$t\" ORDER BY $cols"
	done
	echo "== search"
	sqlite3 "$1" "SELECT rowid, * FROM contact_fts ORDER BY rowid"
	# The word indexes of titles and names: their pages stand for nothing
	# the user sees; that they match their tables does.
	echo "== word indexes"
	sqlite3 "$1" "INSERT INTO deal_title_fts (deal_title_fts) VALUES
	    ('integrity-check'); INSERT INTO org_name_fts (org_name_fts) VALUES
	    ('integrity-check')" && echo consistent
}

# The book before: rows of the file merge into two of these.
"$KITH" add "Ана Петровић" --email ana@example.org --org "Acme Legal" >/dev/null
"$KITH" add "Given7 Family7" --email person7@example.com --tag client \
	--note "met at the fair" >/dev/null
"$KITH" add "Old Friend" --phone "+1 555 000 0042" --tag board >/dev/null
"$KITH" edit "Old Friend" --rm-tag board >/dev/null
"$KITH" follow ana "call re: renewal" --due tomorrow >/dev/null
# Archived: its address merges nothing, its name is no namesake.
"$KITH" add "Gone Person" --email gone@example.org >/dev/null
"$KITH" rm "Gone Person" --archive --yes >/dev/null
"$KITH" add "Solo Namesake" --phone "+1 555 000 0077" >/dev/null

# 2,600 rows: three chunks of 1,000 and part of a fourth.
awk 'BEGIN {
	split("Алексей Мария Given Иван Ana Zoë Jörg", gn, " ")
	split("Петров Иванова Family Müller Petrović Łukasz", fn, " ")
	print "First Name,Last Name,E-mail 1 - Value,E-mail 2 - Value," \
	    "Phone 1 - Value,Phone 2 - Value,Organization Name,Labels,Notes"
	for (i = 0; i < 2600; i++) {
		g = gn[i % 7 + 1] i % 300; f = fn[i % 6 + 1]
		e2 = i % 3 == 0 ? "second" i "@example.net" : ""
		p2 = i % 4 == 0 ? "+44 20 7946 " sprintf("%04d", i) : ""
		lab = i % 5 == 0 ? "* myContacts ::: VIP" : "* myContacts"
		e1 = "person" i "@example.com"
		p1 = "+1 555 " sprintf("%07d", i + 100)
		if (i % 97 == 50) {		# repeats an earlier row: merges
			e1 = toupper(substr("person" i - 40, 1, 1)) \
			    substr("person" (i - 40) "@example.com", 2)
			g = gn[(i - 40) % 7 + 1] (i - 40) % 300
			f = fn[(i - 40) % 6 + 1]
		}
		org = "Firm " i % 40
		if (i % 211 == 3)		# nothing names it: rejected
			{ g = ""; f = ""; e1 = ""; e2 = ""; p1 = "ask reception"; p2 = ""; org = "" }
		if (i % 89 == 5)		# kept as a custom field
			e2 = "not-an-address"
		if (i % 101 == 7)		# a +tag of a stored address
			e1 = "person" (i - 1) "+news@example.com"
		if (i == 1500)			# merges into Ana, stored before
			{ g = "Ana"; f = "Petrović"; e1 = "ANA@example.org" }
		if (i == 1600)			# Old Friend by phone, same name
			{ g = "Old"; f = "Friend"; e1 = ""; p1 = "+15550000042" }
		# The bulk path finds these without the key indexes (dedup.h):
		if (i == 1700)			# row 1650 by phone, same name
			{ g = gn[1650 % 7 + 1] 1650 % 300; f = fn[1650 % 6 + 1]
			  e1 = ""; e2 = ""; p1 = "+1 555 " sprintf("%07d", 1750) }
		if (i == 1710)			# row 1651 phone, another name
			{ g = "Zed"; f = "Other"; e1 = ""; e2 = ""
			  p1 = "(555) " sprintf("%03d-%04d", 0, 1751) }
		if (i == 1800)			# Ana again, with a new address
			{ g = "Ana"; f = "Petrović"; e1 = "new.ana@example.org"
			  e2 = "ana@example.org" }
		if (i == 1900)			# that new address: Ana a third time
			{ g = "Ana"; f = "P."; e1 = "New.Ana@example.org"; e2 = "" }
		if (i == 2000)			# an archived contact address: added
			{ g = "Gone"; f = "Person"; e1 = "gone@example.org" }
		if (i == 2001)			# the archived name: no namesake
			{ g = "Gone"; f = "Person"; e1 = "" }
		if (i == 2100)			# a stored name only: a namesake
			{ g = "Solo"; f = "Namesake"; e1 = "solo@example.net" }
		if (i == 2200)			# a +tag of a stored address
			e1 = "person7+news@example.com"
		if (i == 2300)			# a name of row 2250 only, no keys
			{ g = gn[2250 % 7 + 1] 2250 % 300; f = fn[2250 % 6 + 1]
			  e1 = ""; e2 = ""; p1 = ""; p2 = "" }
		if (i == 2400)			# a row repeated within the file
			{ e1 = "dup2400@example.org"; p1 = "+1 555 9992400" }
		if (i == 2450)
			{ g = gn[2400 % 7 + 1] 2400 % 300; f = fn[2400 % 6 + 1]
			  e1 = "DUP2400@example.org"; p1 = "+1 555 9992400" }
		note = i % 13 == 0 ? "\"met in Zürich, said \"\"call me\"\"\"" : ""
		printf "%s,%s,%s,%s,%s,%s,%s,%s,%s\n", g, f, e1, e2, p1, p2,
		    org, lab, note
	}
}' >"$T/book.csv"

cp "$DB" "$T/before.db"
before=$(userdata "$T/before.db")
for mode in 0 1; do
	cp "$T/before.db" "$T/m$mode.db"
	mkdir "$T/d$mode"
	cp "$T/book.csv" "$T/d$mode/"
	(cd "$T/d$mode" && KITH_IMPORT_BULK=$mode \
	    KITH_IMPORT_TRACE="$T/trace$mode" "$KITH" --db "$T/m$mode.db" \
	    import book.csv >"$T/out$mode" 2>"$T/err$mode")
	echo $? >"$T/rc$mode"
done
[ "$(cat "$T/rc0")" = 1 ] && [ "$(cat "$T/rc1")" = 1 ] && pass ||
    fail "exit $(cat "$T/rc0") row by row, $(cat "$T/rc1") bulk: rejects make it 1"
expect_in "$(cat "$T/out0")" "imported 2600 rows" "row by row read the file"
expect_in "$(cat "$T/out0")" "merged, 13 rejected" "the rejects"
# The bulk path says so (and row by row does not), else the same stderr.
bulkline="book.csv: bulk import: the contacts were indexed for search after the rows"
grep -qxF "$bulkline" "$T/err1" && pass || fail "the bulk path was not taken"
grep -qF "bulk import" "$T/err0" && fail "KITH_IMPORT_BULK=0 took the bulk path" || pass
# KITH_IMPORT_TRACE: each phase's end, in order, in seconds from the start.
phases() { awk '{ print $1 }' "$1" | tr '\n' ' '; }
[ "$(phases "$T/trace1")" = "first-pass rows indexes entries end " ] && pass ||
    fail "the bulk path's phases: $(phases "$T/trace1")"
[ "$(phases "$T/trace0")" = "rows end " ] && pass ||
    fail "the row-by-row phases: $(phases "$T/trace0")"
awk 'NF != 2 || $2 !~ /^[0-9]+\.[0-9][0-9][0-9]$/ || $2 < last { bad = 1 }
    { last = $2 } END { exit bad }' "$T/trace1" && pass ||
    fail "the phases' times: $(cat "$T/trace1")"
grep -vxF "$bulkline" "$T/err1" >"$T/err1.rest"
cmp -s "$T/out0" "$T/out1" && pass || fail "the summaries differ:
$(diff "$T/out0" "$T/out1")"
cmp -s "$T/err0" "$T/err1.rest" && pass || fail "the warnings differ:
$(diff "$T/err0" "$T/err1.rest" | head)"
cmp -s "$T/d0/book.csv.rejected.csv" "$T/d1/book.csv.rejected.csv" && pass ||
    fail "the rejects files differ"
expect_in "$(cat "$T/err0")" "possible duplicate of contact" "possible duplicates are reported"
d0=$(dump "$T/m0.db")
d1=$(dump "$T/m1.db")
if [ "$d0" = "$d1" ]; then pass; else
	fail "the tables differ:
$(diff <(echo "$d0") <(echo "$d1") | head -20)"
fi
# What the comparison rests on: merges, Cyrillic, tags, many addresses.
n=$(sqlite3 "$T/m1.db" "SELECT count(*) FROM batch_merge")
[ "$n" -ge 20 ] && pass || fail "only $n merges"
n=$(sqlite3 "$T/m1.db" "SELECT group_concat(addr, ' ') FROM (SELECT addr FROM
    email WHERE contact_id = 1 ORDER BY pos)")
[ "$n" = "ana@example.org second1500@example.net new.ana@example.org" ] &&
    pass ||
    fail "Ana's addresses after three merges: $n"
n=$(sqlite3 "$T/m1.db" "SELECT count(*) FROM email WHERE addr_norm =
    'gone@example.org'")
[ "$n" = 2 ] && pass || fail "$n contacts with an archived one's address"
n=$(sqlite3 "$T/m1.db" "SELECT count(DISTINCT contact_id) FROM email WHERE
    addr_norm = 'dup2400@example.org'")
[ "$n" = 1 ] && pass || fail "a row repeated within the file: $n contacts"
n=$(sqlite3 "$T/m1.db" "SELECT count(DISTINCT contact_id) FROM phone WHERE
    norm LIKE '%5550001750'")
[ "$n" = 1 ] && pass || fail "a phone with the same name: $n contacts"
n=$(sqlite3 "$T/m1.db" "SELECT count(*) FROM contact_fts_content")
[ "$n" = "$(sqlite3 "$T/m1.db" "SELECT count(*) FROM contact")" ] && pass ||
    fail "$n search entries, not one per contact"
n=$(sqlite3 "$T/m1.db" "SELECT count(*) FROM contact WHERE display LIKE 'Алексей%'")
[ "$n" -gt 300 ] && pass || fail "$n Cyrillic names stored"
[ -z "$(sqlite3 "$T/m1.db" "SELECT key FROM meta WHERE key LIKE 'import_pending:%'")" ] &&
    pass || fail "the bulk import left its index unfinished"
[ -z "$(sqlite3 "$T/m1.db" "SELECT key FROM meta WHERE key LIKE 'import_index:%'")" ] &&
    pass || fail "the bulk import left indexes to build"
[ "$(sqlite3 "$T/m1.db" "SELECT group_concat(name) FROM (SELECT name FROM
    sqlite_schema WHERE name IN ('contact_by_sort', 'contact_by_org')
    ORDER BY name)")" = contact_by_org,contact_by_sort ] && pass ||
    fail "the bulk import did not build its dropped indexes again"
# Search finds a bulk-added contact by name, transliterated, and by phone.
out=$("$KITH" --db "$T/m1.db" list --tsv aleksei0 2>&1)
expect_in "$out" "Алексей0" "search finds a bulk-added Cyrillic name"
out=$("$KITH" --db "$T/m1.db" list --tsv 5550000107 2>&1)
expect_in "$out" "Алексей7 Иванова" "search finds a bulk-added phone"

# While a bulk import runs without the name-order index (here a state
# made by hand, its import named by a live process: this shell), a list
# of a broad query, which walks the names in order, still gives the same
# page; once no import runs, the next start builds the index again.
cp "$T/m1.db" "$T/s.db"
sqlite3 "$T/s.db" "INSERT INTO meta (key, value) SELECT 'import_index:' ||
    name, sql FROM sqlite_schema WHERE name = 'contact_by_sort';
    DROP INDEX contact_by_sort;
    INSERT INTO meta (key, value) VALUES ('import_pending:1', '$$')"
want=$("$KITH" --db "$T/m1.db" list --tsv example 2>&1)
[ "$(echo "$want" | wc -l)" -gt 100 ] && pass || fail "the broad list is short:
$want"
out=$("$KITH" --db "$T/s.db" list --tsv example 2>&1)
[ "$out" = "$want" ] && pass || fail "the list without the index differs:
$(diff <(echo "$want") <(echo "$out") | head)"
[ "$(sqlite3 "$T/s.db" "SELECT count(*) FROM sqlite_schema WHERE name =
    'contact_by_sort'")" = 0 ] && pass ||
    fail "the index was built while an import was running"
sqlite3 "$T/s.db" "DELETE FROM meta WHERE key = 'import_pending:1'"
"$KITH" --db "$T/s.db" list --tsv nobody-at-all >/dev/null 2>&1
[ "$(dump "$T/s.db")" = "$d1" ] && pass ||
    fail "the next start did not build the index as it was:
$(diff <(echo "$d1") <(dump "$T/s.db") | head)"

# Each kind of duplicate, in a file small enough that every warning is
# shown (lines 2 to 16), imported into the book from before both ways.
cat >"$T/kinds.csv" <<'EOF'
First Name,Last Name,E-mail 1 - Value,E-mail 2 - Value,Phone 1 - Value
Kim,Lee,kim@example.org,,+1 555 100 0001
Kim,Lee,,,+1 555 100 0001
Zed,Other,,,+1 555 100 0001
Solo,Namesake,solo@example.net,,
Gone,Person,gone@example.org,,
Given7,Family7,person7+news@example.com,,
Ana,Petrović,new.ana@example.org,ana@example.org,
Ana,P.,NEW.ANA@example.org,,
Mia,Roe,mia@example.org,,
Mia,Roe,,,
Lou,Tan,lou+x@example.org,,
Lou,Tan,lou@example.org,,
Old,Friend,,,+15550000042
Bob,Whitfield,,,+1 555 100 0002
Robert,Whitfield,,,+1 555 100 0002
EOF
for mode in 0 1; do
	cp "$T/before.db" "$T/k$mode.db"
	(cd "$T" && KITH_IMPORT_BULK=$mode "$KITH" --db "$T/k$mode.db" \
	    import kinds.csv >"$T/kout$mode" 2>"$T/kerr$mode")
done
grep -vxF "kinds.csv: bulk import: the contacts were indexed for search after the rows" \
    "$T/kerr1" >"$T/kerr1.rest"
cmp -s "$T/kerr0" "$T/kerr1.rest" && pass || fail "kinds: the warnings differ:
$(diff "$T/kerr0" "$T/kerr1.rest")"
cmp -s "$T/kout0" "$T/kout1" && pass || fail "kinds: the summaries differ"
[ "$(dump "$T/k0.db")" = "$(dump "$T/k1.db")" ] && pass ||
    fail "kinds: the tables differ:
$(diff <(dump "$T/k0.db") <(dump "$T/k1.db") | head -20)"
expect_in "$(cat "$T/kout1")" "15 rows: 10 added, 5 merged" "kinds: the merges"
for w in "kinds.csv:4: warning: possible duplicate of contact 6 (same phone, another name)" \
    "kinds.csv:5: warning: possible duplicate of contact 5 (same name)" \
    "kinds.csv:7: warning: possible duplicate of contact 2 (e-mail differs only by a +tag)" \
    "kinds.csv:11: warning: possible duplicate of contact 11 (same name)" \
    "kinds.csv:13: warning: possible duplicate of contact 13 (e-mail differs only by a +tag)"; do
	grep -qF "$w" "$T/kerr1.rest" && pass || fail "kinds: no '$w' in:
$(cat "$T/kerr1.rest")"
done
[ "$(grep -c "possible duplicate" "$T/kerr1.rest")" = 5 ] && pass ||
    fail "kinds: other possible duplicates: $(cat "$T/kerr1.rest")"
n=$(sqlite3 "$T/k1.db" "SELECT group_concat(addr, ' ') FROM (SELECT addr FROM
    email WHERE contact_id = 1 ORDER BY pos)")
[ "$n" = "ana@example.org new.ana@example.org" ] && pass ||
    fail "kinds: Ana's addresses after two merges: $n"
n=$(sqlite3 "$T/k1.db" "SELECT count(*) FROM contact WHERE display LIKE
    '%Whitfield'")
[ "$n" = 1 ] && pass || fail "kinds: Bob and Robert Whitfield are $n contacts"

# Undone either way, the book is as it was.
for mode in 0 1; do
	cp "$T/m$mode.db" "$T/u$mode.db"
	"$KITH" --db "$T/u$mode.db" import --undo 1 --yes >/dev/null 2>&1 ||
	    fail "import --undo after KITH_IMPORT_BULK=$mode"
	after=$(userdata "$T/u$mode.db")
	if [ "$after" = "$before" ]; then pass; else
		fail "import --undo after KITH_IMPORT_BULK=$mode:
$(diff <(echo "$before") <(echo "$after") | head)"
	fi
	"$KITH" --db "$T/m$mode.db" undo --yes >/dev/null 2>&1 ||
	    fail "kith undo after KITH_IMPORT_BULK=$mode"
	after=$(userdata "$T/m$mode.db")
	if [ "$after" = "$before" ]; then pass; else
		fail "kith undo after KITH_IMPORT_BULK=$mode:
$(diff <(echo "$before") <(echo "$after") | head)"
	fi
done
