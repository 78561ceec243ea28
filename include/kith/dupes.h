/* SPDX-License-Identifier: MIT */
/*
 * Likely duplicates in the book, and merging two contacts into one.
 *
 * dupes_find() proposes pairs of contacts that may be one person, each
 * with a score (0-100) and the reasons: the same e-mail (compared as
 * stored, without case) or phone number (normalised), the same folded
 * name, or names the loose matcher (match.h) takes for one at the same
 * organisation (a nickname, initials, a transliteration, a sound-alike).
 * Archived contacts and pairs marked "not the same" (dupes_not_same) are
 * left out.
 *
 * contact_merge() keeps everything of both.  It is one transaction and one
 * journal action, so kith undo restores both contacts exactly.
 */
#ifndef KITH_DUPES_H
#define KITH_DUPES_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;
struct contact;

struct dupe_pair {
	int64_t		 a, b;		/* contact ids, a < b */
	char		*name_a;	/* their display names */
	char		*name_b;
	int		 score;		/* 0-100: the strongest reason's, plus
					   5 for each other one */
	char		*reason;	/* the reasons, "; "-separated
					   ("same e-mail ana@x.example",
					   "nickname at Acme") */
};

void		 dupe_pairs_free(struct dupe_pair *, size_t n);

/*
 * The likely duplicate pairs, highest score first (then by ids), at most
 * max.  Scores: same e-mail 95, same phone 85, the same name at one
 * organisation 80, the same name 60; names the matcher takes for one at
 * the same organisation 80 less its grade's distance from 100 (a
 * nickname 60, initials 50, sounds alike 30).  Reads the e-mail, phone
 * and name indexes and each organisation's people; names are compared
 * within an organisation among those whose family names sound alike.
 */
enum kith_status dupes_find(struct kith_db *, size_t max,
		    struct dupe_pair **pairs, size_t *n, struct kith_err *);

/*
 * Records that a and b are not the same person: dupes_find() never
 * proposes them again.  KITH_INVALID if a == b; KITH_NOTFOUND if either
 * is no contact; marking a pair twice is not an error.
 */
enum kith_status dupes_not_same(struct kith_db *, int64_t a, int64_t b,
		    struct kith_err *);

/*
 * Merges contact other into keep and deletes other.  keep gains every
 * e-mail, phone, address, URL, custom field, tag, alias, interaction,
 * follow-up, relationship and deal role of other (an e-mail, phone, URL
 * or alias keep has already is not doubled; a relationship between the
 * two is dropped), and is made originator or responsible of other's
 * deals.  Fields keep lacks are filled from other; a field both have
 * with different values keeps keep's, other's being kept as the custom
 * field "FIELD (merged from NAME)".  Other's name becomes an alias of
 * keep.  Every table that points at a contact is in one list in merge.c.
 * KITH_INVALID if keep == other; KITH_NOTFOUND if either is no contact.
 */
enum kith_status contact_merge(struct kith_db *, int64_t keep, int64_t other,
		    struct kith_err *);

/*
 * The fields a merge can take from other instead of keep (a bit each):
 * the name (the display name with its parts), the nickname, the
 * organisation, the department, the title, the birthday, the notes.
 */
#define MERGE_TAKE_NAME		0x01
#define MERGE_TAKE_NICKNAME	0x02
#define MERGE_TAKE_ORG		0x04
#define MERGE_TAKE_DEPARTMENT	0x08
#define MERGE_TAKE_TITLE	0x10
#define MERGE_TAKE_BIRTHDAY	0x20
#define MERGE_TAKE_NOTES	0x40
#define MERGE_TAKE_COUNT	7	/* the bits above: 1 << 0 ... 1 << 6 */

/*
 * contact_merge, but for each field in take that other has, other's value
 * wins: keep's is then kept as the custom field "FIELD (replaced in the
 * merge with NAME)" (nothing is lost), and when the name is taken, keep's
 * old name becomes the alias instead of other's.  A field other lacks
 * stays keep's.  take 0 is contact_merge.  Errors as contact_merge.
 */
enum kith_status contact_merge_take(struct kith_db *, int64_t keep,
		    int64_t other, unsigned take, struct kith_err *);

/*
 * The word for field bit (1 << i, i < MERGE_TAKE_COUNT): "name",
 * "nickname", "organisation", "department", "title", "birthday", "notes";
 * NULL for another bit.  merge_take_parse reads one of those words (any
 * case; also "org") as its bit, 0 if it is none.  Static strings.
 */
const char	*merge_take_word(unsigned bit);
unsigned	 merge_take_parse(const char *word);
/* Field bit's value in c (the display name for MERGE_TAKE_NAME), or NULL. */
const char	*merge_take_value(const struct contact *c, unsigned bit);

#endif
