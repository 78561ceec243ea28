/* SPDX-License-Identifier: MIT */
/*
 * A deal's life: adding one (with its first people), reading it, moving
 * it through the stages (its stage history), closing it won or lost,
 * editing and removing it.  Its people are in deal_people.c, the role
 * list and the deal word in deal_role.c, resolving and lists in
 * deal_list.c, interactions and follow-ups on a deal in deal_log.c.
 *
 * The deal row carries what the board and the report read most:
 * stage_since, touched and closed_at, kept in step with the history by
 * every write here, so no reader walks the history to know how long a
 * deal has waited.  Text is cleaned (UTF-8 checked, NFC, trimmed) before
 * anything is written, and every check is made before the first write, so
 * a refused call leaves nothing behind.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/money.h"
#include "kith/stage.h"
#include "kith/text.h"
#include "kith/util.h"
#include "deal_impl.h"
#include "internal.h"

static const char *const fee_names[] = {
	KITH_FEE_LIST(KITH_VOCAB_STR, KITH_VOCAB_COMMA)
};

/* The fields deal_update compares and writes, as bits of a mask. */
enum {
	U_TITLE, U_ORG, U_VALUE, U_CURRENCY, U_FEE, U_PRACTICE, U_ORIGINATOR,
	U_RESPONSIBLE, U_CLOSE, U_NEXT, U_REF, U_NOTES, U_REASON, U_COUNT
};

static const char *const field_names[U_COUNT] = {
	"title", "organisation", "value", "currency", "fee arrangement",
	"practice area", "originator", "responsible person",
	"expected close date", "next step", "reference", "notes", "reason"
};

static unsigned		 diff_fields(const struct deal *, const struct deal *);
static enum kith_status	 clean_deal(struct kith_db *, struct deal *,
			    struct kith_err *);
static enum kith_status	 clean_field(struct kith_db *, const char *, char **,
			    int, struct kith_err *);
static enum kith_status	 check_contact(struct kith_db *, int64_t,
			    const char *, struct kith_err *);
static enum kith_status	 add_deal(struct kith_db *, struct deal *,
			    struct kith_err *);
static enum kith_status	 history_row(struct kith_db *, int64_t, int64_t,
			    int64_t, struct kith_err *);
static enum kith_status	 move_deal(struct kith_db *, int64_t, int64_t,
			    const char *, int, struct kith_err *);
static enum kith_status	 close_deal(struct kith_db *, int64_t,
			    enum kith_stage_kind, const char *,
			    struct kith_err *);
static enum kith_status	 update_deal(struct kith_db *, const struct deal *,
			    struct deal *, struct kith_err *);
static enum kith_status	 remove_deal(struct kith_db *, int64_t,
			    struct kith_err *);
static enum kith_status	 read_people(struct kith_db *, struct deal *,
			    struct kith_err *);

struct deal *
deal_new(void)
{
	return xcalloc(1, sizeof(struct deal));
}

void
deal_free(struct deal *d)
{
	size_t	i;

	if (d == NULL)
		return;
	free(d->title);
	free(d->stage);
	free(d->org);
	free(d->fee);
	free(d->practice);
	free(d->originator);
	free(d->responsible);
	free(d->expected_close);
	free(d->next_step);
	free(d->ref);
	free(d->notes);
	free(d->reason);
	for (i = 0; i < d->n_people; i++) {
		free(d->people[i].name);
		free(d->people[i].role);
	}
	free(d->people);
	free(d);
}

void
deal_add_person(struct deal *d, int64_t contact, const char *role)
{
	struct deal_person	*p;

	d->people = xreallocarray(d->people, d->n_people + 1,
	    sizeof *d->people);
	p = &d->people[d->n_people++];
	p->contact_id = contact;
	p->name = NULL;
	p->role = str_empty(role) ? NULL : xstrdup(role);
}

int
deal_fee_valid(const char *fee)
{
	size_t	i;

	for (i = 0; fee != NULL && i < KITH_FEE_COUNT; i++)
		if (strcmp(fee, fee_names[i]) == 0)
			return 1;
	return 0;
}

