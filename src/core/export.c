/* SPDX-License-Identifier: MIT */
/*
 * Export of the whole address book as CSV, in kith's own layout (every
 * field, imports back byte for byte) or in the layouts Google Contacts and
 * Outlook import.  Numbered column groups are sized by a first pass that
 * asks SQLite for the most e-mails, phones, ... any contact has.
 *
 * The whole export is one read transaction: in WAL mode it reads one
 * snapshot of the database from the first pass to the last row, so a
 * contact another process adds, edits or deletes meanwhile is either
 * exported as it was when the export began or not at all, and the
 * numbered groups always fit.
 */
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/csvio.h"
#include "kith/import.h"
#include "kith/util.h"
#include "csvmap.h"
#include "internal.h"

static enum kith_status	dims(struct kith_db *, struct csvmap_dims *,
			    struct kith_err *);

static enum kith_status
dims(struct kith_db *db, struct csvmap_dims *d, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	memset(d, 0, sizeof *d);
	if ((stmt = db_stmt(db, "SELECT "
	    "(SELECT max(n) FROM (SELECT count(*) n FROM email "
	    "GROUP BY contact_id)), "
	    "(SELECT max(n) FROM (SELECT count(*) n FROM phone "
	    "GROUP BY contact_id)), "
	    "(SELECT max(n) FROM (SELECT count(*) n FROM address "
	    "GROUP BY contact_id)), "
	    "(SELECT max(n) FROM (SELECT count(*) n FROM url "
	    "GROUP BY contact_id)), "
	    "(SELECT max(n) FROM (SELECT count(*) n FROM custom_field "
	    "GROUP BY contact_id)), "
	    "(SELECT max(n) FROM (SELECT count(*) n FROM contact_tag "
	    "GROUP BY contact_id)), "
	    "(SELECT max(n) FROM (SELECT count(*) n FROM contact_date "
	    "GROUP BY contact_id)), "
	    "(SELECT max(n) FROM (SELECT count(*) n FROM im "
	    "GROUP BY contact_id))", err)) == NULL)
		return KITH_DB;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		d->emails = (size_t)sqlite3_column_int64(stmt, 0);
		d->phones = (size_t)sqlite3_column_int64(stmt, 1);
		d->addrs = (size_t)sqlite3_column_int64(stmt, 2);
		d->urls = (size_t)sqlite3_column_int64(stmt, 3);
		d->custom = (size_t)sqlite3_column_int64(stmt, 4);
		d->tags = (size_t)sqlite3_column_int64(stmt, 5);
		d->dates = (size_t)sqlite3_column_int64(stmt, 6);
		d->ims = (size_t)sqlite3_column_int64(stmt, 7);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "exporting");
	return KITH_OK;
}

enum kith_status
export_contacts(struct kith_db *db, FILE *fp, const char *format,
    long *count, struct kith_err *err)
{
	struct csvmap_dims	 d;
	struct csv_out		*out = NULL;
	struct contact		*c;
	sqlite3_stmt		*stmt;
	enum kith_status	 st;
	int64_t			 last_id = 0;
	unsigned char		*key = NULL;
	size_t			 key_len = 0, n, got;
	char			**row;
	unsigned char		*guard;
	long			 written = 0;
	int			 rc, snapshot = 0;

	if (count != NULL)
		*count = 0;
	if (format == NULL)
		format = "kith";
	/* A caller already inside a transaction has its snapshot. */
	if (sqlite3_get_autocommit(kith_db_sqlite(db))) {
		if ((st = db_exec(db, "BEGIN DEFERRED", err)) != KITH_OK)
			return st;
		snapshot = 1;
	}
	if ((st = dims(db, &d, err)) != KITH_OK)
		goto out;
	if ((st = csvmap_export_header(format, &d, &row, &n, err)) != KITH_OK)
		goto out;
	out = csv_out_new(fp, 1, strcmp(format, "outlook") == 0);
	csv_out_row(out, (const char *const *)row, n);
	csvmap_row_free(row, n);

	/*
	 * Keyset pages of ids in name order, so no statement stays open
	 * while contact_get() runs its own.
	 */
	for (;;) {
		if ((stmt = db_stmt(db, "SELECT id, sort_key FROM contact WHERE "
		    "(sort_key, id) > (?1, ?2) ORDER BY sort_key, id LIMIT 256",
		    err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_blob(stmt, 1, key ? (const void *)key : "",
		    (int)key_len, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 2, last_id);
		int64_t ids[256];
		got = 0;
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			ids[got++] = sqlite3_column_int64(stmt, 0);
			free(key);
			key_len = (size_t)sqlite3_column_bytes(stmt, 1);
			key = xmalloc(key_len + 1);
			memcpy(key, sqlite3_column_blob(stmt, 1), key_len);
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "exporting");
			goto out;
		}
		for (size_t i = 0; i < got; i++) {
			if ((st = contact_get(db, ids[i], &c, err)) != KITH_OK)
				goto out;
			csvmap_export_row(format, &d, c, &row, &guard, &n);
			csv_out_row_guarded(out, (const char *const *)row,
			    guard, n);
			csvmap_row_free(row, n);
			free(guard);
			contact_free(c);
			written++;
		}
		if (got < 256)
			break;
		last_id = ids[got - 1];
	}
	st = KITH_OK;
out:
	free(key);
	/* Only read: ending it cannot lose anything. */
	if (snapshot)
		(void)db_exec(db, "COMMIT", NULL);
	if (csv_out_free(out) != KITH_OK && st == KITH_OK)
		st = kith_err_set(err, KITH_IO, "writing the export failed");
	if (count != NULL)
		*count = written;
	return st;
}
