#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The mouse, as a terminal reports it: tmux cannot click from the command
# line, so the bytes a terminal sends for a click go in with send-keys (the
# X10 encoding that TERM=screen declares, and the SGR one of xterm).  A
# click selects a row of the list or of the alert pane, a double click
# opens it, the wheel moves the selection; keys still work afterwards.
. "$(dirname "$0")/lib.inc"

# line_of TEXT: the screen row (0-based) showing TEXT.
line_of() {
	screen | grep -n -F -m 1 -- "$1" | cut -d: -f1 | awk '{ print $1 - 1 }'
}

# mouse BUTTON,X,Y...: mouse reports in the X10 encoding (cells from 0),
# in one write: button 0 is a press of the first button, 3 a release,
# 64 and 65 the wheel up and down.
mouse() {
	local hex=() ev b x y

	for ev in "$@"; do
		IFS=, read -r b x y <<<"$ev"
		hex+=(1b 5b 4d "$(printf '%x' $((32 + b)))" \
		    "$(printf '%x' $((33 + x)))" "$(printf '%x' $((33 + y)))")
	done
	keys -H "${hex[@]}"
}
# click X Y: press and release; dblclick X Y: that twice.
click() { mouse "0,$1,$2" "3,$1,$2"; }
dblclick() { mouse "0,$1,$2" "3,$1,$2" "0,$1,$2" "3,$1,$2"; }

# row_line_e Y: line Y (0-based) of the screen with its attributes.
row_line_e() { screen_e | sed -n "$(($1 + 1))p"; }
REV=$'\e[7m'
UL=$'\e[4m'

# row_has Y ATTR [SIDE]: line Y shows ATTR (SIDE right: after the rule).
row_has() {
	local line
	line=$(row_line_e "$1")
	[ "${3:-}" = right ] && line=${line#*│}
	case "$line" in *"$2"*) return 0 ;; esac
	return 1
}
# expect_row Y ATTR WHAT [SIDE]: polls until row_has.
expect_row() {
	local i=0 limit=$((TIMEOUT * 20))
	while [ $i -lt $limit ]; do
		row_has "$1" "$2" "${4:-}" && { pass; return; }
		sleep 0.05
		i=$((i + 1))
	done
	fail "$3: line $1 lacks the attribute: $(row_line_e "$1" | cat -v)"
}

demo_db
start
expect "64 contacts" "demo data"
expect "Alex Rivera" "first row"
s=$(screen)
expect_in "$s" "│ Alex Rivera" "the first contact is selected"

# A click on a row of the list selects it.
y=$(line_of "Ana Petrović ")
click 5 "$y"
expect "Managing Partner, Petrović & Partneri" "a click selects Ana"
expect_row "$y" "$REV" "Ana's row is highlighted"
# Keys carry on from the clicked row.
keys j
expect "Anna Köhler" "j moves on from the clicked row"
expect "Brenner" "the next contact's sheet"
s=$(screen)
expect_not_in "$s" "Managing Partner, Petrović & Partneri" \
    "j left Ana"

# A double click opens the contact: the sheet takes the focus (its first
# line highlighted, the list's row only underlined).
y=$(line_of "Ben Carter ")
dblclick 5 "$y"
expect "│ Ben Carter" "double click selects Ben"
expect_row "$y" "$UL" "after a double click the list row is underlined"
expect_row 2 "$REV" "and the sheet's first line highlighted" right
s=$(row_line_e "$y")
expect_not_in "$s" "$REV" "the list row is no longer highlighted"

# A single click gives the list the focus back; the wheel moves the
# selection: down twice, up once.
click 5 "$y"
expect_row "$y" "$REV" "a single click gives the list the focus"
mouse "65,5,$y"
mouse "65,5,$y"
mouse "64,5,$y"
expect "│ Benoît Rousseau" "the wheel moved one row down"

# A click on the alert pane selects that alert; o jumps to its contact.
y=$(line_of "13d late")
expect_in "$(screen)" "王小明" "the second alert is for 王小明"
click 20 "$y"
expect_row "$y" "$REV" "the clicked alert is highlighted"
keys o
expect "│ 王小明" "o jumps to the clicked alert's contact"

# A click on the search line starts a search.
click 10 1
type_text "olivia"
expect "1 match" "typing after a click on the search line searches"
keys Escape
expect "/ search" "Esc clears the search"
keys q
expect "KITH-EXIT=0" "quit"

# xterm's SGR encoding (1-based cells, M press, m release).
start TERM=xterm-256color
expect "64 contacts" "started as xterm"
y=$(line_of "Ana Petrović ")
keys -l $'\e[<0;6;'"$((y + 1))M"
keys -l $'\e[<0;6;'"$((y + 1))m"
expect "Managing Partner, Petrović & Partneri" "an SGR click selects Ana"
keys q
expect "KITH-EXIT=0" "quit (xterm)"
