/* SPDX-License-Identifier: MIT */
/*
 * A vCard read as a contact (vcard_card_contact), and a card applied to
 * the stored contact its UID names (vcard_apply).  The vocabulary of
 * labels and messaging services is shared with the writer
 * (vcard_write.c) through vcard_impl.h, so what one writes the other
 * reads back the same.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/contact.h"
#include "kith/text.h"
#include "kith/util.h"
#include "kith/vcard.h"
#include "contact_impl.h"
#include "vcard_impl.h"

const struct vcard_service vcard_services[] = {
	{ "XMPP", "xmpp", "X-JABBER" },
	{ "Skype", "skype", "X-SKYPE" },
	{ "AIM", "aim", "X-AIM" },
	{ "ICQ", "icq", "X-ICQ" },
	{ "MSN", "msnim", "X-MSN" },
	{ "Yahoo", "ymsgr", "X-YAHOO" },
	{ "Google Talk", "gtalk", "X-GOOGLE-TALK" },
	{ "QQ", "qq", "X-QQ" },
	{ "Gadu-Gadu", "gg", "X-GADUGADU" },
	{ "SIP", "sip", "X-SIP" },
	{ "IRC", "irc", NULL },
	{ NULL, NULL, NULL }
};

static const char *const type_words[] = {
	"home", "work", "other", "mobile", "fax", "pager", "main", "iphone",
	"text", "video", "textphone", "voice", "msg", "bbs", "modem", "car",
	"isdn", "pcs", "postal", "parcel", "dom", "intl", NULL
};

static const struct vcard_prop *group_label(const struct vcard_card *,
		    const struct vcard_prop *);
static char	*label_of(const struct vcard_card *, const struct vcard_prop *,
		    int tel);
static char	*unescape(const char *, size_t);
static char	**split(const char *, char, size_t *);
static void	 split_free(char **, size_t);
static char	*list_joined(const char *, const char *);
static char	*parse_date(const char *, const char *omit_year);
static const char *pget(const struct vcard_prop *, const char *);
static void	 keep(struct contact *, const struct vcard_prop *, char **);

/*
 * Keeps p's line on c as read, unless it is not UTF-8 (a 2.1 line in
 * another charset, whose value only was converted): said, not stored.
 */
static void
keep(struct contact *c, const struct vcard_prop *p, char **warning)
{
	if (text_valid_utf8(p->raw, strlen(p->raw), NULL)) {
		contact_add_vprop(c, p->raw);
		return;
	}
	if (*warning == NULL)
		*warning = xasprintf("line %ld: %s is not UTF-8 as written; "
		    "not kept", p->line, p->name);
}

int
vcard_type_word(const char *w)
{
	size_t	i;

	for (i = 0; type_words[i] != NULL; i++)
		if (strcmp(w, type_words[i]) == 0)
			return 1;
	return 0;
}

static const char *
pget(const struct vcard_prop *p, const char *name)
{
	size_t	i;

	for (i = 0; i < p->n_params; i++)
		if (strcmp(p->params[i].name, name) == 0)
			return p->params[i].value;
	return NULL;
}

/* The X-ABLabel of p's group, or NULL. */
static const struct vcard_prop *
group_label(const struct vcard_card *card, const struct vcard_prop *p)
{
	size_t	i;

	if (p->group == NULL)
		return NULL;
	for (i = 0; i < card->n_props; i++)
		if (card->props[i].group != NULL &&
		    strcasecmp(card->props[i].group, p->group) == 0 &&
		    strcmp(card->props[i].name, "X-ABLABEL") == 0)
			return &card->props[i];
	return NULL;
}

/*
 * The label of an e-mail, phone, address, URL or date: its group's
 * X-ABLabel ("_$!<Home>!$_" read as "home"), else its TYPE words in
 * lower case, "cell" read as "mobile", without the words that only say
 * what it is (internet, pref, voice for a phone).  NULL if none.
 */
