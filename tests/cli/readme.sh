#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Every example in README.md works on the demo book as written (issue 9):
# the command lines of its code blocks, in order, and the commands quoted
# in its prose, each on the demo book loaded with demo-load.  Examples that
# name the reader's own files (kith import contacts.csv), placeholders
# (NAME, ID|QUERY, [options]) or the full-screen interface are not
# commands to run and are left out; so is anything that does not start
# with kith.  A few examples also have their answer checked.
. "$(dirname "$0")/lib.inc"
: "${KITH_SRC:?set KITH_SRC to the source tree}"

readme=$KITH_SRC/README.md
export KITH_NOW='2026-03-10 12:00'
run demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "demo-load"

# runnable LINE: is LINE an example to run?
runnable() {
	case "$1" in
	*'|'* | *'['* | *'...'*) return 1 ;;	# a synopsis, not an example
	'kith import'* | 'kith export'*) return 1 ;;	# the reader's files
	kith | 'kith --demo') return 1 ;;	# the full-screen interface
	'kith list' | 'kith due') ;;
	'kith '[a-z]*[a-z]) case "${1#kith }" in
		*' '*) ;;
		*) return 1 ;;	# "see kith edit": a command named, not run
		esac ;;
	'kith '*) ;;
	*) return 1 ;;
	esac
	# NAME, FILE, QUERY...: a placeholder.
	! printf '%s\n' "$1" | grep -q '\b[A-Z][A-Z]\+\b'
}

# example LINE: runs it (kith replaced by the binary) on the demo book.
n_run=0
example() {
	local line=$1 args
	eval "args=(${line#kith })" || { fail "cannot parse: $line"; return; }
	# "kith --demo CMD" is CMD on a demo book: this one.
	[ "${args[0]}" = --demo ] && args=("${args[@]:1}")
	# rm and merge ask first: with no terminal here they must refuse
	# and change nothing; the example is then run as the user's "y"
	# would run it.
	if { [ "${args[0]}" = rm ] || [ "${args[0]}" = merge ]; } &&
	    [[ " ${args[*]} " != *' --yes '* ]]; then
		run "${args[@]}"
		expect_rc 1 "README example without a terminal refuses: $line"
		args+=(--yes)
	fi
	run "${args[@]}"
	[ -n "${README_VERBOSE:-}" ] && echo "ran: $line" >&2
	expect_rc 0 "README example: $line"
	n_run=$((n_run + 1))
	last_out=$out
}

# 1. Command lines of the indented code blocks, in order.
while IFS= read -r line; do
	# In a code block a bare command is an example too (kith undo).
	{ runnable "$line" || [ "$line" = 'kith undo' ]; } && example "$line"
	case "$line" in
	'kith show ana') expect_in "$last_out" "Ana Petrović — Managing Partner" \
		"kith show ana is Ana Petrović" ;;
	'kith list alexei') expect_in "$last_out" "Алексей Смирнов" \
		"kith list alexei finds Алексей" ;;
	'kith show "bill hughes"') expect_in "$last_out" "William Hughes" \
		"kith show bill hughes is William Hughes" ;;
	'kith list markovic') expect_in "$last_out" "Ana Petrović" \
		"an alias is found" ;;
	'kith dupes --tsv') expect_in "$last_out" "nickname at Northbridge Bank" \
		"kith dupes proposes Bob and Robert Lin" ;;
	'kith list 442079') expect_in "$last_out" "Eleanor Hartley" \
		"kith list 442079 finds +44 20 7946 0101" ;;
	esac
done < <(sed -n 's/^    \(\(\.\/build\/\)\{0,1\}kith .*\)$/\1/p' "$readme" |
	sed 's/^\.\/build\///; s/  *#.*$//')
[ "$n_run" -ge 7 ] && pass || fail "only $n_run code-block examples found"

# 2. Commands quoted in the prose: `kith ...` and `./build/kith ...`.
n_block=$n_run
while IFS= read -r line; do
	runnable "$line" || continue
	example "$line"
	case "$line" in
	'kith list petrovic') expect_in "$last_out" "Ana Petrović" \
		"list petrovic finds Ana" ;;
	'kith list jovanovic') expect_in "$last_out" "Петар Јовановић" \
		"list jovanovic finds Петар" ;;
	'kith --demo show ana') expect_in "$last_out" "Ana Petrović — " \
		"--demo show ana is Ana" ;;
	esac
done < <(grep -o '`\(\./build/\)\{0,1\}kith [^`]*`' "$readme" |
	sed 's/^`//; s/`$//; s/^\.\/build\///')
[ "$((n_run - n_block))" -ge 5 ] && pass ||
	fail "only $((n_run - n_block)) prose examples found"
