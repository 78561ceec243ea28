/* SPDX-License-Identifier: MIT */
/*
 * The lists that hang off a contact -- e-mails, phones, addresses, URLs,
 * custom fields, tags, dated events, instant-messaging handles and the
 * vCard properties kith keeps verbatim -- built, compared, cleaned,
 * written and read as one.  contact.c writes the contact's own row and
 * calls these inside its transaction.  A new kind of list is a struct in
 * contact.h and one block in each function here.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/phone.h"
#include "kith/util.h"
#include "contact_impl.h"
#include "internal.h"

static enum kith_status	clean_field(struct kith_db *, const char *, unsigned,
			    char **, struct kith_err *);
static enum kith_status	clean_lists(struct kith_db *, struct contact *,
			    struct kith_err *);
static enum kith_status	clean_new(struct kith_db *, struct contact *,
			    struct kith_err *);
static enum kith_status	write_new(struct kith_db *, const struct contact *,
			    unsigned, struct kith_err *);
static enum kith_status	read_new(struct kith_db *, struct contact *,
			    struct kith_err *);

void
contact_grow(void **arr, size_t n, size_t size)
{
	/* Grow in powers of two: n is the element about to be written. */
	if ((n & (n - 1)) == 0)
		*arr = xreallocarray(*arr, n == 0 ? 1 : n * 2, size);
}

void
contact_parts_free(struct contact *c)
{
	size_t	i;

	for (i = 0; i < c->n_emails; i++) {
		free(c->emails[i].addr);
		free(c->emails[i].label);
	}
	free(c->emails);
	for (i = 0; i < c->n_phones; i++) {
		free(c->phones[i].raw);
		free(c->phones[i].label);
	}
	free(c->phones);
	for (i = 0; i < c->n_addrs; i++) {
		free(c->addrs[i].label);
		free(c->addrs[i].street);
		free(c->addrs[i].city);
		free(c->addrs[i].region);
		free(c->addrs[i].postcode);
		free(c->addrs[i].country);
	}
	free(c->addrs);
	for (i = 0; i < c->n_urls; i++) {
		free(c->urls[i].key);
		free(c->urls[i].value);
	}
	free(c->urls);
	for (i = 0; i < c->n_custom; i++) {
		free(c->custom[i].key);
		free(c->custom[i].value);
	}
	free(c->custom);
	for (i = 0; i < c->n_tags; i++)
		free(c->tags[i]);
	free(c->tags);
	for (i = 0; i < c->n_dates; i++) {
		free(c->dates[i].label);
		free(c->dates[i].date);
	}
	free(c->dates);
	for (i = 0; i < c->n_ims; i++) {
		free(c->ims[i].service);
		free(c->ims[i].handle);
		free(c->ims[i].label);
	}
	free(c->ims);
	for (i = 0; i < c->n_vprops; i++)
		free(c->vprops[i]);
	free(c->vprops);
}

void
contact_add_email(struct contact *c, const char *addr, const char *label)
{
	contact_grow((void **)&c->emails, c->n_emails, sizeof *c->emails);
	c->emails[c->n_emails].addr = xstrdup(addr);
	c->emails[c->n_emails].label = str_empty(label) ? NULL : xstrdup(label);
	c->n_emails++;
}

void
contact_add_phone(struct contact *c, const char *raw, const char *label)
{
	contact_grow((void **)&c->phones, c->n_phones, sizeof *c->phones);
	c->phones[c->n_phones].raw = xstrdup(raw);
	c->phones[c->n_phones].label = str_empty(label) ? NULL : xstrdup(label);
	c->n_phones++;
}

void
contact_add_address(struct contact *c, const struct contact_address *a)
{
	struct contact_address	*d;

	contact_grow((void **)&c->addrs, c->n_addrs, sizeof *c->addrs);
	d = &c->addrs[c->n_addrs++];
	d->label = str_empty(a->label) ? NULL : xstrdup(a->label);
	d->street = str_empty(a->street) ? NULL : xstrdup(a->street);
	d->city = str_empty(a->city) ? NULL : xstrdup(a->city);
	d->region = str_empty(a->region) ? NULL : xstrdup(a->region);
	d->postcode = str_empty(a->postcode) ? NULL : xstrdup(a->postcode);
	d->country = str_empty(a->country) ? NULL : xstrdup(a->country);
}

