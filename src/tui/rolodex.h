/* SPDX-License-Identifier: MIT */
/*
 * The main screen, the rolodex: a screen (screen.h) with three panes, the
 * contact list (pane_list.c), the contact pane (pane_detail.c) and the
 * alert pane (pane_alerts.c), under a header and a search line and above
 * the key bar (screen_main.c).  Tab and Shift-Tab move the focus list →
 * contact → alerts; keys go to the focused pane's table first, then the
 * screen's, then the global one (keys.h).
 *
 * The actions (act_*.c) read what the user sees selected through
 * rolodex_contact() and rolodex_alert() (rolodex.c), never through another
 * route, so a key acts only on what is highlighted where the user is
 * looking.
 */
#ifndef KITH_TUI_ROLODEX_H
#define KITH_TUI_ROLODEX_H

#include <stddef.h>
#include <stdint.h>

#include "kith/clock.h"
#include "kith/view.h"
#include "edit.h"
#include "layout.h"
#include "listw.h"
#include "screen.h"

struct app;
struct contact;
struct kith_db;
struct keyscope;
struct review;

enum pane { PANE_LIST, PANE_DETAIL, PANE_ALERTS };

/*
 * An alert: an item of the week's review (pane_alerts.c), with a copy of
 * its follow-up when it is one.
 */
struct alert {
	int		 kind;		/* enum review_kind */
	size_t		 item;		/* its index in rolodex.review */
	char		 key[40];	/* the review's key: "cadence:12" */
	int		 role;		/* ROLE_* of its line (draw.h) */
	int64_t		 id;		/* the follow-up's id, 0: no follow-up */
	int64_t		 contact;
	int64_t		 deal;		/* its deal, or 0 */
	char		*name;		/* the contact's, or "deal: title" for
					   a deal's with no contact; NULL if
					   linked to neither */
	char		*action;	/* the follow-up's, or what is owed */
	char		 due[KITH_DATE_LEN];
	char		 due_time[KITH_TIME_LEN]; /* "HH:MM", "" all day */
	long		 late;		/* days late; negative: days ahead */
};

/* What Enter does on a line of the contact pane besides a jump. */
enum dline_kind {
	DLINE_TEXT,	/* the pager shows full (or text) */
	DLINE_NOTES,	/* a line of the notes: the pager shows them all */
	DLINE_MORE,	/* "+N more fields": shows them in place */
	DLINE_HEAD	/* a heading or blank: the pager shows the sheet */
};

/* One line of the contact pane. */
struct dline {
	char		*text;
	int		 role;		/* ROLE_* in draw.h */
	int64_t		 jump;		/* contact to jump to, or 0 */
	int64_t		 followup;	/* follow-up on this line, or 0 */
	int64_t		 deal;		/* deal Enter opens, or 0 */
	enum dline_kind	 kind;
	char		*full;		/* its item in full, NULL: text */
};

struct rolodex {
	struct screen	 s;
	struct app	*app;
	struct kith_db	*db;
	struct layout	 lay;
	enum pane	 focus;
	int		 alerts_open;	/* LAYOUT_ALERTS_* */
	int		 alerts_pending;	/* loaded after the first paint */
	int		 show_archived;

	/* The list: a window of rows onto the query (view.h). */
	struct view_row	*rows;
	struct listw	 list;		/* n, sel, top: indices into rows */
	int		 at_start, at_end; /* rows[0] / rows[n-1] are the ends */
	unsigned char	*anchor;	/* while rows is empty: the window's
					   place (NULL: the ends) ... */
	size_t		 anchor_len;
	int64_t		 anchor_id;	/* ... and its id, itself included */
	struct edit	 search;	/* the search line being typed */
	int		 searching;	/* keys go to the search line */
	int		 query_dirty;	/* search changed, not yet applied */
	char		*query;		/* the query applied, or NULL */
	struct view_query *vq;		/* query compiled, NULL until used */
	int64_t		 before_search;	/* selected when the search opened */

