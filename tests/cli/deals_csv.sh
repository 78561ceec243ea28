#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Deals as CSV (issue 11): kith export --format deals and kith import
# --format deals: the round trip is byte-identical, bad rows are rejected
# with their line and column and kept aside, people are found by the
# contact lookup, a repeated deal merges, and the import is undone whole.
. "$(dirname "$0")/lib.inc"
export KITH_NOW="2026-11-25 09:00"

# contacts BOOK: the same people in any book.
contacts() {
	"$KITH" --db "$1" add "Ana Petrović" --email ana@example.com >/dev/null
	"$KITH" --db "$1" add "Bob Smith" >/dev/null
	"$KITH" --db "$1" add "Carol (UK); Ltd" >/dev/null
	"$KITH" --db "$1" add "Dan Brown" >/dev/null
	"$KITH" --db "$1" add "Dan Green" >/dev/null
}

A="$T/a.db"
B="$T/b.db"
contacts "$A"
contacts "$B"

cat >"$T/in.csv" <<'EOF'
Title,Reference,Stage,Value,Currency,Organisation,Fee,Practice,Originator,Responsible,Expected close,Next step,Notes,Reason,Opened,Closed,Last touch,People,History
Northbridge acquisition,M-001,Negotiation,"12,500.50",eur,Northbridge,Fixed,M&A,Bob Smith,<ana@example.com>,2027-01-31,send the letter,"=SUM(A1)
second line",,2026-10-01 09:00:00,,2026-11-20 10:00:00,"Ana Petrović <ana@example.com> (client); Bob Smith (decision maker); Carol \(UK\)\; Ltd",2026-10-01 09:00:00 Interest; 2026-11-03 15:04:05 Negotiation
Small thing,,,,,,,,,,,,,,,,,,
Lost one,,Lost,100,JPY,,,,,,,,,too dear,,,,Bob Smith (referrer),2026-09-01 Interest; 2026-09-10 10:00 Lost
EOF

# ---- import into a book with the contacts ------------------------------
run --db "$A" import --format deals "$T/in.csv"
expect_rc 0 "a deals file imports"
expect_in "$out" "imported 3 rows: 3 added, 0 merged, 0 rejected" "the report counts the deals"
expect_in "$err" "kith import --undo 1 takes it back" "it names its batch"
run --db "$A" export --format deals "$T/a.csv"
expect_rc 0 "export --format deals"
expect_in "$err" "exported 3 deals to $T/a.csv" "export counts the deals"
exp=$(cat "$T/a.csv")
expect_in "$exp" "Title,Reference,Stage,Value,Currency,Organisation,Fee,Practice,Originator,Responsible,Expected close,Next step,Notes,Reason,Opened,Closed,Last touch,People,History" "the header names every column"
expect_in "$exp" "Northbridge acquisition,M-001,Negotiation,12500.50,EUR,Northbridge,fixed,M&A,Bob Smith,Ana Petrović <ana@example.com>,2027-01-31,send the letter,\"'=SUM(A1)" "fields, value in the currency's digits, free text guarded"
expect_in "$exp" "2026-10-01 09:00:00,,2026-11-20 10:00:00,Ana Petrović <ana@example.com> (client); Bob Smith (decision maker); Carol \\(UK)\\; Ltd,2026-10-01 09:00:00 Interest; 2026-11-03 15:04:05 Negotiation" "people with roles, history with moments"
expect_in "$exp" "Small thing,,Interest,,,,,,,,,,,,2026-11-25 09:00:00,,2026-11-25 09:00:00,,2026-11-25 09:00:00 Interest" "a bare title enters the first open stage now"
expect_in "$exp" "Lost one,,Lost,100,JPY,,,,,,,,,too dear,2026-09-01 00:00:00,2026-09-10 10:00:00,2026-09-10 10:00:00,Bob Smith (referrer),2026-09-01 00:00:00 Interest; 2026-09-10 10:00:00 Lost" "a lost deal is closed when it entered Lost"

