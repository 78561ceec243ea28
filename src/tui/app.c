/* SPDX-License-Identifier: MIT */
/*
 * The full-screen front's loop and main screen (after htop's
 * ScreenManager.c and ncdu's browser): draw if dirty, read a whole key or
 * paste (input.h) with a timeout, map the key through the key table or
 * hand the paste to the field being edited, run the action, and act on
 * the flags it returns.  Idle ticks complete the list's page (a query's
 * pages stop on a budget of STEP_US, lw_fill goes on with them), count
 * contacts a chunk at a time (a query's count first builds its set, a
 * budget at a time), and notice midnight and changes made by other kith
 * processes.
 *
 * The list is a window of at most WIN_MAX rows onto a keyset-paged query
 * (view.h); moving past either end of the window fetches the next page in
 * that direction and drops rows far from the selection, so memory does not
 * grow with the address book.
 */
#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kith/contact.h"
#include "kith/db.h"
#include "kith/followup.h"
#include "kith/import.h"
#include "kith/interaction.h"
#include "kith/journal.h"
#include "kith/relation.h"
#include "kith/sheet.h"
#include "kith/util.h"
#include "kith/view.h"
#include "actions.h"
#include "draw.h"
#include "input.h"
#include "keys.h"
#include "tui.h"
#include "utf8.h"

#define WIN_MAX		600	/* rows of the list kept in memory */
#define ALERT_MAX	500	/* alerts kept in memory */
#define COUNT_CHUNK	25000	/* rowids examined per idle count step */
#define QCOUNT_CHUNK	1500	/* rows read per step of a match count */
#define STEP_US		3000	/* most a page or count step of a query
				   takes before it returns what it has */
#define TICK_MS		1000
#define DOUBLE_CLICK_MS	400	/* two presses this close: a double click */
#define TUI_CACHE_KIB	4096	/* SQLite page cache of the TUI */
#define NOTES_LINES	8	/* of notes on the contact sheet */

static volatile sig_atomic_t	got_signal;

static void	on_signal(int);
static enum kith_status form_date(struct app *, const char *, unsigned,
		    struct kith_when *, struct kith_err *);
static int	birthday_field(struct app *, struct form *, struct contact *);
static void	fatal_hook(void);
static void	trace_open(void);
static void	trace_paint(struct app *);
static void	trace_key_read(void);

static void	lw_clear(struct app *);
static size_t	lw_fetch(struct app *, const unsigned char *, size_t,
		    int64_t, int, size_t, int);
static void	lw_reload_start(struct app *);
static void	lw_reload_end(struct app *);
static void	lw_reload_at(struct app *, const unsigned char *, size_t,
		    int64_t);
static void	lw_reload_here(struct app *);
static void	lw_move(struct app *, long);
static void	lw_fix_top(struct app *);
static void	lw_trim(struct app *);
static int	lw_short(const struct app *);
static int	lw_fill(struct app *);
static size_t	page_rows(const struct app *);

static void	load_alerts(struct app *);
static void	add_notes(struct app *, const char *);
static void	load_detail(struct app *, int);
static void	free_detail(struct app *);
static struct view_query *list_query(struct app *);
static void	restart_counts(struct app *, int);
static int	count_step(struct app *);
static int	reload(struct app *, int);
static void	apply_query(struct app *);

static void	draw_main(struct app *);
static void	draw_header(struct app *);
static void	draw_list(struct app *);
static void	draw_detail(struct app *);
static void	draw_alerts(struct app *);
static void	draw_status(struct app *);
static void	draw_too_small(struct app *);
static int	main_handle(struct app *, int, wint_t);
static int	main_paste(struct app *, const struct input_event *);
static int	run_action(struct app *, enum action);
static int	double_click(const MEVENT *, int);
static int	handle_mouse(struct app *);
static void	move_pane(struct app *, long);

static int	act_done(struct app *);
static int	act_snooze(struct app *);
static int	act_contact_form(struct app *, int);
static int	act_log(struct app *);
static int	act_follow(struct app *);
static int	act_link(struct app *);
static int	act_archive(struct app *);
static int	act_delete(struct app *);
static int	act_notes(struct app *);
static int	act_import(struct app *);

static struct app	*the_app;	/* for the fatal hook only */
static int		 cursor_y = -1, cursor_x = -1;

/* Signal handlers only set a flag (calcurse sigs.c). */
static void
on_signal(int sig)
{
	got_signal = sig;
}

/* Out of memory, or another fatal error: give the terminal back first. */
static void
fatal_hook(void)
{
	input_stop();
	if (!isendwin())
		endwin();
}

void
app_message(struct app *app, int err, const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vsnprintf(app->msg, sizeof app->msg, fmt, ap);
	va_end(ap);
	u8_trim_partial(app->msg);
	app->msg_err = err;
}

void
app_push(struct app *app, struct screen *s)
{
	if (app->depth >= SCREEN_MAX) {
		s->ops->leave(app, s);
		return;
	}
	app->stack[app->depth++] = s;
}

void
app_cursor(struct app *app, int y, int x)
{
	(void)app;
	cursor_y = y;
	cursor_x = x;
}

int64_t
app_selected(const struct app *app)
{
	return app->sel < app->n ? app->rows[app->sel].id : 0;
}

/* ---- the list window ---------------------------------------------- */

static size_t
page_rows(const struct app *app)
{
	size_t	h = app->lay.body_h > 0 ? (size_t)app->lay.body_h : 20;

	return h * 2 + 16;
}

static void
lw_clear(struct app *app)
{
	view_rows_free(app->rows, app->n);
	app->rows = NULL;
	app->n = app->top = app->sel = 0;
	app->at_start = app->at_end = 0;
	free(app->anchor);
	app->anchor = NULL;
	app->anchor_len = 0;
	app->anchor_id = 0;
}

/*
 * Fetches up to limit rows from (key, id) in direction dir and adds them
 * after the window (dir > 0) or before it (dir < 0).  inclusive: the row
 * (key, id) itself may come first.  Returns the rows added.  Fewer than
 * limit mark that end of the list reached, unless the query stopped on its
 * budget: lw_fill then goes on when idle.
 */
static size_t
lw_fetch(struct app *app, const unsigned char *key, size_t key_len,
    int64_t id, int dir, size_t limit, int inclusive)
{
	struct kith_err		 err = { 0 };
	struct view_query	*q;
	struct view_row		*got;
	size_t			 n, i;

	if (inclusive && key != NULL)
		id--;
	if ((q = list_query(app)) == NULL || view_query_page(q, key, key_len,
	    id, dir, limit, &got, &n, &err) != KITH_OK) {
		if (q != NULL)
			app_message(app, 1, "%s", err.msg);
		if (dir > 0)
			app->at_end = 1;
		else
			app->at_start = 1;
		return 0;
	}
	if (n < limit && !view_query_more(q)) {
		if (dir > 0)
			app->at_end = 1;
		else
			app->at_start = 1;
	}
	if (n == 0) {
		view_rows_free(got, 0);
		return 0;
	}
	app->rows = xreallocarray(app->rows, app->n + n, sizeof *app->rows);
	if (dir > 0) {
		memcpy(app->rows + app->n, got, n * sizeof *got);
	} else {
		memmove(app->rows + n, app->rows, app->n * sizeof *app->rows);
		for (i = 0; i < n; i++)		/* got is nearest first */
			app->rows[n - 1 - i] = got[i];
		if (app->n > 0) {
			app->top += n;
			app->sel += n;
		}
	}
	app->n += n;
	free(got);	/* the rows' strings now belong to the window */
	return n;
}

/* A screenful first, for the paint; lw_fill loads the rest when idle. */
static void
lw_reload_start(struct app *app)
{
	lw_clear(app);
	app->at_start = 1;
	lw_fetch(app, NULL, 0, 0, 1, app->lay.body_h > 0 ?
	    (size_t)app->lay.body_h : 1, 0);
}

/* Whether the window is short of a page and not at both ends. */
static int
lw_short(const struct app *app)
{
	return app->n < page_rows(app) && !(app->at_start && app->at_end);
}

/*
 * One step of completing a short window (after a first screenful, or a
 * fetch that stopped on the query's budget): on from its last row, else
 * back from its first; an empty window from its anchor.  1 if it fetched.
 */
static int
lw_fill(struct app *app)
{
	size_t		 want = page_rows(app), was = app->n;
	struct view_row	*v;

	if (!lw_short(app))
		return 0;
	if (!app->at_end) {
		if ((v = app->n > 0 ? &app->rows[app->n - 1] : NULL) != NULL)
			lw_fetch(app, v->key, v->key_len, v->id, 1,
			    want - app->n, 0);
		else
			lw_fetch(app, app->anchor, app->anchor_len,
			    app->anchor_id, 1, want, 1);
		return 1;
	}
	if ((v = app->n > 0 ? &app->rows[0] : NULL) != NULL)
		lw_fetch(app, v->key, v->key_len, v->id, -1, want - app->n, 0);
	else
		lw_fetch(app, app->anchor, app->anchor_len, app->anchor_id, -1,
		    want, 0);
	if (was == 0)		/* select the row nearest the anchor */
		app->sel = app->n > 0 ? app->n - 1 : 0;
	lw_fix_top(app);
	return 1;
}

static void
lw_reload_end(struct app *app)
{
	lw_clear(app);
	app->at_end = 1;
	lw_fetch(app, NULL, 0, 0, -1, page_rows(app), 0);
	app->sel = app->n > 0 ? app->n - 1 : 0;
	lw_fix_top(app);
}

/* Loads the window around position (key, id), selecting it or the next. */
static void
lw_reload_at(struct app *app, const unsigned char *key, size_t key_len,
    int64_t id)
{
	size_t	before, half = page_rows(app) / 2;
	size_t	rows_above;

	lw_clear(app);
	app->anchor = xmalloc(key_len + 1);
	memcpy(app->anchor, key, key_len);
	app->anchor_len = key_len;
	app->anchor_id = id;
	lw_fetch(app, key, key_len, id, 1, half + 1, 1);
	before = lw_fetch(app, key, key_len, id, -1, half, 0);
	app->sel = before;
	if (app->sel >= app->n && app->n > 0)
		app->sel = app->n - 1;
	/* Keep the selection where it was on screen when possible. */
	rows_above = app->lay.body_h > 0 ? (size_t)app->lay.body_h / 3 : 0;
	app->top = app->sel > rows_above ? app->sel - rows_above : 0;
	lw_fix_top(app);
}

