/* SPDX-License-Identifier: MIT */
/*
 * The conflict screen (C on the main screen), drawn over the whole
 * terminal: the saved conflict checks, newest first, one line each (when,
 * by whom, how many hits, the latest disposition, the terms and the
 * matter).  c runs a new check on the names entered (and a matter title)
 * through the core (conflict_run) and shows its record; Enter shows a
 * saved one (conflict_record_text, as kith conflict --show prints it);
 * d records a disposition, which is added to the record, never put in
 * place of an earlier one.  A check with no hit reads "No hits in kith's
 * records", never "no conflict".
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kith/conflict.h"
#include "kith/util.h"
#include "act.h"
#include "actions.h"
#include "draw.h"
#include "keys.h"
#include "listw.h"
#include "overlay.h"
#include "tui.h"

#define HEAD_ROWS	2	/* header, column titles */
#define FOOT_ROWS	1	/* the key bar */
#define DISP_W		27	/* "Waivable – consent obtained" */

struct conflicts {
	struct screen		 s;
	struct app		*app;
	struct conflict_summary	*sum;
	size_t			 n;
	struct listw		 l;
};

/* The dispositions as the form offers them, and their stored words. */
static const char *const disp_names[] = {
	"Clear", "Waivable – consent pending", "Waivable – consent obtained",
	"Declined"
};
static const char *const disp_words[] = {
	"clear", "waivable-pending", "waivable-obtained", "declined"
};
#define DISP_COUNT	(sizeof disp_words / sizeof disp_words[0])

static void	cf_leave(struct app *, struct screen *);
static void	cf_draw(struct app *, struct screen *);
static int	cf_handle(struct app *, struct screen *, int, wint_t);
static void	cf_keymap(struct app *, struct screen *, struct keyscope *);
static void	cf_reload(struct app *, struct screen *, int);
static void	cf_load(struct conflicts *);
static size_t	vis_rows(void);
static void	show_record(struct app *, const struct conflict_record *);
static int	cf_open(struct conflicts *);
static int	cf_new(struct conflicts *);
static int	cf_new_submit(struct app *, struct form *);
static int	cf_decide(struct conflicts *);
static int	cf_decide_submit(struct app *, struct form *);

static const struct screen_ops conflict_ops = {
	.leave = cf_leave,
	.draw = cf_draw,
	.handle = cf_handle,
	.keymap = cf_keymap,
	.reload = cf_reload,
};

struct screen *
conflict_screen_new(struct app *app)
{
	struct conflicts	*c = xcalloc(1, sizeof *c);

	c->s.ops = &conflict_ops;
	c->s.opaque = 1;
	c->app = app;
	cf_load(c);
	return &c->s;
}

static void
cf_leave(struct app *app, struct screen *s)
{
	struct conflicts	*c = (struct conflicts *)s;

	(void)app;
	conflict_summaries_free(c->sum, c->n);
	free(c);
}

static size_t
vis_rows(void)
{
	int	h = LINES - HEAD_ROWS - FOOT_ROWS;

	return h > 0 ? (size_t)h : 1;
}

/* Reads the checks again; a new one comes first and is selected. */
static void
cf_load(struct conflicts *c)
{
	struct kith_err		 err = { 0 };
	struct conflict_summary	*sum;
	size_t			 n;

	if (conflict_list(c->app->db, &sum, &n, &err) != KITH_OK) {
		app_message(c->app, 1, "%s", err.msg);
		return;
	}
	if (n > c->n)
		c->l.sel = c->l.top = 0;
	conflict_summaries_free(c->sum, c->n);
	c->sum = sum;
	c->n = n;
	listw_resize(&c->l, n);
}

static void
cf_reload(struct app *app, struct screen *s, int flags)
{
	(void)app;
	(void)flags;
	cf_load((struct conflicts *)s);
}

/* ---- drawing -------------------------------------------------------- */

