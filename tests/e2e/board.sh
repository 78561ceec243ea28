#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The pipeline board (issue 11): p opens it on a book with four open
# stages; each column says its count and its value per currency; a stalled
# card is marked with "!" and "stalled"; > moves the selected card to the
# next stage, both columns' totals change and the status line names the
# deal and both stages; Enter opens the deal; u puts the card back; w
# marks a deal won with a reason and it leaves the board; a adds a deal
# with the form; a click selects a card; at 80x24 three columns show and the board scrolls
# sideways with the selection; a Chinese title keeps the column rule in
# place and control characters in a title show inert; Esc goes back to the
# rolodex, and "kith board" starts on the board.
. "$(dirname "$0")/lib.inc"

# The book, made with the command line on a clock set back for each deal
# (KITH_NOW is 2026-03-10 09:00 UTC): two more open stages; a deal
# untouched for 40 days (stalled after 30) with a client, a follow-up and
# a next step; a Chinese title; a title with control characters; twelve
# deals in one stage; one in the last open stage.
at() { KITH_NOW="$1" "$KITH" --db "$DB" "${@:2}" >/dev/null || fail "$*"; }
at "2026-01-29 09:00" add "Ana Petrović" --org "Northbridge Ltd"
at "2026-01-29 09:00" stage add Proposal --probability 40
at "2026-01-29 09:00" stage add Drafting --probability 70
at "2026-01-29 09:00" deal add "Northbridge acquisition" \
    --org "Northbridge Ltd" --value 12500 --currency EUR \
    --next "call Ana re: fee" --contact Ana --role client
at "2026-03-07 09:00" deal add "Retainer 王小明合同书" --value 3000 \
    --currency USD
at "2026-03-09 09:00" deal add "Bell and red"
# kith stores titles without control characters; write them as another
# program could, to see the board show them inert.
sqlite3 "$DB" "UPDATE deal SET title = 'Bell' || char(7) || ' and ' ||
    char(27) || '[31mred' WHERE title = 'Bell and red'" ||
    fail "sqlite3 could not write the title"
at "2026-03-05 09:00" deal add "Petrović estate" --stage Negotiation \
    --value 5000 --currency EUR --next "send the draft"
at "2026-03-06 09:00" deal add "Sanctions advice" --stage Negotiation \
    --value 2400000 --currency RUB
at "2026-03-08 09:00" deal add "Harbour lease" --stage Drafting \
    --value 700 --currency GBP
# Touched in the same second: the board keeps them in id order.
at "2026-03-08 09:00" deal add "Twin one" --stage Drafting
at "2026-03-08 09:00" deal add "Twin two" --stage Drafting
for i in $(seq -w 1 12); do
	at "2026-02-$((10 + 10#$i)) 09:00" deal add "Survey $i" \
	    --stage Proposal --value 100 --currency EUR
done
at "2026-03-10 08:00" follow --deal Northbridge "send the engagement letter" \
    --due +2d

# row TEXT: the screen's line that shows TEXT.
row() { screen | grep -F -- "$1" | head -n 1; }
# rule_at LINE: the display column of the first column rule on LINE.
rule_at() { printf '%s' "${1%%│*}" | wc -L; }
# click X Y: a press and a release of the first button at cell X, Y (from
# 0), as a terminal reports them (X10 encoding, as in mouse.sh).
click() {
	local hex=() b
	for b in 0 3; do
		hex+=(1b 5b 4d "$(printf '%x' $((32 + b)))" \
		    "$(printf '%x' $((33 + $1)))" "$(printf '%x' $((33 + $2)))")
	done
	keys -H "${hex[@]}"
}

E2E_COLS=120
start
expect "/ search" "the rolodex"
keys p
expect "kith  pipeline  20 open deals" "p opens the board"
r=$(row "Interest")
expect_in "$r" "Interest" "a column per open stage"
expect_in "$r" "Negotiation" "in stage order"
expect_in "$r" "Drafting" "the fourth open stage shows at 120 columns"
expect_not_in "$r" "Won" "won and lost are no columns"
expect "12,500 EUR · 3,000 USD" "Interest's value per currency"
expect "5,000 EUR · 2,400,000 RUB" "Negotiation's value, currencies apart"
counts=$(row "Interest" | tr -s ' ')
expect_in "$counts" "Interest 3 │ Negotiation 2 │ Proposal 12 │ Drafting 3" \
    "each column's count"
expect "! Northbridge acquisition" "a stalled card is marked"
expect "12,500 EUR · 40d stalled" "its value, days in stage and stalled"
expect "→ call Ana re: fee" "its next step"
expect "Northbridge Ltd" "its organisation"

# Unicode and control characters.
expect "Bell^G and ^[[31mred" "control characters in a title show inert"
expect_not_in "$(screen_e)" $'\e[31mred' "no raw escape reaches the terminal"
cjk=$(row "Retainer 王小明")
plain=$(row "Northbridge Ltd")
if [ -n "$cjk" ] && [ "$(rule_at "$cjk")" = "$(rule_at "$plain")" ]; then
	pass
else
	fail "a Chinese title moves the column rule: '$cjk' / '$plain'"
fi

# Move the stalest card on: both columns' totals change.
keys '>'
expect "Moved Northbridge acquisition: Interest → Negotiation" \
    "the status line names the deal and both stages"
