/* SPDX-License-Identifier: MIT */
/*
 * Contact lists in name order, a page at a time, optionally narrowed by a
 * full-text query; and the search index they use.
 *
 * The index (contact_fts, rowid = contact id) holds folded text only, so a
 * query is folded the same way and "petrovic" meets "Петровић".  Pages are
 * keyset-paged on (sort_key, id), the key of the contact_by_sort index.
 *
 * A list searching every field (search_list, search_page: kith list) is
 * the TUI's list's planner (view.h) with each row's first e-mail and phone
 * and where it matched, so both fronts find the same contacts at the same
 * cost.  A lookup narrowed to some fields (search_page_in: kith query) is
 * one query of the index, sorted by name, described below.
 *
 * The in:deal filter (search_query_split) keeps the people on open deals.
 * With words, it is one more test of the word query's matches.  Without,
 * a page comes from those people, sorted by name (a cost of P, the people
 * on deals), or from the name index, each contact tested (a cost of about
 * limit * N / P for N contacts), whichever costs less: from the people
 * while they are few, so a page never walks a million contacts to find
 * the handful on deals.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/contact.h"
#include "kith/match.h"
#include "kith/phone.h"
#include "kith/search.h"
#include "kith/text.h"
#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"
#include "search_impl.h"

#define EXCERPT_WORDS	3	/* words kept each side of a match */

/* A page's columns; ?4 is today. */
#define PAGE_COLS							\
	"SELECT c.id, c.display, o.name, "				\
	"(SELECT addr FROM email WHERE contact_id = c.id "		\
	"ORDER BY pos LIMIT 1), "					\
	"(SELECT raw FROM phone WHERE contact_id = c.id "		\
	"ORDER BY pos LIMIT 1), "					\
	"EXISTS (SELECT 1 FROM followup f WHERE f.contact_id = c.id "	\
	"AND f.due < ?4 AND f.done_at IS NULL), c.sort_key "

/*
 * A page from the name index, each contact tested by where: up to ?3 rows
 * after the position (?1, ?2), archived ones only if ?5.
 */
#define PAGE_WALK(where)						\
	PAGE_COLS "FROM contact c LEFT JOIN org o ON o.id = c.org_id "	\
	"WHERE (?5 OR c.archived = 0) AND (c.sort_key, c.id) > (?1, ?2) " \
	where "ORDER BY c.sort_key, c.id LIMIT ?3"

/*
 * A page whose ids are chosen first (ids: a query giving column id, the
 * same rows in the same order as PAGE_WALK), and only its rows get their
 * organisation, e-mail, phone and overdue flag: a query matching 100,000
 * contacts sorts 100,000 keys, not 100,000 finished rows.
 */
#define PAGE_OF(ids)							\
	PAGE_COLS "FROM (" ids ") AS page JOIN contact c "		\
	"ON c.id = page.id LEFT JOIN org o ON o.id = c.org_id "		\
	"ORDER BY c.sort_key, c.id"

/* The ids of the FTS5 matches of ?6 that pass where. */
#define IDS_MATCH(where)						\
	"SELECT id FROM contact c WHERE id IN (SELECT rowid FROM "	\
	"contact_fts WHERE contact_fts MATCH ?6) AND (?5 OR archived = 0) " \
	"AND (sort_key, id) > (?1, ?2) " where				\
	"ORDER BY sort_key, id LIMIT ?3"

/* The ids of the people on open deals (CROSS JOIN: the outer loop). */
#define IDS_DEAL_PEOPLE							\
	"SELECT c.id FROM (" SQL_OPEN_DEAL_PEOPLE ") AS p "		\
	"CROSS JOIN contact c ON c.id = p.id "				\
	"WHERE (?5 OR c.archived = 0) AND (c.sort_key, c.id) > (?1, ?2) " \
	"ORDER BY c.sort_key, c.id LIMIT ?3"

