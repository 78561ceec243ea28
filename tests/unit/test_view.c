/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for src/core/view.c: keyset pages in both directions from any
 * position, with and without a query (every plan), queries narrowed as
 * they are typed, pages cut short by a budget and continued, sets built
 * in steps over a larger book, locating a contact, counting in steps, and
 * archived contacts left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/followup.h"
#include "kith/view.h"
#include "check.h"
#include "testdb.h"

#define N	57

static struct kith_db	*db;
static char		*path;
static int64_t		 ids[N];

static void	setup(void);
static void	test_forward(void);
static void	test_backward(void);
static void	test_query(void);
static void	test_locate(void);
static void	test_count(void);
static void	test_plans(void);
static size_t	all_rows(struct view_query *, int, size_t, int64_t *);
static void	test_narrow(void);
static size_t	budget_rows(struct view_query *, int, size_t, int64_t *,
		    int *);
static void	test_budget(void);
static void	test_set_steps(void);
static void	teardown(void);

static void
setup(void)
{
	struct kith_err	 err = { 0 };
	struct contact	*c;
	char		 name[64];
	int		 i;

	db = test_db("view.db", &path);
	kith_db_set_now(db, time_parse("2026-03-10 09:00"));
	for (i = 0; i < N; i++) {
		c = contact_new();
		/* "Person 000" .. "Person 056"; every third is at Acme. */
		snprintf(name, sizeof name, "Person %03d", i);
		contact_set(&c->display, name);
		if (i % 3 == 0)
			contact_set(&c->org, "Acme");
		CHECK_INT(contact_insert(db, c, &err), KITH_OK);
		ids[i] = c->id;
		contact_free(c);
	}
	CHECK_INT(contact_archive(db, ids[5], 1, &err), KITH_OK);
	CHECK_INT(followup_add(db, ids[7], "call", "2026-03-01", NULL, &err),
	    KITH_OK);
}

static void
test_forward(void)
{
	struct kith_err	 err = { 0 };
	struct view_row	*r;
	unsigned char	*key = NULL;
	size_t		 n, len = 0, seen = 0;
	int64_t		 id = 0;
	int		 overdue = 0;

	for (;;) {
		CHECK_INT(view_page(db, NULL, 0, key, len, id, 1, 10, &r, &n,
		    &err), KITH_OK);
		for (size_t i = 0; i < n; i++) {
			if (seen + (seen >= 5) < N)
				CHECK_INT(r[i].id, ids[seen + (seen >= 5)]);
			overdue += r[i].overdue;
			seen++;
		}
		free(key);
		key = NULL;
		if (n == 0) {
			view_rows_free(r, n);
			break;
		}
		len = r[n - 1].key_len;
		key = malloc(len + 1);
		memcpy(key, r[n - 1].key, len);
		id = r[n - 1].id;
		view_rows_free(r, n);
	}
	CHECK_INT(seen, N - 1);		/* the archived one is left out */
	CHECK_INT(overdue, 1);
}

static void
test_backward(void)
{
	struct kith_err	 err = { 0 };
	struct view_row	*r, *r2;
	size_t		 n, n2;

	/* From the end, nearest first. */
	CHECK_INT(view_page(db, NULL, 0, NULL, 0, 0, -1, 3, &r, &n, &err),
	    KITH_OK);
	CHECK_INT(n, 3);
	CHECK_INT(r[0].id, ids[N - 1]);
	CHECK_INT(r[2].id, ids[N - 3]);
	/* Before the third from the end. */
	CHECK_INT(view_page(db, NULL, 1, r[2].key, r[2].key_len, r[2].id, -1,
	    100, &r2, &n2, &err), KITH_OK);
	CHECK_INT(n2, N - 3);		/* archived included */
	CHECK_INT(r2[0].id, ids[N - 4]);
	CHECK_INT(r2[n2 - 1].id, ids[0]);
	view_rows_free(r2, n2);
	view_rows_free(r, n);
}

