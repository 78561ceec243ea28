/* SPDX-License-Identifier: MIT */
/*
 * Importing a file from the TUI: the form asks for the path (Tab completes
 * it), the import runs with a progress bar on the status line, and a box
 * reports what was added, merged and rejected, with the first warnings.
 */
#include <curses.h>
#include <stdio.h>
#include <stdlib.h>

#include "kith/import.h"
#include "kith/util.h"
#include "act.h"
#include "draw.h"
#include "rolodex.h"
#include "tui.h"

static void	import_progress(void *, long long, long long);
static void	import_notice(void *, enum import_level, const char *, long,
		    const char *);
static int	import_submit(struct app *, struct form *);

struct import_ui {
	struct app	*app;
	long long	 last;		/* bytes at the last progress drawn */
	struct sbuf	 sb;		/* the first warnings and rejects */
	int		 n;
};

static void
import_progress(void *arg, long long done, long long total)
{
	struct import_ui *p = arg;
	const struct layout *l = &p->app->ro->lay;
	char		 line[64];
	int		 w, fill, i, y;

	if (total <= 0 || !l->ok)
		return;
	if (done - p->last < total / 200 && done != total)
		return;
	p->last = done;
	w = l->cols - 20;
	if (w < 10)
		w = 10;
	fill = (int)((double)w * (double)done / (double)total);
	y = l->status_y;
	draw_fill(y, 0, l->cols, ROLE_NORMAL);
	mvaddstr(y, 1, "importing [");
	for (i = 0; i < w; i++)
		addch(i < fill ? '#' : '.');
	snprintf(line, sizeof line, "] %3d%%", (int)(100.0 * (double)done /
	    (double)total));
	addstr(line);
	refresh();
}

static void
import_notice(void *arg, enum import_level lvl, const char *file, long line,
    const char *msg)
{
	struct import_ui	*ctx = arg;

	(void)file;
	if (lvl == IMPORT_NOTICE || ++ctx->n > 8)
		return;
	sbuf_printf(&ctx->sb, "line %ld: %s\n", line, msg);
}

static int
import_submit(struct app *app, struct form *f)
{
	struct import_report	 rep = { 0 };
	struct import_opts	 opts = { 0 };
	struct kith_err		 err = { 0 };
	struct import_ui	 ui = { 0 };
	struct sbuf		 sb = { 0 };
	const char		*path = form_value(f, 0);
	enum kith_status	 st;

	if (str_empty(path)) {
		form_error(f, "which file?");
		return 0;
	}
	ui.app = app;
	opts.progress = import_progress;
	opts.notice = import_notice;
	opts.arg = &ui;
	st = import_file(app->db, path, &opts, &rep, &err);
	if (st != KITH_OK) {
		form_error(f, "%s", err.msg);
		import_report_free(&rep);
		sbuf_free(&ui.sb);
		return 0;
	}
	sbuf_printf(&sb, "%s\n\nimported %ld rows: %ld added, %ld merged, "
	    "%ld rejected, %ld possible duplicates\nformat: %s, encoding: %s\n",
	    path, rep.rows, rep.added, rep.merged, rep.rejected, rep.review,
	    rep.format, rep.encoding);
	if (rep.rejects != NULL)
		sbuf_printf(&sb, "\nrejected rows were written to %s\n",
		    rep.rejects);
	if (ui.sb.len > 0)
		sbuf_printf(&sb, "\n%s%s", ui.sb.s, ui.n > 8 ? "...\n" : "");
	if (rep.batch != 0)
		sbuf_printf(&sb, "\nundo with: kith import --undo %lld\n",
		    (long long)rep.batch);
	app_push(app, message_new("Import", sb.s));
	sbuf_free(&sb);
	sbuf_free(&ui.sb);
	import_report_free(&rep);
	return KITH_RELOAD | KITH_RECOUNT;
}

int
act_import(struct rolodex *ro)
{
	struct form	*f;

	f = form_new("Import a CSV file", import_submit, 0);
	form_field(f, "File", FIELD_PATH, NULL);
	form_hint(f, "Tab completes file names  Enter: import  Esc: cancel");
	app_push(ro->app, form_screen(f));
	return KITH_REDRAW;
}

