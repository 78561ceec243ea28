#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Several kith processes on one database at once, as on a working day
# (issue 15): the full-screen interface is open while a large import runs,
# two other processes add contacts and follow-ups, and cron-style readers
# ask what is due.  No process may fail with "database is locked" (each
# waits its turn), nothing is lost (every row is counted), and the open
# interface shows the new data on its own.
. "$(dirname "$0")/lib.inc"

ROWS=${KITH_CONCURRENT_ROWS:-50000}
WRITES=25

"$KITH" --db "$DB" add "Ana Petrović" --email ana@example.org >/dev/null
awk -v n="$ROWS" 'BEGIN {
	print "First Name,Last Name,E-mail Address,Company"
	for (i = 1; i <= n; i++)
		printf "Given%d,Family%d,person%d@bulk.example,Firm %d\n", \
		    i, i, i, i % 500
}' >"$T/bulk.csv"

start
expect "1 contact" "the interface is open on one contact"

# writer NAME: adds WRITES contacts, each with a follow-up due today.
writer() {
	local i rc=0
	for i in $(seq 1 "$WRITES"); do
		"$KITH" --db "$DB" add "$1 $i" --email "$1.$i@writer.example" \
		    >/dev/null 2>>"$T/$1.err" || rc=1
		[ "$i" -eq 1 ] && date +%s%N >"$T/$1.first"
		"$KITH" --db "$DB" follow "$1.$i@writer.example" "call $1 $i" \
		    --due today >/dev/null 2>>"$T/$1.err" || rc=1
	done
	return $rc
}

# reader: asks what is due and searches, as cron and a second terminal do.
reader() {
	local i rc=0
	for i in $(seq 1 "$WRITES"); do
		"$KITH" --db "$DB" due --days 7 --tsv >/dev/null \
		    2>>"$T/reader.err" || rc=1
		"$KITH" --db "$DB" list writer >/dev/null 2>>"$T/reader.err" ||
			rc=1
	done
	return $rc
}

"$KITH" --db "$DB" import "$T/bulk.csv" >"$T/import.out" 2>"$T/import.err" &
imp=$!
writer alpha & wa=$!
writer beta & wb=$!
reader & rd=$!

wait $imp; rc_imp=$?
date +%s%N >"$T/import.end"
wait $wa; rc_a=$?
wait $wb; rc_b=$?
wait $rd; rc_r=$?

[ "$rc_imp" -eq 0 ] && pass || fail "the import failed: $(cat "$T/import.err")"
[ "$rc_a" -eq 0 ] && pass || fail "writer alpha failed: $(cat "$T/alpha.err")"
[ "$rc_b" -eq 0 ] && pass || fail "writer beta failed: $(cat "$T/beta.err")"
[ "$rc_r" -eq 0 ] && pass || fail "the reader failed: $(cat "$T/reader.err")"
# The writers did not wait for the import to end: they took turns with it
# (between its chunks).
first=$(sort -n "$T/alpha.first" "$T/beta.first" | head -1)
[ "$first" -lt "$(cat "$T/import.end")" ] && pass ||
	fail "the writers only wrote after the import ended: no concurrency tested"
errs=$(cat "$T"/*.err)
expect_not_in "$errs" "locked" "no process saw a locked database"
expect_not_in "$errs" "busy" "no process gave up waiting"

# Nothing lost: every contact and follow-up is there.
want=$((1 + ROWS + 2 * WRITES))
got=$("$KITH" --db "$DB" list --tsv 2>/dev/null | wc -l)
[ "$got" -eq "$want" ] && pass ||
	fail "contacts: $got, expected $want (1 + $ROWS imported + $((2 * WRITES)) added)"
due=$("$KITH" --db "$DB" due --tsv | wc -l)
[ "$due" -eq $((2 * WRITES)) ] && pass ||
	fail "follow-ups due today: $due, expected $((2 * WRITES))"
integrity=$(sqlite3 "$DB" "PRAGMA integrity_check")
[ "$integrity" = ok ] && pass || fail "integrity_check: $integrity"

# The open interface caught up by itself.
grouped=$(echo "$want" | sed ':a;s/\B[0-9]\{3\}\>/,&/;ta')
expect " $grouped contacts" "the interface counts every contact"
expect "0 overdue  $((2 * WRITES)) today" "the alert pane counts the new follow-ups"
