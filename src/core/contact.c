/* SPDX-License-Identifier: MIT */
/*
 * Contacts, their parts, and organisations.
 *
 * Every write cleans its text first (UTF-8 checked, NFC, trimmed), then
 * runs in one transaction that also refreshes the contact's folded name,
 * sort key and search entry, so the list order and the search index can
 * never disagree with the data.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/match.h"
#include "kith/db.h"
#include "kith/dedup.h"
#include "kith/phone.h"
#include "kith/search.h"
#include "kith/text.h"
#include "kith/util.h"
#include "contact_impl.h"
#include "internal.h"
#include "touch.h"

/* A contact's text fields, cleaned, in the order the SQL binds them. */
enum { F_DISPLAY, F_PREFIX, F_GIVEN, F_MIDDLE, F_FAMILY, F_SUFFIX,
    F_NICKNAME, F_TITLE, F_BIRTHDAY, F_NOTES, F_SOURCE, F_DEPARTMENT, F_UID,
    F_COUNT };

static const char *const field_names[F_COUNT] = {
	"name", "prefix", "given name", "middle name", "family name",
	"suffix", "nickname", "title", "birthday", "notes", "source",
	"department", "vCard UID"
};

static enum kith_status	write_contact(struct kith_db *, struct contact *,
			    int, unsigned, struct kith_err *);
static const char	*contact_diff(const struct contact *,
			    const struct contact *, unsigned *);
static enum kith_status	archive_row(struct kith_db *, int64_t, int,
			    struct kith_err *);
/* Lookups (contact_resolve) and the duplicate check on add. */
struct cand;
static int		 word_rank(const char *, const char *);
static void		 cand_add(struct cand **, size_t *, int64_t, int);
static enum kith_status	resolve_email(struct kith_db *, const char *,
			    struct cand **, size_t *, struct kith_err *);
static enum kith_status	resolve_phone(struct kith_db *, const char *,
			    struct cand **, size_t *, struct kith_err *);
static enum kith_status	resolve_name(struct kith_db *, const char *,
			    struct cand **, size_t *, struct kith_err *);
static enum kith_status	resolve_refs(struct kith_db *, const struct cand *,
			    size_t, int, size_t, struct contact_ref **,
			    size_t *, struct kith_err *);
static enum kith_status	phone_clash(struct kith_db *, const struct contact *,
			    const char *, struct contact_clash *,
			    struct kith_err *);

struct contact *
contact_new(void)
{
	return xcalloc(1, sizeof(struct contact));
}

void
contact_free(struct contact *c)
{
	if (c == NULL)
		return;
	free(c->display);
	free(c->prefix);
	free(c->given);
	free(c->middle);
	free(c->family);
	free(c->suffix);
	free(c->nickname);
	free(c->org);
	free(c->title);
	free(c->birthday);
	free(c->notes);
	free(c->source);
	free(c->department);
	free(c->uid);
	contact_parts_free(c);
	free(c);
}

void
contact_set(char **field, const char *value)
{
	free(*field);
	*field = str_empty(value) ? NULL : xstrdup(value);
}

char *
contact_name_from_parts(const struct contact *c)
{
	const char	*parts[5] = { c->prefix, c->given, c->middle,
			    c->family, c->suffix };
	struct sbuf	 sb = { 0 };
	size_t		 i;

	for (i = 0; i < 5; i++) {
		if (str_empty(parts[i]))
			continue;
		if (sb.len > 0)
			sbuf_addc(&sb, ' ');
		sbuf_add(&sb, parts[i]);
	}
	if (sb.len == 0 && !str_empty(c->nickname))
		sbuf_add(&sb, c->nickname);
	return sb.len > 0 ? sbuf_detach(&sb) : NULL;
}

/*
 * The one reading of a display name as name parts: exactly two words
 * separated by one space ("Ana Petrović") are a given and a family name,
 * and *sp is set to that space; 0 for anything else (one word, three, an
 * e-mail address), which only a person can split.
 */
static int
name_two_words(const char *name, const char **sp)
{
	const char	*p;

	if (name == NULL || (p = strchr(name, ' ')) == NULL || p == name ||
	    p[1] == '\0' || p[1] == ' ' || strchr(p + 1, ' ') != NULL ||
	    strchr(name, '@') != NULL)
		return 0;
	*sp = p;
	return 1;
}

int
contact_split_display(struct contact *c)
{
	const char	*d = c->display, *sp;

	if (c->prefix != NULL || c->given != NULL || c->middle != NULL ||
	    c->family != NULL || c->suffix != NULL ||
	    (c->org != NULL && d != NULL && strcmp(d, c->org) == 0) ||
	    !name_two_words(d, &sp))
		return 0;
	c->given = xstrndup(d, (size_t)(sp - d));
	contact_set(&c->family, sp + 1);
	return 1;
}

