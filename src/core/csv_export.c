/* SPDX-License-Identifier: MIT */
/*
 * The export layouts: kith's own, Google Contacts' and Outlook's, each as
 * a header and one row per contact (see csvmap.h).  A row is built from a
 * struct contact alone; export.c reads the contacts and writes the CSV.
 *
 * Invariants:
 * - A row has exactly as many cells as its header, none NULL.
 * - The kith layout round-trips exactly through csvmap_contact(): to stay
 *   exact for values that themselves start with "'", a value that is a run
 *   of "'" followed by something csv_needs_neutralising() flags gets one
 *   more "'" (import removes one from any cell of that shape).
 * - Nothing is lost: what a layout has no column for goes to a column
 *   that can hold it (Google's custom fields, Outlook's Notes).
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/csvio.h"
#include "kith/util.h"
#include "csvmap.h"

enum layout { EXPORT_KITH, EXPORT_GOOGLE, EXPORT_OUTLOOK };

/* The outlook.com People export, in its order, then Categories. */
enum oc_role {
	OC_GIVEN, OC_MIDDLE, OC_FAMILY, OC_PREFIX, OC_SUFFIX, OC_NICK,
	OC_EMAIL, OC_PHONE, OC_TITLE, OC_ORG, OC_STREET, OC_CITY, OC_REGION,
	OC_POSTCODE, OC_COUNTRY, OC_URL, OC_BIRTHDAY, OC_ANNIV, OC_NOTES,
	OC_CUSTOM, OC_CATEGORIES, OC_DEPT, OC_IM
};

static const struct outlook_col {
	const char	*name;
	unsigned char	 role;		/* enum oc_role */
	unsigned char	 arg;		/* e-mail index, address or URL group */
	const char	*labels;	/* OC_PHONE: labels it takes, '|' */
} outlook_layout[] = {
	{ "First Name", OC_GIVEN, 0, NULL },
	{ "Middle Name", OC_MIDDLE, 0, NULL },
	{ "Last Name", OC_FAMILY, 0, NULL },
	{ "Title", OC_PREFIX, 0, NULL },
	{ "Suffix", OC_SUFFIX, 0, NULL },
	{ "Nickname", OC_NICK, 0, NULL },
	{ "Given Yomi", OC_CUSTOM, 0, NULL },
	{ "Surname Yomi", OC_CUSTOM, 0, NULL },
	{ "E-mail Address", OC_EMAIL, 0, NULL },
	{ "E-mail 2 Address", OC_EMAIL, 1, NULL },
	{ "E-mail 3 Address", OC_EMAIL, 2, NULL },
	{ "Home Phone", OC_PHONE, 0, "home" },
	{ "Home Phone 2", OC_PHONE, 0, "home" },
	{ "Business Phone", OC_PHONE, 0, "work|business" },
	{ "Business Phone 2", OC_PHONE, 0, "work|business" },
	{ "Mobile Phone", OC_PHONE, 0, "mobile|cell" },
	{ "Car Phone", OC_PHONE, 0, "car" },
	{ "Other Phone", OC_PHONE, 0, "other" },
	{ "Primary Phone", OC_PHONE, 0, "main|primary" },
	{ "Pager", OC_PHONE, 0, "pager" },
	{ "Business Fax", OC_PHONE, 0, "work fax|business fax" },
	{ "Home Fax", OC_PHONE, 0, "home fax" },
	{ "Other Fax", OC_PHONE, 0, "other fax|fax" },
	{ "Company Main Phone", OC_PHONE, 0, "company main|company" },
	{ "Callback", OC_PHONE, 0, "callback" },
	{ "Radio Phone", OC_PHONE, 0, "radio" },
	{ "Telex", OC_PHONE, 0, "telex" },
	{ "TTY/TDD Phone", OC_PHONE, 0, "tty" },
	{ "IMAddress", OC_IM, 0, NULL },
	{ "Job Title", OC_TITLE, 0, NULL },
	{ "Department", OC_DEPT, 0, NULL },
	{ "Company", OC_ORG, 0, NULL },
	{ "Office Location", OC_CUSTOM, 0, NULL },
	{ "Manager's Name", OC_CUSTOM, 0, NULL },
	{ "Assistant's Name", OC_CUSTOM, 0, NULL },
	{ "Assistant's Phone", OC_PHONE, 0, "assistant" },
	{ "Company Yomi", OC_CUSTOM, 0, NULL },
	{ "Business Street", OC_STREET, 0, NULL },
	{ "Business City", OC_CITY, 0, NULL },
	{ "Business State", OC_REGION, 0, NULL },
	{ "Business Postal Code", OC_POSTCODE, 0, NULL },
	{ "Business Country/Region", OC_COUNTRY, 0, NULL },
	{ "Home Street", OC_STREET, 1, NULL },
	{ "Home City", OC_CITY, 1, NULL },
	{ "Home State", OC_REGION, 1, NULL },
	{ "Home Postal Code", OC_POSTCODE, 1, NULL },
	{ "Home Country/Region", OC_COUNTRY, 1, NULL },
	{ "Other Street", OC_STREET, 2, NULL },
	{ "Other City", OC_CITY, 2, NULL },
	{ "Other State", OC_REGION, 2, NULL },
	{ "Other Postal Code", OC_POSTCODE, 2, NULL },
	{ "Other Country/Region", OC_COUNTRY, 2, NULL },
	{ "Personal Web Page", OC_URL, 1, NULL },
	{ "Spouse", OC_CUSTOM, 0, NULL },
	{ "Schools", OC_CUSTOM, 0, NULL },
	{ "Hobby", OC_CUSTOM, 0, NULL },
	{ "Location", OC_CUSTOM, 0, NULL },
	{ "Web Page", OC_URL, 0, NULL },
	{ "Birthday", OC_BIRTHDAY, 0, NULL },
	{ "Anniversary", OC_ANNIV, 0, NULL },
	{ "Notes", OC_NOTES, 0, NULL },
	/* Classic Outlook's column for tags; outlook.com ignores it. */
	{ "Categories", OC_CATEGORIES, 0, NULL },
};
#define OUTLOOK_NCOLS	(sizeof outlook_layout / sizeof outlook_layout[0])

