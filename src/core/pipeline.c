/* SPDX-License-Identifier: MIT */
/*
 * The pipeline's numbers (pipeline.h), each an aggregate SQLite works out
 * along an index.  The per-stage totals group the deals of each open stage
 * by currency along deal_by_stage (stage_id, currency, value_cents), which
 * covers what they read: no deal's row is visited.  The report's periods
 * are ranges of deal_by_closed and deal_by_created and read the rows in
 * those ranges only; the stalled deals are counted off deal_by_touch and
 * only the listed ones are read in full.  The report runs in one read
 * transaction, so its figures agree with each other.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/deal.h"
#include "kith/money.h"
#include "kith/pipeline.h"
#include "kith/util.h"
#include "internal.h"

#define DAY_SECONDS	86400

/* A stalled deal before it is read in full. */
struct cand {
	int64_t		 id;
	int64_t		 touched;
};

static int64_t	weigh(int64_t, int);
static int	currency_cmp(const char *, const char *);
static void	add_amount(struct pipeline_stage_total *, const char *, long,
		    int64_t);
static struct pipeline_flow *flow_of(struct pipeline_period *,
		    const char *);
static enum kith_status periods(struct kith_db *, const char *,
		    struct pipeline_report *, struct kith_err *);
static int	cand_cmp(const void *, const void *);
static void	cand_add(struct cand **, size_t *, int64_t, int64_t);
static enum kith_status stalled(struct kith_db *, const char *, size_t,
		    struct pipeline_report *, struct kith_err *);
static long	rounded_div(int64_t, int64_t);
static void	sum_stages(struct pipeline_report *);

/* Currency codes in order, "" (no currency) after every code. */
static int
currency_cmp(const char *a, const char *b)
{
	if (*a == '\0' || *b == '\0')
		return (*a == '\0') - (*b == '\0');
	return strcmp(a, b);
}

/* total × probability / 100 to the nearest unit, half away from 0. */
static int64_t
weigh(int64_t total, int probability)
{
	int64_t	p = total * probability;

	return p >= 0 ? (p + 50) / 100 : -((-p + 50) / 100);
}

static void
add_amount(struct pipeline_stage_total *t, const char *currency, long count,
    int64_t total)
{
	struct pipeline_amount	*a;

	t->amounts = xreallocarray(t->amounts, t->n_amounts + 1,
	    sizeof *t->amounts);
	a = &t->amounts[t->n_amounts++];
	memset(a, 0, sizeof *a);
	snprintf(a->currency, sizeof a->currency, "%s",
	    currency != NULL ? currency : "");
	a->count = count;
	a->total = total;
	a->weighted = weigh(total, t->probability);
	t->count += count;
}

/*
 * One row per open stage and currency, stages in board order.  The LEFT
 * JOIN keeps empty stages (with a NULL currency and a count of 0); the
 * inner side is a range of deal_by_stage per stage, grouped in index
 * order.
 */
enum kith_status
pipeline_stage_totals(struct kith_db *db, const char *currency,
    struct pipeline_stage_total **out, size_t *n, struct kith_err *err)
{
	struct pipeline_stage_total	*r = NULL, *t = NULL;
	sqlite3_stmt			*stmt;
	char				 cur[KITH_CURRENCY_LEN];
	size_t				 count = 0;
	int64_t				 id;
	int				 rc;

