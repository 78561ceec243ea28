#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writers take turns (issue 15): while an import commits chunk after
# chunk, several kith add started at once each get a turn between two
# chunks, rather than polling for SQLite's lock, missing the short gaps
# and giving up busy.  The import never runs out of rows while the adds
# wait (its file is a pipe fed until every add has ended, or a minute
# has passed), so an add that succeeds did so while the import ran.
# Every add must succeed, say nothing of a locked or busy database, and
# finish well inside the bound; every contact is there afterwards,
# counted.  Both import paths (KITH_IMPORT_BULK=0 and 1); and the lock
# file beside the database is private (0600).
. "$(dirname "$0")/lib.inc"

ADDS=${KITH_WRITERS:-6}
BOUND=40		# seconds an add may take (a chunk each ahead of it)
CAP=60			# seconds the import is fed at most

mode() { stat -c %a "$1"; }

for bulk in 0 1; do
	rm -f "$DB" "$DB-wal" "$DB-shm" "$DB-lock" "$T"/add.* "$T/stop"
	"$KITH" add "Ana Petrović" --email ana@example.org >/dev/null
	rm -f "$T/rows.csv" && mkfifo "$T/rows.csv"
	# Rows until told to stop, whole lines only; says how many at the end.
	awk -v stop="$T/stop" -v count="$T/produced" 'BEGIN {
		print "First Name,Last Name,E-mail 1 - Value,Organization Name"
		for (i = 0; ; i++) {
			if (i % 500 == 0 && (getline x < stop) >= 0) {
				close(stop)
				break
			}
			close(stop)
			printf "Given%d,Family%d,p%d@rows.example,Firm %d\n",
			    i, i, i, i % 300
		}
		print i > count
	}' >"$T/rows.csv" &
	gen=$!
	KITH_IMPORT_BULK=$bulk "$KITH" import "$T/rows.csv" >"$T/import.out" \
	    2>"$T/import.err" &
	imp=$!
	# Once the first chunk is in, the adds start, all at once.
	for i in $(seq 1 600); do
		n=$(sqlite3 "$DB" "SELECT count(*) FROM contact" 2>/dev/null)
		[ "${n:-0}" -gt 1 ] && break
		sleep 0.05
	done
	[ "${n:-0}" -gt 1 ] && pass || fail "bulk=$bulk: the import wrote nothing in 30 s"
	pids=""
	for i in $(seq 1 "$ADDS"); do
		(
			s=$(date +%s%N)
			"$KITH" add "Writer$i Turn" --email "w$i@turn.example" \
			    >/dev/null 2>"$T/add.$i.err"
			echo "$? $(( ($(date +%s%N) - s) / 1000000 ))" >"$T/add.$i"
		) &
		pids="$pids $!"
	done
	# Feed the import until every add has ended (or CAP s).
	for i in $(seq 1 $((CAP * 20))); do
		left=0
		for p in $pids; do
			kill -0 "$p" 2>/dev/null && left=$((left + 1))
		done
		[ "$left" -eq 0 ] && break
		sleep 0.05
	done
	kill -0 "$imp" 2>/dev/null && pass ||
		fail "bulk=$bulk: the import ended before the adds did: nothing was tested"
	touch "$T/stop"
	wait $pids
	wait "$gen"
	wait "$imp"
	rc=$?
	[ "$rc" -eq 0 ] && pass || fail "bulk=$bulk: the import failed ($rc): $(cat "$T/import.err")"

	echo "bulk=$bulk: the adds took $(cut -d' ' -f2 "$T"/add.? | sort -n | tr '\n' ' ')ms; $(cat "$T/produced") rows imported meanwhile"
	for i in $(seq 1 "$ADDS"); do
		read -r arc ms <"$T/add.$i" 2>/dev/null || { arc=none; ms=0; }
		[ "$arc" = 0 ] && pass ||
			fail "bulk=$bulk: add $i exited $arc after $ms ms: $(cat "$T/add.$i.err")"
		[ "$ms" -lt $((BOUND * 1000)) ] && pass ||
			fail "bulk=$bulk: add $i took $ms ms (bound $BOUND s)"
		errs=$(cat "$T/add.$i.err")
		expect_not_in "$errs" "locked" "bulk=$bulk: add $i saw a locked database"
		expect_not_in "$errs" "busy" "bulk=$bulk: add $i gave up waiting"
	done

	# Nothing lost: the contact from before, every row, every add.
	produced=$(cat "$T/produced")
	want=$((1 + produced + ADDS))
	got=$(sqlite3 "$DB" "SELECT count(*) FROM contact")
	[ "$got" -eq "$want" ] && pass ||
		fail "bulk=$bulk: $got contacts, expected $want (1 + $produced rows + $ADDS adds)"
	got=$(sqlite3 "$DB" "SELECT count(*) FROM contact WHERE display LIKE 'Writer% Turn'")
	[ "$got" -eq "$ADDS" ] && pass || fail "bulk=$bulk: $got of $ADDS adds stored"
	[ "$(mode "$DB-lock")" = 600 ] && pass || fail "bulk=$bulk: the lock file is mode $(mode "$DB-lock")"
	[ "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok ] && pass ||
		fail "bulk=$bulk: integrity_check"
done
