/* SPDX-License-Identifier: MIT */
/*
 * Text handling on top of ICU's C API: UTF-8 validation, NFC, the folded
 * search form and collation sort keys.
 *
 * A struct kith_text owns ICU objects that it opens the first time each is
 * needed ("kith due" never folds or sorts, so it never loads ICU data), and
 * scratch buffers that it reuses from call to call, so that a bulk import
 * allocates nothing per row but its results.
 *
 * Folding.  One compound transliterator does NFKC, drops default-ignorable
 * characters (a soft hyphen must not split "Mül-ler"), spells Serbian
 * Cyrillic Љ, Њ and Џ as lj, nj and dž, then runs Any-Latin and
 * Latin-ASCII.  Plain C then maps its output to [a-z0-9] and single spaces:
 * letters are lower-cased (only ASCII is left, and Latin-ASCII already made
 * "ß" "ss"), digits of any script become ASCII digits, combining marks and
 * format characters vanish, and anything else is a separator.
 *
 * The Serbian rule is there because Any-Latin writes Љ, Њ and Џ as L̂, N̂
 * and D̂, so "Љубица" would fold to "lubica" and never meet its Latin
 * spelling "Ljubica".  The Russian soft and hard signs are dropped:
 * Any-Latin writes them as apostrophes, which would split "Ольга" into
 * "ol ga" and keep it from meeting "Olga".
 *
 * Folding is per row in a bulk import, and ICU's transliterator costs
 * microseconds per string even for "Müller" (tens for "王小明"), so there
 * are two fast paths that give the same result as the transliterator:
 *   - Plain ASCII never reaches ICU.
 *   - Other text goes through tables of each character's folded form,
 *     filled from the transliterator itself, one character the first time
 *     it is seen.  They hold only characters that the transliterator maps
 *     the same way whatever their neighbours: no combining marks, nothing
 *     that NFKC changes, and only these scripts:
 *       - Latin, Cyrillic and Common (punctuation, symbols) in U+0080-U+04FF
 *         and U+1E00-U+1EFF.  Greek, also there, has context rules.
 *       - Han ideographs in U+3400-U+9FFF, in strings with no other letters
 *         or digits.  Any-Latin reads each ideograph on its own and puts a
 *         space between neighbours, but spaces ideographs from adjacent
 *         Latin letters unevenly ("王Bob" is "wangBob", "Bob王" is
 *         "Bob wang").  Its Han-Latin rules read four ideographs by
 *         context (藏文 is "zàng wén", 藏 alone "cáng"): see han_context.
 *     A string with any other character takes the full transliterator.
 *     tests/unit/test_text.c checks the tables against it for every
 *     character in the first group, a sample of the second, and every
 *     context rule in ICU's Han-Latin.
 *
 * Collation.  ICU's "sr" collation (Cyrillic Serbian) tailors only
 * Cyrillic, leaving Latin Č, Ć, Dž, Đ, Lj, Nj, Š and Ž sorted as accented
 * variants of C, D, L, N, S and Z.  Serbian is written in both scripts, so
 * for a locale whose collation is "sr" the collator is built from the
 * Croatian rules (which ICU's sr_Latn imports) followed by the Serbian ones:
 * Cyrillic first, then Latin, each in Serbian alphabetical order.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/uchar.h>
#include <unicode/ucol.h>
#include <unicode/uloc.h>
#include <unicode/unorm2.h>
#include <unicode/uscript.h>
#include <unicode/utf16.h>
#include <unicode/utf8.h>
#include <unicode/ustring.h>
#include <unicode/utrans.h>

#include "kith/text.h"
#include "kith/util.h"

/*
 * The fold tables.  The first covers U+0080-U+04FF (Latin-1 to Latin
 * Extended-B, IPA, modifier letters, Greek, Cyrillic) and U+1E00-U+1EFF
 * (Latin Extended Additional); the second, CJK Unified Ideographs and
 * Extension A.  Each entry holds the folded form of one character before
 * separators are collapsed.  Pinyin syllables are at most six letters.
 */
