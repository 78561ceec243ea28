/* SPDX-License-Identifier: MIT */
/*
 * Deals (or matters: one concept, the word shown is a setting): a title,
 * a stage (stage.h), an organisation, a value in the minor units of an
 * ISO 4217 currency (money.h), a fee arrangement (vocab.h), practice
 * area, originating and responsible person, expected close date, next
 * step, reference (matter number), notes, and any number of contacts each
 * with a role from the deal_role list.
 *
 * A deal remembers when it entered its stage (stage_since), when it was
 * last touched (touched: added, moved, or an interaction logged on it)
 * and when it was closed (closed_at, set while it is in a won or lost
 * stage); every stage it enters is a row of its stage history.  It is
 * stalled when it is in an open stage and has not been touched for the
 * stage's stall_days, or has an overdue follow-up.
 *
 * Every write is one transaction and one action of the change journal,
 * named for kith undo ("moved Northbridge acquisition to Negotiation")
 * when the caller has no transaction open; a caller that brackets several
 * calls in kith_db_begin()/kith_db_commit() names the whole.
 */
#ifndef KITH_DEAL_H
#define KITH_DEAL_H

#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kith/status.h"
#include "kith/vocab.h"

struct kith_db;

struct deal_person {
	int64_t		 contact_id;
	char		*name;		/* display name (deal_get) */
	char		*role;		/* a deal_role name, or NULL */
};

struct deal {
	int64_t		 id;		/* 0 until stored */
	char		*title;		/* required */
	int64_t		 stage_id;	/* deal_add: 0 takes stage by name */
	char		*stage;		/* stage name; deal_add: NULL is the
					   first open stage */
	enum kith_stage_kind stage_kind;	/* deal_get */
	int		 probability;	/* of the stage, deal_get */
	int		 stall_days;	/* of the stage, deal_get */
	int		 has_value;	/* 0: no value */
	int64_t		 value;		/* minor units of currency, >= 0 */
	char		 currency[4];	/* ISO 4217, "" if none */
	char		*org;		/* organisation name or NULL */
	char		*fee;		/* a KITH_FEE_LIST name or NULL */
	char		*practice;	/* practice area or NULL */
	int64_t		 originator_id;	/* contact, or 0 */
	char		*originator;	/* its name (deal_get) */
	int64_t		 responsible_id;	/* contact, or 0 */
	char		*responsible;	/* its name (deal_get) */
	char		*expected_close;	/* "YYYY-MM-DD" or NULL */
	char		*next_step;
	char		*ref;		/* reference / matter number */
	char		*notes;
	char		*reason;	/* why it was won or lost, or NULL */
	int64_t		 created;	/* seconds since the epoch */
	int64_t		 updated;
	int64_t		 stage_since;	/* entered its stage */
	int64_t		 touched;	/* last touch */
	int64_t		 closed_at;	/* 0 while open */
	int		 days_in_stage;	/* whole days since stage_since */
	int		 days_untouched;	/* whole days since touched */
	int		 stalled;	/* open; untouched past stall_days
					   or a follow-up overdue */
	struct deal_person *people;	/* by role order, then name */
	size_t		 n_people;
};

struct deal	*deal_new(void);
void		 deal_free(struct deal *);	/* NULL is a no-op */
/* Adds a person to d->people (copies; role may be NULL). */
void		 deal_add_person(struct deal *d, int64_t contact,
		    const char *role);

/* 1 if fee is one of the KITH_FEE_LIST names (exact). */
int		 deal_fee_valid(const char *fee);

/*
 * The word the fronts show for a deal, "deal" or "matter" (static), from
 * the meta table (key deal_word); "deal" unless set.
 */
const char	*deal_word(struct kith_db *);

/*
 * That word as a heading or a count needs it: plural adds the "s",
 * capital the capital letter ("Deals", "matter"; static).
 */
const char	*deal_word_form(struct kith_db *, int plural, int capital);

/*
 * Sets that word.  KITH_INVALID unless word is "deal" or "matter" (any
 * case).  A setting, not data: not an action of the change journal.
 */
enum kith_status deal_set_word(struct kith_db *, const char *word,
		    struct kith_err *);

/*
 * The deal roles, in their order, into *out (*n of them; free each and
 * the array).  deal_role_check() stores in *canon the list's spelling of
 * role (any case; caller frees) or returns KITH_INVALID naming the list.
 */
