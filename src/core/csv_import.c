/* SPDX-License-Identifier: MIT */
/*
 * The CSV reader of imports: finds the header below a preamble (or
 * refuses a file that is no table), maps the columns (csvmap), reports
 * what the reader had to repair in each record, and hands each contact to
 * the batch (batch.h).
 */
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/csvio.h"
#include "kith/import.h"
#include "kith/util.h"
#include "batch.h"
#include "csvmap.h"
#include "internal.h"

static void	hold(struct held *, const struct csv_record *);
static void	held_free(struct held *);
static void	held_record(const struct held *, struct csv_record *);
static int	on_record(const struct csv_record *, void *);
static const char *column(const struct import *, size_t);
static int	has_control(const char *, size_t);
static int	data_record(struct import *, const struct csv_record *);
static enum kith_status start_map(struct import *, const struct held *);
static int	looks_prose(const struct import *);
static enum kith_status prose(struct import *);

/* Any file: csv_read() refuses what is not CSV, naming what it is. */
int
csv_import_sniff(const char *path)
{
	(void)path;
	return 1;
}

static void
hold(struct held *h, const struct csv_record *rec)
{
	size_t	i;

	h->line = rec->line;
	h->problem = rec->problem != NULL ? xstrdup(rec->problem) : NULL;
	h->n = rec->n;
	h->field = xcalloc(rec->n, sizeof *h->field);
	h->len = xcalloc(rec->n, sizeof *h->len);
	for (i = 0; i < rec->n; i++) {
		h->field[i] = xmalloc(rec->len[i] + 1);
		memcpy(h->field[i], rec->field[i], rec->len[i]);
		h->field[i][rec->len[i]] = '\0';
		h->len[i] = rec->len[i];
	}
}

static void
held_free(struct held *h)
{
	size_t	i;

	for (i = 0; i < h->n; i++)
		free(h->field[i]);
	free(h->field);
	free(h->len);
	free(h->problem);
	memset(h, 0, sizeof *h);
}

static void
held_record(const struct held *h, struct csv_record *rec)
{
	memset(rec, 0, sizeof *rec);
	rec->line = h->line;
	rec->n = h->n;
	rec->field = h->field;
	rec->len = (size_t *)h->len;
	rec->problem = h->problem;
}

static enum kith_status
start_map(struct import *im, const struct held *h)
{
	struct csv_record	rec;
	enum kith_status	st;

	held_record(h, &rec);
	if (rec.problem != NULL)
		return kith_err_set(im->err, KITH_INVALID, "%s:%ld: the header "
		    "cannot be read (%s)", im->path, rec.line, rec.problem);
	if ((st = csvmap_new(&rec, im->opts->format, im->opts->map, &im->map,
	    im->err)) != KITH_OK)
		return st;
	/*
	 * A header of which no column says who a row is (prose with commas,
	 * a price list): every row would be rejected.  Refused before any
	 * batch is started, as a letter is.
	 */
	if (!csvmap_identifies(im->map)) {
		st = kith_err_set(im->err, KITH_INVALID, "%s:%ld: no column "
		    "is a name, organisation, e-mail or phone (read as %s), "
		    "so no row could be imported: not an address-book table "
		    "(--map COLUMN=FIELD names what a column holds)",
		    im->path, rec.line, csvmap_format(im->map));
		csvmap_free(im->map);
		im->map = NULL;
		return st;
	}
	if ((st = batch_start(im)) != KITH_OK) {
		csvmap_free(im->map);
		im->map = NULL;
		return st;
	}
	im->header = *h;
	snprintf(im->rep->format, sizeof im->rep->format, "%s",
	    csvmap_format(im->map));
	im->rep->mapping = csvmap_describe(im->map);
	return KITH_OK;
}

/*
 * Whether the records held before any header was found read as prose (a
 * letter) rather than a table: nothing in the first looks like a column
 * name, most have at most one non-empty field, and none holds an e-mail
 * address or a phone-length run of digits.  Not asked with --format or
 * --map, which say the file is a table.
 */
static int
looks_prose(const struct import *im)
{
	struct csv_record	 rec;
	size_t			 i, k, narrow = 0, digits;
	const char		*s;

	if (im->n_pre == 0 || im->opts->format != NULL ||
	    im->opts->map != NULL)
		return 0;
	held_record(&im->pre[0], &rec);
	if (csvmap_header_score(&rec) > 0)
		return 0;
	for (i = 0; i < im->n_pre; i++) {
		size_t	filled = 0;

		for (k = 0; k < im->pre[i].n; k++) {
			s = im->pre[i].field[k];
			if (*s != '\0')
				filled++;
			if (strchr(s, '@') != NULL)
				return 0;
			for (digits = 0; *s != '\0'; s++)
				if (*s >= '0' && *s <= '9') {
					if (++digits >= 7)
						return 0;
				} else if (strchr(" -./()+", *s) == NULL)
					digits = 0;
		}
		if (filled <= 1)
			narrow++;
	}
	return narrow * 4 >= im->n_pre * 3;
}

