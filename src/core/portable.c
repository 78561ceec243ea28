/* SPDX-License-Identifier: MIT */
/*
 * The book as one JSON file (portable.h), written and read by SQLite's
 * own JSON functions: each row is json_object() of its columns, and a
 * load inserts each table from json_each() over the file in one
 * statement.  The tables and their columns are read from the schema, so
 * a table a later version adds travels without a change here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kith/db.h"
#include "kith/portable.h"
#include "kith/search.h"
#include "kith/util.h"
#include "internal.h"

#define PORTABLE_FORMAT	1

/* Tables that do not travel: the journal is one machine's undo history. */
static const char *const skipped[] = { "journal" };

struct table {
	char	*name;
	int	 rowid;		/* a rowid table (ordered by it) */
};

static enum kith_status	list_tables(struct kith_db *, struct table **,
			    size_t *, struct kith_err *);
static void		 free_tables(struct table *, size_t);
static char		*columns_sql(struct kith_db *, const char *, int,
			    struct kith_err *);
static enum kith_status	export_table(struct kith_db *, FILE *,
			    const struct table *, int, long *,
			    struct kith_err *);
static enum kith_status	check_empty(struct kith_db *, struct kith_err *);
static enum kith_status	load(struct kith_db *, const char *, long *,
			    struct kith_err *);
static void		 unhex(sqlite3_context *, int, sqlite3_value **);
static char		*quote_id(const char *);

/* "name" with its double quotes doubled. */
static char *
quote_id(const char *s)
{
	struct sbuf	sb = { 0 };

	sbuf_addc(&sb, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"')
			sbuf_addc(&sb, '"');
		sbuf_addc(&sb, *s);
	}
	sbuf_addc(&sb, '"');
	return sbuf_detach(&sb);
}

