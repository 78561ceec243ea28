/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for src/core/clock.c.  They run in Europe/Belgrade, whose
 * daylight saving time changes on 2026-03-29 (a 23-hour day) and
 * 2026-10-25 (a 25-hour day), and take "now" from time_parse, so they do
 * not depend on the machine's clock or zone.  2026-01-30 is a Friday.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kith/clock.h"
#include "check.h"

static void	 set_tz(const char *);
static int	 parses_to(const char *, const char *, const char *);
static int	 rejects(const char *, const char *, const char *);

static void	 test_time_parse(void);
static void	 test_date_from_time(void);
static void	 test_absolute(void);
static void	 test_words(void);
static void	 test_relative(void);
static void	 test_month_clamp(void);
static void	 test_weekdays(void);
static void	 test_invalid(void);
static void	 test_dst(void);
static void	 test_diff_days(void);
static void	 test_every_day(void);
static void	 test_forms(void);
static void	 test_order(void);
static void	 test_describe(void);
static void	 test_future(void);
static void	 test_valid(void);
static void	 setup(void);

static void
set_tz(const char *tz)
{
	setenv("TZ", tz, 1);
	tzset();
}

/* True if s parses, relative to the local time now, to want. */
static int
parses_to(const char *now, const char *s, const char *want)
{
	struct kith_err	 err;
	char		 out[KITH_DATE_LEN];
	time_t		 t;

	if ((t = time_parse(now)) == -1) {
		fprintf(stderr, "bad now \"%s\"\n", now);
		return 0;
	}
	memset(out, 'x', sizeof out);
	if (date_parse(s, t, out, &err) != KITH_OK) {
		fprintf(stderr, "date_parse(\"%s\") at %s failed: %s\n", s,
		    now, err.msg);
		return 0;
	}
	if (strcmp(out, want) != 0) {
		fprintf(stderr, "date_parse(\"%s\") at %s is %s, expected "
		    "%s\n", s, now, out, want);
		return 0;
	}
	return 1;
}

/* True if s is refused with a message containing msg. */
static int
rejects(const char *now, const char *s, const char *msg)
{
	struct kith_err	 err;
	char		 out[KITH_DATE_LEN];

	kith_err_clear(&err);
	if (date_parse(s, time_parse(now), out, &err) != KITH_INVALID) {
		fprintf(stderr, "date_parse(\"%s\") at %s was accepted\n",
		    s ? s : "(null)", now);
		return 0;
	}
	if (strstr(err.msg, msg) == NULL) {
		fprintf(stderr, "date_parse(\"%s\"): message \"%s\" lacks "
		    "\"%s\"\n", s ? s : "(null)", err.msg, msg);
		return 0;
	}
	return 1;
}

static void
test_time_parse(void)
{
	CHECK_INT(time_parse("0"), 0);
	CHECK_INT(time_parse("1769770800"), 1769770800);
	CHECK_INT(time_parse(" 1769770800\n"), 1769770800);
	CHECK_INT(time_parse("2026-01-30"), 1769727600);
	CHECK_INT(time_parse("2026-01-30 12:00"), 1769770800);
	CHECK_INT(time_parse("2026-01-30T12:00"), 1769770800);
	CHECK_INT(time_parse("2026-07-01 12:34:56"), 1782902096);
	CHECK_INT(time_parse("2026-10-24 23:30"), 1792877400);
	CHECK_INT(time_parse("2026-10-25 00:30"), 1792881000);

	CHECK_INT(time_parse(NULL), -1);
	CHECK_INT(time_parse(""), -1);
	CHECK_INT(time_parse("now"), -1);
	CHECK_INT(time_parse("-5"), -1);
	CHECK_INT(time_parse("12a"), -1);
	CHECK_INT(time_parse("99999999999999999999"), -1);
	CHECK_INT(time_parse("2026-02-30"), -1);
	CHECK_INT(time_parse("2026-01-30 24:00"), -1);
	CHECK_INT(time_parse("2026-01-30 10:60"), -1);
	CHECK_INT(time_parse("2026-01-30 10:00:60"), -1);
	CHECK_INT(time_parse("2026-01-30 1:00"), -1);
	CHECK_INT(time_parse("2026-01-30 10:00:"), -1);
	CHECK_INT(time_parse("2026-01-30x10:00"), -1);
	CHECK_INT(time_parse("2026-1-30"), -1);
}

static void
test_date_from_time(void)
{
	char	out[KITH_DATE_LEN];

	date_from_time(time_parse("2026-01-30 12:00"), out);
	CHECK_STR(out, "2026-01-30");
	date_from_time(time_parse("2026-11-25 23:59:59"), out);
	CHECK_STR(out, "2026-11-25");
	date_from_time(time_parse("2026-11-25 23:59:59") + 1, out);
	CHECK_STR(out, "2026-11-26");
	date_from_time(time_parse("2026-03-29 00:30"), out);
	CHECK_STR(out, "2026-03-29");

	/* The epoch is 01:00 in Belgrade, still the day before in New York. */
	date_from_time(0, out);
	CHECK_STR(out, "1970-01-01");
	set_tz("America/New_York");
	date_from_time(0, out);
	CHECK_STR(out, "1969-12-31");
	set_tz("Europe/Belgrade");
}

