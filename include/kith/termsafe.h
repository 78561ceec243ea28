/* SPDX-License-Identifier: MIT */
/*
 * Terminal-safe text: what a front may send to a terminal for text that
 * came from data (names, notes, file names, anything a user or a file
 * typed).  One routine for the CLI and the TUI, so both show the same.
 *
 * Data can never drive the terminal: characters a terminal would act on,
 * or that reorder what follows, are replaced by an inert spelling of
 * printable ASCII:
 *
 *   ^@ .. ^_, ^?   C0 controls and DEL, in caret notation as cat -v, less
 *                  and vi show them: ESC is ^[ (so ESC[2J shows as ^[[2J),
 *                  BEL ^G, CR ^M.  TAB and LF are the exceptions below.
 *   \u0080 ..      C1 controls (U+0080..U+009F; U+009B is a CSI on some
 *   \u009F         terminals), and the invisible controls that reorder text
 *                  or break lines: bidi embeddings, overrides and isolates
 *                  (U+202A..U+202E, U+2066..U+2069), the marks U+200E,
 *                  U+200F, U+061C, and U+2028, U+2029.
 *   \xFF           a byte that is not part of valid UTF-8.
 *
 * TAB shows as a space.  LF shows as a space too, unless TERMSAFE_LINES
 * keeps line breaks (then LF, and CR LF, stay one line break "\n").
 * Everything else is the character itself.
 *
 * Widths are in terminal cells, from wcwidth() under the caller's locale
 * (a UTF-8 one, as the fronts set): a CJK character takes two cells, a
 * combining accent none, an inert spelling one per ASCII character, a
 * character wcwidth() does not know one.  Cuts are made between
 * characters, never inside one or inside an inert spelling.
 */
#ifndef KITH_TERMSAFE_H
#define KITH_TERMSAFE_H

#include <stddef.h>

#define TERMSAFE_LINES	0x1	/* keep line breaks as "\n" */

#define TERMSAFE_MAX	8	/* longest form of one character, NUL incl. */

/* One character of text as it is to be shown. */
struct termsafe_char {
	char		 text[TERMSAFE_MAX];	/* UTF-8 to show, NUL-ended */
	int		 cells;			/* its width (0 for "\n") */
	int		 inert;			/* 1: text spells a control */
};

/*
 * Reads the character at s (len > 0 bytes available) and stores in *out
 * how to show it.  Returns the bytes it takes: at least 1, and 2 for a CR
 * LF kept as one line break.
 */
size_t		 termsafe_next(const char *s, size_t len, int flags,
		    struct termsafe_char *out);

/* The safe form of s (NULL: ""); caller frees. */
char		*termsafe_str(const char *s, int flags);

/* Width in cells of the first n bytes of s shown safely (s NULL: 0). */
int		 termsafe_width_n(const char *s, size_t n, int flags);

/* Width in cells of s shown safely (s NULL: 0). */
int		 termsafe_width(const char *s, int flags);

/*
 * Bytes of the longest prefix of the n bytes at s whose safe form fits in
 * cells cells; its width goes to *used (may be NULL).  A wide character or
 * an inert spelling that would straddle the edge is left out.
 */
size_t		 termsafe_fit(const char *s, size_t n, int cells, int flags,
		    int *used);

/*
 * The safe form of s cut to at most width cells (by character), then, if
 * pad, filled with spaces to exactly width; caller frees.
 */
char		*termsafe_cut(const char *s, int width, int pad, int flags);

#endif
