/* SPDX-License-Identifier: MIT */
/*
 * The decisions of the Today screen (todayview.h) on its selected item,
 * and what else its keys open.  done marks it (a follow-up is done; a
 * cadence waits for the touch) and, for a follow-up or a cadence of a
 * contact, opens the log form for that contact, since logging what
 * happened is what resets a cadence; snooze asks a day (tomorrow, +1
 * week, a date) and a short reason, and after the third snooze in a row
 * of one cadence asks whether to loosen it; reschedule asks a date; drop
 * asks first (a follow-up is deleted, a cadence turned off).  Each
 * decision is one review_decide(), one action of the change journal, so u
 * takes it back.  w shows why the item ranks where it does in the pager;
 * Enter shows its contact on the main screen, or a deal's sheet.  w in
 * the main screen's alert pane explains its line the same way.
 *
 * An item waiting for an answer is copied (struct dctx): the queue may be
 * read again meanwhile (another process, midnight).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/cadence.h"
#include "kith/clock.h"
#include "kith/review.h"
#include "kith/util.h"
#include "act.h"
#include "rolodex.h"
#include "todaytext.h"
#include "todayview.h"
#include "tui.h"
#include "utf8.h"

/* An item and the decision asked about it. */
struct dctx {
	struct review_item	 it;	/* a copy: owns name and what */
	enum review_decision	 d;
	char			 day[KITH_DATE_LEN];	/* snooze: picked */
};

/* A cadence to loosen, once the user says yes. */
struct lctx {
	int64_t			 contact;
	char			*name;
	struct cadence_spec	 spec;
};

static struct dctx *dctx_new(const struct review_item *,
		    enum review_decision);
static void	dctx_free(void *);
static int	decide(struct app *, struct dctx *, const char *,
		    const char *, int *);
static int	done_log(struct app *, const struct dctx *);
static int	day_of(struct app *, const char *, char *, struct kith_err *);
static int	snooze_pick(struct app *, size_t, int64_t, void *);
static void	snooze_form(struct app *, struct dctx *, int);
static int	snooze_submit(struct app *, struct form *);
static void	ask_loosen(struct app *, const struct dctx *, int);
static int	loosen_yes(struct app *, size_t, int64_t, void *);
static int	reschedule_submit(struct app *, struct form *);
static int	drop_yes(struct app *, size_t, int64_t, void *);

static struct dctx *
dctx_new(const struct review_item *it, enum review_decision d)
{
	struct dctx	*c = xcalloc(1, sizeof *c);

	c->it = *it;
	c->it.name = xstrdup(it->name != NULL ? it->name : "");
	c->it.what = xstrdup(it->what != NULL ? it->what : "");
	c->it.hint = NULL;
	c->d = d;
	return c;
}

static void
dctx_free(void *arg)
{
	struct dctx	*c = arg;

	if (c == NULL)
		return;
	free(c->it.name);
	free(c->it.what);
	free(c);
}

/*
 * review_decide() on c's item; says what it did.  1 if done, 0 with the
 * error on the status line.
 */
static int
decide(struct app *app, struct dctx *c, const char *day, const char *note,
    int *snoozes)
{
	static const char *const said[] = { "Done", "Snoozed",
	    "Rescheduled", "Dropped" };
	struct kith_err	 err = { 0 };
	char		 when[KITH_DAY_TEXT];

	if (review_decide(app->db, &c->it, c->d, day, note, snoozes, &err)
	    != KITH_OK) {
		app_message(app, 1, "%s: %s", c->it.name, err.msg);
		return 0;
	}
	if (day != NULL) {
		date_describe(day, when);
		act_said(app, "%s to %s: %s — %s (%s)", said[c->d], when,
		    c->it.name, c->it.what, review_item_kind(&c->it));
	} else
		act_said(app, "%s: %s — %s (%s)", said[c->d], c->it.name,
		    c->it.what, review_item_kind(&c->it));
	return 1;
}

/* Done with a follow-up or a cadence: log what happened with the person. */
static int
done_log(struct app *app, const struct dctx *c)
{
	if (c->it.contact == 0 || (c->it.kind != REVIEW_FOLLOWUP &&
	    c->it.kind != REVIEW_CADENCE))
		return KITH_RELOAD;
	rolodex_jump(app->ro, c->it.contact);
	if (rolodex_contact(app->ro) != c->it.contact)
		return KITH_RELOAD;
	return act_log(app->ro) | KITH_RELOAD;
}

