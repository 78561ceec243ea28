/* SPDX-License-Identifier: MIT */
/*
 * Following a name found by a conflict check (conflict_impl.h): from each
 * contact or organisation a term names, a breadth-first walk over typed
 * links (at most FOLLOW_MAX nodes a name) -- relationships between
 * people, where a person works, links between organisations -- finds the
 * deal parties in reach: a person's roles on deals, an organisation's
 * deals (it is the client side) and its people's roles.  Each gives a hit
 * whose chain is the walk's path, weaker by each link.  The hits are kept
 * in one set, indexed by what makes two hits the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/conflict.h"
#include "kith/deal.h"
#include "kith/match.h"
#include "kith/path.h"
#include "kith/util.h"
#include "conflict_impl.h"
#include "internal.h"

#define FOLLOW_MAX	500	/* nodes one walk may visit */
#define ROLES_MAX	50	/* deals read per node */
#define HOP_WEIGHT	0.8	/* a hit one link away, against a direct one */

/* A node of one walk: the path to it, as text, and its strength. */
struct wnode {
	int		 org;
	int64_t		 id;
	char		*name;
	char		*chain;		/* "A → spouse B → works at C" */
	double		 s;
	int		 depth;
	int		 via;		/* first link: 0 none, 1 works at,
					   2 another */
};

static enum kith_status roles_of(struct kith_db *, const struct wnode *,
		    const struct cmatch *, const char *, struct hits *, int *,
		    struct kith_err *);
static uint64_t	 hit_hash(const char *, int64_t, const char *,
		    const char *);
static int	 hit_same(const struct conflict_hit *, const char *, int64_t,
		    const char *, const char *);
static void	 hits_rehash(struct hits *);
static int	 by_strength(const void *, const void *);
static long	 age_days(time_t, time_t);
static char	*with_article(const char *, const char *);

double
conflict_rule_weight(const char *rule)
{
	enum match_rule	r;

	if (strcmp(rule, "exact") == 0)
		return 1.0;
	if (strcmp(rule, "folded") == 0)
		return 0.95;
	if (strcmp(rule, "words") == 0)
		return 0.8;
	/* The loose matcher's rules weigh their grade (match.h). */
	for (r = MATCH_SOUNDS; r <= MATCH_EXACT; r++)
		if (strcmp(rule, match_rule_name(r)) == 0)
			return match_rule_grade(r) / 100.0;
	return 0.5;	/* in a note or a title */
}

static long
age_days(time_t then, time_t now)
{
	if (then <= 0)
		return -1;
	return now > then ? (long)((now - then) / 86400) : 0;
}

/* FNV-1a over what makes two hits the same. */
static uint64_t
hit_hash(const char *kind, int64_t ref, const char *role, const char *matter)
{
	const char	*parts[3] = { kind, role, matter != NULL ? matter : "" };
	const char	*p;
	uint64_t	 x = 1469598103934665603ULL;
	size_t		 i;
	int		 b;

	for (i = 0; i < 3; i++) {
		for (p = parts[i]; *p != '\0'; p++)
			x = (x ^ (unsigned char)*p) * 1099511628211ULL;
		x = (x ^ 0xff) * 1099511628211ULL;
	}
	for (b = 0; b < 64; b += 8)
		x = (x ^ (((uint64_t)ref >> b) & 0xff)) * 1099511628211ULL;
	return x;
}

static int
hit_same(const struct conflict_hit *x, const char *kind, int64_t ref,
    const char *role, const char *matter)
{
	return x->ref == ref && strcmp(x->kind, kind) == 0 &&
	    strcmp(x->role, role) == 0 && ((x->matter == NULL &&
	    matter == NULL) || (x->matter != NULL && matter != NULL &&
	    strcmp(x->matter, matter) == 0));
}

/* Makes the index twice as large (at least 64 slots) and refills it. */
static void
hits_rehash(struct hits *h)
{
	const struct conflict_hit *x;
	size_t		 i, k, mask;

	free(h->slot);
	h->nslot = h->nslot ? h->nslot * 2 : 64;
	h->slot = xcalloc(h->nslot, sizeof *h->slot);
	mask = h->nslot - 1;
	for (i = 0; i < h->n; i++) {
		x = &h->v[i];
		k = (size_t)hit_hash(x->kind, x->ref, x->role, x->matter) & mask;
		while (h->slot[k] != 0)
			k = (k + 1) & mask;
		h->slot[k] = i + 1;
	}
}

