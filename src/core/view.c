/* SPDX-License-Identifier: MIT */
/*
 * Windows onto the contact list for the full-screen front (view.h).
 *
 * Every page is in name order, the order of the contact_by_sort index, and
 * starts from a (sort key, id) position, so its cost does not grow with the
 * position in the list.  A query is compiled (struct view_query) into one
 * of four plans, chosen so that no page and no count step costs more than a
 * few milliseconds at 1,000,000 contacts:
 *
 *   ALL     no query: a keyset range over contact_by_sort.
 *   WALK    the query matches many contacts: walk contact_by_sort and test
 *           each contact's search text in C; a page of L rows reads about
 *           L / density rows.
 *   BITMAP  fewer matches: the search index's matches of the selective
 *           words (the set) go into a bitmap over ids (125 KB for
 *           1,000,000 ids); the same walk tests only the ids in it.
 *   LIST    few matches: the set's ids, checked and sorted by (sort key,
 *           id), a complete head (below).
 *
 * The set is built in steps (set_step), in id order: FTS5 gives its
 * matches in rowid order and goes on from any rowid, so a step stops when
 * its budget is spent and the next resumes from set_to.  The walk takes
 * what there is: a row below set_to is skipped unless its bit is set, a
 * row above is tested in C like WALK's.  So BITMAP starts as WALK and gets
 * cheaper as the set grows, and a set that turns out to hold at most
 * LIST_MAX ids is then checked, a budget at a time, into the LIST plan.
 * A narrowed query whose set is its parent's (the same MATCH expression)
 * takes over what the parent has built of it.
 *
 * Whatever the plan, the query keeps a head: the matches from the start of
 * the list up to a position, in name order, each with its search text.  A
 * forward walk from the head's end adds what it finds to it (up to
 * HEAD_MAX matches); pages that start inside the head are read from it; a
 * walk that reaches the end of the list completes it.  The LIST plan is a
 * complete head.
 *
 * The head is what makes typing cheap.  A query typed on from another
 * (view_query_narrow: every old word prefixes a new one) matches a subset
 * of the old one's matches, so its head is the old head filtered in C, up
 * to the same position, without reading the database.  A complete head
 * stays complete; otherwise the first page often lies inside the filtered
 * head, and a walk needs only to go on from its end.
 *
 * A query may carry a budget (view_query_set_budget): rows stepped or
 * microseconds per call.  A walk that spends it returns what it found and
 * says so (view_query_more); the front calls again from the last row it
 * got, or from the same place, and the walk goes on from where it stopped:
 * from the head's end if it was extending the head (the end moves with
 * the walk, match or not), else from the row kept in stop_at.  So a
 * keystroke costs at most the compile and one budget, however sparse the
 * matches, and the rest of the page comes in idle steps.  A page call
 * spends at most half its budget on the set, a count step all of it; a
 * count from the set waits for the set to be complete.
 *
 * The plan comes from a sample: SAMPLE_RUNS runs of rows spread over the
 * id range, whose search text is tested against each word and against the
 * whole query.  That gives the density of each, hence the cost of each
 * plan.  The search index (FTS5, prefix='2 3') serves two- and three-letter
 * prefixes from its prefix index, a stream whose cost is the rows read; a
 * one-letter word is rewritten as the OR of its two-letter prefixes and
 * the word itself, which streams too; a longer word makes FTS5 merge the
 * doclists of every term it prefixes, which costs what they hold, and
 * again at each step that resumes.  So a longer word goes to FTS5 as
 * itself only if it is sparse; otherwise as its first three letters, a
 * stream, and is tested in C too.  The words left out are tested in C.
 *
 * Testing in C relies on what the search index holds: folded text (text.h)
 * of [a-z0-9] words and single spaces, which the unicode61 tokenizer splits
 * at the spaces.  A query word then matches a row iff one of its words
 * starts with it, as FTS5's "word"* does.  The text is read from the FTS5
 * table's content table (contact_fts_content, columns c0..c5), which is
 * about twice as fast as reading it through the virtual table.  Each read
 * by id lands on a page of its own (ids and names are unrelated), about
 * 10 us at 1,000,000 contacts: the costs below count those reads.
 *
 * The in:deal filter (search_query_split: people on open deals) makes the
 * set those people instead of FTS5's matches, read in id order from
 * deal_contact, and every word is tested in C: the plan is BITMAP, or
 * LIST when they are few, so the walk steps over the rest of the book at
 * the cost of a bit test.  A row the set has not reached yet is asked of
 * deal_contact (SQL_IN_OPEN_DEAL), as a forced WALK asks of every row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kith/search.h"
#include "kith/text.h"
#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"

#define SAMPLE_RUNS	6	/* runs of consecutive ids sampled */
#define SAMPLE_RUN	100	/* rows per run */
#define LIST_MAX	500	/* most ids of a set that becomes a LIST */
#define HEAD_MAX	4000	/* most matches a head keeps */
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

