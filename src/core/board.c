/* SPDX-License-Identifier: MIT */
/*
 * The pipeline board's queries (board.h).  A page of cards is a range of
 * the index deal_by_touch (stage_id, touched, then the rowid) from a
 * card's (touched, id), in either direction: its cost follows the page,
 * not the column or the book.  Stalled and the day counts are worked out
 * here, once, from the stage's stall_days and the handle's clock.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kith/board.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/util.h"
#include "deal_impl.h"
#include "internal.h"


static long	days_since(int64_t, int64_t);
static void	read_card(sqlite3_stmt *, int64_t, struct board_card *);

/* Whole days from then to now, 0 for a time ahead of now. */
static long
days_since(int64_t then, int64_t now)
{
	return now > then ? (long)((now - then) / DAY) : 0;
}

/*
 * Columns: id, touched, title, org name, value_cents, currency,
 * next_step, stage_since, stall_days.
 */
static void
read_card(sqlite3_stmt *stmt, int64_t now, struct board_card *c)
{
	int	stall;

	memset(c, 0, sizeof *c);
	c->id = c->pos.id = sqlite3_column_int64(stmt, 0);
	c->pos.touched = sqlite3_column_int64(stmt, 1);
	c->title = db_col_text(stmt, 2);
	if (c->title == NULL)
		c->title = xstrdup("");
	c->org = db_col_text(stmt, 3);
	if ((c->has_value = sqlite3_column_type(stmt, 4) != SQLITE_NULL))
		c->value_cents = sqlite3_column_int64(stmt, 4);
	c->currency = db_col_text(stmt, 5);
	c->next_step = db_col_text(stmt, 6);
	c->days_in_stage = days_since(sqlite3_column_int64(stmt, 7), now);
	c->idle_days = deal_idle_days(c->pos.touched, now);
	stall = sqlite3_column_int(stmt, 8);
	c->stalled = deal_is_stalled(KITH_STAGE_open, stall, c->pos.touched,
	    sqlite3_column_int(stmt, 9), now);
}

enum kith_status
board_cards(struct kith_db *db, int64_t stage, const struct board_pos *from,
    int dir, size_t limit, struct board_card **out, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct board_card	*cards = NULL;
	int64_t			 now = (int64_t)kith_db_now(db);
	size_t			 k = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if (limit == 0)
		return KITH_OK;
	if (dir > 0)
		stmt = db_stmt(db, "SELECT d.id, d.touched, d.title, o.name, "
		    "d.value_cents, d.currency, d.next_step, d.stage_since, "
		    "s.stall_days, " DEAL_OVERDUE_SQL " FROM deal d "
		    "JOIN stage s ON s.id = d.stage_id "
		    "LEFT JOIN org o ON o.id = d.org_id "
		    "WHERE d.stage_id = ?1 AND s.kind = 'open' "
		    "AND (d.touched, d.id) > (?2, ?3) "
		    "ORDER BY d.touched, d.id LIMIT ?4", err);
	else
		stmt = db_stmt(db, "SELECT d.id, d.touched, d.title, o.name, "
		    "d.value_cents, d.currency, d.next_step, d.stage_since, "
		    "s.stall_days, " DEAL_OVERDUE_SQL " FROM deal d "
		    "JOIN stage s ON s.id = d.stage_id "
		    "LEFT JOIN org o ON o.id = d.org_id "
		    "WHERE d.stage_id = ?1 AND s.kind = 'open' "
		    "AND (d.touched, d.id) < (?2, ?3) "
		    "ORDER BY d.touched DESC, d.id DESC LIMIT ?4", err);
	if (stmt == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, stage);
	deal_bind_today(db, stmt);
	if (from != NULL) {
		sqlite3_bind_int64(stmt, 2, from->touched);
		sqlite3_bind_int64(stmt, 3, from->id);
	} else {
		sqlite3_bind_int64(stmt, 2, dir > 0 ? INT64_MIN : INT64_MAX);
		sqlite3_bind_int64(stmt, 3, dir > 0 ? INT64_MIN : INT64_MAX);
	}
	sqlite3_bind_int64(stmt, 4, limit > INT64_MAX ? INT64_MAX :
	    (int64_t)limit);
	cards = xreallocarray(NULL, limit < 64 ? limit : 64, sizeof *cards);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (k >= 64 && (k & (k - 1)) == 0)
			cards = xreallocarray(cards, k * 2, sizeof *cards);
		read_card(stmt, now, &cards[k++]);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		board_cards_free(cards, k);
		return db_fail(db, err, "reading the board");
	}
	*out = cards;
	*n = k;
	return KITH_OK;
}

void
board_cards_free(struct board_card *cards, size_t n)
{
	size_t	i;

	if (cards == NULL)
		return;
	for (i = 0; i < n; i++) {
		free(cards[i].title);
		free(cards[i].org);
		free(cards[i].currency);
		free(cards[i].next_step);
	}
	free(cards);
}

enum kith_status
board_locate(struct kith_db *db, int64_t id, int64_t *stage,
    struct board_pos *pos, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT d.stage_id, d.touched FROM deal d "
	    "JOIN stage s ON s.id = d.stage_id "
	    "WHERE d.id = ?1 AND s.kind = 'open'", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	if (rc == SQLITE_ROW) {
		*stage = sqlite3_column_int64(stmt, 0);
		pos->touched = sqlite3_column_int64(stmt, 1);
		pos->id = id;
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND, "deal %lld is not on "
		    "the board (no such deal, or it is won or lost)",
		    (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "finding a deal on the board");
	return KITH_OK;
}
