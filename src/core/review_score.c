/* SPDX-License-Identifier: MIT */
/*
 * The review's score (review.h has the formula in words; README quotes
 * it): the weights live here and nowhere else, with the bound the queue
 * prunes by and the explanation a user reads.
 */
#include <limits.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/review.h"
#include "kith/util.h"
#include "internal.h"
#include "review_impl.h"

#define LATE_PER_DAY	2
#define LATE_MIN	(-14)
#define LATE_MAX	40
#define STRENGTH_DIV	5
#define STRENGTH_MAX	100
#define DEAL_MAX	20

static void	 term(struct review_item *, const char *, double,
		    const char *, ...) __attribute__((format(printf, 4, 5)));
static double	 late_points(long);
static double	 deal_points(int64_t);

const char *
review_kind_name(enum review_kind k)
{
	switch (k) {
	case REVIEW_FOLLOWUP:	return "follow-up";
	case REVIEW_CADENCE:	return "cadence";
	case REVIEW_KEYDATE:	return "key date";
	case REVIEW_DEAL:	return "deal";
	}
	return "";
}

const char *
review_item_kind(const struct review_item *it)
{
	return it->label[0] != '\0' ? it->label : review_kind_name(it->kind);
}

int
review_priority(int score)
{
	int	p;

	if (score < 0)
		return 9;
	p = 8 - score / 8;
	return p < 1 ? 1 : p > 9 ? 9 : p;
}

static void
term(struct review_item *it, const char *name, double value,
    const char *fmt, ...)
{
	struct review_term	*t;
	va_list			 ap;

	if (it->n_terms == REVIEW_TERMS)
		return;
	t = &it->terms[it->n_terms++];
	t->name = name;
	t->value = value;
	va_start(ap, fmt);
	vsnprintf(t->why, sizeof t->why, fmt, ap);
	va_end(ap);
}

static double
late_points(long late)
{
	long	p = late * LATE_PER_DAY;

	return (double)(p < LATE_MIN ? LATE_MIN : p > LATE_MAX ? LATE_MAX : p);
}

/* 5 x log10(value) - 10, at most DEAL_MAX; 0 for none or a small one. */
static double
deal_points(int64_t value_cents)
{
	double	v;

	if (value_cents < 100)
		return 0;
	v = 5.0 * log10((double)value_cents / 100.0) - 10.0;
	return v > DEAL_MAX ? DEAL_MAX : v > 0 ? v : 0;
}

double
review_tier(const struct review_cand *c, struct review_item *it)
{
	const char	*why;
	double		 pts;

	switch (c->kind) {
	case REVIEW_FOLLOWUP:
		pts = c->late > 0 ? 30 : c->late == 0 ? 25 : 10;
		why = c->late > 0 ? "overdue follow-up" : c->late == 0 ?
		    "follow-up due today" : "follow-up coming";
		break;
	case REVIEW_CADENCE:
		pts = c->state == KITH_CADENCE_OVERDUE ? 25 :
		    c->state == KITH_CADENCE_DUE ? 15 : 5;
		why = c->state == KITH_CADENCE_OVERDUE ? "overdue cadence" :
		    c->state == KITH_CADENCE_DUE ? "due cadence" :
		    "cadence coming due";
		break;
	case REVIEW_KEYDATE:
		pts = c->late == 0 ? 30 : 15;
		if (it != NULL)
			term(it, "tier", pts, c->late == 0 ? "%s today" :
			    "%s this week", c->label);
		return pts;
	case REVIEW_DEAL:
	default:
		pts = 20;
		why = "stalled deal";
		break;
	}
	if (it != NULL)
		term(it, "tier", pts, "%s", why);
	return pts;
}

void
review_score_rest(struct review_item *it, int strength, int64_t value_cents)
{
	double	sum = 0, v;
	size_t	i;

	if (it->late != 0)
		term(it, "lateness", late_points(it->late), it->late > 0 ?
		    "%ld day%s late" : "in %ld day%s", labs(it->late),
		    labs(it->late) == 1 ? "" : "s");
	if (strength > 0)
		term(it, "strength", (double)strength / STRENGTH_DIV,
		    "strength %d", strength);
	if ((v = deal_points(value_cents)) > 0)
		term(it, "deal", v, "open deal %lld",
		    (long long)(value_cents / 100));
	for (i = 0; i < it->n_terms; i++)
		sum += it->terms[i].value;
	it->score = (int)floor(sum + 0.5);
}

int
review_bound(const struct review_cand *c)
{
	double	sum;

	sum = review_tier(c, NULL) + late_points(c->late);
	if (c->kind != REVIEW_DEAL)
		sum += c->strength >= 0 ? (double)c->strength / STRENGTH_DIV :
		    (double)STRENGTH_MAX / STRENGTH_DIV;
	sum += c->value >= 0 ? deal_points(c->value) : DEAL_MAX;
	/* The same rounding as the score; the slack covers summing in
	 * another order. */
	return (int)floor(sum + 0.5 + 1e-6);
}

long
review_late_needed(const struct review_cand *c, int floor)
{
	struct review_cand	t = *c;
	long			late;

	/* Below and above these the lateness term and the tiers are flat. */
	t.late = LATE_MIN / LATE_PER_DAY - 1;
	if (review_bound(&t) >= floor)
		return LONG_MIN;
	for (late = t.late + 1; late <= LATE_MAX / LATE_PER_DAY + 1; late++) {
		t.late = late;
		if (review_bound(&t) >= floor)
			return late;
	}
	return LONG_MAX;
}

int
review_item_cmp(const void *a, const void *b)
{
	const struct review_item *x = a, *y = b;
	int			 c;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return x->ref < y->ref ? -1 : x->ref > y->ref;
}

void
review_explain(const struct review_item *it, char *out, size_t len)
{
	size_t	i, at = 0;
	int	w;

	out[0] = '\0';
	for (i = 0; i < it->n_terms && at < len; i++) {
		const struct review_term *t = &it->terms[i];

		if (t->value == floor(t->value))
			w = snprintf(out + at, len - at, "%s%s %+.0f",
			    i ? " + " : "", t->why, t->value);
		else
			w = snprintf(out + at, len - at, "%s%s %+.1f",
			    i ? " + " : "", t->why, t->value);
		if (w < 0)
			return;
		at += (size_t)w;
	}
	if (at < len)
		snprintf(out + at, len - at, " = %d", it->score);
}
