/* SPDX-License-Identifier: MIT */
/*
 * The pipeline board (boardview.h), drawn from scratch each frame over
 * the whole terminal:
 *
 *   row 0        header: the open deals, which stages show of how many
 *   row 1        each column's stage name and card count
 *   row 2        its total value per currency (currencies never summed)
 *   row 3        a rule, with ↑ / ↓ where the column has more cards
 *   rows 4..     cards, CARD_H rows each: title (! when stalled), the
 *                organisation, value and days in the stage, next step
 *   last row     the key bar or a message (app.c)
 *
 * Each column keeps a window of at most WIN_PAGES pages of cards around
 * its selection; moving past either end fetches the next page from the
 * card at that end, and cards far from the selection are dropped.  On a
 * reload (a change here or by another process) every column is read
 * again around the card it had selected, and the selection follows its
 * deal wherever it went (another stage after a move or an undo).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/board.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/pipeline.h"
#include "kith/util.h"
#include "act.h"
#include "actions.h"
#include "boardtext.h"
#include "boardview.h"
#include "draw.h"
#include "keys.h"
#include "overlay.h"
#include "tui.h"
#include "utf8.h"

#define COL_MIN		26	/* narrowest column, in cells: three at 80 */
#define CARD_H		5	/* rows of a card, the gap below included */
#define HEAD_ROWS	4	/* header, names, totals, rule */
#define WIN_PAGES	3	/* a window holds at most this many pages */

/* A column's selected card and its row, to load the column again there. */
struct anchor {
	int64_t			 stage;
	int			 have;		/* 0: load from the top */
	struct board_pos	 pos;		/* the selected card */
	size_t			 above;		/* cards shown above it */
};

static void	bv_leave(struct app *, struct screen *);
static void	bv_draw(struct app *, struct screen *);
static int	bv_handle(struct app *, struct screen *, int, wint_t);
static void	bv_keymap(struct app *, struct screen *, struct keyscope *);
static void	bv_reload(struct app *, struct screen *, int);
static void	bv_resize(struct app *, struct screen *);
static int	bv_action(struct boardview *, enum action);
static int	bv_mouse(struct boardview *);
static int	col_width(const struct boardview *);
static size_t	vis_cards(void);
static size_t	vis_cols(const struct boardview *);
static size_t	page_cards(void);
static void	col_clear(struct bcol *);
static size_t	col_fetch(struct boardview *, struct bcol *,
		    const struct board_pos *, int, size_t);
static void	col_load_top(struct boardview *, struct bcol *);
static void	col_load_end(struct boardview *, struct bcol *);
static void	col_load_at(struct boardview *, struct bcol *,
		    const struct board_pos *, size_t);
static void	cards_drop(struct board_card *, size_t);
static void	col_trim(struct bcol *);
static void	col_move(struct boardview *, struct bcol *, long);
static void	cols_free(struct boardview *);
static void	board_load(struct boardview *);
static void	show_cur(struct boardview *);
static void	draw_header(struct boardview *);
static void	draw_column(struct boardview *, size_t, int, int);
static void	draw_card(const struct board_card *, int, int, int, int);

static const struct screen_ops board_ops = {
	.leave = bv_leave,
	.draw = bv_draw,
	.handle = bv_handle,
	.keymap = bv_keymap,
	.reload = bv_reload,
	.resize = bv_resize,
};

struct boardview *
boardview_new(struct app *app)
{
	struct boardview	*bv = xcalloc(1, sizeof *bv);

	bv->s.ops = &board_ops;
	bv->s.opaque = 1;
	bv->app = app;
	bv->db = app->db;
	bv->word = "deal";
	board_load(bv);
	return bv;
}

const struct bcol *
boardview_col(const struct boardview *bv)
{
	return bv->cur < bv->ncols ? &bv->cols[bv->cur] : NULL;
}

const struct board_card *
boardview_card(const struct boardview *bv)
{
	const struct bcol	*c = boardview_col(bv);

	return c != NULL && c->lw.sel < c->lw.n ? &c->cards[c->lw.sel] : NULL;
}

