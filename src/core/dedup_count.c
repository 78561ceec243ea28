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

	pthread_mutex_t		 lock;
	pthread_cond_t		 more;		/* a block, or the end */
	pthread_cond_t		 room;		/* a block was taken */
	struct count_block	*queue[COUNT_QUEUE];
	size_t			 head, count;
	int			 done;		/* no more blocks */
};

static void	*count_rows(void *);
static void	 queue_block(struct dedup_counter *, struct count_block *);

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
	pthread_mutex_init(&k->lock, NULL);
	pthread_cond_init(&k->more, NULL);
	pthread_cond_init(&k->room, NULL);
	if (pthread_create(&k->thread, NULL, count_rows, k) != 0) {
		pthread_cond_destroy(&k->room);
		pthread_cond_destroy(&k->more);
		pthread_mutex_destroy(&k->lock);
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
		queue_block(k, k->filling);
		k->filling = NULL;
	}
}

void
dedup_counter_end(struct dedup_counter *k)
{
	if (k == NULL)
		return;
	if (k->filling != NULL)
		queue_block(k, k->filling);
	pthread_mutex_lock(&k->lock);
	k->done = 1;
	pthread_cond_signal(&k->more);
	pthread_mutex_unlock(&k->lock);
	pthread_join(k->thread, NULL);
	kith_db_close(k->reader);
	pthread_cond_destroy(&k->room);
	pthread_cond_destroy(&k->more);
	pthread_mutex_destroy(&k->lock);
	free(k);
}

/* Queues b for the thread, waiting for room. */
static void
queue_block(struct dedup_counter *k, struct count_block *b)
{
	pthread_mutex_lock(&k->lock);
	while (k->count == COUNT_QUEUE)
		pthread_cond_wait(&k->room, &k->lock);
	k->queue[(k->head + k->count++) % COUNT_QUEUE] = b;
	pthread_cond_signal(&k->more);
	pthread_mutex_unlock(&k->lock);
}

/* The thread: each block's rows counted and freed, until the end. */
static void *
count_rows(void *arg)
{
	struct dedup_counter	*k = arg;
	struct count_block	*b;
	size_t			 i;

	for (;;) {
		pthread_mutex_lock(&k->lock);
		while (k->count == 0 && !k->done)
			pthread_cond_wait(&k->more, &k->lock);
		if (k->count == 0) {
			pthread_mutex_unlock(&k->lock);
			break;
		}
		b = k->queue[k->head];
		k->head = (k->head + 1) % COUNT_QUEUE;
		k->count--;
		pthread_cond_signal(&k->room);
		pthread_mutex_unlock(&k->lock);
		for (i = 0; i < b->n; i++) {
			dedup_hot_count(k->hot, k->reader, b->c[i]);
			contact_free(b->c[i]);
		}
		free(b);
	}
	return NULL;
}
