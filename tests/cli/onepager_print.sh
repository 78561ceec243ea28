#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The HTML one-pager prints on one page: a real headless browser (Debian's
# Chromium, installed by .ci/install-deps --test) renders it to PDF, and
# pdfinfo counts the pages -- for the demo's Ana Petrović and for a
# contact whose every list runs long (the cuts keep it to one page), on
# Letter (the browser's default) and on A4.
. "$(dirname "$0")/lib.inc"

browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ] || ! command -v pdfinfo >/dev/null; then
	fail "chromium and pdfinfo are needed (bash .ci/install-deps --test)"
	exit 1
fi

# pages HTML: the pages of HTML printed to PDF by the browser.
pages() {
	rm -f "$T/out.pdf"
	HOME="$T" timeout 120 "$browser" --headless --no-sandbox --disable-gpu \
	    --disable-dev-shm-usage --no-pdf-header-footer \
	    --user-data-dir="$T/chrome" --print-to-pdf="$T/out.pdf" \
	    "file://$1" >/dev/null 2>&1
	pdfinfo "$T/out.pdf" 2>/dev/null | awk '/^Pages:/ { print $2 }'
}

export KITH_NOW="2026-11-20 12:00"
run demo-load "$KITH_SRC/data/demo.kith"
run report onepager "Ana Petrović" --format html -o "$T/ana.html"
expect_rc 0 "the demo's Ana as HTML"
n=$(pages "$T/ana.html")
[ "$n" = 1 ] && pass || fail "the demo's Ana printed on '$n' pages"

# Every list longer than the page holds.
run add "Long Listed" --org "A Firm With A Long Name & Partners LLP" \
    --title "Senior Partner, Head of Cross-Border Litigation" \
    --email long@example.org --email long.private@example.org \
    --phone "+44 20 7946 0001" --phone "+44 7700 900001" \
    --note "$(for i in $(seq 1 40); do echo "Note line $i: a sentence of some length about the relationship and what matters to it."; done)"
for i in $(seq 1 12); do
	run add "Relative $i" >/dev/null
	run link "long@example.org" "Relative $i" --as colleague
done
for i in $(seq 10 25); do
	run follow long@example.org "follow-up number $i with a longer action text" \
	    --due "2026-12-$i"
done
for i in $(seq 10 30); do
	run log long@example.org --kind meeting --at "2026-10-$i" \
	    "meeting $i: a summary that runs to the width of the page and then some more words"
done
for i in $(seq 1 8); do
	run deal add "Matter number $i for the long-listed client" \
	    --contact long@example.org --role client --value 1000 --currency GBP
done
run report onepager long@example.org --format html -o "$T/long.html"
expect_rc 0 "the long contact as HTML"
expect_in "$(cat "$T/long.html")" "more" "the lists were cut"
n=$(pages "$T/long.html")
[ "$n" = 1 ] && pass || fail "a contact with long lists printed on '$n' Letter pages"
# A4 is longer but narrower: lines wrap sooner.
sed 's/@page{size:auto;/@page{size:A4;/' "$T/long.html" >"$T/long-a4.html"
expect_in "$(cat "$T/long-a4.html")" "size:A4" "the A4 copy asks for A4"
n=$(pages "$T/long-a4.html")
[ "$n" = 1 ] && pass || fail "a contact with long lists printed on '$n' A4 pages"
