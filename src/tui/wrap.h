/* SPDX-License-Identifier: MIT */
/*
 * Word wrap by display width: text broken into lines of at most a given
 * number of terminal cells, at spaces where it can be, with the cell
 * arithmetic of utf8.h (a CJK character takes two cells and is never split
 * across lines, a combining mark stays with its letter).  Line breaks in
 * the text start new lines; a word longer than a line is cut between
 * characters.  No curses here: unit-tested in tests/tui.
 */
#ifndef KITH_TUI_WRAP_H
#define KITH_TUI_WRAP_H

#include <stddef.h>

/* One wrapped line: bytes [off, off + len) of the text. */
struct wrap_line {
	size_t	off;
	size_t	len;
};

/*
 * Wraps s (NULL is empty) to width cells (at least 1 is used); stores the
 * lines in *lines (caller frees; NULL when there are none) and returns
 * their number.  Spaces where a line breaks are dropped; a last line
 * break adds no empty line.
 */
size_t	 wrap_text(const char *s, int width, struct wrap_line **lines);

#endif
