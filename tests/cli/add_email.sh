#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith add-email (issue 14): the sender of a message on stdin becomes a
# contact, as abook --add-email and khard add-email do.  Only the header is
# read (a From: in the body is never taken), folded lines are unfolded,
# RFC 2047 names are decoded; an address already stored is left alone (or
# names a contact that had no name); no From: is exit 1; kith undo takes
# it back; --quiet says nothing.
. "$(dirname "$0")/lib.inc"

# mail FILE [ARGS]: runs kith add-email on FILE.
mail() {
	f=$1
	shift
	out=$("$KITH" add-email "$@" <"$f" 2>"$T/stderr")
	rc=$?
	err=$(cat "$T/stderr")
}

# An RFC 2047 UTF-8 name, on a folded From: line, CR LF line ends, and a
# From: line in the body.
printf 'Return-Path: <marko@acme.example>\r\nFrom: =?UTF-8?Q?Marko_Petrovi=C4=87?=\r\n <marko@acme.example>\r\nTo: me@example.com\r\nSubject: =?UTF-8?B?UG96ZHJhdg==?=\r\n\r\nHello,\r\nFrom: Mallory <mallory@evil.example>\r\n' \
	>"$T/utf8.eml"
run init
mail "$T/utf8.eml"
expect_rc 0 "add-email, UTF-8 encoded name on a folded line"
expect_in "$out" "marko@acme.example: added Marko Petrović" "says whom it added"
run list --tsv
expect_in "$out" "Marko Petrović	marko@acme.example" "stored decoded, unfolded"
expect_not_in "$out" "mallory" "a From: in the body is never taken"

# ISO-8859-1, encoded as Q and as B.
printf 'From: =?ISO-8859-1?Q?J=FCrgen_M=FCller?= <jm@example.de>\nSubject: x\n\nbody\n' >"$T/latin1.eml"
mail "$T/latin1.eml" --quiet
expect_rc 0 "add-email, ISO-8859-1 name"
expect_out "" "--quiet prints nothing"
printf 'From: =?iso-8859-1?b?Q+lsaW5lIER1cG9udA==?= <celine@example.fr>\n\n' >"$T/latin1b.eml"
mail "$T/latin1b.eml" --quiet
run list --tsv
expect_in "$out" "Jürgen Müller	jm@example.de" "ISO-8859-1 Q decoded"
expect_in "$out" "Céline Dupont	celine@example.fr" "ISO-8859-1 B decoded"

# No display name: the address is the name; a later message with a name
# gives it that name.
printf 'From: solo@example.org\nSubject: hi\n\n' >"$T/bare.eml"
mail "$T/bare.eml"
expect_rc 0 "add-email, From without a display name"
run list --tsv
expect_in "$out" "solo@example.org	solo@example.org" "address as the name"
printf 'From: "Solo, Han" <SOLO@Example.ORG>\n\n' >"$T/named.eml"
mail "$T/named.eml"
expect_rc 0 "add-email names a nameless contact"
expect_in "$out" "named Solo, Han" "says it named it"
run list --tsv
expect_in "$out" "Solo, Han	solo@example.org" "the nameless contact got the name"
[ "$(printf '%s\n' "$out" | grep -c -i solo@example.org)" -eq 1 ] && pass ||
	fail "no second contact for the same address: $out"

# An address already stored, in another case: skipped, nothing written.
printf 'From: Somebody Else <MARKO@ACME.EXAMPLE>\n\n' >"$T/known.eml"
run undo --list
before=$out
mail "$T/known.eml"
expect_rc 0 "add-email of a known address"
expect_in "$out" "already Marko Petrović" "says it is known"
run list --tsv
expect_not_in "$out" "Somebody Else" "a known address keeps its contact's name"
run undo --list
[ "$out" = "$before" ] && pass || fail "a known address records no change"

# No From: exit 1 with a message; nothing is created.
printf 'To: me@example.com\nSubject: no sender\n\nFrom: body@example.com\n' >"$T/nofrom.eml"
mail "$T/nofrom.eml"
expect_rc 1 "no From: header"
expect_in "$err" "no From: address" "says there is no From:"
run list --tsv
expect_not_in "$out" "body@example.com" "the body's From: is not taken"
: >"$T/empty.eml"
mail "$T/empty.eml" --quiet
expect_rc 1 "an empty message"

# --headers from,cc: both; a group's members; each address once.
printf 'From: Ann <ann@example.com>\nCc: team: Cy <cy@example.com>, dee@example.com;, Ann <ANN@example.com>\n\n' >"$T/cc.eml"
mail "$T/cc.eml" --headers from,cc --quiet
expect_rc 0 "--headers from,cc"
run list --tsv
expect_in "$out" "Cy	cy@example.com" "a group member from Cc"
expect_in "$out" "dee@example.com	dee@example.com" "a bare group member"
[ "$(printf '%s\n' "$out" | grep -c -i ann@example.com)" -eq 1 ] && pass ||
	fail "the same address in From and Cc is one contact"
mail "$T/cc.eml" --headers from,subject
expect_rc 1 "--headers with an unknown header"
expect_in "$err" "unknown header" "names the unknown header"

# One change for kith undo.
run undo
expect_rc 0 "undo the last add-email"
run list --tsv
expect_not_in "$out" "cy@example.com" "undo takes the Cc contacts back"
expect_not_in "$out" "dee@example.com" "... all of them"
expect_in "$out" "Marko Petrović" "... and nothing else"

# --quiet never opens the terminal: it runs in a session without one.
if command -v setsid >/dev/null 2>&1; then
	printf 'From: Quiet One <quiet@example.com>\n\n' >"$T/quiet.eml"
	out=$(setsid "$KITH" add-email --quiet <"$T/quiet.eml" 2>&1)
	rc=$?
	expect_rc 0 "--quiet without a terminal"
	expect_out "" "--quiet without a terminal prints nothing"
fi

# On a terminal kith asks before adding; "n" adds nothing, "y" adds it;
# --quiet does not ask even there.  (script gives kith a terminal.)
if command -v script >/dev/null 2>&1; then
	printf 'From: Asked Person <asked@example.com>\n\n' >"$T/asked.eml"
	tty_mail() {
		out=$(printf '%s\n' "$1" | script -qec \
			"'$KITH' add-email $2 <'$T/asked.eml'" /dev/null 2>&1)
	}
	tty_mail n ""
	expect_in "$out" "Add Asked Person <asked@example.com> to kith? [Y/n]" "asks on a terminal"
	run list --tsv
	expect_not_in "$out" "asked@example.com" "n adds nothing"
	tty_mail y ""
	run list --tsv
	expect_in "$out" "Asked Person	asked@example.com" "y adds it"
	printf 'From: Quiet Two <quiet2@example.com>\n\n' >"$T/asked.eml"
	tty_mail n --quiet
	expect_not_in "$out" "[Y/n]" "--quiet never asks, even on a terminal"
	run list --tsv
	expect_in "$out" "Quiet Two	quiet2@example.com" "--quiet adds without asking"
fi

# An mbox separator line before the header is skipped.
printf 'From mbox@example.com Sat Dec  5 10:00:00 2026\nFrom: Mbox Sender <sender@example.com>\n\n' >"$T/mbox.eml"
mail "$T/mbox.eml" --quiet
expect_rc 0 "a message with an mbox From_ line"
run list --tsv
expect_in "$out" "Mbox Sender	sender@example.com" "the From: header after the mbox line"
expect_not_in "$out" "mbox@example.com" "the mbox line is no address"
