/* SPDX-License-Identifier: MIT */
/*
 * Who knows whom (path.h) on a small constructed book whose shortest
 * chains are known: a chain through an organisation, a tie broken by
 * recency, the depth limit, no path, the visited limit, the links every
 * logged contact has to me, and kith who's list; and that a large
 * organisation far from the start is not searched through.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/interaction.h"
#include "kith/path.h"
#include "kith/relation.h"

static int64_t
add(struct kith_db *db, const char *name, const char *org)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	contact_set(&c->org, org);
	if (contact_insert(db, c, &err) != KITH_OK)
		fprintf(stderr, "add %s: %s\n", name, err.msg);
	id = c->id;
	contact_free(c);
	return id;
}

static void
relate(struct kith_db *db, int64_t a, int64_t b, const char *kind)
{
	struct kith_err	err = { 0 };

	if (relation_link(db, a, b, kind, NULL, NULL, &err) != KITH_OK)
		fprintf(stderr, "link: %s\n", err.msg);
}

/* "A > B > C": the hops' names, '>' between them. */
static char *
names(const struct path_chain *c)
{
	struct sbuf	b = { 0 };
	size_t		i;

	for (i = 0; i < c->n; i++)
		sbuf_printf(&b, "%s%s", i ? " > " : "", c->hops[i].name);
	return sbuf_detach(&b);
}

static void
test_graph(void)
{
	struct kith_err		 err = { 0 };
	struct path_result	 res = { 0 };
	struct path_opts	 po = { 0 };
	struct path_end		 to, from, end;
	struct who_entry	*who = NULL;
	struct kith_db		*db;
	int64_t			 me, ana, bob, cara, dan, eve, zed, id;
	time_t			 now;
	size_t			 n = 0, i;
	char			*path, *s, *name = NULL;
	int			 limited = 0;

	db = test_db("path.db", &path);
	/* Bob's link is two years old; every other link is from today. */
	kith_db_set_now(db, time_parse("2024-11-25 12:00"));
	me = add(db, "Mia Self", NULL);
	bob = add(db, "Bob Old", NULL);
	relate(db, me, bob, "friend");
	now = time_parse("2026-11-25 12:00");
	kith_db_set_now(db, now);
	ana = add(db, "Ana Petrović", NULL);
	cara = add(db, "Cara Banks", "Northbridge Bank");
	dan = add(db, "Dan Far", NULL);
	eve = add(db, "Eve Logged", NULL);
	zed = add(db, "Zed Alone", NULL);
	relate(db, ana, me, "colleague");
	relate(db, cara, ana, "sibling of");
	relate(db, bob, cara, "colleague");
	relate(db, dan, cara, "friend");
	CHECK(interaction_log(db, &eve, 1, "call", "2026-11-13", "catch-up",
	    NULL, NULL, &err) == KITH_OK);
	CHECK(interaction_log(db, &ana, 1, "meeting", "2026-11-20", "lunch",
	    NULL, NULL, &err) == KITH_OK);

	/* Without a "me" there is nowhere to start. */
	CHECK(path_resolve(db, "Northbridge", &to, &name, &err) == KITH_OK);
	CHECK(to.org == 1);
	CHECK_STR(name, "Northbridge Bank");
	free(name);
	CHECK(path_find(db, NULL, &to, NULL, now, &res, &err) ==
	    KITH_NOTFOUND);
	CHECK(strstr(err.msg, "kith me") != NULL);
	CHECK(path_set_me(db, 999, &err) == KITH_NOTFOUND);
	CHECK(path_set_me(db, me, &err) == KITH_OK);
	CHECK(path_me(db, &id, &err) == KITH_OK);
	CHECK_INT(id, me);

	/* Two chains of three links tie on length; the recent one wins. */
	CHECK(path_find(db, NULL, &to, NULL, now, &res, &err) == KITH_OK);
	CHECK_INT(res.n, 2);
	if (res.n == 2) {
		s = names(&res.chains[0]);
		CHECK_STR(s, "Mia Self > Ana Petrović > Cara Banks > "
		    "Northbridge Bank");
		free(s);
		CHECK(res.chains[0].hops[0].how == NULL);
		CHECK_STR(res.chains[0].hops[1].how,
		    "colleague, met 5 days ago");
		CHECK_STR(res.chains[0].hops[2].how, "sibling of");
		CHECK_STR(res.chains[0].hops[3].how, "works at");
		CHECK(res.chains[0].hops[3].org);
		s = names(&res.chains[1]);
		CHECK_STR(s, "Mia Self > Bob Old > Cara Banks > "
		    "Northbridge Bank");
		free(s);
		CHECK(res.chains[0].strength > res.chains[1].strength);
	}
	path_result_free(&res);

	/* One chain asked for: the strongest only. */
	po.max_chains = 1;
	CHECK(path_find(db, NULL, &to, &po, now, &res, &err) == KITH_OK);
	CHECK_INT(res.n, 1);
	path_result_free(&res);

	/* The depth limit: three links are needed. */
	po.max_chains = 0;
	po.depth = 2;
	CHECK(path_find(db, NULL, &to, &po, now, &res, &err) == KITH_OK);
	CHECK_INT(res.n, 0);
	CHECK(!res.limited);
	CHECK_INT(res.depth, 2);
	path_result_free(&res);

	/* Nobody links to Zed: no path, and not for want of searching. */
	end.id = zed;
	end.org = 0;
	CHECK(path_find(db, NULL, &end, NULL, now, &res, &err) == KITH_OK);
	CHECK_INT(res.n, 0);
	CHECK(!res.limited);
	path_result_free(&res);

	/* The visited limit stops the search and says so. */
	end.id = dan;
	po.depth = 0;
	po.max_visited = 2;
	CHECK(path_find(db, NULL, &end, &po, now, &res, &err) == KITH_OK);
	CHECK_INT(res.n, 0);
	CHECK(res.limited);
	path_result_free(&res);
	po.max_visited = 0;
	CHECK(path_find(db, NULL, &end, &po, now, &res, &err) == KITH_OK);
	CHECK_INT(res.n, 2);
	if (res.n > 0) {
		s = names(&res.chains[0]);
		CHECK_STR(s, "Mia Self > Ana Petrović > Cara Banks > Dan Far");
		free(s);
	}
	path_result_free(&res);

	/* Anyone with a logged interaction is one link from me... */
	end.id = eve;
	CHECK(path_find(db, NULL, &end, NULL, now, &res, &err) == KITH_OK);
	CHECK_INT(res.n, 1);
	if (res.n == 1) {
		CHECK_INT(res.chains[0].n, 2);
		CHECK_STR(res.chains[0].hops[1].how, "spoke 12 days ago");
	}
	path_result_free(&res);
	/* ... but not from anybody else. */
	from.id = ana;
	from.org = 0;
	CHECK(path_find(db, &from, &end, NULL, now, &res, &err) == KITH_OK);
	CHECK_INT(res.n, 0);
	path_result_free(&res);
	/* A path from FROM, and from somebody to themselves. */
	CHECK(path_find(db, &from, &to, NULL, now, &res, &err) == KITH_OK);
	CHECK_INT(res.n, 1);
	if (res.n == 1) {
		s = names(&res.chains[0]);
		CHECK_STR(s, "Ana Petrović > Cara Banks > Northbridge Bank");
		free(s);
	}
	path_result_free(&res);
	CHECK(path_find(db, &from, &from, NULL, now, &res, &err) ==
	    KITH_INVALID);

	/* Ends: a contact, an organisation, nobody. */
	CHECK(path_resolve(db, "Ana", &end, &name, &err) == KITH_OK);
	CHECK(!end.org && end.id == ana);
	free(name);
	CHECK(path_resolve(db, "org:bank", &end, &name, &err) == KITH_OK);
	CHECK(end.org);
	free(name);
	CHECK(path_resolve(db, "Nobody Here", &end, &name, &err) ==
	    KITH_NOTFOUND);
	CHECK(name == NULL);

	/* Who is connected to Northbridge: its person, then her people. */
	CHECK(path_who(db, to.id, now, &who, &n, &limited, &err) == KITH_OK);
	CHECK_INT(n, 4);
	CHECK(!limited);
	for (i = 0; i < n; i++) {
		if (who[i].id == cara)
			CHECK_STR(who[i].how, "works there");
		if (who[i].id == ana)
			CHECK_STR(who[i].how, "sibling of Cara Banks, who works "
			    "there");
		if (who[i].id == bob)
			CHECK_STR(who[i].how, "colleague Cara Banks, who "
			    "works there");
	}
	/* Fresh relationships first (by name), the bare employee last. */
	CHECK(n == 4 && who[0].id == ana && who[1].id == bob &&
	    who[2].id == dan && who[3].id == cara);
	path_who_free(who, n);
	test_db_done(db, path);
}

