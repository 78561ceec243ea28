/* SPDX-License-Identifier: MIT */
/*
 * The import sink, whatever the format: an import batch, duplicates
 * merged, rejects kept aside, warnings, chunked commits, and undo.  The
 * format table below names the readers (csv_import.c).
 *
 * Undo needs to know what each merge changed, so before a contact is
 * merged into, its whole state is saved in batch_merge as a snapshot (a
 * simple tagged, length-prefixed encoding of struct contact); undo writes
 * the snapshot back.  Contacts the batch added carry its id in batch_id.
 */
#include <sys/stat.h>

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/contact.h"
#include "kith/db.h"
#include "kith/dedup.h"
#include "kith/import.h"
#include "kith/journal.h"
#include "kith/phone.h"
#include "kith/search.h"
#include "kith/util.h"
#include "kith/vcard.h"
#include "batch.h"
#include "internal.h"

#define CHUNK		1000	/* records per transaction: short enough that
				   another writer, whose turn comes after
				   the chunk being written (writelock.c),
				   waits little even in a sanitizer build */
#define FILTER_ROW_BYTES 100	/* a guess at the bytes of a CSV row */
#define FILTER_MIN_ROWS	1000	/* fewer are looked up one by one */
#define BULK_CHECKPOINT	10000	/* WAL pages between checkpoints in bulk
				   (SQLite's default is 1000): a page the
				   chunks keep changing goes to the
				   database file once in ten chunks */
#define TAGS_KEY	"import_tags:"	/* meta key, then the batch: the
					   highest tag id before it, so its
					   undo removes the tags it made */

/*
 * The formats kith reads: the one --format names, else the first whose
 * sniff says yes (a whole format only when neither --format nor --map
 * says how to read the file).  A whole format is read in one
 * transaction whose rows the change journal records (no chunks, no bulk
 * mode): killed, it leaves nothing; undone, it is undone as any change.
 */
static const struct import_format {
	const char	*name;
	int		(*sniff)(const char *path);
	enum kith_status (*read)(struct import *);
	int		 whole;
} formats[] = {
	{ "deals", deal_csv_sniff, deal_csv_read, 1 },
	{ "vcard", vcard_import_sniff, vcard_import_read, 0 },
	{ "csv", csv_import_sniff, csv_import_read, 0 },
};

static FILE	*open_private(const char *);
static void	put_field(FILE *, const char *, size_t);
static void	put_row(FILE *, char *const *, const size_t *, size_t);
static char	*rejects_name(const struct import *);
static enum kith_status merge_uid(struct import *, struct contact *, int64_t,
		    int *, struct kith_err *);
static enum kith_status record_merge(struct import *, int64_t,
		    const struct sbuf *, struct kith_err *);
static int	check_phones(struct import *, long, struct contact *);
static void	give_back(struct import *, enum kith_status,
		    struct kith_err *);
static enum kith_status index_added(struct import *, struct kith_err *);
static enum kith_status tags_mark(struct kith_db *, int64_t,
		    struct kith_err *);
static enum kith_status use_filter(struct import *, struct kith_err *);
static enum kith_status file_against_book(struct import *, long long,
		    long long *, long long *, struct kith_err *);
static enum kith_status choose_bulk(struct import *, struct kith_err *);
static enum kith_status index_pending(struct import *, struct kith_err *);
static enum kith_status prescan(struct import *,
		    enum kith_status (*)(struct import *), struct kith_err *);
static enum kith_status side_start(struct import *);
static void	trace(const struct import *, const char *);
static void	put(struct sbuf *, char, const char *);
static void	snapshot(const struct contact *, struct sbuf *);
static struct contact *unsnapshot(const void *, size_t);
static enum kith_status undo_deals(struct kith_db *, int64_t, int *,
		    struct kith_err *);
static enum kith_status restore_updated(struct kith_db *, int64_t, int64_t,
		    struct kith_err *);

void
import_report_free(struct import_report *rep)
{
	free(rep->rejects);
	free(rep->mapping);
	memset(rep, 0, sizeof *rep);
}

void
batch_say(struct import *im, enum import_level level, long line,
    const char *fmt, ...)
{
	va_list	 ap;
	char	 msg[1024];

	if (level == IMPORT_WARNING)
		im->rep->warnings++;
	if (im->opts->notice == NULL)
		return;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	im->opts->notice(im->opts->arg, level, im->path, line, msg);
}

/* Writes one field quoted, bytes as they are (NUL and bad UTF-8 too). */
static void
put_field(FILE *fp, const char *s, size_t len)
{
	size_t	i;

	fputc('"', fp);
	for (i = 0; i < len; i++) {
		if (s[i] == '"')
			fputc('"', fp);
		fputc(s[i], fp);
	}
	fputc('"', fp);
}

static void
put_row(FILE *fp, char *const *field, const size_t *len, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			fputc(',', fp);
		put_field(fp, field[i], len[i]);
	}
	fputc('\n', fp);
}

/*
 * FILE.rejected.csv, or FILE.rejected.vcf for vCards (a folder's beside
 * it: DIR.rejected.vcf, never inside, where it would be read again).
 */
static char *
rejects_name(const struct import *im)
{
	size_t	n = strlen(im->path);

	while (n > 1 && im->path[n - 1] == '/')
		n--;
	return xasprintf("%.*s.rejected.%s", (int)n, im->path,
	    im->raw_rejects ? "vcf" : "csv");
}

/*
 * Opens path for writing, emptied, readable by its owner only (whatever
 * the umask, and if it existed with a wider mode): rejected rows are
 * client data.
 */
static FILE *
open_private(const char *path)
{
	FILE	*fp;
	int	 fd;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC,
	    0600)) == -1)
		return NULL;
	if (fchmod(fd, 0600) == -1 || (fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		return NULL;
	}
	return fp;
}

