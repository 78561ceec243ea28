/* SPDX-License-Identifier: MIT */
/*
 * No client data in temporary files outside the database's folder: a
 * new book is made, written, searched and fed a CSV file (the row-by-row
 * path) through a VFS that counts every temporary file SQLite opens.
 * SQLite names those itself, in /var/tmp or $TMPDIR, and a schema being
 * made used to open one there.  A bulk import keeps the mirror of its
 * shared keys in a temporary file, which must be beside the database;
 * the VFS finds where each one went through /proc/self/fd (SQLite
 * removes the file as it opens it).
 */
#include <dirent.h>
#include <limits.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"
#include "kith/import.h"

#define TEMP_FLAGS	(SQLITE_OPEN_TEMP_DB | SQLITE_OPEN_TEMP_JOURNAL | \
			    SQLITE_OPEN_TRANSIENT_DB | SQLITE_OPEN_SUBJOURNAL)

static sqlite3_vfs	*real;
static sqlite3_vfs	 counting;
static int		 temp_opens;
static const char	*allowed;	/* a folder temporary files may use */
static int		 temp_elsewhere;

/* Each removed SQLite temporary file this process holds open outside
 * allowed, counted in temp_elsewhere. */
static void
check_where(void)
{
	struct dirent	*de;
	DIR		*dir;
	char		 link[300], to[PATH_MAX];
	ssize_t		 n;

	if ((dir = opendir("/proc/self/fd")) == NULL)
		return;
	while ((de = readdir(dir)) != NULL) {
		snprintf(link, sizeof link, "/proc/self/fd/%s", de->d_name);
		if ((n = readlink(link, to, sizeof to - 1)) <= 0)
			continue;
		to[n] = '\0';
		if (strstr(to, "etilqs_") == NULL)
			continue;
		if (allowed == NULL || strncmp(to, allowed,
		    strlen(allowed)) != 0 || to[strlen(allowed)] != '/') {
			temp_elsewhere++;
			fprintf(stderr, "temporary file at %s\n", to);
		}
	}
	closedir(dir);
}

static int
counting_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
    int flags, int *out)
{
	int	rc;

	(void)vfs;
	rc = real->xOpen(real, name, f, flags, out);
	if (flags & TEMP_FLAGS) {
		temp_opens++;
		fprintf(stderr, "temporary file opened (flags %#x)\n", flags);
		check_where();
	}
	return rc;
}

/* Every call but xOpen goes to the real VFS: only its size and name
 * differ. */
static void
install(void)
{
	real = sqlite3_vfs_find(NULL);
	counting = *real;
	counting.zName = "kith-counting";
	counting.pAppData = real->pAppData;
	counting.xOpen = counting_open;
	CHECK(sqlite3_vfs_register(&counting, 1) == SQLITE_OK);
}

static void
test_no_temp_files(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct contact		*c;
	struct import_opts	 o;
	struct import_report	 r;
	char			*path, *csv;
	FILE			*f;

	install();
	db = test_db("tempfiles.db", &path);
	csv = test_path("tempfiles.csv");
	c = contact_new();
	contact_set(&c->display, "Ana Petrović");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	CHECK((f = fopen(csv, "w")) != NULL);
	fputs("First Name,Last Name,E-mail Address\n"
	    "Grace,Thompson,grace@northbridge.example\n"
	    "Marko,Petrović,marko@example.org\n", f);
	fclose(f);
	memset(&o, 0, sizeof o);
	o.bulk = IMPORT_BULK_OFF;
	memset(&r, 0, sizeof r);
	CHECK(import_file(db, csv, &o, &r, &err) == KITH_OK);
	CHECK_INT(r.added, 2);
	import_report_free(&r);
	CHECK_INT(temp_opens, 0);
	test_db_done(db, path);
	remove(csv);
	free(csv);
}

/* PRAGMA name's value on db's handle, as text; caller frees. */
static char *
pragma(struct kith_db *db, const char *name)
{
	sqlite3_stmt	*stmt;
	char		*sql, *v = NULL;

	sql = xasprintf("PRAGMA %s", name);
	if (sqlite3_prepare_v2(kith_db_sqlite(db), sql, -1, &stmt, NULL) ==
	    SQLITE_OK) {
		if (sqlite3_step(stmt) == SQLITE_ROW &&
		    sqlite3_column_text(stmt, 0) != NULL)
			v = xstrdup((const char *)sqlite3_column_text(stmt, 0));
		sqlite3_finalize(stmt);
	}
	free(sql);
	return v;
}

struct seen {
	struct kith_db	*db;
	char		*store, *dir;	/* during the import */
};

static void
progress(void *arg, long long done, long long total)
{
	struct seen	*seen = arg;

	(void)done;
	(void)total;
	if (seen->store != NULL)
		return;
	seen->store = pragma(seen->db, "temp_store");
	seen->dir = pragma(seen->db, "temp_store_directory");
}

/*
 * A bulk import keeps its temporary data (the mirror of shared keys,
 * sorts) in files beside the book, not in memory nor in the system's
 * temporary folder, and the handle is as it was afterwards.
 */
static void
test_bulk_beside(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct import_opts	 o;
	struct import_report	 r;
	struct seen		 seen = { 0 };
	char			*path, *csv, *folder, *v;
	FILE			*f;
	int			 i;

	db = test_db("tempbulk.db", &path);
	folder = xasprintf("%.*s", (int)(strrchr(path, '/') - path), path);
	allowed = folder;
	csv = test_path("tempbulk.csv");
	CHECK((f = fopen(csv, "w")) != NULL);
	fputs("First Name,Last Name,E-mail Address\n", f);
	for (i = 0; i < 300; i++)	/* shared names: a mirror to keep */
		fprintf(f, "Ana,Petrović,ana%d@example.org\n", i);
	fclose(f);
	memset(&o, 0, sizeof o);
	o.bulk = IMPORT_BULK_ON;
	o.progress = progress;
	o.arg = &seen;
	seen.db = db;
	memset(&r, 0, sizeof r);
	temp_elsewhere = 0;
	CHECK(import_file(db, csv, &o, &r, &err) == KITH_OK);
	CHECK(r.bulk);
	CHECK_INT(r.added, 300);
	import_report_free(&r);
	CHECK_INT(temp_elsewhere, 0);
	CHECK_STR(seen.store, "1");		/* FILE */
	CHECK_STR(seen.dir, folder);
	v = pragma(db, "temp_store");
	CHECK_STR(v, "2");			/* MEMORY again */
	free(v);
	v = pragma(db, "temp_store_directory");
	CHECK(v == NULL || *v == '\0');
	free(v);
	allowed = NULL;
	free(seen.store);
	free(seen.dir);
	test_db_done(db, path);
	remove(csv);
	free(csv);
	free(folder);
}

TEST_MAIN(test_no_temp_files, test_bulk_beside)
