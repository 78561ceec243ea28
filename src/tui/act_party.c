/* SPDX-License-Identifier: MIT */
/*
 * A party on a deal, from the pipeline board: c on a card finds a contact
 * (the finder), picks a role (the book's deal roles), and puts the
 * contact on the deal with it (deal_set_contact; u takes it back).  On a
 * matter (kith config deal-word matter), adding a party first offers a
 * fresh conflict check on its name: "Run a conflict check on NAME?
 * (Y/n)".  Yes runs it for the matter (conflict_run, as kith deal ...
 * --check does, before the party is on the matter, so the matter does
 * not find itself) and shows its record in the pager; either way the
 * party is then added.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kith/conflict.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/util.h"
#include "act.h"
#include "boardview.h"
#include "tui.h"

/* What the steps carry from one to the next; freed by the last. */
struct party {
	struct boardview	*bv;
	int64_t			 deal;
	char			*title;		/* the deal's */
	int64_t			 contact;
	char			*name;		/* the contact's */
	char			**roles;
	size_t			 n_roles;
	size_t			 role;		/* the one picked */
};

static void	party_free(struct party *);
static int	party_found(struct app *, size_t, int64_t, void *);
static int	party_role(struct app *, size_t, int64_t, void *);
static int	party_check(struct app *, size_t, int64_t, void *);
static int	party_add(struct app *, struct party *);

static void
party_free(struct party *p)
{
	size_t	i;

	if (p == NULL)
		return;
	for (i = 0; i < p->n_roles; i++)
		free(p->roles[i]);
	free(p->roles);
	free(p->title);
	free(p->name);
	free(p);
}

int
act_deal_party(struct boardview *bv)
{
	const struct board_card	*card = boardview_card(bv);
	struct party		*p;
	char			*title;

	if (card == NULL) {
		app_message(bv->app, 1, "no %s selected: this stage has none",
		    deal_word(bv->db));
		return KITH_REDRAW;
	}
	p = xcalloc(1, sizeof *p);
	p->bv = bv;
	p->deal = card->id;
	p->title = xstrdup(card->title);
	title = xasprintf("Add a party to %s", card->title);
	app_push(bv->app, finder_new(title, party_found, card->id, p));
	free(title);
	return KITH_REDRAW;
}

static int
party_found(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct party	*p = ctx;
	struct kith_err	 err = { 0 };
	struct contact	*c;
	char		*title;

	if (idx == PICK_CANCEL) {
		party_free(p);
		return 0;
	}
	if (contact_get(app->db, id, &c, &err) != KITH_OK ||
	    deal_roles(app->db, &p->roles, &p->n_roles, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		party_free(p);
		return KITH_REDRAW;
	}
	p->contact = id;
	p->name = xstrdup(c->display);
	contact_free(c);
	title = xasprintf("Role of %s on %s", p->name, p->title);
	app_push(app, picker_new(title, (const char *const *)p->roles,
	    p->n_roles, party_role, id, p));
	free(title);
	return KITH_REDRAW;
}

static int
party_role(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct party	*p = ctx;
	char		*q;
	int		 flags;

	(void)id;
	if (idx == PICK_CANCEL) {
		party_free(p);
		return 0;
	}
	p->role = idx;
	if (strcmp(deal_word(app->db), "matter") != 0) {
		flags = party_add(app, p);
		party_free(p);
		return flags;
	}
	q = xasprintf("Run a conflict check on %s? (Y/n)", p->name);
	app_push(app, confirm_yes_new(q, party_check, 0, p));
	free(q);
	return KITH_REDRAW;
}

/* Yes: the check first, shown in the pager; then the party is added. */
static int
party_check(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct party		*p = ctx;
	struct kith_err		 err = { 0 };
	struct conflict_record	*r = NULL;
	const char		*terms[1];
	char			*user, *text, *title;
	int			 flags;

	(void)id;
	if (idx != PICK_CANCEL) {
		terms[0] = p->name;
		user = conflict_who(app->db);
		if (conflict_run(app->db, terms, 1, p->title, user, 0, &r,
		    &err) != KITH_OK) {
			app_message(app, 1, "no conflict check: %s", err.msg);
			free(user);
			party_free(p);
			return KITH_REDRAW;
		}
		free(user);
		text = conflict_record_text(r);
		title = xasprintf("Conflict check #%lld", (long long)r->id);
		app_push(app, pager_new(title, text));
		free(title);
		free(text);
	}
	flags = party_add(app, p);
	if (r != NULL && (flags & KITH_RELOAD) && r->nhits == 0)
		act_said(app, "Conflict check #%lld: no hits in kith's "
		    "records. Added %s to %s as %s", (long long)r->id,
		    p->name, p->title, p->roles[p->role]);
	else if (r != NULL && (flags & KITH_RELOAD))
		act_said(app, "Conflict check #%lld: %zu hit%s in kith's "
		    "records (in the pager). Added %s to %s as %s",
		    (long long)r->id, r->nhits, r->nhits == 1 ? "" : "s",
		    p->name, p->title, p->roles[p->role]);
	conflict_record_free(r);
	party_free(p);
	return flags;
}

/* Puts the contact on the deal with the role picked. */
static int
party_add(struct app *app, struct party *p)
{
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	int			 flags = KITH_REDRAW;

	st = deal_set_contact(app->db, p->deal, p->contact,
	    p->roles[p->role], &err);
	if (st == KITH_EXISTS)
		app_message(app, 0, "%s is %s on %s already", p->name,
		    p->roles[p->role], p->title);
	else if (st != KITH_OK)
		app_message(app, 1, "cannot add %s: %s", p->name, err.msg);
	else {
		p->bv->follow = p->deal;
		act_said(app, "Added %s to %s as %s", p->name, p->title,
		    p->roles[p->role]);
		flags = KITH_RELOAD;
	}
	return flags;
}