enum kith_status deal_roles(struct kith_db *, char ***out, size_t *n,
		    struct kith_err *);
enum kith_status deal_role_check(struct kith_db *, const char *role,
		    char **canon, struct kith_err *);

/*
 * Adds role to the end of the list (KITH_EXISTS if it is there, in any
 * case; KITH_INVALID if blank), or removes it (KITH_NOTFOUND if absent;
 * KITH_EXISTS, saying how many, while people have it on a deal).  Each
 * is one action of the change journal.
 */
enum kith_status deal_role_add(struct kith_db *, const char *role,
		    struct kith_err *);
enum kith_status deal_role_remove(struct kith_db *, const char *role,
		    struct kith_err *);

/*
 * Stores d as a new deal and sets d->id: its text cleaned (trimmed, NFC)
 * in place; the organisation found or created by name
 * (org_find_or_create); the stage d->stage_id, else the stage named
 * d->stage, else the first open stage; its people with their roles.  The
 * stage is the first row of its stage history; stage_since and touched
 * are now; closed_at is now if the stage is won or lost.  Errors
 * (KITH_INVALID unless said, nothing written, err naming the field):
 * empty title, currency not ISO 4217 (money_currency), a value without a
 * currency gets money_default_currency(), a negative value, unknown fee
 * arrangement, expected close not YYYY-MM-DD, KITH_NOTFOUND for an
 * unknown stage or contact, a role not in the list.
 */
enum kith_status deal_add(struct kith_db *, struct deal *d,
		    struct kith_err *);

/*
 * Reads deal id into *out (caller frees with deal_free), with the names
 * of its stage, organisation, originator, responsible and people
 * resolved, and days_in_stage, days_untouched and stalled computed
 * against kith_db_now().  KITH_NOTFOUND if absent.
 */
enum kith_status deal_get(struct kith_db *, int64_t id, struct deal **out,
		    struct kith_err *);

/*
 * Whether a deal is stalled: in an open stage and either not touched for
 * more than stall_days calendar days (deal_idle_days) or with an overdue
 * follow-up (overdue non-zero: one not done, due before today).  The deal
 * list, the sheet, the board, the pipeline and the review all mark the
 * same deals, and a deal stalls at midnight, not at the hour of its last
 * touch: a 7:00 digest sees what the day holds.
 */
int		 deal_is_stalled(enum kith_stage_kind kind, int stall_days,
		    int64_t touched, int overdue, int64_t now);

/* Calendar days from touched's local day to now's (0 if not before). */
long		 deal_idle_days(int64_t touched, int64_t now);

/*
 * The start of now's local day: what the index queries bind for "now" in
 * "touched < ?1 - stall_days * 86400", the same rule in SQL (a change of
 * daylight-saving time in between can move that line by its hour).
 */
int64_t		 deal_day_start(int64_t now);

/*
 * Moves deal id to stage: a stage history row, stage_since and touched
 * set to now, closed_at set to now when the stage is won or lost and the
 * deal was not closed that way before (a won deal moved to a lost stage
 * was lost now, and the reason it was won for goes; one moved between
 * two lost stages keeps its date and reason), cleared (with the reason)
 * when it is open.  KITH_EXISTS if the
 * deal is in that stage already ("... is in Negotiation already"):
 * nothing is written.  KITH_NOTFOUND for no such deal or stage.
 */
enum kith_status deal_move(struct kith_db *, int64_t id, int64_t stage,
		    struct kith_err *);

/*
 * Closes deal id as won or lost (kind KITH_STAGE_won or KITH_STAGE_lost):
 * moves it to the first stage of that kind by position, as deal_move,
 * and records reason (may be NULL).  If it is there already, a reason
 * given replaces the old one; without one, KITH_EXISTS.
 */
enum kith_status deal_close(struct kith_db *, int64_t id,
		    enum kith_stage_kind kind, const char *reason,
		    struct kith_err *);

/*
 * Puts contact on deal id with role (a deal_role name, any case; NULL
 * for none), or changes the role of a contact already on it.
 * KITH_INVALID naming the list for an unknown role; KITH_NOTFOUND for no
 * such deal or contact; KITH_EXISTS if it has that role already.
 */
enum kith_status deal_set_contact(struct kith_db *, int64_t id,
		    int64_t contact, const char *role, struct kith_err *);

