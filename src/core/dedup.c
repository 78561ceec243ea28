/* SPDX-License-Identifier: MIT */
/*
 * Duplicate detection and merging.
 *
 * The evidence, strongest first: a shared e-mail address (compared without
 * case; dots and "+tags" are significant, as mail servers treat them); a
 * shared phone number in normalised form, when the names are compatible;
 * weaker hints (a shared phone under another name, an e-mail that differs
 * by a "+tag", the same name) are only reported for review.  Merging only
 * adds: a value that would replace a different one is kept beside it.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/contact.h"
#include "kith/dedup.h"
#include "kith/phone.h"
#include "kith/text.h"
#include "kith/util.h"
#include "internal.h"

/* The mirror tables of a bulk import (dedup_hot), in the temp schema. */
#define HOT_EMAIL	"kith_hot_email"
#define HOT_PHONE	"kith_hot_phone"
#define HOT_NAME	"kith_hot_name"

/* Given names that are the same name (both directions are checked). */
static const char *const nicknames[][2] = {
	{ "bob", "robert" }, { "rob", "robert" }, { "bobby", "robert" },
	{ "bill", "william" }, { "will", "william" }, { "liam", "william" },
	{ "kate", "katherine" }, { "kate", "catherine" },
	{ "katie", "katherine" }, { "kathy", "katherine" },
	{ "cathy", "catherine" }, { "kat", "katherine" },
	{ "jim", "james" }, { "jimmy", "james" }, { "jamie", "james" },
	{ "mike", "michael" }, { "mick", "michael" },
	{ "dave", "david" }, { "tom", "thomas" }, { "tony", "anthony" },
	{ "dick", "richard" }, { "rick", "richard" }, { "rich", "richard" },
	{ "ed", "edward" }, { "ted", "edward" }, { "eddie", "edward" },
	{ "chris", "christopher" }, { "chris", "christine" },
	{ "alex", "alexander" }, { "alex", "alexandra" },
	{ "sasha", "alexander" }, { "sasa", "aleksandar" },
	{ "andy", "andrew" }, { "dan", "daniel" }, { "danny", "daniel" },
	{ "joe", "joseph" }, { "steve", "stephen" }, { "steve", "steven" },
	{ "matt", "matthew" }, { "nick", "nicholas" }, { "sam", "samuel" },
	{ "sam", "samantha" }, { "ben", "benjamin" }, { "pete", "peter" },
	{ "jenny", "jennifer" }, { "jen", "jennifer" },
	{ "liz", "elizabeth" }, { "beth", "elizabeth" },
	{ "betty", "elizabeth" }, { "maggie", "margaret" },
	{ "meg", "margaret" }, { "peggy", "margaret" }, { "sue", "susan" },
	{ "becky", "rebecca" }, { "vicky", "victoria" },
	{ "tina", "christina" }, { "nikki", "nicole" },
	{ "gosa", "gordana" }, { "ceca", "svetlana" }, { "buca", "slobodan" },
	{ "misa", "mihailo" }, { "mika", "milan" }, { "vlada", "vladimir" },
	{ "dule", "dusan" }, { "zoki", "zoran" }, { "bane", "branislav" },
};

static enum kith_status	 find(struct kith_db *,
				    const struct dedup_filter *, int,
				    const struct contact *, enum dedup_verdict *,
				    int64_t *, const char **, struct kith_err *);
static int			 given_compatible(const char *, size_t,
				    const char *, size_t);
static void			 raw_name(const struct contact *,
				    struct sbuf *);
static char			*fold_name(struct kith_db *,
				    const struct contact *);
static int			 same_label(const char *, const char *);
static int			 merge_dates(struct contact *,
				    const struct contact *);
static int			 merge_ims(struct contact *,
				    const struct contact *);
static int			 damaged_of(const char *, const char *);
static int			 via_nickname(struct kith_db *, const char *,
				    const char *, const char *);
static uint64_t			 filter_hash(int, const char *, size_t);
static void			 filter_put(struct dedup_filter *, int,
				    const char *, size_t);
static int			 filter_has_n(const struct dedup_filter *,
				    int, const char *, size_t);
static int			 filter_has(const struct dedup_filter *,
				    int, const char *);
static size_t			 email_key(int, const char *, size_t, char *);
static int			 filter_has_email(const struct dedup_filter *,
				    int, const char *);
static void			 filter_put_email(struct dedup_filter *,
				    const char *, size_t);
static void			 hot_put(struct dedup_hot *, int,
				    const char *, size_t);
static int			 hot_email(struct dedup_hot *, int,
				    const char *, size_t);
static int			 hot_contact(struct dedup_hot *, int,
				    struct kith_db *, const struct contact *);
static enum kith_status		 hot_run(struct kith_db *,
				    const char *const *, size_t, int64_t,
				    struct kith_err *);
static void			 hot_row(struct dedup_hot *, sqlite3_stmt *,
				    int, int *);
static enum kith_status		 hot_fill(struct kith_db *,
				    struct dedup_hot *, const char *,
				    const char *, int, int64_t,
				    struct kith_err *);

/* a and b are given names of lengths la and lb (not NUL-terminated). */
static int
given_compatible(const char *a, size_t la, const char *b, size_t lb)
{
	size_t	i;

	if (la == lb && memcmp(a, b, la) == 0)
		return 1;
	/* An initial: "k" or "k." (folded to "k") matches "kate". */
	if ((la == 1 && lb >= 1 && a[0] == b[0]) ||
	    (lb == 1 && la >= 1 && a[0] == b[0]))
		return 1;
	for (i = 0; i < sizeof nicknames / sizeof nicknames[0]; i++) {
		const char *x = nicknames[i][0], *y = nicknames[i][1];

		if ((strlen(x) == la && memcmp(x, a, la) == 0 &&
		    strlen(y) == lb && memcmp(y, b, lb) == 0) ||
		    (strlen(x) == lb && memcmp(x, b, lb) == 0 &&
		    strlen(y) == la && memcmp(y, a, la) == 0))
			return 1;
	}
	return 0;
}

