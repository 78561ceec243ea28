/* SPDX-License-Identifier: MIT */
/*
 * Keep-in-touch cadence.  A contact, or every contact with a tag, has an
 * ideal interval and a maximum one (by default 1.5 x the ideal).  The
 * clock runs from the last touch: any interaction other than a note
 * (a call, meeting, e-mail or event, also one logged on a deal) with the
 * person.  Past the ideal interval a contact is due, past the maximum
 * overdue.  A contact's own cadence beats its tags'; among its tags the
 * tightest wins; "off" on a contact stops its tags' too.  A new cadence
 * falls due first on a day spread over its interval, fixed per contact,
 * so twenty people given one on the same day do not all fall due on one
 * morning.  Snoozing moves the due day without being a touch; a touch
 * ends the snooze and its count.
 *
 * The due and overdue days are kept on the contact row by the core on
 * every write (touch.c), so the lists below are index walks.
 */
#ifndef KITH_CADENCE_H
#define KITH_CADENCE_H

#include <stddef.h>
#include <stdint.h>
#include "kith/clock.h"
#include "kith/status.h"

struct kith_db;

/* The accepted forms, for messages and --help. */
#define KITH_CADENCE_FORMS						\
	"IDEAL or IDEAL/MAX, each a number of days, weeks, months or "	\
	"years (30, 30d, 4w, 2m, 1y; a month is 30 days, a year 365), "	\
	"MAX at least IDEAL; or off"

/* Snoozes in a row after which kith asks whether to loosen a cadence. */
#define KITH_CADENCE_LOOSEN	3

struct cadence_spec {
	int	ideal;		/* days; 0 = off */
	int	max;		/* days; 0 = 1.5 x ideal */
};

enum cadence_state {
	KITH_CADENCE_NONE,	/* no cadence */
	KITH_CADENCE_OK,	/* within the ideal interval */
	KITH_CADENCE_DUE,	/* past the ideal interval */
	KITH_CADENCE_OVERDUE	/* past the maximum */
};

struct cadence {
	int64_t		 contact;
	char		*name;		/* the contact's display name */
	int		 ideal, max;	/* effective, in days */
	char		*tag;		/* the tag it comes from, NULL: own */
	char		 last[KITH_DATE_LEN];	/* last touch, "" never */
	char		 due[KITH_DATE_LEN];
	char		 overdue[KITH_DATE_LEN];
	enum cadence_state state;	/* on the day asked about */
	long		 late;		/* days past due (<0: days ahead) */
	int		 snoozes;	/* snoozes in a row */
};

/*
 * Reads s as KITH_CADENCE_FORMS says; "off" gives ideal 0.  KITH_INVALID
 * naming s and the accepted forms otherwise (0d, 30x, an ideal over the
 * maximum).
 */
enum kith_status cadence_parse(const char *s, struct cadence_spec *out,
		    struct kith_err *);

/* "30d/45d" (or "off") for spec, into out. */
void		 cadence_format(const struct cadence_spec *, char *out,
		    size_t len);

/* "ok", "due", "overdue", or "" for none. */
const char	*cadence_state_name(enum cadence_state);

/*
 * The state of a cadence whose due and overdue days are due and overdue
 * ("" for none) on day today, with *late set to today - due.
 */
enum cadence_state cadence_state_on(const char *due, const char *overdue,
		    const char *today, long *late);

/*
 * Sets contact id's own cadence (spec->ideal 0: off, even when a tag has
 * one).  One action of the change journal.  KITH_NOTFOUND if absent.
 */
enum kith_status cadence_set_contact(struct kith_db *, int64_t id,
		    const struct cadence_spec *, struct kith_err *);

/*
 * Takes contact id's own cadence away, so its tags' apply again.
 */
enum kith_status cadence_clear_contact(struct kith_db *, int64_t id,
		    struct kith_err *);

/*
 * Sets the cadence of every contact tagged tag (ideal 0: none) and brings
 * each of them up to date.  KITH_NOTFOUND "no tag 'x'" if there is none;
 * *n (may be NULL) is set to the number of contacts with the tag.
 */
enum kith_status cadence_set_tag(struct kith_db *, const char *tag,
		    const struct cadence_spec *, long *n, struct kith_err *);

/* Contact id's cadence on the handle's today (state NONE if it has none). */
enum kith_status cadence_get(struct kith_db *, int64_t id,
		    struct cadence *out, struct kith_err *);

/*
 * Every contact with a cadence, by due day (ties by id), states on the
 * handle's today.  Caller frees with cadence_list_free.
 */
enum kith_status cadence_list(struct kith_db *, struct cadence **out,
		    size_t *n, struct kith_err *);

/* Contacts due up to today + days, most overdue first. */
enum kith_status cadence_list_due(struct kith_db *, int days,
		    struct cadence **out, size_t *n, struct kith_err *);

void		 cadence_clear(struct cadence *);	/* frees the strings */
void		 cadence_list_free(struct cadence *, size_t n);

struct cadence_tag {
	char		*tag;
	struct cadence_spec spec;
	long		 members;	/* contacts with the tag */
};

/* The tags that carry a cadence, by name.  Caller frees. */
enum kith_status cadence_tags(struct kith_db *, struct cadence_tag **out,
		    size_t *n, struct kith_err *);
void		 cadence_tags_free(struct cadence_tag *, size_t n);

/*
 * Snoozes contact id's cadence until until ("YYYY-MM-DD", after today):
 * it is not due before then.  Not a touch.  *snoozes (may be NULL) is
 * set to the snoozes in a row; at KITH_CADENCE_LOOSEN or more the front
 * asks whether to loosen it.  KITH_INVALID if it has no cadence.
 */
enum kith_status cadence_snooze(struct kith_db *, int64_t id,
		    const char *until, int *snoozes, struct kith_err *);

/* cadence_snooze() without counting a snooze (a rescheduled call). */
enum kith_status cadence_reschedule(struct kith_db *, int64_t id,
		    const char *until, struct kith_err *);

#endif
