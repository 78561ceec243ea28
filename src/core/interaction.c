/* SPDX-License-Identifier: MIT */
/*
 * The interaction history.  interaction_contact repeats the interaction's
 * time so that "the latest interactions with X" is one index range, newest
 * first, however long the history grows.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "kith/clock.h"
#include "kith/interaction.h"
#include "kith/util.h"
#include "internal.h"
#include "touch.h"

static enum kith_status	list_rows(struct kith_db *, sqlite3_stmt *,
			    struct interaction **, size_t *, struct kith_err *);
static enum kith_status	set_direction(struct kith_db *, int64_t,
			    const char *, struct kith_err *);

const char *const interaction_kinds[KITH_INTERACTION_KIND_COUNT] = {
	KITH_INTERACTION_KIND_LIST(KITH_VOCAB_STR, KITH_VOCAB_COMMA)
};

/* The stored spelling of kind (any case), or NULL if it is not one. */
static const char *
canonical_kind(const char *kind)
{
	size_t	i;

	if (kind == NULL)
		return NULL;
	if (strcasecmp(kind, "e-mail") == 0 || strcasecmp(kind, "mail") == 0)
		return "email";
	for (i = 0; i < KITH_INTERACTION_KIND_COUNT; i++)
		if (strcasecmp(kind, interaction_kinds[i]) == 0)
			return interaction_kinds[i];
	return NULL;
}

int
interaction_kind_valid(const char *kind)
{
	return canonical_kind(kind) != NULL;
}

enum kith_status
interaction_log(struct kith_db *db, const int64_t *who, size_t n,
    const char *kind, const char *at, const char *summary, const char *body,
    int64_t *id, struct kith_err *err)
{
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	const char		*k;
	struct kith_when	 w;
	char			 now[KITH_WHEN_LEN];
	char			*sum = NULL, *text = NULL;
	int64_t			 iid;
	size_t			 i;
	int			 rc;

	if ((k = canonical_kind(kind)) == NULL)
		return kith_err_set(err, KITH_INVALID, "interaction kind '%s': "
		    "use one of %s", kind ? kind : "", KITH_INTERACTION_KINDS);
	if (n == 0)
		return kith_err_set(err, KITH_INVALID,
		    "an interaction needs at least one contact");
	if ((st = db_clean_text(db, "summary", summary, &sum, err)) != KITH_OK)
		return st;
	if (sum == NULL)
		return kith_err_set(err, KITH_INVALID,
		    "an interaction needs a summary");
	if ((st = db_clean(db, "body", body, DB_TRIM | DB_LINES, &text, err))
	    != KITH_OK)
		goto out;
	if (at != NULL && !when_read(at, &w)) {
		st = kith_err_set(err, KITH_INVALID, "interaction time '%s': "
		    "expected YYYY-MM-DD or YYYY-MM-DD HH:MM", at);
		goto out;
	}
	if (at != NULL && when_is_future(&w, kith_db_now(db))) {
		st = kith_err_set(err, KITH_INVALID, "%s is in the future; "
		    "an interaction is something that happened: plan what is "
		    "to come as a follow-up", at);
		goto out;
	}
	if (at == NULL) {
		when_from_time(kith_db_now(db), now);
		at = now;
	}

	if ((st = kith_db_begin(db, err)) != KITH_OK)
		goto out;
	if ((stmt = db_stmt(db, "INSERT INTO interaction (kind, at, summary, "
	    "body, created) VALUES (?1, ?2, ?3, ?4, ?5)", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_text(stmt, 1, k, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, at, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, sum, -1, SQLITE_STATIC);
	db_bind_text(stmt, 4, text);
	sqlite3_bind_int64(stmt, 5, (int64_t)kith_db_now(db));
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "logging an interaction");
		goto fail;
	}
	iid = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	for (i = 0; i < n; i++) {
		if ((stmt = db_stmt(db, "INSERT OR IGNORE INTO "
		    "interaction_contact (interaction_id, contact_id, at) "
		    "VALUES (?1, ?2, ?3)", err)) == NULL) {
			st = KITH_DB;
			goto fail;
		}
		sqlite3_bind_int64(stmt, 1, iid);
		sqlite3_bind_int64(stmt, 2, who[i]);
		sqlite3_bind_text(stmt, 3, at, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
			st = kith_err_set(err, KITH_NOTFOUND,
			    "no contact with id %lld", (long long)who[i]);
			goto fail;
		}
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "logging an interaction");
			goto fail;
		}
	}
	/* The touch summaries and cadence clocks of everyone in it. */
	for (i = 0; i < n; i++)
		if ((st = touch_refresh(db, who[i], err)) != KITH_OK)
			goto fail;
	if (id != NULL)
		*id = iid;
	st = kith_db_commit(db, err);
	goto out;
