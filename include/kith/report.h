/* SPDX-License-Identifier: MIT */
/*
 * Reports: a document model built by the core (a title, then sections of
 * facts, tables or text), and one renderer per format, so that every
 * report reads the same in a terminal, as Markdown, as a self-contained
 * HTML page that prints well, and as TSV for another program.  A report
 * builder (report_activity.c, ...) queries the book and fills a struct
 * report; report_render() turns it into text.  Neither prints.
 *
 * Every report is deterministic: its rows come in a stable order, and the
 * moment it describes is the handle's clock (kith_db_now), so a frozen
 * clock gives the same bytes.
 */
#ifndef KITH_REPORT_H
#define KITH_REPORT_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;

enum report_format {
	REPORT_TEXT,		/* aligned columns, for a terminal or lpr */
	REPORT_MARKDOWN,	/* CommonMark with pipe tables */
	REPORT_HTML,		/* one self-contained page, print stylesheet */
	REPORT_TSV,		/* section, then the cells, one row a line */
};

/* "text", "markdown" (or "md"), "html", "tsv" into *out; 0 if none. */
int		 report_format_parse(const char *s, enum report_format *out);

enum report_kind {
	REPORT_FACTS,		/* label: value lines */
	REPORT_TABLE,		/* columns with a header row */
	REPORT_PARAGRAPH,	/* free text, line breaks kept */
};

struct report_section {
	enum report_kind kind;
	char		*id;		/* short name for TSV ("by-kind") */
	char		*heading;	/* "Interactions by kind" */
	size_t		 n_cols;	/* TABLE: columns; FACTS: 2 */
	char		**cols;		/* TABLE: the header */
	unsigned	 numeric;	/* bit i: column i right-aligned */
	char		**cells;	/* n_rows * n_cols, row by row */
	size_t		 n_rows;
	char		*text;		/* PARAGRAPH; or what an empty
					   section says ("None.") */
	size_t		 more;		/* rows left out: "… N more" */
};

struct report {
	char			*title;
	char			*subtitle;	/* the period, the date */
	struct report_section	*sections;
	size_t			 n_sections;
};

struct report	*report_new(const char *title, const char *subtitle);
void		 report_free(struct report *);	/* NULL is a no-op */

/* Adds a section and returns it (valid until the next add). */
struct report_section *report_facts(struct report *, const char *id,
		    const char *heading);
struct report_section *report_table(struct report *, const char *id,
		    const char *heading, size_t n_cols,
		    const char *const *cols, unsigned numeric);
struct report_section *report_paragraph(struct report *, const char *id,
		    const char *heading, const char *text);

/* Adds a label: value line to a FACTS section (value printf-style). */
void		 report_fact(struct report_section *, const char *label,
		    const char *fmt, ...)
		    __attribute__((format(printf, 3, 4)));

/* Adds a row of n_cols cells to a TABLE section (NULL reads as ""). */
void		 report_row(struct report_section *, const char *const *cells);

/* What an empty section says instead of nothing ("No interactions."). */
void		 report_empty(struct report_section *, const char *text);

/*
 * Renders r in format f as a heap string (caller frees).  Text and
 * Markdown align columns by display width; HTML escapes every cell and
 * carries its own stylesheet.  The text is as stored: a front that sends
 * it to a terminal passes it through termsafe.h.
 */
char		*report_render(const struct report *r, enum report_format f);

/*
 * The activity summary (report_activity.c) for the days since..until
 * ("YYYY-MM-DD", both included; NULL since: the first of this month,
 * NULL until: today): interactions by kind, by person and by
 * organisation; follow-ups created, done and missed; contacts added and
 * merged; deals opened, moved, won and lost.  KITH_INVALID if since is
 * after until.
 */
enum kith_status report_activity(struct kith_db *, const char *since,
		    const char *until, struct report **out,
		    struct kith_err *);

/*
 * The one-page relationship sheet of contact id (report_onepager.c): who
 * the person is (details, birthday with age when the year is known), how
 * we know them (relationships both ways, who introduced them first), open
 * follow-ups, deals with their role, the latest interactions, key dates
 * and the notes; each list cut with "… N more" so that a typical contact
 * fits one printed page.  KITH_NOTFOUND if there is no such contact.
 */
enum kith_status report_onepager(struct kith_db *, int64_t id,
		    struct report **out, struct kith_err *);

/*
 * The relationship status report (report_status.c): per contact with tag
 * and at an organisation named org (either may be NULL; with neither,
 * everyone with an open follow-up or on an open deal), the last touch,
 * the next step and its day, the open deals, and why it needs attention;
 * an overdue follow-up first (most late first), then one due today, then
 * the longest without a touch.  Archived contacts are left out.
 * KITH_NOTFOUND for a tag or an organisation that does not exist.
 */
enum kith_status report_status(struct kith_db *, const char *tag,
		    const char *org, struct report **out, struct kith_err *);

#endif
