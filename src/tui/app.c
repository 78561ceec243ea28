/* SPDX-License-Identifier: MIT */
/*
 * The full-screen front's loop (after htop's ScreenManager.c and ncdu's
 * browser): it owns the terminal, the signals and a stack of screens
 * (screen.h), the main rolodex at the bottom and overlays above it.  Each
 * turn: draw every screen bottom up and the status line if anything
 * changed, then doupdate() once; read a whole key or paste (input.h) with
 * a timeout; give it to the topmost screen and act on the flags it
 * returns.  Idle turns let the screens finish bounded steps of work (the list's page, the counts) and
 * notice midnight and changes made by other kith processes.
 *
 * The status line at the bottom is the loop's: a message when an action
 * left one, otherwise the key bar, generated from the key tables in scope
 * of the topmost screen (keys.h), with help and quit always on it.
 */
#include <curses.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kith/db.h"
#include "kith/util.h"
#include "kith/view.h"
#include "actions.h"
#include "boardview.h"
#include "draw.h"
#include "input.h"
#include "keys.h"
#include "rolodex.h"
#include "terminal.h"
#include "trace.h"
#include "tui.h"
#include "utf8.h"
#include "wrap.h"

#define TICK_MS		1000
#define TUI_CACHE_KIB	4096	/* SQLite page cache of the TUI */

static volatile sig_atomic_t	got_signal;
static volatile sig_atomic_t	got_tstp;	/* Ctrl-Z */

static void	on_signal(int);
static void	on_tstp(int);
static void	suspend(void);
static void	fatal_hook(void);
static void	pop_screen(struct app *);
static void	draw_status(struct app *);
static int	hint_width(const struct keybind *);
static int	draw_hint(int, int, int, const struct keybind *);
static void	draw_keybar(int, int, const struct keyscope *);
static void	paint(struct app *);
static int	tick(struct app *);
static void	reload_all(struct app *, int);
static int	idle_all(struct app *);
static void	app_free(struct app *);
static int	paste(struct app *, const struct input_event *);
static int	run(struct kith_db *, int);

/* Signal handlers only set a flag (calcurse sigs.c). */
static void
on_signal(int sig)
{
	got_signal = sig;
}

static void
on_tstp(int sig)
{
	(void)sig;
	got_tstp = 1;
}

/*
 * Ctrl-Z: stop with the terminal as the shell expects it (bracketed paste
 * off), and on fg take it back: the shell may have turned bracketed paste
 * off meanwhile, and the next frame repaints everything.
 */
static void
suspend(void)
{
	got_tstp = 0;
	input_stop();
	term_suspend();
	input_start();
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
	if (s->ops->enter != NULL)
		s->ops->enter(app, s);
}

void
app_cursor(struct app *app, int y, int x)
{
	app->cursor_y = y;
	app->cursor_x = x;
}

enum kith_status
app_date(struct app *app, const char *s, unsigned flags,
    struct kith_when *w, struct kith_err *err)
{
	flags |= date_order_flags(getenv("KITH_DATE_ORDER"), NULL);
	return when_parse(s, kith_db_now(app->db), flags, w, err);
}

struct screen *
app_below(struct app *app, struct screen *s)
{
	int	i;

	for (i = 1; i < app->depth; i++)
		if (app->stack[i] == s)
			return app->stack[i - 1];
	return NULL;
}

/* Pops the topmost screen; the one below it is on top again. */
static void
pop_screen(struct app *app)
{
	struct screen	*s = app->stack[--app->depth], *top;

	s->ops->leave(app, s);
	top = app->depth > 0 ? app->stack[app->depth - 1] : NULL;
	if (top != NULL && top->ops->enter != NULL)
		top->ops->enter(app, top);
}

/* The cells a key bar item takes: "key label  ". */
static int
hint_width(const struct keybind *b)
{
	char	keyname[32];

	keys_name(b->fn, b->key, keyname, sizeof keyname);
	return u8_width(keyname) + 1 + u8_width(action_hint(b->act)) + 2;
}

/* Draws one key bar item at x; returns the x after it. */
static int
draw_hint(int y, int x, int cols, const struct keybind *b)
{
	char	keyname[32];

	keys_name(b->fn, b->key, keyname, sizeof keyname);
	x += draw_text(y, x, cols - x, keyname, ROLE_HINTKEY, 0);
	x += 1;
	x += draw_text(y, x, cols - x, action_hint(b->act), ROLE_NORMAL, 0);
	return x + 2;
}

/*
 * The key bar: key and label of each action of the scope that has a hint,
 * innermost table first, each action once, by its first key that is not
 * shadowed; help and quit are kept room for at the end, so they show at
 * any width kith runs at.
 */
