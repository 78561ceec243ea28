/* SPDX-License-Identifier: MIT */
/*
 * What a conflict check's term names (conflict_impl.h), each through an
 * index, never a read of every row:
 *   - contacts and organisations, in conflict_match_term(), the seam where
 *     the loose name matcher plugs in: the folded name (accent- and
 *     case-insensitive, transliterated: text_fold) through the name
 *     indexes; every word of the term a whole word of a contact's name
 *     through the search index (contact_fts); the term's words as a run of
 *     whole words of an organisation's folded name through the
 *     organisations' word index (org_name_fts); then the matcher's rules
 *     (match.h: aliases, nicknames, transliterations, initials, word
 *     order, legal suffixes, sounds-alike);
 *   - contacts' notes holding every word of the term (contact_fts);
 *   - deals whose folded title holds the term's words as a run of whole
 *     words, through the titles' word index (deal_title_fts).
 * The word indexes (schema step 12) give the rows holding the words as a
 * phrase, in id order; each is checked in C as instr(' ' || text || ' ',
 * ' ' || term || ' ') would, so a title whose stored fold an old version
 * wrote with punctuation is judged as before, and the first
 * CONFLICT_MATCH_MAX of them kept.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/conflict.h"
#include "kith/deal.h"
#include "kith/match.h"
#include "kith/text.h"
#include "kith/util.h"
#include "conflict_impl.h"
#include "internal.h"

static enum kith_status loose(struct kith_db *, const char *,
		    struct cmatch **, size_t *, const char *, char **,
		    struct kith_err *);
static enum kith_status org_words(struct kith_db *, const char *,
		    struct cmatch **, size_t *, struct kith_err *);
static enum kith_status title_hits(struct kith_db *, const char *,
		    const char *, struct hits *, struct kith_err *);
static int	 line_in(const char *, const char *);
static int	 has_words(const char *, const char *);
static void	 match_add(struct cmatch **, size_t *, int, int64_t,
		    const char *, const char *);

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

void
conflict_matches_free(struct cmatch *v, size_t n)
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
enum kith_status
conflict_match_term(struct kith_db *db, const char *term,
    struct cmatch **out, size_t *n, char **variant, struct kith_err *err)
{
	static const char *const sql[] = {
		"SELECT 0, id, display FROM contact WHERE name_fold = ?1 "
		    "LIMIT ?3",
		"SELECT 1, id, name FROM org WHERE name_fold = ?1",
		"SELECT 0, c.id, c.display FROM contact_fts f JOIN contact c "
		    "ON c.id = f.rowid WHERE contact_fts MATCH ?2 LIMIT ?3",
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
			sqlite3_bind_int(stmt, 3, CONFLICT_MATCH_MAX);
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
	if ((st = org_words(db, fold, out, n, err)) != KITH_OK)
		goto out;
	/*
	 * The loose matcher: aliases and former names, nicknames,
	 * transliterations, initials, word order, legal suffixes and
	 * sounds-alike surnames, each hit with its rule.
	 */
	st = loose(db, term, out, n, fold, variant, err);
out:
	sbuf_free(&q);
	free(fold);
	return st;
}

/*
 * The organisations whose folded name holds the folded term as a run of
 * whole words (rule "words"), the first CONFLICT_MATCH_MAX in id order,
 * through the organisations' word index.
 */
