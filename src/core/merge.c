/* SPDX-License-Identifier: MIT */
/*
 * Merging two contacts into one (contact_merge, dupes.h).
 *
 * The rows of other are moved to keep, table by table, from one list
 * (repoints below): a table added later that points at a contact is one
 * more line there.  A row keep has already (the same e-mail, phone, URL
 * or alias) is dropped instead of doubled; a row whose move would break a
 * key (a tag both have, a deal both are on) stays and goes with other.
 * Position columns continue after keep's.  The fields the user chose
 * from other (takes) replace keep's before other's are merged in; keep's
 * replaced values are kept as custom fields.  All in one transaction: the
 * journal records it as one action, so kith undo gives both back.
 */
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/contact.h"
#include "kith/db.h"
#include "kith/dedup.h"
#include "kith/dupes.h"
#include "kith/search.h"
#include "kith/text.h"
#include "kith/util.h"
#include "internal.h"
#include "touch.h"

/* A column that points at a contact, and how its rows move. */
static const struct repoint {
	const char	*table;
	const char	*col;
	const char	*same;		/* a column whose equal value keep
					   has already drops the row, or NULL */
	int		 pos;		/* has a pos column to continue */
} repoints[] = {
	{ "email",		"contact_id",	"addr_norm",	1 },
	{ "phone",		"contact_id",	"norm",		1 },
	{ "address",		"contact_id",	NULL,		1 },
	{ "url",		"contact_id",	"url",		1 },
	{ "custom_field",	"contact_id",	NULL,		1 },
	{ "contact_date",	"contact_id",	NULL,		1 },
	{ "im",			"contact_id",	"handle",	1 },
	{ "vcard_prop",		"contact_id",	NULL,		1 },
	{ "contact_tag",	"contact_id",	NULL,		0 },
	{ "contact_alias",	"contact_id",	"name_fold",	0 },
	{ "interaction_contact", "contact_id",	NULL,		0 },
	{ "deal_contact",	"contact_id",	NULL,		0 },
	{ "followup",		"contact_id",	NULL,		0 },
	{ "relation",		"a",		NULL,		0 },
	{ "relation",		"b",		NULL,		0 },
	{ "deal",		"originator_id", NULL,		0 },
	{ "deal",		"responsible_id", NULL,		0 },
};

#define F(m)	offsetof(struct contact, m)

/* A field the user can take from other: its char * members (0 ends). */
static const struct take {
	unsigned	 bit;
	const char	*word;
	size_t		 off[6];
} takes[MERGE_TAKE_COUNT] = {
	{ MERGE_TAKE_NAME,	"name",	{ F(display), F(prefix), F(given),
	    F(middle), F(family), F(suffix) } },
	{ MERGE_TAKE_NICKNAME,	"nickname",	{ F(nickname) } },
	{ MERGE_TAKE_ORG,	"organisation",	{ F(org) } },
	{ MERGE_TAKE_DEPARTMENT, "department",	{ F(department) } },
	{ MERGE_TAKE_TITLE,	"title",	{ F(title) } },
	{ MERGE_TAKE_BIRTHDAY,	"birthday",	{ F(birthday) } },
	{ MERGE_TAKE_NOTES,	"notes",	{ F(notes) } },
};

#undef F

static enum kith_status	merge_tx(struct kith_db *, int64_t, int64_t,
			    unsigned, struct kith_err *);
static char	**member(const struct contact *, size_t);
static int	take_fields(struct contact *, const struct contact *,
		    struct contact *, struct contact *, unsigned);
static enum kith_status	run(struct kith_db *, const char *, int64_t,
			    int64_t, struct kith_err *);
static enum kith_status	move_rows(struct kith_db *, const struct repoint *,
			    int64_t, int64_t, struct kith_err *);
static enum kith_status	merge_fields(struct kith_db *, struct contact *,
			    const struct contact *, unsigned, struct kith_err *);

/*
 * Runs fmt, a statement naming keep as ?1 and other as ?2, with the two
 * ids written in (numbers, no injection): a statement built from the
 * list below is run once, so it is not kept in the statement cache.
 */
static enum kith_status
run(struct kith_db *db, const char *fmt, int64_t keep, int64_t other,
    struct kith_err *err)
{
	enum kith_status	 st;
	struct sbuf		 sb = { 0 };
	char			 k[24], o[24];
	const char		*p;

