/* SPDX-License-Identifier: MIT */
/*
 * Deals (deal.h) and amounts (money.h) on a real database file with a
 * frozen clock: adding with every check, days in stage and stalled
 * detection, moves and closes with their history and closed dates, the
 * refusal of a move to the same stage, people with roles from the list,
 * lookups by id, reference and title words, edits of changed fields only
 * with the "changed since read" refusal, removal, and undo of a move.
 */
#include <sqlite3.h>

#include "check.h"
#include "testdb.h"
#include "testsql.h"
#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/deal_sheet.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/sheet.h"
#include "kith/journal.h"
#include "kith/money.h"
#include "kith/stage.h"

static void	test_money(void);
static void	test_add(void);
static void	test_bad_input(void);
static void	test_move(void);
static void	test_people(void);
static void	test_resolve(void);
static void	test_update(void);
static void	test_word(void);
static void	test_sheet(void);
static void	test_lists(void);

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

static int64_t
person(struct kith_db *db, const char *name)
{
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	CHECK(contact_insert(db, c, NULL) == KITH_OK);
	id = c->id;
	contact_free(c);
	return id;
}

static int64_t
add(struct kith_db *db, const char *title, const char *stage,
    const char *ref)
{
	struct kith_err	 err = { 0 };
	struct deal	*d = deal_new();
	int64_t		 id;

	d->title = xstrdup(title);
	d->stage = xstrdup(stage);
	d->ref = xstrdup(ref);
	if (deal_add(db, d, &err) != KITH_OK)
		fprintf(stderr, "deal_add %s: %s\n", title, err.msg);
	id = d->id;
	deal_free(d);
	return id;
}


static void
test_money(void)
{
	struct kith_err	 err = { 0 };
	char		 cur[4], buf[32];
	int64_t		 v;

	CHECK(money_currency("eur", cur, &err) == KITH_OK);
	CHECK_STR(cur, "EUR");
	CHECK(money_currency("EUX", cur, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "'EUX'") != NULL);
	CHECK(money_currency("EURO", cur, &err) == KITH_INVALID);
	CHECK(money_currency("", cur, &err) == KITH_INVALID);
	CHECK_INT(money_digits("EUR"), 2);
	CHECK_INT(money_digits("JPY"), 0);
	CHECK_INT(money_digits("BHD"), 3);

	CHECK(money_parse("12,500.50", "EUR", &v, &err) == KITH_OK);
	CHECK_INT(v, 1250050);
	CHECK(money_parse("12500", "EUR", &v, &err) == KITH_OK);
	CHECK_INT(v, 1250000);
	CHECK(money_parse(" 1,234,567.5 ", "USD", &v, &err) == KITH_OK);
	CHECK_INT(v, 123456750);
	CHECK(money_parse("15000", "JPY", &v, &err) == KITH_OK);
	CHECK_INT(v, 15000);
	CHECK(money_parse("1.250", "BHD", &v, &err) == KITH_OK);
	CHECK_INT(v, 1250);
	CHECK(money_parse("-5", "EUR", &v, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "negative") != NULL);
	CHECK(money_parse("abc", "EUR", &v, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "value 'abc'") != NULL);
	CHECK(money_parse("1.5k", "EUR", &v, &err) == KITH_INVALID);
	CHECK(money_parse("1.505", "EUR", &v, &err) == KITH_INVALID);
	CHECK(money_parse("1.5", "JPY", &v, &err) == KITH_INVALID);
	CHECK(money_parse("12,50", "EUR", &v, &err) == KITH_INVALID);
	CHECK(money_parse("1234,567", "EUR", &v, &err) == KITH_INVALID);
	CHECK(money_parse("1,2345", "EUR", &v, &err) == KITH_INVALID);
	CHECK(money_parse("", "EUR", &v, &err) == KITH_INVALID);
	CHECK(money_parse("12.", "EUR", &v, &err) == KITH_INVALID);
	CHECK(money_parse("99999999999999999999", "EUR", &v, &err)
	    == KITH_INVALID);

	CHECK_STR(money_format(1250050, "EUR", 1, buf, sizeof buf),
	    "12,500.50");
	CHECK_STR(money_format(1250050, "EUR", 0, buf, sizeof buf),
	    "12500.50");
	CHECK_STR(money_format(5, "EUR", 1, buf, sizeof buf), "0.05");
	CHECK_STR(money_format(1500000, "JPY", 1, buf, sizeof buf),
	    "1,500,000");
	CHECK_STR(money_format(1250, "BHD", 1, buf, sizeof buf), "1.250");
	CHECK_STR(money_format(123, "EUR", 1, buf, sizeof buf), "1.23");
}