expect "17,500 EUR" "Negotiation's total grows"
counts=$(row "Interest" | tr -s ' ')
expect_in "$counts" "Interest 2 │ Negotiation 3" "the counts follow"
expect_gone "12,500 EUR · 3,000 USD" "Interest's total shrinks"
expect_not_in "$(screen)" "! Northbridge" "a moved deal is touched: no longer stalled"

# Enter opens the deal the selection followed.
keys Enter
expect "┌─ Northbridge acquisition" "Enter opens the moved deal"
expect "Negotiation, 0 days" "its stage and days in it"
expect "Organisation    Northbridge Ltd" "its details"
expect "client            Ana Petrović" "its people with their roles"
expect "Thu 12 Mar 2026  send the engagement letter" "its follow-ups"
expect "Interest         2026-01-29 → 2026-03-10  40 days" \
    "its stage history with the days in each stage"
keys q
expect_gone "┌─ Northbridge acquisition" "q closes the deal"

# u puts the card back.
keys u
expect "Undone: moved Northbridge acquisition to Negotiation" "u undoes the move"
expect "12,500 EUR · 3,000 USD" "Interest's total is back"
counts=$(row "Interest" | tr -s ' ')
expect_in "$counts" "Interest 3 │ Negotiation 2" "the counts are back"
expect "! Northbridge acquisition" "and the card is stalled again"

# Won, with a reason: the card leaves the board.
keys j
keys w
expect "Mark Retainer 王小明合同书 won" "w asks for a reason, naming the deal"
type_text "signed today"
keys Enter
expect "Marked Retainer 王小明合同书 won: signed today; it left the board" \
    "the status line says so"
expect "kith  pipeline  19 open deals" "one open deal fewer"
expect_gone "12,500 EUR · 3,000 USD" "the won deal's value left the column"

# A deal added with the form shows in its stage.
keys a
expect "Add a deal" "a opens the form"
type_text "Lighthouse survey"
keys Tab
type_text "Harbour Board"
keys Tab
type_text "lots"
keys Tab
keys C-u
type_text "GBP"
keys Enter
expect "not a plain amount" "a value that is no amount is refused in the form"
keys BTab
keys C-u
type_text "9,900"
keys Enter
expect "Added Lighthouse survey to Interest" "the form adds the deal"
expect "9,900 GBP" "with its value"
expect "kith  pipeline  20 open deals" "the count follows"

# A click selects the column and the card under it.
click 35 5
keys Enter
expect "┌─ Petrović estate" "a click selects the card under it"
keys q
expect_gone "┌─ Petrović estate" "q closes it"

# Esc goes back to the rolodex.
keys Escape
expect "/ search" "Esc goes back to the rolodex"
expect_gone "kith  pipeline  20 open deals" "the board is gone"

# 80x24: three columns, scrolling sideways with the selection.
E2E_COLS=80
E2E_ROWS=24
start
expect "/ search" "the rolodex at 80x24"
keys p
expect "stages 1–3 of 4 >" "three of four stages fit 80 columns"
expect "5,000 EUR · 2.4M RUB" "totals too wide for a column show in short"
expect_not_in "$(row "Interest")" "Drafting" "the fourth is off screen"
keys l
keys l
expect "stages 1–3 of 4 >" "the third stage shows without scrolling"
# Twelve cards, four on screen: the column scrolls with the selection.
expect "Survey 01" "the column's first card"
expect "Survey 04" "the first four cards show"
expect_not_in "$(screen)" "Survey 05" "the fifth is below"
expect_in "$(row "────")" "more ↓" "the rule says more cards are below"
keys j j j j j j
expect "Survey 07" "moving down scrolls the column"
expect_gone "Survey 01" "the first card scrolled off"
expect_in "$(row "────")" "↑ more" "the rule says more cards are above"
keys G
expect "Survey 12" "End goes to the last card"
keys g
expect "Survey 01" "Home to the first"
keys l
expect "< stages 2–4 of 4" "moving right past the edge scrolls"
expect "Harbour lease" "the fourth stage's card"
expect_not_in "$(row "Negotiation")" "Interest" "the first stage scrolled off"
# Reloaded around the selected card (here after a change by another
# process), a column keeps the card touched in the same second before it.
keys j
keys j
"$KITH" --db "$DB" stage rename Proposal Offer >/dev/null || fail "rename"
expect "Offer" "a change by another process reloads the board"
expect_in "$(screen)" "Harbour lease" \
    "the card before the selected one, touched in the same second, stays"
expect_in "$(screen)" "Twin one" "and the one between"
keys h
keys h
keys h
expect "stages 1–3 of 4 >" "and back"
keys q
expect "/ search" "q goes back to the rolodex"

# kith board starts on the board, in the book's word for a deal; q goes
# on to the rolodex.
"$KITH" --db "$DB" config deal-word matter >/dev/null || fail "deal-word"
tm kill-server 2>/dev/null
starts=$((starts + 1))
SOCK="kith$$-$starts"
tm new-session -d -x 100 -y 30 -s t \
    "env TERM=screen '$KITH' --db '$DB' board; echo KITH-EXIT=\$?; sleep 600"
expect "kith  pipeline  20 open matters" "kith board starts on the board"
keys q
expect "/ search" "q goes on to the rolodex"
keys q
expect "KITH-EXIT=0" "and q quits"
