/* SPDX-License-Identifier: MIT */
/*
 * Private to contact.c and contact_parts.c: the lists of a contact
 * (contact_parts.c) as contact.c's writes use them.
 */
#ifndef KITH_CONTACT_IMPL_H
#define KITH_CONTACT_IMPL_H

#include <stddef.h>

#include "kith/contact.h"
#include "kith/status.h"

struct kith_db;

/*
 * The lists of a contact an update may leave as stored (their rows keep
 * their ids and nothing is journaled for them): bit i is list i of
 * contact_parts_write().
 */
enum {
	KEEP_EMAILS = 1u << 0, KEEP_PHONES = 1u << 1, KEEP_ADDRS = 1u << 2,
	KEEP_URLS = 1u << 3, KEEP_CUSTOM = 1u << 4, KEEP_TAGS = 1u << 5,
	KEEP_DATES = 1u << 6, KEEP_IMS = 1u << 7, KEEP_VPROPS = 1u << 8,
	KEEP_ALL = (1u << 9) - 1
};

/* Makes room for element n of the array *arr of elements of size size. */
void		 contact_grow(void **arr, size_t n, size_t size);

/* Whether a and b are the same text, NULL and "" being the same. */
int		 contact_same_text(const char *a, const char *b);

/* Frees every list of c (not c itself). */
void		 contact_parts_free(struct contact *c);

/*
 * The first list in which a and b differ ("e-mails", "tags", ...), or
 * NULL; in *same, the KEEP_ bits of the lists that are equal.
 */
const char	*contact_parts_diff(const struct contact *a,
		    const struct contact *b, unsigned *same);

/*
 * Cleans every list of c in place (db_clean) and checks it: e-mails are
 * addresses, phones have a digit, dates are dates.  KITH_INVALID naming
 * the field.
 */
enum kith_status contact_parts_clean(struct kith_db *, struct contact *c,
		    struct kith_err *);

/*
 * Writes the lists of c->id inside the caller's transaction: on an update
 * (insert 0) the stored rows of each list not in keep are replaced.
 */
enum kith_status contact_parts_write(struct kith_db *,
		    const struct contact *c, int insert, unsigned keep,
		    struct kith_err *);

/* Reads every list of c->id into c. */
enum kith_status contact_parts_read(struct kith_db *, struct contact *c,
		    struct kith_err *);

#endif
