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
 * C locale, so that "FRIDAY" means the same under a Turkish one; only the
 * order of day and month in 5/12 comes from the locale, and only through
 * date_order_flags(), which the fronts call.
 *
 * when_parse() lower-cases the input into a buffer, cuts it into words,
 * takes a time of day off the end, and reads what is left as one of a
 * fixed set of shapes (one word, "next X", "in N units", month names...).
 */
#include <ctype.h>
#include <errno.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "kith/clock.h"

#define YEAR_MIN	1
#define YEAR_MAX	9999
#define REL_MAX		999999	/* largest N in +Nd, +Nw and +Nm */
#define MAX_WORDS	8
#define MAX_INPUT	80

struct ymd {
	long	y;		/* year, 1 to 9999 once checked */
	int	m;		/* month, 1 to 12 */
	int	d;		/* day of the month, 1 to 31 */
};

/* One parse: the input cut into words, and what is known so far. */
struct parse {
	char		 buf[MAX_INPUT + 1];	/* lower-cased input */
	char		*w[MAX_WORDS];		/* its words */
	int		 n;			/* number of words */
	unsigned	 flags;			/* KITH_DATE_* */
	struct ymd	 today;
	long		 days;			/* days_from_civil(&today) */
	const char	*why;			/* what is wrong, or NULL */
	char		 whybuf[128];
	int		 noyear;		/* a date without a year */
};

static const char *const weekdays[] = {
	"sunday", "monday", "tuesday", "wednesday", "thursday", "friday",
	"saturday"
};

