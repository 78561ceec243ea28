/* SPDX-License-Identifier: MIT */
/*
 * Relationships between contacts.  A link is stored once, as (a, b, kind);
 * relation_list() reads it from either side and picks the kind's name or
 * its inverse accordingly, so "assistant of" on one side is always
 * "has assistant" on the other.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/relation.h"
#include "kith/util.h"
#include "internal.h"

static enum kith_status	find_kind(struct kith_db *, const char *, int64_t *,
			    int *, struct kith_err *);
static enum kith_status	symmetric(struct kith_db *, int64_t, int *,
			    struct kith_err *);
static enum kith_status	unlink_row(struct kith_db *, int64_t,
			    struct kith_err *);
static enum kith_status	unknown_kind(struct kith_db *, const char *,
			    struct kith_err *);

/*
 * Finds kind by name or inverse; sets *reversed when it matched the
 * inverse of an asymmetric kind.  "NAME/INVERSE" creates the kind.
 */
/* A transaction of its own: one change for kith undo. */
enum kith_status
relation_unlink(struct kith_db *db, int64_t id, struct kith_err *err)
{
	DB_TRANSACTION(db, err, unlink_row(db, id, err));
}

static enum kith_status
find_kind(struct kith_db *db, const char *kind, int64_t *id, int *reversed,
    struct kith_err *err)
{
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	const char		*slash;
	char			*name = NULL, *inverse = NULL;
	int			 rc;

