/* SPDX-License-Identifier: MIT */
/*
 * The loose name matcher (match.h): a table of pairs that must match by a
 * given rule and of false friends that must not; keys; organisation keys;
 * the user's nickname file; match_find through the indexes, aliases
 * included; the search finding transliteration variants and nicknames.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "kith/alias.h"
#include "kith/contact.h"
#include "kith/match.h"
#include "kith/search.h"
#include "kith/text.h"

static const struct pair {
	const char	*a, *b;
	enum match_kind	 kind;
	enum match_rule	 rule;		/* MATCH_NONE: must not match */
	int		 partial;
} pairs[] = {
	/* Case and accents. */
	{ "Ana Petrović", "ana petrovic", MATCH_PERSON, MATCH_EXACT, 0 },
	{ "MÜLLER Hans", "Muller Hans", MATCH_PERSON, MATCH_EXACT, 0 },
	/* Scripts and spelling variants of a transliteration. */
	{ "Petrovic", "Petrović", MATCH_PERSON, MATCH_EXACT, 0 },
	{ "Petrovic", "Петровић", MATCH_PERSON, MATCH_EXACT, 0 },
	{ "Petrović", "Петровић", MATCH_PERSON, MATCH_EXACT, 0 },
	{ "Petrovich", "Петровић", MATCH_PERSON, MATCH_TRANSLIT, 0 },
	{ "alexei", "Алексей", MATCH_PERSON, MATCH_TRANSLIT, 0 },
	{ "aleksei", "Алексей", MATCH_PERSON, MATCH_TRANSLIT, 0 },
	{ "aleksej", "Алексей", MATCH_PERSON, MATCH_EXACT, 0 },
	{ "alexey", "Алексей", MATCH_PERSON, MATCH_TRANSLIT, 0 },
	{ "Alexey Smirnov", "Алексей Смирнов", MATCH_PERSON, MATCH_TRANSLIT,
	    0 },
	{ "Natalya", "Natalia", MATCH_PERSON, MATCH_TRANSLIT, 0 },
	{ "Dmitry", "Дмитрий", MATCH_PERSON, MATCH_TRANSLIT, 0 },
	{ "Djordjevic", "Đorđević", MATCH_PERSON, MATCH_TRANSLIT, 0 },
	{ "Yelena", "Елена", MATCH_PERSON, MATCH_TRANSLIT, 0 },
	{ "Alexandros", "Αλέξανδρος", MATCH_PERSON, MATCH_EXACT, 0 },
	{ "Aleksandros", "Αλέξανδρος", MATCH_PERSON, MATCH_TRANSLIT, 0 },
	/* Nicknames. */
	{ "Bob Smith", "Robert Smith", MATCH_PERSON, MATCH_NICKNAME, 0 },
	{ "Bill Gates", "William Gates", MATCH_PERSON, MATCH_NICKNAME, 0 },
	{ "Kate", "Katherine", MATCH_PERSON, MATCH_NICKNAME, 0 },
	{ "Sasha", "Aleksandr", MATCH_PERSON, MATCH_NICKNAME, 0 },
	{ "Саша", "Alexander", MATCH_PERSON, MATCH_NICKNAME, 0 },
	{ "Alex", "Alexandra", MATCH_PERSON, MATCH_NICKNAME, 0 },
	/* Initials, order and commas. */
	{ "J. Smith", "John Smith", MATCH_PERSON, MATCH_INITIALS, 0 },
	{ "John R. Smith", "John Robert Smith", MATCH_PERSON,
	    MATCH_INITIALS, 0 },
	{ "Smith, John", "John Smith", MATCH_PERSON, MATCH_EXACT, 0 },
	{ "Smith John", "John Smith", MATCH_PERSON, MATCH_EXACT, 0 },
	{ "Smith, J.", "John Smith", MATCH_PERSON, MATCH_INITIALS, 0 },
	{ "John Smith, Jr.", "John Smith", MATCH_PERSON, MATCH_EXACT, 0 },
	{ "Dr. John Smith", "John Smith", MATCH_PERSON, MATCH_EXACT, 0 },
	/* Sounds alike: the weakest. */
	{ "Smyth", "Smith", MATCH_PERSON, MATCH_SOUNDS, 0 },
	{ "John Smyth", "John Smith", MATCH_PERSON, MATCH_SOUNDS, 0 },
	/* One word against a name. */
	{ "Petrovic", "Ana Петровић", MATCH_PERSON, MATCH_EXACT, 1 },
	{ "alexei", "Алексей Смирнов", MATCH_PERSON, MATCH_TRANSLIT, 1 },
	/* False friends. */
	{ "Ana", "Anatoly", MATCH_PERSON, MATCH_NONE, 0 },
	{ "Ivan", "Ivana", MATCH_PERSON, MATCH_NONE, 0 },
	{ "Ivan Petrov", "Ivana Petrov", MATCH_PERSON, MATCH_NONE, 0 },
	{ "Alexander", "Alexandra", MATCH_PERSON, MATCH_NONE, 0 },
	{ "Jon", "Jan", MATCH_PERSON, MATCH_NONE, 0 },
	{ "John Smith", "Jane Smith", MATCH_PERSON, MATCH_NONE, 0 },
	{ "J. Smith", "K. Smith", MATCH_PERSON, MATCH_NONE, 0 },
	{ "John Smith", "John Smart", MATCH_PERSON, MATCH_NONE, 0 },
	{ "Ana Petrović", "Ana Petrov", MATCH_PERSON, MATCH_NONE, 0 },
	{ "Mark", "Marko Petrović", MATCH_PERSON, MATCH_NONE, 0 },
	{ "", "Ana", MATCH_PERSON, MATCH_NONE, 0 },
	/* Organisations. */
	{ "Acme Inc.", "ACME", MATCH_ORG, MATCH_SUFFIX, 0 },
	{ "The Acme Corporation", "Acme Corp", MATCH_ORG, MATCH_SUFFIX, 0 },
	{ "Smith & Jones LLP", "Smith and Jones", MATCH_ORG, MATCH_SUFFIX,
	    0 },
	{ "Beta d.o.o.", "Beta", MATCH_ORG, MATCH_SUFFIX, 0 },
	{ "ООО Ромашка", "Romashka", MATCH_ORG, MATCH_NONE, 0 },
	{ "Ромашка ООО", "Romashka", MATCH_ORG, MATCH_SUFFIX, 0 },
	{ "Banco S.A.", "Banco", MATCH_ORG, MATCH_SUFFIX, 0 },
	{ "Müller GmbH", "Muller", MATCH_ORG, MATCH_SUFFIX, 0 },
	{ "Acme Co., Ltd.", "Acme", MATCH_ORG, MATCH_SUFFIX, 0 },
	{ "Northbridge Bank", "Northbridge Bank", MATCH_ORG, MATCH_EXACT, 0 },
	{ "Acme", "Acme Legal", MATCH_ORG, MATCH_NONE, 0 },
	{ "The Co", "Co", MATCH_ORG, MATCH_SUFFIX, 0 },
	{ "Beta LLC", "Delta LLC", MATCH_ORG, MATCH_NONE, 0 },
};

