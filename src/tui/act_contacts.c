/* SPDX-License-Identifier: MIT */
/*
 * Actions on contacts: the add/edit form, linking two people, archiving,
 * deleting (asks first, naming the contact; No is the default) and the
 * notes in $EDITOR.  Each acts on the contact the contact pane shows
 * (rolodex_contact()), and each can be undone with u.
 */
#include <curses.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/db.h"
#include "kith/journal.h"
#include "kith/relation.h"
#include "kith/util.h"
#include "act.h"
#include "input.h"
#include "rolodex.h"
#include "tui.h"
#include "utf8.h"


static void	split_each(const char *, const char *, void (*)(struct contact *,
		    const char *, const struct contact *), struct contact *,
		    const struct contact *);
static void	add_email_kept(struct contact *, const char *,
		    const struct contact *);
static void	add_phone_kept(struct contact *, const char *,
		    const struct contact *);
static void	add_tag(struct contact *, const char *, const struct contact *);
static void	add_url_kept(struct contact *, const char *,
		    const struct contact *);
static char	*join_list(char **, size_t, size_t, const char *);
static int	birthday_field(struct app *, struct form *, struct contact *);
static void	contact_form_free(void *);
static int	contact_submit(struct app *, struct form *);
static int	link_kind_pick(struct app *, size_t, int64_t, void *);
static int	link_pick_other(struct app *, size_t, int64_t, void *);
static int	archive_yes(struct app *, size_t, int64_t, void *);
static int	delete_yes(struct app *, size_t, int64_t, void *);

enum {
	CF_NAME, CF_NICK, CF_TITLE, CF_ORG, CF_DEPARTMENT, CF_EMAILS, CF_PHONES, CF_TAGS,
	CF_STREET, CF_CITY, CF_POSTCODE, CF_COUNTRY, CF_WEB, CF_BIRTHDAY,
	CF_NOTES, CF__COUNT
};

/* Splits s at any of seps into trimmed, non-empty items; calls fn on each. */
static void
split_each(const char *s, const char *seps, void (*fn)(struct contact *,
    const char *, const struct contact *), struct contact *c,
    const struct contact *old)
{
	char	*copy, *p, *item, *end;

	if (s == NULL)
		return;
	copy = xstrdup(s);
	for (p = copy; p != NULL; p = end) {
		end = strpbrk(p, seps);
		if (end != NULL)
			*end++ = '\0';
		item = p;
		while (*item == ' ')
			item++;
		for (size_t n = strlen(item); n > 0 && item[n - 1] == ' '; n--)
			item[n - 1] = '\0';
		if (*item != '\0')
			fn(c, item, old);
	}
	free(copy);
}

static void
add_email_kept(struct contact *c, const char *addr, const struct contact *old)
{
	const char	*label = NULL;
	size_t		 i;

	for (i = 0; old != NULL && i < old->n_emails; i++)
		if (strcmp(old->emails[i].addr, addr) == 0)
			label = old->emails[i].label;
	contact_add_email(c, addr, label);
}

static void
add_phone_kept(struct contact *c, const char *raw, const struct contact *old)
{
	const char	*label = NULL;
	size_t		 i;

	for (i = 0; old != NULL && i < old->n_phones; i++)
		if (strcmp(old->phones[i].raw, raw) == 0)
			label = old->phones[i].label;
	contact_add_phone(c, raw, label);
}

static void
add_tag(struct contact *c, const char *tag, const struct contact *old)
{
	(void)old;
	contact_add_tag(c, tag);
}

static void
add_url_kept(struct contact *c, const char *url, const struct contact *old)
{
	const char	*label = NULL;
	size_t		 i;

	for (i = 0; old != NULL && i < old->n_urls; i++)
		if (strcmp(old->urls[i].value, url) == 0)
			label = old->urls[i].key;
	contact_add_url(c, url, label);
}

static char *
join_list(char **items, size_t n, size_t stride, const char *sep)
{
	struct sbuf	sb = { 0 };
	size_t		i;

	for (i = 0; i < n; i++) {
		const char *s = *(char **)((char *)items + i * stride);

		sbuf_printf(&sb, "%s%s", i ? sep : "", s);
	}
	return sbuf_detach(&sb);
}

/*
 * The birthday field into c, read as kith add --birthday reads it; 0 with
 * the form's error set if it is not a date.
 */
