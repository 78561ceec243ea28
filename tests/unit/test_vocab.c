/* SPDX-License-Identifier: MIT */
/*
 * The vocabularies of kith/vocab.h against the places that cannot take
 * them from there: the schema's CHECK on interaction.kind must list
 * exactly the interaction kinds, in any order, and every kind must be
 * accepted by the core and stored.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"
#include "kith/interaction.h"
#include "kith/vocab.h"

static size_t	 check_list(const char *, char [][32], size_t);
static void	 test_schema_kinds(void);
static void	 test_core_kinds(void);

/*
 * The quoted names of the first "kind IN (...)" list in sql, into names
 * (at most max); returns how many.
 */
static size_t
check_list(const char *sql, char names[][32], size_t max)
{
	const char	*p, *end, *q;
	size_t		 n = 0, len;

	if ((p = strstr(sql, "kind IN")) == NULL ||
	    (p = strchr(p, '(')) == NULL || (end = strchr(p, ')')) == NULL)
		return 0;
	while (n < max && (p = memchr(p, '\'', (size_t)(end - p))) != NULL) {
		q = memchr(p + 1, '\'', (size_t)(end - p - 1));
		if (q == NULL)
			break;
		len = (size_t)(q - p - 1);
		if (len >= sizeof names[0])
			len = sizeof names[0] - 1;
		memcpy(names[n], p + 1, len);
		names[n++][len] = '\0';
		p = q + 1;
	}
	return n;
}

static void
test_schema_kinds(void)
{
	struct kith_db	*db;
	sqlite3_stmt	*stmt;
	char		*path, names[16][32];
	size_t		 n, i, j;
	int		 found;

	db = test_db("vocab.db", &path);
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT sql FROM "
	    "sqlite_master WHERE type = 'table' AND name = 'interaction'", -1,
	    &stmt, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	n = check_list((const char *)sqlite3_column_text(stmt, 0), names, 16);
	sqlite3_finalize(stmt);

	CHECK_INT(n, KITH_INTERACTION_KIND_COUNT);
	for (i = 0; i < KITH_INTERACTION_KIND_COUNT; i++) {
		for (found = 0, j = 0; j < n; j++)
			found |= strcmp(names[j], interaction_kinds[i]) == 0;
		if (!found)
			fprintf(stderr, "kind %s is not in the schema's CHECK\n",
			    interaction_kinds[i]);
		CHECK(found);
	}
	test_db_done(db, path);
}

static void
test_core_kinds(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	char		*path;
	int64_t		 who;
	size_t		 i;

	db = test_db("vocab2.db", &path);
	c = contact_new();
	contact_set(&c->display, "Ana");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	who = c->id;
	contact_free(c);
	for (i = 0; i < KITH_INTERACTION_KIND_COUNT; i++) {
		CHECK(interaction_kind_valid(interaction_kinds[i]));
		if (interaction_log(db, &who, 1, interaction_kinds[i],
		    "2020-01-01", "x", NULL, NULL, &err) != KITH_OK)
			fprintf(stderr, "%s: %s\n", interaction_kinds[i],
			    err.msg);
		CHECK(err.msg[0] == '\0');
	}
	CHECK(!interaction_kind_valid("fax"));
	CHECK(interaction_log(db, &who, 1, "fax", NULL, "x", NULL, NULL,
	    &err) == KITH_INVALID);
	CHECK(strstr(err.msg, KITH_INTERACTION_KINDS) != NULL);
	CHECK_STR(KITH_INTERACTION_KINDS, "call, meeting, email, note, event");
	CHECK(interaction_kind_valid(KITH_INTERACTION_KIND_DEFAULT));
	test_db_done(db, path);
}

TEST_MAIN(test_schema_kinds, test_core_kinds)
