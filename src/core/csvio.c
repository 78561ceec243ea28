/* SPDX-License-Identifier: MIT */
/*
 * Reading and writing CSV with libcsv.
 *
 * A read runs in three steps.  Detection reads the first 64 KiB: an empty
 * file or a known binary signature is refused, a BOM picks UTF-8 or UTF-16,
 * and a file without one is pre-scanned to its end (or to its first valid
 * UTF-8 multi-byte sequence) to tell UTF-8 from a legacy code page.
 * Sniffing picks the delimiter from the first lines of the first decoded
 * block.  Parsing then streams the file in 64 KiB chunks, through iconv
 * when it is not UTF-8, into libcsv (CSV_STRICT | CSV_STRICT_FINI |
 * CSV_REPALL_NL).
 *
 * Line numbers.  libcsv reports no positions, so the callbacks count:
 * rd_row() sees every unquoted CR and LF (CSV_REPALL_NL reports even the
 * LF of a CRLF and blank lines, as rows with no field), and rd_field()
 * counts the breaks inside a quoted field's data.  A CR reported by
 * rd_row() and followed by an LF with no field between is one break.  The
 * record's line is the counter's value when its first field arrives, since
 * its own breaks are only counted then.  (libcsv skips blanks between rows
 * unseen, so a CR, blanks, then an LF count as one break: a mix of line
 * endings that no exporter writes.)
 *
 * Memory.  One record is held at a time, in buffers reused from record to
 * record (fields packed in one buffer, each NUL-terminated), and at most
 * CSV_MAX_FIELDS fields of it.  libcsv buffers the field it is reading, so
 * rd_feed() follows the quoting itself (struct scan, a few states per
 * byte) and withholds from libcsv the bytes of a field past
 * opts->max_field, counting their line breaks; a huge field costs at most
 * max_field.  The field then arrives empty, with a problem.  Only libcsv's
 * public API is used.
 *
 * Transcoding errors (bytes that are not UTF-16 or not in the code page)
 * become a 0xFF byte, never valid UTF-8, so the record carries a problem
 * instead of a silently replaced character.
 */
#include <sys/stat.h>
#include <sys/types.h>

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <csv.h>

#include "kith/csvio.h"
#include "kith/text.h"
#include "kith/util.h"

#define RD_CHUNK	(64 * 1024)	/* bytes read (and parsed) at a time */
#define RD_SLACK	16		/* room for bytes carried over */
#define SNIFF_LINES	10		/* lines that choose the delimiter */
#define BINARY_SAMPLE	4096		/* bytes looked at for binary data */
#define BAD_BYTE	0xff		/* stands for undecodable input */

enum rd_enc {
	ENC_UTF8,
	ENC_UTF8_BOM,
	ENC_UTF16LE,
	ENC_UTF16BE,
	ENC_LEGACY
};

/* Where the quoting of the text fed to libcsv stands. */
enum scan_state {
	SC_START,		/* at the start of a field: blanks skipped */
	SC_PLAIN,		/* in an unquoted field */
	SC_QUOTED,		/* in a quoted field */
	SC_QEND			/* after a quote in a quoted field */
};

struct scan {
	enum scan_state	 st;
	size_t		 flen;		/* bytes of the open field fed */
	long		 breaks;	/* line breaks in them */
	int		 cr;		/* the last byte was a CR */
};

struct csv_reader {
	const char	*path;		/* as the caller gave it */
	FILE		*fp;
	enum rd_enc	 enc;
	const char	*legacy;	/* code page for ENC_LEGACY */
	char		 encname[32];	/* for csv_info and problems */
	iconv_t		 cd;		/* (iconv_t)-1: input is UTF-8 */
	size_t		 unit;		/* input bytes skipped per bad char */

	unsigned char	*raw;		/* input not yet decoded */
	size_t		 rawlen;	/* bytes in raw */
	int		 primed;	/* raw holds the unread head */
	int		 eof;		/* fread hit the end */
	long long	 consumed;	/* bytes read from the file */
	char		*out;		/* iconv output */
	size_t		 outcap;

	struct csv_parser p;
	int		 parser;	/* p needs csv_free */
	struct scan	 sc;		/* the quoting libcsv has been fed */
	unsigned char	 delim;
	size_t		 max_field;
	char		 limit[32];	/* max_field, e.g. "1 MiB" */

	/* Position. */
	long		 line;		/* line the parser is on */
	int		 prev_cr;	/* last row ended with a CR */
	long		 pend_breaks;	/* breaks in trimmed field data */
	int		 pend_cr;	/* trimmed data ended with a CR */
	int		 big;		/* field in libcsv was trimmed */

	/* The record being built. */
	char		*buf;		/* fields, each NUL-terminated */
	size_t		 buflen;
	size_t		 bufcap;
	size_t		*off;		/* each field's offset in buf */
	size_t		*len;		/* each field's length */
	char		**field;	/* pointers handed to fn */
	size_t		 nfield;
	size_t		 fieldcap;
	long		 rec_line;	/* line of the first field */
	long		 number;	/* records delivered */
	size_t		 bad_field;	/* 1-based field with a problem */
	char		 problem[160];	/* empty, or why unusable */

