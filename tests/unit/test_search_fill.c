/* SPDX-License-Identifier: MIT */
/*
 * search_fill() (search_fill.c): the search entries a bulk import writes at
 * its end, computed by a second handle on a thread while this one writes
 * them.  They must be the very rows that one INSERT ... SELECT per range
 * writes (search_index_range), whatever the ranges, blocks and entries
 * already there, and the in-memory fallback must write the same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/import.h"
#include "kith/search.h"
#include "kith/util.h"
#include "check.h"
#include "testdb.h"
#include "testsql.h"

#define ROWS	700	/* more than two blocks of the queue (256) */
#define SIDE_ROWS 3000	/* past 64 KiB: progress is told during the rows */

static void	 write_csv(const char *, int);
static char	*entries(struct kith_db *);
static int64_t	 q(struct kith_db *, const char *);
static int64_t	 import_it(struct kith_db *, const char *);
static void	 check_fill(struct kith_db *, int64_t, int64_t, int64_t);

/* Names of several scripts, empty and shared fields, and tags. */
static void
write_csv(const char *path, int rows)
{
	static const char *const given[] = {
		"Ana", "Petar", "Алексей", "Σοφία", "美咲", "José", "", "Zoë",
	};
	static const char *const family[] = {
		"Petrović", "Smith", "Иванов", "Παπαδοπούλου", "佐藤", "Núñez",
		"O'Brien", "",
	};
	FILE	*fp;
	int	 i;

	if ((fp = fopen(path, "w")) == NULL) {
		perror(path);
		exit(1);
	}
	fputs("First Name,Last Name,E-mail 1 - Value,E-mail 2 - Value,"
	    "Phone 1 - Value,Organization Name,Organization Title,Notes,"
	    "Labels\n", fp);
	for (i = 0; i < rows; i++) {
		fprintf(fp, "%s,%s%d,", given[i % 8], family[(i / 8) % 8], i);
		if (i % 5 != 0)
			fprintf(fp, "p%d@example.org", i);
		fputc(',', fp);
		if (i % 3 == 0)
			fprintf(fp, "second.%d@mail.example", i);
		fputc(',', fp);
		if (i % 4 != 1)
			fprintf(fp, "+44 20 7946 %04d", i);
		fprintf(fp, ",%s,%s,", i % 6 == 0 ? "" : "Acme Ltd",
		    i % 7 == 0 ? "Partner" : "");
		if (i % 9 == 0)
			fprintf(fp, "\"met at the fair, row %d\"", i);
		fprintf(fp, ",%s\n", i % 2 ? "* myContacts ::: Clients" :
		    "* myContacts");
	}
	fclose(fp);
}

static int64_t
q(struct kith_db *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	int64_t		 v = -1;

	if (sqlite3_prepare_v2(kith_db_sqlite(db), sql, -1, &stmt, NULL) !=
	    SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql,
		    sqlite3_errmsg(kith_db_sqlite(db)));
		exit(1);
	}
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* Every entry, rowid and columns (NULL apart from ''), in rowid order. */
static char *
entries(struct kith_db *db)
{
	struct sbuf	 sb = { 0 };
	sqlite3_stmt	*stmt;
	int		 i;

	if (sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT rowid, name, org, "
	    "email, phone, tag, note, keys FROM contact_fts ORDER BY rowid",
	    -1, &stmt, NULL) != SQLITE_OK)
		exit(1);
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		sbuf_printf(&sb, "%lld", (long long)sqlite3_column_int64(stmt,
		    0));
		for (i = 1; i < 8; i++) {
			if (sqlite3_column_type(stmt, i) == SQLITE_NULL)
				sbuf_add(&sb, "|<null>");
			else
				sbuf_printf(&sb, "|%s",
				    sqlite3_column_text(stmt, i));
		}
		sbuf_addc(&sb, '\n');
	}
	sqlite3_finalize(stmt);
	return sbuf_detach(&sb);
}

/* Imports the file on the bulk path; returns the batch. */
static int64_t
import_it(struct kith_db *db, const char *csv)
{
	struct import_opts	 opts = { 0 };
	struct import_report	 rep = { 0 };
	struct kith_err		 err = { 0 };
	int64_t			 batch;

	opts.bulk = IMPORT_BULK_ON;
	if (import_file(db, csv, &opts, &rep, &err) != KITH_OK) {
		fprintf(stderr, "import: %s\n", err.msg);
		exit(1);
	}
	CHECK(rep.bulk);
	CHECK_INT(rep.added, ROWS);
	batch = rep.batch;
	import_report_free(&rep);
	return batch;
}

/*
 * Takes the entries of every third contact away, and all of them, and
 * writes them again with search_fill() in ranges of per ids: the same
 * entries as the reference (one statement per whole range), and *done
 * counts the ones written.
 */