static void
test_absolute(void)
{
	const char	*now = "2026-01-30 12:00";

	CHECK(parses_to(now, "2026-02-28", "2026-02-28"));
	CHECK(parses_to(now, "  2026-02-28\t", "2026-02-28"));
	CHECK(parses_to(now, "2024-02-29", "2024-02-29"));	/* leap */
	CHECK(parses_to(now, "2000-02-29", "2000-02-29"));	/* 400 */
	CHECK(parses_to(now, "0001-01-01", "0001-01-01"));
	CHECK(parses_to(now, "9999-12-31", "9999-12-31"));
	CHECK(parses_to(now, "2026-12-31", "2026-12-31"));
	CHECK(rejects(now, "2026-02-29", "2026-02 has 28 days"));
	CHECK(rejects(now, "1900-02-29", "1900-02 has 28 days"));
	CHECK(rejects(now, "2026-02-30", "'2026-02-30' is not a date"));
	CHECK(rejects(now, "2026-04-31", "2026-04 has 30 days"));
	CHECK(rejects(now, "2026-01-32", "has 31 days"));
	CHECK(rejects(now, "2026-01-00", "has 31 days"));
	CHECK(rejects(now, "2026-13-01", "months run from 01 to 12"));
	CHECK(rejects(now, "2026-00-10", "months run from 01 to 12"));
	CHECK(rejects(now, "0000-01-01", "years run from 0001 to 9999"));

	/* A YYYY-MM-DD date needs no clock at all. */
	CHECK(parses_to("0", "2026-02-28", "2026-02-28"));
}

static void
test_words(void)
{
	const char	*now = "2026-01-30 12:00";

	CHECK(parses_to(now, "today", "2026-01-30"));
	CHECK(parses_to(now, "TODAY", "2026-01-30"));
	CHECK(parses_to(now, " Tomorrow ", "2026-01-31"));
	CHECK(parses_to(now, "yesterday", "2026-01-29"));
	CHECK(parses_to("2026-12-31 23:59", "tomorrow", "2027-01-01"));
	CHECK(parses_to("2026-01-01 00:00", "yesterday", "2025-12-31"));
	CHECK(parses_to("2024-02-28 08:00", "tomorrow", "2024-02-29"));
	CHECK(parses_to("2026-02-28 08:00", "tomorrow", "2026-03-01"));
}

static void
test_relative(void)
{
	const char	*now = "2026-01-30 12:00";

	CHECK(parses_to(now, "+3d", "2026-02-02"));
	CHECK(parses_to(now, "+0d", "2026-01-30"));
	CHECK(parses_to(now, "-1d", "2026-01-29"));
	CHECK(parses_to(now, "-30d", "2025-12-31"));
	CHECK(parses_to(now, "+365d", "2027-01-30"));
	CHECK(parses_to(now, "+2w", "2026-02-13"));
	CHECK(parses_to(now, "-2w", "2026-01-16"));
	CHECK(parses_to(now, "+1m", "2026-02-28"));
	CHECK(parses_to(now, "-1m", "2025-12-30"));
	CHECK(parses_to(now, "+12m", "2027-01-30"));
	CHECK(parses_to(now, "+3D", "2026-02-02"));
	CHECK(parses_to(now, "+1W", "2026-02-06"));
	CHECK(parses_to(now, " +03d ", "2026-02-02"));
	CHECK(parses_to(now, "+1000d", "2028-10-26"));
}

/* Months keep the day of the month, or the month's last day. */
static void
test_month_clamp(void)
{
	CHECK(parses_to("2026-01-31 12:00", "+1m", "2026-02-28"));
	CHECK(parses_to("2024-01-31 12:00", "+1m", "2024-02-29"));
	CHECK(parses_to("2026-01-31 12:00", "+2m", "2026-03-31"));
	CHECK(parses_to("2026-01-31 12:00", "+3m", "2026-04-30"));
	CHECK(parses_to("2026-03-31 12:00", "-1m", "2026-02-28"));
	CHECK(parses_to("2024-02-29 12:00", "+12m", "2025-02-28"));
	CHECK(parses_to("2024-02-29 12:00", "+48m", "2028-02-29"));
	CHECK(parses_to("2026-12-15 12:00", "+1m", "2027-01-15"));
	CHECK(parses_to("2026-01-15 12:00", "-1m", "2025-12-15"));
	CHECK(parses_to("2026-05-31 12:00", "-13m", "2025-04-30"));
}

