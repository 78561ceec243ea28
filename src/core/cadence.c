/* SPDX-License-Identifier: MIT */
/*
 * Keep-in-touch cadences: parsing, setting on a contact or a tag,
 * snoozing, and listing from the due days touch.c keeps on the contact
 * row (the partial index contact_by_due holds exactly the contacts with
 * a cadence).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/cadence.h"
#include "kith/util.h"
#include "internal.h"
#include "touch.h"

#define CADENCE_MAX_DAYS	3650	/* ten years */

static int	 read_interval(const char *, size_t, int *);
static enum kith_status bad(const char *, const char *, struct kith_err *);
static enum kith_status set_own(struct kith_db *, int64_t, int, int, int,
		    struct kith_err *);
static enum kith_status set_tag(struct kith_db *, const char *,
		    const struct cadence_spec *, long *, struct kith_err *);
static enum kith_status read_rows(struct kith_db *, sqlite3_stmt *,
		    struct cadence **, size_t *, struct kith_err *);
static enum kith_status snooze(struct kith_db *, int64_t, const char *,
		    int, int *, struct kith_err *);

/* Days in "30", "30d", "4w", "2m", "1y" (len bytes); 0 if not one. */
static int
read_interval(const char *s, size_t len, int *days)
{
	long	n = 0, mult = 1;
	size_t	i = 0;

	while (i < len && isspace((unsigned char)s[i]))
		i++;
	while (len > i && isspace((unsigned char)s[len - 1]))
		len--;
	if (i == len || !isdigit((unsigned char)s[i]))
		return 0;
	for (; i < len && isdigit((unsigned char)s[i]); i++) {
		n = n * 10 + (s[i] - '0');
		if (n > CADENCE_MAX_DAYS)
			return 0;
	}
	if (i < len) {
		switch (tolower((unsigned char)s[i])) {
		case 'd': mult = 1; break;
		case 'w': mult = 7; break;
		case 'm': mult = 30; break;
		case 'y': mult = 365; break;
		default: return 0;
		}
		if (++i != len)
			return 0;
	}
	n *= mult;
	if (n <= 0 || n > CADENCE_MAX_DAYS)
		return 0;
	*days = (int)n;
	return 1;
}

static enum kith_status
bad(const char *s, const char *why, struct kith_err *err)
{
	return kith_err_set(err, KITH_INVALID, "cadence '%s': %s; use "
	    KITH_CADENCE_FORMS, s, why);
}

enum kith_status
cadence_parse(const char *s, struct cadence_spec *out, struct kith_err *err)
{
	const char	*slash;

	memset(out, 0, sizeof *out);
	if (s == NULL)
		s = "";
	if (strcasecmp(s, "off") == 0 || strcasecmp(s, "none") == 0)
		return KITH_OK;
	slash = strchr(s, '/');
	if (!read_interval(s, slash ? (size_t)(slash - s) : strlen(s),
	    &out->ideal))
		return bad(s, "not an interval", err);
	if (slash != NULL) {
		if (!read_interval(slash + 1, strlen(slash + 1), &out->max))
			return bad(s, "the maximum is not an interval", err);
		if (out->max < out->ideal)
			return bad(s, "the ideal interval is longer than the "
			    "maximum", err);
	}
	return KITH_OK;
}

void
cadence_format(const struct cadence_spec *c, char *out, size_t len)
{
	if (c->ideal <= 0)
		snprintf(out, len, "off");
	else
		snprintf(out, len, "%dd/%dd", c->ideal,
		    c->max >= c->ideal ? c->max : c->ideal * 3 / 2);
}

const char *
cadence_state_name(enum cadence_state s)
{
	switch (s) {
	case KITH_CADENCE_OK:		return "ok";
	case KITH_CADENCE_DUE:		return "due";
	case KITH_CADENCE_OVERDUE:	return "overdue";
	default:			return "";
	}
}