static char *
label_of(const struct vcard_card *card, const struct vcard_prop *p, int tel)
{
	const struct vcard_prop	*lp = group_label(card, p);
	struct sbuf		 sb = { 0 };
	const char		*v, *e;
	char			*w, *s;
	size_t			 i, n;

	if (lp != NULL && lp->value[0] != '\0') {
		s = unescape(lp->value, strlen(lp->value));
		n = strlen(s);
		if (n > 8 && strncmp(s, "_$!<", 4) == 0 &&
		    strcmp(s + n - 4, ">!$_") == 0) {
			memmove(s, s + 4, n - 8);
			s[n - 8] = '\0';
			for (w = s; *w; w++)
				if (*w >= 'A' && *w <= 'Z')
					*w += 32;
		}
		return s;
	}
	for (i = 0; i < p->n_params; i++) {
		if (strcmp(p->params[i].name, "TYPE") != 0)
			continue;
		for (v = p->params[i].value; *v != '\0'; v = *e ? e + 1 : e) {
			e = v + strcspn(v, ",");
			w = xstrndup(v, (size_t)(e - v));
			for (s = w; *s; s++)
				if (*s >= 'A' && *s <= 'Z')
					*s += 32;
			if (strcmp(w, "cell") == 0) {
				free(w);
				w = xstrdup("mobile");
			}
			if (*w == '\0' || strcmp(w, "internet") == 0 ||
			    strcmp(w, "pref") == 0 || strcmp(w, "x400") == 0 ||
			    (tel && strcmp(w, "voice") == 0) ||
			    (sb.len > 0 && strstr(sb.s, w) != NULL)) {
				free(w);
				continue;
			}
			if (sb.len > 0)
				sbuf_addc(&sb, ' ');
			sbuf_add(&sb, w);
			free(w);
		}
	}
	return sb.len > 0 ? sbuf_detach(&sb) : NULL;
}

/* TEXT unescaped: \n \N newline, \, \; \\ \: the character. */
static char *
unescape(const char *s, size_t n)
{
	char	*out = xmalloc(n + 1);
	size_t	 i, o = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == '\\' && i + 1 < n) {
			switch (s[i + 1]) {
			case 'n':
			case 'N':
				out[o++] = '\n';
				i++;
				continue;
			case ',':
			case ';':
			case '\\':
			case ':':
				out[o++] = s[++i];
				continue;
			}
		}
		out[o++] = s[i];
	}
	out[o] = '\0';
	return out;
}

/* s split on unescaped sep, the parts still escaped. */
static char **
split(const char *s, char sep, size_t *n)
{
	char		**v = NULL;
	const char	 *start = s;
	size_t		  i;

	*n = 0;
	for (i = 0;; i++) {
		if (s[i] == '\\' && s[i + 1] != '\0') {
			i++;
			continue;
		}
		if (s[i] == sep || s[i] == '\0') {
			v = xreallocarray(v, *n + 1, sizeof *v);
			v[(*n)++] = xstrndup(start, (size_t)(s + i - start));
			if (s[i] == '\0')
				break;
			start = s + i + 1;
		}
	}
	return v;
}

static void
split_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

/* A component that may be a list (4.0): its values unescaped, joined. */
static char *
list_joined(const char *comp, const char *glue)
{
	struct sbuf	 sb = { 0 };
	char		**v, *u;
	size_t		 n, i;

	v = split(comp, ',', &n);
	for (i = 0; i < n; i++) {
		u = unescape(v[i], strlen(v[i]));
		if (*u != '\0') {
			if (sb.len > 0)
				sbuf_add(&sb, glue);
			sbuf_add(&sb, u);
		}
		free(u);
	}
	split_free(v, n);
	return sb.len > 0 ? sbuf_detach(&sb) : NULL;
}

