#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# The demo address book (data/demo.kith) loads through the real binary and
# reads back as written: one list row per contact line, names from every
# alphabet byte for byte, the overdue and due-today follow-ups in "kith due"
# and the completed ones nowhere.  A broken demo file is refused with the
# file and line of the mistake and leaves the database empty: the load is
# one transaction.
#
# The expected counts are taken from demo.kith itself, so the data can be
# edited without touching this test.  The clock is pinned with KITH_NOW
# (and TZ) so that loading and querying agree on "today" even across
# midnight.
#
# Environment (set by CTest): KITH (the binary), KITH_TEST_TMP (scratch
# folder), KITH_SRC (source tree).  Prints "N passed, N failed"; exits
# non-zero if anything failed.

set -u

: "${KITH:?set KITH to the kith binary}"
: "${KITH_TEST_TMP:?set KITH_TEST_TMP to a scratch folder}"
: "${KITH_SRC:?set KITH_SRC to the source tree}"

export LC_ALL=C.UTF-8 TZ=UTC KITH_NOW='2026-03-10 12:00'
unset KITH_DB

demo=$KITH_SRC/data/demo.kith
tmp=$(mktemp -d "$KITH_TEST_TMP/demo.XXXXXX") || exit 1
trap 'rm -rf "$tmp"' EXIT

passed=0
failed=0
TAB=$'\t'

pass() {
	passed=$((passed + 1))
}

fail() {
	failed=$((failed + 1))
	printf 'FAIL: %s\n' "$*" >&2
}

# check DESCRIPTION COMMAND...: passes if the command succeeds.
check() {
	local what=$1
	shift
	if "$@"; then
		pass
	else
		fail "$what"
	fi
}

# Is $2 a line of file $1?
has_line() {
	grep -qxF -- "$2" "$1"
}

# Does column $2 of TSV file $1 hold exactly $3 on some row?
has_field() {
	awk -F'\t' -v c="$2" -v v="$3" '$c == v { f = 1 } END { exit !f }' "$1"
}

lacks_field() {
	! has_field "$@"
}

# Does file $1 not contain the text $2?
lacks_text() {
	! grep -qF -- "$2" "$1"
}

# Demo records of type $1 whose WHEN (field $2) matches regex $3: field $4.
records() {
	awk -F'\t' -v t="$1" -v w="$2" -v re="$3" -v f="$4" \
	    '$1 == t && $w ~ re { print $f }' "$demo"
}

# --- the demo loads -------------------------------------------------------

db=$tmp/demo.db
if KITH_DB=$db "$KITH" demo-load "$demo" >"$tmp/load.out" 2>"$tmp/load.err"
then
	pass
else
	fail "demo-load exited $?: $(cat "$tmp/load.err")"
fi
check "demo-load is silent on success" test ! -s "$tmp/load.err"

# --- one list row per contact line ----------------------------------------

n_contacts=$(grep -c "^contact$TAB" "$demo")
check "demo.kith has contacts" test "$n_contacts" -gt 0
if "$KITH" --db "$db" list --tsv >"$tmp/list.tsv" 2>"$tmp/list.err"; then
	pass
else
	fail "list --tsv exited $?: $(cat "$tmp/list.err")"
fi
rows=$(wc -l <"$tmp/list.tsv")
check "list --tsv has $n_contacts rows (got $rows)" \
    test "$rows" -eq "$n_contacts"

# Every contact's display name is listed byte for byte (column 2).
missing=0
while IFS= read -r name; do
	if ! has_field "$tmp/list.tsv" 2 "$name"; then
		fail "list --tsv lacks '$name'"
		missing=1
	fi
done < <(records contact 1 '' 2)
[ "$missing" -eq 0 ] && pass

# The ones most likely to go wrong, named, so a failure says which.
for name in 'Петар Јовановић' 'Алексей Смирнов' '王小明' '李娜' \
    "Siobhan O'Brien" 'Jürgen Brenner' 'Katharina Weiß' \
    'Dragan Đorđević' 'Élodie Delacroix'; do
	check "list --tsv has '$name' byte-exact" \
	    has_field "$tmp/list.tsv" 2 "$name"
done