/* A weekday is the next such day strictly after today. */
static void
test_weekdays(void)
{
	const char	*fri = "2026-01-30 12:00";

	CHECK(parses_to(fri, "fri", "2026-02-06"));
	CHECK(parses_to(fri, "friday", "2026-02-06"));
	CHECK(parses_to(fri, "Friday", "2026-02-06"));
	CHECK(parses_to(fri, "sat", "2026-01-31"));
	CHECK(parses_to(fri, "SUNDAY", "2026-02-01"));
	CHECK(parses_to(fri, "Mon", "2026-02-02"));
	CHECK(parses_to(fri, "tue", "2026-02-03"));
	CHECK(parses_to(fri, "wednesday", "2026-02-04"));
	CHECK(parses_to(fri, "thu", "2026-02-05"));
	CHECK(parses_to("2026-02-01 09:00", "sun", "2026-02-08"));
	CHECK(parses_to("2026-02-01 09:00", "mon", "2026-02-02"));
	CHECK(parses_to("2026-12-31 09:00", "fri", "2027-01-01"));

	CHECK(rejects(fri, "fr", "is not a date"));
	CHECK(rejects(fri, "frid", "is not a date"));
	CHECK(rejects(fri, "thurs", "is not a date"));
	CHECK(rejects(fri, "fridays", "is not a date"));
	CHECK(rejects(fri, "next fridays", "is not a date"));
}

static void
test_invalid(void)
{
	const char	*now = "2026-01-30 12:00";
	struct kith_err	 err;
	char		 out[KITH_DATE_LEN];

	CHECK(rejects(now, "+3x", "'+3x' is not a date: use YYYY-MM-DD"));
	CHECK(rejects(now, "", "'' is not a date"));
	CHECK(rejects(now, "   ", "is not a date"));
	CHECK(rejects(now, NULL, "is not a date"));
	CHECK(rejects(now, "13/13/2026", "'13/13/2026' is not a date"));
	CHECK(rejects(now, "2026-1-5-1", "is not a date"));
	CHECK(rejects(now, "2026-01-301", "is not a date"));
	CHECK(rejects(now, "20260130", "is not a date"));
	CHECK(rejects(now, "3", "is not a date"));
	CHECK(rejects(now, "+d", "is not a date"));
	CHECK(rejects(now, "++3d", "is not a date"));
	CHECK(rejects(now, "+-3d", "is not a date"));
	CHECK(rejects(now, "+ 3d", "is not a date"));
	CHECK(rejects(now, "+3dd", "is not a date"));
	CHECK(rejects(now, "+3 d", "is not a date"));
	CHECK(rejects(now, "+99999999999d", "is not a date"));
	CHECK(rejects(now, "+999999m", "too far from today"));
	CHECK(rejects(now, "-999999d", "too far from today"));
	CHECK(rejects(now, "tomorrow!", "is not a date"));
	CHECK(rejects(now, "to day", "is not a date"));

	/* The whole message, as the command line shows it. */
	CHECK_INT(date_parse("foo", time_parse(now), out, &err), KITH_INVALID);
	CHECK_STR(err.msg, "'foo' is not a date: use YYYY-MM-DD, 24/12/2026, "
	    "24 Dec, today, tomorrow, yesterday, fri, next week, next month, "
	    "in 3 days, +2w, -1m, +3bd, eow or eom");
	/* A NULL err is fine. */
	CHECK_INT(date_parse("foo", 0, out, NULL), KITH_INVALID);
}

/*
 * Across daylight saving time changes a day is still a day.  Adding 86400
 * seconds to 00:30 on the 25-hour 2026-10-25 gives 23:30 the same day, and
 * to 23:30 on the 23-hour 2026-03-29 gives 00:30 two days later.
 */
static void
test_dst(void)
{
	CHECK(parses_to("2026-03-28 12:00", "tomorrow", "2026-03-29"));
	CHECK(parses_to("2026-03-28 12:00", "+2d", "2026-03-30"));
	CHECK(parses_to("2026-03-29 00:30", "+1d", "2026-03-30"));
	CHECK(parses_to("2026-03-29 23:30", "tomorrow", "2026-03-30"));
	CHECK(parses_to("2026-03-29 23:30", "yesterday", "2026-03-28"));
	CHECK(parses_to("2026-10-25 00:30", "+1d", "2026-10-26"));
	CHECK(parses_to("2026-10-25 00:30", "tomorrow", "2026-10-26"));
	CHECK(parses_to("2026-10-25 23:30", "yesterday", "2026-10-24"));
	CHECK(parses_to("2026-10-24 23:30", "+1w", "2026-10-31"));
	CHECK(parses_to("2026-03-22 00:30", "+1w", "2026-03-29"));
	CHECK(parses_to("2026-03-22 00:30", "sun", "2026-03-29"));
	CHECK(parses_to("2026-02-28 23:30", "+1m", "2026-03-28"));
	CHECK(parses_to("2026-10-25 00:30", "today", "2026-10-25"));
}

