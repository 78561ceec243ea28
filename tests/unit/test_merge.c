/* SPDX-License-Identifier: MIT */
/*
 * contact_merge (dupes.h): every child row of both contacts is kept,
 * counted table by table; undo restores the whole database exactly (a
 * dump of every table compared); merging with itself or with nobody is
 * refused.  dupes_find and dupes_not_same on a small book.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "testsql.h"
#include "kith/alias.h"
#include "kith/contact.h"
#include "kith/dupes.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/journal.h"
#include "kith/relation.h"
#include "kith/util.h"

static int64_t
person(struct kith_db *db, const char *name, const char *email,
    const char *shared, const char *phone, const char *tag,
    const char *title)
{
	struct kith_err		 err = { 0 };
	struct contact		*c = contact_new();
	struct contact_address	 a = { 0 };
	int64_t			 id;
	char			*url = xasprintf("https://%s.example", tag);

	contact_set(&c->display, name);
	contact_set(&c->title, title);
	contact_add_email(c, email, NULL);
	if (shared != NULL)
		contact_add_email(c, shared, NULL);
	contact_add_phone(c, phone, NULL);
	a.city = (char *)name;
	contact_add_address(c, &a);
	contact_add_url(c, url, NULL);
	contact_add_custom(c, "source", name);
	contact_add_tag(c, "common");
	contact_add_tag(c, tag);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	id = c->id;
	contact_free(c);
	free(url);
	return id;
}

static int64_t
count(struct kith_db *db, const char *table, const char *col, int64_t id)
{
	sqlite3_stmt	*stmt;
	char		*sql = xasprintf("SELECT count(*) FROM %s WHERE %s = %lld",
			    table, col, (long long)id);
	int64_t		 n = -1;

	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), sql, -1, &stmt, NULL)
	    == SQLITE_OK);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	free(sql);
	return n;
}

static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every row of every table but the journal and the search index. */
static char *
dump(struct kith_db *db)
{
	struct sbuf	 out = { 0 };
	sqlite3_stmt	*tabs, *stmt;
	char		*sql, **rows = NULL;
	size_t		 n, i;
	int		 c;

	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT name FROM "
	    "sqlite_schema WHERE type = 'table' AND name NOT LIKE "
	    "'contact_fts%' AND name NOT LIKE 'sqlite_%' AND name <> "
	    "'journal' ORDER BY name", -1, &tabs, NULL) == SQLITE_OK);
	while (sqlite3_step(tabs) == SQLITE_ROW) {
		sql = xasprintf("SELECT * FROM \"%s\"",
		    (const char *)sqlite3_column_text(tabs, 0));
		CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), sql, -1, &stmt,
		    NULL) == SQLITE_OK);
		n = 0;
		while (sqlite3_step(stmt) == SQLITE_ROW) {
			struct sbuf row = { 0 };

			for (c = 0; c < sqlite3_column_count(stmt); c++)
				sbuf_printf(&row, "%s|", sqlite3_column_type(
				    stmt, c) == SQLITE_NULL ? "NULL" :
				    (const char *)sqlite3_column_text(stmt, c));
			rows = xreallocarray(rows, n + 1, sizeof *rows);
			rows[n++] = sbuf_detach(&row);
		}
		sqlite3_finalize(stmt);
		qsort(rows, n, sizeof *rows, str_cmp);
		sbuf_printf(&out, "[%s]\n", sqlite3_column_text(tabs, 0));
		for (i = 0; i < n; i++) {
			sbuf_printf(&out, "%s\n", rows[i]);
			free(rows[i]);
		}
		free(sql);
	}
	sqlite3_finalize(tabs);
	free(rows);
	return sbuf_detach(&out);
}