int
dedup_names_compatible(const char *a, const char *b)
{
	const char	*a_last, *b_last, *a_sp, *b_sp;
	size_t		 a_first, b_first;

	if (str_empty(a) || str_empty(b))
		return 0;
	if (strcmp(a, b) == 0)
		return 1;
	a_sp = strchr(a, ' ');
	b_sp = strchr(b, ' ');
	if (a_sp == NULL || b_sp == NULL)
		return 0;	/* one word against another: not enough */
	/* The family name is the last word; the given name the first. */
	a_last = strrchr(a, ' ') + 1;
	b_last = strrchr(b, ' ') + 1;
	if (strcmp(a_last, b_last) != 0)
		return 0;
	a_first = (size_t)(a_sp - a);
	b_first = (size_t)(b_sp - b);
	return given_compatible(a, a_first, b, b_first);
}

/* The name of a contact that may not be stored yet, as dedup compares it. */
static void
raw_name(const struct contact *c, struct sbuf *sb)
{
	if (!str_empty(c->display))
		sbuf_add(sb, c->display);
	else {
		if (!str_empty(c->given))
			sbuf_add(sb, c->given);
		if (!str_empty(c->family)) {
			if (sb->len > 0)
				sbuf_addc(sb, ' ');
			sbuf_add(sb, c->family);
		}
	}
}

/* The folded name of a contact that may not be stored yet. */
static char *
fold_name(struct kith_db *db, const struct contact *c)
{
	struct sbuf	 sb = { 0 };
	char		*fold = NULL;

	raw_name(c, &sb);
	if (sb.len > 0 &&
	    text_fold(kith_db_text(db), sb.s, &fold, NULL) != KITH_OK)
		fold = NULL;
	sbuf_free(&sb);
	return fold;
}

/*
 * "Bob Whitfield" against a stored "Robert Whitfield" whose nickname is
 * "Bob": the stored nickname with the stored family name matches.
 */
static int
via_nickname(struct kith_db *db, const char *name, const char *other,
    const char *nick)
{
	const char	*family;
	char		*nf = NULL, *alias;
	int		 ok = 0;

	if (name == NULL || other == NULL || str_empty(nick) ||
	    (family = strrchr(other, ' ')) == NULL)
		return 0;
	if (text_fold(kith_db_text(db), nick, &nf, NULL) != KITH_OK)
		return 0;
	alias = xasprintf("%s%s", nf, family);
	ok = dedup_names_compatible(name, alias);
	free(alias);
	free(nf);
	return ok;
}

/*
 * The lookups of dedup_find, on the stored tables (0) or on the mirror of
 * their rows with shared keys that a bulk import keeps (1, dedup_hot):
 * the same joins in the same index order, so the same rows come first.
 */
static const char *const sql_email[2] = {
	"SELECT e.contact_id FROM email e JOIN contact c ON c.id = "
	    "e.contact_id WHERE e.addr_norm = lower(trim(?1)) AND "
	    "c.archived = 0 LIMIT 1",
	"SELECT e.contact_id FROM temp." HOT_EMAIL " e CROSS JOIN contact c "
	    "ON c.id = e.contact_id WHERE e.addr_norm = lower(trim(?1)) AND "
	    "c.archived = 0 LIMIT 1",
};
static const char *const sql_phone[2] = {
	"SELECT p.contact_id, c.name_fold, c.nickname FROM phone p JOIN "
	    "contact c ON c.id = p.contact_id WHERE p.norm = ?1 AND "
	    "c.archived = 0 LIMIT 20",
	"SELECT p.contact_id, c.name_fold, c.nickname FROM temp." HOT_PHONE
	    " p CROSS JOIN contact c ON c.id = p.contact_id WHERE p.norm = ?1 "
	    "AND c.archived = 0 LIMIT 20",
};
static const char *const sql_plus[2] = {
	"SELECT e.contact_id FROM email e JOIN contact c ON c.id = "
	    "e.contact_id WHERE c.archived = 0 AND e.addr_norm = ?1 UNION ALL "
	    "SELECT e.contact_id FROM email e JOIN contact c ON c.id = "
	    "e.contact_id WHERE c.archived = 0 AND e.addr_norm > ?2 AND "
	    "e.addr_norm < ?3 AND substr(e.addr_norm, -length(?4)) = ?4 "
	    "LIMIT 1",
	"SELECT e.contact_id FROM temp." HOT_EMAIL " e CROSS JOIN contact c "
	    "ON c.id = e.contact_id WHERE c.archived = 0 AND e.addr_norm = ?1 "
	    "UNION ALL SELECT e.contact_id FROM temp." HOT_EMAIL " e CROSS "
	    "JOIN contact c ON c.id = e.contact_id WHERE c.archived = 0 AND "
	    "e.addr_norm > ?2 AND e.addr_norm < ?3 AND "
	    "substr(e.addr_norm, -length(?4)) = ?4 LIMIT 1",
};
static const char *const sql_name[2] = {
	"SELECT id FROM contact WHERE name_fold = ?1 AND archived = 0 LIMIT 1",
	"SELECT c.id FROM temp." HOT_NAME " n CROSS JOIN contact c ON c.id = "
	    "n.id WHERE n.name_fold = ?1 AND c.archived = 0 LIMIT 1",
};

enum kith_status
dedup_find(struct kith_db *db, const struct dedup_filter *filter,
    const struct contact *c, enum dedup_verdict *verdict, int64_t *id,
    const char **why, struct kith_err *err)
{
	return find(db, filter, 0, c, verdict, id, why, err);
}