	*reversed = 0;
	if ((slash = strchr(kind, '/')) != NULL) {
		char *n = xstrndup(kind, (size_t)(slash - kind));

		st = db_clean_text(db, "relationship kind", n, &name, err);
		free(n);
		if (st == KITH_OK)
			st = db_clean_text(db, "relationship kind", slash + 1,
			    &inverse, err);
		if (st == KITH_OK && (name == NULL || inverse == NULL))
			st = kith_err_set(err, KITH_INVALID, "relationship "
			    "kind '%s': write a new kind as NAME/INVERSE, "
			    "e.g. 'godparent of/godchild of'", kind);
		if (st != KITH_OK)
			goto out;
		if ((stmt = db_stmt(db, "INSERT INTO rel_kind (name, inverse) "
		    "VALUES (?1, ?2) ON CONFLICT (name) DO UPDATE SET "
		    "name = name RETURNING id, inverse", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, inverse, -1, SQLITE_STATIC);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			*id = sqlite3_column_int64(stmt, 0);
			if (sqlite3_stricmp((const char *)
			    sqlite3_column_text(stmt, 1), inverse) != 0)
				st = kith_err_set(err, KITH_EXISTS,
				    "relationship kind '%s' exists already "
				    "with the inverse '%s'", name,
				    sqlite3_column_text(stmt, 1));
		} else
			st = db_fail(db, err, "saving a relationship kind");
		sqlite3_reset(stmt);
		goto out;
	}

	if ((stmt = db_stmt(db, "SELECT id, name = ?1 COLLATE NOCASE OR "
	    "name = inverse COLLATE NOCASE FROM rel_kind WHERE name = ?1 COLLATE NOCASE OR inverse = ?1 COLLATE "
	    "NOCASE ORDER BY 2 DESC LIMIT 1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, kind, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*id = sqlite3_column_int64(stmt, 0);
		/* Symmetric kinds answer 1 too: see relation_link(). */
		*reversed = sqlite3_column_int(stmt, 1) == 0;
		st = KITH_OK;
	} else if (rc != SQLITE_DONE)
		st = db_fail(db, err, "finding a relationship kind");
	/* Done with stmt before unknown_kind() compiles its own. */
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		st = unknown_kind(db, kind, err);
out:
	free(name);
	free(inverse);
	return st;
}

enum kith_status
relation_describe(struct kith_db *db, int64_t id, char **out,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*out = NULL;
	if ((stmt = db_stmt(db, "SELECT ca.display, r.a, k.name, cb.display, "
	    "r.b FROM relation r JOIN contact ca ON ca.id = r.a JOIN contact "
	    "cb ON cb.id = r.b JOIN rel_kind k ON k.id = r.kind_id WHERE "
	    "r.id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = xasprintf("%s (#%lld) %s %s (#%lld)",
		    (const char *)sqlite3_column_text(stmt, 0),
		    (long long)sqlite3_column_int64(stmt, 1),
		    (const char *)sqlite3_column_text(stmt, 2),
		    (const char *)sqlite3_column_text(stmt, 3),
		    (long long)sqlite3_column_int64(stmt, 4));
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND, "no relationship with "
		    "id %lld", (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading a relationship");
	return KITH_OK;
}

/* Sets *sym to whether kind_id is its own inverse ("spouse"). */
static enum kith_status
symmetric(struct kith_db *db, int64_t kind_id, int *sym,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*sym = 0;
	if ((stmt = db_stmt(db, "SELECT name = inverse COLLATE NOCASE FROM "
	    "rel_kind WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, kind_id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*sym = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading a relationship kind");
	return KITH_OK;
}

static enum kith_status
unknown_kind(struct kith_db *db, const char *kind, struct kith_err *err)
{
	struct relation_kind	*kinds;
	struct sbuf		 sb = { 0 };
	enum kith_status	 st;
	size_t			 n, i;

	if ((st = relation_kinds(db, &kinds, &n, err)) != KITH_OK)
		return st;
	for (i = 0; i < n; i++) {
		sbuf_printf(&sb, "%s%s", i ? ", " : "", kinds[i].name);
		if (strcmp(kinds[i].name, kinds[i].inverse) != 0)
			sbuf_printf(&sb, " (%s)", kinds[i].inverse);
	}
	relation_kinds_free(kinds, n);
	kith_err_set(err, KITH_NOTFOUND, "unknown relationship kind '%s'; "
	    "known kinds: %s; or define one as NAME/INVERSE", kind,
	    sb.s ? sb.s : "none");
	sbuf_free(&sb);
	return KITH_NOTFOUND;
}

enum kith_status
relation_link(struct kith_db *db, int64_t a, int64_t b, const char *kind,
    const char *note, int64_t *id, struct kith_err *err)
{
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	int64_t			 kind_id = 0, t;
	int			 reversed, sym, rc;
	char			*clean = NULL;

	if (a == b)
		return kith_err_set(err, KITH_INVALID,
		    "a contact cannot be linked to itself");
	if ((st = db_clean_text(db, "note", note, &clean, err)) != KITH_OK)
		return st;
	if ((st = kith_db_begin(db, err)) != KITH_OK)
		goto out;
	if ((st = find_kind(db, kind, &kind_id, &reversed, err)) != KITH_OK)
		goto fail;
	if (reversed) {
		t = a;
		a = b;
		b = t;
	}
	if ((st = symmetric(db, kind_id, &sym, err)) != KITH_OK)
		goto fail;
	if (sym && a > b) {
		/* One row per pair: "spouse" both ways is the same link. */
		t = a;
		a = b;
		b = t;
	}
	if ((stmt = db_stmt(db, "INSERT INTO relation (a, b, kind_id, note, "
	    "created) VALUES (?1, ?2, ?3, ?4, ?5)", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_int64(stmt, 1, a);
	sqlite3_bind_int64(stmt, 2, b);
	sqlite3_bind_int64(stmt, 3, kind_id);
	db_bind_text(stmt, 4, clean);
	sqlite3_bind_int64(stmt, 5, (int64_t)kith_db_now(db));
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_CONSTRAINT_UNIQUE) {
		st = kith_err_set(err, KITH_EXISTS,
		    "these two contacts are linked that way already");
		goto fail;
	}
	if (rc == SQLITE_CONSTRAINT_FOREIGNKEY) {
		st = kith_err_set(err, KITH_NOTFOUND, "no contact with id "
		    "%lld or %lld", (long long)a, (long long)b);
		goto fail;
	}
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "linking contacts");
		goto fail;
	}
	if (id != NULL)
		*id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	st = kith_db_commit(db, err);
	goto out;
fail:
	kith_db_rollback(db);
out:
	free(clean);
	return st;
}

static enum kith_status
unlink_row(struct kith_db *db, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "DELETE FROM relation WHERE id = ?1", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "unlinking contacts");
	if (sqlite3_changes(kith_db_sqlite(db)) == 0)
		return kith_err_set(err, KITH_NOTFOUND,
		    "no relationship with id %lld", (long long)id);
	return KITH_OK;
}

enum kith_status
relation_list(struct kith_db *db, int64_t id, struct relation **out,
    size_t *n, struct kith_err *err)
{
	struct relation	*r = NULL;
	sqlite3_stmt	*stmt;
	size_t		 count = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT r.id, c.id, c.display, k.name, "
	    "r.note, r.since FROM relation r JOIN rel_kind k ON k.id = "
	    "r.kind_id JOIN contact c ON c.id = r.b WHERE r.a = ?1 "
	    "UNION ALL SELECT r.id, c.id, c.display, k.inverse, r.note, "
	    "r.since FROM relation r JOIN rel_kind k ON k.id = r.kind_id "
	    "JOIN contact c ON c.id = r.a WHERE r.b = ?1 "
	    "ORDER BY 4, 3, 1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((count & (count - 1)) == 0)
			r = xreallocarray(r, count ? count * 2 : 1, sizeof *r);
		r[count].id = sqlite3_column_int64(stmt, 0);
		r[count].other = sqlite3_column_int64(stmt, 1);
		r[count].other_name = db_col_text(stmt, 2);
		r[count].label = db_col_text(stmt, 3);
		r[count].note = db_col_text(stmt, 4);
		r[count].since = db_col_text(stmt, 5);
		count++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		relation_list_free(r, count);
		return db_fail(db, err, "reading relationships");
	}
	*out = r;
	*n = count;
	return KITH_OK;
}

void
relation_list_free(struct relation *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(r[i].other_name);
		free(r[i].label);
		free(r[i].note);
		free(r[i].since);
	}
	free(r);
}

enum kith_status
relation_kinds(struct kith_db *db, struct relation_kind **out, size_t *n,
    struct kith_err *err)
{
	struct relation_kind	*k = NULL;
	sqlite3_stmt		*stmt;
	size_t			 count = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT name, inverse FROM rel_kind "
	    "ORDER BY name", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((count & (count - 1)) == 0)
			k = xreallocarray(k, count ? count * 2 : 1, sizeof *k);
		k[count].name = db_col_text(stmt, 0);
		k[count].inverse = db_col_text(stmt, 1);
		count++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		relation_kinds_free(k, count);
		return db_fail(db, err, "reading relationship kinds");
	}
	*out = k;
	*n = count;
	return KITH_OK;
}

void
relation_kinds_free(struct relation_kind *k, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(k[i].name);
		free(k[i].inverse);
	}
	free(k);
}
