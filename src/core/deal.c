/* SPDX-License-Identifier: MIT */
/*
 * Deals (matters), their people and their stage history.
 *
 * The deal row carries what the board and the report read most:
 * stage_since, touched and closed_at, kept in step with the history by
 * every write here, so no reader walks the history to know how long a
 * deal has waited.  Text is cleaned (UTF-8 checked, NFC, trimmed) before
 * anything is written, and every check is made before the first write, so
 * a refused call leaves nothing behind.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/money.h"
#include "kith/stage.h"
#include "kith/text.h"
#include "kith/util.h"
#include "internal.h"

#define DAY	86400

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

static int		 same_str(const char *, const char *);
static enum kith_status	 role_add(struct kith_db *, const char *,
			    struct kith_err *);
static enum kith_status	 role_remove(struct kith_db *, const char *,
			    struct kith_err *);
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
static enum kith_status	 set_contact(struct kith_db *, int64_t, int64_t,
			    const char *, struct kith_err *);
static enum kith_status	 remove_contact(struct kith_db *, int64_t, int64_t,
			    struct kith_err *);
static enum kith_status	 update_deal(struct kith_db *, const struct deal *,
			    struct deal *, struct kith_err *);
static enum kith_status	 remove_deal(struct kith_db *, int64_t,
			    struct kith_err *);
static enum kith_status	 read_people(struct kith_db *, struct deal *,
			    struct kith_err *);
static enum kith_status	 deal_title(struct kith_db *, int64_t, char **,
			    int64_t *, struct kith_err *);
static void		 read_line(sqlite3_stmt *, int64_t, struct deal_line *);
static enum kith_status	 resolve_refs(struct kith_db *, const int64_t *,
			    size_t, size_t, struct deal_ref **, size_t *,
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

const char *
deal_word(struct kith_db *db)
{
	sqlite3_stmt	*stmt;
	const char	*word = "deal", *v;

	if ((stmt = db_stmt(db, "SELECT value FROM meta WHERE key = "
	    "'deal_word'", NULL)) == NULL)
		return word;
	if (sqlite3_step(stmt) == SQLITE_ROW &&
	    (v = (const char *)sqlite3_column_text(stmt, 0)) != NULL &&
	    strcmp(v, "matter") == 0)
		word = "matter";
	sqlite3_reset(stmt);
	return word;
}

enum kith_status
deal_set_word(struct kith_db *db, const char *word, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	const char	*w;

	if (word != NULL && strcasecmp(word, "deal") == 0)
		w = "deal";
	else if (word != NULL && strcasecmp(word, "matter") == 0)
		w = "matter";
	else
		return kith_err_set(err, KITH_INVALID, "'%s': the word is "
		    "deal or matter", word ? word : "");
	if ((stmt = db_stmt(db, "INSERT INTO meta (key, value) VALUES "
	    "('deal_word', ?1) ON CONFLICT (key) DO UPDATE SET value = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, w, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		sqlite3_reset(stmt);
		return db_fail(db, err, "saving the setting");
	}
	sqlite3_reset(stmt);
	return KITH_OK;
}

enum kith_status
deal_roles(struct kith_db *db, char ***out, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		**v = NULL;
	size_t		 k = 0, i;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT name FROM deal_role ORDER BY pos, id",
	    err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		v[k++] = db_col_text(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		for (i = 0; i < k; i++)
			free(v[i]);
		free(v);
		return db_fail(db, err, "listing the deal roles");
	}
	*out = v;
	*n = k;
	return KITH_OK;
}

enum kith_status
deal_role_check(struct kith_db *db, const char *role, char **canon,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct sbuf	 names = { 0 };
	enum kith_status st;
	char		*clean = NULL, **v;
	size_t		 n, i;
	int		 rc;

	*canon = NULL;
	if ((st = db_clean_text(db, "role", role, &clean, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "SELECT name FROM deal_role WHERE name = ?1",
	    err)) == NULL) {
		free(clean);
		return KITH_DB;
	}
	db_bind_text(stmt, 1, clean);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*canon = db_col_text(stmt, 0);
	sqlite3_reset(stmt);
	if (rc == SQLITE_ROW) {
		free(clean);
		return KITH_OK;
	}
	if (rc != SQLITE_DONE) {
		free(clean);
		return db_fail(db, err, "checking a role");
	}
	if ((st = deal_roles(db, &v, &n, err)) != KITH_OK) {
		free(clean);
		return st;
	}
	for (i = 0; i < n; i++) {
		sbuf_printf(&names, "%s%s", i ? ", " : "", v[i]);
		free(v[i]);
	}
	free(v);
	st = kith_err_set(err, KITH_INVALID, "role '%s': not a deal role "
	    "(the roles are %s)", clean ? clean : "",
	    names.s ? names.s : "none");
	sbuf_free(&names);
	free(clean);
	return st;
}

static enum kith_status
role_add(struct kith_db *db, const char *role, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*clean = NULL, *canon = NULL;
	int		 rc;

	if ((st = db_clean_text(db, "role", role, &clean, err)) != KITH_OK)
		return st;
	if (clean == NULL)
		return kith_err_set(err, KITH_INVALID, "a role needs a name");
	if (deal_role_check(db, clean, &canon, NULL) == KITH_OK) {
		st = kith_err_set(err, KITH_EXISTS, "%s is a deal role "
		    "already", canon);
		goto out;
	}
	if ((stmt = db_stmt(db, "INSERT INTO deal_role (name, pos) VALUES "
	    "(?1, (SELECT coalesce(max(pos), 0) + 1 FROM deal_role))",
	    err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, clean, -1, SQLITE_STATIC);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "adding a deal role");
		goto out;
	}
	db_own_actionf(db, "role", "added the deal role %s", clean);
out:
	free(clean);
	free(canon);
	return st;
}

enum kith_status
deal_role_add(struct kith_db *db, const char *role, struct kith_err *err)
{
	DB_TRANSACTION(db, err, role_add(db, role, err));
}

static enum kith_status
role_remove(struct kith_db *db, const char *role, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*canon = NULL;
	int		 n = 0;

	if ((st = deal_role_check(db, role, &canon, err)) != KITH_OK)
		return st == KITH_INVALID ? KITH_NOTFOUND : st;
	if ((stmt = db_stmt(db, "SELECT count(*) FROM deal_contact WHERE "
	    "role = ?1", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, canon, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	if (n > 0) {
		st = kith_err_set(err, KITH_EXISTS, "%d %s on a deal as %s; "
		    "give them another role first", n, n == 1 ? "person is" :
		    "people are", canon);
		goto out;
	}
	if ((stmt = db_stmt(db, "DELETE FROM deal_role WHERE name = ?1",
	    err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, canon, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		sqlite3_reset(stmt);
		st = db_fail(db, err, "removing a deal role");
		goto out;
	}
	sqlite3_reset(stmt);
	db_own_actionf(db, "role", "removed the deal role %s", canon);
out:
	free(canon);
	return st;
}

enum kith_status
deal_role_remove(struct kith_db *db, const char *role, struct kith_err *err)
{
	DB_TRANSACTION(db, err, role_remove(db, role, err));
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
		if ((st = set_contact(db, d->id, d->people[i].contact_id,
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
	    "d.touched, d.closed_at FROM deal d "
	    "JOIN stage s ON s.id = d.stage_id "
	    "LEFT JOIN org o ON o.id = d.org_id "
	    "LEFT JOIN contact co ON co.id = d.originator_id "
	    "LEFT JOIN contact cr ON cr.id = d.responsible_id "
	    "WHERE d.id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
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
	sqlite3_reset(stmt);
	d->days_in_stage = now > d->stage_since ?
	    (int)((now - d->stage_since) / DAY) : 0;
	d->days_untouched = now > d->touched ?
	    (int)((now - d->touched) / DAY) : 0;
	d->stalled = deal_is_stalled(d->stage_kind, d->stall_days, d->touched,
	    now);
	if ((st = read_people(db, d, err)) != KITH_OK) {
		deal_free(d);
		return st;
	}
	*out = d;
	return KITH_OK;
}

int
deal_is_stalled(enum kith_stage_kind kind, int stall_days, int64_t touched,
    int64_t now)
{
	return kind == KITH_STAGE_open &&
	    touched < now - (int64_t)stall_days * DAY;
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

/* The title of deal id (caller frees) and its stage. */
static enum kith_status
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
	    "closed_at = CASE WHEN ?4 THEN coalesce(closed_at, ?3) END, "
	    "reason = CASE WHEN ?4 THEN CASE WHEN ?6 THEN ?5 ELSE reason END "
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