/* Cleans *field in place: trimmed (or, with keep, only NFC), NULL if blank. */
static enum kith_status
clean_field(struct kith_db *db, const char *name, char **field, int keep,
    struct kith_err *err)
{
	enum kith_status	 st;
	char			*clean = NULL;

	st = keep ? db_nfc_text(db, name, *field, &clean, err) :
	    db_clean_text(db, name, *field, &clean, err);
	if (st != KITH_OK)
		return st;
	free(*field);
	*field = clean;
	return KITH_OK;
}

/* The checks of deal_add and deal_update, cleaning d's text in place. */
static enum kith_status
clean_deal(struct kith_db *db, struct deal *d, struct kith_err *err)
{
	struct { const char *name; char **field; int keep; } f[] = {
		{ "title", &d->title, 0 },
		{ "organisation", &d->org, 0 },
		{ "fee arrangement", &d->fee, 0 },
		{ "practice area", &d->practice, 0 },
		{ "expected close date", &d->expected_close, 0 },
		{ "next step", &d->next_step, 0 },
		{ "reference", &d->ref, 0 },
		{ "notes", &d->notes, 1 },
		{ "reason", &d->reason, 0 },
	};
	enum kith_status	st;
	size_t			i;
	char			cur[4];

	for (i = 0; i < sizeof f / sizeof f[0]; i++)
		if ((st = clean_field(db, f[i].name, f[i].field, f[i].keep,
		    err)) != KITH_OK)
			return st;
	if (d->title == NULL)
		return kith_err_set(err, KITH_INVALID, "a %s needs a title",
		    deal_word(db));
	if (d->fee != NULL) {
		for (i = 0; d->fee[i] != '\0'; i++)
			if (d->fee[i] >= 'A' && d->fee[i] <= 'Z')
				d->fee[i] = (char)(d->fee[i] - 'A' + 'a');
		if (!deal_fee_valid(d->fee))
			return kith_err_set(err, KITH_INVALID, "fee "
			    "arrangement '%s': use one of hourly, fixed, "
			    "contingency, retainer, other", d->fee);
	}
	if (d->expected_close != NULL && !date_valid(d->expected_close))
		return kith_err_set(err, KITH_INVALID, "expected close date "
		    "'%s': expected YYYY-MM-DD", d->expected_close);
	if (d->has_value && d->value < 0)
		return kith_err_set(err, KITH_INVALID, "value: a value cannot "
		    "be negative");
	if (d->currency[0] != '\0') {
		if ((st = money_currency(d->currency, cur, err)) != KITH_OK)
			return st;
		memcpy(d->currency, cur, sizeof cur);
	} else if (d->has_value)
		money_default_currency(db, d->currency);
	if ((st = check_contact(db, d->originator_id, "originator", err))
	    != KITH_OK)
		return st;
	return check_contact(db, d->responsible_id, "responsible person",
	    err);
}

