/* SPDX-License-Identifier: MIT */
/*
 * The deal sheet: everything the one-page view of a deal (matter) shows,
 * gathered once in the core so that `kith deal show` and the TUI render
 * the same model: the deal with its people and roles, its pending
 * follow-ups, its latest interactions, and its stage history with the
 * days spent in each stage.
 *
 * A read-only value: deal_sheet_load() builds it, deal_sheet_free()
 * frees it.  Strings are as stored; making them terminal-safe is the
 * front's job.
 */
#ifndef KITH_DEAL_SHEET_H
#define KITH_DEAL_SHEET_H

#include <stddef.h>
#include <stdint.h>

#include "kith/status.h"
#include "kith/vocab.h"

struct kith_db;
struct deal;
struct followup;
struct interaction;

/* How many interactions a deal sheet holds unless asked otherwise. */
#define DEAL_SHEET_INTERACTIONS	10

/* One stay of the deal in a stage. */
struct deal_stay {
	int64_t		 stage_id;
	char		*stage;		/* its name */
	enum kith_stage_kind kind;
	int64_t		 from;		/* entered, seconds since the epoch */
	int64_t		 to;		/* left; 0 while it is still there */
	int		 days;		/* whole days, to the clock's now for
					   the current stay */
};

struct deal_sheet {
	struct deal		*deal;		/* with people and roles */
	char			*value;		/* "12,500.50 EUR", NULL if
						   none */
	char			*headline;	/* "Negotiation, 12 days" plus
						   ", stalled" or "won
						   2026-11-02" */
	struct followup		*followups;	/* pending, by day */
	size_t			 n_followups;
	struct interaction	*interactions;	/* the latest, newest first */
	size_t			 n_interactions;
	struct deal_stay	*history;	/* oldest first */
	size_t			 n_history;
};

/*
 * Builds the sheet of deal id with at most max_interactions interactions
 * (0: DEAL_SHEET_INTERACTIONS).  KITH_NOTFOUND if there is no such deal.
 * *out: caller frees with deal_sheet_free; NULL on failure.
 */
enum kith_status deal_sheet_load(struct kith_db *, int64_t id,
		    size_t max_interactions, struct deal_sheet **out,
		    struct kith_err *);
void		 deal_sheet_free(struct deal_sheet *);	/* NULL is a no-op */

#endif
