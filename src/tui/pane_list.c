/* SPDX-License-Identifier: MIT */
/*
 * The contact list pane of the main screen: a window of at most WIN_MAX
 * rows onto a keyset-paged query (view.h).  Moving past either end of the
 * window fetches the next page in that direction and drops rows far from
 * the selection, so memory does not grow with the address book.  Idle
 * steps (list_idle) complete a short window (a query's pages stop on a
 * budget of STEP_US) and count contacts a chunk at a time (a query's count
 * first builds its set, a budget at a time).  The search line above the
 * list belongs to it too.
 *
 * Strongest first (S), the window is onto the order of strength_order.h
 * instead: ids and scores of every match, built in idle steps (the name
 * order shows meanwhile, the header saying so), each row read by id as
 * the window reaches it; the rows then show the strength before the name.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/db.h"
#include "kith/standing.h"
#include "kith/strength_order.h"
#include "kith/util.h"
#include "kith/view.h"
#include "draw.h"
#include "rolodex.h"
#include "tui.h"
#include "utf8.h"

#define WIN_MAX		600	/* rows of the list kept in memory */
#define COUNT_CHUNK	25000	/* rowids examined per idle count step */
#define QCOUNT_CHUNK	1500	/* rows read per step of a match count */
#define STEP_US		3000	/* most a page or count step of a query
				   takes before it returns what it has */
#define ORDER_US	8000	/* most a step building the order takes */
#define SCORE_W		4	/* "100 " before the name, strongest first */

static size_t	page_rows(const struct rolodex *);
static size_t	lw_fetch(struct rolodex *, const unsigned char *, size_t,
		    int64_t, int, size_t, int);
static int	lw_fill(struct rolodex *);
static void	lw_trim(struct rolodex *);
static struct view_query *list_query(struct rolodex *);
static size_t	order_fetch(struct rolodex *, const unsigned char *, int,
		    size_t);
static void	order_drop(struct list_order *);
static void	order_restart(struct rolodex *);
static int	order_idle(struct rolodex *);

static size_t
page_rows(const struct rolodex *ro)
{
	size_t	h = ro->lay.body_h > 0 ? (size_t)ro->lay.body_h : 20;

	return h * 2 + 16;
}

void
list_clear(struct rolodex *ro)
{
	view_rows_free(ro->rows, ro->list.n);
	ro->rows = NULL;
	ro->list.n = ro->list.top = ro->list.sel = 0;
	ro->at_start = ro->at_end = 0;
	free(ro->anchor);
	ro->anchor = NULL;
	ro->anchor_len = 0;
	ro->anchor_id = 0;
	ro->order_base = 0;
}

/*
 * Fetches up to limit rows from (key, id) in direction dir and adds them
 * after the window (dir > 0) or before it (dir < 0).  inclusive: the row
 * (key, id) itself may come first.  Returns the rows added.  Fewer than
 * limit mark that end of the list reached, unless the query stopped on its
 * budget: lw_fill then goes on when idle.
 */
static size_t
lw_fetch(struct rolodex *ro, const unsigned char *key, size_t key_len,
    int64_t id, int dir, size_t limit, int inclusive)
{
	struct kith_err		 err = { 0 };
	struct view_query	*q;
	struct view_row		*got;
	size_t			 n, i;

	if (list_order_shown(ro))
		return order_fetch(ro, key, dir, limit);
	if (inclusive && key != NULL)
		id--;
	if ((q = list_query(ro)) == NULL || view_query_page(q, key, key_len,
	    id, dir, limit, &got, &n, &err) != KITH_OK) {
		if (q != NULL)
			app_message(ro->app, 1, "%s", err.msg);
		if (dir > 0)
			ro->at_end = 1;
		else
			ro->at_start = 1;
		return 0;
	}
	if (n < limit && !view_query_more(q)) {
		if (dir > 0)
			ro->at_end = 1;
		else
			ro->at_start = 1;
	}
	if (n == 0) {
		view_rows_free(got, 0);
		return 0;
	}
	ro->rows = xreallocarray(ro->rows, ro->list.n + n, sizeof *ro->rows);
	if (dir > 0) {
		memcpy(ro->rows + ro->list.n, got, n * sizeof *got);
	} else {
		memmove(ro->rows + n, ro->rows, ro->list.n * sizeof *ro->rows);
		for (i = 0; i < n; i++)		/* got is nearest first */
			ro->rows[n - 1 - i] = got[i];
		if (ro->list.n > 0) {
			ro->list.top += n;
			ro->list.sel += n;
		}
	}
	ro->list.n += n;
	free(got);	/* the rows' strings now belong to the window */
	return n;
}

