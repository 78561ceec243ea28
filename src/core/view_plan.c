/* SPDX-License-Identifier: MIT */
/*
 * Compiling a query (view_impl.h): choosing its plan from a sample of
 * the search index, the set's MATCH expression, and a narrowed query that
 * starts from what its parent has found.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/match.h"
#include "kith/search.h"
#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"
#include "view_impl.h"

#define SAMPLE_RUNS	6	/* runs of consecutive ids sampled */
#define SAMPLE_RUN	100	/* rows per run */

#define PAGE_GUESS	24	/* rows of a first page (a screenful) */
#define HEAD_PRIOR	500.0	/* weight of the sample against a head */

/* Estimated costs in microseconds per row (measured at 1M contacts). */
#define COST_WALK	25.0	/* name index row + its search text, with
				   cache misses and matches clustered by name */
#define COST_STEP	0.3	/* name index row alone */
#define COST_PREFIX	0.15	/* a match read from the prefix index */
#define COST_LETTER	0.3	/* one for a one-letter word (37-way OR) */
#define COST_MERGE	1.0	/* one for a longer word (merged doclists) */
#define FTS_WORD_MAX	3000.0	/* most a word may cost to go to FTS5 */

/* Search text of the ids from ?1 on, in id order (the sample). */
#define SAMPLE_SQL							\
	"SELECT id, id, c0, c1, c2, c3, c4, c5, c6 "			\
	"FROM contact_fts_content WHERE id >= ?1 ORDER BY id LIMIT ?2"

/* The contacts whose keys hold the names in ?1, at most ?2. */
#define NAMES_SQL							\
	"SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?1 LIMIT ?2"

static double		fts_cost(const char *);
static enum kith_status	choose_plan(struct view_query *, struct kith_err *);
static char		*fts_expr(const struct view_query *);
static void		drop_plan(struct view_query *);
static enum kith_status	narrow_names(struct view_query *, char **, size_t,
			    int *, struct kith_err *);

enum kith_status
view_query_new(struct kith_db *db, const char *query, int archived,
    struct view_query **out, struct kith_err *err)
{
	struct view_query	*q;
	enum kith_status	 st;

	*out = NULL;
	q = xcalloc(1, sizeof *q);
	q->db = db;
	q->archived = archived != 0;
	if ((st = vq_fold_words(q, query, err)) != KITH_OK ||
	    (st = view_query_set_plan(q, VIEW_PLAN_AUTO, err)) != KITH_OK) {
		view_query_free(q);
		return st;
	}
	*out = q;
	return KITH_OK;
}

enum kith_status
view_query_narrow(const struct view_query *old, const char *query,
    struct view_query **out, struct kith_err *err)
{
	struct view_query	*q;
	const struct vq_item	*it;
	enum kith_status	 st;
	char			**names = NULL;
	size_t			 i, n_names = 0;
	int			 ok;

	*out = NULL;
	q = xcalloc(1, sizeof *q);
	q->db = old->db;
	q->archived = old->archived;
	q->budget_rows = old->budget_rows;
	q->budget_us = old->budget_us;
	if ((st = vq_fold_words(q, query, err)) != KITH_OK)
		goto fail;
	if (!vq_refines(old, q, &names, &n_names)) {
		st = view_query_set_plan(q, VIEW_PLAN_AUTO, err);
		goto done;
	}
	/* The old head, filtered, up to the same position. */
	/* Room as vq_head_add keeps it: a multiple of 64 items. */
	q->head = xcalloc(old->n_head / 64 * 64 + 64, sizeof *q->head);
	for (i = 0; i < old->n_head; i++) {
		it = &old->head[i];
		if (!vq_joined_match(q, it->text))
			continue;
		q->head[q->n_head].key = xmalloc(it->key_len + 1);
		memcpy(q->head[q->n_head].key, it->key, it->key_len);
		q->head[q->n_head].key_len = it->key_len;
		q->head[q->n_head].id = it->id;
		q->head[q->n_head++].text = xstrdup(it->text);
	}
	q->whole = old->whole;
	q->head_rows = old->head_rows;
	if (old->head_end.key != NULL) {
		q->head_end.key = xmalloc(old->head_end.key_len + 1);
		memcpy(q->head_end.key, old->head_end.key,
		    old->head_end.key_len);
		q->head_end.key_len = old->head_end.key_len;
		q->head_end.id = old->head_end.id;
	}
	/* With what the names of the new words find that old's did not. */
	if (n_names > 0) {
		if ((st = narrow_names(q, names, n_names, &ok, err)) !=
		    KITH_OK)
			goto fail;
		if (!ok) {
			st = view_query_set_plan(q, VIEW_PLAN_AUTO, err);
			goto done;
		}
	}
	q->check = 1;
	if (q->whole) {
		q->plan = VIEW_PLAN_LIST;
		goto done;
	}
	if ((st = choose_plan(q, err)) != KITH_OK || !vq_same_set(old, q))
		goto done;
	/* The same set: take over what old has built of it. */
	q->set_to = old->set_to;
	q->n_set = old->n_set;
	q->n_bits = old->n_bits;
	if (old->n_bits > 0) {
		q->bits = xreallocarray(NULL, (size_t)(old->n_bits / 64),
		    sizeof *q->bits);
		memcpy(q->bits, old->bits, (size_t)(old->n_bits / 64) *
		    sizeof *q->bits);
	}
done:
	if (st == KITH_OK) {
		match_variants_free(names, n_names);
		*out = q;
		return KITH_OK;
	}
fail:
	match_variants_free(names, n_names);
	view_query_free(q);
	return st;
}