enum kith_status
deal_set_contact(struct kith_db *db, int64_t id, int64_t contact,
    const char *role, struct kith_err *err)
{
	DB_TRANSACTION(db, err, set_contact(db, id, contact, role, err));
}

static enum kith_status
set_contact(struct kith_db *db, int64_t id, int64_t contact,
    const char *role, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*title = NULL, *canon = NULL, *name = NULL, *old = NULL;
	int		 rc, had = 0;

	if ((st = deal_title(db, id, &title, NULL, err)) != KITH_OK)
		return st;
	if (!str_empty(role) &&
	    (st = deal_role_check(db, role, &canon, err)) != KITH_OK)
		goto out;
	if ((stmt = db_stmt(db, "SELECT c.display, dc.role, dc.deal_id "
	    "FROM contact c LEFT JOIN deal_contact dc ON dc.contact_id = c.id "
	    "AND dc.deal_id = ?2 WHERE c.id = ?1", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, contact);
	sqlite3_bind_int64(stmt, 2, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = db_col_text(stmt, 0);
		old = db_col_text(stmt, 1);
		had = sqlite3_column_type(stmt, 2) != SQLITE_NULL;
	}
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE) {
		st = kith_err_set(err, KITH_NOTFOUND, "no contact with id %lld",
		    (long long)contact);
		goto out;
	}
	if (rc != SQLITE_ROW) {
		st = db_fail(db, err, "finding a contact");
		goto out;
	}
	if (had && same_str(old, canon)) {
		st = kith_err_set(err, KITH_EXISTS, "%s is on %s as %s "
		    "already", name, title, canon ? canon : "(no role)");
		goto out;
	}
	if ((stmt = db_stmt(db, "INSERT INTO deal_contact (deal_id, "
	    "contact_id, role) VALUES (?1, ?2, ?3) ON CONFLICT (deal_id, "
	    "contact_id) DO UPDATE SET role = ?3", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, contact);
	db_bind_text(stmt, 3, canon);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "putting a contact on a deal");
		goto out;
	}
	if (canon != NULL)
		db_own_actionf(db, "deal", "%s %s on %s as %s", had ?
		    "made" : "put", name, title, canon);
	else
		db_own_actionf(db, "deal", "put %s on %s", name, title);
out:
	free(title);
	free(canon);
	free(name);
	free(old);
	return st;
}

enum kith_status
deal_remove_contact(struct kith_db *db, int64_t id, int64_t contact,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, remove_contact(db, id, contact, err));
}

