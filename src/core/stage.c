/* SPDX-License-Identifier: MIT */
/*
 * The stages of the pipeline.  Positions stay 1..n without gaps: every
 * write that changes them renumbers the list in the same transaction.
 * There is always at least one open stage, so a new deal has somewhere to
 * go.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/db.h"
#include "kith/deal.h"
#include "kith/stage.h"
#include "kith/util.h"
#include "internal.h"

static const char *const kind_names[] = {
	KITH_STAGE_KIND_LIST(KITH_VOCAB_STR, KITH_VOCAB_COMMA)
};

#define STAGE_COLS	"id, name, pos, kind, probability, stall_days"

static void		 read_stage(sqlite3_stmt *, struct stage *);
static enum kith_status	 check_numbers(int, int, struct kith_err *);
static enum kith_status	 clean_name(struct kith_db *, const char *, char **,
			    struct kith_err *);
static enum kith_status	 name_free(struct kith_db *, const char *, int64_t,
			    struct kith_err *);
static enum kith_status	 place(struct kith_db *, int64_t, int,
			    struct kith_err *);
static enum kith_status	 add_stage(struct kith_db *, const char *,
			    enum kith_stage_kind, int, int, int, int64_t *,
			    struct kith_err *);
static enum kith_status	 rename_stage(struct kith_db *, int64_t,
			    const char *, struct kith_err *);
static enum kith_status	 move_stage(struct kith_db *, int64_t, int,
			    struct kith_err *);
static enum kith_status	 set_stage(struct kith_db *, int64_t,
			    enum kith_stage_kind, int, int, struct kith_err *);
static enum kith_status	 remove_stage(struct kith_db *, int64_t, int64_t,
			    struct kith_err *);
static enum kith_status	 count_open(struct kith_db *, int64_t, int *,
			    struct kith_err *);

const char *
stage_kind_name(enum kith_stage_kind k)
{
	if ((int)k < 0 || k >= KITH_STAGE_KIND_COUNT)
		return "?";
	return kind_names[k];
}

int
stage_kind_parse(const char *s, enum kith_stage_kind *k)
{
	int	i;

	for (i = 0; s != NULL && i < KITH_STAGE_KIND_COUNT; i++)
		if (strcasecmp(s, kind_names[i]) == 0) {
			*k = (enum kith_stage_kind)i;
			return 1;
		}
	return 0;
}

void
stage_clear(struct stage *s)
{
	if (s == NULL)
		return;
	free(s->name);
	memset(s, 0, sizeof *s);
}

void
stages_free(struct stage *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

static void
read_stage(sqlite3_stmt *stmt, struct stage *s)
{
	enum kith_stage_kind	k = KITH_STAGE_open;

	s->id = sqlite3_column_int64(stmt, 0);
	s->name = db_col_text(stmt, 1);
	s->pos = sqlite3_column_int(stmt, 2);
	(void)stage_kind_parse((const char *)sqlite3_column_text(stmt, 3), &k);
	s->kind = k;
	s->probability = sqlite3_column_int(stmt, 4);
	s->stall_days = sqlite3_column_int(stmt, 5);
}

enum kith_status
stage_list(struct kith_db *db, struct stage **out, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct stage	*v = NULL;
	size_t		 k = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT " STAGE_COLS " FROM stage "
	    "ORDER BY pos, id", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		read_stage(stmt, &v[k++]);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		stages_free(v, k);
		return db_fail(db, err, "listing the stages");
	}
	*out = v;
	*n = k;
	return KITH_OK;
}

enum kith_status
stage_find(struct kith_db *db, const char *name, struct stage *out,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct sbuf	 names = { 0 };
	enum kith_status st;
	char		*clean = NULL;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((st = db_clean_text(db, "stage", name, &clean, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "SELECT " STAGE_COLS " FROM stage "
	    "WHERE name = ?1", err)) == NULL) {
		free(clean);
		return KITH_DB;
	}
	db_bind_text(stmt, 1, clean);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		read_stage(stmt, out);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW) {
		free(clean);
		return KITH_OK;
	}
	if (rc != SQLITE_DONE) {
		free(clean);
		return db_fail(db, err, "finding a stage");
	}
	if ((stmt = db_stmt(db, "SELECT name FROM stage ORDER BY pos, id",
	    err)) == NULL) {
		free(clean);
		return KITH_DB;
	}
	while (sqlite3_step(stmt) == SQLITE_ROW)
		sbuf_printf(&names, "%s%s", names.len ? ", " : "",
		    (const char *)sqlite3_column_text(stmt, 0));
	sqlite3_reset(stmt);
	st = kith_err_set(err, KITH_NOTFOUND, "stage '%s': no such stage "
	    "(the stages are %s)", clean ? clean : "",
	    names.s ? names.s : "none");
	sbuf_free(&names);
	free(clean);
	return st;
}

enum kith_status
stage_get(struct kith_db *db, int64_t id, struct stage *out,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((stmt = db_stmt(db, "SELECT " STAGE_COLS " FROM stage "
	    "WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		read_stage(stmt, out);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND, "no stage with id %lld",
		    (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading a stage");
	return KITH_OK;
}

enum kith_status
stage_first(struct kith_db *db, enum kith_stage_kind kind, struct stage *out,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	memset(out, 0, sizeof *out);
	if ((stmt = db_stmt(db, "SELECT " STAGE_COLS " FROM stage "
	    "WHERE kind = ?1 ORDER BY pos, id LIMIT 1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, stage_kind_name(kind), -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		read_stage(stmt, out);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND, "there is no %s stage "
		    "(kith stage add NAME --kind %s makes one)",
		    stage_kind_name(kind), stage_kind_name(kind));
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading the stages");
	return KITH_OK;
}

static enum kith_status
check_numbers(int probability, int stall_days, struct kith_err *err)
{
	if (probability < 0 || probability > 100)
		return kith_err_set(err, KITH_INVALID, "probability %d: give "
		    "a percentage from 0 to 100", probability);
	if (stall_days < 1)
		return kith_err_set(err, KITH_INVALID, "stall days %d: give "
		    "a number of days, 1 or more", stall_days);
	return KITH_OK;
}

static enum kith_status
clean_name(struct kith_db *db, const char *name, char **out,
    struct kith_err *err)
{
	enum kith_status	st;

	if ((st = db_clean_text(db, "stage name", name, out, err)) != KITH_OK)
		return st;
	if (*out == NULL)
		return kith_err_set(err, KITH_INVALID, "a stage needs a name");
	return KITH_OK;
}

/* KITH_EXISTS if a stage other than self is called name. */
static enum kith_status
name_free(struct kith_db *db, const char *name, int64_t self,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT name FROM stage WHERE name = ?1 "
	    "AND id <> ?2", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, self);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		kith_err_set(err, KITH_EXISTS, "there is a stage called %s "
		    "already", (const char *)sqlite3_column_text(stmt, 0));
		sqlite3_reset(stmt);
		return KITH_EXISTS;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "checking the stage names");
	return KITH_OK;
}

