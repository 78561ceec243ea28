/* SPDX-License-Identifier: MIT */
/*
 * What the main screen has selected, for the actions (act_*.c): the
 * contact the contact pane shows, the highlighted alert (only while the
 * alert pane has the focus), and the two moves every action may make, to
 * a contact in the list (rolodex_jump) and of the contact pane after the
 * focused pane (rolodex_follow).  The actions read the selection only
 * through here, so a key acts on what the user is looking at.
 */
#include <stdlib.h>

#include "kith/contact.h"
#include "kith/util.h"
#include "kith/view.h"
#include "rolodex.h"
#include "tui.h"

int64_t
rolodex_contact(const struct rolodex *ro)
{
	return ro->contact != NULL ? ro->detail_id : 0;
}

const char *
rolodex_contact_name(const struct rolodex *ro)
{
	return ro->contact != NULL ? ro->contact->display : "";
}

const struct alert *
rolodex_alert(const struct rolodex *ro)
{
	if (ro->focus != PANE_ALERTS || !ro->alerts_open ||
	    ro->al.sel >= ro->al.n)
		return NULL;
	return &ro->alerts[ro->al.sel];
}

/*
 * The contact pane shows the list's selection, or the highlighted alert's
 * contact while the alert pane has the focus; with the focus on the
 * contact pane itself it stays on what it shows.
 */
void
rolodex_follow(struct rolodex *ro, int force)
{
	struct kith_err		 err = { 0 };
	const struct alert	*a;
	unsigned char		*key;
	size_t			 len;
	int64_t			 id;

	if (ro->focus == PANE_DETAIL && ro->detail_id != 0) {
		if (!force)
			return;
		/* Reloaded: the same contact, unless it is gone. */
		if (view_locate(ro->db, ro->detail_id, &key, &len, NULL,
		    &err) == KITH_OK) {
			free(key);
			detail_load(ro, ro->detail_id, 1);
			return;
		}
	}
	if (ro->focus == PANE_ALERTS && (a = rolodex_alert(ro)) != NULL)
		id = a->contact;
	else
		id = list_selected(ro);
	detail_load(ro, id, force);
}

void
rolodex_jump(struct rolodex *ro, int64_t id)
{
	struct kith_err	 err = { 0 };
	unsigned char	*key;
	size_t		 len;
	int		 archived = 0, yes = 0;

	if (id == 0)
		return;
	if (view_locate(ro->db, id, &key, &len, &archived, &err) != KITH_OK) {
		app_message(ro->app, 1, "%s", err.msg);
		return;
	}
	if (archived && !ro->show_archived) {
		ro->show_archived = 1;
		list_restart_counts(ro, 1);
	}
	/* Leave the search if the contact is not among its matches. */
	if (ro->query != NULL && (view_matches(ro->db, ro->query,
	    ro->show_archived, id, &yes, &err) != KITH_OK || !yes)) {
		edit_set(&ro->search, NULL);
		free(ro->query);
		ro->query = NULL;
		list_restart_counts(ro, 0);
	}
	ro->searching = 0;
	list_reload_at(ro, key, len, id);
	free(key);
	ro->focus = PANE_LIST;
	rolodex_follow(ro, 0);
}
