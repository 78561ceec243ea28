/* SPDX-License-Identifier: MIT */
/*
 * What the Today screen (screen_today.c) writes about the day's review
 * (kith/review.h): the header's counts, when an item is owed, the colour
 * of its line, the explanation that w shows term by term, and how much
 * looser a cadence gets after snoozes in a row.  No curses here:
 * unit-tested without a terminal.
 */
#ifndef KITH_TUI_TODAYTEXT_H
#define KITH_TUI_TODAYTEXT_H

#include <stddef.h>

struct review;
struct review_item;
struct cadence_spec;

/* "14 owed today, 1 decided, 1 carried over" into out. */
void	 today_header(const struct review *, char *out, size_t len);

/* "12 days late", "1 day late", "today", "tomorrow", "in 3 days". */
void	 today_when(const struct review_item *, char *out, size_t len);

/*
 * The role (draw.h) of an item's line: ROLE_OVERDUE for an overdue
 * follow-up or cadence and a stalled deal, ROLE_TODAY for one due (a
 * follow-up today, a cadence past its ideal interval, a key date today),
 * ROLE_NORMAL otherwise.
 */
int	 today_role(const struct review_item *);

/*
 * Why the item ranks where it does: its rank, score and what it is, then
 * one line per term with its points and why, the sum, and the
 * same-organisation hint when there is one.  Caller frees.
 */
char	*today_why(const struct review_item *);

/*
 * A cadence half as loose again: ideal and maximum (max 0: 1.5 x ideal)
 * times 1.5, rounded up, into out.
 */
void	 today_loosen(int ideal, int max, struct cadence_spec *out);

#endif
