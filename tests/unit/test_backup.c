/* SPDX-License-Identifier: MIT */
/*
 * Backups (backup.h): a snapshot of what is committed while another
 * connection writes, never replacing a file, private modes, the retention
 * rule of automatic backups, what restore accepts, and restore itself.
 */
#include <sqlite3.h>
#include <sys/stat.h>

#include "check.h"
#include "testdb.h"
#include "kith/backup.h"
#include "kith/contact.h"

static void	add(struct kith_db *, const char *);
static long	count_files(const char *, const char *);

static void
add(struct kith_db *db, const char *name)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();

	contact_set(&c->display, name);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
}

/* Files in dir whose names contain part. */
static long
count_files(const char *dir, const char *part)
{
	glob_t	 g;
	char	*pat = xasprintf("%s/*%s*", dir, part);
	long	 n = 0;

	if (glob(pat, 0, NULL, &g) == 0) {
		n = (long)g.gl_pathc;
		globfree(&g);
	}
	free(pat);
	return n;
}

/* A backup holds what was committed, even while a writer is half-way. */
static void
test_snapshot_while_writing(void)
{
	struct backup_counts	 bc;
	struct kith_err		 err = { 0 };
	struct kith_db		*db, *other;
	struct stat		 st;
	char			*path, *dest;

	db = test_db("snap.db", &path);
	add(db, "Ana Petrović");
	add(db, "Bob Smith");
	CHECK(kith_db_open(path, &other, &err) == KITH_OK);
	CHECK(kith_db_begin(other, &err) == KITH_OK);
	add(other, "Chen Wei");		/* not committed yet */
	dest = test_path("snap-copy.db");
	unlink(dest);
	CHECK(backup_write(db, dest, &err) == KITH_OK);
	CHECK(kith_db_commit(other, &err) == KITH_OK);
	kith_db_close(other);
	CHECK(backup_inspect(dest, &bc, &err) == KITH_OK);
	CHECK_INT(bc.contacts, 2);
	CHECK_INT(bc.version, KITH_SCHEMA_VERSION);
	CHECK(stat(dest, &st) == 0);
	CHECK_INT(st.st_mode & 0777, 0600);
	/* Never over a file. */
	CHECK(backup_write(db, dest, &err) == KITH_EXISTS);
	CHECK(backup_inspect(dest, &bc, &err) == KITH_OK);
	CHECK_INT(bc.contacts, 2);
	unlink(dest);
	free(dest);
	test_db_done(db, path);
}

/* Only the newest KITH_BACKUP_KEEP automatic backups stay. */
static void
test_retention(void)
{
	struct backup_counts	 bc;
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct stat		 st;
	char			*path, *dir, *p, *mine, *keep[5];
	int			 i;

	db = test_db("keep.db", &path);
	dir = backup_dir(path);
	kith_db_set_now(db, 1764892800);	/* one second for all */
	CHECK(backup_now(db, &mine, &err) == KITH_OK);
	setenv("KITH_BACKUP_KEEP", "3", 1);
	CHECK_INT(backup_keep(), 3);
	for (i = 0; i < 5; i++) {
		add(db, "Ana");
		CHECK(backup_auto(db, "before-test", &keep[i], &err) == KITH_OK);
		CHECK(keep[i] != NULL);
	}
	p = xasprintf("%d-keep-", (int)getpid());
	CHECK_INT(count_files(dir, p), 4);	/* 3 automatic, 1 asked for */
	free(p);
	/* The oldest two went; the newest three hold 3, 4 and 5 contacts. */
	CHECK(stat(keep[0], &st) == -1);
	CHECK(stat(keep[1], &st) == -1);
	for (i = 2; i < 5; i++) {
		CHECK(backup_inspect(keep[i], &bc, &err) == KITH_OK);
		CHECK_INT(bc.contacts, i + 1);
	}
	CHECK(stat(mine, &st) == 0);		/* asked for: kept */
	CHECK(stat(dir, &st) == 0);
	CHECK_INT(st.st_mode & 0777, 0700);
	setenv("KITH_BACKUP_KEEP", "0", 1);
	CHECK(backup_auto(db, "before-test", &p, &err) == KITH_OK);
	CHECK(p == NULL);
	unsetenv("KITH_BACKUP_KEEP");
	for (i = 0; i < 5; i++)
		free(keep[i]);
	unlink(mine);
	free(mine);
	free(dir);
	test_db_done(db, path);
}

