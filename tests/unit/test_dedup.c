/* SPDX-License-Identifier: MIT */
/*
 * Duplicate detection: name compatibility, and what dedup_find() and dedup_merge() decide against a
 * real database.
 */
#include "check.h"
#include "testdb.h"
#include "kith/contact.h"
#include "kith/dedup.h"

static void
test_names(void)
{
	CHECK(dedup_names_compatible("ana petrovic", "ana petrovic"));
	CHECK(dedup_names_compatible("bob whitfield", "robert whitfield"));
	CHECK(dedup_names_compatible("kate lindqvist", "katherine lindqvist"));
	CHECK(dedup_names_compatible("k lindqvist", "katherine lindqvist"));
	CHECK(!dedup_names_compatible("marija petrovic", "ana petrovic"));
	CHECK(!dedup_names_compatible("ana petrovic", "ana markovic"));
	CHECK(!dedup_names_compatible("ana", "bob"));
	CHECK(!dedup_names_compatible(NULL, "ana petrovic"));
	CHECK(!dedup_names_compatible("", ""));
}

static int64_t
store(struct kith_db *db, const char *name, const char *email,
    const char *phone, const char *nick)
{
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	contact_set(&c->nickname, nick);
	if (email)
		contact_add_email(c, email, NULL);
	if (phone)
		contact_add_phone(c, phone, NULL);
	CHECK(contact_insert(db, c, NULL) == KITH_OK);
	id = c->id;
	contact_free(c);
	return id;
}

static enum dedup_verdict
verdict_of(struct kith_db *db, const char *name, const char *email,
    const char *phone, int64_t *id)
{
	struct contact		*c = contact_new();
	struct dedup_filter	*f = NULL;
	enum dedup_verdict	 v, fv;
	const char		*why, *fwhy;
	int64_t			 fid;

	contact_set(&c->display, name);
	if (email)
		contact_add_email(c, email, NULL);
	if (phone)
		contact_add_phone(c, phone, NULL);
	CHECK(dedup_find(db, NULL, c, &v, id, &why, NULL) == KITH_OK);
	/* A filter of the stored keys changes nothing but the lookups. */
	CHECK(dedup_filter_new(db, &f, NULL) == KITH_OK);
	CHECK(dedup_find(db, f, c, &fv, &fid, &fwhy, NULL) == KITH_OK);
	CHECK(fv == v && fid == *id);
	dedup_filter_free(f);
	contact_free(c);
	return v;
}