	csv_record_fn	 fn;
	void		*arg;
	int		 stop;		/* fn asked to stop */
};

struct csv_out {
	FILE		*fp;
	int		 neutralise;	/* prefix formula cells with ' */
	int		 crlf;		/* end records with CRLF */
	int		 failed;	/* a write failed */
};

static enum kith_status	 rd_detect(struct csv_reader *, struct kith_err *);
static const char	*rd_signature(const unsigned char *, size_t);
static const char	*rd_binary(const unsigned char *, size_t, char *,
			    size_t);
static long		 rd_vcard(const unsigned char *, size_t);
static enum kith_status	 rd_prescan(struct csv_reader *, size_t,
			    struct kith_err *);
static int		 scan_utf8(const unsigned char *, size_t, int, int *,
			    size_t *);
static enum kith_status	 rd_next(struct csv_reader *, const char **,
			    size_t *, struct kith_err *);
static void		 rd_transcode(struct csv_reader *, size_t *);
static char		 sniff_delim(const char *, size_t, int);
static enum kith_status	 rd_feed(struct csv_reader *, const char *, size_t,
			    struct kith_err *);
static size_t		 scan_run(struct scan *, const unsigned char *,
			    size_t, unsigned char, size_t);
static size_t		 rd_withhold(struct csv_reader *,
			    const unsigned char *, size_t);
static void		 rd_field(void *, size_t, void *);
static void		 rd_row(int, void *);
static void		 rd_grow(struct csv_reader *, size_t);
static void		 rd_deliver(struct csv_reader *);
static int		 has_control(const unsigned char *, size_t);
static long		 count_breaks(const unsigned char *, size_t, int *,
			    int *);
static void		*rd_realloc(void *, size_t);
static void		 rd_free(struct csv_reader *);
static void		 out_write(struct csv_out *, const char *, size_t);
static void		 out_field(struct csv_out *, const char *, int, int);

enum kith_status
csv_read(const char *path, const struct csv_read_opts *opts,
    struct csv_info *info, csv_record_fn fn, void *arg, struct kith_err *err)
{
	static const struct csv_read_opts	 defaults;
	struct csv_reader			 r;
	enum kith_status			 st;
	struct stat				 sb;
	const char				*data;
	size_t					 len;
	char					 delim;
	long					 line;

	kith_err_clear(err);
	if (opts == NULL)
		opts = &defaults;
	memset(&r, 0, sizeof r);
	r.path = path;
	r.cd = (iconv_t)-1;
	r.legacy = opts->legacy != NULL ? opts->legacy : "WINDOWS-1252";
	r.max_field = opts->max_field != 0 ? opts->max_field : CSV_MAX_FIELD;
	if (r.max_field % (1024 * 1024) == 0)
		snprintf(r.limit, sizeof r.limit, "%zu MiB",
		    r.max_field / (1024 * 1024));
	else if (r.max_field % 1024 == 0)
		snprintf(r.limit, sizeof r.limit, "%zu KiB",
		    r.max_field / 1024);
	else
		snprintf(r.limit, sizeof r.limit, "%zu bytes", r.max_field);
	r.line = 1;
	r.fn = fn;
	r.arg = arg;
	if (info != NULL)
		memset(info, 0, sizeof *info);

	if ((r.fp = fopen(path, "rb")) == NULL) {
		st = kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
		goto out;
	}
	if (info != NULL && fstat(fileno(r.fp), &sb) == 0)
		info->size = (long long)sb.st_size;
	if ((st = rd_detect(&r, err)) != KITH_OK)
		goto out;
	if ((st = rd_next(&r, &data, &len, err)) != KITH_OK)
		goto out;
	if (len == 0) {
		st = kith_err_set(err, KITH_INVALID,
		    "%s: empty file, no header", path);
		goto out;
	}
	delim = opts->delim != 0 ? opts->delim : sniff_delim(data, len, r.eof);
	if (info != NULL) {
		snprintf(info->encoding, sizeof info->encoding, "%s",
		    r.encname);
		info->delim = delim;
	}

	if (csv_init(&r.p, CSV_STRICT | CSV_STRICT_FINI | CSV_REPALL_NL) != 0)
		kith_fatal("csv_init failed");
	r.parser = 1;
	csv_set_delim(&r.p, (unsigned char)delim);
	r.delim = (unsigned char)delim;
	csv_set_realloc_func(&r.p, rd_realloc);
	csv_set_blk_size(&r.p, 16 * 1024);

	while (len > 0) {
		if ((st = rd_feed(&r, data, len, err)) != KITH_OK || r.stop)
			goto out;
		if ((st = rd_next(&r, &data, &len, err)) != KITH_OK)
			goto out;
	}
	if (csv_fini(&r.p, rd_field, rd_row, &r) != 0) {
		/* Only CSV_STRICT_FINI fails: a quoted field left open. */
		line = r.line;
		st = kith_err_set(err, KITH_INVALID, "%s:%ld: a quoted field "
		    "opened on line %ld is never closed", path, line, line);
		if (err != NULL)
			err->line = line;
		goto out;
	}
	st = KITH_OK;

out:
	rd_free(&r);
	return st;
}

