/* SPDX-License-Identifier: MIT */
/*
 * Actions on the interaction history: the form that logs a call, meeting,
 * e-mail or note with the contact the contact pane shows.
 */
#include <stdint.h>
#include <stdlib.h>

#include "kith/clock.h"
#include "kith/interaction.h"
#include "kith/util.h"
#include "act.h"
#include "rolodex.h"
#include "tui.h"

static int	log_submit(struct app *, struct form *);

static int
log_submit(struct app *app, struct form *f)
{
	struct kith_err		 err = { 0 };
	struct kith_when	 w;
	char			 day[KITH_WHEN_LEN];
	int64_t			 id = form_id(f);
	const char		*when = form_value(f, 1);
	const char		*kind = interaction_kinds[form_choice(f, 0)];

	if (str_empty(form_value(f, 2))) {
		form_error(f, "what happened? the summary is empty");
		return 0;
	}
	if (!str_empty(when) && app_date(app, when, KITH_DATE_PAST |
	    KITH_DATE_TIME, &w, &err) != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	if (!str_empty(when))
		when_format(&w, day);
	act_name(app, "log", "logged %s with %s: %s", kind,
	    rolodex_contact_name(app->ro), form_value(f, 2));
	if (interaction_log(app->db, &id, 1, kind, str_empty(when) ? NULL :
	    day, form_value(f, 2), NULL, NULL, &err) != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	act_said(app, "Logged %s — %s", kind, rolodex_contact_name(app->ro));
	return KITH_RELOAD;
}

int
act_log(struct rolodex *ro)
{
	struct form	*f;
	char		*title;

	if (rolodex_contact(ro) == 0) {
		app_message(ro->app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	title = xasprintf("Log an interaction with %s",
	    rolodex_contact_name(ro));
	f = form_new(title, log_submit, rolodex_contact(ro));
	free(title);
	form_field(f, "Kind", FIELD_CHOICE, NULL);
	form_choices(f, interaction_kinds, KITH_INTERACTION_KIND_COUNT, 0);
	form_field(f, "Date", FIELD_DATE_PAST, "today");
	form_field(f, "Summary", FIELD_TEXT, NULL);
	form_hint(f, "Kind: Left/Right  Date: today, yesterday 9am, mon 14:30, "
	    "24/12  Enter: save");
	app_push(ro->app, form_screen(f));
	return KITH_REDRAW;
}
