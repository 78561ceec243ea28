#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# An import killed with SIGKILL at random points (issue 15): after each
# kill the database passes PRAGMA integrity_check, holds the contacts from
# before plus whole committed chunks of the import, shows the batch as
# interrupted, and kith import --undo of it brings back exactly the data
# from before (compared as a dump of every table).  KITH_KILLS sets how
# many kills (default 3).  With KITH_IMPORT_BULK=1 (import_kill_bulk.sh)
# the bulk path is killed: its contacts await their search entries, which
# the next start (here kith import --list) writes.
. "$(dirname "$0")/lib.inc"

CHUNK=1000		# records per transaction (src/core/batch.c)
kills=${KITH_KILLS:-3}

# The user's data: every table but the import and undo bookkeeping, the
# search index by its content.  The e-mails, phones, addresses, URLs and
# custom fields of a contact an undo restores are written anew: their own
# row ids (never shown) are left out, everything else is compared.
dump() {
	local t cols
	for t in $(sqlite3 "$DB" "SELECT name FROM sqlite_schema WHERE type =
	    'table' AND name NOT LIKE 'sqlite%' AND name NOT LIKE 'contact_fts%'
	    AND name NOT LIKE 'deal_title_fts%' AND name NOT LIKE 'org_name_fts%'
	    AND name NOT IN ('import_batch', 'batch_merge', 'journal')
	    ORDER BY name"); do
		cols=$(sqlite3 "$DB" "SELECT group_concat(name) FROM
		    pragma_table_info('$t') WHERE NOT (name = 'id' AND '$t' IN
		    ('email', 'phone', 'address', 'url', 'custom_field'))")
		echo "== $t"
		sqlite3 "$DB" "SELECT $cols FROM \"$t\" ORDER BY $cols"
	done
	echo "== search"
	sqlite3 "$DB" "SELECT rowid, * FROM contact_fts ORDER BY rowid"
	# The word indexes of titles and names: their pages stand for nothing
	# the user sees; that they match their tables does.
	echo "== word indexes"
	sqlite3 "$DB" "INSERT INTO deal_title_fts (deal_title_fts) VALUES
	    ('integrity-check'); INSERT INTO org_name_fts (org_name_fts) VALUES
	    ('integrity-check')" && echo consistent
	# The bulk path drops indexes while it appends: all come back alike.
	echo "== indexes"
	sqlite3 "$DB" "SELECT name, sql FROM sqlite_schema WHERE type = 'index'
	    ORDER BY name"
}
count() { sqlite3 "$DB" "SELECT count(*) FROM contact"; }

"$KITH" add "Ana Petrović" --email ana@example.org --org "Acme Legal" >/dev/null
# Row 7 of the import merges into this contact: undo must restore it.
"$KITH" add "Given7 Family7" --email person7@example.com --tag client \
	--note "met at the fair" >/dev/null
"$KITH" follow ana "call re: renewal" --due tomorrow >/dev/null
"$KITH" log ana --kind call "renewal terms" >/dev/null

for k in $(seq 1 "$kills"); do
	before=$(dump)
	n0=$(count)
	# The file is a FIFO whose writer stays open after the rows: the
	# import cannot finish, so every kill lands mid-import.
	rm -f "$T/big.csv"
	mkfifo "$T/big.csv"
	(awk 'BEGIN {
		print "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Organization Name"
		for (i = 0; i < 60000; i++)
			printf "Given%d,Family%d,person%d@example.com,+1 555 %07d,Firm %d\n", i, i, i, i, i % 500
	}'; exec sleep 300) > "$T/big.csv" &
	wpid=$!
	"$KITH" import "$T/big.csv" >/dev/null 2>&1 &
	pid=$!
	# Once the first chunk is in, wait a random while more (0-2.9 s),
	# so the kill falls before, inside or between later chunks.
	for i in $(seq 1 1200); do
		[ "$(count 2>/dev/null || echo 0)" -gt "$n0" ] && break
		sleep 0.05
	done
	sleep "$((RANDOM % 3)).$((RANDOM % 10))"
	batch=$(sqlite3 "$DB" "SELECT max(id) FROM import_batch")
	if kill -0 "$pid" 2>/dev/null &&
	    [ "$(sqlite3 "$DB" "SELECT finished IS NULL FROM import_batch
	    WHERE id = $batch")" = 1 ]; then
		pass
	else
		fail "kill $k: the import was not running any more"
	fi
	kill -9 "$pid"
	wait "$pid" 2>/dev/null
	status=$?
	kill "$wpid" 2>/dev/null
	wait "$wpid" 2>/dev/null
	[ "$status" -eq 137 ] && pass || fail "kill $k: import exited $status, not by SIGKILL"

	check=$(sqlite3 "$DB" "PRAGMA integrity_check")
	[ "$check" = ok ] && pass || fail "kill $k: integrity check: $check"
	n=$(count)
	added=$(sqlite3 "$DB" "SELECT count(*) FROM contact WHERE batch_id = $batch")
	merged=$(sqlite3 "$DB" "SELECT count(*) FROM batch_merge WHERE batch_id = $batch")
	rows=$((added + merged))
	if [ "$rows" -gt 0 ] && [ $((rows % CHUNK)) -eq 0 ] &&
	    [ "$n" -eq $((n0 + added)) ]; then
		pass
	else
		fail "kill $k: $n contacts after the kill, $n0 before, $added added and $merged merged: not whole chunks of $CHUNK"
	fi
	indexed=$(sqlite3 "$DB" "SELECT count(*) FROM contact_fts")
	if [ "${KITH_IMPORT_BULK:-}" = 1 ]; then
		# The bulk path indexes after the rows: the next start does.
		[ "$indexed" -lt "$n" ] && pass ||
		    fail "kill $k: bulk, yet $indexed of $n indexed at the kill"
		# It appends without the name-order index, kept aside.
		[ "$(sqlite3 "$DB" "SELECT count(*) FROM sqlite_schema WHERE
		    name = 'contact_by_sort'")" = 0 ] && pass ||
		    fail "kill $k: bulk, yet contact_by_sort is there at the kill"
		[ "$(sqlite3 "$DB" "SELECT value FROM meta WHERE key =
		    'import_index:contact_by_sort'")" = "$(echo "$before" |
		    sed -n 's/^contact_by_sort|//p')" ] && pass ||
		    fail "kill $k: the definition of contact_by_sort is not kept"
	fi
	run import --list
	# The next start built the dropped indexes again (compared below).
	[ -z "$(sqlite3 "$DB" "SELECT key FROM meta WHERE key LIKE
	    'import_index:%'")" ] && pass ||
	    fail "kill $k: the next start left indexes to build"
	expect_rc 0 "kill $k: import --list"
	indexed=$(sqlite3 "$DB" "SELECT count(*) FROM contact_fts")
	[ "$n" = "$indexed" ] && pass || fail "kill $k: $n contacts but $indexed indexed"
	expect_in "$out" "interrupted" "kill $k: the killed batch shows as interrupted"

	run import --undo "$batch" --yes
	expect_rc 0 "kill $k: undo the killed batch"
	after=$(dump)
	if [ "$after" = "$before" ]; then pass; else
		fail "kill $k: the undo did not restore the data from before:
$(diff <(echo "$before") <(echo "$after") | head -20)"
	fi
done
run list --tsv
expect_in "$out" "$(printf '1\tAna Petrović\tana@example.org\t\tAcme Legal')" "Ana is there"
[ "$(count)" = 2 ] && pass || fail "$(count) contacts at the end, expected 2"