static void
test_merge_keeps_all(void)
{
	struct kith_err		 err = { 0 };
	struct journal_entry	 done = { 0 };
	struct kith_db		*db;
	char			*path, *before, *after;
	int64_t			 k, o, t, who[2], deal;

	db = test_db("merge.db", &path);
	k = person(db, "Robert Lin", "robert@bank.example", "rl@x.example",
	    "+44 20 7946 0124", "keep", "Head of Trade Finance");
	o = person(db, "Bob Lin", "bob@example.com", "RL@x.example",
	    "+44 7700 900999", "other", "Banker");
	t = person(db, "Third Person", "t@example.com", NULL,
	    "+44 7700 900998", "third", NULL);
	CHECK(alias_add(db, ALIAS_CONTACT, k, "Robbie Lin", &err) == KITH_OK);
	CHECK(alias_add(db, ALIAS_CONTACT, o, "Bobby Lin", &err) == KITH_OK);
	CHECK(relation_link(db, k, o, "sibling of", NULL, NULL, &err)
	    == KITH_OK);
	CHECK(relation_link(db, o, t, "friend", NULL, NULL, &err) == KITH_OK);
	CHECK(relation_link(db, t, o, "referred by", NULL, NULL, &err)
	    == KITH_OK);
	who[0] = o;
	CHECK(interaction_log(db, who, 1, "call", "2026-01-05", "alone",
	    NULL, NULL, &err) == KITH_OK);
	who[1] = k;
	CHECK(interaction_log(db, who, 2, "meeting", "2026-01-06", "both",
	    NULL, NULL, &err) == KITH_OK);
	who[1] = t;
	CHECK(interaction_log(db, who, 2, "meeting", "2026-01-07", "with t",
	    NULL, NULL, &err) == KITH_OK);
	CHECK(followup_add(db, o, "call back", "2026-02-01", NULL, &err)
	    == KITH_OK);
	sql_exec(db, "INSERT INTO deal (title, stage_id, created, updated) "
	    "VALUES ('Lin matter', 1, 0, 0)");
	deal = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	{
		char *sql = xasprintf("INSERT INTO deal_contact (deal_id, "
		    "contact_id, role) VALUES (%lld, %lld, 'client'); UPDATE "
		    "deal SET originator_id = %lld, responsible_id = %lld",
		    (long long)deal, (long long)o, (long long)o, (long long)k);

		sql_exec(db, sql);
		free(sql);
	}
	before = dump(db);

	CHECK(contact_merge(db, k, k, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "itself") != NULL);
	CHECK(contact_merge(db, k, 999, &err) == KITH_NOTFOUND);
	CHECK(contact_merge(db, 999, k, &err) == KITH_NOTFOUND);
	after = dump(db);
	CHECK_STR(after, before);
	free(after);

	CHECK(contact_merge(db, k, o, &err) == KITH_OK);
	CHECK_INT(count(db, "contact", "id", o), 0);
	/* Table by table: keep's rows plus other's, a shared one once. */
	CHECK_INT(count(db, "email", "contact_id", k), 3);	/* rl@ once */
	CHECK_INT(count(db, "phone", "contact_id", k), 2);
	CHECK_INT(count(db, "address", "contact_id", k), 2);
	CHECK_INT(count(db, "url", "contact_id", k), 2);
	/* Both "source" fields, and other's title beside keep's. */
	CHECK_INT(count(db, "custom_field", "contact_id", k), 3);
	CHECK_INT(count(db, "contact_tag", "contact_id", k), 3);
	/* Both aliases and other's name. */
	CHECK_INT(count(db, "contact_alias", "contact_id", k), 3);
	CHECK_INT(count(db, "interaction_contact", "contact_id", k), 3);
	CHECK_INT(count(db, "interaction", "1", 1), 3);
	CHECK_INT(count(db, "followup", "contact_id", k), 1);
	/* The link between the two is gone; both with Third are kept. */
	CHECK_INT(count(db, "relation", "a", k) + count(db, "relation", "b",
	    k), 2);
	CHECK_INT(count(db, "deal_contact", "contact_id", k), 1);
	CHECK_INT(count(db, "deal", "originator_id", k), 1);
	CHECK_INT(count(db, "deal", "responsible_id", k), 1);
	/* Positions go on after keep's. */
	CHECK_INT(count(db, "email", "pos", 0), 2);	/* keep's, Third's */
	/* Nothing points at the other any more. */
	CHECK_INT(count(db, "email", "contact_id", o) + count(db, "phone",
	    "contact_id", o) + count(db, "contact_tag", "contact_id", o) +
	    count(db, "interaction_contact", "contact_id", o) +
	    count(db, "relation", "a", o) + count(db, "relation", "b", o), 0);

	CHECK(journal_undo_last(db, &done, &err) == KITH_OK);
	CHECK(strstr(done.label, "merged Bob Lin into Robert Lin") != NULL);
	journal_entry_clear(&done);
	after = dump(db);
	CHECK_STR(after, before);
	free(after);
	free(before);
	test_db_done(db, path);
}

