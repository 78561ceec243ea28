/* SPDX-License-Identifier: MIT */
/*
 * Amounts of money: a deal's value is kept as an integer count of the
 * currency's minor units (cents for EUR, yen for JPY, fils for BHD), with
 * an ISO 4217 code beside it.  Codes are checked and the number of minor
 * digits of each currency is read from ICU (ucurr_*), never from a table
 * of our own.  Amounts of different currencies are never added together.
 */
#ifndef KITH_MONEY_H
#define KITH_MONEY_H

#include <stddef.h>
#include <stdint.h>

#include "kith/status.h"

struct kith_db;

/*
 * Checks that code is an ISO 4217 currency ICU knows (any case, e.g.
 * "eur") and writes it upper case into out.  KITH_INVALID naming the
 * code ("currency 'EUX': not an ISO 4217 code such as EUR, USD, GBP").
 */
enum kith_status money_currency(const char *code, char out[4],
		    struct kith_err *);

/* Digits after the decimal point in currency (2 for EUR, 0 for JPY). */
int		 money_digits(const char *currency);

/*
 * The book's currency for a value given without one: the currency of its
 * phone region (the region chosen when the database was made: "US" gives
 * USD, "DE" EUR), else USD.
 */
void		 money_default_currency(struct kith_db *, char out[4]);

/*
 * Parses a plain decimal amount of currency into minor units: digits,
 * optionally grouped by thousands with ',' ("12,500" or "12500"), and at
 * most money_digits(currency) digits after a '.' ("12,500.50").  Blanks
 * around it are ignored.  KITH_INVALID naming the text if it is negative,
 * not a number, has too many decimals or is too large.
 */
enum kith_status money_parse(const char *s, const char *currency,
		    int64_t *minor, struct kith_err *);

/*
 * Writes minor units of currency with its digits after the point into
 * out (size bytes, at least 32): "12,500.50" with group set, "12500.50"
 * without (for TSV).  Returns out.
 */
char		*money_format(int64_t minor, const char *currency, int group,
		    char *out, size_t size);

#endif