/*
 * Adds to q's head (filtered from a parent's, view_query_narrow) the
 * matches of q up to the head's end among the contacts whose keys hold
 * one of the n names, which q's parent may not have found.  *ok 0 if they
 * are more than LIST_MAX: the head is not worth keeping then.
 */
static enum kith_status
narrow_names(struct view_query *q, char **names, size_t n, int *ok,
    struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	struct sbuf		 sb = { 0 };
	struct vq_item		 it = { 0 };
	int64_t			*ids = NULL;
	size_t			 n_ids = 0, i, k, had = q->n_head;
	int			 rc, yes;

	*ok = 0;
	for (i = 0; i < n; i++)
		sbuf_printf(&sb, "%skeys : \"%s\"", i > 0 ? " OR " : "",
		    names[i]);
	if ((stmt = db_stmt(q->db, NAMES_SQL, err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, sb.s, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, LIST_MAX + 1);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n_ids + 1, sizeof *ids);
		ids[n_ids++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(q->db, err, "searching contacts");
		goto out;
	}
	if (n_ids > LIST_MAX)
		goto out;
	*ok = 1;
	for (i = 0; i < n_ids; i++) {
		for (k = 0; k < had && q->head[k].id != ids[i]; k++)
			;
		if (k < had)
			continue;	/* found by the parent's words too */
		if ((st = vq_check_one(q, ids[i], 1, &yes, &it, err)) !=
		    KITH_OK)
			goto out;
		if (!yes)
			continue;
		if (!q->whole && (q->head_end.key == NULL ||
		    vq_pos_cmp(&q->head_end, it.key, it.key_len, it.id) < 0)) {
			vq_item_free(&it);
			continue;	/* beyond the head's end */
		}
		if (q->n_head % 64 == 0)
			q->head = xreallocarray(q->head, q->n_head + 64,
			    sizeof *q->head);
		q->head[q->n_head++] = it;
		memset(&it, 0, sizeof it);
	}
	qsort(q->head, q->n_head, sizeof *q->head, vq_item_cmp);
out:
	vq_item_free(&it);
	free(ids);
	sbuf_free(&sb);
	return st;
}

/* Drops the plan and the head. */
static void
drop_plan(struct view_query *q)
{
	size_t	i;

	free(q->expr);
	q->expr = NULL;
	q->deal_set = 0;
	free(q->bits);
	q->bits = NULL;
	q->n_bits = q->n_set = q->set_to = 0;
	for (i = 0; i < q->n_list; i++)
		vq_item_free(&q->list[i]);
	free(q->list);
	q->list = NULL;
	q->n_list = 0;
	q->list_to = 0;
	q->forced = 0;
	for (i = 0; i < q->n_head; i++)
		vq_item_free(&q->head[i]);
	free(q->head);
	q->head = NULL;
	q->n_head = 0;
	vq_item_free(&q->head_end);
	vq_item_free(&q->stop_from);
	vq_item_free(&q->stop_at);
	q->stop_dir = 0;
	q->more = 0;
	q->head_rows = 0;
	q->whole = 0;
	if (q->n_words > 0)
		memset(q->in_fts, 0, q->n_words);
	q->check = q->n_words > 0;
}

void
view_query_free(struct view_query *q)
{
	size_t	i;

	if (q == NULL)
		return;
	drop_plan(q);
	for (i = 0; i < q->n_words; i++) {
		free(q->words[i]);
		match_variants_free(q->alts[i], q->n_alts[i]);
	}
	free(q->words);
	free(q->alts);
	free(q->n_alts);
	free(q->in_fts);
	free(q);
}

enum view_plan
view_query_plan(const struct view_query *q)
{
	return q->plan;
}

enum kith_status
view_query_set_plan(struct view_query *q, enum view_plan plan,
    struct kith_err *err)
{
	drop_plan(q);
	q->plan = plan;
	if (q->n_words == 0 && !q->deal) {
		q->plan = VIEW_PLAN_ALL;
		return KITH_OK;
	}
	if (plan == VIEW_PLAN_AUTO || plan == VIEW_PLAN_ALL) {
		q->plan = VIEW_PLAN_AUTO;
		return choose_plan(q, err);
	}
	q->forced = 1;
	if (plan == VIEW_PLAN_WALK)
		return KITH_OK;
	if (q->deal) {		/* the people on deals, words tested in C */
		q->deal_set = 1;
		return KITH_OK;
	}
	/* Forced BITMAP or LIST: every word to FTS5, none tested in C. */
	memset(q->in_fts, FTS_WORD, q->n_words);
	q->check = 0;
	q->expr = fts_expr(q);
	return KITH_OK;
}

/* Per-row cost in microseconds of streaming word w's matches from FTS5. */
static double
fts_cost(const char *w)
{
	size_t	len = strlen(w);

	return len == 1 ? COST_LETTER : len <= 3 ? COST_PREFIX : COST_MERGE;
}

/*
 * Samples the search text, estimates the cost of each plan and chooses
 * the cheapest; a set is built later, by vq_set_step.  A head already there
 * (a narrowed query) is kept: the first page needs fewer rows past its
 * end.
 */
static enum kith_status
choose_plan(struct view_query *q, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	int64_t			 lo = 0, hi = 0, start, span;
	double			*hits, *cost, all = 0, seen = 0;
	double			 n, d, dw, walk, set, m, best, want, pre;
	size_t			 w, cheapest = 0;
	int			 rc, r;

	if (q->deal) {
		/* The set is the people on deals; every word in C. */
		if (q->n_words > 0)
			memset(q->in_fts, FTS_NONE, q->n_words);
		q->check = q->n_words > 0;
		q->deal_set = 1;
		q->plan = VIEW_PLAN_BITMAP;
		return KITH_OK;
	}
	if ((stmt = db_stmt(q->db, "SELECT (SELECT min(id) FROM contact), "
	    "(SELECT max(id) FROM contact)", err)) == NULL)
		return KITH_DB;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		lo = sqlite3_column_int64(stmt, 0);
		hi = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(q->db, err, "searching contacts");
	span = hi >= lo ? hi - lo + 1 : 0;

	/*
	 * The sample: runs of rows spread evenly over the ids.  hits[2w]
	 * counts word w's matches, hits[2w + 1] those of its first three
	 * letters.
	 */
	if ((stmt = db_stmt(q->db, SAMPLE_SQL, err)) == NULL)
		return KITH_DB;
	hits = xcalloc(q->n_words * 2, sizeof *hits);
	cost = xcalloc(q->n_words, sizeof *cost);
	for (r = 0; r < SAMPLE_RUNS && span > 0; r++) {
		if (span <= (int64_t)SAMPLE_RUNS * SAMPLE_RUN && r > 0)
			break;		/* one run reads them all */
		start = lo + span / SAMPLE_RUNS * r;
		sqlite3_bind_int64(stmt, 1, start);
		sqlite3_bind_int64(stmt, 2, span <= (int64_t)SAMPLE_RUNS *
		    SAMPLE_RUN ? span : SAMPLE_RUN);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			seen++;
			for (w = 0; w < q->n_words; w++) {
				hits[2 * w] += vq_text_matches(q, stmt, 2,
				    (long)w);
				hits[2 * w + 1] += strlen(q->words[w]) > 3 &&
				    vq_text_has(stmt, 2, q->words[w], 3);
			}
			all += vq_text_matches(q, stmt, 2, TEST_ALL);
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(q->db, err, "searching contacts");
			goto out;
		}
	}
	if (seen == 0) {
		drop_plan(q);
		q->plan = VIEW_PLAN_LIST;	/* no contacts: an empty list */
		q->whole = 1;
		goto out;
	}

	/*
	 * Costs, in microseconds; an unseen match counts as half a row.  A
	 * walk needs the first page's rows past the head, and a quarter page
	 * more however long the head, so that the pages after it stay cheap.
	 */
	n = (double)span;
	d = all / seen;
	want = PAGE_GUESS - (q->n_head < PAGE_GUESS * 3 / 4 ? (double)q->n_head :
	    PAGE_GUESS * 3 / 4);
	/*
	 * Names cluster, so what the head found is a better guess of what
	 * follows it than the sample is, the more so the longer it is: the
	 * sample counts as HEAD_PRIOR rows of it.
	 */
	dw = (q->n_head + d * HEAD_PRIOR) / (q->head_rows + HEAD_PRIOR);
	walk = dw > 0 ? want * COST_WALK / dw : 1e12;
	/*
	 * A longer word whose doclists would cost too much to merge goes to
	 * FTS5 as its first three letters, a stream that vq_set_step can stop
	 * and resume, and is tested in C as well.
	 */
	best = 1e12;
	for (w = 0; w < q->n_words; w++) {
		cost[w] = n * (hits[2 * w] + 0.5) / seen *
		    fts_cost(q->words[w]);
		q->in_fts[w] = FTS_WORD;
		pre = n * (hits[2 * w + 1] + 0.5) / seen * COST_PREFIX;
		if (strlen(q->words[w]) > 3 && cost[w] > FTS_WORD_MAX &&
		    pre < cost[w]) {
			cost[w] = pre;
			q->in_fts[w] = FTS_PREFIX;
		}
		if (cost[w] < best) {
			best = cost[w];
			cheapest = w;
		}
	}
	/*
	 * Sparse words go to FTS5, at least the cheapest, and so do streams
	 * of the prefix index, which only narrow FTS5's AND; the rest to C.
	 * If the sample saw no match, all but one-letter words go to FTS5:
	 * the matches of a few may be none of the others', and a walk would
	 * test every one of them in C to find nothing.
	 */
	set = 0;
	q->check = 0;
	for (w = 0; w < q->n_words; w++) {
		if (!(w == cheapest || cost[w] <= FTS_WORD_MAX ||
		    q->in_fts[w] == FTS_PREFIX ||
		    fts_cost(q->words[w]) == COST_PREFIX ||
		    (all == 0 && strlen(q->words[w]) > 1)))
			q->in_fts[w] = FTS_NONE;
		if (q->in_fts[w] != FTS_NONE)
			set += cost[w];
		q->check |= q->in_fts[w] != FTS_WORD;
	}
	m = n * (all + 0.5) / seen;
	set += PAGE_GUESS * n / m * COST_STEP;
	if (walk <= set) {
		memset(q->in_fts, FTS_NONE, q->n_words);
		q->check = 1;
		q->plan = VIEW_PLAN_WALK;
	} else {
		q->expr = fts_expr(q);
		q->plan = VIEW_PLAN_BITMAP;
	}
out:
	free(hits);
	free(cost);
	return st;
}

