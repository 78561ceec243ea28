#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Duplicates, merging and aliases on the demo book (issue 13): kith dupes
# finds Bob Lin and Robert Lin at Northbridge Bank by nickname; kith merge
# asks first, refuses a contact with itself or a missing one, keeps
# everything of both, and kith undo gives both back exactly; kith dupes
# --not-same hides a pair; kith alias adds a name that list and lookups
# find; the loose matcher serves kith list and lookups.
. "$(dirname "$0")/lib.inc"
: "${KITH_SRC:?set KITH_SRC to the source tree}"
export KITH_NOW="2026-03-10 12:00"

run demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "demo loads"

# The nickname pair, with its score and reason.
run dupes
expect_rc 0 "dupes"
expect_in "$out" "Robert Lin" "dupes names Robert Lin"
expect_in "$out" "Bob Lin" "dupes names Bob Lin"
expect_in "$out" "nickname at Northbridge Bank" "dupes says why"
run dupes --tsv
expect_out "$(printf '60\t17\tRobert Lin\t64\tBob Lin\tnickname at Northbridge Bank')" \
    "dupes --tsv"

# Transliteration, nicknames and sound-alikes in kith list and lookups.
run list alexei --tsv
expect_in "$out" "Алексей Смирнов" "list alexei finds Алексей"
run list "alexey smirnov" --tsv
expect_in "$out" "Алексей Смирнов" "list alexey smirnov"
run list petrovich --tsv
expect_in "$out" "Ana Petrović" "list petrovich finds Petrović"
run list bill --tsv
expect_in "$out" "William Hughes" "list bill finds William"
run show "Aleksey Smirnov"
expect_rc 0 "show by a variant spelling"
expect_in "$out" "Алексей Смирнов" "show finds Алексей"

# Merge: refused with itself, with nobody, and without a terminal.
run merge 17 17 --yes
expect_rc 1 "merge with itself"
expect_in "$err" "cannot merge Robert Lin (#17) with itself" "says why"
run merge 17 999 --yes
expect_rc 1 "merge with a missing id"
expect_in "$err" "no contact with id 999" "names the id"
before=$("$KITH" export - 2>&1)
rows_keep=$("$KITH" show 17)
rows_other=$("$KITH" show 64)
run merge 17 64 </dev/null
expect_rc 1 "merge without a terminal asks for --yes"
expect_in "$err" "Robert Lin (#17)" "names the one kept"
expect_in "$err" "Bob Lin (#64)" "names the one merged"
expect_in "$err" "--yes" "says --yes"
run show 64
expect_rc 0 "nothing merged yet"

run merge "Robert Lin" "Bob Lin" --yes
expect_rc 0 "merge"
expect_out "merged Bob Lin (#64) into Robert Lin (#17)" "merge says what"
run show 64
expect_rc 1 "the other is gone"
run show 17
expect_in "$out" "boblin@example.com" "the e-mail of both"
expect_in "$out" "robert.lin@northbridge.example" "the e-mail kept"
expect_in "$out" "aka        Bob Lin" "show names the alias"
run alias 17
expect_out "Bob Lin" "the other's name is an alias"
run show "Bob Lin"
expect_rc 0 "the alias finds the contact"
expect_in "$out" "Robert Lin" "... the one kept"
run dupes --tsv
expect_not_in "$out" "Bob Lin" "merged pair is no longer proposed"

# Undo gives both back, exactly.
run undo
expect_rc 0 "undo"
expect_in "$out" "merged Bob Lin into Robert Lin" "undo names the merge"
after=$("$KITH" export - 2>&1)
[ "$before" = "$after" ] && pass || fail "export after undo differs"
run show 17
[ "$out" = "$rows_keep" ] && pass || fail "Robert Lin restored: $out"
run show 64
[ "$out" = "$rows_other" ] && pass || fail "Bob Lin restored: $out"

# --take: OTHER's name wins, KEEP's old name becomes the alias.
run merge 17 64 --take name,phone --yes
expect_rc 1 "--take of a field it cannot take"
expect_in "$err" 'no field "phone"' "names the field"
run merge 17 64 --take name --yes
expect_rc 0 "merge --take name"
run show 17
expect_in "$out" "Bob Lin — Head of Trade Finance, Northbridge Bank" \
    "the other's name, keep's title"
run alias 17
expect_out "Robert Lin" "keep's old name is the alias"
run undo
expect_rc 0 "undo the merge --take"
after=$("$KITH" export - 2>&1)
[ "$before" = "$after" ] && pass || fail "export after undo of --take differs"

# Not the same: never proposed again; undoable too.
run dupes --not-same "Robert Lin" 64
expect_rc 0 "not-same"
expect_out "marked not the same: Robert Lin (#17) and Bob Lin (#64)" \
    "not-same says what"
run dupes
expect_out "no likely duplicates" "the pair is gone"
run dupes --not-same 17 17
expect_rc 1 "not-same with itself"
run undo
run dupes --tsv
expect_in "$out" "Bob Lin" "undo brings the pair back"

# Aliases of contacts and organisations.
run alias "Ana Petrović" "Ana Jovanović"
expect_rc 0 "alias add"
expect_in "$out" "added the alias Ana Jovanović to Ana Petrović (#" "alias add says"
run alias "Ana Petrović" "ana jovanovic"
expect_rc 1 "the same alias twice"
run list jovanovic --tsv
expect_in "$out" "Ana Petrović" "list finds the alias"
run alias --remove "Ana Petrović" "Ana Jovanovic"
expect_rc 0 "alias remove"
run list jovanovic --tsv
expect_not_in "$out" "Ana Petrović" "removed alias no longer found"
run alias --org "Northbridge Bank PLC" "Northbridge Savings"
expect_rc 0 "org alias by a name with a suffix"
expect_out "added the alias Northbridge Savings to Northbridge Bank" "org alias says"
run alias --org "northbridge savings"
expect_out "Northbridge Savings" "org alias list, found by the alias"
run alias --org "Nowhere Ltd" "X"
expect_rc 1 "no such organisation"
expect_in "$err" "no organisation is called 'Nowhere Ltd'" "says so"
run alias 999 "X"
expect_rc 1 "no such contact"
