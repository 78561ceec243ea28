/* SPDX-License-Identifier: MIT */
/*
 * Conflict checks (conflict.h): matching the terms, following the links
 * from each name found to the deal parties in reach, and the append-only
 * record of every check.
 *
 * Matching goes through one function, match_term(), the seam where the
 * loose name matcher plugs in: given a term it returns the contacts and
 * organisations it names, each with the rule that matched, and the
 * variants it searched.  For now it uses what the core has: the folded
 * name (accent- and case-insensitive, transliterated: text_fold), whole
 * words of names through the search index, and, for organisations, the
 * folded name or a run of whole words in it.
 *
 * From each name found, a breadth-first walk over typed links (at most
 * FOLLOW_MAX nodes per name) finds deal parties: a person's roles on
 * deals, an organisation's deals (it is the client side).  Each gives a
 * hit whose chain is the walk's path.  The record tables refuse UPDATE
 * and DELETE (schema step 6); a check is an action in the change journal
 * that records no rows, so kith undo finds it and refuses it by name.
 */
#include <stdarg.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>

#include "kith/conflict.h"
#include "kith/deal.h"
#include "kith/journal.h"
#include "kith/match.h"
#include "kith/path.h"
#include "kith/text.h"
#include "kith/util.h"
#include "internal.h"

#define MATCH_MAX	200	/* names one term may find */
#define FOLLOW_MAX	500	/* nodes one walk may visit */
#define ROLES_MAX	50	/* deals read per node */
#define HOP_WEIGHT	0.8	/* a hit one link away, against a direct one */
#define SCAN_CACHE	"-2048"	/* page cache (KiB) while titles are read */

/* A contact or organisation a term names (the matcher's answer). */
struct cmatch {
	int		 org;
	int64_t		 id;
	char		*name;
	const char	*rule;		/* static */
};

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

/*
 * The hits found so far, and an open-addressed index of them by what makes
 * a hit the same (kind, ref, role, matter), so that a name shared by
 * thousands of contacts costs one lookup a hit, not a pass over them all.
 */
struct hits {
	struct conflict_hit *v;
	size_t		 n, cap;
	size_t		*slot;		/* 1 + index into v; 0 is empty */
	size_t		 nslot;		/* a power of two, or 0 */
};

/* The deals whose title names one term (title_scan), in id order. */
struct titled {
	int64_t		*id;
	char		**title;
	char		**ref;
	size_t		 n;
};

static enum kith_status title_scan(struct kith_db *, char *const *,
		    size_t, struct titled *, struct kith_err *);
static int	 has_words(const char *, const char *);
static void	 titled_free(struct titled *, size_t);
static enum kith_status match_term(struct kith_db *, const char *,
		    struct cmatch **, size_t *, char **, struct kith_err *);
static enum kith_status loose(struct kith_db *, const char *,
		    struct cmatch **, size_t *, const char *, char **,
		    struct kith_err *);
static int	 line_in(const char *, const char *);
static void	 match_add(struct cmatch **, size_t *, int, int64_t,
		    const char *, const char *);
static void	 matches_free(struct cmatch *, size_t);
static enum kith_status follow(struct kith_db *, const struct cmatch *,
		    const char *, int, time_t, struct hits *,
		    struct kith_err *);
static enum kith_status roles_of(struct kith_db *, const struct wnode *,
		    const struct cmatch *, const char *, struct hits *, int *,
		    struct kith_err *);
static uint64_t	 hit_hash(const char *, int64_t, const char *,
		    const char *);
static int	 hit_same(const struct conflict_hit *, const char *, int64_t,
		    const char *, const char *);
static void	 hits_rehash(struct hits *);
static void	 hits_free(struct hits *);
static void	 hit_add(struct hits *, const char *, const char *,
		    const char *, int64_t, const char *, const char *,
		    const char *, const char *, double);
static enum kith_status text_hits(struct kith_db *, const char *,
		    const char *, const struct titled *, struct hits *,
		    struct kith_err *);
static int	 by_strength(const void *, const void *);
static double	 rule_weight(const char *);
static char	*join_lines(char *const *, size_t);
static void	 split_lines(const char *, char ***, size_t *);
static long	 age_days(time_t, time_t);
static enum kith_status save(struct kith_db *, struct conflict_record *,
		    struct kith_err *);
static enum kith_status read_hits(struct kith_db *, struct conflict_record *,
		    struct kith_err *);
static void	 action_f(struct kith_db *, const char *,
		    const char *, ...) __attribute__((format(printf, 3, 4)));
static char	*with_article(const char *, const char *);
static enum kith_status org_link_row(struct kith_db *, int64_t, int64_t,
		    const char *, struct kith_err *);
