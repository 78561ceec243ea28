/* SPDX-License-Identifier: MIT */
/*
 * Actions on deals, from the pipeline board (boardview.h): moving the
 * selected card to the previous or next open stage, marking it won or
 * lost with a reason, adding a deal with the form, and reading the deal's
 * sheet (deal_sheet.h) in the pager.  Each acts on the selected card
 * only (the core names each write's journal action, so u takes it back)
 * and says on the status line what it did, naming the deal and the
 * stages.  The word shown for a deal is the book's ("deal" or "matter",
 * deal_word()).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/deal_sheet.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/money.h"
#include "kith/util.h"
#include "act.h"
#include "boardview.h"
#include "tui.h"

/* The add form's fields. */
enum { DF_TITLE, DF_ORG, DF_VALUE, DF_CURRENCY, DF_STAGE, DF_CLOSE };

/* What a form on the board keeps until it is submitted. */
struct deal_ctx {
	struct boardview *bv;
	char		 *title;	/* the deal's, for the messages */
	int		  won;		/* close: won (1) or lost (0) */
	char		**stages;	/* add: the open stages' names */
	int64_t		 *stage_ids;
	size_t		  n_stages;
};

static void	ctx_free(void *);
static int	close_submit(struct app *, struct form *);
static int	add_submit(struct app *, struct form *);
static char	*sheet_text(const struct deal_sheet *);

static void
ctx_free(void *arg)
{
	struct deal_ctx	*c = arg;
	size_t		 i;

	if (c == NULL)
		return;
	free(c->title);
	for (i = 0; i < c->n_stages; i++)
		free(c->stages[i]);
	free(c->stages);
	free(c->stage_ids);
	free(c);
}

int
act_deal_move(struct boardview *bv, int dir)
{
	struct kith_err		 err = { 0 };
	struct app		*app = bv->app;
	const struct board_card	*cd = boardview_card(bv);
	const struct bcol	*from, *to;
	const char		*word = deal_word(bv->db);
	char			*title;

	if (cd == NULL) {
		app_message(app, 1, "no %s selected: this stage has none",
		    word);
		return KITH_REDRAW;
	}
	from = &bv->cols[bv->cur];
	if (dir < 0 && bv->cur == 0) {
		app_message(app, 1, "%s is the first open stage", from->name);
		return KITH_REDRAW;
	}
	if (dir > 0 && bv->cur + 1 >= bv->ncols) {
		app_message(app, 1, "%s is the last open stage: w marks the %s "
		    "won, x lost", from->name, word);
		return KITH_REDRAW;
	}
	to = &bv->cols[dir < 0 ? bv->cur - 1 : bv->cur + 1];
	title = xstrdup(cd->title);
	if (deal_move(bv->db, cd->id, to->stage, &err) != KITH_OK) {
		app_message(app, 1, "cannot move %s: %s", title, err.msg);
		free(title);
		return KITH_RELOAD;
	}
	bv->follow = cd->id;
	act_said(app, "Moved %s: %s → %s", title, from->name, to->name);
	free(title);
	return KITH_RELOAD;
}

static int
close_submit(struct app *app, struct form *f)
{
	struct kith_err	 err = { 0 };
	struct deal_ctx	*c = form_ctx(f);
	const char	*reason = form_value(f, 0);

	if (deal_close(app->db, form_id(f), c->won ? KITH_STAGE_won :
	    KITH_STAGE_lost, str_empty(reason) ? NULL : reason, &err) !=
	    KITH_OK) {
		form_error(f, "%s", err.msg);
		return 0;
	}
	act_said(app, "Marked %s %s%s%s; it left the board", c->title,
	    c->won ? "won" : "lost", str_empty(reason) ? "" : ": ",
	    str_empty(reason) ? "" : reason);
	return KITH_RELOAD;
}

