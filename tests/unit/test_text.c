/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for src/core/text.c: UTF-8 validation, NFC, folding, sort
 * keys and phone digits.
 *
 * Folding has fast paths (plain ASCII, and per-character tables filled from
 * ICU) that must agree with ICU's transliterator.  A string that ends in
 * " z" plus a combining grave accent always takes the transliterator (the
 * accent is in no table) and folds to the fold of what precedes it plus
 * " z", so comparing the two checks a fast path against ICU without a
 * private hook.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <unicode/ustring.h>
#include <unicode/utf16.h>
#include <unicode/utrans.h>

#include "kith/text.h"
#include "check.h"

/* Appended to force the transliterator: " z" and U+0300. */
#define FORCE_ICU	" z\xcc\x80"

static int	 fold_is(struct kith_text *, const char *, const char *);
static int	 fold_agrees(struct kith_text *, const char *);
static int	 utf8_put(char *, unsigned long);
static int	 key_cmp(struct kith_text *, const char *, const char *);
static int	 collates(const char *, const char *const *);
static int	 han_context_agrees(struct kith_text *);

static void	 test_fold_examples(void);
static void	 test_fold_ascii(void);
static void	 test_fold_tables(void);
static void	 test_fold_invalid(void);
static void	 test_valid_utf8(void);
static void	 test_valid_utf8_vs_icu(void);
static void	 test_nfc(void);
static void	 test_sort_key(void);
static void	 test_new_free(void);
static void	 test_fold_cache(void);

/* Folds s and compares with want; says which input failed. */
static int
fold_is(struct kith_text *t, const char *s, const char *want)
{
	struct kith_err	 err;
	char		*got = NULL;
	int		 ok;

	if (text_fold(t, s, &got, &err) != KITH_OK) {
		fprintf(stderr, "fold(\"%s\") failed: %s\n", s, err.msg);
		return 0;
	}
	ok = strcmp(got, want) == 0;
	if (!ok)
		fprintf(stderr, "fold(\"%s\") is \"%s\", expected \"%s\"\n", s,
		    got, want);
	free(got);
	return ok;
}

/* True if s folds as ICU's transliterator folds it. */
static int
fold_agrees(struct kith_text *t, const char *s)
{
	static int	 reported;
	char		 buf[256];
	char		*fast = NULL, *icu = NULL;
	int		 ok = 0;

	if (snprintf(buf, sizeof buf, "%s" FORCE_ICU, s) >= (int)sizeof buf)
		return 0;
	if (text_fold(t, s, &fast, NULL) != KITH_OK ||
	    text_fold(t, buf, &icu, NULL) != KITH_OK)
		goto out;
	/* icu is fast plus " z", or just "z" if fast is empty. */
	if (*fast == '\0')
		ok = strcmp(icu, "z") == 0;
	else
		ok = strlen(icu) == strlen(fast) + 2 &&
		    strncmp(icu, fast, strlen(fast)) == 0 &&
		    strcmp(icu + strlen(fast), " z") == 0;
out:
	if (!ok && reported++ < 10)
		fprintf(stderr, "fold(\"%s\") is \"%s\" by the fast path, "
		    "\"%s\" by ICU\n", s, fast ? fast : "(error)",
		    icu ? icu : "(error)");
	free(fast);
	free(icu);
	return ok;
}

/* Writes c as UTF-8 at s and a NUL; returns the length. */
static int
utf8_put(char *s, unsigned long c)
{
	int	n;

	if (c < 0x80) {
		s[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		s[0] = (char)(0xc0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3f));
		n = 2;
	} else if (c < 0x10000) {
		s[0] = (char)(0xe0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3f));
		s[2] = (char)(0x80 | (c & 0x3f));
		n = 3;
	} else {
		s[0] = (char)(0xf0 | c >> 18);
		s[1] = (char)(0x80 | (c >> 12 & 0x3f));
		s[2] = (char)(0x80 | (c >> 6 & 0x3f));
		s[3] = (char)(0x80 | (c & 0x3f));
		n = 4;
	}
	s[n] = '\0';
	return n;
}

