#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The pipeline board (issue 11): p opens it on a book with four open
# stages; each column says its count and its value per currency; a stalled
# card is marked with "!" and "stalled"; > moves the selected card to the
# next stage, both columns' totals change and the status line names the
# deal and both stages; Enter opens the deal; u puts the card back; w
# marks a deal won with a reason and it leaves the board; a adds a deal
# with the form; at 80x24 three columns show and the board scrolls
# sideways with the selection; a Chinese title keeps the column rule in
# place and control characters in a title show inert; Esc goes back to the
# rolodex, and "kith board" starts on the board.
. "$(dirname "$0")/lib.inc"

"$KITH" --db "$DB" add "Ana Petrović" --org "Northbridge Ltd" >/dev/null ||
	fail "add"
# Two more open stages, and deals as the deal core stores them (touched
# and stage_since in seconds; a first stage history row each).  KITH_NOW
# is 2026-03-10 09:00 UTC.
now=$(date -u -d "2026-03-10 09:00" +%s)
day=86400
sqlite3 "$DB" >/dev/null <<EOF || fail "setting up the deals"
INSERT INTO stage (name, pos, kind, probability)
    VALUES ('Proposal', 3, 'open', 40), ('Drafting', 4, 'open', 70);
UPDATE stage SET pos = pos + 2 WHERE kind <> 'open';
INSERT INTO deal (title, title_fold, stage_id, value_cents, currency, org_id,
    created, updated, stage_since, touched, next_step) VALUES
 ('Northbridge acquisition', 'northbridge acquisition',
  (SELECT id FROM stage WHERE name = 'Interest'), 1250000, 'EUR',
  (SELECT id FROM org WHERE name = 'Northbridge Ltd'),
  $now - 40 * $day, $now - 40 * $day, $now - 40 * $day, $now - 40 * $day,
  'call Ana re: fee'),
 ('Retainer 王小明合同书', 'retainer 王小明合同书',
  (SELECT id FROM stage WHERE name = 'Interest'), 300000, 'USD', NULL,
  $now - 3 * $day, $now - 3 * $day, $now - 3 * $day, $now - 3 * $day, NULL),
 ('Bell' || char(7) || ' and ' || char(27) || '[31mred',
  'bell and red', (SELECT id FROM stage WHERE name = 'Interest'), NULL, NULL,
  NULL, $now - $day, $now - $day, $now - $day, $now - $day, NULL),
 ('Petrović estate', 'petrovic estate',
  (SELECT id FROM stage WHERE name = 'Negotiation'), 500000, 'EUR', NULL,
  $now - 5 * $day, $now - 5 * $day, $now - 5 * $day, $now - 5 * $day,
  'send the draft'),
 ('Harbour lease', 'harbour lease',
  (SELECT id FROM stage WHERE name = 'Drafting'), 70000, 'GBP', NULL,
  $now - 2 * $day, $now - 2 * $day, $now - 2 * $day, $now - 2 * $day, NULL);
WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 12)
INSERT INTO deal (title, title_fold, stage_id, value_cents, currency,
    created, updated, stage_since, touched)
SELECT printf('Survey %02d', i), printf('survey %02d', i),
    (SELECT id FROM stage WHERE name = 'Proposal'), 10000, 'EUR',
    $now - 20 * $day, $now - 20 * $day, $now - 20 * $day,
    $now - (20 - i) * $day FROM n;
INSERT INTO deal_stage_history (deal_id, stage_id, at)
    SELECT id, stage_id, stage_since FROM deal;
EOF

# row TEXT: the screen's line that shows TEXT.
row() { screen | grep -F -- "$1" | head -n 1; }
# rule_at LINE: the display column of the first column rule on LINE.
rule_at() { printf '%s' "${1%%│*}" | wc -L; }

E2E_COLS=120
start
expect "/ search" "the rolodex"
keys p
expect "kith  pipeline  17 open deals" "p opens the board"
r=$(row "Interest")
expect_in "$r" "Interest" "a column per open stage"
expect_in "$r" "Negotiation" "in stage order"
expect_in "$r" "Drafting" "the fourth open stage shows at 120 columns"
expect_not_in "$r" "Won" "won and lost are no columns"
expect "12,500 EUR · 3,000 USD" "Interest's value per currency"
expect "5,000 EUR" "Negotiation's value"
counts=$(row "Interest" | tr -s ' ')
expect_in "$counts" "Interest 3 │ Negotiation 1 │ Proposal 12 │ Drafting 1" \
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
expect_in "$counts" "Interest 2 │ Negotiation 2" "the counts follow"
expect_gone "12,500 EUR · 3,000 USD" "Interest's total shrinks"
expect_not_in "$(screen)" "! Northbridge" "a moved deal is touched: no longer stalled"

# Enter opens the deal the selection followed.
keys Enter
expect "┌─ Northbridge acquisition" "Enter opens the moved deal"
expect "Negotiation, 0 days" "its stage and days in it"
expect "Organisation    Northbridge Ltd" "its details"
keys q
expect_gone "┌─ Northbridge acquisition" "q closes the deal"

# u puts the card back.
keys u
expect "Undone: moved Northbridge acquisition to Negotiation" "u undoes the move"
expect "12,500 EUR · 3,000 USD" "Interest's total is back"
counts=$(row "Interest" | tr -s ' ')
expect_in "$counts" "Interest 3 │ Negotiation 1" "the counts are back"
expect "! Northbridge acquisition" "and the card is stalled again"

# Won, with a reason: the card leaves the board.
keys j
keys w
expect "Mark Retainer 王小明合同书 won" "w asks for a reason, naming the deal"
type_text "signed today"
keys Enter
expect "Marked Retainer 王小明合同书 won: signed today; it left the board" \
    "the status line says so"
expect "kith  pipeline  16 open deals" "one open deal fewer"
expect_gone "12,500 EUR · 3,000 USD" "the won deal's value left the column"

# A deal added with the form shows in its stage.
keys a
expect "Add a deal" "a opens the form"
type_text "Lighthouse survey"
keys Tab
type_text "Harbour Board"
keys Tab
type_text "9,900"
keys Tab
keys C-u
type_text "GBP"
keys Enter
expect "Added Lighthouse survey to Interest" "the form adds the deal"
expect "9,900 GBP" "with its value"
expect "kith  pipeline  17 open deals" "the count follows"

# Esc goes back to the rolodex.
keys Escape
expect "/ search" "Esc goes back to the rolodex"
expect_gone "kith  pipeline  17 open deals" "the board is gone"

# 80x24: three columns, scrolling sideways with the selection.
E2E_COLS=80
E2E_ROWS=24
start
expect "/ search" "the rolodex at 80x24"
keys p
expect "stages 1–3 of 4 >" "three of four stages fit 80 columns"
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
keys h
keys h
keys h
expect "stages 1–3 of 4 >" "and back"
keys q
expect "/ search" "q goes back to the rolodex"

# kith board starts on the board; q goes on to the rolodex.
tm kill-server 2>/dev/null
starts=$((starts + 1))
SOCK="kith$$-$starts"
tm new-session -d -x 100 -y 30 -s t \
    "env TERM=screen '$KITH' --db '$DB' board; echo KITH-EXIT=\$?; sleep 600"
expect "kith  pipeline  17 open deals" "kith board starts on the board"
keys q
expect "/ search" "q goes on to the rolodex"
keys q
expect "KITH-EXIT=0" "and q quits"