void
contact_rename(struct contact *c, const char *name)
{
	char		*old = contact_name_from_parts(c);
	const char	*sp;
	int		 spelled, two;

	spelled = old != NULL && c->display != NULL &&
	    strcmp(old, c->display) == 0 &&
	    (c->prefix || c->given || c->middle || c->family || c->suffix);
	free(old);
	if (c->display != NULL && name != NULL &&
	    strcmp(c->display, name) == 0)
		return;
	contact_set(&c->display, name);
	if (!spelled)
		return;
	two = c->prefix == NULL && c->middle == NULL && c->suffix == NULL &&
	    c->given != NULL && c->family != NULL &&
	    name_two_words(name, &sp);
	contact_set(&c->prefix, NULL);
	contact_set(&c->middle, NULL);
	contact_set(&c->suffix, NULL);
	if (two) {
		free(c->given);
		c->given = xstrndup(name, (size_t)(sp - name));
		contact_set(&c->family, sp + 1);
	} else {
		contact_set(&c->given, NULL);
		contact_set(&c->family, NULL);
	}
}

int
contact_email_valid(const char *addr)
{
	const char	*at;

	at = strchr(addr, '@');
	return !(at == NULL || at == addr || at[1] == '\0' ||
	    strchr(at + 1, '@') || strpbrk(addr, " \t\r\n<>,;") != NULL);
}

enum kith_status
contact_insert(struct kith_db *db, struct contact *c, struct kith_err *err)
{
	return write_contact(db, c, 1, 0, err);
}

enum kith_status
contact_update(struct kith_db *db, struct contact *c, struct kith_err *err)
{
	return write_contact(db, c, 0, 0, err);
}

enum kith_status
contact_save_edit(struct kith_db *db, const struct contact *base,
    struct contact *c, struct kith_err *err)
{
	struct contact		*now = NULL;
	enum kith_status	 st;
	const char		*field;
	unsigned		 same;

	if ((st = kith_db_begin(db, err)) != KITH_OK)
		return st;
	/* Read again under the write lock: nobody can change it now. */
	if ((st = contact_get(db, base->id, &now, err)) != KITH_OK)
		goto fail;
	if ((field = contact_diff(base, now, &same)) != NULL) {
		st = kith_err_set(err, KITH_CONFLICT, "%s (#%lld) was changed "
		    "by another kith or an import since it was read (its %s "
		    "differs); nothing was saved: read it again and redo the "
		    "edit", now->display, (long long)now->id, field);
		goto fail;
	}
	c->id = base->id;
	/* An edit that changes nothing writes nothing: no change to undo. */
	if (contact_diff(base, c, &same) != NULL &&
	    (st = write_contact(db, c, 0, same, err)) != KITH_OK)
		goto fail;
	contact_free(now);
	return kith_db_commit(db, err);
fail:
	contact_free(now);
	kith_db_rollback(db);
	return st;
}

const char *
contact_changed(const struct contact *a, const struct contact *b)
{
	unsigned	same;

	return contact_diff(a, b, &same);
}

static const char *
contact_diff(const struct contact *a, const struct contact *b,
    unsigned *same)
{
	const char *const sa[] = { a->display, a->prefix, a->given,
	    a->middle, a->family, a->suffix, a->nickname, a->title,
	    a->birthday, a->notes, a->source, a->department, a->uid };
	const char *const sb[] = { b->display, b->prefix, b->given,
	    b->middle, b->family, b->suffix, b->nickname, b->title,
	    b->birthday, b->notes, b->source, b->department, b->uid };
	const char	*first = NULL, *list;
	int		 f;

	for (f = 0; f < F_COUNT && first == NULL; f++)
		if (!contact_same_text(sa[f], sb[f]))
			first = field_names[f];
	if (first == NULL && !contact_same_text(a->org, b->org))
		first = "organisation";
	if (first == NULL && (a->cadence_days != b->cadence_days ||
	    (a->archived != 0) != (b->archived != 0)))
		first = a->cadence_days != b->cadence_days ? "cadence" :
		    "archived state";

	list = contact_parts_diff(a, b, same);
	return first != NULL ? first : list;
}

/*
 * Cleans every text field of c in place (so the caller sees what was
 * stored), then inserts or updates the row, its parts and its search entry
 * in one transaction.
 */