/* One contact's search text. */
#define TEXT_SQL							\
	"SELECT c0, c1, c2, c3, c4, c5 FROM contact_fts_content WHERE id = ?1"

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
	"SELECT c.archived, c.sort_key, f.c0, f.c1, f.c2, f.c3, f.c4, f.c5 " \
	"FROM contact c LEFT JOIN contact_fts_content f ON f.id = c.id "	\
	"WHERE c.id = ?1"

/* Search text of the ids from ?1 on, in id order (the sample). */
#define SAMPLE_SQL							\
	"SELECT id, id, c0, c1, c2, c3, c4, c5 FROM contact_fts_content "	\
	"WHERE id >= ?1 ORDER BY id LIMIT ?2"

/* The same with the archived flag (counts). */
#define SCAN_SQL							\
	"SELECT c.id, c.archived, f.c0, f.c1, f.c2, f.c3, f.c4, f.c5 "	\
	"FROM contact c LEFT JOIN contact_fts_content f ON f.id = c.id "	\
	"WHERE c.id >= ?1 ORDER BY c.id LIMIT ?2"

#define N_TEXT	6	/* columns of search text */
#define TEST_ALL	(-1L)	/* words_match(): every word */
#define TEST_C		(-2L)	/* the words tested in C */
#define SET_DONE	INT64_MAX	/* set_to of a complete set */

/* How a word goes to FTS5 (in_fts). */
enum {
	FTS_NONE,		/* not at all: tested in C */
	FTS_WORD,		/* as itself: the set holds its matches */
	FTS_PREFIX		/* as its first three letters (a stream of the
				   prefix index), and tested in C */
};

struct vq_item {
	unsigned char	*key;		/* sort key (owned) */
	size_t		 key_len;
	int64_t		 id;
	char		*text;		/* search text, columns joined by
					   spaces (owned; NULL in head_end) */
};

struct view_query {
	struct kith_db	*db;
	int		 archived;	/* archived contacts too */
	int		 deal;		/* in:deal: people on open deals only */
	char		**words;	/* folded, none a prefix of another */
	size_t		 n_words;
	unsigned char	*in_fts;	/* per word: FTS_NONE, _WORD, _PREFIX */
	int		 check;		/* some word is tested in C */
	enum view_plan	 plan;
	int		 forced;	/* plan from view_query_set_plan */

	char		*expr;		/* the set's MATCH expression (NULL:
					   no set) */
	int		 deal_set;	/* the set is the people on open deals
					   (in:deal), not expr's matches */
	uint64_t	*bits;		/* the set: its matches by id */
	int64_t		 n_bits;	/* ids the bitmap has room for */
	int64_t		 n_set;		/* bits set */
	int64_t		 set_to;	/* bits hold every match below this id
					   (SET_DONE: all) */
	struct vq_item	*list;		/* LIST: the set's ids checked so far */
	size_t		 n_list;
	int64_t		 list_to;	/* ... those below this id */

	struct vq_item	*head;		/* the first matches, in name order */
	size_t		 n_head;
	struct vq_item	 head_end;	/* every match up to here is in head
					   (key NULL: no position yet) */
	int64_t		 head_rows;	/* about the rows of the name index
					   up to it (the walks' steps) */
	int		 whole;		/* head holds every match */

	int64_t		 budget_rows;	/* rows a call may step (0: any) */
	int64_t		 budget_us;	/* microseconds it may take (0: any) */
	int		 more;		/* the last page stopped on its budget */
	int		 stop_dir;	/* it walked this way (0: none) ... */
	struct vq_item	 stop_from;	/* ... from here (key NULL: an end) */
	struct vq_item	 stop_at;	/* ... and stopped after this row */
};

/* A call's budget (the query's) and what it has spent. */
struct budget {
	int64_t		 rows;		/* rows it may step (0: any) */
	int64_t		 until;		/* deadline in microseconds (0: none) */
	int64_t		 steps;		/* rows stepped */
};

static enum kith_status	fold_words(struct view_query *, const char *,
			    struct kith_err *);
static int		word_in(const unsigned char *, size_t, const char *,
			    size_t);
