/* SPDX-License-Identifier: MIT */
/*
 * Who is connected to an organisation (path_who in path.h): its people,
 * the people related to them, the parties to its deals and the people
 * who took part in interactions with its people.  Every way a contact is
 * connected is collected as a row, the rows are sorted by contact and
 * merged into one entry each, then sorted strongest first.  Strength
 * comes from path_link_strength(), as chains do.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/deal.h"
#include "kith/path.h"
#include "kith/util.h"
#include "internal.h"

struct row {
	int64_t		 id;
	char		*name;
	char		*how;
	double		 w;
	size_t		 seq;		/* order met, to keep merges stable */
};

struct rows {
	struct row	*v;
	size_t		 n, cap;
	char		 today[KITH_DATE_LEN];
};

static void	 row_add(struct rows *, int64_t, const char *, char *,
		    double);
static long	 age_date(const struct rows *, const char *);
static long	 age_time(const struct rows *, int64_t);
static int	 by_id(const void *, const void *);
static int	 by_strength(const void *, const void *);

static void
row_add(struct rows *r, int64_t id, const char *name, char *how, double w)
{
	if (r->n == r->cap) {
		r->cap = r->cap ? r->cap * 2 : 64;
		r->v = xreallocarray(r->v, r->cap, sizeof *r->v);
	}
	r->v[r->n].id = id;
	r->v[r->n].name = xstrdup(name != NULL ? name : "");
	r->v[r->n].how = how;
	r->v[r->n].w = w;
	r->v[r->n].seq = r->n;
	r->n++;
}

static long
age_date(const struct rows *r, const char *at)
{
	char	day[KITH_DATE_LEN];
	long	d;

	if (at == NULL || strlen(at) < 10)
		return -1;
	snprintf(day, sizeof day, "%.10s", at);
	d = date_diff_days(day, r->today);
	return d < 0 ? 0 : d;
}

static long
age_time(const struct rows *r, int64_t t)
{
	char	day[KITH_DATE_LEN];

	if (t <= 0)
		return -1;
	date_from_time((time_t)t, day);
	return age_date(r, day);
}

