/* SPDX-License-Identifier: MIT */
/*
 * Addresses from mail: reading the senders of a message (kith add-email,
 * as abook --add-email and khard add-email) and adding them to the book.
 *
 * Reading takes the message's header only: it ends at the first empty
 * line, so a "From:" line in the body is never taken.  GMime parses it:
 * folded header lines are unfolded and RFC 2047 encoded names ("=?UTF-8?Q?
 * Petrovi=C4=87?=", ISO-8859-1 and the other charsets) come out as UTF-8.
 * mailaddr_read() is in libkith_mail (linked to GMime); the rest is in
 * libkith.
 */
#ifndef KITH_MAILADDR_H
#define KITH_MAILADDR_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;

struct mailaddr {
	char		*name;		/* display name as UTF-8, or NULL */
	char		*addr;		/* the address */
};

void		 mailaddr_free(struct mailaddr *, size_t n);	/* NULL ok */

/*
 * The addresses of the message in buf (len bytes; a leading mbox "From "
 * line is skipped) in the headers named by headers, a comma-separated
 * list of from, sender, reply-to, to, cc and bcc without regard to case
 * (NULL: "from"), in that list's order, each header's in its order, the
 * members of a group as addresses of their own.  An address given twice
 * (without regard to case) comes once.  Fills *out (caller frees with
 * mailaddr_free) and *n.  KITH_NOTFOUND if none of those headers holds
 * an address ("the message has no From: address"); KITH_INVALID for a
 * header name not in the list.
 */
enum kith_status mailaddr_read(const char *buf, size_t len,
		    const char *headers, struct mailaddr **out, size_t *n,
		    struct kith_err *);

/* What the book knows of an address (mailaddr_check). */
enum mailaddr_state {
	MAILADDR_NEW,		/* no contact has it */
	MAILADDR_KNOWN,		/* a contact with a name has it */
	MAILADDR_NAMELESS,	/* a contact has it whose name is only an
				   address; a name would be given to it */
};

/*
 * Which contact has a's address (compared trimmed, without case; archived
 * contacts count), in *id (0 if none), and what storing a would do, in
 * *state: a KNOWN address is left as it is, and a NAMELESS one is too
 * when a has no name.  KITH_INVALID if a's address is not an e-mail
 * address (contact_email_valid).
 */
enum kith_status mailaddr_check(struct kith_db *, const struct mailaddr *a,
		    enum mailaddr_state *state, int64_t *id,
		    struct kith_err *);

/*
 * Stores a as mailaddr_check says: a new contact (named a->name, else the
 * address; a two-word name read as first and last name) through
 * contact_insert, or a's name given to the NAMELESS contact through
 * contact_save_edit; a KNOWN address changes nothing.  Each write is one
 * action of the change journal unless the caller has a transaction open
 * (then it is part of the caller's).  Sets *state to what it found and
 * *id to the contact (both may be NULL).
 */
enum kith_status mailaddr_store(struct kith_db *, const struct mailaddr *a,
		    enum mailaddr_state *state, int64_t *id,
		    struct kith_err *);

#endif