static void
bv_leave(struct app *app, struct screen *s)
{
	struct boardview	*bv = (struct boardview *)s;

	(void)app;
	cols_free(bv);
	free(bv);
}

/* ---- geometry ------------------------------------------------------- */

/* Cards a column shows at once. */
static size_t
vis_cards(void)
{
	int	body = LINES - HEAD_ROWS - 1;

	return body + 1 >= CARD_H ? (size_t)(body + 1) / CARD_H : 1;
}

/* Columns shown side by side: as many as fit COL_MIN cells each. */
static size_t
vis_cols(const struct boardview *bv)
{
	size_t	n = COLS + 1 >= COL_MIN + 1 ? (size_t)(COLS + 1) /
	    (COL_MIN + 1) : 1;

	if (n > bv->ncols)
		n = bv->ncols;
	return n > 0 ? n : 1;
}

/* Cards fetched at a time: two screenfuls and a few. */
static size_t
page_cards(void)
{
	return vis_cards() * 2 + 4;
}

/* Scrolls the columns sideways so that the selected one shows. */
static void
show_cur(struct boardview *bv)
{
	size_t	n = vis_cols(bv);

	if (bv->cur < bv->left)
		bv->left = bv->cur;
	else if (bv->cur >= bv->left + n)
		bv->left = bv->cur + 1 - n;
	if (bv->left + n > bv->ncols)
		bv->left = bv->ncols > n ? bv->ncols - n : 0;
}

/* ---- the windows of cards ------------------------------------------- */

static void
col_clear(struct bcol *c)
{
	board_cards_free(c->cards, c->lw.n);
	c->cards = NULL;
	c->lw.n = c->lw.sel = c->lw.top = 0;
	c->at_start = c->at_end = 0;
}

/*
 * Fetches up to limit cards from from in direction dir and adds them
 * after the window (dir > 0) or before it (dir < 0); fewer than limit
 * mark that end of the column.  Returns the cards added.
 */
static size_t
col_fetch(struct boardview *bv, struct bcol *c, const struct board_pos *from,
    int dir, size_t limit)
{
	struct kith_err		 err = { 0 };
	struct board_card	*got;
	size_t			 n, i;

	if (board_cards(bv->db, c->stage, from, dir, limit, &got, &n,
	    &err) != KITH_OK) {
		app_message(bv->app, 1, "%s", err.msg);
		n = 0;
		got = NULL;
	}
	if (n < limit) {
		if (dir > 0)
			c->at_end = 1;
		else
			c->at_start = 1;
	}
	if (n == 0) {
		board_cards_free(got, 0);
		return 0;
	}
	c->cards = xreallocarray(c->cards, c->lw.n + n, sizeof *c->cards);
	if (dir > 0)
		memcpy(c->cards + c->lw.n, got, n * sizeof *got);
	else {
		memmove(c->cards + n, c->cards, c->lw.n * sizeof *c->cards);
		for (i = 0; i < n; i++)		/* got is nearest first */
			c->cards[n - 1 - i] = got[i];
		if (c->lw.n > 0) {
			c->lw.sel += n;
			c->lw.top += n;
		}
	}
	c->lw.n += n;
	free(got);	/* the strings now belong to the window */
	return n;
}

static void
col_load_top(struct boardview *bv, struct bcol *c)
{
	col_clear(c);
	c->at_start = 1;
	col_fetch(bv, c, NULL, 1, page_cards());
}

static void
col_load_end(struct boardview *bv, struct bcol *c)
{
	col_clear(c);
	c->at_end = 1;
	col_fetch(bv, c, NULL, -1, page_cards());
	c->lw.sel = c->lw.n > 0 ? c->lw.n - 1 : 0;
	listw_show(&c->lw, vis_cards());
}

/*
 * Loads the window around pos, selecting the card there or, if it is
 * gone, the one after it (else the one before); above: the cards to
 * show above the selection, as before.
 */
