/* SPDX-License-Identifier: MIT */
/*
 * Undo in the TUI: u takes back the changes made on this screen, newest
 * first, through the core's journal (journal.h): the one the status line
 * offered, whatever another process (kith done from cron, a colleague's
 * kith log) changed since.  Past those, it takes back the book's most
 * recent change not undone yet, after asking, naming it, since it was not
 * made here.  Undoing an import removes what it added, so it asks first,
 * naming it.  Also the two helpers every action uses to name its journal
 * entry and to say what it did.
 */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/journal.h"
#include "kith/util.h"
#include "act.h"
#include "tui.h"

#define UNDO_LOOK	200	/* journal entries read to find the next undo */

static int	undo_one(struct app *, int64_t);
static int	undo_yes(struct app *, size_t, int64_t, void *);

void
act_name(struct app *app, const char *command, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	kith_db_vactionf(app->db, command, fmt, ap);
	va_end(ap);
}

void
act_said(struct app *app, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	int64_t	 id;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	app_message(app, 0, "%s. u to undo", s);
	free(s);
	/* The change just said is the one u takes back. */
	id = journal_last_recorded(app->db);
	if (id == 0 || (app->n_own > 0 && app->own[app->n_own - 1] == id))
		return;
	if (app->n_own == sizeof app->own / sizeof app->own[0]) {
		memmove(app->own, app->own + 1, (app->n_own - 1) *
		    sizeof app->own[0]);
		app->n_own--;
	}
	app->own[app->n_own++] = id;
}

static int
undo_one(struct app *app, int64_t id)
{
	struct kith_err		err = { 0 };
	struct journal_entry	done = { 0 };

	if (journal_undo(app->db, id, &done, &err) != KITH_OK) {
		app_message(app, 1, "cannot undo: %s", err.msg);
		return KITH_REDRAW;
	}
	app_message(app, 0, "Undone: %s. u again undoes the change before it",
	    done.label != NULL ? done.label : done.command);
	journal_entry_clear(&done);
	return KITH_RELOAD | KITH_RECOUNT;
}

static int
undo_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	(void)ctx;
	if (idx == PICK_CANCEL)
		return 0;
	return undo_one(app, id);
}

int
act_undo(struct app *app)
{
	struct kith_err		 err = { 0 };
	struct journal_entry	*e = NULL, *pick = NULL;
	size_t			 n = 0, i;
	int64_t			 target, batch;
	char			*q;
	int			 r, own = 0;

	if (journal_list(app->db, UNDO_LOOK, &e, &n, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	/* The newest change made here that is still in effect. */
	while (pick == NULL && app->n_own > 0) {
		app->n_own--;
		for (i = 0; i < n; i++)
			if (e[i].id == app->own[app->n_own] &&
			    e[i].undoable && e[i].undone_by == 0)
				pick = &e[i];
	}
	own = pick != NULL;
	/* Else the change kith undo would take back (journal.h). */
	if (pick == NULL && journal_undo_target(app->db, 0, &target, &batch,
	    &err) == KITH_OK)
		for (i = 0; pick == NULL && i < n; i++)
			if (e[i].id == target)
				pick = &e[i];
	if (pick == NULL) {
		app_message(app, 0, "nothing to undo");
		r = KITH_REDRAW;
	} else if (pick->command != NULL && strcmp(pick->command, "import") ==
	    0) {
		q = xasprintf("Undo the import \"%s\", removing what it added? "
		    "(y/N)", pick->label != NULL ? pick->label : "");
		app_push(app, confirm_new(q, undo_yes, pick->id, NULL));
		free(q);
		r = KITH_REDRAW;
	} else if (!own) {
		q = xasprintf("Undo \"%s\" (change %lld, not made here)? "
		    "(y/N)", pick->label != NULL ? pick->label :
		    pick->command, (long long)pick->id);
		app_push(app, confirm_new(q, undo_yes, pick->id, NULL));
		free(q);
		r = KITH_REDRAW;
	} else
		r = undo_one(app, pick->id);
	journal_entries_free(e, n);
	return r;
}
