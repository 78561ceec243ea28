/* SPDX-License-Identifier: MIT */
/*
 * Subcommands about what happened and what is next: log, follow, done,
 * snooze, due.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/util.h"
#include "cli.h"

enum { OPT_DB = CLI_OPT_DB, OPT_KIND, OPT_AT, OPT_WITH, OPT_DUE, OPT_DAYS,
    OPT_DEAL,
    OPT_TSV, OPT_BY };

static int	parse_when(struct cli *, const char *, const char *, unsigned,
		    struct kith_when *);
static int	parse_due(struct cli *, const char *, const char *,
		    struct kith_when *);
static int	print_due(const struct followup *, void *);

/*
 * Parses a human date for option what, in the order of day and month that
 * KITH_DATE_ORDER or the locale gives; prints the error and returns 0.
 */
static int
parse_when(struct cli *cli, const char *what, const char *s, unsigned flags,
    struct kith_when *w)
{
	struct kith_err	err = { 0 };

	flags |= date_order_flags(getenv("KITH_DATE_ORDER"), NULL);
	if (when_parse(s, kith_db_now(cli->db), flags, w, &err) != KITH_OK) {
		cli_errorx("%s: %s", what, err.msg);
		return 0;
	}
	return 1;
}

/*
 * A due date, with a time of day if one is given ("fri 14:30"); a day in
 * the past is taken with a warning.
 */
static int
parse_due(struct cli *cli, const char *what, const char *s,
    struct kith_when *w)
{
	char			today[KITH_DATE_LEN], text[KITH_DAY_TEXT];
	long			ago;

	if (!parse_when(cli, what, s, KITH_DATE_TIME, w))
		return 0;
	date_from_time(kith_db_now(cli->db), today);
	if ((ago = date_diff_days(w->date, today)) > 0) {
		date_describe(w->date, text);
		fprintf(stderr, "%s: warning: %s is in the past (%ld day%s "
		    "ago): the follow-up is overdue already\n", cli->prog,
		    text, ago, ago == 1 ? "" : "s");
	}
	return 1;
}

