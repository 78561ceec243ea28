#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The examples of README's reports and bridges sections (issue 14) work on
# the demo book as written: every command line of "## Reports", "##
# Importing and exporting" (with vCard, vdir and deals) and "## Mail
# clients and calendars", in order, including the imports and exports of
# the reader's own files that tests/cli/readme.sh leaves out.  Files are
# made in a scratch home: a file an example imports that no earlier
# example wrote is exported there first in its format, and taken away
# after.  The first line a "$ kith ..." transcript shows is checked
# against what kith prints.
. "$(dirname "$0")/lib.inc"
: "${KITH_SRC:?set KITH_SRC to the source tree}"

readme=$KITH_SRC/README.md
export KITH_NOW='2026-03-10 12:00' HOME="$T/home"
mkdir -p "$HOME/calendars" "$HOME/.mutt" "$T/work"
cd "$T/work" || exit 1
run demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "demo-load"

# The lines of README between the headings "## $1" and the next "## "
# heading that is not one of the following ones named.
span() {
	awk -v from="## $1" -v keep="$2" '
	    $0 == from { on = 1; print; next }
	    on && /^## / { n = split(keep, k, "|"); ok = 0
		for (i = 1; i <= n; i++) if ($0 == "## " k[i]) ok = 1
		if (!ok) exit }
	    on { print }' "$readme"
}
lines=$( { span Reports ""
    span "Importing and exporting" "Mail clients and calendars"; } |
    sed -n 's/^    \(\$ \)\{0,1\}\(kith .*\)$/\1\2/p; s/^    \([^$ ].*\)$/>\1/p')

# prepare ARGS...: a file or folder an import names that is not there is
# exported first (CSV as Google writes it, vCard, or a vdir).
prepared=
prepare() {
	local a f=
	for a in "$@"; do
		case "$a" in -*|import) continue ;; esac
		f=$a
	done
	[ -n "$f" ] && [ ! -e "$f" ] || return 0
	case "${f##*/}" in
	*.csv) "$KITH" export --format google "$f" 2>/dev/null ;;
	*.vcf) "$KITH" export --format vcard "$f" 2>/dev/null ;;
	*.*) return 0 ;;
	*) "$KITH" export --format vdir "$f" 2>/dev/null ;;
	esac
	prepared=$f
}

n_run=0
check_next=
while IFS= read -r line; do
	case "$line" in
	'>'*)	# a transcript's output: its first line is checked
		if [ -n "$check_next" ]; then
			want=${line#>}
			want=${want//\/home\/ana/$HOME}
			expect_in "$out$err" "$want" "README shows, after $check_next"
			check_next=
		fi
		continue ;;
	esac
	check_next=
	shown=$line
	line=${line#\$ }
	line=$(printf '%s\n' "$line" | sed 's/  *#.*$//')
	# A synopsis, not an example.
	case "$line" in *'|'*|*'['*|*'...'*|*' ID'*|*QUERY*) continue ;; esac
	eval "args=(${line#kith })" || { fail "cannot parse: $line"; continue; }
	[ "${args[0]}" = import ] && prepare "${args[@]}"
	run "${args[@]}" </dev/null
	# What asks first is run as the user's "y" would run it.
	if [ "$rc" = 1 ] && [[ "$err" == *'give --yes'* ]]; then
		run "${args[@]}" --yes </dev/null
	fi
	expect_rc 0 "README example: $line"
	[ -n "${README_VERBOSE:-}" ] && echo "ran: $line" >&2
	n_run=$((n_run + 1))
	case "$shown" in '$ '*) check_next=$line ;; esac
	if [ -n "$prepared" ]; then
		rm -rf "$prepared"
		prepared=
	fi
done <<<"$lines"
[ "$n_run" -ge 12 ] && pass || fail "only $n_run examples found"