/* The ways to a page. */
enum {
	PAGE_ALL,		/* every contact */
	PAGE_MATCH,		/* the query's words */
	PAGE_MATCH_DEAL,	/* ... of people on open deals */
	PAGE_DEAL_WALK,		/* people on open deals: the name index */
	PAGE_DEAL_PEOPLE,	/* ... from those people */
	PAGE_COUNT
};

static const char *const page_sql[PAGE_COUNT] = {
	PAGE_WALK(""),
	PAGE_OF(IDS_MATCH("")),
	PAGE_OF(IDS_MATCH("AND " SQL_IN_OPEN_DEAL("c.id"))),
	PAGE_WALK("AND " SQL_IN_OPEN_DEAL("c.id")),
	PAGE_OF(IDS_DEAL_PEOPLE),
};

static int		 word_starts(const char *, const char *);
static char		*fold_or_empty(struct kith_db *, const char *);
static char		*excerpt(struct kith_db *, const char *, const char *);
static enum kith_status	 mark_matches(struct kith_db *, const char *,
			    struct search_row *, size_t, struct kith_err *);
/* A query's folded words, each with the term (as typed) it came from. */
struct qwords {
	char		**w;		/* into the folded terms */
	size_t		 *term;		/* w[i] is of the term term[i] */
	size_t		  n;
};

static enum kith_status	 where_matched(struct kith_db *,
			    const struct qwords *, struct search_row *,
			    struct kith_err *);
static size_t		 held(const char *, const struct qwords *,
			    const int *);
static enum kith_status	 page_way(struct kith_db *, const char *, unsigned,
			    size_t, int *, struct kith_err *);
static enum kith_status	 row_of(struct kith_db *, struct view_row *,
			    struct search_row *, struct kith_err *);
static enum kith_status	 list_page(struct search_list *, size_t,
			    struct search_row **, size_t *, struct kith_err *);

void
search_cursor_reset(struct search_cursor *cur)
{
	free(cur->key);
	memset(cur, 0, sizeof *cur);
}

void
search_rows_free(struct search_row *rows, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].org);
		free(rows[i].email);
		free(rows[i].phone);
		free(rows[i].match_text);
	}
	free(rows);
}

unsigned
search_query_split(const char *query, char **rest)
{
	static const char *const in_deal[] = { "in:deal", "in:matter" };
	struct sbuf	 sb = { 0 };
	const char	*p, *w;
	unsigned	 filters = 0;
	size_t		 len, i;

	*rest = NULL;
	for (p = query; p != NULL && *p != '\0';) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
			continue;
		}
		for (w = p; *p != '\0' && *p != ' ' && *p != '\t' &&
		    *p != '\n' && *p != '\r'; p++)
			;
		len = (size_t)(p - w);
		for (i = 0; i < sizeof in_deal / sizeof in_deal[0]; i++)
			if (strlen(in_deal[i]) == len &&
			    strncasecmp(w, in_deal[i], len) == 0)
				break;
		if (i < sizeof in_deal / sizeof in_deal[0]) {
			filters |= SEARCH_IN_DEAL;
			continue;
		}
		if (sb.len > 0)
			sbuf_addc(&sb, ' ');
		sbuf_addn(&sb, w, len);
	}
	if (sb.len > 0)
		*rest = sbuf_detach(&sb);
	sbuf_free(&sb);
	return filters;
}

enum kith_status
search_fts_query(struct kith_db *db, const char *query, char **out,
    struct kith_err *err)
{
	enum kith_status	 st;
	struct sbuf		 sb = { 0 };
	struct match		*m;
	char			*fold, *word, *save = NULL, **alts;
	size_t			 n_alts, i;

	*out = NULL;
	if (query == NULL)
		return KITH_OK;
	if ((st = text_fold(kith_db_text(db), query, &fold, err)) != KITH_OK)
		return st;
	if ((st = kith_db_match(db, &m, err)) != KITH_OK) {
		free(fold);
		return st;
	}
	/* Folded text is [a-z0-9 ] only, so quoting each word is safe. */
	for (word = strtok_r(fold, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save)) {
		if (sb.len > 0)
			sbuf_add(&sb, " AND ");
		sbuf_printf(&sb, "(" SEARCH_FTS_TEXT " : \"%s\"*", word);
		if (strlen(word) > 1) {
			match_word_alternatives(m, word, &alts, &n_alts);
			for (i = 0; i < n_alts; i++)
				sbuf_printf(&sb, " OR keys : \"%s\"",
				    alts[i]);
			match_variants_free(alts, n_alts);
		}
		sbuf_addc(&sb, ')');
	}
	free(fold);
	if (sb.len > 0)
		*out = sbuf_detach(&sb);
	return KITH_OK;
}

