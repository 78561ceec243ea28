#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Forms end to end: adding contacts with Serbian and Chinese names (with
# backspace over multi-byte characters), cancelling, logging, follow-ups,
# archive and delete with confirmation, wide-character alignment, import.
. "$(dirname "$0")/lib.inc"

"$KITH" --db "$DB" add "Zoe Example" --org "Acme" >/dev/null
start
expect "1 contact" "empty-ish database opens"

# A Serbian name, with a typo erased by backspace over a Cyrillic letter.
keys a
expect "Add contact" "a opens the form"
type_text "Љубица Ђорђевићћ"
keys BSpace
keys Tab Tab Tab
type_text "Адвокатска канцеларија"
keys Tab Tab
type_text "ljubica@example.rs"
keys Tab
type_text "+381 11 555 0199"
keys Tab
type_text "client, serbia"
keys Enter
expect "Added Љубица Ђорђевић" "the form saves"
out=$("$KITH" --db "$DB" list ljubica --tsv)
expect_in "$out" "Љубица Ђорђевић	ljubica@example.rs	+381 11 555 0199	Адвокатска канцеларија" \
    "kith list finds the Serbian contact"
# The two words of the name are its first and last name, as with kith add.
out=$("$KITH" --db "$DB" export --format google -)
expect_in "$out" "Љубица,,Ђорђевић," "the form splits a two-word name for exports"

# A Chinese name: wide characters, backspace removes a whole character.
keys a
expect "Add contact" "a opens the form again"
type_text "王小红红"
keys BSpace
keys Tab Tab Tab
type_text "上海律师事务所"
keys Enter
expect "Added 王小红" "Chinese name saved"
out=$("$KITH" --db "$DB" list wang --tsv)
expect_in "$out" "王小红		" "kith list finds the Chinese contact by pinyin"
out=$("$KITH" --db "$DB" list 王小红红 --tsv)
expect_not_in "$out" "王小红红" "backspace removed one wide character"

# Wide characters keep the columns aligned: the rule is at cell 40.
expect "3 contacts" "three contacts"
bad=0
while IFS= read -r line; do
	case "$line" in *"│"*) ;; *) continue ;; esac
	w=$(printf '%s' "${line%%│*}" | wc -L)
	[ "$w" -eq 40 ] || bad=$((bad + 1))
done <<<"$(screen)"
if [ "$bad" -eq 0 ]; then pass; else fail "$bad rows misaligned"; fi

# Cancel without saving.
keys a
expect "Add contact" "form for cancelling"
type_text "Nobody Here"
keys Escape
expect "cancelled" "Esc cancels"
out=$("$KITH" --db "$DB" list nobody --tsv)
if [ -z "$out" ]; then pass; else fail "cancelled form saved: $out"; fi

# Edit: select 王小红 by search, change the title.
keys /
type_text "wang"
expect "1 match" "search by pinyin"
keys Enter
keys e
expect "Edit contact" "e opens the edit form"
keys Tab Tab
type_text "Partner"
keys Enter
expect "Partner, 上海律师事务所" "edit saved"

# Log an interaction and add a follow-up with a human date.
keys l
expect "Log an interaction" "l opens the log form"
keys Right
keys Tab Tab
type_text "lunch in Pudong"
keys Enter
expect "meeting lunch in Pudong" "interaction shown, newest first"
keys f
expect "Follow-up for" "f opens the follow-up form"
type_text "send the engagement letter"
keys Tab C-u
type_text "+2w"
keys Enter
expect "2026-03-24 send the engagement letter" "follow-up due in two weeks"

# Archive with confirmation, then delete with confirmation.
keys A
expect "Archive 王小红? (y/N)" "archive asks"
keys y
expect "Archived" "archived"
out=$("$KITH" --db "$DB" list wang --tsv)
if [ -z "$out" ]; then pass; else fail "archived contact still listed"; fi
keys Escape
expect "/ search" "Esc clears the search"
expect "2 contacts" "count drops after archiving"
keys /
type_text "zoe"
expect "1 match" "find Zoe"
keys Enter
keys D
expect "Delete Zoe Example" "delete asks"
keys n
expect "cancelled" "n keeps the contact"
keys D
expect "Delete Zoe Example" "delete asks again"
keys y
expect "Deleted" "deleted"
out=$("$KITH" --db "$DB" list zoe --tsv)
if [ -z "$out" ]; then pass; else fail "deleted contact still listed"; fi

# Import from inside, with Tab completion of the file name.
printf 'Name,E-mail\nPetar Jovanović,petar@example.rs\nMarta Novak,marta@example.si\n' \
    >"$T/people-import.csv"
keys Escape
expect "/ search" "Esc clears the search again"
keys i
expect "Import a CSV file" "i asks for a file"
type_text "$T/people-im"
keys Tab
expect "people-import.csv" "Tab completes the file name"
keys Enter
expect "imported 2 rows: 2 added" "import summary"
keys Enter
expect "Petar Jovanović" "imported contact listed"

keys q
expect "KITH-EXIT=0" "quit"
