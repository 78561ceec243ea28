/* SPDX-License-Identifier: MIT */
/*
 * A conflict check finds deal titles and organisation names through their
 * word indexes (schema step 12): the same deals and organisations as
 * reading every title and name would (instr over the folded text, whole
 * words, the first 200 in id order), and the indexes follow every change
 * of a title or a name, kith undo's included.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "kith/conflict.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/journal.h"
#include "kith/util.h"

static int64_t
deal(struct kith_db *db, const char *title)
{
	struct kith_err	 err = { 0 };
	struct deal	*d = deal_new();
	int64_t		 id;

	contact_set(&d->title, title);
	if (deal_add(db, d, &err) != KITH_OK)
		fprintf(stderr, "deal %s: %s\n", title, err.msg);
	id = d->id;
	deal_free(d);
	return id;
}

static void
person(struct kith_db *db, const char *name, const char *org)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();

	contact_set(&c->display, name);
	contact_set(&c->org, org);
	if (contact_insert(db, c, &err) != KITH_OK)
		fprintf(stderr, "add %s: %s\n", name, err.msg);
	contact_free(c);
}

/* The ids a statement with the term bound to ?1 gives, comma-separated. */
static char *
ids_of(struct kith_db *db, const char *sql, const char *term)
{
	struct sbuf	 sb = { 0 };
	sqlite3_stmt	*stmt;

	sbuf_add(&sb, "");
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), sql, -1, &stmt, NULL) ==
	    SQLITE_OK);
	sqlite3_bind_text(stmt, 1, term, -1, SQLITE_STATIC);
	while (sqlite3_step(stmt) == SQLITE_ROW)
		sbuf_printf(&sb, "%s%lld", sb.len ? "," : "",
		    (long long)sqlite3_column_int64(stmt, 0));
	sqlite3_finalize(stmt);
	return sbuf_detach(&sb);
}

static int
cmp_ref(const void *a, const void *b)
{
	int64_t	x = *(const int64_t *)a, y = *(const int64_t *)b;

	return x < y ? -1 : x > y;
}

/*
 * The refs of the hits of a check of term alone whose kind is kind and,
 * if rule is not NULL, whose rule is rule: in id order, comma-separated.
 */
static char *
hits_of(struct kith_db *db, const char *term, const char *kind,
    const char *rule)
{
	struct kith_err		 err = { 0 };
	struct conflict_record	*r = NULL;
	struct sbuf		 sb = { 0 };
	int64_t			*v;
	size_t			 i, n = 0;

	sbuf_add(&sb, "");
	CHECK(conflict_run(db, &term, 1, NULL, "Sam", 1, &r, &err) ==
	    KITH_OK);
	if (r == NULL)
		return sbuf_detach(&sb);
	v = xcalloc(r->nhits + 1, sizeof *v);
	for (i = 0; i < r->nhits; i++)
		if (strcmp(r->hits[i].kind, kind) == 0 && (rule == NULL ||
		    strcmp(r->hits[i].rule, rule) == 0))
			v[n++] = r->hits[i].ref;
	qsort(v, n, sizeof *v, cmp_ref);
	for (i = 0; i < n; i++)
		if (i == 0 || v[i] != v[i - 1])
			sbuf_printf(&sb, "%s%lld", sb.len ? "," : "",
			    (long long)v[i]);
	free(v);
	conflict_record_free(r);
	return sbuf_detach(&sb);
}

/* Whether every id of the list sub is in the list all. */
static int
ids_within(const char *sub, const char *all)
{
	char	*copy = xstrdup(sub), *w, *save = NULL, *a;
	int	 yes = 1;

	a = xasprintf(",%s,", all);
	for (w = strtok_r(copy, ",", &save); w != NULL;
	    w = strtok_r(NULL, ",", &save)) {
		char *x = xasprintf(",%s,", w);

		yes &= strstr(a, x) != NULL;
		free(x);
	}
	free(a);
	free(copy);
	return yes;
}

/* Undoes the latest action that is not a check (checks are not undone). */
static int
undo(struct kith_db *db)
{
	struct kith_err		 err = { 0 };
	struct journal_entry	 done = { 0 };
	sqlite3_stmt		*stmt;
	int64_t			 id = 0;
	int			 ok;

	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT max(id) FROM "
	    "journal WHERE command <> 'conflict' AND undoes IS NULL", -1,
	    &stmt, NULL) == SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	ok = journal_undo(db, id, &done, &err) == KITH_OK;
	if (!ok)
		fprintf(stderr, "undo %lld: %s\n", (long long)id, err.msg);
	journal_entry_clear(&done);
	return ok;
}

static int
fts_ok(struct kith_db *db)
{
	return sqlite3_exec(kith_db_sqlite(db), "INSERT INTO deal_title_fts "
	    "(deal_title_fts) VALUES ('integrity-check'); INSERT INTO "
	    "org_name_fts (org_name_fts) VALUES ('integrity-check')", NULL,
	    NULL, NULL) == SQLITE_OK;
}

/*
 * Titles and names with words inside other words, punctuation, repeats,
 * digits and several scripts; a title whose stored fold an old kith wrote
 * with punctuation (version 5 copied lower(title)); more than 200 titles
 * with one word.  Each term gets the deals and organisations the scan of
 * every row gives.
 */