static enum kith_status
write_contact(struct kith_db *db, struct contact *c, int insert,
    unsigned keep, struct kith_err *err)
{
	char		**fields[F_COUNT] = { &c->display, &c->prefix,
			    &c->given, &c->middle, &c->family, &c->suffix,
			    &c->nickname, &c->title, &c->birthday, &c->notes,
			    &c->source, &c->department, &c->uid };
	struct kith_text *text = kith_db_text(db);
	sqlite3_stmt	*stmt;
	enum kith_status st;
	unsigned char	*key = NULL;
	size_t		 key_len;
	int64_t		 org_id = 0, now;
	char		*clean, *fold = NULL;
	int		 f;

	for (f = 0; f < F_COUNT; f++) {
		/* Notes are kept as written; everything else is trimmed. */
		st = f == F_NOTES ?
		    db_nfc_text(db, field_names[f], *fields[f], &clean, err) :
		    db_clean_text(db, field_names[f], *fields[f], &clean, err);
		if (st != KITH_OK)
			return st;
		free(*fields[f]);
		*fields[f] = clean;
	}
	if ((st = db_clean_text(db, "organisation", c->org, &clean, err))
	    != KITH_OK)
		return st;
	free(c->org);
	c->org = clean;
	if (c->display == NULL)
		c->display = contact_name_from_parts(c);
	if (c->display == NULL)
		return kith_err_set(err, KITH_INVALID,
		    "a contact needs a name");
	if (c->birthday != NULL &&
	    (st = contact_date_check("birthday", c->birthday, err))
	    != KITH_OK)
		return st;
	if (c->cadence_days < 0)
		return kith_err_set(err, KITH_INVALID,
		    "keep-in-touch cadence must be 0 or more days");
	if ((st = contact_parts_clean(db, c, err)) != KITH_OK)
		return st;

	if ((st = text_fold(text, c->display, &fold, err)) != KITH_OK ||
	    (st = text_sort_key(text, c->display, &key, &key_len, err))
	    != KITH_OK)
		goto out;
	if ((st = kith_db_begin(db, err)) != KITH_OK)
		goto out;
	if (c->org != NULL &&
	    (st = org_find_or_create(db, c->org, &org_id, err)) != KITH_OK)
		goto fail;

	now = (int64_t)kith_db_now(db);
	if (insert)
		stmt = db_stmt(db, "INSERT INTO contact (display, prefix, "
		    "given, middle, family, suffix, nickname, title, birthday, "
		    "notes, source, department, uid, org_id, cadence_days, "
		    "archived, name_fold, sort_key, created, updated, batch_id) "
		    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
		    "?13, ?14, ?15, ?16, ?17, ?18, ?19, ?19, ?20)", err);
	else
		stmt = db_stmt(db, "UPDATE contact SET display = ?1, "
		    "prefix = ?2, given = ?3, middle = ?4, family = ?5, "
		    "suffix = ?6, nickname = ?7, title = ?8, birthday = ?9, "
		    "notes = ?10, source = ?11, department = ?12, uid = ?13, "
		    "org_id = ?14, cadence_days = ?15, archived = ?16, "
		    "name_fold = ?17, sort_key = ?18, updated = ?19 "
		    "WHERE id = ?20", err);
	if (stmt == NULL) {
		st = KITH_DB;
		goto fail;
	}
	for (f = 0; f < F_COUNT; f++)
		db_bind_text(stmt, f + 1, *fields[f]);
	if (org_id != 0)
		sqlite3_bind_int64(stmt, F_COUNT + 1, org_id);
	sqlite3_bind_int(stmt, F_COUNT + 2, c->cadence_days);
	sqlite3_bind_int(stmt, F_COUNT + 3, c->archived != 0);
	sqlite3_bind_text(stmt, F_COUNT + 4, fold, -1, SQLITE_STATIC);
	sqlite3_bind_blob(stmt, F_COUNT + 5, key, (int)key_len, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, F_COUNT + 6, now);
	if (!insert)
		sqlite3_bind_int64(stmt, F_COUNT + 7, c->id);
	else if (c->batch != 0)
		sqlite3_bind_int64(stmt, F_COUNT + 7, c->batch);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "saving a contact");
		goto fail;
	}
	if (insert) {
		c->id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
		c->created = now;
	} else if (sqlite3_changes(kith_db_sqlite(db)) == 0) {
		st = kith_err_set(err, KITH_NOTFOUND, "no contact with id %lld",
		    (long long)c->id);
		goto fail;
	}
	c->updated = now;
	if ((st = contact_parts_write(db, c, insert, keep, err)) != KITH_OK ||
	    ((!insert || c->cadence_days > 0) &&
	    (st = touch_refresh(db, c->id, err)) != KITH_OK) ||
	    (insert && c->cadence_days <= 0 && c->n_tags > 0 &&
	    (st = touch_refresh_new(db, c->id, err)) != KITH_OK) ||
	    (!db_bulk(db) &&
	    (st = search_reindex(db, c->id, err)) != KITH_OK))
		goto fail;
	st = kith_db_commit(db, err);
	goto out;
