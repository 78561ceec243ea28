/* SPDX-License-Identifier: MIT */
/*
 * Writers take turns (writelock.c): a writer that comes while another
 * commits transaction after transaction (an import's chunks) gets the
 * next turn, rather than polling for SQLite's lock and missing the short
 * gaps until the other has finished; and the lock file beside the
 * database is its owner's alone.
 */
#include <sqlite3.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>

#include "check.h"
#include "testdb.h"
#include "kith/contact.h"

#define A_TURNS		60	/* transactions of the busy writer */
#define A_HOLD_MS	30	/* each held this long */

static int
add(struct kith_db *db, const char *name, struct kith_err *err)
{
	struct contact	*c;
	enum kith_status st;

	c = contact_new();
	contact_set(&c->display, name);
	st = contact_insert(db, c, err);
	contact_free(c);
	return st == KITH_OK;
}

/*
 * A forked writer (A) commits A_TURNS transactions back to back, each
 * held A_HOLD_MS; once three are in, this process (B) begins one.  B's
 * contact must come before A's last ones: it had the turn after the
 * transaction A was in, not after all of them.
 */
static void
test_waiting_writer_goes_next(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct timespec	 hold = { 0, A_HOLD_MS * 1000000L };
	sqlite3_stmt	*stmt;
	pid_t		 pid;
	int		 fds[2], i, status, ok;
	int64_t		 after = -1;
	char		*path, name[32], c;

	db = test_db("turns.db", &path);
	kith_db_close(db);
	CHECK(pipe(fds) == 0);
	if ((pid = fork()) == 0) {
		close(fds[0]);
		if (kith_db_open(path, &db, &err) != KITH_OK)
			_exit(2);
		for (i = 0; i < A_TURNS; i++) {
			snprintf(name, sizeof name, "Busy Writer%d", i);
			if (kith_db_begin(db, &err) != KITH_OK ||
			    !add(db, name, &err)) {
				fprintf(stderr, "writer A: %s\n", err.msg);
				_exit(1);
			}
			nanosleep(&hold, NULL);
			if (kith_db_commit(db, &err) != KITH_OK)
				_exit(1);
			if (i == 2 && write(fds[1], "x", 1) != 1)
				_exit(1);
		}
		kith_db_close(db);
		_exit(0);
	}
	close(fds[1]);
	CHECK(read(fds[0], &c, 1) == 1);
	close(fds[0]);
	CHECK(kith_db_open(path, &db, &err) == KITH_OK);
	ok = kith_db_begin(db, &err) == KITH_OK;
	CHECK(ok);
	if (ok) {
		CHECK(add(db, "Waiting Writer", &err));
		CHECK(kith_db_commit(db, &err) == KITH_OK);
	}
	waitpid(pid, &status, 0);
	CHECK(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	sqlite3_prepare_v2(kith_db_sqlite(db), "SELECT count(*) FROM contact "
	    "WHERE id > (SELECT id FROM contact WHERE display = "
	    "'Waiting Writer')", -1, &stmt, NULL);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		after = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	/* A had at least A_TURNS - 4 transactions left when B came. */
	if (after < A_TURNS / 2)
		fprintf(stderr, "the waiting writer came after all but %lld "
		    "of the busy writer's %d transactions\n", (long long)after,
		    A_TURNS);
	CHECK(after >= A_TURNS / 2);
	test_db_done(db, path);
}

/* The lock file is made on the first write, mode 0600 whatever the umask. */
static void
test_lock_file_private(void)
{
	struct kith_err	 err = { 0 };
	struct kith_db	*db;
	struct stat	 st;
	mode_t		 old;
	char		*path, *lock;

	old = umask(0);
	db = test_db("turnfile.db", &path);
	CHECK(add(db, "Ana", &err));
	umask(old);
	lock = xasprintf("%s-lock", path);
	CHECK(stat(lock, &st) == 0);
	CHECK_INT(st.st_mode & 0777, 0600);
	free(lock);
	test_db_done(db, path);
}

TEST_MAIN(test_waiting_writer_goes_next, test_lock_file_private)