static enum kith_status decide_row(struct kith_db *, int64_t, const char *,
		    const char *, const char *, struct kith_err *);
static enum kith_status read_decisions(struct kith_db *,
		    struct conflict_record *, struct kith_err *);

static const struct {
	const char	*word;
	const char	*name;
} dispositions[] = {
	{ "clear",		"Clear" },
	{ "waivable-pending",	"Waivable – consent pending" },
	{ "waivable-obtained",	"Waivable – consent obtained" },
	{ "declined",		"Declined" },
};

/* Links between organisations: kind and how it reads from the other side. */
static const struct {
	const char	*kind;
	const char	*inverse;
} org_kinds[] = {
	{ "subsidiary of",	"parent company of" },
	{ "affiliate of",	"affiliate of" },
	{ "former name of",	"formerly named" },
};

const char *
conflict_disposition_parse(const char *s)
{
	size_t	i;

	if (s == NULL)
		return NULL;
	if (strcasecmp(s, "pending") == 0)
		return "waivable-pending";
	if (strcasecmp(s, "obtained") == 0)
		return "waivable-obtained";
	for (i = 0; i < sizeof dispositions / sizeof dispositions[0]; i++)
		if (strcasecmp(s, dispositions[i].word) == 0 ||
		    strcasecmp(s, dispositions[i].name) == 0)
			return dispositions[i].word;
	return NULL;
}

const char *
conflict_disposition_name(const char *word)
{
	size_t	i;

	for (i = 0; i < sizeof dispositions / sizeof dispositions[0]; i++)
		if (word != NULL && strcmp(word, dispositions[i].word) == 0)
			return dispositions[i].name;
	return word;
}

enum kith_status
conflict_user(struct kith_db *db, char **out, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*out = NULL;
	if ((stmt = db_stmt(db, "SELECT value FROM meta WHERE key = 'user' "
	    "AND value <> ''", err)) == NULL)
		return KITH_DB;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*out = db_col_text(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the user setting");
	return KITH_OK;
}

char *
conflict_who(struct kith_db *db)
{
	struct passwd	*pw;
	const char	*s;
	char		*name = NULL;

	if ((s = getenv("KITH_USER")) != NULL && *s != '\0')
		return xstrdup(s);
	if (conflict_user(db, &name, NULL) == KITH_OK && name != NULL)
		return name;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_name != NULL)
		return xstrdup(pw->pw_name);
	if ((s = getenv("LOGNAME")) != NULL && *s != '\0')
		return xstrdup(s);
	return xstrdup("unknown user");
}

enum kith_status
conflict_set_user(struct kith_db *db, const char *name, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*clean = NULL;
	int		 rc;

	if ((st = db_clean_text(db, "user", name, &clean, err)) != KITH_OK)
		return st;
	if (str_empty(clean)) {
		free(clean);
		return kith_err_set(err, KITH_INVALID, "the user name is "
		    "empty");
	}
	if ((stmt = db_stmt(db, "INSERT INTO meta (key, value) VALUES ('user', "
	    "?1) ON CONFLICT (key) DO UPDATE SET value = ?1", err)) == NULL) {
		free(clean);
		return KITH_DB;
	}
	sqlite3_bind_text(stmt, 1, clean, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	free(clean);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "saving the user setting");
	return KITH_OK;
}

static enum kith_status
org_link_row(struct kith_db *db, int64_t a, int64_t b, const char *kind,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_stmt(db, "INSERT INTO org_relation (a, b, kind, "
	    "created) VALUES (?1, ?2, ?3, ?4)", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, a);
	sqlite3_bind_int64(stmt, 2, b);
	sqlite3_bind_text(stmt, 3, kind, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, (int64_t)kith_db_now(db));
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if ((rc & 0xff) == SQLITE_CONSTRAINT) {
		if (sqlite3_extended_errcode(kith_db_sqlite(db)) ==
		    SQLITE_CONSTRAINT_FOREIGNKEY)
			return kith_err_set(err, KITH_NOTFOUND, "no such "
			    "organisation");
		return kith_err_set(err, KITH_EXISTS, "the two organisations "
		    "are linked so already");
	}
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "linking two organisations");
	return KITH_OK;
}

enum kith_status
conflict_org_link(struct kith_db *db, int64_t a, int64_t b, const char *kind,
    struct kith_err *err)
{
	size_t	i;

