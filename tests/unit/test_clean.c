/* SPDX-License-Identifier: MIT */
/*
 * One store-time cleaning for every text kith stores (issue 9): through
 * the core's API, each free-text field -- address parts, URLs, the labels
 * of e-mails, phones, addresses and URLs, custom field names and values,
 * tags, interaction summaries and bodies, follow-up actions, relationship
 * notes -- comes back as valid UTF-8 in NFC without control characters.
 * Line breaks stay only in the fields that run over several lines (a
 * street, a custom value, an interaction's body); elsewhere they become
 * spaces.  Text that is not UTF-8 is refused naming the field.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/relation.h"
#include "check.h"
#include "testdb.h"

/* Dirty input: "Petrovic" + U+0301 (NFD), ESC [2J, BEL, C1 CSI (U+009B). */
#define DIRTY(s)	s "Petrovic\xcc\x81\x1b[2J\a\xc2\x9bX"
/* What it is stored as: NFC "ć", the escape and the C1 character gone. */
#define CLEAN(s)	s "Petrovi\xc4\x87[2JX"
/* A line break: kept in a multi-line field, a space in a one-line one. */
#define LINES_IN	"one\r\ntwo\rthree\n"
#define LINES_KEPT	"one\ntwo\nthree\n"
#define LINES_FLAT	"one two three "
#define BAD		"bad\xff"

static int64_t
add_named(struct kith_db *db, const char *name)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	id = c->id;
	contact_free(c);
	return id;
}

/* A contact with every kind of part, each dirty. */
static struct contact *
dirty_contact(void)
{
	struct contact		*c = contact_new();
	struct contact_address	 a = { 0 };

	contact_set(&c->display, DIRTY("Ana "));
	contact_add_email(c, "ana@example.org", DIRTY("work "));
	contact_add_phone(c, "+381 11 555 0101", DIRTY("mobile "));
	a.label = DIRTY("home ");
	a.street = DIRTY(LINES_IN);
	a.city = DIRTY("city ");
	a.region = DIRTY("region ");
	a.postcode = DIRTY("11000 ");
	a.country = DIRTY("country ");
	contact_add_address(c, &a);
	contact_add_url(c, DIRTY("https://example.org/"), DIRTY("blog "));
	contact_add_custom(c, DIRTY("Key\n"), DIRTY(LINES_IN));
	contact_add_tag(c, DIRTY("client\t"));
	return c;
}

static void
test_contact_parts(void)
{
	struct kith_err	 err = { 0 };
	struct contact	*c, *got = NULL;
	struct kith_db	*db;
	char		*path;

	db = test_db("clean.db", &path);
	c = dirty_contact();
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	CHECK(contact_get(db, c->id, &got, &err) == KITH_OK);
	if (got == NULL)
		goto out;
	CHECK_STR(got->display, CLEAN("Ana "));
	CHECK_INT(got->n_emails, 1);
	CHECK_STR(got->emails[0].label, CLEAN("work "));
	CHECK_INT(got->n_phones, 1);
	CHECK_STR(got->phones[0].label, CLEAN("mobile "));
	CHECK_INT(got->n_addrs, 1);
	CHECK_STR(got->addrs[0].label, CLEAN("home "));
	CHECK_STR(got->addrs[0].street, CLEAN(LINES_KEPT));
	CHECK_STR(got->addrs[0].city, CLEAN("city "));
	CHECK_STR(got->addrs[0].region, CLEAN("region "));
	CHECK_STR(got->addrs[0].postcode, CLEAN("11000 "));
	CHECK_STR(got->addrs[0].country, CLEAN("country "));
	CHECK_INT(got->n_urls, 1);
	CHECK_STR(got->urls[0].value, CLEAN("https://example.org/"));
	CHECK_STR(got->urls[0].key, CLEAN("blog "));
	CHECK_INT(got->n_custom, 1);
	CHECK_STR(got->custom[0].key, CLEAN("Key "));
	CHECK_STR(got->custom[0].value, CLEAN(LINES_KEPT));
	CHECK_INT(got->n_tags, 1);
	CHECK_STR(got->tags[0], CLEAN("client "));
	/* The caller's copy shows what was stored. */
	CHECK_STR(c->addrs[0].city, CLEAN("city "));
out:
	contact_free(got);
	contact_free(c);
	test_db_done(db, path);
}

