/* SPDX-License-Identifier: MIT */
/*
 * Reading a message's senders (mailaddr_read, GMime): the header only,
 * unfolded, RFC 2047 names decoded, groups spread, each address once;
 * and storing them (mailaddr_store): a new contact, a known address left
 * alone, a nameless contact named.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/mailaddr.h"
#include "check.h"
#include "testdb.h"

static struct mailaddr *
read_msg(const char *msg, const char *headers, size_t *n,
    enum kith_status *st)
{
	struct kith_err	 err = { 0 };
	struct mailaddr	*a;

	*st = mailaddr_read(msg, strlen(msg), headers, &a, n, &err);
	return a;
}

static void
test_mailaddr_read(void)
{
	struct mailaddr		*a;
	enum kith_status	 st;
	size_t			 n;

	a = read_msg("Subject: hi\nFrom: =?UTF-8?Q?Ana_Petrovi=C4=87?=\n"
	    "\t<ana@acme.example>\n\nFrom: evil@body.example\n", NULL, &n,
	    &st);
	CHECK(st == KITH_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(a[0].name, "Ana Petrović");
		CHECK_STR(a[0].addr, "ana@acme.example");
	}
	mailaddr_free(a, n);

	a = read_msg("From: =?ISO-8859-1?Q?J=FCrgen?= <j@x.de>\r\n\r\n",
	    "from", &n, &st);
	CHECK(st == KITH_OK && n == 1);
	if (n == 1)
		CHECK_STR(a[0].name, "Jürgen");
	mailaddr_free(a, n);

	a = read_msg("From: bare@x.example\n\n", NULL, &n, &st);
	CHECK(st == KITH_OK && n == 1);
	if (n == 1) {
		CHECK(a[0].name == NULL);
		CHECK_STR(a[0].addr, "bare@x.example");
	}
	mailaddr_free(a, n);

	a = read_msg("From: A <a@x.example>\nCc: g: B <b@x.example>, "
	    "A <A@X.example>;, c@x.example\n\n", "From, CC", &n, &st);
	CHECK(st == KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(a[1].addr, "b@x.example");
		CHECK_STR(a[2].addr, "c@x.example");
	}
	mailaddr_free(a, n);

	a = read_msg("To: me@x.example\n\nFrom: body@x.example\n", NULL, &n,
	    &st);
	CHECK(st == KITH_NOTFOUND && n == 0 && a == NULL);
	a = read_msg("", NULL, &n, &st);
	CHECK(st == KITH_NOTFOUND && n == 0);
	a = read_msg("From: a@x.example\n\n", "from,subject", &n, &st);
	CHECK(st == KITH_INVALID && n == 0);
}

static void
test_mailaddr_store(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct contact		*c;
	struct mailaddr		 a;
	enum mailaddr_state	 s;
	char			*path;
	int64_t			 id, id2;

	db = test_db("mailaddr.db", &path);
	a.name = "Ana Petrović";
	a.addr = "ana@acme.example";
	CHECK(mailaddr_store(db, &a, &s, &id, &err) == KITH_OK);
	CHECK(s == MAILADDR_NEW && id > 0);
	CHECK(contact_get(db, id, &c, &err) == KITH_OK);
	CHECK_STR(c->display, "Ana Petrović");
	CHECK_STR(c->given, "Ana");
	CHECK_STR(c->family, "Petrović");
	contact_free(c);

	a.name = "Someone Else";
	a.addr = "ANA@ACME.EXAMPLE";
	CHECK(mailaddr_store(db, &a, &s, &id2, &err) == KITH_OK);
	CHECK(s == MAILADDR_KNOWN && id2 == id);
	CHECK(contact_get(db, id, &c, &err) == KITH_OK);
	CHECK_STR(c->display, "Ana Petrović");
	contact_free(c);

	a.name = NULL;
	a.addr = "solo@x.example";
	CHECK(mailaddr_store(db, &a, &s, &id, &err) == KITH_OK);
	CHECK(s == MAILADDR_NEW);
	CHECK(mailaddr_check(db, &a, &s, &id2, &err) == KITH_OK);
	CHECK(s == MAILADDR_KNOWN && id2 == id);
	a.name = "Han Solo";
	CHECK(mailaddr_check(db, &a, &s, &id2, &err) == KITH_OK);
	CHECK(s == MAILADDR_NAMELESS);
	CHECK(mailaddr_store(db, &a, &s, &id2, &err) == KITH_OK);
	CHECK(contact_get(db, id, &c, &err) == KITH_OK);
	CHECK_STR(c->display, "Han Solo");
	contact_free(c);

	a.addr = "not an address";
	CHECK(mailaddr_store(db, &a, &s, &id, &err) == KITH_INVALID);
	test_db_done(db, path);
}

TEST_MAIN(test_mailaddr_read, test_mailaddr_store)
