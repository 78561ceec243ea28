#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The whole book as JSON, for moving machines (issue 15): kith export
# --format json writes every table with its ids; kith import of that file
# into an empty book gives the same book, table by table and row by row
# (collation keys too), with a working search; two exports are the same
# bytes; a book that is not empty, a file from another schema version and
# a file that is not JSON are refused with the book unchanged.
. "$(dirname "$0")/lib.inc"

export KITH_NOW="2026-11-20 12:00"
A="$T/a.db"
B="$T/b.db"
run --db "$A" demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "the demo book"
run --db "$A" log ana --kind call "a call with Ana"
run --db "$A" export --format json "$T/book.json"
expect_rc 0 "export --format json"
expect_in "$err" "exported" "says what it wrote"
run --db "$A" export --format json "$T/again.json"
cmp -s "$T/book.json" "$T/again.json" && pass || fail "two exports differ"

# dump DB: every table kith keeps, rows in order, without the journal
# and the search index (rebuilt on load).
dump() {
	local t
	for t in $(sqlite3 "$1" "SELECT name FROM sqlite_schema WHERE
	    type = 'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE
	    'contact_fts%' AND name NOT LIKE 'deal_title_fts%' AND name NOT LIKE 'org_name_fts%' AND
	    name <> 'journal' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY
	    name"); do
		echo "== $t"
		sqlite3 "$1" "SELECT * FROM \"$t\" ORDER BY 1, 2" | md5sum
	done
	# The word indexes of titles and names: their pages stand for nothing
	# the user sees; that they match their tables does.
	echo "== word indexes"
	sqlite3 "$1" "INSERT INTO deal_title_fts (deal_title_fts) VALUES
	    ('integrity-check'); INSERT INTO org_name_fts (org_name_fts) VALUES
	    ('integrity-check')" && echo consistent
}

run --db "$B" init
run --db "$B" import "$T/book.json"
expect_rc 0 "import into an empty book"
expect_in "$out" "loaded" "says it loaded"
[ "$(dump "$A")" = "$(dump "$B")" ] && pass ||
	fail "the loaded book differs: $(diff <(dump "$A") <(dump "$B") | head -5)"
run --db "$B" list petrov
expect_in "$out" "Ana Petrović" "search works in the loaded book"
run --db "$B" show ana
expect_in "$out" "a call with Ana" "the interaction came along"
run --db "$B" export --format json "$T/b.json"
cmp -s "$T/book.json" "$T/b.json" && pass ||
	fail "the loaded book exports differently"

# Refusals leave the book as it was.
before=$(dump "$B")
run --db "$B" import "$T/book.json"
expect_rc 1 "a book that is not empty"
expect_in "$err" "is not empty" "the message"
[ "$(dump "$B")" = "$before" ] && pass || fail "the refused load changed the book"

C="$T/c.db"
run --db "$C" init
sed 's/"schema": [0-9]*/"schema": 999/' "$T/book.json" >"$T/future.json"
run --db "$C" import "$T/future.json"
expect_rc 1 "another schema version"
expect_in "$err" "schema version 999" "names the version"
printf '{"kith": {"format": 1, ' >"$T/broken.json"
run --db "$C" import "$T/broken.json"
expect_rc 1 "broken JSON"
expect_in "$err" "broken.json: not valid JSON" "names the file"
run --db "$C" list --tsv
expect_out "" "the refused loads left the book empty"
