/* SPDX-License-Identifier: MIT */
/*
 * Helpers shared by the libFuzzer targets: temporary files, and failing
 * loudly (abort, which libFuzzer reports as a crash with the input).
 */
#ifndef KITH_FUZZ_H
#define KITH_FUZZ_H

#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/db.h"
#include "kith/util.h"

static void	fuzz_fail(const char *, ...) __attribute__((format(printf, 1, 2),
		    noreturn, unused));

static void
fuzz_fail(const char *fmt, ...)
{
	va_list	ap;

	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

/* A fresh temporary file name (the file exists, empty); never freed. */
static __attribute__((unused)) char *
fuzz_tmpfile(const char *name)
{
	const char	*dir = getenv("TMPDIR");
	char		*p;
	int		 fd;

	p = xasprintf("%s/%s-XXXXXX", dir && *dir ? dir : "/tmp", name);
	if ((fd = mkstemp(p)) == -1)
		fuzz_fail("mkstemp %s", p);
	close(fd);
	return p;
}

static __attribute__((unused)) void
fuzz_write(const char *path, const void *data, size_t size)
{
	FILE	*fp;

	if ((fp = fopen(path, "wb")) == NULL)
		fuzz_fail("cannot write %s", path);
	if (size > 0 && fwrite(data, 1, size, fp) != size)
		fuzz_fail("cannot write %s", path);
	fclose(fp);
}

/* The input as a NUL-ended string (caller frees). */
static __attribute__((unused)) char *
fuzz_str(const uint8_t *data, size_t size)
{
	char	*s = xmalloc(size + 1);

	memcpy(s, data, size);
	s[size] = '\0';
	return s;
}

/* Aborts unless PRAGMA integrity_check says ok. */
static __attribute__((unused)) void
fuzz_integrity(struct kith_db *db)
{
	sqlite3_stmt	*stmt;
	const char	*r;

	if (sqlite3_prepare_v2(kith_db_sqlite(db), "PRAGMA integrity_check(1)",
	    -1, &stmt, NULL) != SQLITE_OK || sqlite3_step(stmt) != SQLITE_ROW)
		fuzz_fail("integrity check did not run");
	r = (const char *)sqlite3_column_text(stmt, 0);
	if (r == NULL || strcmp(r, "ok") != 0)
		fuzz_fail("integrity check: %s", r ? r : "NULL");
	sqlite3_finalize(stmt);
}

#endif
