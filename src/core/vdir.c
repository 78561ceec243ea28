/* SPDX-License-Identifier: MIT */
/*
 * What kith wrote into a vdir, so that a later export can take back the
 * cards of contacts that are gone.  export_vdir() keeps, in the folder, a
 * manifest (VDIR_MANIFEST): the names of the card files it wrote, one a
 * line.  A file is stale when the manifest lists it, no contact's UID
 * names it any longer (deleted, or merged into another contact), and it
 * still holds a card with the UID it is named for.  Files the manifest
 * does not list (a phone's, khard's, the user's) are never stale, and a
 * folder without a manifest (written before there was one) has none.
 * The manifest is a dot file: khard, vdirsyncer and kith's own import read
 * only *.vcf files.
 *
 * Each line is a file's name, a tab and a hash of the bytes kith last wrote
 * there (vdir_card_hash; a manifest written before there were hashes has
 * names alone): a card whose bytes no longer hash so was changed by
 * another program since, and an export keeps it unless told to replace it.
 */
#include <sys/stat.h>

#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "kith/util.h"
#include "kith/vcard.h"
#include "internal.h"
#include "vcard_impl.h"

#define MANIFEST_HEAD	"# kith export --format vdir: the card files it " \
			"wrote here, one a line.\n# A later export removes " \
			"those whose contact is gone (after asking).\n"

static int	 cmp_str(const void *, const void *);
static int	 has(char *const *, size_t, const char *);
static int	 cmp_line_name(const void *, const void *);
static enum kith_status read_manifest(const char *, char ***, uint64_t **,
		    size_t *, struct kith_err *);
static enum kith_status current_names(struct kith_db *, char ***, size_t *,
		    struct kith_err *);
static int	 plain_card_name(const char *);
static int	 card_of(const char *, const char *, char **);
static void	 names_free(char **, size_t);
static char	*unescape(const char *);

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* 1 if sorted v holds s. */
static int
has(char *const *v, size_t n, const char *s)
{
	return n > 0 && bsearch(&s, v, n, sizeof *v, cmp_str) != NULL;
}

static void
names_free(char **v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++)
		free(v[i]);
	free(v);
}

/*
 * A plain file name of a card (NAME.vcf, no '/', not a dot file), as
 * vdir_file_name makes them: a manifest's line is used only if it is one.
 */
static int
plain_card_name(const char *s)
{
	size_t	len = strlen(s);

	return len > 4 && s[0] != '.' && strchr(s, '/') == NULL &&
	    strcmp(s + len - 4, ".vcf") == 0;
}

/*
 * The names the manifest of dir lists (none if it has none), sorted, and
 * when hashes is not NULL the hash each was written with (0: none known).
 */
static enum kith_status
read_manifest(const char *dir, char ***out, uint64_t **hashes, size_t *n,
    struct kith_err *err)
{
	FILE	*fp;
	char	*path, *line = NULL, *tab;
	size_t	 cap = 0, i;
	ssize_t	 len;

	*out = NULL;
	*n = 0;
	if (hashes != NULL)
		*hashes = NULL;
	path = xasprintf("%s/%s", dir, VDIR_MANIFEST);
	if ((fp = fopen(path, "r")) == NULL) {
		free(path);
		if (errno == ENOENT || errno == ENOTDIR)
			return KITH_OK;
		return kith_err_set(err, KITH_IO, "%s/%s: %s", dir,
		    VDIR_MANIFEST, strerror(errno));
	}
	free(path);
	while ((len = getline(&line, &cap, fp)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if ((tab = strchr(line, '\t')) != NULL)
			*tab = '\0';
		if (!plain_card_name(line))
			continue;
		if (tab != NULL)
			*tab = '\t';
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[(*n)++] = xstrdup(line);
	}
	free(line);
	fclose(fp);
	/* A tab sorts before every byte of a name: whole lines sort so. */
	if (*n > 1)
		qsort(*out, *n, sizeof **out, cmp_str);
	if (hashes != NULL)
		*hashes = xcalloc(*n + 1, sizeof **hashes);
	for (i = 0; i < *n; i++) {
		if ((tab = strchr((*out)[i], '\t')) == NULL)
			continue;
		*tab = '\0';
		if (hashes != NULL)
			(*hashes)[i] = strtoull(tab + 1, NULL, 16);
	}
	return KITH_OK;
}

uint64_t
vdir_card_hash(const char *s, size_t len)
{
	uint64_t	h = 0xcbf29ce484222325ULL;
	size_t		i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 0x100000001b3ULL;
	return h != 0 ? h : 1;	/* 0 is "none known" */
}

enum kith_status
vdir_manifest_read(const char *dir, char ***names, uint64_t **hashes,
    size_t *n, struct kith_err *err)
{
	return read_manifest(dir, names, hashes, n, err);
}

uint64_t
vdir_listed_hash(char *const *names, const uint64_t *hashes, size_t n,
    const char *name)
{
	char *const	*at;

	if (n == 0)
		return 0;
	at = bsearch(&name, names, n, sizeof *names, cmp_str);
	return at != NULL ? hashes[at - names] : 0;
}

void
vdir_names_free(char **v, size_t n)
{
	names_free(v, n);
}

/* The file names of every contact's UID, sorted. */
static enum kith_status
current_names(struct kith_db *db, char ***out, size_t *n,
    struct kith_err *err)
{
	sqlite3_stmt	*stmt;
	size_t		 cap = 0;
	int		 rc;

