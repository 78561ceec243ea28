/* SPDX-License-Identifier: MIT */
/*
 * The change journal (journal.h): one SQLite session per outermost write
 * transaction records the rows changed in the user-data tables; the commit
 * stores them as one changeset in the journal table, with the label the
 * front gave.  Undo applies the inverted changeset.
 *
 * Invariants: a session exists only inside an outermost transaction that
 * is not in bulk mode; the journal's own tables, the import bookkeeping
 * and the search index (rebuilt from the data) are never recorded.
 * Inverting keeps the order in which the tables were first touched, so
 * parents (an organisation, a contact) would be removed before their
 * children and the foreign-key cascades would change rows the action
 * never touched; the tables of an inverted changeset are applied in
 * reverse order instead, children first.  Foreign keys stay on: the apply
 * defers them to its end, and every row change the undo makes must be one
 * of the recorded ones, or the undo is refused.
 */
#define SQLITE_ENABLE_SESSION		1
#define SQLITE_ENABLE_PREUPDATE_HOOK	1
#include <sqlite3.h>
#include <stdarg.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/db.h"
#include "kith/import.h"
#include "kith/journal.h"
#include "kith/search.h"
#include "kith/util.h"
#include "internal.h"

struct journal {
	sqlite3_session	*session;	/* this transaction's, or NULL */
	char		*command;	/* kith_db_action(), or NULL */
	char		*label;
	int64_t		 undoes;	/* the action this one undoes */
	int64_t		 batch;		/* the import whose rows it records */
	int		 record;	/* record an action even if empty */
	int64_t		 last;		/* the last action this handle recorded */
};

/* A row named in a refusal. */
struct row_ref {
	char		 table[64];
	char		 key[256];	/* primary key, as journal_key() */
	int64_t		 pk;		/* first key column if an integer */
	int64_t		 contact;	/* the contact it belongs to, or 0 */
	char		 name[128];	/* what names it (a contact's name) */
	int		 op;		/* SQLITE_INSERT/UPDATE/DELETE */
	int		 kind;		/* conflict kind; 0: a stray change */
	int		 set;
};

struct keyset {
	char		**keys;
	size_t		  n, cap;
};

static const struct table_info {
	const char	*table;
	const char	*noun;
	int		 contact_col;	/* column holding the contact id */
	int		 indexed;	/* feeds the contact's search entry */
	int		 name_col;	/* column that names the row, or -1 */
} tables[] = {
	{ "contact",		"contact",		0, 1, 1 },
	{ "email",		"an e-mail",		1, 1, -1 },
	{ "phone",		"a phone number",	1, 1, -1 },
	{ "contact_tag",	"a tag",		0, 1, -1 },
	{ "address",		"an address",		1, 0, -1 },
	{ "url",		"a web address",	1, 0, -1 },
	{ "custom_field",	"a custom field",	1, 0, -1 },
	{ "contact_date",	"a date",		1, 0, -1 },
	{ "im",			"a messaging handle",	1, 0, -1 },
	{ "vcard_prop",		"a vCard property",	1, 0, -1 },
	{ "interaction_contact", "an interaction",	1, 0, -1 },
	{ "deal_contact",	"a deal",		1, 0, -1 },
	{ "tag",		"tag",			-1, 0, 1 },
	{ "org",		"organisation",		-1, 0, 1 },
	{ "rel_kind",		"relationship kind",	-1, 0, 1 },
	{ "relation",		"relationship",		-1, 0, -1 },
	{ "interaction",	"interaction",		-1, 0, 3 },
	{ "followup",		"follow-up",		-1, 0, 3 },
	{ "deal",		"deal",			-1, 0, 1 },
	{ "deal_stage_history",	"stage change of a deal", -1, 0, -1 },
	{ "stage",		"stage",		-1, 0, 1 },
	{ "deal_role",		"deal role",		-1, 0, 1 },
	{ "review_decision",	"review decision",	-1, 0, 1 },
	{ "contact_alias",	"an alias",		1, 1, 2 },
	{ "org_alias",		"alias of an organisation", -1, 0, 2 },
	{ "not_dupe",		"a pair marked not the same", -1, 0, -1 },
	{ "org_relation",	"link between organisations", -1, 0, -1 },
};

static int	 table_filter(void *, const char *);
static const struct table_info *table_find(const char *);
static enum kith_status record(struct kith_db *, const char *, const char *,
		    const void *, int, int64_t, struct kith_err *);
static char	*default_label(struct kith_db *, const void *, int);
static int	 get_varint(const unsigned char *, const unsigned char *,
		    uint64_t *);
static int	 skip_record(const unsigned char **, const unsigned char *,
		    int);
static unsigned char *reverse_tables(const unsigned char *, int);
static int	 well_formed(const void *, int);
static void	 journal_key(sqlite3_changeset_iter *, char *, size_t);
static void	 row_from_iter(sqlite3_changeset_iter *, struct row_ref *);
static int	 on_conflict(void *, int, sqlite3_changeset_iter *);
static enum kith_status keyset_fill(struct keyset *, const void *, int);
static int	 keyset_has(const struct keyset *, const char *);
static void	 keyset_free(struct keyset *);
static int	 cmp_key(const void *, const void *);
static void	 describe(struct kith_db *, const struct row_ref *, char *,
		    size_t);
static void	 later_action(struct kith_db *, int64_t,
		    const struct row_ref *, char *, size_t);
static enum kith_status reindex(struct kith_db *, const void *, int,
		    struct kith_err *);
