/* SPDX-License-Identifier: MIT */
/*
 * Subcommands that move address books in and out: import and export.
 */
#include <errno.h>
#include <getopt.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "kith/backup.h"
#include "kith/clock.h"
#include "kith/db.h"
#include "kith/deal.h"
#include "kith/ics.h"
#include "kith/import.h"
#include "kith/mutt.h"
#include "kith/outfile.h"
#include "kith/portable.h"
#include "kith/termsafe.h"
#include "kith/util.h"
#include "kith/vcard.h"
#include "cli.h"

enum { OPT_DB = CLI_OPT_DB, OPT_FORMAT, OPT_MAP, OPT_TAG, OPT_DRY_RUN,
    OPT_REJECTS, OPT_CHARSET, OPT_UNDO, OPT_LIST, OPT_YES, OPT_VERSION,
    OPT_BIRTHDAYS };

/* Warnings and notices shown per file; rejected rows are always shown. */
#define NOTICE_MAX	100

struct progress {
	const char	*file;
	int		 dry_run;	/* say what would happen */
	int		 shown;		/* a bar is on the screen */
	int		 last;		/* percent last drawn */
	long		 notices;	/* warnings and notices so far */
};

static void	on_notice(void *, enum import_level, const char *, long,
		    const char *);
static void	on_progress(void *, long long, long long);
static int	list_batches(struct cli *);
static int	confirm_undo(struct cli *, int64_t, int, const char *);
static int	backup_first(struct cli *);
static int	show_inert(FILE *);
static int	json_export_file(const char *);
static int	load_json(struct cli *, const char *, int);
static const char *unchanged(const struct import_report *);
static int	export_dir(struct cli *, const char *, int, int);

/* ", N unchanged" (cards matched by UID that change nothing), or "". */
static const char *
unchanged(const struct import_report *rep)
{
	static char	buf[48];

	if (rep->unchanged == 0)
		return "";
	snprintf(buf, sizeof buf, ", %ld unchanged", rep->unchanged);
	return buf;
}

static void
on_notice(void *arg, enum import_level level, const char *file, long line,
    const char *msg)
{
	struct progress	*pg = arg;

	if (level != IMPORT_ERROR && ++pg->notices > NOTICE_MAX)
		return;
	if (pg->shown) {
		fputs("\r\033[K", stderr);
		pg->shown = 0;
		pg->last = -1;
	}
	if (line > 0)
		out_textf(stderr, "%s:%ld: ", file, line);
	else
		out_textf(stderr, "%s: ", file);
	fputs(level == IMPORT_ERROR ? (pg->dry_run ? "would reject: " :
	    "rejected: ") :
	    level == IMPORT_WARNING ? "warning: " : "", stderr);
	out_text(stderr, msg);
	fputc('\n', stderr);
}

/* A bar on a terminal, for files big enough to wait for. */
static void
on_progress(void *arg, long long done, long long total)
{
	struct progress	*pg = arg;
	int		 pct, i;

	if (total < 512 * 1024 || !isatty(STDERR_FILENO))
		return;
	pct = (int)(done * 100 / total);
	if (pct == pg->last)
		return;
	pg->last = pct;
	if (done >= total) {
		if (pg->shown)
			fputs("\r\033[K", stderr);
		pg->shown = 0;
		return;
	}
	fputs("\rimporting ", stderr);
	out_text(stderr, pg->file);
	fputs(" [", stderr);
	for (i = 0; i < 30; i++)
		fputc(i < pct * 30 / 100 ? '#' : ' ', stderr);
	fprintf(stderr, "] %3d%%", pct);
	pg->shown = 1;
}

/*
 * The automatic backup before an import is taken back (backup.h); 0 and
 * a message if it cannot be written, so nothing is undone without one.
 */