/*
 * "YYYY-MM-DD" or "--MM-DD" from the forms vCards write (1984-03-12,
 * 19710203, --0415, --04-15, a time after T), the year dropped when it is
 * Apple's X-APPLE-OMIT-YEAR; NULL if s is no such date.  Caller frees.
 */
static char *
parse_date(const char *s, const char *omit_year)
{
	char	 d[16], *out;
	size_t	 n = strcspn(s, "T");
	int	 i;

	while (*s == ' ')
		s++, n--;
	if (n >= sizeof d)
		return NULL;
	memcpy(d, s, n);
	d[n] = '\0';
	while (n > 0 && d[n - 1] == ' ')
		d[--n] = '\0';
	for (i = 0; i < (int)n; i++)
		if (!(d[i] == '-' || (d[i] >= '0' && d[i] <= '9')))
			return NULL;
	if (n == 6 && d[0] == '-' && d[1] == '-')
		out = xasprintf("--%.2s-%.2s", d + 2, d + 4);
	else if (n == 7 && d[0] == '-' && d[1] == '-' && d[4] == '-')
		out = xasprintf("--%.2s-%.2s", d + 2, d + 5);
	else if (n == 8 && d[0] != '-')
		out = xasprintf("%.4s-%.2s-%.2s", d, d + 4, d + 6);
	else if (n == 10 && d[4] == '-' && d[7] == '-')
		out = xstrdup(d);
	else
		return NULL;
	if (omit_year != NULL && out[0] != '-' &&
	    strncmp(out, omit_year, 4) == 0 && strlen(omit_year) == 4) {
		char *y = xasprintf("--%s", out + 5);

		free(out);
		out = y;
	}
	if (contact_date_check("date", out, NULL) != KITH_OK) {
		free(out);
		return NULL;
	}
	return out;
}

/* The messaging service for a scheme or X- property name, or NULL. */
const struct vcard_service *
vcard_service_by(const char *scheme, const char *xprop,
    const char *name)
{
	const struct vcard_service *s;

	for (s = vcard_services; s->name != NULL; s++)
		if ((scheme != NULL && strcasecmp(scheme, s->scheme) == 0) ||
		    (xprop != NULL && s->xprop != NULL &&
		    strcasecmp(xprop, s->xprop) == 0) ||
		    (name != NULL && strcasecmp(name, s->name) == 0))
			return s;
	if (xprop != NULL && strcasecmp(xprop, "X-SKYPE-USERNAME") == 0)
		return vcard_service_by(NULL, "X-SKYPE", NULL);
	if (xprop != NULL && strcasecmp(xprop, "X-GTALK") == 0)
		return vcard_service_by(NULL, "X-GOOGLE-TALK", NULL);
	if (scheme != NULL && strcasecmp(scheme, "jabber") == 0)
		return vcard_service_by("xmpp", NULL, NULL);
	return NULL;
}

static void
add_im(struct contact *c, const struct vcard_card *card,
    const struct vcard_prop *p)
{
	const struct vcard_service *sv = NULL;
	const char	*st = pget(p, "X-SERVICE-TYPE"), *colon;
	char		*v, *scheme = NULL, *label;
	const char	*handle;

	v = unescape(p->value, strlen(p->value));
	handle = v;
	if (strcmp(p->name, "IMPP") == 0) {
		colon = strchr(v, ':');
		if (colon != NULL && colon > v && strcspn(v, "@/ ") >
		    (size_t)(colon - v)) {
			scheme = xstrndup(v, (size_t)(colon - v));
			sv = vcard_service_by(scheme, NULL, NULL);
			handle = colon + 1;
		}
	} else
		sv = vcard_service_by(NULL, p->name, NULL);
	while (*handle == ' ')
		handle++;
	label = label_of(card, p, 0);
	if (*handle != '\0')
		contact_add_im(c, st != NULL && *st ? st : sv != NULL ?
		    sv->name : NULL, handle, label);
	free(label);
	free(scheme);
	free(v);
}