/*
 * Reads the head of the file, refuses what is not CSV, and settles the
 * encoding (setting up iconv when it is not UTF-8).  The head stays in
 * r->raw, BOM removed, for rd_next.
 */
static enum kith_status
rd_detect(struct csv_reader *r, struct kith_err *err)
{
	const unsigned char	*p;
	const char		*what;
	char			 why[64];
	size_t			 n, bom = 0;
	long			 vline;

	r->raw = xmalloc(RD_CHUNK + RD_SLACK);
	n = fread(r->raw, 1, RD_CHUNK, r->fp);
	if (n < RD_CHUNK) {
		if (ferror(r->fp))
			return kith_err_set(err, KITH_IO, "%s: %s", r->path,
			    strerror(errno));
		r->eof = 1;
	}
	r->consumed = (long long)n;
	if (n == 0)
		return kith_err_set(err, KITH_INVALID,
		    "%s: empty file, no header", r->path);
	p = r->raw;

	if (n >= 3 && p[0] == 0xef && p[1] == 0xbb && p[2] == 0xbf) {
		r->enc = ENC_UTF8_BOM;
		bom = 3;
	} else if (n >= 2 && p[0] == 0xff && p[1] == 0xfe) {
		r->enc = ENC_UTF16LE;
		bom = 2;
	} else if (n >= 2 && p[0] == 0xfe && p[1] == 0xff) {
		r->enc = ENC_UTF16BE;
		bom = 2;
	} else {
		if ((what = rd_signature(p, n)) != NULL)
			return kith_err_set(err, KITH_INVALID,
			    "%s: not a CSV file (looks like %s)", r->path,
			    what);
	}
	if (r->enc != ENC_UTF16LE && r->enc != ENC_UTF16BE &&
	    (vline = rd_vcard(p + bom, n - bom)) > 0)
		return kith_err_set(err, KITH_INVALID, "%s: looks like a "
		    "vCard file (BEGIN:VCARD on line %ld), not CSV; kith "
		    "import reads it as vCard without --format", r->path,
		    vline);
	if (r->enc != ENC_UTF16LE && r->enc != ENC_UTF16BE &&
	    (what = rd_binary(p + bom, n - bom, why, sizeof why)) != NULL) {
		if (what == why)
			return kith_err_set(err, KITH_INVALID,
			    "%s: binary data (%s), not a CSV file", r->path,
			    what);
		return kith_err_set(err, KITH_INVALID,
		    "%s: not a CSV file (%s)", r->path, what);
	}

	if (r->enc == ENC_UTF8) {
		enum kith_status	st;

		if ((st = rd_prescan(r, n, err)) != KITH_OK)
			return st;
	}

	switch (r->enc) {
	case ENC_UTF8:
		snprintf(r->encname, sizeof r->encname, "UTF-8");
		break;
	case ENC_UTF8_BOM:
		snprintf(r->encname, sizeof r->encname, "UTF-8 with BOM");
		break;
	case ENC_UTF16LE:
	case ENC_UTF16BE:
		snprintf(r->encname, sizeof r->encname, "%s",
		    r->enc == ENC_UTF16LE ? "UTF-16LE" : "UTF-16BE");
		r->cd = iconv_open("UTF-8", r->encname);
		r->unit = 2;
		break;
	case ENC_LEGACY:
		snprintf(r->encname, sizeof r->encname, "%s", r->legacy);
		r->cd = iconv_open("UTF-8", r->legacy);
		r->unit = 1;
		break;
	}
	if ((r->enc == ENC_UTF16LE || r->enc == ENC_UTF16BE ||
	    r->enc == ENC_LEGACY) && r->cd == (iconv_t)-1)
		return kith_err_set(err, KITH_INVALID,
		    "%s: cannot convert from %s: %s", r->path, r->encname,
		    strerror(errno));
	if (r->cd != (iconv_t)-1) {
		r->outcap = 4 * (RD_CHUNK + RD_SLACK);
		r->out = xmalloc(r->outcap);
	}

	memmove(r->raw, r->raw + bom, n - bom);
	r->rawlen = n - bom;
	r->primed = 1;
	return KITH_OK;
}

/* What a known binary signature at the start of p says the file is. */
static const char *
rd_signature(const unsigned char *p, size_t n)
{
	static const struct {
		const char	*magic;
		size_t		 len;
		const char	*what;
	} sigs[] = {
		{ "\x89PNG\r\n\x1a\n", 8, "a PNG image" },
		{ "\xff\xd8\xff", 3, "a JPEG image" },
		{ "GIF87a", 6, "a GIF image" },
		{ "GIF89a", 6, "a GIF image" },
		{ "%PDF-", 5, "a PDF document" },
		{ "PK\x03\x04", 4, "a ZIP archive, such as an .xlsx workbook" },
		{ "\x1f\x8b", 2, "a gzip archive" },
		{ "SQLite format 3", 16, "an SQLite database" },
		{ "\x7f" "ELF", 4, "a program" },
		{ "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", 8,
		    "an .xls workbook or another Office document" },
	};
	size_t	i;

	for (i = 0; i < sizeof sigs / sizeof sigs[0]; i++)
		if (n >= sigs[i].len && memcmp(p, sigs[i].magic,
		    sigs[i].len) == 0)
			return sigs[i].what;
	return NULL;
}