static void
test_find_and_not_same(void)
{
	struct kith_err		 err = { 0 };
	struct dupe_pair	*p;
	struct kith_db		*db;
	struct contact		*c;
	char			*path;
	size_t			 n;
	int64_t			 a, b, x, y;

	db = test_db("dupes.db", &path);
	a = person(db, "Robert Smith", "r@acme.example", NULL, "+1 212 555 0101",
	    "a", NULL);
	b = person(db, "Bob Smith", "bob@home.example", NULL, "+1 212 555 0102",
	    "b", NULL);
	x = person(db, "Jane Doe", "jd@x.example", "same@x.example",
	    "+1 212 555 0103", "x", NULL);
	y = person(db, "J. Doe", "j@y.example", "SAME@x.example",
	    "+1 212 555 0104", "y", NULL);
	/* One firm, written two ways: the same key. */
	CHECK(contact_get(db, a, &c, &err) == KITH_OK);
	contact_set(&c->org, "Acme Inc.");
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);
	CHECK(contact_get(db, b, &c, &err) == KITH_OK);
	contact_set(&c->org, "ACME");
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);

	CHECK(dupes_find(db, 10, &p, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_INT(p[0].a, x);
		CHECK_INT(p[0].b, y);
		CHECK_INT(p[0].score, 95);
		CHECK_STR(p[0].reason, "same e-mail same@x.example");
		CHECK_INT(p[1].a, a);
		CHECK_INT(p[1].b, b);
		CHECK_INT(p[1].score, 60);
		CHECK_STR(p[1].reason, "nickname at Acme Inc.");
	}
	dupe_pairs_free(p, n);
	CHECK(dupes_not_same(db, y, x, &err) == KITH_OK);
	CHECK(dupes_not_same(db, x, y, &err) == KITH_OK);
	CHECK(dupes_not_same(db, x, x, &err) == KITH_INVALID);
	CHECK(dupes_not_same(db, x, 999, &err) == KITH_NOTFOUND);
	CHECK(strstr(err.msg, "999") != NULL);
	CHECK(dupes_find(db, 10, &p, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	dupe_pairs_free(p, n);
	test_db_done(db, path);
}

/*
 * Per-field choice: the name and the title taken from other, keep's
 * replaced title kept as a custom field, keep's old name an alias; a
 * field other lacks stays keep's; undo gives both back.
 */
static void
test_merge_take(void)
{
	struct kith_err		 err = { 0 };
	struct journal_entry	 done = { 0 };
	struct kith_db		*db;
	struct contact		*c;
	char			*path, *before, *after, **names;
	size_t			 n, i;
	int64_t			 k, o;
	int			 found;

	CHECK_STR(merge_take_word(MERGE_TAKE_TITLE), "title");
	CHECK(merge_take_word(0x80) == NULL);
	CHECK(merge_take_parse("Organisation") == MERGE_TAKE_ORG);
	CHECK(merge_take_parse("org") == MERGE_TAKE_ORG);
	CHECK(merge_take_parse("phone") == 0);
	for (i = 0; i < MERGE_TAKE_COUNT; i++)
		CHECK(merge_take_parse(merge_take_word(1u << i)) == 1u << i);

	db = test_db("take.db", &path);
	k = person(db, "Robert Lin", "robert@bank.example", NULL,
	    "+44 20 7946 0124", "keep", "Head of Trade Finance");
	o = person(db, "Bob Lin", "bob@example.com", NULL,
	    "+44 7700 900999", "other", "Banker");
	CHECK(contact_get(db, k, &c, &err) == KITH_OK);
	contact_set(&c->org, "Northbridge Bank");
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);
	before = dump(db);

	CHECK(contact_merge_take(db, k, o, MERGE_TAKE_NAME | MERGE_TAKE_TITLE |
	    MERGE_TAKE_ORG, &err) == KITH_OK);
	CHECK(contact_get(db, k, &c, &err) == KITH_OK);
	CHECK_STR(c->display, "Bob Lin");
	CHECK_STR(merge_take_value(c, MERGE_TAKE_NAME), "Bob Lin");
	CHECK_STR(c->title, "Banker");
	CHECK_STR(c->org, "Northbridge Bank");	/* other has none */
	found = 0;
	for (i = 0; i < c->n_custom; i++)
		if (strcmp(c->custom[i].key, "title (replaced in the merge "
		    "with Bob Lin)") == 0 && strcmp(c->custom[i].value,
		    "Head of Trade Finance") == 0)
			found = 1;
	CHECK(found);
	contact_free(c);
	CHECK(alias_list(db, ALIAS_CONTACT, k, &names, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_STR(names[0], "Robert Lin");
	alias_list_free(names, n);
	CHECK_INT(count(db, "email", "contact_id", k), 2);
	CHECK_INT(count(db, "contact", "id", o), 0);

	CHECK(journal_undo_last(db, &done, &err) == KITH_OK);
	journal_entry_clear(&done);
	after = dump(db);
	CHECK_STR(after, before);
	free(after);
	free(before);
	test_db_done(db, path);
}

TEST_MAIN(test_merge_keeps_all, test_find_and_not_same, test_merge_take)
