/* SPDX-License-Identifier: MIT */
/* Status code descriptions and the error struct. */
#include <stdio.h>
#include <string.h>

#include "kith/status.h"

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
	va_list	ap;

	if (err == NULL)
		return st;
	err->line = err->column = 0;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof err->msg, fmt, ap);
	va_end(ap);
	return st;
}

void
kith_err_clear(struct kith_err *err)
{
	if (err != NULL)
		memset(err, 0, sizeof *err);
}
