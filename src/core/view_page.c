/* SPDX-License-Identifier: MIT */
/*
 * Pages of a compiled query (view_impl.h): from the name index (ALL), a
 * walk of it testing each row, or the head.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"
#include "view_impl.h"

#define HEAD_MAX	4000	/* most matches a head keeps */

/* The page's columns, for one contact by id; ?2 is today's date. */
#define V_ROW								\
	"SELECT c.id, c.display, o.name, EXISTS (SELECT 1 FROM followup f " \
	"WHERE f.contact_id = c.id AND f.due < ?2 AND f.done_at IS NULL), " \
	"c.archived, c.sort_key FROM contact c "			\
	"LEFT JOIN org o ON o.id = c.org_id WHERE c.id = ?1"

/* The same for a range; ?4 is today's date, ?5 "archived too". */
#define V_COLS								\
	"SELECT c.id, c.display, o.name, EXISTS (SELECT 1 FROM followup f " \
	"WHERE f.contact_id = c.id AND f.due < ?4 AND f.done_at IS NULL), " \
	"c.archived, c.sort_key "
#define V_ARCH	"(?5 OR c.archived = 0) "
#define V_AFTER	"AND (c.sort_key, c.id) > (?1, ?2) "
#define V_BEFORE "AND (c.sort_key, c.id) < (?1, ?2) "
#define V_ASC	"ORDER BY c.sort_key, c.id LIMIT ?3"
#define V_DESC	"ORDER BY c.sort_key DESC, c.id DESC LIMIT ?3"
#define V_ALL(range, order)						\
	V_COLS "FROM contact c LEFT JOIN org o ON o.id = c.org_id "	\
	"WHERE " V_ARCH range order

static const char *const all_sql[2][2] = {
	/* [backward, forward][from an end, from a key] */
	{ V_ALL("", V_DESC), V_ALL(V_BEFORE, V_DESC) },
	{ V_ALL("", V_ASC), V_ALL(V_AFTER, V_ASC) },
};

/* Ids and keys in name order. */
#define W_IDS	"SELECT c.id, c.sort_key "				\
	"FROM contact c INDEXED BY contact_by_sort "
#define W_AFTER	"WHERE (c.sort_key, c.id) > (?1, ?2) "
#define W_BEFORE "WHERE (c.sort_key, c.id) < (?1, ?2) "
#define W_ASC	"ORDER BY c.sort_key, c.id"
#define W_DESC	"ORDER BY c.sort_key DESC, c.id DESC"

static const char *const walk_sql[2][2] = {
	/* [backward, forward][from an end, from a key] */
	{ W_IDS W_DESC, W_IDS W_BEFORE W_DESC },
	{ W_IDS W_ASC, W_IDS W_AFTER W_ASC },
};

/*
 * The same without naming the index, while a bulk import runs without it
 * (batch.c builds it again at its end): SQLite then sorts the book.
 */
#define W_IDS_SORT "SELECT c.id, c.sort_key FROM contact c "

static const char *const walk_sort_sql[2][2] = {
	{ W_IDS_SORT W_DESC, W_IDS_SORT W_BEFORE W_DESC },
	{ W_IDS_SORT W_ASC, W_IDS_SORT W_AFTER W_ASC },
};

#define HAS_SORT_INDEX							\
	"SELECT count(*) FROM sqlite_schema WHERE type = 'index' AND "	\
	"name = 'contact_by_sort'"

/* One contact's search text. */
#define TEXT_SQL							\
	"SELECT c0, c1, c2, c3, c4, c5, c6 FROM contact_fts_content "	\
	"WHERE id = ?1"

static void		read_row(sqlite3_stmt *, struct view_row *);
static enum kith_status	fetch_row(struct view_query *, int64_t, const char *,
			    struct view_row *, int *, struct kith_err *);
static enum kith_status	page_all(struct view_query *, const unsigned char *,
			    size_t, int64_t, int, size_t, struct view_row *,
			    size_t *, struct kith_err *);
