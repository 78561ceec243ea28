/* SPDX-License-Identifier: MIT */
/*
 * The pipeline's numbers (pipeline.h).  Each figure is one aggregate
 * statement: the per-stage totals group the deals of each open stage by
 * currency along the index deal_by_stage (stage_id, currency, value_cents),
 * which covers the columns they read, so SQLite never visits a deal's row.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ucurr.h>
#include <unicode/ustring.h>

#include "kith/pipeline.h"
#include "kith/util.h"
#include "internal.h"

static int64_t	weigh(int64_t, int);
static void	add_amount(struct pipeline_stage_total *, const char *, long,
		    int64_t);

enum kith_status
pipeline_currency(const char *s, char out[KITH_CURRENCY_LEN],
    struct kith_err *err)
{
	int	i;

	out[0] = '\0';
	if (s == NULL)
		return kith_err_set(err, KITH_INVALID, "a currency code is "
		    "missing (three letters, e.g. EUR)");
	for (i = 0; i < 3; i++) {
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= 'A' && s[i] <= 'Z')))
			break;
		out[i] = (char)(s[i] & ~0x20);
	}
	if (i != 3 || s[3] != '\0') {
		out[0] = '\0';
		return kith_err_set(err, KITH_INVALID, "'%s' is not a currency "
		    "code (three letters of ISO 4217, e.g. EUR, USD, JPY)", s);
	}
	out[3] = '\0';
	return KITH_OK;
}

int
pipeline_currency_digits(const char *currency)
{
	UChar		 code[KITH_CURRENCY_LEN];
	UErrorCode	 ec = U_ZERO_ERROR;
	int32_t		 d;

	if (currency == NULL || strlen(currency) != 3)
		return 2;
	u_charsToUChars(currency, code, 4);
	d = ucurr_getDefaultFractionDigits(code, &ec);
	if (U_FAILURE(ec) || d < 0 || d > 4)
		return 2;
	return d;
}

void
pipeline_money_format(int64_t cents, const char *currency, unsigned flags,
    char *out, size_t len)
{
	char		 digits[32], grouped[48];
	uint64_t	 mag, whole, frac;
	int		 places, neg, i, n, g;

	if (len == 0)
		return;
	places = pipeline_currency_digits(currency);
	neg = cents < 0;
	mag = neg ? (uint64_t)0 - (uint64_t)cents : (uint64_t)cents;
	/* Hundredths to the currency's own unit, rounding half up. */
	if (places == 0) {
		whole = (mag + 50) / 100;
		frac = 0;
	} else if (places == 1) {
		whole = mag / 100;
		frac = (mag % 100 + 5) / 10;
		if (frac == 10) {
			whole++;
			frac = 0;
		}
	} else {
		whole = mag / 100;
		frac = mag % 100;
		for (i = 2; i < places; i++)
			frac *= 10;
	}
	if (whole == 0 && frac == 0)
		neg = 0;
	n = snprintf(digits, sizeof digits, "%llu", (unsigned long long)whole);
	if (flags & PIPELINE_MONEY_GROUP) {
		g = 0;
		for (i = 0; i < n; i++) {
			if (i > 0 && (n - i) % 3 == 0)
				grouped[g++] = ',';
			grouped[g++] = digits[i];
		}
		grouped[g] = '\0';
	} else
		snprintf(grouped, sizeof grouped, "%s", digits);
	if (places == 0)
		snprintf(out, len, "%s%s", neg ? "-" : "", grouped);
	else
		snprintf(out, len, "%s%s.%0*llu", neg ? "-" : "", grouped,
		    places, (unsigned long long)frac);
}

/* total × probability / 100 to the nearest hundredth, half away from 0. */
static int64_t
weigh(int64_t total, int probability)
{
	int64_t	p = total * probability;

	return p >= 0 ? (p + 50) / 100 : -((-p + 50) / 100);
}

static void
add_amount(struct pipeline_stage_total *t, const char *currency, long count,
    int64_t total)
{
	struct pipeline_amount	*a;

	t->amounts = xreallocarray(t->amounts, t->n_amounts + 1,
	    sizeof *t->amounts);
	a = &t->amounts[t->n_amounts++];
	memset(a, 0, sizeof *a);
	snprintf(a->currency, sizeof a->currency, "%s",
	    currency != NULL ? currency : "");
	a->count = count;
	a->total = total;
	a->weighted = weigh(total, t->probability);
	t->count += count;
}

/*
 * One row per open stage and currency, stages in board order.  The LEFT
 * JOIN keeps empty stages (with a NULL currency and a count of 0); the
 * inner side is a range of deal_by_stage per stage, grouped in index
 * order.
 */
enum kith_status
pipeline_stage_totals(struct kith_db *db, const char *currency,
    struct pipeline_stage_total **out, size_t *n, struct kith_err *err)
{
	struct pipeline_stage_total	*r = NULL, *t = NULL;
	sqlite3_stmt			*stmt;
	char				 cur[KITH_CURRENCY_LEN];
	size_t				 count = 0;
	int64_t				 id;
	int				 rc;

	*out = NULL;
	*n = 0;
	if (!str_empty(currency) &&
	    pipeline_currency(currency, cur, err) != KITH_OK)
		return KITH_INVALID;
	if ((stmt = db_stmt(db, "SELECT s.id, s.name, s.probability, "
	    "s.stall_days, d.currency, count(d.stage_id), "
	    "coalesce(sum(d.value_cents), 0) FROM stage s "
	    "LEFT JOIN deal d ON d.stage_id = s.id "
	    "AND (?1 IS NULL OR d.currency = ?1) "
	    "WHERE s.kind = 'open' GROUP BY s.id, d.currency "
	    "ORDER BY s.pos, s.id, d.currency", err)) == NULL)
		return KITH_DB;
	if (!str_empty(currency))
		sqlite3_bind_text(stmt, 1, cur, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		id = sqlite3_column_int64(stmt, 0);
		if (t == NULL || t->stage != id) {
			r = xreallocarray(r, count + 1, sizeof *r);
			t = &r[count++];
			memset(t, 0, sizeof *t);
			t->stage = id;
			t->name = db_col_text(stmt, 1);
			t->probability = sqlite3_column_int(stmt, 2);
			t->stall_days = sqlite3_column_int(stmt, 3);
		}
		if (sqlite3_column_int64(stmt, 5) == 0)
			continue;
		add_amount(t, (const char *)sqlite3_column_text(stmt, 4),
		    (long)sqlite3_column_int64(stmt, 5),
		    sqlite3_column_int64(stmt, 6));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		pipeline_stage_totals_free(r, count);
		return db_fail(db, err, "adding up the pipeline");
	}
	*out = r;
	*n = count;
	return KITH_OK;
}

void
pipeline_stage_totals_free(struct pipeline_stage_total *r, size_t n)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(r[i].name);
		free(r[i].amounts);
	}
	free(r);
}
