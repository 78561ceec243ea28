/* SPDX-License-Identifier: MIT */
/*
 * kith stage: the stages of the pipeline -- list, add, rename, move, set
 * and rm -- through the core's stage.h.  A stage that still holds deals
 * is removed only with --to STAGE, which says where they go.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/db.h"
#include "kith/stage.h"
#include "kith/util.h"
#include "kith/vocab.h"
#include "cli.h"

#define KINDS	KITH_STAGE_KIND_LIST(KITH_VOCAB_STR, KITH_VOCAB_BAR)

enum { OPT_DB = CLI_OPT_DB, OPT_KIND, OPT_PROB, OPT_STALL, OPT_TO,
    OPT_POS };

struct stage_opts {
	const char	*kind, *probability, *stall, *to, *pos;
};

static int	parse(struct cli *, int, char **, struct stage_opts *);
static int	number(const char *, const char *, int, int, int *);
static int	find(struct cli *, const char *, struct stage *);
static int	stage_list_cmd(struct cli *);
static int	apply(struct stage_opts *, enum kith_stage_kind *, int *,
		    int *);

static int
parse(struct cli *cli, int argc, char **argv, struct stage_opts *o)
{
	static const struct option opts[] = {
		{ "kind",	required_argument,	NULL, OPT_KIND },
		{ "probability", required_argument,	NULL, OPT_PROB },
		{ "stall-days",	required_argument,	NULL, OPT_STALL },
		{ "to",		required_argument,	NULL, OPT_TO },
		{ "pos",	required_argument,	NULL, OPT_POS },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("stage");
	int			 ch;

	memset(o, 0, sizeof *o);
	optind = 0;
	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_KIND:
			o->kind = optarg;
			break;
		case OPT_PROB:
			o->probability = optarg;
			break;
		case OPT_STALL:
			o->stall = optarg;
			break;
		case OPT_TO:
			o->to = optarg;
			break;
		case OPT_POS:
			o->pos = optarg;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	return -1;
}

/*
 * Parses s as a whole number in lo..hi; prints why not, naming what ("--pos",
 * or "position" for the argument of stage move).
 */
static int
number(const char *what, const char *s, int lo, int hi, int *out)
{
	char	*end;
	long	 v;

	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < lo || v > hi) {
		cli_errorx("%s '%s': expected a whole number from %d to %d",
		    what, s, lo, hi);
		return 0;
	}
	*out = (int)v;
	return 1;
}

static int
find(struct cli *cli, const char *name, struct stage *s)
{
	struct kith_err	err = { 0 };

	if (stage_find(cli->db, name, s, &err) != KITH_OK) {
		cli_error(&err);
		return 0;
	}
	return 1;
}

/* Applies --kind, --probability and --stall-days over the defaults. */
static int
apply(struct stage_opts *o, enum kith_stage_kind *kind, int *prob,
    int *stall)
{
	if (o->kind != NULL && !stage_kind_parse(o->kind, kind)) {
		cli_errorx("--kind '%s': use one of " KINDS, o->kind);
		return 0;
	}
	if (o->probability != NULL &&
	    !number("--probability", o->probability, 0, 100, prob))
		return 0;
	if (o->stall != NULL &&
	    !number("--stall-days", o->stall, 1, 100000, stall))
		return 0;
	return 1;
}

