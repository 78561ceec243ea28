/* SPDX-License-Identifier: MIT */
/*
 * Keep-in-touch cadence, strength, key dates and the daily review
 * (cadence.h, strength.h, keydate.h, review.h, cold.h) on real database
 * files with a frozen clock: the clock resets on a logged call and on a
 * deal touch but not on a note, a backdated touch or a snooze; a
 * contact's cadence beats its tag's; strength on a constructed history
 * equals the hand-computed terms; the ranking order and its explanation;
 * key dates across the year's end and 29 February; spread first due days;
 * the day's decisions and the cap; undo restoring the summary; and the
 * review's statements never scanning contacts or interactions.
 */
#include <limits.h>
#include <math.h>
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "kith/cadence.h"
#include "kith/clock.h"
#include "kith/cold.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/journal.h"
#include "kith/keydate.h"
#include "kith/review.h"
#include "kith/strength.h"
#include "../../src/core/review_impl.h"

static long long
sql_int(struct kith_db *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	long long	 v = -1;

	if (sqlite3_prepare_v2(kith_db_sqlite(db), sql, -1, &stmt, NULL)
	    != SQLITE_OK)
		return -2;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

static struct kith_db *
open_at(const char *name, char **path, const char *now)
{
	struct kith_db	*db = test_db(name, path);

	kith_db_set_now(db, time_parse(now));
	return db;
}

static int64_t
person(struct kith_db *db, const char *name, const char *org,
    const char *tag, const char *birthday)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	if (org != NULL)
		contact_set(&c->org, org);
	if (tag != NULL)
		contact_add_tag(c, tag);
	if (birthday != NULL)
		contact_set(&c->birthday, birthday);
	if (contact_insert(db, c, &err) != KITH_OK)
		fprintf(stderr, "contact_insert %s: %s\n", name, err.msg);
	id = c->id;
	contact_free(c);
	return id;
}

static int64_t
logged(struct kith_db *db, int64_t who, const char *kind, const char *at,
    const char *summary)
{
	struct kith_err	 err = { 0 };
	int64_t		 id = 0;

	if (interaction_log(db, &who, 1, kind, at, summary, NULL, &id, &err)
	    != KITH_OK)
		fprintf(stderr, "interaction_log: %s\n", err.msg);
	return id;
}

static void
set(struct kith_db *db, int64_t id, const char *spec)
{
	struct kith_err		 err = { 0 };
	struct cadence_spec	 c;

	CHECK(cadence_parse(spec, &c, &err) == KITH_OK);
	CHECK(cadence_set_contact(db, id, &c, &err) == KITH_OK);
}

/* The cadence's due day and state name, "due 2026-12-20 ok". */
static void
check_cadence(struct kith_db *db, int64_t id, const char *want)
{
	struct kith_err	 err = { 0 };
	struct cadence	 c;
	char		 got[64];

	CHECK(cadence_get(db, id, &c, &err) == KITH_OK);
	snprintf(got, sizeof got, "%s %s %d/%d", c.due,
	    cadence_state_name(c.state), c.ideal, c.max);
	CHECK_STR(got, want);
	cadence_clear(&c);
}

static void
test_parse(void)
{
	struct kith_err		 err = { 0 };
	struct cadence_spec	 c;
	char			 buf[32];

	CHECK(cadence_parse("30d/45d", &c, &err) == KITH_OK);
	CHECK_INT(c.ideal, 30);
	CHECK_INT(c.max, 45);
	CHECK(cadence_parse("4w", &c, &err) == KITH_OK);
	CHECK_INT(c.ideal, 28);
	CHECK_INT(c.max, 0);
	cadence_format(&c, buf, sizeof buf);
	CHECK_STR(buf, "28d/42d");
	CHECK(cadence_parse("2m/1y", &c, &err) == KITH_OK);
	CHECK_INT(c.ideal, 60);
	CHECK_INT(c.max, 365);
	CHECK(cadence_parse("off", &c, &err) == KITH_OK);
	CHECK_INT(c.ideal, 0);
	CHECK(cadence_parse("30x", &c, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "'30x'") != NULL);
	CHECK(strstr(err.msg, "30d, 4w") != NULL);
	CHECK(cadence_parse("0d", &c, &err) == KITH_INVALID);
	CHECK(cadence_parse("45d/30d", &c, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "longer than the maximum") != NULL);
	CHECK(cadence_parse("", &c, &err) == KITH_INVALID);
	CHECK(cadence_parse("30/", &c, &err) == KITH_INVALID);
	CHECK(cadence_parse("-3d", &c, &err) == KITH_INVALID);
}

/*
 * The clock runs from the last touch: a call and a deal touch reset it,
 * a note, a backdated call and a snooze do not; past the ideal interval
 * it is due, past the maximum overdue.
 */
