/* SPDX-License-Identifier: MIT */
/*
 * A one-line UTF-8 text editor (edit.h).
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "kith/util.h"
#include "edit.h"
#include "utf8.h"

static void	reserve(struct edit *, size_t);

static void
reserve(struct edit *e, size_t extra)
{
	if (e->len + extra + 1 <= e->cap)
		return;
	e->cap = (e->len + extra + 1) * 2;
	e->buf = xreallocarray(e->buf, e->cap, 1);
}

void
edit_init(struct edit *e, const char *text)
{
	memset(e, 0, sizeof *e);
	reserve(e, 16);
	e->buf[0] = '\0';
	edit_set(e, text);
}

void
edit_free(struct edit *e)
{
	free(e->buf);
	memset(e, 0, sizeof *e);
}

void
edit_set(struct edit *e, const char *text)
{
	e->len = e->cur = e->scroll = 0;
	e->buf[0] = '\0';
	edit_insert_str(e, text);
}

void
edit_insert_str(struct edit *e, const char *s)
{
	struct u8_glyph	 g;
	size_t		 n, k;

	if (s == NULL)
		return;
	n = strlen(s);
	while (n > 0) {
		/* Controls are left out; a tab or line break is a space. */
		k = u8_next(s, n, &g);
		if (!g.inert)
			edit_insert(e, g.wc[0]);
		s += k;
		n -= k;
	}
}

void
edit_insert(struct edit *e, wchar_t wc)
{
	mbstate_t	mbs;
	char		mb[MB_LEN_MAX];
	size_t		n;

	if ((wc < 0x20 && !(wc == '\n' && e->lines)) ||
	    (wc >= 0x7f && wc < 0xa0))
		return;
	memset(&mbs, 0, sizeof mbs);
	if ((n = wcrtomb(mb, wc, &mbs)) == (size_t)-1)
		return;
	reserve(e, n);
	memmove(e->buf + e->cur + n, e->buf + e->cur, e->len - e->cur + 1);
	memcpy(e->buf + e->cur, mb, n);
	e->len += n;
	e->cur += n;
}

int
edit_backspace(struct edit *e)
{
	size_t	p;

	if (e->cur == 0)
		return 0;
	p = u8_prev(e->buf, e->cur);
	memmove(e->buf + p, e->buf + e->cur, e->len - e->cur + 1);
	e->len -= e->cur - p;
	e->cur = p;
	return 1;
}

int
edit_delete(struct edit *e)
{
	if (e->cur >= e->len)
		return 0;
	edit_right(e);
	return edit_backspace(e);
}

void
edit_left(struct edit *e)
{
	e->cur = u8_prev(e->buf, e->cur);
}

void
edit_right(struct edit *e)
{
	struct u8_glyph	 g;

	if (e->cur < e->len)
		e->cur += u8_next(e->buf + e->cur, e->len - e->cur, &g);
}

void
edit_home(struct edit *e)
{
	e->cur = 0;
}

void
edit_end(struct edit *e)
{
	e->cur = e->len;
}

int
edit_kill_word(struct edit *e)
{
	size_t	end = e->cur;

	if (e->cur == 0)
		return 0;
	while (e->cur > 0 && e->buf[e->cur - 1] == ' ')
		e->cur--;
	while (e->cur > 0 && e->buf[e->cur - 1] != ' ')
		e->cur = u8_prev(e->buf, e->cur);
	memmove(e->buf + e->cur, e->buf + end, e->len - end + 1);
	e->len -= end - e->cur;
	return 1;
}

int
edit_kill_line(struct edit *e)
{
	if (e->cur == 0)
		return 0;
	memmove(e->buf, e->buf + e->cur, e->len - e->cur + 1);
	e->len -= e->cur;
	e->cur = 0;
	e->scroll = 0;
	return 1;
}

int
edit_view(struct edit *e, int width)
{
	size_t	p, q;
	int	col, w;

	if (width < 2)
		width = 2;
	if (e->scroll > e->cur)
		e->scroll = e->cur;
	/* Leave one cell after the cursor for the cursor itself. */
	if ((col = u8_width_n(e->buf + e->scroll, e->cur - e->scroll)) <=
	    width - 1)
		return col;
	/*
	 * Too far right: scroll so that the cursor is at the right edge,
	 * walking back from it (one pass, however long the text).
	 */
	for (p = e->cur, col = 0; p > e->scroll; p = q, col += w) {
		q = u8_prev(e->buf, p);
		if (col + (w = u8_width_n(e->buf + q, p - q)) > width - 1)
			break;
	}
	e->scroll = p;
	return col;
}

void
edit_paste(struct edit *e, const char *text)
{
	char	*line, *o;
	size_t	 n;

	if (text == NULL)
		return;
	/* A copied line's own line break is no part of the text. */
	n = strlen(text);
	while (n > 0 && (text[n - 1] == '\r' || text[n - 1] == '\n'))
		n--;
	o = line = xmalloc(n + 1);
	for (; n > 0; text++, n--) {
		if (*text == '\r' && n > 1 && text[1] == '\n')
			continue;		/* CRLF: one break */
		if ((*text == '\r' || *text == '\n') && e->lines)
			*o++ = '\n';
		else
			*o++ = *text == '\r' || *text == '\n' ||
			    *text == '\t' ? ' ' : *text;
	}
	*o = '\0';
	/* Line by line: edit_insert_str() leaves controls out. */
	for (o = line; o != NULL; ) {
		char *nl = strchr(o, '\n');

		if (nl != NULL)
			*nl = '\0';
		edit_insert_str(e, o);
		if (nl != NULL)
			edit_insert(e, L'\n');
		o = nl != NULL ? nl + 1 : NULL;
	}
	free(line);
}
