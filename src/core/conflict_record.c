/* SPDX-License-Identifier: MIT */
/*
 * The record of conflict checks (conflict.h, conflict_impl.h): a check
 * saved with its hits, read back, listed; dispositions appended to it;
 * the user a check is recorded under; and the links between organisations
 * that a check follows.  The record tables refuse UPDATE and DELETE
 * (schema step 9); a check is an action in the change journal that
 * records no rows, so kith undo finds it and refuses it by name.
 */
#include <stdarg.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <strings.h>

#include "kith/conflict.h"
#include "kith/journal.h"
#include "kith/util.h"
#include "conflict_impl.h"
#include "internal.h"

static enum kith_status org_link_row(struct kith_db *, int64_t, int64_t,
		    const char *, struct kith_err *);
static char	*join_lines(char *const *, size_t);
static void	 split_lines(const char *, char ***, size_t *);
static enum kith_status read_hits(struct kith_db *, struct conflict_record *,
		    struct kith_err *);
static enum kith_status read_decisions(struct kith_db *,
		    struct conflict_record *, struct kith_err *);
static void	 action_f(struct kith_db *, const char *,
		    const char *, ...) __attribute__((format(printf, 3, 4)));
static enum kith_status decide_row(struct kith_db *, int64_t, const char *,
		    const char *, const char *, struct kith_err *);

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

enum kith_status
conflict_save(struct kith_db *db, struct conflict_record *r,
    struct kith_err *err)
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
