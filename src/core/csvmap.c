/* SPDX-License-Identifier: MIT */
/*
 * Address-book CSV layouts: the mapping plan, and record by record into a
 * struct contact.  What a header name means is csv_layout.c's; the export
 * layouts are csv_export.c's.
 *
 * csvmap_new() reads the header once, resolving each column name through
 * csv_layout.h (the tables of known names, address, numbered and labelled
 * patterns) and --map.  The result is a plan: each column has
 * a target, which is a contact field, a custom field, or one part of a
 * slot.  A slot gathers the columns of one e-mail, phone, URL, address,
 * dated event, messaging handle or label/value pair ("Phone 1 - Label"
 * with "Phone 1 - Value", "IM 1 - Service" with "IM 1 - Value").
 * csvmap_contact() only walks that plan and never compares header names,
 * so the cost per record is one pass over its cells.
 *
 * Invariants:
 * - Every non-empty cell reaches the contact, as a field or as a custom
 *   field.  The exceptions are known defaults (Outlook's "Unspecified",
 *   "Normal", "False" and "SMTP", Google's "* myContacts"), the "0/0/00"
 *   empty date, a messaging service or label with no handle, and
 *   redundant cells: Google's formatted address when the
 *   parts are there, Outlook's e-mail display name when it repeats the
 *   address.
 * - The kith layout round-trips exactly.  It is not trimmed, split or
 *   relabelled, and the "'" that export puts before a formula-like cell
 *   comes off again.  To stay exact for values that themselves start with
 *   "'", export adds one more "'" to a value that is a run of "'" followed
 *   by something csv_needs_neutralising() flags.  Import removes one "'"
 *   from any cell of that shape.
 * - No state outside the map: two maps may be used at once.
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
#include "kith/termsafe.h"
#include "kith/util.h"
#include "csv_layout.h"
#include "csvmap.h"

struct slot {
	enum slot_kind	 kind;
	char		*group;		/* planning key ("email 2") or NULL */
	char		*label;		/* fixed label, or NULL */
	char		*service;	/* S_IM: fixed service, or NULL */
	char		*fallback;	/* S_KV, S_EVENT: key if the key cell
					   is empty */
	int		 first;		/* its values go first (primary) */
	long		 col[P_COUNT];	/* column of each part, -1 if none */
};

struct col {
	char		*name;		/* header as written, trimmed */
	char		*key;		/* T_CUSTOM, T_JUNK, T_DATE: the key */
	const char	*junk;		/* T_JUNK: the default value not kept */
	char		*label;		/* T_EVENT: the event's label */
	enum target	 t;
	int		 slot;		/* T_PART: index into map->slots */
	enum part	 part;		/* T_PART */
	char		 sep;		/* T_TAGS: ':' " ::: ", ';', 'a' any */
};

struct csv_map {
	enum fmt	 fmt;
	size_t		 ncols;		/* header fields */
	size_t		 width;		/* up to the last named column */
	struct col	*cols;
	struct slot	*slots;
	size_t		 nslots;
};

/* The state of one record being turned into a contact. */
struct build {
	const struct csv_map	*m;
	const struct csv_record	*rec;
	size_t			 n;		/* cells that have a column */
	struct contact		*c;
	struct sbuf		 warn;
	long			 prim[3];	/* primary e-mail, phone, URL */
};

static void		 plan_column(struct csv_map *, size_t, const char *);
static int		 slot_get(struct csv_map *, enum slot_kind,
			    const char *, enum part, const char *,
			    const char *, int, const char *);
static void		 col_detach(struct csv_map *, struct col *);
static enum kith_status	 apply_user_map(struct csv_map *, const char *,
			    struct kith_err *);
static enum kith_status	 apply_one(struct csv_map *, const char *, size_t,
			    const char *, size_t, struct kith_err *);

static const char	*cell(const struct build *, long);
static int		 cell_empty(const struct csv_map *, const char *);
static const char	*unneutralise(const char *);
static char		*excerpt(const char *);
static void		 warnf(struct build *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));
static char		**scalar(struct contact *, enum target);
static void		 set_scalar(struct build *, const struct col *,
			    const char *);
static void		 add_tags(struct build *, const struct col *,
			    const char *);
static void		 add_tag_piece(struct contact *, const char *, size_t);
static void		 set_birthday(struct build *, const char *,
			    const char *);
static void		 birth_parts(struct build *, const long[3], int);
static void		 add_event(struct build *, const char *,
			    const char *, const char *);
static void		 build_im(struct build *, const struct slot *);
static void		 build_event(struct build *, const struct slot *,
			    const char *, const char *);
static char		*clean_label(const char *);
static void		 build_slot(struct build *, const struct slot *);
static size_t		 count_of(const struct contact *, enum slot_kind);
static void		 add_value(struct build *, enum slot_kind,
			    const char *, size_t, const char *);
static void		 build_address(struct build *, const struct slot *);
static void		 put_first(struct contact *, enum slot_kind, long);
static int		 parse_date(const char *, char[11]);
static int		 valid_date(int, int, int);
static int		 parse_uint(const char *, int *);


/* Building the map. */