static enum kith_status load_entry(struct kith_db *, int64_t,
		    struct journal_entry *, void **, int *, int64_t *,
		    struct kith_err *);
static void	 entry_read(sqlite3_stmt *, struct journal_entry *);
static enum kith_status batch_mark(struct kith_db *, int64_t, int64_t,
		    struct kith_err *);

struct journal *
journal_new(void)
{
	return xcalloc(1, sizeof(struct journal));
}

void
journal_free(struct journal *jn)
{
	if (jn == NULL)
		return;
	if (jn->session != NULL)
		sqlite3session_delete(jn->session);
	free(jn->command);
	free(jn->label);
	free(jn);
}

void
kith_db_action(struct kith_db *db, const char *command, const char *label)
{
	struct journal	*jn = db_journal(db);

	if (jn == NULL)
		return;
	free(jn->command);
	free(jn->label);
	jn->command = command != NULL ? xstrdup(command) : NULL;
	jn->label = label != NULL ? xstrdup(label) : NULL;
}

void
kith_db_vactionf(struct kith_db *db, const char *command, const char *fmt,
    va_list ap)
{
	char	*label = xvasprintf(fmt, ap);

	kith_db_action(db, command, label);
	free(label);
}

void
db_own_actionf(struct kith_db *db, const char *command, const char *fmt, ...)
{
	va_list	ap;

	if (db_depth(db) != 1)
		return;
	va_start(ap, fmt);
	kith_db_vactionf(db, command, fmt, ap);
	va_end(ap);
}

/*
 * Only user data is recorded: not the journal, imports, the index, or the
 * conflict-check record (append-only: its triggers refuse the deletes an
 * undo would make, so a check is an action that is never undone).  The
 * word indexes of deal titles and organisation names follow their tables
 * by triggers, an undo's changes included.
 */
static int
table_filter(void *arg, const char *table)
{
	(void)arg;
	if (strcmp(table, "meta") == 0 || strcmp(table, "journal") == 0 ||
	    strcmp(table, "import_batch") == 0 ||
	    strcmp(table, "batch_merge") == 0 ||
	    strncmp(table, "sqlite_", 7) == 0 ||
	    strncmp(table, "conflict_", 9) == 0 ||
	    strncmp(table, "contact_fts", 11) == 0 ||
	    strncmp(table, "deal_title_fts", 14) == 0 ||
	    strncmp(table, "org_name_fts", 12) == 0)
		return 0;
	return 1;
}

static const struct table_info *
table_find(const char *table)
{
	size_t	i;

	for (i = 0; i < sizeof tables / sizeof tables[0]; i++)
		if (strcmp(tables[i].table, table) == 0)
			return &tables[i];
	return NULL;
}

enum kith_status
journal_tx_begin(struct kith_db *db, struct kith_err *err)
{
	struct journal	*jn = db_journal(db);
	int		 rc;

	if (jn == NULL || db_bulk(db))
		return KITH_OK;
	if ((rc = sqlite3session_create(kith_db_sqlite(db), "main",
	    &jn->session)) != SQLITE_OK ||
	    (rc = sqlite3session_attach(jn->session, NULL)) != SQLITE_OK) {
		if (jn->session != NULL)
			sqlite3session_delete(jn->session);
		jn->session = NULL;
		return kith_err_set(err, KITH_DB, "%s: cannot start the change "
		    "journal: %s", kith_db_path(db), sqlite3_errstr(rc));
	}
	sqlite3session_table_filter(jn->session, table_filter, NULL);
	return KITH_OK;
}

void
journal_tx_keep(struct kith_db *db)
{
	struct journal	*jn = db_journal(db);

	if (jn != NULL)
		jn->record = 1;
}

void
journal_tx_bulk(struct kith_db *db)
{
	struct journal	*jn = db_journal(db);

	if (jn != NULL && jn->session != NULL) {
		sqlite3session_delete(jn->session);
		jn->session = NULL;
	}
}

enum kith_status
journal_tx_commit(struct kith_db *db, struct kith_err *err)
{
	struct journal		*jn = db_journal(db);
	enum kith_status	 st;
	void			*changes = NULL;
	int			 n = 0, rc;

	if (jn == NULL)
		return KITH_OK;
	if (jn->session != NULL && (rc = sqlite3session_changeset(jn->session,
	    &n, &changes)) != SQLITE_OK)
		return kith_err_set(err, KITH_DB, "%s: recording the change "
		    "for undo failed: %s", kith_db_path(db),
		    sqlite3_errstr(rc));
	if (n == 0 && !jn->record && jn->undoes == 0) {
		sqlite3_free(changes);
		return KITH_OK;
	}
	st = record(db, jn->command, jn->label, n > 0 ? changes : NULL, n,
	    jn->batch, err);
	sqlite3_free(changes);
	return st;
}

void
journal_tx_end(struct kith_db *db)
{
	struct journal	*jn = db_journal(db);

	if (jn == NULL)
		return;
	journal_tx_bulk(db);
	free(jn->command);
	free(jn->label);
	jn->command = jn->label = NULL;
	jn->undoes = 0;
	jn->batch = 0;
	jn->record = 0;
}

/*
 * Inserts one action (and marks what it undoes), then prunes the journal
 * to its last JOURNAL_KEEP actions.
 */
