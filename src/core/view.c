/* SPDX-License-Identifier: MIT */
/*
 * Windows onto the contact list for the full-screen front (view.h).
 *
 * Every page is a keyset range over the contact_by_sort index, in either
 * direction, so its cost does not grow with the position in the list.  A
 * query narrows the range through the search index (contact_fts).  Two
 * plans serve a query: when it matches few contacts (up to FEW_MATCHES),
 * the matches are fetched and sorted, which costs what they number; when it
 * matches many, the name index is walked in order and each contact is
 * looked up in the set of matches, which stops as soon as the page is full.
 * Counting is done in chunks of rowids so that a front can spread an exact
 * count of a million rows over idle moments.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/search.h"
#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"

#define FEW_MATCHES	4000

/* The page's columns; ?4 is today's date. */
#define V_COLS								\
	"SELECT c.id, c.display, o.name, EXISTS (SELECT 1 FROM followup f " \
	"WHERE f.contact_id = c.id AND f.due < ?4 AND f.done_at IS NULL), " \
	"c.archived, c.sort_key "
#define V_ORG	"LEFT JOIN org o ON o.id = c.org_id "
#define V_ARCH	"(?5 OR c.archived = 0) "
#define V_AFTER	"AND (c.sort_key, c.id) > (?1, ?2) "
#define V_BEFORE "AND (c.sort_key, c.id) < (?1, ?2) "
#define V_ASC	"ORDER BY c.sort_key, c.id LIMIT ?3"
#define V_DESC	"ORDER BY c.sort_key DESC, c.id DESC LIMIT ?3"
#define V_MATCH	"AND c.id IN (SELECT rowid FROM contact_fts WHERE "	\
	"contact_fts MATCH ?6) "

/* Every contact. */
#define V_ALL(range, order)						\
	V_COLS "FROM contact c " V_ORG "WHERE " V_ARCH range order
/* Few matches: choose the page's ids among them, then build its rows. */
#define V_FEW(range, order, outer)					\
	V_COLS "FROM (SELECT c.id FROM contact c WHERE " V_ARCH V_MATCH	\
	range order ") AS page JOIN contact c ON c.id = page.id " V_ORG	\
	outer
/* Many matches: walk the name index. */
#define V_MANY(range, order)						\
	V_COLS "FROM contact c INDEXED BY contact_by_sort " V_ORG	\
	"WHERE " V_ARCH V_MATCH range order

static const char *const page_sql[3][2][2] = {
	{	/* no query: [backward, forward][from an end, from a key] */
		{ V_ALL("", V_DESC), V_ALL(V_BEFORE, V_DESC) },
		{ V_ALL("", V_ASC), V_ALL(V_AFTER, V_ASC) },
	}, {	/* few matches */
		{ V_FEW("", V_DESC, "ORDER BY c.sort_key DESC, c.id DESC"),
		  V_FEW(V_BEFORE, V_DESC, "ORDER BY c.sort_key DESC, c.id DESC") },
		{ V_FEW("", V_ASC, "ORDER BY c.sort_key, c.id"),
		  V_FEW(V_AFTER, V_ASC, "ORDER BY c.sort_key, c.id") },
	}, {	/* many matches */
		{ V_MANY("", V_DESC), V_MANY(V_BEFORE, V_DESC) },
		{ V_MANY("", V_ASC), V_MANY(V_AFTER, V_ASC) },
	}
};

static enum kith_status	count_matches(struct kith_db *, const char *,
			    int64_t, int64_t *, struct kith_err *);

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