static const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};

/* Outlook's address groups, in outlook_layout's arg order. */
static const char *const outlook_addr_labels[3] = {
	"work|business|office", "home", "other"
};

/* Google's fixed columns, then the numbered groups. */
static const char *const google_fixed[] = {
	"First Name", "Middle Name", "Last Name", "Phonetic First Name",
	"Phonetic Middle Name", "Phonetic Last Name", "Name Prefix",
	"Name Suffix", "Nickname", "File As", "Organization Name",
	"Organization Title", "Organization Department", "Birthday", "Notes",
	"Photo", "Labels"
};
#define GOOGLE_NFIXED	(sizeof google_fixed / sizeof google_fixed[0])

static const char *const google_addr_parts[] = {
	"Label", "Formatted", "Street", "City", "PO Box", "Region",
	"Postal Code", "Country", "Extended Address"
};

static const char *const kith_fixed[] = {
	"kith:display", "prefix", "given", "middle", "family", "suffix",
	"nickname", "org", "title", "birthday", "notes", "cadence", "archived",
	"department"
};
#define KITH_NFIXED	(sizeof kith_fixed / sizeof kith_fixed[0])

static const char *const kith_addr_parts[] = {
	"label", "street", "city", "region", "postcode", "country"
};

/* A growing array of heap strings, each with its guard flag. */
struct strv {
	char		**v;
	unsigned char	 *guard;	/* 1: free text (see csvmap.h) */
	size_t		  n;
	size_t		  cap;
};

static void		 strv_put(struct strv *, char *, int);
static void		 strv_add(struct strv *, const char *);
static void		 strv_take(struct strv *, char *);
static void		 strv_phone(struct strv *, const char *);
static void		 strv_date(struct strv *, const char *);
static int		 phone_shaped(const char *);
static int		 date_shaped(const char *);
static void		 strv_addf(struct strv *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));
static int		 export_fmt(const char *);
static void		 export_kith(const struct csvmap_dims *,
			    const struct contact *, struct strv *);
static char		*kith_cell(const char *);
static void		 export_google(const struct csvmap_dims *,
			    const struct contact *, struct strv *);
static void		 export_outlook(const struct contact *, struct strv *);
static size_t		 outlook_column(const char *);
static const char	*take_custom(const struct contact *, char *,
			    const char *);
static const char	*given_or_display(const struct contact *);
static char		*compose_name(const struct contact *);
static char		*google_label(const char *, int);
static char		*one_line_address(const struct contact_address *);
static char		*google_formatted(const struct contact_address *);
static int		 label_in(const char *, const char *);
static int		 iso_date(const char *, int *, int *, int *);
static char		*google_event_label(const char *);
static int		 outlook_anniversary(const struct contact *);

/* Appends s (taken) with its guard flag. */
static void
strv_put(struct strv *sv, char *s, int guard)
{
	if (sv->n == sv->cap) {
		sv->cap = sv->cap == 0 ? 64 : sv->cap * 2;
		sv->v = xreallocarray(sv->v, sv->cap, sizeof *sv->v);
		sv->guard = xreallocarray(sv->guard, sv->cap,
		    sizeof *sv->guard);
	}
	sv->guard[sv->n] = guard != 0;
	sv->v[sv->n++] = s;
}

/* Free text, taken: guarded. */
static void
strv_take(struct strv *sv, char *s)
{
	strv_put(sv, s, 1);
}

/* Free text, copied (NULL: empty): guarded. */
static void
strv_add(struct strv *sv, const char *s)
{
	strv_take(sv, xstrdup(s != NULL ? s : ""));
}

/* A phone number: written as it is when it looks like one. */
static void
strv_phone(struct strv *sv, const char *s)
{
	strv_put(sv, xstrdup(s != NULL ? s : ""), !phone_shaped(s));
}

/* A date as kith stores it: written as it is when it is one. */
static void
strv_date(struct strv *sv, const char *s)
{
	strv_put(sv, xstrdup(s != NULL ? s : ""), !date_shaped(s));
}

/*
 * 1 if s has the shape of a phone number, however formatted: a digit, and
 * nothing but digits, blanks, "+-().,/;#*" and the letters of "ext" or
 * "x" (any case).  A spreadsheet cannot run such a value as a command, so
 * it needs no guard; "+cmd|..." or "=1+1" is not phone-shaped.
 */
