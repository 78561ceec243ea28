/* SPDX-License-Identifier: MIT */
/*
 * The loose name matcher (match.h).
 *
 * Names are folded (text.h), split into words and compared word by word.
 * For people the first word is the given name and the last the family
 * name; words between are middle names, compared only when both names
 * have one.  The given name may match exactly, by transliteration key, as
 * a nickname or as an initial; the family name exactly, by key or by
 * sound; the weakest word gives the rule.  The reversed order ("Smith
 * John", or "Smith, John" before folding) is tried as well.
 *
 * The nickname table is a sorted array of (key, group) pairs: two words
 * are nicknames of each other when their keys share a group.  Keys rather
 * than folded words, so that "Aleksandr" and "Alexander" need one entry.
 *
 * match_find() gets its candidates from indexes only: for people, the
 * search index (contact_fts), whose name column holds the folded name and
 * aliases and whose keys column the transliteration key of each of those
 * words and the sounds-alike key of the family name ("0" + key); for
 * organisations, the match_key columns of org and org_alias.  Every
 * candidate is then compared in C.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/db.h"
#include "kith/match.h"
#include "kith/text.h"
#include "kith/util.h"
#include "internal.h"

extern const char kith_nicknames_txt[];

#define FIND_CANDS	5000	/* most candidates match_find compares */
#define MAX_WORDS	16	/* words of a name compared */

struct nick {
	char		*key;		/* match_key of a name */
	int		 group;		/* its line */
};

struct match {
	struct kith_text *text;		/* borrowed */
	struct nick	*nicks;		/* sorted by key, then group */
	size_t		 n_nicks;
	int		 n_groups;
};

/* A folded name split into words (pointers into buf). */
struct words {
	char		*buf;
	char		*w[MAX_WORDS];
	size_t		 n;
};

/* The roles of a word in a person's name. */
enum role {
	ROLE_GIVEN,
	ROLE_MIDDLE,
	ROLE_FAMILY,
	ROLE_SINGLE		/* a one-word name against another */
};

static enum kith_status	load_text(struct match *, const char *,
			    const char *, struct kith_err *);
static int		nick_cmp(const void *, const void *);
static int		nicknames(const struct match *, const char *,
			    const char *);
static void		words_split(struct words *, const char *);
static void		words_free(struct words *);
static int		is_vowel(int);
static int		is_title(const char *);
static enum match_rule	word_rule(const struct match *, const char *,
			    const char *, enum role);
static enum match_rule	weaker(enum match_rule, enum match_rule);
static enum match_rule	person_rule(const struct match *,
			    const struct words *, const struct words *);
static void		person(const struct match *, const char *,
			    const char *, struct match_result *);
static void		org_key_folded(const char *, struct sbuf *);
static void		set_result(struct match_result *, enum match_rule,
			    int, int);
static char		*comma_order(const char *);
static void		add_variant(char ***, size_t *, const char *);
static int		hit_cmp(const void *, const void *);
static char		*amp_and(const char *);
static enum kith_status	read_file(const char *, char **, size_t *,
			    struct kith_err *);
static size_t		nick_first(const struct match *, const char *);
static void		words_strip(struct words *);
static void		hit_add(struct match_hit **, size_t *, int64_t,
			    const char *, const char *,
			    const struct match_result *);
static void		as_alias(struct match_result *);
static enum kith_status	find_people(struct kith_db *, struct match *,
			    const char *, struct match_hit **, size_t *,
			    struct kith_err *);
static enum kith_status	find_orgs(struct kith_db *, struct match *,
			    const char *, struct match_hit **, size_t *,
			    struct kith_err *);

struct match *
match_new(struct kith_text *text)
{
	struct match	*m;

	m = xcalloc(1, sizeof *m);
	m->text = text;
	/* The built-in table is plain ASCII: it cannot fail. */
	(void)load_text(m, kith_nicknames_txt, "data/nicknames.txt", NULL);
	return m;
}

void
match_free(struct match *m)
{
	size_t	i;

	if (m == NULL)
		return;
	for (i = 0; i < m->n_nicks; i++)
		free(m->nicks[i].key);
	free(m->nicks);
	free(m);
}

static int
nick_cmp(const void *a, const void *b)
{
	const struct nick *x = a, *y = b;
	int	c = strcmp(x->key, y->key);

	if (c != 0)
		return c;
	return (x->group > y->group) - (x->group < y->group);
}

/* Adds the groups of text (the contents of the file named where). */
static enum kith_status
load_text(struct match *m, const char *text, const char *where,
    struct kith_err *err)
{
	enum kith_status	 st = KITH_OK;
	const char		*p = text, *eol;
	char			*line, *fold, *w, *save, *hash;
	size_t			 lineno = 0, before;

