/* SPDX-License-Identifier: MIT */
/*
 * Calendar dates as people type them.
 *
 * The only contact with time zones is turning an instant into the local
 * calendar day (localtime_r) and a local date and time into an instant
 * (mktime).  All arithmetic after that is on year, month and day through a
 * count of days since 1970-01-01 (Howard Hinnant's days_from_civil), so a
 * day is always one day, whatever daylight saving time does: adding 86400
 * seconds would land on the same day, or skip one, across a change.
 *
 * Dates are proleptic Gregorian, years 0001 to 9999, so that they fit
 * "YYYY-MM-DD" and sort as text.  Parsing is ASCII-only and ignores the
 * C locale, so that "FRIDAY" means the same under a Turkish one.
 */
#include <ctype.h>
#include <errno.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

#include "kith/clock.h"

#define YEAR_MIN	1
#define YEAR_MAX	9999
#define REL_MAX		999999	/* largest N in +Nd, +Nw and +Nm */

struct ymd {
	long	y;		/* year, 1 to 9999 once checked */
	int	m;		/* month, 1 to 12 */
	int	d;		/* day of the month, 1 to 31 */
};

static const char *const weekdays[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday"
};

static const char *trim(const char *, size_t *);
static int	 lower(int);
static int	 is_leap(long);
static int	 month_days(long, int);
static long	 days_from_civil(const struct ymd *);
static void	 civil_from_days(long, struct ymd *);
static int	 weekday(long);
static int	 parse_ymd(const char *, size_t, struct ymd *);
static const char *check_ymd(const struct ymd *, char *, size_t);
static int	 parse_num(const char *, size_t, long *);
static void	 format_ymd(const struct ymd *, char *);
static int	 local_ymd(time_t, struct ymd *);
static int	 parse_relative(const char *, size_t, const struct ymd *,
		    struct ymd *);
static enum kith_status not_a_date(const char *, const char *,
		    struct kith_err *);

void
date_from_time(time_t t, char out[KITH_DATE_LEN])
{
	struct ymd	d;

	if (!local_ymd(t, &d) || d.y < YEAR_MIN) {
		d.y = YEAR_MIN;
		d.m = d.d = 1;
	} else if (d.y > YEAR_MAX) {
		d.y = YEAR_MAX;
		d.m = 12;
		d.d = 31;
	}
	format_ymd(&d, out);
}

enum kith_status
date_parse(const char *s, time_t now, char out[KITH_DATE_LEN],
    struct kith_err *err)
{
	struct ymd	 today, d;
	const char	*p, *why;
	char		 word[16], buf[64];
	size_t		 len, i;
	long		 days;
	int		 wd;

	if (s == NULL)
		s = "";
	p = trim(s, &len);

	if (parse_ymd(p, len, &d)) {
		if ((why = check_ymd(&d, buf, sizeof buf)) != NULL)
			return not_a_date(s, why, err);
		format_ymd(&d, out);
		return KITH_OK;
	}

	if (!local_ymd(now, &today))
		return kith_err_set(err, KITH_INVALID,
		    "'%s': the current time is out of range", s);
	if (len > 0 && (p[0] == '+' || p[0] == '-')) {
		switch (parse_relative(p, len, &today, &d)) {
		case 0:
			return not_a_date(s, NULL, err);
		case -1:
			return not_a_date(s, "too far from today", err);
		}
		format_ymd(&d, out);
		return KITH_OK;
	}

	if (len == 0 || len >= sizeof word)
		return not_a_date(s, NULL, err);
	for (i = 0; i < len; i++)
		word[i] = (char)lower((unsigned char)p[i]);
	word[len] = '\0';
	days = days_from_civil(&today);
	if (strcmp(word, "today") == 0)
		;
	else if (strcmp(word, "tomorrow") == 0)
		days++;
	else if (strcmp(word, "yesterday") == 0)
		days--;
	else {
		for (wd = 0; wd < 7; wd++) {
			if (strcmp(word, weekdays[wd]) == 0 ||
			    (len == 3 && strncmp(word, weekdays[wd], 3) == 0))
				break;
		}
		if (wd == 7)
			return not_a_date(s, NULL, err);
		/* The next one strictly after today: 1 to 7 days ahead. */
		days += (wd - weekday(days) + 6) % 7 + 1;
	}
	civil_from_days(days, &d);
	if (d.y < YEAR_MIN || d.y > YEAR_MAX)
		return not_a_date(s, "too far from today", err);
	format_ymd(&d, out);
	return KITH_OK;
}

