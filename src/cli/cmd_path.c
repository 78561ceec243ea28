/* SPDX-License-Identifier: MIT */
/*
 * Who knows whom on the command line: kith me (the user's own contact),
 * kith path (the shortest chains between two people or organisations) and
 * kith who (everyone connected to an organisation).  The search and the
 * evidence are the core's (path.h); this file only prints them.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/db.h"
#include "kith/path.h"
#include "cli.h"

#define OPT_DB		CLI_OPT_DB
#define OPT_DEPTH	0x200

static int	 resolve_end(struct cli *, const char *, struct path_end *,
		    char **);
static void	 print_chain(const struct path_chain *, int);

int
cmd_me(struct cli *cli, int argc, char **argv)
{
	const struct cmd	*cmd = cli_find("me");
	struct kith_err		 err = { 0 };
	int64_t			 id;
	int			 flags[1] = { 0 }, rc;
	char			*name;
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (argc - optind > 1)
		return cli_usage(cmd);
	if (argc - optind == 0)
		cli->access = CLI_READ;
	if (!cli_open(cli))
		return EXIT_BAD;
	if (argc - optind == 1) {
		if (!cli_resolve(cli, argv[optind], &id))
			return EXIT_BAD;
		if (path_set_me(cli->db, id, &err) != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
	} else if (path_me(cli->db, &id, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	if (id == 0) {
		printf("No 'me' contact is set (kith me ID|QUERY sets it).\n");
		return EXIT_OK;
	}
	name = cli_contact_name(cli, id);
	fputs("You are ", stdout);
	out_text(stdout, name);
	fputs(".\n", stdout);
	free(name);
	return EXIT_OK;
}

/* Resolves an end of a path; prints why not and returns 0 on failure. */
static int
resolve_end(struct cli *cli, const char *what, struct path_end *end,
    char **name)
{
	struct kith_err	err = { 0 };

	if (path_resolve(cli->db, what, end, name, &err) != KITH_OK) {
		cli_error(&err);
		return 0;
	}
	return 1;
}

static void
print_chain(const struct path_chain *c, int you)
{
	char	*line = path_chain_text(c, you);

	out_text(stdout, line);
	putchar('\n');
	free(line);
}

int
cmd_path(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "depth",	required_argument,	NULL, OPT_DEPTH },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("path");
	struct path_opts	 po = { 0 };
	struct path_result	 res = { 0 };
	struct path_end		 from, to;
	struct kith_err		 err = { 0 };
	char			*from_name = NULL, *to_name = NULL, *end;
	long			 depth;
	size_t			 i;
	int			 ch, rc = EXIT_BAD;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_DEPTH:
			depth = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || depth < 1 ||
			    depth > PATH_DEPTH_MAX) {
				cli_errorx("--depth '%s': expected a number of "
				    "links from 1 to %d", optarg,
				    PATH_DEPTH_MAX);
				return EXIT_USAGE;
			}
			po.depth = (int)depth;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (argc - optind < 1 || argc - optind > 2)
		return cli_usage(cmd);
	if (!cli_open(cli))
		return EXIT_BAD;
	if (argc - optind == 2 &&
	    !resolve_end(cli, argv[optind++], &from, &from_name))
		goto out;
	if (!resolve_end(cli, argv[optind], &to, &to_name))
		goto out;
	if (path_find(cli->db, from_name != NULL ? &from : NULL, &to, &po,
	    kith_db_now(cli->db), &res, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	if (res.n == 0) {
		if (res.limited)
			printf("No path found among the first %zu people and "
			    "organisations searched; kith stops there (a "
			    "shorter --depth searches fewer).\n", res.visited);
		else
			printf("No path within %d step%s.\n", res.depth,
			    res.depth == 1 ? "" : "s");
		goto out;
	}
	for (i = 0; i < res.n; i++) {
		if (res.n > 1)
			printf("%zu. ", i + 1);
		print_chain(&res.chains[i], from_name == NULL);
	}
	rc = EXIT_OK;
out:
	path_result_free(&res);
	free(from_name);
	free(to_name);
	return rc;
}

int
cmd_who(struct cli *cli, int argc, char **argv)
{
	const struct cmd	*cmd = cli_find("who");
	struct who_entry	*v = NULL;
	struct kith_err		 err = { 0 };
	int64_t			 org;
	size_t			 n = 0, i;
	char			*name = NULL;
	int			 flags[1] = { 0 }, rc, limited = 0;
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (argc - optind != 1)
		return cli_usage(cmd);
	if (!cli_open(cli))
		return EXIT_BAD;
	if (path_resolve_org(cli->db, argv[optind], &org, &name, &err)
	    != KITH_OK ||
	    path_who(cli->db, org, kith_db_now(cli->db), &v, &n, &limited,
	    &err) != KITH_OK) {
		cli_error(&err);
		free(name);
		return EXIT_BAD;
	}
	if (n == 0) {
		fputs("Nobody in kith's records is connected to ", stdout);
		out_text(stdout, name);
		fputs(".\n", stdout);
	}
	for (i = 0; i < n; i++) {
		printf("%6lld  ", (long long)v[i].id);
		out_text(stdout, v[i].name);
		fputs(" — ", stdout);
		out_text(stdout, v[i].how);
		putchar('\n');
	}
	if (limited)
		printf("(only the first %d people of the organisation were "
		    "followed)\n", PATH_WHO_MAX);
	path_who_free(v, n);
	free(name);
	return EXIT_OK;
}