static void
cf_draw(struct app *app, struct screen *s)
{
	struct conflicts		*c = (struct conflicts *)s;
	const struct conflict_summary	*m;
	struct tm			 tm;
	char				 line[200], when[32];
	size_t				 k, vis = vis_rows();
	time_t				 t;
	int				 y, x;
	enum role			 r;

	(void)app;
	erase();
	draw_fill(0, 0, COLS, ROLE_HEADER);
	snprintf(line, sizeof line, " kith  conflict checks  %zu saved",
	    c->n);
	draw_text(0, 0, COLS, line, ROLE_HEADER, 0);
	if (c->n == 0) {
		draw_text(HEAD_ROWS, 2, COLS - 4, "No conflict checks yet: c "
		    "runs one.", ROLE_DIM, 0);
		return;
	}
	snprintf(line, sizeof line, "%5s  %-16s  %-12s  %7s  %-*s  %s", "#",
	    "when (UTC)", "by", "hits", DISP_W, "disposition",
	    "terms (matter)");
	draw_text(1, 0, COLS, line, ROLE_DIM, 0);
	listw_show(&c->l, vis);
	for (k = 0; k < vis && c->l.top + k < c->l.n; k++) {
		m = &c->sum[c->l.top + k];
		y = HEAD_ROWS + (int)k;
		r = c->l.top + k == c->l.sel ? ROLE_SELECT : ROLE_NORMAL;
		draw_fill(y, 0, COLS, r);
		t = m->at;
		if (gmtime_r(&t, &tm) == NULL || strftime(when, sizeof when,
		    "%Y-%m-%d %H:%M", &tm) == 0)
			snprintf(when, sizeof when, "?");
		snprintf(line, sizeof line, "%5lld  %-16s  ", (long long)m->id,
		    when);
		x = draw_text(y, 0, COLS, line, r, 0);
		x += draw_text_cut(y, x, 12, m->user, r, 1);
		if (m->nhits == 0)
			snprintf(line, sizeof line, "  %7s  ", "no hits");
		else
			snprintf(line, sizeof line, "  %7zu  ", m->nhits);
		x += draw_text(y, x, COLS - x, line, r, 0);
		if (x >= COLS)
			continue;
		x += draw_text_cut(y, x, DISP_W, m->disposition != NULL ?
		    conflict_disposition_name(m->disposition) : "undecided",
		    r, 1);
		x += 2;
		if (x >= COLS)
			continue;
		if (m->matter != NULL)
			snprintf(line, sizeof line, "%s (%s)", m->terms,
			    m->matter);
		else
			snprintf(line, sizeof line, "%s", m->terms);
		draw_text_cut(y, x, COLS - x, line, r, 0);
	}
}

/* ---- keys ----------------------------------------------------------- */

static void
cf_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	(void)app;
	(void)s;
	keyscope_add(sc, &keymap_conflict);
	keyscope_add(sc, &keymap_global);
}

static int
cf_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct conflicts	*c = (struct conflicts *)s;
	struct keyscope		 sc = { { 0 }, 0 };
	enum action		 act;
	int			 flags;

	cf_keymap(app, s, &sc);
	act = keyscope_lookup(&sc, fn, key);
	if ((flags = overlay_action(app, s, act)) >= 0)
		return flags;
	if (listw_action(&c->l, act, vis_rows()))
		return KITH_REDRAW;
	switch (act) {
	case ACT_CHECK_NEW:
		return cf_new(c);
	case ACT_OPEN:
		return cf_open(c);
	case ACT_DECIDE:
		return cf_decide(c);
	case ACT_CLOSE:
		s->closing = 1;
		return KITH_REDRAW;
	case ACT_QUIT:
		return KITH_QUIT;
	default:
		return 0;
	}
}

static void
show_record(struct app *app, const struct conflict_record *r)
{
	char	*text = conflict_record_text(r), *title;

	title = xasprintf("Conflict check #%lld", (long long)r->id);
	app_push(app, pager_new(title, text));
	free(title);
	free(text);
}