static int
phone_shaped(const char *s)
{
	int	 digit = 0;

	if (s == NULL)
		return 0;
	for (; *s != '\0'; s++) {
		if (isdigit((unsigned char)*s))
			digit = 1;
		else if (strchr(" +-().,/;#*eExXtT", *s) == NULL)
			return 0;
	}
	return digit;
}

/* 1 if s is "YYYY-MM-DD" or "--MM-DD" (digits in place). */
static int
date_shaped(const char *s)
{
	const char	*f;

	if (s == NULL)
		return 0;
	f = s[0] == '-' ? "--dd-dd" : "dddd-dd-dd";
	for (; *f != '\0'; f++, s++)
		if (*f == 'd' ? !isdigit((unsigned char)*s) : *s != *f)
			return 0;
	return *s == '\0';
}

static void
strv_addf(struct strv *sv, const char *fmt, ...)
{
	struct sbuf	 sb = { 0 };
	va_list		 ap;
	char		 buf[128];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	sbuf_add(&sb, buf);
	strv_take(sv, sbuf_detach(&sb));
}

static int
export_fmt(const char *format)
{
	if (format == NULL)
		return -1;
	if (strcasecmp(format, "kith") == 0)
		return EXPORT_KITH;
	if (strcasecmp(format, "google") == 0)
		return EXPORT_GOOGLE;
	if (strcasecmp(format, "outlook") == 0)
		return EXPORT_OUTLOOK;
	return -1;
}

enum kith_status
csvmap_export_header(const char *format, const struct csvmap_dims *dims,
    char ***fields, size_t *n, struct kith_err *err)
{
	struct strv	 sv = { 0 };

	*fields = NULL;
	*n = 0;
	switch (export_fmt(format)) {
	case EXPORT_KITH:
		export_kith(dims, NULL, &sv);
		break;
	case EXPORT_GOOGLE:
		export_google(dims, NULL, &sv);
		break;
	case EXPORT_OUTLOOK:
		export_outlook(NULL, &sv);
		break;
	default:
		return kith_err_set(err, KITH_INVALID, "unknown export format "
		    "'%s' (use kith, google, outlook)",
		    format != NULL ? format : "");
	}
	free(sv.guard);
	*fields = sv.v;
	*n = sv.n;
	return KITH_OK;
}

void
csvmap_export_row(const char *format, const struct csvmap_dims *dims,
    const struct contact *c, char ***fields, unsigned char **guard,
    size_t *n)
{
	struct strv	 sv = { 0 };

	switch (export_fmt(format)) {
	case EXPORT_KITH:
		export_kith(dims, c, &sv);
		break;
	case EXPORT_GOOGLE:
		export_google(dims, c, &sv);
		break;
	case EXPORT_OUTLOOK:
		export_outlook(c, &sv);
		break;
	default:
		break;
	}
	if (guard != NULL)
		*guard = sv.guard;
	else
		free(sv.guard);
	*fields = sv.v;
	*n = sv.n;
}

void
csvmap_row_free(char **fields, size_t n)
{
	size_t	 i;

	if (fields == NULL)
		return;
	for (i = 0; i < n; i++)
		free(fields[i]);
	free(fields);
}

/*
 * kith's layout: the header (c NULL) or the row of c.  Columns:
 * kith:display, prefix, given, middle, family, suffix, nickname, org,
 * title, birthday, notes, cadence, archived; then, numbered from 1 as far
 * as dims says, "email N", "email N label", "phone N", "phone N label",
 * "address N label|street|city|region|postcode|country", "url N",
 * "url N label", "tag N", "custom N key", "custom N value", "date N
 * label", "date N", "im N service", "im N", "im N label"; department is
 * the last fixed column, after archived.
 */
static void
export_kith(const struct csvmap_dims *dims, const struct contact *c,
    struct strv *sv)
{
	const char	*f[KITH_NFIXED];
	const struct contact_address *a;
	const char	*ap[6];
	size_t		 i, k;