static void
test_find_and_merge(void)
{
	struct kith_err	 err = { 0 };
	struct contact	*into, *c;
	struct kith_db	*db;
	int64_t		 ana, rob, zed, id;
	char		*path;
	int		 changed;

	setenv("KITH_REGION", "US", 1);
	db = test_db("dedup.db", &path);
	unsetenv("KITH_REGION");
	ana = store(db, "Ana Petrović", "ana.petrovic@example.com",
	    "+1 555-010-2233", NULL);
	rob = store(db, "Robert Whitfield", "rw@example.org",
	    "+1 (555) 010-0175", "Bob");

	CHECK(verdict_of(db, "A. P.", "ANA.PETROVIC@EXAMPLE.COM", NULL, &id)
	    == DEDUP_EMAIL);
	CHECK_INT(id, ana);
	/*
	 * The same address under a name with no word of Ana's is someone
	 * else at a shared mailbox: reported, not merged.  Her name in
	 * another order, with a new family name, or one word, merges.
	 */
	CHECK(verdict_of(db, "Bob Jones", "ana.petrovic@example.com", NULL,
	    &id) == DEDUP_REVIEW);
	CHECK_INT(id, ana);
	CHECK(verdict_of(db, "Petrović Ana", "ana.petrovic@example.com", NULL,
	    &id) == DEDUP_EMAIL);
	CHECK(verdict_of(db, "Ana Jones", "ana.petrovic@example.com", NULL,
	    &id) == DEDUP_EMAIL);
	CHECK(verdict_of(db, "Ana", "ana.petrovic@example.com", NULL, &id) ==
	    DEDUP_EMAIL);
	CHECK(verdict_of(db, NULL, "ana.petrovic@example.com", NULL, &id) ==
	    DEDUP_EMAIL);
	CHECK_INT(id, ana);
	CHECK(verdict_of(db, "Ana Petrovic", NULL, "5550102233", &id)
	    == DEDUP_PHONE);
	CHECK_INT(id, ana);
	CHECK(verdict_of(db, "Marija Petrović", NULL, "(555) 010-2233", &id)
	    == DEDUP_REVIEW);
	CHECK(verdict_of(db, "Bob Whitfield", NULL, "555 010 0175", &id)
	    == DEDUP_PHONE);
	CHECK_INT(id, rob);
	CHECK(verdict_of(db, "Ana Petrović", "ana.petrovic+news@example.com",
	    NULL, &id) == DEDUP_REVIEW);
	CHECK(verdict_of(db, "Robert Whitfield", "other@example.net", NULL,
	    &id) == DEDUP_REVIEW);
	CHECK(verdict_of(db, "Someone Else", "x@example.net", "555 010 9999",
	    &id) == DEDUP_NONE);
	/* A stored address with a +tag, met without it, in capitals. */
	zed = store(db, "Zed Tagger", "zed+work@Example.org", NULL, NULL);
	CHECK(verdict_of(db, "Zed T", "ZED@example.org", NULL, &id) ==
	    DEDUP_REVIEW);
	CHECK_INT(id, zed);
	CHECK(verdict_of(db, "Zed T", "zed+WORK@example.org", NULL, &id) ==
	    DEDUP_EMAIL);
	CHECK_INT(id, zed);

	/* Merging adds, and keeps a differing value beside the old one. */
	CHECK(contact_get(db, ana, &into, &err) == KITH_OK);
	contact_set(&into->title, "Partner");
	CHECK(contact_update(db, into, &err) == KITH_OK);
	c = contact_new();
	contact_set(&c->display, "Ana Petrovic");
	contact_set(&c->title, "Senior Partner");
	contact_set(&c->org, "Acme Legal");
	contact_add_email(c, "Ana.Petrovic@example.com", NULL);
	contact_add_email(c, "ana@home.example", "home");
	contact_add_phone(c, "555 010 2233", NULL);
	contact_add_tag(c, "client");
	CHECK(dedup_merge(db, into, c, "import 7", &changed, &err) == KITH_OK);
	CHECK(changed);
	contact_free(into);
	CHECK(contact_get(db, ana, &into, &err) == KITH_OK);
	CHECK_STR(into->display, "Ana Petrović");
	CHECK_STR(into->title, "Partner");
	CHECK_STR(into->org, "Acme Legal");
	CHECK_INT(into->n_emails, 2);
	CHECK_INT(into->n_phones, 1);
	CHECK_INT(into->n_tags, 1);
	CHECK_INT(into->n_custom, 1);
	if (into->n_custom == 1) {
		CHECK_STR(into->custom[0].key, "title (import 7)");
		CHECK_STR(into->custom[0].value, "Senior Partner");
	}
	/* The same row again changes nothing. */
	CHECK(dedup_merge(db, into, c, "import 7", &changed, &err) == KITH_OK);
	CHECK(!changed);
	contact_free(into);
	contact_free(c);
	test_db_done(db, path);
}

/*
 * A name stored with letters lost ('?' or U+FFFD, from an encoding that
 * could not hold them) is replaced when a re-import brings it intact, and
 * an intact name is not spoiled by a damaged one.
 */
