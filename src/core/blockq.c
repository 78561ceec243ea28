/* SPDX-License-Identifier: MIT */
/*
 * A bounded queue of pointers between two threads (blockq.h): a ring of
 * cap slots under one mutex, with a condition for each side.
 */
#include <pthread.h>
#include <stdlib.h>

#include "kith/util.h"
#include "blockq.h"

struct blockq {
	pthread_mutex_t	 lock;
	pthread_cond_t	 more;		/* an item was queued, or the end */
	pthread_cond_t	 room;		/* an item was taken, or stop */
	void		**slot;
	size_t		 cap, head, count;
	int		 ended;		/* no more puts */
	int		 stopped;	/* no more takes */
};

struct blockq *
blockq_new(size_t cap)
{
	struct blockq	*q;

	q = xcalloc(1, sizeof *q);
	q->slot = xcalloc(cap, sizeof *q->slot);
	q->cap = cap;
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->more, NULL);
	pthread_cond_init(&q->room, NULL);
	return q;
}

int
blockq_put(struct blockq *q, void *item)
{
	int	ok;

	pthread_mutex_lock(&q->lock);
	while (q->count == q->cap && !q->stopped)
		pthread_cond_wait(&q->room, &q->lock);
	if ((ok = !q->stopped)) {
		q->slot[(q->head + q->count++) % q->cap] = item;
		pthread_cond_signal(&q->more);
	}
	pthread_mutex_unlock(&q->lock);
	return ok;
}

void *
blockq_take(struct blockq *q)
{
	void	*item = NULL;

	pthread_mutex_lock(&q->lock);
	while (q->count == 0 && !q->ended)
		pthread_cond_wait(&q->more, &q->lock);
	if (q->count > 0) {
		item = q->slot[q->head];
		q->head = (q->head + 1) % q->cap;
		q->count--;
		pthread_cond_signal(&q->room);
	}
	pthread_mutex_unlock(&q->lock);
	return item;
}

void
blockq_end(struct blockq *q)
{
	pthread_mutex_lock(&q->lock);
	q->ended = 1;
	pthread_cond_signal(&q->more);
	pthread_mutex_unlock(&q->lock);
}

void
blockq_stop(struct blockq *q)
{
	pthread_mutex_lock(&q->lock);
	q->stopped = 1;
	pthread_cond_signal(&q->room);
	pthread_mutex_unlock(&q->lock);
}

void
blockq_free(struct blockq *q, void (*free_item)(void *))
{
	if (q == NULL)
		return;
	for (; q->count > 0; q->count--) {
		if (free_item != NULL)
			free_item(q->slot[q->head]);
		q->head = (q->head + 1) % q->cap;
	}
	pthread_cond_destroy(&q->room);
	pthread_cond_destroy(&q->more);
	pthread_mutex_destroy(&q->lock);
	free(q->slot);
	free(q);
}
