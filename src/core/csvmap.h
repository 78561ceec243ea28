/* SPDX-License-Identifier: MIT */
/*
 * Address-book layouts: recognising a header (Google, Outlook, LinkedIn,
 * Thunderbird, Eventbrite, kith's own, or a generic spreadsheet), mapping
 * each column by name to a contact field or to a custom field, turning a
 * record into a struct contact, and the export layouts.  Private to the
 * core; import.c and export.c use it.
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
 * known column names of any layout.  Used to find the header row below a
 * preamble (LinkedIn's "Notes:" lines).
 */
int		 csvmap_header_score(const struct csv_record *);

/*
 * Builds the mapping for header.  format (NULL: detect) is one of "google",
 * "outlook", "linkedin", "thunderbird", "eventbrite", "kith", "generic".
 * user_map (NULL: none) is "COL=FIELD,COL=FIELD": COL a header name
 * (compared without regard to case), FIELD a kith field name (see
 * csvmap_fields()) or "custom:KEY", or "ignore".  KITH_INVALID naming the
 * unknown format, column or field.
 */
enum kith_status csvmap_new(const struct csv_record *header,
		    const char *format, const char *user_map,
		    struct csv_map **out, struct kith_err *);
void		 csvmap_free(struct csv_map *);

/* The detected or given format name. */
const char	*csvmap_format(const struct csv_map *);

/* The field names --map accepts, comma-separated, for messages and help. */
const char	*csvmap_fields(void);

/*
 * A human-readable preview of the mapping, one "column -> field" line per
 * column (for --dry-run).  Caller frees.
 */
char		*csvmap_describe(const struct csv_map *);

/*
 * Turns data record rec into a new contact in *out (caller frees).
 * Columns that map to nothing become custom fields, so nothing is lost.
 * Returns KITH_OK, possibly with a warning in *warning (caller frees; e.g.
 * "17 fields where the header has 21; the rest taken as empty"), or
 * KITH_INVALID with err->msg saying why the record cannot be a contact
 * (no name, organisation, e-mail or phone; extra non-empty fields), or
 * KITH_NOTFOUND for a record with no value at all (skip it silently).
 * For the kith format, the "'" that export put before a formula-like cell
 * is removed again.
 */
enum kith_status csvmap_contact(const struct csv_map *,
		    const struct csv_record *rec, struct contact **out,
		    char **warning, struct kith_err *);

/* Export layouts. */
struct csvmap_dims {			/* the most any contact has */
	size_t		 emails, phones, addrs, urls, custom, tags;
};

/*
 * The header of format ("kith", "google" or "outlook") for contacts no
 * bigger than dims, into *fields/*n (caller frees with csvmap_row_free).
 */
enum kith_status csvmap_export_header(const char *format,
		    const struct csvmap_dims *, char ***fields, size_t *n,
		    struct kith_err *);

/* One contact as a row of the same layout. */
void		 csvmap_export_row(const char *format,
		    const struct csvmap_dims *, const struct contact *,
		    char ***fields, size_t *n);
void		 csvmap_row_free(char **fields, size_t n);

#endif
