/* SPDX-License-Identifier: MIT */
/*
 * The list strongest first (strength_order.h), built in steps.
 *
 * Without a query: SCAN reads every contact's touch summary in id order
 * (one pass over the table, no row looked up twice) into an array of (id,
 * score) sorted by id; NAMES then walks the name index alone (index-only:
 * sort key and id) and, for each id found in that array, appends it in
 * name order.  With a query: NAMES takes the query's matches in name order
 * from the planner (view.h), and LOOKUP reads each one's summary by id.
 * SORT, last, is a counting sort on the score (0 to 100, highest first),
 * which keeps name order among equals, in one pass.
 *
 * The score is strength.h's formula (strength_input_of, strength_compute)
 * on the handle's today, or the manual strength where one is set, as
 * strength_get and standing_get give it.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kith/clock.h"
#include "kith/strength.h"
#include "kith/strength_order.h"
#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"

#define CHUNK		1024	/* rows per statement between time checks */
#define SCORE_MAX	100

enum phase { PH_SCAN, PH_NAMES, PH_LOOKUP, PH_SORT, PH_DONE };

struct strength_order {
	struct kith_db		*db;
	struct view_query	*q;		/* the query's; NULL: everyone */
	int			 archived;	/* archived contacts too */
	char			 today[KITH_DATE_LEN];
	enum phase		 ph;
	struct strength_rank	*byid;		/* SCAN: the kept, by id */
	size_t			 n_byid, cap_byid;
	int64_t			 after;		/* SCAN: the last id read */
	struct strength_rank	*names;		/* NAMES: in name order (score
						   -1: not read yet, or gone) */
	size_t			 n_names, cap_names;
	unsigned char		*key;		/* NAMES: after this position */
	size_t			 key_len;
	int64_t			 key_id;
	size_t			 next;		/* LOOKUP: the next to read */
	struct strength_rank	*ranks;		/* the order, once done */
	size_t			 n;
};

/* The columns the score reads, from the contact table. */
#define SUMMARY	"touch_first, touch_last, touch_n, touch_w, touch_in, " \
	"touch_out, strength_set"

static const char scan_sql[] =
	"SELECT id, archived, " SUMMARY " FROM contact WHERE id > ?1 "
	"ORDER BY id LIMIT ?2";
static const char lookup_sql[] =
	"SELECT " SUMMARY " FROM contact WHERE id = ?1";
static const char walk_first_sql[] =
	"SELECT id, sort_key FROM contact INDEXED BY contact_by_sort "
	"ORDER BY sort_key, id LIMIT ?3";
static const char walk_next_sql[] =
	"SELECT id, sort_key FROM contact INDEXED BY contact_by_sort "
	"WHERE (sort_key, id) > (?1, ?2) ORDER BY sort_key, id LIMIT ?3";

static int64_t	now_us(void);
static int	over(int64_t);
static int	score_of(sqlite3_stmt *, int, const char *);
static void	names_add(struct strength_order *, int64_t, int);
static void	keep_key(struct strength_order *, const void *, size_t,
		    int64_t);
static const struct strength_rank *find_id(const struct strength_rank *,
		    size_t, int64_t);
static enum kith_status step_scan(struct strength_order *, int64_t,
		    struct kith_err *);
static enum kith_status step_walk(struct strength_order *, int64_t,
		    struct kith_err *);
static enum kith_status step_matches(struct strength_order *, int64_t,
		    struct kith_err *);
static enum kith_status step_lookup(struct strength_order *, int64_t,
		    struct kith_err *);
static void	sort_ranks(struct strength_order *);

static int64_t
now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

/* Whether the step's time (until, 0: none) is spent. */
static int
over(int64_t until)
{
	return until > 0 && now_us() >= until;
}

/* The score from the SUMMARY columns starting at column c. */
static int
score_of(sqlite3_stmt *stmt, int c, const char *today)
{
	struct strength_input	 in;
	struct strength		 s;
	int			 v;

	if (sqlite3_column_type(stmt, c + 6) != SQLITE_NULL) {
		v = sqlite3_column_int(stmt, c + 6);
		return v < 0 ? 0 : v > SCORE_MAX ? SCORE_MAX : v;
	}
	if (sqlite3_column_int64(stmt, c + 2) <= 0)
		return 0;	/* never touched */
	strength_input_of((const char *)sqlite3_column_text(stmt, c),
	    (const char *)sqlite3_column_text(stmt, c + 1),
	    sqlite3_column_int64(stmt, c + 2), sqlite3_column_int64(stmt, c + 3),
	    sqlite3_column_int64(stmt, c + 4), sqlite3_column_int64(stmt, c + 5),
	    today, &in);
	strength_compute(&in, &s);
	return s.score < 0 ? 0 : s.score > SCORE_MAX ? SCORE_MAX : s.score;
}

