/* SPDX-License-Identifier: MIT */
/*
 * Windows onto the contact list for the full-screen front (view.h): the
 * one-shot forms, and the small calls around them.  The planner behind
 * view_query_page is described in view_impl.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"
#include "view_impl.h"

void
view_rows_free(struct view_row *rows, size_t n)
{
	size_t	i;

	if (rows == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].org);
		free(rows[i].key);
	}
	free(rows);
}

enum kith_status
view_query_matches(struct view_query *q, int64_t cid, int *yes,
    struct kith_err *err)
{
	return vq_check_one(q, cid, 1, yes, NULL, err);
}

enum kith_status
view_page(struct kith_db *db, const char *query, int archived,
    const unsigned char *key, size_t key_len, int64_t id, int dir,
    size_t limit, struct view_row **rows, size_t *n, struct kith_err *err)
{
	struct view_query	*q;
	enum kith_status	 st;

	*rows = NULL;
	*n = 0;
	if ((st = view_query_new(db, query, archived, &q, err)) != KITH_OK)
		return st;
	st = view_query_page(q, key, key_len, id, dir, limit, rows, n, err);
	view_query_free(q);
	return st;
}

enum kith_status
view_matches(struct kith_db *db, const char *query, int archived, int64_t id,
    int *yes, struct kith_err *err)
{
	struct view_query	*q;
	enum kith_status	 st;

	*yes = 0;
	q = xcalloc(1, sizeof *q);	/* no plan needed for one id */
	q->db = db;
	q->archived = archived != 0;
	if ((st = vq_fold_words(q, query, err)) == KITH_OK)
		st = view_query_matches(q, id, yes, err);
	view_query_free(q);
	return st;
}

enum kith_status
view_count_step(struct kith_db *db, const char *query, int archived,
    struct view_count *vc, int64_t chunk, struct kith_err *err)
{
	struct view_query	*q;
	enum kith_status	 st;

	if (vc->done)
		return KITH_OK;
	if ((st = view_query_new(db, query, archived, &q, err)) != KITH_OK)
		return st;
	st = view_query_count_step(q, vc, chunk, err);
	view_query_free(q);
	return st;
}

enum kith_status
view_locate(struct kith_db *db, int64_t id, unsigned char **key,
    size_t *key_len, int *archived, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	int			 rc;

	*key = NULL;
	*key_len = 0;
	if ((stmt = db_stmt(db, "SELECT sort_key, archived FROM contact "
	    "WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*key_len = (size_t)sqlite3_column_bytes(stmt, 0);
		*key = xmalloc(*key_len + 1);
		if (*key_len > 0)
			memcpy(*key, sqlite3_column_blob(stmt, 0), *key_len);
		if (archived != NULL)
			*archived = sqlite3_column_int(stmt, 1);
	} else if (rc == SQLITE_DONE)
		st = kith_err_set(err, KITH_NOTFOUND, "no contact with id %lld",
		    (long long)id);
	else
		st = db_fail(db, err, "finding a contact");
	sqlite3_reset(stmt);
	return st;
}

enum kith_status
view_data_version(struct kith_db *db, int64_t *version, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;

	*version = 0;
	if ((stmt = db_stmt(db, "PRAGMA data_version", err)) == NULL)
		return KITH_DB;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*version = sqlite3_column_int64(stmt, 0);
	else
		st = db_fail(db, err, "reading the data version");
	sqlite3_reset(stmt);
	return st;
}

enum kith_status
view_cache_size(struct kith_db *db, int kib, struct kith_err *err)
{
	char	sql[64];

	if (kib < 64)
		kib = 64;
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
	return db_exec(db, sql, err);
}
