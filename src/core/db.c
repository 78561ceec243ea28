/* SPDX-License-Identifier: MIT */
/*
 * Opening, creating and migrating the kith database.
 *
 * A kith database is a SQLite file whose application_id is KITH_APP_ID and
 * whose user_version is the schema version.  Opening never writes to a file
 * it does not recognise: the SQLite magic is checked on the raw bytes before
 * SQLite sees the file, and a SQLite file with another application_id, or
 * with tables but no kith marks, is refused.  Migrations run forward only,
 * each in one transaction, so a failure leaves the previous version intact.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "kith/db.h"
#include "kith/backup.h"
#include "kith/clock.h"
#include "kith/import.h"
#include "kith/match.h"
#include "kith/phone.h"
#include "kith/text.h"
#include "kith/util.h"
#include "kith/search.h"
#include "internal.h"

#define BUSY_TIMEOUT_MS	10000
#define READER_CACHE_KIB "4096"	/* page cache of db_open_reader()'s handle */
#define READONLY_WHY	"read-only (the file, its folder or its -wal/-shm " \
			"files are not writable)"
#define STMT_CACHE	64	/* statements kept; KITH_STMT_CACHE overrides */

extern const char kith_schema_sql[];

struct stmt_slot {
	const char	*sql;		/* key: address of the literal */
	sqlite3_stmt	*stmt;
};

struct kith_db {
	sqlite3			*sql;
	char			*path;
	struct kith_text	*text;		/* from meta, set up by open */
	time_t			 now;		/* pinned clock, 0 = time(NULL) */
	int			 depth;		/* transaction nesting */
	char			 region[8];	/* phone region, from meta */
	int			 bulk;		/* kith_db_bulk() is on */
	int			 readonly;	/* file or folder not writable */
	int			 broken;	/* an inner level failed in bulk */
	int			 turn_fd;	/* writelock.c's file: -1 none,
						   -2 not opened yet */
	struct journal		*journal;	/* NULL while migrating */
	struct match		*match;		/* kith_db_match(); NULL until
						   first asked for */
	struct stmt_slot	*stmts;		/* oldest first */
	size_t			 n_stmts;
	size_t			 cap_stmts;	/* the array's room */
	size_t			 max_stmts;	/* kept when none is busy */
};

static enum kith_status	check_file(const char *, int *, struct kith_err *);
static enum kith_status	create_file(const char *, struct kith_err *);
static enum kith_status	migrate(struct kith_db *, struct kith_err *);
static enum kith_status	load_settings(struct kith_db *, struct kith_err *);
static enum kith_status	open_sqlite(struct kith_db *, struct kith_err *);
static char		*file_uri(const char *, const char *);
static int		pragma_int(struct kith_db *, const char *);
static const char	*env_collation(void);
static void		 sql_fold(sqlite3_context *, int, sqlite3_value **);
static void		 sql_name_words(sqlite3_context *, int, sqlite3_value **);
static void		 sql_phone_words(sqlite3_context *, int, sqlite3_value **);
static void		 sql_name_keys(sqlite3_context *, int, sqlite3_value **);
static void		 sql_org_key(sqlite3_context *, int, sqlite3_value **);
static void		 env_region(char [8]);
static size_t		 stmt_cache_size(void);

char *
kith_db_default_path(void)
{
	const char	*env;

	if (!str_empty(env = getenv("KITH_DB")))
		return xstrdup(env);
	if (!str_empty(env = getenv("XDG_DATA_HOME")))
		return xasprintf("%s/kith/kith.db", env);
	if (!str_empty(env = getenv("HOME")))
		return xasprintf("%s/.local/share/kith/kith.db", env);
	return NULL;
}

/*
 * Looks at the raw bytes: sets *exists, and refuses a non-empty file that
 * does not start with the SQLite magic.
 */
static enum kith_status
check_file(const char *path, int *exists, struct kith_err *err)
{
	static const char	 magic[16] = "SQLite format 3";
	char			 head[16];
	struct stat		 st;
	ssize_t			 n;
	int			 fd;

	*exists = 0;
	if (stat(path, &st) == -1) {
		if (errno == ENOENT)
			return KITH_OK;
		return kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
	}
	if (!S_ISREG(st.st_mode))
		return kith_err_set(err, KITH_NOTDB,
		    "%s: not a regular file", path);
	*exists = 1;
	/* Whoever may write the book may plant or change what kith shows. */
	if (st.st_mode & (S_IWGRP | S_IWOTH))
		return kith_err_set(err, KITH_IO, "%s: other users can write "
		    "this database (mode %04o), so kith will not open it; "
		    "make it yours alone with: chmod 600 %s", path,
		    (unsigned)(st.st_mode & 07777), path);
	if (st.st_size == 0)
		return KITH_OK;
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
	n = read(fd, head, sizeof head);
	close(fd);
	if (n != (ssize_t)sizeof head || memcmp(head, magic, sizeof magic) != 0)
		return kith_err_set(err, KITH_NOTDB, "%s: not a kith database "
		    "(not a SQLite file); it was left untouched", path);
	return KITH_OK;
}

