/* SPDX-License-Identifier: MIT */
/*
 * kith deal: deals (or matters, as kith config deal-word says) -- add,
 * move, close won or lost, edit, show, rm and list -- and kith config.
 * Every check of what the user typed is made before anything is
 * written, naming the option it came from; the writes are the core's
 * (deal.h), each one action of the change journal.
 */
#include <ctype.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/clock.h"
#include "kith/conflict.h"
#include "kith/contact.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/deal_sheet.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/money.h"
#include "kith/stage.h"
#include "kith/util.h"
#include "kith/vocab.h"
#include "cli.h"

#define FEES	KITH_FEE_LIST(KITH_VOCAB_STR, KITH_VOCAB_BAR)

enum {
	OPT_DB = CLI_OPT_DB, OPT_ORG, OPT_VALUE, OPT_CURRENCY, OPT_STAGE,
	OPT_CONTACT, OPT_ROLE, OPT_CLOSE, OPT_REF, OPT_FEE, OPT_PRACTICE,
	OPT_NEXT, OPT_NOTES, OPT_TITLE, OPT_REASON, OPT_ORIGINATOR,
	OPT_RESPONSIBLE, OPT_RM_CONTACT, OPT_YES, OPT_TSV, OPT_CHECK
};

/* What the options of deal add and deal edit gave; NULL: not given. */
struct fields {
	const char	*title, *org, *value, *currency, *stage, *close;
	const char	*ref, *fee, *practice, *next, *notes, *reason;
	const char	*originator, *responsible;
	const char	**contacts;	/* --contact, each with roles[i] */
	const char	**roles;
	size_t		 n_contacts;
	const char	**rm;		/* --rm-contact */
	size_t		 n_rm;
	int		 check;		/* --check: conflict-check parties */
};

static const int no_opts[] = { 0 };

static const struct option field_opts[] = {
	{ "title",	required_argument,	NULL, OPT_TITLE },
	{ "org",	required_argument,	NULL, OPT_ORG },
	{ "value",	required_argument,	NULL, OPT_VALUE },
	{ "currency",	required_argument,	NULL, OPT_CURRENCY },
	{ "stage",	required_argument,	NULL, OPT_STAGE },
	{ "contact",	required_argument,	NULL, OPT_CONTACT },
	{ "role",	required_argument,	NULL, OPT_ROLE },
	{ "rm-contact",	required_argument,	NULL, OPT_RM_CONTACT },
	{ "close",	required_argument,	NULL, OPT_CLOSE },
	{ "ref",	required_argument,	NULL, OPT_REF },
	{ "fee",	required_argument,	NULL, OPT_FEE },
	{ "practice",	required_argument,	NULL, OPT_PRACTICE },
	{ "next",	required_argument,	NULL, OPT_NEXT },
	{ "notes",	required_argument,	NULL, OPT_NOTES },
	{ "reason",	required_argument,	NULL, OPT_REASON },
	{ "originator",	required_argument,	NULL, OPT_ORIGINATOR },
	{ "responsible", required_argument,	NULL, OPT_RESPONSIBLE },
	{ "yes",	no_argument,		NULL, OPT_YES },
	{ "tsv",	no_argument,		NULL, OPT_TSV },
	{ "check",	no_argument,		NULL, OPT_CHECK },
	{ "db",		required_argument,	NULL, OPT_DB },
	{ "help",	no_argument,		NULL, 'h' },
	{ NULL, 0, NULL, 0 }
};

static int	 parse_opts(struct cli *, int, char **, const int *,
		    struct fields *, int *, int *);
static int	 apply_fields(struct cli *, const struct fields *,
		    struct deal *, int64_t **, char ***);
static int	 opt_error(const struct kith_err *);
static void	 fields_clear(struct fields *);
static int	 party_check(struct cli *, const char *, const int64_t *,
		    size_t, int);
static void	 out_shell_word(const char *);
static void	 set_str(char **, const char *);
static void	 free_roles(char **, size_t);
static int	 deal_add_cmd(struct cli *, int, char **);
static int	 deal_move_cmd(struct cli *, int, char **);
static int	 deal_close_cmd(struct cli *, int, char **,
		    enum kith_stage_kind);
static int	 deal_edit_cmd(struct cli *, int, char **);
static int	 deal_show_cmd(struct cli *, int, char **);
static int	 deal_rm_cmd(struct cli *, int, char **);
static int	 deal_list_cmd(struct cli *, int, char **);
static int	 deal_roles_cmd(struct cli *, int, char **);
static char	*join_args(int, char **, int);
static void	 print_value(FILE *, int, int64_t, const char *, int);
static void	 sheet_line(const char *, const char *);

