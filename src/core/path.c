/* SPDX-License-Identifier: MIT */
/*
 * Who knows whom (path.h): a breadth-first search over the links the
 * schema indexes, from the target end back to the start, so that the
 * links every contact with an interaction has to "me" (which no index
 * lists) are met one contact at a time.
 *
 * Invariants: nodes are kept in the order they were met, so each layer
 * (distance from the target) is one run of the array and the array is the
 * queue; a node's edges point to nodes one layer closer to the target (at
 * most MAX_PARENTS of them, one per neighbour); the search never holds
 * more than max_visited nodes.  Once the start is met, only the rest of
 * its layer's parents is expanded.  The strongest chains are then picked
 * from the edges by a memoised walk from the start, keeping the best
 * PATH_CHAINS_MAX partial chains per node.
 *
 * Before the search, the ball around the start is read (struct ball):
 * every node that could link to the start in one step, and, unless that
 * is too many or the start is "me", in two.  A node met with k links left
 * before the depth is only kept if it can still reach the start within k
 * (a node with none left only if it is the start), so the search's last
 * layers, where it fans out most, cost what the start's neighbourhood
 * holds rather than what the book holds.  Every node so dropped was one
 * no chain within the depth could pass through: the chains found are the
 * same.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/path.h"
#include "kith/text.h"
#include "kith/util.h"
#include "internal.h"

#define MAX_PARENTS	8	/* edges kept per node toward the target */
#define MAX_DEALS	200	/* deals of one contact or organisation */
#define MAX_PARTIES	500	/* parties of one deal */
#define MAX_MEETINGS	100	/* latest interactions of one contact */
#define MAX_MEMBERS	5000	/* people of one organisation */
#define BALL_MAX	200000	/* nodes two links from the start */

struct part {
	double		 s;		/* strength of the weakest link */
	int		 len;
	int		 edge[PATH_DEPTH_MAX];	/* toward the target */
};

struct node {
	int64_t		 key;		/* id << 1 | org */
	int		 dist;		/* links from the target */
	int		 first;		/* its first edge, or -1 */
	int		 nparents;
	int		 nparts;	/* -1 until computed */
	struct part	*parts;
};

struct edge {
	int		 child;		/* the node farther from the target */
	int		 parent;	/* the node one link closer */
	int		 next;		/* the child's next edge, or -1 */
	enum path_link	 kind;
	long		 age;		/* days, or -1 */
	char		*how;		/* the parent as seen from the child */
	int		 finished;	/* evidence completed */
	double		 w;		/* strength of its strongest link */
};

/*
 * The nodes around the start, by key (id << 1 | org; 0 is an empty slot),
 * each with the fewest links it may need to reach the start: a superset
 * of the nodes whose expansion would offer the start (or one of them).
 */
struct ball {
	int64_t		*key;
	unsigned char	*dist;
	size_t		 n, cap;	/* cap: a power of two, or 0 */
};

struct search {
	struct kith_db	*db;
	time_t		 now;
	char		 today[KITH_DATE_LEN];
	int64_t		 me;		/* contact id of me, or 0 */
	int64_t		 goal_key;
	int		 goal;		/* its node once met, else -1 */
	int		 depth;
	size_t		 max_visited;
	int		 limited;
	struct node	*nodes;
	size_t		 n, cap;
	struct edge	*edges;
	size_t		 ne, ecap;
	int		*slots;		/* hash of key -> node index + 1 */
	size_t		 nslots;
	const char	*word;		/* "deal" or "matter" */
	struct ball	 ball;		/* around the start */
	int		 radius;	/* links the ball is complete for */
	int		 me_goal;	/* the start is me: anyone with an
					   interaction is one link away */
};

static size_t	 slot_of(int64_t, size_t);
static void	 ball_put(struct ball *, int64_t, int);
static int	 ball_get(const struct ball *, int64_t);
static void	 ball_free(struct ball *);
static enum kith_status ball_reach(struct search *, int64_t, int,
		    struct kith_err *);
static enum kith_status ball_make(struct search *, struct kith_err *);
static int	 near_goal(struct search *, int64_t, int);
static int	 node_find(struct search *, int64_t);
static int	 node_add(struct search *, int64_t, int);
static void	 slots_grow(struct search *);
static enum kith_status offer(struct search *, int, int64_t,
		    enum path_link, long, char *);
static enum kith_status expand(struct search *, int, struct kith_err *);
static enum kith_status expand_contact(struct search *, int, int64_t,
		    struct kith_err *);
static enum kith_status expand_org(struct search *, int, int64_t,
		    struct kith_err *);
static long	 age_of_time(struct search *, int64_t);
static long	 age_of_date(struct search *, const char *);
static enum kith_status finish(struct search *, struct edge *,
		    struct kith_err *);
static enum kith_status best(struct search *, int, struct kith_err *);
static enum kith_status fill(struct search *, const struct part *,
		    struct path_chain *, struct kith_err *);
static char	*end_name(struct kith_db *, int64_t, int);
static void	 search_free(struct search *);

double
path_link_strength(enum path_link kind, long age_days)
{
	double	base, recency;

	switch (kind) {
	case PATH_LINK_RELATION:
		base = 1.0;
		break;
	case PATH_LINK_INTERACTION:
		base = 0.9;
		break;
	case PATH_LINK_DEAL:
		base = 0.8;
		break;
	case PATH_LINK_ORG:
	default:
		/* Where someone works is current: it does not age. */
		return 0.7;
	}
	/* Half as strong after half a year, a third after a year. */
	recency = age_days < 0 ? 0.25 : 1.0 / (1.0 + (double)age_days / 180.0);
	return base * (0.4 + 0.6 * recency);
}