static void
check_fill(struct kith_db *db, int64_t batch, int64_t per, int64_t every)
{
	struct kith_err	 err = { 0 };
	char		*want, *got, sql[160];
	int64_t		 lo, hi, gone;
	long		 done = 0;

	lo = q(db, "SELECT min(id) FROM contact");
	hi = q(db, "SELECT max(id) FROM contact");
	want = entries(db);

	snprintf(sql, sizeof sql, "DELETE FROM contact_fts WHERE rowid %% "
	    "%lld = 0", (long long)every);
	sql_exec(db, sql);
	gone = (int64_t)ROWS - q(db, "SELECT count(*) FROM contact_fts");
	CHECK(gone > 0 || every > hi);	/* else a case that writes none */

	CHECK(kith_db_begin(db, &err) == KITH_OK);
	CHECK(search_fill(db, batch, lo, hi, per, &done, &err) == KITH_OK);
	CHECK(kith_db_commit(db, &err) == KITH_OK);
	CHECK_INT(done, gone);
	got = entries(db);
	CHECK_STR(got, want);
	CHECK_INT(q(db, "SELECT count(*) FROM contact_fts"), ROWS);
	free(got);
	free(want);
}

static void
test_same_entries(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path, *csv, *filled, *reference;
	int64_t		 batch, lo, hi;
	long		 done = 0;

	db = test_db("fill.db", &path);
	csv = test_path("fill.csv");
	write_csv(csv, ROWS);
	batch = import_it(db, csv);
	filled = entries(db);
	CHECK_INT(q(db, "SELECT count(*) FROM contact_fts"), ROWS);

	/* The reference: one INSERT ... SELECT over the whole batch. */
	lo = q(db, "SELECT min(id) FROM contact");
	hi = q(db, "SELECT max(id) FROM contact");
	sql_exec(db, "DELETE FROM contact_fts");
	CHECK(kith_db_begin(db, &err) == KITH_OK);
	CHECK(search_index_range(db, batch, lo, hi, &done, &err) == KITH_OK);
	CHECK(kith_db_commit(db, &err) == KITH_OK);
	CHECK_INT(done, ROWS);
	reference = entries(db);
	CHECK_STR(filled, reference);
	CHECK(strstr(reference, "||") != NULL);	/* empty columns are met */

	/* Ranges shorter and longer than a block, ending mid-block. */
	check_fill(db, batch, 97, 3);
	check_fill(db, batch, 256, 2);
	check_fill(db, batch, 1, 5);
	check_fill(db, batch, 100000, 1);
	/* Nothing to write: no rows, and nothing counted. */
	check_fill(db, batch, 300, ROWS + lo + 1);

	/* Another batch's contacts are not written. */
	sql_exec(db, "DELETE FROM contact_fts");
	done = 0;
	CHECK(kith_db_begin(db, &err) == KITH_OK);
	CHECK(search_fill(db, batch + 1, lo, hi, 100, &done, &err) ==
	    KITH_OK);
	CHECK(kith_db_commit(db, &err) == KITH_OK);
	CHECK_INT(done, 0);
	CHECK_INT(q(db, "SELECT count(*) FROM contact_fts"), 0);

	free(filled);
	free(reference);
	unlink(csv);
	free(csv);
	test_db_done(db, path);
}

/*
 * The side (search_side.c) reads ranges while they are committed: told of
 * the committed ids in steps that fit no range, it writes the very entries
 * of one statement, and copies them into the book's empty index.  Stopped
 * while its reader waits for ids, it ends at once, leaving no file and the
 * book's index as it was.
 */
static void
test_side_steps(void)
{
	struct search_side	*s;
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	char			*path, *csv, *side, *reference, *got;
	int64_t			 batch, lo, hi, id;

	db = test_db("steps.db", &path);
	csv = test_path("steps.csv");
	write_csv(csv, ROWS);
	batch = import_it(db, csv);
	reference = entries(db);
	lo = q(db, "SELECT min(id) FROM contact");
	hi = q(db, "SELECT max(id) FROM contact");
	side = xasprintf("%s-fts-%ld", path, (long)getpid());

	sql_exec(db, "DELETE FROM contact_fts");
	CHECK((s = search_side_start(db, batch, lo, 97)) != NULL);
	CHECK(access(side, F_OK) == 0);
	for (id = lo + 12; id < hi; id += 61)
		search_side_advance(s, id);
	search_side_close(s, hi);
	CHECK(search_side_finish(s, &err) == KITH_OK);
	CHECK(access(side, F_OK) != 0);
	got = entries(db);
	CHECK_STR(got, reference);
	free(got);

	/* Stopped with part of a range committed. */
	sql_exec(db, "DELETE FROM contact_fts");
	CHECK((s = search_side_start(db, batch, lo, 97)) != NULL);
	search_side_advance(s, lo + 150);
	search_side_abort(s);
	CHECK(access(side, F_OK) != 0);
	CHECK_INT(q(db, "SELECT count(*) FROM contact_fts"), 0);

	/* The book's index is no longer empty: nothing is copied. */
	CHECK((s = search_side_start(db, batch, lo, 0)) != NULL);
	sql_exec(db, "INSERT INTO contact_fts (rowid, name) VALUES (1, 'x')");
	CHECK(search_side_finish(s, &err) == KITH_NOTFOUND);
	CHECK_INT(q(db, "SELECT count(*) FROM contact_fts"), 1);
	CHECK(access(side, F_OK) != 0);

	free(reference);
	free(side);
	unlink(csv);
	free(csv);
	test_db_done(db, path);
}

