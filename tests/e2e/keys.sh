#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Keys the terminal sends as sequences, and bracketed paste (issue 10):
# End, F5, Home, Insert, Alt+x, Ctrl+Left inside a form leave it open with
# its text intact; unknown escape sequences and Alt+letter are read whole
# and ignored, never as Esc plus commands; pasted text goes into the field
# being edited (a line break becomes a space) and is never run as keys,
# also where no field is open; a paste over 64 KiB is cut and says so;
# bracketed paste is off while $EDITOR runs and after kith quits.
. "$(dirname "$0")/lib.inc"

"$KITH" --db "$DB" add "Zoe Example" >/dev/null
"$KITH" --db "$DB" add "Olga Dropped" >/dev/null

# paste TEXT [OPTIONS]: pastes TEXT as the terminal would (bracketed when
# kith asked for it; tmux turns line feeds into CR unless -r).
paste() {
	tm set-buffer -b p -- "$1"
	shift
	tm paste-buffer -p "$@" -b p -t t
}

# Each part starts kith afresh, so that each fails on its own.
# Function keys and keys with modifiers inside a form.
start
expect "2 contacts" "kith opens"
keys a
expect "Add contact" "a opens the add form"
type_text "Ann Smit"
keys End
keys F5
keys Home
type_text "Mary-"
keys Insert
keys M-x
keys C-Left
keys F12 PPage NPage
keys End
type_text "h"
expect "Mary-Ann Smith" "Home and End move the cursor; the other keys type nothing"
expect_in "$(screen)" "Add contact" "the form is still open"
keys Enter
expect "Added Mary-Ann Smith" "the form saves what was typed"
out=$("$KITH" --db "$DB" list mary --tsv)
expect_in "$out" "	Mary-Ann Smith	" "the name is stored without stray characters"

# An unknown sequence, sent raw, is not Esc (cancel) plus "[99~".
start
expect " contacts" "kith opens for the raw sequence"
keys a
expect "Add contact" "a opens the add form for the raw sequence"
type_text "Zed Raw"
tm send-keys -t t -H 1b 5b 39 39 7e
keys Enter
expect "Added Zed Raw" "the form was not cancelled"
out=$("$KITH" --db "$DB" list zed --tsv)
expect_in "$out" "	Zed Raw	" "no part of the sequence was typed"

# alive_after WHAT COMMAND...: on the main screen, after COMMAND sends
# keys that are no command ('q' quits, 'a' adds), kith is still running
# and on its main screen: a search finds Zoe.
alive_after() {
	local what=$1
	shift
	start
	expect " contacts" "kith opens ($what)"
	"$@"
	keys /
	type_text "zoe"
	expect "1 match" "$what: kith still runs, no form opened"
}
alive_after "Alt+q" keys M-q
alive_after "Alt+a" keys M-a
alive_after "a CSI sequence ending in q" tm send-keys -t t -l $'\e[1;5q'
alive_after "an SS3 sequence ending in a" tm send-keys -t t -l $'\eOa'
alive_after "a paste of q" paste q
# The terminal is raw: Ctrl-\ typed makes no SIGQUIT, and Ctrl-C, Ctrl-\
# and Ctrl-Z inside a paste are text, not signals.
alive_after "Ctrl-\\ typed" keys 'C-\'
alive_after "a paste holding Ctrl-C, Ctrl-\\ and Ctrl-Z" \
    paste $'abc\x03def\x1cghi\x1ajkl'
keys Escape
expect "/ search" "Esc still closes the search"

# A paste into the search line: CRLF becomes one space.
start
expect " contacts" "kith opens for the search paste"
keys /
paste $'Zoe\r\nExample' -r
expect "/ Zoe Example" "pasted text goes into the search line"
expect "1 match" "and searches"

