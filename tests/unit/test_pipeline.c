/* SPDX-License-Identifier: MIT */
/*
 * The pipeline's numbers (pipeline.h) with a frozen clock: per-stage totals
 * with currencies kept apart, weighted values, empty stages, the currency
 * filter, the query plan that keeps the totals an index walk, and the
 * report: the last 30 and 90 days, win rate, days to close, stalled deals.  Deals are written with plain SQL, as the schema stores them.
 */
#include <sqlite3.h>

#include "check.h"
#include "testdb.h"
#include "testsql.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/pipeline.h"

#define NOW	1796472000	/* 2026-12-05 12:00 UTC */
#define DAY	86400

static int64_t	deal_sql(struct kith_db *, const char *, const char *,
		    int64_t, const char *, time_t);
static void	sql_touch(struct kith_db *, int64_t, time_t);
static void	sql_close(struct kith_db *, int64_t, time_t);
static void	follow_sql(struct kith_db *, int64_t, const char *, int);
static int64_t	api_deal(struct kith_db *, time_t, const char *,
		    const char *, int64_t, const char *);
static const struct pipeline_amount *amount(
		    const struct pipeline_stage_total *, const char *);



/*
 * A deal in stage, worth cents of currency (NULL for none; cents < 0 for
 * no value), opened at created and last touched then.
 */
static int64_t
deal_sql(struct kith_db *db, const char *title, const char *stage,
    int64_t cents, const char *currency, time_t created)
{
	sqlite3_stmt	*stmt;
	int64_t		 id;

	sqlite3_prepare_v2(kith_db_sqlite(db), "INSERT INTO deal (title, "
	    "title_fold, stage_id, value_cents, currency, created, updated, "
	    "stage_since, touched) VALUES (?1, lower(?1), ?2, ?3, ?4, ?5, ?5, "
	    "?5, ?5)", -1, &stmt, NULL);
	sqlite3_bind_text(stmt, 1, title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, stage_id(db, stage));
	if (cents >= 0)
		sqlite3_bind_int64(stmt, 3, cents);
	if (currency != NULL)
		sqlite3_bind_text(stmt, 4, currency, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 5, created);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		fprintf(stderr, "insert %s: %s\n", title,
		    sqlite3_errmsg(kith_db_sqlite(db)));
		exit(1);
	}
	sqlite3_finalize(stmt);
	id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	return id;
}

static void
sql_touch(struct kith_db *db, int64_t id, time_t when)
{
	char	*sql;

	sql = xasprintf("UPDATE deal SET touched = %lld WHERE id = %lld",
	    (long long)when, (long long)id);
	sql_exec(db, sql);
	free(sql);
}

static void
sql_close(struct kith_db *db, int64_t id, time_t when)
{
	char	*sql;

	sql = xasprintf("UPDATE deal SET closed_at = %lld, stage_since = %lld,"
	    " touched = %lld WHERE id = %lld", (long long)when,
	    (long long)when, (long long)when, (long long)id);
	sql_exec(db, sql);
	free(sql);
}

/* A follow-up on deal id due on day, pending or done. */
static void
follow_sql(struct kith_db *db, int64_t id, const char *day, int done)
{
	char	*sql;

	sql = xasprintf("INSERT INTO followup (deal_id, action, due, done_at, "
	    "created) VALUES (%lld, 'call', '%s', %s, %lld)", (long long)id,
	    day, done ? "1" : "NULL", (long long)NOW - 90 * DAY);
	sql_exec(db, sql);
	free(sql);
}

static const struct pipeline_amount *
amount(const struct pipeline_stage_total *t, const char *currency)
{
	size_t	i;

	for (i = 0; i < t->n_amounts; i++)
		if (strcmp(t->amounts[i].currency, currency) == 0)
			return &t->amounts[i];
	return NULL;
}

/* Dates in the tests are UTC days. */
static void
test_setup(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
}