enum kith_status
dedup_hot_find(struct kith_db *db, const struct contact *c,
    enum dedup_verdict *verdict, int64_t *id, const char **why,
    struct kith_err *err)
{
	return find(db, NULL, 1, c, verdict, id, why, err);
}

static enum kith_status
find(struct kith_db *db, const struct dedup_filter *filter, int hot,
    const struct contact *c, enum dedup_verdict *verdict, int64_t *id,
    const char **why, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	const char		*region = db_region(db), *at, *plus;
	char			*name = NULL, *norm, *base;
	size_t			 i;
	int			 rc;

	*verdict = DEDUP_NONE;
	*id = 0;
	*why = NULL;

	/* 1. A shared e-mail address. */
	for (i = 0; i < c->n_emails; i++) {
		if (filter != NULL && !filter_has_email(filter, 'e',
		    c->emails[i].addr))
			continue;
		if ((stmt = db_stmt(db, sql_email[hot], err)) == NULL)
			return KITH_DB;
		sqlite3_bind_text(stmt, 1, c->emails[i].addr, -1,
		    SQLITE_STATIC);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			*id = sqlite3_column_int64(stmt, 0);
			*verdict = DEDUP_EMAIL;
			*why = "same e-mail";
		}
		sqlite3_reset(stmt);
		if (rc == SQLITE_ROW)
			return KITH_OK;
		if (rc != SQLITE_DONE)
			return db_fail(db, err, "looking for duplicates");
	}

	/* 2. A shared phone number: merge if the names agree. */
	name = fold_name(db, c);
	for (i = 0; i < c->n_phones && *verdict != DEDUP_PHONE; i++) {
		norm = phone_normalise(c->phones[i].raw, region);
		if (strlen(norm) < 7 ||		/* too short to tell */
		    (filter != NULL && !filter_has(filter, 'p', norm))) {
			free(norm);
			continue;
		}
		if ((stmt = db_stmt(db, sql_phone[hot], err)) == NULL) {
			free(norm);
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, norm, -1, SQLITE_TRANSIENT);
		free(norm);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			const char *other = (const char *)
			    sqlite3_column_text(stmt, 1);
			const char *nick = (const char *)
			    sqlite3_column_text(stmt, 2);
			int ok = dedup_names_compatible(name, other);

			if (!ok)
				ok = via_nickname(db, name, other, nick);
			if (ok) {
				*verdict = DEDUP_PHONE;
				*id = sqlite3_column_int64(stmt, 0);
				*why = "same phone and name";
				break;
			}
			if (*verdict == DEDUP_NONE) {
				*verdict = DEDUP_REVIEW;
				*id = sqlite3_column_int64(stmt, 0);
				*why = "same phone, another name";
			}
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
			st = db_fail(db, err, "looking for duplicates");
			goto out;
		}
	}
	if (*verdict != DEDUP_NONE)
		goto out;

	/* 3. An e-mail that differs only by a "+tag". */
	for (i = 0; i < c->n_emails && *verdict == DEDUP_NONE; i++) {
		const char *addr = c->emails[i].addr;

		if ((at = strrchr(addr, '@')) == NULL ||
		    (filter != NULL && !filter_has_email(filter, 'b', addr)))
			continue;
		plus = memchr(addr, '+', (size_t)(at - addr));
		if (plus != NULL)
			base = xasprintf("%.*s%s", (int)(plus - addr), addr, at);
		else
			base = xstrdup(addr);
		for (char *b = base; *b; b++)
			*b = (char)tolower((unsigned char)*b);
		/*
		 * The address without its +tag, or a stored one with a +tag
		 * (a range of the index: "local+" <= x < "local,").
		 */
		if ((stmt = db_stmt(db, sql_plus[hot], err)) == NULL) {
			free(base);
			st = KITH_DB;
			goto out;
		}
		{
			char *local = xstrndup(base, (size_t)(strchr(base, '@')
			    - base));
			char *lo = xasprintf("%s+", local);
			char *hi = xasprintf("%s,", local);

			/* Only a differing address counts as a +tag variant. */
			sqlite3_bind_text(stmt, 1, plus ? base : "", -1,
			    SQLITE_TRANSIENT);
			sqlite3_bind_text(stmt, 2, lo, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(stmt, 3, hi, -1, SQLITE_TRANSIENT);
			sqlite3_bind_text(stmt, 4, strchr(base, '@'), -1,
			    SQLITE_TRANSIENT);
			free(local);
			free(lo);
			free(hi);
		}
		free(base);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			*verdict = DEDUP_REVIEW;
			*id = sqlite3_column_int64(stmt, 0);
			*why = "e-mail differs only by a +tag";
		}
		sqlite3_reset(stmt);
	}
	if (*verdict != DEDUP_NONE || name == NULL ||
	    (filter != NULL && !filter_has(filter, 'n', name)))
		goto out;

	/* 4. The same name, nothing else: worth a look, no more. */
	if ((stmt = db_stmt(db, sql_name[hot], err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*verdict = DEDUP_REVIEW;
		*id = sqlite3_column_int64(stmt, 0);
		*why = "same name";
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		st = db_fail(db, err, "looking for the same name");
out:
	free(name);
	return st;
}

/* Keeps a differing incoming value beside the stored one; 1 if new. */
static int
keep_beside(struct contact *into, const char *field, const char *label,
    const char *value)
{
	char	*key;
	size_t	 i;
	int	 found = 0;

	key = xasprintf("%s (%s)", field, label);
	for (i = 0; i < into->n_custom && !found; i++)
		found = strcmp(into->custom[i].key, key) == 0 &&
		    strcmp(into->custom[i].value, value) == 0;
	if (!found)
		contact_add_custom(into, key, value);
	free(key);
	return !found;
}

/* The length of a lost-letter mark at s ('?' or U+FFFD), else 0. */
static size_t
lost_mark(const char *s)
{
	if (*s == '?')
		return 1;
	if ((unsigned char)s[0] == 0xef && (unsigned char)s[1] == 0xbf &&
	    (unsigned char)s[2] == 0xbd)
		return 3;
	return 0;
}

/* The bytes of the UTF-8 character at s (1 for a stray byte). */
static size_t
char_len(const char *s)
{
	unsigned char	c = (unsigned char)*s;
	size_t		n = c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4, i;

	for (i = 1; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			return 1;
	return n;
}

/*
 * 1 if bad is good with letters lost on the way: equal but where bad has
 * a run of '?' or U+FFFD marks, good has one to as many non-ASCII
 * characters that are not marks (a letter an encoding could not hold, or
 * whose bytes each became a mark).  "Petrovi?" and "Petrovi" followed by
 * two U+FFFD are "Petrović" damaged; "Ana?" is not "Ana" (nothing stands
 * for the mark).
 */
static int
damaged_of(const char *bad, const char *good)
{
	size_t	m, run, k, i;
	const char *g;
	int	marks = 0;

	while (*bad != '\0') {
		if ((m = lost_mark(bad)) == 0) {
			if (*good == '\0')
				return 0;
			m = char_len(bad);
			if (strncmp(bad, good, m) != 0)
				return 0;
			bad += m;
			good += m;
			continue;
		}
		/* A run of marks of one kind. */
		for (run = 0; lost_mark(bad) == m; run++)
			bad += m;
		marks = 1;
		/* Try every count of characters of good it may stand for. */
		for (k = run, g = good, i = 0; i < k &&
		    ((unsigned char)*g & 0x80) && lost_mark(g) == 0; i++)
			g += char_len(g);
		for (; i >= 1; i--) {
			const char *gg = good;
			size_t j;

			for (j = 0; j < i; j++)
				gg += char_len(gg);
			if (damaged_of(bad, gg) || (*bad == '\0' &&
			    *gg == '\0') || (*bad != '\0' &&
			    lost_mark(bad) == 0 && strcmp(bad, gg) == 0))
				return 1;
		}
		return 0;
	}
	return marks && *good == '\0';
}

/*
 * Fills *field from value if empty; keeps value beside it if it differs
 * (compared in folded form for names, exactly otherwise).  Where one of
 * the two is the other with letters lost ('?' or U+FFFD for a letter an
 * encoding could not hold), the intact one wins: a stored damaged value is
 * replaced, a damaged incoming one is dropped.
 */
static int
merge_field(struct kith_db *db, struct contact *into, char **field,
    const char *name, const char *value, const char *label, int fold)
{
	char	*a = NULL, *b = NULL;
	int	 same;

	if (str_empty(value))
		return 0;
	if (str_empty(*field)) {
		contact_set(field, value);
		return 1;
	}
	if (strcmp(*field, value) != 0 && damaged_of(*field, value)) {
		contact_set(field, value);
		return 1;
	}
	if (damaged_of(value, *field))
		return 0;
	if (fold && text_fold(kith_db_text(db), *field, &a, NULL) == KITH_OK &&
	    text_fold(kith_db_text(db), value, &b, NULL) == KITH_OK)
		same = strcmp(a, b) == 0;
	else
		same = strcmp(*field, value) == 0;
	free(a);
	free(b);
	if (same)
		return 0;
	return keep_beside(into, name, label, value);
}

static int
same_address(const struct contact_address *a, const struct contact_address *b)
{
	const char *x[] = { a->street, a->city, a->region, a->postcode,
	    a->country };
	const char *y[] = { b->street, b->city, b->region, b->postcode,
	    b->country };
	size_t	i;

	for (i = 0; i < 5; i++)
		if (strcmp(x[i] ? x[i] : "", y[i] ? y[i] : "") != 0)
			return 0;
	return 1;
}

/* Whether two labels are the same (case aside), NULL being "anniversary". */
static int
same_label(const char *a, const char *b)
{
	return strcasecmp(a != NULL ? a : "anniversary",
	    b != NULL ? b : "anniversary") == 0;
}

/*
 * Adds the dated events of c that into lacks: the same date under the
 * same label is one event; where the labels are one another with letters
 * lost, the intact label wins.  1 if into changed.
 */
static int
merge_dates(struct contact *into, const struct contact *c)
{
	const struct contact_date *d;
	size_t	 i, j;
	int	 ch = 0;

	for (i = 0; i < c->n_dates; i++) {
		d = &c->dates[i];
		for (j = 0; j < into->n_dates; j++) {
			if (strcmp(into->dates[j].date, d->date) != 0)
				continue;
			if (same_label(into->dates[j].label, d->label) ||
			    (d->label != NULL && damaged_of(d->label,
			    into->dates[j].label ? into->dates[j].label :
			    "")))
				break;
			if (into->dates[j].label != NULL && d->label != NULL &&
			    damaged_of(into->dates[j].label, d->label)) {
				contact_set(&into->dates[j].label, d->label);
				ch = 1;
				break;
			}
		}
		if (j == into->n_dates) {
			contact_add_date(into, d->label, d->date);
			ch = 1;
		}
	}
	return ch;
}

/*
 * Adds the messaging handles of c that into lacks (handles compared
 * without case, on the same service or where one has none); a service or
 * label into lacks is filled in, a damaged handle replaced by the intact
 * one.  1 if into changed.
 */
static int
merge_ims(struct contact *into, const struct contact *c)
{
	const struct contact_im *m;
	struct contact_im *t;
	size_t	 i, j;
	int	 ch = 0;

	for (i = 0; i < c->n_ims; i++) {
		m = &c->ims[i];
		for (j = 0; j < into->n_ims; j++) {
			t = &into->ims[j];
			if (t->service != NULL && m->service != NULL &&
			    strcasecmp(t->service, m->service) != 0)
				continue;
			if (strcasecmp(t->handle, m->handle) == 0 ||
			    damaged_of(m->handle, t->handle))
				break;
			if (damaged_of(t->handle, m->handle)) {
				contact_set(&t->handle, m->handle);
				ch = 1;
				break;
			}
		}
		if (j == into->n_ims) {
			contact_add_im(into, m->service, m->handle, m->label);
			ch = 1;
			continue;
		}
		if (t->service == NULL && m->service != NULL) {
			contact_set(&t->service, m->service);
			ch = 1;
		}
		if (t->label == NULL && m->label != NULL) {
			contact_set(&t->label, m->label);
			ch = 1;
		}
	}
	return ch;
}

enum kith_status
dedup_merge(struct kith_db *db, struct contact *into, const struct contact *c,
    const char *label, int *changed, struct kith_err *err)
{
	const char	*region = db_region(db);
	size_t		 i, j;
	int		 ch = 0;

	*changed = 0;
	ch |= merge_field(db, into, &into->display, "name", c->display, label,
	    1);
	ch |= merge_field(db, into, &into->prefix, "prefix", c->prefix, label, 1);
	ch |= merge_field(db, into, &into->given, "given name", c->given,
	    label, 1);
	ch |= merge_field(db, into, &into->middle, "middle name", c->middle,
	    label, 1);
	ch |= merge_field(db, into, &into->family, "family name", c->family,
	    label, 1);
	ch |= merge_field(db, into, &into->suffix, "suffix", c->suffix, label, 1);
	ch |= merge_field(db, into, &into->nickname, "nickname", c->nickname,
	    label, 1);
	ch |= merge_field(db, into, &into->org, "organisation", c->org, label,
	    1);
	ch |= merge_field(db, into, &into->title, "title", c->title, label, 1);
	ch |= merge_field(db, into, &into->birthday, "birthday", c->birthday,
	    label, 0);
	ch |= merge_field(db, into, &into->notes, "notes", c->notes, label, 0);
	ch |= merge_field(db, into, &into->department, "department",
	    c->department, label, 1);
	ch |= merge_dates(into, c);
	ch |= merge_ims(into, c);

	for (i = 0; i < c->n_emails; i++) {
		for (j = 0; j < into->n_emails; j++)
			if (strcasecmp(into->emails[j].addr,
			    c->emails[i].addr) == 0)
				break;
		if (j == into->n_emails) {
			contact_add_email(into, c->emails[i].addr,
			    c->emails[i].label);
			ch = 1;
		}
	}
	for (i = 0; i < c->n_phones; i++) {
		for (j = 0; j < into->n_phones; j++)
			if (phone_same(c->phones[i].raw, into->phones[j].raw,
			    region))
				break;
		if (j == into->n_phones) {
			contact_add_phone(into, c->phones[i].raw,
			    c->phones[i].label);
			ch = 1;
		}
	}
	for (i = 0; i < c->n_addrs; i++) {
		for (j = 0; j < into->n_addrs; j++)
			if (same_address(&into->addrs[j], &c->addrs[i]))
				break;
		if (j == into->n_addrs) {
			contact_add_address(into, &c->addrs[i]);
			ch = 1;
		}
	}
	for (i = 0; i < c->n_urls; i++) {
		for (j = 0; j < into->n_urls; j++)
			if (strcmp(into->urls[j].value, c->urls[i].value) == 0)
				break;
		if (j == into->n_urls) {
			contact_add_url(into, c->urls[i].value, c->urls[i].key);
			ch = 1;
		}
	}
	for (i = 0; i < c->n_tags; i++) {
		for (j = 0; j < into->n_tags; j++)
			if (strcasecmp(into->tags[j], c->tags[i]) == 0)
				break;
		if (j == into->n_tags) {
			contact_add_tag(into, c->tags[i]);
			ch = 1;
		}
	}
	for (i = 0; i < c->n_custom; i++) {
		for (j = 0; j < into->n_custom; j++)
			if (strcmp(into->custom[j].key, c->custom[i].key) == 0 &&
			    strcmp(into->custom[j].value,
			    c->custom[i].value) == 0)
				break;
		if (j == into->n_custom) {
			contact_add_custom(into, c->custom[i].key,
			    c->custom[i].value);
			ch = 1;
		}
	}
	if (!ch)
		return KITH_OK;
	*changed = 1;
	return contact_update(db, into, err);
}

/*
 * The filter: FILTER_K bits per key, at places drawn from one 64-bit hash
 * (h1 + i * h2, as Kirsch and Mitzenmacher showed is as good as K hashes).
 * 2^26 bits hold 6 million keys (a million and a half contacts) at about
 * 1% false "maybe"s; past that the filter saves less, never wrongly.
 */
#define FILTER_K		5
#define FILTER_BITS		((uint64_t)1 << 26)	/* 8 MiB */

struct dedup_filter {
	uint64_t	*bits;
	uint64_t	 mask;		/* bit count - 1, a power of two */
};

/* FNV-1a over the kind and the bytes, then a 64-bit finaliser. */
static uint64_t
filter_hash(int kind, const char *s, size_t len)
{
	uint64_t	h = 0xcbf29ce484222325ULL;
	size_t		i;

	h = (h ^ (unsigned char)kind) * 0x100000001b3ULL;
	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	h ^= h >> 30;
	h *= 0xbf58476d1ce4e5b9ULL;
	h ^= h >> 27;
	h *= 0x94d049bb133111ebULL;
	h ^= h >> 31;
	return h;
}

/* The key's FILTER_K bit numbers. */
static void
filter_bits(const struct dedup_filter *f, int kind, const char *s,
    size_t len, uint64_t bit[FILTER_K])
{
	uint64_t	h = filter_hash(kind, s, len), step;
	int		i;

	step = (h >> 32 | h << 32) | 1;
	for (i = 0; i < FILTER_K; i++)
		bit[i] = (h + (uint64_t)i * step) & f->mask;
}

static void
filter_put(struct dedup_filter *f, int kind, const char *s, size_t len)
{
	uint64_t	bit[FILTER_K];
	int		i;

	filter_bits(f, kind, s, len, bit);
	for (i = 0; i < FILTER_K; i++)
		f->bits[bit[i] >> 6] |= (uint64_t)1 << (bit[i] & 63);
}

static int
filter_has_n(const struct dedup_filter *f, int kind, const char *s,
    size_t len)
{
	uint64_t	bit[FILTER_K];
	int		i;

	filter_bits(f, kind, s, len, bit);
	for (i = 0; i < FILTER_K; i++)
		if ((f->bits[bit[i] >> 6] & (uint64_t)1 << (bit[i] & 63)) == 0)
			return 0;
	return 1;
}

static int
filter_has(const struct dedup_filter *f, int kind, const char *s)
{
	return filter_has_n(f, kind, s, strlen(s));
}

/*
 * An address as the lookups compare it: without surrounding spaces, in
 * ASCII lower case (SQLite's lower()); for kind 'b' also without a "+tag"
 * (from the first '+' of the local part to the last '@').  Writes at most
 * len bytes to out and returns their number.
 */
static size_t
email_key(int kind, const char *addr, size_t len, char *out)
{
	const char	*at, *plus = NULL;
	size_t		 i, n = 0;

	while (len > 0 && *addr == ' ')
		addr++, len--;
	while (len > 0 && addr[len - 1] == ' ')
		len--;
	at = NULL;
	for (i = 0; i < len; i++)
		if (addr[i] == '@')
			at = &addr[i];
	if (kind == 'b' && at != NULL)
		plus = memchr(addr, '+', (size_t)(at - addr));
	for (i = 0; i < len; i++) {
		if (plus != NULL && &addr[i] >= plus && &addr[i] < at)
			continue;
		out[n++] = (char)tolower((unsigned char)addr[i]);
	}
	return n;
}

static int
filter_has_email(const struct dedup_filter *f, int kind, const char *addr)
{
	size_t	len = strlen(addr), n;
	char	small[256], *buf = len < sizeof small ? small : xmalloc(len);
	int	has;

	n = email_key(kind, addr, len, buf);
	has = filter_has_n(f, kind, buf, n);
	if (buf != small)
		free(buf);
	return has;
}

static void
filter_put_email(struct dedup_filter *f, const char *addr, size_t len)
{
	char	small[256], *buf = len < sizeof small ? small : xmalloc(len);

	filter_put(f, 'e', buf, email_key('e', addr, len, buf));
	filter_put(f, 'b', buf, email_key('b', addr, len, buf));
	if (buf != small)
		free(buf);
}

enum kith_status
dedup_filter_new(struct kith_db *db, struct dedup_filter **out,
    struct kith_err *err)
{
	static const char *const load[] = {
		"SELECT addr_norm FROM email",
		"SELECT norm FROM phone",
		"SELECT name_fold FROM contact",
	};
	struct dedup_filter	*f;
	sqlite3_stmt		*stmt;
	size_t			 i;
	int			 rc;

	*out = NULL;
	f = xmalloc(sizeof *f);
	f->bits = xcalloc((size_t)(FILTER_BITS / 64), sizeof *f->bits);
	f->mask = FILTER_BITS - 1;

	for (i = 0; i < sizeof load / sizeof load[0]; i++) {
		if ((stmt = db_stmt(db, load[i], err)) == NULL) {
			dedup_filter_free(f);
			return KITH_DB;
		}
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			const char *s = (const char *)sqlite3_column_text(stmt,
			    0);
			size_t len = (size_t)sqlite3_column_bytes(stmt, 0);

			if (s == NULL)
				continue;
			if (i == 0)
				filter_put_email(f, s, len);
			else
				filter_put(f, i == 1 ? 'p' : 'n', s, len);
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			dedup_filter_free(f);
			return db_fail(db, err, "reading the stored contacts");
		}
	}
	*out = f;
	return KITH_OK;
}

void
dedup_filter_add(struct dedup_filter *f, struct kith_db *db,
    const struct contact *c)
{
	const char	*region = db_region(db);
	char		*s;
	size_t		 i;

	if (f == NULL)
		return;
	for (i = 0; i < c->n_emails; i++)
		filter_put_email(f, c->emails[i].addr,
		    strlen(c->emails[i].addr));
	for (i = 0; i < c->n_phones; i++) {
		s = phone_normalise(c->phones[i].raw, region);
		filter_put(f, 'p', s, strlen(s));
		free(s);
	}
	if ((s = fold_name(db, c)) != NULL) {
		filter_put(f, 'n', s, strlen(s));
		free(s);
	}
}

void
dedup_filter_free(struct dedup_filter *f)
{
	if (f == NULL)
		return;
	free(f->bits);
	free(f);
}

/*
 * Shared keys, for a bulk import (dedup.h): two filters of HOT_BITS bits,
 * a key going to the second when the first may hold it already.  A key
 * not in the second was met at most once among the stored contacts and
 * the file's rows.
 */
#define HOT_BITS		((uint64_t)1 << 25)	/* 4 MiB each */
#define HOT_MAX			100000	/* repeated keys at most: the
						   mirror stays a few MiB */

struct dedup_hot {
	struct dedup_filter	 once;
	struct dedup_filter	 twice;
	long			 repeats;	/* keys put that once held */
};

static void
hot_put(struct dedup_hot *h, int kind, const char *s, size_t len)
{
	if (filter_has_n(&h->once, kind, s, len)) {
		filter_put(&h->twice, kind, s, len);
		h->repeats++;
	} else
		filter_put(&h->once, kind, s, len);
}

/* Puts (put) or looks for (!put) the e-mail's 'e' and 'b' keys. */
static int
hot_email(struct dedup_hot *h, int put, const char *addr, size_t len)
{
	char	small[256], *buf = len < sizeof small ? small : xmalloc(len);
	size_t	n;
	int	has = 0;

	n = email_key('e', addr, len, buf);
	if (put)
		hot_put(h, 'e', buf, n);
	else
		has = filter_has_n(&h->twice, 'e', buf, n);
	n = email_key('b', addr, len, buf);
	if (put)
		hot_put(h, 'b', buf, n);
	else if (!has)
		has = filter_has_n(&h->twice, 'b', buf, n);
	if (buf != small)
		free(buf);
	return has;
}

/*
 * Puts or looks for the keys of c: its e-mails, phones and folded name
 * as dedup_find looks them up, and the folded name contact_insert will
 * store (made from the name's parts when c has no display name).
 */
static int
hot_contact(struct dedup_hot *h, int put, struct kith_db *db,
    const struct contact *c)
{
	const char	*region = db_region(db);
	char		*s, *parts, *name;
	size_t		 i;
	int		 has = 0;

	for (i = 0; i < c->n_emails && !has; i++)
		has = hot_email(h, put, c->emails[i].addr,
		    strlen(c->emails[i].addr));
	for (i = 0; i < c->n_phones && !has; i++) {
		s = phone_normalise(c->phones[i].raw, region);
		if (put)
			hot_put(h, 'p', s, strlen(s));
		else
			has = filter_has(&h->twice, 'p', s);
		free(s);
	}
	name = fold_name(db, c);
	if (!has && name != NULL) {
		if (put)
			hot_put(h, 'n', name, strlen(name));
		else
			has = filter_has(&h->twice, 'n', name);
	}
	/*
	 * Once only if the same (a key of the row counted twice is shared),
	 * and not folded again if the same before folding.
	 */
	if (!has && str_empty(c->display) &&
	    (parts = contact_name_from_parts(c)) != NULL) {
		struct sbuf raw = { 0 };

		raw_name(c, &raw);
		s = NULL;
		if ((raw.len == 0 || strcmp(raw.s, parts) != 0) &&
		    text_fold(kith_db_text(db), parts, &s, NULL) == KITH_OK &&
		    (name == NULL || strcmp(s, name) != 0)) {
			if (put)
				hot_put(h, 'n', s, strlen(s));
			else
				has = filter_has(&h->twice, 'n', s);
		}
		sbuf_free(&raw);
		free(s);
		free(parts);
	}
	free(name);
	return has;
}

enum kith_status
dedup_hot_new(struct kith_db *db, struct dedup_hot **out,
    struct kith_err *err)
{
	static const char *const load[] = {
		"SELECT addr_norm FROM email",
		"SELECT norm FROM phone",
		"SELECT name_fold FROM contact",
	};
	struct dedup_hot	*h;
	sqlite3_stmt		*stmt;
	size_t			 i;
	int			 rc;

	*out = NULL;
	h = xcalloc(1, sizeof *h);
	h->once.bits = xcalloc((size_t)(HOT_BITS / 64), sizeof *h->once.bits);
	h->twice.bits = xcalloc((size_t)(HOT_BITS / 64),
	    sizeof *h->twice.bits);
	h->once.mask = h->twice.mask = HOT_BITS - 1;
	for (i = 0; i < sizeof load / sizeof load[0]; i++) {
		if ((stmt = db_stmt(db, load[i], err)) == NULL) {
			dedup_hot_free(h);
			return KITH_DB;
		}
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			const char *s = (const char *)sqlite3_column_text(stmt,
			    0);
			size_t len = (size_t)sqlite3_column_bytes(stmt, 0);

			if (s == NULL)
				continue;
			if (i == 0)
				(void)hot_email(h, 1, s, len);
			else
				hot_put(h, i == 1 ? 'p' : 'n', s, len);
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			dedup_hot_free(h);
			return db_fail(db, err, "reading the stored contacts");
		}
	}
	*out = h;
	return KITH_OK;
}

void
dedup_hot_count(struct dedup_hot *h, struct kith_db *db,
    const struct contact *c)
{
	(void)hot_contact(h, 1, db, c);
}

int
dedup_hot_has(struct dedup_hot *h, struct kith_db *db,
    const struct contact *c)
{
	return hot_contact(h, 0, db, c);
}

void
dedup_hot_free(struct dedup_hot *h)
{
	if (h == NULL)
		return;
	free(h->once.bits);
	free(h->twice.bits);
	free(h);
}

/* Runs each statement of sql in turn, ?1 bound to id if not 0. */
static enum kith_status
hot_run(struct kith_db *db, const char *const *sql, size_t n, int64_t id,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	size_t		 i;

	for (i = 0; i < n; i++) {
		if ((stmt = db_stmt(db, sql[i], err)) == NULL)
			return KITH_DB;
		if (id != 0)
			sqlite3_bind_int64(stmt, 1, id);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			sqlite3_reset(stmt);
			return db_fail(db, err, "keeping the shared keys");
		}
		sqlite3_reset(stmt);
	}
	return KITH_OK;
}