static void
draw_keybar(int y, int cols, const struct keyscope *sc)
{
	const struct keybind	*b, *tail[2] = { NULL, NULL };
	unsigned char		 seen[ACT__COUNT];
	int			 x = 1, reserve = 0, k;
	size_t			 i, j;

	memset(seen, 0, sizeof seen);
	for (i = 0; i < sc->n; i++)
		for (j = 0; j < sc->maps[i]->n; j++) {
			b = &sc->maps[i]->binds[j];
			k = b->act == ACT_QUIT;
			if ((b->act == ACT_HELP || b->act == ACT_QUIT) &&
			    tail[k] == NULL && keyscope_find(sc, b->fn, b->key)
			    == b) {
				tail[k] = b;
				reserve += hint_width(b);
				seen[b->act] = 1;
			}
		}
	for (i = 0; i < sc->n; i++)
		for (j = 0; j < sc->maps[i]->n; j++) {
			b = &sc->maps[i]->binds[j];
			if (action_hint(b->act) == NULL || seen[b->act] ||
			    keyscope_find(sc, b->fn, b->key) != b)
				continue;
			seen[b->act] = 1;
			if (x + hint_width(b) + reserve <= cols)
				x = draw_hint(y, x, cols, b);
		}
	for (k = 0; k < 2; k++)
		if (tail[k] != NULL)
			x = draw_hint(y, x, cols, tail[k]);
}

/*
 * The status line: a message, or the key bar of the topmost screen.  A
 * message too long for one line is wrapped at spaces (wrap.h) onto the
 * lines above, over the bottom of the screens, up to half the screen;
 * only a message longer than that is cut, its last line ending in "…".
 */
static void
draw_status(struct app *app)
{
	struct screen		*top = app->stack[app->depth - 1];
	struct keyscope		 sc = { { 0 }, 0 };
	struct wrap_line	*wl;
	size_t			 n, i, max;
	char			*line;
	int			 y = LINES - 1;
	enum role		 r = app->msg_err ? ROLE_ERROR : ROLE_NAME;

	if (app->msg[0] != '\0') {
		n = wrap_text(app->msg, COLS - 2, &wl);
		max = LINES > 6 ? (size_t)LINES / 2 : 1;
		if (n > max)
			n = max;
		for (i = 0; i < n; i++) {
			y = LINES - (int)n + (int)i;
			draw_fill(y, 0, COLS, ROLE_NORMAL);
			/* The last line shown takes the rest, cut with "…". */
			line = i + 1 == n ? xstrdup(app->msg + wl[i].off) :
			    xstrndup(app->msg + wl[i].off, wl[i].len);
			draw_text_cut(y, 1, COLS - 2, line, r, 0);
			free(line);
		}
		free(wl);
		if (n > 0)
			return;
	}
	draw_fill(y, 0, COLS, ROLE_NORMAL);
	if (top->ops->keymap != NULL)
		top->ops->keymap(app, top, &sc);
	draw_keybar(y, COLS, &sc);
}

/* Every screen from the bottom up, the status line, one doupdate(). */
static void
paint(struct app *app)
{
	int	i, bottom = 0;

	app->cursor_y = app->cursor_x = -1;
	/* From the topmost screen that covers the whole screen (the board). */
	for (i = app->depth - 1; i > 0 && bottom == 0; i--)
		if (app->stack[i]->opaque)
			bottom = i;
	if (!app->ro->lay.ok)
		bottom = 0;
	app->stack[bottom]->ops->draw(app, app->stack[bottom]);
	if (app->ro->lay.ok) {
		for (i = bottom + 1; i < app->depth; i++)
			app->stack[i]->ops->draw(app, app->stack[i]);
		draw_status(app);
	}
	if (app->cursor_y >= 0) {
		curs_set(1);
		move(app->cursor_y, app->cursor_x);
	} else
		curs_set(0);
	wnoutrefresh(stdscr);
	doupdate();
	trace_paint(!app->first_paint);
	app->first_paint = 1;
}

/* Midnight, or a change by another process: what needs reloading. */
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

static void
reload_all(struct app *app, int flags)
{
	int	i;

	for (i = 0; i < app->depth; i++)
		if (app->stack[i]->ops->reload != NULL)
			app->stack[i]->ops->reload(app, app->stack[i], flags);
}

/* One step of idle work on each screen that has some; 1 if more remains. */
static int
idle_all(struct app *app)
{
	int	i, more = 0;

	for (i = 0; i < app->depth; i++)
		if (app->stack[i]->ops->idle != NULL &&
		    app->stack[i]->ops->idle(app, app->stack[i]))
			more = 1;
	return more;
}

/*
 * Pasted text goes to the topmost screen, into the field being edited;
 * a screen without one drops it: a paste is never run as keys.
 */
static int
paste(struct app *app, const struct input_event *ev)
{
	struct screen	*s = app->stack[app->depth - 1];
	int		 flags = 0;

	if (s->ops->paste != NULL && app->ro->lay.ok)
		flags = s->ops->paste(app, s, ev->text);
	if (ev->dropped > 0)
		app_message(app, 1, "pasted text cut at %d KiB: the last %zu "
		    "bytes were left out", INPUT_PASTE_MAX / 1024, ev->dropped);
	return flags | KITH_REDRAW;
}