fail:
	kith_db_rollback(db);
out:
	free(fold);
	free(key);
	return st;
}

enum kith_status
contact_get(struct kith_db *db, int64_t id, struct contact **out,
    struct kith_err *err)
{
	struct contact	*c;
	sqlite3_stmt	*stmt;
	enum kith_status st;
	int		 rc;

	*out = NULL;
	if ((stmt = db_stmt(db, "SELECT c.display, c.prefix, c.given, "
	    "c.middle, c.family, c.suffix, c.nickname, c.title, c.birthday, "
	    "c.notes, c.source, o.name, c.cadence_days, c.archived, "
	    "c.created, c.updated, c.department, c.uid FROM contact c "
	    "LEFT JOIN org o ON "
	    "o.id = c.org_id WHERE c.id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		if (rc == SQLITE_DONE)
			return kith_err_set(err, KITH_NOTFOUND,
			    "no contact with id %lld", (long long)id);
		return db_fail(db, err, "reading a contact");
	}
	c = contact_new();
	c->id = id;
	c->display = db_col_text(stmt, 0);
	c->prefix = db_col_text(stmt, 1);
	c->given = db_col_text(stmt, 2);
	c->middle = db_col_text(stmt, 3);
	c->family = db_col_text(stmt, 4);
	c->suffix = db_col_text(stmt, 5);
	c->nickname = db_col_text(stmt, 6);
	c->title = db_col_text(stmt, 7);
	c->birthday = db_col_text(stmt, 8);
	c->notes = db_col_text(stmt, 9);
	c->source = db_col_text(stmt, 10);
	c->org = db_col_text(stmt, 11);
	c->cadence_days = sqlite3_column_int(stmt, 12);
	c->archived = sqlite3_column_int(stmt, 13);
	c->created = sqlite3_column_int64(stmt, 14);
	c->updated = sqlite3_column_int64(stmt, 15);
	c->department = db_col_text(stmt, 16);
	c->uid = db_col_text(stmt, 17);
	sqlite3_reset(stmt);
	if ((st = contact_parts_read(db, c, err)) != KITH_OK) {
		contact_free(c);
		return st;
	}
	*out = c;
	return KITH_OK;
}

static enum kith_status
archive_row(struct kith_db *db, int64_t id, int archived,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "UPDATE contact SET archived = ?2, "
	    "updated = ?3 WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, archived != 0);
	sqlite3_bind_int64(stmt, 3, (int64_t)kith_db_now(db));
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "archiving a contact");
	if (sqlite3_changes(kith_db_sqlite(db)) == 0)
		return kith_err_set(err, KITH_NOTFOUND, "no contact with id %lld",
		    (long long)id);
	return KITH_OK;
}

/* A transaction of its own: one change for kith undo. */
enum kith_status
contact_archive(struct kith_db *db, int64_t id, int archived,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, archive_row(db, id, archived, err));
}

enum kith_status
contact_delete(struct kith_db *db, int64_t id, struct kith_err *err)
{
	static const char *const steps[] = {
		/* Interactions nobody else took part in go with the contact. */
		"DELETE FROM interaction WHERE id IN (SELECT interaction_id "
		    "FROM interaction_contact WHERE contact_id = ?1) AND NOT "
		    "EXISTS (SELECT 1 FROM interaction_contact x WHERE "
		    "x.interaction_id = interaction.id AND x.contact_id <> ?1)",
		"DELETE FROM contact_fts WHERE rowid = ?1",
		"DELETE FROM contact WHERE id = ?1",
	};
	enum kith_status	 st;
	sqlite3_stmt		*stmt;
	size_t			 i;

	if ((st = kith_db_begin(db, err)) != KITH_OK)
		return st;
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if ((stmt = db_stmt(db, steps[i], err)) == NULL) {
			st = KITH_DB;
			goto fail;
		}
		sqlite3_bind_int64(stmt, 1, id);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			st = db_fail(db, err, "deleting a contact");
			goto fail;
		}
	}
	if (sqlite3_changes(kith_db_sqlite(db)) == 0) {
		st = kith_err_set(err, KITH_NOTFOUND, "no contact with id %lld",
		    (long long)id);
		goto fail;
	}
	return kith_db_commit(db, err);
fail:
	kith_db_rollback(db);
	return st;
}

void
contact_refs_free(struct contact_ref *refs, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(refs[i].name);
		free(refs[i].org);
		free(refs[i].email);
	}
	free(refs);
}

/*
 * Resolving what a user typed into one contact: an id, an e-mail address,
 * a phone number, or words of a name -- never notes, tags, custom fields
 * or the organisation.  Candidates are gathered into a list of struct
 * cand, ranked, and only the best rank counts: one contact there is the
 * answer, several are the ambiguity shown to the user.
 */
