/* SPDX-License-Identifier: MIT */
/*
 * The contact pane of the main screen: the core's contact sheet (sheet.h)
 * of one contact, rendered as lines the user can move through; a line of
 * a relationship jumps to that person, a line of a follow-up is what d, s
 * and x offer first; the person's deals (or matters) are listed with
 * their role and stage, as kith show lists them.  Nothing is cut silently: a line wider than the pane
 * ends in "…", "↑ more" and "↓ more" show there are lines above or below,
 * and Enter on a line reads it in full in the pager (screen_pager.c).
 * Beyond CUSTOM_SHOWN, the columns an import kept are collapsed into one
 * "+N more fields" line, which Enter expands.
 */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/cadence.h"
#include "kith/contact.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/relation.h"
#include "kith/sheet.h"
#include "kith/standing.h"
#include "kith/util.h"
#include "act.h"
#include "draw.h"
#include "rolodex.h"
#include "tui.h"
#include "utf8.h"
#include "wrap.h"

#define NOTES_LINES	8	/* of notes on the contact sheet */
#define CUSTOM_SHOWN	5	/* custom fields shown before "+N more" */

static void	add_line(struct rolodex *, int, int64_t, int64_t,
		    const char *, ...) __attribute__((format(printf, 5, 6)));
static void	set_last(struct rolodex *, enum dline_kind, const char *);
static void	add_notes(struct rolodex *, const char *);
static void	add_custom(struct rolodex *, const struct contact *);
static void	add_deals(struct rolodex *, const struct sheet *);
static void	add_standing(struct rolodex *, int64_t);
static char	*sheet_text(const struct rolodex *);
static void	sb_add(char **, size_t *, const char *);

void
detail_free(struct rolodex *ro)
{
	size_t	i;

	for (i = 0; i < ro->dl.n; i++) {
		free(ro->dlines[i].text);
		free(ro->dlines[i].full);
	}
	free(ro->dlines);
	ro->dlines = NULL;
	ro->dl.n = 0;
	contact_free(ro->contact);
	ro->contact = NULL;
}

static void
add_line(struct rolodex *ro, int role, int64_t jump, int64_t fid,
    const char *fmt, ...)
{
	struct dline	*d;
	va_list		 ap;
	char		*s;
	int		 len;

	va_start(ap, fmt);
	len = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	s = xmalloc(len > 0 ? (size_t)len + 1 : 1);
	s[0] = '\0';
	va_start(ap, fmt);
	if (len > 0)
		vsnprintf(s, (size_t)len + 1, fmt, ap);
	va_end(ap);
	ro->dlines = xreallocarray(ro->dlines, ro->dl.n + 1,
	    sizeof *ro->dlines);
	d = &ro->dlines[ro->dl.n++];
	d->text = s;
	d->role = role;
	d->jump = jump;
	d->followup = fid;
	d->deal = 0;
	d->kind = DLINE_TEXT;
	d->full = NULL;
}

/* The last line added is of kind, with full as its full text (copied). */
static void
set_last(struct rolodex *ro, enum dline_kind kind, const char *full)
{
	struct dline	*d = &ro->dlines[ro->dl.n - 1];

	d->kind = kind;
	d->full = full != NULL ? xstrdup(full) : NULL;
}

/*
 * The notes, wrapped at spaces to the detail pane's width (wrap.h),
 * NOTES_LINES lines at most; "…" marks the rest, and a line under them
 * says that Enter shows them all.
 */
static void
add_notes(struct rolodex *ro, const char *notes)
{
	struct wrap_line	*wl;
	size_t			 n, i;
	int			 width = ro->lay.detail_w - 10;

	if (width < 10)
		width = 10;
	n = wrap_text(notes, width, &wl);
	for (i = 0; i < n && i < NOTES_LINES; i++) {
		add_line(ro, ROLE_DIM, 0, 0, "%-8s %.*s%s", i ? "" : "notes",
		    (int)wl[i].len, notes + wl[i].off, i + 1 == NOTES_LINES &&
		    n > NOTES_LINES ? " …" : "");
		set_last(ro, DLINE_NOTES, NULL);
	}
	if (n > NOTES_LINES) {
		add_line(ro, ROLE_DIM, 0, 0, "%-8s (%zu more lines: Enter "
		    "reads all)", "", n - NOTES_LINES);
		set_last(ro, DLINE_NOTES, NULL);
	}
	free(wl);
}

/*
 * The columns an import could not map, so nothing imported is hidden:
 * the first CUSTOM_SHOWN, then "+N more fields" until the user opens
 * them (ro->custom_open).
 */
