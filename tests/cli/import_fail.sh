#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A failed import leaves no orphaned rows (issue 9): when the file breaks
# after chunks were committed and taking them back fails too, the batch is
# kept, listed as interrupted with the counts of what is stored, the
# message says so, and kith import --undo takes it back later.
. "$(dirname "$0")/lib.inc"

"$KITH" add "Zed Keeper" >/dev/null 2>&1
awk 'BEGIN { print "Name,Email"
	for (i = 0; i < 5200; i++) printf "P%d,p%d@example.com\n", i, i
	print "Bad,\"never closed" }' > "$T/b.csv"

# Broken file, undo works: nothing kept, no batch.
run import "$T/b.csv"
expect_rc 1 "a broken file fails"
expect_in "$err" "nothing was imported" "taken back whole"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM contact")" = 1 ] && pass || fail "rows left after a failed import"
[ "$(sqlite3 "$DB" "SELECT count(*) FROM import_batch")" = 0 ] && pass || fail "batch left after a failed import"

# Broken file, and the undo fails (deleting contacts is blocked).
sqlite3 "$DB" "CREATE TRIGGER block BEFORE DELETE ON contact BEGIN SELECT RAISE(ABORT, 'blocked'); END;"
run import "$T/b.csv"
expect_rc 1 "a broken file fails"
expect_in "$err" "the first 5000 rows were committed (5000 contacts added, 0 merged) and could not be taken back" "the message says what is stored"
expect_in "$err" "kith import --undo" "the message says how to take it back"
expect_not_in "$err" "nothing was imported" "it does not claim nothing was imported"
orphans=$(sqlite3 "$DB" "SELECT count(*) FROM contact WHERE batch_id IS NOT NULL AND batch_id NOT IN (SELECT id FROM import_batch)")
[ "$orphans" = 0 ] && pass || fail "$orphans contacts of a batch that does not exist"
run import --list
expect_in "$out" " 5000 added" "the batch counts what is stored"
expect_in "$out" "interrupted" "the batch is listed as interrupted"
batch=$(sqlite3 "$DB" "SELECT id FROM import_batch")

sqlite3 "$DB" "DROP TRIGGER block"
run import --undo "$batch" --yes
expect_rc 0 "the kept batch can be undone"
run list --tsv
expect_out "$(printf '1\tZed Keeper\t\t\t')" "only what was there before remains"
