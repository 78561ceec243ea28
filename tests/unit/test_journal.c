/* SPDX-License-Identifier: MIT */
/*
 * The change journal (journal.h) on real database files: undo of each kind
 * of change (add, edit, rm with its cascades, done, snooze, log, follow,
 * link, unlink, import), refusal when a row changed since, redo, pruning
 * to the last JOURNAL_KEEP actions, and the search index after an undo.
 */
#include <sqlite3.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"
#include "kith/followup.h"
#include "kith/import.h"
#include "kith/interaction.h"
#include "kith/journal.h"
#include "kith/relation.h"
#include "kith/search.h"

/* The first column of the first row of sql, as an integer. */
static long long
q(struct kith_db *db, const char *sql)
{
	sqlite3_stmt	*stmt;
	long long	 v = -1;

	if (sqlite3_prepare_v2(kith_db_sqlite(db), sql, -1, &stmt, NULL)
	    != SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql,
		    sqlite3_errmsg(kith_db_sqlite(db)));
		return -2;
	}
	if (sqlite3_step(stmt) == SQLITE_ROW)
		v = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return v;
}

/* Contacts the search index finds for query. */
static long long
found(struct kith_db *db, const char *query)
{
	int64_t	n = -1;

	if (search_count(db, query, 1, &n, NULL) != KITH_OK)
		return -1;
	return n;
}

static int64_t
add(struct kith_db *db, const char *name, const char *email,
    const char *phone)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	if (email != NULL)
		contact_add_email(c, email, NULL);
	if (phone != NULL)
		contact_add_phone(c, phone, NULL);
	kith_db_action(db, "add", name);
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	id = c->id;
	contact_free(c);
	return id;
}

/* Undoes the last action, which must be of command cmd. */
static void
undo_ok(struct kith_db *db, const char *cmd)
{
	struct journal_entry	 done;
	struct kith_err		 err = { 0 };
	enum kith_status	 st;

	st = journal_undo_last(db, &done, &err);
	if (st != KITH_OK)
		fprintf(stderr, "undo: %s\n", err.msg);
	CHECK(st == KITH_OK);
	if (st == KITH_OK)
		CHECK_STR(done.command, cmd);
	journal_entry_clear(&done);
}

static void
test_nothing(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path;

	db = test_db("j-nothing.db", &path);
	CHECK(journal_undo_last(db, NULL, &err) == KITH_NOTFOUND);
	CHECK(strstr(err.msg, "nothing to undo") != NULL);
	CHECK(journal_undo(db, 42, NULL, &err) == KITH_NOTFOUND);
	test_db_done(db, path);
}