	if (c == NULL) {
		for (i = 0; i < KITH_NFIXED; i++)
			strv_add(sv, kith_fixed[i]);
		for (i = 1; i <= dims->emails; i++) {
			strv_addf(sv, "email %zu", i);
			strv_addf(sv, "email %zu label", i);
		}
		for (i = 1; i <= dims->phones; i++) {
			strv_addf(sv, "phone %zu", i);
			strv_addf(sv, "phone %zu label", i);
		}
		for (i = 1; i <= dims->addrs; i++)
			for (k = 0; k < 6; k++)
				strv_addf(sv, "address %zu %s", i,
				    kith_addr_parts[k]);
		for (i = 1; i <= dims->urls; i++) {
			strv_addf(sv, "url %zu", i);
			strv_addf(sv, "url %zu label", i);
		}
		for (i = 1; i <= dims->tags; i++)
			strv_addf(sv, "tag %zu", i);
		for (i = 1; i <= dims->custom; i++) {
			strv_addf(sv, "custom %zu key", i);
			strv_addf(sv, "custom %zu value", i);
		}
		for (i = 1; i <= dims->dates; i++) {
			strv_addf(sv, "date %zu label", i);
			strv_addf(sv, "date %zu", i);
		}
		for (i = 1; i <= dims->ims; i++) {
			strv_addf(sv, "im %zu service", i);
			strv_addf(sv, "im %zu", i);
			strv_addf(sv, "im %zu label", i);
		}
		return;
	}
	f[0] = c->display;
	f[1] = c->prefix;
	f[2] = c->given;
	f[3] = c->middle;
	f[4] = c->family;
	f[5] = c->suffix;
	f[6] = c->nickname;
	f[7] = c->org;
	f[8] = c->title;
	f[9] = c->birthday;
	f[10] = c->notes;
	f[11] = NULL;
	f[12] = c->archived ? "1" : NULL;
	f[13] = c->department;
	for (i = 0; i < KITH_NFIXED; i++) {
		if (i == 11 && c->cadence_days > 0)
			strv_addf(sv, "%d", c->cadence_days);
		else
			strv_take(sv, kith_cell(f[i]));
	}
	for (i = 0; i < dims->emails; i++) {
		strv_take(sv, kith_cell(i < c->n_emails ?
		    c->emails[i].addr : NULL));
		strv_take(sv, kith_cell(i < c->n_emails ?
		    c->emails[i].label : NULL));
	}
	for (i = 0; i < dims->phones; i++) {
		strv_take(sv, kith_cell(i < c->n_phones ?
		    c->phones[i].raw : NULL));
		strv_take(sv, kith_cell(i < c->n_phones ?
		    c->phones[i].label : NULL));
	}
	for (i = 0; i < dims->addrs; i++) {
		a = i < c->n_addrs ? &c->addrs[i] : NULL;
		ap[0] = a != NULL ? a->label : NULL;
		ap[1] = a != NULL ? a->street : NULL;
		ap[2] = a != NULL ? a->city : NULL;
		ap[3] = a != NULL ? a->region : NULL;
		ap[4] = a != NULL ? a->postcode : NULL;
		ap[5] = a != NULL ? a->country : NULL;
		for (k = 0; k < 6; k++)
			strv_take(sv, kith_cell(ap[k]));
	}
	for (i = 0; i < dims->urls; i++) {
		strv_take(sv, kith_cell(i < c->n_urls ?
		    c->urls[i].value : NULL));
		strv_take(sv, kith_cell(i < c->n_urls ?
		    c->urls[i].key : NULL));
	}
	for (i = 0; i < dims->tags; i++)
		strv_take(sv, kith_cell(i < c->n_tags ? c->tags[i] : NULL));
	for (i = 0; i < dims->custom; i++) {
		strv_take(sv, kith_cell(i < c->n_custom ?
		    c->custom[i].key : NULL));
		strv_take(sv, kith_cell(i < c->n_custom ?
		    c->custom[i].value : NULL));
	}
	for (i = 0; i < dims->dates; i++) {
		strv_take(sv, kith_cell(i < c->n_dates ?
		    c->dates[i].label : NULL));
		strv_take(sv, kith_cell(i < c->n_dates ?
		    c->dates[i].date : NULL));
	}
	for (i = 0; i < dims->ims; i++) {
		strv_take(sv, kith_cell(i < c->n_ims ?
		    c->ims[i].service : NULL));
		strv_take(sv, kith_cell(i < c->n_ims ?
		    c->ims[i].handle : NULL));
		strv_take(sv, kith_cell(i < c->n_ims ?
		    c->ims[i].label : NULL));
	}
}

/*
 * A kith cell for s: s itself, with one more "'" if s is a run of "'"
 * before something the writer would neutralise (see the top).
 */
static char *
kith_cell(const char *s)
{
	const char	*p;

	if (s == NULL)
		return xstrdup("");
	if (*s == '\'') {
		for (p = s; *p == '\''; p++)
			;
		if (csv_needs_neutralising(p))
			return xasprintf("'%s", s);
	}
	return xstrdup(s);
}

/*
 * The value of the first custom field of c named key (any case) that
 * used[] has not taken yet, and takes it; NULL if none.
 */
static const char *
take_custom(const struct contact *c, char *used, const char *key)
{
	size_t	 i;

	for (i = 0; i < c->n_custom; i++) {
		if (!used[i] && c->custom[i].key != NULL &&
		    strcasecmp(c->custom[i].key, key) == 0) {
			used[i] = 1;
			return c->custom[i].value;
		}
	}
	return NULL;
}

/*
 * The display name, when it must stand in for a first name: the contact
 * has no name part and its display name is not just its organisation,
 * e-mail or phone.
 */
static const char *
given_or_display(const struct contact *c)
{
	const char	*d = c->display;

	if (c->prefix != NULL || c->given != NULL || c->middle != NULL ||
	    c->family != NULL || c->suffix != NULL || c->nickname != NULL)
		return c->given;
	if (str_empty(d) || (c->org != NULL && strcmp(d, c->org) == 0) ||
	    (c->n_emails > 0 && strcmp(d, c->emails[0].addr) == 0) ||
	    (c->n_phones > 0 && strcmp(d, c->phones[0].raw) == 0))
		return NULL;
	return d;
}

/* "Dr Ana Petrović Jr" from the name parts, else the nickname, else "". */
static char *
compose_name(const struct contact *c)
{
	char	*name = contact_name_from_parts(c);

	return name != NULL ? name : xstrdup("");
}

