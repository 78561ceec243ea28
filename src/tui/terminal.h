/* SPDX-License-Identifier: MIT */
/*
 * The terminal under the full-screen front: opening it (curses modes, keys,
 * mouse, colours), giving it back, and suspending.  An unknown or missing
 * TERM falls back to a basic terminal type with a notice, never to
 * ncurses' own "Error opening terminal" and exit.  (Not named term.h:
 * that would hide <term.h>, which terminal.c needs, as src/tui is on the
 * include path.)
 */
#ifndef KITH_TUI_TERMINAL_H
#define KITH_TUI_TERMINAL_H

#include <stddef.h>

/*
 * Opens the terminal on stdin/stdout for curses.  If $TERM is unset, empty
 * or unknown here, the first of xterm-256color, xterm and vt100 that is
 * known is used instead (and put in $TERM for programs kith starts), and
 * msg says so for the status line.  Returns 1 with colours in use, 0
 * without, msg set to a notice or to "".  Returns -1 with msg set to a
 * sentence naming TERM when no terminal type works or the terminal cannot
 * move the cursor (TERM=dumb); the terminal is then left as it was.
 */
int	 term_open(char *msg, size_t msgsize);

/* Gives the terminal back as it was (after term_open() succeeded). */
void	 term_close(void);

/*
 * Stops kith as Ctrl-Z does: gives the screen back, stops the process
 * (the default action of SIGTSTP, for the one raised here), and once
 * continued (fg) restores the modes and has the next frame repaint the
 * whole screen.  The loop calls it when its flag-only SIGTSTP handler saw
 * Ctrl-Z, with the terminal modes of its own (input.h) stopped around it.
 */
void	 term_suspend(void);

#endif
