/* SPDX-License-Identifier: MIT */
/*
 * The stages of the pipeline: an ordered list stored in the database
 * (by default Interest, Negotiation, Won, Lost).  Each stage is open, won
 * or lost (vocab.h), carries a win probability in percent for weighted
 * totals, and the number of days after which a deal in it that nobody
 * touched is stalled.  Positions are 1..n without gaps; names are unique
 * without regard to case.
 *
 * Every write is one action of the change journal, named for kith undo
 * when the caller has no transaction open.
 */
#ifndef KITH_STAGE_H
#define KITH_STAGE_H

#include <stddef.h>
#include <stdint.h>

#include "kith/status.h"
#include "kith/vocab.h"

struct kith_db;

#define STAGE_STALL_DAYS	30	/* stall_days of a new stage */

struct stage {
	int64_t			 id;
	char			*name;
	int			 pos;		/* 1 is the first */
	enum kith_stage_kind	 kind;
	int			 probability;	/* 0..100 */
	int			 stall_days;	/* > 0 */
};

/* "open", "won" or "lost" (static); "?" if out of range. */
const char	*stage_kind_name(enum kith_stage_kind);

/* Parses a kind name (any case); 0 if it is none. */
int		 stage_kind_parse(const char *, enum kith_stage_kind *);

/* Frees the strings of one stage and zeroes it; NULL is a no-op. */
void		 stage_clear(struct stage *);
void		 stages_free(struct stage *, size_t n);

/* Every stage by position into *out, *n of them (free with stages_free). */
enum kith_status stage_list(struct kith_db *, struct stage **out, size_t *n,
		    struct kith_err *);

/*
 * The stage called name (trimmed, any case) into *out (free its strings
 * with stage_clear).  KITH_NOTFOUND naming the stages there are.
 */
enum kith_status stage_find(struct kith_db *, const char *name,
		    struct stage *out, struct kith_err *);

/* Stage id into *out.  KITH_NOTFOUND if there is none. */
enum kith_status stage_get(struct kith_db *, int64_t id, struct stage *out,
		    struct kith_err *);

/*
 * The first stage of kind by position (the stage a new deal enters, or
 * where deal_close() puts a deal).  KITH_NOTFOUND if there is none.
 */
enum kith_status stage_first(struct kith_db *, enum kith_stage_kind,
		    struct stage *out, struct kith_err *);

/*
 * Adds a stage.  pos 0 puts an open stage after the last open one and a
 * won or lost stage last; otherwise it is the new stage's position (1 is
 * first; larger than the count means last), the others moving down.
 * KITH_INVALID if the name is empty or not UTF-8, the probability is
 * outside 0..100 or stall_days is below 1; KITH_EXISTS if a stage has the
 * name.  Sets *id if id is not NULL.
 */
enum kith_status stage_add(struct kith_db *, const char *name,
		    enum kith_stage_kind, int probability, int stall_days,
		    int pos, int64_t *id, struct kith_err *);

/* Renames stage id.  KITH_EXISTS if another stage has the name. */
enum kith_status stage_rename(struct kith_db *, int64_t id,
		    const char *name, struct kith_err *);

/*
 * Moves stage id to position pos (1 is first, past the end is last),
 * renumbering the others.  KITH_INVALID if pos < 1.
 */
enum kith_status stage_move(struct kith_db *, int64_t id, int pos,
		    struct kith_err *);

/*
 * Sets the kind, probability and stall days of stage id (checked as by
 * stage_add).  The deals in it follow a change of kind: made open, they
 * are open again (no closed date); made won or lost, those still open are
 * closed as of the day they entered the stage.
 */
enum kith_status stage_set(struct kith_db *, int64_t id,
		    enum kith_stage_kind, int probability, int stall_days,
		    struct kith_err *);

/*
 * Removes stage id.  If deals are in it they move to stage to (their
 * history keeps the stage they were in under to's name, as history rows
 * naming the removed stage are moved to to as well); to 0 refuses with
 * KITH_EXISTS saying how many deals it holds.  Refused (KITH_INVALID) if
 * it is the last open stage, or to is id.
 */
enum kith_status stage_remove(struct kith_db *, int64_t id, int64_t to,
		    struct kith_err *);

#endif