static void
test_query(void)
{
	struct kith_err	 err = { 0 };
	struct view_row	*r, *r2;
	size_t		 n, n2;
	int		 yes;

	CHECK_INT(view_page(db, "acme", 0, NULL, 0, 0, 1, 100, &r, &n, &err),
	    KITH_OK);
	CHECK_INT(n, 19);
	CHECK_INT(r[0].id, ids[0]);
	CHECK_INT(r[1].id, ids[3]);
	CHECK_STR(r[1].org, "Acme");
	/* Backward from the middle of the matches. */
	CHECK_INT(view_page(db, "acme", 0, r[5].key, r[5].key_len, r[5].id,
	    -1, 100, &r2, &n2, &err), KITH_OK);
	CHECK_INT(n2, 5);
	CHECK_INT(r2[0].id, ids[12]);
	view_rows_free(r2, n2);
	view_rows_free(r, n);
	CHECK_INT(view_page(db, "nobody", 0, NULL, 0, 0, 1, 100, &r, &n, &err),
	    KITH_OK);
	CHECK_INT(n, 0);
	view_rows_free(r, n);
	/* A query without searchable words lists everyone. */
	CHECK_INT(view_page(db, "--", 0, NULL, 0, 0, 1, 100, &r, &n, &err),
	    KITH_OK);
	CHECK_INT(n, N - 1);
	view_rows_free(r, n);
	CHECK_INT(view_matches(db, "acme", 0, ids[3], &yes, &err), KITH_OK);
	CHECK_INT(yes, 1);
	CHECK_INT(view_matches(db, "acme", 0, ids[4], &yes, &err), KITH_OK);
	CHECK_INT(yes, 0);
	CHECK_INT(view_matches(db, NULL, 0, ids[5], &yes, &err), KITH_OK);
	CHECK_INT(yes, 0);
	CHECK_INT(view_matches(db, NULL, 1, ids[5], &yes, &err), KITH_OK);
	CHECK_INT(yes, 1);
}

static void
test_locate(void)
{
	struct kith_err	 err = { 0 };
	struct view_row	*r;
	unsigned char	*key;
	size_t		 len, n;
	int		 archived;

	CHECK_INT(view_locate(db, ids[20], &key, &len, &archived, &err),
	    KITH_OK);
	CHECK_INT(archived, 0);
	/* Inclusive start at a located contact: (key, id - 1). */
	CHECK_INT(view_page(db, NULL, 0, key, len, ids[20] - 1, 1, 2, &r, &n,
	    &err), KITH_OK);
	CHECK_INT(n, 2);
	CHECK_INT(r[0].id, ids[20]);
	view_rows_free(r, n);
	free(key);
	CHECK_INT(view_locate(db, 999999, &key, &len, NULL, &err),
	    KITH_NOTFOUND);
	CHECK(key == NULL);
}

static void
test_count(void)
{
	struct kith_err		err = { 0 };
	struct view_count	vc;
	int64_t			v1, v2;
	int			steps = 0;

	memset(&vc, 0, sizeof vc);
	while (!vc.done && steps < 100) {
		CHECK_INT(view_count_step(db, NULL, 0, &vc, 7, &err), KITH_OK);
		steps++;
	}
	CHECK_INT(vc.count, N - 1);
	CHECK_INT(steps, N / 7 + 1);
	memset(&vc, 0, sizeof vc);
	while (!vc.done)
		CHECK_INT(view_count_step(db, NULL, 1, &vc, 1000, &err),
		    KITH_OK);
	CHECK_INT(vc.count, N);
	memset(&vc, 0, sizeof vc);
	while (!vc.done)
		CHECK_INT(view_count_step(db, "acme", 0, &vc, 4, &err),
		    KITH_OK);
	CHECK_INT(vc.count, 19);
	CHECK_INT(view_data_version(db, &v1, &err), KITH_OK);
	CHECK_INT(view_data_version(db, &v2, &err), KITH_OK);
	CHECK_INT(v1, v2);
}

/*
 * Every plan gives the same rows in both directions, and the same count:
 * the forced plans against the automatic one, for queries that use FTS5
 * alone, C alone, and both (a one-letter word, a prefixed word).
 */
