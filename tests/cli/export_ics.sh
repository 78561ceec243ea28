#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith export --format ics [--birthdays] (issue 14): open follow-ups as
# VTODO, birthdays as yearly all-day VEVENT, the same UIDs at every export.
# (tests/unit/test_ics.c reads the file back with libical.)
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-12-05 10:00"

run add "Ana Petrović" --email ana@acme.example --birthday 1980-02-29
run add "Bob Smith" --birthday "17 Apr"
run follow Ana "call re: renewal" --due 2026-12-08
run follow Bob "lunch" --due "2026-12-09 12:30"
run follow Bob "old" --due 2026-12-01
run done 3

run export --format ics
expect_rc 0 "export --format ics"
a=$out
[ "$(printf '%s\n' "$a" | grep -c '^BEGIN:VTODO')" -eq 2 ] && pass ||
	fail "two open follow-ups: $a"
expect_not_in "$a" "VEVENT" "no birthdays without --birthdays"
expect_in "$a" "DUE;VALUE=DATE:20261208" "an all-day follow-up is due on a date"
expect_in "$a" "DUE:20261209T123000" "a follow-up with a time"
expect_in "$a" "SUMMARY:call re: renewal (Ana Petrović)" "the contact in the summary"
expect_in "$a" "DTSTAMP:20261205T100000Z" "DTSTAMP is kith's now"

run export --format ics --birthdays "$T/k.ics"
expect_rc 0 "export --format ics --birthdays to a file"
expect_in "$err" "exported 4 calendar items" "counts the items"
b=$(cat "$T/k.ics")
[ "$(printf '%s\n' "$b" | grep -c '^BEGIN:VEVENT')" -eq 2 ] && pass ||
	fail "two birthdays: $b"
expect_in "$b" "DTSTART;VALUE=DATE:19800229" "a birthday with its year"
expect_in "$b" "RRULE:FREQ=YEARLY;BYMONTHDAY=-1;BYMONTH=2" "29 February: the month's last day"
expect_in "$b" "DTSTART;VALUE=DATE:20000417" "a year-less birthday starts in 2000"
printf '%s\n' "$b" | grep -q "RRULE:FREQ=YEARLY" && pass || fail "yearly"

# The same UIDs again.
run follow Ana "send letter" --due 2026-12-07
run export --format ics --birthdays
for uid in $(printf '%s\n' "$b" | tr -d '\r' | sed -n 's/^UID://p'); do
	expect_in "$out" "UID:$uid" "UID $uid kept"
done
[ "$(printf '%s\n' "$out" | grep -c '^UID:')" -eq 5 ] && pass || fail "one more UID"

# Each to-do's PRIORITY comes from its review score (8 - score / 8, within
# 1..9): Ana's renewal, 3 days ahead (10 - 6 = 4), is 8; Bob's lunch, 4
# days ahead (10 - 8 = 2), is 8 too; a follow-up 15 days late (30 + 30)
# is 1.
run follow Ana "overdue call" --due 2026-11-20
run export --format ics
expect_in "$out" "PRIORITY:1" "an overdue follow-up has the highest priority"
n=$(printf '%s\n' "$out" | grep -c '^PRIORITY:')
[ "$n" = 4 ] && pass || fail "$n to-dos with a PRIORITY, expected 4"
printf '%s\n' "$out" | tr -d '\r' | awk '/^PRIORITY:/ { p = substr($0, 10) }
    /^SUMMARY:/ { print p, substr($0, 9) }' >"$T/prio"
expect_in "$(cat "$T/prio")" "1 overdue call (Ana Petrović)" "late: 1"
expect_in "$(cat "$T/prio")" "8 call re: renewal (Ana Petrović)" "ahead: 8"

# calcurse takes the priority for its own to-do priority (1 highest).
if command -v calcurse >/dev/null 2>&1; then
	printf '%s\n' "$out" >"$T/p.ics"
	mkdir "$T/cc"
	calcurse -D "$T/cc" -i "$T/p.ics" >/dev/null 2>&1
	expect_in "$(cat "$T/cc/todo")" "[1]>" "calcurse reads PRIORITY 1"
	head -n 1 "$T/cc/todo" | grep -q "overdue call" && pass ||
		fail "calcurse lists the overdue call first: $(cat "$T/cc/todo")"
fi