/* The MATCH expression of the words that go to FTS5. */
static char *
fts_expr(const struct view_query *q)
{
	static const char	 more[] = "abcdefghijklmnopqrstuvwxyz0123456789";
	struct sbuf		 sb = { 0 };
	size_t			 w, i;

	for (w = 0; w < q->n_words; w++) {
		if (q->in_fts[w] == FTS_NONE)
			continue;
		if (sb.len > 0)
			sbuf_add(&sb, " AND ");
		/*
		 * The text columns by prefix, the matcher's keys column by
		 * the word's names, as search_fts_query does.
		 */
		sbuf_add(&sb, "(" SEARCH_FTS_TEXT " : ");
		if (strlen(q->words[w]) > 1) {
			sbuf_printf(&sb, "\"%.*s\"*", q->in_fts[w] ==
			    FTS_PREFIX ? 3 : (int)strlen(q->words[w]),
			    q->words[w]);
			for (i = 0; i < q->n_alts[w]; i++)
				sbuf_printf(&sb, " OR keys : \"%s\"",
				    q->alts[w][i]);
			sbuf_addc(&sb, ')');
			continue;
		}
		/*
		 * One letter: its two-letter prefixes come from the prefix
		 * index as streams, where "x"* would merge every term.
		 */
		sbuf_addc(&sb, '(');
		for (i = 0; more[i] != '\0'; i++)
			sbuf_printf(&sb, "\"%s%c\"* OR ", q->words[w], more[i]);
		sbuf_printf(&sb, "\"%s\"))", q->words[w]);
	}
	return sbuf_detach(&sb);
}
