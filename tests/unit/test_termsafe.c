/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for src/core/termsafe.c: controls, escape sequences, bidi
 * overrides and bytes that are not UTF-8 come out inert; widths and cuts
 * go by character and by terminal cell, never by byte.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "kith/termsafe.h"
#include "check.h"

static void	 test_inert(void);
static void	 test_width(void);
static void	 test_cut(void);

static void
str_is(const char *s, int flags, const char *want)
{
	char	*got = termsafe_str(s, flags);

	CHECK_STR(got, want);
	free(got);
}

static void
test_inert(void)
{
	struct termsafe_char tc;

	str_is("Ana Petrović", 0, "Ana Petrović");
	str_is(NULL, 0, "");
	str_is("a\x1b[2Jb", 0, "a^[[2Jb");
	str_is("bell\a", 0, "bell^G");
	str_is("over\rwrite", 0, "over^Mwrite");
	str_is("del\x7f", 0, "del^?");
	str_is("\xc2\x9b" "31m", 0, "\\u009B31m");		/* C1 CSI */
	str_is("abc\xe2\x80\xae" "def", 0, "abc\\u202Edef");	/* RLO */
	str_is("\xe2\x81\xa6x\xe2\x81\xa9", 0, "\\u2066x\\u2069");
	str_is("bad\xff\xfe", 0, "bad\\xFF\\xFE");
	str_is("\xed\xa0\x80", 0, "\\xED\\xA0\\x80");		/* surrogate */
	str_is("\xc0\xaf", 0, "\\xC0\\xAF");			/* overlong */
	str_is("cut\xe2\x82", 0, "cut\\xE2\\x82");		/* truncated */
	str_is("two\nlines\tand tab", 0, "two lines and tab");
	str_is("two\nlines\r\nthree\rx", TERMSAFE_LINES,
	    "two\nlines\nthree^Mx");
	str_is("王小明 🎸 e\xcc\x81", 0, "王小明 🎸 e\xcc\x81");

	CHECK_INT(termsafe_next("\x1b", 1, 0, &tc), 1);
	CHECK_INT(tc.inert, 1);
	CHECK_INT(tc.cells, 2);
	CHECK_INT(termsafe_next("ћ", 2, 0, &tc), 2);
	CHECK_INT(tc.inert, 0);
	CHECK_INT(tc.cells, 1);
	CHECK_INT(termsafe_next("\r\n", 2, TERMSAFE_LINES, &tc), 2);
	CHECK_STR(tc.text, "\n");
}

static void
test_width(void)
{
	CHECK_INT(termsafe_width("Ana", 0), 3);
	CHECK_INT(termsafe_width("Петровић", 0), 8);
	CHECK_INT(termsafe_width("王小明", 0), 6);
	CHECK_INT(termsafe_width("e\xcc\x81", 0), 1);
	CHECK_INT(termsafe_width("a\x1b[31mb", 0), 8);	/* a ^[ [31m b */
	CHECK_INT(termsafe_width("\xe2\x80\xae", 0), 6);
	CHECK_INT(termsafe_width("\xff", 0), 4);
	CHECK_INT(termsafe_width(NULL, 0), 0);
	CHECK_INT(termsafe_width_n("王小明", 3, 0), 2);
}

static void
test_cut(void)
{
	char	*s;
	int	 used;

	CHECK_INT(termsafe_fit("王小明", strlen("王小明"), 5, 0, &used), 6);
	CHECK_INT(used, 4);
	CHECK_INT(termsafe_fit("Ђорђе", strlen("Ђорђе"), 2, 0, &used), 4);
	/* An inert spelling is never cut in half. */
	CHECK_INT(termsafe_fit("a\x1b" "b", 3, 2, 0, &used), 1);
	CHECK_INT(used, 1);

	s = termsafe_cut("Petrović", 7, 0, 0);
	CHECK_STR(s, "Petrovi");
	free(s);
	s = termsafe_cut("王小明", 5, 1, 0);
	CHECK_STR(s, "王小 ");
	free(s);
	s = termsafe_cut("ć", 4, 1, 0);
	CHECK_STR(s, "ć   ");
	free(s);
	s = termsafe_cut("x\x1b[2J", 4, 0, 0);
	CHECK_STR(s, "x^[[");
	free(s);
}

int
main(void)
{
	setlocale(LC_ALL, "C.UTF-8");
	test_inert();
	test_width();
	test_cut();
	printf("%d passed, %d failed\n", check_passed, check_failed);
	return check_failed != 0;
}
