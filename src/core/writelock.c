/* SPDX-License-Identifier: MIT */
/*
 * The writers' turn: a lock file next to the database (its path with
 * "-lock" after it, mode 0600) that kith_db_begin() takes around each
 * outermost write transaction, so that writers take turns in the order
 * they came.  SQLite's busy handler polls: a writer waiting for SQLite's
 * lock misses the short gaps between an import's chunks and could wait
 * past its timeout while the import commits chunk after chunk.
 *
 * A writer waits in two steps: for the turnstile (byte 0 of the file),
 * then, holding it, for the write turn (byte 1), and lets the turnstile
 * go once it has the write turn.  A writer that gives the write turn up
 * and comes straight back (an import between chunks) finds the turnstile
 * held by the writer that was waiting, which goes first.
 *
 * The locks are open file description locks, owned by the handle as a
 * flock() is, released by the kernel when the process ends however it
 * ends; each is tried, a few milliseconds apart, rather than waited for
 * in the kernel, so a handle never waits forever for a turn another
 * handle of its own process holds.  They only order writers: SQLite's
 * locking still guards the data, so when the file cannot be had (a
 * folder kith may not write) no turn is taken, as before.  Readers never
 * take them.  Nothing is ever written into the file.
 */
#define _GNU_SOURCE		/* F_OFD_SETLK */
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kith/util.h"
#include "internal.h"

#ifdef F_OFD_SETLK
#define SETLK		F_OFD_SETLK
#else
#define SETLK		F_SETLK	/* per process: orders processes only */
#endif

#define TURNSTILE	0	/* the byte a writer waits at */
#define WRITE_TURN	1	/* the byte held while writing */
#define LINE_FACTOR	6	/* the wait in line, in timeouts: each writer
				   ahead holds its turn for one at most */
#define NAP_MAX_MS	8	/* the longest pause between tries */

static int	try_lock(int, off_t, short);
static int	wait_lock(int, off_t, int64_t);
static int64_t	now_ms(void);

int
writelock_open(const char *db_path)
{
	char	*path;
	int	 fd;

	if (strcmp(db_path, ":memory:") == 0)
		return -1;
	path = xasprintf("%s-lock", db_path);
	fd = open(path, O_RDWR | O_CREAT | O_NOFOLLOW | O_CLOEXEC, 0600);
	free(path);
	return fd;
}

enum kith_status
writelock_take(int fd, const char *db_path, int timeout_ms,
    struct kith_err *err)
{
	int64_t	start = now_ms();
	int	rc;

	if (fd < 0)
		return KITH_OK;
	if ((rc = wait_lock(fd, TURNSTILE, start + (int64_t)timeout_ms *
	    LINE_FACTOR)) == 0) {
		rc = wait_lock(fd, WRITE_TURN, now_ms() + timeout_ms);
		(void)try_lock(fd, TURNSTILE, F_UNLCK);
	}
	if (rc == 0)
		return KITH_OK;
	if (rc == EAGAIN || rc == EACCES)
		return kith_err_set(err, KITH_BUSY, "%s: the database is in "
		    "use by other kith processes writing, and this one waited "
		    "its turn for %lld s; nothing was changed", db_path,
		    (long long)((now_ms() - start) / 1000));
	return KITH_OK;		/* no lock to be had: SQLite's alone */
}

void
writelock_drop(int fd)
{
	if (fd >= 0)
		(void)try_lock(fd, WRITE_TURN, F_UNLCK);
}

/* 0 once the byte at is locked (or unlocked, for F_UNLCK), else errno. */
static int
try_lock(int fd, off_t at, short type)
{
	struct flock	fl;

	memset(&fl, 0, sizeof fl);
	fl.l_type = type;
	fl.l_whence = SEEK_SET;
	fl.l_start = at;
	fl.l_len = 1;
	return fcntl(fd, SETLK, &fl) == -1 ? errno : 0;
}

/*
 * Tries the lock on byte at until it is had or the clock passes deadline
 * (ms), pausing 1 ms, then longer, up to NAP_MAX_MS.  0 or an errno.
 */
static int
wait_lock(int fd, off_t at, int64_t deadline)
{
	struct timespec	nap;
	int		rc, ms = 1;

	while ((rc = try_lock(fd, at, F_WRLCK)) == EAGAIN || rc == EACCES ||
	    rc == EINTR) {
		if (now_ms() >= deadline)
			return rc == EINTR ? EAGAIN : rc;
		nap.tv_sec = 0;
		nap.tv_nsec = (long)ms * 1000000L;
		(void)nanosleep(&nap, NULL);
		if (ms < NAP_MAX_MS)
			ms *= 2;
	}
	return rc;
}

static int64_t
now_ms(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}
