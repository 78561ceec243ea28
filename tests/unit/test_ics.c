/* SPDX-License-Identifier: MIT */
/*
 * kith export --format ics: the calendar that ics_write() makes is read
 * back with libical, and counted: a VTODO per open follow-up (none for a
 * done one), a yearly all-day VEVENT per birthday, and the same UIDs at
 * the next export.  ics_collect() alone is checked for what goes into
 * the items (dates, the year-less birthday's start year, summaries).
 * Each to-do's PRIORITY is its review score mapped by review_priority().
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libical/ical.h>

#include "kith/contact.h"
#include "kith/followup.h"
#include "kith/ics.h"
#include "kith/review.h"
#include "check.h"
#include "testdb.h"

static char	*export_ics(struct kith_db *, unsigned, long *);
static size_t	 uids(const char *, icalcomponent_kind, char ***);
static void	 add(struct kith_db *, const char *, const char *, int64_t *);

/* The calendar ics_write() writes for what, as a string; caller frees. */
static char *
export_ics(struct kith_db *db, unsigned what, long *count)
{
	struct kith_err	 err = { 0 };
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*fp = open_memstream(&buf, &len);

	CHECK(ics_write(db, fp, what, count, &err) == KITH_OK);
	fclose(fp);
	return buf;
}

/* The UIDs of the components of kind in text, in order, in *out. */
static size_t
uids(const char *text, icalcomponent_kind kind, char ***out)
{
	icalcomponent	*cal, *c;
	size_t		 n = 0;

	*out = NULL;
	cal = icalparser_parse_string(text);
	CHECK(cal != NULL);
	if (cal == NULL)
		return 0;
	CHECK(icalcomponent_isa(cal) == ICAL_VCALENDAR_COMPONENT);
	for (c = icalcomponent_get_first_component(cal, kind); c != NULL;
	    c = icalcomponent_get_next_component(cal, kind)) {
		*out = xreallocarray(*out, n + 1, sizeof **out);
		(*out)[n++] = xstrdup(icalcomponent_get_uid(c));
		if (kind == ICAL_VEVENT_COMPONENT) {
			struct icaltimetype s = icalcomponent_get_dtstart(c);
			icalproperty *r = icalcomponent_get_first_property(c,
			    ICAL_RRULE_PROPERTY);

			CHECK(s.is_date);
			CHECK(r != NULL && icalproperty_get_rrule(r).freq ==
			    ICAL_YEARLY_RECURRENCE);
		} else {
			CHECK(!icaltime_is_null_time(
			    icalcomponent_get_due(c)));
			CHECK(icalcomponent_get_summary(c) != NULL);
			CHECK(icalcomponent_get_description(c) != NULL);
		}
	}
	icalcomponent_free(cal);
	return n;
}

static void
add(struct kith_db *db, const char *name, const char *birthday, int64_t *id)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();

	contact_set(&c->display, name);
	contact_set(&c->birthday, birthday);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	*id = c->id;
	contact_free(c);
}

static void
test_ics_parse_back(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path, *a, *b, **ta, **tb, **ea, **eb;
	int64_t		 ana, bob, zed, f1, f2, f3;
	size_t		 nta, ntb, nea, neb, i;
	long		 count;

	db = test_db("ics.db", &path);
	kith_db_set_now(db, 1796464800);	/* 2026-12-05 */
	add(db, "Ana Petrović", "1980-02-29", &ana);
	add(db, "Bob; Smith, \"Jr\"", "--04-17", &bob);
	add(db, "Zed", NULL, &zed);
	CHECK(followup_add(db, ana, "call re: renewal, fees", "2026-12-08",
	    &f1, &err) == KITH_OK);
	CHECK(followup_add(db, zed, "lunch", "2026-12-09 12:30", &f2, &err)
	    == KITH_OK);
	CHECK(followup_add(db, bob, "old", "2026-12-01", &f3, &err)
	    == KITH_OK);
	CHECK(followup_done(db, f3, &err) == KITH_OK);

	a = export_ics(db, ICS_FOLLOWUPS | ICS_BIRTHDAYS, &count);
	CHECK_INT(count, 4);
	nta = uids(a, ICAL_VTODO_COMPONENT, &ta);
	nea = uids(a, ICAL_VEVENT_COMPONENT, &ea);
	CHECK_INT(nta, 2);
	CHECK_INT(nea, 2);

	/* Another follow-up and another export: the old UIDs stay. */
	CHECK(followup_add(db, bob, "send letter", "2026-12-07", NULL, &err)
	    == KITH_OK);
	b = export_ics(db, ICS_FOLLOWUPS | ICS_BIRTHDAYS, &count);
	CHECK_INT(count, 5);
	ntb = uids(b, ICAL_VTODO_COMPONENT, &tb);
	neb = uids(b, ICAL_VEVENT_COMPONENT, &eb);
	CHECK_INT(ntb, 3);
	CHECK_INT(neb, 2);
	for (i = 0; i < nta; i++) {
		size_t k;
		for (k = 0; k < ntb && strcmp(ta[i], tb[k]) != 0; k++)
			;
		CHECK(k < ntb);
	}
	for (i = 0; i < nea && i < neb; i++)
		CHECK_STR(ea[i], eb[i]);
	for (i = 0; i < ntb; i++)
		CHECK(strcmp(tb[i], ta[0]) != 0 || i == 1);

	/* Without --birthdays: to-dos only. */
	free(a);
	a = export_ics(db, ICS_FOLLOWUPS, &count);
	CHECK_INT(count, 3);
	for (i = 0; i < nea; i++)
		free(ea[i]);
	free(ea);
	CHECK_INT(uids(a, ICAL_VEVENT_COMPONENT, &ea), 0);
	nea = 0;

	for (i = 0; i < nta; i++)
		free(ta[i]);
	for (i = 0; i < ntb; i++)
		free(tb[i]);
	for (i = 0; i < neb; i++)
		free(eb[i]);
	free(ta);
	free(tb);
	free(eb);
	free(ea);
	free(a);
	free(b);
	test_db_done(db, path);
}

