#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# import_kill.sh on the bulk import path (import.h), two kills, then one
# killed while it writes its search entries, after the rows: the next
# start writes the rest, and kith import --undo of it brings back the data
# from before.
export KITH_IMPORT_BULK=1
export KITH_KILLS=${KITH_KILLS:-2}
. "$(dirname "$0")/import_kill.sh"

before=$(dump)
n0=$(count)
max0=$(sqlite3 "$DB" "SELECT max(id) FROM contact")
rm -f "$T/big.csv"	# a FIFO above
# Rows enough for three ranges of search entries (INDEX_RANGE, batch.c),
# so that a kill once the first is in falls while the others are written.
ROWS=60000
awk -v rows=$ROWS 'BEGIN {
	print "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Organization Name"
	for (i = 0; i < rows; i++)
		printf "Given%d,Family%d,person%d@example.com,+1 555 %07d,Firm %d\n", i, i, i, i, i % 500
}' >"$T/big.csv"
"$KITH" import "$T/big.csv" >/dev/null 2>&1 &
pid=$!
# The first entries of the added contacts: the rows are all in.
for i in $(seq 1 6000); do
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM contact_fts_content WHERE
	    id > $max0" 2>/dev/null || echo 0)" -gt 0 ] && break
	sleep 0.02
done
kill -9 "$pid"
wait "$pid" 2>/dev/null
status=$?
[ "$status" -eq 137 ] && pass || fail "indexing: import exited $status, not by SIGKILL"
batch=$(sqlite3 "$DB" "SELECT max(id) FROM import_batch")
[ "$(sqlite3 "$DB" "SELECT finished IS NULL FROM import_batch WHERE id = $batch")" = 1 ] &&
    pass || fail "indexing: the import had finished"
check=$(sqlite3 "$DB" "PRAGMA integrity_check")
[ "$check" = ok ] && pass || fail "indexing: integrity check: $check"
n=$(count)
[ "$n" -eq $((n0 + ROWS - 1)) ] && pass || fail "indexing: $n contacts, not $n0 + $ROWS - 1 (one row merges)"
indexed=$(sqlite3 "$DB" "SELECT count(*) FROM contact_fts")
[ "$indexed" -gt "$n0" ] && [ "$indexed" -lt "$n" ] && pass ||
    fail "indexing: $indexed of $n indexed: the kill was not while indexing"
# The dropped indexes were built before the search entries.
[ "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE name IN
    ('contact_by_sort', 'contact_by_org')")" = 2 ] && pass ||
    fail "indexing: the dropped indexes were not built before the entries"
[ -z "$(sqlite3 "$DB" "SELECT key FROM meta WHERE key LIKE 'import_index:%'")" ] &&
    pass || fail "indexing: indexes left to build after the rows"
run list --tsv person$((ROWS - 1))
expect_rc 0 "indexing: the next start"
expect_in "$out" "Given$((ROWS - 1)) Family$((ROWS - 1))" "indexing: the next start finished the index"
indexed=$(sqlite3 "$DB" "SELECT count(*) FROM contact_fts")
[ "$n" = "$indexed" ] && pass || fail "indexing: $n contacts but $indexed indexed"
run import --undo "$batch" --yes
expect_rc 0 "indexing: undo the killed batch"
after=$(dump)
if [ "$after" = "$before" ]; then pass; else
	fail "indexing: the undo did not restore the data from before:
$(diff <(echo "$before") <(echo "$after") | head -20)"
fi

# Killed while it appends the rows of a regular file, which the bulk path
# reads once first for its shared keys (dedup.h) and then appends without
# the key indexes of the duplicate lookups either: kept aside as the other
# two, built again by the next start, the same as before.
before=$(dump)
n0=$(count)
"$KITH" import "$T/big.csv" >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 6000); do
	[ "$(count 2>/dev/null || echo 0)" -gt "$n0" ] && break
	sleep 0.02
