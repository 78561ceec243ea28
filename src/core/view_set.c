/* SPDX-License-Identifier: MIT */
/*
 * The set (view_impl.h): a query's matches from the search index, or the
 * people on open deals, built in steps into a bitmap over ids, and, when
 * they are few, checked into the LIST plan's whole head.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/search.h"
#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"
#include "view_impl.h"

/* The set's matches from id ?2 on, in id order. */
#define SET_SQL								\
	"SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?1 "	\
	"AND rowid >= ?2"

/* The same for the in:deal set: the people on open deals. */
#define DEAL_SET_SQL							\
	SQL_OPEN_DEAL_PEOPLE "AND dc.contact_id >= ?2 ORDER BY id"

/* Whether contact ?1 is on an open deal (in:deal). */
#define DEAL_ONE_SQL	"SELECT " SQL_IN_OPEN_DEAL("?1")

/* One contact's flag, key and search text. */
#define ONE_SQL								\
	"SELECT c.archived, c.sort_key, f.c0, f.c1, f.c2, f.c3, f.c4, "	\
	"f.c5, f.c6 FROM contact c LEFT JOIN contact_fts_content f "	\
	"ON f.id = c.id "						\
	"WHERE c.id = ?1"

static void		bit_set(struct view_query *, int64_t);

static void
bit_set(struct view_query *q, int64_t id)
{
	int64_t	n;

	if (id < 0)
		return;
	if (id >= q->n_bits) {
		n = (id / 64 + 1) * 64;
		if (n < q->n_bits * 2)
			n = q->n_bits * 2;
		q->bits = xreallocarray(q->bits, (size_t)(n / 64),
		    sizeof *q->bits);
		memset(q->bits + q->n_bits / 64, 0,
		    (size_t)((n - q->n_bits) / 64) * sizeof *q->bits);
		q->n_bits = n;
	}
	if (!(q->bits[id / 64] & (uint64_t)1 << (id % 64)))
		q->n_set++;
	q->bits[id / 64] |= (uint64_t)1 << (id % 64);
}

int
vq_bit_get(const struct view_query *q, int64_t id)
{
	if (id < 0 || id >= q->n_bits)
		return 0;
	return (q->bits[id / 64] >> (id % 64)) & 1;
}

/*
 * Whether the set is still being built: FTS5's matches, then, when they
 * are few (or the plan is a forced LIST), each checked to become the
 * LIST plan's whole head.
 */
int
vq_set_pending(const struct view_query *q)
{
	if ((q->expr == NULL && !q->deal_set) || q->whole)
		return 0;
	if (q->set_to != SET_DONE)
		return 1;
	return q->plan == VIEW_PLAN_LIST ||
	    (!q->forced && q->n_set <= LIST_MAX);
}

/*
 * Goes on building the set until it is done or b is spent: FTS5's
 * matches from set_to on, in id order, into the bitmap; then, if they are
 * few, each checked (the words tested in C, the archived rule) and kept
 * with its key and text.  Once all are, they become the head, whole, and
 * the plan LIST.
 */
enum kith_status
vq_set_step(struct view_query *q, struct vq_budget *b, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	int64_t			 id;
	size_t			 i;
	int			 rc, yes;

	if (q->set_to != SET_DONE) {
		if ((stmt = db_stmt(q->db, q->deal_set ? DEAL_SET_SQL :
		    SET_SQL, err)) == NULL)
			return KITH_DB;
		if (!q->deal_set)
			sqlite3_bind_text(stmt, 1, q->expr, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, q->set_to);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			id = sqlite3_column_int64(stmt, 0);
			bit_set(q, id);
			q->set_to = id + 1;
			if (vq_budget_spent(b, 0))
				break;
		}
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			q->set_to = SET_DONE;
		else if (rc != SQLITE_ROW)
			return db_fail(q->db, err, "searching contacts");
		if (rc == SQLITE_ROW || !vq_set_pending(q))
			return KITH_OK;
	}
	if (q->list == NULL)
		q->list = xcalloc((size_t)q->n_set + 1, sizeof *q->list);
	for (id = q->list_to; id < q->n_bits; id++) {
		if (!vq_bit_get(q, id))
			continue;
		if ((st = vq_check_one(q, id, 0, &yes, &q->list[q->n_list], err))
		    != KITH_OK)
			return st;
		q->n_list += yes != 0;
		q->list_to = id + 1;
		if (vq_budget_spent(b, 1))
			return KITH_OK;
	}
	/* All checked: the LIST plan. */
	qsort(q->list, q->n_list, sizeof *q->list, vq_item_cmp);
	for (i = 0; i < q->n_head; i++)
		vq_item_free(&q->head[i]);
	free(q->head);
	q->head = q->list;
	q->n_head = q->n_list;
	q->list = NULL;
	q->n_list = 0;
	free(q->bits);
	q->bits = NULL;
	q->n_bits = 0;
	q->whole = 1;
	q->plan = VIEW_PLAN_LIST;
	q->stop_dir = 0;	/* a walk going on would now read the head */
	return KITH_OK;
}

/*
 * Whether contact id passes the archived rule and the words tested in C
 * (all: every word); if it does and it is not NULL, fills *it with its
 * sort key and search text.
 */
enum kith_status
vq_check_one(struct view_query *q, int64_t id, int all, int *yes,
    struct vq_item *it, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	int		 rc;

	*yes = 0;
	if ((stmt = db_stmt(q->db, ONE_SQL, err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*yes = (q->archived || sqlite3_column_int(stmt, 0) == 0) &&
		    (q->n_words == 0 || !(all || q->check) ||
		    vq_text_matches(q, stmt, 2, all ? TEST_ALL : TEST_C));
		if (*yes && it != NULL) {
			it->id = id;
			it->key_len = (size_t)sqlite3_column_bytes(stmt, 1);
			it->key = xmalloc(it->key_len + 1);
			if (it->key_len > 0)
				memcpy(it->key, sqlite3_column_blob(stmt, 1),
				    it->key_len);
			it->text = vq_text_join(stmt, 2);
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(q->db, err, "searching contacts");
	/* The set's ids are on deals; any other id is asked. */
	if (*yes && all && q->deal && (st = vq_deal_has(q, id, yes, err))
	    != KITH_OK)
		return st;
	return KITH_OK;
}

/*
 * Whether two compiled queries build the same set, so that one can take
 * over what the other has built of it.
 */
int
vq_same_set(const struct view_query *a, const struct view_query *b)
{
	if (a->deal_set || b->deal_set)
		return a->deal_set && b->deal_set;
	return a->expr != NULL && b->expr != NULL &&
	    strcmp(a->expr, b->expr) == 0;
}

/* Whether contact id is on a deal in an open stage: 1 or 0 in *yes. */
enum kith_status
vq_deal_has(struct view_query *q, int64_t id, int *yes, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*yes = 0;
	if ((stmt = db_stmt(q->db, DEAL_ONE_SQL, err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*yes = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(q->db, err, "searching contacts");
	return KITH_OK;
}