/* Takes contact off deal id.  KITH_NOTFOUND if it is not on it. */
enum kith_status deal_remove_contact(struct kith_db *, int64_t id,
		    int64_t contact, struct kith_err *);

/*
 * Saves d, an edit of base (deal_get as the caller read it, unchanged),
 * writing only the fields that differ from base: title, organisation,
 * value and currency, fee, practice, originator, responsible, expected
 * close, next step, reference, notes, reason.  Stage and people are
 * changed with deal_move and deal_set_contact, not here.  Under the
 * write lock the deal is read again: if a field differs from base,
 * KITH_CONFLICT names it and nothing is saved.  Checks as deal_add.
 */
enum kith_status deal_update(struct kith_db *, const struct deal *base,
		    struct deal *d, struct kith_err *);

/* 1 if a and b have the same fields that deal_update writes. */
int		 deal_same(const struct deal *a, const struct deal *b);

/* Deletes deal id with its people and history.  KITH_NOTFOUND if absent. */
enum kith_status deal_remove(struct kith_db *, int64_t id,
		    struct kith_err *);

/* One line of a deal list. */
struct deal_ref {
	int64_t		 id;
	char		*title;
	char		*org;		/* NULL if none */
	char		*stage;
	char		*ref;		/* NULL if none */
};

void		 deal_refs_free(struct deal_ref *, size_t n);

/*
 * Resolves what a user typed into a deal: digits only, the deal with that
 * id; else the deal whose reference is exactly what (trimmed); else the
 * title's words, folded and ranked as contact_resolve ranks names (the
 * folded title equal to the query, then every query word a whole title
 * word, then beginning one, then inside one).  KITH_NOTFOUND if nothing
 * matches; KITH_AMBIGUOUS with up to max candidates (by title) in *cands
 * (free with deal_refs_free; cands may be NULL).
 */
enum kith_status deal_resolve(struct kith_db *, const char *what,
		    int64_t *id, struct deal_ref **cands, size_t *n_cands,
		    size_t max, struct kith_err *);

/* One line of a deal list (deal_list, deal_list_contact). */
struct deal_line {
	int64_t		 id;
	char		*title;
	char		*org;		/* NULL if none */
	int64_t		 stage_id;
	char		*stage;
	enum kith_stage_kind stage_kind;
	int		 has_value;
	int64_t		 value;		/* minor units of currency */
	char		 currency[4];	/* "" if none */
	int		 days_in_stage;
	int		 stalled;
	char		*next_step;	/* NULL if none */
	char		*role;		/* deal_list_contact: the contact's
					   role, NULL if none */
};

void		 deal_lines_free(struct deal_line *, size_t n);

/*
 * The deals whose title, reference or organisation has every word of
 * query (folded as search folds; NULL or "" for all), in stage stage (0
 * for any), ordered by stage position, then title.  Closed deals are
 * listed too.  *out: *n lines, free with deal_lines_free.
 */
enum kith_status deal_list(struct kith_db *, const char *query,
		    int64_t stage, struct deal_line **out, size_t *n,
		    struct kith_err *);

/*
 * The deals contact is on, open ones first (by stage position), with the
 * contact's role in each.
 */
enum kith_status deal_list_contact(struct kith_db *, int64_t contact,
		    struct deal_line **out, size_t *n, struct kith_err *);

/*
 * The ids of the contacts on at least one deal in an open stage,
 * ascending, into *ids (*n of them; caller frees).
 */
enum kith_status deal_open_people(struct kith_db *, int64_t **ids,
		    size_t *n, struct kith_err *);

/*
 * Logs an interaction on deal id (interaction_log with the deal set):
 * its people take part with the n contacts of who (which may be 0), and
 * the deal is touched now.  KITH_INVALID if nobody would take part (the
 * deal has no people and who is empty), as interaction_log otherwise.
 */
enum kith_status deal_log(struct kith_db *, int64_t id, const int64_t *who,
		    size_t n, const char *kind, const char *at,
		    const char *summary, const char *body, int64_t *iid,
		    struct kith_err *);

/*
 * Adds a follow-up on deal id, for contact (0 for none), as
 * followup_add.  fid may be NULL.
 */
enum kith_status deal_follow(struct kith_db *, int64_t id, int64_t contact,
		    const char *action, const char *due, int64_t *fid,
		    struct kith_err *);

#endif
