#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Follow-ups at a time of day (issue 9): follow keeps the time, due and
# show print it, due --tsv appends it as a last column, snooze keeps it
# when given only a day and sets it when given one.  As in a calendar, a
# follow-up due today at an hour already past is still today's, not
# overdue, and today's are ordered all day first, then by time.  KITH_NOW
# is Wednesday 2026-11-25 11:00.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-11-25 11:00"

run add "Ana Petrović" --email ana@example.org
run add "Bob Smith"

run follow ana "call re: renewal" --due "fri 14:30"
expect_rc 0 "follow with a time"
expect_out "follow-up 1 due Fri 27 Nov 2026 14:30" "follow echoes the time"
run follow bob "lunch" --due "today 13:00"
run follow bob "coffee" --due "today 9am"
run follow ana "send the letter" --due today
run follow ana "chase" --due "yesterday 16:00"

# Today: all day first, then by time; 09:00 has passed and is still today.
run due
expect_out "OVERDUE
      5  1d late     Ana Petrović              16:00  chase

TODAY
      4  today       Ana Petrović              send the letter
      3  today       Bob Smith                 09:00  coffee
      2  today       Bob Smith                 13:00  lunch" "due prints times"

run due --days 3 --tsv
expect_out "$(printf '5\t2026-11-24\t1\t1\tAna Petrović\tchase\t16:00
4\t2026-11-25\t0\t1\tAna Petrović\tsend the letter\t
3\t2026-11-25\t0\t2\tBob Smith\tcoffee\t09:00
2\t2026-11-25\t0\t2\tBob Smith\tlunch\t13:00
1\t2026-11-27\t-2\t1\tAna Petrović\tcall re: renewal\t14:30')" \
    "due --tsv: the time is the last column"

run show ana
expect_in "$out" "2026-11-27      1  14:30  call re: renewal" "show prints the time"
expect_in "$out" "2026-11-25      4  send the letter" "show: all day"

# snooze: a day alone keeps the time, a time sets it.
run snooze 1 "mon"
expect_rc 0 "snooze to a day"
expect_out "follow-up 1 due Mon 30 Nov 2026 14:30" "snooze keeps the time"
run due --days 7 --tsv
expect_in "$out" "$(printf '1\t2026-11-30\t-5\t1\tAna Petrović\tcall re: renewal\t14:30')" \
    "snooze kept the time"
run snooze 1 "tue 10:15"
expect_out "follow-up 1 due Tue 1 Dec 2026 10:15" "snooze sets a time"
run snooze 4 "tomorrow 8:05"
expect_out "follow-up 4 due Thu 26 Nov 2026 08:05" "snooze gives an all-day one a time"
run due --days 7 --tsv
expect_in "$out" "$(printf '1\t2026-12-01\t-6\t1\tAna Petrović\tcall re: renewal\t10:15')" \
    "snooze set the time"
expect_in "$out" "$(printf '4\t2026-11-26\t-1\t1\tAna Petrović\tsend the letter\t08:05')" \
    "all day became timed"

# The change journal names the time.
run undo --list
expect_in "$out" "to 2026-11-26 08:05" "undo --list names the time"
run undo
expect_rc 0 "undo the last snooze"
run due --days 7 --tsv
expect_in "$out" "$(printf '4\t2026-11-25\t0\t1\tAna Petrović\tsend the letter\t')" \
    "undo gives the follow-up back all day"

# --all-day drops the time; a time with --all-day is refused.
run snooze --all-day 1 "wed"
expect_rc 0 "snooze --all-day"
expect_out "follow-up 1 due Wed 2 Dec 2026" "--all-day printed without a time"
run due --days 7 --tsv
expect_in "$out" "$(printf '1\t2026-12-02\t-7\t1\tAna Petrović\tcall re: renewal\t')" \
    "--all-day moved it"
expect_not_in "$out" "$(printf 'call re: renewal\t10:15')" "--all-day cleared the time"
run snooze --all-day 1 "thu 9:00"
expect_rc 1 "--all-day with a time refused"
expect_in "$err" "an all-day follow-up takes a day alone" "--all-day message"

# A follow-up on a deal keeps its time, and the deal's sheet prints it as
# the contact's sheet does.
run deal add "Northbridge acquisition" --contact ana --role client
expect_rc 0 "a deal"
run follow --deal northbridge --with ana --due "fri 16:45" send the draft
expect_out "follow-up 6 due Fri 27 Nov 2026 16:45" "follow --deal takes a time"
run deal show northbridge
expect_in "$out" "2026-11-27      6  16:45  send the draft — Ana Petrović" \
    "deal show prints the time"