/* Whether a word of the folded text t begins with the folded word w. */
static int
word_starts(const char *t, const char *w)
{
	size_t	wl = strlen(w);

	while (t != NULL && *t != '\0') {
		while (*t == ' ')
			t++;
		if (strncmp(t, w, wl) == 0)
			return 1;
		while (*t != '\0' && *t != ' ')
			t++;
	}
	return 0;
}

static char *
fold_or_empty(struct kith_db *db, const char *s)
{
	char	*fold = NULL;

	if (text_fold(kith_db_text(db), s, &fold, NULL) != KITH_OK)
		return xstrdup("");
	return fold;
}

/*
 * The words of text around the first whose folded form has a word
 * beginning with w, EXCERPT_WORDS each side, "…" where cut; line breaks
 * become spaces.  Caller frees.
 */
static char *
excerpt(struct kith_db *db, const char *text, const char *w)
{
	struct sbuf	 sb = { 0 };
	const char	**start = NULL, *p;
	size_t		 n = 0, *len = NULL, i, at = 0, from, to;
	char		*word, *fold;
	int		 found = 0;

	for (p = text; *p != '\0';) {
		while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
			p++;
		if (*p == '\0')
			break;
		start = xreallocarray(start, n + 1, sizeof *start);
		len = xreallocarray(len, n + 1, sizeof *len);
		start[n] = p;
		while (*p != '\0' && *p != ' ' && *p != '\t' && *p != '\n' &&
		    *p != '\r')
			p++;
		len[n] = (size_t)(p - start[n]);
		if (!found) {
			word = xstrndup(start[n], len[n]);
			fold = fold_or_empty(db, word);
			if (word_starts(fold, w)) {
				found = 1;
				at = n;
			}
			free(fold);
			free(word);
		}
		n++;
	}
	from = at > EXCERPT_WORDS ? at - EXCERPT_WORDS : 0;
	to = at + EXCERPT_WORDS + 1 < n ? at + EXCERPT_WORDS + 1 : n;
	if (from > 0)
		sbuf_add(&sb, "…");
	for (i = from; i < to; i++) {
		if (i > from)
			sbuf_addc(&sb, ' ');
		sbuf_addn(&sb, start[i], len[i]);
	}
	if (to < n)
		sbuf_add(&sb, "…");
	free(start);
	free(len);
	return sbuf_detach(&sb);
}

/*
 * Sets r->matched and r->match_text when the folded query words q are not
 * all in r's name: the field holding the first query term (a word as
 * typed: "a.smirnov@severny" folds to three) that the name does not
 * hold, whole if a field holds it whole, and among those the field
 * holding most of the words the name does not (then the first): the
 * e-mail for an address, the phone for a number typed in parts, though
 * the organisation holds a word of either.
 */
static enum kith_status
where_matched(struct kith_db *db, const struct qwords *q,
    struct search_row *r, struct kith_err *err)
{
	static const char *const field[] = { NULL, "organisation", "e-mail",
	    "phone", "tag", "notes" };
	struct contact	*c = NULL;
	sqlite3_stmt	*stmt;
	enum kith_status st;
	const char	*w = NULL, *text = NULL, *matched = NULL;
	char		*col[6] = { 0 }, *f, *g;
	size_t		 i, k, term = 0, score[2], best[2] = { 0 }, sc, top;
	int		 rc, which = 0, *in_name;

