/* SPDX-License-Identifier: MIT */
/*
 * The relationship status report (report.h): per contact, the last
 * touch, the next step, the open deals, and why the contact needs
 * attention -- the periodic review a partner reads, with the strength
 * (strength.h) and the keep-in-touch cadence (cadence.h).  What needs
 * attention comes first: an overdue follow-up (most overdue first), then
 * a cadence past its maximum, a follow-up due today, a cadence due, then
 * the longest without a touch.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/cadence.h"
#include "kith/clock.h"
#include "kith/deal.h"
#include "kith/report.h"
#include "kith/strength.h"
#include "kith/text.h"
#include "kith/util.h"
#include "internal.h"

/* Rows the report lists before "… N more". */
#define STATUS_ROWS	200

struct status_row {
	char		*name;
	char		*org;
	char		 last[KITH_DATE_LEN];	/* "" never touched */
	char		*next;			/* the next follow-up's action */
	char		 due[KITH_DATE_LEN];	/* its day, "" none */
	long		 deals;			/* open deals */
	long		 late;			/* days the next is late */
	long		 quiet;			/* days since the last touch */
	int64_t		 id;
	int		 strength;
	enum cadence_state cad;
	long		 cad_late;		/* days past the cadence's due */
	const char	*sort_key;
	size_t		 sort_len;
	void		*key_mem;
};

static enum kith_status	scope_ids(struct kith_db *, const char *,
			    const char *, char **, struct kith_err *);
static int		 tier(const struct status_row *);
static int		 by_attention(const void *, const void *);
static void		 why(const struct status_row *, char *, size_t);

enum kith_status
report_status(struct kith_db *db, const char *tag, const char *org,
    struct report **out, struct kith_err *err)
{
	static const char *const cols[] = { "Contact", "Organisation",
	    "Strength", "Cadence", "Last touch", "Next step", "Due", "Open",
	    "Attention" };
	struct status_row	*rows = NULL;
	struct report_section	*s;
	struct report		*r;
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	const char		*cells[9];
	char			 today[KITH_DATE_LEN], open[16], att[64];
	char			 strength[8];
	char			*ids = NULL, *sub, *head;
	const void		*blob;
	size_t			 n = 0, cap = 0, i;
	int			 rc;

