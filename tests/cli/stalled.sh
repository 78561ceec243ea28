#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# One rule for "stalled" everywhere: a deal touched today but with an
# overdue follow-up is listed under Stalled by kith pipeline, and so is
# marked ! by kith deal list, "stalled" by kith deal show and on the
# contact's sheet (kith show); once the follow-up is done it is none.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-11-02 09:00"

run add "Ana Petrović"
run deal add "Fresh" --contact ana --role client
run deal add "Chased" --contact ana --role client
KITH_NOW="2026-10-20 09:00" run follow --deal Chased "send the letter" --due 2026-10-30
expect_rc 0 "follow-up on the deal"

run pipeline
expect_in "$out" "Stalled (1)" "the report counts it"
expect_in "$out" "Chased" "the report lists it"
run deal list
expect_in "$out" "! Chased" "deal list marks it"
expect_in "$out" "  Fresh" "deal list leaves the fresh one"
run deal show Chased
expect_in "$out" "Chased — Interest, 0 days, stalled" "deal show says so"
run deal show Fresh
expect_not_in "$out" "stalled" "the fresh one is not"
run show ana
expect_in "$out" "(stalled)" "the contact's sheet marks it"

run done 1
expect_rc 0 "the follow-up done"
run deal list
expect_not_in "$out" "!" "done: no mark"
run pipeline
expect_not_in "$out" "Stalled (" "done: the report has none"
