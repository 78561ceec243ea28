/* SPDX-License-Identifier: MIT */
/*
 * The contact pane of the main screen: the core's contact sheet (sheet.h)
 * of one contact, rendered as lines the user can move through; a line of
 * a relationship jumps to that person, a line of a follow-up is what d, s
 * and x offer first.
 */
#include <curses.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/relation.h"
#include "kith/sheet.h"
#include "kith/util.h"
#include "draw.h"
#include "rolodex.h"
#include "tui.h"
#include "utf8.h"

#define NOTES_LINES	8	/* of notes on the contact sheet */

static void	add_line(struct rolodex *, int, int64_t, int64_t,
		    const char *, ...) __attribute__((format(printf, 5, 6)));
static void	add_notes(struct rolodex *, const char *);

void
detail_free(struct rolodex *ro)
{
	size_t	i;

	for (i = 0; i < ro->dl.n; i++)
		free(ro->dlines[i].text);
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
}

/*
 * The notes, wrapped at spaces to the detail pane's width (a word too
 * long for a line is cut), NOTES_LINES lines at most; "…" marks the rest.
 */
static void
add_notes(struct rolodex *ro, const char *notes)
{
	const char	*p = notes, *end, *nl;
	size_t		 n, fit, sp;
	int		 width = ro->lay.detail_w - 10, lines = 0;

	if (width < 10)
		width = 10;
	while (p != NULL && *p != '\0' && lines < NOTES_LINES) {
		nl = strchr(p, '\n');
		end = nl != NULL ? nl : p + strlen(p);
		n = (size_t)(end - p);
		fit = u8_fit(p, n, width, NULL);
		if (fit < n) {
			for (sp = fit; sp > 0 && p[sp] != ' '; sp--)
				;
			if (sp > 0)
				fit = sp;
			else if (fit == 0)	/* not even one character */
				fit = n;
		}
		add_line(ro, ROLE_DIM, 0, 0, "%-8s %.*s%s", lines ? "" :
		    "notes", (int)fit, p, lines + 1 == NOTES_LINES &&
		    (fit < n || (nl != NULL && nl[1] != '\0')) ? " …" : "");
		lines++;
		p += fit;
		if (fit == n)
			p = nl != NULL ? nl + 1 : NULL;
		else
			while (*p == ' ')
				p++;
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
	if (sh->headline != NULL)
		add_line(ro, ROLE_NORMAL, 0, 0, "%s", sh->headline);
	if (c->nickname != NULL)
		add_line(ro, ROLE_DIM, 0, 0, "\"%s\"", c->nickname);
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
	if (c->birthday != NULL)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s", "birthday",
		    c->birthday);
	if (sh->tags != NULL)
		add_line(ro, ROLE_NORMAL, 0, 0, "%-8s %s", "tags", sh->tags);
	/* Columns an import could not map, so nothing imported is hidden. */
	for (i = 0; i < c->n_custom; i++)
		add_line(ro, ROLE_DIM, 0, 0, "%-8s %s: %s", i ? "" : "other",
		    c->custom[i].key, c->custom[i].value);
	add_notes(ro, c->notes);
	if (sh->n_relations > 0) {
		add_line(ro, ROLE_NORMAL, 0, 0, "%s", "");
		add_line(ro, ROLE_TITLE, 0, 0, "Relationships");
	}
	for (i = 0; i < sh->n_relations; i++) {
		rel = sh->rel_lines[i].rel;
		add_line(ro, ROLE_NORMAL, rel->other, 0, "  %s%s%s",
		    sh->rel_lines[i].text, rel->note ? " — " : "",
		    rel->note ? rel->note : "");
	}
	if (sh->n_followups > 0) {
		add_line(ro, ROLE_NORMAL, 0, 0, "%s", "");
		add_line(ro, ROLE_TITLE, 0, 0, "Follow-ups");
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
		    ROLE_TODAY : ROLE_NORMAL, 0, fu->id, "%s %s %s%s",
		    fu->late > 0 ? "!" : " ", fu->due, fu->action, late);
	}
	if (sh->n_interactions > 0) {
		add_line(ro, ROLE_NORMAL, 0, 0, "%s", "");
		add_line(ro, ROLE_TITLE, 0, 0, "Latest interactions");
	}
	for (i = 0; i < sh->n_interactions; i++) {
		in = &sh->interactions[i];
		add_line(ro, ROLE_NORMAL, 0, 0, "  %-10.10s %-7s %s", in->at,
		    in->kind, in->summary);
	}
	sheet_free(sh);
}

void
detail_draw(struct rolodex *ro)
{
	const struct layout	*l = &ro->lay;
	size_t			 h = (size_t)l->body_h, i;
	int			 y;

	if (ro->dl.sel < ro->dl.top)
		ro->dl.top = ro->dl.sel;
	if (h > 0 && ro->dl.sel >= ro->dl.top + h)
		ro->dl.top = ro->dl.sel - h + 1;
	for (y = 0; y < l->body_h; y++) {
		enum role	r;

		i = ro->dl.top + (size_t)y;
		if (i >= ro->dl.n)
			break;
		r = ro->dlines[i].role;
		if (ro->focus == PANE_DETAIL && i == ro->dl.sel)
			r = ROLE_SELECT;
		draw_text(l->body_y + y, l->detail_x, l->detail_w - 1,
		    ro->dlines[i].text, r, ro->focus == PANE_DETAIL &&
		    i == ro->dl.sel);
	}
}

