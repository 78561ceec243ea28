/* SPDX-License-Identifier: MIT */
/*
 * Phone numbers: normalisation under a region, digits, calling-code
 * lengths, and when a typed number names a stored one (phone.h).
 */
#include <stdlib.h>

#include "check.h"
#include "kith/phone.h"

static void
normal_is(const char *raw, const char *region, const char *want)
{
	char	*got = phone_normalise(raw, region);

	CHECK_STR(got, want);
	free(got);
}

static void
test_normalise(void)
{
	normal_is("+1 (555) 010-2233", "US", "+15550102233");
	normal_is("555-010-2233", "US", "+15550102233");
	normal_is("(555) 010-2233", "US", "+15550102233");
	normal_is("1 555 010 2233", "US", "+15550102233");
	normal_is("011 44 7700 900119", "US", "+447700900119");
	normal_is("07700 900119", "GB", "+447700900119");
	normal_is("07700 900119", "US", "07700900119");
	normal_is("+44 (0) 7700 900121", "US", "+447700900121");
	normal_is("0044 7700 900121", "RS", "+447700900121");
	normal_is("011 555 0101", "RS", "+381115550101");
	normal_is("+381 11 555 0101", "GB", "+381115550101");
	normal_is("06 12 34 56 78", "FR", "+33612345678");
	normal_is("no digits", "US", "");
	normal_is("", "US", "");
	normal_is(NULL, NULL, "");
	normal_is("555-0101", NULL, "5550101");
}

static void
test_digits(void)
{
	static const char *const cases[][2] = {
		{ "+381 64 123-4567", "+381641234567" },
		{ "  +1 (555) 010-9999", "+15550109999" },
		{ "0038164123", "0038164123" },
		{ "064/123 45 67", "0641234567" },
		{ "tel: +381 11", "38111" },	/* '+' not first */
		{ "1+2", "12" },
		{ "+", "+" },
		{ "no digits", "" },
		{ "", "" },
	};
	size_t	 i;
	char	*s;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = phone_digits(cases[i][0]);
		CHECK_STR(s, cases[i][1]);
		free(s);
	}
	s = phone_digits(NULL);
	CHECK_STR(s, "");
	free(s);
	CHECK_INT(phone_count_digits("+44 (20) 7946-0101"), 12);
	CHECK_INT(phone_count_digits(NULL), 0);
}

static void
test_cc_len(void)
{
	CHECK_INT(phone_cc_len("15550102233"), 1);
	CHECK_INT(phone_cc_len("74951234567"), 1);
	CHECK_INT(phone_cc_len("442079460101"), 2);
	CHECK_INT(phone_cc_len("33612345678"), 2);
	CHECK_INT(phone_cc_len("4930123456"), 2);
	CHECK_INT(phone_cc_len("61212345678"), 2);
	CHECK_INT(phone_cc_len("86101234567"), 2);
	CHECK_INT(phone_cc_len("381115550101"), 3);
	CHECK_INT(phone_cc_len("353123456"), 3);
	CHECK_INT(phone_cc_len("420123456789"), 3);
	CHECK_INT(phone_cc_len("971501234567"), 3);
	CHECK_INT(phone_cc_len("85212345678"), 3);
	CHECK_INT(phone_cc_len("0123"), 0);
	CHECK_INT(phone_cc_len(""), 0);
}

