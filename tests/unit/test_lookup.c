/* SPDX-License-Identifier: MIT */
/*
 * The lookup order of contact_resolve() (issue 9): an id; an exact
 * e-mail, compared normalised; a phone number however it is typed; then
 * names only -- display name, given and family names, nickname, folded as
 * list folds them -- where a whole name word beats a word it begins, which
 * beats a word merely containing it.  Notes, tags, custom fields and the
 * organisation never make a match.
 */
#include <stdlib.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"

struct person {
	const char	*name, *given, *family, *nickname;
	const char	*email, *phone, *org, *notes, *tag, *custom;
};

static int64_t
put(struct kith_db *db, const struct person *p)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, p->name);
	contact_set(&c->given, p->given);
	contact_set(&c->family, p->family);
	contact_set(&c->nickname, p->nickname);
	contact_set(&c->org, p->org);
	contact_set(&c->notes, p->notes);
	if (p->email != NULL)
		contact_add_email(c, p->email, NULL);
	if (p->phone != NULL)
		contact_add_phone(c, p->phone, NULL);
	if (p->tag != NULL)
		contact_add_tag(c, p->tag);
	if (p->custom != NULL)
		contact_add_custom(c, "Team", p->custom);
	if (contact_insert(db, c, &err) != KITH_OK)
		fprintf(stderr, "add %s: %s\n", p->name, err.msg);
	id = c->id;
	contact_free(c);
	return id;
}

/* The id what resolves to, 0 if it does not resolve to one contact. */
static int64_t
who(struct kith_db *db, const char *what, enum kith_status want)
{
	struct kith_err	 err = { 0 };
	enum kith_status st;
	int64_t		 id = -1;

	st = contact_resolve(db, what, &id, NULL, NULL, 10, &err);
	if (st != want)
		fprintf(stderr, "resolve '%s': status %d, expected %d (%s)\n",
		    what, (int)st, (int)want, err.msg);
	CHECK(st == want);
	return id;
}

static void
test_never_notes_tags_org(void)
{
	static const struct person bob = { "Bob Smith", NULL, NULL, NULL,
	    NULL, NULL, "Anatolia Trading", "met ana at the fair", "ana",
	    "ana team" };
	struct kith_db	*db;
	char		*path;

	db = test_db("lookup-never.db", &path);
	put(db, &bob);
	CHECK_INT(who(db, "ana", KITH_NOTFOUND), 0);
	CHECK_INT(who(db, "anatolia", KITH_NOTFOUND), 0);
	CHECK_INT(who(db, "fair", KITH_NOTFOUND), 0);
	CHECK_INT(who(db, "team", KITH_NOTFOUND), 0);
	test_db_done(db, path);
}