/* Reports rec as rejected and keeps it in the rejects file. */
void
batch_reject(struct import *im, const struct csv_record *rec, const char *why)
{
	im->rep->rejected++;
	batch_say(im, IMPORT_ERROR, rec->line, "%s", why);
	if (im->opts->dry_run)
		return;
	if (im->rejects == NULL) {
		free(im->rep->rejects);
		im->rep->rejects = im->opts->rejects ?
		    xstrdup(im->opts->rejects) : rejects_name(im);
		if ((im->rejects = open_private(im->rep->rejects)) == NULL) {
			batch_say(im, IMPORT_WARNING, 0, "cannot write the rejected "
			    "rows to %s", im->rep->rejects);
			free(im->rep->rejects);
			im->rep->rejects = NULL;
			return;
		}
		if (im->header.n > 0)
			put_row(im->rejects, im->header.field, im->header.len,
			    im->header.n);
	}
	if (im->raw_rejects && rec->n == 1) {
		/* A vCard kept as it was read, a line break after it. */
		fwrite(rec->field[0], 1, rec->len[0], im->rejects);
		if (rec->len[0] > 0 && rec->field[0][rec->len[0] - 1] != '\n')
			fputs("\r\n", im->rejects);
		return;
	}
	put_row(im->rejects, rec->field, rec->len, rec->n);
}

/*
 * The batch row, once the file is known to be a table (its header found),
 * so that a file refused before has no batch.  It commits at once: a
 * killed import can be undone.  Nothing else is written before it.
 */
enum kith_status
batch_start(struct import *im)
{
	enum kith_status	 st;
	sqlite3_stmt		*stmt;

	if (!im->opts->dry_run) {
		if ((stmt = db_stmt(im->db, "INSERT INTO import_batch (file, "
		    "started) VALUES (?1, ?2)", im->err)) == NULL)
			return KITH_DB;
		sqlite3_bind_text(stmt, 1, im->path, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 2, (int64_t)kith_db_now(im->db));
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(im->db, im->err, "starting the import");
		im->rep->batch = sqlite3_last_insert_rowid(
		    kith_db_sqlite(im->db));
		/* Committed with the batch: a kill leaves it to finish. */
		if (im->bulk && ((st = batch_pending_mark(im->db, im->rep->batch, 1,
		    im->err)) != KITH_OK ||
		    (st = batch_indexes_drop(im->db, im->hot != NULL,
		    im->err)) != KITH_OK))
			return st;
		if (!im->whole && (st = tags_mark(im->db, im->rep->batch,
		    im->err)) != KITH_OK)
			return st;
		if (im->whole)
			;	/* one transaction: nothing to commit early */
		else if ((st = kith_db_commit(im->db, im->err)) != KITH_OK ||
		    (st = kith_db_begin(im->db, im->err)) != KITH_OK)
			return st;
		if (im->bulk && (st = side_start(im)) != KITH_OK)
			return st;
	}
	free(im->label);
	im->label = im->rep->batch ? xasprintf("import %lld",
	    (long long)im->rep->batch) : xstrdup("import");
	return KITH_OK;
}

/*
 * A bulk import into an empty book (no contact, no search entry) builds
 * its search index beside the rows, on a thread (search_side.c); where it
 * cannot, the entries are written at the end as for any book.
 */
static enum kith_status
side_start(struct import *im)
{
	sqlite3_stmt	*stmt;
	int		 rc, empty;

	if ((stmt = db_stmt(im->db, "SELECT NOT EXISTS (SELECT 1 FROM "
	    "contact) AND NOT EXISTS (SELECT 1 FROM contact_fts_docsize)",
	    im->err)) == NULL)
		return KITH_DB;
	rc = sqlite3_step(stmt);
	empty = rc == SQLITE_ROW && sqlite3_column_int(stmt, 0) == 1;
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(im->db, im->err, "starting the import");
	if (empty)
		im->side = search_side_start(im->db, im->rep->batch, 1, 0);
	return KITH_OK;
}

/*
 * After a failed import (st, err) or a dry run, takes back what earlier
 * chunks committed and removes the batch row.  If the undo itself fails,
 * the batch row is kept, as interrupted, with the counts of what is
 * stored, and err says so (and how to take it back): the database never
 * holds contacts of a batch that does not exist, nor a batch whose counts
 * do not match.  rep->batch is 0 when nothing is left.
 */
static void
give_back(struct import *im, enum kith_status st, struct kith_err *err)
{
	struct kith_err	 e2 = { 0 };
	struct import_report *rep = im->rep;
	sqlite3_stmt	*stmt;
	char		 why[sizeof err->msg];

	if (import_undo(im->db, rep->batch, NULL, NULL, &e2) == KITH_OK) {
		if ((stmt = db_stmt(im->db, "DELETE FROM import_batch "
		    "WHERE id = ?1", &e2)) != NULL) {
			sqlite3_bind_int64(stmt, 1, rep->batch);
			if (sqlite3_step(stmt) == SQLITE_DONE) {
				sqlite3_reset(stmt);
				rep->batch = 0;
				return;
			}
			sqlite3_reset(stmt);
			/* Undone, but listed: kith import --list says so. */
			(void)db_fail(im->db, &e2, "removing the import batch");
			if (st == KITH_OK)
				return;
			snprintf(why, sizeof why, "%s", err->msg);
			kith_err_set(err, st, "%s; nothing of it is kept (import "
			    "%lld is listed as undone)", why,
			    (long long)rep->batch);
			rep->batch = 0;
			return;
		}
	}
	/* The undo failed: say exactly what is stored, and keep count. */
	if ((stmt = db_stmt(im->db, "UPDATE import_batch SET format = ?2, "
	    "n_read = ?3, n_added = ?4, n_merged = ?5 WHERE id = ?1",
	    NULL)) != NULL) {
		sqlite3_bind_int64(stmt, 1, rep->batch);
		sqlite3_bind_text(stmt, 2, rep->format, -1, SQLITE_STATIC);
		sqlite3_bind_int64(stmt, 3, im->kept_rows);
		sqlite3_bind_int64(stmt, 4, im->kept_added);
		sqlite3_bind_int64(stmt, 5, im->kept_merged);
		sqlite3_step(stmt);
		sqlite3_reset(stmt);
	}
	snprintf(why, sizeof why, "%s", err->msg);
	kith_err_set(err, st != KITH_OK ? st : KITH_DB, "%s; the first %ld "
	    "rows were committed (%ld contacts added, %ld merged) and could "
	    "not be taken back (%s): they are kept as import %lld, which kith "
	    "import --undo %lld takes back", why, im->kept_rows,
	    im->kept_added, im->kept_merged, e2.msg, (long long)rep->batch,
	    (long long)rep->batch);
}

/*
 * Reports each phone of c that a person or a spreadsheet left unreadable
 * or damaged, keeping it as written: one without digits ("ask reception")
 * moves to a custom field ("Phone", or "Phone (work)" with its label), so
 * the row still imports.  Returns 1 if that leaves c nothing that names
 * it (no name, organisation, e-mail or phone), for the caller to reject.
 */