/*
 * The line of a BEGIN:VCARD that opens the head (blank lines before it
 * allowed), else -1: a vCard file is not read as a one-column table.
 */
static long
rd_vcard(const unsigned char *p, size_t n)
{
	size_t		 i = 0;
	long		 line = 1;

	while (i < n && (p[i] == '\r' || p[i] == '\n' || p[i] == ' ' ||
	    p[i] == '\t')) {
		if (p[i] == '\n' || (p[i] == '\r' && (i + 1 == n ||
		    p[i + 1] != '\n')))
			line++;
		i++;
	}
	if (n - i >= 11 && strncasecmp((const char *)p + i, "BEGIN:VCARD",
	    11) == 0)
		return line;
	return -1;
}

/*
 * Why the first bytes of a file that is not UTF-16 look like binary data,
 * or NULL.  A NUL byte alone is not enough (a CSV file may have one in a
 * field, a record error); more than one byte in 32 that is a control
 * character other than TAB, LF, FF and CR is.  Binary data is described
 * in buf (the first NUL or control byte and its offset), which is
 * returned; a UTF-16 file without BOM gets a static message.
 */
static const char *
rd_binary(const unsigned char *p, size_t n, char *buf, size_t size)
{
	size_t	i, ctl = 0, nul[2] = { 0, 0 }, first = (size_t)-1;
	size_t	first_nul = (size_t)-1;

	if (n > BINARY_SAMPLE)
		n = BINARY_SAMPLE;
	for (i = 0; i < n; i++) {
		if (p[i] >= 0x20 || p[i] == '\t' || p[i] == '\n' ||
		    p[i] == '\f' || p[i] == '\r')
			continue;
		ctl++;
		if (first == (size_t)-1)
			first = i;
		if (p[i] == 0) {
			nul[i & 1]++;
			if (first_nul == (size_t)-1)
				first_nul = i;
		}
	}
	if (ctl * 32 <= n)
		return NULL;
	/* ASCII text in UTF-16 has a NUL in every other byte. */
	if ((nul[0] * 4 > n && nul[1] * 64 <= n) ||
	    (nul[1] * 4 > n && nul[0] * 64 <= n))
		return "looks like UTF-16 without a byte-order mark; "
		    "save it as UTF-8";
	if (first_nul != (size_t)-1)
		snprintf(buf, size, "a NUL byte at offset %zu", first_nul);
	else
		snprintf(buf, size, "a control byte 0x%02x at offset %zu",
		    p[first], first);
	return buf;
}

/*
 * Decides between UTF-8 and the legacy code page for a file without BOM:
 * legacy if no valid multi-byte sequence occurs but a byte >= 0x80 does.
 * Scans the head (n bytes in r->raw), then, for a regular file, reads on
 * until the question is settled and seeks back.
 */
static enum kith_status
rd_prescan(struct csv_reader *r, size_t n, struct kith_err *err)
{
	struct stat	 sb;
	unsigned char	*tmp = NULL;
	size_t		 keep, got;
	int		 high = 0, found, final;
	enum kith_status st = KITH_OK;

	found = scan_utf8(r->raw, n, r->eof, &high, &keep);
	if (!found && !r->eof && fstat(fileno(r->fp), &sb) == 0 &&
	    S_ISREG(sb.st_mode)) {
		tmp = xmalloc(RD_CHUNK + RD_SLACK);
		memcpy(tmp, r->raw + n - keep, keep);
		for (;;) {
			got = fread(tmp + keep, 1, RD_CHUNK, r->fp);
			if (got < RD_CHUNK && ferror(r->fp)) {
				st = kith_err_set(err, KITH_IO, "%s: %s",
				    r->path, strerror(errno));
				goto out;
			}
			final = got < RD_CHUNK;
			got += keep;
			found = scan_utf8(tmp, got, final, &high, &keep);
			if (found || final)
				break;
			memmove(tmp, tmp + got - keep, keep);
		}
		if (fseeko(r->fp, (off_t)n, SEEK_SET) != 0) {
			st = kith_err_set(err, KITH_IO, "%s: %s", r->path,
			    strerror(errno));
			goto out;
		}
	}
	r->enc = !found && high ? ENC_LEGACY : ENC_UTF8;

out:
	free(tmp);
	return st;
}

/*
 * Returns 1 as soon as p holds a valid UTF-8 multi-byte sequence.  Else
 * returns 0, sets *high if a byte >= 0x80 was seen, and sets *keep to the
 * number of final bytes that may start a sequence the buffer cuts (always
 * 0 when final), to be scanned again with what follows.
 */
