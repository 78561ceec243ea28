/* SPDX-License-Identifier: MIT */
/*
 * The list strongest first (strength_order.h) on a real database file with
 * a frozen clock: highest score first, name order (the collation's) among
 * equals, the manual strength winning over the computed one, archived
 * contacts left out unless asked, a query's filter applied, each score as
 * strength_get gives it, and the same order whether built at once or in
 * steps across many chunks.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/interaction.h"
#include "kith/strength.h"
#include "kith/strength_order.h"

static int64_t
person(struct kith_db *db, const char *name, const char *org)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	if (org != NULL)
		contact_set(&c->org, org);
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

/* The order of query as ids; n must match. */
static void
expect(struct kith_db *db, const char *query, int archived,
    const int64_t *want, size_t n)
{
	struct kith_err		 err = { 0 };
	struct strength_rank	*r;
	struct strength		 s;
	size_t			 got, i;

	CHECK(strength_order_list(db, query, archived, &r, &got, &err) ==
	    KITH_OK);
	CHECK_INT((long)got, (long)n);
	for (i = 0; i < got && i < n; i++) {
		CHECK_INT((long)r[i].id, (long)want[i]);
		CHECK(strength_get(db, r[i].id, &s, &err) == KITH_OK);
		CHECK_INT(r[i].score, s.score);
	}
	free(r);
}

static void
test_order(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path;
	int64_t		 zoe, ana, bob, cara, emile, dan;

	db = test_db("strength-order.db", &path);
	kith_db_set_now(db, time_parse("2026-12-05 12:00"));
	zoe = person(db, "Zoe Young", "Acme");
	ana = person(db, "Ana Petrović", "Acme");
	bob = person(db, "Bob Smith", NULL);
	cara = person(db, "Cara Lind", "Acme");
	emile = person(db, "Émile Roux", NULL);
	dan = person(db, "Dan Ortiz", NULL);
	/* Ana: years, quiet for a year (32, test_standing.c's). */
	logged(db, ana, "meeting", "2024-12-05");
	logged(db, ana, "call", "2025-06-05");
	logged(db, ana, "email", "2025-12-05");
	/* Bob and Zoe: one call four days ago each, the same score. */
	logged(db, bob, "call", "2026-12-01");
	logged(db, zoe, "call", "2026-12-01");
	/* Cara, Émile, Dan: never touched, 0, by name (É with the Es). */
	{
		int64_t want[] = { bob, zoe, ana, cara, dan, emile };

		expect(db, NULL, 0, want, 6);
		expect(db, "", 0, want, 6);
	}
	/* A query's filter: the people of Acme, strongest first. */
	{
		int64_t want[] = { zoe, ana, cara };

		expect(db, "acme", 0, want, 3);
	}
	/* A manual strength wins: Dan set to 99 goes first, Bob to 0 goes
	 * among the untouched, by name. */
	CHECK(strength_set(db, dan, 99, &err) == KITH_OK);
	CHECK(strength_set(db, bob, 0, &err) == KITH_OK);
	{
		int64_t want[] = { dan, zoe, ana, bob, cara, emile };

		expect(db, NULL, 0, want, 6);
	}
	/* Archived: left out unless asked. */
	CHECK(contact_archive(db, zoe, 1, &err) == KITH_OK);
	{
		int64_t want[] = { dan, ana, bob, cara, emile };
		int64_t all[] = { dan, zoe, ana, bob, cara, emile };
		int64_t acme[] = { ana, cara };
		int64_t acme_all[] = { zoe, ana, cara };

		expect(db, NULL, 0, want, 5);
		expect(db, NULL, 1, all, 6);
		expect(db, "acme", 0, acme, 2);
		expect(db, "acme", 1, acme_all, 3);
	}
	/* Nothing matches: an empty order. */
	expect(db, "nobodyhere", 0, NULL, 0);
	test_db_done(db, path);
}

/* The one-shot order against one built a step at a time. */
static void
same_in_steps(struct kith_db *db, const char *query)
{
	struct kith_err			 err = { 0 };
	struct strength_order		*o;
	struct strength_rank		*r;
	const struct strength_rank	*s;
	size_t				 n, m, i, pos;
	int				 done = 0, steps = 0;

	CHECK(strength_order_list(db, query, 0, &r, &n, &err) == KITH_OK);
	CHECK(strength_order_new(db, query, 0, &o, &err) == KITH_OK);
	CHECK(strength_order_ranks(o, &m) == NULL && m == 0);
	CHECK(!strength_order_find(o, r[0].id, &pos));
	while (!done && steps < 100000) {
		CHECK(strength_order_step(o, 1, &done, &err) == KITH_OK);
		steps++;
	}
	CHECK(done && strength_order_done(o));
	CHECK(steps > 1);
	s = strength_order_ranks(o, &m);
	CHECK_INT((long)m, (long)n);
	for (i = 0; i < n && i < m; i++)
		if (s[i].id != r[i].id || s[i].score != r[i].score)
			break;
	CHECK_INT((long)i, (long)n);
	CHECK(strength_order_find(o, r[n - 1].id, &pos) && pos == n - 1);
	CHECK(!strength_order_find(o, -5, &pos));
	/* Sorted: scores never rise. */
	for (i = 1; i < n; i++)
		if (r[i].score > r[i - 1].score)
			break;
	CHECK_INT((long)i, (long)n);
	strength_order_free(o);
	free(r);
}

static void
test_steps(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path, name[64], at[32];
	int64_t		 id;
	int		 i;

	db = test_db("strength-order-steps.db", &path);
	kith_db_set_now(db, time_parse("2026-12-05 12:00"));
	CHECK(kith_db_begin(db, &err) == KITH_OK);
	/* More than two chunks of the scan and of the name walk. */
	for (i = 0; i < 2600; i++) {
		snprintf(name, sizeof name, "Person %04d %s", (i * 7919) % 2600,
		    i % 3 == 0 ? "Acme" : "Other");
		id = person(db, name, NULL);
		if (i % 5 == 0) {
			snprintf(at, sizeof at, "2026-%02d-%02d", 1 + i % 11,
			    1 + i % 27);
			logged(db, id, i % 2 ? "call" : "meeting", at);
		}
	}
	CHECK(kith_db_commit(db, &err) == KITH_OK);
	same_in_steps(db, NULL);
	same_in_steps(db, "acme");
	test_db_done(db, path);
}

TEST_MAIN(test_order, test_steps)
