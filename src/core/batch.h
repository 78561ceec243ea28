/* SPDX-License-Identifier: MIT */
/*
 * The import sink (batch.c) and its format readers (csv_import.c), inside
 * the core: one struct import per file being imported.  A reader finds
 * the records and makes contacts; batch_add() adds, merges or rejects each
 * one, and the batch does the rest (transactions in chunks, duplicates,
 * rejects file, warnings, progress, undo).  A new format is one reader and
 * one row of the table in batch.c.
 */
#ifndef KITH_BATCH_H
#define KITH_BATCH_H

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "kith/csvio.h"
#include "kith/import.h"

#define PREAMBLE_MAX	10	/* records looked at to find the header */

struct contact;
struct csv_map;
struct dedup_filter;
struct dedup_hot;

struct held {				/* a record copied out of the reader */
	long		  line;
	char		 *problem;	/* the reader's, or NULL */
	size_t		  n;
	char		**field;
	size_t		 *len;
};

struct import {
	struct kith_db		*db;
	const char		*path;
	const struct import_opts *opts;
	struct import_report	*rep;
	struct kith_err		*err;
	struct csv_map		*map;
	struct held		 header;	/* once found */
	struct held		 pre[PREAMBLE_MAX];
	size_t			 n_pre;
	FILE			*rejects;
	char			*label;		/* "import N" */
	long			 in_chunk;
	long			 kept_rows;	/* committed so far: rows, */
	long			 kept_added;	/* contacts added, */
	long			 kept_merged;	/* and merges */
	struct dedup_filter	*filter;	/* for big imports */
	struct dedup_hot	*hot;		/* bulk: the shared keys */
	struct dedup_counter	*counter;	/* counting them, first pass */
	struct search_side	*side;		/* bulk into an empty book: its
						   search index built beside */
	int			 prescan;	/* bulk: the first pass, which
						   only counts the keys */
	int64_t			 last_merge;	/* batch_merge rows: the last */
	int64_t			 reindexed;	/* and the last reindexed */
	int64_t			 indexed;	/* contacts up to here indexed */
	int64_t			 last_added;	/* highest id added */
	enum kith_status	 st;		/* first fatal error */
	long long		 size;
	const struct csv_info	*info;		/* the reader's, as it reads */
	int			 whole;		/* one transaction, journaled */
	int			 bulk;		/* the bulk path (import.h): added
						   contacts indexed at the end */
	int			 raw_rejects;	/* rejects are raw text (vCard):
						   FILE.rejected.vcf */
	struct timespec		 start;		/* for the trace's phases */
	struct import_temp {		/* batch_temp_beside() changed them */
		int		 set;
		int		 store;		/* temp_store, */
		long		 cache;		/* cache_size, */
		char		*dir;		/* temp_store_directory */
	}			 temp;
};

/*
 * What a bulk import leaves to be finished (batch_index.c).  The pending
 * mark: meta key PENDING_KEY and the batch, whose value is the pid of the
 * process writing the search entries of the batch's added contacts,
 * INDEX_RANGE ids a transaction.
 */
#define PENDING_KEY	"import_pending:"
#define INDEX_RANGE	25000	/* memory stays flat and another writer
				   gets its turn */
/* Sets (on) or clears batch's pending mark, in the caller's transaction. */
enum kith_status batch_pending_mark(struct kith_db *, int64_t batch, int on,
		    struct kith_err *);
/*
 * Drops the indexes that nothing an import does reads, or (all) those the
 * duplicate lookups read too (for a file read once first to find its
 * shared keys), each with its definition kept in the meta table, in the
 * caller's transaction.  One missing already (another bulk import is
 * running) is left to the import that dropped it.
 */
enum kith_status batch_indexes_drop(struct kith_db *, int all,
		    struct kith_err *);
/*
 * Builds again every index a bulk import dropped, in a transaction of its
 * own, outside any other (err may be NULL), sorting beside the database
 * once a sort holds 4 MiB, on SQLite's helper threads.
 */
