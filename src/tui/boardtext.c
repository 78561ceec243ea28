/* SPDX-License-Identifier: MIT */
/*
 * The board's money text (boardtext.h).  The digits come from the core
 * (money_format, money_digits): only the trimming and the short form are
 * the board's.
 */
#include <stdio.h>
#include <string.h>

#include "kith/money.h"
#include "kith/pipeline.h"
#include "kith/util.h"
#include "boardtext.h"

void
board_money(int64_t minor, const char *currency, int brief, char *out,
    size_t len)
{
	static const char *const units[] = { "k", "M", "B", "T" };
	char	num[32], *dot;
	double	v = (double)minor;
	int	d, u;

	for (d = money_digits(currency); d > 0; d--)
		v /= 10;
	if (!brief || v < 10000) {
		money_format(minor, currency, 1, num, sizeof num);
		if ((dot = strchr(num, '.')) != NULL &&
		    strspn(dot + 1, "0") == strlen(dot + 1))
			*dot = '\0';
		snprintf(out, len, "%s%s%s", num, currency[0] != '\0' ? " " :
		    "", currency);
		return;
	}
	/* Three digits at most: 999.5k rounds to 1M, not 1e+03k. */
	for (v /= 1e3, u = 0; u < 3 && v >= 999.5; u++)
		v /= 1e3;
	snprintf(out, len, v >= 999.5 ? "%.0f%s%s%s" : "%.3g%s%s%s", v,
	    units[u], currency[0] != '\0' ? " " : "", currency);
}

char *
board_totals(const struct pipeline_stage_total *t, int brief)
{
	struct sbuf	 sb = { 0 };
	char		 m[48];
	size_t		 i;

	for (i = 0; i < t->n_amounts; i++) {
		if (t->amounts[i].total == 0)
			continue;
		board_money(t->amounts[i].total, t->amounts[i].currency, brief,
		    m, sizeof m);
		sbuf_printf(&sb, "%s%s", sb.len > 0 ? " · " : "", m);
	}
	return sb.s;
}
