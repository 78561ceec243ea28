#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# vCard import and export (issue 14): the fixtures import with their
# README's counts and lines, bad cards are kept in FILE.rejected.vcf, a
# vCard is known by its content, export --format vcard|vdir round-trips,
# and an unchanged vdir re-imports changing nothing.
. "$(dirname "$0")/lib.inc"

F="$KITH_SRC/tests/fixtures/vcard"
cp "$F/apple.vcf" "$F/google.vcf" "$T/"
cp -r "$F/malformed" "$T/malformed"
"$KITH" init >/dev/null 2>&1

run import "$T/apple.vcf" "$T/google.vcf"
expect_rc 0 "import apple and google"
expect_in "$out" "imported 12 rows: 12 added, 0 merged, 0 rejected" "apple.vcf: 12 cards"
expect_in "$out" "imported 10 rows: 10 added, 0 merged, 0 rejected" "google.vcf: 10 cards"
expect_in "$out" "(format: vcard)" "format named"
run show "Jovana Živković-Marić"
expect_in "$out" "5 Nov" "Apple's year-less birthday"
expect_not_in "$out" "1604" "its placeholder year dropped"
run list --tsv
[ "$(printf '%s\n' "$out" | wc -l)" = 22 ] && pass || fail "22 contacts listed"

