#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Hostile and odd input at the command line's entry points (issue 15's
# bad-input matrix): arguments that are not UTF-8, hold escape sequences
# or run to 100 KB, dates that are not dates, files that hold NUL bytes or
# terminal controls.  Each is either refused with a clear message -- and
# then the database is exactly as before -- or handled safely; nothing
# sends a raw control character to the terminal.
. "$(dirname "$0")/lib.inc"

export KITH_NOW="2026-11-25 09:00"
ESC=$(printf '\033')
BEL=$(printf '\a')
BIG=$(head -c 100000 /dev/zero | tr '\0' 'x')

run add "Ana Petrović" --email ana@example.org --phone "+44 20 7946 0958"
run follow ana "call back" --due tomorrow
command -v sqlite3 >/dev/null || { fail "sqlite3 is needed"; exit 1; }

dump() { sqlite3 "$DB" .dump | grep -v "INTO journal" | md5sum; }

# raw_free TEXT WHAT: no ESC or BEL reached the output.
raw_free() {
	case "$1" in
	*"$ESC"* | *"$BEL"*) fail "$2: a raw control character was printed" ;;
	*) pass ;;
	esac
}

# refused RC NEEDLE WHAT -- ARGS...: kith ARGS exits RC, stderr names
# NEEDLE, nothing printed raw, the database unchanged.
refused() {
	local want=$1 needle=$2 what=$3 before
	shift 4
	before=$(dump)
	run "$@"
	expect_rc "$want" "$what"
	expect_in "$err" "$needle" "$what: the message"
	raw_free "$out$err" "$what"
	[ "${#err}" -lt 2000 ] && pass ||
		fail "$what: a message of ${#err} bytes"
	[ "$(dump)" = "$before" ] && pass ||
		fail "$what: the database changed"
}

# safe WHAT -- ARGS...: kith ARGS succeeds and prints nothing raw.
safe() {
	local what=$1
	shift 2
	run "$@"
	expect_rc 0 "$what"
	raw_free "$out$err" "$what"
}

# ---- arguments ---------------------------------------------------------
refused 1 "invalid UTF-8" "add: a name that is not UTF-8" -- \
    add "$(printf 'Ana \377\376')"
refused 1 "invalid UTF-8" "show: a query that is not UTF-8" -- \
    show "$(printf '\377')"
refused 1 "no contact" "show: a query of escape sequences" -- \
    show "${ESC}[2J${ESC}]0;pwned${BEL}"
refused 1 "no contact" "rm: a query of escape sequences" -- \
    rm --yes "${ESC}[2J"
refused 1 "not a date" "follow: a date of escape sequences" -- \
    follow ana x --due "${ESC}]0;pwned${BEL}"
refused 1 "is not a date" "follow: a 100 KB date" -- \
    follow ana x --due "$BIG"
refused 1 "not a date" "follow: 30 February" -- follow ana x --due 2026-02-30
refused 1 "not a date" "follow: a five-digit year" -- \
    follow ana x --due 99999-01-01
refused 1 "not a date" "follow: 0/0" -- follow ana x --due 0/0
refused 1 "in the future" "log: --at next year" -- \
    log ana --at 2027-06-01 "lunch"
refused 1 "no follow-up" "done: an id past 64 bits" -- \
    done 99999999999999999999999
refused 2 "usage" "an unknown option" -- add --frobnicate Ana
refused 1 "not a kith database" "--db: a file that is not SQLite" -- \
    --db /etc/hostname list

# Stored, but without the controls; shown inert.
safe "add: a name with escape sequences" -- \
    add "Eve${ESC}[2J${BEL} Mallory" --email eve@example.org
run show eve@example.org
expect_in "$out" "Eve[2J Mallory" "the name stored without its controls"
# A name with no letters folds to no word: the search keys must cope.
safe "add: a name of punctuation alone" -- add "***" --email stars@example.org
run show stars@example.org
expect_in "$out" "***" "the punctuation name is stored"
safe "list: a 100 KB query" -- list "$BIG"
safe "log: a 100 KB summary" -- log ana "$BIG"

# ---- files ---------------------------------------------------------------
printf 'Name,E-mail Address,Notes\nBob Smith,bob@example.org,"one\033[31m red\aline"\n' \
    >"$T/controls.csv"
safe "import: cells with terminal controls" -- import "$T/controls.csv"
run show bob@example.org
raw_free "$out" "show of the imported contact"
expect_in "$out" "one[31m redline" "the note kept without its controls"

printf 'Name,E-mail Address\nCarol\0 Jones,carol@example.org\n' >"$T/nul.csv"
run import "$T/nul.csv"
expect_rc 1 "import: a row with a NUL byte is rejected"
expect_in "$err" "nul.csv:2: rejected: field 1: contains a NUL byte" \
    "the NUL row is named by line and field"
raw_free "$out$err" "import of the NUL file"
run show carol@example.org
expect_rc 1 "the NUL row was not imported"

head -c 4096 /dev/urandom >"$T/random.csv"
before=$(dump)
run import "$T/random.csv"
expect_rc 1 "import: random bytes refused"
raw_free "$out$err" "import of random bytes"
[ "$(dump)" = "$before" ] && pass || fail "random bytes changed the database"

# ---- a deep chain of relationships ---------------------------------------
for i in $(seq 1 60); do
	"$KITH" add "Link $i" >/dev/null 2>&1
done
for i in $(seq 1 59); do
	"$KITH" link "Link $i" "Link $((i + 1))" --as colleague >/dev/null ||
		fail "link $i"
done
safe "show: one link in a chain of 60" -- show "Link 30"
expect_in "$out" "Link 31" "the chain's neighbour is shown"

integrity=$(sqlite3 "$DB" "PRAGMA integrity_check")
[ "$integrity" = ok ] && pass || fail "integrity_check: $integrity"
