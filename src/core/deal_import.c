/* SPDX-License-Identifier: MIT */
/*
 * Storing what a deals import read (batch.h): a new deal with the dates
 * and the stage history the file gives, or a merge into the deal the row
 * repeats.  It runs inside the import's one transaction, each row in a
 * savepoint of its own, so a refused row leaves nothing behind; the deal
 * writes themselves are deal.c's (deal_add, deal_update,
 * deal_set_contact), with the checks they make, and only the dates and
 * the history, which no user action sets, are written here.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/stage.h"
#include "kith/text.h"
#include "kith/util.h"
#include "batch.h"
#include "internal.h"

static enum kith_status	 import_row(struct kith_db *, struct deal_row *,
			    int *, char **, struct kith_err *);
static enum kith_status	 find_same(struct kith_db *, const struct deal *,
			    int64_t *, size_t *, struct kith_err *);
static enum kith_status	 add_row(struct kith_db *, struct deal_row *,
			    struct kith_err *);
static enum kith_status	 merge_row(struct kith_db *, int64_t,
			    struct deal_row *, struct kith_err *);
static enum kith_status	 merge_people(struct kith_db *, int64_t,
			    const struct deal *, struct kith_err *);
static enum kith_status	 put_steps(struct kith_db *, int64_t,
			    const struct deal_row *, struct kith_err *);
static enum kith_status	 catch_up(struct kith_db *, int64_t,
			    const struct deal_row *, struct kith_err *);
static void		 take(char **, const char *);

void
deal_row_clear(struct deal_row *row)
{
	deal_free(row->deal);
	free(row->steps);
	memset(row, 0, sizeof *row);
}

enum kith_status
deal_import_row(struct kith_db *db, struct deal_row *row, int *merged,
    char **warning, struct kith_err *err)
{
	*merged = 0;
	*warning = NULL;
	DB_TRANSACTION(db, err, import_row(db, row, merged, warning, err));
}

static enum kith_status
import_row(struct kith_db *db, struct deal_row *row, int *merged,
    char **warning, struct kith_err *err)
{
	enum kith_status	st;
	int64_t			id;
	size_t			n;

	if ((st = find_same(db, row->deal, &id, &n, err)) != KITH_OK)
		return st;
	if (id == 0)
		return add_row(db, row, err);
	if ((st = merge_row(db, id, row, err)) != KITH_OK)
		return st;
	*merged = 1;
	if (n > 1)
		*warning = xasprintf("merged into %s #%lld, the first of %zu "
		    "%ss it repeats", deal_word(db), (long long)id, n,
		    deal_word(db));
	return KITH_OK;
}

/*
 * The deal d repeats, the first by id into *id (0 if none), and how many
 * there are: those with its reference, else those with its folded title
 * and organisation that have no reference or when d has none.
 */