long
date_diff_days(const char *a, const char *b)
{
	struct ymd	da, db;

	if (a == NULL || b == NULL ||
	    !parse_ymd(a, strlen(a), &da) || !parse_ymd(b, strlen(b), &db) ||
	    check_ymd(&da, NULL, 0) != NULL || check_ymd(&db, NULL, 0) != NULL)
		return 0;
	return days_from_civil(&db) - days_from_civil(&da);
}

time_t
time_parse(const char *s)
{
	struct ymd	 d;
	struct tm	 tm;
	const char	*p;
	size_t		 len;
	long		 v, hh, mm, ss = 0;
	time_t		 t;

	if (s == NULL)
		return -1;
	p = trim(s, &len);
	if (len == 0)
		return -1;

	/* Seconds since the epoch. */
	if (strspn(p, "0123456789") >= len) {
		if (len > 18 || !parse_num(p, len, &v))
			return -1;
		t = (time_t)v;
		return (long)t == v ? t : -1;
	}

	if (len < 10 || !parse_ymd(p, 10, &d) || check_ymd(&d, NULL, 0) != NULL)
		return -1;
	hh = mm = 0;
	if (len > 10) {
		/* " HH:MM" or " HH:MM:SS", or with 'T' as in ISO 8601. */
		if ((len != 16 && len != 19) ||
		    (p[10] != ' ' && p[10] != 'T') ||
		    p[13] != ':' || !parse_num(p + 11, 2, &hh) ||
		    !parse_num(p + 14, 2, &mm) || hh > 23 || mm > 59)
			return -1;
		if (len == 19 && (p[16] != ':' || !parse_num(p + 17, 2, &ss) ||
		    ss > 59))
			return -1;
	}
	memset(&tm, 0, sizeof tm);
	tm.tm_year = (int)(d.y - 1900);
	tm.tm_mon = d.m - 1;
	tm.tm_mday = d.d;
	tm.tm_hour = (int)hh;
	tm.tm_min = (int)mm;
	tm.tm_sec = (int)ss;
	tm.tm_isdst = -1;	/* let the zone's rules decide */
	return mktime(&tm);
}

/* Skips blanks at both ends of s: the rest is the len bytes returned. */
static const char *
trim(const char *s, size_t *len)
{
	static const char	blanks[] = " \t\n\r\f\v";

	s += strspn(s, blanks);
	*len = strlen(s);
	while (*len > 0 && strchr(blanks, s[*len - 1]) != NULL)
		(*len)--;
	return s;
}

static int
lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

static int
is_leap(long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
month_days(long y, int m)
{
	static const int	days[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
				    31, 30, 31 };

	return m == 2 && is_leap(y) ? 29 : days[m - 1];
}

/*
 * Days from 1970-01-01 to d in the proleptic Gregorian calendar; see
 * https://howardhinnant.github.io/date_algorithms.html.  Years start in
 * March, so that February's leap day comes last.
 */
static long
days_from_civil(const struct ymd *d)
{
	long		y = d->y - (d->m <= 2);
	long		era = (y >= 0 ? y : y - 399) / 400;
	long		yoe = y - era * 400;			/* 0-399 */
	long		doy = (153 * (d->m > 2 ? d->m - 3 : d->m + 9) + 2) / 5 +
			    d->d - 1;				/* 0-365 */
	long		doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;

	return era * 146097 + doe - 719468;
}

/* The inverse of days_from_civil. */
static void
civil_from_days(long z, struct ymd *d)
{
	long	era, doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = z - era * 146097;					/* 0-146096 */
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);		/* 0-365 */
	mp = (5 * doy + 2) / 153;				/* 0-11 */
	d->d = (int)(doy - (153 * mp + 2) / 5 + 1);
	d->m = (int)(mp < 10 ? mp + 3 : mp - 9);
	d->y = yoe + era * 400 + (d->m <= 2);
}

