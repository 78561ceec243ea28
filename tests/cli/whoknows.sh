#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Who knows whom and conflict checks on the demo book, through the real
# binary: kith me, kith path (a two-hop path to an organisation, up to
# three chains, the depth limit, names that name nobody), kith who, kith
# conflict (a hit through a relationship, a clean check, the record
# listed, shown as markdown and decided, never undone), kith org-link
# (followed by a check, and undone by kith undo).
#
# Environment (set by CTest): KITH (the binary), KITH_TEST_TMP (scratch
# folder), KITH_SRC (source tree).  Prints "N passed, N failed".
. "$(dirname "$0")/lib.inc"
: "${KITH_SRC:?set KITH_SRC to the source tree}"
export KITH_NOW="2026-03-10 12:00" KITH_USER="Sam Reviewer"

run demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "demo loads"

# ---- kith path ---------------------------------------------------------------
run path "Marko Petrović" "Petrović & Partneri"
expect_rc 0 "path FROM TO"
expect_out "Marko Petrović → Ana Petrović (spouse, met 56 days ago) → \
Petrović & Partneri (works at)" "a two-hop path to an organisation"

run path "Petrović & Partneri"
expect_rc 1 "path without me"
expect_in "$err" "kith me" "without me, kith path says how to set it"

run me
expect_out "No 'me' contact is set (kith me ID|QUERY sets it)." "no me yet"
run me "Eleanor Hartley"
expect_out "You are Eleanor Hartley (#1)." "kith me sets it"
run me
expect_out "You are Eleanor Hartley (#1)." "kith me shows it"
run me "Nobody At All"
expect_rc 1 "kith me of nobody"

run path "Lumen Systems"
expect_rc 0 "path from me"
expect_out "1. you → Alex Rivera (e-mailed 4 days ago) → Lumen Systems (works at)
2. you → Jordan Lee (met 35 days ago) → Lumen Systems (works at)
3. you → Samantha Wu (e-mailed 3 days ago) → Lumen Systems (works at)" \
    "three chains at most, from you"

run path --depth 1 "Marko Petrović" "Petrović & Partneri"
expect_rc 1 "no path within the depth"
expect_out "No path within 1 step." "the depth limit is said"
run path "Marko Petrović" "Claire Ashdown"
expect_out "No path within 4 steps." "no path at all"
run path --depth 9 Marko Ana
expect_rc 2 "a depth past the limit"
run path "Marko Petrović" "Nobody At All"
expect_rc 1 "a path to nobody"
expect_in "$err" "names no contact and no organisation" "nobody is named"
run path Marko Marko
expect_rc 1 "a path to oneself"
run path Petrović Lumen
expect_rc 1 "a path from a name several people have"
expect_in "$err" "'Petrović' matches several contacts: Ana Petrović (#28), \
Marko Petrović (#35); give the id" "the people it could be are named"

# ---- kith who ----------------------------------------------------------------
run who "Petrović & Partneri"
expect_rc 0 "who"
expect_in "$out" "Marko Petrović — spouse Ana Petrović, who works there" \
    "who: related to someone there"
expect_in "$out" "Ana Petrović — works there, e-mailed 5 days ago; client in \
deal 'Belgrade energy mandate'" "who: works there, and a deal"
run who "No Such Firm"
expect_rc 1 "who of no organisation"

# ---- kith conflict -----------------------------------------------------------
run conflict "Marko Petrovic" --matter "Energy dispute"
expect_rc 0 "conflict"
expect_in "$out" "Conflict check #1, 2026-03-10 12:00 UTC, by Sam Reviewer, \
for Energy dispute" "the record's heading"
expect_in "$out" "  1. Marko Petrović (contact #35) — related to a client
     Marko Petrović → spouse Ana Petrović → client in deal 'Belgrade energy \
mandate'
     matched 'Marko Petrovic': folded" "a hit through a relationship"
run conflict "Zyx Nobody"
expect_in "$out" "No hits in kith's records." "a clean check"
expect_not_in "$out" "no conflict" "a clean check never says no conflict"

run undo
expect_rc 1 "undo of a check"
expect_in "$err" "never undoes" "undo refuses the check by name"

run conflict --decide 1 pending --waiver W-77
expect_rc 0 "decide"
expect_in "$out" "Disposition: Waivable – consent pending, 2026-03-10 12:00 \
UTC, by Sam Reviewer, waiver W-77" "the disposition is appended"
run conflict --decide 1 perhaps
expect_rc 1 "an unknown disposition"
run conflict --list
expect_out "   2  2026-03-10 12:00 UTC  Sam Reviewer  Zyx Nobody  0 hits  undecided
   1  2026-03-10 12:00 UTC  Sam Reviewer  Marko Petrovic  5 hits  Waivable – consent pending" \
    "the list of checks"
run conflict --show 1 --format markdown
expect_in "$out" "| 1 | Marko Petrović | related to a client | 'Belgrade \
energy mandate' |" "markdown table"
run conflict --show 7
expect_rc 1 "no such check"
run conflict
expect_rc 2 "a check of no names"

# A subsidiary's matter reaches its parent company.
run org-link "Brenner & Söhne GmbH" "Delacroix & Associés" --as "subsidiary of"
expect_rc 0 "org-link"
run conflict "Delacroix & Associés"
expect_in "$out" "  3. Delacroix & Associés (organisation #8) — related to a client
     Delacroix & Associés → parent company of Brenner & Söhne GmbH → client \
in deal BR-ARB-01 'Brenner arbitration'" "a chain through a subsidiary"
run undo
expect_rc 1 "the check is the last action"
run undo --list
id=$(echo "$out" | awk '/org-link/ { print $1; exit }' | tr -d '#')
run undo "$id"
expect_rc 0 "the org link is undone by id"
run conflict "Delacroix & Associés"
expect_not_in "$out" "parent company of" "the link is gone"

# The loose matcher serves the check: a transliteration and an
# organisation without its legal suffix, each hit with its rule, and the
# variants tried are recorded.
run conflict "Aleksei Smirnov"
expect_rc 0 "conflict on a transliterated name"
expect_in "$out" "Алексей Смирнов (contact #" "the Cyrillic contact is found"
expect_in "$out" "matched 'Aleksei Smirnov': transliteration" "with its rule"
run conflict "Brenner und Soehne"
run conflict "Brenner & Söhne"
expect_in "$out" "Brenner & Söhne GmbH (organisation #" "the firm without GmbH"