# ---- the round trip: a fresh book with the same contacts ---------------
KITH_NOW="2026-12-01 12:00" run --db "$B" import --format deals "$T/a.csv"
expect_rc 0 "the export imports into another book"
expect_in "$out" "3 added" "every deal is added"
KITH_NOW="2026-12-01 12:00" run --db "$B" export --format deals "$T/b.csv"
if cmp -s "$T/a.csv" "$T/b.csv"; then pass; else
	fail "round trip: exports differ: $(diff "$T/a.csv" "$T/b.csv")"; fi

# ---- the same file again merges, changing nothing -----------------------
run --db "$B" import --format deals "$T/a.csv"
expect_in "$out" "0 added, 3 merged" "a deal with the same reference or title merges"
run --db "$B" export --format deals "$T/b2.csv"
if cmp -s "$T/a.csv" "$T/b2.csv"; then pass; else
	fail "a repeated import changed the deals: $(diff "$T/a.csv" "$T/b2.csv")"; fi

# ---- a merge writes changed fields, new people and later steps ---------
cat >"$T/more.csv" <<'EOF'
Title,Reference,Stage,Notes,People,History
Renamed acquisition,M-001,Won,new notes,Dan Brown (expert),2026-11-24 08:00:00 Won
small THING,,,bigger now,,
EOF
run --db "$B" import --format deals "$T/more.csv"
expect_in "$out" "0 added, 2 merged" "by reference, and by folded title without one"
run --db "$B" export --format deals -
expect_in "$out" "Renamed acquisition,M-001,Won," "the title changed, the stage moved on"
expect_in "$out" ",new notes," "the notes changed"
expect_in "$out" "Bob Smith (decision maker); Dan Brown (expert); Carol \\(UK)\\; Ltd" "the new person joined the others, by role"
expect_in "$out" "15:04:05 Negotiation; 2026-11-24 08:00:00 Won" "the history gained the step"
expect_in "$out" "small THING,,Interest,,,,,,,,,,bigger now," "the title without a reference merged (its spelling is a changed field)"
expect_in "$out" ",2026-11-24 08:00:00,2026-11-24 08:00:00," "closed when it was won"

# ---- kith undo takes the merge back, then the import -------------------
run --db "$B" undo --yes
expect_rc 0 "undo the merging import"
expect_in "$out" "imported $T/more.csv" "undo names the import"
run --db "$B" undo --yes
expect_in "$out" "0 added, 3 merged" "then the import that changed nothing"
run --db "$B" export --format deals "$T/b3.csv"
if cmp -s "$T/a.csv" "$T/b3.csv"; then pass; else
	fail "undo did not restore the deals: $(diff "$T/a.csv" "$T/b3.csv")"; fi

# ---- import --undo N, and the undo of that undo redoes it ---------------
run --db "$B" import --undo 1 --yes
expect_rc 0 "import --undo of a deals import"
expect_in "$out" "undid import 1: 3 removed, 0 restored" "it says what it took back"
run --db "$B" export --format deals -
expect_out "Title,Reference,Stage,Value,Currency,Organisation,Fee,Practice,Originator,Responsible,Expected close,Next step,Notes,Reason,Opened,Closed,Last touch,People,History" "no deal is left"
run --db "$B" import --list
expect_in "$out" "undone" "the batch is listed as undone"
run --db "$B" import --undo 1 --yes
expect_rc 1 "an undone import cannot be undone again"
run --db "$B" undo --list
undo_id=$(echo "$out" | head -1 | awk '{print $1}')
expect_in "$(echo "$out" | head -1)" "undid #" "the import --undo is a change"
run --db "$B" undo "$undo_id"
expect_rc 0 "undoing the undo"
run --db "$B" export --format deals "$T/b4.csv"
if cmp -s "$T/a.csv" "$T/b4.csv"; then pass; else
	fail "redo did not bring the deals back: $(diff "$T/a.csv" "$T/b4.csv")"; fi
run --db "$B" import --list
expect_not_in "$(echo "$out" | head -1)" "undone" "redone, the batch is not undone"

# ---- a deal changed since the import: its undo refuses -----------------
run --db "$B" import --format deals "$T/more.csv"
run --db "$B" import --undo 1 --yes
expect_rc 1 "the import's deals were changed since"
expect_in "$err" "nothing was undone" "the undo refuses whole"
run --db "$B" export --format deals -
expect_in "$out" "Renamed acquisition" "and changes nothing"

