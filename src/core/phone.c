/* SPDX-License-Identifier: MIT */
/*
 * Phone number normalisation and comparison (see phone.h).
 *
 * Everything here works on digit strings; nothing needs a full numbering
 * plan.  National numbers are expanded with a small table of regions
 * (calling code and whether national numbers start with a trunk 0); the
 * length of a calling code is read off its first two digits, since the
 * codes are prefix-free.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/phone.h"
#include "kith/util.h"
#include "internal.h"

struct region {
	const char	*code;		/* ISO 3166 alpha-2 */
	const char	*cc;		/* country calling code */
	int		 trunk0;	/* national numbers start with a 0 */
};

/* Regions whose national numbers kith can expand. */
static const struct region regions[] = {
	{ "US", "1", 0 }, { "CA", "1", 0 }, { "GB", "44", 1 },
	{ "IE", "353", 1 }, { "RS", "381", 1 }, { "HR", "385", 1 },
	{ "BA", "387", 1 }, { "ME", "382", 1 }, { "SI", "386", 1 },
	{ "MK", "389", 1 }, { "DE", "49", 1 }, { "AT", "43", 1 },
	{ "CH", "41", 1 }, { "FR", "33", 1 }, { "BE", "32", 1 },
	{ "NL", "31", 1 }, { "IT", "39", 0 }, { "ES", "34", 0 },
	{ "PT", "351", 0 }, { "SE", "46", 1 }, { "NO", "47", 0 },
	{ "DK", "45", 0 }, { "FI", "358", 1 }, { "PL", "48", 0 },
	{ "CZ", "420", 0 }, { "SK", "421", 1 }, { "HU", "36", 0 },
	{ "RO", "40", 1 }, { "BG", "359", 1 }, { "GR", "30", 0 },
	{ "TR", "90", 1 }, { "RU", "7", 0 }, { "UA", "380", 1 },
	{ "CN", "86", 1 }, { "JP", "81", 1 }, { "KR", "82", 1 },
	{ "IN", "91", 1 }, { "AU", "61", 1 }, { "NZ", "64", 1 },
	{ "BR", "55", 1 }, { "MX", "52", 0 }, { "ZA", "27", 1 },
	{ "IL", "972", 1 }, { "AE", "971", 1 }, { "SG", "65", 0 },
	{ "HK", "852", 0 },
};

/*
 * Two-digit calling codes by first digit: bit n set if "Dn" is a code.
 * One-digit codes are 1 and 7; every other code has three digits.
 */
static const unsigned short two_digit[10] = {
	[2] = 1u << 0 | 1u << 7,				/* 20 27 */
	[3] = 1u << 0 | 1u << 1 | 1u << 2 | 1u << 3 | 1u << 4 | 1u << 6 |
	    1u << 9,						/* 30-34 36 39 */
	[4] = 1u << 0 | 1u << 1 | 1u << 3 | 1u << 4 | 1u << 5 | 1u << 6 |
	    1u << 7 | 1u << 8 | 1u << 9,			/* 40 41 43-49 */
	[5] = 0x1feu,						/* 51-58 */
	[6] = 0x7fu,						/* 60-66 */
	[8] = 1u << 1 | 1u << 2 | 1u << 4 | 1u << 6,		/* 81 82 84 86 */
	[9] = 0x3fu | 1u << 8,					/* 90-95 98 */
};

/* Fewest digits of a local number (the part after the area code). */
#define PHONE_MIN_LOCAL	6

static const struct region	*find_region(const char *);
static char			*strip_intl(const char *, int *);

static const struct region *
find_region(const char *code)
{
	size_t	i;

	for (i = 0; i < sizeof regions / sizeof regions[0]; i++)
		if (code != NULL && strcasecmp(regions[i].code, code) == 0)
			return &regions[i];
	return &regions[0];
}

