/* SPDX-License-Identifier: MIT */
/*
 * Terminal-cell arithmetic on UTF-8 text, for the full-screen front.
 *
 * Text stays UTF-8 everywhere; these helpers take each character's shown
 * form and width from the core's terminal-safe text (kith/termsafe.h), the
 * same routine the CLI prints with, so that a CJK character takes two
 * cells, a combining accent none, and control characters, bidi overrides
 * and bytes that are not UTF-8 show inert ("^[", "\u202E", "\xFF"; a tab
 * or line break as a space): data can never drive the terminal.  The
 * locale must be UTF-8, as main() ensures.  No curses here: the arithmetic
 * is unit-tested without a terminal.
 */
#ifndef KITH_TUI_UTF8_H
#define KITH_TUI_UTF8_H

#include <stddef.h>
#include <wchar.h>

#define U8_GLYPH_MAX	8	/* wide characters of one glyph, NUL incl. */

/* How one character of text is shown. */
struct u8_glyph {
	wchar_t	 wc[U8_GLYPH_MAX];	/* what to draw, NUL-terminated */
	int	 cells;			/* its width */
	int	 inert;			/* 1: wc spells a control */
};

/*
 * Decodes the character at s (len bytes available, len > 0): returns the
 * bytes it takes (at least 1) and stores in *g how to show it.
 */
size_t	 u8_next(const char *s, size_t len, struct u8_glyph *g);

/* Width of s in cells; NULL is 0. */
int	 u8_width(const char *s);

/*
 * Bytes of the longest prefix of s (n bytes) that fits in cells cells; its
 * width goes to *used (may be NULL).  A wide character that would
 * straddle the edge is left out.
 */
size_t	 u8_fit(const char *s, size_t n, int cells, int *used);

/*
 * The longest prefix of s (as it is, not its shown form) that fits in
 * cells cells, cut between characters; caller frees.  For titles and
 * questions that quote a name.
 */
char	*u8_cut(const char *s, int cells);

/*
 * Cuts off an incomplete UTF-8 sequence at the end of s, which a
 * truncating snprintf() into a fixed buffer may leave, so that a cut
 * falls between characters.
 */
void	 u8_trim_partial(char *s);

/* Byte offset of the start of the character before pos (0 if pos is 0). */
size_t	 u8_prev(const char *s, size_t pos);

/*
 * Width in cells of the first n bytes of s.
 */
int	 u8_width_n(const char *s, size_t n);

/* Formats n with thousands separators ("1,000,000") into buf. */
void	 u8_thousands(long long n, char *buf, size_t size);

#endif