# ---- kith's deals export is recognised without --format ---------------
E="$T/e.db"
contacts "$E"
run --db "$E" import "$T/a.csv"
expect_rc 0 "the deals header is recognised"
expect_in "$out" "3 added, 0 merged, 0 rejected, 0 possible duplicates (format: deals)" "as deals"
run --db "$E" list --tsv
expect_not_in "$out" "Northbridge" "and makes no contacts"
run --db "$E" import --format kith "$T/a.csv"
expect_rc 1 "--format kith on deals: no contact column"
expect_in "$err" "(read as kith)" "--format says otherwise: read as contacts"

# ---- --dry-run writes nothing -------------------------------------------
C="$T/c.db"
contacts "$C"
run --db "$C" import --format deals --dry-run "$T/a.csv"
expect_rc 0 "a dry run"
expect_in "$out" "would import 3 rows: 3 would be added" "it says would import"
run --db "$C" export --format deals -
expect_out "Title,Reference,Stage,Value,Currency,Organisation,Fee,Practice,Originator,Responsible,Expected close,Next step,Notes,Reason,Opened,Closed,Last touch,People,History" "and imports nothing"
run --db "$C" import --list
expect_out "No imports yet." "nor records an import"

# ---- people not found or ambiguous: a warning, the deal imports --------
cat >"$T/who.csv" <<'EOF'
Title,People,Responsible
Who is it,Nobody Here (client); Dan (witness); Bob Smith,Dan
EOF
run --db "$C" import --format deals "$T/who.csv"
expect_rc 0 "missing people do not stop a deal"
expect_in "$err" "who.csv:2: warning: People: 'Nobody Here' is no contact; left out" "a person not found is named with the line"
expect_in "$err" "who.csv:2: warning: People: 'Dan' names several contacts; left out" "an ambiguous person is named"
expect_in "$err" "who.csv:2: warning: Responsible: 'Dan' names several contacts" "so is an ambiguous responsible person"
expect_in "$out" "1 added" "the deal is added"
run --db "$C" export --format deals -
expect_in "$out" "Who is it,,Interest,,,,,,,,,,,,2026-11-25 09:00:00,,2026-11-25 09:00:00,Bob Smith," "with the people found"