static void
names_add(struct strength_order *o, int64_t id, int score)
{
	if (o->n_names == o->cap_names) {
		o->cap_names = o->cap_names > 0 ? o->cap_names * 2 : 256;
		o->names = xreallocarray(o->names, o->cap_names,
		    sizeof *o->names);
	}
	o->names[o->n_names].id = id;
	o->names[o->n_names].score = score;
	o->n_names++;
}

/* NAMES goes on after (key, id). */
static void
keep_key(struct strength_order *o, const void *key, size_t len, int64_t id)
{
	free(o->key);
	o->key = xmalloc(len + 1);
	if (len > 0)
		memcpy(o->key, key, len);
	o->key_len = len;
	o->key_id = id;
}

/*
 * The rank of id in a[0..n), sorted by id, or NULL.  Ids are mostly
 * dense, so a guess from where id lies between the ends finds it in a
 * probe or two (a bisection every other probe bounds the worst case):
 * a million plain bisections, each of twenty probes over 16 MB, cost
 * about a second in cache misses.
 */
static const struct strength_rank *
find_id(const struct strength_rank *a, size_t n, int64_t id)
{
	size_t	lo = 0, hi = n, mid;
	int	bisect = 0;

	while (lo < hi) {
		if (a[lo].id > id || a[hi - 1].id < id)
			return NULL;
		if (bisect || a[hi - 1].id == a[lo].id)
			mid = lo + (hi - lo) / 2;
		else
			mid = lo + (size_t)((double)(id - a[lo].id) /
			    (double)(a[hi - 1].id - a[lo].id) *
			    (double)(hi - 1 - lo));
		bisect = !bisect;
		if (a[mid].id == id)
			return &a[mid];
		if (a[mid].id < id)
			lo = mid + 1;
		else
			hi = mid;
	}
	return NULL;
}

enum kith_status
strength_order_new(struct kith_db *db, const char *query, int archived,
    struct strength_order **out, struct kith_err *err)
{
	struct strength_order	*o;
	enum kith_status	 st;

	*out = NULL;
	o = xcalloc(1, sizeof *o);
	o->db = db;
	o->archived = archived != 0;
	db_today(db, o->today);
	if (!str_empty(query)) {
		if ((st = view_query_new(db, query, archived, &o->q, err)) !=
		    KITH_OK) {
			free(o);
			return st;
		}
		o->ph = PH_NAMES;
	} else
		o->ph = PH_SCAN;
	*out = o;
	return KITH_OK;
}

void
strength_order_free(struct strength_order *o)
{
	if (o == NULL)
		return;
	view_query_free(o->q);
	free(o->byid);
	free(o->names);
	free(o->key);
	free(o->ranks);
	free(o);
}

/* SCAN: every contact kept, with its score, in id order. */
static enum kith_status
step_scan(struct strength_order *o, int64_t until, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	size_t		 got;
	int		 rc;

	for (;;) {
		if ((stmt = db_stmt(o->db, scan_sql, err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, o->after);
		sqlite3_bind_int(stmt, 2, CHUNK);
		got = 0;
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			got++;
			o->after = sqlite3_column_int64(stmt, 0);
			if (!o->archived && sqlite3_column_int(stmt, 1) != 0)
				continue;
			if (o->n_byid == o->cap_byid) {
				o->cap_byid = o->cap_byid > 0 ?
				    o->cap_byid * 2 : 1024;
				o->byid = xreallocarray(o->byid, o->cap_byid,
				    sizeof *o->byid);
			}
			o->byid[o->n_byid].id = o->after;
			o->byid[o->n_byid].score = score_of(stmt, 2, o->today);
			o->n_byid++;
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE)
			return db_fail(o->db, err, "reading strengths");
		if (got < CHUNK) {
			o->ph = PH_NAMES;
			o->cap_names = o->n_byid;
			o->names = xreallocarray(NULL, o->n_byid + 1,
			    sizeof *o->names);
			return KITH_OK;
		}
		if (over(until))
			return KITH_OK;
	}
}

/* NAMES without a query: the name index, each id kept by SCAN. */
static enum kith_status
step_walk(struct strength_order *o, int64_t until, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	const struct strength_rank *r;
	int64_t			 id;
	size_t			 got;
	int			 rc;

	for (;;) {
		if ((stmt = db_stmt(o->db, o->key == NULL ? walk_first_sql :
		    walk_next_sql, err)) == NULL)
			return KITH_DB;
		if (o->key != NULL) {
			sqlite3_bind_blob(stmt, 1, o->key, (int)o->key_len,
			    SQLITE_STATIC);
			sqlite3_bind_int64(stmt, 2, o->key_id);
		}
		sqlite3_bind_int(stmt, 3, CHUNK);
		got = 0;
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			got++;
			id = sqlite3_column_int64(stmt, 0);
			if ((r = find_id(o->byid, o->n_byid, id)) != NULL)
				names_add(o, r->id, r->score);
			if (got == CHUNK)	/* the next chunk's start */
				keep_key(o, sqlite3_column_blob(stmt, 1),
				    (size_t)sqlite3_column_bytes(stmt, 1), id);
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE)
			return db_fail(o->db, err, "reading the name order");
		if (got < CHUNK) {
			free(o->byid);
			o->byid = NULL;
			o->n_byid = 0;
			o->ph = PH_SORT;
			return KITH_OK;
		}
		if (over(until))
			return KITH_OK;
	}
}

