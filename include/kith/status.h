/* SPDX-License-Identifier: MIT */
/*
 * Status codes returned by every fallible core function, and the error
 * struct that carries a message a person can act on.  The core never prints:
 * it returns one of these and, when the caller passes a struct kith_err,
 * fills it with what went wrong and where (file, line, column, field).
 */
#ifndef KITH_STATUS_H
#define KITH_STATUS_H

#include <stdarg.h>

#define KITH_STATUS_LIST(X)						\
	X(OK,		"ok")						\
	X(NOMEM,	"out of memory")				\
	X(IO,		"input/output error")				\
	X(INVALID,	"invalid input")				\
	X(NOTFOUND,	"not found")					\
	X(AMBIGUOUS,	"ambiguous")					\
	X(EXISTS,	"already exists")				\
	X(CONFLICT,	"changed by someone else since it was read")	\
	X(DB,		"database error")				\
	X(BUSY,		"database is busy")				\
	X(NOTDB,	"not a kith database")				\
	X(TOONEW,	"database was written by a newer kith")

enum kith_status {
#define X(name, msg) KITH_##name,
	KITH_STATUS_LIST(X)
#undef X
};

struct kith_err {
	char		 msg[1024];	/* human-readable, without trailing newline */
	long		 line;		/* 1-based input line, 0 if none */
	long		 column;	/* 1-based input column, 0 if none */
};

/* Static description of a status; never NULL. */
const char	*kith_status_str(enum kith_status);

/*
 * Fills err (may be NULL) with a printf-style message and returns st, so
 * callers can write "return kith_err_set(err, KITH_INVALID, ...)".
 */
enum kith_status kith_err_set(struct kith_err *err, enum kith_status st,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

/* Clears err (may be NULL). */
void		 kith_err_clear(struct kith_err *err);

#endif
