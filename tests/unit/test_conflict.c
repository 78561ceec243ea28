/* SPDX-License-Identifier: MIT */
/*
 * Conflict checks (conflict.h) on a constructed book: hits with their
 * roles and chains (through a relationship, an employer, a parent
 * company), the rule that matched, a clean result, the saved record and
 * its dispositions, and the record's refusal to be changed, deleted or
 * undone.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "kith/clock.h"
#include "kith/conflict.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/journal.h"
#include "kith/path.h"
#include "kith/relation.h"

static int64_t
add(struct kith_db *db, const char *name, const char *org, const char *note)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	contact_set(&c->org, org);
	contact_set(&c->notes, note);
	if (contact_insert(db, c, &err) != KITH_OK)
		fprintf(stderr, "add %s: %s\n", name, err.msg);
	id = c->id;
	contact_free(c);
	return id;
}

static int64_t
org_id(struct kith_db *db, const char *name)
{
	struct kith_err	 err = { 0 };
	char		*n = NULL;
	int64_t		 id = 0;

	if (path_resolve_org(db, name, &id, &n, &err) != KITH_OK)
		fprintf(stderr, "org %s: %s\n", name, err.msg);
	free(n);
	return id;
}

/* The hit whose chain is chain, or NULL. */
static const struct conflict_hit *
find(const struct conflict_record *r, const char *chain)
{
	size_t	i;

	for (i = 0; i < r->nhits; i++)
		if (strcmp(r->hits[i].chain, chain) == 0)
			return &r->hits[i];
	return NULL;
}

static int
exec_fails(struct kith_db *db, const char *sql)
{
	return sqlite3_exec(kith_db_sqlite(db), sql, NULL, NULL, NULL) !=
	    SQLITE_OK;
}

