/* SPDX-License-Identifier: MIT */
/*
 * The demo address book loader (format in demo.h).
 *
 * The file is read a line at a time with getline() and every record is
 * stored through the core as soon as it is parsed, inside one transaction
 * that is rolled back on the first error: a broken demo file leaves the
 * database as it was.  Names in link, log, follow and done records are
 * resolved through a map of the contacts this load has added (display name
 * as written in the file -> id), never through search, so two demo
 * contacts whose names fold alike cannot be confused.  The map is a plain
 * array searched linearly: a demo book holds dozens of contacts, not
 * thousands.
 *
 * Fields point into the line buffer, which the parsers cut in place; they
 * are valid until the next line is read.  Every message names the file and
 * line, compiler-style, so whoever edits demo.kith can find the mistake.
 */
#include <errno.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/money.h"
#include "kith/relation.h"
#include "kith/stage.h"
#include "kith/text.h"
#include "kith/util.h"
#include "demo.h"

#define DEMO_MAX_FIELDS	64	/* per line, the record type included */

struct demo_name {
	char		*name;		/* display name as written in the file */
	int64_t		 id;		/* the stored contact */
	long		 line;		/* where it was defined */
};

struct demo {
	struct kith_db		*db;
	struct kith_err		*err;		/* the caller's; may be NULL */
	const char		*file;		/* path's last component */
	long			 line;		/* 1-based, of the current line */
	struct demo_name	*names;
	size_t			 n_names;
	struct demo_name	*deals;		/* deal titles -> ids */
	size_t			 n_deals;
	time_t			 base;		/* the clock when the load began */
};

typedef enum kith_status (*record_fn)(struct demo *, char **, size_t);

static enum kith_status	fail(struct demo *, enum kith_status, const char *,
			    ...) __attribute__((format(printf, 3, 4)));
static enum kith_status	fail_core(struct demo *, enum kith_status,
			    const struct kith_err *);
static const struct demo_name *lookup(const struct demo *, const char *);
static enum kith_status	resolve(struct demo *, const char *, int64_t *);
static enum kith_status	relative_birthday(struct demo *, char *, char **);
static enum kith_status	relative_date(struct demo *, const char *,
			    char[KITH_DATE_LEN]);
static void		split_label(char *, char **, char **);
static size_t		split_fields(char *, char **, size_t);
static int		blank_or_comment(const char *);
static enum kith_status	do_line(struct demo *, char *, size_t);
static enum kith_status	do_contact(struct demo *, char **, size_t);
static enum kith_status	do_link(struct demo *, char **, size_t);
static enum kith_status	do_log(struct demo *, char **, size_t);
static enum kith_status	do_follow(struct demo *, char **, size_t);
static enum kith_status	do_done(struct demo *, char **, size_t);
static enum kith_status	add_followup(struct demo *, char **, int);
static enum kith_status	do_deal(struct demo *, char **, size_t);
static enum kith_status	do_move(struct demo *, char **, size_t);
static enum kith_status	at_day(struct demo *, const char *, time_t *);

static const struct {
	const char	*type;
	size_t		 min, max;	/* fields, the record type included */
	record_fn	 fn;
	const char	*form;		/* for messages */
} records[] = {
	{ "contact", 2, DEMO_MAX_FIELDS, do_contact,
	    "contact<TAB>NAME<TAB>KEY=VALUE..." },
	{ "link", 4, 5, do_link,
	    "link<TAB>NAME<TAB>KIND<TAB>NAME[<TAB>NOTE]" },
	{ "log", 5, 5, do_log,
	    "log<TAB>NAME[,NAME...]<TAB>KIND<TAB>WHEN<TAB>SUMMARY" },
	{ "follow", 4, 4, do_follow, "follow<TAB>NAME<TAB>WHEN<TAB>ACTION" },
	{ "done", 4, 4, do_done, "done<TAB>NAME<TAB>WHEN<TAB>ACTION" },
	{ "deal", 3, DEMO_MAX_FIELDS, do_deal,
	    "deal<TAB>TITLE<TAB>WHEN<TAB>KEY=VALUE..." },
	{ "move", 4, 5, do_move,
	    "move<TAB>TITLE<TAB>STAGE<TAB>WHEN[<TAB>REASON]" },
};

