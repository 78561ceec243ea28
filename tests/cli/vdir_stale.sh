#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith export --format vdir DIR removes the cards it wrote there before
# for contacts that are gone (deleted, or merged into another), naming
# each and asking first; without a terminal it refuses unless --yes.
# Files it did not write (a phone's card, a note) are never touched.
. "$(dirname "$0")/lib.inc"
V="$T/vdir"

run add "Ana Petrović" --email ana@acme.example
run add "Bob Smith" --email bob@example.com
run add "Cy Young" --email cy@example.com
run add "Cyrus Young" --email cyrus@example.com
run export --format vdir "$V" </dev/null
expect_rc 0 "first export"
expect_in "$err" "(4 files written, 0 unchanged)" "four cards"
[ -f "$V/.kith-vdir" ] && pass || fail "the export lists what it wrote"
bob=$(grep -l '^FN:Bob Smith' "$V"/*.vcf)
cyrus=$(grep -l '^FN:Cyrus Young' "$V"/*.vcf)
[ -n "$bob" ] && [ -n "$cyrus" ] && pass || fail "cards of Bob and Cyrus"

# What kith did not write: a phone's card and a note.
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:phone-1\r\nFN:Dee Phone\r\nEND:VCARD\r\n' \
    >"$V/phone-1.vcf"
echo "my notes" >"$V/notes.txt"

run rm Bob --yes
run merge 3 4 --yes
expect_rc 0 "merge Cyrus into Cy"

# No terminal, no --yes: it names the stale cards, refuses, changes nothing.
run export --format vdir "$V" </dev/null
expect_rc 1 "refused without a terminal"
expect_in "$err" "holds 2 cards kith wrote for contacts no longer in the book" \
    "says what is stale"
expect_in "$err" "$bob (Bob Smith)" "names Bob's card"
expect_in "$err" "$cyrus (Cyrus Young)" "names the merged card"
expect_in "$err" "--yes" "says how to go ahead"
[ -f "$bob" ] && [ -f "$cyrus" ] && pass || fail "nothing removed when refused"

# On a terminal, "n" keeps everything.
if command -v script >/dev/null 2>&1; then
	o=$(printf 'n\n' | script -qec "$(printf '%q export --format vdir %q' \
	    "$KITH" "$V")" /dev/null 2>&1)
	expect_in "$o" "Remove them and export? [y/N]" "asks on a terminal"
	expect_in "$o" "not confirmed" "n: not confirmed"
	[ -f "$bob" ] && pass || fail "n keeps the cards"
fi

run export --format vdir "$V" --yes </dev/null
expect_rc 0 "--yes removes them"
expect_in "$err" "removed $bob" "names the removal"
expect_in "$err" "2 removed)" "counts the removals"
[ ! -e "$bob" ] && [ ! -e "$cyrus" ] && pass || fail "stale cards removed"
[ -f "$V/phone-1.vcf" ] && [ -f "$V/notes.txt" ] && pass ||
	fail "files kith did not write are kept"
[ "$(ls "$V"/*.vcf | wc -l)" = 3 ] && pass || fail "Ana, Cy and the phone's card"

run export --format vdir "$V" </dev/null
expect_rc 0 "nothing stale any more"
expect_not_in "$err" "no longer in the book" "nothing to ask"

# A card kith wrote, replaced by another card under its name, is kept.
run rm Ana --yes
ana=$(grep -l '^FN:Ana Petrović' "$V"/*.vcf)
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nUID:someone-else\r\nFN:Else\r\nEND:VCARD\r\n' \
    >"$ana"
run export --format vdir "$V" </dev/null
expect_rc 0 "a replaced card is not kith's any more"
[ -f "$ana" ] && pass || fail "the replaced card is kept"

# A folder written before the manifest existed: nothing is taken for stale.
rm "$V/.kith-vdir"
run add "Eve Late" --email eve@example.com
run export --format vdir "$V" </dev/null
run rm Eve --yes
rm "$V/.kith-vdir"
run export --format vdir "$V" </dev/null
expect_rc 0 "no manifest, nothing stale"
ls "$V"/*.vcf | xargs grep -l '^FN:Eve Late' >/dev/null && pass ||
	fail "without a manifest Eve's card stays"

run export --format ics --yes
expect_rc 2 "--yes is for vdir"
