/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of Tab in the search line (complete.h): the typed word is
 * completed to the longest common beginning of the matching name words,
 * ignoring case, accents and alphabet, in the names' own spelling.
 */
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "kith/text.h"
#include "complete.h"

#define N(a)	(sizeof (a) / sizeof (a)[0])

static void	test_complete(void);
static void	test_folding(void);
static void	test_word_start(void);

static struct kith_text *tx;

/* CHECK_STR on the completion, which the check frees; NULL as "(none)". */
#define CHECK_DONE(names, typed, want) do {				\
	char *got_ = complete_word(tx, (typed), (names), N(names));	\
	CHECK_STR(got_ != NULL ? got_ : "(none)", (want));		\
	free(got_);							\
} while (0)

static void
test_complete(void)
{
	static const char *const names[] = {
		"Ana Petrović", "Dragan Đorđević", "Marko Petrović",
		"Петар Јовановић", NULL, "Jelena Kovačević",
	};
	static const char *const two[] = { "Ana Petrović", "Petra Novak" };
	static const char *const none[] = { "Olivia Grant" };

	/* The one word that matches, in the names' spelling, lower case. */
	CHECK_DONE(names, "petr", "petrović");
	/* A capital typed: the names' own case. */
	CHECK_DONE(names, "Petr", "Petrović");
	CHECK_DONE(names, "PETR", "Petrović");
	/* Two words: their common beginning. */
	CHECK_DONE(two, "pe", "petr");
	/* Nothing more to complete. */
	CHECK_DONE(two, "petr", "(none)");
	CHECK_DONE(names, "petrović", "(none)");
	CHECK_DONE(none, "petr", "(none)");
	CHECK_DONE(names, "", "(none)");
	CHECK_DONE(names, "zz", "(none)");
	/* Words are runs of letters: "Đorđević" after a space. */
	CHECK_DONE(names, "đor", "đorđević");
}

static void
test_folding(void)
{
	static const char *const names[] = { "Ana Petrović", "Jelena Kovačević" };
	static const char *const cyr[] = { "Петар Јовановић" };
	static const char *const mixed[] = { "Петар Јовановић", "Petar Novak" };

	/* Accents typed without: the name's spelling comes back. */
	CHECK_DONE(names, "petrovic", "petrović");
	CHECK_DONE(names, "kovac", "kovačević");
	CHECK_DONE(names, "Kovacevic", "Kovačević");
	/* Another alphabet. */
	CHECK_DONE(cyr, "jovan", "јовановић");
	/* Two spellings share no beginning: nothing to complete. */
	CHECK_DONE(mixed, "pet", "(none)");
}

static void
test_word_start(void)
{
	CHECK_INT(complete_word_start("ana petr", 8), 4);
	CHECK_INT(complete_word_start("petr", 4), 0);
	CHECK_INT(complete_word_start("ana ", 4), 4);
	CHECK_INT(complete_word_start("", 0), 0);
}

int
main(void)
{
	setlocale(LC_ALL, "");
	tx = text_new("");
	test_complete();
	test_folding();
	test_word_start();
	text_free(tx);
	printf("%d passed, %d failed\n", check_passed, check_failed);
	return check_failed != 0;
}
