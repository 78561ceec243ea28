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
 */
#include <sys/stat.h>

#include <errno.h>
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
static enum kith_status read_manifest(const char *, char ***, size_t *,
		    struct kith_err *);
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

/* The names the manifest of dir lists (none if it has none), sorted. */
static enum kith_status
read_manifest(const char *dir, char ***out, size_t *n, struct kith_err *err)
{
	FILE	*fp;
	char	*path, *line = NULL;
	size_t	 cap = 0;
	ssize_t	 len;

	*out = NULL;
	*n = 0;
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
		if (!plain_card_name(line))
			continue;
		*out = xreallocarray(*out, *n + 1, sizeof **out);
		(*out)[(*n)++] = xstrdup(line);
	}
	free(line);
	fclose(fp);
	if (*n > 1)
		qsort(*out, *n, sizeof **out, cmp_str);
	return KITH_OK;
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
	if ((st = read_manifest(dir, &listed, &n_listed, err)) != KITH_OK)
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
vdir_manifest_write(const char *dir, char **names, size_t n,
    struct kith_err *err)
{
	struct stat	 st;
	enum kith_status rc;
	FILE		*fp;
	char		**old = NULL, *path, *tmp, *p;
	size_t		 n_old = 0, i;
	int		 bad;

	/* Cards listed before and still there stay listed. */
	if ((rc = read_manifest(dir, &old, &n_old, err)) != KITH_OK)
		return rc;
	if (n > 1)
		qsort(names, n, sizeof *names, cmp_str);
	path = xasprintf("%s/%s", dir, VDIR_MANIFEST);
	tmp = xasprintf("%s.tmp-%ld", path, (long)getpid());
	if ((fp = fopen(tmp, "w")) == NULL) {
		rc = kith_err_set(err, KITH_IO, "%s: %s", tmp,
		    strerror(errno));
		goto out;
	}
	fputs(MANIFEST_HEAD, fp);
	for (i = 0; i < n; i++)
		fprintf(fp, "%s\n", names[i]);
	for (i = 0; i < n_old; i++) {
		if (has(names, n, old[i]))
			continue;
		p = xasprintf("%s/%s", dir, old[i]);
		bad = lstat(p, &st) != 0;
		free(p);
		if (!bad)
			fprintf(fp, "%s\n", old[i]);
	}
	if (fclose(fp) != 0 || rename(tmp, path) != 0) {
		rc = kith_err_set(err, KITH_IO, "%s: %s", path,
		    strerror(errno));
		unlink(tmp);
	}
out:
	names_free(old, n_old);
	free(path);
	free(tmp);
	return rc;
}