static void
test_matches(void)
{
	/* As typed, with or without '+', spaces or the country code. */
	CHECK(phone_matches("+44 20 7946 0101", "+442079460101", "US"));
	CHECK(phone_matches("442079460101", "+442079460101", "US"));
	CHECK(phone_matches("0044 20 7946 0101", "+442079460101", "US"));
	CHECK(phone_matches("2079460101", "+442079460101", "US"));
	CHECK(phone_matches("020 7946 0101", "+442079460101", "US"));
	CHECK(phone_matches("(212) 555-0110", "+12125550110", "GB"));
	CHECK(phone_matches("064 555 0101", "+381645550101", "US"));
	/* Another number, or too few digits to tell. */
	CHECK(!phone_matches("+44 20 7946 0102", "+442079460101", "US"));
	CHECK(!phone_matches("7946 0101", "+442079460101", "US"));
	CHECK(!phone_matches("0101", "+442079460101", "US"));
	CHECK(!phone_matches("+1 2079460101", "+442079460101", "US"));
	CHECK(!phone_matches("2079460101", "", "US"));

	CHECK(!phone_same("+44 20 7946 0101", "020 7946 0101", "US"));
	CHECK(phone_matches("020 7946 0101", "+44 20 7946 0101", "US"));
	CHECK(phone_same("+44 20 7946 0101", "(020) 7946-0101", "GB"));
	CHECK(!phone_same("+44 20 7946 0101", "+44 20 7946 0102", "GB"));
	CHECK(phone_same("ask reception", "ask reception", "GB"));
	CHECK(!phone_same("ask reception", "n/a", "GB"));

	CHECK(phone_looks_like("+44 (20) 7946-0101"));
	CHECK(phone_looks_like("442079"));
	CHECK(!phone_looks_like("44207"));
	CHECK(!phone_looks_like("ana 442079"));
}

static void
test_search_words(void)
{
	char	*s;

	s = phone_search_words("+442079460101", "+442079460101");
	CHECK_STR(s, "442079460101 2079460101 02079460101");
	free(s);
	/* The country code before each later group: "447946" finds it. */
	s = phone_search_words("+44 20 7946 0101", "+442079460101");
	CHECK_STR(s, "442079460101 2079460101 02079460101 4479460101");
	free(s);
	s = phone_search_words("020 7946-0101", "+442079460101");
	CHECK_STR(s, "442079460101 2079460101 02079460101 4479460101");
	free(s);
	/* A group that is not the number's tail adds nothing. */
	s = phone_search_words("+44 20 7946 0101 ext 12", "+442079460101");
	CHECK_STR(s, "442079460101 2079460101 02079460101");
	free(s);
	s = phone_search_words("+381 64 555 0101", "+381645550101");
	CHECK_STR(s, "381645550101 645550101 0645550101 3815550101");
	free(s);
	s = phone_search_words("5550101", "5550101");
	CHECK_STR(s, "5550101");
	free(s);
	s = phone_search_words(NULL, "");
	CHECK_STR(s, "");
	free(s);
}

/* What a spreadsheet did to a number: flagged, never changed. */
static void
test_damage(void)
{
	static const struct {
		const char	*raw, *region, *want;	/* want: a word of it */
	} cases[] = {
		{ "4,47701E+11", "GB", "scientific notation" },
		{ "4.47701E+11", "US", "scientific notation" },
		{ " 4.47701e11 ", "GB", "scientific notation" },
		{ "7E+9", "GB", "scientific notation" },
		{ "7700900123", "GB", "leading 0" },
		{ "2079460101", "GB", "leading 0" },
		{ "645550101", "RS", "leading 0" },
		{ "07700900123", "GB", NULL },		/* has its 0 */
		{ "447700900123", "GB", NULL },		/* calling code */
		{ "+447700900123", "GB", NULL },
		{ "7700 900123", "GB", NULL },		/* typed, not a number */
		{ "2125550110", "US", NULL },		/* no trunk 0 in US */
		{ "12345", "GB", NULL },		/* too short */
		{ "4.5E", "GB", NULL },
		{ "E+11", "GB", NULL },
		{ "ask reception", "GB", NULL },
		{ "", "GB", NULL },
		{ NULL, "GB", NULL },
	};
	const char	*got;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		got = phone_damage(cases[i].raw, cases[i].region);
		if (cases[i].want == NULL) {
			if (got != NULL)
				fprintf(stderr, "case %zu: %s\n", i, got);
			CHECK(got == NULL);
		} else {
			if (got == NULL)
				fprintf(stderr, "case %zu: NULL\n", i);
			CHECK(got != NULL && strstr(got, cases[i].want) != NULL);
		}
	}
}

TEST_MAIN(test_normalise, test_digits, test_cc_len, test_matches,
    test_search_words, test_damage)