void
contact_add_url(struct contact *c, const char *url, const char *label)
{
	contact_grow((void **)&c->urls, c->n_urls, sizeof *c->urls);
	c->urls[c->n_urls].key = str_empty(label) ? NULL : xstrdup(label);
	c->urls[c->n_urls].value = xstrdup(url);
	c->n_urls++;
}

void
contact_add_custom(struct contact *c, const char *key, const char *value)
{
	contact_grow((void **)&c->custom, c->n_custom, sizeof *c->custom);
	c->custom[c->n_custom].key = xstrdup(key);
	c->custom[c->n_custom].value = xstrdup(value ? value : "");
	c->n_custom++;
}

void
contact_add_tag(struct contact *c, const char *tag)
{
	size_t	i;

	for (i = 0; i < c->n_tags; i++)
		if (strcasecmp(c->tags[i], tag) == 0)
			return;		/* a tag is on a contact once */
	contact_grow((void **)&c->tags, c->n_tags, sizeof *c->tags);
	c->tags[c->n_tags++] = xstrdup(tag);
}


void
contact_add_date(struct contact *c, const char *label, const char *date)
{
	contact_grow((void **)&c->dates, c->n_dates, sizeof *c->dates);
	c->dates[c->n_dates].label = str_empty(label) ? NULL : xstrdup(label);
	c->dates[c->n_dates].date = xstrdup(date ? date : "");
	c->n_dates++;
}

void
contact_add_im(struct contact *c, const char *service, const char *handle,
    const char *label)
{
	struct contact_im	*m;

	contact_grow((void **)&c->ims, c->n_ims, sizeof *c->ims);
	m = &c->ims[c->n_ims++];
	m->service = str_empty(service) ? NULL : xstrdup(service);
	m->handle = xstrdup(handle ? handle : "");
	m->label = str_empty(label) ? NULL : xstrdup(label);
}

void
contact_add_vprop(struct contact *c, const char *line)
{
	contact_grow((void **)&c->vprops, c->n_vprops, sizeof *c->vprops);
	c->vprops[c->n_vprops++] = xstrdup(line);
}

int
contact_same_text(const char *a, const char *b)
{
	if (a == NULL || *a == '\0')
		return b == NULL || *b == '\0';
	return b != NULL && strcmp(a, b) == 0;
}

