#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The contact list strongest first (issue 12): S orders the list by
# relationship strength, strongest first and name order among equals,
# each row showing its strength before the name, the header saying so;
# the selection stays on its contact both ways; a search still filters
# (its strongest match selected); S again restores the name order; a
# touch logged meanwhile by another kith reorders the list.  At 80x24.
. "$(dirname "$0")/lib.inc"

E2E_COLS=80
E2E_ROWS=24
k() { "$KITH" --db "$DB" "$@" >/dev/null || fail "kith $*"; }
for who in "Ana Petrović:Acme" "Bob Smith:Other" "Cara Lind:Acme" \
    "Dan Ortiz:Acme" "Émile Roux:Acme" "Zoe Young:Acme"; do
	k add "${who%%:*}" --org "${who#*:}"
done
# KITH_NOW is 2026-03-10: Zoe 61, Cara 45, Bob 31, the rest never
# touched (0, in name order).
k log zoe --kind meeting --at 2026-03-01 "lunch"
k log zoe --kind call --at 2025-03-01 "call"
k log cara --kind call --at 2026-03-05 "call"
k log bob --kind email --at 2026-01-05 "mail"
s=$("$KITH" --db "$DB" list --sort strength --tsv | cut -f2 | tr '\n' ,)
expect_in "$s" "Zoe Young,Cara Lind,Bob Smith,Ana Petrović,Dan Ortiz,Émile Roux," \
    "kith list --sort strength gives the same order"

# rows: the list's names (the list pane, rows 3-8), one per line.
rows() { screen | sed -n '3,8p' | sed 's/│.*//; s/^ *//; s/ *$//'; }

start
expect "Ana Petrović" "the list"
expect "S sort" "the key bar offers the order"
keys j j
expect "│ Cara Lind" "Cara Lind selected"
keys S
expect "strongest first" "the header says the order"
expect "61 Zoe Young" "the strongest first, with its strength"
r=$(rows | tr '\n' ,)
expect_in "$r" "61 Zoe Young      Acme,45 Cara Lind      Acme,31 Bob Smith      Other,0 Ana Petrović   Acme,0 Dan Ortiz      Acme,0 Émile Roux     Acme," \
    "strongest first, name order among equals"
expect "│ Cara Lind" "the selection stays on Cara Lind"
keys j
expect "│ Bob Smith" "moving in the order"

# A search: the filter applies, strongest first, its strongest selected.
keys /
type_text "acme"
expect "5 matches" "searched"
keys Enter
expect "│ Zoe Young" "the strongest match selected"
r=$(rows | tr '\n' ,)
expect_in "$r" "61 Zoe Young      Acme,45 Cara Lind      Acme,0 Ana Petrović   Acme,0 Dan Ortiz      Acme,0 Émile Roux     Acme," \
    "the matches strongest first"
expect_not_in "$r" "Bob Smith" "the filter applies"
keys j j j
expect "│ Dan Ortiz" "Dan Ortiz selected"

# S again: name order, the selection kept.
keys S
expect_gone "strongest first" "the header no longer says it"
expect "  Ana Petrović       Acme" "the name order, without strengths"
r=$(rows | tr '\n' ,)
expect_in "$r" "Ana Petrović       Acme,Cara Lind          Acme,Dan Ortiz          Acme,Émile Roux         Acme,Zoe Young          Acme," \
    "name order restored"
expect "│ Dan Ortiz" "the selection stays on Dan Ortiz"

# Strongest first again, and another kith logs a meeting with Dan.
keys S
expect "61 Zoe Young" "strongest first again"
expect "│ Dan Ortiz" "still on Dan Ortiz"
k log dan --kind meeting "board meeting"
expect "│ Dan Ortiz" "Dan Ortiz stays selected"
# One meeting today: 48, second after Zoe.
expect "48 Dan Ortiz" "the touch moved Dan Ortiz up, with his new strength"
r=$(rows | tr '\n' ,)
expect_in "$r" "61 Zoe Young      Acme,48 Dan Ortiz      Acme,45 Cara Lind      Acme," \
    "reordered after the touch"

# The help overlay lists the key.
keys '?'
expect "order the list by name or strongest first" "the help lists S"
keys q
expect_gone "order the list by name or strongest first" "help closed"
keys q
expect "KITH-EXIT=0" "quit"