static void
test_pairs(void)
{
	struct kith_text	*t = text_new(NULL);
	struct match		*m = match_new(t);
	struct match_result	 r, r2;
	struct kith_err		 err = { 0 };
	size_t			 i;

	for (i = 0; i < sizeof pairs / sizeof pairs[0]; i++) {
		CHECK(match_names(m, pairs[i].a, pairs[i].b, pairs[i].kind,
		    &r, &err) == KITH_OK);
		/* Symmetric. */
		CHECK(match_names(m, pairs[i].b, pairs[i].a, pairs[i].kind,
		    &r2, &err) == KITH_OK);
		if (r.rule != pairs[i].rule || r2.rule != r.rule ||
		    r.partial != pairs[i].partial)
			fprintf(stderr, "'%s' ~ '%s': %s/%s partial %d\n",
			    pairs[i].a, pairs[i].b, match_rule_name(r.rule),
			    match_rule_name(r2.rule), r.partial);
		CHECK_INT(r.rule, pairs[i].rule);
		CHECK_INT(r2.rule, pairs[i].rule);
		CHECK_INT(r.partial, pairs[i].partial);
		CHECK_INT(r.grade == 0, pairs[i].rule == MATCH_NONE);
	}
	/* Grades: the rule's, less for order and for a partial hit. */
	CHECK(match_names(m, "Smith, John", "John Smith", MATCH_PERSON, &r,
	    &err) == KITH_OK);
	CHECK_INT(r.grade, 95);
	CHECK_INT(r.reordered, 1);
	CHECK(match_names(m, "Smyth", "Smith", MATCH_PERSON, &r, &err)
	    == KITH_OK);
	CHECK_INT(r.grade, 50);
	CHECK(match_names(m, "Petrovic", "Ana Petrović", MATCH_PERSON, &r,
	    &err) == KITH_OK);
	CHECK_INT(r.grade, 80);
	CHECK(match_names(m, "\xff", "Ana", MATCH_PERSON, &r, &err)
	    == KITH_INVALID);
	match_free(m);
	text_free(t);
}

