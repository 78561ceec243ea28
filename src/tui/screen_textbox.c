/* SPDX-License-Identifier: MIT */
/*
 * Text boxes: a message (an import's summary, ...) and the help, which is
 * built from the key tables in scope of the screen it was opened from, so
 * it lists what the keys do there.  Keys go through keymap_textbox: its
 * movement keys scroll, its other keys and any character close the box;
 * other function keys and mouse events leave it open.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/util.h"
#include "actions.h"
#include "draw.h"
#include "keys.h"
#include "listw.h"
#include "overlay.h"
#include "tui.h"
#include "utf8.h"

struct textbox {
	struct screen	 s;
	char		 title[80];
	char		**lines;
	struct listw	 v;		/* n lines, top shown */
	size_t		 rows;		/* of text at the last draw */
};

static void	textbox_add(struct textbox *, const char *);
static char	*reword(const char *, const char *);
static void	textbox_leave(struct app *, struct screen *);
static void	textbox_draw(struct app *, struct screen *);
static int	textbox_handle(struct app *, struct screen *, int, wint_t);
static void	textbox_keymap(struct app *, struct screen *,
		    struct keyscope *);

static const struct screen_ops textbox_ops = {
	.leave = textbox_leave,
	.draw = textbox_draw,
	.handle = textbox_handle,
	.keymap = textbox_keymap,
};

static void
textbox_add(struct textbox *t, const char *line)
{
	t->lines = xreallocarray(t->lines, t->v.n + 1, sizeof *t->lines);
	t->lines[t->v.n++] = xstrdup(line);
}

struct screen *
message_new(const char *title, const char *text)
{
	struct textbox	*t = xcalloc(1, sizeof *t);
	const char	*p, *nl;

	t->s.ops = &textbox_ops;
	snprintf(t->title, sizeof t->title, "%s", title);
	u8_trim_partial(t->title);
	for (p = text; p != NULL && *p != '\0'; p = nl ? nl + 1 : NULL) {
		char *line;

		nl = strchr(p, '\n');
		line = xstrndup(p, nl ? (size_t)(nl - p) : strlen(p));
		textbox_add(t, line);
		free(line);
	}
	textbox_add(t, "");
	textbox_add(t, "(any key closes)");
	return &t->s;
}

/*
 * text with each whole word "deal" or "deals" said as word ("matter",
 * "matters"); caller frees.  The key tables are written with "deal".
 */
static char *
reword(const char *text, const char *word)
{
	struct sbuf	 sb = { 0 };
	const char	*p = text, *q;
	size_t		 n;

	while ((q = strstr(p, "deal")) != NULL) {
		n = strncmp(q + 4, "s", 1) == 0 ? 5 : 4;
		if ((q == text || !isalnum((unsigned char)q[-1])) &&
		    !isalnum((unsigned char)q[n]) && q[n] != '-') {
			sbuf_printf(&sb, "%.*s%s%s", (int)(q - p), p, word,
			    n == 5 ? "s" : "");
		} else
			sbuf_printf(&sb, "%.*s", (int)(q - p + n), p);
		p = q + n;
	}
	sbuf_add(&sb, p);
	return sbuf_detach(&sb);
}

/*
 * The keys that work where the user is: the tables in scope, innermost
 * first, each action once with the keys that reach it there, "deal" said
 * as the book says it (word).
 */
struct screen *
help_new(const struct keyscope *sc, const char *word)
{
	struct textbox	*t = xcalloc(1, sizeof *t);
	unsigned char	 seen[ACT__COUNT];
	char		 keys[96], line[320], *said;
	const char	*help;
	size_t		 i, j;

	t->s.ops = &textbox_ops;
	snprintf(t->title, sizeof t->title, "kith %s — keys", KITH_VERSION);
	memset(seen, 0, sizeof seen);
	for (i = 0; i < sc->n; i++) {
		const struct keymap *m = sc->maps[i];

		textbox_add(t, m->title);
		for (j = 0; j < m->n; j++) {
			const struct keybind *b = &m->binds[j];

			if (seen[b->act] || keyscope_find(sc, b->fn, b->key)
			    != b)
				continue;
			seen[b->act] = 1;
			keyscope_keys_for(sc, b->act, keys, sizeof keys);
			help = b->help != NULL ? b->help :
			    action_help(b->act);
			said = reword(help, word != NULL ? word : "deal");
			snprintf(line, sizeof line, "  %-16s %s", keys, said);
			free(said);
			textbox_add(t, line);
		}
		textbox_add(t, "");
	}
	textbox_add(t, "Dates: 24/12, tomorrow, fri, next week, in 2 weeks, "
	    "+3bd, eom, YYYY-MM-DD");
	textbox_add(t, "(all forms: kith follow --help).  Mouse: click "
	    "selects a row, double-click opens it.");
	textbox_add(t, "Pasted text goes into the field being edited, line "
	    "breaks as spaces.");
	textbox_add(t, "");
	textbox_add(t, "(j/k scroll; q, Esc or ? closes)");
	return &t->s;
}

static void
textbox_leave(struct app *app, struct screen *s)
{
	struct textbox	*t = (struct textbox *)s;
	size_t		 i;

	(void)app;
	for (i = 0; i < t->v.n; i++)
		free(t->lines[i]);
	free(t->lines);
	free(t);
}

static void
textbox_draw(struct app *app, struct screen *s)
{
	struct textbox	*t = (struct textbox *)s;
	int		 y, x, h, w, i, maxw = 20;
	size_t		 k;

	(void)app;
	for (k = 0; k < t->v.n; k++)
		if (u8_width(t->lines[k]) > maxw)
			maxw = u8_width(t->lines[k]);
	overlay_box((int)t->v.n + 2, maxw + 4, &y, &x, &h, &w);
	t->rows = (size_t)(h - 2);
	if (t->v.top + t->rows > t->v.n)
		t->v.top = t->v.n > t->rows ? t->v.n - t->rows : 0;
	draw_box(y, x, h, w, t->title);
	for (i = 0; i < h - 2; i++) {
		k = t->v.top + (size_t)i;
		if (k >= t->v.n)
			break;
		draw_text_cut(y + 1 + i, x + 2, w - 4, t->lines[k],
		    ROLE_NORMAL, 0);
	}
}

static void
textbox_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	(void)app;
	(void)s;
	keyscope_add(sc, &keymap_textbox);
}

/*
 * Scrolls, or closes on a character or a key of keymap_textbox; other
 * function keys and mouse events leave it open.
 */
static int
textbox_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct textbox	*t = (struct textbox *)s;
	enum action	 act = keymap_lookup(&keymap_textbox, fn, key);

	(void)app;
	if (listw_view_action(&t->v, act, t->rows > 0 ? t->rows : 1))
		return KITH_REDRAW;
	if (act == ACT_NONE && fn)
		return 0;
	s->closing = 1;
	return KITH_REDRAW;
}