static int
stage_list_cmd(struct cli *cli)
{
	struct kith_err	 err = { 0 };
	struct stage	*v;
	size_t		 n, i;

	if (stage_list(cli->db, &v, &n, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	for (i = 0; i < n; i++) {
		printf("%2d  ", v[i].pos);
		out_pad(stdout, v[i].name, 16);
		printf(" %-4s %3d%%", stage_kind_name(v[i].kind),
		    v[i].probability);
		if (v[i].kind == KITH_STAGE_open)
			printf("  stalled after %d day%s", v[i].stall_days,
			    v[i].stall_days == 1 ? "" : "s");
		putchar('\n');
	}
	stages_free(v, n);
	return EXIT_OK;
}

int
cmd_stage(struct cli *cli, int argc, char **argv)
{
	const struct cmd	*cmd = cli_find("stage");
	struct stage_opts	 o;
	struct kith_err		 err = { 0 };
	struct stage		 s = { 0 }, t = { 0 };
	enum kith_stage_kind	 kind = KITH_STAGE_open;
	enum kith_status	 st = KITH_OK;
	const char		*sub;
	int			 rc, prob = -1, stall = STAGE_STALL_DAYS, pos = 0;
	int			 n;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0)) {
		cli_help(cmd);
		return EXIT_OK;
	}
	if ((sub = cli_subcommand(argc, argv)) == NULL)
		return cli_usage(cmd);
	if ((rc = parse(cli, argc - 1, argv + 1, &o)) != -1)
		return rc;
	argc--;
	argv++;
	n = argc - optind;
	if (strcmp(sub, "list") == 0) {
		if (n != 0)
			return cli_usage(cmd);
		cli->access = CLI_READ;
		if (!cli_open(cli))
			return EXIT_BAD;
		return stage_list_cmd(cli);
	}
	rc = EXIT_BAD;
	if (strcmp(sub, "add") == 0) {
		if (n != 1)
			return cli_usage(cmd);
		if (!apply(&o, &kind, &prob, &stall) || (o.pos != NULL &&
		    !number("--pos", o.pos, 1, 1000, &pos)) || !cli_open(cli))
			goto out;
		if (prob < 0)
			prob = kind == KITH_STAGE_won ? 100 : 0;
		if ((st = stage_add(cli->db, argv[optind], kind, prob, stall,
		    pos, NULL, &err)) == KITH_OK)
			out_textf(stdout, "added stage %s\n", argv[optind]);
	} else if (strcmp(sub, "rename") == 0) {
		if (n != 2)
			return cli_usage(cmd);
		if (!cli_open(cli) || !find(cli, argv[optind], &s))
			goto out;
		if ((st = stage_rename(cli->db, s.id, argv[optind + 1], &err))
		    == KITH_OK)
			out_textf(stdout, "renamed stage %s to %s\n", s.name,
			    argv[optind + 1]);
	} else if (strcmp(sub, "move") == 0) {
		if (n != 2)
			return cli_usage(cmd);
		if (!number("position", argv[optind + 1], 1, 1000, &pos) ||
		    !cli_open(cli) || !find(cli, argv[optind], &s))
			goto out;
		if ((st = stage_move(cli->db, s.id, pos, &err)) == KITH_OK)
			rc = stage_list_cmd(cli);
	} else if (strcmp(sub, "set") == 0) {
		if (n != 1)
			return cli_usage(cmd);
		if (!cli_open(cli) || !find(cli, argv[optind], &s))
			goto out;
		kind = s.kind;
		prob = s.probability;
		stall = s.stall_days;
		if (!apply(&o, &kind, &prob, &stall))
			goto out;
		if ((st = stage_set(cli->db, s.id, kind, prob, stall, &err))
		    == KITH_OK)
			rc = stage_list_cmd(cli);
	} else if (strcmp(sub, "rm") == 0) {
		if (n != 1)
			return cli_usage(cmd);
		if (!cli_open(cli) || !find(cli, argv[optind], &s))
			goto out;
		if (o.to != NULL) {
			if (stage_find(cli->db, o.to, &t, &err) != KITH_OK) {
				cli_errorx("--to: %s", err.msg);
				goto out;
			}
		}
		st = stage_remove(cli->db, s.id, t.id, &err);
		if (st == KITH_EXISTS) {
			cli_errorx("%s (--to STAGE moves them); nothing was "
			    "changed", err.msg);
			goto out;
		}
		if (st == KITH_OK)
			out_textf(stdout, "removed stage %s\n", s.name);
	} else {
		cli_errorx("stage %s: no such subcommand (list, add, rename, "
		    "move, set, rm)", sub);
		return cli_usage(cmd);
	}
	if (st != KITH_OK)
		cli_error(&err);
	else if (rc == EXIT_BAD)
		rc = EXIT_OK;
out:
	stage_clear(&s);
	stage_clear(&t);
	return rc;
}