/* The single-valued text keys of a contact record. */
static const struct {
	const char	*key;
	size_t		 off;		/* of the char * in struct contact */
} text_keys[] = {
	{ "prefix",	offsetof(struct contact, prefix) },
	{ "given",	offsetof(struct contact, given) },
	{ "middle",	offsetof(struct contact, middle) },
	{ "family",	offsetof(struct contact, family) },
	{ "suffix",	offsetof(struct contact, suffix) },
	{ "nickname",	offsetof(struct contact, nickname) },
	{ "org",	offsetof(struct contact, org) },
	{ "title",	offsetof(struct contact, title) },
	{ "note",	offsetof(struct contact, notes) },
	{ "birthday",	offsetof(struct contact, birthday) },
};

/* Fills the caller's err with "FILE:LINE: message" and returns st. */
static enum kith_status
fail(struct demo *d, enum kith_status st, const char *fmt, ...)
{
	char	msg[sizeof d->err->msg];
	va_list	ap;

	if (d->err == NULL)
		return st;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	kith_err_set(d->err, st, "%s:%ld: %s", d->file, d->line, msg);
	d->err->line = d->line;
	d->err->column = 0;
	return st;
}

/* The same for an error a core function reported in e. */
static enum kith_status
fail_core(struct demo *d, enum kith_status st, const struct kith_err *e)
{
	return fail(d, st, "%s", e->msg[0] != '\0' ? e->msg :
	    kith_status_str(st));
}

/* The contact this load added as name, or NULL. */
static const struct demo_name *
lookup(const struct demo *d, const char *name)
{
	size_t	i;

	for (i = 0; i < d->n_names; i++)
		if (strcmp(d->names[i].name, name) == 0)
			return &d->names[i];
	return NULL;
}

static enum kith_status
resolve(struct demo *d, const char *name, int64_t *id)
{
	const struct demo_name	*dn;

	if ((dn = lookup(d, name)) != NULL) {
		*id = dn->id;
		return KITH_OK;
	}
	return fail(d, KITH_INVALID, "unknown contact '%s' (a contact must "
	    "be defined by a contact line before it is used)", name);
}

/* Resolves a relative date such as "-3d" against the database's clock. */
static enum kith_status
relative_date(struct demo *d, const char *s, char out[KITH_DATE_LEN])
{
	struct kith_err	e = { 0 };
	enum kith_status st;

	if ((st = date_parse(s, kith_db_now(d->db), out, &e)) != KITH_OK)
		return fail_core(d, st, &e);
	return KITH_OK;
}

/*
 * A birthday relative to today: "+3d" is that day without a year
 * ("--MM-DD"), "+3d/1979" that day in 1979 (without a year if 1979 has
 * no such day).  *out is set (caller frees).
 */
static enum kith_status
relative_birthday(struct demo *d, char *val, char **out)
{
	enum kith_status st;
	char		 day[KITH_DATE_LEN], *slash;
	int		 y = 0, m, dd;

	if (*out != NULL)
		return fail(d, KITH_INVALID, "key 'birthday' given twice");
	if ((slash = strchr(val, '/')) != NULL) {
		*slash = '\0';
		y = atoi(slash + 1);
	}
	if ((st = relative_date(d, val, day)) != KITH_OK)
		return st;
	m = atoi(day + 5);
	dd = atoi(day + 8);
	if (y < 1 || y > 9999 || !date_valid_ymd(y, m, dd))
		y = 0;
	date_format_ymd(day, y, m, dd);
	*out = xstrdup(day);
	return KITH_OK;
}

/*
 * Cuts "LABEL:VALUE" into its parts in place; *label is NULL if v has no
 * label.  A label is a word of letters, digits, '-', '_' or spaces, and
 * the value after it must not start with "//", so "https://x" is a URL,
 * not a label "https".
 */
static void
split_label(char *v, char **label, char **value)
{
	char	*p;

	*label = NULL;
	*value = v;
	for (p = v; *p != '\0' && *p != ':'; p++) {
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == ' '))
			return;
	}
	if (*p != ':' || p == v || strncmp(p + 1, "//", 2) == 0)
		return;
	*p = '\0';
	*label = v;
	*value = p + 1;
}

