/* SPDX-License-Identifier: MIT */
/*
 * The daily review queue (review.h): what is owed is listed from indexes
 * (review_item.c), the candidates that may enter the day's queue are
 * filled and ranked by the one formula (review_score.c), and the day's
 * decisions are kept here.  How the pruning works: review_impl.h.
 */
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/cadence.h"
#include "kith/followup.h"
#include "kith/review.h"
#include "kith/util.h"
#include "internal.h"
#include "review_impl.h"

/* The queue as it is refined: the best filled, the scores to beat. */
struct queue {
	size_t			*heap;	/* candidates, highest bound on top */
	size_t			 hn;
	size_t			 want;	/* items the day's cap leaves room
					   for; SIZE_MAX: no cap */
	int			*top;	/* the nt best scores, highest first */
	size_t			 nt, room_top;
	struct review_item	*best;	/* filled, not yet ranked */
	size_t			 n, room;
};

static enum kith_status read_done(struct review_list *);
static enum kith_status list_kind(struct review_list *, int,
		    const struct review_opts *, int);
static enum kith_status refine_queue(struct kith_db *,
		    struct review_list *, struct queue *, struct kith_err *);
static void	 sift_down(size_t *, size_t, size_t,
		    const struct review_cand *);
static enum kith_status fill(struct kith_db *, struct review_cand *,
		    struct review_item *, struct kith_err *);
static int	 cmp_score(const void *, const void *);
static int	 cmp_str(const void *, const void *);
static void	 keep_best(struct review_item *, size_t *, size_t);
static enum kith_status decide(struct kith_db *, const struct review_item *,
		    enum review_decision, const char *, const char *, int *,
		    struct kith_err *);

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Restores the heap of candidates (highest bound on top) below heap[i]. */
static void
sift_down(size_t *heap, size_t n, size_t i, const struct review_cand *c)
{
	size_t	k, top, t;

	for (;;) {
		top = i;
		for (k = 2 * i + 1; k <= 2 * i + 2 && k < n; k++)
			if (c[heap[k]].bound > c[heap[top]].bound)
				top = k;
		if (top == i)
			return;
		t = heap[i];
		heap[i] = heap[top];
		heap[top] = t;
		i = top;
	}
}

/* Refines c until it is filled into it. */
static enum kith_status
fill(struct kith_db *db, struct review_cand *c, struct review_item *it,
    struct kith_err *err)
{
	enum kith_status st;
	int		 filled = 0;

	while (!filled)
		if ((st = review_refine(db, c, it, &filled, err)) != KITH_OK)
			return st;
	return KITH_OK;
}

static int
cmp_score(const void *a, const void *b)
{
	const struct review_score *x = a, *y = b;

	return x->followup < y->followup ? -1 : x->followup > y->followup;
}

