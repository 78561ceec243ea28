#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith report activity on a book built day by day with KITH_NOW: what
# happened between two days, in text, TSV, Markdown and HTML, the same
# rows in every format; what falls outside the period is left out; a
# follow-up done after its day, or not yet, is missed; bad options are
# refused.
. "$(dirname "$0")/lib.inc"

at() { local day=$1; shift; KITH_NOW="$day 12:00" run "$@"; }

at 2026-10-20 add "Ana Petrović" --org "Northbridge Bank" --email ana@nb.example
at 2026-10-20 log ana --kind call --at 2026-10-20 "before the period"
at 2026-11-02 add "Bob Smith" --org "Northbridge Bank" --email bob@nb.example
at 2026-11-02 add "Chen Wei" --org "Smith & Jones <LLP>" --email chen@sj.example
at 2026-11-03 log ana --kind call "intro call"
at 2026-11-03 log ana --with bob --kind meeting "kick-off | scope"
at 2026-11-04 log chen --kind email "sent the *draft*"
at 2026-11-03 follow ana "send the letter" --due 2026-11-05
at 2026-11-03 follow bob "call back" --due 2026-11-10
at 2026-11-03 follow chen "chase the invoice" --due 2026-11-12
at 2026-11-06 done 1
at 2026-11-09 done 2
at 2026-11-04 deal add "Northbridge refinancing" --org "Northbridge Bank" \
    --value 120000 --currency EUR --contact ana --role client
at 2026-11-06 deal move northbridge Negotiation
at 2026-11-08 deal won northbridge
at 2026-11-20 log ana --kind note "after the period"

export KITH_NOW="2026-11-20 12:00"
run report activity --since 2026-11-01 --until 2026-11-15
expect_rc 0 "report activity"
expect_in "$out" "2026-11-01 to 2026-11-15" "the period under the title"
expect_in "$out" "  Interactions        3" "three interactions in the period"
expect_in "$out" "  People in touch     3" "three people"
expect_in "$out" "  Follow-ups created  3" "follow-ups created"
expect_in "$out" "  Follow-ups done     2" "follow-ups done"
expect_in "$out" "  Follow-ups missed   2" "done late and not yet are missed"
expect_in "$out" "  Contacts added      2" "Ana was added before the period"
expect_in "$out" "  Deals opened        1" "a deal opened"
expect_in "$out" "  meeting             1" "by kind"
expect_in "$out" "  Ana Petrović  Northbridge Bank                2  2026-11-03" \
    "Ana with two interactions, her last day"
expect_in "$out" "  Northbridge Bank          2             2" \
    "two people at Northbridge in two interactions"
expect_in "$out" "  2026-11-05  Ana Petrović  send the letter    2026-11-06" \
    "done a day late"
expect_in "$out" "  2026-11-12  Chen Wei      chase the invoice  not yet" \
    "not done at all"
expect_not_in "$out" "call back" "done on time is not missed"
expect_in "$out" "  2026-11-08  Northbridge refinancing  won      EUR 120,000.00" \
    "the deal won, with its value"
expect_in "$out" "  2026-11-06  Northbridge refinancing  Negotiation" "moved"
expect_in "$out" "  2026-11-08  Northbridge refinancing  Won" "moved to Won"
expect_not_in "$out" "before the period" "October left out"
expect_not_in "$out" "after the period" "20 November left out"

# The same rows as TSV: the section, then the cells.
run report activity --since 2026-11-01 --until 2026-11-15 --tsv
expect_rc 0 "--tsv"
expect_in "$out" "$(printf 'summary\tInteractions\t3')" "TSV summary"
expect_in "$out" "$(printf 'by-kind\tmeeting\t1')" "TSV by kind"
expect_in "$out" "$(printf 'by-person\tAna Petrović\tNorthbridge Bank\t2\t2026-11-03')" \
    "TSV by person"
expect_in "$out" "$(printf 'missed\t2026-11-12\tChen Wei\tchase the invoice\tnot yet')" \
    "TSV missed"
expect_in "$out" "$(printf 'deals-closed\t2026-11-08\tNorthbridge refinancing\twon\tEUR 120,000.00')" \
    "TSV deal won"
n=$(printf '%s\n' "$out" | awk -F'\t' '$1 == "by-person"' | wc -l)
[ "$n" -eq 3 ] && pass || fail "TSV: $n people, expected 3"

# Markdown: pipe tables, numbers right-aligned, markup in data escaped.
run report activity --since 2026-11-01 --until 2026-11-15 --format markdown
expect_rc 0 "--format markdown"
expect_in "$out" "# Activity" "a Markdown title"
expect_in "$out" "| Kind | Interactions |
| --- | ---: |" "a pipe table, the count right-aligned"
expect_in "$out" 'Smith & Jones \<LLP\>' "angle brackets escaped"

# HTML: one page with its own stylesheet, data escaped.
run report activity --since 2026-11-01 --until 2026-11-15 --format html \
    -o "$T/activity.html"
expect_rc 0 "--format html -o FILE"
expect_in "$err" "wrote $T/activity.html" "says where it wrote"
html=$(cat "$T/activity.html")
expect_in "$html" "<!DOCTYPE html>" "an HTML page"
expect_in "$html" "@media print" "with a print stylesheet"
expect_in "$html" "Smith &amp; Jones &lt;LLP&gt;" "data escaped"
expect_not_in "$html" "<LLP>" "no raw markup from data"
expect_not_in "$html" "<link" "self-contained: no linked stylesheet"

# The same report twice is the same bytes.
run report activity --since 2026-11-01 --until 2026-11-15 --format html
first=$out
run report activity --since 2026-11-01 --until 2026-11-15 --format html
[ "$out" = "$first" ] && pass || fail "two runs differ"

# The default period: the first of this month to today.
KITH_NOW="2026-11-10 12:00" run report activity
expect_in "$out" "2026-11-01 to 2026-11-10" "default period"

# Bad input.
run report activity --format pdf
expect_rc 2 "an unknown format"
expect_in "$err" "use text, markdown, html or tsv" "formats listed"
run report nonsense
expect_rc 2 "an unknown report"
run report activity --since 2026-11-15 --until 2026-11-01
expect_rc 1 "a period ending before it starts"
expect_in "$err" "after it ends" "the period message"
run report activity --since someday
expect_rc 1 "a since that is no date"
