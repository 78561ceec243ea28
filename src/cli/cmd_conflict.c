/* SPDX-License-Identifier: MIT */
/*
 * Conflict checks on the command line: kith conflict runs a check and
 * prints its record, --list, --show and --decide read and add to the
 * records, and kith org-link records the links between organisations a
 * check follows.  The search and the record are the core's (conflict.h).
 *
 * Who checks: $KITH_USER, else the setting kith config user NAME, else
 * the login name.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kith/conflict.h"
#include "kith/db.h"
#include "kith/path.h"
#include "kith/util.h"
#include "cli.h"

#define OPT_DB		CLI_OPT_DB
#define OPT_MATTER	0x200
#define OPT_DEPTH	0x201
#define OPT_LIST	0x202
#define OPT_SHOW	0x203
#define OPT_DECIDE	0x204
#define OPT_WAIVER	0x205
#define OPT_FORMAT	0x206
#define OPT_AS		0x207

static char	*who_checks(struct cli *);
static void	 utc(time_t, char *, size_t);
static void	 print_text(const struct conflict_record *);
static void	 print_markdown(const struct conflict_record *);
static void	 md_cell(const char *);

/* The user a check or decision is recorded under; caller frees. */
static char *
who_checks(struct cli *cli)
{
	return conflict_who(cli->db);
}