/*
 * Puts stage id at position pos (clamped to 1..n) and renumbers the
 * others 1..n in their order.
 */
static enum kith_status
place(struct kith_db *db, int64_t id, int pos, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if (pos < 1)
		pos = 1;
	/*
	 * Order the others by position; the moved one goes before the
	 * stage now at pos (or last).  Window functions renumber in one go.
	 */
	if ((stmt = db_stmt(db, "WITH o AS (SELECT id, row_number() OVER "
	    "(ORDER BY pos, id) AS n FROM stage WHERE id <> ?1), "
	    "r AS (SELECT id, CASE WHEN n < ?2 THEN n ELSE n + 1 END AS p "
	    "FROM o UNION ALL SELECT ?1, min(?2, (SELECT count(*) + 1 "
	    "FROM o))) UPDATE stage SET pos = (SELECT p FROM r WHERE "
	    "r.id = stage.id) WHERE pos IS NOT (SELECT p FROM r WHERE "
	    "r.id = stage.id)", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, pos);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "ordering the stages");
	return KITH_OK;
}

enum kith_status
stage_add(struct kith_db *db, const char *name, enum kith_stage_kind kind,
    int probability, int stall_days, int pos, int64_t *id,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, add_stage(db, name, kind, probability,
	    stall_days, pos, id, err));
}