char *
phone_normalise(const char *raw, const char *region)
{
	const struct region	*r = find_region(region);
	struct sbuf		 d = { 0 };
	const char		*p, *q;
	int			 plus = 0;
	size_t			 n;

	if (raw == NULL)
		return xstrdup("");
	for (p = raw; *p == ' ' || *p == '\t'; p++)
		;
	plus = *p == '+';
	for (; *p != '\0'; p++) {
		/* "+44 (0) 7700": the (0) is the trunk prefix, not dialled. */
		if (p[0] == '(' && p[1] == '0' && p[2] == ')') {
			p += 2;
			continue;
		}
		if (*p >= '0' && *p <= '9')
			sbuf_addc(&d, *p);
	}
	if (d.len == 0) {
		sbuf_free(&d);
		return xstrdup("");
	}
	q = d.s;
	n = d.len;
	if (plus)
		p = xasprintf("+%s", q);
	else if (n > 2 && q[0] == '0' && q[1] == '0')
		p = xasprintf("+%s", q + 2);
	else if (strcmp(r->cc, "1") == 0) {
		if (n > 3 && strncmp(q, "011", 3) == 0)
			p = xasprintf("+%s", q + 3);
		else if (n == 10)
			p = xasprintf("+1%s", q);
		else if (n == 11 && q[0] == '1')
			p = xasprintf("+%s", q);
		else
			p = xstrdup(q);
	} else if (r->trunk0 && q[0] == '0' && n > 6)
		p = xasprintf("+%s%s", r->cc, q + 1);
	else if (!r->trunk0 && n > 6)
		p = xasprintf("+%s%s", r->cc, q);
	else
		p = xstrdup(q);
	sbuf_free(&d);
	return (char *)p;
}

char *
phone_digits(const char *s)
{
	struct sbuf	 sb = { 0 };
	const char	*p;

	if (s == NULL)
		return xstrdup("");
	for (p = s; *p == ' ' || *p == '\t'; p++)
		continue;
	if (*p == '+')
		sbuf_addc(&sb, '+');
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9')
			sbuf_addc(&sb, *p);
	}
	if (sb.len == 0)
		return xstrdup("");
	return sbuf_detach(&sb);
}

size_t
phone_count_digits(const char *s)
{
	size_t	n = 0;

	for (; s != NULL && *s != '\0'; s++)
		n += *s >= '0' && *s <= '9';
	return n;
}

size_t
phone_cc_len(const char *d)
{
	if (d == NULL || d[0] < '1' || d[0] > '9')
		return 0;
	if (d[0] == '1' || d[0] == '7')
		return 1;
	if (d[1] < '0' || d[1] > '9')
		return 0;
	if (two_digit[d[0] - '0'] & 1u << (d[1] - '0'))
		return 2;
	return d[2] >= '0' && d[2] <= '9' ? 3 : 0;
}

int
phone_looks_like(const char *s)
{
	const char	*p;

	if (s == NULL)
		return 0;
	for (p = s; *p != '\0'; p++)
		if (strchr("0123456789 \t+-.()/", *p) == NULL)
			return 0;
	return phone_count_digits(s) >= PHONE_MIN_DIGITS;
}

/*
 * The digits of s without an international prefix ('+' or "00"), and in
 * *intl whether it had one.  Caller frees.
 */
static char *
strip_intl(const char *s, int *intl)
{
	char	*d = phone_digits(s), *out;

	*intl = 0;
	if (d[0] == '+') {
		*intl = 1;
		out = xstrdup(d + 1);
	} else if (d[0] == '0' && d[1] == '0') {
		*intl = 1;
		out = xstrdup(d + 2);
	} else
		out = xstrdup(d);
	free(d);
	return out;
}

int
phone_matches(const char *query, const char *stored, const char *region)
{
	char		*qn, *qd, *norm;
	const char	*sd, *nat;
	size_t		 cc;
	int		 intl, yes = 0;

	if (phone_count_digits(query) < PHONE_MIN_DIGITS)
		return 0;
	norm = phone_normalise(stored, region);
	qn = phone_normalise(query, region);
	if (*norm == '\0' || strcmp(qn, norm) == 0) {
		yes = *norm != '\0';
		goto out;
	}
	qd = strip_intl(query, &intl);
	sd = norm[0] == '+' ? norm + 1 : norm;
	if (strcmp(qd, sd) == 0)
		yes = 1;	/* "442079460101", "00442079460101" */
	else if (!intl && norm[0] == '+' && (cc = phone_cc_len(sd)) > 0) {
		/* The national number, with or without its trunk 0. */
		nat = sd + cc;
		yes = strcmp(qd, nat) == 0 ||
		    (qd[0] == '0' && strcmp(qd + 1, nat) == 0);
	}
	free(qd);
out:
	free(qn);
	free(norm);
	return yes;
}