static void
add_date(struct contact *c, const struct vcard_card *card,
    const struct vcard_prop *p, const char *label, char **warn)
{
	char	*d = parse_date(p->value, pget(p, "X-APPLE-OMIT-YEAR"));
	char	*l = label != NULL ? xstrdup(label) : label_of(card, p, 0);

	if (d != NULL)
		contact_add_date(c, l != NULL ? l : "anniversary", d);
	else {
		char *u = unescape(p->value, strlen(p->value));
		char *k = xasprintf("Date (%s)", l != NULL ? l :
		    "anniversary");

		contact_add_custom(c, k, u);
		if (*warn == NULL)
			*warn = xasprintf("line %ld: '%s' is not a date; kept "
			    "as the field \"%s\"", p->line, u, k);
		free(k);
		free(u);
	}
	free(d);
	free(l);
}

enum kith_status
vcard_card_contact(const struct vcard_card *card, struct contact **out,
    char **warning, struct kith_err *err)
{
	struct contact	*c = contact_new();
	const struct vcard_prop *p;
	char		**v, *u, *label;
	size_t		 i, k, n;
	int		 have_fn = 0, consumed;

	*out = NULL;
	*warning = NULL;
	for (i = 0; i < card->n_props; i++) {
		p = &card->props[i];
		consumed = 1;
		if (strcmp(p->name, "VERSION") == 0 ||
		    strcmp(p->name, "PRODID") == 0 ||
		    strcmp(p->name, "REV") == 0)
			continue;
		if (strcmp(p->name, "X-ABLABEL") == 0) {
			/* Read with its group's property, unless that is kept. */
			for (k = 0; k < card->n_props; k++)
				if (k != i && card->props[k].group != NULL &&
				    strcasecmp(card->props[k].group, p->group ?
				    p->group : "") == 0 &&
				    vcard_kept(card->props[k].name))
					break;
			if (k < card->n_props && p->group != NULL)
				keep(c, p, warning);
			continue;
		}
		if (strcmp(p->name, "FN") == 0) {
			u = unescape(p->value, strlen(p->value));
			if (!have_fn && u[strspn(u, " \t")] != '\0') {
				c->display = u;
				have_fn = 1;
				continue;
			}
			free(u);
			/* Another language's FN (ALTID) is kept as read. */
			if (have_fn)
				keep(c, p, warning);
			continue;
		}
		if (strcmp(p->name, "N") == 0) {
			if (c->family != NULL || c->given != NULL ||
			    c->prefix != NULL || c->middle != NULL ||
			    c->suffix != NULL) {
				keep(c, p, warning);
				continue;
			}
			v = split(p->value, ';', &n);
			char **parts[5] = { &c->family, &c->given, &c->middle,
			    &c->prefix, &c->suffix };
			for (k = 0; k < n && k < 5; k++)
				*parts[k] = list_joined(v[k], " ");
			split_free(v, n);
		} else if (strcmp(p->name, "NICKNAME") == 0) {
			if (c->nickname == NULL)
				c->nickname = list_joined(p->value, ", ");
			else
				keep(c, p, warning);
		} else if (strcmp(p->name, "ORG") == 0) {
			if (c->org != NULL) {
				keep(c, p, warning);
				continue;
			}
			v = split(p->value, ';', &n);
			c->org = unescape(v[0], strlen(v[0]));
			if (n > 1) {
				struct sbuf sb = { 0 };

				for (k = 1; k < n; k++) {
					u = unescape(v[k], strlen(v[k]));
					if (*u != '\0') {
						if (sb.len > 0)
							sbuf_add(&sb, "; ");
						sbuf_add(&sb, u);
					}
					free(u);
				}
				if (sb.len > 0)
					c->department = sbuf_detach(&sb);
			}
			split_free(v, n);
		} else if (strcmp(p->name, "TITLE") == 0 && c->title == NULL) {
			c->title = unescape(p->value, strlen(p->value));
		} else if (strcmp(p->name, "EMAIL") == 0) {
			u = unescape(p->value, strlen(p->value));
			label = label_of(card, p, 0);
			if (u[strspn(u, " \t")] != '\0')
				contact_add_email(c, u, label);
			free(label);
			free(u);
		} else if (strcmp(p->name, "TEL") == 0) {
			const char *t;

			u = unescape(p->value, strlen(p->value));
			t = u + strspn(u, " \t");
			if (strncasecmp(t, "tel:", 4) == 0) {
				char *ext;

				t += 4;
				if ((ext = strstr(t, ";ext=")) != NULL) {
					char *x = xasprintf("%.*s ext. %s",
					    (int)(ext - t), t, ext + 5);

					free(u);
					u = x;
					t = u;
				}
			}
			label = label_of(card, p, 1);
			if (*t != '\0')
				contact_add_phone(c, t, label);
			free(label);
			free(u);
		} else if (strcmp(p->name, "ADR") == 0) {
			struct contact_address a = { 0 };
			struct sbuf sb = { 0 };

			v = split(p->value, ';', &n);
			for (k = 0; k < 3 && k < n; k++) {
				u = list_joined(v[k], ", ");
				if (u != NULL) {
					if (sb.len > 0)
						sbuf_add(&sb, ", ");
					sbuf_add(&sb, u);
				}
				free(u);
			}
			a.street = sb.len > 0 ? sbuf_detach(&sb) : NULL;
			a.city = n > 3 ? list_joined(v[3], ", ") : NULL;
			a.region = n > 4 ? list_joined(v[4], ", ") : NULL;
			a.postcode = n > 5 ? list_joined(v[5], ", ") : NULL;
			a.country = n > 6 ? list_joined(v[6], ", ") : NULL;
			a.label = label_of(card, p, 0);
			split_free(v, n);
			if (a.street || a.city || a.region || a.postcode ||
			    a.country)
				contact_add_address(c, &a);
			free(a.street);
			free(a.city);
			free(a.region);
			free(a.postcode);
			free(a.country);
			free(a.label);
		} else if (strcmp(p->name, "URL") == 0 ||
		    strcmp(p->name, "X-SOCIALPROFILE") == 0) {
			u = unescape(p->value, strlen(p->value));
			label = label_of(card, p, 0);
			if (strcmp(p->name, "X-SOCIALPROFILE") == 0) {
				char *l = label != NULL ? xasprintf("social %s",
				    label) : xstrdup("social");

				free(label);
				label = l;
			}
			if (*u != '\0')
				contact_add_url(c, u, label);
			free(label);
			free(u);
		} else if (strcmp(p->name, "BDAY") == 0 && c->birthday == NULL) {
			const char *vt = pget(p, "VALUE");

			c->birthday = vt != NULL && strcasecmp(vt, "text") == 0 ?
			    NULL : parse_date(p->value,
			    pget(p, "X-APPLE-OMIT-YEAR"));
			if (c->birthday == NULL) {
				/* A text birthday ("circa 1960") is kept. */
				u = unescape(p->value, strlen(p->value));
				if (*u != '\0')
					contact_add_custom(c, "Birthday", u);
				free(u);
			}
		} else if (strcmp(p->name, "ANNIVERSARY") == 0 ||
		    strcmp(p->name, "X-ANNIVERSARY") == 0 ||
		    strcmp(p->name, "X-MS-ANNIVERSARY") == 0 ||
		    strcmp(p->name, "X-EVOLUTION-ANNIVERSARY") == 0) {
			add_date(c, card, p, "anniversary", warning);
		} else if (strcmp(p->name, "X-ABDATE") == 0) {
			add_date(c, card, p, NULL, warning);
		} else if (strcmp(p->name, "NOTE") == 0) {
			u = unescape(p->value, strlen(p->value));
			if (c->notes == NULL)
				c->notes = u;
			else {
				char *j = xasprintf("%s\n\n%s", c->notes, u);

				free(c->notes);
				free(u);
				c->notes = j;
			}
		} else if (strcmp(p->name, "CATEGORIES") == 0) {
			v = split(p->value, ',', &n);
			for (k = 0; k < n; k++) {
				u = unescape(v[k], strlen(v[k]));
				char *t = u + strspn(u, " \t");
				size_t tl = strlen(t);

				while (tl > 0 && (t[tl - 1] == ' ' ||
				    t[tl - 1] == '\t'))
					t[--tl] = '\0';
				if (*t != '\0')
					contact_add_tag(c, t);
				free(u);
			}
			split_free(v, n);
		} else if (strcmp(p->name, "UID") == 0 && c->uid == NULL) {
			u = unescape(p->value, strlen(p->value));
			if (u[strspn(u, " \t")] != '\0')
				c->uid = u;
			else
				free(u);
		} else if (strcmp(p->name, "IMPP") == 0 ||
		    (vcard_service_by(NULL, p->name, NULL) != NULL &&
		    strncmp(p->name, "X-", 2) == 0) ||
		    strcmp(p->name, "X-MS-IMADDRESS") == 0) {
			add_im(c, card, p);
		} else if (strcmp(p->name, "X-KITH-FIELD") == 0) {
			v = split(p->value, ';', &n);
			u = unescape(v[0], strlen(v[0]));
			char *val = n > 1 ? unescape(v[1], strlen(v[1])) :
			    xstrdup("");

			if (*u != '\0')
				contact_add_custom(c, u, val);
			free(u);
			free(val);
			split_free(v, n);
		} else if (strcmp(p->name, "X-KITH-CADENCE") == 0) {
			c->cadence_days = atoi(p->value);
			if (c->cadence_days < 0)
				c->cadence_days = 0;
		} else
			consumed = 0;
		if (!consumed)
			keep(c, p, warning);
	}

	/* The display name: FN, else N, ORG, the first e-mail or phone. */
	if (c->display == NULL) {
		char *saved = c->nickname;

		c->nickname = NULL;
		c->display = contact_name_from_parts(c);
		c->nickname = saved;
	}
	if (c->display == NULL && c->org != NULL && *c->org != '\0')
		c->display = xstrdup(c->org);
	if (c->display == NULL && c->n_emails > 0)
		c->display = xstrdup(c->emails[0].addr);
	if (c->display == NULL && c->n_phones > 0)
		c->display = xstrdup(c->phones[0].raw);
	if (c->display == NULL && c->nickname != NULL)
		c->display = xstrdup(c->nickname);
	if (c->display == NULL) {
		contact_free(c);
		return kith_err_set(err, KITH_INVALID, "the card names nobody "
		    "(no FN, N, ORG, EMAIL or TEL)");
	}
	*out = c;
	return KITH_OK;
}