int
act_deal_close(struct boardview *bv, int won)
{
	const struct board_card	*cd = boardview_card(bv);
	struct deal_ctx		*c;
	struct form		*f;
	char			*title;

	if (cd == NULL) {
		app_message(bv->app, 1, "no %s selected: this stage has none",
		    deal_word(bv->db));
		return KITH_REDRAW;
	}
	c = xcalloc(1, sizeof *c);
	c->bv = bv;
	c->title = xstrdup(cd->title);
	c->won = won;
	title = xasprintf("Mark %s %s", cd->title, won ? "won" : "lost");
	f = form_new(title, close_submit, cd->id);
	free(title);
	form_set_ctx(f, c, ctx_free);
	form_field(f, "Reason", FIELD_TEXT, NULL);
	form_hint(f, won ? "Why it was won (may be empty)  Enter: mark it won"
	    : "Why it was lost (may be empty)  Enter: mark it lost");
	app_push(bv->app, form_screen(f));
	return KITH_REDRAW;
}

static int
add_submit(struct app *app, struct form *f)
{
	struct kith_err		 err = { 0 };
	struct kith_when	 w;
	struct deal_ctx		*c = form_ctx(f);
	struct deal		*d;
	const char		*value = form_value(f, DF_VALUE);
	const char		*cur = form_value(f, DF_CURRENCY);
	const char		*close = form_value(f, DF_CLOSE);
	size_t			 si = form_choice(f, DF_STAGE);
	int			 r = 0;

	if (str_empty(form_value(f, DF_TITLE))) {
		form_error(f, "what is it? the title is empty");
		return 0;
	}
	d = deal_new();
	d->title = xstrdup(form_value(f, DF_TITLE));
	if (!str_empty(form_value(f, DF_ORG)))
		d->org = xstrdup(form_value(f, DF_ORG));
	if (!str_empty(cur) && money_currency(cur, d->currency, &err) !=
	    KITH_OK) {
		form_error(f, "%s", err.msg);
		goto out;
	}
	if (!str_empty(value)) {
		if (d->currency[0] == '\0')
			money_default_currency(app->db, d->currency);
		if (money_parse(value, d->currency, &d->value, &err) !=
		    KITH_OK) {
			form_error(f, "%s", err.msg);
			goto out;
		}
		d->has_value = 1;
	}
	if (!str_empty(close)) {
		if (app_date(app, close, 0, &w, &err) != KITH_OK) {
			form_error(f, "expected close: %s", err.msg);
			goto out;
		}
		d->expected_close = xstrdup(w.date);
	}
	if (si < c->n_stages)
		d->stage_id = c->stage_ids[si];
	if (deal_add(app->db, d, &err) != KITH_OK) {
		form_error(f, "%s", err.msg);
		goto out;
	}
	c->bv->follow = d->id;
	act_said(app, "Added %s to %s", d->title, si < c->n_stages ?
	    c->stages[si] : "the board");
	r = KITH_RELOAD;
out:
	deal_free(d);
	return r;
}

int
act_deal_add(struct boardview *bv)
{
	struct deal_ctx	*c;
	struct form	*f;
	char		 cur[4], *title;
	size_t		 i;

	if (bv->ncols == 0) {
		app_message(bv->app, 1, "no open stage to add a %s to",
		    deal_word(bv->db));
		return KITH_REDRAW;
	}
	c = xcalloc(1, sizeof *c);
	c->bv = bv;
	c->n_stages = bv->ncols;
	c->stages = xreallocarray(NULL, bv->ncols, sizeof *c->stages);
	c->stage_ids = xreallocarray(NULL, bv->ncols, sizeof *c->stage_ids);
	for (i = 0; i < bv->ncols; i++) {
		c->stages[i] = xstrdup(bv->cols[i].name);
		c->stage_ids[i] = bv->cols[i].stage;
	}
	money_default_currency(bv->db, cur);
	title = xasprintf("Add a %s", deal_word(bv->db));
	f = form_new(title, add_submit, 0);
	free(title);
	form_set_ctx(f, c, ctx_free);
	form_field(f, "Title", FIELD_TEXT, NULL);
	form_field(f, "Organisation", FIELD_TEXT, NULL);
	form_field(f, "Value", FIELD_TEXT, NULL);
	form_field(f, "Currency", FIELD_TEXT, cur);
	form_field(f, "Stage", FIELD_CHOICE, NULL);
	form_choices(f, (const char *const *)c->stages, c->n_stages, bv->cur);
	form_field(f, "Close date", FIELD_DATE, NULL);
	form_hint(f, "Value: 12,500.50  Stage: Left/Right  Close date: "
	    "+3m, 30/6  Enter: save");
	app_push(bv->app, form_screen(f));
	return KITH_REDRAW;
}

