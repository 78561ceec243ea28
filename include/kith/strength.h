/* SPDX-License-Identifier: MIT */
/*
 * Relationship strength: a score from 0 to 100, the one formula below,
 * deterministic for a given day.  From the touches (interactions other
 * than notes) with a person:
 *
 *   recency      35 x 2^(-days since the last touch / 90)
 *   frequency    25 x (1 - 2^(-weighted touches / 8)), where a meeting
 *                weighs 3, a call or an event 2, an e-mail 1
 *   tenure       25 x min(1, days from the first touch to the last / 730)
 *   reciprocity  15 x min(1, 2 x touches they started / touches whose
 *                starter is known), 0.5 x 15 when none is known
 *
 * rounded to the nearest whole number; nobody ever touched scores 0.  A
 * relationship of years that went quiet for a year keeps its tenure and
 * frequency, so it scores above someone met once last month.  A manual
 * strength, stored apart, replaces the computed one where it is shown.
 *
 * Cooling is judged against each person's own rhythm: cooling when the
 * days since the last touch exceed twice their median gap between touch
 * days (touch.c keeps that day on the contact).
 */
#ifndef KITH_STRENGTH_H
#define KITH_STRENGTH_H

#include <stdint.h>
#include "kith/clock.h"
#include "kith/status.h"

struct kith_db;

#define STRENGTH_HALF_LIFE	90	/* days for recency to halve */
#define STRENGTH_W_RECENCY	35
#define STRENGTH_W_FREQUENCY	25
#define STRENGTH_W_TENURE	25
#define STRENGTH_W_RECIPROCITY	15
#define STRENGTH_FREQ_HALF	8	/* weighted touches for half marks */
#define STRENGTH_TENURE_FULL	730	/* days of tenure for full marks */
#define STRENGTH_COOLING	2	/* x the median gap */

/* What the score is computed from (touch.h's stats, as plain numbers). */
struct strength_input {
	long	days_since;	/* days since the last touch (>= 0) */
	long	tenure;		/* days from the first touch to the last */
	long	n;		/* touches; 0: never touched */
	long	w;		/* weighted touches */
	long	in, out;	/* started by them, by us */
};

/* The score and its terms (each already weighted). */
struct strength {
	int	score;		/* 0-100: the manual one when set */
	int	computed;	/* 0-100 from the formula */
	int	manual;		/* -1 none, else 0-100 */
	double	recency, frequency, tenure, reciprocity;
};

/* The weight of an interaction kind in the frequency term (0: a note). */
int		 strength_kind_weight(const char *kind);

/*
 * The inputs from a touch summary: first and last day touched ("" or
 * NULL never), touches, weighted touches, started by them and by us, on
 * day today.
 */
void		 strength_input_of(const char *first, const char *last,
		    long n, long w, long in, long out, const char *today,
		    struct strength_input *);

/* The formula, on in (manual -1 in the result). */
void		 strength_compute(const struct strength_input *in,
		    struct strength *out);

/*
 * "recency 21.3 + frequency 20.1 + tenure 25.0 + reciprocity 7.5 = 74",
 * and "(set by hand: 80)" after when manual.
 */
void		 strength_explain(const struct strength *, char *out,
		    size_t len);

/* Contact id's strength on the handle's today, from its summary. */
enum kith_status strength_get(struct kith_db *, int64_t id,
		    struct strength *out, struct kith_err *);

/*
 * Contact id's computed strength on day day ("YYYY-MM-DD") from its
 * touches up to that day (for "how it was 90 days ago").
 */
enum kith_status strength_on(struct kith_db *, int64_t id, const char *day,
		    struct strength *out, struct kith_err *);

/* Sets (0-100) or with value -1 clears contact id's manual strength. */
enum kith_status strength_set(struct kith_db *, int64_t id, int value,
		    struct kith_err *);

#endif
