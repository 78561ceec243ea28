#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Nothing destroyed by surprise: kith rm and import --undo name what they
# destroy and ask (or need --yes), and kith undo takes back the last
# change, whatever command made it.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-11-25 09:00"

run add "Ana Petrović" --email ana@example.org --phone "+44 20 7946 0001" \
    --tag client
run add "Bob Smith" --email bob@example.org
run add "Carol Smith"
run follow 1 "call re: renewal" --due 2026-11-27
run log 1 --kind call "lunch, wants a fixed fee"
run link 1 2 --as spouse
before=$("$KITH" show 1)

# ---- rm without a terminal and without --yes deletes nothing ----------
run rm 1 </dev/null
expect_rc 1 "rm without a terminal refuses"
expect_in "$err" "--yes" "the refusal says to give --yes"
expect_in "$err" "Ana Petrović" "it names the contact it would delete"
run list --tsv
expect_in "$out" "Ana Petrović" "nothing was deleted"

# ---- never more than one contact without --all-matching ---------------
run rm smith --yes
expect_rc 1 "an ambiguous rm fails"
expect_in "$err" "Bob Smith" "it lists the candidates"
run list --tsv
expect_in "$out" "Carol Smith" "and deletes nothing"

# ---- the prompt, on a terminal ----------------------------------------
out=$(printf 'n\n' | script -qec "\"$KITH\" rm 3" /dev/null 2>&1)
expect_in "$out" "Delete it? [y/N]" "rm asks on a terminal"
expect_in "$out" "not confirmed; nothing was changed" "no keeps it"
run list --tsv
expect_in "$out" "Carol Smith" "a no deletes nothing"
out=$(printf 'y\n' | script -qec "\"$KITH\" rm 3" /dev/null 2>&1)
expect_in "$out" "deleted 3 Carol Smith" "a yes deletes"
run undo
expect_rc 0 "undo the prompted rm"

# ---- rm --yes, then undo brings everything back ------------------------
run rm 1 --yes
expect_rc 0 "rm --yes deletes"
expect_out "deleted 1 Ana Petrović" "rm says what it deleted"
run show 1
expect_rc 1 "the contact is gone"
run undo
expect_rc 0 "undo"
expect_in "$out" "undid" "undo says what it took back"
expect_in "$out" "rm: deleted Ana Petrović (#1)" "undo names the change"
run show 1
expect_out "$before" "the contact is back with e-mail, phone, tags, follow-up, relationship and interaction"
run list 'petrovic' --tsv
expect_in "$out" "Ana Petrović" "and found by search again"
run due --days 7 --tsv
expect_in "$out" "call re: renewal" "the follow-up is due again"

# ---- undo --list --------------------------------------------------------
run undo --list
expect_rc 0 "undo --list"
expect_in "$out" "rm            deleted Ana Petrović (#1)  [undone by" "the rm is listed as undone"
expect_in "$out" "undo          undid" "the undo is listed"
expect_in "$out" "link          linked Ana Petrović (#1) and Bob Smith (#2) as spouse" "link is labelled"
expect_in "$out" "follow        follow-up 1 for Ana Petrović (#1): call re: renewal, due 2026-11-27" "follow is labelled"
expect_in "$out" "log           logged call with Ana Petrović (#1)" "log is labelled"
expect_in "$out" "add           added Ana Petrović" "add is labelled"
expect_in "$out" "2026-11-25 09:00" "with the time"

# ---- an edit, then undo ----------------------------------------------------
run edit 1 --title Partner --note "prefers mornings"
run show 1
expect_in "$out" "Partner" "edited"
run undo
expect_in "$out" "edit: edited Ana Petrović (#1)" "undo names the edit"
run show 1
expect_out "$before" "the edit is taken back"

# ---- done, snooze, then undo ------------------------------------------------
run done 1
run due --days 7 --tsv
expect_not_in "$out" "call re: renewal" "done"
run undo
expect_in "$out" "done: done follow-up #1" "undo names the done"
run due --days 7 --tsv
expect_in "$out" "call re: renewal" "pending again after undo"
run snooze 1 2026-12-10
run undo
expect_in "$out" "snooze: snoozed follow-up #1 to 2026-12-10" "undo names the snooze"
run due --days 7 --tsv
expect_in "$out" "2026-11-27" "the old due date is back"

# ---- unlink, then undo ---------------------------------------------------------
run unlink 1
run undo
expect_in "$out" "unlink: removed relationship #1" "undo names the unlink"
run show 1
expect_in "$out" "spouse Bob Smith" "the relationship is back"

