/* SPDX-License-Identifier: MIT */
/*
 * Overlays: screens drawn above the main screen that see keys first (ncdu's
 * browse_key): forms with UTF-8 line editing, pickers, y/n questions,
 * message boxes, the help screen (built from the key table) and the
 * contact finder.  Each implements struct screen_ops; app.c owns the loop
 * and pops a screen once it sets closing.
 */
#include <curses.h>
#include <dirent.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "kith/clock.h"
#include "kith/db.h"
#include "kith/util.h"
#include "kith/view.h"
#include "actions.h"
#include "draw.h"
#include "input.h"
#include "keys.h"
#include "path.h"
#include "tui.h"
#include "utf8.h"

#define CTRL(c)		((c) & 0x1f)
#define FORM_MAX	16
#define LABEL_W		13
#define PREVIEW_W	26	/* cells beside a date field for its preview */

static void	center_box(int, int, int *, int *, int *, int *);

/* Places a box of at most h x w in the middle of the screen. */
static void
center_box(int h, int w, int *y, int *x, int *bh, int *bw)
{
	*bh = h < LINES - 2 ? h : LINES - 2;
	*bw = w < COLS - 2 ? w : COLS - 2;
	if (*bh < 3)
		*bh = 3;
	*y = (LINES - *bh) / 2;
	*x = (COLS - *bw) / 2;
}

int
edit_key(struct edit *e, int fn, wint_t key)
{
	if (fn) {
		switch (key) {
		case KEY_LEFT:
			edit_left(e);
			return 1;
		case KEY_RIGHT:
			edit_right(e);
			return 1;
		case KEY_HOME:
			edit_home(e);
			return 1;
		case KEY_END:
			edit_end(e);
			return 1;
		case KEY_BACKSPACE:
			edit_backspace(e);
			return 1;
		case KEY_DC:
			edit_delete(e);
			return 1;
		}
		return 0;
	}
	switch (key) {
	case 127:
	case CTRL('h'):
		edit_backspace(e);
		return 1;
	case CTRL('a'):
		edit_home(e);
		return 1;
	case CTRL('e'):
		edit_end(e);
		return 1;
	case CTRL('u'):
		edit_kill_line(e);
		return 1;
	case CTRL('w'):
		edit_kill_word(e);
		return 1;
	case CTRL('b'):
		edit_left(e);
		return 1;
	case CTRL('f'):
		edit_right(e);
		return 1;
	}
	if (key >= 0x20 && key != 127) {
		edit_insert(e, (wchar_t)key);
		return 1;
	}
	return 0;
}

/* ---- forms ---------------------------------------------------------- */

struct form_field {
	char			 label[32];
	enum field_kind		 kind;
	struct edit		 ed;
	const char *const	*choices;
	size_t			 n_choices;
	size_t			 choice;
};

struct form {
	struct screen		 s;
	char			 title[160];
	char			 hint[200];
	char			 err[400];
	struct form_field	 f[FORM_MAX];
	size_t			 n, focus, top;
	form_submit_fn		 submit;
	int64_t			 id;
	void			*ctx;
	void			(*free_ctx)(void *);
};

static void	form_leave(struct app *, struct screen *);
static void	form_draw(struct app *, struct screen *);
static int	form_handle(struct app *, struct screen *, int, wint_t);
static void	form_expand_paths(struct form *);
static enum role form_preview(struct app *, const struct form_field *,
		    char *, size_t);

static int	form_paste(struct app *, struct screen *, const char *);

static const struct screen_ops form_ops = {
	.leave = form_leave,
	.draw = form_draw,
	.handle = form_handle,
	.paste = form_paste,
};

struct form *
form_new(const char *title, form_submit_fn submit, int64_t id)
{
	struct form	*f = xcalloc(1, sizeof *f);

	f->s.ops = &form_ops;
	snprintf(f->title, sizeof f->title, "%s", title);
	u8_trim_partial(f->title);
	f->submit = submit;
	f->id = id;
	return f;
}

