/* SPDX-License-Identifier: MIT */
/*
 * Edits without lost updates (contact_save_edit, issue 9): an edit of a
 * contact that another handle changed since it was read is refused and
 * changes nothing; an edit writes only what it changed, so the rows of
 * lists it left alone keep their ids.
 */
#include <sqlite3.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"

static long long
q(struct kith_db *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	long long	 v = -1;

	if (sqlite3_prepare_v2(kith_db_sqlite(db), sql, -1, &stmt, NULL)
	    != SQLITE_OK)
		return -2;
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

static int64_t
add_marko(struct kith_db *db)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, "Marko Petrović");
	contact_set(&c->title, "Partner");
	contact_add_email(c, "marko@example.rs", "work");
	contact_add_phone(c, "+381 11 555 0101", "work");
	contact_add_tag(c, "client");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	id = c->id;
	contact_free(c);
	return id;
}

/* Two processes: the one that read first loses, and says why. */
static void
test_conflict(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*a, *b;
	struct contact	*base, *edit, *other, *now;
	char		*path;
	int64_t		 id;

	a = test_db("edit-conflict.db", &path);
	id = add_marko(a);
	CHECK(kith_db_open(path, &b, &err) == KITH_OK);

	/* a reads; b changes the title; a saves new notes. */
	CHECK(contact_get(a, id, &base, &err) == KITH_OK);
	CHECK(contact_get(a, id, &edit, &err) == KITH_OK);
	contact_set(&edit->notes, "prefers mornings");
	CHECK(contact_get(b, id, &other, &err) == KITH_OK);
	contact_set(&other->title, "Senior Partner");
	CHECK(contact_update(b, other, &err) == KITH_OK);
	CHECK(contact_save_edit(a, base, edit, &err) == KITH_CONFLICT);
	CHECK(strstr(err.msg, "title") != NULL);
	CHECK(strstr(err.msg, "nothing was saved") != NULL);
	CHECK(contact_get(a, id, &now, &err) == KITH_OK);
	CHECK_STR(now->title, "Senior Partner");
	CHECK(now->notes == NULL);
	contact_free(now);

	/* Read again, the same edit goes through. */
	contact_free(base);
	CHECK(contact_get(a, id, &base, &err) == KITH_OK);
	contact_set(&edit->title, "Senior Partner");
	CHECK(contact_save_edit(a, base, edit, &err) == KITH_OK);
	CHECK(contact_get(b, id, &now, &err) == KITH_OK);
	CHECK_STR(now->notes, "prefers mornings");
	CHECK_STR(now->title, "Senior Partner");
	contact_free(now);

	/* A change to a list counts too (an import merging an e-mail). */
	contact_free(base);
	contact_free(edit);
	CHECK(contact_get(a, id, &base, &err) == KITH_OK);
	CHECK(contact_get(a, id, &edit, &err) == KITH_OK);
	contact_set(&edit->nickname, "Mare");
	contact_add_email(other, "marko@home.example", "home");
	contact_set(&other->notes, "prefers mornings");
	CHECK(contact_update(b, other, &err) == KITH_OK);
	CHECK(contact_save_edit(a, base, edit, &err) == KITH_CONFLICT);
	CHECK(strstr(err.msg, "e-mails") != NULL);

	contact_free(base);
	contact_free(edit);
	contact_free(other);
	kith_db_close(b);
	test_db_done(a, path);
}

/* Only what changed is written: untouched lists keep their rows. */
static void
test_writes_only_changes(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*base, *edit;
	char		*path;
	long long	 email_row, phone_row;
	int64_t		 id;

	db = test_db("edit-changes.db", &path);
	id = add_marko(db);
	/* Rows after Marko's, so a rewrite could not reuse his row ids. */
	(void)add_marko(db);
	email_row = q(db, "SELECT min(id) FROM email");
	phone_row = q(db, "SELECT min(id) FROM phone");
	CHECK(contact_get(db, id, &base, &err) == KITH_OK);
	CHECK(contact_get(db, id, &edit, &err) == KITH_OK);
	contact_set(&edit->title, "Managing Partner");
	CHECK(contact_save_edit(db, base, edit, &err) == KITH_OK);
	CHECK_INT(q(db, "SELECT min(id) FROM email"), email_row);
	CHECK_INT(q(db, "SELECT min(id) FROM phone"), phone_row);
	contact_free(base);
	contact_free(edit);

	/* A changed list is written; the others still keep theirs. */
	CHECK(contact_get(db, id, &base, &err) == KITH_OK);
	CHECK(contact_get(db, id, &edit, &err) == KITH_OK);
	contact_add_phone(edit, "+381 64 555 0101", "mobile");
	CHECK(contact_save_edit(db, base, edit, &err) == KITH_OK);
	CHECK_INT(q(db, "SELECT count(*) FROM phone"), 3);
	CHECK_INT(q(db, "SELECT min(id) FROM email"), email_row);
	CHECK_INT(q(db, "SELECT count(*) FROM contact_tag"), 2);
	contact_free(base);
	contact_free(edit);
	test_db_done(db, path);
}

TEST_MAIN(test_conflict, test_writes_only_changes)