static void
test_keys(void)
{
	static const char *const same[][2] = {
		{ "alexei", "aleksei" }, { "alexey", "aleksej" },
		{ "tatyana", "tatjana" }, { "tatiana", "tatyana" },
		{ "yuri", "jurij" }, { "petrovich", "petrovic" },
		{ "petrovitch", "petrovic" }, { "mikhail", "mihail" },
		{ "zhukov", "zukov" }, { "shostakovich", "sostakovic" },
		{ "tsvetkov", "cvetkov" }, { "filipp", "filip" },
	};
	static const char *const differ[][2] = {
		{ "ana", "anna" }, { "ivan", "ivana" }, { "smith", "smyth" },
		{ "jan", "jon" },
	};
	char	*a, *b;
	size_t	 i;

	for (i = 0; i < sizeof same / sizeof same[0]; i++) {
		a = match_key(same[i][0]);
		b = match_key(same[i][1]);
		if (strcmp(a, b) != 0)
			fprintf(stderr, "%s -> %s, %s -> %s\n", same[i][0], a,
			    same[i][1], b);
		CHECK_STR(a, b);
		free(a);
		free(b);
	}
	for (i = 0; i < sizeof differ / sizeof differ[0]; i++) {
		a = match_key(differ[i][0]);
		b = match_key(differ[i][1]);
		CHECK(strcmp(a, b) != 0);
		free(a);
		free(b);
	}
	a = match_sound("smith");
	CHECK_STR(a, "smt");
	free(a);
	a = match_sound("smyth");
	CHECK_STR(a, "smt");
	free(a);
	a = match_sound("ivana");
	CHECK_STR(a, "ifna");
	free(a);
	a = match_sound("jo");
	CHECK_STR(a, "");
	free(a);
}

static void
test_org_key_and_variants(void)
{
	struct kith_text	*t = text_new(NULL);
	struct match		*m = match_new(t);
	struct kith_err		 err = { 0 };
	char			*key, **v;
	size_t			 n, i;
	int			 robert = 0, order = 0;

	CHECK(match_org_key(m, "The Acme Co., Ltd.", &key, &err) == KITH_OK);
	CHECK_STR(key, "acme");
	free(key);
	CHECK(match_org_key(m, "Smith & Jones, LLP", &key, &err) == KITH_OK);
	CHECK_STR(key, "smith and iones");
	free(key);
	CHECK(match_variants(m, "Smith, Bob", MATCH_PERSON, &v, &n, &err)
	    == KITH_OK);
	CHECK_STR(v[0], "bob smith");
	for (i = 0; i < n; i++) {
		robert |= strcmp(v[i], "robert smith") == 0;
		order |= strcmp(v[i], "smith bob") == 0;
	}
	CHECK(robert);
	CHECK(order);
	match_variants_free(v, n);
	match_free(m);
	text_free(t);
}

/* A user's file adds groups; a missing one fails with its name. */
static void
test_user_file(void)
{
	struct kith_text	*t = text_new(NULL);
	struct match		*m = match_new(t);
	struct match_result	 r;
	struct kith_err		 err = { 0 };
	char			*path = test_path("nicknames.txt");
	FILE			*fp;

	CHECK(match_names(m, "Bart", "Bartholomew", MATCH_PERSON, &r, &err)
	    == KITH_OK);
	CHECK_INT(r.rule, MATCH_NONE);
	CHECK((fp = fopen(path, "w")) != NULL);
	fputs("# mine\nbartholomew, bart  # Bart\nЖеня zhenya\n", fp);
	fclose(fp);
	CHECK(match_load_file(m, path, &err) == KITH_OK);
	CHECK(match_names(m, "Bart", "Bartholomew", MATCH_PERSON, &r, &err)
	    == KITH_OK);
	CHECK_INT(r.rule, MATCH_NICKNAME);
	CHECK(match_names(m, "Bob", "Robert", MATCH_PERSON, &r, &err)
	    == KITH_OK);
	CHECK_INT(r.rule, MATCH_NICKNAME);
	remove(path);
	CHECK(match_load_file(m, path, &err) == KITH_IO);
	CHECK(strstr(err.msg, "nicknames.txt") != NULL);
	free(path);
	match_free(m);
	text_free(t);
}

static int64_t
add(struct kith_db *db, const char *name, const char *org)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	if (org != NULL)
		contact_set(&c->org, org);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	id = c->id;
	contact_free(c);
	return id;
}

/* The rule of the hit for id among the hits for name, or MATCH_NONE. */
static enum match_rule
found(struct kith_db *db, const char *name, enum match_kind kind,
    int64_t id)
{
	struct kith_err		 err = { 0 };
	struct match_hit	*h;
	enum match_rule		 r = MATCH_NONE;
	size_t			 n, i;

	CHECK(match_find(db, name, kind, 50, &h, &n, &err) == KITH_OK);
	for (i = 0; i < n; i++)
		if (h[i].id == id)
			r = h[i].res.rule;
	match_hits_free(h, n);
	return r;
}

