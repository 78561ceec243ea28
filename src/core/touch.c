/* SPDX-License-Identifier: MIT */
/*
 * The touch summary and cadence columns of a contact, kept current on
 * write.  Every write that changes a contact's interactions, tags or
 * cadence calls touch_refresh() for it inside its transaction: it reads
 * the contact's touches (one index range: interaction_contact is keyed by
 * contact and time) and its tags' cadences, and writes the columns that
 * changed, so the journal records them with the write and undo restores
 * them with it.  Because last touch is the latest day touched, a touch
 * logged with an earlier date never moves the clock back.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/cadence.h"
#include "kith/clock.h"
#include "kith/strength.h"
#include "kith/util.h"
#include "internal.h"
#include "touch.h"

struct summary {
	struct touch_stats	 st;
	long			 ideal, max;
	char			 since[KITH_DATE_LEN];
	char			 due[KITH_DATE_LEN];
	char			 overdue[KITH_DATE_LEN];
	char			 cool[KITH_DATE_LEN];
	char			 snoozed[KITH_DATE_LEN];
	long			 snoozes;
};

static int	 cmp_long(const void *, const void *);
static void	 col_date(sqlite3_stmt *, int, char [KITH_DATE_LEN]);
static void	 bind_date(sqlite3_stmt *, int, const char *);
static int	 same(const struct summary *, const struct summary *);

static int
cmp_long(const void *a, const void *b)
{
	long	x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

static void
col_date(sqlite3_stmt *stmt, int idx, char out[KITH_DATE_LEN])
{
	const unsigned char	*t = sqlite3_column_text(stmt, idx);

	out[0] = '\0';
	if (t != NULL && strlen((const char *)t) >= 10) {
		memcpy(out, t, 10);
		out[10] = '\0';
	}
}

static void
bind_date(sqlite3_stmt *stmt, int idx, const char *d)
{
	if (d[0] == '\0')
		sqlite3_bind_null(stmt, idx);
	else
		sqlite3_bind_text(stmt, idx, d, -1, SQLITE_TRANSIENT);
}

enum kith_status
touch_stats(struct kith_db *db, int64_t id, const char *upto,
    struct touch_stats *out, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		 day[KITH_DATE_LEN], prev[KITH_DATE_LEN] = "";
	const char	*dir;
	long		*gaps = NULL;
	size_t		 ngaps = 0, cap = 0;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((stmt = db_stmt(db, "SELECT ic.at, i.kind, i.direction FROM "
	    "interaction_contact ic JOIN interaction i ON i.id = "
	    "ic.interaction_id WHERE ic.contact_id = ?1 AND ic.at < ?2 "
	    "ORDER BY ic.at", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	/* Everything on day upto sorts before upto followed by "~". */
	if (upto != NULL) {
		char	lim[KITH_DATE_LEN + 1];

		snprintf(lim, sizeof lim, "%.10s~", upto);
		sqlite3_bind_text(stmt, 2, lim, -1, SQLITE_TRANSIENT);
	} else
		sqlite3_bind_text(stmt, 2, "~", -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		int w = strength_kind_weight(
		    (const char *)sqlite3_column_text(stmt, 1));

		if (w == 0)
			continue;
		col_date(stmt, 0, day);
		if (day[0] == '\0')
			continue;
		out->n++;
		out->w += w;
		dir = (const char *)sqlite3_column_text(stmt, 2);
		if (dir != NULL && strcmp(dir, "in") == 0)
			out->in++;
		else if (dir != NULL && strcmp(dir, "out") == 0)
			out->out++;
		if (out->first[0] == '\0')
			memcpy(out->first, day, sizeof day);
		if (prev[0] != '\0' && strcmp(day, prev) != 0) {
			if (ngaps == cap) {
				cap = cap ? cap * 2 : 16;
				gaps = xreallocarray(gaps, cap, sizeof *gaps);
			}
			gaps[ngaps++] = date_diff_days(prev, day);
		}
		memcpy(prev, day, sizeof day);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(gaps);
		return db_fail(db, err, "reading a contact's interactions");
	}
	memcpy(out->last, prev, sizeof prev);
	if (ngaps > 0) {
		qsort(gaps, ngaps, sizeof *gaps, cmp_long);
		/* The lower median of an even count: a whole number of days. */
		out->gap = gaps[(ngaps - 1) / 2];
	}
	free(gaps);
	return KITH_OK;
}

void
touch_first_due(int64_t id, const char *since, int ideal,
    char out[KITH_DATE_LEN])
{
	uint32_t	h;

	/* Knuth's multiplicative hash spreads consecutive ids apart. */
	h = (uint32_t)((uint64_t)id * 2654435761u);
	out[0] = '\0';
	if (ideal > 0)
		date_add_days(since, 1 + (long)(h % (uint32_t)ideal), out);
}

static int
same(const struct summary *a, const struct summary *b)
{
	return strcmp(a->st.last, b->st.last) == 0 &&
	    strcmp(a->st.first, b->st.first) == 0 && a->st.n == b->st.n &&
	    a->st.w == b->st.w && a->st.in == b->st.in &&
	    a->st.out == b->st.out && a->st.gap == b->st.gap &&
	    strcmp(a->cool, b->cool) == 0 && a->ideal == b->ideal &&
	    a->max == b->max && strcmp(a->since, b->since) == 0 &&
	    strcmp(a->due, b->due) == 0 &&
	    strcmp(a->overdue, b->overdue) == 0 &&
	    strcmp(a->snoozed, b->snoozed) == 0 && a->snoozes == b->snoozes;
}

enum kith_status
touch_refresh_new(struct kith_db *db, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT 1 FROM contact_tag ct JOIN tag t ON "
	    "t.id = ct.tag_id WHERE ct.contact_id = ?1 AND t.cadence_days > 0 "
	    "LIMIT 1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW)
		return touch_refresh(db, id, err);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading a contact's tags");
	return KITH_OK;
}

