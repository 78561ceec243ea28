/* SPDX-License-Identifier: MIT */
/*
 * Deals as CSV, kith's own layout: the export (export_deals) and the
 * reader of kith import --format deals, which hands each row to the
 * import sink (batch.h) as a struct deal_row.
 *
 * One row per deal, the columns named in cols[] (README, "Deals as
 * CSV").  Values are plain decimals in the currency's digits; moments
 * (opened, closed, last touch, each step of the history) are local
 * "YYYY-MM-DD HH:MM:SS", so the days a deal has spent in a stage survive
 * a round trip.  Two cells hold lists, items separated by ";":
 *   People     Name <e-mail> (role); Name (role); <e-mail>; Name
 *              (the e-mail is the contact's first, when it has one; a
 *              role from the deal_role list, or none)
 *   History    YYYY-MM-DD HH:MM:SS Stage; ... oldest first
 * Inside them a backslash takes the next character literally, so a name
 * may hold ";", "<" or "(" (written "\;", "\<", "\(").  Free-text cells
 * get the formula guard of the contact export (csvmap_cell); values,
 * codes, dates and the history do not.
 */
#include <sys/stat.h>

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/csvio.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/import.h"
#include "kith/money.h"
#include "kith/stage.h"
#include "kith/util.h"
#include "batch.h"
#include "csvmap.h"
#include "internal.h"

enum col {
	C_TITLE, C_REF, C_STAGE, C_VALUE, C_CURRENCY, C_ORG, C_FEE,
	C_PRACTICE, C_ORIGINATOR, C_RESPONSIBLE, C_CLOSE, C_NEXT, C_NOTES,
	C_REASON, C_OPENED, C_CLOSED, C_TOUCHED, C_PEOPLE, C_HISTORY, C_COUNT
};

static const struct {
	const char	*name;
	int		 guard;		/* free text: formula-guarded */
} cols[C_COUNT] = {
	{ "Title", 1 }, { "Reference", 1 }, { "Stage", 1 }, { "Value", 0 },
	{ "Currency", 0 }, { "Organisation", 1 }, { "Fee", 0 },
	{ "Practice", 1 }, { "Originator", 1 }, { "Responsible", 1 },
	{ "Expected close", 0 }, { "Next step", 1 }, { "Notes", 1 },
	{ "Reason", 1 }, { "Opened", 0 }, { "Closed", 0 },
	{ "Last touch", 0 }, { "People", 1 }, { "History", 0 },
};

#define MOMENT_LEN	20	/* "YYYY-MM-DD HH:MM:SS" and NUL */
#define PAGE		256

struct person {				/* one item of a People cell */
	char		*name;		/* NULL if none */
	char		*email;
	char		*role;
};

struct reader {
	struct import	*im;
	int		 col[C_COUNT];	/* index in the record, or -1 */
	int		 started;	/* header read */
};

static void	 escape(struct sbuf *, const char *, const char *);
static void	 moment(int64_t, char[MOMENT_LEN]);
static enum kith_status person_text(struct kith_db *, int64_t,
		    const char *, struct sbuf *, struct kith_err *);
static enum kith_status history_text(struct kith_db *, int64_t,
		    struct sbuf *, struct kith_err *);
static enum kith_status export_row(struct kith_db *, struct csv_out *,
		    int64_t, struct kith_err *);
static const char *scan(const char *, const char *, struct sbuf *);
static void	 trim_end(struct sbuf *);
static int	 parse_people(const char *, struct person **, size_t *,
		    char **);
static void	 people_free(struct person *, size_t);
static char	*person_say(const struct person *);
static const char *cell(const struct reader *, const struct csv_record *,
		    enum col);
static int	 blank(const char *);
static int	 on_record(const struct csv_record *, void *);
static enum kith_status start(struct reader *, const struct csv_record *);
static int	 data_record(struct reader *, const struct csv_record *);
static enum kith_status read_row(struct reader *,
		    const struct csv_record *, struct deal_row *,
		    struct kith_err *);
static enum kith_status read_history(struct reader *, const char *,
		    struct deal_row *, struct kith_err *);