static int
scan_utf8(const unsigned char *p, size_t len, int final, int *high,
    size_t *keep)
{
	size_t		i = 0, n;
	uint64_t	w;
	unsigned char	c, lo, hi;

	*keep = 0;
	while (i < len) {
		while (len - i >= 8) {
			memcpy(&w, p + i, 8);
			if (w & UINT64_C(0x8080808080808080))
				break;
			i += 8;
		}
		if (i == len)
			break;
		if ((c = p[i]) < 0x80) {
			i++;
			continue;
		}
		*high = 1;
		lo = 0x80;
		hi = 0xbf;
		if (c >= 0xc2 && c <= 0xdf)
			n = 2;
		else if (c >= 0xe0 && c <= 0xef) {
			n = 3;
			if (c == 0xe0)
				lo = 0xa0;
			else if (c == 0xed)
				hi = 0x9f;
		} else if (c >= 0xf0 && c <= 0xf4) {
			n = 4;
			if (c == 0xf0)
				lo = 0x90;
			else if (c == 0xf4)
				hi = 0x8f;
		} else {
			i++;
			continue;
		}
		if (len - i < n && !final) {
			*keep = len - i;
			return 0;
		}
		if (len - i >= n && p[i + 1] >= lo && p[i + 1] <= hi &&
		    (n < 3 || (p[i + 2] & 0xc0) == 0x80) &&
		    (n < 4 || (p[i + 3] & 0xc0) == 0x80))
			return 1;
		i++;
	}
	return 0;
}

/*
 * Stores in *data and *len the next block of UTF-8 (valid until the next
 * call); *len is 0 at the end of the file.
 */
static enum kith_status
rd_next(struct csv_reader *r, const char **data, size_t *len,
    struct kith_err *err)
{
	size_t	n;

	for (;;) {
		*len = 0;
		if (r->primed)
			r->primed = 0;
		else if (!r->eof) {
			n = fread(r->raw + r->rawlen, 1, RD_CHUNK, r->fp);
			if (n < RD_CHUNK) {
				if (ferror(r->fp))
					return kith_err_set(err, KITH_IO,
					    "%s: %s", r->path,
					    strerror(errno));
				r->eof = 1;
			}
			r->consumed += (long long)n;
			r->rawlen += n;
		}
		if (r->cd == (iconv_t)-1) {
			*data = (const char *)r->raw;
			*len = r->rawlen;
			r->rawlen = 0;
		} else {
			*data = r->out;
			rd_transcode(r, len);
		}
		if (*len > 0 || r->eof)
			return KITH_OK;
	}
}

/*
 * Converts r->raw into r->out, setting *len to the bytes written; keeps a
 * sequence cut at the end of raw for the next call (unless at EOF).
 * Undecodable input becomes BAD_BYTE.
 */
static void
rd_transcode(struct csv_reader *r, size_t *len)
{
	char	*in = (char *)r->raw, *o = r->out;
	size_t	 inleft = r->rawlen, oleft = r->outcap, used, skip;
	int	 e;

	while (inleft > 0) {
		if (iconv(r->cd, &in, &inleft, &o, &oleft) != (size_t)-1)
			break;
		e = errno;
		if (e == EINVAL && !r->eof)
			break;		/* cut sequence: keep for next time */
		if (e == E2BIG || oleft == 0) {
			used = (size_t)(o - r->out);
			r->out = xreallocarray(r->out, 2, r->outcap);
			r->outcap *= 2;
			o = r->out + used;
			oleft = r->outcap - used;
			if (e == E2BIG)
				continue;
		}
		/* EILSEQ, or EINVAL at the end of the file. */
		*o++ = (char)BAD_BYTE;
		oleft--;
		skip = r->unit < inleft ? r->unit : inleft;
		in += skip;
		inleft -= skip;
	}
	/* Stateful code pages may have a shift sequence to write at the end. */
	if (r->eof && oleft >= 8)
		iconv(r->cd, NULL, NULL, &o, &oleft);
	memmove(r->raw, in, inleft);
	r->rawlen = inleft;
	*len = (size_t)(o - r->out);
}

/*
 * The delimiter of the text in s: of ',', ';' and TAB, the one whose count
 * outside quotes is the same on the most of the first lines (blank lines
 * and lines without it aside), then the one with the higher count, then
 * in that order.  Looking at several lines gets past a preamble such as
 * LinkedIn's.  whole: s is the whole file, so its last line counts even
 * without a line break.
 */