/*
 * Cuts line at its TABs into f (at most max fields) and returns the number
 * of fields, or max + 1 if there are more.
 */
static size_t
split_fields(char *line, char **f, size_t max)
{
	size_t	 n = 0;
	char	*tab;

	for (;;) {
		if (n == max)
			return max + 1;
		f[n++] = line;
		if ((tab = strchr(line, '\t')) == NULL)
			return n;
		*tab = '\0';
		line = tab + 1;
	}
}

static int
blank_or_comment(const char *s)
{
	s += strspn(s, " \t");
	return *s == '\0' || *s == '#';
}

/* Parses and stores one line of len bytes (its newline removed). */
static enum kith_status
do_line(struct demo *d, char *line, size_t len)
{
	char	*f[DEMO_MAX_FIELDS];
	size_t	 n, r, i, bad;

	if (!text_valid_utf8(line, len, &bad)) {
		fail(d, KITH_INVALID, "not UTF-8 (byte %zu); save the file "
		    "as UTF-8", bad + 1);
		if (d->err != NULL)
			d->err->column = (long)bad + 1;
		return KITH_INVALID;
	}
	if (memchr(line, '\0', len) != NULL)
		return fail(d, KITH_INVALID, "contains a NUL byte");
	if (blank_or_comment(line))
		return KITH_OK;

	n = split_fields(line, f, DEMO_MAX_FIELDS);
	if (n > DEMO_MAX_FIELDS)
		return fail(d, KITH_INVALID, "more than %d fields",
		    DEMO_MAX_FIELDS);
	for (r = 0; r < sizeof records / sizeof records[0]; r++) {
		if (strcmp(f[0], records[r].type) != 0)
			continue;
		if (n < records[r].min || n > records[r].max)
			return fail(d, KITH_INVALID, "%zu TAB-separated "
			    "fields; expected %s", n, records[r].form);
		for (i = 1; i < n; i++)
			if (f[i][strspn(f[i], " ")] == '\0')
				return fail(d, KITH_INVALID, "field %zu is "
				    "empty; expected %s", i + 1,
				    records[r].form);
		return records[r].fn(d, f, n);
	}
	return fail(d, KITH_INVALID, "unknown record '%s'; expected contact, "
	    "link, log, follow, done, deal or move, then TAB-separated "
	    "fields", f[0]);
}