/* Bytes that are not UTF-8 are refused in every part, naming it. */
static void
test_contact_parts_refuse_bad_utf8(void)
{
	static const char *const names[] = { "e-mail label", "phone label",
	    "address label", "street", "city", "region", "postcode",
	    "country", "URL label", "URL", "custom field name",
	    "custom field", "tag" };
	struct kith_err	 err = { 0 };
	struct contact	*c;
	struct kith_db	*db;
	char		*path, **field;
	size_t		 i;

	db = test_db("clean-bad.db", &path);
	for (i = 0; i < sizeof names / sizeof names[0]; i++) {
		c = dirty_contact();
		field = i == 0 ? &c->emails[0].label :
		    i == 1 ? &c->phones[0].label :
		    i == 2 ? &c->addrs[0].label : i == 3 ? &c->addrs[0].street :
		    i == 4 ? &c->addrs[0].city : i == 5 ? &c->addrs[0].region :
		    i == 6 ? &c->addrs[0].postcode :
		    i == 7 ? &c->addrs[0].country : i == 8 ? &c->urls[0].key :
		    i == 9 ? &c->urls[0].value : i == 10 ? &c->custom[0].key :
		    i == 11 ? &c->custom[0].value : &c->tags[0];
		contact_set(field, BAD);
		memset(&err, 0, sizeof err);
		CHECK_INT(contact_insert(db, c, &err), KITH_INVALID);
		if (strncmp(err.msg, names[i], strlen(names[i])) != 0 ||
		    strstr(err.msg, "invalid UTF-8") == NULL) {
			fprintf(stderr, "%s: %s\n", names[i], err.msg);
			CHECK(0);
		}
		contact_free(c);
	}
	test_db_done(db, path);
}

static void
test_interaction_followup_relation(void)
{
	struct kith_err		 err = { 0 };
	struct interaction	*in = NULL;
	struct relation		*r = NULL;
	struct followup		*f = NULL;
	struct kith_db		*db;
	size_t			 n;
	int64_t			 ana, bob, id;
	char			*path;

	db = test_db("clean-more.db", &path);
	kith_db_set_now(db, time_parse("2026-11-25 09:00"));
	ana = add_named(db, "Ana");
	bob = add_named(db, "Bob");

	CHECK(interaction_log(db, &ana, 1, "call", NULL, DIRTY(LINES_IN),
	    DIRTY(LINES_IN), &id, &err) == KITH_OK);
	CHECK(interaction_list(db, ana, 10, &in, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(in[0].summary, CLEAN(LINES_FLAT));
		CHECK_STR(in[0].body, CLEAN(LINES_KEPT));
	}
	interaction_list_free(in, n);
	CHECK_INT(interaction_log(db, &ana, 1, "call", NULL, "ok", BAD, &id,
	    &err), KITH_INVALID);
	CHECK(strncmp(err.msg, "body: invalid UTF-8", 19) == 0);
	CHECK_INT(interaction_log(db, &ana, 1, "call", NULL, BAD, NULL, &id,
	    &err), KITH_INVALID);
	CHECK(strncmp(err.msg, "summary: invalid UTF-8", 22) == 0);

	CHECK(followup_add(db, ana, DIRTY("call\n"), "2026-11-26", &id, &err)
	    == KITH_OK);
	CHECK(followup_get(db, id, &f, &err) == KITH_OK);
	if (f != NULL)
		CHECK_STR(f->action, CLEAN("call "));
	followup_free(f);
	CHECK_INT(followup_add(db, ana, BAD, "2026-11-26", &id, &err),
	    KITH_INVALID);
	CHECK(strncmp(err.msg, "action: invalid UTF-8", 21) == 0);

	CHECK(relation_link(db, ana, bob, "colleague", DIRTY("met at\r\n"),
	    &id, &err) == KITH_OK);
	CHECK(relation_list(db, ana, &r, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(r[0].note, CLEAN("met at "));
	relation_list_free(r, n);
	CHECK_INT(relation_link(db, ana, bob, "friend", BAD, &id, &err),
	    KITH_INVALID);
	CHECK(strncmp(err.msg, "note: invalid UTF-8", 19) == 0);
	test_db_done(db, path);
}

TEST_MAIN(test_contact_parts, test_contact_parts_refuse_bad_utf8,
    test_interaction_followup_relation)