static enum kith_status
add_stage(struct kith_db *db, const char *name, enum kith_stage_kind kind,
    int probability, int stall_days, int pos, int64_t *idp,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*clean = NULL;
	int64_t		 id;

	if ((int)kind < 0 || kind >= KITH_STAGE_KIND_COUNT)
		return kith_err_set(err, KITH_INVALID, "a stage is open, won "
		    "or lost");
	if ((st = check_numbers(probability, stall_days, err)) != KITH_OK ||
	    (st = clean_name(db, name, &clean, err)) != KITH_OK ||
	    (st = name_free(db, clean, 0, err)) != KITH_OK)
		goto out;
	if (pos <= 0 && kind == KITH_STAGE_open) {
		if ((stmt = db_stmt(db, "SELECT coalesce(max(pos), 0) + 1 "
		    "FROM stage WHERE kind = 'open'", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		pos = sqlite3_step(stmt) == SQLITE_ROW ?
		    sqlite3_column_int(stmt, 0) : 1;
		sqlite3_reset(stmt);
	} else if (pos <= 0)
		pos = 1 << 30;
	if ((stmt = db_stmt(db, "INSERT INTO stage (name, pos, kind, "
	    "probability, stall_days) VALUES (?1, 0, ?2, ?3, ?4)",
	    err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, clean, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, stage_kind_name(kind), -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, probability);
	sqlite3_bind_int(stmt, 4, stall_days);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "adding a stage");
		goto out;
	}
	id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	if ((st = place(db, id, pos, err)) != KITH_OK)
		goto out;
	if (idp != NULL)
		*idp = id;
	db_own_actionf(db, "stage", "added stage %s", clean);
out:
	free(clean);
	return st;
}

enum kith_status
stage_rename(struct kith_db *db, int64_t id, const char *name,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, rename_stage(db, id, name, err));
}

static enum kith_status
rename_stage(struct kith_db *db, int64_t id, const char *name,
    struct kith_err *err)
{
	struct stage	 s;
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*clean = NULL;

	if ((st = stage_get(db, id, &s, err)) != KITH_OK)
		return st;
	if ((st = clean_name(db, name, &clean, err)) != KITH_OK ||
	    (st = name_free(db, clean, id, err)) != KITH_OK)
		goto out;
	if ((stmt = db_stmt(db, "UPDATE stage SET name = ?2 WHERE id = ?1",
	    err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, clean, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "renaming a stage");
		goto out;
	}
	db_own_actionf(db, "stage", "renamed stage %s to %s", s.name, clean);
out:
	stage_clear(&s);
	free(clean);
	return st;
}

enum kith_status
stage_move(struct kith_db *db, int64_t id, int pos, struct kith_err *err)
{
	DB_TRANSACTION(db, err, move_stage(db, id, pos, err));
}

static enum kith_status
move_stage(struct kith_db *db, int64_t id, int pos, struct kith_err *err)
{
	struct stage	 s;
	enum kith_status st;

	if (pos < 1)
		return kith_err_set(err, KITH_INVALID, "position %d: 1 is the "
		    "first", pos);
	if ((st = stage_get(db, id, &s, err)) != KITH_OK)
		return st;
	if ((st = place(db, id, pos, err)) == KITH_OK)
		db_own_actionf(db, "stage", "moved stage %s to position %d",
		    s.name, pos);
	stage_clear(&s);
	return st;
}

enum kith_status
stage_set(struct kith_db *db, int64_t id, enum kith_stage_kind kind,
    int probability, int stall_days, struct kith_err *err)
{
	DB_TRANSACTION(db, err, set_stage(db, id, kind, probability,
	    stall_days, err));
}

/* The open stages other than except, into *n. */
static enum kith_status
count_open(struct kith_db *db, int64_t except, int *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "SELECT count(*) FROM stage WHERE "
	    "kind = 'open' AND id <> ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, except);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return db_fail(db, err, "counting the open stages");
	}
	*n = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	return KITH_OK;
}

static enum kith_status
set_stage(struct kith_db *db, int64_t id, enum kith_stage_kind kind,
    int probability, int stall_days, struct kith_err *err)
{
	struct stage	 s;
	sqlite3_stmt	*stmt;
	enum kith_status st;
	int		 n_open = 0;

	if ((int)kind < 0 || kind >= KITH_STAGE_KIND_COUNT)
		return kith_err_set(err, KITH_INVALID, "a stage is open, won "
		    "or lost");
	if ((st = check_numbers(probability, stall_days, err)) != KITH_OK)
		return st;
	if ((st = stage_get(db, id, &s, err)) != KITH_OK)
		return st;
	if (kind != KITH_STAGE_open && s.kind == KITH_STAGE_open) {
		if ((st = count_open(db, id, &n_open, err)) != KITH_OK)
			goto out;
		if (n_open == 0) {
			st = kith_err_set(err, KITH_INVALID, "%s is the only "
			    "open stage; a new %s needs one", s.name,
			    deal_word(db));
			goto out;
		}
	}
	if ((stmt = db_stmt(db, "UPDATE stage SET kind = ?2, probability = ?3,"
	    " stall_days = ?4 WHERE id = ?1", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, stage_kind_name(kind), -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 3, probability);
	sqlite3_bind_int(stmt, 4, stall_days);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "changing a stage");
		goto out;
	}
	/*
	 * The deals in it follow its kind: closed since they entered it
	 * when it stops being open, open again (with no close date) when
	 * it becomes open, so no report counts a deal as closed in an open
	 * stage or open in a closed one.
	 */
	if (kind != s.kind) {
		if ((stmt = db_stmt(db, "UPDATE deal SET closed_at = CASE WHEN "
		    "?2 = 'open' THEN NULL ELSE coalesce(closed_at, "
		    "stage_since) END WHERE stage_id = ?1", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_text(stmt, 2, stage_kind_name(kind), -1,
		    SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			st = db_fail(db, err, "changing a stage's deals");
			goto out;
		}
	}
	db_own_actionf(db, "stage", "changed stage %s", s.name);
out:
	stage_clear(&s);
	return st;
}

enum kith_status
stage_remove(struct kith_db *db, int64_t id, int64_t to,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, remove_stage(db, id, to, err));
}

static enum kith_status
remove_stage(struct kith_db *db, int64_t id, int64_t to,
    struct kith_err *err)
{
	static const char *const moves[] = {
		"UPDATE deal_stage_history SET stage_id = ?2 "
		    "WHERE stage_id = ?1",
		"UPDATE deal SET stage_id = ?2, updated = ?3, closed_at = "
		    "CASE WHEN (SELECT kind FROM stage WHERE id = ?2) = 'open' "
		    "THEN NULL ELSE coalesce(closed_at, ?3) END "
		    "WHERE stage_id = ?1",
		"DELETE FROM stage WHERE id = ?1",
	};
	struct stage	 s, t = { 0 };
	sqlite3_stmt	*stmt;
	enum kith_status st;
	size_t		 i;
	int		 n_open = 0, n_deals = 0;

	if ((st = stage_get(db, id, &s, err)) != KITH_OK)
		return st;
	if (s.kind == KITH_STAGE_open) {
		if ((st = count_open(db, id, &n_open, err)) != KITH_OK)
			goto out;
		if (n_open == 0) {
			st = kith_err_set(err, KITH_INVALID, "%s is the only "
			    "open stage; a new %s needs one", s.name,
			    deal_word(db));
			goto out;
		}
	}
	if ((stmt = db_stmt(db, "SELECT count(*) FROM deal WHERE "
	    "stage_id = ?1", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n_deals = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (to == id) {
		st = kith_err_set(err, KITH_INVALID, "the %s of %s cannot "
		    "move to %s itself", deal_word_form(db, 1, 0), s.name,
		    s.name);
		goto out;
	}
	if (to == 0 && n_deals > 0) {
		st = kith_err_set(err, KITH_EXISTS, "stage %s holds %d "
		    "%s; say which stage they move to", s.name, n_deals,
		    deal_word_form(db, n_deals != 1, 0));
		goto out;
	}
	if (to != 0 && (st = stage_get(db, to, &t, err)) != KITH_OK)
		goto out;
	for (i = 0; i < sizeof moves / sizeof moves[0]; i++) {
		if ((stmt = db_stmt(db, moves[i], err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, id);
		if (i < 2) {
			sqlite3_bind_int64(stmt, 2, to);
			if (i == 1)
				sqlite3_bind_int64(stmt, 3,
				    (int64_t)kith_db_now(db));
		}
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			st = db_fail(db, err, "removing a stage");
			goto out;
		}
	}
	if ((st = place(db, 0, 1 << 30, err)) != KITH_OK)
		goto out;
	if (n_deals > 0)
		db_own_actionf(db, "stage", "removed stage %s, its %d %s "
		    "moved to %s", s.name, n_deals,
		    deal_word_form(db, n_deals != 1, 0), t.name);
	else
		db_own_actionf(db, "stage", "removed stage %s", s.name);
out:
	stage_clear(&s);
	stage_clear(&t);
	return st;
}
