/* SPDX-License-Identifier: MIT */
/*
 * Word wrap by display width (wrap.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kith/util.h"
#include "utf8.h"
#include "wrap.h"

static void	push(struct wrap_line **, size_t *, size_t, size_t);

static void
push(struct wrap_line **lines, size_t *n, size_t off, size_t len)
{
	*lines = xreallocarray(*lines, *n + 1, sizeof **lines);
	(*lines)[*n].off = off;
	(*lines)[*n].len = len;
	(*n)++;
}

size_t
wrap_text(const char *s, int width, struct wrap_line **lines)
{
	struct u8_glyph	 g;
	const char	*p, *end, *nl;
	size_t		 n = 0, len, fit, cut;

	*lines = NULL;
	if (s == NULL)
		return 0;
	if (width < 1)
		width = 1;
	for (p = s; *p != '\0'; p = nl != NULL ? nl + 1 : end) {
		nl = strchr(p, '\n');
		end = nl != NULL ? nl : p + strlen(p);
		len = (size_t)(end - p);
		if (len > 0 && p[len - 1] == '\r')	/* CRLF text */
			len--;
		if (len == 0)
			push(lines, &n, (size_t)(p - s), 0);
		while (len > 0) {
			fit = u8_fit(p, len, width, NULL);
			if (fit >= len) {
				push(lines, &n, (size_t)(p - s), len);
				break;
			}
			/* The last space that fits, else cut the word. */
			for (cut = fit; cut > 0 && p[cut] != ' '; cut--)
				;
			if (cut == 0)
				cut = fit;
			if (cut == 0)	/* not even one character fits */
				cut = u8_next(p, len, &g);
			fit = cut;
			while (cut > 0 && p[cut - 1] == ' ')
				cut--;
			push(lines, &n, (size_t)(p - s), cut);
			p += fit;
			len -= fit;
			while (len > 0 && *p == ' ') {
				p++;
				len--;
			}
		}
		if (nl == NULL)
			break;
	}
	return n;
}
