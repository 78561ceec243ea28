#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith export --format mutt-alias (issue 14): one "alias KEY "Name"
# <address>" line per address, keys unique and the same at every export,
# escaped so that mutt reads back the name and address and runs or expands
# nothing in them (checked by mutt itself when it is installed).
. "$(dirname "$0")/lib.inc"

run add "Ana Petrović" --email ana@acme.example --email ana.p@home.example
run add "Ana Petrovic" --email other.ana@example.com --force
run add "Pat O'Brien" --email pat@obrien.example
run add 'Eve "E" `touch pwned` $HOME #1' --email 'eve$x@example.com'
run add "No Mail"
run add "Archived" --email arch@example.com
run rm Archived --archive --yes

run export --format mutt-alias
expect_rc 0 "export --format mutt-alias"
first=$out
expect_in "$out" 'alias ana-petrovic "Ana Petrović" <ana@acme.example>' "first address"
expect_in "$out" 'alias ana-petrovic.2 "Ana Petrović" <ana.p@home.example>' "second address: .2"
expect_in "$out" 'alias ana-petrovic_2 "Ana Petrovic" <other.ana@example.com>' "same name, later contact: _ID"
expect_in "$out" "alias pat-o-brien \"Pat O\\'Brien\" <pat@obrien.example>" "quote escaped"
expect_in "$out" 'alias eve-e-touch-pwned-home-1 "Eve \\\"E\\\" \`touch pwned\` \$HOME \#1" <eve\$x@example.com>' \
	"backticks, \$, # and quotes escaped"
expect_not_in "$out" "arch@example.com" "archived contacts are left out"
[ "$(printf '%s\n' "$out" | wc -l)" -eq 5 ] && pass || fail "one line per address: $out"
keys=$(printf '%s\n' "$out" | awk '{ print $2 }')
[ "$(printf '%s\n' "$keys" | sort -u | wc -l)" -eq 5 ] && pass || fail "unique keys: $keys"

# Stable: a new contact with the same name changes no key.
run add "Ana Petrović" --email third.ana@example.com --force
run export --format mutt-alias "$T/aliases"
expect_rc 0 "export to a file"
expect_in "$err" "exported 6 aliases" "counts the aliases"
for k in $keys; do
	grep -q "^alias $k " "$T/aliases" && pass || fail "key $k kept"
done
printf '%s\n' "$first" | while IFS= read -r line; do
	grep -qxF "$line" "$T/aliases" || echo "changed: $line"
done >"$T/changed"
[ ! -s "$T/changed" ] && pass || fail "lines changed: $(cat "$T/changed")"

# mutt reads them back: names and addresses as stored, nothing run.
if command -v mutt >/dev/null 2>&1; then
	printf 'set alias_file=/dev/null\nsource %s\n' "$T/aliases" >"$T/muttrc"
	cd "$T" || exit 1
	a() { HOME=$T mutt -n -F "$T/muttrc" -A "$1" 2>&1; }
	[ "$(a pat-o-brien)" = "Pat O'Brien <pat@obrien.example>" ] && pass ||
		fail "mutt reads O'Brien: $(a pat-o-brien)"
	[ "$(a ana-petrovic.2)" = "Ana Petrović <ana.p@home.example>" ] && pass ||
		fail "mutt reads ana-petrovic.2: $(a ana-petrovic.2)"
	got=$(a eve-e-touch-pwned-home-1)
	[ "$got" = '"Eve \"E\" `touch pwned` $HOME #1" <eve$x@example.com>' ] &&
		pass || fail "mutt reads Eve as written: $got"
	[ ! -e pwned ] && pass || fail "mutt ran a backtick of an alias"
fi

run export --format kith --birthdays
expect_rc 2 "--birthdays needs --format ics"