/* Reloads the window where the selection is (after a change). */
static void
lw_reload_here(struct app *app)
{
	struct kith_err	 err = { 0 };
	unsigned char	*key = NULL;
	size_t		 len = 0;
	int64_t		 id;

	if (app->sel >= app->n) {
		lw_reload_start(app);
		return;
	}
	id = app->rows[app->sel].id;
	if (view_locate(app->db, id, &key, &len, NULL, &err) == KITH_OK) {
		lw_reload_at(app, key, len, id);
		free(key);
		return;
	}
	/* Gone: reopen at its old place, on the contact after it. */
	key = xmalloc(app->rows[app->sel].key_len + 1);
	len = app->rows[app->sel].key_len;
	memcpy(key, app->rows[app->sel].key, len);
	lw_reload_at(app, key, len, id);
	free(key);
}

/* Keeps the selection on screen and the screen's rows loaded. */
static void
lw_fix_top(struct app *app)
{
	size_t	h = app->lay.body_h > 0 ? (size_t)app->lay.body_h : 1;

	if (app->sel < app->top)
		app->top = app->sel;
	if (app->sel >= app->top + h)
		app->top = app->sel - h + 1;
	if (app->top + h > app->n && !app->at_end && app->n > 0)
		lw_fetch(app, app->rows[app->n - 1].key,
		    app->rows[app->n - 1].key_len, app->rows[app->n - 1].id,
		    1, page_rows(app), 0);
	/* At the end of the list, fill the screen from above. */
	if (app->top + h > app->n && app->at_end) {
		if (app->n < app->top + h && app->top > 0) {
			size_t want = app->top + h - app->n;

			if (app->top < want && !app->at_start)
				lw_fetch(app, app->rows[0].key,
				    app->rows[0].key_len, app->rows[0].id, -1,
				    want, 0);
			app->top = app->n > h ? app->n - h : 0;
		}
	}
	lw_trim(app);
}

/* Drops rows far from the screen so the window stays under WIN_MAX. */
static void
lw_trim(struct app *app)
{
	size_t	h = app->lay.body_h > 0 ? (size_t)app->lay.body_h : 1;
	size_t	lo, hi, keep = WIN_MAX;

	if (app->n <= WIN_MAX)
		return;
	lo = app->top > (keep - h) / 2 ? app->top - (keep - h) / 2 : 0;
	hi = lo + keep;
	if (hi > app->n) {
		hi = app->n;
		lo = hi - keep;
	}
	if (hi < app->n) {
		view_rows_free(app->rows + hi, app->n - hi);
		app->at_end = 0;
	}
	if (lo > 0) {
		for (size_t i = 0; i < lo; i++) {
			free(app->rows[i].name);
			free(app->rows[i].org);
			free(app->rows[i].key);
		}
		memmove(app->rows, app->rows + lo, (hi - lo) * sizeof *app->rows);
		app->at_start = 0;
		app->top -= lo;
		app->sel -= lo;
	}
	app->n = hi - lo;
}

/* Moves the selection by delta rows, fetching across the window's ends. */
static void
lw_move(struct app *app, long delta)
{
	long	target = (long)app->sel + delta;

	while (target >= (long)app->n && !app->at_end && app->n > 0) {
		size_t before = app->n;
		lw_fetch(app, app->rows[app->n - 1].key,
		    app->rows[app->n - 1].key_len, app->rows[app->n - 1].id, 1,
		    page_rows(app), 0);
		if (app->n == before)
			break;
	}
	while (target < 0 && !app->at_start && app->n > 0) {
		size_t got = lw_fetch(app, app->rows[0].key,
		    app->rows[0].key_len, app->rows[0].id, -1, page_rows(app), 0);
		if (got == 0)
			break;
		target += (long)got;
	}
	if (target >= (long)app->n)
		target = (long)app->n - 1;
	if (target < 0)
		target = 0;
	app->sel = (size_t)target;
	lw_fix_top(app);
}

/* ---- alerts, detail, counts ----------------------------------------- */

struct alert_ctx {
	struct app	*app;
	size_t		 cap;
};

static int
collect_alert(const struct followup *f, void *arg)
{
	struct alert_ctx	*ctx = arg;
	struct app		*app = ctx->app;
	struct alert		*a;

	if (f->late < 0)
		return 1;
	if (app->n_alerts >= ALERT_MAX)
		return 1;
	if (app->n_alerts == ctx->cap) {
		ctx->cap = ctx->cap ? ctx->cap * 2 : 16;
		app->alerts = xreallocarray(app->alerts, ctx->cap,
		    sizeof *app->alerts);
	}
	a = &app->alerts[app->n_alerts++];
	a->id = f->id;
	a->contact = f->contact;
	a->name = xstrdup(f->contact_name);
	a->action = xstrdup(f->action);
	memcpy(a->due, f->due, sizeof a->due);
	a->late = f->late;
	return 0;
}

static void
load_alerts(struct app *app)
{
	struct alert_ctx	 ctx = { app, 0 };
	struct kith_err		 err = { 0 };
	int64_t			 keep = 0;
	size_t			 i;

	if (app->asel < app->n_alerts)
		keep = app->alerts[app->asel].id;
	for (i = 0; i < app->n_alerts; i++) {
		free(app->alerts[i].name);
		free(app->alerts[i].action);
	}
	free(app->alerts);
	app->alerts = NULL;
	app->n_alerts = 0;
	if (followup_each_due(app->db, 0, collect_alert, &ctx, &err) != KITH_OK)
		app_message(app, 1, "%s", err.msg);
	if (followup_counts(app->db, &app->overdue, &app->due_today, &err)
	    != KITH_OK)
		app_message(app, 1, "%s", err.msg);
	/* Stay on the same alert, or on the one that took its place. */
	for (i = 0; i < app->n_alerts; i++)
		if (app->alerts[i].id == keep)
			app->asel = i;
	if (app->asel >= app->n_alerts)
		app->asel = app->n_alerts ? app->n_alerts - 1 : 0;
	if (app->atop > app->asel)
		app->atop = app->asel;
}

static void
free_detail(struct app *app)
{
	size_t	i;

	for (i = 0; i < app->n_dlines; i++)
		free(app->dlines[i].text);
	free(app->dlines);
	app->dlines = NULL;
	app->n_dlines = 0;
	contact_free(app->contact);
	app->contact = NULL;
}

static void
add_line(struct app *app, int role, int64_t jump, int64_t fid,
    const char *fmt, ...) __attribute__((format(printf, 5, 6)));

static void
add_line(struct app *app, int role, int64_t jump, int64_t fid,
    const char *fmt, ...)
{
	struct dline	*d;
	va_list		 ap;
	char		*s;
	int		 len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	s[0] = '\0';
	va_start(ap, fmt);
	if (len > 0)
		vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	app->dlines = xreallocarray(app->dlines, app->n_dlines + 1,
	    sizeof *app->dlines);
	d = &app->dlines[app->n_dlines++];
	d->text = s;
	d->role = role;
	d->jump = jump;
	d->followup = fid;
}

/*
 * The notes, wrapped at spaces to the detail pane's width (a word too
 * long for a line is cut), NOTES_LINES lines at most; "…" marks the rest.
 */
static void
add_notes(struct app *app, const char *notes)
{
	const char	*p = notes, *end, *nl;
	size_t		 n, fit, sp;
	int		 width = app->lay.detail_w - 10, lines = 0;

	if (width < 10)
		width = 10;
	while (p != NULL && *p != '\0' && lines < NOTES_LINES) {
		nl = strchr(p, '\n');
		end = nl != NULL ? nl : p + strlen(p);
		n = (size_t)(end - p);
		fit = u8_fit(p, n, width, NULL);
		if (fit < n) {
			for (sp = fit; sp > 0 && p[sp] != ' '; sp--)
				;
			if (sp > 0)
				fit = sp;
			else if (fit == 0)	/* not even one character */
				fit = n;
		}
		add_line(app, ROLE_DIM, 0, 0, "%-8s %.*s%s", lines ? "" :
		    "notes", (int)fit, p, lines + 1 == NOTES_LINES &&
		    (fit < n || (nl != NULL && nl[1] != '\0')) ? " …" : "");
		lines++;
		p += fit;
		if (fit == n)
			p = nl != NULL ? nl + 1 : NULL;
		else
			while (*p == ' ')
				p++;
	}
}

/*
 * Loads the selected contact into the detail pane (force: even if same):
 * the core's contact sheet (sheet.h), rendered as lines.
 */
