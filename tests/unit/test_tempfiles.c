/* SPDX-License-Identifier: MIT */
/*
 * No client data in temporary files outside the database's folder: a
 * new book is made, written, searched and fed a CSV file (the row-by-row
 * path) through a VFS that counts every temporary file SQLite opens.
 * SQLite names those itself, in /var/tmp or $TMPDIR, and a schema being
 * made used to open one there.
 */
#include <sqlite3.h>
#include <stdio.h>
#include <string.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"
#include "kith/import.h"

#define TEMP_FLAGS	(SQLITE_OPEN_TEMP_DB | SQLITE_OPEN_TEMP_JOURNAL | \
			    SQLITE_OPEN_TRANSIENT_DB | SQLITE_OPEN_SUBJOURNAL)

static sqlite3_vfs	*real;
static sqlite3_vfs	 counting;
static int		 temp_opens;

static int
counting_open(sqlite3_vfs *vfs, const char *name, sqlite3_file *f,
    int flags, int *out)
{
	(void)vfs;
	if (flags & TEMP_FLAGS) {
		temp_opens++;
		fprintf(stderr, "temporary file opened (flags %#x)\n", flags);
	}
	return real->xOpen(real, name, f, flags, out);
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

TEST_MAIN(test_no_temp_files)