/* A screenful first, for the paint; lw_fill loads the rest when idle. */
void
list_reload_start(struct rolodex *ro)
{
	list_clear(ro);
	ro->at_start = 1;
	lw_fetch(ro, NULL, 0, 0, 1, ro->lay.body_h > 0 ?
	    (size_t)ro->lay.body_h : 1, 0);
}

/* Whether the window is short of a page and not at both ends. */
int
list_short(const struct rolodex *ro)
{
	return ro->list.n < page_rows(ro) && !(ro->at_start && ro->at_end);
}

/*
 * One step of completing a short window (after a first screenful, or a
 * fetch that stopped on the query's budget): on from its last row, else
 * back from its first; an empty window from its anchor.  1 if it fetched.
 */
static int
lw_fill(struct rolodex *ro)
{
	size_t		 want = page_rows(ro), was = ro->list.n;
	struct view_row	*v;

	if (!list_short(ro))
		return 0;
	if (!ro->at_end) {
		if ((v = ro->list.n > 0 ? &ro->rows[ro->list.n - 1] : NULL) != NULL)
			lw_fetch(ro, v->key, v->key_len, v->id, 1,
			    want - ro->list.n, 0);
		else
			lw_fetch(ro, ro->anchor, ro->anchor_len,
			    ro->anchor_id, 1, want, 1);
		return 1;
	}
	if ((v = ro->list.n > 0 ? &ro->rows[0] : NULL) != NULL)
		lw_fetch(ro, v->key, v->key_len, v->id, -1, want - ro->list.n, 0);
	else
		lw_fetch(ro, ro->anchor, ro->anchor_len, ro->anchor_id, -1,
		    want, 0);
	if (was == 0)		/* select the row nearest the anchor */
		ro->list.sel = ro->list.n > 0 ? ro->list.n - 1 : 0;
	list_fix_top(ro);
	return 1;
}

void
list_reload_end(struct rolodex *ro)
{
	list_clear(ro);
	ro->at_end = 1;
	lw_fetch(ro, NULL, 0, 0, -1, page_rows(ro), 0);
	ro->list.sel = ro->list.n > 0 ? ro->list.n - 1 : 0;
	list_fix_top(ro);
}

/* Loads the window around position (key, id), selecting it or the next. */
void
list_reload_at(struct rolodex *ro, const unsigned char *key, size_t key_len,
    int64_t id)
{
	size_t	before, half = page_rows(ro) / 2;
	size_t	rows_above, n;

	/* Strongest first: at id's place, or where the selection was. */
	if (list_order_shown(ro) && !strength_order_find(
	    ro->order_shown.o, id, &ro->order_anchor)) {
		strength_order_ranks(ro->order_shown.o, &n);
		ro->order_anchor = ro->list.sel < ro->list.n ?
		    ro->order_base + ro->list.sel : 0;
		if (ro->order_anchor > n)
			ro->order_anchor = n;
	}
	list_clear(ro);
	ro->anchor = xmalloc(key_len + 1);
	memcpy(ro->anchor, key, key_len);
	ro->anchor_len = key_len;
	ro->anchor_id = id;
	lw_fetch(ro, key, key_len, id, 1, half + 1, 1);
	before = lw_fetch(ro, key, key_len, id, -1, half, 0);
	ro->list.sel = before;
	if (ro->list.sel >= ro->list.n && ro->list.n > 0)
		ro->list.sel = ro->list.n - 1;
	/* Keep the selection where it was on screen when possible. */
	rows_above = ro->lay.body_h > 0 ? (size_t)ro->lay.body_h / 3 : 0;
	ro->list.top = ro->list.sel > rows_above ? ro->list.sel - rows_above : 0;
	list_fix_top(ro);
}

