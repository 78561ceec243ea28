/* SPDX-License-Identifier: MIT */
/*
 * The daily review queue (review.h): gathering what is owed from indexes
 * (pending follow-ups by day, contacts by cadence due day, birthdays by
 * month and day, deals by stage and last touch), scoring each item with
 * the one formula below, and the day's decisions.  The weights of the
 * score live here and nowhere else; README quotes them.
 */
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/cadence.h"
#include "kith/followup.h"
#include "kith/keydate.h"
#include "kith/review.h"
#include "kith/strength.h"
#include "kith/util.h"
#include "internal.h"

#define DAY		86400
#define LATE_PER_DAY	2
#define LATE_MIN	(-14)
#define LATE_MAX	40
#define STRENGTH_DIV	5
#define DEAL_MAX	20

struct gather {
	struct kith_db		*db;
	struct review_item	*items;
	size_t			 n, cap;
	char			 today[KITH_DATE_LEN];
	enum kith_status	 st;
	struct kith_err		*err;
};

static struct review_item *item_new(struct gather *);
static void	 set_label(struct review_item *, const char *);
static void	 col_date(sqlite3_stmt *, int, char [KITH_DATE_LEN]);
static enum kith_status score_followups(struct gather *);
static int	 cmp_score(const void *, const void *);
static void	 term(struct review_item *, const char *, double,
		    const char *, ...) __attribute__((format(printf, 4, 5)));
static void	 score_common(struct review_item *, int, int64_t);
static void	 finish(struct review_item *);
static int	 on_followup(const struct followup *, void *);
static enum kith_status contact_extra(struct kith_db *, int64_t, int *,
		    int64_t *, struct kith_err *);
static enum kith_status deal_value(struct kith_db *, int64_t, int64_t *,
		    struct kith_err *);
static enum kith_status add_cadences(struct gather *, int);
static enum kith_status add_keydates(struct gather *, int,
		    enum keydate_feb29);
static enum kith_status add_deals(struct gather *);
static int	 cmp_item(const void *, const void *);
static int	 cmp_str(const void *, const void *);
static void	 item_clear(struct review_item *);
static enum kith_status decide(struct kith_db *, const struct review_item *,
		    enum review_decision, const char *, const char *, int *,
		    struct kith_err *);

const char *
review_kind_name(enum review_kind k)
{
	switch (k) {
	case REVIEW_FOLLOWUP:	return "follow-up";
	case REVIEW_CADENCE:	return "cadence";
	case REVIEW_KEYDATE:	return "key date";
	case REVIEW_DEAL:	return "deal";
	}
	return "";
}

const char *
review_item_kind(const struct review_item *it)
{
	return it->label[0] != '\0' ? it->label : review_kind_name(it->kind);
}

int
review_priority(int score)
{
	int	p;

	if (score < 0)
		return 9;
	p = 8 - score / 8;
	return p < 1 ? 1 : p > 9 ? 9 : p;
}

/* label into it->label, cut at a character if too long. */
static void
set_label(struct review_item *it, const char *label)
{
	size_t	len;

	snprintf(it->label, sizeof it->label, "%s", label);
	len = strlen(it->label);
	if (len == sizeof it->label - 1 && strlen(label) > len)
		while (len > 0 && ((unsigned char)it->label[len] & 0xC0) ==
		    0x80)
			it->label[--len] = '\0';
}

static void
col_date(sqlite3_stmt *stmt, int idx, char out[KITH_DATE_LEN])
{
	const unsigned char	*t = sqlite3_column_text(stmt, idx);

	snprintf(out, KITH_DATE_LEN, "%s", t != NULL ? (const char *)t : "");
}

static struct review_item *
item_new(struct gather *g)
{
	struct review_item	*it;

	if (g->n == g->cap) {
		g->cap = g->cap ? g->cap * 2 : 32;
		g->items = xreallocarray(g->items, g->cap, sizeof *g->items);
	}
	it = &g->items[g->n++];
	memset(it, 0, sizeof *it);
	return it;
}

