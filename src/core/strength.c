/* SPDX-License-Identifier: MIT */
/*
 * Relationship strength: the formula of strength.h, its inputs read from
 * the contact's touch summary (touch.c) or, for a past day, from its
 * history up to that day.  The weights live in strength.h and nowhere
 * else (README quotes them).
 */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "kith/strength.h"
#include "kith/clock.h"
#include "internal.h"
#include "touch.h"

static void	input_from(const struct touch_stats *, const char *,
		    struct strength_input *);
static enum kith_status set_row(struct kith_db *, int64_t, int,
		    struct kith_err *);

int
strength_kind_weight(const char *kind)
{
	if (kind == NULL)
		return 0;
	if (strcmp(kind, "meeting") == 0)
		return 3;
	if (strcmp(kind, "call") == 0 || strcmp(kind, "event") == 0)
		return 2;
	if (strcmp(kind, "email") == 0)
		return 1;
	return 0;	/* a note is not a touch */
}

void
strength_compute(const struct strength_input *in, struct strength *out)
{
	double	known, sum;

	memset(out, 0, sizeof *out);
	out->manual = -1;
	if (in->n <= 0)
		return;
	out->recency = STRENGTH_W_RECENCY *
	    pow(2.0, -(double)(in->days_since > 0 ? in->days_since : 0) /
	    STRENGTH_HALF_LIFE);
	out->frequency = STRENGTH_W_FREQUENCY *
	    (1.0 - pow(2.0, -(double)in->w / STRENGTH_FREQ_HALF));
	out->tenure = STRENGTH_W_TENURE *
	    (in->tenure >= STRENGTH_TENURE_FULL ? 1.0 :
	    (double)(in->tenure > 0 ? in->tenure : 0) / STRENGTH_TENURE_FULL);
	known = (double)(in->in + in->out);
	out->reciprocity = STRENGTH_W_RECIPROCITY * (known > 0 ?
	    fmin(1.0, 2.0 * (double)in->in / known) : 0.5);
	sum = out->recency + out->frequency + out->tenure + out->reciprocity;
	out->computed = (int)floor(sum + 0.5);
	if (out->computed > 100)
		out->computed = 100;
	out->score = out->computed;
}

void
strength_explain(const struct strength *s, char *out, size_t len)
{
	int	n;

	n = snprintf(out, len, "recency %.1f + frequency %.1f + tenure %.1f "
	    "+ reciprocity %.1f = %d", s->recency, s->frequency, s->tenure,
	    s->reciprocity, s->computed);
	if (s->manual >= 0 && n > 0 && (size_t)n < len)
		snprintf(out + n, len - (size_t)n, " (set by hand: %d)",
		    s->manual);
}

void
strength_input_of(const char *first, const char *last, long n, long w,
    long in, long out, const char *today, struct strength_input *r)
{
	memset(r, 0, sizeof *r);
	if (n <= 0 || first == NULL || last == NULL || first[0] == '\0' ||
	    last[0] == '\0')
		return;
	r->n = n;
	r->w = w;
	r->in = in;
	r->out = out;
	r->days_since = date_diff_days(last, today);
	r->tenure = date_diff_days(first, last);
}

static void
input_from(const struct touch_stats *ts, const char *today,
    struct strength_input *in)
{
	strength_input_of(ts->first, ts->last, ts->n, ts->w, ts->in, ts->out,
	    today, in);
}

enum kith_status
strength_get(struct kith_db *db, int64_t id, struct strength *out,
    struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct touch_stats	 ts;
	struct strength_input	 in;
	char			 today[KITH_DATE_LEN];
	const unsigned char	*t;
	int			 rc, manual = -1;

	memset(&ts, 0, sizeof ts);
	if ((stmt = db_stmt(db, "SELECT touch_first, touch_last, touch_n, "
	    "touch_w, touch_in, touch_out, strength_set FROM contact "
	    "WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((t = sqlite3_column_text(stmt, 0)) != NULL)
			snprintf(ts.first, sizeof ts.first, "%s", t);
		if ((t = sqlite3_column_text(stmt, 1)) != NULL)
			snprintf(ts.last, sizeof ts.last, "%s", t);
		ts.n = sqlite3_column_int64(stmt, 2);
		ts.w = sqlite3_column_int64(stmt, 3);
		ts.in = sqlite3_column_int64(stmt, 4);
		ts.out = sqlite3_column_int64(stmt, 5);
		if (sqlite3_column_type(stmt, 6) != SQLITE_NULL)
			manual = sqlite3_column_int(stmt, 6);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND,
		    "no contact with id %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading a contact");
	db_today(db, today);
	input_from(&ts, today, &in);
	strength_compute(&in, out);
	if (manual >= 0) {
		out->manual = manual;
		out->score = manual;
	}
	return KITH_OK;
}

enum kith_status
strength_on(struct kith_db *db, int64_t id, const char *day,
    struct strength *out, struct kith_err *err)
{
	struct touch_stats	 ts;
	struct strength_input	 in;
	enum kith_status	 st;

	if ((st = touch_stats(db, id, day, &ts, err)) != KITH_OK)
		return st;
	input_from(&ts, day, &in);
	strength_compute(&in, out);
	return KITH_OK;
}

static enum kith_status
set_row(struct kith_db *db, int64_t id, int value, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "UPDATE contact SET strength_set = ?2 "
	    "WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if (value >= 0)
		sqlite3_bind_int(stmt, 2, value);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "setting a strength");
	if (sqlite3_changes(kith_db_sqlite(db)) == 0)
		return kith_err_set(err, KITH_NOTFOUND,
		    "no contact with id %lld", (long long)id);
	if (value >= 0)
		db_own_actionf(db, "strength", "set the strength of contact "
		    "%lld to %d", (long long)id, value);
	else
		db_own_actionf(db, "strength", "cleared the strength of "
		    "contact %lld", (long long)id);
	return KITH_OK;
}

enum kith_status
strength_set(struct kith_db *db, int64_t id, int value, struct kith_err *err)
{
	if (value > 100)
		return kith_err_set(err, KITH_INVALID,
		    "strength %d: use 0 to 100", value);
	DB_TRANSACTION(db, err, set_row(db, id, value, err));
}