#define MEMO_LO_END	0x0500
#define MEMO_HI_START	0x1e00
#define MEMO_HI_END	0x1f00
#define MEMO_SIZE	((MEMO_LO_END - 0x80) + (MEMO_HI_END - MEMO_HI_START))
#define HAN_START	0x3400
#define HAN_END		0xa000
#define HAN_SIZE	(HAN_END - HAN_START)
#define MEMO_MAXLEN	7

enum memo_state {
	MEMO_UNKNOWN,		/* not yet asked */
	MEMO_NO,		/* needs the full transliterator */
	MEMO_PUNCT,		/* s has no letter or digit */
	MEMO_ALNUM,		/* s has a letter or digit */
	MEMO_HAN		/* s is the reading of an ideograph */
};

struct fold_memo {
	unsigned char	 state;			/* enum memo_state */
	char		 s[MEMO_MAXLEN];	/* folded form, NUL-padded */
};

/* Where fold output goes: the caller makes room for all of it. */
struct fold_out {
	char		*o;		/* next byte to write */
	char		*start;		/* first byte of the output */
	int		 sep;		/* a separator is pending */
};

/*
 * The last strings that needed the full transliterator, with their folded
 * forms: names, organisations and titles repeat across a book ("佐藤",
 * "김민준", a firm's name on every row of its people), and each costs ICU
 * microseconds.  A slot holds one string, found by its hash; a string that
 * hashes to a taken slot replaces it.  Bounded: FOLD_CACHE slots of
 * strings up to FOLD_CACHE_MAXLEN bytes.
 */
#define FOLD_CACHE	1024
#define FOLD_CACHE_MAXLEN 128

struct fold_cached {
	char		*in;		/* the string, NULL: the slot is free */
	char		*out;		/* its folded form */
};

struct kith_text {
	char			*locale;	/* from text_new, never NULL */
	UTransliterator		*fold;		/* NULL until first needed */
	struct fold_memo	*memo;		/* MEMO_SIZE entries, or NULL */
	struct fold_memo	*han;		/* HAN_SIZE entries, or NULL */
	struct fold_cached	*cache;		/* FOLD_CACHE slots, or NULL */
	const UNormalizer2	*nfc;		/* ICU's; NULL until used */
	UCollator		*coll;		/* NULL until first needed */
	UChar			*u;		/* UTF-16 scratch buffer */
	int32_t			 ucap;		/* UChars allocated at u */
	UChar			*v;		/* another one, for NFC */
	int32_t			 vcap;		/* UChars allocated at v */
	char			*b;		/* byte scratch buffer */
	size_t			 bcap;		/* bytes allocated at b */
};

static int	 text_is_ascii(const char *, size_t);
static void	 text_grow(UChar **, int32_t *, size_t);
static char	*text_bytes(struct kith_text *, size_t);
static enum kith_status text_check(const char *, size_t, struct kith_err *);
static enum kith_status text_to_utf16(struct kith_text *, const char *,
		    size_t, int32_t *, struct kith_err *);
static enum kith_status text_to_nfc(struct kith_text *, const UChar **,
		    int32_t *, struct kith_err *);
static enum kith_status text_open_fold(struct kith_text *, struct kith_err *);
static enum kith_status text_open_nfc(struct kith_text *, struct kith_err *);
static enum kith_status text_open_coll(struct kith_text *, struct kith_err *);
static void	 text_icu_locale(const char *, char *, size_t);
static int	 fold_table(struct kith_text *, const char *, size_t,
		    struct fold_out *);
static const struct fold_memo *fold_lookup(struct kith_text *, UChar32);
static uint32_t	 fold_hash(const char *, size_t);
static enum kith_status fold_icu(struct kith_text *, const char *, size_t,
		    char **, struct kith_err *);
static int	 fold_char(UChar32);
static void	 fold_put(struct fold_out *, unsigned char);