# Cyrillic is found from Latin: the folded search form.
"$KITH" --db "$db" list jovanovic --tsv >"$tmp/find.tsv" 2>/dev/null
check "list jovanovic finds Петар Јовановић" \
    has_field "$tmp/find.tsv" 2 'Петар Јовановић'

# --- follow-ups -----------------------------------------------------------

records follow 3 '^-' 4 >"$tmp/overdue.txt"
records follow 3 '^today$' 4 >"$tmp/today.txt"
records follow 3 '^\+' 4 >"$tmp/ahead.txt"
records done 3 '' 4 >"$tmp/done.txt"
n_overdue=$(wc -l <"$tmp/overdue.txt")
n_today=$(wc -l <"$tmp/today.txt")
n_ahead=$(wc -l <"$tmp/ahead.txt")
check "demo.kith has overdue follow-ups" test "$n_overdue" -gt 0
check "demo.kith has follow-ups due today" test "$n_today" -gt 0

# Plain "kith due": every overdue and due-today action, nothing later.
if "$KITH" --db "$db" due >"$tmp/due.out" 2>"$tmp/due.err"; then
	pass
else
	fail "due exited $?: $(cat "$tmp/due.err")"
fi
while IFS= read -r action; do
	check "due lists overdue '$action'" grep -qF -- "$action" "$tmp/due.out"
done <"$tmp/overdue.txt"
while IFS= read -r action; do
	check "due lists today's '$action'" grep -qF -- "$action" "$tmp/due.out"
done <"$tmp/today.txt"
while IFS= read -r action; do
	check "due leaves out upcoming '$action'" \
	    lacks_text "$tmp/due.out" "$action"
done <"$tmp/ahead.txt"

# "due --tsv": id, due, days late, contact id, name, action.
"$KITH" --db "$db" due --tsv >"$tmp/due.tsv" 2>/dev/null
got=$(awk -F'\t' '$3 > 0' "$tmp/due.tsv" | wc -l)
check "due --tsv: $n_overdue overdue (got $got)" test "$got" -eq "$n_overdue"
got=$(awk -F'\t' '$3 == 0' "$tmp/due.tsv" | wc -l)
check "due --tsv: $n_today due today (got $got)" test "$got" -eq "$n_today"
check "due --tsv: most overdue first" \
    awk -F'\t' 'NR > 1 && $3 > prev { exit 1 } { prev = $3 }' "$tmp/due.tsv"

# Far enough ahead, every pending follow-up and none of the done ones.
"$KITH" --db "$db" due --days 400 --tsv >"$tmp/all.tsv" 2>/dev/null
got=$(wc -l <"$tmp/all.tsv")
want=$((n_overdue + n_today + n_ahead))
check "due --days 400: $want pending (got $got)" test "$got" -eq "$want"
while IFS= read -r action; do
	check "done '$action' is not pending" \
	    lacks_field "$tmp/all.tsv" 6 "$action"
done <"$tmp/done.txt"
check "Cyrillic follow-up names its contact" \
    has_field "$tmp/all.tsv" 5 'Алексей Смирнов'

# --- deals: one per deal line, every stage alive ----------------------------

"$KITH" --db "$db" deal list --tsv >"$tmp/deals.tsv" 2>"$tmp/deals.err"
check "deal list --tsv" test ! -s "$tmp/deals.err"
n_deals=$(grep -c "^deal$TAB" "$demo")
rows=$(wc -l <"$tmp/deals.tsv")
check "deal list has $n_deals rows (got $rows)" test "$rows" -eq "$n_deals"
while IFS= read -r title; do
	check "deal list has '$title'" has_field "$tmp/deals.tsv" 2 "$title"
done < <(records deal 1 '' 2)
for stage in Interest Negotiation Won Lost; do
	n=$(awk -F'\t' -v s="$stage" '$4 == s' "$tmp/deals.tsv" | wc -l)
	check "the demo has at least two deals in $stage (got $n)" \
	    test "$n" -ge 2
done
"$KITH" --db "$db" deal list >"$tmp/deals.txt"
check "some demo deals are stalled" grep -q '^ *[0-9]* !' "$tmp/deals.txt"
check "some open demo deals are not" \
    grep -q '^ *[0-9]*   .* Interest ' "$tmp/deals.txt"