static void
test_conflict(void)
{
	struct kith_err		 err = { 0 };
	struct conflict_record	*r = NULL;
	struct conflict_summary	*sum = NULL;
	struct journal_entry	 done = { 0 };
	const struct conflict_hit *h;
	struct kith_db		*db;
	struct deal		*d;
	const char		*terms[3];
	int64_t			 ana, marko, xavier, lena, id;
	size_t			 n = 0;
	char			*path;

	db = test_db("conflict.db", &path);
	kith_db_set_now(db, time_parse("2026-11-25 12:00"));
	ana = add(db, "Ana Petrović", NULL, NULL);
	marko = add(db, "Marko Petrović", NULL, NULL);
	xavier = add(db, "Xavier Doe", "Acme Holdings", NULL);
	add(db, "Nora Notes", NULL, "Knows the Beta LLC board well");
	add(db, "Olga Beta", "Beta LLC", NULL);
	lena = add(db, "Lena Far", NULL, NULL);
	CHECK(relation_link(db, marko, ana, "spouse", NULL, NULL, &err) ==
	    KITH_OK);
	CHECK(relation_link(db, lena, marko, "sibling of", NULL, NULL, &err)
	    == KITH_OK);
	CHECK(conflict_org_link(db, org_id(db, "Beta LLC"), org_id(db,
	    "Acme Holdings"), "subsidiary of", &err) == KITH_OK);
	CHECK(conflict_org_link(db, org_id(db, "Beta LLC"), org_id(db,
	    "Acme Holdings"), "subsidiary of", &err) == KITH_EXISTS);
	CHECK(conflict_org_link(db, org_id(db, "Beta LLC"), org_id(db,
	    "Acme Holdings"), "cousin of", &err) == KITH_INVALID);

	d = deal_new();
	contact_set(&d->title, "Petrović estate");
	contact_set(&d->ref, "2026-014");
	deal_add_person(d, ana, "client");
	deal_add_person(d, xavier, "adverse party");
	CHECK(deal_add(db, d, &err) == KITH_OK);
	deal_free(d);

	/* Marko: related to a client, through his spouse. */
	terms[0] = "marko petrovic";
	terms[1] = "Beta LLC";
	terms[2] = "Zyx Nobody";
	CHECK(conflict_run(db, terms, 3, "Acme v Petrović", "Sam", 0, &r,
	    &err) == KITH_OK);
	if (r == NULL)
		goto out;
	id = r->id;
	CHECK(id > 0);
	CHECK_INT(r->depth, CONFLICT_DEPTH_DEFAULT);
	CHECK_INT(r->nvariants, 3);
	/* The folded term first, then what the matcher tried. */
	CHECK_STR(r->variants[0], "marko petrovic\npetrovic marko");
	h = find(r, "Marko Petrović → spouse Ana Petrović → client in deal "
	    "2026-014 'Petrović estate'");
	CHECK(h != NULL);
	if (h != NULL) {
		CHECK_STR(h->role, "related to a client");
		CHECK_STR(h->rule, "folded");
		CHECK_STR(h->term, "marko petrovic");
		CHECK_STR(h->matter, "2026-014 'Petrović estate'");
		CHECK_INT(h->ref, marko);
	}
	/* Beta LLC: subsidiary of Acme, whose man is the adverse party. */
	h = find(r, "Beta LLC → subsidiary of Acme Holdings → adverse party "
	    "in deal 2026-014 'Petrović estate' (through Xavier Doe, who "
	    "works there)");
	CHECK(h != NULL);
	if (h != NULL) {
		CHECK_STR(h->role, "related to an adverse party");
		CHECK_STR(h->rule, "exact");
		CHECK_STR(h->kind, "organisation");
	}
	/* ... and named in a note. */
	h = find(r, "named in the notes on Nora Notes");
	CHECK(h != NULL && strcmp(h->rule, "note") == 0);
	/* Direct hits before hits through links, notes last. */
	CHECK(r->nhits >= 3);
	CHECK(strcmp(r->hits[r->nhits - 1].rule, "note") == 0);
	conflict_record_free(r);
	r = NULL;

	/* Lena is two links from the client: found, unless told one. */
	terms[0] = "Lena Far";
	CHECK(conflict_run(db, terms, 1, NULL, "Sam", 0, &r, &err) ==
	    KITH_OK);
	h = r != NULL ? find(r, "Lena Far → sibling of Marko Petrović → "
	    "spouse Ana Petrović → client in deal 2026-014 'Petrović "
	    "estate'") : NULL;
	CHECK(h != NULL && strcmp(h->role, "related to a client") == 0);
	conflict_record_free(r);
	r = NULL;
	CHECK(conflict_run(db, terms, 1, NULL, "Sam", 1, &r, &err) ==
	    KITH_OK);
	CHECK(r != NULL && r->nhits == 1 &&
	    strcmp(r->hits[0].role, "in kith's records") == 0);
	conflict_record_free(r);
	r = NULL;

	/*
	 * A name nobody has: a record with no hits, whose text says so
	 * without "no conflict", a control character in the term inert.
	 */
	terms[0] = "Zyx Nobody";
	CHECK(conflict_run(db, terms, 1, NULL, "Sam", 0, &r, &err) ==
	    KITH_OK);
	CHECK(r != NULL && r->nhits == 0);
	if (r != NULL) {
		char *text = conflict_record_text(r);

		CHECK(strstr(text, "\nNo hits in kith's records.\n") != NULL);
		CHECK(strstr(text, "no conflict") == NULL);
		free(text);
	}
	{
		/* Data reaches the text inert. */
		struct conflict_record	 f = { 0 };
		char			*term = "Zyx\033[2J", *text;

		f.id = 7;
		f.user = "Sam\033]0;x\007";
		f.terms = &term;
		f.nterms = 1;
		text = conflict_record_text(&f);
		CHECK(strstr(text, "by Sam^[]0;x^G\nTerms: Zyx^[[2J\n") !=
		    NULL);
		CHECK(strchr(text, '\033') == NULL);
		free(text);
	}
	conflict_record_free(r);
	r = NULL;

	/* Bad input. */
	terms[0] = "  ";
	CHECK(conflict_run(db, terms, 1, NULL, "Sam", 0, &r, &err) ==
	    KITH_INVALID);
	terms[0] = "Ana";
	CHECK(conflict_run(db, terms, 1, NULL, "", 0, &r, &err) ==
	    KITH_INVALID);
	CHECK(conflict_run(db, terms, 1, NULL, "Sam", 9, &r, &err) ==
	    KITH_INVALID);
	CHECK(r == NULL);

	/* Dispositions are appended. */
	CHECK(conflict_decide(db, id, "pending", "W-1", "Rita", &err) ==
	    KITH_OK);
	CHECK(conflict_decide(db, id, "Waivable – consent obtained", "W-1",
	    "Rita", &err) == KITH_OK);
	CHECK(conflict_decide(db, id, "maybe", NULL, "Rita", &err) ==
	    KITH_INVALID);
	CHECK(conflict_decide(db, 999, "clear", NULL, "Rita", &err) ==
	    KITH_NOTFOUND);
	CHECK(conflict_get(db, id, &r, &err) == KITH_OK);
	if (r != NULL) {
		CHECK_STR(r->user, "Sam");
		CHECK_STR(r->matter, "Acme v Petrović");
		CHECK_INT(r->nterms, 3);
		CHECK_STR(r->terms[2], "Zyx Nobody");
		CHECK_INT(r->ndecisions, 2);
		if (r->ndecisions == 2) {
			CHECK_STR(r->decisions[0].disposition,
			    "waivable-pending");
			CHECK_STR(r->decisions[1].disposition,
			    "waivable-obtained");
			CHECK_STR(r->decisions[1].waiver, "W-1");
			CHECK_STR(r->decisions[1].reviewer, "Rita");
		}
	}
	conflict_record_free(r);
	r = NULL;
	CHECK(conflict_list(db, &sum, &n, &err) == KITH_OK);
	CHECK_INT(n, 4);
	CHECK(n == 4 && sum[3].id == id && sum[0].nhits == 0);
	CHECK(n == 4 && strcmp(sum[3].disposition, "waivable-obtained") == 0);
	conflict_summaries_free(sum, n);

	/* The record is never changed, deleted, or undone. */
	CHECK(exec_fails(db, "UPDATE conflict_check SET user = 'Eve'"));
	CHECK(exec_fails(db, "DELETE FROM conflict_check"));
	CHECK(exec_fails(db, "UPDATE conflict_hit SET role = 'none'"));
	CHECK(exec_fails(db, "DELETE FROM conflict_hit"));
	CHECK(exec_fails(db, "UPDATE conflict_decision SET "
	    "disposition = 'clear'"));
	CHECK(exec_fails(db, "DELETE FROM conflict_decision"));
	CHECK(journal_undo_last(db, &done, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "never undoes") != NULL);
	CHECK(conflict_get(db, id, &r, &err) == KITH_OK);
	CHECK(r != NULL && r->ndecisions == 2);
	conflict_record_free(r);
	r = NULL;
out:
	conflict_record_free(r);
	test_db_done(db, path);
}

