/* SPDX-License-Identifier: MIT */
/*
 * The words of a compiled query and the test in C of a contact's search
 * text against them (view_impl.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kith/match.h"
#include "kith/search.h"
#include "kith/text.h"
#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"
#include "view_impl.h"

static int		word_in(const unsigned char *, size_t, const char *,
			    size_t);
static int		alts_within(const struct view_query *, size_t,
			    const struct view_query *, size_t);
static int		alt_is(const struct view_query *, size_t, const char *,
			    size_t);
static int		alt_in(const struct view_query *, size_t,
			    const unsigned char *, size_t);
static int		str_in(char **, size_t, const char *);

/*
 * Folds query into words, each with the loose matcher's names for it
 * (match_word_alternatives, for a word of two letters or more, as
 * search_fts_query), and drops repeats and a word that prefixes another
 * whose names are all its own too (a word starting with "acme" starts with
 * "a" too, but "alexei" also finds Алексей, whose words do not start with
 * "alex").
 */
enum kith_status
vq_fold_words(struct view_query *q, const char *query, struct kith_err *err)
{
	enum kith_status	 st;
	struct match		*m;
	char			*words, *fold, *word, *save = NULL;
	size_t			 i, j, len;

	q->in_fts = xcalloc(1, 1);
	q->deal = (search_query_split(query, &words) & SEARCH_IN_DEAL) != 0;
	if (words == NULL)
		return KITH_OK;
	st = text_fold(kith_db_text(q->db), words, &fold, err);
	free(words);
	if (st != KITH_OK)
		return st;
	if ((st = kith_db_match(q->db, &m, err)) != KITH_OK) {
		free(fold);
		return st;
	}
	for (word = strtok_r(fold, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save)) {
		q->words = xreallocarray(q->words, q->n_words + 1,
		    sizeof *q->words);
		q->alts = xreallocarray(q->alts, q->n_words + 1,
		    sizeof *q->alts);
		q->n_alts = xreallocarray(q->n_alts, q->n_words + 1,
		    sizeof *q->n_alts);
		q->alts[q->n_words] = NULL;
		q->n_alts[q->n_words] = 0;
		if (strlen(word) > 1)
			match_word_alternatives(m, word, &q->alts[q->n_words],
			    &q->n_alts[q->n_words]);
		q->words[q->n_words++] = xstrdup(word);
	}
	free(fold);
	for (i = 0; i < q->n_words; i++) {
		len = strlen(q->words[i]);
		for (j = 0; j < q->n_words; j++) {
			if (j == i || strncmp(q->words[j], q->words[i], len) ||
			    !alts_within(q, j, q, i))
				continue;
			/* words[i] prefixes words[j]; of equals keep one. */
			if (strlen(q->words[j]) > len || j < i)
				break;
		}
		if (j < q->n_words) {
			free(q->words[i]);
			match_variants_free(q->alts[i], q->n_alts[i]);
			memmove(q->words + i, q->words + i + 1,
			    (q->n_words - i - 1) * sizeof *q->words);
			memmove(q->alts + i, q->alts + i + 1,
			    (q->n_words - i - 1) * sizeof *q->alts);
			memmove(q->n_alts + i, q->n_alts + i + 1,
			    (q->n_words - i - 1) * sizeof *q->n_alts);
			q->n_words--;
			i--;
		}
	}
	free(q->in_fts);
	q->in_fts = xcalloc(q->n_words + 1, 1);
	return KITH_OK;
}

/* Whether every name of a's word i is one of b's word j. */
static int
alts_within(const struct view_query *a, size_t i, const struct view_query *b,
    size_t j)
{
	size_t	k;

	for (k = 0; k < a->n_alts[i]; k++)
		if (!alt_is(b, j, a->alts[i][k], strlen(a->alts[i][k])))
			return 0;
	return 1;
}

/* Whether the len bytes at s are one of the names of q's word w. */
static int
alt_is(const struct view_query *q, size_t w, const char *s, size_t len)
{
	size_t	k;

	for (k = 0; k < q->n_alts[w]; k++)
		if (strlen(q->alts[w][k]) == len &&
		    memcmp(q->alts[w][k], s, len) == 0)
			return 1;
	return 0;
}

/* Whether a word of the len bytes at s is one of the names of q's word w. */
static int
alt_in(const struct view_query *q, size_t w, const unsigned char *s,
    size_t len)
{
	size_t	i, from;

	if (s == NULL || q->n_alts[w] == 0)
		return 0;
	for (i = 0; i < len;) {
		while (i < len && s[i] == ' ')
			i++;
		for (from = i; i < len && s[i] != ' '; i++)
			;
		if (i > from && alt_is(q, w, (const char *)s + from, i - from))
			return 1;
	}
	return 0;
}

/* Whether a word of the len bytes at s starts with w (wl bytes). */
static int
word_in(const unsigned char *s, size_t len, const char *w, size_t wl)
{
	size_t	i;

	for (i = 0; i + wl <= len; i++) {
		if (s[i] == ' ')
			continue;
		if (s[i] == (unsigned char)w[0] && memcmp(s + i, w, wl) == 0)
			return 1;
		while (i < len && s[i] != ' ')	/* to the word's end */
			i++;
	}
	return 0;
}

/*
 * Whether the n texts t (lengths tl, NULL for none) and the matcher's keys
 * (the kl bytes at keys; NULL for none) hold the words of q that which
 * names: TEST_ALL, TEST_C (those FTS5 does not test) or one word's index.
 * A word is held when a word of the texts starts with it, or a word of
 * the keys is one of its names (search_fts_query's rule).
 */