/* NAMES with a query: its matches in name order, from the planner. */
static enum kith_status
step_matches(struct strength_order *o, int64_t until, struct kith_err *err)
{
	struct view_row		*rows;
	enum kith_status	 st;
	size_t			 n, i;
	int64_t			 left;

	for (;;) {
		left = until > 0 ? until - now_us() : 0;
		view_query_set_budget(o->q, 0, until > 0 ? (left > 1 ? left :
		    1) : 0);
		if ((st = view_query_page(o->q, o->key, o->key_len, o->key_id,
		    1, CHUNK, &rows, &n, err)) != KITH_OK)
			return st;
		for (i = 0; i < n; i++)
			names_add(o, rows[i].id, -1);
		if (n > 0)
			keep_key(o, rows[n - 1].key, rows[n - 1].key_len,
			    rows[n - 1].id);
		view_rows_free(rows, n);
		if (n < CHUNK && !view_query_more(o->q)) {
			view_query_free(o->q);
			o->q = NULL;
			o->ph = PH_LOOKUP;
			return KITH_OK;
		}
		if (over(until))
			return KITH_OK;
	}
}

/* LOOKUP: each match's score, by id. */
static enum kith_status
step_lookup(struct strength_order *o, int64_t until, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	while (o->next < o->n_names) {
		if ((stmt = db_stmt(o->db, lookup_sql, err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, o->names[o->next].id);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			o->names[o->next].score = score_of(stmt, 0, o->today);
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(o->db, err, "reading strengths");
		o->next++;
		if (o->next % CHUNK == 0 && over(until))
			return KITH_OK;
	}
	o->ph = PH_SORT;
	return KITH_OK;
}

/* Highest score first, name order (the order of names) among equals. */
static void
sort_ranks(struct strength_order *o)
{
	size_t	at[SCORE_MAX + 2], i, total = 0;
	int	s;

	memset(at, 0, sizeof at);
	for (i = 0; i < o->n_names; i++)
		if (o->names[i].score >= 0)
			at[SCORE_MAX - o->names[i].score + 1]++;
	for (s = 1; s <= SCORE_MAX + 1; s++)
		at[s] += at[s - 1];
	total = at[SCORE_MAX + 1];
	o->ranks = xreallocarray(NULL, total + 1, sizeof *o->ranks);
	for (i = 0; i < o->n_names; i++)
		if ((s = o->names[i].score) >= 0)
			o->ranks[at[SCORE_MAX - s]++] = o->names[i];
	o->n = total;
	free(o->names);
	o->names = NULL;
	o->n_names = o->cap_names = 0;
	free(o->key);
	o->key = NULL;
	o->ph = PH_DONE;
}

enum kith_status
strength_order_step(struct strength_order *o, int64_t usec, int *done,
    struct kith_err *err)
{
	enum kith_status	st = KITH_OK;
	int64_t			until = usec > 0 ? now_us() + usec : 0;

	while (st == KITH_OK && o->ph != PH_DONE) {
		switch (o->ph) {
		case PH_SCAN:
			st = step_scan(o, until, err);
			break;
		case PH_NAMES:
			st = o->q != NULL ? step_matches(o, until, err) :
			    step_walk(o, until, err);
			break;
		case PH_LOOKUP:
			st = step_lookup(o, until, err);
			break;
		case PH_SORT:
		case PH_DONE:
			sort_ranks(o);
			break;
		}
		if (over(until))
			break;
	}
	*done = o->ph == PH_DONE;
	return st;
}

int
strength_order_done(const struct strength_order *o)
{
	return o->ph == PH_DONE;
}

const struct strength_rank *
strength_order_ranks(const struct strength_order *o, size_t *n)
{
	*n = o->ph == PH_DONE ? o->n : 0;
	return o->ph == PH_DONE ? o->ranks : NULL;
}

int
strength_order_find(const struct strength_order *o, int64_t id, size_t *pos)
{
	size_t	i;

	if (o->ph != PH_DONE)
		return 0;
	for (i = 0; i < o->n; i++)
		if (o->ranks[i].id == id) {
			*pos = i;
			return 1;
		}
	return 0;
}

enum kith_status
strength_order_list(struct kith_db *db, const char *query, int archived,
    struct strength_rank **out, size_t *n, struct kith_err *err)
{
	struct strength_order	*o;
	enum kith_status	 st;
	int			 done = 0;

	*out = NULL;
	*n = 0;
	if ((st = strength_order_new(db, query, archived, &o, err)) != KITH_OK)
		return st;
	if ((st = strength_order_step(o, 0, &done, err)) == KITH_OK) {
		*out = o->ranks;
		*n = o->n;
		o->ranks = NULL;
	}
	strength_order_free(o);
	return st;
}
