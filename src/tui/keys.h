/* SPDX-License-Identifier: MIT */
/*
 * Key tables by scope (after calcurse's keys.c and tig's keymaps): each
 * pane and each screen has its own table, and a key is looked up in the
 * focused pane's table first, then the screen's, then the global one.  A
 * key is a (code, fn) pair as get_wch() returns it: fn set for function
 * keys (KEY_UP, KEY_NPAGE, ...), clear for characters.  No curses calls
 * here, only its key constants, so the tables are unit-tested without a
 * terminal, and the help overlay, the key bar, README.md and kith(1) are
 * checked against them.
 */
#ifndef KITH_TUI_KEYS_H
#define KITH_TUI_KEYS_H

#include <stddef.h>
#include <wchar.h>

#include "actions.h"

/* The character Ctrl with c types: CTRL('b') is 2. */
#define CTRL(c)		((c) & 0x1f)

struct keybind {
	int		 fn;		/* 1: a KEY_* code; 0: a character */
	wint_t		 key;
	enum action	 act;
	const char	*help;		/* what it does here; NULL: the action's */
};

struct keymap {
	const char		*title;	/* for the help: "Alert pane" */
	const struct keybind	*binds;
	size_t			 n;
};

/* The tables, one per scope. */
extern const struct keymap	keymap_global;	/* wherever no text is typed */
extern const struct keymap	keymap_main;	/* the main screen */
extern const struct keymap	keymap_list;	/* its contact list pane */
extern const struct keymap	keymap_detail;	/* its contact pane */
extern const struct keymap	keymap_alerts;	/* its alert pane */
extern const struct keymap	keymap_search;	/* its search line */
extern const struct keymap	keymap_form;	/* forms */
extern const struct keymap	keymap_choice;	/* a form's choice field */
extern const struct keymap	keymap_path;	/* a form's file name field */
extern const struct keymap	keymap_finder;	/* the contact finder */
extern const struct keymap	keymap_picker;	/* pickers */
extern const struct keymap	keymap_confirm;	/* y/n questions */
extern const struct keymap	keymap_confirm_yes; /* Y/n questions */
extern const struct keymap	keymap_textbox;	/* messages, help */
extern const struct keymap	keymap_pager;	/* the pager */
extern const struct keymap	keymap_board;	/* the pipeline board */
extern const struct keymap	keymap_today;	/* the Today screen */
extern const struct keymap	keymap_edit;	/* editing a text field */
extern const struct keymap	keymap_dupes;	/* the duplicates screen */
extern const struct keymap	keymap_dupe_pair; /* a pair side by side */
extern const struct keymap	keymap_conflict; /* the conflict screen */

/* Every table, for the help and the tests; NULL-terminated. */
extern const struct keymap *const keymaps_all[];

/* The tables in scope, innermost first. */
#define KEYSCOPE_MAX	4
struct keyscope {
	const struct keymap	*maps[KEYSCOPE_MAX];
	size_t			 n;
};

void		 keyscope_add(struct keyscope *, const struct keymap *);

/* The action bound to a key in a table or a scope, ACT_NONE if none. */
enum action	 keymap_lookup(const struct keymap *, int fn, wint_t key);
enum action	 keyscope_lookup(const struct keyscope *, int fn, wint_t key);
/* The binding that wins for the key in the scope, NULL if none. */
const struct keybind *keyscope_find(const struct keyscope *, int fn,
		    wint_t key);

/* The action's name and help text ("" for none). */
const char	*action_name(enum action);
const char	*action_help(enum action);
const char	*action_hint(enum action);	/* NULL if not on the key bar */

/* A key's name as the help shows it: "j", "Down", "PgDn", "^D", "Enter". */
void		 keys_name(int fn, wint_t key, char *buf, size_t size);

/*
 * Every key of the table bound to act, as "k, Up" (empty if none); in a
 * scope, only the keys that reach act there (not shadowed by an inner
 * table).
 */
void		 keymap_keys_for(const struct keymap *, enum action act,
		    char *buf, size_t size);
void		 keyscope_keys_for(const struct keyscope *, enum action act,
		    char *buf, size_t size);

#endif