/* A day typed ("tomorrow", "+1w", "fri") as YYYY-MM-DD; 0 if none. */
static int
day_of(struct app *app, const char *text, char *day, struct kith_err *err)
{
	struct kith_when	w;

	if (app_date(app, text, 0, &w, err) != KITH_OK)
		return 0;
	memcpy(day, w.date, KITH_DATE_LEN);
	return 1;
}

int
act_today_decide(struct todayview *tv, enum action act)
{
	static const char *const when[] = { "tomorrow", "+1 week",
	    "pick a date…" };
	const struct review_item *it = todayview_item(tv);
	struct app		*app = tv->app;
	struct dctx		*c;
	struct form		*f;
	char			*title, *cut;
	int			 r = KITH_REDRAW;

	if (it == NULL) {
		app_message(app, 1, "nothing left to decide today");
		return KITH_REDRAW;
	}
	cut = u8_cut(it->what != NULL ? it->what : "", 40);
	switch (act) {
	case ACT_DONE:
		c = dctx_new(it, REVIEW_DONE);
		r = decide(app, c, NULL, NULL, NULL) ? done_log(app, c) :
		    KITH_RELOAD;
		dctx_free(c);
		break;
	case ACT_SNOOZE:
		c = dctx_new(it, REVIEW_SNOOZE);
		title = xasprintf("Snooze: %s — %s", c->it.name, cut);
		app_push(app, picker_new(title, when, 3, snooze_pick, 0, c));
		free(title);
		break;
	case ACT_RESCHEDULE:
		c = dctx_new(it, REVIEW_RESCHEDULE);
		title = xasprintf("Reschedule: %s — %s", c->it.name, cut);
		f = form_new(title, reschedule_submit, 0);
		free(title);
		form_field(f, "Date", FIELD_DATE, "");
		form_hint(f, "YYYY-MM-DD, tomorrow, +3d, +2w, +1m, fri");
		form_set_ctx(f, c, dctx_free);
		app_push(app, form_screen(f));
		break;
	case ACT_DROP:
		c = dctx_new(it, REVIEW_DROP);
		if (it->kind == REVIEW_CADENCE)
			title = xasprintf("Turn off the cadence of %s? (y/N)",
			    c->it.name);
		else if (it->kind == REVIEW_FOLLOWUP)
			title = xasprintf("Drop the follow-up \"%s\" of %s? "
			    "(y/N)", cut, c->it.name);
		else
			title = xasprintf("Drop %s — %s from today's review? "
			    "(y/N)", c->it.name, cut);
		app_push(app, confirm_new(title, drop_yes, 0, c));
		free(title);
		break;
	default:
		r = 0;
		break;
	}
	free(cut);
	return r;
}

static int
snooze_pick(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct kith_err	 err = { 0 };
	struct dctx	*c = ctx;

	(void)id;
	if (idx == PICK_CANCEL || idx > 2) {
		dctx_free(c);
		return 0;
	}
	if (idx < 2 && !day_of(app, idx == 0 ? "tomorrow" : "+1w", c->day,
	    &err)) {
		app_message(app, 1, "%s", err.msg);
		dctx_free(c);
		return KITH_REDRAW;
	}
	snooze_form(app, c, idx == 2);
	return KITH_REDRAW;
}

/* The reason, and the date first unless one was picked; takes c over. */
static void
snooze_form(struct app *app, struct dctx *c, int ask_date)
{
	struct form	*f;
	char		*title, when[KITH_DAY_TEXT];

	if (ask_date)
		title = xasprintf("Snooze %s until", c->it.name);
	else {
		date_describe(c->day, when);
		title = xasprintf("Snooze %s to %s", c->it.name, when);
	}
	f = form_new(title, snooze_submit, ask_date);
	free(title);
	if (ask_date)
		form_field(f, "Date", FIELD_DATE, "");
	form_field(f, "Reason", FIELD_TEXT, "");
	form_hint(f, ask_date ? "Date: YYYY-MM-DD, tomorrow, +3d, +2w, fri  "
	    "Reason: a few words, or none  Enter: snooze" : "Reason: a few "
	    "words, or none  Enter: snooze");
	form_set_ctx(f, c, dctx_free);
	app_push(app, form_screen(f));
}

static int
snooze_submit(struct app *app, struct form *f)
{
	struct kith_err	 err = { 0 };
	struct dctx	*c = form_ctx(f);
	const char	*reason;
	int		 dated = form_id(f) != 0, snoozes = 0;

	if (dated && !day_of(app, form_value(f, 0), c->day, &err)) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	reason = form_value(f, dated ? 1 : 0);
	if (!decide(app, c, c->day, str_empty(reason) ? NULL : reason,
	    &snoozes)) {
		form_error(f, "%s", app->msg);
		app->msg[0] = '\0';
		return 0;
	}
	if (c->it.kind == REVIEW_CADENCE && snoozes >= KITH_CADENCE_LOOSEN)
		ask_loosen(app, c, snoozes);
	return KITH_RELOAD;
}

