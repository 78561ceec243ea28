/* SPDX-License-Identifier: MIT */
/*
 * Private interface between the files of a conflict check (conflict.h):
 *   conflict.c        runs a check: each term found, followed, saved;
 *   conflict_find.c   what a term names: people and organisations (the
 *                     matcher, the folded names, the name words), notes,
 *                     deal titles, each through an index;
 *   conflict_walk.c   the links followed from each name found to the
 *                     deal parties in reach, and the set of hits;
 *   conflict_record.c the append-only record: saving, reading, listing,
 *                     dispositions, the user, links between organisations;
 *   conflict_text.c   a record as text.
 * Not installed, not for the fronts.
 */
#ifndef KITH_CONFLICT_IMPL_H
#define KITH_CONFLICT_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kith/conflict.h"
#include "kith/status.h"

struct kith_db;

#define CONFLICT_MATCH_MAX	200	/* names, notes or titles one term
					   may find, each */

/* A contact or organisation a term names (the matcher's answer). */
struct cmatch {
	int		 org;
	int64_t		 id;
	char		*name;
	const char	*rule;		/* static */
};

/*
 * The hits found so far, and an open-addressed index of them by what makes
 * a hit the same (kind, ref, role, matter), so that a name shared by
 * thousands of contacts costs one lookup a hit, not a pass over them all.
 */
struct hits {
	struct conflict_hit *v;
	size_t		 n, cap;
	size_t		*slot;		/* 1 + index into v; 0 is empty */
	size_t		 nslot;		/* a power of two, or 0 */
};

/*
 * conflict_find.c.  The contacts and organisations term names, each with
 * the rule that matched, into *out (*n of them; free with
 * conflict_matches_free), and in *variant (caller frees) the forms
 * searched, one a line, the folded term first.
 */
enum kith_status conflict_match_term(struct kith_db *, const char *term,
		    struct cmatch **out, size_t *n, char **variant,
		    struct kith_err *);
void		 conflict_matches_free(struct cmatch *, size_t n);

/*
 * conflict_find.c.  Hits for the folded term fold (entered as term) in
 * contacts' notes and in deal titles: whole words, through the search
 * index and the titles' word index.
 */
enum kith_status conflict_text_hits(struct kith_db *, const char *term,
		    const char *fold, struct hits *, struct kith_err *);

/*
 * conflict_walk.c.  Walks the typed links from name m (found by term),
 * depth links deep, adding a hit for every deal party in reach, or one
 * "in kith's records" if there is none.  now dates the links.
 */
enum kith_status conflict_follow(struct kith_db *, const struct cmatch *m,
		    const char *term, int depth, time_t now, struct hits *,
		    struct kith_err *);

/*
 * conflict_walk.c.  Adds a hit, or keeps the stronger chain of one that
 * is the same (kind, ref, role, matter); the first added wins a tie.
 * Every string is copied.
 */
void		 conflict_hit_add(struct hits *, const char *term,
		    const char *rule, const char *kind, int64_t ref,
		    const char *name, const char *role, const char *matter,
		    const char *chain, double strength);
/* Frees the hits not handed over to a record, and the index. */
void		 conflict_hits_free(struct hits *);
/* Sorts the hits strongest first (then by name, then by chain). */
void		 conflict_hits_sort(struct hits *);
/* The weight of a rule: exact 1, folded .95, words .8, the matcher's
   grade / 100, .5 in a note or title. */
double		 conflict_rule_weight(const char *rule);

/*
 * conflict_record.c.  Saves record r (its hits in order) and names the
 * action in the journal; in the caller's transaction.  Sets r->id.
 */
enum kith_status conflict_save(struct kith_db *, struct conflict_record *r,
		    struct kith_err *);

#endif