static void
test_diff_days(void)
{
	CHECK_INT(date_diff_days("2026-01-30", "2026-01-30"), 0);
	CHECK_INT(date_diff_days("2026-01-30", "2026-01-31"), 1);
	CHECK_INT(date_diff_days("2026-01-31", "2026-01-30"), -1);
	/* Across the daylight saving time changes. */
	CHECK_INT(date_diff_days("2026-03-28", "2026-03-30"), 2);
	CHECK_INT(date_diff_days("2026-10-24", "2026-10-26"), 2);
	CHECK_INT(date_diff_days("2026-03-01", "2026-11-01"), 245);
	CHECK_INT(date_diff_days("2024-02-28", "2024-03-01"), 2);
	CHECK_INT(date_diff_days("2023-02-28", "2023-03-01"), 1);
	CHECK_INT(date_diff_days("1900-02-28", "1900-03-01"), 1);
	CHECK_INT(date_diff_days("2000-01-01", "2100-01-01"), 36525);
	CHECK_INT(date_diff_days("1970-01-01", "2026-01-30"), 20483);
	CHECK_INT(date_diff_days("2026-01-30", "1970-01-01"), -20483);
	CHECK_INT(date_diff_days("0001-01-01", "9999-12-31"), 3652058);

	CHECK_INT(date_diff_days("bad", "2026-01-30"), 0);
	CHECK_INT(date_diff_days("2026-01-30", "2026-02-30"), 0);
	CHECK_INT(date_diff_days("2026-01-30", "today"), 0);
	CHECK_INT(date_diff_days(NULL, "2026-01-30"), 0);

	/* The same in another zone: dates have no time zone. */
	set_tz("America/New_York");
	CHECK_INT(date_diff_days("2026-03-07", "2026-03-09"), 2);
	set_tz("Europe/Belgrade");
}

/*
 * Every day from 1900 to 2100 parses to itself and is one more day than
 * the one before; every day of 2026 at noon and just before midnight is
 * its own date, and "tomorrow" from it is the next one.
 */
static void
test_every_day(void)
{
	static const unsigned	 mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31,
				    30, 31, 30, 31 };
	struct kith_err		 err;
	char			 day[KITH_DATE_LEN], prev[KITH_DATE_LEN];
	char			 out[KITH_DATE_LEN], at[32];
	unsigned		 y, m, d, last;
	int			 bad = 0;
	time_t			 t;

	prev[0] = '\0';
	for (y = 1900; y <= 2100; y++) {
		for (m = 1; m <= 12; m++) {
			last = mdays[m - 1];
			if (m == 2 && y % 4 == 0 && (y % 100 != 0 ||
			    y % 400 == 0))
				last++;
			for (d = 1; d <= last; d++) {
				snprintf(day, sizeof day, "%04u-%02u-%02u", y,
				    m, d);
				if (date_parse(day, 0, out, &err) != KITH_OK ||
				    strcmp(out, day) != 0)
					bad++;
				if (prev[0] != '\0' &&
				    date_diff_days(prev, day) != 1)
					bad++;
				memcpy(prev, day, sizeof prev);
				if (y != 2026)
					continue;

				snprintf(at, sizeof at, "%s 12:00", day);
				date_from_time(time_parse(at), out);
				bad += strcmp(out, day) != 0;
				snprintf(at, sizeof at, "%s 23:59:59", day);
				t = time_parse(at);
				date_from_time(t, out);
				bad += strcmp(out, day) != 0;
				date_from_time(t + 1, at);
				if (date_parse("tomorrow", t, out, &err) !=
				    KITH_OK || strcmp(out, at) != 0)
					bad++;
			}
		}
	}
	CHECK_INT(bad, 0);
}

/*
 * Every form a person types, against a frozen clock.  want is what
 * when_format gives: "YYYY-MM-DD", with " HH:MM" when a time was given, or
 * "--MM-DD" for a year-less absolute date.
 */
struct form_case {
	const char	*now;
	unsigned	 flags;
	const char	*in;
	const char	*want;
};

#define FRI	"2026-01-30 12:00"	/* a Friday */
#define T	KITH_DATE_TIME
#define P	(KITH_DATE_PAST | KITH_DATE_TIME)
#define MDY	KITH_DATE_MDY
#define ABS	KITH_DATE_ABSOLUTE

