/* SPDX-License-Identifier: MIT */
/*
 * A contact's standing (standing.h): its cadence state and its strength
 * from the summary columns touch.c keeps on the contact, with the one
 * formula of strength.c and the one state rule of cadence.c, so the list,
 * the sheet and kith list agree with kith cadence and kith review.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/standing.h"
#include "kith/strength.h"
#include "kith/util.h"
#include "internal.h"

static void	col_date(sqlite3_stmt *, int, char [KITH_DATE_LEN]);

static void
col_date(sqlite3_stmt *stmt, int idx, char out[KITH_DATE_LEN])
{
	const unsigned char	*t = sqlite3_column_text(stmt, idx);

	snprintf(out, KITH_DATE_LEN, "%s", t != NULL ? (const char *)t : "");
}

enum kith_status
standing_get(struct kith_db *db, int64_t id, struct standing *out,
    struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct strength_input	 in;
	struct strength		 s;
	char			 today[KITH_DATE_LEN], due[KITH_DATE_LEN];
	char			 over[KITH_DATE_LEN], first[KITH_DATE_LEN];
	char			 last[KITH_DATE_LEN];
	int			 rc;

	memset(out, 0, sizeof *out);
	if ((stmt = db_stmt(db, "SELECT due_on, overdue_on, touch_first, "
	    "touch_last, touch_n, touch_w, touch_in, touch_out, strength_set "
	    "FROM contact WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			return kith_err_set(err, KITH_NOTFOUND,
			    "no contact with id %lld", (long long)id);
		return db_fail(db, err, "reading a contact's standing");
	}
	db_today(db, today);
	col_date(stmt, 0, due);
	col_date(stmt, 1, over);
	col_date(stmt, 2, first);
	col_date(stmt, 3, last);
	out->cadence = cadence_state_on(due, over, today, &out->late);
	strength_input_of(first, last, sqlite3_column_int64(stmt, 4),
	    sqlite3_column_int64(stmt, 5), sqlite3_column_int64(stmt, 6),
	    sqlite3_column_int64(stmt, 7), today, &in);
	strength_compute(&in, &s);
	out->strength = s.score;
	if (sqlite3_column_type(stmt, 8) != SQLITE_NULL) {
		out->strength = sqlite3_column_int(stmt, 8);
		out->manual = 1;
	}
	sqlite3_reset(stmt);
	return KITH_OK;
}

void
standing_bar(int strength, char out[STANDING_BAR_LEN])
{
	int	full = (strength + 10) / 20, i;

	if (full < 0)
		full = 0;
	if (full > STANDING_BAR_CELLS)
		full = STANDING_BAR_CELLS;
	out[0] = '\0';
	for (i = 0; i < STANDING_BAR_CELLS; i++)
		strcat(out, i < full ? "\xe2\x96\xa0" : "\xe2\x96\xa1");
}

const char *
standing_word(const struct standing *st)
{
	switch (st->cadence) {
	case KITH_CADENCE_DUE:		return "due";
	case KITH_CADENCE_OVERDUE:	return "overdue";
	default:			return "";
	}
}
