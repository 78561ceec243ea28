#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# An import killed half-way leaves a consistent database whose partial
# batch shows as interrupted and can be undone; nothing else is touched.
. "$(dirname "$0")/lib.inc"

"$KITH" add "Ana Petrović" --email ana@example.org >/dev/null
# The file is a FIFO whose writer stays open after the rows, so the import
# cannot finish: it is always killed half-way, never skips the assertion.
mkfifo "$T/big.csv"
(awk 'BEGIN {
	print "First Name,Last Name,E-mail 1 - Value,Phone 1 - Value,Organization Name"
	for (i = 0; i < 60000; i++)
		printf "Given%d,Family%d,person%d@example.com,+1 555 %07d,Firm %d\n", i, i, i, i, i % 500
}'; exec sleep 120) > "$T/big.csv" &
wpid=$!

"$KITH" import "$T/big.csv" >/dev/null 2>&1 &
pid=$!
# Kill it once some chunks are committed.
for i in $(seq 1 1200); do
	n=$(sqlite3 "$DB" "SELECT count(*) FROM contact" 2>/dev/null || echo 0)
	[ "${n:-0}" -gt 6000 ] && break
	sleep 0.05
done
[ "${n:-0}" -gt 6000 ] && pass || fail "no chunk was committed before the kill ($n contacts)"
kill -9 "$pid" 2>/dev/null
wait "$pid" 2>/dev/null
kill "$wpid" 2>/dev/null
wait "$wpid" 2>/dev/null

n=$(sqlite3 "$DB" "PRAGMA integrity_check; SELECT count(*) FROM contact_fts;" | head -1)
[ "$n" = ok ] && pass || fail "integrity check after kill: $n"
run import --list
expect_rc 0 "list after kill"
finished=$(sqlite3 "$DB" "SELECT count(*) FROM import_batch WHERE id = 1 AND finished IS NULL")
[ "$finished" = 1 ] && pass || fail "the killed batch is not recorded as unfinished"
expect_in "$out" "interrupted" "the killed batch shows as interrupted"
# Everything committed is searchable (the index was built with each chunk).
contacts=$(sqlite3 "$DB" "SELECT count(*) FROM contact")
indexed=$(sqlite3 "$DB" "SELECT count(*) FROM contact_fts")
[ "$contacts" = "$indexed" ] && pass || fail "$contacts contacts but $indexed indexed"

run import --undo 1 --yes
expect_rc 0 "undo the killed batch"
run list --tsv
expect_out "$(printf '1\tAna Petrović\tana@example.org\t\t')" "only what was there before remains"
