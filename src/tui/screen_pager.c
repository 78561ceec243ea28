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
#include "tui.h"
#include "utf8.h"
#include "wrap.h"

struct pager {
	struct screen		 s;
	char			*title;
	char			*text;
	struct wrap_line	*lines;
	size_t			 n;		/* lines */
	size_t			 top;		/* first line shown */
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
	p->n = wrap_text(p->text, width, &p->lines);
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
	if (p->top + rows > p->n)
		p->top = p->n > rows ? p->n - rows : 0;
	draw_box(0, 0, LINES - 1, COLS, p->title);
	for (y = 0; (size_t)y < rows && p->top + (size_t)y < p->n; y++) {
		i = p->top + (size_t)y;
		line = xstrndup(p->text + p->lines[i].off, p->lines[i].len);
		draw_text(1 + y, 2, w, line, ROLE_NORMAL, 0);
		free(line);
	}
	/* Where the user is, and whether there is more. */
	last = p->top + rows < p->n ? p->top + rows : p->n;
	snprintf(pos, sizeof pos, " %s%zu–%zu of %zu lines%s ",
	    p->top > 0 ? "↑ " : "", p->n > 0 ? p->top + 1 : 0, last, p->n,
	    last < p->n ? " ↓ more" : "");
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
	size_t		 rows = pager_rows(), page, max;

	page = rows > 1 ? rows - 1 : 1;
	max = p->n > rows ? p->n - rows : 0;
	pager_keymap(app, s, &sc);
	switch (keyscope_lookup(&sc, fn, key)) {
	case ACT_DOWN:
		p->top = p->top < max ? p->top + 1 : max;
		break;
	case ACT_UP:
		p->top = p->top > 0 ? p->top - 1 : 0;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		if (keyscope_lookup(&sc, fn, key) == ACT_HALF_DOWN)
			page = (page + 1) / 2;
		p->top = p->top + page < max ? p->top + page : max;
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		if (keyscope_lookup(&sc, fn, key) == ACT_HALF_UP)
			page = (page + 1) / 2;
		p->top = p->top > page ? p->top - page : 0;
		break;
	case ACT_HOME:
		p->top = 0;
		break;
	case ACT_END:
		p->top = max;
		break;
	case ACT_CLOSE:
		s->closing = 1;
		break;
	case ACT_HELP:
		app_push(app, help_new(&sc));
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	default:
		return 0;
	}
	return KITH_REDRAW;
}
