/* SPDX-License-Identifier: MIT */
/*
 * Shared pieces of the command-line front: the subcommand table, opening
 * the database, resolving what the user typed into a contact, and printing
 * data safely (control characters made inert, TSV fields kept on one line).
 */
#ifndef KITH_CLI_H
#define KITH_CLI_H

#include <stdint.h>
#include <getopt.h>
#include <stdio.h>

#include "kith/status.h"

struct kith_db;

/* getopt value of --db in every subcommand's option table. */
#define CLI_OPT_DB	0x100

/* Exit codes of the command-line contract. */
#define EXIT_OK		0
#define EXIT_BAD	1	/* bad input, not found */
#define EXIT_USAGE	2

/* What a command does with the database (cli_access() gives the default). */
enum cli_access {
	CLI_CHANGE,	/* writes to a database that must exist */
	CLI_READ,	/* only reads (or the TUI): must exist, may be read-only */
	CLI_CREATE,	/* writes, and creates the database if missing */
	CLI_TRY,	/* a dry run: a missing database is an empty one in
			   memory, never a new file */
};

struct cli {
	const char	*prog;		/* "kith" */
	const char	*db_path;	/* --db, or NULL for the default */
	char		*owned_path;	/* db_path when kith made it (--demo) */
	struct kith_db	*db;		/* opened by cli_open() */
	enum cli_access	 access;	/* how cli_open() opens it */
};

struct cmd {
	const char	*name;
	int		(*run)(struct cli *, int, char **);
	const char	*usage;		/* after "kith NAME " */
	const char	*help;		/* one line */
	const char	*details;	/* the rest of --help; may be NULL */
};

extern const struct cmd cli_cmds[];

/*
 * Opens cli->db as cli->access says: a missing database is created only
 * for CLI_CREATE (else "no kith database at PATH" and how to make one),
 * and a read-only one is refused unless CLI_READ.  Prints the error and
 * returns 0 on failure.
 */
int	 cli_open(struct cli *);

/* How command name uses the database: CLI_CHANGE unless listed. */
enum cli_access cli_access(const char *name);

/*
 * Resolves what (an id or a search) to a contact id.  On failure prints
 * why, with the candidates of an ambiguous search, and returns 0.
 */
int	 cli_resolve(struct cli *, const char *what, int64_t *id);
/* cli_resolve for the value of option opt ("--contact"), which errors name. */
int	 cli_resolve_opt(struct cli *, const char *opt, const char *what,
	    int64_t *id);

/* Parses a positive id; prints an error naming what and returns 0 if bad. */
int	 cli_parse_id(const char *s, const char *what, int64_t *id);

/*
 * Parses options that are only flags, plus --db (CLI_OPT_DB) and --help
 * ('h'); sets flags[i] for the flag opts[i] (declared with val 0).
 * Returns -1 to go on, else the exit code to return.
 */
int	 cli_flag_opts(struct cli *, const struct cmd *, int, char **,
	    const struct option *opts, int *flags);

/*
 * getopt_long, saying itself what is wrong with an option, inert: an
 * unknown option, a missing value, a value given to a flag.  (getopt's
 * own message would echo the option, escape sequences and all, raw.)
 * Returns '?' for each of those, as getopt_long does.
 */
int	 cli_getopt(int, char *const *, const char *, const struct option *,
	    int *);

/*
 * Before import batch is taken back (kith import --undo, or kith undo of
 * the import): names it with its file, date and counts, asks (yes
 * answers; cmd, "undo" or "import --undo", names the command in what it
 * says), and backs the book up.  0, having said why, if any of that
 * fails or the user says no: nothing may be undone then.  (cmd_import.c)
 */
int	 cli_import_undo_ok(struct cli *, int64_t batch, int yes,
	    const char *cmd);

/* Prints "kith: MSG" for a core error. */
void	 cli_error(const struct kith_err *);
void	 cli_errorx(const char *, ...) __attribute__((format(printf, 1, 2)));

/* Prints the usage line and "Try 'kith CMD --help'", returns EXIT_USAGE. */
int	 cli_usage(const struct cmd *);
void	 cli_help(const struct cmd *);
const struct cmd *cli_find(const char *);

/*
 * Printing user data, through the core's terminal-safe text (termsafe.h),
 * so data cannot drive the terminal: controls show inert ("^[", "\u202E").
 */