/* The deal sheet as text for the pager. */
static char *
sheet_text(const struct deal_sheet *sh)
{
	const struct deal	*d = sh->deal;
	struct sbuf		 sb = { 0 };
	char			 day[KITH_DAY_TEXT], from[KITH_DATE_LEN];
	char			 to[KITH_DATE_LEN];
	size_t			 i;

#define LINE(label, v) do {						\
	if (!str_empty(v))						\
		sbuf_printf(&sb, "%-16s%s\n", label, v);		\
} while (0)
	if (sh->headline != NULL)
		sbuf_printf(&sb, "%s\n\n", sh->headline);
	LINE("Organisation", d->org);
	LINE("Value", sh->value);
	LINE("Reference", d->ref);
	LINE("Fee", d->fee);
	LINE("Practice area", d->practice);
	LINE("Originator", d->originator);
	LINE("Responsible", d->responsible);
	if (!str_empty(d->expected_close)) {
		date_describe(d->expected_close, day);
		LINE("Expected close", day);
	}
	LINE("Next step", d->next_step);
	LINE("Reason", d->reason);
#undef LINE
	sbuf_add(&sb, "\nPeople\n");
	if (d->n_people == 0)
		sbuf_add(&sb, "  none\n");
	for (i = 0; i < d->n_people; i++)
		sbuf_printf(&sb, "  %-18s%s\n", d->people[i].role != NULL ?
		    d->people[i].role : "", d->people[i].name != NULL ?
		    d->people[i].name : "");
	sbuf_add(&sb, "\nFollow-ups\n");
	if (sh->n_followups == 0)
		sbuf_add(&sb, "  none pending\n");
	for (i = 0; i < sh->n_followups; i++) {
		date_describe(sh->followups[i].due, day);
		sbuf_printf(&sb, "  %s%s  %s%s%s\n", sh->followups[i].late > 0 ?
		    "! " : "", day, sh->followups[i].action,
		    sh->followups[i].contact_name != NULL ? " — " : "",
		    sh->followups[i].contact_name != NULL ?
		    sh->followups[i].contact_name : "");
	}
	sbuf_add(&sb, "\nStage history\n");
	for (i = 0; i < sh->n_history; i++) {
		date_from_time((time_t)sh->history[i].from, from);
		if (sh->history[i].to != 0)
			date_from_time((time_t)sh->history[i].to, to);
		sbuf_printf(&sb, "  %-16s %s → %s  %d day%s\n",
		    sh->history[i].stage, from, sh->history[i].to != 0 ? to :
		    "now       ", sh->history[i].days,
		    sh->history[i].days == 1 ? "" : "s");
	}
	if (sh->n_interactions > 0)
		sbuf_add(&sb, "\nLatest interactions\n");
	for (i = 0; i < sh->n_interactions; i++)
		sbuf_printf(&sb, "  %s  %s  %s\n", sh->interactions[i].at,
		    sh->interactions[i].kind, sh->interactions[i].summary);
	if (!str_empty(d->notes))
		sbuf_printf(&sb, "\nNotes\n%s\n", d->notes);
	return sbuf_detach(&sb);
}

int
act_deal_open(struct boardview *bv)
{
	const struct board_card	*cd = boardview_card(bv);

	if (cd == NULL) {
		app_message(bv->app, 1, "no %s selected: this stage has none",
		    deal_word(bv->db));
		return KITH_REDRAW;
	}
	return act_deal_sheet(bv->app, cd->id);
}

int
act_deal_sheet(struct app *app, int64_t id)
{
	struct kith_err		 err = { 0 };
	struct deal_sheet	*sh;
	char			*text;

	if (deal_sheet_load(app->db, id, 0, &sh, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		return KITH_RELOAD;
	}
	text = sheet_text(sh);
	app_push(app, pager_new(sh->deal->title, text));
	free(text);
	deal_sheet_free(sh);
	return KITH_REDRAW;
}