static enum kith_status
do_contact(struct demo *d, char **f, size_t n)
{
	struct contact_address	 addr = { 0 };
	struct kith_err		 e = { 0 };
	const struct demo_name	*dn;
	struct contact		*c;
	enum kith_status	 st = KITH_OK;
	size_t			 i, k;
	char			*key, *val, *label, *eq, *end, **field;
	long			 days;
	time_t			 since = 0;

	if ((dn = lookup(d, f[1])) != NULL)
		return fail(d, KITH_INVALID, "contact '%s' is defined twice "
		    "(first on line %ld)", f[1], dn->line);
	c = contact_new();
	contact_set(&c->display, f[1]);
	contact_set(&c->source, "demo");
	for (i = 2; i < n; i++) {
		key = f[i];
		if ((eq = strchr(key, '=')) == NULL) {
			st = fail(d, KITH_INVALID, "field %zu '%s': expected "
			    "KEY=VALUE", i + 1, key);
			goto out;
		}
		*eq = '\0';
		val = eq + 1;
		if (*val == '\0') {
			st = fail(d, KITH_INVALID, "key '%s' has no value",
			    key);
			goto out;
		}
		for (k = 0; k < sizeof text_keys / sizeof text_keys[0]; k++)
			if (strcmp(key, text_keys[k].key) == 0)
				break;
		if (strcmp(key, "birthday") == 0 && (*val == '+' ||
		    *val == '-') && val[1] != '-') {
			/* "+3d" or "+3d/1979": a day relative to today. */
			if ((st = relative_birthday(d, val, &c->birthday))
			    != KITH_OK)
				goto out;
		} else if (strcmp(key, "since") == 0) {
			if ((st = at_day(d, val, &since)) != KITH_OK)
				goto out;
		} else if (k < sizeof text_keys / sizeof text_keys[0]) {
			field = (char **)(void *)((char *)c + text_keys[k].off);
			if (*field != NULL) {
				st = fail(d, KITH_INVALID, "key '%s' given "
				    "twice", key);
				goto out;
			}
			contact_set(field, val);
		} else if (strcmp(key, "email") == 0) {
			split_label(val, &label, &val);
			contact_add_email(c, val, label);
		} else if (strcmp(key, "phone") == 0) {
			split_label(val, &label, &val);
			contact_add_phone(c, val, label);
		} else if (strcmp(key, "url") == 0) {
			split_label(val, &label, &val);
			contact_add_url(c, val, label);
		} else if (strcmp(key, "tag") == 0)
			contact_add_tag(c, val);
		else if (strcmp(key, "city") == 0 ||
		    strcmp(key, "country") == 0) {
			field = strcmp(key, "city") == 0 ? &addr.city :
			    &addr.country;
			if (*field != NULL) {
				st = fail(d, KITH_INVALID, "key '%s' given "
				    "twice", key);
				goto out;
			}
			*field = val;		/* borrowed from the line */
		} else if (strcmp(key, "cadence") == 0) {
			errno = 0;
			days = strtol(val, &end, 10);
			if (errno != 0 || *end != '\0' || days < 1 ||
			    days > 36500) {
				st = fail(d, KITH_INVALID, "cadence '%s': "
				    "expected a number of days, 1 to 36500",
				    val);
				goto out;
			}
			c->cadence_days = (int)days;
		} else {
			st = fail(d, KITH_INVALID, "unknown key '%s'; known "
			    "keys: prefix, given, middle, family, suffix, "
			    "nickname, org, title, note, birthday, email, "
			    "phone, url, tag, city, country, cadence, since",
			    key);
			goto out;
		}
	}
	if (addr.city != NULL || addr.country != NULL)
		contact_add_address(c, &addr);

	/* since=WHEN: added then, so a cadence runs from then. */
	if (since != 0)
		kith_db_set_now(d->db, since);
	st = contact_insert(d->db, c, &e);
	kith_db_set_now(d->db, d->base);
	if (st != KITH_OK) {
		st = fail_core(d, st, &e);
		goto out;
	}
	d->names = xreallocarray(d->names, d->n_names + 1, sizeof *d->names);
	d->names[d->n_names].name = xstrdup(f[1]);
	d->names[d->n_names].id = c->id;
	d->names[d->n_names].line = d->line;
	d->n_names++;
out:
	contact_free(c);
	return st;
}

static enum kith_status
do_link(struct demo *d, char **f, size_t n)
{
	struct kith_err		e = { 0 };
	enum kith_status	st;
	int64_t			a = 0, b = 0;

	if ((st = resolve(d, f[1], &a)) != KITH_OK ||
	    (st = resolve(d, f[3], &b)) != KITH_OK)
		return st;
	if ((st = relation_link(d->db, a, b, f[2], n > 4 ? f[4] : NULL, NULL,
	    &e)) != KITH_OK)
		return fail_core(d, st, &e);
	return KITH_OK;
}

static enum kith_status
do_log(struct demo *d, char **f, size_t n)
{
	struct kith_err		 e = { 0 };
	enum kith_status	 st;
	char			 at[KITH_DATE_LEN];
	char			*name, *comma, *end;
	int64_t			*who = NULL;
	size_t			 n_who = 0;

	(void)n;
	if ((st = relative_date(d, f[3], at)) != KITH_OK)
		return st;
	for (name = f[1]; name != NULL; name = comma) {
		if ((comma = strchr(name, ',')) != NULL)
			*comma++ = '\0';
		name += strspn(name, " ");
		for (end = name + strlen(name); end > name && end[-1] == ' ';)
			*--end = '\0';
		who = xreallocarray(who, n_who + 1, sizeof *who);
		if ((st = resolve(d, name, &who[n_who])) != KITH_OK)
			goto out;
		n_who++;
	}
	if ((st = interaction_log(d->db, who, n_who, f[2], at, f[4], NULL,
	    NULL, &e)) != KITH_OK)
		st = fail_core(d, st, &e);
out:
	free(who);
	return st;
}

static enum kith_status
do_follow(struct demo *d, char **f, size_t n)
{
	(void)n;
	return add_followup(d, f, 0);
}

