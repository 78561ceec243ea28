/* SPDX-License-Identifier: MIT */
/*
 * The budget of a call on a compiled query (view_impl.h): rows stepped
 * and microseconds spent.
 */
#include <time.h>

#include "kith/view.h"
#include "internal.h"
#include "view_impl.h"

static int64_t		now_us(void);

void
view_query_set_budget(struct view_query *q, int64_t rows, int64_t usec)
{
	q->budget_rows = rows > 0 ? rows : 0;
	q->budget_us = usec > 0 ? usec : 0;
}

int
view_query_more(const struct view_query *q)
{
	return q->more;
}

static int64_t
now_us(void)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (int64_t)ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

void
vq_budget_start(const struct view_query *q, struct vq_budget *b)
{
	b->rows = q->budget_rows;
	b->until = q->budget_us > 0 ? now_us() + q->budget_us : 0;
	b->steps = 0;
}

/* In *part, what is left of b's rows and time, halved. */
void
vq_budget_half(const struct vq_budget *b, struct vq_budget *part)
{
	part->rows = b->rows > 0 ? (b->rows - b->steps + 1) / 2 : 0;
	part->until = b->until > 0 ? (now_us() + b->until) / 2 : 0;
	part->steps = 0;
}

/*
 * Counts a row stepped against the budget; 1 once it is spent.  The clock
 * is read after each heavy row (one whose text was read, some tens of
 * microseconds) and every 64 light ones (a bitmap miss, a fraction of one).
 */
int
vq_budget_spent(struct vq_budget *b, int heavy)
{
	b->steps++;
	if (b->rows > 0 && b->steps >= b->rows)
		return 1;
	return b->until != 0 && (heavy || b->steps % 64 == 0) &&
	    now_us() >= b->until;
}
