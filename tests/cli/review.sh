#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# kith cadence, kith review and kith report cold through the real binary
# with a frozen clock (KITH_NOW): the review of the demo book as TSV and
# as a digest against goldens (tests/cli/golden/review.tsv and
# review_digest.txt), an empty digest printing nothing with exit 0,
# refused cadence strings and unknown tags, a logged call resetting a
# cadence, and a clock far in the past or the future.
. "$(dirname "$0")/lib.inc"
: "${KITH_SRC:?set KITH_SRC to the source tree}"
GOLD=$KITH_SRC/tests/cli/golden

export KITH_NOW='2026-03-10 12:00'
run demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "demo loads"

run review --tsv --all
expect_rc 0 "review --tsv"
expect_out "$(cat "$GOLD/review.tsv")" "review --tsv of the demo book"
# Seven columns on every line.
bad=$(printf '%s\n' "$out" | awk -F'\t' 'NF != 7' | wc -l)
if [ "$bad" -eq 0 ]; then pass; else fail "review --tsv: $bad lines without 7 fields"; fi

run review --digest
expect_rc 0 "review --digest"
expect_out "$(cat "$GOLD/review_digest.txt")" "review --digest of the demo book"

# The default caps the day at 15; the rest is carried over.
run review --tsv
n=$(printf '%s\n' "$out" | wc -l)
if [ "$n" -eq 15 ]; then pass; else fail "review --tsv: $n lines, cap is 15"; fi
run review
expect_in "$out" "carried over" "review says what is carried over"
expect_in "$out" "note: William Hughes at Northbridge Bank was called 9 days ago" \
    "review shows a colleague's recent touch"

# Going cold, and every cadence with its state.
run report cold --tsv
expect_rc 0 "report cold"
expect_in "$out" "Rachel Kim" "Rachel Kim is going cold"
expect_in "$out" "cooling" "cooling is said"
run cadence --list
expect_in "$out" "overdue 2026-02-10    17  Robert Lin" "overdue cadence listed"
expect_in "$out" "due     2026-03-07    20  Dame Judith Corrigan" "due cadence listed"

# Bad input: the accepted forms, an unknown tag.
run cadence "Robert Lin" 30x
expect_rc 1 "30x refused"
expect_in "$err" "30d, 4w" "30x: the accepted forms"
run cadence "Robert Lin" 0d
expect_rc 1 "0d refused"
run cadence "Robert Lin" 45d/30d
expect_rc 1 "ideal over max refused"
expect_in "$err" "longer than the maximum" "ideal over max: why"
run cadence tag:nosuchtag 4w
expect_rc 1 "unknown tag"
expect_in "$err" "no tag 'nosuchtag'" "unknown tag named"
run review --days x
expect_rc 2 "review --days x"

# A logged call resets Robert Lin's cadence.
run log "Robert Lin" --kind call "caught up on the panel"
expect_rc 0 "log a call"
run cadence "Robert Lin"
expect_in "$out" "due 2026-03-31 (ok)" "a call resets the cadence"
run review --tsv --all
expect_not_in "$out" "Robert Lin" "Robert Lin leaves the review"

# A tag's cadence, and a contact's own beating it.
run cadence tag:board 2w
expect_rc 0 "tag cadence"
expect_out "tag:board 14d/21d: 3 contacts" "tag cadence output"
run cadence "Charlotte Ainsworth"
expect_in "$out" "every 14 days (overdue after 21) from tag board" "inherits the tag"
run cadence "Dame Judith Corrigan"
expect_in "$out" "every 60 days (overdue after 90), due" "own cadence beats the tag"
run cadence "Dame Judith Corrigan" off
expect_in "$out" "no cadence" "off"

# A frozen clock far away works; nothing owed prints no digest.
KITH_NOW='2031-06-01 09:00' run review --tsv
expect_rc 0 "review in the future"
KITH_NOW='1999-06-01 09:00' run review --digest
expect_rc 0 "review in the past"

export KITH_DB=$T/empty.db
run add "Nobody Owed"
run review --digest
expect_rc 0 "empty digest exits 0"
expect_out "" "empty digest prints nothing"
run review
expect_in "$out" "Nothing owed today" "empty review says so"

# Decisions: kept for the day, a snoozed cadence out of the queue, three
# snoozes in a row ask to loosen it, undo takes one back.
export KITH_DB=$T/decide.db KITH_NOW='2026-03-10 12:00'
run demo-load "$KITH_SRC/data/demo.kith"
run review
expect_in "$out" "[cadence:17]" "review shows the item's key"
run review decide cadence:17 snooze +2d --note "in court all week"
expect_rc 0 "snooze a cadence"
expect_out "snooze: Robert Lin until 2026-03-12" "snooze output"
run review --tsv --all
expect_not_in "$out" "Robert Lin" "a decided item leaves today's queue"
run review
expect_in "$out" "1 decided" "the review counts the decided"
KITH_NOW='2026-03-12 12:00' run review decide cadence:17 snooze +1d
KITH_NOW='2026-03-13 12:00' run review decide cadence:17 snooze +1w
expect_in "$out" "Snoozed 3 times in a row: loosen it?" "three snoozes ask to loosen"
run review decide followup:1 done
expect_rc 0 "done on a follow-up"
run due --tsv
expect_not_in "$out" "send fixed-fee proposal" "the follow-up is done"
run review decide followup:1 done
expect_rc 1 "a decided item is no longer in the queue"
run review decide cadence:20 snooze
expect_rc 2 "snooze needs a day"
run undo
expect_rc 0 "undo the last decision"
run due --tsv
expect_in "$out" "send fixed-fee proposal" "undo brings the follow-up back"

# kith log --by says who started a touch: reciprocity in the strength.
export KITH_DB=$T/by.db KITH_NOW='2026-03-10 12:00'
run add "Ana Example"
run log "Ana Example" --kind call --by them "she rang about the lease"
expect_rc 0 "log --by them"
run cadence "Ana Example"
expect_in "$out" "reciprocity 15.0 = 54" "they started it: full reciprocity"
run log "Ana Example" --by somebody "x"
expect_rc 2 "--by somebody refused"
expect_in "$err" "use them (they started it) or us" "--by: the accepted words"
run undo
run cadence "Ana Example"
expect_in "$out" "last touch: never" "undo takes the call and who started it back as one"
