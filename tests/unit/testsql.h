/* SPDX-License-Identifier: MIT */
/*
 * Helpers for the unit tests that set up rows kith's API would not write
 * (deals at chosen moments, control characters): raw SQL on a test
 * database, and a stage's id by name.  Each exits the test on failure.
 */
#ifndef KITH_TESTSQL_H
#define KITH_TESTSQL_H

#include <stdio.h>
#include <stdlib.h>
#include <sqlite3.h>

#include "kith/db.h"
#include "kith/stage.h"

static inline void
sql_exec(struct kith_db *db, const char *sql)
{
	char	*msg = NULL;

	if (sqlite3_exec(kith_db_sqlite(db), sql, NULL, NULL, &msg) !=
	    SQLITE_OK) {
		fprintf(stderr, "%s: %s\n", sql, msg);
		sqlite3_free(msg);
		exit(1);
	}
}

static inline int64_t
stage_id(struct kith_db *db, const char *name)
{
	struct stage	s;
	int64_t		id = 0;

	if (stage_find(db, name, &s, NULL) == KITH_OK)
		id = s.id;
	stage_clear(&s);
	if (id == 0) {
		fprintf(stderr, "no stage %s\n", name);
		exit(1);
	}
	return id;
}

#endif