static void
col_load_at(struct boardview *bv, struct bcol *c, const struct board_pos *pos,
    size_t above)
{
	struct board_pos	 from = *pos;
	size_t			 half = page_cards() / 2, before;

	col_clear(c);
	from.id--;		/* the card at pos itself comes first */
	col_fetch(bv, c, &from, 1, half + 1);
	before = col_fetch(bv, c, pos, -1, half);
	c->lw.sel = before < c->lw.n ? before : c->lw.n > 0 ? c->lw.n - 1 : 0;
	c->lw.top = c->lw.sel > above ? c->lw.sel - above : 0;
	listw_show(&c->lw, vis_cards());
}

/* Frees the strings of n cards inside a window. */
static void
cards_drop(struct board_card *cards, size_t n)
{
	struct board_card	*copy;

	if (n == 0)
		return;
	copy = xreallocarray(NULL, n, sizeof *copy);
	memcpy(copy, cards, n * sizeof *copy);
	board_cards_free(copy, n);
}

/* Drops cards far from the view once the window is too long. */
static void
col_trim(struct bcol *c)
{
	size_t	page = page_cards(), keep = page * (WIN_PAGES - 1), drop;

	if (c->lw.n <= page * WIN_PAGES)
		return;
	drop = c->lw.n - keep;
	if (c->lw.top >= drop) {
		cards_drop(c->cards, drop);
		memmove(c->cards, c->cards + drop, keep * sizeof *c->cards);
		c->lw.sel -= drop;
		c->lw.top -= drop;
		c->lw.n = keep;
		c->at_start = 0;
	} else if (c->lw.top + vis_cards() <= keep && c->lw.sel < keep) {
		cards_drop(c->cards + keep, drop);
		c->lw.n = keep;
		c->at_end = 0;
	}
}

static void
col_move(struct boardview *bv, struct bcol *c, long delta)
{
	struct board_pos	 pos;
	size_t			 want;

	if (delta > 0 && c->lw.sel + (size_t)delta >= c->lw.n && !c->at_end &&
	    c->lw.n > 0) {
		pos = c->cards[c->lw.n - 1].pos;
		want = page_cards() > (size_t)delta ? page_cards() :
		    (size_t)delta;
		col_fetch(bv, c, &pos, 1, want);
	} else if (delta < 0 && (size_t)-delta > c->lw.sel && !c->at_start &&
	    c->lw.n > 0) {
		pos = c->cards[0].pos;
		want = page_cards() > (size_t)-delta ? page_cards() :
		    (size_t)-delta;
		col_fetch(bv, c, &pos, -1, want);
	}
	listw_move(&c->lw, delta);
	listw_show(&c->lw, vis_cards());
	col_trim(c);
}

static void
cols_free(struct boardview *bv)
{
	size_t	i;

	for (i = 0; i < bv->ncols; i++) {
		col_clear(&bv->cols[i]);
		free(bv->cols[i].name);
		free(bv->cols[i].totals);
		free(bv->cols[i].totals_short);
	}
	free(bv->cols);
	bv->cols = NULL;
	bv->ncols = 0;
}

/* ---- loading -------------------------------------------------------- */

/*
 * Reads the columns again (the open stages with their counts and totals),
 * and each column's cards around the card it had selected; the selection
 * follows bv->follow, else the selected deal, to whatever column it is in
 * now.
 */
