/* SPDX-License-Identifier: MIT */
/*
 * A contact written as a vCard 3.0 or 4.0 (vcard_write): CRLF lines
 * folded at 75 octets, never inside a UTF-8 character (nor, in a kept
 * quoted-printable line, inside an =XX), text escaped, labels as TYPE
 * words or, when they are not TYPE words, as an Apple itemN group with
 * X-ABLabel, and the lines kith has no field for written back as read.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "kith/contact.h"
#include "kith/util.h"
#include "kith/vcard.h"
#include "vcard_impl.h"

struct out {
	struct sbuf	*sb;
	int		 version;	/* 3 or 4 */
	int		 item;		/* the next itemN group */
};

static void	fold(struct sbuf *, const char *, size_t);
static void	esc(struct sbuf *, const char *);
static void	put(struct out *, struct sbuf *);
static const char *label_group(struct out *, struct sbuf *, const char *,
		    const char *prop, char *group, size_t);
static void	put_label(struct out *, const char *group, const char *label);
static void	put_date(struct sbuf *, const char *, int version);

/*
 * Appends one content line folded: at most 75 octets a line, the
 * continuation lines beginning with a space, never splitting a UTF-8
 * character or a quoted-printable =XX.
 */
static void
fold(struct sbuf *sb, const char *s, size_t n)
{
	size_t	pos = 0, cut, max;
	int	qp = 0;
	size_t	i;
	char	*flat;

	/*
	 * A line break inside one content line (a kept line that never went
	 * through the store's cleaning) would end it there: a space instead.
	 */
	if (memchr(s, '\n', n) != NULL || memchr(s, '\r', n) != NULL) {
		flat = xstrndup(s, n);
		for (i = 0; i < n; i++)
			if (flat[i] == '\n' || flat[i] == '\r')
				flat[i] = ' ';
		fold(sb, flat, n);
		free(flat);
		return;
	}
	for (i = 0; i + 16 <= n && s[i] != ':'; i++)
		if (strncasecmp(s + i, "QUOTED-PRINTABLE", 16) == 0)
			qp = 1;
	while (pos < n || pos == 0) {
		max = pos == 0 ? 75 : 74;
		cut = n - pos;
		if (cut > max) {
			cut = max;
			while (cut > 1 && ((unsigned char)s[pos + cut] & 0xc0)
			    == 0x80)
				cut--;
			while (qp && cut > 3 && (s[pos + cut - 1] == '=' ||
			    s[pos + cut - 2] == '='))
				cut--;
		}
		if (pos > 0)
			sbuf_addc(sb, ' ');
		sbuf_addn(sb, s + pos, cut);
		sbuf_add(sb, "\r\n");
		pos += cut;
		if (n == 0)
			break;
	}
}

/* TEXT escaped: backslash, newline, comma and semicolon. */
static void
esc(struct sbuf *sb, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '\\':
			sbuf_add(sb, "\\\\");
			break;
		case '\n':
			sbuf_add(sb, "\\n");
			break;
		case '\r':
			break;
		case ',':
			sbuf_add(sb, "\\,");
			break;
		case ';':
			sbuf_add(sb, "\\;");
			break;
		default:
			sbuf_addc(sb, *s);
		}
	}
}

static void
put(struct out *o, struct sbuf *line)
{
	fold(o->sb, line->s != NULL ? line->s : "", line->len);
	sbuf_reset(line);
}

/*
 * Starts line with prop and, for label, its TYPE words (tel: phone
 * words) or, when label is no TYPE word, an itemN group whose name goes
 * in group (for put_label).  Returns the group or NULL.
 */
static const char *
label_group(struct out *o, struct sbuf *line, const char *label,
    const char *prop, char *group, size_t gsize)
{
	char	*copy, *w, *save = NULL;
	int	 words = 1;

	if (label != NULL && *label != '\0') {
		copy = xstrdup(label);
		for (w = strtok_r(copy, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save))
			if (!vcard_type_word(w))
				words = 0;
		free(copy);
		if (!words || strchr(label, ' ') == label ||
		    label[strlen(label) - 1] == ' ' ||
		    strstr(label, "  ") != NULL) {
			snprintf(group, gsize, "item%d", o->item++);
			sbuf_printf(line, "%s.%s", group, prop);
			return group;
		}
	}
	sbuf_add(line, prop);
	if (label != NULL && *label != '\0') {
		sbuf_add(line, ";TYPE=");
		copy = xstrdup(label);
		save = NULL;
		for (w = strtok_r(copy, " ", &save); w != NULL;
		    w = strtok_r(NULL, " ", &save)) {
			if (line->s[line->len - 1] != '=')
				sbuf_addc(line, ',');
			/* "mobile" is what kith calls a vCard's "cell". */
			sbuf_add(line, strcmp(w, "mobile") == 0 ? "cell" : w);
		}
		free(copy);
	}
	return NULL;
}