	*out = NULL;
	*n = 0;
	if (!str_empty(currency) &&
	    money_currency(currency, cur, err) != KITH_OK)
		return KITH_INVALID;
	if ((stmt = db_stmt(db, "SELECT s.id, s.name, s.probability, "
	    "s.stall_days, d.currency, count(d.stage_id), "
	    "coalesce(sum(d.value_cents), 0) FROM stage s "
	    "LEFT JOIN deal d ON d.stage_id = s.id "
	    "AND (?1 IS NULL OR d.currency = ?1) "
	    "WHERE s.kind = 'open' GROUP BY s.id, d.currency "
	    "ORDER BY s.pos, s.id, d.currency IS NULL, d.currency", err)) ==
	    NULL)
		return KITH_DB;
	if (!str_empty(currency))
		sqlite3_bind_text(stmt, 1, cur, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		id = sqlite3_column_int64(stmt, 0);
		if (t == NULL || t->stage != id) {
			r = xreallocarray(r, count + 1, sizeof *r);
			t = &r[count++];
			memset(t, 0, sizeof *t);
			t->stage = id;
			t->name = db_col_text(stmt, 1);
			t->probability = sqlite3_column_int(stmt, 2);
			t->stall_days = sqlite3_column_int(stmt, 3);
		}
		if (sqlite3_column_int64(stmt, 5) == 0)
			continue;
		add_amount(t, (const char *)sqlite3_column_text(stmt, 4),
		    (long)sqlite3_column_int64(stmt, 5),
		    sqlite3_column_int64(stmt, 6));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		pipeline_stage_totals_free(r, count);
		return db_fail(db, err, "adding up the pipeline");
	}
	*out = r;
	*n = count;
	return KITH_OK;
}

void
pipeline_stage_totals_free(struct pipeline_stage_total *r, size_t n)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(r[i].name);
		free(r[i].amounts);
	}
	free(r);
}

/* n / d to the nearest whole number, half up; n, d >= 0, d > 0. */
static long
rounded_div(int64_t n, int64_t d)
{
	return (long)((n + d / 2) / d);
}

/* The period's entry for currency (NULL for none), made if missing. */
static struct pipeline_flow *
flow_of(struct pipeline_period *p, const char *currency)
{
	struct pipeline_flow	*f;
	size_t			 i;

	if (currency == NULL)
		currency = "";
	for (i = 0; i < p->n_flows; i++)
		if (strcmp(p->flows[i].currency, currency) == 0)
			return &p->flows[i];
	p->flows = xreallocarray(p->flows, p->n_flows + 1, sizeof *p->flows);
	/* Kept in code order, as the stage totals are. */
	for (i = p->n_flows; i > 0 &&
	    currency_cmp(p->flows[i - 1].currency, currency) > 0; i--)
		p->flows[i] = p->flows[i - 1];
	p->n_flows++;
	f = &p->flows[i];
	memset(f, 0, sizeof *f);
	snprintf(f->currency, sizeof f->currency, "%s", currency);
	return f;
}

/*
 * Fills the periods (the shorter first; each ends now): the deals closed
 * in the longest one, a range of the partial index deal_by_closed whose
 * rows are read for kind, currency, value and creation, grouped by kind
 * and currency with the shorter period's share filtered out of the same
 * rows; then the count of those created in it, a range of
 * deal_by_created.  Each deal is read once whatever the number of
 * periods.  cur is NULL or a checked code.
 */
static enum kith_status
periods(struct kith_db *db, const char *cur, struct pipeline_report *r,
    struct kith_err *err)
{
	static const int	 days[PIPELINE_PERIODS] = { 30, 90 };
	struct pipeline_period	*p;
	struct pipeline_flow	*f;
	sqlite3_stmt		*stmt;
	const char		*kind, *code;
	int64_t			 now, since[PIPELINE_PERIODS];
	int64_t			 age[PIPELINE_PERIODS] = { 0 }, v;
	long			 n;
	int			 i, rc, won;

