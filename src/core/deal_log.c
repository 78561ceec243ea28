/* SPDX-License-Identifier: MIT */
/*
 * Interactions and follow-ups that belong to a deal: a call logged on a
 * deal is logged with the deal's people and touches the deal (it is no
 * longer stalled); a follow-up on a deal keeps its deal.  Each is one
 * transaction and one action of the change journal.
 */
#include <stdlib.h>

#include "kith/db.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/util.h"
#include "deal_impl.h"
#include "internal.h"

enum kith_status
deal_log(struct kith_db *db, int64_t id, const int64_t *who, size_t n,
    const char *kind, const char *at, const char *summary, const char *body,
    int64_t *iid, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	struct deal	*d = NULL;
	int64_t		*all, logged;
	size_t		 n_all = 0, i, j;

	if ((st = kith_db_begin(db, err)) != KITH_OK)
		return st;
	if ((st = deal_get(db, id, &d, err)) != KITH_OK)
		goto fail;
	all = xcalloc(n + d->n_people + 1, sizeof *all);
	for (i = 0; i < n; i++)
		all[n_all++] = who[i];
	for (i = 0; i < d->n_people; i++) {
		for (j = 0; j < n_all; j++)
			if (all[j] == d->people[i].contact_id)
				break;
		if (j == n_all)
			all[n_all++] = d->people[i].contact_id;
	}
	if (n_all == 0) {
		free(all);
		st = kith_err_set(err, KITH_INVALID, "nobody is on %s yet: "
		    "say who took part", d->title);
		goto fail;
	}
	st = interaction_log(db, all, n_all, kind, at, summary, body, &logged,
	    err);
	free(all);
	if (st != KITH_OK)
		goto fail;
	if ((stmt = db_stmt(db, "UPDATE interaction SET deal_id = ?1 "
	    "WHERE id = ?2", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, logged);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "logging on a deal");
		goto fail;
	}
	if ((stmt = db_stmt(db, "UPDATE deal SET touched = max(touched, ?2) "
	    "WHERE id = ?1", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, (int64_t)kith_db_now(db));
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "touching a deal");
		goto fail;
	}
	db_own_actionf(db, "log", "logged %s on %s: %s", kind, d->title,
	    summary);
	deal_free(d);
	if (iid != NULL)
		*iid = logged;
	return kith_db_commit(db, err);
fail:
	deal_free(d);
	kith_db_rollback(db);
	return st;
}

enum kith_status
deal_follow(struct kith_db *db, int64_t id, int64_t contact,
    const char *action, const char *due, int64_t *fid, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*title = NULL;
	int64_t		 f;

	if ((st = kith_db_begin(db, err)) != KITH_OK)
		return st;
	if ((st = deal_title(db, id, &title, NULL, err)) != KITH_OK ||
	    (st = followup_add(db, contact, action, due, &f, err)) != KITH_OK)
		goto fail;
	if ((stmt = db_stmt(db, "UPDATE followup SET deal_id = ?1 "
	    "WHERE id = ?2", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, f);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "adding a follow-up to a deal");
		goto fail;
	}
	db_own_actionf(db, "follow", "follow-up %lld on %s: %s, due %s",
	    (long long)f, title, action, due);
	free(title);
	if (fid != NULL)
		*fid = f;
	return kith_db_commit(db, err);
fail:
	free(title);
	kith_db_rollback(db);
	return st;
}