	*out = NULL;
	*n = 0;
	if ((stmt = db_stmt(db, "SELECT uid FROM contact WHERE uid IS NOT "
	    "NULL", err)) == NULL)
		return KITH_DB;
	while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
		if (*n == cap) {
			cap = cap ? cap * 2 : 64;
			*out = xreallocarray(*out, cap, sizeof **out);
		}
		(*out)[(*n)++] = vdir_file_name((const char *)
		    sqlite3_column_text(stmt, 0));
	}
	sqlite3_reset(stmt);
	if (rc != SQLITE_DONE) {
		names_free(*out, *n);
		*out = NULL;
		*n = 0;
		return db_fail(db, err, "reading the contacts' UIDs");
	}
	if (*n > 1)
		qsort(*out, *n, sizeof **out, cmp_str);
	return KITH_OK;
}

/* A vCard text value without its escapes ("\\," is ","). */
static char *
unescape(const char *s)
{
	char	*out = xmalloc(strlen(s) + 1), *o = out;

	for (; *s != '\0'; s++) {
		if (*s == '\\' && s[1] != '\0') {
			s++;
			*o++ = *s == 'n' || *s == 'N' ? ' ' : *s;
		} else
			*o++ = *s;
	}
	*o = '\0';
	return out;
}

/*
 * 1 if the file dir/file is a regular file holding a vCard whose UID
 * names it (so it is still the card kith wrote there, not another file
 * put under that name); *fn is set to its FN (caller frees), or NULL.
 */
static int
card_of(const char *dir, const char *file, char **fn)
{
	struct stat	 st;
	FILE		*fp;
	char		*path, *line = NULL, *name;
	size_t		 cap = 0;
	ssize_t		 len;
	int		 begin = 0, uid = 0;

	*fn = NULL;
	path = xasprintf("%s/%s", dir, file);
	if (lstat(path, &st) != 0 || !S_ISREG(st.st_mode) ||
	    (fp = fopen(path, "r")) == NULL) {
		free(path);
		return 0;
	}
	free(path);
	while ((len = getline(&line, &cap, fp)) >= 0) {
		while (len > 0 && (line[len - 1] == '\n' ||
		    line[len - 1] == '\r'))
			line[--len] = '\0';
		if (strcasecmp(line, "BEGIN:VCARD") == 0)
			begin = 1;
		else if (strncasecmp(line, "UID:", 4) == 0 && !uid) {
			name = vdir_file_name(line + 4);
			uid = strcmp(name, file) == 0;
			free(name);
		} else if (strncasecmp(line, "FN:", 3) == 0 && *fn == NULL)
			*fn = unescape(line + 3);
	}
	free(line);
	fclose(fp);
	if (!begin || !uid) {
		free(*fn);
		*fn = NULL;
		return 0;
	}
	return 1;
}

enum kith_status
export_vdir_stale(struct kith_db *db, const char *dir,
    struct vdir_stale **out, size_t *n, struct kith_err *err)
{
	enum kith_status	 st;
	char			**listed = NULL, **now = NULL, *fn;
	size_t			 n_listed = 0, n_now = 0, i;