/* KITH_NOTFOUND naming what if contact (not 0) does not exist. */
static enum kith_status
check_contact(struct kith_db *db, int64_t contact, const char *what,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if (contact == 0)
		return KITH_OK;
	if ((stmt = db_stmt(db, "SELECT 1 FROM contact WHERE id = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, contact);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND, "%s: no contact with "
		    "id %lld", what, (long long)contact);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "finding a contact");
	return KITH_OK;
}

enum kith_status
deal_add(struct kith_db *db, struct deal *d, struct kith_err *err)
{
	DB_TRANSACTION(db, err, add_deal(db, d, err));
}

static enum kith_status
add_deal(struct kith_db *db, struct deal *d, struct kith_err *err)
{
	struct stage	 s = { 0 };
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*fold = NULL, **roles;
	int64_t		 now = (int64_t)kith_db_now(db), org = 0;
	size_t		 i;

	roles = xcalloc(d->n_people + 1, sizeof *roles);
	if ((st = clean_deal(db, d, err)) != KITH_OK)
		goto out;
	if (d->stage_id != 0)
		st = stage_get(db, d->stage_id, &s, err);
	else if (!str_empty(d->stage))
		st = stage_find(db, d->stage, &s, err);
	else
		st = stage_first(db, KITH_STAGE_open, &s, err);
	if (st != KITH_OK)
		goto out;
	for (i = 0; i < d->n_people; i++) {
		if ((st = check_contact(db, d->people[i].contact_id, "contact",
		    err)) != KITH_OK)
			goto out;
		if (d->people[i].role != NULL && (st = deal_role_check(db,
		    d->people[i].role, &roles[i], err)) != KITH_OK)
			goto out;
	}
	if ((st = text_fold(kith_db_text(db), d->title, &fold, err))
	    != KITH_OK)
		goto out;
	if (d->org != NULL &&
	    (st = org_find_or_create(db, d->org, &org, err)) != KITH_OK)
		goto out;
	if ((stmt = db_stmt(db, "INSERT INTO deal (title, title_fold, "
	    "stage_id, value_cents, currency, expected_close, org_id, notes, "
	    "ref, fee, practice, originator_id, responsible_id, next_step, "
	    "reason, created, updated, stage_since, touched, closed_at) "
	    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, "
	    "?14, ?15, ?16, ?16, ?16, ?16, ?17)", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, d->title, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, fold, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, s.id);
	if (d->has_value)
		sqlite3_bind_int64(stmt, 4, d->value);
	db_bind_text(stmt, 5, d->currency);
	db_bind_text(stmt, 6, d->expected_close);
	if (org != 0)
		sqlite3_bind_int64(stmt, 7, org);
	db_bind_text(stmt, 8, d->notes);
	db_bind_text(stmt, 9, d->ref);
	db_bind_text(stmt, 10, d->fee);
	db_bind_text(stmt, 11, d->practice);
	if (d->originator_id != 0)
		sqlite3_bind_int64(stmt, 12, d->originator_id);
	if (d->responsible_id != 0)
		sqlite3_bind_int64(stmt, 13, d->responsible_id);
	db_bind_text(stmt, 14, d->next_step);
	db_bind_text(stmt, 15, d->reason);
	sqlite3_bind_int64(stmt, 16, now);
	if (s.kind != KITH_STAGE_open)
		sqlite3_bind_int64(stmt, 17, now);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "adding a deal");
		goto out;
	}
	d->id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	if ((st = history_row(db, d->id, s.id, now, err)) != KITH_OK)
		goto out;
	for (i = 0; i < d->n_people; i++)
		if ((st = deal_put_contact(db, d->id, d->people[i].contact_id,
		    roles[i], err)) != KITH_OK && st != KITH_EXISTS)
			goto out;
	st = KITH_OK;
	d->stage_id = s.id;
	free(d->stage);
	d->stage = xstrdup(s.name);
	db_own_actionf(db, "deal", "added %s %s (#%lld) in %s", deal_word(db),
	    d->title, (long long)d->id, s.name);
out:
	for (i = 0; i < d->n_people; i++)
		free(roles[i]);
	free(roles);
	free(fold);
	stage_clear(&s);
	return st;
}

static enum kith_status
history_row(struct kith_db *db, int64_t deal, int64_t stage, int64_t at,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "INSERT INTO deal_stage_history (deal_id, "
	    "stage_id, at) VALUES (?1, ?2, ?3)", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, deal);
	sqlite3_bind_int64(stmt, 2, stage);
	sqlite3_bind_int64(stmt, 3, at);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "recording a stage change");
	return KITH_OK;
}

