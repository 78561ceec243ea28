/* SPDX-License-Identifier: MIT */
/*
 * Contacts and their parts (e-mails, phones, addresses, URLs, tags and
 * custom fields), and organisations.
 *
 * A struct contact is a plain value: build one with contact_new() and the
 * contact_add_*() helpers (contact_parts.c), store it with contact_insert(), read one back
 * with contact_get().  contact_update() replaces every field and part of the
 * stored contact with those of the struct.  Each write is one transaction and
 * keeps the folded name, sort key and search index in step.
 */
#ifndef KITH_CONTACT_H
#define KITH_CONTACT_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;

struct contact_email {
	char		*addr;		/* as written */
	char		*label;		/* "work", "home", ... or NULL */
};

struct contact_phone {
	char		*raw;		/* as written */
	char		*label;
};

struct contact_address {
	char		*label;
	char		*street;
	char		*city;
	char		*region;
	char		*postcode;
	char		*country;
};

struct contact_kv {			/* a URL (key = label) or custom field */
	char		*key;
	char		*value;
};

/* A dated event other than the birthday: an anniversary, "client since". */
struct contact_date {
	char		*label;		/* "anniversary" when none is given */
	char		*date;		/* "YYYY-MM-DD" or "--MM-DD" */
};

/* An instant-messaging handle. */
struct contact_im {
	char		*service;	/* "Skype", "XMPP", ... or NULL */
	char		*handle;	/* as written; required */
	char		*label;		/* "work", "home", ... or NULL */
};

struct contact {
	int64_t		 id;		/* 0 until stored */
	char		*display;	/* display name; required */
	char		*prefix;	/* name parts, each may be NULL */
	char		*given;
	char		*middle;
	char		*family;
	char		*suffix;
	char		*nickname;
	char		*org;		/* organisation name or NULL */
	char		*title;
	char		*birthday;	/* "YYYY-MM-DD" or "--MM-DD" */
	char		*notes;
	char		*source;	/* where it came from, e.g. "import 3" */
	char		*department;	/* within org */
	char		*uid;		/* vCard UID, stable across syncs */
	int		 cadence_days;	/* keep in touch every N days; 0 none */
	int		 archived;
	int64_t		 batch;		/* import batch that added it, or 0 */
	int64_t		 created;	/* seconds since the epoch */
	int64_t		 updated;

	struct contact_email	*emails;	/* the first is primary */
	size_t			 n_emails;
	struct contact_phone	*phones;	/* the first is primary */
	size_t			 n_phones;
	struct contact_address	*addrs;
	size_t			 n_addrs;
	struct contact_kv	*urls;
	size_t			 n_urls;
	struct contact_kv	*custom;
	size_t			 n_custom;
	char			**tags;
	size_t			 n_tags;
	struct contact_date	*dates;
	size_t			 n_dates;
	struct contact_im	*ims;
	size_t			 n_ims;
	/*
	 * vCard properties kith has no field for, each one unfolded
	 * content line as read ("X-ABLabel..."), written back unchanged.
	 */
	char			**vprops;
	size_t			 n_vprops;
};

struct contact	*contact_new(void);
void		 contact_free(struct contact *);	/* NULL is a no-op */

/* Setters copy their arguments; NULL or "" clears the field. */
void		 contact_set(char **field, const char *value);
void		 contact_add_email(struct contact *, const char *addr,
		    const char *label);
void		 contact_add_phone(struct contact *, const char *raw,
		    const char *label);
void		 contact_add_address(struct contact *,
		    const struct contact_address *);
void		 contact_add_url(struct contact *, const char *url,
		    const char *label);
void		 contact_add_custom(struct contact *, const char *key,
		    const char *value);
/* Adds tag unless c has it already (compared without ASCII case). */
void		 contact_add_tag(struct contact *, const char *tag);
void		 contact_add_date(struct contact *, const char *label,
		    const char *date);
void		 contact_add_im(struct contact *, const char *service,
		    const char *handle, const char *label);
void		 contact_add_vprop(struct contact *, const char *line);

/*
 * Checks that s is a date as birthdays and dated events are stored:
 * "YYYY-MM-DD", or "--MM-DD" when the year is unknown (--02-29 included).
 * KITH_INVALID naming field otherwise.
 */
enum kith_status contact_date_check(const char *field, const char *s,
		    struct kith_err *);

/*
 * "Dr Ana Marija Petrović Jr" from whichever name parts of c are set, else
 * its nickname; NULL if it has neither.  Caller frees.
 */
char		*contact_name_from_parts(const struct contact *c);

/*
 * Reads c's display name as a given and a family name when c has no name
 * part yet: "Ana Petrović", two words, gives Ana and
 * Petrović.  A name of one word or more than two, an e-mail address or
 * the organisation's own name is left for a person to split (exports then
 * use the display name).  Returns 1 if it set the parts.  The same
 * reading as contact_rename's.
 */
int		 contact_split_display(struct contact *c);

/*
 * Gives c the display name name, keeping the name parts true: parts that
 * spelled the old name are replaced by the new name's two words when it
 * has two and the old parts were a given and a family name only, and are
 * cleared otherwise (exports then use the display name).  Parts that did
 * not spell the old name are the user's own and stay.
 */
void		 contact_rename(struct contact *c, const char *name);

/* 1 if addr looks like an e-mail address (name@domain, no spaces). */
int		 contact_email_valid(const char *addr);