const char *
contact_parts_diff(const struct contact *a, const struct contact *b,
    unsigned *same)
{
	const char	*first = NULL;
	size_t		 i;
	int		 eq;

	*same = KEEP_ALL;
	eq = a->n_emails == b->n_emails;
	for (i = 0; eq && i < a->n_emails; i++)
		eq = contact_same_text(a->emails[i].addr, b->emails[i].addr) &&
		    contact_same_text(a->emails[i].label, b->emails[i].label);
	if (!eq) {
		*same &= ~KEEP_EMAILS;
		first = first ? first : "e-mails";
	}
	eq = a->n_phones == b->n_phones;
	for (i = 0; eq && i < a->n_phones; i++)
		eq = contact_same_text(a->phones[i].raw, b->phones[i].raw) &&
		    contact_same_text(a->phones[i].label, b->phones[i].label);
	if (!eq) {
		*same &= ~KEEP_PHONES;
		first = first ? first : "phones";
	}
	eq = a->n_addrs == b->n_addrs;
	for (i = 0; eq && i < a->n_addrs; i++)
		eq = contact_same_text(a->addrs[i].label, b->addrs[i].label) &&
		    contact_same_text(a->addrs[i].street, b->addrs[i].street) &&
		    contact_same_text(a->addrs[i].city, b->addrs[i].city) &&
		    contact_same_text(a->addrs[i].region, b->addrs[i].region) &&
		    contact_same_text(a->addrs[i].postcode, b->addrs[i].postcode) &&
		    contact_same_text(a->addrs[i].country, b->addrs[i].country);
	if (!eq) {
		*same &= ~KEEP_ADDRS;
		first = first ? first : "addresses";
	}
	eq = a->n_urls == b->n_urls;
	for (i = 0; eq && i < a->n_urls; i++)
		eq = contact_same_text(a->urls[i].key, b->urls[i].key) &&
		    contact_same_text(a->urls[i].value, b->urls[i].value);
	if (!eq) {
		*same &= ~KEEP_URLS;
		first = first ? first : "web addresses";
	}
	eq = a->n_custom == b->n_custom;
	for (i = 0; eq && i < a->n_custom; i++)
		eq = contact_same_text(a->custom[i].key, b->custom[i].key) &&
		    contact_same_text(a->custom[i].value, b->custom[i].value);
	if (!eq) {
		*same &= ~KEEP_CUSTOM;
		first = first ? first : "other fields";
	}
	eq = a->n_tags == b->n_tags;
	for (i = 0; eq && i < a->n_tags; i++)
		eq = contact_same_text(a->tags[i], b->tags[i]);
	if (!eq) {
		*same &= ~KEEP_TAGS;
		first = first ? first : "tags";
	}
	eq = a->n_dates == b->n_dates;
	for (i = 0; eq && i < a->n_dates; i++)
		eq = contact_same_text(a->dates[i].label, b->dates[i].label) &&
		    contact_same_text(a->dates[i].date, b->dates[i].date);
	if (!eq) {
		*same &= ~KEEP_DATES;
		first = first ? first : "dates";
	}
	eq = a->n_ims == b->n_ims;
	for (i = 0; eq && i < a->n_ims; i++)
		eq = contact_same_text(a->ims[i].service, b->ims[i].service) &&
		    contact_same_text(a->ims[i].handle, b->ims[i].handle) &&
		    contact_same_text(a->ims[i].label, b->ims[i].label);
	if (!eq) {
		*same &= ~KEEP_IMS;
		first = first ? first : "messaging handles";
	}
	eq = a->n_vprops == b->n_vprops;
	for (i = 0; eq && i < a->n_vprops; i++)
		eq = contact_same_text(a->vprops[i], b->vprops[i]);
	if (!eq) {
		*same &= ~KEEP_VPROPS;
		first = first ? first : "other vCard properties";
	}
	return first;
}

/* Replaces *field by its db_clean() (how: DB_TRIM, DB_LINES). */
static enum kith_status
clean_field(struct kith_db *db, const char *name, unsigned how,
    char **field, struct kith_err *err)
{
	enum kith_status	 st;
	char			*clean;

	if ((st = db_clean(db, name, *field, how, &clean, err)) != KITH_OK)
		return st;
	free(*field);
	*field = clean;
	return KITH_OK;
}

enum kith_status
contact_date_check(const char *field, const char *s, struct kith_err *err)
{
	char	 buf[KITH_DATE_LEN];
	int	 ok;

	ok = 0;
	if (strlen(s) == 10 && s[0] != '-')
		ok = date_valid(s);
	else if (strlen(s) == 7 && s[0] == '-' && s[1] == '-') {
		/* Validate against a leap year so that --02-29 passes. */
		snprintf(buf, sizeof buf, "2000%s", s + 1);
		ok = date_valid(buf);
	}
	if (!ok)
		return kith_err_set(err, KITH_INVALID, "%s '%s': use "
		    "YYYY-MM-DD, or --MM-DD when the year is unknown", field,
		    s);
	return KITH_OK;
}

enum kith_status
contact_parts_clean(struct kith_db *db, struct contact *c,
    struct kith_err *err)
{
	enum kith_status	 st;

	if ((st = clean_lists(db, c, err)) != KITH_OK)
		return st;
	return clean_new(db, c, err);
}

/*
 * E-mails (checked to be addresses), phones (which must have a digit),
 * their labels, address parts, URLs, custom fields and tags.  A street
 * and a custom value may run over several lines.
 */