enum kith_status
deal_get(struct kith_db *db, int64_t id, struct deal **out,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct deal	*d;
	enum kith_status st;
	const char	*cur;
	int64_t		 now = (int64_t)kith_db_now(db);
	int		 rc;

	*out = NULL;
	if ((stmt = db_stmt(db, "SELECT d.title, d.stage_id, s.name, s.kind, "
	    "s.probability, s.stall_days, d.value_cents, d.currency, o.name, "
	    "d.fee, d.practice, d.originator_id, co.display, "
	    "d.responsible_id, cr.display, d.expected_close, d.next_step, "
	    "d.ref, d.notes, d.reason, d.created, d.updated, d.stage_since, "
	    "d.touched, d.closed_at, " DEAL_OVERDUE_SQL " FROM deal d "
	    "JOIN stage s ON s.id = d.stage_id "
	    "LEFT JOIN org o ON o.id = d.org_id "
	    "LEFT JOIN contact co ON co.id = d.originator_id "
	    "LEFT JOIN contact cr ON cr.id = d.responsible_id "
	    "WHERE d.id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	deal_bind_today(db, stmt);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		if (rc == SQLITE_DONE)
			return kith_err_set(err, KITH_NOTFOUND, "no %s with "
			    "id %lld", deal_word(db), (long long)id);
		return db_fail(db, err, "reading a deal");
	}
	d = deal_new();
	d->id = id;
	d->title = db_col_text(stmt, 0);
	d->stage_id = sqlite3_column_int64(stmt, 1);
	d->stage = db_col_text(stmt, 2);
	(void)stage_kind_parse((const char *)sqlite3_column_text(stmt, 3),
	    &d->stage_kind);
	d->probability = sqlite3_column_int(stmt, 4);
	d->stall_days = sqlite3_column_int(stmt, 5);
	if ((d->has_value = sqlite3_column_type(stmt, 6) != SQLITE_NULL))
		d->value = sqlite3_column_int64(stmt, 6);
	if ((cur = (const char *)sqlite3_column_text(stmt, 7)) != NULL &&
	    strlen(cur) == 3)
		memcpy(d->currency, cur, 4);
	d->org = db_col_text(stmt, 8);
	d->fee = db_col_text(stmt, 9);
	d->practice = db_col_text(stmt, 10);
	d->originator_id = sqlite3_column_int64(stmt, 11);
	d->originator = db_col_text(stmt, 12);
	d->responsible_id = sqlite3_column_int64(stmt, 13);
	d->responsible = db_col_text(stmt, 14);
	d->expected_close = db_col_text(stmt, 15);
	d->next_step = db_col_text(stmt, 16);
	d->ref = db_col_text(stmt, 17);
	d->notes = db_col_text(stmt, 18);
	d->reason = db_col_text(stmt, 19);
	d->created = sqlite3_column_int64(stmt, 20);
	d->updated = sqlite3_column_int64(stmt, 21);
	d->stage_since = sqlite3_column_int64(stmt, 22);
	d->touched = sqlite3_column_int64(stmt, 23);
	d->closed_at = sqlite3_column_int64(stmt, 24);
	d->stalled = deal_is_stalled(d->stage_kind, d->stall_days, d->touched,
	    sqlite3_column_int(stmt, 25), now);
	sqlite3_reset(stmt);
	d->days_in_stage = now > d->stage_since ?
	    (int)((now - d->stage_since) / DAY) : 0;
	d->days_untouched = now > d->touched ?
	    (int)((now - d->touched) / DAY) : 0;
	if ((st = read_people(db, d, err)) != KITH_OK) {
		deal_free(d);
		return st;
	}
	*out = d;
	return KITH_OK;
}

int
deal_is_stalled(enum kith_stage_kind kind, int stall_days, int64_t touched,
    int overdue, int64_t now)
{
	return kind == KITH_STAGE_open &&
	    (overdue || deal_idle_days(touched, now) > stall_days);
}

long
deal_idle_days(int64_t touched, int64_t now)
{
	char	a[KITH_DATE_LEN], b[KITH_DATE_LEN];
	long	n;

	if (touched >= now)
		return 0;
	date_from_time((time_t)touched, a);
	date_from_time((time_t)now, b);
	n = date_diff_days(a, b);
	return n > 0 ? n : 0;
}

int64_t
deal_day_start(int64_t now)
{
	char	day[KITH_DATE_LEN];
	time_t	t;

	date_from_time((time_t)now, day);
	return (t = time_parse(day)) == (time_t)-1 ? now : (int64_t)t;
}

void
deal_bind_today(struct kith_db *db, sqlite3_stmt *stmt)
{
	char	today[KITH_DATE_LEN];

	db_today(db, today);
	sqlite3_bind_text(stmt, DEAL_TODAY_PARAM, today, -1,
	    SQLITE_TRANSIENT);
}

static enum kith_status
read_people(struct kith_db *db, struct deal *d, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct deal_person *p;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT dc.contact_id, c.display, dc.role "
	    "FROM deal_contact dc JOIN contact c ON c.id = dc.contact_id "
	    "LEFT JOIN deal_role r ON r.name = dc.role WHERE dc.deal_id = ?1 "
	    "ORDER BY r.pos IS NULL, r.pos, c.sort_key, c.id", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, d->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		deal_add_person(d, sqlite3_column_int64(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 2));
		p = &d->people[d->n_people - 1];
		p->name = db_col_text(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading the people of a deal");
	return KITH_OK;
}

enum kith_status
deal_title(struct kith_db *db, int64_t id, char **title, int64_t *stage,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*title = NULL;
	if ((stmt = db_stmt(db, "SELECT title, stage_id FROM deal "
	    "WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*title = db_col_text(stmt, 0);
		if (stage != NULL)
			*stage = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND, "no %s with id %lld",
		    deal_word(db), (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading a deal");
	return KITH_OK;
}

enum kith_status
deal_move(struct kith_db *db, int64_t id, int64_t stage,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, move_deal(db, id, stage, NULL, 0, err));
}

/*
 * Moves deal id to stage; with set_reason, stores reason as well (a
 * reason on a deal already in stage is not "already there").
 */
static enum kith_status
move_deal(struct kith_db *db, int64_t id, int64_t stage, const char *reason,
    int set_reason, struct kith_err *err)
{
	struct stage	 s = { 0 };
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*title = NULL, *why = NULL;
	int64_t		 now = (int64_t)kith_db_now(db), from;

	if ((st = deal_title(db, id, &title, &from, err)) != KITH_OK)
		return st;
	if ((st = stage_get(db, stage, &s, err)) != KITH_OK)
		goto out;
	if (set_reason && (st = db_clean_text(db, "reason", reason, &why,
	    err)) != KITH_OK)
		goto out;
	if (from == stage) {
		if (why == NULL) {
			st = kith_err_set(err, KITH_EXISTS, "%s is in %s "
			    "already; nothing changed", title, s.name);
			goto out;
		}
		if ((stmt = db_stmt(db, "UPDATE deal SET reason = ?2, "
		    "updated = ?3 WHERE id = ?1", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, id);
		sqlite3_bind_text(stmt, 2, why, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, now);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			st = db_fail(db, err, "saving the reason");
			goto out;
		}
		db_own_actionf(db, "deal", "gave %s a reason for %s", title,
		    s.name);
		goto out;
	}
	if ((stmt = db_stmt(db, "UPDATE deal SET stage_id = ?2, "
	    "stage_since = ?3, touched = ?3, updated = ?3, "
	    "closed_at = CASE WHEN ?4 THEN CASE WHEN (SELECT kind FROM stage "
	    "WHERE id = deal.stage_id) = ?7 THEN coalesce(closed_at, ?3) "
	    "ELSE ?3 END END, "
	    "reason = CASE WHEN ?4 THEN CASE WHEN ?6 THEN ?5 WHEN (SELECT "
	    "kind FROM stage WHERE id = deal.stage_id) = ?7 THEN reason END "
	    "END WHERE id = ?1", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, stage);
	sqlite3_bind_int64(stmt, 3, now);
	sqlite3_bind_int(stmt, 4, s.kind != KITH_STAGE_open);
	db_bind_text(stmt, 5, why);
	sqlite3_bind_int(stmt, 6, set_reason);
	sqlite3_bind_text(stmt, 7, stage_kind_name(s.kind), -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "moving a deal");
		goto out;
	}
	if ((st = history_row(db, id, stage, now, err)) != KITH_OK)
		goto out;
	if (s.kind == KITH_STAGE_open)
		db_own_actionf(db, "move", "moved %s to %s", title, s.name);
	else
		db_own_actionf(db, s.kind == KITH_STAGE_won ? "won" : "lost",
		    "marked %s %s (%s)", title, stage_kind_name(s.kind),
		    s.name);
out:
	free(title);
	free(why);
	stage_clear(&s);
	return st;
}

enum kith_status
deal_close(struct kith_db *db, int64_t id, enum kith_stage_kind kind,
    const char *reason, struct kith_err *err)
{
	DB_TRANSACTION(db, err, close_deal(db, id, kind, reason, err));
}

static enum kith_status
close_deal(struct kith_db *db, int64_t id, enum kith_stage_kind kind,
    const char *reason, struct kith_err *err)
{
	struct stage		s;
	enum kith_status	st;

	if (kind != KITH_STAGE_won && kind != KITH_STAGE_lost)
		return kith_err_set(err, KITH_INVALID, "a %s closes won or "
		    "lost", deal_word(db));
	if ((st = stage_first(db, kind, &s, err)) != KITH_OK)
		return st;
	st = move_deal(db, id, s.id, reason, !str_empty(reason), err);
	stage_clear(&s);
	return st;
}

int
deal_str_same(const char *a, const char *b)
{
	if (a == NULL || *a == '\0')
		return b == NULL || *b == '\0';
	return b != NULL && strcmp(a, b) == 0;
}

/* The U_ bits of the fields in which a and b differ. */
static unsigned
diff_fields(const struct deal *a, const struct deal *b)
{
	const char *const sa[U_COUNT] = { a->title, a->org, NULL, a->currency,
	    a->fee, a->practice, NULL, NULL, a->expected_close, a->next_step,
	    a->ref, a->notes, a->reason };
	const char *const sb[U_COUNT] = { b->title, b->org, NULL, b->currency,
	    b->fee, b->practice, NULL, NULL, b->expected_close, b->next_step,
	    b->ref, b->notes, b->reason };
	unsigned	mask = 0;
	int		f;

	for (f = 0; f < U_COUNT; f++)
		if (sa[f] != NULL || sb[f] != NULL)
			if (!deal_str_same(sa[f], sb[f]))
				mask |= 1u << f;
	if (a->has_value != b->has_value ||
	    (a->has_value && a->value != b->value))
		mask |= 1u << U_VALUE;
	if (a->originator_id != b->originator_id)
		mask |= 1u << U_ORIGINATOR;
	if (a->responsible_id != b->responsible_id)
		mask |= 1u << U_RESPONSIBLE;
	return mask;
}

int
deal_same(const struct deal *a, const struct deal *b)
{
	return diff_fields(a, b) == 0;
}

enum kith_status
deal_update(struct kith_db *db, const struct deal *base, struct deal *d,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, update_deal(db, base, d, err));
}

static enum kith_status
update_deal(struct kith_db *db, const struct deal *base, struct deal *d,
    struct kith_err *err)
{
	struct deal	*now = NULL;
	sqlite3_stmt	*stmt;
	enum kith_status st;
	unsigned	 mask;
	char		*fold = NULL;
	int64_t		 org = 0;
	int		 f;

	if ((st = deal_get(db, base->id, &now, err)) != KITH_OK)
		return st;
	if ((mask = diff_fields(base, now)) != 0) {
		for (f = 0; !(mask & (1u << f)); f++)
			;
		st = kith_err_set(err, KITH_CONFLICT, "%s (#%lld) was changed "
		    "by another kith since it was read (its %s differs); "
		    "nothing was saved: read it again and redo the edit",
		    now->title, (long long)now->id, field_names[f]);
		goto out;
	}
	if ((st = clean_deal(db, d, err)) != KITH_OK)
		goto out;
	d->id = base->id;
	if ((mask = diff_fields(base, d)) == 0)
		goto out;
	if ((mask & (1u << U_TITLE)) && (st = text_fold(kith_db_text(db),
	    d->title, &fold, err)) != KITH_OK)
		goto out;
	if ((mask & (1u << U_ORG)) && d->org != NULL &&
	    (st = org_find_or_create(db, d->org, &org, err)) != KITH_OK)
		goto out;
	/* Each column is written only if its bit is set in ?1. */
	if ((stmt = db_stmt(db, "UPDATE deal SET "
	    "title = CASE WHEN ?1 & 1 THEN ?3 ELSE title END, "
	    "title_fold = CASE WHEN ?1 & 1 THEN ?4 ELSE title_fold END, "
	    "org_id = CASE WHEN ?1 & 2 THEN ?5 ELSE org_id END, "
	    "value_cents = CASE WHEN ?1 & 4 THEN ?6 ELSE value_cents END, "
	    "currency = CASE WHEN ?1 & 8 THEN ?7 ELSE currency END, "
	    "fee = CASE WHEN ?1 & 16 THEN ?8 ELSE fee END, "
	    "practice = CASE WHEN ?1 & 32 THEN ?9 ELSE practice END, "
	    "originator_id = CASE WHEN ?1 & 64 THEN ?10 "
	    "    ELSE originator_id END, "
	    "responsible_id = CASE WHEN ?1 & 128 THEN ?11 "
	    "    ELSE responsible_id END, "
	    "expected_close = CASE WHEN ?1 & 256 THEN ?12 "
	    "    ELSE expected_close END, "
	    "next_step = CASE WHEN ?1 & 512 THEN ?13 ELSE next_step END, "
	    "ref = CASE WHEN ?1 & 1024 THEN ?14 ELSE ref END, "
	    "notes = CASE WHEN ?1 & 2048 THEN ?15 ELSE notes END, "
	    "reason = CASE WHEN ?1 & 4096 THEN ?16 ELSE reason END, "
	    "updated = ?17 WHERE id = ?2", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int(stmt, 1, (int)mask);
	sqlite3_bind_int64(stmt, 2, d->id);
	sqlite3_bind_text(stmt, 3, d->title, -1, SQLITE_STATIC);
	db_bind_text(stmt, 4, fold);
	if (org != 0)
		sqlite3_bind_int64(stmt, 5, org);
	if (d->has_value)
		sqlite3_bind_int64(stmt, 6, d->value);
	db_bind_text(stmt, 7, d->currency);
	db_bind_text(stmt, 8, d->fee);
	db_bind_text(stmt, 9, d->practice);
	if (d->originator_id != 0)
		sqlite3_bind_int64(stmt, 10, d->originator_id);
	if (d->responsible_id != 0)
		sqlite3_bind_int64(stmt, 11, d->responsible_id);
	db_bind_text(stmt, 12, d->expected_close);
	db_bind_text(stmt, 13, d->next_step);
	db_bind_text(stmt, 14, d->ref);
	db_bind_text(stmt, 15, d->notes);
	db_bind_text(stmt, 16, d->reason);
	sqlite3_bind_int64(stmt, 17, (int64_t)kith_db_now(db));
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "saving a deal");
		goto out;
	}
	db_own_actionf(db, "edit", "edited %s %s (#%lld)", deal_word(db),
	    d->title, (long long)d->id);
out:
	free(fold);
	deal_free(now);
	return st;
}

enum kith_status
deal_remove(struct kith_db *db, int64_t id, struct kith_err *err)
{
	DB_TRANSACTION(db, err, remove_deal(db, id, err));
}

static enum kith_status
remove_deal(struct kith_db *db, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*title;

	if ((st = deal_title(db, id, &title, NULL, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "DELETE FROM deal WHERE id = ?1",
	    err)) == NULL) {
		free(title);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		free(title);
		return db_fail(db, err, "deleting a deal");
	}
	db_own_actionf(db, "rm", "deleted %s %s (#%lld)", deal_word(db),
	    title, (long long)id);
	free(title);
	return KITH_OK;
}
