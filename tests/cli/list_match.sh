#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith list notes where a query matched beyond the name, and names the
# field that matched: an e-mail typed whole is the e-mail, not the
# organisation that shares a word of it; a phone typed in parts is the
# phone (the one that holds them), not an organisation holding one part;
# a tag typed whole is the tag.
. "$(dirname "$0")/lib.inc"

run add "Alexei Smirnov" --org "Severny Ltd" \
	--email a.smirnov@severny.example --email alexei@other.example \
	--phone "+44 20 7946 0999" --phone "+44 20 7946 0123"
run add "Unit Fortyfour" --org "Unit 44 Studio" --phone "+44 20 7000 1111"
run add "Bob Hart" --org "Acme Corp" --tag acme-partners
run add "Dana Ross" --note "met at the Severny dinner, a.smirnov@severny"

note() {	# QUERY NAME: the note on NAME's line
	"$KITH" list "$1" 2>&1 | grep -F "$2" | sed -n 's/.*  (\(.*\))$/\1/p'
}
check() {	# QUERY NAME NOTE
	local got
	got=$(note "$1" "$2")
	[ "$got" = "$3" ] && pass || fail "kith list '$1': '$got', expected '$3'"
}

check a.smirnov@severny "Alexei Smirnov" "e-mail: a.smirnov@severny.example"
check smirnov@severny "Alexei Smirnov" "e-mail: a.smirnov@severny.example"
check alexei@other "Alexei Smirnov" "e-mail: alexei@other.example"
check severny "Alexei Smirnov" "organisation: Severny Ltd"
check "smirnov severny" "Alexei Smirnov" "organisation: Severny Ltd"
check "+44 20 7946 0123" "Alexei Smirnov" "phone: +44 20 7946 0123"
check "7946 0123" "Alexei Smirnov" "phone: +44 20 7946 0123"
check 02079460123 "Alexei Smirnov" "phone: +44 20 7946 0123"
check "44 20 7000" "Unit Fortyfour" "phone: +44 20 7000 1111"
check "unit 44" "Unit Fortyfour" "organisation: Unit 44 Studio"
check acme-partners "Bob Hart" "tag: acme-partners"
check acme "Bob Hart" "organisation: Acme Corp"
check a.smirnov@severny "Dana Ross" "notes: met at the Severny dinner,…"
