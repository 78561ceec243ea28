/* SPDX-License-Identifier: MIT */
/*
 * The actions of the main screen, by subject: follow-ups
 * (act_followups.c), contacts (act_contacts.c), interactions
 * (act_interactions.c), import (act_import.c) and undo (act_undo.c).
 * Each acts on what the user sees selected (rolodex_contact(),
 * rolodex_alert()), calls the core, names its journal action so
 * `kith undo --list` and `u` say what it was, and says on the status line
 * what it did, naming the contact and the item.  Each returns the redraw
 * flags of actions.h.
 */
#ifndef KITH_TUI_ACT_H
#define KITH_TUI_ACT_H

#include <stdint.h>

#include "actions.h"
#include "kith/clock.h"
#include "kith/status.h"

struct rolodex;
struct app;
struct kith_db;

/* act_followups.c */
int	 act_alert(struct rolodex *, enum action);	/* DONE, SNOOZE, DROP */
int	 act_followup_pick(struct rolodex *, enum action); /* *_PICK */
int	 act_follow(struct rolodex *);

/* act_contacts.c */
int	 act_contact_form(struct rolodex *, int edit);
int	 act_link(struct rolodex *);
int	 act_archive(struct rolodex *);
int	 act_delete(struct rolodex *);
int	 act_notes(struct rolodex *);

/* act_interactions.c */
int	 act_log(struct rolodex *);

/* act_path.c: P, how you know the contact. */
int	 act_path(struct rolodex *);

/* act_import.c */
int	 act_import(struct rolodex *);

/*
 * act_deals.c: opens deal id's sheet in the pager, from wherever a deal
 * is named (a card of the board, a deal line of the contact pane, a
 * deal's alert).
 */
int	 act_deal_show(struct app *, struct kith_db *, int64_t id);

/* act_report.c: the contact's one-page sheet, to a file or a printer. */
int	 act_onepager(struct rolodex *);
int	 act_print(struct rolodex *);

/* act_today.c: why the highlighted alert ranks where it does. */
int	 act_alert_why(struct rolodex *);

/* act_undo.c: the main screen and the board alike. */
int	 act_undo(struct app *);

/*
 * Names the next write's journal action (journal.h) and, once it is
 * done, says it on the status line with ". u to undo".
 */
void	 act_name(struct app *, const char *command, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
void	 act_said(struct app *, const char *fmt, ...)
	    __attribute__((format(printf, 2, 3)));

#endif
