/* SPDX-License-Identifier: MIT */
/* Tab in the search line: the typed word completed from names (complete.h). */
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#include "kith/text.h"
#include "kith/util.h"
#include "complete.h"

static int	 candidate(struct kith_text *, const char *folded,
		    const char *word, size_t len);
static size_t	 common_prefix(const char *a, size_t alen, const char *b,
		    size_t blen);
static size_t	 next_char(const char *s, size_t len, wchar_t *wc);
static int	 has_upper(const char *s);
static char	*lower(const char *s, size_t len);

/*
 * The byte length of the character at s and the character in *wc (an
 * invalid byte: 1, and WEOF, which is neither a letter nor a digit).
 */
static size_t
next_char(const char *s, size_t len, wchar_t *wc)
{
	mbstate_t	st;
	size_t		r;

	memset(&st, 0, sizeof st);
	r = mbrtowc(wc, s, len, &st);
	if (r == 0 || r > len) {
		*wc = (wchar_t)WEOF;
		return 1;
	}
	return r;
}

/* 1 if the len bytes of word fold to something beginning with folded. */
static int
candidate(struct kith_text *tx, const char *folded, const char *word,
    size_t len)
{
	char	*w = xstrndup(word, len), *f = NULL;
	int	 yes;

	yes = text_fold(tx, w, &f, NULL) == KITH_OK &&
	    strncmp(f, folded, strlen(folded)) == 0;
	free(f);
	free(w);
	return yes;
}

/* The bytes of a's beginning that b shares, letters ignoring case. */
static size_t
common_prefix(const char *a, size_t alen, const char *b, size_t blen)
{
	size_t	i = 0, j = 0, na, nb;
	wchar_t	wa, wb;

	while (i < alen && j < blen) {
		na = next_char(a + i, alen - i, &wa);
		nb = next_char(b + j, blen - j, &wb);
		if (towlower((wint_t)wa) != towlower((wint_t)wb))
			break;
		i += na;
		j += nb;
	}
	return i;
}

static int
has_upper(const char *s)
{
	size_t	len = strlen(s), i, n;
	wchar_t	wc;

	for (i = 0; i < len; i += n) {
		n = next_char(s + i, len - i, &wc);
		if (iswupper((wint_t)wc))
			return 1;
	}
	return 0;
}

/* The len bytes at s in lower case (caller frees). */
static char *
lower(const char *s, size_t len)
{
	char		*out = xmalloc(len * 4 + 1), mb[16];
	size_t		 i, n, o = 0, k;
	wchar_t		 wc;
	mbstate_t	 st;

	for (i = 0; i < len; i += n) {
		n = next_char(s + i, len - i, &wc);
		memset(&st, 0, sizeof st);
		k = wcrtomb(mb, (wchar_t)towlower((wint_t)wc), &st);
		if (k == (size_t)-1 || k > 4) {	/* keep the bytes */
			memcpy(out + o, s + i, n);
			o += n;
		} else {
			memcpy(out + o, mb, k);
			o += k;
		}
	}
	out[o] = '\0';
	return out;
}

size_t
complete_word_start(const char *s, size_t cur)
{
	while (cur > 0 && s[cur - 1] != ' ')
		cur--;
	return cur;
}

char *
complete_word(struct kith_text *tx, const char *typed,
    const char *const *names, size_t n)
{
	const char	*best = NULL, *p, *w;
	char		*folded = NULL, *out = NULL, *f = NULL;
	size_t		 best_len = 0, i, len, k, m;
	wchar_t		 wc;

	if (typed == NULL || *typed == '\0' ||
	    text_fold(tx, typed, &folded, NULL) != KITH_OK || *folded == '\0')
		goto out;
	for (i = 0; i < n; i++) {
		if ((p = names[i]) == NULL)
			continue;
		len = strlen(p);
		/* Words: runs of letters and digits. */
		for (k = 0; k < len; ) {
			m = next_char(p + k, len - k, &wc);
			if (!iswalnum((wint_t)wc)) {
				k += m;
				continue;
			}
			w = p + k;
			while (k < len) {
				m = next_char(p + k, len - k, &wc);
				if (!iswalnum((wint_t)wc))
					break;
				k += m;
			}
			if (!candidate(tx, folded, w, (size_t)(p + k - w)))
				continue;
			if (best == NULL) {
				best = w;
				best_len = (size_t)(p + k - w);
			} else
				best_len = common_prefix(best, best_len, w,
				    (size_t)(p + k - w));
		}
	}
	if (best == NULL || best_len == 0)
		goto out;
	out = has_upper(typed) ? xstrndup(best, best_len) :
	    lower(best, best_len);
	if (strcmp(out, typed) == 0 || text_fold(tx, out, &f, NULL) !=
	    KITH_OK || strncmp(f, folded, strlen(folded)) != 0) {
		free(out);
		out = NULL;
	}
out:
	free(f);
	free(folded);
	return out;
}
