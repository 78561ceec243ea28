/* SPDX-License-Identifier: MIT */
/*
 * The keys a bulk import checks for duplicates set-based (dedup.h): a
 * filter of every key of the file and the book, that says which rows
 * cannot have a duplicate, and the mirror of the keys met more than once
 * (dedup_hot), temp tables the row-by-row lookups of dedup.c read
 * instead of the indexes the bulk path drops.
 */
#include <ctype.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/dedup.h"
#include "kith/phone.h"
#include "kith/text.h"
#include "kith/util.h"
#include "internal.h"
#include "dedup_impl.h"

static uint64_t			 filter_hash(int, const char *, size_t);
static void			 filter_put(struct dedup_filter *, int,
				    const char *, size_t);
static int			 filter_has_n(const struct dedup_filter *,
				    int, const char *, size_t);
static size_t			 email_key(int, const char *, size_t, char *);
static void			 filter_put_email(struct dedup_filter *,
				    const char *, size_t);
static enum kith_status		 load_keys(struct kith_db *,
				    void (*)(void *, int, const char *,
				    size_t), void *, struct kith_err *);
static void			 filter_load(void *, int, const char *,
				    size_t);
static void			 hot_load(void *, int, const char *, size_t);
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

/*
 * The filter: FILTER_K bits per key, at places drawn from one 64-bit hash
 * (h1 + i * h2, as Kirsch and Mitzenmacher showed is as good as K hashes),
 * all in one block of FILTER_BLOCK bits, a cache line, that the hash also
 * picks: a key costs one miss in the 8 MiB, not K (a third of the time of
 * a million-row import's first pass went to them).  2^26 bits hold 6
 * million keys (a million and a half contacts) at about 1% false
 * "maybe"s; past that the filter saves less, never wrongly.
 */
#define FILTER_K		5
#define FILTER_BITS		((uint64_t)1 << 26)	/* 8 MiB */
#define FILTER_BLOCK		512			/* bits */

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

/* The key's FILTER_K bit numbers, in one block. */
static void
filter_bits(const struct dedup_filter *f, int kind, const char *s,
    size_t len, uint64_t bit[FILTER_K])
{
	uint64_t	h = filter_hash(kind, s, len), block;
	uint32_t	h1 = (uint32_t)h, step = (uint32_t)(h >> 32) | 1;
	int		i;

	/* The block from the product's top bits, the places from h's. */
	block = (h * 0x9e3779b97f4a7c15ULL >> 40) * FILTER_BLOCK & f->mask;
	for (i = 0; i < FILTER_K; i++)
		bit[i] = block + ((h1 + (uint32_t)i * step) & (FILTER_BLOCK -
		    1));
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

int
dedup_filter_has(const struct dedup_filter *f, int kind, const char *s)
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

int
dedup_filter_has_email(const struct dedup_filter *f, int kind,
    const char *addr)
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

/*
 * Each stored key to put(arg, kind, key, its length): the addresses
 * (kind 'e', whose 'e' and 'b' keys the callee makes), the phones ('p')
 * and the folded names ('n'), archived contacts' too.
 */
static enum kith_status
load_keys(struct kith_db *db, void (*put)(void *, int, const char *, size_t),
    void *arg, struct kith_err *err)
{
	static const struct {
		const char	*sql;
		int		 kind;
	} load[] = {
		{ "SELECT addr_norm FROM email", 'e' },
		{ "SELECT norm FROM phone", 'p' },
		{ "SELECT name_fold FROM contact", 'n' },
	};
	sqlite3_stmt	*stmt;
	const char	*s;
	size_t		 i;
	int		 rc;

	for (i = 0; i < sizeof load / sizeof load[0]; i++) {
		if ((stmt = db_stmt(db, load[i].sql, err)) == NULL)
			return KITH_DB;
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			if ((s = (const char *)sqlite3_column_text(stmt, 0)) !=
			    NULL)
				put(arg, load[i].kind, s,
				    (size_t)sqlite3_column_bytes(stmt, 0));
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE)
			return db_fail(db, err, "reading the stored contacts");
	}
	return KITH_OK;
}

/* A stored key into the filter arg (load_keys). */
static void
filter_load(void *arg, int kind, const char *s, size_t len)
{
	if (kind == 'e')
		filter_put_email(arg, s, len);
	else
		filter_put(arg, kind, s, len);
}

enum kith_status
dedup_filter_new(struct kith_db *db, struct dedup_filter **out,
    struct kith_err *err)
{
	struct dedup_filter	*f;
	enum kith_status	 st;

	*out = NULL;
	f = xmalloc(sizeof *f);
	f->bits = xcalloc((size_t)(FILTER_BITS / 64), sizeof *f->bits);
	f->mask = FILTER_BITS - 1;
	if ((st = load_keys(db, filter_load, f, err)) != KITH_OK) {
		dedup_filter_free(f);
		return st;
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
	if ((s = dedup_fold_name(db, c)) != NULL) {
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
#define HOT_BITS		((uint64_t)1 << 26)	/* 8 MiB each: 6
							   million keys at
							   1% false "twice" */
#define HOT_MAX			4000000	/* repeated keys at most: the
						   mirror lives in a file
						   beside the book (batch.c)
						   and grows with them */

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
			has = dedup_filter_has(&h->twice, 'p', s);
		free(s);
	}
	name = dedup_fold_name(db, c);
	if (!has && name != NULL) {
		if (put)
			hot_put(h, 'n', name, strlen(name));
		else
			has = dedup_filter_has(&h->twice, 'n', name);
	}
	/*
	 * Once only if the same (a key of the row counted twice is shared),
	 * and not folded again if the same before folding.
	 */
	if (!has && str_empty(c->display) &&
	    (parts = contact_name_from_parts(c)) != NULL) {
		struct sbuf raw = { 0 };

		dedup_raw_name(c, &raw);
		s = NULL;
		if ((raw.len == 0 || strcmp(raw.s, parts) != 0) &&
		    text_fold(kith_db_text(db), parts, &s, NULL) == KITH_OK &&
		    (name == NULL || strcmp(s, name) != 0)) {
			if (put)
				hot_put(h, 'n', s, strlen(s));
			else
				has = dedup_filter_has(&h->twice, 'n', s);
		}
		sbuf_free(&raw);
		free(s);
		free(parts);
	}
	free(name);
	return has;
}

/* A stored key counted in the dedup_hot arg (load_keys). */
static void
hot_load(void *arg, int kind, const char *s, size_t len)
{
	if (kind == 'e')
		(void)hot_email(arg, 1, s, len);
	else
		hot_put(arg, kind, s, len);
}

enum kith_status
dedup_hot_new(struct kith_db *db, struct dedup_hot **out,
    struct kith_err *err)
{
	struct dedup_hot	*h;
	enum kith_status	 st;

	*out = NULL;
	h = xcalloc(1, sizeof *h);
	h->once.bits = xcalloc((size_t)(HOT_BITS / 64), sizeof *h->once.bits);
	h->twice.bits = xcalloc((size_t)(HOT_BITS / 64),
	    sizeof *h->twice.bits);
	h->once.mask = h->twice.mask = HOT_BITS - 1;
	if ((st = load_keys(db, hot_load, h, err)) != KITH_OK) {
		dedup_hot_free(h);
		return st;
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

	/* The keys are counted: only the second filter is asked now. */
	free(h->once.bits);
	h->once.bits = NULL;
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
