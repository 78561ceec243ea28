/* SPDX-License-Identifier: MIT */
/*
 * No silent fallbacks (issue 9): the settings a database was created with
 * (its collation, its phone region) are read when it is opened, and a
 * setting that is missing or cannot be read fails the open with a message
 * naming it, instead of sorting names or reading phone numbers under a
 * guess (before, kith_db_text and db_region swallowed the SQLite error and
 * fell back to the root collation and "US").  Text the search index cannot
 * fold fails the statement with the reason instead of indexing ''.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/db.h"
#include "kith/phone.h"
#include "kith/search.h"
#include "check.h"
#include "testdb.h"

/* Runs sql on the file at path behind kith's back. */
static void
raw_exec(const char *path, const char *sql)
{
	sqlite3	*raw;

	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, sql, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
}

/* A new database at a fresh path, closed again; caller frees the path. */
static char *
fresh(const char *name)
{
	struct kith_db	*db;
	char		*path;

	db = test_db(name, &path);
	kith_db_close(db);
	return path;
}

/* The region stored at creation is the one phones are read under. */
static void
test_region_from_meta(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db = NULL;
	char		*path = fresh("region.db");

	raw_exec(path, "UPDATE meta SET value = 'GB' WHERE key = 'region'");
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	if (db != NULL)
		CHECK_STR(phone_region(db), "GB");
	test_db_done(db, path);
}

/* A missing setting fails the open, naming it; nothing is guessed. */
static void
test_missing_setting(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db = NULL;
	char		*path = fresh("noregion.db");

	raw_exec(path, "DELETE FROM meta WHERE key = 'region'");
	CHECK_INT(kith_db_open(path, &db, &err), KITH_DB);
	CHECK(db == NULL);
	CHECK(strstr(err.msg, "'region' is missing") != NULL);
	CHECK(strstr(err.msg, path) != NULL);
	kith_db_close(db);

	raw_exec(path, "INSERT INTO meta VALUES ('region', 'RS'); "
	    "DELETE FROM meta WHERE key = 'collation'");
	memset(&err, 0, sizeof err);
	CHECK_INT(kith_db_open(path, &db, &err), KITH_DB);
	CHECK(strstr(err.msg, "'collation' is missing") != NULL);
	kith_db_close(db);
	test_unlink_db(path);
	free(path);
}

/*
 * A settings table SQLite cannot read (here a view whose rows raise an
 * error) reaches the caller with SQLite's reason.
 */
static void
test_unreadable_settings(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db = NULL;
	char		*path = fresh("badmeta.db");

	raw_exec(path, "ALTER TABLE meta RENAME TO meta_old; "
	    "CREATE VIEW meta (key, value) AS SELECT key, "
	    "json('not json') FROM meta_old");
	CHECK_INT(kith_db_open(path, &db, &err), KITH_DB);
	CHECK(db == NULL);
	CHECK(strstr(err.msg, "reading the database's settings") != NULL);
	CHECK(strstr(err.msg, "malformed JSON") != NULL);
	kith_db_close(db);
	test_unlink_db(path);
	free(path);
}

/*
 * A stored note that is not UTF-8 (written by another program) fails the
 * rebuild of the search index with the reason, instead of indexing it as
 * an empty note that no search finds.
 */
static void
test_fold_error_reaches_caller(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	char		*path;

	db = test_db("badfold.db", &path);
	c = contact_new();
	contact_set(&c->display, "Ana Petrović");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	CHECK(search_rebuild(db, &err) == KITH_OK);
	CHECK(sqlite3_exec(kith_db_sqlite(db), "UPDATE contact SET notes = "
	    "CAST(x'416e61ff' AS TEXT)", NULL, NULL, NULL) == SQLITE_OK);
	memset(&err, 0, sizeof err);
	CHECK(search_rebuild(db, &err) != KITH_OK);
	CHECK(strstr(err.msg, "UTF-8") != NULL);
	test_db_done(db, path);
}

TEST_MAIN(test_region_from_meta, test_missing_setting,
    test_unreadable_settings, test_fold_error_reaches_caller)