int
cmd_log(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "kind",	required_argument,	NULL, OPT_KIND },
		{ "at",		required_argument,	NULL, OPT_AT },
		{ "with",	required_argument,	NULL, OPT_WITH },
		{ "deal",	required_argument,	NULL, OPT_DEAL },
		{ "by",		required_argument,	NULL, OPT_BY },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("log");
	struct kith_err		 err = { 0 };
	struct sbuf		 summary = { 0 };
	const char		*kind = KITH_INTERACTION_KIND_DEFAULT;
	const char		*at = NULL, *deal = NULL, *dir = NULL;
	struct kith_when	 when;
	char			 stamp[KITH_WHEN_LEN], text[KITH_DAY_TEXT];
	char			**with = NULL, *name;
	int64_t			*who = NULL, id, deal_id = 0;
	size_t			 n_with = 0, n = 0, i, first;
	int			 ch, rc = EXIT_BAD, begun = 0;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			rc = EXIT_OK;
			goto out;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_KIND:
			kind = optarg;
			break;
		case OPT_AT:
			at = optarg;
			break;
		case OPT_WITH:
			with = xreallocarray(with, n_with + 1, sizeof *with);
			with[n_with++] = optarg;
			break;
		case OPT_DEAL:
			deal = optarg;
			break;
		case OPT_BY:
			/* Who started it, for the strength's reciprocity. */
			if (strcmp(optarg, "them") == 0)
				dir = "in";
			else if (strcmp(optarg, "us") == 0 ||
			    strcmp(optarg, "me") == 0)
				dir = "out";
			else {
				cli_errorx("--by '%s': use them (they started "
				    "it) or us", optarg);
				rc = EXIT_USAGE;
				goto out;
			}
			break;
		default:
			rc = cli_usage(cmd);
			goto out;
		}
	}
	/* On a deal, every word is the summary: people come with --with. */
	first = deal != NULL ? (size_t)optind : (size_t)optind + 1;
	if ((size_t)argc < first + 1) {
		rc = cli_usage(cmd);
		goto out;
	}
	if (!interaction_kind_valid(kind)) {
		cli_errorx("--kind '%s': use one of %s", kind,
		    KITH_INTERACTION_KINDS);
		goto out;
	}
	for (i = first; i < (size_t)argc; i++) {
		if (summary.len > 0)
			sbuf_addc(&summary, ' ');
		sbuf_add(&summary, argv[i]);
	}
	if (!cli_open(cli))
		goto out;
	who = xreallocarray(NULL, n_with + 1, sizeof *who);
	if (deal != NULL && !cli_deal_resolve(cli, deal, &deal_id))
		goto out;
	if (deal == NULL && !cli_resolve(cli, argv[optind], &who[n++]))
		goto out;
	for (i = 0; i < n_with; i++)
		if (!cli_resolve(cli, with[i], &who[n++]))
			goto out;
	if (at != NULL) {
		if (!parse_when(cli, "--at", at, KITH_DATE_PAST |
		    KITH_DATE_TIME, &when))
			goto out;
		when_describe(&when, text);
		if (when_is_future(&when, kith_db_now(cli->db))) {
			cli_errorx("--at %s: that is in the future; use kith "
			    "follow for planned actions", text);
			goto out;
		}
		when_format(&when, stamp);
	}
	/* Logging and saying who started it are one action. */
	if (dir != NULL) {
		if (!cli_act_begin(cli))
			goto out;
		begun = 1;
	}
	if (deal != NULL) {
		/* The core names the action after the deal. */
		if (deal_log(cli->db, deal_id, who, n, kind, at ? stamp :
		    NULL, summary.s, NULL, &id, &err) != KITH_OK) {
			cli_error(&err);
			goto out;
		}
	} else {
		name = cli_contact_name(cli, who[0]);
		cli_act_name(cli, "log", "logged %s with %s%s: %s", kind, name,
		    n > 1 ? " and others" : "", summary.s);
		free(name);
	}
	if (deal == NULL && interaction_log(cli->db, who, n, kind, at ?
	    stamp : NULL, summary.s, NULL, &id, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	if (dir != NULL) {
		if (interaction_set_direction(cli->db, id, dir, &err) !=
		    KITH_OK) {
			cli_error(&err);
			goto out;
		}
		begun = 0;
		if (!cli_act_commit(cli, "log", "logged %s: %s", kind,
		    summary.s))
			goto out;
	}
	if (at != NULL)
		printf("logged %lld on %s\n", (long long)id, text);
	else
		printf("logged %lld\n", (long long)id);
	rc = EXIT_OK;
out:
	if (begun)
		cli_act_abort(cli);
	free(with);
	free(who);
	sbuf_free(&summary);
	return rc;
}

int
cmd_follow(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "due",	required_argument,	NULL, OPT_DUE },
		{ "deal",	required_argument,	NULL, OPT_DEAL },
		{ "with",	required_argument,	NULL, OPT_WITH },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("follow");
	struct kith_err		 err = { 0 };
	struct sbuf		 action = { 0 };
	const char		*due = NULL, *deal = NULL, *with = NULL;
	struct kith_when	 w;
	char			 day[KITH_WHEN_LEN], text[KITH_DAY_TEXT], *name;
	int64_t			 who = 0, id, deal_id = 0;
	int			 ch, i, ok, first, rc = EXIT_BAD;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_DUE:
			due = optarg;
			break;
		case OPT_DEAL:
			deal = optarg;
			break;
		case OPT_WITH:
			with = optarg;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	/* On a deal, every word is the action: a contact comes with --with. */
	first = deal != NULL ? optind : optind + 1;
	if (argc < first + 1 || due == NULL || (with != NULL && deal == NULL))
		return cli_usage(cmd);
	for (i = first; i < argc; i++) {
		if (action.len > 0)
			sbuf_addc(&action, ' ');
		sbuf_add(&action, argv[i]);
	}
	if (!cli_open(cli) || !parse_due(cli, "--due", due, &w))
		goto out;
	when_format(&w, day);
	if (deal != NULL) {
		if (!cli_deal_resolve(cli, deal, &deal_id) || (with != NULL &&
		    !cli_resolve_opt(cli, "--with", with, &who)))
			goto out;
		if (deal_follow(cli->db, deal_id, who, action.s, day, &id,
		    &err) != KITH_OK) {
			cli_error(&err);
			goto out;
		}
		when_describe(&w, text);
		printf("follow-up %lld due %s\n", (long long)id, text);
		rc = EXIT_OK;
		goto out;
	}
	if (!cli_resolve(cli, argv[optind], &who))
		goto out;
	if (!cli_act_begin(cli))
		goto out;
	if (followup_add(cli->db, who, action.s, day, &id, &err) != KITH_OK) {
		cli_error(&err);
		cli_act_abort(cli);
		goto out;
	}
	name = cli_contact_name(cli, who);
	ok = cli_act_commit(cli, "follow", "follow-up %lld for %s: %s, due %s",
	    (long long)id, name, action.s, day);
	free(name);
	if (!ok)
		goto out;
	when_describe(&w, text);
	printf("follow-up %lld due %s\n", (long long)id, text);
	rc = EXIT_OK;
out:
	sbuf_free(&action);
	return rc;
}