/* mkdir -p of the folder that holds path, each new level mode 0700. */
enum kith_status
db_make_parent(const char *path, struct kith_err *err)
{
	char	*dir, *p;

	dir = xstrdup(path);
	if ((p = strrchr(dir, '/')) == NULL || p == dir) {
		free(dir);
		return KITH_OK;
	}
	*p = '\0';
	for (p = dir + 1; ; p++) {
		if (*p != '/' && *p != '\0')
			continue;
		char c = *p;
		*p = '\0';
		if (mkdir(dir, 0700) == -1 && errno != EEXIST) {
			kith_err_set(err, KITH_IO, "cannot create folder %s: %s",
			    dir, strerror(errno));
			free(dir);
			return KITH_IO;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(dir);
	return KITH_OK;
}

/* Creates an empty file readable by its owner only, whatever the umask. */
static enum kith_status
create_file(const char *path, struct kith_err *err)
{
	int	fd;

	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd == -1 && errno != EEXIST)
		return kith_err_set(err, KITH_IO, "cannot create %s: %s", path,
		    strerror(errno));
	if (fd != -1) {
		fchmod(fd, 0600);
		close(fd);
	}
	return KITH_OK;
}

enum kith_status
kith_db_open(const char *path, struct kith_db **out, struct kith_err *err)
{
	return kith_db_open_mode(path, KITH_DB_CREATE, out, err);
}

enum kith_status
kith_db_open_mode(const char *path, enum kith_db_mode mode,
    struct kith_db **out, struct kith_err *err)
{
	struct kith_db		*db;
	enum kith_status	 st;
	int			 exists = 0, memory;

	*out = NULL;
	memory = strcmp(path, ":memory:") == 0;
	if (!memory) {
		if ((st = check_file(path, &exists, err)) != KITH_OK)
			return st;
		if (!exists && mode == KITH_DB_READ)
			return kith_err_set(err, KITH_NOTFOUND,
			    "no kith database at %s", path);
		if (!exists && ((st = db_make_parent(path, err)) != KITH_OK ||
		    (st = create_file(path, err)) != KITH_OK))
			return st;
	}

	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(path);
	db->turn_fd = -2;
	db->max_stmts = stmt_cache_size();
	if ((st = open_sqlite(db, err)) != KITH_OK)
		goto fail;

	/*
	 * Savepoints and temporary tables stay in memory, never in a file
	 * outside the database's folder: set before the schema is made.
	 */
	if ((st = db_exec(db, "PRAGMA temp_store = MEMORY", err)) != KITH_OK)
		goto fail;
	/* Reading the schema is the first real look at the file. */
	if ((st = migrate(db, err)) != KITH_OK ||
	    (st = load_settings(db, err)) != KITH_OK)
		goto fail;
	if ((st = db_exec(db, "PRAGMA foreign_keys = ON", err)) != KITH_OK)
		goto fail;
	if (!memory && !db->readonly &&
	    (st = db_exec(db, "PRAGMA journal_mode = WAL", err)) != KITH_OK)
		goto fail;
	/* The page cache is bounded (16 MB). */
	if ((st = db_exec(db, "PRAGMA synchronous = NORMAL; "
	    "PRAGMA cache_size = -16384", err))
	    != KITH_OK)
		goto fail;
	/* From here on, every write transaction is journaled. */
	db->journal = journal_new();
	/*
	 * A bulk import killed before it wrote its contacts' search entries
	 * left them to the next start (import.h).  Failing, it is left to
	 * the one after: the database is usable meanwhile.
	 */
	if (!db->readonly) {
		struct kith_err	 ignored = { 0 };

		(void)import_finish_index(db, NULL, &ignored);
	}
	*out = db;
	return KITH_OK;
fail:
	kith_db_close(db);
	return st;
}

enum kith_status
db_open_reader(struct kith_db *of, struct kith_db **out, struct kith_err *err)
{
	struct kith_db		*db;
	enum kith_status	 st;

	*out = NULL;
	if (strcmp(of->path, ":memory:") == 0)
		return kith_err_set(err, KITH_INVALID, "an in-memory database "
		    "has no second handle");
	db = xcalloc(1, sizeof *db);
	db->path = xstrdup(of->path);
	db->turn_fd = -2;
	db->max_stmts = stmt_cache_size();
	if ((st = open_sqlite(db, err)) != KITH_OK ||
	    (st = db_exec(db, "PRAGMA temp_store = MEMORY", err)) != KITH_OK)
		goto fail;
	if (pragma_int(db, "PRAGMA user_version") != KITH_SCHEMA_VERSION) {
		st = kith_err_set(err, KITH_DB, "%s: a second handle found "
		    "another schema version", db->path);
		goto fail;
	}
	/* Its reads go along ids once: a small page cache does. */
	if ((st = load_settings(db, err)) != KITH_OK ||
	    (st = db_exec(db, "PRAGMA cache_size = -" READER_CACHE_KIB, err))
	    != KITH_OK)
		goto fail;
	*out = db;
	return KITH_OK;
fail:
	kith_db_close(db);
	return st;
}

/*
 * Opens db->path read-write if kith may write it, else read-only, and
 * reads the first page to be sure it can.  SQLite falls back to read-only
 * on its own for a file it may not write; a WAL database in a folder it
 * may not write cannot get its -shm file, so it is opened read-only and,
 * failing that, as immutable (nobody can be writing it through that
 * folder's side files either).
 */
static enum kith_status
open_sqlite(struct kith_db *db, struct kith_err *err)
{
	static const char *const ro[] = { NULL, "mode=ro", "immutable=1" };
	char		*uri;
	size_t		 i;
	int		 rc = SQLITE_OK, flags;

	db_pagecache_init();
	for (i = 0; i < sizeof ro / sizeof ro[0]; i++) {
		if (db->sql != NULL) {
			sqlite3_close(db->sql);
			db->sql = NULL;
		}
		if (ro[i] != NULL && strcmp(db->path, ":memory:") == 0)
			break;
		/*
		 * A handle is used by one thread at a time (kith has one):
		 * no mutex around every call, a seventh of a review's
		 * instructions at a million contacts.
		 */
		flags = SQLITE_OPEN_NOFOLLOW | SQLITE_OPEN_NOMUTEX |
		    (ro[i] == NULL ? SQLITE_OPEN_READWRITE :
		    SQLITE_OPEN_READONLY | SQLITE_OPEN_URI);
		uri = ro[i] == NULL ? xstrdup(db->path) :
		    file_uri(db->path, ro[i]);
		rc = sqlite3_open_v2(uri, &db->sql, flags, NULL);
		free(uri);
		if (rc != SQLITE_OK)
			continue;
		sqlite3_extended_result_codes(db->sql, 1);
		sqlite3_busy_timeout(db->sql, BUSY_TIMEOUT_MS);
		/* The first read opens the WAL index: does it work? */
		if ((rc = sqlite3_exec(db->sql, "SELECT count(*) FROM "
		    "sqlite_schema", NULL, NULL, NULL)) != SQLITE_OK &&
		    (rc & 0xff) != SQLITE_CANTOPEN &&
		    (rc & 0xff) != SQLITE_READONLY &&
		    (rc & 0xff) != SQLITE_PERM)
			break;		/* not about permissions: report it */
		if (rc == SQLITE_OK)
			break;
	}
	if (db->sql == NULL || rc != SQLITE_OK) {
		if ((rc & 0xff) == SQLITE_NOTADB)
			return kith_err_set(err, KITH_NOTDB, "%s: not a kith "
			    "database; it was left untouched", db->path);
		return kith_err_set(err, KITH_IO, "%s: %s", db->path,
		    db->sql ? sqlite3_errmsg(db->sql) : sqlite3_errstr(rc));
	}
	db->readonly = sqlite3_db_readonly(db->sql, "main") == 1;
	sqlite3_create_function_v2(db->sql, "kith_fold", 1, SQLITE_UTF8 |
	    SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, db, sql_fold, NULL, NULL,
	    NULL);
	sqlite3_create_function_v2(db->sql, "kith_name_words", 5,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, db,
	    sql_name_words, NULL, NULL, NULL);
	sqlite3_create_function_v2(db->sql, "kith_phone_words", 2,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, NULL,
	    sql_phone_words, NULL, NULL, NULL);
	sqlite3_create_function_v2(db->sql, "kith_name_keys", 4,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, db,
	    sql_name_keys, NULL, NULL, NULL);
	sqlite3_create_function_v2(db->sql, "kith_org_key", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_DIRECTONLY, db,
	    sql_org_key, NULL, NULL, NULL);
	return KITH_OK;
}

/* "file:PATH?QUERY" with the characters a URI path may not hold escaped. */
static char *
file_uri(const char *path, const char *query)
{
	struct sbuf		 sb = { 0 };
	const unsigned char	*p;
	char			 hex[4];

	sbuf_add(&sb, "file:");
	for (p = (const unsigned char *)path; *p != '\0'; p++) {
		if (*p == '%' || *p == '?' || *p == '#' || *p <= 0x20 ||
		    *p >= 0x7f) {
			snprintf(hex, sizeof hex, "%%%02X", *p);
			sbuf_add(&sb, hex);
		} else
			sbuf_addc(&sb, (char)*p);
	}
	sbuf_addc(&sb, '?');
	sbuf_add(&sb, query);
	return sbuf_detach(&sb);
}

int
kith_db_readonly(const struct kith_db *db)
{
	return db->readonly;
}

void
kith_db_close(struct kith_db *db)
{
	size_t	i;

	if (db == NULL)
		return;
	for (i = 0; i < db->n_stmts; i++)
		sqlite3_finalize(db->stmts[i].stmt);
	journal_free(db->journal);	/* before the handle it watches */
	match_free(db->match);
	free(db->stmts);
	if (db->sql != NULL)
		sqlite3_close(db->sql);
	if (db->turn_fd >= 0)
		close(db->turn_fd);	/* gives up its turn, if held */
	text_free(db->text);
	free(db->path);
	free(db);
}

/*
 * kith_fold(TEXT): text_fold() for SQL; NULL gives ''.  Text it cannot
 * fold (not UTF-8, ICU failing) fails the statement with the reason.
 */
static void
sql_fold(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct kith_db		*db = sqlite3_user_data(ctx);
	struct kith_err		 err = { 0 };
	const unsigned char	*s;
	char			*fold;

	(void)argc;
	if ((s = sqlite3_value_text(argv[0])) == NULL) {
		sqlite3_result_text(ctx, "", 0, SQLITE_STATIC);
		return;
	}
	if (text_fold(kith_db_text(db), (const char *)s, &fold, &err)
	    != KITH_OK) {
		sqlite3_result_error(ctx, err.msg, -1);
		return;
	}
	sqlite3_result_text(ctx, fold, -1, free);
}

/*
 * kith_name_words(DISPLAY, NAME_FOLD, NICKNAME, GIVEN, FAMILY): the name
 * column of the search index -- the folded display name, then the folded
 * nickname, given and family names; a given or family name written out in
 * the display name is in its fold already and is not folded again.  A
 * part it cannot fold fails the statement, as kith_fold() does.
 */
static void
sql_name_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct kith_db	*db = sqlite3_user_data(ctx);
	struct kith_err	 err = { 0 };
	const char	*display, *part;
	struct sbuf	 sb = { 0 };
	char		*fold;
	int		 i;

	(void)argc;
	display = (const char *)sqlite3_value_text(argv[0]);
	if ((part = (const char *)sqlite3_value_text(argv[1])) != NULL)
		sbuf_add(&sb, part);
	for (i = 2; i < 5; i++) {
		if ((part = (const char *)sqlite3_value_text(argv[i])) == NULL ||
		    *part == '\0' || (i > 2 && display != NULL &&
		    strstr(display, part) != NULL))
			continue;
		if (text_fold(kith_db_text(db), part, &fold, &err) != KITH_OK) {
			sbuf_free(&sb);
			sqlite3_result_error(ctx, err.msg, -1);
			return;
		}
		if (*fold != '\0') {
			if (sb.len > 0)
				sbuf_addc(&sb, ' ');
			sbuf_add(&sb, fold);
		}
		free(fold);
	}
	sqlite3_result_text(ctx, sbuf_detach(&sb), -1, free);
}