	snprintf(k, sizeof k, "%lld", (long long)keep);
	snprintf(o, sizeof o, "%lld", (long long)other);
	for (p = fmt; *p != '\0'; p++) {
		if (p[0] == '?' && (p[1] == '1' || p[1] == '2')) {
			sbuf_add(&sb, p[1] == '1' ? k : o);
			p++;
		} else
			sbuf_addc(&sb, *p);
	}
	st = db_exec(db, sb.s, err);
	sbuf_free(&sb);
	return st;
}

static enum kith_status
move_rows(struct kith_db *db, const struct repoint *r, int64_t keep,
    int64_t other, struct kith_err *err)
{
	enum kith_status	 st = KITH_OK;
	char			*sql;

	/* Table and column names come from the list above, not the user. */
	if (r->same != NULL) {
		sql = xasprintf("DELETE FROM %s WHERE %s = ?2 AND %s IN "
		    "(SELECT %s FROM %s WHERE %s = ?1)", r->table, r->col,
		    r->same, r->same, r->table, r->col);
		st = run(db, sql, keep, other, err);
		free(sql);
	}
	if (st == KITH_OK && r->pos) {
		sql = xasprintf("UPDATE %s SET pos = pos + (SELECT "
		    "coalesce(max(pos) + 1, 0) FROM %s WHERE %s = ?1) "
		    "WHERE %s = ?2", r->table, r->table, r->col, r->col);
		st = run(db, sql, keep, other, err);
		free(sql);
	}
	if (st == KITH_OK) {
		sql = xasprintf("UPDATE OR IGNORE %s SET %s = ?1 WHERE %s = ?2",
		    r->table, r->col, r->col);
		st = run(db, sql, keep, other, err);
		free(sql);
	}
	return st;
}

/* The char * member of c at offset off. */
static char **
member(const struct contact *c, size_t off)
{
	return (char **)((char *)(uintptr_t)c + off);
}

/*
 * Puts other's value of each field in take that other has into keep,
 * keep's old one into old (but for the name: that becomes an alias), and
 * leaves the field out of c (other's fields still to merge in).  Returns
 * 1 if keep changed.
 */
static int
take_fields(struct contact *keep, const struct contact *other,
    struct contact *c, struct contact *old, unsigned take)
{
	const struct take	*t;
	size_t			 i, j;
	int			 changed = 0;

	for (i = 0; i < MERGE_TAKE_COUNT; i++) {
		t = &takes[i];
		if ((take & t->bit) == 0 ||
		    str_empty(*member(other, t->off[0])))
			continue;
		for (j = 0; j < 6 && (j == 0 || t->off[j] != 0); j++) {
			if (t->bit != MERGE_TAKE_NAME)
				contact_set(member(old, t->off[j]),
				    *member(keep, t->off[j]));
			contact_set(member(keep, t->off[j]),
			    *member(other, t->off[j]));
			contact_set(member(c, t->off[j]), NULL);
		}
		changed = 1;
	}
	return changed;
}

/*
 * Takes the fields the user chose from other; then fills keep's empty
 * fields from other's and keeps other's differing ones as custom fields
 * (dedup_merge), and keep's replaced ones the same way; a cadence keep
 * lacks is taken.
 */
static enum kith_status
merge_fields(struct kith_db *db, struct contact *keep,
    const struct contact *other, unsigned take, struct kith_err *err)
{
	enum kith_status	 st;
	struct contact		*c = contact_new(), *old = contact_new();
	char			*label;
	int			 changed;

	/* Only the fields: the parts move as rows. */
	contact_set(&c->prefix, other->prefix);
	contact_set(&c->given, other->given);
	contact_set(&c->middle, other->middle);
	contact_set(&c->family, other->family);
	contact_set(&c->suffix, other->suffix);
	contact_set(&c->nickname, other->nickname);
	contact_set(&c->org, other->org);
	contact_set(&c->title, other->title);
	contact_set(&c->birthday, other->birthday);
	contact_set(&c->notes, other->notes);
	contact_set(&c->department, other->department);
	changed = take_fields(keep, other, c, old, take);
	if (keep->cadence_days == 0 && other->cadence_days != 0) {
		keep->cadence_days = other->cadence_days;
		changed = 1;
	}
	if (changed && (st = contact_update(db, keep, err)) != KITH_OK)
		goto out;
	label = xasprintf("merged from %s", other->display);
	st = dedup_merge(db, keep, c, label, &changed, err);
	free(label);
	if (st != KITH_OK)
		goto out;
	label = xasprintf("replaced in the merge with %s", other->display);
	st = dedup_merge(db, keep, old, label, &changed, err);
	free(label);
out:
	contact_free(c);
	contact_free(old);
	return st;
}

