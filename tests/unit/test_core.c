/* SPDX-License-Identifier: MIT */
/*
 * Contacts, search, relationships, interactions and follow-ups, against a
 * real database file.
 */
#include <time.h>

#include "check.h"
#include "testdb.h"
#include "kith/clock.h"
#include "kith/command.h"
#include "kith/contact.h"
#include "kith/followup.h"
#include "kith/journal.h"
#include "kith/interaction.h"
#include "kith/relation.h"
#include "kith/search.h"

static int64_t
add(struct kith_db *db, const char *name, const char *org, const char *email)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	contact_set(&c->org, org);
	if (email != NULL)
		contact_add_email(c, email, NULL);
	if (contact_insert(db, c, &err) != KITH_OK)
		fprintf(stderr, "add %s: %s\n", name, err.msg);
	id = c->id;
	contact_free(c);
	return id;
}

/* Names of a search, in order, joined by '|'. */
static char *
names(struct kith_db *db, const char *query, size_t page)
{
	struct search_cursor	 cur = { 0 };
	struct search_row	*rows;
	struct sbuf		 sb = { 0 };
	size_t			 n, i;

	do {
		if (search_page(db, query, 0, &cur, page, &rows, &n, NULL)
		    != KITH_OK)
			break;
		for (i = 0; i < n; i++) {
			if (sb.len > 0)
				sbuf_addc(&sb, '|');
			sbuf_add(&sb, rows[i].name);
		}
		search_rows_free(rows, n);
	} while (!cur.done);
	search_cursor_reset(&cur);
	return sbuf_detach(&sb);
}

static void
test_utf8_round_trip(void)
{
	static const char *const names_in[] = {
		"Ana Petrović", "Петар Јовановић", "王小明", "Jürgen Müller",
		"Siobhán O'Brien", "Zoë Çelik 👩‍⚖️",
	};
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct contact	*c, *got;
	char		*path;
	size_t		 i;

	db = test_db("utf8.db", &path);
	for (i = 0; i < sizeof names_in / sizeof names_in[0]; i++) {
		c = contact_new();
		contact_set(&c->display, names_in[i]);
		contact_set(&c->notes, "line one\nline two — ćčžšđ");
		contact_add_email(c, "x@example.org", "work");
		contact_add_phone(c, "+381 11 555 0101", "mobile");
		contact_add_tag(c, "клијент");
		CHECK(contact_insert(db, c, &err) == KITH_OK);
		CHECK(contact_get(db, c->id, &got, &err) == KITH_OK);
		CHECK_STR(got->display, names_in[i]);
		CHECK_STR(got->notes, "line one\nline two — ćčžšđ");
		CHECK_INT(got->n_tags, 1);
		CHECK_STR(got->tags[0], "клијент");
		CHECK_STR(got->phones[0].raw, "+381 11 555 0101");
		CHECK_STR(got->phones[0].label, "mobile");
		contact_free(got);
		contact_free(c);
	}

	/* Decomposed input is stored composed (NFC). */
	c = contact_new();
	contact_set(&c->display, "Petrovic\xcc\x81 Decomposed");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	CHECK(contact_get(db, c->id, &got, &err) == KITH_OK);
	CHECK_STR(got->display, "Petrovi\xc4\x87 Decomposed");
	contact_free(got);
	contact_free(c);

	/* Bytes that are not UTF-8 are refused, naming the field. */
	c = contact_new();
	contact_set(&c->display, "Bad \xff name");
	CHECK(contact_insert(db, c, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "name") != NULL);
	contact_free(c);

	/* Bad e-mail and birthday are refused too. */
	c = contact_new();
	contact_set(&c->display, "Someone");
	contact_add_email(c, "not-an-address", NULL);
	CHECK(contact_insert(db, c, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "not-an-address") != NULL);
	contact_free(c);
	c = contact_new();
	contact_set(&c->display, "Someone");
	contact_set(&c->birthday, "1980-02-30");
	CHECK(contact_insert(db, c, &err) == KITH_INVALID);
	contact_set(&c->birthday, "--02-29");
	CHECK(contact_insert(db, c, &err) == KITH_OK);
	contact_free(c);
	test_db_done(db, path);
}

