/* SPDX-License-Identifier: MIT */
/*
 * Backups and restore (backup.h).
 *
 * Every copy goes through SQLite's online backup API, in one step, so the
 * source is read in one transaction: a consistent snapshot that WAL lets
 * other writers go on beside.  A backup file is built under a temporary
 * name (mkstemp: mode 0600) beside its final name and linked into place,
 * so a backup is whole or absent and never replaces a file.  The
 * retention rule orders automatic backups by the date in their names and,
 * within one second, by their sequence number.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "kith/backup.h"
#include "kith/db.h"
#include "kith/util.h"
#include "internal.h"

#define STAMP_LEN	15	/* YYYYMMDD-HHMMSS */
#define COPY_TRIES	200	/* 50 ms apart: the busy timeout, 10 s */

struct auto_file {
	char		*name;
	char		 stamp[STAMP_LEN + 1];
	long		 seq;
};

static enum kith_status	copy_db(sqlite3 *, sqlite3 *, const char *,
			    struct kith_err *);
static enum kith_status	count_in(sqlite3 *, const char *,
			    struct backup_counts *, struct kith_err *);
static long		pragma_long(sqlite3 *, const char *, int *);
static char		*stem_of(const char *);
static int		parse_name(const char *, const char *, char *, long *,
			    int *);
static enum kith_status	dated_path(struct kith_db *, const char *, char **,
			    struct kith_err *);
static void		prune(const char *, const char *, int);
static int		cmp_auto(const void *, const void *);
static void		unlink_side(const char *);

int
backup_keep(void)
{
	const char	*env = getenv("KITH_BACKUP_KEEP");
	char		*end;
	long		 n;

	if (str_empty(env))
		return BACKUP_KEEP;
	errno = 0;
	n = strtol(env, &end, 10);
	if (errno != 0 || *end != '\0' || n < 0 || n > 10000)
		return BACKUP_KEEP;
	return (int)n;
}

char *
backup_dir(const char *db_path)
{
	const char	*slash;

	if (strcmp(db_path, ":memory:") == 0)
		return NULL;
	if ((slash = strrchr(db_path, '/')) == NULL)
		return xstrdup("backups");
	return xasprintf("%.*s/backups", (int)(slash - db_path), db_path);
}

/* The database's file name without its folder and without ".db". */
static char *
stem_of(const char *db_path)
{
	const char	*base;
	size_t		 len;

	base = (base = strrchr(db_path, '/')) != NULL ? base + 1 : db_path;
	len = strlen(base);
	if (len > 3 && strcmp(base + len - 3, ".db") == 0)
		len -= 3;
	return xstrndup(base, len);
}

/*
 * Copies database main of from into main of to, in one step, waiting
 * while the destination is busy.  what names the destination in errors.
 */
static enum kith_status
copy_db(sqlite3 *from, sqlite3 *to, const char *what, struct kith_err *err)
{
	sqlite3_backup	*b;
	int		 rc, tries = 0;

	if ((b = sqlite3_backup_init(to, "main", from, "main")) == NULL)
		return kith_err_set(err, KITH_DB, "%s: %s", what,
		    sqlite3_errmsg(to));
	while ((rc = sqlite3_backup_step(b, -1)) == SQLITE_BUSY ||
	    rc == SQLITE_LOCKED) {
		if (++tries > COPY_TRIES)
			break;
		sqlite3_sleep(50);
	}
	sqlite3_backup_finish(b);
	if (rc == SQLITE_DONE)
		return KITH_OK;
	if (rc == SQLITE_BUSY || rc == SQLITE_LOCKED)
		return kith_err_set(err, KITH_BUSY, "%s: the database stayed "
		    "busy (another kith is writing); nothing was copied, try "
		    "again", what);
	return kith_err_set(err, KITH_DB, "%s: %s", what, sqlite3_errstr(rc));
}

/* Removes path's -journal, -wal and -shm files, if any. */
static void
unlink_side(const char *path)
{
	static const char *const side[] = { "-journal", "-wal", "-shm" };
	char	*p;
	size_t	 i;

	for (i = 0; i < sizeof side / sizeof side[0]; i++) {
		p = xasprintf("%s%s", path, side[i]);
		unlink(p);
		free(p);
	}
}

