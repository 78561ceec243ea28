/* SPDX-License-Identifier: MIT */
/*
 * The search entries of a bulk import's contacts, written once its rows
 * are in (import.h), on two cores.  A second handle on the file, on a
 * thread of its own, computes each contact's entry (folding, name keys,
 * the forms of its phone numbers: SEARCH_ENTRY_SELECT) while this handle
 * writes the entries into contact_fts.  Computing them is about a third of
 * the work, FTS5 the rest, so the two overlap instead of taking turns.
 *
 * The entries pass from the reader to the writer in blocks of rows through
 * a queue of a few blocks: memory stays flat whatever the import's size.
 * Both go through the same ranges of ids; the writer commits at the end of
 * each, as search_index_range() does, so another writer waits at most a
 * range, and a kill leaves whole ranges (import_finish_index() completes
 * them).  The reader reads only contacts that are committed already and
 * only ranges the writer has not reached, so what it sees is what a
 * single statement would have read.
 *
 * Where there is no second handle (an in-memory database) or no thread,
 * each range is one INSERT ... SELECT on this handle: the same rows.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "kith/search.h"
#include "kith/util.h"
#include "internal.h"
#include "blockq.h"
#include "search_impl.h"

#define BLOCK_ROWS	256	/* rows passed at a time */
#define QUEUE_BLOCKS	8	/* blocks the reader may be ahead */

struct fill_row {
	int64_t		 id;
	size_t		 off[SEARCH_ENTRY_NCOLS];	/* in the block's text */
	int		 len[SEARCH_ENTRY_NCOLS];	/* -1: NULL */
};

struct fill_block {
	struct fill_row	 row[BLOCK_ROWS];
	size_t		 n;
	struct sbuf	 text;		/* each column NUL-terminated */
	int		 range_end;	/* the last block of a range */
};

struct fill {
	struct kith_db	*reader;	/* the reader thread's handle */
	pthread_t	 thread;
	int64_t		 batch, per;

	struct blockq	*q;		/* the blocks, to the writer */

	pthread_mutex_t	 lock;
	pthread_cond_t	 grown;		/* hi grew, open ended, or stop */
	int64_t		 next;		/* the first id the reader has not read */
	int64_t		 hi;		/* ids up to it may be read */
	int		 open;		/* hi may still grow (fill_advance) */
	int		 stop;		/* stop reading: the writer gave up */
	enum kith_status st;		/* the reader's, with err */
	struct kith_err	 err;
};

static void	*read_entries(void *);
static int	 next_range(struct fill *, int64_t *, int64_t *);
static int	 put_block(struct fill *, struct fill_block *);
static enum kith_status write_block(struct kith_db *, const char *,
		    struct fill_block *, long *, struct kith_err *);
static enum kith_status commit_begin(struct kith_db *, struct kith_err *);
static enum kith_status fill_alone(struct kith_db *, int64_t, int64_t,
		    int64_t, int64_t, long *, struct kith_err *);
static void	 block_free(void *);

enum kith_status
search_fill(struct kith_db *db, int64_t batch, int64_t lo, int64_t hi,
    int64_t per, long *done, struct kith_err *err)
{
	struct fill		*f;
	enum kith_status	 st, reader;

	if (lo > hi)
		return KITH_OK;
	if ((f = fill_start(db, batch, lo, hi, per)) == NULL)
		return fill_alone(db, batch, lo, hi, per > 0 ? per : 1, done,
		    err);
	fill_close(f);
	st = fill_write(f, db, SEARCH_ENTRY_INSERT("contact_fts"), commit_begin,
	    done, err);
	reader = fill_end(f, st == KITH_OK ? err : NULL);
	return st != KITH_OK ? st : reader;
}

