/* SPDX-License-Identifier: MIT */
/*
 * kith pipeline: the Monday numbers, printed from the core's report
 * (pipeline.h).  Amounts are written with their currency's digits and
 * never added across currencies; --tsv prints the open stages only, one
 * row per stage and currency.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/money.h"
#include "kith/pipeline.h"
#include "kith/util.h"
#include "cli.h"

enum { OPT_DB = CLI_OPT_DB, OPT_TSV, OPT_CURRENCY, OPT_STALLED };

#define STALLED_SHOWN	20	/* stalled deals listed by default */
#define MONEY_W		14	/* width of an amount, without its code */

/* Which figure of a period's flow a row of the period table shows. */
enum flow_field { FLOW_WON, FLOW_LOST };

static void	print_tsv(const struct pipeline_stage_total *, size_t);
static void	print_money(int64_t, const char *, int, int);
static void	print_amount_line(const struct pipeline_amount *, int);
static void	print_stages(struct cli *, const struct pipeline_report *);
static void	print_periods(const struct pipeline_report *);
static void	print_flow_rows(const struct pipeline_report *,
		    enum flow_field);
static void	print_stalled(const struct pipeline_report *);
static const struct pipeline_flow *find_flow(const struct pipeline_period *,
		    const char *);
static long	flow_count(const struct pipeline_flow *, enum flow_field);
static int64_t	flow_total(const struct pipeline_flow *, enum flow_field);

/*
 * One row per open stage and currency: stage, count, total, weighted,
 * currency.  An empty stage still has its row (0, 0.00, 0.00, no code).
 */
static void
print_tsv(const struct pipeline_stage_total *stages, size_t n)
{
	const struct pipeline_stage_total	*t;
	const struct pipeline_amount		*a;
	char					 total[32], weighted[32];
	size_t					 i, j;

	for (i = 0; i < n; i++) {
		t = &stages[i];
		if (t->n_amounts == 0) {
			out_tsv(stdout, t->name);
			printf("\t0\t0.00\t0.00\t\n");
			continue;
		}
		for (j = 0; j < t->n_amounts; j++) {
			a = &t->amounts[j];
			money_format(a->total, a->currency, 0, total,
			    sizeof total);
			money_format(a->weighted, a->currency, 0, weighted,
			    sizeof weighted);
			out_tsv(stdout, t->name);
			printf("\t%ld\t%s\t%s\t%s\n", a->count, total,
			    weighted, a->currency);
		}
	}
}

/*
 * "     12,500.50 EUR" in MONEY_W + 4 columns, blank when blank is set; a
 * deal without a currency shows "-".  The last cell of a line leaves no
 * trailing blanks.
 */
static void
print_money(int64_t minor, const char *currency, int blank, int last)
{
	char	buf[32];

	if (blank) {
		if (!last)
			printf("%*s", MONEY_W + 4, "");
		return;
	}
	if (currency[0] == '\0') {
		printf("%*s%s", MONEY_W, "-", last ? "" : "    ");
		return;
	}
	money_format(minor, currency, 1, buf, sizeof buf);
	printf(last ? "%*s %s" : "%*s %-3s", MONEY_W, buf, currency);
}

/* The count, value and weighted value of a, after w blank columns. */
static void
print_amount_line(const struct pipeline_amount *a, int w)
{
	printf("%*s%8ld ", w, "", a->count);
	print_money(a->total, a->currency, 0, 0);
	putchar(' ');
	print_money(a->weighted, a->currency, 0, 1);
	putchar('\n');
}

static void
print_stages(struct cli *cli, const struct pipeline_report *r)
{
	const struct pipeline_stage_total	*t;
	size_t					 i, j;
	int					 w = 12, n;

	for (i = 0; i < r->n_stages; i++)
		if ((n = text_width(r->stages[i].name)) > w)
			w = n;
	if (w > 24)
		w = 24;
	/* "deals", or "matters" as the book calls them. */
	printf("%-*s%5s%8s %*s     %*s\n", w + 2, "Open stages", "win",
	    cli_deal_word(cli, 1, 0), MONEY_W, "value", MONEY_W, "weighted");
	for (i = 0; i < r->n_stages; i++) {
		t = &r->stages[i];
		fputs("  ", stdout);
		out_pad(stdout, t->name, w);
		printf(" %3d%%", t->probability);
		if (t->n_amounts == 0) {
			printf("%8d\n", 0);
			continue;
		}
		for (j = 0; j < t->n_amounts; j++)
			print_amount_line(&t->amounts[j], j == 0 ? 0 : w + 7);
	}
	if (r->n_stages > 1 && r->n_totals > 0) {
		printf("  %-*s     ", w, "All open");
		for (j = 0; j < r->n_totals; j++)
			print_amount_line(&r->totals[j], j == 0 ? 0 : w + 7);
	}
}

static const struct pipeline_flow *
find_flow(const struct pipeline_period *p, const char *currency)
{
	size_t	i;

	for (i = 0; i < p->n_flows; i++)
		if (strcmp(p->flows[i].currency, currency) == 0)
			return &p->flows[i];
	return NULL;
}

static long
flow_count(const struct pipeline_flow *f, enum flow_field field)
{
	if (f == NULL)
		return 0;
	return field == FLOW_WON ? f->won : f->lost;
}

static int64_t
flow_total(const struct pipeline_flow *f, enum flow_field field)
{
	if (f == NULL)
		return 0;
	return field == FLOW_WON ? f->won_total : f->lost_total;
}