int
vq_words_match(const struct view_query *q, const unsigned char **t,
    const size_t *tl, size_t n, const unsigned char *keys, size_t kl,
    long which)
{
	size_t	i, w, wl;

	for (w = 0; w < q->n_words; w++) {
		if (which == TEST_C ? q->in_fts[w] == FTS_WORD :
		    which != TEST_ALL &&
		    (size_t)which != w)
			continue;
		wl = strlen(q->words[w]);
		for (i = 0; i < n; i++)
			if (t[i] != NULL && word_in(t[i], tl[i], q->words[w],
			    wl))
				break;
		if (i == n && !alt_in(q, w, keys, kl))
			return 0;
	}
	return 1;
}

/*
 * Whether the search text in columns col..col+5 of stmt, with the keys in
 * column col+6, holds the words of q that which names (vq_words_match).
 * No text (no index entry) matches nothing, as in FTS5.
 */
int
vq_text_matches(const struct view_query *q, sqlite3_stmt *stmt, int col,
    long which)
{
	const unsigned char	*t[N_TEXT];
	size_t			 tl[N_TEXT], i;
	int			 any = 0;

	for (i = 0; i < N_TEXT; i++) {
		t[i] = sqlite3_column_text(stmt, col + (int)i);
		tl[i] = (size_t)sqlite3_column_bytes(stmt, col + (int)i);
		any |= sqlite3_column_type(stmt, col + (int)i) != SQLITE_NULL;
	}
	return any && vq_words_match(q, t, tl, N_TEXT,
	    sqlite3_column_text(stmt, col + N_TEXT),
	    (size_t)sqlite3_column_bytes(stmt, col + N_TEXT), which);
}

/* Whether a word of the search text in columns col..col+5 of stmt starts
 * with the first wl bytes of w. */
int
vq_text_has(sqlite3_stmt *stmt, int col, const char *w, size_t wl)
{
	const unsigned char	*t;
	int			 i;

	for (i = col; i < col + N_TEXT; i++)
		if ((t = sqlite3_column_text(stmt, i)) != NULL &&
		    word_in(t, (size_t)sqlite3_column_bytes(stmt, i), w, wl))
			return 1;
	return 0;
}

/*
 * The search text in columns col..col+5 of stmt as one string, for a
 * head: joined by spaces, it holds the same words; then a tab and the
 * keys of column col+6 (folded text has no tab).  Caller frees.
 */
char *
vq_text_join(sqlite3_stmt *stmt, int col)
{
	struct sbuf	 sb = { 0 };
	const char	*t;
	int		 i;

	for (i = col; i < col + N_TEXT; i++) {
		if ((t = (const char *)sqlite3_column_text(stmt, i)) == NULL)
			continue;
		if (sb.len > 0)
			sbuf_addc(&sb, ' ');
		sbuf_add(&sb, t);
	}
	sbuf_addc(&sb, '\t');
	if ((t = (const char *)sqlite3_column_text(stmt, i)) != NULL)
		sbuf_add(&sb, t);
	return sbuf_detach(&sb);
}

/* Whether text, as vq_text_join makes it, holds every word of q. */
int
vq_joined_match(const struct view_query *q, const char *text)
{
	const unsigned char	*t = (const unsigned char *)text;
	const char		*tab = strchr(text, '\t');
	size_t			 tl;

	tl = tab != NULL ? (size_t)(tab - text) : strlen(text);
	return vq_words_match(q, &t, &tl, 1, tab != NULL ?
	    (const unsigned char *)tab + 1 : NULL, tab != NULL ?
	    strlen(tab + 1) : 0, TEST_ALL);
}

/*
 * Whether q matches a subset of old's matches but for those found by the
 * names of its words: every word of old prefixes a word of q, so what q's
 * words find by their start, old's find too.  The names (the matcher's)
 * of q's words that old's do not have are stored in *alts (*n of them,
 * none repeated; caller frees with match_variants_free): the rows whose
 * keys hold one of them may be matches of q that old has not.
 */
int
vq_refines(const struct view_query *old, const struct view_query *q,
    char ***alts, size_t *n)
{
	size_t	i, j, k, first;

	*alts = NULL;
	*n = 0;
	if ((old->n_words == 0 && !old->deal) || old->deal != q->deal ||
	    old->archived != q->archived)
		return 0;
	for (i = 0; i < old->n_words; i++) {
		first = q->n_words;
		for (j = 0; j < q->n_words; j++) {
			if (strncmp(q->words[j], old->words[i],
			    strlen(old->words[i])) != 0)
				continue;
			if (first == q->n_words)
				first = j;
			if (alts_within(q, j, old, i))
				break;
		}
		if (first == q->n_words) {
			match_variants_free(*alts, *n);
			*alts = NULL;
			*n = 0;
			return 0;
		}
		if (j < q->n_words)
			continue;
		/* None of q's words has only old's names: the first's. */
		for (k = 0; k < q->n_alts[first]; k++) {
			if (alt_is(old, i, q->alts[first][k],
			    strlen(q->alts[first][k])) ||
			    str_in(*alts, *n, q->alts[first][k]))
				continue;
			*alts = xreallocarray(*alts, *n + 1, sizeof **alts);
			(*alts)[(*n)++] = xstrdup(q->alts[first][k]);
		}
	}
	return 1;
}

/* Whether s is one of the n strings v. */
static int
str_in(char **v, size_t n, const char *s)
{
	size_t	i;

	for (i = 0; i < n; i++)
		if (strcmp(v[i], s) == 0)
			return 1;
	return 0;
}