/* Reloads the window where the selection is (after a change). */
void
list_reload_here(struct rolodex *ro)
{
	struct kith_err	 err = { 0 };
	unsigned char	*key = NULL;
	size_t		 len = 0;
	int64_t		 id;

	if (ro->list.sel >= ro->list.n) {
		list_reload_start(ro);
		return;
	}
	id = ro->rows[ro->list.sel].id;
	if (view_locate(ro->db, id, &key, &len, NULL, &err) == KITH_OK) {
		list_reload_at(ro, key, len, id);
		free(key);
		return;
	}
	/* Gone: reopen at its old place, on the contact after it. */
	key = xmalloc(ro->rows[ro->list.sel].key_len + 1);
	len = ro->rows[ro->list.sel].key_len;
	memcpy(key, ro->rows[ro->list.sel].key, len);
	list_reload_at(ro, key, len, id);
	free(key);
}

/* Keeps the selection on screen and the screen's rows loaded. */
void
list_fix_top(struct rolodex *ro)
{
	size_t	h = ro->lay.body_h > 0 ? (size_t)ro->lay.body_h : 1;

	if (ro->list.sel < ro->list.top)
		ro->list.top = ro->list.sel;
	if (ro->list.sel >= ro->list.top + h)
		ro->list.top = ro->list.sel - h + 1;
	if (ro->list.top + h > ro->list.n && !ro->at_end && ro->list.n > 0)
		lw_fetch(ro, ro->rows[ro->list.n - 1].key,
		    ro->rows[ro->list.n - 1].key_len, ro->rows[ro->list.n - 1].id,
		    1, page_rows(ro), 0);
	/* At the end of the list, fill the screen from above. */
	if (ro->list.top + h > ro->list.n && ro->at_end) {
		if (ro->list.n < ro->list.top + h && ro->list.top > 0) {
			size_t want = ro->list.top + h - ro->list.n;

			if (ro->list.top < want && !ro->at_start)
				lw_fetch(ro, ro->rows[0].key,
				    ro->rows[0].key_len, ro->rows[0].id, -1,
				    want, 0);
			ro->list.top = ro->list.n > h ? ro->list.n - h : 0;
		}
	}
	lw_trim(ro);
}

/* Drops rows far from the screen so the window stays under WIN_MAX. */
static void
lw_trim(struct rolodex *ro)
{
	size_t	h = ro->lay.body_h > 0 ? (size_t)ro->lay.body_h : 1;
	size_t	lo, hi, keep = WIN_MAX;

	if (ro->list.n <= WIN_MAX)
		return;
	lo = ro->list.top > (keep - h) / 2 ? ro->list.top - (keep - h) / 2 : 0;
	hi = lo + keep;
	if (hi > ro->list.n) {
		hi = ro->list.n;
		lo = hi - keep;
	}
	if (hi < ro->list.n) {
		view_rows_free(ro->rows + hi, ro->list.n - hi);
		ro->at_end = 0;
	}
	if (lo > 0) {
		for (size_t i = 0; i < lo; i++) {
			free(ro->rows[i].name);
			free(ro->rows[i].org);
			free(ro->rows[i].key);
		}
		memmove(ro->rows, ro->rows + lo, (hi - lo) * sizeof *ro->rows);
		ro->order_base += lo;
		ro->at_start = 0;
		ro->list.top -= lo;
		ro->list.sel -= lo;
	}
	ro->list.n = hi - lo;
}

/* Moves the selection by delta rows, fetching across the window's ends. */
void
list_move(struct rolodex *ro, long delta)
{
	long	target = (long)ro->list.sel + delta;

	while (target >= (long)ro->list.n && !ro->at_end && ro->list.n > 0) {
		size_t before = ro->list.n;
		lw_fetch(ro, ro->rows[ro->list.n - 1].key,
		    ro->rows[ro->list.n - 1].key_len, ro->rows[ro->list.n - 1].id, 1,
		    page_rows(ro), 0);
		if (ro->list.n == before)
			break;
	}
	while (target < 0 && !ro->at_start && ro->list.n > 0) {
		size_t got = lw_fetch(ro, ro->rows[0].key,
		    ro->rows[0].key_len, ro->rows[0].id, -1, page_rows(ro), 0);
		if (got == 0)
			break;
		target += (long)got;
	}
	if (target >= (long)ro->list.n)
		target = (long)ro->list.n - 1;
	if (target < 0)
		target = 0;
	ro->list.sel = (size_t)target;
	list_fix_top(ro);
}