static void
add_custom(struct rolodex *ro, const struct contact *c)
{
	size_t	i, shown = c->n_custom;

	if (!ro->custom_open && shown > CUSTOM_SHOWN + 1)
		shown = CUSTOM_SHOWN;
	for (i = 0; i < shown; i++) {
		add_line(ro, ROLE_DIM, 0, 0, "%-8s %s: %s", i ? "" : "other",
		    c->custom[i].key, c->custom[i].value);
		set_last(ro, DLINE_TEXT, ro->dlines[ro->dl.n - 1].text + 9);
	}
	if (shown < c->n_custom) {
		add_line(ro, ROLE_DIM, 0, 0, "%-8s +%zu more fields (Enter "
		    "shows them)", "", c->n_custom - shown);
		set_last(ro, DLINE_MORE, NULL);
	}
}

/*
 * The deals the contact is on (the sheet's, open ones first), under the
 * book's word for them: the stage first (in a column, so a narrow pane
 * cuts the title, not the stage), the title and the contact's role; a
 * closed one dim, a stalled one marked "!".  Enter reads the line with
 * the organisation and the days in the stage.
 */
static void
add_deals(struct rolodex *ro, const struct sheet *sh)
{
	const struct deal_line	*d;
	char			*full;
	size_t			 i;
	int			 w, sw = 0;

	if (sh->n_deals == 0)
		return;
	for (i = 0; i < sh->n_deals; i++)
		if ((w = u8_width(sh->deals[i].stage)) > sw)
			sw = w;
	add_line(ro, ROLE_NORMAL, 0, 0, "%s", "");
	set_last(ro, DLINE_HEAD, NULL);
	add_line(ro, ROLE_TITLE, 0, 0, "%s", deal_word_form(ro->db, 1, 1));
	set_last(ro, DLINE_HEAD, NULL);
	for (i = 0; i < sh->n_deals; i++) {
		d = &sh->deals[i];
		add_line(ro, d->stage_kind == KITH_STAGE_open ? ROLE_NORMAL :
		    ROLE_DIM, 0, 0, "%s %s%*s  %s%s%s", d->stalled ? "!" : " ",
		    d->stage, sw - u8_width(d->stage), "", d->title,
		    d->role != NULL ? " — " : "", d->role != NULL ? d->role :
		    "");
		full = xasprintf("%s\n\n%s%s%s%s%s, %d day%s in the stage%s",
		    d->title, d->org != NULL ? d->org : "",
		    d->org != NULL ? "\n" : "", d->role != NULL ? d->role : "",
		    d->role != NULL ? ", " : "", d->stage, d->days_in_stage,
		    d->days_in_stage == 1 ? "" : "s",
		    d->stalled ? " (stalled)" : "");
		set_last(ro, DLINE_TEXT, full);
		ro->dlines[ro->dl.n - 1].deal = d->id;
		free(full);
	}
}

/*
 * Loads the selected contact into the detail pane (force: even if same):
 * the core's contact sheet (sheet.h), rendered as lines.
 */
