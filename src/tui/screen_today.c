/* SPDX-License-Identifier: MIT */
/*
 * The Today screen (todayview.h), drawn from scratch each frame over the
 * whole terminal:
 *
 *   row 0        header: the day, and how many items are owed, decided
 *                and carried over to tomorrow
 *   row 1        the column titles
 *   rows 2..     one line per item: rank, score, kind, name, what is
 *                owed, and when (red overdue, yellow due, as the main
 *                screen's alerts)
 *   3 rows       a rule, the selected item's score in one line, and the
 *                same-organisation hint when there is one
 *   last row     the key bar or a message (app.c)
 *
 * The queue is read again from the core on every reload (a decision, an
 * undo, a change by another process, midnight); the selection stays on
 * its item, or when that item was decided, on the one that took its
 * place: the next.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/db.h"
#include "kith/review.h"
#include "kith/util.h"
#include "act.h"
#include "actions.h"
#include "draw.h"
#include "keys.h"
#include "overlay.h"
#include "todaytext.h"
#include "todayview.h"
#include "tui.h"
#include "utf8.h"

#define HEAD_ROWS	2	/* header, column titles */
#define FOOT_ROWS	4	/* rule, score, hint, key bar */
#define KIND_W		9	/* "follow-up" */
#define WHEN_W		12	/* "28 days late" */

static void	tv_leave(struct app *, struct screen *);
static void	tv_draw(struct app *, struct screen *);
static int	tv_handle(struct app *, struct screen *, int, wint_t);
static void	tv_keymap(struct app *, struct screen *, struct keyscope *);
static void	tv_reload(struct app *, struct screen *, int);
static void	tv_resize(struct app *, struct screen *);
static int	tv_action(struct todayview *, enum action);
static size_t	vis_rows(void);
static void	tv_load(struct todayview *);
static void	draw_item(const struct review_item *, int, int);
static void	draw_empty(const struct todayview *);

static const struct screen_ops today_ops = {
	.leave = tv_leave,
	.draw = tv_draw,
	.handle = tv_handle,
	.keymap = tv_keymap,
	.reload = tv_reload,
	.resize = tv_resize,
};

struct todayview *
todayview_new(struct app *app)
{
	struct todayview	*tv = xcalloc(1, sizeof *tv);

	tv->s.ops = &today_ops;
	tv->s.opaque = 1;
	tv->app = app;
	tv->db = app->db;
	tv_load(tv);
	return tv;
}

const struct review_item *
todayview_item(const struct todayview *tv)
{
	return tv->r != NULL && tv->lw.sel < tv->lw.n ?
	    &tv->r->items[tv->lw.sel] : NULL;
}

static void
tv_leave(struct app *app, struct screen *s)
{
	struct todayview	*tv = (struct todayview *)s;

	(void)app;
	review_free(tv->r);
	free(tv);
}

/* Item lines shown at once. */
static size_t
vis_rows(void)
{
	int	h = LINES - HEAD_ROWS - FOOT_ROWS;

	return h > 0 ? (size_t)h : 1;
}

/*
 * Reads the day's queue again; the selection follows its item, else
 * stays at its place (the next item moved up into it).
 */
static void
tv_load(struct todayview *tv)
{
	struct kith_err		 err = { 0 };
	struct review_opts	 o = { 0, REVIEW_CAP, KEYDATE_FEB28 };
	struct review		*r;
	size_t			 i, sel = tv->lw.sel;

	if (review_build(tv->db, &o, &r, &err) != KITH_OK) {
		app_message(tv->app, 1, "%s", err.msg);
		return;
	}
	review_free(tv->r);
	tv->r = r;
	for (i = 0; i < r->n; i++)
		if (tv->sel_key[0] != '\0' &&
		    strcmp(r->items[i].key, tv->sel_key) == 0) {
			sel = i;
			break;
		}
	tv->lw.n = r->n;
	tv->lw.sel = sel < r->n ? sel : r->n > 0 ? r->n - 1 : 0;
	listw_show(&tv->lw, vis_rows());
}

static void
tv_reload(struct app *app, struct screen *s, int flags)
{
	(void)app;
	(void)flags;
	tv_load((struct todayview *)s);
}

static void
tv_resize(struct app *app, struct screen *s)
{
	struct todayview	*tv = (struct todayview *)s;

	(void)app;
	listw_show(&tv->lw, vis_rows());
}

/* ---- drawing -------------------------------------------------------- */

