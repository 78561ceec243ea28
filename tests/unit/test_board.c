/* SPDX-License-Identifier: MIT */
/*
 * The board's cards (board.h) with a frozen clock: a column read in pages
 * in either direction from any card gives every card once, in order of
 * the last touch; a card's organisation, value, next step, days in its
 * stage and stalled mark (past the stage's stall_days, not at it); won and
 * lost stages have no cards; a deal is located in its column.  Deals are
 * written with plain SQL, as the schema stores them.
 */
#include <sqlite3.h>

#include "check.h"
#include "testdb.h"
#include "testsql.h"
#include "kith/board.h"

#define NOW	1796472000	/* 2026-12-05 12:00 UTC */
#define DAY	86400
#define N	23

static int64_t	deal_sql(struct kith_db *, const char *, int64_t, int64_t,
		    int64_t);
static size_t	walk(struct kith_db *, int64_t, int, size_t, int64_t *);
static void	test_pages(void);
static void	test_card(void);
static void	test_closed(void);
static void	test_overdue(void);



/* A deal in stage, worth cents EUR, in it since since, touched then. */
static int64_t
deal_sql(struct kith_db *db, const char *title, int64_t stage, int64_t since,
    int64_t touched)
{
	sqlite3_stmt	*stmt;
	int64_t		 id;

	sqlite3_prepare_v2(kith_db_sqlite(db), "INSERT INTO deal (title, "
	    "title_fold, stage_id, value_cents, currency, created, updated, "
	    "stage_since, touched) VALUES (?1, lower(?1), ?2, 100000, 'EUR', "
	    "?3, ?3, ?3, ?4)", -1, &stmt, NULL);
	sqlite3_bind_text(stmt, 1, title, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 2, stage);
	sqlite3_bind_int64(stmt, 3, since);
	sqlite3_bind_int64(stmt, 4, touched);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		fprintf(stderr, "insert %s: %s\n", title,
		    sqlite3_errmsg(kith_db_sqlite(db)));
		exit(1);
	}
	sqlite3_finalize(stmt);
	id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	return id;
}

/*
 * Every card of stage, page by page in direction dir from the end;
 * their ids (in board order, whatever dir) into ids; returns how many.
 */
static size_t
walk(struct kith_db *db, int64_t stage, int dir, size_t page, int64_t *ids)
{
	struct kith_err		 err = { 0 };
	struct board_card	*cards;
	struct board_pos	 at;
	size_t			 n, i, k = 0;
	int			 first = 1;

	for (;;) {
		CHECK_INT(board_cards(db, stage, first ? NULL : &at, dir, page,
		    &cards, &n, &err), KITH_OK);
		for (i = 0; i < n && k < N + 5; i++)
			ids[k++] = cards[i].id;
		if (n > 0)
			at = cards[n - 1].pos;
		board_cards_free(cards, n);
		first = 0;
		if (n < page)
			break;
	}
	if (dir < 0)	/* nearest first: turn them round */
		for (i = 0; i < k / 2; i++) {
			int64_t t = ids[i];

			ids[i] = ids[k - 1 - i];
			ids[k - 1 - i] = t;
		}
	return k;
}

