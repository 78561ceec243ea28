/* SPDX-License-Identifier: MIT */
/*
 * Windows onto the contact list for an interactive front: pages in either
 * direction from any position, the position of one contact, and counts
 * taken a bounded chunk at a time, so that a screen over 1,000,000
 * contacts never waits for a scan of them all.
 *
 * The order and the query language are those of search.h: name order
 * (the collation sort key, then id), and a query whose every word must
 * prefix-match a word of the name, organisation, e-mails, phones, tags or
 * notes, in folded form.  A position is a (sort key, id) pair as returned
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
 * Fetches up to limit rows matching query (NULL or blank: all) strictly
 * after (dir > 0, ascending) or strictly before (dir < 0, nearest first,
 * i.e. descending) the position (key, key_len, id).  key NULL: from the
 * start (dir > 0) or from the end (dir < 0).  Archived contacts are left
 * out unless archived is set.  *rows: caller frees with view_rows_free.
 * A query with no searchable word ("-", "!!") matches every contact, as in
 * search_page().
 */
enum kith_status view_page(struct kith_db *, const char *query, int archived,
		    const unsigned char *key, size_t key_len, int64_t id,
		    int dir, size_t limit, struct view_row **rows, size_t *n,
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
 * Whether contact id matches query (NULL or blank: always) and is not
 * archived (unless archived is set): stores 1 or 0 in *yes.
 */
enum kith_status view_matches(struct kith_db *, const char *query,
		    int archived, int64_t id, int *yes, struct kith_err *);

/*
 * An exact count taken in steps: zero-initialise, then call view_count_step
 * until done is set, adding at most chunk candidate rows per call (the
 * cost of one call is bounded by chunk, not by the size of the table).
 * With a query, the candidates are the search index's matches.
 */
struct view_count {
	int64_t		 after;		/* last rowid examined */
	int64_t		 count;		/* matching rows counted so far */
	int		 done;
};

enum kith_status view_count_step(struct kith_db *, const char *query,
		    int archived, struct view_count *, int64_t chunk,
		    struct kith_err *);

/*
 * Stores in *version a number that changes whenever another connection
 * (another kith process) has committed a change to the database since the
 * last call (SQLite's PRAGMA data_version).  Cheap: no table is read.
 */
enum kith_status view_data_version(struct kith_db *, int64_t *version,
		    struct kith_err *);

#endif
