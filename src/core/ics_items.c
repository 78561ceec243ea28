/* SPDX-License-Identifier: MIT */
/*
 * The dated items of the book that a calendar shows (ics.h): open
 * follow-ups, and yearly dates of contacts.
 *
 * Yearly dates come from the queries of yearly_sql, each giving the same
 * columns (the UID's prefix, the row's id, the contact's name, the date
 * as YYYY-MM-DD or --MM-DD, and what the date is); another kind of yearly
 * date (anniversaries, a contact's key dates) is one more query there.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/ics.h"
#include "kith/review.h"
#include "kith/util.h"
#include "internal.h"

static const char *const yearly_sql[] = {
	"SELECT 'birthday', id, display, birthday, 'Birthday' FROM contact "
	"WHERE archived = 0 AND birthday IS NOT NULL "
	"ORDER BY sort_key, id",
	/* Anniversaries and other dated events: UIDs by the row's id. */
	"SELECT 'date', d.id, c.display, d.date, upper(substr(d.label, 1, "
	"1)) || substr(d.label, 2) FROM contact_date d JOIN contact c ON "
	"c.id = d.contact_id WHERE c.archived = 0 ORDER BY c.sort_key, "
	"d.contact_id, d.pos",
};

static struct ics_item	*grow(struct ics_item **, size_t *);
static enum kith_status	 collect_followups(struct kith_db *,
			    struct ics_item **, size_t *, struct kith_err *);
static int		 cmp_score(const void *, const void *);
static enum kith_status	 collect_yearly(struct kith_db *, const char *,
			    struct ics_item **, size_t *, struct kith_err *);

void
ics_items_free(struct ics_item *v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++) {
		free(v[i].uid);
		free(v[i].summary);
		free(v[i].description);
	}
	free(v);
}

/* A new zeroed item at the end of *v. */
static struct ics_item *
grow(struct ics_item **v, size_t *n)
{
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	memset(&(*v)[*n], 0, sizeof **v);
	return &(*v)[(*n)++];
}

static int
cmp_score(const void *a, const void *b)
{
	const struct review_score *x = a, *y = b;

	return x->followup < y->followup ? -1 : x->followup > y->followup;
}

/* Open follow-ups, each with the priority of its review score. */
static enum kith_status
collect_followups(struct kith_db *db, struct ics_item **v, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct ics_item		*it;
	struct review_score	*scores = NULL, key, *sc;
	enum kith_status	 st;
	size_t			 n_scores = 0;
	const char		*due, *tm;
	char			*action, *who, *deal;
	int64_t			 id, cid;
	int			 rc, h, mi;

	if ((st = review_followup_scores(db, &scores, &n_scores, err)) !=
	    KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "SELECT f.id, f.action, f.due, f.due_time, "
	    "c.id, c.display, d.title FROM followup f "
	    "LEFT JOIN contact c ON c.id = f.contact_id "
	    "LEFT JOIN deal d ON d.id = f.deal_id "
	    "WHERE f.done_at IS NULL "
	    "ORDER BY f.due, f.due_time IS NOT NULL, f.due_time, f.id",
	    err)) == NULL) {
		free(scores);
		return KITH_DB;
	}
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		due = (const char *)sqlite3_column_text(stmt, 2);
		if (due == NULL || !date_valid(due))
			continue;
		id = sqlite3_column_int64(stmt, 0);
		action = db_col_text(stmt, 1);
		tm = (const char *)sqlite3_column_text(stmt, 3);
		cid = sqlite3_column_int64(stmt, 4);
		who = db_col_text(stmt, 5);
		deal = db_col_text(stmt, 6);
		it = grow(v, n);
		it->kind = ICS_TODO;
		it->uid = xasprintf("followup-%lld@kith", (long long)id);
		snprintf(it->date, sizeof it->date, "%s", due);
		key.followup = id;
		if (n_scores > 0 && (sc = bsearch(&key, scores, n_scores,
		    sizeof *scores, cmp_score)) != NULL)
			it->priority = sc->priority;
		if (tm != NULL && time_read(tm, &h, &mi))
			snprintf(it->time, sizeof it->time, "%s", tm);
		if (who != NULL && deal != NULL) {
			it->summary = xasprintf("%s (%s, %s)", action, who,
			    deal);
			it->description = xasprintf("Follow-up #%lld with %s "
			    "(contact #%lld) on %s: %s", (long long)id, who,
			    (long long)cid, deal, action);
		} else if (who != NULL) {
			it->summary = xasprintf("%s (%s)", action, who);
			it->description = xasprintf("Follow-up #%lld with %s "
			    "(contact #%lld): %s", (long long)id, who,
			    (long long)cid, action);
		} else {
			it->summary = xasprintf("%s (%s)", action,
			    deal != NULL ? deal : "no contact");
			it->description = xasprintf("Follow-up #%lld on %s: "
			    "%s", (long long)id, deal != NULL ? deal :
			    "no contact", action);
		}
		free(action);
		free(who);
		free(deal);
	}
	sqlite3_reset(stmt);
	free(scores);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading follow-ups");
	return KITH_OK;
}

static enum kith_status
collect_yearly(struct kith_db *db, const char *sql, struct ics_item **v,
    size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct ics_item	*it;
	const char	*kind, *date, *what, *name;
	char		 full[11];
	int		 rc, year;

	if ((stmt = db_stmt(db, sql, err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		kind = (const char *)sqlite3_column_text(stmt, 0);
		name = (const char *)sqlite3_column_text(stmt, 2);
		date = (const char *)sqlite3_column_text(stmt, 3);
		what = (const char *)sqlite3_column_text(stmt, 4);
		if (date == NULL || name == NULL)
			continue;
		year = 0;
		if (strncmp(date, "--", 2) == 0 && strlen(date) == 7)
			snprintf(full, sizeof full, "%d-%s", ICS_NO_YEAR,
			    date + 2);
		else if (strlen(date) == 10) {
			snprintf(full, sizeof full, "%s", date);
			year = atoi(date);
		} else
			continue;
		if (!date_valid(full))
			continue;
		it = grow(v, n);
		it->kind = ICS_YEARLY;
		it->uid = xasprintf("%s-%lld@kith", kind,
		    (long long)sqlite3_column_int64(stmt, 1));
		memcpy(it->date, full, sizeof it->date);
		it->summary = xasprintf("%s: %s", what, name);
		it->description = year != 0 ? xasprintf("%s of %s (%d)",
		    what, name, year) : xasprintf("%s of %s (year unknown)",
		    what, name);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading dates");
	return KITH_OK;
}

enum kith_status
ics_collect(struct kith_db *db, unsigned what, struct ics_item **out,
    size_t *n, struct kith_err *err)
{
	enum kith_status	 st = KITH_OK;
	size_t			 i;

	*out = NULL;
	*n = 0;
	if (what & ICS_FOLLOWUPS)
		st = collect_followups(db, out, n, err);
	for (i = 0; st == KITH_OK && (what & ICS_BIRTHDAYS) &&
	    i < sizeof yearly_sql / sizeof yearly_sql[0]; i++)
		st = collect_yearly(db, yearly_sql[i], out, n, err);
	if (st != KITH_OK) {
		ics_items_free(*out, *n);
		*out = NULL;
		*n = 0;
	}
	return st;
}
