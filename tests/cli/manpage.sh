#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# kith(1) is complete (issue 14): every command of kith --help, every
# subcommand and long option its --help and the option tables of
# src/cli/cmd_*.c know, every KITH_ variable the code reads, the files
# kith writes and the exit statuses are in data/kith.1, and the page
# renders without a warning.  (tests/tui/test_docs.c checks its keys
# against the key tables.)  A failure names what to add.
. "$(dirname "$0")/lib.inc"
: "${KITH_SRC:?set KITH_SRC to the source tree}"

page=$KITH_SRC/data/kith.1
# The page as words: groff's \- is -, fonts and quotes dropped.
text=$(sed 's/\\-/-/g; s/\\f[BIRP]//g; s/\\(dq//g; s/"//g' "$page")
# The text of section NAME (.SH NAME up to the next .SH).
section() { printf '%s\n' "$text" | sed -n "/^\.SH $1\$/,/^\.SH /p"; }
commands_sec=$(section COMMANDS)

run --help
help=$out
cmds=$(printf '%s\n' "$help" | sed -n '/^Commands:/,/^Options:/p' |
    awk '/^  [a-z]/ { print $1 }')
[ "$(printf '%s\n' "$cmds" | wc -l)" -ge 30 ] && pass ||
	fail "kith --help lists only: $cmds"

# Each command has an entry: a tag line of COMMANDS that begins with it.
for c in $cmds; do
	printf '%s\n' "$commands_sec" | grep -qE "^\.(B|BI|BR|IR|RB) +$c( |$)" &&
		pass || fail "kith.1 has no .TP entry for the command $c"
done

# Each long option of kith --help and of every kith CMD --help.
opts_of() { printf '%s\n' "$1" | grep -oE -- '--[a-z][a-z0-9-]*' | sort -u; }
for o in $(opts_of "$help"); do
	printf '%s\n' "$text" | grep -qF -- "$o" && pass ||
		fail "kith.1 does not mention $o (kith --help)"
done
for c in $cmds; do
	run "$c" --help
	[ "$rc" = 0 ] || { fail "kith $c --help: exit $rc"; continue; }
	for o in $(opts_of "$out"); do
		printf '%s\n' "$text" | grep -qF -- "$o" && pass ||
			fail "kith.1 does not mention $o (kith $c --help)"
	done
	# Subcommands: "kith CMD SUB" or "| SUB " in the usage lines.
	usage=$(printf '%s\n' "$out" | sed -n '/^$/q; p')
	for s in $( { printf '%s\n' "$usage" |
	    grep -oE "kith( \[--db PATH\])? $c [a-z][a-z|-]*" |
	    sed "s/.* $c //" | tr '|' '\n'
	    printf '%s\n' "$usage" | grep -oE '\| [a-z][a-z-]* ' |
	    sed 's/^| //; s/ $//'; } | sort -u); do
		printf '%s\n' "$commands_sec" | grep -qE "(^|[ .])$s( |$)" &&
			pass || fail "kith.1 does not name kith $c $s"
	done
done

# Each long option the commands' option tables accept.
for o in $(sed -n 's/.*{ "\([a-z][a-z0-9-]*\)",.*_argument.*/\1/p' \
    "$KITH_SRC"/src/cli/cmd_*.c | sort -u); do
	printf '%s\n' "$text" | grep -qF -- "--$o" && pass ||
		fail "kith.1 does not mention --$o (src/cli/cmd_*.c)"
done

# Each KITH_ variable the code reads, in ENVIRONMENT.
env_sec=$(section ENVIRONMENT)
for v in $(grep -rhoE 'getenv\("KITH_[A-Z0-9_]+"\)' "$KITH_SRC/src" |
    sed 's/getenv("//; s/")//' | sort -u); do
	printf '%s\n' "$env_sec" | grep -qx "\.B $v" && pass ||
		fail "kith.1's ENVIRONMENT has no entry .B $v"
done

# The files kith reads and writes, and the exit statuses.
files_sec=$(section FILES)
for f in kith.db backups .rejected.csv .rejected.vcf nicknames.txt \
    .kith-vdir demo.db demo.kith; do
	printf '%s\n' "$files_sec" | grep -qF -- "$f" && pass ||
		fail "kith.1's FILES does not name $f"
done
exit_sec=$(section 'EXIT STATUS')
for s in 0 1 2; do
	printf '%s\n' "$exit_sec" | grep -qx -- ".B $s" && pass ||
		fail "kith.1's EXIT STATUS has no entry .B $s"
done

# It renders without a warning (groff -k: the page is UTF-8, as man -l
# reads it).
if command -v groff >/dev/null 2>&1; then
	w=$(groff -k -man -Tutf8 -ww -z "$page" 2>&1)
	[ -z "$w" ] && pass || fail "groff warns about kith.1: $w"
fi
if command -v man >/dev/null 2>&1; then
	o=$(MANWIDTH=80 man -l "$page" 2>&1 >/dev/null)
	r=$?
	[ "$r" = 0 ] && [ -z "$o" ] && pass || fail "man -l kith.1: exit $r: $o"
fi