static void
test_fold_examples(void)
{
	static const char *const cases[][2] = {
		{ "Петровић", "petrovic" },
		{ "Petrović", "petrovic" },
		{ "PETROVIC", "petrovic" },
		{ "Müller", "muller" },
		{ "O'Brien", "o brien" },
		{ "O\xe2\x80\x99" "Brien", "o brien" },	/* U+2019 */
		{ "王小明", "wang xiao ming" },
		{ "王 小明", "wang xiao ming" },
		{ "Ђорђе", "dorde" },
		{ "Đorđe", "dorde" },
		{ "straße", "strasse" },
		{ "STRASSE", "strasse" },
		/* Serbian letters that are two in Latin meet across scripts. */
		{ "Љубица Његош Џаковић", "ljubica njegos dzakovic" },
		{ "Ольга Подъячева", "olga podaceva" },
		{ "Ljubica Njegoš Džaković", "ljubica njegos dzakovic" },
		{ "  Jean-Luc   Picard, Jr. ", "jean luc picard jr" },
		{ "", "" },
		{ " -- ", "" },
		{ "R2-D2", "r2 d2" },
		{ "e\xcc\x81mile", "emile" },		/* decomposed é */
		{ "Mül\xc2\xadler", "muller" },		/* soft hyphen */
		{ "Zoë\xc2\xa0" "Brontë", "zoe bronte" },	/* NBSP */
		{ "Øster Æble Łukasz", "oster aeble lukasz" },
		{ "Þór", "thor" },
		{ "İstanbul", "istanbul" },
		{ "Nguyễn Thị Minh", "nguyen thi minh" },
		{ "ﬁnn", "finn" },			/* NFKC */
		{ "ＡＢＣ１２３", "abc123" },		/* fullwidth */
		{ "١٢٣", "123" },			/* Arabic-Indic */
		{ "Σωκράτης", "sokrates" },
		{ "藏文", "zang wen" },			/* context reading */
		{ "藏", "cang" },
		{ "王Bob", "wangbob" },			/* ICU's spacing */
		{ "Bob王", "bob wang" },
		{ "\xf0\x9f\x98\x80 Ana", "ana" },	/* emoji */
		{ "a\tb\nc\x01" "d", "a b c d" },
	};
	struct kith_text	*t;
	size_t			 i;

	t = text_new(NULL);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK(fold_is(t, cases[i][0], cases[i][1]));
	CHECK(fold_is(t, NULL, ""));
	text_free(t);
}

/* The ASCII fast path gives what ICU gives. */
static void
test_fold_ascii(void)
{
	static const char *const cases[] = {
		"O'Brien", "  Jean-Luc   Picard, Jr. ", "R2-D2", "x", "",
		"ALL CAPS", "a_b.c@d+e", "~!@#$%^&*()_+`-={}|[]\\:\";'<>?,./",
		"tab\there", "0123456789", "MiXeD 42 cAsE",
	};
	struct kith_text	*t;
	char			 s[8];
	size_t			 i;
	int			 c, bad = 0;

	t = text_new(NULL);
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++)
		CHECK(fold_agrees(t, cases[i]));
	for (c = 1; c < 0x80; c++) {
		snprintf(s, sizeof s, "a%cb", c);
		bad += !fold_agrees(t, s);
		snprintf(s, sizeof s, "%c", c);
		bad += !fold_agrees(t, s);
	}
	CHECK_INT(bad, 0);
	text_free(t);
}

/* The per-character tables give what ICU gives. */
static void
test_fold_tables(void)
{
	static const char *const ctx[] = { "a%sb", "%s", "\xd0\xb4%s\xd0\xb4",
	    "%s 1" };
	static const char *const han_ctx[] = { "%s", "-%s, %s.", "a%s", "%sb",
	    "1%s", "%s1", "\xc3\xa9%s", "%s\xc3\xa9", "%s\xc2\xa0%s" };
	struct kith_text	*t;
	char			 ch[8], s[32];
	unsigned long		 c;
	size_t			 i;
	int			 bad = 0;

	t = text_new(NULL);
	for (c = 0x80; c < 0x2000; c++) {
		if (c == 0x500)
			c = 0x1e00;
		utf8_put(ch, c);
		for (i = 0; i < sizeof ctx / sizeof ctx[0]; i++) {
			snprintf(s, sizeof s, ctx[i], ch);
			bad += !fold_agrees(t, s);
		}
	}
	CHECK_INT(bad, 0);

	/*
	 * Ideographs: a sample, alone, in pairs, with punctuation, and next
	 * to letters and digits (which the transliterator spaces unevenly).
	 */
	bad = 0;
	for (c = 0x3400; c < 0xa000; c += 37) {
		utf8_put(ch, c);
		for (i = 0; i < sizeof han_ctx / sizeof han_ctx[0]; i++) {
			snprintf(s, sizeof s, han_ctx[i], ch, ch);
			bad += !fold_agrees(t, s);
		}
		utf8_put(ch + utf8_put(ch, c), c + 1);
		bad += !fold_agrees(t, ch);
	}
	CHECK_INT(bad, 0);
	CHECK(han_context_agrees(t));
	text_free(t);
}

