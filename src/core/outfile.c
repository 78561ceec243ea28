/* SPDX-License-Identifier: MIT */
/*
 * Files written for other programs.  An export goes to a temporary file
 * beside its target and is renamed over it only once whole; the checks
 * first keep an export from landing on a database, above all the book
 * it is read from (a slip of the shell's completion would otherwise end
 * the book, beyond any undo).
 */
#define _XOPEN_SOURCE	700	/* realpath */

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/outfile.h"
#include "kith/util.h"

static int	same_file(const struct stat *, const char *);
static int	is_book(const struct stat *, const char *);
static int	is_sqlite(const char *);

enum kith_status
outfile_open(struct outfile *o, const char *path, const char *book,
    struct kith_err *err)
{
	struct stat	 st, lst;
	char		*real;

	memset(o, 0, sizeof *o);
	if (stat(path, &st) == -1) {
		if (errno != ENOENT)
			return kith_err_set(err, KITH_IO, "%s: %s", path,
			    strerror(errno));
		if (lstat(path, &lst) == 0)
			return kith_err_set(err, KITH_INVALID, "%s: a link to "
			    "a file that is not there", path);
		o->path = xstrdup(path);	/* a new file */
	} else if (S_ISDIR(st.st_mode))
		return kith_err_set(err, KITH_INVALID, "%s: a folder, not a "
		    "file", path);
	else if (!S_ISREG(st.st_mode)) {
		/* A pipe, a device, a terminal: it takes the bytes as they
		 * come, and renaming over it would replace it. */
		if ((o->fp = fopen(path, "w")) == NULL)
			return kith_err_set(err, KITH_IO, "%s: %s", path,
			    strerror(errno));
		o->path = xstrdup(path);
		return KITH_OK;
	} else {
		if (is_book(&st, book))
			return kith_err_set(err, KITH_INVALID, "%s: that is "
			    "the book itself; write to another file", path);
		if (is_sqlite(path))
			return kith_err_set(err, KITH_INVALID, "%s: a SQLite "
			    "database, not replaced; remove it first or write "
			    "to another file", path);
		if ((real = realpath(path, NULL)) == NULL)
			return kith_err_set(err, KITH_IO, "%s: %s", path,
			    strerror(errno));
		o->path = real;
	}
	o->tmp = xasprintf("%s.tmp-%ld", o->path, (long)getpid());
	if ((o->fp = fopen(o->tmp, "w")) == NULL) {
		kith_err_set(err, KITH_IO, "%s: cannot write beside it: %s",
		    path, strerror(errno));
		free(o->tmp);
		free(o->path);
		memset(o, 0, sizeof *o);
		return KITH_IO;
	}
	return KITH_OK;
}

enum kith_status
outfile_close(struct outfile *o, struct kith_err *err)
{
	enum kith_status	st = KITH_OK;
	int			bad;

	errno = 0;
	bad = ferror(o->fp);
	if (fclose(o->fp) != 0 || bad)
		st = kith_err_set(err, KITH_IO, "%s: %s", o->path,
		    strerror(errno != 0 ? errno : EIO));
	else if (o->tmp != NULL && rename(o->tmp, o->path) != 0)
		st = kith_err_set(err, KITH_IO, "%s: %s", o->path,
		    strerror(errno));
	if (st != KITH_OK && o->tmp != NULL)
		(void)unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
	return st;
}

void
outfile_abort(struct outfile *o)
{
	if (o->fp != NULL)
		fclose(o->fp);
	if (o->tmp != NULL)
		(void)unlink(o->tmp);
	free(o->tmp);
	free(o->path);
	memset(o, 0, sizeof *o);
}

/* Whether st is the file at path. */
static int
same_file(const struct stat *st, const char *path)
{
	struct stat	other;

	return stat(path, &other) == 0 && other.st_dev == st->st_dev &&
	    other.st_ino == st->st_ino;
}

/* Whether st is the book or one of the files SQLite keeps beside it. */
static int
is_book(const struct stat *st, const char *book)
{
	static const char *const side[] = { "-wal", "-shm", "-journal",
	    "-lock" };
	char		*p;
	size_t		 i;
	int		 same;

	if (book == NULL || strcmp(book, ":memory:") == 0)
		return 0;
	if (same_file(st, book))
		return 1;
	for (i = 0; i < sizeof side / sizeof side[0]; i++) {
		p = xasprintf("%s%s", book, side[i]);
		same = same_file(st, p);
		free(p);
		if (same)
			return 1;
	}
	return 0;
}

/* Whether the file at path begins as every SQLite database does. */
static int
is_sqlite(const char *path)
{
	static const char	magic[16] = "SQLite format 3";
	char			head[sizeof magic];
	ssize_t			n;
	int			fd;

	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) == -1)
		return 0;
	n = read(fd, head, sizeof head);
	close(fd);
	return n == (ssize_t)sizeof head && memcmp(head, magic,
	    sizeof magic) == 0;
}
