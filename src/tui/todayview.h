/* SPDX-License-Identifier: MIT */
/*
 * The Today screen (screen_today.c): the day's review (kith/review.h)
 * over the whole terminal, pushed above the rolodex with t.  One line per
 * item of the day's queue, in rank order; each needs a decision (done,
 * snooze, reschedule, drop: act_today.c), which the core stores for the
 * day, so a decided item leaves the queue, and the review resumes where
 * it was when the screen is opened again the same day.  The actions act
 * on the selected item only, read through todayview_item().
 */
#ifndef KITH_TUI_TODAYVIEW_H
#define KITH_TUI_TODAYVIEW_H

#include "kith/review.h"
#include "actions.h"
#include "listw.h"
#include "screen.h"

struct app;
struct kith_db;

struct todayview {
	struct screen	 s;
	struct app	*app;
	struct kith_db	*db;
	struct review	*r;		/* the day's queue; NULL if unread */
	struct listw	 lw;		/* n, sel, top: into r->items */
	char		 sel_key[40];	/* the selected item's key, to find
					   it again on a reload */
};

/* screen_today.c */
struct todayview *todayview_new(struct app *);
/* The selected item, NULL if the queue is empty. */
const struct review_item *todayview_item(const struct todayview *);

/*
 * act_today.c: each returns the redraw flags of actions.h.  A decision
 * (ACT_DONE, ACT_SNOOZE, ACT_RESCHEDULE, ACT_DROP) asks what it needs
 * (a day, a reason, yes or no) and goes through review_decide(), one
 * action of the change journal (u undoes it).
 */
int	 act_today_decide(struct todayview *, enum action);
int	 act_today_why(struct todayview *);
int	 act_today_open(struct todayview *);

#endif