char *
path_spoke(const char *kind, const char *at, time_t now)
{
	char		 today[KITH_DATE_LEN], day[KITH_DATE_LEN];
	const char	*verb = "spoke";
	long		 d;

	if (kind != NULL && strcmp(kind, "email") == 0)
		verb = "e-mailed";
	else if (kind != NULL && (strcmp(kind, "meeting") == 0 ||
	    strcmp(kind, "event") == 0))
		verb = "met";
	else if (kind != NULL && strcmp(kind, "note") == 0)
		verb = "noted";
	date_from_time(now, today);
	snprintf(day, sizeof day, "%.10s", at != NULL ? at : "");
	d = date_diff_days(day, today);
	if (d <= 0)
		return xasprintf("%s today", verb);
	if (d == 1)
		return xasprintf("%s yesterday", verb);
	return xasprintf("%s %ld days ago", verb, d);
}

enum kith_status
path_me(struct kith_db *db, int64_t *id, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*id = 0;
	if ((stmt = db_stmt(db, "SELECT c.id FROM meta m JOIN contact c ON "
	    "c.id = CAST(m.value AS INTEGER) WHERE m.key = 'me'", err)) == NULL)
		return KITH_DB;
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "reading the 'me' setting");
	return KITH_OK;
}

enum kith_status
path_set_me(struct kith_db *db, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	if ((stmt = db_stmt(db, "SELECT 1 FROM contact WHERE id = ?1", err))
	    == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc == SQLITE_DONE)
		return kith_err_set(err, KITH_NOTFOUND, "no contact with id "
		    "%lld", (long long)id);
	if (rc != SQLITE_ROW)
		return db_fail(db, err, "finding a contact");
	if ((stmt = db_stmt(db, "INSERT INTO meta (key, value) VALUES ('me', "
	    "?1) ON CONFLICT (key) DO UPDATE SET value = ?1", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(db, err, "saving the 'me' setting");
	return KITH_OK;
}

enum kith_status
path_resolve_org(struct kith_db *db, const char *what, int64_t *id,
    char **name, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	enum kith_status st;
	char		*fold = NULL, *prefix = NULL;
	const char	*p;
	int		 rc, n = 0, exact = 0;

	*id = 0;
	*name = NULL;
	for (p = what; *p >= '0' && *p <= '9'; p++)
		;
	if ((st = text_fold(kith_db_text(db), what, &fold, err)) != KITH_OK)
		return st;
	if (*fold == '\0' && (*what == '\0' || *p != '\0')) {
		st = kith_err_set(err, KITH_NOTFOUND, "'%s' names no "
		    "organisation", what);
		goto out;
	}
	/*
	 * An id, the whole folded name, else names beginning with it
	 * (name_fold is unique and indexed: a range, not a scan).
	 */
	prefix = xasprintf("%s{", fold);
	if ((stmt = db_stmt(db, "SELECT id, name, name_fold = ?2 FROM org "
	    "WHERE id = CAST(?1 AS INTEGER) AND ?4 UNION ALL SELECT * FROM "
	    "(SELECT id, name, name_fold = ?2 FROM org WHERE name_fold >= ?2 "
	    "AND name_fold < ?3 AND NOT ?4 ORDER BY name_fold LIMIT 3)", err))
	    == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_text(stmt, 1, what, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 2, fold, -1, SQLITE_STATIC);
	sqlite3_bind_text(stmt, 3, prefix, -1, SQLITE_STATIC);
	sqlite3_bind_int(stmt, 4, *what != '\0' && *p == '\0');
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (exact)
			continue;
		n++;
		if (n == 1 || sqlite3_column_int(stmt, 2)) {
			free(*name);
			*id = sqlite3_column_int64(stmt, 0);
			*name = db_col_text(stmt, 1);
			exact = sqlite3_column_int(stmt, 2) || *p == '\0';
		}
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(db, err, "finding an organisation");
		goto out;
	}
	/* Else a word of the name beginning with it: a scan of the names. */
	if (n == 0 && *fold != '\0') {
		if ((stmt = db_stmt(db, "SELECT id, name FROM org WHERE "
		    "instr(' ' || name_fold, ' ' || ?1) > 0 ORDER BY name_fold "
		    "LIMIT 2", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, fold, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			if (n++ == 0) {
				*id = sqlite3_column_int64(stmt, 0);
				*name = db_col_text(stmt, 1);
			}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "finding an organisation");
			goto out;
		}
	}
	if (n == 0)
		st = kith_err_set(err, KITH_NOTFOUND, "no organisation is "
		    "named '%s'", what);
	else if (n > 1 && !exact)
		st = kith_err_set(err, KITH_AMBIGUOUS, "several "
		    "organisations' names begin with '%s': give more of the "
		    "name", what);
out:
	if (st != KITH_OK) {
		free(*name);
		*name = NULL;
		*id = 0;
	}
	free(prefix);
	free(fold);
	return st;
}

enum kith_status
path_resolve(struct kith_db *db, const char *what, struct path_end *out,
    char **name, struct kith_err *err)
{
	struct kith_err	 oerr = { 0 };
	struct contact_ref *cands = NULL;
	enum kith_status st, ost;
	char		*fold = NULL;
	size_t		 ncands = 0;
	int64_t		 id;

	memset(out, 0, sizeof *out);
	*name = NULL;
	if (what == NULL)
		what = "";
	if (strncmp(what, "org:", 4) == 0) {
		out->org = 1;
		return path_resolve_org(db, what + 4, &out->id, name, err);
	}
	if (*what == '#')
		what++;
	/* A whole organisation name first: "Acme" the firm, not Acme Jones. */
	if (*what < '0' || *what > '9') {
		ost = path_resolve_org(db, what, &id, name, &oerr);
		if (ost == KITH_OK && text_fold(kith_db_text(db), what, &fold,
		    NULL) == KITH_OK) {
			sqlite3_stmt *stmt = db_stmt(db, "SELECT 1 FROM org "
			    "WHERE id = ?1 AND name_fold = ?2", NULL);
			int exact = 0;

			if (stmt != NULL) {
				sqlite3_bind_int64(stmt, 1, id);
				sqlite3_bind_text(stmt, 2, fold, -1,
				    SQLITE_STATIC);
				exact = sqlite3_step(stmt) == SQLITE_ROW;
				sqlite3_reset(stmt);
			}
			free(fold);
			if (exact) {
				out->id = id;
				out->org = 1;
				return KITH_OK;
			}
		}
		free(*name);
		*name = NULL;
	}
	st = contact_resolve(db, what, &out->id, &cands, &ncands, 5, err);
	if (st == KITH_AMBIGUOUS) {
		struct sbuf	b = { 0 };
		size_t		i;

		for (i = 0; i < ncands; i++)
			sbuf_printf(&b, "%s%s (#%lld)", i ? ", " : "",
			    cands[i].name, (long long)cands[i].id);
		kith_err_set(err, st, "'%s' matches several contacts: %s%s; "
		    "give the id or more of the name", what, b.s != NULL ?
		    b.s : "", ncands == 5 ? ", ..." : "");
		sbuf_free(&b);
	}
	contact_refs_free(cands, ncands);
	if (st == KITH_OK) {
		*name = end_name(db, out->id, 0);
		return KITH_OK;
	}
	if (st != KITH_NOTFOUND || (*what >= '0' && *what <= '9'))
		return st;
	ost = path_resolve_org(db, what, &id, name, &oerr);
	if (ost == KITH_OK) {
		out->id = id;
		out->org = 1;
		return KITH_OK;
	}
	if (ost == KITH_AMBIGUOUS)
		return kith_err_set(err, ost, "%s", oerr.msg);
	return kith_err_set(err, KITH_NOTFOUND, "'%s' names no contact and "
	    "no organisation", what);
}

static char *
end_name(struct kith_db *db, int64_t id, int org)
{
	sqlite3_stmt	*stmt;
	char		*name = NULL;

	if ((stmt = db_stmt(db, org ? "SELECT name FROM org WHERE id = ?1" :
	    "SELECT display FROM contact WHERE id = ?1", NULL)) == NULL)
		return xasprintf("#%lld", (long long)id);
	sqlite3_bind_int64(stmt, 1, id);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		name = db_col_text(stmt, 0);
	sqlite3_reset(stmt);
	return name != NULL ? name : xasprintf("#%lld", (long long)id);
}

/* Records that key may reach the start in d links (the fewest seen). */
static void
ball_put(struct ball *b, int64_t key, int d)
{
	int64_t		*ok;
	unsigned char	*od;
	size_t		 i, j, ocap;

	if (2 * (b->n + 1) > b->cap) {
		ok = b->key;
		od = b->dist;
		ocap = b->cap;
		b->cap = b->cap ? b->cap * 2 : 256;
		b->key = xcalloc(b->cap, sizeof *b->key);
		b->dist = xcalloc(b->cap, sizeof *b->dist);
		for (i = 0; i < ocap; i++) {
			if (ok[i] == 0)
				continue;
			for (j = slot_of(ok[i], b->cap); b->key[j] != 0;
			    j = (j + 1) & (b->cap - 1))
				;
			b->key[j] = ok[i];
			b->dist[j] = od[i];
		}
		free(ok);
		free(od);
	}
	for (i = slot_of(key, b->cap); b->key[i] != 0;
	    i = (i + 1) & (b->cap - 1)) {
		if (b->key[i] == key) {
			if (d < b->dist[i])
				b->dist[i] = (unsigned char)d;
			return;
		}
	}
	b->key[i] = key;
	b->dist[i] = (unsigned char)d;
	b->n++;
}

/* The links key may need to the start, or -1 when it is not in the ball. */
static int
ball_get(const struct ball *b, int64_t key)
{
	size_t	i;

	if (b->cap == 0)
		return -1;
	for (i = slot_of(key, b->cap); b->key[i] != 0;
	    i = (i + 1) & (b->cap - 1))
		if (b->key[i] == key)
			return b->dist[i];
	return -1;
}

static void
ball_free(struct ball *b)
{
	free(b->key);
	free(b->dist);
	memset(b, 0, sizeof *b);
}

/*
 * Puts in the ball, at d links, every node whose expansion could offer
 * key: the same links expand_contact() and expand_org() follow, read
 * from key's side and without their caps (a superset is safe).
 */
static enum kith_status
ball_reach(struct search *s, int64_t key, int d, struct kith_err *err)
{
	static const char *const contact_sql[] = {
		/* relationships, either side */
		"SELECT r.b << 1 FROM relation r WHERE r.a = ?1 UNION ALL "
		"SELECT r.a << 1 FROM relation r WHERE r.b = ?1",
		/* where it works; deals: their organisations, parties */
		"SELECT org_id << 1 | 1 FROM contact WHERE id = ?1 AND "
		"org_id IS NOT NULL UNION ALL "
		"SELECT d.org_id << 1 | 1 FROM deal_contact dc JOIN deal d ON "
		"d.id = dc.deal_id WHERE dc.contact_id = ?1 AND d.org_id IS "
		"NOT NULL UNION ALL "
		"SELECT o.contact_id << 1 FROM deal_contact dc JOIN "
		"deal_contact o ON o.deal_id = dc.deal_id WHERE "
		"dc.contact_id = ?1",
		/* the others in its interactions */
		"SELECT o.contact_id << 1 FROM interaction_contact ic JOIN "
		"interaction_contact o ON o.interaction_id = "
		"ic.interaction_id WHERE ic.contact_id = ?1",
	};
	static const char *const org_sql =
	    "SELECT id << 1 FROM contact WHERE org_id = ?1 UNION ALL "
	    "SELECT dc.contact_id << 1 FROM deal d JOIN deal_contact dc ON "
	    "dc.deal_id = d.id WHERE d.org_id = ?1";
	sqlite3_stmt	*stmt;
	size_t		 i, n = (key & 1) ? 1 : sizeof contact_sql /
			    sizeof contact_sql[0];
	int		 rc;

	for (i = 0; i < n; i++) {
		if ((stmt = db_stmt(s->db, (key & 1) ? org_sql :
		    contact_sql[i], err)) == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, key >> 1);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW &&
		    s->ball.n < BALL_MAX)
			if (sqlite3_column_int64(stmt, 0) != key)
				ball_put(&s->ball,
				    sqlite3_column_int64(stmt, 0), d);
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE && rc != SQLITE_ROW)
			return db_fail(s->db, err, "reading around the start");
	}
	return KITH_OK;
}

/*
 * The ball around the start: one link always; two when the start is not
 * me (anyone with an interaction is a link from me, which no index
 * lists) and the nodes two links away are not too many.
 */
static enum kith_status
ball_make(struct search *s, struct kith_err *err)
{
	enum kith_status st;
	int64_t		*one;
	size_t		 i, n;

	ball_put(&s->ball, s->goal_key, 0);
	if ((st = ball_reach(s, s->goal_key, 1, err)) != KITH_OK)
		return st;
	s->radius = s->ball.n < BALL_MAX ? 1 : 0;
	if (s->radius == 0 || s->me_goal || s->depth < 3)
		return KITH_OK;
	one = xreallocarray(NULL, s->ball.n, sizeof *one);
	for (i = n = 0; i < s->ball.cap; i++)
		if (s->ball.key[i] != 0 && s->ball.dist[i] == 1)
			one[n++] = s->ball.key[i];
	for (i = 0; i < n && s->ball.n < BALL_MAX; i++)
		if ((st = ball_reach(s, one[i], 2, err)) != KITH_OK)
			break;
	free(one);
	if (st == KITH_OK && s->ball.n < BALL_MAX)
		s->radius = 2;
	return st;
}

/*
 * Whether a node not yet met, with left links left before the depth,
 * can still reach the start: never with none left; otherwise when the
 * ball says so, or cannot tell.
 */
static int
near_goal(struct search *s, int64_t key, int left)
{
	sqlite3_stmt	*stmt;
	int		 d, rc;

	if (left <= 0)
		return 0;
	if (left > s->radius)
		return 1;
	if ((d = ball_get(&s->ball, key)) >= 0 && d <= left)
		return 1;
	if (!s->me_goal || (key & 1))
		return 0;
	/* Anyone with a logged interaction is one link from me. */
	if ((stmt = db_stmt(s->db, "SELECT 1 FROM interaction_contact WHERE "
	    "contact_id = ?1 LIMIT 1", NULL)) == NULL)
		return 1;
	sqlite3_bind_int64(stmt, 1, key >> 1);
	rc = sqlite3_step(stmt);
	sqlite3_reset(stmt);
	return rc != SQLITE_DONE;
}

/* Hashing node keys (multiplicative, into a power-of-two table). */
static size_t
slot_of(int64_t key, size_t nslots)
{
	return (size_t)(((uint64_t)key * 0x9E3779B97F4A7C15ULL) >> 20) &
	    (nslots - 1);
}

static int
node_find(struct search *s, int64_t key)
{
	size_t	i;

	if (s->nslots == 0)
		return -1;
	for (i = slot_of(key, s->nslots); s->slots[i] != 0;
	    i = (i + 1) & (s->nslots - 1))
		if (s->nodes[s->slots[i] - 1].key == key)
			return s->slots[i] - 1;
	return -1;
}

static void
slots_grow(struct search *s)
{
	size_t	i, j, n = s->nslots ? s->nslots * 2 : 1024;
	int	*v = xcalloc(n, sizeof *v);

	for (i = 0; i < s->n; i++) {
		for (j = slot_of(s->nodes[i].key, n); v[j] != 0;
		    j = (j + 1) & (n - 1))
			;
		v[j] = (int)i + 1;
	}
	free(s->slots);
	s->slots = v;
	s->nslots = n;
}

static int
node_add(struct search *s, int64_t key, int dist)
{
	struct node	*nd;
	size_t		 j;

	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->nodes = xreallocarray(s->nodes, s->cap, sizeof *s->nodes);
	}
	nd = &s->nodes[s->n++];
	memset(nd, 0, sizeof *nd);
	nd->key = key;
	nd->dist = dist;
	nd->first = -1;
	nd->nparts = -1;
	if (s->n * 2 > s->nslots)
		slots_grow(s);
	else {
		for (j = slot_of(key, s->nslots); s->slots[j] != 0;
		    j = (j + 1) & (s->nslots - 1))
			;
		s->slots[j] = (int)s->n;
	}
	if (key == s->goal_key)
		s->goal = (int)s->n - 1;
	return (int)s->n - 1;
}

/*
 * Node u (being expanded) has neighbour key through a link of that kind,
 * how describing u as seen from the neighbour (taken over).  Records the
 * neighbour if new, and the edge neighbour -> u if it is one layer
 * farther; a second link between the same two keeps the stronger.
 */
static enum kith_status
offer(struct search *s, int u, int64_t key, enum path_link kind, long age,
    char *how)
{
	struct edge	*e;
	int		 v, i;

	if ((v = node_find(s, key)) < 0) {
		/* Once the start is met, only links to it matter. */
		if (s->goal >= 0) {
			free(how);
			return KITH_OK;
		}
		/* No chain within the depth passes through it. */
		if (key != s->goal_key && !near_goal(s, key,
		    s->depth - s->nodes[u].dist - 1)) {
			free(how);
			return KITH_OK;
		}
		if (s->n >= s->max_visited) {
			s->limited = 1;
			free(how);
			return KITH_OK;
		}
		v = node_add(s, key, s->nodes[u].dist + 1);
	}
	if (s->nodes[v].dist != s->nodes[u].dist + 1) {
		free(how);
		return KITH_OK;
	}
	for (i = s->nodes[v].first; i >= 0; i = s->edges[i].next) {
		e = &s->edges[i];
		if (e->parent != u)
			continue;
		/*
		 * The evidence shown is the link of the first kind in
		 * enum path_link (a relationship before where one works,
		 * before a deal...); the strength the strongest link's.
		 */
		if (path_link_strength(kind, age) > e->w)
			e->w = path_link_strength(kind, age);
		if (kind < e->kind) {
			free(e->how);
			e->how = how;
			e->kind = kind;
			e->age = age;
		} else
			free(how);
		return KITH_OK;
	}
	if (s->nodes[v].nparents >= MAX_PARENTS) {
		free(how);
		return KITH_OK;
	}
	if (s->ne == s->ecap) {
		s->ecap = s->ecap ? s->ecap * 2 : 256;
		s->edges = xreallocarray(s->edges, s->ecap, sizeof *s->edges);
	}
	e = &s->edges[s->ne];
	memset(e, 0, sizeof *e);
	e->child = v;
	e->parent = u;
	e->kind = kind;
	e->age = age;
	e->how = how;
	e->w = path_link_strength(kind, age);
	e->next = s->nodes[v].first;
	s->nodes[v].first = (int)s->ne++;
	s->nodes[v].nparents++;
	return KITH_OK;
}

static long
age_of_date(struct search *s, const char *at)
{
	char	day[KITH_DATE_LEN];
	long	d;

	if (at == NULL || strlen(at) < 10)
		return -1;
	snprintf(day, sizeof day, "%.10s", at);
	d = date_diff_days(day, s->today);
	return d < 0 ? 0 : d;
}

static long
age_of_time(struct search *s, int64_t t)
{
	char	day[KITH_DATE_LEN];

	if (t <= 0)
		return -1;
	date_from_time((time_t)t, day);
	return age_of_date(s, day);
}

static enum kith_status
expand(struct search *s, int u, struct kith_err *err)
{
	int64_t	key = s->nodes[u].key;

	return (key & 1) ? expand_org(s, u, key >> 1, err) :
	    expand_contact(s, u, key >> 1, err);
}

static enum kith_status
expand_contact(struct search *s, int u, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt, *sub;
	enum kith_status st = KITH_OK;
	struct {
		int64_t	 id, org;
		char	*title, *role;
		long	 age;
	}		*deals = NULL;
	int64_t		*meets = NULL;
	char		**meet_at = NULL, *how;
	size_t		 nd = 0, nm = 0, i;
	int		 rc, side;

	/* Relationships, from either side: u as the neighbour sees it. */
	for (side = 0; side < 2; side++) {
		if ((stmt = db_stmt(s->db, side == 0 ?
		    "SELECT r.b, k.name, r.created FROM relation r JOIN "
		    "rel_kind k ON k.id = r.kind_id WHERE r.a = ?1" :
		    "SELECT r.a, k.inverse, r.created FROM relation r JOIN "
		    "rel_kind k ON k.id = r.kind_id WHERE r.b = ?1", err))
		    == NULL)
			return KITH_DB;
		sqlite3_bind_int64(stmt, 1, id);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
			offer(s, u, sqlite3_column_int64(stmt, 0) << 1,
			    PATH_LINK_RELATION, age_of_time(s,
			    sqlite3_column_int64(stmt, 2)),
			    db_col_text(stmt, 1));
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE)
			return db_fail(s->db, err, "following relationships");
	}

	/* The organisation u works at. */
	if ((stmt = db_stmt(s->db, "SELECT org_id FROM contact WHERE id = ?1 "
	    "AND org_id IS NOT NULL", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		offer(s, u, sqlite3_column_int64(stmt, 0) << 1 | 1,
		    PATH_LINK_ORG, -1, xstrdup("works there"));
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(s->db, err, "following an organisation");

	/* Deals: their other parties and their organisation. */
	if ((stmt = db_stmt(s->db, "SELECT d.id, d.org_id, d.title, dc.role, "
	    "d.touched FROM deal_contact dc JOIN deal d ON d.id = dc.deal_id "
	    "WHERE dc.contact_id = ?1 LIMIT ?2", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, MAX_DEALS);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		deals = xreallocarray(deals, nd + 1, sizeof *deals);
		deals[nd].id = sqlite3_column_int64(stmt, 0);
		deals[nd].org = sqlite3_column_int64(stmt, 1);
		deals[nd].title = db_col_text(stmt, 2);
		deals[nd].role = db_col_text(stmt, 3);
		deals[nd].age = age_of_time(s, sqlite3_column_int64(stmt, 4));
		nd++;
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(s->db, err, "following deals");
		goto out;
	}
	for (i = 0; i < nd; i++) {
		how = deals[i].role != NULL ? xasprintf("%s in %s '%s'",
		    deals[i].role, s->word, deals[i].title) :
		    xasprintf("%s '%s'", s->word, deals[i].title);
		if (deals[i].org > 0)
			offer(s, u, deals[i].org << 1 | 1, PATH_LINK_DEAL,
			    deals[i].age, xstrdup(how));
		if ((sub = db_stmt(s->db, "SELECT contact_id FROM deal_contact "
		    "WHERE deal_id = ?1 AND contact_id <> ?2 LIMIT ?3", err))
		    == NULL) {
			free(how);
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(sub, 1, deals[i].id);
		sqlite3_bind_int64(sub, 2, id);
		sqlite3_bind_int(sub, 3, MAX_PARTIES);
		while ((rc = sqlite3_step(sub)) == SQLITE_ROW)
			offer(s, u, sqlite3_column_int64(sub, 0) << 1,
			    PATH_LINK_DEAL, deals[i].age, xstrdup(how));
		sqlite3_reset(sub);
		free(how);
		if (rc != SQLITE_DONE) {
			st = db_fail(s->db, err, "following deals");
			goto out;
		}
	}

	/* Interactions, latest first: who else took part; and me. */
	if ((stmt = db_stmt(s->db, "SELECT interaction_id, at FROM "
	    "interaction_contact WHERE contact_id = ?1 ORDER BY at DESC "
	    "LIMIT ?2", err)) == NULL) {
		st = KITH_DB;
		goto out;
	}
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, MAX_MEETINGS);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		meets = xreallocarray(meets, nm + 1, sizeof *meets);
		meet_at = xreallocarray(meet_at, nm + 1, sizeof *meet_at);
		meets[nm] = sqlite3_column_int64(stmt, 0);
		meet_at[nm++] = db_col_text(stmt, 1);
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(s->db, err, "following interactions");
		goto out;
	}
	for (i = 0; i < nm; i++) {
		if ((sub = db_stmt(s->db, "SELECT ic.contact_id, i.kind FROM "
		    "interaction_contact ic JOIN interaction i ON i.id = "
		    "ic.interaction_id WHERE ic.interaction_id = ?1 LIMIT ?2",
		    err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(sub, 1, meets[i]);
		sqlite3_bind_int(sub, 2, MAX_PARTIES);
		while ((rc = sqlite3_step(sub)) == SQLITE_ROW) {
			int64_t other = sqlite3_column_int64(sub, 0);
			const char *kind = (const char *)
			    sqlite3_column_text(sub, 1);

			/* What kith logs, the user took part in. */
			if (i == 0 && s->me != 0 && s->me != id &&
			    s->goal_key == s->me << 1 && other == id)
				offer(s, u, s->me << 1, PATH_LINK_INTERACTION,
				    age_of_date(s, meet_at[i]),
				    path_spoke(kind, meet_at[i], s->now));
			if (other != id)
				offer(s, u, other << 1, PATH_LINK_INTERACTION,
				    age_of_date(s, meet_at[i]),
				    path_spoke(kind, meet_at[i], s->now));
		}
		sqlite3_reset(sub);
		if (rc != SQLITE_DONE) {
			st = db_fail(s->db, err, "following interactions");
			goto out;
		}
	}
out:
	for (i = 0; i < nd; i++) {
		free(deals[i].title);
		free(deals[i].role);
	}
	free(deals);
	for (i = 0; i < nm; i++)
		free(meet_at[i]);
	free(meet_at);
	free(meets);
	return st;
}

static enum kith_status
expand_org(struct search *s, int u, int64_t id, struct kith_err *err)
{
	sqlite3_stmt	*stmt, *sub;
	int64_t		*deals = NULL;
	char		**titles = NULL, *how;
	long		*ages = NULL;
	size_t		 nd = 0, i;
	enum kith_status st = KITH_OK;
	int		 rc;

	if ((stmt = db_stmt(s->db, "SELECT id FROM contact WHERE org_id = ?1 "
	    "LIMIT ?2", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, MAX_MEMBERS);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		offer(s, u, sqlite3_column_int64(stmt, 0) << 1, PATH_LINK_ORG,
		    -1, xstrdup("works at"));
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE)
		return db_fail(s->db, err, "following an organisation");

	if ((stmt = db_stmt(s->db, "SELECT id, title, touched FROM deal WHERE "
	    "org_id = ?1 LIMIT ?2", err)) == NULL)
		return KITH_DB;
	sqlite3_bind_int64(stmt, 1, id);
	sqlite3_bind_int(stmt, 2, MAX_DEALS);
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		deals = xreallocarray(deals, nd + 1, sizeof *deals);
		titles = xreallocarray(titles, nd + 1, sizeof *titles);
		ages = xreallocarray(ages, nd + 1, sizeof *ages);
		deals[nd] = sqlite3_column_int64(stmt, 0);
		titles[nd] = db_col_text(stmt, 1);
		ages[nd++] = age_of_time(s, sqlite3_column_int64(stmt, 2));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		st = db_fail(s->db, err, "following deals");
		goto out;
	}
	for (i = 0; i < nd; i++) {
		if ((sub = db_stmt(s->db, "SELECT contact_id FROM deal_contact "
		    "WHERE deal_id = ?1 LIMIT ?2", err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_int64(sub, 1, deals[i]);
		sqlite3_bind_int(sub, 2, MAX_PARTIES);
		how = xasprintf("%s '%s'", s->word, titles[i]);
		while ((rc = sqlite3_step(sub)) == SQLITE_ROW)
			offer(s, u, sqlite3_column_int64(sub, 0) << 1,
			    PATH_LINK_DEAL, ages[i], xstrdup(how));
		sqlite3_reset(sub);
		free(how);
		if (rc != SQLITE_DONE) {
			st = db_fail(s->db, err, "following deals");
			goto out;
		}
	}
out:
	for (i = 0; i < nd; i++)
		free(titles[i]);
	free(titles);
	free(ages);
	free(deals);
	return st;
}

/*
 * Completes an edge's evidence with the last interaction between its two
 * contacts (with me: the other's last interaction), which also dates it.
 */
static enum kith_status
finish(struct search *s, struct edge *e, struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int64_t		 a = s->nodes[e->child].key, b = s->nodes[e->parent].key;
	char		*spoke, *how;
	int		 rc;

	if (e->finished)
		return KITH_OK;
	e->finished = 1;
	if (e->kind != PATH_LINK_INTERACTION && !(a & 1) && !(b & 1)) {
		a >>= 1;
		b >>= 1;
		if (s->me != 0 && (a == s->me || b == s->me)) {
			stmt = db_stmt(s->db, "SELECT i.kind, ic.at FROM "
			    "interaction_contact ic JOIN interaction i ON "
			    "i.id = ic.interaction_id WHERE ic.contact_id = ?1 "
			    "ORDER BY ic.at DESC LIMIT 1", err);
			if (stmt != NULL)
				sqlite3_bind_int64(stmt, 1, a == s->me ? b : a);
		} else {
			stmt = db_stmt(s->db, "SELECT i.kind, x.at FROM "
			    "interaction_contact x JOIN interaction_contact y "
			    "ON y.interaction_id = x.interaction_id AND "
			    "y.contact_id = ?2 JOIN interaction i ON i.id = "
			    "x.interaction_id WHERE x.contact_id = ?1 ORDER BY "
			    "x.at DESC LIMIT 1", err);
			if (stmt != NULL) {
				sqlite3_bind_int64(stmt, 1, a);
				sqlite3_bind_int64(stmt, 2, b);
			}
		}
		if (stmt == NULL)
			return KITH_DB;
		if ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			const char *at = (const char *)
			    sqlite3_column_text(stmt, 1);
			long age = age_of_date(s, at);

			spoke = path_spoke((const char *)
			    sqlite3_column_text(stmt, 0), at, s->now);
			how = xasprintf("%s, %s", e->how, spoke);
			free(spoke);
			free(e->how);
			e->how = how;
			if (age >= 0 && (e->age < 0 || age < e->age))
				e->age = age;
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_ROW && rc != SQLITE_DONE)
			return db_fail(s->db, err, "reading interactions");
	}
	if (path_link_strength(e->kind, e->age) > e->w)
		e->w = path_link_strength(e->kind, e->age);
	return KITH_OK;
}

/* The best partial chains from node v to the target, memoised. */
static enum kith_status
best(struct search *s, int v, struct kith_err *err)
{
	struct node	*nd = &s->nodes[v];
	struct part	 cand, *q;
	enum kith_status st;
	int		 i, j, k, m;

	if (nd->nparts >= 0)
		return KITH_OK;
	nd->parts = xcalloc(PATH_CHAINS_MAX, sizeof *nd->parts);
	nd->nparts = 0;
	if (v == 0) {
		nd->parts[0].s = 2.0;	/* stronger than any link */
		nd->nparts = 1;
		return KITH_OK;
	}
	/* Edges were prepended: walk them in the order they were met. */
	for (m = nd->nparents - 1; m >= 0; m--) {
		for (i = nd->first, k = 0; i >= 0 && k < m;
		    i = s->edges[i].next, k++)
			;
		if (i < 0)
			continue;
		if ((st = finish(s, &s->edges[i], err)) != KITH_OK ||
		    (st = best(s, s->edges[i].parent, err)) != KITH_OK)
			return st;
		nd = &s->nodes[v];
		for (j = 0; j < s->nodes[s->edges[i].parent].nparts; j++) {
			q = &s->nodes[s->edges[i].parent].parts[j];
			cand.s = q->s < s->edges[i].w ? q->s : s->edges[i].w;
			cand.len = q->len + 1;
			cand.edge[0] = i;
			memcpy(cand.edge + 1, q->edge, (size_t)q->len *
			    sizeof q->edge[0]);
			/* Insert after equals: earlier-met chains win ties. */
			for (k = nd->nparts; k > 0 && nd->parts[k - 1].s <
			    cand.s; k--)
				;
			if (k >= PATH_CHAINS_MAX)
				continue;
			if (nd->nparts < PATH_CHAINS_MAX)
				nd->nparts++;
			memmove(&nd->parts[k + 1], &nd->parts[k],
			    (size_t)(nd->nparts - 1 - k) * sizeof *nd->parts);
			nd->parts[k] = cand;
		}
	}
	return KITH_OK;
}

static enum kith_status
fill(struct search *s, const struct part *p, struct path_chain *c,
    struct kith_err *err)
{
	int64_t	key;
	int	i;

	(void)err;
	c->strength = p->s > 1.0 ? 1.0 : p->s;
	c->n = (size_t)p->len + 1;
	c->hops = xcalloc(c->n, sizeof *c->hops);
	key = s->nodes[s->goal].key;
	c->hops[0].id = key >> 1;
	c->hops[0].org = (int)(key & 1);
	c->hops[0].name = end_name(s->db, key >> 1, (int)(key & 1));
	for (i = 0; i < p->len; i++) {
		const struct edge *e = &s->edges[p->edge[i]];

		key = s->nodes[e->parent].key;
		c->hops[i + 1].id = key >> 1;
		c->hops[i + 1].org = (int)(key & 1);
		c->hops[i + 1].name = end_name(s->db, key >> 1,
		    (int)(key & 1));
		c->hops[i + 1].how = xstrdup(e->how);
	}
	return KITH_OK;
}

static void
search_free(struct search *s)
{
	size_t	i;

	for (i = 0; i < s->n; i++)
		free(s->nodes[i].parts);
	for (i = 0; i < s->ne; i++)
		free(s->edges[i].how);
	free(s->nodes);
	free(s->edges);
	free(s->slots);
	ball_free(&s->ball);
}

enum kith_status
path_find(struct kith_db *db, const struct path_end *from,
    const struct path_end *to, const struct path_opts *opts, time_t now,
    struct path_result *out, struct kith_err *err)
{
	struct search	 s;
	struct path_end	 me_end;
	struct db_read	 snap;
	enum kith_status st;
	size_t		 i, want;
	int		 u;

	memset(out, 0, sizeof *out);
	memset(&s, 0, sizeof s);
	s.db = db;
	s.now = now;
	s.goal = -1;
	date_from_time(now, s.today);
	s.word = deal_word(db);
	s.depth = opts != NULL && opts->depth > 0 ? opts->depth :
	    PATH_DEPTH_DEFAULT;
	if (s.depth > PATH_DEPTH_MAX)
		s.depth = PATH_DEPTH_MAX;
	s.max_visited = opts != NULL && opts->max_visited > 0 ?
	    opts->max_visited : PATH_VISITED_DEFAULT;
	want = opts != NULL && opts->max_chains > 0 &&
	    opts->max_chains < PATH_CHAINS_MAX ? opts->max_chains :
	    PATH_CHAINS_MAX;
	out->depth = s.depth;
	if ((st = path_me(db, &s.me, err)) != KITH_OK)
		return st;
	if (from == NULL) {
		if (s.me == 0)
			return kith_err_set(err, KITH_NOTFOUND, "who are you? "
			    "No 'me' contact is set: kith me ID|QUERY sets it, "
			    "or name where to start: kith path FROM TO");
		me_end.id = s.me;
		me_end.org = 0;
		from = &me_end;
	}
	if (from->id == to->id && from->org == to->org)
		return kith_err_set(err, KITH_INVALID, "a path from somebody to "
		    "themselves: name two different ends");
	/* Thousands of small reads: one snapshot, locks taken once. */
	if ((st = db_read_begin(db, &snap, 0, err)) != KITH_OK)
		return st;
	s.goal_key = from->id << 1 | (from->org ? 1 : 0);
	s.me_goal = s.me != 0 && s.goal_key == s.me << 1;
	if ((st = ball_make(&s, err)) != KITH_OK)
		goto out;
	node_add(&s, to->id << 1 | (to->org ? 1 : 0), 0);
	for (i = 0; i < s.n && !s.limited; i++) {
		u = (int)i;
		if (s.nodes[u].dist >= s.depth)
			break;
		if (s.goal >= 0 && s.nodes[u].dist >= s.nodes[s.goal].dist)
			break;
		if (u == s.goal)
			continue;
		if ((st = expand(&s, u, err)) != KITH_OK)
			goto out;
	}
	out->visited = s.n;
	out->limited = s.goal < 0 && s.limited;
	if (s.goal < 0)
		goto out;
	if ((st = best(&s, s.goal, err)) != KITH_OK)
		goto out;
	out->chains = xcalloc((size_t)s.nodes[s.goal].nparts,
	    sizeof *out->chains);
	for (i = 0; i < (size_t)s.nodes[s.goal].nparts && i < want; i++) {
		if ((st = fill(&s, &s.nodes[s.goal].parts[i],
		    &out->chains[i], err)) != KITH_OK)
			goto out;
		out->n++;
	}
out:
	db_read_end(db, &snap);
	search_free(&s);
	if (st != KITH_OK)
		path_result_free(out);
	return st;
}

char *
path_chain_text(const struct path_chain *c, int you)
{
	struct sbuf	b = { 0 };
	size_t		i;

	for (i = 0; i < c->n; i++) {
		sbuf_printf(&b, "%s%s", i > 0 ? " → " : "", i == 0 && you ?
		    "you" : c->hops[i].name);
		if (c->hops[i].how != NULL)
			sbuf_printf(&b, " (%s)", c->hops[i].how);
	}
	return sbuf_detach(&b);
}

void
path_result_free(struct path_result *r)
{
	size_t	i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->n; i++) {
		for (j = 0; j < r->chains[i].n; j++) {
			free(r->chains[i].hops[j].name);
			free(r->chains[i].hops[j].how);
		}
		free(r->chains[i].hops);
	}
	free(r->chains);
	r->chains = NULL;
	r->n = 0;
}