static void
term(struct review_item *it, const char *name, double value,
    const char *fmt, ...)
{
	struct review_term	*t;
	va_list			 ap;

	if (it->n_terms == REVIEW_TERMS)
		return;
	t = &it->terms[it->n_terms++];
	t->name = name;
	t->value = value;
	va_start(ap, fmt);
	vsnprintf(t->why, sizeof t->why, fmt, ap);
	va_end(ap);
}

/* The lateness, strength and deal terms every item may have. */
static void
score_common(struct review_item *it, int strength, int64_t value_cents)
{
	long	late = it->late * LATE_PER_DAY;
	double	v;

	if (late < LATE_MIN)
		late = LATE_MIN;
	if (late > LATE_MAX)
		late = LATE_MAX;
	if (it->late > 0)
		term(it, "lateness", (double)late, "%ld day%s late",
		    it->late, it->late == 1 ? "" : "s");
	else if (it->late < 0)
		term(it, "lateness", (double)late, "in %ld day%s", -it->late,
		    it->late == -1 ? "" : "s");
	if (strength > 0)
		term(it, "strength", (double)strength / STRENGTH_DIV,
		    "strength %d", strength);
	if (value_cents >= 100) {
		v = 5.0 * log10((double)value_cents / 100.0) - 10.0;
		if (v > DEAL_MAX)
			v = DEAL_MAX;
		if (v > 0)
			term(it, "deal", v, "open deal %lld",
			    (long long)(value_cents / 100));
	}
}

static void
finish(struct review_item *it)
{
	double	sum = 0;
	size_t	i;

	for (i = 0; i < it->n_terms; i++)
		sum += it->terms[i].value;
	it->score = (int)floor(sum + 0.5);
}

/* The contact's strength (manual if set) and largest open deal. */
static enum kith_status
contact_extra(struct kith_db *db, int64_t id, int *strength, int64_t *value,
    struct kith_err *err)
{
	struct strength	 s;
	enum kith_status st;
	sqlite3_stmt	*stmt;