static void
test_search_and_order(void)
{
	struct kith_db	*db;
	char		*path, *s;
	int64_t		 n;

	setenv("KITH_COLLATION", "sr_RS.UTF-8@latin", 1);
	db = test_db("search.db", &path);
	unsetenv("KITH_COLLATION");
	add(db, "Ana Petrović", "Acme Legal", "ana@acme.example");
	add(db, "Петар Петровић", "Београд д.о.о.", NULL);
	add(db, "Čedomir Ilić", NULL, NULL);
	add(db, "Cvijeta Zorić", NULL, NULL);
	add(db, "Bob Smith", "Acme Corp", "bob@example.com");
	add(db, "王小明", "Acme Asia", NULL);

	s = names(db, "petrovic", 10);
	CHECK_STR(s, "Ana Petrović|Петар Петровић");
	free(s);
	s = names(db, "ПЕТРОВИЋ", 10);
	CHECK_STR(s, "Ana Petrović|Петар Петровић");
	free(s);
	s = names(db, "acm", 10);
	CHECK_STR(s, "Ana Petrović|Bob Smith|王小明");
	free(s);
	s = names(db, "acme petr", 10);
	CHECK_STR(s, "Ana Petrović");
	free(s);
	s = names(db, "bob@example", 10);
	CHECK_STR(s, "Bob Smith");
	free(s);
	s = names(db, "王", 10);
	CHECK_STR(s, "王小明");
	free(s);
	s = names(db, "nobody", 10);
	CHECK_STR(s, "");
	free(s);

	/* Serbian order: Č after C; paging by 1 and by 10 agree. */
	s = names(db, NULL, 10);
	CHECK_STR(s, "Ana Petrović|Bob Smith|Cvijeta Zorić|Čedomir Ilić|"
	    "Петар Петровић|王小明");
	free(s);
	s = names(db, NULL, 1);
	CHECK_STR(s, "Ana Petrović|Bob Smith|Cvijeta Zorić|Čedomir Ilić|"
	    "Петар Петровић|王小明");
	free(s);
	CHECK(search_count(db, "acme", 0, &n, NULL) == KITH_OK);
	CHECK_INT(n, 3);
	CHECK(search_count(db, NULL, 0, &n, NULL) == KITH_OK);
	CHECK_INT(n, 6);
	test_db_done(db, path);
}

static void
test_resolve_edit_delete(void)
{
	struct kith_err		 err = { 0 };
	struct contact_ref	*cands;
	struct contact		*c;
	struct kith_db		*db;
	size_t			 n;
	int64_t			 ana, bob, id;
	char			*path, *s;

	db = test_db("resolve.db", &path);
	ana = add(db, "Ana Petrović", "Acme Legal", NULL);
	add(db, "Ana Marić", NULL, NULL);
	bob = add(db, "Bob Smith", NULL, NULL);
	add(db, "Bob Smithson", NULL, NULL);

	CHECK(contact_resolve(db, "petrovic", &id, NULL, NULL, 5, &err)
	    == KITH_OK);
	CHECK_INT(id, ana);
	CHECK(contact_resolve(db, "ana", &id, &cands, &n, 5, &err)
	    == KITH_AMBIGUOUS);
	CHECK_INT(n, 2);
	contact_refs_free(cands, n);
	/* A full name wins over longer names it begins. */
	CHECK(contact_resolve(db, "bob smith", &id, NULL, NULL, 5, &err)
	    == KITH_OK);
	CHECK_INT(id, bob);
	CHECK(contact_resolve(db, "zed", &id, NULL, NULL, 5, &err)
	    == KITH_NOTFOUND);
	CHECK(contact_resolve(db, "999", &id, NULL, NULL, 5, &err)
	    == KITH_NOTFOUND);

	/* Renaming re-sorts and re-indexes. */
	CHECK(contact_get(db, ana, &c, &err) == KITH_OK);
	contact_set(&c->display, "Zora Petrović");
	contact_set(&c->org, NULL);
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);
	s = names(db, "acme", 10);
	CHECK_STR(s, "");
	free(s);
	s = names(db, NULL, 10);
	CHECK_STR(s, "Ana Marić|Bob Smith|Bob Smithson|Zora Petrović");
	free(s);

	CHECK(contact_archive(db, bob, 1, &err) == KITH_OK);
	s = names(db, "bob", 10);
	CHECK_STR(s, "Bob Smithson");
	free(s);
	CHECK(contact_delete(db, ana, &err) == KITH_OK);
	CHECK(contact_delete(db, ana, &err) == KITH_NOTFOUND);
	s = names(db, "zora", 10);
	CHECK_STR(s, "");
	free(s);
	test_db_done(db, path);
}

