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

#include "kith/csvio.h"
#include "kith/import.h"

#define PREAMBLE_MAX	10	/* records looked at to find the header */

struct contact;
struct csv_map;
struct dedup_filter;

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
	int64_t			 last_merge;	/* batch_merge rows: the last */
	int64_t			 reindexed;	/* and the last reindexed */
	int64_t			 indexed;	/* contacts up to here indexed */
	int64_t			 last_added;	/* highest id added */
	enum kith_status	 st;		/* first fatal error */
	long long		 size;
	const struct csv_info	*info;		/* the reader's, as it reads */
};

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

#endif
