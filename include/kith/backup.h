/* SPDX-License-Identifier: MIT */
/*
 * Backups of the kith database, and restoring one.
 *
 * A backup is a copy of the whole database made with SQLite's online
 * backup API in one read transaction: it is a consistent snapshot even
 * while the TUI or another kith writes (WAL lets them go on), and it is a
 * self-contained file (rollback journal, no -wal) created mode 0600.
 *
 * Backups kith makes by itself go to the folder "backups" next to the
 * database (created 0700), named STEM-YYYYMMDD-HHMMSS[-N]-WHY.db, where
 * STEM is the database's file name without ".db" and WHY says what was
 * about to happen (before-upgrade, before-import-undo, before-restore).
 * Only the newest backup_keep() automatic backups of that database are
 * kept; older ones are deleted.  A backup the user asked for (kith backup)
 * is never deleted.
 */
#ifndef KITH_BACKUP_H
#define KITH_BACKUP_H

#include "kith/status.h"

struct kith_db;

#define BACKUP_KEEP	10	/* automatic backups kept by default */

/* What a database holds, as restore names it. */
struct backup_counts {
	long		 contacts;
	long		 followups;
	long		 interactions;
	long		 deals;
	int		 version;	/* its schema version */
};

/*
 * How many automatic backups are kept: $KITH_BACKUP_KEEP when it is a
 * whole number from 0 to 10000, else BACKUP_KEEP.  0 turns automatic
 * backups off.
 */
int		 backup_keep(void);

/*
 * The folder of the automatic backups of the database at db_path
 * ("DIR/backups"); caller frees.  NULL for ":memory:".
 */
char		*backup_dir(const char *db_path);

/*
 * Copies the database into dest, which must not exist (KITH_EXISTS
 * otherwise: a backup never overwrites a file).  The copy is written to a
 * temporary file beside dest and renamed, so dest is either whole or
 * absent.  Errors: KITH_EXISTS, KITH_IO (dest's folder), KITH_BUSY (a
 * writer held the database for longer than the busy timeout), KITH_DB.
 */
enum kith_status backup_write(struct kith_db *, const char *dest,
		    struct kith_err *);

/*
 * A backup the user asked for, in the backups folder as
 * STEM-YYYYMMDD-HHMMSS[-N].db (never deleted by the retention rule).
 * Stores its path in *out (caller frees).  KITH_INVALID for ":memory:".
 */
enum kith_status backup_now(struct kith_db *, char **out, struct kith_err *);

/*
 * An automatic backup before what (a word such as "before-upgrade"), then
 * the retention rule.  Stores its path in *out (caller frees; may be
 * NULL), or NULL when automatic backups are off or the database is in
 * memory.  Fails, writing nothing, as backup_write() does; a backup that
 * cannot be pruned is not an error.
 */
enum kith_status backup_auto(struct kith_db *, const char *what, char **out,
		    struct kith_err *);

/*
 * Looks at the file at path without changing it: a kith database (KITH_NOTDB
 * naming why not: not SQLite, another program's, damaged) that this kith
 * can read (KITH_TOONEW), and fills *counts.
 */
enum kith_status backup_inspect(const char *path, struct backup_counts *,
		    struct kith_err *);

/* What the open database holds. */
enum kith_status backup_count(struct kith_db *, struct backup_counts *,
		    struct kith_err *);

/*
 * Replaces the whole database with the one at path, after checking it as
 * backup_inspect() does and saving the database as it was with
 * backup_auto(db, "before-restore") (its path in *saved, caller frees; may
 * be NULL).  Runs outside any transaction (KITH_INVALID inside one).  The
 * handle's settings were read from the database as it was: close it
 * afterwards; the next open reads the restored one (and upgrades it if an
 * older kith wrote it).  Errors as backup_inspect() and
 * backup_write(); on failure the database is unchanged.
 */
enum kith_status backup_restore(struct kith_db *, const char *path,
		    char **saved, struct kith_err *);

#endif