static const struct form_case forms[] = {
	/* ISO, with or without leading zeros. */
	{ FRI, 0, "2026-12-5", "2026-12-05" },
	{ FRI, 0, "2026-1-5", "2026-01-05" },
	{ FRI, 0, "2026/12/05", "2026-12-05" },
	{ FRI, 0, "2026.12.5", "2026-12-05" },
	/* Day first. */
	{ FRI, 0, "24/12", "2026-12-24" },
	{ FRI, 0, "24/12/2026", "2026-12-24" },
	{ FRI, 0, "24.12.2026", "2026-12-24" },
	{ FRI, 0, "24.12.", "2026-12-24" },
	{ FRI, 0, "24-12-2026", "2026-12-24" },
	{ FRI, 0, "13/01/2026", "2026-01-13" },
	{ FRI, 0, "5/1", "2027-01-05" },	/* past this year: next year */
	{ FRI, 0, "29/1", "2027-01-29" },
	{ FRI, 0, "30/1", "2026-01-30" },	/* today is not past */
	{ FRI, 0, "31/1", "2026-01-31" },
	/* Month first, by the locale or KITH_DATE_ORDER. */
	{ FRI, MDY, "12/24", "2026-12-24" },
	{ FRI, MDY, "12/24/2026", "2026-12-24" },
	{ FRI, MDY, "1/5", "2027-01-05" },
	{ FRI, MDY, "2026-12-5", "2026-12-05" },
	/* Month names. */
	{ FRI, 0, "Dec 24", "2026-12-24" },
	{ FRI, 0, "24 Dec", "2026-12-24" },
	{ FRI, 0, "24 December", "2026-12-24" },
	{ FRI, 0, "December 24 2026", "2026-12-24" },
	{ FRI, 0, "Dec 24, 2026", "2026-12-24" },
	{ FRI, 0, "24 dec 2027", "2027-12-24" },
	{ FRI, 0, "24th of December", "2026-12-24" },
	{ FRI, 0, "1st jan", "2027-01-01" },
	{ FRI, 0, "Sept 3", "2026-09-03" },
	/* With its weekday, as kith echoes a date back. */
	{ FRI, 0, "Thu 24 Dec 2026", "2026-12-24" },
	{ FRI, 0, "Thursday, 24 December", "2026-12-24" },
	{ FRI, 0, "thu 24/12/2026", "2026-12-24" },
	{ FRI, T, "Thu 24 Dec 2026 14:30", "2026-12-24 14:30" },
	{ FRI, T, "2026-12-24T14:30", "2026-12-24 14:30" },
	{ FRI, MDY, "24 Dec", "2026-12-24" },
	/* Words. */
	{ FRI, 0, "today", "2026-01-30" },
	{ FRI, 0, "tomorrow", "2026-01-31" },
	{ FRI, 0, "yesterday", "2026-01-29" },
	/* Weekdays: the next one; "last" and KITH_DATE_PAST look back. */
	{ FRI, 0, "fri", "2026-02-06" },
	{ FRI, 0, "next fri", "2026-02-06" },
	{ FRI, 0, "next tuesday", "2026-02-03" },
	{ FRI, 0, "this tue", "2026-02-03" },
	{ FRI, 0, "last fri", "2026-01-23" },
	{ FRI, 0, "last mon", "2026-01-26" },
	{ FRI, P, "fri", "2026-01-23" },
	{ FRI, P, "thu", "2026-01-29" },
	{ FRI, P, "sat", "2026-01-24" },
	{ FRI, P, "next fri", "2026-02-06" },
	/* Next week (Monday), month (the 1st), year (1 January). */
	{ FRI, 0, "next week", "2026-02-02" },
	{ "2026-02-01 09:00", 0, "next week", "2026-02-02" },	/* Sun */
	{ "2026-02-02 09:00", 0, "next week", "2026-02-09" },	/* Mon */
	{ "2026-12-28 09:00", 0, "next week", "2027-01-04" },
	{ "2026-12-31 09:00", 0, "next week", "2027-01-04" },
	{ FRI, 0, "next month", "2026-02-01" },
	{ "2026-12-15 09:00", 0, "next month", "2027-01-01" },
	{ FRI, 0, "next year", "2027-01-01" },
	/* Offsets. */
	{ FRI, 0, "in 2 weeks", "2026-02-13" },
	{ FRI, 0, "in 3 days", "2026-02-02" },
	{ FRI, 0, "in 1 day", "2026-01-31" },
	{ FRI, 0, "in 1 month", "2026-02-28" },
	{ FRI, 0, "in 2 years", "2028-01-30" },
	{ FRI, 0, "3 days", "2026-02-02" },
	{ FRI, 0, "3 days ago", "2026-01-27" },
	{ FRI, 0, "2w", "2026-02-13" },
	{ FRI, 0, "3d", "2026-02-02" },
	{ FRI, 0, "+3d", "2026-02-02" },
	{ FRI, 0, "-3d", "2026-01-27" },
	{ FRI, 0, "+1y", "2027-01-30" },
	{ FRI, 0, "-1y", "2025-01-30" },
	{ "2024-02-29 09:00", 0, "+1y", "2025-02-28" },
	{ "2024-02-29 09:00", 0, "+4y", "2028-02-29" },
	{ "2026-01-31 09:00", 0, "+1m", "2026-02-28" },
	{ "2028-01-31 09:00", 0, "+1m", "2028-02-29" },
	{ "2026-12-31 09:00", 0, "+1d", "2027-01-01" },
	{ "2026-12-31 09:00", 0, "+1m", "2027-01-31" },
	/* End of week (Friday), month, year. */
	{ FRI, 0, "eow", "2026-01-30" },
	{ FRI, 0, "end of week", "2026-01-30" },
	{ "2026-01-31 09:00", 0, "eow", "2026-02-06" },	/* Sat */
	{ "2026-02-02 09:00", 0, "eow", "2026-02-06" },	/* Mon */
	{ FRI, 0, "eom", "2026-01-31" },
	{ FRI, 0, "end of month", "2026-01-31" },
	{ "2024-02-10 09:00", 0, "eom", "2024-02-29" },
	{ "2026-02-10 09:00", 0, "eom", "2026-02-28" },
	{ FRI, 0, "eoy", "2026-12-31" },
	/* Business days skip Saturday and Sunday. */
	{ FRI, 0, "+1bd", "2026-02-02" },
	{ FRI, 0, "+3bd", "2026-02-04" },
	{ FRI, 0, "+5bd", "2026-02-06" },
	{ FRI, 0, "+6bd", "2026-02-09" },
	{ FRI, 0, "in 3 business days", "2026-02-04" },
	{ FRI, 0, "in 10 working days", "2026-02-13" },
	{ FRI, 0, "-1bd", "2026-01-29" },
	{ FRI, 0, "+0bd", "2026-01-30" },
	{ "2026-01-31 09:00", 0, "+1bd", "2026-02-02" },	/* Sat */
	{ "2026-01-31 09:00", 0, "+5bd", "2026-02-06" },
	{ "2026-02-01 09:00", 0, "-1bd", "2026-01-30" },	/* Sun */
	{ "2026-02-02 09:00", 0, "-1bd", "2026-01-30" },	/* Mon */
	{ "2026-12-31 09:00", 0, "+1bd", "2027-01-01" },
	{ "2026-12-31 09:00", 0, "+2bd", "2027-01-04" },
	/* A time of day. */
	{ FRI, T, "fri 14:30", "2026-02-06 14:30" },
	{ FRI, T, "14:30", "2026-01-30 14:30" },
	{ FRI, T, "9:05", "2026-01-30 09:05" },
	{ FRI, T, "yesterday 9am", "2026-01-29 09:00" },
	{ FRI, T, "tomorrow 2pm", "2026-01-31 14:00" },
	{ FRI, T, "tomorrow at 2pm", "2026-01-31 14:00" },
	{ FRI, T, "tomorrow 2 pm", "2026-01-31 14:00" },
	{ FRI, T, "24/12 2:15pm", "2026-12-24 14:15" },
	{ FRI, T, "2026-12-05 12am", "2026-12-05 00:00" },
	{ FRI, T, "12pm", "2026-01-30 12:00" },
	{ FRI, T, "noon", "2026-01-30 12:00" },
	{ FRI, T, "tomorrow", "2026-01-31" },
	{ FRI, P, "fri 14:30", "2026-01-23 14:30" },
	{ FRI, P, "yesterday 9am", "2026-01-29 09:00" },
	{ FRI, P, "24/12", "2025-12-24" },	/* the last one */
	{ FRI, P, "30/1", "2026-01-30" },
	{ FRI, P, "31/1", "2025-01-31" },
	/* Leap years. */
	{ FRI, 0, "29/2", "2028-02-29" },
	{ FRI, P, "29/2", "2024-02-29" },
	{ FRI, 0, "29/2/2024", "2024-02-29" },
	{ FRI, 0, "29 feb 2028", "2028-02-29" },
	{ "2024-01-10 09:00", 0, "29 feb", "2024-02-29" },
	{ "2000-01-10 09:00", 0, "29/2", "2000-02-29" },
	/* Absolute dates only (birthdays): no year gives --MM-DD. */
	{ FRI, ABS, "24 Dec", "--12-24" },
	{ FRI, ABS, "--12-24", "--12-24" },
	{ FRI, 0, "--12-24", "2026-12-24" },
	{ FRI, ABS, "29/2", "--02-29" },
	{ FRI, ABS, "24/12/1980", "1980-12-24" },
	{ FRI, ABS | MDY, "12/24/1980", "1980-12-24" },
	{ FRI, ABS, "1980-12-24", "1980-12-24" },
	{ FRI, ABS, "December 24 1980", "1980-12-24" },
};

