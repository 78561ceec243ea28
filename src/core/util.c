/* SPDX-License-Identifier: MIT */
/*
 * Allocation wrappers and the growable string buffer.  Allocation failure
 * is fatal: the hook (the TUI's terminal restore) runs, one line goes to
 * stderr, and the process aborts.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/util.h"

static void (*fatal_hook)(void);

void
kith_set_fatal_hook(void (*fn)(void))
{
	fatal_hook = fn;
}

void
kith_fatal(const char *fmt, ...)
{
	va_list	ap;

	if (fatal_hook != NULL)
		fatal_hook();
	fputs("kith: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}

void *
xmalloc(size_t size)
{
	void	*p;

	if ((p = malloc(size == 0 ? 1 : size)) == NULL)
		kith_fatal("out of memory (%zu bytes)", size);
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void	*p;

	if ((p = calloc(n == 0 ? 1 : n, size == 0 ? 1 : size)) == NULL)
		kith_fatal("out of memory (%zu * %zu bytes)", n, size);
	return p;
}

void *
xreallocarray(void *old, size_t n, size_t size)
{
	void	*p;

	if (size != 0 && n > SIZE_MAX / size)
		kith_fatal("allocation overflow (%zu * %zu bytes)", n, size);
	if ((p = realloc(old, n * size == 0 ? 1 : n * size)) == NULL)
		kith_fatal("out of memory (%zu * %zu bytes)", n, size);
	return p;
}

char *
xstrdup(const char *s)
{
	return s == NULL ? NULL : xstrndup(s, strlen(s));
}

char *
xstrndup(const char *s, size_t n)
{
	char	*p;

	p = xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
xasprintf(const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = xvasprintf(fmt, ap);
	va_end(ap);
	return s;
}

char *
xvasprintf(const char *fmt, va_list ap)
{
	va_list	 aq;
	char	*s;
	int	 len;

	va_copy(aq, ap);
	len = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (len < 0)
		kith_fatal("bad format string");
	s = xmalloc((size_t)len + 1);
	vsnprintf(s, (size_t)len + 1, fmt, ap);
	return s;
}

static void
sbuf_grow(struct sbuf *sb, size_t more)
{
	size_t	cap;

	if (sb->len + more + 1 <= sb->cap)
		return;
	cap = sb->cap == 0 ? 64 : sb->cap;
	while (cap < sb->len + more + 1) {
		if (cap > SIZE_MAX / 2)
			kith_fatal("string too long");
		cap *= 2;
	}
	sb->s = xreallocarray(sb->s, cap, 1);
	sb->cap = cap;
}

void
sbuf_addn(struct sbuf *sb, const char *s, size_t n)
{
	sbuf_grow(sb, n);
	memcpy(sb->s + sb->len, s, n);
	sb->len += n;
	sb->s[sb->len] = '\0';
}

void
sbuf_add(struct sbuf *sb, const char *s)
{
	sbuf_addn(sb, s, strlen(s));
}

void
sbuf_addc(struct sbuf *sb, char c)
{
	sbuf_addn(sb, &c, 1);
}

void
sbuf_printf(struct sbuf *sb, const char *fmt, ...)
{
	va_list	ap;
	int	len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0)
		kith_fatal("bad format string");
	sbuf_grow(sb, (size_t)len);
	va_start(ap, fmt);
	vsnprintf(sb->s + sb->len, (size_t)len + 1, fmt, ap);
	va_end(ap);
	sb->len += (size_t)len;
}

void
sbuf_reset(struct sbuf *sb)
{
	sb->len = 0;
	if (sb->s != NULL)
		sb->s[0] = '\0';
}

char *
sbuf_detach(struct sbuf *sb)
{
	char	*s;

	s = sb->s != NULL ? sb->s : xstrdup("");
	sb->s = NULL;
	sb->len = sb->cap = 0;
	return s;
}

void
sbuf_free(struct sbuf *sb)
{
	free(sb->s);
	sb->s = NULL;
	sb->len = sb->cap = 0;
}

int
str_empty(const char *s)
{
	return s == NULL || *s == '\0';
}
