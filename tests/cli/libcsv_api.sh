#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The CSV reader uses libcsv's public API only (issue 9): no field of
# struct csv_parser is read or written, so a libcsv update cannot break it.
. "$(dirname "$0")/lib.inc"

fields='entry_buf|entry_pos|entry_size|pstate|quoted|spaces|status|blk_size|quote_char|delim_char|is_space|is_term'
hits=$(grep -nE "(\.|->)($fields)\b" "$KITH_SRC/src/core/csvio.c" || true)
[ -z "$hits" ] && pass || fail "csvio.c reaches into struct csv_parser:
$hits"
