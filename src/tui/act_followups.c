/* SPDX-License-Identifier: MIT */
/*
 * Actions on follow-ups: done, snooze and drop on the highlighted alert
 * (alert pane only), the same on one of the contact's own follow-ups,
 * picked from a list (elsewhere on the main screen), and the form that adds
 * a follow-up.  Each says what it did, naming the follow-up and its
 * contact, and can be undone with u.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/db.h"
#include "kith/followup.h"
#include "kith/journal.h"
#include "kith/review.h"
#include "kith/util.h"
#include "act.h"
#include "keys.h"
#include "rolodex.h"
#include "tui.h"
#include "utf8.h"

/* A follow-up acted on: copied, so it outlives the list it came from. */
struct fu_target {
	int64_t		 id;
	char		*action;
	char		*name;		/* "" if linked to no contact */
};

/* The contact's follow-ups offered by a picker. */
struct fu_pick {
	enum action	 act;		/* ACT_DONE, ACT_SNOOZE, ACT_DROP */
	struct fu_target *t;
	size_t		 n;
};

static struct fu_target *target_new(int64_t, const char *, const char *);
static void	target_free(struct fu_target *);
static int	act_on(struct app *, enum action, struct fu_target *);
static int	done_one(struct app *, struct fu_target *);
static int	snooze_to(struct app *, const struct fu_target *,
		    const char *);
static int	snooze_pick(struct app *, size_t, int64_t, void *);
static int	snooze_date_submit(struct app *, struct form *);
static int	drop_yes(struct app *, size_t, int64_t, void *);
static int	fu_picked(struct app *, size_t, int64_t, void *);
static int	follow_submit(struct app *, struct form *);

static struct fu_target *
target_new(int64_t id, const char *action, const char *name)
{
	struct fu_target	*t = xcalloc(1, sizeof *t);

	t->id = id;
	t->action = xstrdup(action);
	t->name = xstrdup(name != NULL ? name : "");
	return t;
}

static void
target_free(struct fu_target *t)
{
	if (t == NULL)
		return;
	free(t->action);
	free(t->name);
	free(t);
}

/* " — Ana Petrović", or "" for a follow-up of no contact. */
#define WHO(t)	((t)->name[0] != '\0' ? " — " : ""), (t)->name