static enum kith_status
clean_lists(struct kith_db *db, struct contact *c, struct kith_err *err)
{
	enum kith_status	 st = KITH_OK;
	struct contact_address	*a;
	size_t			 i, n;

	for (i = 0; i < c->n_emails; i++) {
		if ((st = clean_field(db, "e-mail", DB_TRIM,
		    &c->emails[i].addr, err)) != KITH_OK)
			return st;
		if (c->emails[i].addr == NULL)
			return kith_err_set(err, KITH_INVALID,
			    "an e-mail address is empty");
		if (!contact_email_valid(c->emails[i].addr))
			return kith_err_set(err, KITH_INVALID, "e-mail '%s': "
			    "not an address of the form name@domain",
			    c->emails[i].addr);
	}
	for (i = 0; i < c->n_phones; i++) {
		if ((st = clean_field(db, "phone", DB_TRIM, &c->phones[i].raw,
		    err)) != KITH_OK)
			return st;
		if (c->phones[i].raw == NULL ||
		    strpbrk(c->phones[i].raw, "0123456789") == NULL)
			return kith_err_set(err, KITH_INVALID, "phone '%s': "
			    "has no digits", c->phones[i].raw ?
			    c->phones[i].raw : "");
	}

	for (i = 0; st == KITH_OK && i < c->n_emails; i++)
		st = clean_field(db, "e-mail label", DB_TRIM,
		    &c->emails[i].label, err);
	for (i = 0; st == KITH_OK && i < c->n_phones; i++)
		st = clean_field(db, "phone label", DB_TRIM,
		    &c->phones[i].label, err);
	for (i = 0; st == KITH_OK && i < c->n_addrs; i++) {
		a = &c->addrs[i];
		if ((st = clean_field(db, "address label", DB_TRIM, &a->label,
		    err)) != KITH_OK ||
		    (st = clean_field(db, "street", DB_TRIM | DB_LINES,
		    &a->street, err)) != KITH_OK ||
		    (st = clean_field(db, "city", DB_TRIM, &a->city, err))
		    != KITH_OK ||
		    (st = clean_field(db, "region", DB_TRIM, &a->region, err))
		    != KITH_OK ||
		    (st = clean_field(db, "postcode", DB_TRIM, &a->postcode,
		    err)) != KITH_OK)
			break;
		st = clean_field(db, "country", DB_TRIM, &a->country, err);
	}
	for (i = 0; st == KITH_OK && i < c->n_urls; i++) {
		if ((st = clean_field(db, "URL label", DB_TRIM, &c->urls[i].key,
		    err)) != KITH_OK ||
		    (st = clean_field(db, "URL", DB_TRIM, &c->urls[i].value,
		    err)) != KITH_OK)
			break;
		if (c->urls[i].value == NULL)
			st = kith_err_set(err, KITH_INVALID, "a URL is empty");
	}
	/* A custom field keeps an empty value and an empty name ("" both). */
	for (i = 0; st == KITH_OK && i < c->n_custom; i++) {
		if ((st = clean_field(db, "custom field name", DB_TRIM,
		    &c->custom[i].key, err)) != KITH_OK ||
		    (st = clean_field(db, "custom field", DB_TRIM | DB_LINES,
		    &c->custom[i].value, err)) != KITH_OK)
			break;
		if (c->custom[i].key == NULL)
			c->custom[i].key = xstrdup("");
		if (c->custom[i].value == NULL)
			c->custom[i].value = xstrdup("");
	}
	/* A tag that is nothing once cleaned is no tag. */
	for (i = 0, n = 0; i < c->n_tags; i++) {
		if (st == KITH_OK)
			st = clean_field(db, "tag", DB_TRIM, &c->tags[i], err);
		if (c->tags[i] != NULL)
			c->tags[n++] = c->tags[i];
	}
	c->n_tags = n;
	return st;
}

/*
 * Dated events (a label, "anniversary" when none is given, and a date
 * as a birthday is written), messaging handles (a handle is required;
 * the service may be unknown) and verbatim vCard lines.
 */