/*
 * Checks every context rule of ICU's Han-Latin, "{X}' '?Y > reading;",
 * against the fold of "XY" and "X Y".  Catches a new ICU with context
 * rules for ideographs that text.c's han_context does not list.
 */
static int
han_context_agrees(struct kith_text *t)
{
	static const UChar	 id[] = { 'H', 'a', 'n', '-', 'L', 'a', 't',
				     'i', 'n', 0 };
	UTransliterator		*tr;
	UErrorCode		 ue = U_ZERO_ERROR;
	UChar			*rules = NULL;
	int32_t			 n, i, j;
	UChar32			 x, y;
	char			 s[32];
	int			 k, ok = 1, rules_seen = 0;

	tr = utrans_openU(id, -1, UTRANS_FORWARD, NULL, 0, NULL, &ue);
	if (U_FAILURE(ue))
		return 0;
	n = utrans_toRules(tr, 0, NULL, 0, &ue);
	ue = U_ZERO_ERROR;
	rules = calloc((size_t)n + 1, sizeof *rules);
	utrans_toRules(tr, 0, rules, n + 1, &ue);
	if (U_FAILURE(ue))
		ok = 0;
	for (i = 0; ok && i + 1 < n; i++) {
		if (rules[i] != '{' || (i > 0 && rules[i - 1] != '\n'))
			continue;
		j = i + 1;
		U16_NEXT(rules, j, n, x);
		/* Skip "}' '?" to the following ideograph. */
		while (j < n && (rules[j] == '}' || rules[j] == '\'' ||
		    rules[j] == ' ' || rules[j] == '?'))
			j++;
		if (j >= n)
			break;
		U16_NEXT(rules, j, n, y);
		k = utf8_put(s, (unsigned long)x);
		utf8_put(s + k, (unsigned long)y);
		ok = fold_agrees(t, s);
		s[k] = ' ';
		utf8_put(s + k + 1, (unsigned long)y);
		ok = ok && fold_agrees(t, s);
		rules_seen++;
	}
	free(rules);
	utrans_close(tr);
	/*
	 * ICU 72 has four such rules.  None found means the rules' format
	 * changed: look at han_context in text.c again.
	 */
	return ok && rules_seen > 0;
}

static void
test_fold_invalid(void)
{
	static const struct {
		const char	*s;
		const char	*msg;
	} cases[] = {
		{ "ab\xc0\xaf", "byte 2" },		/* overlong '/' */
		{ "\xe0\x80\xaf", "byte 0" },		/* overlong, 3 bytes */
		{ "x\xed\xa0\x80y", "byte 1" },		/* surrogate D800 */
		{ "abc\xe2\x82", "byte 3" },		/* truncated */
		{ "\xf4\x90\x80\x80", "byte 0" },	/* above U+10FFFF */
		{ "M\xfcller", "byte 1" },		/* Latin-1 */
		{ "\x80", "byte 0" },			/* stray continuation */
	};
	struct kith_text	*t;
	struct kith_err		 err;
	unsigned char		*key;
	size_t			 i, len;
	char			 sentinel[] = "x";
	char			*out;

	t = text_new("sr");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		out = sentinel;
		kith_err_clear(&err);
		CHECK_INT(text_fold(t, cases[i].s, &out, &err), KITH_INVALID);
		CHECK(out == NULL);
		CHECK(strstr(err.msg, cases[i].msg) != NULL);

		kith_err_clear(&err);
		CHECK_INT(text_nfc(t, cases[i].s, &out, &err), KITH_INVALID);
		CHECK(out == NULL);
		CHECK(strstr(err.msg, cases[i].msg) != NULL);

		kith_err_clear(&err);
		CHECK_INT(text_sort_key(t, cases[i].s, &key, &len, &err),
		    KITH_INVALID);
		CHECK(key == NULL && len == 0);
		CHECK(strstr(err.msg, cases[i].msg) != NULL);
	}
	/* A NULL err is fine. */
	CHECK_INT(text_fold(t, "\xff", &out, NULL), KITH_INVALID);
	text_free(t);
}