/* A stored row's key, if shared: into the mirror (kind 0: an e-mail). */
static void
hot_row(struct dedup_hot *h, sqlite3_stmt *stmt, int kind, int *keep)
{
	const char	*s = (const char *)sqlite3_column_text(stmt, 2);
	size_t		 len = (size_t)sqlite3_column_bytes(stmt, 2);

	if (s == NULL)
		*keep = 0;
	else if (kind == 0)
		*keep = hot_email(h, 0, s, len);
	else
		*keep = filter_has_n(&h->twice, kind, s, len);
}

/*
 * The rows read gives (id, contact, key), each put in the mirror by keep
 * if its key is shared; ?1 of read is bound to id if not 0.
 */
static enum kith_status
hot_fill(struct kith_db *db, struct dedup_hot *h, const char *read,
    const char *keep, int kind, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*rd, *ins;
	int		 rc, put;

	if ((rd = db_stmt(db, read, err)) == NULL)
		return KITH_DB;
	if (id != 0)
		sqlite3_bind_int64(rd, 1, id);
	while ((rc = sqlite3_step(rd)) == SQLITE_ROW) {
		hot_row(h, rd, kind, &put);
		if (!put)
			continue;
		if ((ins = db_stmt(db, keep, err)) == NULL) {
			sqlite3_reset(rd);
			return KITH_DB;
		}
		sqlite3_bind_value(ins, 1, sqlite3_column_value(rd, 0));
		sqlite3_bind_value(ins, 2, sqlite3_column_value(rd, 1));
		sqlite3_bind_value(ins, 3, sqlite3_column_value(rd, 2));
		rc = sqlite3_step(ins);
		sqlite3_reset(ins);
		if (rc != SQLITE_DONE) {
			sqlite3_reset(rd);
			return db_fail(db, err, "keeping the shared keys");
		}
	}
	sqlite3_reset(rd);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "reading the stored contacts");
	return KITH_OK;
}

