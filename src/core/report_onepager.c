/* SPDX-License-Identifier: MIT */
/*
 * The one-page relationship sheet (report.h): the contact sheet
 * (sheet.h) laid out as a report to read before a meeting -- who the
 * person is, how we know them, what is open with them, what was said
 * last, the dates that matter and the notes.  Each list is cut with
 * "… N more" so that a typical contact fits one printed page.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/money.h"
#include "kith/path.h"
#include "kith/relation.h"
#include "kith/report.h"
#include "kith/sheet.h"
#include "kith/strength.h"
#include "kith/cadence.h"
#include "kith/util.h"
#include "internal.h"

/* Rows of each list on the page; the rest is counted. */
#define PAGE_FOLLOWUPS		5
#define PAGE_DEALS		4
#define PAGE_INTERACTIONS	5
#define PAGE_INTERACTIONS_READ	100	/* read to count "… N more" */
#define PAGE_RELATIONS		5
/* Notes longer than this (bytes, cut on a line or a character) go on. */
#define PAGE_NOTES		400

static void	details(struct report *, const struct sheet *,
		    const char *);
static enum kith_status standing(struct kith_db *, struct report_section *,
		    int64_t, const char *, struct kith_err *);
static void	known(struct kith_db *, struct report *, const struct sheet *);
static void	you(struct kith_db *, struct report *, int64_t);
static void	followups(struct report *, const struct sheet *);
static void	deals(struct kith_db *, struct report *,
		    const struct sheet *);
static void	interactions(struct report *, const struct sheet *);
static void	dates(struct report *, const struct contact *, const char *);
static void	notes(struct report *, const char *);
static void	day_text(const char *, const char *, char *, size_t);
static void	labelled(struct report_section *, const char *, const char *,
		    const char *);

enum kith_status
report_onepager(struct kith_db *db, int64_t id, struct report **out,
    struct kith_err *err)
{
	struct sheet		*sh;
	struct report		*r;
	enum kith_status	 st;
	char			 today[KITH_DATE_LEN];

	*out = NULL;
	if ((st = sheet_load(db, id, PAGE_INTERACTIONS_READ, &sh, err))
	    != KITH_OK)
		return st;
	db_today(db, today);
	r = report_new(sh->contact->display, sh->headline);
	details(r, sh, today);
	if ((st = standing(db, &r->sections[0], id, today, err)) != KITH_OK) {
		sheet_free(sh);
		report_free(r);
		return st;
	}
	known(db, r, sh);
	followups(r, sh);
	deals(db, r, sh);
	interactions(r, sh);
	dates(r, sh->contact, today);
	notes(r, sh->contact->notes);
	sheet_free(sh);
	*out = r;
	return KITH_OK;
}

/* "Wed 17 Apr 1985 (41)", "17 Apr" for a day without a year. */
static void
day_text(const char *date, const char *today, char *out, size_t size)
{
	char	text[KITH_DAY_TEXT];
	int	y, m, d, ty, tm, td, age;

	date_describe(date, text);
	if (date[0] == '-' || sscanf(date, "%d-%d-%d", &y, &m, &d) != 3 ||
	    sscanf(today, "%d-%d-%d", &ty, &tm, &td) != 3) {
		snprintf(out, size, "%s", text);
		return;
	}
	age = ty - y - (tm < m || (tm == m && td < d));
	if (age >= 0)
		snprintf(out, size, "%s (%d)", text, age);
	else
		snprintf(out, size, "%s", text);
}

/* "E-mail (work): ana@…", or "E-mail: …" without a label. */
static void
labelled(struct report_section *s, const char *what, const char *label,
    const char *value)
{
	char	*l;

	l = label != NULL ? xasprintf("%s (%s)", what, label) : xstrdup(what);
	report_fact(s, l, "%s", value);
	free(l);
}

