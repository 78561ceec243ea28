/* SPDX-License-Identifier: MIT */
/*
 * kith as a mail client's address book: the lookup behind kith query
 * (mutt's query_command, aerc's address-book-cmd) and the mutt alias
 * export.
 *
 * The lookup is the list's own search (search_page_in) narrowed to names,
 * e-mails and organisations; this file only ranks its rows and spreads
 * each contact into its addresses.  Ranking needs every match, but rows
 * whose name holds the whole query come first, so a lookup limited to max
 * rows stops paging once it has max of those.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/mutt.h"
#include "kith/search.h"
#include "kith/util.h"
#include "internal.h"

#define PAGE	256		/* contacts read per search page */

/* An address row with the rank of its contact's match. */
struct ranked {
	struct mutt_addr a;
	int		 rank;		/* 0 name, 1 e-mail, 2 organisation */
	size_t		 seq;		/* order found: ties keep it */
};

static int		 rank_of(const struct search_row *);
static int		 ranked_cmp(const void *, const void *);
static enum kith_status	 add_addrs(struct kith_db *, const struct search_row *,
			    struct ranked **, size_t *, struct kith_err *);
static void		 add_quoted(struct sbuf *, const char *, int);
static char		*alias_base(const char *);

char *
mutt_field(const char *s)
{
	struct sbuf	 sb = { 0 };
	const char	*p, *end;

	if (s == NULL)
		return xstrdup("");
	while (*s != '\0' && ((unsigned char)*s <= ' ' || *s == 0x7f))
		s++;
	end = s + strlen(s);
	while (end > s && ((unsigned char)end[-1] <= ' ' || end[-1] == 0x7f))
		end--;
	for (p = s; p < end; p++)
		sbuf_addc(&sb, (unsigned char)*p < ' ' || *p == 0x7f ? ' ' :
		    *p);
	return sbuf_detach(&sb);
}

void
mutt_addrs_free(struct mutt_addr *a, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(a[i].email);
		free(a[i].name);
		free(a[i].org);
	}
	free(a);
}

/* Where the query found r: its name (0), an e-mail (1), else (2). */
static int
rank_of(const struct search_row *r)
{
	if (r->matched == NULL)
		return 0;
	return strcmp(r->matched, "e-mail") == 0 ? 1 : 2;
}

static int
ranked_cmp(const void *a, const void *b)
{
	const struct ranked	*x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Appends a row to *v for each e-mail of the contact of r. */
static enum kith_status
add_addrs(struct kith_db *db, const struct search_row *r, struct ranked **v,
    size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct ranked	*x;
	char		*addr;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT addr FROM email WHERE contact_id = ?1 "
	    "ORDER BY pos", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, r->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		addr = db_col_text(stmt, 0);
		if (str_empty(addr)) {
			free(addr);
			continue;
		}
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		x = &(*v)[*n];
		x->a.id = r->id;
		x->a.email = mutt_field(addr);
		free(addr);
		x->a.name = mutt_field(r->name);
		if (x->a.name[0] == '\0') {
			free(x->a.name);
			x->a.name = xstrdup(x->a.email);
		}
		x->a.org = mutt_field(r->org);
		x->rank = rank_of(r);
		x->seq = *n;
		(*n)++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading e-mails");
	return KITH_OK;
}

enum kith_status
mutt_query(struct kith_db *db, const char *query, size_t max,
    struct mutt_addr **out, size_t *n, struct kith_err *err)
{
	struct search_cursor	 cur = { 0 };
	struct search_row	*rows = NULL;
	struct ranked		*v = NULL;
	enum kith_status	 st = KITH_OK;
	size_t			 nv = 0, nrows = 0, best = 0, i;

	*out = NULL;
	*n = 0;
	while (!cur.done && (max == 0 || best < max)) {
		if ((st = search_page_in(db, query, SEARCH_IN_NAME |
		    SEARCH_IN_ORG | SEARCH_IN_EMAIL, 0, &cur, PAGE, &rows,
		    &nrows, err)) != KITH_OK)
			goto out;
		for (i = 0; i < nrows && st == KITH_OK; i++)
			st = add_addrs(db, &rows[i], &v, &nv, err);
		search_rows_free(rows, nrows);
		if (st != KITH_OK)
			goto out;
		for (best = 0, i = 0; i < nv; i++)
			if (v[i].rank == 0)
				best++;
	}
	if (nv > 0)
		qsort(v, nv, sizeof *v, ranked_cmp);
	if (max != 0 && nv > max) {
		for (i = max; i < nv; i++) {
			free(v[i].a.email);
			free(v[i].a.name);
			free(v[i].a.org);
		}
		nv = max;
	}
	if (nv > 0) {
		*out = xcalloc(nv, sizeof **out);
		for (i = 0; i < nv; i++)
			(*out)[i] = v[i].a;
	}
	*n = nv;
	nv = 0;
out:
	for (i = 0; i < nv; i++) {
		free(v[i].a.email);
		free(v[i].a.name);
		free(v[i].a.org);
	}
	free(v);
	search_cursor_reset(&cur);
	return st;
}

/*
 * Appends s escaped for a muttrc line; in_quotes: s is inside an RFC 5322
 * quoted string, whose own \ and " are escaped first.
 */
static void
add_quoted(struct sbuf *sb, const char *s, int in_quotes)
{
	for (; *s != '\0'; s++) {
		if (in_quotes && (*s == '\\' || *s == '"'))
			sbuf_add(sb, "\\\\");	/* the quoted string's \ */
		if (strchr("\\`$'\"#", *s) != NULL)
			sbuf_addc(sb, '\\');
		sbuf_addc(sb, *s);
	}
}

char *
mutt_alias_line(const char *key, const char *name, const char *addr)
{
	struct sbuf	 sb = { 0 };
	const char	*p;
	char		*nm;

	if (str_empty(addr))
		return NULL;
	for (p = addr; *p != '\0'; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f ||
		    strchr("<>\"(),;", *p) != NULL)
			return NULL;
	sbuf_printf(&sb, "alias %s ", key);
	nm = mutt_field(name);
	if (nm[0] != '\0') {
		sbuf_addc(&sb, '"');
		add_quoted(&sb, nm, 1);
		sbuf_add(&sb, "\" ");
	}
	free(nm);
	sbuf_addc(&sb, '<');
	add_quoted(&sb, addr, 0);
	sbuf_add(&sb, ">\n");
	return sbuf_detach(&sb);
}

/* "ana-petrovic" from the folded name "ana petrovic"; caller frees. */
static char *
alias_base(const char *fold)
{
	struct sbuf	 sb = { 0 };
	const char	*p;
	int		 gap = 0;

	for (p = fold != NULL ? fold : ""; *p != '\0'; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9')) {
			if (gap && sb.len > 0)
				sbuf_addc(&sb, '-');
			gap = 0;
			sbuf_addc(&sb, *p);
		} else
			gap = 1;
	}
	if (sb.len == 0)
		sbuf_add(&sb, "contact");
	return sbuf_detach(&sb);
}