void
form_field(struct form *f, const char *label, enum field_kind kind,
    const char *value)
{
	struct form_field	*ff;

	if (f->n >= FORM_MAX)
		return;
	ff = &f->f[f->n++];
	snprintf(ff->label, sizeof ff->label, "%s", label);
	ff->kind = kind;
	edit_init(&ff->ed, value);
}

void
form_choices(struct form *f, const char *const *choices, size_t n, size_t sel)
{
	struct form_field	*ff = &f->f[f->n - 1];

	ff->choices = choices;
	ff->n_choices = n;
	ff->choice = sel < n ? sel : 0;
}

void
form_hint(struct form *f, const char *hint)
{
	snprintf(f->hint, sizeof f->hint, "%s", hint);
}

const char *
form_value(const struct form *f, size_t i)
{
	if (i >= f->n)
		return NULL;
	if (f->f[i].kind == FIELD_CHOICE)
		return f->f[i].choices[f->f[i].choice];
	return f->f[i].ed.buf;
}

size_t
form_choice(const struct form *f, size_t i)
{
	return i < f->n ? f->f[i].choice : 0;
}

int64_t
form_id(const struct form *f)
{
	return f->id;
}

void
form_error(struct form *f, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(f->err, sizeof f->err, fmt, ap);
	va_end(ap);
	u8_trim_partial(f->err);
}

void
form_set_ctx(struct form *f, void *ctx, void (*free_ctx)(void *))
{
	f->ctx = ctx;
	f->free_ctx = free_ctx;
}

void *
form_ctx(const struct form *f)
{
	return f->ctx;
}

struct screen *
form_screen(struct form *f)
{
	return &f->s;
}

static void
form_leave(struct app *app, struct screen *s)
{
	struct form	*f = (struct form *)s;
	size_t		 i;

	(void)app;
	for (i = 0; i < f->n; i++)
		edit_free(&f->f[i].ed);
	if (f->free_ctx != NULL)
		f->free_ctx(f->ctx);
	free(f);
}

static void
form_draw(struct app *app, struct screen *s)
{
	struct form	*f = (struct form *)s;
	int		 y, x, h, w, rows, i, vw, ew, col;
	size_t		 k;
	char		 below[200] = "";
	enum role	 below_role = ROLE_DIM;

	center_box((int)f->n + 5, 78, &y, &x, &h, &w);
	draw_box(y, x, h, w, f->title);
	rows = h - 4;
	if (rows < 1)
		rows = 1;
	if (f->focus < f->top)
		f->top = f->focus;
	if (f->focus >= f->top + (size_t)rows)
		f->top = f->focus - (size_t)rows + 1;
	vw = w - 4 - LABEL_W - 1;
	for (i = 0; i < rows; i++) {
		struct form_field *ff;
		int fy = y + 1 + i;

		k = f->top + (size_t)i;
		if (k >= f->n)
			break;
		ff = &f->f[k];
		draw_text(fy, x + 2, LABEL_W, ff->label, k == f->focus ?
		    ROLE_NAME : ROLE_NORMAL, 1);
		if (ff->kind == FIELD_CHOICE) {
			char buf[80];

			snprintf(buf, sizeof buf, "< %s >",
			    ff->choices[ff->choice]);
			draw_text(fy, x + 3 + LABEL_W, vw, buf, k == f->focus ?
			    ROLE_SELECT : ROLE_NORMAL, 0);
			continue;
		}
		ew = vw;
		if (ff->kind == FIELD_DATE || ff->kind == FIELD_DATE_PAST ||
		    ff->kind == FIELD_BIRTHDAY) {
			char		 pv[200];
			enum role	 role;

			if (vw > PREVIEW_W + 8)
				ew = vw - PREVIEW_W - 1;
			role = form_preview(app, ff, pv, sizeof pv);
			if (ew < vw)
				draw_text(fy, x + 4 + LABEL_W + ew, PREVIEW_W,
				    pv, role, 1);
			else if (k == f->focus && pv[0] != '\0') {
				/* No room beside: on the hint line. */
				snprintf(below, sizeof below, "%s", pv);
				below_role = role;
			}
		}
		col = edit_view(&ff->ed, ew);
		draw_text(fy, x + 3 + LABEL_W, ew, ff->ed.buf + ff->ed.scroll,
		    ROLE_SELECT_DIM, 1);
		if (k == f->focus)
			app_cursor(app, fy, x + 3 + LABEL_W + col);
	}
	if (f->err[0] != '\0')
		draw_text(y + h - 2, x + 2, w - 4, f->err, ROLE_ERROR, 0);
	else if (below[0] != '\0')
		draw_text(y + h - 2, x + 2, w - 4, below, below_role, 0);
	else
		draw_text(y + h - 2, x + 2, w - 4, f->hint, ROLE_DIM, 0);
}