static enum kith_status
find_same(struct kith_db *db, const struct deal *d, int64_t *id, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*ref = NULL, *title = NULL, *fold = NULL, *org = NULL;
	int64_t		 org_id = 0;
	int		 rc;

	*id = 0;
	*n = 0;
	if ((st = db_clean_text(db, "reference", d->ref, &ref, err))
	    != KITH_OK)
		return st;
	if (ref != NULL) {
		if ((stmt = db_stmt(db, "SELECT id FROM deal WHERE ref = ?1 "
		    "ORDER BY id", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, ref, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			if ((*n)++ == 0)
				*id = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "finding a deal by reference");
			goto out;
		}
		if (*n > 0)
			goto out;
	}
	if ((st = db_clean_text(db, "title", d->title, &title, err))
	    != KITH_OK || title == NULL)
		goto out;	/* deal_add refuses an empty title */
	if ((st = text_fold(kith_db_text(db), title, &fold, err)) != KITH_OK)
		goto out;
	if ((st = db_clean_text(db, "organisation", d->org, &org, err))
	    != KITH_OK)
		goto out;
	if (org != NULL) {
		char *ofold = NULL;

		if ((st = text_fold(kith_db_text(db), org, &ofold, err))
		    != KITH_OK)
			goto out;
		if (*ofold == '\0') {	/* as org_find_or_create keys it */
			free(ofold);
			ofold = xstrdup(org);
		}
		if ((stmt = db_stmt(db, "SELECT id FROM org WHERE "
		    "name_fold = ?1", err)) == NULL) {
			free(ofold);
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, ofold, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			org_id = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		free(ofold);
		if (rc == SQLITE_DONE)
			goto out;	/* a new organisation: a new deal */
		if (rc != SQLITE_ROW) {
			st = db_fail(db, err, "finding an organisation");
			goto out;
		}
	}
	if ((stmt = db_stmt(db, "SELECT id FROM deal WHERE title_fold = ?1 "
	    "AND org_id IS ?2 AND (ref IS NULL OR ?3 IS NULL) ORDER BY id",
	    err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, fold, -1, SQLITE_STATIC);
	if (org_id != 0)
		sqlite3_bind_int64(stmt, 2, org_id);
	db_bind_text(stmt, 3, ref);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		if ((*n)++ == 0)
			*id = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		st = db_fail(db, err, "finding a deal by title");
out:
	free(ref);
	free(title);
	free(fold);
	free(org);
	return st;
}

/* A new deal: deal_add, then the dates and history of the row. */
static enum kith_status
add_row(struct kith_db *db, struct deal_row *row, struct kith_err *err)
{
	const struct deal_step	*last = &row->steps[row->n_steps - 1];
	struct deal		*d = row->deal;
	struct stage		 s = { 0 };
	sqlite3_stmt		*stmt;
	enum kith_status	 st;

	d->stage_id = last->stage_id;
	if ((st = deal_add(db, d, err)) != KITH_OK)
		return st;
	if ((st = stage_get(db, last->stage_id, &s, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "DELETE FROM deal_stage_history "
	    "WHERE deal_id = ?1", err)) == NULL) {
		stage_clear(&s);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, d->id);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		stage_clear(&s);
		return db_fail(db, err, "recording a stage change");
	}
	if ((st = put_steps(db, d->id, row, err)) != KITH_OK) {
		stage_clear(&s);
		return st;
	}
	if ((stmt = db_stmt(db, "UPDATE deal SET created = ?2, "
	    "stage_since = ?3, touched = ?4, closed_at = ?5 WHERE id = ?1",
	    err)) == NULL) {
		stage_clear(&s);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, d->id);
	sqlite3_bind_int64(stmt, 2, row->opened ? row->opened :
	    row->steps[0].at);
	sqlite3_bind_int64(stmt, 3, last->at);
	sqlite3_bind_int64(stmt, 4, row->touched ? row->touched : last->at);
	if (s.kind != KITH_STAGE_open)
		sqlite3_bind_int64(stmt, 5, row->closed ? row->closed :
		    last->at);
	stage_clear(&s);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "dating a deal");
	return KITH_OK;
}

/* *field becomes a copy of v, if v says something. */
static void
take(char **field, const char *v)
{
	if (str_empty(v))
		return;
	free(*field);
	*field = xstrdup(v);
}

/* A merge into deal id: the fields, people and history the row gives. */
static enum kith_status
merge_row(struct kith_db *db, int64_t id, struct deal_row *row,
    struct kith_err *err)
{
	struct deal		*base = NULL, *ed = NULL, *d = row->deal;
	enum kith_status	 st;

	if ((st = deal_get(db, id, &base, err)) != KITH_OK ||
	    (st = deal_get(db, id, &ed, err)) != KITH_OK)
		goto out;
	take(&ed->title, d->title);
	take(&ed->org, d->org);
	take(&ed->fee, d->fee);
	take(&ed->practice, d->practice);
	take(&ed->expected_close, d->expected_close);
	take(&ed->next_step, d->next_step);
	take(&ed->ref, d->ref);
	take(&ed->notes, d->notes);
	take(&ed->reason, d->reason);
	if (d->has_value) {
		ed->has_value = 1;
		ed->value = d->value;
	}
	if (d->currency[0] != '\0')
		memcpy(ed->currency, d->currency, sizeof ed->currency);
	if (d->originator_id != 0)
		ed->originator_id = d->originator_id;
	if (d->responsible_id != 0)
		ed->responsible_id = d->responsible_id;
	if ((st = deal_update(db, base, ed, err)) != KITH_OK ||
	    (st = merge_people(db, id, d, err)) != KITH_OK ||
	    (st = put_steps(db, id, row, err)) != KITH_OK)
		goto out;
	st = catch_up(db, id, row, err);
out:
	deal_free(base);
	deal_free(ed);
	return st;
}

/*
 * Puts d's people on deal id: those not on it, and those on it with
 * another role when d gives one.
 */
static enum kith_status
merge_people(struct kith_db *db, int64_t id, const struct deal *d,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	size_t		 i;
	int		 rc;

	for (i = 0; i < d->n_people; i++) {
		if ((stmt = db_stmt(db, "SELECT 1 FROM deal_contact WHERE "
		    "deal_id = ?1 AND contact_id = ?2", err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, d->people[i].contact_id);
		rc = sqlite3_step(stmt);
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(db, err, "reading the people of a deal");
		if (rc == SQLITE_ROW && d->people[i].role == NULL)
			continue;
		st = deal_set_contact(db, id, d->people[i].contact_id,
		    d->people[i].role, err);
		if (st != KITH_OK && st != KITH_EXISTS)
			return st;
	}
	return KITH_OK;
}

/* The row's history steps that deal id lacks (stage and moment). */
static enum kith_status
put_steps(struct kith_db *db, int64_t id, const struct deal_row *row,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	size_t		 i;

	for (i = 0; i < row->n_steps; i++) {
		if ((stmt = db_stmt(db, "INSERT INTO deal_stage_history "
		    "(deal_id, stage_id, at) SELECT ?1, ?2, ?3 WHERE NOT "
		    "EXISTS (SELECT 1 FROM deal_stage_history WHERE "
		    "deal_id = ?1 AND stage_id = ?2 AND at = ?3)", err))
		    == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_int64(stmt, 2, row->steps[i].stage_id);
		sqlite3_bind_int64(stmt, 3, row->steps[i].at);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "recording a stage change");
	}
	return KITH_OK;
}

/*
 * After a merge: a deal whose history now ends later than the stage it
 * is in moves to the stage of that last step, entered then (closed then,
 * or at the row's closed date, if the stage is won or lost); the last
 * touch is the later of the two.
 */
static enum kith_status
catch_up(struct kith_db *db, int64_t id, const struct deal_row *row,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int64_t		 stage = 0, at = 0;
	int		 rc, open = 1;

	if ((stmt = db_stmt(db, "SELECT h.stage_id, h.at, s.kind = 'open' "
	    "FROM deal_stage_history h JOIN stage s ON s.id = h.stage_id "
	    "WHERE h.deal_id = ?1 ORDER BY h.at DESC, h.id DESC LIMIT 1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		stage = sqlite3_column_int64(stmt, 0);
		at = sqlite3_column_int64(stmt, 1);
		open = sqlite3_column_int(stmt, 2);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading a stage history");
	if ((stmt = db_stmt(db, "UPDATE deal SET "
	    "stage_id = CASE WHEN ?3 > stage_since THEN ?2 ELSE stage_id END, "
	    "closed_at = CASE WHEN ?3 <= stage_since THEN closed_at "
	    "    WHEN ?4 THEN NULL ELSE coalesce(closed_at, ?5) END, "
	    "stage_since = max(stage_since, ?3), "
	    "touched = max(touched, ?3, ?6) WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, stage);
	sqlite3_bind_int64(stmt, 3, at);
	sqlite3_bind_int(stmt, 4, open);
	sqlite3_bind_int64(stmt, 5, row->closed ? row->closed : at);
	sqlite3_bind_int64(stmt, 6, row->touched);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "moving a deal");
	return KITH_OK;
}