struct cand {
	int64_t		 id;
	int		 rank;		/* higher is better; see resolve_rank */
};

#define RESOLVE_MAX_CANDS	2000	/* name candidates ranked at most */

static int
word_rank(const char *names, const char *w)
{
	const char	*p = names, *end;
	size_t		 wl = strlen(w), nl;
	int		 best = 0;

	while (*p != '\0') {
		while (*p == ' ')
			p++;
		if (*p == '\0')
			break;
		end = strchr(p, ' ');
		nl = end != NULL ? (size_t)(end - p) : strlen(p);
		if (nl == wl && memcmp(p, w, wl) == 0)
			return RANK_WORD;
		if (nl > wl && memcmp(p, w, wl) == 0)
			best = RANK_PREFIX;
		else if (best < RANK_CONTAINS && nl > wl) {
			char *word = xstrndup(p, nl);

			if (strstr(word, w) != NULL)
				best = RANK_CONTAINS;
			free(word);
		}
		p += nl;
	}
	return best;
}

/* The ranking of names, shared with deal_resolve (internal.h). */
int
resolve_rank(char *const *words, size_t n, const char *query_fold,
    const char *fold, const char *names)
{
	size_t	i;
	int	r, rank = RANK_WORD;

	if (fold != NULL && strcmp(fold, query_fold) == 0)
		return RANK_FULL;
	for (i = 0; i < n && rank > 0; i++)
		if ((r = word_rank(names, words[i])) < rank)
			rank = r;
	return rank;
}

static void
cand_add(struct cand **v, size_t *n, int64_t id, int rank)
{
	size_t	i;

	for (i = 0; i < *n; i++)
		if ((*v)[i].id == id) {
			if (rank > (*v)[i].rank)
				(*v)[i].rank = rank;
			return;
		}
	contact_grow((void **)v, *n, sizeof **v);
	(*v)[*n].id = id;
	(*v)[*n].rank = rank;
	(*n)++;
}

/* Candidates by e-mail: the address compared as stored (addr_norm). */
static enum kith_status
resolve_email(struct kith_db *db, const char *what, struct cand **v,
    size_t *n, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*clean = NULL;
	int		 rc;

	if ((st = db_clean_text(db, "e-mail", what, &clean, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "SELECT DISTINCT contact_id FROM email WHERE "
	    "addr_norm = lower(?1)", err)) == NULL) {
		free(clean);
		return KITH_DB;
	}
	sqlite3_bind_text(stmt, 1, clean ? clean : "", -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		cand_add(v, n, sqlite3_column_int64(stmt, 0), 1);
	sqlite3_reset(stmt);
	free(clean);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "finding a contact by e-mail");
	return KITH_OK;
}

/*
 * Candidates by phone: the normalised form through its index first; else
 * every stored number ending in the typed digits, checked with
 * phone_matches() (a number typed without its country code).
 */
static enum kith_status
resolve_phone(struct kith_db *db, const char *what, struct cand **v,
    size_t *n, struct kith_err *err)
{
	static const char *const sql[] = {
		"SELECT contact_id, norm FROM phone WHERE norm = ?1",
		"SELECT contact_id, norm FROM phone WHERE norm LIKE '%' || ?2",
	};
	const char	*region = phone_region(db), *tail;
	sqlite3_stmt	*stmt;
	char		*norm, *digits;
	size_t		 i;
	int		 rc = SQLITE_DONE;

	norm = phone_normalise(what, region);
	digits = phone_digits(what);
	for (tail = digits; *tail == '+' || *tail == '0'; tail++)
		;
	for (i = 0; i < 2 && *n == 0 && rc == SQLITE_DONE; i++) {
		if ((stmt = db_stmt(db, sql[i], err)) == NULL) {
			free(norm);
			free(digits);
			return KITH_DB;
		}
		sqlite3_bind_text(stmt, 1, norm, -1, SQLITE_STATIC);
		if (i == 1)
			sqlite3_bind_text(stmt, 2, tail, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			if (phone_matches(what, (const char *)
			    sqlite3_column_text(stmt, 1), region))
				cand_add(v, n, sqlite3_column_int64(stmt, 0),
				    1);
		sqlite3_reset(stmt);
	}
	free(norm);
	free(digits);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "finding a contact by phone");
	return KITH_OK;
}

/*
 * Candidates by name, one rank at a time, best first, stopping at the
 * first rank that has any: the folded display name equal to the query
 * (its index); every query word a whole word of the name column of the
 * search index; every one beginning a word there; every one inside a word
 * (a scan).  Gathering a rank at a time keeps a common name among a
 * million contacts from crowding out the one meant.
 */
