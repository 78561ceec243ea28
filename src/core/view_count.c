/* SPDX-License-Identifier: MIT */
/*
 * Exact counts of a compiled query, taken a bounded chunk at a time
 * (view_impl.h).
 */
#include "kith/view.h"
#include "internal.h"
#include "view_impl.h"

/* Search text and archived flag of the ids from ?1 on, in id order. */
#define SCAN_SQL							\
	"SELECT c.id, c.archived, f.c0, f.c1, f.c2, f.c3, f.c4, f.c5, "	\
	"f.c6 FROM contact c LEFT JOIN contact_fts_content f "		\
	"ON f.id = c.id WHERE c.id >= ?1 ORDER BY c.id LIMIT ?2"

enum kith_status
view_query_count_step(struct view_query *q, struct view_count *vc,
    int64_t chunk, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct vq_budget		 b;
	enum kith_status	 st = KITH_OK;
	int64_t			 seen = 0, id, looked = 0;
	int			 rc, ok;

	if (vc->done)
		return KITH_OK;
	if (chunk <= 0)
		chunk = 1;
	vq_budget_start(q, &b);
	b.rows = 0;		/* chunk is the limit on rows */
	/* The set first (whole, if the call has no budget). */
	if (vq_set_pending(q) && ((st = vq_set_step(q, &b, err)) != KITH_OK ||
	    vq_set_pending(q)))
		return st;
	if (q->whole) {
		vc->count = (int64_t)q->n_head;
		vc->done = 1;
		return KITH_OK;
	}
	switch (q->plan) {
	case VIEW_PLAN_BITMAP:
		/* Only the ids in the bitmap are read. */
		/* A lookup costs what several rows of a scan do. */
		chunk = chunk / 8 > 0 ? chunk / 8 : 1;
		for (id = vc->after + 1; id < q->n_bits && looked < chunk &&
		    !(looked > 0 && vq_budget_spent(&b, 1)); id++) {
			if (id % 64 == 0 && q->bits[id / 64] == 0) {
				id += 63;
				vc->after = id;
				continue;
			}
			vc->after = id;
			if (!vq_bit_get(q, id))
				continue;
			looked++;
			if (!q->archived || q->check) {
				if ((st = vq_check_one(q, id, 0, &ok, NULL, err))
				    != KITH_OK)
					return st;
				vc->count += ok;
			} else
				vc->count++;
		}
		if (id >= q->n_bits)
			vc->done = 1;
		return KITH_OK;
	case VIEW_PLAN_WALK:
		if ((stmt = db_stmt(q->db, SCAN_SQL, err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, vc->after + 1);
		sqlite3_bind_int64(stmt, 2, chunk);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			seen++;
			vc->after = sqlite3_column_int64(stmt, 0);
			ok = (q->archived || sqlite3_column_int(stmt, 1) == 0) &&
			    vq_text_matches(q, stmt, 2, TEST_ALL);
			if (ok && q->deal && (st = vq_deal_has(q, vc->after, &ok,
			    err)) != KITH_OK) {
				sqlite3_reset(stmt);
				return st;
			}
			vc->count += ok;
			if (vq_budget_spent(&b, 0))
				break;
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			return db_fail(q->db, err, "counting contacts");
		if (rc == SQLITE_DONE && seen < chunk)
			vc->done = 1;
		return KITH_OK;
	default:
		break;
	}
	if ((stmt = db_stmt(q->db, "SELECT count(*), CASE WHEN ?3 THEN "
	    "count(*) ELSE total(archived = 0) END, max(id) FROM (SELECT id, "
	    "archived FROM contact WHERE id > ?1 ORDER BY id LIMIT ?2)",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, vc->after);
	sqlite3_bind_int64(stmt, 2, chunk);
	sqlite3_bind_int(stmt, 3, q->archived);
	if (sqlite3_step(stmt) == SQLITE_ROW) {
		seen = sqlite3_column_int64(stmt, 0);
		vc->count += sqlite3_column_int64(stmt, 1);
		if (seen > 0)
			vc->after = sqlite3_column_int64(stmt, 2);
		if (seen < chunk)
			vc->done = 1;
	} else
		st = db_fail(q->db, err, "counting contacts");
	sqlite3_reset(stmt);
	return st;
}
