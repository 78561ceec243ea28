/* SPDX-License-Identifier: MIT */
/*
 * The activity summary (report.h): what happened in the book between two
 * days -- interactions by kind, person and organisation; follow-ups
 * created, done and missed; contacts added and merged; deals opened,
 * moved, won and lost.  Dates are the user's local days, both ends
 * included; instants (created, done_at, closed_at) are compared with the
 * local midnights that bound them.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/deal.h"
#include "kith/money.h"
#include "kith/report.h"
#include "kith/util.h"
#include "internal.h"

/* Rows a table of people, organisations or deals lists before "… N more". */
#define ACTIVITY_ROWS	15

struct period {
	char		 since[KITH_DATE_LEN];
	char		 until[KITH_DATE_LEN];
	char		 after[KITH_DATE_LEN];	/* the day after until */
	int64_t		 from, to;		/* [from, to): local midnights */
};

static enum kith_status	period_set(struct kith_db *, const char *,
			    const char *, struct period *, struct kith_err *);
static void		 next_day(const char *, char *);
static enum kith_status	count(struct kith_db *, const char *,
			    const struct period *, long *, struct kith_err *);
static enum kith_status	summary(struct kith_db *, struct report *,
			    const struct period *, struct kith_err *);
static enum kith_status	table(struct kith_db *, struct report_section *,
			    const char *, const struct period *, int,
			    struct kith_err *);
static enum kith_status	deals_closed(struct kith_db *, struct report *,
			    const struct period *, struct kith_err *);

enum kith_status
report_activity(struct kith_db *db, const char *since, const char *until,
    struct report **out, struct kith_err *err)
{
	static const char *const kind_cols[] = { "Kind", "Interactions" };
	static const char *const person_cols[] = { "Person", "Organisation",
	    "Interactions", "Last" };
	static const char *const org_cols[] = { "Organisation", "People",
	    "Interactions" };
	static const char *const missed_cols[] = { "Due", "Contact",
	    "Follow-up", "Done" };
	static const char *const moved_cols[] = { "Day", "Title", "To stage" };
	static const char *const import_cols[] = { "Day", "File", "Added",
	    "Merged", "Rejected" };
	struct report_section	*s;
	struct report		*r;
	struct period		 p;
	enum kith_status	 st;
	char			*sub, *head;

	*out = NULL;
	if ((st = period_set(db, since, until, &p, err)) != KITH_OK)
		return st;
	sub = xasprintf("%s to %s", p.since, p.until);
	r = report_new("Activity", sub);
	free(sub);

	if ((st = summary(db, r, &p, err)) != KITH_OK)
		goto fail;

	s = report_table(r, "by-kind", "Interactions by kind", 2, kind_cols,
	    0x2);
	report_empty(s, "No interactions.");
	if ((st = table(db, s, "SELECT kind, count(*) FROM interaction "
	    "WHERE at >= ?1 AND at < ?2 GROUP BY kind "
	    "ORDER BY count(*) DESC, kind", &p, 0, err)) != KITH_OK)
		goto fail;

	s = report_table(r, "by-person", "Interactions by person", 4,
	    person_cols, 0x4);
	report_empty(s, "No interactions.");
	if ((st = table(db, s, "SELECT c.display, o.name, count(*), "
	    "substr(max(ic.at), 1, 10) FROM interaction_contact ic "
	    "JOIN contact c ON c.id = ic.contact_id "
	    "LEFT JOIN org o ON o.id = c.org_id "
	    "WHERE ic.at >= ?1 AND ic.at < ?2 GROUP BY ic.contact_id "
	    "ORDER BY count(*) DESC, c.sort_key, c.id", &p, 1, err))
	    != KITH_OK)
		goto fail;

	s = report_table(r, "by-org", "Interactions by organisation", 3,
	    org_cols, 0x6);
	report_empty(s, "No interactions with people at an organisation.");
	if ((st = table(db, s, "SELECT o.name, count(DISTINCT ic.contact_id), "
	    "count(DISTINCT ic.interaction_id) FROM interaction_contact ic "
	    "JOIN contact c ON c.id = ic.contact_id "
	    "JOIN org o ON o.id = c.org_id "
	    "WHERE ic.at >= ?1 AND ic.at < ?2 GROUP BY o.id "
	    "ORDER BY 3 DESC, o.name_fold", &p, 1, err)) != KITH_OK)
		goto fail;

	s = report_table(r, "missed", "Follow-ups missed", 4, missed_cols, 0);
	report_empty(s, "None: every follow-up due was done on time.");
	/* Due in the period, before today, and not done by its day. */
	if ((st = table(db, s, "SELECT f.due, coalesce(c.display, ''), "
	    "f.action, CASE WHEN f.done_at IS NULL THEN 'not yet' ELSE "
	    "date(f.done_at, 'unixepoch', 'localtime') END "
	    "FROM followup f LEFT JOIN contact c ON c.id = f.contact_id "
	    "WHERE f.due >= ?1 AND f.due < ?2 AND f.due < ?5 AND "
	    "(f.done_at IS NULL OR f.done_at >= CAST(strftime('%s', f.due, "
	    "'+1 day', 'utc') AS INTEGER)) ORDER BY f.due, f.id", &p, 1, err))
	    != KITH_OK)
		goto fail;

