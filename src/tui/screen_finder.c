/* SPDX-License-Identifier: MIT */
/*
 * The contact finder: a search line and the first contacts that match it,
 * to pick the other person of a relationship.  Keys go through
 * keymap_edit (the line), then keymap_finder (move, choose, cancel, help);
 * any other character is typed, and the matches follow the text.  The
 * pick function is called once: with the chosen contact's id, or with
 * PICK_CANCEL when the finder goes without a choice.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "kith/util.h"
#include "kith/view.h"
#include "actions.h"
#include "draw.h"
#include "keys.h"
#include "overlay.h"
#include "tui.h"
#include "utf8.h"

struct finder {
	struct screen	 s;
	char		 title[200];
	struct edit	 ed;
	struct view_row	*rows;
	size_t		 n, sel;
	pick_fn		 fn;
	int64_t		 id;
	void		*ctx;
	int		 done;
};

static void	finder_leave(struct app *, struct screen *);
static void	finder_draw(struct app *, struct screen *);
static int	finder_handle(struct app *, struct screen *, int, wint_t);
static int	finder_paste(struct app *, struct screen *, const char *);
static void	finder_keymap(struct app *, struct screen *,
		    struct keyscope *);
static void	finder_query(struct app *, struct finder *);

static const struct screen_ops finder_ops = {
	.leave = finder_leave,
	.draw = finder_draw,
	.handle = finder_handle,
	.paste = finder_paste,
	.keymap = finder_keymap,
};

struct screen *
finder_new(const char *title, pick_fn fn, int64_t id, void *ctx)
{
	struct finder	*f = xcalloc(1, sizeof *f);

	f->s.ops = &finder_ops;
	snprintf(f->title, sizeof f->title, "%s", title);
	u8_trim_partial(f->title);
	edit_init(&f->ed, NULL);
	f->fn = fn;
	f->id = id;
	f->ctx = ctx;
	return &f->s;
}

static void
finder_query(struct app *app, struct finder *f)
{
	struct kith_err	err = { 0 };

	view_rows_free(f->rows, f->n);
	f->rows = NULL;
	f->n = f->sel = 0;
	if (str_empty(f->ed.buf))
		return;
	if (view_page(app->db, f->ed.buf, 0, NULL, 0, 0, 1, 12, &f->rows,
	    &f->n, &err) != KITH_OK)
		app_message(app, 1, "%s", err.msg);
}

static void
finder_leave(struct app *app, struct screen *s)
{
	struct finder	*f = (struct finder *)s;

	if (!f->done)
		f->fn(app, PICK_CANCEL, f->id, f->ctx);
	view_rows_free(f->rows, f->n);
	edit_free(&f->ed);
	free(f);
}

static void
finder_draw(struct app *app, struct screen *s)
{
	struct finder	*f = (struct finder *)s;
	int		 y, x, h, w, col, i;
	char		 line[400];

	overlay_box(16, 64, &y, &x, &h, &w);
	draw_box(y, x, h, w, f->title);
	mvaddstr(y + 1, x + 2, "/ ");
	col = edit_view(&f->ed, w - 6);
	draw_text(y + 1, x + 4, w - 6, f->ed.buf + f->ed.scroll, ROLE_NAME, 1);
	app_cursor(app, y + 1, x + 4 + col);
	for (i = 0; i < h - 4 && (size_t)i < f->n; i++) {
		snprintf(line, sizeof line, "%s%s%s", f->rows[i].name,
		    f->rows[i].org ? " — " : "",
		    f->rows[i].org ? f->rows[i].org : "");
		u8_trim_partial(line);
		draw_text(y + 3 + i, x + 1, w - 2, line, (size_t)i == f->sel ?
		    ROLE_SELECT : ROLE_NORMAL, 1);
	}
	if (f->n == 0)
		draw_text(y + 3, x + 2, w - 4, str_empty(f->ed.buf) ?
		    "type a name, then Enter" : "no contact matches",
		    ROLE_DIM, 0);
}

static void
finder_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	(void)app;
	(void)s;
	keyscope_add(sc, &keymap_edit);
	keyscope_add(sc, &keymap_finder);
}

static int
finder_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct finder	*f = (struct finder *)s;
	struct keyscope	 sc = { { 0 }, 0 };
	enum action	 act;
	int		 flags;

	finder_keymap(app, s, &sc);
	act = keyscope_lookup(&sc, fn, key);
	if ((flags = overlay_action(app, s, act)) >= 0)
		return flags;
	switch (act) {
	case ACT_CANCEL:
		s->closing = 1;
		app_message(app, 0, "cancelled");
		return KITH_REDRAW;
	case ACT_CHOOSE:
		if (f->sel >= f->n)
			return KITH_REDRAW;
		s->closing = 1;
		f->done = 1;
		return f->fn(app, 0, f->rows[f->sel].id, f->ctx) | KITH_REDRAW;
	case ACT_DOWN:
		if (f->sel + 1 < f->n)
			f->sel++;
		return KITH_REDRAW;
	case ACT_UP:
		if (f->sel > 0)
			f->sel--;
		return KITH_REDRAW;
	default:
		break;
	}
	/* Other keys (F5, Insert, Alt+x, ...) leave it as it is. */
	if (!edit_action(&f->ed, act) && !(act == ACT_NONE &&
	    edit_type(&f->ed, fn, key)))
		return 0;
	finder_query(app, f);
	return KITH_REDRAW;
}

static int
finder_paste(struct app *app, struct screen *s, const char *text)
{
	struct finder	*f = (struct finder *)s;

	edit_paste(&f->ed, text);
	finder_query(app, f);
	return KITH_REDRAW;
}