# ---- each bad row: rejected with its line and column, kept aside -------
D="$T/d.db"
contacts "$D"
cat >"$T/bad.csv" <<'EOF'
Title,Stage,Value,Currency,Fee,Expected close,Opened,People,History,Originator
Good one,,,,,,,,,
Bad stage,Closing,,,,,,,,
Negative,,-5,EUR,,,,,,
Not a number,,lots,EUR,,,,,,
Too many decimals,,1.234,EUR,,,,,,
Bad currency,,10,EUX,,,,,,
Bad role,,,,,,,Bob Smith (sponsor),,
Bad fee,,,,weekly,,,,,
Bad close,,,,,31/01/2027,,,,
Bad opened,,,,,,yesterday,,,
Bad history stage,,,,,,,,2026-10-01 09:00:00 Closing,
Bad history date,,,,,,,,2026-13-01 Interest,
Not the last stage,Interest,,,,,,,2026-10-01 Interest; 2026-10-02 Negotiation,
Unclosed,,,,,,,Ana <ana@example.com,,
Two originators,,,,,,,,,Bob Smith; Dan Brown
,Interest,,,,,,,,
Extra cell,,,,,,,,,,surplus
EOF
run --db "$D" import --format deals "$T/bad.csv"
expect_rc 1 "rejected rows make the exit status 1"
expect_in "$out" "imported 17 rows: 1 added, 0 merged, 16 rejected" "the report counts them"
expect_in "$err" "bad.csv:3: rejected: Stage: stage 'Closing': no such stage" "unknown stage"
expect_in "$err" "bad.csv:4: rejected: Value: " "negative value"
expect_in "$err" "bad.csv:5: rejected: Value: " "non-numeric value"
expect_in "$err" "bad.csv:6: rejected: Value: " "too many decimals for the currency"
expect_in "$err" "bad.csv:7: rejected: Currency: currency 'EUX'" "unknown currency"
expect_in "$err" "bad.csv:8: rejected: People: role 'sponsor': not a deal role" "unknown role"
expect_in "$err" "bad.csv:9: rejected: Fee: 'weekly' is not a fee arrangement" "unknown fee"
expect_in "$err" "bad.csv:10: rejected: Expected close: '31/01/2027' is not a date YYYY-MM-DD" "bad expected close"
expect_in "$err" "bad.csv:11: rejected: Opened: 'yesterday' is not a moment" "bad opened moment"
expect_in "$err" "bad.csv:12: rejected: History: stage 'Closing': no such stage" "unknown stage in the history"
expect_in "$err" "bad.csv:13: rejected: History: '2026-13-01 Interest' is not" "bad date in the history"
expect_in "$err" "bad.csv:14: rejected: Stage: Interest is not the last stage of the History" "stage and history disagree"
expect_in "$err" "bad.csv:15: rejected: People: 'Ana <ana@example.com': an e-mail opened with < is not closed" "unreadable people"
expect_in "$err" "bad.csv:16: rejected: Originator: 'Bob Smith; Dan Brown' is not one person" "two originators"
expect_in "$err" "bad.csv:17: rejected: Title: empty" "no title"
expect_in "$err" "bad.csv:18: rejected: a cell past the last column" "a cell past the header"
expect_in "$err" "16 rejected rows kept in $T/bad.csv.rejected.csv" "the rejects file is named"
rej=$(cat "$T/bad.csv.rejected.csv")
expect_in "$rej" '"Title","Stage","Value"' "the rejects file has the header"
expect_in "$rej" '"Bad stage","Closing"' "and the rejected rows"
expect_not_in "$rej" "Good one" "but not the good one"
run --db "$D" export --format deals -
expect_in "$out" "Good one,,Interest" "the good row was imported"
expect_not_in "$out" "Bad stage" "no bad row was"

# ---- a file that is no deals file is refused whole ---------------------
printf 'Title,Colour\nx,red\n' >"$T/odd.csv"
run --db "$D" import --format deals "$T/odd.csv"
expect_rc 1 "an unknown column refuses the file"
expect_in "$err" "odd.csv:1: column 2 \"Colour\" is not a deals column" "naming the column"
expect_in "$err" "nothing was imported" "and nothing is imported"
printf 'Name,Email\nAna,ana@example.com\n' >"$T/contacts.csv"
run --db "$D" import --format deals "$T/contacts.csv"
expect_rc 1 "a contacts file is not a deals file"
run --db "$D" import --list
expect_not_in "$out" "odd.csv" "a refused file records no import"

# ---- the demo book: its contacts and deals into a fresh book -----------
: "${KITH_SRC:=$(cd "$(dirname "$0")/../.." && pwd)}"
M="$T/demo.db"
N="$T/fresh.db"
run --db "$M" demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "the demo book loads"
run --db "$M" export "$T/demo-contacts.csv"
run --db "$M" export --format deals "$T/demo-deals.csv"
expect_rc 0 "the demo's deals export"
expect_in "$err" "exported 11 deals" "every demo deal"
run --db "$N" import "$T/demo-contacts.csv"
expect_rc 0 "the demo's contacts make the fresh book"
KITH_NOW="2026-12-20 09:00" run --db "$N" import "$T/demo-deals.csv"
expect_rc 0 "the demo's deals import into it"
expect_in "$out" "11 added, 0 merged, 0 rejected" "every deal is added"
expect_not_in "$err" "warning" "every person is found"
run --db "$N" export --format deals "$T/demo-deals2.csv"
if cmp -s "$T/demo-deals.csv" "$T/demo-deals2.csv"; then pass; else
	fail "demo round trip: $(diff "$T/demo-deals.csv" "$T/demo-deals2.csv")"; fi
a=$("$KITH" --db "$M" deal list --tsv)
b=$("$KITH" --db "$N" deal list --tsv)
if [ -n "$a" ] && [ "$a" = "$b" ]; then pass; else
	fail "days in stage differ after the trip:
$a
---
$b"; fi
