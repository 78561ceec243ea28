/* SPDX-License-Identifier: MIT */
/*
 * Follow-up reminders.  A follow-up is an action due on a calendar day,
 * all day or at a local time of day; it is overdue when it is not done and
 * its day is before today, due today when its day is today -- a time of
 * day earlier than now still counts as today (as a calendar keeps this
 * morning's appointment under today), it only orders the day.  "Today" is
 * the local date of kith_db_now().
 */
#ifndef KITH_FOLLOWUP_H
#define KITH_FOLLOWUP_H

#include <stddef.h>
#include <stdint.h>
#include "kith/clock.h"
#include "kith/status.h"

struct kith_db;

struct followup {
	int64_t		 id;
	int64_t		 contact;	/* 0 if linked to no contact */
	char		*contact_name;	/* NULL if none */
	char		*action;
	char		 due[KITH_DATE_LEN];
	char		 due_time[KITH_TIME_LEN]; /* "HH:MM", "" all day */
	long		 late;		/* days overdue (>0), 0 today, <0 ahead */
	int		 done;
	int		 snoozes;	/* times snoozed */
	int64_t		 deal;		/* 0 if linked to no deal */
	char		*deal_title;	/* its deal's title, NULL if none */
};

/*
 * Adds a follow-up for contact; due is "YYYY-MM-DD" (all day) or
 * "YYYY-MM-DD HH:MM" (when_format() of a parsed date).  id may be NULL.
 */
enum kith_status followup_add(struct kith_db *, int64_t contact,
		    const char *action, const char *due, int64_t *id,
		    struct kith_err *);

/*
 * Marks id done.  KITH_NOTFOUND if absent; KITH_EXISTS, with a message
 * saying since when, if it was done already: nothing is written then.
 */
enum kith_status followup_done(struct kith_db *, int64_t id,
		    struct kith_err *);

/*
 * Drops id: deletes it, done or not (the journal can bring it back).
 * KITH_NOTFOUND if absent.
 */
enum kith_status followup_drop(struct kith_db *, int64_t id,
		    struct kith_err *);

/* How followup_reschedule moves a follow-up. */
#define FOLLOWUP_SNOOZE	0x01	/* count it as a snooze */
#define FOLLOWUP_REOPEN	0x02	/* a done follow-up becomes pending again */
#define FOLLOWUP_ALLDAY	0x04	/* drop its time of day: due all day */

/*
 * Moves id to due: "YYYY-MM-DD" keeps the time of day it had (or all
 * day; with FOLLOWUP_ALLDAY it becomes all day), "YYYY-MM-DD HH:MM" sets
 * the time too.  A done follow-up is left
 * alone with
 * KITH_EXISTS ("already done") unless how has FOLLOWUP_REOPEN.
 * KITH_NOTFOUND if absent.
 */
enum kith_status followup_reschedule(struct kith_db *, int64_t id,
		    const char *due, int how, struct kith_err *);

/* f's due day and time of day (hour -1 when all day), for when_describe. */
void		 followup_when(const struct followup *f, struct kith_when *w);

/* Reads follow-up id into *out (caller frees with followup_free). */
enum kith_status followup_get(struct kith_db *, int64_t id,
		    struct followup **out, struct kith_err *);
void		 followup_free(struct followup *);

/*
 * Calls fn for each pending follow-up due up to days days after today:
 * overdue ones first, most overdue first, then today's and upcoming ones by
 * day; in a day, all-day ones first, then by time of day; ties by id.  The struct is valid only during the call.  A non-zero
 * return from fn stops the walk.  Runs off an index over pending
 * follow-ups: no work proportional to the done ones.
 */
typedef int	(*followup_fn)(const struct followup *, void *arg);
enum kith_status followup_each_due(struct kith_db *, int days,
		    followup_fn fn, void *arg, struct kith_err *);

/*
 * Pending follow-ups of one contact, by day and time of day (all day
 * first).  Caller frees the array.
 */
enum kith_status followup_list_contact(struct kith_db *, int64_t contact,
		    struct followup **out, size_t *n, struct kith_err *);
/* Pending follow-ups on deal deal (deal.h), by day.  Caller frees. */
enum kith_status followup_list_deal(struct kith_db *, int64_t deal,
		    struct followup **out, size_t *n, struct kith_err *);
void		 followup_list_free(struct followup *, size_t n);

/* Counts of pending follow-ups overdue and due today. */
enum kith_status followup_counts(struct kith_db *, long *overdue,
		    long *today, struct kith_err *);

#endif
