/* SPDX-License-Identifier: MIT */
/*
 * A screen (after tig's view_ops and tmux's window_mode): the main
 * rolodex, or an overlay pushed above it (a form, a picker, a question, a
 * text box, the finder).  app.c keeps them on a stack: it draws them from
 * the bottom up, gives keys and pastes to the topmost only, and pops a
 * screen once it sets closing.  Every op but leave, draw and handle may
 * be NULL.
 */
#ifndef KITH_TUI_SCREEN_H
#define KITH_TUI_SCREEN_H

#include <wchar.h>

struct app;
struct screen;
struct keyscope;

struct screen_ops {
	void	(*leave)(struct app *, struct screen *);	/* frees it */
	void	(*draw)(struct app *, struct screen *);
	/* A key; returns KITH_REDRAW, KITH_RELOAD, KITH_QUIT flags. */
	int	(*handle)(struct app *, struct screen *, int fn, wint_t key);
	/* Pasted text (bracketed paste): never run as keys. */
	int	(*paste)(struct app *, struct screen *, const char *text);
	/* Pushed on the stack, or back on top after the one above left. */
	void	(*enter)(struct app *, struct screen *);
	/* The terminal changed size (LINES and COLS are new). */
	void	(*resize)(struct app *, struct screen *);
	/* The key tables in scope, innermost first (help, key bar). */
	void	(*keymap)(struct app *, struct screen *, struct keyscope *);
	/* The data changed (flags as handle returns them). */
	void	(*reload)(struct app *, struct screen *, int flags);
	/* One bounded step of work left when idle; 1 if more remains. */
	int	(*idle)(struct app *, struct screen *);
};

struct screen {
	const struct screen_ops	*ops;
	int			 closing;	/* pop it after handle() */
	int			 opaque;	/* covers the whole screen: the
						   ones below are not drawn */
};

#endif
