/* SPDX-License-Identifier: MIT */
/*
 * Conflict checks: before taking a matter, search the book for the names
 * of the parties, and keep a record that the search was made.
 *
 * A check looks each term up among contacts and organisations (by name),
 * in contacts' notes and in deal titles, then follows typed links from
 * every contact or organisation found, up to a depth: relationships
 * between people (spouse, officer of, former employee of, ...), where a
 * person works, links between organisations (subsidiary of, ...).  Each
 * deal (matter) party met on the way is a hit: the role the found name
 * has toward that matter (the party's own role -- client, adverse party
 * -- or "related to a client", "works at a client", ...), the chain of
 * links that makes it relevant, and the rule that matched the term.  A
 * name found with no party in reach is a hit too ("in kith's records").
 *
 * Every check is saved as a record that is only ever added to: who ran
 * it (conflict_user), when (UTC), the terms and the variants searched,
 * every hit; dispositions (Clear, Waivable - consent pending / obtained,
 * Declined) are appended afterwards with a waiver reference and the
 * reviewer.  The database refuses to change or delete any of it
 * (triggers), and kith undo refuses to undo a check.  Running the same
 * terms again makes a new record.
 */
#ifndef KITH_CONFLICT_H
#define KITH_CONFLICT_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kith/status.h"

struct kith_db;

#define CONFLICT_DEPTH_DEFAULT	2	/* links followed from a name */
#define CONFLICT_DEPTH_MAX	4
#define CONFLICT_TERMS_MAX	20

struct conflict_hit {
	char		*term;		/* the term entered that found it */
	char		*rule;		/* "exact", "folded", "words", "note",
					   "title" */
	char		*kind;		/* "contact", "organisation", "note",
					   "matter" */
	int64_t		 ref;		/* the contact, organisation or deal
					   (at the time of the check) */
	char		*name;		/* what was found */
	char		*role;		/* "client", "adverse party", "related
					   to a client", "works at a client",
					   "in kith's records", ... */
	char		*matter;	/* the matter concerned, or NULL */
	char		*chain;		/* "Beta LLC → subsidiary of Acme →
					   adverse party in matter 'X'" */
	double		 strength;	/* in (0, 1]: rule and chain */
};

struct conflict_decision {
	time_t		 at;
	char		*disposition;	/* conflict_disposition_name() form */
	char		*waiver;	/* or NULL */
	char		*reviewer;
};

struct conflict_record {
	int64_t		 id;
	time_t		 at;		/* UTC */
	char		*user;
	char		*matter;	/* --matter, or NULL */
	int		 depth;
	char		**terms;
	size_t		 nterms;
	char		**variants;	/* the searched forms of the terms */
	size_t		 nvariants;
	struct conflict_hit *hits;	/* strongest first */
	size_t		 nhits;
	struct conflict_decision *decisions;	/* oldest first */
	size_t		 ndecisions;
};

/* One line of conflict_list(). */
struct conflict_summary {
	int64_t		 id;
	time_t		 at;
	char		*user;
	char		*terms;		/* joined with "; " */
	char		*matter;	/* or NULL */
	size_t		 nhits;
	char		*disposition;	/* the latest, or NULL if undecided */
};

/*
 * Runs a check of the n terms (1 to CONFLICT_TERMS_MAX, none empty) for
 * the matter (may be NULL) by user (not empty), following links depth
 * deep (0: CONFLICT_DEPTH_DEFAULT), and saves it as one action (that kith
 * undo refuses to undo).  *out (free with conflict_record_free) is the
 * saved record; its id numbers it for conflict_get / conflict_decide.
 * KITH_INVALID for bad terms or depth.
 */
enum kith_status conflict_run(struct kith_db *, const char *const *terms,
		    size_t n, const char *matter, const char *user, int depth,
		    struct conflict_record **out, struct kith_err *);

/* Reads record id (KITH_NOTFOUND if there is none). */
enum kith_status conflict_get(struct kith_db *, int64_t id,
		    struct conflict_record **out, struct kith_err *);
void		 conflict_record_free(struct conflict_record *);	/* NULL ok */

/* Every check, newest first.  Free with conflict_summaries_free. */
enum kith_status conflict_list(struct kith_db *,
		    struct conflict_summary **out, size_t *n,
		    struct kith_err *);
void		 conflict_summaries_free(struct conflict_summary *, size_t n);

/*
 * Appends a disposition to check id, by reviewer, with an optional waiver
 * reference.  disposition is parsed by conflict_disposition_parse.
 * KITH_NOTFOUND for no such check, KITH_INVALID for an unknown
 * disposition or an empty reviewer.
 */
enum kith_status conflict_decide(struct kith_db *, int64_t id,
		    const char *disposition, const char *waiver,
		    const char *reviewer, struct kith_err *);

/*
 * The stored word for a disposition the user typed: "clear", "declined",
 * "waivable-pending" (also "pending"), "waivable-obtained" (also
 * "obtained"), any case; NULL if it is none of them.  Static.
 */
const char	*conflict_disposition_parse(const char *);
/* "Clear", "Waivable – consent pending", ...; the word itself if unknown. */
const char	*conflict_disposition_name(const char *);

/*
 * The user name a check is recorded under: the setting (meta key
 * "user", set with conflict_set_user), or NULL if none is set.  Caller
 * frees.  The fronts fall back to $KITH_USER and the login name.
 */
enum kith_status conflict_user(struct kith_db *, char **out,
		    struct kith_err *);
enum kith_status conflict_set_user(struct kith_db *, const char *name,
		    struct kith_err *);
/*
 * Who a check or decision made now is recorded under, as both fronts
 * decide it: $KITH_USER, else the setting, else the login name, else
 * "unknown user".  Caller frees.
 */
char		*conflict_who(struct kith_db *);

/*
 * Record r as text, as kith conflict --show prints it and the TUI shows
 * it: the check, the terms and variants, every hit with its role, chain
 * and rule ("No hits in kith's records." when there is none), the
 * dispositions.  Data is made terminal-safe.  Caller frees.
 */
char		*conflict_record_text(const struct conflict_record *r);

/*
 * Links organisation a to b as "a is KIND b": KIND is "subsidiary of"
 * (read "parent company of" from b), "affiliate of" or "former name of";
 * "parent company of" links the other way round.  KITH_EXISTS if already
 * linked, KITH_INVALID for another kind or a == b.
 */
enum kith_status conflict_org_link(struct kith_db *, int64_t a, int64_t b,
		    const char *kind, struct kith_err *);

#endif