static void
put_label(struct out *o, const char *group, const char *label)
{
	struct sbuf	line = { 0 };

	if (group == NULL)
		return;
	sbuf_printf(&line, "%s.X-ABLabel:", group);
	esc(&line, label);
	put(o, &line);
	sbuf_free(&line);
}

/* YYYY-MM-DD as 3.0 writes it (4.0: YYYYMMDD); --MM-DD as --MMDD. */
static void
put_date(struct sbuf *line, const char *d, int version)
{
	if (d[0] == '-' && strlen(d) == 7)
		sbuf_printf(line, "--%.2s%.2s", d + 2, d + 5);
	else if (version == 4 && strlen(d) == 10)
		sbuf_printf(line, "%.4s%.2s%.2s", d, d + 5, d + 8);
	else
		sbuf_add(line, d);
}

void
vcard_write(struct sbuf *sb, const struct contact *c, int version)
{
	struct out	 o = { sb, version == 4 ? 4 : 3, 1 };
	struct sbuf	 line = { 0 };
	const struct vcard_service *sv;
	const char	*g;
	char		 group[32], when[32];
	struct tm	 tm;
	time_t		 t;
	size_t		 i;
	int		 n;

	/* Groups kith makes are numbered after those the card came with. */
	for (i = 0; i < c->n_vprops; i++)
		if (strncasecmp(c->vprops[i], "item", 4) == 0 &&
		    (n = atoi(c->vprops[i] + 4)) >= o.item)
			o.item = n + 1;

	fold(sb, "BEGIN:VCARD", 11);
	fold(sb, o.version == 4 ? "VERSION:4.0" : "VERSION:3.0", 11);
	sbuf_add(&line, "FN:");
	esc(&line, c->display);
	put(&o, &line);
	if (o.version == 3 || c->family || c->given || c->middle ||
	    c->prefix || c->suffix) {
		const char *parts[5] = { c->family, c->given, c->middle,
		    c->prefix, c->suffix };

		sbuf_add(&line, "N:");
		for (i = 0; i < 5; i++) {
			if (i > 0)
				sbuf_addc(&line, ';');
			esc(&line, parts[i]);
		}
		put(&o, &line);
	}
	if (!str_empty(c->nickname)) {
		sbuf_add(&line, "NICKNAME:");
		esc(&line, c->nickname);
		put(&o, &line);
	}
	if (!str_empty(c->org) || !str_empty(c->department)) {
		sbuf_add(&line, "ORG:");
		esc(&line, c->org);
		if (!str_empty(c->department)) {
			sbuf_addc(&line, ';');
			esc(&line, c->department);
		}
		put(&o, &line);
	}
	if (!str_empty(c->title)) {
		sbuf_add(&line, "TITLE:");
		esc(&line, c->title);
		put(&o, &line);
	}
	for (i = 0; i < c->n_emails; i++) {
		g = label_group(&o, &line, c->emails[i].label, "EMAIL", group,
		    sizeof group);
		if (o.version == 3)
			sbuf_add(&line, g != NULL || str_empty(
			    c->emails[i].label) ? ";TYPE=INTERNET" :
			    ",INTERNET");
		if (i == 0)
			sbuf_add(&line, o.version == 4 ? ";PREF=1" :
			    ";TYPE=pref");
		sbuf_addc(&line, ':');
		sbuf_add(&line, c->emails[i].addr);
		put(&o, &line);
		put_label(&o, g, c->emails[i].label);
	}
	for (i = 0; i < c->n_phones; i++) {
		g = label_group(&o, &line, c->phones[i].label, "TEL", group,
		    sizeof group);
		if (o.version == 4)
			sbuf_add(&line, ";VALUE=text");
		if (i == 0)
			sbuf_add(&line, o.version == 4 ? ";PREF=1" :
			    ";TYPE=pref");
		sbuf_addc(&line, ':');
		esc(&line, c->phones[i].raw);
		put(&o, &line);
		put_label(&o, g, c->phones[i].label);
	}
	for (i = 0; i < c->n_addrs; i++) {
		const struct contact_address *a = &c->addrs[i];

		g = label_group(&o, &line, a->label, "ADR", group,
		    sizeof group);
		sbuf_add(&line, ":;;");
		esc(&line, a->street);
		sbuf_addc(&line, ';');
		esc(&line, a->city);
		sbuf_addc(&line, ';');
		esc(&line, a->region);
		sbuf_addc(&line, ';');
		esc(&line, a->postcode);
		sbuf_addc(&line, ';');
		esc(&line, a->country);
		put(&o, &line);
		put_label(&o, g, a->label);
	}
	for (i = 0; i < c->n_urls; i++) {
		const char *l = c->urls[i].key;

		if (l != NULL && strncmp(l, "social", 6) == 0 &&
		    (l[6] == '\0' || l[6] == ' ')) {
			sbuf_add(&line, "X-SOCIALPROFILE");
			if (l[6] == ' ') {
				sbuf_add(&line, ";TYPE=\"");
				for (const char *s = l + 7; *s; s++)
					sbuf_addc(&line, *s == '"' ? '\'' : *s);
				sbuf_addc(&line, '"');
			}
			g = NULL;
		} else
			g = label_group(&o, &line, l, "URL", group,
			    sizeof group);
		sbuf_addc(&line, ':');
		sbuf_add(&line, c->urls[i].value);
		put(&o, &line);
		put_label(&o, g, l);
	}
	if (!str_empty(c->birthday)) {
		sbuf_add(&line, "BDAY:");
		put_date(&line, c->birthday, o.version);
		put(&o, &line);
	}
	for (i = 0; i < c->n_dates; i++) {
		const char *l = c->dates[i].label;

		if (l == NULL || strcmp(l, "anniversary") == 0) {
			sbuf_add(&line, o.version == 4 ? "ANNIVERSARY:" :
			    "X-ANNIVERSARY:");
			g = NULL;
		} else {
			snprintf(group, sizeof group, "item%d", o.item++);
			g = group;
			sbuf_printf(&line, "%s.X-ABDATE:", g);
		}
		put_date(&line, c->dates[i].date, o.version);
		put(&o, &line);
		put_label(&o, g, l);
	}
	for (i = 0; i < c->n_ims; i++) {
		const struct contact_im *im = &c->ims[i];

		sv = im->service != NULL ? vcard_service_by(NULL, NULL,
		    im->service) : NULL;
		g = label_group(&o, &line, im->label, "IMPP", group,
		    sizeof group);
		if (!str_empty(im->service)) {
			sbuf_add(&line, ";X-SERVICE-TYPE=\"");
			for (const char *s = im->service; *s; s++)
				sbuf_addc(&line, *s == '"' ? '\'' : *s);
			sbuf_addc(&line, '"');
		}
		sbuf_printf(&line, ":%s:", sv != NULL ? sv->scheme :
		    "x-apple");
		esc(&line, im->handle);
		put(&o, &line);
		put_label(&o, g, im->label);
	}
	if (c->n_tags > 0) {
		sbuf_add(&line, "CATEGORIES:");
		for (i = 0; i < c->n_tags; i++) {
			if (i > 0)
				sbuf_addc(&line, ',');
			esc(&line, c->tags[i]);
		}
		put(&o, &line);
	}
	if (!str_empty(c->notes)) {
		sbuf_add(&line, "NOTE:");
		esc(&line, c->notes);
		put(&o, &line);
	}
	for (i = 0; i < c->n_custom; i++) {
		sbuf_add(&line, "X-KITH-FIELD:");
		esc(&line, c->custom[i].key);
		sbuf_addc(&line, ';');
		esc(&line, c->custom[i].value);
		put(&o, &line);
	}
	if (c->cadence_days > 0) {
		sbuf_printf(&line, "X-KITH-CADENCE:%d", c->cadence_days);
		put(&o, &line);
	}
	for (i = 0; i < c->n_vprops; i++)
		fold(sb, c->vprops[i], strlen(c->vprops[i]));
	if (!str_empty(c->uid)) {
		sbuf_add(&line, "UID:");
		esc(&line, c->uid);
		put(&o, &line);
	}
	if (c->updated > 0) {
		t = (time_t)c->updated;
		gmtime_r(&t, &tm);
		strftime(when, sizeof when, o.version == 4 ? "%Y%m%dT%H%M%SZ" :
		    "%Y-%m-%dT%H:%M:%SZ", &tm);
		sbuf_printf(&line, "REV:%s", when);
		put(&o, &line);
	}
	fold(sb, "END:VCARD", 9);
	sbuf_free(&line);
}