/* Google's spelling of a label: "Work Fax"; primary adds "* ". */
static char *
google_label(const char *label, int primary)
{
	struct sbuf	 sb = { 0 };
	size_t		 i;
	int		 word = 1;

	if (primary)
		sbuf_add(&sb, "* ");
	if (label == NULL)
		return sbuf_detach(&sb);
	if (!label_in(label, "home|work|mobile|other|main|pager|home fax|"
	    "work fax|other fax|google voice|work mobile|work pager|blog|"
	    "profile|home page|homepage|ftp")) {
		sbuf_add(&sb, label);
		return sbuf_detach(&sb);
	}
	for (i = 0; label[i] != '\0'; i++) {
		sbuf_addc(&sb, word ? (char)toupper((unsigned char)label[i]) :
		    label[i]);
		word = label[i] == ' ';
	}
	return sbuf_detach(&sb);
}

/* Google's "Formatted": street, "postcode city", region, country. */
static char *
google_formatted(const struct contact_address *a)
{
	struct sbuf	 sb = { 0 }, town = { 0 };
	const char	*lines[4];
	size_t		 i;

	if (!str_empty(a->postcode))
		sbuf_add(&town, a->postcode);
	if (!str_empty(a->city)) {
		if (town.len > 0)
			sbuf_addc(&town, ' ');
		sbuf_add(&town, a->city);
	}
	lines[0] = a->street;
	lines[1] = town.s;
	lines[2] = a->region;
	lines[3] = a->country;
	for (i = 0; i < 4; i++) {
		if (str_empty(lines[i]))
			continue;
		if (sb.len > 0)
			sbuf_addc(&sb, '\n');
		sbuf_add(&sb, lines[i]);
	}
	sbuf_free(&town);
	return sbuf_detach(&sb);
}

/* An address on one line, for a note: "street, postcode city, ...". */
static char *
one_line_address(const struct contact_address *a)
{
	struct sbuf	 sb = { 0 };
	char		*s, *p;

	s = google_formatted(a);
	for (p = s; *p != '\0'; p++) {
		if (*p == '\n')
			sbuf_add(&sb, ", ");
		else
			sbuf_addc(&sb, *p);
	}
	free(s);
	return sbuf_detach(&sb);
}

/*
 * Google's current layout: 17 fixed columns, then E-mail, Phone, Address,
 * Website and Custom Field groups as dims says.  Custom fields named like
 * a fixed column ("Photo", "File As", "Department" for Organization
 * Department) go back there.
 */
static void
export_google(const struct csvmap_dims *dims, const struct contact *c,
    struct strv *sv)
{
	const struct contact_address *a;
	struct sbuf	 sb = { 0 };
	const char	*v;
	char		*used = NULL, *name;
	size_t		 i, k;

