/* SPDX-License-Identifier: MIT */
/*
 * Contact lists of any size, in name order, a page at a time.
 *
 * A page ends with a cursor (the last row's sort key and id); the next page
 * starts strictly after it, so paging through a million contacts is an
 * index walk, never an OFFSET scan.  With a query, every word of it must
 * prefix-match a word of the contact's name (aliases included),
 * organisation, e-mails, phones, tags or notes, compared in folded form
 * (see text.h): "petro acm" finds "Ana Петровић" at "Acme Legal"; or, for
 * a word of two letters or more, be a name the loose matcher takes for a
 * name word (search_fts_query).  The TUI's list (view.h) takes the same
 * rule, words and names alike.
 *
 * A query may also hold filters, each a word of its own in any case:
 * "in:deal" (or "in:matter", either whatever the book calls its deals)
 * keeps only the people on a deal in an open stage, so "in:deal acme" is the people of
 * Acme on open deals.  The TUI's list (view.h) reads filters the same way.
 */
#ifndef KITH_SEARCH_H
#define KITH_SEARCH_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;

struct search_row {
	int64_t		 id;
	char		*name;		/* display name */
	char		*org;		/* NULL if none */
	char		*email;		/* primary, or NULL */
	char		*phone;		/* primary, or NULL */
	int		 overdue;	/* has overdue follow-ups */
	const char	*matched;	/* with a query the name does not match
					   alone: the field that matched
					   ("organisation", "e-mail", "phone",
					   "tag", "notes"; static), else NULL */
	char		*match_text;	/* that field's text around the match,
					   as stored ("…" where cut); NULL
					   when matched is NULL */
};

/* Position after the last row of a page; zero-initialise for the start. */
struct search_cursor {
	unsigned char	*key;		/* owned; NULL at the start */
	size_t		 key_len;
	int64_t		 id;
	int		 done;		/* set when no rows follow */
};

/* Frees the cursor's key and resets it to the start. */
void		 search_cursor_reset(struct search_cursor *);

/*
 * A list to read a page at a time, from the same planner as the TUI's
 * list (view.h): its first page costs a few milliseconds however large
 * the book and however broad the query, and no page holds more than its
 * own rows.  query NULL or blank: every contact; archived contacts are
 * left out unless archived is set.  *out: free with search_list_free.
 */
struct search_list;

enum kith_status search_list_new(struct kith_db *, const char *query,
		    int archived, struct search_list **out,
		    struct kith_err *);

/*
 * The next page of up to limit rows (as search_page's; caller frees with
 * search_rows_free).  Fewer than limit rows: the list ends there, and the
 * next call gives none.
 */
enum kith_status search_list_next(struct search_list *, size_t limit,
		    struct search_row **rows, size_t *n, struct kith_err *);
void		 search_list_free(struct search_list *);	/* NULL ok */

/*
 * One page of a search_list compiled for this call: fetches up to limit
 * rows after *cur matching query (NULL or blank: every contact) into
 * *rows (caller frees with search_rows_free) and advances *cur.  Archived contacts are left out unless archived is set.  A row
 * that the query matches only partly by name says where the rest matched
 * (matched, match_text).
 */
enum kith_status search_page(struct kith_db *, const char *query,
		    int archived, struct search_cursor *cur, size_t limit,
		    struct search_row **rows, size_t *n, struct kith_err *);
void		 search_rows_free(struct search_row *, size_t n);

/*
 * The rows of contacts ids[0..n) in that order, as search_page gives them
 * for query (its words say where a row matched; NULL: no words), for a
 * front that lists contacts in an order of its own (strength_order.h).
 * An id with no contact is left out: *got may be less than n.  *rows:
 * caller frees with search_rows_free.
 */
enum kith_status search_rows_get(struct kith_db *, const char *query,
		    const int64_t *ids, size_t n, struct search_row **rows,
		    size_t *got, struct kith_err *);

/* The fields a query's words may match in (search_page_in), as bits. */
#define SEARCH_IN_NAME	0x01
#define SEARCH_IN_ORG	0x02
#define SEARCH_IN_EMAIL	0x04
#define SEARCH_IN_PHONE	0x08
#define SEARCH_IN_TAG	0x10
#define SEARCH_IN_NOTES	0x20
#define SEARCH_IN_ALL	0x3f

/*
 * search_page where every word of query must begin a word of one of the
 * fields (SEARCH_IN_ bits; 0 or SEARCH_IN_ALL: any, which is search_page)
 * rather than of any field: a mail client's address lookup searches
 * names, e-mails and organisations, not notes.  Fields other than all of
 * them go to the search index as one query, sorted by name, rather than
 * through the planner: fine for a lookup's few matches.
 */
enum kith_status search_page_in(struct kith_db *, const char *query,
		    unsigned fields, int archived, struct search_cursor *cur,
		    size_t limit, struct search_row **rows, size_t *n,
		    struct kith_err *);

