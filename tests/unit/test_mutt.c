/* SPDX-License-Identifier: MIT */
/*
 * The mail-client bridges' pure pieces: fields kept to one line
 * (mutt_field) and mutt alias lines escaped so that mutt reads back the
 * name and address and runs or expands nothing (mutt_alias_line); and
 * mutt_query's rows on a real database: every address of a match, the
 * name never empty, notes never searched, names ranked first.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/mutt.h"
#include "check.h"
#include "testdb.h"

static void
test_mutt_field(void)
{
	char	*s;

	s = mutt_field("  Ana\tPetrović\r\nAcme \x1b[2J ");
	CHECK_STR(s, "Ana Petrović  Acme  [2J");
	free(s);
	s = mutt_field(NULL);
	CHECK_STR(s, "");
	free(s);
	s = mutt_field("\t\n");
	CHECK_STR(s, "");
	free(s);
}

static void
test_mutt_alias_line(void)
{
	char	*s;

	s = mutt_alias_line("ana", "Ana Petrović", "ana@acme.example");
	CHECK_STR(s, "alias ana \"Ana Petrović\" <ana@acme.example>\n");
	free(s);
	/* RFC 5322 quoting, then the muttrc's: \ ` $ ' " # escaped. */
	s = mutt_alias_line("k", "a\"b\\c `id` $HOME 'x' #y", "a$b@x.example");
	CHECK_STR(s, "alias k \"a\\\\\\\"b\\\\\\\\c \\`id\\` \\$HOME \\'x\\' "
	    "\\#y\" <a\\$b@x.example>\n");
	free(s);
	s = mutt_alias_line("k", NULL, "a@x.example");
	CHECK_STR(s, "alias k <a@x.example>\n");
	free(s);
	s = mutt_alias_line("k", "Tab\there\nnewline", "a@x.example");
	CHECK_STR(s, "alias k \"Tab here newline\" <a@x.example>\n");
	free(s);
	CHECK(mutt_alias_line("k", "x", "a b@x.example") == NULL);
	CHECK(mutt_alias_line("k", "x", "a>@x.example") == NULL);
	CHECK(mutt_alias_line("k", "x", "") == NULL);
	CHECK(mutt_alias_line("k", "x", NULL) == NULL);
}

static int64_t
add(struct kith_db *db, const char *name, const char *org, const char *e1,
    const char *e2, const char *notes)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	contact_set(&c->org, org);
	contact_set(&c->notes, notes);
	if (e1 != NULL)
		contact_add_email(c, e1, NULL);
	if (e2 != NULL)
		contact_add_email(c, e2, NULL);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	id = c->id;
	contact_free(c);
	return id;
}

static void
test_mutt_query(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct mutt_addr	*a;
	char			*path;
	size_t			 n;

	db = test_db("mutt.db", &path);
	add(db, "Zoe Acme", NULL, "zoe@z.example", NULL, NULL);
	add(db, "Ana Petrović", "Acme Legal", "ana@a.example",
	    "ana@home.example", NULL);
	add(db, "Bob", NULL, "bob@acme.example", NULL, NULL);
	add(db, "Noel", NULL, "noel@n.example", NULL, "met at acme fair");
	add(db, "No Mail", "Acme", NULL, NULL, NULL);

	CHECK(mutt_query(db, "acme", 0, &a, &n, &err) == KITH_OK);
	/* Name first, then e-mail, then organisation; never notes. */
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(a[0].name, "Zoe Acme");
		CHECK_STR(a[1].email, "bob@acme.example");
		CHECK_STR(a[2].email, "ana@a.example");
		CHECK_STR(a[3].email, "ana@home.example");
		CHECK_STR(a[3].org, "Acme Legal");
		CHECK_STR(a[0].org, "");
	}
	mutt_addrs_free(a, n);

	CHECK(mutt_query(db, "acme", 2, &a, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	mutt_addrs_free(a, n);

	CHECK(mutt_query(db, "fair", 0, &a, &n, &err) == KITH_OK);
	CHECK_INT(n, 0);
	CHECK(a == NULL);
	mutt_addrs_free(a, n);
	test_db_done(db, path);
}

TEST_MAIN(test_mutt_field, test_mutt_alias_line, test_mutt_query)
