/* SPDX-License-Identifier: MIT */
/*
 * Aliases: other names a contact or an organisation is known by (a maiden
 * name, a former or trading name), any number of each.  The loose matcher
 * (match.h) and the search find a contact by its aliases as by its name;
 * an organisation's alias is found by its key (match_org_key).  Each
 * change is one transaction and one journal action (kith undo).
 */
#ifndef KITH_ALIAS_H
#define KITH_ALIAS_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;

/* Whose alias. */
enum alias_owner {
	ALIAS_CONTACT,
	ALIAS_ORG
};

/*
 * Adds name as an alias of contact or organisation id.  KITH_INVALID for
 * a name with no letters or digits or not UTF-8; KITH_NOTFOUND if id
 * names nobody; KITH_EXISTS if it has that alias already, or it is its
 * own name (compared folded).
 */
enum kith_status alias_add(struct kith_db *, enum alias_owner, int64_t id,
		    const char *name, struct kith_err *);

/*
 * Removes the alias of id that folds as name does.  KITH_NOTFOUND if it
 * has none such.
 */
enum kith_status alias_remove(struct kith_db *, enum alias_owner,
		    int64_t id, const char *name, struct kith_err *);

/*
 * The aliases of id, oldest first, in *names (*n of them; free with
 * alias_list_free).
 */
enum kith_status alias_list(struct kith_db *, enum alias_owner, int64_t id,
		    char ***names, size_t *n, struct kith_err *);
void		 alias_list_free(char **, size_t n);

/*
 * Resolves an organisation named by what: digits are its id; else the
 * one whose name or alias folds to what, else whose key
 * (match_org_key) is what's.  KITH_NOTFOUND, or KITH_AMBIGUOUS when
 * several share the key.  *name (caller frees; may be NULL) gets its
 * name.
 */
enum kith_status org_resolve(struct kith_db *, const char *what,
		    int64_t *id, char **name, struct kith_err *);

#endif
