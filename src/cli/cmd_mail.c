/* SPDX-License-Identifier: MIT */
/*
 * Subcommands for mail clients: query (mutt's query_command, aerc's
 * address-book-cmd) and add-email (a message's sender into the book).
 * The lookup and the storing are the core's (mutt.h, mailaddr.h); this
 * file reads the arguments and the message and prints.
 */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/mailaddr.h"
#include "kith/mutt.h"
#include "kith/util.h"
#include "cli.h"

enum { OPT_DB = CLI_OPT_DB, OPT_NO_HEADER, OPT_HEADERS, OPT_QUIET };

#define AERC_MAX	100		/* rows for --no-header */
#define MSG_KEEP	(4u << 20)	/* bytes of a message kept */

static char	*read_stdin(size_t *, int *);
static int	 ask(FILE *, const struct mailaddr *, enum mailaddr_state);

int
cmd_query(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "no-header",	no_argument,		NULL, OPT_NO_HEADER },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("query");
	struct kith_err		 err = { 0 };
	struct mutt_addr	*a = NULL;
	struct sbuf		 q = { 0 };
	char			*query;
	size_t			 n = 0, i;
	int			 ch, header = 1, rc = EXIT_BAD;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_NO_HEADER:
			header = 0;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (optind >= argc)
		return cli_usage(cmd);
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		if (q.len > 0)
			sbuf_addc(&q, ' ');
		sbuf_add(&q, argv[i]);
	}
	query = sbuf_detach(&q);
	if (!cli_open(cli))
		goto out;
	if (mutt_query(cli->db, query, header ? 0 : AERC_MAX, &a, &n, &err)
	    != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	/* mutt shows the first line; with no match, that line and exit 1. */
	if (header && n == 0)
		out_textf(stdout, "kith: no address matches \"%s\"\n", query);
	else if (header)
		out_textf(stdout, "kith: %zu address%s for \"%s\"\n", n,
		    n == 1 ? "" : "es", query);
	for (i = 0; i < n; i++) {
		out_tsv(stdout, a[i].email);
		putchar('\t');
		out_tsv(stdout, a[i].name);
		putchar('\t');
		out_tsv(stdout, a[i].org);
		putchar('\n');
	}
	if (fflush(stdout) != 0) {
		cli_errorx("cannot write the addresses: %s", strerror(errno));
		goto out;
	}
	rc = n > 0 ? EXIT_OK : EXIT_BAD;
out:
	mutt_addrs_free(a, n);
	free(query);
	return rc;
}

/*
 * Reads all of stdin, keeping the first MSG_KEEP bytes (a message's
 * header is far shorter; the rest is read so that the writer is not cut
 * off).  Sets *ok to 0 on a read error.  Caller frees.
 */
static char *
read_stdin(size_t *len, int *ok)
{
	char	*buf = xmalloc(MSG_KEEP + 1), chunk[8192];
	size_t	 got;

	*len = 0;
	*ok = 1;
	while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
		if (*len < MSG_KEEP) {
			if (got > MSG_KEEP - *len)
				got = MSG_KEEP - *len;
			memcpy(buf + *len, chunk, got);
			*len += got;
		}
	}
	if (ferror(stdin))
		*ok = 0;
	buf[*len] = '\0';
	return buf;
}

/* Asks on the terminal tty whether to store a; 1 for yes. */
static int
ask(FILE *tty, const struct mailaddr *a, enum mailaddr_state state)
{
	char	 line[64];

	if (state == MAILADDR_NAMELESS)
		out_textf(tty, "Name %s \"%s\" in kith? [Y/n] ", a->addr,
		    a->name);
	else if (a->name != NULL)
		out_textf(tty, "Add %s <%s> to kith? [Y/n] ", a->name,
		    a->addr);
	else
		out_textf(tty, "Add %s to kith? [Y/n] ", a->addr);
	fflush(tty);
	if (fgets(line, sizeof line, tty) == NULL)
		return 0;
	return line[0] == '\n' || line[0] == 'y' || line[0] == 'Y';
}

int
cmd_add_email(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "headers",	required_argument,	NULL, OPT_HEADERS },
		{ "quiet",	no_argument,		NULL, OPT_QUIET },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("add-email");
	struct kith_err		 err = { 0 };
	struct mailaddr		*a = NULL;
	enum mailaddr_state	 state;
	const char		*headers = "from";
	FILE			*tty = NULL;
	char			*msg = NULL, *who, *last = NULL;
	size_t			 len, n = 0, i;
	int64_t			 id;
	long			 added = 0, named = 0;
	int			*chosen = NULL;
	int			 ch, ok, quiet = 0, rc = EXIT_BAD, open = 0;
	int			 bad = 0;

	while ((ch = cli_getopt(argc, argv, "hq", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_HEADERS:
			headers = optarg;
			break;
		case 'q':
		case OPT_QUIET:
			quiet = 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (optind != argc)
		return cli_usage(cmd);
	msg = read_stdin(&len, &ok);
	if (!ok) {
		cli_errorx("cannot read the message: %s", strerror(errno));
		goto out;
	}
	if (mailaddr_read(msg, len, headers, &a, &n, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	if (!cli_open(cli))
		goto out;
	/*
	 * stdin is the message: questions go to the terminal, if any, and
	 * are all asked before the write begins, so that no other kith
	 * waits on an unanswered question.
	 */
	if (!quiet)
		tty = fopen("/dev/tty", "r+");
	chosen = xcalloc(n, sizeof *chosen);
	for (i = 0; i < n; i++) {
		if (mailaddr_check(cli->db, &a[i], &state, &id, &err)
		    != KITH_OK) {
			cli_error(&err);
			bad = 1;
			continue;
		}
		if (state == MAILADDR_KNOWN) {
			if (!quiet) {
				who = cli_contact_name(cli, id);
				out_textf(stdout, "%s: already %s\n",
				    a[i].addr, who);
				free(who);
			}
			continue;
		}
		chosen[i] = tty == NULL || ask(tty, &a[i], state);
	}
	if (!cli_act_begin(cli))
		goto out;
	open = 1;
	for (i = 0; i < n; i++) {
		if (!chosen[i])
			continue;
		if (mailaddr_store(cli->db, &a[i], &state, &id, &err)
		    != KITH_OK) {
			cli_error(&err);
			goto out;
		}
		if (state == MAILADDR_NEW)
			added++;
		else if (state == MAILADDR_NAMELESS)
			named++;
		if (state == MAILADDR_KNOWN)
			continue;
		free(last);
		last = cli_contact_name(cli, id);
		if (!quiet)
			out_textf(stdout, "%s: %s %s\n", a[i].addr,
			    state == MAILADDR_NEW ? "added" : "named", last);
	}
	open = 0;
	if (!(added + named == 1 ? cli_act_commit(cli, "add-email", "%s %s",
	    added ? "added" : "named", last) : cli_act_commit(cli,
	    "add-email", "from a message: %ld added, %ld named", added,
	    named)))
		goto out;
	if (bad)
		goto out;
	rc = EXIT_OK;
out:
	if (open)
		cli_act_abort(cli);
	if (tty != NULL)
		fclose(tty);
	mailaddr_free(a, n);
	free(chosen);
	free(last);
	free(msg);
	return rc;
}
