/* SPDX-License-Identifier: MIT */
/*
 * The board's money text (boardtext.c): amounts without a zero fraction,
 * the short form for narrow columns (three digits at most, rounding up to
 * the next unit), a column's totals per currency, never added together.
 */
#include <stdlib.h>

#include "../unit/check.h"
#include "kith/pipeline.h"
#include "boardtext.h"

static const char *
m(int64_t minor, const char *cur, int brief)
{
	static char	buf[48];

	board_money(minor, cur, brief, buf, sizeof buf);
	return buf;
}

static void
test_money(void)
{
	CHECK_STR(m(1250000, "EUR", 0), "12,500 EUR");
	CHECK_STR(m(9950, "USD", 0), "99.50 USD");
	CHECK_STR(m(12500, "JPY", 0), "12,500 JPY");
	CHECK_STR(m(250000000, "GBP", 0), "2,500,000 GBP");
	CHECK_STR(m(1250000, "", 0), "12,500");
	/* Short: plain below 10,000, then k, M, B, T with three digits. */
	CHECK_STR(m(990000, "EUR", 1), "9,900 EUR");
	CHECK_STR(m(1250000, "EUR", 1), "12.5k EUR");
	CHECK_STR(m(9500000, "GBP", 1), "95k GBP");
	CHECK_STR(m(99949900, "USD", 1), "999k USD");
	CHECK_STR(m(99950000, "USD", 1), "1M USD");
	CHECK_STR(m(125000000, "GBP", 1), "1.25M GBP");
	CHECK_STR(m(240000000, "RUB", 1), "2.4M RUB");
	CHECK_STR(m(99960000000LL, "EUR", 1), "1B EUR");
	CHECK_STR(m(2400000, "JPY", 1), "2.4M JPY");
	CHECK_STR(m(500000000000000000LL, "EUR", 1), "5000T EUR");
}

static void
test_totals(void)
{
	struct pipeline_amount		a[3] = {
		{ "EUR", 2, 1250000, 0 }, { "GBP", 1, 0, 0 },
		{ "USD", 1, 240000000, 0 }
	};
	struct pipeline_stage_total	t = { 0 };
	char				*s;

	t.amounts = a;
	t.n_amounts = 3;
	s = board_totals(&t, 0);
	CHECK_STR(s, "12,500 EUR · 2,400,000 USD");
	free(s);
	s = board_totals(&t, 1);
	CHECK_STR(s, "12.5k EUR · 2.4M USD");
	free(s);
	t.n_amounts = 0;
	CHECK(board_totals(&t, 0) == NULL);
}

TEST_MAIN(test_money, test_totals)
