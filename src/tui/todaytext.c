/* SPDX-License-Identifier: MIT */
/*
 * The Today screen's text (todaytext.h), apart from drawing so that it is
 * tested without a terminal.
 */
#include <stdio.h>
#include <string.h>

#include "kith/cadence.h"
#include "kith/review.h"
#include "kith/util.h"
#include "draw.h"
#include "todaytext.h"

static void	points(double, char *, size_t);

void
today_header(const struct review *r, char *out, size_t len)
{
	snprintf(out, len, "%zu owed today, %zu decided, %zu carried over",
	    r->n, r->decided, r->carried);
}

void
today_when(const struct review_item *it, char *out, size_t len)
{
	if (it->late > 0)
		snprintf(out, len, "%ld day%s late", it->late,
		    it->late == 1 ? "" : "s");
	else if (it->late == 0)
		snprintf(out, len, "today");
	else if (it->late == -1)
		snprintf(out, len, "tomorrow");
	else
		snprintf(out, len, "in %ld days", -it->late);
}

int
today_role(const struct review_item *it)
{
	const char	*tier = it->n_terms > 0 ? it->terms[0].why : "";

	switch (it->kind) {
	case REVIEW_FOLLOWUP:
		return it->late > 0 ? ROLE_OVERDUE : it->late == 0 ?
		    ROLE_TODAY : ROLE_NORMAL;
	case REVIEW_CADENCE:
		return strncmp(tier, "overdue", 7) == 0 ? ROLE_OVERDUE :
		    it->late >= 0 ? ROLE_TODAY : ROLE_NORMAL;
	case REVIEW_KEYDATE:
		return it->late == 0 ? ROLE_TODAY : ROLE_NORMAL;
	case REVIEW_DEAL:
		return ROLE_OVERDUE;
	}
	return ROLE_NORMAL;
}

/* "+25", "+7.4", "-4": a term's points as review_explain writes them. */
static void
points(double v, char *out, size_t len)
{
	long	tenths = (long)(v * 10 + (v >= 0 ? 0.5 : -0.5));

	if (tenths % 10 == 0)
		snprintf(out, len, "%+ld", tenths / 10);
	else
		snprintf(out, len, "%+.1f", v);
}

char *
today_why(const struct review_item *it)
{
	struct sbuf	 sb = { 0 };
	char		 p[32];
	double		 sum = 0;
	size_t		 i;

	sbuf_printf(&sb, "#%zu with %d points: %s, %s", it->rank, it->score,
	    review_item_kind(it), it->name != NULL ? it->name : "");
	if (it->what != NULL)
		sbuf_printf(&sb, " — %s", it->what);
	sbuf_add(&sb, "\n\nThe score is the sum of its terms:\n\n");
	for (i = 0; i < it->n_terms; i++) {
		points(it->terms[i].value, p, sizeof p);
		sbuf_printf(&sb, "  %-10s %7s   %s\n", it->terms[i].name, p,
		    it->terms[i].why);
		sum += it->terms[i].value;
	}
	points(sum, p, sizeof p);
	sbuf_printf(&sb, "  %-10s %7s   rounded: %d\n", "sum", p[0] == '+' ?
	    p + 1 : p, it->score);
	sbuf_add(&sb, "\nHigher first; ties by kind (follow-up, cadence, key "
	    "date, deal), then by name.\n");
	if (it->hint != NULL)
		sbuf_printf(&sb, "\nSame organisation: %s\n", it->hint);
	return sbuf_detach(&sb);
}

void
today_loosen(int ideal, int max, struct cadence_spec *out)
{
	if (max <= 0)
		max = (ideal * 3 + 1) / 2;
	out->ideal = (ideal * 3 + 1) / 2;
	out->max = (max * 3 + 1) / 2;
	if (out->max < out->ideal)
		out->max = out->ideal;
}
