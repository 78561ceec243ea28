/* SPDX-License-Identifier: MIT */
/*
 * Terminal-safe text (termsafe.h): UTF-8 is decoded here, strictly (no
 * overlongs, no surrogates, nothing above U+10FFFF), one character at a
 * time, and every character gets its shown form and width.  Nothing here
 * prints; the fronts write what these functions return.
 */
#define _XOPEN_SOURCE	700	/* wcwidth */
#include <string.h>
#include <wchar.h>

#include "kith/termsafe.h"
#include "kith/util.h"

static size_t	 decode(const unsigned char *, size_t, unsigned long *);
static int	 invisible(unsigned long);
static void	 spell(char *, const char *, unsigned long, int);

static const char hex[] = "0123456789ABCDEF";

/*
 * Decodes the UTF-8 sequence at s (len > 0): its length, with the code
 * point in *cp; 0 if the bytes are not a valid, complete sequence.
 */
static size_t
decode(const unsigned char *s, size_t len, unsigned long *cp)
{
	unsigned char	 lo = 0x80, hi = 0xbf;
	size_t		 n, i;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xc2 && s[0] <= 0xdf) {
		n = 2;
		*cp = s[0] & 0x1f;
	} else if (s[0] >= 0xe0 && s[0] <= 0xef) {
		n = 3;
		*cp = s[0] & 0x0f;
		if (s[0] == 0xe0)
			lo = 0xa0;
		else if (s[0] == 0xed)
			hi = 0x9f;		/* no surrogates */
	} else if (s[0] >= 0xf0 && s[0] <= 0xf4) {
		n = 4;
		*cp = s[0] & 0x07;
		if (s[0] == 0xf0)
			lo = 0x90;
		else if (s[0] == 0xf4)
			hi = 0x8f;		/* up to U+10FFFF */
	} else
		return 0;
	if (len < n)
		return 0;
	for (i = 1; i < n; i++) {
		if (s[i] < (i == 1 ? lo : 0x80) || s[i] > (i == 1 ? hi : 0xbf))
			return 0;
		*cp = (*cp << 6) | (s[i] & 0x3f);
	}
	return n;
}

/* 1 for a C1 control or an invisible control that reorders text. */
static int
invisible(unsigned long cp)
{
	return (cp >= 0x80 && cp <= 0x9f) || cp == 0x61c || cp == 0x200e ||
	    cp == 0x200f || (cp >= 0x202a && cp <= 0x202e) ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0x2028 || cp == 0x2029;
}

/* Writes prefix and the last digits hex digits of v to out. */
static void
spell(char *out, const char *prefix, unsigned long v, int digits)
{
	size_t	 n = strlen(prefix);

	memcpy(out, prefix, n);
	out[n + (size_t)digits] = '\0';
	while (digits-- > 0) {
		out[n + (size_t)digits] = hex[v & 0xf];
		v >>= 4;
	}
}

size_t
termsafe_next(const char *s, size_t len, int flags, struct termsafe_char *out)
{
	const unsigned char *u = (const unsigned char *)s;
	unsigned long	 cp;
	size_t		 n;
	int		 w;

	out->inert = 0;
	if ((n = decode(u, len, &cp)) == 0) {
		spell(out->text, "\\x", u[0], 2);
		out->cells = 4;
		out->inert = 1;
		return 1;
	}
	if (cp == '\t' || (cp == '\n' && !(flags & TERMSAFE_LINES))) {
		strcpy(out->text, " ");
		out->cells = 1;
		return 1;
	}
	if (cp == '\n' || (cp == '\r' && (flags & TERMSAFE_LINES) &&
	    len > 1 && u[1] == '\n')) {
		strcpy(out->text, "\n");
		out->cells = 0;
		return cp == '\n' ? 1 : 2;
	}
	if (cp < 0x20 || cp == 0x7f) {
		out->text[0] = '^';
		out->text[1] = cp == 0x7f ? '?' : (char)(cp + 0x40);
		out->text[2] = '\0';
		out->cells = 2;
		out->inert = 1;
		return 1;
	}
	if (invisible(cp)) {
		spell(out->text, "\\u", cp, 4);
		out->cells = 6;
		out->inert = 1;
		return n;
	}
	memcpy(out->text, s, n);
	out->text[n] = '\0';
	w = wcwidth((wchar_t)cp);
	out->cells = w < 0 ? 1 : w;
	return n;
}

char *
termsafe_str(const char *s, int flags)
{
	struct termsafe_char	 tc;
	struct sbuf		 sb = { 0 };
	size_t			 len, k;

	len = s != NULL ? strlen(s) : 0;
	while (len > 0) {
		k = termsafe_next(s, len, flags, &tc);
		sbuf_add(&sb, tc.text);
		s += k;
		len -= k;
	}
	return sbuf_detach(&sb);
}

int
termsafe_width_n(const char *s, size_t n, int flags)
{
	struct termsafe_char	 tc;
	size_t			 k;
	int			 w = 0;

	if (s == NULL)
		return 0;
	while (n > 0) {
		k = termsafe_next(s, n, flags, &tc);
		w += tc.cells;
		s += k;
		n -= k;
	}
	return w;
}

int
termsafe_width(const char *s, int flags)
{
	return s == NULL ? 0 : termsafe_width_n(s, strlen(s), flags);
}

size_t
termsafe_fit(const char *s, size_t n, int cells, int flags, int *used)
{
	struct termsafe_char	 tc;
	size_t			 off = 0, k;
	int			 w = 0;

	if (s == NULL)
		n = 0;
	while (off < n) {
		k = termsafe_next(s + off, n - off, flags, &tc);
		if (w + tc.cells > cells)
			break;
		w += tc.cells;
		off += k;
	}
	if (used != NULL)
		*used = w;
	return off;
}

char *
termsafe_cut(const char *s, int width, int pad, int flags)
{
	struct termsafe_char	 tc;
	struct sbuf		 sb = { 0 };
	size_t			 len, k;
	int			 w = 0;

	len = s != NULL ? strlen(s) : 0;
	while (len > 0) {
		k = termsafe_next(s, len, flags, &tc);
		if (w + tc.cells > width)
			break;
		sbuf_add(&sb, tc.text);
		w += tc.cells;
		s += k;
		len -= k;
	}
	for (; pad && w < width; w++)
		sbuf_addc(&sb, ' ');
	return sbuf_detach(&sb);
}
