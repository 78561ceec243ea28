/* SPDX-License-Identifier: MIT */
/*
 * The book's dated items as iCalendar (kith export --format ics): open
 * follow-ups as to-dos and, if asked, birthdays as yearly all-day events,
 * so a calendar program subscribed to the file shows them.
 *
 * ics_collect() gathers the items (libkith); ics_write() renders them
 * with libical (libkith_ics, the only part of the core linked to it).
 * Each item's UID is made from its kind and its row's id, so exporting
 * again updates a subscribed calendar instead of duplicating it.
 */
#ifndef KITH_ICS_H
#define KITH_ICS_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "kith/status.h"

struct kith_db;

/* What to collect, as bits. */
#define ICS_FOLLOWUPS	0x01	/* open follow-ups: VTODO */
#define ICS_BIRTHDAYS	0x02	/* birthdays: yearly VEVENT */

/*
 * The year a birthday without one is written in: a leap year, so that
 * 29 February is a date in it, and one before any contact kith stores, so
 * that every birthday from now on is an occurrence of the rule.
 */
#define ICS_NO_YEAR	2000

enum ics_kind {
	ICS_TODO,		/* a follow-up: due on date (at time) */
	ICS_YEARLY,		/* a yearly all-day event from date */
};

struct ics_item {
	enum ics_kind	 kind;
	char		*uid;		/* stable: "followup-12@kith" */
	char		*summary;	/* one line */
	char		*description;
	char		 date[11];	/* YYYY-MM-DD */
	char		 time[6];	/* HH:MM, or "" for all day */
	int		 priority;	/* a to-do's PRIORITY, 1 (highest) to
					   9, from its review score
					   (review_priority); 0 none */
};

/*
 * The items of the kinds in what (ICS_ bits): open follow-ups in due
 * order (the contact's name, or the deal's title, in the summary and
 * description), then birthdays of contacts not archived in name order (a
 * birthday without a year dated in ICS_NO_YEAR).  Fills *out (caller
 * frees with ics_items_free) and *n.
 */
enum kith_status ics_collect(struct kith_db *, unsigned what,
		    struct ics_item **out, size_t *n, struct kith_err *);
void		 ics_items_free(struct ics_item *, size_t n);

/*
 * Writes the items of what (as ics_collect) to fp as one VCALENDAR:
 * follow-ups as VTODO with DUE (a date, or a local date and time) and
 * PRIORITY (the review's score mapped by review_priority, review.h),
 * birthdays as VEVENT with DTSTART;VALUE=DATE and RRULE:FREQ=YEARLY (29
 * February: the month's last day in other years).  DTSTAMP is the
 * database's now.  Sets *count (may be NULL) to the items written.
 */
enum kith_status ics_write(struct kith_db *, FILE *fp, unsigned what,
		    long *count, struct kith_err *);

#endif