/*
 * What the text of date field ff reads as, into buf: "-> Tue 8 Dec 2026"
 * in the normal colour, or "? " and why it is no date in the error colour
 * ("? 2026-04 has 30 days"; "? not a date" when the parser can only list
 * the forms it knows).  Nothing for an empty field.  The flags are those
 * the forms' submit functions in app.c pass to when_parse.
 */
static enum role
form_preview(struct app *app, const struct form_field *ff, char *buf,
    size_t size)
{
	static const char	 tag[] = "is not a date: ";
	struct kith_err		 err = { 0 };
	struct kith_when	 w;
	char			 day[KITH_DAY_TEXT];
	const char		*why;
	unsigned		 flags;

	buf[0] = '\0';
	if (str_empty(ff->ed.buf))
		return ROLE_DIM;
	flags = date_order_flags(getenv("KITH_DATE_ORDER"), NULL);
	if (ff->kind == FIELD_BIRTHDAY)
		flags |= KITH_DATE_ABSOLUTE;
	else
		flags |= KITH_DATE_TIME;
	if (ff->kind == FIELD_DATE_PAST)
		flags |= KITH_DATE_PAST;
	if (when_parse(ff->ed.buf, kith_db_now(app->db), flags, &w, &err) ==
	    KITH_OK) {
		when_describe(&w, day);
		snprintf(buf, size, "\u2192 %s%s", day,
		    strncmp(w.date, "--", 2) == 0 ? ", every year" : "");
		return ROLE_NORMAL;
	}
	if ((why = strstr(err.msg, tag)) != NULL)
		why += sizeof tag - 1;
	if (why == NULL || strncmp(why, "use ", 4) == 0)
		why = "not a date";
	snprintf(buf, size, "? %s", why);
	u8_trim_partial(buf);
	return ROLE_ERROR;
}

/* On Enter, "~" in a file name becomes the home folder, as in a shell. */
static void
form_expand_paths(struct form *f)
{
	size_t	 i;
	char	*p;

	for (i = 0; i < f->n; i++) {
		if (f->f[i].kind != FIELD_PATH)
			continue;
		p = path_expand(f->f[i].ed.buf);
		if (strcmp(p, f->f[i].ed.buf) != 0)
			edit_set(&f->f[i].ed, p);
		free(p);
	}
}