	if (c == NULL) {
		for (i = 0; i < GOOGLE_NFIXED; i++)
			strv_add(sv, google_fixed[i]);
		for (i = 1; i <= dims->emails; i++) {
			strv_addf(sv, "E-mail %zu - Label", i);
			strv_addf(sv, "E-mail %zu - Value", i);
		}
		for (i = 1; i <= dims->phones; i++) {
			strv_addf(sv, "Phone %zu - Label", i);
			strv_addf(sv, "Phone %zu - Value", i);
		}
		for (i = 1; i <= dims->addrs; i++)
			for (k = 0; k < sizeof google_addr_parts /
			    sizeof google_addr_parts[0]; k++)
				strv_addf(sv, "Address %zu - %s", i,
				    google_addr_parts[k]);
		for (i = 1; i <= dims->urls; i++) {
			strv_addf(sv, "Website %zu - Label", i);
			strv_addf(sv, "Website %zu - Value", i);
		}
		for (i = 1; i <= dims->dates; i++) {
			strv_addf(sv, "Event %zu - Label", i);
			strv_addf(sv, "Event %zu - Value", i);
		}
		for (i = 1; i <= dims->ims; i++) {
			strv_addf(sv, "IM %zu - Label", i);
			strv_addf(sv, "IM %zu - Service", i);
			strv_addf(sv, "IM %zu - Value", i);
		}
		for (i = 1; i <= dims->custom; i++) {
			strv_addf(sv, "Custom Field %zu - Label", i);
			strv_addf(sv, "Custom Field %zu - Value", i);
		}
		return;
	}
	used = xcalloc(c->n_custom + 1, 1);
	strv_add(sv, given_or_display(c));
	strv_add(sv, c->middle);
	strv_add(sv, c->family);
	strv_add(sv, take_custom(c, used, "Phonetic First Name"));
	strv_add(sv, take_custom(c, used, "Phonetic Middle Name"));
	strv_add(sv, take_custom(c, used, "Phonetic Last Name"));
	strv_add(sv, c->prefix);
	strv_add(sv, c->suffix);
	strv_add(sv, c->nickname);
	/* File As keeps a display name that the parts do not make. */
	if ((v = take_custom(c, used, "File As")) != NULL)
		strv_add(sv, v);
	else {
		name = compose_name(c);
		strv_add(sv, *name != '\0' && c->display != NULL &&
		    strcmp(name, c->display) != 0 ? c->display : NULL);
		free(name);
	}
	strv_add(sv, c->org);
	strv_add(sv, c->title);
	strv_add(sv, !str_empty(c->department) ? c->department :
	    take_custom(c, used, "Department"));
	strv_date(sv, c->birthday);		/* "--MM-DD" without a year */
	strv_add(sv, c->notes);
	strv_add(sv, take_custom(c, used, "Photo"));
	sbuf_add(&sb, "* myContacts");
	for (i = 0; i < c->n_tags; i++) {
		sbuf_add(&sb, " ::: ");
		if (strcasecmp(c->tags[i], "starred") == 0)
			sbuf_add(&sb, "* ");
		sbuf_add(&sb, c->tags[i]);
	}
	strv_take(sv, sbuf_detach(&sb));
	for (i = 0; i < dims->emails; i++) {
		if (i < c->n_emails) {
			strv_take(sv, google_label(c->emails[i].label, i == 0));
			strv_add(sv, c->emails[i].addr);
		} else {
			strv_add(sv, NULL);
			strv_add(sv, NULL);
		}
	}
	for (i = 0; i < dims->phones; i++) {
		if (i < c->n_phones) {
			strv_take(sv, google_label(c->phones[i].label, 0));
			strv_phone(sv, c->phones[i].raw);
		} else {
			strv_add(sv, NULL);
			strv_add(sv, NULL);
		}
	}
	for (i = 0; i < dims->addrs; i++) {
		a = i < c->n_addrs ? &c->addrs[i] : NULL;
		if (a == NULL) {
			for (k = 0; k < 9; k++)
				strv_add(sv, NULL);
			continue;
		}
		strv_take(sv, google_label(a->label, 0));
		strv_take(sv, google_formatted(a));
		strv_add(sv, a->street);
		strv_add(sv, a->city);
		strv_add(sv, NULL);
		strv_add(sv, a->region);
		strv_add(sv, a->postcode);
		strv_add(sv, a->country);
		strv_add(sv, NULL);
	}
	for (i = 0; i < dims->urls; i++) {
		if (i < c->n_urls) {
			strv_take(sv, google_label(c->urls[i].key, 0));
			strv_add(sv, c->urls[i].value);
		} else {
			strv_add(sv, NULL);
			strv_add(sv, NULL);
		}
	}
	/* Dated events as Google writes them: "--MM-DD" without a year. */
	for (i = 0; i < dims->dates; i++) {
		if (i < c->n_dates) {
			strv_take(sv, google_event_label(c->dates[i].label));
			strv_date(sv, c->dates[i].date);
		} else {
			strv_add(sv, NULL);
			strv_add(sv, NULL);
		}
	}
	for (i = 0; i < dims->ims; i++) {
		if (i < c->n_ims) {
			strv_take(sv, google_label(c->ims[i].label, 0));
			strv_add(sv, c->ims[i].service);
			strv_add(sv, c->ims[i].handle);
		} else {
			strv_add(sv, NULL);
			strv_add(sv, NULL);
			strv_add(sv, NULL);
		}
	}
	for (i = 0, k = 0; i < dims->custom; i++) {
		while (k < c->n_custom && used[k])
			k++;
		if (k < c->n_custom) {
			strv_add(sv, c->custom[k].key);
			strv_add(sv, c->custom[k].value);
			k++;
		} else {
			strv_add(sv, NULL);
			strv_add(sv, NULL);
		}
	}
	free(used);
}

/* The index of Outlook column name, which must exist. */
static size_t
outlook_column(const char *name)
{
	size_t	 k;

	for (k = 0; k < OUTLOOK_NCOLS - 1; k++)
		if (strcmp(outlook_layout[k].name, name) == 0)
			break;
	return k;
}

/*
 * The outlook.com People layout (61 columns), then Categories.  E-mails
 * beyond the third, phones, addresses and URLs with no free column, a
 * birthday without a year, a tag holding ";" and custom fields with no
 * column of their name are appended to Notes as "Key: value" lines, so
 * nothing is lost.
 *
 * Dates are written M/D/YYYY, as an en-US Outlook writes them.  Outlook
 * has no date without a year (its Birthday is a full date; apps that need
 * one invent the year 1604, which Outlook would show as an age of 400), so
 * a year-less birthday leaves Birthday empty and goes to Notes as
 * "Birthday: July 2 (no year)".  Tags go to Categories separated by ";",
 * the way Outlook writes several categories.
 */
