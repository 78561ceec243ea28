#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The terminal kith opens and the prompts it shows: an unknown, empty or
# missing TERM falls back to a basic type with a notice naming TERM (never
# ncurses' "Error opening terminal"); Ctrl-Z stops kith and fg paints it
# again; "~" in the import prompt is the home folder; date fields preview
# the date they read as ("→ Tue 8 Dec 2026") or say why they read as none.
. "$(dirname "$0")/lib.inc"

demo_db

# ---- TERM -------------------------------------------------------------------
start TERM=nonexistent-xyz
expect "64 contacts" "unknown TERM: kith opens anyway"
expect "TERM=nonexistent-xyz is unknown here; using xterm-256color (set TERM to a value in \`toe -a\`)" \
    "unknown TERM: the notice names TERM and the type used"
s=$(screen)
expect_not_in "$s" "Error opening terminal" "unknown TERM: no raw ncurses error"
keys j
expect "│ Amelia Shaw" "unknown TERM: keys work"
keys q
expect "KITH-EXIT=0" "unknown TERM: quits"
expect "icanon echo" "unknown TERM: terminal modes restored"

start TERM=
expect "64 contacts" "empty TERM: kith opens anyway"
expect "TERM is empty; using xterm-256color" "empty TERM: the notice"
keys q
expect "KITH-EXIT=0" "empty TERM: quits"

tm kill-server 2>/dev/null
starts=$((starts + 1))
SOCK="kith$$-$starts"
tm new-session -d -x "$E2E_COLS" -y "$E2E_ROWS" -s t \
    "env -u TERM '$KITH' --db '$DB'; echo KITH-EXIT=\$?; sleep 600"
expect "64 contacts" "no TERM: kith opens anyway"
expect "TERM is not set; using xterm-256color" "no TERM: the notice"
s=$(screen)
expect_not_in "$s" "Error opening terminal" "no TERM: no raw ncurses error"
keys q
expect "KITH-EXIT=0" "no TERM: quits"

# ---- Ctrl-Z and fg ------------------------------------------------------------
# Job control needs a shell: kith runs from an interactive bash in the pane.
tm kill-server 2>/dev/null
starts=$((starts + 1))
SOCK="kith$$-$starts"
tm new-session -d -x "$E2E_COLS" -y "$E2E_ROWS" -s t \
    "env TERM=screen PS1='sh-ready\$ ' bash --norc --noprofile -i"
expect "sh-ready" "the shell is up"
type_text "'$KITH' --db '$DB'"
keys Enter
expect "64 contacts" "kith started from the shell"
keys C-z
expect "Stopped" "Ctrl-Z stops kith"
expect_gone "64 contacts" "Ctrl-Z gives the screen back to the shell"
# A resize while stopped: fg paints at the new size.
tm resize-window -t t -x 80 -y 24
type_text "fg"
keys Enter
expect "64 contacts" "fg paints kith again"
expect "20d late  Olivia Grant" "fg: the alerts are painted again"
expect "│ Alex Rivera" "fg: the list is painted again"
widest=$(screen | wc -L)
if [ "$widest" -le 80 ]; then pass; else
	fail "fg after a resize: $widest cells in an 80-cell window"; fi
s=$(screen)
last=$(printf '%s\n' "$s" | sed -n 24p)
expect_in "$last" "/ search" "fg after a resize: the key bar is on row 24"
keys j
expect "│ Amelia Shaw" "fg: keys work again"
# The shell turns bracketed paste off when it runs fg: kith turns it on
# again, so a pasted "q" is still not taken as a key.
tm set-buffer -b p -- "q"
tm paste-buffer -p -b p -t t
sleep 0.5
expect "│ Amelia Shaw" "fg: a pasted q does not quit"
keys q
expect_gone "│ Amelia Shaw" "q quits after fg"
type_text 'echo KITH-EXIT=$?'
keys Enter
expect "KITH-EXIT=0" "kith's status after fg and q"