enum kith_status
backup_write(struct kith_db *db, const char *dest, struct kith_err *err)
{
	struct stat		 st;
	enum kith_status	 s;
	sqlite3			*to = NULL;
	char			*tmp;
	int			 fd;

	if (lstat(dest, &st) == 0)
		return kith_err_set(err, KITH_EXISTS, "%s exists; a backup "
		    "never replaces a file: name another or remove it", dest);
	if (errno != ENOENT)
		return kith_err_set(err, KITH_IO, "%s: %s", dest,
		    strerror(errno));
	tmp = xasprintf("%s.tmp-XXXXXX", dest);
	if ((fd = mkstemp(tmp)) == -1) {
		s = kith_err_set(err, KITH_IO, "cannot write the backup %s: %s",
		    dest, strerror(errno));
		free(tmp);
		return s;
	}
	fchmod(fd, 0600);
	close(fd);
	if (sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		s = kith_err_set(err, KITH_IO, "cannot write the backup %s: %s",
		    dest, to ? sqlite3_errmsg(to) : "out of memory");
		goto fail;
	}
	if ((s = copy_db(kith_db_sqlite(db), to, dest, err)) != KITH_OK)
		goto fail;
	sqlite3_close(to);
	/*
	 * The copy's header says WAL if the database uses it: make the
	 * backup one self-contained file, and sync it before it is named.
	 */
	if (sqlite3_open_v2(tmp, &to, SQLITE_OPEN_READWRITE |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK ||
	    sqlite3_exec(to, "PRAGMA journal_mode = DELETE", NULL, NULL,
	    NULL) != SQLITE_OK) {
		s = kith_err_set(err, KITH_IO, "cannot write the backup %s: %s",
		    dest, to ? sqlite3_errmsg(to) : "out of memory");
		goto fail;
	}
	sqlite3_close(to);
	to = NULL;
	if ((fd = open(tmp, O_RDONLY | O_CLOEXEC)) != -1) {
		fsync(fd);
		close(fd);
	}
	if (link(tmp, dest) == 0)
		unlink(tmp);
	else if (errno == EEXIST) {
		s = kith_err_set(err, KITH_EXISTS, "%s exists; a backup never "
		    "replaces a file: name another or remove it", dest);
		goto fail;
	} else if (rename(tmp, dest) == -1) {	/* no hard links there */
		s = kith_err_set(err, KITH_IO, "cannot write the backup %s: %s",
		    dest, strerror(errno));
		goto fail;
	}
	free(tmp);
	return KITH_OK;
fail:
	sqlite3_close(to);
	unlink(tmp);
	unlink_side(tmp);
	free(tmp);
	return s;
}

/*
 * Parses name as STEM-YYYYMMDD-HHMMSS[-N][-WHY].db for stem: fills stamp
 * and *seq (1 without -N) and sets *is_auto if it has a WHY (a word
 * beginning "before-").  0 if name is not such a name.
 */
static int
parse_name(const char *name, const char *stem, char *stamp, long *seq,
    int *is_auto)
{
	size_t		 n = strlen(stem), len;
	const char	*p;
	char		*end;
	int		 i;

	if (strncmp(name, stem, n) != 0 || name[n] != '-')
		return 0;
	p = name + n + 1;
	for (i = 0; i < STAMP_LEN; i++)
		if (i == 8 ? p[i] != '-' : (p[i] < '0' || p[i] > '9'))
			return 0;
	memcpy(stamp, p, STAMP_LEN);
	stamp[STAMP_LEN] = '\0';
	p += STAMP_LEN;
	*seq = 1;
	if (p[0] == '-' && p[1] >= '1' && p[1] <= '9') {
		*seq = strtol(p + 1, &end, 10);
		p = end;
	}
	len = strlen(p);
	if (len < 3 || strcmp(p + len - 3, ".db") != 0)
		return 0;
	*is_auto = strncmp(p, "-before-", 8) == 0;
	return *is_auto || len == 3;
}

/*
 * A free name in the backups folder (created 0700): STEM-STAMP[-N]-WHAT.db,
 * or STEM-STAMP[-N].db without what, N one more than any backup of that
 * second, so that names order as the backups were made.
 */
static enum kith_status
dated_path(struct kith_db *db, const char *what, char **out,
    struct kith_err *err)
{
	char		 stamp[STAMP_LEN + 1], other[STAMP_LEN + 1], seq[24];
	char		*dir, *stem;
	struct dirent	*de;
	struct tm	 tm;
	time_t		 now = kith_db_now(db);
	long		 n, max = 0;
	int		 is_auto;
	DIR		*d;

	*out = NULL;
	if ((dir = backup_dir(kith_db_path(db))) == NULL)
		return kith_err_set(err, KITH_INVALID, "a database in memory "
		    "has no backups folder");
	if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
		kith_err_set(err, KITH_IO, "cannot create the backups folder "
		    "%s: %s", dir, strerror(errno));
		free(dir);
		return KITH_IO;
	}
	stem = stem_of(kith_db_path(db));
	localtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &tm);
	if ((d = opendir(dir)) != NULL) {
		while ((de = readdir(d)) != NULL)
			if (parse_name(de->d_name, stem, other, &n, &is_auto) &&
			    strcmp(other, stamp) == 0 && n > max)
				max = n;
		closedir(d);
	}
	seq[0] = '\0';
	if (max > 0)
		snprintf(seq, sizeof seq, "-%ld", max + 1);
	*out = xasprintf("%s/%s-%s%s%s%s.db", dir, stem, stamp, seq,
	    what ? "-" : "", what ? what : "");
	free(stem);
	free(dir);
	return KITH_OK;
}

