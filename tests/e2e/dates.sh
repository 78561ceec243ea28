#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The TUI forms read dates with the same parser as the command line: a
# birthday written "4 May 1970" or without the year, a follow-up due "next
# week", "24/12" or "fri 14:30" (kept with its time, shown in the alert
# pane), a log "yesterday 9am" (kept with its time) and one in the future
# refused.  KITH_NOW is Tuesday 2026-03-10 09:00.
. "$(dirname "$0")/lib.inc"

"$KITH" --db "$DB" add "Marko Petrović" >/dev/null

start
expect "1 contact" "opens"

# Birthday: the thirteenth field after the name.
keys e
expect "Edit contact" "e opens the form"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13; do keys Tab; done
type_text "4 May 1970"
keys Enter
expect "Saved Marko Petrović" "a birthday with a month name saves"
out=$("$KITH" --db "$DB" show marko)
expect_in "$out" "1970-05-04" "stored as ISO"
keys e
expect "Edit contact" "the form again"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13; do keys Tab; done
keys C-u
type_text "next week"
keys Enter
expect "birthday: 'next week' is not a date" "a relative birthday is refused"
keys C-u
type_text "24/12"
keys Enter
expect "Saved Marko Petrović" "a year-less birthday saves"
out=$("$KITH" --db "$DB" show marko)
expect_in "$out" "birthday   24 Dec" "kept without a year, shown as 24 Dec"

# Follow-ups.
keys f
expect "Follow-up for" "f opens the form"
type_text "send the draft"
keys Tab C-u
type_text "next week"
keys Enter
expect "Follow-up due Mon 16 Mar 2026" "next week is Monday"
keys f
expect "Follow-up for" "the form again"
type_text "card"
keys Tab C-u
type_text "24/12"
keys Enter
expect "Follow-up due Thu 24 Dec 2026" "day first"
# A time of day is kept and shown in the alert pane before the action.
keys f
expect "Follow-up for" "the form once more"
type_text "call the bank"
keys Tab C-u
type_text "fri 14:30"
expect "Fri 13 Mar 2026 14:30" "the preview shows the time"
keys Enter
expect "Follow-up due Fri 13 Mar 2026 14:30" "a due time is kept"
expect "14:30 call the bank" "the alert pane shows the time"
out=$("$KITH" --db "$DB" due --days 7 --tsv)
expect_in "$out" "$(printf 'call the bank\t14:30')" "stored with its time"

# Logs: a time is kept; the future is refused.
keys l
expect "Log an interaction" "l opens the log form"
keys Tab C-u
type_text "yesterday 9am"
keys Tab
type_text "call with the client"
keys Enter
expect "Logged call" "logged with a time"
out=$("$KITH" --db "$DB" show marko)
expect_in "$out" "2026-03-09 09:00 call    call with the client" "the time is kept"
keys l
expect "Log an interaction" "the log form again"
keys Tab C-u
type_text "tomorrow"
keys Tab
type_text "not yet"
keys Enter
expect "is in the future" "the future is refused"
keys Escape
out=$("$KITH" --db "$DB" show marko)
expect_not_in "$out" "not yet" "nothing logged"