/* The stored rows, all of them (stored) or one contact's (added). */
static const struct {
	const char	*stored, *added, *keep;
	int		 kind;
} hot_fills[] = {
	{ "SELECT id, contact_id, addr_norm FROM email",
	    "SELECT id, contact_id, addr_norm FROM email WHERE contact_id = ?1",
	    "INSERT INTO temp." HOT_EMAIL " VALUES (?1, ?2, ?3)", 0 },
	{ "SELECT id, contact_id, norm FROM phone",
	    "SELECT id, contact_id, norm FROM phone WHERE contact_id = ?1",
	    "INSERT INTO temp." HOT_PHONE " VALUES (?1, ?2, ?3)", 'p' },
	{ "SELECT id, id, name_fold FROM contact",
	    "SELECT id, id, name_fold FROM contact WHERE id = ?1",
	    "INSERT INTO temp." HOT_NAME " VALUES (?1, ?3)", 'n' },
};

enum kith_status
dedup_hot_mirror(struct kith_db *db, struct dedup_hot *h,
    struct kith_err *err)
{
	static const char *const make[] = {
		"DROP TABLE IF EXISTS temp." HOT_EMAIL,
		"DROP TABLE IF EXISTS temp." HOT_PHONE,
		"DROP TABLE IF EXISTS temp." HOT_NAME,
		"CREATE TEMP TABLE " HOT_EMAIL " (id INTEGER PRIMARY KEY, "
		    "contact_id INTEGER, addr_norm TEXT)",
		"CREATE INDEX temp." HOT_EMAIL "_by_norm ON " HOT_EMAIL
		    "(addr_norm)",
		"CREATE INDEX temp." HOT_EMAIL "_by_contact ON " HOT_EMAIL
		    "(contact_id)",
		"CREATE TEMP TABLE " HOT_PHONE " (id INTEGER PRIMARY KEY, "
		    "contact_id INTEGER, norm TEXT)",
		"CREATE INDEX temp." HOT_PHONE "_by_norm ON " HOT_PHONE "(norm)",
		"CREATE INDEX temp." HOT_PHONE "_by_contact ON " HOT_PHONE
		    "(contact_id)",
		"CREATE TEMP TABLE " HOT_NAME " (id INTEGER PRIMARY KEY, "
		    "name_fold TEXT)",
		"CREATE INDEX temp." HOT_NAME "_by_fold ON " HOT_NAME
		    "(name_fold)",
	};
	enum kith_status st;
	size_t		 i;