static void
utc(time_t t, char *out, size_t len)
{
	struct tm	tm;

	if (gmtime_r(&t, &tm) == NULL || strftime(out, len,
	    "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(out, len, "%lld", (long long)t);
}

static void
print_text(const struct conflict_record *r)
{
	char	*t = conflict_record_text(r);

	fputs(t, stdout);
	free(t);
}

/* A table cell: inert, on one line, with its pipes escaped. */
static void
md_cell(const char *s)
{
	struct sbuf	 b = { 0 };
	const char	*p;
	char		*t;

	for (p = s != NULL ? s : ""; *p != '\0'; p++)
		if (*p == '|')
			sbuf_add(&b, "\\|");
		else
			sbuf_addc(&b, *p);
	t = sbuf_detach(&b);
	out_text(stdout, t);
	free(t);
}

static void
print_markdown(const struct conflict_record *r)
{
	char	when[64];
	size_t	i;

	utc(r->at, when, sizeof when);
	printf("# Conflict check #%lld\n\n", (long long)r->id);
	printf("- When: %s\n- Checked by: ", when);
	md_cell(r->user);
	printf("\n- Matter: ");
	md_cell(r->matter != NULL ? r->matter : "(none given)");
	printf("\n- Terms: ");
	for (i = 0; i < r->nterms; i++) {
		fputs(i ? "; " : "", stdout);
		md_cell(r->terms[i]);
	}
	printf("\n- Searched: ");
	for (i = 0; i < r->nvariants; i++) {
		fputs(i ? "; " : "", stdout);
		md_cell(r->variants[i]);
	}
	printf("\n- Links followed: %d deep\n\n## Hits\n\n", r->depth);
	if (r->nhits == 0)
		printf("No hits in kith's records.\n");
	else
		printf("| # | Name | Role | Matter | Chain | Term | Rule |\n"
		    "|---|---|---|---|---|---|---|\n");
	for (i = 0; i < r->nhits; i++) {
		const struct conflict_hit *h = &r->hits[i];

		printf("| %zu | ", i + 1);
		md_cell(h->name);
		fputs(" | ", stdout);
		md_cell(h->role);
		fputs(" | ", stdout);
		md_cell(h->matter);
		fputs(" | ", stdout);
		md_cell(h->chain);
		fputs(" | ", stdout);
		md_cell(h->term);
		fputs(" | ", stdout);
		md_cell(h->rule);
		fputs(" |\n", stdout);
	}
	printf("\n## Disposition\n\n");
	if (r->ndecisions == 0)
		printf("None yet.\n");
	for (i = 0; i < r->ndecisions; i++) {
		const struct conflict_decision *d = &r->decisions[i];

		utc(d->at, when, sizeof when);
		printf("- %s, %s, by ", conflict_disposition_name(
		    d->disposition), when);
		md_cell(d->reviewer);
		if (d->waiver != NULL) {
			fputs(", waiver ", stdout);
			md_cell(d->waiver);
		}
		putchar('\n');
	}
}

int
cmd_conflict(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "matter",	required_argument,	NULL, OPT_MATTER },
		{ "depth",	required_argument,	NULL, OPT_DEPTH },
		{ "list",	no_argument,		NULL, OPT_LIST },
		{ "show",	required_argument,	NULL, OPT_SHOW },
		{ "decide",	required_argument,	NULL, OPT_DECIDE },
		{ "waiver",	required_argument,	NULL, OPT_WAIVER },
		{ "format",	required_argument,	NULL, OPT_FORMAT },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("conflict");
	struct conflict_record	*r = NULL;
	struct conflict_summary	*v = NULL;
	struct kith_err		 err = { 0 };
	const char		*matter = NULL, *waiver = NULL;
	const char		*show = NULL, *decide = NULL;
	char			*user = NULL, *end, when[64];
	int64_t			 id = 0;
	size_t			 n = 0, i;
	long			 depth = 0;
	int			 ch, list = 0, markdown = 0, rc = EXIT_BAD;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_MATTER:
			matter = optarg;
			break;
		case OPT_DEPTH:
			depth = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || depth < 1 ||
			    depth > CONFLICT_DEPTH_MAX) {
				cli_errorx("--depth '%s': expected a number of "
				    "links from 1 to %d", optarg,
				    CONFLICT_DEPTH_MAX);
				return EXIT_USAGE;
			}
			break;
		case OPT_LIST:
			list = 1;
			break;
		case OPT_SHOW:
			show = optarg;
			break;
		case OPT_DECIDE:
			decide = optarg;
			break;
		case OPT_WAIVER:
			waiver = optarg;
			break;
		case OPT_FORMAT:
			if (strcmp(optarg, "markdown") == 0)
				markdown = 1;
			else if (strcmp(optarg, "text") != 0) {
				cli_errorx("--format '%s': text or markdown",
				    optarg);
				return EXIT_USAGE;
			}
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (list + (show != NULL) + (decide != NULL) > 1)
		return cli_usage(cmd);
	if (list || show != NULL) {
		if (optind != argc || matter != NULL || waiver != NULL ||
		    depth != 0)
			return cli_usage(cmd);
		cli->access = CLI_READ;
	} else if (decide != NULL) {
		if (argc - optind != 1 || matter != NULL || depth != 0)
			return cli_usage(cmd);
	} else if (optind == argc || waiver != NULL)
		return cli_usage(cmd);
	if ((show != NULL && !cli_parse_id(show, "check", &id)) ||
	    (decide != NULL && !cli_parse_id(decide, "check", &id)))
		return EXIT_USAGE;
	if (!cli_open(cli))
		return EXIT_BAD;
	if (list) {
		if (conflict_list(cli->db, &v, &n, &err) != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
		if (n == 0)
			printf("No conflict checks yet.\n");
		for (i = 0; i < n; i++) {
			utc(v[i].at, when, sizeof when);
			printf("%4lld  %s  ", (long long)v[i].id, when);
			out_text(stdout, v[i].user);
			fputs("  ", stdout);
			out_text(stdout, v[i].terms);
			printf("  %zu hit%s  %s\n", v[i].nhits,
			    v[i].nhits == 1 ? "" : "s", v[i].disposition ?
			    conflict_disposition_name(v[i].disposition) :
			    "undecided");
		}
		conflict_summaries_free(v, n);
		return EXIT_OK;
	}
	if (decide != NULL) {
		user = who_checks(cli);
		if (conflict_decide(cli->db, id, argv[optind], waiver, user,
		    &err) != KITH_OK) {
			cli_error(&err);
			goto out;
		}
	} else if (show == NULL) {
		user = who_checks(cli);
		if (conflict_run(cli->db, (const char *const *)argv + optind,
		    (size_t)(argc - optind), matter, user, (int)depth, &r,
		    &err) != KITH_OK) {
			cli_error(&err);
			goto out;
		}
		id = r->id;
		conflict_record_free(r);
		r = NULL;
	}
	if (conflict_get(cli->db, id, &r, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	if (markdown)
		print_markdown(r);
	else
		print_text(r);
	rc = EXIT_OK;
out:
	conflict_record_free(r);
	free(user);
	return rc;
}

int
cmd_org_link(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "as",		required_argument,	NULL, OPT_AS },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("org-link");
	struct kith_err		 err = { 0 };
	const char		*kind = NULL;
	char			*a_name = NULL, *b_name = NULL;
	int64_t			 a, b;
	int			 ch, rc = EXIT_BAD;

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
		default:
			return cli_usage(cmd);
		}
	}
	if (argc - optind != 2 || kind == NULL)
		return cli_usage(cmd);
	if (!cli_open(cli))
		return EXIT_BAD;
	if (path_resolve_org(cli->db, argv[optind], &a, &a_name, &err)
	    != KITH_OK ||
	    path_resolve_org(cli->db, argv[optind + 1], &b, &b_name, &err)
	    != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	cli_act_name(cli, "org-link", "linked %s and %s", a_name, b_name);
	if (conflict_org_link(cli->db, a, b, kind, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	out_text(stdout, a_name);
	printf(" is %s ", kind);
	out_text(stdout, b_name);
	putchar('\n');
	rc = EXIT_OK;
out:
	free(a_name);
	free(b_name);
	return rc;
}

int
cli_config_user(struct cli *cli, const char *name)
{
	struct kith_err	 err = { 0 };
	char		*user = NULL;

	if (name == NULL)
		cli->access = CLI_READ;
	if (!cli_open(cli))
		return EXIT_BAD;
	if (name != NULL && conflict_set_user(cli->db, name, &err) != KITH_OK) {
		cli_errorx("user: %s", err.msg);
		return EXIT_BAD;
	}
	if (conflict_user(cli->db, &user, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	fputs("user ", stdout);
	out_text(stdout, user != NULL ? user : "(not set: $KITH_USER or the "
	    "login name)");
	putchar('\n');
	free(user);
	return EXIT_OK;
}