static int
birthday_field(struct app *app, struct form *f, struct contact *c)
{
	struct kith_err		 err = { 0 };
	struct kith_when	 w;
	const char		*s = form_value(f, CF_BIRTHDAY);

	if (str_empty(s)) {
		contact_set(&c->birthday, s);
		return 1;
	}
	if (app_date(app, s, KITH_DATE_ABSOLUTE, &w, &err) != KITH_OK) {
		form_error(f, "birthday: %s", err.msg);
		return 0;
	}
	contact_set(&c->birthday, w.date);
	return 1;
}

/*
 * What the contact form keeps from when it opened: the contact as read
 * (so that a change made meanwhile by another kith is seen on saving),
 * and whether its notes are left to $EDITOR.
 */
struct contact_form {
	struct contact	*base;		/* NULL when adding */
	int		 notes_locked;	/* several lines: not in the form */
};

static void
contact_form_free(void *arg)
{
	struct contact_form	*cf = arg;

	if (cf == NULL)
		return;
	contact_free(cf->base);
	free(cf);
}

static int
contact_submit(struct app *app, struct form *f)
{
	struct kith_err		 err = { 0 };
	struct contact		*c, *old = NULL;
	struct contact_address	 addr = { 0 };
	enum kith_status	 st;
	int64_t			 id = form_id(f);
	size_t			 i;
	struct contact_form	*cf = form_ctx(f);
	int			 had_notes_field = !cf->notes_locked;

	if (str_empty(form_value(f, CF_NAME))) {
		form_error(f, "a contact needs a name");
		return 0;
	}
	if (id != 0) {
		if (contact_get(app->db, id, &c, &err) != KITH_OK) {
			form_error(f, "%s", err.msg);
			return 0;
		}
		if (contact_get(app->db, id, &old, &err) != KITH_OK) {
			contact_free(c);
			form_error(f, "%s", err.msg);
			return 0;
		}
	} else
		c = contact_new();
	contact_rename(c, form_value(f, CF_NAME));
	contact_set(&c->nickname, form_value(f, CF_NICK));
	contact_set(&c->title, form_value(f, CF_TITLE));
	contact_set(&c->org, form_value(f, CF_ORG));
	contact_set(&c->department, form_value(f, CF_DEPARTMENT));
	if (id == 0)	/* as kith add: "Ana Petrović" is Ana, Petrović */
		contact_split_display(c);
	if (!birthday_field(app, f, c)) {
		contact_free(c);
		contact_free(old);
		return 0;
	}
	if (had_notes_field)
		contact_set(&c->notes, form_value(f, CF_NOTES));
	for (i = 0; i < c->n_emails; i++) {
		free(c->emails[i].addr);
		free(c->emails[i].label);
	}
	c->n_emails = 0;
	split_each(form_value(f, CF_EMAILS), ", ;", add_email_kept, c, old);
	for (i = 0; i < c->n_phones; i++) {
		free(c->phones[i].raw);
		free(c->phones[i].label);
	}
	c->n_phones = 0;
	split_each(form_value(f, CF_PHONES), ",;", add_phone_kept, c, old);
	for (i = 0; i < c->n_tags; i++)
		free(c->tags[i]);
	c->n_tags = 0;
	split_each(form_value(f, CF_TAGS), ",", add_tag, c, old);
	for (i = 0; i < c->n_urls; i++) {
		free(c->urls[i].key);
		free(c->urls[i].value);
	}
	c->n_urls = 0;
	split_each(form_value(f, CF_WEB), ", ", add_url_kept, c, old);
	for (i = 0; i < c->n_emails; i++)
		if (!contact_email_valid(c->emails[i].addr)) {
			form_error(f, "'%s' is not an e-mail address",
			    c->emails[i].addr);
			contact_free(c);
			contact_free(old);
			return 0;
		}
	/* The first address is the form's; the others are kept. */
	addr.street = (char *)form_value(f, CF_STREET);
	addr.city = (char *)form_value(f, CF_CITY);
	addr.postcode = (char *)form_value(f, CF_POSTCODE);
	addr.country = (char *)form_value(f, CF_COUNTRY);
	if (c->n_addrs > 0) {
		struct contact_address *a = &c->addrs[0];

		contact_set(&a->street, addr.street);
		contact_set(&a->city, addr.city);
		contact_set(&a->postcode, addr.postcode);
		contact_set(&a->country, addr.country);
	} else if (!str_empty(addr.street) || !str_empty(addr.city) ||
	    !str_empty(addr.postcode) || !str_empty(addr.country))
		contact_add_address(c, &addr);

	act_name(app, id != 0 ? "edit" : "add", "%s %s", id != 0 ? "edited" :
	    "added", c->display);
	st = id != 0 ? contact_save_edit(app->db, cf->base, c, &err) :
	    contact_insert(app->db, c, &err);
	if (st != KITH_OK) {
		form_error(f, "%s", err.msg);
		contact_free(c);
		contact_free(old);
		return 0;
	}
	act_said(app, "%s %s", id ? "Saved" : "Added", c->display);
	id = c->id;
	contact_free(c);
	contact_free(old);
	rolodex_jump(app->ro, id);
	return KITH_RELOAD | (form_id(f) == 0 ? KITH_RECOUNT : 0);
}