	*strength = 0;
	*value = 0;
	if ((st = strength_get(db, id, &s, err)) != KITH_OK)
		return st;
	*strength = s.score;
	if ((stmt = db_stmt(db, "SELECT max(d.value_cents) FROM deal_contact "
	    "dc JOIN deal d ON d.id = dc.deal_id JOIN stage s ON s.id = "
	    "d.stage_id WHERE dc.contact_id = ?1 AND s.kind = 'open'", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*value = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return KITH_OK;
}

static enum kith_status
deal_value(struct kith_db *db, int64_t deal, int64_t *value,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	*value = 0;
	if ((stmt = db_stmt(db, "SELECT d.value_cents FROM deal d JOIN stage "
	    "s ON s.id = d.stage_id WHERE d.id = ?1 AND s.kind = 'open'",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, deal);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*value = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return KITH_OK;
}

/* followup_each_due's callback: only copies (no queries while it walks). */
static int
on_followup(const struct followup *f, void *arg)
{
	struct gather		*g = arg;
	struct review_item	*it = item_new(g);

	it->kind = REVIEW_FOLLOWUP;
	it->ref = f->id;
	it->contact = f->contact;
	it->name = xstrdup(f->contact_name ? f->contact_name :
	    f->deal_title ? f->deal_title : "");
	it->what = f->deal_title ? xasprintf("%s (%s)", f->action,
	    f->deal_title) : xstrdup(f->action);
	it->late = f->late;
	it->deal = f->deal;
	memcpy(it->day, f->due, sizeof it->day);
	snprintf(it->key, sizeof it->key, "followup:%lld", (long long)f->id);
	return 0;
}

/* The terms of the follow-ups gathered in g (from on_followup). */
static enum kith_status
score_followups(struct gather *g)
{
	struct review_item	*it;
	enum kith_status	 st;
	int64_t			 value;
	size_t			 i;
	int			 strength;

	for (i = 0; i < g->n; i++) {
		it = &g->items[i];
		strength = 0;
		value = 0;
		if (it->contact != 0 && (st = contact_extra(g->db,
		    it->contact, &strength, &value, g->err)) != KITH_OK)
			return st;
		if (value == 0 && it->deal != 0 && (st = deal_value(g->db,
		    it->deal, &value, g->err)) != KITH_OK)
			return st;
		if (it->late > 0)
			term(it, "tier", 30, "overdue follow-up");
		else if (it->late == 0)
			term(it, "tier", 25, "follow-up due today");
		else
			term(it, "tier", 10, "follow-up coming");
		score_common(it, strength, value);
		finish(it);
	}
	return KITH_OK;
}

static int
cmp_score(const void *a, const void *b)
{
	const struct review_score *x = a, *y = b;

	return x->followup < y->followup ? -1 : x->followup > y->followup;
}

enum kith_status
review_followup_scores(struct kith_db *db, struct review_score **out,
    size_t *n, struct kith_err *err)
{
	struct gather		 g;
	enum kith_status	 st;
	size_t			 i;

	*out = NULL;
	*n = 0;
	memset(&g, 0, sizeof g);
	g.db = db;
	g.err = err;
	db_today(db, g.today);
	/* Ahead, lateness stops counting after 7 days: 100 years is all. */
	if ((st = followup_each_due(db, 36500, on_followup, &g, err)) ==
	    KITH_OK)
		st = score_followups(&g);
	if (st == KITH_OK && g.n > 0) {
		*out = xreallocarray(NULL, g.n, sizeof **out);
		for (i = 0; i < g.n; i++) {
			(*out)[i].followup = g.items[i].ref;
			(*out)[i].score = g.items[i].score;
			(*out)[i].priority = review_priority(
			    g.items[i].score);
		}
		*n = g.n;
		qsort(*out, *n, sizeof **out, cmp_score);
	}
	for (i = 0; i < g.n; i++)
		item_clear(&g.items[i]);
	free(g.items);
	return st;
}

/*
 * Due cadences, with what their score needs read in the same statement
 * (the strength's summary columns, the largest open deal): one index
 * range over contact_by_due, no query per contact.
 */
static enum kith_status
add_cadences(struct gather *g, int days)
{
	sqlite3_stmt		*stmt;
	struct review_item	*it;
	struct strength_input	 in;
	struct strength		 s;
	enum cadence_state	 state;
	char			 until[KITH_DATE_LEN], due[KITH_DATE_LEN];
	char			 over[KITH_DATE_LEN], first[KITH_DATE_LEN];
	char			 last[KITH_DATE_LEN];
	int			 rc, ideal;

	if (!date_add_days(g->today, days > 0 ? days : 0, until))
		memcpy(until, g->today, sizeof until);
	if ((stmt = db_stmt(g->db, "SELECT c.id, c.display, c.due_on, "
	    "c.overdue_on, c.cadence_snoozes, c.cad_ideal, c.touch_first, "
	    "c.touch_last, c.touch_n, c.touch_w, c.touch_in, c.touch_out, "
	    "c.strength_set, (SELECT max(d.value_cents) FROM deal_contact dc "
	    "JOIN deal d ON d.id = dc.deal_id JOIN stage s ON s.id = "
	    "d.stage_id WHERE dc.contact_id = c.id AND s.kind = 'open') "
	    "FROM contact c WHERE c.due_on IS NOT NULL AND c.due_on <= ?1 "
	    "AND c.archived = 0", g->err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, until, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		it = item_new(g);
		it->kind = REVIEW_CADENCE;
		it->ref = it->contact = sqlite3_column_int64(stmt, 0);
		it->name = db_col_text(stmt, 1);
		col_date(stmt, 2, due);
		col_date(stmt, 3, over);
		it->snoozes = sqlite3_column_int(stmt, 4);
		ideal = sqlite3_column_int(stmt, 5);
		col_date(stmt, 6, first);
		col_date(stmt, 7, last);
		state = cadence_state_on(due, over, g->today, &it->late);
		memcpy(it->day, due, sizeof it->day);
		snprintf(it->key, sizeof it->key, "cadence:%lld",
		    (long long)it->ref);
		if (last[0] != '\0')
			it->what = xasprintf("keep in touch every %d days "
			    "(last %s)", ideal, last);
		else
			it->what = xasprintf("keep in touch every %d days "
			    "(never touched)", ideal);
		if (state == KITH_CADENCE_OVERDUE)
			term(it, "tier", 25, "overdue cadence");
		else if (state == KITH_CADENCE_DUE)
			term(it, "tier", 15, "due cadence");
		else
			term(it, "tier", 5, "cadence coming due");
		strength_input_of(first, last, sqlite3_column_int64(stmt, 8),
		    sqlite3_column_int64(stmt, 9),
		    sqlite3_column_int64(stmt, 10),
		    sqlite3_column_int64(stmt, 11), g->today, &in);
		strength_compute(&in, &s);
		if (sqlite3_column_type(stmt, 12) != SQLITE_NULL)
			s.score = sqlite3_column_int(stmt, 12);
		score_common(it, s.score, sqlite3_column_int64(stmt, 13));
		finish(it);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(g->db, g->err, "reading due cadences");
	return KITH_OK;
}

static enum kith_status
add_keydates(struct gather *g, int days, enum keydate_feb29 f)
{
	struct keydate		*k;
	struct review_item	*it;
	enum kith_status	 st;
	size_t			 n, i;
	int64_t			 value;
	int			 strength;

	if ((st = keydate_upcoming(g->db, days > KEYDATE_LEAD ? days :
	    KEYDATE_LEAD, f, &k, &n, g->err)) != KITH_OK)
		return st;
	for (i = 0; i < n; i++) {
		it = item_new(g);
		it->kind = REVIEW_KEYDATE;
		it->ref = it->contact = k[i].contact;
		set_label(it, k[i].label);
		it->name = k[i].name;
		k[i].name = NULL;
		it->late = -k[i].days;
		memcpy(it->day, k[i].on, sizeof it->day);
		snprintf(it->key, sizeof it->key, "keydate:%lld:%s",
		    (long long)it->ref, k[i].on);
		if (k[i].age >= 0)
			it->what = xasprintf("%s %s (%d)", k[i].label,
			    k[i].days == 0 ? "today" : k[i].on, k[i].age);
		else
			it->what = xasprintf("%s %s", k[i].label,
			    k[i].days == 0 ? "today" : k[i].on);
		if (k[i].days == 0)
			term(it, "tier", 30, "%s today", k[i].label);
		else
			term(it, "tier", 15, "%s this week", k[i].label);
		if ((st = contact_extra(g->db, it->contact, &strength, &value,
		    g->err)) != KITH_OK)
			break;
		score_common(it, strength, value);
		finish(it);
	}
	keydate_list_free(k, n);
	return st;
}

static enum kith_status
add_deals(struct gather *g)
{
	sqlite3_stmt		*stmt;
	struct review_item	*it;
	int64_t			 now = (int64_t)kith_db_now(g->db), touched;
	int			 rc, stall;

	if ((stmt = db_stmt(g->db, "SELECT d.id, d.title, d.touched, "
	    "s.stall_days, d.value_cents FROM stage s JOIN deal d ON "
	    "d.stage_id = s.id WHERE s.kind = 'open' AND d.touched < "
	    "?1 - s.stall_days * 86400", g->err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, now);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		it = item_new(g);
		it->kind = REVIEW_DEAL;
		it->ref = it->deal = sqlite3_column_int64(stmt, 0);
		it->name = db_col_text(stmt, 1);
		touched = sqlite3_column_int64(stmt, 2);
		stall = sqlite3_column_int(stmt, 3);
		it->late = (long)((now - touched) / DAY) - stall;
		it->what = xasprintf("stalled: no touch for %ld days",
		    (long)((now - touched) / DAY));
		date_from_time((time_t)touched, it->day);
		snprintf(it->key, sizeof it->key, "deal:%lld",
		    (long long)it->ref);
		term(it, "tier", 20, "stalled deal");
		score_common(it, 0, sqlite3_column_int64(stmt, 4));
		finish(it);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(g->db, g->err, "reading stalled deals");
	return KITH_OK;
}

static int
cmp_item(const void *a, const void *b)
{
	const struct review_item *x = a, *y = b;
	int			 c;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return x->ref < y->ref ? -1 : x->ref > y->ref;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static void
item_clear(struct review_item *it)
{
	free(it->name);
	free(it->what);
	free(it->hint);
	it->name = it->what = it->hint = NULL;
}

enum kith_status
review_build(struct kith_db *db, const struct review_opts *o,
    struct review **out, struct kith_err *err)
{
	struct gather		 g;
	struct review		*r;
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	char			**done = NULL, *key;
	size_t			 n_done = 0, cap_done = 0, i, j, first;
	int			 rc;
	struct db_read		 snap;

	*out = NULL;
	memset(&g, 0, sizeof g);
	g.db = db;
	g.err = err;
	db_today(db, g.today);
	/* Many small reads over one snapshot: locks taken once. */
	if ((st = db_read_begin(db, &snap, 0, err)) != KITH_OK)
		return st;

	/* Follow-ups first: the walk holds a statement, so score after. */
	if ((st = followup_each_due(db, o->days, on_followup, &g, err))
	    != KITH_OK)
		goto fail;
	if ((st = score_followups(&g)) != KITH_OK)
		goto fail;
	if ((st = add_cadences(&g, o->days)) != KITH_OK ||
	    (st = add_keydates(&g, o->days, o->feb29)) != KITH_OK ||
	    (st = add_deals(&g)) != KITH_OK)
		goto fail;

	/* What was decided today leaves the queue. */
	if ((stmt = db_stmt(db, "SELECT item FROM review_decision WHERE "
	    "day = ?1", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_text(stmt, 1, g.today, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n_done == cap_done) {
			cap_done = cap_done ? cap_done * 2 : 16;
			done = xreallocarray(done, cap_done, sizeof *done);
		}
		done[n_done++] = db_col_text(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "reading today's review");
		goto fail;
	}
	if (n_done > 1)
		qsort(done, n_done, sizeof *done, cmp_str);
	for (i = j = 0; i < g.n; i++) {
		key = g.items[i].key;
		if (n_done > 0 && bsearch(&key, done, n_done, sizeof *done,
		    cmp_str) != NULL) {
			item_clear(&g.items[i]);
			continue;
		}
		g.items[j++] = g.items[i];
	}
	g.n = j;
	if (g.n > 1)
		qsort(g.items, g.n, sizeof *g.items, cmp_item);

	r = xcalloc(1, sizeof *r);
	r->decided = n_done;
	r->total = g.n;
	r->n = g.n;
	if (o->cap > 0)
		r->n = n_done >= o->cap ? 0 : o->cap - n_done < g.n ?
		    o->cap - n_done : g.n;
	r->carried = g.n - r->n;
	for (i = r->n; i < g.n; i++)
		item_clear(&g.items[i]);
	r->items = g.items;
	first = 0;
	for (i = 0; i < r->n; i++) {
		r->items[i].rank = ++first;
		if (r->items[i].contact != 0 && (st = review_org_hint(db,
		    r->items[i].contact, &r->items[i].hint, err)) != KITH_OK) {
			review_free(r);
			goto out;
		}
	}
	*out = r;
	st = KITH_OK;
	goto out;
fail:
	for (i = 0; i < g.n; i++)
		item_clear(&g.items[i]);
	free(g.items);
out:
	db_read_end(db, &snap);
	for (i = 0; i < n_done; i++)
		free(done[i]);
	free(done);
	return st;
}

void
review_free(struct review *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		item_clear(&r->items[i]);
	free(r->items);
	free(r);
}

void
review_explain(const struct review_item *it, char *out, size_t len)
{
	size_t	i, at = 0;
	int	w;

	out[0] = '\0';
	for (i = 0; i < it->n_terms && at < len; i++) {
		const struct review_term *t = &it->terms[i];

		if (t->value == floor(t->value))
			w = snprintf(out + at, len - at, "%s%s %+.0f",
			    i ? " + " : "", t->why, t->value);
		else
			w = snprintf(out + at, len - at, "%s%s %+.1f",
			    i ? " + " : "", t->why, t->value);
		if (w < 0)
			return;
		at += (size_t)w;
	}
	if (at < len)
		snprintf(out + at, len - at, " = %d", it->score);
}

enum kith_status
review_org_hint(struct kith_db *db, int64_t contact, char **out,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		 today[KITH_DATE_LEN], since[KITH_DATE_LEN];
	char		 day[KITH_DATE_LEN], ago[32];
	const char	*kind, *verb;
	long		 d;
	int		 rc;

	*out = NULL;
	db_today(db, today);
	if (!date_add_days(today, -REVIEW_HINT_DAYS, since))
		return KITH_OK;
	if ((stmt = db_stmt(db, "SELECT c.display, o.name, i.kind, "
	    "i.summary, ic.at FROM contact me JOIN org o ON o.id = me.org_id "
	    "JOIN contact c ON c.org_id = me.org_id AND c.id <> me.id "
	    "JOIN interaction_contact ic ON ic.contact_id = c.id AND "
	    "ic.at >= ?2 JOIN interaction i ON i.id = ic.interaction_id "
	    "WHERE me.id = ?1 AND i.kind <> 'note' "
	    "ORDER BY ic.at DESC, ic.interaction_id DESC LIMIT 1", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, contact);
	sqlite3_bind_text(stmt, 2, since, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		kind = (const char *)sqlite3_column_text(stmt, 2);
		verb = strcmp(kind, "call") == 0 ? "was called" :
		    strcmp(kind, "meeting") == 0 ? "was met" :
		    strcmp(kind, "email") == 0 ? "was e-mailed" :
		    "was seen at an event";
		snprintf(day, sizeof day, "%.10s",
		    (const char *)sqlite3_column_text(stmt, 4));
		d = date_diff_days(day, today);
		if (d <= 0)
			snprintf(ago, sizeof ago, "today");
		else if (d == 1)
			snprintf(ago, sizeof ago, "yesterday");
		else
			snprintf(ago, sizeof ago, "%ld days ago", d);
		*out = xasprintf("%s at %s %s %s: %s",
		    sqlite3_column_text(stmt, 0), sqlite3_column_text(stmt, 1),
		    verb, ago, sqlite3_column_text(stmt, 3));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading an organisation's touches");
	return KITH_OK;
}

static enum kith_status
decide(struct kith_db *db, const struct review_item *it,
    enum review_decision d, const char *day, const char *note, int *snoozes,
    struct kith_err *err)
{
	static const char *const names[] = { "done", "snooze", "reschedule",
	    "drop" };
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	struct cadence_spec	 off = { 0, 0 };
	char			 today[KITH_DATE_LEN];
	char			*clean = NULL;

	db_today(db, today);
	if ((d == REVIEW_SNOOZE || d == REVIEW_RESCHEDULE) &&
	    (day == NULL || !date_valid(day)))
		return kith_err_set(err, KITH_INVALID, "%s needs a day "
		    "(YYYY-MM-DD)", names[d]);
	if (it->kind == REVIEW_FOLLOWUP) {
		st = d == REVIEW_DONE ? followup_done(db, it->ref, err) :
		    d == REVIEW_DROP ? followup_drop(db, it->ref, err) :
		    followup_reschedule(db, it->ref, day,
		    d == REVIEW_SNOOZE ? FOLLOWUP_SNOOZE : 0, err);
	} else if (it->kind == REVIEW_CADENCE) {
		if (d == REVIEW_DROP)
			st = cadence_set_contact(db, it->ref, &off, err);
		else if (d == REVIEW_SNOOZE)
			st = cadence_snooze(db, it->ref, day, snoozes, err);
		else if (d == REVIEW_RESCHEDULE)
			st = cadence_reschedule(db, it->ref, day, err);
	}
	if (st != KITH_OK)
		return st;
	if ((st = db_clean_text(db, "note", note, &clean, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "INSERT OR REPLACE INTO review_decision "
	    "(day, item, decision, note, at) VALUES (?1, ?2, ?3, ?4, ?5)",
	    err)) == NULL) {
		free(clean);
		return KITH_DB;
	}
	sqlite3_bind_text(stmt, 1, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, it->key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, names[d], -1, SQLITE_STATIC);
	db_bind_text(stmt, 4, clean);
	sqlite3_bind_int64(stmt, 5, (int64_t)kith_db_now(db));
	free(clean);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "recording a review decision");
	db_own_actionf(db, "review", "review: %s %s (%s)", names[d], it->name,
	    review_item_kind(it));
	return KITH_OK;
}

enum kith_status
review_decide(struct kith_db *db, const struct review_item *it,
    enum review_decision d, const char *day, const char *note, int *snoozes,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, decide(db, it, d, day, note, snoozes, err));
}