static enum kith_status
remove_contact(struct kith_db *db, int64_t id, int64_t contact,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*title = NULL, *name;

	if ((st = deal_title(db, id, &title, NULL, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "DELETE FROM deal_contact WHERE deal_id = ?1 "
	    "AND contact_id = ?2", err)) == NULL) {
		free(title);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, contact);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		free(title);
		return db_fail(db, err, "taking a contact off a deal");
	}
	if (sqlite3_changes(kith_db_sqlite(db)) == 0) {
		st = kith_err_set(err, KITH_NOTFOUND, "contact #%lld is not "
		    "on %s", (long long)contact, title);
		free(title);
		return st;
	}
	if ((stmt = db_stmt(db, "SELECT display FROM contact WHERE id = ?1",
	    err)) == NULL) {
		free(title);
		return KITH_DB;
	}
	sqlite3_bind_int64(stmt, 1, contact);
	name = sqlite3_step(stmt) == SQLITE_ROW ? db_col_text(stmt, 0) : NULL;
	sqlite3_reset(stmt);
	db_own_actionf(db, "deal", "took %s off %s", name ? name : "a contact",
	    title);
	free(name);
	free(title);
	return KITH_OK;
}

static int
same_str(const char *a, const char *b)
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
			if (!same_str(sa[f], sb[f]))
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

void
deal_refs_free(struct deal_ref *refs, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(refs[i].title);
		free(refs[i].org);
		free(refs[i].stage);
		free(refs[i].ref);
	}
	free(refs);
}

#define RESOLVE_MAX_CANDS	2000	/* title candidates ranked at most */

