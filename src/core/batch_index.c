/* SPDX-License-Identifier: MIT */
/*
 * What a bulk import (import.h) leaves to be finished, and the next start
 * finishes if it is killed: the mark that its contacts await their search
 * entries, the indexes it drops while it appends its rows and builds again
 * by sorting once they are in, and the temporary files of those sorts,
 * beside the book.  The import itself is batch.c.
 */
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/import.h"
#include "kith/search.h"
#include "kith/util.h"
#include "batch.h"
#include "internal.h"

#define INDEX_KEY	"import_index:"		/* meta key, then an index's
						   name: its CREATE INDEX,
						   while a bulk import runs
						   without it */

/*
 * The secondary indexes that nothing an import does reads (the duplicate
 * lookups, merges and undo use others): a bulk import drops them when it
 * starts and builds them again, by sorting, when its rows are in, rather
 * than writing one entry in random order a row.  Their definitions are
 * read from the database itself and kept in the meta table meanwhile, so
 * they come back exactly as they were; a kill in between leaves that to
 * the next start (import_finish_index).
 */
static const char *const bulk_indexes[] = {
	"contact_by_sort",	/* (sort_key, id): the names in order */
	"contact_by_org",	/* (org_id) */
	"contact_by_bday",	/* (month and day of birth, ...): a birthday
				   a row in random order */
	/* What the duplicate lookups read: dropped only when the file was
	 * read once first to find its shared keys (dedup_hot, prescan()). */
	"email_by_norm",	/* (addr_norm) */
	"phone_by_norm",	/* (norm) */
	"contact_by_fold",	/* (name_fold) */
};
#define BULK_ALWAYS	3	/* the first of bulk_indexes always dropped */
#define SORT_THREADS	4	/* helper threads building them, at most */

static enum kith_status indexes_make(struct kith_db *, struct kith_err *);
static int	pending_alive(const char *);

enum kith_status
batch_pending_mark(struct kith_db *db, int64_t batch, int on,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, on ? "INSERT OR REPLACE INTO meta (key, "
	    "value) VALUES ('" PENDING_KEY "' || ?1, ?2)" : "DELETE FROM meta "
	    "WHERE key = '" PENDING_KEY "' || ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	if (on)
		sqlite3_bind_int64(stmt, 2, (int64_t)getpid());
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "marking the search index unfinished");
	return KITH_OK;
}