	*out = NULL;
	*n = 0;
	if ((st = read_manifest(dir, &listed, NULL, &n_listed, err)) !=
	    KITH_OK)
		return st;
	if (n_listed > 0 && (st = current_names(db, &now, &n_now, err)) !=
	    KITH_OK)
		goto out;
	for (i = 0; i < n_listed; i++) {
		if (has(now, n_now, listed[i]) ||
		    !card_of(dir, listed[i], &fn))
			continue;
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[*n].file = listed[i];
		(*out)[*n].name = fn;
		listed[i] = NULL;
		(*n)++;
	}
out:
	names_free(listed, n_listed);
	names_free(now, n_now);
	return st;
}

enum kith_status
export_vdir_remove(const char *dir, const struct vdir_stale *v, size_t n,
    long *removed, struct kith_err *err)
{
	enum kith_status	 st = KITH_OK;
	char			*path, *fn;
	size_t			 i;

	*removed = 0;
	for (i = 0; i < n; i++) {
		/* Still the card it was when the user was asked. */
		if (!card_of(dir, v[i].file, &fn))
			continue;
		free(fn);
		path = xasprintf("%s/%s", dir, v[i].file);
		if (unlink(path) != 0 && errno != ENOENT) {
			st = kith_err_set(err, KITH_IO, "%s: %s", path,
			    strerror(errno));
			free(path);
			break;
		}
		free(path);
		(*removed)++;
	}
	return st;
}

void
vdir_stale_free(struct vdir_stale *v, size_t n)
{
	size_t	i;

	for (i = 0; v != NULL && i < n; i++) {
		free(v[i].file);
		free(v[i].name);
	}
	free(v);
}

enum kith_status
vdir_manifest_write(const char *dir, char **names, const uint64_t *hashes,
    size_t n, struct kith_err *err)
{
	struct stat	 st;
	enum kith_status rc;
	FILE		*fp;
	char		**old = NULL, **line, *path, *tmp, *p;
	uint64_t	*old_hash = NULL;
	size_t		 n_old = 0, n_line = 0, i;
	int		 bad;

	/* Cards listed before and still there stay listed. */
	if ((rc = read_manifest(dir, &old, &old_hash, &n_old, err)) !=
	    KITH_OK)
		return rc;
	line = xcalloc(n + n_old + 1, sizeof *line);
	for (i = 0; i < n; i++)
		line[n_line++] = hashes[i] != 0 ? xasprintf("%s\t%016" PRIx64,
		    names[i], hashes[i]) : xstrdup(names[i]);
	if (n > 1)
		qsort(line, n, sizeof *line, cmp_str);
	for (i = 0; i < n_old; i++) {
		if (n > 0 && bsearch(&old[i], line, n, sizeof *line,
		    cmp_line_name) != NULL)
			continue;
		p = xasprintf("%s/%s", dir, old[i]);
		bad = lstat(p, &st) != 0;
		free(p);
		if (!bad)
			line[n_line++] = old_hash[i] != 0 ? xasprintf(
			    "%s\t%016" PRIx64, old[i], old_hash[i]) :
			    xstrdup(old[i]);
	}
	if (n_line > 1)
		qsort(line, n_line, sizeof *line, cmp_str);
	path = xasprintf("%s/%s", dir, VDIR_MANIFEST);
	tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	if ((fp = fopen(tmp, "w")) == NULL) {
		rc = kith_err_set(err, KITH_IO, "%s: %s", tmp,
		    strerror(errno));
		goto out;
	}
	fputs(MANIFEST_HEAD, fp);
	for (i = 0; i < n_line; i++)
		fprintf(fp, "%s\n", line[i]);
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		rc = kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
		unlink(tmp);
	}
out:
	names_free(line, n_line);
	names_free(old, n_old);
	free(old_hash);
	free(path);
	free(tmp);
	return rc;
}

/*
 * bsearch's comparison of a name with a manifest line, "NAME" or
 * "NAME<tab>HASH": by the line's name.
 */
static int
cmp_line_name(const void *key, const void *elem)
{
	const char	*k = *(const char *const *)key;
	const char	*l = *(const char *const *)elem;
	size_t		 ll = strcspn(l, "\t");
	int		 c;

	if ((c = strncmp(k, l, ll)) != 0)
		return c;
	return k[ll] == '\0' ? 0 : 1;
}