enum kith_status
csvmap_new(const struct csv_record *header, const char *format,
    const char *user_map, struct csv_map **out, struct kith_err *err)
{
	struct csv_map	*m;
	enum kith_status st;
	const char	*s;
	size_t		 i, k, n;
	long		 given = -1, family = -1, name = -1;
	char		*f;

	*out = NULL;
	if (header->n == 0)
		return kith_err_set(err, KITH_INVALID, "the header is empty");
	m = xcalloc(1, sizeof *m);
	if (format == NULL)
		m->fmt = layout_detect(header);
	else {
		for (k = 0; k < FMT_COUNT; k++)
			if (strcasecmp(format, layout_fmt_names[k]) == 0)
				break;
		if (k == FMT_COUNT) {
			st = kith_err_set(err, KITH_INVALID, "unknown format "
			    "'%s' (use google, outlook, linkedin, thunderbird, "
			    "eventbrite, kith or generic)", format);
			goto fail;
		}
		m->fmt = (enum fmt)k;
	}
	m->ncols = header->n;
	m->cols = xcalloc(header->n, sizeof *m->cols);
	for (i = 0; i < header->n; i++) {
		s = header->field[i];
		if (i == 0 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3;
		s = layout_trim_name(s, &n);
		m->cols[i].name = xstrndup(s, n);
		if (n > 0)
			m->width = i + 1;
		plan_column(m, i, m->cols[i].name);
	}
	if (m->width == 0)
		m->width = m->ncols;

	/* German "Name, Vorname": there Name is the family name. */
	for (i = 0; i < m->ncols; i++) {
		f = layout_fold_name(m->cols[i].name);
		if (m->cols[i].t == T_GIVEN && strcmp(f, "vorname") == 0)
			given = (long)i;
		else if (m->cols[i].t == T_FAMILY)
			family = (long)i;
		else if (m->cols[i].t == T_DISPLAY && strcmp(f, "name") == 0)
			name = (long)i;
		free(f);
	}
	if (given >= 0 && family < 0 && name >= 0)
		m->cols[name].t = T_FAMILY;

	if (user_map != NULL &&
	    (st = apply_user_map(m, user_map, err)) != KITH_OK)
		goto fail;
	*out = m;
	return KITH_OK;
fail:
	csvmap_free(m);
	return st;
}

int
csvmap_identifies(const struct csv_map *m)
{
	const struct col	*c;
	size_t			 i;

	for (i = 0; i < m->ncols; i++) {
		c = &m->cols[i];
		if ((c->t >= T_DISPLAY && c->t <= T_NICKNAME) || c->t == T_ORG)
			return 1;
		if (c->t == T_PART && c->part == P_VALUE &&
		    (m->slots[c->slot].kind == S_EMAIL ||
		    m->slots[c->slot].kind == S_PHONE))
			return 1;
	}
	return 0;
}

/* Plans column i, whose header (trimmed) is name. */
static void
plan_column(struct csv_map *m, size_t i, const char *name)
{
	struct col	*col = &m->cols[i];
	struct res	 r;
	char		*f;
	int		 known;

	if (*name == '\0') {
		col->t = T_CUSTOM;
		col->key = xasprintf("Column %zu", i + 1);
		return;
	}
	f = layout_fold_name(name);
	known = layout_resolve(m->fmt, f, name, &r);
	free(f);
	if (!known) {
		col->t = T_CUSTOM;
		col->key = xstrdup(name);
		return;
	}
	col->t = r.t;
	col->junk = r.junk;
	col->sep = m->fmt == FMT_KITH ? 0 : r.sep;
	if (r.t == T_JUNK || r.t == T_DATE || r.t == T_EVENT)
		col->key = xstrdup(name);
	if (r.t == T_EVENT)
		col->label = xstrdup(r.label);
	if (r.t == T_CUSTOM)
		col->key = xstrdup(r.kbuf[0] != '\0' ? r.kbuf : name);
	if (r.t == T_PART) {
		col->part = r.part;
		col->slot = slot_get(m, r.kind, r.group, r.part, r.label,
		    r.service, r.first, name);
		m->slots[col->slot].col[r.part] = (long)i;
	}
}

/*
 * The slot of kind and group (NULL: a new one) whose part is still free,
 * made if there is none.  name, the header, gives an S_KV slot its
 * fallback key ("Event 1" for "Event 1 - Value").
 */
static int
slot_get(struct csv_map *m, enum slot_kind kind, const char *group,
    enum part part, const char *label, const char *service, int first,
    const char *name)
{
	struct slot	*s;
	const char	*dash;
	size_t		 i, k;

	if (group != NULL) {
		for (i = 0; i < m->nslots; i++) {
			s = &m->slots[i];
			if (s->kind == kind && s->group != NULL &&
			    strcmp(s->group, group) == 0 && s->col[part] < 0)
				return (int)i;
		}
	}
	m->slots = xreallocarray(m->slots, m->nslots + 1, sizeof *m->slots);
	s = &m->slots[m->nslots];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->group = xstrdup(group);
	s->label = xstrdup(label);
	s->service = xstrdup(service);
	s->first = first;
	for (k = 0; k < P_COUNT; k++)
		s->col[k] = -1;
	if (kind == S_KV || kind == S_EVENT) {
		dash = NULL;
		for (i = 0; name[i] != '\0'; i++)
			if (strncmp(name + i, " - ", 3) == 0)
				dash = name + i;
		s->fallback = dash != NULL ?
		    xstrndup(name, (size_t)(dash - name)) : xstrdup(name);
	}
	return (int)m->nslots++;
}

/* Takes col out of its slot and forgets its key, before a --map. */
static void
col_detach(struct csv_map *m, struct col *col)
{
	if (col->t == T_PART)
		m->slots[col->slot].col[col->part] = -1;
	free(col->key);
	col->key = NULL;
	free(col->label);
	col->label = NULL;
	col->junk = NULL;
	col->sep = 0;
}

static enum kith_status
apply_user_map(struct csv_map *m, const char *map, struct kith_err *err)
{
	enum kith_status st;
	const char	*item, *eq, *end;
	size_t		 n;

	for (item = map; *item != '\0'; item = *end == ',' ? end + 1 : end) {
		end = item + strcspn(item, ",");
		while (item < end && isspace((unsigned char)*item))
			item++;
		n = (size_t)(end - item);
		while (n > 0 && isspace((unsigned char)item[n - 1]))
			n--;
		if (n == 0)
			continue;
		for (eq = item + n; eq > item && eq[-1] != '='; eq--)
			;
		if (eq == item)
			return kith_err_set(err, KITH_INVALID, "--map: '%.*s' "
			    "is not COLUMN=FIELD", (int)n, item);
		if ((st = apply_one(m, item, (size_t)(eq - 1 - item), eq,
		    (size_t)(item + n - eq), err)) != KITH_OK)
			return st;
	}
	return KITH_OK;
}

/* Maps the columns named col (clen bytes) to field (flen bytes). */
static enum kith_status
apply_one(struct csv_map *m, const char *colname, size_t clen,
    const char *field, size_t flen, struct kith_err *err)
{
	static const struct {
		const char	*name;
		enum target	 t;
		enum slot_kind	 kind;
		enum part	 part;
	} fields[] = {
		{ "display", T_DISPLAY, 0, 0 }, { "prefix", T_PREFIX, 0, 0 },
		{ "given", T_GIVEN, 0, 0 }, { "middle", T_MIDDLE, 0, 0 },
		{ "family", T_FAMILY, 0, 0 }, { "suffix", T_SUFFIX, 0, 0 },
		{ "nickname", T_NICKNAME, 0, 0 }, { "org", T_ORG, 0, 0 },
		{ "department", T_DEPARTMENT, 0, 0 },
		{ "title", T_TITLE, 0, 0 }, { "birthday", T_BIRTHDAY, 0, 0 },
		{ "notes", T_NOTES, 0, 0 },
		{ "email", T_PART, S_EMAIL, P_VALUE },
		{ "phone", T_PART, S_PHONE, P_VALUE },
		{ "url", T_PART, S_URL, P_VALUE },
		{ "date", T_EVENT, 0, 0 },
		{ "im", T_PART, S_IM, P_VALUE },
		{ "street", T_PART, S_ADDR, P_STREET },
		{ "city", T_PART, S_ADDR, P_CITY },
		{ "region", T_PART, S_ADDR, P_REGION },
		{ "postcode", T_PART, S_ADDR, P_POSTCODE },
		{ "country", T_PART, S_ADDR, P_COUNTRY },
		{ "tag", T_TAGS, 0, 0 }, { "tags", T_TAGS, 0, 0 },
		{ "cadence", T_CADENCE, 0, 0 },
		{ "archived", T_ARCHIVED, 0, 0 },
		{ "ignore", T_IGNORE, 0, 0 },
	};
	const size_t	 nfields = sizeof fields / sizeof fields[0];
	struct col	*col;
	char		*cname, *fname, *arg, *fc, *fo;
	size_t		 i, k, matched = 0;
	enum kith_status st = KITH_OK;
	int		 custom, same;

	while (clen > 0 && isspace((unsigned char)colname[clen - 1]))
		clen--;
	while (flen > 0 && isspace((unsigned char)*field)) {
		field++;
		flen--;
	}
	cname = xstrndup(colname, clen);
	fname = xstrndup(field, flen);
	if ((arg = strchr(fname, ':')) != NULL)
		*arg++ = '\0';
	for (k = 0; k < nfields; k++)
		if (strcasecmp(fname, fields[k].name) == 0)
			break;
	custom = strcasecmp(fname, "custom") == 0;
	if (custom && arg != NULL && *arg == '\0') {
		st = kith_err_set(err, KITH_INVALID, "--map: custom: needs a "
		    "key (custom:KEY)");
		goto out;
	}
	if (!custom && (k == nfields || (arg != NULL &&
	    fields[k].t != T_EVENT && (fields[k].t != T_PART ||
	    fields[k].kind == S_ADDR)))) {
		st = kith_err_set(err, KITH_INVALID, "--map: unknown field "
		    "'%.*s' (use one of: %s; email, phone and url take "
		    "\":LABEL\", date \":LABEL\", im \":SERVICE\")",
		    (int)flen, field, csvmap_fields());
		goto out;
	}

	/* The columns of that name: as written, else folded. */
	fc = layout_fold_name(cname);
	for (i = 0; i < m->ncols; i++) {
		col = &m->cols[i];
		if (strcasecmp(col->name, cname) != 0) {
			fo = layout_fold_name(col->name);
			same = *fc != '\0' && strcmp(fo, fc) == 0;
			free(fo);
			if (!same)
				continue;
		}
		matched++;
		col_detach(m, col);
		if (custom) {
			col->t = T_CUSTOM;
			col->key = xstrdup(arg != NULL ? arg : col->name);
			continue;
		}
		col->t = fields[k].t;
		col->sep = 'a';
		if (col->t == T_EVENT) {
			col->key = xstrdup(col->name);
			col->label = xstrdup(arg != NULL && *arg != '\0' ?
			    arg : "anniversary");
		}
		if (col->t != T_PART)
			continue;
		col->part = fields[k].part;
		col->slot = slot_get(m, fields[k].kind, fields[k].kind ==
		    S_ADDR ? "--map address" : NULL, fields[k].part,
		    fields[k].kind == S_IM ? NULL : arg,
		    fields[k].kind == S_IM && arg != NULL && *arg != '\0' ?
		    arg : NULL, 0, col->name);
		m->slots[col->slot].col[col->part] = (long)i;
	}
	free(fc);
	if (matched == 0)
		st = kith_err_set(err, KITH_INVALID, "--map: no column named "
		    "'%s' in the header", cname);
out:
	free(cname);
	free(fname);
	return st;
}

void
csvmap_free(struct csv_map *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	for (i = 0; i < m->ncols; i++) {
		free(m->cols[i].name);
		free(m->cols[i].key);
		free(m->cols[i].label);
	}
	free(m->cols);
	for (i = 0; i < m->nslots; i++) {
		free(m->slots[i].group);
		free(m->slots[i].label);
		free(m->slots[i].service);
		free(m->slots[i].fallback);
	}
	free(m->slots);
	free(m);
}

const char *
csvmap_format(const struct csv_map *m)
{
	return layout_fmt_names[m->fmt];
}

const char *
csvmap_fields(void)
{
	return "display,prefix,given,middle,family,suffix,nickname,org,"
	    "department,title,birthday,date:LABEL,notes,email,phone,url,"
	    "im:SERVICE,street,city,region,postcode,country,tag,cadence,"
	    "archived,ignore,custom:KEY";
}

char *
csvmap_describe(const struct csv_map *m)
{
	static const char *const kinds[] = { "email", "phone", "url",
	    "address", "custom field", "date", "messaging" };
	static const char *const parts[P_COUNT] = { "", "label", "",
	    "street", "street (line 2)", "street (line 3)",
	    "street (extra line)", "city", "region", "postcode", "country",
	    "street, when the parts are empty", "service" };
	static const char *const scalars[] = {
		[T_DISPLAY] = "display", [T_PREFIX] = "prefix",
		[T_GIVEN] = "given", [T_MIDDLE] = "middle",
		[T_FAMILY] = "family", [T_SUFFIX] = "suffix",
		[T_NICKNAME] = "nickname", [T_ORG] = "org",
		[T_TITLE] = "title", [T_NOTES] = "notes",
		[T_DEPARTMENT] = "department",
		[T_AYEAR] = "anniversary (year)",
		[T_AMONTH] = "anniversary (month)",
		[T_ADAY] = "anniversary (day)",
		[T_BIRTHDAY] = "birthday", [T_BYEAR] = "birthday (year)",
		[T_BMONTH] = "birthday (month)", [T_BDAY] = "birthday (day)",
		[T_TAG] = "tag", [T_CADENCE] = "cadence",
		[T_ARCHIVED] = "archived",
	};
	struct sbuf	 sb = { 0 };
	const struct col *col;
	const struct slot *s;
	size_t		 i;
	long		 other;

	for (i = 0; i < m->ncols; i++) {
		col = &m->cols[i];
		if (*col->name != '\0')
			sbuf_printf(&sb, "%s -> ", col->name);
		else
			sbuf_printf(&sb, "(column %zu, no name) -> ", i + 1);
		switch (col->t) {
		case T_IGNORE:
			sbuf_add(&sb, "ignored");
			break;
		case T_CUSTOM:
			sbuf_printf(&sb, "custom field \"%s\"", col->key);
			break;
		case T_JUNK:
			sbuf_printf(&sb, "custom field \"%s\" (not kept when "
			    "\"%s\")", col->key, col->junk);
			break;
		case T_DATE:
			sbuf_printf(&sb, "custom field \"%s\" (a date, as "
			    "YYYY-MM-DD)", col->key);
			break;
		case T_EVENT:
			sbuf_printf(&sb, "date \"%s\"", col->label);
			break;
		case T_TAGS:
			sbuf_add(&sb, col->sep == ':' ?
			    "tags (split on \" ::: \")" : col->sep == ';' ?
			    "tags (split on \";\")" :
			    "tags (split on \" ::: \", \";\" or \",\")");
			break;
		case T_PART:
			s = &m->slots[col->slot];
			if (col->part == P_DISPNAME) {
				sbuf_printf(&sb, "custom field \"%s\" (not "
				    "kept when it repeats the e-mail)",
				    col->name);
				break;
			}
			other = s->col[col->part == P_LABEL ? P_VALUE :
			    P_LABEL];
			if (s->kind == S_KV && col->part == P_LABEL)
				sbuf_printf(&sb, "key of custom field %s",
				    other >= 0 ? m->cols[other].name : "");
			else if (s->kind == S_KV)
				sbuf_printf(&sb, "custom field named by %s",
				    other >= 0 ? m->cols[other].name :
				    s->fallback);
			else if (col->part == P_LABEL && s->kind != S_ADDR &&
			    other >= 0)
				sbuf_printf(&sb, "label of %s",
				    m->cols[other].name);
			else {
				sbuf_printf(&sb, "%s%s%s", kinds[s->kind],
				    *parts[col->part] != '\0' ? " " : "",
				    parts[col->part]);
				s = &m->slots[col->slot];
				if (col->part == P_SERVICE)
					break;
				if (col->part != P_LABEL &&
				    s->col[P_LABEL] >= 0)
					sbuf_printf(&sb, " (label from %s)",
					    m->cols[s->col[P_LABEL]].name);
				else if (col->part != P_LABEL &&
				    s->label != NULL)
					sbuf_printf(&sb, " (label \"%s\")",
					    s->label);
				if (col->part == P_VALUE && s->service != NULL)
					sbuf_printf(&sb, " (service \"%s\")",
					    s->service);
			}
			break;
		default:
			sbuf_add(&sb, scalars[col->t]);
			break;
		}
		sbuf_addc(&sb, '\n');
	}
	return sbuf_detach(&sb);
}

/* Records into contacts. */

/* The cell of column col, "" if the record is too short. */
static const char *
cell(const struct build *b, long col)
{
	const char	*s;

	if (col < 0 || (size_t)col >= b->n)
		return "";
	s = b->rec->field[col];
	return b->m->fmt == FMT_KITH ? unneutralise(s) : s;
}

/* kith cells are present when not "", others when not blank. */
static int
cell_empty(const struct csv_map *m, const char *s)
{
	return m->fmt == FMT_KITH ? *s == '\0' : layout_blank(s);
}

/* s without the "'" that kith's export put before it (see the top). */
static const char *
unneutralise(const char *s)
{
	const char	*p = s;

	if (*s != '\'')
		return s;
	while (*p == '\'')
		p++;
	return csv_needs_neutralising(p) ? s + 1 : s;
}

static void
warnf(struct build *b, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (b->warn.len > 0)
		sbuf_add(&b->warn, "; ");
	sbuf_add(&b->warn, buf);
}

static char **
scalar(struct contact *c, enum target t)
{
	switch (t) {
	case T_DISPLAY:
		return &c->display;
	case T_PREFIX:
		return &c->prefix;
	case T_GIVEN:
		return &c->given;
	case T_MIDDLE:
		return &c->middle;
	case T_FAMILY:
		return &c->family;
	case T_SUFFIX:
		return &c->suffix;
	case T_NICKNAME:
		return &c->nickname;
	case T_ORG:
		return &c->org;
	case T_TITLE:
		return &c->title;
	case T_DEPARTMENT:
		return &c->department;
	case T_NOTES:
		return &c->notes;
	default:
		return NULL;
	}
}

/*
 * Sets the field of col to v: name parts trimmed (not in the kith
 * layout), the rest as written.  A second, different value for a field
 * already set is kept as a custom field under the column's name.
 */
static void
set_scalar(struct build *b, const struct col *col, const char *v)
{
	char		**f = scalar(b->c, col->t);
	size_t		  n;

	if (col->t >= T_DISPLAY && col->t <= T_NICKNAME &&
	    b->m->fmt != FMT_KITH)
		v = layout_trim_name(v, &n);
	else
		n = strlen(v);
	if (n == 0)
		return;
	if (*f == NULL)
		*f = xstrndup(v, n);
	else if (strlen(*f) != n || memcmp(*f, v, n) != 0) {
		char *dup = xstrndup(v, n);

		contact_add_custom(b->c, col->name, dup);
		free(dup);
	}
}

/* Splits a tags cell: " ::: " (Google), else ";", else ",". */
static void
add_tags(struct build *b, const struct col *col, const char *v)
{
	const char	*p, *q;
	size_t		 seplen;
	char		 sep;

	if (col->sep == 0) {			/* kith: one tag as written */
		contact_add_tag(b->c, v);
		return;
	}
	if (col->sep == ':' || strstr(v, ":::") != NULL)
		sep = ':';
	else if (col->sep == ';' || strchr(v, ';') != NULL)
		sep = ';';
	else
		sep = ',';
	seplen = sep == ':' ? 3 : 1;
	for (p = v;; p = q + seplen) {
		q = sep == ':' ? strstr(p, ":::") : strchr(p, sep);
		if (q == NULL) {
			add_tag_piece(b->c, p, strlen(p));
			break;
		}
		add_tag_piece(b->c, p, (size_t)(q - p));
	}
}

/* One tag: trimmed, "* " of system labels off, "myContacts" dropped. */
static void
add_tag_piece(struct contact *c, const char *p, size_t n)
{
	char	*t;

	n -= layout_ws_suffix(p, n);
	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	if (n > 0 && *p == '*') {
		p++;
		n--;
		while (n > 0 && *p == ' ') {
			p++;
			n--;
		}
	}
	if (n == 0 || (n == 10 && strncasecmp(p, "mycontacts", 10) == 0) ||
	    (n == 11 && strncasecmp(p, "my contacts", 11) == 0))
		return;
	t = xstrndup(p, n);
	contact_add_tag(c, t);
	free(t);
}

/*
 * A cell quoted in a warning: whole if short, else its first
 * EXCERPT_CELLS cells (whole characters) and "…"; caller frees.
 */
#define EXCERPT_CELLS	40
static char *
excerpt(const char *v)
{
	size_t	n = strlen(v), k;

	k = termsafe_fit(v, n, EXCERPT_CELLS, 0, NULL);
	if (k == n)
		return xstrdup(v);
	return xasprintf("%.*s…", (int)k, v);
}

/* A birthday cell of column name: a date, or raw with a warning. */
static void
set_birthday(struct build *b, const char *name, const char *v)
{
	char	 date[11], *cut;
	int	 r;

	r = parse_date(v, date);
	if (r < 0)
		return;				/* Outlook's 0/0/00 */
	if (r == 0) {
		contact_add_custom(b->c, "Birthday", v);
		cut = excerpt(v);
		warnf(b, "birthday '%s' not understood; kept as custom "
		    "field \"Birthday\"", cut);
		free(cut);
		return;
	}
	if (b->c->birthday == NULL)
		b->c->birthday = xstrdup(date);
	else if (strcmp(b->c->birthday, date) != 0)
		contact_add_custom(b->c, name, v);
}

/*
 * Thunderbird's Birth Year, Birth Month, Birth Day (columns, or -1); with
 * anniv, Anniversary Year, Month and Day, which make the date labelled
 * "anniversary".
 */
static void
birth_parts(struct build *b, const long bc[3], int anniv)
{
	const char	*v[3], *what = anniv ? "anniversary" : "birth date";
	char		 date[11];
	int		 x[3] = { 0, 0, 0 }, ok[3], has[3], i;

	for (i = 0; i < 3; i++) {
		v[i] = cell(b, bc[i]);
		has[i] = !layout_blank(v[i]);
		ok[i] = has[i] && parse_uint(v[i], &x[i]);
	}
	if (!has[0] && !has[1] && !has[2])
		return;
	if ((!has[0] || (ok[0] && x[0] >= 1 && x[0] <= 9999)) &&
	    ok[1] && ok[2] && valid_date(has[0] ? x[0] : 0, x[1], x[2])) {
		/* The placeholder years, as date_parse_import reads them. */
		if (has[0] && (x[0] == 1604 || x[0] == 1900))
			x[0] = 0;
		date_format_ymd(date, has[0] ? x[0] : 0, x[1], x[2]);
		if (anniv)
			add_event(b, "anniversary", NULL, date);
		else if (b->c->birthday == NULL)
			b->c->birthday = xstrdup(date);
		else if (strcmp(b->c->birthday, date) != 0)
			contact_add_custom(b->c, "Birthday", date);
		return;
	}
	/* A year alone is kept quietly; anything else is odd. */
	if (!(has[0] && ok[0] && !has[1] && !has[2]))
		warnf(b, "%s %s/%s/%s (year/month/day) not understood; kept "
		    "as custom fields", what, has[0] ? v[0] : "-",
		    has[1] ? v[1] : "-", has[2] ? v[2] : "-");
	for (i = 0; i < 3; i++)
		if (has[i])
			contact_add_custom(b->c,
			    b->m->cols[bc[i]].name, v[i]);
}

/*
 * A label as written (trimmed, Google's "* " off), in lower case when it
 * is a standard one ("Anniversary", "Work"); NULL if blank.  Caller
 * frees.
 */
static char *
clean_label(const char *label)
{
	const char	*std;
	size_t		 n;

	if (label == NULL)
		return NULL;
	label += layout_ws_prefix(label);
	if (*label == '*')
		label += 1 + layout_ws_prefix(label + 1);
	if ((std = layout_std_label(label)) != NULL)
		return xstrdup(std);
	n = strlen(label);
	n -= layout_ws_suffix(label, n);
	return n > 0 ? xstrndup(label, n) : NULL;
}

/*
 * A dated event labelled label from cell v (key: the custom field that
 * keeps it if it is no date, NULL for label).  The date is read as a
 * birthday is (date_parse_import: no year, placeholder years); one that
 * is not understood is kept as a custom field with a warning, Outlook's
 * empty 0/0/00 is dropped.
 */
static void
add_event(struct build *b, const char *label, const char *key,
    const char *v)
{
	struct kith_err	 e = { 0 };
	char		 date[11], *cut;
	int		 r;

	/* kith's own export is taken as written: 1900-01-01 stays. */
	if (b->m->fmt == FMT_KITH && contact_date_check(label, v, &e) ==
	    KITH_OK) {
		contact_add_date(b->c, label, v);
		return;
	}
	r = parse_date(v, date);
	if (r < 0)
		return;
	if (r == 0) {
		key = key != NULL ? key : label;
		contact_add_custom(b->c, key, v);
		cut = excerpt(v);
		warnf(b, "%s '%s' not understood; kept as custom field "
		    "\"%s\"", label, cut, key);
		free(cut);
		return;
	}
	contact_add_date(b->c, label, date);
}

/* The messaging handles of a slot: Google's " ::: " cells split. */
static void
build_im(struct build *b, const struct slot *s)
{
	const char	*v, *p, *q, *svc, *known;
	char		*label = NULL, *service = NULL, *h;
	size_t		 n;

	v = cell(b, s->col[P_VALUE]);
	svc = cell(b, s->col[P_SERVICE]);
	if (cell_empty(b->m, v)) {
		/* A service or label without a handle says nothing. */
		return;
	}
	if (b->m->fmt == FMT_KITH) {
		contact_add_im(b->c, cell_empty(b->m, svc) ? NULL : svc, v,
		    cell(b, s->col[P_LABEL]));
		return;
	}
	label = clean_label(cell(b, s->col[P_LABEL]));
	if (label == NULL && s->label != NULL)
		label = xstrdup(s->label);
	if (!layout_blank(svc)) {
		known = layout_im_service(svc);
		service = known != NULL ? xstrdup(known) : clean_label(svc);
	} else if (s->service != NULL)
		service = xstrdup(s->service);
	for (p = v;; p = q + 3) {
		p += layout_ws_prefix(p);
		q = strstr(p, ":::");
		n = q != NULL ? (size_t)(q - p) : strlen(p);
		n -= layout_ws_suffix(p, n);
		if (n > 0) {
			h = xstrndup(p, n);
			contact_add_im(b->c, service, h, label);
			free(h);
		}
		if (q == NULL)
			break;
	}
	free(label);
	free(service);
}

/*
 * Google's "Event N - Label" and "- Value" (kith: "date N label", "date
 * N"): the value split on " ::: ", each a dated event.  A label without a
 * date is kept as a custom field.
 */
static void
build_event(struct build *b, const struct slot *s, const char *v,
    const char *label)
{
	const char	*p, *q;
	char		*lab, *piece, *key;
	size_t		 n;

	if (cell_empty(b->m, v)) {
		if (!cell_empty(b->m, label))
			contact_add_custom(b->c, s->fallback, label);
		return;
	}
	if (b->m->fmt == FMT_KITH) {
		add_event(b, *label != '\0' ? label : "anniversary", NULL, v);
		return;
	}
	lab = clean_label(label);
	if (lab == NULL && s->label != NULL)
		lab = xstrdup(s->label);
	key = lab != NULL ? xstrdup(lab) : xstrdup(s->fallback);
	for (p = v;; p = q + 3) {
		p += layout_ws_prefix(p);
		q = strstr(p, ":::");
		n = q != NULL ? (size_t)(q - p) : strlen(p);
		n -= layout_ws_suffix(p, n);
		if (n > 0) {
			piece = xstrndup(p, n);
			add_event(b, lab != NULL ? lab : "anniversary", key,
			    piece);
			free(piece);
		}
		if (q == NULL)
			break;
	}
	free(lab);
	free(key);
}

/* The values of one slot into the contact. */
static void
build_slot(struct build *b, const struct slot *s)
{
	const char	*v, *label, *disp, *p, *q, *std;
	size_t		 n;
	int		 primary = s->first, kith = b->m->fmt == FMT_KITH;
	size_t		 before;

	if (s->kind == S_ADDR) {
		build_address(b, s);
		return;
	}
	if (s->kind == S_IM) {
		build_im(b, s);
		return;
	}
	v = cell(b, s->col[P_VALUE]);
	label = cell(b, s->col[P_LABEL]);
	if (s->kind == S_EVENT) {
		build_event(b, s, v, label);
		return;
	}
	if (s->kind == S_KV) {
		if (cell_empty(b->m, v) && cell_empty(b->m, label))
			return;
		contact_add_custom(b->c, !cell_empty(b->m, label) ? label :
		    s->fallback, v);
		return;
	}
	disp = cell(b, s->col[P_DISPNAME]);
	if (!layout_blank(disp) && (layout_blank(v) || strstr(disp, v) == NULL))
		contact_add_custom(b->c, b->m->cols[s->col[P_DISPNAME]].name,
		    disp);
	if (cell_empty(b->m, v))
		return;
	if (kith) {
		add_value(b, s->kind, v, strlen(v), label);
		return;
	}
	if (layout_blank(label))
		label = s->label;
	else {
		label += layout_ws_prefix(label);
		if (*label == '*') {		/* Google's primary mark */
			primary = 1;
			label++;
			label += layout_ws_prefix(label);
		}
		if ((std = layout_std_label(label)) != NULL)
			label = std;
	}
	before = count_of(b->c, s->kind);
	for (p = v;; p = q + 3) {
		p += layout_ws_prefix(p);
		q = strstr(p, ":::");
		n = q != NULL ? (size_t)(q - p) : strlen(p);
		n -= layout_ws_suffix(p, n);
		if (n > 0)
			add_value(b, s->kind, p, n, label);
		if (q == NULL)
			break;
	}
	if (primary && b->prim[s->kind] < 0 &&
	    count_of(b->c, s->kind) > before)
		b->prim[s->kind] = (long)before;
}

/* How many e-mails, phones or URLs c has. */
static size_t
count_of(const struct contact *c, enum slot_kind kind)
{
	return kind == S_EMAIL ? c->n_emails : kind == S_PHONE ?
	    c->n_phones : c->n_urls;
}

/* Adds an e-mail, phone or URL of n bytes at p. */
static void
add_value(struct build *b, enum slot_kind kind, const char *p, size_t n,
    const char *label)
{
	char	 buf[256], *v;

	if (n < sizeof buf) {
		memcpy(buf, p, n);
		buf[n] = '\0';
		v = buf;
	} else
		v = xstrndup(p, n);
	if (kind == S_EMAIL)
		contact_add_email(b->c, v, label);
	else if (kind == S_PHONE)
		contact_add_phone(b->c, v, label);
	else
		contact_add_url(b->c, v, label);
	if (v != buf)
		free(v);
}

static void
build_address(struct build *b, const struct slot *s)
{
	static const enum part lines[] = { P_STREET, P_STREET2, P_STREET3,
	    P_EXTENDED };
	struct contact_address a = { 0 };
	struct sbuf	 street = { 0 };
	const char	*v, *label, *std;
	size_t		 i;

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		v = cell(b, s->col[lines[i]]);
		if (cell_empty(b->m, v))
			continue;
		if (street.len > 0)
			sbuf_addc(&street, '\n');
		sbuf_add(&street, v);
	}
	a.street = street.s;
	a.city = (char *)cell(b, s->col[P_CITY]);
	a.region = (char *)cell(b, s->col[P_REGION]);
	a.postcode = (char *)cell(b, s->col[P_POSTCODE]);
	a.country = (char *)cell(b, s->col[P_COUNTRY]);
	label = cell(b, s->col[P_LABEL]);
	if (a.street == NULL && cell_empty(b->m, a.city) &&
	    cell_empty(b->m, a.region) && cell_empty(b->m, a.postcode) &&
	    cell_empty(b->m, a.country)) {
		v = cell(b, s->col[P_FORMATTED]);
		if (!cell_empty(b->m, v))
			a.street = (char *)v;
		else if (b->m->fmt != FMT_KITH || *label == '\0')
			goto out;
	}
	if (b->m->fmt != FMT_KITH) {
		if (layout_blank(label))
			label = s->label;
		else {
			label += layout_ws_prefix(label);
			if (*label == '*')
				label += 1 + layout_ws_prefix(label + 1);
			if ((std = layout_std_label(label)) != NULL)
				label = std;
		}
	}
	a.label = (char *)label;
	contact_add_address(b->c, &a);
out:
	sbuf_free(&street);
}

