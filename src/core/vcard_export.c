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
static int	 read_card(const char *, char **, size_t *);

struct stream {
	FILE	*fp;
	int	 version;
	long	 n;
};

struct dir {
	const char	*path;
	int		 version;
	int		 replace;	/* cards changed outside kith too */
	long		 n;
	long		 written;
	char		**names;	/* the files of the cards written */
	uint64_t	*hashes;	/* what each holds (vdir_card_hash) */
	size_t		 n_names;
	char		**listed;	/* the manifest's names, sorted */
	uint64_t	*listed_hash;	/* and their hashes */
	size_t		 n_listed;
	char		**edited;	/* cards kept: changed outside kith */
	size_t		 n_edited;
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

/*
 * The whole of the regular file at path into *buf (caller frees) and
 * *len; 0 if it is not there or cannot be read.
 */
static int
read_card(const char *path, char **buf, size_t *len)
{
	struct stat	 st;
	FILE		*fp;

	*buf = NULL;
	*len = 0;
	if (stat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (fp = fopen(path, "rb")) == NULL)
		return 0;
	*buf = xmalloc((size_t)st.st_size + 1);
	*len = fread(*buf, 1, (size_t)st.st_size, fp);
	fclose(fp);
	return 1;
}

static enum kith_status
to_dir(const struct contact *c, void *arg, struct kith_err *err)
{
	struct dir	*d = arg;
	struct sbuf	 sb = { 0 };
	FILE		*fp;
	char		*name, *path, *tmp = NULL, *old = NULL;
	size_t		 n = 0;
	uint64_t	 was, hash;
	enum kith_status rc = KITH_OK;

	vcard_write(&sb, c, d->version);
	hash = vdir_card_hash(sb.s, sb.len);
	name = vdir_file_name(c->uid != NULL ? c->uid : "no-uid");
	path = xasprintf("%s/%s", d->path, name);
	d->n++;
	if (read_card(path, &old, &n)) {
		/* An unchanged card is not written again (a sync sees no
		 * change). */
		if (n == sb.len && memcmp(old, sb.s, sb.len) == 0)
			goto keep;
		/*
		 * A card kith wrote, changed since by another program (khard,
		 * a phone through vdirsyncer): kept, and named, unless the
		 * export is to replace such cards.
		 */
		was = vdir_listed_hash(d->listed, d->listed_hash, d->n_listed,
		    name);
		if (was != 0 && vdir_card_hash(old, n) != was && !d->replace) {
			d->edited = xreallocarray(d->edited, d->n_edited + 1,
			    sizeof *d->edited);
			d->edited[d->n_edited++] = xstrdup(name);
			hash = was;	/* still unseen by kith */
			goto keep;
		}
	}
	tmp = xasprintf("%s/.%s.tmp-%ld", d->path, name, (long)getpid());
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
keep:
	d->names = xreallocarray(d->names, d->n_names + 1, sizeof *d->names);
	d->hashes = xreallocarray(d->hashes, d->n_names + 1,
	    sizeof *d->hashes);
	d->names[d->n_names] = name;
	d->hashes[d->n_names++] = hash;
	name = NULL;
out:
	free(old);
	free(name);
	free(path);
	free(tmp);
	sbuf_free(&sb);
	return rc;
}

enum kith_status
export_vdir(struct kith_db *db, const char *dir, int version, int replace,
    struct vdir_result *res, struct kith_err *err)
{
	struct dir		 d = { 0 };
	struct stat		 sb;
	enum kith_status	 st;
	long			 given;
	char			*probe;

	memset(res, 0, sizeof *res);
	d.path = dir;
	d.version = version;
	d.replace = replace;
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
	if ((st = vcard_give_uids(db, &given, err)) != KITH_OK ||
	    (st = vdir_manifest_read(dir, &d.listed, &d.listed_hash,
	    &d.n_listed, err)) != KITH_OK)
		return st;
	st = each_contact(db, to_dir, &d, err);
	if (st == KITH_OK)
		st = vdir_manifest_write(dir, d.names, d.hashes, d.n_names,
		    err);
	vdir_names_free(d.names, d.n_names);
	free(d.hashes);
	vdir_names_free(d.listed, d.n_listed);
	free(d.listed_hash);
	res->count = d.n;
	res->written = d.written;
	res->edited = d.edited;
	res->n_edited = d.n_edited;
	return st;
}

void
vdir_result_free(struct vdir_result *res)
{
	vdir_names_free(res->edited, res->n_edited);
	memset(res, 0, sizeof *res);
}