static enum kith_status	page_walk(struct view_query *, const unsigned char *,
			    size_t, int64_t, int, int, struct vq_budget *, size_t,
			    struct view_row *, size_t *, struct kith_err *);
static enum kith_status	test_text(struct view_query *, int64_t, long, int *,
			    char **, struct kith_err *);
static enum kith_status	page_head(struct view_query *, const unsigned char *,
			    size_t, int64_t, int, size_t, struct view_row *,
			    size_t *, struct kith_err *);

/* A page row from columns id, name, org, overdue, archived, sort key. */
static void
read_row(sqlite3_stmt *stmt, struct view_row *v)
{
	v->id = sqlite3_column_int64(stmt, 0);
	v->name = db_col_text(stmt, 1);
	v->org = db_col_text(stmt, 2);
	v->overdue = sqlite3_column_int(stmt, 3);
	v->archived = sqlite3_column_int(stmt, 4);
	v->key_len = (size_t)sqlite3_column_bytes(stmt, 5);
	v->key = xmalloc(v->key_len + 1);
	if (v->key_len > 0)
		memcpy(v->key, sqlite3_column_blob(stmt, 5), v->key_len);
}

/* Fills *v with contact id's row; *ok 0 if it is gone or archived. */
static enum kith_status
fetch_row(struct view_query *q, int64_t id, const char *today,
    struct view_row *v, int *ok, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*ok = 0;
	if ((stmt = db_stmt(q->db, V_ROW, err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_text(stmt, 2, today, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW &&
	    (q->archived || sqlite3_column_int(stmt, 4) == 0)) {
		read_row(stmt, v);
		*ok = 1;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(q->db, err, "listing contacts");
	return KITH_OK;
}

enum kith_status
view_row_get(struct kith_db *db, int64_t id, int archived,
    struct view_row *row, int *found, struct kith_err *err)
{
	struct view_query	q;
	char			today[11];

	memset(&q, 0, sizeof q);
	q.db = db;
	q.archived = archived;
	db_today(db, today);
	return fetch_row(&q, id, today, row, found, err);
}

static enum kith_status
page_all(struct view_query *q, const unsigned char *key, size_t key_len,
    int64_t id, int dir, size_t limit, struct view_row *r, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		 today[11];
	int		 rc = SQLITE_DONE;

	if ((stmt = db_stmt(q->db, all_sql[dir > 0][key != NULL], err))
	    == NULL)
		return KITH_DB;
	if (key != NULL) {
		sqlite3_bind_blob(stmt, 1, key, (int)key_len, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, id);
	}
	sqlite3_bind_int64(stmt, 3, (int64_t)limit);
	db_today(q->db, today);
	sqlite3_bind_text(stmt, 4, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 5, q->archived);
	while (*n < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		read_row(stmt, &r[(*n)++]);
	}
	sqlite3_reset(stmt);
	if (*n < limit && rc != SQLITE_DONE)
		return db_fail(q->db, err, "listing contacts");
	return KITH_OK;
}

/*
 * The name index from the position, rows tested, until limit rows are
 * found or the budget b is spent.  A row below set_to is skipped unless
 * it is in the set, and then only the words tested in C are tested; a row
 * above is tested for every word.  extend: the position is the head's end
 * (or the start, the head being empty), and the matches found go on the
 * head.  Stopped on the budget, the walk sets q->more and q->stop_at to
 * the last row it stepped, which becomes the head's end if it was still
 * extending the head; if it was not, it sets q->stop_dir for
 * view_query_page to say where the call that continues it comes from.
 */
static enum kith_status
page_walk(struct view_query *q, const unsigned char *key, size_t key_len,
    int64_t id, int dir, int extend, struct vq_budget *b, size_t limit,
    struct view_row *r, size_t *n, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	char			 today[11], *text;
	int64_t			 cid;
	int			 rc = SQLITE_ROW, ok, stepped = 0, heavy = 0;
	int			 in_set, indexed;

	db_today(q->db, today);
	if ((stmt = db_stmt(q->db, HAS_SORT_INDEX, err)) == NULL)
		return KITH_DB;
	rc = sqlite3_step(stmt);
	indexed = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0) > 0;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(q->db, err, "reading the list");
	if ((stmt = db_stmt(q->db, (indexed ? walk_sql :
	    walk_sort_sql)[dir > 0][key != NULL], err)) == NULL)
		return KITH_DB;
	if (key != NULL) {	/* transient: it may be the head's end */
		sqlite3_bind_blob(stmt, 1, key, (int)key_len,
		    SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 2, id);
	}
	extend = extend && q->n_head < HEAD_MAX;
	while (*n < limit) {
		if (stepped && vq_budget_spent(b, heavy)) {
			vq_item_set(&q->stop_at, sqlite3_column_blob(stmt, 1),
			    (size_t)sqlite3_column_bytes(stmt, 1),
			    sqlite3_column_int64(stmt, 0));
			if (extend)
				vq_item_set(&q->head_end, q->stop_at.key,
				    q->stop_at.key_len, q->stop_at.id);
			else
				q->stop_dir = dir;
			q->more = 1;
			break;
		}
		if ((rc = sqlite3_step(stmt)) != SQLITE_ROW)
			break;
		stepped = 1;
		cid = sqlite3_column_int64(stmt, 0);
		q->head_rows += extend;
		in_set = cid < q->set_to;
		if ((heavy = !in_set || vq_bit_get(q, cid)) == 0)
			continue;
		if (!in_set && q->deal) {
			if ((st = vq_deal_has(q, cid, &ok, err)) != KITH_OK)
				break;
			if (!ok)
				continue;
		}
		text = NULL;
		if (!in_set || q->check || extend) {
			if ((st = test_text(q, cid, in_set ? TEST_C : TEST_ALL,
			    &ok, extend ? &text : NULL, err)) != KITH_OK)
				break;
			if (!ok)
				continue;
		}
		if ((st = fetch_row(q, cid, today, &r[*n], &ok, err))
		    != KITH_OK || !ok) {
			free(text);
			if (st != KITH_OK)
				break;
			continue;
		}
		if (extend) {
			vq_head_add(q, &r[*n], text);
			extend = q->n_head < HEAD_MAX;
		}
		(*n)++;
	}
	sqlite3_reset(stmt);
	if (st == KITH_OK && rc == SQLITE_DONE && extend)
		q->whole = 1;		/* the head holds them all */
	if (st == KITH_OK && rc != SQLITE_ROW && rc != SQLITE_DONE)
		st = db_fail(q->db, err, "listing contacts");
	return st;
}

/*
 * Whether contact id's search text holds the words that which names
 * (vq_words_match); if it does and text is not NULL, stores the text there
 * (vq_text_join; caller frees).
 */
static enum kith_status
test_text(struct view_query *q, int64_t id, long which, int *yes,
    char **text, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*yes = 0;
	if ((stmt = db_stmt(q->db, TEXT_SQL, err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*yes = vq_text_matches(q, stmt, 0, which);
		if (*yes && text != NULL)
			*text = vq_text_join(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(q->db, err, "searching contacts");
	return KITH_OK;
}

/* The head from the position, which it covers. */
static enum kith_status
page_head(struct view_query *q, const unsigned char *key, size_t key_len,
    int64_t id, int dir, size_t limit, struct view_row *r, size_t *n,
    struct kith_err *err)
{
	enum kith_status	 st;
	char			 today[11];
	size_t			 lo = 0, hi = q->n_head, mid;
	long			 i;
	int			 ok;

	/* lo: the first item after the position. */
	if (key != NULL) {
		while (lo < hi) {
			mid = lo + (hi - lo) / 2;
			if (vq_pos_cmp(&q->head[mid], key, key_len, id) <= 0)
				lo = mid + 1;
			else
				hi = mid;
		}
	} else
		lo = dir > 0 ? 0 : q->n_head;
	db_today(q->db, today);
	if (dir > 0) {
		for (i = (long)lo; (size_t)i < q->n_head && *n < limit; i++) {
			if ((st = fetch_row(q, q->head[i].id, today, &r[*n],
			    &ok, err)) != KITH_OK)
				return st;
			*n += ok != 0;
		}
	} else {
		/* Strictly before: skip an item equal to the position. */
		i = (long)lo - 1;
		if (key != NULL && i >= 0 &&
		    vq_pos_cmp(&q->head[i], key, key_len, id) == 0)
			i--;
		for (; i >= 0 && *n < limit; i--) {
			if ((st = fetch_row(q, q->head[i].id, today, &r[*n],
			    &ok, err)) != KITH_OK)
				return st;
			*n += ok != 0;
		}
	}
	return KITH_OK;
}

enum kith_status
view_query_page(struct view_query *q, const unsigned char *key,
    size_t key_len, int64_t id, int dir, size_t limit, struct view_row **rows,
    size_t *n, struct kith_err *err)
{
	struct view_row		*r;
	struct vq_budget		 b, half;
	enum kith_status	 st;
	struct vq_item		*at = &q->stop_at;
	int			 resume;

	*rows = NULL;
	*n = 0;
	q->more = 0;
	if (limit == 0)
		return KITH_OK;
	r = xcalloc(limit, sizeof *r);
	vq_budget_start(q, &b);
	/* Half the budget goes on building the set, if the plan uses it. */
	if (q->plan != VIEW_PLAN_WALK && vq_set_pending(q)) {
		vq_budget_half(&b, &half);
		st = vq_set_step(q, &half, err);
		b.steps += half.steps;
		if (st != KITH_OK)
			goto out;
	}
	/* Only the last call's stop goes on: another call ends it. */
	resume = q->stop_dir == dir && vq_same_pos(&q->stop_from, key, key_len,
	    id);
	q->stop_dir = 0;
	if (q->plan == VIEW_PLAN_ALL)
		st = page_all(q, key, key_len, id, dir, limit, r, n, err);
	else if (resume) {
		/* Goes on with a walk that stopped on its budget. */
		st = page_walk(q, at->key, at->key_len, at->id, dir, 0, &b,
		    limit, r, n, err);
	} else if (dir < 0)
		st = vq_head_covers(q, key, key_len, id) ?
		    page_head(q, key, key_len, id, -1, limit, r, n, err) :
		    page_walk(q, key, key_len, id, -1, 0, &b, limit, r, n, err);
	else if (key != NULL && !vq_head_covers(q, key, key_len, id))
		st = page_walk(q, key, key_len, id, 1, 0, &b, limit, r, n, err);
	else {
		/* From the head, then on from its end. */
		st = page_head(q, key, key_len, id, 1, limit, r, n, err);
		if (st == KITH_OK && *n < limit && !q->whole)
			st = page_walk(q, q->head_end.key, q->head_end.key_len,
			    q->head_end.id, 1, 1, &b, limit, r, n, err);
	}
out:
	if (st != KITH_OK) {
		view_rows_free(r, *n);
		*n = 0;
		q->more = 0;
		return st;
	}
	/*
	 * A walk that stopped outside the head goes on when called again
	 * from the last row it gave, or from the same position if none.
	 */
	if (q->more && q->stop_dir != 0) {
		if (*n > 0)
			vq_item_set(&q->stop_from, r[*n - 1].key,
			    r[*n - 1].key_len, r[*n - 1].id);
		else if (key != NULL)
			vq_item_set(&q->stop_from, key, key_len, id);
		else
			vq_item_free(&q->stop_from);
	}
	*rows = r;
	return KITH_OK;
}
