#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith report status: what needs attention first -- the most overdue
# follow-up, then one due today, then the longest without a touch (never
# touched first); --tag and --org choose the contacts, an unknown one is
# refused; archived contacts are left out; TSV has one row per contact.
. "$(dirname "$0")/lib.inc"

export KITH_NOW="2026-11-20 12:00"
run add "Ana Petrović" --org "Northbridge Bank" --tag client --email ana@nb.example
run add "Bob Smith" --org "Northbridge Bank" --tag client --email bob@nb.example
run add "Chen Wei" --org "Acme" --tag client --email chen@acme.example
run add "Dora Quiet" --org "Acme" --tag client --email dora@acme.example
run add "Eve Archived" --tag client --email eve@example.org
run add "Finn Other" --email finn@example.org
run log ana --kind call --at 2026-11-18 "call"
run log bob --kind call --at 2026-05-01 "call"
run log chen --kind call --at 2026-11-01 "call"
run follow bob "send the letter" --due 2026-11-20
run follow chen "chase" --due 2026-11-15
run follow ana "lunch" --due 2026-12-01
run rm eve@example.org --archive
expect_rc 0 "archive Eve"

run report status --tag client --tsv
expect_rc 0 "status --tag client"
order=$(printf '%s\n' "$out" | cut -f2 | tr '\n' ',')
expect_out_order="Chen Wei,Bob Smith,Dora Quiet,Ana Petrović,"
[ "$order" = "$expect_out_order" ] && pass ||
	fail "the order is $order, expected $expect_out_order"
row=$(printf '%s\n' "$out" | awk -F'\t' '$2 == "Chen Wei"' | cut -f2,3,6-)
expect_out_row=$(printf 'Chen Wei\tAcme\t2026-11-01\tchase\t2026-11-15\t\tfollow-up 5 days late')
[ "$row" = "$expect_out_row" ] && pass || fail "the overdue row: $row"
row=$(printf '%s\n' "$out" | awk -F'\t' '$2 == "Dora Quiet"' | cut -f2,4,6-)
[ "$row" = "$(printf 'Dora Quiet\t0\tnever\t\t\t\tnever in touch')" ] && pass ||
	fail "never touched, strength 0: $row"
expect_not_in "$out" "Eve Archived" "archived left out"
expect_not_in "$out" "Finn Other" "another tag left out"

# A cadence past its maximum comes before a follow-up due today.
KITH_NOW="2026-09-01 12:00" run cadence dora@acme.example 10d/12d
run log dora --kind call --at 2026-10-01 "a call long ago"
run report status --tag client --tsv
row=$(printf '%s\n' "$out" | awk -F'\t' '$2 == "Dora Quiet"' | cut -f5,10)
[ "$row" = "$(printf 'overdue\tcadence 40 days late')" ] && pass ||
	fail "Dora's cadence: $row"
order=$(printf '%s\n' "$out" | cut -f2 | head -3 | tr '\n' ',')
[ "$order" = "Chen Wei,Dora Quiet,Bob Smith," ] && pass ||
	fail "an overdue cadence before a follow-up due today: $order"

run report status --org "northbridge bank"
expect_rc 0 "status --org"
expect_in "$out" "at northbridge bank, as of 2026-11-20" "the subtitle names the scope"
expect_in "$out" "Bob Smith" "Bob at Northbridge"
expect_not_in "$out" "Chen Wei" "Chen is at Acme"

# Without --tag or --org: those with an open follow-up or deal.
run report status
expect_in "$out" "Contacts (3)" "three with open follow-ups"
expect_not_in "$out" "Dora Quiet" "nothing open with Dora"

run report status --tag nosuch
expect_rc 1 "an unknown tag"
expect_in "$err" "no contact has the tag 'nosuch'" "the tag message"
run report status --org "Nowhere Ltd"
expect_rc 1 "an unknown organisation"
run report status --since 2026-11-01
expect_rc 2 "--since is for activity"