enum kith_status
deal_resolve(struct kith_db *db, const char *what, int64_t *id,
    struct deal_ref **cands, size_t *n_cands, size_t max,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st = KITH_OK;
	char		*clean = NULL, *fold = NULL, *copy = NULL, *w, *save;
	char		**words = NULL;
	const char	*p, *longest = "";
	int64_t		*ids = NULL;
	size_t		 n = 0, n_words = 0;
	int		 rc, rank, best = 0;

	*id = 0;
	if (cands != NULL) {
		*cands = NULL;
		*n_cands = 0;
	}
	if ((st = db_clean_text(db, "query", what, &clean, err)) != KITH_OK)
		return st;
	if (clean == NULL)
		return kith_err_set(err, KITH_NOTFOUND, "which %s? give its "
		    "id, reference or title", deal_word(db));
	for (p = clean; *p >= '0' && *p <= '9'; p++)
		;
	if (*p == '\0') {
		if ((stmt = db_stmt(db, "SELECT id FROM deal WHERE id = ?1",
		    err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, strtoll(clean, NULL, 10));
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			*id = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		if (rc == SQLITE_ROW)
			goto out;
	}
	/* An exact reference. */
	if ((stmt = db_stmt(db, "SELECT id FROM deal WHERE ref = ?1 "
	    "ORDER BY id LIMIT ?2", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, clean, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 2, RESOLVE_MAX_CANDS);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		ids = xreallocarray(ids, n + 1, sizeof *ids);
		ids[n++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "finding a deal by reference");
		goto out;
	}
	if (n == 0) {
		/* The title's words, best rank only. */
		if ((st = text_fold(kith_db_text(db), clean, &fold, err))
		    != KITH_OK)
			goto out;
		copy = xstrdup(fold);
		for (w = strtok_r(copy, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save)) {
			words = xreallocarray(words, n_words + 1,
			    sizeof *words);
			words[n_words++] = w;
			if (strlen(w) > strlen(longest))
				longest = w;
		}
		if (n_words > 0) {
			if ((stmt = db_stmt(db, "SELECT id, title_fold "
			    "FROM deal WHERE instr(title_fold, ?1) > 0 "
			    "ORDER BY id", err)) == NULL) {
				st = KITH_DB;
				goto out;
			}
			sqlite3_bind_text(stmt, 1, longest, -1, SQLITE_STATIC);
			while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
				const char *tf = (const char *)
				    sqlite3_column_text(stmt, 1);

				rank = resolve_rank(words, n_words, fold, tf,
				    tf);
				if (rank == 0 || rank < best)
					continue;
				if (rank > best) {
					best = rank;
					n = 0;
				}
				if (n < RESOLVE_MAX_CANDS) {
					ids = xreallocarray(ids, n + 1,
					    sizeof *ids);
					ids[n++] = sqlite3_column_int64(stmt,
					    0);
				}
			}
			sqlite3_reset(stmt);
			if (rc != SQLITE_DONE) {
				st = db_fail(db, err, "finding a deal by "
				    "title");
				goto out;
			}
		}
	}
	if (n == 1) {
		*id = ids[0];
		goto out;
	}
	if (n == 0) {
		st = kith_err_set(err, KITH_NOTFOUND, "no %s has the id, "
		    "reference or title '%s'", deal_word(db), clean);
		goto out;
	}
	if (cands != NULL && max > 0 && (st = resolve_refs(db, ids, n, max,
	    cands, n_cands, err)) != KITH_OK)
		goto out;
	st = kith_err_set(err, KITH_AMBIGUOUS, "'%s' matches %s%zu %ss",
	    clean, n > max ? "more than " : "", n > max ? max : n,
	    deal_word(db));
out:
	free(ids);
	free(words);
	free(copy);
	free(fold);
	free(clean);
	return st;
}

/* Up to max of the n deals ids into *refs, by title. */
static enum kith_status
resolve_refs(struct kith_db *db, const int64_t *ids, size_t n, size_t max,
    struct deal_ref **refs, size_t *n_refs, struct kith_err *err)
{
	struct sbuf	 list = { 0 };
	sqlite3_stmt	*stmt;
	struct deal_ref	*r;
	size_t		 i, k = 0;
	int		 rc;

	for (i = 0; i < n; i++)
		sbuf_printf(&list, "%s%lld", i ? "," : "", (long long)ids[i]);
	/* The ids are numbers written here: no injection. */
	if ((stmt = db_stmt(db, "SELECT d.id, d.title, o.name, s.name, d.ref "
	    "FROM deal d JOIN stage s ON s.id = d.stage_id "
	    "LEFT JOIN org o ON o.id = d.org_id "
	    "WHERE d.id IN (SELECT value FROM json_each('[' || ?1 || ']')) "
	    "ORDER BY d.title_fold, d.id LIMIT ?2", err)) == NULL) {
		sbuf_free(&list);
		return KITH_DB;
	}
	sqlite3_bind_text(stmt, 1, list.s ? list.s : "", -1,
	    SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, (int64_t)max);
	sbuf_free(&list);
	r = xcalloc(max + 1, sizeof *r);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && k < max) {
		r[k].id = sqlite3_column_int64(stmt, 0);
		r[k].title = db_col_text(stmt, 1);
		r[k].org = db_col_text(stmt, 2);
		r[k].stage = db_col_text(stmt, 3);
		r[k].ref = db_col_text(stmt, 4);
		k++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		deal_refs_free(r, k);
		return db_fail(db, err, "listing the candidates");
	}
	*refs = r;
	*n_refs = k;
	return KITH_OK;
}

void
deal_lines_free(struct deal_line *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].title);
		free(v[i].org);
		free(v[i].stage);
		free(v[i].next_step);
		free(v[i].role);
	}
	free(v);
}