static void
test_resets(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct deal	*d;
	char		*path;
	int64_t		 ana, deal;
	int		 snoozes = 0;

	db = open_at("cad-reset.db", &path, "2026-01-01 12:00");
	ana = person(db, "Ana Petrović", NULL, NULL, NULL);
	logged(db, ana, "call", "2026-01-01 09:00", "first call");
	set(db, ana, "30d/45d");
	check_cadence(db, ana, "2026-01-31 ok 30/45");

	kith_db_set_now(db, time_parse("2026-02-05 12:00"));
	check_cadence(db, ana, "2026-01-31 due 30/45");
	kith_db_set_now(db, time_parse("2026-02-16 12:00"));
	check_cadence(db, ana, "2026-01-31 overdue 30/45");

	/* A note is not a touch. */
	logged(db, ana, "note", NULL, "thought about Ana");
	check_cadence(db, ana, "2026-01-31 overdue 30/45");
	/* A call is. */
	logged(db, ana, "call", "2026-02-16 10:00", "caught up");
	check_cadence(db, ana, "2026-03-18 ok 30/45");
	/* Backdated before the latest: the clock stays. */
	logged(db, ana, "meeting", "2026-02-01", "lunch, logged late");
	check_cadence(db, ana, "2026-03-18 ok 30/45");

	/* A snooze moves the day without a touch, and counts. */
	kith_db_set_now(db, time_parse("2026-03-20 12:00"));
	check_cadence(db, ana, "2026-03-18 due 30/45");
	CHECK(cadence_snooze(db, ana, "2026-03-25", &snoozes, &err) ==
	    KITH_OK);
	CHECK_INT(snoozes, 1);
	check_cadence(db, ana, "2026-03-25 ok 30/45");
	CHECK(cadence_snooze(db, ana, "2026-03-26", &snoozes, &err) ==
	    KITH_OK);
	CHECK(cadence_snooze(db, ana, "2026-03-27", &snoozes, &err) ==
	    KITH_OK);
	CHECK_INT(snoozes, KITH_CADENCE_LOOSEN);
	CHECK(cadence_snooze(db, ana, "2026-03-20", &snoozes, &err) ==
	    KITH_INVALID);

	/* A deal touch: an interaction logged on a deal with its people. */
	d = deal_new();
	d->title = xstrdup("Belgrade energy mandate");
	deal_add_person(d, ana, "client");
	CHECK(deal_add(db, d, &err) == KITH_OK);
	deal = d->id;
	deal_free(d);
	kith_db_set_now(db, time_parse("2026-04-10 12:00"));
	CHECK(deal_log(db, deal, NULL, 0, "email", NULL, "sent the draft",
	    NULL, NULL, &err) == KITH_OK);
	check_cadence(db, ana, "2026-05-10 ok 30/45");
	CHECK_INT(sql_int(db, "SELECT cadence_snoozes FROM contact"), 0);

	/* Undo of the deal touch restores the summary with it. */
	CHECK(journal_undo_last(db, NULL, &err) == KITH_OK);
	check_cadence(db, ana, "2026-03-27 due 30/45");
	test_db_done(db, path);
}

