/* SPDX-License-Identifier: MIT */
/*
 * The vCard reader of imports (a row of the format table in batch.c): a
 * .vcf file, or a vdir folder of them (one card a file, as khard and
 * vdirsyncer keep them), each card handed to the batch as a contact.  A
 * card that cannot be read is rejected with its line and kept, raw, in
 * the rejects file (FILE.rejected.vcf); the batch matches cards by UID
 * first (batch_add).
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/contact.h"
#include "kith/import.h"
#include "kith/util.h"
#include "kith/vcard.h"
#include "batch.h"
#include "internal.h"

#define VCARD_MAX_FILE	((size_t)512 * 1024 * 1024)	/* read whole */

struct vrd {
	struct import	*im;
	const char	*name;		/* the file, in a folder; else NULL */
	long long	 done;		/* bytes of earlier files */
	const char	*buf;
	int		 started;
};

static int	has_vcf_name(const char *);
static enum kith_status slurp(const char *, char **, size_t *,
		    struct kith_err *);
static int	on_card(const struct vcard_card *, void *);
static enum kith_status read_one(struct vrd *, const char *path,
		    int in_dir);
static int	by_name(const void *, const void *);
static int	has_begin(const char *, size_t);

/* 1 if a line of buf begins with BEGIN:VCARD (without case). */
static int
has_begin(const char *buf, size_t len)
{
	size_t	i;

	for (i = 0; i + 11 <= len; i++)
		if ((i == 0 || buf[i - 1] == '\n') &&
		    strncasecmp(buf + i, "BEGIN:VCARD", 11) == 0)
			return 1;
	return 0;
}

static int
has_vcf_name(const char *path)
{
	const char	*dot = strrchr(path, '.');

	return dot != NULL && strchr(dot, '/') == NULL &&
	    (strcasecmp(dot, ".vcf") == 0 || strcasecmp(dot, ".vcard") == 0);
}

/*
 * A folder (a vdir), a file named .vcf, or a regular file that begins
 * BEGIN:VCARD.
 */