static void
test_merge_better(void)
{
	static const struct {
		const char	*stored, *incoming, *want;
		int		 changed;
	} cases[] = {
		{ "Ana Petrovi?", "Ana Petrović", "Ana Petrović", 1 },
		{ "Ana Petrovi\xef\xbf\xbd", "Ana Petrović", "Ana Petrović",
		    1 },
		/* Each byte of the letter became a mark. */
		{ "Ana Petrovi\xef\xbf\xbd\xef\xbf\xbd", "Ana Petrović",
		    "Ana Petrović", 1 },
		{ "J?rgen M?ller", "Jürgen Müller", "Jürgen Müller", 1 },
		{ "Ana Petrović", "Ana Petrovi?", "Ana Petrović", 0 },
		/* A mark never stands for an ASCII letter. */
		{ "Ana Petrovi?", "Ana Petrovic", "Ana Petrovi?", 1 },
	};
	struct kith_err	 err = { 0 };
	struct contact	*into, *c;
	struct kith_db	*db;
	char		*path, email[64];
	int64_t		 id;
	size_t		 i;
	int		 changed;

	db = test_db("dedup-better.db", &path);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(email, sizeof email, "p%zu@example.com", i);
		id = store(db, cases[i].stored, email, NULL, NULL);
		CHECK(contact_get(db, id, &into, &err) == KITH_OK);
		c = contact_new();
		contact_set(&c->display, cases[i].incoming);
		contact_add_email(c, email, NULL);
		CHECK(dedup_merge(db, into, c, "import 2", &changed, &err)
		    == KITH_OK);
		CHECK_INT(changed, cases[i].changed);
		contact_free(into);
		CHECK(contact_get(db, id, &into, &err) == KITH_OK);
		if (strcmp(into->display, cases[i].want) != 0)
			fprintf(stderr, "case %zu: %s\n", i, into->display);
		CHECK_STR(into->display, cases[i].want);
		contact_free(into);
		contact_free(c);
	}
	test_db_done(db, path);
}

/*
 * A re-import merges the department (kept when it differs, better when
 * it was damaged), dated events and messaging handles like other lists:
 * nothing twice, a damaged handle replaced, a missing service filled in.
 */
static void
test_merge_fields(void)
{
	struct kith_err	 err = { 0 };
	struct contact	*into, *c;
	struct kith_db	*db;
	char		*path;
	int64_t		 id;
	int		 changed;

	db = test_db("dedup-fields.db", &path);
	id = store(db, "Ana Petrović", "ana@example.com", NULL, NULL);
	CHECK(contact_get(db, id, &into, &err) == KITH_OK);
	contact_set(&into->department, "Porez?");
	contact_add_date(into, "anniversary", "--06-28");
	contact_add_im(into, NULL, "ana.p", NULL);
	contact_add_im(into, "Jabber", "ana?@jabber.example", NULL);
	CHECK(contact_update(db, into, &err) == KITH_OK);
	contact_free(into);

	c = contact_new();
	contact_set(&c->display, "Ana Petrović");
	contact_add_email(c, "ana@example.com", NULL);
	contact_set(&c->department, "Porezć");
	contact_add_date(c, "Anniversary", "--06-28");	/* the same */
	contact_add_date(c, "client since", "2015-03-01");
	contact_add_im(c, "Skype", "Ana.P", "work");	/* the same */
	contact_add_im(c, "Jabber", "anač@jabber.example", NULL);
	contact_add_im(c, "ICQ", "12345", NULL);
	CHECK(contact_get(db, id, &into, &err) == KITH_OK);
	CHECK(dedup_merge(db, into, c, "import 2", &changed, &err) ==
	    KITH_OK);
	CHECK_INT(changed, 1);
	contact_free(into);
	CHECK(contact_get(db, id, &into, &err) == KITH_OK);
	CHECK_STR(into->department, "Porezć");
	CHECK_INT(into->n_dates, 2);
	CHECK_STR(into->dates[1].label, "client since");
	CHECK_INT(into->n_ims, 3);
	CHECK_STR(into->ims[0].service, "Skype");
	CHECK_STR(into->ims[0].handle, "ana.p");
	CHECK_STR(into->ims[0].label, "work");
	CHECK_STR(into->ims[1].handle, "anač@jabber.example");
	CHECK_STR(into->ims[2].service, "ICQ");
	CHECK_INT(into->n_custom, 0);
	/* Again: nothing new. */
	CHECK(dedup_merge(db, into, c, "import 3", &changed, &err) ==
	    KITH_OK);
	CHECK_INT(changed, 0);
	/* Another department is kept beside, not lost. */
	contact_set(&c->department, "Sales");
	CHECK(dedup_merge(db, into, c, "import 4", &changed, &err) ==
	    KITH_OK);
	CHECK_INT(changed, 1);
	CHECK_STR(into->department, "Porezć");
	CHECK(into->n_custom == 1 &&
	    strcmp(into->custom[0].key, "department (import 4)") == 0);
	contact_free(into);
	contact_free(c);
	test_db_done(db, path);
}

TEST_MAIN(test_names, test_find_and_merge, test_merge_better,
    test_merge_fields)
