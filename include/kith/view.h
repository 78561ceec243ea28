/* SPDX-License-Identifier: MIT */
/*
 * Windows onto the contact list for an interactive front: pages in either
 * direction from any position, the position of one contact, and counts
 * taken a bounded chunk at a time, so that a screen over 1,000,000
 * contacts never waits for a scan of them all, whatever the query.
 *
 * The order and the query language are those of search.h: name order
 * (the collation sort key, then id), and a query whose every word must
 * prefix-match a word of the name, organisation, e-mails, phones, tags or
 * notes, in folded form, or, for a word of two letters or more, be a name
 * the loose matcher takes for a name word ("alexei" finds Алексей, "bob"
 * Robert: search_fts_query); and its filters ("in:deal": people on open
 * deals).  A position is a (sort key, id) pair as returned
 * in a struct view_row; a NULL key means "before the first" when paging
 * forward and "after the last" when paging backward.
 */
#ifndef KITH_VIEW_H
#define KITH_VIEW_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;

struct view_row {
	int64_t		 id;
	char		*name;		/* display name */
	char		*org;		/* NULL if none */
	int		 overdue;	/* has overdue follow-ups */
	int		 archived;
	unsigned char	*key;		/* its sort key (owned) */
	size_t		 key_len;
};

void		 view_rows_free(struct view_row *, size_t n);	/* NULL ok */

/*
 * A query compiled for paging: its folded words and the plan chosen for
 * them, with whatever that plan keeps between pages (a bitmap over contact
 * ids, at most one bit per id, or the sorted list of a few matches).
 * Compiling reads a bounded sample of the search index and costs at most a
 * few milliseconds at 1,000,000 contacts; so does each page.  A compiled
 * query reflects the database when it was made: compile it again after a
 * change.  query NULL or blank, or with no searchable word ("-", "!!"):
 * every contact, as in search_page().  Archived contacts are left out
 * unless archived is set.  *out: caller frees with view_query_free.
 */
struct view_query;

enum view_plan {
	VIEW_PLAN_AUTO,		/* chosen from the sample (the default) */
	VIEW_PLAN_ALL,		/* no query: the name index */
	VIEW_PLAN_WALK,		/* name index, every row checked */
	VIEW_PLAN_BITMAP,	/* name index, rows in the bitmap checked */
	VIEW_PLAN_LIST		/* the matches, fetched and sorted */
};

enum kith_status view_query_new(struct kith_db *, const char *query,
		    int archived, struct view_query **out, struct kith_err *);
void		 view_query_free(struct view_query *);	/* NULL ok */

/*
 * Compiles query, with old's database and archived setting, for a front
 * where the user typed on from old (search as you type).  When every word
 * of old prefixes a word of query, the new query matches a subset of
 * old's, and starts from the matches old has already found (filtered in
 * C) instead of from nothing; otherwise this is view_query_new.  old must
 * reflect the database as it is (see above); it is not changed, and may
 * be freed afterwards.  *out: caller frees with view_query_free.
 */
enum kith_status view_query_narrow(const struct view_query *old,
		    const char *query, struct view_query **out,
		    struct kith_err *);

/*
 * Compiles the query again with the given plan (tests and benchmarks;
 * VIEW_PLAN_ALL is ignored unless the query has no word).  Every plan
 * gives the same rows.
 */
enum kith_status view_query_set_plan(struct view_query *, enum view_plan,
		    struct kith_err *);
enum view_plan	 view_query_plan(const struct view_query *);

/*
 * Fetches up to limit rows of q strictly after (dir > 0, ascending) or
 * strictly before (dir < 0, nearest first, i.e. descending) the position
 * (key, key_len, id).  key NULL: from the start (dir > 0) or from the end
 * (dir < 0).  Fewer than limit rows: the list ends there, unless the call
 * stopped on q's budget (view_query_more).  *rows: caller frees with
 * view_rows_free.
 */
enum kith_status view_query_page(struct view_query *q,
		    const unsigned char *key, size_t key_len, int64_t id,
		    int dir, size_t limit, struct view_row **rows, size_t *n,
		    struct kith_err *);

/*
 * Bounds the work of each later view_query_page and view_query_count_step
 * call on q: a page call that has stepped rows rows of the name index, or
 * spent usec microseconds, returns the rows it has found so far (0 for
 * either: no bound; the default is none).  A count step also stops at
 * usec.  Every call makes progress, so a front that calls again gets to
 * the end.
 */
void		 view_query_set_budget(struct view_query *, int64_t rows,
		    int64_t usec);

/*
 * 1 if the last view_query_page call on q stopped on the budget before
 * limit rows and before the end of the list: more rows may follow.  Call
 * it again in the same direction from the last row it returned, or from
 * the same position if it returned none, to go on where it stopped.
 */
int		 view_query_more(const struct view_query *);

/* Whether contact id is among the rows of q: stores 1 or 0 in *yes. */
enum kith_status view_query_matches(struct view_query *, int64_t id,
		    int *yes, struct kith_err *);

/*
 * An exact count taken in steps: zero-initialise, then call
 * view_query_count_step until done is set.  One call reads at most chunk
 * rows of the database (a few microseconds each), so its cost does not
 * grow with the size of the table; a query whose plan uses a set of
 * matches builds it first, for at most the budget's time per call (the
 * whole set in one call without a budget).
 */
struct view_count {
	int64_t		 after;		/* last id examined */
	int64_t		 count;		/* matching rows counted so far */
	int		 done;
};

enum kith_status view_query_count_step(struct view_query *,
		    struct view_count *, int64_t chunk, struct kith_err *);

/*
 * One-shot forms of the above: each compiles query, runs, and frees it.
 * Fine for one page; a front that pages or counts repeatedly should keep
 * a struct view_query instead.
 */
enum kith_status view_page(struct kith_db *, const char *query, int archived,
		    const unsigned char *key, size_t key_len, int64_t id,
		    int dir, size_t limit, struct view_row **rows, size_t *n,
		    struct kith_err *);
enum kith_status view_matches(struct kith_db *, const char *query,
		    int archived, int64_t id, int *yes, struct kith_err *);
enum kith_status view_count_step(struct kith_db *, const char *query,
		    int archived, struct view_count *, int64_t chunk,
		    struct kith_err *);

/*
 * Stores in *key (caller frees) and *key_len the sort key of contact id,
 * and in *archived (may be NULL) its archived flag.  KITH_NOTFOUND if there
 * is no such contact.
 */
enum kith_status view_locate(struct kith_db *, int64_t id,
		    unsigned char **key, size_t *key_len, int *archived,
		    struct kith_err *);

/*
 * Fills *row with contact id's row as a page gives it, for a front that
 * lists contacts in an order of its own (strength_order.h); its name, org
 * and key are the caller's to free.  *found 0, *row untouched, if there is
 * no such contact or it is archived and archived is 0.
 */
enum kith_status view_row_get(struct kith_db *, int64_t id, int archived,
		    struct view_row *row, int *found, struct kith_err *);

/*
 * Sets the handle's page cache to kib KiB (SQLite's cache_size), for a
 * front that wants a smaller resident size than the default: the view's
 * plans read few pages, and the operating system caches the file anyway.
 */
enum kith_status view_cache_size(struct kith_db *, int kib,
		    struct kith_err *);

/*
 * Stores in *version a number that changes whenever another connection
 * (another kith process) has committed a change to the database since the
 * last call (SQLite's PRAGMA data_version).  Cheap: no table is read.
 */
enum kith_status view_data_version(struct kith_db *, int64_t *version,
		    struct kith_err *);

#endif