static void
test_add(void)
{
	struct kith_db	*db;
	struct deal	*d, *g;
	struct kith_err	 err = { 0 };
	char		*path;
	int64_t		 ana, bob, id;
	time_t		 t0 = time_parse("2026-10-01 09:00");

	db = test_db("deal-add.db", &path);
	kith_db_set_now(db, t0);
	ana = person(db, "Ana Petrović");
	bob = person(db, "Bob Smith");
	d = deal_new();
	d->title = xstrdup("  Northbridge acquisition ");
	d->org = xstrdup("Northbridge Ltd");
	d->has_value = 1;
	d->value = 1250050;
	strcpy(d->currency, "eur");
	d->fee = xstrdup("Fixed");
	d->practice = xstrdup("M&A");
	d->originator_id = ana;
	d->responsible_id = bob;
	d->expected_close = xstrdup("2026-12-15");
	d->next_step = xstrdup("send engagement letter");
	d->ref = xstrdup("M-2026-014");
	d->notes = xstrdup("\tline one\nline two");
	deal_add_person(d, ana, "Client");
	deal_add_person(d, bob, "decision maker");
	CHECK(deal_add(db, d, &err) == KITH_OK);
	id = d->id;
	CHECK(id > 0);
	CHECK_STR(d->title, "Northbridge acquisition");
	CHECK_STR(d->stage, "Interest");
	CHECK_STR(d->currency, "EUR");
	deal_free(d);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_stage_history"), 1);
	CHECK_INT(q(db, "SELECT count(*) FROM org WHERE name = "
	    "'Northbridge Ltd'"), 1);

	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_STR(g->title, "Northbridge acquisition");
	CHECK_STR(g->stage, "Interest");
	CHECK_INT(g->stage_kind, KITH_STAGE_open);
	CHECK_INT(g->probability, 20);
	CHECK_INT(g->has_value, 1);
	CHECK_INT(g->value, 1250050);
	CHECK_STR(g->currency, "EUR");
	CHECK_STR(g->org, "Northbridge Ltd");
	CHECK_STR(g->fee, "fixed");
	CHECK_STR(g->practice, "M&A");
	CHECK_STR(g->originator, "Ana Petrović");
	CHECK_STR(g->responsible, "Bob Smith");
	CHECK_STR(g->expected_close, "2026-12-15");
	CHECK_STR(g->next_step, "send engagement letter");
	CHECK_STR(g->ref, "M-2026-014");
	CHECK_STR(g->notes, "\tline one\nline two");
	CHECK_INT(g->stage_since, t0);
	CHECK_INT(g->touched, t0);
	CHECK_INT(g->closed_at, 0);
	CHECK_INT(g->days_in_stage, 0);
	CHECK_INT(g->stalled, 0);
	CHECK_INT(g->n_people, 2);
	if (g->n_people == 2) {
		/* In the order of the role list. */
		CHECK_STR(g->people[0].name, "Ana Petrović");
		CHECK_STR(g->people[0].role, "client");
		CHECK_STR(g->people[1].name, "Bob Smith");
		CHECK_STR(g->people[1].role, "decision maker");
	}
	deal_free(g);

	/*
	 * Thirty calendar days untouched is not yet stalled, to the last
	 * minute of the thirtieth; the thirty-first is, from midnight, not
	 * from the hour of the last touch (a 7:00 digest sees the day's).
	 */
	kith_db_set_now(db, t0 + 30 * 86400);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_INT(g->days_in_stage, 30);
	CHECK_INT(g->stalled, 0);
	deal_free(g);
	kith_db_set_now(db, time_parse("2026-10-31 23:59"));
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_INT(g->stalled, 0);
	deal_free(g);
	kith_db_set_now(db, time_parse("2026-11-01 07:00"));
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_INT(g->stalled, 1);
	deal_free(g);
	CHECK_INT(deal_idle_days(t0, time_parse("2026-11-01 07:00")), 31);
	CHECK_INT(deal_idle_days(t0, time_parse("2026-10-31 23:59")), 30);
	CHECK_INT(deal_idle_days(t0, t0 - 1), 0);
	CHECK(deal_is_stalled(KITH_STAGE_won, 30, 0, 0, t0) == 0);
	CHECK(deal_is_stalled(KITH_STAGE_won, 30, 0, 1, t0) == 0);
	CHECK(deal_is_stalled(KITH_STAGE_open, 30, t0, 1, t0) == 1);

	/* A value without a currency takes the book's (region US). */
	d = deal_new();
	d->title = xstrdup("Small job");
	d->has_value = 1;
	d->value = 100;
	CHECK(deal_add(db, d, &err) == KITH_OK);
	CHECK(d->currency[0] != '\0');
	deal_free(d);

	/* Added straight into Won: closed now. */
	id = add(db, "Already won", "won", NULL);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_INT(g->closed_at, time_parse("2026-11-01 07:00"));
	CHECK_INT(g->stalled, 0);
	deal_free(g);
	CHECK(deal_get(db, 999, &g, &err) == KITH_NOTFOUND);
	test_db_done(db, path);
}