/* Counts up to cap search matches of the MATCH expression fts. */
static enum kith_status
count_matches(struct kith_db *db, const char *fts, int64_t cap, int64_t *n,
    struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;

	if ((stmt = db_stmt(db, "SELECT count(*) FROM (SELECT rowid FROM "
	    "contact_fts WHERE contact_fts MATCH ?1 LIMIT ?2)", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, fts, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, cap);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*n = sqlite3_column_int64(stmt, 0);
	else
		st = db_fail(db, err, "searching contacts");
	sqlite3_reset(stmt);
	return st;
}

enum kith_status
view_page(struct kith_db *db, const char *query, int archived,
    const unsigned char *key, size_t key_len, int64_t id, int dir,
    size_t limit, struct view_row **rows, size_t *n, struct kith_err *err)
{
	struct view_row		*r = NULL;
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	char			 today[11];
	char			*fts = NULL;
	int64_t			 matches = 0;
	size_t			 count = 0;
	int			 plan = 0, rc = SQLITE_DONE;

	*rows = NULL;
	*n = 0;
	if (limit == 0)
		return KITH_OK;
	if ((st = search_fts_query(db, query, &fts, err)) != KITH_OK)
		return st;
	if (fts != NULL) {
		if ((st = count_matches(db, fts, FEW_MATCHES + 1, &matches,
		    err)) != KITH_OK)
			goto out;
		if (matches == 0)
			goto out;
		plan = matches <= FEW_MATCHES ? 1 : 2;
	}
	if ((stmt = db_stmt(db, page_sql[plan][dir > 0][key != NULL], err))
	    == NULL) {
		st = KITH_DB;
		goto out;
	}
	if (key != NULL) {
		sqlite3_bind_blob(stmt, 1, key, (int)key_len, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, id);
	}
	sqlite3_bind_int64(stmt, 3, (int64_t)limit);
	db_today(db, today);
	sqlite3_bind_text(stmt, 4, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 5, archived != 0);
	if (fts != NULL)
		sqlite3_bind_text(stmt, 6, fts, -1, SQLITE_STATIC);

	r = xcalloc(limit, sizeof *r);
	while (count < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct view_row *v = &r[count++];

		v->id = sqlite3_column_int64(stmt, 0);
		v->name = db_col_text(stmt, 1);
		v->org = db_col_text(stmt, 2);
		v->overdue = sqlite3_column_int(stmt, 3);
		v->archived = sqlite3_column_int(stmt, 4);
		v->key_len = (size_t)sqlite3_column_bytes(stmt, 5);
		v->key = xmalloc(v->key_len + 1);
		if (v->key_len > 0)
			memcpy(v->key, sqlite3_column_blob(stmt, 5), v->key_len);
	}
	if (count < limit && rc != SQLITE_DONE) {
		st = db_fail(db, err, "listing contacts");
		sqlite3_reset(stmt);
		view_rows_free(r, count);
		goto out;
	}
	sqlite3_reset(stmt);
	*rows = r;
	*n = count;
out:
	free(fts);
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
view_matches(struct kith_db *db, const char *query, int archived, int64_t id,
    int *yes, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	char			*fts = NULL;

	*yes = 0;
	if ((st = search_fts_query(db, query, &fts, err)) != KITH_OK)
		return st;
	if (fts != NULL)
		stmt = db_stmt(db, "SELECT 1 FROM contact c WHERE c.id = ?1 AND "
		    "(?2 OR c.archived = 0) AND c.id IN (SELECT rowid FROM "
		    "contact_fts WHERE contact_fts MATCH ?3 AND rowid = ?1)",
		    err);
	else
		stmt = db_stmt(db, "SELECT 1 FROM contact c WHERE c.id = ?1 AND "
		    "(?2 OR c.archived = 0)", err);
	if (stmt == NULL) {
		free(fts);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, archived != 0);
	if (fts != NULL)
		sqlite3_bind_text(stmt, 3, fts, -1, SQLITE_STATIC);
	switch (sqlite3_step(stmt)) {
	case SQLITE_ROW:
		*yes = 1;
		break;
	case SQLITE_DONE:
		break;
	default:
		st = db_fail(db, err, "searching contacts");
	}
	sqlite3_reset(stmt);
	free(fts);
	return st;
}

enum kith_status
view_count_step(struct kith_db *db, const char *query, int archived,
    struct view_count *vc, int64_t chunk, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	char			*fts = NULL;
	int64_t			 seen;

	if (vc->done)
		return KITH_OK;
	if (chunk <= 0)
		chunk = 1;
	if ((st = search_fts_query(db, query, &fts, err)) != KITH_OK)
		return st;
	if (fts != NULL)
		stmt = db_stmt(db, "SELECT count(*), CASE WHEN ?3 THEN "
		    "count(c.id) ELSE total(c.archived = 0) END, max(m.rowid) "
		    "FROM (SELECT rowid FROM contact_fts WHERE contact_fts "
		    "MATCH ?4 AND rowid > ?1 ORDER BY rowid LIMIT ?2) AS m "
		    "LEFT JOIN contact c ON c.id = m.rowid", err);
	else
		stmt = db_stmt(db, "SELECT count(*), CASE WHEN ?3 THEN count(*) "
		    "ELSE total(archived = 0) END, max(id) FROM (SELECT id, "
		    "archived FROM contact WHERE id > ?1 ORDER BY id LIMIT ?2)",
		    err);
	if (stmt == NULL) {
		free(fts);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, vc->after);
	sqlite3_bind_int64(stmt, 2, chunk);
	sqlite3_bind_int(stmt, 3, archived != 0);
	if (fts != NULL)
		sqlite3_bind_text(stmt, 4, fts, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		seen = sqlite3_column_int64(stmt, 0);
		vc->count += sqlite3_column_int64(stmt, 1);
		if (seen > 0)
			vc->after = sqlite3_column_int64(stmt, 2);
		if (seen < chunk)
			vc->done = 1;
	} else
		st = db_fail(db, err, "counting contacts");
	sqlite3_reset(stmt);
	free(fts);
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