/* A contact's own cadence beats its tag's; a tag change reaches all. */
static void
test_tag(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct cadence_spec	 c;
	struct cadence		*list;
	struct cadence_tag	*tags;
	size_t			 n;
	char			*path;
	int64_t			 a, b, cy;
	long			 members = 0;

	db = open_at("cad-tag.db", &path, "2026-01-01 12:00");
	a = person(db, "Ana", NULL, "client", NULL);
	b = person(db, "Bob", NULL, "client", NULL);
	logged(db, a, "call", NULL, "x");
	logged(db, b, "call", NULL, "x");
	CHECK(cadence_parse("4w", &c, &err) == KITH_OK);
	CHECK(cadence_set_tag(db, "CLIENT", &c, &members, &err) == KITH_OK);
	CHECK_INT(members, 2);
	check_cadence(db, a, "2026-01-29 ok 28/42");
	check_cadence(db, b, "2026-01-29 ok 28/42");
	set(db, a, "10d");
	check_cadence(db, a, "2026-01-11 ok 10/15");
	/* Changing the tag's reaches Bob only. */
	CHECK(cadence_parse("2w/3w", &c, &err) == KITH_OK);
	CHECK(cadence_set_tag(db, "client", &c, NULL, &err) == KITH_OK);
	check_cadence(db, a, "2026-01-11 ok 10/15");
	check_cadence(db, b, "2026-01-15 ok 14/21");
	/* A contact added with the tag has its cadence at once; one added
	 * with a tag without a cadence has none. */
	cy = person(db, "Cy", NULL, "client", NULL);
	check_cadence(db, cy, "2026-01-13 ok 14/21");
	cy = person(db, "Di", NULL, "press", NULL);
	check_cadence(db, cy, "  0/0");
	/* off beats the tag; clearing gives it back. */
	set(db, a, "off");
	check_cadence(db, a, "  0/0");
	CHECK(cadence_clear_contact(db, a, &err) == KITH_OK);
	check_cadence(db, a, "2026-01-15 ok 14/21");
	CHECK(cadence_list(db, &list, &n, &err) == KITH_OK);
	CHECK_INT(n, 3);
	CHECK_STR(list[0].tag, "client");
	cadence_list_free(list, n);
	CHECK(cadence_tags(db, &tags, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	CHECK_INT(tags[0].members, 3);
	cadence_tags_free(tags, n);
	CHECK(cadence_set_tag(db, "nope", &c, NULL, &err) == KITH_NOTFOUND);
	CHECK(strstr(err.msg, "no tag 'nope'") != NULL);
	test_db_done(db, path);
}

/* Twenty new cadences on one day fall due on different days, fixed. */
static void
test_spread(void)
{
	struct kith_db	*db;
	struct cadence	 c;
	char		*path, name[16], days[40][KITH_DATE_LEN];
	int64_t		 id;
	int		 i, j, distinct = 0;

	db = open_at("cad-spread.db", &path, "2026-01-01 12:00");
	for (i = 0; i < 20; i++) {
		snprintf(name, sizeof name, "P%d", i);
		id = person(db, name, NULL, NULL, NULL);
		set(db, id, "30d");
		CHECK(cadence_get(db, id, &c, NULL) == KITH_OK);
		CHECK(strcmp(c.due, "2026-01-01") > 0);
		CHECK(strcmp(c.due, "2026-01-31") <= 0);
		memcpy(days[i], c.due, KITH_DATE_LEN);
		cadence_clear(&c);
	}
	for (i = 0; i < 20; i++) {
		for (j = 0; j < i && strcmp(days[i], days[j]) != 0; j++)
			;
		distinct += j == i;
	}
	CHECK(distinct >= 10);
	test_db_done(db, path);
}

/* The hand-computed terms of strength.h on a constructed history. */
static void
test_strength(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct strength	 s, old, fresh;
	char		*path, why[160];
	int64_t		 a, b, c, iid;
	int		 i;

	db = open_at("cad-strength.db", &path, "2026-12-05 12:00");
	a = person(db, "A", NULL, NULL, NULL);
	logged(db, a, "meeting", "2024-12-05", "m");
	logged(db, a, "call", "2025-06-05", "c");
	logged(db, a, "email", "2025-12-05", "e");
	logged(db, a, "note", "2026-12-01", "a note weighs nothing");
	CHECK(strength_get(db, a, &s, &err) == KITH_OK);
	/* 35 x 2^(-365/90), 25 x (1 - 2^(-6/8)), 25 x 365/730, 15 x 0.5 */
	CHECK(fabs(s.recency - 2.1049) < 0.001);
	CHECK(fabs(s.frequency - 10.1349) < 0.001);
	CHECK(fabs(s.tenure - 12.5) < 0.001);
	CHECK(fabs(s.reciprocity - 7.5) < 0.001);
	CHECK_INT(s.computed, 32);
	CHECK_INT(s.score, 32);
	strength_explain(&s, why, sizeof why);
	CHECK_STR(why, "recency 2.1 + frequency 10.1 + tenure 12.5 + "
	    "reciprocity 7.5 = 32");
	/* They started the call: 15 x min(1, 2 x 1/1). */
	iid = sql_int(db, "SELECT id FROM interaction WHERE summary = 'c'");
	CHECK(interaction_set_direction(db, iid, "in", &err) == KITH_OK);
	CHECK(interaction_set_direction(db, iid, "up", &err) ==
	    KITH_INVALID);
	CHECK(strength_get(db, a, &s, &err) == KITH_OK);
	CHECK(fabs(s.reciprocity - 15) < 0.001);
	CHECK_INT(s.computed, 40);
	/* A manual strength is kept apart from the computed one. */
	CHECK(strength_set(db, a, 80, &err) == KITH_OK);
	CHECK(strength_get(db, a, &s, &err) == KITH_OK);
	CHECK_INT(s.score, 80);
	CHECK_INT(s.computed, 40);
	CHECK(strength_set(db, a, 101, &err) == KITH_INVALID);
	CHECK(strength_set(db, a, -1, &err) == KITH_OK);
	CHECK(strength_get(db, a, &s, &err) == KITH_OK);
	CHECK_INT(s.score, 40);
	/* What it was a year ago, from the history up to then. */
	CHECK(strength_on(db, a, "2025-12-05", &s, &err) == KITH_OK);
	CHECK_INT(s.computed, (int)floor(35 + 10.1349 + 12.5 + 15 + 0.5));

	/* Years of touches, quiet for a year, beat one call last month. */
	b = person(db, "B", NULL, NULL, NULL);
	for (i = 0; i < 16; i++) {
		char at[KITH_DATE_LEN];

		snprintf(at, sizeof at, "%04d-%02d-05", 2022 + i / 4,
		    1 + (i % 4) * 3);
		logged(db, b, i % 2 ? "meeting" : "call", at, "regular");
	}
	c = person(db, "C", NULL, NULL, NULL);
	logged(db, c, "call", "2026-11-05", "met once");
	CHECK(strength_get(db, b, &old, &err) == KITH_OK);
	CHECK(strength_get(db, c, &fresh, &err) == KITH_OK);
	CHECK(old.score > fresh.score);
	/* Deterministic for a date. */
	CHECK(strength_get(db, c, &s, &err) == KITH_OK);
	CHECK_INT(s.score, fresh.score);
	CHECK(strength_get(db, 999, &s, &err) == KITH_NOTFOUND);
	test_db_done(db, path);
}

static void
test_keydate_next(void)
{
	char	out[KITH_DATE_LEN];

	CHECK_INT(keydate_year("1980-03-05"), 1980);
	CHECK_INT(keydate_year("1604-03-05"), 0);
	CHECK_INT(keydate_year("1900-03-05"), 0);
	CHECK_INT(keydate_year("--03-05"), 0);
	CHECK_INT(keydate_year("--02-30"), -1);
	CHECK_INT(keydate_year("junk"), -1);
	/* Across the year's end. */
	CHECK(keydate_next("1980-01-02", "2026-12-28", KEYDATE_FEB28, out));
	CHECK_STR(out, "2027-01-02");
	CHECK(keydate_next("--12-28", "2026-12-28", KEYDATE_FEB28, out));
	CHECK_STR(out, "2026-12-28");
	/* 29 February: 28 February (or 1 March) outside leap years. */
	CHECK(keydate_next("1992-02-29", "2027-02-01", KEYDATE_FEB28, out));
	CHECK_STR(out, "2027-02-28");
	CHECK(keydate_next("1992-02-29", "2027-02-01", KEYDATE_MAR1, out));
	CHECK_STR(out, "2027-03-01");
	CHECK(keydate_next("--02-29", "2027-12-01", KEYDATE_FEB28, out));
	CHECK_STR(out, "2028-02-29");
	CHECK(keydate_next("1992-02-29", "2027-03-01", KEYDATE_FEB28, out));
	CHECK_STR(out, "2028-02-29");
	CHECK(!keydate_next("bad", "2027-03-01", KEYDATE_FEB28, out));
	CHECK_INT(keydate_feb29_from("mar1"), KEYDATE_MAR1);
	CHECK_INT(keydate_feb29_from(NULL), KEYDATE_FEB28);
}

static void
test_keydates(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct keydate	*k;
	size_t		 n;
	char		*path;
	int64_t		 year, today, placeholder, archived;

	db = open_at("cad-keydate.db", &path, "2026-12-28 12:00");
	year = person(db, "New Year", NULL, NULL, "1980-01-02");
	today = person(db, "Today", NULL, NULL, "--12-28");
	placeholder = person(db, "Placeholder", NULL, NULL, "1604-12-30");
	person(db, "Later", NULL, NULL, "1980-01-10");
	person(db, "Leap", NULL, NULL, "1992-02-29");
	archived = person(db, "Archived", NULL, NULL, "1970-12-29");
	CHECK(contact_archive(db, archived, 1, &err) == KITH_OK);
	CHECK(keydate_upcoming(db, 7, KEYDATE_FEB28, &k, &n, &err) ==
	    KITH_OK);
	CHECK_INT(n, 3);
	CHECK_INT(k[0].contact, today);
	CHECK_INT(k[0].days, 0);
	CHECK_INT(k[0].age, -1);
	CHECK_INT(k[0].lead, KEYDATE_LEAD_LAST);
	CHECK_INT(k[1].contact, placeholder);
	CHECK_INT(k[1].age, -1);
	CHECK_STR(k[1].on, "2026-12-30");
	CHECK_INT(k[2].contact, year);
	CHECK_STR(k[2].on, "2027-01-02");
	CHECK_INT(k[2].age, 47);
	CHECK_INT(k[2].lead, KEYDATE_LEAD);
	keydate_list_free(k, n);

	/* 29 February in 2027 falls on the 28th, or 1 March if asked. */
	kith_db_set_now(db, time_parse("2027-02-25 12:00"));
	CHECK(keydate_upcoming(db, 3, KEYDATE_FEB28, &k, &n, &err) ==
	    KITH_OK);
	CHECK_INT(n, 1);
	CHECK_STR(k[0].on, "2027-02-28");
	CHECK_INT(k[0].age, 35);
	keydate_list_free(k, n);
	CHECK(keydate_upcoming(db, 3, KEYDATE_MAR1, &k, &n, &err) ==
	    KITH_OK);
	CHECK_INT(n, 0);
	keydate_list_free(k, n);
	CHECK(keydate_upcoming(db, 4, KEYDATE_MAR1, &k, &n, &err) ==
	    KITH_OK);
	CHECK_INT(n, 1);
	CHECK_STR(k[0].on, "2027-03-01");
	keydate_list_free(k, n);
	test_db_done(db, path);
}

/*
 * Every day of a plain and a leap year, every window and both ways of
 * placing 29 February: the key dates listed are those whose next day
 * falls within the window, each once, and keydate_count counts them.
 */
static void
test_keydate_windows(void)
{
	static const char *const days[] = { "1980-02-28", "1992-02-29",
	    "1981-03-01", "--02-29", "1975-12-31", "1990-01-01",
	    "1900-03-15", "1985-06-15", "--12-30", "1999-01-07" };
	static const int windows[] = { 0, 3, 7, 30, 364, 365 };
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct keydate	*k;
	char		*path, today[KITH_DATE_LEN], on[KITH_DATE_LEN];
	char		 name[16];
	size_t		 n, count, i, j, want;
	int		 d, w, f;

	db = open_at("cad-windows.db", &path, "2027-01-01 12:00");
	for (i = 0; i < sizeof days / sizeof days[0]; i++) {
		snprintf(name, sizeof name, "P%zu", i);
		person(db, name, NULL, NULL, days[i]);
	}
	for (d = 0; d < 731; d += 3) {
		date_add_days("2027-01-01", d, today);
		kith_db_set_now(db, time_parse(today) + 12 * 3600);
		for (w = 0; w < (int)(sizeof windows / sizeof windows[0]); w++)
		for (f = 0; f < 2; f++) {
			for (want = 0, i = 0; i < sizeof days / sizeof days[0];
			    i++)
				want += keydate_next(days[i], today, f ?
				    KEYDATE_MAR1 : KEYDATE_FEB28, on) &&
				    date_diff_days(today, on) <= windows[w];
			CHECK(keydate_upcoming(db, windows[w], f ?
			    KEYDATE_MAR1 : KEYDATE_FEB28, &k, &n, &err) ==
			    KITH_OK);
			CHECK(keydate_count(db, windows[w], f ? KEYDATE_MAR1 :
			    KEYDATE_FEB28, &count, &err) == KITH_OK);
			if (n != want || count != want)
				fprintf(stderr, "%s window %d: want %zu, "
				    "listed %zu, counted %zu\n", today,
				    windows[w], want, n, count);
			CHECK_INT(n, want);
			CHECK_INT(count, want);
			for (i = 0; i < n; i++)
				for (j = i + 1; j < n; j++)
					CHECK(k[i].contact != k[j].contact);
			keydate_list_free(k, n);
		}
	}
	test_db_done(db, path);
}

/*
 * The ranking on a constructed book: an overdue follow-up, an overdue
 * and a due cadence, a birthday today; the order, each score and its
 * explanation; the colleague hint; decisions and the cap.
 */
static void
test_review(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct review		*r;
	struct review_opts	 o = { 0, REVIEW_CAP, KEYDATE_FEB28 };
	char			*path, why[256];
	int64_t			 ana, bob, cy, grace, fu;
	int			 snoozes;

	db = open_at("cad-review.db", &path, "2026-01-01 12:00");
	ana = person(db, "Ana", "Northbridge", NULL, NULL);
	grace = person(db, "Grace Thompson", "Northbridge", NULL, NULL);
	bob = person(db, "Bob", NULL, NULL, NULL);
	cy = person(db, "Cy", NULL, NULL, "1990-03-01");
	logged(db, ana, "call", "2026-01-01", "x");
	logged(db, bob, "call", "2026-01-01", "x");
	set(db, ana, "30d/45d");	/* due 01-31, overdue after 02-15 */
	set(db, bob, "50d/60d");	/* due 02-20 */
	CHECK(followup_add(db, bob, "send the letter", "2026-02-25", &fu,
	    &err) == KITH_OK);
	kith_db_set_now(db, time_parse("2026-03-01 12:00"));
	logged(db, grace, "call", "2026-02-26", "the same loan");

	CHECK(review_build(db, &o, &r, &err) == KITH_OK);
	CHECK_INT(r->n, 4);
	CHECK_INT(r->total, 4);
	CHECK_INT(r->carried, 0);
	/*
	 * Ana: overdue 25 + 29 days late (2 x 29 capped at 40) + strength
	 * 34 / 5 (one call 59 days ago: 35 x 2^(-59/90) + 25 x (1 -
	 * 2^(-2/8)) + 0 + 7.5 = 33.7).
	 */
	CHECK_INT(r->items[0].kind, REVIEW_CADENCE);
	CHECK_INT(r->items[0].contact, ana);
	CHECK_INT(r->items[0].rank, 1);
	review_explain(&r->items[0], why, sizeof why);
	CHECK_STR(why, "overdue cadence +25 + 29 days late +40 + strength "
	    "34 +6.8 = 72");
	CHECK_INT(r->items[0].score, 72);
	CHECK_STR(r->items[0].hint, "Grace Thompson at Northbridge was "
	    "called 3 days ago: the same loan");
	/* Bob's follow-up: overdue 30 + 4 days late 8 + strength 34 / 5. */
	CHECK_INT(r->items[1].kind, REVIEW_FOLLOWUP);
	CHECK_INT(r->items[1].ref, fu);
	review_explain(&r->items[1], why, sizeof why);
	CHECK_STR(why, "overdue follow-up +30 + 4 days late +8 + strength "
	    "34 +6.8 = 45");
	/* Bob's cadence: due 15 + 9 days late 18 + 6.8. */
	CHECK_INT(r->items[2].kind, REVIEW_CADENCE);
	CHECK_INT(r->items[2].contact, bob);
	CHECK_INT(r->items[2].score, 40);
	CHECK(r->items[2].hint == NULL);
	/* Cy's birthday today: 30, no strength (never touched). */
	CHECK_INT(r->items[3].kind, REVIEW_KEYDATE);
	CHECK_INT(r->items[3].contact, cy);
	review_explain(&r->items[3], why, sizeof why);
	CHECK_STR(why, "birthday today +30 = 30");
	CHECK_STR(r->items[3].what, "birthday today (36)");
	review_free(r);

	/* A decision takes an item out of today's queue, and counts. */
	CHECK(review_build(db, &o, &r, &err) == KITH_OK);
	CHECK(review_decide(db, &r->items[0], REVIEW_SNOOZE, "2026-03-05",
	    "on holiday", &snoozes, &err) == KITH_OK);
	CHECK_INT(snoozes, 1);
	CHECK(review_decide(db, &r->items[1], REVIEW_DONE, NULL, NULL, NULL,
	    &err) == KITH_OK);
	CHECK(review_decide(db, &r->items[2], REVIEW_SNOOZE, NULL, NULL, NULL,
	    &err) == KITH_INVALID);
	review_free(r);
	o.cap = 3;
	CHECK(review_build(db, &o, &r, &err) == KITH_OK);
	CHECK_INT(r->decided, 2);
	CHECK_INT(r->total, 2);
	CHECK_INT(r->n, 1);
	CHECK_INT(r->carried, 1);
	review_free(r);
	CHECK_INT(sql_int(db, "SELECT done_at IS NOT NULL FROM followup"), 1);
	CHECK_INT(sql_int(db, "SELECT count(*) FROM review_decision"), 2);
	/* The next day, the queue starts afresh. */
	kith_db_set_now(db, time_parse("2026-03-02 12:00"));
	o.cap = 0;
	CHECK(review_build(db, &o, &r, &err) == KITH_OK);
	CHECK_INT(r->decided, 0);
	CHECK_INT(r->n, 1);
	CHECK_INT(r->items[0].contact, bob);
	review_free(r);
	test_db_done(db, path);
}

/*
 * The day's cap prunes: the queue with a cap of k is the first k items of
 * the whole ranked queue, item for item, on a book where every kind of
 * item is owed with many scores alike (the bound of each candidate must
 * never be below its score, and ties must fall as in the full sort).
 */
static void
test_review_cap(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct review		*all, *r;
	struct review_opts	 o = { 0, 0, KEYDATE_FEB28 };
	struct deal		*d;
	char			*path, name[32], day[KITH_DATE_LEN], at[32];
	int64_t			 ids[60], fu;
	size_t			 k, i;
	int			 p, round;

	db = open_at("cad-cap.db", &path, "2026-01-01 12:00");
	for (p = 0; p < 60; p++) {
		snprintf(name, sizeof name, "Person %02d", p % 45);
		snprintf(day, sizeof day, "19%02d-06-%02d", 50 + p % 40,
		    15 + p % 9);
		ids[p] = person(db, name, p % 3 ? "Northbridge" : NULL, NULL,
		    p % 4 == 0 ? day : NULL);
		/* Touches of varied kinds and ages: varied strengths. */
		for (i = 0; i < (size_t)(p % 5); i++) {
			snprintf(at, sizeof at, "2025-%02d-%02d",
			    1 + (int)(p + i * 3) % 12, 1 + p % 27);
			logged(db, ids[p], i % 2 ? "meeting" : "email", at,
			    "x");
		}
		if (p % 3 == 0)
			set(db, ids[p], p % 2 ? "20d/30d" : "40d");
		if (p % 7 == 2)
			CHECK(strength_set(db, ids[p], 10 + p, &err) ==
			    KITH_OK);
	}
	for (p = 0; p < 12; p++) {
		d = deal_new();
		d->title = xasprintf("Matter %d", p);
		d->has_value = p % 4 != 3;
		d->value = (int64_t)(p % 6 + 1) * 1000000 * (p % 3 + 1);
		snprintf(d->currency, sizeof d->currency, "EUR");
		deal_add_person(d, ids[p * 5 % 60], "client");
		deal_add_person(d, ids[(p * 7 + 1) % 60], "adverse party");
		CHECK(deal_add(db, d, &err) == KITH_OK);
		deal_free(d);
	}
	kith_db_set_now(db, time_parse("2026-06-15 12:00"));
	for (p = 0; p < 60; p += 2) {
		snprintf(day, sizeof day, "2026-05-%02d", 1 + p % 31);
		CHECK(followup_add(db, ids[p], p % 4 ? "call back" :
		    "send the draft", day, &fu, &err) == KITH_OK);
	}

	for (round = 0; round < 2; round++) {
		CHECK(review_build(db, &o, &all, &err) == KITH_OK);
		CHECK(all->n > 40);
		for (k = 1; k <= all->n + 1; k++) {
			o.cap = k + all->decided;
			CHECK(review_build(db, &o, &r, &err) == KITH_OK);
			CHECK_INT(r->total, all->total);
			CHECK_INT(r->n, k < all->n ? k : all->n);
			CHECK_INT(r->carried, all->total - r->n);
			for (i = 0; i < r->n; i++) {
				CHECK_STR(r->items[i].key, all->items[i].key);
				CHECK_INT(r->items[i].score,
				    all->items[i].score);
				CHECK_INT(r->items[i].rank, i + 1);
				CHECK_STR(r->items[i].what,
				    all->items[i].what);
			}
			review_free(r);
			o.cap = 0;
		}
		/* Decided items leave both alike. */
		for (i = 0; round == 0 && i < all->n; i += 3)
			CHECK(review_decide(db, &all->items[i], REVIEW_DONE,
			    NULL, NULL, NULL, &err) == KITH_OK);
		review_free(all);
	}
	test_db_done(db, path);
}

static int
cmp_strp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The queue with every cap from 1 up equals the first items of the whole
 * queue, and its counts are the same.
 */
static void
check_caps(struct kith_db *db, struct review_opts *o, size_t *shown)
{
	struct kith_err		 err = { 0 };
	struct review		*all, *r;
	size_t			 k, i;

	o->cap = 0;
	CHECK(review_build(db, o, &all, &err) == KITH_OK);
	*shown = all->n;
	for (k = 1; k <= all->n + 1; k++) {
		o->cap = k + all->decided;
		CHECK(review_build(db, o, &r, &err) == KITH_OK);
		CHECK_INT(r->total, all->total);
		CHECK_INT(r->n, k < all->n ? k : all->n);
		CHECK_INT(r->carried, all->total - r->n);
		for (i = 0; i < r->n; i++) {
			CHECK_STR(r->items[i].key, all->items[i].key);
			CHECK_INT(r->items[i].score, all->items[i].score);
		}
		review_free(r);
	}
	o->cap = 0;
	review_free(all);
}

/*
 * Once the cap is filled, the kinds listed after follow-ups list only
 * what can still reach the last score kept, and count the rest: with
 * cadences due and overdue, stalled deals and key dates at every
 * lateness around the cut, the capped queue and its counts stay those of
 * the whole queue, before and after decisions that leave items owed.
 */
/*
 * A book for the cut: cadences due and overdue, stalled deals and key
 * dates at every lateness around it, half of them at their bound
 * (strength 100 and an open deal worth the deal term's maximum).  Today
 * is 2026-06-15 12:00.
 */
static struct kith_db *
prune_book(char **path)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct deal		*d;
	char			 name[32], day[KITH_DATE_LEN];
	int64_t			 ids[48], fu;
	int			 p;
	time_t			 now = time_parse("2026-06-15 12:00");

	db = open_at("cad-prune.db", path, "2026-06-15 12:00");
	/* Cadences set two months ago: their first due days are past. */
	kith_db_set_now(db, now - (time_t)60 * 86400);
	for (p = 0; p < 48; p++) {
		snprintf(name, sizeof name, "Person %02d", p);
		snprintf(day, sizeof day, "1971-06-%02d", 15 + p % 9);
		ids[p] = person(db, name, NULL, NULL, p % 3 == 0 ? day : NULL);
		if (p % 4 != 3)
			set(db, ids[p], p % 4 == 0 ? "10d/14d" : p % 4 == 1 ?
			    "10d/30d" : "10d/20d");
	}
	kith_db_set_now(db, now);
	for (p = 0; p < 48; p++) {
		/* The last touch 10 to 35 days ago, so cadences of 10 days
		 * are 0 to 25 days late, overdue past their maximum. */
		if (p % 3 == 0) {
			date_add_days("2026-06-15", -(100 + p), day);
			logged(db, ids[p], "call", day, "y");
		}
		date_add_days("2026-06-15", -(10 + p % 26), day);
		logged(db, ids[p], p % 2 ? "meeting" : "email", day, "x");
		if (p % 6 == 0) {
			date_add_days("2026-06-15", -(p % 23) + 2, day);
			CHECK(followup_add(db, ids[p], "call back", day, &fu,
			    &err) == KITH_OK);
		}
		if (p % 2 == 0 || p % 3 == 0)
			CHECK(strength_set(db, ids[p], 100, &err) == KITH_OK);
	}
	/* Deals stalled 1 to 24 days past the stage's 30. */
	for (p = 0; p < 24; p++) {
		kith_db_set_now(db, now - (time_t)(31 + p) * 86400);
		d = deal_new();
		d->title = xasprintf("Matter %d", p);
		d->has_value = p % 3 != 2;
		d->value = p % 3 == 0 ? (int64_t)200000000 :
		    (int64_t)(p % 5 + 1) * 3000000;
		snprintf(d->currency, sizeof d->currency, "EUR");
		deal_add_person(d, ids[p * 2 % 48], "client");
		deal_add_person(d, ids[p * 3 % 48], "adverse party");
		CHECK(deal_add(db, d, &err) == KITH_OK);
		deal_free(d);
	}
	kith_db_set_now(db, now);
	return db;
}

/* Lists kind k (0 cadences, 1 deals, 2 key dates) into l. */
static enum kith_status
list_kind(struct review_list *l, int k, int days, int floor)
{
	switch (k) {
	case 0:
		return review_list_cadences(l, days, floor);
	case 1:
		return review_list_deals(l, floor);
	default:
		return review_list_keydates(l, days, KEYDATE_FEB28, floor);
	}
}

/*
 * For each kind and every floor: what is listed holds every candidate
 * of the whole listing whose bound reaches the floor, and the count of
 * what is owed is the whole listing's.  done: today's decided keys,
 * sorted.
 */
static void
check_cut(struct kith_db *db, char **done, size_t n_done)
{
	struct kith_err		 err = { 0 };
	struct review_list	 all, cut;
	char			 key[48], k2[48];
	size_t			 i, j;
	int			 k, days, floor, kept, listed;

	for (days = 0; days <= 7; days += 7)
	for (k = 0; k < 3; k++) {
		memset(&all, 0, sizeof all);
		all.db = db;
		all.err = &err;
		all.done = done;
		all.n_done = n_done;
		memcpy(all.today, "2026-06-15", KITH_DATE_LEN);
		CHECK(list_kind(&all, k, days, INT_MIN) == KITH_OK);
		CHECK_INT(all.owed, all.n);
		CHECK(all.n > 5);
		for (floor = 0, listed = 0; floor <= 120; floor++) {
			cut = all;
			cut.c = NULL;
			cut.n = cut.cap = cut.owed = 0;
			CHECK(list_kind(&cut, k, days, floor) == KITH_OK);
			CHECK_INT(cut.owed, all.owed);
			for (i = 0; i < all.n; i++) {
				if (all.c[i].bound < floor)
					continue;
				review_cand_key(&all.c[i], key, sizeof key);
				for (kept = 0, j = 0; !kept && j < cut.n; j++) {
					review_cand_key(&cut.c[j], k2,
					    sizeof k2);
					kept = strcmp(key, k2) == 0;
				}
				if (!kept)
					fprintf(stderr, "kind %d floor %d: "
					    "%s (bound %d) left out\n", k,
					    floor, key, all.c[i].bound);
				CHECK(kept);
			}
			listed += cut.n < all.n;
			review_list_free(&cut);
		}
		/* Some floor cut something (key dates: unless one was
		 * decided, when all are listed). */
		for (i = 0, kept = 0; k == 2 && i < n_done; i++)
			kept |= strncmp(done[i], "keydate:", 8) == 0;
		CHECK(listed > 0 || kept);
		review_list_free(&all);
	}
}

static void
test_review_prune(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct review		*all;
	struct review_opts	 o = { 0, 0, KEYDATE_FEB28 };
	char			*path, *done[64];
	size_t			 i, shown, n_done = 0;
	int			 days;

	db = prune_book(&path);
	check_cut(db, NULL, 0);
	for (days = 0; days <= 7; days += 7) {
		o.days = days;
		check_caps(db, &o, &shown);
		CHECK(shown > 30);
	}
	/* Noted decisions: the cadences, deals and key dates stay owed. */
	o.days = 0;
	CHECK(review_build(db, &o, &all, &err) == KITH_OK);
	for (i = 0; i < all->n && n_done < 64; i += 4) {
		CHECK(review_decide(db, &all->items[i], REVIEW_DONE, NULL,
		    NULL, NULL, &err) == KITH_OK);
		if (all->items[i].kind != REVIEW_FOLLOWUP)
			done[n_done++] = all->items[i].key;
	}
	qsort(done, n_done, sizeof *done, cmp_strp);
	check_cut(db, done, n_done);
	review_free(all);
	check_caps(db, &o, &shown);
	CHECK(shown > 20);
	test_db_done(db, path);
}

/* Going cold against each person's own median gap. */
static void
test_cold(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct cold	*c;
	size_t		 n;
	char		*path;
	int64_t		 weekly, monthly;

	db = open_at("cad-cold.db", &path, "2026-03-01 12:00");
	weekly = person(db, "Weekly", NULL, NULL, NULL);
	monthly = person(db, "Monthly", NULL, NULL, NULL);
	logged(db, weekly, "call", "2025-11-01", "x");
	logged(db, weekly, "call", "2025-11-08", "x");
	logged(db, weekly, "call", "2025-11-15", "x");
	logged(db, monthly, "call", "2025-12-01", "x");
	logged(db, monthly, "call", "2026-01-01", "x");
	logged(db, monthly, "call", "2026-02-01", "x");
	CHECK(cold_list(db, &c, &n, &err) == KITH_OK);
	/* Weekly: 106 days quiet > 2 x 7; Monthly: 28 days < 2 x 31. */
	CHECK_INT(n, 1);
	CHECK_INT(c[0].contact, weekly);
	CHECK_INT(c[0].gap, 7);
	CHECK_INT(c[0].days, 106);
	CHECK_INT(c[0].cooling, 1);
	CHECK(c[0].drop > 0);
	cold_list_free(c, n);
	test_db_done(db, path);
}

/*
 * The statements review_build runs never scan the contact or the
 * interaction tables: each reads an index range.  They are captured as
 * they run and their plans asked of SQLite.
 */
struct captured {
	char	*sql[64];
	size_t	 n;
};

static int
capture(unsigned type, void *arg, void *p, void *x)
{
	struct captured	*cap = arg;
	const char	*sql = sqlite3_sql(p);
	size_t		 i;

	(void)type;
	(void)x;
	for (i = 0; i < cap->n; i++)
		if (strcmp(cap->sql[i], sql) == 0)
			return 0;
	if (cap->n < 64)
		cap->sql[cap->n++] = xstrdup(sql);
	return 0;
}

static void
test_plans(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct review		*r;
	struct review_opts	 o = { 7, 1, KEYDATE_FEB28 };
	struct captured		 cap = { { 0 }, 0 };
	sqlite3_stmt		*stmt;
	char			*path, *eqp;
	const char		*detail;
	size_t			 i;
	int64_t			 a, g, fu;
	int			 listing, seen = 0, counted = 0;

	db = open_at("cad-plan.db", &path, "2026-03-01 12:00");
	a = person(db, "Ana", "Northbridge", NULL, "1980-03-03");
	g = person(db, "Grace", "Northbridge", NULL, NULL);
	logged(db, a, "call", "2026-01-01", "x");
	set(db, a, "30d");
	/* A follow-up fills the cap of one: the rest is only counted. */
	CHECK(followup_add(db, g, "call back", "2026-02-01", &fu, &err) ==
	    KITH_OK);
	sqlite3_trace_v2(kith_db_sqlite(db), SQLITE_TRACE_STMT, capture,
	    &cap);
	CHECK(review_build(db, &o, &r, &err) == KITH_OK);
	CHECK_INT(r->n, 1);
	CHECK_INT(r->carried, 2);
	review_free(r);
	sqlite3_trace_v2(kith_db_sqlite(db), 0, NULL, NULL);
	CHECK(cap.n >= 4);
	for (i = 0; i < cap.n; i++) {
		eqp = xasprintf("EXPLAIN QUERY PLAN %s", cap.sql[i]);
		CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), eqp, -1, &stmt,
		    NULL) == SQLITE_OK);
		/* What is owed is listed from indexes alone. */
		listing = strncmp(cap.sql[i], "SELECT id, birthday", 19) == 0 ||
		    strncmp(cap.sql[i], "SELECT id, due_on", 17) == 0 ||
		    strncmp(cap.sql[i], "SELECT id, due, ", 16) == 0 ||
		    strncmp(cap.sql[i], "SELECT d.id, d.touched", 22) == 0;
		seen += listing;
		if (strncmp(cap.sql[i], "SELECT count(*)", 15) == 0) {
			listing = 1;
			counted++;
		}
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			detail = (const char *)sqlite3_column_text(stmt, 3);
			if (listing && strncmp(detail, "SEARCH", 6) == 0 &&
			    strstr(detail, "COVERING INDEX") == NULL &&
			    strstr(detail, "PRIMARY KEY") == NULL) {
				fprintf(stderr, "table read in %s: %s\n",
				    cap.sql[i], detail);
				CHECK(0);
			}
			if (strncmp(detail, "SCAN ", 5) == 0 &&
			    (strstr(detail, "contact") != NULL ||
			    strstr(detail, "interaction") != NULL ||
			    strcmp(detail, "SCAN c") == 0 ||
			    strncmp(detail, "SCAN c ", 7) == 0 ||
			    strncmp(detail, "SCAN i", 6) == 0)) {
				fprintf(stderr, "scan in %s: %s\n",
				    cap.sql[i], detail);
				CHECK(0);
			}
		}
		sqlite3_finalize(stmt);
		free(eqp);
		free(cap.sql[i]);
	}
	CHECK_INT(seen, 4);	/* each statement once */
	CHECK(counted >= 1);
	test_db_done(db, path);
}

TEST_MAIN(test_parse, test_resets, test_tag, test_spread, test_strength,
    test_keydate_next, test_keydates, test_keydate_windows, test_review, test_review_cap,
    test_review_prune, test_cold, test_plans)