	*out = NULL;
	db_today(db, today);
	if ((st = scope_ids(db, tag, org, &ids, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "SELECT c.display, o.name, "
	    "(SELECT substr(max(at), 1, 10) FROM interaction_contact "
	    "WHERE contact_id = c.id), "
	    "(SELECT action FROM followup WHERE contact_id = c.id AND "
	    "done_at IS NULL ORDER BY due, id LIMIT 1), "
	    "(SELECT min(due) FROM followup WHERE contact_id = c.id AND "
	    "done_at IS NULL), "
	    "(SELECT count(*) FROM deal_contact dc JOIN deal d ON "
	    "d.id = dc.deal_id JOIN stage st ON st.id = d.stage_id WHERE "
	    "dc.contact_id = c.id AND st.kind = 'open'), c.sort_key, c.id, "
	    "c.due_on, c.overdue_on "
	    "FROM contact c LEFT JOIN org o ON o.id = c.org_id "
	    "WHERE c.id IN (SELECT value FROM json_each('[' || ?1 || ']'))",
	    err)) == NULL) {
		free(ids);
		return KITH_DB;
	}
	sqlite3_bind_text(stmt, 1, ids, -1, SQLITE_STATIC);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct status_row *w;
		const char *t;

		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			rows = xreallocarray(rows, cap, sizeof *rows);
		}
		w = &rows[n++];
		memset(w, 0, sizeof *w);
		w->name = db_col_text(stmt, 0);
		w->org = db_col_text(stmt, 1);
		if ((t = (const char *)sqlite3_column_text(stmt, 2)) != NULL)
			snprintf(w->last, sizeof w->last, "%s", t);
		w->next = db_col_text(stmt, 3);
		if ((t = (const char *)sqlite3_column_text(stmt, 4)) != NULL)
			snprintf(w->due, sizeof w->due, "%s", t);
		w->deals = (long)sqlite3_column_int64(stmt, 5);
		w->late = w->due[0] ? date_diff_days(w->due, today) : 0;
		w->quiet = w->last[0] ? date_diff_days(w->last, today) : -1;
		blob = sqlite3_column_blob(stmt, 6);
		w->sort_len = (size_t)sqlite3_column_bytes(stmt, 6);
		w->key_mem = xmalloc(w->sort_len + 1);
		if (blob != NULL)
			memcpy(w->key_mem, blob, w->sort_len);
		w->sort_key = w->key_mem;
		w->id = sqlite3_column_int64(stmt, 7);
		w->cad = cadence_state_on((const char *)sqlite3_column_text(
		    stmt, 8), (const char *)sqlite3_column_text(stmt, 9), today,
		    &w->cad_late);
	}
	sqlite3_reset(stmt);
	free(ids);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "reading the status report");
		goto out;
	}
	for (i = 0; i < n; i++) {
		struct strength str;

		if ((st = strength_get(db, rows[i].id, &str, err)) != KITH_OK)
			goto out;
		rows[i].strength = str.score;
	}
	qsort(rows, n, sizeof *rows, by_attention);

	if (tag != NULL || org != NULL)
		sub = xasprintf("%s%s%s%s%s, as of %s", tag ? "tag " : "",
		    tag ? tag : "", tag && org ? ", " : "", org ? "at " : "",
		    org ? org : "", today);
	else
		sub = xasprintf("Open follow-ups and deals, as of %s", today);
	r = report_new("Relationship status", sub);
	free(sub);
	head = xasprintf("Contacts (%zu)", n);
	s = report_table(r, "status", head, 9, cols, 0x84);
	free(head);
	report_empty(s, tag || org ? "Nobody matches." : "Nobody has an "
	    "open follow-up or an open deal.");
	for (i = 0; i < n; i++) {
		if (i >= STATUS_ROWS) {
			s->more = n - i;
			break;
		}
		snprintf(open, sizeof open, "%ld", rows[i].deals);
		why(&rows[i], att, sizeof att);
		snprintf(strength, sizeof strength, "%d", rows[i].strength);
		cells[0] = rows[i].name;
		cells[1] = rows[i].org;
		cells[2] = strength;
		cells[3] = rows[i].cad == KITH_CADENCE_NONE ? "" :
		    cadence_state_name(rows[i].cad);
		cells[4] = rows[i].last[0] ? rows[i].last : "never";
		cells[5] = rows[i].next;
		cells[6] = rows[i].due;
		cells[7] = rows[i].deals ? open : "";
		cells[8] = att;
		report_row(s, cells);
	}
	*out = r;
	st = KITH_OK;
out:
	for (i = 0; i < n; i++) {
		free(rows[i].name);
		free(rows[i].org);
		free(rows[i].next);
		free(rows[i].key_mem);
	}
	free(rows);
	return st;
}

/*
 * The contacts the report covers, as "1,5,9" in *ids: those with tag and
 * at org (either may be NULL); with neither, those with an open
 * follow-up or on an open deal.  Archived contacts are left out.
 * KITH_NOTFOUND for a tag or an organisation that does not exist.
 */