static const char fold_rules[] =
	":: NFKC ;\n"
	"[:Default_Ignorable_Code_Point:] > ;\n"
	"Љ > Lj ; љ > lj ; Њ > Nj ; њ > nj ; Џ > Dž ; џ > dž ;\n"
	"Ь > ; ь > ; Ъ > ; ъ > ;\n"
	":: Any-Latin ;\n"
	":: Latin-ASCII ;\n";

/*
 * Ideographs that ICU's Han-Latin (ICU 72) reads differently before certain
 * others, with rules such as "{藏}' '?文 > zàng": 藏 重 沈 秘.
 */
static const UChar32 han_context[] = { 0x85cf, 0x91cd, 0x6c88, 0x79d8 };

/* Serbian Latin tailoring, then Serbian Cyrillic (see top of file). */
static const char sr_coll_rules[] = "[import hr][import sr]";

struct kith_text *
text_new(const char *locale)
{
	struct kith_text	*t;

	t = xcalloc(1, sizeof *t);
	t->locale = xstrdup(locale != NULL ? locale : "");
	return t;
}

void
text_free(struct kith_text *t)
{
	size_t	i;

	if (t == NULL)
		return;
	if (t->fold != NULL)
		utrans_close(t->fold);
	if (t->coll != NULL)
		ucol_close(t->coll);
	free(t->memo);
	free(t->han);
	if (t->cache != NULL)
		for (i = 0; i < FOLD_CACHE; i++) {
			free(t->cache[i].in);
			free(t->cache[i].out);
		}
	free(t->cache);
	free(t->u);
	free(t->v);
	free(t->b);
	free(t->locale);
	free(t);
}

const char *
text_locale(const struct kith_text *t)
{
	return t->locale;
}