static void
test_add(void)
{
	struct journal_entry	*e;
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct contact		*c = contact_new();
	char			*path;
	size_t			 n;

	db = test_db("j-add.db", &path);
	/* A new organisation goes with the contact that brought it. */
	contact_set(&c->display, "Ana Petrović");
	contact_set(&c->org, "Acme Legal");
	contact_add_email(c, "ana@acme.example", NULL);
	contact_add_tag(c, "client");
	kith_db_action(db, "add", "added Ana Petrović");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	CHECK(journal_list(db, 10, &e, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	if (n == 1) {
		CHECK_STR(e[0].command, "add");
		CHECK_STR(e[0].label, "added Ana Petrović");
		CHECK(e[0].undoable);
	}
	journal_entries_free(e, n);
	CHECK_INT(found(db, "petrovic"), 1);

	undo_ok(db, "add");
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM email"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM org"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM tag"), 0);
	CHECK_INT(found(db, "petrovic"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM contact_fts"), 0);
	/* The undo is an action too, and the add is marked undone. */
	CHECK(journal_list(db, 10, &e, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(e[0].command, "undo");
		CHECK_INT(e[0].undoes, e[1].id);
		CHECK_INT(e[1].undone_by, e[0].id);
	}
	journal_entries_free(e, n);
	/* Nothing left to undo: the undo itself is not taken back. */
	CHECK(journal_undo_last(db, NULL, &err) == KITH_NOTFOUND);
	test_db_done(db, path);
}

static void
test_edit(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	char		*path;
	int64_t		 id;

	db = test_db("j-edit.db", &path);
	id = add(db, "Ana Petrović", "ana@acme.example", "+44 20 7946 0001");
	CHECK(contact_get(db, id, &c, &err) == KITH_OK);
	contact_set(&c->display, "Jelena Marković");
	contact_set(&c->notes, "prefers mornings");
	contact_add_email(c, "jelena@example.org", NULL);
	kith_db_action(db, "edit", "edited Ana");
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);
	CHECK_INT(found(db, "jelena"), 1);
	CHECK_INT(found(db, "petrovic"), 0);

	undo_ok(db, "edit");
	CHECK(contact_get(db, id, &c, &err) == KITH_OK);
	CHECK_STR(c->display, "Ana Petrović");
	CHECK(c->notes == NULL);
	CHECK_INT(c->n_emails, 1);
	CHECK_INT(c->n_phones, 1);
	contact_free(c);
	/* The index follows: the old name is found, the new one is not. */
	CHECK_INT(found(db, "petrovic"), 1);
	CHECK_INT(found(db, "jelena"), 0);
	CHECK_INT(found(db, "mornings"), 0);
	test_db_done(db, path);
}

static void
test_rm(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	char		*path;
	int64_t		 ana, bob, rel, fu, ia, shared;

	db = test_db("j-rm.db", &path);
	ana = add(db, "Ana Petrović", "ana@acme.example", "+44 20 7946 0001");
	bob = add(db, "Bob Smith", "bob@example.org", NULL);
	CHECK(relation_link(db, ana, bob, "spouse", "met 2001", &rel, &err)
	    == KITH_OK);
	CHECK(followup_add(db, ana, "call re: renewal", "2026-12-08", &fu,
	    &err) == KITH_OK);
	CHECK(interaction_log(db, &ana, 1, "call", "2026-12-01", "lunch",
	    NULL, &ia, &err) == KITH_OK);
	{
		int64_t both[2] = { ana, bob };

		CHECK(interaction_log(db, both, 2, "meeting", "2026-12-02",
		    "board", NULL, &shared, &err) == KITH_OK);
	}
	CHECK(contact_get(db, ana, &c, &err) == KITH_OK);
	contact_add_tag(c, "client");
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);

	kith_db_action(db, "rm", "deleted Ana Petrović");
	CHECK(contact_delete(db, ana, &err) == KITH_OK);
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 1);
	CHECK_INT(q(db, "SELECT count(*) FROM relation"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM interaction"), 1);
	CHECK_INT(found(db, "petrovic"), 0);

	undo_ok(db, "rm");
	CHECK(contact_get(db, ana, &c, &err) == KITH_OK);
	CHECK_STR(c->display, "Ana Petrović");
	CHECK_INT(c->n_emails, 1);
	CHECK_INT(c->n_phones, 1);
	CHECK_INT(c->n_tags, 1);
	contact_free(c);
	CHECK_INT(q(db, "SELECT count(*) FROM relation WHERE note = "
	    "'met 2001'"), 1);
	CHECK_INT(q(db, "SELECT count(*) FROM followup WHERE action = "
	    "'call re: renewal'"), 1);
	CHECK_INT(q(db, "SELECT count(*) FROM interaction"), 2);
	CHECK_INT(q(db, "SELECT count(*) FROM interaction_contact"), 3);
	CHECK_INT(found(db, "petrovic"), 1);
	CHECK_INT(found(db, "client"), 1);
	CHECK_INT(q(db, "PRAGMA foreign_key_check"), -1);	/* no rows */
	(void)fu;
	(void)ia;
	(void)shared;
	test_db_done(db, path);
}

/* Wraps a core write that runs outside a transaction, as a front does. */
#define ACTION(db, cmd, call) do {					\
	CHECK(kith_db_begin((db), NULL) == KITH_OK);			\
	CHECK((call) == KITH_OK);					\
	kith_db_action((db), (cmd), cmd " test");			\
	CHECK(kith_db_commit((db), NULL) == KITH_OK);			\
} while (0)

static void
test_followups(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path;
	int64_t		 ana, fu;

	db = test_db("j-fu.db", &path);
	ana = add(db, "Ana Petrović", NULL, NULL);
	ACTION(db, "follow", followup_add(db, ana, "call", "2026-12-08", &fu,
	    &err));
	CHECK_INT(q(db, "SELECT count(*) FROM followup"), 1);

	ACTION(db, "done", followup_done(db, fu, &err));
	CHECK_INT(q(db, "SELECT done_at IS NOT NULL FROM followup"), 1);
	undo_ok(db, "done");
	CHECK_INT(q(db, "SELECT done_at IS NULL FROM followup"), 1);

	ACTION(db, "snooze", followup_reschedule(db, fu, "2026-12-20", FOLLOWUP_SNOOZE,
	    &err));
	CHECK_INT(q(db, "SELECT snoozes FROM followup"), 1);
	undo_ok(db, "snooze");
	CHECK_INT(q(db, "SELECT snoozes FROM followup"), 0);
	CHECK_INT(q(db, "SELECT due = '2026-12-08' FROM followup"), 1);

	undo_ok(db, "follow");
	CHECK_INT(q(db, "SELECT count(*) FROM followup"), 0);
	test_db_done(db, path);
}

static void
test_log_link(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path;
	int64_t		 ana, bob, ia, rel;

	db = test_db("j-log.db", &path);
	ana = add(db, "Ana Petrović", NULL, NULL);
	bob = add(db, "Bob Smith", NULL, NULL);
	kith_db_action(db, "log", "logged a call");
	CHECK(interaction_log(db, &ana, 1, "call", NULL, "lunch", NULL, &ia,
	    &err) == KITH_OK);
	undo_ok(db, "log");
	CHECK_INT(q(db, "SELECT count(*) FROM interaction"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM interaction_contact"), 0);

	/* A new kind made by link goes with its undo. */
	kith_db_action(db, "link", "linked");
	CHECK(relation_link(db, ana, bob, "godparent of/godchild of", NULL,
	    &rel, &err) == KITH_OK);
	ACTION(db, "unlink", relation_unlink(db, rel, &err));
	CHECK_INT(q(db, "SELECT count(*) FROM relation"), 0);
	undo_ok(db, "unlink");
	CHECK_INT(q(db, "SELECT count(*) FROM relation"), 1);
	undo_ok(db, "link");
	CHECK_INT(q(db, "SELECT count(*) FROM relation"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM rel_kind WHERE name = "
	    "'godparent of'"), 0);
	test_db_done(db, path);
}

/*
 * Core writes of one statement are journaled without a transaction of the
 * caller's (the TUI calls them directly), with a default label.
 */
static void
test_unbracketed(void)
{
	struct journal_entry	*e;
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	char			*path;
	size_t			 n;
	int64_t			 ana, bob, fu, rel;

	db = test_db("j-bare.db", &path);
	ana = add(db, "Ana Petrović", NULL, NULL);
	bob = add(db, "Bob Smith", NULL, NULL);
	CHECK(relation_link(db, ana, bob, "friend", NULL, &rel, &err)
	    == KITH_OK);
	CHECK(followup_add(db, ana, "call", "2026-12-08", &fu, &err)
	    == KITH_OK);
	CHECK(followup_done(db, fu, &err) == KITH_OK);
	CHECK(contact_archive(db, bob, 1, &err) == KITH_OK);
	CHECK(relation_unlink(db, rel, &err) == KITH_OK);
	CHECK(journal_list(db, 3, &e, &n, &err) == KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(e[0].command, "change");
		CHECK_STR(e[0].label, "deleted relationship #1");
		CHECK_STR(e[1].label, "changed contact #2 (Bob Smith)");
		CHECK_STR(e[2].label, "changed follow-up #1");
	}
	journal_entries_free(e, n);
	undo_ok(db, "change");
	CHECK_INT(q(db, "SELECT count(*) FROM relation"), 1);
	undo_ok(db, "change");
	CHECK_INT(q(db, "SELECT archived FROM contact WHERE id = 2"), 0);
	undo_ok(db, "change");
	CHECK_INT(q(db, "SELECT done_at IS NULL FROM followup"), 1);
	undo_ok(db, "change");
	CHECK_INT(q(db, "SELECT count(*) FROM followup"), 0);
	test_db_done(db, path);
}

/* A row changed since (by another program, or a later action) is named. */
static void
test_changed_since(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c;
	char		*path;
	int64_t		 ana, first, edit;

	db = test_db("j-since.db", &path);
	ana = add(db, "Ana Petrović", "ana@acme.example", NULL);
	first = q(db, "SELECT max(id) FROM journal");
	CHECK(contact_get(db, ana, &c, &err) == KITH_OK);
	contact_set(&c->title, "Partner");
	kith_db_action(db, "edit", "edited Ana");
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);
	edit = q(db, "SELECT max(id) FROM journal");

	/* The add cannot be undone under the edit: it names the edit. */
	CHECK(journal_undo(db, first, NULL, &err) == KITH_EXISTS);
	CHECK(strstr(err.msg, "contact #1 (Ana Petrović)") != NULL);
	CHECK(strstr(err.msg, "changed since by #2 (edit: edited Ana)")
	    != NULL);
	CHECK(strstr(err.msg, "nothing was undone") != NULL);
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 1);
	CHECK_INT(q(db, "SELECT count(*) FROM journal"), 2);

	/* Another program changes the title: the edit's undo refuses. */
	CHECK(sqlite3_exec(kith_db_sqlite(db), "UPDATE contact SET title = "
	    "'Senior Partner'", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(journal_undo_last(db, NULL, &err) == KITH_EXISTS);
	CHECK(strstr(err.msg, "was changed since (by an import or another "
	    "program)") != NULL);
	CHECK_INT(q(db, "SELECT title = 'Senior Partner' FROM contact"), 1);
	CHECK_INT(q(db, "SELECT count(*) FROM journal WHERE undone_by IS NOT "
	    "NULL"), 0);
	(void)edit;
	test_db_done(db, path);
}

/* An undo never deletes what the action did not add (a cascade). */
static void
test_no_stray_cascade(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path;

	db = test_db("j-stray.db", &path);
	add(db, "Ana Petrović", NULL, NULL);
	/* An e-mail added behind the journal's back, as by a sync tool. */
	CHECK(sqlite3_exec(kith_db_sqlite(db), "INSERT INTO email "
	    "(contact_id, pos, addr, addr_norm) VALUES (1, 0, 'a@x.example', "
	    "'a@x.example')", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(journal_undo_last(db, NULL, &err) == KITH_EXISTS);
	CHECK(strstr(err.msg, "would also delete an e-mail of contact #1")
	    != NULL);
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 1);
	CHECK_INT(q(db, "SELECT count(*) FROM email"), 1);
	test_db_done(db, path);
}

/* A damaged journal entry is refused, never half applied. */
static void
test_damaged(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path;

	db = test_db("j-damaged.db", &path);
	add(db, "Ana Petrović", NULL, NULL);
	CHECK(sqlite3_exec(kith_db_sqlite(db), "UPDATE journal SET changes = "
	    "x'54030100016300120001'", NULL, NULL, NULL) == SQLITE_OK);
	CHECK(journal_undo_last(db, NULL, &err) == KITH_DB);
	CHECK(strstr(err.msg, "damaged") != NULL);
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 1);
	CHECK_INT(q(db, "SELECT count(*) FROM journal"), 1);
	test_db_done(db, path);
}

/* Undoing the undo redoes the change, which can then be undone again. */
static void
test_redo(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path;
	int64_t		 undo;

	db = test_db("j-redo.db", &path);
	add(db, "Ana Petrović", NULL, NULL);
	undo_ok(db, "add");
	undo = q(db, "SELECT max(id) FROM journal");
	CHECK(journal_undo(db, undo, NULL, &err) == KITH_OK);
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 1);
	CHECK_INT(found(db, "petrovic"), 1);
	CHECK(journal_undo(db, undo, NULL, &err) == KITH_INVALID);
	undo_ok(db, "add");
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 0);
	CHECK_INT(found(db, "petrovic"), 0);
	test_db_done(db, path);
}

static void
test_prune(void)
{
	struct journal_entry	*e;
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	char			*path, name[32];
	size_t			 n;
	int			 i;

	db = test_db("j-prune.db", &path);
	for (i = 1; i <= JOURNAL_KEEP + 20; i++) {
		snprintf(name, sizeof name, "Person %d", i);
		add(db, name, NULL, NULL);
	}
	CHECK(journal_list(db, 1000, &e, &n, &err) == KITH_OK);
	CHECK_INT(n, JOURNAL_KEEP);
	if (n == JOURNAL_KEEP) {
		CHECK_STR(e[0].label, "Person 120");
		CHECK_STR(e[n - 1].label, "Person 21");
	}
	journal_entries_free(e, n);
	/* The last 100 can be undone, one after the other. */
	for (i = 0; i < JOURNAL_KEEP; i++)
		undo_ok(db, "add");
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 20);
	CHECK(journal_undo_last(db, NULL, &err) == KITH_NOTFOUND);
	test_db_done(db, path);
}

static void
test_import(void)
{
	struct import_report	 rep;
	struct journal_entry	*e;
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	FILE			*fp;
	char			*path, *csv;
	size_t			 n;

	db = test_db("j-import.db", &path);
	add(db, "Ana Petrović", "ana@acme.example", NULL);
	csv = test_path("j-import.csv");
	fp = fopen(csv, "w");
	fputs("Name,E-mail Address,Notes\n"
	    "Ana Petrović,ana@acme.example,met at the fair\n"
	    "Bob Smith,bob@example.org,\n"
	    "Chen Wei,chen@example.org,\n", fp);
	fclose(fp);
	CHECK(import_file(db, csv, NULL, &rep, &err) == KITH_OK);
	CHECK_INT(rep.added, 2);
	CHECK_INT(rep.merged, 1);
	import_report_free(&rep);
	/* One action for the whole import, without rows. */
	CHECK(journal_list(db, 10, &e, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(e[0].command, "import");
		CHECK(strstr(e[0].label, "2 added, 1 merged") != NULL);
		CHECK(e[0].undoable);
	}
	journal_entries_free(e, n);
	CHECK_INT(q(db, "SELECT count(*) FROM journal WHERE changes IS NOT "
	    "NULL AND command = 'import'"), 0);
	CHECK_INT(found(db, "fair"), 1);

	undo_ok(db, "import");
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 1);
	CHECK_INT(q(db, "SELECT notes IS NULL FROM contact"), 1);
	CHECK_INT(q(db, "SELECT undone FROM import_batch"), 1);
	CHECK_INT(found(db, "fair"), 0);
	CHECK_INT(found(db, "wei"), 0);

	/* import --undo marks the import's action undone. */
	CHECK(import_file(db, csv, NULL, &rep, &err) == KITH_OK);
	import_report_free(&rep);
	kith_db_action(db, "import --undo", NULL);
	CHECK(import_undo(db, 2, NULL, NULL, &err) == KITH_OK);
	CHECK_INT(q(db, "SELECT count(*) FROM journal WHERE command = "
	    "'import' AND undone_by IS NULL"), 0);
	CHECK_INT(q(db, "SELECT undoes FROM journal WHERE command = "
	    "'import --undo'"), q(db, "SELECT max(id) FROM journal WHERE "
	    "command = 'import'"));
	CHECK_INT(q(db, "SELECT count(*) FROM contact"), 1);
	unlink(csv);
	free(csv);
	test_db_done(db, path);
}

/*
 * Undoing an import that merged into a contact gives the contact back
 * whole: its department, UID, dates, messaging handles and kept vCard
 * lines too.
 */
static void
test_import_undo_keeps_fields(void)
{
	struct import_report	 rep;
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct contact		*c, *now;
	FILE			*fp;
	char			*path, *csv;

	db = test_db("j-import-fields.db", &path);
	c = contact_new();
	contact_set(&c->display, "Ana Petrović");
	contact_set(&c->department, "Litigation");
	contact_set(&c->uid, "urn:uuid:0b9a2a4e-1a7c-4d0e-9d55-2c1f0e8a7b11");
	contact_add_email(c, "ana@acme.example", NULL);
	contact_add_date(c, "client since", "2019-03-01");
	contact_add_im(c, "Skype", "ana.petrovic", "work");
	contact_add_vprop(c, "item1.X-ABLabel:school");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	csv = test_path("j-import-fields.csv");
	fp = fopen(csv, "w");
	fputs("Name,E-mail Address,Notes\n"
	    "Ana Petrović,ana@acme.example,met at the fair\n", fp);
	fclose(fp);
	CHECK(import_file(db, csv, NULL, &rep, &err) == KITH_OK);
	CHECK_INT(rep.merged, 1);
	import_report_free(&rep);
	kith_db_action(db, "import --undo", NULL);
	CHECK(import_undo(db, 1, NULL, NULL, &err) == KITH_OK);
	CHECK(contact_get(db, c->id, &now, &err) == KITH_OK);
	CHECK(contact_changed(c, now) == NULL);
	contact_free(now);
	contact_free(c);
	free(csv);
	test_db_done(db, path);
}

TEST_MAIN(test_nothing, test_add, test_edit, test_rm, test_followups,
    test_log_link, test_unbracketed, test_changed_since,
    test_no_stray_cascade, test_damaged, test_redo, test_prune, test_import,
    test_import_undo_keeps_fields)