static void
test_same_as_scan(void)
{
	static const char *const titles[] = {
		"Petrović estate", "Beta merger", "Realestate audit",
		"Beta-Gamma joint venture", "Estate of Beta Holdings",
		"Alphabeta licensing", "beta beta review", "Петровић estate",
		"Audit 2026 annual", "Annual audit", "Müller & Söhne merger",
		"The Estate", "estate planning estate",
	};
	static const char *const orgs[] = {
		"Beta Holdings", "Alphabeta Ltd", "Beta-Gamma GmbH",
		"The Beta Group", "Gamma Beta Beta", "Estate Agents Ltd",
		"Petrović i sinovi", "Annual Audit Co",
	};
	static const char *const terms[] = {
		"beta", "Estate", "petrovic estate", "annual audit", "audit",
		"beta gamma", "merger", "o brien", "v", "Müller", "beta beta",
		"2026", "Gamma", "the estate", "nobody here",
	};
	const char	*deal_sql = "SELECT id FROM deal WHERE instr(' ' "
			    "|| title_fold || ' ', ' ' || kith_fold(?1) || "
			    "' ') > 0 ORDER BY id LIMIT 200";
	const char	*org_sql = "SELECT id FROM org WHERE instr(' ' || "
			    "name_fold || ' ', ' ' || kith_fold(?1) || ' ') "
			    "> 0 ORDER BY id LIMIT 200";
	struct kith_db	*db;
	char		*path, *want, *got, *all, name[64];
	size_t		 i;

	db = test_db("conflict-index.db", &path);
	for (i = 0; i < sizeof titles / sizeof titles[0]; i++)
		deal(db, titles[i]);
	for (i = 0; i < 230; i++) {
		snprintf(name, sizeof name, "Audit %zu", i);
		deal(db, name);
	}
	/* As an old kith folded it: lower(title), punctuation kept. */
	CHECK(sqlite3_exec(kith_db_sqlite(db), "UPDATE deal SET title_fold = "
	    "'o''brien v. beta-corp merger' WHERE id = 1", NULL, NULL, NULL)
	    == SQLITE_OK);
	for (i = 0; i < sizeof orgs / sizeof orgs[0]; i++) {
		snprintf(name, sizeof name, "Person %zu", i);
		person(db, name, orgs[i]);
	}
	CHECK(fts_ok(db));
	for (i = 0; i < sizeof terms / sizeof terms[0]; i++) {
		want = ids_of(db, deal_sql, terms[i]);
		got = hits_of(db, terms[i], "matter", "title");
		if (strcmp(want, got) != 0)
			fprintf(stderr, "titles of '%s': want %s, got %s\n",
			    terms[i], want, got);
		CHECK_STR(got, want);
		free(want);
		free(got);

		/* Found by their words, or by a stronger rule first. */
		want = ids_of(db, org_sql, terms[i]);
		got = hits_of(db, terms[i], "organisation", "words");
		all = hits_of(db, terms[i], "organisation", NULL);
		if (!ids_within(got, want) || !ids_within(want, all))
			fprintf(stderr, "organisations of '%s': want %s, got "
			    "%s (words), %s (all)\n", terms[i], want, got, all);
		CHECK(ids_within(got, want));
		CHECK(ids_within(want, all));
		free(want);
		free(got);
		free(all);
	}
	/* The cap: the first 200 titles, in id order. */
	got = hits_of(db, "audit", "matter", "title");
	want = ids_of(db, deal_sql, "audit");
	CHECK_STR(got, want);
	CHECK(strlen(got) > 0 && strchr(got, ',') != NULL);
	{
		size_t	n = 1;
		char	*p;

		for (p = got; *p != '\0'; p++)
			n += *p == ',';
		CHECK_INT(n, 200);
	}
	free(got);
	free(want);
	test_db_done(db, path);
}

/*
 * The word indexes follow a title edited, a deal removed, an organisation
 * added, and kith undo of each.
 */
static void
test_index_follows(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct deal		*base = NULL, *d = NULL;
	char			*path, *got, *want;
	int64_t			 id;

	db = test_db("conflict-follow.db", &path);
	id = deal(db, "Gamma merger");
	want = xasprintf("%lld", (long long)id);
	got = hits_of(db, "gamma", "matter", "title");
	CHECK_STR(got, want);
	free(got);

	/* Renamed: found by its new title only. */
	CHECK(deal_get(db, id, &base, &err) == KITH_OK);
	CHECK(deal_get(db, id, &d, &err) == KITH_OK);
	if (base != NULL && d != NULL) {
		contact_set(&d->title, "Delta merger");
		CHECK(deal_update(db, base, d, &err) == KITH_OK);
	}
	deal_free(base);
	deal_free(d);
	got = hits_of(db, "gamma", "matter", "title");
	CHECK_STR(got, "");
	free(got);
	got = hits_of(db, "delta", "matter", "title");
	CHECK_STR(got, want);
	free(got);
	CHECK(fts_ok(db));

	/* Undone: the old title again. */
	CHECK(undo(db));
	got = hits_of(db, "gamma", "matter", "title");
	CHECK_STR(got, want);
	free(got);
	got = hits_of(db, "delta", "matter", "title");
	CHECK_STR(got, "");
	free(got);
	CHECK(fts_ok(db));

	/* Removed, then the removal undone. */
	CHECK(deal_remove(db, id, &err) == KITH_OK);
	got = hits_of(db, "gamma", "matter", "title");
	CHECK_STR(got, "");
	free(got);
	CHECK(fts_ok(db));
	CHECK(undo(db));
	got = hits_of(db, "gamma", "matter", "title");
	CHECK_STR(got, want);
	free(got);
	free(want);
	CHECK(fts_ok(db));

	/* An organisation added with a person, then the person undone. */
	person(db, "Ana Kovač", "Northbridge Omega Bank");
	got = hits_of(db, "omega bank", "organisation", "words");
	CHECK(strlen(got) > 0);
	free(got);
	CHECK(undo(db));
	CHECK(fts_ok(db));
	test_db_done(db, path);
}

TEST_MAIN(test_same_as_scan, test_index_follows)