static void
test_relations(void)
{
	struct kith_err	 err = { 0 };
	struct relation	*r;
	struct kith_db	*db;
	size_t		 n;
	int64_t		 ana, bob, eve, rid;
	char		*path;

	db = test_db("rel.db", &path);
	ana = add(db, "Ana", NULL, NULL);
	bob = add(db, "Bob", NULL, NULL);
	eve = add(db, "Eve", NULL, NULL);
	CHECK(relation_link(db, ana, bob, "assistant of", NULL, &rid, &err)
	    == KITH_OK);
	/* Given by its inverse: "Eve manages Ana" is "Ana reports to Eve". */
	CHECK(relation_link(db, eve, ana, "Manages", "since 2020", NULL, &err)
	    == KITH_OK);
	CHECK(relation_link(db, bob, eve, "spouse", NULL, NULL, &err)
	    == KITH_OK);
	CHECK(relation_link(db, eve, bob, "spouse", NULL, NULL, &err)
	    == KITH_EXISTS);
	CHECK(relation_link(db, ana, ana, "friend", NULL, NULL, &err)
	    == KITH_INVALID);
	CHECK(relation_link(db, ana, bob, "nemesis", NULL, NULL, &err)
	    == KITH_NOTFOUND);
	CHECK(strstr(err.msg, "assistant of") != NULL);
	CHECK(relation_link(db, ana, eve, "godparent of/godchild of", NULL,
	    NULL, &err) == KITH_OK);

	CHECK(relation_list(db, ana, &r, &n, &err) == KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(r[0].label, "assistant of");
		CHECK_STR(r[0].other_name, "Bob");
		CHECK_STR(r[1].label, "godparent of");
		CHECK_STR(r[2].label, "reports to");
		CHECK_STR(r[2].other_name, "Eve");
	}
	relation_list_free(r, n);
	CHECK(relation_list(db, bob, &r, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(r[0].label, "has assistant");
		CHECK_STR(r[0].other_name, "Ana");
		CHECK_STR(r[1].label, "spouse");
		CHECK_STR(r[1].other_name, "Eve");
	}
	relation_list_free(r, n);
	CHECK(relation_list(db, eve, &r, &n, &err) == KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(r[0].label, "godchild of");
		CHECK_STR(r[1].label, "manages");
		CHECK_STR(r[1].note, "since 2020");
		CHECK_STR(r[2].label, "spouse");
	}
	relation_list_free(r, n);
	CHECK(relation_unlink(db, rid, &err) == KITH_OK);
	CHECK(relation_list(db, bob, &r, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	relation_list_free(r, n);
	test_db_done(db, path);
}

struct collect {
	struct sbuf	sb;
};

static int
collect_due(const struct followup *f, void *arg)
{
	struct collect	*c = arg;

	sbuf_printf(&c->sb, "%s%s:%ld", c->sb.len ? "|" : "", f->action,
	    f->late);
	return 0;
}

static char *
due_list(struct kith_db *db, int days)
{
	struct collect	c = { { 0 } };

	followup_each_due(db, days, collect_due, &c, NULL);
	return sbuf_detach(&c.sb);
}

/*
 * Overdue is by the local calendar: in Belgrade just after midnight, a
 * follow-up due "yesterday" in Belgrade is overdue even though it is still
 * that day in UTC.
 */
static void
test_followups_and_time_zones(void)
{
	struct kith_err	 err = { 0 };
	struct followup	*f;
	struct kith_db	*db;
	long		 over, today;
	int64_t		 ana, id1, id2;
	char		*path, *s;

	setenv("TZ", "Europe/Belgrade", 1);
	tzset();
	db = test_db("due.db", &path);
	/* 2026-11-25 00:30 in Belgrade is 2026-11-24 23:30 UTC. */
	kith_db_set_now(db, time_parse("2026-11-25 00:30"));
	ana = add(db, "Ana", NULL, NULL);
	CHECK(followup_add(db, ana, "call", "2026-11-24", &id1, &err)
	    == KITH_OK);
	CHECK(followup_add(db, ana, "letter", "2026-11-10", &id2, &err)
	    == KITH_OK);
	CHECK(followup_add(db, ana, "lunch", "2026-11-25", NULL, &err)
	    == KITH_OK);
	CHECK(followup_add(db, ana, "review", "2026-11-28", NULL, &err)
	    == KITH_OK);
	CHECK(followup_add(db, ana, "bad", "2026-13-01", NULL, &err)
	    == KITH_INVALID);
	CHECK(followup_add(db, ana, "", "2026-11-01", NULL, &err)
	    == KITH_INVALID);
	CHECK(followup_add(db, 9999, "x", "2026-11-01", NULL, &err)
	    == KITH_NOTFOUND);

	s = due_list(db, 0);
	CHECK_STR(s, "letter:15|call:1|lunch:0");
	free(s);
	s = due_list(db, 3);
	CHECK_STR(s, "letter:15|call:1|lunch:0|review:-3");
	free(s);
	CHECK(followup_counts(db, &over, &today, &err) == KITH_OK);
	CHECK_INT(over, 2);
	CHECK_INT(today, 1);

	/* The same instant in New York is still the 24th: one less overdue. */
	setenv("TZ", "America/New_York", 1);
	tzset();
	s = due_list(db, 0);
	CHECK_STR(s, "letter:14|call:0");
	free(s);

	/* Midnight passes: "call" becomes overdue. */
	setenv("TZ", "Europe/Belgrade", 1);
	tzset();
	kith_db_set_now(db, time_parse("2026-11-25 23:59"));
	s = due_list(db, 0);
	CHECK_STR(s, "letter:15|call:1|lunch:0");
	free(s);
	kith_db_set_now(db, time_parse("2026-11-26 00:00"));
	s = due_list(db, 0);
	CHECK_STR(s, "letter:16|call:2|lunch:1");
	free(s);

	CHECK(followup_done(db, id2, &err) == KITH_OK);
	CHECK(followup_done(db, id2, &err) == KITH_EXISTS);
	CHECK(strstr(err.msg, "already done") != NULL);
	CHECK(followup_reschedule(db, id2, "2026-12-01", FOLLOWUP_SNOOZE,
	    &err) == KITH_EXISTS);
	CHECK(followup_reschedule(db, 12345, "2026-12-01", FOLLOWUP_SNOOZE,
	    &err) == KITH_NOTFOUND);
	CHECK(followup_done(db, 12345, &err) == KITH_NOTFOUND);
	CHECK(followup_reschedule(db, id1, "2026-12-01", 1, &err) == KITH_OK);
	CHECK(followup_get(db, id1, &f, &err) == KITH_OK);
	CHECK_STR(f->due, "2026-12-01");
	CHECK_INT(f->snoozes, 1);
	CHECK_INT(f->late, -5);
	followup_free(f);
	s = due_list(db, 0);
	CHECK_STR(s, "lunch:1");
	free(s);
	/* Reopening a done one. */
	CHECK(followup_reschedule(db, id2, "2026-12-02", FOLLOWUP_SNOOZE |
	    FOLLOWUP_REOPEN, &err) == KITH_OK);
	CHECK(followup_get(db, id2, &f, &err) == KITH_OK);
	CHECK_INT(f->done, 0);
	CHECK_STR(f->due, "2026-12-02");
	followup_free(f);
	/* Dropping deletes it; the journal brings it back. */
	CHECK(followup_drop(db, id2, &err) == KITH_OK);
	CHECK(followup_get(db, id2, &f, &err) == KITH_NOTFOUND);
	CHECK(followup_drop(db, id2, &err) == KITH_NOTFOUND);
	CHECK(journal_undo_last(db, NULL, &err) == KITH_OK);
	CHECK(followup_get(db, id2, &f, &err) == KITH_OK);
	CHECK_STR(f->due, "2026-12-02");
	followup_free(f);
	test_db_done(db, path);
	unsetenv("TZ");
	tzset();
}

static void
test_interactions(void)
{
	struct kith_err		 err = { 0 };
	struct interaction	*in;
	struct kith_db		*db;
	size_t			 n;
	int64_t			 who[2];
	char			*path;

	db = test_db("log.db", &path);
	who[0] = add(db, "Ana", NULL, NULL);
	who[1] = add(db, "Bob", NULL, NULL);
	CHECK(interaction_log(db, who, 1, "call", "2026-10-01", "first call",
	    NULL, NULL, &err) == KITH_OK);
	CHECK(interaction_log(db, who, 2, "meeting", "2026-11-20 12:30",
	    "lunch, wants a fixed fee", NULL, NULL, &err) == KITH_OK);
	CHECK(interaction_log(db, who, 1, "e-mail", "2026-11-01", "sent draft",
	    NULL, NULL, &err) == KITH_OK);
	CHECK(interaction_log(db, who, 1, "fax", NULL, "x", NULL, NULL, &err)
	    == KITH_INVALID);
	CHECK(interaction_log(db, who, 1, "call", "yesterday", "x", NULL, NULL,
	    &err) == KITH_INVALID);
	/* What has not happened yet is no interaction (a follow-up is). */
	kith_db_set_now(db, time_parse("2026-11-25 09:00"));
	CHECK(interaction_log(db, who, 1, "call", "2026-11-26", "x", NULL, NULL,
	    &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "in the future") != NULL);
	CHECK(interaction_log(db, who, 1, "call", "2026-11-25 09:01", "x", NULL,
	    NULL, &err) == KITH_INVALID);
	CHECK(interaction_log(db, who, 1, "call", "2026-11-25 12:00", "x", NULL,
	    NULL, &err) == KITH_INVALID);
	kith_db_set_now(db, 0);
	CHECK(interaction_list(db, who[0], 10, &in, &n, &err) == KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_STR(in[0].summary, "lunch, wants a fixed fee");
		CHECK_STR(in[1].kind, "email");
		CHECK_STR(in[2].at, "2026-10-01");
	}
	interaction_list_free(in, n);
	/* Deleting Ana keeps the lunch Bob was at, drops the rest. */
	CHECK(contact_delete(db, who[0], &err) == KITH_OK);
	CHECK(interaction_list(db, who[1], 10, &in, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	interaction_list_free(in, n);
	test_db_done(db, path);
}

/* A new display name never leaves name parts that spell the old one. */
static void
test_rename(void)
{
	struct contact	*c = contact_new();

	contact_set(&c->display, "Ana Petrović");
	contact_set(&c->given, "Ana");
	contact_set(&c->family, "Petrović");
	contact_rename(c, "Ana Marković");
	CHECK_STR(c->display, "Ana Marković");
	CHECK_STR(c->given, "Ana");
	CHECK_STR(c->family, "Marković");
	contact_rename(c, "Ana Marija Marković");
	CHECK(c->given == NULL && c->family == NULL);
	CHECK_STR(c->display, "Ana Marija Marković");

	/* Parts that did not spell the name are the user's; they stay. */
	contact_set(&c->given, "Ana");
	contact_set(&c->family, "Petrović");
	contact_rename(c, "Ana M.");
	CHECK_STR(c->given, "Ana");
	CHECK_STR(c->family, "Petrović");

	/* A prefix or middle name: cleared, the display name stands. */
	contact_set(&c->display, "Dame Judith Corrigan");
	contact_set(&c->prefix, "Dame");
	contact_set(&c->given, "Judith");
	contact_set(&c->family, "Corrigan");
	contact_rename(c, "Judith Corrigan");
	CHECK(c->prefix == NULL && c->given == NULL && c->family == NULL);
	contact_free(c);
}

/*
 * The print command (KITH_PRINT) gets the text and says how it ended; one
 * that exits without reading fails as itself.  The text is past a pipe's
 * buffer so that the write meets the closed pipe: SIGPIPE killed kith
 * (and this test) before, whenever the command exited first.
 */
static void
test_command_input(void)
{
	char	*path, *cmd, *text, got[64] = "";
	FILE	*fp;
	size_t	 n = 256 * 1024;

	path = test_path("printed.txt");
	cmd = xasprintf("cat >'%s'", path);
	CHECK_INT(command_with_input(cmd, "Bob Smith\n"), 0);
	if ((fp = fopen(path, "r")) != NULL) {
		if (fgets(got, sizeof got, fp) == NULL)
			got[0] = '\0';
		fclose(fp);
	}
	CHECK_STR(got, "Bob Smith\n");
	CHECK_INT(command_with_input("exit 3", ""), 3);
	text = xmalloc(n + 1);
	memset(text, 'x', n);
	text[n] = '\0';
	CHECK_INT(command_with_input("exit 1", text), 1);
	CHECK_INT(command_with_input("false", text), 1);
	free(text);
	unlink(path);
	free(cmd);
	free(path);
}

TEST_MAIN(test_utf8_round_trip, test_search_and_order,
    test_resolve_edit_delete, test_relations, test_followups_and_time_zones,
    test_interactions, test_rename, test_command_input)
