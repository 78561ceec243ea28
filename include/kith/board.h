/* SPDX-License-Identifier: MIT */
/*
 * The pipeline board's cards, a page of one stage's at a time (the
 * columns, the open stages with their counts and totals, come from
 * pipeline_stage_totals() in pipeline.h).  A front keeps a window of
 * cards per column and pages from a card's position (its last touch, then
 * its id), as the contact list pages by name (view.h), so a board over
 * 100,000 deals reads a screenful per column and never loads them all.
 *
 * Cards are in order of their last touch, the longest untouched first:
 * the deals that need a call are at the top of each column.  A card is
 * stalled when its deal has had no touch (a stage change, an interaction
 * logged on it) for more than its stage's stall_days or has a follow-up
 * overdue (deal_is_stalled); days are counted on
 * the database's clock (kith_db_now).  Strings are as stored (UTF-8,
 * NFC): making them safe for a terminal is the front's job.
 */
#ifndef KITH_BOARD_H
#define KITH_BOARD_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;

/* A card's place in its column: where paging goes on from. */
struct board_pos {
	int64_t		 touched;	/* the deal's last touch (unix time) */
	int64_t		 id;		/* the deal */
};

/* A deal as its card shows it. */
struct board_card {
	struct board_pos pos;
	int64_t		 id;		/* the deal (pos.id) */
	char		*title;
	char		*org;		/* organisation, NULL if none */
	int		 has_value;
	int64_t		 value_cents;
	char		*currency;	/* ISO 4217 code, NULL if none */
	char		*next_step;	/* NULL if none */
	long		 days_in_stage;	/* whole days since it entered it */
	long		 idle_days;	/* whole days since its last touch */
	int		 stalled;	/* idle past the stage's stall_days,
					   or a follow-up overdue */
};

/*
 * Fetches up to limit cards of stage strictly after (dir > 0, in board
 * order) or strictly before (dir < 0, nearest first) from; from NULL:
 * from the top (dir > 0) or from the bottom (dir < 0).  Fewer than limit:
 * that end of the column is reached.  An unknown or closed stage has no
 * cards.  *out: caller frees with board_cards_free.
 */
enum kith_status board_cards(struct kith_db *, int64_t stage,
		    const struct board_pos *from, int dir, size_t limit,
		    struct board_card **out, size_t *n, struct kith_err *);
void		 board_cards_free(struct board_card *, size_t n);

/*
 * Where deal id is on the board: its stage in *stage and its place in
 * *pos.  KITH_NOTFOUND if there is no such deal or it is closed (in a
 * won or lost stage): it is on no column.
 */
enum kith_status board_locate(struct kith_db *, int64_t id, int64_t *stage,
		    struct board_pos *pos, struct kith_err *);

#endif