/*
 * kith_phone_words(RAW, NORM): phone_search_words() for SQL; NULL gives
 * ''.
 */
static void
sql_phone_words(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	(void)argc;
	sqlite3_result_text(ctx, phone_search_words((const char *)
	    sqlite3_value_text(argv[0]), (const char *)
	    sqlite3_value_text(argv[1])), -1, free);
}

/*
 * kith_name_keys(NAME_FOLD, FAMILY, NICKNAME, ALIASES): the keys column
 * of the search index (match.c): the transliteration key (match_key) of
 * each word of the folded name, nickname and aliases, then "0" and the
 * sounds-alike key (match_sound) of the family name (FAMILY, else the
 * last word of NAME_FOLD).  A part it cannot fold fails the statement.
 */
static void
sql_name_keys(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct kith_db	*db = sqlite3_user_data(ctx);
	struct kith_err	 err = { 0 };
	struct sbuf	 words = { 0 }, out = { 0 };
	const char	*part;
	char		*fold, *w, *save = NULL, *key, *family = NULL;
	int		 i;

	(void)argc;
	for (i = 0; i < 4; i++) {
		if ((part = (const char *)sqlite3_value_text(argv[i])) == NULL ||
		    *part == '\0')
			continue;
		if (i == 0)
			fold = xstrdup(part);
		else if (text_fold(kith_db_text(db), part, &fold, &err) !=
		    KITH_OK) {
			sbuf_free(&words);
			free(family);
			sqlite3_result_error(ctx, err.msg, -1);
			return;
		}
		if (i == 1) {
			family = fold;
			continue;
		}
		sbuf_printf(&words, "%s ", fold);
		free(fold);
	}
	/* A name of punctuation alone ("***") folds to no word at all. */
	for (w = words.s != NULL ? strtok_r(words.s, " ", &save) : NULL;
	    w != NULL; w = strtok_r(NULL, " ", &save)) {
		key = match_key(w);
		sbuf_printf(&out, "%s%s", out.len ? " " : "", key);
		free(key);
	}
	/* The family name's sound: FAMILY's last word, else the name's. */
	if (family != NULL && (w = strrchr(family, ' ')) != NULL)
		w++;
	else if (family != NULL && *family != '\0')
		w = family;
	else if (sqlite3_value_text(argv[0]) != NULL) {
		part = (const char *)sqlite3_value_text(argv[0]);
		w = strrchr(part, ' ') != NULL ? strrchr(part, ' ') + 1 :
		    (char *)part;
	} else
		w = NULL;
	if (w != NULL && (key = match_sound(w)) != NULL) {
		if (strlen(key) >= 2)
			sbuf_printf(&out, "%s0%s", out.len ? " " : "", key);
		free(key);
	}
	sbuf_free(&words);
	free(family);
	sqlite3_result_text(ctx, sbuf_detach(&out), -1, free);
}

/* kith_org_key(NAME): match_org_key() for SQL. */
static void
sql_org_key(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	struct kith_db	*db = sqlite3_user_data(ctx);
	struct kith_err	 err = { 0 };
	struct match	*m;
	char		*key;

	(void)argc;
	if (kith_db_match(db, &m, &err) != KITH_OK ||
	    match_org_key(m, (const char *)sqlite3_value_text(argv[0]), &key,
	    &err) != KITH_OK) {
		sqlite3_result_error(ctx, err.msg, -1);
		return;
	}
	sqlite3_result_text(ctx, key, -1, free);
}

struct match **
db_match_slot(struct kith_db *db)
{
	return &db->match;
}

void
kith_db_bulk(struct kith_db *db, int on)
{
	db->bulk = on;
	if (on)
		journal_tx_bulk(db);	/* an import is journaled as a whole */
}

struct journal *
db_journal(struct kith_db *db)
{
	return db->journal;
}

int
db_depth(const struct kith_db *db)
{
	return db->depth;
}

int
db_bulk(const struct kith_db *db)
{
	return db->bulk;
}

const char *
kith_db_path(const struct kith_db *db)
{
	return db->path;
}

time_t
kith_db_now(const struct kith_db *db)
{
	return db->now > 0 ? db->now : time(NULL);
}

time_t
kith_db_pinned(const struct kith_db *db)
{
	return db->now;
}

void
kith_db_set_now(struct kith_db *db, time_t now)
{
	db->now = now > 0 ? now : 0;
}

struct kith_text *
kith_db_text(struct kith_db *db)
{
	return db->text;
}

/*
 * Reads the settings the database was created with (meta: the collation
 * locale of its text context, the region of its phone numbers), once, so
 * that kith_db_text() and db_region() cannot fail later.  A row that
 * cannot be read, or is missing or malformed, fails the open with a
 * message naming it: nothing falls back to a guess that would sort or
 * compare phones differently from what is stored.  Runs again harmlessly
 * (migrate() needs the text context before the open is finished).
 */
