/* SPDX-License-Identifier: MIT */
/*
 * Key dates.  The sources are queries over an index on the month and day
 * (the last five characters, "MM-DD", of both "YYYY-MM-DD" and
 * "--MM-DD"): birthdays now; a table of other dates is one more entry in
 * sources[].  Each source is asked for the month-day ranges the window
 * covers (scan()); the exact next occurrence and the window are then
 * checked here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/keydate.h"
#include "kith/util.h"
#include "internal.h"

struct source {
	const char	*label;
	const char	*sql;	/* ?1..?2 a "MM-DD" range; columns: contact
				   id, date, and the date's label (NULL:
				   label above) */
};

static const struct source sources[] = {
	/* From contact_by_bday alone: no table page is read. */
	{ "birthday", "SELECT id, birthday, NULL FROM contact WHERE "
	    "birthday IS NOT NULL AND substr(birthday, -5) BETWEEN ?1 AND ?2 "
	    "AND archived = 0" },
	/* Anniversaries and the other dated events (contact_date_by_day). */
	{ "anniversary", "SELECT c.id, d.date, d.label FROM "
	    "contact_date d JOIN contact c ON c.id = d.contact_id WHERE "
	    "substr(d.date, -5) BETWEEN ?1 AND ?2 AND c.archived = 0" },
};

static int	 is_leap(int);
static int	 digits(const char *, int, int *);
static int	 read_md(const char *, int *, int *);
static enum kith_status add_range(struct kith_db *, const struct source *,
		    const char *, const char *, const char *, int,
		    enum keydate_feb29, struct keydate **, size_t *,
		    struct kith_err *);
static enum kith_status scan(struct kith_db *, int, enum keydate_feb29,
		    struct keydate **, size_t *, struct kith_err *);
static int	 cmp_keydate(const void *, const void *);

static int
is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

/* Exactly n decimal digits at s, into *v.  (A review reads thousands of
 * dates: sscanf was most of its time.) */
static int
digits(const char *s, int n, int *v)
{
	int	i;

	*v = 0;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return 0;
		*v = *v * 10 + (s[i] - '0');
	}
	return 1;
}

/* "MM-DD" at s. */
static int
read_md(const char *s, int *m, int *d)
{
	return digits(s, 2, m) && s[2] == '-' && digits(s + 3, 2, d);
}

int
keydate_year(const char *date)
{
	int	y, m, d;
	size_t	len;

	if (date == NULL)
		return -1;
	len = strlen(date);
	if (len == 7 && date[0] == '-' && date[1] == '-' &&
	    read_md(date + 2, &m, &d))
		return date_valid_ymd(0, m, d) ? 0 : -1;
	if (len != 10 || !digits(date, 4, &y) || date[4] != '-' ||
	    !read_md(date + 5, &m, &d))
		return -1;
	if (y == 1604 || y == 1900)
		return date_valid_ymd(0, m, d) ? 0 : -1;
	return date_valid_ymd(y, m, d) ? y : -1;
}

int
keydate_next(const char *date, const char *today, enum keydate_feb29 f,
    char out[KITH_DATE_LEN])
{
	int	y, m, d, ty, tm, td, k;

	if (keydate_year(date) < 0 || !read_md(date + strlen(date) - 5, &m,
	    &d) || !digits(today, 4, &ty) || today[4] != '-' ||
	    !read_md(today + 5, &tm, &td))
		return 0;
	for (k = 0; k < 2; k++) {
		int	mm = m, dd = d;

		y = ty + k;
		if (mm == 2 && dd == 29 && !is_leap(y)) {
			if (f == KEYDATE_MAR1)
				mm = 3, dd = 1;
			else
				dd = 28;
		}
		date_format_ymd(out, y, mm, dd);
		if (strcmp(out, today) >= 0)
			return 1;
	}
	return 0;
}

enum keydate_feb29
keydate_feb29_from(const char *s)
{
	if (s != NULL && (strcasecmp(s, "mar1") == 0 ||
	    strcmp(s, "03-01") == 0))
		return KEYDATE_MAR1;
	return KEYDATE_FEB28;
}

/*
 * The key dates of src whose month and day lie in from..to and whose
 * next occurrence is within days of today: appended to *r, or only
 * counted in *count when r is NULL.
 */