static int
cf_open(struct conflicts *c)
{
	struct kith_err		 err = { 0 };
	struct conflict_record	*r;

	if (c->l.n == 0)
		return 0;
	if (conflict_get(c->app->db, c->sum[c->l.sel].id, &r, &err) !=
	    KITH_OK) {
		app_message(c->app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	show_record(c->app, r);
	conflict_record_free(r);
	return KITH_REDRAW;
}

static int
cf_new(struct conflicts *c)
{
	struct form	*f = form_new("Conflict check", cf_new_submit, 0);

	form_field(f, "Names", FIELD_TEXT, NULL);
	form_field(f, "Matter", FIELD_TEXT, NULL);
	form_hint(f, "Names of the parties, separated by ; (a person, a "
	    "firm: Beta LLC; John Smith). The matter title may stay empty.");
	app_push(c->app, form_screen(f));
	return KITH_REDRAW;
}

/*
 * Runs the check on the names of the form's first field (split at ";")
 * for the matter of its second, and shows the saved record.
 */
static int
cf_new_submit(struct app *app, struct form *f)
{
	struct kith_err		 err = { 0 };
	struct conflict_record	*r = NULL;
	const char		*terms[CONFLICT_TERMS_MAX];
	const char		*matter = form_value(f, 1);
	char			*names = xstrdup(form_value(f, 0)), *w, *save;
	char			*user = NULL, *e;
	size_t			 n = 0;
	int			 flags = 0;

	for (w = strtok_r(names, ";", &save); w != NULL;
	    w = strtok_r(NULL, ";", &save)) {
		while (*w == ' ')
			w++;
		for (e = w + strlen(w); e > w && e[-1] == ' '; e--)
			e[-1] = '\0';
		if (*w == '\0')
			continue;
		if (n == CONFLICT_TERMS_MAX) {
			form_error(f, "at most %d names in one check",
			    CONFLICT_TERMS_MAX);
			goto out;
		}
		terms[n++] = w;
	}
	if (n == 0) {
		form_error(f, "enter the name of at least one party");
		goto out;
	}
	user = conflict_who(app->db);
	if (conflict_run(app->db, terms, n, str_empty(matter) ? NULL : matter,
	    user, 0, &r, &err) != KITH_OK) {
		form_error(f, "%s", err.msg);
		goto out;
	}
	if (r->nhits == 0)
		app_message(app, 0, "Conflict check #%lld saved: no hits in "
		    "kith's records", (long long)r->id);
	else
		app_message(app, 0, "Conflict check #%lld saved: %zu hit%s in "
		    "kith's records", (long long)r->id, r->nhits,
		    r->nhits == 1 ? "" : "s");
	show_record(app, r);
	flags = KITH_RELOAD;
out:
	conflict_record_free(r);
	free(user);
	free(names);
	return flags;
}

static int
cf_decide(struct conflicts *c)
{
	struct form	*f;
	char		*title, *user;

	if (c->l.n == 0) {
		app_message(c->app, 0, "no check to decide: c runs one");
		return KITH_REDRAW;
	}
	title = xasprintf("Disposition of conflict check #%lld",
	    (long long)c->sum[c->l.sel].id);
	f = form_new(title, cf_decide_submit, c->sum[c->l.sel].id);
	free(title);
	form_field(f, "Disposition", FIELD_CHOICE, NULL);
	form_choices(f, disp_names, DISP_COUNT, 0);
	form_field(f, "Waiver ref", FIELD_TEXT, NULL);
	user = conflict_who(c->app->db);
	form_field(f, "Reviewer", FIELD_TEXT, user);
	free(user);
	form_hint(f, "Added to the check's record; earlier dispositions stay.");
	app_push(c->app, form_screen(f));
	return KITH_REDRAW;
}

static int
cf_decide_submit(struct app *app, struct form *f)
{
	struct kith_err	 err = { 0 };
	const char	*waiver = form_value(f, 1);
	size_t		 i = form_choice(f, 0);

	if (i >= DISP_COUNT)
		i = 0;
	if (conflict_decide(app->db, form_id(f), disp_words[i],
	    str_empty(waiver) ? NULL : waiver, form_value(f, 2), &err) !=
	    KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	app_message(app, 0, "Conflict check #%lld: %s, by %s (added to its "
	    "record)", (long long)form_id(f), disp_names[i],
	    form_value(f, 2));
	return KITH_RELOAD;
}
