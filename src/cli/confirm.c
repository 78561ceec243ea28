/* SPDX-License-Identifier: MIT */
/*
 * Asking before a command destroys or replaces data (rm, import --undo,
 * and later merge and restore): on a terminal the user answers y/N; a
 * script says --yes up front; without a terminal and without --yes the
 * command refuses, so nothing is lost by surprise in a pipe or cron job.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "cli.h"

int
cli_confirm(int yes, const char *command, const char *question)
{
	char	*line = NULL;
	size_t	 cap = 0;
	ssize_t	 len;
	int	 ok;

	if (yes)
		return 1;
	if (!isatty(STDIN_FILENO)) {
		cli_errorx("%s: not asked, as there is no terminal; nothing "
		    "was changed (give --yes to go ahead)", command);
		return 0;
	}
	fprintf(stderr, "%s [y/N] ", question);
	fflush(stderr);
	if ((len = getline(&line, &cap, stdin)) < 0) {
		fputc('\n', stderr);
		len = 0;
	}
	while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r' ||
	    line[len - 1] == ' '))
		line[--len] = '\0';
	ok = len > 0 && (strcasecmp(line, "y") == 0 ||
	    strcasecmp(line, "yes") == 0);
	free(line);
	if (!ok)
		cli_errorx("%s: not confirmed; nothing was changed", command);
	return ok;
}