static void
test_pages(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct board_card	*cards;
	struct board_pos	 at;
	char			*path, title[32];
	int64_t			 want[N], tt[N], got[N + 5], st, other;
	size_t			 n, i, page;
	int			 j;

	db = test_db("board.db", &path);
	kith_db_set_now(db, NOW);
	st = stage_id(db, "Interest");
	other = stage_id(db, "Negotiation");
	/*
	 * Touched at scattered times, some at the same second (ties go by
	 * id); then sorted into board order: by touch, then id.
	 */
	for (j = 0; j < N; j++) {
		snprintf(title, sizeof title, "Deal %02d", j);
		tt[j] = NOW - (int64_t)((N - j * 7 % N) / 2) * DAY;
		want[j] = deal_sql(db, title, st, NOW - 50 * DAY, tt[j]);
	}
	deal_sql(db, "Elsewhere", other, NOW, NOW);
	for (i = 0; i < N; i++)
		for (j = 0; j + 1 < N; j++)
			if (tt[j] > tt[j + 1] || (tt[j] == tt[j + 1] &&
			    want[j] > want[j + 1])) {
				int64_t t = want[j], u = tt[j];

				want[j] = want[j + 1];
				tt[j] = tt[j + 1];
				want[j + 1] = t;
				tt[j + 1] = u;
			}
	for (page = 1; page <= N + 1; page += 3) {
		CHECK_INT(walk(db, st, 1, page, got), N);
		CHECK(memcmp(got, want, sizeof want) == 0);
		CHECK_INT(walk(db, st, -1, page, got), N);
		CHECK(memcmp(got, want, sizeof want) == 0);
	}
	/* From a card's place: the cards after it, then before it. */
	CHECK_INT(board_cards(db, st, NULL, 1, N, &cards, &n, &err), KITH_OK);
	at = cards[10].pos;
	board_cards_free(cards, n);
	CHECK_INT(board_cards(db, st, &at, 1, 3, &cards, &n, &err), KITH_OK);
	CHECK_INT(n, 3);
	CHECK_INT(cards[0].id, want[11]);
	CHECK_INT(cards[2].id, want[13]);
	board_cards_free(cards, n);
	CHECK_INT(board_cards(db, st, &at, -1, 3, &cards, &n, &err), KITH_OK);
	CHECK_INT(n, 3);
	CHECK_INT(cards[0].id, want[9]);
	CHECK_INT(cards[2].id, want[7]);
	board_cards_free(cards, n);
	/* board_locate gives the place to page from. */
	{
		int64_t			 stage = 0;
		struct board_pos	 pos;

		CHECK_INT(board_locate(db, want[10], &stage, &pos, &err),
		    KITH_OK);
		CHECK_INT(stage, st);
		CHECK_INT(pos.id, at.id);
		CHECK_INT(pos.touched, at.touched);
	}
	test_db_done(db, path);
}

static void
test_card(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct board_card	*cards;
	char			*path;
	int64_t			 st, a, b, c;
	size_t			 n;

	db = test_db("board-card.db", &path);
	kith_db_set_now(db, NOW);
	st = stage_id(db, "Negotiation");
	sql_exec(db, "UPDATE stage SET stall_days = 10 WHERE name = "
	    "'Negotiation'");
	/*
	 * Untouched 10 calendar days: not yet stalled, to the day's end;
	 * 11: stalled, from midnight.
	 */
	a = deal_sql(db, "At the limit", st, NOW - 12 * DAY, NOW - 10 * DAY -
	    11 * 3600);
	b = deal_sql(db, "Past it", st, NOW - 30 * DAY - 5,
	    NOW - 10 * DAY - 12 * 3600 - 1);
	c = deal_sql(db, "Fresh", st, NOW - 2 * DAY + 1, NOW);
	sql_exec(db, "INSERT INTO org (name, name_fold, created) VALUES "
	    "('Acme Legal', 'acme legal', 0)");
	sql_exec(db, "UPDATE deal SET org_id = (SELECT id FROM org), "
	    "next_step = 'send the draft', value_cents = NULL, currency = NULL "
	    "WHERE title = 'Fresh'");
	CHECK_INT(board_cards(db, st, NULL, 1, 10, &cards, &n, &err), KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3) {
		CHECK_INT(cards[0].id, b);
		CHECK_INT(cards[0].stalled, 1);
		CHECK_INT(cards[0].idle_days, 11);
		CHECK_INT(cards[0].days_in_stage, 30);
		CHECK_INT(cards[0].has_value, 1);
		CHECK_INT(cards[0].value_cents, 100000);
		CHECK_STR(cards[0].currency, "EUR");
		CHECK(cards[0].org == NULL);
		CHECK(cards[0].next_step == NULL);
		CHECK_INT(cards[1].id, a);
		CHECK_INT(cards[1].stalled, 0);
		CHECK_INT(cards[1].days_in_stage, 12);
		CHECK_INT(cards[2].id, c);
		CHECK_INT(cards[2].stalled, 0);
		CHECK_INT(cards[2].days_in_stage, 1);
		CHECK_INT(cards[2].has_value, 0);
		CHECK(cards[2].currency == NULL);
		CHECK_STR(cards[2].org, "Acme Legal");
		CHECK_STR(cards[2].next_step, "send the draft");
	}
	board_cards_free(cards, n);
	/* The clock decides: a day later, "At the limit" is stalled too. */
	kith_db_set_now(db, NOW + DAY);
	CHECK_INT(board_cards(db, st, NULL, 1, 10, &cards, &n, &err), KITH_OK);
	CHECK_INT(n, 3);
	if (n == 3)
		CHECK_INT(cards[1].stalled, 1);
	board_cards_free(cards, n);
	test_db_done(db, path);
}

