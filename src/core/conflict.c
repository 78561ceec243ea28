/* SPDX-License-Identifier: MIT */
/*
 * Conflict checks (conflict.h): a check of the terms entered, saved as a
 * record.  Each term is looked up (conflict_find.c: the people and
 * organisations it names, the notes and deal titles that hold it), the
 * links from each name found are followed to the deal parties in reach
 * (conflict_walk.c), and the hits, strongest first, are saved as one
 * action that kith undo refuses (conflict_record.c).  Everything is read
 * in one snapshot.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/conflict.h"
#include "kith/util.h"
#include "conflict_impl.h"
#include "internal.h"

enum kith_status
conflict_run(struct kith_db *db, const char *const *terms, size_t n,
    const char *matter, const char *user, int depth,
    struct conflict_record **out, struct kith_err *err)
{
	struct conflict_record	*r;
	struct cmatch		*m = NULL;
	struct hits		 h = { 0 };
	struct db_read		 snap = { 0 };
	enum kith_status	 st = KITH_OK;
	char			*variant = NULL, *clean, *first;
	size_t			 nm = 0, i, j;

	*out = NULL;
	if (n == 0 || n > CONFLICT_TERMS_MAX)
		return kith_err_set(err, KITH_INVALID, "a conflict check takes "
		    "1 to %d names", CONFLICT_TERMS_MAX);
	if (depth == 0)
		depth = CONFLICT_DEPTH_DEFAULT;
	if (depth < 1 || depth > CONFLICT_DEPTH_MAX)
		return kith_err_set(err, KITH_INVALID, "the depth is 1 to %d "
		    "links", CONFLICT_DEPTH_MAX);
	if (str_empty(user))
		return kith_err_set(err, KITH_INVALID, "who is checking? The "
		    "user name is empty");
	r = xcalloc(1, sizeof *r);
	r->at = kith_db_now(db);
	r->depth = depth;
	r->terms = xcalloc(n, sizeof *r->terms);
	if ((st = db_clean_text(db, "user", user, &r->user, err)) != KITH_OK)
		goto out;
	if (!str_empty(matter) && (st = db_clean_text(db, "matter", matter,
	    &r->matter, err)) != KITH_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if ((st = db_clean_text(db, "name", terms[i], &clean, err))
		    != KITH_OK)
			goto out;
		if (str_empty(clean)) {
			free(clean);
			st = kith_err_set(err, KITH_INVALID, "name %zu of the "
			    "check is empty", i + 1);
			goto out;
		}
		r->terms[r->nterms++] = clean;
	}
	/* The search reads many rows in many statements: one snapshot. */
	if ((st = db_read_begin(db, &snap, 0, err)) != KITH_OK)
		goto out;
	for (i = 0; i < r->nterms; i++) {
		if ((st = conflict_match_term(db, r->terms[i], &m, &nm,
		    &variant, err)) != KITH_OK)
			goto out;
		r->variants = xreallocarray(r->variants, r->nvariants + 1,
		    sizeof *r->variants);
		r->variants[r->nvariants++] = variant;
		for (j = 0; j < nm && st == KITH_OK; j++)
			st = conflict_follow(db, &m[j], r->terms[i], depth,
			    r->at, &h, err);
		conflict_matches_free(m, nm);
		m = NULL;
		nm = 0;
		if (st != KITH_OK)
			goto out;
		/* Notes and titles are searched for the folded term. */
		first = xstrndup(variant, strcspn(variant, "\n"));
		st = conflict_text_hits(db, r->terms[i], first, &h, err);
		free(first);
		if (st != KITH_OK)
			goto out;
	}
	db_read_end(db, &snap);
	conflict_hits_sort(&h);
	r->hits = h.v;
	r->nhits = h.n;
	h.v = NULL;
	h.n = 0;
	if ((st = kith_db_begin(db, err)) != KITH_OK)
		goto out;
	if ((st = conflict_save(db, r, err)) != KITH_OK) {
		kith_db_rollback(db);
		goto out;
	}
	st = kith_db_commit(db, err);
out:
	db_read_end(db, &snap);
	conflict_matches_free(m, nm);
	conflict_hits_free(&h);
	if (st != KITH_OK) {
		conflict_record_free(r);
		r = NULL;
	}
	*out = r;
	return st;
}