int
vcard_import_sniff(const char *path)
{
	struct stat	 sb;
	FILE		*fp;
	char		 head[512];
	size_t		 n;

	if (stat(path, &sb) != 0)
		return has_vcf_name(path);
	if (S_ISDIR(sb.st_mode))
		return 1;
	/* A pipe is not read ahead: what is read is gone. */
	if (has_vcf_name(path) || !S_ISREG(sb.st_mode))
		return has_vcf_name(path);
	if ((fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	return vcard_sniff(head, n);
}

static enum kith_status
slurp(const char *path, char **out, size_t *len, struct kith_err *err)
{
	struct stat	 sb;
	FILE		*fp;
	char		*buf;

	*out = NULL;
	if ((fp = fopen(path, "rb")) == NULL)
		return kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
	if (fstat(fileno(fp), &sb) != 0 || !S_ISREG(sb.st_mode)) {
		fclose(fp);
		return kith_err_set(err, KITH_IO, "%s: not a regular file",
		    path);
	}
	if ((size_t)sb.st_size > VCARD_MAX_FILE) {
		fclose(fp);
		return kith_err_set(err, KITH_INVALID, "%s: larger than %zu "
		    "MiB; split it", path, VCARD_MAX_FILE >> 20);
	}
	buf = xmalloc((size_t)sb.st_size + 1);
	*len = fread(buf, 1, (size_t)sb.st_size, fp);
	if (ferror(fp)) {
		fclose(fp);
		free(buf);
		return kith_err_set(err, KITH_IO, "%s: read error", path);
	}
	fclose(fp);
	buf[*len] = '\0';
	*out = buf;
	return KITH_OK;
}

static int
on_card(const struct vcard_card *card, void *arg)
{
	struct vrd		*r = arg;
	struct import		*im = r->im;
	struct kith_err		 err = { 0 };
	struct csv_record	 rec;
	struct contact		*c = NULL;
	char			*field[1], *warning = NULL, *why;
	size_t			 len[1], i;

	memset(&rec, 0, sizeof rec);
	field[0] = (char *)card->text;
	len[0] = card->len;
	rec.field = field;
	rec.len = len;
	rec.n = 1;
	rec.line = card->problem != NULL ? card->problem_line : card->line;
	im->rep->rows++;
	if (im->opts->progress != NULL && im->rep->rows % 256 == 0)
		im->opts->progress(im->opts->arg, r->done +
		    (card->text - r->buf), im->size);
	if (card->problem != NULL) {
		why = r->name != NULL ? xasprintf("%s: %s", r->name,
		    card->problem) : xstrdup(card->problem);
		batch_reject(im, &rec, why);
		free(why);
		return 0;
	}
	for (i = 0; i < card->n_warnings; i++)
		batch_say(im, IMPORT_WARNING, card->warnings[i].line, "%s%s%s",
		    r->name ? r->name : "", r->name ? ": " : "",
		    card->warnings[i].msg);
	if (vcard_card_contact(card, &c, &warning, &err) != KITH_OK) {
		why = r->name != NULL ? xasprintf("%s: %s", r->name,
		    err.msg) : xstrdup(err.msg);
		batch_reject(im, &rec, why);
		free(why);
		return 0;
	}
	if (warning != NULL)
		batch_say(im, IMPORT_WARNING, rec.line, "%s%s%s",
		    r->name ? r->name : "", r->name ? ": " : "", warning);
	free(warning);
	return batch_add(im, &rec, c);
}

static enum kith_status
read_one(struct vrd *r, const char *path, int in_dir)
{
	struct import		*im = r->im;
	enum kith_status	 st;
	char			*buf;
	size_t			 len = 0;

	if ((st = slurp(path, &buf, &len, im->err)) != KITH_OK)
		return st;
	if (!vcard_sniff(buf, len) && !has_begin(buf, len)) {
		/* No card at all: a folder's stray file is passed over. */
		if (in_dir)
			batch_say(im, IMPORT_NOTICE, 0, "%s: no vCard data; "
			    "skipped", r->name);
		else
			st = kith_err_set(im->err, KITH_INVALID, "%s: no vCard "
			    "data (no BEGIN:VCARD)%s", path, len == 0 ?
			    "; the file is empty" : memchr(buf, '\0', len) !=
			    NULL ? "; binary data" : "");
		free(buf);
		return st;
	}
	if (!r->started) {
		if ((st = batch_start(im)) != KITH_OK) {
			free(buf);
			return st;
		}
		r->started = 1;
	}
	r->buf = buf;
	(void)vcard_parse(buf, len, on_card, r);
	r->done += (long long)len;
	free(buf);
	return im->st;
}

static int
by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

enum kith_status
vcard_import_read(struct import *im)
{
	struct vrd		 r;
	struct stat		 sb;
	struct dirent		*de;
	enum kith_status	 st = KITH_OK;
	DIR			*d;
	char			**names = NULL, *p;
	size_t			 n = 0, i;

	memset(&r, 0, sizeof r);
	r.im = im;
	im->raw_rejects = 1;
	snprintf(im->rep->format, sizeof im->rep->format, "vcard");
	snprintf(im->rep->encoding, sizeof im->rep->encoding, "UTF-8");
	if (stat(im->path, &sb) != 0)
		return kith_err_set(im->err, KITH_IO, "%s: %s", im->path,
		    strerror(errno));
	if (!S_ISDIR(sb.st_mode)) {
		im->size = (long long)sb.st_size;
		return read_one(&r, im->path, 0);
	}
	snprintf(im->rep->format, sizeof im->rep->format, "vdir");
	if ((d = opendir(im->path)) == NULL)
		return kith_err_set(im->err, KITH_IO, "%s: %s", im->path,
		    strerror(errno));
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.' || !has_vcf_name(de->d_name))
			continue;
		names = xreallocarray(names, n + 1, sizeof *names);
		names[n++] = xstrdup(de->d_name);
	}
	closedir(d);
	qsort(names, n, sizeof *names, by_name);
	for (i = 0; i < n; i++) {
		p = xasprintf("%s/%s", im->path, names[i]);
		if (stat(p, &sb) == 0)
			im->size += (long long)sb.st_size;
		free(p);
	}
	if (n == 0)
		st = kith_err_set(im->err, KITH_INVALID, "%s: a folder without "
		    ".vcf files: no vCard data", im->path);
	for (i = 0; i < n && st == KITH_OK; i++) {
		p = xasprintf("%s/%s", im->path, names[i]);
		r.name = names[i];
		st = read_one(&r, p, 1);
		free(p);
	}
	if (st == KITH_OK && !r.started)
		st = batch_start(im);
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	return st;
}

enum kith_status
vcard_uid_find(struct kith_db *db, const char *uid, int64_t *id,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	int		 rc;

	*id = 0;
	if ((stmt = db_stmt(db, "SELECT id FROM contact WHERE uid = ?1",
	    err)) == NULL)
		return KITH_DB;
	sqlite3_bind_text(stmt, 1, uid, -1, SQLITE_STATIC);
	if ((rc = sqlite3_step(stmt)) == SQLITE_ROW)
		*id = sqlite3_column_int64(stmt, 0);
	sqlite3_reset(stmt);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return db_fail(db, err, "looking up a vCard UID");
	return KITH_OK;
}
