/* SPDX-License-Identifier: MIT */
/*
 * The people on a deal: putting a contact on a deal with a role from the
 * list (deal_role.c), changing that role, taking a contact off.  Each is
 * one action of the change journal named for the person and the deal.
 */
#include <stdlib.h>

#include "kith/db.h"
#include "kith/deal.h"
#include "kith/util.h"
#include "deal_impl.h"
#include "internal.h"

static enum kith_status	 remove_contact(struct kith_db *, int64_t, int64_t,
			    struct kith_err *);

enum kith_status
deal_set_contact(struct kith_db *db, int64_t id, int64_t contact,
    const char *role, struct kith_err *err)
{
	DB_TRANSACTION(db, err, deal_put_contact(db, id, contact, role, err));
}

enum kith_status
deal_put_contact(struct kith_db *db, int64_t id, int64_t contact,
    const char *role, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*title = NULL, *canon = NULL, *name = NULL, *old = NULL;
	int		 rc, had = 0;

	if ((st = deal_title(db, id, &title, NULL, err)) != KITH_OK)
		return st;
	if (!str_empty(role) &&
	    (st = deal_role_check(db, role, &canon, err)) != KITH_OK)
		goto out;
	if ((stmt = db_stmt(db, "SELECT c.display, dc.role, dc.deal_id "
	    "FROM contact c LEFT JOIN deal_contact dc ON dc.contact_id = c.id "
	    "AND dc.deal_id = ?2 WHERE c.id = ?1", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, contact);
	sqlite3_bind_int64(stmt, 2, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = db_col_text(stmt, 0);
		old = db_col_text(stmt, 1);
		had = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE) {
		st = kith_err_set(err, KITH_NOTFOUND, "no contact with id %lld",
		    (long long)contact);
		goto out;
	}
	if (rc != SQLITE_ROW) {
		st = db_fail(db, err, "finding a contact");
		goto out;
	}
	if (had && deal_str_same(old, canon)) {
		st = kith_err_set(err, KITH_EXISTS, "%s is on %s as %s "
		    "already", name, title, canon ? canon : "(no role)");
		goto out;
	}
	if ((stmt = db_stmt(db, "INSERT INTO deal_contact (deal_id, "
	    "contact_id, role) VALUES (?1, ?2, ?3) ON CONFLICT (deal_id, "
	    "contact_id) DO UPDATE SET role = ?3", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, contact);
	db_bind_text(stmt, 3, canon);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "putting a contact on a deal");
		goto out;
	}
	if (canon != NULL)
		db_own_actionf(db, "deal", "%s %s on %s as %s", had ?
		    "made" : "put", name, title, canon);
	else
		db_own_actionf(db, "deal", "put %s on %s", name, title);
out:
	free(title);
	free(canon);
	free(name);
	free(old);
	return st;
}

enum kith_status
deal_remove_contact(struct kith_db *db, int64_t id, int64_t contact,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, remove_contact(db, id, contact, err));
}

static enum kith_status
remove_contact(struct kith_db *db, int64_t id, int64_t contact,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*title = NULL, *name;

	if ((st = deal_title(db, id, &title, NULL, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "DELETE FROM deal_contact WHERE deal_id = ?1 "
	    "AND contact_id = ?2", err)) == NULL) {
		free(title);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, contact);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		free(title);
		return db_fail(db, err, "taking a contact off a deal");
	}
	if (sqlite3_changes(kith_db_sqlite(db)) == 0) {
		st = kith_err_set(err, KITH_NOTFOUND, "contact #%lld is not "
		    "on %s", (long long)contact, title);
		free(title);
		return st;
	}
	if ((stmt = db_stmt(db, "SELECT display FROM contact WHERE id = ?1",
	    err)) == NULL) {
		free(title);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, contact);
	name = sqlite3_step(stmt) == SQLITE_ROW ? db_col_text(stmt, 0) : NULL;
	sqlite3_reset(stmt);
	db_own_actionf(db, "deal", "took %s off %s", name ? name : "a contact",
	    title);
	free(name);
	free(title);
	return KITH_OK;
}
