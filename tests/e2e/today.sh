#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The Today screen (issue 12) on the demo book: t opens the day's queue,
# ranked, with its counts in the header and overdue lines in red; w shows
# why an item ranks where it does, term by term with the numbers, and the
# same-organisation note; done on a cadence opens the log form and logging
# resets the cadence (kith cadence --list from outside); the selection
# moves on to the next item; a snooze with a reason takes an item out of
# the queue (and out of kith review), u brings it back; reschedule and
# drop decide too; Enter shows a contact on the main screen and a deal's
# sheet; leaving and coming back the same day resumes the review; a third
# snooze in a row of a cadence asks to loosen it; w in the alert pane
# explains a follow-up the same way.
. "$(dirname "$0")/lib.inc"

demo_db
kith() { "$KITH" --db "$DB" "$@"; }
# sel_why: the foot's one-line score of the selected item.
sel_why() { screen | grep -E '^ why ' | head -n 1; }
row() { screen | grep -F -- "$1" | head -n 1; }

start
expect "/ search" "the rolodex"
keys t
expect "kith  today  Tue 10 Mar 2026" "t opens the Today screen"
expect "15 owed today, 0 decided, 1 carried over" "the header counts"
expect "   1    94  follow-up  Olivia Grant — send fixed-fee proposal" \
    "the first item: rank, score, kind, name, what"
expect "20 days late" "how late it is"
expect "   2    87  cadence    Robert Lin — keep in touch every 21 days" \
    "the overdue cadence second"
expect "follow-up  王小明 — confirm dates for the Shanghai visit" "the third item"
expect "follow-up  Jürgen Brenner — send final arbitration cost estimate" \
    "the fifth item"
# Red for overdue, yellow for today, as the alert pane.
line=$(screen_e | grep -F "Shanghai visit" | head -n 1)
expect_in "$line" $'\e[31m' "an overdue item is red"
line=$(screen_e | grep -F "Alex Rivera" | head -n 1)
expect_in "$line" $'\e[33m' "an item due today is yellow"

# w: the terms with their numbers.
keys w
expect "Why #1: Olivia Grant" "w opens the explanation"
expect "tier           +30   overdue follow-up" "the tier term"
expect "lateness       +40   20 days late" "the lateness term"
expect "strength      +9.8   strength 49" "the strength term"
expect "deal         +13.9   open deal 60000" "the deal term"
expect "rounded: 94" "the sum"
keys q
expect_gone "Why #1: Olivia Grant" "q closes it"

# The second item: an overdue cadence with a colleague's recent call.
keys j
expect "why  overdue cadence +25 + 28 days late +40" "the foot explains the selected item"
expect "note William Hughes at Northbridge Bank was called 9 days ago" \
    "the same-organisation note under it"
keys w
expect "Same organisation: William Hughes at Northbridge Bank was called" \
    "w shows the note too"
keys q
expect_gone "Same organisation: William Hughes at Northbridge Bank was called" \
    "closed"

# d on the cadence: done, then the log form for Robert Lin.
keys d
expect "Log an interaction with Robert Lin" "done offers to log what happened"
keys Down
keys Down
type_text "caught up about the panel"
keys Enter
expect "Logged call — Robert Lin" "the call is logged"
expect "14 owed today, 1 decided, 1 carried over" "one decided"
expect_in "$(kith cadence --list | grep 'Robert Lin')" "last 2026-03-10" \
    "logging reset the cadence"
expect_in "$(kith cadence --list | grep 'Robert Lin')" "ok      2026-03-31" \
    "the cadence is due again in 21 days"
expect_gone "   2    87  cadence    Robert Lin — keep in touch every 21 days" \
    "the decided cadence left the queue"
# The selection moved on to the next item.
expect_in "$(sel_why)" "13 days late +26" "the next item is selected"

# s: snooze the third item walked, to tomorrow, with a reason.
keys s
expect "Snooze: 王小明 — confirm dates for the Shanghai visit" "s asks a day"
keys Enter
expect "Snooze 王小明 to Wed 11 Mar 2026" "then a reason"
type_text "in Shanghai until Friday"
keys Enter
expect "Snoozed to Wed 11 Mar 2026: 王小明" "the status line says so"
expect_gone "follow-up  王小明 — confirm dates for the Shanghai visit" \
    "the snoozed item left"
