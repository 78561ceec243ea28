#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith import --undo N refuses a batch it cannot take back (none numbered
# N, or undone already) before it asks or backs up: a clear message naming
# N, exit 1, and no automatic backup written for nothing.
. "$(dirname "$0")/lib.inc"

mkdir "$T/book"
export KITH_DB="$T/book/kith.db"
backups() { ls "$T/book/backups" 2>/dev/null | grep -c before-import-undo; }

"$KITH" add "Ana Petrović" --email ana@example.org >/dev/null
printf 'First Name,Last Name,E-mail 1 - Value\nBob,Smith,bob@example.org\n' \
	>"$T/one.csv"
"$KITH" import "$T/one.csv" >/dev/null 2>&1 || fail "the import"

# ---- no such batch ------------------------------------------------------
for yes in --yes ""; do
	run import --undo 7 $yes </dev/null
	expect_rc 1 "undo of a batch that does not exist ($yes)"
	expect_in "$err" "no import batch 7" "the refusal names the batch"
	expect_in "$err" "kith import --list" "and says where to look"
	expect_not_in "$err" "backed up" "nothing was backed up"
	[ "$(backups)" = 0 ] && pass || fail "a backup was written for batch 7"
done

# ---- undone already -----------------------------------------------------
run import --undo 1 --yes
expect_rc 0 "undo of import 1"
[ "$(backups)" = 1 ] && pass || fail "$(backups) backups after one undo"
run import --undo 1 --yes
expect_rc 1 "a second undo of import 1"
expect_in "$err" "import batch 1 was undone already" "it says so"
expect_not_in "$err" "backed up" "nothing was backed up the second time"
[ "$(backups)" = 1 ] && pass || fail "$(backups) backups after a refused undo"
run list --tsv
expect_in "$out" "Ana Petrović" "the book is as it was"
expect_not_in "$out" "Bob Smith" "the import stays undone"
