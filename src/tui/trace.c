/* SPDX-License-Identifier: MIT */
/*
 * Benchmark tracing (trace.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "trace.h"

static FILE		*trace_fp;
static struct timespec	 trace_key;	/* when the last key was read */

void
trace_open(void)
{
	const char	*path = getenv("KITH_TUI_TRACE");

	if (path != NULL && *path != '\0' &&
	    (trace_fp = fopen(path, "a")) != NULL)
		setvbuf(trace_fp, NULL, _IOLBF, 0);
}

void
trace_close(void)
{
	if (trace_fp != NULL)
		fclose(trace_fp);
	trace_fp = NULL;
}

void
trace_paint(int first)
{
	struct timespec	ts;

	if (trace_fp == NULL)
		return;
	if (first) {
		clock_gettime(CLOCK_REALTIME, &ts);
		fprintf(trace_fp, "first-paint %lld.%09ld\n", (long long)ts.tv_sec,
		    ts.tv_nsec);
		return;
	}
	if (trace_key.tv_sec == 0 && trace_key.tv_nsec == 0)
		return;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	fprintf(trace_fp, "key-to-paint %.3f\n",
	    (double)(ts.tv_sec - trace_key.tv_sec) * 1e3 +
	    (double)(ts.tv_nsec - trace_key.tv_nsec) / 1e6);
	memset(&trace_key, 0, sizeof trace_key);
}

void
trace_key_read(void)
{
	if (trace_fp != NULL && trace_key.tv_sec == 0 &&
	    trace_key.tv_nsec == 0)
		clock_gettime(CLOCK_MONOTONIC, &trace_key);
}
