/* SPDX-License-Identifier: MIT */
/*
 * One query, one answer: `kith list QUERY` (search_page, search.h) and the
 * TUI's list (view.c, under each of its plans) give the same contacts in
 * the same order, for the demo book's queries and tricky ones -- phones
 * typed every way, e-mails, Cyrillic and Han, prefixes, several words,
 * words that match nothing, the in:deal filter, and the loose matcher's
 * other names for a word ("alexei" finds Алексей, "bob" Robert), also as
 * the TUI's search line narrows a query typed a letter at a time.  The demo book is loaded
 * with the CLI's own loader (src/cli/demo.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "testdb.h"
#include "kith/search.h"
#include "kith/view.h"
#include "demo.h"

#define MAX_IDS	256

/* search_page's answer, a page of 7 at a time. */
static size_t
list_ids(struct kith_db *db, const char *query, int64_t *ids)
{
	struct kith_err		 err = { 0 };
	struct search_cursor	 cur = { 0 };
	struct search_row	*rows;
	size_t			 n, i, k = 0;

	do {
		CHECK_INT(search_page(db, query, 0, &cur, 7, &rows, &n, &err),
		    KITH_OK);
		for (i = 0; i < n && k < MAX_IDS; i++)
			ids[k++] = rows[i].id;
		search_rows_free(rows, n);
	} while (!cur.done && n > 0);
	search_cursor_reset(&cur);
	return k;
}

/* The view's answer under plan (VIEW_PLAN_AUTO: its own choice). */
static size_t
view_ids(struct kith_db *db, const char *query, enum view_plan plan,
    int64_t *ids)
{
	struct kith_err		 err = { 0 };
	struct view_query	*q = NULL;
	struct view_row		*r;
	unsigned char		*key = NULL;
	size_t			 len = 0, n, i, k = 0;
	int64_t			 id = 0;

	CHECK_INT(view_query_new(db, query, 0, &q, &err), KITH_OK);
	if (q == NULL)
		return 0;
	if (plan != VIEW_PLAN_AUTO)
		CHECK_INT(view_query_set_plan(q, plan, &err), KITH_OK);
	do {
		CHECK_INT(view_query_page(q, key, len, id, 1, 5, &r, &n,
		    &err), KITH_OK);
		for (i = 0; i < n && k < MAX_IDS; i++)
			ids[k++] = r[i].id;
		free(key);
		key = NULL;
		if (n > 0) {
			len = r[n - 1].key_len;
			key = malloc(len + 1);
			memcpy(key, r[n - 1].key, len);
			id = r[n - 1].id;
		}
		view_rows_free(r, n);
	} while (n == 5 || view_query_more(q));
	free(key);
	view_query_free(q);
	return k;
}

/*
 * The view's answer to each prefix of typed, narrowed from the one before
 * (view_query_narrow, as the TUI's search line does), paged back from
 * the end and forward from the start, is the list's.
 */
static void
check_typed(struct kith_db *db, const char *typed)
{
	struct kith_err		 err = { 0 };
	struct view_query	*q = NULL, *next;
	struct view_row		*r;
	int64_t			 want[MAX_IDS];
	char			 buf[64];
	size_t			 len, nw, n, i;

	for (len = 1; len <= strlen(typed); len++) {
		snprintf(buf, sizeof buf, "%.*s", (int)len, typed);
		nw = list_ids(db, buf, want);
		if (q == NULL)
			CHECK_INT(view_query_new(db, buf, 0, &next, &err),
			    KITH_OK);
		else
			CHECK_INT(view_query_narrow(q, buf, &next, &err),
			    KITH_OK);
		view_query_free(q);
		q = next;
		if (q == NULL)
			return;
		CHECK_INT(view_query_page(q, NULL, 0, 0, 1, MAX_IDS, &r, &n,
		    &err), KITH_OK);
		if (n != nw)
			fprintf(stderr, "typed '%s': list has %zu, view %zu\n",
			    buf, nw, n);
		CHECK_INT(n, nw);
		for (i = 0; i < n && i < nw; i++)
			CHECK_INT(r[i].id, want[i]);
		view_rows_free(r, n);
	}
	view_query_free(q);
}