static enum kith_status
clean_new(struct kith_db *db, struct contact *c, struct kith_err *err)
{
	enum kith_status	 st = KITH_OK;
	struct contact_im	*m;
	size_t			 i;

	for (i = 0; st == KITH_OK && i < c->n_dates; i++) {
		if ((st = clean_field(db, "date label", DB_TRIM,
		    &c->dates[i].label, err)) != KITH_OK ||
		    (st = clean_field(db, "date", DB_TRIM, &c->dates[i].date,
		    err)) != KITH_OK)
			break;
		if (c->dates[i].label == NULL)
			c->dates[i].label = xstrdup("anniversary");
		if (c->dates[i].date == NULL)
			return kith_err_set(err, KITH_INVALID, "%s: the date "
			    "is empty", c->dates[i].label);
		st = contact_date_check(c->dates[i].label, c->dates[i].date,
		    err);
	}
	for (i = 0; st == KITH_OK && i < c->n_ims; i++) {
		m = &c->ims[i];
		if ((st = clean_field(db, "messaging service", DB_TRIM,
		    &m->service, err)) != KITH_OK ||
		    (st = clean_field(db, "messaging handle", DB_TRIM,
		    &m->handle, err)) != KITH_OK ||
		    (st = clean_field(db, "messaging label", DB_TRIM,
		    &m->label, err)) != KITH_OK)
			break;
		if (m->handle == NULL)
			return kith_err_set(err, KITH_INVALID, "a %s handle "
			    "is empty", m->service ? m->service :
			    "messaging");
	}
	for (i = 0; st == KITH_OK && i < c->n_vprops; i++) {
		if ((st = clean_field(db, "vCard property", DB_TRIM,
		    &c->vprops[i], err)) != KITH_OK)
			break;
		if (c->vprops[i] == NULL)
			c->vprops[i] = xstrdup("");
	}
	return st;
}