	while (*p != '\0') {
		lineno++;
		eol = strchr(p, '\n');
		line = eol != NULL ? xstrndup(p, (size_t)(eol - p)) :
		    xstrdup(p);
		p = eol != NULL ? eol + 1 : p + strlen(p);
		if ((hash = strchr(line, '#')) != NULL)
			*hash = '\0';
		/* Commas and spaces separate names: folding makes them one. */
		if ((st = text_fold(m->text, line, &fold, err)) != KITH_OK) {
			free(line);
			return kith_err_set(err, st, "%s, line %zu: %s", where,
			    lineno, err != NULL ? err->msg : "cannot read");
		}
		free(line);
		before = m->n_nicks;
		save = NULL;
		for (w = strtok_r(fold, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save)) {
			m->nicks = xreallocarray(m->nicks, m->n_nicks + 1,
			    sizeof *m->nicks);
			m->nicks[m->n_nicks].key = match_key(w);
			m->nicks[m->n_nicks].group = m->n_groups;
			m->n_nicks++;
		}
		free(fold);
		if (m->n_nicks > before)
			m->n_groups++;
	}
	if (m->n_nicks > 1)
		qsort(m->nicks, m->n_nicks, sizeof *m->nicks, nick_cmp);
	return st;
}

enum kith_status
match_load_file(struct match *m, const char *path, struct kith_err *err)
{
	enum kith_status	 st;
	char			*text = NULL;
	size_t			 len, bad;

	if ((st = read_file(path, &text, &len, err)) != KITH_OK)
		return st;
	if (!text_valid_utf8(text, len, &bad)) {
		free(text);
		return kith_err_set(err, KITH_INVALID, "%s: not UTF-8 (byte "
		    "%zu)", path, bad);
	}
	st = load_text(m, text, path, err);
	free(text);
	return st;
}

/* Reads the whole file at path into *text (caller frees). */
static enum kith_status
read_file(const char *path, char **text, size_t *len, struct kith_err *err)
{
	struct sbuf	 sb = { 0 };
	FILE		*fp;
	char		 buf[4096];
	size_t		 got;
	int		 bad;

	*text = NULL;
	*len = 0;
	if ((fp = fopen(path, "rb")) == NULL)
		return kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
	while ((got = fread(buf, 1, sizeof buf, fp)) > 0)
		sbuf_addn(&sb, buf, got);
	bad = ferror(fp);
	fclose(fp);
	if (bad) {
		sbuf_free(&sb);
		return kith_err_set(err, KITH_IO, "%s: cannot read it", path);
	}
	*len = sb.len;
	*text = sbuf_detach(&sb);
	return KITH_OK;
}

/* s with each "&" read as " and " (caller frees); NULL is "". */
static char *
amp_and(const char *s)
{
	struct sbuf	sb = { 0 };

	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '&')
			sbuf_add(&sb, " and ");
		else
			sbuf_addc(&sb, *s);
	}
	return sbuf_detach(&sb);
}