static void
test_parity(void)
{
	/* Words the loose matcher knows other names of, typed. */
	static const char *const typed[] = {
		"alexei", "aleksej smirnov", "bob lin", "bill", "kate",
		"sasha", "robert", "ana petrovic",
	};
	static const char *const queries[] = {
		/* the demo book's own words */
		"ana", "petrovic", "Petrović", "acme", "hartley", "quinn",
		"northbridge", "vip", "client", "belgrade", "london", "partner",
		"bank general", "energy", "o'brien", "obrien",
		/* phones, every way they are typed */
		"+44 20 7946 0101", "442079460101", "442079", "2079460101",
		"02079460101", "020 7946", "7946", "0101", "07700 900101",
		"+1 212-555-0110", "2125550110", "381", "064 555",
		/* e-mails */
		"eleanor.hartley@hartleyquinn.example", "hartleyquinn.example",
		"ana.petrovic@", "@example",
		/* other alphabets, accents, case */
		"Петровић", "petrovic ana", "Алексей", "aleksej", "smirnov",
		"王小明", "wang", "müller", "muller", "ĆIRIĆ", "đorđević",
		"djordjevic",
		/* the loose matcher's names: transliterations, nicknames */
		"alexei", "aleksei", "alexey", "alexei smirnov", "bob",
		"bob lin", "robert", "bill", "kate", "sasha", "jim", "ale",
		"alex", "bo", "bi",
		/* prefixes, several words, nothing */
		"a", "an", "p", "pe", "ha qu", "ana petr", "zzz", "ana zzz",
		"-", "", "  ",
		/* the in:deal filter, alone and with words */
		"in:deal", "IN:Matter", "in:deal a", "petr in:deal",
		"in:deal northbridge", "in:deal zzz", "in:deal -",
		"in:dealer",
	};
	static const enum view_plan plans[] = { VIEW_PLAN_AUTO,
	    VIEW_PLAN_WALK, VIEW_PLAN_BITMAP, VIEW_PLAN_LIST };
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	int64_t		 want[MAX_IDS], got[MAX_IDS];
	size_t		 qi, pi, nw, ng, i, nonempty = 0;
	char		*path;

	db = test_db("parity.db", &path);
	kith_db_set_now(db, time(NULL));
	if (demo_load(db, KITH_DEMO, &err) != KITH_OK) {
		fprintf(stderr, "demo: %s\n", err.msg);
		CHECK(0);
	}
	for (qi = 0; qi < sizeof queries / sizeof queries[0]; qi++) {
		nw = list_ids(db, queries[qi], want);
		nonempty += nw > 0;
		for (pi = 0; pi < sizeof plans / sizeof plans[0]; pi++) {
			ng = view_ids(db, queries[qi], plans[pi], got);
			if (ng != nw)
				fprintf(stderr, "'%s' plan %d: list has %zu, "
				    "view %zu\n", queries[qi], (int)plans[pi],
				    nw, ng);
			CHECK_INT(ng, nw);
			for (i = 0; i < ng && i < nw; i++)
				CHECK_INT(got[i], want[i]);
		}
	}
	/* Typed a letter at a time, each query narrowed from the last. */
	for (qi = 0; qi < sizeof typed / sizeof typed[0]; qi++)
		check_typed(db, typed[qi]);
	/* The test means something only if most queries find someone. */
	CHECK(nonempty > sizeof queries / sizeof queries[0] / 2);
	/* The issue's examples. */
	CHECK_INT(list_ids(db, "2079460101", want), 1);
	CHECK_INT(list_ids(db, "02079460101", want), 1);
	test_db_done(db, path);
}

TEST_MAIN(test_parity)
