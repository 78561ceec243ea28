/* SPDX-License-Identifier: MIT */
/*
 * A shell command of the user's, given text to read (kith/command.h).
 */
#include <sys/wait.h>

#include <signal.h>
#include <stdio.h>
#include <stdlib.h>

#include "kith/command.h"
#include "kith/util.h"

int
command_with_input(const char *cmd, const char *text)
{
	struct sigaction	 ignore, was;
	FILE			*pp;
	char			*line;
	int			 status;

	line = xasprintf("(%s) >/dev/null 2>&1", cmd);
	pp = popen(line, "w");
	free(line);
	if (pp == NULL)
		return -1;
	/* Written to a command that has exited: EPIPE, not the signal. */
	ignore.sa_handler = SIG_IGN;
	ignore.sa_flags = 0;
	sigemptyset(&ignore.sa_mask);
	sigaction(SIGPIPE, &ignore, &was);
	(void)fputs(text, pp);
	status = pclose(pp);
	sigaction(SIGPIPE, &was, NULL);
	if (status == -1 || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}
