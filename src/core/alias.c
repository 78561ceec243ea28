/* SPDX-License-Identifier: MIT */
/*
 * Aliases of contacts and organisations (alias.h).
 *
 * A contact's aliases are words of its search entry (search.c), so adding
 * or removing one reindexes the contact.  An organisation's alias keeps
 * its match_key (match_org_key), which match_find() looks up.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/alias.h"
#include "kith/db.h"
#include "kith/match.h"
#include "kith/search.h"
#include "kith/text.h"
#include "kith/util.h"
#include "internal.h"

static enum kith_status	add_tx(struct kith_db *, enum alias_owner, int64_t,
			    const char *, struct kith_err *);
static enum kith_status	remove_tx(struct kith_db *, enum alias_owner,
			    int64_t, const char *, struct kith_err *);
static enum kith_status	owner_name(struct kith_db *, enum alias_owner,
			    int64_t, char **, char **, struct kith_err *);

/* The owner's name and its folded form; KITH_NOTFOUND if none. */
static enum kith_status
owner_name(struct kith_db *db, enum alias_owner kind, int64_t id,
    char **name, char **fold, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*name = *fold = NULL;
	if ((stmt = db_stmt(db, kind == ALIAS_CONTACT ?
	    "SELECT display, name_fold FROM contact WHERE id = ?1" :
	    "SELECT name, name_fold FROM org WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*name = db_col_text(stmt, 0);
		*fold = db_col_text(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND, "no %s with id %lld",
		    kind == ALIAS_CONTACT ? "contact" : "organisation",
		    (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading a name");
	return KITH_OK;
}

static enum kith_status
add_tx(struct kith_db *db, enum alias_owner kind, int64_t id,
    const char *raw, struct kith_err *err)
{
	enum kith_status	 st;
	struct match		*m;
	sqlite3_stmt		*stmt;
	char			*name = NULL, *fold = NULL, *key = NULL;
	char			*own = NULL, *own_fold = NULL;
	int			 rc;

	if ((st = owner_name(db, kind, id, &own, &own_fold, err)) != KITH_OK)
		return st;
	if ((st = db_clean_text(db, "alias", raw, &name, err)) != KITH_OK)
		goto out;
	if (name == NULL || (st = text_fold(kith_db_text(db), name, &fold,
	    err)) != KITH_OK || *fold == '\0') {
		if (st == KITH_OK)
			st = kith_err_set(err, KITH_INVALID, "an alias needs "
			    "a letter or a digit");
		goto out;
	}
	if (strcmp(fold, own_fold) == 0) {
		st = kith_err_set(err, KITH_EXISTS, "'%s' is the name of %s "
		    "already", name, own);
		goto out;
	}
	if (kind == ALIAS_ORG) {
		if ((st = kith_db_match(db, &m, err)) != KITH_OK ||
		    (st = match_org_key(m, name, &key, err)) != KITH_OK)
			goto out;
		stmt = db_stmt(db, "INSERT OR IGNORE INTO org_alias (org_id, "
		    "name, name_fold, match_key, created) VALUES (?1, ?2, ?3, "
		    "?4, ?5)", err);
	} else
		stmt = db_stmt(db, "INSERT OR IGNORE INTO contact_alias "
		    "(contact_id, name, name_fold, created) VALUES (?1, ?2, "
		    "?3, ?5)", err);
	if (stmt == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, name, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, fold, -1, SQLITE_STATIC);
	if (key != NULL)
		sqlite3_bind_text(stmt, 4, key, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 5, (int64_t)kith_db_now(db));
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "saving an alias");
		goto out;
	}
	if (sqlite3_changes(kith_db_sqlite(db)) == 0) {
		st = kith_err_set(err, KITH_EXISTS, "%s has the alias '%s' "
		    "already", own, name);
		goto out;
	}
	db_own_actionf(db, "alias", "added the alias %s to %s", name, own);
	if (kind == ALIAS_CONTACT)
		st = search_reindex(db, id, err);
out:
	free(own);
	free(own_fold);
	free(name);
	free(fold);
	free(key);
	return st;
}

enum kith_status
alias_add(struct kith_db *db, enum alias_owner kind, int64_t id,
    const char *name, struct kith_err *err)
{
	DB_TRANSACTION(db, err, add_tx(db, kind, id, name, err));
}

static enum kith_status
remove_tx(struct kith_db *db, enum alias_owner kind, int64_t id,
    const char *raw, struct kith_err *err)
{
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	char			*fold = NULL, *own = NULL, *own_fold = NULL;
	int			 rc;

	if ((st = owner_name(db, kind, id, &own, &own_fold, err)) != KITH_OK)
		return st;
	if ((st = text_fold(kith_db_text(db), raw, &fold, err)) != KITH_OK)
		goto out;
	if ((stmt = db_stmt(db, kind == ALIAS_CONTACT ?
	    "DELETE FROM contact_alias WHERE contact_id = ?1 AND "
	    "name_fold = ?2" : "DELETE FROM org_alias WHERE org_id = ?1 AND "
	    "name_fold = ?2", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, fold, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "removing an alias");
		goto out;
	}
	if (sqlite3_changes(kith_db_sqlite(db)) == 0) {
		st = kith_err_set(err, KITH_NOTFOUND, "%s has no alias '%s'",
		    own, raw);
		goto out;
	}
	db_own_actionf(db, "alias", "removed the alias %s of %s", raw, own);
	if (kind == ALIAS_CONTACT)
		st = search_reindex(db, id, err);
out:
	free(own);
	free(own_fold);
	free(fold);
	return st;
}

enum kith_status
alias_remove(struct kith_db *db, enum alias_owner kind, int64_t id,
    const char *name, struct kith_err *err)
{
	DB_TRANSACTION(db, err, remove_tx(db, kind, id, name, err));
}

enum kith_status
alias_list(struct kith_db *db, enum alias_owner kind, int64_t id,
    char ***names, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*names = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, kind == ALIAS_CONTACT ?
	    "SELECT name FROM contact_alias WHERE contact_id = ?1 ORDER BY id" :
	    "SELECT name FROM org_alias WHERE org_id = ?1 ORDER BY id", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*names = xreallocarray(*names, *n + 1, sizeof **names);
		(*names)[(*n)++] = db_col_text(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		alias_list_free(*names, *n);
		*names = NULL;
		*n = 0;
		return db_fail(db, err, "listing aliases");
	}
	return KITH_OK;
}

void
alias_list_free(char **names, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
}

enum kith_status
org_resolve(struct kith_db *db, const char *what, int64_t *id, char **name,
    struct kith_err *err)
{
	static const char *const sql[] = {
		"SELECT id, name FROM org WHERE id = ?3",
		"SELECT id, name FROM org WHERE name_fold = ?1 UNION "
		    "SELECT o.id, o.name FROM org_alias a JOIN org o ON "
		    "o.id = a.org_id WHERE a.name_fold = ?1 LIMIT 2",
		"SELECT id, name FROM org WHERE match_key = ?2 UNION "
		    "SELECT o.id, o.name FROM org_alias a JOIN org o ON "
		    "o.id = a.org_id WHERE a.match_key = ?2 LIMIT 2",
	};
	enum kith_status	 st;
	struct match		*m;
	sqlite3_stmt		*stmt;
	const char		*p;
	char			*fold = NULL, *key = NULL;
	size_t			 i, found = 0;
	int			 rc = SQLITE_DONE;

	*id = 0;
	if (name != NULL)
		*name = NULL;
	if (what == NULL)
		what = "";
	for (p = what; *p >= '0' && *p <= '9'; p++)
		;
	if ((st = kith_db_match(db, &m, err)) != KITH_OK ||
	    (st = text_fold(kith_db_text(db), what, &fold, err)) != KITH_OK ||
	    (st = match_org_key(m, what, &key, err)) != KITH_OK)
		goto out;
	for (i = (*what != '\0' && *p == '\0') ? 0 : 1; i < 3 && found == 0;
	    i++) {
		if ((stmt = db_stmt(db, sql[i], err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, fold, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, key, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, strtoll(what, NULL, 10));
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			if (found++ == 0) {
				*id = sqlite3_column_int64(stmt, 0);
				if (name != NULL)
					*name = db_col_text(stmt, 1);
			}
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "finding an organisation");
			goto out;
		}
		if (i == 0 && found == 0)
			break;		/* an id that names nothing */
	}
	if (found == 0)
		st = kith_err_set(err, KITH_NOTFOUND, "no organisation is "
		    "called '%s'", what);
	else if (found > 1)
		st = kith_err_set(err, KITH_AMBIGUOUS, "'%s' names several "
		    "organisations", what);
	if (st != KITH_OK) {
		*id = 0;
		if (name != NULL) {
			free(*name);
			*name = NULL;
		}
	}
out:
	free(fold);
	free(key);
	return st;
}
