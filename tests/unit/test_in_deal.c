/* SPDX-License-Identifier: MIT */
/*
 * The in:deal filter of the contact lists (search.h, view.h): the people
 * on a deal in an open stage, the same set in the same order from
 * search_page (whichever way it takes: from those people or the name
 * index), from the view under each plan, forward and backward, on a
 * budget, narrowed as the user types, counted, and one at a time; with
 * words, archived contacts, a person on two deals, closed deals left out.
 * The answer is checked against one worked out here from deal_open_people
 * and the plain name order.
 */
#include <stdlib.h>
#include <strings.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/search.h"
#include "kith/stage.h"
#include "kith/view.h"

#define N_PEOPLE	1200	/* contacts in the book */
#define MAX_IDS		N_PEOPLE

static void	test_split(void);
static void	test_engines(void);

static const char *const first[] = {
	"Zulu", "Bravo", "Echo", "Alpha", "Delta", "Charlie"
};

/* search_page's answer, limit rows a page. */
static size_t
list_ids(struct kith_db *db, const char *query, int archived, size_t limit,
    int64_t *ids)
{
	struct kith_err		 err = { 0 };
	struct search_cursor	 cur = { 0 };
	struct search_row	*rows;
	size_t			 n, i, k = 0;

	do {
		CHECK_INT(search_page(db, query, archived, &cur, limit, &rows,
		    &n, &err), KITH_OK);
		for (i = 0; i < n && k < MAX_IDS; i++)
			ids[k++] = rows[i].id;
		search_rows_free(rows, n);
	} while (!cur.done && n > 0);
	search_cursor_reset(&cur);
	return k;
}

/*
 * The view's answer for q, pages of limit rows in direction dir (from
 * the end when dir < 0, ids then stored last first).
 */
static size_t
page_ids(struct view_query *q, int dir, size_t limit, int64_t *ids)
{
	struct kith_err		 err = { 0 };
	struct view_row		*r;
	unsigned char		*key = NULL;
	size_t			 len = 0, n, i, k = 0;
	int64_t			 id = 0;
	int			 more;

	do {
		CHECK_INT(view_query_page(q, key, len, id, dir, limit, &r, &n,
		    &err), KITH_OK);
		for (i = 0; i < n && k < MAX_IDS; i++)
			ids[k++] = r[i].id;
		if (n > 0) {
			free(key);
			len = r[n - 1].key_len;
			key = malloc(len + 1);
			memcpy(key, r[n - 1].key, len);
			id = r[n - 1].id;
		}
		view_rows_free(r, n);
		more = view_query_more(q);
	} while (n == limit || more);
	free(key);
	return k;
}

static size_t
view_ids(struct kith_db *db, const char *query, int archived,
    enum view_plan plan, int64_t *ids)
{
	struct kith_err		 err = { 0 };
	struct view_query	*q = NULL;
	size_t			 k;

	CHECK_INT(view_query_new(db, query, archived, &q, &err), KITH_OK);
	if (q == NULL)
		return 0;
	if (plan != VIEW_PLAN_AUTO)
		CHECK_INT(view_query_set_plan(q, plan, &err), KITH_OK);
	k = page_ids(q, 1, 7, ids);
	view_query_free(q);
	return k;
}

static int64_t
view_count(struct view_query *q)
{
	struct kith_err		err = { 0 };
	struct view_count	vc = { 0 };
	int			i;

	for (i = 0; !vc.done && i < 100000; i++)
		CHECK_INT(view_query_count_step(q, &vc, 50, &err), KITH_OK);
	CHECK(vc.done);
	return vc.count;
}