/* In memory there is no second handle: each range is one statement. */
static void
test_in_memory(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db, *file;
	char		*path, *csv, *want;
	int64_t		 batch;

	csv = test_path("fill-mem.csv");
	write_csv(csv, ROWS);
	file = test_db("fill-mem.db", &path);
	import_it(file, csv);
	want = entries(file);
	test_db_done(file, path);

	CHECK(kith_db_open(":memory:", &db, &err) == KITH_OK);
	batch = import_it(db, csv);
	CHECK(batch > 0);
	{
		char *got = entries(db);

		CHECK_STR(got, want);
		free(got);
	}
	check_fill(db, batch, 97, 2);
	free(want);
	kith_db_close(db);
	unlink(csv);
	free(csv);
}

struct side_seen {
	const char	*path;
	int		 side;		/* the side file was there */
};

static void
side_progress(void *arg, long long done, long long total)
{
	struct side_seen	*seen = arg;
	char			*side;

	(void)done;
	(void)total;
	side = xasprintf("%s-fts-%ld", seen->path, (long)getpid());
	if (access(side, F_OK) == 0)
		seen->side = 1;
	free(side);
}

/*
 * Into an empty book, the entries are built beside the rows on a thread
 * (search_side.c) and copied in: the same entries, merged contacts'
 * included, an index this handle searches and writes at once, and no
 * file left.  A book with a contact takes the usual way.
 */
static void
test_side(void)
{
	struct import_opts	 opts = { 0 };
	struct import_report	 rep = { 0 };
	struct kith_err		 err = { 0 };
	struct side_seen	 seen = { 0 };
	struct kith_db		*db;
	sqlite3_stmt		*stmt;
	FILE			*fp;
	char			*path, *csv, *side, *got, *want;
	int64_t			 lo, hi;
	long			 done = 0;

	db = test_db("side.db", &path);
	csv = test_path("side.csv");
	write_csv(csv, SIDE_ROWS);
	/* A row merging into one added before (its e-mail, a new phone). */
	fp = fopen(csv, "a");
	fputs("Ana,Petrović1,p1@example.org,,+381 11 555 0101,,,,\n", fp);
	fclose(fp);
	opts.bulk = IMPORT_BULK_ON;
	opts.progress = side_progress;
	opts.arg = &seen;
	seen.path = path;
	CHECK(import_file(db, csv, &opts, &rep, &err) == KITH_OK);
	CHECK(rep.bulk);
	CHECK_INT(rep.added, SIDE_ROWS);
	CHECK_INT(rep.merged, 1);
	CHECK(seen.side);
	side = xasprintf("%s-fts-%ld", path, (long)getpid());
	CHECK(access(side, F_OK) != 0);		/* removed */
	free(side);
	got = entries(db);

	/* This handle searches the copied index and finds the merge. */
	CHECK_INT(q(db, "SELECT count(*) FROM contact_fts WHERE contact_fts "
	    "MATCH 'phone:381115550101'"), 1);
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "INSERT INTO "
	    "contact_fts(contact_fts) VALUES('integrity-check')", -1, &stmt,
	    NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_DONE);
	sqlite3_finalize(stmt);
	/* The side merges less; the book keeps its own settings. */
	CHECK_INT(q(db, "SELECT count(*) FROM contact_fts_config WHERE "
	    "k = 'automerge'"), 0);

	/* The reference: one INSERT ... SELECT over the whole batch. */
	lo = q(db, "SELECT min(id) FROM contact");
	hi = q(db, "SELECT max(id) FROM contact");
	sql_exec(db, "DELETE FROM contact_fts");
	CHECK(kith_db_begin(db, &err) == KITH_OK);
	CHECK(search_index_range(db, rep.batch, lo, hi, &done, &err) ==
	    KITH_OK);
	CHECK(kith_db_commit(db, &err) == KITH_OK);
	want = entries(db);
	CHECK_STR(got, want);
	free(got);
	free(want);
	import_report_free(&rep);

	/* Not empty now: a second import writes its entries at the end. */
	seen.side = 0;
	memset(&rep, 0, sizeof rep);
	CHECK(import_file(db, csv, &opts, &rep, &err) == KITH_OK);
	CHECK(!seen.side);
	import_report_free(&rep);
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "INSERT INTO "
	    "contact_fts(contact_fts) VALUES('integrity-check')", -1, &stmt,
	    NULL) == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_DONE);
	sqlite3_finalize(stmt);

	unlink(csv);
	free(csv);
	test_db_done(db, path);
}

TEST_MAIN(test_same_entries, test_in_memory, test_side, test_side_steps)
