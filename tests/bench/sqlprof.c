/* SPDX-License-Identifier: MIT */
/*
 * kith-bench-sqlprof: an LD_PRELOAD library that times every SQL statement
 * a process runs, to see which of kith's statements an import spends its
 * time in (tests/bench/README.md, "Where the time in kith import goes").
 *
 *	LD_PRELOAD=build/tests/bench/libkith-bench-sqlprof.so \
 *	    KITH_SQLPROF=out.txt kith --db new.db import file.csv
 *
 * It wraps sqlite3_open_v2() and puts a SQLITE_TRACE_STMT and
 * SQLITE_TRACE_PROFILE callback on each connection; SQLite then reports
 * how long each run of each statement took, from its first step to its
 * reset.  At exit it writes one line per distinct SQL text, the most
 * expensive first: total seconds, share of the process's wall time, runs,
 * microseconds per run, and the text.  Statements that SQLite ran inside
 * another one (FTS5's own reads and writes of its shadow tables, trigger
 * bodies) are marked with '>': their time is also in the outer
 * statement's.  Output goes to $KITH_SQLPROF, else to stderr; a process
 * that opened no database (such as /usr/bin/time in front of kith) writes
 * nothing.
 *
 * The table is fixed in size (SLOTS distinct texts; more are counted as
 * "other"), so the library allocates only for the texts it keeps.  The
 * callbacks cost about a microsecond per statement run, which the process's
 * wall time includes.
 */
#define _GNU_SOURCE		/* RTLD_NEXT */
#include <dlfcn.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#define SLOTS		512	/* distinct statement texts kept */
#define SHOW		40	/* lines written at exit */
#define TEXT_MAX	160	/* characters of each text written */
#define RUNNING		64	/* statements running at once, at most */

struct slot {
	char		*sql;		/* NULL: free */
	uint64_t	 hash;
	uint64_t	 ns;		/* summed run times */
	uint64_t	 runs;
	int		 nested;	/* ran inside another statement */
};

struct run {				/* a statement running now */
	const void	*stmt;		/* NULL: free */
	struct timespec	 start;
	int		 nested;	/* began inside another */
};

typedef int	(*open_fn)(const char *, sqlite3 **, int, const char *);

static struct slot	 slots[SLOTS];
static struct slot	 other = { NULL, 0, 0, 0, 0 };
static struct timespec	 started;
static struct run	 runs[RUNNING];
static int		 opened;	/* a connection was traced */

static struct run	*running(const void *, int);
static void		 finished(struct run *);
static int		 on_trace(unsigned, void *, void *, void *);
static struct slot	*find(const char *);
static int		 by_time(const void *, const void *);
static void		 start(void) __attribute__((constructor));
static void		 report(void) __attribute__((destructor));

static void
start(void)
{
	clock_gettime(CLOCK_MONOTONIC, &started);
}

int
sqlite3_open_v2(const char *path, sqlite3 **db, int flags, const char *vfs)
{
	static open_fn	 real;
	int		 rc;

	if (real == NULL &&
	    (real = (open_fn)(uintptr_t)dlsym(RTLD_NEXT, "sqlite3_open_v2"))
	    == NULL) {
		fprintf(stderr, "kith-bench-sqlprof: no sqlite3_open_v2\n");
		abort();
	}
	rc = real(path, db, flags, vfs);
	if (rc == SQLITE_OK) {
		sqlite3_trace_v2(*db, SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE,
		    on_trace, NULL);
		opened = 1;
	}
	return rc;
}

/* FNV-1a, then open addressing. */
static struct slot *
find(const char *sql)
{
	uint64_t	 h = 0xcbf29ce484222325u;
	const char	*p;
	size_t		 i, n;

	for (p = sql; *p != '\0'; p++)
		h = (h ^ (unsigned char)*p) * 0x100000001b3u;
	for (n = 0, i = h % SLOTS; n < SLOTS; n++, i = (i + 1) % SLOTS) {
		if (slots[i].sql == NULL) {
			if ((slots[i].sql = strdup(sql)) == NULL)
				return &other;
			slots[i].hash = h;
			return &slots[i];
		}
		if (slots[i].hash == h && strcmp(slots[i].sql, sql) == 0)
			return &slots[i];
	}
	return &other;
}

/* Where the run of statement p is kept; a new entry if add, or NULL. */
static struct run *
running(const void *p, int add)
{
	size_t	i, n;

	for (n = 0, i = ((uintptr_t)p >> 4) % RUNNING; n < RUNNING;
	    n++, i = (i + 1) % RUNNING) {
		if (runs[i].stmt == p)
			return &runs[i];
		if (runs[i].stmt == NULL) {
			if (!add)
				return NULL;
			runs[i].stmt = p;
			return &runs[i];
		}
	}
	return NULL;
}