static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december"
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
static int	 split_words(struct parse *, const char *, size_t);
static int	 take_time(struct parse *, int *, int *);
static int	 parse_clock(const char *, int *, int *);
static int	 read_date(struct parse *, struct ymd *);
static int	 read_word(struct parse *, const char *, struct ymd *);
static int	 read_numeric(struct parse *, const char *, struct ymd *);
static int	 read_named(struct parse *, struct ymd *);
static int	 read_offset(struct parse *, long, const char *, struct ymd *);
static int	 add_units(struct parse *, long, int, struct ymd *);
static long	 add_business(long, long);
static int	 year_less(struct parse *, int, int, struct ymd *);
static int	 word_month(const char *);
static int	 month_prefix(const char *, size_t);
static int	 word_weekday(const char *);
static int	 word_unit(const char *, const char *);
static int	 word_day(const char *);
static int	 word_number(const char *, long *);
static int	 from_days(struct parse *, long, struct ymd *);
static int	 fail(struct parse *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
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

void
when_from_time(time_t t, char out[KITH_WHEN_LEN])
{
	struct tm	tm;
	char		day[KITH_DATE_LEN];

	date_from_time(t, day);
	if (localtime_r(&t, &tm) == NULL)
		tm.tm_hour = tm.tm_min = 0;
	snprintf(out, KITH_WHEN_LEN, "%.10s %02u:%02u", day,
	    (unsigned)tm.tm_hour % 24, (unsigned)tm.tm_min % 60);
}

int
time_read(const char *s, int *hour, int *min)
{
	if (s == NULL || strlen(s) != 5 || !isdigit((unsigned char)s[0]) ||
	    !isdigit((unsigned char)s[1]) || s[2] != ':' ||
	    !isdigit((unsigned char)s[3]) || !isdigit((unsigned char)s[4]))
		return 0;
	*hour = (s[0] - '0') * 10 + (s[1] - '0');
	*min = (s[3] - '0') * 10 + (s[4] - '0');
	return *hour < 24 && *min < 60;
}

int
when_read(const char *s, struct kith_when *out)
{
	size_t	len;

	if (s == NULL || ((len = strlen(s)) != 10 && len != 16))
		return 0;
	memcpy(out->date, s, 10);
	out->date[10] = '\0';
	out->hour = -1;
	out->min = 0;
	if (!date_valid(out->date))
		return 0;
	if (len == 16 && (s[10] != ' ' ||
	    !time_read(s + 11, &out->hour, &out->min))) {
		out->hour = -1;
		return 0;
	}
	return 1;
}

enum kith_status
when_parse(const char *s, time_t now, unsigned flags, struct kith_when *out,
    struct kith_err *err)
{
	struct parse	 ps;
	struct ymd	 d;
	const char	*p;
	size_t		 len;
	int		 hour = -1, min = 0, r;

	if (s == NULL)
		s = "";
	p = trim(s, &len);
	memset(&ps, 0, sizeof ps);
	ps.flags = flags;
	if (len > MAX_INPUT)
		return not_a_date(s, "that is too long for a date", err);
	if (!local_ymd(now, &ps.today))
		return kith_err_set(err, KITH_INVALID,
		    "'%s': the current time is out of range", s);
	ps.days = days_from_civil(&ps.today);
	if (!split_words(&ps, p, len))
		r = 0;
	else if ((r = take_time(&ps, &hour, &min)) >= 0) {
		if (r == 1 && !(flags & KITH_DATE_TIME))
			r = fail(&ps, "give the day without a time of day");
		else if (r == 1 && ps.n == 0) {
			d = ps.today;
			r = 1;
		} else if (ps.n == 0)
			r = 0;
		else
			r = read_date(&ps, &d);
	}
	if (r <= 0) {
		if (r == 0 && ps.why == NULL) {
			if (flags & KITH_DATE_ABSOLUTE)
				ps.why = flags & KITH_DATE_MDY ?
				    "use YYYY-MM-DD, 12/24/1980, Dec 24 1980 "
				    "or, without the year, 12/24 or Dec 24" :
				    "use YYYY-MM-DD, 24/12/1980, 24 Dec 1980 "
				    "or, without the year, 24/12 or 24 Dec";
			else
				ps.why = flags & KITH_DATE_MDY ?
				    "use YYYY-MM-DD, 12/24/2026, Dec 24, "
				    "today, tomorrow, yesterday, fri, next "
				    "week, next month, in 3 days, +2w, -1m, "
				    "+3bd, eow or eom" :
				    "use YYYY-MM-DD, 24/12/2026, 24 Dec, "
				    "today, tomorrow, yesterday, fri, next "
				    "week, next month, in 3 days, +2w, -1m, "
				    "+3bd, eow or eom";
		}
		return not_a_date(s, ps.why, err);
	}
	if (ps.noyear)
		date_format_ymd(out->date, 0, d.m, d.d);
	else
		format_ymd(&d, out->date);
	out->hour = hour;
	out->min = hour < 0 ? 0 : min;
	return KITH_OK;
}

enum kith_status
date_parse(const char *s, time_t now, char out[KITH_DATE_LEN],
    struct kith_err *err)
{
	struct kith_when	w;
	enum kith_status	st;

	if ((st = when_parse(s, now, 0, &w, err)) == KITH_OK)
		memcpy(out, w.date, KITH_DATE_LEN);
	return st;
}

int
date_order_valid(const char *setting)
{
	return setting == NULL || *setting == '\0' ||
	    strcasecmp(setting, "mdy") == 0 || strcasecmp(setting, "dmy") == 0;
}

unsigned
date_order_flags(const char *setting, const char *d_fmt)
{
	const char	*loc, *m, *d, *y;

	if (setting != NULL && strcasecmp(setting, "mdy") == 0)
		return KITH_DATE_MDY;
	if (setting != NULL && strcasecmp(setting, "dmy") == 0)
		return 0;
	if (d_fmt == NULL) {
		loc = setlocale(LC_TIME, NULL);
		if (loc == NULL || strcmp(loc, "C") == 0 ||
		    strcmp(loc, "POSIX") == 0 || strncmp(loc, "C.", 2) == 0)
			return 0;
		d_fmt = nl_langinfo(D_FMT);
	}
	if (d_fmt == NULL)
		return 0;
	if (strstr(d_fmt, "%D") != NULL)
		return KITH_DATE_MDY;		/* %m/%d/%y */
	/* Month, day, year as in en_US; year first (ISO, sv_SE) is not. */
	m = strstr(d_fmt, "%m");
	if ((d = strstr(d_fmt, "%d")) == NULL)
		d = strstr(d_fmt, "%e");
	if ((y = strstr(d_fmt, "%Y")) == NULL)
		y = strstr(d_fmt, "%y");
	return m != NULL && d != NULL && m < d && (y == NULL || y > d) ?
	    KITH_DATE_MDY : 0;
}

void
when_format(const struct kith_when *w, char out[KITH_WHEN_LEN])
{
	if (w->hour < 0)
		snprintf(out, KITH_WHEN_LEN, "%.10s", w->date);
	else
		snprintf(out, KITH_WHEN_LEN, "%.10s %02u:%02u", w->date,
		    (unsigned)w->hour % 24, (unsigned)w->min % 60);
}

void
when_describe(const struct kith_when *w, char out[KITH_DAY_TEXT])
{
	static const char *const mon[] = { "Jan", "Feb", "Mar", "Apr", "May",
	    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	static const char *const wday[] = { "Sun", "Mon", "Tue", "Wed",
	    "Thu", "Fri", "Sat" };
	struct ymd	 d;
	long		 m, day;
	char		 clock[8] = "";

	if (w->hour >= 0)
		snprintf(clock, sizeof clock, " %02u:%02u",
		    (unsigned)w->hour % 24, (unsigned)w->min % 60);
	/* A day without a year (a birthday): "8 Dec". */
	if (strlen(w->date) == 7 && strncmp(w->date, "--", 2) == 0 &&
	    w->date[4] == '-' && parse_num(w->date + 2, 2, &m) &&
	    parse_num(w->date + 5, 2, &day) &&
	    date_valid_ymd(0, (int)m, (int)day)) {
		snprintf(out, KITH_DAY_TEXT, "%ld %s%s", day, mon[m - 1],
		    clock);
		return;
	}
	if (!parse_ymd(w->date, strlen(w->date), &d) ||
	    check_ymd(&d, NULL, 0) != NULL) {
		snprintf(out, KITH_DAY_TEXT, "%.10s%s", w->date, clock);
		return;
	}
	/* The year is 1 to 9999 once checked: % says so to the compiler,
	 * which otherwise warns that a long may not fit. */
	snprintf(out, KITH_DAY_TEXT, "%s %d %s %d%s",
	    wday[weekday(days_from_civil(&d))], d.d, mon[d.m - 1],
	    (int)(d.y % 10000), clock);
}

void
date_describe(const char *date, char out[KITH_DAY_TEXT])
{
	struct kith_when	w;

	snprintf(w.date, sizeof w.date, "%s", date ? date : "");
	w.hour = -1;
	w.min = 0;
	when_describe(&w, out);
}

int
when_is_future(const struct kith_when *w, time_t now)
{
	struct tm	tm;
	char		today[KITH_DATE_LEN];
	int		c;

	date_from_time(now, today);
	if ((c = strcmp(w->date, today)) != 0 || w->hour < 0)
		return c > 0;
	if (localtime_r(&now, &tm) == NULL)
		return 0;
	return w->hour * 60 + w->min > tm.tm_hour * 60 + tm.tm_min;
}

int
date_valid(const char *s)
{
	struct ymd	d;

	return s != NULL && parse_ymd(s, strlen(s), &d) &&
	    check_ymd(&d, NULL, 0) == NULL;
}

int
date_valid_ymd(int y, int m, int d)
{
	if (y < 0 || y > YEAR_MAX || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= month_days(y == 0 ? 2000 : y, m);
}

void
date_format_ymd(char out[KITH_DATE_LEN], int y, int m, int d)
{
	struct ymd	v;

	if (y == 0) {
		snprintf(out, KITH_DATE_LEN, "--%02u-%02u", (unsigned)m % 100,
		    (unsigned)d % 100);
		return;
	}
	v.y = y;
	v.m = m;
	v.d = d;
	format_ymd(&v, out);
}

int
date_parse_import(const char *s, size_t slen, char out[KITH_DATE_LEN])
{
	const char	*p, *end = s + slen, *tok[3];
	size_t		 len[3], i;
	int		 num[3], isnum[3], nt = 0, y, mo, d, zero = 1;
	char		 sep = 0;

	if (slen >= 2 && s[0] == '-' && s[1] == '-') {
		p = s + 2;
		if (end - p >= 2 && isdigit((unsigned char)p[0]) &&
		    isdigit((unsigned char)p[1])) {
			mo = (p[0] - '0') * 10 + (p[1] - '0');
			p += 2;
			if (p < end && *p == '-')
				p++;
			if (end - p == 2 && isdigit((unsigned char)p[0]) &&
			    isdigit((unsigned char)p[1])) {
				d = (p[0] - '0') * 10 + (p[1] - '0');
				if (date_valid_ymd(0, mo, d)) {
					date_format_ymd(out, 0, mo, d);
					return 1;
				}
			}
		}
		return 0;
	}
	p = s;
	while (p < end) {
		if (strchr("-/.,", *p) != NULL && *p != '\0') {
			if (sep == 0)
				sep = *p;
			p++;
			continue;
		}
		if (*p == ' ' || *p == '\t') {
			p++;
			continue;
		}
		if (nt == 3)
			return 0;
		tok[nt] = p;
		if (isdigit((unsigned char)*p)) {
			while (p < end && isdigit((unsigned char)*p))
				p++;
			isnum[nt] = 1;
		} else if (isalpha((unsigned char)*p)) {
			while (p < end && isalpha((unsigned char)*p))
				p++;
			isnum[nt] = 0;
		} else
			return 0;
		len[nt] = (size_t)(p - tok[nt]);
		if (isnum[nt] && len[nt] > 4)
			return 0;
		num[nt] = 0;
		for (i = 0; isnum[nt] && i < len[nt]; i++)
			num[nt] = num[nt] * 10 + (tok[nt][i] - '0');
		if (!isnum[nt] || num[nt] != 0)
			zero = 0;
		nt++;
	}
	if (nt != 3)
		return 0;
	if (zero)
		return -1;
	if (isnum[0] && len[0] == 4) {			/* Y M D */
		y = num[0];
		mo = isnum[1] ? num[1] : month_prefix(tok[1], len[1]);
		d = isnum[2] ? num[2] : 0;
	} else if (isnum[2] && len[2] == 4) {
		y = num[2];
		if (!isnum[1] && isnum[0]) {		/* 5 Mar 2021 */
			d = num[0];
			mo = month_prefix(tok[1], len[1]);
		} else if (!isnum[0] && isnum[1]) {	/* Mar 5, 2021 */
			mo = month_prefix(tok[0], len[0]);
			d = num[1];
		} else if (isnum[0] && isnum[1] && (sep == '.' ||
		    num[0] > 12)) {			/* 17.4.1985 */
			d = num[0];
			mo = num[1];
		} else if (isnum[0] && isnum[1]) {	/* 4/17/1985 */
			mo = num[0];
			d = num[1];
		} else
			return 0;
	} else
		return 0;
	if (!date_valid_ymd(y, mo, d))
		return 0;
	/*
	 * Placeholder years of programs that cannot store a date without
	 * one: 1604 (Apple, iOS), 1900 (Outlook and phones).  No one kith
	 * knows was born or married then.
	 */
	if (y == 1604 || y == 1900)
		y = 0;
	date_format_ymd(out, y, mo, d);
	return 1;
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

int
date_add_days(const char *d, long n, char out[KITH_DATE_LEN])
{
	struct ymd	dd;

	if (d == NULL || strlen(d) != 10 || !parse_ymd(d, 10, &dd) ||
	    check_ymd(&dd, NULL, 0) != NULL)
		return 0;
	civil_from_days(days_from_civil(&dd) + n, &dd);
	if (dd.y < 1 || dd.y > 9999)
		return 0;
	format_ymd(&dd, out);
	return 1;
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
	unsigned long	y = (unsigned long)d->y % 10000;
	unsigned	m = (unsigned)d->m % 100, day = (unsigned)d->d % 100;

	/* By hand: a review formats thousands of days. */
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + day / 10);
	out[9] = (char)('0' + day % 10);
	out[10] = '\0';
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
 * Copies the len bytes of s into ps->buf in lower case, commas made
 * blanks, and cuts it into words.  0 if there are too many.
 */
static int
split_words(struct parse *ps, const char *s, size_t len)
{
	char	*p;
	size_t	 i;

	for (i = 0; i < len; i++)
		ps->buf[i] = s[i] == ',' ? ' ' : (char)lower((unsigned char)s[i]);
	ps->buf[len] = '\0';
	/* ISO 8601's 2026-12-08T14:30 */
	for (i = 1; i + 1 < len; i++)
		if (ps->buf[i] == 't' && isdigit((unsigned char)ps->buf[i - 1]) &&
		    isdigit((unsigned char)ps->buf[i + 1]))
			ps->buf[i] = ' ';
	ps->n = 0;
	for (p = ps->buf; *p != '\0';) {
		if (*p == ' ' || *p == '\t') {
			*p++ = '\0';
			continue;
		}
		if (ps->n == MAX_WORDS)
			return 0;
		ps->w[ps->n++] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t')
			p++;
	}
	return 1;
}

/*
 * Takes a time of day off the end of the words ("14:30", "9am", "9 am",
 * "at 2pm").  1 if there was one, 0 if not, -1 if it is not a real time.
 */
static int
take_time(struct parse *ps, int *hour, int *min)
{
	char	 both[16];
	int	 r;

	if (ps->n == 0)
		return 0;
	if (ps->n >= 2 && (strcmp(ps->w[ps->n - 1], "am") == 0 ||
	    strcmp(ps->w[ps->n - 1], "pm") == 0) &&
	    strlen(ps->w[ps->n - 2]) <= 5) {
		snprintf(both, sizeof both, "%s%s", ps->w[ps->n - 2],
		    ps->w[ps->n - 1]);
		if ((r = parse_clock(both, hour, min)) == 1)
			ps->n -= 2;
	} else if ((r = parse_clock(ps->w[ps->n - 1], hour, min)) == 1)
		ps->n--;
	if (r < 0)
		return fail(ps, "a time of day is written 14:30, 9am or "
		    "2:15pm");
	if (r == 1 && ps->n > 0 && strcmp(ps->w[ps->n - 1], "at") == 0)
		ps->n--;
	return r;
}

/*
 * "14:30", "9:05", "9am", "12pm", "2:15pm", "noon".  1 with *hour and *min
 * set, 0 if w is no time, -1 if it looks like one but is out of range.
 */
static int
parse_clock(const char *w, int *hour, int *min)
{
	const char	*p = w;
	int		 h = 0, m = 0, nd = 0, colon = 0;

	if (strcmp(w, "noon") == 0) {
		*hour = 12;
		*min = 0;
		return 1;
	}
	while (isdigit((unsigned char)*p) && nd < 3) {
		h = h * 10 + (*p++ - '0');
		nd++;
	}
	if (nd == 0 || nd > 2)
		return 0;
	if (*p == ':') {
		if (!isdigit((unsigned char)p[1]) ||
		    !isdigit((unsigned char)p[2]))
			return 0;
		m = (p[1] - '0') * 10 + (p[2] - '0');
		p += 3;
		colon = 1;
	}
	if (strcmp(p, "am") == 0 || strcmp(p, "pm") == 0) {
		if (h < 1 || h > 12 || m > 59)
			return -1;
		h = h % 12 + (p[0] == 'p' ? 12 : 0);
	} else if (*p != '\0' || !colon)
		return 0;
	else if (h > 23 || m > 59)
		return -1;
	*hour = h;
	*min = m;
	return 1;
}

/* Reads the words left after the time: 1, 0 (no such form) or -1. */
static int
read_date(struct parse *ps, struct ymd *d)
{
	char	**w = ps->w;
	int	  r, wd, n = ps->n;

	if (n == 1)
		return read_word(ps, w[0], d);
	/* "Tue 8 Dec 2026", as kith echoes dates: the weekday must agree. */
	if ((wd = word_weekday(w[0])) >= 0) {
		memmove(&w[0], &w[1], (size_t)(n - 1) * sizeof w[0]);
		ps->n--;
		if ((r = read_named(ps, d)) == 0 && ps->n == 1 &&
		    isdigit((unsigned char)w[0][0]))
			r = read_word(ps, w[0], d);
		if (r == 1 && !ps->noyear &&
		    weekday(days_from_civil(d)) != wd)
			return fail(ps, "%04ld-%02d-%02d is a %c%s, not a %c%s",
			    d->y, d->m, d->d,
			    weekdays[weekday(days_from_civil(d))][0] - 'a' +
			    'A', weekdays[weekday(days_from_civil(d))] + 1,
			    weekdays[wd][0] - 'a' + 'A', weekdays[wd] + 1);
		return r;
	}
	if ((r = read_named(ps, d)) != 0)
		return r;
	if (ps->flags & KITH_DATE_ABSOLUTE)
		return 0;
	if (n == 2 && (strcmp(w[0], "next") == 0 ||
	    strcmp(w[0], "last") == 0 || strcmp(w[0], "this") == 0)) {
		if ((wd = word_weekday(w[1])) >= 0) {
			if (w[0][0] == 't')
				return read_word(ps, w[1], d);
			if (w[0][0] == 'n')
				return from_days(ps, ps->days +
				    (wd - weekday(ps->days) + 6) % 7 + 1, d);
			return from_days(ps, ps->days -
			    ((weekday(ps->days) - wd + 6) % 7 + 1), d);
		}
		if (w[0][0] != 'n')
			return 0;
		if (strcmp(w[1], "week") == 0)		/* Monday */
			return from_days(ps, ps->days +
			    (1 - weekday(ps->days) + 6) % 7 + 1, d);
		if (strcmp(w[1], "month") == 0) {
			d->y = ps->today.y + (ps->today.m == 12);
			d->m = ps->today.m % 12 + 1;
			d->d = 1;
			return d->y <= YEAR_MAX ? 1 :
			    fail(ps, "too far from today");
		}
		if (strcmp(w[1], "year") == 0) {
			d->y = ps->today.y + 1;
			d->m = d->d = 1;
			return d->y <= YEAR_MAX ? 1 :
			    fail(ps, "too far from today");
		}
		return 0;
	}
	if (n == 3 && strcmp(w[0], "end") == 0 && strcmp(w[1], "of") == 0) {
		if (strcmp(w[2], "week") == 0)
			return read_word(ps, "eow", d);
		if (strcmp(w[2], "month") == 0)
			return read_word(ps, "eom", d);
		if (strcmp(w[2], "year") == 0)
			return read_word(ps, "eoy", d);
		return 0;
	}
	/* "3 days", "in 3 days", "3 days ago", with a one or two word unit. */
	if (strcmp(w[0], "in") == 0)
		return read_offset(ps, 1, w[1], d);
	if (strcmp(w[n - 1], "ago") == 0) {
		ps->n--;
		r = read_offset(ps, -1, w[0], d);
		ps->n++;
		return r;
	}
	return read_offset(ps, 1, w[0], d);
}

/*
 * w[i..n) is a number and a unit, where number is the word first:
 * sign times that many units from today.
 */
static int
read_offset(struct parse *ps, long sign, const char *number, struct ymd *d)
{
	char	**w = ps->w;
	long	  v;
	int	  i, unit;

	for (i = 0; i < ps->n && w[i] != number; i++)
		;
	if (i + 2 == ps->n)
		unit = word_unit(w[i + 1], NULL);
	else if (i + 3 == ps->n)
		unit = word_unit(w[i + 1], w[i + 2]);
	else
		return 0;
	if (unit == 0 || !word_number(number, &v))
		return 0;
	return add_units(ps, sign * v, unit, d);
}

/* One word: today, eom, fri, +3d, 2w, 2026-12-5, 24/12... */
static int
read_word(struct parse *ps, const char *w, struct ymd *d)
{
	const char	*p;
	long		 v, sign = 1;
	int		 wd, unit;

	if (isdigit((unsigned char)w[0]) &&
	    w[strspn(w, "0123456789./-")] == '\0')
		return read_numeric(ps, w, d);
	/* --MM-DD, ISO's date without a year (as vCard writes it). */
	if (strlen(w) == 7 && w[0] == '-' && w[1] == '-' && w[4] == '-' &&
	    parse_num(w + 2, 2, &v) && parse_num(w + 5, 2, &sign)) {
		if (v < 1 || v > 12)
			return fail(ps, "months run from 01 to 12");
		return year_less(ps, (int)v, (int)sign, d);
	}
	if (ps->flags & KITH_DATE_ABSOLUTE)
		return 0;
	if (strcmp(w, "today") == 0)
		return from_days(ps, ps->days, d);
	if (strcmp(w, "tomorrow") == 0)
		return from_days(ps, ps->days + 1, d);
	if (strcmp(w, "yesterday") == 0)
		return from_days(ps, ps->days - 1, d);
	if (strcmp(w, "eow") == 0)	/* Friday on or after today */
		return from_days(ps, ps->days + (5 - weekday(ps->days) + 7) % 7,
		    d);
	if (strcmp(w, "eom") == 0) {
		*d = ps->today;
		d->d = month_days(d->y, d->m);
		return 1;
	}
	if (strcmp(w, "eoy") == 0) {
		*d = ps->today;
		d->m = 12;
		d->d = 31;
		return 1;
	}
	if ((wd = word_weekday(w)) >= 0) {
		if (ps->flags & KITH_DATE_PAST)	/* the last one before today */
			return from_days(ps, ps->days -
			    ((weekday(ps->days) - wd + 6) % 7 + 1), d);
		/* The next one strictly after today: 1 to 7 days ahead. */
		return from_days(ps, ps->days +
		    (wd - weekday(ps->days) + 6) % 7 + 1, d);
	}
	/* +3d, -2w, 2w, +3bd */
	p = w;
	if (*p == '+' || *p == '-')
		sign = *p++ == '-' ? -1 : 1;
	v = 0;
	if (!isdigit((unsigned char)*p))
		return 0;
	while (isdigit((unsigned char)*p)) {
		if (p - w > 7)
			return 0;
		v = v * 10 + (*p++ - '0');
	}
	if (v > REL_MAX || (unit = word_unit(p, NULL)) == 0)
		return 0;
	return add_units(ps, sign * v, unit, d);
}

/* 2026-12-5, 24/12, 24/12/2026, 24.12.2026, 24.12. (12/24 with MDY). */
static int
read_numeric(struct parse *ps, const char *w, struct ymd *d)
{
	const char	*p = w;
	long		 part[3];
	size_t		 len[3], n = 0, k;
	char		 sep = 0;
	int		 day, mon, mdy = (ps->flags & KITH_DATE_MDY) != 0;
	const char	*why;
	char		 buf[64];

	for (;;) {
		k = strspn(p, "0123456789");
		if (k == 0 || k > 4 || n == 3)
			return 0;
		parse_num(p, k, &part[n]);
		len[n++] = k;
		p += k;
		if (*p == '\0')
			break;
		if (sep != 0 && *p != sep)
			return 0;
		sep = *p++;
		if (*p == '\0' && sep == '.')	/* "24.12." */
			break;
	}
	if (n == 3 && len[0] == 4 && len[1] <= 2 && len[2] <= 2) {
		d->y = part[0];
		d->m = (int)part[1];
		d->d = (int)part[2];
	} else if (n >= 2 && len[0] <= 2 && len[1] <= 2) {
		if (n == 3 && len[2] != 4)
			return fail(ps, "write the year with four digits");
		mon = (int)(mdy ? part[0] : part[1]);
		day = (int)(mdy ? part[1] : part[0]);
		if (mon < 1 || mon > 12)
			return fail(ps, "there is no month %d: dates are "
			    "written %s here (KITH_DATE_ORDER=%s changes it)",
			    mon, mdy ? "month first, 12/24" :
			    "day first, 24/12", mdy ? "dmy" : "mdy");
		if (n == 2)
			return year_less(ps, mon, day, d);
		d->y = part[2];
		d->m = mon;
		d->d = day;
	} else
		return 0;
	if ((why = check_ymd(d, buf, sizeof buf)) != NULL)
		return fail(ps, "%s", why);
	return 1;
}

/* "Dec 24", "24 Dec", "24th of December", "December 24 2026". */
static int
read_named(struct parse *ps, struct ymd *d)
{
	const char *why, *w[3];
	char	  buf[64];
	long	  y = 0;
	int	  n = ps->n, m, day, i;

	for (i = 0; i < n && i < 3; i++)
		w[i] = ps->w[i];
	if (n == 3 && strcmp(w[1], "of") == 0) {
		n = 2;				/* "24th of December" */
		w[1] = w[2];
	}
	if (n == 3) {
		if (strlen(w[2]) != 4 || !word_number(w[2], &y))
			return 0;
	} else if (n != 2)
		return 0;
	if ((m = word_month(w[0])) > 0 && (day = word_day(w[1])) > 0)
		;
	else if ((m = word_month(w[1])) > 0 && (day = word_day(w[0])) > 0)
		;
	else
		return 0;
	if (y == 0)
		return year_less(ps, m, day, d);
	d->y = y;
	d->m = m;
	d->d = day;
	if ((why = check_ymd(d, buf, sizeof buf)) != NULL)
		return fail(ps, "%s", why);
	return 1;
}

/*
 * Month m, day d without a year: --MM-DD for absolute dates, else the
 * next such day on or after today (the last on or before with PAST).
 */
static int
year_less(struct parse *ps, int m, int d, struct ymd *out)
{
	int	past = (ps->flags & KITH_DATE_PAST) != 0, i, c;

	if (!date_valid_ymd(0, m, d))
		return fail(ps, "%c%s has %d days", months[m - 1][0] - 'a' +
		    'A', months[m - 1] + 1, month_days(2000, m));
	out->m = m;
	out->d = d;
	if (ps->flags & KITH_DATE_ABSOLUTE) {
		out->y = 0;
		ps->noyear = 1;
		return 1;
	}
	out->y = ps->today.y;
	c = m != ps->today.m ? m - ps->today.m : d - ps->today.d;
	if (!past && c < 0)
		out->y++;
	else if (past && c > 0)
		out->y--;
	for (i = 0; i < 8 && !date_valid_ymd((int)out->y, m, d); i++)
		out->y += past ? -1 : 1;	/* 29 February */
	if (out->y < YEAR_MIN || out->y > YEAR_MAX)
		return fail(ps, "too far from today");
	return 1;
}

/* n units ('d', 'w', 'm', 'y', 'b' business days) from today. */
static int
add_units(struct parse *ps, long n, int unit, struct ymd *d)
{
	long	total;

	switch (unit) {
	case 'd':
		return from_days(ps, ps->days + n, d);
	case 'w':
		return from_days(ps, ps->days + 7 * n, d);
	case 'b':
		return from_days(ps, add_business(ps->days, n), d);
	case 'y':
		n *= 12;
		/* FALLTHROUGH */
	default:
		total = ps->today.y * 12 + (ps->today.m - 1) + n;
		if (total < YEAR_MIN * 12 || total >= (YEAR_MAX + 1) * 12L)
			return fail(ps, "too far from today");
		d->y = total / 12;
		d->m = (int)(total % 12) + 1;
		d->d = ps->today.d;
		if (d->d > month_days(d->y, d->m))
			d->d = month_days(d->y, d->m);
		return 1;
	}
}

/*
 * n business days (Monday to Friday) after day (before, if n < 0).  From a
 * weekend, counting starts as from the Friday before (the Monday after,
 * going back): +1bd on Saturday is Monday, -1bd on Sunday Friday.
 */
static long
add_business(long day, long n)
{
	long	step = n < 0 ? -1 : 1, left = n < 0 ? -n : n;
	int	wd = weekday(day);

	if (n == 0)
		return day;
	if (wd == 6 || wd == 0)
		day += step > 0 ? (wd == 6 ? -1 : -2) : (wd == 6 ? 2 : 1);
	day += step * 7 * (left / 5);
	for (left %= 5; left > 0; left--) {
		day += step;
		wd = weekday(day);
		if (wd == 6 || wd == 0)
			day += step > 0 ? (wd == 6 ? 2 : 1) :
			    (wd == 6 ? -1 : -2);
	}
	return day;
}

/* 1..12 for an English month name or its beginning (3 letters or more). */
static int
month_prefix(const char *s, size_t n)
{
	int	i;

	if (n < 3)
		return 0;
	for (i = 0; i < 12; i++)
		if (n <= strlen(months[i]) && strncasecmp(s, months[i], n) == 0)
			return i + 1;
	return 0;
}

static int
word_month(const char *w)
{
	return month_prefix(w, strlen(w));
}

/* 0 (Sunday) to 6 for a weekday name, full or three letters; else -1. */
static int
word_weekday(const char *w)
{
	size_t	len = strlen(w);
	int	wd;

	for (wd = 0; wd < 7; wd++)
		if (strcmp(w, weekdays[wd]) == 0 ||
		    (len == 3 && strncmp(w, weekdays[wd], 3) == 0))
			return wd;
	return -1;
}

/* 'd', 'w', 'm', 'y' or 'b' (business days) for a unit of one or two words. */
static int
word_unit(const char *a, const char *b)
{
	static const struct {
		const char	*name;
		int		 unit;
	} units[] = {
		{ "d", 'd' }, { "day", 'd' }, { "days", 'd' },
		{ "w", 'w' }, { "wk", 'w' }, { "wks", 'w' }, { "week", 'w' },
		{ "weeks", 'w' },
		{ "m", 'm' }, { "mo", 'm' }, { "month", 'm' },
		{ "months", 'm' },
		{ "y", 'y' }, { "yr", 'y' }, { "yrs", 'y' }, { "year", 'y' },
		{ "years", 'y' },
		{ "bd", 'b' }, { "workday", 'b' }, { "workdays", 'b' },
	};
	size_t	i;

	if (b != NULL)
		return (strcmp(a, "business") == 0 ||
		    strcmp(a, "working") == 0) && (strcmp(b, "day") == 0 ||
		    strcmp(b, "days") == 0) ? 'b' : 0;
	for (i = 0; i < sizeof units / sizeof units[0]; i++)
		if (strcmp(a, units[i].name) == 0)
			return units[i].unit;
	return 0;
}

/* A day of the month, "24" or "24th"; 0 if w is not one. */
static int
word_day(const char *w)
{
	size_t	k = strspn(w, "0123456789");
	long	v;

	if (k == 0 || k > 2 || (w[k] != '\0' && strcmp(w + k, "st") != 0 &&
	    strcmp(w + k, "nd") != 0 && strcmp(w + k, "rd") != 0 &&
	    strcmp(w + k, "th") != 0))
		return 0;
	parse_num(w, k, &v);
	return v >= 1 && v <= 31 ? (int)v : 0;
}

/* A number of at most six digits. */
static int
word_number(const char *w, long *v)
{
	size_t	len = strlen(w);

	return len > 0 && len <= 6 && parse_num(w, len, v) && *v <= REL_MAX;
}

/* The day with count days; -1 if it is beyond 0001-9999. */
static int
from_days(struct parse *ps, long days, struct ymd *d)
{
	civil_from_days(days, d);
	if (d->y < YEAR_MIN || d->y > YEAR_MAX)
		return fail(ps, "too far from today");
	return 1;
}

/* Records why the input is no date; returns -1. */
static int
fail(struct parse *ps, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(ps->whybuf, sizeof ps->whybuf, fmt, ap);
	va_end(ap);
	ps->why = ps->whybuf;
	return -1;
}

static enum kith_status
not_a_date(const char *s, const char *why, struct kith_err *err)
{
	return kith_err_set(err, KITH_INVALID, "'%s' is not a date: %s", s,
	    why);
}
