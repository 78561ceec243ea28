/* SPDX-License-Identifier: MIT */
/*
 * The contact list strongest first: the ids of the contacts a query
 * matches (search.h's words and filters; NULL or blank: every contact),
 * by relationship strength (strength.h's formula on the handle's today,
 * the manual strength where set), highest first, in name order among
 * equals.  kith list --sort strength and the TUI's list both take their
 * order from here.
 *
 * Built in steps, so an interactive front can build it between keys: each
 * step returns after about the time it is given.  It reads only what the
 * score needs: the touch summary columns kept on the contact (touch.c)
 * and the name index; with a query, the query's matches through the
 * planner (view.h), then the summary of each.  It holds an id and a score
 * per contact (16 bytes), never rows; while building, at most twice that.
 * The order reflects the database when it was built: build it again after
 * a change.
 */
#ifndef KITH_STRENGTH_ORDER_H
#define KITH_STRENGTH_ORDER_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;
struct strength_order;

struct strength_rank {
	int64_t	id;
	int	score;		/* 0-100, the manual one where set */
};

/*
 * Starts an order of the contacts query matches; archived contacts are
 * left out unless archived is set.  *out: free with strength_order_free.
 * Errors are those of the query (view_query_new).
 */
enum kith_status strength_order_new(struct kith_db *, const char *query,
		    int archived, struct strength_order **out,
		    struct kith_err *);
void		 strength_order_free(struct strength_order *);	/* NULL ok */

/*
 * One step of building: returns after about usec microseconds (0: not
 * before the end), *done set once the order is complete (further calls do
 * nothing).  On an error the order is unusable: free it.
 */
enum kith_status strength_order_step(struct strength_order *, int64_t usec,
		    int *done, struct kith_err *);

/* Whether it is complete. */
int		 strength_order_done(const struct strength_order *);

/*
 * The order: n contacts, strongest first (NULL and 0 until complete).
 * Valid until strength_order_free.
 */
const struct strength_rank *strength_order_ranks(
		    const struct strength_order *, size_t *n);

/* The position of contact id in the complete order; 0 if it is not in it. */
int		 strength_order_find(const struct strength_order *, int64_t id,
		    size_t *pos);

/*
 * The whole order in one call: *out (caller frees) gets *n ranks.
 */
enum kith_status strength_order_list(struct kith_db *, const char *query,
		    int archived, struct strength_rank **out, size_t *n,
		    struct kith_err *);

#endif
