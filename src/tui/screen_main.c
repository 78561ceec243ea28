/* SPDX-License-Identifier: MIT */
/*
 * The main screen (rolodex.h): header, search line, the contact list,
 * contact and alert panes, drawn from scratch each frame.  Keys go to the
 * search line while it is open; otherwise they are looked up in the
 * focused pane's table, then the screen's, then the global one, so 'd'
 * marks the highlighted alert done only in the alert pane and offers the
 * contact's own follow-ups elsewhere.  The contact pane follows the list's
 * selection, or the highlighted alert's contact while the alert pane has
 * the focus.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kith/contact.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/util.h"
#include "kith/view.h"
#include "act.h"
#include "actions.h"
#include "boardview.h"
#include "complete.h"
#include "draw.h"
#include "keys.h"
#include "rolodex.h"
#include "todayview.h"
#include "tui.h"
#include "utf8.h"

#define DOUBLE_CLICK_MS	400	/* two presses this close: a double click */

static void	main_leave(struct app *, struct screen *);
static void	main_draw(struct app *, struct screen *);
static int	main_handle(struct app *, struct screen *, int, wint_t);
static int	main_paste(struct app *, struct screen *, const char *);
static void	main_resize(struct app *, struct screen *);
static void	main_keymap(struct app *, struct screen *, struct keyscope *);
static void	main_reload(struct app *, struct screen *, int);
static int	main_idle(struct app *, struct screen *);
static void	draw_header(struct rolodex *);
static void	draw_too_small(struct rolodex *);
static int	double_click(const MEVENT *, int);
static int	handle_mouse(struct rolodex *);
static int	move_focused(struct rolodex *, enum action);
static void	search_close(struct rolodex *);
static int	search_complete(struct rolodex *);
static void	search_cycle(struct rolodex *, int);
static int	list_return(struct rolodex *, int64_t);

static const struct screen_ops main_ops = {
	.leave = main_leave,
	.draw = main_draw,
	.handle = main_handle,
	.paste = main_paste,
	.resize = main_resize,
	.keymap = main_keymap,
	.reload = main_reload,
	.idle = main_idle,
};

struct rolodex *
rolodex_new(struct app *app)
{
	struct rolodex	*ro = xcalloc(1, sizeof *ro);

	ro->s.ops = &main_ops;
	ro->app = app;
	ro->db = app->db;
	ro->alerts_open = 1;
	ro->total_shown = -1;
	ro->matches.done = 1;
	edit_init(&ro->search, NULL);
	/*
	 * First paint: the first screenful, nothing more.  The alerts are
	 * the day's review, which reads the whole week's queue; they come
	 * in the first idle step after it (main_idle), the pane saying
	 * "loading" until then.
	 */
	layout_compute(&ro->lay, LINES, COLS, ro->alerts_open, 0);
	ro->alerts_pending = 1;
	list_reload_start(ro);
	rolodex_follow(ro, 1);
	return ro;
}

static void
main_leave(struct app *app, struct screen *s)
{
	struct rolodex	*ro = (struct rolodex *)s;

	(void)app;
	list_clear(ro);
	list_order_free(ro);
	view_query_free(ro->vq);
	detail_free(ro);
	alerts_free(ro);
	free(ro->query);
	edit_free(&ro->search);
	free(ro);
}

/* ---- drawing -------------------------------------------------------- */

static void
main_draw(struct app *app, struct screen *s)
{
	struct rolodex	*ro = (struct rolodex *)s;

	(void)app;
	if (!ro->lay.ok) {
		draw_too_small(ro);
		return;
	}
	erase();
	draw_header(ro);
	list_draw_search(ro);
	list_draw(ro);
	detail_draw(ro);
	alerts_draw(ro);
}

