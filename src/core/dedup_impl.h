/* SPDX-License-Identifier: MIT */
/*
 * Inside duplicate detection, shared by dedup.c (the rules and merging)
 * and dedup_keys.c (a bulk import's filter and mirror of keys).
 */
#ifndef KITH_DEDUP_IMPL_H
#define KITH_DEDUP_IMPL_H

#include "kith/contact.h"
#include "kith/dedup.h"
#include "kith/util.h"

/* The mirror tables of a bulk import (dedup_hot), in the temp schema. */
#define HOT_EMAIL	"kith_hot_email"
#define HOT_PHONE	"kith_hot_phone"
#define HOT_NAME	"kith_hot_name"

/* The name of a contact that may not be stored yet, as dedup compares
 * it, into sb. */
void		 dedup_raw_name(const struct contact *c, struct sbuf *sb);
/* The folded name of a contact that may not be stored yet; caller
 * frees. */
char		*dedup_fold_name(struct kith_db *, const struct contact *);

/* Whether f may hold key s of kind ('p' phone, 'n' name): 0 means
 * surely not. */
int		 dedup_filter_has(const struct dedup_filter *f, int kind,
		    const char *s);
/* The same for an e-mail address, kind 'e' (as written) or 'b' (its
 * form without a +tag). */
int		 dedup_filter_has_email(const struct dedup_filter *f,
		    int kind, const char *addr);

#endif
