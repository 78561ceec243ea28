/* SPDX-License-Identifier: MIT */
/*
 * The alert pane of the main screen: the week's review (review.h) in its
 * rank order, the one score the Today screen and kith review use, over
 * everything owed up to ALERT_DAYS days ahead: pending follow-ups, due
 * and coming cadences, key dates, stalled deals.  At most ALERT_MAX of
 * them are kept in memory, read on load and reload only, never per key.
 * A line's colour says how pressing it is as the Today screen's does
 * (todaytext.h): red overdue, yellow due today or past a cadence's ideal
 * interval, dim ahead, with the day ("Fri in 3d").  A follow-up due at a
 * time of day shows it before its action.  When the pane's lines cannot
 * show them all, its last line says how many more there are below and
 * which key shows them all.  The pane keeps its selection on the same
 * item across reloads, or on the one that took its place.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/keydate.h"
#include "kith/review.h"
#include "kith/util.h"
#include "draw.h"
#include "keys.h"
#include "rolodex.h"
#include "todaytext.h"
#include "tui.h"
#include "utf8.h"

#define ALERT_MAX	500	/* alerts kept in memory */
#define ALERT_DAYS	7	/* the week ahead: due in 1..ALERT_DAYS days */

/* The week's follow-ups, for what the review does not keep of them. */
struct fu_seen {
	struct followup	*f;
	size_t		 n, cap;
};

static int	collect_followup(const struct followup *, void *);
static const struct followup *seen_find(const struct fu_seen *, int64_t);
static void	seen_free(struct fu_seen *);
static void	alert_of(struct rolodex *, struct alert *, size_t,
		    const struct fu_seen *);
static void	draw_when(const struct alert *, char *, size_t);
static void	draw_more(struct rolodex *, int y, size_t items);

static int
collect_followup(const struct followup *f, void *arg)
{
	struct fu_seen	*sn = arg;
	struct followup	*c;

	if (sn->n >= ALERT_MAX)
		return 1;
	if (sn->n == sn->cap) {
		sn->cap = sn->cap ? sn->cap * 2 : 16;
		sn->f = xreallocarray(sn->f, sn->cap, sizeof *sn->f);
	}
	c = &sn->f[sn->n++];
	memset(c, 0, sizeof *c);
	c->id = f->id;
	c->contact = f->contact;
	c->deal = f->deal;
	c->contact_name = f->contact_name ? xstrdup(f->contact_name) : NULL;
	c->deal_title = f->deal_title ? xstrdup(f->deal_title) : NULL;
	c->action = xstrdup(f->action);
	memcpy(c->due_time, f->due_time, sizeof c->due_time);
	return 0;
}

static const struct followup *
seen_find(const struct fu_seen *sn, int64_t id)
{
	size_t	i;

	for (i = 0; i < sn->n; i++)
		if (sn->f[i].id == id)
			return &sn->f[i];
	return NULL;
}

static void
seen_free(struct fu_seen *sn)
{
	size_t	i;

	for (i = 0; i < sn->n; i++) {
		free(sn->f[i].contact_name);
		free(sn->f[i].deal_title);
		free(sn->f[i].action);
	}
	free(sn->f);
}

/* Alert a from the review's item idx. */
static void
alert_of(struct rolodex *ro, struct alert *a, size_t idx,
    const struct fu_seen *sn)
{
	const struct review_item *it = &ro->review->items[idx];
	const struct followup	*f = NULL;

	memset(a, 0, sizeof *a);
	a->kind = it->kind;
	a->item = idx;
	a->contact = it->contact;
	a->deal = it->deal;
	a->late = it->late;
	a->role = today_role(it);
	if (it->late < 0 && a->role == ROLE_NORMAL)
		a->role = ROLE_DIM;
	memcpy(a->key, it->key, sizeof a->key);
	memcpy(a->due, it->day, sizeof a->due);
	if (it->kind == REVIEW_FOLLOWUP) {
		a->id = it->ref;
		f = seen_find(sn, it->ref);
	}
	if (f != NULL) {
		/* A deal's follow-up with nobody on it: "matter: its title". */
		if (f->contact_name == NULL && f->deal_title != NULL)
			a->name = xasprintf("%s: %s", deal_word(ro->db),
			    f->deal_title);
		else if (f->contact_name != NULL)
			a->name = xstrdup(f->contact_name);
		a->action = xstrdup(f->action);
		memcpy(a->due_time, f->due_time, sizeof a->due_time);
	} else {
		if (it->kind == REVIEW_DEAL)
			a->name = xasprintf("%s: %s", deal_word(ro->db),
			    it->name);
		else if (it->name != NULL && it->name[0] != '\0')
			a->name = xstrdup(it->name);
		a->action = xstrdup(it->what != NULL ? it->what : "");
	}
}

