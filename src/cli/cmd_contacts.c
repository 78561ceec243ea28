/* SPDX-License-Identifier: MIT */
/*
 * Subcommands about contacts: add, edit, list, show, rm, link, unlink.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/import.h"
#include "kith/interaction.h"
#include "kith/phone.h"
#include "kith/relation.h"
#include "kith/search.h"
#include "kith/sheet.h"
#include "kith/strength_order.h"
#include "kith/text.h"
#include "kith/util.h"
#include "cli.h"

#define LIST_PAGE	512
#define LIST_FIRST	64	/* rows of kith list's first page: soon out */

enum {
	OPT_DB = CLI_OPT_DB, OPT_EMAIL, OPT_PHONE, OPT_ORG, OPT_TITLE, OPT_TAG,
	OPT_NOTE, OPT_BIRTHDAY, OPT_URL, OPT_NAME, OPT_RM_EMAIL, OPT_RM_PHONE,
	OPT_RM_TAG, OPT_TSV, OPT_ARCHIVED, OPT_ARCHIVE, OPT_UNARCHIVE, OPT_AS,
	OPT_KINDS, OPT_GIVEN, OPT_FAMILY, OPT_DEPARTMENT, OPT_DATE, OPT_RM_DATE,
	OPT_IM, OPT_RM_IM
};

/* add --force: add even if the e-mail or phone belongs to someone else. */
static int add_force;

static const struct option contact_opts[] = {
	{ "db",		required_argument,	NULL, OPT_DB },
	{ "help",	no_argument,		NULL, 'h' },
	{ "email",	required_argument,	NULL, OPT_EMAIL },
	{ "phone",	required_argument,	NULL, OPT_PHONE },
	{ "org",	required_argument,	NULL, OPT_ORG },
	{ "title",	required_argument,	NULL, OPT_TITLE },
	{ "tag",	required_argument,	NULL, OPT_TAG },
	{ "note",	required_argument,	NULL, OPT_NOTE },
	{ "birthday",	required_argument,	NULL, OPT_BIRTHDAY },
	{ "url",	required_argument,	NULL, OPT_URL },
	{ "name",	required_argument,	NULL, OPT_NAME },
	{ "given",	required_argument,	NULL, OPT_GIVEN },
	{ "family",	required_argument,	NULL, OPT_FAMILY },
	{ "rm-email",	required_argument,	NULL, OPT_RM_EMAIL },
	{ "rm-phone",	required_argument,	NULL, OPT_RM_PHONE },
	{ "rm-tag",	required_argument,	NULL, OPT_RM_TAG },
	{ "department",	required_argument,	NULL, OPT_DEPARTMENT },
	{ "date",	required_argument,	NULL, OPT_DATE },
	{ "rm-date",	required_argument,	NULL, OPT_RM_DATE },
	{ "im",		required_argument,	NULL, OPT_IM },
	{ "rm-im",	required_argument,	NULL, OPT_RM_IM },
	{ "force",	no_argument,		&add_force, 1 },
	{ NULL, 0, NULL, 0 }
};

static int	apply_opts(struct cli *, const struct cmd *, int, char **,
		    struct contact *, int);
static int	parse_birthday(const char *, char **);
static int	parse_day(const char *, const char *, char **);
static int	set_date(struct contact *, const char *);
static void	remove_date(struct contact *, const char *);
static void	add_im(struct contact *, const char *, int);
static void	remove_im(struct contact *, const char *);
static int	has_email(const struct contact *, const char *);
static int	has_phone(struct cli *, const struct contact *, const char *);
static void	remove_email(struct contact *, const char *);
static void	remove_phone(struct cli *, struct contact *, const char *);
static void	remove_tag(struct contact *, const char *);

/*
 * Parses the add/edit options of argv into c.  edit enables --name and the
 * --rm-* options, and disables --force, --given and --family.  Returns -1 if all went well, else an exit code.
 */
static int
apply_opts(struct cli *cli, const struct cmd *cmd, int argc, char **argv,
    struct contact *c, int edit)
{
	int	ch;

