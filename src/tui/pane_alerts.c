/* SPDX-License-Identifier: MIT */
/*
 * The alert pane of the main screen: pending follow-ups overdue or due
 * today, most overdue first, then the week ahead, those due in the next
 * ALERT_DAYS days, by day (followup_each_due), at most ALERT_MAX of them
 * in memory.  The week's are drawn dim, with their day ("Fri in 3d").
 * A follow-up due at a time of day shows it before its action.
 * When the pane's lines cannot show them all, its last line says how many
 * more there are below and which key shows them all.  The pane keeps its
 * selection on the same follow-up across reloads, or on the one that took
 * its place.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/util.h"
#include "draw.h"
#include "keys.h"
#include "rolodex.h"
#include "tui.h"
#include "utf8.h"

#define ALERT_MAX	500	/* alerts kept in memory */
#define ALERT_DAYS	7	/* the week ahead: due in 1..ALERT_DAYS days */

struct alert_ctx {
	struct rolodex	*ro;
	size_t		 cap;
};

static int	collect_alert(const struct followup *, void *);
static void	draw_more(struct rolodex *, int y, size_t items);

static int
collect_alert(const struct followup *f, void *arg)
{
	struct alert_ctx	*ctx = arg;
	struct rolodex		*ro = ctx->ro;
	struct alert		*a;

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
	a->deal = f->deal;
	/* A deal's follow-up with nobody on it: "matter: its title". */
	if (f->contact_name == NULL && f->deal_title != NULL)
		a->name = xasprintf("%s: %s", deal_word(ro->db),
		    f->deal_title);
	else
		a->name = xstrdup(f->contact_name);
	a->action = xstrdup(f->action);
	memcpy(a->due, f->due, sizeof a->due);
	memcpy(a->due_time, f->due_time, sizeof a->due_time);
	a->late = f->late;
	if (a->late < 0)
		ro->upcoming++;
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
	ro->upcoming = 0;
	if (followup_each_due(ro->db, ALERT_DAYS, collect_alert, &ctx, &err) != KITH_OK)
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
	char			 title[128], week[48], day[KITH_DAY_TEXT];
	char			 late[KITH_DAY_TEXT + 32];
	size_t			 items, i;
	int			 y, x, namew;

	draw_hline(l->alert_y, 0, l->cols);
	week[0] = '\0';
	if (ro->upcoming > 0)
		snprintf(week, sizeof week, " · %ld this week", ro->upcoming);
	if (ro->al.n == 0)
		snprintf(title, sizeof title, " nothing due this week ");
	else
		snprintf(title, sizeof title, " %s%ld overdue, %ld today%s%s ",
		    ro->overdue ? "! " : "", ro->overdue, ro->due_today, week,
		    ro->alerts_open ? "" : " (! to expand)");
	draw_text(l->alert_y, 2, l->cols - 4, title, ro->overdue ?
	    ROLE_OVERDUE : ROLE_TITLE, 0);
	if (!ro->alerts_open)
		return;
	items = (size_t)layout_alert_items(l, ro->al.n);
	listw_show(&ro->al, items);
	namew = l->cols / 4;
	for (y = 0; (size_t)y < items; y++) {
		struct alert	*a;
		enum role	 r, rn, ra;

		i = ro->al.top + (size_t)y;
		if (i >= ro->al.n)
			break;
		a = &ro->alerts[i];
		r = a->late > 0 ? ROLE_OVERDUE : a->late == 0 ? ROLE_TODAY :
		    ROLE_DIM;
		rn = a->late < 0 ? ROLE_DIM : ROLE_NAME;
		ra = a->late < 0 ? ROLE_DIM : ROLE_NORMAL;
		if (i == ro->al.sel)
			r = rn = ra = ro->focus == PANE_ALERTS ? ROLE_SELECT :
			    ROLE_SELECT_DIM;
		draw_fill(l->alert_y + 1 + y, 0, l->cols, r == ROLE_SELECT ||
		    r == ROLE_SELECT_DIM ? r : ROLE_NORMAL);
		if (a->late > 0)
			snprintf(late, sizeof late, "%ldd late", a->late);
		else if (a->late == 0)
			snprintf(late, sizeof late, "today");
		else if (a->late == -1)
			snprintf(late, sizeof late, "tomorrow");
		else {
			/* "Fri 13 Mar 2026": its first word, the weekday. */
			date_describe(a->due, day);
			day[strcspn(day, " ")] = '\0';
			snprintf(late, sizeof late, "%s in %ldd", day,
			    -a->late);
		}
		x = 1;
		draw_text(l->alert_y + 1 + y, x, 9, late, r, 0);
		x += 10;
		draw_text(l->alert_y + 1 + y, x, namew, a->name ? a->name :
		    "(no contact)", rn, 0);
		x += namew + 1;
		/* A time of day goes before the action: "14:30 call". */
		if (a->due_time[0] != '\0' && l->cols - x - 1 > 6) {
			draw_text(l->alert_y + 1 + y, x, 5, a->due_time, ra, 0);
			x += 6;
		}
		draw_text(l->alert_y + 1 + y, x, l->cols - x - 1, a->action,
		    ra, 0);
	}
	if (items < ro->al.n)
		draw_more(ro, l->alert_y + 1 + (int)items, items);
}

/*
 * The last line of a pane too short for its alerts: how many are below
 * the ones shown (or above, at the end), and the key that shows them all.
 */
static void
draw_more(struct rolodex *ro, int y, size_t items)
{
	char	keys[32], line[96];
	size_t	below = ro->al.n - ro->al.top - items;

	keymap_keys_for(&keymap_main, ACT_ALERTS_ALL, keys, sizeof keys);
	if (ro->alerts_open == LAYOUT_ALERTS_ZOOM)
		snprintf(line, sizeof line, below > 0 ? "+%zu more" :
		    "%zu above", below > 0 ? below : ro->al.top);
	else
		snprintf(line, sizeof line, below > 0 ? "+%zu more (%s shows "
		    "all)" : "%zu above (%s shows all)", below > 0 ? below :
		    ro->al.top, keys);
	draw_fill(y, 0, ro->lay.cols, ROLE_NORMAL);
	draw_text(y, 1, ro->lay.cols - 2, line, ROLE_DIM, 0);
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