static enum kith_status
load_settings(struct kith_db *db, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	const char	*key, *v;
	char		*locale = NULL, region[8] = "";
	int		 rc;

	if (db->text != NULL)
		return KITH_OK;
	if ((stmt = db_stmt(db, "SELECT key, value FROM meta WHERE key IN "
	    "('collation', 'region')", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		key = (const char *)sqlite3_column_text(stmt, 0);
		v = (const char *)sqlite3_column_text(stmt, 1);
		if (key == NULL)
			continue;
		if (strcmp(key, "collation") == 0) {
			free(locale);
			locale = xstrdup(v != NULL ? v : "");
		} else if (v != NULL && strlen(v) == 2)
			memcpy(region, v, 3);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(locale);
		return db_fail(db, err, "reading the database's settings");
	}
	if (locale == NULL || region[0] == '\0') {
		free(locale);
		return kith_err_set(err, KITH_DB, "%s: the setting '%s' is "
		    "missing from the database (its table meta), so kith "
		    "cannot tell how it %s; the file was changed by another "
		    "program", db->path, locale == NULL ? "collation" :
		    "region", locale == NULL ? "sorts names" :
		    "reads phone numbers");
	}
	memcpy(db->region, region, sizeof region);
	db->text = text_new(locale);
	free(locale);
	return KITH_OK;
}

struct sqlite3 *
kith_db_sqlite(struct kith_db *db)
{
	return db->sql;
}

enum kith_status
kith_db_begin(struct kith_db *db, struct kith_err *err)
{
	enum kith_status	st = KITH_OK;

	if (db->readonly)
		return kith_err_set(err, KITH_IO, "cannot change %s: it is "
		    READONLY_WHY "; nothing was changed", db->path);
	/*
	 * Inner levels are savepoints, so they can fail on their own; in
	 * bulk mode they are free, and a failure spoils the whole level.
	 */
	if (db->depth == 0) {
		/* Writers go in turn, first come, first served (writelock.c). */
		if (db->turn_fd == -2)
			db->turn_fd = writelock_open(db->path);
		if ((st = writelock_take(db->turn_fd, db->path,
		    BUSY_TIMEOUT_MS, err)) != KITH_OK)
			return st;
		st = db_exec(db, "BEGIN IMMEDIATE", err);
		db->broken = 0;
		/* Each outermost write transaction is one journal action. */
		if (st == KITH_OK && (st = journal_tx_begin(db, err)) != KITH_OK)
			db_exec(db, "ROLLBACK", NULL);
		if (st != KITH_OK)
			writelock_drop(db->turn_fd);
	} else if (!db->bulk)
		st = db_exec(db, "SAVEPOINT kith", err);
	if (st == KITH_OK)
		db->depth++;
	return st;
}

enum kith_status
kith_db_commit(struct kith_db *db, struct kith_err *err)
{
	enum kith_status	st;

	if (db->depth == 0)
		return KITH_OK;
	if (--db->depth > 0)
		return db->bulk ? KITH_OK : db_exec(db, "RELEASE kith", err);
	if (db->broken) {
		db_exec(db, "ROLLBACK", NULL);
		journal_tx_end(db);
		writelock_drop(db->turn_fd);
		return kith_err_set(err, KITH_DB, "%s: a step of the change "
		    "failed, so none of it was written", db->path);
	}
	if ((st = journal_tx_commit(db, err)) != KITH_OK ||
	    (st = db_exec(db, "COMMIT", err)) != KITH_OK)
		db_exec(db, "ROLLBACK", NULL);
	journal_tx_end(db);
	writelock_drop(db->turn_fd);
	return st;
}

void
kith_db_rollback(struct kith_db *db)
{
	if (db->depth == 0)
		return;
	if (--db->depth == 0) {
		db_exec(db, "ROLLBACK", NULL);
		journal_tx_end(db);
		writelock_drop(db->turn_fd);
	} else if (db->bulk)
		db->broken = 1;
	else
		db_exec(db, "ROLLBACK TO kith; RELEASE kith", NULL);
}

/* STMT_CACHE, or KITH_STMT_CACHE (at least 1) to test evictions. */
static size_t
stmt_cache_size(void)
{
	const char	*env;
	long		 n;

	if (str_empty(env = getenv("KITH_STMT_CACHE")) ||
	    (n = strtol(env, NULL, 10)) < 1)
		return STMT_CACHE;
	return (size_t)n;
}

sqlite3_stmt *
db_stmt(struct kith_db *db, const char *sql, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	size_t		 i;

	for (i = 0; i < db->n_stmts; i++) {
		if (db->stmts[i].sql == sql) {
			stmt = db->stmts[i].stmt;
			sqlite3_reset(stmt);
			sqlite3_clear_bindings(stmt);
			return stmt;
		}
	}
	if (sqlite3_prepare_v3(db->sql, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &stmt, NULL) != SQLITE_OK) {
		db_fail(db, err, "preparing a query");
		return NULL;
	}
	/*
	 * Full: evict the oldest statement that is not stepping.  One that
	 * is (a caller is still reading its rows) must outlive this call, so
	 * when every entry is busy the cache grows instead.
	 */
	if (db->n_stmts >= db->max_stmts) {
		for (i = 0; i < db->n_stmts; i++)
			if (!sqlite3_stmt_busy(db->stmts[i].stmt))
				break;
		if (i < db->n_stmts) {
			sqlite3_finalize(db->stmts[i].stmt);
			memmove(db->stmts + i, db->stmts + i + 1,
			    (db->n_stmts - i - 1) * sizeof db->stmts[0]);
			db->n_stmts--;
		}
	}
	if (db->n_stmts == db->cap_stmts) {
		db->cap_stmts = db->cap_stmts ? db->cap_stmts * 2 : 16;
		db->stmts = xreallocarray(db->stmts, db->cap_stmts,
		    sizeof db->stmts[0]);
	}
	db->stmts[db->n_stmts].sql = sql;
	db->stmts[db->n_stmts].stmt = stmt;
	db->n_stmts++;
	return stmt;
}

enum kith_status
db_fail(struct kith_db *db, struct kith_err *err, const char *what)
{
	int	rc;

	rc = sqlite3_extended_errcode(db->sql);
	if ((rc & 0xff) == SQLITE_BUSY || (rc & 0xff) == SQLITE_LOCKED)
		return kith_err_set(err, KITH_BUSY, "%s: the database %s is "
		    "in use by another program and stayed busy for %d s",
		    what, db->path, BUSY_TIMEOUT_MS / 1000);
	if ((rc & 0xff) == SQLITE_NOTADB)
		return kith_err_set(err, KITH_NOTDB, "%s: not a kith database",
		    db->path);
	if ((rc & 0xff) == SQLITE_FULL)
		return kith_err_set(err, KITH_IO, "%s: the disk is full",
		    db->path);
	if ((rc & 0xff) == SQLITE_READONLY)
		return kith_err_set(err, KITH_IO, "%s: cannot write to %s: it "
		    "is " READONLY_WHY "; nothing was changed", what,
		    db->path);
	return kith_err_set(err, KITH_DB, "%s: %s (%s)", what,
	    sqlite3_errmsg(db->sql), db->path);
}

enum kith_status
db_exec(struct kith_db *db, const char *sql, struct kith_err *err)
{
	if (sqlite3_exec(db->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
		return db_fail(db, err, "database");
	return KITH_OK;
}

/* SQLite's default ceiling for a memory map. */
#define READ_MAP_BYTES	"2147418112"

enum kith_status
db_read_begin(struct kith_db *db, struct db_read *r, int flags,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;

	memset(r, 0, sizeof *r);
	if (!sqlite3_get_autocommit(db->sql))
		return KITH_OK;
	if (flags & DB_READ_MAP) {
		if ((stmt = db_stmt(db, "PRAGMA mmap_size", err)) == NULL)
			return KITH_DB;
		if (sqlite3_step(stmt) == SQLITE_ROW)
			r->mapped = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		(void)db_exec(db, "PRAGMA mmap_size = " READ_MAP_BYTES, NULL);
		r->map = 1;
	}
	r->own = 1;
	if (sqlite3_exec(db->sql, "BEGIN", NULL, NULL, NULL) != SQLITE_OK) {
		st = db_fail(db, err, "database");
		db_read_end(db, r);
		return st;
	}
	return KITH_OK;
}

void
db_read_end(struct kith_db *db, struct db_read *r)
{
	char	 sql[64];

	if (!r->own)
		return;
	if (!sqlite3_get_autocommit(db->sql))
		(void)db_exec(db, "COMMIT", NULL);
	if (r->map) {
		snprintf(sql, sizeof sql, "PRAGMA mmap_size = %lld",
		    (long long)r->mapped);
		(void)db_exec(db, sql, NULL);
	}
	r->own = r->map = 0;
}

int
db_bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (str_empty(s))
		return sqlite3_bind_null(stmt, idx);
	return sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
}

char *
db_col_text(sqlite3_stmt *stmt, int idx)
{
	const unsigned char	*s;

	if ((s = sqlite3_column_text(stmt, idx)) == NULL)
		return NULL;
	return xstrndup((const char *)s,
	    (size_t)sqlite3_column_bytes(stmt, idx));
}

void
db_today(struct kith_db *db, char out[11])
{
	date_from_time(kith_db_now(db), out);
}

/* Prefixes the message text_nfc() left in err with the field's name. */
static enum kith_status
field_err(struct kith_err *err, enum kith_status st, const char *field)
{
	char	why[sizeof err->msg];

	if (err == NULL)
		return st;
	snprintf(why, sizeof why, "%s", err->msg);
	return kith_err_set(err, st, "%s: %s", field, why);
}

/*
 * Removes from valid UTF-8 s, in place, the control characters: C0, DEL
 * and C1 (U+0080 to U+009F, two bytes C2 80 to C2 9F).  With DB_LINES, a
 * line feed and a tab stay and a carriage return (alone or before a line
 * feed) becomes one line feed; otherwise tab, line feed and carriage
 * return become a space, so that a one-line field stays one line.
 */
static void
strip_controls(char *s, unsigned how)
{
	unsigned char	*r = (unsigned char *)s, *w = r;

	while (*r != '\0') {
		if (*r == '\r') {
			r += r[1] == '\n' ? 1 : 0;
			*r = '\n';
		}
		if (*r == '\n' || *r == '\t') {
			*w++ = (how & DB_LINES) ? *r : ' ';
			r++;
		} else if (*r < 0x20 || *r == 0x7f)
			r++;
		else if (r[0] == 0xc2 && r[1] >= 0x80 && r[1] <= 0x9f)
			r += 2;
		else
			*w++ = *r++;
	}
	*w = '\0';
}

enum kith_status
db_clean(struct kith_db *db, const char *field, const char *s, unsigned how,
    char **out, struct kith_err *err)
{
	enum kith_status	 st;
	const char		*p, *end;
	char			*buf;
	size_t			 len, bad;

	*out = NULL;
	if (s == NULL)
		return KITH_OK;
	len = strlen(s);
	if (!text_valid_utf8(s, len, &bad))
		return kith_err_set(err, KITH_INVALID, "%s: invalid UTF-8 at "
		    "byte %zu (0x%02x)", field, bad, (unsigned char)s[bad]);
	buf = xstrndup(s, len);
	strip_controls(buf, how);
	p = buf;
	end = p + strlen(p);
	if (how & DB_TRIM) {
		while (*p == ' ' || *p == '\t' || *p == '\n')
			p++;
		while (end > p && (end[-1] == ' ' || end[-1] == '\t' ||
		    end[-1] == '\n'))
			end--;
	}
	if (end == p) {
		free(buf);
		return KITH_OK;
	}
	memmove(buf, p, (size_t)(end - p));
	buf[end - p] = '\0';
	st = text_nfc(kith_db_text(db), buf, out, err);
	free(buf);
	if (st != KITH_OK)
		return field_err(err, st, field);
	return KITH_OK;
}

enum kith_status
db_clean_text(struct kith_db *db, const char *field, const char *s,
    char **out, struct kith_err *err)
{
	return db_clean(db, field, s, DB_TRIM, out, err);
}

/* The collation locale of the environment, as setlocale() would pick it. */
static const char *
env_collation(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_COLLATE", "LANG" };
	const char		*v;
	size_t			 i;

	for (i = 0; i < sizeof vars / sizeof vars[0]; i++)
		if (!str_empty(v = getenv(vars[i])))
			return v;
	return "";
}

/* "GB" from KITH_REGION=gb or a locale such as en_GB.UTF-8; else "US". */
static void
env_region(char out[8])
{
	const char	*v, *us;
	size_t		 i;

	strcpy(out, "US");
	if (!str_empty(v = getenv("KITH_REGION")) && strlen(v) == 2) {
		out[0] = (char)toupper((unsigned char)v[0]);
		out[1] = (char)toupper((unsigned char)v[1]);
		return;
	}
	v = env_collation();
	if ((us = strchr(v, '_')) != NULL && isalpha((unsigned char)us[1]) &&
	    isalpha((unsigned char)us[2]) && !isalpha((unsigned char)us[3])) {
		for (i = 0; i < 2; i++)
			out[i] = (char)toupper((unsigned char)us[1 + i]);
		out[2] = '\0';
	}
}

const char *
db_region(struct kith_db *db)
{
	return db->region;
}

enum kith_status
db_nfc_text(struct kith_db *db, const char *field, const char *s, char **out,
    struct kith_err *err)
{
	return db_clean(db, field, s, DB_LINES, out, err);
}

static int
pragma_int(struct kith_db *db, const char *pragma)
{
	sqlite3_stmt	*stmt;
	int		 v = -1;

	if (sqlite3_prepare_v2(db->sql, pragma, -1, &stmt, NULL) != SQLITE_OK)
		return -1;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/*
 * Forward migrations: steps[i] takes a database from version i + 1 to
 * i + 2.  Version 1 is data/schema.sql.  Never edit a step that has
 * shipped; add one.
 */
static const char *const steps[] = {
	/* 2: what an import merged into existing contacts, for --undo. */
	"CREATE TABLE batch_merge ("
	"	id		INTEGER PRIMARY KEY,"
	"	batch_id	INTEGER NOT NULL REFERENCES import_batch(id)"
	"			    ON DELETE CASCADE,"
	"	contact_id	INTEGER NOT NULL REFERENCES contact(id)"
	"			    ON DELETE CASCADE,"
	"	snapshot	BLOB NOT NULL"
	");"
	"CREATE INDEX batch_merge_by_batch ON batch_merge(batch_id);"
	"CREATE INDEX batch_merge_by_contact ON batch_merge(contact_id);",
	/*
	 * 3: an index on contact.batch_id cost every imported row an index
	 * insert; undo, its only reader, can afford a scan.
	 */
	"DROP INDEX IF EXISTS contact_by_batch;",
	/*
	 * 4: the change journal (journal.c): one row per user action, with
	 * the rows it changed as a session changeset, or the import batch
	 * whose undo takes it back.
	 */
	"CREATE TABLE journal ("
	"	id		INTEGER PRIMARY KEY,"
	"	at		INTEGER NOT NULL,"
	"	command		TEXT NOT NULL,"
	"	label		TEXT NOT NULL,"
	"	changes		BLOB,"
	"	batch_id	INTEGER,"
	"	undoes		INTEGER,"
	"	undone_by	INTEGER"
	");"
	"CREATE INDEX journal_by_batch ON journal(batch_id) "
	"    WHERE batch_id IS NOT NULL;",
	/*
	 * 5: the pipeline (deal.c, stage.c, pipeline.c) and follow-ups with
	 * a time of day.  A stage is open, won or lost, with a win
	 * probability for weighted totals and the days after which a deal
	 * in it without a touch is stalled.  A deal keeps when it entered
	 * its stage and when it was last touched (a stage change, or an
	 * interaction logged on it), so the board and the report read them
	 * off an index instead of the history.  Contacts take roles on a
	 * deal from a list the user can change; interactions may belong to
	 * a deal.
	 */
	"ALTER TABLE stage ADD COLUMN kind TEXT NOT NULL DEFAULT 'open' "
	"    CHECK (kind IN ('open', 'won', 'lost'));"
	"ALTER TABLE stage ADD COLUMN probability INTEGER NOT NULL DEFAULT 0 "
	"    CHECK (probability BETWEEN 0 AND 100);"
	"ALTER TABLE stage ADD COLUMN stall_days INTEGER NOT NULL DEFAULT 30 "
	"    CHECK (stall_days > 0);"
	"UPDATE stage SET kind = 'won', probability = 100 "
	"    WHERE closed AND name = 'Won';"
	"UPDATE stage SET kind = 'lost' WHERE closed AND kind = 'open';"
	"UPDATE stage SET probability = 20 WHERE name = 'Interest';"
	"UPDATE stage SET probability = 60 WHERE name = 'Negotiation';"
	"ALTER TABLE stage DROP COLUMN closed;"
	"CREATE TABLE deal_role ("
	"	id		INTEGER PRIMARY KEY,"
	"	name		TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"	pos		INTEGER NOT NULL"
	");"
	"INSERT INTO deal_role (name, pos) VALUES"
	"	('client', 1), ('decision maker', 2), ('referrer', 3),"
	"	('adverse party', 4), ('opposing counsel', 5),"
	"	('co-counsel', 6), ('witness', 7), ('expert', 8),"
	"	('other', 9);"
	"ALTER TABLE deal ADD COLUMN title_fold TEXT NOT NULL DEFAULT '';"
	"ALTER TABLE deal ADD COLUMN ref TEXT;"
	"ALTER TABLE deal ADD COLUMN fee TEXT;"
	"ALTER TABLE deal ADD COLUMN practice TEXT;"
	"ALTER TABLE deal ADD COLUMN originator_id INTEGER "
	"    REFERENCES contact(id) ON DELETE SET NULL;"
	"ALTER TABLE deal ADD COLUMN responsible_id INTEGER "
	"    REFERENCES contact(id) ON DELETE SET NULL;"
	"ALTER TABLE deal ADD COLUMN next_step TEXT;"
	"ALTER TABLE deal ADD COLUMN stage_since INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE deal ADD COLUMN touched INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE deal ADD COLUMN closed_at INTEGER;"
	"ALTER TABLE deal ADD COLUMN reason TEXT;"
	"UPDATE deal SET title_fold = lower(title), stage_since = created,"
	"    touched = updated;"
	"CREATE INDEX deal_by_stage ON deal(stage_id, currency, value_cents);"
	"CREATE INDEX deal_by_touch ON deal(stage_id, touched);"
	"CREATE INDEX deal_by_closed ON deal(closed_at, stage_id, currency, "
	"    value_cents, created) WHERE closed_at IS NOT NULL;"
	"CREATE INDEX deal_by_created ON deal(created);"
	"CREATE INDEX deal_touch_by_id ON deal(id, stage_id, touched, "
	"    currency);"
	"CREATE INDEX deal_by_ref ON deal(ref) WHERE ref IS NOT NULL;"
	"CREATE INDEX deal_by_org ON deal(org_id) WHERE org_id IS NOT NULL;"
	"ALTER TABLE interaction ADD COLUMN deal_id INTEGER "
	"    REFERENCES deal(id) ON DELETE SET NULL;"
	"CREATE INDEX interaction_by_deal ON interaction(deal_id, at) "
	"    WHERE deal_id IS NOT NULL;"
	"CREATE INDEX followup_by_deal ON followup(deal_id, due) "
	"    WHERE deal_id IS NOT NULL;"
	/* The pipeline's overdue deals, without reading a follow-up row. */
	"CREATE INDEX followup_deal_pending ON followup(due, deal_id, done_at) "
	"    WHERE done_at IS NULL AND deal_id IS NOT NULL;"
	"ALTER TABLE followup ADD COLUMN due_time TEXT;",
	/*
	 * 6: what address books hold beyond names, numbers and addresses:
	 * the department within the organisation; dated events other than
	 * the birthday (an anniversary, "client since"), indexed by month
	 * and day like birthdays so that key dates are found without a
	 * scan; instant-messaging handles; the vCard properties kith has no
	 * field for, one unfolded line each, so a card goes back out as it
	 * came in; and the contact's vCard UID, which names its file in a
	 * vdir and matches it on the next import.
	 */
	"ALTER TABLE contact ADD COLUMN department TEXT;"
	"ALTER TABLE contact ADD COLUMN uid TEXT;"
	"CREATE UNIQUE INDEX contact_by_uid ON contact(uid) "
	"    WHERE uid IS NOT NULL;"
	"CREATE INDEX contact_by_birthday ON contact(substr(birthday, -5)) "
	"    WHERE birthday IS NOT NULL;"
	"CREATE TABLE contact_date ("
	"	id		INTEGER PRIMARY KEY,"
	"	contact_id	INTEGER NOT NULL REFERENCES contact(id)"
	"			    ON DELETE CASCADE,"
	"	pos		INTEGER NOT NULL,"
	"	label		TEXT NOT NULL,"
	"	date		TEXT NOT NULL"
	");"
	"CREATE INDEX contact_date_by_contact ON contact_date(contact_id, pos);"
	"CREATE INDEX contact_date_by_day ON contact_date(substr(date, -5));"
	"CREATE TABLE im ("
	"	id		INTEGER PRIMARY KEY,"
	"	contact_id	INTEGER NOT NULL REFERENCES contact(id)"
	"			    ON DELETE CASCADE,"
	"	pos		INTEGER NOT NULL,"
	"	service		TEXT,"
	"	handle		TEXT NOT NULL,"
	"	label		TEXT"
	");"
	"CREATE INDEX im_by_contact ON im(contact_id, pos);"
	"CREATE TABLE vcard_prop ("
	"	id		INTEGER PRIMARY KEY,"
	"	contact_id	INTEGER NOT NULL REFERENCES contact(id)"
	"			    ON DELETE CASCADE,"
	"	pos		INTEGER NOT NULL,"
	"	line		TEXT NOT NULL"
	");"
	"CREATE INDEX vcard_prop_by_contact ON vcard_prop(contact_id, pos);",
	/*
	 * 7: keep-in-touch cadence, relationship strength and the daily
	 * review (cadence.c, touch.c, strength.c, keydate.c, review.c).
	 * A tag may carry a cadence (ideal and maximum days); a contact its
	 * own maximum, an explicit "off" and a manual strength.  The
	 * touch_* and cadence summary columns are derived, kept current on
	 * every write by touch_refresh() so that kith review reads due and
	 * overdue contacts, cooling ones and birthdays off partial indexes
	 * instead of the interaction history: the last and first day
	 * touched, the count, the kind-weighted count, the touches they
	 * and we started, the median gap in days, the day they turn cold
	 * (last + 2 x median gap), the effective cadence, the day it began
	 * and its due and overdue days.  An interaction may say who started
	 * it.  review_decision keeps what the user decided about an item of
	 * a day's review, so a review can be left and resumed.
	 */
	"ALTER TABLE tag ADD COLUMN cadence_days INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE tag ADD COLUMN cadence_max INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN cadence_max INTEGER NOT NULL "
	"    DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN cadence_off INTEGER NOT NULL "
	"    DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN cadence_snoozed TEXT;"
	"ALTER TABLE contact ADD COLUMN cadence_snoozes INTEGER NOT NULL "
	"    DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN strength_set INTEGER "
	"    CHECK (strength_set BETWEEN 0 AND 100);"
	"ALTER TABLE contact ADD COLUMN touch_last TEXT;"
	"ALTER TABLE contact ADD COLUMN touch_first TEXT;"
	"ALTER TABLE contact ADD COLUMN touch_n INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN touch_w INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN touch_in INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN touch_out INTEGER NOT NULL "
	"    DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN touch_gap INTEGER;"
	"ALTER TABLE contact ADD COLUMN cool_on TEXT;"
	"ALTER TABLE contact ADD COLUMN cad_ideal INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN cad_max INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE contact ADD COLUMN cadence_since TEXT;"
	"ALTER TABLE contact ADD COLUMN due_on TEXT;"
	"ALTER TABLE contact ADD COLUMN overdue_on TEXT;"
	"ALTER TABLE interaction ADD COLUMN direction TEXT "
	"    CHECK (direction IN ('in', 'out'));"
	"UPDATE contact SET touch_last = t.l, touch_first = t.f, "
	"    touch_n = t.n, touch_w = t.w FROM (SELECT ic.contact_id AS id, "
	"    max(substr(ic.at, 1, 10)) AS l, min(substr(ic.at, 1, 10)) AS f, "
	"    count(*) AS n, sum(CASE i.kind WHEN 'meeting' THEN 3 "
	"    WHEN 'event' THEN 2 WHEN 'call' THEN 2 ELSE 1 END) AS w "
	"    FROM interaction_contact ic JOIN interaction i ON "
	"    i.id = ic.interaction_id WHERE i.kind <> 'note' "
	"    GROUP BY ic.contact_id) AS t WHERE contact.id = t.id;"
	"UPDATE contact SET touch_gap = max(1, (julianday(touch_last) - "
	"    julianday(touch_first)) / (touch_n - 1)) WHERE touch_n > 1;"
	"UPDATE contact SET cool_on = date(touch_last, '+' || "
	"    (2 * touch_gap) || ' days') WHERE touch_gap IS NOT NULL;"
	"UPDATE contact SET cad_ideal = cadence_days, cad_max = "
	"    cadence_days * 3 / 2, cadence_since = date(created, "
	"    'unixepoch', 'localtime') WHERE cadence_days > 0;"
	"UPDATE contact SET due_on = max(coalesce(date(touch_last, '+' || "
	"    cad_ideal || ' days'), ''), date(cadence_since, '+' || "
	"    (1 + id % cad_ideal) || ' days')) WHERE cad_ideal > 0;"
	"UPDATE contact SET overdue_on = date(due_on, '+' || "
	"    (cad_max - cad_ideal) || ' days') WHERE due_on IS NOT NULL;"
	"CREATE INDEX contact_by_due ON contact(due_on, id) "
	"    WHERE due_on IS NOT NULL;"
	"CREATE INDEX contact_by_cool ON contact(cool_on, id) "
	"    WHERE cool_on IS NOT NULL;"
	/* Replaces version 6's index of birthdays by one with the id. */
	"DROP INDEX IF EXISTS contact_by_birthday;"
	"CREATE INDEX contact_by_bday ON contact(substr(birthday, -5), id) "
	"    WHERE birthday IS NOT NULL;"
	"CREATE INDEX tag_by_cadence ON tag(id) WHERE cadence_days > 0;"
	"CREATE TABLE review_decision ("
	"	day		TEXT NOT NULL,"
	"	item		TEXT NOT NULL,"
	"	decision	TEXT NOT NULL CHECK (decision IN "
	"			    ('done', 'snooze', 'reschedule', 'drop')),"
	"	note		TEXT,"
	"	at		INTEGER NOT NULL,"
	"	PRIMARY KEY (day, item)"
	") WITHOUT ROWID;",
	/*
	 * 8: the loose name matcher and duplicates (match.c, alias.c,
	 * dupes.c).  Contacts and organisations keep any number of aliases
	 * (maiden, former, trading names), looked up by their folded form;
	 * an organisation's and an alias's match_key (match_org_key) is the
	 * name without legal suffix, "The" and punctuation, so firms are
	 * found by it through an index.  A pair of contacts marked "not the
	 * same person" is never proposed as duplicates again.  The search
	 * index gains a keys column: the transliteration keys of the name
	 * words and the family name's sounds-alike key, so that "alexei"
	 * finds Алексей through the index (migrate() rebuilds it and fills
	 * the organisations' keys).
	 */
	"CREATE TABLE contact_alias ("
	"	id		INTEGER PRIMARY KEY,"
	"	contact_id	INTEGER NOT NULL REFERENCES contact(id)"
	"			    ON DELETE CASCADE,"
	"	name		TEXT NOT NULL,"
	"	name_fold	TEXT NOT NULL,"
	"	created		INTEGER NOT NULL,"
	"	UNIQUE (contact_id, name_fold)"
	");"
	"CREATE INDEX contact_alias_by_fold ON contact_alias(name_fold);"
	"ALTER TABLE org ADD COLUMN match_key TEXT NOT NULL DEFAULT '';"
	"CREATE INDEX org_by_key ON org(match_key);"
	"CREATE TABLE org_alias ("
	"	id		INTEGER PRIMARY KEY,"
	"	org_id		INTEGER NOT NULL REFERENCES org(id)"
	"			    ON DELETE CASCADE,"
	"	name		TEXT NOT NULL,"
	"	name_fold	TEXT NOT NULL,"
	"	match_key	TEXT NOT NULL,"
	"	created		INTEGER NOT NULL,"
	"	UNIQUE (org_id, name_fold)"
	");"
	"CREATE INDEX org_alias_by_fold ON org_alias(name_fold);"
	"CREATE INDEX org_alias_by_key ON org_alias(match_key);"
	"CREATE TABLE not_dupe ("
	"	a		INTEGER NOT NULL REFERENCES contact(id)"
	"			    ON DELETE CASCADE,"
	"	b		INTEGER NOT NULL REFERENCES contact(id)"
	"			    ON DELETE CASCADE,"
	"	created		INTEGER NOT NULL,"
	"	PRIMARY KEY (a, b),"
	"	CHECK (a < b)"
	") WITHOUT ROWID;"
	"CREATE INDEX not_dupe_by_b ON not_dupe(b);"
	"DROP TABLE contact_fts;"
	"CREATE VIRTUAL TABLE contact_fts USING fts5("
	"	name, org, email, phone, tag, note, keys,"
	"	prefix = '2 3',"
	"	tokenize = 'unicode61 remove_diacritics 2'"
	");",
	/*
	 * 9: conflict checks (conflict.c).  The relationship kinds a
	 * conflict follows between people; links between organisations
	 * (org_relation: "Beta LLC is subsidiary of Acme"), user data that
	 * kith undo covers; and the record of every check: when, by whom,
	 * the terms and their variants, every hit, and the dispositions
	 * added afterwards.  The record is only ever added to: triggers
	 * refuse to change or delete its rows.
	 */
	"INSERT OR IGNORE INTO rel_kind (name, inverse) VALUES"
	"	('officer of', 'has officer'), ('director of', 'has director'),"
	"	('employee of', 'employer of'),"
	"	('former employee of', 'former employer of'),"
	"	('subsidiary of', 'parent company of');"
	"CREATE TABLE org_relation ("
	"	id		INTEGER PRIMARY KEY,"
	"	a		INTEGER NOT NULL REFERENCES org(id) ON DELETE CASCADE,"
	"	b		INTEGER NOT NULL REFERENCES org(id) ON DELETE CASCADE,"
	"	kind		TEXT NOT NULL CHECK (kind IN ('subsidiary of',"
	"			    'affiliate of', 'former name of')),"
	"	created		INTEGER NOT NULL,"
	"	UNIQUE (a, b, kind),"
	"	CHECK (a <> b)"
	");"
	"CREATE INDEX org_relation_by_b ON org_relation(b);"
	"CREATE TABLE conflict_check ("
	"	id		INTEGER PRIMARY KEY,"
	"	at		INTEGER NOT NULL,"	/* UTC, epoch seconds */
	"	user		TEXT NOT NULL,"
	"	matter		TEXT,"
	"	terms		TEXT NOT NULL,"		/* one per line */
	"	variants	TEXT NOT NULL,"		/* one per line */
	"	depth		INTEGER NOT NULL"
	");"
	"CREATE TABLE conflict_hit ("
	"	check_id	INTEGER NOT NULL REFERENCES conflict_check(id),"
	"	pos		INTEGER NOT NULL,"
	"	term		TEXT NOT NULL,"
	"	rule		TEXT NOT NULL,"
	"	kind		TEXT NOT NULL,"
	"	ref_id		INTEGER,"	/* no key: the record outlives it */
	"	name		TEXT NOT NULL,"
	"	role		TEXT NOT NULL,"
	"	matter		TEXT,"
	"	chain		TEXT NOT NULL,"
	"	strength	REAL NOT NULL,"
	"	PRIMARY KEY (check_id, pos)"
	") WITHOUT ROWID;"
	"CREATE TABLE conflict_decision ("
	"	id		INTEGER PRIMARY KEY,"
	"	check_id	INTEGER NOT NULL REFERENCES conflict_check(id),"
	"	at		INTEGER NOT NULL,"
	"	disposition	TEXT NOT NULL CHECK (disposition IN ('clear',"
	"			    'waivable-pending', 'waivable-obtained',"
	"			    'declined')),"
	"	waiver		TEXT,"
	"	reviewer	TEXT NOT NULL"
	");"
	"CREATE INDEX conflict_decision_by_check ON "
	"    conflict_decision(check_id, id);"
	"CREATE TRIGGER conflict_check_keep_u BEFORE UPDATE ON conflict_check "
	"    BEGIN SELECT RAISE(ABORT, 'a conflict check is a record: it is "
	"never changed'); END;"
	"CREATE TRIGGER conflict_check_keep_d BEFORE DELETE ON conflict_check "
	"    BEGIN SELECT RAISE(ABORT, 'a conflict check is a record: it is "
	"never deleted'); END;"
	"CREATE TRIGGER conflict_hit_keep_u BEFORE UPDATE ON conflict_hit "
	"    BEGIN SELECT RAISE(ABORT, 'a conflict check is a record: it is "
	"never changed'); END;"
	"CREATE TRIGGER conflict_hit_keep_d BEFORE DELETE ON conflict_hit "
	"    BEGIN SELECT RAISE(ABORT, 'a conflict check is a record: it is "
	"never deleted'); END;"
	"CREATE TRIGGER conflict_decision_keep_u BEFORE UPDATE ON "
	"    conflict_decision BEGIN SELECT RAISE(ABORT, 'a disposition is "
	"never changed: decide again to add another'); END;"
	"CREATE TRIGGER conflict_decision_keep_d BEFORE DELETE ON "
	"    conflict_decision BEGIN SELECT RAISE(ABORT, 'a disposition is "
	"never deleted'); END;",

	/*
	 * 10: the daily review reads its due cadences from the index alone.
	 * contact_by_due also holds what the review scores a cadence by
	 * (its dates, the touch summaries, the manual strength, the name),
	 * so a book with tens of thousands of due cadences is read as one
	 * range of the index, not one scattered table page a contact
	 * (tests/bench/bench_review.sh).  Still only the contacts with a
	 * cadence, in (due_on, id) order as before.
	 */
	"DROP INDEX contact_by_due;"
	"CREATE INDEX contact_by_due ON contact(due_on, id, archived, "
	"    overdue_on, cadence_snoozes, cad_ideal, touch_first, touch_last, "
	"    touch_n, touch_w, touch_in, touch_out, strength_set, display) "
	"    WHERE due_on IS NOT NULL;",

	/*
	 * 11: the review lists what is owed from indexes alone, at a million
	 * contacts one range each rather than a table page an item.
	 * contact_by_bday also holds the stored date (its year gives the
	 * age and says whether the date is valid) and whether the contact
	 * is archived; followup_pending the follow-up's contact and deal (and
	 * done_at, always NULL there, for SQLite to see it covers).
	 * contact_by_org_touch orders an organisation's people by last
	 * touch, so "a colleague was called 3 days ago" reads the few
	 * colleagues touched lately, not the thousands at a big firm.
	 * contact_by_due goes back to what the listing reads (version 10's
	 * copy of the touch summaries made each entry four times longer;
	 * the review now reads them only for the few it looks up).
	 */
	"DROP INDEX contact_by_bday;"
	"CREATE INDEX contact_by_bday ON contact(substr(birthday, -5), "
	"    birthday, archived) WHERE birthday IS NOT NULL;"
	"DROP INDEX followup_pending;"
	"CREATE INDEX followup_pending ON followup(due, id, contact_id, "
	"    deal_id, done_at) WHERE done_at IS NULL;"
	"CREATE INDEX contact_by_org_touch ON contact(org_id, touch_last) "
	"    WHERE touch_last IS NOT NULL;"
	"DROP INDEX contact_by_due;"
	"CREATE INDEX contact_by_due ON contact(due_on, id, archived, "
	"    overdue_on, cadence_snoozes) WHERE due_on IS NOT NULL;",

	/*
	 * 12: a conflict check finds the deals whose title names a party,
	 * and the organisations with the party's words in their name,
	 * through indexes of their words rather than by reading every title
	 * and name (tests/bench/bench_path.sh: 100,000 titles were 40 ms of
	 * each check).  Two FTS5 tables over the folded forms, whose text
	 * stays in deal and org (external content, no column sizes: only
	 * MATCH and rowid are read), kept by triggers, so that every writer,
	 * an import and kith undo alike, keeps them in step.
	 */
	"CREATE VIRTUAL TABLE deal_title_fts USING fts5(title_fold, "
	"    content = 'deal', content_rowid = 'id', columnsize = 0);"
	"CREATE TRIGGER deal_title_fts_ai AFTER INSERT ON deal BEGIN "
	"    INSERT INTO deal_title_fts (rowid, title_fold) VALUES "
	"    (new.id, new.title_fold); END;"
	"CREATE TRIGGER deal_title_fts_ad AFTER DELETE ON deal BEGIN "
	"    INSERT INTO deal_title_fts (deal_title_fts, rowid, title_fold) "
	"    VALUES ('delete', old.id, old.title_fold); END;"
	"CREATE TRIGGER deal_title_fts_au AFTER UPDATE OF id, title_fold ON "
	"    deal BEGIN "
	"    INSERT INTO deal_title_fts (deal_title_fts, rowid, title_fold) "
	"    VALUES ('delete', old.id, old.title_fold); "
	"    INSERT INTO deal_title_fts (rowid, title_fold) VALUES "
	"    (new.id, new.title_fold); END;"
	"INSERT INTO deal_title_fts (deal_title_fts) VALUES ('rebuild');"
	"CREATE VIRTUAL TABLE org_name_fts USING fts5(name_fold, "
	"    content = 'org', content_rowid = 'id', columnsize = 0);"
	"CREATE TRIGGER org_name_fts_ai AFTER INSERT ON org BEGIN "
	"    INSERT INTO org_name_fts (rowid, name_fold) VALUES "
	"    (new.id, new.name_fold); END;"
	"CREATE TRIGGER org_name_fts_ad AFTER DELETE ON org BEGIN "
	"    INSERT INTO org_name_fts (org_name_fts, rowid, name_fold) "
	"    VALUES ('delete', old.id, old.name_fold); END;"
	"CREATE TRIGGER org_name_fts_au AFTER UPDATE OF id, name_fold ON org "
	"    BEGIN "
	"    INSERT INTO org_name_fts (org_name_fts, rowid, name_fold) "
	"    VALUES ('delete', old.id, old.name_fold); "
	"    INSERT INTO org_name_fts (rowid, name_fold) VALUES "
	"    (new.id, new.name_fold); END;"
	"INSERT INTO org_name_fts (org_name_fts) VALUES ('rebuild');",
};

/*
 * The schema version whose step added the matcher's keys to the search
 * index and to the organisations: a database from before it has them
 * filled in by migrate().  (The step is the last one for now.)
 */
#define MATCH_KEYS_VERSION	8

_Static_assert(sizeof steps / sizeof steps[0] == KITH_SCHEMA_VERSION - 1,
    "one migration step per schema version after the first");

/*
 * Brings the schema to KITH_SCHEMA_VERSION.  Version 0 with no tables is a
 * new file, which gets schema.sql (version 1); then every step past the
 * file's version runs, all in one transaction.
 */
static enum kith_status
migrate(struct kith_db *db, struct kith_err *err)
{
	struct kith_err		 e2 = { 0 };
	enum kith_status	 st;
	char			 sql[128];
	const char		*loc;
	int			 app, version, tables, from;

	if ((app = pragma_int(db, "PRAGMA application_id")) == -1 ||
	    (version = pragma_int(db, "PRAGMA user_version")) == -1)
		return db_fail(db, err, "reading the database");
	if (app != KITH_APP_ID && app != 0)
		return kith_err_set(err, KITH_NOTDB, "%s: not a kith database "
		    "(a SQLite file of another program); it was left untouched",
		    db->path);
	if (version > KITH_SCHEMA_VERSION)
		return kith_err_set(err, KITH_TOONEW, "%s: schema version %d "
		    "was written by a newer kith (this one knows up to %d); "
		    "upgrade kith to open it", db->path, version,
		    KITH_SCHEMA_VERSION);
	if (version == KITH_SCHEMA_VERSION)
		return KITH_OK;
	if (db->readonly)
		return kith_err_set(err, KITH_IO, "%s: %s, and it is "
		    READONLY_WHY "; make them writable so that kith can set "
		    "it up", db->path,
		    version == 0 ? "a new, empty database" :
		    "written by an older kith");

	/* The book as it was, in case the upgrade goes wrong (backup.h). */
	if (version > 0 && (st = backup_auto(db, "before-upgrade", NULL, &e2))
	    != KITH_OK)
		return kith_err_set(err, st, "%s: not upgraded, as the backup "
		    "before it failed: %s", db->path, e2.msg);
	if ((st = kith_db_begin(db, err)) != KITH_OK)
		return st;
	/* Read again inside the write lock: another process may have won. */
	if ((version = pragma_int(db, "PRAGMA user_version")) == -1 ||
	    (tables = pragma_int(db, "SELECT count(*) FROM sqlite_schema"))
	    == -1) {
		st = db_fail(db, err, "reading the database");
		goto fail;
	}
	if (version == KITH_SCHEMA_VERSION) {
		kith_db_rollback(db);
		return KITH_OK;
	}
	if (version == 0 && app == 0 && tables != 0) {
		kith_db_rollback(db);
		return kith_err_set(err, KITH_NOTDB, "%s: not a kith database "
		    "(a SQLite file with other tables); it was left untouched",
		    db->path);
	}
	from = version;
	if (version == 0) {
		if ((st = db_exec(db, kith_schema_sql, err)) != KITH_OK)
			goto fail;
		/* The collation follows the locale kith first ran in. */
		loc = getenv("KITH_COLLATION");
		if (str_empty(loc))
			loc = env_collation();
		sqlite3_stmt *ins = db_stmt(db, "INSERT INTO meta (key, value) "
		    "VALUES ('collation', ?1)", err);
		if (ins == NULL) {
			st = KITH_DB;
			goto fail;
		}
		db_bind_text(ins, 1, loc);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			st = db_fail(db, err, "creating the database");
			goto fail;
		}
		version = 1;
	}
	if (version < 2) {
		/* Phone numbers are normalised under the region of the user. */
		char region[8];

		env_region(region);
		sqlite3_stmt *ins = db_stmt(db, "INSERT OR IGNORE INTO meta "
		    "(key, value) VALUES ('region', ?1)", err);
		if (ins == NULL) {
			st = KITH_DB;
			goto fail;
		}
		sqlite3_bind_text(ins, 1, region, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(ins) != SQLITE_DONE) {
			st = db_fail(db, err, "creating the database");
			goto fail;
		}
	}
	for (; version < KITH_SCHEMA_VERSION; version++) {
		if (db_exec(db, steps[version - 1], NULL) != KITH_OK) {
			st = kith_err_set(err, KITH_DB, "%s: upgrading the "
			    "schema to version %d failed: %s", db->path,
			    version + 1, sqlite3_errmsg(db->sql));
			goto fail;
		}
	}
	/*
	 * Search entries written before version 4 lack the phone forms
	 * without country code and the given/family name words; before
	 * MATCH_KEYS_VERSION, the matcher's keys.
	 */
	if (from > 0 && from < MATCH_KEYS_VERSION &&
	    ((st = load_settings(db, err)) != KITH_OK ||
	    (st = search_rebuild(db, err)) != KITH_OK ||
	    (st = db_exec(db, "UPDATE org SET match_key = kith_org_key(name)",
	    err)) != KITH_OK))
		goto fail;
	snprintf(sql, sizeof sql, "PRAGMA application_id = %d; "
	    "PRAGMA user_version = %d", KITH_APP_ID, KITH_SCHEMA_VERSION);
	if ((st = db_exec(db, sql, err)) != KITH_OK)
		goto fail;
	return kith_db_commit(db, err);
fail:
	kith_db_rollback(db);
	return st;
}