# ---- a change made since is named, and the undo refused ---------------
run edit 2 --title Counsel
sqlite3 "$DB" "UPDATE contact SET title = 'Judge' WHERE id = 2"
run undo
expect_rc 1 "undo refuses when the row changed since"
expect_in "$err" "contact #2 (Bob Smith) was changed since" "it names what changed"
expect_in "$err" "nothing was undone" "and says nothing was undone"
run show 2
expect_in "$out" "Judge" "the later change is kept"

# ---- --all-matching lists every match and asks once ---------------------
run add "Dan Smith"
run rm smith --all-matching </dev/null
expect_rc 1 "--all-matching still needs a yes"
expect_in "$err" "Dan Smith" "it lists every match"
expect_in "$err" "Carol Smith" "every one"
run rm smith --all-matching --yes
expect_rc 0 "--all-matching --yes"
expect_in "$out" "deleted 4 Dan Smith" "deletes each match"
run list --tsv
expect_not_in "$out" "Dan Smith" "gone"
run undo
expect_in "$out" "deleted 3 contacts" "the whole rm is one change"
run list --tsv
expect_in "$out" "Dan Smith" "and comes back as one"

# ---- import --undo asks too; kith undo takes back an import ------------
printf 'Name,E-mail Address\nErin Example,erin@example.org\n' >"$T/a.csv"
run import "$T/a.csv"
run import --undo 1 </dev/null
expect_rc 1 "import --undo without a terminal refuses"
expect_in "$err" "a.csv" "it names the file"
expect_in "$err" "deletes the 1 contact it added and restores the 0 it merged into" "and the counts"
expect_in "$err" "--yes" "and says to give --yes"
run list --tsv
expect_in "$out" "Erin Example" "nothing was undone"
# kith undo of an import deletes what it added: it asks as import --undo
# does (it took the import back at once, unasked and without a backup).
run undo </dev/null
expect_rc 1 "undo of an import without a terminal refuses"
expect_in "$err" "kith undo takes back the import 1 of $T/a.csv" "undo names the import's file"
expect_in "$err" "undo: not asked" "the refusal names kith undo, the command given"
expect_in "$err" "deletes the 1 contact it added" "and what it deletes"
run list --tsv
expect_in "$out" "Erin Example" "nothing was undone unasked"
run undo --yes
expect_rc 0 "undo an import with --yes"
expect_in "$out" "import: imported" "named as the import"
expect_in "$err" "backed up to" "a backup first, as import --undo takes"
run list --tsv
expect_not_in "$out" "Erin Example" "the import is taken back"
run import "$T/a.csv"
run import --undo 2 --yes
expect_rc 0 "import --undo --yes"
run undo --list
expect_in "$out" "import --undo took back import 2" "import --undo is journaled"

run undo --help
expect_in "$out" "usage: kith [--db PATH] undo" "undo --help"
run rm --help
expect_in "$out" "--all-matching" "rm --help names --all-matching"

# ---- an edit that changes nothing is no change to undo ----------------
# (it rewrote the contact's time stamp and took the undo slot, so kith
# undo then undid nothing and the real change stayed; --email and --phone
# already on the contact added them a second time)
run add "Dora Noop" --email dora@example.org --phone "+44 20 7946 0009" \
    --tag vip
export KITH_NOW="2026-11-25 10:00"
run edit dora --org "Acme"
export KITH_NOW="2026-11-25 10:05"
run undo --list
n_before=$(echo "$out" | wc -l)
for opt in "--tag=vip" "--tag=VIP" "--rm-tag=nosuch" "--rm-phone=123" \
    "--email=DORA@example.org" "--phone=+442079460009" "--org=Acme" ""; do
	run edit dora ${opt:+"$opt"}
	expect_rc 0 "no-op edit $opt"
	expect_out "nothing to change for 5 Dora Noop" "no-op edit $opt says so"
	run undo --list
	expect_in "$(echo "$out" | head -1)" "edited Dora Noop" \
	    "no-op edit $opt: the last action is the real edit"
	[ "$(echo "$out" | wc -l)" -eq "$n_before" ] && pass ||
	    fail "no-op edit $opt: journaled an action: $(echo "$out" | head -1)"
done
run show dora
[ "$(echo "$out" | grep -c "dora@example.org")" -eq 1 ] && pass ||
    fail "--email already there added it again: $out"
[ "$(echo "$out" | grep -c "7946 0009")" -eq 1 ] && pass ||
    fail "--phone already there added it again: $out"
run undo
expect_in "$out" "edited Dora Noop" "undo takes back the real edit"
run show dora
expect_not_in "$out" "Acme" "the organisation is gone again"
