#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The contact pane lists the person's deals as kith show does (issue 11):
# on the demo book Ana Petrović is on two, an open one first, each with its
# stage, title and her role; someone on no deal has no such section; with
# the book's word set to "matter" the section is "Matters".
. "$(dirname "$0")/lib.inc"

demo_db
E2E_COLS=130
E2E_ROWS=40

# show_contact QUERY NAME: searches for QUERY and leaves NAME selected.
show_contact() {
	keys /
	type_text "$1"
	expect "/ $1" "the search line"
	keys Enter
	expect "│ $2" "the contact pane shows $2"
}

start
expect "Alex Rivera" "the list"
show_contact "ana petr" "Ana Petrović"
expect "│ Deals" "Ana's deals"
expect "│   Negotiation  Sanctions advice for Severny Veter — referrer" \
    "the open deal with stage and role"
expect "│   Won          Belgrade energy mandate — client" \
    "the won deal after it"
# The order of kith show: open first.
s=$(screen)
first=$(echo "$s" | grep -n "Sanctions advice" | cut -d: -f1)
second=$(echo "$s" | grep -n "Belgrade energy mandate —" | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ] && pass ||
	fail "the open deal is not listed first"
cli=$("$KITH" --db "$DB" show "Ana Petrović")
expect_in "$cli" "Sanctions advice for Severny V referrer         Negotiation" \
    "kith show lists the same"

# Nobody's deals for someone on none.
keys Escape
# The key bar says "/ search" too: wait for the query to go, so that the
# next / is not read with the Esc as Alt+/.
expect_gone "/ ana petr" "search closed"
show_contact "anna koh" "Anna Köhler"
expect_gone "│ Deals" "no deals section for Anna Köhler"

# The book's word.
tm send-keys -t t q
expect "KITH-EXIT=0" "quit"
"$KITH" --db "$DB" config deal-word matter >/dev/null
start
expect "Alex Rivera" "the list again"
show_contact "ana petr" "Ana Petrović"
expect "│ Matters" "the section says Matters"
expect "│   Won          Belgrade energy mandate — client" "the same lines"
