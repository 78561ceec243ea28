/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of "~" in file names typed into the TUI (path.h): "~" and
 * "~/..." are the home folder, "~user" and a "~" inside a name are not,
 * nothing changes without HOME, and Tab completion writes "~" back.
 */
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "path.h"

static void	test_expand(void);
static void	test_unexpand(void);

/* CHECK_STR on a string that the check frees. */
#define CHECK_OWNED(expr, want) do {					\
	char *got_ = (expr);						\
	CHECK_STR(got_, want);						\
	free(got_);							\
} while (0)

static void
test_expand(void)
{
	setenv("HOME", "/home/ana", 1);
	CHECK_OWNED(path_expand("~"), "/home/ana");
	CHECK_OWNED(path_expand("~/"), "/home/ana/");
	CHECK_OWNED(path_expand("~/contacts.csv"), "/home/ana/contacts.csv");
	CHECK_OWNED(path_expand("~bob/x.csv"), "~bob/x.csv");
	CHECK_OWNED(path_expand("a/~/x.csv"), "a/~/x.csv");
	CHECK_OWNED(path_expand("/tmp/x.csv"), "/tmp/x.csv");
	CHECK_OWNED(path_expand(""), "");
	setenv("HOME", "/home/ana/", 1);
	CHECK_OWNED(path_expand("~/x.csv"), "/home/ana/x.csv");
	setenv("HOME", "", 1);
	CHECK_OWNED(path_expand("~/x.csv"), "~/x.csv");
	unsetenv("HOME");
	CHECK_OWNED(path_expand("~/x.csv"), "~/x.csv");
}

static void
test_unexpand(void)
{
	setenv("HOME", "/home/ana", 1);
	CHECK_OWNED(path_unexpand("~/co", "/home/ana/contacts.csv"),
	    "~/contacts.csv");
	CHECK_OWNED(path_unexpand("~/", "/home/ana/"), "~/");
	/* Typed without "~": written back as typed. */
	CHECK_OWNED(path_unexpand("/home/ana/co", "/home/ana/contacts.csv"),
	    "/home/ana/contacts.csv");
	/* /home/anabel is not under /home/ana. */
	CHECK_OWNED(path_unexpand("~/x", "/home/anabel/x"), "/home/anabel/x");
	setenv("HOME", "/home/ana/", 1);
	CHECK_OWNED(path_unexpand("~/co", "/home/ana/contacts.csv"),
	    "~/contacts.csv");
}

TEST_MAIN(test_expand, test_unexpand)