struct fill *
fill_start(struct kith_db *db, int64_t batch, int64_t lo, int64_t hi,
    int64_t per)
{
	struct kith_err	 ignored = { 0 };
	struct fill	*f;

	f = xcalloc(1, sizeof *f);
	f->batch = batch;
	f->per = per > 0 ? per : 1;
	f->next = lo;
	f->hi = hi;
	f->open = 1;
	if (db_open_reader(db, &f->reader, &ignored) != KITH_OK) {
		free(f);
		return NULL;
	}
	f->q = blockq_new(QUEUE_BLOCKS);
	pthread_mutex_init(&f->lock, NULL);
	pthread_cond_init(&f->grown, NULL);
	if (pthread_create(&f->thread, NULL, read_entries, f) != 0) {
		kith_db_close(f->reader);
		blockq_free(f->q, NULL);
		pthread_cond_destroy(&f->grown);
		pthread_mutex_destroy(&f->lock);
		free(f);
		return NULL;
	}
	return f;
}

void
fill_advance(struct fill *f, int64_t hi)
{
	pthread_mutex_lock(&f->lock);
	if (f->open && hi > f->hi) {
		f->hi = hi;
		pthread_cond_signal(&f->grown);
	}
	pthread_mutex_unlock(&f->lock);
}

void
fill_close(struct fill *f)
{
	pthread_mutex_lock(&f->lock);
	f->open = 0;
	pthread_cond_signal(&f->grown);
	pthread_mutex_unlock(&f->lock);
}

int
fill_closed(struct fill *f)
{
	int	closed;

	pthread_mutex_lock(&f->lock);
	closed = !f->open && !f->stop;
	pthread_mutex_unlock(&f->lock);
	return closed;
}

void
fill_stop(struct fill *f)
{
	pthread_mutex_lock(&f->lock);
	f->stop = 1;
	pthread_cond_signal(&f->grown);
	pthread_mutex_unlock(&f->lock);
	blockq_stop(f->q);
}

enum kith_status
fill_write(struct fill *f, struct kith_db *db, const char *insert,
    enum kith_status (*range_end)(struct kith_db *, struct kith_err *),
    long *done, struct kith_err *err)
{
	struct fill_block	*b;
	enum kith_status	 st = KITH_OK;

	while ((b = blockq_take(f->q)) != NULL) {
		if (st == KITH_OK)
			st = write_block(db, insert, b, done, err);
		if (st == KITH_OK && b->range_end)
			st = range_end(db, err);
		block_free(b);
		if (st != KITH_OK)
			fill_stop(f);
	}
	return st;
}

enum kith_status
fill_end(struct fill *f, struct kith_err *err)
{
	enum kith_status	st;

	fill_stop(f);
	pthread_join(f->thread, NULL);
	blockq_free(f->q, block_free);
	kith_db_close(f->reader);
	if ((st = f->st) != KITH_OK && err != NULL)
		*err = f->err;
	pthread_cond_destroy(&f->grown);
	pthread_mutex_destroy(&f->lock);
	free(f);
	return st;
}

/* The reader thread: every range's entries, in blocks, in id order. */
static void *
read_entries(void *arg)
{
	struct fill		*f = arg;
	struct fill_block	*b = NULL;
	struct fill_row		*r;
	sqlite3_stmt		*stmt;
	const unsigned char	*v;
	int64_t			 from, to;
	int			 rc = SQLITE_DONE, i, ok;

	while (next_range(f, &from, &to)) {
		if ((stmt = db_stmt(f->reader, SEARCH_ENTRY_SELECT
		    SEARCH_ENTRY_RANGE, &f->err)) == NULL) {
			f->st = KITH_DB;
			break;
		}
		sqlite3_bind_int64(stmt, 1, f->batch);
		sqlite3_bind_int64(stmt, 2, from);
		sqlite3_bind_int64(stmt, 3, to);
		for (;;) {
			if (b == NULL)
				b = xcalloc(1, sizeof *b);
			if ((rc = sqlite3_step(stmt)) != SQLITE_ROW)
				break;
			r = &b->row[b->n++];
			r->id = sqlite3_column_int64(stmt, 0);
			for (i = 0; i < SEARCH_ENTRY_NCOLS; i++) {
				r->off[i] = b->text.len;
				v = sqlite3_column_text(stmt, i + 1);
				r->len[i] = v != NULL ?
				    sqlite3_column_bytes(stmt, i + 1) : -1;
				if (v != NULL)
					sbuf_addn(&b->text, (const char *)v,
					    (size_t)r->len[i]);
				sbuf_addc(&b->text, '\0');
			}
			if (b->n == BLOCK_ROWS) {
				ok = put_block(f, b);
				b = NULL;
				if (!ok)
					break;
			}
		}
		if (rc != SQLITE_DONE) {
			if (rc != SQLITE_ROW)	/* not stopped by the writer */
				f->st = db_fail(f->reader, &f->err,
				    "indexing imported contacts");
			sqlite3_reset(stmt);
			break;
		}
		sqlite3_reset(stmt);
		b->range_end = 1;
		ok = put_block(f, b);
		b = NULL;
		if (!ok)
			break;
	}
	block_free(b);
	blockq_end(f->q);
	return NULL;
}

