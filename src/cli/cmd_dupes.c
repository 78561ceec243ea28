/* SPDX-License-Identifier: MIT */
/*
 * kith dupes, kith merge and kith alias: duplicates and the other names
 * people and firms go by (dupes.h, alias.h).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/alias.h"
#include "kith/dupes.h"
#include "kith/util.h"
#include "cli.h"

#define DUPES_MAX	1000	/* pairs listed at most */

enum {
	OPT_DB = CLI_OPT_DB, OPT_TSV, OPT_NOT_SAME, OPT_YES, OPT_ORG,
	OPT_REMOVE, OPT_TAKE
};

static void	print_pairs(const struct dupe_pair *, size_t, int);
static int	parse_take(const char *, unsigned *);

/* "name,title" as MERGE_TAKE_* bits; 0 (after a message) if bad. */
static int
parse_take(const char *arg, unsigned *take)
{
	char		*copy = xstrdup(arg), *w, *save = NULL;
	unsigned	 bit;
	int		 ok = 1;

	for (w = strtok_r(copy, ", ", &save); w != NULL && ok;
	    w = strtok_r(NULL, ", ", &save)) {
		if ((bit = merge_take_parse(w)) == 0) {
			cli_errorx("--take: no field \"%s\" (name, nickname, "
			    "organisation, department, title, birthday, "
			    "notes)", w);
			ok = 0;
		}
		*take |= bit;
	}
	free(copy);
	return ok;
}

static void
print_pairs(const struct dupe_pair *p, size_t n, int tsv)
{
	size_t	i;

	for (i = 0; i < n; i++) {
		if (tsv) {
			printf("%d\t%lld\t", p[i].score, (long long)p[i].a);
			out_tsv(stdout, p[i].name_a);
			printf("\t%lld\t", (long long)p[i].b);
			out_tsv(stdout, p[i].name_b);
			putchar('\t');
			out_tsv(stdout, p[i].reason);
			putchar('\n');
			continue;
		}
		printf("%3d  %6lld  ", p[i].score, (long long)p[i].a);
		out_pad(stdout, p[i].name_a, 22);
		printf("  %6lld  ", (long long)p[i].b);
		out_pad(stdout, p[i].name_b, 22);
		fputs("  ", stdout);
		out_text(stdout, p[i].reason);
		putchar('\n');
	}
}

