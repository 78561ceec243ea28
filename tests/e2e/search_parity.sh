#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The TUI's search line finds what `kith list QUERY` finds (one planner in
# the core for both): the loose matcher's names for a word ("alexei" finds
# Алексей Смирнов, "bob" finds Robert Lin as well as Bob Lin), an e-mail
# and a phone typed as digits; the count the TUI shows is the number of
# lines kith list prints, typed a letter at a time as a user does.
. "$(dirname "$0")/lib.inc"

demo_db
start
expect "│ Alex Rivera" "the list starts with Alex Rivera"

# search QUERY NAME WHAT: types QUERY into a fresh search; NAME is shown,
# with as many matches as kith list prints; Esc closes the search.
search() {
	local n word
	n=$("$KITH" --db "$DB" list --tsv "$1" | wc -l)
	[ "$n" -eq 1 ] && word=match || word=matches
	keys /
	type_text "$1"
	expect "/ $1" "typed '$1'"
	expect " $n $word" "'$1': the count kith list gives ($n)"
	# A row of the list (the alerts' rows start with how late they are).
	if screen | grep -qE "^[ !] +$2 "; then pass; else fail "$3"; fi
	keys Escape
	expect "/ search" "Esc closes the search"
}

search alexei "Алексей Смирнов" "a transliteration of Алексей"
search aleksei "Алексей Смирнов" "another spelling"
search bob "Robert Lin" "a nickname: bob finds Robert"
search bill "William Hughes" "a nickname: bill finds William"
search "smirnov@" "Алексей Смирнов" "an e-mail"
search 381115550101 "Ana Petrović" "a phone as digits"
search "petr ana" "Ana Petrović" "prefixes of two words"
