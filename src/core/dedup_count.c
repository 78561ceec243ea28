/* SPDX-License-Identifier: MIT */
/*
 * The first pass of a bulk import (batch.c) counts each row's keys into
 * the filters of dedup_hot on a thread of its own, while the import's
 * thread reads and maps the next rows: folding the names and normalising
 * the phones is most of that pass, and the second core had nothing to do.
 * The thread folds with the text context of a second handle on the file
 * (db_open_reader: a context is one thread's), and only it touches the
 * filters until dedup_counter_end(); the rows reach it in order, in
 * blocks through a short queue, so the counts are those of
 * dedup_hot_count() on each row in turn.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/dedup.h"
#include "kith/util.h"
#include "blockq.h"
#include "internal.h"

#define COUNT_BLOCK	128	/* rows passed at a time */
#define COUNT_QUEUE	8	/* blocks the reading may be ahead */

struct count_block {
	struct contact	*c[COUNT_BLOCK];
	size_t		 n;
};

struct dedup_counter {
	struct kith_db		*reader;	/* the thread's text, region */
	struct dedup_hot	*hot;
	pthread_t		 thread;
	struct count_block	*filling;	/* the caller's */
	struct blockq		*q;		/* the blocks, to the thread */
};

static void	*count_rows(void *);

struct dedup_counter *
dedup_counter_start(struct kith_db *db, struct dedup_hot *hot)
{
	struct kith_err		 ignored = { 0 };
	struct dedup_counter	*k;

	k = xcalloc(1, sizeof *k);
	k->hot = hot;
	if (db_open_reader(db, &k->reader, &ignored) != KITH_OK) {
		free(k);
		return NULL;
	}
	/* The phones are read in the book's region, as by db's. */
	if (strcmp(db_region(k->reader), db_region(db)) != 0) {
		kith_db_close(k->reader);
		free(k);
		return NULL;
	}
	k->q = blockq_new(COUNT_QUEUE);
	if (pthread_create(&k->thread, NULL, count_rows, k) != 0) {
		blockq_free(k->q, NULL);
		kith_db_close(k->reader);
		free(k);
		return NULL;
	}
	return k;
}

void
dedup_counter_put(struct dedup_counter *k, struct contact *c)
{
	if (k->filling == NULL)
		k->filling = xcalloc(1, sizeof *k->filling);
	k->filling->c[k->filling->n++] = c;
	if (k->filling->n == COUNT_BLOCK) {
		(void)blockq_put(k->q, k->filling);	/* never stopped */
		k->filling = NULL;
	}
}

void
dedup_counter_end(struct dedup_counter *k)
{
	if (k == NULL)
		return;
	if (k->filling != NULL)
		(void)blockq_put(k->q, k->filling);
	blockq_end(k->q);
	pthread_join(k->thread, NULL);
	blockq_free(k->q, NULL);	/* the thread took every block */
	kith_db_close(k->reader);
	free(k);
}

/* The thread: each block's rows counted and freed, until the end. */
static void *
count_rows(void *arg)
{
	struct dedup_counter	*k = arg;
	struct count_block	*b;
	size_t			 i;

	while ((b = blockq_take(k->q)) != NULL) {
		for (i = 0; i < b->n; i++) {
			dedup_hot_count(k->hot, k->reader, b->c[i]);
			contact_free(b->c[i]);
		}
		free(b);
	}
	return NULL;
}
