/* SPDX-License-Identifier: MIT */
/*
 * Likely duplicates across the book (dupes_find, dupes.h) and the pairs
 * marked "not the same".
 *
 * Each kind of evidence is one pass over an index: e-mails and phones
 * joined with themselves on their normalised form, names on name_fold;
 * loose names per organisation (firms with one match_org_key are one:
 * "Acme" and "Acme Inc."), its people compared with the matcher (match.h) among those whose family names
 * share a sounds-alike key (sorted, so each compares with its run only).
 * The pairs are gathered in a sorted array, one entry per pair with its
 * reasons.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/db.h"
#include "kith/dupes.h"
#include "kith/match.h"
#include "kith/util.h"
#include "internal.h"

#define ORG_RUN_MAX	200	/* most people of one run compared pairwise */

struct cand {
	int64_t		 a, b;
	int		 score;		/* strongest reason's */
	int		 n_reasons;
	struct sbuf	 why;
};

struct person {
	int64_t		 id;
	char		*fold;
	char		*sound;		/* of the last word */
};

static struct cand	*cand_get(struct cand **, size_t *, int64_t,
			    int64_t);
static void		 note(struct cand **, size_t *, int64_t, int64_t,
			    int, const char *);
static enum kith_status	 by_join(struct kith_db *, const char *,
			    const char *, int, struct cand **, size_t *,
			    struct kith_err *);
static enum kith_status	 by_org(struct kith_db *, struct cand **, size_t *,
			    struct kith_err *);
static void		 org_group(struct match *, struct person *, size_t,
			    const char *, struct cand **, size_t *);
static int		 person_cmp(const void *, const void *);
static int		 pair_cmp(const void *, const void *);
static enum kith_status	 not_same_tx(struct kith_db *, int64_t, int64_t,
			    struct kith_err *);

/* The entry of the pair (a, b), made if new; linear: pairs are few. */
static struct cand *
cand_get(struct cand **v, size_t *n, int64_t a, int64_t b)
{
	size_t	i;
	int64_t	t;

	if (a > b) {
		t = a;
		a = b;
		b = t;
	}
	for (i = *n; i > 0; i--)
		if ((*v)[i - 1].a == a && (*v)[i - 1].b == b)
			return &(*v)[i - 1];
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	memset(&(*v)[*n], 0, sizeof **v);
	(*v)[*n].a = a;
	(*v)[*n].b = b;
	return &(*v)[(*n)++];
}

static void
note(struct cand **v, size_t *n, int64_t a, int64_t b, int score,
    const char *why)
{
	struct cand	*c;

	if (a == b)
		return;
	c = cand_get(v, n, a, b);
	if (c->why.len > 0 && strstr(c->why.s, why) != NULL)
		return;
	if (c->why.len > 0)
		sbuf_add(&c->why, "; ");
	sbuf_add(&c->why, why);
	if (score > c->score)
		c->score = score;
	c->n_reasons++;
}

/*
 * Pairs from sql (rows: id a, id b, the shared value), each noted with
 * score and the reason what followed by the value.
 */