int
text_valid_utf8(const char *s, size_t len, size_t *bad)
{
	const unsigned char	*p = (const unsigned char *)s;
	size_t			 i = 0, n;
	uint64_t		 w;
	unsigned char		 c, lo, hi;

	while (i < len) {
		/* Skip ASCII eight bytes at a time. */
		while (len - i >= 8) {
			memcpy(&w, p + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i == len)
			break;
		c = p[i];
		if (c < 0x80) {
			i++;
			continue;
		}
		/* A lead byte: sequence length and range of the next byte. */
		lo = 0x80;
		hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			n = 2;
		else if (c >= 0xe0 && c <= 0xef) {
			n = 3;
			if (c == 0xe0)
				lo = 0xa0;	/* overlong */
			else if (c == 0xed)
				hi = 0x9f;	/* surrogates */
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 4;
			if (c == 0xf0)
				lo = 0x90;	/* overlong */
			else if (c == 0xf4)
				hi = 0x8f;	/* above U+10FFFF */
		} else
			goto invalid;	/* C0, C1, F5-FF or a stray 80-BF */
		if (len - i < n || p[i + 1] < lo || p[i + 1] > hi)
			goto invalid;
		if (n >= 3 && (p[i + 2] & 0xc0) != 0x80)
			goto invalid;
		if (n == 4 && (p[i + 3] & 0xc0) != 0x80)
			goto invalid;
		i += n;
	}
	return 1;

invalid:
	if (bad != NULL)
		*bad = i;
	return 0;
}

enum kith_status
text_nfc(struct kith_text *t, const char *s, char **out, struct kith_err *err)
{
	enum kith_status	 st;
	const UChar		*u;
	UErrorCode		 ue = U_ZERO_ERROR;
	size_t			 len;
	int32_t			 ulen, need;
	char			*res = NULL;

	*out = NULL;
	if (s == NULL)
		s = "";
	len = strlen(s);
	if (text_is_ascii(s, len)) {
		*out = xstrndup(s, len);
		return KITH_OK;
	}
	if ((st = text_check(s, len, err)) != KITH_OK)
		return st;
	if ((st = text_open_nfc(t, err)) != KITH_OK)
		return st;
	if ((st = text_to_utf16(t, s, len, &ulen, err)) != KITH_OK)
		return st;
	if (unorm2_quickCheck(t->nfc, t->u, ulen, &ue) == UNORM_YES &&
	    U_SUCCESS(ue)) {
		*out = xstrndup(s, len);
		return KITH_OK;
	}
	u = t->u;
	if ((st = text_to_nfc(t, &u, &ulen, err)) != KITH_OK)
		goto out;

	ue = U_ZERO_ERROR;
	u_strToUTF8(NULL, 0, &need, u, ulen, &ue);
	if (ue == U_BUFFER_OVERFLOW_ERROR)
		ue = U_ZERO_ERROR;
	if (U_SUCCESS(ue)) {
		res = xmalloc((size_t)need + 1);
		u_strToUTF8(res, need + 1, NULL, u, ulen, &ue);
	}
	if (U_FAILURE(ue)) {
		st = kith_err_set(err, KITH_INVALID,
		    "cannot convert to UTF-8: %s", u_errorName(ue));
		goto out;
	}
	*out = res;
	res = NULL;
	st = KITH_OK;

out:
	free(res);
	return st;
}

enum kith_status
text_fold(struct kith_text *t, const char *s, char **out, struct kith_err *err)
{
	enum kith_status	 st;
	struct fold_out		 fo;
	struct fold_cached	*slot;
	size_t			 len, i;

	*out = NULL;
	if (s == NULL)
		s = "";
	len = strlen(s);
	if (text_is_ascii(s, len)) {
		/* The result is never longer than the input. */
		fo.o = fo.start = xmalloc(len + 1);
		fo.sep = 0;
		for (i = 0; i < len; i++)
			fold_put(&fo, (unsigned char)s[i]);
		*fo.o = '\0';
		*out = fo.start;
		return KITH_OK;
	}
	if ((st = text_check(s, len, err)) != KITH_OK)
		return st;
	if ((st = text_open_fold(t, err)) != KITH_OK)
		return st;

	/*
	 * A table entry is at most MEMO_MAXLEN bytes for a character of two
	 * bytes or more, and each byte written may follow a separator.
	 */
	fo.o = fo.start = text_bytes(t, len * MEMO_MAXLEN + 1);
	fo.sep = 0;
	if (fold_table(t, s, len, &fo)) {
		*out = xstrndup(fo.start, (size_t)(fo.o - fo.start));
		return KITH_OK;
	}
	if (len > FOLD_CACHE_MAXLEN)
		return fold_icu(t, s, len, out, err);
	if (t->cache == NULL)
		t->cache = xcalloc(FOLD_CACHE, sizeof *t->cache);
	slot = &t->cache[fold_hash(s, len) % FOLD_CACHE];
	if (slot->in != NULL && strcmp(slot->in, s) == 0) {
		*out = xstrdup(slot->out);
		return KITH_OK;
	}
	if ((st = fold_icu(t, s, len, out, err)) != KITH_OK)
		return st;
	free(slot->in);
	free(slot->out);
	slot->in = xstrndup(s, len);
	slot->out = xstrdup(*out);
	return KITH_OK;
}

/* FNV-1a of the len bytes at s. */
static uint32_t
fold_hash(const char *s, size_t len)
{
	uint32_t	h = 2166136261u;
	size_t		i;

	for (i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 16777619u;
	}
	return h;
}

enum kith_status
text_sort_key(struct kith_text *t, const char *s, unsigned char **key,
    size_t *len, struct kith_err *err)
{
	enum kith_status	 st;
	size_t			 slen;
	int32_t			 ulen, klen;

	*key = NULL;
	*len = 0;
	if (s == NULL)
		s = "";
	slen = strlen(s);
	if ((st = text_check(s, slen, err)) != KITH_OK)
		return st;
	if ((st = text_open_coll(t, err)) != KITH_OK)
		return st;
	if ((st = text_to_utf16(t, s, slen, &ulen, err)) != KITH_OK)
		return st;

	/*
	 * The length counts the key's terminating zero byte, which is kept:
	 * no other byte of a key is zero, so memcmp over the shorter length
	 * orders any two keys.
	 */
	klen = ucol_getSortKey(t->coll, t->u, ulen, (uint8_t *)t->b,
	    t->bcap > INT32_MAX ? INT32_MAX : (int32_t)t->bcap);
	if (klen > 0 && (size_t)klen > t->bcap) {
		text_bytes(t, (size_t)klen);
		klen = ucol_getSortKey(t->coll, t->u, ulen, (uint8_t *)t->b,
		    (int32_t)t->bcap);
	}
	if (klen <= 0 || (size_t)klen > t->bcap)
		return kith_err_set(err, KITH_INVALID,
		    "cannot make a sort key for '%s'", s);
	*key = xmalloc((size_t)klen);
	memcpy(*key, t->b, (size_t)klen);
	*len = (size_t)klen;
	return KITH_OK;
}

/* True if the len bytes at s are all ASCII. */
static int
text_is_ascii(const char *s, size_t len)
{
	const unsigned char	*p = (const unsigned char *)s;
	uint64_t		 w, acc = 0;
	size_t			 i = 0;

	for (; len - i >= 8; i += 8) {
		memcpy(&w, p + i, 8);
		acc |= w;
	}
	for (; i < len; i++)
		acc |= p[i];
	return (acc & UINT64_C(0x8080808080808080)) == 0;
}

/* Makes *buf hold at least n UChars, without keeping its contents. */
static void
text_grow(UChar **buf, int32_t *cap, size_t n)
{
	if (n > INT32_MAX)
		kith_fatal("string too long for ICU (%zu UTF-16 units)", n);
	if ((int32_t)n <= *cap)
		return;
	free(*buf);
	*buf = xreallocarray(NULL, n, sizeof **buf);
	*cap = (int32_t)n;
}

/* Returns t->b with room for n bytes, without keeping its contents. */
static char *
text_bytes(struct kith_text *t, size_t n)
{
	if (n > t->bcap) {
		free(t->b);
		t->b = xmalloc(n);
		t->bcap = n;
	}
	return t->b;
}

static enum kith_status
text_check(const char *s, size_t len, struct kith_err *err)
{
	size_t	bad;

	/* Leaves room for the buffers that grow with the text. */
	if (len > INT32_MAX / 8)
		return kith_err_set(err, KITH_INVALID,
		    "text too long (%zu bytes)", len);
	if (!text_valid_utf8(s, len, &bad))
		return kith_err_set(err, KITH_INVALID,
		    "invalid UTF-8 at byte %zu (0x%02x)", bad,
		    (unsigned char)s[bad]);
	return KITH_OK;
}

/* Converts valid UTF-8 to UTF-16 in t->u; needs no more units than bytes. */
static enum kith_status
text_to_utf16(struct kith_text *t, const char *s, size_t len, int32_t *ulen,
    struct kith_err *err)
{
	UErrorCode	ue = U_ZERO_ERROR;

	text_grow(&t->u, &t->ucap, len + 1);
	u_strFromUTF8(t->u, t->ucap, ulen, s, (int32_t)len, &ue);
	if (U_FAILURE(ue))
		return kith_err_set(err, KITH_INVALID,
		    "cannot convert to UTF-16: %s", u_errorName(ue));
	return KITH_OK;
}

/* Normalises *u (*ulen units) to NFC in t->v and points *u there. */
static enum kith_status
text_to_nfc(struct kith_text *t, const UChar **u, int32_t *ulen,
    struct kith_err *err)
{
	UErrorCode	ue = U_ZERO_ERROR;
	int32_t		n;
	int		try;

	/* NFC seldom grows text; a few characters triple at most. */
	text_grow(&t->v, &t->vcap, (size_t)*ulen * 3 + 16);
	for (try = 0; try < 2; try++) {
		ue = U_ZERO_ERROR;
		n = unorm2_normalize(t->nfc, *u, *ulen, t->v, t->vcap, &ue);
		if (U_SUCCESS(ue)) {
			*u = t->v;
			*ulen = n;
			return KITH_OK;
		}
		if (ue != U_BUFFER_OVERFLOW_ERROR)
			break;
		text_grow(&t->v, &t->vcap, (size_t)n + 16);
	}
	return kith_err_set(err, KITH_INVALID, "cannot normalise to NFC: %s",
	    u_errorName(ue));
}

static enum kith_status
text_open_fold(struct kith_text *t, struct kith_err *err)
{
	static const UChar	 id[] = { 'k', 'i', 't', 'h', '-', 'f', 'o',
				     'l', 'd', 0 };
	UChar			 rules[sizeof fold_rules];
	UParseError		 pe;
	UErrorCode		 ue = U_ZERO_ERROR;

	if (t->fold != NULL)
		return KITH_OK;
	u_strFromUTF8(rules, (int32_t)(sizeof rules / sizeof rules[0]), NULL,
	    fold_rules, -1, &ue);
	if (U_SUCCESS(ue))
		t->fold = utrans_openU(id, -1, UTRANS_FORWARD, rules, -1, &pe,
		    &ue);
	if (U_FAILURE(ue)) {
		t->fold = NULL;
		return kith_err_set(err, KITH_IO,
		    "cannot open the ICU transliterator: %s (is the ICU data "
		    "installed?)", u_errorName(ue));
	}
	t->memo = xcalloc(MEMO_SIZE, sizeof *t->memo);
	return KITH_OK;
}

static enum kith_status
text_open_nfc(struct kith_text *t, struct kith_err *err)
{
	UErrorCode	ue = U_ZERO_ERROR;

	if (t->nfc != NULL)
		return KITH_OK;
	t->nfc = unorm2_getNFCInstance(&ue);
	if (U_FAILURE(ue)) {
		t->nfc = NULL;
		return kith_err_set(err, KITH_IO,
		    "cannot load the ICU normalisation data: %s",
		    u_errorName(ue));
	}
	return KITH_OK;
}

static enum kith_status
text_open_coll(struct kith_text *t, struct kith_err *err)
{
	char		 loc[ULOC_FULLNAME_CAPACITY];
	UChar		 rules[sizeof sr_coll_rules];
	const char	*actual;
	UParseError	 pe;
	UErrorCode	 ue = U_ZERO_ERROR;

	if (t->coll != NULL)
		return KITH_OK;
	text_icu_locale(t->locale, loc, sizeof loc);
	t->coll = ucol_open(loc, &ue);
	if (U_SUCCESS(ue)) {
		actual = ucol_getLocaleByType(t->coll, ULOC_ACTUAL_LOCALE, &ue);
		if (U_SUCCESS(ue) && actual != NULL &&
		    strcmp(actual, "sr") == 0) {
			ucol_close(t->coll);
			u_strFromUTF8(rules, (int32_t)(sizeof rules /
			    sizeof rules[0]), NULL, sr_coll_rules, -1, &ue);
			t->coll = ucol_openRules(rules, -1, UCOL_DEFAULT,
			    UCOL_DEFAULT_STRENGTH, &pe, &ue);
		}
	}
	/* Text need not be FCD: ICU checks quickly and normalises if not. */
	if (U_SUCCESS(ue))
		ucol_setAttribute(t->coll, UCOL_NORMALIZATION_MODE, UCOL_ON,
		    &ue);
	if (U_FAILURE(ue)) {
		if (t->coll != NULL)
			ucol_close(t->coll);
		t->coll = NULL;
		return kith_err_set(err, KITH_IO,
		    "cannot open the ICU collator for '%s': %s", loc,
		    u_errorName(ue));
	}
	return KITH_OK;
}

/*
 * Turns a POSIX locale name, language[_territory][.codeset][@modifier],
 * into an ICU one: "sr_RS.UTF-8@latin" is "sr_Latn_RS".  NULL, "", "C" and
 * "POSIX" (with any codeset) are the root locale ""; ICU names such as
 * "sr_Latn_RS" or "de@collation=phonebook" pass through.
 */
static void
text_icu_locale(const char *posix, char *out, size_t size)
{
	const char	*end, *at, *script = NULL;
	size_t		 n;

	out[0] = '\0';
	if (posix == NULL || *posix == '\0')
		return;
	at = strchr(posix, '@');
	if (at != NULL && strchr(at, '=') != NULL) {
		snprintf(out, size, "%s", posix);
		return;
	}
	n = strcspn(posix, ".@");
	if ((n == 1 && posix[0] == 'C') ||
	    (n == 5 && strncmp(posix, "POSIX", 5) == 0))
		return;
	end = posix + n;

	if (at != NULL) {
		if (strcmp(at, "@latin") == 0)
			script = "Latn";
		else if (strcmp(at, "@cyrillic") == 0)
			script = "Cyrl";
		else if (strcmp(at, "@devanagari") == 0)
			script = "Deva";
	}
	n = strcspn(posix, "_-.@");
	if (script == NULL || posix + n == end)
		snprintf(out, size, "%.*s%s%s", (int)(end - posix), posix,
		    script != NULL ? "_" : "", script != NULL ? script : "");
	else
		snprintf(out, size, "%.*s_%s%.*s", (int)n, posix, script,
		    (int)(end - posix - n), posix + n);
}

/*
 * Folds s through the tables into fo.  Returns 0 if s has a character they
 * cannot fold, or ideographs next to other letters or digits, leaving fo in
 * an unspecified state.
 */
static int
fold_table(struct kith_text *t, const char *s, size_t len, struct fold_out *fo)
{
	const struct fold_memo	*m;
	const char		*p;
	int32_t			 i = 0, n = (int32_t)len;
	UChar32			 c;
	int			 han = 0, other = 0;

	while (i < n) {
		U8_NEXT_UNSAFE(s, i, c);
		if (c < 0x80) {
			if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') ||
			    (c >= 'a' && c <= 'z'))
				other = 1;
			fold_put(fo, (unsigned char)c);
		} else {
			if ((m = fold_lookup(t, c)) == NULL)
				return 0;
			if (m->state == MEMO_HAN) {
				han = 1;
				fo->sep = 1;
			} else if (m->state == MEMO_ALNUM)
				other = 1;
			for (p = m->s; p < m->s + MEMO_MAXLEN && *p != '\0';
			    p++)
				fold_put(fo, (unsigned char)*p);
			if (m->state == MEMO_HAN)
				fo->sep = 1;
		}
		if (han && other)
			return 0;
	}
	*fo->o = '\0';
	return 1;
}