int
act_contact_form(struct rolodex *ro, int edit)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = NULL;
	struct contact_form *cf;
	struct form	*f;
	char		*s;
	int		 multiline_notes = 0;
	const struct contact_address *a = NULL;

	cf = xcalloc(1, sizeof *cf);
	if (edit) {
		if (rolodex_contact(ro) == 0) {
			app_message(ro->app, 1, "no contact selected");
			free(cf);
			return KITH_REDRAW;
		}
		if (contact_get(ro->db, rolodex_contact(ro), &c, &err)
		    != KITH_OK) {
			app_message(ro->app, 1, "%s", err.msg);
			free(cf);
			return KITH_REDRAW;
		}
		a = c->n_addrs > 0 ? &c->addrs[0] : NULL;
		multiline_notes = c->notes != NULL &&
		    strchr(c->notes, '\n') != NULL;
	}
	s = c != NULL ? xasprintf("Edit contact — %s", c->display) : NULL;
	f = form_new(s != NULL ? s : "Add contact", contact_submit,
	    c ? c->id : 0);
	free(s);
	form_field(f, "Name", FIELD_TEXT, c ? c->display : NULL);
	form_field(f, "Nickname", FIELD_TEXT, c ? c->nickname : NULL);
	form_field(f, "Title", FIELD_TEXT, c ? c->title : NULL);
	form_field(f, "Organisation", FIELD_TEXT, c ? c->org : NULL);
	form_field(f, "Department", FIELD_TEXT, c ? c->department : NULL);
	s = c && c->n_emails ? join_list((char **)(void *)c->emails, c->n_emails,
	    sizeof *c->emails, ", ") : NULL;
	form_field(f, "E-mails", FIELD_TEXT, s);
	free(s);
	s = c && c->n_phones ? join_list((char **)(void *)c->phones, c->n_phones,
	    sizeof *c->phones, ", ") : NULL;
	form_field(f, "Phones", FIELD_TEXT, s);
	free(s);
	s = c && c->n_tags ? join_list(c->tags, c->n_tags, sizeof *c->tags, ", ") : NULL;
	form_field(f, "Tags", FIELD_TEXT, s);
	free(s);
	form_field(f, "Street", FIELD_TEXT, a ? a->street : NULL);
	form_field(f, "City", FIELD_TEXT, a ? a->city : NULL);
	form_field(f, "Postcode", FIELD_TEXT, a ? a->postcode : NULL);
	form_field(f, "Country", FIELD_TEXT, a ? a->country : NULL);
	s = c != NULL && c->n_urls > 0 ? join_list((char **)(void *)
	    &c->urls[0].value, c->n_urls, sizeof *c->urls, " ") : NULL;
	form_field(f, "Web", FIELD_TEXT, s);
	free(s);
	form_field(f, "Birthday", FIELD_BIRTHDAY, c ? c->birthday : NULL);
	if (multiline_notes) {
		form_field(f, "Notes", FIELD_TEXT, "(several lines: E edits "
		    "them in $EDITOR)");
		cf->notes_locked = 1;
	} else {
		form_field(f, "Notes", FIELD_TEXT, c ? c->notes : NULL);
		form_lines(f, CF_NOTES);
	}
	form_hint(f, "lists: comma-separated  Tab/Up/Down: field  "
	    "Enter: save  Esc: cancel");
	cf->base = c;		/* the form owns it now */
	form_set_ctx(f, cf, contact_form_free);
	app_push(ro->app, form_screen(f));
	return KITH_REDRAW;
}


struct link_ctx {
	int64_t			 a, b;
	struct relation_kind	*kinds;
	size_t			 n;
};

