/* SPDX-License-Identifier: MIT */
/*
 * A file that kith writes for another program, replaced whole when it is
 * done (outfile.c): kith export FILE, kith report -o FILE.
 */
#ifndef KITH_OUTFILE_H
#define KITH_OUTFILE_H

#include <stdio.h>

#include "kith/status.h"

struct outfile {
	FILE	*fp;		/* write here */
	char	*path;		/* the file replaced (a link's target) */
	char	*tmp;		/* beside it, renamed over it; NULL when
				   written in place */
};

/*
 * Opens path for writing.  A regular file, or one not there yet, is
 * written beside as a temporary file and renamed over it by
 * outfile_close(), so that it is never half-written; through a symbolic
 * link, the file it names is replaced and the link kept.  A FIFO, a
 * device or a terminal is written in place.  Refused (KITH_INVALID, err
 * naming path and why): the open book (book, its path; may be NULL) or
 * its -wal, -shm, -journal or -lock file, any other SQLite database, a folder,
 * and a link to nothing.
 */
enum kith_status outfile_open(struct outfile *, const char *path,
		    const char *book, struct kith_err *);

/* Finishes the file: KITH_IO (err names it) if any write failed. */
enum kith_status outfile_close(struct outfile *, struct kith_err *);

/* Gives up: the temporary file is removed, path left as it was. */
void		 outfile_abort(struct outfile *);

#endif