struct reject_case {
	unsigned	 flags;
	const char	*in;
	const char	*msg;
};

static const struct reject_case bad_forms[] = {
	{ 0, "31/4", "'31/4' is not a date: April has 30 days" },
	{ 0, "31/4/2026", "2026-04 has 30 days" },
	{ 0, "29/2/2027", "'29/2/2027' is not a date: 2027-02 has 28 days" },
	{ 0, "30 feb", "February has 29 days" },
	{ 0, "31 april 2026", "2026-04 has 30 days" },
	{ 0, "12/24", "there is no month 24: dates are written day first" },
	{ MDY, "24/12", "there is no month 24: dates are written month first" },
	{ 0, "24/12/26", "write the year with four digits" },
	{ 0, "Fri 24 Dec 2026", "2026-12-24 is a Thursday, not a Friday" },
	{ 0, "fri tomorrow", "is not a date" },
	{ 0, "fri next week", "is not a date" },
	{ 0, "0/12", "has 31 days" },
	{ T, "25:00", "a time of day is written 14:30" },
	{ T, "fri 13:75", "a time of day is written 14:30" },
	{ T, "13pm", "a time of day is written 14:30" },
	{ 0, "fri 14:30", "give the day without a time of day" },
	{ 0, "14:30", "give the day without a time of day" },
	{ 0, "next foo", "use YYYY-MM-DD, 24/12/2026" },
	{ MDY, "next foo", "use YYYY-MM-DD, 12/24/2026" },
	{ 0, "in 3 fortnights", "is not a date" },
	{ 0, "in -3 days", "is not a date" },
	{ 0, "3 days later", "is not a date" },
	{ 0, "last week", "is not a date" },
	{ 0, "24 foo", "is not a date" },
	{ 0, "32 dec", "is not a date" },
	{ 0, "dec 24 26", "is not a date" },
	{ 0, "+1000000d", "is not a date" },
	{ 0, "a b c d e f g h i", "is not a date" },
	{ ABS, "today", "use YYYY-MM-DD, 24/12/1980, 24 Dec 1980" },
	{ ABS, "+3d", "is not a date" },
	{ ABS, "--13-01", "months run from 01 to 12" },
	{ ABS, "--02-30", "February has 29 days" },
	{ ABS, "next week", "is not a date" },
};