/* Snoozed often in a row: offer a cadence half as loose again. */
static void
ask_loosen(struct app *app, const struct dctx *c, int snoozes)
{
	struct kith_err	 err = { 0 };
	struct cadence	 cad;
	struct lctx	*l;
	struct cadence_spec now;
	char		*q, from[32], to[32];

	if (cadence_get(app->db, c->it.contact, &cad, &err) != KITH_OK)
		return;
	if (cad.ideal <= 0) {
		cadence_clear(&cad);
		return;
	}
	l = xcalloc(1, sizeof *l);
	l->contact = c->it.contact;
	l->name = xstrdup(c->it.name);
	today_loosen(cad.ideal, cad.max, &l->spec);
	now.ideal = cad.ideal;
	now.max = cad.max;
	cadence_clear(&cad);
	cadence_format(&now, from, sizeof from);
	cadence_format(&l->spec, to, sizeof to);
	q = xasprintf("Snoozed %d times in a row: loosen the cadence of %s "
	    "from %s to %s? (y/N)", snoozes, l->name, from, to);
	app_push(app, confirm_new(q, loosen_yes, 0, l));
	free(q);
}

static int
loosen_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct kith_err	 err = { 0 };
	struct lctx	*l = ctx;
	char		 to[32];
	int		 r = 0;

	(void)id;
	if (idx != PICK_CANCEL) {
		cadence_format(&l->spec, to, sizeof to);
		if (cadence_set_contact(app->db, l->contact, &l->spec, &err)
		    != KITH_OK)
			app_message(app, 1, "%s", err.msg);
		else
			act_said(app, "Loosened the cadence of %s to %s",
			    l->name, to);
		r = KITH_RELOAD;
	}
	free(l->name);
	free(l);
	return r;
}

static int
reschedule_submit(struct app *app, struct form *f)
{
	struct kith_err	 err = { 0 };
	struct dctx	*c = form_ctx(f);

	if (!day_of(app, form_value(f, 0), c->day, &err)) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	if (!decide(app, c, c->day, NULL, NULL)) {
		form_error(f, "%s", app->msg);
		app->msg[0] = '\0';
		return 0;
	}
	return KITH_RELOAD;
}

static int
drop_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct dctx	*c = ctx;
	int		 r = 0;

	(void)id;
	if (idx != PICK_CANCEL) {
		decide(app, c, NULL, NULL, NULL);
		r = KITH_RELOAD;
	}
	dctx_free(c);
	return r;
}

int
act_today_why(struct todayview *tv)
{
	const struct review_item *it = todayview_item(tv);
	char			*text, *title;

	if (it == NULL) {
		app_message(tv->app, 1, "nothing owed today");
		return KITH_REDRAW;
	}
	text = today_why(it);
	title = xasprintf("Why #%zu: %s", it->rank, it->name != NULL ?
	    it->name : "");
	app_push(tv->app, pager_new(title, text));
	free(title);
	free(text);
	return KITH_REDRAW;
}

int
act_today_open(struct todayview *tv)
{
	const struct review_item *it = todayview_item(tv);

	if (it == NULL) {
		app_message(tv->app, 1, "nothing owed today");
		return KITH_REDRAW;
	}
	if (it->kind == REVIEW_DEAL || it->contact == 0) {
		if (it->deal == 0) {
			app_message(tv->app, 1, "%s has no contact to show",
			    it->name);
			return KITH_REDRAW;
		}
		return act_deal_show(tv->app, tv->app->db, it->deal);
	}
	rolodex_jump(tv->app->ro, it->contact);
	tv->s.closing = 1;
	return KITH_REDRAW;
}

/*
 * Why the highlighted alert ranks where it does in the alert pane, the
 * week's review it was read from, with the Today screen's words.
 */
int
act_alert_why(struct rolodex *ro)
{
	const struct alert	*a = rolodex_alert(ro);
	const struct review_item *it;
	char			*text, *title;

	if (a == NULL || ro->review == NULL || a->item >= ro->review->n) {
		app_message(ro->app, 1, "no alert highlighted: nothing is "
		    "overdue or due this week");
		return KITH_REDRAW;
	}
	it = &ro->review->items[a->item];
	text = today_why(it);
	title = xasprintf("Why #%zu of this week's alerts: %s", it->rank,
	    it->name);
	app_push(ro->app, pager_new(title, text));
	free(title);
	free(text);
	return KITH_REDRAW;
}
