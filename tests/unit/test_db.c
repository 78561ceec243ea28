/* SPDX-License-Identifier: MIT */
/*
 * The store: creating a database from nothing, refusing files that are not
 * kith's (without touching them), file mode, schema versions, and two
 * processes writing at once.
 */
#include <fcntl.h>
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"
#include "kith/followup.h"
#include "kith/search.h"

static char *
slurp(const char *path, size_t *len)
{
	FILE	*fp;
	char	*buf;
	long	 n;

	if ((fp = fopen(path, "rb")) == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, fp);
	fclose(fp);
	return buf;
}

static void
write_file(const char *path, const char *data, size_t len)
{
	FILE	*fp = fopen(path, "wb");

	fwrite(data, 1, len, fp);
	fclose(fp);
}

static void
test_create_and_mode(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct stat	 st;
	char		*dir, *path;
	sqlite3		*raw;
	sqlite3_stmt	*stmt;

	/* A folder that does not exist yet is created, mode 0700. */
	dir = test_path("newdir");
	path = xasprintf("%s/sub/kith.db", dir);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	CHECK(stat(path, &st) == 0);
	CHECK_INT(st.st_mode & 0777, 0600);
	CHECK(stat(dir, &st) == 0);
	CHECK_INT(st.st_mode & 0777, 0700);

	/* The schema is there and versioned. */
	raw = kith_db_sqlite(db);
	CHECK(sqlite3_prepare_v2(raw, "PRAGMA user_version", -1, &stmt,
	    NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(stmt, 0), KITH_SCHEMA_VERSION);
	sqlite3_finalize(stmt);
	CHECK(sqlite3_prepare_v2(raw, "PRAGMA journal_mode", -1, &stmt,
	    NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(stmt, 0), "wal");
	sqlite3_finalize(stmt);
	CHECK(sqlite3_prepare_v2(raw, "PRAGMA foreign_keys", -1, &stmt,
	    NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(stmt, 0), 1);
	sqlite3_finalize(stmt);
	kith_db_close(db);

	/* Opening again migrates nothing and loses nothing. */
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	kith_db_close(db);
	test_unlink_db(path);
	free(path);
	path = xasprintf("%s/sub", dir);
	rmdir(path);
	rmdir(dir);
	free(path);
	free(dir);
}

static void
test_empty_file_is_initialised(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path = test_path("empty.db");

	test_unlink_db(path);
	write_file(path, "", 0);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	kith_db_close(db);
	test_unlink_db(path);
	free(path);
}

static void
test_refuses_non_database(void)
{
	static const char	 text[] = "Name,Email\nAna,ana@example.org\n";
	struct kith_err		 err = { 0 };
	struct kith_db		*db = NULL;
	size_t			 len;
	char			*path = test_path("notes.csv"), *after;

	write_file(path, text, sizeof text - 1);
	CHECK(kith_db_open(path, &db, &err) == KITH_NOTDB);
	CHECK(db == NULL);
	CHECK(strstr(err.msg, path) != NULL);
	CHECK(strstr(err.msg, "not a kith database") != NULL);
	after = slurp(path, &len);
	CHECK(after != NULL && len == sizeof text - 1 &&
	    memcmp(after, text, len) == 0);
	free(after);
	/* No WAL or journal was left beside it. */
	char *wal = xasprintf("%s-wal", path);
	CHECK(access(wal, F_OK) != 0);
	free(wal);
	unlink(path);
	free(path);
}

static void
test_refuses_foreign_sqlite(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db = NULL;
	sqlite3		*raw;
	char		*path = test_path("other.sqlite"), *before, *after;
	size_t		 n1 = 0, n2 = 0;

	test_unlink_db(path);
	CHECK(sqlite3_open(path, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "CREATE TABLE photos (id, path); "
	    "INSERT INTO photos VALUES (1, 'a.jpg')", NULL, NULL, NULL)
	    == SQLITE_OK);
	sqlite3_close(raw);
	before = slurp(path, &n1);
	CHECK(kith_db_open(path, &db, &err) == KITH_NOTDB);
	CHECK(strstr(err.msg, "other tables") != NULL);
	after = slurp(path, &n2);
	CHECK(n1 == n2 && memcmp(before, after, n1) == 0);
	free(before);
	free(after);
	test_unlink_db(path);
	free(path);
}

/*
 * Takes back what version 5 added (the pipeline's columns and tables,
 * follow-up times), so that a database made today can stand in for one
 * an older kith wrote.
 */
/* What step 6 added (conflict checks). */
#define UNDO_V6								\
	"DROP TABLE conflict_decision; DROP TABLE conflict_hit; "	\
	"DROP TABLE conflict_check; DROP TABLE org_relation; "		\
	"DELETE FROM rel_kind WHERE name IN ('officer of', "		\
	"'director of', 'employee of', 'former employee of', "		\
	"'subsidiary of'); "

#define UNDO_V5								\
	"DROP INDEX deal_by_stage; DROP INDEX deal_by_touch; "		\
	"DROP INDEX deal_by_closed; DROP INDEX deal_by_created; "	\
	"DROP INDEX deal_touch_by_id; "					\
	"DROP INDEX deal_by_ref; DROP INDEX deal_by_org; "		\
	"DROP INDEX interaction_by_deal; DROP INDEX followup_by_deal; "	\
	"DROP INDEX followup_deal_pending; "				\
	"ALTER TABLE followup DROP COLUMN due_time; "			\
	"ALTER TABLE interaction DROP COLUMN deal_id; "			\
	"ALTER TABLE deal DROP COLUMN title_fold; "			\
	"ALTER TABLE deal DROP COLUMN ref; "				\
	"ALTER TABLE deal DROP COLUMN fee; "				\
	"ALTER TABLE deal DROP COLUMN practice; "			\
	"ALTER TABLE deal DROP COLUMN originator_id; "			\
	"ALTER TABLE deal DROP COLUMN responsible_id; "			\
	"ALTER TABLE deal DROP COLUMN next_step; "			\
	"ALTER TABLE deal DROP COLUMN stage_since; "			\
	"ALTER TABLE deal DROP COLUMN touched; "			\
	"ALTER TABLE deal DROP COLUMN closed_at; "			\
	"ALTER TABLE deal DROP COLUMN reason; "				\
	"DROP TABLE deal_role; "					\
	"ALTER TABLE stage ADD COLUMN closed INTEGER NOT NULL DEFAULT 0; " \
	"UPDATE stage SET closed = kind <> 'open'; "			\
	"ALTER TABLE stage DROP COLUMN kind; "				\
	"ALTER TABLE stage DROP COLUMN probability; "			\
	"ALTER TABLE stage DROP COLUMN stall_days; "

/*
 * Version 5 gives the stages of a version 4 database their kind and win
 * probability, and the deal roles their default list.
 */
static void
test_migrates_pipeline(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	sqlite3_stmt	*stmt;
	char		*path;

	db = test_db("v4.db", &path);
	CHECK(sqlite3_exec(kith_db_sqlite(db), UNDO_V6 UNDO_V5
	    "PRAGMA user_version = 4", NULL, NULL, NULL) == SQLITE_OK);
	kith_db_close(db);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT group_concat("
	    "name || ':' || kind || ':' || probability || ':' || stall_days, "
	    "' ') FROM (SELECT * FROM stage ORDER BY pos)", -1, &stmt, NULL)
	    == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(stmt, 0),
	    "Interest:open:20:30 Negotiation:open:60:30 Won:won:100:30 "
	    "Lost:lost:0:30");
	sqlite3_finalize(stmt);
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT count(*) FROM "
	    "deal_role", -1, &stmt, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(stmt, 0), 9);
	sqlite3_finalize(stmt);
	test_db_done(db, path);
}

static void
test_refuses_newer_schema(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path;
	char		 sql[64];

	db = test_db("newer.db", &path);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    KITH_SCHEMA_VERSION + 1);
	CHECK(sqlite3_exec(kith_db_sqlite(db), sql, NULL, NULL, NULL)
	    == SQLITE_OK);
	kith_db_close(db);
	db = NULL;
	CHECK(kith_db_open(path, &db, &err) == KITH_TOONEW);
	CHECK(db == NULL);
	CHECK(strstr(err.msg, "newer kith") != NULL);
	test_unlink_db(path);
	free(path);
}

