/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the export (src/core/export.c, csv_export.c) through real
 * files: contacts stored in a scratch database are exported, the CSV is
 * read back with csv_read() and checked cell by cell against the headers
 * Google Contacts and Outlook write (the fixtures google.csv and
 * outlook.csv), then imported into a fresh database and compared.
 *
 * What Google and Outlook read back keeps a leading "'" literally, so
 * phone numbers and dates must never get one; free text (names, notes,
 * organisation, custom fields) still does when a spreadsheet would run it.
 *
 * An export is one snapshot: a writer process that adds and deletes
 * contacts while the export runs changes nothing in it.
 */
#define _GNU_SOURCE		/* fopencookie */
#include <sys/types.h>
#include <sys/wait.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/contact.h"
#include "kith/csvio.h"
#include "kith/import.h"
#include "kith/util.h"
#include "check.h"
#include "testdb.h"

#ifndef KITH_FIXTURES
#define KITH_FIXTURES "tests/fixtures"
#endif

/* All the records of a CSV file, as strings. */
struct sheet {
	char		***cell;	/* cell[r][i] */
	size_t		 *n;		/* fields of record r */
	size_t		  rows;
};

static void	 test_google(void);
static void	 test_outlook(void);
static void	 test_kith(void);
static void	 test_snapshot(void);

static int	 sheet_add(const struct csv_record *, void *);
static void	 sheet_read(struct sheet *, const char *);
static void	 sheet_free(struct sheet *);
static const char *cell(const struct sheet *, size_t, const char *);
static int	 in_header(const struct sheet *, const char *);
static void	 store(struct kith_db *);
static struct contact *find(struct kith_db *, const char *);
static char	*export_to(struct kith_db *, const char *, const char *);
static struct kith_db *reimport(const char *, const char *, char **);

static int
sheet_add(const struct csv_record *rec, void *arg)
{
	struct sheet	*sh = arg;
	size_t		 i;

	sh->cell = xreallocarray(sh->cell, sh->rows + 1, sizeof *sh->cell);
	sh->n = xreallocarray(sh->n, sh->rows + 1, sizeof *sh->n);
	sh->cell[sh->rows] = xcalloc(rec->n + 1, sizeof **sh->cell);
	for (i = 0; i < rec->n; i++)
		sh->cell[sh->rows][i] = xstrdup(rec->field[i]);
	sh->n[sh->rows++] = rec->n;
	return 0;
}

static void
sheet_read(struct sheet *sh, const char *path)
{
	struct kith_err	 err = { 0 };

	memset(sh, 0, sizeof *sh);
	CHECK_INT(csv_read(path, NULL, NULL, sheet_add, sh, &err), KITH_OK);
}

static void
sheet_free(struct sheet *sh)
{
	size_t	 r, i;

	for (r = 0; r < sh->rows; r++) {
		for (i = 0; i < sh->n[r]; i++)
			free(sh->cell[r][i]);
		free(sh->cell[r]);
	}
	free(sh->cell);
	free(sh->n);
}

/* The cell of record r under header name (record 0), or NULL. */
static const char *
cell(const struct sheet *sh, size_t r, const char *name)
{
	size_t	 i;

	if (sh->rows == 0 || r >= sh->rows)
		return NULL;
	for (i = 0; i < sh->n[0] && i < sh->n[r]; i++)
		if (strcmp(sh->cell[0][i], name) == 0)
			return sh->cell[r][i];
	return NULL;
}

static int
in_header(const struct sheet *sh, const char *name)
{
	size_t	 i;

	for (i = 0; sh->rows > 0 && i < sh->n[0]; i++)
		if (strcmp(sh->cell[0][i], name) == 0)
			return 1;
	return 0;
}

/*
 * Ana: a phone with '+', one with '(', a year-less birthday, tags, a
 * formula-like note and organisation.  Bob: a formula for a first name and
 * for a phone, a birthday with a year.  Both have as many e-mails, phones,
 * addresses, URLs and custom fields as the google.csv fixture has columns
 * for.
 */
