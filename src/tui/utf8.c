/* SPDX-License-Identifier: MIT */
/*
 * Terminal-cell arithmetic on UTF-8 text (utf8.h), after tmux's
 * utf8_cstrwidth and ncdu's cropstr: never strlen() for columns.  The
 * shown form and width of each character come from the core (termsafe.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

#include "kith/termsafe.h"
#include "kith/util.h"
#include "utf8.h"

size_t
u8_next(const char *s, size_t len, struct u8_glyph *g)
{
	struct termsafe_char	 tc;
	size_t			 k, n;

	k = termsafe_next(s, len, 0, &tc);
	n = mbstowcs(g->wc, tc.text, U8_GLYPH_MAX - 1);
	if (n == (size_t)-1 || n == 0) {	/* not a UTF-8 locale */
		g->wc[0] = L'?';
		n = 1;
	}
	g->wc[n] = L'\0';
	g->cells = tc.cells;
	g->inert = tc.inert;
	return k;
}

int
u8_width_n(const char *s, size_t n)
{
	return termsafe_width_n(s, n, 0);
}

int
u8_width(const char *s)
{
	return termsafe_width(s, 0);
}

size_t
u8_fit(const char *s, size_t n, int cells, int *used)
{
	return termsafe_fit(s, n, cells, 0, used);
}

char *
u8_cut(const char *s, int cells)
{
	if (s == NULL)
		return xstrdup("");
	return xstrndup(s, u8_fit(s, strlen(s), cells, NULL));
}

void
u8_trim_partial(char *s)
{
	size_t	 len = strlen(s), p, need;
	unsigned char c;

	if (len == 0)
		return;
	p = u8_prev(s, len);
	c = (unsigned char)s[p];
	need = c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : c >= 0xc0 ? 2 : 1;
	if (len - p < need)
		s[p] = '\0';
}

size_t
u8_prev(const char *s, size_t pos)
{
	size_t	p = pos;

	if (pos == 0)
		return 0;
	p--;
	/* Back over continuation bytes, at most three. */
	while (p > 0 && pos - p < 4 && ((unsigned char)s[p] & 0xc0) == 0x80)
		p--;
	return p;
}

void
u8_thousands(long long n, char *buf, size_t size)
{
	char	tmp[32];
	size_t	len, i, o = 0;
	int	neg = n < 0;

	snprintf(tmp, sizeof tmp, "%lld", neg ? -n : n);
	len = strlen(tmp);
	if (size == 0)
		return;
	if (neg && o + 1 < size)
		buf[o++] = '-';
	for (i = 0; i < len && o + 1 < size; i++) {
		if (i > 0 && (len - i) % 3 == 0 && o + 2 < size)
			buf[o++] = ',';
		buf[o++] = tmp[i];
	}
	buf[o] = '\0';
}
