/* SPDX-License-Identifier: MIT */
/*
 * The keep-in-touch commands: kith cadence (set, show, list), kith review
 * (the day's ranked and explained queue, and its e-mail digest) and
 * kith report cold.  All of the logic is in the core (cadence.h,
 * review.h, cold.h, strength.h); this file parses and prints.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/cadence.h"
#include "kith/clock.h"
#include "kith/cold.h"
#include "kith/db.h"
#include "kith/keydate.h"
#include "kith/review.h"
#include "kith/strength.h"
#include "kith/util.h"
#include "cli.h"

enum { OPT_DB = CLI_OPT_DB, OPT_LIST, OPT_TSV, OPT_DAYS, OPT_DIGEST,
    OPT_ALL, OPT_CAP, OPT_NOTE };

static int	 print_one(struct cli *, int64_t);
static int	 list_cadences(struct cli *, int);
static void	 print_review(const struct review *, const char *);
static void	 print_review_tsv(const struct review *);
static void	 print_digest(const struct review *, const char *);
static int	 parse_days(const char *, const char *, long, long *);
static int	 decide(struct cli *, const struct review_opts *, char **, int,
		    const char *);

static int
parse_days(const char *opt, const char *s, long max, long *out)
{
	char	*end;
	long	 v;

	v = strtol(s, &end, 10);
	if (*s == '\0' || *end != '\0' || v < 0 || v > max) {
		cli_errorx("%s '%s': expected a number from 0 to %ld", opt, s,
		    max);
		return 0;
	}
	*out = v;
	return 1;
}

/* "Ana Petrović: every 30 days (overdue after 45), due 2026-12-20 (due)" */
static int
print_one(struct cli *cli, int64_t id)
{
	struct kith_err	 err = { 0 };
	struct cadence	 c;
	struct strength	 s;
	char		 why[160];

	if (cadence_get(cli->db, id, &c, &err) != KITH_OK ||
	    strength_get(cli->db, id, &s, &err) != KITH_OK) {
		cli_error(&err);
		cadence_clear(&c);
		return EXIT_BAD;
	}
	out_text(stdout, c.name);
	if (c.state == KITH_CADENCE_NONE)
		printf(": no cadence");
	else {
		printf(": every %d days (overdue after %d)", c.ideal, c.max);
		if (c.tag != NULL) {
			fputs(" from tag ", stdout);
			out_text(stdout, c.tag);
		}
		printf(", due %s (%s)", c.due, cadence_state_name(c.state));
	}
	printf("\n  last touch: %s\n", c.last[0] ? c.last : "never");
	strength_explain(&s, why, sizeof why);
	printf("  strength %d: %s\n", s.score, why);
	cadence_clear(&c);
	return EXIT_OK;
}

static int
list_cadences(struct cli *cli, int tsv)
{
	struct kith_err		 err = { 0 };
	struct cadence_tag	*tags = NULL;
	struct cadence		*c = NULL;
	size_t			 nt = 0, n = 0, i;
	char			 spec[32];

	if (cadence_tags(cli->db, &tags, &nt, &err) != KITH_OK ||
	    cadence_list(cli->db, &c, &n, &err) != KITH_OK) {
		cli_error(&err);
		cadence_tags_free(tags, nt);
		return EXIT_BAD;
	}
	if (tsv) {
		for (i = 0; i < n; i++) {
			printf("%lld\t", (long long)c[i].contact);
			out_tsv(stdout, c[i].name);
			printf("\t%d\t%d\t", c[i].ideal, c[i].max);
			if (c[i].tag != NULL)
				out_tsv(stdout, c[i].tag);
			printf("\t%s\t%s\t%s\t%s\n", c[i].last, c[i].due,
			    c[i].overdue, cadence_state_name(c[i].state));
		}
		goto out;
	}
	for (i = 0; i < nt; i++) {
		cadence_format(&tags[i].spec, spec, sizeof spec);
		fputs("tag:", stdout);
		out_text(stdout, tags[i].tag);
		printf("  %s  %ld contact%s\n", spec, tags[i].members,
		    tags[i].members == 1 ? "" : "s");
	}
	if (nt > 0 && n > 0)
		putchar('\n');
	for (i = 0; i < n; i++) {
		struct cadence_spec cs = { c[i].ideal, c[i].max };

		cadence_format(&cs, spec, sizeof spec);
		printf("%-7s %s %5lld  ", cadence_state_name(c[i].state),
		    c[i].due, (long long)c[i].contact);
		out_pad(stdout, c[i].name, 24);
		printf("  %-9s last %s", spec, c[i].last[0] ? c[i].last :
		    "never");
		if (c[i].tag != NULL) {
			fputs("  (tag:", stdout);
			out_text(stdout, c[i].tag);
			putchar(')');
		}
		putchar('\n');
	}
	if (nt == 0 && n == 0)
		printf("No cadences yet: kith cadence ID|QUERY|tag:TAG "
		    "IDEAL[/MAX] sets one.\n");
out:
	cadence_tags_free(tags, nt);
	cadence_list_free(c, n);
	return EXIT_OK;
}

