#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# kith list --sort strength|name (issue 12): strongest first with the
# strength before the name, name order among equal strengths, the same
# strength kith cadence ID shows, --tsv columns unchanged, --sort name the
# default order, and an unknown sort refused with exit 2.
. "$(dirname "$0")/lib.inc"
: "${KITH_SRC:?set KITH_SRC to the source tree}"

export KITH_NOW='2026-03-10 12:00'
run demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "demo loads"

run list
expect_rc 0 "list"
byname=$out
run list --sort name
expect_out "$byname" "--sort name is the default order"

run list --sort strength
expect_rc 0 "list --sort strength"
bystrength=$out
n1=$(printf '%s\n' "$byname" | grep -c .)
n2=$(printf '%s\n' "$bystrength" | grep -c .)
if [ "$n1" -eq "$n2" ]; then pass; else fail "$n2 rows sorted by strength, $n1 by name"; fi
# Column 3 (after the id and the mark) is the strength: never rising.
bad=$(printf '%s\n' "$bystrength" | cut -c10-12 | awk 'NR > 1 && $1 > prev { print } { prev = $1 }')
if [ -z "$bad" ]; then pass; else fail "strengths rise in: $bad"; fi
first=$(printf '%s\n' "$bystrength" | sed -n 1p)
expect_in "$first" " 61 Ana Petrović" "the strongest first"
run cadence 28
expect_in "$out" "strength 61:" "the same strength as kith cadence shows"
# Among equal strengths (56: Alex Rivera, Élodie Delacroix), name order.
ties=$(printf '%s\n' "$bystrength" | awk 'substr($0, 10, 3) == " 56"' |
    cut -c14-41)
named=$(printf '%s\n' "$byname" | cut -c10-37 | grep -Fx -f <(printf '%s\n' "$ties"))
expect_in "$ties" "Alex Rivera" "Alex Rivera has 56"
if [ "$ties" = "$named" ]; then pass; else
	fail "ties not in name order: $ties / $named"; fi

run list --sort strength --tsv
expect_rc 0 "list --sort strength --tsv"
bad=$(printf '%s\n' "$out" | awk -F'\t' 'NF != 5' | wc -l)
if [ "$bad" -eq 0 ]; then pass; else fail "--tsv: $bad lines without 5 fields"; fi
expect_in "$(printf '%s\n' "$out" | sed -n 1p)" "$(printf '28\tAna Petrović\t')" "--tsv strongest first"

run list --sort strength lin
expect_rc 0 "a query sorted by strength"
n=$(printf '%s\n' "$out" | grep -c .)
if [ "$n" -eq 2 ]; then pass; else fail "lin matches $n, not 2: $out"; fi

# Archived contacts: left out unless --archived, in their place then.
run rm 28 --archive
expect_rc 0 "archive Ana Petrović"
run list --sort strength
expect_not_in "$out" "Ana Petrović" "an archived contact is left out"
run list --sort strength --archived --tsv
expect_in "$(printf '%s\n' "$out" | sed -n 1p)" "$(printf '28\tAna Petrović\t')" \
    "--archived: in its place, first"
run rm 28 --unarchive
expect_rc 0 "unarchive Ana Petrović"

run list --sort size
expect_rc 2 "an unknown sort"
expect_in "$err" "--sort 'size': expected strength or name" "names the choices"
