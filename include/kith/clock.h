/* SPDX-License-Identifier: MIT */
/*
 * Calendar dates as people type them.  Dates are stored as "YYYY-MM-DD"
 * strings in the user's local time zone (a follow-up due "tomorrow" is due
 * on a calendar day, not at an instant), so they sort and compare as text.
 *
 * Every function takes the current time as an argument: callers inject the
 * clock, which keeps tests deterministic (see kith_db_now()).
 */
#ifndef KITH_CLOCK_H
#define KITH_CLOCK_H

#include <time.h>
#include "kith/status.h"

#define KITH_DATE_LEN	11	/* "YYYY-MM-DD" and NUL */

/*
 * Writes the local calendar date of t to out (clamped to 0001-01-01 ..
 * 9999-12-31).
 */
void		 date_from_time(time_t t, char out[KITH_DATE_LEN]);

/*
 * Parses s as a date relative to now, in local time, and writes it to out:
 * YYYY-MM-DD; today, tomorrow, yesterday; +Nd/-Nd (days), +Nw/-Nw (weeks),
 * +Nm/-Nm (months, clamped to the month's last day); a weekday name, full
 * or three letters ("fri", "friday"), meaning the next such day strictly
 * after today (a week ahead on a Friday).
 * Case-insensitive, surrounding blanks ignored.  Years run from 0001 to
 * 9999.  A YYYY-MM-DD date does not use now.  KITH_INVALID otherwise, with
 * a message "'s' is not a date: " followed by the accepted forms, or by
 * what is wrong with a date of the right form ("2026-02 has 28 days").
 */
enum kith_status date_parse(const char *s, time_t now,
		    char out[KITH_DATE_LEN], struct kith_err *);

/* Days from a to b (b - a), both "YYYY-MM-DD"; 0 if either is malformed. */
long		 date_diff_days(const char *a, const char *b);

/*
 * Parses a moment for KITH_NOW-style injection: seconds since the epoch, or
 * "YYYY-MM-DD" (midnight) or "YYYY-MM-DD HH:MM[:SS]" (or with 'T' for the
 * space) in local time; surrounding blanks are ignored.  Returns -1 if s is
 * NULL or malformed.
 */
time_t		 time_parse(const char *s);

#endif