/* "deal", "Deals", ... after the book's setting. */
const char *
cli_deal_word(struct cli *cli, int plural, int capital)
{
	if (cli->db == NULL)
		return plural ? capital ? "Deals" : "deals" :
		    capital ? "Deal" : "deal";
	return deal_word_form(cli->db, plural, capital);
}

int
cli_deal_resolve(struct cli *cli, const char *what, int64_t *id)
{
	struct deal_ref		*cands = NULL;
	struct kith_err		 err = { 0 };
	enum kith_status	 st;
	size_t			 n = 0, i;

	st = deal_resolve(cli->db, what, id, &cands, &n, 10, &err);
	if (st == KITH_OK)
		return 1;
	cli_error(&err);
	if (st == KITH_AMBIGUOUS) {
		for (i = 0; i < n; i++) {
			fprintf(stderr, "  %6lld  ", (long long)cands[i].id);
			out_text(stderr, cands[i].title);
			if (cands[i].org != NULL) {
				fputs(", ", stderr);
				out_text(stderr, cands[i].org);
			}
			fputs(" (", stderr);
			out_text(stderr, cands[i].stage);
			fputs(")\n", stderr);
		}
		fprintf(stderr, "Give the id, the reference, or more of the "
		    "title.\n");
	}
	deal_refs_free(cands, n);
	return 0;
}

/* A core error about an option's value: "--value '-5': ...". */
static int
opt_error(const struct kith_err *err)
{
	cli_errorx("--%s", err->msg);
	return 0;
}

static char *
join_args(int argc, char **argv, int from)
{
	struct sbuf	sb = { 0 };
	int		i;

	for (i = from; i < argc; i++) {
		if (sb.len > 0)
			sbuf_addc(&sb, ' ');
		sbuf_add(&sb, argv[i]);
	}
	return sb.s;
}

/*
 * Reads the options of a deal subcommand into f; *yes and *tsv for the
 * flags.  Returns -1 to go on, else the exit code.
 */
static int
parse_opts(struct cli *cli, int argc, char **argv, const int *allowed,
    struct fields *f, int *yes, int *tsv)
{
	const struct cmd	*cmd = cli_find("deal");
	const char		**slot;
	const int		*a;
	int			 ch, idx;

	memset(f, 0, sizeof *f);
	optind = 0;
	while ((ch = cli_getopt(argc, argv, "h", field_opts, &idx)) != -1) {
		if (ch == 'h') {
			cli_help(cmd);
			return EXIT_OK;
		}
		if (ch == OPT_DB) {
			cli->db_path = optarg;
			continue;
		}
		for (a = allowed; *a != 0 && *a != ch; a++)
			;
		if (ch == '?' || *a == 0) {
			if (ch != '?')
				cli_errorx("deal %s: --%s does not apply",
				    argv[0], field_opts[idx].name);
			return cli_usage(cmd);
		}
		slot = NULL;
		switch (ch) {
		case OPT_TITLE: slot = &f->title; break;
		case OPT_ORG: slot = &f->org; break;
		case OPT_VALUE: slot = &f->value; break;
		case OPT_CURRENCY: slot = &f->currency; break;
		case OPT_STAGE: slot = &f->stage; break;
		case OPT_CLOSE: slot = &f->close; break;
		case OPT_REF: slot = &f->ref; break;
		case OPT_FEE: slot = &f->fee; break;
		case OPT_PRACTICE: slot = &f->practice; break;
		case OPT_NEXT: slot = &f->next; break;
		case OPT_NOTES: slot = &f->notes; break;
		case OPT_REASON: slot = &f->reason; break;
		case OPT_ORIGINATOR: slot = &f->originator; break;
		case OPT_RESPONSIBLE: slot = &f->responsible; break;
		case OPT_CONTACT:
			f->contacts = xreallocarray(f->contacts,
			    f->n_contacts + 1, sizeof *f->contacts);
			f->roles = xreallocarray(f->roles, f->n_contacts + 1,
			    sizeof *f->roles);
			f->contacts[f->n_contacts] = optarg;
			f->roles[f->n_contacts++] = NULL;
			break;
		case OPT_ROLE:
			if (f->n_contacts == 0 ||
			    f->roles[f->n_contacts - 1] != NULL) {
				cli_errorx("--role '%s': give it after the "
				    "--contact it is for", optarg);
				return EXIT_BAD;
			}
			f->roles[f->n_contacts - 1] = optarg;
			break;
		case OPT_RM_CONTACT:
			f->rm = xreallocarray(f->rm, f->n_rm + 1,
			    sizeof *f->rm);
			f->rm[f->n_rm++] = optarg;
			break;
		case OPT_YES:
			*yes = 1;
			break;
		case OPT_TSV:
			*tsv = 1;
			break;
		case OPT_CHECK:
			f->check = 1;
			break;
		}
		if (slot != NULL)
			*slot = optarg;
	}
	return -1;
}