static void
app_free(struct app *app)
{
	while (app->depth > 0)
		pop_screen(app);
}

int
tui_run(struct kith_db *db)
{
	return run(db, 0);
}

int
tui_run_board(struct kith_db *db)
{
	return run(db, 1);
}

/* The loop; board: start on the pipeline board above the rolodex. */
static int
run(struct kith_db *db, int board)
{
	struct sigaction	 sa, old_tstp;
	struct kith_err		 err = { 0 };
	struct app		 app;
	struct screen		*s;
	struct input_event	 ev;
	int			 r, flags, dirty = 1, busy = 1, j;
	const char		*exit_after;
	char			 note[300];
	long			 keys_left = -1;

	if (!isatty(STDIN_FILENO) || !isatty(STDOUT_FILENO)) {
		fprintf(stderr, "kith: the full-screen interface needs a "
		    "terminal; kith --help lists the commands\n");
		return 1;
	}
	memset(&app, 0, sizeof app);
	app.db = db;
	app.cursor_y = app.cursor_x = -1;
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
	sigaction(SIGQUIT, &sa, NULL);	/* the terminal given back */
	/* Ctrl-Z, unless started without job control (SIGTSTP ignored). */
	if (sigaction(SIGTSTP, NULL, &old_tstp) == 0 &&
	    old_tstp.sa_handler != SIG_IGN) {
		sa.sa_handler = on_tstp;
		sigaction(SIGTSTP, &sa, NULL);
	}
	kith_set_fatal_hook(fatal_hook);
	trace_open();

	if ((app.color = term_open(note, sizeof note)) < 0) {
		fprintf(stderr, "%s\n", note);
		return 1;
	}
	if (note[0] != '\0')
		app_message(&app, 1, "%s", note);
	input_start();

	app.ro = rolodex_new(&app);
	app_push(&app, &app.ro->s);
	if (board)
		app_push(&app, &boardview_new(&app)->s);

	for (;;) {
		if (got_signal)
			break;
		if (got_tstp) {
			suspend();
			busy = dirty = 1;
		}
		/* While typing a search, paint once the keys stop coming. */
		if (dirty && !app.ro->query_dirty) {
			paint(&app);
			dirty = 0;
		}
		r = input_read(&ev, busy ? 0 : TICK_MS);
		if (r == INPUT_NONE) {
			if (got_signal)
				break;
			if (got_tstp)
				continue;
			if (busy) {
				busy = idle_all(&app);
				dirty = 1;
			} else if ((flags = tick(&app)) != 0) {
				reload_all(&app, flags);
				busy = dirty = 1;
			}
			continue;
		}
		trace_key_read();
		/*
		 * The terminal is raw (term_modes): Ctrl-C, Ctrl-Z and
		 * Ctrl-\ reach kith as keys, not signals, so that the same
		 * bytes inside a paste are only text.  Typed, Ctrl-C quits
		 * and Ctrl-Z suspends, as their signals did; Ctrl-\ does
		 * nothing.
		 */
		if (r == INPUT_KEY && !ev.fn && ev.key == CTRL('C')) {
			got_signal = SIGINT;
			break;
		}
		if (r == INPUT_KEY && !ev.fn && ev.key == CTRL('Z')) {
			got_tstp = 1;
			continue;
		}
		if (r == INPUT_KEY && !ev.fn && ev.key == CTRL('\\'))
			continue;
		if (r == INPUT_KEY && ev.fn && ev.key == KEY_RESIZE) {
			for (j = 0; j < app.depth; j++)
				if (app.stack[j]->ops->resize != NULL)
					app.stack[j]->ops->resize(&app,
					    app.stack[j]);
			busy = dirty = 1;
			continue;
		}
		app.msg[0] = '\0';
		/* Below the minimum size only the main screen takes keys. */
		s = app.ro->lay.ok ? app.stack[app.depth - 1] : app.stack[0];
		if (r == INPUT_PASTE)
			flags = paste(&app, &ev);
		else
			flags = s->ops->handle(&app, s, ev.fn, ev.key);
		if (s->closing && app.stack[app.depth - 1] == s)
			pop_screen(&app);
		else if (s->closing) {
			/* It pushed another screen: take it out below. */
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
		if (flags & KITH_QUIT)
			break;
		if (flags & KITH_RELOAD) {
			view_data_version(db, &app.data_version, &err);
			reload_all(&app, flags);
		}
		busy = dirty = 1;
		if (keys_left > 0 && --keys_left == 0)
			break;
	}
	input_stop();
	term_close();
	app_free(&app);
	kith_set_fatal_hook(NULL);
	trace_close();
	if (got_signal == SIGINT || got_signal == SIGTERM ||
	    got_signal == SIGHUP || got_signal == SIGQUIT) {
		signal(got_signal, SIG_DFL);
		return 128 + got_signal;
	}
	return 0;
}