/*
 * Under a count row, one line per currency that moved in either period:
 * its value in each, blank where it did not move.  The longer period
 * holds every currency of the shorter one.
 */
static void
print_flow_rows(const struct pipeline_report *r, enum flow_field field)
{
	const struct pipeline_period	*longest;
	const struct pipeline_flow	*f, *g;
	size_t				 i;
	int				 p;

	longest = &r->periods[PIPELINE_PERIODS - 1];
	for (i = 0; i < longest->n_flows; i++) {
		f = &longest->flows[i];
		if (flow_count(f, field) == 0)
			continue;
		printf("%-20s", "");
		for (p = 0; p < PIPELINE_PERIODS; p++) {
			g = find_flow(&r->periods[p], f->currency);
			putchar(' ');
			print_money(flow_total(g, field), f->currency,
			    flow_count(g, field) == 0,
			    p == PIPELINE_PERIODS - 1);
		}
		putchar('\n');
	}
}

static void
print_periods(const struct pipeline_report *r)
{
	static const char *const labels[] = { "Won", "Lost" };
	const struct pipeline_period	*p;
	char				 head[32], cell[32];
	int				 i, k;

	printf("\n%-20s", "");
	for (i = 0; i < PIPELINE_PERIODS; i++) {
		snprintf(head, sizeof head, "last %d days", r->periods[i].days);
		printf(" %*s", MONEY_W + 4, head);
	}
	printf("\n  %-18s", "Opened");
	for (i = 0; i < PIPELINE_PERIODS; i++)
		printf(" %*ld", MONEY_W + 4, r->periods[i].opened);
	putchar('\n');
	for (k = FLOW_WON; k <= FLOW_LOST; k++) {
		printf("  %-18s", labels[k]);
		for (i = 0; i < PIPELINE_PERIODS; i++) {
			p = &r->periods[i];
			printf(" %*ld", MONEY_W + 4, k == FLOW_WON ?
			    p->won : p->lost);
		}
		putchar('\n');
		print_flow_rows(r, (enum flow_field)k);
	}
	printf("  %-18s", "Win rate");
	for (i = 0; i < PIPELINE_PERIODS; i++) {
		p = &r->periods[i];
		if (p->win_rate < 0)
			snprintf(cell, sizeof cell, "-");
		else
			snprintf(cell, sizeof cell, "%d%%", p->win_rate);
		printf(" %*s", MONEY_W + 4, cell);
	}
	printf("\n  %-18s", "Days to close");
	for (i = 0; i < PIPELINE_PERIODS; i++) {
		p = &r->periods[i];
		if (p->avg_days < 0)
			snprintf(cell, sizeof cell, "-");
		else
			snprintf(cell, sizeof cell, "%ld", p->avg_days);
		printf(" %*s", MONEY_W + 4, cell);
	}
	putchar('\n');
}

static void
print_stalled(const struct pipeline_report *r)
{
	const struct pipeline_stalled	*s;
	size_t				 i;

	if (r->stalled_total == 0) {
		printf("\nStalled: none\n");
		return;
	}
	printf("\nStalled (%ld)\n", r->stalled_total);
	for (i = 0; i < r->n_stalled; i++) {
		s = &r->stalled[i];
		printf("  %6lld  ", (long long)s->deal);
		out_pad(stdout, s->title, 28);
		fputs("  ", stdout);
		out_pad(stdout, s->stage, 14);
		printf("  %4ld day%s without a touch", s->days,
		    s->days == 1 ? "" : "s");
		if (s->overdue > 0)
			printf(", follow-up %ld day%s late", s->overdue,
			    s->overdue == 1 ? "" : "s");
		putchar('\n');
	}
	if ((size_t)r->stalled_total > r->n_stalled)
		printf("  … and %ld more (--stalled N lists more)\n",
		    r->stalled_total - (long)r->n_stalled);
}

int
cmd_pipeline(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "tsv",	no_argument,		NULL, OPT_TSV },
		{ "currency",	required_argument,	NULL, OPT_CURRENCY },
		{ "stalled",	required_argument,	NULL, OPT_STALLED },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("pipeline");
	struct pipeline_stage_total *stages;
	struct pipeline_report	*r;
	struct kith_err		 err = { 0 };
	char			 cur[KITH_CURRENCY_LEN] = "", *end;
	long			 shown = STALLED_SHOWN;
	size_t			 n;
	int			 ch, tsv = 0;

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
		case OPT_CURRENCY:
			if (money_currency(optarg, cur, &err) != KITH_OK) {
				cli_errorx("--currency: %s", err.msg);
				return EXIT_BAD;
			}
			break;
		case OPT_STALLED:
			shown = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || shown < 0 ||
			    shown > 1000000) {
				cli_errorx("--stalled '%s': expected how many "
				    "stalled deals to list, 0 or more",
				    optarg);
				return EXIT_USAGE;
			}
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (optind != argc)
		return cli_usage(cmd);
	if (!cli_open(cli))
		return EXIT_BAD;
	if (tsv) {
		/* Only the stages: no need for the rest of the report. */
		if (pipeline_stage_totals(cli->db, cur, &stages, &n, &err) !=
		    KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
		print_tsv(stages, n);
		pipeline_stage_totals_free(stages, n);
		return EXIT_OK;
	}
	if (pipeline_report(cli->db, cur, (size_t)shown, &r, &err) !=
	    KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	print_stages(cli, r);
	print_periods(r);
	print_stalled(r);
	pipeline_report_free(r);
	return EXIT_OK;
}
