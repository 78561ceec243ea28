/* SPDX-License-Identifier: MIT */
/*
 * Tab in the search line: the word being typed completed from the words
 * of the names the list shows.  A name word is a candidate when its folded
 * form (text.h: case, accents and alphabet ignored) begins with the folded
 * typed word, so "petrovic" finds "Petrović" and "petar" finds "Петар".
 * The completion is the longest common beginning of the candidates as they
 * are spelled (letters compared ignoring case), lower-cased when the typed
 * word has no capital (as the search ignores case, so does the user).  No
 * curses here: unit-tested in tests/tui.
 */
#ifndef KITH_TUI_COMPLETE_H
#define KITH_TUI_COMPLETE_H

#include <stddef.h>

struct kith_text;

/*
 * The completion of typed from the words of names[0..n) (NULL entries
 * skipped), or NULL when there is nothing more to complete: no candidate,
 * candidates that share no beginning that still matches typed, or a
 * completion equal to typed.  Caller frees.
 */
char	*complete_word(struct kith_text *, const char *typed,
	    const char *const *names, size_t n);

/*
 * The start (a byte offset) of the word that ends at byte cur of s: just
 * after the last space before cur, or 0.
 */
size_t	 complete_word_start(const char *s, size_t cur);

#endif