/*
 * Stores c as a new contact and sets c->id (c->batch is recorded too).
 * The text fields of c are cleaned in place (trimmed, NFC) and an empty
 * display name is composed from the name parts, so c shows what was
 * stored.  Text is checked to be UTF-8
 * and stored in NFC.  KITH_INVALID if the display name is empty (after
 * trimming) or any text is not UTF-8; err names the field.
 */
enum kith_status contact_insert(struct kith_db *, struct contact *c,
		    struct kith_err *);

/* Replaces the stored contact c->id with c.  KITH_NOTFOUND if absent. */
enum kith_status contact_update(struct kith_db *, struct contact *c,
		    struct kith_err *);

/*
 * Saves c, an edit of base (the contact as the caller read it, which it
 * keeps unchanged), as one change.  Under the write lock the stored
 * contact is read again: if it is no longer base (another kith process or
 * an import changed it since), nothing is saved and KITH_CONFLICT names
 * the first field that differs.  Only what the edit changed is written:
 * the lists (e-mails, phones, addresses, URLs, custom fields, tags) that
 * c has as base had them keep their stored rows, and an edit that changes
 * nothing writes nothing (no journal action).  The fronts' edits go
 * through here; contact_update() is for the core's own merges.
 */
enum kith_status contact_save_edit(struct kith_db *,
		    const struct contact *base, struct contact *c,
		    struct kith_err *);

/*
 * The first field ("name", "e-mails", ...) in which b differs from a, or
 * NULL if an edit of a into b would change nothing.
 */
const char	*contact_changed(const struct contact *a,
		    const struct contact *b);

/* Reads contact id into *out (caller frees with contact_free). */
enum kith_status contact_get(struct kith_db *, int64_t id,
		    struct contact **out, struct kith_err *);

/* Sets or clears the archived flag.  KITH_NOTFOUND if absent. */
enum kith_status contact_archive(struct kith_db *, int64_t id, int archived,
		    struct kith_err *);

/*
 * Deletes contact id with everything that hangs off it (parts, follow-ups,
 * relationships; interactions it alone took part in).  KITH_NOTFOUND if
 * absent.
 */
enum kith_status contact_delete(struct kith_db *, int64_t id,
		    struct kith_err *);

/* One line of a contact list; see also search.h. */
struct contact_ref {
	int64_t		 id;
	char		*name;		/* display name */
	char		*org;		/* NULL if none */
	char		*email;		/* primary e-mail or NULL */
};

void		 contact_refs_free(struct contact_ref *, size_t n);

/*
 * Resolves what a user typed where an ID is asked for, in this order:
 *   1. digits only: the contact with that id (if there is none and the
 *      digits could be a phone number, go on);
 *   2. with an '@': the contact with exactly that e-mail, compared as
 *      stored (trimmed, without case);
 *   3. what looks like a phone number (digits with blanks and + - . ( ) /,
 *      PHONE_MIN_DIGITS digits at least): the contact with that number
 *      however written, with or without '+', "00" or the country code
 *      (phone_matches, phone.h);
 *   4. anything else: names only -- display name, given and family names,
 *      nickname -- folded as search folds them (text.h).  Every query word
 *      must match a name word; the best-ranked contacts win: the folded
 *      display name equal to the query, then every query word a whole name
 *      word, then a name word beginning with each, then a name word merely
 *      containing one; failing all of those, the loose matcher's best
 *      hits (match_find in match.h: "alexei" names Алексей, "Bob Smith"
 *      Robert Smith, a maiden name stored as an alias its contact).
 * Notes, tags, custom fields and the organisation never make a match.
 * Archived contacts are found too.  KITH_NOTFOUND if nothing matches;
 * KITH_AMBIGUOUS if several contacts share the best rank, with up to max
 * of them, in name order, in *cands and *n_cands (caller frees with
 * contact_refs_free; cands may be NULL).
 */
enum kith_status contact_resolve(struct kith_db *, const char *what,
		    int64_t *id, struct contact_ref **cands, size_t *n_cands,
		    size_t max, struct kith_err *);

/* Another contact that already has an e-mail or phone of a new one. */
struct contact_clash {
	int64_t		 id;		/* that contact; 0 if there is none */
	char		*name;		/* its display name */
	const char	*field;		/* "e-mail" or "phone" (static) */
	char		*value;		/* the e-mail or phone as it has it */
};

void		 contact_clash_free(struct contact_clash *);	/* NULL ok */

/*
 * Looks for a stored contact other than c->id (0 for a contact not yet
 * stored) that already has one of c's e-mails (compared as stored: trimmed,
 * without case) or phones (the same number however written, as a lookup
 * compares them: phone_matches in phone.h; numbers with fewer than
 * PHONE_MIN_DIGITS digits are not compared).  Archived contacts
 * count.  Fills *out (out->id 0 if none; free with contact_clash_free).
 * Fronts call it before contact_insert so that adding someone already
 * known can be refused or confirmed.
 */
enum kith_status contact_find_clash(struct kith_db *, const struct contact *c,
		    struct contact_clash *out, struct kith_err *);

/*
 * Finds the organisation named name (compared in folded form), creating it
 * if absent, and stores its id.
 */
enum kith_status org_find_or_create(struct kith_db *, const char *name,
		    int64_t *id, struct kith_err *);

#endif