/*
 * The list's query, compiled on first use after the query, the archived
 * setting or the data changed (list_restart_counts drops it); NULL with the
 * message shown if it cannot be compiled.
 */
static struct view_query *
list_query(struct rolodex *ro)
{
	struct kith_err	err = { 0 };

	if (ro->vq == NULL && view_query_new(ro->db, ro->query,
	    ro->show_archived, &ro->vq, &err) != KITH_OK)
		app_message(ro->app, 1, "%s", err.msg);
	if (ro->vq != NULL)
		view_query_set_budget(ro->vq, 0, STEP_US);
	return ro->vq;
}

/*
 * Starts the counts again, and drops the compiled query: every caller has
 * changed the query, the archived setting or the data.  total: the
 * whole-book count as well.
 */
void
list_restart_counts(struct rolodex *ro, int total)
{
	view_query_free(ro->vq);
	ro->vq = NULL;
	if (total)
		memset(&ro->total, 0, sizeof ro->total);
	memset(&ro->matches, 0, sizeof ro->matches);
	ro->matches.done = ro->query == NULL;
	order_restart(ro);
}

/*
 * One bounded step of idle work, the list's page then whichever count is
 * unfinished; 1 if work remains.
 */
int
list_idle(struct rolodex *ro)
{
	struct kith_err		 err = { 0 };
	struct view_query	*q;

	if (lw_fill(ro))
		return 1;
	if (order_idle(ro))
		return 1;
	if (!ro->matches.done) {
		if ((q = list_query(ro)) == NULL)
			ro->matches.done = 1;
		else if (view_query_count_step(q, &ro->matches, QCOUNT_CHUNK,
		    &err) != KITH_OK) {
			ro->matches.done = 1;
			app_message(ro->app, 1, "%s", err.msg);
		}
	} else if (!ro->total.done) {
		if (view_count_step(ro->db, NULL, ro->show_archived,
		    &ro->total, COUNT_CHUNK, &err) != KITH_OK) {
			ro->total.done = 1;
			app_message(ro->app, 1, "%s", err.msg);
		}
		if (ro->total.done)
			ro->total_shown = ro->total.count;
	}
	return list_short(ro) || !ro->matches.done || !ro->total.done;
}

/* A query typed on from the last one starts from its matches. */
void
list_apply_query(struct rolodex *ro)
{
	struct kith_err		 err = { 0 };
	struct view_query	*old = ro->vq;
	int64_t			 v;

	/* Narrowing needs the old matches to be the database's still. */
	if (old != NULL && (view_data_version(ro->db, &v, &err) != KITH_OK ||
	    v != ro->app->data_version)) {
		view_query_free(old);
		old = NULL;
	}
	free(ro->query);
	ro->query = str_empty(ro->search.buf) ? NULL :
	    xstrdup(ro->search.buf);
	ro->query_dirty = 0;
	ro->vq = NULL;		/* kept from list_restart_counts */
	list_restart_counts(ro, 0);
	ro->order_next.top = 1;	/* strongest first: the strongest match */
	if (old != NULL && view_query_narrow(old, ro->query, &ro->vq,
	    &err) != KITH_OK)
		app_message(ro->app, 1, "%s", err.msg);
	view_query_free(old);
	list_reload_start(ro);
	rolodex_follow(ro, 0);
}

void
list_draw_search(struct rolodex *ro)
{
	char	num[32], info[64];
	int	y = ro->lay.search_y, col, w, iw;

	draw_fill(y, 0, ro->lay.cols, ROLE_NORMAL);
	if (!ro->searching && str_empty(ro->search.buf)) {
		draw_text(y, 1, ro->lay.cols - 2, "/ search", ROLE_DIM, 0);
		return;
	}
	info[0] = '\0';
	if (ro->query != NULL) {
		u8_thousands(ro->matches.count, num, sizeof num);
		snprintf(info, sizeof info, "  %s%s match%s", num,
		    ro->matches.done ? "" : "+",
		    ro->matches.count == 1 && ro->matches.done ? "" : "es");
	}
	iw = u8_width(info);
	mvaddstr(y, 1, "/ ");
	w = ro->lay.cols - 3 - iw - 1;
	col = edit_view(&ro->search, w);
	draw_text(y, 3, w, ro->search.buf + ro->search.scroll, ROLE_NAME, 0);
	draw_text(y, ro->lay.cols - iw - 1, iw, info, ROLE_DIM, 0);
	if (ro->searching && ro->app->depth == 1)
		app_cursor(ro->app, y, 3 + col);
}

