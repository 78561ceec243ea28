#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith query, the address book of mutt and neomutt (query_command) and of
# aerc (address-book-cmd), issue 14: a status line, then
# "email TAB name TAB organisation" for every address of every match, each
# field on one line, the name never empty, every line ending in a newline;
# nothing found: one line and exit 1.  The query is only ever searched for.
. "$(dirname "$0")/lib.inc"

# fields LINE: sets f1 f2 f3 and nf (the number of tab-separated fields).
fields() {
	nf=$(printf '%s\n' "$1" | awk -F'\t' '{ print NF }')
	f1=$(printf '%s\n' "$1" | cut -f1)
	f2=$(printf '%s\n' "$1" | cut -f2)
	f3=$(printf '%s\n' "$1" | cut -f3)
}

run add "Ana Petrović" --email ana@acme.example --email ana.p@home.example \
	--org "Acme Legal"
run add "Pat O'Brien" --email pat@obrien.example --note "met acme people"
run add "Zoe Acme" --email zoe@z.example
run add "Bob" --email bob@acme.example --tag acmefan
run add "Nomail Acme"
# A name and organisation holding a tab and a line break, as an import
# can store them.
printf 'Name,E-mail,Organization\n"Tab\tMan",tab@t.example,"Line\nBreak Ltd"\n' \
	>"$T/odd.csv"
run import "$T/odd.csv"
expect_rc 0 "import the odd contact"
printf 'From: nameless@n.example\n\n' | "$KITH" add-email --quiet
expect_rc 0 "add a contact with an address only"

# The format, field by field.
"$KITH" query ana >"$T/q" 2>"$T/stderr"
rc=$?
expect_rc 0 "query ana"
if [ "$(tail -c1 "$T/q" | od -An -c | tr -d ' ')" = '\n' ]; then pass; else
	fail "the last line ends in a newline"; fi
[ "$(wc -l <"$T/q")" -eq 3 ] && pass || fail "status line and two addresses: $(cat "$T/q")"
head -n1 "$T/q" | grep -q '2 addresses' && pass || fail "status line: $(head -n1 "$T/q")"
fields "$(sed -n 2p "$T/q")"
[ "$nf" = 3 ] && pass || fail "three fields: $nf"
[ "$f1" = ana@acme.example ] && pass || fail "address: $f1"
[ "$f2" = "Ana Petrović" ] && pass || fail "name: $f2"
[ "$f3" = "Acme Legal" ] && pass || fail "organisation: $f3"
fields "$(sed -n 3p "$T/q")"
[ "$f1" = ana.p@home.example ] && [ "$f2" = "Ana Petrović" ] && pass ||
	fail "second address of the same contact: $f1 $f2"

# Fields on one line; a contact without a name shows its address.
"$KITH" query tab >"$T/q"
[ "$(wc -l <"$T/q")" -eq 2 ] && pass || fail "one line for Tab Man: $(cat -A "$T/q")"
fields "$(sed -n 2p "$T/q")"
[ "$nf" = 3 ] && [ "$f2" = "Tab Man" ] && [ "$f3" = "Line Break Ltd" ] && pass ||
	fail "tab and newline become spaces: $(cat -A "$T/q")"
run query nameless
fields "$(printf '%s\n' "$out" | sed -n 2p)"
[ "$f1" = nameless@n.example ] && [ "$f2" = nameless@n.example ] && pass ||
	fail "the address stands in for the name: $out"
[ "$f3" = "" ] && [ "$nf" = 3 ] && pass || fail "empty organisation column: $out"

# Ranked: by name, then by e-mail, then by organisation; never notes or
# tags; contacts without an address give no line.
run query --no-header acme
expect_rc 0 "query --no-header acme"
expect_out "zoe@z.example	Zoe Acme	
bob@acme.example	Bob	
ana@acme.example	Ana Petrović	Acme Legal
ana.p@home.example	Ana Petrović	Acme Legal" "name, e-mail, organisation order, no header"
run query people
expect_rc 1 "notes are not searched"
run query acmefan
expect_rc 1 "tags are not searched"

# Nothing found: one line, exit 1.
"$KITH" query nobody >"$T/q"
rc=$?
expect_rc 1 "no match"
[ "$(wc -l <"$T/q")" -eq 1 ] && grep -q 'no address matches' "$T/q" && pass ||
	fail "one line when nothing matches: $(cat "$T/q")"
"$KITH" query --no-header nobody >"$T/q"
[ ! -s "$T/q" ] && pass || fail "--no-header prints nothing when nothing matches"

# Hostile query strings are searched for, never run.
cd "$T" || exit 1
for q in "O'Brien" "a b" '$(touch pwned)' '`touch pwned`' '; touch pwned' \
	'"' "'" '\' '-' '*'; do
	"$KITH" query "$q" >/dev/null 2>&1
	r=$?
	[ "$r" -le 1 ] && pass || fail "query '$q' exits $r"
done
[ ! -e pwned ] && pass || fail "a query ran a command"
run query "O'Brien"
expect_in "$out" "pat@obrien.example	Pat O'Brien" "O'Brien is found"

# As mutt runs it: query_command read back by mutt, %s replaced by the
# query quoted as mutt quotes it, run by the shell.
if command -v mutt >/dev/null 2>&1; then
	printf 'set query_command = "%s query -- %%s"\n' "$KITH" >"$T/muttrc"
	cmd=$(HOME=$T mutt -n -F "$T/muttrc" -Q query_command |
		sed 's/^query_command="//; s/"$//')
	mutt_run() {
		quoted="'$(printf '%s' "$1" | sed "s/'/'\\\\''/g")'"
		out=$(sh -c "${cmd//%s/$quoted}")
		rc=$?
	}
	mutt_run "O'Brien"
	expect_rc 0 "mutt-style invocation of O'Brien"
	expect_in "$out" "pat@obrien.example	Pat O'Brien" "mutt-style invocation finds O'Brien"
	mutt_run '--db=/nonexistent'
	expect_rc 1 "mutt-style invocation of --db=...: a query"
	expect_in "$out" 'no address matches "--db=/nonexistent"' "a query that looks like an option is searched for"
	mutt_run '$(touch pwned)'
	expect_rc 1 "mutt-style invocation of \$(touch pwned)"
	[ ! -e pwned ] && pass || fail "mutt's quoting ran the query"
fi

# aerc: at most 100 lines.
{
	echo "Name,E-mail"
	for i in $(seq 1 120); do echo "Many $i,many$i@m.example"; done
} >"$T/many.csv"
run import "$T/many.csv"
"$KITH" query --no-header many >"$T/q"
[ "$(wc -l <"$T/q")" -eq 100 ] && pass || fail "--no-header: at most 100 lines, got $(wc -l <"$T/q")"
"$KITH" query many >"$T/q"
[ "$(wc -l <"$T/q")" -eq 121 ] && pass || fail "with the header: every match"