static int
check_phones(struct import *im, long line, struct contact *c)
{
	const char	*region = NULL, *damage, *verb;
	char		*key;
	size_t		 i;
	int		 moved = 0;

	verb = im->opts->dry_run ? "would be kept" : "kept";
	for (i = 0; i < c->n_phones; ) {
		if (phone_count_digits(c->phones[i].raw) > 0) {
			if (region == NULL)
				region = phone_region(im->db);
			if ((damage = phone_damage(c->phones[i].raw, region))
			    != NULL)
				batch_say(im, IMPORT_WARNING, line, "phone '%s' %s; "
				    "%s as written", c->phones[i].raw, damage,
				    verb);
			i++;
			continue;
		}
		key = c->phones[i].label != NULL && c->phones[i].label[0] ?
		    xasprintf("Phone (%s)", c->phones[i].label) :
		    xstrdup("Phone");
		/* A display name made from this phone names nobody. */
		if (c->display != NULL && strcmp(c->display, c->phones[i].raw)
		    == 0 && c->given == NULL && c->family == NULL &&
		    c->prefix == NULL && c->middle == NULL &&
		    c->suffix == NULL && c->nickname == NULL &&
		    c->org == NULL && c->n_emails == 0) {
			free(c->display);
			c->display = NULL;
		}
		batch_say(im, IMPORT_WARNING, line, "phone '%s' has no digits; %s "
		    "as written as the field \"%s\"", c->phones[i].raw, verb,
		    key);
		contact_add_custom(c, key, c->phones[i].raw);
		free(key);
		free(c->phones[i].raw);
		free(c->phones[i].label);
		memmove(&c->phones[i], &c->phones[i + 1],
		    (c->n_phones - i - 1) * sizeof c->phones[0]);
		c->n_phones--;
		moved = 1;
	}
	if (!moved || c->display != NULL)
		return 0;
	if (c->n_phones > 0) {
		c->display = xstrdup(c->phones[0].raw);
		return 0;
	}
	return 1;
}

/*
 * Adds c (taken: freed here) to the batch, merges it into the contact it
 * duplicates, or rejects rec, the record it came from.  Returns non-zero
 * to stop the read (a database error, kept in im->st).
 */
int
batch_add(struct import *im, const struct csv_record *rec, struct contact *c)
{
	struct kith_err		 err = { 0 };
	struct contact		*into = NULL;
	struct sbuf		 snap = { 0 };
	enum dedup_verdict	 verdict;
	enum kith_status	 st;
	const char		*why;
	int64_t			 id;
	size_t			 i;
	int			 changed, extra, hot;

	/* An unusable address is kept, as a custom field, not lost. */
	for (i = 0; i < c->n_emails; ) {
		if (contact_email_valid(c->emails[i].addr)) {
			i++;
			continue;
		}
		batch_say(im, IMPORT_WARNING, rec->line, "'%s' is not an e-mail "
		    "address; %s as the field \"E-mail (invalid)\"",
		    c->emails[i].addr, im->opts->dry_run ? "would be kept" :
		    "kept");
		contact_add_custom(c, "E-mail (invalid)", c->emails[i].addr);
		free(c->emails[i].addr);
		free(c->emails[i].label);
		memmove(&c->emails[i], &c->emails[i + 1],
		    (c->n_emails - i - 1) * sizeof c->emails[0]);
		c->n_emails--;
	}
	if (check_phones(im, rec->line, c) != 0) {
		batch_reject(im, rec, "no name, e-mail or phone: the only phone "
		    "has no digits");
		goto out;
	}
	if (im->opts->tag != NULL)
		contact_add_tag(c, im->opts->tag);

	if (im->prescan) {		/* the first pass: keys only */
		if (im->counter != NULL) {
			dedup_counter_put(im->counter, c);
			c = NULL;
		} else
			dedup_hot_count(im->hot, im->db, c);
		goto out;
	}
	/* A vCard's UID names the contact it is, before any likeness. */
	if (c->uid != NULL) {
		if ((st = vcard_uid_find(im->db, c->uid, &id, &err)) != KITH_OK)
			goto fatal;
		if (id != 0) {
			int invalid = 0;

			if ((st = merge_uid(im, c, id, &invalid, &err)) ==
			    KITH_OK)
				goto chunk;
			if (invalid) {
				batch_reject(im, rec, err.msg);
				goto out;
			}
			goto fatal;
		}
	}
	/* Bulk: a row with no shared key has no duplicate (dedup.h). */
	hot = im->hot != NULL && dedup_hot_has(im->hot, im->db, c);
	if (im->hot != NULL && !hot) {
		verdict = DEDUP_NONE;
		id = 0;
		why = NULL;
	} else if ((st = hot ? dedup_hot_find(im->db, c, &verdict, &id, &why,
	    &err) : dedup_find(im->db, im->filter, c, &verdict, &id, &why,
	    &err)) != KITH_OK)
		goto fatal;
	if (verdict == DEDUP_EMAIL || verdict == DEDUP_PHONE) {
		if ((st = contact_get(im->db, id, &into, &err)) != KITH_OK)
			goto fatal;
		snapshot(into, &snap);
		/* What only a vCard brings (UID, kept lines, ...) too. */
		extra = vcard_merge_extra(into, c);
		if ((st = dedup_merge(im->db, into, c, im->label, &changed,
		    &err)) == KITH_OK && !changed && extra) {
			st = contact_update(im->db, into, &err);
			changed = 1;
		}
		if (st != KITH_OK) {
			if (st == KITH_INVALID) {
				batch_reject(im, rec, err.msg);
				goto out;
			}
			goto fatal;
		}
		im->rep->merged++;
		dedup_filter_add(im->filter, im->db, into);
		if (changed && ((st = record_merge(im, id, &snap, &err)) !=
		    KITH_OK || (im->hot != NULL && (st = dedup_hot_keep(im->db,
		    id, &err)) != KITH_OK)))
			goto fatal;
		goto chunk;
	}
	if (c->source == NULL)
		c->source = xasprintf("%s (%s)", im->label, im->rep->format);
	c->batch = im->rep->batch;
	if ((st = contact_insert(im->db, c, &err)) != KITH_OK) {
		if (st == KITH_INVALID) {
			batch_reject(im, rec, err.msg);
			goto out;
		}
		goto fatal;
	}
	im->rep->added++;
	im->last_added = c->id;
	dedup_filter_add(im->filter, im->db, c);
	if (hot && (st = dedup_hot_add(im->db, im->hot, c->id, &err)) !=
	    KITH_OK)
		goto fatal;
	if (verdict == DEDUP_REVIEW) {
		im->rep->review++;
		batch_say(im, IMPORT_WARNING, rec->line, "possible duplicate of "
		    "contact %lld (%s); %s apart, check with kith show %lld",
		    (long long)id, why, im->opts->dry_run ? "would be added" :
		    "added", (long long)id);
	}
chunk:
	if (!im->opts->dry_run && ++im->in_chunk >= CHUNK) {
		im->in_chunk = 0;
		if ((st = index_added(im, &err)) != KITH_OK ||
		    (st = kith_db_commit(im->db, &err)) != KITH_OK)
			goto fatal;
		search_side_advance(im->side, im->last_added);
		im->kept_rows = im->rep->rows;
		im->kept_added = im->rep->added;
		im->kept_merged = im->rep->merged;
		if ((st = kith_db_begin(im->db, &err)) != KITH_OK)
			goto fatal;
	}
out:
	sbuf_free(&snap);
	contact_free(c);
	contact_free(into);
	return 0;
fatal:
	im->st = st;
	*im->err = err;
	sbuf_free(&snap);
	contact_free(c);
	contact_free(into);
	return 1;
}