static int
form_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct form		*f = (struct form *)s;
	struct form_field	*ff = &f->f[f->focus];
	int			 flags;

	if (!fn && key == 27) {
		s->closing = 1;
		app_message(app, 0, "cancelled");
		return KITH_REDRAW;
	}
	if ((!fn && (key == '\r' || key == '\n')) || (fn && key == KEY_ENTER)) {
		f->err[0] = '\0';
		form_expand_paths(f);
		if ((flags = f->submit(app, f)) != 0)
			s->closing = 1;
		return flags | KITH_REDRAW;
	}
	if (!fn && key == '\t' && ff->kind == FIELD_PATH) {
		complete_path(&ff->ed, f->err, sizeof f->err);
		return KITH_REDRAW;
	}
	if ((!fn && key == '\t') || (fn && key == KEY_DOWN)) {
		f->focus = (f->focus + 1) % f->n;
		return KITH_REDRAW;
	}
	if (fn && (key == KEY_UP || key == KEY_BTAB)) {
		f->focus = (f->focus + f->n - 1) % f->n;
		return KITH_REDRAW;
	}
	if (ff->kind == FIELD_CHOICE) {
		if ((fn && key == KEY_RIGHT) || (!fn && key == ' '))
			ff->choice = (ff->choice + 1) % ff->n_choices;
		else if (fn && key == KEY_LEFT)
			ff->choice = (ff->choice + ff->n_choices - 1) %
			    ff->n_choices;
		return KITH_REDRAW;
	}
	/* Other keys (F5, Insert, Alt+x, ...) leave the form as it is. */
	if (edit_key(&ff->ed, fn, key))
		f->err[0] = '\0';
	return KITH_REDRAW;
}

/* Pasted text goes into the focused field, on its one line. */
static int
form_paste(struct app *app, struct screen *s, const char *text)
{
	struct form		*f = (struct form *)s;
	struct form_field	*ff = &f->f[f->focus];

	(void)app;
	if (ff->kind == FIELD_CHOICE)
		return 0;
	f->err[0] = '\0';
	edit_paste(&ff->ed, text);
	return KITH_REDRAW;
}

/* ---- pickers and questions ----------------------------------------- */

struct picker {
	struct screen	 s;
	char		 title[200];
	char		**items;
	size_t		 n, sel, top;
	pick_fn		 fn;
	int64_t		 id;
	void		*ctx;
	int		 done;		/* fn has been called */
	int		 confirm;	/* a y/n question */
};

static void	picker_leave(struct app *, struct screen *);
static void	picker_draw(struct app *, struct screen *);
static int	picker_handle(struct app *, struct screen *, int, wint_t);

static const struct screen_ops picker_ops = {
	.leave = picker_leave,
	.draw = picker_draw,
	.handle = picker_handle,
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
	p->n = n;
	p->fn = fn;
	p->id = id;
	p->ctx = ctx;
	return &p->s;
}

struct screen *
confirm_new(const char *question, pick_fn fn, int64_t id, void *ctx)
{
	struct screen	*s = picker_new(question, NULL, 0, fn, id, ctx);

	((struct picker *)s)->confirm = 1;
	return s;
}

static void
picker_leave(struct app *app, struct screen *s)
{
	struct picker	*p = (struct picker *)s;
	size_t		 i;

	if (!p->done)
		p->fn(app, PICK_CANCEL, p->id, p->ctx);
	for (i = 0; i < p->n; i++)
		free(p->items[i]);
	free(p->items);
	free(p);
}

static void
picker_draw(struct app *app, struct screen *s)
{
	struct picker	*p = (struct picker *)s;
	int		 y, x, h, w, rows, i;
	size_t		 k;

	(void)app;
	if (p->confirm) {
		center_box(3, u8_width(p->title) + 6, &y, &x, &h, &w);
		draw_box(y, x, h, w, NULL);
		draw_text(y + 1, x + 2, w - 4, p->title, ROLE_NAME, 0);
		return;
	}
	center_box((int)p->n + 2, 60, &y, &x, &h, &w);
	draw_box(y, x, h, w, p->title);
	rows = h - 2;
	if (p->sel < p->top)
		p->top = p->sel;
	if (p->sel >= p->top + (size_t)rows)
		p->top = p->sel - (size_t)rows + 1;
	for (i = 0; i < rows; i++) {
		k = p->top + (size_t)i;
		if (k >= p->n)
			break;
		draw_text(y + 1 + i, x + 1, w - 2, p->items[k], k == p->sel ?
		    ROLE_SELECT : ROLE_NORMAL, 1);
	}
}