static void
test_valid_utf8(void)
{
	static const struct {
		const char	*s;
		size_t		 len;
		int		 valid;
		size_t		 bad;
	} cases[] = {
		{ "", 0, 1, 0 },
		{ "plain ASCII, longer than eight bytes", 36, 1, 0 },
		{ "a\0b", 3, 1, 0 },			/* NUL is valid */
		{ "\xc2\x80", 2, 1, 0 },		/* U+0080 */
		{ "\xdf\xbf", 2, 1, 0 },		/* U+07FF */
		{ "\xe0\xa0\x80", 3, 1, 0 },		/* U+0800 */
		{ "\xed\x9f\xbf", 3, 1, 0 },		/* U+D7FF */
		{ "\xee\x80\x80", 3, 1, 0 },		/* U+E000 */
		{ "\xef\xbf\xbf", 3, 1, 0 },		/* U+FFFF */
		{ "\xf0\x90\x80\x80", 4, 1, 0 },	/* U+10000 */
		{ "\xf4\x8f\xbf\xbf", 4, 1, 0 },	/* U+10FFFF */
		{ "\xc0\x80", 2, 0, 0 },		/* overlong NUL */
		{ "\xc1\xbf", 2, 0, 0 },		/* overlong */
		{ "\xe0\x9f\xbf", 3, 0, 0 },		/* overlong */
		{ "\xf0\x8f\xbf\xbf", 4, 0, 0 },	/* overlong */
		{ "\xed\xa0\x80", 3, 0, 0 },		/* U+D800 */
		{ "\xed\xbf\xbf", 3, 0, 0 },		/* U+DFFF */
		{ "\xf4\x90\x80\x80", 4, 0, 0 },	/* U+110000 */
		{ "\xf5\x80\x80\x80", 4, 0, 0 },
		{ "\xff", 1, 0, 0 },
		{ "abcdefgh\xbf", 9, 0, 8 },		/* stray continuation */
		{ "abc\xe2\x82", 5, 0, 3 },		/* truncated */
		{ "abc\xe2\x82" "d", 6, 0, 3 },		/* cut short */
		{ "\xc3\xa9t\xc3", 4, 0, 3 },		/* truncated at end */
		{ "ok \xf0\x9f\x98\x80 \xf0\x9f\x98", 11, 0, 8 },
	};
	size_t	i, bad;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		bad = 12345;
		CHECK_INT(text_valid_utf8(cases[i].s, cases[i].len, &bad),
		    cases[i].valid);
		CHECK_INT(bad, cases[i].valid ? 12345 : cases[i].bad);
	}
	CHECK(text_valid_utf8("\xff", 1, NULL) == 0);
	CHECK(text_valid_utf8(NULL, 0, NULL) == 1);
}

/*
 * Every sequence of up to three bytes, and four-byte ones over the ranges
 * that matter, is valid exactly when ICU decodes it without error.
 */
static void
test_valid_utf8_vs_icu(void)
{
	unsigned char	 s[4];
	UChar		 u[8];
	UErrorCode	 ue;
	unsigned	 a, b, c, d;
	size_t		 len;
	int		 bad = 0, icu;

	for (a = 0x80; a < 0x100; a++) {
		for (b = 0; b < 0x100; b++) {
			for (c = 0; c < 0x100; c += (a >= 0xe0 ? 1 : 0x100)) {
				s[0] = (unsigned char)a;
				s[1] = (unsigned char)b;
				s[2] = (unsigned char)c;
				s[3] = 0x80;
				len = a >= 0xf0 ? 4 : a >= 0xe0 ? 3 : 2;
				ue = U_ZERO_ERROR;
				u_strFromUTF8(u, 8, NULL, (const char *)s,
				    (int32_t)len, &ue);
				icu = U_SUCCESS(ue);
				if (text_valid_utf8((const char *)s, len,
				    NULL) != icu)
					bad++;
				/* Every proper prefix of a sequence is cut. */
				for (d = 1; icu && d < len; d++)
					bad += text_valid_utf8((const char *)s,
					    d, NULL);
			}
		}
	}
	CHECK_INT(bad, 0);
}

