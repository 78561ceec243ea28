#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The duplicates screen (issue 13): M lists the demo book's nickname pair
# with its score and reason; Enter compares Robert Lin and Bob Lin side by
# side; Space on the name takes Bob Lin's; m asks, naming both, and merges
# (kith show sees Robert Lin's record under Bob Lin's name, with both
# e-mails); u undoes it; n marks the pair not the same person and it is
# no longer listed.
. "$(dirname "$0")/lib.inc"

demo_db
start
expect "Alex Rivera" "the list"
keys M
expect "1 likely pair" "M opens the duplicates screen"
expect "nickname at Northbridge Bank" "the pair with its reason"
expect "   60  Robert Lin" "its score"
keys Enter
expect "merge  Robert Lin (#17) and Bob Lin (#64)" "Enter: side by side"
expect "● Robert Lin" "the left one's name is kept by default"
keys Space
expect "● Bob Lin" "Space takes Bob Lin's name"
keys j j j j
keys Space
expect "only one of them has a title: it is kept" \
    "a field only one has cannot be switched"
keys m
expect "Merge Bob Lin (#64) into Robert Lin (#17), taking its name?" \
    "m asks, naming both and the field taken"
keys y
expect "Merged Bob Lin into Robert Lin. u to undo" "the merge is said"
expect "0 likely pairs" "the pair is gone"
out=$("$KITH" --db "$DB" show 17)
expect_in "$out" "Bob Lin — Head of Trade Finance, Northbridge Bank" \
    "kith show: Bob Lin's name on the record kept, its title kept"
expect_in "$out" "boblin@example.com" "kith show: the other's e-mail"
expect_in "$out" "robert.lin@northbridge.example" "kith show: its own"
expect_in "$out" "aka        Robert Lin" "the old name is an alias"
"$KITH" --db "$DB" show 64 >/dev/null 2>&1 && fail "64 is still there" ||
    pass
keys u
expect "Undone: merged Bob Lin into Robert Lin" "u undoes the merge"
expect "1 likely pair" "the pair is back"
out=$("$KITH" --db "$DB" show 64)
expect_in "$out" "Bob Lin — Northbridge Bank" "kith show: Bob Lin is back"

keys n
expect "Robert Lin (#17) and Bob Lin (#64) are not the same person" \
    "n asks, naming both"
keys y
expect "Marked Robert Lin and Bob Lin not the same person" "said"
expect "No likely duplicates." "the pair is no longer proposed"
out=$("$KITH" --db "$DB" dupes)
expect_in "$out" "no likely duplicates" "kith dupes agrees"
keys q
expect "Alex Rivera" "q goes back to the rolodex"