static int		words_match(const struct view_query *,
			    const unsigned char **, const size_t *, size_t,
			    long);
static int		text_matches(const struct view_query *,
			    sqlite3_stmt *, int, long);
static int		text_has(sqlite3_stmt *, int, const char *, size_t);
static char		*text_join(sqlite3_stmt *, int);
static int		refines(const struct view_query *,
			    const struct view_query *);
static enum kith_status	choose_plan(struct view_query *, struct kith_err *);
static enum kith_status	set_step(struct view_query *, struct budget *,
			    struct kith_err *);
static int		set_pending(const struct view_query *);
static int		same_set(const struct view_query *,
			    const struct view_query *);
static enum kith_status	deal_has(struct view_query *, int64_t, int *,
			    struct kith_err *);
static char		*fts_expr(const struct view_query *);
static void		bit_set(struct view_query *, int64_t);
static int		bit_get(const struct view_query *, int64_t);
static int		item_cmp(const void *, const void *);
static int		pos_cmp(const struct vq_item *, const unsigned char *,
			    size_t, int64_t);
static void		item_free(struct vq_item *);
static void		item_set(struct vq_item *, const void *, size_t,
			    int64_t);
static int		same_pos(const struct vq_item *,
			    const unsigned char *, size_t, int64_t);
static int64_t		now_us(void);
static void		budget_start(const struct view_query *,
			    struct budget *);
static void		budget_half(const struct budget *, struct budget *);
static int		budget_spent(struct budget *, int);
static void		head_add(struct view_query *, const struct view_row *,
			    char *);
static int		head_covers(const struct view_query *,
			    const unsigned char *, size_t, int64_t);
static void		drop_plan(struct view_query *);
static enum kith_status	fetch_row(struct view_query *, int64_t, const char *,
			    struct view_row *, int *, struct kith_err *);
static enum kith_status	page_all(struct view_query *, const unsigned char *,
			    size_t, int64_t, int, size_t, struct view_row *,
			    size_t *, struct kith_err *);
static enum kith_status	page_walk(struct view_query *, const unsigned char *,
			    size_t, int64_t, int, int, struct budget *, size_t,
			    struct view_row *, size_t *, struct kith_err *);
static enum kith_status	test_text(struct view_query *, int64_t, long, int *,
			    char **, struct kith_err *);
static enum kith_status	page_head(struct view_query *, const unsigned char *,
			    size_t, int64_t, int, size_t, struct view_row *,
			    size_t *, struct kith_err *);
static enum kith_status	check_one(struct view_query *, int64_t, int, int *,
			    struct vq_item *, struct kith_err *);

void
view_rows_free(struct view_row *rows, size_t n)
{
	size_t	i;

	if (rows == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].org);
		free(rows[i].key);
	}
	free(rows);
}

/* ---- words and the test in C ----------------------------------------- */

/*
 * Folds query into words, dropping repeats and words that prefix another
 * word of the query (a word starting with "acme" starts with "a" too).
 */
static enum kith_status
fold_words(struct view_query *q, const char *query, struct kith_err *err)
{
	enum kith_status	 st;
	char			*words, *fold, *word, *save = NULL;
	size_t			 i, j, len;

	q->in_fts = xcalloc(1, 1);
	q->deal = (search_query_split(query, &words) & SEARCH_IN_DEAL) != 0;
	if (words == NULL)
		return KITH_OK;
	st = text_fold(kith_db_text(q->db), words, &fold, err);
	free(words);
	if (st != KITH_OK)
		return st;
	for (word = strtok_r(fold, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save)) {
		q->words = xreallocarray(q->words, q->n_words + 1,
		    sizeof *q->words);
		q->words[q->n_words++] = xstrdup(word);
	}
	free(fold);
	for (i = 0; i < q->n_words; i++) {
		len = strlen(q->words[i]);
		for (j = 0; j < q->n_words; j++) {
			if (j == i || strncmp(q->words[j], q->words[i], len))
				continue;
			/* words[i] prefixes words[j]; of equals keep one. */
			if (strlen(q->words[j]) > len || j < i)
				break;
		}
		if (j < q->n_words) {
			free(q->words[i]);
			memmove(q->words + i, q->words + i + 1,
			    (q->n_words - i - 1) * sizeof *q->words);
			q->n_words--;
			i--;
		}
	}
	free(q->in_fts);
	q->in_fts = xcalloc(q->n_words + 1, 1);
	return KITH_OK;
}