static char
sniff_delim(const char *s, size_t len, int whole)
{
	static const char	 cand[3] = { ',', ';', '\t' };
	unsigned		 cnt[SNIFF_LINES][3], cur[3] = { 0, 0, 0 };
	unsigned		 freq, best_freq = 0, best_cnt = 0, bf, bc;
	size_t			 i, nl = 0, j, k, m;
	int			 inq = 0, text = 0, best = 0;
	char			 c;

	for (i = 0; i < len && nl < SNIFF_LINES; i++) {
		c = s[i];
		if (c == '"') {
			inq = !inq;
			text = 1;
		} else if (inq)
			continue;
		else if (c == '\n' || c == '\r') {
			if (text)
				memcpy(cnt[nl++], cur, sizeof cur);
			memset(cur, 0, sizeof cur);
			text = 0;
		} else if (c == ',')
			cur[0]++, text = 1;
		else if (c == ';')
			cur[1]++, text = 1;
		else if (c == '\t')
			cur[2]++, text = 1;
		else if (c != ' ')
			text = 1;
	}
	if (text && nl < SNIFF_LINES && (whole || nl == 0))
		memcpy(cnt[nl++], cur, sizeof cur);

	for (k = 0; k < 3; k++) {
		bf = bc = 0;
		for (j = 0; j < nl; j++) {
			if (cnt[j][k] == 0)
				continue;
			for (freq = 0, m = 0; m < nl; m++)
				freq += cnt[m][k] == cnt[j][k];
			if (freq > bf || (freq == bf && cnt[j][k] > bc)) {
				bf = freq;
				bc = cnt[j][k];
			}
		}
		if (bf > best_freq || (bf == best_freq && bc > best_cnt)) {
			best_freq = bf;
			best_cnt = bc;
			best = (int)k;
		}
	}
	return cand[best];
}

/*
 * Follows the quoting of n bytes at s from *sc, as libcsv (strict) reads
 * them, and returns how many may be fed to it: all, or up to the first
 * byte of a field that is already max bytes long (quotes always pass, so
 * libcsv's view of the quoting is never changed).
 */
static size_t
scan_run(struct scan *sc, const unsigned char *s, size_t n,
    unsigned char delim, size_t max)
{
	size_t		i;
	unsigned char	c;

	for (i = 0; i < n; i++) {
		c = s[i];
		switch (sc->st) {
		case SC_START:
			if (c == delim || c == '\n' || c == '\r')
				break;
			if (c == '"')
				sc->st = SC_QUOTED;
			else if (c != ' ' && c != '\t') {
				sc->st = SC_PLAIN;
				sc->flen = 1;
			}
			break;
		case SC_PLAIN:
			if (c == delim || c == '\n' || c == '\r') {
				sc->st = SC_START;
				sc->flen = 0;
				sc->breaks = 0;
				break;
			}
			if (sc->flen >= max && c != '"')
				return i;
			sc->flen++;
			break;
		case SC_QUOTED:
			if (c == '"') {
				sc->st = SC_QEND;
				break;
			}
			if (sc->flen >= max)
				return i;
			sc->flen++;
			if (c == '\r' || (c == '\n' && !sc->cr))
				sc->breaks++;
			break;
		case SC_QEND:
			if (c == '"') {
				sc->st = SC_QUOTED;
				sc->flen++;
			} else if (c == delim || c == '\n' || c == '\r') {
				sc->st = SC_START;
				sc->flen = 0;
				sc->breaks = 0;
			} else if (c != ' ' && c != '\t')
				sc->st = SC_PLAIN;	/* libcsv refuses it */
			break;
		}
		sc->cr = c == '\r';
	}
	return n;
}

/*
 * Withholds from libcsv the bytes at s (up to n) that would make its open
 * field larger than max_field: counts their line breaks for the record's
 * line, marks the field too large, and returns how many there are.
 */
static size_t
rd_withhold(struct csv_reader *r, const unsigned char *s, size_t n)
{
	size_t	i;
	int	nul;

	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			break;
		if (r->sc.st == SC_PLAIN && (s[i] == r->delim ||
		    s[i] == '\n' || s[i] == '\r'))
			break;
	}
	r->pend_breaks += count_breaks(s, i, &r->pend_cr, &nul);
	if (i > 0)
		r->sc.cr = s[i - 1] == '\r';
	r->big = 1;
	return i;
}

/* Parses one block; KITH_INVALID naming the line on a quoting error. */
static enum kith_status
rd_feed(struct csv_reader *r, const char *data, size_t len,
    struct kith_err *err)
{
	const unsigned char	*s = (const unsigned char *)data;
	struct scan		 before;
	size_t			 i = 0, run, done;
	long			 line;

	while (i < len) {
		before = r->sc;
		run = scan_run(&r->sc, s + i, len - i, r->delim,
		    r->max_field);
		if (run > 0 && (done = csv_parse(&r->p, s + i, run, rd_field,
		    rd_row, r)) != run)
			goto fail;
		if (r->stop)
			return KITH_OK;
		i += run;
		if (i < len)
			i += rd_withhold(r, s + i, len - i);
	}
	return KITH_OK;
fail:
	if (r->stop)
		return KITH_OK;
	if (csv_error(&r->p) != CSV_EPARSE)
		return kith_err_set(err, KITH_NOMEM, "%s:%ld: %s", r->path,
		    r->line, csv_strerror(csv_error(&r->p)));
	/* The line of the bad byte: the breaks in the open field before it. */
	scan_run(&before, s + i, done, r->delim, (size_t)-1);
	line = r->line + r->pend_breaks + before.breaks;
	kith_err_set(err, KITH_INVALID, "%s:%ld: malformed quoting (a quote "
	    "inside an unquoted field, or text after a closing quote)",
	    r->path, line);
	if (err != NULL)
		err->line = line;
	return KITH_INVALID;
}

