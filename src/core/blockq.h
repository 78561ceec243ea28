/* SPDX-License-Identifier: MIT */
/*
 * A bounded queue of pointers from one thread to another (blockq.c), for
 * the blocks of rows a helper thread of an import passes on: the
 * producer waits while it is full, the consumer while it is empty, so
 * memory stays flat whatever the import's size.
 */
#ifndef KITH_BLOCKQ_H
#define KITH_BLOCKQ_H

#include <stddef.h>

struct blockq;

/* A queue of at most cap items. */
struct blockq	*blockq_new(size_t cap);
/* Queues item, waiting for room; 0 once the queue is stopped (not queued). */
int		 blockq_put(struct blockq *, void *item);
/* The next item, waiting for one; NULL once ended and empty. */
void		*blockq_take(struct blockq *);
/* The producer puts no more. */
void		 blockq_end(struct blockq *);
/* The consumer takes no more: puts fail from now on, a waiting one too. */
void		 blockq_stop(struct blockq *);
/* Frees the queue and, with free_item, the items left in it. */
void		 blockq_free(struct blockq *, void (*free_item)(void *));

#endif