/* Moves element i of the e-mails, phones or URLs to the front. */
static void
put_first(struct contact *c, enum slot_kind kind, long i)
{
	struct contact_email	 e;
	struct contact_phone	 p;
	struct contact_kv	 u;

	if (i <= 0)
		return;
	if (kind == S_EMAIL && (size_t)i < c->n_emails) {
		e = c->emails[i];
		memmove(c->emails + 1, c->emails, (size_t)i * sizeof e);
		c->emails[0] = e;
	} else if (kind == S_PHONE && (size_t)i < c->n_phones) {
		p = c->phones[i];
		memmove(c->phones + 1, c->phones, (size_t)i * sizeof p);
		c->phones[0] = p;
	} else if (kind == S_URL && (size_t)i < c->n_urls) {
		u = c->urls[i];
		memmove(c->urls + 1, c->urls, (size_t)i * sizeof u);
		c->urls[0] = u;
	}
}

enum kith_status
csvmap_contact(const struct csv_map *m, const struct csv_record *rec,
    struct contact **out, char **warning, struct kith_err *err)
{
	struct build	 b;
	const struct col *col;
	enum kith_status st = KITH_OK;
	const char	*v;
	char		 date[11], *cut;
	long		 bc[3] = { -1, -1, -1 }, ac[3] = { -1, -1, -1 };
	size_t		 i;
	int		 x;

