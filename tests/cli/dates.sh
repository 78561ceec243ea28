#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Dates as people type them through follow, snooze and log (issue 9): the
# resolved date is echoed, a past due date warns, a done follow-up is not
# done twice nor snoozed without --reopen, log --at takes a time and
# refuses the future, and --kind defaults to note.  KITH_NOW is Wednesday
# 2026-11-25 09:00.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-11-25 09:00"

run add "Ana Petrović" --email ana@example.org
run add "Bob Smith"

# The resolved date is echoed, so a misreading shows.
run follow ana "send the draft" --due "next tuesday"
expect_rc 0 "follow next tuesday"
expect_out "follow-up 1 due Tue 1 Dec 2026" "next tuesday echoed"
run follow ana "call" --due 24/12
expect_out "follow-up 2 due Thu 24 Dec 2026" "day first"
KITH_DATE_ORDER=mdy run follow ana "call" --due 12/24
expect_out "follow-up 3 due Thu 24 Dec 2026" "KITH_DATE_ORDER=mdy"
KITH_DATE_ORDER=us run follow ana "call" --due 12/24
expect_rc 1 "an unknown KITH_DATE_ORDER is refused, not ignored"
expect_in "$err" "KITH_DATE_ORDER 'us': use mdy" "KITH_DATE_ORDER message"
KITH_DATE_ORDER=MDY run list
expect_rc 0 "KITH_DATE_ORDER without case"
run follow ana "card" --due "Dec 24"
expect_out "follow-up 4 due Thu 24 Dec 2026" "month name"
run follow ana "renewal" --due "5 Jan"
expect_out "follow-up 5 due Tue 5 Jan 2027" "a past day this year is next year's"
run follow ana "report" --due "in 3 business days"
expect_out "follow-up 6 due Mon 30 Nov 2026" "business days skip the weekend"
run follow ana "invoice" --due eom
expect_out "follow-up 7 due Mon 30 Nov 2026" "eom"
run follow ana "plan" --due "next week"
expect_out "follow-up 8 due Mon 30 Nov 2026" "next week is Monday"
run snooze 1 "Tue 1 Dec 2026"
expect_out "follow-up 1 due Tue 1 Dec 2026" "the echoed form reads back"
run snooze 1 "Wed 1 Dec 2026"
expect_rc 1 "a weekday that does not agree"
expect_in "$err" "2026-12-01 is a Tuesday, not a Wednesday" "weekday mismatch"
run follow ana "x" --due 31/4
expect_rc 1 "31/4 refused"
expect_in "$err" "'31/4' is not a date: April has 30 days" "31/4 message"
run follow ana "x" --due someday
expect_rc 1 "unparsable"
expect_in "$err" "use YYYY-MM-DD, 24/12/2026, 24 Dec, today" \
    "unparsable names the forms"

# A due date in the past is taken, with a warning.
run follow bob "chase" --due -3d
expect_rc 0 "past due accepted"
expect_out "follow-up 9 due Sun 22 Nov 2026" "past due echoed"
expect_in "$err" "warning: Sun 22 Nov 2026 is in the past (3 days ago)" \
    "past due warns"
run follow bob "today" --due today
expect_not_in "$err" "warning" "today does not warn"

# A time of day given with the date is kept (followup_time.sh has more).
run follow bob "meet" --due "fri 14:30"
expect_rc 0 "due with a time"
expect_out "follow-up 11 due Fri 27 Nov 2026 14:30" "due with a time echoed"
expect_not_in "$err" "not kept" "due with a time: kept"

# done twice: says so, exit 0, nothing changed.
run done 9
expect_out "done 9: chase, for Bob Smith" "done names the follow-up and whose it is"
run done 9
expect_rc 0 "done twice exits 0"
expect_in "$out" "follow-up 9 is already done (since Wed 25 Nov 2026); nothing changed" \
    "done twice says so"
KITH_NOW="2026-11-26 09:00" run done 9
expect_in "$out" "since Wed 25 Nov 2026" "done twice keeps the first day"

# snooze of a done follow-up refuses unless --reopen.
run snooze 9 +1w
expect_rc 1 "snooze done refused"
expect_in "$err" "already done" "snooze done message"
expect_in "$err" "--reopen" "snooze done names --reopen"
run due --days 30 --tsv
expect_not_in "$out" "chase" "refused snooze left it done"
run snooze --reopen 9 +1w
expect_rc 0 "snooze --reopen"
expect_out "follow-up 9 due Wed 2 Dec 2026" "snooze --reopen echoes"
run due --days 30 --tsv
expect_in "$out" "$(printf '9\t2026-12-02')" "reopened follow-up is pending"
run snooze 9 "fri"
expect_out "follow-up 9 due Fri 27 Nov 2026" "snooze pending"

# log: --kind defaults to note; --at takes a time, looks back, and
# refuses the future.
run log ana "left a voicemail"
expect_rc 0 "log without --kind"
expect_out "logged 1" "log without --kind prints the id"
run log ana --kind note --at "mon 14:30" "lunch"
expect_rc 0 "log --at weekday and time"
expect_out "logged 2 on Mon 23 Nov 2026 14:30" "--at mon is the last Monday"
run log ana --kind note --at "yesterday 9am" "call back"
expect_out "logged 3 on Tue 24 Nov 2026 09:00" "--at yesterday 9am"
run log ana --kind note --at "8:15" "coffee"
expect_out "logged 4 on Wed 25 Nov 2026 08:15" "--at a time alone is today"
run log ana --kind note --at "24/11" "dinner"
expect_out "logged 5 on Tue 24 Nov 2026" "--at a day without a year"
run log ana --kind call --at tomorrow "x"
expect_rc 1 "log --at tomorrow refused"
run log ana --kind call --at 2026-11-26 "x"
expect_rc 1 "log --at an ISO day ahead refused"
expect_in "$err" "that is in the future; use kith follow for planned actions" \
    "log --at future message"
run log ana --kind call --at "14:30" "x"
expect_rc 1 "log --at later today refused"
expect_in "$err" "that is in the future" "later today message"
run show ana
expect_in "$out" "2026-11-25 08:15 note    coffee" "time stored"
expect_in "$out" "2026-11-25 09:00 note    left a voicemail" "kind note"
expect_in "$out" "2026-11-23 14:30 note    lunch" "weekday stored"
expect_not_in "$out" " x" "nothing logged for refused dates"

run log --help
expect_in "$out" "call|meeting|email|note|event" "log --help lists the kinds"
run log ana --kind CALL --at "24/11 10:00" "rang the office"
expect_rc 0 "--kind without case"
run show ana
expect_in "$out" "2026-11-24 10:00 call    rang the office" "CALL stored as call"
run log ana --kind fax "x"
expect_rc 1 "bad kind"
expect_in "$err" "use one of call, meeting, email, note, event" "kinds listed"

# --birthday as people write it; a year-less one is kept as --MM-DD.
run add "Zoe Birthday" --birthday "24 Dec 1980"
expect_rc 0 "birthday with a month name"
run show Zoe
expect_in "$out" "1980-12-24" "birthday stored as ISO"
run add "Yves Birthday" --birthday 29/2
expect_rc 0 "year-less birthday"
run show Yves
expect_in "$out" "birthday   29 Feb" "year-less birthday kept without a year, shown as 29 Feb (not --02-29)"
run add "Xia Birthday" --birthday "next week"
expect_rc 1 "a relative birthday is refused"
expect_in "$err" "24 Dec 1980" "birthday message names the forms"