/*
 * Returns the table entry of c, filling it in the first time, or NULL if c
 * needs the full transliterator.
 */
static const struct fold_memo *
fold_lookup(struct kith_text *t, UChar32 c)
{
	struct fold_memo	*m;
	UChar			 u[32];
	UErrorCode		 ue = U_ZERO_ERROR;
	UScriptCode		 sc;
	size_t			 k;
	int32_t			 ulen = 0, limit, i, j;
	UChar32			 d;
	int			 f, alnum = 0;

	if (c < MEMO_LO_END)
		m = &t->memo[c - 0x80];
	else if (c >= MEMO_HI_START && c < MEMO_HI_END)
		m = &t->memo[MEMO_LO_END - 0x80 + c - MEMO_HI_START];
	else if (c >= HAN_START && c < HAN_END) {
		if (t->han == NULL)
			t->han = xcalloc(HAN_SIZE, sizeof *t->han);
		m = &t->han[c - HAN_START];
	} else
		return NULL;
	if (m->state != MEMO_UNKNOWN)
		return m->state == MEMO_NO ? NULL : m;

	m->state = MEMO_NO;
	sc = uscript_getScript(c, &ue);
	if (U_FAILURE(ue))
		return NULL;
	if (c >= HAN_START && c < HAN_END) {
		if (sc != USCRIPT_HAN)
			return NULL;
		for (k = 0; k < sizeof han_context / sizeof han_context[0];
		    k++) {
			if (c == han_context[k])
				return NULL;
		}
	} else if (sc != USCRIPT_LATIN && sc != USCRIPT_CYRILLIC &&
	    sc != USCRIPT_COMMON)
		return NULL;
	if (u_getCombiningClass(c) != 0 ||
	    u_getIntPropertyValue(c, UCHAR_NFKC_QUICK_CHECK) != UNORM_YES)
		return NULL;

	U16_APPEND_UNSAFE(u, ulen, c);
	limit = ulen;
	utrans_transUChars(t->fold, u, &ulen, (int32_t)(sizeof u /
	    sizeof u[0]), 0, &limit, &ue);
	if (U_FAILURE(ue) || ulen >= (int32_t)(sizeof u / sizeof u[0]))
		return NULL;
	for (i = j = 0; i < ulen;) {
		U16_NEXT(u, i, ulen, d);
		if ((f = fold_char(d)) < 0)
			continue;
		if (j == MEMO_MAXLEN)
			return NULL;
		if ((f >= '0' && f <= '9') || (f >= 'A' && f <= 'Z') ||
		    (f >= 'a' && f <= 'z'))
			alnum = 1;
		m->s[j++] = (char)f;
	}
	if (sc == USCRIPT_HAN)
		m->state = MEMO_HAN;
	else
		m->state = alnum ? MEMO_ALNUM : MEMO_PUNCT;
	return m;
}

