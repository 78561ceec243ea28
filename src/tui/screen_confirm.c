/* SPDX-License-Identifier: MIT */
/*
 * y/n questions, asked before anything that destroys or replaces data;
 * the default answer is No.  Keys go through keymap_confirm, then
 * keymap_global (help, redraw; its q says no): y says yes, n, Esc, Enter
 * and q say no, and so does any other character, while a function key or
 * a mouse event that no table binds is no answer and leaves the question
 * open.  The answer function is called once: fn(app, 0, id, ctx) for yes,
 * with PICK_CANCEL for no or when the question goes unanswered.  A
 * question whose default is Yes (confirm_yes_new: an offer, such as a
 * conflict check, that changes nothing) goes through keymap_confirm_yes
 * instead, where Enter says yes; its answer function says what happened.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "kith/util.h"
#include "actions.h"
#include "draw.h"
#include "keys.h"
#include "overlay.h"
#include "tui.h"
#include "utf8.h"
#include "wrap.h"

struct confirm {
	struct screen	 s;
	char		 question[600];
	pick_fn		 fn;
	int64_t		 id;
	void		*ctx;
	int		 done;		/* fn has been called */
	int		 def_yes;	/* Enter says yes */
};

static void	confirm_leave(struct app *, struct screen *);
static void	confirm_draw(struct app *, struct screen *);
static int	confirm_handle(struct app *, struct screen *, int, wint_t);
static void	confirm_keymap(struct app *, struct screen *,
		    struct keyscope *);

static const struct screen_ops confirm_ops = {
	.leave = confirm_leave,
	.draw = confirm_draw,
	.handle = confirm_handle,
	.keymap = confirm_keymap,
};

struct screen *
confirm_new(const char *question, pick_fn fn, int64_t id, void *ctx)
{
	struct confirm	*c = xcalloc(1, sizeof *c);

	c->s.ops = &confirm_ops;
	snprintf(c->question, sizeof c->question, "%s", question);
	u8_trim_partial(c->question);
	c->fn = fn;
	c->id = id;
	c->ctx = ctx;
	return &c->s;
}

struct screen *
confirm_yes_new(const char *question, pick_fn fn, int64_t id, void *ctx)
{
	struct screen	*s = confirm_new(question, fn, id, ctx);

	((struct confirm *)s)->def_yes = 1;
	return s;
}

static void
confirm_leave(struct app *app, struct screen *s)
{
	struct confirm	*c = (struct confirm *)s;

	if (!c->done)
		c->fn(app, PICK_CANCEL, c->id, c->ctx);
	free(c);
}

static void
confirm_draw(struct app *app, struct screen *s)
{
	struct confirm		*c = (struct confirm *)s;
	struct wrap_line	*wl;
	char			*line;
	size_t			 n, i;
	int			 y, x, h, w, want;

	(void)app;
	/* A question too long for one line wraps: it names what it acts on. */
	want = u8_width(c->question) + 6;
	n = wrap_text(c->question, (want < COLS - 2 ? want : COLS - 2) - 4,
	    &wl);
	overlay_box((int)n + 2, want, &y, &x, &h, &w);
	draw_box(y, x, h, w, NULL);
	for (i = 0; i < n && (int)i < h - 2; i++) {
		/* The last line that fits takes the rest, cut with "…". */
		line = (int)i + 1 == h - 2 ? xstrdup(c->question + wl[i].off) :
		    xstrndup(c->question + wl[i].off, wl[i].len);
		draw_text_cut(y + 1 + (int)i, x + 2, w - 4, line, ROLE_NAME, 0);
		free(line);
	}
	free(wl);
}

static void
confirm_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	(void)app;
	keyscope_add(sc, ((struct confirm *)s)->def_yes ? &keymap_confirm_yes :
	    &keymap_confirm);
	keyscope_add(sc, &keymap_global);
}

static int
confirm_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct confirm	*c = (struct confirm *)s;
	struct keyscope	 sc = { { 0 }, 0 };
	enum action	 act;
	int		 flags;

	confirm_keymap(app, s, &sc);
	act = keyscope_lookup(&sc, fn, key);
	if ((flags = overlay_action(app, s, act)) >= 0)
		return flags;
	/* Not an answer: a mouse event, F5, Alt+x, an arrow... */
	if (act == ACT_NONE && fn)
		return 0;
	s->closing = 1;
	c->done = 1;
	if (act == ACT_YES)
		return c->fn(app, 0, c->id, c->ctx) | KITH_REDRAW;
	flags = c->fn(app, PICK_CANCEL, c->id, c->ctx);
	if (!c->def_yes) {
		app_message(app, 0, "cancelled");
		flags = 0;
	}
	return flags | KITH_REDRAW;
}
