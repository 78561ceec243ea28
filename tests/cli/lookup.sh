#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# What a command taking ID|QUERY acts on (issue 9, "Looking people up"):
# an id, then an exact e-mail, then a phone number however it is typed,
# then names only.  Notes, tags, custom fields and the organisation never
# pick a contact: a command once deleted a contact whose notes held the
# word typed.  A lookup still ambiguous lists the candidates with their
# ids and exits 1.
. "$(dirname "$0")/lib.inc"

# Only Bob, whose notes, tag and organisation mention "ana": nothing of
# that makes "ana" name him.
run add "Bob Smith" --org "Anatolia Trading" --tag ana --note "met ana at the fair" \
	--email bob@example.com --phone "+44 20 7946 0101"
expect_rc 0 "add Bob"
run rm ana
expect_rc 1 "rm ana does not take Bob (notes, tag, org)"
expect_in "$err" "no contact's name matches 'ana'" "rm ana says nothing matched"
run show ana
expect_rc 1 "show ana does not show Bob"
run list --tsv
expect_in "$out" "Bob Smith" "Bob is still there"
# ... while list searches everything, and says where it matched.
run list ana
expect_rc 0 "list ana"
expect_in "$out" "Bob Smith" "list ana finds Bob"
expect_in "$out" "(organisation: Anatolia Trading)" "list says the organisation matched"
run list fair
expect_in "$out" "(notes: …ana at the fair)" "list says the notes matched"
run list --tsv fair
expect_out "$(printf '1\tBob Smith\tbob@example.com\t+44 20 7946 0101\tAnatolia Trading')" \
	"--tsv columns unchanged"
run list 2079460101
expect_in "$out" "(phone: +44 20 7946 0101)" "digits without country code find the phone"
run list 02079460101
expect_in "$out" "Bob Smith" "the national form finds the phone"
run list 442079
expect_in "$out" "Bob Smith" "digits typed without + or spaces find the phone"
run list 447946
expect_in "$out" "Bob Smith" "country code and local digits without the area code find the phone"
run list 4479
expect_in "$out" "(phone: +44 20 7946 0101)" "... and say the phone matched"

# With Ana there, "ana" is her, whatever Bob's notes say.
run add "Ana Petrović" --email Ana.Petrovic@example.org --phone "+381 64 555 0101"
run add "Ivana Ćirić"
run add "Anastasia Doyle"
run show ana
expect_rc 0 "show ana"
expect_in "$out" "Ana Petrović" "a whole name word wins over a prefix and a substring"
expect_not_in "$out" "Bob Smith" "show ana is not Bob"
run show anast
expect_in "$out" "Anastasia Doyle" "a prefix wins over a substring"
run show vana
expect_in "$out" "Ivana Ćirić" "a name word containing the query, as a last resort"
run show Петровић
expect_in "$out" "Ana Petrović" "names fold across alphabets"

# id, e-mail (normalised), phone (any formatting).
run show 1
expect_in "$out" "Bob Smith" "id"
run show ANA.PETROVIC@EXAMPLE.ORG
expect_rc 0 "e-mail in another case"
expect_in "$out" "Ana Petrović" "e-mail finds Ana"
run show ana.petrovic@example
expect_rc 1 "a partial e-mail is not an e-mail"
for p in "+44 20 7946 0101" "+442079460101" "442079460101" "0044 20 7946 0101" \
	"020 7946 0101" "2079460101" "(020) 7946-0101"; do
	run show "$p"
	expect_rc 0 "phone '$p'"
	expect_in "$out" "Bob Smith" "phone '$p' finds Bob"
done
run show "064 555 0101"
expect_in "$out" "Ana Petrović" "national form of a Serbian mobile"
run show "+44 20 7946 0199"
expect_rc 1 "another number"
expect_in "$err" "no contact has the phone number" "phone miss says so"
run show 12345
expect_rc 1 "an id that does not exist"
expect_in "$err" "no contact with id 12345" "missing id says so"

# Ambiguous: candidates with ids on stderr, exit 1, nothing done.
run add "Marko Petrović"
run show petrovic
expect_rc 1 "ambiguous show"
expect_in "$err" "matches 2 contacts" "ambiguous message"
expect_in "$err" "Marko Petrović" "candidate Marko listed"
expect_in "$err" "$(printf '%6d  Ana Petrović' 2)" "candidate listed with its id"
run follow petrovic "call" --due 2030-01-01
expect_rc 1 "ambiguous follow exits 1"
run log petrovic --kind note "x"
expect_rc 1 "ambiguous log exits 1"
run edit petrovic --title X
expect_rc 1 "ambiguous edit exits 1"
run link petrovic bob --as colleague
expect_rc 1 "ambiguous link exits 1"
run rm petrovic
expect_rc 1 "ambiguous rm exits 1"
run list --tsv
[ "$(printf '%s\n' "$out" | grep -c .)" = 5 ] && pass || fail "nothing deleted: $out"
run show "ana petrovic"
expect_rc 0 "more of the name resolves"

# edit --rm-phone compares as the core does: any formatting of the number.
run edit 1 --rm-phone "020 7946 0101"
expect_rc 0 "rm-phone in national form"
expect_not_in "$err" "no phone" "rm-phone found the number"
run show 1
expect_not_in "$out" "7946" "the number is gone"

# add refuses an e-mail or phone that already belongs to someone, naming
# them and the way to change them, unless --force.
run add "A. Petrović" --email " ANA.PETROVIC@example.org"
expect_rc 1 "add with Ana's e-mail"
expect_in "$err" "belongs to Ana Petrović (id 2)" "names the contact and id"
expect_in "$err" "kith edit 2" "suggests kith edit"
expect_in "$err" "--force" "mentions --force"
run add "Ana P" --phone "0038164 555 0101"
expect_rc 1 "add with Ana's phone in another form"
expect_in "$err" "phone +381 64 555 0101 belongs to Ana Petrović" "names the phone"
run list --tsv
[ "$(printf '%s\n' "$out" | grep -c .)" = 5 ] && pass || fail "nothing added: $out"
run add "Ana P" --phone "0038164 555 0101" --force
expect_rc 0 "add --force"
expect_in "$err" "warning" "--force still warns"
expect_in "$out" "added 6 Ana P" "--force adds"
run edit bob --force
expect_rc 2 "--force is for add only"
