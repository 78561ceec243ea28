/* SPDX-License-Identifier: MIT */
/*
 * The selected contact's one-page sheet (report.h) from the main screen:
 * o writes it as an HTML page in the current folder and says where; O
 * sends its text to the print command ($KITH_PRINT, else lpr).
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "kith/command.h"
#include "kith/report.h"
#include "kith/util.h"
#include "act.h"
#include "rolodex.h"
#include "tui.h"

static struct report	*load(struct rolodex *);

/* The selected contact's one-pager, or NULL with a message. */
static struct report *
load(struct rolodex *ro)
{
	struct kith_err	 err = { 0 };
	struct report	*r;

	if (rolodex_contact(ro) == 0) {
		app_message(ro->app, 1, "no contact selected");
		return NULL;
	}
	if (report_onepager(ro->db, rolodex_contact(ro), &r, &err)
	    != KITH_OK) {
		app_message(ro->app, 1, "%s", err.msg);
		return NULL;
	}
	return r;
}

int
act_onepager(struct rolodex *ro)
{
	struct report	*r;
	char		*html, path[64];
	size_t		 len;
	FILE		*fp;
	int		 fd, ok;

	if ((r = load(ro)) == NULL)
		return KITH_REDRAW;
	snprintf(path, sizeof path, "kith-onepager-%lld.html",
	    (long long)rolodex_contact(ro));
	html = report_render(r, REPORT_HTML);
	len = strlen(html);
	/* Client data: readable by the user alone. */
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
	if (fd < 0 || (fp = fdopen(fd, "w")) == NULL) {
		app_message(ro->app, 1, "%s: cannot write: %s", path,
		    strerror(errno));
		if (fd >= 0)
			close(fd);
		free(html);
		report_free(r);
		return KITH_REDRAW;
	}
	ok = fwrite(html, 1, len, fp) == len;
	ok = fclose(fp) == 0 && ok;
	if (ok)
		app_message(ro->app, 0, "Wrote %s's one-page sheet to ./%s "
		    "(open it in a browser to print)", r->title, path);
	else
		app_message(ro->app, 1, "%s: writing failed", path);
	free(html);
	report_free(r);
	return KITH_REDRAW;
}

int
act_print(struct rolodex *ro)
{
	struct report	*r;
	const char	*cmd;
	char		*text;
	int		 status;

	if ((r = load(ro)) == NULL)
		return KITH_REDRAW;
	if ((cmd = getenv("KITH_PRINT")) == NULL || *cmd == '\0')
		cmd = "lpr";
	text = report_render(r, REPORT_TEXT);
	if ((status = command_with_input(cmd, text)) == 0)
		app_message(ro->app, 0, "Sent %s's one-page sheet to %s",
		    r->title, cmd);
	else
		app_message(ro->app, 1, "%s failed (exit %d); set KITH_PRINT "
		    "to the command that prints", cmd, status);
	free(text);
	report_free(r);
	return KITH_REDRAW;
}
