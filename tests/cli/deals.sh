#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith deal, kith stage and kith config deal-word through the real binary,
# with the clock pinned by KITH_NOW: adding, each kind of bad input
# refused naming its option with nothing written, moves and closes with
# their history, undo, lists, the deal sheet, logging and follow-ups on a
# deal, the contact's side (kith show, kith list --in-deal), and the
# stage rules.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-11-02 09:00"

run add "Ana Petrović" --email ana@example.org
run add "Bob Smith"
run add "Bob Jones"
run add "Zoë Quist"

run deal add Northbridge acquisition --org "Northbridge Ltd" \
    --value 12,500.50 --currency eur --contact ana --role Client \
    --contact "Bob Smith" --role "decision maker" --ref M-2026-014 \
    --fee Fixed --practice "M&A" --next "send engagement letter" \
    --close 2026-12-15 --originator zoe
expect_rc 0 "deal add"
expect_out "added deal 1: Northbridge acquisition (Interest)" "deal add says"
run deal add Harbour lease --value 300000 --currency JPY --org Harbour \
    --stage negotiation
expect_out "added deal 2: Harbour lease (Negotiation)" "deal add --stage"

# Bad input: a clear error naming the option, exit 1, nothing written.
changes=$("$KITH" undo --list | wc -l)
bad() {
	local what=$1 needle=$2
	shift 2
	run deal add "Bad deal" "$@"
	expect_rc 1 "$what"
	expect_in "$err" "$needle" "$what: message"
}
bad "unknown stage" "--stage 'Closing': no such stage (the stages are Interest, Negotiation, Won, Lost)" --stage Closing
bad "negative value" "--value '-5': a value cannot be negative" --value -5
bad "non-numeric value" "--value 'abc': not a plain amount" --value abc
bad "value with a suffix" "--value '1.5k'" --value 1.5k
bad "too many decimals" "--value '1.505'" --value 1.505 --currency EUR
bad "decimals of a currency without" "--value '1.5'" --value 1.5 --currency JPY
bad "unknown currency" "--currency 'EUX': not an ISO 4217 code" --currency EUX --value 5
bad "unknown role" "--role 'sidekick': not a deal role (the roles are client, decision maker," --contact ana --role sidekick
bad "ambiguous contact" "--contact: 'bob' matches 2 contacts" --contact bob --role client
bad "unknown contact" "--contact: no contact's name matches 'nobody'" --contact nobody
bad "unknown fee" "--fee 'pro bono': use one of hourly|fixed|contingency|retainer|other" --fee "pro bono"
bad "bad close date" "--close: 'someday' is not a date" --close someday
run deal add "Bad deal" --role client
expect_rc 1 "role without contact"
run deal list --tsv
expect_not_in "$out" "Bad deal" "nothing written"
[ "$("$KITH" undo --list | wc -l)" -eq "$changes" ] && pass ||
    fail "bad input left a change in the journal"

run deal list --tsv
expect_out "$(printf '1\tNorthbridge acquisition\tNorthbridge Ltd\tInterest\t12500.50\tEUR\t0
2\tHarbour lease\tHarbour\tNegotiation\t300000\tJPY\t0')" "deal list --tsv"

export KITH_NOW="2026-11-12 09:00"
run deal move north negotiation
expect_rc 0 "move"
expect_out "moved 1 to Negotiation" "move says"
run deal move M-2026-014 Negotiation
expect_rc 0 "move to the same stage"
expect_out "Northbridge acquisition is in Negotiation already; nothing changed" "same stage says so"
run undo --list
expect_in "$out" "moved Northbridge acquisition to Negotiation" "journal label"
run deal move north nowhere
expect_rc 1 "move to unknown stage"
expect_in "$err" "stage 'nowhere': no such stage" "unknown stage on move"
run deal move nosuchdeal Won
expect_rc 1 "move unknown deal"
expect_in "$err" "no deal has the id, reference or title 'nosuchdeal'" "unknown deal"

export KITH_NOW="2026-11-20 09:00"
run deal list --stage negotiation
expect_in "$out" "Northbridge acquisition" "list --stage"
expect_in "$out" "12,500.50 EUR    8d" "list shows value and days"
expect_in "$out" "300,000 JPY   18d" "yen without decimals"
run deal list harbour
expect_not_in "$out" "Northbridge" "list QUERY"
run deal list "northbridge ltd"
expect_in "$out" "Northbridge acquisition" "list QUERY finds the organisation"

