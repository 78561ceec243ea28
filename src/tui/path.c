/* SPDX-License-Identifier: MIT */
/* "~" in file names typed into the TUI, and their completion (path.h). */
#include <sys/stat.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/util.h"
#include "path.h"

static const char	*home_dir(void);

/* $HOME, or NULL when it is unset or empty. */
static const char *
home_dir(void)
{
	const char	*home = getenv("HOME");

	return home == NULL || *home == '\0' ? NULL : home;
}

char *
path_expand(const char *s)
{
	const char	*home = home_dir();
	size_t		 n;

	if (s[0] != '~' || (s[1] != '\0' && s[1] != '/') || home == NULL)
		return xstrdup(s);
	n = strlen(home);
	/* "~/x" with HOME=/home/a/ is /home/a/x, not /home/a//x. */
	while (n > 1 && home[n - 1] == '/' && s[1] == '/')
		n--;
	return xasprintf("%.*s%s", (int)n, home, s + 1);
}

char *
path_unexpand(const char *s, const char *path)
{
	char	*home;
	size_t	 n;

	if (s[0] != '~' || (s[1] != '\0' && s[1] != '/'))
		return xstrdup(path);
	home = path_expand("~");
	n = strlen(home);
	while (n > 1 && home[n - 1] == '/')
		n--;
	if (n > 1 && strncmp(path, home, n) == 0 &&
	    (path[n] == '/' || path[n] == '\0')) {
		free(home);
		return xasprintf("~%s", path + n);
	}
	free(home);
	return xstrdup(path);
}

char *
path_complete(const char *s, char *msg, size_t msgsize)
{
	struct dirent	*de;
	struct stat	 st;
	DIR		*d;
	char		*text, *slash, *dir, *prefix, *common = NULL;
	char		*full, *res = NULL;
	size_t		 plen, n = 0, i;
	struct sbuf	 list = { 0 };

	msg[0] = '\0';
	/* "~" alone becomes "~/", whose files the next Tab lists. */
	if (strcmp(s, "~") == 0)
		return xstrdup("~/");
	text = path_expand(s);
	if ((slash = strrchr(text, '/')) != NULL) {
		dir = xstrndup(text, (size_t)(slash - text) + 1);
		prefix = slash + 1;
	} else {
		dir = xstrdup("");
		prefix = text;
	}
	plen = strlen(prefix);
	if ((d = opendir(*dir ? dir : ".")) == NULL) {
		snprintf(msg, msgsize, "cannot read the folder %s", *dir ? dir :
		    ".");
		goto out;
	}
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, prefix, plen) != 0)
			continue;
		if (strcmp(de->d_name, ".") == 0 || strcmp(de->d_name, "..") == 0)
			continue;
		if (de->d_name[0] == '.' && prefix[0] != '.')
			continue;
		n++;
		if (list.len < 200)
			sbuf_printf(&list, "%s%s", list.len ? "  " : "",
			    de->d_name);
		if (common == NULL) {
			common = xstrdup(de->d_name);
			continue;
		}
		for (i = 0; common[i] && common[i] == de->d_name[i]; i++)
			;
		/* Do not cut a UTF-8 character in two. */
		while (i > 0 && ((unsigned char)common[i] & 0xc0) == 0x80)
			i--;
		common[i] = '\0';
	}
	closedir(d);
	if (n == 0) {
		snprintf(msg, msgsize, "no file begins with '%s'", prefix);
		goto out;
	}
	full = xasprintf("%s%s", dir, common);
	if (n == 1 && stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
		char *withslash = xasprintf("%s/", full);

		free(full);
		full = withslash;
	}
	res = path_unexpand(s, full);
	free(full);
	if (n > 1)
		snprintf(msg, msgsize, "%s", list.s);
out:
	sbuf_free(&list);
	free(common);
	free(dir);
	free(text);
	return res;
}
