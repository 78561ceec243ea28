/* SPDX-License-Identifier: MIT */
/*
 * Pipeline stages (stage.h) on a real database file: the default list,
 * lookup by name in any case, adding at a position, renaming, moving,
 * kinds and numbers checked, and the removal rules (a stage holding deals
 * only with a stage for them to go to; never the last open stage).
 */
#include <sqlite3.h>

#include "check.h"
#include "testdb.h"
#include "testsql.h"
#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/journal.h"
#include "kith/stage.h"

static void	test_defaults(void);
static void	test_add_move(void);
static void	test_remove(void);
static void	test_kinds(void);
static void	test_schema_kinds(void);

/* The stage names by position, joined with spaces, into buf. */
static const char *
names(struct kith_db *db, char *buf, size_t size)
{
	struct stage	*v;
	size_t		 n, i, len = 0;

	buf[0] = '\0';
	if (stage_list(db, &v, &n, NULL) != KITH_OK)
		return "(error)";
	for (i = 0; i < n; i++) {
		CHECK_INT(v[i].pos, i + 1);
		len += (size_t)snprintf(buf + len, size - len, "%s%s",
		    i ? " " : "", v[i].name);
	}
	stages_free(v, n);
	return buf;
}

static void
test_defaults(void)
{
	struct kith_db	*db;
	struct stage	*v, s;
	struct kith_err	 err = { 0 };
	char		*path, buf[256];
	size_t		 n;

	db = test_db("stage-defaults.db", &path);
	CHECK(stage_list(db, &v, &n, &err) == KITH_OK);
	CHECK_INT(n, 4);
	if (n == 4) {
		CHECK_STR(v[0].name, "Interest");
		CHECK_INT(v[0].kind, KITH_STAGE_open);
		CHECK_INT(v[0].probability, 20);
		CHECK_INT(v[0].stall_days, 30);
		CHECK_STR(v[1].name, "Negotiation");
		CHECK_INT(v[1].probability, 60);
		CHECK_INT(v[2].kind, KITH_STAGE_won);
		CHECK_INT(v[2].probability, 100);
		CHECK_INT(v[3].kind, KITH_STAGE_lost);
		CHECK_INT(v[3].probability, 0);
	}
	stages_free(v, n);
	CHECK(stage_find(db, "negotiation", &s, &err) == KITH_OK);
	CHECK_STR(s.name, "Negotiation");
	stage_clear(&s);
	CHECK(stage_find(db, "  WON ", &s, &err) == KITH_OK);
	CHECK_INT(s.kind, KITH_STAGE_won);
	stage_clear(&s);
	CHECK(stage_find(db, "Closing", &s, &err) == KITH_NOTFOUND);
	CHECK(strstr(err.msg, "'Closing'") != NULL);
	CHECK(strstr(err.msg, "Interest, Negotiation, Won, Lost") != NULL);
	CHECK(stage_first(db, KITH_STAGE_lost, &s, &err) == KITH_OK);
	CHECK_STR(s.name, "Lost");
	stage_clear(&s);
	CHECK_STR(names(db, buf, sizeof buf), "Interest Negotiation Won Lost");
	test_db_done(db, path);
}

