/* SPDX-License-Identifier: MIT */
/*
 * The alert pane of the main screen: pending follow-ups overdue or due
 * today, most overdue first (followup_each_due), at most ALERT_MAX of them
 * in memory.  The pane keeps its selection on the same follow-up across
 * reloads, or on the one that took its place.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/followup.h"
#include "kith/util.h"
#include "draw.h"
#include "rolodex.h"
#include "tui.h"
#include "utf8.h"

#define ALERT_MAX	500	/* alerts kept in memory */

struct alert_ctx {
	struct rolodex	*ro;
	size_t		 cap;
};

static int	collect_alert(const struct followup *, void *);

static int
collect_alert(const struct followup *f, void *arg)
{
	struct alert_ctx	*ctx = arg;
	struct rolodex		*ro = ctx->ro;
	struct alert		*a;

	if (f->late < 0)
		return 1;
	if (ro->al.n >= ALERT_MAX)
		return 1;
	if (ro->al.n == ctx->cap) {
		ctx->cap = ctx->cap ? ctx->cap * 2 : 16;
		ro->alerts = xreallocarray(ro->alerts, ctx->cap,
		    sizeof *ro->alerts);
	}
	a = &ro->alerts[ro->al.n++];
	a->id = f->id;
	a->contact = f->contact;
	a->name = xstrdup(f->contact_name);
	a->action = xstrdup(f->action);
	memcpy(a->due, f->due, sizeof a->due);
	a->late = f->late;
	return 0;
}

void
alerts_load(struct rolodex *ro)
{
	struct alert_ctx	 ctx = { ro, 0 };
	struct kith_err		 err = { 0 };
	int64_t			 keep = 0;
	size_t			 i;

	if (ro->al.sel < ro->al.n)
		keep = ro->alerts[ro->al.sel].id;
	alerts_free(ro);
	if (followup_each_due(ro->db, 0, collect_alert, &ctx, &err) != KITH_OK)
		app_message(ro->app, 1, "%s", err.msg);
	if (followup_counts(ro->db, &ro->overdue, &ro->due_today, &err)
	    != KITH_OK)
		app_message(ro->app, 1, "%s", err.msg);
	/* Stay on the same alert, or on the one that took its place. */
	for (i = 0; i < ro->al.n; i++)
		if (ro->alerts[i].id == keep)
			ro->al.sel = i;
	listw_resize(&ro->al, ro->al.n);
}

void
alerts_draw(struct rolodex *ro)
{
	const struct layout	*l = &ro->lay;
	char			 title[96], late[48];
	size_t			 h = (size_t)(l->alert_h - 1), i;
	int			 y, x, namew;

	draw_hline(l->alert_y, 0, l->cols);
	if (ro->al.n == 0)
		snprintf(title, sizeof title, " nothing overdue or due today ");
	else
		snprintf(title, sizeof title, " %s%ld overdue, %ld today%s ",
		    ro->overdue ? "! " : "", ro->overdue, ro->due_today,
		    ro->alerts_open ? "" : " (! to expand)");
	draw_text(l->alert_y, 2, l->cols - 4, title, ro->overdue ?
	    ROLE_OVERDUE : ROLE_TITLE, 0);
	if (!ro->alerts_open)
		return;
	if (ro->al.sel < ro->al.top)
		ro->al.top = ro->al.sel;
	if (h > 0 && ro->al.sel >= ro->al.top + h)
		ro->al.top = ro->al.sel - h + 1;
	namew = l->cols / 4;
	for (y = 0; (size_t)y < h; y++) {
		struct alert	*a;
		enum role	 r;

		i = ro->al.top + (size_t)y;
		if (i >= ro->al.n)
			break;
		a = &ro->alerts[i];
		r = a->late > 0 ? ROLE_OVERDUE : ROLE_TODAY;
		if (i == ro->al.sel)
			r = ro->focus == PANE_ALERTS ? ROLE_SELECT :
			    ROLE_SELECT_DIM;
		draw_fill(l->alert_y + 1 + y, 0, l->cols, r == ROLE_SELECT ||
		    r == ROLE_SELECT_DIM ? r : ROLE_NORMAL);
		if (a->late > 0)
			snprintf(late, sizeof late, "%ldd late", a->late);
		else
			snprintf(late, sizeof late, "today");
		x = 1;
		draw_text(l->alert_y + 1 + y, x, 9, late, r, 0);
		x += 10;
		draw_text(l->alert_y + 1 + y, x, namew, a->name ? a->name :
		    "(no contact)", r == ROLE_SELECT || r == ROLE_SELECT_DIM ?
		    r : ROLE_NAME, 0);
		x += namew + 1;
		draw_text(l->alert_y + 1 + y, x, l->cols - x - 1, a->action,
		    r == ROLE_SELECT || r == ROLE_SELECT_DIM ? r :
		    ROLE_NORMAL, 0);
	}
}

void
alerts_free(struct rolodex *ro)
{
	size_t	i;

	for (i = 0; i < ro->al.n; i++) {
		free(ro->alerts[i].name);
		free(ro->alerts[i].action);
	}
	free(ro->alerts);
	ro->alerts = NULL;
	ro->al.n = 0;
}
