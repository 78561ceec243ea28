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
#include "screen.h"

struct kith_db;
struct contact;
struct app;
struct rolodex;
struct keyscope;

/* Runs the TUI on db until the user quits; returns an exit status. */
int	 tui_run(struct kith_db *db);
/* The same, starting on the pipeline board (kith board). */
int	 tui_run_board(struct kith_db *db);

#define KITH_RECOUNT	0x08	/* contacts added or removed: count again */

#define SCREEN_MAX	8

/* The application: the terminal's stack of screens and what they share. */
struct app {
	struct kith_db	*db;
	int		 color;		/* colours in use (not NO_COLOR) */
	char		 today[KITH_DATE_LEN];
	time_t		 clock_skew;	/* KITH_NOW minus the real time */
	int		 clock_runs;	/* KITH_NOW set: advance it on ticks */
	int64_t		 data_version;

	/* stack[0] is the main screen; overlays above it, topmost last. */
	struct screen	*stack[SCREEN_MAX];
	int		 depth;
	struct rolodex	*ro;		/* the main screen, stack[0] */

	/* The changes made here, newest last: what u takes back first. */
	int64_t		 own[32];
	size_t		 n_own;

	char		 msg[1024];	/* shown on the status line */
	int		 msg_err;
	int		 cursor_y, cursor_x;	/* -1: no cursor */
	int		 first_paint;	/* set after the first doupdate */
};

/* app.c */
void	 app_message(struct app *, int err, const char *, ...)
	    __attribute__((format(printf, 3, 4)));
void	 app_push(struct app *, struct screen *);
void	 app_cursor(struct app *, int y, int x);	/* show the cursor there */
/*
 * A date typed in a form, read as the command line reads it (clock.h) on
 * the book's clock, in the order of day and month of KITH_DATE_ORDER or the
 * locale; flags as for when_parse().
 */
enum kith_status app_date(struct app *, const char *, unsigned flags,
		    struct kith_when *, struct kith_err *);
/* The screen below s on the stack, NULL for the bottom one. */
struct screen *app_below(struct app *, struct screen *s);

/*
 * The overlays, one file each: screen_form.c, screen_picker.c,
 * screen_confirm.c, screen_textbox.c (messages, help), screen_finder.c.
 */
struct form;
typedef int	(*form_submit_fn)(struct app *, struct form *);
/* Pick callbacks get PICK_CANCEL as idx when the user cancels. */
#define PICK_CANCEL	((size_t)-1)
typedef int	(*pick_fn)(struct app *, size_t idx, int64_t id, void *ctx);

/*
 * FIELD_PATH: a file name; Tab completes it, "~" is the home folder.
 * The date kinds show beside the field, as the user types, the date the
 * text reads as ("-> Tue 8 Dec 2026") or why it is none, with the flags
 * the form's submit function gives when_parse (clock.h):
 * FIELD_DATE a day ahead, a time allowed (due dates, snoozing);
 * FIELD_DATE_PAST a day behind, a time allowed (when something happened);
 * FIELD_BIRTHDAY a date written out, perhaps without its year.
 */
enum field_kind {
	FIELD_TEXT, FIELD_CHOICE, FIELD_PATH, FIELD_DATE, FIELD_DATE_PAST,
	FIELD_BIRTHDAY
};

struct form	*form_new(const char *title, form_submit_fn, int64_t id);
void		 form_field(struct form *, const char *label,
		    enum field_kind, const char *value);
void		 form_choices(struct form *, const char *const *choices,
		    size_t n, size_t sel);
void		 form_hint(struct form *, const char *hint);
/* Field i holds several lines (notes): a paste keeps its line breaks. */
void		 form_lines(struct form *, size_t i);
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
/* Selects item idx of a picker (before it is shown). */
void		 picker_select(struct screen *, size_t idx);
/* y/n question; on yes, fn(app, 0, id, ctx). */
struct screen	*confirm_new(const char *question, pick_fn, int64_t id,
		    void *ctx);
/* The same, but Enter says yes ("(Y/n)"): for an offer that changes nothing. */
struct screen	*confirm_yes_new(const char *question, pick_fn, int64_t id,
		    void *ctx);
/*
 * A box of text lines; a character closes it, a function key or the mouse
 * does not.
 */
struct screen	*message_new(const char *title, const char *text);
/* The keys of sc; word ("deal" or "matter", deal_word) for "deal". */
struct screen	*help_new(const struct keyscope *sc, const char *word);
/*
 * screen_dupes.c: the likely duplicate pairs (M), merged field by field;
 * screen_conflict.c: the conflict checks (C).
 */
struct screen	*dupes_screen_new(struct app *);
struct screen	*conflict_screen_new(struct app *);
/* screen_pager.c: text wrapped to the screen, to scroll through. */
struct screen	*pager_new(const char *title, const char *text);
/* Search for a contact; fn(app, 0, chosen_id, ctx). */
struct screen	*finder_new(const char *title, pick_fn, int64_t id,
		    void *ctx);

#endif
