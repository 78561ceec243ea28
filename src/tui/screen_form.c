/* SPDX-License-Identifier: MIT */
/*
 * Forms: a box of labelled fields, each a line of UTF-8 text (edit.h), a
 * < choice >, a file name or a date whose reading shows beside it as it
 * is typed.  Keys go through the tables of the focused field's kind
 * (keymap_edit for text, with keymap_path before it for a file name;
 * keymap_choice for a choice), then keymap_form; a character no table
 * binds is typed into a text field.  Enter hands the form to its submit
 * function, which closes it by returning flags or keeps it open with
 * form_error().
 */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/db.h"
#include "kith/util.h"
#include "actions.h"
#include "draw.h"
#include "keys.h"
#include "overlay.h"
#include "path.h"
#include "tui.h"
#include "utf8.h"

#define FORM_MAX	16
#define LABEL_W		13
#define PREVIEW_W	26	/* cells beside a date field for its preview */

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
static int	form_paste(struct app *, struct screen *, const char *);
static void	form_keymap(struct app *, struct screen *, struct keyscope *);
static int	form_submit(struct app *, struct form *);
static void	form_complete(struct form *, struct form_field *);
static void	form_expand_paths(struct form *);
static enum role form_preview(struct app *, const struct form_field *,
		    char *, size_t);

static const struct screen_ops form_ops = {
	.leave = form_leave,
	.draw = form_draw,
	.handle = form_handle,
	.paste = form_paste,
	.keymap = form_keymap,
};

void
form_lines(struct form *f, size_t i)
{
	if (i < f->n)
		f->f[i].ed.lines = 1;
}

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

	overlay_box((int)f->n + 5, 78, &y, &x, &h, &w);
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
 * the forms' submit functions (act_*.c) pass to app_date().
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
	flags = ff->kind == FIELD_BIRTHDAY ? KITH_DATE_ABSOLUTE :
	    KITH_DATE_TIME;
	if (ff->kind == FIELD_DATE_PAST)
		flags |= KITH_DATE_PAST;
	if (app_date(app, ff->ed.buf, flags, &w, &err) == KITH_OK) {
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

/* The focused field's table, then the form's. */
static void
form_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	struct form		*f = (struct form *)s;
	struct form_field	*ff = &f->f[f->focus];

	(void)app;
	if (ff->kind == FIELD_CHOICE)
		keyscope_add(sc, &keymap_choice);
	else {
		if (ff->kind == FIELD_PATH)
			keyscope_add(sc, &keymap_path);
		keyscope_add(sc, &keymap_edit);
	}
	keyscope_add(sc, &keymap_form);
}

static int
form_submit(struct app *app, struct form *f)
{
	int	flags;

	f->err[0] = '\0';
	form_expand_paths(f);
	if ((flags = f->submit(app, f)) != 0)
		f->s.closing = 1;
	return flags | KITH_REDRAW;
}

/* Tab in a file name field: as far as the names agree, or why not. */
static void
form_complete(struct form *f, struct form_field *ff)
{
	char	*text;

	if ((text = path_complete(ff->ed.buf, f->err, sizeof f->err)) != NULL)
		edit_set(&ff->ed, text);
	free(text);
}

/*
 * Keys that are in none of the tables (F5, Insert, Alt+x, ...) leave the
 * form as it is.
 */
static int
form_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct form		*f = (struct form *)s;
	struct form_field	*ff = &f->f[f->focus];
	struct keyscope		 sc = { { 0 }, 0 };
	enum action		 act;
	int			 flags;

	form_keymap(app, s, &sc);
	act = keyscope_lookup(&sc, fn, key);
	if ((flags = overlay_action(app, s, act)) >= 0)
		return flags;
	switch (act) {
	case ACT_SUBMIT:
		return form_submit(app, f);
	case ACT_CANCEL:
		s->closing = 1;
		app_message(app, 0, "cancelled");
		break;
	case ACT_NEXT_FIELD:
		f->focus = (f->focus + 1) % f->n;
		break;
	case ACT_PREV_FIELD:
		f->focus = (f->focus + f->n - 1) % f->n;
		break;
	case ACT_CHOICE_NEXT:
		ff->choice = (ff->choice + 1) % ff->n_choices;
		break;
	case ACT_CHOICE_PREV:
		ff->choice = (ff->choice + ff->n_choices - 1) % ff->n_choices;
		break;
	case ACT_COMPLETE:
		form_complete(f, ff);
		break;
	default:
		if (ff->kind == FIELD_CHOICE)
			return 0;
		if (edit_action(&ff->ed, act) || (act == ACT_NONE &&
		    edit_type(&ff->ed, fn, key)))
			f->err[0] = '\0';
		else
			return 0;
		break;
	}
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