/* Whether a word of the len bytes at s starts with w (wl bytes). */
static int
word_in(const unsigned char *s, size_t len, const char *w, size_t wl)
{
	size_t	i;

	for (i = 0; i + wl <= len; i++) {
		if (s[i] == ' ')
			continue;
		if (s[i] == (unsigned char)w[0] && memcmp(s + i, w, wl) == 0)
			return 1;
		while (i < len && s[i] != ' ')	/* to the word's end */
			i++;
	}
	return 0;
}

/*
 * Whether the n texts t (lengths tl, NULL for none) hold the words of q
 * that which names: TEST_ALL, TEST_C (those FTS5 does not test) or one
 * word's index.
 */
static int
words_match(const struct view_query *q, const unsigned char **t,
    const size_t *tl, size_t n, long which)
{
	size_t	i, w, wl;

	for (w = 0; w < q->n_words; w++) {
		if (which == TEST_C ? q->in_fts[w] == FTS_WORD :
		    which != TEST_ALL &&
		    (size_t)which != w)
			continue;
		wl = strlen(q->words[w]);
		for (i = 0; i < n; i++)
			if (t[i] != NULL && word_in(t[i], tl[i], q->words[w],
			    wl))
				break;
		if (i == n)
			return 0;
	}
	return 1;
}

/*
 * Whether the search text in columns col..col+5 of stmt holds the words of
 * q that which names (words_match).  No text (no index entry) matches
 * nothing, as in FTS5.
 */
static int
text_matches(const struct view_query *q, sqlite3_stmt *stmt, int col,
    long which)
{
	const unsigned char	*t[N_TEXT];
	size_t			 tl[N_TEXT], i;
	int			 any = 0;

	for (i = 0; i < N_TEXT; i++) {
		t[i] = sqlite3_column_text(stmt, col + (int)i);
		tl[i] = (size_t)sqlite3_column_bytes(stmt, col + (int)i);
		any |= sqlite3_column_type(stmt, col + (int)i) != SQLITE_NULL;
	}
	return any && words_match(q, t, tl, N_TEXT, which);
}

/* Whether a word of the search text in columns col..col+5 of stmt starts
 * with the first wl bytes of w. */
static int
text_has(sqlite3_stmt *stmt, int col, const char *w, size_t wl)
{
	const unsigned char	*t;
	int			 i;

	for (i = col; i < col + N_TEXT; i++)
		if ((t = sqlite3_column_text(stmt, i)) != NULL &&
		    word_in(t, (size_t)sqlite3_column_bytes(stmt, i), w, wl))
			return 1;
	return 0;
}

/*
 * The search text in columns col..col+5 of stmt as one string, for a
 * head: joined by spaces, it holds the same words.  Caller frees.
 */
static char *
text_join(sqlite3_stmt *stmt, int col)
{
	struct sbuf	 sb = { 0 };
	const char	*t;
	int		 i;

	for (i = col; i < col + N_TEXT; i++) {
		if ((t = (const char *)sqlite3_column_text(stmt, i)) == NULL)
			continue;
		if (sb.len > 0)
			sbuf_addc(&sb, ' ');
		sbuf_add(&sb, t);
	}
	return sbuf_detach(&sb);
}

/* ---- compiling -------------------------------------------------------- */

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
	if ((st = fold_words(q, query, err)) != KITH_OK ||
	    (st = view_query_set_plan(q, VIEW_PLAN_AUTO, err)) != KITH_OK) {
		view_query_free(q);
		return st;
	}
	*out = q;
	return KITH_OK;
}

/* Whether every word of old prefixes a word of q: q matches fewer. */
static int
refines(const struct view_query *old, const struct view_query *q)
{
	size_t	i, j;

	if ((old->n_words == 0 && !old->deal) || old->deal != q->deal ||
	    old->archived != q->archived)
		return 0;
	for (i = 0; i < old->n_words; i++) {
		for (j = 0; j < q->n_words; j++)
			if (strncmp(q->words[j], old->words[i],
			    strlen(old->words[i])) == 0)
				break;
		if (j == q->n_words)
			return 0;
	}
	return 1;
}

enum kith_status
view_query_narrow(const struct view_query *old, const char *query,
    struct view_query **out, struct kith_err *err)
{
	struct view_query	*q;
	const struct vq_item	*it;
	const unsigned char	*t;
	enum kith_status	 st;
	size_t			 i, tl;