void
conflict_hits_free(struct hits *h)
{
	size_t	 i;

	for (i = 0; i < h->n && h->v != NULL; i++) {
		free(h->v[i].term);
		free(h->v[i].rule);
		free(h->v[i].kind);
		free(h->v[i].name);
		free(h->v[i].role);
		free(h->v[i].matter);
		free(h->v[i].chain);
	}
	free(h->v);
	free(h->slot);
	memset(h, 0, sizeof *h);
}

void
conflict_hit_add(struct hits *h, const char *term, const char *rule,
    const char *kind, int64_t ref, const char *name, const char *role,
    const char *matter, const char *chain, double s)
{
	struct conflict_hit	*x;
	size_t			 k, mask;

	/* Keep the index at most half full. */
	if (2 * (h->n + 1) > h->nslot)
		hits_rehash(h);
	mask = h->nslot - 1;
	for (k = (size_t)hit_hash(kind, ref, role, matter) & mask;
	    h->slot[k] != 0; k = (k + 1) & mask) {
		x = &h->v[h->slot[k] - 1];
		if (!hit_same(x, kind, ref, role, matter))
			continue;
		/* The same hit again: keep the stronger chain. */
		if (s > x->strength) {
			free(x->chain);
			free(x->term);
			free(x->rule);
			x->chain = xstrdup(chain);
			x->term = xstrdup(term);
			x->rule = xstrdup(rule);
			x->strength = s;
		}
		return;
	}
	if (h->n == h->cap) {
		h->cap = h->cap ? h->cap * 2 : 16;
		h->v = xreallocarray(h->v, h->cap, sizeof *h->v);
	}
	h->slot[k] = h->n + 1;
	x = &h->v[h->n++];
	x->term = xstrdup(term);
	x->rule = xstrdup(rule);
	x->kind = xstrdup(kind);
	x->ref = ref;
	x->name = xstrdup(name);
	x->role = xstrdup(role);
	x->matter = xstrdup(matter);
	x->chain = xstrdup(chain);
	x->strength = s;
}

static int
by_strength(const void *a, const void *b)
{
	const struct conflict_hit *x = a, *y = b;
	int	c;

	if (x->strength != y->strength)
		return x->strength > y->strength ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return strcmp(x->chain, y->chain);
}

/* "a client", "an adverse party". */
static char *
with_article(const char *prefix, const char *role)
{
	return xasprintf("%s %s %s", prefix,
	    strchr("aeiouAEIOU", role[0]) != NULL && role[0] != '\0' ? "an" :
	    "a", role);
}