/* Writes s on one line: tabs and line breaks become spaces. */
void	 out_text(FILE *, const char *s);
/* Formats, then writes the result inert, keeping its line breaks. */
void	 out_textf(FILE *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/* Writes s as one TSV field: tabs and line breaks become spaces. */
void	 out_tsv(FILE *, const char *s);
/* Display width of s shown by out_text, in terminal cells. */
int	 text_width(const char *s);
/* Writes s cut (by character) or padded to exactly width cells. */
void	 out_pad(FILE *, const char *s, int width);

/*
 * Asks question (e.g. "Delete Ana Petrović (#12)?") on the terminal and
 * returns 1 if the user answers y or yes.  yes (the command's --yes)
 * answers for the user.  Without a terminal on stdin, nothing is asked:
 * prints that command needs --yes and returns 0.  A "no" prints that
 * nothing was changed and returns 0.  (confirm.c)
 */
int	 cli_confirm(int yes, const char *command, const char *question);

/*
 * A user action as one entry of the change journal (kith undo), for
 * commands that make several core calls or that call a core write
 * outside a transaction: cli_act_begin() opens it (0 and a message if the
 * database is busy), cli_act_commit() names it and commits (0 and a
 * message on failure), cli_act_abort() drops it.  (cmd_undo.c)
 */
int	 cli_act_begin(struct cli *);
int	 cli_act_commit(struct cli *, const char *command, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));
void	 cli_act_abort(struct cli *);

/* Names the action of the next write (kith_db_action) with a label. */
void	 cli_act_name(struct cli *, const char *command, const char *fmt,
	    ...) __attribute__((format(printf, 3, 4)));

/* "Ana Petrović (#12)", or "#12" if it cannot be read; caller frees. */
char	*cli_contact_name(struct cli *, int64_t id);

/*
 * The follow-ups and latest interactions sections of a contact's or a
 * deal's sheet (kith show, kith deal show), each under its heading and
 * only if there is one; with_contact names each follow-up's contact.
 */
struct followup;
struct interaction;
void	 cli_print_followups(const struct followup *, size_t n,
	    int with_contact);
void	 cli_print_interactions(const struct interaction *, size_t n);

/* Subcommands (cmd_contacts.c, cmd_followups.c, main.c). */
int	 cmd_add(struct cli *, int, char **);
int	 cmd_edit(struct cli *, int, char **);
int	 cmd_list(struct cli *, int, char **);
int	 cmd_show(struct cli *, int, char **);
int	 cmd_rm(struct cli *, int, char **);
int	 cmd_dupes(struct cli *, int, char **);
int	 cmd_merge(struct cli *, int, char **);
int	 cmd_alias(struct cli *, int, char **);
int	 cmd_link(struct cli *, int, char **);
int	 cmd_unlink(struct cli *, int, char **);
int	 cmd_log(struct cli *, int, char **);
int	 cmd_follow(struct cli *, int, char **);
int	 cmd_done(struct cli *, int, char **);
int	 cmd_snooze(struct cli *, int, char **);
int	 cmd_due(struct cli *, int, char **);
int	 cmd_demo_load(struct cli *, int, char **);
int	 cmd_board(struct cli *, int, char **);	/* cmd_board.c */
int	 cmd_init(struct cli *, int, char **);
int	 cmd_import(struct cli *, int, char **);
int	 cmd_export(struct cli *, int, char **);
int	 cmd_undo(struct cli *, int, char **);
int	 cmd_pipeline(struct cli *, int, char **);	/* cmd_pipeline.c */
int	 cmd_report(struct cli *, int, char **);	/* cmd_report.c */
int	 cmd_deal(struct cli *, int, char **);
int	 cmd_stage(struct cli *, int, char **);
int	 cmd_config(struct cli *, int, char **);
int	 cmd_query(struct cli *, int, char **);		/* cmd_mail.c */
int	 cmd_add_email(struct cli *, int, char **);	/* cmd_mail.c */
int	 cmd_backup(struct cli *, int, char **);	/* cmd_backup.c */
int	 cmd_restore(struct cli *, int, char **);
int	 cmd_cadence(struct cli *, int, char **);	/* cmd_review.c */
int	 cmd_review(struct cli *, int, char **);
/* kith report cold (cmd_review.c), for cmd_report. */
int	 cli_report_cold(struct cli *, int tsv);
int	 cmd_me(struct cli *, int, char **);		/* cmd_path.c */
int	 cmd_path(struct cli *, int, char **);
int	 cmd_who(struct cli *, int, char **);
int	 cmd_conflict(struct cli *, int, char **);	/* cmd_conflict.c */
int	 cmd_org_link(struct cli *, int, char **);
/* kith config user [NAME]: shows or sets the user name (cmd_conflict.c). */
int	 cli_config_user(struct cli *, const char *name);

/*
 * Deals (cmd_deals.c): the word the book uses for them ("deal", "Matters";
 * a static buffer, valid until the next call), and resolving what the
 * user typed into a deal id, printing why not and the candidates of an
 * ambiguous title as cli_resolve does.
 */
const char *cli_deal_word(struct cli *, int plural, int capital);
/*
 * The subcommand of "kith deal|stage [--db PATH] SUB ...", moved to
 * argv[1] with the options before it after it; NULL if there is none.
 */
const char *cli_subcommand(int argc, char **argv);
int	 cli_deal_resolve(struct cli *, const char *what, int64_t *id);

#endif