# Closed within the last 30 and the last 90 days.
check "a deal won 12 days ago" \
    awk -F'\t' '$4 == "Won" && $7 == 12 { f = 1 } END { exit !f }' \
    "$tmp/deals.tsv"
check "a deal lost 50 days ago" \
    awk -F'\t' '$4 == "Lost" && $7 == 50 { f = 1 } END { exit !f }' \
    "$tmp/deals.tsv"
"$KITH" --db "$db" deal show "Northbridge acquisition" >"$tmp/deal.txt"
check "the deal sheet lists people with roles" \
    grep -qF "opposing counsel   Siobhan O'Brien" "$tmp/deal.txt"
bad=$tmp/bad.kith
printf 'deal\tX\ttoday\tvalue=-3\n' >"$bad"
KITH_DB=$tmp/bad0.db "$KITH" demo-load "$bad" >/dev/null 2>"$tmp/bad.err"
check "bad deal value: message names line 1" \
    grep -qF "bad.kith:1: value '-3'" "$tmp/bad.err"
printf 'move\tNo such deal\tWon\ttoday\n' >"$bad"
KITH_DB=$tmp/bad0.db "$KITH" demo-load "$bad" >/dev/null 2>"$tmp/bad.err"
check "move of an unknown deal: message" \
    grep -qF "no deal 'No such deal' above" "$tmp/bad.err"

# --- a broken file: line-numbered error, nothing written ------------------

bad=$tmp/bad.kith
{
	grep "^contact$TAB" "$demo" | head -n 5
	printf 'contact\tTest Person\temial=test@example.com\n'
	grep "^contact$TAB" "$demo" | sed -n 6,8p
} >"$bad"
baddb=$tmp/bad.db
KITH_DB=$baddb "$KITH" demo-load "$bad" >/dev/null 2>"$tmp/bad.err"
rc=$?
check "bad file: exit 1 (got $rc)" test "$rc" -eq 1
check "bad file: message names file, line and key" \
    grep -qF "bad.kith:6: unknown key 'emial'" "$tmp/bad.err"
"$KITH" --db "$baddb" list --tsv >"$tmp/bad.tsv" 2>/dev/null
check "bad file: nothing was stored" test ! -s "$tmp/bad.tsv"

printf 'contact\tA B\nlink\tA B\tspouse\tNobody Here\n' >"$bad"
KITH_DB=$baddb "$KITH" demo-load "$bad" >/dev/null 2>"$tmp/bad.err"
rc=$?
check "unknown name: exit 1 (got $rc)" test "$rc" -eq 1
check "unknown name: message names line and contact" \
    grep -qF "bad.kith:2: unknown contact 'Nobody Here'" "$tmp/bad.err"
"$KITH" --db "$baddb" list --tsv >"$tmp/bad.tsv" 2>/dev/null
check "unknown name: the contact before it was rolled back" \
    test ! -s "$tmp/bad.tsv"

printf 'contact\tA B\nfollow\tA B\tsomeday\tcall\n' >"$bad"
KITH_DB=$baddb "$KITH" demo-load "$bad" >/dev/null 2>"$tmp/bad.err"
check "bad date: message names line 2" grep -qF "bad.kith:2:" "$tmp/bad.err"

# The demo book's journal names its one action: the load, not the last
# contact it happened to add (whose undo emptied the whole book).
XDG_CACHE_HOME=$tmp/cache KITH_DEMO_FILE=$demo "$KITH" --demo undo --list \
    >"$tmp/journal" 2>&1
check "--demo: the journal holds one action" test "$(wc -l <"$tmp/journal")" -eq 1
check "--demo: the action is the demo load" \
    grep -qE 'demo-load +loaded the demo address book$' "$tmp/journal"

# demo-load --help is help, not a file to load into a database it creates.
XDG_DATA_HOME=$tmp/xdg "$KITH" demo-load --help >"$tmp/help" 2>&1
check "demo-load --help: exit 0" test $? -eq 0
check "demo-load --help: the usage" grep -qF "demo-load FILE" "$tmp/help"
check "demo-load --help: no database created" test ! -e "$tmp/xdg"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