	*out = NULL;
	q = xcalloc(1, sizeof *q);
	q->db = old->db;
	q->archived = old->archived;
	q->budget_rows = old->budget_rows;
	q->budget_us = old->budget_us;
	if ((st = fold_words(q, query, err)) != KITH_OK)
		goto fail;
	if (!refines(old, q)) {
		st = view_query_set_plan(q, VIEW_PLAN_AUTO, err);
		goto done;
	}
	/* The old head, filtered, up to the same position. */
	/* Room as head_add keeps it: a multiple of 64 items. */
	q->head = xcalloc(old->n_head / 64 * 64 + 64, sizeof *q->head);
	for (i = 0; i < old->n_head; i++) {
		it = &old->head[i];
		t = (const unsigned char *)it->text;
		tl = strlen(it->text);
		if (!words_match(q, &t, &tl, 1, TEST_ALL))
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
	q->check = 1;
	if (q->whole) {
		q->plan = VIEW_PLAN_LIST;
		goto done;
	}
	if ((st = choose_plan(q, err)) != KITH_OK || !same_set(old, q))
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
		*out = q;
		return KITH_OK;
	}
fail:
	view_query_free(q);
	return st;
}

static void
item_free(struct vq_item *it)
{
	free(it->key);
	free(it->text);
	memset(it, 0, sizeof *it);
}

/* Sets *it (its text freed) to the position (key, key_len, id). */
static void
item_set(struct vq_item *it, const void *key, size_t key_len, int64_t id)
{
	item_free(it);
	it->key = xmalloc(key_len + 1);
	if (key_len > 0)
		memcpy(it->key, key, key_len);
	it->key_len = key_len;
	it->id = id;
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
		item_free(&q->list[i]);
	free(q->list);
	q->list = NULL;
	q->n_list = 0;
	q->list_to = 0;
	q->forced = 0;
	for (i = 0; i < q->n_head; i++)
		item_free(&q->head[i]);
	free(q->head);
	q->head = NULL;
	q->n_head = 0;
	item_free(&q->head_end);
	item_free(&q->stop_from);
	item_free(&q->stop_at);
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
	for (i = 0; i < q->n_words; i++)
		free(q->words[i]);
	free(q->words);
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
 * the cheapest; a set is built later, by set_step.  A head already there
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
				hits[2 * w] += text_matches(q, stmt, 2,
				    (long)w);
				hits[2 * w + 1] += strlen(q->words[w]) > 3 &&
				    text_has(stmt, 2, q->words[w], 3);
			}
			all += text_matches(q, stmt, 2, TEST_ALL);
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
	 * FTS5 as its first three letters, a stream that set_step can stop
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
		/* Not the matcher's keys column (search.h). */
		sbuf_add(&sb, SEARCH_FTS_TEXT " : ");
		if (strlen(q->words[w]) > 1) {
			sbuf_printf(&sb, "\"%.*s\"*", q->in_fts[w] ==
			    FTS_PREFIX ? 3 : (int)strlen(q->words[w]),
			    q->words[w]);
			continue;
		}
		/*
		 * One letter: its two-letter prefixes come from the prefix
		 * index as streams, where "x"* would merge every term.
		 */
		sbuf_addc(&sb, '(');
		for (i = 0; more[i] != '\0'; i++)
			sbuf_printf(&sb, "\"%s%c\"* OR ", q->words[w], more[i]);
		sbuf_printf(&sb, "\"%s\")", q->words[w]);
	}
	return sbuf_detach(&sb);
}

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

static int
bit_get(const struct view_query *q, int64_t id)
{
	if (id < 0 || id >= q->n_bits)
		return 0;
	return (q->bits[id / 64] >> (id % 64)) & 1;
}

/* SQLite's BLOB order, then id. */
static int
pos_cmp(const struct vq_item *a, const unsigned char *key, size_t key_len,
    int64_t id)
{
	size_t	n = a->key_len < key_len ? a->key_len : key_len;
	int	c = n > 0 ? memcmp(a->key, key, n) : 0;

	if (c != 0)
		return c;
	if (a->key_len != key_len)
		return a->key_len < key_len ? -1 : 1;
	return a->id < id ? -1 : a->id > id;
}

static int
item_cmp(const void *a, const void *b)
{
	const struct vq_item	*y = b;

	return pos_cmp(a, y->key, y->key_len, y->id);
}

/* Appends row v, with its search text (taken), to the head and moves the
 * head's end to it. */