# ---- ~ in the import prompt ------------------------------------------------
printf 'Name,E-mail\nPetar Jovanović,petar@example.rs\n' >"$T/people-home.csv"
printf 'Name,E-mail\nMarta Novak,marta@example.si\n' >"$T/people-typed.csv"
start "HOME='$T'"
expect "64 contacts" "started with HOME set"
keys i
expect "Import a CSV file" "i asks for a file"
type_text "~"
keys Tab
expect "File          ~/ " "Tab after ~ gives ~/"
type_text "people-h"
keys Tab
expect "File          ~/people-home.csv" "Tab completes under ~/ and keeps ~"
keys Enter
expect "imported 1 rows: 1 added" "~/people-home.csv imports"
keys Enter
expect "65 contacts" "the contact from ~/ is counted"
keys i
expect "Import a CSV file" "i asks for a file again"
type_text "~/people-typed.csv"
keys Enter
expect "imported 1 rows: 1 added" "~/file typed out imports"
keys Enter
expect "66 contacts" "the contact from the typed ~/ path is counted"
out=$("$KITH" --db "$DB" list marta --tsv)
expect_in "$out" "Marta Novak" "kith list finds the contact imported from ~/"
keys q
expect "KITH-EXIT=0" "quit (import)"

# ---- date fields preview the date ---------------------------------------------
# KITH_NOW is Tuesday 10 March 2026.
start
expect "│ Alex Rivera" "started for dates"
keys f
expect "Follow-up for" "f opens the follow-up form"
expect "→ Wed 11 Mar 2026" "the default 'tomorrow' is previewed"
keys Tab C-u
type_text "8 dec"
expect "→ Tue 8 Dec 2026" "'8 dec' is previewed as it is typed"
keys C-u
type_text "32 foo"
expect "? not a date" "'32 foo' is refused beside the field"
s=$(screen)
expect_not_in "$s" "→" "no date previewed for '32 foo'"
keys C-u
type_text "2026-04-31"
expect "? 2026-04 has 30 days" "an impossible day says why"
keys C-u
type_text "fri 14:30"
expect "→ Fri 13 Mar 2026 14:30" "a day with a time"
keys BTab
type_text "send the draft"
keys Enter
expect "Follow-up due Fri 13 Mar 2026" "the previewed date is saved"

keys l
expect "Log an interaction" "l opens the log form"
expect "→ Tue 10 Mar 2026" "the log date 'today' is previewed"
keys Tab C-u
type_text "fri"
expect "→ Fri 6 Mar 2026" "the log form reads 'fri' as the last Friday"
# (An Esc and the next key sent together read as Alt+key: wait for it.)
keys Escape
expect_gone "Log an interaction" "Esc closes the log form"

keys e
expect "Edit contact" "e opens the contact form"
keys Up Up
type_text "8 dec"
expect "→ 8 Dec, every year" "a birthday without a year"
keys C-u
type_text "8 dec 1980"
expect "→ Mon 8 Dec 1980" "a birthday with its year"
keys C-u
type_text "tomorrow"
expect "? not a date" "a birthday is written out, not 'tomorrow'"
keys Escape
expect_gone "Edit contact" "Esc closes the contact form"

# The snooze date, from the alert pane.
keys Tab Tab
keys s
expect "pick a date" "s offers to snooze"
keys Down Down Enter
expect "Snooze until" "the snooze date form"
type_text "next week"
expect "→ Mon 16 Mar 2026" "the snooze date is previewed"
keys Escape
expect_gone "Snooze until" "Esc closes the snooze form"
keys q
expect "KITH-EXIT=0" "quit (dates)"

# Too narrow for the preview beside the field: it takes the hint line.
E2E_COLS=50 E2E_ROWS=14
start
expect "│ Alex" "started at 50x14"
keys f
expect "Follow-up for" "the follow-up form at 50x14"
keys Tab C-u
type_text "8 dec"
expect "→ Tue 8 Dec 2026" "at 50x14 the preview is on the hint line"
keys Escape
expect_gone "Follow-up for" "Esc closes the form at 50x14"
keys q
expect "KITH-EXIT=0" "quit (50x14)"