static int
by_id(const void *a, const void *b)
{
	const struct row *x = a, *y = b;

	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	if (x->w != y->w)
		return x->w > y->w ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
by_strength(const void *a, const void *b)
{
	const struct who_entry *x = a, *y = b;
	int	c;

	if (x->strength != y->strength)
		return x->strength > y->strength ? -1 : 1;
	if ((c = strcmp(x->name, y->name)) != 0)
		return c;
	return x->id < y->id ? -1 : x->id > y->id;
}

enum kith_status
path_who(struct kith_db *db, int64_t org, time_t now, struct who_entry **out,
    size_t *n, int *limited, struct kith_err *err)
{
	static const char *const sql[] = {
		/* 0: its people, with their last interaction. */
		"SELECT c.id, c.display, (SELECT i.kind || ' ' || ic.at FROM "
		    "interaction_contact ic JOIN interaction i ON i.id = "
		    "ic.interaction_id WHERE ic.contact_id = c.id ORDER BY "
		    "ic.at DESC LIMIT 1) FROM contact c WHERE c.org_id = ?1 "
		    "LIMIT ?2",
		/* 1: people related to its people (not its own). */
		"SELECT o.id, o.display, k.name, p.display, r.created FROM "
		    "contact p JOIN relation r ON r.b = p.id JOIN contact o ON "
		    "o.id = r.a JOIN rel_kind k ON k.id = r.kind_id WHERE "
		    "p.id IN (SELECT id FROM contact WHERE org_id = ?1 LIMIT "
		    "?2) AND o.org_id IS NOT ?1 UNION ALL "
		    "SELECT o.id, o.display, k.inverse, p.display, r.created "
		    "FROM contact p JOIN relation r ON r.a = p.id JOIN contact "
		    "o ON o.id = r.b JOIN rel_kind k ON k.id = r.kind_id WHERE "
		    "p.id IN (SELECT id FROM contact WHERE org_id = ?1 LIMIT "
		    "?2) AND o.org_id IS NOT ?1",
		/* 2: parties to its deals. */
		"SELECT c.id, c.display, dc.role, d.title, d.touched FROM "
		    "deal d JOIN deal_contact dc ON dc.deal_id = d.id JOIN "
		    "contact c ON c.id = dc.contact_id WHERE d.org_id = ?1 "
		    "LIMIT ?2",
		/* 3: people in interactions with its people. */
		"SELECT o.id, o.display, i.kind, p.display, x.at FROM "
		    "contact p JOIN interaction_contact x ON x.contact_id = "
		    "p.id JOIN interaction_contact y ON y.interaction_id = "
		    "x.interaction_id AND y.contact_id <> p.id JOIN contact o "
		    "ON o.id = y.contact_id JOIN interaction i ON i.id = "
		    "x.interaction_id WHERE p.id IN (SELECT id FROM contact "
		    "WHERE org_id = ?1 LIMIT ?2) AND o.org_id IS NOT ?1 "
		    "LIMIT ?2 * 10",
	};
	struct rows	 r = { 0 };
	struct who_entry *v = NULL;
	sqlite3_stmt	*stmt;
	enum kith_status st = KITH_OK;
	const char	*word = deal_word(db), *col;
	struct sbuf	 how = { 0 };
	char		*spoke;
	size_t		 i, j, k = 0;
	int		 rc, q;

	*out = NULL;
	*n = 0;
	*limited = 0;
	date_from_time(now, r.today);
	if ((stmt = db_stmt(db, "SELECT count(*) > ?2 FROM (SELECT 1 FROM "
	    "contact WHERE org_id = ?1 LIMIT ?2 + 1)", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, org);
	sqlite3_bind_int(stmt, 2, PATH_WHO_MAX);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		*limited = sqlite3_column_int(stmt, 0);
	sqlite3_reset(stmt);
	for (q = 0; q < 4; q++) {
		if ((stmt = db_stmt(db, sql[q], err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(stmt, 1, org);
		sqlite3_bind_int(stmt, 2, PATH_WHO_MAX);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			int64_t id = sqlite3_column_int64(stmt, 0);
			const char *name = (const char *)
			    sqlite3_column_text(stmt, 1);
			const char *a = (const char *)
			    sqlite3_column_text(stmt, 2);
			const char *b = (const char *)
			    sqlite3_column_text(stmt, 3);

			switch (q) {
			case 0:
				if (a == NULL) {
					row_add(&r, id, name,
					    xstrdup("works there"),
					    path_link_strength(PATH_LINK_ORG,
					    -1));
					break;
				}
				/* "call 2026-11-20": kind, space, date. */
				col = strchr(a, ' ');
				{
					char *kind = xstrndup(a, col != NULL ?
					    (size_t)(col - a) : strlen(a));

					spoke = path_spoke(kind, col != NULL ?
					    col + 1 : NULL, now);
					free(kind);
				}
				row_add(&r, id, name, xasprintf("works there, "
				    "%s", spoke), path_link_strength(
				    PATH_LINK_ORG, age_date(&r, col != NULL ?
				    col + 1 : NULL)));
				free(spoke);
				break;
			case 1:
				row_add(&r, id, name, xasprintf("%s %s, who "
				    "works there", a, b), path_link_strength(
				    PATH_LINK_RELATION, age_time(&r,
				    sqlite3_column_int64(stmt, 4))));
				break;
			case 2:
				row_add(&r, id, name, a != NULL ?
				    xasprintf("%s in %s '%s'", a, word, b) :
				    xasprintf("party to %s '%s'", word, b),
				    path_link_strength(PATH_LINK_DEAL,
				    age_time(&r, sqlite3_column_int64(stmt,
				    4))));
				break;
			default:
				col = (const char *)sqlite3_column_text(stmt,
				    4);
				spoke = path_spoke(a, col, now);
				row_add(&r, id, name, xasprintf("%s with %s, "
				    "who works there", spoke, b),
				    path_link_strength(PATH_LINK_INTERACTION,
				    age_date(&r, col)));
				free(spoke);
				break;
			}
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "listing who is connected");
			goto out;
		}
	}
	if (r.n == 0)
		goto out;
	qsort(r.v, r.n, sizeof *r.v, by_id);
	v = xcalloc(r.n, sizeof *v);
	for (i = 0; i < r.n; i = j) {
		sbuf_reset(&how);
		for (j = i; j < r.n && r.v[j].id == r.v[i].id; j++) {
			/* One line per way, not the same way twice. */
			if (j > i && strcmp(r.v[j].how, r.v[j - 1].how) == 0)
				continue;
			sbuf_printf(&how, "%s%s", j > i ? "; " : "",
			    r.v[j].how);
		}
		v[k].id = r.v[i].id;
		v[k].name = xstrdup(r.v[i].name);
		v[k].how = sbuf_detach(&how);
		v[k].strength = r.v[i].w;
		k++;
	}
	qsort(v, k, sizeof *v, by_strength);
	*out = v;
	*n = k;
out:
	for (i = 0; i < r.n; i++) {
		free(r.v[i].name);
		free(r.v[i].how);
	}
	free(r.v);
	sbuf_free(&how);
	return st;
}

void
path_who_free(struct who_entry *v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(v[i].name);
		free(v[i].how);
	}
	free(v);
}
