#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The main screen end to end: demo data, alerts, search, done, snooze,
# jump, link, resize, help, quit and Ctrl-C restoring the terminal.
. "$(dirname "$0")/lib.inc"

demo_db
start
expect "! 7 overdue  3 today" "header counts on the demo data"
expect "64 contacts" "contact count"
expect "20d late  Olivia Grant" "most overdue alert first"
# expect_gone can fail: on a text never shown, and on one still shown.
if (failed=0; expect_gone "no such text on screen" "probe" 2>/dev/null
    [ "$failed" -eq 1 ]); then pass; else
	fail "expect_gone passed on a text that was never shown"; fi
if (failed=0; TIMEOUT=1; expect_gone "20d late  Olivia Grant" "probe" \
    2>/dev/null; [ "$failed" -eq 1 ]); then pass; else
	fail "expect_gone passed on a text still shown"; fi
expect "Ana Petrović" "list shows names"
expect "Berlin office." "long notes wrap in the contact sheet"

# Search narrows the list as it is typed, with a match count.
keys /
type_text "petro"
expect "matches" "search shows a match count"
s=$(screen)
expect_in "$s" "Ana Petrović" "search finds Petrović"
expect_not_in "$s" "Alex Rivera" "search narrows the list"
keys Escape
expect "Alex Rivera" "Esc clears the search"

# Mark the most overdue alert done: the count drops at once.  Alert keys
# act in the alert pane only: Tab, Tab reaches it from the list.
keys Tab Tab
keys d
expect "6 overdue" "done lowers the overdue count"
expect_gone "20d late  Olivia Grant" "done removes the alert"

# Snooze the next follow-up to tomorrow (ranked after Robert Lin's
# cadence, which s does not snooze).
keys s
expect "s acts only on follow-ups" "s on a cadence alert says so"
keys j
keys s
expect "tomorrow" "snooze offers tomorrow"
keys Enter
expect "5 overdue" "snooze lowers the overdue count"
out=$("$KITH" --db "$DB" due --days 1 --tsv)
expect_in "$out" "2026-03-11" "snoozed follow-up is due tomorrow"

# Jump from the selected alert to its contact.
keys o
expect "Follow-ups" "jump shows the contact's sheet"

# Link two contacts and see both sides.
keys /
type_text "alex rivera"
expect "1 match" "search for one contact"
keys Enter
keys r
expect "Link Alex Rivera to" "link asks for the other contact"
type_text "ben carter"
expect "Ben Carter — Lumen" "finder lists the match"
keys Enter
expect "assistant of" "kind picker lists kinds"
keys Enter
expect "assistant of Ben Carter" "link shows on the first contact"
expect "Linked: Alex Rivera (#21) assistant of Ben Carter (#" \
    "the status line names both people"
keys /
keys C-u
type_text "ben carter"
expect "has assistant Alex Rivera" "link shows the inverse on the second"
keys Escape
expect "/ search" "back to the full list"

# Resize to 60x20 and back: the same screen, no garbage.
sleep 0.3
before=$(screen)
tm resize-window -t t -x 60 -y 20
expect "64 contacts" "redrawn at 60x20"
s=$(screen)
widest=$(printf '%s\n' "$s" | wc -L)
if [ "$widest" -le 60 ]; then pass; else fail "lines $widest cells wide at 60x20"; fi
expect_in "$s" "overdue" "alerts at 60x20"
tm resize-window -t t -x 40 -y 10
expect "kith needs at least" "too small message"
tm resize-window -t t -x 100 -y 30
expect "64 contacts" "redrawn at 100x30"
sleep 0.3
after=$(screen)
if [ "$before" = "$after" ]; then pass; else
	fail "screen differs after resizing back:
$before
---
$after"; fi

# Help comes from the key table.
keys '?'
expect "mark one of the contact's follow-ups done" "help lists the actions in scope"
s=$(screen)
expect_in "$s" "Down, j" "help names keys from the table"
keys q
expect_gone "mark one of the contact's follow-ups done" "help closes"

# Quit restores the terminal.
keys q
expect "KITH-EXIT=0" "q quits with status 0"
# The modes line comes a moment after the status: poll for it.
expect "icanon echo" "terminal modes restored after q"

# Ctrl-C restores it too.
start
expect "overdue" "started again"
keys C-c
expect "KITH-EXIT=" "Ctrl-C ends kith"
expect "icanon echo" "terminal modes restored after Ctrl-C"
