/* SPDX-License-Identifier: MIT */
/*
 * The vCard reader (vcard.h): cards found in a buffer, content lines
 * unfolded on bytes, quoted-printable soft breaks joined, each line split
 * into group, name, parameters and value, values decoded.  kith's own
 * parser: Debian's vCard libraries were tried on the fixtures and found
 * wanting (README, "vCard").
 *
 * Invariants: every read is bounded by the buffer's length; a card is
 * delivered whole or as a problem with its raw bytes; values handed on are
 * valid UTF-8.
 */
#include <errno.h>
#include <iconv.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/text.h"
#include "kith/util.h"
#include "kith/vcard.h"

struct rd {
	const char	*buf;
	size_t		 len;
	size_t		 pos;
	long		 lineno;	/* of the line last returned */
};

struct pline {				/* a physical line */
	const char	*s;
	size_t		 n;		/* without the line break */
	long		 lineno;
};

static int	next_line(struct rd *, struct pline *);
static int	is_word(const struct pline *, const char *);
static void	card_clear(struct vcard_card *);
static void	card_problem(struct vcard_card *, long, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	card_warn(struct vcard_card *, long, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
static void	read_props(struct vcard_card *, const struct pline *, size_t,
		    int eof);
static int	is_qp_line(const char *, size_t);
static void	parse_prop(struct vcard_card *, long, char *, size_t);
static void	add_param(struct vcard_prop *, const char *, size_t,
		    const char *, size_t);
static const char *param(const struct vcard_prop *, const char *);
static char	*qp_decode(const char *, size_t *);
static char	*to_utf8(const char *, size_t, const char *);
static int	base64_ok(const char *);

static int
next_line(struct rd *r, struct pline *l)
{
	const char	*nl;
	size_t		 n;

	if (r->pos >= r->len)
		return 0;
	l->s = r->buf + r->pos;
	nl = memchr(l->s, '\n', r->len - r->pos);
	n = nl != NULL ? (size_t)(nl - l->s) : r->len - r->pos;
	r->pos += n + (nl != NULL);
	if (n > 0 && l->s[n - 1] == '\r')
		n--;
	l->n = n;
	l->lineno = ++r->lineno;
	return 1;
}

/* 1 if l is word (BEGIN:VCARD, ...) without case, trailing blanks allowed. */
static int
is_word(const struct pline *l, const char *word)
{
	size_t	n = l->n, wl = strlen(word);

	while (n > 0 && (l->s[n - 1] == ' ' || l->s[n - 1] == '\t'))
		n--;
	return n == wl && strncasecmp(l->s, word, wl) == 0;
}

int
vcard_sniff(const char *buf, size_t len)
{
	size_t	i = 0;

	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", buf[i]) != NULL)
		i++;
	return len - i >= 11 && strncasecmp(buf + i, "BEGIN:VCARD", 11) == 0;
}

static void
card_clear(struct vcard_card *c)
{
	size_t	i, k;

	for (i = 0; i < c->n_props; i++) {
		for (k = 0; k < c->props[i].n_params; k++) {
			free(c->props[i].params[k].name);
			free(c->props[i].params[k].value);
		}
		free(c->props[i].params);
		free(c->props[i].group);
		free(c->props[i].name);
		free(c->props[i].value);
		free(c->props[i].raw);
	}
	free(c->props);
	for (i = 0; i < c->n_warnings; i++)
		free(c->warnings[i].msg);
	free(c->warnings);
	free(c->problem);
	memset(c, 0, sizeof *c);
}

static void
card_problem(struct vcard_card *c, long line, const char *fmt, ...)
{
	va_list	ap;

	if (c->problem != NULL)
		return;
	va_start(ap, fmt);
	c->problem = xvasprintf(fmt, ap);
	va_end(ap);
	c->problem_line = line;
}

static void
card_warn(struct vcard_card *c, long line, const char *fmt, ...)
{
	va_list	ap;

	c->warnings = xreallocarray(c->warnings, c->n_warnings + 1,
	    sizeof *c->warnings);
	va_start(ap, fmt);
	c->warnings[c->n_warnings].msg = xvasprintf(fmt, ap);
	va_end(ap);
	c->warnings[c->n_warnings++].line = line;
}

long
vcard_parse(const char *buf, size_t len, vcard_card_fn fn, void *arg)
{
	struct rd		 r = { buf, len, 0, 0 };
	struct pline		 l, *lines = NULL;
	struct vcard_card	 card;
	size_t			 n_lines = 0, cap = 0, stray_off = 0;
	long			 delivered = 0, stray_line = 0, nested, depth;
	int			 stop = 0, seen = 0, ended;

	memset(&card, 0, sizeof card);
	if (len >= 3 && memcmp(buf, "\xef\xbb\xbf", 3) == 0)
		r.pos = 3;
	while (!stop && next_line(&r, &l)) {
		if (is_word(&l, "END:VCARD")) {
			card.line = stray_line ? stray_line : l.lineno;
			card.text = buf + (stray_line ? stray_off :
			    (size_t)(l.s - buf));
			card.len = r.pos - (size_t)(card.text - buf);
			card_problem(&card, l.lineno, "END:VCARD without BEGIN "
			    "(lines %ld-%ld ignored)", card.line, l.lineno);
			stray_line = 0;
			delivered++;
			stop = fn(&card, arg);
			card_clear(&card);
			continue;
		}
		if (!is_word(&l, "BEGIN:VCARD")) {
			if (l.n > 0 && strspn(l.s, " \t") < l.n &&
			    stray_line == 0) {
				stray_line = l.lineno;
				stray_off = (size_t)(l.s - buf);
			}
			continue;
		}
		if (stray_line != 0 && seen) {
			card.line = stray_line;
			card.text = buf + stray_off;
			card.len = (size_t)(l.s - card.text);
			card_problem(&card, stray_line, "lines %ld-%ld are not "
			    "inside a vCard; ignored", stray_line,
			    l.lineno - 1);
			delivered++;
			stop = fn(&card, arg);
			card_clear(&card);
			if (stop)
				break;
		}
		stray_line = 0;
		seen = 1;
		card.line = l.lineno;
		card.text = l.s;
		n_lines = 0;
		nested = 0;
		depth = 1;
		ended = 0;
		while (next_line(&r, &l)) {
			if (is_word(&l, "BEGIN:VCARD")) {
				depth++;
				if (nested == 0)
					nested = l.lineno;
			} else if (is_word(&l, "END:VCARD") && --depth == 0) {
				ended = 1;
				break;
			}
			if (n_lines == cap) {
				cap = cap ? cap * 2 : 32;
				lines = xreallocarray(lines, cap, sizeof *lines);
			}
			lines[n_lines++] = l;
		}
		card.len = r.pos - (size_t)(card.text - buf);
		if (nested != 0)
			card_problem(&card, card.line, "nested BEGIN:VCARD at "
			    "line %ld; record rejected", nested);
		read_props(&card, lines, n_lines, !ended);
		if (!ended)
			card_problem(&card, card.line, "missing END:VCARD at "
			    "end of file");
		delivered++;
		stop = fn(&card, arg);
		card_clear(&card);
	}
	if (!stop && stray_line != 0 && seen) {
		card.line = stray_line;
		card.text = buf + stray_off;
		card.len = len - stray_off;
		card_problem(&card, stray_line, "lines %ld-%ld are not inside "
		    "a vCard; ignored", stray_line, r.lineno);
		delivered++;
		(void)fn(&card, arg);
		card_clear(&card);
	}
	free(lines);
	return delivered;
}

/* 1 if the content line's name and parameters say QUOTED-PRINTABLE. */
static int
is_qp_line(const char *s, size_t n)
{
	const char	*colon = memchr(s, ':', n);
	size_t		 i, m;

	m = colon != NULL ? (size_t)(colon - s) : n;
	for (i = 0; i + 16 <= m; i++)
		if (strncasecmp(s + i, "QUOTED-PRINTABLE", 16) == 0)
			return 1;
	return 0;
}

/*
 * Joins the physical lines of one card into content lines and parses
 * them.  A line that begins with a space or TAB continues the previous
 * one (the one character removed; kept in 2.1, which folds at
 * whitespace); in a quoted-printable value, a line ending in '=' is a
 * soft break: the next line is joined as it is.
 */
static void
read_props(struct vcard_card *card, const struct pline *lines, size_t n,
    int eof)
{
	struct sbuf	 cur = { 0 };
	long		 cur_line = 0;
	size_t		 i;
	int		 qp = 0, v21 = 0, soft;

	for (i = 0; i <= n; i++) {
		const struct pline *l = i < n ? &lines[i] : NULL;

		soft = qp && cur.len > 0 && cur.s[cur.len - 1] == '=';
		if (l != NULL && cur_line != 0 && soft) {
			cur.len--;
			cur.s[cur.len] = '\0';
			if (l->n > 0 && (l->s[0] == ' ' || l->s[0] == '\t'))
				sbuf_addn(&cur, l->s + 1, l->n - 1);
			else
				sbuf_addn(&cur, l->s, l->n);
			continue;
		}
		if (l != NULL && cur_line != 0 && l->n > 0 &&
		    (l->s[0] == ' ' || l->s[0] == '\t')) {
			if (v21)
				sbuf_addn(&cur, l->s, l->n);
			else
				sbuf_addn(&cur, l->s + 1, l->n - 1);
			continue;
		}
		if (l == NULL && soft && eof) {
			card_problem(card, cur_line, "quoted-printable soft "
			    "line break at end of file");
			break;
		}
		if (cur_line != 0) {
			if (cur.len == 11 && strncasecmp(cur.s, "VERSION:2.1",
			    11) == 0)
				v21 = 1;
			parse_prop(card, cur_line, cur.s, cur.len);
			sbuf_reset(&cur);
			cur_line = 0;
		}
		if (l == NULL)
			break;
		if (l->n == 0 || strspn(l->s, " \t") >= l->n)
			continue;	/* blank lines are allowed */
		cur_line = l->lineno;
		sbuf_addn(&cur, l->s, l->n);
		qp = is_qp_line(l->s, l->n);
	}
	sbuf_free(&cur);
}

static void
add_param(struct vcard_prop *p, const char *name, size_t nl,
    const char *value, size_t vl)
{
	size_t	i;

	p->params = xreallocarray(p->params, p->n_params + 1,
	    sizeof *p->params);
	p->params[p->n_params].name = xstrndup(name, nl);
	for (i = 0; i < nl; i++)
		if (p->params[p->n_params].name[i] >= 'a' &&
		    p->params[p->n_params].name[i] <= 'z')
			p->params[p->n_params].name[i] -= 32;
	p->params[p->n_params++].value = xstrndup(value, vl);
}

static const char *
param(const struct vcard_prop *p, const char *name)
{
	size_t	i;

	for (i = 0; i < p->n_params; i++)
		if (strcmp(p->params[i].name, name) == 0)
			return p->params[i].value;
	return NULL;
}

/* Splits the content line s (n bytes, NUL-terminated) into a property. */
static void
parse_prop(struct vcard_card *card, long line, char *s, size_t n)
{
	struct vcard_prop	 p;
	const char		*enc, *cs, *name_end, *dot, *v;
	char			*dec = NULL;
	size_t			 i, dlen, nl, bad;
	int			 quoted = 0;

	memset(&p, 0, sizeof p);
	p.line = line;
	/* The name: up to ';' or ':'. */
	for (i = 0; i < n && s[i] != ';' && s[i] != ':'; i++)
		;
	if (i == n) {
		card_warn(card, line, "no ':' on line; line skipped");
		return;
	}
	name_end = s + i;
	dot = memchr(s, '.', i);
	if (dot != NULL) {
		p.group = xstrndup(s, (size_t)(dot - s));
		p.name = xstrndup(dot + 1, (size_t)(name_end - dot - 1));
	} else
		p.name = xstrndup(s, i);
	for (char *u = p.name; *u != '\0'; u++)
		if (*u >= 'a' && *u <= 'z')
			*u -= 32;
	/* Parameters: NAME=VALUE[,VALUE], quoted values, 2.1 bare words. */
	while (i < n && s[i] == ';') {
		const char *pn = s + ++i, *eq = NULL, *pv;

		while (i < n && (quoted || (s[i] != ';' && s[i] != ':'))) {
			if (s[i] == '"')
				quoted = !quoted;
			else if (s[i] == '=' && eq == NULL && !quoted)
				eq = s + i;
			i++;
		}
		if (eq == NULL) {
			nl = (size_t)(s + i - pn);
			if (nl == 0)
				continue;
			if ((nl == 16 && strncasecmp(pn, "QUOTED-PRINTABLE", 16)
			    == 0) || (nl == 6 && strncasecmp(pn, "BASE64", 6)
			    == 0) || (nl == 4 && (strncasecmp(pn, "8BIT", 4)
			    == 0 || strncasecmp(pn, "7BIT", 4) == 0)))
				add_param(&p, "ENCODING", 8, pn, nl);
			else
				add_param(&p, "TYPE", 4, pn, nl);
			continue;
		}
		pv = eq + 1;
		nl = (size_t)(s + i - pv);
		/* Quotes removed: "voice,home" -> voice,home. */
		if (nl >= 2 && pv[0] == '"' && pv[nl - 1] == '"')
			add_param(&p, pn, (size_t)(eq - pn), pv + 1, nl - 2);
		else
			add_param(&p, pn, (size_t)(eq - pn), pv, nl);
	}
	if (i >= n || s[i] != ':') {
		card_warn(card, line, "no ':' on line; line skipped");
		goto out;
	}
	v = s + i + 1;
	dlen = n - (size_t)(v - s);
	p.raw = xstrndup(s, n);

	enc = param(&p, "ENCODING");
	cs = param(&p, "CHARSET");
	if (enc != NULL && strcasecmp(enc, "QUOTED-PRINTABLE") == 0) {
		dec = qp_decode(v, &dlen);
	} else if (enc != NULL && (strcasecmp(enc, "B") == 0 ||
	    strcasecmp(enc, "BASE64") == 0)) {
		dec = xstrndup(v, dlen);
		if (!base64_ok(dec))
			card_problem(card, line, "truncated or broken base64 "
			    "in %s", p.name);
	} else if (enc != NULL && strcasecmp(enc, "8BIT") != 0 &&
	    strcasecmp(enc, "7BIT") != 0) {
		card_problem(card, line, "unknown encoding '%s' in %s", enc,
		    p.name);
		dec = xstrndup(v, dlen);
	} else
		dec = xstrndup(v, dlen);
	if (cs != NULL && strcasecmp(cs, "UTF-8") != 0 &&
	    strcasecmp(cs, "UTF8") != 0 && card->problem == NULL) {
		char *u = to_utf8(dec, dlen, cs);

		if (u == NULL)
			card_problem(card, line, "%s: text in charset '%s' "
			    "cannot be read", p.name, cs);
		else {
			free(dec);
			dec = u;
			dlen = strlen(u);
		}
	}
	p.value = dec;
	dec = NULL;
	if (!text_valid_utf8(p.value, dlen, &bad) ||
	    memchr(p.value, '\0', dlen) != NULL ||
	    !text_valid_utf8(p.name, strlen(p.name), NULL) ||
	    (p.group != NULL && !text_valid_utf8(p.group, strlen(p.group),
	    NULL)))
		card_problem(card, line, "invalid UTF-8 in %s", p.name);
	for (i = 0; i < p.n_params; i++)
		if (!text_valid_utf8(p.params[i].value,
		    strlen(p.params[i].value), NULL))
			card_problem(card, line, "invalid UTF-8 in %s", p.name);
	/* The raw line, kept for properties kith has no field for. */
	if (!text_valid_utf8(p.raw, n, NULL) && cs == NULL)
		card_problem(card, line, "invalid UTF-8 in %s", p.name);
	card->props = xreallocarray(card->props, card->n_props + 1,
	    sizeof *card->props);
	card->props[card->n_props++] = p;
	return;
out:
	for (i = 0; i < p.n_params; i++) {
		free(p.params[i].name);
		free(p.params[i].value);
	}
	free(p.params);
	free(p.group);
	free(p.name);
	free(p.raw);
	free(dec);
}

static int
hexval(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	return -1;
}

/* Decodes =XX across the whole value; *len in, bytes out. */
static char *
qp_decode(const char *s, size_t *len)
{
	char	*out = xmalloc(*len + 1);
	size_t	 i, o = 0;
	int	 h, l;

	for (i = 0; i < *len; i++) {
		if (s[i] == '=' && i + 2 < *len &&
		    (h = hexval(s[i + 1])) >= 0 &&
		    (l = hexval(s[i + 2])) >= 0) {
			out[o++] = (char)(h * 16 + l);
			i += 2;
		} else
			out[o++] = s[i];
	}
	out[o] = '\0';
	*len = o;
	return out;
}

/* s (len bytes) from charset to UTF-8, or NULL (caller frees). */
static char *
to_utf8(const char *s, size_t len, const char *charset)
{
	iconv_t	 cd;
	char	*in = (char *)s, *out, *o;
	size_t	 il = len, ol = len * 4 + 4;

	if ((cd = iconv_open("UTF-8", charset)) == (iconv_t)-1)
		return NULL;
	out = o = xmalloc(ol + 1);
	if (iconv(cd, &in, &il, &o, &ol) == (size_t)-1) {
		iconv_close(cd);
		free(out);
		return NULL;
	}
	iconv_close(cd);
	*o = '\0';
	return out;
}

/* 1 if s is whole base64 (blanks ignored): no stray byte, no cut end. */
static int
base64_ok(const char *s)
{
	size_t	n = 0, pad = 0;

	for (; *s != '\0'; s++) {
		if (*s == ' ' || *s == '\t')
			continue;
		if (*s == '=') {
			pad++;
			n++;
			continue;
		}
		if (pad > 0 || !((*s >= 'A' && *s <= 'Z') || (*s >= 'a' &&
		    *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '+' ||
		    *s == '/'))
			return 0;
		n++;
	}
	return n % 4 == 0 && pad <= 2;
}
