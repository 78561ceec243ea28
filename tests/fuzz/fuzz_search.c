/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the search query compiler.  Whatever the user types,
 * the FTS5 expression kith compiles from it is accepted by SQLite (no
 * syntax error reaches the user as a database error), and the planner's
 * first page and count run, over a small book in memory.
 */
#include <stdint.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/search.h"
#include "kith/view.h"
#include "fuzz.h"

#define MAX_INPUT	512

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static struct kith_db	*book(void);

/* A few contacts to search, made once. */
static struct kith_db *
book(void)
{
	static const char *const names[] = {
		"Ana Petrović", "Петар Јовановић", "王小明", "O'Brien",
		"Müller \"the\" Smith", "AND OR NOT", "x* (y)",
	};
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	size_t		 i;

	if (kith_db_open(":memory:", &db, &err) != KITH_OK)
		fuzz_fail("open: %s", err.msg);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		c = contact_new();
		contact_set(&c->display, names[i]);
		contact_set(&c->org, "Acme Legal");
		contact_add_email(c, "ana@example.org", NULL);
		if (contact_insert(db, c, &err) != KITH_OK)
			fuzz_fail("insert: %s", err.msg);
		contact_free(c);
	}
	return db;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct kith_db	*db;
	struct view_row		*rows = NULL;
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	int64_t			 n;
	size_t			 nrows = 0;
	char			*q, *fts = NULL, *rest = NULL;

	if (size > MAX_INPUT)
		return 0;
	if (db == NULL)
		db = book();
	q = fuzz_str(data, size);
	(void)search_query_split(q, &rest);
	free(rest);
	st = search_fts_query(db, q, &fts, &err);
	free(fts);
	if (st != KITH_OK && st != KITH_INVALID)
		fuzz_fail("compile '%s': status %d: %s", q, (int)st, err.msg);
	st = search_count(db, q, 0, &n, &err);
	if (st != KITH_OK && st != KITH_INVALID)
		fuzz_fail("count '%s': status %d: %s", q, (int)st, err.msg);
	st = view_page(db, q, 0, NULL, 0, 0, 1, 20, &rows, &nrows, &err);
	if (st != KITH_OK && st != KITH_INVALID)
		fuzz_fail("page '%s': status %d: %s", q, (int)st, err.msg);
	view_rows_free(rows, nrows);
	free(q);
	return 0;
}
