/* SPDX-License-Identifier: MIT */
/*
 * The pager: a text in full, wrapped by display width (wrap.h) to a box
 * over the whole screen but the status line, to scroll through with the
 * keys of keymap_pager; q or Esc closes it.  The contact pane opens it on
 * notes, interactions and any line too long for the pane.  The text is
 * copied; it is wrapped anew when the width changes.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "kith/util.h"
#include "draw.h"
#include "keys.h"
#include "listw.h"
#include "overlay.h"
#include "tui.h"
#include "utf8.h"
#include "wrap.h"

struct pager {
	struct screen		 s;
	char			*title;
	char			*text;
	struct wrap_line	*lines;
	struct listw		 v;		/* n lines, top shown */
	int			 width;		/* wrapped to, 0: not yet */
};

static void	pager_leave(struct app *, struct screen *);
static void	pager_draw(struct app *, struct screen *);
static int	pager_handle(struct app *, struct screen *, int, wint_t);
static void	pager_keymap(struct app *, struct screen *, struct keyscope *);
static void	pager_wrap(struct pager *, int);
static size_t	pager_rows(void);

static const struct screen_ops pager_ops = {
	.leave = pager_leave,
	.draw = pager_draw,
	.handle = pager_handle,
	.keymap = pager_keymap,
};

struct screen *
pager_new(const char *title, const char *text)
{
	struct pager	*p = xcalloc(1, sizeof *p);

	p->s.ops = &pager_ops;
	p->title = xstrdup(title != NULL ? title : "");
	p->text = xstrdup(text != NULL ? text : "");
	return &p->s;
}

static void
pager_leave(struct app *app, struct screen *s)
{
	struct pager	*p = (struct pager *)s;

	(void)app;
	free(p->title);
	free(p->text);
	free(p->lines);
	free(p);
}

/* Rows of text: the screen but the box's borders and the status line. */
static size_t
pager_rows(void)
{
	return LINES > 4 ? (size_t)(LINES - 3) : 1;
}

static void
pager_wrap(struct pager *p, int width)
{
	if (width == p->width)
		return;
	free(p->lines);
	p->v.n = wrap_text(p->text, width, &p->lines);
	p->width = width;
}

static void
pager_draw(struct app *app, struct screen *s)
{
	struct pager	*p = (struct pager *)s;
	size_t		 rows = pager_rows(), i, last;
	char		 pos[96], *line;
	int		 y, w = COLS - 4;

	(void)app;
	if (w < 1)
		w = 1;
	pager_wrap(p, w);
	if (p->v.top + rows > p->v.n)
		p->v.top = p->v.n > rows ? p->v.n - rows : 0;
	draw_box(0, 0, LINES - 1, COLS, p->title);
	for (y = 0; (size_t)y < rows && p->v.top + (size_t)y < p->v.n; y++) {
		i = p->v.top + (size_t)y;
		line = xstrndup(p->text + p->lines[i].off, p->lines[i].len);
		draw_text(1 + y, 2, w, line, ROLE_NORMAL, 0);
		free(line);
	}
	/* Where the user is, and whether there is more. */
	last = p->v.top + rows < p->v.n ? p->v.top + rows : p->v.n;
	snprintf(pos, sizeof pos, " %s%zu–%zu of %zu lines%s ",
	    p->v.top > 0 ? "↑ " : "", p->v.n > 0 ? p->v.top + 1 : 0, last,
	    p->v.n, last < p->v.n ? " ↓ more" : "");
	if (u8_width(pos) + 4 < COLS)
		draw_text(LINES - 2, COLS - 2 - u8_width(pos), u8_width(pos),
		    pos, ROLE_TITLE, 0);
}

static void
pager_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	(void)app;
	(void)s;
	keyscope_add(sc, &keymap_pager);
	keyscope_add(sc, &keymap_global);
}

static int
pager_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct pager	*p = (struct pager *)s;
	struct keyscope	 sc = { { 0 }, 0 };
	enum action	 act;
	int		 flags;

	pager_keymap(app, s, &sc);
	act = keyscope_lookup(&sc, fn, key);
	if ((flags = overlay_action(app, s, act)) >= 0)
		return flags;
	if (act == ACT_CLOSE) {
		s->closing = 1;
		return KITH_REDRAW;
	}
	return listw_view_action(&p->v, act, pager_rows()) ? KITH_REDRAW : 0;
}
