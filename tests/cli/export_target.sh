#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Where an export lands (outfile.c).  kith export FILE and kith report -o
# FILE refuse the open book, its -wal file, and any other SQLite database,
# saying so and leaving them whole; through a symbolic link they replace
# the file it names and keep the link; a FIFO gets the bytes (it is not
# replaced by a plain file); a folder and a link to nothing are refused.
. "$(dirname "$0")/lib.inc"

export KITH_NOW="2026-11-20 12:00"
run add "Ana Petrović" --email ana@example.com
expect_rc 0 "a contact"

# count DB: the contacts of a book, or "gone".
count() { sqlite3 "$1" "SELECT count(*) FROM contact" 2>/dev/null || echo gone; }

for f in kith csv json vcard mutt-alias ics; do
	run export --format "$f" "$DB"
	expect_rc 1 "export --format $f over the book"
	expect_in "$err" "the book itself" "export --format $f names the book"
	[ "$(count "$DB")" = 1 ] && pass || fail "export --format $f: the book is $(count "$DB")"
done
run report onepager ana -o "$DB"
expect_rc 1 "report -o over the book"
expect_in "$err" "the book itself" "report -o names the book"
[ "$(count "$DB")" = 1 ] && pass || fail "report -o: the book is $(count "$DB")"

# The same file by another name: a hard link, a path with ./ in it.
ln "$DB" "$T/other-name.db"
run export "$T/other-name.db"
expect_rc 1 "export over a hard link to the book"
run export "$T/./kith.db"
expect_rc 1 "export over the book by another path"
[ "$(count "$DB")" = 1 ] && pass || fail "the book by another name: $(count "$DB")"

# The files SQLite keeps beside the book while another program has it
# open (the TUI, say): held open here by sqlite3 in a transaction.
{ echo "BEGIN; SELECT count(*) FROM contact;"; sleep 2; echo "COMMIT;"; } |
    sqlite3 "$DB" >/dev/null &
holder=$!
for ((i = 0; i < 50; i++)); do
	[ -e "$DB-wal" ] && [ -e "$DB-shm" ] && break
	sleep 0.1
done
for side in wal shm; do
	run export "$DB-$side"
	expect_rc 1 "export over the book's -$side"
	expect_in "$err" "the book itself" "the -$side is the book's"
done
wait "$holder"
[ "$(count "$DB")" = 1 ] && pass || fail "the book after the -wal and -shm: $(count "$DB")"

# Another book: refused, not replaced.
run --db "$T/second.db" add "Bo Lind"
run export "$T/second.db"
expect_rc 1 "export over another database"
expect_in "$err" "a SQLite database" "says what the file is"
[ "$(count "$T/second.db")" = 1 ] && pass || fail "the second book is $(count "$T/second.db")"

# A plain file is replaced, as before.
echo old >"$T/plain.csv"
run export "$T/plain.csv"
expect_rc 0 "export over a plain file"
expect_in "$(cat "$T/plain.csv")" "Ana Petrov" "the plain file is the export"

# Through a link: the file it names is replaced, the link kept.
echo old >"$T/target.csv"
ln -s target.csv "$T/link.csv"
run export "$T/link.csv"
expect_rc 0 "export through a link"
[ -L "$T/link.csv" ] && pass || fail "the link was replaced by a file"
expect_in "$(cat "$T/target.csv")" "Ana Petrov" "the file the link names has the export"
ls "$T" | grep -q 'tmp-' && fail "a temporary file left: $(ls "$T")" || pass

# A link to nothing, a folder.
ln -s nowhere.csv "$T/dangling.csv"
run export "$T/dangling.csv"
expect_rc 1 "export through a link to nothing"
expect_in "$err" "not there" "says the link leads nowhere"
mkdir "$T/folder"
run export "$T/folder"
expect_rc 1 "export over a folder"
expect_in "$err" "a folder" "says it is a folder"

# A FIFO gets the bytes and stays a FIFO.
mkfifo "$T/fifo"
timeout 10 cat "$T/fifo" >"$T/from-fifo" &
reader=$!
run export --format mutt-alias "$T/fifo"
expect_rc 0 "export into a FIFO"
wait "$reader"
[ -p "$T/fifo" ] && pass || fail "the FIFO was replaced by a plain file"
expect_in "$(cat "$T/from-fifo")" "alias" "the FIFO's reader got the aliases"

# report -o through a link, and over another database.
echo old >"$T/sheet-target.txt"
ln -s sheet-target.txt "$T/sheet.txt"
run report onepager ana -o "$T/sheet.txt"
expect_rc 0 "report -o through a link"
[ -L "$T/sheet.txt" ] && pass || fail "report -o replaced the link"
expect_in "$(cat "$T/sheet-target.txt")" "Ana Petrov" "report -o wrote the file the link names"
run report onepager ana -o "$T/second.db"
expect_rc 1 "report -o over another database"
[ "$(count "$T/second.db")" = 1 ] && pass || fail "report -o: the second book is $(count "$T/second.db")"
