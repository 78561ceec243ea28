/* SPDX-License-Identifier: MIT */
/*
 * The book's words for deals: whether a deal is called a deal or a matter
 * (the meta table's deal_word), and the list of roles a person can have
 * on one (the deal_role table, in its order).  A role in use on a deal is
 * kept: removing it is refused while anybody has it.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/db.h"
#include "kith/deal.h"
#include "kith/util.h"
#include "internal.h"

static enum kith_status	 role_add(struct kith_db *, const char *,
			    struct kith_err *);
static enum kith_status	 role_remove(struct kith_db *, const char *,
			    struct kith_err *);

const char *
deal_word(struct kith_db *db)
{
	sqlite3_stmt	*stmt;
	const char	*word = "deal", *v;

	if ((stmt = db_stmt(db, "SELECT value FROM meta WHERE key = "
	    "'deal_word'", NULL)) == NULL)
		return word;
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    (v = (const char *)sqlite3_column_text(stmt, 0)) != NULL &&
	    strcmp(v, "matter") == 0)
		word = "matter";
	sqlite3_reset(stmt);
	return word;
}

const char *
deal_word_form(struct kith_db *db, int plural, int capital)
{
	static const char *const forms[2][2][2] = {
		/* [matter][plural][capital] */
		{ { "deal", "Deal" }, { "deals", "Deals" } },
		{ { "matter", "Matter" }, { "matters", "Matters" } },
	};

	return forms[strcmp(deal_word(db), "matter") == 0][plural != 0]
	    [capital != 0];
}

enum kith_status
deal_set_word(struct kith_db *db, const char *word, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	const char	*w;

	if (word != NULL && strcasecmp(word, "deal") == 0)
		w = "deal";
	else if (word != NULL && strcasecmp(word, "matter") == 0)
		w = "matter";
	else
		return kith_err_set(err, KITH_INVALID, "'%s': the word is "
		    "deal or matter", word ? word : "");
	if ((stmt = db_stmt(db, "INSERT INTO meta (key, value) VALUES "
	    "('deal_word', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, w, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		sqlite3_reset(stmt);
		return db_fail(db, err, "saving the setting");
	}
	sqlite3_reset(stmt);
	return KITH_OK;
}

enum kith_status
deal_roles(struct kith_db *db, char ***out, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		**v = NULL;
	size_t		 k = 0, i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT name FROM deal_role ORDER BY pos, id",
	    err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		v[k++] = db_col_text(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		for (i = 0; i < k; i++)
			free(v[i]);
		free(v);
		return db_fail(db, err, "listing the deal roles");
	}
	*out = v;
	*n = k;
	return KITH_OK;
}

enum kith_status
deal_role_check(struct kith_db *db, const char *role, char **canon,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct sbuf	 names = { 0 };
	enum kith_status st;
	char		*clean = NULL, **v;
	size_t		 n, i;
	int		 rc;

	*canon = NULL;
	if ((st = db_clean_text(db, "role", role, &clean, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "SELECT name FROM deal_role WHERE name = ?1",
	    err)) == NULL) {
		free(clean);
		return KITH_DB;
	}
	db_bind_text(stmt, 1, clean);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*canon = db_col_text(stmt, 0);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW) {
		free(clean);
		return KITH_OK;
	}
	if (rc != SQLITE_DONE) {
		free(clean);
		return db_fail(db, err, "checking a role");
	}
	if ((st = deal_roles(db, &v, &n, err)) != KITH_OK) {
		free(clean);
		return st;
	}
	for (i = 0; i < n; i++) {
		sbuf_printf(&names, "%s%s", i ? ", " : "", v[i]);
		free(v[i]);
	}
	free(v);
	st = kith_err_set(err, KITH_INVALID, "role '%s': not a %s role "
	    "(the roles are %s)", clean ? clean : "", deal_word(db),
	    names.s ? names.s : "none");
	sbuf_free(&names);
	free(clean);
	return st;
}

static enum kith_status
role_add(struct kith_db *db, const char *role, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*clean = NULL, *canon = NULL;
	int		 rc;

	if ((st = db_clean_text(db, "role", role, &clean, err)) != KITH_OK)
		return st;
	if (clean == NULL)
		return kith_err_set(err, KITH_INVALID, "a role needs a name");
	if (deal_role_check(db, clean, &canon, NULL) == KITH_OK) {
		st = kith_err_set(err, KITH_EXISTS, "%s is a %s role "
		    "already", canon, deal_word(db));
		goto out;
	}
	if ((stmt = db_stmt(db, "INSERT INTO deal_role (name, pos) VALUES "
	    "(?1, (SELECT coalesce(max(pos), 0) + 1 FROM deal_role))",
	    err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, clean, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "adding a deal role");
		goto out;
	}
	db_own_actionf(db, "role", "added the %s role %s",
	    deal_word(db), clean);
out:
	free(clean);
	free(canon);
	return st;
}

enum kith_status
deal_role_add(struct kith_db *db, const char *role, struct kith_err *err)
{
	DB_TRANSACTION(db, err, role_add(db, role, err));
}

static enum kith_status
role_remove(struct kith_db *db, const char *role, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*canon = NULL;
	int		 n = 0;

	if ((st = deal_role_check(db, role, &canon, err)) != KITH_OK)
		return st == KITH_INVALID ? KITH_NOTFOUND : st;
	if ((stmt = db_stmt(db, "SELECT count(*) FROM deal_contact WHERE "
	    "role = ?1", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, canon, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (n > 0) {
		st = kith_err_set(err, KITH_EXISTS, "%d %s on a %s as %s; "
		    "give them another role first", n, n == 1 ? "person is" :
		    "people are", deal_word(db), canon);
		goto out;
	}
	if ((stmt = db_stmt(db, "DELETE FROM deal_role WHERE name = ?1",
	    err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, canon, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		sqlite3_reset(stmt);
		st = db_fail(db, err, "removing a deal role");
		goto out;
	}
	sqlite3_reset(stmt);
	db_own_actionf(db, "role", "removed the %s role %s",
	    deal_word(db), canon);
out:
	free(canon);
	return st;
}

enum kith_status
deal_role_remove(struct kith_db *db, const char *role, struct kith_err *err)
{
	DB_TRANSACTION(db, err, role_remove(db, role, err));
}