static void
head_add(struct view_query *q, const struct view_row *v, char *text)
{
	struct vq_item	*it;

	if (q->n_head % 64 == 0)
		q->head = xreallocarray(q->head, q->n_head + 64,
		    sizeof *q->head);
	it = &q->head[q->n_head++];
	it->key = xmalloc(v->key_len + 1);
	memcpy(it->key, v->key, v->key_len);
	it->key_len = v->key_len;
	it->id = v->id;
	it->text = text;
	free(q->head_end.key);
	q->head_end.key = xmalloc(v->key_len + 1);
	memcpy(q->head_end.key, v->key, v->key_len);
	q->head_end.key_len = v->key_len;
	q->head_end.id = v->id;
}

/*
 * Whether the head holds every match up to the position and beyond it as
 * far as the head's end: always when it is whole; else only for a key at
 * or before its end (a NULL key, an end of the list, is the caller's to
 * judge).
 */
static int
head_covers(const struct view_query *q, const unsigned char *key,
    size_t key_len, int64_t id)
{
	if (q->whole)
		return 1;
	if (q->head_end.key == NULL)
		return 0;
	return key != NULL && pos_cmp(&q->head_end, key, key_len, id) >= 0;
}

/* Whether it is the position (key NULL: an end, as it->key NULL). */
static int
same_pos(const struct vq_item *it, const unsigned char *key, size_t key_len,
    int64_t id)
{
	if (it->key == NULL || key == NULL)
		return it->key == NULL && key == NULL;
	return pos_cmp(it, key, key_len, id) == 0;
}

/*
 * Whether the set is still being built: FTS5's matches, then, when they
 * are few (or the plan is a forced LIST), each checked to become the
 * LIST plan's whole head.
 */
static int
set_pending(const struct view_query *q)
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
static enum kith_status
set_step(struct view_query *q, struct budget *b, struct kith_err *err)
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
			if (budget_spent(b, 0))
				break;
		}
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			q->set_to = SET_DONE;
		else if (rc != SQLITE_ROW)
			return db_fail(q->db, err, "searching contacts");
		if (rc == SQLITE_ROW || !set_pending(q))
			return KITH_OK;
	}
	if (q->list == NULL)
		q->list = xcalloc((size_t)q->n_set + 1, sizeof *q->list);
	for (id = q->list_to; id < q->n_bits; id++) {
		if (!bit_get(q, id))
			continue;
		if ((st = check_one(q, id, 0, &yes, &q->list[q->n_list], err))
		    != KITH_OK)
			return st;
		q->n_list += yes != 0;
		q->list_to = id + 1;
		if (budget_spent(b, 1))
			return KITH_OK;
	}
	/* All checked: the LIST plan. */
	qsort(q->list, q->n_list, sizeof *q->list, item_cmp);
	for (i = 0; i < q->n_head; i++)
		item_free(&q->head[i]);
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
static enum kith_status
check_one(struct view_query *q, int64_t id, int all, int *yes,
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
		    text_matches(q, stmt, 2, all ? TEST_ALL : TEST_C));
		if (*yes && it != NULL) {
			it->id = id;
			it->key_len = (size_t)sqlite3_column_bytes(stmt, 1);
			it->key = xmalloc(it->key_len + 1);
			if (it->key_len > 0)
				memcpy(it->key, sqlite3_column_blob(stmt, 1),
				    it->key_len);
			it->text = text_join(stmt, 2);
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(q->db, err, "searching contacts");
	/* The set's ids are on deals; any other id is asked. */
	if (*yes && all && q->deal && (st = deal_has(q, id, yes, err))
	    != KITH_OK)
		return st;
	return KITH_OK;
}

/*
 * Whether two compiled queries build the same set, so that one can take
 * over what the other has built of it.
 */
static int
same_set(const struct view_query *a, const struct view_query *b)
{
	if (a->deal_set || b->deal_set)
		return a->deal_set && b->deal_set;
	return a->expr != NULL && b->expr != NULL &&
	    strcmp(a->expr, b->expr) == 0;
}

/* Whether contact id is on a deal in an open stage: 1 or 0 in *yes. */
static enum kith_status
deal_has(struct view_query *q, int64_t id, int *yes, struct kith_err *err)
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

/* ---- pages ------------------------------------------------------------ */

void
view_query_set_budget(struct view_query *q, int64_t rows, int64_t usec)
{
	q->budget_rows = rows > 0 ? rows : 0;
	q->budget_us = usec > 0 ? usec : 0;
}

int
view_query_more(const struct view_query *q)
{
	return q->more;
}

static int64_t
now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static void
budget_start(const struct view_query *q, struct budget *b)
{
	b->rows = q->budget_rows;
	b->until = q->budget_us > 0 ? now_us() + q->budget_us : 0;
	b->steps = 0;
}

