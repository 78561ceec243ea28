/* SPDX-License-Identifier: MIT */
/*
 * kith backup and kith restore: the command-line side of backup.h.
 * restore names what it replaces and what replaces it, and asks as rm
 * does (a terminal answers y/N; without one, --yes or nothing happens).
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>

#include "kith/backup.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/util.h"
#include "cli.h"

static char	*counts_text(struct cli *, const struct backup_counts *);

/* "12 contacts, 3 follow-ups, 5 interactions, 1 deal"; caller frees. */
static char *
counts_text(struct cli *cli, const struct backup_counts *c)
{
	return xasprintf("%ld contact%s, %ld follow-up%s, %ld interaction%s, "
	    "%ld %s", c->contacts, c->contacts == 1 ? "" : "s", c->followups,
	    c->followups == 1 ? "" : "s", c->interactions,
	    c->interactions == 1 ? "" : "s", c->deals,
	    deal_word_form(cli->db, c->deals != 1, 0));
}

int
cmd_backup(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, CLI_OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("backup");
	struct backup_counts	 c;
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	char			*path = NULL, *what;
	int			 rc;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, NULL)) != -1)
		return rc;
	if (argc - optind > 1)
		return cli_usage(cmd);
	if (!cli_open(cli))
		return EXIT_BAD;
	if (optind < argc) {
		path = xstrdup(argv[optind]);
		st = backup_write(cli->db, path, &err);
	} else
		st = backup_now(cli->db, &path, &err);
	if (st != KITH_OK) {
		cli_error(&err);
		free(path);
		return EXIT_BAD;
	}
	if (backup_inspect(path, &c, &err) != KITH_OK) {
		cli_error(&err);
		free(path);
		return EXIT_BAD;
	}
	what = counts_text(cli, &c);
	out_textf(stdout, "backed up %s to %s\n", what, path);
	free(what);
	free(path);
	return EXIT_OK;
}

int
cmd_restore(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "yes",	no_argument,		NULL, 0 },
		{ "db",		required_argument,	NULL, CLI_OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("restore");
	struct backup_counts	 now, from;
	struct kith_err		 err = { 0 };
	char			*a = NULL, *b = NULL, *saved = NULL, *q;
	int			 rc, flags[3] = { 0 }, ok;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (argc - optind != 1)
		return cli_usage(cmd);
	if (!cli_open(cli))
		return EXIT_BAD;
	if (backup_inspect(argv[optind], &from, &err) != KITH_OK ||
	    backup_count(cli->db, &now, &err) != KITH_OK) {
		cli_error(&err);
		cli_errorx("restore: nothing was changed");
		return EXIT_BAD;
	}
	a = counts_text(cli, &now);
	b = counts_text(cli, &from);
	out_textf(stderr, "kith restore replaces the whole book at %s\n"
	    "  now:  %s\nwith the one in %s\n  it holds: %s\n",
	    kith_db_path(cli->db), a, argv[optind], b);
	q = xasprintf("Replace %s with %s?", kith_db_path(cli->db),
	    argv[optind]);
	ok = cli_confirm(flags[0], "restore", q);
	free(q);
	rc = EXIT_BAD;
	if (!ok)
		goto out;
	if (backup_restore(cli->db, argv[optind], &saved, &err) != KITH_OK) {
		cli_error(&err);
		cli_errorx("restore: nothing was changed");
		goto out;
	}
	out_textf(stdout, "restored %s from %s\n", b, argv[optind]);
	if (saved != NULL)
		out_textf(stdout, "the book as it was (%s) is in %s\n", a,
		    saved);
	rc = EXIT_OK;
out:
	free(saved);
	free(a);
	free(b);
	return rc;
}