static enum kith_status
add_range(struct kith_db *db, const struct source *src, const char *from,
    const char *to, const char *today, int days, enum keydate_feb29 f,
    struct keydate **r, size_t *count, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct keydate	*k;
	const unsigned char *t;
	char		 on[KITH_DATE_LEN];
	long		 dist;
	int		 rc, y, oy;

	if ((stmt = db_stmt(db, src->sql, err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, from, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, to, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		t = sqlite3_column_text(stmt, 1);
		if (t == NULL || (y = keydate_year((const char *)t)) < 0 ||
		    !keydate_next((const char *)t, today, f, on) ||
		    (dist = date_diff_days(today, on)) > days)
			continue;
		if (r == NULL) {
			(*count)++;
			continue;
		}
		if ((*count & (*count - 1)) == 0)
			*r = xreallocarray(*r, *count ? *count * 2 : 1,
			    sizeof **r);
		k = &(*r)[(*count)++];
		memset(k, 0, sizeof *k);
		k->contact = sqlite3_column_int64(stmt, 0);
		k->label = sqlite3_column_type(stmt, 2) == SQLITE_NULL ?
		    xstrdup(src->label) : db_col_text(stmt, 2);
		memcpy(k->date, t, strlen((const char *)t) + 1); /* <= 10 */
		k->year = y;
		memcpy(k->on, on, sizeof on);
		k->days = dist;
		digits(on, 4, &oy);
		k->age = y > 0 && oy >= y ? oy - y : -1;
		k->lead = dist <= KEYDATE_LEAD_LAST ? KEYDATE_LEAD_LAST :
		    KEYDATE_LEAD;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading key dates");
	return KITH_OK;
}

static int
cmp_keydate(const void *a, const void *b)
{
	const struct keydate *x = a, *y = b;
	int		 c;

	if (x->days != y->days)
		return x->days < y->days ? -1 : 1;
	if (x->contact != y->contact)
		return x->contact < y->contact ? -1 : 1;
	if ((c = strcmp(x->label, y->label)) != 0)
		return c;
	return 0;
}

/*
 * Every source over the month-day ranges of the window: two when it
 * crosses the year's end, and 29 February on its own when the window
 * does not hold it (its next day may be 28 February or 1 March, inside
 * the window; a range that holds it has read it already).  r as in
 * add_range.
 */
static enum kith_status
scan(struct kith_db *db, int days, enum keydate_feb29 f, struct keydate **r,
    size_t *count, struct kith_err *err)
{
	enum kith_status st = KITH_OK;
	char		 today[KITH_DATE_LEN], end[KITH_DATE_LEN];
	const char	*from[2], *to[2];
	size_t		 i, j, nr;
	int		 feb29;

	if (days < 0)
		days = 0;
	if (days > 365)
		days = 365;
	db_today(db, today);
	if (!date_add_days(today, days, end))
		return KITH_OK;
	nr = 1;
	from[0] = today + 5;
	to[0] = end + 5;
	if (days >= 365)
		from[0] = "01-01", to[0] = "12-31";
	else if (strncmp(today, end, 4) != 0) {
		/* Across the year's end: to 12-31, from 01-01. */
		to[0] = "12-31";
		from[1] = "01-01";
		to[1] = end + 5;
		nr = 2;
	}
	for (feb29 = 1, j = 0; j < nr; j++)
		if (strcmp(from[j], "02-29") <= 0 && strcmp(to[j], "02-29") >= 0)
			feb29 = 0;
	for (i = 0; st == KITH_OK && i < sizeof sources / sizeof sources[0];
	    i++) {
		for (j = 0; st == KITH_OK && j < nr; j++)
			st = add_range(db, &sources[i], from[j], to[j], today,
			    days, f, r, count, err);
		if (st == KITH_OK && feb29)
			st = add_range(db, &sources[i], "02-29", "02-29",
			    today, days, f, r, count, err);
	}
	return st;
}

enum kith_status
keydate_upcoming(struct kith_db *db, int days, enum keydate_feb29 f,
    struct keydate **out, size_t *n, struct kith_err *err)
{
	enum kith_status st;
	struct keydate	*r = NULL;
	size_t		 count = 0;

	*out = NULL;
	*n = 0;
	if ((st = scan(db, days, f, &r, &count, err)) != KITH_OK) {
		keydate_list_free(r, count);
		return st;
	}
	if (count > 1)
		qsort(r, count, sizeof *r, cmp_keydate);
	*out = r;
	*n = count;
	return KITH_OK;
}

enum kith_status
keydate_count(struct kith_db *db, int days, enum keydate_feb29 f, size_t *n,
    struct kith_err *err)
{
	*n = 0;
	return scan(db, days, f, NULL, n, err);
}

void
keydate_list_free(struct keydate *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(r[i].label);
	free(r);
}
