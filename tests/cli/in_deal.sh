#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The contact list filtered to the people on open deals, on the demo book:
# `kith list --in-deal` and the query filter `in:deal` (any case, or
# `in:matter`) are one set, the people listed under People by `kith deal
# show` for the deals in an open stage, no more and no fewer, in name
# order; with words, the set narrowed by them; a deal closed takes its
# people out unless another open deal holds them.
#
# Environment (set by CTest): KITH (the binary), KITH_TEST_TMP (scratch
# folder), KITH_SRC (source tree).  Prints "N passed, N failed".
. "$(dirname "$0")/lib.inc"
: "${KITH_SRC:?set KITH_SRC to the source tree}"
export KITH_NOW="2026-03-10 12:00"

run demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "demo loads"

# The people on open deals, read from the deal sheets.
open_people() {
	local stages id
	stages=$("$KITH" stage list | awk '$3 == "open" { print $2 }')
	"$KITH" deal list --tsv | while IFS=$'\t' read -r id _ _ stage _; do
		case " $(echo $stages) " in *" $stage "*) ;; *) continue ;; esac
		"$KITH" deal show "$id" | awk '/^People$/ { on = 1; next }
		    /^$/ { on = 0 } on' | sed -n 's/.*(#\([0-9]*\))$/\1/p'
	done | sort -n | uniq
}

want=$(open_people)
[ "$(echo "$want" | wc -l)" -gt 5 ] && pass ||
	fail "the demo book has people on open deals: '$want'"

run list --in-deal --tsv
expect_rc 0 "list --in-deal"
flag=$out
got=$(echo "$flag" | cut -f1 | sort -n)
if [ "$got" = "$want" ]; then pass; else
	fail "list --in-deal is not the people on open deals: got
$got
expected
$want"; fi

# In name order: as the whole list, filtered.
run list --tsv
order=$(echo "$out" | cut -f1 | grep -Fx -f <(echo "$want"))
if [ "$(echo "$flag" | cut -f1)" = "$order" ]; then pass; else
	fail "list --in-deal is not in name order"; fi

# The query filter is the same set, however it is written.
for q in in:deal IN:DEAL In:Deal in:matter; do
	run list --tsv "$q"
	expect_rc 0 "list $q"
	expect_out "$flag" "list $q is list --in-deal"
done

# With words: the set narrowed by them, the filter anywhere in the query.
run list --tsv petrović
all_petr=$out
run list --in-deal --tsv petrović
expect_rc 0 "--in-deal with a word"
narrowed=$out
expect_in "$narrowed" "Ana Petrović" "Ana is on an open deal"
run list --tsv petrović in:deal
expect_out "$narrowed" "the filter after the words"
run list --tsv in:deal petrović
expect_out "$narrowed" "the filter before the words"
for id in $(echo "$narrowed" | cut -f1); do
	echo "$want" | grep -qx "$id" && pass || fail "#$id is not on a deal"
	echo "$all_petr" | grep -q "^$id	" && pass ||
		fail "#$id does not match petrović"
done

# A word that looks like the filter is a word.
run list in:dealer
expect_rc 0 "in:dealer"
expect_out "" "in:dealer is words, matching nobody"
expect_in "$err" "no contact matches 'in:dealer'" "in:dealer says so"

# Someone only on closed deals is left out; closing a deal takes its
# people out unless another open deal holds them.
run deal list --tsv
closed=$(echo "$out" | awk -F'\t' '$4 == "Won" || $4 == "Lost" { print $1 }')
for d in $closed; do
	for id in $("$KITH" deal show "$d" | awk '/^People$/ { on = 1; next }
	    /^$/ { on = 0 } on' | sed -n 's/.*(#\([0-9]*\))$/\1/p'); do
		if echo "$want" | grep -qx "$id"; then continue; fi
		echo "$flag" | grep -q "^$id	" &&
			fail "#$id, only on closed deals, is listed" || pass
	done
done
run deal won "Sanctions advice"
expect_rc 0 "close the sanctions deal"
after=$(open_people)
run list --tsv in:deal
if [ "$(echo "$out" | cut -f1 | sort -n)" = "$after" ]; then pass; else
	fail "after closing: got
$(echo "$out" | cut -f1 | sort -n)
expected
$after"; fi
[ "$after" != "$want" ] && pass || fail "closing changed nobody's place"