enum kith_status
batch_indexes_drop(struct kith_db *db, int all, struct kith_err *err)
{
	enum kith_status st;
	sqlite3_stmt	*stmt;
	char		*sql, *drop;
	size_t		 i, n;
	int		 rc;

	n = all ? sizeof bulk_indexes / sizeof bulk_indexes[0] : BULK_ALWAYS;
	for (i = 0; i < n; i++) {
		if ((stmt = db_stmt(db, "SELECT sql FROM sqlite_schema WHERE "
		    "type = 'index' AND name = ?1 AND sql IS NOT NULL", err))
		    == NULL)
			return KITH_DB;
		sqlite3_bind_text(stmt, 1, bulk_indexes[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sql = rc == SQLITE_ROW ? db_col_text(stmt, 0) : NULL;
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(db, err, "reading the indexes");
		if (sql == NULL)
			continue;
		if ((stmt = db_stmt(db, "INSERT OR REPLACE INTO meta (key, "
		    "value) VALUES ('" INDEX_KEY "' || ?1, ?2)", err)) == NULL) {
			free(sql);
			return KITH_DB;
		}
		sqlite3_bind_text(stmt, 1, bulk_indexes[i], -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, sql, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sqlite3_reset(stmt);
		free(sql);
		if (rc != SQLITE_DONE)
			return db_fail(db, err, "keeping an index's definition");
		/* A name of the table above, not data: no quoting needed. */
		drop = xasprintf("DROP INDEX %s", bulk_indexes[i]);
		st = db_exec(db, drop, err);
		free(drop);
		if (st != KITH_OK)
			return st;
	}
	return KITH_OK;
}

/*
 * Builds again every index a bulk import dropped (INDEX_KEY marks), from
 * its kept definition, and clears the marks, in the caller's transaction.
 */
static enum kith_status
indexes_make(struct kith_db *db, struct kith_err *err)
{
	enum kith_status st = KITH_OK;
	sqlite3_stmt	*stmt;
	char		**name = NULL, **sql = NULL;
	size_t		 n = 0, i;
	int		 rc, have;

	if ((stmt = db_stmt(db, "SELECT substr(key, length('" INDEX_KEY
	    "') + 1), value FROM meta WHERE key > '" INDEX_KEY "' AND "
	    "key < 'import_index;'", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = xreallocarray(name, n + 1, sizeof *name);
		sql = xreallocarray(sql, n + 1, sizeof *sql);
		name[n] = db_col_text(stmt, 0);
		sql[n++] = db_col_text(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		st = db_fail(db, err, "reading the indexes to build");
	for (i = 0; i < n && st == KITH_OK; i++) {
		if ((stmt = db_stmt(db, "SELECT count(*) FROM sqlite_schema "
		    "WHERE type = 'index' AND name = ?1", err)) == NULL) {
			st = KITH_DB;
			break;
		}
		sqlite3_bind_text(stmt, 1, name[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		have = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0) > 0;
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW) {
			st = db_fail(db, err, "reading the indexes");
			break;
		}
		if (!have && sql[i] != NULL &&
		    (st = db_exec(db, sql[i], err)) != KITH_OK)
			break;
		if ((stmt = db_stmt(db, "DELETE FROM meta WHERE key = '"
		    INDEX_KEY "' || ?1", err)) == NULL) {
			st = KITH_DB;
			break;
		}
		sqlite3_bind_text(stmt, 1, name[i], -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE)
			st = db_fail(db, err, "building an index again");
	}
	for (i = 0; i < n; i++) {
		free(name[i]);
		free(sql[i]);
	}
	free(name);
	free(sql);
	return st;
}

void
batch_temp_beside(struct kith_db *db, long cache_kib, struct import_temp *was)
{
	sqlite3_stmt	*stmt;
	const char	*path = kith_db_path(db), *slash;
	char		*sql;

	if (was->set)
		return;
	memset(was, 0, sizeof *was);
	if ((stmt = db_stmt(db, "SELECT t.temp_store, c.cache_size FROM "
	    "pragma_temp_store AS t, pragma_cache_size AS c", NULL)) != NULL) {
		if (sqlite3_step(stmt) == SQLITE_ROW) {
			was->store = sqlite3_column_int(stmt, 0);
			was->cache = (long)sqlite3_column_int64(stmt, 1);
		}
		sqlite3_reset(stmt);
	}
	if ((stmt = db_stmt(db, "PRAGMA temp_store_directory", NULL)) != NULL) {
		if (sqlite3_step(stmt) == SQLITE_ROW)
			was->dir = db_col_text(stmt, 0);
		sqlite3_reset(stmt);
	}
	was->set = 1;
	if (path == NULL || (slash = strrchr(path, '/')) == NULL)
		sql = sqlite3_mprintf("PRAGMA temp_store_directory = '.'");
	else if (slash == path)
		sql = sqlite3_mprintf("PRAGMA temp_store_directory = '/'");
	else
		sql = sqlite3_mprintf("PRAGMA temp_store_directory = '%.*q'",
		    (int)(slash - path), path);
	(void)sqlite3_exec(kith_db_sqlite(db), sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	sql = cache_kib != 0 ? sqlite3_mprintf("PRAGMA temp_store = FILE; "
	    "PRAGMA cache_size = -%ld", cache_kib) :
	    sqlite3_mprintf("PRAGMA temp_store = FILE");
	(void)sqlite3_exec(kith_db_sqlite(db), sql, NULL, NULL, NULL);
	sqlite3_free(sql);
}

void
batch_temp_back(struct kith_db *db, struct import_temp *was)
{
	char	*sql;

	if (!was->set)
		return;
	if (was->store != 0) {
		sql = sqlite3_mprintf("PRAGMA temp_store = %d; "
		    "PRAGMA cache_size = %ld", was->store, was->cache);
		(void)sqlite3_exec(kith_db_sqlite(db), sql, NULL, NULL, NULL);
		sqlite3_free(sql);
	}
	sql = sqlite3_mprintf("PRAGMA temp_store_directory = '%q'",
	    was->dir != NULL ? was->dir : "");
	(void)sqlite3_exec(kith_db_sqlite(db), sql, NULL, NULL, NULL);
	sqlite3_free(sql);
	free(was->dir);
	memset(was, 0, sizeof *was);
}

enum kith_status
batch_indexes_restore(struct kith_db *db, struct kith_err *err)
{
	struct kith_err		 local = { 0 };
	struct import_temp	 was = { 0 };
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	long			 cpus;
	int			 rc, threads;

	if (err == NULL)
		err = &local;
	if ((stmt = db_stmt(db, "SELECT count(*) FROM meta WHERE key > '"
	    INDEX_KEY "' AND key < 'import_index;'", err)) == NULL)
		return KITH_DB;
	rc = sqlite3_step(stmt);
	st = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0) == 0 ?
	    KITH_NOTFOUND : KITH_OK;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading the indexes to build");
	if (st == KITH_NOTFOUND)
		return KITH_OK;		/* none: nothing to change */

	/*
	 * SQLite's sorter may use helper threads: a million contacts' indexes
	 * in 4.3 s against 5.2 on two cores.
	 */
	if ((cpus = sysconf(_SC_NPROCESSORS_ONLN)) > SORT_THREADS)
		cpus = SORT_THREADS;
	threads = sqlite3_limit(kith_db_sqlite(db), SQLITE_LIMIT_WORKER_THREADS,
	    cpus > 1 ? (int)cpus : 0);
	batch_temp_beside(db, 4096, &was);
	if ((st = kith_db_begin(db, err)) == KITH_OK) {
		if ((st = indexes_make(db, err)) != KITH_OK)
			kith_db_rollback(db);
		else
			st = kith_db_commit(db, err);
	}
	batch_temp_back(db, &was);
	sqlite3_limit(kith_db_sqlite(db), SQLITE_LIMIT_WORKER_THREADS, threads);
	return st;
}

/*
 * Whether the process a pending mark names (its value, a pid) may still
 * be writing the entries: alive, and not this one (an import runs to its
 * end before this process opens a database again).
 */
static int
pending_alive(const char *value)
{
	long	pid;

	pid = value != NULL ? strtol(value, NULL, 10) : 0;
	if (pid <= 0 || pid == (long)getpid())
		return 0;
	return kill((pid_t)pid, 0) == 0 || errno == EPERM;
}

enum kith_status
import_finish_index(struct kith_db *db, long *done, struct kith_err *err)
{
	enum kith_status	 st = KITH_OK;
	sqlite3_stmt		*stmt;
	int64_t			*batch = NULL, lo, hi;
	size_t			 n = 0, i;
	long			 count = 0;
	int			 rc, live = 0;
	char			*value;

	if (done != NULL)
		*done = 0;
	if ((stmt = db_stmt(db, "SELECT substr(key, length('" PENDING_KEY
	    "') + 1), value FROM meta WHERE key > '" PENDING_KEY "' AND "
	    "key < 'import_pending;'", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		value = db_col_text(stmt, 1);
		if (!pending_alive(value)) {
			batch = xreallocarray(batch, n + 1, sizeof *batch);
			batch[n++] = sqlite3_column_int64(stmt, 0);
		} else
			live++;
		free(value);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(batch);
		return db_fail(db, err, "reading the unfinished search index");
	}
	/*
	 * A side file (search_side.c) lives only while its import's mark
	 * does: one a kill left goes with the dead marks.
	 */
	if (n > 0)
		search_side_clean(db);
	kith_db_bulk(db, 1);	/* nothing of it is user data to journal */
	for (i = 0; i < n && st == KITH_OK; i++) {
		if ((st = kith_db_begin(db, err)) != KITH_OK)
			break;
		if ((stmt = db_stmt(db, "SELECT min(id), max(id) FROM contact "
		    "WHERE batch_id = ?1", err)) == NULL) {
			st = KITH_DB;
			goto next;
		}
		sqlite3_bind_int64(stmt, 1, batch[i]);
		if (sqlite3_step(stmt) != SQLITE_ROW) {
			sqlite3_reset(stmt);
			st = db_fail(db, err, "indexing imported contacts");
			goto next;
		}
		lo = sqlite3_column_int64(stmt, 0);
		hi = sqlite3_column_int64(stmt, 1);
		sqlite3_reset(stmt);
		if (lo > 0 && (st = search_fill(db, batch[i], lo, hi,
		    INDEX_RANGE, &count, err)) != KITH_OK)
			goto next;
		st = batch_pending_mark(db, batch[i], 0, err);
next:
		if (st == KITH_OK)
			st = kith_db_commit(db, err);
		else
			kith_db_rollback(db);
	}
	kith_db_bulk(db, 0);
	free(batch);
	if (done != NULL)
		*done = count;
	/* The indexes a bulk import dropped, once no import is running. */
	if (st == KITH_OK && live == 0)
		st = batch_indexes_restore(db, err);
	return st;
}

enum kith_status
import_search_pending(struct kith_db *db, long *pending,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*pending = 0;
	if ((stmt = db_stmt(db, "SELECT count(*) FROM meta m JOIN contact c "
	    "ON c.batch_id = CAST(substr(m.key, length('" PENDING_KEY "') + 1) "
	    "AS INTEGER) WHERE m.key > '" PENDING_KEY "' AND m.key < "
	    "'import_pending;' AND NOT EXISTS (SELECT 1 FROM contact_fts f "
	    "WHERE f.rowid = c.id)", err)) == NULL)
		return KITH_DB;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*pending = (long)sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading the unfinished search index");
	return KITH_OK;
}