/* Each bad input is refused naming it, and writes nothing. */
static void
test_bad_input(void)
{
	struct kith_db	*db;
	struct deal	*d;
	struct kith_err	 err = { 0 };
	char		*path;
	int64_t		 ana;
	int		 i;

	db = test_db("deal-bad.db", &path);
	ana = person(db, "Ana Petrović");
	for (i = 0; i < 8; i++) {
		d = deal_new();
		d->title = xstrdup(i == 0 ? " " : "Deal");
		switch (i) {
		case 1:
			d->stage = xstrdup("Closing");
			break;
		case 2:
			d->has_value = 1;
			d->value = -1;
			break;
		case 3:
			strcpy(d->currency, "EUX");
			break;
		case 4:
			deal_add_person(d, ana, "accomplice");
			break;
		case 5:
			d->fee = xstrdup("pro bono");
			break;
		case 6:
			d->expected_close = xstrdup("2026-02-30");
			break;
		case 7:
			deal_add_person(d, 4242, "client");
			break;
		}
		err.msg[0] = '\0';
		CHECK(deal_add(db, d, &err) != KITH_OK);
		CHECK(err.msg[0] != '\0');
		deal_free(d);
	}
	CHECK_INT(q(db, "SELECT count(*) FROM deal"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_stage_history"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM journal WHERE command = "
	    "'deal'"), 0);

	d = deal_new();
	d->title = xstrdup("Deal");
	deal_add_person(d, ana, "accomplice");
	CHECK(deal_add(db, d, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "role 'accomplice'") != NULL);
	CHECK(strstr(err.msg, "client, decision maker, referrer") != NULL);
	deal_free(d);
	test_db_done(db, path);
}