static void
test_add_move(void)
{
	struct kith_db	*db;
	struct stage	 s;
	struct kith_err	 err = { 0 };
	char		*path, buf[256];
	int64_t		 id, id2;

	db = test_db("stage-add.db", &path);
	/* An open stage goes after the last open one by default. */
	CHECK(stage_add(db, "Proposal", KITH_STAGE_open, 40, 14, 0, &id,
	    &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf),
	    "Interest Negotiation Proposal Won Lost");
	CHECK(stage_add(db, "Withdrawn", KITH_STAGE_lost, 0, 30, 0, &id2,
	    &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf),
	    "Interest Negotiation Proposal Won Lost Withdrawn");
	CHECK(stage_add(db, "Lead", KITH_STAGE_open, 5, 60, 1, NULL, &err)
	    == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf),
	    "Lead Interest Negotiation Proposal Won Lost Withdrawn");
	CHECK(stage_get(db, id, &s, &err) == KITH_OK);
	CHECK_INT(s.probability, 40);
	CHECK_INT(s.stall_days, 14);
	stage_clear(&s);

	CHECK(stage_add(db, "proposal", KITH_STAGE_open, 40, 14, 0, NULL,
	    &err) == KITH_EXISTS);
	CHECK(stage_add(db, "X", KITH_STAGE_open, 101, 14, 0, NULL, &err)
	    == KITH_INVALID);
	CHECK(strstr(err.msg, "probability") != NULL);
	CHECK(stage_add(db, "X", KITH_STAGE_open, 10, 0, 0, NULL, &err)
	    == KITH_INVALID);
	CHECK(stage_add(db, "  ", KITH_STAGE_open, 10, 5, 0, NULL, &err)
	    == KITH_INVALID);

	CHECK(stage_move(db, id, 1, &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf),
	    "Proposal Lead Interest Negotiation Won Lost Withdrawn");
	CHECK(stage_move(db, id, 99, &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf),
	    "Lead Interest Negotiation Won Lost Withdrawn Proposal");
	CHECK(stage_move(db, id, 3, &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf),
	    "Lead Interest Proposal Negotiation Won Lost Withdrawn");
	CHECK(stage_move(db, id, 0, &err) == KITH_INVALID);

	CHECK(stage_rename(db, id, "Offer made", &err) == KITH_OK);
	CHECK(stage_rename(db, id, "lead", &err) == KITH_EXISTS);
	CHECK(stage_rename(db, id, "OFFER MADE", &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf),
	    "Lead Interest OFFER MADE Negotiation Won Lost Withdrawn");

	/* Each change is one action: undo the rename. */
	CHECK(journal_undo_last(db, NULL, &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf),
	    "Lead Interest Offer made Negotiation Won Lost Withdrawn");
	test_db_done(db, path);
}

static void
test_remove(void)
{
	struct kith_db	*db;
	struct stage	 neg, won, s;
	struct deal	*d;
	struct kith_err	 err = { 0 };
	char		*path, buf[256];
	int64_t		 deal_id;

	db = test_db("stage-rm.db", &path);
	kith_db_set_now(db, time_parse("2026-11-02 10:00"));
	CHECK(stage_find(db, "Negotiation", &neg, &err) == KITH_OK);
	CHECK(stage_find(db, "Won", &won, &err) == KITH_OK);
	d = deal_new();
	d->title = xstrdup("Northbridge acquisition");
	d->stage = xstrdup("negotiation");
	CHECK(deal_add(db, d, &err) == KITH_OK);
	deal_id = d->id;
	deal_free(d);

	/* Holding a deal: refused without a stage to take it. */
	CHECK(stage_remove(db, neg.id, 0, &err) == KITH_EXISTS);
	CHECK(strstr(err.msg, "Negotiation holds 1 deal") != NULL);
	CHECK(stage_remove(db, neg.id, neg.id, &err) == KITH_INVALID);
	CHECK_STR(names(db, buf, sizeof buf), "Interest Negotiation Won Lost");

	kith_db_set_now(db, time_parse("2026-11-05 10:00"));
	CHECK(stage_remove(db, neg.id, won.id, &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf), "Interest Won Lost");
	CHECK(deal_get(db, deal_id, &d, &err) == KITH_OK);
	CHECK_STR(d->stage, "Won");
	CHECK_INT(d->closed_at, time_parse("2026-11-05 10:00"));
	deal_free(d);

	/* Never the last open stage. */
	CHECK(stage_find(db, "Interest", &s, &err) == KITH_OK);
	CHECK(stage_remove(db, s.id, 0, &err) == KITH_INVALID);
	CHECK(strstr(err.msg, "only open stage") != NULL);
	CHECK(stage_set(db, s.id, KITH_STAGE_won, 100, 30, &err)
	    == KITH_INVALID);
	stage_clear(&s);

	/* An empty stage goes; undo brings it back with its deal. */
	CHECK(journal_undo_last(db, NULL, &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf), "Interest Negotiation Won Lost");
	CHECK(deal_get(db, deal_id, &d, &err) == KITH_OK);
	CHECK_STR(d->stage, "Negotiation");
	CHECK_INT(d->closed_at, 0);
	deal_free(d);
	CHECK(stage_find(db, "Lost", &s, &err) == KITH_OK);
	CHECK(stage_remove(db, s.id, 0, &err) == KITH_OK);
	CHECK_STR(names(db, buf, sizeof buf), "Interest Negotiation Won");
	stage_clear(&s);
	stage_clear(&neg);
	stage_clear(&won);
	test_db_done(db, path);
}