static void
board_load(struct boardview *bv)
{
	struct kith_err			 err = { 0 };
	struct pipeline_stage_total	*st = NULL;
	struct anchor			*an;
	struct board_pos		 fpos;
	struct bcol			*c;
	const struct board_card		*sel = boardview_card(bv);
	int64_t				 follow = bv->follow, fstage = 0;
	int64_t				 cur_stage = 0;
	size_t				 n = 0, nan = bv->ncols, i, j, above = 0;

	if (pipeline_stage_totals(bv->db, NULL, &st, &n, &err) != KITH_OK) {
		app_message(bv->app, 1, "%s", err.msg);
		return;
	}
	if (follow == 0 && sel != NULL)
		follow = sel->id;
	bv->follow = 0;
	if (bv->cur < bv->ncols) {
		c = &bv->cols[bv->cur];
		cur_stage = c->stage;
		above = c->lw.sel >= c->lw.top ? c->lw.sel - c->lw.top : 0;
	}
	an = xcalloc(nan > 0 ? nan : 1, sizeof *an);
	for (i = 0; i < nan; i++) {
		c = &bv->cols[i];
		an[i].stage = c->stage;
		if (c->lw.sel < c->lw.n) {
			an[i].have = 1;
			an[i].pos = c->cards[c->lw.sel].pos;
			an[i].above = c->lw.sel >= c->lw.top ?
			    c->lw.sel - c->lw.top : 0;
		}
	}
	if (follow != 0 && board_locate(bv->db, follow, &fstage, &fpos,
	    &err) != KITH_OK)
		fstage = 0;

	cols_free(bv);
	bv->cols = xcalloc(n > 0 ? n : 1, sizeof *bv->cols);
	bv->ncols = n;
	bv->cur = 0;
	bv->deals = 0;
	for (i = 0; i < n; i++) {
		c = &bv->cols[i];
		c->stage = st[i].stage;
		c->name = xstrdup(st[i].name != NULL ? st[i].name : "");
		c->count = st[i].count;
		c->totals = board_totals(&st[i], 0);
		c->totals_short = board_totals(&st[i], 1);
		bv->deals += st[i].count;
		if (c->stage == cur_stage)
			bv->cur = i;
	}
	for (i = 0; i < n; i++) {
		c = &bv->cols[i];
		if (fstage != 0 && c->stage == fstage) {
			bv->cur = i;
			col_load_at(bv, c, &fpos, above);
			continue;
		}
		for (j = 0; j < nan; j++)
			if (an[j].stage == c->stage)
				break;
		if (j < nan && an[j].have)
			col_load_at(bv, c, &an[j].pos, an[j].above);
		else
			col_load_top(bv, c);
	}
	free(an);
	pipeline_stage_totals_free(st, n);
	bv->word = deal_word(bv->db);
	show_cur(bv);
}

static void
bv_reload(struct app *app, struct screen *s, int flags)
{
	(void)app;
	(void)flags;
	board_load((struct boardview *)s);
}

static void
bv_resize(struct app *app, struct screen *s)
{
	struct boardview	*bv = (struct boardview *)s;
	size_t			 i;

	(void)app;
	for (i = 0; i < bv->ncols; i++)
		listw_show(&bv->cols[i].lw, vis_cards());
	show_cur(bv);
}

/* ---- drawing -------------------------------------------------------- */

static void
bv_draw(struct app *app, struct screen *s)
{
	struct boardview	*bv = (struct boardview *)s;
	size_t			 n, k;
	int			 w, x;

	(void)app;
	erase();
	draw_header(bv);
	if (bv->ncols == 0) {
		draw_text(HEAD_ROWS, 2, COLS - 4, "No open stage: every stage "
		    "is won or lost.", ROLE_DIM, 0);
		return;
	}
	n = vis_cols(bv);
	w = col_width(bv);
	for (k = 0; k < n && bv->left + k < bv->ncols; k++) {
		x = (int)k * (w + 1);
		draw_column(bv, bv->left + k, x, k + 1 == n ? COLS - x : w);
		if (k + 1 < n)
			draw_vline(1, x + w, LINES - 2);
	}
}

/* The width of a column shown (the last one takes what is left). */
static int
col_width(const struct boardview *bv)
{
	int	n = (int)vis_cols(bv);

	return (COLS - (n - 1)) / n;
}

static void
draw_header(struct boardview *bv)
{
	char	left[128], right[96], num[32];
	size_t	n = vis_cols(bv);
	int	w;

	draw_fill(0, 0, COLS, ROLE_HEADER);
	u8_thousands(bv->deals, num, sizeof num);
	snprintf(left, sizeof left, " kith  pipeline  %s open %s%s", num,
	    bv->word, bv->deals == 1 ? "" : "s");
	draw_text(0, 0, COLS, left, ROLE_HEADER, 0);
	if (bv->ncols <= n)
		return;
	snprintf(right, sizeof right, "%sstages %zu–%zu of %zu%s ",
	    bv->left > 0 ? "< " : "", bv->left + 1, bv->left + n, bv->ncols,
	    bv->left + n < bv->ncols ? " >" : "");
	w = u8_width(right);
	if (w < COLS - u8_width(left))
		draw_text(0, COLS - w, w, right, ROLE_HEADER, 0);
}

