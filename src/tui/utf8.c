/* SPDX-License-Identifier: MIT */
/*
 * Terminal-cell arithmetic on UTF-8 text (utf8.h), after tmux's
 * utf8_cstrwidth and ncdu's cropstr: never strlen() for columns.
 */
#include <stdio.h>
#include <string.h>
#include <wchar.h>

#include "utf8.h"

size_t
u8_next(const char *s, size_t len, wchar_t *wc, int *cells)
{
	mbstate_t	mbs;
	size_t		n;
	int		w;

	memset(&mbs, 0, sizeof mbs);
	n = mbrtowc(wc, s, len, &mbs);
	if (n == (size_t)-1 || n == (size_t)-2 || n == 0) {
		/* Not UTF-8 (or a NUL): one byte, shown as '?'. */
		*wc = L'?';
		*cells = 1;
		return 1;
	}
	if (*wc == L'\t' || *wc == L'\n' || *wc == L'\r') {
		*wc = L' ';
		*cells = 1;
		return n;
	}
	if (*wc < 0x20 || (*wc >= 0x7f && *wc < 0xa0)) {
		*wc = L'?';
		*cells = 1;
		return n;
	}
	if ((w = wcwidth(*wc)) < 0) {
		*wc = L'?';
		w = 1;
	}
	*cells = w;
	return n;
}

int
u8_width_n(const char *s, size_t n)
{
	wchar_t	wc;
	size_t	k;
	int	w = 0, cw;

	if (s == NULL)
		return 0;
	while (n > 0) {
		k = u8_next(s, n, &wc, &cw);
		w += cw;
		s += k;
		n -= k;
	}
	return w;
}

int
u8_width(const char *s)
{
	return s == NULL ? 0 : u8_width_n(s, strlen(s));
}

size_t
u8_fit(const char *s, size_t n, int cells, int *used)
{
	wchar_t	wc;
	size_t	off = 0, k;
	int	w = 0, cw;

	if (s == NULL)
		n = 0;
	while (off < n) {
		k = u8_next(s + off, n - off, &wc, &cw);
		if (w + cw > cells)
			break;
		w += cw;
		off += k;
	}
	if (used != NULL)
		*used = w;
	return off;
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