static enum kith_status
prose(struct import *im)
{
	return kith_err_set(im->err, KITH_INVALID, "%s: no delimiter found: "
	    "one column of prose, not an address-book table", im->path);
}

static int
on_record(const struct csv_record *rec, void *arg)
{
	struct import		*im = arg;
	struct held		 h;
	struct csv_record	 r;
	size_t			 i;

	if (im->opts->progress != NULL && rec->number % 1024 == 0)
		im->opts->progress(im->opts->arg, rec->offset, im->info->size);
	if (im->map != NULL)
		return data_record(im, rec);

	/* Looking for the header: the first record that looks like one. */
	if (rec->problem == NULL && (csvmap_header_score(rec) >= 2 ||
	    (im->n_pre == 0 && (im->opts->format != NULL ||
	    im->opts->map != NULL)))) {
		for (i = 0; i < im->n_pre; i++) {
			batch_say(im, IMPORT_NOTICE, im->pre[i].line,
			    "skipped: above the header");
			held_free(&im->pre[i]);
		}
		im->n_pre = 0;
		hold(&h, rec);
		if ((im->st = start_map(im, &h)) != KITH_OK) {
			held_free(&h);
			return 1;
		}
		return 0;
	}
	if (im->n_pre < PREAMBLE_MAX) {
		hold(&im->pre[im->n_pre++], rec);
		if (im->n_pre < PREAMBLE_MAX)
			return 0;
	}
	/* No header found: the first record is the header after all. */
	if (looks_prose(im)) {
		im->st = prose(im);
		return 1;
	}
	h = im->pre[0];
	if ((im->st = start_map(im, &h)) != KITH_OK)
		return 1;
	for (i = 1; i < im->n_pre; i++) {
		held_record(&im->pre[i], &r);
		data_record(im, &r);
		held_free(&im->pre[i]);
	}
	im->n_pre = 0;
	return im->st != KITH_OK;
}

/*
 * Whether the len bytes at f hold a control character the store removes
 * in every field (db_clean): C0 but tab, line feed and carriage return
 * (those become spaces in a one-line field, and stay in notes), DEL, and
 * C1 (U+0080 to U+009F).
 */
static int
has_control(const char *f, size_t len)
{
	const unsigned char	*u = (const unsigned char *)f;
	size_t			 j;

	for (j = 0; j < len; j++) {
		if ((u[j] < 0x20 && u[j] != '\t' && u[j] != '\n' &&
		    u[j] != '\r') || u[j] == 0x7f)
			return 1;
		if (u[j] == 0xc2 && j + 1 < len && u[j + 1] >= 0x80 &&
		    u[j + 1] <= 0x9f)
			return 1;
	}
	return 0;
}

/* The header's name for column i (0-based), or "" past its end. */
static const char *
column(const struct import *im, size_t i)
{
	return i < im->header.n ? im->header.field[i] : "";
}

/*
 * Reports what the reader could not give as written, once per record, and
 * repairs what can be: a line break written as CR or CRLF inside a field
 * becomes LF, in place (a CR that begins a cell is left for the formula
 * guard), a replacement character (U+FFFD, a character the file's
 * encoding could not represent when it was saved) is kept and named, and
 * control characters, which the store removes (db_clean), are named, so
 * nothing is changed silently.  One memchr per field for the first two,
 * one pass of compares for the third: cheap on the hot path.
 */
