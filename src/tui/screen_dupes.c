/* SPDX-License-Identifier: MIT */
/*
 * The duplicates screen (M on the main screen), drawn over the whole
 * terminal.  It lists the likely duplicate pairs of the core (dupes_find)
 * with their score and reasons; Enter on a pair compares the two side by
 * side, one line per field a merge can take from either (merge_take_*,
 * dupes.h), and the user chooses per field whose value the merged
 * contact keeps; the lists (e-mails, phones, tags, ...) are kept from
 * both.  m merges through contact_merge_take, after a question that names
 * both; n marks the pair not the same person (dupes_not_same).  Both are
 * undone with u.
 *
 * The left contact (the pair's lower id) is the one kept; choosing the
 * right one's name keeps its record under the other's name.  The pairs
 * are read again on every reload (a merge, an undo, another process).
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/dupes.h"
#include "kith/util.h"
#include "act.h"
#include "actions.h"
#include "draw.h"
#include "keys.h"
#include "listw.h"
#include "overlay.h"
#include "tui.h"

#define DUPES_MAX	500	/* pairs listed at most */
#define HEAD_ROWS	2	/* header, column titles */
#define FOOT_ROWS	1	/* the key bar */
#define LIST_ROWS	3	/* e-mails, phones, tags: kept from both */
#define FIELD_ROWS	(MERGE_TAKE_COUNT + LIST_ROWS)
#define LABEL_W		14

struct dupes {
	struct screen		 s;
	struct app		*app;
	struct dupe_pair	*pairs;
	size_t			 n;
	struct listw		 l;		/* the pairs */
	/* The pair open side by side, or a NULL. */
	struct contact		*a, *b;
	struct listw		 f;		/* its fields */
	unsigned		 take;		/* MERGE_TAKE_* where b's wins */
};

static void	du_leave(struct app *, struct screen *);
static void	du_draw(struct app *, struct screen *);
static int	du_handle(struct app *, struct screen *, int, wint_t);
static void	du_keymap(struct app *, struct screen *, struct keyscope *);
static void	du_reload(struct app *, struct screen *, int);
static void	du_load(struct dupes *);
static void	du_close_pair(struct dupes *);
static int	du_open_pair(struct dupes *);
static void	draw_list(struct dupes *);
static void	draw_pair(struct dupes *);
static char	*list_value(const struct contact *, size_t);
static int	du_take(struct dupes *);
static int	du_merge(struct dupes *);
static int	du_merge_yes(struct app *, size_t, int64_t, void *);
static int	du_not_same(struct dupes *);
static int	du_not_same_yes(struct app *, size_t, int64_t, void *);
static size_t	vis_rows(void);

static const struct screen_ops dupes_ops = {
	.leave = du_leave,
	.draw = du_draw,
	.handle = du_handle,
	.keymap = du_keymap,
	.reload = du_reload,
};

struct screen *
dupes_screen_new(struct app *app)
{
	struct dupes	*d = xcalloc(1, sizeof *d);

	d->s.ops = &dupes_ops;
	d->s.opaque = 1;
	d->app = app;
	du_load(d);
	return &d->s;
}

static void
du_leave(struct app *app, struct screen *s)
{
	struct dupes	*d = (struct dupes *)s;

	(void)app;
	du_close_pair(d);
	dupe_pairs_free(d->pairs, d->n);
	free(d);
}

static size_t
vis_rows(void)
{
	int	h = LINES - HEAD_ROWS - FOOT_ROWS;

	return h > 0 ? (size_t)h : 1;
}

/* Reads the pairs again; the selection stays at its place. */
static void
du_load(struct dupes *d)
{
	struct kith_err		 err = { 0 };
	struct dupe_pair	*p;
	size_t			 n;

	if (dupes_find(d->app->db, DUPES_MAX, &p, &n, &err) != KITH_OK) {
		app_message(d->app, 1, "%s", err.msg);
		return;
	}
	dupe_pairs_free(d->pairs, d->n);
	d->pairs = p;
	d->n = n;
	listw_resize(&d->l, n);
}

static void
du_reload(struct app *app, struct screen *s, int flags)
{
	struct dupes	*d = (struct dupes *)s;

	(void)app;
	(void)flags;
	du_load(d);
	/* The pair open may be merged or marked by now: back to the list. */
	if (d->a != NULL && (d->l.n == 0 ||
	    d->pairs[d->l.sel].a != d->a->id ||
	    d->pairs[d->l.sel].b != d->b->id))
		du_close_pair(d);
}