/* A version 1 database is brought forward and keeps its data. */
static void
test_migrates_version_1(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	sqlite3_stmt	*stmt;
	char		*path;

	db = test_db("v1.db", &path);
	c = contact_new();
	contact_set(&c->display, "Ana Petrović");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	/* Make it what kith 0.1's first schema wrote. */
	CHECK(sqlite3_exec(kith_db_sqlite(db), UNDO_V6 UNDO_V5 "DROP TABLE batch_merge; "
	    "DROP TABLE journal; CREATE INDEX contact_by_batch ON contact(batch_id) WHERE "
	    "batch_id IS NOT NULL; PRAGMA user_version = 1", NULL, NULL, NULL)
	    == SQLITE_OK);
	kith_db_close(db);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT (SELECT count(*) "
	    "FROM batch_merge), (SELECT display FROM contact), "
	    "(SELECT user_version FROM pragma_user_version), (SELECT count(*) "
	    "FROM sqlite_schema WHERE name = 'contact_by_batch'), (SELECT "
	    "count(*) FROM journal)", -1, &stmt, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(stmt, 0), 0);
	CHECK_STR((const char *)sqlite3_column_text(stmt, 1), "Ana Petrović");
	CHECK_INT(sqlite3_column_int(stmt, 2), KITH_SCHEMA_VERSION);
	CHECK_INT(sqlite3_column_int(stmt, 3), 0);
	CHECK_INT(sqlite3_column_int(stmt, 4), 0);	/* version 4: journal */
	sqlite3_finalize(stmt);
	test_db_done(db, path);
}

