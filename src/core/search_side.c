/* SPDX-License-Identifier: MIT */
/*
 * The search index of a bulk import into an empty book, built beside the
 * import rather than after it.  While this handle appends the contacts,
 * a thread computes the search entries of each range of them once it is
 * committed (fill_start(), search_fill.c), and another writes them into a
 * contact_fts of its own, in a file beside the book (BOOK-fts-PID, mode
 * 0600): SQLite has one writer a file, so the two writers need two files
 * to work at once.  When the contacts are in, the entries are copied into
 * the book's contact_fts, whose four tables of entries are then the side
 * one's row for row, in one transaction, and the file is removed.
 *
 * Only an empty index can take the copy: the side is started for a book
 * without contacts, and the copy checks, inside its transaction, that the
 * book's index is still empty (another process may have added a contact
 * meanwhile); if not, or if anything failed, nothing is copied and the
 * import writes the entries itself as for any book (search_fill).
 *
 * A contact the import merges into after the side read it has a stale
 * entry there: once every row is in, the side writes the entries of every
 * contact the import merged into again, before the copy.  A kill leaves
 * the book's index empty (the copy is one transaction) and the pending
 * mark of the import (import.h): the next start writes the entries, and
 * removes the file of a process that is gone (search_side_clean).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/search.h"
#include "kith/util.h"
#include "internal.h"
#include "search_impl.h"

#define SIDE_RANGE	25000	/* ids a transaction of the side: each
				   commit flushes FTS5's pending terms */
#define SIDE_CACHE_KIB	"8192"	/* the side file's page cache */
#define SIDE_SCHEMA	"kith_side"
#define SIDE_MERGED	"(SELECT DISTINCT contact_id FROM main.batch_merge " \
			"WHERE batch_id = ?1 AND contact_id > ?2 ORDER BY " \
			"contact_id LIMIT ?3) "
#define MERGED_STEP	500	/* merged contacts rewritten a transaction:
				   FTS5 keeps their old and new terms in
				   memory until it commits */

/*
 * The tables of an FTS5 index that hold its entries, each copied row for
 * row.  The fifth, contact_fts_config, holds its settings: the book keeps
 * its own, and the side's "automerge 0" stays in the side.
 */
static const char *const shadow[] = {
	"contact_fts_data", "contact_fts_idx", "contact_fts_content",
	"contact_fts_docsize",
};

struct search_side {
	struct kith_db	*side;		/* the writer's handle on the book,
					   with the side file attached */
	char		*path;		/* the side file */
	int64_t		 batch;
	struct fill	*fill;		/* the entries, computed */
	pthread_t	 thread;	/* the writer */
	enum kith_status st;		/* the writer's */
	struct kith_err	 err;
};

static void	*build(void *);
static enum kith_status side_open(struct search_side *, struct kith_db *,
		    struct kith_err *);
static enum kith_status side_commit(struct kith_db *, struct kith_err *);
static enum kith_status side_copy(struct search_side *, struct kith_err *);
static enum kith_status side_merged(struct search_side *, struct kith_err *);
static void	 side_free(struct search_side *);

struct search_side *
search_side_start(struct kith_db *db, int64_t batch, int64_t first,
    int64_t per)
{
	struct kith_err		 err = { 0 };
	struct search_side	*s;

	if (strcmp(kith_db_path(db), ":memory:") == 0)
		return NULL;
	s = xcalloc(1, sizeof *s);
	s->batch = batch;
	if (side_open(s, db, &err) != KITH_OK || (s->fill = fill_start(db,
	    batch, first, first - 1, per > 0 ? per : SIDE_RANGE)) == NULL) {
		side_free(s);
		return NULL;
	}
	if (pthread_create(&s->thread, NULL, build, s) != 0) {
		(void)fill_end(s->fill, NULL);
		s->fill = NULL;
		side_free(s);
		return NULL;
	}
	return s;
}

void
search_side_advance(struct search_side *s, int64_t id)
{
	if (s != NULL)
		fill_advance(s->fill, id);
}

void
search_side_close(struct search_side *s, int64_t last)
{
	if (s == NULL)
		return;
	fill_advance(s->fill, last);
	fill_close(s->fill);
}

enum kith_status
search_side_finish(struct search_side *s, struct kith_err *err)
{
	enum kith_status	st;

	if (s == NULL)
		return KITH_NOTFOUND;
	fill_close(s->fill);	/* if search_side_close() was not called */
	pthread_join(s->thread, NULL);
	st = fill_end(s->fill, &s->err);	/* the reader's */
	s->fill = NULL;
	if (s->st != KITH_OK)
		st = s->st;
	if (st != KITH_OK && err != NULL)
		*err = s->err;
	if (st == KITH_OK)
		st = side_copy(s, err);
	side_free(s);
	return st;
}