int
cmd_dupes(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tsv",	no_argument,		NULL, OPT_TSV },
		{ "not-same",	no_argument,		NULL, OPT_NOT_SAME },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("dupes");
	struct kith_err		 err = { 0 };
	struct dupe_pair	*p;
	char			*na, *nb;
	int64_t			 a, b;
	size_t			 n;
	int			 ch, tsv = 0, not_same = 0;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_TSV:
			tsv = 1;
			break;
		case OPT_NOT_SAME:
			not_same = 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (not_same) {
		if (optind != argc - 2 || tsv)
			return cli_usage(cmd);
		if (!cli_open(cli) || !cli_resolve(cli, argv[optind], &a) ||
		    !cli_resolve(cli, argv[optind + 1], &b))
			return EXIT_BAD;
		if (dupes_not_same(cli->db, a, b, &err) != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
		na = cli_contact_name(cli, a);
		nb = cli_contact_name(cli, b);
		fputs("marked not the same: ", stdout);
		out_text(stdout, na);
		fputs(" and ", stdout);
		out_text(stdout, nb);
		putchar('\n');
		free(na);
		free(nb);
		return EXIT_OK;
	}
	if (optind != argc)
		return cli_usage(cmd);
	cli->access = CLI_READ;
	if (!cli_open(cli))
		return EXIT_BAD;
	if (dupes_find(cli->db, DUPES_MAX, &p, &n, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	if (n == 0 && !tsv)
		puts("no likely duplicates");
	print_pairs(p, n, tsv);
	dupe_pairs_free(p, n);
	return EXIT_OK;
}

int
cmd_merge(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes",	no_argument,		NULL, OPT_YES },
		{ "take",	required_argument,	NULL, OPT_TAKE },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("merge");
	struct kith_err		 err = { 0 };
	char			*nk = NULL, *no = NULL, *q;
	int64_t			 keep, other;
	unsigned		 take = 0;
	int			 ch, yes = 0, rc = EXIT_BAD;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_YES:
			yes = 1;
			break;
		case OPT_TAKE:
			if (!parse_take(optarg, &take))
				return EXIT_BAD;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (optind != argc - 2)
		return cli_usage(cmd);
	if (!cli_open(cli) || !cli_resolve(cli, argv[optind], &keep) ||
	    !cli_resolve(cli, argv[optind + 1], &other))
		return EXIT_BAD;
	nk = cli_contact_name(cli, keep);
	no = cli_contact_name(cli, other);
	if (keep == other) {
		cli_errorx("cannot merge %s with itself", nk);
		goto out;
	}
	if (!yes) {
		fputs("kith merge keeps ", stderr);
		out_text(stderr, nk);
		fputs(" and moves into it every e-mail, phone, address,\n"
		    "tag, note, custom field, interaction, follow-up, "
		    "relationship and deal of\n", stderr);
		out_text(stderr, no);
		fputs(", which is then deleted (kith undo brings it back).\n",
		    stderr);
		q = xasprintf("Merge %s into %s?", no, nk);
		yes = cli_confirm(0, "merge", q);
		free(q);
		if (!yes)
			goto out;
	}
	if (contact_merge_take(cli->db, keep, other, take, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	fputs("merged ", stdout);
	out_text(stdout, no);
	fputs(" into ", stdout);
	out_text(stdout, nk);
	putchar('\n');
	rc = EXIT_OK;
out:
	free(nk);
	free(no);
	return rc;
}

int
cmd_alias(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "org",	no_argument,		NULL, OPT_ORG },
		{ "remove",	no_argument,		NULL, OPT_REMOVE },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("alias");
	struct kith_err		 err = { 0 };
	enum alias_owner	 kind = ALIAS_CONTACT;
	enum kith_status	 st;
	char			**names, *owner = NULL;
	int64_t			 id;
	size_t			 n, i;
	int			 ch, remove = 0, rc = EXIT_BAD;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_ORG:
			kind = ALIAS_ORG;
			break;
		case OPT_REMOVE:
			remove = 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (optind != argc - 1 && optind != argc - 2)
		return cli_usage(cmd);
	if (remove && optind != argc - 2)
		return cli_usage(cmd);
	if (optind == argc - 1)
		cli->access = CLI_READ;
	if (!cli_open(cli))
		return EXIT_BAD;
	if (kind == ALIAS_ORG) {
		if ((st = org_resolve(cli->db, argv[optind], &id, &owner,
		    &err)) != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
	} else {
		if (!cli_resolve(cli, argv[optind], &id))
			return EXIT_BAD;
		owner = cli_contact_name(cli, id);
	}
	if (optind == argc - 1) {
		if (alias_list(cli->db, kind, id, &names, &n, &err) != KITH_OK) {
			cli_error(&err);
			goto out;
		}
		for (i = 0; i < n; i++) {
			out_text(stdout, names[i]);
			putchar('\n');
		}
		alias_list_free(names, n);
		rc = EXIT_OK;
		goto out;
	}
	st = remove ? alias_remove(cli->db, kind, id, argv[optind + 1], &err) :
	    alias_add(cli->db, kind, id, argv[optind + 1], &err);
	if (st != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	fputs(remove ? "removed the alias " : "added the alias ", stdout);
	out_text(stdout, argv[optind + 1]);
	fputs(remove ? " of " : " to ", stdout);
	out_text(stdout, owner);
	putchar('\n');
	rc = EXIT_OK;
out:
	free(owner);
	return rc;
}
