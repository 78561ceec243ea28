/* SPDX-License-Identifier: MIT */
/*
 * Error messages that quote a huge value -- a pasted page as a date, a
 * megabyte name -- keep their start and their end, where kith says what
 * to do, and stay valid UTF-8 wherever the cut falls.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kith/status.h"
#include "kith/text.h"

static void	test_short(void);
static void	test_long_keeps_the_end(void);

static void
test_short(void)
{
	struct kith_err	err = { 0 };

	CHECK(kith_err_set(&err, KITH_INVALID, "'%s' is not a date", "31/4")
	    == KITH_INVALID);
	CHECK_STR(err.msg, "'31/4' is not a date");
}

static void
test_long_keeps_the_end(void)
{
	static const char tail[] = "' is not a date: use YYYY-MM-DD";
	struct kith_err	 err = { 0 };
	char		*v;
	size_t		 n, i, len, bad;

	/* Every cut position, through two- and three-byte characters. */
	for (n = 900; n < 1300; n++) {
		v = malloc(n * 3 + 1);
		for (i = 0, len = 0; i < n; i++)
			len += (size_t)sprintf(v + len, "%s",
			    i % 3 == 0 ? "a" : i % 3 == 1 ? "\u010d" :
			    "\u2014");
		kith_err_set(&err, KITH_INVALID, "--due: '%s' is not a date: "
		    "use YYYY-MM-DD", v);
		len = strlen(err.msg);
		CHECK(len < sizeof err.msg);
		CHECK(text_valid_utf8(err.msg, len, &bad));
		CHECK(strncmp(err.msg, "--due: 'a", 9) == 0);
		CHECK(len > strlen(tail) &&
		    strcmp(err.msg + len - strlen(tail), tail) == 0);
		CHECK(strstr(err.msg, " \u2026 ") != NULL);
		free(v);
	}
}

TEST_MAIN(test_short, test_long_keeps_the_end)
