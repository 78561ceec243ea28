/* SPDX-License-Identifier: MIT */
/*
 * What the review owes, kind by kind (review_impl.h): each kind is listed
 * from its index alone (pending follow-ups by day, contacts by cadence due
 * day, birthdays by month and day, deals by stage and last touch), and a
 * candidate that may enter the day's queue is filled with point lookups.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/cadence.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/keydate.h"
#include "kith/review.h"
#include "kith/strength.h"
#include "kith/util.h"
#include "internal.h"
#include "review_impl.h"

#define DAY	86400

static struct review_cand *cand_new(struct review_list *);
static int	 decided(const struct review_list *,
		    const struct review_cand *);
static int	 cmp_str(const void *, const void *);
static void	 col_date(sqlite3_stmt *, int, char [KITH_DATE_LEN]);
static void	 late_cut(const char *, long, const char *,
		    char [KITH_DATE_LEN]);
static enum kith_status count_owed(struct review_list *, const char *,
		    const char *, const char *, int64_t, const char *);
static void	 set_label(char *, size_t, const char *);
static enum kith_status read_value(struct kith_db *, struct review_cand *,
		    struct kith_err *);
static enum kith_status read_strength(struct kith_db *,
		    struct review_cand *, struct kith_err *);
static enum kith_status fill_followup(struct kith_db *,
		    struct review_cand *, struct review_item *,
		    struct kith_err *);
static enum kith_status fill_cadence(struct kith_db *,
		    struct review_cand *, struct review_item *,
		    struct kith_err *);
static enum kith_status fill_keydate(struct kith_db *,
		    struct review_cand *, struct review_item *,
		    struct kith_err *);
static enum kith_status fill_deal(struct kith_db *,
		    struct review_cand *, struct review_item *,
		    struct kith_err *);

/* The largest open deal contact who is party to: cents, NULL for none. */
#define CONTACT_DEAL_SQL(who)						\
	"(SELECT max(d.value_cents) FROM deal_contact dc JOIN deal d ON "	\
	"d.id = dc.deal_id JOIN stage s ON s.id = d.stage_id WHERE "	\
	"dc.contact_id = " who " AND s.kind = 'open')"