static enum kith_status read_people(struct reader *, long, const char *,
		    struct deal *, struct kith_err *);
static enum kith_status read_one(struct reader *, const struct csv_record *,
		    enum col, int64_t *, struct kith_err *);
static enum kith_status find_person(struct reader *, long, enum col,
		    const struct person *, int64_t *, struct kith_err *);
static enum kith_status read_moment(const char *, enum col, int64_t *,
		    struct kith_err *);
static void	 named(struct kith_err *, enum kith_status, const char *);

/* Appends s with a backslash before each of the characters in special. */
static void
escape(struct sbuf *sb, const char *s, const char *special)
{
	for (; *s != '\0'; s++) {
		if (*s == '\\' || strchr(special, *s) != NULL)
			sbuf_addc(sb, '\\');
		sbuf_addc(sb, *s);
	}
}

static void
moment(int64_t t, char out[MOMENT_LEN])
{
	struct tm	tm;
	time_t		tt = (time_t)t;

	if (localtime_r(&tt, &tm) == NULL ||
	    strftime(out, MOMENT_LEN, "%Y-%m-%d %H:%M:%S", &tm) == 0)
		out[0] = '\0';
}

/* "Name <e-mail>" for contact id, and " (role)" if role is not NULL. */
static enum kith_status
person_text(struct kith_db *db, int64_t id, const char *role,
    struct sbuf *sb, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		*name = NULL, *email = NULL;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT c.display, (SELECT addr FROM email "
	    "WHERE contact_id = c.id ORDER BY pos, id LIMIT 1) FROM contact c "
	    "WHERE c.id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		name = db_col_text(stmt, 0);
		email = db_col_text(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "exporting the people of a deal");
	escape(sb, name != NULL ? name : "", ";<(");
	if (email != NULL) {
		if (name != NULL && *name != '\0')
			sbuf_addc(sb, ' ');
		sbuf_addc(sb, '<');
		escape(sb, email, ">");
		sbuf_addc(sb, '>');
	}
	if (role != NULL) {
		sbuf_add(sb, " (");
		escape(sb, role, ")");
		sbuf_addc(sb, ')');
	}
	free(name);
	free(email);
	return KITH_OK;
}

static enum kith_status
history_text(struct kith_db *db, int64_t id, struct sbuf *sb,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		 when[MOMENT_LEN];
	int		 rc, first = 1;

	if ((stmt = db_stmt(db, "SELECT h.at, s.name FROM deal_stage_history "
	    "h JOIN stage s ON s.id = h.stage_id WHERE h.deal_id = ?1 "
	    "ORDER BY h.at, h.id", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		moment(sqlite3_column_int64(stmt, 0), when);
		sbuf_printf(sb, "%s%s ", first ? "" : "; ", when);
		escape(sb, (const char *)sqlite3_column_text(stmt, 1), ";");
		first = 0;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "exporting a stage history");
	return KITH_OK;
}

static enum kith_status
export_row(struct kith_db *db, struct csv_out *out, int64_t id,
    struct kith_err *err)
{
	struct deal		*d = NULL;
	struct sbuf		 people = { 0 }, hist = { 0 }, orig = { 0 };
	struct sbuf		 resp = { 0 };
	enum kith_status	 st;
	const char		*f[C_COUNT];
	unsigned char		 guard[C_COUNT];
	char			*own[C_COUNT] = { 0 };
	char			 value[32], opened[MOMENT_LEN];
	char			 closed[MOMENT_LEN], touched[MOMENT_LEN];
	size_t			 i;

	if ((st = deal_get(db, id, &d, err)) != KITH_OK)
		return st;
	for (i = 0; i < d->n_people; i++) {
		if (i > 0)
			sbuf_add(&people, "; ");
		if ((st = person_text(db, d->people[i].contact_id,
		    d->people[i].role, &people, err)) != KITH_OK)
			goto out;
	}
	if ((d->originator_id != 0 && (st = person_text(db, d->originator_id,
	    NULL, &orig, err)) != KITH_OK) ||
	    (d->responsible_id != 0 && (st = person_text(db,
	    d->responsible_id, NULL, &resp, err)) != KITH_OK) ||
	    (st = history_text(db, id, &hist, err)) != KITH_OK)
		goto out;
	value[0] = '\0';
	if (d->has_value)
		money_format(d->value, d->currency, 0, value, sizeof value);
	moment(d->created, opened);
	closed[0] = '\0';
	if (d->closed_at != 0)
		moment(d->closed_at, closed);
	moment(d->touched, touched);
	f[C_TITLE] = d->title;
	f[C_REF] = d->ref;
	f[C_STAGE] = d->stage;
	f[C_VALUE] = value;
	f[C_CURRENCY] = d->currency;
	f[C_ORG] = d->org;
	f[C_FEE] = d->fee;
	f[C_PRACTICE] = d->practice;
	f[C_ORIGINATOR] = orig.s;
	f[C_RESPONSIBLE] = resp.s;
	f[C_CLOSE] = d->expected_close;
	f[C_NEXT] = d->next_step;
	f[C_NOTES] = d->notes;
	f[C_REASON] = d->reason;
	f[C_OPENED] = opened;
	f[C_CLOSED] = closed;
	f[C_TOUCHED] = touched;
	f[C_PEOPLE] = people.s;
	f[C_HISTORY] = hist.s;
	for (i = 0; i < C_COUNT; i++) {
		guard[i] = (unsigned char)cols[i].guard;
		if (cols[i].guard)
			f[i] = own[i] = csvmap_cell(f[i]);
	}
	csv_out_row_guarded(out, f, guard, C_COUNT);
out:
	for (i = 0; i < C_COUNT; i++)
		free(own[i]);
	sbuf_free(&people);
	sbuf_free(&hist);
	sbuf_free(&orig);
	sbuf_free(&resp);
	deal_free(d);
	return st;
}

enum kith_status
export_deals(struct kith_db *db, FILE *fp, long *count, struct kith_err *err)
{
	struct csv_out	*out;
	sqlite3_stmt	*stmt;
	enum kith_status st = KITH_OK;
	const char	*head[C_COUNT];
	int64_t		 ids[PAGE], last = 0;
	size_t		 i, got;
	long		 written = 0;
	int		 rc, snapshot = 0;

	if (count != NULL)
		*count = 0;
	/* One snapshot from the first row to the last (export.c). */
	if (sqlite3_get_autocommit(kith_db_sqlite(db))) {
		if ((st = db_exec(db, "BEGIN DEFERRED", err)) != KITH_OK)
			return st;
		snapshot = 1;
	}
	out = csv_out_new(fp, 1, 0);
	for (i = 0; i < C_COUNT; i++)
		head[i] = cols[i].name;
	csv_out_row(out, head, C_COUNT);
	/* Pages of ids, so no statement stays open while deal_get runs. */
	do {
		if ((stmt = db_stmt(db, "SELECT id FROM deal WHERE id > ?1 "
		    "ORDER BY id LIMIT ?2", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, last);
		sqlite3_bind_int(stmt, 2, PAGE);
		got = 0;
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			ids[got++] = sqlite3_column_int64(stmt, 0);
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "exporting deals");
			goto out;
		}
		for (i = 0; i < got; i++) {
			if ((st = export_row(db, out, ids[i], err)) != KITH_OK)
				goto out;
			written++;
		}
		if (got > 0)
			last = ids[got - 1];
	} while (got == PAGE);
out:
	if (snapshot)
		(void)db_exec(db, "COMMIT", NULL);
	if (csv_out_free(out) != KITH_OK && st == KITH_OK)
		st = kith_err_set(err, KITH_IO, "writing the export failed");
	if (count != NULL)
		*count = written;
	return st;
}

/*
 * Reading.  scan() copies s into sb up to the first character of stop
 * not taken literally by a backslash, and returns where it stopped.
 */
static const char *
scan(const char *s, const char *stop, struct sbuf *sb)
{
	for (; *s != '\0' && strchr(stop, *s) == NULL; s++) {
		if (*s == '\\' && s[1] != '\0')
			s++;
		sbuf_addc(sb, *s);
	}
	return s;
}

static void
trim_end(struct sbuf *sb)
{
	while (sb->len > 0 && (sb->s[sb->len - 1] == ' ' ||
	    sb->s[sb->len - 1] == '\t'))
		sb->s[--sb->len] = '\0';
}

static void
people_free(struct person *p, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(p[i].name);
		free(p[i].email);
		free(p[i].role);
	}
	free(p);
}

/*
 * Parses a People cell into *out (*n items); 0 with *why (caller frees)
 * saying what cannot be read.
 */
static int
parse_people(const char *s, struct person **out, size_t *n, char **why)
{
	struct sbuf	 name = { 0 }, email = { 0 }, role = { 0 };
	struct person	*v = NULL;
	size_t		 k = 0;
	const char	*p = s, *item;

	*why = NULL;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		if (*p == '\0')
			break;
		if (*p == ';') {
			p++;
			continue;
		}
		item = p;
		sbuf_reset(&name);
		sbuf_reset(&email);
		sbuf_reset(&role);
		p = scan(p, ";<(", &name);
		trim_end(&name);
		if (*p == '<') {
			p = scan(p + 1, ">", &email);
			if (*p++ != '>') {
				*why = xasprintf("'%s': an e-mail opened with "
				    "< is not closed with >", item);
				break;
			}
			while (*p == ' ' || *p == '\t')
				p++;
		}
		if (*p == '(') {
			p = scan(p + 1, ")", &role);
			if (*p++ != ')') {
				*why = xasprintf("'%s': a role opened with ( "
				    "is not closed with )", item);
				break;
			}
			while (*p == ' ' || *p == '\t')
				p++;
		}
		if (*p != ';' && *p != '\0') {
			*why = xasprintf("'%s': expected Name <e-mail> (role) "
			    "before '%c'", item, *p);
			break;
		}
		if (name.len == 0 && email.len == 0) {
			*why = xasprintf("'%s': a person needs a name or an "
			    "e-mail", item);
			break;
		}
		v = xreallocarray(v, k + 1, sizeof *v);
		v[k].name = name.len ? xstrdup(name.s) : NULL;
		v[k].email = email.len ? xstrdup(email.s) : NULL;
		v[k].role = role.len ? xstrdup(role.s) : NULL;
		k++;
	}
	sbuf_free(&name);
	sbuf_free(&email);
	sbuf_free(&role);
	if (*why != NULL) {
		people_free(v, k);
		return 0;
	}
	*out = v;
	*n = k;
	return 1;
}

/* "Name <e-mail>" of p, to name it in a warning; caller frees. */
static char *
person_say(const struct person *p)
{
	if (p->name != NULL && p->email != NULL)
		return xasprintf("%s <%s>", p->name, p->email);
	return xstrdup(p->name != NULL ? p->name : p->email);
}

/* The cell of column c, unguarded; "" if the file has no such column. */
static const char *
cell(const struct reader *r, const struct csv_record *rec, enum col c)
{
	int	i = r->col[c];

	if (i < 0 || (size_t)i >= rec->n)
		return "";
	return cols[c].guard ? csvmap_unguard(rec->field[i]) : rec->field[i];
}

static int
blank(const char *s)
{
	return s[strspn(s, " \t")] == '\0';
}

/* The header: every column must be one of cols[], and Title is needed. */
static enum kith_status
start(struct reader *r, const struct csv_record *rec)
{
	struct import		*im = r->im;
	struct sbuf		 names = { 0 };
	enum kith_status	 st;
	size_t			 i, c;

	if (rec->problem != NULL)
		return kith_err_set(im->err, KITH_INVALID, "%s:%ld: the header "
		    "cannot be read (%s)", im->path, rec->line, rec->problem);
	for (c = 0; c < C_COUNT; c++)
		r->col[c] = -1;
	for (i = 0; i < rec->n; i++) {
		const char *name = rec->field[i] + strspn(rec->field[i], " \t");
		size_t len = strlen(name);

		while (len > 0 && (name[len - 1] == ' ' ||
		    name[len - 1] == '\t'))
			len--;
		for (c = 0; c < C_COUNT; c++)
			if (strlen(cols[c].name) == len &&
			    strncasecmp(cols[c].name, name, len) == 0)
				break;
		if (c < C_COUNT && r->col[c] < 0) {
			r->col[c] = (int)i;
			continue;
		}
		for (c = 0; c < C_COUNT; c++)
			sbuf_printf(&names, "%s%s", c ? ", " : "",
			    cols[c].name);
		st = kith_err_set(im->err, KITH_INVALID, "%s:%ld: column %zu "
		    "\"%s\" is %s: a deals file has the columns %s (in any "
		    "order, Title needed)", im->path, rec->line, i + 1,
		    rec->field[i], c < C_COUNT ? "there twice" :
		    "not a deals column", names.s);
		sbuf_free(&names);
		return st;
	}
	if (r->col[C_TITLE] < 0)
		return kith_err_set(im->err, KITH_INVALID, "%s:%ld: no Title "
		    "column: not a kith deals file (kith export --format deals "
		    "writes one)", im->path, rec->line);
	if ((st = batch_start(im)) != KITH_OK)
		return st;
	csv_import_hold(&im->header, rec);
	snprintf(im->rep->format, sizeof im->rep->format, "deals");
	r->started = 1;
	return KITH_OK;
}

static int
on_record(const struct csv_record *rec, void *arg)
{
	struct reader	*r = arg;
	struct import	*im = r->im;

	if (im->opts->progress != NULL && rec->number % 1024 == 0)
		im->opts->progress(im->opts->arg, rec->offset, im->info->size);
	if (r->started)
		return data_record(r, rec);
	if ((im->st = start(r, rec)) != KITH_OK)
		return 1;
	return 0;
}

static int
data_record(struct reader *r, const struct csv_record *rec)
{
	struct import		*im = r->im;
	struct deal_row		 row = { 0 };
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	size_t			 i;
	int			 stop;

	if (rec->problem != NULL) {
		im->rep->rows++;
		batch_reject(im, rec, rec->problem);
		return 0;
	}
	csv_import_check_cells(im, rec);
	for (i = im->header.n; i < rec->n && blank(rec->field[i]); i++)
		;
	if (i < rec->n) {
		im->rep->rows++;
		batch_reject(im, rec, "a cell past the last column: more cells "
		    "than the header names (a comma in an unquoted cell?)");
		return 0;
	}
	for (i = 0; i < rec->n && blank(rec->field[i]); i++)
		;
	if (i == rec->n) {
		im->rep->skipped++;
		batch_say(im, IMPORT_NOTICE, rec->line, "skipped: empty record");
		return 0;
	}
	im->rep->rows++;
	st = read_row(r, rec, &row, &err);
	if (st == KITH_INVALID || st == KITH_NOTFOUND) {
		batch_reject(im, rec, err.msg);
		deal_row_clear(&row);
		return 0;
	}
	if (st != KITH_OK) {
		im->st = st;
		*im->err = err;
		deal_row_clear(&row);
		return 1;
	}
	stop = batch_add_deal(im, rec, &row);
	deal_row_clear(&row);
	return stop;
}

/* Puts the column's name before the message in err. */
static void
named(struct kith_err *err, enum kith_status st, const char *column)
{
	char	msg[sizeof err->msg];

	snprintf(msg, sizeof msg, "%s", err->msg);
	kith_err_set(err, st, "%s: %s", column, msg);
}

static enum kith_status
read_moment(const char *s, enum col c, int64_t *out, struct kith_err *err)
{
	time_t	t;

	*out = 0;
	if (blank(s))
		return KITH_OK;
	if ((t = time_parse(s)) == -1)
		return kith_err_set(err, KITH_INVALID, "%s: '%s' is not a "
		    "moment YYYY-MM-DD HH:MM:SS", cols[c].name, s);
	*out = (int64_t)t;
	return KITH_OK;
}

/* Record rec as a deal_row; KITH_INVALID naming the column if it is bad. */
static enum kith_status
read_row(struct reader *r, const struct csv_record *rec,
    struct deal_row *row, struct kith_err *err)
{
	static const enum col text[] = { C_TITLE, C_REF, C_ORG, C_PRACTICE,
	    C_NEXT, C_NOTES, C_REASON };
	struct import		*im = r->im;
	struct deal		*d;
	struct stage		 s = { 0 };
	enum kith_status	 st;
	const char		*v;
	char			**field, cur[4], *fee = NULL;
	size_t			 i;

	d = row->deal = deal_new();
	for (i = 0; i < sizeof text / sizeof text[0]; i++) {
		switch (text[i]) {
		case C_TITLE: field = &d->title; break;
		case C_REF: field = &d->ref; break;
		case C_ORG: field = &d->org; break;
		case C_PRACTICE: field = &d->practice; break;
		case C_NEXT: field = &d->next_step; break;
		case C_NOTES: field = &d->notes; break;
		default: field = &d->reason; break;
		}
		v = cell(r, rec, text[i]);
		if (!blank(v))
			*field = xstrdup(v);
	}
	if (d->title == NULL)
		return kith_err_set(err, KITH_INVALID, "Title: empty; a %s "
		    "needs a title", deal_word(im->db));
	if (!blank(v = cell(r, rec, C_FEE))) {
		fee = xstrdup(v + strspn(v, " \t"));
		for (i = strlen(fee); i > 0 && (fee[i - 1] == ' ' ||
		    fee[i - 1] == '\t'); i--)
			fee[i - 1] = '\0';
		for (i = 0; fee[i] != '\0'; i++)
			if (fee[i] >= 'A' && fee[i] <= 'Z')
				fee[i] = (char)(fee[i] - 'A' + 'a');
		if (!deal_fee_valid(fee)) {
			st = kith_err_set(err, KITH_INVALID, "Fee: '%s' is not "
			    "a fee arrangement (hourly, fixed, contingency, "
			    "retainer, other)", v);
			free(fee);
			return st;
		}
		d->fee = fee;
	}
	if (!blank(v = cell(r, rec, C_CURRENCY))) {
		if ((st = money_currency(v + strspn(v, " \t"), cur, err))
		    != KITH_OK) {
			named(err, st, "Currency");
			return st;
		}
		memcpy(d->currency, cur, sizeof cur);
	}
	if (!blank(v = cell(r, rec, C_VALUE))) {
		if (d->currency[0] == '\0')
			money_default_currency(im->db, d->currency);
		if ((st = money_parse(v, d->currency, &d->value, err))
		    != KITH_OK) {
			named(err, st, "Value");
			return st;
		}
		d->has_value = 1;
	}
	if (!blank(v = cell(r, rec, C_CLOSE))) {
		d->expected_close = xstrdup(v + strspn(v, " \t"));
		for (i = strlen(d->expected_close); i > 0 &&
		    strchr(" \t", d->expected_close[i - 1]) != NULL; i--)
			d->expected_close[i - 1] = '\0';
		if (!date_valid(d->expected_close))
			return kith_err_set(err, KITH_INVALID, "Expected close: "
			    "'%s' is not a date YYYY-MM-DD", v);
	}
	if ((st = read_moment(cell(r, rec, C_OPENED), C_OPENED, &row->opened,
	    err)) != KITH_OK ||
	    (st = read_moment(cell(r, rec, C_CLOSED), C_CLOSED, &row->closed,
	    err)) != KITH_OK ||
	    (st = read_moment(cell(r, rec, C_TOUCHED), C_TOUCHED,
	    &row->touched, err)) != KITH_OK)
		return st;
	if ((st = read_history(r, cell(r, rec, C_HISTORY), row, err))
	    != KITH_OK)
		return st;
	v = cell(r, rec, C_STAGE);
	if (!blank(v)) {
		if ((st = stage_find(im->db, v, &s, err)) != KITH_OK) {
			named(err, st, "Stage");
			return st;
		}
	} else if (row->n_steps > 0)
		st = stage_get(im->db, row->steps[row->n_steps - 1].stage_id,
		    &s, err);
	else
		st = stage_first(im->db, KITH_STAGE_open, &s, err);
	if (st != KITH_OK)
		return st;
	if (row->n_steps > 0 && row->steps[row->n_steps - 1].stage_id !=
	    s.id) {
		st = kith_err_set(err, KITH_INVALID, "Stage: %s is not the "
		    "last stage of the History", s.name);
		stage_clear(&s);
		return st;
	}
	if (row->n_steps == 0) {
		row->steps = xcalloc(1, sizeof *row->steps);
		row->steps[0].stage_id = s.id;
		row->steps[0].at = row->opened ? row->opened :
		    (int64_t)kith_db_now(im->db);
		row->n_steps = 1;
	}
	if (row->closed != 0 && s.kind == KITH_STAGE_open) {
		batch_say(im, IMPORT_WARNING, rec->line, "Closed: %s is in "
		    "%s, an open stage, so it has no closed date; ignored",
		    d->title, s.name);
		row->closed = 0;
	}
	stage_clear(&s);
	if ((st = read_people(r, rec->line, cell(r, rec, C_PEOPLE), d, err))
	    != KITH_OK ||
	    (st = read_one(r, rec, C_ORIGINATOR, &d->originator_id, err))
	    != KITH_OK)
		return st;
	return read_one(r, rec, C_RESPONSIBLE, &d->responsible_id, err);
}

/* "YYYY-MM-DD[ HH:MM[:SS]] Stage; ..." into row->steps, oldest first. */
static enum kith_status
read_history(struct reader *r, const char *s, struct deal_row *row,
    struct kith_err *err)
{
	struct sbuf		 item = { 0 };
	struct stage		 stage = { 0 };
	struct deal_step	 step;
	enum kith_status	 st = KITH_OK;
	const char		*p = s, *name;
	char			 when[MOMENT_LEN];
	size_t			 n, i;
	time_t			 t;

	while (*p != '\0') {
		sbuf_reset(&item);
		p = scan(p, ";", &item);
		if (*p == ';')
			p++;
		trim_end(&item);
		if (item.len == 0)
			continue;
		name = item.s + strspn(item.s, " \t");
		n = strlen(name);
		/* The moment: a date, and a time if one follows. */
		if (n > 19 && name[10] == ' ' && name[13] == ':' &&
		    name[16] == ':' && name[19] == ' ')
			n = 19;
		else if (n > 16 && name[10] == ' ' && name[13] == ':' &&
		    name[16] == ' ')
			n = 16;
		else if (n > 10 && name[10] == ' ')
			n = 10;
		else
			n = 0;
		memcpy(when, name, n);
		when[n] = '\0';
		if (n == 0 || (t = time_parse(when)) == -1) {
			st = kith_err_set(err, KITH_INVALID, "History: '%s' is "
			    "not \"YYYY-MM-DD HH:MM:SS Stage\"", name);
			goto out;
		}
		if ((st = stage_find(r->im->db, name + n + 1, &stage, err))
		    != KITH_OK) {
			named(err, st, "History");
			goto out;
		}
		step.stage_id = stage.id;
		step.at = (int64_t)t;
		stage_clear(&stage);
		/* Oldest first; steps at the same moment keep their order. */
		row->steps = xreallocarray(row->steps, row->n_steps + 1,
		    sizeof *row->steps);
		for (i = row->n_steps; i > 0 && row->steps[i - 1].at > step.at;
		    i--)
			row->steps[i] = row->steps[i - 1];
		row->steps[i] = step;
		row->n_steps++;
	}
out:
	sbuf_free(&item);
	return st;
}

/*
 * The contact p names: by its e-mail, else (or if no contact has it) by
 * its name, as contact_resolve finds them.  *id 0 with a warning when
 * none or several match.
 */
static enum kith_status
find_person(struct reader *r, long line, enum col c, const struct person *p,
    int64_t *id, struct kith_err *err)
{
	struct import		*im = r->im;
	struct kith_err		 e = { 0 };
	enum kith_status	 st = KITH_NOTFOUND;
	char			*who;

	*id = 0;
	if (p->email != NULL)
		st = contact_resolve(im->db, p->email, id, NULL, NULL, 0, &e);
	if (st == KITH_NOTFOUND && p->name != NULL)
		st = contact_resolve(im->db, p->name, id, NULL, NULL, 0, &e);
	if (st == KITH_OK || st == KITH_NOTFOUND || st == KITH_AMBIGUOUS ||
	    st == KITH_INVALID) {
		if (st != KITH_OK) {
			*id = 0;
			who = person_say(p);
			batch_say(im, IMPORT_WARNING, line, "%s: '%s' %s; %s",
			    cols[c].name, who, st == KITH_AMBIGUOUS ?
			    "names several contacts" : "is no contact",
			    im->opts->dry_run ? "would be left out" :
			    "left out");
			free(who);
		}
		return KITH_OK;
	}
	*err = e;
	return st;
}

static enum kith_status
read_people(struct reader *r, long line, const char *s, struct deal *d,
    struct kith_err *err)
{
	struct person		*p = NULL;
	enum kith_status	 st = KITH_OK;
	char			*why, *canon;
	int64_t			 id;
	size_t			 n = 0, i;

	if (!parse_people(s, &p, &n, &why)) {
		st = kith_err_set(err, KITH_INVALID, "People: %s", why);
		free(why);
		return st;
	}
	for (i = 0; i < n; i++) {
		canon = NULL;
		if (p[i].role != NULL && (st = deal_role_check(r->im->db,
		    p[i].role, &canon, err)) != KITH_OK) {
			named(err, st, "People");
			goto out;
		}
		if ((st = find_person(r, line, C_PEOPLE, &p[i], &id, err))
		    != KITH_OK) {
			free(canon);
			goto out;
		}
		if (id != 0)
			deal_add_person(d, id, canon);
		free(canon);
	}
out:
	people_free(p, n);
	return st;
}

/* The one person of column c (Originator, Responsible) into *id. */
static enum kith_status
read_one(struct reader *r, const struct csv_record *rec, enum col c,
    int64_t *id, struct kith_err *err)
{
	struct person		*p = NULL;
	enum kith_status	 st;
	char			*why;
	size_t			 n = 0;

	*id = 0;
	if (!parse_people(cell(r, rec, c), &p, &n, &why)) {
		st = kith_err_set(err, KITH_INVALID, "%s: %s", cols[c].name,
		    why);
		free(why);
		return st;
	}
	if (n > 1 || (n == 1 && p[0].role != NULL))
		st = kith_err_set(err, KITH_INVALID, "%s: '%s' is not one "
		    "person written Name <e-mail>", cols[c].name,
		    cell(r, rec, c));
	else if (n == 1)
		st = find_person(r, rec->line, c, &p[0], id, err);
	else
		st = KITH_OK;
	people_free(p, n);
	return st;
}

/*
 * A file that begins (after a BOM) with the header export_deals writes.
 * Only a regular file is looked at: reading a pipe would take its bytes
 * from the reader.
 */
int
deal_csv_sniff(const char *path)
{
	static const char	 head[] = "Title,Reference,Stage,Value,Currency,";
	char			 buf[sizeof head + 3];
	const char		*p = buf;
	struct stat		 sb;
	size_t			 n;
	FILE			*fp;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (fp = fopen(path, "rb")) == NULL)
		return 0;	/* the CSV reader says why */
	n = fread(buf, 1, sizeof buf - 1, fp);
	fclose(fp);
	buf[n] = '\0';
	if (n >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		p += 3;
	return strncmp(p, head, sizeof head - 1) == 0;
}

/*
 * The deals reader of the format table: the header first (no preamble:
 * a deals file is kith's own), then one deal a record.
 */
enum kith_status
deal_csv_read(struct import *im)
{
	struct csv_read_opts	 ro = { 0 };
	struct csv_info		 info = { { 0 }, 0, 0 };
	struct reader		 r;
	enum kith_status	 st;

	memset(&r, 0, sizeof r);
	r.im = im;
	ro.legacy = im->opts->legacy;
	im->info = &info;
	st = csv_read(im->path, &ro, &info, on_record, &r, im->err);
	im->size = info.size;
	snprintf(im->rep->encoding, sizeof im->rep->encoding, "%s",
	    info.encoding);
	if (st == KITH_OK && im->st != KITH_OK)
		st = im->st;
	csv_import_held_free(&im->header);
	im->info = NULL;
	return st;
}