/* What restore refuses: not SQLite, another program's, damaged, newer. */
static void
test_inspect_refuses(void)
{
	struct backup_counts	 bc;
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	sqlite3			*raw;
	FILE			*fp;
	char			*path, *other, *copy, sql[64];

	other = test_path("other.txt");
	fp = fopen(other, "w");
	fputs("First Name,Last Name\nAna,Petrović\n", fp);
	fclose(fp);
	CHECK(backup_inspect(other, &bc, &err) == KITH_NOTDB);
	CHECK(strstr(err.msg, "not a SQLite file") != NULL);
	unlink(other);
	CHECK(sqlite3_open(other, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, "CREATE TABLE t (x)", NULL, NULL, NULL)
	    == SQLITE_OK);
	sqlite3_close(raw);
	CHECK(backup_inspect(other, &bc, &err) == KITH_NOTDB);
	CHECK(strstr(err.msg, "another program") != NULL);
	unlink(other);
	free(other);

	db = test_db("inspect.db", &path);
	add(db, "Ana");
	copy = test_path("inspect-copy.db");
	unlink(copy);
	CHECK(backup_write(db, copy, &err) == KITH_OK);
	CHECK(truncate(copy, 8192) == 0);	/* pages lost */
	CHECK(backup_inspect(copy, &bc, &err) == KITH_NOTDB);
	CHECK(strstr(err.msg, copy) != NULL);
	unlink(copy);
	snprintf(sql, sizeof sql, "PRAGMA user_version = %d",
	    KITH_SCHEMA_VERSION + 1);
	CHECK(backup_write(db, copy, &err) == KITH_OK);
	CHECK(sqlite3_open(copy, &raw) == SQLITE_OK);
	CHECK(sqlite3_exec(raw, sql, NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(raw);
	CHECK(backup_inspect(copy, &bc, &err) == KITH_TOONEW);
	CHECK(backup_restore(db, copy, NULL, &err) == KITH_TOONEW);
	CHECK(backup_count(db, &bc, &err) == KITH_OK);
	CHECK_INT(bc.contacts, 1);
	unlink(copy);
	free(copy);
	test_db_done(db, path);
}

/* Restore brings the backup back and keeps the book as it was. */
static void
test_restore(void)
{
	struct backup_counts	 bc;
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	char			*path, *copy, *saved;

	db = test_db("restore.db", &path);
	add(db, "Ana");
	add(db, "Bob");
	copy = test_path("restore-copy.db");
	unlink(copy);
	CHECK(backup_write(db, copy, &err) == KITH_OK);
	add(db, "Chen");
	CHECK(kith_db_begin(db, &err) == KITH_OK);
	CHECK(backup_restore(db, copy, NULL, &err) == KITH_INVALID);
	kith_db_rollback(db);
	CHECK(backup_restore(db, copy, &saved, &err) == KITH_OK);
	CHECK(saved != NULL && strstr(saved, "-before-restore.db") != NULL);
	kith_db_close(db);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	CHECK(backup_count(db, &bc, &err) == KITH_OK);
	CHECK_INT(bc.contacts, 2);
	CHECK(backup_inspect(saved, &bc, &err) == KITH_OK);
	CHECK_INT(bc.contacts, 3);
	unlink(saved);
	free(saved);
	unlink(copy);
	free(copy);
	test_db_done(db, path);
}

TEST_MAIN(test_snapshot_while_writing, test_retention, test_inspect_refuses,
    test_restore)