static int
link_kind_pick(struct app *app, size_t idx, int64_t id, void *arg)
{
	struct link_ctx	*ctx = arg;
	struct kith_err	 err = { 0 };
	const char	*kind;
	char		*said = NULL;
	int64_t		 rid = 0;

	(void)id;
	if (idx == PICK_CANCEL) {
		relation_kinds_free(ctx->kinds, ctx->n);
		free(ctx);
		return 0;
	}
	/* Items list each kind, then each asymmetric kind's inverse. */
	kind = idx < ctx->n ? ctx->kinds[idx].name : NULL;
	if (kind == NULL) {
		size_t i, k = ctx->n;

		for (i = 0; i < ctx->n; i++) {
			if (strcmp(ctx->kinds[i].name, ctx->kinds[i].inverse)
			    == 0)
				continue;
			if (k++ == idx) {
				kind = ctx->kinds[i].inverse;
				break;
			}
		}
	}
	if (kind != NULL)
		act_name(app, "link", "linked %lld and %lld: %s",
		    (long long)ctx->a, (long long)ctx->b, kind);
	if (kind != NULL && relation_link(app->db, ctx->a, ctx->b, kind, NULL,
	    &rid, &err) != KITH_OK)
		app_message(app, 1, "%s", err.msg);
	else if (kind != NULL) {
		/* Both people named, as kith unlink names them. */
		if (relation_describe(app->db, rid, &said, &err) == KITH_OK)
			act_said(app, "Linked: %s", said);
		else
			act_said(app, "Linked: %s is %s the other",
			    rolodex_contact_name(app->ro), kind);
		free(said);
	}
	relation_kinds_free(ctx->kinds, ctx->n);
	free(ctx);
	return KITH_RELOAD;
}

static int
link_pick_other(struct app *app, size_t idx, int64_t other, void *arg)
{
	struct kith_err	 err = { 0 };
	struct link_ctx	*ctx = xcalloc(1, sizeof *ctx);
	const char	**items;
	size_t		 i, n = 0;
	struct screen	*s;

	if (idx == PICK_CANCEL) {
		free(ctx);
		return 0;
	}
	ctx->a = (int64_t)(intptr_t)arg;
	ctx->b = other;
	if (ctx->a == ctx->b) {
		app_message(app, 1, "a contact cannot be linked to itself");
		free(ctx);
		return KITH_REDRAW;
	}
	if (relation_kinds(app->db, &ctx->kinds, &ctx->n, &err) != KITH_OK) {
		app_message(app, 1, "%s", err.msg);
		free(ctx);
		return KITH_REDRAW;
	}
	items = xcalloc(ctx->n * 2 + 1, sizeof *items);
	for (i = 0; i < ctx->n; i++)
		items[n++] = ctx->kinds[i].name;
	for (i = 0; i < ctx->n; i++)
		if (strcmp(ctx->kinds[i].name, ctx->kinds[i].inverse) != 0)
			items[n++] = ctx->kinds[i].inverse;
	s = picker_new("The selected contact is … the other",
	    items, n, link_kind_pick, 0, ctx);
	free(items);
	app_push(app, s);
	return KITH_REDRAW;
}