enum kith_status
contact_parts_write(struct kith_db *db, const struct contact *c, int insert,
    unsigned keep, struct kith_err *err)
{
	static const char *const clear[] = {
		"DELETE FROM email WHERE contact_id = ?1",
		"DELETE FROM phone WHERE contact_id = ?1",
		"DELETE FROM address WHERE contact_id = ?1",
		"DELETE FROM url WHERE contact_id = ?1",
		"DELETE FROM custom_field WHERE contact_id = ?1",
		"DELETE FROM contact_tag WHERE contact_id = ?1",
		"DELETE FROM contact_date WHERE contact_id = ?1",
		"DELETE FROM im WHERE contact_id = ?1",
		"DELETE FROM vcard_prop WHERE contact_id = ?1",
	};
	sqlite3_stmt		*stmt;
	size_t			 i;
	char			*s;
	int			 rc;

	if (!insert) {
		for (i = 0; i < sizeof clear / sizeof clear[0]; i++) {
			if (keep & 1u << i)
				continue;	/* unchanged: rows kept */
			if ((stmt = db_stmt(db, clear[i], err)) == NULL)
				return KITH_DB;
			sqlite3_bind_int64(stmt, 1, c->id);
			if (sqlite3_step(stmt) != SQLITE_DONE)
				return db_fail(db, err, "saving a contact");
		}
	}
	for (i = 0; !(keep & KEEP_EMAILS) && i < c->n_emails; i++) {
		if ((stmt = db_stmt(db, "INSERT INTO email (contact_id, pos, "
		    "addr, addr_norm, label) VALUES (?1, ?2, ?3, lower(?3), "
		    "?4)", err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, c->id);
		sqlite3_bind_int64(stmt, 2, (int64_t)i);
		db_bind_text(stmt, 3, c->emails[i].addr);
		db_bind_text(stmt, 4, c->emails[i].label);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "saving an e-mail");
	}
	for (i = 0; !(keep & KEEP_PHONES) && i < c->n_phones; i++) {
		/* Before db_stmt: db_region() may compile a statement. */
		s = phone_normalise(c->phones[i].raw, db_region(db));
		if ((stmt = db_stmt(db, "INSERT INTO phone (contact_id, pos, "
		    "raw, norm, label) VALUES (?1, ?2, ?3, ?4, ?5)", err))
		    == NULL) {
			free(s);
			return KITH_DB;
		}
		sqlite3_bind_int64(stmt, 1, c->id);
		sqlite3_bind_int64(stmt, 2, (int64_t)i);
		db_bind_text(stmt, 3, c->phones[i].raw);
		sqlite3_bind_text(stmt, 4, s, -1, SQLITE_TRANSIENT);
		db_bind_text(stmt, 5, c->phones[i].label);
		free(s);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "saving a phone number");
	}
	for (i = 0; !(keep & KEEP_ADDRS) && i < c->n_addrs; i++) {
		const struct contact_address *a = &c->addrs[i];

		if ((stmt = db_stmt(db, "INSERT INTO address (contact_id, pos, "
		    "label, street, city, region, postcode, country) VALUES "
		    "(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)", err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, c->id);
		sqlite3_bind_int64(stmt, 2, (int64_t)i);
		db_bind_text(stmt, 3, a->label);
		db_bind_text(stmt, 4, a->street);
		db_bind_text(stmt, 5, a->city);
		db_bind_text(stmt, 6, a->region);
		db_bind_text(stmt, 7, a->postcode);
		db_bind_text(stmt, 8, a->country);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "saving an address");
	}
	for (i = 0; !(keep & KEEP_URLS) && i < c->n_urls; i++) {
		if ((stmt = db_stmt(db, "INSERT INTO url (contact_id, pos, url, "
		    "label) VALUES (?1, ?2, ?3, ?4)", err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, c->id);
		sqlite3_bind_int64(stmt, 2, (int64_t)i);
		db_bind_text(stmt, 3, c->urls[i].value);
		db_bind_text(stmt, 4, c->urls[i].key);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "saving a URL");
	}
	for (i = 0; !(keep & KEEP_CUSTOM) && i < c->n_custom; i++) {
		if ((stmt = db_stmt(db, "INSERT INTO custom_field (contact_id, "
		    "pos, key, value) VALUES (?1, ?2, ?3, ?4)", err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, c->id);
		sqlite3_bind_int64(stmt, 2, (int64_t)i);
		sqlite3_bind_text(stmt, 3, c->custom[i].key, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 4, c->custom[i].value, -1,
		    SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "saving a custom field");
	}
	for (i = 0; !(keep & KEEP_TAGS) && i < c->n_tags; i++) {
		enum kith_status st;

		if ((st = db_clean_text(db, "tag", c->tags[i], &s, err))
		    != KITH_OK)
			return st;
		if (s == NULL)
			continue;
		if ((stmt = db_stmt(db, "INSERT INTO tag (name) VALUES (?1) "
		    "ON CONFLICT DO NOTHING", err)) == NULL) {
			free(s);
			return KITH_DB;
		}
		sqlite3_bind_text(stmt, 1, s, -1, SQLITE_TRANSIENT);
		rc = sqlite3_step(stmt);
		if (rc == SQLITE_DONE && (stmt = db_stmt(db, "INSERT OR IGNORE "
		    "INTO contact_tag (contact_id, tag_id) SELECT ?1, id FROM "
		    "tag WHERE name = ?2", err)) != NULL) {
			sqlite3_bind_int64(stmt, 1, c->id);
			sqlite3_bind_text(stmt, 2, s, -1, SQLITE_TRANSIENT);
			rc = sqlite3_step(stmt);
		}
		free(s);
		if (rc != SQLITE_DONE)
			return db_fail(db, err, "saving a tag");
	}
	return write_new(db, c, keep, err);
}

/* The dated events, messaging handles and vCard lines. */
static enum kith_status
write_new(struct kith_db *db, const struct contact *c, unsigned keep,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	size_t		 i;

	for (i = 0; !(keep & KEEP_DATES) && i < c->n_dates; i++) {
		if ((stmt = db_stmt(db, "INSERT INTO contact_date (contact_id, "
		    "pos, label, date) VALUES (?1, ?2, ?3, ?4)", err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, c->id);
		sqlite3_bind_int64(stmt, 2, (int64_t)i);
		db_bind_text(stmt, 3, c->dates[i].label);
		db_bind_text(stmt, 4, c->dates[i].date);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "saving a date");
	}
	for (i = 0; !(keep & KEEP_IMS) && i < c->n_ims; i++) {
		if ((stmt = db_stmt(db, "INSERT INTO im (contact_id, pos, "
		    "service, handle, label) VALUES (?1, ?2, ?3, ?4, ?5)", err))
		    == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, c->id);
		sqlite3_bind_int64(stmt, 2, (int64_t)i);
		db_bind_text(stmt, 3, c->ims[i].service);
		db_bind_text(stmt, 4, c->ims[i].handle);
		db_bind_text(stmt, 5, c->ims[i].label);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "saving a messaging handle");
	}
	for (i = 0; !(keep & KEEP_VPROPS) && i < c->n_vprops; i++) {
		if ((stmt = db_stmt(db, "INSERT INTO vcard_prop (contact_id, "
		    "pos, line) VALUES (?1, ?2, ?3)", err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, c->id);
		sqlite3_bind_int64(stmt, 2, (int64_t)i);
		sqlite3_bind_text(stmt, 3, c->vprops[i], -1, SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "saving a vCard property");
	}
	return KITH_OK;
}


enum kith_status
contact_parts_read(struct kith_db *db, struct contact *c,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT addr, label FROM email WHERE "
	    "contact_id = ?1 ORDER BY pos", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		contact_add_email(c, (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading e-mails");

	if ((stmt = db_stmt(db, "SELECT raw, label FROM phone WHERE "
	    "contact_id = ?1 ORDER BY pos", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		contact_add_phone(c, (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading phones");

	if ((stmt = db_stmt(db, "SELECT label, street, city, region, "
	    "postcode, country FROM address WHERE contact_id = ?1 ORDER BY pos",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		struct contact_address a = {
			(char *)sqlite3_column_text(stmt, 0),
			(char *)sqlite3_column_text(stmt, 1),
			(char *)sqlite3_column_text(stmt, 2),
			(char *)sqlite3_column_text(stmt, 3),
			(char *)sqlite3_column_text(stmt, 4),
			(char *)sqlite3_column_text(stmt, 5),
		};
		contact_add_address(c, &a);
	}
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading addresses");

	if ((stmt = db_stmt(db, "SELECT url, label FROM url WHERE "
	    "contact_id = ?1 ORDER BY pos", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		contact_add_url(c, (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading URLs");

	if ((stmt = db_stmt(db, "SELECT key, value FROM custom_field WHERE "
	    "contact_id = ?1 ORDER BY pos", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		contact_add_custom(c, (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading custom fields");

	if ((stmt = db_stmt(db, "SELECT t.name FROM contact_tag ct JOIN tag t "
	    "ON t.id = ct.tag_id WHERE ct.contact_id = ?1 ORDER BY t.name",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		contact_add_tag(c, (const char *)sqlite3_column_text(stmt, 0));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading tags");
	return read_new(db, c, err);
}

static enum kith_status
read_new(struct kith_db *db, struct contact *c, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT label, date FROM contact_date WHERE "
	    "contact_id = ?1 ORDER BY pos", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		contact_add_date(c, (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading dates");

	if ((stmt = db_stmt(db, "SELECT service, handle, label FROM im WHERE "
	    "contact_id = ?1 ORDER BY pos", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		contact_add_im(c, (const char *)sqlite3_column_text(stmt, 0),
		    (const char *)sqlite3_column_text(stmt, 1),
		    (const char *)sqlite3_column_text(stmt, 2));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading messaging handles");

	if ((stmt = db_stmt(db, "SELECT line FROM vcard_prop WHERE "
	    "contact_id = ?1 ORDER BY pos", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, c->id);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		contact_add_vprop(c, (const char *)sqlite3_column_text(stmt, 0));
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading vCard properties");
	return KITH_OK;
}
