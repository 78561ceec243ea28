/* SPDX-License-Identifier: MIT */
/*
 * The interaction history: calls, meetings, e-mails, notes and events, each
 * involving one or more contacts.
 */
#ifndef KITH_INTERACTION_H
#define KITH_INTERACTION_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"
#include "kith/vocab.h"

struct kith_db;

/* "call, meeting, email, note, event", from kith/vocab.h. */
#define KITH_INTERACTION_KINDS						\
	KITH_INTERACTION_KIND_LIST(KITH_VOCAB_STR, KITH_VOCAB_LIST)

/* The kinds by enum kith_interaction_kind, as stored. */
extern const char *const interaction_kinds[KITH_INTERACTION_KIND_COUNT];

struct interaction {
	int64_t		 id;
	char		*kind;		/* one of KITH_INTERACTION_KINDS */
	char		*at;		/* "YYYY-MM-DD" or "YYYY-MM-DD HH:MM" */
	char		*summary;
	char		*body;		/* NULL if none */
};

/* 1 if kind is one of KITH_INTERACTION_KINDS ("e-mail" is taken too). */
int		 interaction_kind_valid(const char *kind);

/*
 * Records an interaction with the n contacts in who.  at ("YYYY-MM-DD" or
 * "YYYY-MM-DD HH:MM") NULL means now.  KITH_INVALID for an unknown kind,
 * an empty summary or an at later than now (an interaction is something
 * that happened; what is planned is a follow-up); KITH_NOTFOUND if a
 * contact is missing.  id may be NULL.
 */
enum kith_status interaction_log(struct kith_db *, const int64_t *who,
		    size_t n, const char *kind, const char *at,
		    const char *summary, const char *body, int64_t *id,
		    struct kith_err *);

/*
 * Says who started interaction id: "in" (they did), "out" (we did) or
 * NULL (not known), for the reciprocity term of strength.h.  KITH_INVALID
 * for anything else; KITH_NOTFOUND if id is absent.
 */
enum kith_status interaction_set_direction(struct kith_db *, int64_t id,
		    const char *dir, struct kith_err *);

/*
 * The latest limit interactions with contact id, newest first.  Caller frees
 * with interaction_list_free.
 */
enum kith_status interaction_list(struct kith_db *, int64_t id, size_t limit,
		    struct interaction **out, size_t *n, struct kith_err *);
/* The latest limit interactions logged on deal deal (deal.h). */
enum kith_status interaction_list_deal(struct kith_db *, int64_t deal,
		    size_t limit, struct interaction **out, size_t *n,
		    struct kith_err *);
void		 interaction_list_free(struct interaction *, size_t n);

#endif
