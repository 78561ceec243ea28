/* SPDX-License-Identifier: MIT */
/*
 * Follow-up reminders.  Every question asked here ("what is due", "how many
 * are overdue") is a range over the partial index followup_pending, which
 * holds pending follow-ups only, so its cost follows what is pending, not
 * the years of done ones behind it.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/followup.h"
#include "kith/util.h"
#include "internal.h"

static enum kith_status	check_due(const char *, struct kith_when *,
			    struct kith_err *);
static void		bind_time(sqlite3_stmt *, int,
			    const struct kith_when *);
static enum kith_status	add_row(struct kith_db *, int64_t, const char *,
			    const char *, int64_t *, struct kith_err *);
static enum kith_status	done_row(struct kith_db *, int64_t,
			    struct kith_err *);
static enum kith_status	reschedule_row(struct kith_db *, int64_t,
			    const char *, int, struct kith_err *);
static enum kith_status	drop_row(struct kith_db *, int64_t,
			    struct kith_err *);
static enum kith_status	not_pending(struct kith_db *, int64_t,
			    struct kith_err *);
static void		read_row(sqlite3_stmt *, const char *,
			    struct followup *);
static struct followup	*copy_row(const struct followup *, struct followup *);
static enum kith_status	list_rows(struct kith_db *, sqlite3_stmt *,
			    struct followup **, size_t *, struct kith_err *);

/* Each write is a transaction of its own: one change for kith undo. */
enum kith_status
followup_add(struct kith_db *db, int64_t contact, const char *action,
    const char *due, int64_t *id, struct kith_err *err)
{
	DB_TRANSACTION(db, err, add_row(db, contact, action, due, id, err));
}

enum kith_status
followup_done(struct kith_db *db, int64_t id, struct kith_err *err)
{
	DB_TRANSACTION(db, err, done_row(db, id, err));
}

enum kith_status
followup_drop(struct kith_db *db, int64_t id, struct kith_err *err)
{
	DB_TRANSACTION(db, err, drop_row(db, id, err));
}

enum kith_status
followup_reschedule(struct kith_db *db, int64_t id, const char *due,
    int how, struct kith_err *err)
{
	DB_TRANSACTION(db, err, reschedule_row(db, id, due, how, err));
}

/* due must be a real "YYYY-MM-DD" day, or one with "HH:MM" after it. */
static enum kith_status
check_due(const char *due, struct kith_when *w, struct kith_err *err)
{
	if (!when_read(due, w))
		return kith_err_set(err, KITH_INVALID, "due date '%s': "
		    "expected YYYY-MM-DD or YYYY-MM-DD HH:MM", due ? due : "");
	return KITH_OK;
}

/* Binds w's time as "HH:MM", or NULL (all day) when it has none. */
static void
bind_time(sqlite3_stmt *stmt, int idx, const struct kith_when *w)
{
	char	hm[KITH_TIME_LEN];

	if (w->hour < 0) {
		sqlite3_bind_null(stmt, idx);
		return;
	}
	snprintf(hm, sizeof hm, "%02u:%02u", (unsigned)w->hour % 24,
	    (unsigned)w->min % 60);
	sqlite3_bind_text(stmt, idx, hm, -1, SQLITE_TRANSIENT);
}

static enum kith_status
add_row(struct kith_db *db, int64_t contact, const char *action,
    const char *due, int64_t *id, struct kith_err *err)
{
	enum kith_status	 st;
	struct kith_when	 w;
	sqlite3_stmt		*stmt;
	char			*act = NULL;
	int			 rc;

	if ((st = check_due(due, &w, err)) != KITH_OK)
		return st;
	if ((st = db_clean_text(db, "action", action, &act, err)) != KITH_OK)
		return st;
	if (act == NULL)
		return kith_err_set(err, KITH_INVALID,
		    "a follow-up needs an action, e.g. \"call re: renewal\"");
	if ((stmt = db_stmt(db, "INSERT INTO followup (contact_id, action, "
	    "due, created, due_time) VALUES (?1, ?2, ?3, ?4, ?5)", err))
	    == NULL) {
		free(act);
		return KITH_DB;
	}
	if (contact != 0)
		sqlite3_bind_int64(stmt, 1, contact);
	sqlite3_bind_text(stmt, 2, act, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, w.date, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 4, (int64_t)kith_db_now(db));
	bind_time(stmt, 5, &w);
	rc = sqlite3_step(stmt);
	free(act);
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY)
		return kith_err_set(err, KITH_NOTFOUND,
		    "no contact with id %lld", (long long)contact);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "adding a follow-up");
	if (id != NULL)
		*id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	return KITH_OK;
}

static enum kith_status
done_row(struct kith_db *db, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "UPDATE followup SET done_at = ?2 "
	    "WHERE id = ?1 AND done_at IS NULL", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, (int64_t)kith_db_now(db));
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "completing a follow-up");
	if (sqlite3_changes(kith_db_sqlite(db)) == 0)
		return not_pending(db, id, err);
	return KITH_OK;
}