void
search_side_abort(struct search_side *s)
{
	if (s == NULL)
		return;
	fill_stop(s->fill);
	pthread_join(s->thread, NULL);
	(void)fill_end(s->fill, NULL);
	s->fill = NULL;
	side_free(s);
}

static void
side_free(struct search_side *s)
{
	kith_db_close(s->side);
	if (s->path != NULL)
		unlink(s->path);
	free(s->path);
	free(s);
}

/*
 * The thread's handle: a reader of the book with the side file, made
 * new and private, attached, and an empty contact_fts there made with the
 * book's own definition.
 */
static enum kith_status
side_open(struct search_side *s, struct kith_db *db, struct kith_err *err)
{
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	const char		*def, *as = "CREATE VIRTUAL TABLE contact_fts ";
	char			*sql;
	int			 fd;

	s->path = xasprintf("%s-fts-%ld", kith_db_path(db), (long)getpid());
	(void)unlink(s->path);
	if ((fd = open(s->path, O_RDWR | O_CREAT | O_EXCL | O_CLOEXEC,
	    0600)) == -1) {
		free(s->path);
		s->path = NULL;
		return kith_err_set(err, KITH_IO, "%s", strerror(errno));
	}
	close(fd);
	if ((st = db_open_reader(db, &s->side, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(s->side, "ATTACH ?1 AS " SIDE_SCHEMA, err)) ==
	    NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, s->path, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(s->side, err, "opening the side index");
	sqlite3_reset(stmt);
	/* Lost with the process if need be: nothing to journal. */
	if ((st = db_exec(s->side, "PRAGMA " SIDE_SCHEMA ".journal_mode = "
	    "OFF; PRAGMA " SIDE_SCHEMA ".synchronous = OFF; PRAGMA "
	    SIDE_SCHEMA ".cache_size = -" SIDE_CACHE_KIB, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(s->side, "SELECT sql FROM main.sqlite_schema "
	    "WHERE name = 'contact_fts'", err)) == NULL)
		return KITH_DB;
	if (sqlite3_step(stmt) != SQLITE_ROW ||
	    (def = (const char *)sqlite3_column_text(stmt, 0)) == NULL ||
	    strncmp(def, as, strlen(as)) != 0) {
		sqlite3_reset(stmt);
		return kith_err_set(err, KITH_DB, "contact_fts: an unknown "
		    "definition");
	}
	sql = xasprintf("CREATE VIRTUAL TABLE " SIDE_SCHEMA ".contact_fts %s",
	    def + strlen(as));
	sqlite3_reset(stmt);
	st = db_exec(s->side, sql, err);
	free(sql);
	/*
	 * FTS5 merges a level's segments once it holds 16 (crisismerge)
	 * rather than 4 (automerge): a third less work at a million rows,
	 * and 30 segments instead of 16, which searches read as fast.  The
	 * book's own index goes on merging as it is written.
	 */
	if (st == KITH_OK)
		st = db_exec(s->side, "INSERT INTO " SIDE_SCHEMA ".contact_fts "
		    "(contact_fts, rank) VALUES ('automerge', 0)", err);
	return st;
}

/*
 * The writer: every entry the fill computes, into the side, a transaction
 * a range; then, the rows all in and committed (search_side_close()), the
 * entries of the contacts the batch merged into, again.
 */
static void *
build(void *arg)
{
	struct search_side	*s = arg;

	if ((s->st = db_exec(s->side, "BEGIN", &s->err)) != KITH_OK) {
		fill_stop(s->fill);
		return NULL;
	}
	s->st = fill_write(s->fill, s->side, SEARCH_ENTRY_INSERT(SIDE_SCHEMA
	    ".contact_fts"), side_commit, NULL, &s->err);
	if (s->st == KITH_OK)
		s->st = db_exec(s->side, "COMMIT", &s->err);
	else
		(void)db_exec(s->side, "ROLLBACK", NULL);
	if (s->st == KITH_OK && fill_closed(s->fill))
		s->st = side_merged(s, &s->err);
	return NULL;
}

/* The end of a range in the side: committed, and a new transaction. */
static enum kith_status
side_commit(struct kith_db *db, struct kith_err *err)
{
	return db_exec(db, "COMMIT; BEGIN", err);
}

/*
 * The entries of the contacts the import merged into, which the side may
 * have read before a merge, written again in the side once every row is
 * in, MERGED_STEP contacts a transaction (all of them in one kept 56 MiB
 * of FTS5's pending terms at a million rows).
 */
static enum kith_status
side_merged(struct search_side *s, struct kith_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM " SIDE_SCHEMA ".contact_fts WHERE rowid IN "
		    SIDE_MERGED,
		"INSERT INTO " SIDE_SCHEMA ".contact_fts (rowid, "
		    SEARCH_ENTRY_COLS ") " SEARCH_ENTRY_SELECT "WHERE c.id IN "
		    SIDE_MERGED "ORDER BY c.id",
		"SELECT max(contact_id) FROM " SIDE_MERGED,
	};
	enum kith_status	 st = KITH_OK;
	sqlite3_stmt		*stmt;
	int64_t			 after = 0, next;
	size_t			 i;
	int			 rc;

	for (;;) {
		if ((st = db_exec(s->side, "BEGIN", err)) != KITH_OK)
			return st;
		next = 0;
		for (i = 0; i < sizeof sql / sizeof sql[0] && st == KITH_OK;
		    i++) {
			if ((stmt = db_stmt(s->side, sql[i], err)) == NULL) {
				st = KITH_DB;
				break;
			}
			sqlite3_bind_int64(stmt, 1, s->batch);
			sqlite3_bind_int64(stmt, 2, after);
			sqlite3_bind_int64(stmt, 3, MERGED_STEP);
			rc = sqlite3_step(stmt);
			if (rc == SQLITE_ROW)
				next = sqlite3_column_int64(stmt, 0);
			else if (rc != SQLITE_DONE)
				st = db_fail(s->side, err,
				    "indexing merged contacts");
			sqlite3_reset(stmt);
		}
		if (st != KITH_OK) {
			(void)db_exec(s->side, "ROLLBACK", NULL);
			return st;
		}
		if ((st = db_exec(s->side, "COMMIT", err)) != KITH_OK ||
		    next <= after)
			return st;
		after = next;
	}
}

/*
 * The side's entries into the book's empty index, in one transaction of
 * the side's handle: another handle's commit, which FTS5 on the import's
 * handle sees (it reads its index's structure again).  KITH_NOTFOUND,
 * nothing changed, if the book's index has an entry.
 */
static enum kith_status
side_copy(struct search_side *s, struct kith_err *err)
{
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	char			*sql;
	size_t			 i;
	int			 rc;

	if ((st = db_exec(s->side, "BEGIN IMMEDIATE", err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(s->side, "SELECT EXISTS (SELECT 1 FROM "
	    "main.contact_fts_docsize)", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	rc = sqlite3_step(stmt);
	if (rc != SQLITE_ROW || sqlite3_column_int(stmt, 0) != 0) {
		st = rc == SQLITE_ROW ? KITH_NOTFOUND :
		    db_fail(s->side, err, "copying the search index");
		sqlite3_reset(stmt);
		goto out;
	}
	sqlite3_reset(stmt);
	for (i = 0; i < sizeof shadow / sizeof shadow[0] && st == KITH_OK;
	    i++) {
		sql = xasprintf("DELETE FROM main.%s; INSERT INTO main.%s "
		    "SELECT * FROM " SIDE_SCHEMA ".%s", shadow[i], shadow[i],
		    shadow[i]);
		st = db_exec(s->side, sql, err);
		free(sql);
	}
out:
	if (st == KITH_OK)
		return db_exec(s->side, "COMMIT", err);
	(void)db_exec(s->side, "ROLLBACK", NULL);
	return st;
}

void
search_side_clean(struct kith_db *db)
{
	struct dirent	*de;
	DIR		*dir;
	const char	*path = kith_db_path(db), *slash, *rest;
	char		*folder, *name, *end, *file;
	long		 pid;

	if (strcmp(path, ":memory:") == 0)
		return;
	slash = strrchr(path, '/');
	folder = slash == NULL ? xstrdup(".") : slash == path ? xstrdup("/") :
	    xasprintf("%.*s", (int)(slash - path), path);
	name = xasprintf("%s-fts-", slash == NULL ? path : slash + 1);
	if ((dir = opendir(folder)) != NULL) {
		while ((de = readdir(dir)) != NULL) {
			if (strncmp(de->d_name, name, strlen(name)) != 0)
				continue;
			rest = de->d_name + strlen(name);
			errno = 0;
			pid = strtol(rest, &end, 10);
			/* Only BOOK-fts-PID, of a process that is gone. */
			if (*rest < '0' || *rest > '9' || *end != '\0' ||
			    errno != 0 || pid <= 0 || pid == (long)getpid() ||
			    kill((pid_t)pid, 0) == 0 || errno != ESRCH)
				continue;
			file = xasprintf("%s/%s", folder, de->d_name);
			(void)unlink(file);
			free(file);
		}
		closedir(dir);
	}
	free(name);
	free(folder);
}