static void
test_ics_items(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct ics_item	*v;
	char		*path, *uid;
	int64_t		 ana, bob;
	size_t		 n;

	db = test_db("ics-items.db", &path);
	add(db, "Ana", "1980-02-29", &ana);
	add(db, "Bob", "--04-17", &bob);
	CHECK(followup_add(db, ana, "call", "2026-12-09 12:30", NULL, &err)
	    == KITH_OK);
	CHECK(ics_collect(db, ICS_FOLLOWUPS | ICS_BIRTHDAYS, &v, &n, &err)
	    == KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK(v[0].kind == ICS_TODO);
		CHECK_STR(v[0].date, "2026-12-09");
		CHECK_STR(v[0].time, "12:30");
		CHECK_STR(v[0].summary, "call (Ana)");
		CHECK(v[1].kind == ICS_YEARLY);
		CHECK_STR(v[1].date, "1980-02-29");
		uid = xasprintf("birthday-%lld@kith", (long long)ana);
		CHECK_STR(v[1].uid, uid);
		free(uid);
		/* No year: the leap year ICS_NO_YEAR. */
		CHECK_STR(v[2].date, "2000-04-17");
		CHECK_STR(v[2].description, "Birthday of Bob (year unknown)");
	}
	ics_items_free(v, n);
	test_db_done(db, path);
}

/* The PRIORITY libical reads back for the to-do with summary. */
static int
priority_of(const char *text, const char *summary)
{
	icalcomponent	*cal, *c;
	icalproperty	*p;
	int		 prio = -1;

	cal = icalparser_parse_string(text);
	CHECK(cal != NULL);
	if (cal == NULL)
		return -1;
	for (c = icalcomponent_get_first_component(cal, ICAL_VTODO_COMPONENT);
	    c != NULL; c = icalcomponent_get_next_component(cal,
	    ICAL_VTODO_COMPONENT))
		if (strcmp(icalcomponent_get_summary(c), summary) == 0 &&
		    (p = icalcomponent_get_first_property(c,
		    ICAL_PRIORITY_PROPERTY)) != NULL)
			prio = icalproperty_get_priority(p);
	icalcomponent_free(cal);
	return prio;
}

static void
test_ics_priority(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct review_opts opts = { 0 };
	struct review	*r = NULL;
	char		*path, *text;
	int64_t		 ana;
	long		 count;

	/* The rule: 8 - score / 8 within 1..9. */
	CHECK_INT(review_priority(-20), 9);
	CHECK_INT(review_priority(0), 8);
	CHECK_INT(review_priority(7), 8);
	CHECK_INT(review_priority(8), 7);
	CHECK_INT(review_priority(25), 5);
	CHECK_INT(review_priority(32), 4);
	CHECK_INT(review_priority(56), 1);
	CHECK_INT(review_priority(400), 1);

	db = test_db("ics-prio.db", &path);
	kith_db_set_now(db, 1796464800);	/* 2026-12-05 10:00 */
	add(db, "Ana", NULL, &ana);
	/* 15 days late: 30 + 30 = 60; today: 25; in 3 days: 10 - 6 = 4;
	 * years ahead: 10 - 14 = -4. */
	CHECK(followup_add(db, ana, "late", "2026-11-20", NULL, &err) ==
	    KITH_OK);
	CHECK(followup_add(db, ana, "today", "2026-12-05", NULL, &err) ==
	    KITH_OK);
	CHECK(followup_add(db, ana, "soon", "2026-12-08", NULL, &err) ==
	    KITH_OK);
	CHECK(followup_add(db, ana, "far", "2090-01-01", NULL, &err) ==
	    KITH_OK);
	text = export_ics(db, ICS_FOLLOWUPS, &count);
	CHECK_INT(count, 4);
	CHECK_INT(priority_of(text, "late (Ana)"), 1);
	CHECK_INT(priority_of(text, "today (Ana)"), 5);
	CHECK_INT(priority_of(text, "soon (Ana)"), 8);
	CHECK_INT(priority_of(text, "far (Ana)"), 9);
	free(text);

	/* Snoozed to tomorrow in today's review (which it then leaves), it
	 * keeps a priority: 10 - 2 = 8. */
	opts.days = 0;
	CHECK(review_build(db, &opts, &r, &err) == KITH_OK);
	CHECK(r != NULL && r->n == 2);
	if (r != NULL && r->n == 2) {
		CHECK(r->items[0].kind == REVIEW_FOLLOWUP);
		CHECK_STR(r->items[0].what, "late");
		CHECK(review_decide(db, &r->items[0], REVIEW_SNOOZE,
		    "2026-12-06", NULL, NULL, &err) == KITH_OK);
	}
	review_free(r);
	text = export_ics(db, ICS_FOLLOWUPS, &count);
	CHECK_INT(priority_of(text, "late (Ana)"), 7);
	CHECK_INT(priority_of(text, "far (Ana)"), 9);
	free(text);
	test_db_done(db, path);
}

TEST_MAIN(test_ics_parse_back, test_ics_items, test_ics_priority)