/* libcsv's field callback: appends the field to the record. */
static void
rd_field(void *data, size_t len, void *arg)
{
	struct csv_reader	*r = arg;
	const unsigned char	*s = data;
	unsigned char		*d;
	size_t			 n = r->nfield;
	int			 nul, cr = 0;

	if (r->stop)
		return;
	if (n == 0)
		r->rec_line = r->line;
	if (n >= CSV_MAX_FIELDS) {
		/* Bounded: counted for its line breaks, not kept. */
		cr = r->pend_cr;
		r->line += r->pend_breaks + count_breaks(s, len, &cr, &nul);
		r->pend_breaks = 0;
		r->pend_cr = 0;
		r->big = 0;
		if (r->bad_field == 0) {
			r->bad_field = n + 1;
			snprintf(r->problem, sizeof r->problem, "field %zu: "
			    "more than %d fields in one record", n + 1,
			    CSV_MAX_FIELDS);
		}
		return;
	}
	if (n == r->fieldcap) {
		r->fieldcap = r->fieldcap == 0 ? 32 : r->fieldcap * 2;
		r->off = xreallocarray(r->off, r->fieldcap, sizeof *r->off);
		r->len = xreallocarray(r->len, r->fieldcap, sizeof *r->len);
		r->field = xreallocarray(r->field, r->fieldcap,
		    sizeof *r->field);
	}
	if (r->big || len > r->max_field) {
		/* Count the breaks in it and those trimmed, keep nothing. */
		cr = r->pend_cr;
		r->line += r->pend_breaks + count_breaks(s, len, &cr, &nul);
		r->pend_breaks = 0;
		r->pend_cr = 0;
		r->big = 0;
		if (r->bad_field == 0) {
			r->bad_field = n + 1;
			snprintf(r->problem, sizeof r->problem,
			    "field %zu: larger than %s", n + 1, r->limit);
		}
		len = 0;
	}

	/* Room for the field and 8 bytes of blanks that end the scan. */
	if (r->bufcap - r->buflen < len + 8)
		rd_grow(r, len + 8);
	d = (unsigned char *)r->buf + r->buflen;
	memcpy(d, s, len);
	memcpy(d + len, "        ", 8);
	/* Breaks only occur in quoted fields; a NUL is a problem. */
	if (has_control(d, len)) {
		r->line += count_breaks(d, len, &cr, &nul);
		if (nul && r->bad_field == 0) {
			r->bad_field = n + 1;
			snprintf(r->problem, sizeof r->problem,
			    "field %zu: contains a NUL byte", n + 1);
		}
	}
	d[len] = '\0';
	r->off[n] = r->buflen;
	r->len[n] = len;
	r->buflen += len + 1;
	r->nfield = n + 1;
}

/* Makes room for more bytes after the record in r->buf. */
static void
rd_grow(struct csv_reader *r, size_t more)
{
	size_t	cap = r->bufcap == 0 ? 1024 : r->bufcap;

	while (cap - r->buflen < more)
		cap *= 2;
	r->buf = xreallocarray(r->buf, cap, 1);
	r->bufcap = cap;
}

/*
 * libcsv's row callback: delivers the record, if the row has fields (with
 * CSV_REPALL_NL blank lines and the LF of a CRLF come as rows without),
 * and counts the line break c (-1 at the end of the file).
 */
static void
rd_row(int c, void *arg)
{
	struct csv_reader	*r = arg;

	if (r->stop)
		return;
	if (r->nfield > 0) {
		rd_deliver(r);
		r->prev_cr = 0;		/* fields came after the last CR */
	}
	if (c == '\n') {
		if (!r->prev_cr)
			r->line++;
		r->prev_cr = 0;
	} else if (c == '\r') {
		r->line++;
		r->prev_cr = 1;
	}
}

/* Checks the record's UTF-8, hands it to fn and starts the next one. */
static void
rd_deliver(struct csv_reader *r)
{
	struct csv_record	 rec;
	size_t			 i, end, bad;

	/* Look for invalid UTF-8 before the field with a problem, if any. */
	end = r->bad_field != 0 && r->bad_field <= r->nfield ?
	    r->off[r->bad_field - 1] : r->buflen;
	if (!text_valid_utf8(r->buf, end, &bad)) {
		for (i = 0; i + 1 < r->nfield && r->off[i + 1] <= bad; i++)
			;
		snprintf(r->problem, sizeof r->problem,
		    "field %zu: invalid %s at byte %zu", i + 1,
		    r->cd == (iconv_t)-1 ? "UTF-8" : r->encname,
		    bad - r->off[i] + 1);
		r->bad_field = i + 1;
	}
	for (i = 0; i < r->nfield; i++)
		r->field[i] = r->buf + r->off[i];

	rec.line = r->rec_line;
	rec.number = ++r->number;
	rec.n = r->nfield;
	rec.field = r->field;
	rec.len = r->len;
	rec.problem = r->bad_field != 0 ? r->problem : NULL;
	rec.offset = r->consumed;
	if (r->fn != NULL && r->fn(&rec, r->arg) != 0)
		r->stop = 1;

	r->nfield = 0;
	r->buflen = 0;
	r->bad_field = 0;
}