/*
 * The columns read_line reads, in its order, and the text a deal_list
 * query matches (column 13).
 */
#define LINE_COLS	"d.id, d.title, o.name, d.stage_id, s.name, s.kind, " \
	"d.value_cents, d.currency, d.stage_since, d.touched, s.stall_days, " \
	"d.next_step"

static void
read_line(sqlite3_stmt *stmt, int64_t now, struct deal_line *l)
{
	const char	*cur;

	memset(l, 0, sizeof *l);
	l->id = sqlite3_column_int64(stmt, 0);
	l->title = db_col_text(stmt, 1);
	l->org = db_col_text(stmt, 2);
	l->stage_id = sqlite3_column_int64(stmt, 3);
	l->stage = db_col_text(stmt, 4);
	(void)stage_kind_parse((const char *)sqlite3_column_text(stmt, 5),
	    &l->stage_kind);
	if ((l->has_value = sqlite3_column_type(stmt, 6) != SQLITE_NULL))
		l->value = sqlite3_column_int64(stmt, 6);
	if ((cur = (const char *)sqlite3_column_text(stmt, 7)) != NULL &&
	    strlen(cur) == 3)
		memcpy(l->currency, cur, 4);
	l->days_in_stage = now > sqlite3_column_int64(stmt, 8) ?
	    (int)((now - sqlite3_column_int64(stmt, 8)) / DAY) : 0;
	l->stalled = deal_is_stalled(l->stage_kind,
	    sqlite3_column_int(stmt, 10), sqlite3_column_int64(stmt, 9), now);
	l->next_step = db_col_text(stmt, 11);
	l->role = db_col_text(stmt, 12);
}

enum kith_status
deal_list(struct kith_db *db, const char *query, int64_t stage,
    struct deal_line **out, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	struct deal_line *v = NULL;
	char		*fold = NULL, *copy = NULL, *w, *save, **words = NULL;
	int64_t		 now = (int64_t)kith_db_now(db);
	size_t		 k = 0, n_words = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if (!str_empty(query)) {
		if ((st = text_fold(kith_db_text(db), query, &fold, err))
		    != KITH_OK)
			return st;
		copy = xstrdup(fold);
		for (w = strtok_r(copy, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save)) {
			words = xreallocarray(words, n_words + 1,
			    sizeof *words);
			words[n_words++] = w;
		}
	}
	if ((stmt = db_stmt(db, "SELECT " LINE_COLS ", NULL, "
	    "d.title_fold || ' ' || coalesce(kith_fold(d.ref), '') || ' ' || "
	    "coalesce(o.name_fold, '') FROM deal d "
	    "JOIN stage s ON s.id = d.stage_id "
	    "LEFT JOIN org o ON o.id = d.org_id "
	    "WHERE ?1 = 0 OR d.stage_id = ?1 "
	    "ORDER BY s.pos, s.id, d.title_fold, d.id", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, stage);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (n_words > 0 && resolve_rank(words, n_words, fold, NULL,
		    (const char *)sqlite3_column_text(stmt, 13)) == 0)
			continue;
		v = xreallocarray(v, k + 1, sizeof *v);
		read_line(stmt, now, &v[k++]);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "listing the deals");
		deal_lines_free(v, k);
		goto out;
	}
	st = KITH_OK;
	*out = v;
	*n = k;
out:
	free(words);
	free(copy);
	free(fold);
	return st;
}