static void
du_close_pair(struct dupes *d)
{
	contact_free(d->a);
	contact_free(d->b);
	d->a = d->b = NULL;
}

/* Opens the selected pair; by default each field is the left one's. */
static int
du_open_pair(struct dupes *d)
{
	struct kith_err		 err = { 0 };
	const struct dupe_pair	*p;
	unsigned		 bit;
	size_t			 i;

	if (d->l.n == 0)
		return 0;
	p = &d->pairs[d->l.sel];
	if (contact_get(d->app->db, p->a, &d->a, &err) != KITH_OK ||
	    contact_get(d->app->db, p->b, &d->b, &err) != KITH_OK) {
		du_close_pair(d);
		app_message(d->app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	/* A field the left one lacks is the right one's anyway. */
	d->take = 0;
	for (i = 0; i < MERGE_TAKE_COUNT; i++) {
		bit = 1u << i;
		if (str_empty(merge_take_value(d->a, bit)) &&
		    !str_empty(merge_take_value(d->b, bit)))
			d->take |= bit;
	}
	memset(&d->f, 0, sizeof d->f);
	listw_resize(&d->f, FIELD_ROWS);
	return KITH_REDRAW;
}

/* ---- drawing -------------------------------------------------------- */

static void
du_draw(struct app *app, struct screen *s)
{
	struct dupes	*d = (struct dupes *)s;

	(void)app;
	erase();
	draw_fill(0, 0, COLS, ROLE_HEADER);
	if (d->a != NULL)
		draw_pair(d);
	else
		draw_list(d);
}

static void
draw_list(struct dupes *d)
{
	const struct dupe_pair	*p;
	char			 line[160];
	size_t			 k, vis = vis_rows();
	int			 y, x, namew;
	enum role		 r;

	snprintf(line, sizeof line, " kith  duplicates  %zu likely pair%s",
	    d->n, d->n == 1 ? "" : "s");
	draw_text(0, 0, COLS, line, ROLE_HEADER, 0);
	if (d->n == 0) {
		draw_text(HEAD_ROWS, 2, COLS - 4, "No likely duplicates.",
		    ROLE_DIM, 0);
		return;
	}
	namew = (COLS - 8) / 3 > 24 ? 24 : (COLS - 8) / 3;
	if (namew < 4)
		namew = 4;
	draw_text(1, 0, COLS, "score", ROLE_DIM, 0);
	draw_text(1, 7, namew, "contact", ROLE_DIM, 0);
	draw_text(1, 8 + namew, namew, "and contact", ROLE_DIM, 0);
	draw_text(1, 9 + 2 * namew, COLS, "why", ROLE_DIM, 0);
	listw_show(&d->l, vis);
	for (k = 0; k < vis && d->l.top + k < d->l.n; k++) {
		p = &d->pairs[d->l.top + k];
		y = HEAD_ROWS + (int)k;
		r = d->l.top + k == d->l.sel ? ROLE_SELECT : ROLE_NORMAL;
		draw_fill(y, 0, COLS, r);
		snprintf(line, sizeof line, "%5d", p->score);
		draw_text(y, 0, 6, line, r, 0);
		x = 7;
		draw_text_cut(y, x, namew, p->name_a, r, 0);
		x += namew + 1;
		draw_text_cut(y, x, namew, p->name_b, r, 0);
		x += namew + 1;
		if (x < COLS)
			draw_text_cut(y, x, COLS - x, p->reason, r, 0);
	}
}

/* Row i - MERGE_TAKE_COUNT of the lists: e-mails, phones, tags. */
static char *
list_value(const struct contact *c, size_t i)
{
	struct sbuf	sb = { 0 };
	size_t		j;

	switch (i) {
	case 0:
		for (j = 0; j < c->n_emails; j++)
			sbuf_printf(&sb, "%s%s", j ? ", " : "",
			    c->emails[j].addr);
		break;
	case 1:
		for (j = 0; j < c->n_phones; j++)
			sbuf_printf(&sb, "%s%s", j ? ", " : "",
			    c->phones[j].raw);
		break;
	default:
		for (j = 0; j < c->n_tags; j++)
			sbuf_printf(&sb, "%s%s", j ? ", " : "", c->tags[j]);
		break;
	}
	return sbuf_detach(&sb);
}

static void
draw_pair(struct dupes *d)
{
	static const char *const lists[LIST_ROWS] = { "e-mails", "phones",
	    "tags" };
	const struct dupe_pair	*p = &d->pairs[d->l.sel];
	const char		*va, *vb, *label;
	char			 line[300], *fa, *fb;
	size_t			 i;
	int			 y, colw, xa, xb, sel, wins_b;
	enum role		 r;

	snprintf(line, sizeof line, " kith  merge  %s (#%lld) and %s "
	    "(#%lld)", d->a->display, (long long)d->a->id, d->b->display,
	    (long long)d->b->id);
	draw_text_cut(0, 0, COLS, line, ROLE_HEADER, 0);
	colw = (COLS - LABEL_W - 2) / 2;
	if (colw < 6)
		colw = 6;
	xa = LABEL_W + 1;
	xb = xa + colw + 1;
	snprintf(line, sizeof line, "#%lld (kept)", (long long)d->a->id);
	draw_text(1, xa, colw, line, ROLE_DIM, 0);
	snprintf(line, sizeof line, "#%lld", (long long)d->b->id);
	draw_text(1, xb, colw, line, ROLE_DIM, 0);
	for (i = 0; i < FIELD_ROWS; i++) {
		y = HEAD_ROWS + (int)i;
		if (y >= LINES - FOOT_ROWS)
			break;
		sel = i == d->f.sel;
		r = sel ? ROLE_SELECT : ROLE_NORMAL;
		draw_fill(y, 0, COLS, r);
		if (i < MERGE_TAKE_COUNT) {
			label = merge_take_word(1u << i);
			va = merge_take_value(d->a, 1u << i);
			vb = merge_take_value(d->b, 1u << i);
			wins_b = (d->take & (1u << i)) != 0;
			draw_text(y, 1, LABEL_W, label, r, 0);
			snprintf(line, sizeof line, "%s %s", !str_empty(va) &&
			    !wins_b ? "●" : " ", va != NULL ? va : "");
			draw_text_cut(y, xa, colw, line, sel ? r : wins_b ?
			    ROLE_DIM : ROLE_NAME, 0);
			snprintf(line, sizeof line, "%s %s", !str_empty(vb) &&
			    wins_b ? "●" : " ", vb != NULL ? vb : "");
			draw_text_cut(y, xb, colw, line, sel ? r : wins_b ?
			    ROLE_NAME : ROLE_DIM, 0);
			continue;
		}
		draw_text(y, 1, LABEL_W, lists[i - MERGE_TAKE_COUNT], r, 0);
		fa = list_value(d->a, i - MERGE_TAKE_COUNT);
		fb = list_value(d->b, i - MERGE_TAKE_COUNT);
		snprintf(line, sizeof line, "+ %s", fa != NULL ? fa : "");
		draw_text_cut(y, xa, colw, line, r, 0);
		snprintf(line, sizeof line, "+ %s", fb != NULL ? fb : "");
		draw_text_cut(y, xb, colw, line, r, 0);
		free(fa);
		free(fb);
	}
	y = HEAD_ROWS + FIELD_ROWS + 1;
	if (y + 2 < LINES - FOOT_ROWS) {
		snprintf(line, sizeof line, "Score %d: %s.", p->score,
		    p->reason);
		draw_text_cut(y, 1, COLS - 2, line, ROLE_NORMAL, 0);
		draw_text_cut(y + 1, 1, COLS - 2, "● the value kept; every "
		    "e-mail, phone, address, tag, note, interaction, "
		    "follow-up,", ROLE_DIM, 0);
		draw_text_cut(y + 2, 1, COLS - 2, "relationship and deal of "
		    "both is kept (+); a value not kept is kept as a custom "
		    "field.", ROLE_DIM, 0);
	}
}

/* ---- keys ----------------------------------------------------------- */

static void
du_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	struct dupes	*d = (struct dupes *)s;

	(void)app;
	keyscope_add(sc, d->a != NULL ? &keymap_dupe_pair : &keymap_dupes);
	keyscope_add(sc, &keymap_global);
}

static int
du_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct dupes	*d = (struct dupes *)s;
	struct keyscope	 sc = { { 0 }, 0 };
	enum action	 act;
	int		 flags;

	du_keymap(app, s, &sc);
	act = keyscope_lookup(&sc, fn, key);
	if ((flags = overlay_action(app, s, act)) >= 0)
		return flags;
	if (d->a != NULL) {
		if (act == ACT_UP || act == ACT_DOWN) {
			listw_move(&d->f, act == ACT_UP ? -1 : 1);
			return KITH_REDRAW;
		}
	} else if (listw_action(&d->l, act, vis_rows()))
		return KITH_REDRAW;
	switch (act) {
	case ACT_OPEN:
		return du_open_pair(d);
	case ACT_TAKE:
		return du_take(d);
	case ACT_MERGE:
		return du_merge(d);
	case ACT_NOT_SAME:
		return du_not_same(d);
	case ACT_UNDO:
		return act_undo(app);
	case ACT_CLOSE:
		if (d->a != NULL)
			du_close_pair(d);
		else
			s->closing = 1;
		return KITH_REDRAW;
	case ACT_QUIT:
		return KITH_QUIT;
	default:
		return 0;
	}
}

