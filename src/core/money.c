/* SPDX-License-Identifier: MIT */
/*
 * Amounts of money in minor units, currencies checked with ICU.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucurr.h>
#include <unicode/utypes.h>

#include "kith/money.h"
#include "kith/util.h"
#include "internal.h"

static void	to_uchars(const char *, UChar[4]);

static void
to_uchars(const char *code, UChar out[4])
{
	int	i;

	for (i = 0; i < 3; i++)
		out[i] = (UChar)(unsigned char)code[i];
	out[3] = 0;
}

enum kith_status
money_currency(const char *code, char out[4], struct kith_err *err)
{
	UErrorCode	 uerr = U_ZERO_ERROR;
	UChar		 u[4];
	int		 i, ok = code != NULL && strlen(code) == 3;

	for (i = 0; ok && i < 3; i++) {
		if (code[i] >= 'a' && code[i] <= 'z')
			out[i] = (char)(code[i] - 'a' + 'A');
		else if (code[i] >= 'A' && code[i] <= 'Z')
			out[i] = code[i];
		else
			ok = 0;
	}
	if (ok) {
		out[3] = '\0';
		to_uchars(out, u);
		ok = ucurr_isAvailable(u, U_DATE_MIN, U_DATE_MAX, &uerr) &&
		    U_SUCCESS(uerr);
	}
	if (!ok) {
		out[0] = '\0';
		return kith_err_set(err, KITH_INVALID, "currency '%s': not an "
		    "ISO 4217 code such as EUR, USD or GBP",
		    code != NULL ? code : "");
	}
	return KITH_OK;
}

int
money_digits(const char *currency)
{
	UErrorCode	 uerr = U_ZERO_ERROR;
	UChar		 u[4];
	int32_t		 d;

	if (currency == NULL || strlen(currency) != 3)
		return 2;
	to_uchars(currency, u);
	d = ucurr_getDefaultFractionDigits(u, &uerr);
	if (U_FAILURE(uerr) || d < 0 || d > 4)
		return 2;
	return (int)d;
}

void
money_default_currency(struct kith_db *db, char out[4])
{
	UErrorCode	 uerr = U_ZERO_ERROR;
	UChar		 u[8];
	char		 loc[16];
	int32_t		 n, i;

	strcpy(out, "USD");
	snprintf(loc, sizeof loc, "und_%s", db_region(db));
	n = ucurr_forLocale(loc, u, 8, &uerr);
	if (U_FAILURE(uerr) || n != 3)
		return;
	for (i = 0; i < 3; i++)
		if (u[i] < 'A' || u[i] > 'Z')
			return;
	for (i = 0; i < 3; i++)
		out[i] = (char)u[i];
	out[3] = '\0';
}

enum kith_status
money_parse(const char *s, const char *currency, int64_t *minor,
    struct kith_err *err)
{
	const char	*p = s, *why = "not a plain amount such as 12500 or "
			    "12,500.50";
	int64_t		 v = 0;
	int		 digits = money_digits(currency), frac = -1, group = -1;
	int		 n_int = 0, grouped = 0;

	*minor = 0;
	if (p == NULL)
		p = s = "";
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p == '-') {
		why = "a value cannot be negative";
		goto bad;
	}
	if (*p == '+')
		p++;
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			if (frac >= 0 && ++frac > digits) {
				why = digits == 0 ? "this currency has no "
				    "minor unit" : "too many decimals for the "
				    "currency";
				goto bad;
			}
			if (frac < 0) {
				n_int++;
				if (group >= 0 && ++group > 3)
					goto bad;
			}
			if (v > (INT64_MAX - 9) / 10) {
				why = "too large";
				goto bad;
			}
			v = v * 10 + (*p - '0');
		} else if (*p == ',' && frac < 0 && n_int > 0 &&
		    (group < 0 ? n_int <= 3 : group == 3)) {
			group = 0;
			grouped = 1;
		} else if (*p == '.' && frac < 0 && n_int > 0 &&
		    (!grouped || group == 3)) {
			frac = 0;
		} else
			break;
	}
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0' || n_int == 0 || frac == 0 || (grouped && group != 3 &&
	    frac < 0))
		goto bad;
	for (frac = frac < 0 ? 0 : frac; frac < digits; frac++) {
		if (v > INT64_MAX / 10) {
			why = "too large";
			goto bad;
		}
		v *= 10;
	}
	*minor = v;
	return KITH_OK;
bad:
	return kith_err_set(err, KITH_INVALID, "value '%s': %s", s, why);
}

char *
money_format(int64_t minor, const char *currency, int group, char *out,
    size_t size)
{
	char		 digits[32], *q;
	int		 d = money_digits(currency), len, i, n_int;

	if (minor < 0)
		minor = 0;
	len = snprintf(digits, sizeof digits, "%0*lld", d + 1,
	    (long long)minor);
	n_int = len - d;
	if (size < 32) {
		if (size > 0)
			out[0] = '\0';
		return out;
	}
	q = out;
	for (i = 0; i < n_int; i++) {
		if (group && i > 0 && (n_int - i) % 3 == 0)
			*q++ = ',';
		*q++ = digits[i];
	}
	if (d > 0) {
		*q++ = '.';
		memcpy(q, digits + n_int, (size_t)d);
		q += d;
	}
	*q = '\0';
	return out;
}