static void
test_empty_book(void)
{
	struct kith_err			 err = { 0 };
	struct kith_db			*db;
	struct pipeline_stage_total	*t;
	char				*path;
	size_t				 n;

	db = test_db("pipe-empty.db", &path);
	kith_db_set_now(db, NOW);
	CHECK(pipeline_stage_totals(db, NULL, &t, &n, &err) == KITH_OK);
	/* The default open stages, in order, each empty. */
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(t[0].name, "Interest");
		CHECK_INT(t[0].probability, 20);
		CHECK_INT(t[0].stall_days, 30);
		CHECK_STR(t[1].name, "Negotiation");
		CHECK_INT(t[1].probability, 60);
		CHECK_INT(t[0].count, 0);
		CHECK_INT(t[1].count, 0);
		CHECK_INT(t[0].n_amounts, 0);
		CHECK(t[0].amounts == NULL);
	}
	pipeline_stage_totals_free(t, n);
	test_db_done(db, path);
}

static void
test_mixed_currencies(void)
{
	struct kith_err			 err = { 0 };
	struct kith_db			*db;
	struct pipeline_stage_total	*t;
	const struct pipeline_amount	*a;
	char				*path;
	size_t				 n;

	db = test_db("pipe-mixed.db", &path);
	kith_db_set_now(db, NOW);
	deal_sql(db, "Audit", "Interest", 1000000, "EUR", NOW - DAY);
	deal_sql(db, "Merger", "Interest", 250050, "EUR", NOW - DAY);
	deal_sql(db, "Lease", "Interest", 333333, "USD", NOW - DAY);
	deal_sql(db, "Tokyo office", "Interest", 12345600, "JPY", NOW - DAY);
	deal_sql(db, "Pro bono", "Interest", -1, NULL, NOW - DAY);
	deal_sql(db, "Estate", "Negotiation", 99999, "EUR", NOW - DAY);
	/* Closed stages are not part of the open pipeline. */
	deal_sql(db, "Old win", "Won", 500000, "EUR", NOW - 5 * DAY);
	deal_sql(db, "Old loss", "Lost", 700000, "USD", NOW - 5 * DAY);

	CHECK(pipeline_stage_totals(db, NULL, &t, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	if (n != 2)
		goto out;
	CHECK_STR(t[0].name, "Interest");
	CHECK_INT(t[0].count, 5);
	/* EUR, JPY, USD and "" (no currency): each apart, by code. */
	CHECK_INT(t[0].n_amounts, 4);
	if (t[0].n_amounts == 4) {
		CHECK_STR(t[0].amounts[0].currency, "EUR");
		CHECK_STR(t[0].amounts[1].currency, "JPY");
		CHECK_STR(t[0].amounts[2].currency, "USD");
		CHECK_STR(t[0].amounts[3].currency, "");
	}
	if ((a = amount(&t[0], "EUR")) != NULL) {
		CHECK_INT(a->count, 2);
		CHECK_INT(a->total, 1250050);
		/* 20% of 12,500.50 is 2,500.10. */
		CHECK_INT(a->weighted, 250010);
	} else
		CHECK(!"no EUR in Interest");
	if ((a = amount(&t[0], "USD")) != NULL) {
		CHECK_INT(a->count, 1);
		CHECK_INT(a->total, 333333);
		/* 20% of 3,333.33 is 666.666: rounded to 666.67. */
		CHECK_INT(a->weighted, 66667);
	} else
		CHECK(!"no USD in Interest");
	if ((a = amount(&t[0], "JPY")) != NULL) {
		CHECK_INT(a->total, 12345600);
		CHECK_INT(a->weighted, 2469120);
	} else
		CHECK(!"no JPY in Interest");
	if ((a = amount(&t[0], "")) != NULL) {
		CHECK_INT(a->count, 1);
		CHECK_INT(a->total, 0);
		CHECK_INT(a->weighted, 0);
	} else
		CHECK(!"no deal without currency in Interest");
	CHECK_STR(t[1].name, "Negotiation");
	CHECK_INT(t[1].count, 1);
	CHECK_INT(t[1].n_amounts, 1);
	if ((a = amount(&t[1], "EUR")) != NULL) {
		CHECK_INT(a->total, 99999);
		/* 60% of 999.99 is 599.994. */
		CHECK_INT(a->weighted, 59999);
	} else
		CHECK(!"no EUR in Negotiation");
	pipeline_stage_totals_free(t, n);

	/* The report's sums keep the same order: no currency last. */
	{
		struct pipeline_report	*r;

		CHECK(pipeline_report(db, NULL, 0, &r, &err) == KITH_OK);
		if (r != NULL) {
			CHECK_INT(r->n_totals, 4);
			CHECK_STR(r->totals[0].currency, "EUR");
			CHECK_STR(r->totals[0 + 3].currency, "");
			CHECK_INT(r->totals[0].count, 3);
			CHECK_INT(r->totals[0].total, 1350049);
			/* 2,500.10 + 599.99: the stages' weighted values. */
			CHECK_INT(r->totals[0].weighted, 310009);
			CHECK_INT(r->n_stalled, 0);
		}
		pipeline_report_free(r);
	}

	/* The currency filter keeps that currency only, in any case. */
	CHECK(pipeline_stage_totals(db, "eur", &t, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(t[0].count, 2);
		CHECK_INT(t[0].n_amounts, 1);
		CHECK_STR(t[0].amounts[0].currency, "EUR");
		CHECK_INT(t[1].count, 1);
	}
	pipeline_stage_totals_free(t, n);
	CHECK(pipeline_stage_totals(db, "CHF", &t, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(t[0].count, 0);
		CHECK_INT(t[1].n_amounts, 0);
	}
	pipeline_stage_totals_free(t, n);

	/* A code that is not three letters is refused, naming it. */
	CHECK(pipeline_stage_totals(db, "EURO", &t, &n, &err) ==
	    KITH_INVALID);
	CHECK(t == NULL && n == 0);
	CHECK(strstr(err.msg, "'EURO'") != NULL);
	CHECK(pipeline_stage_totals(db, "E1R", &t, &n, &err) ==
	    KITH_INVALID);
out:
	test_db_done(db, path);
}

/* Stages in pos order; a new open stage shows up, with its probability. */
static void
test_stage_order(void)
{
	struct kith_err			 err = { 0 };
	struct kith_db			*db;
	struct pipeline_stage_total	*t;
	char				*path;
	size_t				 n;

	db = test_db("pipe-order.db", &path);
	sql_exec(db, "UPDATE stage SET pos = pos + 1 WHERE pos >= 2;"
	    "INSERT INTO stage (name, pos, kind, probability, stall_days) "
	    "VALUES ('Proposal', 2, 'open', 45, 10);"
	    "UPDATE stage SET pos = 0 WHERE name = 'Negotiation';");
	deal_sql(db, "A", "Proposal", 10000, "GBP", NOW);
	CHECK(pipeline_stage_totals(db, NULL, &t, &n, &err) == KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(t[0].name, "Negotiation");
		CHECK_STR(t[1].name, "Interest");
		CHECK_STR(t[2].name, "Proposal");
		CHECK_INT(t[2].stall_days, 10);
		CHECK_INT(t[2].count, 1);
		CHECK_INT(t[2].amounts[0].weighted, 4500);
	}
	pipeline_stage_totals_free(t, n);
	test_db_done(db, path);
}

/* The totals are an index walk: no scan of the deal table, no sort of it. */
static void
test_plan(void)
{
	struct kith_err			 err = { 0 };
	struct kith_db			*db;
	struct pipeline_stage_total	*t;
	sqlite3_stmt			*stmt;
	struct sbuf			 plan = { 0 };
	char				*path, *s;
	size_t				 n;

	db = test_db("pipe-plan.db", &path);
	CHECK(pipeline_stage_totals(db, NULL, &t, &n, &err) == KITH_OK);
	pipeline_stage_totals_free(t, n);
	/* The statement the core ran is the one still cached. */
	stmt = NULL;
	while ((stmt = sqlite3_next_stmt(kith_db_sqlite(db), stmt)) != NULL)
		if (strstr(sqlite3_sql(stmt), "LEFT JOIN deal d") != NULL)
			break;
	CHECK(stmt != NULL);
	if (stmt != NULL) {
		sqlite3_stmt	*eqp;
		char		*q;

		q = xasprintf("EXPLAIN QUERY PLAN %s", sqlite3_sql(stmt));
		sqlite3_prepare_v2(kith_db_sqlite(db), q, -1, &eqp, NULL);
		while (sqlite3_step(eqp) == SQLITE_ROW) {
			sbuf_add(&plan, (const char *)sqlite3_column_text(eqp,
			    3));
			sbuf_add(&plan, "\n");
		}
		sqlite3_finalize(eqp);
		free(q);
	}
	s = sbuf_detach(&plan);
	CHECK(strstr(s, "SEARCH d USING COVERING INDEX deal_by_stage") != NULL);
	CHECK(strstr(s, "SCAN d") == NULL);
	CHECK(strstr(s, "B-TREE FOR GROUP BY") == NULL);
	if (strstr(s, "deal_by_stage") == NULL)
		fprintf(stderr, "plan:\n%s", s);
	free(s);
	test_db_done(db, path);
}

/*
 * A book with open deals fresh, stale and chased, and deals won and lost
 * at known distances from NOW.
 */
static struct kith_db *
report_book(char **path)
{
	struct kith_db	*db;
	int64_t		 id;

	db = test_db("pipe-report.db", path);
	kith_db_set_now(db, NOW);
	sql_exec(db, "UPDATE stage SET stall_days = 10 "
	    "WHERE name = 'Negotiation'");
	/* Interest stalls after 30 days, Negotiation after 10. */
	deal_sql(db, "Fresh", "Interest", 10000, "EUR", NOW - 5 * DAY);
	id = deal_sql(db, "Cold", "Interest", 20000, "EUR", NOW - 200 * DAY);
	sql_touch(db, id, NOW - 40 * DAY);
	/* Stalled both ways: counted and listed once. */
	follow_sql(db, id, "2026-11-25", 0);
	/* Exactly at the threshold is not past it. */
	deal_sql(db, "Borderline", "Interest", 30000, "USD", NOW - 30 * DAY);
	id = deal_sql(db, "Chased", "Interest", 40000, "EUR", NOW - 2 * DAY);
	follow_sql(db, id, "2026-12-01", 0);
	follow_sql(db, id, "2026-12-03", 0);
	follow_sql(db, id, "2026-11-20", 1);
	/* A follow-up done, or not due yet, stalls nothing. */
	id = deal_sql(db, "Minded", "Interest", 50000, "EUR", NOW - 100 * DAY);
	sql_touch(db, id, NOW - 2 * DAY);
	follow_sql(db, id, "2026-11-01", 1);
	follow_sql(db, id, "2026-12-10", 0);
	deal_sql(db, "Haggled", "Negotiation", 60000, "GBP", NOW - 11 * DAY);

	/* Closed deals: never stalled, counted by when they closed. */
	id = deal_sql(db, "W1", "Won", 100000, "EUR", NOW - 100 * DAY);
	sql_close(db, id, NOW - 10 * DAY);
	follow_sql(db, id, "2026-11-01", 0);
	id = deal_sql(db, "W2", "Won", 50000, "USD", NOW - 60 * DAY);
	sql_close(db, id, NOW - 50 * DAY);
	id = deal_sql(db, "W3", "Won", 70000, "EUR", NOW - 300 * DAY);
	sql_close(db, id, NOW - 95 * DAY);
	id = deal_sql(db, "W4", "Won", 1000, "EUR", NOW - 71 * DAY);
	sql_close(db, id, NOW - 70 * DAY);
	id = deal_sql(db, "L1", "Lost", 20000, "EUR", NOW - 40 * DAY);
	sql_close(db, id, NOW - 20 * DAY);
	id = deal_sql(db, "L2", "Lost", 30000, "EUR", NOW - 120 * DAY);
	sql_close(db, id, NOW - 80 * DAY);
	/* Closed after NOW (a clock set back): in no period. */
	id = deal_sql(db, "Later", "Lost", 90000, "EUR", NOW - 10 * DAY);
	sql_close(db, id, NOW + DAY);
	return db;
}

static const struct pipeline_flow *
flow(const struct pipeline_period *p, const char *currency)
{
	size_t	i;

	for (i = 0; i < p->n_flows; i++)
		if (strcmp(p->flows[i].currency, currency) == 0)
			return &p->flows[i];
	return NULL;
}

static void
test_report_periods(void)
{
	struct kith_err			 err = { 0 };
	struct kith_db			*db;
	struct pipeline_report		*r;
	const struct pipeline_period	*p;
	const struct pipeline_flow	*f;
	char				*path;

	db = report_book(&path);
	CHECK(pipeline_report(db, NULL, 10, &r, &err) == KITH_OK);
	if (r == NULL)
		goto out;
	CHECK_INT(r->now, NOW);
	CHECK_INT(r->n_stages, 2);
	CHECK_INT(r->stages[0].count, 5);
	/* Each currency added up over the stages, never across currencies. */
	CHECK_INT(r->n_totals, 3);
	if (r->n_totals == 3) {
		CHECK_STR(r->totals[0].currency, "EUR");
		CHECK_INT(r->totals[0].count, 4);
		CHECK_INT(r->totals[0].total, 120000);
		CHECK_INT(r->totals[0].weighted, 24000);
		CHECK_STR(r->totals[1].currency, "GBP");
		CHECK_INT(r->totals[1].total, 60000);
		CHECK_INT(r->totals[1].weighted, 36000);
		CHECK_STR(r->totals[2].currency, "USD");
		CHECK_INT(r->totals[2].count, 1);
	}

	p = &r->periods[0];
	CHECK_INT(p->days, 30);
	CHECK_INT(p->won, 1);
	CHECK_INT(p->lost, 1);
	CHECK_INT(p->win_rate, 50);
	/* W1 took 90 days, L1 20. */
	CHECK_INT(p->avg_days, 55);
	/*
	 * Fresh, Borderline (30 days ago to the second), Chased, Haggled,
	 * Later.
	 */
	CHECK_INT(p->opened, 5);
	/* Only currencies closed in the period have a flow. */
	CHECK_INT(p->n_flows, 1);
	if ((f = flow(p, "EUR")) != NULL) {
		CHECK_INT(f->won, 1);
		CHECK_INT(f->won_total, 100000);
		CHECK_INT(f->lost, 1);
		CHECK_INT(f->lost_total, 20000);
	} else
		CHECK(!"no EUR in 30 days");

	p = &r->periods[1];
	CHECK_INT(p->days, 90);
	CHECK_INT(p->won, 3);
	CHECK_INT(p->lost, 2);
	CHECK_INT(p->win_rate, 60);
	/* (90 + 10 + 1 + 20 + 40) / 5 = 32.2 */
	CHECK_INT(p->avg_days, 32);
	/* The five above, W2, W4 and L1. */
	CHECK_INT(p->opened, 8);
	if ((f = flow(p, "EUR")) != NULL) {
		CHECK_INT(f->won, 2);
		CHECK_INT(f->won_total, 101000);
		CHECK_INT(f->lost, 2);
		CHECK_INT(f->lost_total, 50000);
	} else
		CHECK(!"no EUR in 90 days");
	if ((f = flow(p, "USD")) != NULL) {
		CHECK_INT(f->won, 1);
		CHECK_INT(f->won_total, 50000);
		CHECK_INT(f->lost, 0);
	} else
		CHECK(!"no USD in 90 days");
	pipeline_report_free(r);

	/* In euros only. */
	CHECK(pipeline_report(db, "eur", 10, &r, &err) == KITH_OK);
	if (r != NULL) {
		CHECK_INT(r->periods[1].won, 2);
		CHECK_INT(r->periods[1].lost, 2);
		CHECK_INT(r->periods[1].win_rate, 50);
		CHECK_INT(r->periods[1].n_flows, 1);
		/* Fresh, Chased, Later; and W4, L1. */
		CHECK_INT(r->periods[0].opened, 3);
		CHECK_INT(r->periods[1].opened, 5);
		CHECK_INT(r->stages[0].count, 4);
		CHECK_INT(r->stages[1].count, 0);
	}
	pipeline_report_free(r);
	CHECK(pipeline_report(db, "euro", 10, &r, &err) == KITH_INVALID);
	CHECK(r == NULL);
out:
	test_db_done(db, path);
}

static void
test_report_stalled(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct pipeline_report	*r;
	char			*path;

	db = report_book(&path);
	CHECK(pipeline_report(db, NULL, 10, &r, &err) == KITH_OK);
	if (r == NULL)
		goto out;
	/* Longest untouched first. */
	CHECK_INT(r->stalled_total, 3);
	CHECK_INT(r->n_stalled, 3);
	if (r->n_stalled == 3) {
		CHECK_STR(r->stalled[0].title, "Cold");
		CHECK_STR(r->stalled[0].stage, "Interest");
		CHECK_INT(r->stalled[0].days, 40);
		CHECK_INT(r->stalled[0].stall_days, 30);
		CHECK_INT(r->stalled[0].overdue, 10);
		CHECK_STR(r->stalled[1].title, "Haggled");
		CHECK_STR(r->stalled[1].stage, "Negotiation");
		CHECK_INT(r->stalled[1].days, 11);
		CHECK_INT(r->stalled[1].stall_days, 10);
		CHECK_INT(r->stalled[1].overdue, 0);
		/* Touched 2 days ago, but a follow-up is 4 days late (the
		 * oldest of two). */
		CHECK_STR(r->stalled[2].title, "Chased");
		CHECK_INT(r->stalled[2].days, 2);
		CHECK_INT(r->stalled[2].overdue, 4);
	}
	pipeline_report_free(r);

	/* A limit lists fewer and still counts them all. */
	CHECK(pipeline_report(db, NULL, 1, &r, &err) == KITH_OK);
	if (r != NULL) {
		CHECK_INT(r->stalled_total, 3);
		CHECK_INT(r->n_stalled, 1);
		CHECK_STR(r->stalled[0].title, "Cold");
	}
	pipeline_report_free(r);
	CHECK(pipeline_report(db, "GBP", 10, &r, &err) == KITH_OK);
	if (r != NULL) {
		CHECK_INT(r->stalled_total, 1);
		CHECK_STR(r->stalled[0].title, "Haggled");
	}
	pipeline_report_free(r);

	/* A day later the follow-up is 5 days late; Borderline stalls. */
	kith_db_set_now(db, NOW + DAY);
	CHECK(pipeline_report(db, NULL, 10, &r, &err) == KITH_OK);
	if (r != NULL) {
		CHECK_INT(r->stalled_total, 4);
		CHECK_STR(r->stalled[1].title, "Borderline");
		CHECK_INT(r->stalled[1].days, 31);
		CHECK_INT(r->stalled[3].overdue, 5);
	}
	pipeline_report_free(r);
out:
	test_db_done(db, path);
}

static void
test_report_empty(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct pipeline_report	*r;
	char			*path;
	int			 i;

	db = test_db("pipe-report-empty.db", &path);
	kith_db_set_now(db, NOW);
	CHECK(pipeline_report(db, NULL, 10, &r, &err) == KITH_OK);
	if (r != NULL) {
		CHECK_INT(r->n_stages, 2);
		for (i = 0; i < PIPELINE_PERIODS; i++) {
			CHECK_INT(r->periods[i].won, 0);
			CHECK_INT(r->periods[i].lost, 0);
			CHECK_INT(r->periods[i].opened, 0);
			CHECK_INT(r->periods[i].win_rate, -1);
			CHECK_INT(r->periods[i].avg_days, -1);
			CHECK_INT(r->periods[i].n_flows, 0);
		}
		CHECK_INT(r->stalled_total, 0);
		CHECK(r->stalled == NULL);
		CHECK_INT(r->n_totals, 0);
	}
	pipeline_report_free(r);
	/* The file is mapped during the report only. */
	{
		sqlite3_stmt	*stmt;

		sqlite3_prepare_v2(kith_db_sqlite(db), "PRAGMA mmap_size", -1,
		    &stmt, NULL);
		CHECK(sqlite3_step(stmt) == SQLITE_ROW);
		CHECK_INT(sqlite3_column_int64(stmt, 0), 0);
		sqlite3_finalize(stmt);
	}
	/* Inside the caller's transaction it reads in that one. */
	CHECK(kith_db_begin(db, &err) == KITH_OK);
	CHECK(pipeline_report(db, NULL, 10, &r, &err) == KITH_OK);
	kith_db_rollback(db);
	if (r != NULL) {
		CHECK_INT(r->n_stages, 2);
	}
	pipeline_report_free(r);
	test_db_done(db, path);
}

/* deal_add at when, in stage, for value of currency; returns its id. */
static int64_t
api_deal(struct kith_db *db, time_t when, const char *title,
    const char *stage, int64_t value, const char *currency)
{
	struct kith_err	 err = { 0 };
	struct deal	*d = deal_new();
	int64_t		 id;

	kith_db_set_now(db, when);
	d->title = xstrdup(title);
	d->stage = xstrdup(stage);
	d->has_value = 1;
	d->value = value;
	snprintf(d->currency, sizeof d->currency, "%s", currency);
	if (deal_add(db, d, &err) != KITH_OK) {
		fprintf(stderr, "deal_add %s: %s\n", title, err.msg);
		exit(1);
	}
	id = d->id;
	deal_free(d);
	return id;
}

/*
 * The same figures from deals made, moved and closed through the deals
 * core (deal.h) at chosen moments: its created, touched and closed_at are
 * what the report reads.
 */
static void
test_report_via_deals(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct pipeline_report	*r;
	char			*path;
	int64_t			 a, b, w, l;

	db = test_db("pipe-api.db", &path);
	a = api_deal(db, NOW - 50 * DAY, "Alpha", "Interest", 100000, "EUR");
	b = api_deal(db, NOW - 20 * DAY, "Beta", "Interest", 5000, "JPY");
	w = api_deal(db, NOW - 80 * DAY, "Won one", "Interest", 40000, "EUR");
	l = api_deal(db, NOW - 70 * DAY, "Lost one", "Negotiation", 9000,
	    "EUR");
	/* Beta moves on 5 days ago: touched then, not stalled. */
	kith_db_set_now(db, NOW - 5 * DAY);
	CHECK(deal_move(db, b, stage_id(db, "Negotiation"), &err) == KITH_OK);
	kith_db_set_now(db, NOW - 10 * DAY);
	CHECK(deal_close(db, w, KITH_STAGE_won, "signed", &err) == KITH_OK);
	kith_db_set_now(db, NOW - 40 * DAY);
	CHECK(deal_close(db, l, KITH_STAGE_lost, NULL, &err) == KITH_OK);
	/* A follow-up on Beta, due yesterday. */
	kith_db_set_now(db, NOW - 5 * DAY);
	CHECK(deal_follow(db, b, 0, "call", "2026-12-04", NULL, &err) ==
	    KITH_OK);

	kith_db_set_now(db, NOW);
	CHECK(pipeline_report(db, NULL, 10, &r, &err) == KITH_OK);
	if (r == NULL)
		goto out;
	CHECK_INT(r->stages[0].count, 1);
	CHECK_INT(r->stages[0].amounts[0].total, 100000);
	CHECK_INT(r->stages[0].amounts[0].weighted, 20000);
	CHECK_INT(r->stages[1].count, 1);
	/* 60% of 5,000 yen. */
	CHECK_STR(r->stages[1].amounts[0].currency, "JPY");
	CHECK_INT(r->stages[1].amounts[0].weighted, 3000);
	CHECK_INT(r->periods[0].won, 1);
	CHECK_INT(r->periods[0].lost, 0);
	CHECK_INT(r->periods[0].win_rate, 100);
	CHECK_INT(r->periods[0].avg_days, 70);
	CHECK_INT(r->periods[0].opened, 1);
	CHECK_INT(r->periods[1].won, 1);
	CHECK_INT(r->periods[1].lost, 1);
	CHECK_INT(r->periods[1].win_rate, 50);
	/* 70 and 30 days. */
	CHECK_INT(r->periods[1].avg_days, 50);
	CHECK_INT(r->periods[1].opened, 4);
	/* Alpha: untouched 50 days; Beta: its follow-up is a day late. */
	CHECK_INT(r->stalled_total, 2);
	if (r->n_stalled == 2) {
		CHECK(r->stalled[0].deal == a);
		CHECK_INT(r->stalled[0].days, 50);
		CHECK(r->stalled[1].deal == b);
		CHECK_INT(r->stalled[1].days, 5);
		CHECK_INT(r->stalled[1].overdue, 1);
	}
	pipeline_report_free(r);
out:
	test_db_done(db, path);
}

TEST_MAIN(test_setup, test_empty_book, test_report_periods, test_report_stalled,
    test_report_empty, test_mixed_currencies, test_stage_order,
    test_plan, test_report_via_deals)
