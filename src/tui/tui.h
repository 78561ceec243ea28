/* SPDX-License-Identifier: MIT */
/*
 * The full-screen front: the application state shared by its files, the
 * screen vtable, and the entry point that main.c calls for plain "kith".
 *
 * Invariants: the TUI writes no SQL (it calls the core); it never holds
 * more than a window of list rows (WIN_MAX) whatever the size of the
 * address book; only app.c runs the loop, and every screen draws into
 * stdscr from scratch on each frame, followed by one doupdate().
 */
#ifndef KITH_TUI_H
#define KITH_TUI_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>
#include <wchar.h>

#include "kith/clock.h"
#include "kith/view.h"
#include "edit.h"
#include "layout.h"

struct kith_db;
struct contact;
struct app;

/* Runs the TUI on db until the user quits; returns an exit status. */
int	 tui_run(struct kith_db *db);

#define KITH_RECOUNT	0x08	/* contacts added or removed: count again */

/* A screen (after tig's view_ops): the main screen or an overlay. */
struct screen;
struct screen_ops {
	void	(*leave)(struct app *, struct screen *);	/* frees it */
	void	(*draw)(struct app *, struct screen *);
	/* Returns KITH_REDRAW, KITH_RELOAD, KITH_QUIT flags. */
	int	(*handle)(struct app *, struct screen *, int fn, wint_t key);
	/*
	 * Pasted text (UTF-8, line breaks and all), never run as keys;
	 * returns flags as handle() does.  NULL: the screen ignores pastes.
	 */
	int	(*paste)(struct app *, struct screen *, const char *text);
};
struct screen {
	const struct screen_ops	*ops;
	int			 closing;	/* pop it after handle() */
};

enum pane { PANE_LIST, PANE_DETAIL, PANE_ALERTS };

/* An alert: a copy of a pending follow-up due today or earlier. */
struct alert {
	int64_t		 id;
	int64_t		 contact;
	char		*name;		/* NULL if linked to no contact */
	char		*action;
	char		 due[KITH_DATE_LEN];
	long		 late;
};

/* One line of the detail pane. */
struct dline {
	char		*text;
	int		 role;		/* ROLE_* in draw.h */
	int64_t		 jump;		/* contact to jump to, or 0 */
	int64_t		 followup;	/* follow-up on this line, or 0 */
};

#define SCREEN_MAX	8

struct app {
	struct kith_db	*db;
	struct layout	 lay;
	enum pane	 focus;
	int		 alerts_open;
	int		 show_archived;
	int		 color;		/* colours in use (not NO_COLOR) */
	char		 today[KITH_DATE_LEN];
	time_t		 clock_skew;	/* KITH_NOW minus the real time */
	int		 clock_runs;	/* KITH_NOW set: advance it on ticks */
	int64_t		 data_version;

	/* The list: a window of rows onto the query (view.h). */
	struct view_row	*rows;
	size_t		 n;
	size_t		 top, sel;	/* indices into rows */
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

	struct view_count total;	/* every contact, counted in steps */
	int64_t		 total_shown;	/* last complete total, -1 none */
	struct view_count matches;	/* matches of query, in steps */

	/* The detail pane of the selected contact. */
	int64_t		 detail_id;
	struct contact	*contact;
	struct dline	*dlines;
	size_t		 n_dlines;
	size_t		 dsel, dtop;

	/* The alert pane. */
	struct alert	*alerts;
	size_t		 n_alerts;
	size_t		 asel, atop;
	long		 overdue, due_today;

	/* Overlays above the main screen, topmost last. */
	struct screen	*stack[SCREEN_MAX];
	int		 depth;

	char		 msg[256];	/* shown on the status line */
	int		 msg_err;
	int		 first_paint;	/* set after the first doupdate */
};

/* app.c */
void	 app_message(struct app *, int err, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 app_push(struct app *, struct screen *);
void	 app_jump(struct app *, int64_t contact);
int64_t	 app_selected(const struct app *);	/* contact id or 0 */
void	 app_cursor(struct app *, int y, int x);	/* show the cursor there */

/* overlay.c: forms, pickers, confirmations, messages, help, finder. */
struct form;
typedef int	(*form_submit_fn)(struct app *, struct form *);
/* Pick callbacks get PICK_CANCEL as idx when the user cancels. */
#define PICK_CANCEL	((size_t)-1)
typedef int	(*pick_fn)(struct app *, size_t idx, int64_t id, void *ctx);

enum field_kind { FIELD_TEXT, FIELD_CHOICE, FIELD_PATH };

struct form	*form_new(const char *title, form_submit_fn, int64_t id);
void		 form_field(struct form *, const char *label,
		    enum field_kind, const char *value);
void		 form_choices(struct form *, const char *const *choices,
		    size_t n, size_t sel);
void		 form_hint(struct form *, const char *hint);
const char	*form_value(const struct form *, size_t i);
size_t		 form_choice(const struct form *, size_t i);
int64_t		 form_id(const struct form *);
void		 form_error(struct form *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 form_set_ctx(struct form *, void *ctx, void (*free_ctx)(void *));
void		*form_ctx(const struct form *);
struct screen	*form_screen(struct form *);

/* A list to pick from; items are copied. */
struct screen	*picker_new(const char *title, const char *const *items,
		    size_t n, pick_fn, int64_t id, void *ctx);
/* y/n question; on yes, fn(app, 0, id, ctx). */
struct screen	*confirm_new(const char *question, pick_fn, int64_t id,
		    void *ctx);
/* A box of text lines; any key closes it (not the mouse). */
struct screen	*message_new(const char *title, const char *text);
struct screen	*help_new(void);
/* Search for a contact; fn(app, 0, chosen_id, ctx). */
struct screen	*finder_new(const char *title, pick_fn, int64_t id,
		    void *ctx);

/* Completes the file name at the end of e (Tab in a path field). */
void		 complete_path(struct edit *e, char *msg, size_t msgsize);

/* Generic line-edit keys; returns 1 if the key was an editing key. */
int		 edit_key(struct edit *, int fn, wint_t key);

#endif