# malformed FILE ADDED REJECTED LINES...: counts, exit status, lines.
malformed() {
	local f=$1 added=$2 rejected=$3
	shift 3
	run --db "$T/m-$f.db" import "$T/malformed/$f"
	expect_in "$out" "$added added, 0 merged, $rejected rejected" "$f counts"
	if [ "$rejected" = 0 ]; then expect_rc 0 "$f"; else
		expect_rc 1 "$f has rejected cards"
		[ -s "$T/malformed/$f.rejected.vcf" ] && pass || fail "$f: no rejects file"
	fi
	for l in "$@"; do expect_in "$err" "$f:$l:" "$f reports line $l"; done
}
"$KITH" --db "$T/m.db" init >/dev/null 2>&1
for f in "$T"/malformed/*.vcf; do cp "$T/m.db" "$T/m-$(basename "$f").db"; done
malformed missing-end.vcf 1 1 8
malformed end-without-begin.vcf 2 1 10
malformed no-colon-line.vcf 2 0 6
malformed invalid-utf8-fn.vcf 2 4 9 16 22 28
malformed huge-photo.vcf 2 0
malformed nested-begin.vcf 2 1 7
malformed qp-soft-break-eof.vcf 1 1 10
malformed only-n.vcf 2 0
malformed no-name-email-only.vcf 3 0
malformed terminal-escape.vcf 2 0
# The rejected cards are kept byte for byte.
grep -q 'Nenad Simi' "$T/malformed/missing-end.vcf.rejected.vcf" && pass || fail "unterminated card kept"
cmp -s <(tail -c +$(( $(grep -b -a -m1 'N:Simi' "$T/malformed/missing-end.vcf" | cut -d: -f1) + 1 )) "$T/malformed/missing-end.vcf") \
	<(tail -c +$(( $(grep -b -a -m1 'N:Simi' "$T/malformed/missing-end.vcf.rejected.vcf" | cut -d: -f1) + 1 )) "$T/malformed/missing-end.vcf.rejected.vcf") \
	&& pass || fail "rejected card differs from the file's"
run --db "$T/m.db" import "$T/malformed/empty.vcf"
expect_rc 1 "an empty .vcf"
expect_in "$err" "no vCard data" "an empty .vcf says so"

# Known by its content, whatever its name; --dry-run writes nothing.
printf 'BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zora Content\r\nEMAIL:zora@x.example\r\nEND:VCARD\r\n' > "$T/card.txt"
run import --dry-run "$T/card.txt"
expect_in "$out" "would import 1 rows: 1 would be added" "dry run of a vCard"
run import "$T/card.txt"
expect_in "$out" "1 added" "a vCard named .txt"
run import --undo 3 --yes
expect_rc 0 "undo a vCard import"

# Round trip: export -> import into an empty database -> export, equal.
export KITH_NOW=1780000000
"$KITH" --db "$T/r1.db" init >/dev/null 2>&1
"$KITH" --db "$T/r1.db" import "$T/apple.vcf" "$T/google.vcf" "$T"/malformed/*.vcf >/dev/null 2>&1
run --db "$T/r1.db" export --format vcard "$T/one.vcf"
expect_in "$err" "exported 41 contacts" "export 41 cards"
"$KITH" --db "$T/r2.db" init >/dev/null 2>&1
run --db "$T/r2.db" import "$T/one.vcf"
expect_in "$out" "41 added, 0 merged, 0 rejected" "re-import of the export"
"$KITH" --db "$T/r2.db" export --format vcard "$T/two.vcf" 2>/dev/null
cmp -s "$T/one.vcf" "$T/two.vcf" && pass || fail "round trip differs: $(diff "$T/one.vcf" "$T/two.vcf" | head -5)"
[ "$(grep -c '^UID:' "$T/one.vcf")" = 41 ] && pass || fail "every card has a UID"
[ "$(grep -c '^REV:' "$T/one.vcf")" = 41 ] && pass || fail "every card has a REV"
grep -q '^VERSION:3.0' "$T/one.vcf" && pass || fail "3.0 by default"
awk '{ if (length($0) > 76) bad = 1 } END { exit bad }' "$T/one.vcf" && pass || fail "a line longer than 75 octets"
# The UIDs given are stored, in one change that can be undone.
"$KITH" --db "$T/r1.db" export --format vcard "$T/again.vcf" 2>/dev/null
cmp -s "$T/one.vcf" "$T/again.vcf" && pass || fail "a second export gives other UIDs"
run --db "$T/r1.db" undo --list
expect_in "$out" "gave contacts a vCard UID" "UIDs given as one change"
run --db "$T/r1.db" export --format vcard --version 4.0 -
expect_in "$out" "VERSION:4.0" "--version 4.0"
run --db "$T/r1.db" export --format vcard --version 5 -
expect_rc 2 "--version 5"
run --db "$T/r1.db" export --version 4.0 -
expect_rc 2 "--version without vCard"

# vdir: one file a contact named by its UID; an unchanged folder
# re-imports changing nothing, and is not rewritten.
run --db "$T/r1.db" export --format vdir "$T/vdir"
expect_in "$err" "exported 41 contacts to $T/vdir (41 files written" "vdir export"
uid=$(grep -m1 '^UID:' "$T/vdir/$(ls "$T/vdir" | head -1)" | cut -d: -f2- | tr -d '\r')
[ -f "$T/vdir/$uid.vcf" ] && pass || fail "vdir file named by its UID ($uid)"
run --db "$T/r1.db" import "$T/vdir"
expect_in "$out" "41 rows: 0 added, 0 merged, 0 rejected, 0 possible duplicates, 41 unchanged (format: vdir)" "unchanged vdir re-import"
run --db "$T/r1.db" export --format vdir "$T/vdir"
expect_in "$err" "(0 files written, 41 unchanged)" "unchanged vdir not rewritten"
# A card edited elsewhere (khard) updates its contact, by UID.
f=$(grep -l '^FN:Ana Kovačević' "$T"/vdir/*.vcf)
sed -i 's/^FN:Ana Kovačević/FN:Ana Kovačević-Ilić/; s/^EMAIL;\(.*\):ana.kovacevic@example.com/EMAIL;\1:ana@ilic.example/' "$f"
run --db "$T/r1.db" import "$T/vdir"
expect_in "$out" "0 added, 1 merged" "edited card merged by UID"
expect_in "$out" "40 unchanged" "the others unchanged"
run --db "$T/r1.db" show "Ana Kovačević-Ilić"
expect_in "$out" "ana@ilic.example" "the card's e-mail replaces the old one"
expect_not_in "$out" "ana.kovacevic@example.com" "the old e-mail is gone"
batch=$("$KITH" --db "$T/r1.db" import --list | tail -1 | awk '{print $1}')
run --db "$T/r1.db" import --undo "$batch" --yes
expect_in "$out" "1 restored" "undo the vdir import"
run --db "$T/r1.db" show "Ana Kovačević"
expect_in "$out" "ana.kovacevic@example.com" "undo restores the contact"
run --db "$T/r1.db" export --format vdir
expect_rc 2 "--format vdir needs a folder"