/* The tables that travel, in the order of the schema. */
static enum kith_status
list_tables(struct kith_db *db, struct table **out, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct table	*v = NULL;
	const char	*name;
	size_t		 i, cnt = 0;
	int		 rc, skip;

	*out = NULL;
	*n = 0;
	/* Ordinary tables only: not virtual ones, nor their shadows. */
	if ((stmt = db_stmt(db, "SELECT s.name, NOT l.wr FROM sqlite_schema s "
	    "JOIN pragma_table_list l ON l.name = s.name AND "
	    "l.schema = 'main' WHERE s.type = 'table' AND l.type = 'table' "
	    "AND s.name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY s.rowid",
	    err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(stmt, 0);
		for (i = 0, skip = 0; i < sizeof skipped / sizeof skipped[0];
		    i++)
			skip |= strcmp(name, skipped[i]) == 0;
		if (skip)
			continue;
		v = xreallocarray(v, cnt + 1, sizeof *v);
		v[cnt].name = xstrdup(name);
		v[cnt].rowid = sqlite3_column_int(stmt, 1);
		cnt++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free_tables(v, cnt);
		return db_fail(db, err, "listing the tables");
	}
	*out = v;
	*n = cnt;
	return KITH_OK;
}

static void
free_tables(struct table *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/*
 * For export (load 0): "json_object('a', a, 'b', CASE WHEN typeof(b) =
 * 'blob' THEN json_object('blob', hex(b)) ELSE b END, ...)"; for a load
 * (load 1): the column list, then ") SELECT " and the values taken from
 * each json_each() row, a {"blob": HEX} object decoded.
 */
static char *
columns_sql(struct kith_db *db, const char *table, int load,
    struct kith_err *err)
{
	struct sbuf	 cols = { 0 }, vals = { 0 };
	sqlite3_stmt	*stmt;
	const char	*name;
	char		*q, *lit;
	int		 rc, n = 0;

	if ((stmt = db_stmt(db, "SELECT name FROM pragma_table_info(?1) "
	    "ORDER BY cid", err)) == NULL)
		return NULL;
	sqlite3_bind_text(stmt, 1, table, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(stmt, 0);
		q = quote_id(name);
		lit = sqlite3_mprintf("%Q", name);
		if (!load)
			sbuf_printf(&cols, "%s%s, CASE WHEN typeof(%s) = "
			    "'blob' THEN json_object('blob', hex(%s)) ELSE %s "
			    "END", n ? ", " : "json_object(", lit, q, q, q);
		else {
			sbuf_printf(&cols, "%s%s", n ? ", " : "", q);
			/* '$."name"': any column name is a label. */
			sbuf_printf(&vals, "%sCASE WHEN json_type(value, "
			    "'$.\"' || %s || '\"') = 'object' THEN "
			    "kith_unhex(json_extract(value, '$.\"' || %s || "
			    "'\".blob')) ELSE json_extract(value, '$.\"' || "
			    "%s || '\"') END", n ? ", " : "", lit, lit, lit);
		}
		sqlite3_free(lit);
		free(q);
		n++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE || n == 0) {
		if (rc != SQLITE_DONE)
			db_fail(db, err, "reading a table's columns");
		else
			kith_err_set(err, KITH_DB, "table %s has no columns",
			    table);
		sbuf_free(&cols);
		sbuf_free(&vals);
		return NULL;
	}
	if (!load) {
		sbuf_addc(&cols, ')');
		return sbuf_detach(&cols);
	}
	sbuf_printf(&cols, ") SELECT %s", vals.s);
	sbuf_free(&vals);
	return sbuf_detach(&cols);
}

/* One table: its name, then its rows, one a line. */
static enum kith_status
export_table(struct kith_db *db, FILE *fp, const struct table *t, int first,
    long *rows, struct kith_err *err)
{
	sqlite3_stmt	*stmt = NULL;
	char		*obj, *q, *sql;
	long		 n = 0;
	int		 rc;

	if ((obj = columns_sql(db, t->name, 0, err)) == NULL)
		return KITH_DB;
	q = quote_id(t->name);
	sql = xasprintf("SELECT %s FROM %s%s", obj, q,
	    t->rowid ? " ORDER BY rowid" : "");
	free(obj);
	free(q);
	/* Built per table: prepared here, not through the statement cache. */
	rc = sqlite3_prepare_v2(kith_db_sqlite(db), sql, -1, &stmt, NULL);
	free(sql);
	if (rc != SQLITE_OK)
		return db_fail(db, err, "exporting a table");
	/* A JSON string of the table's name: its letters need no escape. */
	fprintf(fp, "%s\n    \"%s\": [", first ? "" : ",", t->name);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		fprintf(fp, "%s\n      %s", n ? "," : "",
		    (const char *)sqlite3_column_text(stmt, 0));
		n++;
	}
	sqlite3_finalize(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "exporting a table");
	fputs(n ? "\n    ]" : "]", fp);
	*rows += n;
	return KITH_OK;
}

enum kith_status
portable_export(struct kith_db *db, FILE *fp, long *rows,
    struct kith_err *err)
{
	struct table	*t = NULL;
	enum kith_status st;
	size_t		 n = 0, i;
	char		 stamp[32];
	time_t		 now = kith_db_now(db);
	struct tm	 tm;

	*rows = 0;
	/* One read snapshot from the first table to the last. */
	if ((st = db_exec(db, "BEGIN", err)) != KITH_OK)
		return st;
	if ((st = list_tables(db, &t, &n, err)) != KITH_OK)
		goto out;
	gmtime_r(&now, &tm);
	strftime(stamp, sizeof stamp, "%Y-%m-%dT%H:%M:%SZ", &tm);
	fprintf(fp, "{\n  \"kith\": {\"format\": %d, \"schema\": %d, "
	    "\"exported\": \"%s\"},\n  \"tables\": {", PORTABLE_FORMAT,
	    KITH_SCHEMA_VERSION, stamp);
	for (i = 0; i < n; i++)
		if ((st = export_table(db, fp, &t[i], i == 0, rows, err))
		    != KITH_OK)
			goto out;
	fputs("\n  }\n}\n", fp);
	if (ferror(fp))
		st = kith_err_set(err, KITH_IO, "writing the export failed");
out:
	db_exec(db, "COMMIT", NULL);
	free_tables(t, n);
	return st;
}

int
portable_sniff(const char *head, size_t len)
{
	size_t	i = 0;

	while (i < len && strchr(" \t\r\n", head[i]) != NULL)
		i++;
	if (i >= len || head[i] != '{')
		return 0;
	for (; i + 6 <= len; i++)
		if (memcmp(head + i, "\"kith\"", 6) == 0)
			return 1;
	return 0;
}

/* kith_unhex(TEXT): the BLOB a hex string spells; NULL if it spells none. */
static void
unhex(sqlite3_context *ctx, int argc, sqlite3_value **argv)
{
	const unsigned char	*s;
	unsigned char		*b;
	size_t			 len, i;
	int			 hi, lo;

	(void)argc;
	s = sqlite3_value_text(argv[0]);
	len = (size_t)sqlite3_value_bytes(argv[0]);
	if (s == NULL || len % 2 != 0) {
		sqlite3_result_null(ctx);
		return;
	}
	b = xmalloc(len / 2 + 1);
	for (i = 0; i < len / 2; i++) {
#define HEXV(c) ((c) >= '0' && (c) <= '9' ? (c) - '0' :			\
	    (c) >= 'A' && (c) <= 'F' ? (c) - 'A' + 10 :			\
	    (c) >= 'a' && (c) <= 'f' ? (c) - 'a' + 10 : -1)
		hi = HEXV(s[2 * i]);
		lo = HEXV(s[2 * i + 1]);
#undef HEXV
		if (hi < 0 || lo < 0) {
			free(b);
			sqlite3_result_null(ctx);
			return;
		}
		b[i] = (unsigned char)(hi << 4 | lo);
	}
	sqlite3_result_blob(ctx, b, (int)(len / 2), free);
}

/* Nothing of the user's may be overwritten by a load. */
static enum kith_status
check_empty(struct kith_db *db, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 any;

	if ((stmt = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM contact) OR "
	    "EXISTS (SELECT 1 FROM org) OR EXISTS (SELECT 1 FROM interaction) "
	    "OR EXISTS (SELECT 1 FROM followup) OR EXISTS (SELECT 1 FROM deal)",
	    err)) == NULL)
		return KITH_DB;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return db_fail(db, err, "reading the book");
	}
	any = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (any)
		return kith_err_set(err, KITH_EXISTS, "%s is not empty: a "
		    "JSON export loads into a new book only (kith init PATH "
		    "makes one)", kith_db_path(db));
	return KITH_OK;
}