	*out = NULL;
	if (warning != NULL)
		*warning = NULL;
	memset(&b, 0, sizeof b);
	b.m = m;
	b.rec = rec;
	b.prim[0] = b.prim[1] = b.prim[2] = -1;
	if (rec->problem != NULL)
		return kith_err_set(err, KITH_INVALID, "%s", rec->problem);
	for (i = 0; i < rec->n; i++)
		if (!layout_blank(rec->field[i]))
			break;
	if (i == rec->n)
		return kith_err_set(err, KITH_NOTFOUND, "no value in any "
		    "field");
	if (rec->n > m->ncols) {
		for (i = m->ncols; i < rec->n; i++)
			if (!layout_blank(rec->field[i]))
				return kith_err_set(err, KITH_INVALID,
				    "%zu fields where the header has %zu, and "
				    "the extra ones are not empty", rec->n,
				    m->ncols);
		warnf(&b, "%zu fields where the header has %zu; the extra "
		    "ones are empty and were ignored", rec->n, m->ncols);
	} else if (rec->n < m->width) {
		if (rec->n == 1 && m->width > 2)
			return kith_err_set(err, KITH_INVALID, "1 field where "
			    "the header has %zu; a lone value is not a "
			    "contact", m->ncols);
		warnf(&b, "%zu fields where the header has %zu; the missing "
		    "ones taken as empty", rec->n, m->ncols);
	}
	b.n = rec->n < m->ncols ? rec->n : m->ncols;
	b.c = contact_new();

