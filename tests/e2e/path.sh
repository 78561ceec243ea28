#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# P on a contact shows how you know them (issue 13): with no "me" set the
# status line says how to set it; with kith me set, the pager shows the
# shortest chains from you, as kith path prints them; q closes it.
. "$(dirname "$0")/lib.inc"

demo_db
E2E_COLS=130
E2E_ROWS=30
start
expect "Alex Rivera" "the list"
keys /
type_text "marko"
expect "Marko Petrović" "the search finds Marko"
keys Enter
settle
keys P
expect "kith me" "without me, P says how to set it"
"$KITH" --db "$DB" me "Eleanor Hartley" >/dev/null 2>&1 &&
    pass || fail "kith me sets Eleanor"
want=$("$KITH" --db "$DB" path "Marko Petrović" | head -1)
start
expect "Alex Rivera" "the list again"
keys /
type_text "marko"
expect "Marko Petrović" "the search finds Marko again"
keys Enter
settle
keys P
expect "How you know Marko Petrović" "the pager's title"
expect "${want#1. }" "the pager shows kith path's chain"
keys q
expect_gone "How you know Marko Petrović" "q closes the pager"