	while ((ch = cli_getopt(argc, argv, "h", contact_opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case 0:		/* --force */
			if (edit)
				return cli_usage(cmd);
			break;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_EMAIL:
			if (edit && has_email(c, optarg))
				cli_errorx("warning: the e-mail '%s' is there "
				    "already", optarg);
			else
				contact_add_email(c, optarg, NULL);
			break;
		case OPT_PHONE:
			if (edit && has_phone(cli, c, optarg))
				cli_errorx("warning: the phone '%s' is there "
				    "already", optarg);
			else
				contact_add_phone(c, optarg, NULL);
			break;
		case OPT_ORG:
			contact_set(&c->org, optarg);
			break;
		case OPT_TITLE:
			contact_set(&c->title, optarg);
			break;
		case OPT_TAG:
			contact_add_tag(c, optarg);
			break;
		case OPT_NOTE:
			contact_set(&c->notes, optarg);
			break;
		case OPT_BIRTHDAY:
			if (!parse_birthday(optarg, &c->birthday))
				return EXIT_BAD;
			break;
		case OPT_URL:
			contact_add_url(c, optarg, NULL);
			break;
		case OPT_GIVEN:
		case OPT_FAMILY:
			if (edit)
				return cli_usage(cmd);
			contact_set(ch == OPT_GIVEN ? &c->given : &c->family,
			    optarg);
			break;
		case OPT_NAME:
			if (!edit)
				return cli_usage(cmd);
			if (str_empty(optarg)) {
				cli_errorx("--name: a contact needs a name");
				return EXIT_BAD;
			}
			contact_rename(c, optarg);
			break;
		case OPT_RM_EMAIL:
			if (!edit)
				return cli_usage(cmd);
			remove_email(c, optarg);
			break;
		case OPT_RM_PHONE:
			if (!edit)
				return cli_usage(cmd);
			remove_phone(cli, c, optarg);
			break;
		case OPT_RM_TAG:
			if (!edit)
				return cli_usage(cmd);
			remove_tag(c, optarg);
			break;
		case OPT_DEPARTMENT:
			contact_set(&c->department, optarg);
			break;
		case OPT_DATE:
			if (!set_date(c, optarg))
				return EXIT_BAD;
			break;
		case OPT_IM:
			add_im(c, optarg, edit);
			break;
		case OPT_RM_DATE:
		case OPT_RM_IM:
			if (!edit)
				return cli_usage(cmd);
			if (ch == OPT_RM_DATE)
				remove_date(c, optarg);
			else
				remove_im(c, optarg);
			break;
		default:
			return cli_usage(cmd);
		}
	}
	return -1;
}

int
cmd_add(struct cli *cli, int argc, char **argv)
{
	const struct cmd	*cmd = cli_find("add");
	struct kith_err		 err = { 0 };
	struct contact_clash	 clash = { 0 };
	struct contact		*c;
	int			 rc;

	c = contact_new();
	add_force = 0;
	if ((rc = apply_opts(cli, cmd, argc, argv, c, 0)) != -1)
		goto out;
	if (optind != argc - 1) {
		rc = cli_usage(cmd);
		goto out;
	}
	contact_set(&c->display, argv[optind]);
	/* "Ana Petrović" is Ana Petrović unless the user said otherwise. */
	if (c->given == NULL && c->family == NULL)
		contact_split_display(c);
	rc = EXIT_BAD;
	if (!cli_open(cli))
		goto out;
	if (contact_find_clash(cli->db, c, &clash, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	if (clash.id != 0) {
		fprintf(stderr, "%s: %s: the %s ", cli->prog,
		    add_force ? "warning" : "not added", clash.field);
		out_text(stderr, clash.value);
		fputs(" belongs to ", stderr);
		out_text(stderr, clash.name);
		fprintf(stderr, " (id %lld)\n", (long long)clash.id);
		if (!add_force) {
			fprintf(stderr, "To change that contact: %s edit %lld "
			    "...; to add another contact anyway: %s add "
			    "--force ...\n", cli->prog, (long long)clash.id,
			    cli->prog);
			goto out;
		}
	}
	cli_act_name(cli, "add", "added %s", c->display);
	if (contact_insert(cli->db, c, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	printf("added %lld ", (long long)c->id);
	out_text(stdout, c->display);
	putchar('\n');
	rc = EXIT_OK;
out:
	contact_clash_free(&clash);
	contact_free(c);
	return rc;
}

/* Has c the e-mail addr (without case)? */
static int
has_email(const struct contact *c, const char *addr)
{
	size_t	i;

	for (i = 0; i < c->n_emails; i++)
		if (strcasecmp(c->emails[i].addr, addr) == 0)
			return 1;
	return 0;
}

/*
 * Has c, a stored contact (the database is open), the phone raw however
 * written (as remove_phone compares)?
 */
static int
has_phone(struct cli *cli, const struct contact *c, const char *raw)
{
	size_t	i;

	for (i = 0; i < c->n_phones; i++)
		if (phone_same(c->phones[i].raw, raw, phone_region(cli->db)))
			return 1;
	return 0;
}

static void
remove_email(struct contact *c, const char *addr)
{
	size_t	i;

	for (i = 0; i < c->n_emails; i++) {
		if (strcasecmp(c->emails[i].addr, addr) != 0)
			continue;
		free(c->emails[i].addr);
		free(c->emails[i].label);
		memmove(&c->emails[i], &c->emails[i + 1],
		    (c->n_emails - i - 1) * sizeof c->emails[0]);
		c->n_emails--;
		return;
	}
	cli_errorx("warning: no e-mail '%s' to remove", addr);
}

/* Removes the first phone of c that raw names (phone.h). */
static void
remove_phone(struct cli *cli, struct contact *c, const char *raw)
{
	size_t	i;

	for (i = 0; i < c->n_phones; i++) {
		if (!phone_same(c->phones[i].raw, raw, phone_region(cli->db)) &&
		    !phone_matches(raw, c->phones[i].raw,
		    phone_region(cli->db)))
			continue;
		free(c->phones[i].raw);
		free(c->phones[i].label);
		memmove(&c->phones[i], &c->phones[i + 1],
		    (c->n_phones - i - 1) * sizeof c->phones[0]);
		c->n_phones--;
		return;
	}
	cli_errorx("warning: no phone '%s' to remove", raw);
}

static void
remove_tag(struct contact *c, const char *tag)
{
	size_t	i;

	for (i = 0; i < c->n_tags; i++) {
		if (strcasecmp(c->tags[i], tag) != 0)
			continue;
		free(c->tags[i]);
		memmove(&c->tags[i], &c->tags[i + 1],
		    (c->n_tags - i - 1) * sizeof c->tags[0]);
		c->n_tags--;
		return;
	}
	cli_errorx("warning: no tag '%s' to remove", tag);
}

int
cmd_edit(struct cli *cli, int argc, char **argv)
{
	const struct cmd	*cmd = cli_find("edit");
	struct kith_err		 err = { 0 };
	struct contact		*c = NULL, *base = NULL;
	int64_t			 id;
	int			 i, rc;

	/* Find the contact first: the options apply to what is stored. */
	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--help") == 0 || strcmp(argv[i], "-h") == 0) {
			cli_help(cmd);
			return EXIT_OK;
		}
		if (strcmp(argv[i], "--db") == 0 && i + 1 < argc)
			cli->db_path = argv[++i];
		else if (strncmp(argv[i], "--db=", 5) == 0)
			cli->db_path = argv[i] + 5;
		else if (argv[i][0] == '-' && argv[i][1] == '-' &&
		    strchr(argv[i], '=') == NULL)
			i++;	/* every other option takes a value */
		else if (argv[i][0] != '-')
			break;
	}
	if (i >= argc)
		return cli_usage(cmd);
	if (!cli_open(cli) || !cli_resolve(cli, argv[i], &id))
		return EXIT_BAD;
	/* base: the contact as read, for contact_save_edit's check. */
	if (contact_get(cli->db, id, &base, &err) != KITH_OK ||
	    contact_get(cli->db, id, &c, &err) != KITH_OK) {
		cli_error(&err);
		contact_free(base);
		return EXIT_BAD;
	}
	if ((rc = apply_opts(cli, cmd, argc, argv, c, 1)) != -1)
		goto out;
	if (optind != argc - 1) {
		rc = cli_usage(cmd);
		goto out;
	}
	if (contact_changed(base, c) == NULL) {
		printf("nothing to change for %lld ", (long long)c->id);
		out_text(stdout, c->display);
		putchar('\n');
		rc = EXIT_OK;
		goto out;
	}
	rc = EXIT_BAD;
	cli_act_name(cli, "edit", "edited %s (#%lld)", c->display,
	    (long long)c->id);
	if (contact_save_edit(cli->db, base, c, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	printf("updated %lld ", (long long)c->id);
	out_text(stdout, c->display);
	putchar('\n');
	rc = EXIT_OK;
out:
	contact_free(base);
	contact_free(c);
	return rc;
}

/* One row of kith list; strength >= 0: shown before the name. */
static void
list_row(const struct search_row *r, int tsv, int strength)
{
	if (tsv) {
		printf("%lld\t", (long long)r->id);
		out_tsv(stdout, r->name);
		putchar('\t');
		out_tsv(stdout, r->email);
		putchar('\t');
		out_tsv(stdout, r->phone);
		putchar('\t');
		out_tsv(stdout, r->org);
		putchar('\n');
		return;
	}
	printf("%6lld %c ", (long long)r->id, r->overdue ? '!' : ' ');
	if (strength >= 0)
		printf("%3d ", strength);
	out_pad(stdout, r->name, 28);
	putchar(' ');
	out_pad(stdout, r->org, 22);
	putchar(' ');
	out_text(stdout, r->email ? r->email : r->phone);
	if (r->matched != NULL) {
		/* Found by something other than the name. */
		printf("  (%s: ", r->matched);
		out_text(stdout, r->match_text);
		putchar(')');
	}
	putchar('\n');
}

/*
 * When no contact has the words of query, the contacts a lookup of it
 * would take (contact_resolve: the loose matcher's last say, a title or
 * a sound-alike), so that list never shows less than rm would act on;
 * archived ones only with archived, as list's own.  Sets *any if there
 * are some.
 */
static int
list_as_lookup(struct cli *cli, const char *query, int archived, int tsv,
    int *any)
{
	struct kith_err		 err = { 0 };
	struct contact_ref	*refs = NULL;
	struct contact		*c;
	struct search_row	 r;
	enum kith_status	 st;
	int64_t			 id, *ids;
	size_t			 n = 0, i, k = 0;
	int			 said = 0;

	st = contact_resolve(cli->db, query, &id, &refs, &n, LIST_FIRST,
	    &err);
	if (st == KITH_NOTFOUND)
		return EXIT_OK;
	if (st != KITH_OK && st != KITH_AMBIGUOUS) {
		cli_error(&err);
		return EXIT_BAD;
	}
	ids = xcalloc(n + 1, sizeof *ids);
	if (st == KITH_OK)
		ids[k++] = id;
	for (i = 0; st == KITH_AMBIGUOUS && i < n; i++)
		ids[k++] = refs[i].id;
	contact_refs_free(refs, n);
	for (i = 0; i < k; i++) {
		if (contact_get(cli->db, ids[i], &c, &err) != KITH_OK) {
			cli_error(&err);
			free(ids);
			return EXIT_BAD;
		}
		if (!c->archived || archived) {
			if (!said++)
				out_textf(stderr, "no contact has the words "
				    "'%s'; a lookup of it takes %s:\n", query,
				    k == 1 ? "this contact" : "one of these");
			memset(&r, 0, sizeof r);
			r.id = c->id;
			r.name = c->display;
			r.org = c->org;
			r.email = c->n_emails > 0 ? c->emails[0].addr : NULL;
			list_row(&r, tsv, -1);
			*any = 1;
		}
		contact_free(c);
	}
	free(ids);
	return EXIT_OK;
}

/*
 * kith list --sort strength: the order of strength_order.h (ids and
 * scores), printed a page of rows at a time.
 */
static int
list_by_strength(struct cli *cli, const char *query, int archived, int tsv,
    int *any)
{
	struct strength_rank	*ranks = NULL;
	struct search_row	*rows;
	struct kith_err		 err = { 0 };
	int64_t			 ids[LIST_PAGE];
	size_t			 n, i, j, k, end, got;

	if (strength_order_list(cli->db, query, archived, &ranks, &n, &err)
	    != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	for (i = 0; i < n; i = end) {
		end = n - i > LIST_PAGE ? i + LIST_PAGE : n;
		for (k = i; k < end; k++)
			ids[k - i] = ranks[k].id;
		if (search_rows_get(cli->db, query, ids, end - i, &rows, &got,
		    &err) != KITH_OK) {
			cli_error(&err);
			free(ranks);
			return EXIT_BAD;
		}
		/* In the order of ids, less any contact gone meanwhile. */
		for (j = 0, k = i; j < got; j++, k++) {
			while (ranks[k].id != rows[j].id)
				k++;
			*any = 1;
			list_row(&rows[j], tsv, ranks[k].score);
		}
		search_rows_free(rows, got);
		fflush(stdout);
	}
	free(ranks);
	return EXIT_OK;
}

int
cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tsv",	no_argument,		NULL, 0 },
		{ "archived",	no_argument,		NULL, 0 },
		{ "in-deal",	no_argument,		NULL, 0 },
		{ "sort",	required_argument,	NULL, 0 },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("list");
	struct search_list	*list = NULL;
	struct search_row	*rows;
	struct kith_err		 err = { 0 };
	struct sbuf		 query = { 0 };
	size_t			 n, i, page = LIST_FIRST;
	long			 pending;
	int			 flags[6] = { 0 }, rc, any = 0, words, ch, idx;
	int			 by_strength = 0, more;

	while ((ch = cli_getopt(argc, argv, "h", opts, &idx)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case 0:
			if (idx != 3) {
				flags[idx] = 1;
				break;
			}
			if (strcmp(optarg, "strength") == 0)
				by_strength = 1;
			else if (strcmp(optarg, "name") == 0)
				by_strength = 0;
			else {
				out_textf(stderr, "kith list: --sort '%s': "
				    "expected strength or name\n", optarg);
				return cli_usage(cmd);
			}
			break;
		default:
			return cli_usage(cmd);
		}
	}
	/* --in-deal is the query's in:deal (search.h). */
	if (flags[2])
		sbuf_add(&query, "in:deal");
	words = optind < argc;
	for (; optind < argc; optind++) {
		if (query.len > 0)
			sbuf_addc(&query, ' ');
		sbuf_add(&query, argv[optind]);
	}
	if (!cli_open(cli)) {
		sbuf_free(&query);
		return EXIT_BAD;
	}
	/* A bulk import still indexing: its contacts are not found yet. */
	if (query.len > 0 && import_search_pending(cli->db, &pending, &err)
	    == KITH_OK && pending > 0)
		fprintf(stderr, "kith: %ld contacts just imported are not in "
		    "the search index yet (an import is indexing them): a "
		    "query finds them once it is done\n", pending);
	rc = EXIT_OK;
	if (by_strength) {
		rc = list_by_strength(cli, query.s, flags[1], flags[0], &any);
		goto done;
	}
	/* Streamed a page at a time, the TUI's list's own planner. */
	if (search_list_new(cli->db, query.s, flags[1], &list, &err) !=
	    KITH_OK) {
		cli_error(&err);
		sbuf_free(&query);
		return EXIT_BAD;
	}
	do {
		if (search_list_next(list, page, &rows, &n, &err) !=
		    KITH_OK) {
			cli_error(&err);
			rc = EXIT_BAD;
			break;
		}
		for (i = 0; i < n; i++) {
			any = 1;
			list_row(&rows[i], flags[0], -1);
		}
		search_rows_free(rows, n);
		fflush(stdout);
		more = n == page;
		page = LIST_PAGE;
	} while (more);
	search_list_free(list);
	if (rc == EXIT_OK && !any && words && !flags[2] &&
	    strstr(query.s, "in:") == NULL)
		rc = list_as_lookup(cli, query.s, flags[1], flags[0],
		    &any);
done:
	if (rc == EXIT_OK && !any && !flags[0] && words)
		out_textf(stderr, "no contact matches '%s'\n", query.s);
	sbuf_free(&query);
	return rc;
}

static void
show_line(const char *label, const char *value)
{
	if (str_empty(value))
		return;
	printf("%-10s ", label);
	out_text(stdout, value);
	putchar('\n');
}

/* Notes keep their line breaks, each line indented under the label. */
static void
show_block(const char *label, const char *value)
{
	const char	*nl;

	if (str_empty(value))
		return;
	printf("%-10s ", label);
	while ((nl = strchr(value, '\n')) != NULL) {
		char *line = xstrndup(value, (size_t)(nl - value));

		out_text(stdout, line);
		free(line);
		printf("\n%-10s ", "");
		value = nl + 1;
	}
	out_text(stdout, value);
	putchar('\n');
}

/* Renders the core's contact sheet (sheet.h). */
int
cmd_show(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("show");
	struct kith_err		 err = { 0 };
	struct sheet		*sh = NULL;
	const struct contact	*c;
	const struct relation	*rel;
	struct sbuf		 sb = { 0 };
	size_t			 i;
	int64_t			 id;
	int			 flags[2] = { 0 }, rc;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (optind != argc - 1)
		return cli_usage(cmd);
	if (!cli_open(cli) || !cli_resolve(cli, argv[optind], &id))
		return EXIT_BAD;
	if (sheet_load(cli->db, id, SHEET_INTERACTIONS, &sh, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	c = sh->contact;

	out_text(stdout, c->display);
	if (sh->headline != NULL) {
		fputs(" — ", stdout);
		out_text(stdout, sh->headline);
	}
	printf("%s\n", c->archived ? "  (archived)" : "");
	printf("%-10s %lld\n", "id", (long long)c->id);
	show_line("nickname", c->nickname);
	show_line("aka", sh->aliases);
	for (i = 0; i < c->n_emails; i++) {
		sbuf_reset(&sb);
		sbuf_add(&sb, c->emails[i].addr);
		if (c->emails[i].label != NULL)
			sbuf_printf(&sb, " (%s)", c->emails[i].label);
		show_line(i == 0 ? "e-mail" : "", sb.s);
	}
	for (i = 0; i < c->n_phones; i++) {
		sbuf_reset(&sb);
		sbuf_add(&sb, c->phones[i].raw);
		if (c->phones[i].label != NULL)
			sbuf_printf(&sb, " (%s)", c->phones[i].label);
		show_line(i == 0 ? "phone" : "", sb.s);
	}
	for (i = 0; i < sh->n_addresses; i++) {
		sbuf_reset(&sb);
		sbuf_add(&sb, sh->addresses[i]);
		if (c->addrs[i].label != NULL)
			sbuf_printf(&sb, " (%s)", c->addrs[i].label);
		show_line(i == 0 ? "address" : "", sb.s);
	}
	for (i = 0; i < c->n_urls; i++)
		show_line(i == 0 ? "web" : "", c->urls[i].value);
	for (i = 0; i < sh->n_ims; i++)
		show_line(i == 0 ? "messaging" : "", sh->ims[i]);
	show_line("birthday", sh->birthday);
	for (i = 0; i < sh->n_dates; i++)
		show_line(i == 0 ? "dates" : "", sh->dates[i]);
	show_line("tags", sh->tags);
	for (i = 0; i < c->n_custom; i++) {
		sbuf_reset(&sb);
		sbuf_printf(&sb, "%s: %s", c->custom[i].key,
		    c->custom[i].value);
		show_line(i == 0 ? "other" : "", sb.s);
	}
	show_block("notes", c->notes);

	if (sh->n_relations > 0)
		printf("\nRelationships\n");
	for (i = 0; i < sh->n_relations; i++) {
		rel = sh->rel_lines[i].rel;
		printf("  ");
		out_text(stdout, sh->rel_lines[i].text);
		printf("  [%lld]", (long long)rel->id);
		if (rel->note != NULL) {
			fputs("  ", stdout);
			out_text(stdout, rel->note);
		}
		putchar('\n');
	}
	if (sh->n_deals > 0)
		printf("\n%s\n", cli_deal_word(cli, 1, 1));
	for (i = 0; i < sh->n_deals; i++) {
		printf("  %4lld  ", (long long)sh->deals[i].id);
		out_pad(stdout, sh->deals[i].title, 30);
		putchar(' ');
		out_pad(stdout, sh->deals[i].role ? sh->deals[i].role : "",
		    16);
		putchar(' ');
		out_text(stdout, sh->deals[i].stage);
		/* Marked as kith deal list and the TUI's pane mark it. */
		fputs(sh->deals[i].stalled ? " (stalled)\n" : "\n", stdout);
	}
	cli_print_followups(sh->followups, sh->n_followups, 0);
	cli_print_interactions(sh->interactions, sh->n_interactions);
	sbuf_free(&sb);
	sheet_free(sh);
	return EXIT_OK;
}

/* Most contacts one kith rm --all-matching deletes. */
#define RM_MAX	1000

/*
 * The contacts rm acts on: one, or with all every match of an ambiguous
 * query.  Prints why on failure and returns 0.
 */
static int
rm_targets(struct cli *cli, const char *what, int all, int64_t **ids,
    size_t *n)
{
	struct contact_ref	*cands = NULL;
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	size_t			 nc = 0, i;
	int64_t			 id;

	*ids = NULL;
	*n = 0;
	if (!all) {
		if (!cli_resolve(cli, what, &id))
			return 0;
		*ids = xmalloc(sizeof **ids);
		(*ids)[(*n)++] = id;
		return 1;
	}
	st = contact_resolve(cli->db, what, &id, &cands, &nc, RM_MAX + 1, &err);
	if (st == KITH_OK) {
		*ids = xmalloc(sizeof **ids);
		(*ids)[(*n)++] = id;
	} else if (st == KITH_AMBIGUOUS && nc <= RM_MAX) {
		*ids = xreallocarray(NULL, nc, sizeof **ids);
		for (i = 0; i < nc; i++)
			(*ids)[(*n)++] = cands[i].id;
	} else if (st == KITH_AMBIGUOUS)
		cli_errorx("'%s' matches more than %d contacts; narrow it",
		    what, RM_MAX);
	else
		cli_error(&err);
	contact_refs_free(cands, nc);
	return *n > 0;
}

int
cmd_rm(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "archive",	no_argument,		NULL, 0 },
		{ "unarchive",	no_argument,		NULL, 0 },
		{ "yes",	no_argument,		NULL, 0 },
		{ "all-matching", no_argument,		NULL, 0 },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("rm");
	struct kith_err		 err = { 0 };
	struct contact		*c = NULL;
	const char		*verb;
	char			**names = NULL, *q;
	int64_t			*ids = NULL;
	size_t			 n = 0, i;
	int			 flags[6] = { 0 }, rc, ok;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (optind != argc - 1 || (flags[0] && flags[1]))
		return cli_usage(cmd);
	if (!cli_open(cli) || !rm_targets(cli, argv[optind], flags[3], &ids,
	    &n))
		return EXIT_BAD;
	rc = EXIT_BAD;
	verb = flags[0] ? "archived" : flags[1] ? "unarchived" : "deleted";
	names = xreallocarray(NULL, n, sizeof *names);
	for (i = 0; i < n; i++) {
		if (contact_get(cli->db, ids[i], &c, &err) != KITH_OK) {
			cli_error(&err);
			n = i;
			goto out;
		}
		names[i] = xstrdup(c->display ? c->display : "");
		contact_free(c);
	}
	if (!flags[0] && !flags[1] && !flags[2]) {
		/* Name what goes before asking. */
		fprintf(stderr, "kith rm deletes %s, with %s e-mails, phones, "
		    "follow-ups, relationships\nand interactions:\n",
		    n == 1 ? "this contact" : "these contacts",
		    n == 1 ? "its" : "their");
		for (i = 0; i < n; i++) {
			fprintf(stderr, "  %6lld  ", (long long)ids[i]);
			out_text(stderr, names[i]);
			fputc('\n', stderr);
		}
		q = n == 1 ? xstrdup("Delete it?") :
		    xasprintf("Delete these %zu contacts?", n);
		ok = cli_confirm(0, "rm", q);
		free(q);
		if (!ok)
			goto out;
	}
	if (!cli_act_begin(cli))
		goto out;
	for (i = 0; i < n; i++) {
		if ((flags[0] || flags[1] ? contact_archive(cli->db, ids[i],
		    flags[0], &err) : contact_delete(cli->db, ids[i], &err))
		    != KITH_OK) {
			cli_error(&err);
			cli_act_abort(cli);
			goto out;
		}
	}
	if (!(n == 1 ? cli_act_commit(cli, "rm", "%s %s (#%lld)", verb,
	    names[0], (long long)ids[0]) : cli_act_commit(cli, "rm",
	    "%s %zu contacts: %s (#%lld), ...", verb, n, names[0],
	    (long long)ids[0])))
		goto out;
	for (i = 0; i < n; i++) {
		printf("%s %lld ", verb, (long long)ids[i]);
		out_text(stdout, names[i]);
		putchar('\n');
	}
	rc = EXIT_OK;
out:
	for (i = 0; i < n; i++)
		free(names[i]);
	free(names);
	free(ids);
	return rc;
}

int
cmd_link(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "as",		required_argument,	NULL, OPT_AS },
		{ "note",	required_argument,	NULL, OPT_NOTE },
		{ "kinds",	no_argument,		NULL, OPT_KINDS },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("link");
	struct relation_kind	*kinds;
	struct kith_err		 err = { 0 };
	const char		*kind = NULL, *note = NULL;
	char			*na, *nb;
	int64_t			 a, b, rid;
	size_t			 n, i;
	int			 ch, list = 0;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_AS:
			kind = optarg;
			break;
		case OPT_NOTE:
			note = optarg;
			break;
		case OPT_KINDS:
			list = 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (list) {
		cli->access = CLI_READ;
		if (!cli_open(cli))
			return EXIT_BAD;
		if (relation_kinds(cli->db, &kinds, &n, &err) != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
		for (i = 0; i < n; i++) {
			/* Names are data: inert, as list --tsv's. */
			out_tsv(stdout, kinds[i].name);
			putchar('\t');
			out_tsv(stdout, kinds[i].inverse);
			putchar('\n');
		}
		relation_kinds_free(kinds, n);
		return EXIT_OK;
	}
	if (optind != argc - 2 || kind == NULL)
		return cli_usage(cmd);
	if (!cli_open(cli) || !cli_resolve(cli, argv[optind], &a) ||
	    !cli_resolve(cli, argv[optind + 1], &b))
		return EXIT_BAD;
	na = cli_contact_name(cli, a);
	nb = cli_contact_name(cli, b);
	cli_act_name(cli, "link", "linked %s and %s as %s", na, nb, kind);
	free(na);
	free(nb);
	if (relation_link(cli->db, a, b, kind, note, &rid, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	printf("linked %lld\n", (long long)rid);
	return EXIT_OK;
}

int
cmd_unlink(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("unlink");
	struct kith_err		 err = { 0 };
	char			*what = NULL;
	int64_t			 id;
	int			 flags[2] = { 0 }, rc;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (optind != argc - 1)
		return cli_usage(cmd);
	if (!cli_parse_id(argv[optind], "relationship id", &id) ||
	    !cli_open(cli))
		return EXIT_BAD;
	if (!cli_act_begin(cli))
		return EXIT_BAD;
	/* Named before it goes: an id mistyped shows whose link it was. */
	if (relation_describe(cli->db, id, &what, &err) != KITH_OK ||
	    relation_unlink(cli->db, id, &err) != KITH_OK) {
		cli_error(&err);
		cli_act_abort(cli);
		free(what);
		return EXIT_BAD;
	}
	rc = cli_act_commit(cli, "unlink", "removed relationship #%lld: %s",
	    (long long)id, what);
	if (rc)
		out_textf(stdout, "unlinked %lld: %s\n", (long long)id, what);
	free(what);
	return rc ? EXIT_OK : EXIT_BAD;
}

/*
 * --birthday as a person writes it (24/12/1980, 24 Dec 1980, 1980-12-24,
 * or 24 Dec without the year); empty clears it.  Prints why not and
 * returns 0.
 */
static int
parse_birthday(const char *s, char **field)
{
	if (str_empty(s)) {
		contact_set(field, s);
		return 1;
	}
	return parse_day("--birthday", s, field);
}

/*
 * A day as a person writes it, through the one date parser (a year-less
 * one kept as --MM-DD), into *field; opt names the option in the message.
 * Prints why not and returns 0.
 */
static int
parse_day(const char *opt, const char *s, char **field)
{
	struct kith_err		err = { 0 };
	struct kith_when	w;

	if (when_parse(s, 0, KITH_DATE_ABSOLUTE |
	    date_order_flags(getenv("KITH_DATE_ORDER"), NULL), &w, &err)
	    != KITH_OK) {
		cli_errorx("%s: %s", opt, err.msg);
		return 0;
	}
	contact_set(field, w.date);
	return 1;
}

/*
 * --date LABEL=DATE (DATE alone: the anniversary): sets the dated event
 * of that label (compared without case), adding it if c has none.
 * Prints why not and returns 0.
 */
static int
set_date(struct contact *c, const char *arg)
{
	const char	*eq = strrchr(arg, '=');
	char		*label, *date = NULL;
	size_t		 i;
	int		 ok;

	label = eq != NULL ? xstrndup(arg, (size_t)(eq - arg)) :
	    xstrdup("anniversary");
	if (str_empty(label)) {
		cli_errorx("--date: '%s': name the date, as in "
		    "anniversary=28/6/2010", arg);
		free(label);
		return 0;
	}
	if ((ok = parse_day("--date", eq != NULL ? eq + 1 : arg, &date))) {
		for (i = 0; i < c->n_dates; i++)
			if (c->dates[i].label != NULL &&
			    strcasecmp(c->dates[i].label, label) == 0)
				break;
		if (i < c->n_dates)
			contact_set(&c->dates[i].date, date);
		else
			contact_add_date(c, label, date);
	}
	free(label);
	free(date);
	return ok;
}

/* Removes the dated events of c labelled label (without case). */
static void
remove_date(struct contact *c, const char *label)
{
	size_t	i, n = 0;

	for (i = 0; i < c->n_dates;) {
		if (c->dates[i].label == NULL ||
		    strcasecmp(c->dates[i].label, label) != 0) {
			i++;
			continue;
		}
		free(c->dates[i].label);
		free(c->dates[i].date);
		memmove(&c->dates[i], &c->dates[i + 1],
		    (c->n_dates - i - 1) * sizeof c->dates[0]);
		c->n_dates--;
		n++;
	}
	if (n == 0)
		cli_errorx("warning: no date '%s' to remove", label);
}

/*
 * --im SERVICE:HANDLE, or HANDLE alone: the text before the first ":" is
 * the service.  On edit a handle c has already is not added twice.
 */
static void
add_im(struct contact *c, const char *arg, int edit)
{
	const char	*colon = strchr(arg, ':'), *handle;
	char		*service = NULL;
	size_t		 i;

	handle = colon != NULL ? colon + 1 : arg;
	if (colon != NULL)
		service = xstrndup(arg, (size_t)(colon - arg));
	for (i = 0; edit && i < c->n_ims; i++)
		if (strcasecmp(c->ims[i].handle, handle) == 0)
			break;
	if (edit && i < c->n_ims)
		cli_errorx("warning: the handle '%s' is there already",
		    handle);
	else
		contact_add_im(c, service, handle, NULL);
	free(service);
}

/* Removes the handle (HANDLE or SERVICE:HANDLE, without case). */
static void
remove_im(struct contact *c, const char *arg)
{
	const char	*colon = strchr(arg, ':');
	size_t		 i, k;

	for (k = 0; k < 2; k++) {
		for (i = 0; i < c->n_ims; i++) {
			if (strcasecmp(c->ims[i].handle, k == 0 || colon ==
			    NULL ? arg : colon + 1) != 0)
				continue;
			free(c->ims[i].service);
			free(c->ims[i].handle);
			free(c->ims[i].label);
			memmove(&c->ims[i], &c->ims[i + 1],
			    (c->n_ims - i - 1) * sizeof c->ims[0]);
			c->n_ims--;
			return;
		}
	}
	cli_errorx("warning: no messaging handle '%s' to remove", arg);
}
