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

# When no contact has the words, kith list shows whom a lookup takes (a
# sound-alike, a title or suffix dropped): list never shows less than
# show or rm would act on.  Nothing for words no lookup takes either.
run add "John Smith"
run add "Robert Lin"
for q in "john smyth" "dr robert lin jr"; do
	run show "$q"
	expect_rc 0 "show '$q' takes a contact"
	took=$(printf '%s\n' "$out" | head -1)
	run list "$q"
	expect_rc 0 "list '$q'"
	expect_in "$out" "$took" "list '$q' shows $took, whom show takes"
	expect_in "$err" "no contact has the words '$q'; a lookup of it takes this contact" "list '$q' says why"
done
run list "zzz qqq"
expect_out "" "nothing for words no lookup takes"
expect_in "$err" "no contact matches 'zzz qqq'" "says nothing matches"
run list --tsv "john smyth"
expect_in "$out" "John Smith" "--tsv shows the lookup's contact too"

# An archived contact a lookup takes is listed only with --archived, as
# list's own are.
run rm "John Smith" --archive --yes
expect_rc 0 "John Smith archived"
run list "john smyth"
expect_out "" "an archived contact is not listed without --archived"
run list --archived "john smyth"
expect_in "$out" "John Smith" "--archived lists the lookup's archived contact"