	if (a == b)
		return kith_err_set(err, KITH_INVALID, "an organisation is not "
		    "linked to itself");
	for (i = 0; i < sizeof org_kinds / sizeof org_kinds[0]; i++) {
		if (kind != NULL && strcasecmp(kind, org_kinds[i].kind) == 0)
			DB_TRANSACTION(db, err, org_link_row(db, a, b,
			    org_kinds[i].kind, err));
		if (kind != NULL && strcasecmp(kind, org_kinds[i].inverse) == 0 &&
		    strcmp(org_kinds[i].kind, org_kinds[i].inverse) != 0)
			DB_TRANSACTION(db, err, org_link_row(db, b, a,
			    org_kinds[i].kind, err));
	}
	return kith_err_set(err, KITH_INVALID, "'%s': organisations are linked "
	    "as subsidiary of, parent company of, affiliate of or former name "
	    "of", kind != NULL ? kind : "");
}

static void
match_add(struct cmatch **v, size_t *n, int org, int64_t id,
    const char *name, const char *rule)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if ((*v)[i].org == org && (*v)[i].id == id)
			return;
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].org = org;
	(*v)[*n].id = id;
	(*v)[*n].name = xstrdup(name != NULL ? name : "");
	(*v)[*n].rule = rule;
	(*n)++;
}

static void
matches_free(struct cmatch *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i].name);
	free(v);
}

/*
 * THE SEAM: the contacts and organisations term names, each with the
 * rule that matched ("exact": the name as typed; "folded": equal once
 * accents, case and script are folded; "words": every word of the term a
 * whole word of the name, then the loose matcher's rules), and in
 * *variant (caller frees) the forms searched, one per line.
 */
static enum kith_status
match_term(struct kith_db *db, const char *term, struct cmatch **out,
    size_t *n, char **variant, struct kith_err *err)
{
	static const char *const sql[] = {
		"SELECT 0, id, display FROM contact WHERE name_fold = ?1 "
		    "LIMIT ?3",
		"SELECT 1, id, name FROM org WHERE name_fold = ?1",
		"SELECT 0, c.id, c.display FROM contact_fts f JOIN contact c "
		    "ON c.id = f.rowid WHERE contact_fts MATCH ?2 LIMIT ?3",
		/* Whole words: read from the name_fold index, not the table. */
		"SELECT 1, id, name FROM org WHERE id IN (SELECT id FROM org "
		    "WHERE instr(name_fold, ?1) > 0 AND instr(' ' || "
		    "name_fold || ' ', ' ' || ?1 || ' ') > 0) LIMIT ?3",
	};
	struct sbuf	 q = { 0 };
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*fold = NULL, *copy, *w, *save = NULL;
	const char	*name, *rule;
	size_t		 i;
	int		 rc = SQLITE_DONE;

	*out = NULL;
	*n = 0;
	*variant = NULL;
	if ((st = text_fold(kith_db_text(db), term, &fold, err)) != KITH_OK)
		return st;
	if (*fold == '\0') {
		*variant = xstrdup("");
		free(fold);
		return KITH_OK;
	}
	copy = xstrdup(fold);
	/* Folded text is [a-z0-9 ] only, so quoting is safe. */
	for (w = strtok_r(copy, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save))
		sbuf_printf(&q, "%sname : \"%s\"", q.len ? " AND " : "", w);
	free(copy);
	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if ((stmt = db_stmt(db, sql[i], err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, fold, -1, SQLITE_STATIC);
		if (i == 2)
			sqlite3_bind_text(stmt, 2, q.s, -1, SQLITE_STATIC);
		if (i != 1)
			sqlite3_bind_int(stmt, 3, MATCH_MAX);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			name = (const char *)sqlite3_column_text(stmt, 2);
			if (i < 2)
				rule = name != NULL && strcmp(name, term) == 0 ?
				    "exact" : "folded";
			else
				rule = "words";
			match_add(out, n, sqlite3_column_int(stmt, 0),
			    sqlite3_column_int64(stmt, 1), name, rule);
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "matching a name");
			goto out;
		}
	}
	/*
	 * The loose matcher: aliases and former names, nicknames,
	 * transliterations, initials, word order, legal suffixes and
	 * sounds-alike surnames, each hit with its rule.
	 */
	if ((st = loose(db, term, out, n, fold, variant, err)) != KITH_OK)
		goto out;
out:
	sbuf_free(&q);
	free(fold);
	return st;
}

/*
 * Adds to *out what the matcher (match.h) finds for term, people and
 * organisations, and sets *variant to the forms it tried (the folded term
 * first), one a line.
 */
