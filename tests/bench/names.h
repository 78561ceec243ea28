/* SPDX-License-Identifier: MIT */
/*
 * Person names for the benchmark generators (gen.c, gen_csv.c): drawn the
 * way real address books hold them, so that a benchmark's name lookups,
 * conflict checks and duplicate reports meet as many namesakes as a real
 * book would, no more.
 *
 * Each naming tradition has a head of real common names and a long tail
 * of names built from its own syllables; a name's rank is drawn from a
 * Zipf-Mandelbrot law (p(r) ~ 1 / (r + q)), so "James" and "Smith" are
 * common, and rank r always gives the same name.  Given and family names
 * are drawn apart, so the share of rows that share a full name stays at a
 * few percent of a million (tests/bench/README.md has the figures).  The
 * mix is mostly Latin script (English, then accented German, Nordic,
 * French, Spanish, Portuguese, Serbian, Croatian, Czech, Polish, Turkish),
 * with Cyrillic (Russian and Serbian, gendered where the language is),
 * Greek, and a little Chinese, Japanese and Korean.
 *
 * Everything comes from the caller's splitmix64 state, so a seed gives
 * the same names.  KITH_BENCH_NAMES=old in the environment makes both
 * generators use their old small pools instead, so old figures can be
 * compared; bench_names_old() says which.  Needs only libc and libm.
 */
#ifndef KITH_BENCH_NAMES_H
#define KITH_BENCH_NAMES_H

#include <stddef.h>
#include <stdint.h>

#define BENCH_NAME_LEN	128

/* One drawn person name. */
struct bench_name {
	char		 given[BENCH_NAME_LEN];		/* NFC UTF-8 */
	char		 middle[BENCH_NAME_LEN];	/* "" or "J." */
	char		 family[BENCH_NAME_LEN];
	char		 given_ascii[BENCH_NAME_LEN];	/* [a-z]* */
	char		 family_ascii[BENCH_NAME_LEN];
	const char	*region;	/* "en", "sr-Latn", "ru", ... */
	int		 family_first;	/* "王伟", "佐藤 太郎" */
	const char	*sep;		/* between family and given then */
	int		 female;
};

/* True when KITH_BENCH_NAMES=old: the generators' old pools. */
int	bench_names_old(void);

/*
 * Draws one name from the state *rng (a splitmix64 state, advanced).
 * Never fails; every field is filled ("" when absent).
 */
void	bench_name_draw(uint64_t *rng, struct bench_name *out);

/*
 * The display form: "Given Middle Family", or "Family<sep>Given" for
 * family-first names, into buf of size bytes (cut short if it must).
 */
void	bench_name_display(const struct bench_name *, char *buf, size_t size);

#endif