void
list_draw(struct rolodex *ro)
{
	const struct layout	*l = &ro->lay;
	struct kith_err		 err = { 0 };
	struct standing		 st;
	const char		*word;
	size_t			 i, n;
	int			 y, x, ww;

	if (ro->list.n == 0) {
		draw_text(l->body_y, 1, l->list_w - 1, list_short(ro) ?
		    "searching…" : ro->query ? "no contact matches" :
		    "no contacts yet: a adds one, i imports a file", ROLE_DIM,
		    0);
	}
	for (y = 0; y < l->body_h; y++) {
		enum role	 r = ROLE_NORMAL;
		struct view_row	*v;

		i = ro->list.top + (size_t)y;
		if (i >= ro->list.n)
			break;
		v = &ro->rows[i];
		if (i == ro->list.sel)
			r = ro->focus == PANE_LIST ? ROLE_SELECT :
			    ROLE_SELECT_DIM;
		draw_fill(l->body_y + y, l->list_x, l->list_w, r);
		if (v->overdue)
			draw_text(l->body_y + y, l->list_x, 1, "!",
			    r == ROLE_SELECT ? r : ROLE_OVERDUE, 0);
		x = l->list_x + l->mark_w;
		if (list_order_shown(ro)) {
			const struct strength_rank *sr = strength_order_ranks(
			    ro->order_shown.o, &n);
			char	num[8];

			snprintf(num, sizeof num, "%3d", ro->order_base + i <
			    n ? sr[ro->order_base + i].score : 0);
			draw_text(l->body_y + y, x, SCORE_W - 1, num,
			    r == ROLE_NORMAL ? ROLE_DIM : r, 0);
			draw_text(l->body_y + y, x + SCORE_W, l->name_w -
			    SCORE_W, v->name, r, 0);
		} else
			draw_text(l->body_y + y, x, l->name_w, v->name, r, 0);
		x += l->name_w + 1;
		/* A cadence due or overdue: its word, yellow or red. */
		word = "";
		if (standing_get(ro->db, v->id, &st, &err) == KITH_OK)
			word = standing_word(&st);
		ww = (int)strlen(word);
		if (ww > 0 && ww < l->org_w)
			draw_text(l->body_y + y, x + l->org_w - ww, ww, word,
			    r != ROLE_NORMAL ? r : st.cadence ==
			    KITH_CADENCE_OVERDUE ? ROLE_OVERDUE : ROLE_TODAY,
			    0);
		else
			ww = -1;
		draw_text(l->body_y + y, x, l->org_w - ww - 1, v->archived ?
		    "(archived)" : v->org, r == ROLE_NORMAL ? ROLE_DIM : r, 0);
	}
	draw_vline(l->body_y, l->sep_x, l->body_h);
}

int64_t
list_selected(const struct rolodex *ro)
{
	return ro->list.sel < ro->list.n ? ro->rows[ro->list.sel].id : 0;
}

/* ---- strongest first ------------------------------------------------ */

int
list_order_shown(const struct rolodex *ro)
{
	const struct list_order	*o = &ro->order_shown;

	if (!ro->by_strength || o->o == NULL || o->archived !=
	    ro->show_archived)
		return 0;
	if (o->query == NULL || ro->query == NULL)
		return o->query == ro->query;
	return strcmp(o->query, ro->query) == 0;
}

/*
 * lw_fetch from the order: after the window (dir > 0) or before it, or
 * with an empty window from its anchor (key set: on from the anchor, or
 * back from before it) or from an end (key NULL).
 */