	if ((stmt = db_stmt(db, "SELECT c0, c1, c2, c3, c4, c5 FROM "
	    "contact_fts_content WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, r->id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		for (i = 0; i < 6; i++)
			col[i] = db_col_text(stmt, (int)i);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the search index");
	in_name = xcalloc(q->n + 1, sizeof *in_name);
	for (i = 0; i < q->n; i++) {
		in_name[i] = word_starts(col[0], q->w[i]);
		if (!in_name[i] && w == NULL) {
			w = q->w[i];
			term = q->term[i];
		}
	}
	for (i = 1; w != NULL && i < 6; i++) {
		if (!word_starts(col[i], w))
			continue;
		memset(score, 0, sizeof score);
		score[0] = 1;
		for (k = 0; k < q->n; k++) {
			if (!word_starts(col[i], q->w[k])) {
				if (q->term[k] == term)
					score[0] = 0;
				continue;
			}
			score[1] += !in_name[k];
		}
		if (which == 0 || score[0] > best[0] || (score[0] == best[0] &&
		    score[1] > best[1])) {
			which = (int)i;
			memcpy(best, score, sizeof best);
		}
	}
	for (i = 0; i < 6; i++)
		free(col[i]);
	if (which == 0) {
		free(in_name);
		return KITH_OK;
	}
	if ((st = contact_get(db, r->id, &c, err)) != KITH_OK) {
		free(in_name);
		return st;
	}
	/* Within the field, the item holding most of those words. */
	top = 0;
	switch (which) {
	case 1:
		f = fold_or_empty(db, c->org);
		if ((sc = held(f, q, in_name)) > top) {
			top = sc;
			text = c->org;
		}
		free(f);
		f = fold_or_empty(db, c->department);
		if ((sc = held(f, q, in_name)) > top) {
			top = sc;
			text = c->department;
			matched = "department";
		}
		free(f);
		if (text == NULL)
			text = c->title != NULL ? c->title : c->org;
		break;
	case 2:
		for (k = 0; k < c->n_emails; k++) {
			f = fold_or_empty(db, c->emails[k].addr);
			if ((sc = held(f, q, in_name)) > top) {
				top = sc;
				text = c->emails[k].addr;
			}
			free(f);
		}
		for (k = 0; k < c->n_ims; k++) {
			f = fold_or_empty(db, c->ims[k].handle);
			if ((sc = held(f, q, in_name)) > top) {
				top = sc;
				text = c->ims[k].handle;
				matched = "messaging";
			}
			free(f);
		}
		break;
	case 3:
		for (k = 0; k < c->n_phones; k++) {
			f = phone_normalise(c->phones[k].raw,
			    phone_region(db));
			g = phone_search_words(c->phones[k].raw, f);
			free(f);
			f = xasprintf("%s %s", c->phones[k].raw, g);
			free(g);
			g = fold_or_empty(db, f);
			if ((sc = held(g, q, in_name)) > top) {
				top = sc;
				text = c->phones[k].raw;
			}
			free(g);
			free(f);
		}
		break;
	case 4:
		for (k = 0; k < c->n_tags; k++) {
			f = fold_or_empty(db, c->tags[k]);
			if ((sc = held(f, q, in_name)) > top) {
				top = sc;
				text = c->tags[k];
			}
			free(f);
		}
		break;
	default:
		if (c->notes != NULL)
			r->match_text = excerpt(db, c->notes, w);
		break;
	}
	r->matched = matched != NULL ? matched : field[which];
	if (r->match_text == NULL && text != NULL)
		r->match_text = xstrdup(text);
	contact_free(c);
	free(in_name);
	return KITH_OK;
}

/* How many of q's words that the name does not hold (skip) fold holds. */
static size_t
held(const char *fold, const struct qwords *q, const int *skip)
{
	size_t	i, n = 0;

	for (i = 0; i < q->n; i++)
		if (!skip[i] && word_starts(fold, q->w[i]))
			n++;
	return n;
}

/*
 * Which of page_sql serves a page of limit rows for the MATCH expression
 * match (NULL: no words) and the filters.  People on open deals without
 * words: from those people when P * P <= limit * N (see the top), P
 * counted as the rows of deal_contact (at least the people) and N as the
 * largest contact id, both cheap to read.
 */
static enum kith_status
page_way(struct kith_db *db, const char *match, unsigned filters,
    size_t limit, int *way, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	double		 p, n;

	if (!(filters & SEARCH_IN_DEAL)) {
		*way = match != NULL ? PAGE_MATCH : PAGE_ALL;
		return KITH_OK;
	}
	if (match != NULL) {
		*way = PAGE_MATCH_DEAL;
		return KITH_OK;
	}
	if ((stmt = db_stmt(db, "SELECT (SELECT count(*) FROM deal_contact), "
	    "(SELECT max(id) FROM contact)", err)) == NULL)
		return KITH_DB;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return db_fail(db, err, "searching contacts");
	}
	p = (double)sqlite3_column_int64(stmt, 0);
	n = (double)sqlite3_column_int64(stmt, 1);
	sqlite3_reset(stmt);
	*way = p * p <= (double)limit * n ? PAGE_DEAL_PEOPLE : PAGE_DEAL_WALK;
	return KITH_OK;
}

/* The e-mail and phone shown for contact ?1: the first of each. */
#define FIRST_SQL							\
	"SELECT (SELECT addr FROM email WHERE contact_id = ?1 "		\
	"ORDER BY pos LIMIT 1), (SELECT raw FROM phone WHERE "		\
	"contact_id = ?1 ORDER BY pos LIMIT 1)"

/* *r from page row *v (whose strings move to it), with e-mail and phone. */
static enum kith_status
row_of(struct kith_db *db, struct view_row *v, struct search_row *r,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	r->id = v->id;
	r->name = v->name;
	r->org = v->org;
	r->overdue = v->overdue;
	v->name = v->org = NULL;
	if ((stmt = db_stmt(db, FIRST_SQL, err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, r->id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r->email = db_col_text(stmt, 0);
		r->phone = db_col_text(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "listing contacts");
	return KITH_OK;
}

enum kith_status
search_rows_get(struct kith_db *db, const char *query, const int64_t *ids,
    size_t n, struct search_row **rows, size_t *got, struct kith_err *err)
{
	struct search_row	*r;
	struct view_row		 v;
	enum kith_status	 st = KITH_OK;
	char			*words = NULL;
	size_t			 i, k = 0;
	int			 found;

	*rows = NULL;
	*got = 0;
	r = xcalloc(n + 1, sizeof *r);
	for (i = 0; i < n && st == KITH_OK; i++) {
		memset(&v, 0, sizeof v);
		if ((st = view_row_get(db, ids[i], 1, &v, &found, err)) !=
		    KITH_OK || !found)
			continue;
		st = row_of(db, &v, &r[k++], err);
		free(v.key);
	}
	search_query_split(query, &words);
	if (st == KITH_OK && words != NULL && k > 0)
		st = mark_matches(db, words, r, k, err);
	free(words);
	if (st != KITH_OK) {
		search_rows_free(r, k);
		return st;
	}
	*rows = r;
	*got = k;
	return KITH_OK;
}

struct search_list {
	struct kith_db		*db;
	struct view_query	*q;		/* the planner's query */
	char			*words;		/* the query's words, or NULL */
	struct search_cursor	 cur;		/* after the last row given */
};

enum kith_status
search_list_new(struct kith_db *db, const char *query, int archived,
    struct search_list **out, struct kith_err *err)
{
	struct search_list	*l;
	enum kith_status	 st;

	*out = NULL;
	l = xcalloc(1, sizeof *l);
	l->db = db;
	search_query_split(query, &l->words);
	if ((st = view_query_new(db, query, archived, &l->q, err)) !=
	    KITH_OK) {
		search_list_free(l);
		return st;
	}
	*out = l;
	return KITH_OK;
}

void
search_list_free(struct search_list *l)
{
	if (l == NULL)
		return;
	view_query_free(l->q);
	free(l->words);
	search_cursor_reset(&l->cur);
	free(l);
}

enum kith_status
search_list_next(struct search_list *l, size_t limit,
    struct search_row **rows, size_t *n, struct kith_err *err)
{
	return list_page(l, limit, rows, n, err);
}

/*
 * The next page of l (up to limit rows) from the planner, as search rows:
 * each with its first e-mail and phone, and, when its name does not hold
 * every word, where the rest matched.  Advances l->cur.
 */
static enum kith_status
list_page(struct search_list *l, size_t limit, struct search_row **rows,
    size_t *n, struct kith_err *err)
{
	struct view_row		*v = NULL;
	struct search_row	*r = NULL;
	enum kith_status	 st;
	size_t			 nv = 0, i;

	*rows = NULL;
	*n = 0;
	if (l->cur.done || limit == 0)
		return KITH_OK;
	/* No budget: a page is whole, or the list ends there. */
	if ((st = view_query_page(l->q, l->cur.key, l->cur.key_len,
	    l->cur.id, 1, limit, &v, &nv, err)) != KITH_OK)
		return st;
	r = xcalloc(nv + 1, sizeof *r);
	for (i = 0; i < nv; i++)
		if ((st = row_of(l->db, &v[i], &r[i], err)) != KITH_OK)
			goto out;
	if (nv < limit)
		l->cur.done = 1;
	else {
		free(l->cur.key);
		l->cur.key = v[nv - 1].key;
		l->cur.key_len = v[nv - 1].key_len;
		l->cur.id = v[nv - 1].id;
		v[nv - 1].key = NULL;
	}
	if (l->words != NULL && nv > 0)
		st = mark_matches(l->db, l->words, r, nv, err);
out:
	view_rows_free(v, nv);
	if (st != KITH_OK) {
		search_rows_free(r, nv);
		return st;
	}
	*rows = r;
	*n = nv;
	return KITH_OK;
}

enum kith_status
search_page(struct kith_db *db, const char *query, int archived,
    struct search_cursor *cur, size_t limit, struct search_row **rows,
    size_t *n, struct kith_err *err)
{
	struct search_list	*l;
	enum kith_status	 st;

	*rows = NULL;
	*n = 0;
	if (cur->done || limit == 0)
		return KITH_OK;
	if ((st = search_list_new(db, query, archived, &l, err)) != KITH_OK)
		return st;
	/* The list goes on from the caller's cursor, and gives it back. */
	l->cur = *cur;
	st = list_page(l, limit, rows, n, err);
	*cur = l->cur;
	memset(&l->cur, 0, sizeof l->cur);
	search_list_free(l);
	return st;
}

enum kith_status
search_page_in(struct kith_db *db, const char *query, unsigned fields,
    int archived, struct search_cursor *cur, size_t limit,
    struct search_row **rows, size_t *n, struct kith_err *err)
{
	static const unsigned char	 nokey[1];
	struct search_row		*r = NULL;
	sqlite3_stmt			*stmt;
	enum kith_status		 st;
	unsigned			 filters;
	char				 today[11];
	char				*match = NULL, *words;
	size_t				 count = 0;
	int				 rc, way = PAGE_ALL;

	*rows = NULL;
	*n = 0;
	if (cur->done || limit == 0)
		return KITH_OK;
	if (fields == 0 || (fields & SEARCH_IN_ALL) == SEARCH_IN_ALL)
		return search_page(db, query, archived, cur, limit, rows, n,
		    err);
	filters = search_query_split(query, &words);
	if ((st = search_fts_query(db, words, &match, err)) != KITH_OK)
		goto out;
	if (match != NULL && fields != 0 &&
	    (fields & SEARCH_IN_ALL) != SEARCH_IN_ALL) {
		/* An FTS5 column filter over the whole expression. */
		static const char *const col[] = { "name", "org", "email",
		    "phone", "tag", "note" };
		struct sbuf	 sb = { 0 };
		size_t		 i;

		sbuf_addc(&sb, '{');
		for (i = 0; i < sizeof col / sizeof col[0]; i++)
			if (fields & (1u << i))
				sbuf_printf(&sb, " %s", col[i]);
		sbuf_printf(&sb, " } : (%s)", match);
		free(match);
		match = sbuf_detach(&sb);
	}
	if ((st = page_way(db, match, filters, limit, &way, err)) != KITH_OK)
		goto out;
	if ((stmt = db_stmt(db, page_sql[way], err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	if (cur->key != NULL)
		sqlite3_bind_blob(stmt, 1, cur->key, (int)cur->key_len,
		    SQLITE_STATIC);
	else
		sqlite3_bind_blob(stmt, 1, nokey, 0, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, cur->id);
	sqlite3_bind_int64(stmt, 3, (int64_t)limit);
	db_today(db, today);
	sqlite3_bind_text(stmt, 4, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int(stmt, 5, archived != 0);
	if (match != NULL)
		sqlite3_bind_text(stmt, 6, match, -1, SQLITE_STATIC);

	r = xcalloc(limit, sizeof *r);
	while (count < limit && (rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		r[count].id = sqlite3_column_int64(stmt, 0);
		r[count].name = db_col_text(stmt, 1);
		r[count].org = db_col_text(stmt, 2);
		r[count].email = db_col_text(stmt, 3);
		r[count].phone = db_col_text(stmt, 4);
		r[count].overdue = sqlite3_column_int(stmt, 5);
		count++;
		if (count == limit) {
			free(cur->key);
			cur->key_len = (size_t)sqlite3_column_bytes(stmt, 6);
			cur->key = xmalloc(cur->key_len);
			memcpy(cur->key, sqlite3_column_blob(stmt, 6),
			    cur->key_len);
			cur->id = r[count - 1].id;
		}
	}
	if (count < limit && rc != SQLITE_DONE) {
		st = db_fail(db, err, "searching contacts");
		sqlite3_reset(stmt);
		search_rows_free(r, count);
		goto out;
	}
	sqlite3_reset(stmt);
	if (count < limit)
		cur->done = 1;
	if (words != NULL && count > 0 &&
	    (st = mark_matches(db, words, r, count, err)) != KITH_OK) {
		search_rows_free(r, count);
		goto out;
	}
	*rows = r;
	*n = count;
out:
	free(match);
	free(words);
	return st;
}

/*
 * where_matched() for each of the n rows found for query, whose terms
 * (as typed, between white space) are folded one by one.
 */
static enum kith_status
mark_matches(struct kith_db *db, const char *query, struct search_row *r,
    size_t n, struct kith_err *err)
{
	enum kith_status	 st = KITH_OK;
	struct qwords		 q = { 0 };
	char			*copy, *t, *w, *save = NULL, *save2, **fold = NULL;
	size_t			 n_terms = 0, i;

	copy = xstrdup(query);
	for (t = strtok_r(copy, " \t\r\n", &save); t != NULL;
	    t = strtok_r(NULL, " \t\r\n", &save)) {
		fold = xreallocarray(fold, n_terms + 1, sizeof *fold);
		fold[n_terms] = NULL;
		if ((st = text_fold(kith_db_text(db), t, &fold[n_terms],
		    err)) != KITH_OK)
			goto out;
		save2 = NULL;
		for (w = strtok_r(fold[n_terms], " ", &save2); w != NULL;
		    w = strtok_r(NULL, " ", &save2)) {
			q.w = xreallocarray(q.w, q.n + 1, sizeof *q.w);
			q.term = xreallocarray(q.term, q.n + 1,
			    sizeof *q.term);
			q.w[q.n] = w;
			q.term[q.n++] = n_terms;
		}
		n_terms++;
	}
	for (i = 0; i < n && q.n > 0 && st == KITH_OK; i++)
		st = where_matched(db, &q, &r[i], err);
out:
	for (i = 0; i < n_terms; i++)
		free(fold[i]);
	free(fold);
	free(q.w);
	free(q.term);
	free(copy);
	return st;
}

enum kith_status
search_count(struct kith_db *db, const char *query, int archived,
    int64_t *count, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	unsigned		 filters;
	char			*match = NULL, *words;

	*count = 0;
	filters = search_query_split(query, &words);
	st = search_fts_query(db, words, &match, err);
	free(words);
	if (st != KITH_OK)
		return st;
	if (match != NULL && (filters & SEARCH_IN_DEAL))
		stmt = db_stmt(db, "SELECT count(*) FROM contact c WHERE c.id IN "
		    "(SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?1) "
		    "AND (?2 OR c.archived = 0) AND "
		    SQL_IN_OPEN_DEAL("c.id"), err);
	else if (match != NULL)
		stmt = db_stmt(db, "SELECT count(*) FROM contact c WHERE c.id IN "
		    "(SELECT rowid FROM contact_fts WHERE contact_fts MATCH ?1) "
		    "AND (?2 OR c.archived = 0)", err);
	else if (filters & SEARCH_IN_DEAL)
		stmt = db_stmt(db, "SELECT count(*) FROM (" SQL_OPEN_DEAL_PEOPLE
		    ") AS p CROSS JOIN contact c ON c.id = p.id "
		    "WHERE (?2 OR c.archived = 0)", err);
	else
		stmt = db_stmt(db, "SELECT count(*) FROM contact c "
		    "WHERE (?2 OR c.archived = 0)", err);
	if (stmt == NULL) {
		free(match);
		return KITH_DB;
	}
	if (match != NULL)
		sqlite3_bind_text(stmt, 1, match, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, archived != 0);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*count = sqlite3_column_int64(stmt, 0);
	else
		st = db_fail(db, err, "counting contacts");
	sqlite3_reset(stmt);
	free(match);
	return st;
}

#define FTS_INSERT_SELECT						\
	"INSERT INTO contact_fts (rowid, " SEARCH_ENTRY_COLS ") "		\
	SEARCH_ENTRY_SELECT

enum kith_status
search_rebuild(struct kith_db *db, struct kith_err *err)
{
	if (db_exec(db, "DELETE FROM contact_fts", err) != KITH_OK)
		return KITH_DB;
	return db_exec(db, FTS_INSERT_SELECT "ORDER BY c.id", err);
}

enum kith_status
search_reindex(struct kith_db *db, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "DELETE FROM contact_fts WHERE rowid = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "indexing a contact");
	if ((stmt = db_stmt(db, FTS_INSERT_SELECT "WHERE c.id = ?1", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "indexing a contact");
	return KITH_OK;
}

#define MERGED_SINCE							\
	"(SELECT contact_id FROM batch_merge WHERE batch_id = ?1 AND "	\
	"id > ?2) "

enum kith_status
search_reindex_merged(struct kith_db *db, int64_t batch, int64_t after,
    struct kith_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM contact_fts WHERE rowid IN " MERGED_SINCE,
		FTS_INSERT_SELECT "WHERE c.id IN " MERGED_SINCE "ORDER BY c.id",
	};
	sqlite3_stmt	*stmt;
	size_t		 i;

	for (i = 0; i < sizeof sql / sizeof sql[0]; i++) {
		if ((stmt = db_stmt(db, sql[i], err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, batch);
		sqlite3_bind_int64(stmt, 2, after);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "indexing merged contacts");
	}
	return KITH_OK;
}

enum kith_status
search_index_batch(struct kith_db *db, int64_t batch, int64_t after,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	/* A contact merged into since it was added has its entry already. */
	if ((stmt = db_stmt(db, FTS_INSERT_SELECT "WHERE c.batch_id = ?1 AND "
	    "c.id > ?2 AND NOT EXISTS (SELECT 1 FROM contact_fts WHERE "
	    "rowid = c.id) ORDER BY c.id", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	sqlite3_bind_int64(stmt, 2, after);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "indexing imported contacts");
	return KITH_OK;
}

enum kith_status
search_index_range(struct kith_db *db, int64_t batch, int64_t lo, int64_t hi,
    long *done, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, FTS_INSERT_SELECT SEARCH_ENTRY_RANGE, err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	sqlite3_bind_int64(stmt, 2, lo);
	sqlite3_bind_int64(stmt, 3, hi);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "indexing imported contacts");
	if (done != NULL)
		*done += sqlite3_changes(kith_db_sqlite(db));
	return KITH_OK;
}