done
kill -9 "$pid"
wait "$pid" 2>/dev/null
status=$?
[ "$status" -eq 137 ] && pass || fail "rows: import exited $status, not by SIGKILL"
batch=$(sqlite3 "$DB" "SELECT max(id) FROM import_batch")
n=$(count)
[ "$n" -gt "$n0" ] && [ "$n" -lt $((n0 + ROWS - 1)) ] && pass ||
    fail "rows: $n contacts, $n0 before: the kill was not while appending"
check=$(sqlite3 "$DB" "PRAGMA integrity_check")
[ "$check" = ok ] && pass || fail "rows: integrity check: $check"
for ix in email_by_norm phone_by_norm contact_by_fold contact_by_sort \
    contact_by_org contact_by_bday; do
	[ "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE name =
	    '$ix'")" = 0 ] && pass || fail "rows: $ix is there at the kill"
	[ "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key =
	    'import_index:$ix'")" = "$(echo "$before" | sed -n "s/^$ix|//p")" ] &&
	    pass || fail "rows: the definition of $ix is not kept"
done
run import --list
expect_rc 0 "rows: the next start"
[ -z "$(sqlite3 "$DB" "SELECT key FROM meta WHERE key LIKE 'import_index:%'")" ] &&
    pass || fail "rows: the next start left indexes to build"
run import --undo "$batch" --yes
expect_rc 0 "rows: undo the killed batch"
after=$(dump)
if [ "$after" = "$before" ]; then pass; else
	fail "rows: the undo did not restore the data from before:
$(diff <(echo "$before") <(echo "$after") | head -20)"
fi

# Killed while it appends into an empty book, whose search index a thread
# builds in a file beside it (search_side.c): the next start removes that
# file and writes the entries; nothing is lost.
side_db="$T/empty.db"
"$KITH" --db "$side_db" import "$T/big.csv" >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 6000); do
	[ "$(sqlite3 "$side_db" "SELECT count(*) FROM contact" 2>/dev/null ||
	    echo 0)" -gt 2000 ] && break
	sleep 0.02
done
side_file=$side_db-fts-$pid
[ -f "$side_file" ] && pass || fail "side: no side index at $side_file"
kill -9 "$pid"
wait "$pid" 2>/dev/null
status=$?
[ "$status" -eq 137 ] && pass || fail "side: import exited $status, not by SIGKILL"
n=$(sqlite3 "$side_db" "SELECT count(*) FROM contact")
[ "$n" -gt 0 ] && [ "$n" -lt "$ROWS" ] && pass ||
    fail "side: $n contacts: the kill was not while appending"
[ "$(sqlite3 "$side_db" "SELECT count(*) FROM contact_fts")" = 0 ] && pass ||
    fail "side: the book's index was written before the rows were in"
run --db "$side_db" list --tsv person7
expect_rc 0 "side: the next start"
expect_in "$out" "Given7 Family7" "side: the next start wrote the entries"
[ ! -e "$side_file" ] && pass || fail "side: $side_file left after the next start"
[ "$(sqlite3 "$side_db" "SELECT count(*) FROM contact_fts")" = "$n" ] &&
    pass || fail "side: not every contact indexed after the next start"
[ "$(sqlite3 "$side_db" "PRAGMA integrity_check")" = ok ] && pass ||
    fail "side: integrity check"
sqlite3 "$side_db" "INSERT INTO contact_fts(contact_fts) VALUES('integrity-check')" &&
    pass || fail "side: the search index is not consistent"
# And a whole import into an empty book: every entry, no file left.
rm -f "$side_db" "$side_db"-*
run --db "$side_db" import "$T/big.csv"
expect_rc 0 "side: a whole import"
[ "$(sqlite3 "$side_db" "SELECT count(*) FROM contact_fts")" = "$ROWS" ] &&
    pass || fail "side: not every contact indexed"
[ -z "$(ls "$side_db"-fts-* 2>/dev/null)" ] && pass || fail "side: a side file left"
sqlite3 "$side_db" "INSERT INTO contact_fts(contact_fts) VALUES('integrity-check')" &&
    pass || fail "side: the search index is not consistent"