static void
test_move(void)
{
	struct kith_db		*db;
	struct deal		*g;
	struct journal_entry	 done;
	struct kith_err		 err = { 0 };
	char			*path;
	int64_t			 id, neg, won, lost, interest;
	long long		 actions;
	time_t			 t0 = time_parse("2026-09-01 09:00");

	db = test_db("deal-move.db", &path);
	kith_db_set_now(db, t0);
	id = add(db, "Northbridge acquisition", NULL, NULL);
	interest = stage_id(db, "Interest");
	neg = stage_id(db, "Negotiation");
	won = stage_id(db, "Won");
	lost = stage_id(db, "Lost");

	kith_db_set_now(db, t0 + 10 * 86400);
	CHECK(deal_move(db, id, neg, &err) == KITH_OK);
	CHECK_INT(q(db, "SELECT count(*) FROM journal WHERE label = "
	    "'moved Northbridge acquisition to Negotiation'"), 1);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_stage_history WHERE "
	    "deal_id = 1"), 2);

	/* The same stage: said, nothing written. */
	actions = q(db, "SELECT count(*) FROM journal");
	CHECK(deal_move(db, id, neg, &err) == KITH_EXISTS);
	CHECK(strstr(err.msg, "in Negotiation already") != NULL);
	CHECK_INT(q(db, "SELECT count(*) FROM journal"), actions);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_stage_history"), 2);

	kith_db_set_now(db, t0 + 15 * 86400);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_STR(g->stage, "Negotiation");
	CHECK_INT(g->days_in_stage, 5);
	CHECK_INT(g->stage_since, t0 + 10 * 86400);
	deal_free(g);

	/* Won: closed now, with the reason. */
	CHECK(deal_close(db, id, KITH_STAGE_won, "fixed fee accepted", &err)
	    == KITH_OK);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_STR(g->stage, "Won");
	CHECK_INT(g->closed_at, t0 + 15 * 86400);
	CHECK_STR(g->reason, "fixed fee accepted");
	deal_free(g);
	CHECK(deal_close(db, id, KITH_STAGE_won, NULL, &err) == KITH_EXISTS);
	CHECK(deal_close(db, id, KITH_STAGE_open, NULL, &err) == KITH_INVALID);

	/*
	 * Won to Lost closes it again, as lost, on the day it was lost (the
	 * report counts the loss then); back to open clears the date.
	 */
	kith_db_set_now(db, t0 + 16 * 86400);
	CHECK(deal_move(db, id, lost, &err) == KITH_OK);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_INT(g->closed_at, t0 + 16 * 86400);
	/* Why it was won is not why it was lost. */
	CHECK(g->reason == NULL);
	deal_free(g);
	CHECK(deal_move(db, id, interest, &err) == KITH_OK);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_INT(g->closed_at, 0);
	CHECK(g->reason == NULL);
	deal_free(g);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_stage_history"), 5);

	/* Undo the move back to Interest: Lost again, closed, history. */
	CHECK(journal_undo_last(db, &done, &err) == KITH_OK);
	CHECK_STR(done.label, "moved Northbridge acquisition to Interest");
	journal_entry_clear(&done);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_STR(g->stage, "Lost");
	CHECK_INT(g->closed_at, t0 + 16 * 86400);
	CHECK(g->reason == NULL);
	CHECK_INT(g->stage_since, t0 + 16 * 86400);
	deal_free(g);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_stage_history"), 4);

	CHECK(deal_move(db, id, 999, &err) == KITH_NOTFOUND);
	CHECK(deal_move(db, 999, won, &err) == KITH_NOTFOUND);
	test_db_done(db, path);
}

static void
test_people(void)
{
	struct kith_db	*db;
	struct deal	*g;
	struct kith_err	 err = { 0 };
	char		*path;
	int64_t		 id, ana, bob;

	db = test_db("deal-people.db", &path);
	ana = person(db, "Ana Petrović");
	bob = person(db, "Bob Smith");
	id = add(db, "Northbridge acquisition", NULL, NULL);
	CHECK(deal_set_contact(db, id, ana, "CLIENT", &err) == KITH_OK);
	CHECK(deal_set_contact(db, id, ana, "client", &err) == KITH_EXISTS);
	CHECK(deal_set_contact(db, id, bob, "sidekick", &err)
	    == KITH_INVALID);
	CHECK(strstr(err.msg, "role 'sidekick'") != NULL);
	CHECK(deal_set_contact(db, id, 999, "client", &err) == KITH_NOTFOUND);
	CHECK(deal_set_contact(db, id, bob, "opposing counsel", &err)
	    == KITH_OK);
	CHECK(deal_set_contact(db, id, ana, "referrer", &err) == KITH_OK);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_INT(g->n_people, 2);
	if (g->n_people == 2) {
		CHECK_STR(g->people[0].role, "referrer");
		CHECK_STR(g->people[1].role, "opposing counsel");
	}
	deal_free(g);
	/* The role list: a role in use stays; a new one can be used. */
	CHECK(deal_role_remove(db, "REFERRER", &err) == KITH_EXISTS);
	CHECK(strstr(err.msg, "1 person is on a deal as referrer") != NULL);
	CHECK(deal_role_remove(db, "nonesuch", &err) == KITH_NOTFOUND);
	CHECK(deal_role_add(db, "Client", &err) == KITH_EXISTS);
	CHECK(deal_role_add(db, "expert witness", &err) == KITH_OK);
	CHECK(deal_set_contact(db, id, bob, "Expert Witness", &err)
	    == KITH_OK);
	CHECK(deal_role_remove(db, "witness", &err) == KITH_OK);
	CHECK(deal_role_check(db, "witness", &(char *){ NULL }, &err)
	    == KITH_INVALID);
	CHECK(journal_undo_last(db, NULL, &err) == KITH_OK);
	CHECK(deal_set_contact(db, id, bob, "opposing counsel", &err)
	    == KITH_OK);
	CHECK(deal_remove_contact(db, id, bob, &err) == KITH_OK);
	CHECK(deal_remove_contact(db, id, bob, &err) == KITH_NOTFOUND);
	CHECK(journal_undo_last(db, NULL, &err) == KITH_OK);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_contact"), 2);

	/* Removing the deal takes its people and history; undo restores. */
	CHECK(deal_remove(db, id, &err) == KITH_OK);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_contact"), 0);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_stage_history"), 0);
	CHECK(deal_remove(db, id, &err) == KITH_NOTFOUND);
	CHECK(journal_undo_last(db, NULL, &err) == KITH_OK);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_contact"), 2);
	CHECK_INT(q(db, "SELECT count(*) FROM deal_stage_history"), 1);
	test_db_done(db, path);
}

