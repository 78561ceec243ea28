#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# How long "kith review" takes as a whole process on a big book: by
# default 1,000,000 contacts, 1,000,000 interactions (one to three people
# each) and 100,000 cadences, with a couple of thousand pending follow-ups
# and deals from the generator.  Target: 50 ms.  It can hold only because
# the review lists what is owed from indexes alone (due cadences by due
# day, birthdays by month and day, pending follow-ups by day, stalled deals
# by stage and last touch), each item with the highest score it could
# reach, and looks up only the few whose ceiling beats the day's last
# place (src/core/review_impl.h).  The plans are printed; none may scan
# contact or interaction, and the listings must be index-only.
#
#	tests/bench/bench_review.sh [BUILD_DIR]
#
# BUILD_DIR (default ./build) must hold kith and kith-bench-gen; this
# script builds nothing.  Environment: KITH_BENCH_CONTACTS (1000000),
# KITH_BENCH_INTERACTIONS (1000000), KITH_BENCH_CADENCES (100000),
# KITH_BENCH_FOLLOWUPS (100000), KITH_BENCH_DEALS (10000), KITH_BENCH_RUNS
# (20), KITH_BENCH_DIR (/tmp/kith-bench), KITH_BENCH_REGEN=1 to make the
# database again.  The generator writes contacts, follow-ups and deals;
# this script adds the interactions, birthdays and cadences with sqlite3
# and fills the summary columns the way migration 6 does (the median gap
# is the mean gap there).  The cadences began a week ago, so their first
# due days are spread over their intervals (touch_first_due): about one in
# eight is due, as in a book whose cadences are mostly kept.  Not part of CTest: run it on a quiet machine.
set -euo pipefail
. "$(dirname "$0")/summary.inc"

build=${1:-./build}
dir=${KITH_BENCH_DIR:-/tmp/kith-bench}
nc=${KITH_BENCH_CONTACTS:-1000000}
ni=${KITH_BENCH_INTERACTIONS:-1000000}
ncad=${KITH_BENCH_CADENCES:-100000}
nf=${KITH_BENCH_FOLLOWUPS:-100000}
nd=${KITH_BENCH_DEALS:-10000}
runs=${KITH_BENCH_RUNS:-20}
kith=$build/kith
gen=$build/tests/bench/kith-bench-gen
db=$dir/review-$nc-$ni-$ncad.db

export LC_ALL=C.UTF-8
unset KITH_NOW KITH_DB

die() { echo "bench_review: $*" >&2; exit 1; }

[ -x "$kith" ] || die "$kith not found: build first"
[ -x "$gen" ] || die "$gen not found: cmake --build $build --target kith-bench-gen"
command -v sqlite3 >/dev/null || die "sqlite3 not found (apt-get install sqlite3)"
[ "$ncad" -le "$nc" ] || die "more cadences than contacts"

q() { sqlite3 -batch "$db" "$1"; }

mkdir -p "$dir"
if [ "${KITH_BENCH_REGEN:-0}" != 1 ] && [ -f "$db.ok" ]; then
	echo "reusing $db (made $(cat "$db.ok"))"
else
	rm -f "$db" "$db.ok" "$db-wal" "$db-shm"
	echo "generating $db"
	t0=$(date +%s)
	"$gen" --deals "$nd" "$db" "$nc" "$nf" >/dev/null
	# Interactions over the last two years, each with one to three
	# people; then the touch summary, birthdays and cadences.
	q "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;
	BEGIN;
	WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n
	    WHERE i < $ni)
	INSERT INTO interaction (id, kind, at, summary, created)
	    SELECT i, CASE i % 5 WHEN 0 THEN 'call' WHEN 1 THEN 'meeting'
	    WHEN 2 THEN 'email' WHEN 3 THEN 'event' ELSE 'note' END,
	    date('now', 'localtime', '-' || (i * 7919 % 730) || ' days'),
	    'touch ' || i, 0 FROM n;
	INSERT OR IGNORE INTO interaction_contact (interaction_id, contact_id, at)
	    SELECT id, 1 + (id * 104729 % $nc), at FROM interaction;
	INSERT OR IGNORE INTO interaction_contact (interaction_id, contact_id, at)
	    SELECT id, 1 + (id * 15485863 % $nc), at FROM interaction
	    WHERE id % 3 = 0;
	UPDATE contact SET touch_last = t.l, touch_first = t.f, touch_n = t.n,
	    touch_w = t.w FROM (SELECT ic.contact_id AS id,
	    max(substr(ic.at, 1, 10)) AS l, min(substr(ic.at, 1, 10)) AS f,
	    count(*) AS n, sum(CASE i.kind WHEN 'meeting' THEN 3
	    WHEN 'event' THEN 2 WHEN 'call' THEN 2 ELSE 1 END) AS w
	    FROM interaction_contact ic JOIN interaction i ON
	    i.id = ic.interaction_id WHERE i.kind <> 'note'
	    GROUP BY ic.contact_id) AS t WHERE contact.id = t.id;
	UPDATE contact SET touch_gap = max(1, (julianday(touch_last) -
	    julianday(touch_first)) / (touch_n - 1)) WHERE touch_n > 1;
	UPDATE contact SET cool_on = date(touch_last, '+' ||
	    (2 * touch_gap) || ' days') WHERE touch_gap IS NOT NULL;
	UPDATE contact SET birthday = printf('%04d-%02d-%02d',
	    1950 + id % 50, 1 + id % 12, 1 + id % 28) WHERE id % 4 = 0;
	UPDATE contact SET cadence_days = 30 + 30 * (id % 3),
	    cadence_since = date('now', 'localtime', '-7 days')
	    WHERE id % ($nc / $ncad) = 0;
	UPDATE contact SET cad_ideal = cadence_days,
	    cad_max = cadence_days * 3 / 2 WHERE cadence_days > 0;
	UPDATE contact SET due_on = date(cadence_since, '+' ||
	    (1 + id * 2654435761 % 4294967296 % cad_ideal) || ' days')
	    WHERE cad_ideal > 0;
	UPDATE contact SET overdue_on = date(due_on, '+' ||
	    (cad_max - cad_ideal) || ' days') WHERE due_on IS NOT NULL;
	COMMIT;
	PRAGMA journal_mode = WAL; ANALYZE;" >/dev/null
	echo "$(date '+%F %T'), in $(( $(date +%s) - t0 )) s" >"$db.ok"
