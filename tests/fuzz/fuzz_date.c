/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the one human date parser (clock.c) and the readers
 * of dates and times as address books and KITH_NOW write them.  A date
 * they accept is a real day in the canonical form, and its description
 * fits its buffer.
 */
#include <stdint.h>
#include <string.h>

#include "kith/clock.h"
#include "fuzz.h"

#define MAX_INPUT	256

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const unsigned	 flags[] = { 0, KITH_DATE_MDY };
	struct kith_when	 w;
	struct kith_err		 err = { 0 };
	char			 date[KITH_DATE_LEN], text[KITH_DAY_TEXT];
	char			 when[KITH_WHEN_LEN], *s;
	time_t			 now = 1796500000;	/* Dec 2026 */
	size_t			 i;
	int			 h, m;

	if (size > MAX_INPUT)
		return 0;
	s = fuzz_str(data, size);
	for (i = 0; i < sizeof flags / sizeof flags[0]; i++) {
		if (when_parse(s, now, flags[i], &w, &err) != KITH_OK)
			continue;
		when_format(&w, when);
		when_describe(&w, text);
		if (strlen(when) >= KITH_WHEN_LEN || strlen(text) >= KITH_DAY_TEXT)
			fuzz_fail("'%s': overlong result", s);
	}
	if (date_parse(s, now, date, &err) == KITH_OK && !date_valid(date))
		fuzz_fail("'%s' parsed as '%s', not a valid day", s, date);
	if (date_parse_import(s, strlen(s), date) == 1 && date[0] != '-' &&
	    !date_valid(date))
		fuzz_fail("'%s' imported as '%s', not a valid day", s, date);
	(void)when_read(s, &w);
	(void)time_read(s, &h, &m);
	(void)time_parse(s);
	free(s);
	return 0;
}
