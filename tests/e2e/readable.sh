#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Readable at any size (issue 10), at 80x24: a line too wide for the
# contact pane ends in "…"; the pane says "↓ more" and PgDn scrolls to its
# later lines; Enter on the notes or an interaction opens the pager with
# the whole text, which scrolls to its last words; twenty imported columns
# show as five and "+15 more fields", and Enter shows them all; a status
# message longer than the screen is wide is shown in full.
. "$(dirname "$0")/lib.inc"

E2E_COLS=80
E2E_ROWS=24

# The notes: 600 words, the last one marked.
notes=""
for i in $(seq 1 599); do notes="$notes word$i"; done
notes="${notes# } LASTNOTEWORD"
long_name="Cyd Ottoline Wilhelmina Bartholomew-Featherstonehaugh Cholmondeley \
Marjoribanks Auchinleck Dalziel Menzies Colquhoun Urquhart Farquharson Endname"
csv="$T/book.csv"
{
	printf 'Name,Notes,Remarks'
	for i in $(seq -w 1 20); do printf ',Billing %s' "$i"; done
	printf '\n'
	printf 'Aaron Longnote,"%s",%s\n' "$notes" \
	    "a remark much too long for the contact pane of an eighty-column terminal and ending in REMARKEND"
	printf 'Bea Custom,,'
	for i in $(seq -w 1 20); do printf ',val%s' "$i"; done
	printf '\n'
	printf '"%s",,\n' "$long_name"
} >"$csv"
"$KITH" --db "$DB" import "$csv" >/dev/null || fail "import"
for i in $(seq 1 9); do
	"$KITH" --db "$DB" log "Aaron Longnote" --kind call --at "2026-03-0$i 10:00" \
	    "call number $i about the retainer" >/dev/null || fail "log $i"
done
"$KITH" --db "$DB" log "Aaron Longnote" --kind meeting --at "2026-02-01 10:00" \
    "a meeting whose summary runs on far past the right edge of the contact pane and ends in SUMMARYEND" \
    >/dev/null || fail "log long"

# row TEXT: the screen's line that shows TEXT.
row() { screen | grep -F -- "$1" | head -n 1; }

start
expect "│ Aaron Longnote" "the first contact's sheet"
expect "Remarks: a remark" "its custom field"
r=$(row "Remarks: a remark")
case "$r" in
*"…") pass ;;
*) fail "a line cut to the pane does not end in …: $r" ;;
esac
expect_not_in "$r" "REMARKEND" "the remark is cut"
expect "↓ more" "the pane says there are more lines below"
expect_not_in "$(screen)" "call number 1 about" "the oldest calls are below"

# The focus on the contact pane: PgDn scrolls to the later lines.
keys Tab
keys PgDn
expect "call number 1 about" "PgDn in the contact pane scrolls down"
expect "↑ more" "the pane says there are more lines above"
keys G
expect "a meeting whose summary" "the long summary's line shows at the end"
r=$(row "a meeting whose summary")
case "$r" in
*"…"*) pass ;;
*) fail "the interaction cut to the pane has no …: $r" ;;
esac

# Enter on an interaction: the pager with its whole summary.
keys Enter
expect "ends in SUMMARYEND" "Enter on an interaction opens its summary"
expect "q close" "the key bar shows the pager's keys"
keys q
expect_gone "ends in SUMMARYEND" "q closes the pager"

# Enter on the notes: the pager with all of them (below the name, the
# headline and the strength the logged calls give).
keys g j j j
keys Enter
expect "Aaron Longnote — notes" "Enter on the notes opens the pager"
expect "word1 word2" "the notes from the start"
expect_not_in "$(screen)" "word250 " "the rest is further down"
keys PgDn
expect "word250 " "PgDn scrolls the pager"
keys End
expect "LASTNOTEWORD" "End shows the notes' last words"
keys Escape
expect_gone "Aaron Longnote — notes" "Esc closes the pager"

# Twenty imported columns: five, then "+15 more fields".
keys Tab Tab
keys j
expect "│ Bea Custom" "the contact with twenty columns"
expect "+15 more fields" "the columns beyond five are collapsed"
expect "Billing 05: val05" "the first five show"
expect_not_in "$(screen)" "Billing 06" "the sixth is collapsed"
keys Tab
keys j j j j j j
keys Enter
expect "Billing 06: val06" "Enter on +15 more fields shows them"
keys G
expect "Billing 20: val20" "down to the last"
expect_gone "+15 more fields" "in place of the line"

# A message longer than the screen is wide: shown in full.
keys Tab Tab
keys j
expect "│ Cyd Ottoline" "the contact with a long name"
keys A
expect "(y/N)" "archive asks"
keys y
expect "u to undo" "the message"
expect "Endname. u to undo" "the whole message is shown, the end of the name too"
expect "Archived Cyd Ottoline" "and its start"

keys q
expect "KITH-EXIT=0" "kith quits"
