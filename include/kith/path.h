/* SPDX-License-Identifier: MIT */
/*
 * Who knows whom: the book as a graph of contacts and organisations, and
 * the shortest chains between two of them.
 *
 * A contact is linked to another contact by a relationship (either way,
 * labelled from each side with the kind or its inverse), by a deal both
 * are parties to, and by an interaction both took part in; a contact is
 * linked to the organisation it works at (contact.org_id) and to the
 * organisation of a deal it is party to.  "Me" (path_set_me) is the
 * user's own contact: everyone with a logged interaction is linked to me
 * as well, since an interaction kith records is one the user had.
 *
 * Each link has a strength in (0, 1] from path_link_strength(), the one
 * place that weighs links (from recency until contacts carry a strength
 * of their own); a chain is as strong as its weakest link.  path_find()
 * finds the shortest chains (fewest hops), strongest first.
 */
#ifndef KITH_PATH_H
#define KITH_PATH_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kith/status.h"

struct kith_db;

#define PATH_DEPTH_DEFAULT	4	/* hops searched unless told */
#define PATH_DEPTH_MAX		8
#define PATH_VISITED_DEFAULT	200000	/* contacts and organisations */
#define PATH_CHAINS_MAX		3

/* What a link is made of. */
enum path_link {
	PATH_LINK_RELATION,	/* a relationship between two contacts */
	PATH_LINK_ORG,		/* a contact works at an organisation */
	PATH_LINK_DEAL,		/* parties to one deal (or a deal's org) */
	PATH_LINK_INTERACTION,	/* in one interaction; or logged with me */
};

/*
 * The strength of a link of that kind whose latest sign of life (the
 * last interaction between the two, or when the relationship was
 * recorded, or the deal last touched) is age_days old; age_days < 0 when
 * unknown.  In (0, 1]; recent and relationship links are stronger.
 */
double		 path_link_strength(enum path_link, long age_days);

/* One end of a chain: a contact, or an organisation if org is set. */
struct path_end {
	int64_t		 id;
	int		 org;
};

struct path_hop {
	int64_t		 id;
	int		 org;		/* an organisation, not a contact */
	char		*name;
	char		*how;		/* the link from the hop before; NULL
					   on the first hop */
};

struct path_chain {
	double		 strength;	/* of its weakest link */
	size_t		 n;		/* hops, the two ends included */
	struct path_hop	*hops;
};

struct path_opts {
	int		 depth;		/* most links in a chain; 0: default */
	size_t		 max_visited;	/* 0: PATH_VISITED_DEFAULT */
	size_t		 max_chains;	/* 0 or more than PATH_CHAINS_MAX:
					   PATH_CHAINS_MAX */
};

struct path_result {
	struct path_chain *chains;	/* strongest first; n == 0: none */
	size_t		 n;
	int		 depth;		/* the depth searched */
	size_t		 visited;	/* contacts and organisations seen */
	int		 limited;	/* stopped at max_visited: a chain may
					   exist that was not searched */
};

/*
 * The "me" contact (meta key "me"): *id is 0 if none is set or it was
 * deleted since.
 */
enum kith_status path_me(struct kith_db *, int64_t *id, struct kith_err *);
/* Sets it; KITH_NOTFOUND if contact id does not exist. */
enum kith_status path_set_me(struct kith_db *, int64_t id, struct kith_err *);

/*
 * Resolves what the user typed as an end: an organisation whose folded
 * name is the folded query, else a contact (contact_resolve), else an
 * organisation whose name has a word beginning with each query word.
 * "#ID" or a number is a contact id; "org:NAME" asks for an organisation
 * only.  KITH_NOTFOUND or KITH_AMBIGUOUS (several organisations) as
 * contact_resolve; *name (caller frees) is the display name.
 */
enum kith_status path_resolve(struct kith_db *, const char *what,
		    struct path_end *out, char **name, struct kith_err *);

/* Finds the organisation named (folded) or numbered what, as above. */
enum kith_status path_resolve_org(struct kith_db *, const char *what,
		    int64_t *id, char **name, struct kith_err *);

/*
 * The shortest chains from from (NULL: me, KITH_NOTFOUND if none is set)
 * to to, at most opts->depth links, strongest first (ties: the order the
 * search met them), at most opts->max_chains of them (alternatives of the
 * same length only).  opts may be NULL.  now dates the links.  A search
 * that meets max_visited nodes stops and sets out->limited, never runs
 * on.  KITH_INVALID if from and to are the same.  Free out with
 * path_result_free.
 */
enum kith_status path_find(struct kith_db *, const struct path_end *from,
		    const struct path_end *to, const struct path_opts *opts,
		    time_t now, struct path_result *out, struct kith_err *);
void		 path_result_free(struct path_result *);	/* NULL ok */

/*
 * A chain as one line, "you → Ana Petrović (colleague, spoke 12 days ago)
 * → Northbridge Bank (works at)": with you set the first hop reads "you".
 * Caller frees; the text is the data's (the fronts make it inert).
 */
char		*path_chain_text(const struct path_chain *, int you);

/* Someone connected to an organisation (path_who). */
struct who_entry {
	int64_t		 id;		/* the contact */
	char		*name;
	char		*how;		/* "works there; client in matter 'X'" */
	double		 strength;	/* of the strongest of those links */
};

/*
 * Everyone connected to organisation org and how: works there, is related
 * to someone who works there, is party to a deal with it, took part in an
 * interaction with someone who works there; each contact once, with every
 * way it is connected, strongest first (then by name).  At most
 * PATH_WHO_MAX people of the organisation are followed (*limited set if
 * more were left out).  Caller frees with path_who_free.
 */
#define PATH_WHO_MAX	2000
enum kith_status path_who(struct kith_db *, int64_t org, time_t now,
		    struct who_entry **out, size_t *n, int *limited,
		    struct kith_err *);
void		 path_who_free(struct who_entry *, size_t n);

/*
 * "spoke 12 days ago": how a link to a contact whose last interaction of
 * kind (call, meeting, ...) was on date at reads, seen at now.  Caller
 * frees.
 */
char		*path_spoke(const char *kind, const char *at, time_t now);

#endif