static struct review_cand *
cand_new(struct review_list *l)
{
	struct review_cand	*c;

	if (l->n == l->cap) {
		l->cap = l->cap ? l->cap * 2 : 64;
		l->c = xreallocarray(l->c, l->cap, sizeof *l->c);
	}
	c = &l->c[l->n++];
	memset(c, 0, sizeof *c);
	c->strength = -1;
	c->value = -1;
	c->age = -1;
	return c;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Whether c was decided today (the caller then leaves it out). */
static int
decided(const struct review_list *l, const struct review_cand *c)
{
	char	 key[40];
	char	*k = key;

	if (l->n_done == 0)
		return 0;
	review_cand_key(c, key, sizeof key);
	return bsearch(&k, l->done, l->n_done, sizeof *l->done, cmp_str) !=
	    NULL;
}

void
review_cand_key(const struct review_cand *c, char *out, size_t len)
{
	switch (c->kind) {
	case REVIEW_FOLLOWUP:
		snprintf(out, len, "followup:%lld", (long long)c->ref);
		break;
	case REVIEW_CADENCE:
		snprintf(out, len, "cadence:%lld", (long long)c->ref);
		break;
	case REVIEW_KEYDATE:
		snprintf(out, len, "keydate:%lld:%s", (long long)c->ref,
		    c->day);
		break;
	case REVIEW_DEAL:
		snprintf(out, len, "deal:%lld", (long long)c->ref);
		break;
	}
}

static void
col_date(sqlite3_stmt *stmt, int idx, char out[KITH_DATE_LEN])
{
	const unsigned char	*t = sqlite3_column_text(stmt, idx);
	int			 n = sqlite3_column_bytes(stmt, idx);

	if (t == NULL || n >= KITH_DATE_LEN)
		n = 0;
	memcpy(out, t != NULL ? (const char *)t : "", (size_t)n);
	out[n] = '\0';
}

/* label into out, cut before a character that does not fit whole. */
static void
set_label(char *out, size_t size, const char *label)
{
	size_t	len;

	snprintf(out, size, "%s", label);
	len = strlen(out);
	if (((unsigned char)label[len] & 0xC0) != 0x80)
		return;
	while (len > 0 && ((unsigned char)out[len - 1] & 0xC0) == 0x80)
		len--;
	if (len > 0)
		len--;		/* the cut character's first byte */
	out[len] = '\0';
}

enum kith_status
review_list_followups(struct review_list *l, int days)
{
	sqlite3_stmt		*stmt;
	struct review_cand	*c;
	char			 until[KITH_DATE_LEN];
	int			 rc;

	if (!date_add_days(l->today, days > 0 ? days : 0, until))
		memcpy(until, l->today, sizeof until);
	/* From followup_pending alone: no table page is read. */
	if ((stmt = db_stmt(l->db, "SELECT id, due, contact_id, deal_id FROM "
	    "followup WHERE done_at IS NULL AND due <= ?1", l->err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, until, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c = cand_new(l);
		c->kind = REVIEW_FOLLOWUP;
		c->ref = sqlite3_column_int64(stmt, 0);
		col_date(stmt, 1, c->day);
		c->contact = sqlite3_column_int64(stmt, 2);
		c->deal = sqlite3_column_int64(stmt, 3);
		c->late = date_diff_days(c->day, l->today);
		if (decided(l, c))
			l->n--;
		else {
			c->bound = review_bound(c);
			l->owed++;
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(l->db, l->err, "reading due follow-ups");
	return KITH_OK;
}

/*
 * The last day a date may fall on to be at least late days before today,
 * into out: until when any lateness will do (LONG_MIN), "" when none
 * will (LONG_MAX), and never later than until.
 */
static void
late_cut(const char *today, long late, const char *until,
    char out[KITH_DATE_LEN])
{
	if (late == LONG_MAX)
		out[0] = '\0';		/* none: every date sorts after */
	else if (late == LONG_MIN || !date_add_days(today, -late, out) ||
	    strcmp(out, until) > 0)
		memcpy(out, until, KITH_DATE_LEN);
}

/*
 * Adds to l->owed the count all_sql makes (one row) less the keys of
 * today's decisions starting with prefix ("cadence:") whose id one_sql
 * (:id) still finds owed.  Both take ?1: text if text is not NULL, else
 * number.  One statement at a time: the cache may hold only one.
 */
static enum kith_status
count_owed(struct review_list *l, const char *all_sql, const char *one_sql,
    const char *text, int64_t number, const char *prefix)
{
	sqlite3_stmt	*stmt;
	size_t		 i, len = strlen(prefix), n = 0;
	int		 rc;

	for (i = 0; i <= l->n_done; i++) {
		if (i > 0 && strncmp(l->done[i - 1], prefix, len) != 0)
			continue;
		if ((stmt = db_stmt(l->db, i == 0 ? all_sql : one_sql,
		    l->err)) == NULL)
			return KITH_DB;
		if (text != NULL)
			sqlite3_bind_text(stmt, 1, text, -1, SQLITE_TRANSIENT);
		else
			sqlite3_bind_int64(stmt, 1, number);
		if (i > 0)
			sqlite3_bind_int64(stmt, sqlite3_bind_parameter_index(
			    stmt, ":id"), strtoll(l->done[i - 1] + len, NULL,
			    10));
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW && i == 0)
			n = (size_t)sqlite3_column_int64(stmt, 0);
		else if (rc == SQLITE_ROW)
			n--;
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && (i == 0 || rc != SQLITE_DONE))
			return db_fail(l->db, l->err, "counting the review");
	}
	l->owed += n;
	return KITH_OK;
}

/* What the cadences owed by until are: on contact_by_due alone. */
#define CADENCE_OWED	"due_on IS NOT NULL AND due_on <= ?1 AND archived = 0"

/*
 * Due cadences from contact_by_due alone: the strength and the largest
 * open deal are left for the fill.  Given a floor, only those late
 * enough to reach it as overdue, or as merely due, are listed.
 */
enum kith_status
review_list_cadences(struct review_list *l, int days, int floor)
{
	sqlite3_stmt		*stmt;
	struct review_cand	*c, t;
	char			 until[KITH_DATE_LEN], over[KITH_DATE_LEN];
	char			 hi[KITH_DATE_LEN], due[KITH_DATE_LEN];
	size_t			 listed = 0;
	int			 rc;

	if (!date_add_days(l->today, days > 0 ? days : 0, until))
		memcpy(until, l->today, sizeof until);
	memset(&t, 0, sizeof t);
	t.kind = REVIEW_CADENCE;
	t.strength = t.value = -1;
	t.state = KITH_CADENCE_OVERDUE;
	late_cut(l->today, floor == INT_MIN ? LONG_MIN :
	    review_late_needed(&t, floor), until, hi);
	t.state = KITH_CADENCE_DUE;
	late_cut(l->today, floor == INT_MIN ? LONG_MIN :
	    review_late_needed(&t, floor), until, due);
	if ((stmt = db_stmt(l->db, "SELECT id, due_on, overdue_on, "
	    "cadence_snoozes FROM contact WHERE due_on IS NOT NULL AND "
	    "due_on <= ?1 AND archived = 0 AND (due_on <= ?2 OR "
	    "overdue_on < ?3)", l->err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, hi, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, due, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, l->today, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c = cand_new(l);
		c->kind = REVIEW_CADENCE;
		c->ref = c->contact = sqlite3_column_int64(stmt, 0);
		col_date(stmt, 1, c->day);
		if (decided(l, c)) {
			l->n--;
			continue;
		}
		col_date(stmt, 2, over);
		c->snoozes = sqlite3_column_int(stmt, 3);
		c->state = cadence_state_on(c->day, over, l->today, &c->late);
		c->bound = review_bound(c);
		listed++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(l->db, l->err, "reading due cadences");
	if (strcmp(hi, until) == 0 && strcmp(due, until) == 0) {
		l->owed += listed;
		return KITH_OK;
	}
	/* Some were left out: count them all. */
	return count_owed(l, "SELECT count(*) FROM contact WHERE "
	    CADENCE_OWED, "SELECT 1 FROM contact WHERE " CADENCE_OWED
	    " AND id = :id", until, 0, "cadence:");
}

enum kith_status
review_list_keydates(struct review_list *l, int days, enum keydate_feb29 f,
    int floor)
{
	struct keydate		*k;
	struct review_cand	*c, t;
	enum kith_status	 st;
	size_t			 n, i, all;
	long			 need = LONG_MIN;
	int			 window = days > KEYDATE_LEAD ? days : KEYDATE_LEAD;

	memset(&t, 0, sizeof t);
	t.kind = REVIEW_KEYDATE;
	t.strength = t.value = -1;
	if (floor != INT_MIN)
		need = review_late_needed(&t, floor);
	/* Only those at most -need days ahead can reach the floor; with
	 * today's decisions on key dates, all are listed. */
	for (i = 0; need != LONG_MIN && i < l->n_done; i++)
		if (strncmp(l->done[i], "keydate:", 8) == 0)
			need = LONG_MIN;
	if (need != LONG_MIN) {
		if ((st = keydate_count(l->db, window, f, &all, l->err)) !=
		    KITH_OK)
			return st;
		l->owed += all;
		if (need > 0)
			return KITH_OK;
		window = (int)(-need < window ? -need : window);
	}
	if ((st = keydate_upcoming(l->db, window, f, &k, &n, l->err)) !=
	    KITH_OK)
		return st;
	for (i = 0; i < n; i++) {
		c = cand_new(l);
		c->kind = REVIEW_KEYDATE;
		c->ref = c->contact = k[i].contact;
		memcpy(c->day, k[i].on, sizeof c->day);
		if (decided(l, c)) {
			l->n--;
			continue;
		}
		c->label = k[i].label;
		k[i].label = NULL;
		c->late = -k[i].days;
		c->age = k[i].age;
		c->bound = review_bound(c);
		if (need == LONG_MIN)
			l->owed++;
	}
	keydate_list_free(k, n);
	return KITH_OK;
}

/* What makes an open deal stalled, ?1 the day's start (deal_day_start). */
#define DEAL_STALLED	"s.kind = 'open' AND d.touched < ?1 - s.stall_days * 86400"

/*
 * Open deals past their stage's limit, from deal_by_touch alone; given a
 * floor, only those stalled long enough to reach it.
 */
enum kith_status
review_list_deals(struct review_list *l, int floor)
{
	sqlite3_stmt		*stmt;
	struct review_cand	*c, t;
	int64_t			 now = (int64_t)kith_db_now(l->db), touched;
	int64_t			 day = deal_day_start(now);
	size_t			 listed = 0;
	long			 need = LONG_MIN;
	int			 rc;

	memset(&t, 0, sizeof t);
	t.kind = REVIEW_DEAL;
	t.strength = t.value = -1;
	if (floor != INT_MIN)
		need = review_late_needed(&t, floor);
	if (need != LONG_MAX) {
		if ((stmt = db_stmt(l->db, "SELECT d.id, d.touched, "
		    "s.stall_days FROM stage s JOIN deal d ON d.stage_id = "
		    "s.id WHERE " DEAL_STALLED " AND d.touched < ?1 - "
		    "(s.stall_days + ?2) * 86400", l->err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, day);
		/*
		 * Stalled is a day late already; need days late is more than
		 * stall_days + need - 1 whole days before today's start.
		 */
		sqlite3_bind_int64(stmt, 2, need > 1 ? need - 1 : 0);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			c = cand_new(l);
			c->kind = REVIEW_DEAL;
			c->ref = sqlite3_column_int64(stmt, 0);
			if (decided(l, c)) {
				l->n--;
				continue;
			}
			touched = sqlite3_column_int64(stmt, 1);
			c->idle = deal_idle_days(touched, now);
			c->late = c->idle - sqlite3_column_int(stmt, 2);
			c->touched = touched;	/* its day: when filled */
			c->bound = review_bound(c);
			listed++;
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE)
			return db_fail(l->db, l->err,
			    "reading stalled deals");
		if (need <= 0) {
			l->owed += listed;
			return KITH_OK;
		}
	}
	return count_owed(l, "SELECT count(*) FROM stage s JOIN deal d ON "
	    "d.stage_id = s.id WHERE " DEAL_STALLED, "SELECT 1 FROM stage s "
	    "JOIN deal d ON d.stage_id = s.id WHERE " DEAL_STALLED " AND "
	    "d.id = :id", NULL, day, "deal:");
}

/*
 * What c's deal term is worth, into c->value: for a contact, the largest
 * open deal it is party to; for a follow-up without one, its own deal if
 * open.
 */
static enum kith_status
read_value(struct kith_db *db, struct review_cand *c, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	c->value = 0;
	if (c->contact != 0) {
		/* deal_contact_by_contact: no contact page is read. */
		if ((stmt = db_stmt(db, "SELECT " CONTACT_DEAL_SQL("?1"),
		    err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, c->contact);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			c->value = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
	}
	if (c->value == 0 && c->kind == REVIEW_FOLLOWUP && c->deal != 0) {
		if ((stmt = db_stmt(db, "SELECT d.value_cents FROM deal d "
		    "JOIN stage s ON s.id = d.stage_id WHERE d.id = ?1 AND "
		    "s.kind = 'open'", err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, c->deal);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			c->value = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
	}
	return KITH_OK;
}

/* The contact's strength, the manual one if set, 0 for none. */
static enum kith_status
read_strength(struct kith_db *db, struct review_cand *c,
    struct kith_err *err)
{
	struct strength	 s;
	enum kith_status st;

	c->strength = 0;
	if (c->contact == 0)
		return KITH_OK;
	if ((st = strength_get(db, c->contact, &s, err)) != KITH_OK)
		return st;
	c->strength = s.score;
	return KITH_OK;
}

static enum kith_status
fill_followup(struct kith_db *db, struct review_cand *c,
    struct review_item *it, struct kith_err *err)
{
	struct followup	*f;
	enum kith_status st;

	if ((st = followup_get(db, c->ref, &f, err)) != KITH_OK)
		return st;
	it->contact = f->contact;
	it->deal = f->deal;
	it->name = xstrdup(f->contact_name ? f->contact_name :
	    f->deal_title ? f->deal_title : "");
	it->what = f->deal_title ? xasprintf("%s (%s)", f->action,
	    f->deal_title) : xstrdup(f->action);
	followup_free(f);
	review_tier(c, it);
	review_score_rest(it, c->strength, c->value);
	return KITH_OK;
}

/* One read of the contact's row: name, interval, touches, deals. */
static enum kith_status
fill_cadence(struct kith_db *db, struct review_cand *c,
    struct review_item *it, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct strength_input	 in;
	struct strength		 s;
	char			 first[KITH_DATE_LEN], last[KITH_DATE_LEN];
	char			 today[KITH_DATE_LEN];
	int			 rc, ideal;

	if ((stmt = db_stmt(db, "SELECT c.display, c.cad_ideal, "
	    "c.touch_first, c.touch_last, c.touch_n, c.touch_w, c.touch_in, "
	    "c.touch_out, c.strength_set, " CONTACT_DEAL_SQL("c.id") " FROM "
	    "contact "
	    "c WHERE c.id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->ref);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return rc == SQLITE_DONE ? kith_err_set(err, KITH_NOTFOUND,
		    "no contact with id %lld", (long long)c->ref) :
		    db_fail(db, err, "reading a due cadence");
	}
	db_today(db, today);
	it->contact = c->ref;
	it->snoozes = c->snoozes;
	it->name = db_col_text(stmt, 0);
	ideal = sqlite3_column_int(stmt, 1);
	col_date(stmt, 2, first);
	col_date(stmt, 3, last);
	if (last[0] != '\0')
		it->what = xasprintf("keep in touch every %d days (last %s)",
		    ideal, last);
	else
		it->what = xasprintf("keep in touch every %d days (never "
		    "touched)", ideal);
	strength_input_of(first, last, sqlite3_column_int64(stmt, 4),
	    sqlite3_column_int64(stmt, 5), sqlite3_column_int64(stmt, 6),
	    sqlite3_column_int64(stmt, 7), today, &in);
	strength_compute(&in, &s);
	c->strength = sqlite3_column_type(stmt, 8) != SQLITE_NULL ?
	    sqlite3_column_int(stmt, 8) : s.score;
	c->value = sqlite3_column_int64(stmt, 9);
	sqlite3_reset(stmt);
	review_tier(c, it);
	review_score_rest(it, c->strength, c->value);
	return KITH_OK;
}

static enum kith_status
fill_keydate(struct kith_db *db, struct review_cand *c,
    struct review_item *it, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	const char	*when = c->late == 0 ? "today" : c->day;

	if ((stmt = db_stmt(db, "SELECT display FROM contact WHERE id = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->ref);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		it->name = db_col_text(stmt, 0);
	sqlite3_reset(stmt);
	if (it->name == NULL)
		it->name = xstrdup("");
	it->contact = c->ref;
	set_label(it->label, sizeof it->label, c->label);
	if (c->age >= 0)
		it->what = xasprintf("%s %s (%d)", c->label, when, c->age);
	else
		it->what = xasprintf("%s %s", c->label, when);
	review_tier(c, it);
	review_score_rest(it, c->strength, c->value);
	return KITH_OK;
}

static enum kith_status
fill_deal(struct kith_db *db, struct review_cand *c,
    struct review_item *it, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int64_t		 value = 0;

	if ((stmt = db_stmt(db, "SELECT title, value_cents FROM deal WHERE "
	    "id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->ref);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		it->name = db_col_text(stmt, 0);
		value = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (it->name == NULL)
		it->name = xstrdup("");
	it->deal = c->ref;
	date_from_time((time_t)c->touched, it->day);
	it->what = xasprintf("stalled: no touch for %ld days", c->idle);
	review_tier(c, it);
	review_score_rest(it, 0, value);
	return KITH_OK;
}

enum kith_status
review_refine(struct kith_db *db, struct review_cand *c,
    struct review_item *it, int *filled, struct kith_err *err)
{
	enum kith_status st;

	*filled = 0;
	/*
	 * Follow-ups and key dates: the strength first (one row; most
	 * people are far from 100), then the deal; with both the bound is
	 * the score, and the names are read only for a candidate still on
	 * top then.
	 */
	if ((c->kind == REVIEW_FOLLOWUP || c->kind == REVIEW_KEYDATE) &&
	    (c->value < 0 || c->strength < 0)) {
		if (c->strength < 0)
			st = read_strength(db, c, err);
		else
			st = read_value(db, c, err);
		if (st != KITH_OK)
			return st;
		c->bound = review_bound(c);
		return KITH_OK;
	}
	*filled = 1;
	it->kind = c->kind;
	it->ref = c->ref;
	it->late = c->late;
	memcpy(it->day, c->day, sizeof it->day);
	review_cand_key(c, it->key, sizeof it->key);
	switch (c->kind) {
	case REVIEW_FOLLOWUP:
		return fill_followup(db, c, it, err);
	case REVIEW_CADENCE:
		return fill_cadence(db, c, it, err);
	case REVIEW_KEYDATE:
		return fill_keydate(db, c, it, err);
	case REVIEW_DEAL:
		return fill_deal(db, c, it, err);
	}
	return KITH_OK;
}

void
review_list_free(struct review_list *l)
{
	size_t	i;

	for (i = 0; i < l->n; i++)
		free(l->c[i].label);
	free(l->c);
	l->c = NULL;
	l->n = l->cap = 0;
}

void
review_item_clear(struct review_item *it)
{
	free(it->name);
	free(it->what);
	free(it->hint);
	it->name = it->what = it->hint = NULL;
}
