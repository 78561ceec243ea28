/* SPDX-License-Identifier: MIT */
/*
 * Finding deals: resolving what a user typed into one deal (id, exact
 * reference, title words ranked as contact names are), the deal list with
 * its query and stage filter, the deals of one contact, and the people on
 * open deals.  Readers only: nothing here writes.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/db.h"
#include "kith/deal.h"
#include "kith/stage.h"
#include "kith/text.h"
#include "kith/util.h"
#include "deal_impl.h"
#include "internal.h"

static void		 read_line(sqlite3_stmt *, int64_t, struct deal_line *);
static enum kith_status	 resolve_refs(struct kith_db *, const int64_t *,
			    size_t, size_t, struct deal_ref **, size_t *,
			    struct kith_err *);

void
deal_refs_free(struct deal_ref *refs, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(refs[i].title);
		free(refs[i].org);
		free(refs[i].stage);
		free(refs[i].ref);
	}
	free(refs);
}

#define RESOLVE_MAX_CANDS	2000	/* title candidates ranked at most */

enum kith_status
deal_resolve(struct kith_db *db, const char *what, int64_t *id,
    struct deal_ref **cands, size_t *n_cands, size_t max,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st = KITH_OK;
	char		*clean = NULL, *fold = NULL, *copy = NULL, *w, *save;
	char		**words = NULL;
	const char	*p, *longest = "";
	int64_t		*ids = NULL;
	size_t		 n = 0, n_words = 0;
	int		 rc, rank, best = 0;

	*id = 0;
	if (cands != NULL) {
		*cands = NULL;
		*n_cands = 0;
	}
	if ((st = db_clean_text(db, "query", what, &clean, err)) != KITH_OK)
		return st;
	if (clean == NULL)
		return kith_err_set(err, KITH_NOTFOUND, "which %s? give its "
		    "id, reference or title", deal_word(db));
	for (p = clean; *p >= '0' && *p <= '9'; p++)
		;
	if (*p == '\0') {
		if ((stmt = db_stmt(db, "SELECT id FROM deal WHERE id = ?1",
		    err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, strtoll(clean, NULL, 10));
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			*id = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		if (rc == SQLITE_ROW)
			goto out;
	}
	/* An exact reference. */
	if ((stmt = db_stmt(db, "SELECT id FROM deal WHERE ref = ?1 "
	    "ORDER BY id LIMIT ?2", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, clean, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, RESOLVE_MAX_CANDS);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "finding a deal by reference");
		goto out;
	}
	if (n == 0) {
		/* The title's words, best rank only. */
		if ((st = text_fold(kith_db_text(db), clean, &fold, err))
		    != KITH_OK)
			goto out;
		copy = xstrdup(fold);
		for (w = strtok_r(copy, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save)) {
			words = xreallocarray(words, n_words + 1,
			    sizeof *words);
			words[n_words++] = w;
			if (strlen(w) > strlen(longest))
				longest = w;
		}
		if (n_words > 0) {
			if ((stmt = db_stmt(db, "SELECT id, title_fold "
			    "FROM deal WHERE instr(title_fold, ?1) > 0 "
			    "ORDER BY id", err)) == NULL) {
				st = KITH_DB;
				goto out;
			}
			sqlite3_bind_text(stmt, 1, longest, -1, SQLITE_STATIC);
			while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
				const char *tf = (const char *)
				    sqlite3_column_text(stmt, 1);

				rank = resolve_rank(words, n_words, fold, tf,
				    tf);
				if (rank == 0 || rank < best)
					continue;
				if (rank > best) {
					best = rank;
					n = 0;
				}
				if (n < RESOLVE_MAX_CANDS) {
					ids = xreallocarray(ids, n + 1,
					    sizeof *ids);
					ids[n++] = sqlite3_column_int64(stmt,
					    0);
				}
			}
			sqlite3_reset(stmt);
			if (rc != SQLITE_DONE) {
				st = db_fail(db, err, "finding a deal by "
				    "title");
				goto out;
			}
		}
	}
	if (n == 1) {
		*id = ids[0];
		goto out;
	}
	if (n == 0) {
		st = kith_err_set(err, KITH_NOTFOUND, "no %s has the id, "
		    "reference or title '%s'", deal_word(db), clean);
		goto out;
	}
	if (cands != NULL && max > 0 && (st = resolve_refs(db, ids, n, max,
	    cands, n_cands, err)) != KITH_OK)
		goto out;
	st = kith_err_set(err, KITH_AMBIGUOUS, "'%s' matches %s%zu %ss",
	    clean, n > max ? "more than " : "", n > max ? max : n,
	    deal_word(db));
out:
	free(ids);
	free(words);
	free(copy);
	free(fold);
	free(clean);
	return st;
}

/* Up to max of the n deals ids into *refs, by title. */
static enum kith_status
resolve_refs(struct kith_db *db, const int64_t *ids, size_t n, size_t max,
    struct deal_ref **refs, size_t *n_refs, struct kith_err *err)
{
	struct sbuf	 list = { 0 };
	sqlite3_stmt	*stmt;
	struct deal_ref	*r;
	size_t		 i, k = 0;
	int		 rc;

	for (i = 0; i < n; i++)
		sbuf_printf(&list, "%s%lld", i ? "," : "", (long long)ids[i]);
	/* The ids are numbers written here: no injection. */
	if ((stmt = db_stmt(db, "SELECT d.id, d.title, o.name, s.name, d.ref "
	    "FROM deal d JOIN stage s ON s.id = d.stage_id "
	    "LEFT JOIN org o ON o.id = d.org_id "
	    "WHERE d.id IN (SELECT value FROM json_each('[' || ?1 || ']')) "
	    "ORDER BY d.title_fold, d.id LIMIT ?2", err)) == NULL) {
		sbuf_free(&list);
		return KITH_DB;
	}
	sqlite3_bind_text(stmt, 1, list.s ? list.s : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, (int64_t)max);
	sbuf_free(&list);
	r = xcalloc(max + 1, sizeof *r);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && k < max) {
		r[k].id = sqlite3_column_int64(stmt, 0);
		r[k].title = db_col_text(stmt, 1);
		r[k].org = db_col_text(stmt, 2);
		r[k].stage = db_col_text(stmt, 3);
		r[k].ref = db_col_text(stmt, 4);
		k++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		deal_refs_free(r, k);
		return db_fail(db, err, "listing the candidates");
	}
	*refs = r;
	*n_refs = k;
	return KITH_OK;
}