static enum kith_status
resolve_name(struct kith_db *db, const char *what, struct cand **v,
    size_t *n, struct kith_err *err)
{
	static const char *const sql[] = {
		"SELECT c.id, c.name_fold, '' FROM contact c WHERE "
		    "c.name_fold = ?3 LIMIT ?2",
		"SELECT c.id, c.name_fold, f.name FROM contact_fts f JOIN "
		    "contact c ON c.id = f.rowid WHERE contact_fts MATCH ?1 "
		    "LIMIT ?2",
		"SELECT c.id, c.name_fold, f.name FROM contact_fts f JOIN "
		    "contact c ON c.id = f.rowid WHERE contact_fts MATCH ?1 "
		    "LIMIT ?2",
		"SELECT c.id, c.name_fold, f.c0 FROM contact_fts_content f "
		    "JOIN contact c ON c.id = f.id WHERE instr(f.c0, ?4) > 0 "
		    "LIMIT ?2",
	};
	static const int ranks[] = { RANK_FULL, RANK_WORD, RANK_PREFIX,
	    RANK_CONTAINS };
	struct sbuf	 words_exact = { 0 }, words_prefix = { 0 };
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*fold = NULL, *copy, *w, *save = NULL, **words = NULL;
	const char	*longest = "";
	size_t		 n_words = 0, i;
	int		 rc = SQLITE_DONE, rank;

	if ((st = text_fold(kith_db_text(db), what, &fold, err)) != KITH_OK)
		return st;
	copy = xstrdup(fold);
	for (w = strtok_r(copy, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save)) {
		words = xreallocarray(words, n_words + 1, sizeof *words);
		words[n_words++] = w;
		/* Folded text is [a-z0-9 ] only, so quoting is safe. */
		sbuf_printf(&words_exact, "%sname : \"%s\"",
		    words_exact.len ? " AND " : "", w);
		sbuf_printf(&words_prefix, "%sname : \"%s\"*",
		    words_prefix.len ? " AND " : "", w);
		if (strlen(w) > strlen(longest))
			longest = w;
	}
	for (i = 0; i < 4 && n_words > 0 && *n == 0 && rc == SQLITE_DONE;
	    i++) {
		if ((stmt = db_stmt(db, sql[i], err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int(stmt, 2, RESOLVE_MAX_CANDS);
		if (i == 0)
			sqlite3_bind_text(stmt, 3, fold, -1, SQLITE_STATIC);
		else if (i == 3)
			sqlite3_bind_text(stmt, 4, longest, -1, SQLITE_STATIC);
		else
			sqlite3_bind_text(stmt, 1, i == 1 ? words_exact.s :
			    words_prefix.s, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			/* Check each row: the index is a first cut. */
			rank = i == 0 ? RANK_FULL : resolve_rank(words,
			    n_words, fold,
			    (const char *)sqlite3_column_text(stmt, 1),
			    (const char *)sqlite3_column_text(stmt, 2));
			if (rank == ranks[i])
				cand_add(v, n, sqlite3_column_int64(stmt, 0),
				    rank);
		}
		sqlite3_reset(stmt);
	}
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "finding a contact by name");
		goto out;
	}
	/*
	 * Last, the loose matcher (match.h): a transliteration variant,
	 * nickname, initials, alias or sound-alike; its best grade wins.
	 */
	if (*n == 0 && n_words > 0) {
		struct match_hit *h;
		size_t n_h;

		if ((st = match_find(db, what, MATCH_PERSON,
		    RESOLVE_MAX_CANDS, &h, &n_h, err)) != KITH_OK)
			goto out;
		for (i = 0; i < n_h && h[i].res.grade == h[0].res.grade; i++)
			cand_add(v, n, h[i].id, RANK_CONTAINS);
		match_hits_free(h, n_h);
	}
out:
	sbuf_free(&words_exact);
	sbuf_free(&words_prefix);
	free(words);
	free(copy);
	free(fold);
	return st;
}

/* Fills *refs with up to max of the n ids, in name order. */
static enum kith_status
resolve_refs(struct kith_db *db, const struct cand *v, size_t n, int rank,
    size_t max, struct contact_ref **refs, size_t *n_refs,
    struct kith_err *err)
{
	struct sbuf	 ids = { 0 };
	sqlite3_stmt	*stmt;
	struct contact_ref *r;
	size_t		 i, k = 0;
	int		 rc;

	for (i = 0; i < n; i++)
		if (v[i].rank == rank)
			sbuf_printf(&ids, "%s%lld", ids.len ? "," : "",
			    (long long)v[i].id);
	/* The ids are numbers this function wrote: no injection. */
	if ((stmt = db_stmt(db, "SELECT c.id, c.display, o.name, "
	    "(SELECT addr FROM email WHERE contact_id = c.id ORDER BY pos "
	    "LIMIT 1) FROM contact c LEFT JOIN org o ON o.id = c.org_id "
	    "WHERE c.id IN (SELECT value FROM json_each('[' || ?1 || ']')) "
	    "ORDER BY c.sort_key, c.id LIMIT ?2", err)) == NULL) {
		sbuf_free(&ids);
		return KITH_DB;
	}
	sqlite3_bind_text(stmt, 1, ids.s ? ids.s : "", -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(stmt, 2, (int64_t)max);
	sbuf_free(&ids);
	r = xcalloc(max + 1, sizeof *r);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW && k < max) {
		r[k].id = sqlite3_column_int64(stmt, 0);
		r[k].name = db_col_text(stmt, 1);
		r[k].org = db_col_text(stmt, 2);
		r[k].email = db_col_text(stmt, 3);
		k++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE && rc != SQLITE_ROW) {
		contact_refs_free(r, k);
		return db_fail(db, err, "listing the candidates");
	}
	*refs = r;
	*n_refs = k;
	return KITH_OK;
}

enum kith_status
contact_resolve(struct kith_db *db, const char *what, int64_t *id,
    struct contact_ref **cands, size_t *n_cands, size_t max,
    struct kith_err *err)
{
	static const char *const by[] = { "e-mail", "phone number", "name" };
	struct cand		*v = NULL;
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	const char		*p;
	size_t			 n = 0, i, n_best = 0;
	int			 rc, step, best = 0;

	*id = 0;
	if (cands != NULL) {
		*cands = NULL;
		*n_cands = 0;
	}
	if (what == NULL)
		what = "";
	for (p = what; *p >= '0' && *p <= '9'; p++)
		;
	if (*what != '\0' && *p == '\0') {
		if ((stmt = db_stmt(db, "SELECT id FROM contact WHERE id = ?1",
		    err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, strtoll(what, NULL, 10));
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			*id = sqlite3_column_int64(stmt, 0);
			sqlite3_reset(stmt);
			return KITH_OK;
		}
		if (rc != SQLITE_DONE)
			return db_fail(db, err, "finding a contact");
		/* Not an id; a number long enough may be a phone. */
		if (!phone_looks_like(what))
			return kith_err_set(err, KITH_NOTFOUND,
			    "no contact with id %s", what);
	}

	/* Each kind of key is tried alone: a key that names nobody fails. */
	if (strchr(what, '@') != NULL) {
		step = 0;
		st = resolve_email(db, what, &v, &n, err);
	} else if (phone_looks_like(what)) {
		step = 1;
		st = resolve_phone(db, what, &v, &n, err);
	} else {
		step = 2;
		st = resolve_name(db, what, &v, &n, err);
	}
	if (st != KITH_OK)
		goto out;
	for (i = 0; i < n; i++) {
		if (v[i].rank > best) {
			best = v[i].rank;
			n_best = 0;
		}
		if (v[i].rank == best) {
			n_best++;
			*id = v[i].id;
		}
	}
	if (n_best == 1)
		goto out;
	*id = 0;
	if (n_best == 0) {
		st = kith_err_set(err, KITH_NOTFOUND, "no contact has the %s "
		    "'%s'", by[step], what);
		if (step == 1 && *p == '\0')
			st = kith_err_set(err, KITH_NOTFOUND, "no contact has "
			    "the id or phone number %s", what);
		else if (step == 2)
			st = kith_err_set(err, KITH_NOTFOUND, "no contact's "
			    "name matches '%s' (kith list '%s' searches "
			    "everything)", what, what);
		goto out;
	}
	if (cands != NULL && max > 0 &&
	    (st = resolve_refs(db, v, n, best, max, cands, n_cands, err))
	    != KITH_OK)
		goto out;
	st = kith_err_set(err, KITH_AMBIGUOUS, "'%s' matches %s%zu contacts",
	    what, n_best > max ? "more than " : "", n_best > max ? max : n_best);
out:
	free(v);
	return st;
}

/*
 * Fills *out with a contact other than c that has the number raw, as a
 * lookup would find it (phone_matches): its normalised form through the
 * index, else a number ending in raw's digits.
 */
static enum kith_status
phone_clash(struct kith_db *db, const struct contact *c, const char *raw,
    struct contact_clash *out, struct kith_err *err)
{
	static const char *const sql[] = {
		"SELECT c.id, c.display, p.raw, p.norm FROM phone p JOIN "
		    "contact c ON c.id = p.contact_id WHERE p.norm = ?1 AND "
		    "c.id <> ?3 ORDER BY c.id",
		"SELECT c.id, c.display, p.raw, p.norm FROM phone p JOIN "
		    "contact c ON c.id = p.contact_id WHERE p.norm LIKE '%' || "
		    "?2 AND c.id <> ?3 ORDER BY c.id",
	};
	const char	*region = phone_region(db), *tail;
	sqlite3_stmt	*stmt;
	char		*norm, *digits;
	size_t		 i;
	int		 rc = SQLITE_DONE;

	if (phone_count_digits(raw) < PHONE_MIN_DIGITS)
		return KITH_OK;
	norm = phone_normalise(raw, region);
	digits = phone_digits(raw);
	for (tail = digits; *tail == '+' || *tail == '0'; tail++)
		;
	for (i = 0; i < 2 && out->id == 0 && rc == SQLITE_DONE; i++) {
		if ((stmt = db_stmt(db, sql[i], err)) == NULL) {
			free(norm);
			free(digits);
			return KITH_DB;
		}
		sqlite3_bind_text(stmt, 1, norm, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, tail, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, c->id);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			if (!phone_matches(raw, (const char *)
			    sqlite3_column_text(stmt, 3), region))
				continue;
			out->id = sqlite3_column_int64(stmt, 0);
			out->name = db_col_text(stmt, 1);
			out->field = "phone";
			out->value = db_col_text(stmt, 2);
			rc = SQLITE_DONE;
			break;
		}
		sqlite3_reset(stmt);
	}
	free(norm);
	free(digits);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "looking for a contact with the same "
		    "phone");
	return KITH_OK;
}