int
act_link(struct rolodex *ro)
{
	char	*cut, *title;

	if (rolodex_contact(ro) == 0) {
		app_message(ro->app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	cut = u8_cut(rolodex_contact_name(ro), 50);
	title = xasprintf("Link %s to…", cut);
	app_push(ro->app, finder_new(title, link_pick_other, 0,
	    (void *)(intptr_t)rolodex_contact(ro)));
	free(title);
	free(cut);
	return KITH_REDRAW;
}


/* Whom a question is about, for the message after the answer. */
struct who {
	int	 flag;		/* archive: 1 archive, 0 unarchive */
	char	*name;
};

static struct who *
who_new(int flag, const char *name)
{
	struct who	*w = xcalloc(1, sizeof *w);

	w->flag = flag;
	w->name = xstrdup(name);
	return w;
}

static void
who_free(struct who *w)
{
	if (w != NULL)
		free(w->name);
	free(w);
}

static int
archive_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct kith_err	 err = { 0 };
	struct who	*w = ctx;
	int		 r = KITH_REDRAW;

	if (idx == PICK_CANCEL) {
		who_free(w);
		return 0;
	}
	act_name(app, w->flag ? "archive" : "unarchive", "%s %s",
	    w->flag ? "archived" : "unarchived", w->name);
	if (contact_archive(app->db, id, w->flag, &err) != KITH_OK)
		app_message(app, 1, "%s", err.msg);
	else {
		act_said(app, "%s %s", w->flag ? "Archived" : "Unarchived",
		    w->name);
		r = KITH_RELOAD | KITH_RECOUNT;
	}
	who_free(w);
	return r;
}

int
act_archive(struct rolodex *ro)
{
	char	*cut, *q;
	int	 to;

	if (rolodex_contact(ro) == 0) {
		app_message(ro->app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	to = !ro->contact->archived;
	cut = u8_cut(rolodex_contact_name(ro), 50);
	q = xasprintf("%s %s? (y/N)", to ? "Archive" : "Unarchive", cut);
	app_push(ro->app, confirm_new(q, archive_yes, rolodex_contact(ro),
	    who_new(to, rolodex_contact_name(ro))));
	free(q);
	free(cut);
	return KITH_REDRAW;
}

static int
delete_yes(struct app *app, size_t idx, int64_t id, void *ctx)
{
	struct kith_err	 err = { 0 };
	struct who	*w = ctx;
	int		 r = KITH_REDRAW;

	if (idx == PICK_CANCEL) {
		who_free(w);
		return 0;
	}
	act_name(app, "rm", "deleted %s (#%lld)", w->name, (long long)id);
	if (contact_delete(app->db, id, &err) != KITH_OK)
		app_message(app, 1, "%s", err.msg);
	else {
		act_said(app, "Deleted %s", w->name);
		r = KITH_RELOAD | KITH_RECOUNT;
	}
	who_free(w);
	return r;
}

int
act_delete(struct rolodex *ro)
{
	char	*cut, *q;

	if (rolodex_contact(ro) == 0) {
		app_message(ro->app, 1, "no contact selected");
		return KITH_REDRAW;
	}
	cut = u8_cut(rolodex_contact_name(ro), 50);
	q = xasprintf("Delete %s with their follow-ups and relationships? "
	    "(y/N)", cut);
	app_push(ro->app, confirm_new(q, delete_yes, rolodex_contact(ro),
	    who_new(0, rolodex_contact_name(ro))));
	free(q);
	free(cut);
	return KITH_REDRAW;
}

int
act_notes(struct rolodex *ro)
{
	struct kith_err	 err = { 0 };
	struct contact	*c, *base = NULL;
	const char	*editor;
	char		 path[] = "/tmp/kith-notes-XXXXXX";
	char		*cmd;
	struct sbuf	 sb = { 0 };
	char		 buf[4096];
	size_t		 n;
	FILE		*fp;
	int		 fd, rc;

	if (rolodex_contact(ro) == 0)
		return KITH_REDRAW;
	/* base: the contact as read, so a change made meanwhile is seen. */
	if (contact_get(ro->db, rolodex_contact(ro), &base, &err) != KITH_OK ||
	    contact_get(ro->db, rolodex_contact(ro), &c, &err) != KITH_OK) {
		app_message(ro->app, 1, "%s", err.msg);
		contact_free(base);
		return KITH_REDRAW;
	}
	if ((fd = mkstemp(path)) < 0 || (fp = fdopen(fd, "w")) == NULL) {
		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		app_message(ro->app, 1, "cannot create a temporary file");
		contact_free(base);
		contact_free(c);
		return KITH_REDRAW;
	}
	/* A text file: lines end in a newline, the last one too. */
	if (!str_empty(c->notes))
		fprintf(fp, "%s\n", c->notes);
	fclose(fp);
	if (str_empty(editor = getenv("VISUAL")) &&
	    str_empty(editor = getenv("EDITOR")))
		editor = "vi";
	cmd = xasprintf("%s '%s'", editor, path);
	input_stop();
	def_prog_mode();
	endwin();
	rc = system(cmd);
	reset_prog_mode();
	input_start();
	clearok(curscr, TRUE);
	free(cmd);
	if (rc != 0 || (fp = fopen(path, "r")) == NULL) {
		app_message(ro->app, 1, "the editor failed; notes unchanged");
		unlink(path);
		contact_free(base);
		contact_free(c);
		return KITH_REDRAW;
	}
	while ((n = fread(buf, 1, sizeof buf, fp)) > 0)
		sbuf_addn(&sb, buf, n);
	fclose(fp);
	while (sb.len > 0 && sb.s[sb.len - 1] == '\n')
		sb.s[--sb.len] = '\0';
	contact_set(&c->notes, sb.s);
	sbuf_free(&sb);
	act_name(ro->app, "edit", "edited the notes of %s", c->display);
	if (contact_save_edit(ro->db, base, c, &err) != KITH_OK)
		/* Whatever the reason, the user's text stays in its file. */
		app_message(ro->app, 1, "notes not saved, kept in %s: %s", path,
		    err.msg);
	else {
		unlink(path);
		act_said(ro->app, "Notes saved — %s", c->display);
	}
	contact_free(base);
	contact_free(c);
	return KITH_RELOAD;
}