static void
test_closed(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct board_card	*cards;
	struct board_pos	 pos;
	char			*path;
	int64_t			 won, id, stage = 0;
	size_t			 n;

	db = test_db("board-closed.db", &path);
	kith_db_set_now(db, NOW);
	won = stage_id(db, "Won");
	id = deal_sql(db, "Signed", won, NOW - DAY, NOW - DAY);
	CHECK_INT(board_cards(db, won, NULL, 1, 10, &cards, &n, &err), KITH_OK);
	CHECK_INT(n, 0);
	board_cards_free(cards, n);
	CHECK_INT(board_locate(db, id, &stage, &pos, &err), KITH_NOTFOUND);
	CHECK(strstr(err.msg, "won or lost") != NULL);
	CHECK_INT(board_locate(db, id + 100, &stage, &pos, &err),
	    KITH_NOTFOUND);
	/* No cards asked for: none, and no error. */
	CHECK_INT(board_cards(db, stage_id(db, "Interest"), NULL, 1, 0, &cards,
	    &n, &err), KITH_OK);
	CHECK_INT(n, 0);
	board_cards_free(cards, n);
	test_db_done(db, path);
}

/*
 * A card with an overdue follow-up is stalled however fresh its last
 * touch, as the deal list and the pipeline report count it; one due today,
 * or done, is not.  NOW is 2026-12-05.
 */
static void
test_overdue(void)
{
	struct kith_err		 err = { 0 };
	struct kith_db		*db;
	struct board_card	*cards;
	char			*path;
	int64_t			 st;
	size_t			 n;

	db = test_db("board-overdue.db", &path);
	kith_db_set_now(db, NOW);
	st = stage_id(db, "Interest");
	deal_sql(db, "Chased", st, NOW - DAY, NOW - DAY);
	deal_sql(db, "Today", st, NOW - DAY, NOW);
	sql_exec(db, "INSERT INTO followup (deal_id, action, due, created) "
	    "SELECT id, 'call', '2026-12-04', 0 FROM deal WHERE title = "
	    "'Chased'");
	sql_exec(db, "INSERT INTO followup (deal_id, action, due, done_at, "
	    "created) SELECT id, 'old', '2026-11-01', 1, 0 FROM deal WHERE "
	    "title = 'Today'");
	sql_exec(db, "INSERT INTO followup (deal_id, action, due, created) "
	    "SELECT id, 'call', '2026-12-05', 0 FROM deal WHERE title = "
	    "'Today'");
	CHECK_INT(board_cards(db, st, NULL, 1, 10, &cards, &n, &err), KITH_OK);
	CHECK_INT(n, 2);
	if (n == 2) {
		CHECK_STR(cards[0].title, "Chased");
		CHECK_INT(cards[0].stalled, 1);
		CHECK_STR(cards[1].title, "Today");
		CHECK_INT(cards[1].stalled, 0);
	}
	board_cards_free(cards, n);
	test_db_done(db, path);
}

TEST_MAIN(test_pages, test_card, test_closed, test_overdue)