static enum kith_status
do_done(struct demo *d, char **f, size_t n)
{
	(void)n;
	return add_followup(d, f, 1);
}

/* follow and done: NAME, WHEN, ACTION; done ones are completed at once. */
static enum kith_status
add_followup(struct demo *d, char **f, int done)
{
	struct kith_err		e = { 0 };
	enum kith_status	st;
	char			due[KITH_DATE_LEN];
	int64_t			contact = 0, id;

	if ((st = resolve(d, f[1], &contact)) != KITH_OK ||
	    (st = relative_date(d, f[2], due)) != KITH_OK)
		return st;
	if ((st = followup_add(d->db, contact, f[3], due, &id, &e)) != KITH_OK)
		return fail_core(d, st, &e);
	if (done && (st = followup_done(d->db, id, &e)) != KITH_OK)
		return fail_core(d, st, &e);
	return KITH_OK;
}

/*
 * The moment of day WHEN for a deal record: 09:30 that day, or the load's
 * own moment if that is earlier (a deal opened "today" before 09:30).
 */
static enum kith_status
at_day(struct demo *d, const char *when, time_t *t)
{
	enum kith_status	st;
	char			day[KITH_DATE_LEN], *stamp;

	if ((st = relative_date(d, when, day)) != KITH_OK)
		return st;
	stamp = xasprintf("%s 09:30", day);
	*t = time_parse(stamp);
	free(stamp);
	if (*t == -1 || *t > d->base)
		*t = d->base;
	return KITH_OK;
}

/*
 * deal TITLE WHEN KEY=VALUE...: a deal opened on WHEN in the first open
 * stage; keys org, value, currency, fee, practice, ref, next, notes,
 * close (WHEN), originator and responsible (NAME), and person
 * (ROLE:NAME, repeatable).  The clock is set to WHEN for the add, so its
 * history and dates are as if it had been entered then.
 */
static enum kith_status
do_deal(struct demo *d, char **f, size_t n)
{
	struct kith_err		 e = { 0 };
	enum kith_status	 st;
	struct deal		*dl = deal_new();
	char			*key, *val, *eq, *role, *name, day[KITH_DATE_LEN];
	const char		*value = NULL;
	int64_t			 id = 0;
	size_t			 i;
	time_t			 at;

	dl->title = xstrdup(f[1]);
	if ((st = at_day(d, f[2], &at)) != KITH_OK)
		goto out;
	for (i = 3; i < n; i++) {
		key = f[i];
		if ((eq = strchr(key, '=')) == NULL) {
			st = fail(d, KITH_INVALID, "'%s' is not KEY=VALUE",
			    key);
			goto out;
		}
		*eq = '\0';
		val = eq + 1;
		if (strcmp(key, "org") == 0)
			contact_set(&dl->org, val);
		else if (strcmp(key, "value") == 0)
			value = val;
		else if (strcmp(key, "currency") == 0)
			snprintf(dl->currency, sizeof dl->currency, "%s", val);
		else if (strcmp(key, "fee") == 0)
			contact_set(&dl->fee, val);
		else if (strcmp(key, "practice") == 0)
			contact_set(&dl->practice, val);
		else if (strcmp(key, "ref") == 0)
			contact_set(&dl->ref, val);
		else if (strcmp(key, "next") == 0)
			contact_set(&dl->next_step, val);
		else if (strcmp(key, "notes") == 0)
			contact_set(&dl->notes, val);
		else if (strcmp(key, "close") == 0) {
			if ((st = relative_date(d, val, day)) != KITH_OK)
				goto out;
			contact_set(&dl->expected_close, day);
		} else if (strcmp(key, "originator") == 0) {
			if ((st = resolve(d, val, &dl->originator_id))
			    != KITH_OK)
				goto out;
		} else if (strcmp(key, "responsible") == 0) {
			if ((st = resolve(d, val, &dl->responsible_id))
			    != KITH_OK)
				goto out;
		} else if (strcmp(key, "person") == 0) {
			split_label(val, &role, &name);
			if ((st = resolve(d, name, &id)) != KITH_OK)
				goto out;
			deal_add_person(dl, id, role);
		} else {
			st = fail(d, KITH_INVALID, "unknown key '%s'; known "
			    "keys: org, value, currency, fee, practice, ref, "
			    "next, notes, close, originator, responsible, "
			    "person", key);
			goto out;
		}
	}
	if (value != NULL) {
		if (dl->currency[0] == '\0')
			money_default_currency(d->db, dl->currency);
		if ((st = money_parse(value, dl->currency, &dl->value, &e))
		    != KITH_OK) {
			st = fail_core(d, st, &e);
			goto out;
		}
		dl->has_value = 1;
	}
	kith_db_set_now(d->db, at);
	st = deal_add(d->db, dl, &e);
	kith_db_set_now(d->db, d->base);
	if (st != KITH_OK) {
		st = fail_core(d, st, &e);
		goto out;
	}
	d->deals = xreallocarray(d->deals, d->n_deals + 1, sizeof *d->deals);
	d->deals[d->n_deals].name = xstrdup(f[1]);
	d->deals[d->n_deals].id = dl->id;
	d->deals[d->n_deals].line = d->line;
	d->n_deals++;
out:
	deal_free(dl);
	return st;
}