/* The file's text, its header checked, then every table it holds. */
static enum kith_status
load(struct kith_db *db, const char *text, long *rows, struct kith_err *err)
{
	sqlite3		*sql = kith_db_sqlite(db);
	sqlite3_stmt	*stmt = NULL;
	struct table	*t = NULL;
	enum kith_status st;
	size_t		 n = 0, i;
	char		*cols = NULL, *q, *ins;
	int		 rc, format = 0, schema = 0, valid = 0;

	rc = sqlite3_prepare_v2(sql, "SELECT json_valid(?1), "
	    "json_extract(?1, '$.kith.format'), "
	    "json_extract(?1, '$.kith.schema')", -1, &stmt, NULL);
	if (rc != SQLITE_OK)
		return db_fail(db, err, "reading the export");
	sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		valid = sqlite3_column_int(stmt, 0);
		format = sqlite3_column_int(stmt, 1);
		schema = sqlite3_column_int(stmt, 2);
	}
	sqlite3_finalize(stmt);
	if (!valid)
		return kith_err_set(err, KITH_INVALID, "not valid JSON");
	if (format != PORTABLE_FORMAT)
		return kith_err_set(err, KITH_INVALID, "not a kith export "
		    "(no \"kith\": {\"format\": %d} header)", PORTABLE_FORMAT);
	if (schema != KITH_SCHEMA_VERSION)
		return kith_err_set(err, KITH_INVALID, "written by a kith "
		    "with schema version %d; this one has %d: load it with "
		    "the same version of kith", schema, KITH_SCHEMA_VERSION);
	if ((st = check_empty(db, err)) != KITH_OK)
		return st;
	if ((st = list_tables(db, &t, &n, err)) != KITH_OK)
		return st;
	if ((st = db_exec(db, "PRAGMA defer_foreign_keys = ON", err))
	    != KITH_OK)
		goto out;
	*rows = 0;
	for (i = 0; i < n; i++) {
		q = quote_id(t[i].name);
		/* The defaults a new book has (stages, kinds) make room. */
		ins = xasprintf("DELETE FROM %s", q);
		st = db_exec(db, ins, err);
		free(ins);
		if (st != KITH_OK) {
			free(q);
			goto out;
		}
		if ((cols = columns_sql(db, t[i].name, 1, err)) == NULL) {
			free(q);
			st = KITH_DB;
			goto out;
		}
		ins = xasprintf("INSERT INTO %s (%s FROM json_each(?1, "
		    "'$.tables.\"' || ?2 || '\"')", q, cols);
		free(q);
		free(cols);
		rc = sqlite3_prepare_v2(sql, ins, -1, &stmt, NULL);
		free(ins);
		if (rc != SQLITE_OK) {
			st = db_fail(db, err, "loading a table");
			goto out;
		}
		sqlite3_bind_text(stmt, 1, text, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, t[i].name, -1, SQLITE_STATIC);
		rc = sqlite3_step(stmt);
		sqlite3_finalize(stmt);
		if (rc != SQLITE_DONE) {
			st = kith_err_set(err, KITH_INVALID, "table %s: %s",
			    t[i].name, sqlite3_errmsg(sql));
			goto out;
		}
		*rows += sqlite3_changes(sql);
	}
	st = search_rebuild(db, err);