static int
picker_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct picker	*p = (struct picker *)s;
	enum action	 act;
	int		 flags;

	if (p->confirm) {
		/* Not an answer: a mouse event, F5, Alt+x, an arrow... */
		if (fn && key != KEY_ENTER)
			return 0;
		s->closing = 1;
		p->done = 1;
		if (!fn && (key == 'y' || key == 'Y'))
			return p->fn(app, 0, p->id, p->ctx) | KITH_REDRAW;
		p->fn(app, PICK_CANCEL, p->id, p->ctx);
		app_message(app, 0, "cancelled");
		return KITH_REDRAW;
	}
	if ((!fn && (key == 27 || key == 'q'))) {
		s->closing = 1;
		return KITH_REDRAW;
	}
	if ((!fn && (key == '\r' || key == '\n')) || (fn && key == KEY_ENTER)) {
		if (p->n == 0)
			return 0;
		s->closing = 1;
		p->done = 1;
		flags = p->fn(app, p->sel, p->id, p->ctx);
		return flags | KITH_REDRAW;
	}
	act = keymap_lookup(&keymap_picker, fn, key);
	switch (act) {
	case ACT_UP:
		if (p->sel > 0)
			p->sel--;
		break;
	case ACT_DOWN:
		if (p->sel + 1 < p->n)
			p->sel++;
		break;
	case ACT_HOME:
		p->sel = 0;
		break;
	case ACT_END:
		p->sel = p->n ? p->n - 1 : 0;
		break;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		p->sel = p->sel + 10 < p->n ? p->sel + 10 : (p->n ? p->n - 1 : 0);
		break;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		p->sel = p->sel > 10 ? p->sel - 10 : 0;
		break;
	default:
		return 0;
	}
	return KITH_REDRAW;
}

/* ---- message boxes and help ----------------------------------------- */

struct textbox {
	struct screen	 s;
	char		 title[80];
	char		**lines;
	size_t		 n, top;
};

static void	textbox_leave(struct app *, struct screen *);
static void	textbox_draw(struct app *, struct screen *);
static int	textbox_handle(struct app *, struct screen *, int, wint_t);

static const struct screen_ops textbox_ops = {
	.leave = textbox_leave,
	.draw = textbox_draw,
	.handle = textbox_handle,
};

static void
textbox_add(struct textbox *t, const char *line)
{
	t->lines = xreallocarray(t->lines, t->n + 1, sizeof *t->lines);
	t->lines[t->n++] = xstrdup(line);
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
 * The keys that work where the user is: the tables in scope, innermost
 * first, each action once with the keys that reach it there.
 */
struct screen *
help_new(const struct keyscope *sc)
{
	struct textbox	*t = xcalloc(1, sizeof *t);
	unsigned char	 seen[ACT__COUNT];
	char		 keys[96], line[320];
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
			snprintf(line, sizeof line, "  %-16s %s", keys, help);
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
	for (i = 0; i < t->n; i++)
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
	for (k = 0; k < t->n; k++)
		if (u8_width(t->lines[k]) > maxw)
			maxw = u8_width(t->lines[k]);
	center_box((int)t->n + 2, maxw + 4, &y, &x, &h, &w);
	if (t->top + (size_t)(h - 2) > t->n)
		t->top = t->n > (size_t)(h - 2) ? t->n - (size_t)(h - 2) : 0;
	draw_box(y, x, h, w, t->title);
	for (i = 0; i < h - 2; i++) {
		k = t->top + (size_t)i;
		if (k >= t->n)
			break;
		draw_text(y + 1 + i, x + 2, w - 4, t->lines[k], ROLE_NORMAL, 0);
	}
}

static int
textbox_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct textbox	*t = (struct textbox *)s;

	(void)app;
	/* Any key closes it, but not a mouse event or an ignored one. */
	if (fn && (key == KEY_MOUSE || key == KEY_IGNORE))
		return 0;
	switch (keymap_lookup(&keymap_textbox, fn, key)) {
	case ACT_DOWN:
		t->top++;
		return KITH_REDRAW;
	case ACT_UP:
		if (t->top > 0)
			t->top--;
		return KITH_REDRAW;
	case ACT_PAGE_DOWN:
	case ACT_HALF_DOWN:
		t->top += 10;
		return KITH_REDRAW;
	case ACT_PAGE_UP:
	case ACT_HALF_UP:
		t->top = t->top > 10 ? t->top - 10 : 0;
		return KITH_REDRAW;
	default:
		break;
	}
	s->closing = 1;
	return KITH_REDRAW;
}