static enum kith_status
loose(struct kith_db *db, const char *term, struct cmatch **out, size_t *n,
    const char *fold, char **variant, struct kith_err *err)
{
	struct match_hit	*hits;
	struct match		*m;
	struct sbuf		 sb = { 0 };
	enum kith_status	 st;
	char			**vars;
	size_t			 nh, nv, i;
	int			 k;

	sbuf_add(&sb, fold);
	if ((st = kith_db_match(db, &m, err)) != KITH_OK)
		goto out;
	for (k = 0; k < 2; k++) {
		if ((st = match_find(db, term, k ? MATCH_ORG : MATCH_PERSON,
		    MATCH_MAX, &hits, &nh, err)) != KITH_OK)
			goto out;
		for (i = 0; i < nh; i++)
			match_add(out, n, k, hits[i].id, hits[i].name,
			    match_rule_name(hits[i].res.rule));
		match_hits_free(hits, nh);
		if ((st = match_variants(m, term, k ? MATCH_ORG : MATCH_PERSON,
		    &vars, &nv, err)) != KITH_OK)
			goto out;
		for (i = 0; i < nv; i++)
			if (strcmp(vars[i], fold) != 0 &&
			    !line_in(sb.s, vars[i]))
				sbuf_printf(&sb, "\n%s", vars[i]);
		match_variants_free(vars, nv);
	}
out:
	if (st == KITH_OK)
		*variant = sbuf_detach(&sb);
	else
		sbuf_free(&sb);
	return st;
}

/* Whether line is one of the lines of text. */
static int
line_in(const char *text, const char *line)
{
	size_t		 len = strlen(line);
	const char	*p = text;

	while (p != NULL && *p != '\0') {
		if (strncmp(p, line, len) == 0 && (p[len] == '\n' ||
		    p[len] == '\0'))
			return 1;
		p = strchr(p, '\n');
		if (p != NULL)
			p++;
	}
	return 0;
}

static double
rule_weight(const char *rule)
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

/* Frees the hits not handed over to a record, and the index. */
static void
hits_free(struct hits *h)
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

static void
hit_add(struct hits *h, const char *term, const char *rule, const char *kind,
    int64_t ref, const char *name, const char *role, const char *matter,
    const char *chain, double s)
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
		hit_add(h, term, m->rule, m->org ? "organisation" : "contact",
		    m->id, m->name, role, matter, chain,
		    rule_weight(m->rule) * w->s);
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

/* Walks the typed links from name m, depth deep, collecting hits. */
static enum kith_status
follow(struct kith_db *db, const struct cmatch *m, const char *term,
    int depth, time_t now, struct hits *h, struct kith_err *err)
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
		hit_add(h, term, m->rule, m->org ? "organisation" : "contact",
		    m->id, m->name, "in kith's records", NULL, m->name,
		    rule_weight(m->rule) * 0.5);
out:
	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].chain);
	}
	free(v);
	return st;
}

/*
 * Whether the folded text holds the folded words as a run of whole words,
 * as instr(' ' || text || ' ', ' ' || words || ' ') > 0 says.
 */
static int
has_words(const char *text, const char *words)
{
	char	*t, *w;
	int	 yes;

	t = xasprintf(" %s ", text);
	w = xasprintf(" %s ", words);
	yes = strstr(t, w) != NULL;
	free(t);
	free(w);
	return yes;
}

/*
 * The deals whose title names each of the n folded terms, at most
 * MATCH_MAX a term, in id order, into by[0..n-1] (titled_free).  No index
 * holds the titles' words, so this reads every title: once for all the
 * terms, the one read in a check that grows with the book.  Written so
 * that an index on deal(title_fold) would be read in place of the table
 * (tests/bench/README.md has the figures).
 */
static enum kith_status
title_scan(struct kith_db *db, char *const *fold, size_t n,
    struct titled *by, struct kith_err *err)
{
	struct sbuf	 q = { 0 };
	sqlite3_stmt	*stmt = NULL;
	enum kith_status st = KITH_OK;
	const char	*tf;
	size_t		 i, k, any = 0;
	int64_t		 cache = 0;
	char		 sql[64];
	int		 rc;