/*
 * Titles are read once for all the terms of a check: each term still
 * gets the titles that name it as whole words, a title two terms name is
 * credited to the first of them, and a word inside another is no hit.
 */
static void
test_titles(void)
{
	struct kith_err		 err = { 0 };
	struct conflict_record	*r = NULL;
	const struct conflict_hit *h;
	struct kith_db		*db;
	struct deal		*d;
	const char		*terms[4];
	const char		*titles[] = { "Petrović estate", "Beta merger",
				    "Realestate audit" };
	size_t			 i, n = 0;
	char			*path;

	db = test_db("titles.db", &path);
	for (i = 0; i < sizeof titles / sizeof titles[0]; i++) {
		d = deal_new();
		contact_set(&d->title, titles[i]);
		CHECK(deal_add(db, d, &err) == KITH_OK);
		deal_free(d);
	}
	terms[0] = "merger";
	terms[1] = "Zyx Nobody";
	terms[2] = "petrovic estate";
	terms[3] = "Estate";
	CHECK(conflict_run(db, terms, 4, NULL, "Sam", 0, &r, &err) ==
	    KITH_OK);
	if (r == NULL)
		goto out;
	for (i = 0; i < r->nhits; i++)
		if (strcmp(r->hits[i].kind, "matter") == 0)
			n++;
	CHECK_INT(n, 2);
	h = find(r, "named in the title of deal 'Beta merger'");
	CHECK(h != NULL && strcmp(h->term, "merger") == 0);
	h = find(r, "named in the title of deal 'Petrović estate'");
	CHECK(h != NULL && strcmp(h->term, "petrovic estate") == 0);
	CHECK(find(r, "named in the title of deal 'Realestate audit'") ==
	    NULL);
out:
	conflict_record_free(r);
	test_db_done(db, path);
}

TEST_MAIN(test_conflict, test_titles)
