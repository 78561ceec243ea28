/* SPDX-License-Identifier: MIT */
/*
 * The pipeline board (screen_board.c): a screen over the whole terminal,
 * pushed above the rolodex with p, one column per open stage in stage
 * order, each a window of cards onto the core's keyset-paged query
 * (kith/board.h), so a column of any length costs a screenful.  The
 * columns that fit the width show; the view scrolls sideways with the
 * selected column.  The deal actions (act_deals.c) act on the selected
 * card only, read through boardview_card().
 */
#ifndef KITH_TUI_BOARDVIEW_H
#define KITH_TUI_BOARDVIEW_H

#include <stddef.h>
#include <stdint.h>

#include "kith/board.h"
#include "listw.h"
#include "screen.h"

struct app;
struct kith_db;

/* A column: an open stage and a window of its cards. */
struct bcol {
	int64_t			 stage;
	char			*name;
	long			 count;		/* its deals */
	char			*totals;	/* value per currency, NULL
						   if none has a value */
	char			*totals_short;	/* the same in short: 12.5k */
	struct board_card	*cards;		/* the window */
	struct listw		 lw;		/* n, sel, top: into cards */
	int			 at_start, at_end; /* cards[0], cards[n-1] are
						   the column's ends */
};

struct boardview {
	struct screen	 s;
	struct app	*app;
	struct kith_db	*db;
	struct bcol	*cols;
	size_t		 ncols;
	size_t		 cur;		/* the selected column */
	size_t		 left;		/* the first column shown */
	long		 deals;		/* open deals on the board */
	const char	*word;		/* "deal" or "matter" (deal_word) */
	int64_t		 follow;	/* select this deal on the next
					   reload (0: the selected one) */
};

/* screen_board.c */
struct boardview *boardview_new(struct app *);
/* The selected card, NULL if its column is empty. */
const struct board_card *boardview_card(const struct boardview *);
/* The selected column, NULL if there is none. */
const struct bcol *boardview_col(const struct boardview *);

/* act_deals.c: each returns the redraw flags of actions.h. */
int	 act_deal_move(struct boardview *, int dir);	/* -1 back, 1 on */
int	 act_deal_add(struct boardview *);
int	 act_deal_close(struct boardview *, int won);
int	 act_deal_open(struct boardview *);
/* act_party.c: c, a person on the deal with a role (conflict check). */
int	 act_deal_party(struct boardview *);

#endif