static void
store(struct kith_db *db)
{
	struct contact_address a = { "home", "Knez Mihailova 12", "Beograd",
	    NULL, "11000", "Serbia" };
	struct kith_err	 err = { 0 };
	struct contact	*c;

	c = contact_new();
	contact_set(&c->given, "Ana");
	contact_set(&c->family, "Petrović");
	contact_set(&c->org, "-Minus d.o.o.");
	contact_set(&c->birthday, "--07-02");
	contact_set(&c->notes, "=HYPERLINK(\"http://x.example\",\"x\")");
	contact_add_email(c, "ana@example.com", "work");
	contact_add_email(c, "ana@home.example", "home");
	contact_add_phone(c, "+44 20 7946 0958", "mobile");
	contact_add_phone(c, "-5550102233", "work");
	contact_add_address(c, &a);
	contact_add_url(c, "https://ana.example", "blog");
	contact_add_tag(c, "VIP");
	contact_add_tag(c, "Klijent");
	contact_add_custom(c, "Anniversary", "2010-06-05");
	CHECK_INT(contact_insert(db, c, &err), KITH_OK);
	contact_free(c);

	c = contact_new();
	contact_set(&c->given, "=cmd");
	contact_set(&c->family, "Bell");
	contact_set(&c->birthday, "1988-02-29");
	contact_add_email(c, "bob@example.com", NULL);
	contact_add_phone(c, "+cmd|' /C calc'!A0", "home");
	contact_add_phone(c, "+1 (555) 010-0175", NULL);
	CHECK_INT(contact_insert(db, c, &err), KITH_OK);
	contact_free(c);
}

/* The contact whose family name is family (caller frees), or NULL. */
static struct contact *
find(struct kith_db *db, const char *family)
{
	struct contact	*c;
	int64_t		 id;

	for (id = 1; id < 10; id++) {
		if (contact_get(db, id, &c, NULL) != KITH_OK)
			continue;
		if (c->family != NULL && strcmp(c->family, family) == 0)
			return c;
		contact_free(c);
	}
	return NULL;
}

/* Exports db in format to a fresh file; returns its path (caller frees). */
static char *
export_to(struct kith_db *db, const char *format, const char *name)
{
	struct kith_err	 err = { 0 };
	char		*path = test_path(name);
	FILE		*fp;
	long		 n = 0;

	fp = fopen(path, "w");
	CHECK(fp != NULL);
	if (fp == NULL)
		return path;
	CHECK_INT(export_contacts(db, fp, format, &n, &err), KITH_OK);
	CHECK_INT(n, 2);
	fclose(fp);
	return path;
}

/* A fresh database with file imported into it. */
static struct kith_db *
reimport(const char *file, const char *name, char **dbpath)
{
	struct import_opts	 opts = { 0 };
	struct import_report	 rep = { 0 };
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	char			*rejects;

	db = test_db(name, dbpath);
	rejects = xasprintf("%s.rejects", file);
	opts.rejects = rejects;
	CHECK_INT(import_file(db, file, &opts, &rep, &err), KITH_OK);
	CHECK_INT(rep.added, 2);
	CHECK_INT(rep.rejected, 0);
	import_report_free(&rep);
	unlink(rejects);
	free(rejects);
	return db;
}

