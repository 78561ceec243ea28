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

static enum kith_status	check_due(const char *, struct kith_err *);
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

/* due must be a real "YYYY-MM-DD" date. */
static enum kith_status
check_due(const char *due, struct kith_err *err)
{
	if (!date_valid(due))
		return kith_err_set(err, KITH_INVALID, "due date '%s': "
		    "expected YYYY-MM-DD", due ? due : "");
	return KITH_OK;
}

static enum kith_status
add_row(struct kith_db *db, int64_t contact, const char *action,
    const char *due, int64_t *id, struct kith_err *err)
{
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	char			*act = NULL;
	int			 rc;

	if ((st = check_due(due, err)) != KITH_OK)
		return st;
	if ((st = db_clean_text(db, "action", action, &act, err)) != KITH_OK)
		return st;
	if (act == NULL)
		return kith_err_set(err, KITH_INVALID,
		    "a follow-up needs an action, e.g. \"call re: renewal\"");
	if ((stmt = db_stmt(db, "INSERT INTO followup (contact_id, action, "
	    "due, created) VALUES (?1, ?2, ?3, ?4)", err)) == NULL) {
		free(act);
		return KITH_DB;
	}
	if (contact != 0)
		sqlite3_bind_int64(stmt, 1, contact);
	sqlite3_bind_text(stmt, 2, act, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, due, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, (int64_t)kith_db_now(db));
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
	sqlite3_stmt		*stmt;

	if ((st = check_due(due, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "UPDATE followup SET due = ?2, done_at = NULL, "
	    "snoozes = snoozes + ?3 WHERE id = ?1 AND (done_at IS NULL OR ?4)",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, due, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, (how & FOLLOWUP_SNOOZE) != 0);
	sqlite3_bind_int(stmt, 4, (how & FOLLOWUP_REOPEN) != 0);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "rescheduling a follow-up");
	if (sqlite3_changes(kith_db_sqlite(db)) == 0)
		return not_pending(db, id, err);
	return KITH_OK;
}

/*
 * Columns: id, contact_id, display, action, due, done_at, snoozes.  The
 * strings point into the statement: valid until the next step.
 */
static void
read_row(sqlite3_stmt *stmt, const char *today, struct followup *f)
{
	const char	*due;

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
}

static struct followup *
copy_row(const struct followup *src, struct followup *dst)
{
	*dst = *src;
	dst->contact_name = xstrdup(src->contact_name);
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
	    "f.action, f.due, f.done_at, f.snoozes FROM followup f LEFT JOIN "
	    "contact c ON c.id = f.contact_id WHERE f.id = ?1", err)) == NULL)
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
followup_free(struct followup *f)
{
	if (f == NULL)
		return;
	free(f->contact_name);
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
	    "f.action, f.due, f.done_at, f.snoozes FROM followup f LEFT JOIN "
	    "contact c ON c.id = f.contact_id WHERE f.done_at IS NULL AND "
	    "f.due <= ?1 ORDER BY f.due, f.id", err)) == NULL)
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

enum kith_status
followup_list_contact(struct kith_db *db, int64_t contact,
    struct followup **out, size_t *n, struct kith_err *err)
{
	struct followup	 f, *r = NULL;
	sqlite3_stmt	*stmt;
	char		 today[KITH_DATE_LEN];
	size_t		 count = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT f.id, f.contact_id, c.display, "
	    "f.action, f.due, f.done_at, f.snoozes FROM followup f JOIN "
	    "contact c ON c.id = f.contact_id WHERE f.contact_id = ?1 AND "
	    "f.done_at IS NULL ORDER BY f.due, f.id", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, contact);
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
followup_list_deal(struct kith_db *db, int64_t deal, struct followup **out,
    size_t *n, struct kith_err *err)
{
	struct followup	 f, *r = NULL;
	sqlite3_stmt	*stmt;
	char		 today[KITH_DATE_LEN];
	size_t		 count = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT f.id, f.contact_id, c.display, "
	    "f.action, f.due, f.done_at, f.snoozes FROM followup f LEFT JOIN "
	    "contact c ON c.id = f.contact_id WHERE f.deal_id = ?1 AND "
	    "f.done_at IS NULL ORDER BY f.due, f.id", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, deal);
	db_today(db, today);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r = xreallocarray(r, count + 1, sizeof *r);
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

void
followup_list_free(struct followup *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(r[i].contact_name);
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
