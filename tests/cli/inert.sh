#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Data never drives the terminal.  kith stores no control characters (the
# core's store-time cleaning drops them: add shows what it kept); a name,
# a note and a follow-up that hold ESC[2J (clear screen), an OSC title,
# BEL, CR and U+202E (right-to-left override) all the same -- written by
# another program, or by an older kith -- are shown inert by list, show,
# due, error messages and `export -` on a terminal, and written unchanged
# by `export > file`.
. "$(dirname "$0")/lib.inc"

ESC=$(printf '\033')
BEL=$(printf '\a')
CR=$(printf '\r')
RLO=$(printf '\342\200\256')
name="Eve${ESC}[2J${BEL}${CR}X${RLO}lam"
note="$(printf 'first\033]0;pwned\a\nsecond\rZ\342\200\256abc')"

# has_raw TEXT WHAT: TEXT must hold none of the raw control characters.
has_raw() {
	local c
	for c in "$ESC" "$BEL" "$RLO" ${2:+"$CR"}; do
		case "$1" in
		*"$c"*) fail "$3: a raw control character reached the output:
$(printf '%s' "$1" | od -c | head -5)"; return ;;
		esac
	done
	pass
}

export KITH_NOW="2026-11-25 09:00"
run add "$name" --note "$note" --phone "+44 20 7946 0958"
expect_rc 0 "add the contact"
has_raw "$out" cr "add echoes the name inert"
expect_out 'added 1 Eve[2J X\u202Elam' "add stored the name without controls"
run follow 1 "call${ESC}[31m back" --due 2026-11-25
expect_rc 0 "follow"

# Another program writes the control characters in.
sqlite3 "$DB" "UPDATE contact SET display = 'Eve' || char(27) || '[2J' ||
    char(7) || char(13) || 'X' || char(8238) || 'lam', notes = 'first' ||
    char(27) || ']0;pwned' || char(7) || char(10) || 'second' || char(13) ||
    'Z' || char(8238) || 'abc'; UPDATE followup SET action = 'call' ||
    char(27) || '[31m back'" || fail "sqlite3 could not write the data"

run list
has_raw "$out" cr "list"
expect_in "$out" 'Eve^[[2J^G^MX\u202Elam' "list shows the name inert"
run list --tsv
has_raw "$out" cr "list --tsv"
expect_in "$out" 'Eve^[[2J^G^MX\u202Elam' "list --tsv shows the name inert"

run show 1
has_raw "$out" cr "show"
expect_in "$out" 'first^[]0;pwned^G' "show: the note's OSC sequence is inert"
expect_in "$out" 'second^MZ\u202Eabc' "show: CR and RLO in the note are inert"

run due
has_raw "$out" cr "due"
expect_in "$out" 'call^[[31m back' "due shows the action inert"
expect_in "$out" 'Eve^[[2J' "due shows the name inert"
run due --tsv
has_raw "$out" cr "due --tsv"

# Error messages that quote what was typed.
run show "zz${ESC}[2J"
expect_rc 1 "show of no one"
has_raw "$err" cr "show's error message"
expect_in "$err" 'zz^[[2J' "the error quotes the query inert"
run import "$T/no${ESC}[2Jfile.csv"
has_raw "$err" cr "import's error message"
run list "qq${ESC}[2J"
has_raw "$err" cr "list's no-match message"

# To a file or a pipe, the CSV bytes are the data, unchanged.
"$KITH" export > "$T/out.csv"
grep -qF "$name" "$T/out.csv" && pass || fail "export > file changed the name"
grep -qF "second${CR}Z${RLO}abc" "$T/out.csv" && pass ||
	fail "export > file changed the note"

# To a terminal, inert (script gives it a tty; the tty adds CR to LF).
if command -v script >/dev/null 2>&1; then
	script -qc "$(printf '%q export -' "$KITH")" /dev/null \
	    < /dev/null > "$T/tty.out" 2>&1
	tty=$(tr -d '\r' < "$T/tty.out")
	has_raw "$tty" "" "export - on a terminal"
	expect_in "$tty" '"Eve^[[2J^G^MX\u202Elam"' \
		"export - on a terminal shows the name inert"
	expect_in "$tty" 'second^MZ\u202Eabc' \
		"export - on a terminal shows the note inert"
	script -qc "$(printf '%q export --format outlook -' "$KITH")" \
	    /dev/null < /dev/null > "$T/tty.out" 2>&1
	tty=$(tr -d '\r' < "$T/tty.out")
	has_raw "$tty" "" "outlook export - on a terminal"
	expect_in "$tty" 'Eve^[[2J^G^MX\u202Elam' \
		"outlook export - on a terminal, CRLF rows"
else
	echo "script(1) missing: terminal checks skipped" >&2
fi

# An option kith does not know, or one missing its value, is named inert:
# getopt's own message echoed it raw, escape sequences and all.
for cmd in list export "report status" due; do
	# shellcheck disable=SC2086
	run $cmd "--x${ESC}[2J${BEL}"
	expect_rc 2 "$cmd with an unknown option"
	has_raw "$err" cr "$cmd: the unknown option in the message"
	expect_in "$err" "unknown option '--x^[[2J^G'" "$cmd names the option inert"
done
run list "-${ESC}"
expect_rc 2 "an unknown short option"
has_raw "$err" cr "the unknown short option in the message"
expect_in "$err" "unknown option '-^['" "names the short option inert"
run export --format
expect_rc 2 "--format without its value"
expect_in "$err" "option '--format' needs a value" "says the value is missing"
run add "--yes=${ESC}[2J" Zed
expect_rc 2 "a flag given a value"
has_raw "$err" cr "a flag given a value"

# The relationship kinds are data too: link --kinds prints them inert.
sqlite3 "$DB" "UPDATE rel_kind SET name = 'assist' || char(27) || ']0;PWN' || char(7) WHERE name LIKE 'assistant%'"
run link --kinds
expect_rc 0 "link --kinds"
has_raw "$out" cr "link --kinds"
expect_in "$out" "assist^[]0;PWN^G" "the kind shown inert"