/*
 * Follow-up id in words, "call about the letter, for Ana Petrović" (caller
 * frees), or NULL: what done and snooze name, so that a mistyped id shows
 * whose item it changed.
 */
static char *
followup_words(struct cli *cli, int64_t id)
{
	struct followup	*f = NULL;
	char		*s;

	if (followup_get(cli->db, id, &f, NULL) != KITH_OK)
		return NULL;
	if (f->contact_name != NULL)
		s = xasprintf("%s, for %s", f->action, f->contact_name);
	else if (f->deal_title != NULL)
		s = xasprintf("%s, on %s", f->action, f->deal_title);
	else
		s = xstrdup(f->action);
	followup_free(f);
	return s;
}

int
cmd_done(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("done");
	struct kith_err		 err = { 0 };
	struct sbuf		 label = { 0 };
	char			*what;
	int64_t			 id;
	int			 flags[2] = { 0 }, rc;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (optind >= argc)
		return cli_usage(cmd);
	if (!cli_open(cli) || !cli_act_begin(cli))
		return EXIT_BAD;
	rc = EXIT_OK;
	for (; optind < argc; optind++) {
		if (!cli_parse_id(argv[optind], "follow-up id", &id)) {
			rc = EXIT_BAD;
			continue;
		}
		what = followup_words(cli, id);
		switch (followup_done(cli->db, id, &err)) {
		case KITH_OK:
			out_textf(stdout, "done %lld: %s\n", (long long)id,
			    what != NULL ? what : "");
			sbuf_add(&label, label.len > 0 ? ", #" :
			    "done follow-up #");
			sbuf_add(&label, argv[optind]);
			break;
		case KITH_EXISTS:	/* nothing changed, nothing wrong */
			out_textf(stdout, "%s; nothing changed\n", err.msg);
			break;
		default:
			cli_error(&err);
			rc = EXIT_BAD;
			break;
		}
		free(what);
	}
	if (!cli_act_commit(cli, "done", "%s", label.s ? label.s : "done "
	    "nothing"))
		rc = EXIT_BAD;
	sbuf_free(&label);
	return rc;
}

int
cmd_snooze(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "reopen",	no_argument,		NULL, 0 },
		{ "all-day",	no_argument,		NULL, 0 },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("snooze");
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	struct kith_when	 w;
	struct followup		*f = NULL;
	char			 day[KITH_WHEN_LEN], text[KITH_DAY_TEXT];
	char			*what;
	int64_t			 id;
	int			 flags[3] = { 0 }, rc;

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (optind != argc - 2)
		return cli_usage(cmd);
	if (!cli_parse_id(argv[optind], "follow-up id", &id) ||
	    !cli_open(cli) || !parse_due(cli, "date", argv[optind + 1], &w))
		return EXIT_BAD;
	when_format(&w, day);
	if (!cli_act_begin(cli))
		return EXIT_BAD;
	st = followup_reschedule(cli->db, id, day, FOLLOWUP_SNOOZE |
	    (flags[0] ? FOLLOWUP_REOPEN : 0) |
	    (flags[1] ? FOLLOWUP_ALLDAY : 0), &err);
	if (st == KITH_EXISTS) {
		cli_errorx("%s; nothing changed (kith snooze --reopen %lld "
		    "DATE makes it pending again)", err.msg, (long long)id);
		cli_act_abort(cli);
		return EXIT_BAD;
	}
	if (st != KITH_OK) {
		cli_error(&err);
		cli_act_abort(cli);
		return EXIT_BAD;
	}
	if (!cli_act_commit(cli, "snooze", "snoozed follow-up #%lld to %s",
	    (long long)id, day))
		return EXIT_BAD;
	/* Say the time it kept when only a day was given. */
	if (followup_get(cli->db, id, &f, &err) == KITH_OK)
		followup_when(f, &w);
	followup_free(f);
	when_describe(&w, text);
	printf("follow-up %lld due %s\n", (long long)id, text);
	/* Whose it is, beside the echo scripts read. */
	if ((what = followup_words(cli, id)) != NULL)
		out_textf(stderr, "snoozed %lld: %s\n", (long long)id, what);
	free(what);
	return EXIT_OK;
}