static void
test_google(void)
{
	struct sheet	 fx, sh;
	struct kith_db	*db, *db2;
	struct contact	*c;
	char		*dbp, *dbp2, *path;
	const char	*v;
	size_t		 r, i;

	db = test_db("export-google.db", &dbp);
	store(db);
	path = export_to(db, "google", "export-google.csv");
	sheet_read(&sh, path);
	sheet_read(&fx, KITH_FIXTURES "/csv/google.csv");
	CHECK_INT(sh.rows, 3);

	/* Every column is one Google writes, by the same name. */
	for (i = 0; sh.rows > 0 && i < sh.n[0]; i++)
		if (!in_header(&fx, sh.cell[0][i])) {
			fprintf(stderr, "not a Google column: %s\n",
			    sh.cell[0][i]);
			CHECK(0);
		}
	/* Bell, =cmd sorts before Petrović, Ana. */
	CHECK_STR(cell(&sh, 2, "First Name"), "Ana");
	CHECK_STR(cell(&sh, 2, "Phone 1 - Value"), "+44 20 7946 0958");
	CHECK_STR(cell(&sh, 2, "Phone 2 - Value"), "-5550102233");
	CHECK_STR(cell(&sh, 2, "Birthday"), "--07-02");
	CHECK_STR(cell(&sh, 2, "Labels"), "* myContacts ::: Klijent ::: VIP");
	CHECK_STR(cell(&sh, 2, "Notes"),
	    "'=HYPERLINK(\"http://x.example\",\"x\")");
	CHECK_STR(cell(&sh, 2, "Organization Name"), "'-Minus d.o.o.");
	CHECK_STR(cell(&sh, 2, "Custom Field 1 - Value"), "2010-06-05");
	CHECK_STR(cell(&sh, 1, "First Name"), "'=cmd");
	CHECK_STR(cell(&sh, 1, "Birthday"), "1988-02-29");
	CHECK_STR(cell(&sh, 1, "Phone 1 - Value"), "'+cmd|' /C calc'!A0");
	CHECK_STR(cell(&sh, 1, "Phone 2 - Value"), "+1 (555) 010-0175");
	/* No phone and no date starts with "'", unless it is a formula. */
	for (r = 1; r < sh.rows; r++) {
		v = cell(&sh, r, "Birthday");
		CHECK(v != NULL && v[0] != '\'');
		v = cell(&sh, r, "Phone 2 - Value");
		CHECK(v != NULL && v[0] != '\'');
	}

	/* Read back by kith, the way Google would. */
	db2 = reimport(path, "export-google2.db", &dbp2);
	if ((c = find(db2, "Petrović")) != NULL) {
		CHECK_INT(c->n_phones, 2);
		CHECK_STR(c->phones[0].raw, "+44 20 7946 0958");
		CHECK_STR(c->phones[1].raw, "-5550102233");
		CHECK_STR(c->birthday, "--07-02");
		CHECK_INT(c->n_tags, 2);
		CHECK_INT(c->n_emails, 2);
	} else
		CHECK(0);
	contact_free(c);
	if ((c = find(db2, "Bell")) != NULL) {
		CHECK_STR(c->birthday, "1988-02-29");
		CHECK_STR(c->phones[1].raw, "+1 (555) 010-0175");
	} else
		CHECK(0);
	contact_free(c);
	test_db_done(db2, dbp2);

	sheet_free(&fx);
	sheet_free(&sh);
	unlink(path);
	free(path);
	test_db_done(db, dbp);
}

static void
test_outlook(void)
{
	struct sheet	 fx, sh;
	struct kith_db	*db, *db2;
	struct contact	*c;
	char		*dbp, *dbp2, *path;
	const char	*v;
	size_t		 r, i;

	db = test_db("export-outlook.db", &dbp);
	store(db);
	path = export_to(db, "outlook", "export-outlook.csv");
	sheet_read(&sh, path);
	sheet_read(&fx, KITH_FIXTURES "/csv/outlook.csv");
	CHECK_INT(sh.rows, 3);

	/* outlook.com's 61 columns in its order, then Categories. */
	CHECK(fx.rows > 0 && fx.n[0] == 61);
	CHECK(sh.rows > 0 && sh.n[0] == 62);
	for (i = 0; sh.rows > 0 && fx.rows > 0 && i < 61 && i < sh.n[0] &&
	    i < fx.n[0]; i++)
		CHECK_STR(sh.cell[0][i], fx.cell[0][i]);
	CHECK_STR(sh.cell[0][61], "Categories");

	CHECK_STR(cell(&sh, 2, "Mobile Phone"), "+44 20 7946 0958");
	CHECK_STR(cell(&sh, 2, "Business Phone"), "-5550102233");
	CHECK_STR(cell(&sh, 2, "Birthday"), "");
	CHECK_STR(cell(&sh, 2, "Anniversary"), "6/5/2010");
	CHECK_STR(cell(&sh, 2, "Categories"), "Klijent;VIP");
	CHECK_STR(cell(&sh, 2, "Company"), "'-Minus d.o.o.");
	CHECK_STR(cell(&sh, 2, "Notes"),
	    "'=HYPERLINK(\"http://x.example\",\"x\")\n\n"
	    "Birthday: July 2 (no year)");
	CHECK_STR(cell(&sh, 1, "First Name"), "'=cmd");
	CHECK_STR(cell(&sh, 1, "Birthday"), "2/29/1988");
	CHECK_STR(cell(&sh, 1, "Home Phone"), "'+cmd|' /C calc'!A0");
	CHECK_STR(cell(&sh, 1, "Primary Phone"), "+1 (555) 010-0175");
	for (r = 1; r < sh.rows; r++) {
		v = cell(&sh, r, "Notes");
		CHECK(v != NULL && strstr(v, "Categories") == NULL);
	}

	db2 = reimport(path, "export-outlook2.db", &dbp2);
	if ((c = find(db2, "Petrović")) != NULL) {
		CHECK_INT(c->n_phones, 2);
		CHECK_INT(c->n_tags, 2);
		if (c->n_tags == 2) {
			CHECK_STR(c->tags[0], "Klijent");
			CHECK_STR(c->tags[1], "VIP");
		}
	} else
		CHECK(0);
	contact_free(c);
	if ((c = find(db2, "Bell")) != NULL)
		CHECK_STR(c->birthday, "1988-02-29");
	else
		CHECK(0);
	contact_free(c);
	test_db_done(db2, dbp2);

	sheet_free(&fx);
	sheet_free(&sh);
	unlink(path);
	free(path);
	test_db_done(db, dbp);
}