/* The full transliterator, for text the table does not cover. */
static enum kith_status
fold_icu(struct kith_text *t, const char *s, size_t len, char **out,
    struct kith_err *err)
{
	enum kith_status	 st;
	struct fold_out		 fo;
	UErrorCode		 ue;
	int32_t			 ulen, tlen, limit, i;
	UChar32			 c;
	int			 try, f;

	/*
	 * The transliterator works in place, truncates what does not fit
	 * and reports the length it needed: then start again from the UTF-8
	 * with that much room.  Han grows the most, a syllable per character
	 * ("王" is "wáng "), so start with four units per input byte.
	 */
	text_grow(&t->u, &t->ucap, len * 4 + 16);
	for (try = 0;; try++) {
		if ((st = text_to_utf16(t, s, len, &ulen, err)) != KITH_OK)
			return st;
		ue = U_ZERO_ERROR;
		tlen = limit = ulen;
		utrans_transUChars(t->fold, t->u, &tlen, t->ucap, 0, &limit,
		    &ue);
		if (U_SUCCESS(ue) && tlen <= t->ucap)
			break;
		if ((U_FAILURE(ue) && ue != U_BUFFER_OVERFLOW_ERROR) || try > 0)
			return kith_err_set(err, KITH_INVALID,
			    "cannot transliterate '%s': %s", s,
			    u_errorName(ue));
		text_grow(&t->u, &t->ucap, (size_t)tlen + 16);
	}

