#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith pipeline through the real binary: deals made, closed and followed
# up with kith deal and kith follow at chosen moments (KITH_NOW), then the
# report on 5 December 2026 at noon: the open stages per currency (never
# added across currencies), the last 30 and 90 days, the stalled deals,
# --tsv, --currency, --stalled and the book's word for deals; then the
# demo book.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-12-05 12:00"

# at DAY CMD...: runs kith CMD with the clock at noon on DAY.
at() { local day=$1; shift; KITH_NOW="$day 12:00" run "$@"; }
# add_deal DAY TITLE OPTION...: kith deal add on DAY.
add_deal() {
	local day=$1 title=$2; shift 2
	at "$day" deal add "$title" "$@"
	[ "$rc" -eq 0 ] || fail "deal add $title: $err"
}

run pipeline
expect_rc 1 "no database"
expect_in "$err" "no kith database" "a read never creates the book"

run init
run pipeline
expect_rc 0 "empty book"
expect_out "Open stages     win   deals          value           weighted
  Interest      20%       0
  Negotiation   60%       0

                           last 30 days       last 90 days
  Opened                              0                  0
  Won                                 0                  0
  Lost                                0                  0
  Win rate                            -                  -
  Days to close                       -                  -

Stalled: none" "empty book"
run pipeline --tsv
expect_out "$(printf 'Interest\t0\t0.00\t0.00\t\nNegotiation\t0\t0.00\t0.00\t')" \
    "empty book --tsv: one row per open stage"

run stage set Negotiation --stall-days 10
run add "Ana Petrović" --org "Acme Legal"
add_deal 2026-11-30 "Fresh audit" --value 10,000 --currency EUR
add_deal 2026-10-26 "Cold merger" --value 25,000.50 --currency EUR \
    --contact ana --role client
add_deal 2026-11-05 "Lease" --value 3,333.33 --currency USD
add_deal 2026-11-24 "Tokyo office" --value 12,345,600 --currency JPY \
    --stage Negotiation
add_deal 2026-12-02 "Pro bono"
add_deal 2026-11-15 $'Escape\e[31m' --value 1 --currency eur \
    --stage Negotiation
add_deal 2026-08-27 "W1 audit" --value 1,000 --currency EUR
at 2026-11-25 deal won "W1 audit"
add_deal 2026-10-26 "L1 lease" --value 200 --currency EUR
at 2026-11-15 deal lost "L1 lease"
add_deal 2026-10-06 "W2 merger" --value 50,000 --currency USD
at 2026-10-16 deal won "W2 merger"
add_deal 2025-10-31 "W3 estate" --value 70,000 --currency USD
at 2026-09-01 deal won "W3 estate"
# Fresh audit has a follow-up overdue since 1 December.
at 2026-11-30 follow --deal "fresh audit" "call the client" --due 2026-12-01
[ "$rc" -eq 0 ] || fail "follow --deal: $err"

run pipeline
expect_rc 0 "pipeline"
# Fresh audit: 5 days untouched, but its follow-up is 4 days late.  Lease,
# untouched for exactly 30 days, is not past Interest's 30.  Escape (the
# title shown inert) is past Negotiation's 10.  Opened in 30 days: Lease
# (30 days ago to the minute) and the four made since.  Won or lost:
# W1 (90 days open) and L1 (20) in 30 days, W2 (10) too in 90, W3 (95
# days ago) in neither.
expect_out "Open stages     win   deals          value           weighted
  Interest      20%       2      35,000.50 EUR       7,000.10 EUR
                          1       3,333.33 USD         666.67 USD
                          1              -                  -
  Negotiation   60%       1           1.00 EUR           0.60 EUR
                          1     12,345,600 JPY      7,407,360 JPY
  All open                3      35,001.50 EUR       7,000.70 EUR
                          1     12,345,600 JPY      7,407,360 JPY
                          1       3,333.33 USD         666.67 USD
                          1              -                  -

                           last 30 days       last 90 days
  Opened                              5                  8
  Won                                 1                  2
                           1,000.00 EUR       1,000.00 EUR
                                             50,000.00 USD
  Lost                                1                  1
                             200.00 EUR         200.00 EUR
  Win rate                          50%                67%
  Days to close                      55                 40

