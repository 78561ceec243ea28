/* SPDX-License-Identifier: MIT */
/*
 * The "going cold" list (cold.h): candidates from two index ranges (the
 * cooling day and the cadence due day, both kept by touch.c), then each
 * one's strength today and COLD_WINDOW days ago.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/cold.h"
#include "kith/strength.h"
#include "kith/util.h"
#include "internal.h"

static int	cmp_cold(const void *, const void *);

static int
cmp_cold(const void *a, const void *b)
{
	const struct cold *x = a, *y = b;

	if (x->drop != y->drop)
		return x->drop > y->drop ? -1 : 1;
	if (x->days != y->days)
		return x->days > y->days ? -1 : 1;
	return x->contact < y->contact ? -1 : x->contact > y->contact;
}

enum kith_status
cold_list(struct kith_db *db, struct cold **out, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st = KITH_OK;
	struct cold	*r = NULL, *c;
	struct strength	 s;
	char		 today[KITH_DATE_LEN], before[KITH_DATE_LEN];
	const unsigned char *t;
	size_t		 count = 0, i;
	int		 rc;

	*out = NULL;
	*n = 0;
	db_today(db, today);
	if (!date_add_days(today, -COLD_WINDOW, before))
		return KITH_OK;
	if ((stmt = db_stmt(db, "SELECT id, display, touch_last, "
	    "coalesce(touch_gap, 0), cool_on < ?1, coalesce(overdue_on < ?1, 0) "
	    "FROM contact WHERE id IN (SELECT id FROM contact WHERE "
	    "cool_on < ?1 UNION SELECT id FROM contact WHERE due_on < ?1 AND "
	    "overdue_on < ?1) AND archived = 0", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, today, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((count & (count - 1)) == 0)
			r = xreallocarray(r, count ? count * 2 : 1, sizeof *r);
		c = &r[count++];
		memset(c, 0, sizeof *c);
		c->contact = sqlite3_column_int64(stmt, 0);
		c->name = db_col_text(stmt, 1);
		if ((t = sqlite3_column_text(stmt, 2)) != NULL)
			snprintf(c->last, sizeof c->last, "%s", t);
		c->gap = sqlite3_column_int64(stmt, 3);
		c->cooling = sqlite3_column_int(stmt, 4);
		c->overdue = sqlite3_column_int(stmt, 5);
		c->days = c->last[0] ? date_diff_days(c->last, today) : 0;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "reading who is going cold");
		goto fail;
	}
	for (i = 0; i < count; i++) {
		if ((st = strength_on(db, r[i].contact, today, &s, err))
		    != KITH_OK)
			goto fail;
		r[i].strength = s.computed;
		if ((st = strength_on(db, r[i].contact, before, &s, err))
		    != KITH_OK)
			goto fail;
		r[i].before = s.computed;
		r[i].drop = r[i].before - r[i].strength;
	}
	if (count > 1)
		qsort(r, count, sizeof *r, cmp_cold);
	*out = r;
	*n = count;
	return KITH_OK;
fail:
	cold_list_free(r, count);
	return st;
}

void
cold_list_free(struct cold *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(r[i].name);
	free(r);
}
