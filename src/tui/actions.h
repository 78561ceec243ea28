/* SPDX-License-Identifier: MIT */
/*
 * Every action of the full-screen front, declared once (after tig's
 * request.h): the X-macro below generates the enum, the names (for a
 * future key configuration) and the help text, and the key table in keys.c
 * maps keys onto these actions.  The help screen is built from the same
 * two tables the dispatcher uses, so it cannot drift from behaviour.
 *
 * X(NAME, "name", "help", hint): hint is the short label shown on the
 * status line, or NULL for actions not advertised there.
 */
#ifndef KITH_TUI_ACTIONS_H
#define KITH_TUI_ACTIONS_H

#define KITH_ACTIONS(X)							\
	X(NONE,		"none",		"",				NULL)	\
	X(UP,		"up",		"move up",			NULL)	\
	X(DOWN,		"down",		"move down",			NULL)	\
	X(PAGE_UP,	"page-up",	"move up a page",		NULL)	\
	X(PAGE_DOWN,	"page-down",	"move down a page",		NULL)	\
	X(HALF_UP,	"half-up",	"move up half a page",		NULL)	\
	X(HALF_DOWN,	"half-down",	"move down half a page",	NULL)	\
	X(HOME,		"home",		"go to the first item",		NULL)	\
	X(END,		"end",		"go to the last item",		NULL)	\
	X(NEXT_PANE,	"next-pane",	"next pane (list, contact, alerts)", NULL) \
	X(PREV_PANE,	"prev-pane",	"previous pane",		NULL)	\
	X(OPEN,		"open",		"open the contact; on a relationship or an alert, jump to that person", NULL) \
	X(SEARCH,	"search",	"search as you type (names, organisations, e-mails, phones, tags, notes)", "search") \
	X(CLEAR,	"clear",	"clear the search",		NULL)	\
	X(ADD,		"add",		"add a contact",		"add")	\
	X(EDIT,		"edit",		"edit the contact",		"edit")	\
	X(LOG,		"log",		"log an interaction with the contact", "log") \
	X(FOLLOW,	"follow-up",	"add a follow-up for the contact", "follow-up") \
	X(LINK,		"link",		"link the contact to another (relationship)", "link") \
	X(DONE,		"done",		"mark the selected alert done",	"done")	\
	X(SNOOZE,	"snooze",	"snooze the selected alert (tomorrow, +1 week, a date)", "snooze") \
	X(JUMP,		"jump",		"jump to the selected alert's contact", NULL) \
	X(ALERTS,	"alerts",	"collapse or expand the alert pane", NULL) \
	X(ARCHIVE,	"archive",	"archive or unarchive the contact", NULL) \
	X(DELETE,	"delete",	"delete the contact",		NULL)	\
	X(NOTES,	"notes",	"edit the notes in $EDITOR",	NULL)	\
	X(IMPORT,	"import",	"import a CSV file",		"import") \
	X(ARCHIVED,	"show-archived", "show or hide archived contacts", NULL) \
	X(REDRAW,	"redraw",	"redraw the screen",		NULL)	\
	X(HELP,		"help",		"this help",			"help")	\
	X(QUIT,		"quit",		"quit",				"quit")

enum action {
#define X(id, name, help, hint) ACT_##id,
	KITH_ACTIONS(X)
#undef X
	ACT__COUNT
};

/* Redraw flags returned by handlers (after htop's Action.h). */
#define KITH_REDRAW	0x01	/* repaint the frame */
#define KITH_RELOAD	0x02	/* data changed: reload list, alerts, counts */
#define KITH_QUIT	0x04

#endif