	for (i = 0; i < b.n; i++) {
		col = &m->cols[i];
		if (col->t == T_PART || col->t == T_IGNORE)
			continue;
		v = cell(&b, (long)i);
		if (cell_empty(m, v))
			continue;
		switch (col->t) {
		case T_CUSTOM:
			contact_add_custom(b.c, col->key, v);
			break;
		case T_JUNK:
			if (strcasecmp(v + layout_ws_prefix(v), col->junk) != 0)
				contact_add_custom(b.c, col->key, v);
			break;
		case T_DATE:
			x = parse_date(v, date);
			if (x != 0)
				v = x > 0 ? date : NULL;
			if (v != NULL)
				contact_add_custom(b.c, col->key, v);
			break;
		case T_EVENT:
			add_event(&b, col->label, col->key, v);
			break;
		case T_BIRTHDAY:
			set_birthday(&b, col->name, v);
			break;
		case T_BYEAR:
		case T_BMONTH:
		case T_BDAY:
			if (bc[col->t - T_BYEAR] < 0)
				bc[col->t - T_BYEAR] = (long)i;
			else
				contact_add_custom(b.c, col->name, v);
			break;
		case T_AYEAR:
		case T_AMONTH:
		case T_ADAY:
			if (ac[col->t - T_AYEAR] < 0)
				ac[col->t - T_AYEAR] = (long)i;
			else
				contact_add_custom(b.c, col->name, v);
			break;
		case T_TAGS:
		case T_TAG:
			add_tags(&b, col, v);
			break;
		case T_CADENCE:
			if (parse_uint(v, &x))
				b.c->cadence_days = x;
			else {
				contact_add_custom(b.c, col->name, v);
				cut = excerpt(v);
				warnf(&b, "cadence '%s' is not a number of "
				    "days; kept as custom field", cut);
				free(cut);
			}
			break;
		case T_ARCHIVED:
			v += layout_ws_prefix(v);
			if (strcasecmp(v, "1") == 0 ||
			    strcasecmp(v, "yes") == 0 ||
			    strcasecmp(v, "true") == 0 ||
			    strcasecmp(v, "x") == 0)
				b.c->archived = 1;
			else if (strcasecmp(v, "0") != 0 &&
			    strcasecmp(v, "no") != 0 &&
			    strcasecmp(v, "false") != 0) {
				contact_add_custom(b.c, col->name, v);
				cut = excerpt(v);
				warnf(&b, "archived '%s' is not yes or no; "
				    "kept as custom field", cut);
				free(cut);
			}
			break;
		default:
			set_scalar(&b, col, v);
			break;
		}
	}
	if (bc[0] >= 0 || bc[1] >= 0 || bc[2] >= 0)
		birth_parts(&b, bc, 0);
	if (ac[0] >= 0 || ac[1] >= 0 || ac[2] >= 0)
		birth_parts(&b, ac, 1);
	for (i = 0; i < m->nslots; i++)
		build_slot(&b, &m->slots[i]);
	put_first(b.c, S_EMAIL, b.prim[S_EMAIL]);
	put_first(b.c, S_PHONE, b.prim[S_PHONE]);
	put_first(b.c, S_URL, b.prim[S_URL]);