static void
export_outlook(const struct contact *c, struct strv *sv)
{
	const struct outlook_col *oc;
	const struct contact_address *a;
	char		*vals[OUTLOOK_NCOLS] = { NULL };
	unsigned char	 plain[OUTLOOK_NCOLS] = { 0 };	/* no guard */
	long		 addr_of[3] = { -1, -1, -1 }, url_of[2] = { -1, -1 };
	long		*phone_col = NULL;
	char		*used = NULL, *s;
	struct sbuf	 extra = { 0 }, notes = { 0 }, cats = { 0 };
	const char	*v, *what;
	size_t		 i, k;
	long		 anniv;
	int		 y, mo, d, pass;

	if (c == NULL) {
		for (i = 0; i < OUTLOOK_NCOLS; i++)
			strv_add(sv, outlook_layout[i].name);
		return;
	}
	used = xcalloc(c->n_custom + 1, 1);
	phone_col = xcalloc(c->n_phones + 1, sizeof *phone_col);

	/* Phones: by label, then unlabelled to Primary, then Other. */
	for (i = 0; i < c->n_phones; i++) {
		phone_col[i] = -1;
		for (k = 0; k < OUTLOOK_NCOLS && c->phones[i].label != NULL;
		    k++) {
			oc = &outlook_layout[k];
			if (oc->role == OC_PHONE && vals[k] == NULL &&
			    label_in(c->phones[i].label, oc->labels)) {
				vals[k] = xstrdup(c->phones[i].raw);
				plain[k] = phone_shaped(vals[k]);
				phone_col[i] = (long)k;
				break;
			}
		}
	}
	for (i = 0; i < c->n_phones; i++) {
		if (phone_col[i] >= 0)
			continue;
		k = outlook_column("Primary Phone");
		if (c->phones[i].label != NULL || vals[k] != NULL)
			k = outlook_column("Other Phone");
		if (vals[k] == NULL) {
			vals[k] = xstrdup(c->phones[i].raw);
			plain[k] = phone_shaped(vals[k]);
			phone_col[i] = (long)k;
		}
		if (phone_col[i] < 0)
			sbuf_printf(&extra, "Phone%s%s%s: %s\n",
			    c->phones[i].label ? " (" : "",
			    c->phones[i].label ? c->phones[i].label : "",
			    c->phones[i].label ? ")" : "", c->phones[i].raw);
	}
	/* Addresses: Business, Home, Other by label; the rest to Other. */
	for (pass = 0; pass < 2; pass++) {
		for (i = 0; i < c->n_addrs; i++) {
			a = &c->addrs[i];
			if (addr_of[0] == (long)i || addr_of[1] == (long)i ||
			    addr_of[2] == (long)i)
				continue;
			for (k = 0; k < 3; k++) {
				if (addr_of[k] >= 0)
					continue;
				if (pass == 0 ? a->label != NULL &&
				    label_in(a->label, outlook_addr_labels[k]) :
				    k == 2) {
					addr_of[k] = (long)i;
					break;
				}
			}
		}
	}
	for (i = 0; i < c->n_addrs; i++) {
		if (addr_of[0] == (long)i || addr_of[1] == (long)i ||
		    addr_of[2] == (long)i)
			continue;
		s = one_line_address(&c->addrs[i]);
		sbuf_printf(&extra, "Address%s%s%s: %s\n",
		    c->addrs[i].label ? " (" : "",
		    c->addrs[i].label ? c->addrs[i].label : "",
		    c->addrs[i].label ? ")" : "", s);
		free(s);
	}
	/* URLs: personal or home ones to Personal Web Page. */
	for (i = 0; i < c->n_urls; i++)
		if (url_of[1] < 0 && c->urls[i].key != NULL &&
		    label_in(c->urls[i].key, "personal|home"))
			url_of[1] = (long)i;
	for (i = 0; i < c->n_urls; i++) {
		if (url_of[1] == (long)i)
			continue;
		if (url_of[0] < 0)
			url_of[0] = (long)i;
		else if (url_of[1] < 0)
			url_of[1] = (long)i;
		else
			sbuf_printf(&extra, "Website%s%s%s: %s\n",
			    c->urls[i].key ? " (" : "",
			    c->urls[i].key ? c->urls[i].key : "",
			    c->urls[i].key ? ")" : "", c->urls[i].value);
	}
	for (i = 3; i < c->n_emails; i++)
		sbuf_printf(&extra, "E-mail%s%s%s: %s\n",
		    c->emails[i].label ? " (" : "",
		    c->emails[i].label ? c->emails[i].label : "",
		    c->emails[i].label ? ")" : "", c->emails[i].addr);
	/* Handles after the first (IMAddress), dates but the anniversary. */
	for (i = 1; i < c->n_ims; i++)
		sbuf_printf(&extra, "IM%s%s%s: %s\n",
		    c->ims[i].service ? " (" : "",
		    c->ims[i].service ? c->ims[i].service : "",
		    c->ims[i].service ? ")" : "", c->ims[i].handle);
	anniv = outlook_anniversary(c);
	for (i = 0; i < c->n_dates; i++) {
		if ((long)i == anniv)
			continue;
		v = c->dates[i].label ? c->dates[i].label : "anniversary";
		if (date_shaped(c->dates[i].date) &&
		    c->dates[i].date[0] == '-' &&
		    (mo = atoi(c->dates[i].date + 2)) >= 1 && mo <= 12)
			sbuf_printf(&extra, "%c%s: %s %d (no year)\n",
			    toupper((unsigned char)v[0]), v + 1,
			    month_names[mo - 1], atoi(c->dates[i].date + 5));
		else
			sbuf_printf(&extra, "%c%s: %s\n",
			    toupper((unsigned char)v[0]), v + 1,
			    c->dates[i].date);
	}

	for (k = 0; k < OUTLOOK_NCOLS; k++) {
		oc = &outlook_layout[k];
		a = NULL;
		if (oc->role >= OC_STREET && oc->role <= OC_COUNTRY &&
		    addr_of[oc->arg] >= 0)
			a = &c->addrs[addr_of[oc->arg]];
		v = NULL;
		switch (oc->role) {
		case OC_GIVEN:
			v = given_or_display(c);
			break;
		case OC_MIDDLE:
			v = c->middle;
			break;
		case OC_FAMILY:
			v = c->family;
			break;
		case OC_PREFIX:
			v = c->prefix;
			break;
		case OC_SUFFIX:
			v = c->suffix;
			break;
		case OC_NICK:
			v = c->nickname;
			break;
		case OC_EMAIL:
			if (oc->arg < c->n_emails)
				v = c->emails[oc->arg].addr;
			break;
		case OC_TITLE:
			v = c->title;
			break;
		case OC_ORG:
			v = c->org;
			break;
		case OC_STREET:
			v = a != NULL ? a->street : NULL;
			break;
		case OC_CITY:
			v = a != NULL ? a->city : NULL;
			break;
		case OC_REGION:
			v = a != NULL ? a->region : NULL;
			break;
		case OC_POSTCODE:
			v = a != NULL ? a->postcode : NULL;
			break;
		case OC_COUNTRY:
			v = a != NULL ? a->country : NULL;
			break;
		case OC_URL:
			if (url_of[oc->arg] >= 0)
				v = c->urls[url_of[oc->arg]].value;
			break;
		case OC_DEPT:
			v = !str_empty(c->department) ? c->department :
			    take_custom(c, used, oc->name);
			break;
		case OC_IM:
			if (c->n_ims > 0)
				v = c->ims[0].handle;
			else
				v = take_custom(c, used, oc->name);
			break;
		case OC_BIRTHDAY:
		case OC_ANNIV:
			v = oc->role == OC_BIRTHDAY ? c->birthday :
			    anniv >= 0 ? c->dates[anniv].date :
			    take_custom(c, used, oc->name);
			if (v != NULL && iso_date(v, &y, &mo, &d)) {
				vals[k] = xasprintf("%d/%d/%d", mo, d, y);
				plain[k] = 1;
				v = NULL;
			} else if (v != NULL && (oc->role == OC_BIRTHDAY ||
			    anniv >= 0)) {
				what = oc->role == OC_BIRTHDAY ? "Birthday" :
				    "Anniversary";
				if (date_shaped(v) && v[0] == '-' &&
				    (mo = atoi(v + 2)) >= 1 && mo <= 12)
					sbuf_printf(&extra, "%s: %s %d "
					    "(no year)\n", what,
					    month_names[mo - 1], atoi(v + 5));
				else
					sbuf_printf(&extra, "%s: %s\n", what,
					    v);
				v = NULL;
			}
			break;
		case OC_CATEGORIES:
			for (i = 0; i < c->n_tags; i++) {
				if (strchr(c->tags[i], ';') != NULL) {
					sbuf_printf(&extra, "Category: %s\n",
					    c->tags[i]);
					continue;
				}
				if (cats.len > 0)
					sbuf_addc(&cats, ';');
				sbuf_add(&cats, c->tags[i]);
			}
			if (cats.len > 0)
				vals[k] = sbuf_detach(&cats);
			break;
		case OC_CUSTOM:
			v = take_custom(c, used, oc->name);
			break;
		default:
			break;
		}
		if (v != NULL && vals[k] == NULL)
			vals[k] = xstrdup(v);
	}
	for (i = 0; i < c->n_custom; i++)
		if (!used[i])
			sbuf_printf(&extra, "%s: %s\n", c->custom[i].key,
			    c->custom[i].value);

	/* Notes, then a blank line and the extra lines. */
	if (!str_empty(c->notes))
		sbuf_add(&notes, c->notes);
	if (extra.len > 0) {
		extra.s[--extra.len] = '\0';	/* the last newline */
		if (notes.len > 0)
			sbuf_add(&notes, "\n\n");
		sbuf_add(&notes, extra.s);
	}
	for (k = 0; k < OUTLOOK_NCOLS; k++) {
		if (outlook_layout[k].role == OC_NOTES)
			strv_take(sv, sbuf_detach(&notes));
		else if (vals[k] != NULL)
			strv_put(sv, vals[k], !plain[k]);
		else
			strv_add(sv, NULL);
	}
	sbuf_free(&cats);
	sbuf_free(&extra);
	sbuf_free(&notes);
	free(phone_col);
	free(used);
}