static void
test_plans(void)
{
	static const char *const queries[] = { "acme", "person 01", "p",
	    "0", "per acm", "a person", "zzz", "acme acm" };
	static const enum view_plan plans[] = { VIEW_PLAN_WALK,
	    VIEW_PLAN_BITMAP, VIEW_PLAN_LIST };
	struct kith_err		 err = { 0 };
	struct view_query	*q;
	struct view_count	 vc;
	struct view_row		*r;
	int64_t			 want[N], got[N];
	size_t			 qi, pi, n, nw, ng, i;
	int			 dir;

	for (qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
		CHECK_INT(view_query_new(db, queries[qi], 0, &q, &err), KITH_OK);
		CHECK_INT(view_query_page(q, NULL, 0, 0, 1, N, &r, &nw, &err),
		    KITH_OK);
		for (i = 0; i < nw; i++)
			want[i] = r[i].id;
		view_rows_free(r, nw);
		for (pi = 0; pi < sizeof plans / sizeof plans[0]; pi++) {
			CHECK_INT(view_query_set_plan(q, plans[pi], &err),
			    KITH_OK);
			CHECK_INT(view_query_plan(q), plans[pi]);
			for (dir = 1; dir >= -1; dir -= 2) {
				unsigned char	*key = NULL;
				size_t		 len = 0;
				int64_t		 id = 0;

				ng = 0;
				do {	/* pages of 4 from each end */
					CHECK_INT(view_query_page(q, key, len,
					    id, dir, 4, &r, &n, &err), KITH_OK);
					for (i = 0; i < n && ng < N; i++)
						got[ng++] = r[i].id;
					free(key);
					key = NULL;
					if (n > 0) {
						len = r[n - 1].key_len;
						key = malloc(len + 1);
						memcpy(key, r[n - 1].key, len);
						id = r[n - 1].id;
					}
					view_rows_free(r, n);
				} while (n == 4);
				free(key);
				CHECK_INT(ng, nw);
				for (i = 0; i < ng && i < nw; i++)
					CHECK_INT(got[i], want[dir > 0 ? i :
					    nw - 1 - i]);
			}
			memset(&vc, 0, sizeof vc);
			while (!vc.done)
				CHECK_INT(view_query_count_step(q, &vc, 3,
				    &err), KITH_OK);
			CHECK_INT(vc.count, (int64_t)nw);
		}
		view_query_free(q);
	}
}

/* All the rows of q, paging by n from one end: ids in got, their count. */
static size_t
all_rows(struct view_query *q, int dir, size_t n, int64_t *got)
{
	struct kith_err	 err = { 0 };
	struct view_row	*r;
	unsigned char	*key = NULL;
	size_t		 len = 0, ng = 0, k, i;
	int64_t		 id = 0;

	do {
		CHECK_INT(view_query_page(q, key, len, id, dir, n, &r, &k,
		    &err), KITH_OK);
		for (i = 0; i < k; i++, ng++)	/* counts all, keeps N */
			if (ng < N)
				got[ng] = r[i].id;
		free(key);
		key = NULL;
		if (k > 0) {
			len = r[k - 1].key_len;
			key = malloc(len + 1);
			memcpy(key, r[k - 1].key, len);
			id = r[k - 1].id;
		}
		view_rows_free(r, k);
	} while (k == n);
	free(key);
	return ng;
}

/*
 * Typing a query a letter at a time, each narrowed from the one before
 * after a page of it was read (so that its head is partly built, or
 * whole), gives the rows and the count of the query compiled afresh; so
 * does typing on from a query it does not narrow.
 */