/* Keeps snap, contact id as it was before a merge, for the undo. */
static enum kith_status
record_merge(struct import *im, int64_t id, const struct sbuf *snap,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if (im->opts->dry_run)
		return KITH_OK;
	if ((stmt = db_stmt(im->db, "INSERT INTO batch_merge (batch_id, "
	    "contact_id, snapshot) VALUES (?1, ?2, ?3)", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, im->rep->batch);
	sqlite3_bind_int64(stmt, 2, id);
	sqlite3_bind_blob(stmt, 3, snap->s, (int)snap->len, SQLITE_STATIC);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(im->db, err, "recording a merge");
	im->last_merge = sqlite3_last_insert_rowid(kith_db_sqlite(im->db));
	return KITH_OK;
}

/*
 * Applies c, a vCard whose UID is contact id's, to that contact as a sync
 * does (vcard_apply): counted as merged if that changes it, as unchanged
 * if not.  *invalid is set when the result cannot be stored (the card is
 * then rejected).
 */
static enum kith_status
merge_uid(struct import *im, struct contact *c, int64_t id, int *invalid,
    struct kith_err *err)
{
	struct contact		*was = NULL, *into = NULL;
	struct sbuf		 snap = { 0 };
	enum kith_status	 st;

	if ((st = contact_get(im->db, id, &was, err)) != KITH_OK ||
	    (st = contact_get(im->db, id, &into, err)) != KITH_OK)
		goto out;
	vcard_apply(into, c);
	if (contact_changed(was, into) == NULL) {
		im->rep->unchanged++;
		goto out;
	}
	snapshot(was, &snap);
	if ((st = contact_update(im->db, into, err)) != KITH_OK) {
		*invalid = st == KITH_INVALID;
		goto out;
	}
	im->rep->merged++;
	dedup_filter_add(im->filter, im->db, into);
	if ((st = record_merge(im, id, &snap, err)) == KITH_OK &&
	    im->hot != NULL)
		st = dedup_hot_keep(im->db, id, err);
out:
	sbuf_free(&snap);
	contact_free(was);
	contact_free(into);
	return st;
}

/*
 * Adds the deal of row, or merges it into the deal it repeats
 * (deal_import_row), rec being the record it came from.  Non-zero: stop
 * reading (im->st says why).
 */
int
batch_add_deal(struct import *im, const struct csv_record *rec,
    struct deal_row *row)
{
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	char			*warning = NULL;
	int			 merged = 0;

	st = deal_import_row(im->db, row, &merged, &warning, &err);
	if (st == KITH_OK && warning != NULL)
		batch_say(im, IMPORT_WARNING, rec->line, "%s", warning);
	free(warning);
	if (st == KITH_INVALID || st == KITH_NOTFOUND) {
		batch_reject(im, rec, err.msg);
		return 0;
	}
	if (st != KITH_OK) {
		im->st = st;
		*im->err = err;
		return 1;
	}
	if (merged)
		im->rep->merged++;
	else
		im->rep->added++;
	return 0;
}

/*
 * A file of more than a few rows, as against the contacts stored, is
 * checked against a filter of the stored keys, so that the duplicate
 * lookups are made only for rows that may have one.  Loading the filter
 * costs about a microsecond a stored key; a lookup it saves, tens.
 */
static enum kith_status
use_filter(struct import *im, struct kith_err *err)
{
	enum kith_status st;
	long long	 rows, stored;

	if ((st = file_against_book(im, FILTER_MIN_ROWS, &rows, &stored,
	    err)) != KITH_OK || rows == 0)
		return st;
	if (rows * 8 < stored)
		return KITH_OK;
	return dedup_filter_new(im->db, &im->filter, err);
}

/*
 * The rows a file holds, guessed from its size, and the contacts the book
 * holds (its highest id: no count of a million rows); rows is 0 for a
 * file under min rows or one that is no regular file (the reader will
 * say why).
 */
static enum kith_status
file_against_book(struct import *im, long long min, long long *rows,
    long long *stored, struct kith_err *err)
{
	struct stat	 sb;
	sqlite3_stmt	*stmt;

	*rows = *stored = 0;
	if (stat(im->path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (long long)sb.st_size / FILTER_ROW_BYTES < min)
		return KITH_OK;
	if ((stmt = db_stmt(im->db, "SELECT max(id) FROM contact", err))
	    == NULL)
		return KITH_DB;
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return db_fail(im->db, err, "counting the stored contacts");
	}
	*stored = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	*rows = (long long)sb.st_size / FILTER_ROW_BYTES;
	return KITH_OK;
}

/*
 * Search entries for what this chunk changed: the contacts it merged into
 * that had one, then those it added, each set in one statement (the search
 * index writes out what it holds at every statement that changes it).
 */
static enum kith_status
index_added(struct import *im, struct kith_err *err)
{
	enum kith_status	st;

	/* With a side index, after it is copied (search_side_finish). */
	if (im->last_merge > im->reindexed && im->side == NULL) {
		st = search_reindex_merged(im->db, im->rep->batch,
		    im->reindexed, err);
		im->reindexed = im->last_merge;
		if (st != KITH_OK)
			return st;
	}
	if (im->bulk || im->last_added <= im->indexed)
		return KITH_OK;		/* bulk: index_pending() at the end */
	st = search_index_batch(im->db, im->rep->batch, im->indexed, err);
	im->indexed = im->last_added;
	return st;
}

/*
 * The first pass of a bulk import over a regular file: read, quietly and
 * writing nothing, only to count the keys of its rows with the stored
 * ones (dedup_hot), then the mirror of the stored rows whose keys are
 * shared.  The second pass, the import itself, then looks up only the
 * rows with a shared key, in the mirror, and the key indexes can go.  A
 * file that is no regular file (a pipe) or that the first pass cannot
 * read is imported with the indexes, as before.
 */
static enum kith_status
prescan(struct import *im, enum kith_status (*read)(struct import *),
    struct kith_err *err)
{
	struct import_opts	 quiet = *im->opts;
	struct import_report	 was = *im->rep;
	const struct import_opts *opts = im->opts;
	struct kith_err		 e = { 0 };
	enum kith_status	 st;
	struct stat		 sb;

	if (stat(im->path, &sb) != 0 || !S_ISREG(sb.st_mode))
		return use_filter(im, err);
	if ((st = dedup_hot_new(im->db, &im->hot, err)) != KITH_OK)
		return st;
	quiet.notice = NULL;
	quiet.progress = NULL;
	quiet.dry_run = 1;	/* no batch, no rejects file */
	im->opts = &quiet;
	im->err = &e;
	im->prescan = 1;
	im->counter = dedup_counter_start(im->db, im->hot);
	st = read(im);
	dedup_counter_end(im->counter);
	im->counter = NULL;
	im->prescan = 0;
	im->opts = opts;
	im->err = err;
	im->st = KITH_OK;
	im->size = 0;
	free(im->rep->mapping);
	*im->rep = was;
	free(im->label);
	im->label = xstrdup("import");
	if (st != KITH_OK) {		/* the import says why */
		dedup_hot_free(im->hot);
		im->hot = NULL;
		return use_filter(im, err);
	}
	if ((st = dedup_hot_mirror(im->db, im->hot, err)) != KITH_OK) {
		dedup_hot_free(im->hot);
		im->hot = NULL;
		if (st == KITH_NOTFOUND)	/* too many shared keys */
			return use_filter(im, err);
	}
	return st;
}

/*
 * The bulk path (import.h) for a file of IMPORT_BULK_MIN_ROWS rows or
 * more (guessed from its size, as use_filter does) with more rows than
 * the book has contacts, unless the options say which.
 */
static enum kith_status
choose_bulk(struct import *im, struct kith_err *err)
{
	enum kith_status st;
	long long	 rows, stored;

	im->bulk = 0;
	if (im->opts->dry_run || im->opts->bulk == IMPORT_BULK_OFF)
		return KITH_OK;
	if (im->opts->bulk == IMPORT_BULK_ON) {
		im->bulk = 1;
		goto out;
	}
	if ((st = file_against_book(im, IMPORT_BULK_MIN_ROWS, &rows, &stored,
	    err)) != KITH_OK)
		return st;
	im->bulk = rows > stored;
out:
	if (im->bulk)
		sqlite3_wal_autocheckpoint(kith_db_sqlite(im->db),
		    BULK_CHECKPOINT);
	return KITH_OK;
}

/*
 * Notes the highest tag id before batch, committed with the batch row:
 * every tag with a higher id was made since, and import_undo removes
 * those that no contact has and no cadence names any more.  (A tag row
 * has no date, and the schema stays as it is.)
 */
static enum kith_status
tags_mark(struct kith_db *db, int64_t batch, struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "INSERT OR REPLACE INTO meta (key, value) "
	    "SELECT '" TAGS_KEY "' || ?1, coalesce(max(id), 0) FROM tag",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "starting the import");
	return KITH_OK;
}

/*
 * The search entries of the contacts a bulk import added, once the file
 * is read: in ranges of ids, committed as they go (the contacts were
 * committed already).  The caller clears the mark with the batch's end.
 */
static enum kith_status
index_pending(struct import *im, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int64_t		 lo;
	long		 done = 0;

	if (im->last_added == 0)
		return KITH_OK;
	if ((stmt = db_stmt(im->db, "SELECT min(id) FROM contact WHERE "
	    "batch_id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, im->rep->batch);
	if (sqlite3_step(stmt) != SQLITE_ROW) {
		sqlite3_reset(stmt);
		return db_fail(im->db, err, "indexing imported contacts");
	}
	lo = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (lo == 0)
		return KITH_OK;
	return search_fill(im->db, im->rep->batch, lo, im->last_added,
	    INDEX_RANGE, &done, err);
}

enum kith_status
import_file(struct kith_db *db, const char *path,
    const struct import_opts *opts, struct import_report *rep,
    struct kith_err *err)
{
	static const struct import_opts	 none;
	struct kith_err			 local = { 0 };
	struct import			 im;
	enum kith_status		 st;
	sqlite3_stmt			*stmt;
	size_t				 i;
	int				 copied;

	memset(rep, 0, sizeof *rep);
	memset(&im, 0, sizeof im);
	if (err == NULL)
		err = &local;
	im.db = db;
	im.path = path;
	im.opts = opts != NULL ? opts : &none;
	im.rep = rep;
	im.err = err;
	clock_gettime(CLOCK_MONOTONIC, &im.start);

	/*
	 * The mirror of a bulk import's shared keys (dedup_hot) and the
	 * sorts go to files beside the book, not memory: set outside any
	 * transaction, or SQLite refuses.
	 */
	batch_temp_beside(db, 0, &im.temp);
	if ((st = kith_db_begin(db, err)) != KITH_OK) {
		batch_temp_back(db, &im.temp);
		return st;
	}
	im.label = xstrdup("import");

	for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
		if (im.opts->format != NULL &&
		    strcmp(im.opts->format, formats[i].name) == 0)
			break;
	if (i == sizeof formats / sizeof formats[0])
		for (i = 0; i < sizeof formats / sizeof formats[0]; i++)
			if ((!formats[i].whole || (im.opts->format == NULL &&
			    im.opts->map == NULL)) && formats[i].sniff(path))
				break;
	if (i < sizeof formats / sizeof formats[0])
		im.whole = formats[i].whole;
	if (!im.whole)
		kith_db_bulk(db, 1);
	if (i == sizeof formats / sizeof formats[0])
		st = kith_err_set(err, KITH_INVALID, "%s: not a format kith "
		    "reads", path);
	else if (im.whole || ((st = choose_bulk(&im, err)) == KITH_OK &&
	    (st = im.bulk ? prescan(&im, formats[i].read, err) :
	    use_filter(&im, err)) == KITH_OK)) {
		if (im.bulk)
			trace(&im, "first-pass");
		st = formats[i].read(&im);
	}
	trace(&im, "rows");
	if (im.hot != NULL)
		dedup_hot_end(db);
	if (st == KITH_OK && !im.opts->dry_run && !im.whole)
		st = index_added(&im, err);
	/*
	 * The rows are in: the dropped indexes are built (the book is whole
	 * again sooner), then the search entries are written.
	 */
	if (st == KITH_OK && im.bulk && rep->batch != 0 &&
	    (st = kith_db_commit(db, err)) == KITH_OK) {
		im.kept_rows = rep->rows;
		im.kept_added = rep->added;
		im.kept_merged = rep->merged;
		/* The side's last entries while the indexes are built. */
		search_side_close(im.side, im.last_added);
		st = batch_indexes_restore(db, err);
		trace(&im, "indexes");
		copied = im.side != NULL && st == KITH_OK &&
		    search_side_finish(im.side, NULL) == KITH_OK;
		if (im.side != NULL && st != KITH_OK)
			search_side_abort(im.side);
		im.side = NULL;
		/* Without a side, or if it failed: the entries lacking. */
		if (st == KITH_OK && (st = kith_db_begin(db, err)) == KITH_OK &&
		    !copied && (st = index_pending(&im, err)) == KITH_OK &&
		    im.last_merge > im.reindexed)
			st = search_reindex_merged(db, rep->batch, im.reindexed,
			    err);
	}
	if (im.bulk)
		trace(&im, "entries");
	kith_db_bulk(db, 0);
	rep->bulk = im.bulk;
	if (im.bulk)
		sqlite3_wal_autocheckpoint(kith_db_sqlite(db), 1000);

	if (st != KITH_OK || im.opts->dry_run) {
		search_side_abort(im.side);
		im.side = NULL;
		kith_db_rollback(db);
		if (im.whole)
			rep->batch = 0;	/* nothing of it was committed */
		else if (rep->batch != 0)
			give_back(&im, st, err);
		/* Failing, the next start builds them (the marks stay). */
		if (im.bulk)
			(void)batch_indexes_restore(db, NULL);
		goto out;
	}
	if ((stmt = db_stmt(db, "UPDATE import_batch SET format = ?2, "
	    "finished = ?3, n_read = ?4, n_added = ?5, n_merged = ?6, "
	    "n_rejected = ?7 WHERE id = ?1", err)) == NULL) {
		st = KITH_DB;
		kith_db_rollback(db);
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, rep->batch);
	sqlite3_bind_text(stmt, 2, rep->format, -1, SQLITE_STATIC);
	sqlite3_bind_int64(stmt, 3, (int64_t)kith_db_now(db));
	sqlite3_bind_int64(stmt, 4, rep->rows);
	sqlite3_bind_int64(stmt, 5, rep->added);
	sqlite3_bind_int64(stmt, 6, rep->merged);
	sqlite3_bind_int64(stmt, 7, rep->rejected);
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		st = db_fail(db, err, "finishing the import");
		kith_db_rollback(db);
		goto out;
	}
	/* The import is one action of the change journal: kith undo. */
	if ((im.bulk && (st = batch_pending_mark(db, rep->batch, 0, err)) !=
	    KITH_OK) ||
	    (st = journal_import(db, rep->batch, err)) != KITH_OK) {
		kith_db_rollback(db);
		goto out;
	}
	st = kith_db_commit(db, err);
	trace(&im, "end");
out:
	if (im.rejects != NULL && fclose(im.rejects) != 0 && st == KITH_OK)
		st = kith_err_set(err, KITH_IO, "%s: writing the rejected rows "
		    "failed", rep->rejects);
	if (st == KITH_OK && opts != NULL && opts->progress != NULL)
		opts->progress(opts->arg, im.size, im.size);
	search_side_abort(im.side);
	dedup_filter_free(im.filter);
	dedup_hot_free(im.hot);
	free(im.label);
	batch_temp_back(db, &im.temp);
	return st;
}

/* The end of a phase, in seconds since the start, to opts->trace. */
static void
trace(const struct import *im, const char *phase)
{
	struct timespec	now;

	if (im->opts->trace == NULL)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	fprintf(im->opts->trace, "%s %.3f\n", phase,
	    (double)(now.tv_sec - im->start.tv_sec) +
	    (double)(now.tv_nsec - im->start.tv_nsec) / 1e9);
	fflush(im->opts->trace);
}

/* Snapshots: a tag byte, a 32-bit length, the bytes; repeated. */
static void
put(struct sbuf *sb, char tag, const char *s)
{
	uint32_t	len;

	if (s == NULL)
		return;
	len = (uint32_t)strlen(s);
	sbuf_addc(sb, tag);
	sbuf_addn(sb, (const char *)&len, sizeof len);
	sbuf_addn(sb, s, len);
}

static void
snapshot(const struct contact *c, struct sbuf *sb)
{
	char	num[32];
	size_t	i;

	put(sb, 'd', c->display);
	put(sb, 'p', c->prefix);
	put(sb, 'g', c->given);
	put(sb, 'm', c->middle);
	put(sb, 'f', c->family);
	put(sb, 's', c->suffix);
	put(sb, 'n', c->nickname);
	put(sb, 'o', c->org);
	put(sb, 't', c->title);
	put(sb, 'b', c->birthday);
	put(sb, 'N', c->notes);
	put(sb, 'S', c->source);
	snprintf(num, sizeof num, "%d", c->cadence_days);
	put(sb, 'c', num);
	snprintf(num, sizeof num, "%d", c->archived);
	put(sb, 'a', num);
	snprintf(num, sizeof num, "%lld", (long long)c->updated);
	put(sb, 'z', num);
	for (i = 0; i < c->n_emails; i++) {
		put(sb, 'E', c->emails[i].addr);
		put(sb, 'e', c->emails[i].label);
	}
	for (i = 0; i < c->n_phones; i++) {
		put(sb, 'P', c->phones[i].raw);
		put(sb, 'l', c->phones[i].label);
	}
	for (i = 0; i < c->n_addrs; i++) {
		put(sb, 'A', "");
		put(sb, '1', c->addrs[i].label);
		put(sb, '2', c->addrs[i].street);
		put(sb, '3', c->addrs[i].city);
		put(sb, '4', c->addrs[i].region);
		put(sb, '5', c->addrs[i].postcode);
		put(sb, '6', c->addrs[i].country);
	}
	for (i = 0; i < c->n_urls; i++) {
		put(sb, 'U', c->urls[i].value);
		put(sb, 'u', c->urls[i].key);
	}
	for (i = 0; i < c->n_custom; i++) {
		put(sb, 'K', c->custom[i].key);
		put(sb, 'V', c->custom[i].value);
	}
	for (i = 0; i < c->n_tags; i++)
		put(sb, 'T', c->tags[i]);
	put(sb, 'D', c->department);
	put(sb, 'I', c->uid);
	for (i = 0; i < c->n_dates; i++) {
		put(sb, 'Y', c->dates[i].date);
		put(sb, 'y', c->dates[i].label);
	}
	for (i = 0; i < c->n_ims; i++) {
		put(sb, 'M', c->ims[i].handle);
		put(sb, 'j', c->ims[i].service);
		put(sb, 'k', c->ims[i].label);
	}
	for (i = 0; i < c->n_vprops; i++)
		put(sb, 'X', c->vprops[i]);
}

static struct contact *
unsnapshot(const void *data, size_t size)
{
	const char		*p = data, *end = p + size;
	struct contact		*c = contact_new();
	struct contact_address	*a = NULL;
	char			*v, **field;
	uint32_t		 len;
	char			 tag;

	while (p + 1 + sizeof len <= end) {
		tag = *p++;
		memcpy(&len, p, sizeof len);
		p += sizeof len;
		if ((size_t)(end - p) < len)
			break;
		v = xstrndup(p, len);
		p += len;
		field = NULL;
		switch (tag) {
		case 'd': field = &c->display; break;
		case 'p': field = &c->prefix; break;
		case 'g': field = &c->given; break;
		case 'm': field = &c->middle; break;
		case 'f': field = &c->family; break;
		case 's': field = &c->suffix; break;
		case 'n': field = &c->nickname; break;
		case 'o': field = &c->org; break;
		case 't': field = &c->title; break;
		case 'b': field = &c->birthday; break;
		case 'N': field = &c->notes; break;
		case 'S': field = &c->source; break;
		case 'c': c->cadence_days = atoi(v); break;
		case 'a': c->archived = atoi(v); break;
		case 'z': c->updated = strtoll(v, NULL, 10); break;
		case 'E': contact_add_email(c, v, NULL); break;
		case 'e':
			if (c->n_emails > 0)
				contact_set(&c->emails[c->n_emails - 1].label, v);
			break;
		case 'P': contact_add_phone(c, v, NULL); break;
		case 'l':
			if (c->n_phones > 0)
				contact_set(&c->phones[c->n_phones - 1].label, v);
			break;
		case 'A': {
			struct contact_address none = { 0 };

			contact_add_address(c, &none);
			a = &c->addrs[c->n_addrs - 1];
			break;
		}
		case '1': if (a) contact_set(&a->label, v); break;
		case '2': if (a) contact_set(&a->street, v); break;
		case '3': if (a) contact_set(&a->city, v); break;
		case '4': if (a) contact_set(&a->region, v); break;
		case '5': if (a) contact_set(&a->postcode, v); break;
		case '6': if (a) contact_set(&a->country, v); break;
		case 'U': contact_add_url(c, v, NULL); break;
		case 'u':
			if (c->n_urls > 0)
				contact_set(&c->urls[c->n_urls - 1].key, v);
			break;
		case 'K': contact_add_custom(c, v, ""); break;
		case 'V':
			if (c->n_custom > 0) {
				free(c->custom[c->n_custom - 1].value);
				c->custom[c->n_custom - 1].value = xstrdup(v);
			}
			break;
		case 'T': contact_add_tag(c, v); break;
		case 'D': field = &c->department; break;
		case 'I': field = &c->uid; break;
		case 'Y': contact_add_date(c, NULL, v); break;
		case 'y':
			if (c->n_dates > 0)
				contact_set(&c->dates[c->n_dates - 1].label, v);
			break;
		case 'M': contact_add_im(c, NULL, v, NULL); break;
		case 'j':
			if (c->n_ims > 0)
				contact_set(&c->ims[c->n_ims - 1].service, v);
			break;
		case 'k':
			if (c->n_ims > 0)
				contact_set(&c->ims[c->n_ims - 1].label, v);
			break;
		case 'X': contact_add_vprop(c, v); break;
		}
		if (field != NULL)
			contact_set(field, v);
		free(v);
	}
	return c;
}

/*
 * A deals import is undone as the change it was recorded as (journal.h),
 * while the journal still holds it; one that changed nothing (*none set)
 * is only marked undone, as a contact import.
 */
static enum kith_status
undo_deals(struct kith_db *db, int64_t batch, int *none,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int64_t		 id = 0;
	int		 rc;

	*none = 0;
	if ((stmt = db_stmt(db, "SELECT id, changes IS NULL FROM journal "
	    "WHERE batch_id = ?1 AND undone_by IS NULL ORDER BY id DESC "
	    "LIMIT 1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		id = sqlite3_column_int64(stmt, 0);
		*none = sqlite3_column_int(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the change journal");
	if (*none)
		return KITH_OK;
	if (id == 0)
		return kith_err_set(err, KITH_INVALID, "import batch %lld "
		    "(deals) is no longer in the change journal, which keeps "
		    "the last %d changes: it cannot be undone",
		    (long long)batch, JOURNAL_KEEP);
	return journal_undo(db, id, NULL, err);
}

/* Sets contact id's last change back to updated. */
static enum kith_status
restore_updated(struct kith_db *db, int64_t id, int64_t updated,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;

	if ((stmt = db_stmt(db, "UPDATE contact SET updated = ?2 WHERE id = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int64(stmt, 2, updated);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "undoing an import");
	return KITH_OK;
}

enum kith_status
import_undo_check(struct kith_db *db, int64_t batch, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc, undone;

	if ((stmt = db_stmt(db, "SELECT undone FROM import_batch WHERE id = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	rc = sqlite3_step(stmt);
	undone = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND, "no import batch %lld; "
		    "kith import --list shows them", (long long)batch);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "reading the import batches");
	if (undone)
		return kith_err_set(err, KITH_INVALID,
		    "import batch %lld was undone already", (long long)batch);
	return KITH_OK;
}

enum kith_status
import_undo(struct kith_db *db, int64_t batch, long *removed, long *restored,
    struct kith_err *err)
{
	/* After the merges are restored; steps[1] counts what is removed. */
	static const char *const steps[] = {
		"DELETE FROM contact_fts WHERE rowid IN (SELECT id FROM contact "
		    "WHERE batch_id = ?1)",
		"DELETE FROM contact WHERE batch_id = ?1",
		/* The organisations it created that nothing names any more. */
		"DELETE FROM org WHERE created >= (SELECT started FROM "
		    "import_batch WHERE id = ?1) AND id NOT IN (SELECT org_id "
		    "FROM contact WHERE org_id IS NOT NULL) AND id NOT IN "
		    "(SELECT org_id FROM deal WHERE org_id IS NOT NULL)",
		/* The tags it made that no contact has and no cadence names
		 * (none for a batch from before the mark was kept). */
		"DELETE FROM tag WHERE id > (SELECT CAST(value AS INTEGER) "
		    "FROM meta WHERE key = '" TAGS_KEY "' || ?1) AND "
		    "cadence_days = 0 AND cadence_max = 0 AND id NOT IN "
		    "(SELECT tag_id FROM contact_tag)",
		"DELETE FROM batch_merge WHERE batch_id = ?1",
		"DELETE FROM meta WHERE key = '" PENDING_KEY "' || ?1",
		"DELETE FROM meta WHERE key = '" TAGS_KEY "' || ?1",
		"UPDATE import_batch SET undone = 1 WHERE id = ?1",
	};
	size_t			 i;
	struct contact		*c;
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	long			 n_removed = 0, n_restored = 0;
	int64_t			 was;
	int			 rc, undone, deals, none = 0;

	if ((stmt = db_stmt(db, "SELECT undone, format = 'deals', n_added, "
	    "n_merged FROM import_batch WHERE id = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, batch);
	rc = sqlite3_step(stmt);
	undone = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 0) : 0;
	deals = rc == SQLITE_ROW ? sqlite3_column_int(stmt, 1) : 0;
	if (deals) {
		n_removed = sqlite3_column_int64(stmt, 2);
		n_restored = sqlite3_column_int64(stmt, 3);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW || undone)
		return import_undo_check(db, batch, err);
	if (deals && (st = undo_deals(db, batch, &none, err)) != KITH_OK)
		return st;
	if (deals && !none) {
		if (removed != NULL)
			*removed = n_removed;
		if (restored != NULL)
			*restored = n_restored;
		return KITH_OK;
	}

	if ((st = kith_db_begin(db, err)) != KITH_OK)
		return st;
	if ((st = journal_import_undone(db, batch, err)) != KITH_OK)
		goto fail;
	/* Newest merge first, so a contact merged twice ends as before. */
	if ((stmt = db_stmt(db, "SELECT contact_id, snapshot FROM batch_merge "
	    "WHERE batch_id = ?1 ORDER BY id DESC", err)) == NULL) {
		st = KITH_DB;
		goto fail;
	}
	sqlite3_bind_int64(stmt, 1, batch);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		c = unsnapshot(sqlite3_column_blob(stmt, 1),
		    (size_t)sqlite3_column_bytes(stmt, 1));
		c->id = sqlite3_column_int64(stmt, 0);
		was = c->updated;
		/* The statement is in use: contact_update needs others only. */
		st = contact_update(db, c, err);
		/* It was last changed when it was, not now (older snapshots
		 * lack the time: the update's stays). */
		if (st == KITH_OK && was > 0)
			st = restore_updated(db, c->id, was, err);
		contact_free(c);
		if (st == KITH_NOTFOUND)
			continue;	/* deleted since: nothing to restore */
		if (st != KITH_OK) {
			sqlite3_reset(stmt);
			goto fail;
		}
		n_restored++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "undoing an import");
		goto fail;
	}
	for (i = 0; i < sizeof steps / sizeof steps[0]; i++) {
		if ((stmt = db_stmt(db, steps[i], err)) == NULL) {
			st = KITH_DB;
			goto fail;
		}
		sqlite3_bind_int64(stmt, 1, batch);
		if (sqlite3_step(stmt) != SQLITE_DONE) {
			st = db_fail(db, err, "undoing an import");
			goto fail;
		}
		if (steps[i] == steps[1])
			n_removed = sqlite3_changes(kith_db_sqlite(db));
	}
	if ((st = kith_db_commit(db, err)) != KITH_OK)
		return st;
	if (removed != NULL)
		*removed = n_removed;
	if (restored != NULL)
		*restored = n_restored;
	return KITH_OK;
fail:
	kith_db_rollback(db);
	return st;
}

enum kith_status
import_batches(struct kith_db *db, struct import_batch **out, size_t *n,
    struct kith_err *err)
{
	struct import_batch	*b = NULL;
	sqlite3_stmt		*stmt;
	size_t			 count = 0;
	int			 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT id, file, format, started, "
	    "finished IS NOT NULL, undone, n_read, n_added, n_merged, "
	    "n_rejected FROM import_batch ORDER BY id", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if ((count & (count - 1)) == 0)
			b = xreallocarray(b, count ? count * 2 : 1, sizeof *b);
		b[count].id = sqlite3_column_int64(stmt, 0);
		b[count].file = db_col_text(stmt, 1);
		b[count].format = db_col_text(stmt, 2);
		b[count].started = sqlite3_column_int64(stmt, 3);
		b[count].finished = sqlite3_column_int(stmt, 4);
		b[count].undone = sqlite3_column_int(stmt, 5);
		b[count].rows = sqlite3_column_int64(stmt, 6);
		b[count].added = sqlite3_column_int64(stmt, 7);
		b[count].merged = sqlite3_column_int64(stmt, 8);
		b[count].rejected = sqlite3_column_int64(stmt, 9);
		count++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		import_batches_free(b, count);
		return db_fail(db, err, "listing imports");
	}
	*out = b;
	*n = count;
	return KITH_OK;
}

void
import_batches_free(struct import_batch *b, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(b[i].file);
		free(b[i].format);
	}
	free(b);
}