/* The deal parties at node w: hits for the name m that led there. */
static enum kith_status
roles_of(struct kith_db *db, const struct wnode *w, const struct cmatch *m,
    const char *term, struct hits *h, int *found, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	const char	*word = deal_word(db), *title, *ref, *r, *through;
	char		*matter, *chain, *role;
	int		 rc;

	/*
	 * An organisation is the client of its deals, and takes the roles
	 * its people have on deals ("through Ana, who works there").
	 */
	if ((stmt = db_stmt(db, w->org ? "SELECT * FROM (SELECT id, title, "
	    "ref, 'client', NULL FROM deal WHERE org_id = ?1 UNION ALL "
	    "SELECT d.id, d.title, d.ref, coalesce(dc.role, 'party'), "
	    "c.display FROM contact c JOIN deal_contact dc ON dc.contact_id = "
	    "c.id JOIN deal d ON d.id = dc.deal_id WHERE c.org_id = ?1) "
	    "LIMIT ?2" : "SELECT d.id, d.title, d.ref, coalesce(dc.role, "
	    "'party'), NULL FROM deal_contact dc JOIN deal d ON d.id = "
	    "dc.deal_id WHERE dc.contact_id = ?1 LIMIT ?2", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, w->id);
	sqlite3_bind_int(stmt, 2, ROLES_MAX);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		title = (const char *)sqlite3_column_text(stmt, 1);
		ref = (const char *)sqlite3_column_text(stmt, 2);
		r = (const char *)sqlite3_column_text(stmt, 3);
		matter = ref != NULL && *ref != '\0' ? xasprintf("%s '%s'", ref,
		    title) : xasprintf("'%s'", title);
		through = (const char *)sqlite3_column_text(stmt, 4);
		chain = through != NULL ? xasprintf("%s → %s in %s %s "
		    "(through %s, who works there)", w->chain, r, word, matter,
		    through) : xasprintf("%s → %s in %s %s", w->chain, r, word,
		    matter);
		if (w->depth == 0)
			role = xstrdup(r);
		else if (w->depth == 1 && w->via == 1)
			role = with_article("works at", r);
		else
			role = with_article("related to", r);
		conflict_hit_add(h, term, m->rule, m->org ? "organisation" :
		    "contact", m->id, m->name, role, matter, chain,
		    conflict_rule_weight(m->rule) * w->s);
		free(role);
		free(chain);
		free(matter);
		*found = 1;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading deal parties");
	return KITH_OK;
}

enum kith_status
conflict_follow(struct kith_db *db, const struct cmatch *m,
    const char *term, int depth, time_t now, struct hits *h,
    struct kith_err *err)
{
	static const char *const contact_sql =
	    "SELECT 0, r.b, c.display, k.name, r.created FROM relation r "
	    "JOIN rel_kind k ON k.id = r.kind_id JOIN contact c ON c.id = r.b "
	    "WHERE r.a = ?1 UNION ALL "
	    "SELECT 0, r.a, c.display, k.inverse, r.created FROM relation r "
	    "JOIN rel_kind k ON k.id = r.kind_id JOIN contact c ON c.id = r.a "
	    "WHERE r.b = ?1 UNION ALL "
	    "SELECT 1, o.id, o.name, 'works at', -1 FROM contact c JOIN org o "
	    "ON o.id = c.org_id WHERE c.id = ?1";
	static const char *const org_sql =
	    "SELECT 1, r.b, o.name, r.kind, r.created FROM org_relation r "
	    "JOIN org o ON o.id = r.b WHERE r.a = ?1 UNION ALL "
	    "SELECT 1, r.a, o.name, CASE r.kind WHEN 'subsidiary of' THEN "
	    "'parent company of' WHEN 'former name of' THEN 'formerly named' "
	    "ELSE r.kind END, r.created FROM org_relation r JOIN org o ON "
	    "o.id = r.a WHERE r.b = ?1";
	struct wnode	*v = NULL, *w;
	sqlite3_stmt	*stmt;
	enum kith_status st = KITH_OK;
	size_t		 n = 0, i, j;
	int		 rc, found = 0, org;
	int64_t		 id, created;
	const char	*label, *name;
	double		 link;

	v = xcalloc(1, sizeof *v);
	v[0].org = m->org;
	v[0].id = m->id;
	v[0].name = xstrdup(m->name);
	v[0].chain = xstrdup(m->name);
	v[0].s = 1.0;
	n = 1;
	for (i = 0; i < n; i++) {
		if ((st = roles_of(db, &v[i], m, term, h, &found, err))
		    != KITH_OK)
			goto out;
		if (v[i].depth >= depth)
			continue;
		if ((stmt = db_stmt(db, v[i].org ? org_sql : contact_sql, err))
		    == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, v[i].id);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			org = sqlite3_column_int(stmt, 0);
			id = sqlite3_column_int64(stmt, 1);
			name = (const char *)sqlite3_column_text(stmt, 2);
			label = (const char *)sqlite3_column_text(stmt, 3);
			created = sqlite3_column_int64(stmt, 4);
			for (j = 0; j < n; j++)
				if (v[j].org == org && v[j].id == id)
					break;
			if (j < n || n >= FOLLOW_MAX)
				continue;
			link = strcmp(label, "works at") == 0 ?
			    path_link_strength(PATH_LINK_ORG, -1) :
			    path_link_strength(PATH_LINK_RELATION,
			    age_days((time_t)created, now));
			v = xreallocarray(v, n + 1, sizeof *v);
			w = &v[n++];
			memset(w, 0, sizeof *w);
			w->org = org;
			w->id = id;
			w->name = xstrdup(name);
			w->chain = xasprintf("%s → %s %s", v[i].chain, label,
			    name);
			/* Each link away from the name weakens the hit. */
			w->s = v[i].s * link * HOP_WEIGHT;
			w->depth = v[i].depth + 1;
			w->via = v[i].depth > 0 ? v[i].via :
			    strcmp(label, "works at") == 0 ? 1 : 2;
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "following links");
			goto out;
		}
	}
	/* A name with no matter in reach is still a hit. */
	if (!found)
		conflict_hit_add(h, term, m->rule, m->org ? "organisation" :
		    "contact", m->id, m->name, "in kith's records", NULL,
		    m->name, conflict_rule_weight(m->rule) * 0.5);
out:
	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].chain);
	}
	free(v);
	return st;
}

void
conflict_hits_sort(struct hits *h)
{
	if (h->n > 1)
		qsort(h->v, h->n, sizeof *h->v, by_strength);
}
