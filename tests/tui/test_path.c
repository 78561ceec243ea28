/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of "~" in file names typed into the TUI (path.h): "~" and
 * "~/..." are the home folder, "~user" and a "~" inside a name are not,
 * nothing changes without HOME, and Tab completion writes "~" back and
 * completes as far as the names in the folder agree.
 */
#include <sys/stat.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../unit/check.h"
#include "path.h"

static void	test_expand(void);
static void	test_unexpand(void);
static void	test_complete(void);
static void	touch(const char *, const char *);

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

/* Creates the empty file dir/name. */
static void
touch(const char *dir, const char *name)
{
	char	path[512];
	int	fd;

	snprintf(path, sizeof path, "%s/%s", dir, name);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	CHECK(fd >= 0);
	if (fd >= 0)
		close(fd);
}

static void
test_complete(void)
{
	char	tmpl[] = "/tmp/kith-complete.XXXXXX", s[600], msg[300];
	char	want[600], *dir, *got;

	CHECK((dir = mkdtemp(tmpl)) != NULL);
	if (dir == NULL)
		return;
	touch(dir, "contacts.csv");
	touch(dir, "contacts-old.csv");
	touch(dir, ".hidden.csv");
	touch(dir, "a\xc3\xa9.csv");	/* aé.csv */
	touch(dir, "a\xc3\xa8.csv");	/* aè.csv */
	snprintf(s, sizeof s, "%s/people", dir);
	CHECK(mkdir(s, 0700) == 0);

	/* Several names: as far as they agree, and the names listed. */
	snprintf(s, sizeof s, "%s/co", dir);
	snprintf(want, sizeof want, "%s/contacts", dir);
	CHECK_OWNED(path_complete(s, msg, sizeof msg), want);
	CHECK(strstr(msg, "contacts.csv") != NULL);
	CHECK(strstr(msg, "contacts-old.csv") != NULL);
	/* One name: all of it; a folder gets its "/". */
	snprintf(s, sizeof s, "%s/contacts.", dir);
	snprintf(want, sizeof want, "%s/contacts.csv", dir);
	CHECK_OWNED(path_complete(s, msg, sizeof msg), want);
	CHECK_STR(msg, "");
	snprintf(s, sizeof s, "%s/pe", dir);
	snprintf(want, sizeof want, "%s/people/", dir);
	CHECK_OWNED(path_complete(s, msg, sizeof msg), want);
	/* Not half of a UTF-8 character: "a" and the byte é and è share. */
	snprintf(s, sizeof s, "%s/a", dir);
	snprintf(want, sizeof want, "%s/a", dir);
	CHECK_OWNED(path_complete(s, msg, sizeof msg), want);
	/* Hidden names only when asked for. */
	snprintf(s, sizeof s, "%s/", dir);
	got = path_complete(s, msg, sizeof msg);
	CHECK(strstr(msg, ".hidden") == NULL);
	free(got);
	snprintf(s, sizeof s, "%s/.h", dir);
	snprintf(want, sizeof want, "%s/.hidden.csv", dir);
	CHECK_OWNED(path_complete(s, msg, sizeof msg), want);
	/* Nothing to complete: NULL, and why. */
	snprintf(s, sizeof s, "%s/zz", dir);
	CHECK(path_complete(s, msg, sizeof msg) == NULL);
	CHECK_STR(msg, "no file begins with 'zz'");
	snprintf(s, sizeof s, "%s/nowhere/x", dir);
	CHECK(path_complete(s, msg, sizeof msg) == NULL);
	CHECK(strncmp(msg, "cannot read the folder", 22) == 0);
	/* "~" alone is the home folder; "~/" stays as typed. */
	setenv("HOME", dir, 1);
	CHECK_OWNED(path_complete("~", msg, sizeof msg), "~/");
	CHECK_OWNED(path_complete("~/peo", msg, sizeof msg), "~/people/");

	snprintf(s, sizeof s, "%s/people", dir);
	rmdir(s);
	unlink(strcat(strcpy(s, dir), "/contacts.csv"));
	unlink(strcat(strcpy(s, dir), "/contacts-old.csv"));
	unlink(strcat(strcpy(s, dir), "/.hidden.csv"));
	unlink(strcat(strcpy(s, dir), "/a\xc3\xa9.csv"));
	unlink(strcat(strcpy(s, dir), "/a\xc3\xa8.csv"));
	rmdir(dir);
}

TEST_MAIN(test_expand, test_unexpand, test_complete)