/*
 * The next range to read, from to to, waiting until a whole one may be
 * read or no more ids will come; 0 when there is none or on stop.
 */
static int
next_range(struct fill *f, int64_t *from, int64_t *to)
{
	int	ok;

	pthread_mutex_lock(&f->lock);
	while (!f->stop && f->open && f->hi - f->next + 1 < f->per)
		pthread_cond_wait(&f->grown, &f->lock);
	if ((ok = !f->stop && f->next <= f->hi)) {
		*from = f->next;
		*to = f->hi - f->next + 1 > f->per ? f->next + f->per - 1 :
		    f->hi;
		f->next = *to + 1;
	}
	pthread_mutex_unlock(&f->lock);
	return ok;
}

/* Queues b for the writer; 0 if the writer stopped (b is freed). */
static int
put_block(struct fill *f, struct fill_block *b)
{
	if (blockq_put(f->q, b))
		return 1;
	block_free(b);
	return 0;
}

/* b's rows, by insert (fill_write). */
static enum kith_status
write_block(struct kith_db *db, const char *insert, struct fill_block *b,
    long *done, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	size_t		 j;
	int		 i;

	if ((stmt = db_stmt(db, insert, err)) == NULL)
		return KITH_DB;
	for (j = 0; j < b->n; j++) {
		sqlite3_bind_int64(stmt, 1, b->row[j].id);
		for (i = 0; i < SEARCH_ENTRY_NCOLS; i++)
			if (b->row[j].len[i] < 0)
				sqlite3_bind_null(stmt, i + 2);
			else
				sqlite3_bind_text(stmt, i + 2, b->text.s +
				    b->row[j].off[i], b->row[j].len[i],
				    SQLITE_STATIC);
		if (sqlite3_step(stmt) != SQLITE_DONE)
			return db_fail(db, err, "indexing imported contacts");
		sqlite3_reset(stmt);
		if (done != NULL)
			(*done)++;
	}
	return KITH_OK;
}

/* The end of a range of search_fill(): committed, and a new transaction. */
static enum kith_status
commit_begin(struct kith_db *db, struct kith_err *err)
{
	enum kith_status	st;

	if ((st = kith_db_commit(db, err)) != KITH_OK)
		return st;
	return kith_db_begin(db, err);
}

/* Each range in one statement on db, committed as it goes. */
static enum kith_status
fill_alone(struct kith_db *db, int64_t batch, int64_t lo, int64_t hi,
    int64_t per, long *done, struct kith_err *err)
{
	enum kith_status	st;
	int64_t			from;

	for (from = lo; from <= hi; from += per) {
		if ((st = search_index_range(db, batch, from,
		    hi - from >= per ? from + per - 1 : hi, done, err)) !=
		    KITH_OK ||
		    (st = kith_db_commit(db, err)) != KITH_OK ||
		    (st = kith_db_begin(db, err)) != KITH_OK)
			return st;
	}
	return KITH_OK;
}

static void
block_free(void *arg)
{
	struct fill_block	*b = arg;

	if (b == NULL)
		return;
	sbuf_free(&b->text);
	free(b);
}