void
deal_lines_free(struct deal_line *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].org);
		free(v[i].stage);
		free(v[i].next_step);
		free(v[i].role);
	}
	free(v);
}

/*
 * The columns read_line reads, in its order, and the text a deal_list
 * query matches (column 13).
 */
#define LINE_COLS	"d.id, d.title, o.name, d.stage_id, s.name, s.kind, " \
	"d.value_cents, d.currency, d.stage_since, d.touched, s.stall_days, " \
	"d.next_step, " DEAL_OVERDUE_SQL

static void
read_line(sqlite3_stmt *stmt, int64_t now, struct deal_line *l)
{
	const char	*cur;

	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(stmt, 0);
	l->title = db_col_text(stmt, 1);
	l->org = db_col_text(stmt, 2);
	l->stage_id = sqlite3_column_int64(stmt, 3);
	l->stage = db_col_text(stmt, 4);
	(void)stage_kind_parse((const char *)sqlite3_column_text(stmt, 5),
	    &l->stage_kind);
	if ((l->has_value = sqlite3_column_type(stmt, 6) != SQLITE_NULL))
		l->value = sqlite3_column_int64(stmt, 6);
	if ((cur = (const char *)sqlite3_column_text(stmt, 7)) != NULL &&
	    strlen(cur) == 3)
		memcpy(l->currency, cur, 4);
	l->days_in_stage = now > sqlite3_column_int64(stmt, 8) ?
	    (int)((now - sqlite3_column_int64(stmt, 8)) / DAY) : 0;
	l->stalled = deal_is_stalled(l->stage_kind,
	    sqlite3_column_int(stmt, 10), sqlite3_column_int64(stmt, 9),
	    sqlite3_column_int(stmt, 12), now);
	l->next_step = db_col_text(stmt, 11);
	l->role = db_col_text(stmt, 13);
}

enum kith_status
deal_list(struct kith_db *db, const char *query, int64_t stage,
    struct deal_line **out, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	struct deal_line *v = NULL;
	char		*fold = NULL, *copy = NULL, *w, *save, **words = NULL;
	int64_t		 now = (int64_t)kith_db_now(db);
	size_t		 k = 0, n_words = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (!str_empty(query)) {
		if ((st = text_fold(kith_db_text(db), query, &fold, err))
		    != KITH_OK)
			return st;
		copy = xstrdup(fold);
		for (w = strtok_r(copy, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save)) {
			words = xreallocarray(words, n_words + 1,
			    sizeof *words);
			words[n_words++] = w;
		}
	}
	if ((stmt = db_stmt(db, "SELECT " LINE_COLS ", NULL, "
	    "d.title_fold || ' ' || coalesce(kith_fold(d.ref), '') || ' ' || "
	    "coalesce(o.name_fold, '') FROM deal d "
	    "JOIN stage s ON s.id = d.stage_id "
	    "LEFT JOIN org o ON o.id = d.org_id "
	    "WHERE ?1 = 0 OR d.stage_id = ?1 "
	    "ORDER BY s.pos, s.id, d.title_fold, d.id", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, stage);
	deal_bind_today(db, stmt);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n_words > 0 && resolve_rank(words, n_words, fold, NULL,
		    (const char *)sqlite3_column_text(stmt, 14)) == 0)
			continue;
		v = xreallocarray(v, k + 1, sizeof *v);
		read_line(stmt, now, &v[k++]);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "listing the deals");
		deal_lines_free(v, k);
		goto out;
	}
	st = KITH_OK;
	*out = v;
	*n = k;
out:
	free(words);
	free(copy);
	free(fold);
	return st;
}

enum kith_status
deal_list_contact(struct kith_db *db, int64_t contact,
    struct deal_line **out, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct deal_line *v = NULL;
	int64_t		 now = (int64_t)kith_db_now(db);
	size_t		 k = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT " LINE_COLS ", dc.role "
	    "FROM deal_contact dc JOIN deal d ON d.id = dc.deal_id "
	    "JOIN stage s ON s.id = d.stage_id "
	    "LEFT JOIN org o ON o.id = d.org_id WHERE dc.contact_id = ?1 "
	    "ORDER BY s.kind <> 'open', s.pos, d.title_fold, d.id",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, contact);
	deal_bind_today(db, stmt);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		read_line(stmt, now, &v[k++]);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		deal_lines_free(v, k);
		return db_fail(db, err, "listing a contact's deals");
	}
	*out = v;
	*n = k;
	return KITH_OK;
}

enum kith_status
deal_open_people(struct kith_db *db, int64_t **ids, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int64_t		*v = NULL;
	size_t		 k = 0;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, SQL_OPEN_DEAL_PEOPLE "ORDER BY id", err))
	    == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		v[k++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_fail(db, err, "listing the people in open deals");
	}
	*ids = v;
	*n = k;
	return KITH_OK;
}
