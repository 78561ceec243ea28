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
#include "kith/backup.h"
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

/* Takes back what version 12 added (the word indexes of titles, names). */
#define UNDO_V12							\
	"DROP TRIGGER deal_title_fts_ai; DROP TRIGGER deal_title_fts_ad; " \
	"DROP TRIGGER deal_title_fts_au; DROP TABLE deal_title_fts; "	\
	"DROP TRIGGER org_name_fts_ai; DROP TRIGGER org_name_fts_ad; "	\
	"DROP TRIGGER org_name_fts_au; DROP TABLE org_name_fts; "

/* Takes back what version 11 changed (the review's indexes). */
#define UNDO_V11	UNDO_V12					\
	"DROP INDEX contact_by_bday; CREATE INDEX contact_by_bday ON "	\
	"contact(substr(birthday, -5), id) WHERE birthday IS NOT NULL; "	\
	"DROP INDEX followup_pending; CREATE INDEX followup_pending ON "	\
	"followup(due, id) WHERE done_at IS NULL; "			\
	"DROP INDEX contact_by_org_touch; "				\
	"DROP INDEX contact_by_due; CREATE INDEX contact_by_due ON "	\
	"contact(due_on, id, archived, overdue_on, cadence_snoozes, "	\
	"cad_ideal, touch_first, touch_last, touch_n, touch_w, "	\
	"touch_in, touch_out, strength_set, display) WHERE due_on IS "	\
	"NOT NULL; "

/* Takes back what version 10 changed (the review's covering index). */
#define UNDO_V10	UNDO_V11					\
	"DROP INDEX contact_by_due; CREATE INDEX contact_by_due ON "	\
	"contact(due_on, id) WHERE due_on IS NOT NULL; "

/* Takes back what version 9 added (conflict checks). */
#define UNDO_V9		UNDO_V10					\
	"DROP TABLE conflict_decision; DROP TABLE conflict_hit; "	\
	"DROP TABLE conflict_check; DROP TABLE org_relation; "		\
	"DELETE FROM rel_kind WHERE name IN ('officer of', "		\
	"'director of', 'employee of', 'former employee of', "		\
	"'subsidiary of'); "

/*
 * Takes back what version 8 added: the matcher's aliases, organisation
 * keys, pairs marked not the same, and the search index's keys column.
 */
#define UNDO_V8		UNDO_V9						\
	"DROP TABLE contact_alias; DROP TABLE org_alias; "		\
	"DROP TABLE not_dupe; DROP INDEX org_by_key; "			\
	"ALTER TABLE org DROP COLUMN match_key; "			\
	"DROP TABLE contact_fts; CREATE VIRTUAL TABLE contact_fts USING "	\
	"fts5(name, org, email, phone, tag, note, prefix = '2 3', "	\
	"tokenize = 'unicode61 remove_diacritics 2'); "

/*
 * Takes back what version 7 added (cadence, touch summaries, review
 * decisions).
 */
#define UNDO_V7		UNDO_V8						\
	"DROP INDEX contact_by_due; DROP INDEX contact_by_cool; "	\
	"DROP INDEX contact_by_bday; DROP INDEX tag_by_cadence; "	\
	"DROP TABLE review_decision; "					\
	"ALTER TABLE interaction DROP COLUMN direction; "		\
	"ALTER TABLE tag DROP COLUMN cadence_days; "			\
	"ALTER TABLE tag DROP COLUMN cadence_max; "			\
	"ALTER TABLE contact DROP COLUMN cadence_max; "			\
	"ALTER TABLE contact DROP COLUMN cadence_off; "			\
	"ALTER TABLE contact DROP COLUMN cadence_snoozed; "		\
	"ALTER TABLE contact DROP COLUMN cadence_snoozes; "		\
	"ALTER TABLE contact DROP COLUMN strength_set; "		\
	"ALTER TABLE contact DROP COLUMN touch_last; "			\
	"ALTER TABLE contact DROP COLUMN touch_first; "			\
	"ALTER TABLE contact DROP COLUMN touch_n; "			\
	"ALTER TABLE contact DROP COLUMN touch_w; "			\
	"ALTER TABLE contact DROP COLUMN touch_in; "			\
	"ALTER TABLE contact DROP COLUMN touch_out; "			\
	"ALTER TABLE contact DROP COLUMN touch_gap; "			\
	"ALTER TABLE contact DROP COLUMN cool_on; "			\
	"ALTER TABLE contact DROP COLUMN cad_ideal; "			\
	"ALTER TABLE contact DROP COLUMN cad_max; "			\
	"ALTER TABLE contact DROP COLUMN cadence_since; "		\
	"ALTER TABLE contact DROP COLUMN due_on; "			\
	"ALTER TABLE contact DROP COLUMN overdue_on; "			\
	"CREATE INDEX contact_by_birthday ON contact(substr(birthday, -5)) " \
	"    WHERE birthday IS NOT NULL; "

/*
 * Takes back what version 6 added (department, UID, dated events,
 * messaging handles, kept vCard lines).
 */
