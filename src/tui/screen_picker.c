/* SPDX-License-Identifier: MIT */
/*
 * Lists to pick from: a box of items (the follow-ups of a contact, the
 * kinds of a relationship, ...) moved in with the list widget (listw.h).
 * Keys go through keymap_picker, then keymap_global (help, redraw; its
 * q is the picker's cancel).  The pick function is called once: with the
 * chosen item, or with PICK_CANCEL when the picker goes without a choice.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "kith/util.h"
#include "actions.h"
#include "draw.h"
#include "keys.h"
#include "listw.h"
#include "overlay.h"
#include "tui.h"
#include "utf8.h"

struct picker {
	struct screen	 s;
	char		 title[200];
	char		**items;
	struct listw	 l;
	size_t		 rows;		/* rows shown at the last draw */
	pick_fn		 fn;
	int64_t		 id;
	void		*ctx;
	int		 done;		/* fn has been called */
};

static void	picker_leave(struct app *, struct screen *);
static void	picker_draw(struct app *, struct screen *);
static int	picker_handle(struct app *, struct screen *, int, wint_t);
static void	picker_keymap(struct app *, struct screen *,
		    struct keyscope *);

static const struct screen_ops picker_ops = {
	.leave = picker_leave,
	.draw = picker_draw,
	.handle = picker_handle,
	.keymap = picker_keymap,
};

struct screen *
picker_new(const char *title, const char *const *items, size_t n, pick_fn fn,
    int64_t id, void *ctx)
{
	struct picker	*p = xcalloc(1, sizeof *p);
	size_t		 i;

	p->s.ops = &picker_ops;
	snprintf(p->title, sizeof p->title, "%s", title);
	u8_trim_partial(p->title);
	p->items = xcalloc(n + 1, sizeof *p->items);
	for (i = 0; i < n; i++)
		p->items[i] = xstrdup(items[i]);
	listw_resize(&p->l, n);
	p->fn = fn;
	p->id = id;
	p->ctx = ctx;
	return &p->s;
}

void
picker_select(struct screen *s, size_t idx)
{
	struct picker	*p = (struct picker *)s;

	if (idx < p->l.n)
		p->l.sel = idx;
}

static void
picker_leave(struct app *app, struct screen *s)
{
	struct picker	*p = (struct picker *)s;
	size_t		 i;

	if (!p->done)
		p->fn(app, PICK_CANCEL, p->id, p->ctx);
	for (i = 0; i < p->l.n; i++)
		free(p->items[i]);
	free(p->items);
	free(p);
}

static void
picker_draw(struct app *app, struct screen *s)
{
	struct picker	*p = (struct picker *)s;
	int		 y, x, h, w, i;
	size_t		 k;

	(void)app;
	overlay_box((int)p->l.n + 2, 60, &y, &x, &h, &w);
	draw_box(y, x, h, w, p->title);
	p->rows = (size_t)(h - 2);
	listw_show(&p->l, p->rows);
	for (i = 0; i < h - 2; i++) {
		k = p->l.top + (size_t)i;
		if (k >= p->l.n)
			break;
		draw_text_cut(y + 1 + i, x + 1, w - 2, p->items[k],
		    k == p->l.sel ? ROLE_SELECT : ROLE_NORMAL, 1);
	}
}

static void
picker_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	(void)app;
	(void)s;
	keyscope_add(sc, &keymap_picker);
	keyscope_add(sc, &keymap_global);
}

static int
picker_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct picker	*p = (struct picker *)s;
	struct keyscope	 sc = { { 0 }, 0 };
	enum action	 act;
	int		 flags;

	picker_keymap(app, s, &sc);
	act = keyscope_lookup(&sc, fn, key);
	if ((flags = overlay_action(app, s, act)) >= 0)
		return flags;
	switch (act) {
	case ACT_CANCEL:
		s->closing = 1;
		return KITH_REDRAW;
	case ACT_CHOOSE:
		if (p->l.n == 0)
			return 0;
		s->closing = 1;
		p->done = 1;
		return p->fn(app, p->l.sel, p->id, p->ctx) | KITH_REDRAW;
	default:
		return listw_action(&p->l, act, p->rows) ? KITH_REDRAW : 0;
	}
}