static void
test_narrow(void)
{
	static const char *const typed[] = { "person 01", "acme person 02",
	    "p a", "zz", "0 pers" };
	struct kith_err		 err = { 0 };
	struct view_query	*old, *q, *fresh;
	struct view_count	 vc;
	struct view_row		*r;
	int64_t			 want[N], got[N];
	char			 buf[64];
	size_t			 ti, l, n, nw, ng, i, first;

	for (ti = 0; ti < sizeof typed / sizeof typed[0]; ti++) {
		CHECK_INT(view_query_new(db, "pers", 0, &old, &err), KITH_OK);
		for (l = 1; l <= strlen(typed[ti]); l++) {
			memcpy(buf, typed[ti], l);
			buf[l] = '\0';
			CHECK_INT(view_query_narrow(old, buf, &q, &err),
			    KITH_OK);
			view_query_free(old);
			CHECK_INT(view_query_new(db, buf, 0, &fresh, &err),
			    KITH_OK);
			nw = all_rows(fresh, 1, N, want);
			/* Some rows from the start first, as a screen does. */
			first = l % 3 == 0 ? N : 2 + l % 5;
			CHECK_INT(view_query_page(q, NULL, 0, 0, 1, first, &r,
			    &n, &err), KITH_OK);
			CHECK_INT(n, nw < first ? nw : first);
			view_rows_free(r, n);
			ng = all_rows(q, 1, 3, got);
			CHECK_INT(ng, nw);
			for (i = 0; i < ng && i < nw; i++)
				CHECK_INT(got[i], want[i]);
			ng = all_rows(q, -1, 4, got);
			CHECK_INT(ng, nw);
			for (i = 0; i < ng && i < nw; i++)
				CHECK_INT(got[i], want[nw - 1 - i]);
			memset(&vc, 0, sizeof vc);
			while (!vc.done)
				CHECK_INT(view_query_count_step(q, &vc, 5,
				    &err), KITH_OK);
			CHECK_INT(vc.count, (int64_t)nw);
			view_query_free(fresh);
			old = q;
		}
		view_query_free(old);
	}
}

/*
 * All the rows of q, paging by n from one end as a front with a budget
 * does: after a short page that view_query_more says stopped early, call
 * again from the last row given, or from the same place if none.  *cut:
 * how many calls stopped early.
 */
static size_t
budget_rows(struct view_query *q, int dir, size_t n, int64_t *got, int *cut)
{
	struct kith_err	 err = { 0 };
	struct view_row	*r;
	unsigned char	*key = NULL;
	size_t		 len = 0, ng = 0, k, i;
	int64_t		 id = 0;
	int		 more, calls = 0;

	*cut = 0;
	do {
		CHECK_INT(view_query_page(q, key, len, id, dir, n, &r, &k,
		    &err), KITH_OK);
		more = view_query_more(q);
		*cut += more;
		CHECK(!more || k < n);
		for (i = 0; i < k && ng < N; i++)
			got[ng++] = r[i].id;
		if (k > 0) {
			free(key);
			len = r[k - 1].key_len;
			key = malloc(len + 1);
			memcpy(key, r[k - 1].key, len);
			id = r[k - 1].id;
		}
		view_rows_free(r, k);
	} while ((k == n || more) && ++calls < 10 * N);
	free(key);
	CHECK(calls < 10 * N);		/* every call made progress */
	return ng;
}

/*
 * A budget of a few rows per call cuts pages short; going on from where
 * they stopped gives, in both directions, the rows of the query without a
 * budget, for every plan and for queries narrowed as they are typed; a
 * count under the budget is the same too.
 */