/* The keys of today's decisions into l->done, sorted. */
static enum kith_status
read_done(struct review_list *l)
{
	sqlite3_stmt	*stmt;
	size_t		 cap = 0;
	int		 rc;

	if ((stmt = db_stmt(l->db, "SELECT item FROM review_decision WHERE "
	    "day = ?1", l->err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, l->today, -1, SQLITE_TRANSIENT);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (l->n_done == cap) {
			cap = cap ? cap * 2 : 16;
			l->done = xreallocarray(l->done, cap, sizeof *l->done);
		}
		l->done[l->n_done++] = db_col_text(stmt, 0);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(l->db, l->err, "reading today's review");
	if (l->n_done > 1)
		qsort(l->done, l->n_done, sizeof *l->done, cmp_str);
	return KITH_OK;
}

/* Sorts the n items in rank order and keeps the best want of them. */
static void
keep_best(struct review_item *items, size_t *n, size_t want)
{
	size_t	i;

	if (*n > 1)
		qsort(items, *n, sizeof *items, review_item_cmp);
	for (i = want; i < *n; i++)
		review_item_clear(&items[i]);
	if (*n > want)
		*n = want;
}

enum kith_status
review_followup_scores(struct kith_db *db, struct review_score **out,
    size_t *n, struct kith_err *err)
{
	struct review_list	 l;
	struct review_item	 it;
	enum kith_status	 st;
	size_t			 i;

	*out = NULL;
	*n = 0;
	memset(&l, 0, sizeof l);
	l.db = db;
	l.err = err;
	db_today(db, l.today);
	/* Ahead, lateness stops counting after 7 days: 100 years is all. */
	if ((st = review_list_followups(&l, 36500)) != KITH_OK)
		goto out;
	if (l.n > 0)
		*out = xreallocarray(NULL, l.n, sizeof **out);
	for (i = 0; i < l.n; i++) {
		memset(&it, 0, sizeof it);
		if ((st = fill(db, &l.c[i], &it, err)) != KITH_OK) {
			review_item_clear(&it);
			free(*out);
			*out = NULL;
			goto out;
		}
		(*out)[i].followup = it.ref;
		(*out)[i].score = it.score;
		(*out)[i].priority = review_priority(it.score);
		review_item_clear(&it);
	}
	*n = l.n;
	if (*n > 1)
		qsort(*out, *n, sizeof **out, cmp_score);
out:
	review_list_free(&l);
	return st;
}

/*
 * Lists kind k of what is owed into l: only what can still reach floor
 * is listed, the rest counted (review_impl.h).
 */
static enum kith_status
list_kind(struct review_list *l, int k, const struct review_opts *o,
    int floor)
{
	switch (k) {
	case 0:
		return review_list_followups(l, o->days);
	case 1:
		return review_list_cadences(l, o->days, floor);
	case 2:
		return review_list_deals(l, floor);
	default:
		return review_list_keydates(l, o->days, o->feb29, floor);
	}
}

/*
 * Refines the candidate with the highest bound until q->want are filled
 * and the highest bound left is below the want-th score (q->top[],
 * highest first): nothing left can enter then.  Those left stay in the
 * heap for the next kind's.
 */
static enum kith_status
refine_queue(struct kith_db *db, struct review_list *l, struct queue *q,
    struct kith_err *err)
{
	struct review_cand	*c;
	struct review_item	 it;
	enum kith_status	 st;
	size_t			 i;
	int			 filled;

	while (q->hn > 0 && q->want > 0) {
		c = &l->c[q->heap[0]];
		if (q->nt == q->want && c->bound < q->top[q->want - 1])
			break;
		memset(&it, 0, sizeof it);
		if ((st = review_refine(db, c, &it, &filled, err)) !=
		    KITH_OK) {
			review_item_clear(&it);
			return st;
		}
		if (!filled) {
			sift_down(q->heap, q->hn, 0, l->c);
			continue;
		}
		q->heap[0] = q->heap[--q->hn];
		sift_down(q->heap, q->hn, 0, l->c);
		if (q->nt == q->want && it.score < q->top[q->want - 1]) {
			review_item_clear(&it);
			continue;
		}
		if (q->nt < q->want && q->nt == q->room_top) {
			q->room_top = q->room_top ? q->room_top * 2 : 32;
			q->top = xreallocarray(q->top, q->room_top,
			    sizeof *q->top);
		}
		for (i = q->nt < q->want ? q->nt++ : q->want - 1; i > 0 &&
		    q->top[i - 1] < it.score; i--)
			q->top[i] = q->top[i - 1];
		q->top[i] = it.score;
		if (q->n == q->room) {
			q->room = q->room ? q->room * 2 : 32;
			q->best = xreallocarray(q->best, q->room,
			    sizeof *q->best);
		}
		q->best[q->n++] = it;
	}
	return KITH_OK;
}

enum kith_status
review_build(struct kith_db *db, const struct review_opts *o,
    struct review **out, struct kith_err *err)
{
	struct review_list	 l;
	struct review		*r = NULL;
	struct queue		 q;
	enum kith_status	 st;
	size_t			 i, from;
	int			 k, floor;
	struct db_read		 snap;

	*out = NULL;
	memset(&l, 0, sizeof l);
	memset(&q, 0, sizeof q);
	l.db = db;
	l.err = err;
	db_today(db, l.today);
	/* Many small reads over one snapshot: locks taken once. */
	if ((st = db_read_begin(db, &snap, 0, err)) != KITH_OK)
		return st;
	if ((st = read_done(&l)) != KITH_OK)
		goto out;
	q.want = SIZE_MAX;
	if (o->cap > 0)
		q.want = l.n_done >= o->cap ? 0 : o->cap - l.n_done;
	for (k = 0; k < 4; k++) {
		floor = q.want == 0 ? INT_MAX : q.nt == q.want ?
		    q.top[q.want - 1] : INT_MIN;
		from = l.n;
		if ((st = list_kind(&l, k, o, floor)) != KITH_OK)
			goto out;
		q.heap = xreallocarray(q.heap, l.n ? l.n : 1,
		    sizeof *q.heap);
		for (i = from; i < l.n; i++)
			q.heap[q.hn++] = i;
		for (i = q.hn / 2; i-- > 0; )
			sift_down(q.heap, q.hn, i, l.c);
		if ((st = refine_queue(db, &l, &q, err)) != KITH_OK)
			goto out;
	}
	keep_best(q.best, &q.n, q.want);

	r = xcalloc(1, sizeof *r);
	r->decided = l.n_done;
	r->total = l.owed;
	r->n = q.n;
	r->carried = l.owed - q.n;
	r->items = q.best;
	q.best = NULL;
	for (i = 0; i < r->n; i++) {
		r->items[i].rank = i + 1;
		if (r->items[i].contact != 0 && (st = review_org_hint(db,
		    r->items[i].contact, &r->items[i].hint, err)) != KITH_OK)
			goto out;
	}
	*out = r;
	r = NULL;
	st = KITH_OK;
out:
	db_read_end(db, &snap);
	for (i = 0; i < q.n && q.best != NULL; i++)
		review_item_clear(&q.best[i]);
	free(q.best);
	free(q.heap);
	free(q.top);
	review_free(r);
	review_list_free(&l);
	for (i = 0; i < l.n_done; i++)
		free(l.done[i]);
	free(l.done);
	return st;
}

void
review_free(struct review *r)
{
	size_t	i;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++)
		review_item_clear(&r->items[i]);
	free(r->items);
	free(r);
}

enum kith_status
review_org_hint(struct kith_db *db, int64_t contact, char **out,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	char		 today[KITH_DATE_LEN], since[KITH_DATE_LEN];
	char		 day[KITH_DATE_LEN], ago[32];
	const char	*kind, *verb;
	long		 d;
	int		 rc;

	*out = NULL;
	db_today(db, today);
	if (!date_add_days(today, -REVIEW_HINT_DAYS, since))
		return KITH_OK;
	/* Only colleagues touched lately: contact_by_org_touch. */
	if ((stmt = db_stmt(db, "SELECT c.display, o.name, i.kind, "
	    "i.summary, ic.at FROM contact me JOIN org o ON o.id = me.org_id "
	    "JOIN contact c ON c.org_id = me.org_id AND c.touch_last >= ?2 "
	    "AND c.id <> me.id JOIN interaction_contact ic ON ic.contact_id = "
	    "c.id AND ic.at >= ?2 JOIN interaction i ON i.id = "
	    "ic.interaction_id "
	    "WHERE me.id = ?1 AND i.kind <> 'note' "
	    "ORDER BY ic.at DESC, ic.interaction_id DESC LIMIT 1", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, contact);
	sqlite3_bind_text(stmt, 2, since, -1, SQLITE_TRANSIENT);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		kind = (const char *)sqlite3_column_text(stmt, 2);
		verb = strcmp(kind, "call") == 0 ? "was called" :
		    strcmp(kind, "meeting") == 0 ? "was met" :
		    strcmp(kind, "email") == 0 ? "was e-mailed" :
		    "was seen at an event";
		snprintf(day, sizeof day, "%.10s",
		    (const char *)sqlite3_column_text(stmt, 4));
		d = date_diff_days(day, today);
		if (d <= 0)
			snprintf(ago, sizeof ago, "today");
		else if (d == 1)
			snprintf(ago, sizeof ago, "yesterday");
		else
			snprintf(ago, sizeof ago, "%ld days ago", d);
		*out = xasprintf("%s at %s %s %s: %s",
		    sqlite3_column_text(stmt, 0), sqlite3_column_text(stmt, 1),
		    verb, ago, sqlite3_column_text(stmt, 3));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading an organisation's touches");
	return KITH_OK;
}

static enum kith_status
decide(struct kith_db *db, const struct review_item *it,
    enum review_decision d, const char *day, const char *note, int *snoozes,
    struct kith_err *err)
{
	static const char *const names[] = { "done", "snooze", "reschedule",
	    "drop" };
	sqlite3_stmt		*stmt;
	enum kith_status	 st = KITH_OK;
	struct cadence_spec	 off = { 0, 0 };
	char			 today[KITH_DATE_LEN];
	char			*clean = NULL;

	db_today(db, today);
	if ((d == REVIEW_SNOOZE || d == REVIEW_RESCHEDULE) &&
	    (day == NULL || !date_valid(day)))
		return kith_err_set(err, KITH_INVALID, "%s needs a day "
		    "(YYYY-MM-DD)", names[d]);
	if (it->kind == REVIEW_FOLLOWUP) {
		st = d == REVIEW_DONE ? followup_done(db, it->ref, err) :
		    d == REVIEW_DROP ? followup_drop(db, it->ref, err) :
		    followup_reschedule(db, it->ref, day,
		    d == REVIEW_SNOOZE ? FOLLOWUP_SNOOZE : 0, err);
	} else if (it->kind == REVIEW_CADENCE) {
		if (d == REVIEW_DROP)
			st = cadence_set_contact(db, it->ref, &off, err);
		else if (d == REVIEW_SNOOZE)
			st = cadence_snooze(db, it->ref, day, snoozes, err);
		else if (d == REVIEW_RESCHEDULE)
			st = cadence_reschedule(db, it->ref, day, err);
	}
	if (st != KITH_OK)
		return st;
	if ((st = db_clean_text(db, "note", note, &clean, err)) != KITH_OK)
		return st;
	if ((stmt = db_stmt(db, "INSERT OR REPLACE INTO review_decision "
	    "(day, item, decision, note, at) VALUES (?1, ?2, ?3, ?4, ?5)",
	    err)) == NULL) {
		free(clean);
		return KITH_DB;
	}
	sqlite3_bind_text(stmt, 1, today, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 2, it->key, -1, SQLITE_TRANSIENT);
	sqlite3_bind_text(stmt, 3, names[d], -1, SQLITE_STATIC);
	db_bind_text(stmt, 4, clean);
	sqlite3_bind_int64(stmt, 5, (int64_t)kith_db_now(db));
	free(clean);
	if (sqlite3_step(stmt) != SQLITE_DONE)
		return db_fail(db, err, "recording a review decision");
	db_own_actionf(db, "review", "review: %s %s (%s)", names[d], it->name,
	    review_item_kind(it));
	return KITH_OK;
}

enum kith_status
review_decide(struct kith_db *db, const struct review_item *it,
    enum review_decision d, const char *day, const char *note, int *snoozes,
    struct kith_err *err)
{
	DB_TRANSACTION(db, err, decide(db, it, d, day, note, snoozes, err));
}