enum kith_status
backup_now(struct kith_db *db, char **out, struct kith_err *err)
{
	enum kith_status	st;

	if ((st = dated_path(db, NULL, out, err)) != KITH_OK)
		return st;
	if ((st = backup_write(db, *out, err)) != KITH_OK) {
		free(*out);
		*out = NULL;
	}
	return st;
}

static int
cmp_auto(const void *a, const void *b)
{
	const struct auto_file	*x = a, *y = b;
	int			 c;

	if ((c = strcmp(x->stamp, y->stamp)) != 0)
		return c;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Deletes all but the newest keep automatic backups of stem in dir. */
static void
prune(const char *dir, const char *stem, int keep)
{
	struct auto_file	*f = NULL;
	struct dirent		*de;
	size_t			 n = 0, cap = 0, i;
	char			*p;
	int			 is_auto;
	DIR			*d;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (n == cap) {
			cap = cap ? cap * 2 : 16;
			f = xreallocarray(f, cap, sizeof *f);
		}
		if (parse_name(de->d_name, stem, f[n].stamp, &f[n].seq,
		    &is_auto) && is_auto)
			f[n++].name = xstrdup(de->d_name);
	}
	closedir(d);
	if (n > (size_t)keep) {
		qsort(f, n, sizeof *f, cmp_auto);
		for (i = 0; i < n - (size_t)keep; i++) {
			p = xasprintf("%s/%s", dir, f[i].name);
			unlink(p);
			free(p);
		}
	}
	for (i = 0; i < n; i++)
		free(f[i].name);
	free(f);
}

enum kith_status
backup_auto(struct kith_db *db, const char *what, char **out,
    struct kith_err *err)
{
	enum kith_status	 st;
	char			*path, *dir, *stem;
	int			 keep = backup_keep();

	if (out != NULL)
		*out = NULL;
	if (keep == 0 || strcmp(kith_db_path(db), ":memory:") == 0)
		return KITH_OK;
	if ((st = dated_path(db, what, &path, err)) != KITH_OK)
		return st;
	if ((st = backup_write(db, path, err)) != KITH_OK) {
		free(path);
		return st;
	}
	dir = backup_dir(kith_db_path(db));
	stem = stem_of(kith_db_path(db));
	prune(dir, stem, keep);
	free(stem);
	free(dir);
	if (out != NULL)
		*out = path;
	else
		free(path);
	return KITH_OK;
}

/* The single integer a pragma or query returns; *ok 0 if it failed. */
static long
pragma_long(sqlite3 *s, const char *sql, int *ok)
{
	sqlite3_stmt	*stmt;
	long		 v = 0;

	*ok = 0;
	if (sqlite3_prepare_v2(s, sql, -1, &stmt, NULL) != SQLITE_OK)
		return 0;
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		v = (long)sqlite3_column_int64(stmt, 0);
		*ok = 1;
	}
	sqlite3_finalize(stmt);
	return v;
}

/* Fills counts from the database s; a table it lacks counts 0. */
static enum kith_status
count_in(sqlite3 *s, const char *path, struct backup_counts *c,
    struct kith_err *err)
{
	static const char *const tables[] = {
		"contact", "followup", "interaction", "deal",
	};
	long	*dst[] = { &c->contacts, &c->followups, &c->interactions,
		    &c->deals };
	char	*sql;
	size_t	 i;
	int	 ok;

	memset(c, 0, sizeof *c);
	c->version = (int)pragma_long(s, "PRAGMA user_version", &ok);
	if (!ok)
		goto fail;
	for (i = 0; i < sizeof tables / sizeof tables[0]; i++) {
		sql = xasprintf("SELECT count(*) FROM sqlite_schema WHERE "
		    "type = 'table' AND name = '%s'", tables[i]);
		*dst[i] = pragma_long(s, sql, &ok);
		free(sql);
		if (!ok)
			goto fail;
		if (*dst[i] == 0)
			continue;
		sql = xasprintf("SELECT count(*) FROM \"%s\"", tables[i]);
		*dst[i] = pragma_long(s, sql, &ok);
		free(sql);
		if (!ok)
			goto fail;
	}
	return KITH_OK;
fail:
	return kith_err_set(err, KITH_DB, "%s: cannot count what it holds: %s",
	    path, sqlite3_errmsg(s));
}

