/* SPDX-License-Identifier: MIT */
/*
 * Exporting as vCards: every contact in one .vcf stream (export_vcard) or
 * one file a contact in a folder, named by its UID (export_vdir, the
 * layout khard and vdirsyncer use).  Every card carries a UID: contacts
 * without one are given one first, all in one journaled change, so the
 * next export and a sync see the same names.
 */
#include <sys/stat.h>

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/contact.h"
#include "kith/import.h"
#include "kith/journal.h"
#include "kith/util.h"
#include "kith/vcard.h"
#include "internal.h"
#include "vcard_impl.h"

#define PAGE	256

typedef enum kith_status (*card_fn)(const struct contact *, void *,
		    struct kith_err *);

static enum kith_status each_contact(struct kith_db *, card_fn, void *,
		    struct kith_err *);
static enum kith_status to_stream(const struct contact *, void *,
		    struct kith_err *);
static enum kith_status to_dir(const struct contact *, void *,
		    struct kith_err *);

struct stream {
	FILE	*fp;
	int	 version;
	long	 n;
};

struct dir {
	const char	*path;
	int		 version;
	long		 n;
	long		 written;
	char		**names;	/* the files of the cards written */
	size_t		 n_names;
};

enum kith_status
vcard_give_uids(struct kith_db *db, long *given, struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	enum kith_status	 st;

	*given = 0;
	kith_db_action(db, "export", "gave contacts a vCard UID");
	if ((st = kith_db_begin(db, err)) != KITH_OK)
		return st;
	/* A random (version 4) UUID each. */
	if ((stmt = db_stmt(db, "UPDATE contact SET uid = "
	    "lower(hex(randomblob(4))) || '-' || lower(hex(randomblob(2))) "
	    "|| '-4' || substr(lower(hex(randomblob(2))), 2) || '-' || "
	    "substr('89ab', 1 + (abs(random()) % 4), 1) || "
	    "substr(lower(hex(randomblob(2))), 2) || '-' || "
	    "lower(hex(randomblob(6))) WHERE uid IS NULL", err)) == NULL) {
		kith_db_rollback(db);
		return KITH_DB;
	}
	if (sqlite3_step(stmt) != SQLITE_DONE) {
		sqlite3_reset(stmt);
		st = db_fail(db, err, "giving contacts a vCard UID");
		kith_db_rollback(db);
		return st;
	}
	sqlite3_reset(stmt);
	*given = sqlite3_changes(kith_db_sqlite(db));
	return kith_db_commit(db, err);
}

/* Calls fn for every contact, archived ones too, in name order. */
static enum kith_status
each_contact(struct kith_db *db, card_fn fn, void *arg,
    struct kith_err *err)
{
	sqlite3_stmt		*stmt;
	struct contact		*c;
	enum kith_status	 st = KITH_OK;
	unsigned char		*key = NULL;
	size_t			 key_len = 0, got, i;
	int64_t			 ids[PAGE], last_id = 0;
	int			 rc;

	if ((st = db_exec(db, "BEGIN DEFERRED", err)) != KITH_OK)
		return st;
	for (;;) {
		if ((stmt = db_stmt(db, "SELECT id, sort_key FROM contact WHERE "
		    "(sort_key, id) > (?1, ?2) ORDER BY sort_key, id LIMIT 256",
		    err)) == NULL) {
			st = KITH_DB;
			break;
		}
		sqlite3_bind_blob(stmt, 1, key ? (const void *)key : "",
		    (int)key_len, SQLITE_TRANSIENT);
		sqlite3_bind_int64(stmt, 2, last_id);
		got = 0;
		while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
			ids[got++] = sqlite3_column_int64(stmt, 0);
			free(key);
			key_len = (size_t)sqlite3_column_bytes(stmt, 1);
			key = xmalloc(key_len + 1);
			memcpy(key, sqlite3_column_blob(stmt, 1), key_len);
		}
		sqlite3_reset(stmt);
		if (rc != SQLITE_DONE) {
			st = db_fail(db, err, "exporting");
			break;
		}
		for (i = 0; i < got && st == KITH_OK; i++) {
			if ((st = contact_get(db, ids[i], &c, err)) != KITH_OK)
				break;
			st = fn(c, arg, err);
			contact_free(c);
		}
		if (st != KITH_OK || got < PAGE)
			break;
		last_id = ids[got - 1];
	}
	free(key);
	(void)db_exec(db, "COMMIT", NULL);
	return st;
}

