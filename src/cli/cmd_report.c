/* SPDX-License-Identifier: MIT */
/*
 * kith report KIND: a report the core builds (report.h), rendered in the
 * format asked for and written to standard output or to -o FILE.  Text
 * sent to a terminal goes through the terminal-safe routine like every
 * other output of data.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "kith/clock.h"
#include "kith/db.h"
#include "kith/outfile.h"
#include "kith/report.h"
#include "kith/util.h"
#include "cli.h"

enum { OPT_DB = CLI_OPT_DB, OPT_FORMAT, OPT_TSV, OPT_SINCE, OPT_UNTIL,
    OPT_TAG, OPT_ORG };

struct report_opts {
	enum report_format	 format;
	const char		*out;		/* -o FILE, NULL: stdout */
	char			 since[KITH_DATE_LEN];
	char			 until[KITH_DATE_LEN];
	int			 has_since, has_until;
};

static int	parse_day(struct cli *, const char *, const char *, char *);
static int	write_report(struct cli *, const struct report *,
		    const struct report_opts *);

/* A day for option what, as people write it (clock.h). */
static int
parse_day(struct cli *cli, const char *what, const char *s, char *out)
{
	struct kith_err		err = { 0 };
	struct kith_when	w;
	unsigned		flags;

	/* A report looks back: "fri", "1 Nov" are the last ones. */
	flags = KITH_DATE_PAST |
	    date_order_flags(getenv("KITH_DATE_ORDER"), NULL);
	if (when_parse(s, kith_db_now(cli->db), flags, &w, &err) != KITH_OK) {
		cli_errorx("%s: %s", what, err.msg);
		return 0;
	}
	memcpy(out, w.date, KITH_DATE_LEN);
	return 1;
}

/* Renders r and writes it where o says; a terminal gets it inert. */
static int
write_report(struct cli *cli, const struct report *r,
    const struct report_opts *o)
{
	struct outfile	 out;
	struct kith_err	 err = { 0 };
	char		*text;
	int		 ok = 1;

	text = report_render(r, o->format);
	if (o->out != NULL && strcmp(o->out, "-") != 0) {
		/* Never a half-written file, nor one over the book. */
		if (outfile_open(&out, o->out, kith_db_path(cli->db), &err) !=
		    KITH_OK) {
			cli_error(&err);
			free(text);
			return 0;
		}
		fputs(text, out.fp);
		if (outfile_close(&out, &err) != KITH_OK) {
			cli_error(&err);
			ok = 0;
		} else
			fprintf(stderr, "kith: wrote %s\n", o->out);
	} else if (isatty(STDOUT_FILENO))
		out_textf(stdout, "%s", text);
	else
		fputs(text, stdout);
	free(text);
	return ok;
}

int
cmd_report(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format",	required_argument,	NULL, OPT_FORMAT },
		{ "tsv",	no_argument,		NULL, OPT_TSV },
		{ "since",	required_argument,	NULL, OPT_SINCE },
		{ "until",	required_argument,	NULL, OPT_UNTIL },
		{ "tag",	required_argument,	NULL, OPT_TAG },
		{ "org",	required_argument,	NULL, OPT_ORG },
		{ "output",	required_argument,	NULL, 'o' },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("report");
	struct report_opts	 o = { .format = REPORT_TEXT };
	struct kith_err		 err = { 0 };
	struct report		*r = NULL;
	const char		*kind, *since = NULL, *until = NULL;
	const char		*tag = NULL, *org = NULL;
	enum kith_status	 st;
	int64_t			 id;
	int			 ch, ok;

	while ((ch = cli_getopt(argc, argv, "ho:", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_FORMAT:
			if (!report_format_parse(optarg, &o.format)) {
				cli_errorx("--format '%s': use text, markdown, "
				    "html or tsv", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_TSV:
			o.format = REPORT_TSV;
			break;
		case OPT_SINCE:
			since = optarg;
			break;
		case OPT_UNTIL:
			until = optarg;
			break;
		case OPT_TAG:
			tag = optarg;
			break;
		case OPT_ORG:
			org = optarg;
			break;
		case 'o':
			o.out = optarg;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (optind >= argc)
		return cli_usage(cmd);
	kind = argv[optind];
	if (strcmp(kind, "activity") == 0) {
		if (optind != argc - 1)
			return cli_usage(cmd);
		if (tag != NULL || org != NULL) {
			cli_errorx("report activity: --tag and --org are for "
			    "report status");
			return EXIT_USAGE;
		}
		if (!cli_open(cli))
			return EXIT_BAD;
		if ((since != NULL &&
		    !parse_day(cli, "--since", since, o.since)) ||
		    (until != NULL &&
		    !parse_day(cli, "--until", until, o.until)))
			return EXIT_BAD;
		st = report_activity(cli->db, since ? o.since : NULL,
		    until ? o.until : NULL, &r, &err);
	} else if (strcmp(kind, "onepager") == 0) {
		if (optind != argc - 2)
			return cli_usage(cmd);
		if (since != NULL || until != NULL || tag != NULL ||
		    org != NULL) {
			cli_errorx("report onepager: --since, --until, --tag "
			    "and --org are for the other reports");
			return EXIT_USAGE;
		}
		if (!cli_open(cli) || !cli_resolve(cli, argv[optind + 1], &id))
			return EXIT_BAD;
		st = report_onepager(cli->db, id, &r, &err);
	} else if (strcmp(kind, "cold") == 0) {
		if (optind != argc - 1)
			return cli_usage(cmd);
		if (since != NULL || until != NULL || tag != NULL ||
		    org != NULL || o.out != NULL ||
		    (o.format != REPORT_TEXT && o.format != REPORT_TSV)) {
			cli_errorx("report cold takes --tsv only");
			return EXIT_USAGE;
		}
		if (!cli_open(cli))
			return EXIT_BAD;
		return cli_report_cold(cli, o.format == REPORT_TSV);
	} else if (strcmp(kind, "status") == 0) {
		if (optind != argc - 1)
			return cli_usage(cmd);
		if (since != NULL || until != NULL) {
			cli_errorx("report status: --since and --until are "
			    "for report activity");
			return EXIT_USAGE;
		}
		if (!cli_open(cli))
			return EXIT_BAD;
		st = report_status(cli->db, tag, org, &r, &err);
	} else {
		cli_errorx("report '%s': the reports are: activity, cold, "
		    "onepager, status", kind);
		return EXIT_USAGE;
	}
	if (st != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	ok = write_report(cli, r, &o);
	report_free(r);
	return ok ? EXIT_OK : EXIT_BAD;
}