expect "13 owed today, 2 decided, 1 carried over" "two decided"
expect_not_in "$(kith review --tsv)" "confirm dates for the Shanghai visit" \
    "kith review leaves it out too"
# u brings it back.
keys u
expect "Undone: review: snooze 王小明" "u undoes the snooze"
expect "follow-up  王小明 — confirm dates for the Shanghai visit" \
    "the item is back"
expect "14 owed today, 1 decided, 1 carried over" "one decided again"
expect_in "$(kith review --tsv)" "confirm dates for the Shanghai visit" \
    "and back in kith review"

# r: reschedule; x: drop after a question.
keys r
expect "Reschedule: 王小明" "r asks a date"
type_text "+3d"
expect "Fri 13 Mar 2026" "the date as read"
keys Enter
expect "Rescheduled to Fri 13 Mar 2026: 王小明" "rescheduled"
expect_in "$(sel_why)" "stalled deal" "the next item, a deal, is selected"
keys Enter
expect "┌─ Brenner arbitration" "Enter on a deal opens its sheet"
keys q
expect_gone "┌─ Brenner arbitration" "the sheet closes"
# The Northbridge deal, stalled 50 calendar days, then Jürgen's.
keys j
expect_in "$(sel_why)" "stalled deal" "the Northbridge deal next"
keys j
expect_in "$(sel_why)" "8 days late" "Jürgen Brenner's follow-up"
keys x
expect "Drop the follow-up \"send final arbitration cost estimate\" of Jürgen Brenner? (y/N)" \
    "x asks first"
keys y
expect "Dropped: Jürgen Brenner" "dropped"
expect_gone "follow-up  Jürgen Brenner — send final arbitration cost estimate" \
    "it left the queue"

# Leave and come back: the review resumes (decided items stay gone).
keys q
expect "/ search" "q goes back to the rolodex"
expect_gone "kith  today  Tue 10 Mar 2026" "the Today screen is closed"
keys t
expect "kith  today  Tue 10 Mar 2026" "t opens it again"
expect "12 owed today, 3 decided, 1 carried over" "the same counts"
screen | grep -qF "keep in touch every 21 days" &&
    fail "a decided item came back" || pass
# Enter on a contact's item: the main screen shows the contact.
keys g
keys Enter
expect "/ search" "Enter goes to the main screen"
expect_gone "kith  today  Tue 10 Mar 2026" "the Today screen closed"
expect "Olivia Grant" "showing the item's contact"
# w in the alert pane: the same explanation for a follow-up.
keys Tab
keys Tab
keys w
expect "Why #1 of this week's alerts: Olivia Grant" "w in the alert pane"
expect "lateness       +40   20 days late" "with the numbers"
keys q
expect_gone "Why #1 of this week's alerts: Olivia Grant" "closed"
keys q

# A third snooze in a row of a cadence asks to loosen it.
rm -f "$DB"
demo_db
KITH_NOW="2026-03-08 09:00" kith review decide cadence:17 snooze 2026-03-09 \
    >/dev/null || fail "first snooze"
KITH_NOW="2026-03-09 09:00" kith review decide cadence:17 snooze 2026-03-10 \
    >/dev/null || fail "second snooze"
start
expect "/ search" "the rolodex again"
keys t
expect "Robert Lin" "Robert Lin is due again"
for i in $(seq 1 15); do
	case "$(sel_why)" in *"due cadence"*) break ;; esac
	keys j
	sleep 0.1
done
expect_in "$(sel_why)" "cadence" "Robert Lin's cadence selected"
keys s
expect "Snooze: Robert Lin" "snooze it"
keys Down
keys Enter
expect "Snooze Robert Lin to Tue 17 Mar 2026" "a week"
keys Enter
expect "Snoozed 3 times in a row: loosen the cadence of Robert Lin from 21d/31d to 32d/47d? (y/N)" \
    "the third snooze asks to loosen the cadence"
keys y
expect "Loosened the cadence of Robert Lin to 32d/47d" "loosened"
expect_in "$(kith cadence --list | grep 'Robert Lin')" "32d/47d" \
    "the cadence is looser"
