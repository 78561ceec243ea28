/* SPDX-License-Identifier: MIT */
/* Status code descriptions and the error struct. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/status.h"

static size_t	cut_utf8(char *, size_t);
static void	shorten(char *, size_t, const char *, size_t);

static const char *const status_msgs[] = {
#define X(name, msg) msg,
	KITH_STATUS_LIST(X)
#undef X
};

const char *
kith_status_str(enum kith_status st)
{
	if ((size_t)st >= sizeof status_msgs / sizeof status_msgs[0])
		return "unknown error";
	return status_msgs[st];
}

enum kith_status
kith_err_set(struct kith_err *err, enum kith_status st, const char *fmt, ...)
{
	va_list	 ap;
	char	*full;
	int	 len;

	if (err == NULL)
		return st;
	err->line = err->column = 0;
	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (len < 0) {
		snprintf(err->msg, sizeof err->msg, "%s", kith_status_str(st));
		return st;
	}
	full = malloc((size_t)len + 1);
	if (full == NULL) {
		va_start(ap, fmt);
		vsnprintf(err->msg, sizeof err->msg, fmt, ap);
		va_end(ap);
		cut_utf8(err->msg, strlen(err->msg));
		return st;
	}
	va_start(ap, fmt);
	vsnprintf(full, (size_t)len + 1, fmt, ap);
	va_end(ap);
	shorten(err->msg, sizeof err->msg, full, (size_t)len);
	free(full);
	return st;
}

/* The length of s[0..n) less an incomplete UTF-8 sequence at its end. */
static size_t
cut_utf8(char *s, size_t n)
{
	size_t	i = n, need;

	/* Step back over continuation bytes to the sequence's lead. */
	while (i > 0 && n - i < 4 && ((unsigned char)s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i == 0)
		return n;
	need = (unsigned char)s[i - 1] >= 0xf0 ? 4 :
	    (unsigned char)s[i - 1] >= 0xe0 ? 3 :
	    (unsigned char)s[i - 1] >= 0xc0 ? 2 : 1;
	if (n - (i - 1) < need)
		n = i - 1;
	s[n] = '\0';
	return n;
}

/*
 * Copies the message full (len bytes) into out (size bytes).  One too
 * long -- a hostile or mistaken value quoted in it -- keeps its start and
 * its end, where kith says what to do, joined by " … ", each cut on a
 * character boundary.
 */
static void
shorten(char *out, size_t size, const char *full, size_t len)
{
	static const char	 mid[] = " \u2026 ";
	size_t			 head, tail;

	if (len < size) {
		memcpy(out, full, len + 1);
		return;
	}
	head = (size - sizeof mid) * 2 / 5;
	memcpy(out, full, head);
	head = cut_utf8(out, head);
	memcpy(out + head, mid, sizeof mid - 1);
	tail = size - 1 - head - (sizeof mid - 1);
	/* Start the tail on a character's first byte. */
	while (tail > 0 && ((unsigned char)full[len - tail] & 0xc0) == 0x80)
		tail--;
	memcpy(out + head + sizeof mid - 1, full + len - tail, tail);
	out[head + sizeof mid - 1 + tail] = '\0';
}

void
kith_err_clear(struct kith_err *err)
{
	if (err != NULL)
		memset(err, 0, sizeof *err);
}