	if (h->repeats > HOT_MAX)
		return KITH_NOTFOUND;
	if ((st = hot_run(db, make, sizeof make / sizeof make[0], 0, err))
	    != KITH_OK)
		return st;
	for (i = 0; i < sizeof hot_fills / sizeof hot_fills[0]; i++)
		if ((st = hot_fill(db, h, hot_fills[i].stored, hot_fills[i].keep,
		    hot_fills[i].kind, 0, err)) != KITH_OK)
			return st;
	return KITH_OK;
}

enum kith_status
dedup_hot_add(struct kith_db *db, struct dedup_hot *h, int64_t id,
    struct kith_err *err)
{
	enum kith_status st;
	size_t		 i;

	for (i = 0; i < sizeof hot_fills / sizeof hot_fills[0]; i++)
		if ((st = hot_fill(db, h, hot_fills[i].added, hot_fills[i].keep,
		    hot_fills[i].kind, id, err)) != KITH_OK)
			return st;
	return KITH_OK;
}

enum kith_status
dedup_hot_keep(struct kith_db *db, int64_t id, struct kith_err *err)
{
	static const char *const sql[] = {
		"DELETE FROM temp." HOT_EMAIL " WHERE contact_id = ?1",
		"INSERT INTO temp." HOT_EMAIL " SELECT id, contact_id, "
		    "addr_norm FROM main.email WHERE contact_id = ?1",
		"DELETE FROM temp." HOT_PHONE " WHERE contact_id = ?1",
		"INSERT INTO temp." HOT_PHONE " SELECT id, contact_id, norm "
		    "FROM main.phone WHERE contact_id = ?1",
		"INSERT OR REPLACE INTO temp." HOT_NAME " SELECT id, name_fold "
		    "FROM main.contact WHERE id = ?1",
	};

	return hot_run(db, sql, sizeof sql / sizeof sql[0], id, err);
}

void
dedup_hot_end(struct kith_db *db)
{
	static const char *const sql[] = {
		"DROP TABLE IF EXISTS temp." HOT_EMAIL,
		"DROP TABLE IF EXISTS temp." HOT_PHONE,
		"DROP TABLE IF EXISTS temp." HOT_NAME,
	};
	struct kith_err	err = { 0 };

	(void)hot_run(db, sql, sizeof sql / sizeof sql[0], 0, &err);
}
