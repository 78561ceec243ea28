/* SPDX-License-Identifier: MIT */
/*
 * What the pipeline board writes about money (screen_board.c): an amount
 * with its currency's digits but none that are all zero ("12,500 EUR",
 * "99.50 USD"), or in short for a narrow column ("12.5k EUR", "2.4M
 * RUB"), and a column's totals, one amount per currency (never added
 * together).  No curses here: unit-tested without a terminal.
 */
#ifndef KITH_TUI_BOARDTEXT_H
#define KITH_TUI_BOARDTEXT_H

#include <stddef.h>
#include <stdint.h>

struct pipeline_stage_total;

/*
 * Writes minor units of currency ("" for none) into out (len bytes, 48
 * is always enough); brief: in short from 10,000 on, three digits at most
 * and k, M, B or T after them.
 */
void	 board_money(int64_t minor, const char *currency, int brief,
	    char *out, size_t len);

/*
 * "12,500 EUR · 300 USD": the amounts of a stage that have a value, in
 * full or (brief) in short; NULL if none has one.  Caller frees.
 */
char	*board_totals(const struct pipeline_stage_total *, int brief);

#endif