static int
done_one(struct app *app, struct fu_target *t)
{
	struct kith_err	err = { 0 };

	act_name(app, "done", "done: %s%s%s", t->action, WHO(t));
	if (followup_done(app->db, t->id, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	act_said(app, "Done: %s%s%s", t->action, WHO(t));
	return KITH_RELOAD;
}

static int
snooze_to(struct app *app, const struct fu_target *t, const char *when)
{
	struct kith_err		err = { 0 };
	struct kith_when	w;
	char			day[KITH_DAY_TEXT], stamp[KITH_WHEN_LEN];

	if (app_date(app, when, KITH_DATE_TIME, &w, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return 0;
	}
	/* A day alone keeps the follow-up's time of day; a time sets it. */
	when_format(&w, stamp);
	when_describe(&w, day);
	act_name(app, "snooze", "snoozed to %s: %s%s%s", stamp, t->action,
	    WHO(t));
	if (followup_reschedule(app->db, t->id, stamp, FOLLOWUP_SNOOZE, &err)
	    != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return 0;
	}
	act_said(app, "Snoozed to %s: %s%s%s", day, t->action, WHO(t));
	return 1;
}

static int
snooze_date_submit(struct app *app, struct form *f)
{
	struct kith_err		 err = { 0 };
	struct kith_when	 w;
	struct fu_target	*t = form_ctx(f);

	if (app_date(app, form_value(f, 0), KITH_DATE_TIME, &w, &err)
	    != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	return snooze_to(app, t, form_value(f, 0)) ? KITH_RELOAD :
	    KITH_REDRAW;
}

static void
target_free_ctx(void *arg)
{
	target_free(arg);
}

static int
snooze_pick(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct fu_target	*t = ctx;
	struct form		*f;
	char			*title;
	int			 r;

	(void)id;
	if (idx == PICK_CANCEL || idx > 1) {
		if (idx == 2) {
			title = xasprintf("Snooze until — %s%s%s", t->action,
			    WHO(t));
			f = form_new(title, snooze_date_submit, t->id);
			free(title);
			form_field(f, "Date", FIELD_DATE, "");
			form_hint(f, "YYYY-MM-DD, tomorrow, +3d, +2w, +1m, fri");
			form_set_ctx(f, t, target_free_ctx);
			app_push(app, form_screen(f));
			return KITH_REDRAW;
		}
		target_free(t);
		return 0;
	}
	r = snooze_to(app, t, idx == 0 ? "tomorrow" : "+1w");
	target_free(t);
	return r ? KITH_RELOAD : KITH_REDRAW;
}

static int
drop_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct fu_target	*t = ctx;
	struct kith_err		 err = { 0 };
	int			 r = KITH_REDRAW;

	(void)id;
	if (idx == PICK_CANCEL) {
		target_free(t);
		return 0;
	}
	act_name(app, "drop", "dropped: %s%s%s", t->action, WHO(t));
	if (followup_drop(app->db, t->id, &err) != KITH_OK)
		app_message(app, 1, "%s", err.msg);
	else {
		act_said(app, "Dropped: %s%s%s", t->action, WHO(t));
		r = KITH_RELOAD;
	}
	target_free(t);
	return r;
}

/* Runs act on t; takes t over. */
static int
act_on(struct app *app, enum action act, struct fu_target *t)
{
	static const char *const when[] = { "tomorrow", "+1 week",
	    "pick a date…" };
	char	*title, *cut;
	int	 r;

	cut = u8_cut(t->action, 50);
	switch (act) {
	case ACT_DONE:
		r = done_one(app, t);
		target_free(t);
		break;
	case ACT_SNOOZE:
		title = xasprintf("Snooze: %s%s%s", cut, WHO(t));
		app_push(app, picker_new(title, when, 3, snooze_pick, t->id, t));
		free(title);
		r = KITH_REDRAW;
		break;
	case ACT_DROP:
		title = xasprintf("Drop the follow-up \"%s\"%s%s? (y/N)", cut,
		    t->name[0] != '\0' ? " of " : "", t->name);
		app_push(app, confirm_new(title, drop_yes, t->id, t));
		free(title);
		r = KITH_REDRAW;
		break;
	default:
		target_free(t);
		r = 0;
		break;
	}
	free(cut);
	return r;
}

int
act_alert(struct rolodex *ro, enum action act)
{
	const struct alert	*a = rolodex_alert(ro);
	char			 key[32];

	if (a == NULL) {
		app_message(ro->app, 1, "no alert highlighted: nothing is "
		    "overdue or due today");
		return KITH_REDRAW;
	}
	/* A cadence, key date or deal: say so rather than act on another. */
	if (a->kind != REVIEW_FOLLOWUP) {
		keymap_keys_for(&keymap_alerts, act, key, sizeof key);
		app_message(ro->app, 1, "%s acts only on follow-ups; this line is "
		    "a %s (%s): t decides it in the day's review", key,
		    review_kind_name((enum review_kind)a->kind), a->name ?
		    a->name : "");
		return KITH_REDRAW;
	}
	return act_on(ro->app, act, target_new(a->id, a->action, a->name));
}

static void
pick_free(struct fu_pick *p)
{
	size_t	i;

	for (i = 0; i < p->n; i++) {
		free(p->t[i].action);
		free(p->t[i].name);
	}
	free(p->t);
	free(p);
}

static int
fu_picked(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct fu_pick		*p = ctx;
	struct fu_target	*t;
	enum action		 act = p->act;

	(void)id;
	if (idx == PICK_CANCEL || idx >= p->n) {
		pick_free(p);
		return 0;
	}
	t = target_new(p->t[idx].id, p->t[idx].action, p->t[idx].name);
	pick_free(p);
	return act_on(app, act, t);
}

int
act_followup_pick(struct rolodex *ro, enum action act)
{
	struct kith_err		 err = { 0 };
	struct kith_when	 w;
	struct followup		*fu = NULL;
	struct fu_pick		*p;
	const char		**items;
	struct screen		*s;
	char			*title, day[KITH_DAY_TEXT];
	int64_t			 id = rolodex_contact(ro), hl = 0;
	size_t			 i, n = 0, sel = 0;
	const char		*verb;

	if (id == 0) {
		app_message(ro->app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	if (followup_list_contact(ro->db, id, &fu, &n, &err) != KITH_OK) {
		app_message(ro->app, 1, "%s", err.msg);
		return KITH_REDRAW;
	}
	if (n == 0) {
		app_message(ro->app, 0, "%s has no open follow-ups",
		    rolodex_contact_name(ro));
		followup_list_free(fu, n);
		return KITH_REDRAW;
	}
	/* The follow-up highlighted in the contact pane comes first. */
	if (ro->focus == PANE_DETAIL && ro->dl.sel < ro->dl.n)
		hl = ro->dlines[ro->dl.sel].followup;
	p = xcalloc(1, sizeof *p);
	p->act = act == ACT_DONE_PICK ? ACT_DONE : act == ACT_SNOOZE_PICK ?
	    ACT_SNOOZE : ACT_DROP;
	p->t = xcalloc(n, sizeof *p->t);
	p->n = n;
	items = xcalloc(n, sizeof *items);
	for (i = 0; i < n; i++) {
		p->t[i].id = fu[i].id;
		p->t[i].action = xstrdup(fu[i].action);
		p->t[i].name = xstrdup(rolodex_contact_name(ro));
		followup_when(&fu[i], &w);
		when_describe(&w, day);
		items[i] = xasprintf("%s%s  %s", fu[i].late > 0 ? "! " : "",
		    day, fu[i].action);
		if (fu[i].id == hl)
			sel = i;
	}
	verb = p->act == ACT_DONE ? "Done" : p->act == ACT_SNOOZE ? "Snooze" :
	    "Drop";
	title = xasprintf("%s: which follow-up of %s?", verb,
	    rolodex_contact_name(ro));
	s = picker_new(title, items, n, fu_picked, id, p);
	picker_select(s, sel);
	app_push(ro->app, s);
	for (i = 0; i < n; i++)
		free((char *)items[i]);
	free(items);
	free(title);
	followup_list_free(fu, n);
	return KITH_REDRAW;
}

static int
follow_submit(struct app *app, struct form *f)
{
	struct kith_err		err = { 0 };
	struct kith_when	w;
	char			day[KITH_DAY_TEXT], stamp[KITH_WHEN_LEN];

	if (str_empty(form_value(f, 0))) {
		form_error(f, "what is to be done? the action is empty");
		return 0;
	}
	if (app_date(app, form_value(f, 1), KITH_DATE_TIME, &w, &err)
	    != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	when_format(&w, stamp);
	act_name(app, "follow", "follow-up due %s: %s — %s", stamp,
	    form_value(f, 0), rolodex_contact_name(app->ro));
	if (followup_add(app->db, form_id(f), form_value(f, 0), stamp, NULL,
	    &err) != KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	when_describe(&w, day);
	act_said(app, "Follow-up due %s: %s — %s", day, form_value(f, 0),
	    rolodex_contact_name(app->ro));
	return KITH_RELOAD;
}

int
act_follow(struct rolodex *ro)
{
	struct form	*f;
	char		*title;

	if (rolodex_contact(ro) == 0) {
		app_message(ro->app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	title = xasprintf("Follow-up for %s", rolodex_contact_name(ro));
	f = form_new(title, follow_submit, rolodex_contact(ro));
	free(title);
	form_field(f, "Action", FIELD_TEXT, NULL);
	form_field(f, "Due", FIELD_DATE, "tomorrow");
	form_hint(f, "Due: tomorrow, fri 14:30, 24/12, next week, in 2 weeks, "
	    "+3bd, eom  Enter: save");
	app_push(ro->app, form_screen(f));
	return KITH_REDRAW;
}
