/* SPDX-License-Identifier: MIT */
/*
 * Allocation wrappers that never return NULL and a growable string buffer.
 * On allocation failure the x* functions call the hook installed with
 * kith_set_fatal_hook() (the TUI restores the terminal there), print one
 * line to stderr and abort: out of memory is not a recoverable condition
 * for an interactive program.
 */
#ifndef KITH_UTIL_H
#define KITH_UTIL_H

#include <stddef.h>
#include <stdarg.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);		/* xstrdup(NULL) returns NULL */
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
/* xasprintf with a va_list (consumed); caller frees. */
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Called once before abort() on a fatal error; may be NULL. */
void	 kith_set_fatal_hook(void (*)(void));
void	 kith_fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2), noreturn));

/* Growable NUL-terminated string.  Zero-initialise; free with sbuf_free. */
struct sbuf {
	char	*s;		/* NULL until the first append */
	size_t	 len;		/* bytes used, excluding the NUL */
	size_t	 cap;		/* bytes allocated */
};

void	 sbuf_add(struct sbuf *, const char *);
void	 sbuf_addn(struct sbuf *, const char *, size_t);
void	 sbuf_addc(struct sbuf *, char);
void	 sbuf_printf(struct sbuf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	 sbuf_reset(struct sbuf *);	/* keeps the allocation */
char	*sbuf_detach(struct sbuf *);	/* caller frees; "" if empty */
void	 sbuf_free(struct sbuf *);

/* True if s is NULL or "". */
int	 str_empty(const char *s);

#endif