fi

echo
echo "== database"
q "SELECT 'contacts', count(*) FROM contact UNION ALL
   SELECT 'interactions', count(*) FROM interaction UNION ALL
   SELECT 'interaction people', count(*) FROM interaction_contact UNION ALL
   SELECT 'cadences', count(*) FROM contact WHERE due_on IS NOT NULL
   UNION ALL SELECT 'due cadences', count(*) FROM contact WHERE
   due_on <= date('now', 'localtime') UNION ALL
   SELECT 'pending follow-ups', count(*) FROM followup WHERE done_at IS NULL
   UNION ALL SELECT 'deals', count(*) FROM deal" |
    awk -F'|' '{ printf "%-24s %s\n", $1, $2 }'

# kith brings the schema up to date (and backs the old one up) first.
"$kith" --db "$db" review >/dev/null

echo
echo "== EXPLAIN QUERY PLAN of the review's statements (from src/core)"
plan() {
	echo "-- $1"
	q "EXPLAIN QUERY PLAN $2" | sed 's/^/   /'
	if q "EXPLAIN QUERY PLAN $2" | grep -Eq 'SCAN (c|contact|i|ic|interaction|interaction_contact)( |$)'; then
		echo "   ^ SCANS A BIG TABLE"
		scans=1
	fi
	# A listing (not the hint) reads its index alone.
	case $1 in colleague*) ;; *)
		if q "EXPLAIN QUERY PLAN $2" | grep -E 'SEARCH (contact|followup|d) ' |
		    grep -vq 'COVERING INDEX'; then
			echo "   ^ READS TABLE PAGES"
			scans=1
		fi ;;
	esac
}
scans=0
plan "due cadences (review_item.c)" "SELECT id, due_on, overdue_on, cadence_snoozes FROM contact WHERE due_on IS NOT NULL AND due_on <= '2026-01-01' AND archived = 0"
plan "birthdays (keydate.c)" "SELECT id, birthday, NULL FROM contact WHERE birthday IS NOT NULL AND substr(birthday, -5) BETWEEN '03-01' AND '03-08' AND archived = 0"
plan "pending follow-ups (review_item.c)" "SELECT id, due, contact_id, deal_id FROM followup WHERE done_at IS NULL AND due <= '2026-01-01'"
plan "stalled deals (review_item.c)" "SELECT d.id, d.touched, s.stall_days FROM stage s JOIN deal d ON d.stage_id = s.id WHERE s.kind = 'open' AND d.touched < 1 - s.stall_days * 86400"
plan "colleague hint (review.c)" "SELECT c.display FROM contact me JOIN org o ON o.id = me.org_id JOIN contact c ON c.org_id = me.org_id AND c.touch_last >= '2026-01-01' AND c.id <> me.id JOIN interaction_contact ic ON ic.contact_id = c.id AND ic.at >= '2026-01-01' JOIN interaction i ON i.id = ic.interaction_id WHERE me.id = 5 AND i.kind <> 'note' ORDER BY ic.at DESC LIMIT 1"

echo
echo "== timings: $runs runs after 3 warm-up runs"
measure() {	# name command...
	local name=$1 i t0 t1; shift
	local times=()
	for ((i = 0; i < 3; i++)); do "$@" >/dev/null 2>&1 || true; done
	for ((i = 0; i < runs; i++)); do
		t0=$EPOCHREALTIME
		"$@" >/dev/null 2>&1 || true
		t1=$EPOCHREALTIME
		times+=("$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", (b - a) * 1000 }')")
	done
	printf '%s\n' "${times[@]}" | sort -g | awk -v name="$name" '
	    { t[NR] = $1; s += $1 }
	    END { m = NR % 2 ? t[(NR + 1) / 2] : (t[NR / 2] + t[NR / 2 + 1]) / 2
		printf "%-34s mean %8.2f ms  median %8.2f ms  min %8.2f ms\n",
		    name, s / NR, m, t[1] }'
}
line=$(measure "kith review" "$kith" --db "$db" review)
echo "$line"
bench_summary "$nc" review_ms "$(bench_median_of "$line")"
if [ -x /usr/bin/time ]; then
	bench_summary "$nc" review_rss_kib "$(/usr/bin/time -f %M "$kith" --db "$db" \
	    review 2>&1 >/dev/null | tail -1)"
fi
measure "kith review --tsv --days 7" "$kith" --db "$db" review --tsv --days 7
measure "kith review --digest" "$kith" --db "$db" review --digest
measure "kith --version" "$kith" --version
echo "(target: kith review within 50 ms at 1M contacts, 1M interactions, 100k cadences)"
[ "$scans" = 0 ] || die "a review statement scans a big table"
