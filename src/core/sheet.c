/* SPDX-License-Identifier: MIT */
/*
 * The contact sheet model (see sheet.h): the contact, its relationships
 * both ways, its pending follow-ups and latest interactions, with the
 * composed lines every front shows alike.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/relation.h"
#include "kith/alias.h"
#include "kith/sheet.h"
#include "kith/util.h"

static char	*join_address(const struct contact_address *);
static char	*date_text(const char *);
static char	*headline(const struct contact *);
static void	 compose(struct sheet *);

/*
 * A stored date as the sheet shows it: "YYYY-MM-DD" as it is, "--MM-DD"
 * (no year) as "28 Jun"; anything else as stored.  Caller frees.
 */
static char *
date_text(const char *d)
{
	static const char *const mon[12] = { "Jan", "Feb", "Mar", "Apr",
	    "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
	int	 m, day;

	if (strlen(d) == 7 && d[0] == '-' && d[1] == '-' &&
	    sscanf(d + 2, "%2d-%2d", &m, &day) == 2 && m >= 1 && m <= 12)
		return xasprintf("%d %s", day, mon[m - 1]);
	return xstrdup(d);
}

/* "Partner, Acme Legal (Tax)", "Partner, Tax", "Tax"; NULL if none. */
static char *
headline(const struct contact *c)
{
	struct sbuf	 sb = { 0 };
	const char	*dept = str_empty(c->department) ? NULL :
			    c->department;

	if (!str_empty(c->title))
		sbuf_add(&sb, c->title);
	if (!str_empty(c->org))
		sbuf_printf(&sb, "%s%s", sb.len > 0 ? ", " : "", c->org);
	if (dept != NULL && !str_empty(c->org))
		sbuf_printf(&sb, " (%s)", dept);
	else if (dept != NULL)
		sbuf_printf(&sb, "%s%s", sb.len > 0 ? ", " : "", dept);
	return sb.len > 0 ? sbuf_detach(&sb) : NULL;
}

/* The parts of a, street to country, joined by ", ". */
static char *
join_address(const struct contact_address *a)
{
	const char	*parts[] = { a->street, a->postcode, a->city,
			    a->region, a->country };
	struct sbuf	 sb = { 0 };
	size_t		 i;

	for (i = 0; i < sizeof parts / sizeof parts[0]; i++) {
		if (str_empty(parts[i]))
			continue;
		if (sb.len > 0)
			sbuf_add(&sb, ", ");
		sbuf_add(&sb, parts[i]);
	}
	return sbuf_detach(&sb);
}

/* Fills the composed lines of s from its data. */
static void
compose(struct sheet *s)
{
	const struct contact	*c = s->contact;
	struct sbuf		 sb = { 0 };
	size_t			 i;

	s->headline = headline(c);
	if (!str_empty(c->birthday))
		s->birthday = date_text(c->birthday);
	s->dates = xcalloc(c->n_dates + 1, sizeof *s->dates);
	for (i = 0; i < c->n_dates; i++) {
		char *d = date_text(c->dates[i].date);

		s->dates[i] = xasprintf("%s: %s", c->dates[i].label ?
		    c->dates[i].label : "anniversary", d);
		free(d);
	}
	s->n_dates = c->n_dates;
	s->ims = xcalloc(c->n_ims + 1, sizeof *s->ims);
	for (i = 0; i < c->n_ims; i++)
		s->ims[i] = xasprintf("%s%s%s%s%s%s", c->ims[i].service ?
		    c->ims[i].service : "", c->ims[i].service ? ": " : "",
		    c->ims[i].handle, c->ims[i].label ? " (" : "",
		    c->ims[i].label ? c->ims[i].label : "",
		    c->ims[i].label ? ")" : "");
	s->n_ims = c->n_ims;
	s->addresses = xcalloc(c->n_addrs + 1, sizeof *s->addresses);
	for (i = 0; i < c->n_addrs; i++)
		s->addresses[i] = join_address(&c->addrs[i]);
	s->n_addresses = c->n_addrs;
	for (i = 0; i < c->n_tags; i++)
		sbuf_printf(&sb, "%s%s", i ? ", " : "", c->tags[i]);
	if (sb.len > 0)
		s->tags = sbuf_detach(&sb);
	sbuf_free(&sb);
	s->rel_lines = xcalloc(s->n_relations + 1, sizeof *s->rel_lines);
	for (i = 0; i < s->n_relations; i++) {
		s->rel_lines[i].rel = &s->relations[i];
		s->rel_lines[i].text = xasprintf("%s %s",
		    s->relations[i].label, s->relations[i].other_name);
	}
}

/* The aliases of s's contact, joined by ", ". */
static enum kith_status
alias_line(struct kith_db *db, struct sheet *s, struct kith_err *err)
{
	struct sbuf		 sb = { 0 };
	enum kith_status	 st;
	char			**names;
	size_t			 n, i;

	if ((st = alias_list(db, ALIAS_CONTACT, s->contact->id, &names, &n,
	    err)) != KITH_OK)
		return st;
	for (i = 0; i < n; i++)
		sbuf_printf(&sb, "%s%s", i ? ", " : "", names[i]);
	if (sb.len > 0)
		s->aliases = sbuf_detach(&sb);
	sbuf_free(&sb);
	alias_list_free(names, n);
	return KITH_OK;
}

enum kith_status
sheet_load(struct kith_db *db, int64_t id, size_t max_interactions,
    struct sheet **out, struct kith_err *err)
{
	struct sheet		*s;
	enum kith_status	 st;

	*out = NULL;
	s = xcalloc(1, sizeof *s);
	if ((st = contact_get(db, id, &s->contact, err)) != KITH_OK ||
	    (st = relation_list(db, id, &s->relations, &s->n_relations,
	    err)) != KITH_OK ||
	    (st = followup_list_contact(db, id, &s->followups,
	    &s->n_followups, err)) != KITH_OK ||
	    (st = interaction_list(db, id, max_interactions ?
	    max_interactions : SHEET_INTERACTIONS, &s->interactions,
	    &s->n_interactions, err)) != KITH_OK ||
	    (st = deal_list_contact(db, id, &s->deals, &s->n_deals, err))
	    != KITH_OK || (st = alias_line(db, s, err)) != KITH_OK) {
		sheet_free(s);
		return st;
	}
	compose(s);
	*out = s;
	return KITH_OK;
}

void
sheet_free(struct sheet *s)
{
	size_t	i;

	if (s == NULL)
		return;
	for (i = 0; i < s->n_addresses; i++)
		free(s->addresses[i]);
	free(s->addresses);
	if (s->rel_lines != NULL)
		for (i = 0; i < s->n_relations; i++)
			free(s->rel_lines[i].text);
	free(s->rel_lines);
	for (i = 0; i < s->n_dates; i++)
		free(s->dates[i]);
	free(s->dates);
	for (i = 0; i < s->n_ims; i++)
		free(s->ims[i]);
	free(s->ims);
	free(s->birthday);
	free(s->headline);
	free(s->tags);
	free(s->aliases);
	contact_free(s->contact);
	relation_list_free(s->relations, s->n_relations);
	followup_list_free(s->followups, s->n_followups);
	interaction_list_free(s->interactions, s->n_interactions);
	deal_lines_free(s->deals, s->n_deals);
	free(s);
}