static int
backup_first(struct cli *cli)
{
	struct kith_err	 err = { 0 };
	char		*path;

	if (backup_auto(cli->db, "before-import-undo", &path, &err) != KITH_OK) {
		cli_error(&err);
		cli_errorx("import --undo: nothing was changed");
		return 0;
	}
	if (path != NULL)
		out_textf(stderr, "kith: backed up to %s first\n", path);
	free(path);
	return 1;
}

/*
 * Names import batch (file, date, counts) and asks before taking it back;
 * 0 (and why) if there is no such batch, it was undone already, or the
 * user did not confirm: nothing is asked or backed up then.
 */
static int
confirm_undo(struct cli *cli, int64_t batch, int yes, const char *cmd)
{
	struct import_batch	*b;
	struct kith_err		 err = { 0 };
	size_t			 n, i;
	char			 when[KITH_WHEN_LEN], *q;
	int			 ok, deals;

	if (import_undo_check(cli->db, batch, &err) != KITH_OK) {
		cli_error(&err);
		return 0;
	}
	if (import_batches(cli->db, &b, &n, &err) != KITH_OK) {
		cli_error(&err);
		return 0;
	}
	for (i = 0; i < n && b[i].id != batch; i++)
		;
	if (i == n) {		/* checked above: removed since */
		cli_errorx("no import batch %lld; kith import --list shows "
		    "them", (long long)batch);
		import_batches_free(b, n);
		return 0;
	}
	when_from_time((time_t)b[i].started, when);
	deals = b[i].format != NULL && strcmp(b[i].format, "deals") == 0;
	if (!yes) {
		fprintf(stderr, "kith %s takes back the import %lld of ",
		    cmd, (long long)batch);
		out_text(stderr, b[i].file);
		fprintf(stderr, " on %s:\nit deletes the %ld %s it "
		    "added and restores the %ld it merged into.\n", when,
		    b[i].added, deals ? deal_word_form(cli->db,
		    b[i].added != 1, 0) : b[i].added == 1 ? "contact" :
		    "contacts", b[i].merged);
	}
	q = xasprintf("Take back import %lld?", (long long)batch);
	ok = cli_confirm(yes, cmd, q);
	free(q);
	if (ok)
		cli_act_name(cli, "import --undo", "took back import %lld of "
		    "%s (%s): %ld added, %ld merged", (long long)batch,
		    b[i].file, when, b[i].added, b[i].merged);
	import_batches_free(b, n);
	return ok;
}

int
cli_import_undo_ok(struct cli *cli, int64_t batch, int yes,
    const char *cmd)
{
	return confirm_undo(cli, batch, yes, cmd) && backup_first(cli);
}

static int
list_batches(struct cli *cli)
{
	struct import_batch	*b;
	struct kith_err		 err = { 0 };
	size_t			 n, i;
	char			 when[KITH_WHEN_LEN];

	if (import_batches(cli->db, &b, &n, &err) != KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	for (i = 0; i < n; i++) {
		when_from_time((time_t)b[i].started, when);
		printf("%4lld  %s  %-11s %5ld rows %5ld added %5ld merged "
		    "%5ld rejected  %s  ", (long long)b[i].id, when,
		    b[i].format ? b[i].format : "-", b[i].rows, b[i].added,
		    b[i].merged, b[i].rejected, b[i].undone ? "undone     " :
		    b[i].finished ? "           " : "interrupted");
		out_text(stdout, b[i].file);
		putchar('\n');
	}
	if (n == 0)
		printf("No imports yet.\n");
	import_batches_free(b, n);
	return EXIT_OK;
}

/*
 * Whether path starts like kith's own JSON export (portable.h).  Only a
 * regular file is read ahead: a pipe's bytes would be lost to the import.
 */
static int
json_export_file(const char *path)
{
	struct stat	 sb;
	char		 head[4096];
	size_t		 n;
	FILE		*fp;

	if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode) ||
	    (fp = fopen(path, "rb")) == NULL)
		return 0;
	n = fread(head, 1, sizeof head, fp);
	fclose(fp);
	return portable_sniff(head, n);
}