/* Google's spelling of an event label: "Anniversary", "Other". */
static char *
google_event_label(const char *label)
{
	if (label != NULL && label_in(label, "anniversary|other"))
		return xasprintf("%c%s", toupper((unsigned char)label[0]),
		    label + 1);
	return xstrdup(label != NULL ? label : "");
}

/* The date Outlook's Anniversary column takes (labelled so), or -1. */
static int
outlook_anniversary(const struct contact *c)
{
	size_t	 i;

	for (i = 0; i < c->n_dates; i++)
		if (c->dates[i].label == NULL ||
		    strcasecmp(c->dates[i].label, "anniversary") == 0)
			return (int)i;
	return -1;
}

/* 1 if s is one of the '|'-separated labels in list (any case). */
static int
label_in(const char *s, const char *list)
{
	size_t	 n, len = strlen(s);

	while (*list != '\0') {
		n = strcspn(list, "|");
		if (n == len && strncasecmp(s, list, n) == 0)
			return 1;
		list += n;
		if (*list == '|')
			list++;
	}
	return 0;
}

/* 1 with *y, *m, *d set if s is a valid date written "YYYY-MM-DD". */
static int
iso_date(const char *s, int *y, int *m, int *d)
{
	char	 out[KITH_DATE_LEN];

	return strlen(s) == 10 && isdigit((unsigned char)s[0]) &&
	    date_parse(s, 0, out, NULL) == KITH_OK &&
	    sscanf(s, "%4d-%2d-%2d", y, m, d) == 3;
}

char *
csvmap_cell(const char *s)
{
	return kith_cell(s);
}