static int
cmp_id(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The answer worked out here: the book in name order (no query), kept if
 * on an open deal (deal_open_people), not archived unless archived, and
 * named word (NULL: any) in its first name.
 */
static size_t
expected(struct kith_db *db, const char *word, int archived, int64_t *ids)
{
	struct kith_err	 err = { 0 };
	int64_t		*open = NULL, all[MAX_IDS];
	size_t		 n_open = 0, n_all, i, k = 0;
	int		 arch;

	CHECK_INT(deal_open_people(db, &open, &n_open, &err), KITH_OK);
	n_all = list_ids(db, NULL, archived, 100, all);
	for (i = 0; i < n_all; i++) {
		struct contact *c = NULL;

		if (bsearch(&all[i], open, n_open, sizeof *open,
		    cmp_id) == NULL)
			continue;
		CHECK_INT(contact_get(db, all[i], &c, &err), KITH_OK);
		arch = c != NULL && c->archived;
		if (c != NULL && (archived || !arch) && (word == NULL ||
		    strncasecmp(c->display, word, strlen(word)) == 0))
			ids[k++] = all[i];
		contact_free(c);
	}
	free(open);
	return k;
}

static void
check_same(const char *what, const int64_t *want, size_t nw,
    const int64_t *got, size_t ng)
{
	size_t	i;

	if (ng != nw)
		fprintf(stderr, "%s: %zu rows, expected %zu\n", what, ng, nw);
	CHECK_INT(ng, nw);
	for (i = 0; i < ng && i < nw; i++)
		CHECK_INT(got[i], want[i]);
}

static void
test_split(void)
{
	char	*rest;

	CHECK_INT(search_query_split("in:deal", &rest), SEARCH_IN_DEAL);
	CHECK(rest == NULL);
	CHECK_INT(search_query_split("  IN:Deal\tacme  ", &rest),
	    SEARCH_IN_DEAL);
	CHECK_STR(rest, "acme");
	free(rest);
	CHECK_INT(search_query_split("ana in:matter petr", &rest),
	    SEARCH_IN_DEAL);
	CHECK_STR(rest, "ana petr");
	free(rest);
	/* Only the whole word is the filter. */
	CHECK_INT(search_query_split("in:dealer in:dea xin:deal", &rest), 0);
	CHECK_STR(rest, "in:dealer in:dea xin:deal");
	free(rest);
	CHECK_INT(search_query_split(NULL, &rest), 0);
	CHECK(rest == NULL);
}

static void
test_engines(void)
{
	static const enum view_plan plans[] = { VIEW_PLAN_AUTO,
	    VIEW_PLAN_WALK, VIEW_PLAN_BITMAP, VIEW_PLAN_LIST };
	static const size_t limits[] = { 1, 3, 8, 100, 1000 };
	static const struct {
		const char	*query;
		const char	*word;		/* the first name it asks */
		int		 archived;
	} cases[] = {
		{ "in:deal", NULL, 0 },
		{ "IN:DEAL", NULL, 0 },
		{ "in:matter", NULL, 1 },
		{ "delta in:deal", "Delta", 0 },
		{ "in:deal ECHO", "Echo", 1 },
	};
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct view_query	*q, *nq;
	struct deal		*d;
	int64_t			 ids[N_PEOPLE], want[MAX_IDS], got[MAX_IDS];
	int64_t			 big, small, won, cnt;
	size_t			 i, nw, ng, ci, pi, li;
	char			*path, name[32], what[96];
	int			 yes;

	db = test_db("in_deal.db", &path);
	CHECK_INT(kith_db_begin(db, &err), KITH_OK);
	for (i = 0; i < N_PEOPLE; i++) {
		struct contact *c = contact_new();

		/* Name order is not id order. */
		snprintf(name, sizeof name, "%s %04zu", first[i % 6],
		    (i * 7919) % N_PEOPLE);
		contact_set(&c->display, name);
		CHECK_INT(contact_insert(db, c, &err), KITH_OK);
		ids[i] = c->id;
		contact_free(c);
	}
	/* A big open deal (more people than a LIST holds), a small one. */
	d = deal_new();
	d->title = xstrdup("Big");
	CHECK_INT(deal_add(db, d, &err), KITH_OK);
	big = d->id;
	deal_free(d);
	d = deal_new();
	d->title = xstrdup("Small");
	CHECK_INT(deal_add(db, d, &err), KITH_OK);
	small = d->id;
	deal_free(d);
	d = deal_new();
	d->title = xstrdup("Done");
	d->stage = xstrdup("Won");
	CHECK_INT(deal_add(db, d, &err), KITH_OK);
	won = d->id;
	deal_free(d);
	for (i = 0; i < N_PEOPLE; i++) {
		if (i % 2 == 0)
			CHECK_INT(deal_set_contact(db, big, ids[i], NULL,
			    &err), KITH_OK);
		if (i % 9 == 0)
			CHECK_INT(deal_set_contact(db, small, ids[i], NULL,
			    &err), KITH_OK);
		if (i % 3 == 0)
			CHECK_INT(deal_set_contact(db, won, ids[i], NULL,
			    &err), KITH_OK);
	}
	CHECK_INT(contact_archive(db, ids[0], 1, &err), KITH_OK);
	CHECK_INT(contact_archive(db, ids[9], 1, &err), KITH_OK);
	CHECK_INT(kith_db_commit(db, &err), KITH_OK);

	for (ci = 0; ci < sizeof cases / sizeof cases[0]; ci++) {
		nw = expected(db, cases[ci].word, cases[ci].archived, want);
		CHECK(nw > 50);
		for (li = 0; li < sizeof limits / sizeof limits[0]; li++) {
			ng = list_ids(db, cases[ci].query, cases[ci].archived,
			    limits[li], got);
			snprintf(what, sizeof what, "list '%s' by %zu",
			    cases[ci].query, limits[li]);
			check_same(what, want, nw, got, ng);
		}
		CHECK_INT(search_count(db, cases[ci].query, cases[ci].archived,
		    &cnt, &err), KITH_OK);
		CHECK_INT(cnt, nw);
		for (pi = 0; pi < sizeof plans / sizeof plans[0]; pi++) {
			ng = view_ids(db, cases[ci].query, cases[ci].archived,
			    plans[pi], got);
			snprintf(what, sizeof what, "view '%s' plan %d",
			    cases[ci].query, (int)plans[pi]);
			check_same(what, want, nw, got, ng);
			/* Counted, and backward from the end. */
			CHECK_INT(view_query_new(db, cases[ci].query,
			    cases[ci].archived, &q, &err), KITH_OK);
			if (plans[pi] != VIEW_PLAN_AUTO)
				CHECK_INT(view_query_set_plan(q, plans[pi],
				    &err), KITH_OK);
			CHECK_INT(view_count(q), nw);
			ng = page_ids(q, -1, 11, got);
			CHECK_INT(ng, nw);
			for (i = 0; i < ng && i < nw; i++)
				CHECK_INT(got[i], want[nw - 1 - i]);
			view_query_free(q);
		}
		/* A budget of a few rows a call: pages go on where they stop. */
		CHECK_INT(view_query_new(db, cases[ci].query,
		    cases[ci].archived, &q, &err), KITH_OK);
		view_query_set_budget(q, 5, 0);
		ng = page_ids(q, 1, 9, got);
		snprintf(what, sizeof what, "view '%s' on a budget",
		    cases[ci].query);
		check_same(what, want, nw, got, ng);
		view_query_free(q);
	}

	/* The filter has no plan of its own for the whole book. */
	CHECK_INT(view_query_new(db, "in:deal", 0, &q, &err), KITH_OK);
	CHECK(view_query_plan(q) != VIEW_PLAN_ALL);
	view_query_free(q);

	/* Typed on: from in:deal to words, from words to in:deal. */
	nw = expected(db, "Alpha", 0, want);
	CHECK_INT(view_query_new(db, "in:deal", 0, &q, &err), KITH_OK);
	(void)page_ids(q, 1, 30, got);
	CHECK_INT(view_query_narrow(q, "in:deal alph", &nq, &err), KITH_OK);
	check_same("narrowed to alph", want, nw, got, page_ids(nq, 1, 7, got));
	view_query_free(nq);
	view_query_free(q);
	nw = expected(db, NULL, 0, want);
	CHECK_INT(view_query_new(db, "in:dea", 0, &q, &err), KITH_OK);
	(void)page_ids(q, 1, 30, got);
	CHECK_INT(view_query_narrow(q, "in:deal", &nq, &err), KITH_OK);
	check_same("typed to in:deal", want, nw, got, page_ids(nq, 1, 7, got));
	view_query_free(nq);
	view_query_free(q);

	/* One at a time: on a deal, only on a closed one, archived. */
	CHECK_INT(view_matches(db, "in:deal", 0, ids[2], &yes, &err), KITH_OK);
	CHECK_INT(yes, 1);
	CHECK_INT(view_matches(db, "in:deal", 0, ids[3], &yes, &err), KITH_OK);
	CHECK_INT(yes, 0);
	CHECK_INT(view_matches(db, "in:deal", 0, ids[1], &yes, &err), KITH_OK);
	CHECK_INT(yes, 0);
	CHECK_INT(view_matches(db, "in:deal", 0, ids[0], &yes, &err), KITH_OK);
	CHECK_INT(yes, 0);
	CHECK_INT(view_matches(db, "in:deal", 1, ids[0], &yes, &err), KITH_OK);
	CHECK_INT(yes, 1);

	/* Closing the big deal leaves the small one's people. */
	CHECK_INT(deal_close(db, big, KITH_STAGE_won, NULL, &err), KITH_OK);
	nw = expected(db, NULL, 0, want);
	CHECK(nw > 50 && nw < 200);
	check_same("after closing", want, nw, got,
	    list_ids(db, "in:deal", 0, 8, got));
	for (pi = 0; pi < sizeof plans / sizeof plans[0]; pi++)
		check_same("view after closing", want, nw, got,
		    view_ids(db, "in:deal", 0, plans[pi], got));

	/*
	 * With few rows in deal_contact, pages come from the people on
	 * deals (20 * 1200 >= 134 * 134), several pages of them, and the
	 * same from the name index (a page of 1).
	 */
	CHECK_INT(deal_remove(db, big, &err), KITH_OK);
	CHECK_INT(deal_remove(db, won, &err), KITH_OK);
	nw = expected(db, NULL, 0, want);
	CHECK(nw > 100 && nw < 200);
	for (li = 0; li < sizeof limits / sizeof limits[0]; li++)
		check_same("few people", want, nw, got,
		    list_ids(db, "in:deal", 0, limits[li] * 20, got));
	check_same("few people, a page of 1", want, nw, got,
	    list_ids(db, "in:deal", 0, 1, got));
	test_db_done(db, path);
}

TEST_MAIN(test_split, test_engines)