/* Loads a JSON export into the empty book; 0 on failure (said). */
static int
load_json(struct cli *cli, const char *path, int dry_run)
{
	struct kith_err	err = { 0 };
	long		rows;

	if (dry_run) {
		out_textf(stdout, "%s: a kith JSON export; it would be loaded "
		    "whole into an empty book\n", path);
		return 1;
	}
	if (portable_import(cli->db, path, &rows, &err) != KITH_OK) {
		cli_error(&err);
		out_textf(stderr, "kith: %s: nothing was loaded\n", path);
		return 0;
	}
	out_textf(stdout, "loaded %ld rows from %s (a kith JSON export)\n",
	    rows, path);
	return 1;
}

int
cmd_import(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format",	required_argument,	NULL, OPT_FORMAT },
		{ "map",	required_argument,	NULL, OPT_MAP },
		{ "tag",	required_argument,	NULL, OPT_TAG },
		{ "dry-run",	no_argument,		NULL, OPT_DRY_RUN },
		{ "rejects",	required_argument,	NULL, OPT_REJECTS },
		{ "charset",	required_argument,	NULL, OPT_CHARSET },
		{ "undo",	required_argument,	NULL, OPT_UNDO },
		{ "list",	no_argument,		NULL, OPT_LIST },
		{ "yes",	no_argument,		NULL, OPT_YES },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("import");
	struct import_opts	 io = { 0 };
	struct import_report	 rep;
	struct progress		 pg = { NULL, 0, 0, -1, 0 };
	struct kith_err		 err = { 0 };
	const char		*undo = NULL, *bulk, *trace;
	int64_t			 batch;
	long			 removed, restored;
	int			 ch, list = 0, yes = 0, rc = EXIT_OK;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_FORMAT:
			io.format = optarg;
			break;
		case OPT_MAP:
			io.map = optarg;
			break;
		case OPT_TAG:
			io.tag = optarg;
			break;
		case OPT_DRY_RUN:
			io.dry_run = 1;
			break;
		case OPT_REJECTS:
			io.rejects = optarg;
			break;
		case OPT_CHARSET:
			io.legacy = optarg;
			break;
		case OPT_UNDO:
			undo = optarg;
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
	if (list || undo != NULL) {
		if (optind != argc || (list && undo != NULL))
			return cli_usage(cmd);
		if (undo != NULL && !cli_parse_id(undo, "import batch", &batch))
			return EXIT_BAD;
		cli->access = list ? CLI_READ : CLI_CHANGE;
		if (!cli_open(cli))
			return EXIT_BAD;
		if (list)
			return list_batches(cli);
		if (!cli_import_undo_ok(cli, batch, yes, "import --undo"))
			return EXIT_BAD;
		if (import_undo(cli->db, batch, &removed, &restored, &err)
		    != KITH_OK) {
			cli_error(&err);
			return EXIT_BAD;
		}
		printf("undid import %lld: %ld removed, %ld restored\n",
		    (long long)batch, removed, restored);
		return EXIT_OK;
	}
	if (optind >= argc)
		return cli_usage(cmd);
	if (io.rejects != NULL && argc - optind > 1) {
		cli_errorx("--rejects names one file: import one file at a time "
		    "with it");
		return EXIT_USAGE;
	}
	if (io.dry_run)		/* writes nothing, so creates nothing */
		cli->access = CLI_TRY;
	if (!cli_open(cli))
		return EXIT_BAD;
	/* KITH_IMPORT_BULK=0|1 forces the path (import.h), for tests. */
	if ((bulk = getenv("KITH_IMPORT_BULK")) != NULL && *bulk != '\0')
		io.bulk = strcmp(bulk, "0") == 0 ? IMPORT_BULK_OFF :
		    IMPORT_BULK_ON;
	/* KITH_IMPORT_TRACE=FILE: the phases' times, for benchmarks. */
	if ((trace = getenv("KITH_IMPORT_TRACE")) != NULL && *trace != '\0' &&
	    (io.trace = fopen(trace, "a")) == NULL)
		out_textf(stderr, "kith: %s: %s (KITH_IMPORT_TRACE)\n", trace,
		    strerror(errno));
	io.notice = on_notice;
	io.progress = on_progress;
	io.arg = &pg;
	pg.dry_run = io.dry_run;
	for (; optind < argc; optind++) {
		pg.file = argv[optind];
		pg.last = -1;
		pg.notices = 0;
		if (json_export_file(argv[optind])) {
			if (!load_json(cli, argv[optind], io.dry_run))
				rc = EXIT_BAD;
			continue;
		}
		if (import_file(cli->db, argv[optind], &io, &rep, &err)
		    != KITH_OK) {
			if (pg.shown)
				fputs("\r\033[K", stderr);
			cli_error(&err);
			/* A batch left means part of it could not be undone:
			 * err said what is stored. */
			if (rep.batch == 0)
				out_textf(stderr, "kith: %s: nothing was "
				    "imported\n", argv[optind]);
			import_report_free(&rep);
			rc = EXIT_BAD;
			continue;
		}
		if (pg.notices > NOTICE_MAX)
			out_textf(stderr, "%s: %ld more warnings and notices not "
			    "shown\n", argv[optind], pg.notices - NOTICE_MAX);
		if (io.dry_run && rep.mapping != NULL)
			out_textf(stdout, "%s: %s, %s, columns:\n%s", argv[optind],
			    rep.format, rep.encoding, rep.mapping);
		if (rep.rows == 0 && rep.rejected == 0)
			out_textf(stderr, "%s: nothing to import\n",
			    argv[optind]);
		if (io.dry_run)
			printf("would import %ld rows: %ld would be added, "
			    "%ld would merge, %ld would be rejected, %ld "
			    "possible duplicates%s (format: %s)\n", rep.rows,
			    rep.added, rep.merged, rep.rejected, rep.review,
			    unchanged(&rep), rep.format[0] ? rep.format :
			    "none");
		else
			printf("imported %ld rows: %ld added, %ld merged, "
			    "%ld rejected, %ld possible duplicates%s (format: "
			    "%s)\n", rep.rows, rep.added, rep.merged,
			    rep.rejected, rep.review, unchanged(&rep),
			    rep.format[0] ? rep.format : "none");
		if (io.dry_run)
			out_textf(stderr, "%s: dry run: nothing was written\n",
			    argv[optind]);
		else if (rep.batch != 0 && rep.rows > 0)
			out_textf(stderr, "%s: import %lld; kith import --undo "
			    "%lld takes it back\n", argv[optind],
			    (long long)rep.batch, (long long)rep.batch);
		if (rep.bulk && rep.added > 0)
			out_textf(stderr, "%s: bulk import: the contacts were "
			    "indexed for search after the rows\n", argv[optind]);
		if (rep.rejects != NULL)
			out_textf(stderr, "%s: %ld rejected row%s kept in %s\n",
			    argv[optind], rep.rejected,
			    rep.rejected == 1 ? "" : "s", rep.rejects);
		if (rep.rejected > 0)
			rc = EXIT_BAD;
		import_report_free(&rep);
	}
	if (io.trace != NULL)
		fclose(io.trace);
	return rc;
}

