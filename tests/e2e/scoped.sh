#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every key acts where the user is looking (issue 10): alert keys work in
# the alert pane only, d on a contact offers that contact's follow-ups,
# every change names what it did and u undoes it, again and again; Esc
# after a search goes back to the contact selected before it; dialogs name
# their contact; a question's default is No; the key bar keeps help and
# quit at 80x24.
. "$(dirname "$0")/lib.inc"

due() { "$KITH" --db "$DB" due --tsv; }

demo_db
start
expect "20d late  Olivia Grant" "the demo's most overdue alert"
before=$(due)

# Focus on the list: d does not touch the alerts; it offers the selected
# contact's own follow-ups (Alex Rivera has one due today), and Esc
# cancels.
expect "│ Alex Rivera" "the list starts with Alex Rivera"
keys d
expect "Done: which follow-up of Alex Rivera?" "d on a contact offers its follow-ups"
expect "send term sheet comments" "the picker lists them"
keys Escape
expect_gone "Done: which follow-up of Alex Rivera?" "Esc closes the picker"
after=$(due)
if [ "$before" = "$after" ]; then pass; else
	fail "d with the focus on the list changed the follow-ups:
$after"; fi

# A contact with no open follow-up: d does nothing, and says so.
keys j
expect "│ Amelia Shaw" "the next contact"
keys d
expect "Amelia Shaw has no open follow-ups" "d on a contact with none says so"
after=$(due)
if [ "$before" = "$after" ]; then pass; else
	fail "d on a contact without follow-ups changed them"; fi

# Esc closes a search and goes back to the contact selected before it.
keys /
type_text "petrović"
expect "matches" "search for Petrović"
keys Enter
keys j
expect "/ petrović" "the search stays after Enter"
keys Escape
expect "│ Amelia Shaw" "Esc restores the selection from before the search"
expect "/ search" "and closes the search"

# Tab, Tab reaches the alerts; the contact pane follows the alert.
keys Tab Tab
expect "│ Olivia Grant" "the contact pane shows the highlighted alert's contact"
keys d
expect "Done: send fixed-fee proposal — Olivia Grant. u to undo" "done names the follow-up and the contact"
after=$(due)
expect_not_in "$after" "send fixed-fee proposal" "the highlighted alert is done"
expect_in "$after" "confirm dates for the Shanghai visit" "the next alert is untouched"
# Ranked next: Robert Lin's overdue cadence.  d acts only on a follow-up:
# on the cadence it says so and does nothing.
expect "│ Robert Lin" "the cadence ranked second is highlighted"
keys d
expect "d acts only on follow-ups; this line is a cadence (Robert Lin)" \
    "d on a cadence says it acts on follow-ups"
if [ "$(due)" = "$after" ]; then pass; else fail "d on a cadence changed a follow-up"; fi
keys j
expect "│ 王小明" "the follow-up below the cadence highlighted"
keys d
expect "Done: confirm dates for the Shanghai visit — 王小明. u to undo" "a second done"
keys u
expect "Undone: done: confirm dates for the Shanghai visit — 王小明" "u undoes the last"
after=$(due)
expect_in "$after" "confirm dates for the Shanghai visit" "the second follow-up is open again"
expect_not_in "$after" "send fixed-fee proposal" "the first is still done"
keys u
expect "Undone: done: send fixed-fee proposal — Olivia Grant" "u again undoes the one before"
after=$(due)
if [ "$before" = "$after" ]; then pass; else
	fail "two undos did not bring back both follow-ups:
$after"; fi

# x drops the highlighted alert after asking; the default answer is No.
# The highlight stayed on the alert it was on (Jürgen Brenner's): g goes
# back to the first.
keys g
expect "│ Olivia Grant" "g in the alert pane goes to the first alert"
keys x
expect "Drop the follow-up \"send fixed-fee proposal\" of Olivia Grant? (y/N)" "drop asks, naming it"
keys Enter
expect "cancelled" "Enter answers No"
after=$(due)
expect_in "$after" "send fixed-fee proposal" "nothing dropped on No"
keys x
expect "(y/N)" "drop asks again"
keys y
expect "Dropped: send fixed-fee proposal — Olivia Grant. u to undo" "y drops it"
after=$(due)
expect_not_in "$after" "send fixed-fee proposal" "dropped"
keys u
expect "Undone: dropped: send fixed-fee proposal" "u brings it back"
after=$(due)
expect_in "$after" "send fixed-fee proposal" "back after undo"