static enum kith_status
to_stream(const struct contact *c, void *arg, struct kith_err *err)
{
	struct stream	*s = arg;
	struct sbuf	 sb = { 0 };

	(void)err;
	vcard_write(&sb, c, s->version);
	fwrite(sb.s, 1, sb.len, s->fp);
	sbuf_free(&sb);
	s->n++;
	return KITH_OK;
}

enum kith_status
export_vcard(struct kith_db *db, FILE *fp, int version, long *count,
    struct kith_err *err)
{
	struct stream		 s = { fp, version, 0 };
	enum kith_status	 st;
	long			 given;

	if (count != NULL)
		*count = 0;
	if ((st = vcard_give_uids(db, &given, err)) != KITH_OK)
		return st;
	st = each_contact(db, to_stream, &s, err);
	if (fflush(fp) != 0 || ferror(fp))
		st = st != KITH_OK ? st : kith_err_set(err, KITH_IO,
		    "writing the export failed");
	if (count != NULL)
		*count = s.n;
	return st;
}

char *
vdir_file_name(const char *uid)
{
	char	*name = xasprintf("%.200s.vcf", uid), *p;

	for (p = name; p[4] != '\0'; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == '-' || *p == '_' ||
		    *p == '@' || (*p == '.' && p != name)))
			*p = '_';
	return name;
}

static enum kith_status
to_dir(const struct contact *c, void *arg, struct kith_err *err)
{
	struct dir	*d = arg;
	struct sbuf	 sb = { 0 };
	struct stat	 st;
	FILE		*fp;
	char		*name, *path, *tmp, *old = NULL;
	size_t		 n = 0;
	enum kith_status rc = KITH_OK;

	vcard_write(&sb, c, d->version);
	name = vdir_file_name(c->uid != NULL ? c->uid : "no-uid");
	path = xasprintf("%s/%s", d->path, name);
	d->names = xreallocarray(d->names, d->n_names + 1, sizeof *d->names);
	d->names[d->n_names++] = xstrdup(name);
	tmp = xasprintf("%s/.%s.tmp-%ld", d->path, name, (long)getpid());
	d->n++;
	/* An unchanged card is not written again (a sync sees no change). */
	if (stat(path, &st) == 0 && (size_t)st.st_size == sb.len &&
	    (fp = fopen(path, "rb")) != NULL) {
		old = xmalloc(sb.len + 1);
		n = fread(old, 1, sb.len, fp);
		fclose(fp);
		if (n == sb.len && memcmp(old, sb.s, sb.len) == 0)
			goto out;
	}
	if ((fp = fopen(tmp, "wb")) == NULL) {
		rc = kith_err_set(err, KITH_IO, "%s: %s", tmp,
		    strerror(errno));
		goto out;
	}
	fwrite(sb.s, 1, sb.len, fp);
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		rc = kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
		unlink(tmp);
		goto out;
	}
	d->written++;
out:
	free(old);
	free(name);
	free(path);
	free(tmp);
	sbuf_free(&sb);
	return rc;
}

enum kith_status
export_vdir(struct kith_db *db, const char *dir, int version, long *count,
    long *written, struct kith_err *err)
{
	struct dir		 d = { dir, version, 0, 0, NULL, 0 };
	struct stat		 sb;
	enum kith_status	 st;
	size_t			 i;
	long			 given;
	char			*probe;

	if (count != NULL)
		*count = 0;
	if (written != NULL)
		*written = 0;
	if (stat(dir, &sb) != 0) {
		/* DIR and the folders above it (~/.contacts/work). */
		if (errno != ENOENT)
			return kith_err_set(err, KITH_IO, "%s: %s", dir,
			    strerror(errno));
		probe = xasprintf("%s/x", dir);
		st = db_make_parent(probe, err);
		free(probe);
		if (st != KITH_OK)
			return st;
	} else if (!S_ISDIR(sb.st_mode))
		return kith_err_set(err, KITH_INVALID, "%s: not a folder; "
		    "--format vdir writes one .vcf file a contact into a "
		    "folder", dir);
	if ((st = vcard_give_uids(db, &given, err)) != KITH_OK)
		return st;
	st = each_contact(db, to_dir, &d, err);
	if (st == KITH_OK)
		st = vdir_manifest_write(dir, d.names, d.n_names, err);
	for (i = 0; i < d.n_names; i++)
		free(d.names[i]);
	free(d.names);
	if (count != NULL)
		*count = d.n;
	if (written != NULL)
		*written = d.written;
	return st;
}
