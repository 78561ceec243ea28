/* SPDX-License-Identifier: MIT */
/*
 * Calendar dates as people type them.  Dates are stored as "YYYY-MM-DD"
 * strings in the user's local time zone (a follow-up due "tomorrow" is due
 * on a calendar day, not at an instant), so they sort and compare as text;
 * a moment with a time of day is "YYYY-MM-DD HH:MM".
 *
 * Every function takes the current time as an argument: callers inject the
 * clock, which keeps tests deterministic (see kith_db_now()).  This is the
 * one date parser: the command line, the TUI forms and the CSV importer all
 * come here.
 */
#ifndef KITH_CLOCK_H
#define KITH_CLOCK_H

#include <stddef.h>
#include <time.h>
#include "kith/status.h"

#define KITH_DATE_LEN	11	/* "YYYY-MM-DD" and NUL */
#define KITH_WHEN_LEN	17	/* "YYYY-MM-DD HH:MM" and NUL */
#define KITH_DAY_TEXT	32	/* "Tue 8 Dec 2026 14:30" and NUL, with room */
#define KITH_TIME_LEN	6	/* "HH:MM" and NUL */

/* Flags for when_parse(). */
#define KITH_DATE_PAST	 0x01	/* the past is meant: "fri" is the last one */
#define KITH_DATE_TIME	 0x02	/* a time of day may follow the date */
#define KITH_DATE_MDY	 0x04	/* 5/12 is May 12 (default: 5 December) */
#define KITH_DATE_ABSOLUTE 0x08	/* only dates written out (birthdays): no
				   today, +3d...; a date without a year is
				   "--MM-DD" */

struct kith_when {
	char	date[KITH_DATE_LEN];	/* "YYYY-MM-DD" (or "--MM-DD") */
	int	hour;			/* 0-23, or -1 if no time was given */
	int	min;			/* 0-59 */
};

/*
 * Writes the local calendar date of t to out (clamped to 0001-01-01 ..
 * 9999-12-31).
 */
void		 date_from_time(time_t t, char out[KITH_DATE_LEN]);

/*
 * Writes the local date and time of t to out as "YYYY-MM-DD HH:MM", the
 * one form in which lists (import batches, the change journal) show when
 * something happened.
 */
void		 when_from_time(time_t t, char out[KITH_WHEN_LEN]);

/*
 * Reads s as when_format() writes it: "YYYY-MM-DD" (out->hour -1) or
 * "YYYY-MM-DD HH:MM", a real day and time.  Returns 1, or 0 if s is not
 * one (out is then undefined).
 */
int		 when_read(const char *s, struct kith_when *out);

/* Reads "HH:MM" (00:00 to 23:59) into *hour and *min; 1, or 0 if not. */
int		 time_read(const char *s, int *hour, int *min);

/*
 * Parses s, a date as a person types it, relative to now in local time.
 * Case-insensitive; blanks around and commas are ignored.  The forms:
 *
 *   2026-12-05, 2026-12-5      ISO, leading zeros optional (also with /)
 *   24/12, 24/12/2026,         day first, unless KITH_DATE_MDY says
 *   24.12.2026, 24.12.         month first; the year has four digits
 *   --12-24                    ISO without the year
 *   Dec 24, 24 Dec, 24th Dec,  English month names, three letters or more
 *   December 24 2026
 *   Thu 24 Dec 2026            any of the above after its weekday, which
 *                              must agree (kith echoes dates so)
 *   today, tomorrow, yesterday
 *   fri, friday                the next one after today (a week ahead on a
 *   next fri, this fri         Friday); with KITH_DATE_PAST the last one
 *                              before today; "next" always looks ahead,
 *   last fri                   "last" always back
 *   next week                  Monday of next week
 *   next month, next year      the first day of the next month, year
 *   +3d -2w +1m +1y 2w         days, weeks, months (the day of the month
 *   in 3 days, 3 days ago      clamped to the month's end: +1m from Jan 31
 *                              is Feb 28 or 29), years; no sign is +
 *   +3bd, in 3 business days   business days, skipping Saturday and Sunday
 *   eow, end of week           Friday of this week (next Friday at the
 *                              weekend)
 *   eom, end of month          the last day of this month
 *   eoy, end of year           31 December
 *
 * A date without a year means the next such day on or after today (so
 * 24/12 typed on 27 December is next year's), or with KITH_DATE_PAST the
 * last one on or before today; 29/2 is the next (last) 29 February.  With
 * KITH_DATE_TIME a time of day may follow: "14:30", "9am", "2:15pm",
 * "fri 14:30", "yesterday 9am", "tomorrow at 2pm"; a time alone is today.
 * Without it, a time is refused.  Years run from 0001 to 9999.
 *
 * KITH_INVALID otherwise, with the message "'s' is not a date: " followed
 * by what is wrong with it ("2026-04 has 30 days") or by the accepted
 * forms.  out->hour is -1 when no time was given.
 */