/* Switches whose value the highlighted field keeps. */
static int
du_take(struct dupes *d)
{
	unsigned	 bit;
	const char	*va, *vb;

	if (d->a == NULL)
		return 0;
	if (d->f.sel >= MERGE_TAKE_COUNT) {
		app_message(d->app, 0, "the %s of both are kept",
		    d->f.sel == MERGE_TAKE_COUNT ? "e-mails" :
		    d->f.sel == MERGE_TAKE_COUNT + 1 ? "phones" : "tags");
		return KITH_REDRAW;
	}
	bit = 1u << d->f.sel;
	va = merge_take_value(d->a, bit);
	vb = merge_take_value(d->b, bit);
	if (str_empty(va) || str_empty(vb)) {
		app_message(d->app, 0, str_empty(va) && str_empty(vb) ?
		    "neither has a %s" : "only one of them has a %s: it is "
		    "kept", merge_take_word(bit));
		return KITH_REDRAW;
	}
	d->take ^= bit;
	return KITH_REDRAW;
}

/*
 * Asks before merging the pair shown, naming both and the fields whose
 * value is the right one's where the left one has one too.
 */
static int
du_merge(struct dupes *d)
{
	struct sbuf	 q = { 0 };
	const char	*sep = ", taking its ";
	size_t		 i;
	char		*text;

	if (d->a == NULL)
		return 0;
	sbuf_printf(&q, "Merge %s (#%lld) into %s (#%lld)", d->b->display,
	    (long long)d->b->id, d->a->display, (long long)d->a->id);
	for (i = 0; i < MERGE_TAKE_COUNT; i++)
		if ((d->take & (1u << i)) != 0 && !str_empty(merge_take_value(
		    d->a, 1u << i))) {
			sbuf_printf(&q, "%s%s", sep, merge_take_word(1u << i));
			sep = ", ";
		}
	sbuf_printf(&q, "? Everything of both is kept; u undoes. (y/N)");
	text = sbuf_detach(&q);
	app_push(d->app, confirm_new(text, du_merge_yes, 0, d));
	free(text);
	return KITH_REDRAW;
}