static enum kith_status
scope_ids(struct kith_db *db, const char *tag, const char *org, char **ids,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	struct sbuf	 sb = { 0 };
	char		*fold = NULL;
	int64_t		 tag_id = 0, org_n = 0;
	int		 rc;

	*ids = NULL;
	if (tag != NULL) {
		if ((stmt = db_stmt(db, "SELECT id FROM tag WHERE name = ?1",
		    err)) == NULL)
			return KITH_DB;
		sqlite3_bind_text(stmt, 1, tag, -1, SQLITE_TRANSIENT);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			tag_id = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(db, err, "reading the tags");
		if (tag_id == 0)
			return kith_err_set(err, KITH_NOTFOUND, "no contact "
			    "has the tag '%s'", tag);
	}
	if (org != NULL) {
		if ((st = text_fold(kith_db_text(db), org, &fold, err))
		    != KITH_OK)
			return st;
		if ((stmt = db_stmt(db, "SELECT count(*) FROM org WHERE "
		    "name_fold = ?1 OR name_fold LIKE ?1 || ' %'", err))
		    == NULL) {
			free(fold);
			return KITH_DB;
		}
		sqlite3_bind_text(stmt, 1, fold, -1, SQLITE_TRANSIENT);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			org_n = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		if (org_n == 0) {
			free(fold);
			return kith_err_set(err, KITH_NOTFOUND, "no "
			    "organisation named '%s'", org);
		}
	}
	if ((stmt = db_stmt(db, "SELECT c.id FROM contact c WHERE "
	    "NOT c.archived AND "
	    "(?1 = 0 OR EXISTS (SELECT 1 FROM contact_tag ct WHERE "
	    "ct.contact_id = c.id AND ct.tag_id = ?1)) AND "
	    "(?2 IS NULL OR c.org_id IN (SELECT id FROM org WHERE "
	    "name_fold = ?2 OR name_fold LIKE ?2 || ' %')) AND "
	    "(?1 <> 0 OR ?2 IS NOT NULL OR c.id IN (SELECT contact_id FROM "
	    "followup WHERE done_at IS NULL AND contact_id IS NOT NULL "
	    "UNION SELECT dc.contact_id FROM deal_contact dc JOIN deal d ON "
	    "d.id = dc.deal_id JOIN stage st ON st.id = d.stage_id WHERE "
	    "st.kind = 'open'))", err)) == NULL) {
		free(fold);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, tag_id);
	if (fold != NULL)
		sqlite3_bind_text(stmt, 2, fold, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		sbuf_printf(&sb, "%s%lld", sb.len ? "," : "",
		    (long long)sqlite3_column_int64(stmt, 0));
	sqlite3_reset(stmt);
	free(fold);
	if (rc != SQLITE_DONE) {
		sbuf_free(&sb);
		return db_fail(db, err, "choosing the contacts");
	}
	*ids = sbuf_detach(&sb);
	return KITH_OK;
}

/* 0 a follow-up overdue, 1 a cadence overdue, 2 a follow-up due today,
 * 3 a cadence due, 4 nothing pressing. */
static int
tier(const struct status_row *w)
{
	if (w->due[0] && w->late > 0)
		return 0;
	if (w->cad == KITH_CADENCE_OVERDUE)
		return 1;
	if (w->due[0] && w->late == 0)
		return 2;
	if (w->cad == KITH_CADENCE_DUE)
		return 3;
	return 4;
}

/*
 * By tier (above), the most late first among overdue follow-ups, then by
 * the days without a touch (never touched first), then by name.
 */
static int
by_attention(const void *pa, const void *pb)
{
	const struct status_row *a = pa, *b = pb;
	int	ta, tb;
	size_t	n;
	int	c;

	ta = tier(a);
	tb = tier(b);
	if (ta != tb)
		return ta - tb;
	if (ta == 0 && a->late != b->late)
		return a->late > b->late ? -1 : 1;
	if ((a->quiet < 0) != (b->quiet < 0))
		return a->quiet < 0 ? -1 : 1;
	if (a->quiet != b->quiet)
		return a->quiet > b->quiet ? -1 : 1;
	n = a->sort_len < b->sort_len ? a->sort_len : b->sort_len;
	if ((c = memcmp(a->sort_key, b->sort_key, n)) != 0)
		return c;
	return a->sort_len < b->sort_len ? -1 : a->sort_len > b->sort_len;
}

/* Why the row needs attention, in words. */
static void
why(const struct status_row *w, char *out, size_t size)
{
	if (w->due[0] && w->late > 0)
		snprintf(out, size, "follow-up %ld day%s late", w->late,
		    w->late == 1 ? "" : "s");
	else if (w->cad == KITH_CADENCE_OVERDUE)
		snprintf(out, size, "cadence %ld day%s late", w->cad_late,
		    w->cad_late == 1 ? "" : "s");
	else if (w->due[0] && w->late == 0)
		snprintf(out, size, "follow-up due today");
	else if (w->cad == KITH_CADENCE_DUE)
		snprintf(out, size, "cadence due");
	else if (w->quiet < 0)
		snprintf(out, size, "never in touch");
	else if (w->quiet >= 90)
		snprintf(out, size, "no touch in %ld days", w->quiet);
	else
		out[0] = '\0';
}