#define UNDO_V6		UNDO_V7						\
	"DROP TABLE vcard_prop; DROP TABLE im; DROP TABLE contact_date; " \
	"DROP INDEX contact_by_birthday; DROP INDEX contact_by_uid; "	\
	"ALTER TABLE contact DROP COLUMN uid; "				\
	"ALTER TABLE contact DROP COLUMN department; "

/*
 * Takes back what versions 5 and later added (the pipeline's columns and
 * tables, follow-up times), so that a database made today can stand in
 * for one an older kith wrote.
 */
#define UNDO_V5		UNDO_V6						\
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
 * Version 6 gives a version 5 database the department, dated events,
 * messaging handles and kept vCard lines, and its contacts keep all they
 * had.
 */
static void
test_migrates_fields(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c, *got;
	char		*path;

	db = test_db("v5.db", &path);
	c = contact_new();
	contact_set(&c->display, "Ana Petrović");
	contact_add_email(c, "ana@example.org", "work");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	CHECK(sqlite3_exec(kith_db_sqlite(db), UNDO_V6
	    "PRAGMA user_version = 5", NULL, NULL, NULL) == SQLITE_OK);
	kith_db_close(db);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	CHECK(contact_get(db, c->id, &got, &err) == KITH_OK);
	CHECK_STR(got->display, "Ana Petrović");
	CHECK(got->n_emails == 1 && got->department == NULL &&
	    got->n_dates == 0 && got->n_ims == 0 && got->n_vprops == 0);
	contact_set(&got->department, "Litigation");
	contact_add_date(got, "client since", "2019-03-01");
	contact_add_date(got, NULL, "--06-28");
	contact_add_im(got, "Skype", "ana.petrovic", NULL);
	contact_add_vprop(got, "X-ABLabel:school");
	CHECK(contact_update(db, got, &err) == KITH_OK);
	contact_free(got);
	CHECK(contact_get(db, c->id, &got, &err) == KITH_OK);
	CHECK_STR(got->department, "Litigation");
	CHECK(got->n_dates == 2);
	CHECK_STR(got->dates[0].label, "client since");
	CHECK_STR(got->dates[1].label, "anniversary");
	CHECK_STR(got->dates[1].date, "--06-28");
	CHECK(got->n_ims == 1);
	CHECK_STR(got->ims[0].service, "Skype");
	CHECK_STR(got->ims[0].handle, "ana.petrovic");
	CHECK(got->n_vprops == 1);
	CHECK_STR(got->vprops[0], "X-ABLabel:school");
	contact_free(got);
	contact_free(c);
	test_db_done(db, path);
}


/*
 * Version 7 fills the touch summary and the cadence of the contacts a
 * version 6 database already has: a 30-day cadence and two calls.
 */