static void
details(struct report *r, const struct sheet *sh, const char *today)
{
	const struct contact	*c = sh->contact;
	struct report_section	*s;
	char			 day[64];
	size_t			 i;

	s = report_facts(r, "contact", "Contact");
	if (c->department != NULL)
		report_fact(s, "Department", "%s", c->department);
	for (i = 0; i < c->n_emails; i++)
		labelled(s, "E-mail", c->emails[i].label, c->emails[i].addr);
	for (i = 0; i < c->n_phones; i++)
		labelled(s, "Phone", c->phones[i].label, c->phones[i].raw);
	for (i = 0; i < sh->n_addresses; i++)
		labelled(s, "Address", c->addrs[i].label, sh->addresses[i]);
	for (i = 0; i < c->n_urls; i++)
		labelled(s, "Web", c->urls[i].key, c->urls[i].value);
	for (i = 0; i < c->n_ims; i++)
		labelled(s, c->ims[i].service ? c->ims[i].service :
		    "Messaging", c->ims[i].label, c->ims[i].handle);
	if (c->birthday != NULL) {
		day_text(c->birthday, today, day, sizeof day);
		report_fact(s, "Birthday", "%s", day);
	}
	if (sh->tags != NULL)
		report_fact(s, "Tags", "%s", sh->tags);
	if (s->n_rows == 0)
		report_empty(s, "No e-mail, phone or address on file.");
}

/* Strength and cadence state, as facts of the first section. */
static enum kith_status
standing(struct kith_db *db, struct report_section *s, int64_t id,
    const char *today, struct kith_err *err)
{
	struct strength		 str;
	struct cadence		 cad;
	enum kith_status	 st;
	long			 late;

	if ((st = strength_get(db, id, &str, err)) != KITH_OK)
		return st;
	report_fact(s, "Strength", "%d/100%s", str.score, str.manual >= 0 ?
	    " (set by hand)" : "");
	memset(&cad, 0, sizeof cad);
	if ((st = cadence_get(db, id, &cad, err)) != KITH_OK)
		return st;
	if (cad.ideal > 0)
		report_fact(s, "Keep in touch", "every %d days%s%s: %s "
		    "(due %s)", cad.ideal, cad.tag ? ", from tag " : "",
		    cad.tag ? cad.tag : "", cadence_state_name(
		    cadence_state_on(cad.due, cad.overdue, today, &late)),
		    cad.due);
	cadence_clear(&cad);
	return KITH_OK;
}

/*
 * Relationships both ways, who introduced them first; then how you know
 * them, when a "me" contact is set (kith me) and a chain exists.
 */
static void
known(struct kith_db *db, struct report *r, const struct sheet *sh)
{
	static const char *const cols[] = { "Relationship", "Since", "Note" };
	struct report_section	*s;
	const struct relation	*rel;
	const char		*row[3];
	size_t			 i, pass;

	s = report_table(r, "known", "How we know them", 3, cols, 0);
	report_empty(s, "No relationships recorded.");
	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < sh->n_relations; i++) {
			rel = sh->rel_lines[i].rel;
			if ((strcmp(rel->label, "introduced by") == 0) !=
			    (pass == 0))
				continue;
			if (s->n_rows >= PAGE_RELATIONS) {
				s->more++;
				continue;
			}
			row[0] = sh->rel_lines[i].text;
			row[1] = rel->since;
			row[2] = rel->note;
			report_row(s, row);
		}
	you(db, r, sh->contact->id);
}

/*
 * How you know them: the strongest of the shortest chains from the "me"
 * contact, when one is set and a chain is found.  Nothing otherwise: a
 * sheet is not the place for a failed search.
 */
static void
you(struct kith_db *db, struct report *r, int64_t id)
{
	struct path_result	 res;
	struct path_end		 to = { id, 0 };
	struct kith_err		 err = { 0 };
	char			*line;
	int64_t			 me = 0;

	memset(&res, 0, sizeof res);
	if (path_me(db, &me, &err) != KITH_OK || me == 0 || me == id)
		return;
	if (path_find(db, NULL, &to, NULL, kith_db_now(db), &res, &err) ==
	    KITH_OK && res.n > 0) {
		line = path_chain_text(&res.chains[0], 1);
		report_paragraph(r, "path", "How you know them", line);
		free(line);
	}
	path_result_free(&res);
}