static void
load_detail(struct app *app, int force)
{
	struct kith_err		 err = { 0 };
	struct contact		*c;
	struct sheet		*sh = NULL;
	const struct relation	*rel;
	const struct followup	*fu;
	const struct interaction *in;
	size_t			 i;
	int64_t			 id = app_selected(app);

	if (!force && id == app->detail_id)
		return;
	free_detail(app);
	app->detail_id = id;
	app->dsel = app->dtop = 0;
	if (id == 0)
		return;
	if (sheet_load(app->db, id, SHEET_INTERACTIONS, &sh, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return;
	}
	/* The pane keeps the contact (the forms start from it). */
	c = app->contact = sh->contact;
	sh->contact = NULL;
	add_line(app, ROLE_NAME, 0, 0, "%s%s", c->display,
	    c->archived ? "  (archived)" : "");
	if (sh->headline != NULL)
		add_line(app, ROLE_NORMAL, 0, 0, "%s", sh->headline);
	if (c->nickname != NULL)
		add_line(app, ROLE_DIM, 0, 0, "\"%s\"", c->nickname);
	for (i = 0; i < c->n_emails; i++)
		add_line(app, ROLE_NORMAL, 0, 0, "%-8s %s%s%s%s",
		    i ? "" : "e-mail", c->emails[i].addr,
		    c->emails[i].label ? " (" : "",
		    c->emails[i].label ? c->emails[i].label : "",
		    c->emails[i].label ? ")" : "");
	for (i = 0; i < c->n_phones; i++)
		add_line(app, ROLE_NORMAL, 0, 0, "%-8s %s%s%s%s",
		    i ? "" : "phone", c->phones[i].raw,
		    c->phones[i].label ? " (" : "",
		    c->phones[i].label ? c->phones[i].label : "",
		    c->phones[i].label ? ")" : "");
	for (i = 0; i < sh->n_addresses; i++)
		add_line(app, ROLE_NORMAL, 0, 0, "%-8s %s", i ? "" : "address",
		    sh->addresses[i]);
	for (i = 0; i < c->n_urls; i++)
		add_line(app, ROLE_NORMAL, 0, 0, "%-8s %s", i ? "" : "web",
		    c->urls[i].value);
	if (c->birthday != NULL)
		add_line(app, ROLE_NORMAL, 0, 0, "%-8s %s", "birthday",
		    c->birthday);
	if (sh->tags != NULL)
		add_line(app, ROLE_NORMAL, 0, 0, "%-8s %s", "tags", sh->tags);
	/* Columns an import could not map, so nothing imported is hidden. */
	for (i = 0; i < c->n_custom; i++)
		add_line(app, ROLE_DIM, 0, 0, "%-8s %s: %s", i ? "" : "other",
		    c->custom[i].key, c->custom[i].value);
	add_notes(app, c->notes);
	if (sh->n_relations > 0) {
		add_line(app, ROLE_NORMAL, 0, 0, "%s", "");
		add_line(app, ROLE_TITLE, 0, 0, "Relationships");
	}
	for (i = 0; i < sh->n_relations; i++) {
		rel = sh->rel_lines[i].rel;
		add_line(app, ROLE_NORMAL, rel->other, 0, "  %s%s%s",
		    sh->rel_lines[i].text, rel->note ? " — " : "",
		    rel->note ? rel->note : "");
	}
	if (sh->n_followups > 0) {
		add_line(app, ROLE_NORMAL, 0, 0, "%s", "");
		add_line(app, ROLE_TITLE, 0, 0, "Follow-ups");
	}
	for (i = 0; i < sh->n_followups; i++) {
		char late[48] = "";

		fu = &sh->followups[i];
		if (fu->late > 0)
			snprintf(late, sizeof late, " (%ld day%s late)",
			    fu->late, fu->late == 1 ? "" : "s");
		else if (fu->late == 0)
			snprintf(late, sizeof late, " (today)");
		add_line(app, fu->late > 0 ? ROLE_OVERDUE : fu->late == 0 ?
		    ROLE_TODAY : ROLE_NORMAL, 0, fu->id, "%s %s %s%s",
		    fu->late > 0 ? "!" : " ", fu->due, fu->action, late);
	}
	if (sh->n_interactions > 0) {
		add_line(app, ROLE_NORMAL, 0, 0, "%s", "");
		add_line(app, ROLE_TITLE, 0, 0, "Latest interactions");
	}
	for (i = 0; i < sh->n_interactions; i++) {
		in = &sh->interactions[i];
		add_line(app, ROLE_NORMAL, 0, 0, "  %-10.10s %-7s %s", in->at,
		    in->kind, in->summary);
	}
	sheet_free(sh);
}

/*
 * The list's query, compiled on first use after the query, the archived
 * setting or the data changed (restart_counts drops it); NULL with the
 * message shown if it cannot be compiled.
 */
static struct view_query *
list_query(struct app *app)
{
	struct kith_err	err = { 0 };

	if (app->vq == NULL && view_query_new(app->db, app->query,
	    app->show_archived, &app->vq, &err) != KITH_OK)
		app_message(app, 1, "%s", err.msg);
	if (app->vq != NULL)
		view_query_set_budget(app->vq, 0, STEP_US);
	return app->vq;
}

/*
 * Starts the counts again, and drops the compiled query: every caller has
 * changed the query, the archived setting or the data.  total: the
 * whole-book count as well.
 */
static void
restart_counts(struct app *app, int total)
{
	view_query_free(app->vq);
	app->vq = NULL;
	if (total)
		memset(&app->total, 0, sizeof app->total);
	memset(&app->matches, 0, sizeof app->matches);
	app->matches.done = app->query == NULL;
}

/*
 * One bounded step of idle work, the list's page then whichever count is
 * unfinished; 1 if work remains.
 */
static int
count_step(struct app *app)
{
	struct kith_err		 err = { 0 };
	struct view_query	*q;

	if (lw_fill(app))
		return 1;
	if (!app->matches.done) {
		if ((q = list_query(app)) == NULL)
			app->matches.done = 1;
		else if (view_query_count_step(q, &app->matches, QCOUNT_CHUNK,
		    &err) != KITH_OK) {
			app->matches.done = 1;
			app_message(app, 1, "%s", err.msg);
		}
	} else if (!app->total.done) {
		if (view_count_step(app->db, NULL, app->show_archived,
		    &app->total, COUNT_CHUNK, &err) != KITH_OK) {
			app->total.done = 1;
			app_message(app, 1, "%s", err.msg);
		}
		if (app->total.done)
			app->total_shown = app->total.count;
	}
	return lw_short(app) || !app->matches.done || !app->total.done;
}

/* After a change: alerts, counts, the list and the detail pane again. */
static int
reload(struct app *app, int flags)
{
	load_alerts(app);
	/* The alert pane is as tall as its alerts need (up to a limit). */
	layout_compute(&app->lay, LINES, COLS, app->alerts_open,
	    (int)app->n_alerts);
	restart_counts(app, (flags & KITH_RECOUNT) != 0);
	lw_reload_here(app);
	lw_fix_top(app);
	load_detail(app, 1);
	return KITH_REDRAW;
}

/* A query typed on from the last one starts from its matches. */
static void
apply_query(struct app *app)
{
	struct kith_err		 err = { 0 };
	struct view_query	*old = app->vq;
	int64_t			 v;

	/* Narrowing needs the old matches to be the database's still. */
	if (old != NULL && (view_data_version(app->db, &v, &err) != KITH_OK ||
	    v != app->data_version)) {
		view_query_free(old);
		old = NULL;
	}
	free(app->query);
	app->query = str_empty(app->search.buf) ? NULL :
	    xstrdup(app->search.buf);
	app->query_dirty = 0;
	app->vq = NULL;		/* kept from restart_counts */
	restart_counts(app, 0);
	if (old != NULL && view_query_narrow(old, app->query, &app->vq,
	    &err) != KITH_OK)
		app_message(app, 1, "%s", err.msg);
	view_query_free(old);
	lw_reload_start(app);
	load_detail(app, 0);
}

void
app_jump(struct app *app, int64_t id)
{
	struct kith_err	 err = { 0 };
	unsigned char	*key;
	size_t		 len;
	int		 archived = 0, yes = 0;

	if (id == 0)
		return;
	if (view_locate(app->db, id, &key, &len, &archived, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return;
	}
	if (archived && !app->show_archived) {
		app->show_archived = 1;
		restart_counts(app, 1);
	}
	/* Leave the search if the contact is not among its matches. */
	if (app->query != NULL && (view_matches(app->db, app->query,
	    app->show_archived, id, &yes, &err) != KITH_OK || !yes)) {
		edit_set(&app->search, NULL);
		free(app->query);
		app->query = NULL;
		restart_counts(app, 0);
	}
	app->searching = 0;
	lw_reload_at(app, key, len, id);
	free(key);
	app->focus = PANE_LIST;
	load_detail(app, 0);
}

/* ---- drawing -------------------------------------------------------- */

static void
draw_header(struct app *app)
{
	char	num[32], right[96], left[96];
	int	w;

	draw_fill(app->lay.header_y, 0, app->lay.cols, ROLE_HEADER);
	if (app->total_shown >= 0) {
		u8_thousands(app->total_shown, num, sizeof num);
		snprintf(left, sizeof left, " kith  %s contact%s%s", num,
		    app->total_shown == 1 ? "" : "s",
		    app->show_archived ? " (with archived)" : "");
	} else {
		u8_thousands(app->total.count, num, sizeof num);
		snprintf(left, sizeof left, " kith  counting… %s", num);
	}
	draw_text(app->lay.header_y, 0, app->lay.cols, left, ROLE_HEADER, 0);
	snprintf(right, sizeof right, "%s%ld overdue  %ld today ",
	    app->overdue > 0 ? "! " : "", app->overdue, app->due_today);
	w = u8_width(right);
	if (w < app->lay.cols - u8_width(left))
		draw_text(app->lay.header_y, app->lay.cols - w, w, right,
		    ROLE_HEADER, 0);
}

static void
draw_search(struct app *app)
{
	char	num[32], info[64];
	int	y = app->lay.search_y, col, w, iw;

	draw_fill(y, 0, app->lay.cols, ROLE_NORMAL);
	if (!app->searching && str_empty(app->search.buf)) {
		draw_text(y, 1, app->lay.cols - 2, "/ search", ROLE_DIM, 0);
		return;
	}
	info[0] = '\0';
	if (app->query != NULL) {
		u8_thousands(app->matches.count, num, sizeof num);
		snprintf(info, sizeof info, "  %s%s match%s", num,
		    app->matches.done ? "" : "+",
		    app->matches.count == 1 && app->matches.done ? "" : "es");
	}
	iw = u8_width(info);
	mvaddstr(y, 1, "/ ");
	w = app->lay.cols - 3 - iw - 1;
	col = edit_view(&app->search, w);
	draw_text(y, 3, w, app->search.buf + app->search.scroll, ROLE_NAME, 0);
	draw_text(y, app->lay.cols - iw - 1, iw, info, ROLE_DIM, 0);
	if (app->searching && app->depth == 0)
		app_cursor(app, y, 3 + col);
}

static void
draw_list(struct app *app)
{
	const struct layout	*l = &app->lay;
	size_t			 i;
	int			 y, x;

	if (app->n == 0) {
		draw_text(l->body_y, 1, l->list_w - 1, lw_short(app) ?
		    "searching…" : app->query ? "no contact matches" :
		    "no contacts yet: a adds one, i imports a file", ROLE_DIM,
		    0);
	}
	for (y = 0; y < l->body_h; y++) {
		enum role	 r = ROLE_NORMAL;
		struct view_row	*v;

		i = app->top + (size_t)y;
		if (i >= app->n)
			break;
		v = &app->rows[i];
		if (i == app->sel)
			r = app->focus == PANE_LIST ? ROLE_SELECT :
			    ROLE_SELECT_DIM;
		draw_fill(l->body_y + y, l->list_x, l->list_w, r);
		if (v->overdue)
			draw_text(l->body_y + y, l->list_x, 1, "!",
			    r == ROLE_SELECT ? r : ROLE_OVERDUE, 0);
		x = l->list_x + l->mark_w;
		draw_text(l->body_y + y, x, l->name_w, v->name, r, 0);
		x += l->name_w + 1;
		draw_text(l->body_y + y, x, l->org_w, v->archived ?
		    "(archived)" : v->org, r == ROLE_NORMAL ? ROLE_DIM : r, 0);
	}
	draw_vline(l->body_y, l->sep_x, l->body_h);
}

static void
draw_detail(struct app *app)
{
	const struct layout	*l = &app->lay;
	size_t			 h = (size_t)l->body_h, i;
	int			 y;

	if (app->dsel < app->dtop)
		app->dtop = app->dsel;
	if (h > 0 && app->dsel >= app->dtop + h)
		app->dtop = app->dsel - h + 1;
	for (y = 0; y < l->body_h; y++) {
		enum role	r;

		i = app->dtop + (size_t)y;
		if (i >= app->n_dlines)
			break;
		r = app->dlines[i].role;
		if (app->focus == PANE_DETAIL && i == app->dsel)
			r = ROLE_SELECT;
		draw_text(l->body_y + y, l->detail_x, l->detail_w - 1,
		    app->dlines[i].text, r, app->focus == PANE_DETAIL &&
		    i == app->dsel);
	}
}

static void
draw_alerts(struct app *app)
{
	const struct layout	*l = &app->lay;
	char			 title[96], late[48];
	size_t			 h = (size_t)(l->alert_h - 1), i;
	int			 y, x, namew;

	draw_hline(l->alert_y, 0, l->cols);
	if (app->n_alerts == 0)
		snprintf(title, sizeof title, " nothing overdue or due today ");
	else
		snprintf(title, sizeof title, " %s%ld overdue, %ld today%s ",
		    app->overdue ? "! " : "", app->overdue, app->due_today,
		    app->alerts_open ? "" : " (! to expand)");
	draw_text(l->alert_y, 2, l->cols - 4, title, app->overdue ?
	    ROLE_OVERDUE : ROLE_TITLE, 0);
	if (!app->alerts_open)
		return;
	if (app->asel < app->atop)
		app->atop = app->asel;
	if (h > 0 && app->asel >= app->atop + h)
		app->atop = app->asel - h + 1;
	namew = l->cols / 4;
	for (y = 0; (size_t)y < h; y++) {
		struct alert	*a;
		enum role	 r;

		i = app->atop + (size_t)y;
		if (i >= app->n_alerts)
			break;
		a = &app->alerts[i];
		r = a->late > 0 ? ROLE_OVERDUE : ROLE_TODAY;
		if (i == app->asel)
			r = app->focus == PANE_ALERTS ? ROLE_SELECT :
			    ROLE_SELECT_DIM;
		draw_fill(l->alert_y + 1 + y, 0, l->cols, r == ROLE_SELECT ||
		    r == ROLE_SELECT_DIM ? r : ROLE_NORMAL);
		if (a->late > 0)
			snprintf(late, sizeof late, "%ldd late", a->late);
		else
			snprintf(late, sizeof late, "today");
		x = 1;
		draw_text(l->alert_y + 1 + y, x, 9, late, r, 0);
		x += 10;
		draw_text(l->alert_y + 1 + y, x, namew, a->name ? a->name :
		    "(no contact)", r == ROLE_SELECT || r == ROLE_SELECT_DIM ?
		    r : ROLE_NAME, 0);
		x += namew + 1;
		draw_text(l->alert_y + 1 + y, x, l->cols - x - 1, a->action,
		    r == ROLE_SELECT || r == ROLE_SELECT_DIM ? r :
		    ROLE_NORMAL, 0);
	}
}

/* The status line: a message, or hints generated from the key table. */
static void
draw_status(struct app *app)
{
	char	 keyname[32];
	int	 x = 1, y = app->lay.status_y, a, w;
	size_t	 i;

	draw_fill(y, 0, app->lay.cols, ROLE_NORMAL);
	if (app->msg[0] != '\0') {
		draw_text(y, 1, app->lay.cols - 2, app->msg, app->msg_err ?
		    ROLE_ERROR : ROLE_NAME, 0);
		return;
	}
	if (app->searching) {
		draw_text(y, 1, app->lay.cols - 2, "type to search  Enter "
		    "keep  Esc clear  Up/Down move", ROLE_DIM, 0);
		return;
	}
	for (a = 0; a < ACT__COUNT; a++) {
		const char *hint = action_hint((enum action)a);

		if (hint == NULL)
			continue;
		for (i = 0; i < keys_count; i++)
			if (keys_table[i].act == (enum action)a)
				break;
		if (i == keys_count)
			continue;
		keys_name(keys_table[i].fn, keys_table[i].key, keyname,
		    sizeof keyname);
		w = u8_width(keyname) + 1 + u8_width(hint) + 2;
		if (x + w > app->lay.cols)
			break;
		x += draw_text(y, x, app->lay.cols - x, keyname, ROLE_HINTKEY, 0);
		x += 1;
		x += draw_text(y, x, app->lay.cols - x, hint, ROLE_NORMAL, 0);
		x += 2;
	}
}

static void
draw_too_small(struct app *app)
{
	char	line[96];
	int	w;

	erase();
	snprintf(line, sizeof line, "kith needs at least %dx%d (now %dx%d)",
	    LAYOUT_MIN_COLS, LAYOUT_MIN_ROWS, COLS, LINES);
	w = u8_width(line);
	if (w > COLS)
		w = COLS;
	draw_text(LINES / 2, (COLS - w) / 2 > 0 ? (COLS - w) / 2 : 0, COLS,
	    line, ROLE_NAME, 0);
	if (LINES > 1)
		draw_text(LINES / 2 + 1, 0, COLS, "enlarge the window, or "
		    "q to quit", ROLE_NORMAL, 0);
	(void)app;
}

static void
draw_main(struct app *app)
{
	erase();
	draw_header(app);
	draw_search(app);
	draw_list(app);
	draw_detail(app);
	draw_alerts(app);
	draw_status(app);
}

/*
 * Benchmark tracing (tests/bench/bench_tui.sh): when KITH_TUI_TRACE names
 * a file, kith appends the wall-clock time of its first paint, and for
 * each key the milliseconds from reading it to the end of the paint that
 * shows its effect.
 */
static FILE		*trace_fp;
static struct timespec	 trace_key;	/* when the last key was read */

static void
trace_open(void)
{
	const char	*path = getenv("KITH_TUI_TRACE");

	if (path != NULL && *path != '\0' &&
	    (trace_fp = fopen(path, "a")) != NULL)
		setvbuf(trace_fp, NULL, _IOLBF, 0);
}

static void
trace_paint(struct app *app)
{
	struct timespec	ts;

	if (trace_fp == NULL)
		return;
	if (!app->first_paint) {
		clock_gettime(CLOCK_REALTIME, &ts);
		fprintf(trace_fp, "first-paint %lld.%09ld\n", (long long)ts.tv_sec,
		    ts.tv_nsec);
		return;
	}
	if (trace_key.tv_sec == 0 && trace_key.tv_nsec == 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	fprintf(trace_fp, "key-to-paint %.3f\n",
	    (double)(ts.tv_sec - trace_key.tv_sec) * 1e3 +
	    (double)(ts.tv_nsec - trace_key.tv_nsec) / 1e6);
	memset(&trace_key, 0, sizeof trace_key);
}

static void
trace_key_read(void)
{
	if (trace_fp != NULL && trace_key.tv_sec == 0 &&
	    trace_key.tv_nsec == 0)
		clock_gettime(CLOCK_MONOTONIC, &trace_key);
}

/* ---- keys ----------------------------------------------------------- */

static void
move_pane(struct app *app, long delta)
{
	size_t	h, n;
	long	t;

	switch (app->focus) {
	case PANE_LIST:
		lw_move(app, delta);
		load_detail(app, 0);
		return;
	case PANE_DETAIL:
		h = (size_t)app->lay.body_h;
		n = app->n_dlines;
		(void)h;
		t = (long)app->dsel + delta;
		break;
	case PANE_ALERTS:
	default:
		n = app->n_alerts;
		t = (long)app->asel + delta;
		break;
	}
	if (t >= (long)n)
		t = (long)n - 1;
	if (t < 0)
		t = 0;
	if (app->focus == PANE_DETAIL)
		app->dsel = (size_t)t;
	else
		app->asel = (size_t)t;
}

static int
run_action(struct app *app, enum action act)
{
	long	page = app->lay.body_h > 1 ? app->lay.body_h - 1 : 1;

	if (app->focus == PANE_ALERTS)
		page = app->lay.alert_h > 2 ? app->lay.alert_h - 2 : 1;
	switch (act) {
	case ACT_NONE:
		return 0;
	case ACT_UP:
		move_pane(app, -1);
		break;
	case ACT_DOWN:
		move_pane(app, 1);
		break;
	case ACT_PAGE_UP:
		move_pane(app, -page);
		break;
	case ACT_PAGE_DOWN:
		move_pane(app, page);
		break;
	case ACT_HALF_UP:
		move_pane(app, -(page + 1) / 2);
		break;
	case ACT_HALF_DOWN:
		move_pane(app, (page + 1) / 2);
		break;
	case ACT_HOME:
		if (app->focus == PANE_LIST) {
			lw_reload_start(app);
			load_detail(app, 0);
		} else
			move_pane(app, -(long)(app->n_dlines + app->n_alerts));
		break;
	case ACT_END:
		if (app->focus == PANE_LIST) {
			lw_reload_end(app);
			load_detail(app, 0);
		} else
			move_pane(app, (long)(app->n_dlines + app->n_alerts));
		break;
	case ACT_NEXT_PANE:
		app->focus = app->focus == PANE_LIST ? PANE_DETAIL :
		    app->focus == PANE_DETAIL && app->alerts_open ? PANE_ALERTS :
		    PANE_LIST;
		break;
	case ACT_PREV_PANE:
		app->focus = app->focus == PANE_LIST ? (app->alerts_open ?
		    PANE_ALERTS : PANE_DETAIL) : app->focus == PANE_ALERTS ?
		    PANE_DETAIL : PANE_LIST;
		break;
	case ACT_OPEN:
		if (app->focus == PANE_LIST)
			app->focus = PANE_DETAIL;
		else if (app->focus == PANE_DETAIL) {
			if (app->dsel < app->n_dlines &&
			    app->dlines[app->dsel].jump != 0)
				app_jump(app, app->dlines[app->dsel].jump);
		} else if (app->asel < app->n_alerts)
			app_jump(app, app->alerts[app->asel].contact);
		break;
	case ACT_JUMP:
		if (app->asel < app->n_alerts)
			app_jump(app, app->alerts[app->asel].contact);
		break;
	case ACT_SEARCH:
		app->searching = 1;
		app->focus = PANE_LIST;
		break;
	case ACT_CLEAR:
		if (app->query != NULL || !str_empty(app->search.buf)) {
			edit_set(&app->search, NULL);
			apply_query(app);
		}
		app->searching = 0;
		break;
	case ACT_ALERTS:
		app->alerts_open = !app->alerts_open;
		if (!app->alerts_open && app->focus == PANE_ALERTS)
			app->focus = PANE_LIST;
		layout_compute(&app->lay, LINES, COLS, app->alerts_open,
		    (int)app->n_alerts);
		lw_fix_top(app);
		break;
	case ACT_ARCHIVED:
		app->show_archived = !app->show_archived;
		app->total_shown = -1;
		restart_counts(app, 1);
		lw_reload_here(app);
		load_detail(app, 0);
		app_message(app, 0, "%s archived contacts",
		    app->show_archived ? "showing" : "hiding");
		break;
	case ACT_DONE:
		return act_done(app);
	case ACT_SNOOZE:
		return act_snooze(app);
	case ACT_ADD:
		return act_contact_form(app, 0);
	case ACT_EDIT:
		return act_contact_form(app, 1);
	case ACT_LOG:
		return act_log(app);
	case ACT_FOLLOW:
		return act_follow(app);
	case ACT_LINK:
		return act_link(app);
	case ACT_ARCHIVE:
		return act_archive(app);
	case ACT_DELETE:
		return act_delete(app);
	case ACT_NOTES:
		return act_notes(app);
	case ACT_IMPORT:
		return act_import(app);
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_HELP:
		app_push(app, help_new());
		break;
	case ACT_QUIT:
		return KITH_QUIT;
	case ACT__COUNT:
		break;
	}
	return KITH_REDRAW;
}

/*
 * Whether this press makes a double click: a second press on the same row
 * (and side) soon after the first.  mouseinterval(0) keeps single clicks
 * immediate, so curses reports no double clicks of its own.
 */
static int
double_click(const MEVENT *ev, int left)
{
	static struct timespec	last;
	static int		last_y = -1, last_left;
	struct timespec		now;
	long			ms;
	int			yes;

	if (ev->bstate & BUTTON1_DOUBLE_CLICKED) {
		last_y = -1;
		return 1;
	}
	clock_gettime(CLOCK_MONOTONIC, &now);
	ms = (long)(now.tv_sec - last.tv_sec) * 1000 +
	    (now.tv_nsec - last.tv_nsec) / 1000000;
	yes = ev->y == last_y && left == last_left && ms >= 0 &&
	    ms < DOUBLE_CLICK_MS;
	last = now;
	last_y = yes ? -1 : ev->y;	/* a third press starts again */
	last_left = left;
	return yes;
}

static int
handle_mouse(struct app *app)
{
	const struct layout	*l = &app->lay;
	MEVENT			 ev;
	int			 row, dbl;

	if (getmouse(&ev) != OK || !l->ok)
		return 0;
	if (ev.bstate & BUTTON4_PRESSED)
		return run_action(app, ACT_UP);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return run_action(app, ACT_DOWN);
#endif
	/*
	 * Presses act, releases do not: a release after a double click
	 * must not take the focus back to the list.
	 */
	if (!(ev.bstate & (BUTTON1_CLICKED | BUTTON1_PRESSED |
	    BUTTON1_DOUBLE_CLICKED)))
		return 0;
	dbl = double_click(&ev, ev.x < l->sep_x);
	if (ev.y >= l->body_y && ev.y < l->body_y + l->body_h) {
		row = ev.y - l->body_y;
		if (ev.x < l->sep_x) {
			app->focus = PANE_LIST;
			if (app->top + (size_t)row < app->n) {
				app->sel = app->top + (size_t)row;
				load_detail(app, 0);
			}
		} else {
			app->focus = PANE_DETAIL;
			if (app->dtop + (size_t)row < app->n_dlines)
				app->dsel = app->dtop + (size_t)row;
		}
	} else if (app->alerts_open && ev.y > l->alert_y &&
	    ev.y < l->alert_y + l->alert_h) {
		app->focus = PANE_ALERTS;
		if (app->atop + (size_t)(ev.y - l->alert_y - 1) < app->n_alerts)
			app->asel = app->atop + (size_t)(ev.y - l->alert_y - 1);
	} else if (ev.y == l->search_y)
		app->searching = 1;
	if (dbl)
		return run_action(app, ACT_OPEN);
	return KITH_REDRAW;
}

static int
main_handle(struct app *app, int fn, wint_t key)
{
	if (fn && key == KEY_MOUSE)
		return handle_mouse(app);
	if (!app->lay.ok)
		return !fn && key == 'q' ? KITH_QUIT : 0;
	if (app->searching) {
		if (!fn && key == 27) {
			edit_set(&app->search, NULL);
			app->searching = 0;
			app->query_dirty = 1;
			return KITH_REDRAW;
		}
		if (!fn && (key == '\r' || key == '\n' || key == '\t')) {
			app->searching = 0;
			if (key == '\t')
				app->focus = PANE_DETAIL;
			return KITH_REDRAW;
		}
		if (fn && (key == KEY_UP || key == KEY_DOWN || key == KEY_NPAGE ||
		    key == KEY_PPAGE))
			return run_action(app, keys_lookup(fn, key));
		if (edit_key(&app->search, fn, key)) {
			app->query_dirty = 1;
			return KITH_REDRAW;
		}
		return 0;
	}
	return run_action(app, keys_lookup(fn, key));
}

/*
 * Pasted text goes to the field being edited: the top overlay's, or the
 * search line; with neither, it is dropped, never run as keys.
 */
static int
main_paste(struct app *app, const struct input_event *ev)
{
	struct screen	*s = app->depth > 0 ? app->stack[app->depth - 1] : NULL;
	int		 flags = 0;

	if (s != NULL && s->ops->paste != NULL && app->lay.ok)
		flags = s->ops->paste(app, s, ev->text);
	else if (s == NULL && app->searching && app->lay.ok) {
		edit_paste(&app->search, ev->text);
		app->query_dirty = 1;
		flags = KITH_REDRAW;
	}
	if (ev->dropped > 0)
		app_message(app, 1, "pasted text cut at %d KiB: the last %zu "
		    "bytes were left out", INPUT_PASTE_MAX / 1024, ev->dropped);
	return flags;
}

/* ---- actions on follow-ups ------------------------------------------ */

static const struct alert *
sel_alert(struct app *app)
{
	if (app->asel < app->n_alerts)
		return &app->alerts[app->asel];
	app_message(app, 1, "no alert selected: nothing is overdue or due "
	    "today");
	return NULL;
}

static int
act_done(struct app *app)
{
	const struct alert	*a;
	struct kith_err		 err = { 0 };

	if ((a = sel_alert(app)) == NULL)
		return KITH_REDRAW;
	if (followup_done(app->db, a->id, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	app_message(app, 0, "done: %s%s%s", a->action, a->name ? " — " : "",
	    a->name ? a->name : "");
	return KITH_RELOAD;
}

/*
 * A date typed in a form, read as the command line reads it (clock.h), in
 * the order of day and month of KITH_DATE_ORDER or the locale.
 */
static enum kith_status
form_date(struct app *app, const char *s, unsigned flags,
    struct kith_when *w, struct kith_err *err)
{
	flags |= date_order_flags(getenv("KITH_DATE_ORDER"), NULL);
	return when_parse(s, kith_db_now(app->db), flags, w, err);
}

static int
snooze_to(struct app *app, int64_t id, const char *when)
{
	struct kith_err		err = { 0 };
	struct kith_when	w;

	if (form_date(app, when, KITH_DATE_TIME, &w, &err) != KITH_OK ||
	    followup_reschedule(app->db, id, w.date, FOLLOWUP_SNOOZE, &err)
	    != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return 0;
	}
	app_message(app, 0, "snoozed to %s", w.date);
	return 1;
}

static int
snooze_date_submit(struct app *app, struct form *f)
{
	struct kith_err		err = { 0 };
	struct kith_when	w;

	if (form_date(app, form_value(f, 0), KITH_DATE_TIME, &w, &err)
	    != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	return snooze_to(app, form_id(f), w.date) ? KITH_RELOAD : KITH_REDRAW;
}

static int
snooze_pick(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct form	*f;

	(void)ctx;
	if (idx == PICK_CANCEL)
		return 0;
	if (idx == 0)
		return snooze_to(app, id, "tomorrow") ? KITH_RELOAD : KITH_REDRAW;
	if (idx == 1)
		return snooze_to(app, id, "+1w") ? KITH_RELOAD : KITH_REDRAW;
	f = form_new("Snooze until", snooze_date_submit, id);
	form_field(f, "Date", FIELD_TEXT, "");
	form_hint(f, "YYYY-MM-DD, tomorrow, +3d, +2w, +1m, fri");
	app_push(app, form_screen(f));
	return KITH_REDRAW;
}

static int
act_snooze(struct app *app)
{
	static const char *const items[] = { "tomorrow", "+1 week",
	    "pick a date…" };
	const struct alert	*a;
	char			*cut, *title;

	if ((a = sel_alert(app)) == NULL)
		return KITH_REDRAW;
	cut = u8_cut(a->action, 60);
	title = xasprintf("Snooze: %s", cut);
	app_push(app, picker_new(title, items, 3, snooze_pick, a->id, NULL));
	free(title);
	free(cut);
	return KITH_REDRAW;
}

/* ---- the contact form ---------------------------------------------- */

enum {
	CF_NAME, CF_NICK, CF_TITLE, CF_ORG, CF_EMAILS, CF_PHONES, CF_TAGS,
	CF_STREET, CF_CITY, CF_POSTCODE, CF_COUNTRY, CF_WEB, CF_BIRTHDAY,
	CF_NOTES, CF__COUNT
};

/* Splits s at any of seps into trimmed, non-empty items; calls fn on each. */
static void
split_each(const char *s, const char *seps, void (*fn)(struct contact *,
    const char *, const struct contact *), struct contact *c,
    const struct contact *old)
{
	char	*copy, *p, *item, *end;

	if (s == NULL)
		return;
	copy = xstrdup(s);
	for (p = copy; p != NULL; p = end) {
		end = strpbrk(p, seps);
		if (end != NULL)
			*end++ = '\0';
		item = p;
		while (*item == ' ')
			item++;
		for (size_t n = strlen(item); n > 0 && item[n - 1] == ' '; n--)
			item[n - 1] = '\0';
		if (*item != '\0')
			fn(c, item, old);
	}
	free(copy);
}

static void
add_email_kept(struct contact *c, const char *addr, const struct contact *old)
{
	const char	*label = NULL;
	size_t		 i;

	for (i = 0; old != NULL && i < old->n_emails; i++)
		if (strcmp(old->emails[i].addr, addr) == 0)
			label = old->emails[i].label;
	contact_add_email(c, addr, label);
}

static void
add_phone_kept(struct contact *c, const char *raw, const struct contact *old)
{
	const char	*label = NULL;
	size_t		 i;

	for (i = 0; old != NULL && i < old->n_phones; i++)
		if (strcmp(old->phones[i].raw, raw) == 0)
			label = old->phones[i].label;
	contact_add_phone(c, raw, label);
}

static void
add_tag(struct contact *c, const char *tag, const struct contact *old)
{
	(void)old;
	contact_add_tag(c, tag);
}

static void
add_url_kept(struct contact *c, const char *url, const struct contact *old)
{
	const char	*label = NULL;
	size_t		 i;

	for (i = 0; old != NULL && i < old->n_urls; i++)
		if (strcmp(old->urls[i].value, url) == 0)
			label = old->urls[i].key;
	contact_add_url(c, url, label);
}

static char *
join_list(char **items, size_t n, size_t stride, const char *sep)
{
	struct sbuf	sb = { 0 };
	size_t		i;

	for (i = 0; i < n; i++) {
		const char *s = *(char **)((char *)items + i * stride);

		sbuf_printf(&sb, "%s%s", i ? sep : "", s);
	}
	return sbuf_detach(&sb);
}

/*
 * The birthday field into c, read as kith add --birthday reads it; 0 with
 * the form's error set if it is not a date.
 */
static int
birthday_field(struct app *app, struct form *f, struct contact *c)
{
	struct kith_err		 err = { 0 };
	struct kith_when	 w;
	const char		*s = form_value(f, CF_BIRTHDAY);

	if (str_empty(s)) {
		contact_set(&c->birthday, s);
		return 1;
	}
	if (form_date(app, s, KITH_DATE_ABSOLUTE, &w, &err) != KITH_OK) {
		form_error(f, "birthday: %s", err.msg);
		return 0;
	}
	contact_set(&c->birthday, w.date);
	return 1;
}

/*
 * What the contact form keeps from when it opened: the contact as read
 * (so that a change made meanwhile by another kith is seen on saving),
 * and whether its notes are left to $EDITOR.
 */
struct contact_form {
	struct contact	*base;		/* NULL when adding */
	int		 notes_locked;	/* several lines: not in the form */
};

static void
contact_form_free(void *arg)
{
	struct contact_form	*cf = arg;

	if (cf == NULL)
		return;
	contact_free(cf->base);
	free(cf);
}

static int
contact_submit(struct app *app, struct form *f)
{
	struct kith_err		 err = { 0 };
	struct contact		*c, *old = NULL;
	struct contact_address	 addr = { 0 };
	enum kith_status	 st;
	int64_t			 id = form_id(f);
	size_t			 i;
	struct contact_form	*cf = form_ctx(f);
	int			 had_notes_field = !cf->notes_locked;

	if (str_empty(form_value(f, CF_NAME))) {
		form_error(f, "a contact needs a name");
		return 0;
	}
	if (id != 0) {
		if (contact_get(app->db, id, &c, &err) != KITH_OK) {
			form_error(f, "%s", err.msg);
			return 0;
		}
		if (contact_get(app->db, id, &old, &err) != KITH_OK) {
			contact_free(c);
			form_error(f, "%s", err.msg);
			return 0;
		}
	} else
		c = contact_new();
	contact_rename(c, form_value(f, CF_NAME));
	contact_set(&c->nickname, form_value(f, CF_NICK));
	contact_set(&c->title, form_value(f, CF_TITLE));
	contact_set(&c->org, form_value(f, CF_ORG));
	if (!birthday_field(app, f, c)) {
		contact_free(c);
		contact_free(old);
		return 0;
	}
	if (had_notes_field)
		contact_set(&c->notes, form_value(f, CF_NOTES));
	for (i = 0; i < c->n_emails; i++) {
		free(c->emails[i].addr);
		free(c->emails[i].label);
	}
	c->n_emails = 0;
	split_each(form_value(f, CF_EMAILS), ", ;", add_email_kept, c, old);
	for (i = 0; i < c->n_phones; i++) {
		free(c->phones[i].raw);
		free(c->phones[i].label);
	}
	c->n_phones = 0;
	split_each(form_value(f, CF_PHONES), ",;", add_phone_kept, c, old);
	for (i = 0; i < c->n_tags; i++)
		free(c->tags[i]);
	c->n_tags = 0;
	split_each(form_value(f, CF_TAGS), ",", add_tag, c, old);
	for (i = 0; i < c->n_urls; i++) {
		free(c->urls[i].key);
		free(c->urls[i].value);
	}
	c->n_urls = 0;
	split_each(form_value(f, CF_WEB), ", ", add_url_kept, c, old);
	for (i = 0; i < c->n_emails; i++)
		if (!contact_email_valid(c->emails[i].addr)) {
			form_error(f, "'%s' is not an e-mail address",
			    c->emails[i].addr);
			contact_free(c);
			contact_free(old);
			return 0;
		}
	/* The first address is the form's; the others are kept. */
	addr.street = (char *)form_value(f, CF_STREET);
	addr.city = (char *)form_value(f, CF_CITY);
	addr.postcode = (char *)form_value(f, CF_POSTCODE);
	addr.country = (char *)form_value(f, CF_COUNTRY);
	if (c->n_addrs > 0) {
		struct contact_address *a = &c->addrs[0];

		contact_set(&a->street, addr.street);
		contact_set(&a->city, addr.city);
		contact_set(&a->postcode, addr.postcode);
		contact_set(&a->country, addr.country);
	} else if (!str_empty(addr.street) || !str_empty(addr.city) ||
	    !str_empty(addr.postcode) || !str_empty(addr.country))
		contact_add_address(c, &addr);

	st = id != 0 ? contact_save_edit(app->db, cf->base, c, &err) :
	    contact_insert(app->db, c, &err);
	if (st != KITH_OK) {
		form_error(f, "%s", err.msg);
		contact_free(c);
		contact_free(old);
		return 0;
	}
	app_message(app, 0, "%s %s", id ? "saved" : "added", c->display);
	id = c->id;
	contact_free(c);
	contact_free(old);
	app_jump(app, id);
	return KITH_RELOAD | (form_id(f) == 0 ? KITH_RECOUNT : 0);
}

static int
act_contact_form(struct app *app, int edit)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = NULL;
	struct contact_form *cf;
	struct form	*f;
	char		*s;
	int		 multiline_notes = 0;
	const struct contact_address *a = NULL;

	cf = xcalloc(1, sizeof *cf);
	if (edit) {
		if (app_selected(app) == 0) {
			app_message(app, 1, "no contact selected");
			free(cf);
			return KITH_REDRAW;
		}
		if (contact_get(app->db, app_selected(app), &c, &err)
		    != KITH_OK) {
			app_message(app, 1, "%s", err.msg);
			free(cf);
			return KITH_REDRAW;
		}
		a = c->n_addrs > 0 ? &c->addrs[0] : NULL;
		multiline_notes = c->notes != NULL &&
		    strchr(c->notes, '\n') != NULL;
	}
	f = form_new(edit ? "Edit contact" : "Add contact", contact_submit,
	    c ? c->id : 0);
	form_field(f, "Name", FIELD_TEXT, c ? c->display : NULL);
	form_field(f, "Nickname", FIELD_TEXT, c ? c->nickname : NULL);
	form_field(f, "Title", FIELD_TEXT, c ? c->title : NULL);
	form_field(f, "Organisation", FIELD_TEXT, c ? c->org : NULL);
	s = c && c->n_emails ? join_list((char **)(void *)c->emails, c->n_emails,
	    sizeof *c->emails, ", ") : NULL;
	form_field(f, "E-mails", FIELD_TEXT, s);
	free(s);
	s = c && c->n_phones ? join_list((char **)(void *)c->phones, c->n_phones,
	    sizeof *c->phones, ", ") : NULL;
	form_field(f, "Phones", FIELD_TEXT, s);
	free(s);
	s = c && c->n_tags ? join_list(c->tags, c->n_tags, sizeof *c->tags, ", ") : NULL;
	form_field(f, "Tags", FIELD_TEXT, s);
	free(s);
	form_field(f, "Street", FIELD_TEXT, a ? a->street : NULL);
	form_field(f, "City", FIELD_TEXT, a ? a->city : NULL);
	form_field(f, "Postcode", FIELD_TEXT, a ? a->postcode : NULL);
	form_field(f, "Country", FIELD_TEXT, a ? a->country : NULL);
	s = c != NULL && c->n_urls > 0 ? join_list((char **)(void *)
	    &c->urls[0].value, c->n_urls, sizeof *c->urls, " ") : NULL;
	form_field(f, "Web", FIELD_TEXT, s);
	free(s);
	form_field(f, "Birthday", FIELD_TEXT, c ? c->birthday : NULL);
	if (multiline_notes) {
		form_field(f, "Notes", FIELD_TEXT, "(several lines: E edits "
		    "them in $EDITOR)");
		cf->notes_locked = 1;
	} else
		form_field(f, "Notes", FIELD_TEXT, c ? c->notes : NULL);
	form_hint(f, "lists: comma-separated  Tab/Up/Down: field  "
	    "Enter: save  Esc: cancel");
	cf->base = c;		/* the form owns it now */
	form_set_ctx(f, cf, contact_form_free);
	app_push(app, form_screen(f));
	return KITH_REDRAW;
}

/* ---- log, follow-up, link ------------------------------------------ */

static int
log_submit(struct app *app, struct form *f)
{
	struct kith_err		err = { 0 };
	struct kith_when	w;
	char			day[KITH_WHEN_LEN];
	int64_t			id = form_id(f);
	const char		*when = form_value(f, 1);

	if (str_empty(form_value(f, 2))) {
		form_error(f, "what happened? the summary is empty");
		return 0;
	}
	if (!str_empty(when) && form_date(app, when, KITH_DATE_PAST |
	    KITH_DATE_TIME, &w, &err) != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	if (!str_empty(when))
		when_format(&w, day);
	if (interaction_log(app->db, &id, 1, interaction_kinds[form_choice(f, 0)],
	    str_empty(when) ? NULL : day, form_value(f, 2), NULL, NULL, &err)
	    != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	app_message(app, 0, "logged %s", interaction_kinds[form_choice(f, 0)]);
	return KITH_RELOAD;
}

static int
act_log(struct app *app)
{
	struct form	*f;

	if (app_selected(app) == 0) {
		app_message(app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	f = form_new("Log an interaction", log_submit, app_selected(app));
	form_field(f, "Kind", FIELD_CHOICE, NULL);
	form_choices(f, interaction_kinds, KITH_INTERACTION_KIND_COUNT, 0);
	form_field(f, "Date", FIELD_TEXT, "today");
	form_field(f, "Summary", FIELD_TEXT, NULL);
	form_hint(f, "Kind: Left/Right  Date: today, yesterday 9am, mon 14:30, "
	    "24/12  Enter: save");
	app_push(app, form_screen(f));
	return KITH_REDRAW;
}

static int
follow_submit(struct app *app, struct form *f)
{
	struct kith_err		err = { 0 };
	struct kith_when	w;
	const char		*day = w.date;

	if (str_empty(form_value(f, 0))) {
		form_error(f, "what is to be done? the action is empty");
		return 0;
	}
	if (form_date(app, form_value(f, 1), KITH_DATE_TIME, &w, &err)
	    != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	if (followup_add(app->db, form_id(f), form_value(f, 0), day, NULL,
	    &err) != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	app_message(app, 0, "follow-up due %s", day);
	return KITH_RELOAD;
}

static int
act_follow(struct app *app)
{
	struct form	*f;

	if (app_selected(app) == 0) {
		app_message(app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	f = form_new("Add a follow-up", follow_submit, app_selected(app));
	form_field(f, "Action", FIELD_TEXT, NULL);
	form_field(f, "Due", FIELD_TEXT, "tomorrow");
	form_hint(f, "Due: tomorrow, fri, 24/12, next week, in 2 weeks, +3bd, "
	    "eom  Enter: save");
	app_push(app, form_screen(f));
	return KITH_REDRAW;
}

struct link_ctx {
	int64_t			 a, b;
	struct relation_kind	*kinds;
	size_t			 n;
};

static int
link_kind_pick(struct app *app, size_t idx, int64_t id, void *arg)
{
	struct link_ctx	*ctx = arg;
	struct kith_err	 err = { 0 };
	const char	*kind;

	(void)id;
	if (idx == PICK_CANCEL) {
		relation_kinds_free(ctx->kinds, ctx->n);
		free(ctx);
		return 0;
	}
	/* Items list each kind, then each asymmetric kind's inverse. */
	kind = idx < ctx->n ? ctx->kinds[idx].name : NULL;
	if (kind == NULL) {
		size_t i, k = ctx->n;

		for (i = 0; i < ctx->n; i++) {
			if (strcmp(ctx->kinds[i].name, ctx->kinds[i].inverse)
			    == 0)
				continue;
			if (k++ == idx) {
				kind = ctx->kinds[i].inverse;
				break;
			}
		}
	}
	if (kind != NULL && relation_link(app->db, ctx->a, ctx->b, kind, NULL,
	    NULL, &err) != KITH_OK)
		app_message(app, 1, "%s", err.msg);
	else if (kind != NULL)
		app_message(app, 0, "linked: %s", kind);
	relation_kinds_free(ctx->kinds, ctx->n);
	free(ctx);
	return KITH_RELOAD;
}

static int
link_pick_other(struct app *app, size_t idx, int64_t other, void *arg)
{
	struct kith_err	 err = { 0 };
	struct link_ctx	*ctx = xcalloc(1, sizeof *ctx);
	const char	**items;
	size_t		 i, n = 0;
	struct screen	*s;

	if (idx == PICK_CANCEL) {
		free(ctx);
		return 0;
	}
	ctx->a = (int64_t)(intptr_t)arg;
	ctx->b = other;
	if (ctx->a == ctx->b) {
		app_message(app, 1, "a contact cannot be linked to itself");
		free(ctx);
		return KITH_REDRAW;
	}
	if (relation_kinds(app->db, &ctx->kinds, &ctx->n, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		free(ctx);
		return KITH_REDRAW;
	}
	items = xcalloc(ctx->n * 2 + 1, sizeof *items);
	for (i = 0; i < ctx->n; i++)
		items[n++] = ctx->kinds[i].name;
	for (i = 0; i < ctx->n; i++)
		if (strcmp(ctx->kinds[i].name, ctx->kinds[i].inverse) != 0)
			items[n++] = ctx->kinds[i].inverse;
	s = picker_new("The selected contact is … the other",
	    items, n, link_kind_pick, 0, ctx);
	free(items);
	app_push(app, s);
	return KITH_REDRAW;
}

static int
act_link(struct app *app)
{
	char	*cut, *title;

	if (app_selected(app) == 0) {
		app_message(app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	cut = u8_cut(app->rows[app->sel].name, 50);
	title = xasprintf("Link %s to…", cut);
	app_push(app, finder_new(title, link_pick_other, 0,
	    (void *)(intptr_t)app_selected(app)));
	free(title);
	free(cut);
	return KITH_REDRAW;
}

/* ---- archive, delete, notes, import --------------------------------- */

static int
archive_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct kith_err	err = { 0 };
	int		to = (int)(intptr_t)ctx;

	if (idx == PICK_CANCEL)
		return 0;
	if (contact_archive(app->db, id, to, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	app_message(app, 0, "%s", to ? "archived" : "unarchived");
	return KITH_RELOAD | KITH_RECOUNT;
}

static int
act_archive(struct app *app)
{
	char	*cut, *q;
	int	 to;

	if (app_selected(app) == 0)
		return KITH_REDRAW;
	to = !app->rows[app->sel].archived;
	cut = u8_cut(app->rows[app->sel].name, 50);
	q = xasprintf("%s %s? (y/n)", to ? "Archive" : "Unarchive", cut);
	app_push(app, confirm_new(q, archive_yes, app_selected(app),
	    (void *)(intptr_t)to));
	free(q);
	free(cut);
	return KITH_REDRAW;
}

static int
delete_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct kith_err	err = { 0 };

	(void)ctx;
	if (idx == PICK_CANCEL)
		return 0;
	if (contact_delete(app->db, id, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	app_message(app, 0, "deleted");
	return KITH_RELOAD | KITH_RECOUNT;
}

static int
act_delete(struct app *app)
{
	char	*cut, *q;

	if (app_selected(app) == 0)
		return KITH_REDRAW;
	cut = u8_cut(app->rows[app->sel].name, 50);
	q = xasprintf("Delete %s with their follow-ups and relationships? "
	    "(y/n)", cut);
	app_push(app, confirm_new(q, delete_yes, app_selected(app), NULL));
	free(q);
	free(cut);
	return KITH_REDRAW;
}

static int
act_notes(struct app *app)
{
	struct kith_err	 err = { 0 };
	struct contact	*c, *base = NULL;
	const char	*editor;
	char		 path[] = "/tmp/kith-notes-XXXXXX";
	char		*cmd;
	struct sbuf	 sb = { 0 };
	char		 buf[4096];
	size_t		 n;
	FILE		*fp;
	int		 fd, rc;

	if (app_selected(app) == 0)
		return KITH_REDRAW;
	/* base: the contact as read, so a change made meanwhile is seen. */
	if (contact_get(app->db, app_selected(app), &base, &err) != KITH_OK ||
	    contact_get(app->db, app_selected(app), &c, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		contact_free(base);
		return KITH_REDRAW;
	}
	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "w")) == NULL) {
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		app_message(app, 1, "cannot create a temporary file");
		contact_free(base);
		contact_free(c);
		return KITH_REDRAW;
	}
	/* A text file: lines end in a newline, the last one too. */
	if (!str_empty(c->notes))
		fprintf(fp, "%s\n", c->notes);
	fclose(fp);
	if (str_empty(editor = getenv("VISUAL")) &&
	    str_empty(editor = getenv("EDITOR")))
		editor = "vi";
	cmd = xasprintf("%s '%s'", editor, path);
	input_stop();
	def_prog_mode();
	endwin();
	rc = system(cmd);
	reset_prog_mode();
	input_start();
	clearok(curscr, TRUE);
	free(cmd);
	if (rc != 0 || (fp = fopen(path, "r")) == NULL) {
		app_message(app, 1, "the editor failed; notes unchanged");
		unlink(path);
		contact_free(base);
		contact_free(c);
		return KITH_REDRAW;
	}
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sbuf_addn(&sb, buf, n);
	fclose(fp);
	while (sb.len > 0 && sb.s[sb.len - 1] == '\n')
		sb.s[--sb.len] = '\0';
	contact_set(&c->notes, sb.s);
	sbuf_free(&sb);
	kith_db_action(app->db, "edit", NULL);
	if (contact_save_edit(app->db, base, c, &err) != KITH_OK)
		/* Whatever the reason, the user's text stays in its file. */
		app_message(app, 1, "notes not saved, kept in %s: %s", path,
		    err.msg);
	else {
		unlink(path);
		app_message(app, 0, "notes saved");
	}
	contact_free(base);
	contact_free(c);
	return KITH_RELOAD;
}

struct import_ui {
	struct app	*app;
	long long	 last;		/* bytes at the last progress drawn */
	struct sbuf	 sb;		/* the first warnings and rejects */
	int		 n;
};

static void
import_progress(void *arg, long long done, long long total)
{
	struct import_ui *p = arg;
	const struct layout *l = &p->app->lay;
	char		 line[64];
	int		 w, fill, i, y;

	if (total <= 0 || !l->ok)
		return;
	if (done - p->last < total / 200 && done != total)
		return;
	p->last = done;
	w = l->cols - 20;
	if (w < 10)
		w = 10;
	fill = (int)((double)w * (double)done / (double)total);
	y = l->status_y;
	draw_fill(y, 0, l->cols, ROLE_NORMAL);
	mvaddstr(y, 1, "importing [");
	for (i = 0; i < w; i++)
		addch(i < fill ? '#' : '.');
	snprintf(line, sizeof line, "] %3d%%", (int)(100.0 * (double)done /
	    (double)total));
	addstr(line);
	refresh();
}

static void
import_notice(void *arg, enum import_level lvl, const char *file, long line,
    const char *msg)
{
	struct import_ui	*ctx = arg;

	(void)file;
	if (lvl == IMPORT_NOTICE || ++ctx->n > 8)
		return;
	sbuf_printf(&ctx->sb, "line %ld: %s\n", line, msg);
}

static int
import_submit(struct app *app, struct form *f)
{
	struct import_report	 rep = { 0 };
	struct import_opts	 opts = { 0 };
	struct kith_err		 err = { 0 };
	struct import_ui	 ui = { 0 };
	struct sbuf		 sb = { 0 };
	const char		*path = form_value(f, 0);
	enum kith_status	 st;

	if (str_empty(path)) {
		form_error(f, "which file?");
		return 0;
	}
	ui.app = app;
	opts.progress = import_progress;
	opts.notice = import_notice;
	opts.arg = &ui;
	st = import_file(app->db, path, &opts, &rep, &err);
	if (st != KITH_OK) {
		form_error(f, "%s", err.msg);
		import_report_free(&rep);
		sbuf_free(&ui.sb);
		return 0;
	}
	sbuf_printf(&sb, "%s\n\nimported %ld rows: %ld added, %ld merged, "
	    "%ld rejected, %ld possible duplicates\nformat: %s, encoding: %s\n",
	    path, rep.rows, rep.added, rep.merged, rep.rejected, rep.review,
	    rep.format, rep.encoding);
	if (rep.rejects != NULL)
		sbuf_printf(&sb, "\nrejected rows were written to %s\n",
		    rep.rejects);
	if (ui.sb.len > 0)
		sbuf_printf(&sb, "\n%s%s", ui.sb.s, ui.n > 8 ? "...\n" : "");
	if (rep.batch != 0)
		sbuf_printf(&sb, "\nundo with: kith import --undo %lld\n",
		    (long long)rep.batch);
	app_push(app, message_new("Import", sb.s));
	sbuf_free(&sb);
	sbuf_free(&ui.sb);
	import_report_free(&rep);
	return KITH_RELOAD | KITH_RECOUNT;
}

static int
act_import(struct app *app)
{
	struct form	*f;

	f = form_new("Import a CSV file", import_submit, 0);
	form_field(f, "File", FIELD_PATH, NULL);
	form_hint(f, "Tab completes file names  Enter: import  Esc: cancel");
	app_push(app, form_screen(f));
	return KITH_REDRAW;
}

/* ---- the loop ------------------------------------------------------- */

static void
pop_screen(struct app *app)
{
	struct screen	*s = app->stack[--app->depth];

	s->ops->leave(app, s);
}

static void
app_free(struct app *app)
{
	size_t	i;

	while (app->depth > 0)
		pop_screen(app);
	lw_clear(app);
	view_query_free(app->vq);
	app->vq = NULL;
	free_detail(app);
	for (i = 0; i < app->n_alerts; i++) {
		free(app->alerts[i].name);
		free(app->alerts[i].action);
	}
	free(app->alerts);
	free(app->query);
	edit_free(&app->search);
}

/* Midnight, or a change by another process: reload what depends on it. */
static int
tick(struct app *app)
{
	struct kith_err	err = { 0 };
	char		today[KITH_DATE_LEN];
	int64_t		v;
	int		flags = 0;

	if (app->clock_runs)
		kith_db_set_now(app->db, time(NULL) + app->clock_skew);
	date_from_time(kith_db_now(app->db), today);
	if (strcmp(today, app->today) != 0) {
		memcpy(app->today, today, sizeof today);
		flags |= KITH_RELOAD;
	}
	if (view_data_version(app->db, &v, &err) == KITH_OK &&
	    v != app->data_version) {
		app->data_version = v;
		flags |= KITH_RELOAD | KITH_RECOUNT;
	}
	return flags;
}

int
tui_run(struct kith_db *db)
{
	struct sigaction	 sa;
	struct kith_err		 err = { 0 };
	struct app		 app;
	struct input_event	 ev;
	int			 r, flags, dirty = 1, i, busy;
	const char		*exit_after;
	char			*cup;
	long			 keys_left = -1;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "kith: the full-screen interface needs a "
		    "terminal; kith --help lists the commands\n");
		return 1;
	}
	memset(&app, 0, sizeof app);
	app.db = db;
	app.alerts_open = 1;
	app.total_shown = -1;
	app.matches.done = 1;
	edit_init(&app.search, NULL);
	/*
	 * A clock pinned by KITH_NOW (tests) runs on from there while kith
	 * is open, so that a test can watch midnight pass.
	 */
	if (!str_empty(getenv("KITH_NOW"))) {
		app.clock_runs = 1;
		app.clock_skew = kith_db_now(db) - time(NULL);
	}
	date_from_time(kith_db_now(db), app.today);
	view_data_version(db, &app.data_version, &err);
	/* The view's plans read few pages; keep the resident size small. */
	view_cache_size(db, TUI_CACHE_KIB, &err);
	if ((exit_after = getenv("KITH_EXIT_AFTER")) != NULL)
		keys_left = atol(exit_after);

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sigaction(SIGINT, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGHUP, &sa, NULL);
	the_app = &app;
	kith_set_fatal_hook(fatal_hook);
	trace_open();

	if (initscr() == NULL) {
		fprintf(stderr, "kith: cannot initialise the terminal\n");
		app_free(&app);
		return 1;
	}
	/* A terminal that cannot move the cursor (TERM=dumb) shows nothing. */
	if ((cup = tigetstr("cup")) == NULL || cup == (char *)-1) {
		endwin();
		fprintf(stderr, "kith: this terminal (TERM=%s) cannot move the "
		    "cursor, which the full-screen interface needs; "
		    "kith due --days 7 lists what is due\n", termname());
		app_free(&app);
		return 1;
	}
	app.color = draw_init();
	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED |
	    BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	mouseinterval(0);
	input_start();
	layout_compute(&app.lay, LINES, COLS, app.alerts_open, 0);

	/* First paint: the first screenful and the alerts, nothing more. */
	load_alerts(&app);
	layout_compute(&app.lay, LINES, COLS, app.alerts_open,
	    (int)app.n_alerts);
	lw_reload_start(&app);
	load_detail(&app, 1);

	for (;;) {
		if (got_signal)
			break;
		if (dirty && !app.query_dirty) {
			cursor_y = cursor_x = -1;
			if (!app.lay.ok)
				draw_too_small(&app);
			else {
				draw_main(&app);
				for (i = 0; i < app.depth; i++)
					app.stack[i]->ops->draw(&app,
					    app.stack[i]);
			}
			if (cursor_y >= 0) {
				curs_set(1);
				move(cursor_y, cursor_x);
			} else
				curs_set(0);
			wnoutrefresh(stdscr);
			doupdate();
			trace_paint(&app);
			app.first_paint = 1;
			dirty = 0;
		}
		busy = app.query_dirty || !app.total.done ||
		    !app.matches.done || lw_short(&app);
		r = input_read(&ev, busy ? 0 : TICK_MS);
		if (r == INPUT_NONE) {
			if (got_signal)
				break;
			if (app.query_dirty) {
				apply_query(&app);
				dirty = 1;
			} else if (busy) {
				count_step(&app);
				dirty = 1;
			} else if ((flags = tick(&app)) != 0) {
				reload(&app, flags);
				dirty = 1;
			}
			continue;
		}
		trace_key_read();
		if (r == INPUT_KEY && ev.fn && ev.key == KEY_RESIZE) {
			layout_compute(&app.lay, LINES, COLS, app.alerts_open,
			    (int)app.n_alerts);
			if (app.lay.ok) {
				lw_fix_top(&app);
				load_detail(&app, 1);	/* wraps anew */
			}
			dirty = 1;
			continue;
		}
		app.msg[0] = '\0';
		if (r == INPUT_PASTE)
			flags = main_paste(&app, &ev);
		else if (app.depth > 0 && app.lay.ok) {
			struct screen *s = app.stack[app.depth - 1];

			flags = s->ops->handle(&app, s, ev.fn, ev.key);
			if (s->closing && app.stack[app.depth - 1] == s)
				pop_screen(&app);
			else if (s->closing) {
				/* It pushed another screen: pop it below. */
				int j;

				for (j = 0; j < app.depth; j++)
					if (app.stack[j] == s)
						break;
				if (j < app.depth) {
					memmove(&app.stack[j], &app.stack[j + 1],
					    (size_t)(app.depth - j - 1) *
					    sizeof app.stack[0]);
					app.depth--;
					s->ops->leave(&app, s);
				}
			}
		} else
			flags = main_handle(&app, ev.fn, ev.key);
		if (flags & KITH_QUIT)
			break;
		if (flags & KITH_RELOAD) {
			view_data_version(db, &app.data_version, &err);
			reload(&app, flags);
		}
		dirty = 1;
		if (keys_left > 0 && --keys_left == 0)
			break;
	}
	input_stop();
	endwin();
	app_free(&app);
	kith_set_fatal_hook(NULL);
	if (trace_fp != NULL)
		fclose(trace_fp);
	trace_fp = NULL;
	the_app = NULL;
	if (got_signal == SIGINT || got_signal == SIGTERM ||
	    got_signal == SIGHUP) {
		signal(got_signal, SIG_DFL);
		return 128 + got_signal;
	}
	return 0;
}