static enum kith_status
merge_tx(struct kith_db *db, int64_t keep, int64_t other, unsigned take,
    struct kith_err *err)
{
	struct contact		*k = NULL, *o = NULL;
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	char			*fold = NULL, *gone = NULL;
	size_t			 i;
	int			 rc;

	if (keep == other)
		return kith_err_set(err, KITH_INVALID, "cannot merge contact "
		    "%lld with itself", (long long)keep);
	if ((st = contact_get(db, keep, &k, err)) != KITH_OK ||
	    (st = contact_get(db, other, &o, err)) != KITH_OK)
		goto out;
	db_own_actionf(db, "merge", "merged %s into %s", o->display,
	    k->display);
	/* The name the merged contact no longer goes by: an alias. */
	gone = xstrdup((take & MERGE_TAKE_NAME) && !str_empty(o->display) ?
	    k->display : o->display);
	if ((st = merge_fields(db, k, o, take, err)) != KITH_OK)
		goto out;
	/* A relationship between the two would link keep to itself. */
	if ((st = run(db, "DELETE FROM relation WHERE (a = ?1 AND b = ?2) "
	    "OR (a = ?2 AND b = ?1)", keep, other, err)) != KITH_OK)
		goto out;
	for (i = 0; i < sizeof repoints / sizeof repoints[0]; i++)
		if ((st = move_rows(db, &repoints[i], keep, other, err)) !=
		    KITH_OK)
			goto out;
	/* Other's name is a name keep was known by. */
	if ((st = text_fold(kith_db_text(db), gone, &fold, err)) !=
	    KITH_OK)
		goto out;
	if ((stmt = db_stmt(db, "INSERT OR IGNORE INTO contact_alias "
	    "(contact_id, name, name_fold, created) SELECT ?1, ?2, ?3, ?4 "
	    "WHERE ?3 <> '' AND ?3 <> (SELECT name_fold FROM contact "
	    "WHERE id = ?1)", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, keep);
	sqlite3_bind_text(stmt, 2, gone, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, fold, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 4, (int64_t)kith_db_now(db));
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "merging contacts");
		goto out;
	}
	if ((st = contact_delete(db, other, err)) != KITH_OK)
		goto out;
	/* Other's interactions are keep's now: its touches and cadence. */
	if ((st = touch_refresh(db, keep, err)) != KITH_OK)
		goto out;
	st = search_reindex(db, keep, err);
out:
	free(fold);
	free(gone);
	contact_free(k);
	contact_free(o);
	return st;
}

enum kith_status
contact_merge(struct kith_db *db, int64_t keep, int64_t other,
    struct kith_err *err)
{
	return contact_merge_take(db, keep, other, 0, err);
}

enum kith_status
contact_merge_take(struct kith_db *db, int64_t keep, int64_t other,
    unsigned take, struct kith_err *err)
{
	DB_TRANSACTION(db, err, merge_tx(db, keep, other, take, err));
}

const char *
merge_take_word(unsigned bit)
{
	size_t	i;

	for (i = 0; i < MERGE_TAKE_COUNT; i++)
		if (takes[i].bit == bit)
			return takes[i].word;
	return NULL;
}

unsigned
merge_take_parse(const char *word)
{
	size_t	i;

	if (word == NULL)
		return 0;
	if (strcasecmp(word, "org") == 0)
		return MERGE_TAKE_ORG;
	for (i = 0; i < MERGE_TAKE_COUNT; i++)
		if (strcasecmp(word, takes[i].word) == 0)
			return takes[i].bit;
	return 0;
}

const char *
merge_take_value(const struct contact *c, unsigned bit)
{
	size_t	i;

	for (i = 0; i < MERGE_TAKE_COUNT; i++)
		if (takes[i].bit == bit)
			return *member(c, takes[i].off[0]);
	return NULL;
}