/*
 * Copies fp from its start to stdout, line by line, terminal-safe; 0 with
 * a message if that failed.
 */
static int
show_inert(FILE *fp)
{
	char	*line = NULL, *safe;
	size_t	 cap = 0;
	int	 ok = 1;

	rewind(fp);
	while (getline(&line, &cap, fp) != -1) {
		safe = termsafe_str(line, TERMSAFE_LINES);
		fputs(safe, stdout);
		free(safe);
	}
	if (ferror(fp) || fflush(stdout) != 0) {
		cli_errorx("cannot show the export");
		ok = 0;
	}
	free(line);
	return ok;
}

/*
 * kith export --format vdir DIR: the cards, after asking to remove the
 * ones kith wrote there before for contacts that are gone.
 */
static int
export_dir(struct cli *cli, const char *path, int version, int yes)
{
	struct kith_err		 err = { 0 };
	struct vdir_stale	*stale = NULL;
	struct vdir_result	 res = { 0 };
	size_t			 n_stale = 0, i;
	long			 removed = 0;
	int			 rc = EXIT_BAD;

	if (export_vdir_stale(cli->db, path, &stale, &n_stale, &err) !=
	    KITH_OK) {
		cli_error(&err);
		return EXIT_BAD;
	}
	if (n_stale > 0) {
		out_textf(stderr, "%s holds %zu card%s kith wrote for %s "
		    "no longer in the book (deleted or merged):\n", path,
		    n_stale, n_stale == 1 ? "" : "s", n_stale == 1 ?
		    "a contact" : "contacts");
		for (i = 0; i < n_stale; i++)
			out_textf(stderr, "  %s/%s (%s)\n", path,
			    stale[i].file, stale[i].name != NULL ?
			    stale[i].name : "no name");
		if (!cli_confirm(yes, "export", n_stale == 1 ? "Remove it "
		    "and export?" : "Remove them and export?"))
			goto out;
	}
	if (export_vdir(cli->db, path, version, yes, &res, &err) !=
	    KITH_OK || export_vdir_remove(path, stale, n_stale, &removed,
	    &err) != KITH_OK) {
		cli_error(&err);
		goto out;
	}
	for (i = 0; i < n_stale; i++)
		out_textf(stderr, "removed %s/%s\n", path, stale[i].file);
	out_textf(stderr, "exported %ld contacts to %s (%ld file%s written, "
	    "%ld unchanged", res.count, path, res.written, res.written == 1 ?
	    "" : "s", res.count - res.written - (long)res.n_edited);
	if (res.n_edited > 0)
		out_textf(stderr, ", %zu kept", res.n_edited);
	if (removed > 0)
		out_textf(stderr, ", %ld removed", removed);
	fputs(")\n", stderr);
	/* Another program's changes are not written over unasked. */
	for (i = 0; i < res.n_edited; i++)
		out_textf(stderr, "kith: %s/%s: changed by another program "
		    "since kith wrote it; kept, not replaced\n", path,
		    res.edited[i]);
	if (res.n_edited > 0) {
		out_textf(stderr, "kith: kith export --format vdir %s --yes "
		    "replaces %s with kith's\n", path, res.n_edited == 1 ?
		    "it" : "them");
		goto out;
	}
	rc = EXIT_OK;
out:
	vdir_result_free(&res);
	vdir_stale_free(stale, n_stale);
	return rc;
}

