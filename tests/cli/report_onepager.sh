#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith report onepager: one contact on one page -- details with labels,
# the birthday with the age when the year is known, relationships both
# ways with who introduced them first, open follow-ups, deals with the
# role, the latest interactions and the notes, each long list cut with
# "… N more"; the same in Markdown and HTML; a contact that is not there,
# or a query that names several, is refused.
. "$(dirname "$0")/lib.inc"

export KITH_NOW="2026-11-20 12:00"
run add "Ana Petrović" --org "Petrović & Partneri" --title "Managing Partner" \
    --email ana@pp.example --phone "+381 11 555 0101" --birthday 1985-04-17 \
    --note "$(printf 'Prefers WhatsApp.\n<b>Not</b> before 10am.')"
run add "Marko Petrović" --email marko@example.org
run add "Grace Thompson" --email grace@nb.example
run link ana marko --as spouse
run link ana grace --as "introduced by"
for i in 1 2 3 4 5 6 7 8; do
	run follow ana "follow-up $i" --due "2026-12-0$i"
done
for i in 1 2 3 4 5 6 7 8 9; do
	run log ana --kind call --at "2026-11-0$i" "call number $i"
done
run deal add "Belgrade energy mandate" --contact ana --role client \
    --value 85000 --currency EUR

run report onepager ana@pp.example
expect_rc 0 "onepager"
expect_in "$out" "Ana Petrović
============
Managing Partner, Petrović & Partneri" "name and headline"
expect_in "$out" "E-mail    ana@pp.example" "e-mail"
expect_in "$out" "Birthday  Wed 17 Apr 1985 (41)" "birthday with the age"
first=$(printf '%s\n' "$out" | grep -n "introduced by Grace Thompson" | cut -d: -f1)
second=$(printf '%s\n' "$out" | grep -n "spouse Marko Petrović" | cut -d: -f1)
[ -n "$first" ] && [ -n "$second" ] && [ "$first" -lt "$second" ] && pass ||
	fail "who introduced them is not listed first"
expect_in "$out" "2026-12-05  follow-up 5" "five follow-ups shown"
expect_not_in "$out" "follow-up 6" "the sixth is cut"
expect_in "$out" "… 3 more" "three follow-ups more"
expect_in "$out" "2026-11-09  call  call number 9" "the latest interaction first"
expect_not_in "$out" "call number 4" "older interactions cut"
expect_in "$out" "… 4 more" "four interactions more"
expect_in "$out" "Belgrade energy mandate  Interest  client  EUR 85,000.00" \
    "the deal with her role and its value"
expect_in "$out" "Prefers WhatsApp." "notes"

run report onepager ana@pp.example --format markdown
expect_in "$out" "# Ana Petrović" "Markdown title"
expect_in "$out" "- **Birthday**: Wed 17 Apr 1985 (41)" "Markdown facts"
expect_in "$out" '\<b\>Not\</b\> before 10am' "markup in notes escaped"

run report onepager ana@pp.example --format html -o "$T/ana.html"
expect_rc 0 "HTML to a file"
html=$(cat "$T/ana.html")
expect_in "$html" "<h1>Ana Petrović</h1>" "HTML title"
expect_in "$html" "Petrović &amp; Partneri" "HTML escaped"
expect_in "$html" "&lt;b&gt;Not&lt;/b&gt; before 10am" "notes escaped"
expect_not_in "$html" "<b>Not</b>" "no markup from the notes"

# A birthday without a year has no age.
run add "Chen Wei" --birthday 17/04 --email chen@example.org
run report onepager chen@example.org
expect_in "$out" "Birthday  17 Apr" "a day without a year"
expect_not_in "$out" "17 Apr (" "no age without a year"

# Refusals.
run report onepager "Nobody Here"
expect_rc 1 "an unknown contact"
run report onepager petrović
expect_rc 1 "a query naming two contacts"
expect_in "$err" "Marko Petrović" "the candidates are listed"
run report onepager
expect_rc 2 "no contact named"

# Strength, the cadence's state, and how you know them once kith knows
# who you are.
run cadence ana@pp.example 30d
expect_rc 0 "a cadence for Ana"
run me grace@nb.example
expect_rc 0 "Grace is me"
run report onepager ana@pp.example
expect_in "$out" "Strength  " "the strength"
expect_in "$out" "Keep in touch  every 30 days: " "the cadence and its state"
expect_in "$out" "How you know them
  you → Ana Petrović" "the chain from me"