static void
draw_column(struct boardview *bv, size_t i, int x, int w)
{
	const struct bcol	*c = &bv->cols[i];
	char			 cnt[32];
	size_t			 vis = vis_cards(), k, idx;
	int			 focus = i == bv->cur, cw = 0, y;

	if (c->count >= 0) {
		u8_thousands(c->count, cnt, sizeof cnt);
		cw = u8_width(cnt);
	}
	draw_fill(1, x, w, focus ? ROLE_SELECT : ROLE_NORMAL);
	draw_text_cut(1, x + 1, w - 2 - (cw > 0 ? cw + 1 : 0), c->name,
	    focus ? ROLE_SELECT : ROLE_TITLE, 0);
	if (cw > 0 && cw < w - 2)
		draw_text(1, x + w - 1 - cw, cw, cnt, focus ? ROLE_SELECT :
		    ROLE_DIM, 0);
	if (c->totals == NULL)
		draw_text(2, x + 1, w - 2, c->count == 0 ? "" : "no value",
		    ROLE_DIM, 0);
	else
		draw_text_cut(2, x + 1, w - 2, u8_width(c->totals) <= w - 2 ?
		    c->totals : c->totals_short, ROLE_NORMAL, 0);
	draw_hline(3, x, w);
	if (c->lw.top > 0 || (!c->at_start && c->lw.n > 0))
		draw_text(3, x + 1, w - 2, "↑ more", ROLE_DIM, 0);
	if (c->lw.top + vis < c->lw.n || (!c->at_end && c->lw.n > 0))
		draw_text(3, x + w - 7 > x + 8 ? x + w - 7 : x + 8, 6,
		    "more ↓", ROLE_DIM, 0);
	if (c->lw.n == 0) {
		snprintf(cnt, sizeof cnt, "no %ss", bv->word);
		draw_text(HEAD_ROWS, x + 1, w - 2, cnt, focus ? ROLE_SELECT :
		    ROLE_DIM, 1);
		return;
	}
	for (k = 0; k < vis; k++) {
		idx = c->lw.top + k;
		if (idx >= c->lw.n)
			break;
		y = HEAD_ROWS + (int)k * CARD_H;
		draw_card(&c->cards[idx], y, x + 1, w - 2, focus &&
		    idx == c->lw.sel);
	}
}

/*
 * A card: its title (after "! " when stalled), the organisation, the
 * value with its currency and the days in the stage, the next step.
 */
static void
draw_card(const struct board_card *cd, int y, int x, int w, int sel)
{
	struct sbuf	 sb = { 0 };
	char		 m[48];
	int		 r;

	for (r = 0; r < CARD_H - 1; r++)
		draw_fill(y + r, x, w, sel ? ROLE_SELECT : ROLE_NORMAL);
	if (cd->stalled)
		sbuf_add(&sb, "! ");
	sbuf_add(&sb, cd->title);
	draw_text_cut(y, x, w, sb.s, sel ? ROLE_SELECT : cd->stalled ?
	    ROLE_OVERDUE : ROLE_NAME, 0);
	sbuf_reset(&sb);
	if (cd->org != NULL)
		draw_text_cut(y + 1, x, w, cd->org, sel ? ROLE_SELECT :
		    ROLE_NORMAL, 0);
	if (cd->has_value)
		board_money(cd->value_cents, cd->currency != NULL ?
		    cd->currency : "", 0, m, sizeof m);
	sbuf_printf(&sb, "%s · %ldd%s", cd->has_value ? m : "no value",
	    cd->days_in_stage, cd->stalled ? " stalled" : "");
	draw_text_cut(y + 2, x, w, sb.s, sel ? ROLE_SELECT : ROLE_NORMAL, 0);
	sbuf_reset(&sb);
	if (cd->next_step != NULL) {
		sbuf_printf(&sb, "→ %s", cd->next_step);
		draw_text_cut(y + 3, x, w, sb.s, sel ? ROLE_SELECT :
		    ROLE_NORMAL, 0);
	} else
		draw_text(y + 3, x, w, "no next step", sel ? ROLE_SELECT :
		    ROLE_DIM, 0);
	sbuf_free(&sb);
}