Stalled (4)
       2  Cold merger                   Interest          40 days without a touch
       6  Escape^[[31m                  Negotiation       20 days without a touch
       4  Tokyo office                  Negotiation       11 days without a touch
       1  Fresh audit                   Interest           5 days without a touch, follow-up 4 days late" "pipeline report"
expect_not_in "$out" "$(printf '\033')" "no raw escape in the report"

# The TSV contract: stage, count, total, weighted, currency.
run pipeline --tsv
expect_rc 0 "pipeline --tsv"
expect_out "$(printf 'Interest\t2\t35000.50\t7000.10\tEUR
Interest\t1\t3333.33\t666.67\tUSD
Interest\t1\t0.00\t0.00\t
Negotiation\t1\t1.00\t0.60\tEUR
Negotiation\t1\t12345600\t7407360\tJPY')" "pipeline --tsv"

run pipeline --tsv --currency eur
expect_out "$(printf 'Interest\t2\t35000.50\t7000.10\tEUR
Negotiation\t1\t1.00\t0.60\tEUR')" "--currency keeps one currency"

run pipeline --currency USD
expect_in "$out" "Win rate                            -               100%" \
    "--currency: win rate of that currency's deals"
expect_in "$out" "Stalled: none" "--currency: stalled in that currency"
expect_not_in "$out" "EUR" "--currency: no other currency"

run pipeline --stalled 1
expect_in "$out" "Stalled (4)
       2  Cold merger" "--stalled 1 lists the longest untouched"
expect_in "$out" "… and 3 more" "--stalled 1 says how many are left"
expect_not_in "$out" "Tokyo office " "--stalled 1 lists one"

# Touching a deal (a call logged on it) takes it off the list.
at 2026-12-04 log --deal "cold merger" --kind call "still keen"
expect_rc 0 "log --deal"
run pipeline --stalled 0
expect_in "$out" "Stalled (3)" "a touch unstalls"
# A day later the follow-up is 5 days late and Lease stalls too.
KITH_NOW="2026-12-06 12:00" run pipeline
expect_in "$out" "Stalled (4)" "a day later"
expect_in "$out" "follow-up 5 days late" "a day later, 5 days late"
expect_in "$out" "Lease                         Interest          31 days" \
    "Lease stalls past 30 days"
# Done, the follow-up no longer stalls the deal.
run done 1
KITH_NOW="2026-12-06 12:00" run pipeline
expect_in "$out" "Stalled (3)" "a done follow-up stalls nothing"
expect_not_in "$out" "Fresh audit" "the done follow-up's deal is fine"

# The book calls them matters.
run config deal-word matter
run pipeline
expect_in "$out" "Open stages     win matters          value" \
    "the book's word for deals"

run pipeline --currency EURO
expect_rc 1 "bad currency"
expect_in "$err" "--currency: currency 'EURO'" "bad currency named"
run pipeline --currency XYZ
expect_rc 1 "currency ICU does not know"
run pipeline --stalled x
expect_rc 2 "bad --stalled"
run pipeline extra
expect_rc 2 "no arguments"
run pipeline --help
expect_rc 0 "--help"
expect_in "$out" "stage, deals,
value, weighted value, currency" "--help documents the TSV"

# The demo book: deals in every stage, some stalled, some won and lost in
# the last 30 and 90 days (data/demo.kith, dated from the clock at load).
demo=$T/demo.db
run --db "$demo" demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "demo-load"
run --db "$demo" pipeline --tsv
expect_out "$(printf 'Interest\t1\t450000.00\t90000.00\tCNY
Interest\t1\t95000.00\t19000.00\tGBP
Interest\t2\t240000.00\t48000.00\tUSD
Negotiation\t1\t320000.00\t192000.00\tEUR
Negotiation\t1\t1250000.00\t750000.00\tGBP
Negotiation\t1\t2400000.00\t1440000.00\tRUB')" "demo book --tsv"
run --db "$demo" pipeline
expect_rc 0 "demo book report"
expect_in "$out" "  Won                                 1                  2" \
    "demo book: won in 30 and 90 days"
expect_in "$out" "  Win rate                          50%                50%" \
    "demo book: win rate"
expect_in "$out" "Stalled (3)
       6  Brenner arbitration           Negotiation       60 days without a touch" \
    "demo book: stalled deals, longest untouched first"
