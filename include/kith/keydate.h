/* SPDX-License-Identifier: MIT */
/*
 * Key dates: birthdays (with or without a year) and, as they come,
 * anniversaries and other dates of a contact, with their next occurrence
 * and alerts at lead times (by default 7 days before and on the day).
 * Years that address books write for "unknown" (1604, 1900) are read as
 * no year; 29 February falls on 28 February in other years, or on 1 March
 * if asked.  The age shows only when the year is known.
 */
#ifndef KITH_KEYDATE_H
#define KITH_KEYDATE_H

#include <stddef.h>
#include <stdint.h>
#include "kith/clock.h"
#include "kith/status.h"

struct kith_db;

#define KEYDATE_LEAD		7	/* first alert, days before */
#define KEYDATE_LEAD_LAST	0	/* second alert: on the day */

/* Where 29 February falls in a year without one. */
enum keydate_feb29 {
	KEYDATE_FEB28,		/* the default */
	KEYDATE_MAR1
};

struct keydate {
	int64_t		 contact;	/* the contact's name is not read:
					   a review of thousands of
					   birthdays shows only a few */
	char		*label;		/* "birthday", "anniversary", "client
					   since": the date's label */
	char		 date[KITH_DATE_LEN];	/* as stored */
	int		 year;		/* 0: not known */
	char		 on[KITH_DATE_LEN];	/* next occurrence, >= today */
	long		 days;		/* from today to on */
	int		 age;		/* on that day; -1 unknown */
	int		 lead;		/* the lead time it alerts at: the
					   smallest of KEYDATE_LEAD,
					   KEYDATE_LEAD_LAST >= days */
};

/*
 * The year of stored date ("YYYY-MM-DD" or "--MM-DD"), 0 when it has
 * none or a placeholder year (1604, 1900); -1 if date is malformed.
 */
int		 keydate_year(const char *date);

/*
 * The next day on or after today (both "YYYY-MM-DD"; date may be
 * "--MM-DD") on which date recurs, into out.  Returns 1, 0 if date is
 * malformed.
 */
int		 keydate_next(const char *date, const char *today,
		    enum keydate_feb29, char out[KITH_DATE_LEN]);

/*
 * The key dates of non-archived contacts falling within days days of the
 * handle's today (0: today only), soonest first, ties by contact id and
 * label.  Birthdays are read off their index alone (contact_by_bday).
 * Caller frees.
 */
enum kith_status keydate_upcoming(struct kith_db *, int days,
		    enum keydate_feb29, struct keydate **out, size_t *n,
		    struct kith_err *);
void		 keydate_list_free(struct keydate *, size_t n);

/* How many key dates keydate_upcoming would list, into *n. */
enum kith_status keydate_count(struct kith_db *, int days,
		    enum keydate_feb29, size_t *n, struct kith_err *);

/* KEYDATE_MAR1 for setting "mar1" or "03-01" (e.g. $KITH_FEB29), else
 * KEYDATE_FEB28. */
enum keydate_feb29 keydate_feb29_from(const char *setting);

#endif