int
phone_same(const char *a, const char *b, const char *region)
{
	char	*na, *nb;
	int	 yes;

	if (a == NULL || b == NULL)
		return 0;
	na = phone_normalise(a, region);
	nb = phone_normalise(b, region);
	if (*na == '\0' || *nb == '\0')
		yes = strcmp(a, b) == 0;
	else
		yes = strcmp(na, nb) == 0;
	free(na);
	free(nb);
	return yes;
}

char *
phone_search_words(const char *raw, const char *norm)
{
	struct sbuf	 sb = { 0 };
	const char	*sd, *nat, *p;
	char		*d;
	size_t		 cc, nlen, tlen;

	if (norm == NULL || *norm == '\0')
		return xstrdup("");
	if (norm[0] != '+')
		return xstrdup(norm);
	sd = norm + 1;
	if ((cc = phone_cc_len(sd)) == 0 || sd[cc] == '\0')
		return xstrdup(sd);
	nat = sd + cc;
	sbuf_printf(&sb, "%s %s 0%s", sd, nat, nat);
	/*
	 * The country code before each later group as written, so that
	 * "447946" finds "+44 20 7946 0101": people remember a number as
	 * its country and its local part and drop the area code.  Each
	 * group start in raw is tried; its digits to the end must be a
	 * proper tail of the national number, and long enough to be a
	 * local number (not the last group alone: each word costs the
	 * index).
	 */
	nlen = strlen(nat);
	for (p = raw != NULL ? raw : ""; *p != '\0'; p++) {
		if (!(*p >= '0' && *p <= '9') || (p > raw && p[-1] >= '0' &&
		    p[-1] <= '9'))
			continue;
		tlen = phone_count_digits(p);
		if (tlen < PHONE_MIN_LOCAL || tlen >= nlen)
			continue;
		d = phone_digits(p);
		if (strcmp(d, nat + nlen - tlen) == 0) {
			sbuf_addc(&sb, ' ');
			sbuf_addn(&sb, sd, cc);
			sbuf_add(&sb, d);
		}
		free(d);
	}
	return sbuf_detach(&sb);
}

const char *
phone_region(struct kith_db *db)
{
	return db_region(db);
}

const char *
phone_damage(const char *raw, const char *region)
{
	const struct region	*r;
	const char		*p = raw, *start;
	size_t			 n;

	if (raw == NULL)
		return NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	start = p;
	while (*p >= '0' && *p <= '9')
		p++;
	n = (size_t)(p - start);
	if (n == 0)
		return NULL;
	if (*p == '.' || *p == ',') {
		/* A mantissa's fraction, then an exponent: 4,47701E+11. */
		p++;
		while (*p >= '0' && *p <= '9')
			p++;
	}
	if (*p == 'E' || *p == 'e') {
		p++;
		if (*p == '+')
			p++;
		if (*p < '0' || *p > '9')
			return NULL;
		while (*p >= '0' && *p <= '9')
			p++;
		while (*p == ' ' || *p == '\t')
			p++;
		return *p == '\0' ? "is in scientific notation: a spreadsheet "
		    "lost its last digits" : NULL;
	}
	if (p != start + n)
		return NULL;
	while (*p == ' ' || *p == '\t')
		p++;
	if (*p != '\0' || start[0] == '0' || n < 7 || n > 11)
		return NULL;
	r = find_region(region);
	if (!r->trunk0 || strncmp(start, r->cc, strlen(r->cc)) == 0)
		return NULL;
	return "may have lost a leading 0 (a spreadsheet drops it)";
}
