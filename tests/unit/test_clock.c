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
	CHECK(rejects(fri, "next friday", "is not a date"));
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
	CHECK(rejects(now, "13/01/2026", "'13/01/2026' is not a date"));
	CHECK(rejects(now, "2026-1-5", "is not a date"));
	CHECK(rejects(now, "2026-01-301", "is not a date"));
	CHECK(rejects(now, "20260130", "is not a date"));
	CHECK(rejects(now, "3d", "is not a date"));
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
	CHECK_STR(err.msg, "'foo' is not a date: use YYYY-MM-DD, today, "
	    "tomorrow, yesterday, +3d, -2w, +1m or a weekday name");
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

static void
setup(void)
{
	set_tz("Europe/Belgrade");
}

TEST_MAIN(setup, test_time_parse, test_date_from_time, test_absolute,
    test_words, test_relative, test_month_clamp, test_weekdays, test_invalid,
    test_dst, test_diff_days, test_every_day)