static size_t
order_fetch(struct rolodex *ro, const unsigned char *key, int dir,
    size_t limit)
{
	const struct strength_rank	*r;
	struct kith_err			 err = { 0 };
	struct view_row			*got;
	size_t				 total, from, n = 0, i;
	int				 found;

	r = strength_order_ranks(ro->order_shown.o, &total);
	if (ro->list.n > 0)
		from = dir > 0 ? ro->order_base + ro->list.n : ro->order_base;
	else if (key != NULL)
		from = ro->order_anchor;
	else
		from = dir > 0 ? 0 : total;
	if (from > total)
		from = total;
	if (dir > 0 && from + limit > total)
		limit = total - from;
	else if (dir < 0 && limit > from)
		limit = from;
	got = xreallocarray(NULL, limit + 1, sizeof *got);
	for (n = 0; n < limit; n++) {
		i = dir > 0 ? from + n : from - 1 - n;
		memset(&got[n], 0, sizeof got[n]);
		found = 0;
		if (view_row_get(ro->db, r[i].id, 1, &got[n], &found, &err)
		    != KITH_OK)
			app_message(ro->app, 1, "%s", err.msg);
		if (!found) {	/* gone since the order was built */
			got[n].id = r[i].id;
			got[n].name = xstrdup("(deleted)");
			got[n].key = xmalloc(1);
		}
	}
	if (dir > 0 && from + n >= total)
		ro->at_end = 1;
	if (dir < 0 && from - n == 0)
		ro->at_start = 1;
	if (ro->list.n == 0)
		ro->order_base = dir > 0 ? from : from - n;
	else if (dir < 0)
		ro->order_base -= n;
	if (n == 0) {
		free(got);
		return 0;
	}
	ro->rows = xreallocarray(ro->rows, ro->list.n + n, sizeof *ro->rows);
	if (dir > 0)
		memcpy(ro->rows + ro->list.n, got, n * sizeof *got);
	else {
		memmove(ro->rows + n, ro->rows, ro->list.n * sizeof *ro->rows);
		for (i = 0; i < n; i++)		/* got is nearest first */
			ro->rows[n - 1 - i] = got[i];
		if (ro->list.n > 0) {
			ro->list.top += n;
			ro->list.sel += n;
		}
	}
	ro->list.n += n;
	free(got);
	return n;
}

static void
order_drop(struct list_order *o)
{
	strength_order_free(o->o);
	free(o->query);
	memset(o, 0, sizeof *o);
}

/* Strongest first asked for: the order of the list as it is now, anew. */
static void
order_restart(struct rolodex *ro)
{
	struct kith_err		 err = { 0 };
	struct list_order	*o = &ro->order_next;

	order_drop(o);
	if (!ro->by_strength)
		return;
	if (strength_order_new(ro->db, ro->query, ro->show_archived, &o->o,
	    &err) != KITH_OK) {
		app_message(ro->app, 1, "%s", err.msg);
		return;
	}
	o->query = ro->query != NULL ? xstrdup(ro->query) : NULL;
	o->archived = ro->show_archived;
}

/*
 * One step of building the order; once built, it replaces the one shown
 * and the list goes to the selected contact in it.  1 if it worked.
 */
static int
order_idle(struct rolodex *ro)
{
	struct kith_err	 err = { 0 };
	int64_t		 sel;
	int		 done = 0;

	if (ro->order_next.o == NULL)
		return 0;
	if (strength_order_step(ro->order_next.o, ORDER_US, &done, &err) !=
	    KITH_OK) {
		app_message(ro->app, 1, "%s", err.msg);
		order_drop(&ro->order_next);
		return 1;
	}
	if (!done)
		return 1;
	sel = ro->order_next.top ? 0 : list_selected(ro);
	order_drop(&ro->order_shown);
	ro->order_shown = ro->order_next;
	memset(&ro->order_next, 0, sizeof ro->order_next);
	if (list_order_shown(ro) && sel != 0)
		list_reload_at(ro, (const unsigned char *)"", 0, sel);
	else
		list_reload_start(ro);
	rolodex_follow(ro, 0);
	return 1;
}

void
list_order_toggle(struct rolodex *ro)
{
	struct kith_err	 err = { 0 };
	unsigned char	*key;
	size_t		 len;
	int64_t		 sel = list_selected(ro);

	ro->by_strength = !ro->by_strength;
	if (ro->by_strength) {
		order_restart(ro);	/* the name order shows meanwhile */
		return;
	}
	order_drop(&ro->order_shown);
	order_drop(&ro->order_next);
	if (sel != 0 && view_locate(ro->db, sel, &key, &len, NULL, &err) ==
	    KITH_OK) {
		list_reload_at(ro, key, len, sel);
		free(key);
	} else
		list_reload_start(ro);
}

void
list_order_free(struct rolodex *ro)
{
	order_drop(&ro->order_shown);
	order_drop(&ro->order_next);
}