void
csv_import_check_cells(struct import *im, const struct csv_record *rec)
{
	const unsigned char	*u;
	char			*f, *d;
	size_t			 i, j, k, len, cr_field = 0, fffd_field = 0;
	size_t			 n_fffd = 0, ctl_field = 0;

	for (i = 0; i < rec->n; i++) {
		f = rec->field[i];
		len = rec->len[i];
		/*
		 * A CR that begins the cell (after the ' of kith's formula
		 * guard, perhaps) is no line break: kept.
		 */
		k = len > 0 && f[0] == '\'' ? 2 : 1;
		if (len > k && memchr(f + k, '\r', len - k) != NULL) {
			if (cr_field == 0)
				cr_field = i + 1;
			for (j = 0, d = f; j < len; j++) {
				if (f[j] != '\r' || j < k)
					*d++ = f[j];
				else if (j + 1 < len && f[j + 1] == '\n')
					continue;
				else
					*d++ = '\n';
			}
			*d = '\0';
			rec->len[i] = len = (size_t)(d - f);
		}
		if (ctl_field == 0 && has_control(f, len))
			ctl_field = i + 1;
		u = (const unsigned char *)f;
		while ((u = memchr(u, 0xef, len - (size_t)(u -
		    (const unsigned char *)f))) != NULL) {
			if ((size_t)(u - (const unsigned char *)f) + 2 < len &&
			    u[1] == 0xbf && u[2] == 0xbd) {
				if (fffd_field == 0)
					fffd_field = i + 1;
				n_fffd++;
				u += 3;
			} else
				u++;
		}
	}
	if (cr_field != 0)
		batch_say(im, IMPORT_WARNING, rec->line, "line breaks written as CR "
		    "inside fields (first in column %zu \"%s\") %s LF",
		    cr_field, column(im, cr_field - 1), im->opts->dry_run ?
		    "would become" : "became");
	if (ctl_field != 0)
		batch_say(im, IMPORT_WARNING, rec->line, "control characters "
		    "(first in column %zu \"%s\") %s", ctl_field,
		    column(im, ctl_field - 1), im->opts->dry_run ?
		    "would be removed" : "removed");
	if (fffd_field != 0)
		batch_say(im, IMPORT_WARNING, rec->line, "%zu replacement "
		    "character%s (U+FFFD: a character the file's encoding "
		    "could not represent, lost before kith read it; first in "
		    "column %zu \"%s\") %s as written", n_fffd,
		    n_fffd == 1 ? "" : "s", fffd_field,
		    column(im, fffd_field - 1), im->opts->dry_run ?
		    "would be kept" : "kept");
}

/*
 * Maps one data record to a contact and hands it to the batch, or rejects
 * or skips it.  Returns non-zero to stop the read (a database error, kept
 * in im->st).
 */
static int
data_record(struct import *im, const struct csv_record *rec)
{
	struct kith_err		 err = { 0 };
	struct contact		*c = NULL;
	enum kith_status	 st;
	char			*warning = NULL;

	if (rec->problem != NULL) {
		im->rep->rows++;
		batch_reject(im, rec, rec->problem);
		return 0;
	}
	csv_import_check_cells(im, rec);
	st = csvmap_contact(im->map, rec, &c, &warning, &err);
	if (st == KITH_NOTFOUND) {
		im->rep->skipped++;
		batch_say(im, IMPORT_NOTICE, rec->line,
		    "skipped: empty record");
		return 0;
	}
	im->rep->rows++;
	if (st != KITH_OK) {
		batch_reject(im, rec, err.msg);
		return 0;
	}
	if (warning != NULL)
		batch_say(im, IMPORT_WARNING, rec->line, "%s", warning);
	free(warning);
	return batch_add(im, rec, c);
}

/*
 * The CSV reader of the format table: reads im->path record by record,
 * finds the header, maps it, and hands each contact to the batch.
 */
enum kith_status
csv_import_read(struct import *im)
{
	struct csv_read_opts	 ro = { 0 };
	struct csv_info		 info = { { 0 }, 0, 0 };
	enum kith_status	 st;
	size_t			 i;

	ro.legacy = im->opts->legacy;
	im->info = &info;
	st = csv_read(im->path, &ro, &info, on_record, im, im->err);
	im->size = info.size;
	snprintf(im->rep->encoding, sizeof im->rep->encoding, "%s",
	    info.encoding);
	if (st == KITH_OK && im->st != KITH_OK)
		st = im->st;
	if (st == KITH_OK && im->map == NULL && im->n_pre > 0) {
		/* Fewer records than PREAMBLE_MAX and none looked like a
		 * header: the first one is it. */
		struct held h = im->pre[0];
		struct csv_record r;

		if (looks_prose(im)) {
			st = prose(im);
			held_free(&im->pre[0]);
		} else if ((st = start_map(im, &h)) == KITH_OK) {
			for (i = 1; i < im->n_pre && im->st == KITH_OK; i++) {
				held_record(&im->pre[i], &r);
				data_record(im, &r);
			}
			st = im->st;
		} else
			held_free(&im->pre[0]);
		for (i = 1; i < im->n_pre; i++)
			held_free(&im->pre[i]);
		im->n_pre = 0;
	}
	for (i = 0; i < im->n_pre; i++)
		held_free(&im->pre[i]);
	csvmap_free(im->map);
	im->map = NULL;
	held_free(&im->header);
	im->info = NULL;
	return st;
}

/* For the other readers (batch.h): a record copied out, and freed. */
void
csv_import_hold(struct held *h, const struct csv_record *rec)
{
	hold(h, rec);
}

void
csv_import_held_free(struct held *h)
{
	held_free(h);
}