static void
tv_draw(struct app *app, struct screen *s)
{
	struct todayview	*tv = (struct todayview *)s;
	const struct review_item *it;
	char			 left[96], right[128], day[KITH_DAY_TEXT];
	char			 line[512];
	size_t			 k, vis = vis_rows();
	int			 w, foot = LINES - FOOT_ROWS;

	erase();
	draw_fill(0, 0, COLS, ROLE_HEADER);
	date_describe(app->today, day);
	snprintf(left, sizeof left, " kith  today  %s", day);
	draw_text(0, 0, COLS, left, ROLE_HEADER, 0);
	if (tv->r != NULL) {
		today_header(tv->r, right, sizeof right);
		w = u8_width(right) + 1;
		if (w < COLS - u8_width(left) - 1)
			draw_text(0, COLS - w, w, right, ROLE_HEADER, 0);
	}
	if (tv->r == NULL || tv->r->n == 0) {
		draw_empty(tv);
		return;
	}
	snprintf(line, sizeof line, "   # score  %-*s  who, what", KIND_W,
	    "kind");
	draw_text(1, 0, COLS, line, ROLE_DIM, 0);
	if (COLS > WHEN_W + 2)
		draw_text(1, COLS - WHEN_W - 1, WHEN_W, "when", ROLE_DIM, 0);
	listw_show(&tv->lw, vis);
	for (k = 0; k < vis && tv->lw.top + k < tv->lw.n; k++)
		draw_item(&tv->r->items[tv->lw.top + k], HEAD_ROWS + (int)k,
		    tv->lw.top + k == tv->lw.sel);
	if (foot <= HEAD_ROWS || (it = todayview_item(tv)) == NULL)
		return;
	draw_hline(foot, 0, COLS);
	review_explain(it, line, sizeof line);
	draw_text(foot + 1, 1, 5, "why", ROLE_TITLE, 0);
	draw_text_cut(foot + 1, 6, COLS - 7, line, ROLE_NORMAL, 0);
	if (it->hint != NULL) {
		draw_text(foot + 2, 1, 5, "note", ROLE_TITLE, 0);
		draw_text_cut(foot + 2, 6, COLS - 7, it->hint, ROLE_NORMAL,
		    0);
	}
}

/*
 * An item's line: rank, score and kind, the name and what is owed, when;
 * the kind and when in red (overdue) or yellow (due).
 */
static void
draw_item(const struct review_item *it, int y, int sel)
{
	char		 num[32], when[32];
	enum role	 r = (enum role)today_role(it), rn = ROLE_NAME;
	enum role	 ra = ROLE_NORMAL;
	int		 x, namew, room, used;

	if (sel)
		r = rn = ra = ROLE_SELECT;
	draw_fill(y, 0, COLS, sel ? ROLE_SELECT : ROLE_NORMAL);
	snprintf(num, sizeof num, "%4zu %5d  ", it->rank, it->score);
	x = draw_text(y, 0, COLS, num, ra, 0);
	x += draw_text(y, x, KIND_W + 2, review_item_kind(it), r, 1);
	room = COLS - x - WHEN_W - 2;
	if (room > 0) {
		namew = room / 3 > 12 ? room / 3 : 12;
		used = draw_text_cut(y, x, namew < room ? namew : room,
		    it->name != NULL ? it->name : "", rn, 0);
		if (used + 3 < room && it->what != NULL) {
			draw_text(y, x + used, 3, " — ", ra, 0);
			draw_text_cut(y, x + used + 3, room - used - 3,
			    it->what, ra, 0);
		}
	}
	today_when(it, when, sizeof when);
	if (COLS > WHEN_W + 2)
		draw_text(y, COLS - WHEN_W - 1, WHEN_W, when, r, 0);
}

static void
draw_empty(const struct todayview *tv)
{
	char	line[160];

	if (tv->r == NULL)
		return;
	if (tv->r->decided > 0)
		snprintf(line, sizeof line, "All done for today: %zu "
		    "decided%s.", tv->r->decided, tv->r->carried > 0 ?
		    "; the rest is carried over to tomorrow" : "");
	else
		snprintf(line, sizeof line, "Nothing owed today.");
	draw_text(HEAD_ROWS, 2, COLS - 4, line, ROLE_DIM, 0);
}

/* ---- keys ----------------------------------------------------------- */

static void
tv_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	(void)app;
	(void)s;
	keyscope_add(sc, &keymap_today);
	keyscope_add(sc, &keymap_global);
}

static int
tv_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct keyscope	 sc = { { 0 }, 0 };
	enum action	 act;
	int		 flags;

	tv_keymap(app, s, &sc);
	act = keyscope_lookup(&sc, fn, key);
	if ((flags = overlay_action(app, s, act)) >= 0)
		return flags;
	return tv_action((struct todayview *)s, act);
}

static int
tv_action(struct todayview *tv, enum action act)
{
	const struct review_item *it;
	int			 r;

	if (listw_action(&tv->lw, act, vis_rows())) {
		it = todayview_item(tv);
		snprintf(tv->sel_key, sizeof tv->sel_key, "%s",
		    it != NULL ? it->key : "");
		return KITH_REDRAW;
	}
	switch (act) {
	case ACT_DONE:
	case ACT_SNOOZE:
	case ACT_RESCHEDULE:
	case ACT_DROP:
		/* Decided, it leaves: the selection stays at its place. */
		r = act_today_decide(tv, act);
		tv->sel_key[0] = '\0';
		return r;
	case ACT_WHY:
		return act_today_why(tv);
	case ACT_OPEN:
		return act_today_open(tv);
	case ACT_UNDO:
		tv->sel_key[0] = '\0';
		return act_undo(tv->app);
	case ACT_CLOSE:
		tv->s.closing = 1;
		return KITH_REDRAW;
	case ACT_QUIT:
		return KITH_QUIT;
	default:
		return 0;
	}
}