static void
test_resolve(void)
{
	struct kith_db	*db;
	struct deal_ref	*cands;
	struct kith_err	 err = { 0 };
	char		*path;
	size_t		 n;
	int64_t		 a, b, c, id;

	db = test_db("deal-resolve.db", &path);
	a = add(db, "Northbridge acquisition", NULL, "M-2026-014");
	b = add(db, "Northbridge lease", NULL, "2041");
	c = add(db, "Müller v. Städtische Werke", NULL, NULL);

	CHECK(deal_resolve(db, "1", &id, NULL, NULL, 0, &err) == KITH_OK);
	CHECK_INT(id, a);
	CHECK(deal_resolve(db, "M-2026-014", &id, NULL, NULL, 0, &err)
	    == KITH_OK);
	CHECK_INT(id, a);
	/* Digits that are no id may be a reference. */
	CHECK(deal_resolve(db, "2041", &id, NULL, NULL, 0, &err) == KITH_OK);
	CHECK_INT(id, b);
	CHECK(deal_resolve(db, "lease", &id, NULL, NULL, 0, &err) == KITH_OK);
	CHECK_INT(id, b);
	CHECK(deal_resolve(db, "muller stadt", &id, NULL, NULL, 0, &err)
	    == KITH_OK);
	CHECK_INT(id, c);
	/* A whole word beats a word's beginning. */
	CHECK(deal_resolve(db, "northbridge acq", &id, NULL, NULL, 0, &err)
	    == KITH_OK);
	CHECK_INT(id, a);
	CHECK(deal_resolve(db, "northbridge", &id, &cands, &n, 5, &err)
	    == KITH_AMBIGUOUS);
	CHECK(strstr(err.msg, "matches 2 deals") != NULL);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(cands[0].title, "Northbridge acquisition");
		CHECK_STR(cands[0].stage, "Interest");
		CHECK_STR(cands[1].title, "Northbridge lease");
	}
	deal_refs_free(cands, n);
	CHECK(deal_resolve(db, "harbour", &id, NULL, NULL, 0, &err)
	    == KITH_NOTFOUND);
	CHECK(strstr(err.msg, "'harbour'") != NULL);
	CHECK(deal_resolve(db, "99", &id, NULL, NULL, 0, &err)
	    == KITH_NOTFOUND);
	test_db_done(db, path);
}

static void
test_update(void)
{
	struct kith_db	*db;
	struct deal	*base, *ed, *other, *g;
	struct kith_err	 err = { 0 };
	char		*path;
	int64_t		 id, ana;

	db = test_db("deal-update.db", &path);
	ana = person(db, "Ana Petrović");
	id = add(db, "Northbridge acquisition", NULL, NULL);
	CHECK(deal_get(db, id, &base, &err) == KITH_OK);
	CHECK(deal_get(db, id, &ed, &err) == KITH_OK);
	free(ed->next_step);
	ed->next_step = xstrdup("call the CFO");
	ed->has_value = 1;
	ed->value = 500000;
	strcpy(ed->currency, "gbp");
	ed->responsible_id = ana;
	CHECK(deal_update(db, base, ed, &err) == KITH_OK);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK_STR(g->next_step, "call the CFO");
	CHECK_STR(g->currency, "GBP");
	CHECK_INT(g->value, 500000);
	CHECK_STR(g->responsible, "Ana Petrović");
	CHECK_STR(g->title, "Northbridge acquisition");
	deal_free(g);

	/* Editing from the stale read is refused, naming the field. */
	CHECK(deal_get(db, id, &other, &err) == KITH_OK);
	free(other->title);
	other->title = xstrdup("Renamed");
	CHECK(deal_update(db, base, other, &err) == KITH_CONFLICT);
	CHECK(strstr(err.msg, "value") != NULL);
	CHECK_INT(q(db, "SELECT count(*) FROM deal WHERE title = 'Renamed'"),
	    0);
	deal_free(other);

	/* Bad input in an edit is refused too. */
	deal_free(base);
	CHECK(deal_get(db, id, &base, &err) == KITH_OK);
	CHECK(deal_get(db, id, &other, &err) == KITH_OK);
	strcpy(other->currency, "XYZ");
	CHECK(deal_update(db, base, other, &err) == KITH_INVALID);
	deal_free(other);

	/* Undo of the edit. */
	CHECK(journal_undo_last(db, NULL, &err) == KITH_OK);
	CHECK(deal_get(db, id, &g, &err) == KITH_OK);
	CHECK(g->next_step == NULL);
	CHECK_INT(g->has_value, 0);
	deal_free(g);
	deal_free(base);
	deal_free(ed);
	test_db_done(db, path);
}

