/* SPDX-License-Identifier: MIT */
/*
 * The words of a compiled query and the test in C of a contact's search
 * text against them (view_impl.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kith/search.h"
#include "kith/text.h"
#include "kith/util.h"
#include "kith/view.h"
#include "internal.h"
#include "view_impl.h"

static int		word_in(const unsigned char *, size_t, const char *,
			    size_t);

/*
 * Folds query into words, dropping repeats and words that prefix another
 * word of the query (a word starting with "acme" starts with "a" too).
 */
enum kith_status
vq_fold_words(struct view_query *q, const char *query, struct kith_err *err)
{
	enum kith_status	 st;
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
	for (word = strtok_r(fold, " ", &save); word != NULL;
	    word = strtok_r(NULL, " ", &save)) {
		q->words = xreallocarray(q->words, q->n_words + 1,
		    sizeof *q->words);
		q->words[q->n_words++] = xstrdup(word);
	}
	free(fold);
	for (i = 0; i < q->n_words; i++) {
		len = strlen(q->words[i]);
		for (j = 0; j < q->n_words; j++) {
			if (j == i || strncmp(q->words[j], q->words[i], len))
				continue;
			/* words[i] prefixes words[j]; of equals keep one. */
			if (strlen(q->words[j]) > len || j < i)
				break;
		}
		if (j < q->n_words) {
			free(q->words[i]);
			memmove(q->words + i, q->words + i + 1,
			    (q->n_words - i - 1) * sizeof *q->words);
			q->n_words--;
			i--;
		}
	}
	free(q->in_fts);
	q->in_fts = xcalloc(q->n_words + 1, 1);
	return KITH_OK;
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
 * Whether the n texts t (lengths tl, NULL for none) hold the words of q
 * that which names: TEST_ALL, TEST_C (those FTS5 does not test) or one
 * word's index.
 */
int
vq_words_match(const struct view_query *q, const unsigned char **t,
    const size_t *tl, size_t n, long which)
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
		if (i == n)
			return 0;
	}
	return 1;
}

/*
 * Whether the search text in columns col..col+5 of stmt holds the words of
 * q that which names (vq_words_match).  No text (no index entry) matches
 * nothing, as in FTS5.
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
	return any && vq_words_match(q, t, tl, N_TEXT, which);
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
 * head: joined by spaces, it holds the same words.  Caller frees.
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
	return sbuf_detach(&sb);
}

/* Whether every word of old prefixes a word of q: q matches fewer. */
int
vq_refines(const struct view_query *old, const struct view_query *q)
{
	size_t	i, j;

	if ((old->n_words == 0 && !old->deal) || old->deal != q->deal ||
	    old->archived != q->archived)
		return 0;
	for (i = 0; i < old->n_words; i++) {
		for (j = 0; j < q->n_words; j++)
			if (strncmp(q->words[j], old->words[i],
			    strlen(old->words[i])) == 0)
				break;
		if (j == q->n_words)
			return 0;
	}
	return 1;
}