static void
test_migrates_cadence(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	sqlite3_stmt	*stmt;
	char		*path;

	db = test_db("v6.db", &path);
	CHECK(sqlite3_exec(kith_db_sqlite(db),
	    "INSERT INTO contact (id, display, name_fold, sort_key, "
	    "cadence_days, created, updated) VALUES (7, 'Ana', 'ana', x'00', "
	    "30, 1700000000, 1700000000);"
	    "INSERT INTO interaction (id, kind, at, summary, created) VALUES "
	    "(1, 'call', '2026-01-01', 'a', 0), (2, 'meeting', "
	    "'2026-01-11 10:00', 'b', 0), (3, 'note', '2026-03-01', 'c', 0);"
	    "INSERT INTO interaction_contact VALUES (1, 7, '2026-01-01'), "
	    "(2, 7, '2026-01-11 10:00'), (3, 7, '2026-03-01');"
	    UNDO_V7 "PRAGMA user_version = 6", NULL, NULL, NULL) == SQLITE_OK);
	kith_db_close(db);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT touch_last || ' ' "
	    "|| touch_first || ' ' || touch_n || ' ' || touch_w || ' ' || "
	    "touch_gap || ' ' || cool_on || ' ' || cad_ideal || '/' || "
	    "cad_max || ' ' || due_on || ' ' || overdue_on FROM contact "
	    "WHERE id = 7", -1, &stmt, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_STR((const char *)sqlite3_column_text(stmt, 0),
	    "2026-01-11 2026-01-01 2 5 10 2026-01-31 30/45 2026-02-10 "
	    "2026-02-25");
	sqlite3_finalize(stmt);
	kith_db_close(db);
	test_unlink_db(path);
	free(path);
}

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
	CHECK(sqlite3_exec(kith_db_sqlite(db), UNDO_V5
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
	/* The database as version 4 left it was backed up first. */
	{
		struct backup_counts	 bc;
		glob_t			 g;
		char			*pat, *dir;

		dir = backup_dir(path);
		pat = xasprintf("%s/*-v4-*-before-upgrade.db", dir);
		CHECK(glob(pat, 0, NULL, &g) == 0);
		CHECK_INT(g.gl_pathc, 1);
		CHECK(backup_inspect(g.gl_pathv[0], &bc, &err) == KITH_OK);
		CHECK_INT(bc.version, 4);
		globfree(&g);
		free(pat);
		free(dir);
	}
	test_db_done(db, path);
}

/*
 * Version 12 indexes the words of the titles and organisation names a
 * version 11 database already has, and keeps them as they change.
 */
static void
test_migrates_word_indexes(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	sqlite3_stmt	*stmt;
	char		*path;

	db = test_db("v11.db", &path);
	c = contact_new();
	contact_set(&c->display, "Ana Petrović");
	contact_set(&c->org, "Northbridge Omega Bank");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	CHECK(sqlite3_exec(kith_db_sqlite(db), UNDO_V12
	    "INSERT INTO deal (title, title_fold, stage_id, created, updated) "
	    "SELECT 'Omega merger', 'omega merger', min(id), 0, 0 FROM stage; "
	    "PRAGMA user_version = 11", NULL, NULL, NULL) == SQLITE_OK);
	kith_db_close(db);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT (SELECT "
	    "count(*) FROM deal_title_fts WHERE deal_title_fts MATCH "
	    "'\"omega merger\"'), (SELECT count(*) FROM org_name_fts WHERE "
	    "org_name_fts MATCH '\"omega bank\"')", -1, &stmt, NULL) ==
	    SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(stmt, 0), 1);
	CHECK_INT(sqlite3_column_int(stmt, 1), 1);
	sqlite3_finalize(stmt);
	CHECK(sqlite3_exec(kith_db_sqlite(db), "UPDATE deal SET title_fold = "
	    "'delta merger'; INSERT INTO deal_title_fts (deal_title_fts) "
	    "VALUES ('integrity-check'); INSERT INTO org_name_fts "
	    "(org_name_fts) VALUES ('integrity-check')", NULL, NULL, NULL) ==
	    SQLITE_OK);
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
	CHECK(sqlite3_exec(kith_db_sqlite(db), UNDO_V5 "DROP TABLE batch_merge; "
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
	sqlite3_stmt	*stmt;
	char		*path;
	int64_t		 n = -1;

	db = test_db("v3.db", &path);
	c = contact_new();
	contact_set(&c->display, "Eleanor Hartley");
	contact_add_phone(c, "+44 20 7946 0101", NULL);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	/* The entry as version 3 wrote it: the phone as written only. */
	CHECK(sqlite3_exec(kith_db_sqlite(db), UNDO_V5 "DROP TABLE journal; "
	    "DELETE FROM contact_fts; "
	    "INSERT INTO contact_fts (rowid, name, phone) SELECT id, "
	    "'eleanor hartley', '+44 20 7946 0101' FROM contact; "
	    "PRAGMA user_version = 3", NULL, NULL, NULL) == SQLITE_OK);
	/* (Its index has no keys column: ask it directly.) */
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT count(*) FROM "
	    "contact_fts WHERE contact_fts MATCH '\"447946\"*'", -1, &stmt,
	    NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	CHECK_INT(sqlite3_column_int(stmt, 0), 0);
	sqlite3_finalize(stmt);
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

/*
 * The database's -wal and -shm files are its owner's alone whatever the
 * umask; a database other users may write is refused, with the fix.
 */
static void
test_private_files(void)
{
	static const char *const side[] = { "-wal", "-shm" };
	struct kith_err	 err = { 0 };
	struct kith_db	*db, *db2;
	struct contact	*c;
	struct stat	 st;
	mode_t		 old;
	char		*path, *p;
	size_t		 i;

	old = umask(0);
	db = test_db("private.db", &path);
	c = contact_new();
	contact_set(&c->display, "Ana Petrović");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	for (i = 0; i < 2; i++) {
		p = xasprintf("%s%s", path, side[i]);
		CHECK(stat(p, &st) == 0);
		CHECK_INT(st.st_mode & 0777, 0600);
		free(p);
	}
	umask(old);
	kith_db_close(db);

	CHECK(chmod(path, 0660) == 0);
	db2 = NULL;
	CHECK(kith_db_open(path, &db2, &err) == KITH_IO);
	CHECK(db2 == NULL);
	CHECK(strstr(err.msg, "other users can write") != NULL);
	CHECK(strstr(err.msg, "chmod 600") != NULL);
	CHECK(chmod(path, 0602) == 0);
	CHECK(kith_db_open_mode(path, KITH_DB_READ, &db2, &err) == KITH_IO);
	CHECK(chmod(path, 0640) == 0);		/* read is not write */
	CHECK(kith_db_open(path, &db2, &err) == KITH_OK);
	test_db_done(db2, path);
}

TEST_MAIN(test_create_and_mode, test_private_files,
    test_empty_file_is_initialised,
    test_refuses_non_database, test_refuses_foreign_sqlite,
    test_refuses_newer_schema, test_migrates_version_1, test_upgrade_reindexes,
    test_migrates_pipeline, test_migrates_fields, test_migrates_cadence,
    test_migrates_word_indexes, test_default_path, test_two_writers)
