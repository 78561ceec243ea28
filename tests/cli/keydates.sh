#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Anniversaries and other dated events are key dates like birthdays: the
# review lists them within their lead time, with the years when the year
# is known, across the year's end; the calendar export writes them as
# yearly all-day events.
. "$(dirname "$0")/lib.inc"

export KITH_NOW="2026-12-28 09:00"
run add "Ana Petrović" --date "anniversary=2015-01-02" --date "client since=--12-28"
expect_rc 0 "add with two dated events"
run add "Bob Smith" --date "anniversary=2010-03-01"

run review --tsv --days 7
expect_rc 0 "review"
expect_in "$out" "$(printf 'Ana Petrović\tclient since today')" \
    "a year-less date on its day"
expect_in "$out" "$(printf 'Ana Petrović\tanniversary 2027-01-02 (12)')" \
    "an anniversary across the year's end, with its years"
expect_not_in "$out" "Bob Smith" "a date months away is not listed"
# The kind column says what the date is, not "birthday" for every one.
expect_in "$out" "$(printf '\tclient since\t1\tAna Petrović\t')" \
    "the kind column of a year-less dated event is its label"
expect_in "$out" "$(printf '\tanniversary\t1\tAna Petrović\t')" \
    "the kind column of an anniversary is its label"
expect_not_in "$out" "birthday" "no date here is a birthday"
run review --days 7
expect_in "$out" "client since Ana Petrović" "the text review says the label too"
expect_not_in "$out" "birthday" "the text review calls nothing a birthday"

run export --format ics --birthdays
expect_in "$out" "SUMMARY:Anniversary: Ana Petrović" "the anniversary as an event"
expect_in "$out" "DTSTART;VALUE=DATE:20150102" "on its first day"
expect_in "$out" "SUMMARY:Client since: Ana Petrović" "the other dated event"
n=$(printf '%s\n' "$out" | grep -c "^RRULE:FREQ=YEARLY")
[ "$n" = 3 ] && pass || fail "$n yearly events, expected 3"

run add "Cy Birth" --birthday 1990-12-30
run review --tsv --days 7
expect_in "$out" "$(printf '\tbirthday\t3\tCy Birth\t')" "a birthday is still a birthday"

# A long label is cut in the kind column at a whole character, never in
# the middle of one; the what column keeps it whole.
run add "Dana Long" --date "годовщина первого крупного контракта=--12-29"
run review --tsv --days 7
kind=$(printf '%s\n' "$out" | awk -F'\t' '$5 == "Dana Long" { print $3 }')
[ "$kind" = "годовщина первого кр" ] && pass ||
    fail "kind column '$kind', expected 'годовщина первого кр'"
expect_in "$out" "годовщина первого крупного контракта 2026-12-29" \
    "the what column has the whole label"