int
cmd_cadence(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "list",	no_argument,		NULL, OPT_LIST },
		{ "tsv",	no_argument,		NULL, OPT_TSV },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("cadence");
	struct kith_err		 err = { 0 };
	struct cadence_spec	 spec;
	int64_t			 id;
	long			 members = 0;
	int			 ch, list = 0, tsv = 0;
	char			 buf[32];

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
		case OPT_TSV:
			tsv = 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (list) {
		if (optind != argc)
			return cli_usage(cmd);
		cli->access = CLI_READ;
		return cli_open(cli) ? list_cadences(cli, tsv) : EXIT_BAD;
	}
	if (tsv || optind == argc || argc - optind > 2)
		return cli_usage(cmd);
	/* The interval is checked before the database is opened. */
	if (argc - optind == 2 && strcmp(argv[optind + 1], "inherit") != 0 &&
	    cadence_parse(argv[optind + 1], &spec, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	if (argc - optind == 1)
		cli->access = CLI_READ;
	if (!cli_open(cli))
		return EXIT_BAD;
	if (strncmp(argv[optind], "tag:", 4) == 0) {
		if (argc - optind == 1 ||
		    strcmp(argv[optind + 1], "inherit") == 0)
			return cli_usage(cmd);
		if (cadence_set_tag(cli->db, argv[optind] + 4, &spec,
		    &members, &err) != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
		cadence_format(&spec, buf, sizeof buf);
		printf("tag:");
		out_text(stdout, argv[optind] + 4);
		printf(" %s: %ld contact%s\n", buf, members,
		    members == 1 ? "" : "s");
		return EXIT_OK;
	}
	if (!cli_resolve(cli, argv[optind], &id))
		return EXIT_BAD;
	if (argc - optind == 2) {
		enum kith_status st = strcmp(argv[optind + 1], "inherit") == 0 ?
		    cadence_clear_contact(cli->db, id, &err) :
		    cadence_set_contact(cli->db, id, &spec, &err);

		if (st != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
	}
	return print_one(cli, id);
}

static void
print_review(const struct review *r, const char *today)
{
	char	 day[KITH_DAY_TEXT], why[512];
	int	 kw;
	size_t	 i;

	date_describe(today, day);
	if (r->n == 0) {
		printf("Nothing owed today (%s)%s.\n", day,
		    r->decided ? ": the review is done" : "");
		return;
	}
	printf("Review for %s: %zu item%s", day, r->n, r->n == 1 ? "" : "s");
	if (r->carried > 0)
		printf(", %zu carried over", r->carried);
	if (r->decided > 0)
		printf(", %zu decided", r->decided);
	printf("\n\n");
	for (i = 0; i < r->n; i++) {
		const struct review_item *it = &r->items[i];

		printf("%3zu %4d  ", it->rank, it->score);
		kw = text_width(review_item_kind(it));
		out_pad(stdout, review_item_kind(it), kw > 9 ? kw : 9);
		putchar(' ');
		out_text(stdout, it->name);
		fputs(" — ", stdout);
		out_text(stdout, it->what);
		printf("  [%s]", it->key);
		review_explain(it, why, sizeof why);
		printf("\n               why: ");
		out_text(stdout, why);
		putchar('\n');
		if (it->hint != NULL) {
			printf("               note: ");
			out_text(stdout, it->hint);
			putchar('\n');
		}
	}
}

static void
print_review_tsv(const struct review *r)
{
	char	 why[512];
	size_t	 i;

	for (i = 0; i < r->n; i++) {
		const struct review_item *it = &r->items[i];

		printf("%zu\t%d\t", it->rank, it->score);
		out_tsv(stdout, review_item_kind(it));
		putchar('\t');
		if (it->contact != 0)
			printf("%lld", (long long)it->contact);
		putchar('\t');
		out_tsv(stdout, it->name);
		putchar('\t');
		out_tsv(stdout, it->what);
		review_explain(it, why, sizeof why);
		putchar('\t');
		out_tsv(stdout, why);
		putchar('\n');
	}
}

static void
print_digest(const struct review *r, const char *today)
{
	char	 day[KITH_DAY_TEXT], why[512];
	size_t	 i;

	if (r->n == 0)
		return;
	date_describe(today, day);
	printf("kith review for %s: %zu thing%s owed", day, r->n,
	    r->n == 1 ? "" : "s");
	if (r->carried > 0)
		printf(" (and %zu more carried over)", r->carried);
	printf("\n");
	for (i = 0; i < r->n; i++) {
		const struct review_item *it = &r->items[i];

		printf("\n%zu. ", it->rank);
		out_text(stdout, it->name);
		fputs(": ", stdout);
		out_text(stdout, it->what);
		review_explain(it, why, sizeof why);
		printf("\n   Why: ");
		out_text(stdout, why);
		putchar('\n');
		if (it->hint != NULL) {
			printf("   Note: ");
			out_text(stdout, it->hint);
			putchar('\n');
		}
	}
}

/*
 * kith review decide KEY done|snooze DATE|reschedule DATE|drop: finds KEY
 * in today's whole queue and records the decision.
 */
static int
decide(struct cli *cli, const struct review_opts *base, char **args, int n,
    const char *note)
{
	static const char *const names[] = { "done", "snooze", "reschedule",
	    "drop" };
	struct kith_err		 err = { 0 };
	struct review_opts	 o = *base;
	struct review		*r;
	char			 day[KITH_DATE_LEN];
	const char		*when = NULL;
	size_t			 i;
	int			 d, snoozes = 0, rc = EXIT_OK;

	for (d = 0; d < 4 && strcmp(args[1], names[d]) != 0; d++)
		;
	if (d == 4 || ((d == REVIEW_SNOOZE || d == REVIEW_RESCHEDULE) !=
	    (n == 3))) {
		cli_errorx("review decide %s: use done, snooze DATE, "
		    "reschedule DATE or drop", args[1]);
		return EXIT_USAGE;
	}
	if (!cli_open(cli))
		return EXIT_BAD;
	if (n == 3) {
		if (date_parse(args[2], kith_db_now(cli->db), day, &err)
		    != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
		when = day;
	}
	o.cap = 0;
	if (review_build(cli->db, &o, &r, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	for (i = 0; i < r->n && strcmp(r->items[i].key, args[0]) != 0; i++)
		;
	if (i == r->n) {
		cli_errorx("review: nothing owed today is '%s' (kith review "
		    "shows each item's key in brackets)", args[0]);
		rc = EXIT_BAD;
	} else if (review_decide(cli->db, &r->items[i],
	    (enum review_decision)d, when, note, &snoozes, &err) != KITH_OK) {
		cli_error(&err);
		rc = EXIT_BAD;
	} else {
		printf("%s: ", names[d]);
		out_text(stdout, r->items[i].name);
		if (when != NULL)
			printf(" until %s", when);
		putchar('\n');
		if (snoozes >= KITH_CADENCE_LOOSEN)
			printf("Snoozed %d times in a row: loosen it? "
			    "(kith cadence %lld with a longer interval)\n",
			    snoozes, (long long)r->items[i].contact);
	}
	review_free(r);
	return rc;
}

int
cmd_review(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tsv",	no_argument,		NULL, OPT_TSV },
		{ "digest",	no_argument,		NULL, OPT_DIGEST },
		{ "days",	required_argument,	NULL, OPT_DAYS },
		{ "all",	no_argument,		NULL, OPT_ALL },
		{ "cap",	required_argument,	NULL, OPT_CAP },
		{ "note",	required_argument,	NULL, OPT_NOTE },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("review");
	struct kith_err		 err = { 0 };
	struct review_opts	 o = { 0, REVIEW_CAP, KEYDATE_FEB28 };
	struct review		*r;
	char			 today[KITH_DATE_LEN];
	const char		*note = NULL;
	long			 v;
	int			 ch, tsv = 0, digest = 0;

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
		case OPT_DIGEST:
			digest = 1;
			break;
		case OPT_DAYS:
			if (!parse_days("--days", optarg, 366, &v))
				return EXIT_USAGE;
			o.days = (int)v;
			break;
		case OPT_ALL:
			o.cap = 0;
			break;
		case OPT_CAP:
			if (!parse_days("--cap", optarg, 100000, &v))
				return EXIT_USAGE;
			o.cap = (size_t)v;
			break;
		case OPT_NOTE:
			note = optarg;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	o.feb29 = keydate_feb29_from(getenv("KITH_FEB29"));
	if (optind < argc && strcmp(argv[optind], "decide") == 0) {
		if (argc - optind < 3 || argc - optind > 4 || tsv || digest)
			return cli_usage(cmd);
		cli->access = CLI_CHANGE;
		return decide(cli, &o, argv + optind + 1, argc - optind - 1,
		    note);
	}
	if (optind != argc || (tsv && digest) || note != NULL)
		return cli_usage(cmd);
	if (!cli_open(cli))
		return EXIT_BAD;
	if (review_build(cli->db, &o, &r, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	date_from_time(kith_db_now(cli->db), today);
	if (tsv)
		print_review_tsv(r);
	else if (digest)
		print_digest(r, today);
	else
		print_review(r, today);
	review_free(r);
	return EXIT_OK;
}

/* kith report cold: cmd_report (cmd_report.c) parsed the options. */
int
cli_report_cold(struct cli *cli, int tsv)
{
	struct kith_err		 err = { 0 };
	struct cold		*c;
	size_t			 n, i;

	if (!cli_open(cli))
		return EXIT_BAD;
	if (cold_list(cli->db, &c, &n, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	if (!tsv && n == 0)
		printf("Nobody is going cold.\n");
	else if (!tsv)
		printf("%-5s %-24s %-10s %5s %5s %9s  %s\n", "ID", "NAME",
		    "LAST", "DAYS", "GAP", "STRENGTH", "WHY");
	for (i = 0; i < n; i++) {
		if (tsv) {
			printf("%lld\t", (long long)c[i].contact);
			out_tsv(stdout, c[i].name);
			printf("\t%s\t%ld\t%ld\t%d\t%d\t%d\t%s\n", c[i].last,
			    c[i].days, c[i].gap, c[i].strength, c[i].before,
			    c[i].drop, c[i].cooling && c[i].overdue ?
			    "cooling,overdue" : c[i].cooling ? "cooling" :
			    "overdue");
			continue;
		}
		printf("%-5lld ", (long long)c[i].contact);
		out_pad(stdout, c[i].name, 24);
		printf(" %-10s %5ld %5ld %3d (%+d)  %s\n",
		    c[i].last[0] ? c[i].last : "never", c[i].days, c[i].gap,
		    c[i].strength, -c[i].drop, c[i].cooling && c[i].overdue ?
		    "cooling, cadence overdue" : c[i].cooling ? "cooling" :
		    "cadence overdue");
	}
	cold_list_free(c, n);
	return EXIT_OK;
}