/* s in double quotes for a shell: \ " $ ` escaped; inert. */
static void
out_shell_word(const char *s)
{
	struct sbuf	 sb = { 0 };
	char		*q;

	sbuf_addc(&sb, '"');
	for (; *s != '\0'; s++) {
		if (strchr("\\\"$`", *s) != NULL)
			sbuf_addc(&sb, '\\');
		sbuf_addc(&sb, *s);
	}
	sbuf_addc(&sb, '"');
	q = sbuf_detach(&sb);
	out_text(stdout, q);
	free(q);
}

/*
 * For parties (the n contacts who) put on the deal titled title: with
 * run (--check, before they are put on it), a conflict check of their
 * names for that matter, its record printed as kith conflict prints it;
 * without (after), in a book whose deals are matters, a one-line hint
 * with that command.  Returns the exit status.
 */
static int
party_check(struct cli *cli, const char *title, const int64_t *who,
    size_t n, int run)
{
	struct kith_err		 err = { 0 };
	struct conflict_record	*r = NULL;
	struct contact		*c;
	const char		**names;
	char			*user, *text;
	size_t			 i, k = 0;
	int			 rc = EXIT_OK;

	if (n == 0 || (!run && strcmp(deal_word(cli->db), "matter") != 0))
		return EXIT_OK;
	if (n > CONFLICT_TERMS_MAX)
		n = CONFLICT_TERMS_MAX;
	names = xcalloc(n, sizeof *names);
	for (i = 0; i < n; i++)
		if (contact_get(cli->db, who[i], &c, &err) == KITH_OK) {
			names[k++] = xstrdup(c->display);
			contact_free(c);
		}
	if (!run && k > 0) {
		fputs("check the new part", stdout);
		fputs(k == 1 ? "y for conflicts: kith conflict" :
		    "ies for conflicts: kith conflict", stdout);
		for (i = 0; i < k; i++) {
			putchar(' ');
			out_shell_word(names[i]);
		}
		fputs(" --matter ", stdout);
		out_shell_word(title);
		putchar('\n');
	} else if (k > 0) {
		user = conflict_who(cli->db);
		if (conflict_run(cli->db, names, k, title, user, 0, &r, &err)
		    != KITH_OK) {
			cli_error(&err);
			rc = EXIT_BAD;
		} else {
			text = conflict_record_text(r);
			fputs(text, stdout);
			free(text);
		}
		free(user);
		conflict_record_free(r);
	}
	for (i = 0; i < k; i++)
		free((char *)names[i]);
	free(names);
	return rc;
}

static void
fields_clear(struct fields *f)
{
	free(f->contacts);
	free(f->roles);
	free(f->rm);
}

/* Replaces *field with value ("" clears), if value was given. */
static void
set_str(char **field, const char *value)
{
	if (value == NULL)
		return;
	free(*field);
	*field = str_empty(value) ? NULL : xstrdup(value);
}

/*
 * Applies the fields given to d, checking each and naming its option on
 * error; resolves --contact into *who (with canonical roles in *roles,
 * both f->n_contacts long; caller frees).  Returns 0 after printing why.
 */
