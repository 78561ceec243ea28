#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith export --format vdir DIR never writes over a card another program
# (khard, a phone through vdirsyncer) changed since kith wrote it: the
# card is kept and named, the export exits 1 and says how to replace it
# (--yes); the other cards are written as ever.  The manifest records a
# hash of each card kith wrote; one written before there were hashes
# knows no change, and its cards are replaced as before.
. "$(dirname "$0")/lib.inc"
V="$T/vdir"

run add "Ana Petrović" --email ana@acme.example
run add "Bob Smith" --email bob@example.com
run export --format vdir "$V" </dev/null
expect_rc 0 "first export"
ana=$(grep -l '^FN:Ana Petrovi' "$V"/*.vcf)
bob=$(grep -l '^FN:Bob Smith' "$V"/*.vcf)
[ -n "$ana" ] && [ -n "$bob" ] && pass || fail "cards of Ana and Bob"
grep -q "^$(basename "$ana")	[0-9a-f]\{16\}$" "$V/.kith-vdir" && pass ||
	fail "the manifest has no hash for Ana's card: $(cat "$V/.kith-vdir")"

# Khard adds a phone to Ana's card; kith changes Bob.
sed -i 's/^END:VCARD/TEL:+44 20 7946 0958\r\nEND:VCARD/' "$ana"
run edit "Bob Smith" --title Partner
expect_rc 0 "Bob changed in kith"
run export --format vdir "$V" </dev/null
expect_rc 1 "an export that keeps an edited card says so"
expect_in "$err" "$ana: changed by another program since kith wrote it; kept, not replaced" "names the edited card"
expect_in "$err" "--yes replaces it" "says how to replace it"
expect_in "$err" "(1 file written, 0 unchanged, 1 kept)" "Bob's card written, Ana's kept"
grep -q "TEL:+44 20 7946 0958" "$ana" && pass || fail "the phone added in khard is gone"
grep -q "^TITLE:Partner" "$bob" && pass || fail "Bob's change did not reach his card"

# Again: still kept (kith has not seen the change).
run export --format vdir "$V" </dev/null
expect_rc 1 "a second export keeps it too"
grep -q "TEL:+44 20 7946 0958" "$ana" && pass || fail "the second export wrote over the edit"

# --yes: kith's card replaces it; then all is quiet.
run export --format vdir "$V" --yes </dev/null
expect_rc 0 "--yes replaces the edited card"
grep -q "TEL:+44 20 7946 0958" "$ana" && fail "--yes kept the edited card" || pass
run export --format vdir "$V" </dev/null
expect_rc 0 "after --yes nothing is edited"
expect_in "$err" "(0 files written, 2 unchanged)" "nothing to write"

# A manifest from before the hashes: its cards' changes are unknown, and
# they are replaced as before; the hashes are recorded from then on.
sed -i 's/\t.*$//' "$V/.kith-vdir"
sed -i 's/^END:VCARD/NOTE:old manifest\r\nEND:VCARD/' "$ana"
run export --format vdir "$V" </dev/null
expect_rc 0 "an old manifest: replaced as before"
grep -q "NOTE:old manifest" "$ana" && fail "the card of an old manifest was kept" || pass
grep -q "^$(basename "$ana")	[0-9a-f]\{16\}$" "$V/.kith-vdir" && pass ||
	fail "the hashes are not recorded after an old manifest"
