#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith pipeline through the real binary, with the clock pinned by KITH_NOW:
# the open stages per currency (never added across currencies), the last
# 30 and 90 days, the stalled deals, --tsv and --currency.  The deals are
# written with sqlite3 as the schema stores them.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-12-05 12:00"
N=1796472000	# KITH_NOW in seconds (TZ=UTC)
D=86400

run pipeline
expect_rc 1 "no database"
expect_in "$err" "no kith database" "a read never creates the book"

run init
run pipeline
expect_rc 0 "empty book"
expect_out "Open stages     win deals          value           weighted
  Interest      20%     0
  Negotiation   60%     0

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

sqlite3 "$DB" "UPDATE stage SET stall_days = 10 WHERE name = 'Negotiation';
INSERT INTO deal (id, title, stage_id, value_cents, currency, created,
    updated, stage_since, touched) VALUES
 (1, 'Fresh audit', 1, 1000000, 'EUR', $N-5*$D, $N, $N, $N-5*$D),
 (2, 'Cold merger', 1, 2500050, 'EUR', $N-200*$D, $N, $N, $N-40*$D),
 (3, 'Lease', 1, 333333, 'USD', $N-30*$D, $N, $N, $N-30*$D),
 (4, 'Tokyo office', 2, 12345600, 'JPY', $N-11*$D, $N, $N, $N-11*$D),
 (5, 'Pro bono', 1, NULL, NULL, $N-3*$D, $N, $N, $N-3*$D),
 (6, 'Escape'||char(27)||'[31m', 2, 100, 'EUR', $N-3*$D, $N, $N, $N-3*$D);
INSERT INTO deal (title, stage_id, value_cents, currency, created, updated,
    stage_since, touched, closed_at) VALUES
 ('W1', 3, 100000, 'EUR', $N-100*$D, $N, $N, $N, $N-10*$D),
 ('L1', 4, 20000, 'EUR', $N-40*$D, $N, $N, $N, $N-20*$D),
 ('W2', 3, 5000000, 'USD', $N-60*$D, $N, $N, $N, $N-50*$D),
 ('W3', 3, 7000000, 'USD', $N-400*$D, $N, $N, $N, $N-95*$D);
INSERT INTO followup (deal_id, action, due, created) VALUES
 (1, 'call', '2026-12-01', $N), (6, 'call', '2026-12-09', $N);"

run pipeline
expect_rc 0 "pipeline"
expect_out "Open stages     win deals          value           weighted
  Interest      20%     2      35,000.50 EUR       7,000.10 EUR
                        1       3,333.33 USD         666.67 USD
                        1              -                  -
  Negotiation   60%     1           1.00 EUR           0.60 EUR
                        1        123,456 JPY         74,074 JPY
  All open              3      35,001.50 EUR       7,000.70 EUR
                        1        123,456 JPY         74,074 JPY
                        1       3,333.33 USD         666.67 USD
                        1              -                  -

                           last 30 days       last 90 days
  Opened                              5                  7
                          10,001.00 EUR      10,201.00 EUR
                            123,456 JPY        123,456 JPY
                           3,333.33 USD      53,333.33 USD
                                  -                  -
  Won                                 1                  2
                           1,000.00 EUR       1,000.00 EUR
                                             50,000.00 USD
  Lost                                1                  1
                             200.00 EUR         200.00 EUR
  Win rate                          50%                67%
  Days to close                      55                 40

Stalled (3)
       2  Cold merger                   Interest          40 days without a touch
       4  Tokyo office                  Negotiation       11 days without a touch
       1  Fresh audit                   Interest           5 days without a touch, follow-up 4 days late" \
    "pipeline report"

# The TSV contract: stage, count, total, weighted, currency.
run pipeline --tsv
expect_rc 0 "pipeline --tsv"
expect_out "$(printf 'Interest\t2\t35000.50\t7000.10\tEUR
Interest\t1\t3333.33\t666.67\tUSD
Interest\t1\t0.00\t0.00\t
Negotiation\t1\t1.00\t0.60\tEUR
Negotiation\t1\t123456\t74074\tJPY')" "pipeline --tsv"

run pipeline --tsv --currency eur
expect_out "$(printf 'Interest\t2\t35000.50\t7000.10\tEUR
Negotiation\t1\t1.00\t0.60\tEUR')" "--currency keeps one currency"

run pipeline --currency USD
expect_in "$out" "Win rate                            -               100%" \
    "--currency: win rate of that currency's deals"
expect_in "$out" "Stalled: none" "--currency: stalled in that currency"
expect_not_in "$out" "EUR" "--currency: no other currency"

run pipeline --stalled 1
expect_in "$out" "Stalled (3)
       2  Cold merger" "--stalled 1 lists the longest untouched"
expect_in "$out" "… and 2 more" "--stalled 1 says how many are left"
expect_not_in "$out" "Tokyo office " "--stalled 1 lists one"

# Titles and stage names reach the terminal inert.
sqlite3 "$DB" "UPDATE deal SET touched = $N-20*$D WHERE id = 6;
UPDATE stage SET name = 'Neg'||char(9)||'otiation' WHERE id = 2"
run pipeline
expect_not_in "$out" "$(printf '\033')" "no raw escape in the report"
expect_in "$out" "Escape^[[31m" "the escape shown inert"
run pipeline --tsv
expect_in "$out" "$(printf 'Neg otiation\t1\t1.00')" "a tab in a name is a space in TSV"

# A day later the follow-up is 5 days late and Lease stalls too.
KITH_NOW="2026-12-06 12:00" run pipeline
expect_in "$out" "Stalled (5)" "a day later"
expect_in "$out" "follow-up 5 days late" "a day later, 5 days late"
expect_in "$out" "Lease                         Interest          31 days" \
    "Lease stalls past 30 days"

run pipeline --currency EURO
expect_rc 1 "bad currency"
expect_in "$err" "--currency: 'EURO' is not a currency code" "bad currency named"
run pipeline --stalled x
expect_rc 2 "bad --stalled"
run pipeline extra
expect_rc 2 "no arguments"
run pipeline --help
expect_rc 0 "--help"
expect_in "$out" "stage, deals,
value, weighted value, currency" "--help documents the TSV"
