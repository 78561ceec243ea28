/* SPDX-License-Identifier: MIT */
/*
 * A contact's standing (standing.h) on a real database file with a frozen
 * clock: the cadence state and its word on either side of the ideal and
 * the maximum interval, the strength as strength_get computes it and the
 * manual one where set, and the bar's cells (the order strongest first is
 * test_strength_order.c's).
 */
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "kith/cadence.h"
#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/interaction.h"
#include "kith/standing.h"
#include "kith/strength.h"

static int64_t
person(struct kith_db *db, const char *name)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	id = c->id;
	contact_free(c);
	return id;
}

static void
logged(struct kith_db *db, int64_t who, const char *kind, const char *at)
{
	struct kith_err	 err = { 0 };
	int64_t		 id = 0;

	CHECK(interaction_log(db, &who, 1, kind, at, "touch", NULL, &id,
	    &err) == KITH_OK);
}

static void
test_cadence_word(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct cadence_spec	 spec;
	struct standing		 st;
	char			*path;
	int64_t			 ana, bob;

	db = test_db("standing-cadence.db", &path);
	kith_db_set_now(db, time_parse("2026-01-01 12:00"));
	ana = person(db, "Ana");
	bob = person(db, "Bob");
	logged(db, ana, "call", "2026-01-01 09:00");
	CHECK(cadence_parse("30d/45d", &spec, &err) == KITH_OK);
	CHECK(cadence_set_contact(db, ana, &spec, &err) == KITH_OK);

	CHECK(standing_get(db, ana, &st, &err) == KITH_OK);
	CHECK_INT(st.cadence, KITH_CADENCE_OK);
	CHECK_STR(standing_word(&st), "");
	/* Past the ideal interval (31 January): due. */
	kith_db_set_now(db, time_parse("2026-02-05 12:00"));
	CHECK(standing_get(db, ana, &st, &err) == KITH_OK);
	CHECK_INT(st.cadence, KITH_CADENCE_DUE);
	CHECK_INT(st.late, 5);
	CHECK_STR(standing_word(&st), "due");
	/* Past the maximum (15 February): overdue. */
	kith_db_set_now(db, time_parse("2026-02-16 12:00"));
	CHECK(standing_get(db, ana, &st, &err) == KITH_OK);
	CHECK_INT(st.cadence, KITH_CADENCE_OVERDUE);
	CHECK_STR(standing_word(&st), "overdue");
	/* No cadence: no word. */
	CHECK(standing_get(db, bob, &st, &err) == KITH_OK);
	CHECK_INT(st.cadence, KITH_CADENCE_NONE);
	CHECK_STR(standing_word(&st), "");
	CHECK(standing_get(db, 999, &st, &err) == KITH_NOTFOUND);
	test_db_done(db, path);
}

static void
test_strength_bar(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct standing	 st;
	struct strength	 s;
	char		*path, bar[STANDING_BAR_LEN];
	int64_t		 a, b, c;

	db = test_db("standing-strength.db", &path);
	kith_db_set_now(db, time_parse("2026-12-05 12:00"));
	a = person(db, "A");
	b = person(db, "B");
	c = person(db, "C");
	logged(db, a, "meeting", "2024-12-05");
	logged(db, a, "call", "2025-06-05");
	logged(db, a, "email", "2025-12-05");
	logged(db, b, "call", "2026-12-01");
	CHECK(standing_get(db, a, &st, &err) == KITH_OK);
	CHECK(strength_get(db, a, &s, &err) == KITH_OK);
	CHECK_INT(st.strength, s.score);
	CHECK_INT(st.strength, 32);	/* test_cadence.c's hand computation */
	CHECK_INT(st.manual, 0);
	CHECK(standing_get(db, c, &st, &err) == KITH_OK);
	CHECK_INT(st.strength, 0);

	/* The manual strength wins. */
	CHECK(strength_set(db, c, 90, &err) == KITH_OK);
	CHECK(standing_get(db, c, &st, &err) == KITH_OK);
	CHECK_INT(st.strength, 90);
	CHECK_INT(st.manual, 1);
	(void)b;

	standing_bar(0, bar);
	CHECK_STR(bar, "\xe2\x96\xa1\xe2\x96\xa1\xe2\x96\xa1\xe2\x96\xa1"
	    "\xe2\x96\xa1");
	standing_bar(62, bar);	/* 3 of 5 */
	CHECK_STR(bar, "\xe2\x96\xa0\xe2\x96\xa0\xe2\x96\xa0\xe2\x96\xa1"
	    "\xe2\x96\xa1");
	standing_bar(100, bar);
	CHECK_STR(bar, "\xe2\x96\xa0\xe2\x96\xa0\xe2\x96\xa0\xe2\x96\xa0"
	    "\xe2\x96\xa0");
	test_db_done(db, path);
}

TEST_MAIN(test_cadence_word, test_strength_bar)