static void
draw_header(struct rolodex *ro)
{
	char	num[32], right[96], left[96];
	int	w;

	draw_fill(ro->lay.header_y, 0, ro->lay.cols, ROLE_HEADER);
	if (ro->total_shown >= 0) {
		u8_thousands(ro->total_shown, num, sizeof num);
		snprintf(left, sizeof left, " kith  %s contact%s%s", num,
		    ro->total_shown == 1 ? "" : "s",
		    ro->show_archived ? " (with archived)" : "");
	} else {
		u8_thousands(ro->total.count, num, sizeof num);
		snprintf(left, sizeof left, " kith  counting… %s", num);
	}
	/* The list's order, when it is not by name. */
	if (ro->by_strength)
		snprintf(left + strlen(left), sizeof left - strlen(left),
		    "  %s", list_order_shown(ro) ? "strongest first" :
		    "ordering by strength…");
	draw_text(ro->lay.header_y, 0, ro->lay.cols, left, ROLE_HEADER, 0);
	snprintf(right, sizeof right, "%s%ld overdue  %ld today ",
	    ro->overdue > 0 ? "! " : "", ro->overdue, ro->due_today);
	w = u8_width(right);
	if (w < ro->lay.cols - u8_width(left))
		draw_text(ro->lay.header_y, ro->lay.cols - w, w, right,
		    ROLE_HEADER, 0);
}

static void
draw_too_small(struct rolodex *ro)
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
	(void)ro;
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
handle_mouse(struct rolodex *ro)
{
	const struct layout	*l = &ro->lay;
	MEVENT			 ev;
	int			 row, dbl;

	if (getmouse(&ev) != OK || !l->ok)
		return 0;
	if (ev.bstate & BUTTON4_PRESSED)
		return rolodex_action(ro, ACT_UP);
#ifdef BUTTON5_PRESSED
	if (ev.bstate & BUTTON5_PRESSED)
		return rolodex_action(ro, ACT_DOWN);
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
			ro->focus = PANE_LIST;
			rolodex_follow(ro, 0);
			if (ro->list.top + (size_t)row < ro->list.n) {
				ro->list.sel = ro->list.top + (size_t)row;
				rolodex_follow(ro, 0);
			}
		} else {
			ro->focus = PANE_DETAIL;
			if (ro->dl.top + (size_t)row < ro->dl.n)
				ro->dl.sel = ro->dl.top + (size_t)row;
		}
	} else if (ro->alerts_open && ev.y > l->alert_y &&
	    ev.y < l->alert_y + l->alert_h) {
		ro->focus = PANE_ALERTS;
		row = ev.y - l->alert_y - 1;
		if (row < layout_alert_items(l, ro->al.n) &&
		    ro->al.top + (size_t)row < ro->al.n)
			ro->al.sel = ro->al.top + (size_t)row;
		rolodex_follow(ro, 0);
	} else if (ev.y == l->search_y)
		return rolodex_action(ro, ACT_SEARCH);
	if (dbl)
		return rolodex_action(ro, ACT_OPEN);
	return KITH_REDRAW;
}

/* ---- keys ----------------------------------------------------------- */

static void
main_keymap(struct app *app, struct screen *s, struct keyscope *sc)
{
	struct rolodex	*ro = (struct rolodex *)s;

	(void)app;
	if (ro->searching) {
		keyscope_add(sc, &keymap_search);
		keyscope_add(sc, &keymap_edit);
		return;
	}
	keyscope_add(sc, ro->focus == PANE_LIST ? &keymap_list :
	    ro->focus == PANE_DETAIL ? &keymap_detail : &keymap_alerts);
	keyscope_add(sc, &keymap_main);
	keyscope_add(sc, &keymap_global);
}

static int
main_handle(struct app *app, struct screen *s, int fn, wint_t key)
{
	struct rolodex	*ro = (struct rolodex *)s;
	struct keyscope	 sc = { { 0 }, 0 };
	enum action	 act;

	if (fn && key == KEY_MOUSE)
		return handle_mouse(ro);
	if (!ro->lay.ok)
		return !fn && key == 'q' ? KITH_QUIT : 0;
	if (ro->searching) {
		act = keymap_lookup(&keymap_search, fn, key);
		if (act != ACT_NONE)
			return rolodex_action(ro, act);
		if (edit_key(&ro->search, fn, key)) {
			ro->query_dirty = 1;
			return KITH_REDRAW;
		}
		return 0;
	}
	main_keymap(app, s, &sc);
	return rolodex_action(ro, keyscope_lookup(&sc, fn, key));
}

/* Pasted text goes into the search line while it is open, else nowhere. */
static int
main_paste(struct app *app, struct screen *s, const char *text)
{
	struct rolodex	*ro = (struct rolodex *)s;

	(void)app;
	if (!ro->searching)
		return 0;
	edit_paste(&ro->search, text);
	ro->query_dirty = 1;
	return KITH_REDRAW;
}

