/* SPDX-License-Identifier: MIT */
/*
 * kith undo: takes back the last change, or lists the recent ones, from
 * the core's change journal (journal.h); and the helpers with which the
 * other commands make each of their runs one named journal action.
 */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "kith/contact.h"
#include "kith/clock.h"
#include "kith/db.h"
#include "kith/journal.h"
#include "kith/util.h"
#include "cli.h"

enum { OPT_DB = CLI_OPT_DB, OPT_LIST, OPT_YES };

static int	list_actions(struct cli *);

void
cli_act_name(struct cli *cli, const char *command, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	kith_db_vactionf(cli->db, command, fmt, ap);
	va_end(ap);
}

int
cli_act_begin(struct cli *cli)
{
	struct kith_err	err = { 0 };

	if (kith_db_begin(cli->db, &err) != KITH_OK) {
		cli_error(&err);
		return 0;
	}
	return 1;
}

int
cli_act_commit(struct cli *cli, const char *command, const char *fmt, ...)
{
	struct kith_err	 err = { 0 };
	va_list		 ap;

	va_start(ap, fmt);
	kith_db_vactionf(cli->db, command, fmt, ap);
	va_end(ap);
	if (kith_db_commit(cli->db, &err) != KITH_OK) {
		cli_error(&err);
		return 0;
	}
	return 1;
}

void
cli_act_abort(struct cli *cli)
{
	kith_db_rollback(cli->db);
}

char *
cli_contact_name(struct cli *cli, int64_t id)
{
	struct contact	*c = NULL;
	char		*s;

	if (contact_get(cli->db, id, &c, NULL) != KITH_OK || c->display == NULL)
		s = xasprintf("#%lld", (long long)id);
	else
		s = xasprintf("%s (#%lld)", c->display, (long long)id);
	contact_free(c);
	return s;
}

/* Newest first: id, when, command, what it did, and whether undone. */
static int
list_actions(struct cli *cli)
{
	struct journal_entry	*e;
	struct kith_err		 err = { 0 };
	size_t			 n, i;
	char			 when[KITH_WHEN_LEN];

	if (journal_list(cli->db, JOURNAL_KEEP * 2, &e, &n, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	for (i = 0; i < n; i++) {
		when_from_time(e[i].at, when);
		printf("%5lld  %s  %-13s ", (long long)e[i].id, when,
		    e[i].command);
		out_text(stdout, e[i].label);
		if (e[i].undone_by != 0)
			printf("  [undone by %lld]", (long long)e[i].undone_by);
		else if (!e[i].undoable && e[i].undoes == 0)
			printf("  [cannot be undone]");
		putchar('\n');
	}
	if (n == 0)
		printf("No changes recorded yet.\n");
	journal_entries_free(e, n);
	return EXIT_OK;
}

int
cmd_undo(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "list",	no_argument,		NULL, OPT_LIST },
		{ "yes",	no_argument,		NULL, OPT_YES },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("undo");
	struct journal_entry	 done = { 0 };
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	int64_t			 id = 0, target, batch;
	int			 ch, list = 0, yes = 0;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_LIST:
			list = 1;
			break;
		case OPT_YES:
			yes = 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (argc - optind > 1 || (list && optind != argc))
		return cli_usage(cmd);
	if (optind < argc && !cli_parse_id(argv[optind], "change id", &id))
		return EXIT_BAD;
	if (list)
		cli->access = CLI_READ;	/* a read-only book lists too */
	if (!cli_open(cli))
		return EXIT_BAD;
	if (list)
		return list_actions(cli);
	/* An import's undo deletes what it added: asked as import --undo. */
	if (journal_undo_target(cli->db, id, &target, &batch, &err) ==
	    KITH_OK && batch != 0 && !cli_import_undo_ok(cli, batch, yes,
	    "undo"))
		return EXIT_BAD;
	st = id != 0 ? journal_undo(cli->db, id, &done, &err) :
	    journal_undo_last(cli->db, &done, &err);
	if (st != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	printf("undid %lld %s: ", (long long)done.id, done.command);
	out_text(stdout, done.label);
	putchar('\n');
	journal_entry_clear(&done);
	return EXIT_OK;
}
