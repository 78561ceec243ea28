/* SPDX-License-Identifier: MIT */
/*
 * Address-book layouts: recognising a header (Google, Outlook, LinkedIn,
 * Thunderbird, Eventbrite, kith's own, or a generic spreadsheet), mapping
 * each column by name to a contact field or to a custom field, turning a
 * record into a struct contact (csvmap.c), and the export layouts
 * (csv_export.c).  Private to the core; csv_import.c and export.c use it.
 */
#ifndef KITH_CSVMAP_H
#define KITH_CSVMAP_H

#include <stddef.h>
#include "kith/csvio.h"
#include "kith/status.h"

struct contact;
struct csv_map;

/*
 * How much a record looks like a header: the number of its cells that are
 * known column names of any layout (compared folded: case, accents and
 * punctuation do not count).  Used to find the header row below a
 * preamble (LinkedIn's "Notes:" lines); a header scores 2 or more, the
 * preamble lines at most 1.
 */
int		 csvmap_header_score(const struct csv_record *);

/*
 * Builds the mapping for header, once per file: columns are matched by
 * name, never by position.  format (NULL: detect) is one of "google",
 * "outlook", "linkedin", "thunderbird", "eventbrite", "kith", "generic";
 * a header whose first cell is "kith:display" is kith's own layout.
 * user_map (NULL: none) is "COL=FIELD,COL=FIELD": COL a header name
 * (compared without regard to case, or folded), FIELD a kith field name
 * (see csvmap_fields()), "email:LABEL", "phone:LABEL" or "url:LABEL" for a
 * labelled one, "date:LABEL" for a dated event (plain "date": the
 * anniversary), "im:SERVICE" for a messaging handle (plain "im": no
 * service), "custom:KEY" (plain "custom": keyed by the column name),
 * or "ignore"; it overrides detection for those columns only.  On error
 * *out is NULL and the result is KITH_INVALID naming the unknown format,
 * column or field, or the item that is not COL=FIELD.  header is not kept.
 */
enum kith_status csvmap_new(const struct csv_record *header,
		    const char *format, const char *user_map,
		    struct csv_map **out, struct kith_err *);
void		 csvmap_free(struct csv_map *);

/* The detected or given format name. */
const char	*csvmap_format(const struct csv_map *);

/*
 * Whether a column of m can say who a row is: a name (or a part of one),
 * an organisation, an e-mail or a phone.  Without one, every row would be
 * rejected ("no name, organisation, e-mail or phone").
 */
int		 csvmap_identifies(const struct csv_map *);

/* The field names --map accepts, comma-separated, for messages and help. */
const char	*csvmap_fields(void);

/*
 * A human-readable preview of the mapping, one "column -> field" line per
 * column (for --dry-run).  Caller frees.
 */
char		*csvmap_describe(const struct csv_map *);

/*
 * Turns data record rec into a new contact in *out (caller frees with
 * contact_free).  Columns that map to nothing become custom fields (key:
 * the column name; "Column N" for a column without a name), so nothing is
 * lost; Outlook's default values ("Unspecified", "Normal", "False",
 * "SMTP", the 0/0/00 date) are not kept.  Name parts and e-mails are
 * trimmed (NBSP too), other text is kept as written.  The display name is
 * left NULL when there are name parts (contact_insert composes it), else
 * set to the organisation, the first e-mail or the first phone.
 *
 * Returns KITH_OK, possibly with warnings in *warning ("; "-separated,
 * caller frees; e.g. "17 fields where the header has 21; the missing ones
 * taken as empty", or a birthday kept as the custom field "Birthday"
 * because it is not a date); KITH_INVALID with err->msg saying why the
 * record cannot be a contact ("no name, organisation, e-mail or phone";
 * "23 fields where the header has 21, and the extra ones are not empty";
 * a lone field under a wider header; a LinkedIn row with neither name nor
 * e-mail; rec->problem); or KITH_NOTFOUND for a record with no value at
 * all (skip it silently).  On any error *out and *warning are NULL.
 * warning may be NULL.
 *
 * The kith layout is restored exactly: no trimming, splitting or label
 * changes, and the "'" that export (with csv_out's neutralising) put
 * before a formula-like cell is removed again.
 */
enum kith_status csvmap_contact(const struct csv_map *,
		    const struct csv_record *rec, struct contact **out,
		    char **warning, struct kith_err *);

/* Export layouts. */
struct csvmap_dims {			/* the most any contact has */
	size_t		 emails, phones, addrs, urls, custom, tags;
	size_t		 dates, ims;
};

/*
 * The header of format ("kith", "google" or "outlook") for contacts no
 * bigger than dims, into *fields and *n (caller frees with csvmap_row_free).
 * KITH_INVALID, with *fields NULL, for another format.
 *
 * kith: kith:display, prefix, given, middle, family, suffix, nickname,
 * org, title, birthday, notes, cadence (days, "" for none), archived ("1"
 * or ""), department, then "email N" and "email N label" for N up to
 * dims->emails, and likewise "phone N", "phone N label"; "address N
 * label", "address N street", "... city", "... region", "... postcode",
 * "... country"; "url N", "url N label"; "tag N"; "custom N key", "custom
 * N value"; "date N label", "date N"; "im N service", "im N", "im N
 * label".
 * google: the current Google Contacts layout (17 columns, then E-mail,
 * Phone, Address, Website, Event, IM and Custom Field groups sized by
 * dims).
 * outlook: the 61 columns of the outlook.com People export (Department,
 * Anniversary and IMAddress among them), then Categories (classic
 * Outlook's column for tags).
 */
enum kith_status csvmap_export_header(const char *format,
		    const struct csvmap_dims *, char ***fields, size_t *n,
		    struct kith_err *);

/*
 * One contact as a row of the same layout (always as many fields as the
 * header, none NULL; caller frees with csvmap_row_free).  Parts beyond
 * dims are left out, so size dims from the data.  The kith layout writes
 * every field as it is, except that a value made of "'"s followed by a
 * formula-like start gets one more "'" (import takes one off any such
 * cell), so that it survives csv_out's neutralising exactly.  In the
 * outlook layout, what has no column of its own (a fourth e-mail, a
 * year-less birthday, custom fields, ...) is added to Notes as "Key:
 * value" lines; tags go to Categories.  An unknown format gives no fields.
 *
 * *guard (unless guard is NULL; caller frees) gets one flag per field for
 * csv_out_row_guarded(): 1 for free text (names, notes, titles,
 * organisation, labels, addresses, e-mails, URLs, custom fields), which a
 * spreadsheet could run as a formula and the writer neutralises; 0 for a
 * structured value written the way Google and Outlook write it: a date,
 * or a phone number that looks like one (digits with "+-(). " and the
 * like), so "+44 20 7946 0958" and "--07-02" never gain a "'" that those
 * programs would keep.  Every field of the kith layout is 1: its import
 * takes the "'" off again.
 */
void		 csvmap_export_row(const char *format,
		    const struct csvmap_dims *, const struct contact *,
		    char ***fields, unsigned char **guard, size_t *n);
void		 csvmap_row_free(char **fields, size_t n);

/*
 * A free-text cell of a kith export: s with one more "'" when it is a run
 * of "'" before what csv_out would neutralise (caller frees); and
 * csvmap_unguard(), s without the "'" such an export put before it (a
 * pointer into s).  Other kith layouts (deals) use them to round-trip.
 */
char		*csvmap_cell(const char *s);
const char	*csvmap_unguard(const char *s);

#endif