/*
 * move TITLE STAGE WHEN [REASON]: the deal entered STAGE on WHEN; with a
 * REASON the stage must be won or lost and the reason is recorded.
 */
static enum kith_status
do_move(struct demo *d, char **f, size_t n)
{
	struct kith_err		 e = { 0 };
	enum kith_status	 st;
	struct stage		 s = { 0 };
	int64_t			 id = 0;
	size_t			 i;
	time_t			 at;

	for (i = 0; i < d->n_deals && id == 0; i++)
		if (strcmp(d->deals[i].name, f[1]) == 0)
			id = d->deals[i].id;
	if (id == 0)
		return fail(d, KITH_INVALID, "no deal '%s' above; define it "
		    "with a deal line first", f[1]);
	if ((st = at_day(d, f[3], &at)) != KITH_OK)
		return st;
	if ((st = stage_find(d->db, f[2], &s, &e)) != KITH_OK)
		return fail_core(d, st, &e);
	kith_db_set_now(d->db, at);
	if (n > 4)
		st = deal_close(d->db, id, s.kind, f[4], &e);
	else
		st = deal_move(d->db, id, s.id, &e);
	kith_db_set_now(d->db, d->base);
	stage_clear(&s);
	if (st != KITH_OK)
		return fail_core(d, st, &e);
	return KITH_OK;
}

enum kith_status
demo_load(struct kith_db *db, const char *path, struct kith_err *err)
{
	struct demo		 d = { 0 };
	enum kith_status	 st;
	FILE			*fp;
	const char		*slash;
	char			*line = NULL;
	size_t			 cap = 0, len, i;
	ssize_t			 got;
	int			 began = 0;
	time_t			 pinned;

	kith_err_clear(err);
	d.db = db;
	d.base = kith_db_now(db);
	pinned = kith_db_pinned(db);
	d.err = err;
	d.file = (slash = strrchr(path, '/')) != NULL ? slash + 1 : path;
	if ((fp = fopen(path, "r")) == NULL)
		return kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
	if ((st = kith_db_begin(db, err)) != KITH_OK)
		goto out;
	began = 1;
	while ((got = getline(&line, &cap, fp)) != -1) {
		d.line++;
		len = (size_t)got;
		if (len > 0 && line[len - 1] == '\n')
			line[--len] = '\0';
		if (len > 0 && line[len - 1] == '\r')
			line[--len] = '\0';
		/* A byte order mark some editors write. */
		if (d.line == 1 && strncmp(line, "\xef\xbb\xbf", 3) == 0) {
			memmove(line, line + 3, len - 2);
			len -= 3;
		}
		if ((st = do_line(&d, line, len)) != KITH_OK)
			goto out;
	}
	if (ferror(fp)) {
		st = kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
		goto out;
	}
	st = kith_db_commit(db, err);
	began = 0;
out:
	if (began)
		kith_db_rollback(db);
	/* The deal records set the clock back: unpin it as it was. */
	kith_db_set_now(db, pinned);
	for (i = 0; i < d.n_names; i++)
		free(d.names[i].name);
	free(d.names);
	for (i = 0; i < d.n_deals; i++)
		free(d.deals[i].name);
	free(d.deals);
	free(line);
	fclose(fp);
	return st;
}