static void
test_word(void)
{
	struct kith_db	*db;
	struct kith_err	 err = { 0 };
	char		*path;

	db = test_db("deal-word.db", &path);
	CHECK_STR(deal_word(db), "deal");
	CHECK_STR(deal_word_form(db, 1, 1), "Deals");
	CHECK(deal_set_word(db, "Matter", &err) == KITH_OK);
	CHECK_STR(deal_word(db), "matter");
	CHECK_STR(deal_word_form(db, 0, 0), "matter");
	CHECK_STR(deal_word_form(db, 1, 0), "matters");
	CHECK_STR(deal_word_form(db, 0, 1), "Matter");
	CHECK_STR(deal_word_form(db, 1, 1), "Matters");
	CHECK(deal_set_word(db, "case", &err) == KITH_INVALID);
	CHECK_STR(deal_word(db), "matter");
	CHECK(add(db, "Estate of Jones", NULL, NULL) > 0);
	CHECK_INT(q(db, "SELECT count(*) FROM journal WHERE label LIKE "
	    "'added matter Estate of Jones%'"), 1);
	test_db_done(db, path);
}

/* The deal sheet: stays with their days, follow-ups, interactions. */
static void
test_sheet(void)
{
	struct kith_db		*db;
	struct deal_sheet	*sh;
	struct sheet		*cs;
	struct kith_err		 err = { 0 };
	char			*path;
	int64_t			 id, ana;
	time_t			 t0 = time_parse("2026-09-01 09:00");

	db = test_db("deal-sheet.db", &path);
	kith_db_set_now(db, t0);
	ana = person(db, "Ana Petrović");
	id = add(db, "Northbridge acquisition", NULL, NULL);
	CHECK(deal_set_contact(db, id, ana, "client", &err) == KITH_OK);
	kith_db_set_now(db, t0 + 10 * 86400);
	CHECK(deal_move(db, id, stage_id(db, "Negotiation"), &err) == KITH_OK);

	/* Logging on the deal touches it and involves its people. */
	kith_db_set_now(db, t0 + 50 * 86400);
	CHECK(deal_sheet_load(db, id, 0, &sh, &err) == KITH_OK);
	CHECK_INT(sh->deal->stalled, 1);
	CHECK_STR(sh->headline, "Negotiation, 40 days, stalled");
	deal_sheet_free(sh);
	CHECK(deal_log(db, id, NULL, 0, "call", NULL, "spoke with the CFO",
	    NULL, NULL, &err) == KITH_OK);
	CHECK(deal_follow(db, id, 0, "check conflicts", "2026-10-25", NULL,
	    &err) == KITH_OK);
	CHECK(deal_follow(db, id, ana, "send letter", "2026-10-22", NULL,
	    &err) == KITH_OK);
	CHECK(deal_follow(db, 99, ana, "x", "2026-10-22", NULL, &err)
	    == KITH_NOTFOUND);
	CHECK(deal_sheet_load(db, id, 0, &sh, &err) == KITH_OK);
	CHECK_INT(sh->deal->stalled, 0);
	CHECK_INT(sh->deal->touched, t0 + 50 * 86400);
	CHECK_STR(sh->headline, "Negotiation, 40 days");
	CHECK(sh->value == NULL);
	CHECK_INT(sh->n_interactions, 1);
	CHECK_INT(sh->n_followups, 2);
	if (sh->n_followups == 2) {
		CHECK_STR(sh->followups[0].action, "send letter");
		CHECK_STR(sh->followups[0].contact_name, "Ana Petrović");
		CHECK(sh->followups[1].contact_name == NULL);
	}
	CHECK_INT(sh->n_history, 2);
	if (sh->n_history == 2) {
		CHECK_STR(sh->history[0].stage, "Interest");
		CHECK_INT(sh->history[0].days, 10);
		CHECK_INT(sh->history[0].to, t0 + 10 * 86400);
		CHECK_STR(sh->history[1].stage, "Negotiation");
		CHECK_INT(sh->history[1].days, 40);
		CHECK_INT(sh->history[1].to, 0);
	}
	deal_sheet_free(sh);
	CHECK(deal_sheet_load(db, 99, 0, &sh, &err) == KITH_NOTFOUND);
	CHECK(sh == NULL);

	/* The contact's sheet lists the deal with the role. */
	CHECK(sheet_load(db, ana, 0, &cs, &err) == KITH_OK);
	CHECK_INT(cs->n_deals, 1);
	if (cs->n_deals == 1) {
		CHECK_STR(cs->deals[0].title, "Northbridge acquisition");
		CHECK_STR(cs->deals[0].role, "client");
		CHECK_STR(cs->deals[0].stage, "Negotiation");
	}
	CHECK_INT(cs->n_interactions, 1);
	sheet_free(cs);

	/* A deal without people: logging needs someone. */
	id = add(db, "Empty", NULL, NULL);
	CHECK(deal_log(db, id, NULL, 0, "call", NULL, "x", NULL, NULL, &err)
	    == KITH_INVALID);
	CHECK(deal_log(db, id, &ana, 1, "call", NULL, "x", NULL, NULL, &err)
	    == KITH_OK);
	test_db_done(db, path);
}

