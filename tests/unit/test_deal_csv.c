/* SPDX-License-Identifier: MIT */
/*
 * Deals as CSV (export_deals, import_file with format "deals") on real
 * database files with a frozen clock: deals made and moved through the
 * core export, import into another book with the same contacts and
 * export again byte for byte, with their dates, days in stage and stage
 * history intact; free text keeps its formula guard through the trip;
 * the import is one change that kith undo takes back.
 */
#include <sqlite3.h>

#include "check.h"
#include "testdb.h"
#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/import.h"
#include "kith/journal.h"
#include "kith/stage.h"

#define DAY	86400

static void	test_round_trip(void);
static void	test_guard(void);
static void	test_undo(void);

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

/* The same two people in any book: Ana (1, with an e-mail), Bob (2). */
static void
people(struct kith_db *db)
{
	struct contact	*c = contact_new();

	contact_set(&c->display, "Ana Petrović");
	contact_add_email(c, "ana@example.com", NULL);
	CHECK(contact_insert(db, c, NULL) == KITH_OK);
	contact_free(c);
	c = contact_new();
	contact_set(&c->display, "Bob Smith");
	CHECK(contact_insert(db, c, NULL) == KITH_OK);
	contact_free(c);
}

/* The whole export of db as a string (caller frees). */
static char *
export(struct kith_db *db, long *n)
{
	struct kith_err	 err = { 0 };
	char		*buf = NULL;
	size_t		 len = 0;
	FILE		*fp = open_memstream(&buf, &len);

	if (export_deals(db, fp, n, &err) != KITH_OK)
		fprintf(stderr, "export_deals: %s\n", err.msg);
	fclose(fp);
	return buf;
}

/* Writes s to a file at a fresh path (caller frees the path). */
static char *
file_of(const char *name, const char *s)
{
	char	*path = test_path(name);
	FILE	*fp = fopen(path, "w");

	fputs(s, fp);
	fclose(fp);
	return path;
}

static enum kith_status
import(struct kith_db *db, const char *path, struct import_report *rep)
{
	struct import_opts	 io = { 0 };
	struct kith_err		 err = { 0 };
	enum kith_status	 st;

	io.format = "deals";
	if ((st = import_file(db, path, &io, rep, &err)) != KITH_OK)
		fprintf(stderr, "import_file: %s\n", err.msg);
	return st;
}

static void
test_round_trip(void)
{
	struct kith_db		*a, *b;
	struct kith_err		 err = { 0 };
	struct import_report	 rep;
	struct deal		*d, *da, *db_;
	struct stage		 s;
	char			*pa, *pb, *csv, *csv2, *file;
	time_t			 t0 = time_parse("2026-10-01 09:00:00");
	int64_t			 id1, id2;
	long			 n;

	a = test_db("dcsv-a.db", &pa);
	b = test_db("dcsv-b.db", &pb);
	people(a);
	people(b);
	kith_db_set_now(a, t0);
	d = deal_new();
	d->title = xstrdup("Northbridge acquisition");
	d->ref = xstrdup("M-001");
	d->org = xstrdup("Northbridge");
	d->has_value = 1;
	d->value = 1250050;
	memcpy(d->currency, "EUR", 4);
	d->fee = xstrdup("fixed");
	d->next_step = xstrdup("send the letter");
	d->originator_id = 2;
	deal_add_person(d, 1, "client");
	deal_add_person(d, 2, NULL);
	CHECK(deal_add(a, d, &err) == KITH_OK);
	id1 = d->id;
	deal_free(d);
	kith_db_set_now(a, t0 + 3 * DAY + 5 * 3600 + 17);
	CHECK(stage_find(a, "Negotiation", &s, &err) == KITH_OK);
	CHECK(deal_move(a, id1, s.id, &err) == KITH_OK);
	stage_clear(&s);
	kith_db_set_now(a, t0 + 10 * DAY);
	d = deal_new();
	d->title = xstrdup("Lost one");
	CHECK(deal_add(a, d, &err) == KITH_OK);
	id2 = d->id;
	deal_free(d);
	kith_db_set_now(a, t0 + 12 * DAY);
	CHECK(deal_close(a, id2, KITH_STAGE_lost, "too dear", &err) ==
	    KITH_OK);

	csv = export(a, &n);
	CHECK_INT(n, 2);
	CHECK(strstr(csv, "Ana Petrović <ana@example.com> (client); "
	    "Bob Smith,") != NULL);
	CHECK(strstr(csv, "2026-10-01 09:00:00 Interest; 2026-10-04 "
	    "14:00:17 Negotiation") != NULL);
	CHECK(strstr(csv, ",12500.50,EUR,") != NULL);

	/* Another book, a month later. */
	kith_db_set_now(b, t0 + 40 * DAY);
	kith_db_set_now(a, t0 + 40 * DAY);
	file = file_of("dcsv-a.csv", csv);
	CHECK(import(b, file, &rep) == KITH_OK);
	CHECK_INT(rep.added, 2);
	CHECK_INT(rep.rejected, 0);
	import_report_free(&rep);
	csv2 = export(b, NULL);
	CHECK_STR(csv2, csv);

	/* Days in stage, dates and history survive. */
	CHECK(deal_get(a, id1, &da, &err) == KITH_OK);
	CHECK(deal_get(b, 1, &db_, &err) == KITH_OK);
	CHECK_INT(db_->days_in_stage, da->days_in_stage);
	CHECK_INT(db_->days_in_stage, 36);
	CHECK_INT(db_->stage_since, da->stage_since);
	CHECK_INT(db_->created, da->created);
	CHECK_INT(db_->touched, da->touched);
	CHECK_INT(db_->n_people, 2);
	CHECK_STR(db_->stage, "Negotiation");
	deal_free(da);
	deal_free(db_);
	CHECK(deal_get(b, 2, &db_, &err) == KITH_OK);
	CHECK_INT(db_->closed_at, t0 + 12 * DAY);
	CHECK_STR(db_->reason, "too dear");
	deal_free(db_);
	CHECK_INT(q(b, "SELECT count(*) FROM deal_stage_history"), 4);

	unlink(file);
	free(file);
	free(csv);
	free(csv2);
	test_db_done(a, pa);
	test_db_done(b, pb);
}

