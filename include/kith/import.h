/* SPDX-License-Identifier: MIT */
/*
 * Importing address books from CSV, undoing an import, and exporting.
 *
 * An import reads the file with csv_read(), finds the header (below any
 * preamble), maps columns by name (csvmap), and for each record either adds
 * a contact, merges it into the contact it duplicates (dedup.h), or rejects
 * it — reporting the line and the reason, and writing it unchanged to a
 * rejects file so it can be fixed and imported again.  Nothing is dropped
 * silently.
 *
 * Each import is an import batch.  It commits in chunks, so a killed import
 * leaves a consistent database whose partial batch import_undo() removes;
 * a file that turns out to be broken half-way (a quote never closed) is
 * undone at once, leaving the database as it was.
 */
#ifndef KITH_IMPORT_H
#define KITH_IMPORT_H

#include <stdint.h>
#include <stdio.h>
#include "kith/status.h"

struct kith_db;

enum import_level {
	IMPORT_NOTICE,		/* e.g. a preamble line or empty record skipped */
	IMPORT_WARNING,		/* imported, but something was adjusted */
	IMPORT_ERROR		/* the record was rejected */
};

struct import_opts {
	const char	*format;	/* NULL: detect from the header */
	const char	*map;		/* "COL=FIELD,..." or NULL */
	const char	*tag;		/* tag every imported contact, or NULL */
	const char	*rejects;	/* NULL: FILE.rejected.csv */
	const char	*legacy;	/* code page of non-UTF-8 files, or NULL */
	int		 dry_run;	/* report only, write nothing */
	int		 bulk;		/* IMPORT_BULK_AUTO (0), _OFF or _ON */
	/* Called for each notice, warning and rejected record; may be NULL. */
	void		(*notice)(void *arg, enum import_level,
			    const char *file, long line, const char *msg);
	/* Called now and then with bytes read and the file size; may be NULL. */
	void		(*progress)(void *arg, long long done, long long total);
	void		*arg;
	/*
	 * Where each phase's end is written, "PHASE SECONDS" since the start
	 * (first-pass, rows, indexes, entries, end), for benchmarks; or NULL.
	 */
	FILE		*trace;
};

/*
 * The bulk path (import_opts.bulk).  It gives the same contacts, merges,
 * warnings, rejects and undo as the row-by-row path, but the search
 * entries of the contacts it adds are written after the whole file is
 * read, in ranges of ids, rather than at each chunk's commit.  Meanwhile
 * (import_search_pending) search does not find those contacts yet; an
 * import killed in between leaves that to the next kith_db_open of the
 * database, which finishes it.  AUTO takes the bulk path for a file of
 * at least IMPORT_BULK_MIN_ROWS rows (guessed from its size) with more
 * rows than the book has contacts; never for a dry run or a deals file.
 */
enum {
	IMPORT_BULK_AUTO,
	IMPORT_BULK_OFF,
	IMPORT_BULK_ON
};
#define IMPORT_BULK_MIN_ROWS	50000

struct import_report {
	long		 rows;		/* data records, empty ones excluded */
	long		 added;
	long		 merged;	/* rows merged into an existing contact */
	long		 rejected;
	long		 skipped;	/* empty records */
	long		 review;	/* possible duplicates, added apart */
	long		 unchanged;	/* vCards whose UID matched a contact
					   they would not change */
	long		 warnings;
	int64_t		 batch;		/* 0 for a dry run */
	int		 bulk;		/* the bulk path was taken */
	char		 format[16];	/* the layout used */
	char		 encoding[32];
	char		*rejects;	/* the rejects file written, or NULL */
	char		*mapping;	/* the column mapping, for --dry-run */
};

void		 import_report_free(struct import_report *);

/*
 * Imports path.  Returns KITH_OK when the file was read to the end (some
 * records may have been rejected: see report->rejected), else an error
 * with err naming the file and line (KITH_INVALID, KITH_IO), and the
 * database unchanged.  A header without records is KITH_OK with rows 0.
 */
enum kith_status import_file(struct kith_db *, const char *path,
		    const struct import_opts *, struct import_report *,
		    struct kith_err *);

/*
 * Undoes batch: removes the contacts it added and restores the contacts it
 * merged into to what they were before.  Counts go to *removed and
 * *restored (either may be NULL).  KITH_NOTFOUND if there is no such batch,
 * KITH_INVALID if it was undone already.
 */
enum kith_status import_undo(struct kith_db *, int64_t batch, long *removed,
		    long *restored, struct kith_err *);

/*
 * Whether import_undo(batch) can run, changing nothing: KITH_OK, else
 * its KITH_NOTFOUND or KITH_INVALID with its message, so that a front
 * refuses before it asks or backs up.
 */
enum kith_status import_undo_check(struct kith_db *, int64_t batch,
		    struct kith_err *);

/*
 * Sets *pending to the number of contacts that a bulk import added and
 * search does not find yet (their search entries are still to be
 * written), 0 when search finds everything.
 */
enum kith_status import_search_pending(struct kith_db *, long *pending,
		    struct kith_err *);

/*
 * Writes the search entries a bulk import left to write, for the imports
 * no process is running any more (killed, or whose process died): the
 * next start finishes what a kill interrupted.  kith_db_open() calls it
 * on a database it may write.  Sets *done (may be NULL) to the number of
 * contacts indexed.
 */
enum kith_status import_finish_index(struct kith_db *, long *done,
		    struct kith_err *);

/* One import batch, for listing. */
struct import_batch {
	int64_t		 id;
	char		*file;
	char		*format;
	int64_t		 started;	/* seconds since the epoch */
	int		 finished;	/* 0: interrupted, can be undone */
	int		 undone;
	long		 rows, added, merged, rejected;
};

enum kith_status import_batches(struct kith_db *, struct import_batch **out,
		    size_t *n, struct kith_err *);
void		 import_batches_free(struct import_batch *, size_t n);

/*
 * Writes every contact, archived ones included, in name order, to fp in
 * format "kith" (every field; imports back exactly), "google" or "outlook".
 * Cells that a spreadsheet would run as a formula are neutralised.  Sets
 * *count (may be NULL).
 */
enum kith_status export_contacts(struct kith_db *, FILE *fp,
		    const char *format, long *count, struct kith_err *);

/*
 * Writes every deal, by id, to fp as kith's deals CSV (README, "Deals as
 * CSV"): its fields, its people with their roles and its stage history
 * with the moments, in one read transaction; kith import --format deals
 * reads it back.  Free-text cells are neutralised as by export_contacts.
 * Sets *count (may be NULL).
 */
enum kith_status export_deals(struct kith_db *, FILE *fp, long *count,
		    struct kith_err *);

#endif