static void
test_lists(void)
{
	struct kith_db		*db;
	struct deal_line	*v;
	struct kith_err		 err = { 0 };
	char			*path;
	int64_t			 ana, bob, *ids, a, b;
	size_t			 n;

	db = test_db("deal-lists.db", &path);
	ana = person(db, "Ana Petrović");
	bob = person(db, "Bob Smith");
	a = add(db, "Northbridge acquisition", "Negotiation", "M-1");
	b = add(db, "Harbour lease", NULL, NULL);
	(void)add(db, "Old matter", "Lost", NULL);
	CHECK(deal_set_contact(db, a, ana, "client", &err) == KITH_OK);
	CHECK(deal_set_contact(db, b, bob, NULL, &err) == KITH_OK);
	CHECK(deal_set_contact(db, 3, bob, "witness", &err) == KITH_OK);

	CHECK(deal_list(db, NULL, 0, &v, &n, &err) == KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		/* By stage position, then title. */
		CHECK_STR(v[0].title, "Harbour lease");
		CHECK_STR(v[1].title, "Northbridge acquisition");
		CHECK_STR(v[2].stage, "Lost");
		CHECK_INT(v[2].stage_kind, KITH_STAGE_lost);
	}
	deal_lines_free(v, n);
	CHECK(deal_list(db, "north acq", 0, &v, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	deal_lines_free(v, n);
	CHECK(deal_list(db, "m 1", 0, &v, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	deal_lines_free(v, n);
	CHECK(deal_list(db, NULL, stage_id(db, "Lost"), &v, &n, &err)
	    == KITH_OK);
	CHECK_INT(n, 1);
	deal_lines_free(v, n);

	CHECK(deal_list_contact(db, bob, &v, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		/* Open ones first. */
		CHECK_STR(v[0].title, "Harbour lease");
		CHECK(v[0].role == NULL);
		CHECK_STR(v[1].role, "witness");
	}
	deal_lines_free(v, n);

	CHECK(deal_open_people(db, &ids, &n, &err) == KITH_OK);
	CHECK_INT(n, 2);
	free(ids);
	CHECK(deal_close(db, a, KITH_STAGE_lost, NULL, &err) == KITH_OK);
	CHECK(deal_open_people(db, &ids, &n, &err) == KITH_OK);
	CHECK_INT(n, 1);
	if (n == 1)
		CHECK_INT(ids[0], bob);
	free(ids);
	test_db_done(db, path);
}

TEST_MAIN(test_money, test_add, test_bad_input, test_move, test_people,
    test_resolve, test_update, test_word, test_sheet, test_lists)
