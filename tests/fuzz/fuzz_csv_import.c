/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: bytes as an address book file through the whole CSV
 * import (encoding sniffing and decoding, header and layout detection,
 * column mapping, cleaning, dedup and merge) into a database in memory,
 * its rejects written to a temporary file.  Whatever the bytes, the import
 * ends with a status other than a database error, and the database passes
 * PRAGMA integrity_check (checked before each reopening).  The database is reopened now and then so that it stays small.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/db.h"
#include "kith/import.h"
#include "kith/util.h"
#include "fuzz.h"

#define MAX_INPUT	(64 * 1024)
#define REOPEN		200	/* imports into one database */

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct kith_db	*db;
	static char		*path, *rejects;
	static int		 runs;
	struct import_opts	 opts = { 0 };
	struct import_report	 rep = { 0 };
	struct kith_err		 err = { 0 };
	enum kith_status	 st;

	if (size > MAX_INPUT)
		return 0;
	if (path == NULL) {
		path = fuzz_tmpfile("kith-fuzz-csv");
		rejects = fuzz_tmpfile("kith-fuzz-rejects");
	}
	if (db == NULL || ++runs % REOPEN == 0) {
		if (db != NULL)
			fuzz_integrity(db);
		kith_db_close(db);
		if (kith_db_open(":memory:", &db, &err) != KITH_OK)
			fuzz_fail("open: %s", err.msg);
	}
	fuzz_write(path, data, size);
	opts.rejects = rejects;
	st = import_file(db, path, &opts, &rep, &err);
	if (st != KITH_OK && st != KITH_INVALID && st != KITH_IO)
		fuzz_fail("import: status %d: %s", (int)st, err.msg);
	import_report_free(&rep);
	return 0;
}