void
detail_load(struct rolodex *ro, int64_t id, int force)
{
	struct kith_err		 err = { 0 };
	struct contact		*c;
	struct sheet		*sh = NULL;
	const struct relation	*rel;
	const struct followup	*fu;
	const struct interaction *in;
	size_t			 i;

	if (!force && id == ro->detail_id)
		return;
	if (id != ro->detail_id)
		ro->custom_open = 0;
	detail_free(ro);
	ro->detail_id = id;
	ro->dl.sel = ro->dl.top = 0;
	ro->dl.n = 0;
	if (id == 0)
		return;
	if (sheet_load(ro->db, id, SHEET_INTERACTIONS, &sh, &err) != KITH_OK) {
		app_message(ro->app, 1, "%s", err.msg);
		return;
	}
	/* The pane keeps the contact (the forms start from it). */
	c = ro->contact = sh->contact;
	sh->contact = NULL;
	add_line(ro, ROLE_NAME, 0, 0, "%s%s", c->display,
	    c->archived ? "  (archived)" : "");
	set_last(ro, DLINE_HEAD, NULL);
	if (sh->headline != NULL)
		add_line(ro, ROLE_NORMAL, 0, 0, "%s", sh->headline);
	if (c->nickname != NULL)
		add_line(ro, ROLE_DIM, 0, 0, "\"%s\"", c->nickname);
	if (sh->aliases != NULL)
		add_line(ro, ROLE_DIM, 0, 0, "aka %s", sh->aliases);
	for (i = 0; i < c->n_emails; i++)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s%s%s%s",
		    i ? "" : "e-mail", c->emails[i].addr,
		    c->emails[i].label ? " (" : "",
		    c->emails[i].label ? c->emails[i].label : "",
		    c->emails[i].label ? ")" : "");
	for (i = 0; i < c->n_phones; i++)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s%s%s%s",
		    i ? "" : "phone", c->phones[i].raw,
		    c->phones[i].label ? " (" : "",
		    c->phones[i].label ? c->phones[i].label : "",
		    c->phones[i].label ? ")" : "");
	for (i = 0; i < sh->n_addresses; i++)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s", i ? "" : "address",
		    sh->addresses[i]);
	for (i = 0; i < c->n_urls; i++)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s", i ? "" : "web",
		    c->urls[i].value);
	for (i = 0; i < sh->n_ims; i++)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s", i ? "" : "chat",
		    sh->ims[i]);
	if (sh->birthday != NULL)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s", "birthday",
		    sh->birthday);
	for (i = 0; i < sh->n_dates; i++)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s", i ? "" : "dates",
		    sh->dates[i]);
	if (sh->tags != NULL)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s", "tags", sh->tags);
	add_standing(ro, c->id);
	add_custom(ro, c);
	add_notes(ro, c->notes);
	if (sh->n_relations > 0) {
		add_line(ro, ROLE_NORMAL, 0, 0, "%s", "");
		set_last(ro, DLINE_HEAD, NULL);
		add_line(ro, ROLE_TITLE, 0, 0, "Relationships");
		set_last(ro, DLINE_HEAD, NULL);
	}
	for (i = 0; i < sh->n_relations; i++) {
		rel = sh->rel_lines[i].rel;
		add_line(ro, ROLE_NORMAL, rel->other, 0, "  %s%s%s",
		    sh->rel_lines[i].text, rel->note ? " — " : "",
		    rel->note ? rel->note : "");
	}
	add_deals(ro, sh);
	if (sh->n_followups > 0) {
		add_line(ro, ROLE_NORMAL, 0, 0, "%s", "");
		set_last(ro, DLINE_HEAD, NULL);
		add_line(ro, ROLE_TITLE, 0, 0, "Follow-ups");
		set_last(ro, DLINE_HEAD, NULL);
	}
	for (i = 0; i < sh->n_followups; i++) {
		char late[48] = "";

		fu = &sh->followups[i];
		if (fu->late > 0)
			snprintf(late, sizeof late, " (%ld day%s late)",
			    fu->late, fu->late == 1 ? "" : "s");
		else if (fu->late == 0)
			snprintf(late, sizeof late, " (today)");
		add_line(ro, fu->late > 0 ? ROLE_OVERDUE : fu->late == 0 ?
		    ROLE_TODAY : ROLE_NORMAL, 0, fu->id, "%s %s %s%s%s%s",
		    fu->late > 0 ? "!" : " ", fu->due, fu->due_time,
		    fu->due_time[0] != '\0' ? " " : "", fu->action, late);
	}
	if (sh->n_interactions > 0) {
		add_line(ro, ROLE_NORMAL, 0, 0, "%s", "");
		set_last(ro, DLINE_HEAD, NULL);
		add_line(ro, ROLE_TITLE, 0, 0, "Latest interactions");
		set_last(ro, DLINE_HEAD, NULL);
	}
	for (i = 0; i < sh->n_interactions; i++) {
		char *full;

		in = &sh->interactions[i];
		add_line(ro, ROLE_NORMAL, 0, 0, "  %-10.10s %-7s %s", in->at,
		    in->kind, in->summary);
		full = xasprintf("%s  %s\n\n%s", in->at, in->kind,
		    in->summary != NULL ? in->summary : "");
		set_last(ro, DLINE_TEXT, full);
		free(full);
	}
	sheet_free(sh);
}

void
detail_draw(struct rolodex *ro)
{
	const struct layout	*l = &ro->lay;
	size_t			 h = (size_t)l->body_h, i;
	int			 y, w, mark;
	const char		*more;

	if (ro->dl.sel < ro->dl.top)
		ro->dl.top = ro->dl.sel;
	if (h > 0 && ro->dl.sel >= ro->dl.top + h)
		ro->dl.top = ro->dl.sel - h + 1;
	for (y = 0; y < l->body_h; y++) {
		enum role	r;

		i = ro->dl.top + (size_t)y;
		if (i >= ro->dl.n)
			break;
		/* Lines above or below the pane: say so at its edges. */
		more = NULL;
		if (y == 0 && ro->dl.top > 0)
			more = "↑ more";
		else if (y == l->body_h - 1 && i + 1 < ro->dl.n)
			more = "↓ more";
		w = l->detail_w - 1;
		mark = more != NULL ? u8_width(more) + 1 : 0;
		if (mark > 0 && w - mark >= 10) {
			w -= mark;
			draw_text(l->body_y + y, l->detail_x + w + 1, mark - 1,
			    more, ROLE_TITLE, 0);
		}
		r = ro->dlines[i].role;
		if (ro->focus == PANE_DETAIL && i == ro->dl.sel)
			r = ROLE_SELECT;
		draw_text_cut(l->body_y + y, l->detail_x, w,
		    ro->dlines[i].text, r, ro->focus == PANE_DETAIL &&
		    i == ro->dl.sel);
	}
}

