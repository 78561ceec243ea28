/* SPDX-License-Identifier: MIT */
/*
 * Telling whether two address-book entries are the same person.
 *
 * Phones compare in their normalised form (phone.h).  Names compare in folded form (text.h) with a
 * small table of nicknames (Bob ~ Robert, Kate ~ Katherine).
 */
#ifndef KITH_DEDUP_H
#define KITH_DEDUP_H

#include <stdint.h>
#include "kith/status.h"

struct kith_db;
struct kith_text;
struct contact;

/*
 * 1 if the folded names a and b can be the same person: equal, or the same
 * family name with given names that are equal, nicknames of each other
 * (Bob ~ Robert) or an initial of the other.  Either may be NULL (then 0).
 */
int		 dedup_names_compatible(const char *a, const char *b);

/* What dedup_find() found. */
enum dedup_verdict {
	DEDUP_NONE,		/* a new person */
	DEDUP_EMAIL,		/* same e-mail: merge */
	DEDUP_PHONE,		/* same phone, compatible name: merge */
	DEDUP_REVIEW		/* some evidence; add, but report */
};

/*
 * A Bloom filter of the keys dedup_find() looks up: stored e-mails, their
 * forms without a "+tag", phones and folded names.  With one, dedup_find()
 * asks the database only about keys the filter may hold, so a big import
 * of mostly new people does no lookups for them.  It may answer "maybe"
 * wrongly, never "no".  Its size is fixed (8 MiB), whatever the number of
 * keys.
 */
struct dedup_filter;

/* Makes a filter holding the stored keys (archived contacts' too). */
enum kith_status dedup_filter_new(struct kith_db *, struct dedup_filter **,
		    struct kith_err *);

/* Adds the keys of c (a contact just stored, or merged from). */
void		 dedup_filter_add(struct dedup_filter *, struct kith_db *,
		    const struct contact *c);
void		 dedup_filter_free(struct dedup_filter *);

/*
 * Looks for a stored contact that c (not yet stored) duplicates: a shared
 * e-mail (case-insensitive) merges; a shared normalised phone with a
 * compatible name merges; a shared phone with another name, an e-mail that
 * differs only by a "+tag", or the same folded name only, is REVIEW.
 * Sets *id to the contact found (0 for DEDUP_NONE) and *why (static) to
 * the evidence.  filter, if not NULL, must hold every stored contact's
 * keys; lookups it rules out are skipped.
 */
enum kith_status dedup_find(struct kith_db *, const struct dedup_filter *,
		    const struct contact *c, enum dedup_verdict *verdict,
		    int64_t *id, const char **why, struct kith_err *);

/*
 * The keys shared in a bulk import (batch.c), found set-based: every
 * stored key and every key of the file's rows is counted once in two
 * filters (8 MiB each, the first freed once they are counted), so that a
 * key met only once, which no lookup can find elsewhere, is known as such
 * before the rows are written; the rows with a shared key (or one the
 * filters take for shared) are looked up in a mirror, temp tables holding
 * the stored rows with shared keys and the rows the import writes with
 * them, so the book's own key indexes (email_by_norm, phone_by_norm,
 * contact_by_fold) can be dropped while the rows are appended.  The
 * answers are those of dedup_find.
 */
struct dedup_hot;

/* Counts the stored keys (archived contacts' too). */
enum kith_status dedup_hot_new(struct kith_db *, struct dedup_hot **,
		    struct kith_err *);
/* Counts the keys of c, a row of the file (its first pass). */
void		 dedup_hot_count(struct dedup_hot *, struct kith_db *,
		    const struct contact *c);
/*
 * dedup_hot_count() of each row put, on a thread of its own with its own
 * handle on db's file (dedup_count.c): dedup_counter_start() starts it
 * (NULL where it cannot: the caller counts the rows itself);
 * dedup_counter_put() takes c; dedup_counter_end() waits for the last
 * row.  Nothing else touches the filters meanwhile.
 */
struct dedup_counter;
struct dedup_counter *dedup_counter_start(struct kith_db *,
		    struct dedup_hot *);
void		 dedup_counter_put(struct dedup_counter *, struct contact *c);
void		 dedup_counter_end(struct dedup_counter *);
/* 1 if a key of c may be shared: then dedup_hot_find(); else no match. */
int		 dedup_hot_has(struct dedup_hot *, struct kith_db *,
		    const struct contact *c);
void		 dedup_hot_free(struct dedup_hot *);
/*
 * Makes the mirror (temp tables: the caller sends them to a file) from
 * the stored rows with shared keys.  KITH_NOTFOUND (nothing made) when
 * more than 4,000,000 keys repeat, and the import keeps the indexes.
 * No more keys are counted after it.
 */
enum kith_status dedup_hot_mirror(struct kith_db *, struct dedup_hot *,
		    struct kith_err *);
/* Puts the stored rows of contact id, just added, with shared keys. */
enum kith_status dedup_hot_add(struct kith_db *, struct dedup_hot *,
		    int64_t id, struct kith_err *);
/* Puts all of contact id's stored rows in the mirror anew (changed). */
enum kith_status dedup_hot_keep(struct kith_db *, int64_t id,
		    struct kith_err *);
/* dedup_find() on the mirror. */
enum kith_status dedup_hot_find(struct kith_db *, const struct contact *c,
		    enum dedup_verdict *verdict, int64_t *id, const char **why,
		    struct kith_err *);
/* Drops the mirror. */
void		 dedup_hot_end(struct kith_db *);

/*
 * Merges what c adds into into (a stored contact read with contact_get,
 * changed in place and saved with contact_update): e-mails and phones not yet
 * there, tags, URLs, addresses, dated events, messaging handles and custom
 * fields not yet there, and empty fields (the department among them).  A field that has a different value already keeps it; the new
 * value is kept as the custom field "FIELD (LABEL)" (LABEL names the
 * source, e.g. "import 3"), so nothing is lost.  Sets *changed if anything
 * was added.
 */
enum kith_status dedup_merge(struct kith_db *, struct contact *into,
		    const struct contact *c, const char *label, int *changed,
		    struct kith_err *);

#endif