static void
test_kinds(void)
{
	enum kith_stage_kind	k;
	struct kith_db		*db;
	struct stage		 s;
	struct kith_err		 err = { 0 };
	char			*path;

	CHECK(stage_kind_parse("WON", &k) && k == KITH_STAGE_won);
	CHECK(stage_kind_parse("open", &k) && k == KITH_STAGE_open);
	CHECK(!stage_kind_parse("closed", &k));
	CHECK_STR(stage_kind_name(KITH_STAGE_lost), "lost");

	db = test_db("stage-kinds.db", &path);
	CHECK(stage_find(db, "Negotiation", &s, &err) == KITH_OK);
	CHECK(stage_set(db, s.id, KITH_STAGE_open, 75, 10, &err) == KITH_OK);
	stage_clear(&s);
	CHECK(stage_find(db, "Negotiation", &s, &err) == KITH_OK);
	CHECK_INT(s.probability, 75);
	CHECK_INT(s.stall_days, 10);
	CHECK(stage_set(db, s.id, KITH_STAGE_open, -1, 10, &err)
	    == KITH_INVALID);
	stage_clear(&s);
	test_db_done(db, path);
}

/* The schema's CHECK on stage.kind lists the kinds of vocab.h, in order. */
static void
test_schema_kinds(void)
{
	static const char *const kinds[] = {
		KITH_STAGE_KIND_LIST(KITH_VOCAB_STR, KITH_VOCAB_COMMA)
	};
	struct kith_db	*db;
	sqlite3_stmt	*stmt;
	const char	*sql, *p;
	char		*path, want[128];
	size_t		 i, len = 0;

	want[0] = '\0';
	for (i = 0; i < KITH_STAGE_KIND_COUNT; i++)
		len += (size_t)snprintf(want + len, sizeof want - len,
		    "%s'%s'", i ? ", " : "", kinds[i]);
	db = test_db("stage-schema.db", &path);
	CHECK(sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT sql FROM "
	    "sqlite_schema WHERE name = 'stage'", -1, &stmt, NULL)
	    == SQLITE_OK);
	CHECK(sqlite3_step(stmt) == SQLITE_ROW);
	sql = (const char *)sqlite3_column_text(stmt, 0);
	p = sql != NULL ? strstr(sql, "kind IN (") : NULL;
	CHECK(p != NULL && strncmp(p + 9, want, strlen(want)) == 0 &&
	    p[9 + strlen(want)] == ')');
	sqlite3_finalize(stmt);
	test_db_done(db, path);
}

/*
 * A stage that changes kind takes its deals along: made open, a won
 * deal in it is open again (no close date); made lost, the open deals in
 * it are closed since they entered it.
 */
static void
test_kind_moves_deals(void)
{
	struct kith_db	*db;
	struct deal	*d;
	struct kith_err	 err = { 0 };
	int64_t		 won, neg, id;
	char		*path;

	db = test_db("stage-kind-deals.db", &path);
	won = stage_id(db, "Won");
	neg = stage_id(db, "Negotiation");
	d = deal_new();
	contact_set(&d->title, "Northbridge refinancing");
	CHECK(deal_add(db, d, &err) == KITH_OK);
	id = d->id;
	deal_free(d);
	CHECK(deal_move(db, id, won, &err) == KITH_OK);
	CHECK(deal_get(db, id, &d, &err) == KITH_OK);
	CHECK(d->closed_at != 0);
	deal_free(d);
	CHECK(stage_set(db, won, KITH_STAGE_open, 90, 30, &err) == KITH_OK);
	CHECK(deal_get(db, id, &d, &err) == KITH_OK);
	CHECK(d->closed_at == 0);
	deal_free(d);
	CHECK(deal_move(db, id, neg, &err) == KITH_OK);
	sql_exec(db, "UPDATE deal SET stage_since = 1700000000");
	CHECK(stage_set(db, neg, KITH_STAGE_lost, 0, 30, &err) == KITH_OK);
	CHECK(deal_get(db, id, &d, &err) == KITH_OK);
	CHECK(d->closed_at == 1700000000);
	deal_free(d);
	test_db_done(db, path);
}

TEST_MAIN(test_defaults, test_add_move, test_remove, test_kinds,
    test_schema_kinds, test_kind_moves_deals)
