#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith backup and kith restore (issue 15): a backup taken while an import
# writes holds exactly what was committed; restore checks the file, names
# what it replaces and asks; kith backs up by itself before import --undo,
# keeping the last N; every file kith writes is its owner's alone (checked
# with stat), and a database other users can write is refused.
. "$(dirname "$0")/lib.inc"

umask 000	# kith's modes must not depend on the umask
mode() { stat -c %a "$1"; }
count() { sqlite3 "$1" "SELECT count(*) FROM contact"; }

DB="$T/book/kith.db"
export KITH_DB="$DB"
"$KITH" add "Ana Petrović" --email ana@example.org >/dev/null
"$KITH" follow ana "call" --due today >/dev/null
"$KITH" log ana --kind call "lunch" >/dev/null
"$KITH" deal add "Ana retainer" --contact ana >/dev/null
[ "$(mode "$T/book")" = 700 ] && pass || fail "folder mode $(mode "$T/book")"
[ "$(mode "$DB")" = 600 ] && pass || fail "database mode $(mode "$DB")"

# ---- a backup while an import writes ---------------------------------------
# The import reads a FIFO kept open, so it is always half-way here.
mkfifo "$T/big.csv"
(awk 'BEGIN {
	print "First Name,Last Name,E-mail 1 - Value"
	for (i = 0; i < 20000; i++)
		printf "Given%d,Family%d,person%d@example.com\n", i, i, i
}'; exec sleep 60) > "$T/big.csv" &
wpid=$!
"$KITH" import "$T/big.csv" >/dev/null 2>&1 &
pid=$!
for i in $(seq 1 600); do
	n=$(count "$DB" 2>/dev/null || echo 0)
	[ "${n:-0}" -gt 5000 ] && break
	sleep 0.05
done
[ "${n:-0}" -gt 5000 ] && pass || fail "no chunk committed ($n contacts)"
# The WAL files of the running import are private too.
for f in "$DB-wal" "$DB-shm"; do
	[ -e "$f" ] && [ "$(mode "$f")" = 600 ] && pass ||
		fail "$f: mode $(mode "$f" 2>/dev/null)"
done
run backup "$T/during.db"
expect_rc 0 "backup while an import writes"
kill -0 "$pid" 2>/dev/null && pass || fail "the import was not running"
kill -9 "$pid"; wait "$pid" 2>/dev/null
kill "$wpid"; wait "$wpid" 2>/dev/null
[ "$(sqlite3 "$T/during.db" "PRAGMA integrity_check")" = ok ] && pass ||
	fail "the backup taken mid-import is damaged"
b=$(count "$T/during.db")
[ $(((b - 1) % 1000)) -eq 0 ] && [ "$b" -gt 1 ] && pass ||
	fail "the backup holds $b contacts: not 1 + whole chunks of 1000 (src/core/batch.c)"
[ "$(mode "$T/during.db")" = 600 ] && pass || fail "backup mode"
expect_in "$out" "to $T/during.db" "backup names the file"
# One file: no -wal beside it, the header says rollback journal.
[ -e "$T/during.db-wal" ] && fail "the backup left a -wal file" || pass
[ "$(od -An -tu1 -j18 -N1 "$T/during.db" | tr -d ' ')" = 1 ] && pass ||
	fail "the backup is still in WAL mode"
run import --undo 1 --yes
expect_rc 0 "undo the killed import"
expect_in "$err" "backed up to $T/book/backups/kith-" "undo says where the backup is"
auto=$(ls "$T/book/backups/"*-before-import-undo.db)
[ "$(count "$auto")" = "$b" ] || [ "$(count "$auto")" -ge "$b" ] && pass ||
	fail "the automatic backup does not hold the import"
[ "$(mode "$T/book/backups")" = 700 ] && pass || fail "backups folder mode"
[ "$(mode "$auto")" = 600 ] && pass || fail "automatic backup mode"

# ---- kith backup ----------------------------------------------------------
run backup "$T/during.db"
expect_rc 1 "a backup never replaces a file"
expect_in "$err" "exists" "the refusal says why"
[ "$(count "$T/during.db")" = "$b" ] && pass || fail "the file was replaced"
run backup
expect_rc 0 "backup without FILE"
expect_in "$out" "backed up 1 contact, 1 follow-up, 1 interaction, 1 deal to $T/book/backups/kith-" "backup names the counts and the file"
plain=$(ls "$T/book/backups/" | grep -v before)
[ -n "$plain" ] && pass || fail "no backup in backups/"