/* 1 if a property of this name is kept as read (no kith field). */
int
vcard_kept(const char *name)
{
	static const char *const mapped[] = { "VERSION", "PRODID", "REV",
	    "FN", "N", "NICKNAME", "ORG", "TITLE", "EMAIL", "TEL", "ADR",
	    "URL", "X-SOCIALPROFILE", "BDAY", "ANNIVERSARY", "X-ANNIVERSARY",
	    "X-MS-ANNIVERSARY", "X-EVOLUTION-ANNIVERSARY", "X-ABDATE", "NOTE",
	    "CATEGORIES", "UID", "IMPP", "X-MS-IMADDRESS", "X-KITH-FIELD",
	    "X-KITH-CADENCE", "X-ABLABEL", NULL };
	size_t	i;

	for (i = 0; mapped[i] != NULL; i++)
		if (strcmp(name, mapped[i]) == 0)
			return 0;
	if (strncmp(name, "X-", 2) == 0 &&
	    vcard_service_by(NULL, name, NULL) != NULL)
		return 0;
	return 1;
}

static void
move_str(char **to, char **from)
{
	free(*to);
	*to = *from;
	*from = NULL;
}

void
vcard_apply(struct contact *into, struct contact *card)
{
	size_t		 i, j;

	/* The card's own copy is consumed field by field. */
	move_str(&into->display, &card->display);
	move_str(&into->prefix, &card->prefix);
	move_str(&into->given, &card->given);
	move_str(&into->middle, &card->middle);
	move_str(&into->family, &card->family);
	move_str(&into->suffix, &card->suffix);
	move_str(&into->nickname, &card->nickname);
	move_str(&into->org, &card->org);
	move_str(&into->department, &card->department);
	move_str(&into->title, &card->title);
	move_str(&into->birthday, &card->birthday);
	move_str(&into->notes, &card->notes);
	move_str(&into->uid, &card->uid);
	if (card->cadence_days > 0)
		into->cadence_days = card->cadence_days;

#define SWAP_LIST(f, nf) do {						\
	void *tp = into->f; size_t tn = into->nf;			\
	into->f = card->f; into->nf = card->nf;				\
	card->f = tp; card->nf = tn;					\
} while (0)
	SWAP_LIST(emails, n_emails);
	SWAP_LIST(phones, n_phones);
	SWAP_LIST(addrs, n_addrs);
	SWAP_LIST(urls, n_urls);
	SWAP_LIST(tags, n_tags);
	SWAP_LIST(dates, n_dates);
	SWAP_LIST(ims, n_ims);
	SWAP_LIST(vprops, n_vprops);
