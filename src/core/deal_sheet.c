/* SPDX-License-Identifier: MIT */
/*
 * The deal sheet model (see deal_sheet.h): the deal, its follow-ups and
 * interactions, and its stage history as stays with their days, composed
 * once for every front.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/deal.h"
#include "kith/deal_sheet.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/money.h"
#include "kith/stage.h"
#include "kith/util.h"
#include "internal.h"

#define DAY	86400

static enum kith_status	 read_history(struct kith_db *, struct deal_sheet *,
			    struct kith_err *);
static void		 compose(struct deal_sheet *);

static enum kith_status
read_history(struct kith_db *db, struct deal_sheet *s, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct deal_stay *h;
	int64_t		 now = (int64_t)kith_db_now(db), end;
	size_t		 i;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT h.stage_id, s.name, s.kind, h.at "
	    "FROM deal_stage_history h JOIN stage s ON s.id = h.stage_id "
	    "WHERE h.deal_id = ?1 ORDER BY h.at, h.id", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, s->deal->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		s->history = xreallocarray(s->history, s->n_history + 1,
		    sizeof *s->history);
		h = &s->history[s->n_history++];
		memset(h, 0, sizeof *h);
		h->stage_id = sqlite3_column_int64(stmt, 0);
		h->stage = db_col_text(stmt, 1);
		(void)stage_kind_parse((const char *)sqlite3_column_text(stmt,
		    2), &h->kind);
		h->from = sqlite3_column_int64(stmt, 3);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading a deal's history");
	for (i = 0; i < s->n_history; i++) {
		h = &s->history[i];
		h->to = i + 1 < s->n_history ? s->history[i + 1].from : 0;
		end = h->to != 0 ? h->to : now;
		h->days = end > h->from ? (int)((end - h->from) / DAY) : 0;
	}
	return KITH_OK;
}

static void
compose(struct deal_sheet *s)
{
	const struct deal	*d = s->deal;
	char			 amount[32], day[KITH_DATE_LEN];

	if (d->has_value)
		s->value = xasprintf("%s %s", money_format(d->value,
		    d->currency, 1, amount, sizeof amount), d->currency);
	if (d->stage_kind != KITH_STAGE_open) {
		date_from_time((time_t)(d->closed_at ? d->closed_at :
		    d->stage_since), day);
		s->headline = xasprintf("%s %s", d->stage, day);
	} else
		s->headline = xasprintf("%s, %d day%s%s", d->stage,
		    d->days_in_stage, d->days_in_stage == 1 ? "" : "s",
		    d->stalled ? ", stalled" : "");
}

enum kith_status
deal_sheet_load(struct kith_db *db, int64_t id, size_t max_interactions,
    struct deal_sheet **out, struct kith_err *err)
{
	struct deal_sheet	*s;
	enum kith_status	 st;

	*out = NULL;
	s = xcalloc(1, sizeof *s);
	if ((st = deal_get(db, id, &s->deal, err)) != KITH_OK ||
	    (st = followup_list_deal(db, id, &s->followups, &s->n_followups,
	    err)) != KITH_OK ||
	    (st = interaction_list_deal(db, id, max_interactions ?
	    max_interactions : DEAL_SHEET_INTERACTIONS, &s->interactions,
	    &s->n_interactions, err)) != KITH_OK ||
	    (st = read_history(db, s, err)) != KITH_OK) {
		deal_sheet_free(s);
		return st;
	}
	compose(s);
	*out = s;
	return KITH_OK;
}

void
deal_sheet_free(struct deal_sheet *s)
{
	size_t	i;

	if (s == NULL)
		return;
	deal_free(s->deal);
	free(s->value);
	free(s->headline);
	followup_list_free(s->followups, s->n_followups);
	interaction_list_free(s->interactions, s->n_interactions);
	for (i = 0; i < s->n_history; i++)
		free(s->history[i].stage);
	free(s->history);
	free(s);
}