/* Moves in the focused pane. */
static int
move_focused(struct rolodex *ro, enum action act)
{
	size_t	h;

	switch (ro->focus) {
	case PANE_LIST:
		h = ro->lay.body_h > 0 ? (size_t)ro->lay.body_h : 1;
		if (act == ACT_HOME)
			list_reload_start(ro);
		else if (act == ACT_END)
			list_reload_end(ro);
		else if (act == ACT_UP || act == ACT_DOWN)
			list_move(ro, act == ACT_UP ? -1 : 1);
		else {
			long page = listw_page(h);

			if (act == ACT_HALF_UP || act == ACT_HALF_DOWN)
				page = (page + 1) / 2;
			list_move(ro, act == ACT_PAGE_UP ||
			    act == ACT_HALF_UP ? -page : page);
		}
		rolodex_follow(ro, 0);
		break;
	case PANE_DETAIL:
		/* Page keys scroll the sheet, the selection with it. */
		h = (size_t)(ro->lay.body_h > 0 ? ro->lay.body_h : 1);
		if (act == ACT_PAGE_UP || act == ACT_PAGE_DOWN ||
		    act == ACT_HALF_UP || act == ACT_HALF_DOWN) {
			long page = listw_page(h);

			if (act == ACT_HALF_UP || act == ACT_HALF_DOWN)
				page = (page + 1) / 2;
			listw_scroll(&ro->dl, act == ACT_PAGE_UP ||
			    act == ACT_HALF_UP ? -page : page, h);
		} else
			listw_action(&ro->dl, act, h);
		break;
	case PANE_ALERTS:
		listw_action(&ro->al, act, (size_t)layout_alert_items(&ro->lay,
		    ro->al.n));
		rolodex_follow(ro, 0);
		break;
	}
	return KITH_REDRAW;
}

/*
 * Closes the search: the query goes, and the list goes back to the
 * contact selected before the search opened.
 */
static void
search_close(struct rolodex *ro)
{
	int64_t	back = ro->before_search;

	ro->searching = 0;
	ro->query_dirty = 0;
	ro->before_search = 0;
	edit_set(&ro->search, NULL);
	if (ro->query == NULL)
		return;
	free(ro->query);
	ro->query = NULL;
	view_query_free(ro->vq);
	ro->vq = NULL;
	list_restart_counts(ro, 0);
	ro->focus = PANE_LIST;
	if (back == 0 || !list_return(ro, back))
		list_reload_start(ro);
	rolodex_follow(ro, 0);
}

/*
 * Puts the list back on contact id, or where it was if it is hidden now
 * (archived meanwhile) or gone; 0 if it cannot be found at all.
 */
/*
 * Completes the word before the cursor from the name words of the
 * matches the list shows (complete.h); 0 if there is nothing to complete.
 */
static int
search_complete(struct rolodex *ro)
{
	const char	**names;
	char		 *typed, *done, *text;
	size_t		  i, start, cur = ro->search.cur, len;

	start = complete_word_start(ro->search.buf, cur);
	typed = xstrndup(ro->search.buf + start, cur - start);
	names = xreallocarray(NULL, ro->list.n + 1, sizeof *names);
	for (i = 0; i < ro->list.n; i++)
		names[i] = ro->rows[i].name;
	done = complete_word(kith_db_text(ro->db), typed, names, ro->list.n);
	free(names);
	free(typed);
	if (done == NULL)
		return 0;
	len = strlen(done);
	text = xmalloc(start + len + strlen(ro->search.buf + cur) + 1);
	memcpy(text, ro->search.buf, start);
	memcpy(text + start, done, len);
	strcpy(text + start + len, ro->search.buf + cur);
	edit_set(&ro->search, text);
	ro->search.cur = start + len;
	free(text);
	free(done);
	ro->query_dirty = 1;
	return 1;
}

/* The next (dir 1) or previous (-1) match, round past either end. */
static void
search_cycle(struct rolodex *ro, int dir)
{
	if (dir > 0 && ro->at_end && ro->list.sel + 1 >= ro->list.n)
		list_reload_start(ro);
	else if (dir < 0 && ro->at_start && ro->list.sel == 0)
		list_reload_end(ro);
	else
		list_move(ro, dir);
	rolodex_follow(ro, 0);
}