static enum kith_status
drop_row(struct kith_db *db, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "DELETE FROM followup WHERE id = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "dropping a follow-up");
	if (sqlite3_changes(kith_db_sqlite(db)) == 0)
		return kith_err_set(err, KITH_NOTFOUND, "no follow-up %lld",
		    (long long)id);
	return KITH_OK;
}

/*
 * Why the update of pending follow-up id changed nothing: KITH_NOTFOUND,
 * or KITH_EXISTS if it is done (saying since when).
 */
static enum kith_status
not_pending(struct kith_db *db, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		 day[KITH_DATE_LEN], text[KITH_DAY_TEXT];
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT done_at FROM followup WHERE id = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		date_from_time((time_t)sqlite3_column_int64(stmt, 0), day);
		sqlite3_reset(stmt);
		date_describe(day, text);
		return kith_err_set(err, KITH_EXISTS, "follow-up %lld is "
		    "already done (since %s)", (long long)id, text);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading a follow-up");
	return kith_err_set(err, KITH_NOTFOUND, "no follow-up with id %lld",
	    (long long)id);
}

static enum kith_status
reschedule_row(struct kith_db *db, int64_t id, const char *due,
    int how, struct kith_err *err)
{
	enum kith_status	 st;
	struct kith_when	 w;
	sqlite3_stmt		*stmt;

	if ((st = check_due(due, &w, err)) != KITH_OK)
		return st;
	if ((how & FOLLOWUP_ALLDAY) && w.hour >= 0)
		return kith_err_set(err, KITH_INVALID, "'%s' has a time of "
		    "day; an all-day follow-up takes a day alone", due);
	/* A day alone keeps the time of day the follow-up had. */
	if ((stmt = db_stmt(db, "UPDATE followup SET due = ?2, done_at = NULL, "
	    "snoozes = snoozes + ?3, due_time = CASE WHEN ?6 THEN NULL "
	    "ELSE coalesce(?5, due_time) END "
	    "WHERE id = ?1 AND (done_at IS NULL OR ?4)", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int(stmt, 6, (how & FOLLOWUP_ALLDAY) != 0);
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, w.date, -1, SQLITE_TRANSIENT);
	bind_time(stmt, 5, &w);
	sqlite3_bind_int(stmt, 3, (how & FOLLOWUP_SNOOZE) != 0);
	sqlite3_bind_int(stmt, 4, (how & FOLLOWUP_REOPEN) != 0);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "rescheduling a follow-up");
	if (sqlite3_changes(kith_db_sqlite(db)) == 0)
		return not_pending(db, id, err);
	return KITH_OK;
}

/*
 * Columns: id, contact_id, display, action, due, done_at, snoozes,
 * due_time, deal_id, the deal's title.  The strings point into the statement: valid until the next
 * step.  A stored time that is not "HH:MM" reads as all day.
 */
static void
read_row(sqlite3_stmt *stmt, const char *today, struct followup *f)
{
	const char	*due, *hm;
	int		 h, m;

	memset(f, 0, sizeof *f);
	f->id = sqlite3_column_int64(stmt, 0);
	f->contact = sqlite3_column_int64(stmt, 1);
	f->contact_name = (char *)sqlite3_column_text(stmt, 2);
	f->action = (char *)sqlite3_column_text(stmt, 3);
	due = (const char *)sqlite3_column_text(stmt, 4);
	if (due != NULL)
		snprintf(f->due, sizeof f->due, "%s", due);
	f->done = sqlite3_column_type(stmt, 5) != SQLITE_NULL;
	f->snoozes = sqlite3_column_int(stmt, 6);
	f->late = date_diff_days(f->due, today);
	hm = (const char *)sqlite3_column_text(stmt, 7);
	if (time_read(hm, &h, &m))
		memcpy(f->due_time, hm, KITH_TIME_LEN);
	f->deal = sqlite3_column_int64(stmt, 8);
	f->deal_title = (char *)sqlite3_column_text(stmt, 9);
}

static struct followup *
copy_row(const struct followup *src, struct followup *dst)
{
	*dst = *src;
	dst->contact_name = xstrdup(src->contact_name);
	dst->deal_title = xstrdup(src->deal_title);
	dst->action = xstrdup(src->action);
	return dst;
}

enum kith_status
followup_get(struct kith_db *db, int64_t id, struct followup **out,
    struct kith_err *err)
{
	struct followup	 f;
	sqlite3_stmt	*stmt;
	char		 today[KITH_DATE_LEN];
	int		 rc;

	*out = NULL;
	if ((stmt = db_stmt(db, "SELECT f.id, f.contact_id, c.display, "
	    "f.action, f.due, f.done_at, f.snoozes, f.due_time, f.deal_id, "
	    "dl.title FROM followup f LEFT JOIN deal dl ON dl.id = f.deal_id "
	    "LEFT JOIN contact c ON c.id = f.contact_id WHERE f.id = ?1", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	db_today(db, today);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, today, &f);
		*out = copy_row(&f, xmalloc(sizeof **out));
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND,
		    "no follow-up with id %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading a follow-up");
	return KITH_OK;
}

void
followup_when(const struct followup *f, struct kith_when *w)
{
	memcpy(w->date, f->due, sizeof w->date);
	if (!time_read(f->due_time, &w->hour, &w->min)) {
		w->hour = -1;
		w->min = 0;
	}
}

void
followup_free(struct followup *f)
{
	if (f == NULL)
		return;
	free(f->contact_name);
	free(f->deal_title);
	free(f->action);
	free(f);
}

enum kith_status
followup_each_due(struct kith_db *db, int days, followup_fn fn, void *arg,
    struct kith_err *err)
{
	struct followup	 f;
	sqlite3_stmt	*stmt;
	char		 today[KITH_DATE_LEN], end[KITH_DATE_LEN], rel[24];
	int		 rc;

	if (days < 0)
		return kith_err_set(err, KITH_INVALID,
		    "days must be 0 or more");
	db_today(db, today);
	snprintf(rel, sizeof rel, "+%dd", days);
	if (date_parse(rel, kith_db_now(db), end, err) != KITH_OK)
		return KITH_INVALID;
	if ((stmt = db_stmt(db, "SELECT f.id, f.contact_id, c.display, "
	    "f.action, f.due, f.done_at, f.snoozes, f.due_time, f.deal_id, "
	    "dl.title FROM followup f LEFT JOIN deal dl ON dl.id = f.deal_id "
	    "LEFT JOIN contact c ON c.id = f.contact_id WHERE f.done_at IS "
	    "NULL AND f.due <= ?1 ORDER BY f.due, f.due_time, f.id", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, end, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, today, &f);
		if (fn(&f, arg) != 0) {
			rc = SQLITE_DONE;
			break;
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "listing follow-ups");
	return KITH_OK;
}

/*
 * Steps stmt (bound, selecting the columns read_row reads) into an array
 * of follow-ups: the two lists below differ only in their WHERE.
 */
static enum kith_status
list_rows(struct kith_db *db, sqlite3_stmt *stmt, struct followup **out,
    size_t *n, struct kith_err *err)
{
	struct followup	 f, *r = NULL;
	char		 today[KITH_DATE_LEN];
	size_t		 count = 0;
	int		 rc;

	db_today(db, today);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((count & (count - 1)) == 0)
			r = xreallocarray(r, count ? count * 2 : 1, sizeof *r);
		read_row(stmt, today, &f);
		copy_row(&f, &r[count++]);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		followup_list_free(r, count);
		return db_fail(db, err, "listing follow-ups");
	}
	*out = r;
	*n = count;
	return KITH_OK;
}

enum kith_status
followup_list_contact(struct kith_db *db, int64_t contact,
    struct followup **out, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT f.id, f.contact_id, c.display, "
	    "f.action, f.due, f.done_at, f.snoozes, f.due_time, f.deal_id, "
	    "dl.title FROM followup f LEFT JOIN deal dl ON dl.id = f.deal_id "
	    "JOIN contact c ON c.id = f.contact_id WHERE f.contact_id = ?1 "
	    "AND f.done_at IS NULL ORDER BY f.due, f.due_time, f.id", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, contact);
	return list_rows(db, stmt, out, n, err);
}

enum kith_status
followup_list_deal(struct kith_db *db, int64_t deal, struct followup **out,
    size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT f.id, f.contact_id, c.display, "
	    "f.action, f.due, f.done_at, f.snoozes, f.due_time, f.deal_id, "
	    "dl.title FROM followup f LEFT JOIN deal dl ON dl.id = f.deal_id "
	    "LEFT JOIN contact c ON c.id = f.contact_id WHERE f.deal_id = ?1 "
	    "AND f.done_at IS NULL ORDER BY f.due, f.due_time, f.id", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, deal);
	return list_rows(db, stmt, out, n, err);
}

void
followup_list_free(struct followup *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(r[i].contact_name);
		free(r[i].deal_title);
		free(r[i].action);
	}
	free(r);
}

enum kith_status
followup_counts(struct kith_db *db, long *overdue, long *today_n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		 today[KITH_DATE_LEN];
	int		 rc;

	*overdue = *today_n = 0;
	if ((stmt = db_stmt(db, "SELECT count(*) FILTER (WHERE due < ?1), "
	    "count(*) FILTER (WHERE due = ?1) FROM followup WHERE "
	    "done_at IS NULL AND due <= ?1", err)) == NULL)
		return KITH_DB;
	db_today(db, today);
	sqlite3_bind_text(stmt, 1, today, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*overdue = sqlite3_column_int64(stmt, 0);
		*today_n = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "counting follow-ups");
	return KITH_OK;
}