struct due_ctx {
	struct cli *cli;
	int	tsv;
	int	section;	/* 0 none yet, 1 overdue, 2 today, 3 upcoming */
	long	count;
};

static int
print_due(const struct followup *f, void *arg)
{
	static const char *const titles[] = { "", "OVERDUE", "TODAY",
	    "UPCOMING" };
	struct due_ctx	*ctx = arg;
	int		 section;
	char		 when[32], *name;

	ctx->count++;
	if (ctx->tsv) {
		printf("%lld\t%s\t%ld\t%lld\t", (long long)f->id, f->due,
		    f->late, (long long)f->contact);
		out_tsv(stdout, f->contact_name);
		putchar('\t');
		out_tsv(stdout, f->action);
		printf("\t%s\n", f->due_time);
		return 0;
	}
	section = f->late > 0 ? 1 : f->late == 0 ? 2 : 3;
	if (section != ctx->section) {
		printf("%s%s\n", ctx->section ? "\n" : "", titles[section]);
		ctx->section = section;
	}
	if (f->late > 0)
		snprintf(when, sizeof when, "%ldd late", f->late);
	else if (f->late == 0)
		snprintf(when, sizeof when, "today");
	else
		snprintf(when, sizeof when, "%s", f->due);
	printf("  %5lld  %-10s  ", (long long)f->id, when);
	if (f->contact_name == NULL && f->deal_title != NULL) {
		/* A deal's follow-up with nobody on it: "matter: title". */
		name = xasprintf("%s: %s", cli_deal_word(ctx->cli, 0, 0),
		    f->deal_title);
		out_pad(stdout, name, 24);
		free(name);
	} else
		out_pad(stdout, f->contact_name ? f->contact_name : "-", 24);
	fputs("  ", stdout);
	if (f->due_time[0] != '\0')
		printf("%s  ", f->due_time);
	out_text(stdout, f->action);
	putchar('\n');
	return 0;
}

int
cmd_due(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "days",	required_argument,	NULL, OPT_DAYS },
		{ "tsv",	no_argument,		NULL, OPT_TSV },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("due");
	struct due_ctx		 ctx = { 0 };
	struct kith_err		 err = { 0 };
	char			*end;
	long			 days = 0;
	int			 ch;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_DAYS:
			days = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || days < 0 ||
			    days > 3660) {
				cli_errorx("--days '%s': expected a number of "
				    "days from 0 to 3660", optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_TSV:
			ctx.tsv = 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (optind != argc)
		return cli_usage(cmd);
	if (!cli_open(cli))
		return EXIT_BAD;
	ctx.cli = cli;
	if (followup_each_due(cli->db, (int)days, print_due, &ctx, &err)
	    != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	if (ctx.count == 0 && !ctx.tsv)
		printf("Nothing due%s.\n", days > 0 ? " in that time" : " today");
	return EXIT_OK;
}

void
cli_print_followups(const struct followup *fu, size_t n, int with_contact)
{
	size_t	i;

	if (n > 0)
		printf("\nFollow-ups\n");
	for (i = 0; i < n; i++, fu++) {
		printf("  %s %c %4lld  ", fu->due, fu->late > 0 ? '!' : ' ',
		    (long long)fu->id);
		if (fu->due_time[0] != '\0')
			printf("%s  ", fu->due_time);
		out_text(stdout, fu->action);
		if (with_contact && fu->contact_name != NULL) {
			fputs(" — ", stdout);
			out_text(stdout, fu->contact_name);
		}
		if (fu->late > 0)
			printf(" (%ld day%s late)", fu->late,
			    fu->late == 1 ? "" : "s");
		putchar('\n');
	}
}

void
cli_print_interactions(const struct interaction *in, size_t n)
{
	size_t	i;

	if (n > 0)
		printf("\nLatest interactions\n");
	for (i = 0; i < n; i++, in++) {
		printf("  %-16s %-7s ", in->at, in->kind);
		out_text(stdout, in->summary);
		putchar('\n');
	}
}