void
contact_clash_free(struct contact_clash *cl)
{
	if (cl == NULL)
		return;
	free(cl->name);
	free(cl->value);
	memset(cl, 0, sizeof *cl);
}

enum kith_status
contact_find_clash(struct kith_db *db, const struct contact *c,
    struct contact_clash *out, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*key;
	size_t		 i;
	int		 rc = SQLITE_DONE;

	memset(out, 0, sizeof *out);
	for (i = 0; i < c->n_emails && rc == SQLITE_DONE; i++) {
		if ((st = db_clean_text(db, "e-mail", c->emails[i].addr, &key,
		    err)) != KITH_OK)
			return st;
		if (key == NULL)
			continue;
		if ((stmt = db_stmt(db, "SELECT c.id, c.display, e.addr FROM "
		    "email e JOIN contact c ON c.id = e.contact_id WHERE "
		    "e.addr_norm = lower(?1) AND c.id <> ?2 ORDER BY c.id "
		    "LIMIT 1", err)) == NULL) {
			free(key);
			return KITH_DB;
		}
		sqlite3_bind_text(stmt, 1, key, -1, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 2, c->id);
		free(key);
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			out->id = sqlite3_column_int64(stmt, 0);
			out->name = db_col_text(stmt, 1);
			out->field = "e-mail";
			out->value = db_col_text(stmt, 2);
		}
		sqlite3_reset(stmt);
	}
	for (i = 0; i < c->n_phones && rc == SQLITE_DONE && out->id == 0;
	    i++)
		if ((st = phone_clash(db, c, c->phones[i].raw, out, err))
		    != KITH_OK)
			return st;
	if (rc != SQLITE_DONE && rc != SQLITE_ROW)
		return db_fail(db, err, "looking for a contact with the same "
		    "e-mail or phone");
	return KITH_OK;
}