# A bracketed paste of "hello\nq" into the log form's summary.
start
expect " contacts" "kith opens for the log form"
keys /
type_text "zoe"
expect "1 match" "find Zoe"
keys Enter
keys l
expect "Log an interaction" "l opens the log form"
keys Tab Tab
paste $'hello\nq'
expect "hello q" "the paste is in the field, the line break a space"
paste $' Ref 2026/031\x03 urgent'
expect "hello q Ref 2026/031 urgent" "a Ctrl-C in a paste neither quits nor loses the form"
keys Enter
expect "Logged" "the form saves"
out=$("$KITH" --db "$DB" show zoe)
expect_in "$out" "hello q" "the summary is stored"
expect_not_in "$(screen)" "KITH-EXIT" "kith did not quit"

# Into the notes of the contact form, a paste keeps its line breaks.
keys a
expect "Add contact" "a opens the add form"
type_text "Lines Person"
keys BTab
paste $'first line\nsecond line\nq'
expect "first line second line q" "the pasted notes are in the field"
keys Enter
expect "Added Lines Person" "the form saves"
notes=$(sqlite3 "$DB" "SELECT hex(notes) FROM contact WHERE display = 'Lines Person'")
want=$(printf 'first line\nsecond line\nq' | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
[ "$notes" = "$want" ] && pass || fail "notes pasted into the form lost their lines: $notes"
expect_not_in "$(screen)" "KITH-EXIT" "kith did not quit"

# The finder takes pastes too.
start
expect " contacts" "kith opens for the finder"
keys /
type_text "zoe"
expect "1 match" "find Zoe again"
keys Enter
keys r
expect "Link Zoe Example to" "r opens the finder"
paste $'Mary\nq'
expect "/ Mary q" "the paste is in the finder's line"
keys Escape
expect "cancelled" "Esc closes the finder"

# A paste over 64 KiB is cut, and the status line says so.
head -c 70000 /dev/zero | tr '\0' 'a' >"$T/big.txt"
start
expect " contacts" "kith opens for the long paste"
keys a
expect "Add contact" "a opens the add form again"
tm load-buffer -b big "$T/big.txt"
tm paste-buffer -p -b big -t t
expect "pasted text cut at 64 KiB: the last 4464 bytes were left out" \
    "a long paste is cut and says so"
expect "aaaaaaaaaa" "the field holds the first 64 KiB"
keys Escape
expect "cancelled" "Esc cancels the form"

# The help box stays open on an ignored key (Alt+x); ? closes it.
start
expect " contacts" "kith opens for the help"
keys '?'
expect "— keys" "? opens the help"
keys M-x
keys '?'
expect_gone "— keys" "Alt+x did not close the help, so ? did"

# A y/n question is not answered by a function key.
start
expect " contacts" "kith opens for the question"
keys /
type_text "olga"
expect "1 match" "find Olga"
keys Enter
keys D
expect "Delete Olga Dropped" "D asks"
keys F5
keys y
expect "Deleted" "F5 left the question open; y answered it"
out=$("$KITH" --db "$DB" list olga --tsv)
if [ -z "$out" ]; then pass; else fail "Olga not deleted: $out"; fi

keys q
expect "KITH-EXIT=0" "q still quits"
# Bracketed paste is off again: the shell after kith gets plain text.
paste "zzz"
expect "zzz" "a paste after kith reaches the terminal"
expect_not_in "$(screen)" "200~" "unbracketed"

# Bracketed paste is off while $EDITOR runs (notes), and on again after.
printf '#!/bin/sh\nprintf "EDITOR> "\nIFS= read -r line\nprintf "%%s\\n" "$line" >"$1"\n' \
    >"$T/editor"
chmod +x "$T/editor"
start "VISUAL= EDITOR='$T/editor'"
expect " contacts" "kith opens for the editor"
keys /
type_text "zoe"
expect "1 match" "find Zoe for her notes"
keys Enter
keys E
expect "EDITOR>" "the editor runs"
paste $'a pasted note\n'
expect "Notes saved" "the editor's notes are saved"
out=$("$KITH" --db "$DB" show zoe)
expect_in "$out" "a pasted note" "the note is the pasted line"
expect_not_in "$out" "200~" "the editor got no paste markers"
paste "q"
keys /
keys C-u
type_text "zoe"
expect "1 match" "after the editor a paste of q is still no command"
