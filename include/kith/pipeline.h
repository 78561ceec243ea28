/* SPDX-License-Identifier: MIT */
/*
 * The pipeline's numbers: what the open stages hold, for the board's column
 * headers and for "kith pipeline".
 *
 * Money is in the minor units of the deal's currency (deal.value_cents:
 * cents for EUR, yen for JPY; money.h formats it), and amounts in
 * different currencies are never added together: every total comes per
 * currency code, in the codes' order.  A deal without a currency is
 * counted under the code "", which comes after the others.  Weighted
 * values are the total times the stage's win probability over 100,
 * rounded to the nearest minor unit (half away from zero).
 *
 * Every figure is an aggregate computed by SQLite off the schema's indexes
 * (deal_by_stage on stage, currency and value; see pipeline_report for
 * the rest): the totals never read a deal's row, so their cost follows
 * the open deals' index entries, not the size of the book.
 */
#ifndef KITH_PIPELINE_H
#define KITH_PIPELINE_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include "kith/status.h"

struct kith_db;

#define KITH_CURRENCY_LEN	4	/* "EUR" and NUL */

/* Deals of one currency in one stage. */
struct pipeline_amount {
	char		 currency[KITH_CURRENCY_LEN]; /* ISO 4217, "" if none */
	long		 count;		/* deals */
	int64_t		 total;		/* sum of their values, minor units */
	int64_t		 weighted;	/* total × probability / 100, rounded */
};

/* One open stage and what it holds. */
struct pipeline_stage_total {
	int64_t		 stage;		/* stage id */
	char		*name;
	int		 probability;	/* win probability, 0-100 */
	int		 stall_days;	/* stalled after this many days */
	long		 count;		/* deals in it, every currency */
	struct pipeline_amount *amounts; /* by currency code; NULL if none */
	size_t		 n_amounts;
};

/*
 * Stores in *out an array of *n entries, one for each open stage (kind
 * 'open') in board order (pos, then id), empty stages included with count
 * 0 and no amounts.  currency NULL or "" counts every deal; otherwise only
 * the deals in that currency (an ISO 4217 code, any case: money_currency),
 * and a stage's count is theirs.  Caller frees with
 * pipeline_stage_totals_free().  KITH_INVALID naming currency if it is
 * not a code; KITH_DB.  On error *out is NULL and *n 0.
 */
enum kith_status pipeline_stage_totals(struct kith_db *,
		    const char *currency, struct pipeline_stage_total **out,
		    size_t *n, struct kith_err *);
void		 pipeline_stage_totals_free(struct pipeline_stage_total *,
		    size_t n);	/* NULL is a no-op */

/* Deals of one currency closed in a period. */
struct pipeline_flow {
	char		 currency[KITH_CURRENCY_LEN]; /* ISO 4217, "" if none */
	long		 won;		/* deals closed won in the period */
	long		 lost;		/* deals closed lost in the period */
	int64_t		 won_total;	/* their values, minor units */
	int64_t		 lost_total;
};

/* What happened in the last days days (a period ends now). */
struct pipeline_period {
	int		 days;		/* 30 or 90 */
	long		 opened;	/* deals created, every currency */
	long		 won;		/* deals now in a won stage closed in it */
	long		 lost;		/* deals now in a lost stage closed in it */
	int		 win_rate;	/* won / (won + lost), percent rounded;
					   -1 if none was closed */
	long		 avg_days;	/* mean days from creation to close of
					   those won or lost, rounded; -1 if
					   none */
	struct pipeline_flow *flows;	/* by currency code; NULL if none */
	size_t		 n_flows;
};

/*
 * A deal in an open stage that needs a look: no touch (deal.touched, a
 * stage change or an interaction logged on it) for longer than its stage's
 * stall_days, or a pending follow-up on it due before today.
 */
struct pipeline_stalled {
	int64_t		 deal;		/* deal id */
	char		*title;
	char		*stage;		/* the stage's name */
	long		 days;		/* whole days since the last touch */
	int		 stall_days;	/* the stage's threshold */
	long		 overdue;	/* days its oldest overdue follow-up is
					   late; 0 if none */
};

#define PIPELINE_PERIODS	2	/* the last 30 and the last 90 days */

/* The Monday numbers (kith pipeline). */
struct pipeline_report {
	time_t		 now;		/* kith_db_now() when it was made */
	struct pipeline_stage_total *stages; /* as pipeline_stage_totals() */
	size_t		 n_stages;
	struct pipeline_amount *totals;	/* every open stage, by currency */
	size_t		 n_totals;
	struct pipeline_period periods[PIPELINE_PERIODS]; /* 30, 90 days */
	struct pipeline_stalled *stalled; /* longest untouched first */
	size_t		 n_stalled;	/* entries in stalled, at most limit */
	long		 stalled_total;	/* every stalled deal */
};

/*
 * Builds the report as of kith_db_now(): the open stages' totals and their
 * sum per currency (weighted: the sum of the stages' weighted values), the
 * deals opened, won and lost in the last 30 and 90 days (a period is the
 * days × 24 hours before now; won and lost go by deal.closed_at), and the
 * stalled deals, longest untouched first (ties by id), at most
 * stalled_limit of them (0: none listed, only counted).  currency, as for
 * pipeline_stage_totals(), limits every figure to the deals in that
 * currency.  Caller frees *out with pipeline_report_free().  KITH_INVALID
 * for a malformed currency; KITH_DB.  On error *out is NULL.
 */
enum kith_status pipeline_report(struct kith_db *, const char *currency,
		    size_t stalled_limit, struct pipeline_report **out,
		    struct kith_err *);
void		 pipeline_report_free(struct pipeline_report *); /* NULL ok */

#endif