int
cmd_export(struct cli *cli, int argc, char **argv)
{
	static const struct option opts[] = {
		{ "format",	required_argument,	NULL, OPT_FORMAT },
		{ "version",	required_argument,	NULL, OPT_VERSION },
		{ "birthdays",	no_argument,		NULL, OPT_BIRTHDAYS },
		{ "yes",	no_argument,		NULL, OPT_YES },
		{ "db",		required_argument,	NULL, OPT_DB },
		{ "help",	no_argument,		NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	const struct cmd	*cmd = cli_find("export");
	enum kith_status	 st;
	const char		*what;
	int			 birthdays = 0, yes = 0;
	struct kith_err		 err = { 0 };
	const char		*format = "kith", *path = NULL;
	struct outfile		 out = { 0 };
	FILE			*fp = stdout;
	long			 n;
	int			 ch, ok, rc = EXIT_BAD, vcard, version = 3;
	int			 version_given = 0;

	while ((ch = cli_getopt(argc, argv, "h", opts, NULL)) != -1) {
		switch (ch) {
		case 'h':
			cli_help(cmd);
			return EXIT_OK;
		case OPT_DB:
			cli->db_path = optarg;
			break;
		case OPT_FORMAT:
			format = optarg;
			break;
		case OPT_VERSION:
			version_given = 1;
			if (strcmp(optarg, "3.0") == 0 || strcmp(optarg, "3") == 0)
				version = 3;
			else if (strcmp(optarg, "4.0") == 0 ||
			    strcmp(optarg, "4") == 0)
				version = 4;
			else {
				cli_errorx("--version %s: vCard 3.0 or 4.0",
				    optarg);
				return EXIT_USAGE;
			}
			break;
		case OPT_BIRTHDAYS:
			birthdays = 1;
			break;
		case OPT_YES:
			yes = 1;
			break;
		default:
			return cli_usage(cmd);
		}
	}
	if (argc - optind > 1)
		return cli_usage(cmd);
	if (birthdays && strcmp(format, "ics") != 0) {
		cli_errorx("--birthdays goes with --format ics");
		return EXIT_USAGE;
	}
	if (optind < argc && strcmp(argv[optind], "-") != 0)
		path = argv[optind];
	/* vCards carry UIDs: contacts without one are given one. */
	vcard = strcmp(format, "vcard") == 0 || strcmp(format, "vdir") == 0;
	if (vcard)
		cli->access = CLI_CHANGE;
	else if (version_given) {
		cli_errorx("--version is for --format vcard or vdir");
		return EXIT_USAGE;
	}
	if (strcmp(format, "vdir") == 0) {
		if (path == NULL) {
			cli_errorx("--format vdir writes a folder: kith export "
			    "--format vdir DIR");
			return EXIT_USAGE;
		}
		if (!cli_open(cli))
			return EXIT_BAD;
		return export_dir(cli, path, version, yes);
	}
	if (yes) {
		cli_errorx("--yes goes with --format vdir");
		return EXIT_USAGE;
	}
	if (!cli_open(cli))
		return EXIT_BAD;
	if (path != NULL) {
		/* Never a half-written file, nor one over the book. */
		if (outfile_open(&out, path, kith_db_path(cli->db), &err) !=
		    KITH_OK) {
			cli_error(&err);
			goto out;
		}
		fp = out.fp;
	} else if (isatty(STDOUT_FILENO) && (fp = tmpfile()) == NULL) {
		cli_errorx("cannot make a temporary file: %s",
		    strerror(errno));
		goto out;
	}
	what = "contacts";
	if (strcmp(format, "deals") == 0) {
		st = export_deals(cli->db, fp, &n, &err);
		what = deal_word_form(cli->db, n != 1, 0);
	} else if (strcmp(format, "json") == 0) {
		st = portable_export(cli->db, fp, &n, &err);
		what = "rows";
	} else if (vcard) {
		st = export_vcard(cli->db, fp, version, &n, &err);
	} else if (strcmp(format, "mutt-alias") == 0) {
		st = mutt_export_aliases(cli->db, fp, &n, &err);
		what = "aliases";
	} else if (strcmp(format, "ics") == 0) {
		st = ics_write(cli->db, fp, ICS_FOLLOWUPS | (birthdays ?
		    ICS_BIRTHDAYS : 0), &n, &err);
		what = "calendar items";
	} else
		st = export_contacts(cli->db, fp, format, &n, &err);
	if (st != KITH_OK) {
		if (st == KITH_IO && path != NULL)
			cli_errorx("%s: %s", path, err.msg);	/* which file */
		else
			cli_error(&err);
		if (path != NULL)
			outfile_abort(&out);
		else if (fp != stdout)
			fclose(fp);
		goto out;
	}
	/* CSV bytes are for programs; a terminal gets them inert. */
	if (path == NULL && fp != stdout) {
		ok = show_inert(fp);
		fclose(fp);
		if (!ok)
			goto out;
	}
	if (path != NULL) {
		if (outfile_close(&out, &err) != KITH_OK) {
			cli_error(&err);
			goto out;
		}
		out_textf(stderr, "exported %ld %s to %s\n", n, what, path);
	}
	rc = EXIT_OK;
out:
	return rc;
}