/* In *part, what is left of b's rows and time, halved. */
static void
budget_half(const struct budget *b, struct budget *part)
{
	part->rows = b->rows > 0 ? (b->rows - b->steps + 1) / 2 : 0;
	part->until = b->until > 0 ? (now_us() + b->until) / 2 : 0;
	part->steps = 0;
}

/*
 * Counts a row stepped against the budget; 1 once it is spent.  The clock
 * is read after each heavy row (one whose text was read, some tens of
 * microseconds) and every 64 light ones (a bitmap miss, a fraction of one).
 */
static int
budget_spent(struct budget *b, int heavy)
{
	b->steps++;
	if (b->rows > 0 && b->steps >= b->rows)
		return 1;
	return b->until != 0 && (heavy || b->steps % 64 == 0) &&
	    now_us() >= b->until;
}

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
    int64_t id, int dir, int extend, struct budget *b, size_t limit,
    struct view_row *r, size_t *n, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	char			 today[11], *text;
	int64_t			 cid;
	int			 rc = SQLITE_ROW, ok, stepped = 0, heavy = 0;
	int			 in_set;

	db_today(q->db, today);
	if ((stmt = db_stmt(q->db, walk_sql[dir > 0][key != NULL], err))
	    == NULL)
		return KITH_DB;
	if (key != NULL) {	/* transient: it may be the head's end */
		sqlite3_bind_blob(stmt, 1, key, (int)key_len,
		    SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 2, id);
	}
	extend = extend && q->n_head < HEAD_MAX;
	while (*n < limit) {
		if (stepped && budget_spent(b, heavy)) {
			item_set(&q->stop_at, sqlite3_column_blob(stmt, 1),
			    (size_t)sqlite3_column_bytes(stmt, 1),
			    sqlite3_column_int64(stmt, 0));
			if (extend)
				item_set(&q->head_end, q->stop_at.key,
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
		if ((heavy = !in_set || bit_get(q, cid)) == 0)
			continue;
		if (!in_set && q->deal) {
			if ((st = deal_has(q, cid, &ok, err)) != KITH_OK)
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
			head_add(q, &r[*n], text);
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
 * (words_match); if it does and text is not NULL, stores the text there
 * (text_join; caller frees).
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
		*yes = text_matches(q, stmt, 0, which);
		if (*yes && text != NULL)
			*text = text_join(stmt, 0);
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
			if (pos_cmp(&q->head[mid], key, key_len, id) <= 0)
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
		    pos_cmp(&q->head[i], key, key_len, id) == 0)
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
	struct budget		 b, half;
	enum kith_status	 st;
	struct vq_item		*at = &q->stop_at;
	int			 resume;

	*rows = NULL;
	*n = 0;
	q->more = 0;
	if (limit == 0)
		return KITH_OK;
	r = xcalloc(limit, sizeof *r);
	budget_start(q, &b);
	/* Half the budget goes on building the set, if the plan uses it. */
	if (q->plan != VIEW_PLAN_WALK && set_pending(q)) {
		budget_half(&b, &half);
		st = set_step(q, &half, err);
		b.steps += half.steps;
		if (st != KITH_OK)
			goto out;
	}
	/* Only the last call's stop goes on: another call ends it. */
	resume = q->stop_dir == dir && same_pos(&q->stop_from, key, key_len,
	    id);
	q->stop_dir = 0;
	if (q->plan == VIEW_PLAN_ALL)
		st = page_all(q, key, key_len, id, dir, limit, r, n, err);
	else if (resume) {
		/* Goes on with a walk that stopped on its budget. */
		st = page_walk(q, at->key, at->key_len, at->id, dir, 0, &b,
		    limit, r, n, err);
	} else if (dir < 0)
		st = head_covers(q, key, key_len, id) ?
		    page_head(q, key, key_len, id, -1, limit, r, n, err) :
		    page_walk(q, key, key_len, id, -1, 0, &b, limit, r, n, err);
	else if (key != NULL && !head_covers(q, key, key_len, id))
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
			item_set(&q->stop_from, r[*n - 1].key,
			    r[*n - 1].key_len, r[*n - 1].id);
		else if (key != NULL)
			item_set(&q->stop_from, key, key_len, id);
		else
			item_free(&q->stop_from);
	}
	*rows = r;
	return KITH_OK;
}

enum kith_status
view_query_matches(struct view_query *q, int64_t cid, int *yes,
    struct kith_err *err)
{
	return check_one(q, cid, 1, yes, NULL, err);
}

enum kith_status
view_query_count_step(struct view_query *q, struct view_count *vc,
    int64_t chunk, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct budget		 b;
	enum kith_status	 st = KITH_OK;
	int64_t			 seen = 0, id, looked = 0;
	int			 rc, ok;

	if (vc->done)
		return KITH_OK;
	if (chunk <= 0)
		chunk = 1;
	budget_start(q, &b);
	b.rows = 0;		/* chunk is the limit on rows */
	/* The set first (whole, if the call has no budget). */
	if (set_pending(q) && ((st = set_step(q, &b, err)) != KITH_OK ||
	    set_pending(q)))
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
		    !(looked > 0 && budget_spent(&b, 1)); id++) {
			if (id % 64 == 0 && q->bits[id / 64] == 0) {
				id += 63;
				vc->after = id;
				continue;
			}
			vc->after = id;
			if (!bit_get(q, id))
				continue;
			looked++;
			if (!q->archived || q->check) {
				if ((st = check_one(q, id, 0, &ok, NULL, err))
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
			    text_matches(q, stmt, 2, TEST_ALL);
			if (ok && q->deal && (st = deal_has(q, vc->after, &ok,
			    err)) != KITH_OK) {
				sqlite3_reset(stmt);
				return st;
			}
			vc->count += ok;
			if (budget_spent(&b, 0))
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

/* ---- one-shot forms ---------------------------------------------------- */

enum kith_status
view_page(struct kith_db *db, const char *query, int archived,
    const unsigned char *key, size_t key_len, int64_t id, int dir,
    size_t limit, struct view_row **rows, size_t *n, struct kith_err *err)
{
	struct view_query	*q;
	enum kith_status	 st;

	*rows = NULL;
	*n = 0;
	if ((st = view_query_new(db, query, archived, &q, err)) != KITH_OK)
		return st;
	st = view_query_page(q, key, key_len, id, dir, limit, rows, n, err);
	view_query_free(q);
	return st;
}

enum kith_status
view_matches(struct kith_db *db, const char *query, int archived, int64_t id,
    int *yes, struct kith_err *err)
{
	struct view_query	*q;
	enum kith_status	 st;

	*yes = 0;
	q = xcalloc(1, sizeof *q);	/* no plan needed for one id */
	q->db = db;
	q->archived = archived != 0;
	if ((st = fold_words(q, query, err)) == KITH_OK)
		st = view_query_matches(q, id, yes, err);
	view_query_free(q);
	return st;
}

enum kith_status
view_count_step(struct kith_db *db, const char *query, int archived,
    struct view_count *vc, int64_t chunk, struct kith_err *err)
{
	struct view_query	*q;
	enum kith_status	 st;

	if (vc->done)
		return KITH_OK;
	if ((st = view_query_new(db, query, archived, &q, err)) != KITH_OK)
		return st;
	st = view_query_count_step(q, vc, chunk, err);
	view_query_free(q);
	return st;
}

/* ---- the rest ---------------------------------------------------------- */

enum kith_status
view_locate(struct kith_db *db, int64_t id, unsigned char **key,
    size_t *key_len, int *archived, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	int			 rc;

	*key = NULL;
	*key_len = 0;
	if ((stmt = db_stmt(db, "SELECT sort_key, archived FROM contact "
	    "WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*key_len = (size_t)sqlite3_column_bytes(stmt, 0);
		*key = xmalloc(*key_len + 1);
		if (*key_len > 0)
			memcpy(*key, sqlite3_column_blob(stmt, 0), *key_len);
		if (archived != NULL)
			*archived = sqlite3_column_int(stmt, 1);
	} else if (rc == SQLITE_DONE)
		st = kith_err_set(err, KITH_NOTFOUND, "no contact with id %lld",
		    (long long)id);
	else
		st = db_fail(db, err, "finding a contact");
	sqlite3_reset(stmt);
	return st;
}

enum kith_status
view_data_version(struct kith_db *db, int64_t *version, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;

	*version = 0;
	if ((stmt = db_stmt(db, "PRAGMA data_version", err)) == NULL)
		return KITH_DB;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*version = sqlite3_column_int64(stmt, 0);
	else
		st = db_fail(db, err, "reading the data version");
	sqlite3_reset(stmt);
	return st;
}

enum kith_status
view_cache_size(struct kith_db *db, int kib, struct kith_err *err)
{
	char	sql[64];

	if (kib < 64)
		kib = 64;
	snprintf(sql, sizeof sql, "PRAGMA cache_size = -%d", kib);
	return db_exec(db, sql, err);
}