out:
	free_tables(t, n);
	return st;
}

enum kith_status
portable_import(struct kith_db *db, const char *path, long *rows,
    struct kith_err *err)
{
	enum kith_status st;
	struct sbuf	 sb = { 0 };
	char		 buf[65536];
	size_t		 got;
	FILE		*fp;

	*rows = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return kith_err_set(err, KITH_IO, "%s: cannot read it", path);
	while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
		sbuf_addn(&sb, buf, got);
	if (ferror(fp)) {
		fclose(fp);
		sbuf_free(&sb);
		return kith_err_set(err, KITH_IO, "%s: reading failed", path);
	}
	fclose(fp);
	if (sqlite3_create_function(kith_db_sqlite(db), "kith_unhex", 1,
	    SQLITE_UTF8 | SQLITE_DETERMINISTIC, NULL, unhex, NULL, NULL)
	    != SQLITE_OK) {
		sbuf_free(&sb);
		return db_fail(db, err, "loading the export");
	}
	/* Not a journal action: the book before it was empty. */
	kith_db_bulk(db, 1);
	if ((st = kith_db_begin(db, err)) == KITH_OK) {
		st = load(db, sb.s != NULL ? sb.s : "", rows, err);
		if (st == KITH_OK)
			st = kith_db_commit(db, err);
		else
			kith_db_rollback(db);
	}
	kith_db_bulk(db, 0);
	sbuf_free(&sb);
	if (st != KITH_OK && err != NULL && strncmp(err->msg, path,
	    strlen(path)) != 0) {
		char	msg[sizeof err->msg];

		snprintf(msg, sizeof msg, "%s", err->msg);
		kith_err_set(err, st, "%s: %s", path, msg);
	}
	return st;
}
