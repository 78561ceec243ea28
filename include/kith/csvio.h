/* SPDX-License-Identifier: MIT */
/*
 * Reading and writing CSV files with libcsv.
 *
 * csv_read() opens a file, refuses what is not CSV (empty, binary), works
 * out its encoding (UTF-8 with or without BOM, UTF-16 with BOM, or a legacy
 * code page when the file has no valid UTF-8 multi-byte sequence at all)
 * and its delimiter (',', ';' or TAB, from the first lines), transcodes to
 * UTF-8 with iconv as it streams, and parses with libcsv in strict mode.
 * Each record reaches the callback with the physical line it starts on.
 * Memory stays bounded: one record is held at a time, and no field may
 * grow past opts->max_field bytes.
 *
 * A record that cannot be used (invalid UTF-8, a NUL byte, a field too
 * large) is still delivered, with problem set, so the caller can report it
 * and keep it aside.  A structural error (a quote that never closes, a
 * stray quote) ends the read with KITH_INVALID naming the line.
 *
 * As libcsv does, the reader trims spaces and TABs around unquoted fields
 * (quoted fields are kept as they are), does not report blank lines, and
 * reports a line of delimiters only as a record of empty fields.
 */
#ifndef KITH_CSVIO_H
#define KITH_CSVIO_H

#include <stddef.h>
#include <stdio.h>
#include "kith/status.h"

#define CSV_MAX_FIELD	(1024 * 1024)	/* default limit on one field */
#define CSV_MAX_FIELDS	2000		/* limit on fields in one record */

struct csv_read_opts {
	const char	*legacy;	/* code page of files that are not
					   UTF-8; NULL: "WINDOWS-1252" */
	char		 delim;		/* 0: sniff */
	size_t		 max_field;	/* 0: CSV_MAX_FIELD */
};

struct csv_info {
	char		 encoding[32];	/* "UTF-8", "UTF-8 with BOM",
					   "UTF-16LE", "WINDOWS-1252", ... */
	char		 delim;		/* the delimiter used */
	long long	 size;		/* file size in bytes */
};

struct csv_record {
	long		  line;		/* 1-based physical line it starts on */
	long		  number;	/* 1-based record number (header incl.) */
	size_t		  n;		/* number of fields */
	char		**field;	/* NUL-terminated UTF-8 (when problem is
					   NULL); may contain NUL if not; a
					   field over max_field is empty */
	size_t		 *len;		/* each field's length in bytes */
	const char	 *problem;	/* NULL, or why the record is unusable:
					   "field 3: invalid UTF-8 at byte 4",
					   "field 1: contains a NUL byte",
					   "field 15: larger than 1 MiB",
					   "field 2001: more than 2000
					   fields in one record" (only the
					   first CSV_MAX_FIELDS are kept)
					   (1-based field and byte) */
	long long	  offset;	/* bytes of the file read so far (for
					   progress; grows a chunk at a time) */
};

/*
 * Called for each record, blank lines excepted, preamble and header lines
 * included.  The record is valid only during the call.  A non-zero return
 * stops the read (csv_read then returns KITH_OK).
 */
typedef int	(*csv_record_fn)(const struct csv_record *, void *arg);

/*
 * Reads path as described above.  info (may be NULL) is filled before the
 * first record.  Errors: KITH_IO (cannot open or read), KITH_INVALID (empty
 * file, not CSV, unknown opts->legacy, structural error; err->line set
 * when known), each with a message that starts with the file name.  On a
 * structural error the records before it have been delivered: the caller
 * decides whether to keep them.  opts may be NULL.
 */
enum kith_status csv_read(const char *path, const struct csv_read_opts *opts,
		    struct csv_info *info, csv_record_fn fn, void *arg,
		    struct kith_err *err);

/* Writing.  Fields are quoted only when they need it. */
struct csv_out;

/*
 * Starts writing CSV to fp.  neutralise: cells that begin with '=', '+',
 * '-', '@', TAB or CR get a leading "'" (CSV formula injection, as OWASP
 * describes it), and so do those that begin with a line feed (kith stores
 * a carriage return as one, and a program that trims the cell would read
 * the next line as its start).  crlf: end records with CRLF instead of LF.
 */
struct csv_out	*csv_out_new(FILE *fp, int neutralise, int crlf);
/*
 * Writes one record of n fields, separated by ','.  NULL fields are empty.
 * A field is quoted when it holds ',', '"', CR or LF, begins or ends with
 * a space or TAB (libcsv would trim it), is neutralised, or is the only
 * field of the record and empty (an empty line reads back as no record).
 */
void		 csv_out_row(struct csv_out *, const char *const *fields,
		    size_t n);
/*
 * Like csv_out_row, but a neutralising writer neutralises only the fields
 * i whose guard[i] is nonzero (free text a spreadsheet could run), so that
 * structured values such as "+44 20 7946 0958" or "--07-02" are written as
 * they are.  guard NULL: every field, as csv_out_row.
 */
void		 csv_out_row_guarded(struct csv_out *,
		    const char *const *fields, const unsigned char *guard,
		    size_t n);
/*
 * Flushes fp and frees the writer (NULL is a no-op); returns KITH_IO if
 * any write to fp failed.  fp stays open.
 */
enum kith_status csv_out_free(struct csv_out *);

/* 1 if s would be neutralised on export (see csv_out_new). */
int		 csv_needs_neutralising(const char *s);

#endif
