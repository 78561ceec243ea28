/* SPDX-License-Identifier: MIT */
/*
 * Drawing text into stdscr (draw.h), with the cell arithmetic of utf8.c.
 */
#include <curses.h>
#include <stdlib.h>
#include <string.h>

#include "kith/util.h"
#include "draw.h"
#include "utf8.h"

static int	use_color;
static int	attrs[ROLE__COUNT];

int
draw_init(void)
{
	const char	*nc = getenv("NO_COLOR");
	int		 i;

	use_color = (nc == NULL || *nc == '\0') && has_colors();
	for (i = 0; i < ROLE__COUNT; i++)
		attrs[i] = A_NORMAL;
	attrs[ROLE_HEADER] = A_REVERSE;
	attrs[ROLE_SELECT] = A_REVERSE;
	attrs[ROLE_SELECT_DIM] = A_UNDERLINE;
	attrs[ROLE_OVERDUE] = A_BOLD;
	attrs[ROLE_TODAY] = A_NORMAL;
	attrs[ROLE_TITLE] = A_BOLD | A_UNDERLINE;
	attrs[ROLE_DIM] = A_NORMAL;
	attrs[ROLE_NAME] = A_BOLD;
	attrs[ROLE_ERROR] = A_BOLD | A_REVERSE;
	attrs[ROLE_HINTKEY] = A_BOLD;
	if (!use_color)
		return 0;
	start_color();
	use_default_colors();
	init_pair(1, COLOR_WHITE, COLOR_BLUE);
	init_pair(2, COLOR_RED, -1);
	init_pair(3, COLOR_YELLOW, -1);
	init_pair(4, COLOR_CYAN, -1);
	init_pair(5, COLOR_WHITE, COLOR_RED);
	attrs[ROLE_HEADER] = COLOR_PAIR(1) | A_BOLD;
	attrs[ROLE_OVERDUE] = COLOR_PAIR(2) | A_BOLD;
	attrs[ROLE_TODAY] = COLOR_PAIR(3);
	attrs[ROLE_TITLE] = COLOR_PAIR(4) | A_BOLD;
	attrs[ROLE_ERROR] = COLOR_PAIR(5) | A_BOLD;
	attrs[ROLE_HINTKEY] = COLOR_PAIR(4) | A_BOLD;
	if (COLORS >= 8)
		attrs[ROLE_DIM] = A_DIM;
	return 1;
}

int
draw_attr(enum role r)
{
	return (unsigned)r < ROLE__COUNT ? attrs[r] : (int)A_NORMAL;
}

int
draw_text(int y, int x, int width, const char *s, enum role r, int pad)
{
	struct u8_glyph	 g;
	wchar_t		 buf[512];
	size_t		 len, k, i, nb = 0;
	int		 w = 0, a = draw_attr(r);

	if (width <= 0)
		return 0;
	len = s != NULL ? strlen(s) : 0;
	while (len > 0) {
		k = u8_next(s, len, &g);
		if (w + g.cells > width ||
		    nb + wcslen(g.wc) + 1 > sizeof buf / sizeof buf[0])
			break;
		/* A combining mark with nothing to sit on is dropped. */
		if (g.cells == 0 && nb == 0) {
			s += k;
			len -= k;
			continue;
		}
		for (i = 0; g.wc[i] != L'\0'; i++)
			buf[nb++] = g.wc[i];
		w += g.cells;
		s += k;
		len -= k;
	}
	buf[nb] = L'\0';
	attrset(a);
	if (nb > 0)
		mvaddnwstr(y, x, buf, (int)nb);
	else
		move(y, x);
	if (pad)
		for (; w < width; w++)
			mvaddch(y, x + w, ' ');
	attrset(A_NORMAL);
	return w;
}

int
draw_text_cut(int y, int x, int width, const char *s, enum role r, int pad)
{
	char	*head;
	size_t	 len;
	int	 used, w;

	len = s != NULL ? strlen(s) : 0;
	if (s == NULL || width <= 1 || u8_width_n(s, len) <= width)
		return draw_text(y, x, width, s, r, pad);
	head = xstrndup(s, u8_fit(s, len, width - 1, &used));
	w = draw_text(y, x, used, head, r, 0);
	free(head);
	w += draw_text(y, x + w, width - w, "…", r, pad);
	return w;
}

void
draw_fill(int y, int x, int width, enum role r)
{
	int	i;

	attrset(draw_attr(r));
	for (i = 0; i < width; i++)
		mvaddch(y, x + i, ' ');
	attrset(A_NORMAL);
}

static void
put_wc(int y, int x, wchar_t wc)
{
	cchar_t	cc;
	wchar_t	w[2] = { wc, L'\0' };

	setcchar(&cc, w, A_NORMAL, 0, NULL);
	mvadd_wch(y, x, &cc);
}

/*
 * Lines are drawn with Unicode box characters rather than the terminal's
 * alternate character set: the locale is always UTF-8 here, and this works
 * inside tmux and screen whatever TERM says.
 */
void
draw_hline(int y, int x, int w)
{
	int	i;

	for (i = 0; i < w; i++)
		put_wc(y, x + i, L'\x2500');
}

void
draw_vline(int y, int x, int h)
{
	int	i;

	for (i = 0; i < h; i++)
		put_wc(y + i, x, L'\x2502');
}

void
draw_box(int y, int x, int h, int w, const char *title)
{
	int	i;

	for (i = 0; i < h; i++)
		draw_fill(y + i, x, w, ROLE_NORMAL);
	put_wc(y, x, L'\x250c');
	draw_hline(y, x + 1, w - 2);
	put_wc(y, x + w - 1, L'\x2510');
	draw_vline(y + 1, x, h - 2);
	draw_vline(y + 1, x + w - 1, h - 2);
	put_wc(y + h - 1, x, L'\x2514');
	draw_hline(y + h - 1, x + 1, w - 2);
	put_wc(y + h - 1, x + w - 1, L'\x2518');
	if (title != NULL && *title != '\0') {
		mvaddch(y, x + 2, ' ');
		i = draw_text(y, x + 3, w - 6, title, ROLE_TITLE, 0);
		mvaddch(y, x + 3 + i, ' ');
	}
}
