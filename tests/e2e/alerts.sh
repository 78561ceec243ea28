#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The alert pane (issue 10, ranked since issue 12): the week's review in
# rank order, what falls due ahead dimmed, with the day each falls on; at 80x24, when
# it cannot list them all, its last line says how many more there are and
# which key shows them all; z zooms it to most of the screen and back;
# moving the highlight past the last line shown scrolls; and d, s, x act on
# a follow-up of the week ahead as on any alert.
. "$(dirname "$0")/lib.inc"

due7() { "$KITH" --db "$DB" due --days 7 --tsv; }

demo_db
# The demo book has follow-ups due in the next 7 days (KITH_NOW is Tue 10
# March 2026): Samantha Wu's on Friday the 13th among them.
week=$(due7)
expect_in "$week" "$(printf '2026-03-13\t-3')" "the demo has a follow-up due on Friday"
n_all=$(printf '%s\n' "$week" | grep -c .)

E2E_COLS=80 E2E_ROWS=24
start
expect "! 7 overdue  3 today" "the header counts stay the follow-ups overdue and today"
# The pane holds the week's ranked review: follow-ups, cadences, the
# birthday this week and the stalled deals, 25 in all.
expect "11 overdue, 4 today · 10 this week, ranked" \
    "the pane's title counts every alert of the week"
# A quarter of 24 rows: 5 alerts and a line for the rest.
expect "+20 more (z shows all)" "the pane says how many more and names the key"
s=$(screen)
expect_not_in "$s" "Samantha Wu" "Friday's follow-up is below the pane's lines"

# z shows most of them, G the rest: the week ahead with its day.
keys z
expect "+9 more" "zoomed: 16 alerts and a line for the rest"
top=$(screen)
keys G
expect "Fri in 3d Samantha Wu" "zoomed: Friday's follow-up, with its day"
s=$(screen)
while IFS=$'\t' read -r _ _ _ _ _ action; do
	expect_in "$top$s" "$action" "zoomed, every follow-up is listed"
done <<<"$week"
expect_in "$s" "tomorrow  Charlotte Ainsworth" "tomorrow's is listed as tomorrow"
expect_in "$s" "Tue in 7d 李娜" "the last day of the week ahead"
expect_in "$s" "Thu in 2d Jürgen Brenner       keep in touch every 30 days" \
    "a cadence coming due this week, with its day"
expect_not_in "$s" "more (z shows all)" "nothing more to show"
today=$(printf '%s\n' "$s" | grep -n "today     Claire Ashdown" | cut -d: -f1)
ahead=$(printf '%s\n' "$s" | grep -n "tomorrow  Charlotte" | cut -d: -f1)
if [ -n "$today" ] && [ -n "$ahead" ] && [ "$today" -lt "$ahead" ]; then
	pass; else fail "the week ahead comes after today's"; fi
expect "z all alerts" "the key bar of the zoomed alert pane offers z"
keys g
expect "│ Olivia Grant" "g: back to the first alert"
keys z
expect "+20 more (z shows all)" "z again: back to a quarter of the screen"

# Help lists z, from the key table.
keys '?'
expect "show all the alerts" "help lists the zoom key"
keys q
expect_gone "show all the alerts" "help closes"

# Anew: Tab, Tab reaches the alert pane; moving down past the last line
# shown scrolls, and the line counts what is below.
keys q
expect "KITH-EXIT=0" "quit"
start
expect "+20 more (z shows all)" "started again at 80x24"
keys Tab Tab
expect "│ Olivia Grant" "the first alert highlighted"
# The fifth, the last shown, is the Northbridge deal (stalled 50
# calendar days); Jürgen Brenner's follow-up comes next.
keys j j j j
expect "stalled   deal: Northbridge" "the fifth alert, the last one shown"
s=$(screen)
expect_in "$s" "+20 more (z shows all)" "not scrolled yet"
keys j
expect "+19 more (z shows all)" "the pane scrolled: 19 more below"
expect "│ Jürgen Brenner" "down past the last alert shown"
keys j
expect "+18 more (z shows all)" "the pane scrolled again: 18 more below"
s=$(screen)
expect_not_in "$s" "20d late  Olivia Grant" "the first alert scrolled out"
keys G
expect "20 above (z shows all)" "at the end: how many are above"
expect "│ Charlotte Ainsworth" "the last alert highlighted"

# d on a follow-up of the week ahead marks that one done.
keys k k k k k k k k
expect "│ Samantha Wu" "Friday's follow-up highlighted"
keys d
expect "Done: send data processing addendum — Samantha Wu. u to undo" \
    "d on a follow-up of the week ahead"
after=$(due7)
expect_not_in "$after" "send data processing addendum" "that follow-up is done"
expect_in "$after" "introduce the Brenner project team" "the next one is untouched"
expect_in "$after" "agree fee split on the Smirnov matter" "the one before is untouched"
n=$(printf '%s\n' "$after" | grep -c .)
if [ "$n" -eq $((n_all - 1)) ]; then pass; else
	fail "one follow-up done, $n of $n_all left"; fi
expect "· 9 this week" "the title counts one fewer"
expect "│ Алексей Смирнов" "the highlight on the alert that took its place"
keys u
expect "Undone: done: send data processing addendum — Samantha Wu" "u undoes it"
after=$(due7)
if [ "$after" = "$week" ]; then pass; else
	fail "after undo the week ahead is as before:
$after"; fi

# s and x act on a follow-up of the week ahead too, and Enter shows its
# contact in the list.  The highlight kept its place, Алексей Смирнов's
# cadence; two below it, Katharina Weiß's follow-up, due Sunday.
expect "│ Алексей Смирнов" "the highlight stayed on the cadence"
keys j j
expect "│ Katharina Weiß" "Sunday's follow-up highlighted"
keys s
expect "Snooze: set up monthly legal spend report" "s on a follow-up of the week ahead"
keys j Enter
expect "Snoozed to Tue 17 Mar 2026: set up monthly legal spend report" \
    "snoozed a week from today"
expect "Tue in 7d Katharina Weiß" "listed on its new day"
expect_in "$(due7)" "$(printf '2026-03-17\t-7\t55\tKatharina Weiß')" "the follow-up is due on the 17th"
keys g
expect "│ Olivia Grant" "back to the first alert"
keys G
expect "│ Charlotte Ainsworth" "the last alert"
keys k
expect "│ 李娜" "the one above, due the same day as Katharina Weiß's"
keys x
expect "Drop the follow-up \"introduce the Brenner project team\" of 李娜? (y/N)" \
    "x on a follow-up of the week ahead asks, naming it"
keys y
expect "Dropped: introduce the Brenner project team — 李娜" "dropped"
expect_not_in "$(due7)" "introduce the Brenner project team" "the dropped one is gone"
expect "│ Charlotte Ainsworth" "the highlight on the alert that took its place"
keys k
expect "│ Katharina Weiß" "the alert above it"
expect_not_in "$(screen)" "Katharina Weiß     Brenner" "not in the list's page yet"
keys Enter
expect "Katharina Weiß     Brenner" "Enter shows the alert's contact in the list"

keys q
expect "KITH-EXIT=0" "quit"