static enum kith_status
record(struct kith_db *db, const char *command, const char *label,
    const void *changes, int n, int64_t batch, struct kith_err *err)
{
	struct journal	*jn = db_journal(db);
	sqlite3_stmt	*stmt;
	char		*deflt = NULL;
	int64_t		 id;

	if (label == NULL)
		label = deflt = default_label(db, changes, n);
	if ((stmt = db_stmt(db, "INSERT INTO journal (at, command, label, "
	    "changes, batch_id, undoes) VALUES (?1, ?2, ?3, ?4, ?5, ?6)", err))
	    == NULL)
		goto fail;
	sqlite3_bind_int64(stmt, 1, (int64_t)kith_db_now(db));
	sqlite3_bind_text(stmt, 2, command != NULL ? command : "change", -1,
	    SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, label, -1, SQLITE_STATIC);
	if (changes != NULL)
		sqlite3_bind_blob(stmt, 4, changes, n, SQLITE_STATIC);
	if (batch != 0)
		sqlite3_bind_int64(stmt, 5, batch);
	if (jn->undoes != 0)
		sqlite3_bind_int64(stmt, 6, jn->undoes);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		goto dbfail;
	id = sqlite3_last_insert_rowid(kith_db_sqlite(db));
	jn->last = id;
	free(deflt);
	deflt = NULL;
	if (jn->undoes != 0) {
		/*
		 * The action undone is marked; if it was itself an undo, what
		 * it had undone is in effect again, so it can be undone.
		 */
		if ((stmt = db_stmt(db, "UPDATE journal SET undone_by = NULL "
		    "WHERE id = (SELECT undoes FROM journal WHERE id = ?1)",
		    err)) == NULL)
			goto fail;
		sqlite3_bind_int64(stmt, 1, jn->undoes);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			goto dbfail;
		if ((stmt = db_stmt(db, "UPDATE journal SET undone_by = ?2 "
		    "WHERE id = ?1", err)) == NULL)
			goto fail;
		sqlite3_bind_int64(stmt, 1, jn->undoes);
		sqlite3_bind_int64(stmt, 2, id);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			goto dbfail;
	}
	/* Undos do not count: undoing 100 changes must not prune them. */
	if ((stmt = db_stmt(db, "DELETE FROM journal WHERE id < (SELECT "
	    "min(id) FROM (SELECT id FROM journal WHERE undoes IS NULL "
	    "ORDER BY id DESC LIMIT ?1))", err)) == NULL)
		goto fail;
	sqlite3_bind_int64(stmt, 1, JOURNAL_KEEP);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		goto dbfail;
	return KITH_OK;
dbfail:
	free(deflt);
	return db_fail(db, err, "recording the change for undo");
fail:
	free(deflt);
	return KITH_DB;
}

/*
 * "deleted contact #12 (Ana Petrović)", "changed follow-up #3 (call)":
 * the first contact changed, else the first row.
 */
static char *
default_label(struct kith_db *db, const void *changes, int n)
{
	sqlite3_changeset_iter	*it;
	struct row_ref		 ref, first;
	char			 what[512];

	memset(&first, 0, sizeof first);
	if (changes == NULL || sqlite3changeset_start(&it, n,
	    (void *)changes) != SQLITE_OK)
		return xstrdup("changed nothing");
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		row_from_iter(it, &ref);
		if (!first.set)
			first = ref;
		if (strcmp(ref.table, "contact") == 0) {
			first = ref;
			break;
		}
	}
	sqlite3changeset_finalize(it);
	if (!first.set)
		return xstrdup("changed nothing");
	describe(db, &first, what, sizeof what);
	return xasprintf("%s %s", first.op == SQLITE_INSERT ? "added" :
	    first.op == SQLITE_DELETE ? "deleted" : "changed", what);
}

