/* SPDX-License-Identifier: MIT */
/*
 * Adding the senders of a message to the book (mailaddr.h): an address
 * no contact has becomes a new contact, one a contact has is left alone,
 * unless that contact's name is only an address and the message gives a
 * name.  Every write goes through the contact API (contact_insert,
 * contact_save_edit), so it is journaled and kith undo takes it back.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/contact.h"
#include "kith/mailaddr.h"
#include "kith/util.h"

static int	 nameless(const struct contact *);

void
mailaddr_free(struct mailaddr *v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++) {
		free(v[i].name);
		free(v[i].addr);
	}
	free(v);
}

/* Whether c's display name is only one of its addresses (or nothing). */
static int
nameless(const struct contact *c)
{
	size_t	i;

	if (str_empty(c->display))
		return 1;
	for (i = 0; i < c->n_emails; i++)
		if (strcasecmp(c->display, c->emails[i].addr) == 0)
			return 1;
	return 0;
}

enum kith_status
mailaddr_check(struct kith_db *db, const struct mailaddr *a,
    enum mailaddr_state *state, int64_t *id, struct kith_err *err)
{
	struct contact_clash	 clash = { 0 };
	struct contact		*probe, *c = NULL;
	enum kith_status	 st;

	*state = MAILADDR_NEW;
	*id = 0;
	if (a->addr == NULL || !contact_email_valid(a->addr))
		return kith_err_set(err, KITH_INVALID, "\"%s\" is not an "
		    "e-mail address", a->addr != NULL ? a->addr : "");
	probe = contact_new();
	contact_add_email(probe, a->addr, NULL);
	st = contact_find_clash(db, probe, &clash, err);
	contact_free(probe);
	if (st != KITH_OK || clash.id == 0)
		goto out;
	*id = clash.id;
	*state = MAILADDR_KNOWN;
	if ((st = contact_get(db, clash.id, &c, err)) != KITH_OK)
		goto out;
	if (nameless(c) && !str_empty(a->name))
		*state = MAILADDR_NAMELESS;
out:
	contact_free(c);
	contact_clash_free(&clash);
	return st;
}

enum kith_status
mailaddr_store(struct kith_db *db, const struct mailaddr *a,
    enum mailaddr_state *state, int64_t *id, struct kith_err *err)
{
	struct contact		*c = NULL, *base = NULL;
	enum mailaddr_state	 s;
	enum kith_status	 st;
	int64_t			 cid;

	if ((st = mailaddr_check(db, a, &s, &cid, err)) != KITH_OK)
		return st;
	switch (s) {
	case MAILADDR_KNOWN:
		break;
	case MAILADDR_NAMELESS:
		if ((st = contact_get(db, cid, &base, err)) != KITH_OK ||
		    (st = contact_get(db, cid, &c, err)) != KITH_OK)
			break;
		contact_rename(c, a->name);
		contact_split_display(c);
		st = contact_save_edit(db, base, c, err);
		break;
	case MAILADDR_NEW:
		c = contact_new();
		contact_set(&c->display, !str_empty(a->name) ? a->name :
		    a->addr);
		contact_add_email(c, a->addr, NULL);
		contact_set(&c->source, "e-mail");
		if (!str_empty(a->name))
			contact_split_display(c);
		if ((st = contact_insert(db, c, err)) == KITH_OK)
			cid = c->id;
		break;
	}
	contact_free(base);
	contact_free(c);
	if (state != NULL)
		*state = s;
	if (id != NULL)
		*id = cid;
	return st;
}