enum kith_status
org_find_or_create(struct kith_db *db, const char *name, int64_t *id,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*fold = NULL;
	int		 rc;

	if ((st = text_fold(kith_db_text(db), name, &fold, err)) != KITH_OK)
		return st;
	if (*fold == '\0') {
		/* Nothing foldable (e.g. only punctuation): key on the name. */
		free(fold);
		fold = xstrdup(name);
	}
	/* Look first: most contacts name an organisation already stored. */
	if ((stmt = db_stmt(db, "SELECT id FROM org WHERE name_fold = ?1",
	    err)) == NULL) {
		free(fold);
		return KITH_DB;
	}
	sqlite3_bind_text(stmt, 1, fold, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE) {
		if ((stmt = db_stmt(db, "INSERT INTO org (name, name_fold, "
		    "created, match_key) VALUES (?1, ?2, ?3, "
		    "kith_org_key(?1))", err)) == NULL) {
			free(fold);
			return KITH_DB;
		}
		sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, fold, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, (int64_t)kith_db_now(db));
		if ((rc = sqlite3_step(stmt)) == SQLITE_DONE) {
			*id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
			rc = SQLITE_ROW;
		}
		sqlite3_reset(stmt);
	}
	free(fold);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "saving an organisation");
	return KITH_OK;
}