fail:
	kith_db_rollback(db);
out:
	free(sum);
	free(text);
	return st;
}

/*
 * Steps stmt (bound, selecting id, kind, at, summary, body) into an
 * array of interactions: the two lists below differ only in their query.
 */
static enum kith_status
list_rows(struct kith_db *db, sqlite3_stmt *stmt, struct interaction **out,
    size_t *n, struct kith_err *err)
{
	struct interaction	*r = NULL;
	size_t			 count = 0;
	int			 rc;

	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((count & (count - 1)) == 0)
			r = xreallocarray(r, count ? count * 2 : 1, sizeof *r);
		r[count].id = sqlite3_column_int64(stmt, 0);
		r[count].kind = db_col_text(stmt, 1);
		r[count].at = db_col_text(stmt, 2);
		r[count].summary = db_col_text(stmt, 3);
		r[count].body = db_col_text(stmt, 4);
		count++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		interaction_list_free(r, count);
		return db_fail(db, err, "reading interactions");
	}
	*out = r;
	*n = count;
	return KITH_OK;
}

enum kith_status
interaction_list(struct kith_db *db, int64_t id, size_t limit,
    struct interaction **out, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT i.id, i.kind, i.at, i.summary, i.body "
	    "FROM interaction_contact ic JOIN interaction i ON i.id = "
	    "ic.interaction_id WHERE ic.contact_id = ?1 ORDER BY ic.at DESC, "
	    "ic.interaction_id DESC LIMIT ?2", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, (int64_t)limit);
	return list_rows(db, stmt, out, n, err);
}

enum kith_status
interaction_list_deal(struct kith_db *db, int64_t deal, size_t limit,
    struct interaction **out, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT id, kind, at, summary, body "
	    "FROM interaction WHERE deal_id = ?1 ORDER BY at DESC, id DESC "
	    "LIMIT ?2", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, deal);
	sqlite3_bind_int64(stmt, 2, (int64_t)limit);
	return list_rows(db, stmt, out, n, err);
}

void
interaction_list_free(struct interaction *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(r[i].kind);
		free(r[i].at);
		free(r[i].summary);
		free(r[i].body);
	}
	free(r);
}

static enum kith_status
set_direction(struct kith_db *db, int64_t id, const char *dir,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	int64_t		*who = NULL;
	size_t		 n = 0, i;
	int		 rc;

	if ((stmt = db_stmt(db, "UPDATE interaction SET direction = ?2 "
	    "WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	db_bind_text(stmt, 2, dir);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "saying who started an interaction");
	if (sqlite3_changes(kith_db_sqlite(db)) == 0)
		return kith_err_set(err, KITH_NOTFOUND,
		    "no interaction with id %lld", (long long)id);
	if ((stmt = db_stmt(db, "SELECT contact_id FROM interaction_contact "
	    "WHERE interaction_id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((n & (n - 1)) == 0)
			who = xreallocarray(who, n ? n * 2 : 1, sizeof *who);
		who[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	st = rc == SQLITE_DONE ? KITH_OK :
	    db_fail(db, err, "reading an interaction");
	for (i = 0; st == KITH_OK && i < n; i++)
		st = touch_refresh(db, who[i], err);
	free(who);
	return st;
}

enum kith_status
interaction_set_direction(struct kith_db *db, int64_t id, const char *dir,
    struct kith_err *err)
{
	if (dir != NULL && strcmp(dir, "in") != 0 && strcmp(dir, "out") != 0)
		return kith_err_set(err, KITH_INVALID, "who started it: '%s'; "
		    "use in (they did) or out (we did)", dir);
	DB_TRANSACTION(db, err, set_direction(db, id, dir, err));
}
