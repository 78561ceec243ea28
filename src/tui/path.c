/* SPDX-License-Identifier: MIT */
/* "~" in file names typed into the TUI (path.h). */
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
