#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What changes while kith is open: another kith process adds and removes
# contacts and follow-ups (the counts and the alert pane follow at once,
# without a key), and midnight passes (today's follow-up turns overdue,
# tomorrow's becomes today's).  KITH_NOW pins the moment kith starts at;
# the full-screen interface lets the clock run on from there.
. "$(dirname "$0")/lib.inc"

k() { "$KITH" --db "$DB" "$@" >/dev/null; }

k add "Ana Petrović" --email ana@example.org
k add "Bob Smith" --org "Acme Corp"
k follow ana "call re: renewal" --due 2026-03-10
k follow bob "send the engagement letter" --due 2026-03-11

# ---- another process changes the database ----------------------------
start
expect "2 contacts" "opens on two contacts"
expect "0 overdue  1 today" "one follow-up due today"
expect "today     Ana Petrović" "today's alert listed"

k follow bob "book the lunch" --due today
expect "0 overdue  2 today" "a follow-up added elsewhere shows at once"
expect "today     Bob Smith" "and is listed in the alert pane"
s=$(screen)
expect_in "$s" "book the lunch" "alert pane shows the new action"

k follow ana "chase the invoice" --due yesterday
expect "! 1 overdue  2 today" "an overdue follow-up added elsewhere"
expect "1d late   Ana Petrović" "overdue alert first"
expect "! Ana Petrović" "list marks Ana overdue"

k add "Chen Wei" --org "Acme Asia"
expect "3 contacts" "a contact added elsewhere is counted"
expect "Chen Wei" "and listed"

expect "chase the invoice" "the overdue follow-up is in the alert pane"
id=$("$KITH" --db "$DB" due --tsv | awk -F'\t' '/chase the invoice/ {print $1}')
k "done" "$id"
expect "0 overdue  2 today" "a follow-up done elsewhere leaves the count"
expect_gone "chase the invoice" "and the alert pane"

k rm "chen wei" --yes
expect "2 contacts" "a contact deleted elsewhere is no longer counted"
expect_gone "Chen Wei" "nor listed"

keys q
expect "KITH-EXIT=0" "quit"

# ---- midnight passes while kith is open ------------------------------
k "done" "$("$KITH" --db "$DB" due --tsv | awk -F'\t' '/book the lunch/ {print $1}')"
start "KITH_NOW='2026-03-10 23:59:55'"
expect "0 overdue  1 today" "just before midnight: one due today"
s=$(screen)
expect_in "$s" "today     Ana Petrović" "Ana's call is today's"
expect_in "$s" "tomorrow  Bob Smith" "Bob's letter is not due yet: it is tomorrow's"
expect_not_in "$s" "! Ana" "nothing marked overdue yet"
# No key is pressed: kith notices the new day by itself.
expect "! 1 overdue  1 today" "after midnight: today's turned overdue"
expect "1d late   Ana Petrović" "Ana's call is a day late"
expect "today     Bob Smith" "Bob's letter is due today"
expect "! Ana Petrović" "the list marks Ana overdue"
# The new date is the one kith works with: a follow-up "tomorrow" now
# falls on the 12th.
keys f
expect "Follow-up for" "follow-up form"
type_text "after midnight"
keys Enter
expect "Follow-up due Thu 12 Mar 2026" "tomorrow is counted from the new day"
keys q
expect "KITH-EXIT=0" "quit after midnight"
