#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# log, follow, done, snooze and due through the real binary, with the
# clock pinned by KITH_NOW.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-11-25 09:00"

run add "Ana Petrović" --email ana@example.org --org "Acme Legal"
run add "Bob Smith"
run follow ana "call re: renewal" --due yesterday
expect_rc 0 "follow yesterday"
expect_out "follow-up 1 due Tue 24 Nov 2026" "follow prints id and date"
run follow bob "send engagement letter" --due -5d
run follow bob "lunch" --due today
run follow ana "quarterly review" --due fri
expect_out "follow-up 4 due Fri 27 Nov 2026" "fri is the next Friday"
run follow ana "x" --due "someday"
expect_rc 1 "bad date"
expect_in "$err" "'someday' is not a date" "bad date message"

run due
expect_rc 0 "due"
expect_out "OVERDUE
      2  5d late     Bob Smith                 send engagement letter
      1  1d late     Ana Petrović              call re: renewal

TODAY
      3  today       Bob Smith                 lunch" "due, most overdue first"

run due --days 7 --tsv
expect_out "$(printf '2\t2026-11-20\t5\t2\tBob Smith\tsend engagement letter\t
1\t2026-11-24\t1\t1\tAna Petrović\tcall re: renewal\t
3\t2026-11-25\t0\t2\tBob Smith\tlunch\t
4\t2026-11-27\t-2\t1\tAna Petrović\tquarterly review\t')" "due --tsv"

run done 2
expect_rc 0 "done"
run snooze 1 +1w
expect_out "follow-up 1 due Wed 2 Dec 2026" "snooze +1w"
run due --tsv
expect_out "$(printf '3\t2026-11-25\t0\t2\tBob Smith\tlunch\t')" "after done+snooze"
run done 99
expect_rc 1 "done unknown"
run done abc
expect_rc 1 "done non-number"

# Midnight passes: today's lunch becomes overdue.
KITH_NOW="2026-11-26 00:00" run due --tsv
expect_out "$(printf '3\t2026-11-25\t1\t2\tBob Smith\tlunch\t')" "after midnight"

run log ana --kind meeting --at 2026-11-20 "lunch, wants a fixed fee"
expect_rc 0 "log"
run log ana --kind call "left a message"
run log ana --kind fax "x"
expect_rc 1 "bad kind"
run show ana
expect_in "$out" "2026-11-25 09:00 call    left a message" "latest first"
expect_in "$out" "2026-11-20       meeting lunch, wants a fixed fee" "older"
expect_in "$out" "quarterly review" "pending follow-up on the sheet"

run due --days x
expect_rc 2 "bad --days"

# Nothing due is not an error (cron).
KITH_NOW="2020-01-01" run due
expect_rc 0 "nothing due"
expect_in "$out" "Nothing due" "nothing due message"

# done and snooze say whose item they changed, so that a mistyped id
# shows itself; unlink names the two people and the kind it removed.
run follow ana "call about the letter" --due tomorrow
id=$(printf '%s\n' "$out" | sed -n 's/^follow-up \([0-9]*\) due.*/\1/p')
run snooze "$id" +1w
expect_rc 0 "snooze"
expect_in "$err" "snoozed $id: call about the letter, for Ana Petrović" "snooze names it"
run done "$id"
expect_out "done $id: call about the letter, for Ana Petrović" "done names it"
run link ana bob --as colleague
expect_rc 0 "link"
rid=$(printf '%s\n' "$out" | sed -n 's/^linked \([0-9]*\)$/\1/p')
run unlink "$rid"
expect_rc 0 "unlink"
expect_in "$out" "unlinked $rid: Ana Petrović (#1) colleague Bob Smith (#2)" "unlink names both and the kind"
run unlink "$rid"
expect_rc 1 "unlink of a link that is gone"
expect_in "$err" "no relationship with id $rid" "says there is none"
