/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of word wrap by display width (wrap.h), which the pager, the
 * contact pane's notes and the status line use: breaks at spaces, a word
 * longer than a line cut between characters, CJK characters two cells and
 * never split, combining marks kept with their letter, line breaks kept.
 */
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "utf8.h"
#include "wrap.h"

static char	*wrapped(const char *, int);
static void	 test_wrap(void);

/* The lines of s wrapped to width, joined with "|"; caller frees. */
static char *
wrapped(const char *s, int width)
{
	struct wrap_line	*l;
	struct u8_glyph		 g;
	size_t			 n, i, o = 0;
	char			*out = malloc(strlen(s) * 2 + 64);

	n = wrap_text(s, width, &l);
	out[0] = '\0';
	for (i = 0; i < n; i++) {
		if (i > 0)
			out[o++] = '|';
		memcpy(out + o, s + l[i].off, l[i].len);
		o += l[i].len;
		out[o] = '\0';
		/* Never wider than the width, but for a lone character. */
		if (l[i].len > 0)
			CHECK(u8_width_n(s + l[i].off, l[i].len) <= width ||
			    u8_next(s + l[i].off, l[i].len, &g) == l[i].len);
	}
	free(l);
	return out;
}

#define CHECK_WRAP(s, w, want) do {					\
	char *got_ = wrapped(s, w);					\
	CHECK_STR(got_, want);						\
	free(got_);							\
} while (0)

static void
test_wrap(void)
{
	struct wrap_line	*l = (struct wrap_line *)1;

	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
	CHECK_INT(wrap_text(NULL, 10, &l), 0);
	CHECK(l == NULL);
	CHECK_INT(wrap_text("", 10, &l), 0);
	CHECK_WRAP("short", 10, "short");
	CHECK_WRAP("exactly10!", 10, "exactly10!");
	/* At spaces; the spaces at a break go. */
	CHECK_WRAP("the quick brown fox jumps", 10, "the quick|brown fox|jumps");
	CHECK_WRAP("one  two   three", 5, "one|two|three");
	/* A word longer than the line is cut. */
	CHECK_WRAP("abcdefghijkl mn", 5, "abcde|fghij|kl mn");
	/* Line breaks are kept, blank lines too; a last one adds nothing. */
	CHECK_WRAP("a\n\nb\n", 10, "a||b");
	CHECK_WRAP("a\r\nb", 10, "a|b");
	/* Indentation at the start of a paragraph stays. */
	CHECK_WRAP("  indented text", 10, "  indented|text");
	/* CJK: two cells each, never split, never over the width. */
	CHECK_WRAP("王小明王小明", 5, "王小|明王|小明");
	CHECK_WRAP("王小 明王", 5, "王小|明王");
	/* Combining marks stay with their letter (e + U+0301). */
	CHECK_WRAP("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2,
	    "e\xcc\x81" "e\xcc\x81|e\xcc\x81");
	CHECK_WRAP("cafe\xcc\x81 ole\xcc\x81", 4, "cafe\xcc\x81|ole\xcc\x81");
	/* Cyrillic: one cell per letter, several bytes each. */
	CHECK_WRAP("Петар Петровић", 8, "Петар|Петровић");
	/* A character wider than the width still goes on a line. */
	CHECK_WRAP("王", 1, "王");
	/* Width below 1 is 1. */
	CHECK_WRAP("ab", 0, "a|b");
}

TEST_MAIN(test_wrap)