enum kith_status
deal_list_contact(struct kith_db *db, int64_t contact,
    struct deal_line **out, size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	struct deal_line *v = NULL;
	int64_t		 now = (int64_t)kith_db_now(db);
	size_t		 k = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT " LINE_COLS ", dc.role "
	    "FROM deal_contact dc JOIN deal d ON d.id = dc.deal_id "
	    "JOIN stage s ON s.id = d.stage_id "
	    "LEFT JOIN org o ON o.id = d.org_id WHERE dc.contact_id = ?1 "
	    "ORDER BY s.kind <> 'open', s.pos, d.title_fold, d.id",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, contact);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		read_line(stmt, now, &v[k++]);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		deal_lines_free(v, k);
		return db_fail(db, err, "listing a contact's deals");
	}
	*out = v;
	*n = k;
	return KITH_OK;
}

enum kith_status
deal_open_people(struct kith_db *db, int64_t **ids, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int64_t		*v = NULL;
	size_t		 k = 0;
	int		 rc;

	*ids = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT DISTINCT dc.contact_id FROM "
	    "deal_contact dc JOIN deal d ON d.id = dc.deal_id JOIN stage s "
	    "ON s.id = d.stage_id WHERE s.kind = 'open' "
	    "ORDER BY dc.contact_id", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		v = xreallocarray(v, k + 1, sizeof *v);
		v[k++] = sqlite3_column_int64(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		free(v);
		return db_fail(db, err, "listing the people in open deals");
	}
	*ids = v;
	*n = k;
	return KITH_OK;
}

enum kith_status
deal_log(struct kith_db *db, int64_t id, const int64_t *who, size_t n,
    const char *kind, const char *at, const char *summary, const char *body,
    int64_t *iid, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	struct deal	*d = NULL;
	int64_t		*all, logged;
	size_t		 n_all = 0, i, j;

	if ((st = kith_db_begin(db, err)) != KITH_OK)
		return st;
	if ((st = deal_get(db, id, &d, err)) != KITH_OK)
		goto fail;
	all = xcalloc(n + d->n_people + 1, sizeof *all);
	for (i = 0; i < n; i++)
		all[n_all++] = who[i];
	for (i = 0; i < d->n_people; i++) {
		for (j = 0; j < n_all; j++)
			if (all[j] == d->people[i].contact_id)
				break;
		if (j == n_all)
			all[n_all++] = d->people[i].contact_id;
	}
	if (n_all == 0) {
		free(all);
		st = kith_err_set(err, KITH_INVALID, "nobody is on %s yet: "
		    "say who took part", d->title);
		goto fail;
	}
	st = interaction_log(db, all, n_all, kind, at, summary, body, &logged,
	    err);
	free(all);
	if (st != KITH_OK)
		goto fail;
	if ((stmt = db_stmt(db, "UPDATE interaction SET deal_id = ?1 "
	    "WHERE id = ?2", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, logged);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "logging on a deal");
		goto fail;
	}
	if ((stmt = db_stmt(db, "UPDATE deal SET touched = max(touched, ?2) "
	    "WHERE id = ?1", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, (int64_t)kith_db_now(db));
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "touching a deal");
		goto fail;
	}
	db_own_actionf(db, "log", "logged %s on %s: %s", kind, d->title,
	    summary);
	deal_free(d);
	if (iid != NULL)
		*iid = logged;
	return kith_db_commit(db, err);
fail:
	deal_free(d);
	kith_db_rollback(db);
	return st;
}

enum kith_status
deal_follow(struct kith_db *db, int64_t id, int64_t contact,
    const char *action, const char *due, int64_t *fid, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*title = NULL;
	int64_t		 f;

	if ((st = kith_db_begin(db, err)) != KITH_OK)
		return st;
	if ((st = deal_title(db, id, &title, NULL, err)) != KITH_OK ||
	    (st = followup_add(db, contact, action, due, &f, err)) != KITH_OK)
		goto fail;
	if ((stmt = db_stmt(db, "UPDATE followup SET deal_id = ?1 "
	    "WHERE id = ?2", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, f);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "adding a follow-up to a deal");
		goto fail;
	}
	db_own_actionf(db, "follow", "follow-up %lld on %s: %s, due %s",
	    (long long)f, title, action, due);
	free(title);
	if (fid != NULL)
		*fid = f;
	return kith_db_commit(db, err);
fail:
	free(title);
	kith_db_rollback(db);
	return st;
}
