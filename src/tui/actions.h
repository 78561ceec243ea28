/* SPDX-License-Identifier: MIT */
/*
 * Every action of the full-screen front, declared once (after tig's
 * request.h): the X-macro below generates the enum, the names (for a
 * future key configuration) and the help text.  Which key runs which
 * action depends on where the user is: keys.c has one key table per scope
 * (a pane, a screen, everywhere), and the help overlay and the key bar are
 * built from the tables in scope, so they cannot drift from behaviour.
 *
 * X(NAME, "name", "help", hint): hint is the short label shown on the
 * key bar, or NULL for actions not advertised there.
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
	X(OPEN,		"open",		"open the selected item",	NULL)	\
	X(SEARCH,	"search",	"search as you type (names, organisations, e-mails, phones, tags, notes)", "search") \
	X(CLEAR,	"clear",	"clear the search",		NULL)	\
	X(SEARCH_KEEP,	"search-keep",	"keep the search and go to the list", "keep") \
	X(SEARCH_CANCEL, "search-cancel", "close the search and go back to the contact selected before it", "cancel") \
	X(SEARCH_TAB,	"search-complete", "complete the word from the names shown; nothing more to complete: the next match (round to the first)", "complete") \
	X(SEARCH_BACK,	"search-prev",	"the previous match (round to the last)", NULL) \
	X(ADD,		"add",		"add a contact",		"add")	\
	X(EDIT,		"edit",		"edit the contact",		"edit")	\
	X(LOG,		"log",		"log an interaction with the contact", "log") \
	X(FOLLOW,	"follow-up",	"add a follow-up for the contact", "follow-up") \
	X(LINK,		"link",		"link the contact to another (relationship)", "link") \
	X(DONE,		"done",		"mark the highlighted follow-up done", "done") \
	X(SNOOZE,	"snooze",	"snooze the highlighted follow-up (tomorrow, +1 week, a date)", "snooze") \
	X(DROP,		"drop",		"drop the highlighted follow-up (asks first)", "drop") \
	X(DONE_PICK,	"done-pick",	"mark one of the contact's follow-ups done (pick it from a list)", "done") \
	X(SNOOZE_PICK,	"snooze-pick",	"snooze one of the contact's follow-ups", NULL) \
	X(DROP_PICK,	"drop-pick",	"drop one of the contact's follow-ups (asks first)", NULL) \
	X(JUMP,		"jump",		"show the highlighted alert's contact in the list", NULL) \
	X(ALERTS,	"alerts",	"collapse or expand the alert pane", NULL) \
	X(ALERTS_ALL,	"alerts-all",	"show all the alerts: the alert pane takes most of the screen (again: back)", "all alerts") \
	X(ARCHIVE,	"archive",	"archive or unarchive the contact", NULL) \
	X(DELETE,	"delete",	"delete the contact (asks first)", NULL) \
	X(NOTES,	"notes",	"edit the notes in $EDITOR",	NULL)	\
	X(IMPORT,	"import",	"import a CSV file",		"import") \
	X(ARCHIVED,	"show-archived", "show or hide archived contacts", NULL) \
	X(SORT,		"sort",		"order the list by name or strongest first (relationship strength, shown before each name)", "sort") \
	X(UNDO,		"undo",		"undo the last change (again: the one before)", "undo") \
	X(BOARD,	"board",	"the pipeline board: open deals by stage", "pipeline") \
	X(ONEPAGER,	"onepager",	"write the contact's one-page sheet as HTML in the current folder", NULL) \
	X(PRINT,	"print",	"print the contact's one-page sheet ($KITH_PRINT, else lpr)", NULL) \
	X(PATH,		"path",		"how you know the contact: the shortest chains from you (kith me, kith path)", NULL) \
	X(DUPES,	"duplicates",	"likely duplicate contacts: compare a pair side by side, merge it choosing each field, or mark it not the same person", NULL) \
	X(MERGE,	"merge",	"merge the pair: the values chosen, and every e-mail, phone, tag, note, interaction, follow-up, relationship and deal of both (asks first, naming both; u undoes)", "merge") \
	X(NOT_SAME,	"not-same",	"not the same person: never propose the pair again (asks first)", "not same") \
	X(TAKE,		"take",		"switch which contact's value the merged contact keeps for the field", "switch") \
	X(CONFLICT,	"conflict",	"conflict checks: run one on the names of the parties, read saved ones, record a disposition", NULL) \
	X(CHECK_NEW,	"new-check",	"run a new conflict check: names and an optional matter title", "new check") \
	X(PARTY,	"party",	"add a person to the deal with a role; on a matter, a conflict check on them is offered first", "party") \
	X(DECIDE,	"decide",	"record a disposition for the check (added to it; earlier ones stay)", "decide") \
	X(TODAY,	"today",	"the day's review: everything owed, ranked and explained", "today") \
	X(WHY,		"why",		"why the item ranks where it does: its score term by term, with the numbers", "why") \
	X(RESCHEDULE,	"reschedule",	"reschedule the item to a date (not a snooze)", "reschedule") \
	X(COL_LEFT,	"column-left",	"the stage to the left",	NULL)	\
	X(COL_RIGHT,	"column-right",	"the stage to the right",	NULL)	\
	X(DEAL_BACK,	"deal-back",	"move the deal to the previous open stage", "back") \
	X(DEAL_ON,	"deal-on",	"move the deal to the next open stage", "on") \
	X(DEAL_WON,	"deal-won",	"mark the deal won (asks for a reason); it leaves the board", "won") \
	X(DEAL_LOST,	"deal-lost",	"mark the deal lost (asks for a reason); it leaves the board", "lost") \
	X(SUBMIT,	"submit",	"save the form",		"save")	\
	X(CANCEL,	"cancel",	"cancel: nothing is saved",	"cancel") \
	X(NEXT_FIELD,	"next-field",	"next field",			NULL)	\
	X(PREV_FIELD,	"prev-field",	"previous field",		NULL)	\
	X(CHOICE_NEXT,	"choice-next",	"next choice (in a < choice > field)", NULL) \
	X(CHOICE_PREV,	"choice-prev",	"previous choice",		NULL)	\
	X(COMPLETE,	"complete-path", "complete the file name (~ is the home folder); several: they are listed", NULL) \
	X(CHOOSE,	"choose",	"choose the highlighted item",	"choose") \
	X(YES,		"yes",		"yes, do it",			"yes")	\
	X(NO,		"no",		"no (the default)",		"no")	\
	X(CLOSE,	"close",	"close",			"close") \
	X(CHAR_LEFT,	"char-left",	"cursor left",			NULL)	\
	X(CHAR_RIGHT,	"char-right",	"cursor right",			NULL)	\
	X(LINE_START,	"line-start",	"cursor to the start",		NULL)	\
	X(LINE_END,	"line-end",	"cursor to the end",		NULL)	\
	X(DEL_BACK,	"delete-back",	"delete the character before the cursor", NULL) \
	X(DEL_FWD,	"delete-forward", "delete the character under the cursor", NULL) \
	X(KILL_LINE,	"kill-line",	"erase from the start to the cursor", NULL) \
	X(KILL_WORD,	"kill-word",	"erase the word before the cursor", NULL) \
	X(REDRAW,	"redraw",	"redraw the screen",		NULL)	\
	X(HELP,		"help",		"the keys that work here",	"help")	\
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