static void
test_guard(void)
{
	struct kith_db		*a;
	struct kith_err		 err = { 0 };
	struct import_report	 rep;
	struct deal		*d;
	char			*pa, *csv, *csv2, *file;

	a = test_db("dcsv-g.db", &pa);
	kith_db_set_now(a, time_parse("2026-10-01 09:00"));
	d = deal_new();
	d->title = xstrdup("=HYPERLINK(\"x\")");
	d->notes = xstrdup("'=already quoted");
	d->has_value = 1;
	d->value = 0;
	memcpy(d->currency, "USD", 4);
	CHECK(deal_add(a, d, &err) == KITH_OK);
	deal_free(d);
	csv = export(a, NULL);
	CHECK(strstr(csv, "\"'=HYPERLINK(\"\"x\"\")\"") != NULL);
	CHECK(strstr(csv, ",''=already quoted,") != NULL);
	CHECK(strstr(csv, ",0.00,USD,") != NULL);
	file = file_of("dcsv-g.csv", csv);
	CHECK(deal_remove(a, 1, &err) == KITH_OK);
	CHECK(import(a, file, &rep) == KITH_OK);
	CHECK_INT(rep.added, 1);
	import_report_free(&rep);
	CHECK(deal_get(a, 1, &d, &err) == KITH_OK);
	CHECK_STR(d->title, "=HYPERLINK(\"x\")");
	CHECK_STR(d->notes, "'=already quoted");
	deal_free(d);
	csv2 = export(a, NULL);
	CHECK_STR(csv2, csv);
	unlink(file);
	free(file);
	free(csv);
	free(csv2);
	test_db_done(a, pa);
}

static void
test_undo(void)
{
	struct kith_db		*a;
	struct kith_err		 err = { 0 };
	struct import_report	 rep;
	struct import_batch	*bs;
	char			*pa, *file;
	size_t			 n;

	a = test_db("dcsv-u.db", &pa);
	people(a);
	kith_db_set_now(a, time_parse("2026-10-01 09:00"));
	file = file_of("dcsv-u.csv", "Title,People,Stage\n"
	    "One,Ana Petrović (client),Won\nTwo,,\n");
	CHECK(import(a, file, &rep) == KITH_OK);
	CHECK_INT(rep.added, 2);
	CHECK(rep.batch != 0);
	import_report_free(&rep);
	CHECK_INT(q(a, "SELECT count(*) FROM deal"), 2);
	CHECK_INT(q(a, "SELECT count(*) FROM journal WHERE batch_id = 1 AND "
	    "changes IS NOT NULL"), 1);
	CHECK(journal_undo_last(a, NULL, &err) == KITH_OK);
	CHECK_INT(q(a, "SELECT count(*) FROM deal"), 0);
	CHECK_INT(q(a, "SELECT count(*) FROM deal_contact"), 0);
	CHECK_INT(q(a, "SELECT count(*) FROM contact"), 2);
	CHECK(import_batches(a, &bs, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	CHECK_INT(bs[0].undone, 1);
	import_batches_free(bs, n);
	CHECK(import_undo(a, 1, NULL, NULL, &err) == KITH_INVALID);

	/* A failed read leaves nothing, not even a batch. */
	unlink(file);
	free(file);
	file = file_of("dcsv-u2.csv", "Title\nOne\n\"never closed\n");
	{
		struct import_opts io = { 0 };

		io.format = "deals";
		CHECK(import_file(a, file, &io, &rep, &err) == KITH_INVALID);
		CHECK_INT(rep.batch, 0);
		import_report_free(&rep);
	}
	CHECK_INT(q(a, "SELECT count(*) FROM deal"), 0);
	CHECK_INT(q(a, "SELECT count(*) FROM import_batch"), 1);
	unlink(file);
	free(file);
	test_db_done(a, pa);
}

TEST_MAIN(test_round_trip, test_guard, test_undo)