	if ((st = deals_closed(db, r, &p, err)) != KITH_OK)
		goto fail;
	head = xasprintf("%s moved", deal_word_form(db, 1, 1));
	s = report_table(r, "deals-moved", head, 3, moved_cols, 0);
	free(head);
	report_empty(s, "None.");
	/* A history row after a deal's first is a move. */
	if ((st = table(db, s, "SELECT date(h.at, 'unixepoch', 'localtime'), "
	    "d.title, st.name FROM deal_stage_history h "
	    "JOIN deal d ON d.id = h.deal_id JOIN stage st ON st.id = "
	    "h.stage_id WHERE h.at >= ?3 AND h.at < ?4 AND EXISTS (SELECT 1 "
	    "FROM deal_stage_history e WHERE e.deal_id = h.deal_id AND "
	    "e.id < h.id) ORDER BY h.at, h.id", &p, 1, err)) != KITH_OK)
		goto fail;

	s = report_table(r, "imports", "Imports", 5, import_cols, 0x1c);
	report_empty(s, "None.");
	if ((st = table(db, s, "SELECT date(started, 'unixepoch', "
	    "'localtime'), file, n_added, n_merged, n_rejected "
	    "FROM import_batch WHERE started >= ?3 AND started < ?4 AND "
	    "NOT undone ORDER BY started, id", &p, 1, err)) != KITH_OK)
		goto fail;
	*out = r;
	return KITH_OK;
fail:
	report_free(r);
	return st;
}

/* The days and the instants that bound them; defaults per report.h. */
static enum kith_status
period_set(struct kith_db *db, const char *since, const char *until,
    struct period *p, struct kith_err *err)
{
	char	today[KITH_DATE_LEN];

	db_today(db, today);
	if (since != NULL && !date_valid(since))
		return kith_err_set(err, KITH_INVALID, "--since '%s': not a "
		    "day (YYYY-MM-DD)", since);
	if (until != NULL && !date_valid(until))
		return kith_err_set(err, KITH_INVALID, "--until '%s': not a "
		    "day (YYYY-MM-DD)", until);
	snprintf(p->until, sizeof p->until, "%s", until ? until : today);
	if (since != NULL)
		snprintf(p->since, sizeof p->since, "%s", since);
	else
		snprintf(p->since, sizeof p->since, "%.8s01", p->until);
	if (strcmp(p->since, p->until) > 0)
		return kith_err_set(err, KITH_INVALID, "the period starts on "
		    "%s, after it ends (%s)", p->since, p->until);
	next_day(p->until, p->after);
	p->from = (int64_t)time_parse(p->since);
	p->to = (int64_t)time_parse(p->after);
	return KITH_OK;
}

/* The day after date ("YYYY-MM-DD", valid) into out. */
static void
next_day(const char *date, char *out)
{
	int	y, m, d;

	sscanf(date, "%d-%d-%d", &y, &m, &d);
	if (date_valid_ymd(y, m, d + 1))
		d++;
	else if (m < 12) {
		m++;
		d = 1;
	} else {
		y++;
		m = d = 1;
	}
	date_format_ymd(out, y, m, d);
}

/*
 * Binds the period to sql's parameters: ?1 since and ?2 the day after
 * until (for local "YYYY-MM-DD [HH:MM]" text), ?3 and ?4 the instants
 * that bound them, ?5 today.
 */
static void
bind_period(struct kith_db *db, sqlite3_stmt *stmt, const struct period *p)
{
	char	today[KITH_DATE_LEN];
	int	n = sqlite3_bind_parameter_count(stmt);

	db_today(db, today);
	if (n >= 1)
		sqlite3_bind_text(stmt, 1, p->since, -1, SQLITE_TRANSIENT);
	if (n >= 2)
		sqlite3_bind_text(stmt, 2, p->after, -1, SQLITE_TRANSIENT);
	if (n >= 3)
		sqlite3_bind_int64(stmt, 3, p->from);
	if (n >= 4)
		sqlite3_bind_int64(stmt, 4, p->to);
	if (n >= 5)
		sqlite3_bind_text(stmt, 5, today, -1, SQLITE_TRANSIENT);
}

/* The single number sql gives for the period into *n. */
static enum kith_status
count(struct kith_db *db, const char *sql, const struct period *p, long *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, sql, err)) == NULL)
		return KITH_DB;
	bind_period(db, stmt, p);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return db_fail(db, err, "counting the activity");
	}
	*n = (long)sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	return KITH_OK;
}

/*
 * Fills table s with the rows of sql for the period, one cell a column;
 * with cap set, at most ACTIVITY_ROWS rows and the rest counted in
 * s->more.
 */
