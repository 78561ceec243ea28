/* SPDX-License-Identifier: MIT */
/*
 * Who knows whom from the main screen: P on a contact opens the pager on
 * the shortest chains from you (kith me) to that contact, as kith path
 * prints them (path_find and path_chain_text in the core).
 */
#include <stdint.h>
#include <stdlib.h>

#include "kith/db.h"
#include "kith/path.h"
#include "kith/util.h"
#include "act.h"
#include "rolodex.h"
#include "tui.h"

int
act_path(struct rolodex *ro)
{
	struct path_result	 res = { 0 };
	struct path_end		 to;
	struct kith_err		 err = { 0 };
	struct sbuf		 text = { 0 };
	char			*line, *title;
	size_t			 i;

	if ((to.id = rolodex_contact(ro)) == 0) {
		app_message(ro->app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	to.org = 0;
	if (path_find(ro->app->db, NULL, &to, NULL, kith_db_now(ro->app->db),
	    &res, &err) != KITH_OK) {
		app_message(ro->app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	if (res.n == 0 && res.limited)
		sbuf_printf(&text, "No path found among the first %zu people "
		    "and organisations searched; kith stops there.",
		    res.visited);
	else if (res.n == 0)
		sbuf_printf(&text, "No path within %d steps.", res.depth);
	for (i = 0; i < res.n; i++) {
		line = path_chain_text(&res.chains[i], 1);
		sbuf_printf(&text, "%s%s\n", res.n > 1 ? (i == 0 ? "1. " :
		    i == 1 ? "\n2. " : "\n3. ") : "", line);
		free(line);
	}
	title = xasprintf("How you know %s", rolodex_contact_name(ro));
	line = sbuf_detach(&text);
	app_push(ro->app, pager_new(title, line));
	free(line);
	free(title);
	path_result_free(&res);
	return KITH_REDRAW;
}
