/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the terminal-safe text routine (termsafe.c).  Its
 * output never holds a control character (C0 but a kept line break, DEL,
 * C1 as UTF-8) nor a byte that is not UTF-8, its widths agree, and a cut
 * is no wider than asked.
 */
#include <stdint.h>
#include <string.h>

#include "kith/termsafe.h"
#include "fuzz.h"

#define MAX_INPUT	4096

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void	check_inert(const char *, int);

static void
check_inert(const char *s, int flags)
{
	const unsigned char	*p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		if ((*p < 0x20 && !(*p == '\n' && (flags & TERMSAFE_LINES))) ||
		    *p == 0x7f)
			fuzz_fail("control byte 0x%02x in the safe form", *p);
		if (*p == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f)
			fuzz_fail("C1 control U+%04X in the safe form", p[1]);
		if (*p >= 0xf8 || *p == 0xc0 || *p == 0xc1)
			fuzz_fail("byte 0x%02x is not UTF-8", *p);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct termsafe_char	 ch;
	char			*s, *out;
	size_t			 off, k, fit;
	int			 flags, width, used, w;

	if (size < 1 || size > MAX_INPUT)
		return 0;
	flags = data[0] & TERMSAFE_LINES;
	width = data[0] >> 1;
	s = fuzz_str(data + 1, size - 1);
	out = termsafe_str(s, flags);
	check_inert(out, flags);
	w = termsafe_width(s, flags);
	if (w < 0)
		fuzz_fail("negative width %d", w);
	free(out);
	for (off = 0; off < size - 1; off += k) {
		k = termsafe_next(s + off, size - 1 - off, flags, &ch);
		if (k == 0 || k > size - 1 - off)
			fuzz_fail("termsafe_next took %zu of %zu bytes", k,
			    size - 1 - off);
		check_inert(ch.text, flags);
	}
	out = termsafe_cut(s, width, 1, flags);
	check_inert(out, flags);
	if (termsafe_width(out, flags) > width)
		fuzz_fail("cut to %d cells is %d wide", width,
		    termsafe_width(out, flags));
	free(out);
	fit = termsafe_fit(s, strlen(s), width, flags, &used);
	if (fit > strlen(s) || used > width)
		fuzz_fail("fit %zu bytes, %d cells of %d", fit, used, width);
	free(s);
	return 0;
}
