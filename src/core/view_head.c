/* SPDX-License-Identifier: MIT */
/*
 * Positions in name order and the head: the matches from the start of
 * the list up to a position (view_impl.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"
#include "view_impl.h"

void
vq_item_free(struct vq_item *it)
{
	free(it->key);
	free(it->text);
	memset(it, 0, sizeof *it);
}

/* Sets *it (its text freed) to the position (key, key_len, id). */
void
vq_item_set(struct vq_item *it, const void *key, size_t key_len, int64_t id)
{
	vq_item_free(it);
	it->key = xmalloc(key_len + 1);
	if (key_len > 0)
		memcpy(it->key, key, key_len);
	it->key_len = key_len;
	it->id = id;
}

/* SQLite's BLOB order, then id. */
int
vq_pos_cmp(const struct vq_item *a, const unsigned char *key, size_t key_len,
    int64_t id)
{
	size_t	n = a->key_len < key_len ? a->key_len : key_len;
	int	c = n > 0 ? memcmp(a->key, key, n) : 0;

	if (c != 0)
		return c;
	if (a->key_len != key_len)
		return a->key_len < key_len ? -1 : 1;
	return a->id < id ? -1 : a->id > id;
}

int
vq_item_cmp(const void *a, const void *b)
{
	const struct vq_item	*y = b;

	return vq_pos_cmp(a, y->key, y->key_len, y->id);
}

/* Appends row v, with its search text (taken), to the head and moves the
 * head's end to it. */
void
vq_head_add(struct view_query *q, const struct view_row *v, char *text)
{
	struct vq_item	*it;

	if (q->n_head % 64 == 0)
		q->head = xreallocarray(q->head, q->n_head + 64,
		    sizeof *q->head);
	it = &q->head[q->n_head++];
	it->key = xmalloc(v->key_len + 1);
	memcpy(it->key, v->key, v->key_len);
	it->key_len = v->key_len;
	it->id = v->id;
	it->text = text;
	free(q->head_end.key);
	q->head_end.key = xmalloc(v->key_len + 1);
	memcpy(q->head_end.key, v->key, v->key_len);
	q->head_end.key_len = v->key_len;
	q->head_end.id = v->id;
}

/*
 * Whether the head holds every match up to the position and beyond it as
 * far as the head's end: always when it is whole; else only for a key at
 * or before its end (a NULL key, an end of the list, is the caller's to
 * judge).
 */
int
vq_head_covers(const struct view_query *q, const unsigned char *key,
    size_t key_len, int64_t id)
{
	if (q->whole)
		return 1;
	if (q->head_end.key == NULL)
		return 0;
	return key != NULL && vq_pos_cmp(&q->head_end, key, key_len, id) >= 0;
}

/* Whether it is the position (key NULL: an end, as it->key NULL). */
int
vq_same_pos(const struct vq_item *it, const unsigned char *key, size_t key_len,
    int64_t id)
{
	if (it->key == NULL || key == NULL)
		return it->key == NULL && key == NULL;
	return vq_pos_cmp(it, key, key_len, id) == 0;
}