/* Day of the week of a day count: 0 is Sunday (1970-01-01 was Thursday). */
static int
weekday(long days)
{
	return (int)(((days % 7) + 11) % 7);
}

/* Parses exactly "YYYY-MM-DD"; check_ymd checks the ranges. */
static int
parse_ymd(const char *s, size_t len, struct ymd *d)
{
	long	m, day;

	if (len != 10 || s[4] != '-' || s[7] != '-' ||
	    !parse_num(s, 4, &d->y) || !parse_num(s + 5, 2, &m) ||
	    !parse_num(s + 8, 2, &day))
		return 0;
	d->m = (int)m;
	d->d = (int)day;
	return 1;
}

/*
 * Returns NULL if d is a real date, else why not, written in buf (size
 * bytes; may be NULL if the reason is not wanted).
 */
static const char *
check_ymd(const struct ymd *d, char *buf, size_t size)
{
	if (d->y < YEAR_MIN)
		return "years run from 0001 to 9999";
	if (d->m < 1 || d->m > 12)
		return "months run from 01 to 12";
	if (d->d < 1 || d->d > month_days(d->y, d->m)) {
		if (buf == NULL)
			return "no such day";
		snprintf(buf, size, "%04ld-%02d has %d days", d->y, d->m,
		    month_days(d->y, d->m));
		return buf;
	}
	return NULL;
}

/* Parses exactly len decimal digits (len at most 18). */
static int
parse_num(const char *s, size_t len, long *v)
{
	size_t	i;

	*v = 0;
	if (len == 0)
		return 0;
	for (i = 0; i < len; i++) {
		if (!isdigit((unsigned char)s[i]))
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

/* Writes d, which check_ymd has passed, as "YYYY-MM-DD". */
static void
format_ymd(const struct ymd *d, char *out)
{
	unsigned long	y = (unsigned long)d->y;
	unsigned	m = (unsigned)d->m, day = (unsigned)d->d;

	/* The modulos only tell the compiler that it fits. */
	snprintf(out, KITH_DATE_LEN, "%04lu-%02u-%02u", y % 10000, m % 100,
	    day % 100);
}

/* The local calendar date of t; 0 if localtime_r cannot represent it. */
static int
local_ymd(time_t t, struct ymd *d)
{
	struct tm	tm;

	if (localtime_r(&t, &tm) == NULL)
		return 0;
	d->y = (long)tm.tm_year + 1900;
	d->m = tm.tm_mon + 1;
	d->d = tm.tm_mday;
	return 1;
}

/*
 * Parses "+Nd", "-Nw", "+Nm" and so on relative to today into *d.  Returns
 * 1, 0 if s is not of that form, or -1 if the date is beyond 0001-9999.
 * Months keep the day of the month, clamped to the month's last day.
 */
static int
parse_relative(const char *s, size_t len, const struct ymd *today,
    struct ymd *d)
{
	long	n, months;
	char	unit;

	if (len < 3 || len > 9 || !parse_num(s + 1, len - 2, &n) ||
	    n > REL_MAX)
		return 0;
	if (s[0] == '-')
		n = -n;
	unit = (char)lower((unsigned char)s[len - 1]);
	switch (unit) {
	case 'd':
	case 'w':
		civil_from_days(days_from_civil(today) +
		    (unit == 'w' ? n * 7 : n), d);
		break;
	case 'm':
		months = today->y * 12 + (today->m - 1) + n;
		if (months < 0)
			return -1;
		d->y = months / 12;
		d->m = (int)(months % 12) + 1;
		d->d = today->d;
		if (d->d > month_days(d->y, d->m))
			d->d = month_days(d->y, d->m);
		break;
	default:
		return 0;
	}
	if (d->y < YEAR_MIN || d->y > YEAR_MAX)
		return -1;
	return 1;
}

static enum kith_status
not_a_date(const char *s, const char *why, struct kith_err *err)
{
	if (why != NULL)
		return kith_err_set(err, KITH_INVALID,
		    "'%s' is not a date: %s", s, why);
	return kith_err_set(err, KITH_INVALID, "'%s' is not a date: use "
	    "YYYY-MM-DD, today, tomorrow, yesterday, +3d, -2w, +1m or a "
	    "weekday name", s);
}
