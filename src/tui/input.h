/* SPDX-License-Identifier: MIT */
/*
 * Input events for the full-screen front: one whole key, or one whole
 * bracketed paste, per read.  Keys the terminal sends as sequences come
 * back as one KEY_* code (keyseq.h) or as KEY_IGNORE, never as an Esc
 * followed by loose characters; a lone Esc press comes back as 27.
 * Pasted text comes back as one event and is never run as keys.
 *
 * input_start() turns on bracketed paste in the terminal and input_stop()
 * turns it off: stop before every endwin() (leaving, running an editor, a
 * fatal error), start again once the screen is back.
 */
#ifndef KITH_TUI_INPUT_H
#define KITH_TUI_INPUT_H

#include <stddef.h>
#include <wchar.h>

#include "keyseq.h"

#define INPUT_PASTE_MAX	(64 * 1024)	/* bytes of a paste kept */

enum input_kind {
	INPUT_NONE,		/* nothing came within the timeout */
	INPUT_KEY,
	INPUT_PASTE
};

struct input_event {
	enum input_kind	 kind;
	int		 fn;		/* INPUT_KEY: 1 a KEY_* code, 0 a char */
	wint_t		 key;
	const char	*text;		/* INPUT_PASTE: the text, UTF-8, as
					   pasted (line breaks, tabs and
					   all); valid until the next read */
	size_t		 dropped;	/* INPUT_PASTE: bytes left out past
					   INPUT_PASTE_MAX */
};

/* Bracketed paste on / off; safe to call when it already is. */
void		 input_start(void);
void		 input_stop(void);

/*
 * Waits up to timeout_ms (0: does not wait, < 0: until something comes)
 * for the next key or paste of stdscr; returns its kind, also in
 * ev->kind.  Needs keypad(stdscr, TRUE).  A key code curses assigned to a
 * terminfo extension (Ctrl+arrows in xterm's entry, and the like) comes
 * back as KEY_IGNORE.
 */
enum input_kind	 input_read(struct input_event *ev, int timeout_ms);

#endif
