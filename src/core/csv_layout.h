/* SPDX-License-Identifier: MIT */
/*
 * What one CSV header name means (csv_layout.c): the layouts kith knows,
 * the targets a column can have, and how a name resolves.  Private to the
 * core: csvmap.c plans a mapping from it.
 */
#ifndef KITH_CSV_LAYOUT_H
#define KITH_CSV_LAYOUT_H

#include <stddef.h>

#include "kith/csvio.h"
#include "kith/util.h"

enum fmt {
	FMT_GENERIC, FMT_GOOGLE, FMT_OUTLOOK, FMT_LINKEDIN, FMT_THUNDERBIRD,
	FMT_EVENTBRITE, FMT_KITH, FMT_COUNT,
	FMT_ANY = FMT_COUNT		/* header score: every layout's names */
};

/* The layouts' names ("generic", "google", ...), by enum fmt. */
extern const char *const layout_fmt_names[FMT_COUNT];

enum target {
	T_IGNORE,		/* --map ignore */
	T_CUSTOM,		/* custom field col->key */
	T_JUNK,			/* custom field unless the cell is col->junk */
	T_DATE,			/* custom field, a date made YYYY-MM-DD */
	T_EVENT,		/* a dated event labelled res.label */
	T_DISPLAY, T_PREFIX, T_GIVEN, T_MIDDLE, T_FAMILY, T_SUFFIX,
	T_NICKNAME,		/* name parts: trimmed */
	T_ORG, T_TITLE, T_NOTES,
	T_DEPARTMENT,		/* the department within the organisation */
	T_BIRTHDAY, T_BYEAR, T_BMONTH, T_BDAY,
	T_AYEAR, T_AMONTH, T_ADAY,	/* the anniversary in three columns */
	T_TAGS,			/* several tags, split as col->sep says */
	T_TAG,			/* one tag (kith) */
	T_CADENCE, T_ARCHIVED,	/* kith */
	T_PART			/* part col->part of slot col->slot */
};

/*
 * What a slot gathers.  S_EVENT: a dated event (P_VALUE the date, P_LABEL
 * its label); S_IM: a messaging handle (P_VALUE the handle, P_SERVICE
 * the service, P_LABEL its label).
 */
enum slot_kind { S_EMAIL, S_PHONE, S_URL, S_ADDR, S_KV, S_EVENT, S_IM };

enum part {
	P_VALUE,		/* the e-mail, phone, URL; S_KV: the value */
	P_LABEL,		/* its label; S_KV: the key */
	P_DISPNAME,		/* Outlook "E-mail Display Name" */
	P_STREET, P_STREET2, P_STREET3, P_EXTENDED, P_CITY, P_REGION,
	P_POSTCODE, P_COUNTRY, P_FORMATTED,
	P_SERVICE,		/* S_IM: "Skype", "Jabber", ... */
	P_COUNT
};

/* How one header name resolves. */
struct res {
	enum target	 t;
	enum slot_kind	 kind;
	enum part	 part;
	const char	*label;		/* fixed slot label; T_EVENT: its
					   label */
	const char	*service;	/* S_IM: fixed service, or NULL */
	const char	*junk;
	const char	*group;		/* slot group, NULL: a new slot */
	char		 gbuf[64];	/* storage for a built group */
	char		 lbuf[48];	/* storage for a built label */
	char		 kbuf[64];	/* T_CUSTOM: a built key, or "" */
	int		 first;
	char		 sep;
};

/*
 * The folded form of a header name (caller frees): ASCII lower case,
 * accented Latin letters as ASCII, other non-letters as single spaces,
 * "e mail" as "email".
 */
char		*layout_fold_name(const char *);
/* s without its leading and trailing white space: a pointer into s and,
   in *len, its length. */
const char	*layout_trim_name(const char *, size_t *);
/* Bytes of white space (Unicode spaces included) at the start of s. */
size_t		 layout_ws_prefix(const char *);
/* Bytes of white space at the end of the len bytes of s. */
size_t		 layout_ws_suffix(const char *, size_t);
/* 1 if s is NULL or only white space. */
int		 layout_blank(const char *);
/* The standard lower-case spelling of a label, or NULL. */
const char	*layout_std_label(const char *);
/*
 * The usual spelling of a messaging service named s, in any case or
 * punctuation ("skype" "Skype", "google talk" "Google Talk", "xmpp"
 * "XMPP"), or NULL if s is no service kith knows.
 */
const char	*layout_im_service(const char *s);
/*
 * Resolves header name (folded as f) under layout fmt into *r; 0 if it
 * names nothing known.
 */
int		 layout_resolve(enum fmt, const char *f, const char *name,
		    struct res *r);
/* The layout a header row is in (FMT_GENERIC if none stands out). */
enum fmt	 layout_detect(const struct csv_record *);

#endif
