/* SPDX-License-Identifier: MIT */
/*
 * kith board: the full-screen interface (src/tui), opened on the pipeline
 * board instead of the rolodex, for a user who starts the week there
 * (and for timing the board's first paint, tests/bench/bench_board.sh).
 */
#include <getopt.h>
#include <stddef.h>

#include "kith/db.h"
#include "cli.h"

int
cmd_board(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, CLI_OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("board");
	int			 rc;
	int			 tui_run_board(struct kith_db *); /* tui.h */

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, NULL)) != -1)
		return rc;
	if (optind != argc)
		return cli_usage(cmd);
	/* As plain kith: open for reading; the TUI reports a failed write. */
	if (!cli_open(cli))
		return EXIT_BAD;
	return tui_run_board(cli->db);
}