static void
test_budget(void)
{
	static const char *const queries[] = { "acme", "person 01", "p",
	    "per acm", "zzz", "person 05" };
	static const enum view_plan plans[] = { VIEW_PLAN_AUTO,
	    VIEW_PLAN_WALK, VIEW_PLAN_BITMAP, VIEW_PLAN_LIST };
	struct kith_err		 err = { 0 };
	struct view_query	*q, *fresh, *old;
	struct view_count	 vc;
	int64_t			 want[N], got[N];
	char			 buf[64];
	size_t			 qi, pi, nw, ng, i, l, lim;
	int			 cut, cuts = 0, dir, rows;

	for (qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
		CHECK_INT(view_query_new(db, queries[qi], 0, &fresh, &err),
		    KITH_OK);
		nw = all_rows(fresh, 1, N, want);
		for (pi = 0; pi < sizeof plans / sizeof plans[0]; pi++)
		for (rows = 1; rows <= 3; rows++)
		for (dir = 1; dir >= -1; dir -= 2) {
			CHECK_INT(view_query_new(db, queries[qi], 0, &q, &err),
			    KITH_OK);
			if (plans[pi] != VIEW_PLAN_AUTO)
				CHECK_INT(view_query_set_plan(q, plans[pi],
				    &err), KITH_OK);
			view_query_set_budget(q, rows, 0);
			lim = (size_t)rows * 2 + 1;
			ng = budget_rows(q, dir, lim, got, &cut);
			cuts += cut;
			CHECK_INT(ng, nw);
			for (i = 0; i < ng && i < nw; i++)
				CHECK_INT(got[i], want[dir > 0 ? i :
				    nw - 1 - i]);
			/* Again, now that the walks have built the head. */
			ng = budget_rows(q, -dir, lim, got, &cut);
			CHECK_INT(ng, nw);
			memset(&vc, 0, sizeof vc);
			view_query_set_budget(q, 0, 1);
			while (!vc.done)
				CHECK_INT(view_query_count_step(q, &vc, 5,
				    &err), KITH_OK);
			CHECK_INT(vc.count, (int64_t)nw);
			view_query_free(q);
		}
		view_query_free(fresh);
	}
	CHECK(cuts > 0);		/* some pages were cut short */

	/*
	 * Directions interleaved, each call stopped on a one-row budget: back
	 * from the end, on from the start, back from the end again (End, Home,
	 * End while a page fills).  No call may end the list early.
	 */
	for (qi = 0; qi < sizeof queries / sizeof queries[0]; qi++)
	for (pi = 1; pi < sizeof plans / sizeof plans[0]; pi++) {
		struct view_row	*r;
		size_t		 n;

		CHECK_INT(view_query_new(db, queries[qi], 0, &fresh, &err),
		    KITH_OK);
		nw = all_rows(fresh, 1, N, want);
		view_query_free(fresh);
		CHECK_INT(view_query_new(db, queries[qi], 0, &q, &err),
		    KITH_OK);
		CHECK_INT(view_query_set_plan(q, plans[pi], &err), KITH_OK);
		view_query_set_budget(q, 1, 0);
		for (i = 0; i < 3; i++) {
			dir = i == 1 ? 1 : -1;
			CHECK_INT(view_query_page(q, NULL, 0, 0, dir, 5, &r,
			    &n, &err), KITH_OK);
			CHECK(n > 0 || view_query_more(q) || nw == 0);
			if (n > 0 && nw > 0)
				CHECK_INT(r[0].id, want[dir > 0 ? 0 : nw - 1]);
			view_rows_free(r, n);
		}
		/* And from the end once more, page by page, to the start. */
		ng = budget_rows(q, -1, 3, got, &cut);
		CHECK_INT(ng, nw);
		for (i = 0; i < ng && i < nw; i++)
			CHECK_INT(got[i], want[nw - 1 - i]);
		view_query_free(q);
	}

	/* Typed a letter at a time, each query narrowed, the budget kept. */
	for (qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
		CHECK_INT(view_query_new(db, NULL, 0, &old, &err), KITH_OK);
		view_query_set_budget(old, 2, 0);
		for (l = 1; l <= strlen(queries[qi]); l++) {
			memcpy(buf, queries[qi], l);
			buf[l] = '\0';
			CHECK_INT(view_query_narrow(old, buf, &q, &err),
			    KITH_OK);
			view_query_free(old);
			CHECK_INT(view_query_new(db, buf, 0, &fresh, &err),
			    KITH_OK);
			nw = all_rows(fresh, 1, N, want);
			ng = budget_rows(q, 1, 4, got, &cut);
			CHECK_INT(ng, nw);
			for (i = 0; i < ng && i < nw; i++)
				CHECK_INT(got[i], want[i]);
			ng = budget_rows(q, -1, 5, got, &cut);
			CHECK_INT(ng, nw);
			for (i = 0; i < ng && i < nw; i++)
				CHECK_INT(got[i], want[nw - 1 - i]);
			view_query_free(fresh);
			old = q;
		}
		view_query_free(old);
	}
}