static void
test_nfc(void)
{
	struct kith_text	*t;
	struct kith_err		 err;
	char			*out;

	t = text_new(NULL);
	CHECK_INT(text_nfc(t, "e\xcc\x81", &out, &err), KITH_OK);
	CHECK_STR(out, "\xc3\xa9");			/* é */
	free(out);
	CHECK_INT(text_nfc(t, "Pe\xcc\x81tar", &out, &err), KITH_OK);
	CHECK_STR(out, "P\xc3\xa9tar");
	free(out);
	CHECK_INT(text_nfc(t, "\xe2\x84\xab", &out, &err), KITH_OK);
	CHECK_STR(out, "\xc3\x85");			/* Angstrom sign, Å */
	free(out);
	/* Hangul jamo compose to a syllable. */
	CHECK_INT(text_nfc(t, "\xe1\x84\x80\xe1\x85\xa1", &out, &err),
	    KITH_OK);
	CHECK_STR(out, "\xea\xb0\x80");			/* 가 */
	free(out);
	/* NFC, not NFKC: the ligature stays. */
	CHECK_INT(text_nfc(t, "\xef\xac\x81", &out, &err), KITH_OK);
	CHECK_STR(out, "\xef\xac\x81");
	free(out);
	CHECK_INT(text_nfc(t, "Петровић 王小明", &out, &err), KITH_OK);
	CHECK_STR(out, "Петровић 王小明");
	free(out);
	CHECK_INT(text_nfc(t, "plain", &out, &err), KITH_OK);
	CHECK_STR(out, "plain");
	free(out);
	CHECK_INT(text_nfc(t, "", &out, &err), KITH_OK);
	CHECK_STR(out, "");
	free(out);
	CHECK_INT(text_nfc(t, NULL, &out, &err), KITH_OK);
	CHECK_STR(out, "");
	free(out);
	text_free(t);
}

/* Compares the sort keys of a and b like memcmp: <0, 0 or >0. */
static int
key_cmp(struct kith_text *t, const char *a, const char *b)
{
	unsigned char	*ka = NULL, *kb = NULL;
	size_t		 la = 0, lb = 0;
	int		 r = 99;

	if (text_sort_key(t, a, &ka, &la, NULL) != KITH_OK ||
	    text_sort_key(t, b, &kb, &lb, NULL) != KITH_OK)
		goto out;
	/* The keys end in a zero byte that occurs nowhere else. */
	if (la == 0 || lb == 0 || ka[la - 1] != 0 || kb[lb - 1] != 0 ||
	    memchr(ka, 0, la - 1) != NULL || memchr(kb, 0, lb - 1) != NULL)
		goto out;
	r = memcmp(ka, kb, la < lb ? la : lb);
	r = r < 0 ? -1 : r > 0 ? 1 : 0;
	if (r == 0 && la != lb)
		r = 98;		/* equal prefix: impossible with the zero */
out:
	free(ka);
	free(kb);
	return r;
}

/* True if the NULL-terminated names are in strictly ascending order. */
static int
collates(const char *locale, const char *const *names)
{
	struct kith_text	*t;
	int			 ok = 1;

	t = text_new(locale);
	for (; ok && names[1] != NULL; names++) {
		if (key_cmp(t, names[0], names[1]) != -1) {
			fprintf(stderr, "%s: \"%s\" does not sort before "
			    "\"%s\"\n", locale ? locale : "(root)", names[0],
			    names[1]);
			ok = 0;
		}
	}
	text_free(t);
	return ok;
}

