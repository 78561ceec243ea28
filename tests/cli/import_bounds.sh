#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Fields per record are bounded (issue 9): a record of more than 2000
# fields, or with a cell over 1 MiB, is rejected naming its line and
# field, also among the first records read before the header is settled;
# a header that cannot be read refuses the file.
. "$(dirname "$0")/lib.inc"

wide() {	# wide N: N empty fields after two
	awk -v n="$1" 'BEGIN { s = ""; for (i = 0; i < n; i++) s = s ","; print s }'
}
big=$(awk 'BEGIN { s = "x"; while (length(s) < 1100000) s = s s; print s }')

{ echo "Name,Email"
  echo "Ana Petrovic,ana@x.example$(wide 2100)"
  echo "Bob Smith,bob@x.example"
  echo "Cy Young,cy@x.example,\"$big\""
  echo "Di Prima,di@x.example"
} > "$T/w.csv"
run import "$T/w.csv"
expect_rc 1 "oversized records are rejected"
expect_in "$out" "imported 4 rows: 2 added, 0 merged, 2 rejected" "the others import"
expect_in "$err" "w.csv:2: rejected: field 2001: more than 2000 fields in one record" "too many fields: line and field"
expect_in "$err" "w.csv:4: rejected: field 3: larger than 1 MiB" "a cell over 1 MiB: line and field"

# A header kith does not recognise at once: the records held while it
# looks for one keep their problem.
{ echo "Name,Remark"
  echo "Eve Curie,x$(wide 2100)"
  echo "Fay Wray,y"
} > "$T/h.csv"
run --db "$T/h.db" import "$T/h.csv"
expect_in "$err" "h.csv:2: rejected: field 2001: more than 2000 fields" "a held record keeps its problem"
expect_in "$out" "1 added" "the other row imports"

# A header of more than 2000 columns refuses the file, and records nothing.
{ printf 'Name,Email'; wide 2100; echo "Ana,a@x.example"; } > "$T/hdr.csv"
run --db "$T/x.db" import "$T/hdr.csv"
expect_rc 1 "an unreadable header"
expect_in "$err" "hdr.csv:1: the header cannot be read (field 2001: more than 2000 fields in one record)" "the header's problem named"
run --db "$T/x.db" import --list
expect_out "No imports yet." "no batch for a refused header"