static void
test_forms(void)
{
	struct kith_when	 w;
	struct kith_err		 err;
	char			 out[KITH_WHEN_LEN];
	size_t			 i;
	int			 bad = 0;

	for (i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		kith_err_clear(&err);
		if (when_parse(forms[i].in, time_parse(forms[i].now),
		    forms[i].flags, &w, &err) != KITH_OK) {
			fprintf(stderr, "\"%s\" at %s (flags %u): %s\n",
			    forms[i].in, forms[i].now, forms[i].flags,
			    err.msg);
			bad++;
			continue;
		}
		when_format(&w, out);
		if (strcmp(out, forms[i].want) != 0) {
			fprintf(stderr, "\"%s\" at %s (flags %u) is %s, "
			    "expected %s\n", forms[i].in, forms[i].now,
			    forms[i].flags, out, forms[i].want);
			bad++;
		}
	}
	CHECK_INT(bad, 0);

	bad = 0;
	for (i = 0; i < sizeof bad_forms / sizeof bad_forms[0]; i++) {
		kith_err_clear(&err);
		if (when_parse(bad_forms[i].in, time_parse(FRI),
		    bad_forms[i].flags, &w, &err) != KITH_INVALID) {
			fprintf(stderr, "\"%s\" (flags %u) was accepted\n",
			    bad_forms[i].in, bad_forms[i].flags);
			bad++;
		} else if (strstr(err.msg, bad_forms[i].msg) == NULL) {
			fprintf(stderr, "\"%s\": message \"%s\" lacks \"%s\"\n",
			    bad_forms[i].in, err.msg, bad_forms[i].msg);
			bad++;
		}
	}
	CHECK_INT(bad, 0);

	/* No time given: hour -1. */
	CHECK_INT(when_parse("fri", time_parse(FRI), T, &w, NULL), KITH_OK);
	CHECK_INT(w.hour, -1);
	/* date_parse is when_parse without flags. */
	CHECK(parses_to(FRI, "24/12", "2026-12-24"));
	CHECK(rejects(FRI, "fri 14:30", "without a time of day"));
}

static void
test_order(void)
{
	CHECK_INT(date_order_flags("mdy", NULL), KITH_DATE_MDY);
	CHECK_INT(date_order_flags("MDY", "%d.%m.%Y"), KITH_DATE_MDY);
	CHECK_INT(date_order_flags("dmy", "%m/%d/%Y"), 0);
	CHECK_INT(date_order_flags(NULL, "%m/%d/%Y"), KITH_DATE_MDY);	/* en_US */
	CHECK_INT(date_order_flags("", "%D"), KITH_DATE_MDY);
	CHECK_INT(date_order_flags("xyz", "%m/%d/%Y"), KITH_DATE_MDY);
	CHECK_INT(date_order_flags(NULL, "%d/%m/%Y"), 0);		/* en_GB */
	CHECK_INT(date_order_flags(NULL, "%d.%m.%Y"), 0);		/* de_DE */
	CHECK_INT(date_order_flags(NULL, "%Y-%m-%d"), 0);		/* sv_SE */
	CHECK_INT(date_order_flags(NULL, "%e/%m/%Y"), 0);
	/* The tests run in the C locale, which says day first. */
	CHECK_INT(date_order_flags(NULL, NULL), 0);
}

static void
test_describe(void)
{
	struct kith_when	w = { "2026-12-08", -1, 0 };
	char			out[KITH_DAY_TEXT];

	when_describe(&w, out);
	CHECK_STR(out, "Tue 8 Dec 2026");
	w.hour = 9;
	w.min = 5;
	when_describe(&w, out);
	CHECK_STR(out, "Tue 8 Dec 2026 09:05");
	date_describe("2024-02-29", out);
	CHECK_STR(out, "Thu 29 Feb 2024");
	/* A birthday without a year. */
	date_describe("--12-24", out);
	CHECK_STR(out, "24 Dec");
	date_describe("--02-29", out);
	CHECK_STR(out, "29 Feb");
	date_describe("--02-30", out);
	CHECK_STR(out, "--02-30");
	date_describe(NULL, out);
	CHECK_STR(out, "");
}