static int
list_return(struct rolodex *ro, int64_t id)
{
	struct kith_err	 err = { 0 };
	unsigned char	*key;
	size_t		 len;
	int		 archived = 0;

	if (view_locate(ro->db, id, &key, &len, &archived, &err) != KITH_OK)
		return 0;
	list_reload_at(ro, key, len, id);
	free(key);
	return 1;
}

int
rolodex_action(struct rolodex *ro, enum action act)
{
	struct app	*app = ro->app;
	struct keyscope	 sc = { { 0 }, 0 };
	const struct dline *d;
	const struct alert *a;

	switch (act) {
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PAGE_UP:
	case ACT_PAGE_DOWN:
	case ACT_HALF_UP:
	case ACT_HALF_DOWN:
	case ACT_HOME:
	case ACT_END:
		return move_focused(ro, act);
	case ACT_NEXT_PANE:
		ro->focus = ro->focus == PANE_LIST ? PANE_DETAIL :
		    ro->focus == PANE_DETAIL && ro->alerts_open ? PANE_ALERTS :
		    PANE_LIST;
		rolodex_follow(ro, 0);
		break;
	case ACT_PREV_PANE:
		ro->focus = ro->focus == PANE_LIST ? (ro->alerts_open ?
		    PANE_ALERTS : PANE_DETAIL) : ro->focus == PANE_ALERTS ?
		    PANE_DETAIL : PANE_LIST;
		rolodex_follow(ro, 0);
		break;
	case ACT_OPEN:
		if (ro->focus == PANE_LIST)
			ro->focus = PANE_DETAIL;
		else if (ro->focus == PANE_DETAIL) {
			d = ro->dl.sel < ro->dl.n ? &ro->dlines[ro->dl.sel] :
			    NULL;
			if (d != NULL && d->jump != 0)
				rolodex_jump(ro, d->jump);
			else
				return detail_open(ro);
		} else if ((a = rolodex_alert(ro)) != NULL && a->contact == 0 &&
		    a->deal != 0)
			return act_deal_show(ro->app, ro->db, a->deal);
		else if (a != NULL)
			rolodex_jump(ro, a->contact);
		break;
	case ACT_JUMP:
		if (rolodex_alert(ro) != NULL)
			rolodex_jump(ro, rolodex_alert(ro)->contact);
		break;
	case ACT_SEARCH:
		if (ro->query == NULL)
			ro->before_search = list_selected(ro);
		ro->searching = 1;
		ro->focus = PANE_LIST;
		break;
	case ACT_SEARCH_KEEP:
		ro->searching = 0;
		ro->focus = PANE_LIST;
		if (str_empty(ro->search.buf))
			search_close(ro);
		break;
	case ACT_SEARCH_CANCEL:
		search_close(ro);
		break;
	case ACT_SEARCH_TAB:
	case ACT_SEARCH_BACK:
		/* Complete the word, else cycle the matches: the search stays. */
		if (ro->query_dirty)
			list_apply_query(ro);
		if (act == ACT_SEARCH_TAB && search_complete(ro))
			break;
		search_cycle(ro, act == ACT_SEARCH_TAB ? 1 : -1);
		break;
	case ACT_CLEAR:
		if (ro->query != NULL || !str_empty(ro->search.buf))
			search_close(ro);
		ro->focus = PANE_LIST;
		rolodex_follow(ro, 0);
		break;
	case ACT_ALERTS:
		ro->alerts_open = !ro->alerts_open;
		if (!ro->alerts_open && ro->focus == PANE_ALERTS)
			ro->focus = PANE_LIST;
		layout_compute(&ro->lay, LINES, COLS, ro->alerts_open,
		    (int)ro->al.n);
		list_fix_top(ro);
		rolodex_follow(ro, 0);
		break;
	case ACT_ALERTS_ALL:
		/* Zoomed, the focus goes to the alerts shown. */
		if (ro->alerts_open == LAYOUT_ALERTS_ZOOM)
			ro->alerts_open = LAYOUT_ALERTS_OPEN;
		else {
			ro->alerts_open = LAYOUT_ALERTS_ZOOM;
			ro->focus = PANE_ALERTS;
		}
		layout_compute(&ro->lay, LINES, COLS, ro->alerts_open,
		    (int)ro->al.n);
		list_fix_top(ro);
		rolodex_follow(ro, 0);
		break;
	case ACT_ARCHIVED:
		ro->show_archived = !ro->show_archived;
		ro->total_shown = -1;
		list_restart_counts(ro, 1);
		list_reload_here(ro);
		rolodex_follow(ro, 0);
		app_message(app, 0, "%s archived contacts",
		    ro->show_archived ? "showing" : "hiding");
		break;
	case ACT_SORT:
		list_order_toggle(ro);
		rolodex_follow(ro, 0);
		break;
	case ACT_DONE:
	case ACT_SNOOZE:
	case ACT_DROP:
		return act_alert(ro, act);
	case ACT_DONE_PICK:
	case ACT_SNOOZE_PICK:
	case ACT_DROP_PICK:
		return act_followup_pick(ro, act);
	case ACT_ADD:
		return act_contact_form(ro, 0);
	case ACT_EDIT:
		return act_contact_form(ro, 1);
	case ACT_LOG:
		return act_log(ro);
	case ACT_FOLLOW:
		return act_follow(ro);
	case ACT_LINK:
		return act_link(ro);
	case ACT_ARCHIVE:
		return act_archive(ro);
	case ACT_DELETE:
		return act_delete(ro);
	case ACT_NOTES:
		return act_notes(ro);
	case ACT_IMPORT:
		return act_import(ro);
	case ACT_UNDO:
		return act_undo(app);
	case ACT_BOARD:
		app_push(app, &boardview_new(app)->s);
		break;
	case ACT_ONEPAGER:
		return act_onepager(ro);
	case ACT_PRINT:
		return act_print(ro);
	case ACT_PATH:
		return act_path(ro);
	case ACT_TODAY:
		app_push(app, &todayview_new(app)->s);
		break;
	case ACT_DUPES:
		app_push(app, dupes_screen_new(app));
		break;
	case ACT_CONFLICT:
		app_push(app, conflict_screen_new(app));
		break;
	case ACT_WHY:
		return act_alert_why(ro);
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		break;
	case ACT_HELP:
		main_keymap(app, &ro->s, &sc);
		app_push(app, help_new(&sc, deal_word(app->db)));
		break;
	case ACT_QUIT:
		return KITH_QUIT;
	default:
		return 0;
	}
	return KITH_REDRAW;
}