static enum kith_status
table(struct kith_db *db, struct report_section *s, const char *sql,
    const struct period *p, int cap, struct kith_err *err)
{
	const char	*cells[8];
	sqlite3_stmt	*stmt;
	size_t		 i;
	int		 rc;

	if ((stmt = db_stmt(db, sql, err)) == NULL)
		return KITH_DB;
	bind_period(db, stmt, p);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (cap && s->n_rows >= ACTIVITY_ROWS) {
			s->more++;
			continue;
		}
		for (i = 0; i < s->n_cols && i < 8; i++)
			cells[i] = (const char *)sqlite3_column_text(stmt,
			    (int)i);
		report_row(s, cells);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading the activity");
	return KITH_OK;
}

static enum kith_status
summary(struct kith_db *db, struct report *r, const struct period *p,
    struct kith_err *err)
{
	static const struct {
		const char	*label;
		const char	*sql;
	} counts[] = {
		{ "Interactions", "SELECT count(*) FROM interaction WHERE "
		    "at >= ?1 AND at < ?2" },
		{ "People in touch", "SELECT count(DISTINCT contact_id) FROM "
		    "interaction_contact WHERE at >= ?1 AND at < ?2" },
		{ "Follow-ups created", "SELECT count(*) FROM followup WHERE "
		    "created >= ?3 AND created < ?4" },
		{ "Follow-ups done", "SELECT count(*) FROM followup WHERE "
		    "done_at >= ?3 AND done_at < ?4" },
		{ "Follow-ups missed", "SELECT count(*) FROM followup WHERE "
		    "due >= ?1 AND due < ?2 AND due < ?5 AND (done_at IS NULL "
		    "OR done_at >= CAST(strftime('%s', due, '+1 day', 'utc') "
		    "AS INTEGER))" },
		{ "Contacts added", "SELECT count(*) FROM contact WHERE "
		    "created >= ?3 AND created < ?4" },
		/* By imports, and by kith merge once it exists. */
		{ "Contacts merged", "SELECT (SELECT coalesce(sum(n_merged), 0) "
		    "FROM import_batch WHERE started >= ?3 AND started < ?4 "
		    "AND NOT undone) + (SELECT count(*) FROM journal WHERE "
		    "command = 'merge' AND at >= ?3 AND at < ?4 AND "
		    "undone_by IS NULL AND undoes IS NULL)" },
		{ NULL, "SELECT count(*) FROM deal WHERE created >= ?3 AND "
		    "created < ?4" },
	};
	struct report_section	*s;
	enum kith_status	 st;
	size_t			 i;
	long			 n = 0;
	char			*label;

	s = report_facts(r, "summary", "Summary");
	for (i = 0; i < sizeof counts / sizeof counts[0]; i++) {
		if ((st = count(db, counts[i].sql, p, &n, err)) != KITH_OK)
			return st;
		if (counts[i].label != NULL) {
			report_fact(s, counts[i].label, "%ld", n);
			continue;
		}
		label = xasprintf("%s opened", deal_word_form(db, 1, 1));
		report_fact(s, label, "%ld", n);
		free(label);
	}
	return KITH_OK;
}

/* Deals won and lost in the period, with their values. */
static enum kith_status
deals_closed(struct kith_db *db, struct report *r, const struct period *p,
    struct kith_err *err)
{
	static const char *const cols[] = { "Closed", "Title", "Outcome",
	    "Value" };
	struct report_section	*s;
	sqlite3_stmt		*stmt;
	const char		*cells[4];
	char			 money[48], value[64];
	char			*head;
	int			 rc;

	head = xasprintf("%s won and lost", deal_word_form(db, 1, 1));
	s = report_table(r, "deals-closed", head, 4, cols, 0x8);
	free(head);
	report_empty(s, "None.");
	if ((stmt = db_stmt(db, "SELECT date(d.closed_at, 'unixepoch', "
	    "'localtime'), d.title, st.kind, d.value_cents, d.currency "
	    "FROM deal d JOIN stage st ON st.id = d.stage_id "
	    "WHERE d.closed_at >= ?3 AND d.closed_at < ?4 AND "
	    "st.kind <> 'open' ORDER BY d.closed_at, d.id", err)) == NULL)
		return KITH_DB;
	bind_period(db, stmt, p);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (s->n_rows >= ACTIVITY_ROWS) {
			s->more++;
			continue;
		}
		value[0] = '\0';
		if (sqlite3_column_type(stmt, 3) != SQLITE_NULL &&
		    sqlite3_column_text(stmt, 4) != NULL) {
			money_format(sqlite3_column_int64(stmt, 3),
			    (const char *)sqlite3_column_text(stmt, 4), 1,
			    money, sizeof money);
			snprintf(value, sizeof value, "%s %s",
			    (const char *)sqlite3_column_text(stmt, 4), money);
		}
		cells[0] = (const char *)sqlite3_column_text(stmt, 0);
		cells[1] = (const char *)sqlite3_column_text(stmt, 1);
		cells[2] = (const char *)sqlite3_column_text(stmt, 2);
		cells[3] = value;
		report_row(s, cells);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading the deals closed");
	return KITH_OK;
}