/* The first entry of key in the table, or n_nicks. */
static size_t
nick_first(const struct match *m, const char *key)
{
	size_t	lo = 0, hi = m->n_nicks, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (strcmp(m->nicks[mid].key, key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* 1 if the keys a and b share a nickname group. */
static int
nicknames(const struct match *m, const char *a, const char *b)
{
	size_t	i, j, i0, j0;

	i0 = nick_first(m, a);
	j0 = nick_first(m, b);
	for (i = i0; i < m->n_nicks && strcmp(m->nicks[i].key, a) == 0; i++)
		for (j = j0; j < m->n_nicks &&
		    strcmp(m->nicks[j].key, b) == 0; j++)
			if (m->nicks[i].group == m->nicks[j].group)
				return 1;
	return 0;
}

void
match_word_alternatives(struct match *m, const char *word, char ***out,
    size_t *n)
{
	size_t	i, j;
	char	*key = match_key(word);

	*out = NULL;
	*n = 0;
	add_variant(out, n, key);
	for (i = nick_first(m, key); i < m->n_nicks &&
	    strcmp(m->nicks[i].key, key) == 0; i++)
		for (j = 0; j < m->n_nicks; j++)
			if (m->nicks[j].group == m->nicks[i].group)
				add_variant(out, n, m->nicks[j].key);
	free(key);
}

const char *
match_rule_name(enum match_rule r)
{
	switch (r) {
	case MATCH_EXACT:	return "exact";
	case MATCH_ALIAS:	return "alias";
	case MATCH_TRANSLIT:	return "transliteration";
	case MATCH_SUFFIX:	return "suffix";
	case MATCH_NICKNAME:	return "nickname";
	case MATCH_INITIALS:	return "initials";
	case MATCH_SOUNDS:	return "sounds-alike";
	default:		return "none";
	}
}

int
match_rule_grade(enum match_rule r)
{
	switch (r) {
	case MATCH_EXACT:	return 100;
	case MATCH_ALIAS:	return 95;
	case MATCH_TRANSLIT:
	case MATCH_SUFFIX:	return 90;
	case MATCH_NICKNAME:	return 80;
	case MATCH_INITIALS:	return 70;
	case MATCH_SOUNDS:	return 50;
	default:		return 0;
	}
}

static int
is_vowel(int c)
{
	return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
}

char *
match_key(const char *word)
{
	static const struct {
		const char	*from, *to;
	} sub[] = {
		{ "tch", "c" }, { "sch", "s" }, { "sh", "s" }, { "zh", "z" },
		{ "ch", "c" }, { "kh", "h" }, { "ph", "f" }, { "ts", "c" },
		{ "dj", "d" }, { "ck", "k" }, { "x", "ks" }, { "w", "v" },
	};
	struct sbuf	 a = { 0 }, b = { 0 };
	const char	*p;
	size_t		 i, k, len;
	int		 c, prev, next;

	if (word == NULL)
		word = "";
	/* 1. Letter groups written differently by each convention. */
	for (p = word; *p != '\0';) {
		for (k = 0; k < sizeof sub / sizeof sub[0]; k++) {
			if (*p != sub[k].from[0])
				continue;	/* most letters start none */
			len = strlen(sub[k].from);
			if (strncmp(p, sub[k].from, len) == 0)
				break;
		}
		if (k < sizeof sub / sizeof sub[0]) {
			sbuf_add(&a, sub[k].to);
			p += strlen(sub[k].from);
		} else
			sbuf_addc(&a, *p++);
	}
	/* 2. "j" and "y" as vowels or glides are "i". */
	for (i = 0; i < a.len; i++) {
		c = a.s[i];
		prev = i > 0 ? b.s[b.len - 1] : 0;
		next = i + 1 < a.len ? a.s[i + 1] : 0;
		if ((c == 'j' || c == 'y') && (is_vowel(prev) ||
		    is_vowel(next) || (c == 'y' && next == 0 && i > 0)))
			c = 'i';
		if (c == 'i' && prev == 'i')
			continue;		/* "ii" is "i" */
		sbuf_addc(&b, (char)c);
	}
	sbuf_free(&a);
	/* 3. A leading "ie" is "e" (Yelena, Elena); a doubled end single. */
	if (b.len > 2 && b.s[0] == 'i' && b.s[1] == 'e') {
		memmove(b.s, b.s + 1, b.len);
		b.len--;
	}
	if (b.len > 2 && b.s[b.len - 1] == b.s[b.len - 2])
		b.s[--b.len] = '\0';
	return sbuf_detach(&b);
}

char *
match_sound(const char *word)
{
	struct sbuf	 sb = { 0 };
	char		*key;
	size_t		 i, len;
	int		 c, last = 0;

	if (word == NULL || strlen(word) < 3)
		return xstrdup("");
	key = match_key(word);
	len = strlen(key);
	for (i = 0; i < len; i++) {
		c = key[i];
		switch (c) {
		case 'k': case 'q': c = 'c'; break;
		case 'z': c = 's'; break;
		case 'v': c = 'f'; break;
		case 'd': c = 't'; break;
		case 'b': c = 'p'; break;
		default: break;
		}
		if (i > 0 && (is_vowel(c) || c == 'y' || c == 'h' ||
		    c == 'w')) {
			if (i + 1 == len && is_vowel(c))
				sbuf_addc(&sb, 'a');
			continue;
		}
		if (c == last)
			continue;
		sbuf_addc(&sb, (char)c);
		last = c;
	}
	free(key);
	return sbuf_detach(&sb);
}

/* Titles and suffixes that are no part of the name compared. */
static int
is_title(const char *w)
{
	static const char *const titles[] = { "mr", "mrs", "ms", "miss", "dr",
	    "prof", "sir", "jr", "sr", "ii", "iii", "iv", "phd", "md",
	    "esq", "mba" };
	size_t	i;

	for (i = 0; i < sizeof titles / sizeof titles[0]; i++)
		if (strcmp(w, titles[i]) == 0)
			return 1;
	return 0;
}

static void
words_split(struct words *ws, const char *fold)
{
	char	*w, *save = NULL;

	ws->buf = xstrdup(fold != NULL ? fold : "");
	ws->n = 0;
	for (w = strtok_r(ws->buf, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save))
		if (ws->n < MAX_WORDS)
			ws->w[ws->n++] = w;
}

static void
words_free(struct words *ws)
{
	free(ws->buf);
}

static enum match_rule
weaker(enum match_rule a, enum match_rule b)
{
	return a < b ? a : b;
}

/* How the folded words a and b, in the role role, match. */
static enum match_rule
word_rule(const struct match *m, const char *a, const char *b, enum role role)
{
	enum match_rule	 r = MATCH_NONE;
	char		*ka, *kb, *sa, *sb;
	size_t		 la = strlen(a), lb = strlen(b);

	if (strcmp(a, b) == 0)
		return MATCH_EXACT;
	if ((role == ROLE_GIVEN || role == ROLE_MIDDLE) &&
	    ((la == 1 && lb > 1) || (lb == 1 && la > 1)))
		return a[0] == b[0] ? MATCH_INITIALS : MATCH_NONE;
	if (la == 1 || lb == 1)
		return MATCH_NONE;
	ka = match_key(a);
	kb = match_key(b);
	if (strcmp(ka, kb) == 0)
		r = MATCH_TRANSLIT;
	else if ((role == ROLE_GIVEN || role == ROLE_SINGLE) &&
	    nicknames(m, ka, kb))
		r = MATCH_NICKNAME;
	else if (role == ROLE_FAMILY || (role == ROLE_SINGLE && la >= 4 &&
	    lb >= 4)) {
		sa = match_sound(a);
		sb = match_sound(b);
		if (strlen(sa) >= 2 && strcmp(sa, sb) == 0)
			r = MATCH_SOUNDS;
		free(sa);
		free(sb);
	}
	free(ka);
	free(kb);
	return r;
}

/* Two names of two words or more: given, middle and family names. */
static enum match_rule
person_rule(const struct match *m, const struct words *a,
    const struct words *b)
{
	enum match_rule	r;

	r = word_rule(m, a->w[0], b->w[0], ROLE_GIVEN);
	if (r != MATCH_NONE)
		r = weaker(r, word_rule(m, a->w[a->n - 1], b->w[b->n - 1],
		    ROLE_FAMILY));
	if (r != MATCH_NONE && a->n > 2 && b->n > 2)
		r = weaker(r, word_rule(m, a->w[1], b->w[1], ROLE_MIDDLE));
	return r;
}

static void
set_result(struct match_result *res, enum match_rule r, int reordered,
    int partial)
{
	memset(res, 0, sizeof *res);
	if (r == MATCH_NONE)
		return;
	res->rule = r;
	res->grade = match_rule_grade(r) - (reordered ? 5 : 0) -
	    (partial ? 20 : 0);
	res->reordered = reordered;
	res->partial = partial;
}

/* Drops titles and suffixes; keeps the name if nothing else is left. */
static void
words_strip(struct words *ws)
{
	size_t	i, k = 0;

	for (i = 0; i < ws->n; i++)
		if (!is_title(ws->w[i]))
			k++;
	if (k == 0)
		return;
	for (i = k = 0; i < ws->n; i++)
		if (!is_title(ws->w[i]))
			ws->w[k++] = ws->w[i];
	ws->n = k;
}

static void
person(const struct match *m, const char *fa, const char *fb,
    struct match_result *res)
{
	struct words	 a, b, rot;
	enum match_rule	 r, best = MATCH_NONE, rr;
	size_t		 i;
	int		 reordered = 0, partial = 0;

	memset(res, 0, sizeof *res);
	words_split(&a, fa);
	words_split(&b, fb);
	words_strip(&a);
	words_strip(&b);
	if (a.n == 0 || b.n == 0)
		goto out;
	if (a.n == b.n) {
		for (i = 0; i < a.n && strcmp(a.w[i], b.w[i]) == 0; i++)
			;
		if (i == a.n) {
			set_result(res, MATCH_EXACT, 0, 0);
			goto out;
		}
	}
	if (a.n == 1 && b.n == 1)
		best = word_rule(m, a.w[0], b.w[0], ROLE_SINGLE);
	else if (a.n == 1 || b.n == 1) {
		/* One word against a name: any of its words. */
		const struct words *one = a.n == 1 ? &a : &b;
		const struct words *many = a.n == 1 ? &b : &a;

		for (i = 0; i < many->n; i++) {
			r = word_rule(m, one->w[0], many->w[i], i + 1 ==
			    many->n ? ROLE_FAMILY : ROLE_SINGLE);
			if (r == MATCH_INITIALS)
				r = MATCH_NONE;
			if (r > best)
				best = r;
		}
		partial = 1;
	} else {
		best = person_rule(m, &a, &b);
		/* "Smith John" against "John Smith": the family name first. */
		rot = b;
		rot.w[0] = b.w[b.n - 1];
		for (i = 1; i < b.n; i++)
			rot.w[i] = b.w[i - 1];
		rr = person_rule(m, &a, &rot);
		if (rr > best) {
			best = rr;
			reordered = 1;
		}
	}
	set_result(res, best, reordered, partial);
out:
	words_free(&a);
	words_free(&b);
}

/*
 * "Smith, John" as "John Smith": the part after the first comma first,
 * unless it is only a suffix ("John Smith, Jr.").  Caller frees; NULL if
 * s has no comma to act on.
 */
static char *
comma_order(const char *s)
{
	const char	*comma;
	char		*after, *t, *e;

	if (s == NULL || (comma = strchr(s, ',')) == NULL)
		return NULL;
	after = xstrdup(comma + 1);
	for (t = after; *t == ' ' || *t == '.'; t++)
		;
	for (e = t + strlen(t); e > t && (e[-1] == ' ' || e[-1] == '.');)
		*--e = '\0';
	if (*t == '\0' || strchr(t, ',') != NULL) {
		free(after);
		return NULL;
	}
	{
		char *low = xstrdup(t), *q;
		int title;

		for (q = low; *q != '\0'; q++)
			if (*q >= 'A' && *q <= 'Z')
				*q = (char)(*q - 'A' + 'a');
		title = is_title(low);
		free(low);
		if (title) {
			free(after);
			return xstrndup(s, (size_t)(comma - s));
		}
	}
	t = xasprintf("%s %.*s", t, (int)(comma - s), s);
	free(after);
	return t;
}

void
match_folded(struct match *m, const char *a, const char *b,
    enum match_kind kind, struct match_result *res)
{
	struct sbuf	ka = { 0 }, kb = { 0 };

	memset(res, 0, sizeof *res);
	if (a == NULL || b == NULL || *a == '\0' || *b == '\0')
		return;
	if (kind == MATCH_PERSON) {
		person(m, a, b, res);
		return;
	}
	if (strcmp(a, b) == 0) {
		set_result(res, MATCH_EXACT, 0, 0);
		return;
	}
	org_key_folded(a, &ka);
	org_key_folded(b, &kb);
	/* Equal keys: equal but for suffixes, punctuation or spelling. */
	if (ka.len > 0 && strcmp(ka.s, kb.s) == 0)
		set_result(res, MATCH_SUFFIX, 0, 0);
	sbuf_free(&ka);
	sbuf_free(&kb);
}

enum kith_status
match_names(struct match *m, const char *a, const char *b,
    enum match_kind kind, struct match_result *res, struct kith_err *err)
{
	enum kith_status	 st;
	struct match_result	 r2;
	char			*fa = NULL, *fb = NULL, *ca = NULL, *cb = NULL;

	memset(res, 0, sizeof *res);
	if (kind == MATCH_ORG) {
		char *xa, *xb;

		/* "&" is "and" before folding makes it a space. */
		xa = amp_and(a);
		xb = amp_and(b);
		if ((st = text_fold(m->text, xa, &fa, err)) == KITH_OK)
			st = text_fold(m->text, xb, &fb, err);
		free(xa);
		free(xb);
		if (st == KITH_OK)
			match_folded(m, fa, fb, kind, res);
		goto out;
	}
	ca = comma_order(a);
	cb = comma_order(b);
	if ((st = text_fold(m->text, ca != NULL ? ca : a, &fa, err)) !=
	    KITH_OK || (st = text_fold(m->text, cb != NULL ? cb : b, &fb,
	    err)) != KITH_OK)
		goto out;
	match_folded(m, fa, fb, kind, res);
	if ((ca != NULL) != (cb != NULL) && res->rule != MATCH_NONE) {
		/* The comma form is another order. */
		res->reordered = 1;
		res->grade = match_rule_grade(res->rule) - 5 -
		    (res->partial ? 20 : 0);
		if (res->rule == MATCH_EXACT) {
			/* Unless written the same way with the comma. */
			free(fa);
			free(fb);
			fa = fb = NULL;
			if ((st = text_fold(m->text, a, &fa, err)) == KITH_OK &&
			    (st = text_fold(m->text, b, &fb, err)) == KITH_OK) {
				match_folded(m, fa, fb, kind, &r2);
				if (r2.rule == MATCH_EXACT && !r2.reordered)
					*res = r2;
			}
		}
	}
out:
	free(ca);
	free(cb);
	free(fa);
	free(fb);
	return st;
}

/*
 * The organisation key of folded text: "and" for "&" is the caller's;
 * drops a leading "the" and legal suffixes at the end, keys each word.
 */
static void
org_key_folded(const char *fold, struct sbuf *out)
{
	static const char *const suffixes[] = {
		"inc", "incorporated", "corp", "corporation", "co", "company",
		"ltd", "limited", "llc", "l l c", "llp", "l l p", "lp",
		"gmbh", "d o o", "doo", "ooo", "s a", "sa", "ag", "plc",
		"bv", "b v", "nv", "n v", "srl", "s r l", "spa", "s p a",
		"pty", "oy", "ab", "kg", "se", "sas", "sarl", "ad", "dd",
	};
	struct words	 ws;
	size_t		 i, k, n, end, sw, j;
	char		*key;
	int		 found;

	sbuf_reset(out);
	words_split(&ws, fold);
	k = 0;
	if (ws.n > 1 && strcmp(ws.w[0], "the") == 0)
		k = 1;
	end = ws.n;
	do {
		found = 0;
		for (i = 0; i < sizeof suffixes / sizeof suffixes[0] &&
		    !found; i++) {
			/* The suffix's words, counted by its spaces. */
			for (sw = 1, j = 0; suffixes[i][j] != '\0'; j++)
				sw += suffixes[i][j] == ' ';
			if (end < k + sw + 1)
				continue;
			{
				struct sbuf tail = { 0 };

				for (j = end - sw; j < end; j++) {
					if (j > end - sw)
						sbuf_addc(&tail, ' ');
					sbuf_add(&tail, ws.w[j]);
				}
				if (strcmp(tail.s, suffixes[i]) == 0) {
					end -= sw;
					found = 1;
				}
				sbuf_free(&tail);
			}
		}
	} while (found);
	for (n = k; n < end; n++) {
		if (n > k)
			sbuf_addc(out, ' ');
		key = match_key(ws.w[n]);
		sbuf_add(out, key);
		free(key);
	}
	if (out->s == NULL)
		sbuf_add(out, "");
	words_free(&ws);
}

enum kith_status
match_org_key(struct match *m, const char *name, char **out,
    struct kith_err *err)
{
	enum kith_status	 st;
	struct sbuf		 sb = { 0 };
	char			*x, *fold;

	*out = NULL;
	x = amp_and(name);
	st = text_fold(m->text, x, &fold, err);
	free(x);
	if (st != KITH_OK)
		return st;
	org_key_folded(fold, &sb);
	free(fold);
	*out = sbuf_detach(&sb);
	return KITH_OK;
}

static void
add_variant(char ***v, size_t *n, const char *s)
{
	size_t	i;

	if (s == NULL || *s == '\0')
		return;
	for (i = 0; i < *n; i++)
		if (strcmp((*v)[i], s) == 0)
			return;
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[(*n)++] = xstrdup(s);
}

void
match_variants_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

enum kith_status
match_variants(struct match *m, const char *name, enum match_kind kind,
    char ***out, size_t *n, struct kith_err *err)
{
	enum kith_status	 st;
	struct words		 ws;
	struct sbuf		 sb = { 0 };
	char			*fold = NULL, *alt, *key, **nicks;
	size_t			 i, j, n_nicks;

	*out = NULL;
	*n = 0;
	if (kind == MATCH_ORG) {
		if ((st = text_fold(m->text, name, &fold, err)) != KITH_OK)
			return st;
		add_variant(out, n, fold);
		free(fold);
		if ((st = match_org_key(m, name, &key, err)) != KITH_OK) {
			match_variants_free(*out, *n);
			*out = NULL;
			*n = 0;
			return st;
		}
		add_variant(out, n, key);
		free(key);
		return KITH_OK;
	}
	alt = comma_order(name);
	st = text_fold(m->text, alt != NULL ? alt : name, &fold, err);
	free(alt);
	if (st != KITH_OK)
		return st;
	add_variant(out, n, fold);
	words_split(&ws, fold);
	if (ws.n > 1) {
		/* The family name first. */
		sbuf_add(&sb, ws.w[ws.n - 1]);
		for (i = 0; i + 1 < ws.n; i++)
			sbuf_printf(&sb, " %s", ws.w[i]);
		add_variant(out, n, sb.s);
		sbuf_reset(&sb);
	}
	/* Every word by its key. */
	for (i = 0; i < ws.n; i++) {
		key = match_key(ws.w[i]);
		sbuf_printf(&sb, "%s%s", i ? " " : "", key);
		free(key);
	}
	add_variant(out, n, sb.s);
	/* The first word's nicknames. */
	if (ws.n > 0) {
		match_word_alternatives(m, ws.w[0], &nicks, &n_nicks);
		for (j = 1; j < n_nicks; j++) {
			sbuf_reset(&sb);
			sbuf_add(&sb, nicks[j]);
			for (i = 1; i < ws.n; i++)
				sbuf_printf(&sb, " %s", ws.w[i]);
			add_variant(out, n, sb.s);
		}
		match_variants_free(nicks, n_nicks);
	}
	sbuf_free(&sb);
	words_free(&ws);
	free(fold);
	return KITH_OK;
}

void
match_hits_free(struct match_hit *h, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		free(h[i].name);
		free(h[i].via);
	}
	free(h);
}

static int
hit_cmp(const void *a, const void *b)
{
	const struct match_hit *x = a, *y = b;

	if (x->res.grade != y->res.grade)
		return x->res.grade > y->res.grade ? -1 : 1;
	return (x->id > y->id) - (x->id < y->id);
}

/* Keeps the better of a hit already found for id and res. */
static void
hit_add(struct match_hit **v, size_t *n, int64_t id, const char *name,
    const char *via, const struct match_result *res)
{
	size_t	i;

	if (res->rule == MATCH_NONE)
		return;
	for (i = 0; i < *n; i++)
		if ((*v)[i].id == id)
			break;
	if (i < *n) {
		if ((*v)[i].res.grade >= res->grade)
			return;
		free((*v)[i].via);
		(*v)[i].via = via != NULL ? xstrdup(via) : NULL;
		(*v)[i].res = *res;
		return;
	}
	*v = xreallocarray(*v, *n + 1, sizeof **v);
	(*v)[*n].id = id;
	(*v)[*n].name = xstrdup(name != NULL ? name : "");
	(*v)[*n].via = via != NULL ? xstrdup(via) : NULL;
	(*v)[*n].res = *res;
	(*n)++;
}

/*
 * A match with a stored alias is an ALIAS hit, graded no higher than
 * ALIAS and no higher than the rule that matched the alias.
 */
static void
as_alias(struct match_result *r)
{
	if (r->rule == MATCH_NONE)
		return;
	r->rule = MATCH_ALIAS;
	if (r->grade > match_rule_grade(MATCH_ALIAS))
		r->grade = match_rule_grade(MATCH_ALIAS);
}

/*
 * People: candidates from the search index (contact_fts, see the top),
 * compared in C with their names and aliases.
 */
static enum kith_status
find_people(struct kith_db *db, struct match *m, const char *fold,
    struct match_hit **v, size_t *n, struct kith_err *err)
{
	static const char *const sql[] = {
		"SELECT c.id, c.display, c.name_fold, NULL FROM contact c "
		    "WHERE c.id IN (SELECT rowid FROM contact_fts WHERE "
		    "contact_fts MATCH ?1 LIMIT ?2)",
		"SELECT c.id, c.display, a.name_fold, a.name FROM "
		    "contact_alias a JOIN contact c ON c.id = a.contact_id "
		    "WHERE a.contact_id IN (SELECT rowid FROM contact_fts "
		    "WHERE contact_fts MATCH ?1 LIMIT ?2)",
	};
	struct words	 ws;
	struct sbuf	 q = { 0 };
	sqlite3_stmt	*stmt;
	struct match_result res;
	enum kith_status st = KITH_OK;
	const char	*longest = NULL, *via;
	char		**alts = NULL, *sound;
	size_t		 i, n_alts = 0;
	int		 rc = SQLITE_DONE;

	words_split(&ws, fold);
	words_strip(&ws);
	for (i = 0; i < ws.n; i++)
		if (longest == NULL || strlen(ws.w[i]) > strlen(longest))
			longest = ws.w[i];
	if (longest == NULL)
		goto out;
	/* The word itself, its keys and nicknames, its sound. */
	match_word_alternatives(m, longest, &alts, &n_alts);
	sbuf_printf(&q, "name : \"%s\"", longest);
	for (i = 0; i < n_alts; i++)
		sbuf_printf(&q, " OR keys : \"%s\"", alts[i]);
	sound = match_sound(longest);
	if (strlen(sound) >= 2)
		sbuf_printf(&q, " OR keys : \"0%s\"", sound);
	free(sound);
	for (i = 0; i < 2 && rc == SQLITE_DONE; i++) {
		if ((stmt = db_stmt(db, sql[i], err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, q.s, -1, SQLITE_STATIC);
		sqlite3_bind_int(stmt, 2, FIND_CANDS);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			via = (const char *)sqlite3_column_text(stmt, 3);
			match_folded(m, fold, (const char *)
			    sqlite3_column_text(stmt, 2), MATCH_PERSON, &res);
			if (via != NULL)
				as_alias(&res);
			hit_add(v, n, sqlite3_column_int64(stmt, 0),
			    (const char *)sqlite3_column_text(stmt, 1), via,
			    &res);
		}
		sqlite3_reset(stmt);
	}
	if (rc != SQLITE_DONE)
		st = db_fail(db, err, "matching names");
out:
	match_variants_free(alts, n_alts);
	sbuf_free(&q);
	words_free(&ws);
	return st;
}

/* Organisations: the same key in org or org_alias (their indexes). */
static enum kith_status
find_orgs(struct kith_db *db, struct match *m, const char *name,
    struct match_hit **v, size_t *n, struct kith_err *err)
{
	static const char *const sql[] = {
		"SELECT o.id, o.name, o.name_fold, NULL FROM org o "
		    "WHERE o.match_key = ?1 OR o.name_fold = ?2",
		"SELECT o.id, o.name, a.name_fold, a.name FROM org_alias a "
		    "JOIN org o ON o.id = a.org_id "
		    "WHERE a.match_key = ?1 OR a.name_fold = ?2",
	};
	struct match_result res;
	sqlite3_stmt	*stmt;
	enum kith_status st;
	const char	*via;
	char		*key = NULL, *fold = NULL, *x;
	size_t		 i;
	int		 rc = SQLITE_DONE;

	if ((st = match_org_key(m, name, &key, err)) != KITH_OK)
		return st;
	x = amp_and(name);
	st = text_fold(m->text, x, &fold, err);
	free(x);
	if (st != KITH_OK)
		goto out;
	for (i = 0; i < 2 && rc == SQLITE_DONE; i++) {
		if ((stmt = db_stmt(db, sql[i], err)) == NULL) {
			st = KITH_DB;
			goto out;
		}
		sqlite3_bind_text(stmt, 1, key, -1, SQLITE_STATIC);
		sqlite3_bind_text(stmt, 2, fold, -1, SQLITE_STATIC);
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			via = (const char *)sqlite3_column_text(stmt, 3);
			match_folded(m, fold, (const char *)
			    sqlite3_column_text(stmt, 2), MATCH_ORG, &res);
			if (res.rule == MATCH_NONE)
				set_result(&res, MATCH_SUFFIX, 0, 0);
			if (via != NULL)
				as_alias(&res);
			hit_add(v, n, sqlite3_column_int64(stmt, 0),
			    (const char *)sqlite3_column_text(stmt, 1), via,
			    &res);
		}
		sqlite3_reset(stmt);
	}
	if (rc != SQLITE_DONE)
		st = db_fail(db, err, "matching organisation names");
out:
	free(key);
	free(fold);
	return st;
}

enum kith_status
match_find(struct kith_db *db, const char *name, enum match_kind kind,
    size_t max, struct match_hit **hits, size_t *n, struct kith_err *err)
{
	struct match		*m;
	struct match_hit	*v = NULL;
	enum kith_status	 st;
	char			*alt, *fold = NULL;
	size_t			 k = 0;

	*hits = NULL;
	*n = 0;
	if ((st = kith_db_match(db, &m, err)) != KITH_OK)
		return st;
	if (kind == MATCH_ORG)
		st = find_orgs(db, m, name, &v, &k, err);
	else {
		alt = comma_order(name);
		st = text_fold(m->text, alt != NULL ? alt : name, &fold, err);
		free(alt);
		if (st == KITH_OK)
			st = find_people(db, m, fold, &v, &k, err);
		free(fold);
	}
	if (st != KITH_OK) {
		match_hits_free(v, k);
		return st;
	}
	if (k > 1)
		qsort(v, k, sizeof *v, hit_cmp);
	while (k > max) {
		k--;
		free(v[k].name);
		free(v[k].via);
	}
	*hits = v;
	*n = k;
	return KITH_OK;
}

enum kith_status
kith_db_match(struct kith_db *db, struct match **out,
    struct kith_err *err)
{
	struct match		**slot = db_match_slot(db);
	enum kith_status	 st = KITH_OK;
	const char		*env;
	char			*path = NULL;

	if (*slot != NULL) {
		*out = *slot;
		return KITH_OK;
	}
	*out = NULL;
	*slot = match_new(kith_db_text(db));
	if (!str_empty(env = getenv("KITH_NICKNAMES")))
		path = xstrdup(env);
	else if (!str_empty(env = getenv("XDG_CONFIG_HOME")))
		path = xasprintf("%s/kith/nicknames.txt", env);
	else if (!str_empty(env = getenv("HOME")))
		path = xasprintf("%s/.config/kith/nicknames.txt", env);
	if (path != NULL && access(path, F_OK) == 0)
		st = match_load_file(*slot, path, err);
	free(path);
	if (st != KITH_OK) {
		match_free(*slot);
		*slot = NULL;
		return st;
	}
	*out = *slot;
	return KITH_OK;
}