/* ---- the contact finder --------------------------------------------- */

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
static void	finder_query(struct app *, struct finder *);

static const struct screen_ops finder_ops = {
	.leave = finder_leave,
	.draw = finder_draw,
	.handle = finder_handle,
	.paste = finder_paste,
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

	center_box(16, 64, &y, &x, &h, &w);
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

static int
finder_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct finder	*f = (struct finder *)s;

	if (!fn && key == 27) {
		s->closing = 1;
		app_message(app, 0, "cancelled");
		return KITH_REDRAW;
	}
	if ((!fn && (key == '\r' || key == '\n')) || (fn && key == KEY_ENTER)) {
		if (f->sel >= f->n)
			return KITH_REDRAW;
		s->closing = 1;
		f->done = 1;
		return f->fn(app, 0, f->rows[f->sel].id, f->ctx) | KITH_REDRAW;
	}
	if (fn && key == KEY_DOWN) {
		if (f->sel + 1 < f->n)
			f->sel++;
		return KITH_REDRAW;
	}
	if (fn && key == KEY_UP) {
		if (f->sel > 0)
			f->sel--;
		return KITH_REDRAW;
	}
	if (edit_key(&f->ed, fn, key))
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

/* ---- file name completion ------------------------------------------- */

void
complete_path(struct edit *e, char *msg, size_t msgsize)
{
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;
	char		*text, *slash, *dir, *prefix, *common = NULL, *full;
	size_t		 plen, n = 0;
	struct sbuf	 list = { 0 };

	msg[0] = '\0';
	/* "~" alone becomes "~/", whose files the next Tab lists. */
	if (strcmp(e->buf, "~") == 0) {
		edit_set(e, "~/");
		return;
	}
	text = path_expand(e->buf);
	if ((slash = strrchr(text, '/')) != NULL) {
		dir = xstrndup(text, (size_t)(slash - text) + 1);
		prefix = slash + 1;
	} else {
		dir = xstrdup("");
		prefix = text;
	}
	plen = strlen(prefix);
	if ((d = opendir(*dir ? dir : ".")) == NULL) {
		snprintf(msg, msgsize, "cannot read the folder %s", *dir ? dir :
		    ".");
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, plen) != 0)
			continue;
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (de->d_name[0] == '.' && prefix[0] != '.')
			continue;
		n++;
		if (list.len < 200)
			sbuf_printf(&list, "%s%s", list.len ? "  " : "",
			    de->d_name);
		if (common == NULL)
			common = xstrdup(de->d_name);
		else {
			size_t i = 0;

			while (common[i] && common[i] == de->d_name[i])
				i++;
			/* Do not cut a UTF-8 character in two. */
			while (i > 0 && ((unsigned char)common[i] & 0xc0) == 0x80)
				i--;
			common[i] = '\0';
		}
	}
	closedir(d);
	if (n == 0) {
		snprintf(msg, msgsize, "no file begins with '%s'", prefix);
		goto out;
	}
	full = xasprintf("%s%s", dir, common);
	if (n == 1 && stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
		char *withslash = xasprintf("%s/", full);

		free(full);
		full = withslash;
	}
	free(common);
	common = path_unexpand(e->buf, full);
	edit_set(e, common);
	free(full);
	if (n > 1)
		snprintf(msg, msgsize, "%s", list.s);
out:
	sbuf_free(&list);
	free(common);
	free(dir);
	free(text);
}

void
picker_select(struct screen *s, size_t idx)
{
	struct picker	*p = (struct picker *)s;

	if (idx < p->n)
		p->sel = idx;
}
