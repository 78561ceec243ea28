/* SPDX-License-Identifier: MIT */
/*
 * The contact sheet: everything the one-page view of a contact shows,
 * gathered once in the core so that every front (kith show, the TUI's
 * detail pane, and later reports) renders the same model and none of them
 * queries or composes it on its own.
 *
 * A sheet is a read-only value: sheet_load() builds it, the front reads
 * its fields and frees it with sheet_free().  All strings are as stored
 * (UTF-8, NFC); making them safe for a terminal is the front's job.
 */
#ifndef KITH_SHEET_H
#define KITH_SHEET_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;
struct contact;
struct deal_line;
struct followup;
struct interaction;
struct relation;

/* How many interactions a sheet holds unless asked otherwise. */
#define SHEET_INTERACTIONS	10

struct sheet_relation {
	const struct relation *rel;	/* the link, labelled from this
					   contact's side (points into the
					   sheet) */
	char		*text;		/* "spouse Marko Petrović", "has
					   assistant Jelena Kovačević" */
};

struct sheet {
	struct contact		*contact;	/* details, parts, custom fields */
	char			*headline;	/* "Partner, Acme Legal (Tax)":
						   title, organisation and
						   department, NULL if none */
	char			*birthday;	/* "1988-03-14", or "28 Jun"
						   without a year; NULL if
						   none */
	char			**dates;	/* per contact->dates[i]:
						   "anniversary: 28 Jun" */
	size_t			 n_dates;	/* contact->n_dates */
	char			**ims;		/* per contact->ims[i]:
						   "Skype: ana.p (work)" */
	size_t			 n_ims;		/* contact->n_ims */
	char			**addresses;	/* per contact->addrs[i]: its
						   parts joined by ", " (no
						   label) */
	size_t			 n_addresses;	/* contact->n_addrs */
	char			*tags;		/* "client, vip"; NULL if none */
	char			*aliases;	/* its other names (alias.h),
						   "Ana Jovanović, Ana J."; NULL
						   if none */

	struct relation		*relations;	/* both directions, by label
						   then name */
	struct sheet_relation	*rel_lines;	/* one per relation */
	size_t			 n_relations;

	struct followup		*followups;	/* pending, by day */
	size_t			 n_followups;

	struct interaction	*interactions;	/* the latest, newest first */
	size_t			 n_interactions;
	struct deal_line	*deals;		/* deals the contact is on, with
						   role and stage; open ones
						   first (deal.h) */
	size_t			 n_deals;
};

/*
 * Builds the sheet of contact id with at most max_interactions of its
 * latest interactions (0: SHEET_INTERACTIONS).  KITH_NOTFOUND if there is
 * no such contact.  *out: caller frees with sheet_free; NULL on failure.
 */
enum kith_status sheet_load(struct kith_db *, int64_t id,
		    size_t max_interactions, struct sheet **out,
		    struct kith_err *);
void		 sheet_free(struct sheet *);	/* NULL is a no-op */

#endif