/* ---- changes, size, idle work --------------------------------------- */

static void
main_reload(struct app *app, struct screen *s, int flags)
{
	struct rolodex	*ro = (struct rolodex *)s;

	(void)app;
	alerts_load(ro);
	/* The alert pane is as tall as its alerts need (up to a limit). */
	layout_compute(&ro->lay, LINES, COLS, ro->alerts_open,
	    (int)ro->al.n);
	list_restart_counts(ro, (flags & KITH_RECOUNT) != 0);
	list_reload_here(ro);
	list_fix_top(ro);
	rolodex_follow(ro, 1);
}

static void
main_resize(struct app *app, struct screen *s)
{
	struct rolodex	*ro = (struct rolodex *)s;

	(void)app;
	layout_compute(&ro->lay, LINES, COLS, ro->alerts_open,
	    (int)ro->al.n);
	/* Scrolled no further than the selection needs at this size. */
	ro->al.top = 0;
	if (ro->lay.ok) {
		list_fix_top(ro);
		rolodex_follow(ro, 1);	/* wraps anew */
	}
}

/*
 * The search typed since the last frame, then the list's page and the
 * counts, a bounded step at a time; 1 while work remains.
 */
static int
main_idle(struct app *app, struct screen *s)
{
	struct rolodex	*ro = (struct rolodex *)s;

	(void)app;
	if (ro->query_dirty) {
		list_apply_query(ro);
		return 1;
	}
	if (ro->alerts_pending) {
		ro->alerts_pending = 0;
		alerts_load(ro);
		layout_compute(&ro->lay, LINES, COLS, ro->alerts_open,
		    (int)ro->al.n);
		list_reload_here(ro);
		list_fix_top(ro);
		rolodex_follow(ro, 1);
		return 1;
	}
	return list_idle(ro);
}