/*
 * 1 if s has a byte below 0x0e (NUL, LF and CR among them).  Reads whole
 * words: the 7 bytes after s must be readable and not below 0x0e.
 */
static int
has_control(const unsigned char *s, size_t len)
{
	const uint64_t	ones = UINT64_C(0x0101010101010101);
	uint64_t	w;
	size_t		i;

	for (i = 0; i < len; i += 8) {
		memcpy(&w, s + i, 8);
		if ((w - ones * 0x0e) & ~w & ones * 0x80)
			return 1;
	}
	return 0;
}

/*
 * Counts the line breaks in s (CR, LF and CRLF are one each); *cr says
 * whether the byte before s was a CR, and is updated.  Sets *nul if s has
 * a NUL byte.
 */
static long
count_breaks(const unsigned char *s, size_t len, int *cr, int *nul)
{
	const unsigned char	*end = s + len;
	long			 n = 0;
	int			 prev = *cr;

	*nul = 0;
	for (; s < end; s++) {
		if (*s >= 0x0e) {
			prev = 0;
			continue;
		}
		if (*s == '\n')
			n += !prev;
		else if (*s == '\r')
			n++;
		else if (*s == '\0')
			*nul = 1;
		prev = *s == '\r';
	}
	*cr = prev;
	return n;
}

/* libcsv grows its buffer through this, so running out of memory aborts. */
static void *
rd_realloc(void *p, size_t size)
{
	return xreallocarray(p, size, 1);
}

static void
rd_free(struct csv_reader *r)
{
	if (r->parser)
		csv_free(&r->p);
	if (r->cd != (iconv_t)-1)
		iconv_close(r->cd);
	if (r->fp != NULL)
		fclose(r->fp);
	free(r->raw);
	free(r->out);
	free(r->buf);
	free(r->off);
	free(r->len);
	free(r->field);
}

struct csv_out *
csv_out_new(FILE *fp, int neutralise, int crlf)
{
	struct csv_out	*o;

	o = xcalloc(1, sizeof *o);
	o->fp = fp;
	o->neutralise = neutralise;
	o->crlf = crlf;
	return o;
}

void
csv_out_row(struct csv_out *o, const char *const *fields, size_t n)
{
	csv_out_row_guarded(o, fields, NULL, n);
}

void
csv_out_row_guarded(struct csv_out *o, const char *const *fields,
    const unsigned char *guard, size_t n)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			out_write(o, ",", 1);
		out_field(o, fields[i], n == 1, guard == NULL || guard[i]);
	}
	if (o->crlf)
		out_write(o, "\r\n", 2);
	else
		out_write(o, "\n", 1);
}

enum kith_status
csv_out_free(struct csv_out *o)
{
	int	failed;

	if (o == NULL)
		return KITH_OK;
	failed = o->failed || fflush(o->fp) != 0 || ferror(o->fp);
	free(o);
	return failed ? KITH_IO : KITH_OK;
}

int
csv_needs_neutralising(const char *s)
{
	return s != NULL && s[0] != '\0' && strchr("=+-@\t\r\n", s[0]) != NULL;
}

static void
out_write(struct csv_out *o, const char *s, size_t len)
{
	if (len > 0 && fwrite(s, 1, len, o->fp) != len)
		o->failed = 1;
}

/*
 * Writes one field, quoted if it holds the delimiter, a quote or a line
 * break, starts or ends with a blank (libcsv would trim it), is
 * neutralised, or is the only field of its record and empty (an empty line
 * would read back as no record at all).  guard 0: never neutralised.
 */
static void
out_field(struct csv_out *o, const char *s, int alone, int guard)
{
	const char	*q;
	size_t		 len;
	int		 neut, quote;

	if (s == NULL)
		s = "";
	len = strlen(s);
	neut = o->neutralise && guard && csv_needs_neutralising(s);
	quote = neut || (alone && len == 0) || strpbrk(s, ",\"\r\n") != NULL ||
	    (len > 0 && (s[0] == ' ' || s[0] == '\t' || s[len - 1] == ' ' ||
	    s[len - 1] == '\t'));
	if (!quote) {
		out_write(o, s, len);
		return;
	}
	out_write(o, neut ? "\"'" : "\"", neut ? 2 : 1);
	while ((q = strchr(s, '"')) != NULL) {
		out_write(o, s, (size_t)(q - s) + 1);
		out_write(o, "\"", 1);
		s = q + 1;
	}
	out_write(o, s, strlen(s));
	out_write(o, "\"", 1);
}