enum cadence_state
cadence_state_on(const char *due, const char *overdue, const char *today,
    long *late)
{
	*late = 0;
	if (due == NULL || due[0] == '\0')
		return KITH_CADENCE_NONE;
	*late = date_diff_days(due, today);
	if (overdue != NULL && overdue[0] != '\0' &&
	    strcmp(today, overdue) > 0)
		return KITH_CADENCE_OVERDUE;
	/* Due on the due day itself: the ideal interval has run out. */
	return strcmp(today, due) >= 0 ? KITH_CADENCE_DUE : KITH_CADENCE_OK;
}

static enum kith_status
set_own(struct kith_db *db, int64_t id, int ideal, int max, int off,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;

	if ((stmt = db_stmt(db, "UPDATE contact SET cadence_days = ?2, "
	    "cadence_max = ?3, cadence_off = ?4 WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, ideal);
	sqlite3_bind_int(stmt, 3, max);
	sqlite3_bind_int(stmt, 4, off);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "setting a cadence");
	if (sqlite3_changes(kith_db_sqlite(db)) == 0)
		return kith_err_set(err, KITH_NOTFOUND,
		    "no contact with id %lld", (long long)id);
	if ((st = touch_refresh(db, id, err)) != KITH_OK)
		return st;
	if (off)
		db_own_actionf(db, "cadence", "turned off the cadence of "
		    "contact %lld", (long long)id);
	else if (ideal == 0)
		db_own_actionf(db, "cadence", "cleared the cadence of "
		    "contact %lld", (long long)id);
	else
		db_own_actionf(db, "cadence", "set the cadence of contact "
		    "%lld to %d days", (long long)id, ideal);
	return KITH_OK;
}

enum kith_status
cadence_set_contact(struct kith_db *db, int64_t id,
    const struct cadence_spec *c, struct kith_err *err)
{
	DB_TRANSACTION(db, err, set_own(db, id, c->ideal,
	    c->ideal > 0 ? c->max : 0, c->ideal <= 0, err));
}

enum kith_status
cadence_clear_contact(struct kith_db *db, int64_t id, struct kith_err *err)
{
	DB_TRANSACTION(db, err, set_own(db, id, 0, 0, 0, err));
}

static enum kith_status
set_tag(struct kith_db *db, const char *tag, const struct cadence_spec *c,
    long *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	int64_t		 tag_id, *ids = NULL;
	size_t		 nids = 0, cap = 0, i;
	int		 rc;
	char		 name[256];

	if ((stmt = db_stmt(db, "SELECT id, name FROM tag WHERE name = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, tag, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return rc == SQLITE_DONE ? kith_err_set(err, KITH_NOTFOUND,
		    "no tag '%s' (kith list shows the tags of each contact)",
		    tag) : db_fail(db, err, "reading a tag");
	}
	tag_id = sqlite3_column_int64(stmt, 0);
	snprintf(name, sizeof name, "%s", sqlite3_column_text(stmt, 1));
	sqlite3_reset(stmt);
	if ((stmt = db_stmt(db, "UPDATE tag SET cadence_days = ?2, "
	    "cadence_max = ?3 WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, tag_id);
	sqlite3_bind_int(stmt, 2, c->ideal > 0 ? c->ideal : 0);
	sqlite3_bind_int(stmt, 3, c->ideal > 0 ? c->max : 0);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "setting a cadence");
	/* Every member: read the ids first, then refresh each. */
	if ((stmt = db_stmt(db, "SELECT contact_id FROM contact_tag "
	    "WHERE tag_id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, tag_id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (nids == cap) {
			cap = cap ? cap * 2 : 64;
			ids = xreallocarray(ids, cap, sizeof *ids);
		}
		ids[nids++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(ids);
		return db_fail(db, err, "reading a tag's contacts");
	}
	for (i = 0; i < nids; i++)
		if ((st = touch_refresh(db, ids[i], err)) != KITH_OK) {
			free(ids);
			return st;
		}
	free(ids);
	if (n != NULL)
		*n = (long)nids;
	if (c->ideal > 0)
		db_own_actionf(db, "cadence", "set the cadence of tag %s to "
		    "%d days", name, c->ideal);
	else
		db_own_actionf(db, "cadence", "turned off the cadence of tag "
		    "%s", name);
	return KITH_OK;
}

enum kith_status
cadence_set_tag(struct kith_db *db, const char *tag,
    const struct cadence_spec *c, long *n, struct kith_err *err)
{
	DB_TRANSACTION(db, err, set_tag(db, tag, c, n, err));
}

/*
 * Columns: id, display, cad_ideal, cad_max, touch_last, due_on,
 * overdue_on, cadence_snoozes, cadence_days, then the tag's name.
 */
#define CADENCE_COLS							\
	"c.id, c.display, c.cad_ideal, c.cad_max, c.touch_last, "	\
	"c.due_on, c.overdue_on, c.cadence_snoozes, c.cadence_days, "	\
	"CASE WHEN c.cadence_days > 0 THEN NULL ELSE (SELECT t.name "	\
	"FROM contact_tag ct JOIN tag t ON t.id = ct.tag_id WHERE "	\
	"ct.contact_id = c.id AND t.cadence_days > 0 ORDER BY "	\
	"t.cadence_days, t.cadence_max LIMIT 1) END "

static enum kith_status
read_rows(struct kith_db *db, sqlite3_stmt *stmt, struct cadence **out,
    size_t *n, struct kith_err *err)
{
	struct cadence	*r = NULL, *c;
	size_t		 count = 0;
	char		 today[KITH_DATE_LEN];
	const unsigned char *t;
	int		 rc;

	db_today(db, today);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((count & (count - 1)) == 0)
			r = xreallocarray(r, count ? count * 2 : 1, sizeof *r);
		c = &r[count++];
		memset(c, 0, sizeof *c);
		c->contact = sqlite3_column_int64(stmt, 0);
		c->name = db_col_text(stmt, 1);
		c->ideal = sqlite3_column_int(stmt, 2);
		c->max = sqlite3_column_int(stmt, 3);
		if ((t = sqlite3_column_text(stmt, 4)) != NULL)
			snprintf(c->last, sizeof c->last, "%s", t);
		if ((t = sqlite3_column_text(stmt, 5)) != NULL)
			snprintf(c->due, sizeof c->due, "%s", t);
		if ((t = sqlite3_column_text(stmt, 6)) != NULL)
			snprintf(c->overdue, sizeof c->overdue, "%s", t);
		c->snoozes = sqlite3_column_int(stmt, 7);
		c->tag = db_col_text(stmt, 9);
		c->state = cadence_state_on(c->due, c->overdue, today,
		    &c->late);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		cadence_list_free(r, count);
		return db_fail(db, err, "reading cadences");
	}
	*out = r;
	*n = count;
	return KITH_OK;
}

enum kith_status
cadence_get(struct kith_db *db, int64_t id, struct cadence *out,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct cadence	*r;
	size_t		 n;
	enum kith_status st;

	memset(out, 0, sizeof *out);
	if ((stmt = db_stmt(db, "SELECT " CADENCE_COLS "FROM contact c "
	    "WHERE c.id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((st = read_rows(db, stmt, &r, &n, err)) != KITH_OK)
		return st;
	if (n == 0)
		return kith_err_set(err, KITH_NOTFOUND,
		    "no contact with id %lld", (long long)id);
	*out = r[0];
	free(r);
	return KITH_OK;
}

enum kith_status
cadence_list(struct kith_db *db, struct cadence **out, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT " CADENCE_COLS "FROM contact c "
	    "WHERE c.due_on IS NOT NULL ORDER BY c.due_on, c.id", err))
	    == NULL)
		return KITH_DB;
	return read_rows(db, stmt, out, n, err);
}

enum kith_status
cadence_list_due(struct kith_db *db, int days, struct cadence **out,
    size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		 today[KITH_DATE_LEN], until[KITH_DATE_LEN];

	*out = NULL;
	*n = 0;
	db_today(db, today);
	if (!date_add_days(today, days > 0 ? days : 0, until))
		memcpy(until, today, sizeof until);
	if ((stmt = db_stmt(db, "SELECT " CADENCE_COLS "FROM contact c "
	    "WHERE c.due_on IS NOT NULL AND c.due_on <= ?1 AND "
	    "c.archived = 0 ORDER BY c.due_on, c.id", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, until, -1, SQLITE_TRANSIENT);
	return read_rows(db, stmt, out, n, err);
}

void
cadence_clear(struct cadence *c)
{
	if (c == NULL)
		return;
	free(c->name);
	free(c->tag);
	c->name = c->tag = NULL;
}

void
cadence_list_free(struct cadence *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		cadence_clear(&r[i]);
	free(r);
}

enum kith_status
cadence_tags(struct kith_db *db, struct cadence_tag **out, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct cadence_tag	*r = NULL;
	size_t			 count = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT t.name, t.cadence_days, "
	    "t.cadence_max, (SELECT count(*) FROM contact_tag ct WHERE "
	    "ct.tag_id = t.id) FROM tag t WHERE t.cadence_days > 0 "
	    "ORDER BY t.name", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((count & (count - 1)) == 0)
			r = xreallocarray(r, count ? count * 2 : 1, sizeof *r);
		r[count].tag = db_col_text(stmt, 0);
		r[count].spec.ideal = sqlite3_column_int(stmt, 1);
		r[count].spec.max = sqlite3_column_int(stmt, 2);
		r[count].members = sqlite3_column_int64(stmt, 3);
		count++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		cadence_tags_free(r, count);
		return db_fail(db, err, "reading tags");
	}
	*out = r;
	*n = count;
	return KITH_OK;
}

void
cadence_tags_free(struct cadence_tag *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(r[i].tag);
	free(r);
}

static enum kith_status
snooze(struct kith_db *db, int64_t id, const char *until, int count,
    int *snoozes, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	struct cadence	 c;
	char		 today[KITH_DATE_LEN];

	if ((st = cadence_get(db, id, &c, err)) != KITH_OK)
		return st;
	db_today(db, today);
	if (c.state == KITH_CADENCE_NONE) {
		st = kith_err_set(err, KITH_INVALID, "%s has no cadence to "
		    "snooze", c.name);
		goto out;
	}
	if (!date_valid(until) || strcmp(until, today) <= 0) {
		st = kith_err_set(err, KITH_INVALID, "snooze until '%s': "
		    "give a day after today", until);
		goto out;
	}
	if ((stmt = db_stmt(db, "UPDATE contact SET cadence_snoozed = ?2, "
	    "cadence_snoozes = cadence_snoozes + ?3 WHERE id = ?1", err))
	    == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, until, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 3, count != 0);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "snoozing a cadence");
		goto out;
	}
	if ((st = touch_refresh(db, id, err)) != KITH_OK)
		goto out;
	if (snoozes != NULL)
		*snoozes = c.snoozes + (count != 0);
	db_own_actionf(db, "snooze", "%s keeping in touch with %s until %s",
	    count ? "snoozed" : "moved", c.name, until);
out:
	cadence_clear(&c);
	return st;
}

enum kith_status
cadence_snooze(struct kith_db *db, int64_t id, const char *until,
    int *snoozes, struct kith_err *err)
{
	DB_TRANSACTION(db, err, snooze(db, id, until, 1, snoozes, err));
}

enum kith_status
cadence_reschedule(struct kith_db *db, int64_t id, const char *until,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, snooze(db, id, until, 0, NULL, err));
}