static void
test_order(void)
{
	static const struct person people[] = {
		{ "Bob Smith", NULL, NULL, NULL, "bob@example.com",
		    "+44 20 7946 0101", NULL, "ana's colleague", NULL, NULL },
		{ "Ana Petrović", "Ana", "Petrović", NULL,
		    "Ana.Petrovic@example.org", "+381 64 555 0101", NULL,
		    NULL, NULL, NULL },
		{ "Ivana Ćirić", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
		    NULL, NULL },
		{ "Anastasia Doyle", NULL, NULL, NULL, NULL, NULL, NULL,
		    NULL, NULL, NULL },
		{ "Dr. W. Hughes", "William", "Hughes", "Bill", NULL, NULL,
		    NULL, NULL, NULL, NULL },
		{ "Marko Petrović", NULL, NULL, NULL, NULL,
		    "+381 64 555 0108", NULL, NULL, NULL, NULL },
		{ "Jovana Mitić", NULL, NULL, NULL, NULL, NULL, NULL, NULL,
		    NULL, NULL },
		/* Its name is all digits: a number is an id first. */
		{ "2", NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL, NULL },
	};
	struct kith_err		 err = { 0 };
	struct contact_ref	*cands = NULL;
	struct kith_db		*db;
	size_t			 n = 0, i;
	int64_t			 id[8], got;
	char			*path;

	db = test_db("lookup-order.db", &path);
	for (i = 0; i < 8; i++)
		id[i] = put(db, &people[i]);

	/* 1. id */
	CHECK_INT(who(db, "2", KITH_OK), id[1]);
	CHECK_INT(who(db, "999", KITH_NOTFOUND), 0);

	/* 2. e-mail, exact and compared without case, trimmed */
	CHECK_INT(who(db, "ana.petrovic@example.org", KITH_OK), id[1]);
	CHECK_INT(who(db, " ANA.PETROVIC@EXAMPLE.ORG ", KITH_OK), id[1]);
	CHECK_INT(who(db, "ana.petrovic@example", KITH_NOTFOUND), 0);

	/* 3. phone, however typed */
	CHECK_INT(who(db, "+44 20 7946 0101", KITH_OK), id[0]);
	CHECK_INT(who(db, "442079460101", KITH_OK), id[0]);
	CHECK_INT(who(db, "02079460101", KITH_OK), id[0]);
	CHECK_INT(who(db, "(0)20 7946-0101", KITH_OK), id[0]);
	CHECK_INT(who(db, "2079460101", KITH_OK), id[0]);
	CHECK_INT(who(db, "064 555 0108", KITH_OK), id[5]);
	CHECK_INT(who(db, "+381 64 555 0109", KITH_NOTFOUND), 0);

	/* 4. names: a whole word, then a word begun, then a word contained */
	CHECK_INT(who(db, "ana", KITH_OK), id[1]);
	CHECK_INT(who(db, "anas", KITH_OK), id[3]);
	CHECK_INT(who(db, "ivan", KITH_OK), id[2]);
	CHECK_INT(who(db, "vana", KITH_AMBIGUOUS), 0);	/* Ivana, Jovana */
	CHECK_INT(who(db, "ana petr", KITH_OK), id[1]);
	CHECK_INT(who(db, "PETROVIC ana", KITH_OK), id[1]);
	CHECK_INT(who(db, "Петровић Ана", KITH_OK), id[1]);
	/* given and family names and the nickname count as name words */
	CHECK_INT(who(db, "william", KITH_OK), id[4]);
	CHECK_INT(who(db, "bill hughes", KITH_OK), id[4]);
	/* ... notes never: "colleague" is only in Bob's notes */
	CHECK_INT(who(db, "colleague", KITH_NOTFOUND), 0);

	/* Still ambiguous: the best-ranked candidates, in name order. */
	got = -1;
	CHECK(contact_resolve(db, "petrovic", &got, &cands, &n, 10, &err)
	    == KITH_AMBIGUOUS);
	CHECK_INT(got, 0);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(cands[0].name, "Ana Petrović");
		CHECK_INT(cands[0].id, id[1]);
		CHECK_STR(cands[1].name, "Marko Petrović");
	}
	CHECK(strstr(err.msg, "matches 2 contacts") != NULL);
	contact_refs_free(cands, n);
	/* Contained: "ovan" only in Jovana; "van" in two, max 1 listed. */
	CHECK(contact_resolve(db, "ovan", &got, &cands, &n, 10, &err)
	    == KITH_OK);
	contact_refs_free(cands, n);
	CHECK_INT(got, id[6]);
	CHECK(contact_resolve(db, "van", &got, &cands, &n, 1, &err)
	    == KITH_AMBIGUOUS);
	CHECK_INT(n, 1);
	CHECK(strstr(err.msg, "more than 1") != NULL);
	contact_refs_free(cands, n);
	test_db_done(db, path);
}

/* contact_find_clash: the duplicate check a front makes before adding. */
static void
test_clash(void)
{
	static const struct person ana = { "Ana Petrović", NULL, NULL, NULL,
	    "Ana.Petrovic@example.org", "+381 64 555 0101", NULL, NULL, NULL,
	    NULL };
	struct kith_err		 err = { 0 };
	struct contact_clash	 cl;
	struct contact		*c;
	struct kith_db		*db;
	int64_t			 id;
	char			*path;

	db = test_db("lookup-clash.db", &path);
	id = put(db, &ana);

	c = contact_new();
	contact_set(&c->display, "Someone Else");
	contact_add_email(c, "someone@example.org", NULL);
	contact_add_phone(c, "064 555 0102", NULL);
	CHECK(contact_find_clash(db, c, &cl, &err) == KITH_OK);
	CHECK_INT(cl.id, 0);
	contact_clash_free(&cl);

	contact_add_email(c, " ANA.PETROVIC@example.org", NULL);
	CHECK(contact_find_clash(db, c, &cl, &err) == KITH_OK);
	CHECK_INT(cl.id, id);
	CHECK_STR(cl.name, "Ana Petrović");
	CHECK_STR(cl.field, "e-mail");
	CHECK_STR(cl.value, "Ana.Petrovic@example.org");
	contact_clash_free(&cl);
	contact_free(c);

	/* The same number in another form. */
	c = contact_new();
	contact_set(&c->display, "Someone Else");
	contact_add_phone(c, "555", NULL);		/* too short to tell */
	contact_add_phone(c, "00381 64 555-0101", NULL);
	CHECK(contact_find_clash(db, c, &cl, &err) == KITH_OK);
	CHECK_INT(cl.id, id);
	CHECK_STR(cl.field, "phone");
	CHECK_STR(cl.value, "+381 64 555 0101");
	contact_clash_free(&cl);
	contact_free(c);
	c = contact_new();
	contact_add_phone(c, "064 555 0101", NULL);	/* national form */
	CHECK(contact_find_clash(db, c, &cl, &err) == KITH_OK);
	CHECK_INT(cl.id, id);
	contact_clash_free(&cl);

	/* A contact never clashes with itself (an edit). */
	c->id = id;
	CHECK(contact_find_clash(db, c, &cl, &err) == KITH_OK);
	CHECK_INT(cl.id, 0);
	contact_clash_free(&cl);
	contact_clash_free(NULL);
	contact_free(c);
	test_db_done(db, path);
}

TEST_MAIN(test_never_notes_tags_org, test_order, test_clash)