/* Appends s to the string *buf of *len bytes. */
static void
sb_add(char **buf, size_t *len, const char *s)
{
	size_t	n = strlen(s);

	*buf = xreallocarray(*buf, *len + n + 1, 1);
	memcpy(*buf + *len, s, n + 1);
	*len += n;
}

/*
 * The whole sheet as text, each item in full: the notes and every custom
 * field, even those the pane collapses; caller frees.
 */
/*
 * The strength as a bar with its number (once there is a touch or a
 * strength set by hand), and the cadence with its state,
 * yellow "due" past the ideal interval, red "overdue" past the maximum:
 * the word says it where there is no colour.
 */
static void
add_standing(struct rolodex *ro, int64_t id)
{
	struct kith_err	 err = { 0 };
	struct standing	 st;
	struct cadence	 cad;
	char		 bar[STANDING_BAR_LEN];
	const char	*word;

	if (standing_get(ro->db, id, &st, &err) != KITH_OK)
		return;
	/* Someone never touched has no strength to show. */
	standing_bar(st.strength, bar);
	if (st.strength > 0 || st.manual)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s %d%s", "strength",
		    bar, st.strength, st.manual ? " (set by hand)" : "");
	if (cadence_get(ro->db, id, &cad, &err) != KITH_OK)
		return;
	word = standing_word(&st);
	if (word[0] != '\0')
		add_line(ro, cad.state == KITH_CADENCE_OVERDUE ? ROLE_OVERDUE :
		    ROLE_TODAY, 0, 0, "%-8s every %dd/%dd: %s, %ld day%s past "
		    "due", "cadence", cad.ideal, cad.max, word, cad.late,
		    cad.late == 1 ? "" : "s");
	else if (cad.state != KITH_CADENCE_NONE)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s every %dd/%dd, due %s",
		    "cadence", cad.ideal, cad.max, cad.due);
	cadence_clear(&cad);
}

static char *
sheet_text(const struct rolodex *ro)
{
	const struct contact	*c = ro->contact;
	const struct dline	*d;
	char			*buf = NULL, *line;
	size_t			 len = 0, i;
	int			 notes_done = 0;

	sb_add(&buf, &len, "");
	for (i = 0; i < ro->dl.n; i++) {
		d = &ro->dlines[i];
		if (d->kind == DLINE_NOTES) {
			if (notes_done++ == 0 && c->notes != NULL) {
				sb_add(&buf, &len, "notes\n");
				sb_add(&buf, &len, c->notes);
				sb_add(&buf, &len, "\n");
			}
			continue;
		}
		if (d->kind == DLINE_MORE) {
			size_t k;

			for (k = CUSTOM_SHOWN; k < c->n_custom; k++) {
				line = xasprintf("%-8s %s: %s\n", "",
				    c->custom[k].key, c->custom[k].value);
				sb_add(&buf, &len, line);
				free(line);
			}
			continue;
		}
		sb_add(&buf, &len, d->text);
		sb_add(&buf, &len, "\n");
	}
	return buf;
}

int
detail_open(struct rolodex *ro)
{
	const struct dline	*d;
	char			*title, *text;
	size_t			 sel = ro->dl.sel, top = ro->dl.top;

	if (ro->contact == NULL || sel >= ro->dl.n)
		return 0;
	d = &ro->dlines[sel];
	if (d->deal != 0)
		return act_deal_show(ro->app, ro->db, d->deal);
	switch (d->kind) {
	case DLINE_MORE:
		ro->custom_open = 1;
		detail_load(ro, ro->detail_id, 1);
		listw_resize(&ro->dl, ro->dl.n);
		ro->dl.sel = sel < ro->dl.n ? sel : 0;
		ro->dl.top = top <= ro->dl.sel ? top : ro->dl.sel;
		return KITH_REDRAW;
	case DLINE_NOTES:
		title = xasprintf("%s — notes", ro->contact->display);
		app_push(ro->app, pager_new(title, ro->contact->notes));
		break;
	case DLINE_HEAD:
		title = xstrdup(ro->contact->display);
		text = sheet_text(ro);
		app_push(ro->app, pager_new(title, text));
		free(text);
		break;
	default:
		title = xstrdup(ro->contact->display);
		app_push(ro->app, pager_new(title, d->full != NULL ? d->full :
		    d->text));
		break;
	}
	free(title);
	return KITH_REDRAW;
}
