/* SPDX-License-Identifier: MIT */
/*
 * The daily review: everything owed, ranked by one transparent score and
 * explained term by term.  Items are pending follow-ups due within the
 * window, contacts whose cadence is due, key dates (birthdays) within a
 * week, and stalled deals.  The score of an item is the sum of its terms:
 *
 *   tier       what it is: follow-up overdue 30, due today 25, ahead 10;
 *              cadence overdue 25, due 15, ahead 5; key date today 30,
 *              within its lead time 15; stalled deal 20
 *   lateness   2 x days late (days ahead count negative), from -14 to 40;
 *              for a stalled deal, the days past its stage's limit
 *   strength   the contact's strength / 5 (0 to 20)
 *   deal       the largest open deal of the contact (or the deal's own
 *              value): 5 x log10(value) - 10, from 0 to 20 (100 -> 0,
 *              10,000 -> 10, 1,000,000 -> 20)
 *
 * rounded to a whole number.  Higher first; ties by kind (follow-up,
 * cadence, key date, deal), then by name, then by id.
 *
 * A review is left and resumed within a day: each decision (done, snooze,
 * reschedule, drop) is stored for the day, and a decided item leaves the
 * day's queue.  The queue shows at most cap items a day (decided ones
 * count), the rest carried over in rank order.
 */
#ifndef KITH_REVIEW_H
#define KITH_REVIEW_H

#include <stddef.h>
#include <stdint.h>
#include "kith/clock.h"
#include "kith/keydate.h"
#include "kith/status.h"

struct kith_db;

#define REVIEW_CAP	15	/* items a day, by default */
#define REVIEW_TERMS	4
#define REVIEW_HINT_DAYS 14	/* how far back a colleague's touch counts */

enum review_kind {
	REVIEW_FOLLOWUP,	/* ref: the follow-up's id */
	REVIEW_CADENCE,		/* ref: the contact's id */
	REVIEW_KEYDATE,		/* ref: the contact's id */
	REVIEW_DEAL		/* ref: the deal's id */
};

enum review_decision {
	REVIEW_DONE,		/* follow-up done; others noted */
	REVIEW_SNOOZE,		/* to a day: counts as a snooze */
	REVIEW_RESCHEDULE,	/* to a day: not a snooze */
	REVIEW_DROP		/* follow-up deleted; cadence off */
};

struct review_term {
	const char	*name;		/* "tier", "lateness", ... (static) */
	double		 value;		/* points */
	char		 why[64];	/* "overdue cadence", "12 days late" */
};

struct review_item {
	size_t		 rank;		/* 1-based, over the whole queue */
	int		 score;
	enum review_kind kind;
	int64_t		 ref;
	int64_t		 contact;	/* 0 for a deal */
	int64_t		 deal;		/* a follow-up's deal, a deal; or 0 */
	char		*name;		/* contact name, or the deal's title */
	char		*what;		/* one line: what is owed */
	char		*hint;		/* a colleague touched lately, or NULL */
	char		 key[40];	/* "cadence:12": the decision's key */
	char		 label[40];	/* a key date's own label ("birthday",
					   "anniversary", "client since"; cut
					   at a character), or "" */
	char		 day[KITH_DATE_LEN]; /* due / on day */
	long		 late;		/* days late (<0 ahead) */
	int		 snoozes;	/* cadence snoozes in a row */
	struct review_term terms[REVIEW_TERMS];
	size_t		 n_terms;
};

struct review_opts {
	int		 days;		/* window ahead, default 0 (today) */
	size_t		 cap;		/* 0: no cap */
	enum keydate_feb29 feb29;
};

struct review {
	struct review_item *items;	/* the day's queue, in rank order */
	size_t		 n;		/* shown: at most cap - decided */
	size_t		 total;		/* owed and undecided */
	size_t		 carried;	/* undecided beyond the cap */
	size_t		 decided;	/* decided today */
};

/* "follow-up", "cadence", "key date", "deal". */
const char	*review_kind_name(enum review_kind);

/*
 * What the kind column shows for it: a key date's own label
 * ("anniversary", "client since"), else review_kind_name.  Borrowed from
 * it.
 */
const char	*review_item_kind(const struct review_item *it);

/*
 * Builds the queue as of the handle's today.  Caller frees with
 * review_free.  The work follows the items owed (index walks over due
 * follow-ups, due cadences, birthdays in the window and stalled deals),
 * never the whole address book or history.
 */
enum kith_status review_build(struct kith_db *, const struct review_opts *,
		    struct review **out, struct kith_err *);
void		 review_free(struct review *);	/* NULL ok */

/*
 * The score review_build gives each open follow-up, whatever its due day
 * and whether or not it was decided today, with the PRIORITY of RFC 5545
 * it maps to (review_priority).  Sorted by follow-up id; caller frees
 * *out.
 */
struct review_score {
	int64_t		 followup;
	int		 score;
	int		 priority;	/* 1 (highest) .. 9 */
};
enum kith_status review_followup_scores(struct kith_db *,
		    struct review_score **out, size_t *n, struct kith_err *);

/*
 * The iCalendar PRIORITY (1 highest .. 9 lowest) of a score:
 * 8 - floor(score / 8), kept within 1..9.  An overdue follow-up (32 or
 * more) is 1-4, "high" to three-level clients (Thunderbird); one due today
 * without other terms (25-31) is 5, "medium"; one ahead is 6-9, "low".
 */
int		 review_priority(int score);

/*
 * "overdue cadence 25 + 12 days late 24 + strength 62 12.4 = 61": the
 * terms of it, with their numbers, into out.
 */
void		 review_explain(const struct review_item *, char *out,
		    size_t len);

/*
 * Records decision d on it for today and carries it out: a follow-up is
 * done, snoozed or rescheduled to day ("YYYY-MM-DD"), or dropped; a
 * cadence is snoozed or rescheduled to day, or turned off (done leaves it
 * to the interaction the user logs, which resets it); key dates and deals
 * are only marked.  One action of the change journal.  *snoozes (may be
 * NULL) is set to the cadence's snoozes in a row after a snooze: at
 * KITH_CADENCE_LOOSEN or more, ask whether to loosen it.
 */
enum kith_status review_decide(struct kith_db *, const struct review_item *,
		    enum review_decision d, const char *day, const char *note,
		    int *snoozes, struct kith_err *);

/*
 * A line about the latest touch, within REVIEW_HINT_DAYS, with another
 * person at contact's organisation: "Grace Thompson at Northbridge was
 * called 3 days ago: the same loan" (the interaction's summary).  *out NULL if none; caller frees.
 */
enum kith_status review_org_hint(struct kith_db *, int64_t contact,
		    char **out, struct kith_err *);

#endif