enum kith_status batch_indexes_restore(struct kith_db *, struct kith_err *);
/*
 * Sends the handle's temporary data (sorts, temp tables) to files beside
 * the database until batch_temp_back(), noting in *was what it changed:
 * with temp_store = MEMORY (db.c), SQLite keeps all of it in memory,
 * which at a million contacts is tens of megabytes.  The files go beside
 * the database (the only place kith keeps client data), not to the
 * system's temporary folder; SQLite removes each as it opens it.
 * cache_kib, if not 0, sets the main cache meanwhile (a sort goes to its
 * files once it holds that much).  Best effort: at worst the data stays
 * in memory, or goes to /tmp.  Set outside any transaction.
 */
void		 batch_temp_beside(struct kith_db *, long cache_kib,
		    struct import_temp *was);
void		 batch_temp_back(struct kith_db *, struct import_temp *was);

/* Reports a notice, warning or rejection of the record on line. */
void		 batch_say(struct import *, enum import_level, long line,
		    const char *, ...) __attribute__((format(printf, 4, 5)));
/* Counts rec as rejected, says why, and keeps it in the rejects file. */
void		 batch_reject(struct import *, const struct csv_record *,
		    const char *why);
/* Records the batch row, once the file is known to be a table. */
enum kith_status batch_start(struct import *);
/*
 * Adds c (taken) or merges it, rec being the record it came from (for the
 * line, and the rejects file).  Non-zero: stop reading (im->st says why).
 */
int		 batch_add(struct import *, const struct csv_record *rec,
		    struct contact *c);

/* The CSV reader: reads im->path to the end, or fails with im->err. */
int		 csv_import_sniff(const char *path);
enum kith_status csv_import_read(struct import *);
/*
 * Repairs and reports line breaks written as CR and replacement
 * characters in rec's cells (in place), once per record.
 */
void		 csv_import_check_cells(struct import *,
		    const struct csv_record *);
/* A record copied out of the reader (the header), and freed. */
void		 csv_import_hold(struct held *, const struct csv_record *);
void		 csv_import_held_free(struct held *);

/*
 * The vCard reader (vcard_import.c): a .vcf file, one that begins with
 * BEGIN:VCARD, or a folder of .vcf files (a vdir).
 */
int		 vcard_import_sniff(const char *path);
enum kith_status vcard_import_read(struct import *);
/* The stored contact with this vCard UID into *id, 0 if none. */
enum kith_status vcard_uid_find(struct kith_db *, const char *uid,
		    int64_t *id, struct kith_err *);

/* One deal of a deals file (deal_csv.c), as deal_import_row() takes it. */
struct deal_step {
	int64_t		 stage_id;
	int64_t		 at;		/* entered, seconds since the epoch */
};

struct deal_row {
	struct deal	*deal;		/* its fields and resolved people */
	struct deal_step *steps;	/* its stage history, oldest first;
					   the last is its stage */
	size_t		 n_steps;	/* at least 1 */
	int64_t		 opened;	/* created */
	int64_t		 closed;	/* closed_at, 0 if none */
	int64_t		 touched;	/* last touch, 0: its last step */
};

/*
 * Adds row's deal with its dates and history, or merges it into the deal
 * it repeats: the one with its reference, else (when one of them has no
 * reference) the one with its folded title and organisation.  A merge
 * writes the fields the row gives that differ, puts on the people not on
 * it yet (or changes a role the row gives), adds the history steps it
 * lacks, and moves the deal when the row knows a later step.  *merged
 * says which; *warning (caller frees) may say something to report.
 * KITH_INVALID/KITH_NOTFOUND (the row is refused; nothing of it written)
 * as deal_add.
 */
enum kith_status deal_import_row(struct kith_db *, struct deal_row *,
		    int *merged, char **warning, struct kith_err *);
void		 deal_row_clear(struct deal_row *);

/* Adds or merges row (deal_import_row); non-zero: stop reading. */
int		 batch_add_deal(struct import *, const struct csv_record *rec,
		    struct deal_row *row);

/*
 * The deals reader (deal_csv.c): --format deals, or a file that begins
 * with the header kith export --format deals writes.
 */
int		 deal_csv_sniff(const char *path);
enum kith_status deal_csv_read(struct import *);

#endif
