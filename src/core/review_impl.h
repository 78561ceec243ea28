/* SPDX-License-Identifier: MIT */
/*
 * Inside the daily review (review.h), shared by its three files:
 * review.c builds the queue, review_item.c reads what is owed, kind by
 * kind, and review_score.c holds the formula.
 *
 * The queue is built in two steps.  First every item owed is listed as a
 * candidate, from indexes alone (no table page a candidate): what it is,
 * how late, and an upper bound of its score, the terms not yet known
 * counted at their maximum.  Then the candidate with the highest bound is
 * refined, one lookup at a time (a contact's strength first, then its
 * largest open deal), until it is filled
 * (name, what is owed, every term).  Once the day's cap is filled, a
 * candidate whose bound is below the score of the last item kept cannot
 * enter the queue; it and every one after it are only counted.  A book of
 * a million contacts with tens of thousands of items owed is read for a
 * few dozen of them.
 *
 * The kinds are listed in the order of the highest score each can reach
 * (follow-ups, cadences, stalled deals, key dates), and the queue is
 * refined after each.  A kind listed once the cap is filled lists only
 * what can still reach the last score kept, ordered by lateness in its
 * index (review_late_needed), and counts the rest.
 */
#ifndef KITH_REVIEW_IMPL_H
#define KITH_REVIEW_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include "kith/cadence.h"
#include "kith/review.h"

struct review_cand {
	enum review_kind kind;
	int64_t		 ref;		/* as review_item.ref */
	long		 late;		/* days late (<0 ahead) */
	int		 bound;		/* the score can be no higher */
	int64_t		 contact;	/* a follow-up's, or 0 */
	int64_t		 deal;		/* a follow-up's, or 0 */
	int64_t		 value;		/* the open deal, cents; -1 unread */
	int		 strength;	/* known already (cadence), or -1 */
	int		 snoozes;	/* a cadence's snoozes in a row */
	enum cadence_state state;	/* a cadence's */
	int		 age;		/* a key date's; -1 unknown */
	long		 idle;		/* a deal's days without a touch */
	int64_t		 touched;	/* a deal's last touch (its day is
					   left empty until filled) */
	char		 day[KITH_DATE_LEN];
	char		*label;		/* a key date's (owned), or NULL */
};

/* What the listing steps add to and read from. */
struct review_list {
	struct kith_db		*db;
	struct kith_err		*err;
	char			 today[KITH_DATE_LEN];
	struct review_cand	*c;
	size_t			 n, cap;
	size_t			 owed;		/* undecided, listed or not */
	char			**done;		/* keys decided today, sorted */
	size_t			 n_done;
};

/*
 * Each lists the candidates of one kind owed within days days of today
 * (key dates: within their lead time too) into l, leaving out those
 * whose key is in l->done, and adds how many are owed and undecided to
 * l->owed.  A candidate whose bound is below floor cannot enter the
 * queue: it may be counted without being listed (INT_MIN: list all).
 * Only indexes are read.
 */
enum kith_status review_list_followups(struct review_list *l, int days);
enum kith_status review_list_cadences(struct review_list *l, int days,
		    int floor);
enum kith_status review_list_keydates(struct review_list *l, int days,
		    enum keydate_feb29, int floor);
enum kith_status review_list_deals(struct review_list *l, int floor);

void		 review_list_free(struct review_list *l);

/*
 * Makes the next lookup for c: either its bound is lowered (or stays),
 * *filled 0; or it (zeroed by the caller) is filled from it, *filled 1:
 * the name, what is owed, every term and the score.  The caller clears it
 * with review_item_clear.
 */
enum kith_status review_refine(struct kith_db *, struct review_cand *c,
		    struct review_item *it, int *filled, struct kith_err *);
void		 review_item_clear(struct review_item *);

/* The decision key of c ("cadence:12") into out. */
void		 review_cand_key(const struct review_cand *c, char *out,
		    size_t len);

/* review_score.c: the formula. */

/* The tier of c: its points, and its term added to it unless NULL. */
double		 review_tier(const struct review_cand *c,
		    struct review_item *it);
/*
 * The lateness, strength and deal terms (strength 0: none; value in
 * cents, 0: no open deal), then the score as their rounded sum.
 */
void		 review_score_rest(struct review_item *it, int strength,
		    int64_t value_cents);
/* c's bound: its tier and lateness, and the strength and deal terms at
 * their maximum while not read (strength, value < 0). */
int		 review_bound(const struct review_cand *c);
/*
 * The fewest days late a candidate like c (its kind and state; strength
 * and deal unread) must be for its bound to reach floor: LONG_MIN when
 * any lateness does, LONG_MAX when none does.  The bound never falls as
 * the lateness grows, so a listing ordered by lateness can stop there.
 */
long		 review_late_needed(const struct review_cand *c, int floor);
/* The order of the queue: score, kind, name, id. */
int		 review_item_cmp(const void *, const void *);

#endif