# ---- kith restore ---------------------------------------------------------
"$KITH" add "Bob Smith" >/dev/null
"$KITH" add "Chen Wei" >/dev/null
printf 'Name\nAna\n' >"$T/not.db"
run restore "$T/not.db" --yes
expect_rc 1 "restore of a CSV"
expect_in "$err" "not a kith database" "restore says what the file is not"
sqlite3 "$T/foreign.db" "CREATE TABLE t (x)"
run restore "$T/foreign.db" --yes
expect_rc 1 "restore of another program's SQLite file"
expect_in "$err" "another program" "the foreign file is named so"
run restore "$T/missing.db" --yes
expect_rc 1 "restore of a missing file"
[ "$(count "$DB")" = 3 ] && pass || fail "a refused restore changed the book"

run restore "$T/book/backups/$plain" </dev/null
expect_rc 1 "restore without a terminal and without --yes"
expect_in "$err" "give --yes" "it says how to go ahead"
expect_in "$err" "now:  3 contacts, 1 follow-up, 1 interaction, 1 deal" "restore names what it replaces"
expect_in "$err" "it holds: 1 contact, 1 follow-up, 1 interaction, 1 deal" "restore names what replaces it"
[ "$(count "$DB")" = 3 ] && pass || fail "an unconfirmed restore changed the book"
run restore "$T/book/backups/$plain" --yes
expect_rc 0 "restore --yes"
run list --tsv
expect_out "$(printf '1\tAna Petrović\tana@example.org\t\t')" "the book is the backup's"
saved=$(ls "$T/book/backups/"*-before-restore.db)
[ "$(count "$saved")" = 3 ] && pass || fail "the book before the restore was not kept"
[ "$(sqlite3 "$DB" "PRAGMA integrity_check")" = ok ] && pass || fail "integrity after restore"
run add "Dan Brown"
expect_rc 0 "the restored book takes writes"

# ---- retention ------------------------------------------------------------
# With the clock pinned every backup has the same second: the sequence
# number still orders them (the date is later than any backup above).
export KITH_BACKUP_KEEP=2 KITH_NOW=2099-03-01
for i in 1 2 3 4; do
	"$KITH" import "$T/not.db" >/dev/null 2>&1 || fail "import $i: $("$KITH" import --list)"
	batch=$(sqlite3 "$DB" "SELECT max(id) FROM import_batch")
	"$KITH" add "Keep $i" >/dev/null
	"$KITH" import --undo "$batch" --yes >/dev/null 2>&1 ||
		fail "undo of import $batch: $("$KITH" import --undo "$batch" --yes 2>&1)"
done
left=$(ls "$T/book/backups/" | grep -c before-import-undo)
[ "$left" = 2 ] && pass || fail "$left automatic import-undo backups left, expected 2"
# The two left are the newest: both taken after "Keep 3" was added.
for f in "$T/book/backups/"*before-import-undo.db; do
	sqlite3 "$f" "SELECT display FROM contact" | grep -q "Keep 3" && pass ||
		fail "an older backup was kept: $f"
done
[ -e "$T/book/backups/$plain" ] && pass || fail "a backup the user asked for was deleted"
unset KITH_BACKUP_KEEP KITH_NOW

# ---- other users -----------------------------------------------------------
cp "$KITH_SRC/tests/fixtures/csv/malformed/invalid-utf8.csv" "$T/rej.csv"
"$KITH" import "$T/rej.csv" --rejects "$T/rejects.csv" >/dev/null 2>&1
if [ -e "$T/rejects.csv" ]; then
	[ "$(mode "$T/rejects.csv")" = 600 ] && pass ||
		fail "rejects file mode $(mode "$T/rejects.csv")"
else
	fail "no rejects file was written"
fi
chmod 664 "$DB"
run list
expect_rc 1 "a database the group can write is refused"
expect_in "$err" "other users can write" "the refusal says why"
expect_in "$err" "chmod 600 $DB" "the refusal says how to fix it"
chmod 606 "$DB"
run due
expect_rc 1 "a database anyone can write is refused"
chmod 600 "$DB"
run list
expect_rc 0 "after chmod 600 it opens"
