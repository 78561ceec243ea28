/* SPDX-License-Identifier: MIT */
/*
 * The key table: which key runs which action (after calcurse's keys.c).
 * A key is a (code, fn) pair as get_wch() returns it: fn set for function
 * keys (KEY_UP, KEY_NPAGE, ...), clear for characters.  No curses calls
 * here, only its key constants, so the table is unit-tested without a
 * terminal.
 */
#ifndef KITH_TUI_KEYS_H
#define KITH_TUI_KEYS_H

#include <stddef.h>
#include <wchar.h>

#include "actions.h"

struct keybind {
	int		 fn;		/* 1: a KEY_* code; 0: a character */
	wint_t		 key;
	enum action	 act;
};

extern const struct keybind	keys_table[];
extern const size_t		keys_count;

/* The action bound to a key, ACT_NONE if none. */
enum action	 keys_lookup(int fn, wint_t key);

/* The action's name and help text ("" for none). */
const char	*action_name(enum action);
const char	*action_help(enum action);
const char	*action_hint(enum action);	/* NULL if not on the status line */

/* A key's name as the help shows it: "j", "Down", "PgDn", "^D", "Enter". */
void		 keys_name(int fn, wint_t key, char *buf, size_t size);

/* Every key bound to act, as "k, Up" (empty if none). */
void		 keys_for(enum action act, char *buf, size_t size);

#endif
