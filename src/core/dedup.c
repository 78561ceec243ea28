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
#include "dedup_impl.h"

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
static int			 same_label(const char *, const char *);
static int			 merge_dates(struct contact *,
				    const struct contact *);
static int			 merge_ims(struct contact *,
				    const struct contact *);
static int			 damaged_of(const char *, const char *);
static int			 via_nickname(struct kith_db *, const char *,
				    const char *, const char *);
static int			 names_apart(const char *, const char *);
static int			 has_word(const char *, const char *, size_t);

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
void
dedup_raw_name(const struct contact *c, struct sbuf *sb)
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
char *
dedup_fold_name(struct kith_db *db, const struct contact *c)
{
	struct sbuf	 sb = { 0 };
	char		*fold = NULL;

	dedup_raw_name(c, &sb);
	if (sb.len > 0 &&
	    text_fold(kith_db_text(db), sb.s, &fold, NULL) != KITH_OK)
		fold = NULL;
	sbuf_free(&sb);
	return fold;
}

/*
 * Whether folded names a and b, of two words or more each, have no word
 * in common, an initial counting as any word it begins: "bob jones" and
 * "ana petrovic" are two people, whatever else they share; "ana jones"
 * and "ana petrovic" (a new family name), "petrovic ana", "a p" and a
 * one-word name may be one.
 */
static int
names_apart(const char *a, const char *b)
{
	const char	*w, *end;

	if (str_empty(a) || str_empty(b) || strchr(a, ' ') == NULL ||
	    strchr(b, ' ') == NULL)
		return 0;
	for (w = a; *w != '\0'; w = *end != '\0' ? end + 1 : end) {
		if ((end = strchr(w, ' ')) == NULL)
			end = w + strlen(w);
		if (end > w && has_word(b, w, (size_t)(end - w)))
			return 0;
	}
	return 1;
}

/*
 * Whether folded b has the n-byte word w among its words, or an initial
 * of it, or w is the initial of one of them.
 */
static int
has_word(const char *b, const char *w, size_t n)
{
	const char	*p = b;
	size_t		 m;

	for (;;) {
		m = strcspn(p, " ");
		if (m > 0 && ((m == n && strncmp(p, w, n) == 0) ||
		    ((m == 1 || n == 1) && p[0] == w[0])))
			return 1;
		if (p[m] == '\0')
			return 0;
		p += m + 1;
	}
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
	"SELECT e.contact_id, c.name_fold, c.nickname FROM email e JOIN "
	    "contact c ON c.id = e.contact_id WHERE e.addr_norm = "
	    "lower(trim(?1)) AND c.archived = 0 LIMIT 20",
	"SELECT e.contact_id, c.name_fold, c.nickname FROM temp." HOT_EMAIL
	    " e CROSS JOIN contact c ON c.id = e.contact_id WHERE e.addr_norm "
	    "= lower(trim(?1)) AND c.archived = 0 LIMIT 20",
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
	name = dedup_fold_name(db, c);

	/*
	 * 1. A shared e-mail address: merge, unless the two names have no
	 * word in common (a shared mailbox, "office@", two people).
	 */
	for (i = 0; i < c->n_emails; i++) {
		if (filter != NULL && !dedup_filter_has_email(filter, 'e',
		    c->emails[i].addr))
			continue;
		if ((stmt = db_stmt(db, sql_email[hot], err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, c->emails[i].addr, -1,
		    SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			const char *other = (const char *)
			    sqlite3_column_text(stmt, 1);
			const char *nick = (const char *)
			    sqlite3_column_text(stmt, 2);

			if (!names_apart(name, other) ||
			    via_nickname(db, name, other, nick)) {
				*id = sqlite3_column_int64(stmt, 0);
				*verdict = DEDUP_EMAIL;
				*why = "same e-mail";
				break;
			}
			if (*verdict == DEDUP_NONE) {
				*id = sqlite3_column_int64(stmt, 0);
				*verdict = DEDUP_REVIEW;
				*why = "same e-mail, another name";
			}
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
			st = db_fail(db, err, "looking for duplicates");
			goto out;
		}
		if (*verdict == DEDUP_EMAIL)
			goto out;
	}

	/* 2. A shared phone number: merge if the names agree. */
	for (i = 0; i < c->n_phones && *verdict != DEDUP_PHONE; i++) {
		norm = phone_normalise(c->phones[i].raw, region);
		if (strlen(norm) < 7 ||		/* too short to tell */
		    (filter != NULL && !dedup_filter_has(filter, 'p', norm))) {
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
		    (filter != NULL && !dedup_filter_has_email(filter, 'b', addr)))
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
	    (filter != NULL && !dedup_filter_has(filter, 'n', name)))
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