	now = (int64_t)r->now;
	for (i = 0; i < PIPELINE_PERIODS; i++) {
		p = &r->periods[i];
		p->days = days[i];
		p->win_rate = -1;
		p->avg_days = -1;
		since[i] = now - (int64_t)days[i] * DAY_SECONDS;
	}
	_Static_assert(PIPELINE_PERIODS == 2, "one filter per shorter period");
	if ((stmt = db_stmt(db, "SELECT s.kind, d.currency, "
	    "count(*) FILTER (WHERE d.closed_at >= ?4), "
	    "coalesce(sum(d.value_cents) FILTER (WHERE d.closed_at >= ?4), 0), "
	    "coalesce(sum(d.closed_at - d.created) "
	    "FILTER (WHERE d.closed_at >= ?4), 0), "
	    "count(*), coalesce(sum(d.value_cents), 0), "
	    "coalesce(sum(d.closed_at - d.created), 0) "
	    "FROM deal d JOIN stage s ON s.id = d.stage_id "
	    "WHERE d.closed_at >= ?1 AND d.closed_at <= ?2 "
	    "AND s.kind IN ('won', 'lost') "
	    "AND (?3 IS NULL OR d.currency = ?3) "
	    "GROUP BY s.kind, d.currency", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, since[1]);
	sqlite3_bind_int64(stmt, 2, now);
	if (cur != NULL)
		sqlite3_bind_text(stmt, 3, cur, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 4, since[0]);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		kind = (const char *)sqlite3_column_text(stmt, 0);
		won = kind != NULL && strcmp(kind, "won") == 0;
		code = (const char *)sqlite3_column_text(stmt, 1);
		for (i = 0; i < PIPELINE_PERIODS; i++) {
			if ((n = (long)sqlite3_column_int64(stmt,
			    2 + 3 * i)) == 0)
				continue;
			p = &r->periods[i];
			f = flow_of(p, code);
			v = sqlite3_column_int64(stmt, 3 + 3 * i);
			if (won) {
				f->won += n;
				f->won_total += v;
				p->won += n;
			} else {
				f->lost += n;
				f->lost_total += v;
				p->lost += n;
			}
			age[i] += sqlite3_column_int64(stmt, 4 + 3 * i);
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "adding up the deals won and lost");
	for (i = 0; i < PIPELINE_PERIODS; i++) {
		p = &r->periods[i];
		if (p->won + p->lost == 0)
			continue;
		p->win_rate = (int)rounded_div((int64_t)p->won * 100,
		    p->won + p->lost);
		p->avg_days = rounded_div(age[i] < 0 ? 0 : age[i],
		    (int64_t)(p->won + p->lost) * DAY_SECONDS);
	}

	/* Unfiltered, a count of index entries: no deal's row is read. */
	if ((stmt = db_stmt(db, cur == NULL ? "SELECT "
	    "count(*) FILTER (WHERE created >= ?3), count(*) FROM deal "
	    "WHERE created >= ?1 AND created <= ?2" : "SELECT "
	    "count(*) FILTER (WHERE created >= ?3), count(*) FROM deal "
	    "WHERE created >= ?1 AND created <= ?2 AND currency = ?4",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, since[1]);
	sqlite3_bind_int64(stmt, 2, now);
	sqlite3_bind_int64(stmt, 3, since[0]);
	if (cur != NULL)
		sqlite3_bind_text(stmt, 4, cur, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		for (i = 0; i < PIPELINE_PERIODS; i++)
			r->periods[i].opened =
			    (long)sqlite3_column_int64(stmt, i);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "counting the deals opened");
	return KITH_OK;
}

/* Orders candidates by last touch, then id. */
static int
cand_cmp(const void *a, const void *b)
{
	const struct cand	*x = a, *y = b;

	if (x->touched != y->touched)
		return x->touched < y->touched ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

static void
cand_add(struct cand **c, size_t *n, int64_t id, int64_t touched)
{
	*c = xreallocarray(*c, *n + 1, sizeof **c);
	(*c)[*n].id = id;
	(*c)[*n].touched = touched;
	(*n)++;
}

/*
 * The stalled deals.  A deal is stalled by touch (its stage's range of
 * deal_by_touch below now minus the stall days) or by an overdue
 * follow-up (a range of followup_pending, bounded by the pending ones).
 * Counted as |touch| + |follow-up but not touch|: the first is an index
 * count.  Listed: the limit longest untouched of each stage's touch range
 * (each an index walk of at most limit entries) and every deal with an
 * overdue follow-up, sorted, the first limit of them read in full.  No
 * work in proportion to the deals that are fine, or to the stalled ones
 * beyond the count.
 */
static enum kith_status
stalled(struct kith_db *db, const char *cur, size_t limit,
    struct pipeline_report *r, struct kith_err *err)
{
	const struct pipeline_stage_total *t;
	struct pipeline_stalled	*x;
	struct cand		*c = NULL;
	sqlite3_stmt		*stmt;
	const char		*due;
	enum kith_status	 st = KITH_OK;
	char			 today[KITH_DATE_LEN];
	int64_t			 now = (int64_t)r->now;
	int64_t			 day = deal_day_start(now);	/* deal.h */
	size_t			 n = 0, i;
	int			 rc;

	db_today(db, today);
	/* Stalled by touch: counted off the index alone when unfiltered. */
	if ((stmt = db_stmt(db, cur == NULL ? "SELECT count(*) FROM stage s "
	    "JOIN deal d ON d.stage_id = s.id "
	    "AND d.touched < ?1 - s.stall_days * 86400 WHERE s.kind = 'open'" :
	    "SELECT count(*) FROM stage s JOIN deal d ON d.stage_id = s.id "
	    "AND d.touched < ?1 - s.stall_days * 86400 WHERE s.kind = 'open' "
	    "AND d.currency = ?2", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, day);
	if (cur != NULL)
		sqlite3_bind_text(stmt, 2, cur, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r->stalled_total = (long)sqlite3_column_int64(stmt, 0);
		rc = SQLITE_DONE;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "counting the stalled deals");

	/* The longest untouched of each open stage. */
	for (i = 0; limit > 0 && i < r->n_stages; i++) {
		t = &r->stages[i];
		if ((stmt = db_stmt(db, "SELECT d.id, d.touched FROM deal d "
		    "WHERE d.stage_id = ?1 AND d.touched < ?2 "
		    "AND (?3 IS NULL OR d.currency = ?3) "
		    "ORDER BY d.touched, d.id LIMIT ?4", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, t->stage);
		sqlite3_bind_int64(stmt, 2, day -
		    (int64_t)t->stall_days * DAY_SECONDS);
		if (cur != NULL)
			sqlite3_bind_text(stmt, 3, cur, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 4, (int64_t)limit);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			cand_add(&c, &n, sqlite3_column_int64(stmt, 0),
			    sqlite3_column_int64(stmt, 1));
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "finding the stalled deals");
			goto out;
		}
	}

	/*
	 * Open deals with an overdue follow-up, each once (the IN list is
	 * a range of followup_deal_pending); those not stalled by touch add
	 * to the count.  Their stage and touch come from deal_touch_by_id, a
	 * few pages, rather than from the deals' rows, hundreds of them.
	 */
	if ((stmt = db_stmt(db, "SELECT d.id, d.touched, "
	    "d.touched < ?1 - s.stall_days * 86400 FROM deal d "
	    "INDEXED BY deal_touch_by_id JOIN stage s ON s.id = d.stage_id "
	    "WHERE d.id IN "
	    "(SELECT f.deal_id FROM followup f WHERE f.done_at IS NULL "
	    "AND f.due < ?2 AND f.deal_id IS NOT NULL) "
	    "AND s.kind = 'open' AND (?3 IS NULL OR d.currency = ?3)",
	    err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, day);
	sqlite3_bind_text(stmt, 2, today, -1, SQLITE_TRANSIENT);
	if (cur != NULL)
		sqlite3_bind_text(stmt, 3, cur, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (sqlite3_column_int(stmt, 2) == 0)
			r->stalled_total++;
		if (limit > 0)
			cand_add(&c, &n, sqlite3_column_int64(stmt, 0),
			    sqlite3_column_int64(stmt, 1));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "finding the stalled deals");
		goto out;
	}

	/* The first limit, each deal once (its entries are next to each
	 * other: same touch, same id), read in full. */
	if (n > 0)
		qsort(c, n, sizeof *c, cand_cmp);
	for (i = 0; i < n && r->n_stalled < limit; i++) {
		if (i > 0 && c[i].id == c[i - 1].id)
			continue;
		if ((stmt = db_stmt(db, "SELECT d.title, s.name, s.stall_days, "
		    "(SELECT min(f.due) FROM followup f WHERE f.deal_id = d.id "
		    "AND f.done_at IS NULL AND f.due < ?2) "
		    "FROM deal d JOIN stage s ON s.id = d.stage_id "
		    "WHERE d.id = ?1", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, c[i].id);
		sqlite3_bind_text(stmt, 2, today, -1, SQLITE_TRANSIENT);
		if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
			sqlite3_reset(stmt);
			st = db_fail(db, err, "reading a stalled deal");
			goto out;
		}
		r->stalled = xreallocarray(r->stalled, r->n_stalled + 1,
		    sizeof *r->stalled);
		x = &r->stalled[r->n_stalled++];
		memset(x, 0, sizeof *x);
		x->deal = c[i].id;
		x->title = db_col_text(stmt, 0);
		x->stage = db_col_text(stmt, 1);
		x->stall_days = sqlite3_column_int(stmt, 2);
		x->days = deal_idle_days(c[i].touched, now);
		if ((due = (const char *)sqlite3_column_text(stmt, 3)) != NULL)
			x->overdue = date_diff_days(due, today);
		sqlite3_reset(stmt);
	}
out:
	free(c);
	return st;
}

/* r->totals: the open stages' amounts added up per currency code. */
static void
sum_stages(struct pipeline_report *r)
{
	const struct pipeline_amount	*a;
	struct pipeline_amount		*t;
	size_t				 i, j, k;

	for (i = 0; i < r->n_stages; i++) {
		for (j = 0; j < r->stages[i].n_amounts; j++) {
			a = &r->stages[i].amounts[j];
			for (k = 0; k < r->n_totals; k++)
				if (currency_cmp(r->totals[k].currency,
				    a->currency) >= 0)
					break;
			if (k == r->n_totals || strcmp(r->totals[k].currency,
			    a->currency) != 0) {
				r->totals = xreallocarray(r->totals,
				    r->n_totals + 1, sizeof *r->totals);
				memmove(&r->totals[k + 1], &r->totals[k],
				    (r->n_totals - k) * sizeof *r->totals);
				r->n_totals++;
				t = &r->totals[k];
				memset(t, 0, sizeof *t);
				memcpy(t->currency, a->currency,
				    sizeof t->currency);
			}
			t = &r->totals[k];
			t->count += a->count;
			t->total += a->total;
			t->weighted += a->weighted;
		}
	}
}

enum kith_status
pipeline_report(struct kith_db *db, const char *currency,
    size_t stalled_limit, struct pipeline_report **out, struct kith_err *err)
{
	struct pipeline_report	*r;
	enum kith_status	 st;
	char			 cur[KITH_CURRENCY_LEN];
	const char		*c = NULL;
	struct db_read		 snap;

	*out = NULL;
	if (!str_empty(currency)) {
		if (money_currency(currency, cur, err) != KITH_OK)
			return KITH_INVALID;
		c = cur;
	}
	r = xcalloc(1, sizeof *r);
	r->now = kith_db_now(db);
	/*
	 * One read snapshot (db_read_begin: deferred, so a read-only book
	 * works) so that every figure sees the same book.  The file is
	 * memory-mapped meanwhile: the report reads a few
	 * thousand pages a process has usually not read yet (the deals
	 * closed lately, those with an overdue follow-up), and mapped pages
	 * cost neither a copy nor a fresh page of heap each; that halved
	 * the report's time at 100,000 deals (tests/bench/README.md).
	 */
	if ((st = db_read_begin(db, &snap, DB_READ_MAP, err)) != KITH_OK)
		goto fail;
	if ((st = pipeline_stage_totals(db, c, &r->stages, &r->n_stages,
	    err)) != KITH_OK)
		goto out;
	sum_stages(r);
	if ((st = periods(db, c, r, err)) != KITH_OK)
		goto out;
	st = stalled(db, c, stalled_limit, r, err);
out:
	db_read_end(db, &snap);
	if (st == KITH_OK) {
		*out = r;
		return KITH_OK;
	}
fail:
	pipeline_report_free(r);
	return st;
}

void
pipeline_report_free(struct pipeline_report *r)
{
	size_t	i;
	int	p;

	if (r == NULL)
		return;
	pipeline_stage_totals_free(r->stages, r->n_stages);
	free(r->totals);
	for (p = 0; p < PIPELINE_PERIODS; p++)
		free(r->periods[p].flows);
	for (i = 0; i < r->n_stalled; i++) {
		free(r->stalled[i].title);
		free(r->stalled[i].stage);
	}
	free(r->stalled);
	free(r);
}
