/* SPDX-License-Identifier: MIT */
/*
 * Drawing text into stdscr: the only place UTF-8 is turned into wide
 * characters for curses.  Text is clipped to a width in cells (wide
 * characters take two; one that would straddle the edge is left out) and
 * control characters are drawn inert.  Roles name what is drawn; they map
 * to colours, or to bold/reverse/underline under NO_COLOR or on a
 * monochrome terminal.
 */
#ifndef KITH_TUI_DRAW_H
#define KITH_TUI_DRAW_H

enum role {
	ROLE_NORMAL, ROLE_HEADER, ROLE_SELECT, ROLE_SELECT_DIM, ROLE_OVERDUE,
	ROLE_TODAY, ROLE_TITLE, ROLE_DIM, ROLE_NAME, ROLE_ERROR, ROLE_HINTKEY,
	ROLE__COUNT
};

/* Sets up colours unless NO_COLOR is set or the terminal has none. */
int	 draw_init(void);
int	 draw_attr(enum role);

/*
 * Draws s at (y, x) clipped to width cells; pad: fill the rest of width
 * with spaces.  Returns the cells drawn (padding included).
 */
int	 draw_text(int y, int x, int width, const char *s, enum role, int pad);
/* As draw_text, but text too wide for width ends in "…" where it is cut. */
int	 draw_text_cut(int y, int x, int width, const char *s, enum role,
	    int pad);
/* Fills width cells at (y, x) with spaces. */
void	 draw_fill(int y, int x, int width, enum role);
/* Horizontal and vertical rules of box-drawing characters. */
void	 draw_hline(int y, int x, int w);
void	 draw_vline(int y, int x, int h);
/* A box with a title; clears its inside. */
void	 draw_box(int y, int x, int h, int w, const char *title);

#endif
