/* SPDX-License-Identifier: MIT */
/*
 * Going cold: the people who are cooling (longer since the last touch
 * than twice their own median gap between touches) or past the maximum of
 * their cadence, with how much their strength (strength.h) dropped over
 * the last COLD_WINDOW days.  Read off the partial indexes on the cooling
 * and due days touch.c keeps on the contact; the strength of COLD_WINDOW
 * days ago comes from each listed person's own history.
 */
#ifndef KITH_COLD_H
#define KITH_COLD_H

#include <stddef.h>
#include <stdint.h>
#include "kith/clock.h"
#include "kith/status.h"

struct kith_db;

#define COLD_WINDOW	90	/* days over which the drop is measured */

struct cold {
	int64_t		 contact;
	char		*name;
	char		 last[KITH_DATE_LEN];	/* last touch, "" never */
	long		 days;		/* since the last touch */
	long		 gap;		/* their median gap, 0 if unknown */
	int		 cooling;	/* days > 2 x gap */
	int		 overdue;	/* past the cadence's maximum */
	int		 strength;	/* today (computed) */
	int		 before;	/* COLD_WINDOW days ago */
	int		 drop;		/* before - strength */
};

/*
 * Everyone going cold on the handle's today, largest drop first, then
 * longest quiet, then by id.  Archived contacts are left out.  Caller
 * frees with cold_list_free.
 */
enum kith_status cold_list(struct kith_db *, struct cold **out, size_t *n,
		    struct kith_err *);
void		 cold_list_free(struct cold *, size_t n);

#endif