	/* Each unit gives at most one byte and one separator. */
	fo.o = fo.start = text_bytes(t, (size_t)tlen * 2 + 1);
	fo.sep = 0;
	for (i = 0; i < tlen;) {
		U16_NEXT(t->u, i, tlen, c);
		if ((f = fold_char(c)) >= 0)
			fold_put(&fo, (unsigned char)f);
	}
	*fo.o = '\0';
	*out = xstrndup(fo.start, (size_t)(fo.o - fo.start));
	return KITH_OK;
}

/*
 * Maps a character of transliterated text to the ASCII byte fold_put
 * takes, or -1 for a mark or format character, which vanishes.  Digits of
 * any script are ASCII digits; anything else outside ASCII is a separator.
 */
static int
fold_char(UChar32 c)
{
	int8_t	type;

	if (c < 0x80)
		return c;
	type = u_charType(c);
	if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK ||
	    type == U_COMBINING_SPACING_MARK || type == U_FORMAT_CHAR)
		return -1;
	if (type == U_DECIMAL_DIGIT_NUMBER)
		return '0' + u_charDigitValue(c);
	return ' ';
}

/*
 * Appends the folded form of ASCII byte c: letters lower-cased, digits
 * kept, anything else a separator; separators are collapsed and dropped
 * at both ends.
 */
static inline void
fold_put(struct fold_out *fo, unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		c += 'a' - 'A';
	else if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
		fo->sep = 1;
		return;
	}
	if (fo->sep && fo->o != fo->start)
		*fo->o++ = ' ';
	fo->sep = 0;
	*fo->o++ = (char)c;
}