/*
 * A version 3 database's search entries are built anew on upgrade: its
 * entries lack the phone forms later kiths index ("2079460101",
 * "447946").
 */
static void
test_upgrade_reindexes(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	char		*path;
	int64_t		 n = -1;

	db = test_db("v3.db", &path);
	c = contact_new();
	contact_set(&c->display, "Eleanor Hartley");
	contact_add_phone(c, "+44 20 7946 0101", NULL);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	/* The entry as version 3 wrote it: the phone as written only. */
	CHECK(sqlite3_exec(kith_db_sqlite(db), "DELETE FROM contact_fts; "
	    "INSERT INTO contact_fts (rowid, name, phone) SELECT id, "
	    "'eleanor hartley', '+44 20 7946 0101' FROM contact; "
	    UNDO_V6 UNDO_V5 "DROP TABLE journal; PRAGMA user_version = 3", NULL, NULL,
	    NULL)
	    == SQLITE_OK);
	CHECK(search_count(db, "447946", 0, &n, &err) == KITH_OK);
	CHECK_INT(n, 0);
	kith_db_close(db);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	CHECK(search_count(db, "447946", 0, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	CHECK(search_count(db, "2079460101", 0, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	CHECK(search_count(db, "eleanor", 0, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	test_db_done(db, path);
}

static void
test_default_path(void)
{
	char	*p;

	setenv("KITH_DB", "/x/y.db", 1);
	p = kith_db_default_path();
	CHECK_STR(p, "/x/y.db");
	free(p);
	unsetenv("KITH_DB");
	setenv("XDG_DATA_HOME", "/data", 1);
	p = kith_db_default_path();
	CHECK_STR(p, "/data/kith/kith.db");
	free(p);
	unsetenv("XDG_DATA_HOME");
	setenv("HOME", "/home/ana", 1);
	p = kith_db_default_path();
	CHECK_STR(p, "/home/ana/.local/share/kith/kith.db");
	free(p);
}

/*
 * Two processes add contacts as fast as they can into one file; every
 * write must succeed (the busy timeout makes one wait for the other).
 */
static void
test_two_writers(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	pid_t		 pid[2];
	int		 i, k, status, ok = 1;
	int64_t		 count;
	char		*path;
	sqlite3_stmt	*stmt;

	db = test_db("writers.db", &path);
	kith_db_close(db);
	for (k = 0; k < 2; k++) {
		if ((pid[k] = fork()) == 0) {
			if (kith_db_open(path, &db, &err) != KITH_OK)
				_exit(2);
			for (i = 0; i < 200; i++) {
				char name[32];

				snprintf(name, sizeof name, "Writer%d Person%d",
				    k, i);
				c = contact_new();
				contact_set(&c->display, name);
				if (contact_insert(db, c, &err) != KITH_OK) {
					fprintf(stderr, "writer %d: %s\n", k,
					    err.msg);
					_exit(1);
				}
				contact_free(c);
			}
			kith_db_close(db);
			_exit(0);
		}
	}
	for (k = 0; k < 2; k++) {
		waitpid(pid[k], &status, 0);
		ok = ok && WIFEXITED(status) && WEXITSTATUS(status) == 0;
	}
	CHECK(ok);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT count(*) FROM contact",
	    -1, &stmt, NULL);
	sqlite3_step(stmt);
	count = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	CHECK_INT(count, 400);
	test_db_done(db, path);
}

TEST_MAIN(test_create_and_mode, test_empty_file_is_initialised,
    test_refuses_non_database, test_refuses_foreign_sqlite,
    test_refuses_newer_schema, test_migrates_version_1, test_upgrade_reindexes,
    test_migrates_pipeline,
    test_default_path, test_two_writers)
