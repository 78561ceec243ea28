#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The search line understands in:deal as kith list does (issue 11): on the
# demo book, "/in:deal" lists exactly the people of `kith list --in-deal`,
# in the same order, with their count; words typed on narrow it as `kith
# list in:deal WORDS` does; Esc brings the whole book back.
. "$(dirname "$0")/lib.inc"

# The names of the list pane, top to bottom, down to the alerts (the text
# before the first run of two spaces, an overdue mark dropped).
list_names() {
	screen | awk 'NR >= 3 { if (/^──/) exit; print }' | sed 's/│.*//' |
	    sed 's/^ *!\{0,1\} *//; s/  .*//; s/ *$//' | grep -v '^$'
}

# cli_names ARGS...: the names kith list prints for ARGS, in order.
cli_names() {
	"$KITH" --db "$DB" list --tsv "$@" | cut -f2
}

demo_db
E2E_COLS=130
E2E_ROWS=40
want=$(cli_names --in-deal)
n=$(echo "$want" | wc -l)
[ "$n" -gt 5 ] && pass || fail "the demo book has people on open deals"

start
expect "Alex Rivera" "the list"
keys /
type_text "in:deal"
expect "/ in:deal" "the search line"
expect "$n matches" "as many matches as kith list --in-deal"
keys Enter
settle
got=$(list_names)
if [ "$got" = "$want" ]; then pass; else
	fail "the list is not kith list --in-deal: got
$got
expected
$want"; fi

# Words narrow it as in kith list.
keys /
type_text " lumen"
expect "/ in:deal lumen" "words typed on"
want2=$(cli_names in:deal lumen)
expect "$(echo "$want2" | wc -l) matches" "the narrowed count"
keys Enter
settle
got=$(list_names)
if [ "$got" = "$want2" ]; then pass; else
	fail "in:deal lumen: got
$got
expected
$want2"; fi

# Esc: the whole book again.
keys /
expect "/ in:deal lumen" "the search reopened"
keys Escape
expect "/ search" "Esc closes the search"
expect "Anna Köhler" "the whole book is back"
