/* SPDX-License-Identifier: MIT */
/*
 * Subcommands about contacts: add, edit, list, show, rm, link, unlink.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/contact.h"
#include "kith/db.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/relation.h"
#include "kith/search.h"
#include "kith/text.h"
#include "kith/util.h"
#include "cli.h"

#define LIST_PAGE	512

enum {
	OPT_DB = CLI_OPT_DB, OPT_EMAIL, OPT_PHONE, OPT_ORG, OPT_TITLE, OPT_TAG,
	OPT_NOTE, OPT_BIRTHDAY, OPT_URL, OPT_NAME, OPT_RM_EMAIL, OPT_RM_PHONE,
	OPT_RM_TAG, OPT_TSV, OPT_ARCHIVED, OPT_ARCHIVE, OPT_UNARCHIVE, OPT_AS,
	OPT_KINDS
};

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
	{ "rm-email",	required_argument,	NULL, OPT_RM_EMAIL },
	{ "rm-phone",	required_argument,	NULL, OPT_RM_PHONE },
	{ "rm-tag",	required_argument,	NULL, OPT_RM_TAG },
	{ NULL, 0, NULL, 0 }
};

static int	apply_opts(struct cli *, const struct cmd *, int, char **,
		    struct contact *, int);
static void	remove_email(struct contact *, const char *);
static void	remove_phone(struct contact *, const char *);
static void	remove_tag(struct contact *, const char *);

/*
 * Parses the add/edit options of argv into c.  edit enables --name and the
 * --rm-* options.  Returns -1 if all went well, else an exit code.
 */
static int
apply_opts(struct cli *cli, const struct cmd *cmd, int argc, char **argv,
    struct contact *c, int edit)
{
	int	ch;