	memset(by, 0, n * sizeof *by);
	sbuf_add(&q, "SELECT id, title, ref, title_fold FROM deal WHERE id IN "
	    "(SELECT id FROM deal WHERE ");
	for (i = 0; i < n; i++) {
		if (*fold[i] == '\0')
			continue;
		sbuf_printf(&q, "%sinstr(title_fold, ?%zu) > 0", any++ ? " OR " :
		    "", i + 1);
	}
	sbuf_add(&q, ")");
	if (any == 0)
		goto out;
	/*
	 * Every page read would stay in the page cache, each one a fresh
	 * allocation the process faults in: a small cache recycles them
	 * (at 100,000 deals a third of the scan's time).
	 */
	if ((stmt = db_stmt(db, "PRAGMA cache_size", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	if (sqlite3_step(stmt) == SQLITE_ROW)
		cache = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (cache != 0 && (st = db_exec(db, "PRAGMA cache_size = " SCAN_CACHE,
	    err)) != KITH_OK)
		goto out;
	if ((stmt = db_stmt(db, q.s, err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	for (i = 0; i < n; i++)
		if (*fold[i] != '\0')
			sqlite3_bind_text(stmt, (int)i + 1, fold[i], -1,
			    SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		tf = (const char *)sqlite3_column_text(stmt, 3);
		for (i = 0; i < n; i++) {
			if (*fold[i] == '\0' || by[i].n >= MATCH_MAX ||
			    tf == NULL || !has_words(tf, fold[i]))
				continue;
			k = by[i].n++;
			by[i].id = xreallocarray(by[i].id, k + 1,
			    sizeof *by[i].id);
			by[i].title = xreallocarray(by[i].title, k + 1,
			    sizeof *by[i].title);
			by[i].ref = xreallocarray(by[i].ref, k + 1,
			    sizeof *by[i].ref);
			by[i].id[k] = sqlite3_column_int64(stmt, 0);
			by[i].title[k] = db_col_text(stmt, 1);
			by[i].ref[k] = db_col_text(stmt, 2);
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		st = db_fail(db, err, "searching titles");
out:
	if (cache != 0) {
		snprintf(sql, sizeof sql, "PRAGMA cache_size = %lld",
		    (long long)cache);
		if (db_exec(db, sql, st == KITH_OK ? err : NULL) != KITH_OK &&
		    st == KITH_OK)
			st = KITH_DB;
	}
	sbuf_free(&q);
	return st;
}

static void
titled_free(struct titled *by, size_t n)
{
	size_t	i, k;

	for (i = 0; by != NULL && i < n; i++) {
		for (k = 0; k < by[i].n; k++) {
			free(by[i].title[k]);
			free(by[i].ref[k]);
		}
		free(by[i].id);
		free(by[i].title);
		free(by[i].ref);
	}
	free(by);
}

/*
 * The term in contacts' notes, and the deals whose titles name it
 * (title_scan's answer for the term).
 */
static enum kith_status
text_hits(struct kith_db *db, const char *term, const char *fold,
    const struct titled *titles, struct hits *h, struct kith_err *err)
{
	struct sbuf	 q = { 0 };
	sqlite3_stmt	*stmt;
	enum kith_status st = KITH_OK;
	const char	*word = deal_word(db), *name;
	char		*copy, *w, *save = NULL, *chain, *matter;
	size_t		 k;
	int		 rc;

	if (*fold == '\0')
		return KITH_OK;
	copy = xstrdup(fold);
	for (w = strtok_r(copy, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save))
		sbuf_printf(&q, "%snote : \"%s\"", q.len ? " AND " : "", w);
	free(copy);
	if ((stmt = db_stmt(db, "SELECT c.id, c.display FROM contact_fts f "
	    "JOIN contact c ON c.id = f.rowid WHERE contact_fts MATCH ?1 "
	    "LIMIT ?2", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, q.s, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, MATCH_MAX);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(stmt, 1);
		chain = xasprintf("named in the notes on %s", name);
		hit_add(h, term, "note", "note", sqlite3_column_int64(stmt, 0),
		    name, "named in notes", NULL, chain, rule_weight("note"));
		free(chain);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "searching notes");
		goto out;
	}
	for (k = 0; k < titles->n; k++) {
		matter = titles->ref[k] != NULL && *titles->ref[k] != '\0' ?
		    xasprintf("%s '%s'", titles->ref[k], titles->title[k]) :
		    xasprintf("'%s'", titles->title[k]);
		chain = xasprintf("named in the title of %s %s", word, matter);
		hit_add(h, term, "title", "matter", titles->id[k],
		    titles->title[k], "named in a title", matter, chain,
		    rule_weight("title"));
		free(chain);
		free(matter);
	}
out:
	sbuf_free(&q);
	return st;
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

static char *
join_lines(char *const *v, size_t n)
{
	struct sbuf	b = { 0 };
	size_t		i;

	for (i = 0; i < n; i++)
		sbuf_printf(&b, "%s%s", i ? "\n" : "", v[i]);
	return sbuf_detach(&b);
}

static void
split_lines(const char *s, char ***out, size_t *n)
{
	const char	*p, *e;

	*out = NULL;
	*n = 0;
	if (s == NULL || *s == '\0')
		return;
	for (p = s;; p = e + 1) {
		e = strchr(p, '\n');
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[(*n)++] = e != NULL ? xstrndup(p, (size_t)(e - p)) :
		    xstrdup(p);
		if (e == NULL)
			break;
	}
}

static enum kith_status
save(struct kith_db *db, struct conflict_record *r, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		*terms = join_lines(r->terms, r->nterms);
	char		*variants = join_lines(r->variants, r->nvariants);
	char		*label;
	size_t		 i;
	int		 rc;

	if ((stmt = db_stmt(db, "INSERT INTO conflict_check (at, user, matter, "
	    "terms, variants, depth) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err))
	    == NULL) {
		free(terms);
		free(variants);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, (int64_t)r->at);
	sqlite3_bind_text(stmt, 2, r->user, -1, SQLITE_STATIC);
	db_bind_text(stmt, 3, r->matter);
	sqlite3_bind_text(stmt, 4, terms, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 5, variants, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 6, r->depth);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	free(terms);
	free(variants);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "saving the conflict check");
	r->id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	for (i = 0; i < r->nhits; i++) {
		const struct conflict_hit *x = &r->hits[i];

		if ((stmt = db_stmt(db, "INSERT INTO conflict_hit (check_id, "
		    "pos, term, rule, kind, ref_id, name, role, matter, chain, "
		    "strength) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, "
		    "?11)", err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, r->id);
		sqlite3_bind_int64(stmt, 2, (int64_t)i + 1);
		sqlite3_bind_text(stmt, 3, x->term, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 4, x->rule, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 5, x->kind, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 6, x->ref);
		sqlite3_bind_text(stmt, 7, x->name, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 8, x->role, -1, SQLITE_STATIC);
		db_bind_text(stmt, 9, x->matter);
		sqlite3_bind_text(stmt, 10, x->chain, -1, SQLITE_STATIC);
		sqlite3_bind_double(stmt, 11, x->strength);
		rc = sqlite3_step(stmt);
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE)
			return db_fail(db, err, "saving the conflict check");
	}
	journal_tx_keep(db);
	label = xasprintf("conflict check #%lld of '%s'%s", (long long)r->id,
	    r->terms[0], r->nterms > 1 ? " and more" : "");
	kith_db_action(db, "conflict", label);
	free(label);
	return KITH_OK;
}

enum kith_status
conflict_run(struct kith_db *db, const char *const *terms, size_t n,
    const char *matter, const char *user, int depth,
    struct conflict_record **out, struct kith_err *err)
{
	struct conflict_record	*r;
	struct cmatch		*m = NULL;
	struct hits		 h = { 0 };
	struct db_read		 snap = { 0 };
	struct titled		*titles = NULL;
	enum kith_status	 st = KITH_OK;
	char			*variant = NULL, *clean, *first, **folds = NULL;
	size_t			 nm = 0, i, j;

	*out = NULL;
	if (n == 0 || n > CONFLICT_TERMS_MAX)
		return kith_err_set(err, KITH_INVALID, "a conflict check takes "
		    "1 to %d names", CONFLICT_TERMS_MAX);
	if (depth == 0)
		depth = CONFLICT_DEPTH_DEFAULT;
	if (depth < 1 || depth > CONFLICT_DEPTH_MAX)
		return kith_err_set(err, KITH_INVALID, "the depth is 1 to %d "
		    "links", CONFLICT_DEPTH_MAX);
	if (str_empty(user))
		return kith_err_set(err, KITH_INVALID, "who is checking? The "
		    "user name is empty");
	r = xcalloc(1, sizeof *r);
	r->at = kith_db_now(db);
	r->depth = depth;
	r->terms = xcalloc(n, sizeof *r->terms);
	if ((st = db_clean_text(db, "user", user, &r->user, err)) != KITH_OK)
		goto out;
	if (!str_empty(matter) && (st = db_clean_text(db, "matter", matter,
	    &r->matter, err)) != KITH_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if ((st = db_clean_text(db, "name", terms[i], &clean, err))
		    != KITH_OK)
			goto out;
		if (str_empty(clean)) {
			free(clean);
			st = kith_err_set(err, KITH_INVALID, "name %zu of the "
			    "check is empty", i + 1);
			goto out;
		}
		r->terms[r->nterms++] = clean;
	}
	/* The search reads many rows in many statements: one snapshot. */
	if ((st = db_read_begin(db, &snap, 0, err)) != KITH_OK)
		goto out;
	/* Titles are read once for all the terms, each folded. */
	folds = xcalloc(r->nterms, sizeof *folds);
	for (i = 0; i < r->nterms; i++)
		if ((st = text_fold(kith_db_text(db), r->terms[i], &folds[i],
		    err)) != KITH_OK)
			goto out;
	titles = xcalloc(r->nterms, sizeof *titles);
	if ((st = title_scan(db, folds, r->nterms, titles, err)) != KITH_OK)
		goto out;
	for (i = 0; i < r->nterms; i++) {
		if ((st = match_term(db, r->terms[i], &m, &nm, &variant, err))
		    != KITH_OK)
			goto out;
		r->variants = xreallocarray(r->variants, r->nvariants + 1,
		    sizeof *r->variants);
		r->variants[r->nvariants++] = variant;
		for (j = 0; j < nm && st == KITH_OK; j++)
			st = follow(db, &m[j], r->terms[i], depth, r->at, &h,
			    err);
		matches_free(m, nm);
		m = NULL;
		if (st != KITH_OK)
			goto out;
		/* Notes and titles are searched for the folded term. */
		first = xstrndup(variant, strcspn(variant, "\n"));
		st = text_hits(db, r->terms[i], first, &titles[i], &h, err);
		free(first);
		if (st != KITH_OK)
			goto out;
	}
	db_read_end(db, &snap);
	if (h.n > 0)
		qsort(h.v, h.n, sizeof *h.v, by_strength);
	r->hits = h.v;
	r->nhits = h.n;
	h.v = NULL;
	h.n = 0;
	if ((st = kith_db_begin(db, err)) != KITH_OK)
		goto out;
	if ((st = save(db, r, err)) != KITH_OK) {
		kith_db_rollback(db);
		goto out;
	}
	st = kith_db_commit(db, err);
out:
	db_read_end(db, &snap);
	hits_free(&h);
	titled_free(titles, titles != NULL ? r->nterms : 0);
	for (i = 0; folds != NULL && i < r->nterms; i++)
		free(folds[i]);
	free(folds);
	if (st != KITH_OK) {
		conflict_record_free(r);
		r = NULL;
	}
	*out = r;
	return st;
}

void
conflict_record_free(struct conflict_record *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->nterms; i++)
		free(r->terms[i]);
	free(r->terms);
	for (i = 0; i < r->nvariants; i++)
		free(r->variants[i]);
	free(r->variants);
	for (i = 0; i < r->nhits; i++) {
		free(r->hits[i].term);
		free(r->hits[i].rule);
		free(r->hits[i].kind);
		free(r->hits[i].name);
		free(r->hits[i].role);
		free(r->hits[i].matter);
		free(r->hits[i].chain);
	}
	free(r->hits);
	for (i = 0; i < r->ndecisions; i++) {
		free(r->decisions[i].disposition);
		free(r->decisions[i].waiver);
		free(r->decisions[i].reviewer);
	}
	free(r->decisions);
	free(r->user);
	free(r->matter);
	free(r);
}

static enum kith_status
read_hits(struct kith_db *db, struct conflict_record *r, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct conflict_hit	*x;
	int			 rc;

	if ((stmt = db_stmt(db, "SELECT term, rule, kind, ref_id, name, role, "
	    "matter, chain, strength FROM conflict_hit WHERE check_id = ?1 "
	    "ORDER BY pos", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, r->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r->hits = xreallocarray(r->hits, r->nhits + 1, sizeof *r->hits);
		x = &r->hits[r->nhits++];
		x->term = db_col_text(stmt, 0);
		x->rule = db_col_text(stmt, 1);
		x->kind = db_col_text(stmt, 2);
		x->ref = sqlite3_column_int64(stmt, 3);
		x->name = db_col_text(stmt, 4);
		x->role = db_col_text(stmt, 5);
		x->matter = db_col_text(stmt, 6);
		x->chain = db_col_text(stmt, 7);
		x->strength = sqlite3_column_double(stmt, 8);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading a conflict check");
	return KITH_OK;
}

static enum kith_status
read_decisions(struct kith_db *db, struct conflict_record *r,
    struct kith_err *err)
{
	sqlite3_stmt		 *stmt;
	struct conflict_decision *d;
	int			  rc;

	if ((stmt = db_stmt(db, "SELECT at, disposition, waiver, reviewer FROM "
	    "conflict_decision WHERE check_id = ?1 ORDER BY id", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, r->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r->decisions = xreallocarray(r->decisions, r->ndecisions + 1,
		    sizeof *r->decisions);
		d = &r->decisions[r->ndecisions++];
		d->at = (time_t)sqlite3_column_int64(stmt, 0);
		d->disposition = db_col_text(stmt, 1);
		d->waiver = db_col_text(stmt, 2);
		d->reviewer = db_col_text(stmt, 3);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading a conflict check");
	return KITH_OK;
}

enum kith_status
conflict_get(struct kith_db *db, int64_t id, struct conflict_record **out,
    struct kith_err *err)
{
	struct conflict_record	*r;
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	char			*terms, *variants;
	int			 rc;

	*out = NULL;
	if ((stmt = db_stmt(db, "SELECT at, user, matter, terms, variants, "
	    "depth FROM conflict_check WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			return kith_err_set(err, KITH_NOTFOUND, "no conflict "
			    "check #%lld (kith conflict --list shows them)",
			    (long long)id);
		return db_fail(db, err, "reading a conflict check");
	}
	r = xcalloc(1, sizeof *r);
	r->id = id;
	r->at = (time_t)sqlite3_column_int64(stmt, 0);
	r->user = db_col_text(stmt, 1);
	r->matter = db_col_text(stmt, 2);
	terms = db_col_text(stmt, 3);
	variants = db_col_text(stmt, 4);
	r->depth = sqlite3_column_int(stmt, 5);
	sqlite3_reset(stmt);
	split_lines(terms, &r->terms, &r->nterms);
	split_lines(variants, &r->variants, &r->nvariants);
	free(terms);
	free(variants);
	if ((st = read_hits(db, r, err)) != KITH_OK ||
	    (st = read_decisions(db, r, err)) != KITH_OK) {
		conflict_record_free(r);
		return st;
	}
	*out = r;
	return KITH_OK;
}

enum kith_status
conflict_list(struct kith_db *db, struct conflict_summary **out, size_t *n,
    struct kith_err *err)
{
	struct conflict_summary	*v = NULL, *x;
	sqlite3_stmt		*stmt;
	char			*p;
	size_t			 k = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT c.id, c.at, c.user, c.terms, c.matter, "
	    "(SELECT count(*) FROM conflict_hit h WHERE h.check_id = c.id), "
	    "(SELECT disposition FROM conflict_decision d WHERE d.check_id = "
	    "c.id ORDER BY d.id DESC LIMIT 1) FROM conflict_check c ORDER BY "
	    "c.id DESC", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		x = &v[k++];
		x->id = sqlite3_column_int64(stmt, 0);
		x->at = (time_t)sqlite3_column_int64(stmt, 1);
		x->user = db_col_text(stmt, 2);
		x->terms = db_col_text(stmt, 3);
		for (p = x->terms; p != NULL && *p != '\0'; p++)
			if (*p == '\n')
				*p = ';';
		x->matter = db_col_text(stmt, 4);
		x->nhits = (size_t)sqlite3_column_int64(stmt, 5);
		x->disposition = db_col_text(stmt, 6);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		conflict_summaries_free(v, k);
		return db_fail(db, err, "listing conflict checks");
	}
	*out = v;
	*n = k;
	return KITH_OK;
}

void
conflict_summaries_free(struct conflict_summary *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].user);
		free(v[i].terms);
		free(v[i].matter);
		free(v[i].disposition);
	}
	free(v);
}

static void
action_f(struct kith_db *db, const char *command,
    const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	kith_db_vactionf(db, command, fmt, ap);
	va_end(ap);
}

static enum kith_status
decide_row(struct kith_db *db, int64_t id, const char *word,
    const char *waiver, const char *reviewer, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_stmt(db, "INSERT INTO conflict_decision (check_id, at, "
	    "disposition, waiver, reviewer) VALUES (?1, ?2, ?3, ?4, ?5)", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, (int64_t)kith_db_now(db));
	sqlite3_bind_text(stmt, 3, word, -1, SQLITE_STATIC);
	db_bind_text(stmt, 4, waiver);
	sqlite3_bind_text(stmt, 5, reviewer, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "saving the disposition");
	journal_tx_keep(db);
	action_f(db, "conflict", "disposition %s of conflict "
	    "check #%lld", word, (long long)id);
	return KITH_OK;
}

enum kith_status
conflict_decide(struct kith_db *db, int64_t id, const char *disposition,
    const char *waiver, const char *reviewer, struct kith_err *err)
{
	struct conflict_record	*r = NULL;
	enum kith_status	 st;
	const char		*word;
	char			*w = NULL, *who = NULL;

	if ((word = conflict_disposition_parse(disposition)) == NULL)
		return kith_err_set(err, KITH_INVALID, "'%s': a disposition is "
		    "clear, waivable-pending, waivable-obtained or declined",
		    disposition != NULL ? disposition : "");
	if ((st = conflict_get(db, id, &r, err)) != KITH_OK)
		return st;
	conflict_record_free(r);
	if ((st = db_clean_text(db, "reviewer", reviewer, &who, err))
	    != KITH_OK)
		return st;
	if (str_empty(who)) {
		free(who);
		return kith_err_set(err, KITH_INVALID, "who is deciding? The "
		    "reviewer's name is empty");
	}
	if (!str_empty(waiver) && (st = db_clean_text(db, "waiver", waiver, &w,
	    err)) != KITH_OK) {
		free(who);
		return st;
	}
	if ((st = kith_db_begin(db, err)) == KITH_OK) {
		if ((st = decide_row(db, id, word, w, who, err)) != KITH_OK)
			kith_db_rollback(db);
		else
			st = kith_db_commit(db, err);
	}
	free(w);
	free(who);
	return st;
}