static enum kith_status
by_join(struct kith_db *db, const char *sql, const char *what, int score,
    struct cand **v, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		*why;
	int		 rc;

	if ((stmt = db_stmt(db, sql, err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		why = xasprintf("%s%s", what, (const char *)
		    sqlite3_column_text(stmt, 2));
		note(v, n, sqlite3_column_int64(stmt, 0),
		    sqlite3_column_int64(stmt, 1), score, why);
		free(why);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "looking for duplicates");
	return KITH_OK;
}

static int
person_cmp(const void *a, const void *b)
{
	const struct person *x = a, *y = b;
	int	c = strcmp(x->sound, y->sound);

	if (c != 0)
		return c;
	return (x->id > y->id) - (x->id < y->id);
}

/* Compares the people of one organisation (org: its name). */
static void
org_group(struct match *m, struct person *p, size_t n, const char *org,
    struct cand **v, size_t *nv)
{
	struct match_result	 r;
	size_t			 i, j, run;
	char			*why;

	qsort(p, n, sizeof *p, person_cmp);
	for (i = 0; i < n; i += run) {
		for (run = 1; i + run < n &&
		    strcmp(p[i].sound, p[i + run].sound) == 0; run++)
			;
		if (run > ORG_RUN_MAX || *p[i].sound == '\0')
			continue;
		for (j = i; j < i + run; j++) {
			size_t k;

			for (k = j + 1; k < i + run; k++) {
				match_folded(m, p[j].fold, p[k].fold,
				    MATCH_PERSON, &r);
				if (r.rule == MATCH_NONE || r.partial)
					continue;
				why = r.rule == MATCH_EXACT ?
				    xasprintf("same name at %s", org) :
				    xasprintf("%s at %s",
				    match_rule_name(r.rule), org);
				note(v, nv, p[j].id, p[k].id,
				    80 - (100 - r.grade), why);
				free(why);
			}
		}
	}
}

/* Loosely equal names within each organisation. */
static enum kith_status
by_org(struct kith_db *db, struct cand **v, size_t *nv,
    struct kith_err *err)
{
	struct match		*m;
	struct person		*p = NULL;
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	const char		*key;
	char			*org = NULL, *last, *cur = NULL;
	size_t			 n = 0, i;
	int			 rc;

	if ((st = kith_db_match(db, &m, err)) != KITH_OK)
		return st;
	/* Firms by key: "Acme" and "Acme Inc." are one (match_org_key). */
	if ((stmt = db_stmt(db, "SELECT o.match_key, o.name, c.id, "
	    "c.name_fold FROM org o JOIN contact c ON c.org_id = o.id "
	    "WHERE c.archived = 0 AND o.match_key <> '' "
	    "ORDER BY o.match_key, o.id", err)) == NULL)
		return KITH_DB;
	for (;;) {
		rc = sqlite3_step(stmt);
		key = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(stmt,
		    0) : NULL;
		if (n > 0 && (key == NULL || strcmp(key, cur) != 0)) {
			org_group(m, p, n, org, v, nv);
			for (i = 0; i < n; i++) {
				free(p[i].fold);
				free(p[i].sound);
			}
			n = 0;
		}
		if (rc != SQLITE_ROW)
			break;
		if (cur == NULL || strcmp(key, cur) != 0) {
			free(org);
			free(cur);
			org = db_col_text(stmt, 1);
			cur = xstrdup(key);
		}
		p = xreallocarray(p, n + 1, sizeof *p);
		p[n].id = sqlite3_column_int64(stmt, 2);
		p[n].fold = db_col_text(stmt, 3);
		if (p[n].fold == NULL)
			p[n].fold = xstrdup("");
		last = strrchr(p[n].fold, ' ');
		p[n].sound = match_sound(last != NULL ? last + 1 : p[n].fold);
		n++;
	}
	sqlite3_reset(stmt);
	free(p);
	free(org);
	free(cur);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "looking for duplicates");
	return KITH_OK;
}

static int
pair_cmp(const void *a, const void *b)
{
	const struct dupe_pair *x = a, *y = b;

	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->a != y->a)
		return x->a < y->a ? -1 : 1;
	return (x->b > y->b) - (x->b < y->b);
}

void
dupe_pairs_free(struct dupe_pair *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].name_a);
		free(v[i].name_b);
		free(v[i].reason);
	}
	free(v);
}