static void
followups(struct report *r, const struct sheet *sh)
{
	static const char *const cols[] = { "Due", "Follow-up" };
	struct report_section	*s;
	const struct followup	*f;
	const char		*row[2];
	char			 due[32];
	size_t			 i;

	s = report_table(r, "followups", "Open follow-ups", 2, cols, 0);
	report_empty(s, "Nothing open.");
	for (i = 0; i < sh->n_followups; i++) {
		f = &sh->followups[i];
		if (i >= PAGE_FOLLOWUPS) {
			s->more++;
			continue;
		}
		snprintf(due, sizeof due, "%s%s%s", f->due,
		    f->due_time[0] ? " " : "", f->due_time);
		row[0] = due;
		row[1] = f->action;
		report_row(s, row);
	}
}

static void
deals(struct kith_db *db, struct report *r, const struct sheet *sh)
{
	static const char *const cols[] = { "Title", "Stage", "Role",
	    "Value" };
	struct report_section	*s;
	const struct deal_line	*d;
	const char		*row[4];
	char			 money[48], value[64], *head;
	size_t			 i;

	head = xasprintf("%s", deal_word_form(db, 1, 1));
	s = report_table(r, "deals", head, 4, cols, 0x8);
	free(head);
	head = xasprintf("No %s.", deal_word_form(db, 1, 0));
	report_empty(s, head);
	free(head);
	for (i = 0; i < sh->n_deals; i++) {
		d = &sh->deals[i];
		if (i >= PAGE_DEALS) {
			s->more++;
			continue;
		}
		value[0] = '\0';
		if (d->has_value && d->currency[0] != '\0') {
			money_format(d->value, d->currency, 1, money,
			    sizeof money);
			snprintf(value, sizeof value, "%s %s", d->currency,
			    money);
		}
		row[0] = d->title;
		row[1] = d->stage;
		row[2] = d->role;
		row[3] = value;
		report_row(s, row);
	}
}

static void
interactions(struct report *r, const struct sheet *sh)
{
	static const char *const cols[] = { "When", "Kind", "Summary" };
	struct report_section	*s;
	const struct interaction *in;
	const char		*row[3];
	size_t			 i;

	s = report_table(r, "interactions", "Latest interactions", 3, cols,
	    0);
	report_empty(s, "No interactions logged.");
	for (i = 0; i < sh->n_interactions; i++) {
		in = &sh->interactions[i];
		if (i >= PAGE_INTERACTIONS) {
			s->more = sh->n_interactions - i;
			break;
		}
		row[0] = in->at;
		row[1] = in->kind;
		row[2] = in->summary;
		report_row(s, row);
	}
}

/* Dated events other than the birthday, in the order kept. */
static void
dates(struct report *r, const struct contact *c, const char *today)
{
	struct report_section	*s;
	char			 day[64];
	size_t			 i;

	if (c->n_dates == 0)
		return;
	s = report_facts(r, "dates", "Key dates");
	for (i = 0; i < c->n_dates; i++) {
		day_text(c->dates[i].date, today, day, sizeof day);
		report_fact(s, c->dates[i].label, "%s", day);
	}
}

/* The notes, cut at a line (or a character) past PAGE_NOTES bytes. */
static void
notes(struct report *r, const char *text)
{
	struct report_section	*s;
	const char		*p;
	size_t			 len, cut, lines = 0;
	char			*kept;

	if (text == NULL)
		return;
	len = strlen(text);
	if (len <= PAGE_NOTES) {
		report_paragraph(r, "notes", "Notes", text);
		return;
	}
	cut = PAGE_NOTES;
	while (cut > 0 && text[cut] != '\n')
		cut--;
	if (cut == 0) {
		cut = PAGE_NOTES;
		while (cut > 0 && ((unsigned char)text[cut] & 0xc0) == 0x80)
			cut--;
	}
	for (p = text + cut; *p != '\0'; p++)
		lines += *p == '\n';
	if (text[cut] != '\n')
		lines++;	/* the rest of the line cut */
	kept = xasprintf("%.*s\n\u2026 %zu more line%s in kith show",
	    (int)cut, text, lines, lines == 1 ? "" : "s");
	s = report_paragraph(r, "notes", "Notes", kept);
	(void)s;
	free(kept);
}