/* Removes r, then puts back the entries that probed past it. */
static void
finished(struct run *r)
{
	struct run	 moved, *to;
	size_t		 i;

	r->stmt = NULL;
	for (i = ((size_t)(r - runs) + 1) % RUNNING; runs[i].stmt != NULL;
	    i = (i + 1) % RUNNING) {
		moved = runs[i];
		runs[i].stmt = NULL;
		if ((to = running(moved.stmt, 1)) != NULL)
			*to = moved;
	}
}

/*
 * SQLITE_TRACE_STMT comes when a run starts, with the text; SQLite puts
 * "-- " before the text of a statement that runs inside another, and
 * reports each trigger program of a running statement as "-- TRIGGER
 * name".  SQLITE_TRACE_PROFILE comes when the run ends.
 */
static int
on_trace(unsigned type, void *ctx, void *p, void *x)
{
	struct timespec	 now;
	struct slot	*s;
	struct run	*r;
	const char	*sql, *text = x;
	uint64_t	 ns;
	int		 nested;

	clock_gettime(CLOCK_MONOTONIC, &now);
	if (type == SQLITE_TRACE_STMT) {
		if (strncmp(text, "-- TRIGGER", 10) == 0)
			return 0;
		if ((r = running(p, 1)) == NULL) {
			/* Runs that never ended fill the table: forget them. */
			memset(runs, 0, sizeof runs);
			r = running(p, 1);
		}
		r->start = now;
		r->nested = strncmp(text, "-- ", 3) == 0;
		return 0;
	}
	if ((sql = sqlite3_sql((sqlite3_stmt *)p)) == NULL)
		sql = "(no text)";
	/* SQLite's own figure has a resolution of a millisecond. */
	ns = (uint64_t)*(const int64_t *)x;
	nested = 0;
	if ((r = running(p, 0)) != NULL) {
		ns = (uint64_t)(now.tv_sec - r->start.tv_sec) * 1000000000u +
		    (uint64_t)(now.tv_nsec - r->start.tv_nsec);
		nested = r->nested;
		finished(r);
	}
	s = find(sql);
	s->ns += ns;
	s->runs++;
	if (nested)
		s->nested = 1;
	return 0;
}

static int
by_time(const void *a, const void *b)
{
	const struct slot	*x = a, *y = b;

	return x->ns < y->ns ? 1 : x->ns > y->ns ? -1 : 0;
}

static void
report(void)
{
	struct timespec	 now;
	const char	*path = getenv("KITH_SQLPROF");
	FILE		*fp = stderr;
	double		 wall, s;
	size_t		 i, n = 0;
	char		 text[TEXT_MAX + 1];

	/* Not a process of SQLite's (time(1) before kith, say): quiet. */
	if (!opened)
		return;
	clock_gettime(CLOCK_MONOTONIC, &now);
	wall = (double)(now.tv_sec - started.tv_sec) +
	    (double)(now.tv_nsec - started.tv_nsec) / 1e9;
	if (path != NULL && *path != '\0' && (fp = fopen(path, "w")) == NULL)
		fp = stderr;
	for (i = 0; i < SLOTS; i++)
		if (slots[i].sql != NULL)
			slots[n++] = slots[i];
	qsort(slots, n, sizeof slots[0], by_time);
	fprintf(fp, "# %.2f s wall; '>' ran inside another statement\n",
	    wall);
	fprintf(fp, "%9s %6s %9s %9s  %s\n", "seconds", "wall%", "runs",
	    "us/run", "statement");
	for (i = 0; i < n && i < SHOW; i++) {
		s = (double)slots[i].ns / 1e9;
		snprintf(text, sizeof text, "%s", slots[i].sql);
		for (char *c = text; *c != '\0'; c++)
			if (*c == '\n' || *c == '\t')
				*c = ' ';
		fprintf(fp, "%9.3f %5.1f%% %9llu %9.1f %c%s\n", s,
		    wall > 0 ? 100 * s / wall : 0,
		    (unsigned long long)slots[i].runs,
		    slots[i].runs ? 1e6 * s / (double)slots[i].runs : 0,
		    slots[i].nested ? '>' : ' ', text);
	}
	if (other.runs > 0)
		fprintf(fp, "%9.3f %5.1f%% %9llu %9s  (other statements)\n",
		    (double)other.ns / 1e9, 100 * (double)other.ns / 1e9 / wall,
		    (unsigned long long)other.runs, "-");
	if (fp != stderr)
		fclose(fp);
}
