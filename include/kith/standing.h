/* SPDX-License-Identifier: MIT */
/*
 * A contact's standing on the handle's today, as the fronts mark it on a
 * list row or a sheet: its keep-in-touch state (cadence.h) and its
 * relationship strength (strength.h, the manual one where set), read in
 * one indexed look-up of the summary columns kept on the contact.  The
 * list strongest first is strength_order.h's.
 */
#ifndef KITH_STANDING_H
#define KITH_STANDING_H

#include <stddef.h>
#include <stdint.h>
#include "kith/cadence.h"
#include "kith/status.h"

struct kith_db;

#define STANDING_BAR_CELLS	5
/* A bar's text: up to STANDING_BAR_CELLS characters of 3 bytes, and NUL. */
#define STANDING_BAR_LEN	(STANDING_BAR_CELLS * 3 + 1)

struct standing {
	enum cadence_state cadence;	/* NONE when it has no cadence */
	long		 late;		/* days past due (<0: days ahead) */
	int		 strength;	/* 0-100, the manual one when set */
	int		 manual;	/* set by hand (strength_set) */
};

/*
 * Contact id's standing.  KITH_NOTFOUND naming the id if there is none.
 */
enum kith_status standing_get(struct kith_db *, int64_t id,
		    struct standing *out, struct kith_err *);

/*
 * The strength as a bar of STANDING_BAR_CELLS cells, one per 20 points
 * rounded to the nearest ("■■■□□" for 62), into out.
 */
void		 standing_bar(int strength, char out[STANDING_BAR_LEN]);

/*
 * "due" or "overdue" for a cadence past its ideal or its maximum
 * interval, "" otherwise: the word the fronts show beside the colour.
 */
const char	*standing_word(const struct standing *);

#endif
