/* SPDX-License-Identifier: MIT */
/*
 * Scratch databases for unit tests: real SQLite files in $KITH_TEST_TMP
 * (or /tmp), each removed with its WAL files when the test closes it.
 */
#ifndef KITH_TESTDB_H
#define KITH_TESTDB_H

#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/db.h"
#include "kith/util.h"

/* A fresh path under the scratch folder; caller frees. */
static char *
test_path(const char *name)
{
	const char	*dir = getenv("KITH_TEST_TMP");
	char		*p;

	p = xasprintf("%s/%s-%ld-%s", dir && *dir ? dir : "/tmp",
	    "kith-unit", (long)getpid(), name);
	return p;
}

static void
test_unlink_db(const char *path)
{
	const char	*slash;
	glob_t		 g;
	size_t		 i;
	char		*side;

	/* And the automatic backups (backup.h) an upgrade made of it. */
	slash = strrchr(path, '/');
	side = xasprintf("%.*s/backups/%.*s-2*", slash ? (int)(slash - path) :
	    1, slash ? path : ".", (int)strcspn(slash ? slash + 1 : path, "."),
	    slash ? slash + 1 : path);
	if (glob(side, 0, NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++)
			unlink(g.gl_pathv[i]);
		globfree(&g);
	}
	free(side);
	unlink(path);
	side = xasprintf("%s-wal", path);
	unlink(side);
	free(side);
	side = xasprintf("%s-shm", path);
	unlink(side);
	free(side);
	side = xasprintf("%s-lock", path);
	unlink(side);
	free(side);
}

/* Opens a new, empty database at a fresh path; aborts on failure. */
static struct kith_db *
test_db(const char *name, char **pathp)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	char		*path;

	path = test_path(name);
	test_unlink_db(path);
	if (kith_db_open(path, &db, &err) != KITH_OK) {
		fprintf(stderr, "cannot open %s: %s\n", path, err.msg);
		exit(1);
	}
	if (pathp != NULL)
		*pathp = path;
	else
		free(path);
	return db;
}

static void
test_db_done(struct kith_db *db, char *path)
{
	kith_db_close(db);
	if (path != NULL) {
		test_unlink_db(path);
		free(path);
	}
}

#endif
