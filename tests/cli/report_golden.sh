#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Golden files of every report on the demo book with a frozen clock, in
# every format: the one-pager of Ana Petrović, the status report, the
# activity of November and the people going cold, as text, Markdown, HTML
# and TSV.  A difference prints the diff.  After a deliberate change to a
# report or to the demo book, KITH_UPDATE_GOLDEN=1 rewrites the files
# (then read the diff before committing them).
. "$(dirname "$0")/lib.inc"

export KITH_NOW="2026-12-05 09:00"
G=$KITH_SRC/tests/golden/reports
run demo-load "$KITH_SRC/data/demo.kith"
expect_rc 0 "the demo book"

# golden NAME ARGS...: kith ARGS must print the file NAME.
golden() {
	local name=$1
	shift
	run "$@"
	expect_rc 0 "kith $*"
	if [ -n "${KITH_UPDATE_GOLDEN:-}" ]; then
		printf '%s\n' "$out" >"$G/$name"
		pass
		return
	fi
	if [ "$out" = "$(cat "$G/$name" 2>/dev/null)" ]; then
		pass
	else
		fail "kith $* differs from tests/golden/reports/$name:
$(diff <(printf '%s\n' "$out") "$G/$name" | head -20)"
	fi
}

for f in text markdown html tsv; do
	golden "onepager.$f" report onepager "Ana Petrović" --format "$f"
	golden "status.$f" report status --format "$f"
	golden "activity.$f" report activity --since 2026-11-01 \
	    --until 2026-11-30 --format "$f"
done
golden cold.text report cold
golden cold.tsv report cold --tsv