enum kith_status
mutt_export_aliases(struct kith_db *db, FILE *fp, long *count,
    struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	char			*prev = NULL, *base, *name, *addr, *key, *line;
	int64_t			 id, prev_id = 0, first_id = 0;
	long			 nth = 0, written = 0;
	int			 rc;

	if (count != NULL)
		*count = 0;
	/*
	 * In folded-name then id order, so the contacts sharing a key's
	 * base are together and the first of them has the lowest id.
	 */
	if ((stmt = db_stmt(db, "SELECT c.id, c.name_fold, c.display, e.addr "
	    "FROM contact c JOIN email e ON e.contact_id = c.id "
	    "WHERE c.archived = 0 ORDER BY c.name_fold, c.id, e.pos",
	    err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		id = sqlite3_column_int64(stmt, 0);
		base = alias_base((const char *)sqlite3_column_text(stmt, 1));
		if (prev == NULL || strcmp(prev, base) != 0) {
			free(prev);
			prev = xstrdup(base);
			first_id = id;
		}
		if (id != prev_id) {
			prev_id = id;
			nth = 0;
		}
		nth++;
		name = db_col_text(stmt, 2);
		addr = mutt_field((const char *)sqlite3_column_text(stmt, 3));
		if (id == first_id && nth == 1)
			key = xstrdup(base);
		else if (id == first_id)
			key = xasprintf("%s.%ld", base, nth);
		else if (nth == 1)
			key = xasprintf("%s_%lld", base, (long long)id);
		else
			key = xasprintf("%s_%lld.%ld", base, (long long)id,
			    nth);
		/* A contact named only by its address: no name to quote. */
		line = mutt_alias_line(key, name != NULL &&
		    strcasecmp(name, addr) == 0 ? NULL : name, addr);
		if (line != NULL) {
			if (fputs(line, fp) == EOF)
				st = kith_err_set(err, KITH_IO,
				    "writing the aliases failed");
			written++;
		}
		free(line);
		free(key);
		free(addr);
		free(name);
		free(base);
		if (st != KITH_OK)
			break;
	}
	sqlite3_reset(stmt);
	free(prev);
	if (st == KITH_OK && rc != SQLITE_DONE)
		st = db_fail(db, err, "exporting aliases");
	if (count != NULL)
		*count = written;
	return st;
}