enum kith_status
touch_refresh(struct kith_db *db, int64_t id, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	struct summary		 old, now;
	char			 today[KITH_DATE_LEN], d[KITH_DATE_LEN];
	long			 own, own_max, off;
	int			 rc;

	memset(&old, 0, sizeof old);
	if ((stmt = db_stmt(db, "SELECT touch_last, touch_first, touch_n, "
	    "touch_w, touch_in, touch_out, coalesce(touch_gap, 0), cool_on, "
	    "cad_ideal, cad_max, cadence_since, due_on, overdue_on, "
	    "cadence_snoozed, cadence_snoozes, cadence_days, cadence_max, "
	    "cadence_off FROM contact WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return rc == SQLITE_DONE ? KITH_OK :
		    db_fail(db, err, "reading a contact");
	}
	col_date(stmt, 0, old.st.last);
	col_date(stmt, 1, old.st.first);
	old.st.n = sqlite3_column_int64(stmt, 2);
	old.st.w = sqlite3_column_int64(stmt, 3);
	old.st.in = sqlite3_column_int64(stmt, 4);
	old.st.out = sqlite3_column_int64(stmt, 5);
	old.st.gap = sqlite3_column_int64(stmt, 6);
	col_date(stmt, 7, old.cool);
	old.ideal = sqlite3_column_int64(stmt, 8);
	old.max = sqlite3_column_int64(stmt, 9);
	col_date(stmt, 10, old.since);
	col_date(stmt, 11, old.due);
	col_date(stmt, 12, old.overdue);
	col_date(stmt, 13, old.snoozed);
	old.snoozes = sqlite3_column_int64(stmt, 14);
	own = sqlite3_column_int64(stmt, 15);
	own_max = sqlite3_column_int64(stmt, 16);
	off = sqlite3_column_int64(stmt, 17);
	sqlite3_reset(stmt);

	memset(&now, 0, sizeof now);
	if ((st = touch_stats(db, id, NULL, &now.st, err)) != KITH_OK)
		return st;
	if (now.st.gap > 0)
		date_add_days(now.st.last, STRENGTH_COOLING * now.st.gap,
		    now.cool);

	/* The effective cadence: off, its own, or its tightest tag's. */
	if (off)
		;
	else if (own > 0) {
		now.ideal = own;
		now.max = own_max;
	} else {
		if ((stmt = db_stmt(db, "SELECT t.cadence_days, t.cadence_max "
		    "FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id "
		    "WHERE ct.contact_id = ?1 AND t.cadence_days > 0 "
		    "ORDER BY t.cadence_days, t.cadence_max LIMIT 1", err))
		    == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, id);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			now.ideal = sqlite3_column_int64(stmt, 0);
			now.max = sqlite3_column_int64(stmt, 1);
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(db, err, "reading a contact's tags");
	}
	if (now.ideal > 0 && now.max < now.ideal)
		now.max = now.ideal * 3 / 2;

	/* A later touch ends the snooze and its count. */
	if (strcmp(now.st.last, old.st.last) > 0) {
		now.snoozes = 0;
		now.snoozed[0] = '\0';
	} else {
		now.snoozes = old.snoozes;
		memcpy(now.snoozed, old.snoozed, sizeof now.snoozed);
	}
	if (now.ideal > 0) {
		db_today(db, today);
		memcpy(now.since, old.ideal > 0 && old.since[0] != '\0' ?
		    old.since : today, sizeof now.since);
		touch_first_due(id, now.since, (int)now.ideal, now.due);
		if (now.st.last[0] != '\0' &&
		    date_add_days(now.st.last, now.ideal, d) &&
		    strcmp(d, now.due) > 0)
			memcpy(now.due, d, sizeof d);
		if (strcmp(now.snoozed, now.due) > 0)
			memcpy(now.due, now.snoozed, sizeof now.due);
		date_add_days(now.due, now.max - now.ideal, now.overdue);
	} else {
		now.snoozes = 0;
		now.snoozed[0] = '\0';
	}
	if (same(&old, &now))
		return KITH_OK;

	if ((stmt = db_stmt(db, "UPDATE contact SET touch_last = ?2, "
	    "touch_first = ?3, touch_n = ?4, touch_w = ?5, touch_in = ?6, "
	    "touch_out = ?7, touch_gap = ?8, cool_on = ?9, cad_ideal = ?10, "
	    "cad_max = ?11, cadence_since = ?12, due_on = ?13, "
	    "overdue_on = ?14, cadence_snoozed = ?15, cadence_snoozes = ?16 "
	    "WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	bind_date(stmt, 2, now.st.last);
	bind_date(stmt, 3, now.st.first);
	sqlite3_bind_int64(stmt, 4, now.st.n);
	sqlite3_bind_int64(stmt, 5, now.st.w);
	sqlite3_bind_int64(stmt, 6, now.st.in);
	sqlite3_bind_int64(stmt, 7, now.st.out);
	if (now.st.gap > 0)
		sqlite3_bind_int64(stmt, 8, now.st.gap);
	bind_date(stmt, 9, now.cool);
	sqlite3_bind_int64(stmt, 10, now.ideal);
	sqlite3_bind_int64(stmt, 11, now.max);
	bind_date(stmt, 12, now.ideal > 0 ? now.since : "");
	bind_date(stmt, 13, now.due);
	bind_date(stmt, 14, now.ideal > 0 ? now.overdue : "");
	bind_date(stmt, 15, now.snoozed);
	sqlite3_bind_int64(stmt, 16, now.snoozes);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "updating a contact's cadence");
	return KITH_OK;
}