static int
apply_fields(struct cli *cli, const struct fields *f, struct deal *d,
    int64_t **who, char ***roles)
{
	struct kith_err		 err = { 0 };
	struct kith_when	 w;
	char			 cur[4], *fee;
	size_t			 i;

	*who = xcalloc(f->n_contacts + 1, sizeof **who);
	*roles = xcalloc(f->n_contacts + 1, sizeof **roles);
	if (f->title != NULL) {
		if (str_empty(f->title)) {
			cli_errorx("--title: a %s needs a title",
			    cli_deal_word(cli, 0, 0));
			return 0;
		}
		set_str(&d->title, f->title);
	}
	set_str(&d->org, f->org);
	set_str(&d->ref, f->ref);
	set_str(&d->practice, f->practice);
	set_str(&d->next_step, f->next);
	set_str(&d->notes, f->notes);
	set_str(&d->reason, f->reason);
	if (f->currency != NULL) {
		if (str_empty(f->currency))
			d->currency[0] = '\0';
		else if (money_currency(f->currency, cur, &err) != KITH_OK)
			return opt_error(&err);
		else
			memcpy(d->currency, cur, sizeof cur);
	}
	if (f->value != NULL) {
		if (str_empty(f->value))
			d->has_value = 0;
		else {
			if (d->currency[0] == '\0')
				money_default_currency(cli->db, d->currency);
			if (money_parse(f->value, d->currency, &d->value,
			    &err) != KITH_OK)
				return opt_error(&err);
			d->has_value = 1;
		}
	}
	if (f->fee != NULL) {
		fee = xstrdup(f->fee);
		for (i = 0; fee[i] != '\0'; i++)
			fee[i] = (char)tolower((unsigned char)fee[i]);
		if (!str_empty(fee) && !deal_fee_valid(fee)) {
			cli_errorx("--fee '%s': use one of " FEES, f->fee);
			free(fee);
			return 0;
		}
		set_str(&d->fee, fee);
		free(fee);
	}
	if (f->close != NULL) {
		if (str_empty(f->close))
			set_str(&d->expected_close, "");
		else if (when_parse(f->close, kith_db_now(cli->db),
		    date_order_flags(getenv("KITH_DATE_ORDER"), NULL), &w,
		    &err) != KITH_OK) {
			cli_errorx("--close: %s", err.msg);
			return 0;
		} else
			set_str(&d->expected_close, w.date);
	}
	if (f->originator != NULL) {
		d->originator_id = 0;
		if (!str_empty(f->originator) &&
		    !cli_resolve_opt(cli, "--originator", f->originator,
		    &d->originator_id))
			return 0;
	}
	if (f->responsible != NULL) {
		d->responsible_id = 0;
		if (!str_empty(f->responsible) &&
		    !cli_resolve_opt(cli, "--responsible",
		    f->responsible, &d->responsible_id))
			return 0;
	}
	for (i = 0; i < f->n_contacts; i++) {
		if (!cli_resolve_opt(cli, "--contact", f->contacts[i],
		    &(*who)[i]))
			return 0;
		if (f->roles[i] != NULL && deal_role_check(cli->db,
		    f->roles[i], &(*roles)[i], &err) != KITH_OK)
			return opt_error(&err);
	}
	return 1;
}

static void
free_roles(char **roles, size_t n)
{
	size_t	i;

	for (i = 0; roles != NULL && i < n; i++)
		free(roles[i]);
	free(roles);
}

/* "12,500.50 EUR" (or, for TSV, "12500.50"). */
static void
print_value(FILE *fp, int has, int64_t value, const char *cur, int tsv)
{
	char	buf[32];

	if (!has)
		return;
	money_format(value, cur, !tsv, buf, sizeof buf);
	if (tsv)
		fputs(buf, fp);
	else
		fprintf(fp, "%s %s", buf, cur);
}

/*
 * The subcommand of "kith deal|stage ... SUB ...": the first argument
 * that is neither an option nor the value of --db, moved to argv[1]
 * (options before it, such as --db, go on after it).  NULL if none.
 */
const char *
cli_subcommand(int argc, char **argv)
{
	char	*sub;
	int	 i, j;

	for (i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			i++;
			continue;
		}
		if (argv[i][0] == '-')
			continue;
		sub = argv[i];
		for (j = i; j > 1; j--)
			argv[j] = argv[j - 1];
		argv[1] = sub;
		return sub;
	}
	return NULL;
}

int
cmd_deal(struct cli *cli, int argc, char **argv)
{
	const struct cmd	*cmd = cli_find("deal");
	const char		*sub;

	if (argc >= 2 && (strcmp(argv[1], "--help") == 0 ||
	    strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "help") == 0)) {
		cli_help(cmd);
		return EXIT_OK;
	}
	if ((sub = cli_subcommand(argc, argv)) == NULL)
		return cli_usage(cmd);
	argc--;
	argv++;
	if (strcmp(sub, "add") == 0)
		return deal_add_cmd(cli, argc, argv);
	if (strcmp(sub, "move") == 0)
		return deal_move_cmd(cli, argc, argv);
	if (strcmp(sub, "won") == 0)
		return deal_close_cmd(cli, argc, argv, KITH_STAGE_won);
	if (strcmp(sub, "lost") == 0)
		return deal_close_cmd(cli, argc, argv, KITH_STAGE_lost);
	if (strcmp(sub, "edit") == 0)
		return deal_edit_cmd(cli, argc, argv);
	if (strcmp(sub, "show") == 0)
		return deal_show_cmd(cli, argc, argv);
	if (strcmp(sub, "rm") == 0)
		return deal_rm_cmd(cli, argc, argv);
	if (strcmp(sub, "list") == 0)
		return deal_list_cmd(cli, argc, argv);
	if (strcmp(sub, "roles") == 0)
		return deal_roles_cmd(cli, argc, argv);
	cli_errorx("deal %s: no such subcommand (add, move, won, lost, edit, "
	    "show, rm, list, roles)", sub);
	return cli_usage(cmd);
}