enum kith_status when_parse(const char *s, time_t now, unsigned flags,
		    struct kith_when *out, struct kith_err *);

/* when_parse() with no flags, keeping only the date. */
enum kith_status date_parse(const char *s, time_t now,
		    char out[KITH_DATE_LEN], struct kith_err *);

/*
 * KITH_DATE_MDY if numeric dates are written month first here, else 0.
 * setting (e.g. $KITH_DATE_ORDER) "mdy" or "dmy" decides; NULL, empty or
 * anything else leaves it to d_fmt, a strftime date format (the locale's
 * LC_TIME D_FMT when d_fmt is NULL): month first when it is month, day,
 * year, as in en_US (%m/%d/%Y); year first (ISO) stays day first.  The C
 * and POSIX locales say day first.
 */
unsigned	 date_order_flags(const char *setting, const char *d_fmt);

/*
 * Whether setting is one date_order_flags() understands: "mdy", "dmy"
 * (without case), or NULL or empty to follow the locale.  The fronts
 * refuse anything else rather than quietly follow the locale.
 */
int		 date_order_valid(const char *setting);

/* "YYYY-MM-DD", or "YYYY-MM-DD HH:MM" when w has a time. */
void		 when_format(const struct kith_when *w, char out[KITH_WHEN_LEN]);

/*
 * w as a person reads it: "Tue 8 Dec 2026", "Tue 8 Dec 2026 14:30" (in
 * English, like the parser); a day without a year ("--12-08") is "8 Dec".
 * A malformed date is copied as it is.
 */
void		 when_describe(const struct kith_when *w,
		    char out[KITH_DAY_TEXT]);
/* The same for a "YYYY-MM-DD" date. */
void		 date_describe(const char *date, char out[KITH_DAY_TEXT]);

/*
 * 1 if w is later than now: a later day, or today at a later minute (a
 * date without a time is never later than today).
 */
int		 when_is_future(const struct kith_when *w, time_t now);

/* 1 if s is exactly "YYYY-MM-DD" and a real day. */
int		 date_valid(const char *s);

/* 1 if y-m-d is a real day; y 0 means no year, so 29 February passes. */
int		 date_valid_ymd(int y, int m, int d);

/* Writes valid y-m-d as "YYYY-MM-DD", or "--MM-DD" for y 0. */
void		 date_format_ymd(char out[KITH_DATE_LEN], int y, int m, int d);

/*
 * Reads a date as address books write it, the len bytes of s (trimmed by
 * the caller): YYYY-MM-DD, --MM-DD, M/D/YYYY (D/M/YYYY when the first
 * number is over 12), D.M.YYYY, YYYY/M/D, "05 Mar 2021", "March 5, 2021".
 * A year 0000 means none, and so do the placeholder years 1604 and 1900
 * that programs write for a date without one.  Returns 1 with out set ("YYYY-MM-DD" or
 * "--MM-DD"), -1 for the empty date "0/0/00" (Outlook's), 0 for anything
 * else.  Unlike when_parse, which reads what a person here types, this
 * follows the exporting programs (month first, as Google and Outlook
 * write).
 */
int		 date_parse_import(const char *s, size_t len,
		    char out[KITH_DATE_LEN]);

/* Days from a to b (b - a), both "YYYY-MM-DD"; 0 if either is malformed. */
long		 date_diff_days(const char *a, const char *b);

/*
 * Writes the day n days after d ("YYYY-MM-DD"; n may be negative) to out.
 * Returns 1, or 0 if d is malformed or the result leaves 0001..9999.
 */
int		 date_add_days(const char *d, long n, char out[KITH_DATE_LEN]);

/*
 * Parses a moment for KITH_NOW-style injection: seconds since the epoch, or
 * "YYYY-MM-DD" (midnight) or "YYYY-MM-DD HH:MM[:SS]" (or with 'T' for the
 * space) in local time; surrounding blanks are ignored.  Returns -1 if s is
 * NULL or malformed.
 */
time_t		 time_parse(const char *s);

#endif