static void
test_future(void)
{
	time_t			now = time_parse(FRI);
	struct kith_when	w = { "2026-01-30", -1, 0 };

	CHECK(!when_is_future(&w, now));		/* today, no time */
	w.hour = 12;
	CHECK(!when_is_future(&w, now));		/* this minute */
	w.min = 1;
	CHECK(when_is_future(&w, now));
	w.hour = 11;
	w.min = 59;
	CHECK(!when_is_future(&w, now));
	memcpy(w.date, "2026-01-31", KITH_DATE_LEN);
	w.hour = -1;
	CHECK(when_is_future(&w, now));
	memcpy(w.date, "2026-01-29", KITH_DATE_LEN);
	w.hour = 23;
	CHECK(!when_is_future(&w, now));
}

static void
test_valid(void)
{
	char	out[KITH_DATE_LEN];

	CHECK(date_valid("2024-02-29"));
	CHECK(!date_valid("2026-02-29"));
	CHECK(!date_valid("2026-2-28"));
	CHECK(!date_valid("24.12.2026"));
	CHECK(!date_valid(" 2026-02-28"));
	CHECK(!date_valid(NULL));
	CHECK(date_valid_ymd(0, 2, 29));
	CHECK(!date_valid_ymd(2026, 2, 29));
	CHECK(!date_valid_ymd(2026, 13, 1));
	date_format_ymd(out, 0, 2, 29);
	CHECK_STR(out, "--02-29");
	date_format_ymd(out, 987, 1, 5);
	CHECK_STR(out, "0987-01-05");

	/* Imported cells: the exporting programs' forms (month first). */
	CHECK_INT(date_parse_import("4/17/1985", 9, out), 1);
	CHECK_STR(out, "1985-04-17");
	CHECK_INT(date_parse_import("17.4.1985", 9, out), 1);
	CHECK_STR(out, "1985-04-17");
	CHECK_INT(date_parse_import("--04-17", 7, out), 1);
	CHECK_STR(out, "--04-17");
	CHECK_INT(date_parse_import("0/0/00", 6, out), -1);
	CHECK_INT(date_parse_import("4/17/1985 junk", 14, out), 0);
	/* Placeholder years of programs that need one: no year. */
	CHECK_INT(date_parse_import("1604-06-28", 10, out), 1);
	CHECK_STR(out, "--06-28");
	CHECK_INT(date_parse_import("6/28/1900", 9, out), 1);
	CHECK_STR(out, "--06-28");
	CHECK_INT(date_parse_import("1604-02-29", 10, out), 1);
	CHECK_STR(out, "--02-29");
	CHECK_INT(date_parse_import("6/28/1901", 9, out), 1);
	CHECK_STR(out, "1901-06-28");
	/* Only len bytes are read. */
	CHECK_INT(date_parse_import("1985-04-17xyz", 10, out), 1);
	CHECK_STR(out, "1985-04-17");
}

/*
 * The one local "YYYY-MM-DD HH:MM" of an instant (import --list, undo
 * --list, interactions logged now), and its reading back (when_read), which
 * follow-ups and interactions share.
 */
static void
test_when_text(void)
{
	struct kith_when	w;
	char			out[KITH_WHEN_LEN];
	int			h, m;

	when_from_time(time_parse("2026-11-25 09:05:59"), out);
	CHECK_STR(out, "2026-11-25 09:05");
	/* The epoch is 01:00 in Belgrade, 19:00 the day before in New York. */
	when_from_time(0, out);
	CHECK_STR(out, "1970-01-01 01:00");
	set_tz("America/New_York");
	when_from_time(0, out);
	CHECK_STR(out, "1969-12-31 19:00");
	set_tz("Europe/Belgrade");

	CHECK(when_read("2026-11-25 14:30", &w));
	CHECK_STR(w.date, "2026-11-25");
	CHECK_INT(w.hour, 14);
	CHECK_INT(w.min, 30);
	when_format(&w, out);
	CHECK_STR(out, "2026-11-25 14:30");
	CHECK(when_read("2026-11-25", &w));
	CHECK_INT(w.hour, -1);
	CHECK(!when_read("2026-11-25 24:00", &w));
	CHECK(!when_read("2026-11-25 9:30", &w));
	CHECK(!when_read("2026-11-25T14:30", &w));
	CHECK(!when_read("2026-02-30 10:00", &w));
	CHECK(!when_read(NULL, &w));
	CHECK(time_read("23:59", &h, &m));
	CHECK_INT(h * 60 + m, 23 * 60 + 59);
	CHECK(!time_read("12:60", &h, &m));
	CHECK(!time_read("", &h, &m));
	CHECK(!time_read(NULL, &h, &m));
}

static void
setup(void)
{
	set_tz("Europe/Belgrade");
}

TEST_MAIN(setup, test_time_parse, test_date_from_time, test_absolute,
    test_words, test_relative, test_month_clamp, test_weekdays, test_invalid,
    test_dst, test_diff_days, test_every_day, test_forms, test_order,
    test_describe, test_future, test_valid, test_when_text)