static int64_t
count(struct kith_db *db, const char *q)
{
	struct kith_err	 err = { 0 };
	int64_t		 n = -1;

	CHECK(search_count(db, q, 0, &n, &err) == KITH_OK);
	return n;
}

static void
test_find(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path, **names;
	size_t		 n;
	int64_t		 alexei, robert, smith, ana, anatoly, acme, org;

	db = test_db("match.db", &path);
	alexei = add(db, "Алексей Смирнов", NULL);
	robert = add(db, "Robert Smith", "Acme Inc.");
	smith = add(db, "Jane Smyth", NULL);
	ana = add(db, "Ana Petrović", NULL);
	anatoly = add(db, "Anatoly Karpov", NULL);
	CHECK_INT(found(db, "alexei smirnov", MATCH_PERSON, alexei),
	    MATCH_TRANSLIT);
	CHECK_INT(found(db, "Alexey", MATCH_PERSON, alexei), MATCH_TRANSLIT);
	CHECK_INT(found(db, "Bob Smith", MATCH_PERSON, robert),
	    MATCH_NICKNAME);
	CHECK_INT(found(db, "Smith, R.", MATCH_PERSON, robert),
	    MATCH_INITIALS);
	CHECK_INT(found(db, "Jane Smith", MATCH_PERSON, smith), MATCH_SOUNDS);
	CHECK_INT(found(db, "Петровић", MATCH_PERSON, ana), MATCH_EXACT);
	CHECK_INT(found(db, "Ana", MATCH_PERSON, anatoly), MATCH_NONE);

	/* An alias: a maiden name. */
	CHECK_INT(found(db, "Ana Jovanović", MATCH_PERSON, ana), MATCH_NONE);
	CHECK(alias_add(db, ALIAS_CONTACT, ana, "Ana Jovanović", &err)
	    == KITH_OK);
	CHECK(alias_add(db, ALIAS_CONTACT, ana, "ana jovanovic", &err)
	    == KITH_EXISTS);
	CHECK(alias_add(db, ALIAS_CONTACT, ana, "Ana Petrovic", &err)
	    == KITH_EXISTS);
	CHECK(alias_add(db, ALIAS_CONTACT, 999, "X", &err) == KITH_NOTFOUND);
	CHECK_INT(found(db, "Ana Jovanovic", MATCH_PERSON, ana), MATCH_ALIAS);
	CHECK_INT(count(db, "jovanov"), 1);
	CHECK(alias_list(db, ALIAS_CONTACT, ana, &names, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	CHECK_STR(names[0], "Ana Jovanović");
	alias_list_free(names, n);
	CHECK(alias_remove(db, ALIAS_CONTACT, ana, "ANA JOVANOVIC", &err)
	    == KITH_OK);
	CHECK(alias_remove(db, ALIAS_CONTACT, ana, "ANA JOVANOVIC", &err)
	    == KITH_NOTFOUND);
	CHECK_INT(count(db, "jovanov"), 0);

	/* Organisations by key, and by a former name. */
	CHECK(org_resolve(db, "ACME", &acme, NULL, &err) == KITH_OK);
	CHECK_INT(found(db, "The Acme Corporation", MATCH_ORG, acme),
	    MATCH_SUFFIX);
	CHECK_INT(found(db, "Acme Inc.", MATCH_ORG, acme), MATCH_EXACT);
	CHECK(alias_add(db, ALIAS_ORG, acme, "Roadrunner Traps Ltd", &err)
	    == KITH_OK);
	CHECK_INT(found(db, "Roadrunner Traps", MATCH_ORG, acme),
	    MATCH_ALIAS);
	CHECK(org_resolve(db, "roadrunner traps", &org, NULL, &err)
	    == KITH_OK);
	CHECK_INT(org, acme);
	CHECK(org_resolve(db, "Wile E", &org, NULL, &err) == KITH_NOTFOUND);

	/* The search: variants and nicknames as whole words. */
	CHECK_INT(count(db, "alexei"), 1);
	CHECK_INT(count(db, "alexey smirnov"), 1);
	CHECK_INT(count(db, "bob"), 1);
	CHECK_INT(count(db, "ana"), 2);		/* prefix: Anatoly too */
	CHECK_INT(count(db, "petrovich"), 1);
	test_db_done(db, path);
}

TEST_MAIN(test_pairs, test_keys, test_org_key_and_variants, test_user_file,
    test_find)