	if (b.c->display == NULL && b.c->prefix == NULL &&
	    b.c->given == NULL && b.c->middle == NULL &&
	    b.c->family == NULL && b.c->suffix == NULL &&
	    b.c->nickname == NULL) {
		/*
		 * A LinkedIn row is always a person, and Company is where
		 * they work: with no name and no e-mail it is a restricted
		 * profile that says nothing about who it is.
		 */
		if (m->fmt == FMT_LINKEDIN && b.c->n_emails == 0) {
			st = kith_err_set(err, KITH_INVALID, "no name and no "
			    "e-mail (a restricted LinkedIn profile)");
			goto out;
		}
		if (b.c->org != NULL)
			b.c->display = xstrdup(b.c->org);
		else if (b.c->n_emails > 0)
			b.c->display = xstrdup(b.c->emails[0].addr);
		else if (b.c->n_phones > 0)
			b.c->display = xstrdup(b.c->phones[0].raw);
		else {
			st = kith_err_set(err, KITH_INVALID, "no name, "
			    "organisation, e-mail or phone");
			goto out;
		}
	}
	*out = b.c;
	b.c = NULL;
	if (warning != NULL && b.warn.len > 0)
		*warning = sbuf_detach(&b.warn);
out:
	contact_free(b.c);
	sbuf_free(&b.warn);
	return st;
}

/* Dates: the forms are clock.c's (date_parse_import). */

/* A date cell: 1 with out set, -1 for Outlook's empty 0/0/00, else 0. */
static int
parse_date(const char *s, char out[11])
{
	size_t	 len;

	s = layout_trim_name(s, &len);
	return date_parse_import(s, len, out);
}

/* y 0: no year, so 29 February passes. */
static int
valid_date(int y, int m, int d)
{
	return date_valid_ymd(y, m, d);
}

/* Digits only (blanks around allowed), at most 9 of them. */
static int
parse_uint(const char *s, int *out)
{
	size_t	 n = 0;
	int	 v = 0;

	s += layout_ws_prefix(s);
	while (isdigit((unsigned char)s[n]) && n < 9)
		v = v * 10 + (s[n++] - '0');
	if (n == 0 || !layout_blank(s + n))
		return 0;
	*out = v;
	return 1;
}

const char *
csvmap_unguard(const char *s)
{
	return unneutralise(s);
}