void
alerts_load(struct rolodex *ro)
{
	struct review_opts	 o = { ALERT_DAYS, ALERT_MAX, KEYDATE_FEB28 };
	struct fu_seen		 sn = { NULL, 0, 0 };
	struct kith_err		 err = { 0 };
	char			 keep[40];
	size_t			 i;

	ro->alerts_pending = 0;
	keep[0] = '\0';
	if (ro->al.sel < ro->al.n)
		memcpy(keep, ro->alerts[ro->al.sel].key, sizeof keep);
	alerts_free(ro);
	ro->upcoming = ro->owed_late = ro->owed_today = 0;
	if (followup_each_due(ro->db, ALERT_DAYS, collect_followup, &sn, &err)
	    != KITH_OK ||
	    review_build(ro->db, &o, &ro->review, &err) != KITH_OK)
		app_message(ro->app, 1, "%s", err.msg);
	if (ro->review != NULL) {
		ro->alerts = xcalloc(ro->review->n + 1, sizeof *ro->alerts);
		for (i = 0; i < ro->review->n; i++) {
			alert_of(ro, &ro->alerts[i], i, &sn);
			if (ro->alerts[i].role == ROLE_OVERDUE)
				ro->owed_late++;
			else if (ro->alerts[i].role == ROLE_TODAY)
				ro->owed_today++;
			else
				ro->upcoming++;
		}
		ro->al.n = ro->review->n;
	}
	seen_free(&sn);
	if (followup_counts(ro->db, &ro->overdue, &ro->due_today, &err)
	    != KITH_OK)
		app_message(ro->app, 1, "%s", err.msg);
	/* Stay on the same alert, or on the one that took its place. */
	for (i = 0; i < ro->al.n; i++)
		if (strcmp(ro->alerts[i].key, keep) == 0)
			ro->al.sel = i;
	listw_resize(&ro->al, ro->al.n);
}

/* The alert's when: "20d late", "today", "tomorrow", "Fri in 3d". */
static void
draw_when(const struct alert *a, char *out, size_t len)
{
	char	day[KITH_DAY_TEXT];

	if (a->kind == REVIEW_DEAL)
		snprintf(out, len, "stalled");
	else if (a->late > 0)
		snprintf(out, len, "%ldd late", a->late);
	else if (a->late == 0)
		snprintf(out, len, "today");
	else if (a->late == -1)
		snprintf(out, len, "tomorrow");
	else {
		/* "Fri 13 Mar 2026": its first word, the weekday. */
		date_describe(a->due, day);
		day[strcspn(day, " ")] = '\0';
		snprintf(out, len, "%s in %ldd", day, -a->late);
	}
}

void
alerts_draw(struct rolodex *ro)
{
	const struct layout	*l = &ro->lay;
	char			 title[128], week[48];
	char			 late[KITH_DAY_TEXT + 32];
	size_t			 items, i;
	int			 y, x, namew;

	draw_hline(l->alert_y, 0, l->cols);
	week[0] = '\0';
	if (ro->upcoming > 0)
		snprintf(week, sizeof week, " · %ld this week", ro->upcoming);
	if (ro->alerts_pending)
		snprintf(title, sizeof title, " loading the week's review ");
	else if (ro->al.n == 0)
		snprintf(title, sizeof title, " nothing due this week ");
	else
		snprintf(title, sizeof title, " %s%ld overdue, %ld today%s, "
		    "ranked%s ", ro->owed_late ? "! " : "", ro->owed_late,
		    ro->owed_today, week, ro->alerts_open ? "" :
		    " (! to expand)");
	draw_text(l->alert_y, 2, l->cols - 4, title, ro->owed_late ?
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
		r = (enum role)a->role;
		rn = r == ROLE_DIM ? ROLE_DIM : ROLE_NAME;
		ra = r == ROLE_DIM ? ROLE_DIM : ROLE_NORMAL;
		if (i == ro->al.sel)
			r = rn = ra = ro->focus == PANE_ALERTS ? ROLE_SELECT :
			    ROLE_SELECT_DIM;
		draw_fill(l->alert_y + 1 + y, 0, l->cols, r == ROLE_SELECT ||
		    r == ROLE_SELECT_DIM ? r : ROLE_NORMAL);
		draw_when(a, late, sizeof late);
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
	review_free(ro->review);
	ro->review = NULL;
}