	while ((ch = getopt_long(argc, argv, "h", contact_opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_EMAIL:
			contact_add_email(c, optarg, NULL);
			break;
		case OPT_PHONE:
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
			contact_set(&c->birthday, optarg);
			break;
		case OPT_URL:
			contact_add_url(c, optarg, NULL);
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
			remove_phone(c, optarg);
			break;
		case OPT_RM_TAG:
			if (!edit)
				return cli_usage(cmd);
			remove_tag(c, optarg);
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
	struct contact		*c;
	int			 rc;

	c = contact_new();
	if ((rc = apply_opts(cli, cmd, argc, argv, c, 0)) != -1)
		goto out;
	if (optind != argc - 1) {
		rc = cli_usage(cmd);
		goto out;
	}
	contact_set(&c->display, argv[optind]);
	rc = EXIT_BAD;
	if (!cli_open(cli))
		goto out;
	if (contact_insert(cli->db, c, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	printf("added %lld ", (long long)c->id);
	out_text(stdout, c->display);
	putchar('\n');
	rc = EXIT_OK;
out:
	contact_free(c);
	return rc;
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

static void
remove_phone(struct contact *c, const char *raw)
{
	char	*want, *have;
	size_t	 i;

	want = text_phone_digits(raw);
	for (i = 0; i < c->n_phones; i++) {
		have = text_phone_digits(c->phones[i].raw);
		if (strcmp(have, want) == 0) {
			free(have);
			free(want);
			free(c->phones[i].raw);
			free(c->phones[i].label);
			memmove(&c->phones[i], &c->phones[i + 1],
			    (c->n_phones - i - 1) * sizeof c->phones[0]);
			c->n_phones--;
			return;
		}
		free(have);
	}
	free(want);
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
	struct contact		*c = NULL;
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
	if (contact_get(cli->db, id, &c, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	if ((rc = apply_opts(cli, cmd, argc, argv, c, 1)) != -1)
		goto out;
	if (optind != argc - 1) {
		rc = cli_usage(cmd);
		goto out;
	}
	rc = EXIT_BAD;
	if (contact_update(cli->db, c, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	printf("updated %lld ", (long long)c->id);
	out_text(stdout, c->display);
	putchar('\n');
	rc = EXIT_OK;
out:
	contact_free(c);
	return rc;
}

int
cmd_list(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tsv",	no_argument,		NULL, 0 },
		{ "archived",	no_argument,		NULL, 0 },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("list");
	struct search_cursor	 cur = { 0 };
	struct search_row	*rows;
	struct kith_err		 err = { 0 };
	struct sbuf		 query = { 0 };
	size_t			 n, i;
	int			 flags[4] = { 0 }, rc, any = 0;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	for (; optind < argc; optind++) {
		if (query.len > 0)
			sbuf_addc(&query, ' ');
		sbuf_add(&query, argv[optind]);
	}
	if (!cli_open(cli)) {
		sbuf_free(&query);
		return EXIT_BAD;
	}
	rc = EXIT_OK;
	do {
		if (search_page(cli->db, query.s, flags[1], &cur, LIST_PAGE,
		    &rows, &n, &err) != KITH_OK) {
			cli_error(&err);
			rc = EXIT_BAD;
			break;
		}
		for (i = 0; i < n; i++) {
			struct search_row *r = &rows[i];

			any = 1;
			if (flags[0]) {
				printf("%lld\t", (long long)r->id);
				out_tsv(stdout, r->name);
				putchar('\t');
				out_tsv(stdout, r->email);
				putchar('\t');
				out_tsv(stdout, r->phone);
				putchar('\t');
				out_tsv(stdout, r->org);
				putchar('\n');
				continue;
			}
			printf("%6lld %c ", (long long)r->id,
			    r->overdue ? '!' : ' ');
			out_pad(stdout, r->name, 28);
			putchar(' ');
			out_pad(stdout, r->org, 22);
			putchar(' ');
			out_text(stdout, r->email ? r->email : r->phone);
			putchar('\n');
		}
		search_rows_free(rows, n);
	} while (!cur.done);
	search_cursor_reset(&cur);
	if (rc == EXIT_OK && !any && !flags[0] && query.s != NULL)
		fprintf(stderr, "no contact matches '%s'\n", query.s);
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
	struct contact		*c = NULL;
	struct relation		*rel = NULL;
	struct followup		*fu = NULL;
	struct interaction	*in = NULL;
	struct sbuf		 sb = { 0 };
	size_t			 n_rel = 0, n_fu = 0, n_in = 0, i;
	int64_t			 id;
	int			 flags[2] = { 0 }, rc;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (optind != argc - 1)
		return cli_usage(cmd);
	if (!cli_open(cli) || !cli_resolve(cli, argv[optind], &id))
		return EXIT_BAD;
	rc = EXIT_BAD;
	if (contact_get(cli->db, id, &c, &err) != KITH_OK ||
	    relation_list(cli->db, id, &rel, &n_rel, &err) != KITH_OK ||
	    followup_list_contact(cli->db, id, &fu, &n_fu, &err) != KITH_OK ||
	    interaction_list(cli->db, id, 10, &in, &n_in, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}

	out_text(stdout, c->display);
	if (c->title != NULL || c->org != NULL) {
		fputs(" — ", stdout);
		out_text(stdout, c->title);
		if (c->title != NULL && c->org != NULL)
			fputs(", ", stdout);
		out_text(stdout, c->org);
	}
	printf("%s\n", c->archived ? "  (archived)" : "");
	printf("%-10s %lld\n", "id", (long long)c->id);
	show_line("nickname", c->nickname);
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
	for (i = 0; i < c->n_addrs; i++) {
		const struct contact_address *a = &c->addrs[i];
		const char *parts[] = { a->street, a->postcode, a->city,
		    a->region, a->country };
		size_t j;

		sbuf_reset(&sb);
		for (j = 0; j < 5; j++) {
			if (str_empty(parts[j]))
				continue;
			if (sb.len > 0)
				sbuf_add(&sb, ", ");
			sbuf_add(&sb, parts[j]);
		}
		if (a->label != NULL)
			sbuf_printf(&sb, " (%s)", a->label);
		show_line(i == 0 ? "address" : "", sb.s);
	}
	for (i = 0; i < c->n_urls; i++)
		show_line(i == 0 ? "web" : "", c->urls[i].value);
	show_line("birthday", c->birthday);
	if (c->n_tags > 0) {
		sbuf_reset(&sb);
		for (i = 0; i < c->n_tags; i++)
			sbuf_printf(&sb, "%s%s", i ? ", " : "", c->tags[i]);
		show_line("tags", sb.s);
	}
	for (i = 0; i < c->n_custom; i++) {
		sbuf_reset(&sb);
		sbuf_printf(&sb, "%s: %s", c->custom[i].key,
		    c->custom[i].value);
		show_line(i == 0 ? "other" : "", sb.s);
	}
	show_block("notes", c->notes);

	if (n_rel > 0)
		printf("\nRelationships\n");
	for (i = 0; i < n_rel; i++) {
		printf("  ");
		out_text(stdout, rel[i].label);
		putchar(' ');
		out_text(stdout, rel[i].other_name);
		printf("  [%lld]", (long long)rel[i].id);
		if (rel[i].note != NULL) {
			fputs("  ", stdout);
			out_text(stdout, rel[i].note);
		}
		putchar('\n');
	}
	if (n_fu > 0)
		printf("\nFollow-ups\n");
	for (i = 0; i < n_fu; i++) {
		printf("  %s %c %4lld  ", fu[i].due,
		    fu[i].late > 0 ? '!' : ' ', (long long)fu[i].id);
		out_text(stdout, fu[i].action);
		if (fu[i].late > 0)
			printf(" (%ld day%s late)", fu[i].late,
			    fu[i].late == 1 ? "" : "s");
		putchar('\n');
	}
	if (n_in > 0)
		printf("\nLatest interactions\n");
	for (i = 0; i < n_in; i++) {
		printf("  %-16s %-7s ", in[i].at, in[i].kind);
		out_text(stdout, in[i].summary);
		putchar('\n');
	}
	rc = EXIT_OK;
out:
	sbuf_free(&sb);
	contact_free(c);
	relation_list_free(rel, n_rel);
	followup_list_free(fu, n_fu);
	interaction_list_free(in, n_in);
	return rc;
}

int
cmd_rm(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "archive",	no_argument,		NULL, 0 },
		{ "unarchive",	no_argument,		NULL, 0 },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("rm");
	struct kith_err		 err = { 0 };
	struct contact		*c = NULL;
	enum kith_status	 st;
	int64_t			 id;
	int			 flags[4] = { 0 }, rc;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (optind != argc - 1 || (flags[0] && flags[1]))
		return cli_usage(cmd);
	if (!cli_open(cli) || !cli_resolve(cli, argv[optind], &id))
		return EXIT_BAD;
	if (contact_get(cli->db, id, &c, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	if (flags[0] || flags[1])
		st = contact_archive(cli->db, id, flags[0], &err);
	else
		st = contact_delete(cli->db, id, &err);
	if (st != KITH_OK) {
		cli_error(&err);
		contact_free(c);
		return EXIT_BAD;
	}
	printf("%s %lld ", flags[0] ? "archived" : flags[1] ? "unarchived" :
	    "deleted", (long long)id);
	out_text(stdout, c->display);
	putchar('\n');
	contact_free(c);
	return EXIT_OK;
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
	int64_t			 a, b, rid;
	size_t			 n, i;
	int			 ch, list = 0;

	while ((ch = getopt_long(argc, argv, "h", opts, NULL)) != -1) {
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
		for (i = 0; i < n; i++)
			printf("%s\t%s\n", kinds[i].name, kinds[i].inverse);
		relation_kinds_free(kinds, n);
		return EXIT_OK;
	}
	if (optind != argc - 2 || kind == NULL)
		return cli_usage(cmd);
	if (!cli_open(cli) || !cli_resolve(cli, argv[optind], &a) ||
	    !cli_resolve(cli, argv[optind + 1], &b))
		return EXIT_BAD;
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
	int64_t			 id;
	int			 flags[2] = { 0 }, rc;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (optind != argc - 1)
		return cli_usage(cmd);
	if (!cli_parse_id(argv[optind], "relationship id", &id) ||
	    !cli_open(cli))
		return EXIT_BAD;
	if (relation_unlink(cli->db, id, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	return EXIT_OK;
}