/* Number of contacts matching query (NULL: all). */
enum kith_status search_count(struct kith_db *, const char *query,
		    int archived, int64_t *count, struct kith_err *);

/* The filters of a query (search_query_split), as bits. */
#define SEARCH_IN_DEAL	0x01	/* in:deal, in:matter */

/*
 * Splits query (may be NULL) into its filters, returned as SEARCH_ bits,
 * and its words, stored in *rest (the other words joined by single
 * spaces; NULL if none; caller frees).
 */
unsigned	 search_query_split(const char *query, char **rest);

/*
 * The columns of the search index that hold text as stored, as an FTS5
 * column filter; its last column, keys, holds the loose matcher's keys
 * (match.h) and is searched only for the matcher's variants.
 */
#define SEARCH_FTS_TEXT	"{name org email phone tag note}"

/*
 * Turns a user's query into an FTS5 MATCH expression of folded prefix
 * terms; *out is NULL if the query has no searchable word.  A word of two
 * letters or more also finds, as a whole name word, the names the loose
 * matcher (match.h) takes for it: its transliteration variants
 * ("alexei" finds Алексей) and nicknames ("bob" finds Robert), and
 * stored aliases are name words too.  Caller frees.
 */
enum kith_status search_fts_query(struct kith_db *, const char *query,
		    char **out, struct kith_err *);

/* Rebuilds the search entry of one contact from its stored data. */
enum kith_status search_reindex(struct kith_db *, int64_t id,
		    struct kith_err *);

/*
 * Rebuilds, in two statements, the search entries of the contacts that
 * import batch batch merged into after its batch_merge row after (a bulk
 * import calls this before each commit).
 */
enum kith_status search_reindex_merged(struct kith_db *, int64_t batch,
		    int64_t after, struct kith_err *);

/*
 * Creates the search entries of the contacts of import batch batch whose
 * id is above after, in one statement (a bulk import defers indexing with
 * kith_db_bulk and calls this before each commit).
 */
enum kith_status search_index_batch(struct kith_db *, int64_t batch,
		    int64_t after, struct kith_err *);

/*
 * Creates the search entries that the contacts of import batch batch with
 * ids from lo to hi lack, in one statement, adding the number created to
 * *done (may be NULL): the end of a bulk import (import.h), a range at a
 * time.
 */
enum kith_status search_index_range(struct kith_db *, int64_t batch,
		    int64_t lo, int64_t hi, long *done, struct kith_err *);

/*
 * Creates the search entries that the contacts of import batch batch with
 * ids from lo to hi lack, per ids at a time: the same rows as
 * search_index_range() over each range, each range committed (the
 * caller's open transaction is committed after the first, and one is open
 * again on return), adding the number created to *done (may be NULL).  A
 * second handle on the file computes the entries on a thread of its own
 * while this one writes them (search_fill.c); an in-memory database has
 * each range written by search_index_range().  On failure the ranges
 * committed stay.
 */
enum kith_status search_fill(struct kith_db *, int64_t batch, int64_t lo,
		    int64_t hi, int64_t per, long *done, struct kith_err *);

/*
 * The search index of a bulk import into an empty book, built on a thread
 * of its own into a file beside the book while the rows are appended
 * (search_side.c).  search_side_start() starts it for the contacts of
 * batch from id first on, a transaction of the side each per ids (0: its
 * own choice), NULL, nothing started, where it cannot (an in-memory
 * database, no file or thread).  search_side_advance() says
 * that the contacts up to id are committed; search_side_close() that the
 * batch's rows are all in and committed, up to last: the side then writes
 * the entries up to last, and again those of every contact the batch
 * merged into, while the caller goes on.  search_side_finish(), with no
 * transaction open on db, waits for that (search_side_close() up to the
 * last id advanced if not called) and puts the entries into the book's
 * index in one transaction; KITH_NOTFOUND, nothing changed, if the book's
 * index is no longer empty, another status if the side failed (the
 * caller then writes the entries itself).  search_side_abort() stops it.
 * Both end the side: its file is removed.
 * search_side_clean() removes the side files of processes that are gone
 * (a kill).
 */
struct search_side;
struct search_side *search_side_start(struct kith_db *, int64_t batch,
		    int64_t first, int64_t per);
void		 search_side_advance(struct search_side *, int64_t id);
void		 search_side_close(struct search_side *, int64_t last);
enum kith_status search_side_finish(struct search_side *,
		    struct kith_err *);
void		 search_side_abort(struct search_side *);
void		 search_side_clean(struct kith_db *);

/*
 * Builds every contact's search entry anew, in one statement: for a
 * database whose entries were written by a kith that indexed less (the
 * schema upgrade calls it).  Runs in the caller's transaction.
 */
enum kith_status search_rebuild(struct kith_db *, struct kith_err *);

#endif