/* ---- keys ----------------------------------------------------------- */

static void
bv_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	(void)app;
	(void)s;
	keyscope_add(sc, &keymap_board);
	keyscope_add(sc, &keymap_global);
}

static int
bv_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct keyscope	 sc = { { 0 }, 0 };
	enum action	 act;
	int		 flags;

	if (fn && key == KEY_MOUSE)
		return bv_mouse((struct boardview *)s);
	bv_keymap(app, s, &sc);
	act = keyscope_lookup(&sc, fn, key);
	if ((flags = overlay_action(app, s, act)) >= 0)
		return flags;
	return bv_action((struct boardview *)s, act);
}

/*
 * The mouse: the wheel moves in the selected column, a click selects the
 * column and the card under it.
 */
static int
bv_mouse(struct boardview *bv)
{
	MEVENT		 ev;
	struct bcol	*c;
	size_t		 k, card;

	if (getmouse(&ev) != OK || bv->ncols == 0)
		return 0;
	if (ev.bstate & BUTTON4_PRESSED)
		return bv_action(bv, ACT_UP);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return bv_action(bv, ACT_DOWN);
#endif
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED)) || ev.y < 1 ||
	    ev.x < 0)
		return 0;
	k = (size_t)ev.x / (size_t)(col_width(bv) + 1);
	if (k >= vis_cols(bv))
		k = vis_cols(bv) - 1;
	if (bv->left + k >= bv->ncols)
		return 0;
	bv->cur = bv->left + k;
	c = &bv->cols[bv->cur];
	if (ev.y >= HEAD_ROWS) {
		card = c->lw.top + (size_t)(ev.y - HEAD_ROWS) / CARD_H;
		if (card < c->lw.n && card < c->lw.top + vis_cards())
			c->lw.sel = card;
	}
	return KITH_REDRAW;
}

static int
bv_action(struct boardview *bv, enum action act)
{
	struct bcol	*c = bv->cur < bv->ncols ? &bv->cols[bv->cur] : NULL;
	long		 page = (long)vis_cards();

	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_HALF_UP:
	case ACT_HALF_DOWN:
		if (c == NULL)
			return 0;
		if (act == ACT_HALF_UP || act == ACT_HALF_DOWN)
			page = (page + 1) / 2;
		else if (act == ACT_UP || act == ACT_DOWN)
			page = 1;
		col_move(bv, c, act == ACT_UP || act == ACT_PAGE_UP ||
		    act == ACT_HALF_UP ? -page : page);
		break;
	case ACT_HOME:
		if (c != NULL)
			col_load_top(bv, c);
		break;
	case ACT_END:
		if (c != NULL)
			col_load_end(bv, c);
		break;
	case ACT_COL_LEFT:
		if (bv->cur > 0)
			bv->cur--;
		show_cur(bv);
		break;
	case ACT_COL_RIGHT:
		if (bv->cur + 1 < bv->ncols)
			bv->cur++;
		show_cur(bv);
		break;
	case ACT_DEAL_BACK:
		return act_deal_move(bv, -1);
	case ACT_DEAL_ON:
		return act_deal_move(bv, 1);
	case ACT_OPEN:
		return act_deal_open(bv);
	case ACT_ADD:
		return act_deal_add(bv);
	case ACT_DEAL_WON:
		return act_deal_close(bv, 1);
	case ACT_DEAL_LOST:
		return act_deal_close(bv, 0);
	case ACT_PARTY:
		return act_deal_party(bv);
	case ACT_UNDO:
		return act_undo(bv->app);
	case ACT_CLOSE:
		bv->s.closing = 1;
		break;
	case ACT_QUIT:
		return KITH_QUIT;
	default:
		return 0;
	}
	return KITH_REDRAW;
}