/*
 * A book large enough that a dense longer word goes to FTS5 as its first
 * three letters ("markus" as "mar", which "marek" shares, in "markus 01"):
 * typed a letter
 * at a time, each query narrowed, with a budget of a few rows or of one
 * microsecond per call (so that sets are built over many calls, and
 * narrowed queries take over their parent's), the rows and the count are
 * those of the query walked without a set and without a budget.
 */
static void
test_set_steps(void)
{
	static const char *const typed[] = { "markus 01", "marek 012",
	    "01 markus", "mar 00" };
	struct kith_err		 err = { 0 };
	struct kith_db		*big;
	struct view_query	*old, *q, *fresh;
	struct view_count	 vc;
	struct view_row		*r;
	struct contact		*c;
	unsigned char		*key;
	char			*big_path, name[64], buf[64];
	int64_t			 want[N], id;
	size_t			 ti, l, n, nw, ng, len;
	int			 i, b, plans = 0;

	big = test_db("view-big.db", &big_path);
	CHECK_INT(kith_db_begin(big, &err), KITH_OK);
	for (i = 0; i < 4000; i++) {
		c = contact_new();
		snprintf(name, sizeof name, "%s %04d", i % 10 ? "Markus" :
		    "Marek", i % 3000);
		contact_set(&c->display, name);
		CHECK_INT(contact_insert(big, c, &err), KITH_OK);
		contact_free(c);
	}
	CHECK_INT(kith_db_commit(big, &err), KITH_OK);
	for (b = 0; b < 2; b++)
	for (ti = 0; ti < sizeof typed / sizeof typed[0]; ti++) {
		CHECK_INT(view_query_new(big, NULL, 0, &old, &err), KITH_OK);
		view_query_set_budget(old, b ? 0 : 3, b);
		for (l = 1; l <= strlen(typed[ti]); l++) {
			memcpy(buf, typed[ti], l);
			buf[l] = '\0';
			CHECK_INT(view_query_narrow(old, buf, &q, &err),
			    KITH_OK);
			view_query_free(old);
			plans += view_query_plan(q) != VIEW_PLAN_WALK;
			CHECK_INT(view_query_new(big, buf, 0, &fresh, &err),
			    KITH_OK);
			CHECK_INT(view_query_set_plan(fresh, VIEW_PLAN_WALK,
			    &err), KITH_OK);
			nw = all_rows(fresh, 1, 400, want);	/* all */
			/* The first pages under the budget, then on. */
			key = NULL;
			len = 0;
			id = 0;
			ng = 0;
			do {
				CHECK_INT(view_query_page(q, key, len, id, 1,
				    20, &r, &n, &err), KITH_OK);
				for (size_t k = 0; k < n; k++, ng++)
					if (ng < N)
						CHECK_INT(r[k].id, want[ng]);
				if (n > 0) {
					free(key);
					len = r[n - 1].key_len;
					key = malloc(len + 1);
					memcpy(key, r[n - 1].key, len);
					id = r[n - 1].id;
				}
				view_rows_free(r, n);
			} while ((n == 20 || view_query_more(q)) && ng <= nw);
			free(key);
			CHECK_INT(ng, nw);
			memset(&vc, 0, sizeof vc);
			while (!vc.done)
				CHECK_INT(view_query_count_step(q, &vc, 100,
				    &err), KITH_OK);
			CHECK_INT(vc.count, (int64_t)nw);
			view_query_free(fresh);
			old = q;
		}
		view_query_free(old);
	}
	CHECK(plans > 0);		/* some queries built a set */
	test_db_done(big, big_path);
}

static void
teardown(void)
{
	test_db_done(db, path);
}

TEST_MAIN(setup, test_forward, test_backward, test_query, test_locate,
    test_count, test_plans, test_narrow, test_budget, test_set_steps,
    teardown)