static enum kith_status
org_words(struct kith_db *db, const char *fold, struct cmatch **out,
    size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		*phrase;
	size_t		 k = 0;
	int		 rc = SQLITE_DONE;

	if ((stmt = db_stmt(db, "SELECT o.id, o.name, o.name_fold FROM "
	    "org_name_fts f JOIN org o ON o.id = f.rowid WHERE org_name_fts "
	    "MATCH ?1 ORDER BY f.rowid", err)) == NULL)
		return KITH_DB;
	phrase = xasprintf("\"%s\"", fold);
	sqlite3_bind_text(stmt, 1, phrase, -1, SQLITE_STATIC);
	while (k < CONFLICT_MATCH_MAX &&
	    (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!has_words((const char *)sqlite3_column_text(stmt, 2),
		    fold))
			continue;
		match_add(out, n, 1, sqlite3_column_int64(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1), "words");
		k++;
	}
	if (k == CONFLICT_MATCH_MAX)
		rc = SQLITE_DONE;
	sqlite3_reset(stmt);
	free(phrase);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "matching organisation names");
	return KITH_OK;
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
		    CONFLICT_MATCH_MAX, &hits, &nh, err)) != KITH_OK)
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

/*
 * Whether the folded text holds the folded words as a run of whole words,
 * as instr(' ' || text || ' ', ' ' || words || ' ') > 0 says.
 */
static int
has_words(const char *text, const char *words)
{
	char	*t, *w;
	int	 yes;

	if (text == NULL)
		return 0;
	t = xasprintf(" %s ", text);
	w = xasprintf(" %s ", words);
	yes = strstr(t, w) != NULL;
	free(t);
	free(w);
	return yes;
}

enum kith_status
conflict_text_hits(struct kith_db *db, const char *term, const char *fold,
    struct hits *h, struct kith_err *err)
{
	struct sbuf	 q = { 0 };
	sqlite3_stmt	*stmt;
	enum kith_status st = KITH_OK;
	const char	*name;
	char		*copy, *w, *save = NULL, *chain;
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
	sqlite3_bind_int(stmt, 2, CONFLICT_MATCH_MAX);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = (const char *)sqlite3_column_text(stmt, 1);
		chain = xasprintf("named in the notes on %s", name);
		conflict_hit_add(h, term, "note", "note",
		    sqlite3_column_int64(stmt, 0), name, "named in notes", NULL,
		    chain, conflict_rule_weight("note"));
		free(chain);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "searching notes");
		goto out;
	}
	st = title_hits(db, term, fold, h, err);
out:
	sbuf_free(&q);
	return st;
}

/*
 * The deals whose folded title holds the folded term as a run of whole
 * words, the first CONFLICT_MATCH_MAX in id order, through the titles'
 * word index.
 */
static enum kith_status
title_hits(struct kith_db *db, const char *term, const char *fold,
    struct hits *h, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	const char	*word = deal_word(db), *title, *ref;
	char		*phrase, *matter, *chain;
	size_t		 k = 0;
	int		 rc = SQLITE_DONE;

	if ((stmt = db_stmt(db, "SELECT d.id, d.title, d.ref, d.title_fold "
	    "FROM deal_title_fts f JOIN deal d ON d.id = f.rowid WHERE "
	    "deal_title_fts MATCH ?1 ORDER BY f.rowid", err)) == NULL)
		return KITH_DB;
	phrase = xasprintf("\"%s\"", fold);
	sqlite3_bind_text(stmt, 1, phrase, -1, SQLITE_STATIC);
	while (k < CONFLICT_MATCH_MAX &&
	    (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (!has_words((const char *)sqlite3_column_text(stmt, 3),
		    fold))
			continue;
		title = (const char *)sqlite3_column_text(stmt, 1);
		ref = (const char *)sqlite3_column_text(stmt, 2);
		if (title == NULL)
			title = "";
		matter = ref != NULL && *ref != '\0' ? xasprintf("%s '%s'",
		    ref, title) : xasprintf("'%s'", title);
		chain = xasprintf("named in the title of %s %s", word, matter);
		conflict_hit_add(h, term, "title", "matter",
		    sqlite3_column_int64(stmt, 0), title, "named in a title",
		    matter, chain, conflict_rule_weight("title"));
		free(chain);
		free(matter);
		k++;
	}
	if (k == CONFLICT_MATCH_MAX)
		rc = SQLITE_DONE;
	sqlite3_reset(stmt);
	free(phrase);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "searching titles");
	return KITH_OK;
}