run deal show north
expect_rc 0 "show"
expect_out "Northbridge acquisition — Negotiation, 8 days
id           1
reference    M-2026-014
organisation Northbridge Ltd
value        12,500.50 EUR
fee          fixed
practice     M&A
originator   Zoë Quist (#4)
close        2026-12-15
next step    send engagement letter

People
  client             Ana Petrović (#1)
  decision maker     Bob Smith (#2)

Stage history
  2026-11-02  Interest         10 days
  2026-11-12  Negotiation      8 days so far" "deal sheet"

# Undo of a move.
run undo
expect_in "$out" "moved Northbridge acquisition to Negotiation" "undo names the move"
run deal list --tsv north
expect_in "$out" "Interest" "undo moved it back"

# Stalled: 30 days untouched in an open stage.
export KITH_NOW="2026-12-03 10:00"
run deal list north
expect_in "$out" "     1 ! Northbridge" "stalled after 30 days"
run log --deal north --kind call "spoke with the CFO"
expect_rc 0 "log --deal"
run deal list north
expect_in "$out" "     1   Northbridge" "logging touches the deal"
run show ana
expect_in "$out" "2026-12-03 10:00 call    spoke with the CFO" "the deal's people took part"
expect_in "$out" "Deals
     1  Northbridge acquisition        client           Interest" "contact sheet lists deals"
run follow --deal north --with ana "send the letter" --due +2d
expect_rc 0 "follow --deal"
run follow --deal north "check conflicts" --due +1d
run deal show 1
expect_in "$out" "Follow-ups
  2026-12-04      2  check conflicts
  2026-12-05      1  send the letter — Ana Petrović" "follow-ups on the sheet"
expect_in "$out" "Latest interactions
  2026-12-03 10:00 call    spoke with the CFO" "interactions on the sheet"

run list --in-deal
expect_in "$out" "Ana Petrović" "in-deal lists Ana"
expect_not_in "$out" "Zoë" "originator alone is not in the deal"
expect_not_in "$out" "Jones" "in-deal leaves others out"
run list --in-deal --tsv bob
expect_out "$(printf '2\tBob Smith\t\t\t')" "in-deal with a query"

# Won and lost.
run deal won north --reason "fixed fee accepted"
expect_rc 0 "won"
expect_out "1 Northbridge acquisition: won (Won)" "won says"
run deal show 1
expect_in "$out" "Northbridge acquisition — Won 2026-12-03" "won headline"
expect_in "$out" "reason       fixed fee accepted" "reason kept"
run list --in-deal
expect_not_in "$out" "Ana" "a won deal is not open"
run deal lost harbour
expect_rc 0 "lost"

# Edit: only what changes; contacts on and off.
run deal edit harbour --value 450,000 --next "sign" --contact jones --role "adverse party"
expect_rc 0 "edit"
run deal show harbour
expect_in "$out" "value        450,000 JPY" "edit value"
expect_in "$out" "adverse party      Bob Jones (#3)" "edit adds a contact"
run deal edit harbour --rm-contact jones --next ""
run deal show harbour
expect_not_in "$out" "Bob Jones" "rm-contact"
expect_not_in "$out" "next step" "empty value clears"
run deal edit harbour --value -3
expect_rc 1 "edit with a bad value"

# Ambiguous deal lookup.
run deal add Northbridge lease
run deal show northbridge
expect_rc 1 "ambiguous deal"
expect_in "$err" "'northbridge' matches 2 deals" "ambiguous deal message"
expect_in "$err" "Northbridge acquisition" "candidates listed"

# rm asks, --yes goes ahead, undo brings it back.
run deal rm 3 < /dev/null
expect_rc 1 "rm without a terminal"
expect_in "$err" "give --yes" "rm says --yes"
run deal rm 3 --yes
expect_rc 0 "rm --yes"
run deal show 3
expect_rc 1 "removed"
run undo
run deal show 3
expect_rc 0 "undo of rm"

# Stages.
run stage list
expect_out " 1  Interest         open  20%  stalled after 30 days
 2  Negotiation      open  60%  stalled after 30 days
 3  Won              won  100%
 4  Lost             lost   0%" "stage list"
run stage add Proposal --probability 40 --stall-days 14
expect_rc 0 "stage add"
run stage add Proposal
expect_rc 1 "stage add twice"
run stage add Odd --probability 120
expect_rc 1 "probability out of range"
expect_in "$err" "--probability '120'" "names the option"
run stage add Odd --kind closed
expect_rc 1 "unknown kind"
run stage move Proposal 0
expect_rc 1 "position out of range"
expect_in "$err" "position '0': expected a whole number" "names the argument"
expect_not_in "$err" "--pos" "not an option the command was not given"
run stage move Proposal 2
run stage rename proposal Offer
run stage list
expect_in "$out" " 2  Offer            open  40%  stalled after 14 days" "add, move, rename"
run stage rm Won
expect_rc 1 "rm a stage holding a deal"
expect_in "$err" "stage Won holds 1 deal" "says why"
run stage rm Won --to Lost
expect_rc 0 "rm --to"
run deal list --tsv acquisition
expect_in "$out" "Lost" "deals moved to --to"
run stage rm Offer
expect_rc 0 "rm an empty stage"
run stage rm Lost
expect_rc 1 "rm Lost with deals"

# The word.
run config deal-word
expect_out "deal-word deal" "default word"
run config deal-word matter
run deal add "Estate of Jones"
expect_out "added matter 4: Estate of Jones (Interest)" "matter in messages"
run show ana
expect_in "$out" "Matters" "matter on the contact sheet"
run config deal-word case
expect_rc 1 "unknown word"

# The role list.
run deal roles add "expert witness"
expect_rc 0 "roles add"
expect_in "$out" "other
expert witness" "added last"
run deal roles rm client
expect_rc 1 "a role in use stays"
expect_in "$err" "on a matter as client" "says who uses it"
run deal roles rm "expert witness"
expect_rc 0 "roles rm"
expect_not_in "$out" "expert witness" "removed"

# deal and stage take --db before the subcommand too.
run deal --db "$DB" list --tsv
expect_rc 0 "--db before the subcommand"