static void
test_sort_key(void)
{
	static const char *const root[] = { "Čačak", "Cvijić", "edgar",
	    "Edgar", "Émile", "Fiona", "Zoran", "王小明", NULL };
	static const char *const latin_sr[] = { "Cvijić", "Čačak", "Ćosić",
	    "Dragan", "Džaković", "Đorđe", "Edgar", "Lazar", "Ljubica",
	    "Sava", "Šarac", "Zoran", "Žarko", NULL };
	/* sr: Cyrillic first, in Serbian order, then Latin. */
	static const char *const sr[] = { "Дејан", "Ђорђе", "Цвијић", "Чачак",
	    "Џаковић", "Шта", "Cvijić", "Čačak", "Ćosić", "Đorđe", NULL };
	static const char *const hr[] = { "Cvijić", "Čačak", "Zoran", "Žarko",
	    "Ђорђе", NULL };
	struct kith_text	*t;
	struct kith_err		 err;
	unsigned char		*key;
	size_t			 len;

	CHECK(collates(NULL, root));
	CHECK(collates("", root));
	CHECK(collates("C", root));
	CHECK(collates("C.UTF-8", root));
	CHECK(collates("POSIX", root));
	CHECK(collates("en_US.UTF-8", root));
	CHECK(collates("sr", latin_sr));
	CHECK(collates("sr", sr));
	CHECK(collates("sr_RS.UTF-8", sr));
	CHECK(collates("sr_RS.UTF-8@latin", latin_sr));
	CHECK(collates("sr_RS.UTF-8@latin", hr));
	CHECK(collates("sr_Latn_RS", hr));
	CHECK(collates("hr", latin_sr));
	CHECK(collates("hr_HR.UTF-8", hr));
	CHECK(collates("bs_BA", hr));

	/* Decomposed text sorts as composed; case is a tie-break. */
	t = text_new(NULL);
	CHECK_INT(key_cmp(t, "E\xcc\x81mile", "Émile"), 0);
	CHECK_INT(key_cmp(t, "émile", "Émile"), -1);
	CHECK_INT(key_cmp(t, "", "a"), -1);
	CHECK_INT(key_cmp(t, "a", "ab"), -1);
	CHECK_INT(text_sort_key(t, NULL, &key, &len, &err), KITH_OK);
	CHECK(len > 0);
	free(key);
	text_free(t);

	/* An unknown locale falls back to root. */
	CHECK(collates("xx_YY.UTF-8", root));
}

static void
test_new_free(void)
{
	struct kith_text	*t;

	text_free(NULL);
	t = text_new(NULL);
	CHECK_STR(text_locale(t), "");
	text_free(t);
	t = text_new("sr_RS.UTF-8@latin");
	CHECK_STR(text_locale(t), "sr_RS.UTF-8@latin");
	text_free(t);
}

/*
 * Strings that take the full transliterator are kept with their folded
 * forms in a bounded cache: many more distinct ones than it has slots,
 * folded twice in other orders on one kith_text, and on a fresh one, give
 * the same results (a slot taken by another string is never mistaken for
 * the string asked).
 */
static void
test_fold_cache(void)
{
	enum { N = 3000 };
	struct kith_text *t = text_new("en_US"), *fresh = text_new("en_US");
	struct kith_err	 err;
	char		 s[N][16], *first[N], *again, *other;
	int		 i, n, bad = 0, ok = 1;

	for (i = 0; i < N; i++) {
		/* Two Hangul syllables: not in the fold tables. */
		n = utf8_put(s[i], 0xac00 + i);
		utf8_put(s[i] + n, 0xac00 + (i * 7) % 11172);
		if (text_fold(t, s[i], &first[i], &err) != KITH_OK)
			first[i] = NULL, ok = 0;
	}
	CHECK(ok);
	for (i = N - 1; i >= 0 && ok; i--) {
		if (text_fold(t, s[i], &again, &err) != KITH_OK ||
		    text_fold(fresh, s[(i * 13) % N], &other, &err) != KITH_OK) {
			ok = 0;
			break;
		}
		bad += strcmp(again, first[i]) != 0 ||
		    strcmp(other, first[(i * 13) % N]) != 0;
		free(again);
		free(other);
	}
	CHECK(ok);
	CHECK_INT(bad, 0);
	CHECK(first[0] != NULL && first[0][0] != '\0');
	for (i = 0; i < N; i++)
		free(first[i]);
	text_free(t);
	text_free(fresh);
}

TEST_MAIN(test_fold_examples, test_fold_ascii, test_fold_tables,
    test_fold_invalid, test_valid_utf8, test_valid_utf8_vs_icu, test_nfc,
    test_sort_key, test_new_free, test_fold_cache)
