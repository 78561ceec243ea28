/* SPDX-License-Identifier: MIT */
/*
 * Typed relationships between two contacts.  A kind has a name and an
 * inverse: "assistant of" / "has assistant", "reports to" / "manages";
 * symmetric kinds are their own inverse ("spouse", "colleague").  A stored
 * link (a, b, kind) reads "a is <kind> b" from a's side and "b <inverse> a"
 * — that is, "has assistant a" — from b's side.
 */
#ifndef KITH_RELATION_H
#define KITH_RELATION_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;

struct relation {
	int64_t		 id;		/* the link */
	int64_t		 other;		/* the contact on the other side */
	char		*other_name;	/* its display name */
	char		*label;		/* from the asking contact's side */
	char		*note;		/* NULL if none */
	char		*since;		/* "YYYY-MM-DD" or NULL */
};

struct relation_kind {
	char		*name;
	char		*inverse;	/* equals name for symmetric kinds */
};

/*
 * Links a and b as "a is <kind> b".  kind may be a kind's name or its
 * inverse (then the link is stored the other way round), compared without
 * regard to case; "NAME/INVERSE" defines a new kind.  KITH_NOTFOUND with
 * the list of known kinds if kind is unknown; KITH_INVALID if a == b;
 * KITH_EXISTS if the same link is already there.  id may be NULL.
 */
enum kith_status relation_link(struct kith_db *, int64_t a, int64_t b,
		    const char *kind, const char *note, int64_t *id,
		    struct kith_err *);

/* Removes link id.  KITH_NOTFOUND if absent. */
enum kith_status relation_unlink(struct kith_db *, int64_t id,
		    struct kith_err *);

/*
 * Relationship id in words, as the user would say it: "Ana Petrović (#1)
 * client of Hartley (#3)" (*out, caller frees).  KITH_NOTFOUND if there
 * is no such relationship.
 */
enum kith_status relation_describe(struct kith_db *, int64_t id,
		    char **out, struct kith_err *);

/*
 * All links of contact id, in both directions, each labelled from id's
 * side, ordered by label then name.  Caller frees with relation_list_free.
 */
enum kith_status relation_list(struct kith_db *, int64_t id,
		    struct relation **out, size_t *n, struct kith_err *);
void		 relation_list_free(struct relation *, size_t n);

/* Known kinds, by name.  Caller frees with relation_kinds_free. */
enum kith_status relation_kinds(struct kith_db *, struct relation_kind **out,
		    size_t *n, struct kith_err *);
void		 relation_kinds_free(struct relation_kind *, size_t n);

#endif