# Dialogs name their contact: the follow-up form from the alert pane is
# for the alert's contact.
keys g
expect "│ Olivia Grant" "back on the first alert"
keys f
expect "Follow-up for Olivia Grant" "the follow-up dialog names the contact"
# (An Esc and a key sent together read as Alt+key: wait for the Esc.)
keys Escape
expect_gone "Follow-up for Olivia Grant" "Esc closes the form"
keys l
expect "Log an interaction with Olivia Grant" "the log dialog names the contact"
keys Escape
expect_gone "Log an interaction with Olivia Grant" "Esc closes the log form"

# Shift-Tab from the alert pane into the contact pane keeps the alert's
# contact there, even when another kith changes the book meanwhile.
keys g
expect "x drop" "the key bar of the alert pane"
keys BTab
expect_gone "x drop" "the focus left the alert pane"
"$KITH" --db "$DB" log "Olivia Grant" --kind call "spoke about the proposal" >/dev/null
expect "spoke about the proposal" "the change from another kith shows"
expect "│ Olivia Grant" "the contact pane still shows the alert's contact"
keys Tab
expect "x drop" "back in the alert pane"

# Help lists the keys of the alert pane, from its table.
keys '?'
expect "Alert pane" "help has the focused pane's keys"
expect "mark the highlighted follow-up done" "and says what d does there"
keys q
expect_gone "Alert pane" "help closes"

# A delete asks, and Enter (the default) keeps the contact.
keys Tab
expect "│ Amelia Shaw" "the list's contact again, out of the alert pane"
keys D
expect "Delete Amelia Shaw" "delete names the contact"
keys Enter
expect "cancelled" "Enter is No"
out=$("$KITH" --db "$DB" list amelia --tsv)
expect_in "$out" "Amelia Shaw" "nothing deleted"
keys q
expect "KITH-EXIT=0" "quit"

# At 80x24 the key bar still shows help and quit.
E2E_COLS=80 E2E_ROWS=24
start
expect "Alex Rivera" "started at 80x24"
s=$(screen | tail -n 1)
expect_in "$s" "? help" "the key bar shows help at 80x24"
expect_in "$s" "q quit" "the key bar shows quit at 80x24"
keys Tab Tab
expect "d done" "the alert pane's key bar offers done"
s=$(screen | tail -n 1)
expect_in "$s" "x drop" "and drop"
expect_in "$s" "q quit" "and still quit"
keys q
expect "KITH-EXIT=0" "quit"

# u on an import asks first, naming it; the default answer is No.
rm -f "$DB"
printf 'Name,E-mail\nPetar Jovanovic,petar@example.rs\n' >"$T/u.csv"
"$KITH" --db "$DB" import "$T/u.csv" >/dev/null 2>&1
E2E_COLS=80 E2E_ROWS=24
start
expect "Petar Jovanovic" "the imported contact"
keys u
# The question names the import (its file); at 80 columns it wraps (where,
# depends on the length of the test's folder) rather than being cut.
expect "Undo the import \"imported" "u on an import asks"
expect "u.csv" "the question names the imported file"
expect "(y/N)" "the end of the question shows"
keys Enter
expect "cancelled" "Enter is No"
out=$("$KITH" --db "$DB" list --tsv)
expect_in "$out" "Petar Jovanovic" "nothing undone on No"
keys u
expect "Undo the import" "u asks again"
keys y
expect "Undone: imported" "y undoes the import"
out=$("$KITH" --db "$DB" list --tsv)
expect_not_in "$out" "Petar Jovanovic" "the imported contact is gone"
keys q
expect "KITH-EXIT=0" "quit"