	/*
	 * The list strongest first (S, strength_order.h): shown is the
	 * order the rows come from while it was built for the query and
	 * archived setting applied (else the rows are in name order); next
	 * is built in idle steps after a change and then replaces it.
	 */
	int		 by_strength;	/* the user asked for it */
	struct list_order {
		struct strength_order *o;
		char		*query;	/* built for this query ... */
		int		 archived; /* ... and this setting */
		int		 top;	/* once built, select its first
					   row (a new query), not the
					   contact selected */
	}		 order_shown, order_next;
	size_t		 order_base;	/* rows[0]'s place in the order */
	size_t		 order_anchor;	/* while rows is empty: its place */

	struct view_count total;	/* every contact, counted in steps */
	int64_t		 total_shown;	/* last complete total, -1 none */
	struct view_count matches;	/* matches of query, in steps */

	/* The contact pane: the contact it shows. */
	int64_t		 detail_id;
	struct contact	*contact;
	struct dline	*dlines;
	struct listw	 dl;
	int		 custom_open;	/* every custom field shown */

	/* The alert pane. */
	struct review	*review;	/* the week's, in rank order */
	struct alert	*alerts;	/* one per item of review */
	struct listw	 al;
	long		 overdue, due_today;	/* follow-ups (the header) */
	long		 owed_late, owed_today;	/* alerts red, yellow */
	long		 upcoming;	/* alerts ahead in the week */
};

/* screen_main.c: the screen, its keys and the dispatch of actions. */
struct rolodex	*rolodex_new(struct app *);
int		 rolodex_action(struct rolodex *, enum action);

/* rolodex.c: the selection, read by the actions. */
/* The contact the actions act on: the one the contact pane shows. */
int64_t		 rolodex_contact(const struct rolodex *);
/* Its name as the list shows it ("" if none); valid until the next call. */
const char	*rolodex_contact_name(const struct rolodex *);
/* The highlighted alert, only while the alert pane has the focus. */
const struct alert *rolodex_alert(const struct rolodex *);
/* Selects contact id in the list, leaving a search it is not in. */
void		 rolodex_jump(struct rolodex *, int64_t id);
/* The contact pane shows what the focused pane has selected. */
void		 rolodex_follow(struct rolodex *, int force);

/* pane_list.c: the contact list, a keyset-paged window. */
void		 list_clear(struct rolodex *);
void		 list_reload_start(struct rolodex *);
void		 list_reload_end(struct rolodex *);
void		 list_reload_here(struct rolodex *);
void		 list_reload_at(struct rolodex *, const unsigned char *key,
		    size_t key_len, int64_t id);
void		 list_move(struct rolodex *, long delta);
void		 list_fix_top(struct rolodex *);
int		 list_short(const struct rolodex *);
int64_t		 list_selected(const struct rolodex *);	/* 0 if none */
void		 list_restart_counts(struct rolodex *, int total);
int		 list_idle(struct rolodex *);
void		 list_apply_query(struct rolodex *);
void		 list_draw(struct rolodex *);
void		 list_draw_search(struct rolodex *);
/*
 * S: name order or strongest first, the selection kept on its contact;
 * strongest first is built when idle (list_idle), the name order shown
 * until it is ready.
 */
void		 list_order_toggle(struct rolodex *);
/* Whether the rows are strongest first (0: in name order). */
int		 list_order_shown(const struct rolodex *);
/* Free the orders (the screen's leave). */
void		 list_order_free(struct rolodex *);

/* pane_detail.c: the contact pane. */
void		 detail_load(struct rolodex *, int64_t id, int force);
void		 detail_free(struct rolodex *);
void		 detail_draw(struct rolodex *);
/*
 * Enter on the selected line that is no relationship: expands the
 * collapsed custom fields, or opens the pager on the line's full text
 * (the notes, the interaction, the whole sheet on a heading).
 */
int		 detail_open(struct rolodex *);

/* pane_alerts.c: the alert pane. */
void		 alerts_load(struct rolodex *);
void		 alerts_free(struct rolodex *);
void		 alerts_draw(struct rolodex *);

#endif