static int
du_merge_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct dupes	*d = ctx;
	struct kith_err	 err = { 0 };
	char		*na, *nb;

	(void)id;
	if (idx == PICK_CANCEL || d->a == NULL)
		return 0;
	if (contact_merge_take(app->db, d->a->id, d->b->id, d->take, &err)
	    != KITH_OK) {
		app_message(app, 1, "cannot merge: %s", err.msg);
		return KITH_REDRAW;
	}
	na = xstrdup(d->a->display);
	nb = xstrdup(d->b->display);
	du_close_pair(d);
	act_said(app, "Merged %s into %s", nb, na);
	free(na);
	free(nb);
	return KITH_RELOAD | KITH_RECOUNT;
}

static int
du_not_same(struct dupes *d)
{
	const struct dupe_pair	*p;
	char			*q;

	if (d->l.n == 0)
		return 0;
	p = &d->pairs[d->l.sel];
	q = xasprintf("%s (#%lld) and %s (#%lld) are not the same person: "
	    "never propose them again? (y/N)", p->name_a, (long long)p->a,
	    p->name_b, (long long)p->b);
	app_push(d->app, confirm_new(q, du_not_same_yes, 0, d));
	free(q);
	return KITH_REDRAW;
}

static int
du_not_same_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct dupes		*d = ctx;
	const struct dupe_pair	*p;
	struct kith_err		 err = { 0 };

	(void)id;
	if (idx == PICK_CANCEL || d->l.n == 0)
		return 0;
	p = &d->pairs[d->l.sel];
	if (dupes_not_same(app->db, p->a, p->b, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	act_said(app, "Marked %s and %s not the same person", p->name_a,
	    p->name_b);
	du_close_pair(d);
	return KITH_RELOAD;
}