enum kith_status
backup_count(struct kith_db *db, struct backup_counts *c,
    struct kith_err *err)
{
	return count_in(kith_db_sqlite(db), kith_db_path(db), c, err);
}

enum kith_status
backup_inspect(const char *path, struct backup_counts *c,
    struct kith_err *err)
{
	static const char	 magic[16] = "SQLite format 3";
	enum kith_status	 st;
	sqlite3_stmt		*stmt = NULL;
	struct stat		 sb;
	const char		*res;
	sqlite3			*s = NULL;
	char			 head[16];
	ssize_t			 n;
	long			 app, version;
	int			 fd, ok;

	if (stat(path, &sb) == -1)
		return kith_err_set(err, errno == ENOENT ? KITH_NOTFOUND :
		    KITH_IO, "%s: %s", path, strerror(errno));
	if (!S_ISREG(sb.st_mode))
		return kith_err_set(err, KITH_NOTDB, "%s: not a kith database "
		    "(not a regular file)", path);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
	n = read(fd, head, sizeof head);
	close(fd);
	if (n != (ssize_t)sizeof head || memcmp(head, magic, sizeof head) != 0)
		return kith_err_set(err, KITH_NOTDB, "%s: not a kith database "
		    "(not a SQLite file)", path);
	if (sqlite3_open_v2(path, &s, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		st = kith_err_set(err, KITH_IO, "%s: %s", path,
		    s ? sqlite3_errmsg(s) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(s, 10000);
	app = pragma_long(s, "PRAGMA application_id", &ok);
	version = ok ? pragma_long(s, "PRAGMA user_version", &ok) : 0;
	if (!ok) {
		st = kith_err_set(err, KITH_NOTDB, "%s: not a kith database "
		    "(%s)", path, sqlite3_errmsg(s));
		goto out;
	}
	if (app != KITH_APP_ID || version < 1) {
		st = kith_err_set(err, KITH_NOTDB, "%s: not a kith database "
		    "(a SQLite file of another program)", path);
		goto out;
	}
	if (version > KITH_SCHEMA_VERSION) {
		st = kith_err_set(err, KITH_TOONEW, "%s: schema version %ld "
		    "was written by a newer kith (this one knows up to %d); "
		    "upgrade kith to use it", path, version,
		    KITH_SCHEMA_VERSION);
		goto out;
	}
	if (sqlite3_prepare_v2(s, "PRAGMA integrity_check", -1, &stmt, NULL)
	    != SQLITE_OK || sqlite3_step(stmt) != SQLITE_ROW ||
	    (res = (const char *)sqlite3_column_text(stmt, 0)) == NULL ||
	    strcmp(res, "ok") != 0) {
		st = kith_err_set(err, KITH_NOTDB, "%s: a damaged kith "
		    "database (%s)", path, stmt && sqlite3_column_text(stmt, 0) ?
		    (const char *)sqlite3_column_text(stmt, 0) :
		    sqlite3_errmsg(s));
		goto out;
	}
	st = count_in(s, path, c, err);
out:
	sqlite3_finalize(stmt);
	sqlite3_close(s);
	return st;
}

enum kith_status
backup_restore(struct kith_db *db, const char *path, char **saved,
    struct kith_err *err)
{
	struct backup_counts	 c;
	enum kith_status	 st;
	sqlite3			*from = NULL;

	if (saved != NULL)
		*saved = NULL;
	if (db_depth(db) > 0)
		return kith_err_set(err, KITH_INVALID, "cannot restore inside "
		    "a transaction");
	if (kith_db_readonly(db))
		return kith_err_set(err, KITH_IO, "cannot restore into %s: it "
		    "is read-only; nothing was changed", kith_db_path(db));
	if ((st = backup_inspect(path, &c, err)) != KITH_OK)
		return st;
	if ((st = backup_auto(db, "before-restore", saved, err)) != KITH_OK)
		return st;
	if (sqlite3_open_v2(path, &from, SQLITE_OPEN_READONLY |
	    SQLITE_OPEN_NOFOLLOW, NULL) != SQLITE_OK) {
		st = kith_err_set(err, KITH_IO, "%s: %s", path,
		    from ? sqlite3_errmsg(from) : "out of memory");
		goto out;
	}
	sqlite3_busy_timeout(from, 10000);
	st = copy_db(from, kith_db_sqlite(db), kith_db_path(db), err);
out:
	sqlite3_close(from);
	return st;
}