/*
 * The target works at an organisation of 300; the start is three
 * friendships away.  No chain within the depth passes through the 300,
 * so the search does not visit them (it did: every one was expanded),
 * and finds the same chain.  A member of the organisation still finds
 * the target through it.
 */
static void
test_fanout(void)
{
	struct kith_err		 err = { 0 };
	struct path_result	 res = { 0 };
	struct path_end		 from = { 0 }, to = { 0 };
	struct kith_db		*db;
	int64_t			 t, x, y, st, member = 0;
	char			*path, *s, name[32];
	int			 i;

	db = test_db("fanout.db", &path);
	t = add(db, "Tara Target", "Bigco");
	for (i = 0; i < 300; i++) {
		snprintf(name, sizeof name, "Member %03d", i);
		member = add(db, name, "Bigco");
	}
	x = add(db, "Xavier Link", NULL);
	y = add(db, "Yvonne Link", NULL);
	st = add(db, "Sam Start", NULL);
	relate(db, st, x, "friend");
	relate(db, x, y, "friend");
	relate(db, y, t, "friend");
	from.id = st;
	to.id = t;
	CHECK(path_find(db, &from, &to, NULL, kith_db_now(db), &res, &err) ==
	    KITH_OK);
	CHECK_INT(res.n, 1);
	if (res.n == 1) {
		s = names(&res.chains[0]);
		CHECK_STR(s, "Sam Start > Xavier Link > Yvonne Link > "
		    "Tara Target");
		free(s);
	}
	CHECK(res.visited < 50);
	path_result_free(&res);

	from.id = member;
	CHECK(path_find(db, &from, &to, NULL, kith_db_now(db), &res, &err) ==
	    KITH_OK);
	CHECK_INT(res.n, 1);
	if (res.n == 1) {
		s = names(&res.chains[0]);
		CHECK_STR(s, "Member 299 > Bigco > Tara Target");
		free(s);
	}
	path_result_free(&res);
	test_db_done(db, path);
}

TEST_MAIN(test_graph, test_fanout)
