/* SPDX-License-Identifier: MIT */
/*
 * The touch summary of a contact (touch.c): derived columns of the
 * contact row that the core keeps current on every write that changes a
 * contact's interactions, tags or cadence, so that reviews and reports
 * read indexes instead of the interaction history.  Private to the core.
 */
#ifndef KITH_TOUCH_H
#define KITH_TOUCH_H

#include <stdint.h>
#include "kith/clock.h"
#include "kith/status.h"

struct kith_db;

/* What the history of touches (interactions other than notes) says. */
struct touch_stats {
	char	first[KITH_DATE_LEN];	/* first day touched, "" never */
	char	last[KITH_DATE_LEN];	/* last day touched, "" never */
	long	n;			/* touches */
	long	w;			/* touches weighted by kind */
	long	in, out;		/* started by them, by us */
	long	gap;			/* median days between touch days, 0 if
					   fewer than two days */
};

/*
 * The stats of contact id from its touches up to and including day upto
 * (NULL: all).  One index range over the contact's history.
 */
enum kith_status touch_stats(struct kith_db *, int64_t id, const char *upto,
		    struct touch_stats *, struct kith_err *);

/*
 * Recomputes contact id's touch summary and cadence (effective cadence,
 * the day it began, due, overdue, cooling day) and writes the columns
 * that changed.  A later last touch ends a cadence snooze and its count.
 * Call inside the writer's transaction.  A missing contact is no error.
 */
enum kith_status touch_refresh(struct kith_db *, int64_t id,
		    struct kith_err *);

/*
 * touch_refresh for contact id just inserted without a cadence of its own:
 * it has no interactions yet, so only a tag's cadence can change its
 * summary, and one query for that decides whether the rest need run.
 */
enum kith_status touch_refresh_new(struct kith_db *, int64_t id,
		    struct kith_err *);

/* The day a cadence of ideal days begun on since first falls due. */
void		 touch_first_due(int64_t id, const char *since, int ideal,
		    char out[KITH_DATE_LEN]);

#endif