static int
deal_add_cmd(struct cli *cli, int argc, char **argv)
{
	static const int allowed[] = { OPT_ORG, OPT_VALUE, OPT_CURRENCY,
	    OPT_STAGE, OPT_CONTACT, OPT_ROLE, OPT_CLOSE, OPT_REF, OPT_FEE,
	    OPT_PRACTICE, OPT_NEXT, OPT_NOTES, OPT_ORIGINATOR,
	    OPT_RESPONSIBLE, OPT_CHECK, 0 };
	struct fields	 f;
	struct kith_err	 err = { 0 };
	struct deal	*d = deal_new();
	struct stage	 s = { 0 };
	char		**roles = NULL, *title = NULL;
	int64_t		*who = NULL;
	size_t		 i;
	int		 rc, yes = 0, tsv = 0;

	if ((rc = parse_opts(cli, argc, argv, allowed, &f, &yes, &tsv)) != -1)
		goto out;
	rc = EXIT_BAD;
	if ((title = join_args(argc, argv, optind)) == NULL) {
		rc = cli_usage(cli_find("deal"));
		goto out;
	}
	if (!cli_open(cli))
		goto out;
	d->title = xstrdup(title);
	if (f.stage != NULL) {
		if (stage_find(cli->db, f.stage, &s, &err) != KITH_OK) {
			opt_error(&err);
			goto out;
		}
		d->stage_id = s.id;
	}
	if (!apply_fields(cli, &f, d, &who, &roles))
		goto out;
	for (i = 0; i < f.n_contacts; i++)
		deal_add_person(d, who[i], roles[i]);
	/* A check of the parties, before they are on the matter. */
	if (f.check && party_check(cli, d->title, who, f.n_contacts, 1) !=
	    EXIT_OK)
		goto out;
	if (deal_add(cli->db, d, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	printf("added %s %lld: ", cli_deal_word(cli, 0, 0), (long long)d->id);
	out_text(stdout, d->title);
	printf(" (");
	out_text(stdout, d->stage);
	printf(")\n");
	rc = f.check ? EXIT_OK : party_check(cli, d->title, who,
	    f.n_contacts, 0);
out:
	stage_clear(&s);
	free_roles(roles, f.n_contacts);
	free(who);
	free(title);
	fields_clear(&f);
	deal_free(d);
	return rc;
}

static int
deal_move_cmd(struct cli *cli, int argc, char **argv)
{
	struct fields	 f;
	struct kith_err	 err = { 0 };
	struct stage	 s = { 0 };
	enum kith_status st;
	int64_t		 id;
	char		*stage = NULL;
	int		 rc, yes = 0, tsv = 0;

	if ((rc = parse_opts(cli, argc, argv, no_opts, &f, &yes, &tsv)) != -1)
		return rc;
	if (argc - optind < 2) {
		fields_clear(&f);
		return cli_usage(cli_find("deal"));
	}
	rc = EXIT_BAD;
	stage = join_args(argc, argv, optind + 1);
	if (!cli_open(cli) || !cli_deal_resolve(cli, argv[optind], &id))
		goto out;
	if (stage_find(cli->db, stage, &s, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	st = deal_move(cli->db, id, s.id, &err);
	if (st == KITH_EXISTS) {
		/* Nothing to do is not an error. */
		out_textf(stdout, "%s\n", err.msg);
		rc = EXIT_OK;
	} else if (st != KITH_OK)
		cli_error(&err);
	else {
		out_textf(stdout, "moved %lld to %s\n", (long long)id,
		    s.name);
		rc = EXIT_OK;
	}
out:
	stage_clear(&s);
	free(stage);
	fields_clear(&f);
	return rc;
}

static int
deal_close_cmd(struct cli *cli, int argc, char **argv,
    enum kith_stage_kind kind)
{
	static const int allowed[] = { OPT_REASON, 0 };
	struct fields	 f;
	struct kith_err	 err = { 0 };
	struct deal	*d = NULL;
	enum kith_status st;
	int64_t		 id;
	int		 rc, yes = 0, tsv = 0;

	if ((rc = parse_opts(cli, argc, argv, allowed, &f, &yes, &tsv)) != -1)
		return rc;
	if (argc - optind != 1) {
		fields_clear(&f);
		return cli_usage(cli_find("deal"));
	}
	rc = EXIT_BAD;
	if (!cli_open(cli) || !cli_deal_resolve(cli, argv[optind], &id))
		goto out;
	st = deal_close(cli->db, id, kind, f.reason, &err);
	if (st == KITH_EXISTS) {
		out_textf(stdout, "%s\n", err.msg);
		rc = EXIT_OK;
		goto out;
	}
	if (st != KITH_OK || deal_get(cli->db, id, &d, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	printf("%lld ", (long long)id);
	out_text(stdout, d->title);
	printf(": %s (", stage_kind_name(kind));
	out_text(stdout, d->stage);
	printf(")\n");
	rc = EXIT_OK;
out:
	deal_free(d);
	fields_clear(&f);
	return rc;
}

static int
deal_edit_cmd(struct cli *cli, int argc, char **argv)
{
	static const int allowed[] = { OPT_TITLE, OPT_ORG, OPT_VALUE,
	    OPT_CURRENCY, OPT_CONTACT, OPT_ROLE, OPT_RM_CONTACT, OPT_CLOSE,
	    OPT_REF, OPT_FEE, OPT_PRACTICE, OPT_NEXT, OPT_NOTES, OPT_REASON,
	    OPT_ORIGINATOR, OPT_RESPONSIBLE, OPT_CHECK, 0 };
	struct fields	 f;
	struct kith_err	 err = { 0 };
	struct deal	*base = NULL, *d = NULL;
	enum kith_status st;
	char		**roles = NULL;
	int64_t		*who = NULL, id, rm;
	size_t		 i, n_new = 0;
	int		 rc, yes = 0, tsv = 0;

	if ((rc = parse_opts(cli, argc, argv, allowed, &f, &yes, &tsv)) != -1)
		return rc;
	if (argc - optind != 1) {
		fields_clear(&f);
		return cli_usage(cli_find("deal"));
	}
	rc = EXIT_BAD;
	if (!cli_open(cli) || !cli_deal_resolve(cli, argv[optind], &id))
		goto out;
	if (deal_get(cli->db, id, &base, &err) != KITH_OK ||
	    deal_get(cli->db, id, &d, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	if (!apply_fields(cli, &f, d, &who, &roles))
		goto out;
	if (f.n_contacts == 0 && f.n_rm == 0 && deal_same(base, d)) {
		printf("nothing to change in %s %lld\n",
		    cli_deal_word(cli, 0, 0), (long long)id);
		rc = EXIT_OK;
		goto out;
	}
	if (f.check && party_check(cli, d->title, who, f.n_contacts, 1) !=
	    EXIT_OK)
		goto out;
	if (!cli_act_begin(cli))
		goto out;
	if (deal_update(cli->db, base, d, &err) != KITH_OK)
		goto fail;
	for (i = 0; i < f.n_contacts; i++) {
		st = deal_set_contact(cli->db, id, who[i], roles[i], &err);
		if (st == KITH_EXISTS)
			continue;
		if (st != KITH_OK)
			goto fail;
		who[n_new++] = who[i];
	}
	for (i = 0; i < f.n_rm; i++) {
		if (!cli_resolve_opt(cli, "--rm-contact", f.rm[i], &rm)) {
			cli_act_abort(cli);
			goto out;
		}
		if (deal_remove_contact(cli->db, id, rm, &err) != KITH_OK) {
			err.msg[sizeof err.msg - 1] = '\0';
			cli_errorx("--rm-contact: %s", err.msg);
			cli_act_abort(cli);
			goto out;
		}
	}
	if (!cli_act_commit(cli, "edit", "edited %s %s (#%lld)",
	    cli_deal_word(cli, 0, 0), d->title, (long long)id))
		goto out;
	printf("edited %s %lld\n", cli_deal_word(cli, 0, 0), (long long)id);
	rc = f.check ? EXIT_OK : party_check(cli, d->title, who, n_new, 0);
	goto out;
fail:
	cli_error(&err);
	cli_act_abort(cli);
out:
	free_roles(roles, f.n_contacts);
	free(who);
	deal_free(base);
	deal_free(d);
	fields_clear(&f);
	return rc;
}

static void
sheet_line(const char *label, const char *value)
{
	if (str_empty(value))
		return;
	printf("%-12s ", label);
	out_text(stdout, value);
	putchar('\n');
}

static int
deal_show_cmd(struct cli *cli, int argc, char **argv)
{
	struct fields		 f;
	struct kith_err		 err = { 0 };
	struct deal_sheet	*sh = NULL;
	const struct deal	*d;
	const struct deal_stay	*h;
	const char		*nl, *p;
	char			 day[KITH_DATE_LEN], *s;
	int64_t			 id;
	size_t			 i;
	int			 rc, yes = 0, tsv = 0;

	if ((rc = parse_opts(cli, argc, argv, no_opts, &f, &yes, &tsv)) != -1)
		return rc;
	fields_clear(&f);
	if (argc - optind != 1)
		return cli_usage(cli_find("deal"));
	cli->access = CLI_READ;
	if (!cli_open(cli) || !cli_deal_resolve(cli, argv[optind], &id))
		return EXIT_BAD;
	if (deal_sheet_load(cli->db, id, 0, &sh, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	d = sh->deal;
	out_text(stdout, d->title);
	fputs(" — ", stdout);
	out_text(stdout, sh->headline);
	putchar('\n');
	printf("%-12s %lld\n", "id", (long long)d->id);
	sheet_line("reference", d->ref);
	sheet_line("organisation", d->org);
	sheet_line("value", sh->value);
	sheet_line("fee", d->fee);
	sheet_line("practice", d->practice);
	if (d->originator != NULL) {
		s = xasprintf("%s (#%lld)", d->originator,
		    (long long)d->originator_id);
		sheet_line("originator", s);
		free(s);
	}
	if (d->responsible != NULL) {
		s = xasprintf("%s (#%lld)", d->responsible,
		    (long long)d->responsible_id);
		sheet_line("responsible", s);
		free(s);
	}
	sheet_line("close", d->expected_close);
	sheet_line("next step", d->next_step);
	sheet_line("reason", d->reason);
	if (d->n_people > 0)
		printf("\nPeople\n");
	for (i = 0; i < d->n_people; i++) {
		printf("  ");
		out_pad(stdout, d->people[i].role ? d->people[i].role : "",
		    18);
		putchar(' ');
		out_text(stdout, d->people[i].name);
		printf(" (#%lld)\n", (long long)d->people[i].contact_id);
	}
	cli_print_followups(sh->followups, sh->n_followups, 1);
	cli_print_interactions(sh->interactions, sh->n_interactions);
	if (sh->n_history > 0)
		printf("\nStage history\n");
	for (i = 0; i < sh->n_history; i++) {
		h = &sh->history[i];
		date_from_time((time_t)h->from, day);
		printf("  %s  ", day);
		out_pad(stdout, h->stage, 16);
		if (h->kind != KITH_STAGE_open && h->to == 0)
			printf("\n");
		else
			printf(" %d day%s%s\n", h->days, h->days == 1 ? "" :
			    "s", h->to == 0 ? " so far" : "");
	}
	if (!str_empty(d->notes)) {
		printf("\nNotes\n");
		for (p = d->notes; p != NULL && *p != '\0'; p = nl) {
			nl = strchr(p, '\n');
			s = nl ? xstrndup(p, (size_t)(nl - p)) : xstrdup(p);
			printf("  ");
			out_text(stdout, s);
			putchar('\n');
			free(s);
			if (nl != NULL)
				nl++;
		}
	}
	deal_sheet_free(sh);
	return EXIT_OK;
}

static int
deal_rm_cmd(struct cli *cli, int argc, char **argv)
{
	struct fields	 f;
	struct kith_err	 err = { 0 };
	struct deal	*d = NULL;
	char		*q;
	int64_t		 id;
	int		 rc, yes = 0, tsv = 0, ok;
	static const int allowed[] = { OPT_YES, 0 };

	if ((rc = parse_opts(cli, argc, argv, allowed, &f, &yes, &tsv)) != -1)
		return rc;
	fields_clear(&f);
	if (argc - optind != 1)
		return cli_usage(cli_find("deal"));
	if (!cli_open(cli) || !cli_deal_resolve(cli, argv[optind], &id))
		return EXIT_BAD;
	if (deal_get(cli->db, id, &d, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	fprintf(stderr, "kith deal rm deletes this %s, with its people, "
	    "follow-ups and stage history:\n  %6lld  ",
	    cli_deal_word(cli, 0, 0), (long long)id);
	out_text(stderr, d->title);
	fprintf(stderr, " (");
	out_text(stderr, d->stage);
	fprintf(stderr, ")\n");
	q = xstrdup("Delete it?");
	ok = cli_confirm(yes, "deal rm", q);
	free(q);
	if (!ok) {
		deal_free(d);
		return EXIT_BAD;
	}
	if (deal_remove(cli->db, id, &err) != KITH_OK) {
		cli_error(&err);
		deal_free(d);
		return EXIT_BAD;
	}
	printf("deleted %s %lld\n", cli_deal_word(cli, 0, 0), (long long)id);
	deal_free(d);
	return EXIT_OK;
}

static int
deal_list_cmd(struct cli *cli, int argc, char **argv)
{
	static const int allowed[] = { OPT_STAGE, OPT_TSV, 0 };
	struct fields	 f;
	struct kith_err	 err = { 0 };
	struct stage	 s = { 0 };
	struct deal_line *v = NULL, *l;
	char		*query = NULL, buf[48];
	size_t		 n = 0, i;
	int		 rc, yes = 0, tsv = 0;

	if ((rc = parse_opts(cli, argc, argv, allowed, &f, &yes, &tsv)) != -1)
		return rc;
	rc = EXIT_BAD;
	query = join_args(argc, argv, optind);
	cli->access = CLI_READ;
	if (!cli_open(cli))
		goto out;
	if (f.stage != NULL && stage_find(cli->db, f.stage, &s, &err)
	    != KITH_OK) {
		opt_error(&err);
		goto out;
	}
	if (deal_list(cli->db, query, s.id, &v, &n, &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	for (i = 0; i < n; i++) {
		l = &v[i];
		if (tsv) {
			printf("%lld\t", (long long)l->id);
			out_tsv(stdout, l->title);
			putchar('\t');
			out_tsv(stdout, l->org);
			putchar('\t');
			out_tsv(stdout, l->stage);
			putchar('\t');
			print_value(stdout, l->has_value, l->value,
			    l->currency, 1);
			printf("\t%s\t%d\n", l->currency, l->days_in_stage);
			continue;
		}
		printf("%6lld %c ", (long long)l->id, l->stalled ? '!' : ' ');
		out_pad(stdout, l->title, 30);
		putchar(' ');
		out_pad(stdout, l->org, 20);
		putchar(' ');
		out_pad(stdout, l->stage, 12);
		buf[0] = '\0';
		if (l->has_value) {
			char amount[32];

			snprintf(buf, sizeof buf, "%s %s", money_format(
			    l->value, l->currency, 1, amount, sizeof amount),
			    l->currency);
		}
		printf(" %18s %4dd\n", buf, l->days_in_stage);
	}
	if (n == 0 && !tsv) {
		if (query != NULL)
			out_textf(stderr, "no %s matches '%s'\n",
			    cli_deal_word(cli, 0, 0), query);
		else
			fprintf(stderr, "no %s yet (kith deal add TITLE adds "
			    "one)\n", cli_deal_word(cli, 1, 0));
	}
	rc = EXIT_OK;
out:
	deal_lines_free(v, n);
	stage_clear(&s);
	free(query);
	fields_clear(&f);
	return rc;
}

/* deal roles [add|rm ROLE]: the list of roles people take on a deal. */
static int
deal_roles_cmd(struct cli *cli, int argc, char **argv)
{
	struct fields	 f;
	struct kith_err	 err = { 0 };
	enum kith_status st;
	char		**v, *role = NULL;
	size_t		 n, i;
	int		 rc, yes = 0, tsv = 0, k;

	if ((rc = parse_opts(cli, argc, argv, no_opts, &f, &yes, &tsv)) != -1)
		return rc;
	fields_clear(&f);
	k = argc - optind;
	if (k != 0 && (k < 2 || (strcmp(argv[optind], "add") != 0 &&
	    strcmp(argv[optind], "rm") != 0)))
		return cli_usage(cli_find("deal"));
	if (k == 0)
		cli->access = CLI_READ;
	if (!cli_open(cli))
		return EXIT_BAD;
	if (k > 0) {
		role = join_args(argc, argv, optind + 1);
		st = strcmp(argv[optind], "add") == 0 ?
		    deal_role_add(cli->db, role, &err) :
		    deal_role_remove(cli->db, role, &err);
		free(role);
		if (st != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
	}
	if (deal_roles(cli->db, &v, &n, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	for (i = 0; i < n; i++) {
		out_text(stdout, v[i]);
		putchar('\n');
		free(v[i]);
	}
	free(v);
	return EXIT_OK;
}

int
cmd_config(struct cli *cli, int argc, char **argv)
{
	const struct cmd	*cmd = cli_find("config");
	struct kith_err		 err = { 0 };
	int			 flags[2] = { 0 }, rc;
	static const struct option opts[] = {
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};

	if ((rc = cli_flag_opts(cli, cmd, argc, argv, opts, flags)) != -1)
		return rc;
	if (argc - optind < 1 || argc - optind > 2)
		return cli_usage(cmd);
	if (strcmp(argv[optind], "user") == 0)
		return cli_config_user(cli, argc - optind == 2 ?
		    argv[optind + 1] : NULL);
	if (strcmp(argv[optind], "deal-word") != 0) {
		cli_errorx("config %s: no such setting (deal-word, user)",
		    argv[optind]);
		return EXIT_BAD;
	}
	if (argc - optind == 1)
		cli->access = CLI_READ;
	if (!cli_open(cli))
		return EXIT_BAD;
	if (argc - optind == 2 &&
	    deal_set_word(cli->db, argv[optind + 1], &err) != KITH_OK) {
		cli_errorx("deal-word %s", err.msg);
		return EXIT_BAD;
	}
	printf("deal-word %s\n", deal_word(cli->db));
	return EXIT_OK;
}
