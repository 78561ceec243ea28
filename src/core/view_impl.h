/* SPDX-License-Identifier: MIT */
/*
 * The planner behind view.h, shared by src/core/view*.c and private to
 * them: the compiled query, its plans and the calls between its parts.
 * One file per part: view_words.c (the words and the test in C),
 * view_plan.c (compiling), view_set.c (the set), view_head.c (positions
 * and the head), view_budget.c, view_page.c (pages), view_count.c
 * (counts), view.c (the one-shot forms and the rest).
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
#ifndef KITH_VIEW_IMPL_H
#define KITH_VIEW_IMPL_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "kith/status.h"
#include "kith/view.h"

#define LIST_MAX	500	/* most ids of a set that becomes a LIST */
#define N_TEXT	6	/* columns of search text (then the keys) */
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
					   spaces, then a tab and the keys
					   (vq_text_join; owned; NULL in
					   head_end) */
};

struct view_query {
	struct kith_db	*db;
	int		 archived;	/* archived contacts too */
	int		 deal;		/* in:deal: people on open deals only */
	char		**words;	/* folded, none a prefix of another
					   with the same names */
	size_t		 n_words;
	char		***alts;	/* per word: the loose matcher's names
					   for it (search_fts_query), whole
					   words of the keys column */
	size_t		*n_alts;
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
struct vq_budget {
	int64_t		 rows;		/* rows it may step (0: any) */
	int64_t		 until;		/* deadline in microseconds (0: none) */
	int64_t		 steps;		/* rows stepped */
};

/* view_words.c */
enum kith_status	vq_fold_words(struct view_query *, const char *,
			    struct kith_err *);
int		vq_refines(const struct view_query *,
			    const struct view_query *, char ***, size_t *);
int		vq_words_match(const struct view_query *,
			    const unsigned char **, const size_t *, size_t,
			    const unsigned char *, size_t, long);
int		vq_joined_match(const struct view_query *, const char *);
int		vq_text_matches(const struct view_query *,
			    sqlite3_stmt *, int, long);
int		vq_text_has(sqlite3_stmt *, int, const char *, size_t);
char		*vq_text_join(sqlite3_stmt *, int);

/* view_set.c */
int		vq_set_pending(const struct view_query *);
enum kith_status	vq_set_step(struct view_query *, struct vq_budget *,
			    struct kith_err *);
enum kith_status	vq_check_one(struct view_query *, int64_t, int, int *,
			    struct vq_item *, struct kith_err *);
int		vq_same_set(const struct view_query *,
			    const struct view_query *);
enum kith_status	vq_deal_has(struct view_query *, int64_t, int *,
			    struct kith_err *);
int		vq_bit_get(const struct view_query *, int64_t);

/* view_head.c */
void		vq_item_free(struct vq_item *);
void		vq_item_set(struct vq_item *, const void *, size_t,
			    int64_t);
int		vq_pos_cmp(const struct vq_item *, const unsigned char *,
			    size_t, int64_t);
int		vq_item_cmp(const void *, const void *);
void		vq_head_add(struct view_query *, const struct view_row *,
			    char *);
int		vq_head_covers(const struct view_query *,
			    const unsigned char *, size_t, int64_t);
int		vq_same_pos(const struct vq_item *,
			    const unsigned char *, size_t, int64_t);

/* view_budget.c */
void		vq_budget_start(const struct view_query *,
			    struct vq_budget *);
void		vq_budget_half(const struct vq_budget *, struct vq_budget *);
int		vq_budget_spent(struct vq_budget *, int);

#endif
