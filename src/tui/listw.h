/* SPDX-License-Identifier: MIT */
/*
 * The list widget: selection and scrolling of a list shown in h rows, the
 * same for every list of the TUI (the contact list's window, the contact
 * pane, the alerts, pickers, text boxes).  The contact list adds keyset
 * paging on top (pane_list.c): its rows are a window onto a query.  No
 * curses here.
 */
#ifndef KITH_TUI_LISTW_H
#define KITH_TUI_LISTW_H

#include <stddef.h>

#include "actions.h"

struct listw {
	size_t	n;		/* items */
	size_t	sel;		/* selected item (0 when n is 0) */
	size_t	top;		/* first item on screen */
};

/* Moves the selection by delta, clamped to the list. */
void	 listw_move(struct listw *, long delta);
/* Scrolls so that the selection shows in h rows. */
void	 listw_show(struct listw *, size_t h);
/* Sets n (the list changed), keeping sel and top inside it. */
void	 listw_resize(struct listw *, size_t n);
/*
 * Runs a movement action (ACT_UP ... ACT_END) for a list shown in h rows;
 * 1 if act is one, 0 otherwise.
 */
int	 listw_action(struct listw *, enum action, size_t h);
/*
 * Scrolls a list shown in h rows by delta rows, the selection with it (it
 * stays on the same row of the screen), both clamped to the list: for
 * text to read, where a page key should bring new lines into view.
 */
void	 listw_scroll(struct listw *, long delta, size_t h);
/*
 * Runs a movement action on text to read, with no selection (a message,
 * the help, the pager): moves top so that h rows stay filled; 1 if act is
 * a movement, 0 otherwise.
 */
int	 listw_view_action(struct listw *, enum action, size_t h);
/* The rows a page (and half a page) moves in h rows. */
long	 listw_page(size_t h);

#endif
