/* SPDX-License-Identifier: MIT */
/*
 * Terminal-cell arithmetic on UTF-8 text, for the full-screen front.
 *
 * Text stays UTF-8 everywhere; these helpers decode it one character at a
 * time with the C library (the locale must be UTF-8, as main() ensures) and
 * measure it with wcwidth(), so that a CJK character takes two cells and a
 * combining accent none.  Control characters (C0, DEL, C1) and bytes that
 * are not UTF-8 are shown inert, as '?' (a tab or line break as a space),
 * so that data can never drive the terminal.  No curses here: the
 * arithmetic is unit-tested without a terminal.
 */
#ifndef KITH_TUI_UTF8_H
#define KITH_TUI_UTF8_H

#include <stddef.h>
#include <wchar.h>

/*
 * Decodes the character at s (len bytes available, len > 0): returns the
 * bytes it takes (at least 1), stores in *wc what to show (the character,
 * or '?' / ' ' for what must be shown inert) and in *cells its width.
 */
size_t	 u8_next(const char *s, size_t len, wchar_t *wc, int *cells);

/* Width of s in cells; NULL is 0. */
int	 u8_width(const char *s);

/*
 * Bytes of the longest prefix of s (n bytes) that fits in cells cells; its
 * width goes to *used (may be NULL).  A wide character that would
 * straddle the edge is left out.
 */
size_t	 u8_fit(const char *s, size_t n, int cells, int *used);

/* Byte offset of the start of the character before pos (0 if pos is 0). */
size_t	 u8_prev(const char *s, size_t pos);

/*
 * Width in cells of the first n bytes of s.
 */
int	 u8_width_n(const char *s, size_t n);

/* Formats n with thousands separators ("1,000,000") into buf. */
void	 u8_thousands(long long n, char *buf, size_t size);

#endif