enum kith_status
journal_import(struct kith_db *db, int64_t batch, struct kith_err *err)
{
	struct journal		*jn = db_journal(db);
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	char			*label = NULL;
	int			 rc;

	if (jn == NULL || batch == 0)
		return KITH_OK;
	if ((stmt = db_stmt(db, "SELECT file, n_added, n_merged FROM "
	    "import_batch WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		label = xasprintf("imported %s (batch %lld): %lld added, "
		    "%lld merged", sqlite3_column_text(stmt, 0),
		    (long long)batch, (long long)sqlite3_column_int64(stmt, 1),
		    (long long)sqlite3_column_int64(stmt, 2));
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		free(label);
		return db_fail(db, err, "reading the import batch");
	}
	if (jn->session != NULL) {
		/*
		 * Not in bulk mode (a deals import): its rows were recorded,
		 * and the commit stores them as this import's action, which
		 * journal_undo() takes back as any other.
		 */
		jn->batch = batch;
		jn->record = 1;
		if (jn->command == NULL)
			jn->command = xstrdup("import");
		if (jn->label == NULL) {
			jn->label = label;
			label = NULL;
		}
		free(label);
		return KITH_OK;
	}
	st = record(db, jn->command != NULL ? jn->command : "import",
	    jn->label != NULL ? jn->label : label, NULL, 0, batch, err);
	free(label);
	return st;
}

enum kith_status
journal_import_undone(struct kith_db *db, int64_t batch,
    struct kith_err *err)
{
	struct journal	*jn = db_journal(db);
	sqlite3_stmt	*stmt;
	const char	*file;
	int		 rc;

	if (jn == NULL)
		return KITH_OK;
	/* The import's own undo says what it restores: no rows recorded. */
	journal_tx_bulk(db);
	if ((stmt = db_stmt(db, "SELECT id FROM journal WHERE batch_id = ?1 "
	    "AND undone_by IS NULL ORDER BY id DESC LIMIT 1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		jn->undoes = sqlite3_column_int64(stmt, 0);
		jn->record = 1;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the change journal");
	/* A failed import cleaning up after itself is no user action. */
	if (!jn->record && jn->command == NULL)
		return KITH_OK;
	jn->record = 1;
	if (jn->command == NULL)
		jn->command = xstrdup("import --undo");
	if (jn->label != NULL)
		return KITH_OK;
	if ((stmt = db_stmt(db, "SELECT file FROM import_batch WHERE id = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	rc = sqlite3_step(stmt);
	file = rc == SQLITE_ROW ? (const char *)sqlite3_column_text(stmt, 0) :
	    NULL;
	jn->label = xasprintf("took back import batch %lld (%s)",
	    (long long)batch, file != NULL ? file : "?");
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the import batch");
	return KITH_OK;
}

/* SQLite's varint: 7 bits a byte, high bit set on all but the last. */
static int
get_varint(const unsigned char *p, const unsigned char *end, uint64_t *v)
{
	int	i;

	*v = 0;
	for (i = 0; i < 9 && p + i < end; i++) {
		if (i == 8) {
			*v = (*v << 8) | p[i];
			return 9;
		}
		*v = (*v << 7) | (p[i] & 0x7f);
		if ((p[i] & 0x80) == 0)
			return i + 1;
	}
	return 0;
}

/* Skips one record of ncol values at *pp; 0 if it runs past end. */
static int
skip_record(const unsigned char **pp, const unsigned char *end, int ncol)
{
	const unsigned char	*p = *pp;
	uint64_t		 len;
	int			 i, k;

	for (i = 0; i < ncol; i++) {
		if (p >= end)
			return 0;
		switch (*p++) {
		case 0:			/* undefined */
		case 5:			/* NULL */
			break;
		case 1:			/* integer */
		case 2:			/* real */
			p += 8;
			break;
		case 3:			/* text */
		case 4:			/* blob */
			if ((k = get_varint(p, end, &len)) == 0 ||
			    len > (uint64_t)(end - p - k))
				return 0;
			p += k + len;
			break;
		default:
			return 0;
		}
		if (p > end)
			return 0;
	}
	*pp = p;
	return 1;
}

/*
 * The changeset with its table sections in reverse order (see the top of
 * the file); NULL if it is not a well-formed changeset.  Caller frees.
 */
static unsigned char *
reverse_tables(const unsigned char *cs, int n)
{
	const unsigned char	*p = cs, *end = cs + n, **starts = NULL;
	unsigned char		*out, *o;
	uint64_t		 ncol = 0;
	size_t			 nsec = 0, cap = 0, i;
	int			 k;

	while (p < end) {
		if (*p == 'T') {
			if (nsec == cap) {
				cap = cap ? cap * 2 : 8;
				starts = xreallocarray(starts, cap,
				    sizeof *starts);
			}
			starts[nsec++] = p++;
			if ((k = get_varint(p, end, &ncol)) == 0 ||
			    ncol > (uint64_t)(end - p - k))
				goto bad;
			p += k + ncol;
			while (p < end && *p != '\0')
				p++;
			if (p++ >= end)
				goto bad;
			continue;
		}
		if (nsec == 0 || end - p < 2)
			goto bad;
		switch (*p) {
		case SQLITE_INSERT:
		case SQLITE_DELETE:
			p += 2;
			if (!skip_record(&p, end, (int)ncol))
				goto bad;
			break;
		case SQLITE_UPDATE:
			p += 2;
			if (!skip_record(&p, end, (int)ncol) ||
			    !skip_record(&p, end, (int)ncol))
				goto bad;
			break;
		default:
			goto bad;
		}
	}
	out = o = xmalloc(n > 0 ? (size_t)n : 1);
	for (i = nsec; i-- > 0; ) {
		const unsigned char *stop = i + 1 < nsec ? starts[i + 1] : end;

		memcpy(o, starts[i], (size_t)(stop - starts[i]));
		o += stop - starts[i];
	}
	free(starts);
	return out;
bad:
	free(starts);
	return NULL;
}

/*
 * Whether changes is a whole changeset of at least one row, read to its
 * end both by the parser above and by SQLite's own iterator (which stops
 * quietly at a damaged record, so that an undo would do less than it
 * says).
 */
static int
well_formed(const void *changes, int n)
{
	sqlite3_changeset_iter	*it;
	unsigned char		*copy;
	int			 rows = 0, rc;

	if (n <= 0 || (copy = reverse_tables(changes, n)) == NULL)
		return 0;
	free(copy);
	if (sqlite3changeset_start(&it, n, (void *)changes) != SQLITE_OK)
		return 0;
	while ((rc = sqlite3changeset_next(it)) == SQLITE_ROW)
		rows++;
	if (sqlite3changeset_finalize(it) != SQLITE_OK || rc != SQLITE_DONE)
		return 0;
	return rows > 0;
}

/* "table\tI12\tTabc": a row's table and primary key, as text. */
static void
journal_key(sqlite3_changeset_iter *it, char *buf, size_t size)
{
	sqlite3_value	*v;
	const char	*table;
	unsigned char	*pk;
	size_t		 len;
	int		 ncol, op, i, pkn;

	sqlite3changeset_op(it, &table, &ncol, &op, NULL);
	sqlite3changeset_pk(it, &pk, &pkn);
	snprintf(buf, size, "%s", table);
	for (i = 0; i < ncol; i++) {
		if (!pk[i])
			continue;
		v = NULL;
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, i, &v);
		else
			sqlite3changeset_old(it, i, &v);
		len = strlen(buf);
		if (v == NULL || sqlite3_value_type(v) == SQLITE_NULL)
			snprintf(buf + len, size - len, "\tN");
		else if (sqlite3_value_type(v) == SQLITE_INTEGER)
			snprintf(buf + len, size - len, "\tI%lld",
			    (long long)sqlite3_value_int64(v));
		else
			snprintf(buf + len, size - len, "\tT%s",
			    (const char *)sqlite3_value_text(v));
	}
}

static void
row_from_iter(sqlite3_changeset_iter *it, struct row_ref *ref)
{
	const struct table_info	*ti;
	sqlite3_value		*v;
	const char		*table;
	unsigned char		*pk;
	int			 ncol, op, i, pkn;

	memset(ref, 0, sizeof *ref);
	sqlite3changeset_op(it, &table, &ncol, &op, NULL);
	sqlite3changeset_pk(it, &pk, &pkn);
	snprintf(ref->table, sizeof ref->table, "%s", table);
	journal_key(it, ref->key, sizeof ref->key);
	ref->op = op;
	ref->set = 1;
	for (i = 0; i < ncol; i++) {
		if (!pk[i])
			continue;
		v = NULL;
		if (op == SQLITE_INSERT)
			sqlite3changeset_new(it, i, &v);
		else
			sqlite3changeset_old(it, i, &v);
		if (v != NULL && sqlite3_value_type(v) == SQLITE_INTEGER)
			ref->pk = sqlite3_value_int64(v);
		break;
	}
	if ((ti = table_find(table)) == NULL)
		return;
	if (ti->name_col >= 0 && ti->name_col < ncol) {
		v = NULL;
		if (op != SQLITE_DELETE)
			sqlite3changeset_new(it, ti->name_col, &v);
		if (v == NULL && op != SQLITE_INSERT)
			sqlite3changeset_old(it, ti->name_col, &v);
		if (v != NULL && sqlite3_value_type(v) == SQLITE_TEXT)
			snprintf(ref->name, sizeof ref->name, "%s",
			    (const char *)sqlite3_value_text(v));
	}
	if (ti->contact_col < 0 || ti->contact_col >= ncol)
		return;
	v = NULL;
	if (op == SQLITE_INSERT)
		sqlite3changeset_new(it, ti->contact_col, &v);
	else
		sqlite3changeset_old(it, ti->contact_col, &v);
	if (v != NULL && sqlite3_value_type(v) == SQLITE_INTEGER)
		ref->contact = sqlite3_value_int64(v);
}

/*
 * During an undo: a row to remove that is gone already is what the undo
 * wants; anything else found changed stops the whole undo.
 */
static int
on_conflict(void *arg, int kind, sqlite3_changeset_iter *it)
{
	struct row_ref	*ref = arg;
	const char	*table;
	int		 ncol, op;

	if (kind == SQLITE_CHANGESET_FOREIGN_KEY) {
		if (!ref->set) {
			ref->set = 1;
			ref->kind = kind;
		}
		return SQLITE_CHANGESET_ABORT;
	}
	sqlite3changeset_op(it, &table, &ncol, &op, NULL);
	if (kind == SQLITE_CHANGESET_NOTFOUND && op == SQLITE_DELETE)
		return SQLITE_CHANGESET_OMIT;
	if (!ref->set) {
		row_from_iter(it, ref);
		ref->kind = kind;
	}
	return SQLITE_CHANGESET_ABORT;
}

static int
cmp_key(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static enum kith_status
keyset_fill(struct keyset *ks, const void *changes, int n)
{
	sqlite3_changeset_iter	*it;
	char			 key[256];

	memset(ks, 0, sizeof *ks);
	if (sqlite3changeset_start(&it, n, (void *)changes) != SQLITE_OK)
		return KITH_DB;
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		journal_key(it, key, sizeof key);
		if (ks->n == ks->cap) {
			ks->cap = ks->cap ? ks->cap * 2 : 32;
			ks->keys = xreallocarray(ks->keys, ks->cap,
			    sizeof *ks->keys);
		}
		ks->keys[ks->n++] = xstrdup(key);
	}
	if (sqlite3changeset_finalize(it) != SQLITE_OK)
		return KITH_DB;
	if (ks->n > 0)
		qsort(ks->keys, ks->n, sizeof *ks->keys, cmp_key);
	return KITH_OK;
}

static int
keyset_has(const struct keyset *ks, const char *key)
{
	return ks->n > 0 && bsearch(&key, ks->keys, ks->n, sizeof *ks->keys,
	    cmp_key) != NULL;
}

static void
keyset_free(struct keyset *ks)
{
	size_t	i;

	for (i = 0; i < ks->n; i++)
		free(ks->keys[i]);
	free(ks->keys);
	memset(ks, 0, sizeof *ks);
}

/*
 * "contact #12 (Ana Petrović)", "an e-mail of contact #12 (Ana
 * Petrović)", "follow-up #3 (call)".
 */
static void
describe(struct kith_db *db, const struct row_ref *ref, char *buf,
    size_t size)
{
	const struct table_info	*ti = table_find(ref->table);
	sqlite3_stmt		*stmt;
	int64_t			 cid = 0;
	char			*name = NULL;
	int			 own;

	own = strcmp(ref->table, "contact") == 0;
	if (own)
		cid = ref->pk;
	else if (ti != NULL && ti->contact_col >= 0)
		cid = ref->contact;
	if (own && ref->name[0] != '\0')
		name = xstrdup(ref->name);
	else if (cid != 0 && (stmt = db_stmt(db, "SELECT display FROM "
	    "contact WHERE id = ?1", NULL)) != NULL) {
		sqlite3_bind_int64(stmt, 1, cid);
		if (sqlite3_step(stmt) == SQLITE_ROW)
			name = db_col_text(stmt, 0);
		sqlite3_reset(stmt);
	}
	if (own)
		snprintf(buf, size, "contact #%lld%s%s%s", (long long)cid,
		    name ? " (" : "", name ? name : "", name ? ")" : "");
	else if (ti != NULL && cid != 0)
		snprintf(buf, size, "%s of contact #%lld%s%s%s", ti->noun,
		    (long long)cid, name ? " (" : "", name ? name : "",
		    name ? ")" : "");
	else if (ti != NULL && ref->pk != 0)
		snprintf(buf, size, "%s #%lld%s%s%s", ti->noun,
		    (long long)ref->pk, ref->name[0] ? " (" : "", ref->name,
		    ref->name[0] ? ")" : "");
	else if (ti != NULL)
		snprintf(buf, size, "%s", ti->noun);
	else
		snprintf(buf, size, "a row of %s", ref->table);
	free(name);
}

/* " by #57 (edit: ...)" if a later action still in effect touched ref. */
static void
later_action(struct kith_db *db, int64_t after, const struct row_ref *ref,
    char *buf, size_t size)
{
	sqlite3_changeset_iter	*it;
	sqlite3_stmt		*stmt;
	char			 key[256];
	int64_t			 found = 0;

	buf[0] = '\0';
	if ((stmt = db_stmt(db, "SELECT id, command, label, changes FROM "
	    "journal WHERE id > ?1 AND changes IS NOT NULL AND undone_by IS "
	    "NULL ORDER BY id", NULL)) == NULL)
		return;
	sqlite3_bind_int64(stmt, 1, after);
	while (found == 0 && sqlite3_step(stmt) == SQLITE_ROW) {
		if (sqlite3changeset_start(&it, sqlite3_column_bytes(stmt, 3),
		    (void *)sqlite3_column_blob(stmt, 3)) != SQLITE_OK)
			continue;
		while (sqlite3changeset_next(it) == SQLITE_ROW) {
			journal_key(it, key, sizeof key);
			if (strcmp(key, ref->key) == 0) {
				found = sqlite3_column_int64(stmt, 0);
				snprintf(buf, size, " by #%lld (%s: %s)",
				    (long long)found,
				    sqlite3_column_text(stmt, 1),
				    sqlite3_column_text(stmt, 2));
				break;
			}
		}
		sqlite3changeset_finalize(it);
	}
	sqlite3_reset(stmt);
	if (found == 0)
		snprintf(buf, size, " (by an import or another program)");
}

/* Rebuilds the search entry of every contact the changes touched. */
static enum kith_status
reindex(struct kith_db *db, const void *changes, int n, struct kith_err *err)
{
	sqlite3_changeset_iter	*it;
	const struct table_info	*ti;
	enum kith_status	 st = KITH_OK;
	struct row_ref		 ref;
	sqlite3_stmt		*stmt;
	int64_t			*ids = NULL;
	size_t			 nids = 0, cap = 0, i;

	if (sqlite3changeset_start(&it, n, (void *)changes) != SQLITE_OK)
		return db_fail(db, err, "undoing a change");
	while (sqlite3changeset_next(it) == SQLITE_ROW) {
		row_from_iter(it, &ref);
		if ((ti = table_find(ref.table)) == NULL || !ti->indexed)
			continue;
		if (strcmp(ref.table, "contact") == 0)
			ref.contact = ref.pk;
		else if (ref.contact == 0 && ref.pk != 0) {
			/* A change in place names only the row's own id. */
			stmt = strcmp(ref.table, "email") == 0 ?
			    db_stmt(db, "SELECT contact_id FROM email WHERE "
			    "id = ?1", NULL) : strcmp(ref.table, "phone") == 0 ?
			    db_stmt(db, "SELECT contact_id FROM phone WHERE "
			    "id = ?1", NULL) : NULL;
			if (stmt != NULL) {
				sqlite3_bind_int64(stmt, 1, ref.pk);
				if (sqlite3_step(stmt) == SQLITE_ROW)
					ref.contact = sqlite3_column_int64(
					    stmt, 0);
				sqlite3_reset(stmt);
			}
		}
		if (ref.contact == 0)
			continue;
		for (i = 0; i < nids && ids[i] != ref.contact; i++)
			;
		if (i < nids)
			continue;
		if (nids == cap) {
			cap = cap ? cap * 2 : 16;
			ids = xreallocarray(ids, cap, sizeof *ids);
		}
		ids[nids++] = ref.contact;
	}
	sqlite3changeset_finalize(it);
	for (i = 0; i < nids && st == KITH_OK; i++)
		st = search_reindex(db, ids[i], err);
	free(ids);
	return st;
}

static void
entry_read(sqlite3_stmt *stmt, struct journal_entry *e)
{
	e->id = sqlite3_column_int64(stmt, 0);
	e->at = (time_t)sqlite3_column_int64(stmt, 1);
	if ((e->command = db_col_text(stmt, 2)) == NULL)
		e->command = xstrdup("");
	if ((e->label = db_col_text(stmt, 3)) == NULL)
		e->label = xstrdup("");
	e->undone_by = sqlite3_column_int64(stmt, 4);
	e->undoes = sqlite3_column_int64(stmt, 5);
	e->undoable = sqlite3_column_int(stmt, 6);
}

#define ENTRY_COLUMNS							\
	"id, at, command, label, coalesce(undone_by, 0), "		\
	"coalesce(undoes, 0), changes IS NOT NULL OR batch_id IS NOT NULL "

enum kith_status
journal_list(struct kith_db *db, size_t max, struct journal_entry **out,
    size_t *n, struct kith_err *err)
{
	struct journal_entry	*r = NULL;
	sqlite3_stmt		*stmt;
	size_t			 count = 0, cap = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT " ENTRY_COLUMNS "FROM journal "
	    "ORDER BY id DESC LIMIT ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, (int64_t)max);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (count == cap) {
			cap = cap ? cap * 2 : 16;
			r = xreallocarray(r, cap, sizeof *r);
		}
		entry_read(stmt, &r[count++]);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		journal_entries_free(r, count);
		return db_fail(db, err, "reading the change journal");
	}
	*out = r;
	*n = count;
	return KITH_OK;
}

void
journal_entry_clear(struct journal_entry *e)
{
	if (e == NULL)
		return;
	free(e->command);
	free(e->label);
	memset(e, 0, sizeof *e);
}

void
journal_entries_free(struct journal_entry *r, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		journal_entry_clear(&r[i]);
	free(r);
}

/* Reads action id with its changes (caller frees) and import batch. */
static enum kith_status
load_entry(struct kith_db *db, int64_t id, struct journal_entry *e,
    void **changes, int *n, int64_t *batch, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*changes = NULL;
	*n = 0;
	*batch = 0;
	if ((stmt = db_stmt(db, "SELECT " ENTRY_COLUMNS ", changes, "
	    "coalesce(batch_id, 0) FROM journal WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE)
			return db_fail(db, err, "reading the change journal");
		return kith_err_set(err, KITH_NOTFOUND, "no change #%lld in "
		    "the journal (it keeps the last %d); kith undo --list "
		    "shows them", (long long)id, JOURNAL_KEEP);
	}
	entry_read(stmt, e);
	if ((*n = sqlite3_column_bytes(stmt, 7)) > 0) {
		*changes = xmalloc((size_t)*n);
		memcpy(*changes, sqlite3_column_blob(stmt, 7), (size_t)*n);
	}
	*batch = sqlite3_column_int64(stmt, 8);
	sqlite3_reset(stmt);
	return KITH_OK;
}

/*
 * An import whose rows were recorded (a deals import) is undone or redone
 * through its changes: its batch is marked undone when its action is
 * undone (batch), and not undone when the undo of its action is itself
 * undone (undoes names that action).
 */
static enum kith_status
batch_mark(struct kith_db *db, int64_t batch, int64_t undoes,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if (batch == 0 && undoes == 0)
		return KITH_OK;
	if ((stmt = db_stmt(db, "UPDATE import_batch SET undone = ?3 "
	    "WHERE id = CASE WHEN ?1 THEN ?1 ELSE (SELECT batch_id FROM "
	    "journal WHERE id = ?2) END", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	sqlite3_bind_int64(stmt, 2, undoes);
	sqlite3_bind_int(stmt, 3, batch != 0);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "marking an import undone");
	return KITH_OK;
}

enum kith_status
journal_undo(struct kith_db *db, int64_t id, struct journal_entry *done,
    struct kith_err *err)
{
	struct journal		*jn = db_journal(db);
	struct journal_entry	 e = { 0 };
	struct keyset		 ks = { 0 };
	struct row_ref		 ref = { 0 };
	sqlite3_changeset_iter	*it = NULL;
	enum kith_status	 st;
	unsigned char		*order = NULL;
	void			*changes = NULL, *inv = NULL, *mine = NULL;
	char			 what[512], by[512], key[256], *label;
	const char		*cmd, *lab;
	int64_t			 batch;
	int			 n, ninv = 0, nmine = 0, rc;

	if (done != NULL)
		memset(done, 0, sizeof *done);
	if (jn == NULL || db_depth(db) != 0)
		return kith_err_set(err, KITH_INVALID, "an undo runs on its "
		    "own, not inside another change");
	if ((st = load_entry(db, id, &e, &changes, &n, &batch, err))
	    != KITH_OK)
		return st;
	cmd = e.command != NULL ? e.command : "";
	lab = e.label != NULL ? e.label : "";
	if (e.undone_by != 0) {
		st = kith_err_set(err, KITH_INVALID, "change #%lld (%s: %s) "
		    "was undone already, by #%lld", (long long)id, cmd,
		    lab, (long long)e.undone_by);
		goto out;
	}
	label = xasprintf("undid #%lld (%s: %s)", (long long)id, cmd,
	    lab);
	kith_db_action(db, "undo", label);
	free(label);
	if (batch != 0 && changes == NULL) {
		/* journal_import_undone() marks this action undone. */
		st = import_undo(db, batch, NULL, NULL, err);
		kith_db_action(db, NULL, NULL);
		goto out;
	}
	if (changes == NULL && strcmp(cmd, "conflict") == 0) {
		kith_db_action(db, NULL, NULL);
		st = kith_err_set(err, KITH_INVALID, "#%lld is %s: conflict "
		    "checks are a record kith keeps and never undoes; nothing "
		    "was undone (kith undo ID undoes an earlier change: kith "
		    "undo --list)", (long long)id, lab);
		goto out;
	}
	if (changes == NULL) {
		kith_db_action(db, NULL, NULL);
		st = kith_err_set(err, KITH_INVALID, "change #%lld (%s: %s) "
		    "cannot be undone", (long long)id, cmd, lab);
		goto out;
	}
	if (!well_formed(changes, n) ||
	    (rc = sqlite3changeset_invert(n, changes, &ninv, &inv))
	    != SQLITE_OK || (order = reverse_tables(inv, ninv)) == NULL ||
	    keyset_fill(&ks, inv, ninv) != KITH_OK) {
		kith_db_action(db, NULL, NULL);
		st = kith_err_set(err, KITH_DB, "%s: change #%lld in the "
		    "journal is damaged and cannot be undone", kith_db_path(db),
		    (long long)id);
		goto out;
	}
	if ((st = kith_db_begin(db, err)) != KITH_OK) {
		kith_db_action(db, NULL, NULL);
		goto out;
	}
	jn->undoes = id;
	rc = sqlite3changeset_apply(kith_db_sqlite(db), ninv, order, NULL,
	    on_conflict, &ref);
	if (rc != SQLITE_OK) {
		kith_db_rollback(db);
		if (!ref.set) {
			st = kith_err_set(err, KITH_DB, "%s: undoing change "
			    "#%lld failed: %s", kith_db_path(db), (long long)id,
			    sqlite3_errstr(rc));
			goto out;
		}
		if (ref.kind == SQLITE_CHANGESET_FOREIGN_KEY) {
			st = kith_err_set(err, KITH_EXISTS, "cannot undo #%lld "
			    "(%s: %s): something it refers to was deleted "
			    "since; nothing was undone", (long long)id,
			    cmd, lab);
			goto out;
		}
		describe(db, &ref, what, sizeof what);
		later_action(db, id, &ref, by, sizeof by);
		st = kith_err_set(err, KITH_EXISTS, "cannot undo #%lld (%s: "
		    "%s): %s was %s since%s; nothing was undone", (long long)id,
		    cmd, lab, what,
		    ref.kind == SQLITE_CHANGESET_NOTFOUND ? "deleted" :
		    ref.kind == SQLITE_CHANGESET_CONFLICT ? "added again" :
		    ref.kind == SQLITE_CHANGESET_CONSTRAINT ? "made to clash" :
		    "changed", by);
		goto out;
	}
	/* Every row the undo changed must be one the action had changed. */
	if (jn->session != NULL && (rc = sqlite3session_changeset(jn->session,
	    &nmine, &mine)) != SQLITE_OK) {
		kith_db_rollback(db);
		st = kith_err_set(err, KITH_DB, "%s: undoing change #%lld "
		    "failed: %s", kith_db_path(db), (long long)id,
		    sqlite3_errstr(rc));
		goto out;
	}
	if (nmine > 0 && sqlite3changeset_start(&it, nmine, mine) ==
	    SQLITE_OK) {
		while (sqlite3changeset_next(it) == SQLITE_ROW) {
			journal_key(it, key, sizeof key);
			if (!keyset_has(&ks, key)) {
				row_from_iter(it, &ref);
				break;
			}
		}
		sqlite3changeset_finalize(it);
	}
	if (ref.set) {
		kith_db_rollback(db);
		describe(db, &ref, what, sizeof what);
		st = kith_err_set(err, KITH_EXISTS, "cannot undo #%lld (%s: "
		    "%s): it would also %s %s, added or changed since; nothing "
		    "was undone", (long long)id, cmd, lab,
		    ref.op == SQLITE_DELETE ? "delete" : "change", what);
		goto out;
	}
	if ((st = reindex(db, inv, ninv, err)) != KITH_OK ||
	    (st = batch_mark(db, batch, e.undoes, err)) != KITH_OK) {
		kith_db_rollback(db);
		goto out;
	}
	st = kith_db_commit(db, err);
out:
	if (st == KITH_OK && done != NULL) {
		*done = e;
		memset(&e, 0, sizeof e);
	}
	journal_entry_clear(&e);
	keyset_free(&ks);
	sqlite3_free(inv);
	sqlite3_free(mine);
	free(order);
	free(changes);
	return st;
}

enum kith_status
journal_undo_last(struct kith_db *db, struct journal_entry *done,
    struct kith_err *err)
{
	enum kith_status	st;
	int64_t			id, batch;

	if (done != NULL)
		memset(done, 0, sizeof *done);
	if ((st = journal_undo_target(db, 0, &id, &batch, err)) != KITH_OK)
		return st;
	return journal_undo(db, id, done, err);
}

int64_t
journal_last_recorded(struct kith_db *db)
{
	return db_journal(db)->last;
}

enum kith_status
journal_undo_target(struct kith_db *db, int64_t id, int64_t *target,
    int64_t *batch, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*target = 0;
	*batch = 0;
	/* A conflict check is refused (journal_undo says so), not skipped. */
	if ((stmt = db_stmt(db, id != 0 ? "SELECT id, batch_id FROM journal "
	    "WHERE id = ?1" : "SELECT id, batch_id FROM journal WHERE "
	    "undone_by IS NULL AND undoes IS NULL AND (changes IS NOT NULL OR "
	    "batch_id IS NOT NULL OR command = 'conflict') ORDER BY id DESC "
	    "LIMIT 1", err)) == NULL)
		return KITH_DB;
	if (id != 0)
		sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		*target = sqlite3_column_int64(stmt, 0);
		*batch = sqlite3_column_int64(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the change journal");
	if (*target == 0 && id != 0)
		return kith_err_set(err, KITH_NOTFOUND, "no change %lld (kith "
		    "undo --list shows them)", (long long)id);
	if (*target == 0)
		return kith_err_set(err, KITH_NOTFOUND, "nothing to undo: the "
		    "journal holds no change that was not undone already "
		    "(kith undo --list shows them)");
	return KITH_OK;
}
