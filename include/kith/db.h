/* SPDX-License-Identifier: MIT */
/*
 * The kith database handle: one SQLite file holding the whole address book.
 *
 * kith_db_open() creates the file (mode 0600, parent folders 0700) or opens
 * an existing one (kith_db_open_mode() can refuse to create it), turns on WAL, foreign keys and a busy timeout, and brings
 * the schema up to date with forward migrations, each run in one
 * transaction.  A file that is not SQLite, a SQLite file that is not kith's,
 * and a database written by a newer kith are refused without being touched.
 */
#ifndef KITH_DB_H
#define KITH_DB_H

#include <stdint.h>
#include <time.h>
#include "kith/status.h"

struct kith_db;
struct kith_text;

/* The schema version this build writes (PRAGMA user_version). */
#define KITH_SCHEMA_VERSION	12

/*
 * Path of the default database: $KITH_DB, else $XDG_DATA_HOME/kith/kith.db,
 * else $HOME/.local/share/kith/kith.db.  Caller frees; NULL if neither
 * XDG_DATA_HOME nor HOME is set.
 */
char		*kith_db_default_path(void);

/* What kith_db_open_mode() may do when there is no file at the path. */
enum kith_db_mode {
	KITH_DB_CREATE,		/* create it (for commands that write) */
	KITH_DB_READ,		/* refuse: a read never creates a database */
};

/*
 * Opens the database at path (":memory:" works for tests) and stores the
 * handle in *out.  A missing file is created (mode 0600, folders 0700)
 * under KITH_DB_CREATE and refused with KITH_NOTFOUND ("no kith database
 * at PATH") under KITH_DB_READ.  A file or folder kith may not write is
 * opened read-only in either mode (kith_db_readonly() says so): reads
 * work, and a write fails with KITH_IO naming the file.  A file other
 * users may write (group or other write bit) is refused with KITH_IO and
 * the chmod that fixes it.  Opening a database written by an older kith
 * first saves an automatic backup (backup.h) and fails if it cannot.
 * Errors: KITH_NOTDB
 * (not SQLite, or SQLite but not kith's), KITH_TOONEW, KITH_IO (cannot
 * create the folder or file; read-only and too old to be upgraded),
 * KITH_DB.  err names the path and the reason.
 */
enum kith_status kith_db_open_mode(const char *path, enum kith_db_mode,
		    struct kith_db **out, struct kith_err *);

/* kith_db_open_mode() with KITH_DB_CREATE. */
enum kith_status kith_db_open(const char *path, struct kith_db **out,
		    struct kith_err *);

/* 1 if the handle could only be opened read-only (file or folder). */
int		 kith_db_readonly(const struct kith_db *);
void		 kith_db_close(struct kith_db *);	/* NULL is a no-op */

/* The path the handle was opened with. */
const char	*kith_db_path(const struct kith_db *);

/*
 * The clock: time(NULL) unless kith_db_set_now() pinned it (tests, and the
 * CLI's KITH_NOW variable).  now <= 0 unpins it.
 */
time_t		 kith_db_now(const struct kith_db *);
void		 kith_db_set_now(struct kith_db *, time_t now);
/* The pinned time, or 0 if the clock is not pinned (to restore a pin). */
time_t		 kith_db_pinned(const struct kith_db *);

/*
 * The text context (ICU, opened lazily) that goes with this database: the
 * collation it was created with, read when it was opened (an open fails
 * rather than guess when that setting cannot be read).  Never NULL.
 */
struct kith_text *kith_db_text(struct kith_db *);

/*
 * Transactions.  The outermost level is BEGIN IMMEDIATE (so a second
 * writer waits at the start, never half-way); inner levels are savepoints,
 * which roll back on their own without undoing the outer work.  Each
 * outermost transaction that changes user data is one action of the change
 * journal (journal.h), named with kith_db_action().
 */
enum kith_status kith_db_begin(struct kith_db *, struct kith_err *);
enum kith_status kith_db_commit(struct kith_db *, struct kith_err *);
void		 kith_db_rollback(struct kith_db *);

/*
 * Bulk mode, for imports: the change journal records no rows (an import is
 * journaled as one action, undone by import_undo), contacts stored get no
 * new search entry (the
 * importer builds the entries in one go with search_index_batch() and
 * search_reindex_many() before each commit), and inner transaction levels
 * cost nothing, but a failure inside one makes the outermost commit fail
 * and roll back.
 */
void		 kith_db_bulk(struct kith_db *, int on);

/* The underlying SQLite handle, for the core's own modules only. */
struct sqlite3	*kith_db_sqlite(struct kith_db *);

#endif