enum kith_status
dupes_find(struct kith_db *db, size_t max, struct dupe_pair **pairs,
    size_t *n, struct kith_err *err)
{
	static const struct {
		const char	*sql, *what;
		int		 score;
	} joins[] = {
		{ "SELECT x.contact_id, y.contact_id, x.addr_norm FROM email x "
		    "JOIN email y ON y.addr_norm = x.addr_norm AND "
		    "y.contact_id > x.contact_id JOIN contact a ON a.id = "
		    "x.contact_id JOIN contact b ON b.id = y.contact_id "
		    "WHERE a.archived = 0 AND b.archived = 0",
		    "same e-mail ", 95 },
		{ "SELECT x.contact_id, y.contact_id, x.norm FROM phone x "
		    "JOIN phone y ON y.norm = x.norm AND "
		    "y.contact_id > x.contact_id JOIN contact a ON a.id = "
		    "x.contact_id JOIN contact b ON b.id = y.contact_id "
		    "WHERE length(x.norm) >= 7 AND a.archived = 0 AND "
		    "b.archived = 0", "same phone ", 85 },
		{ "SELECT a.id, b.id, '' FROM contact a JOIN contact b ON "
		    "b.name_fold = a.name_fold AND b.id > a.id WHERE "
		    "a.archived = 0 AND b.archived = 0 AND a.name_fold <> ''",
		    "same name", 60 },
	};
	struct cand		*v = NULL;
	struct dupe_pair	*out = NULL;
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	size_t			 nv = 0, i, k = 0;
	int			 rc, skip;

	*pairs = NULL;
	*n = 0;
	for (i = 0; i < sizeof joins / sizeof joins[0] && st == KITH_OK; i++)
		st = by_join(db, joins[i].sql, joins[i].what, joins[i].score,
		    &v, &nv, err);
	if (st == KITH_OK)
		st = by_org(db, &v, &nv, err);
	if (st != KITH_OK)
		goto out;
	out = xcalloc(nv + 1, sizeof *out);
	for (i = 0; i < nv; i++) {
		if ((stmt = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM not_dupe "
		    "WHERE a = ?1 AND b = ?2), (SELECT display FROM contact "
		    "WHERE id = ?1), (SELECT display FROM contact WHERE "
		    "id = ?2)", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, v[i].a);
		sqlite3_bind_int64(stmt, 2, v[i].b);
		if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
			sqlite3_reset(stmt);
			st = db_fail(db, err, "looking for duplicates");
			goto out;
		}
		skip = sqlite3_column_int(stmt, 0);
		if (!skip) {
			out[k].a = v[i].a;
			out[k].b = v[i].b;
			out[k].name_a = db_col_text(stmt, 1);
			out[k].name_b = db_col_text(stmt, 2);
			out[k].score = v[i].score + 5 * (v[i].n_reasons - 1);
			if (out[k].score > 100)
				out[k].score = 100;
			out[k].reason = sbuf_detach(&v[i].why);
			k++;
		}
		sqlite3_reset(stmt);
	}
	qsort(out, k, sizeof *out, pair_cmp);
	while (k > max) {
		k--;
		free(out[k].name_a);
		free(out[k].name_b);
		free(out[k].reason);
	}
	*pairs = out;
	*n = k;
	out = NULL;
	k = 0;
out:
	dupe_pairs_free(out, k);
	for (i = 0; i < nv; i++)
		sbuf_free(&v[i].why);
	free(v);
	return st;
}

static enum kith_status
not_same_tx(struct kith_db *db, int64_t a, int64_t b, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int64_t		 t;
	int		 rc, found;

	if (a == b)
		return kith_err_set(err, KITH_INVALID, "contact %lld is the "
		    "same as itself", (long long)a);
	if (a > b) {
		t = a;
		a = b;
		b = t;
	}
	if ((stmt = db_stmt(db, "SELECT EXISTS (SELECT 1 FROM contact WHERE "
	    "id = ?1), EXISTS (SELECT 1 FROM contact WHERE id = ?2)", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, a);
	sqlite3_bind_int64(stmt, 2, b);
	rc = sqlite3_step(stmt);
	found = rc != SQLITE_ROW ? 0 : !sqlite3_column_int(stmt, 0) ? 1 :
	    !sqlite3_column_int(stmt, 1) ? 2 : 3;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "marking a pair");
	if (found < 3)
		return kith_err_set(err, KITH_NOTFOUND, "no contact with id "
		    "%lld", (long long)(found == 1 ? a : b));
	db_own_actionf(db, "dupes", "marked contacts %lld and %lld not the "
	    "same", (long long)a, (long long)b);
	if ((stmt = db_stmt(db, "INSERT OR IGNORE INTO not_dupe (a, b, "
	    "created) VALUES (?1, ?2, ?3)", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, a);
	sqlite3_bind_int64(stmt, 2, b);
	sqlite3_bind_int64(stmt, 3, (int64_t)kith_db_now(db));
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "marking a pair");
	return KITH_OK;
}

enum kith_status
dupes_not_same(struct kith_db *db, int64_t a, int64_t b, struct kith_err *err)
{
	DB_TRANSACTION(db, err, not_same_tx(db, a, b, err));
}