#undef SWAP_LIST
	/* Custom fields: the stored ones stay, the card's are added. */
	for (i = 0; i < card->n_custom; i++) {
		for (j = 0; j < into->n_custom; j++)
			if (strcmp(into->custom[j].key, card->custom[i].key) == 0
			    && strcmp(into->custom[j].value,
			    card->custom[i].value) == 0)
				break;
		if (j == into->n_custom)
			contact_add_custom(into, card->custom[i].key,
			    card->custom[i].value);
	}
}

int
vcard_merge_extra(struct contact *into, const struct contact *c)
{
	size_t	i, j;
	int	ch = 0;

	if (str_empty(into->uid) && !str_empty(c->uid)) {
		contact_set(&into->uid, c->uid);
		ch = 1;
	}
	if (str_empty(into->department) && !str_empty(c->department)) {
		contact_set(&into->department, c->department);
		ch = 1;
	}
	for (i = 0; i < c->n_dates; i++) {
		for (j = 0; j < into->n_dates; j++)
			if (strcmp(into->dates[j].date, c->dates[i].date) == 0 &&
			    contact_same_text(into->dates[j].label,
			    c->dates[i].label))
				break;
		if (j == into->n_dates) {
			contact_add_date(into, c->dates[i].label,
			    c->dates[i].date);
			ch = 1;
		}
	}
	for (i = 0; i < c->n_ims; i++) {
		for (j = 0; j < into->n_ims; j++)
			if (strcasecmp(into->ims[j].handle, c->ims[i].handle)
			    == 0 && contact_same_text(into->ims[j].service,
			    c->ims[i].service))
				break;
		if (j == into->n_ims) {
			contact_add_im(into, c->ims[i].service,
			    c->ims[i].handle, c->ims[i].label);
			ch = 1;
		}
	}
	for (i = 0; i < c->n_vprops; i++) {
		for (j = 0; j < into->n_vprops; j++)
			if (strcmp(into->vprops[j], c->vprops[i]) == 0)
				break;
		if (j == into->n_vprops) {
			contact_add_vprop(into, c->vprops[i]);
			ch = 1;
		}
	}
	return ch;
}
