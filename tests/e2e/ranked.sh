#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The alert pane ranks everything owed this week by the review's one score
# (issue 12): a due cadence sits above a lesser follow-up, in the order
# kith review gives; w on the cadence shows its terms with the numbers;
# the keys of a follow-up say so on a cadence instead of acting; Enter
# shows the cadence's contact in the list.
. "$(dirname "$0")/lib.inc"

demo_db
review=$("$KITH" --db "$DB" review --days 7 --tsv)
expect_in "$review" "$(printf '2\t87\tcadence\t17\tRobert Lin')" \
    "kith review ranks Robert Lin's overdue cadence second"
expect_in "$review" "$(printf '3\t83\tfollow-up\t42\t王小明')" \
    "and 王小明's follow-up, 13 days late, third"

start
expect "28d late  Robert Lin" "the cadence is in the alert pane"
s=$(screen)
cad=$(printf '%s\n' "$s" | grep -n "28d late  Robert Lin" | cut -d: -f1)
fu=$(printf '%s\n' "$s" | grep -n "13d late  王小明" | cut -d: -f1)
first=$(printf '%s\n' "$s" | grep -n "20d late  Olivia Grant" | cut -d: -f1)
if [ -n "$cad" ] && [ -n "$fu" ] && [ -n "$first" ] &&
    [ "$first" -lt "$cad" ] && [ "$cad" -lt "$fu" ]; then pass; else
	fail "the pane's order is not the review's: $first $cad $fu"; fi
expect_in "$s" "keep in touch every 21 days (last 2026-01-20)" \
    "the cadence line says what is owed"

keys Tab Tab
expect "│ Olivia Grant" "the first alert highlighted"
keys j
expect "│ Robert Lin" "the contact pane follows the cadence's contact"
keys w
expect "Why #2 of this week's alerts: Robert Lin" "w on the cadence"
expect "tier           +25   overdue cadence" "the tier term"
expect "lateness       +40   28 days late" "the lateness term"
expect "strength      +7.4   strength 37" "the strength term"
expect "sum           87.3   rounded: 87" "the sum, as kith review's score"
keys q
expect_gone "Why #2 of this week's alerts: Robert Lin" "the pager closes"

# s only snoozes a follow-up: on a cadence it says so, nothing changes.
before=$("$KITH" --db "$DB" cadence --list)
keys s
expect "s acts only on follow-ups; this line is a cadence (Robert Lin)" \
    "s on a cadence says what it acts on"
after=$("$KITH" --db "$DB" cadence --list)
if [ "$before" = "$after" ]; then pass; else fail "s changed a cadence"; fi

# Enter shows the cadence's contact in the list.
inlist() { screen | grep -cE '^. Robert Lin .*│'; }
if [ "$(inlist)" -eq 0 ]; then pass; else fail "Robert Lin already in the list's page"; fi
keys Enter
for i in $(seq 1 50); do [ "$(inlist)" -gt 0 ] && break; sleep 0.1; done
if [ "$(inlist)" -gt 0 ]; then pass; else fail "Enter did not show Robert Lin in the list"; fi

keys q
expect "KITH-EXIT=0" "quit"
finish