/* kith's own layout keeps guarding every cell and reads back exactly. */
static void
test_kith(void)
{
	struct sheet	 sh;
	struct kith_db	*db, *db2;
	struct contact	*c;
	char		*dbp, *dbp2, *path;

	db = test_db("export-kith.db", &dbp);
	store(db);
	path = export_to(db, "kith", "export-kith.csv");
	sheet_read(&sh, path);
	CHECK_STR(cell(&sh, 2, "phone 1"), "'+44 20 7946 0958");
	CHECK_STR(cell(&sh, 2, "birthday"), "'--07-02");
	db2 = reimport(path, "export-kith2.db", &dbp2);
	if ((c = find(db2, "Petrović")) != NULL) {
		CHECK_STR(c->phones[0].raw, "+44 20 7946 0958");
		CHECK_STR(c->birthday, "--07-02");
		CHECK_STR(c->org, "-Minus d.o.o.");
	} else
		CHECK(0);
	contact_free(c);
	test_db_done(db2, dbp2);
	sheet_free(&sh);
	unlink(path);
	free(path);
	test_db_done(db, dbp);
}

/* The writer process of test_snapshot, started at the first write. */
struct writer {
	const char	*path;		/* the database */
	int		 started;
	int		 status;	/* its exit status */
};

#define SNAP_N		600	/* more than one page of the export */

static ssize_t
writer_write(void *arg, const char *buf, size_t n)
{
	struct writer	*w = arg;
	struct kith_db	*db;
	struct contact	*c;
	pid_t		 pid;
	int		 i, ok = 1;

	(void)buf;
	if (w->started)
		return (ssize_t)n;
	w->started = 1;
	fflush(NULL);
	if ((pid = fork()) == 0) {
		if (kith_db_open(w->path, &db, NULL) != KITH_OK)
			_exit(2);
		/* A last page contact goes; 50 new ones come. */
		ok = contact_delete(db, SNAP_N, NULL) == KITH_OK;
		for (i = 0; i < 50 && ok; i++) {
			char	*name = xasprintf("Zz New %02d", i);

			c = contact_new();
			contact_set(&c->display, name);
			ok = contact_insert(db, c, NULL) == KITH_OK;
			contact_free(c);
			free(name);
		}
		kith_db_close(db);
		_exit(ok ? 0 : 1);
	}
	if (pid < 0 || waitpid(pid, &w->status, 0) != pid)
		w->status = -1;
	return (ssize_t)n;
}

static void
test_snapshot(void)
{
	cookie_io_functions_t io = { NULL, writer_write, NULL, NULL };
	struct writer	 w = { 0 };
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	char		*dbp;
	FILE		*fp;
	long		 n = 0;
	int		 i;

	db = test_db("export-snapshot.db", &dbp);
	CHECK_INT(kith_db_begin(db, &err), KITH_OK);
	for (i = 0; i < SNAP_N; i++) {
		char	*name = xasprintf("Person %04d", i);

		c = contact_new();
		contact_set(&c->display, name);
		CHECK_INT(contact_insert(db, c, &err), KITH_OK);
		contact_free(c);
		free(name);
	}
	CHECK_INT(kith_db_commit(db, &err), KITH_OK);

	w.path = dbp;
	fp = fopencookie(&w, "w", io);
	CHECK(fp != NULL);
	if (fp == NULL)
		goto out;
	setvbuf(fp, NULL, _IONBF, 0);	/* each row reaches writer_write */
	CHECK_INT(export_contacts(db, fp, "kith", &n, &err), KITH_OK);
	fclose(fp);
	CHECK(w.started);
	CHECK_INT(w.status, 0);
	CHECK_INT(n, SNAP_N);		/* as many as when it began */

	/* The writer did change the database. */
	fp = fopen("/dev/null", "w");
	CHECK_INT(export_contacts(db, fp, "kith", &n, &err), KITH_OK);
	fclose(fp);
	CHECK_INT(n, SNAP_N - 1 + 50);
out:
	test_db_done(db, dbp);
}

TEST_MAIN(test_google, test_outlook, test_kith, test_snapshot)
