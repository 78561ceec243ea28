/* SPDX-License-Identifier: MIT */
/*
 * The report renderers (report.c) on a hand-built report: columns aligned
 * by display width and long cells cut with an ellipsis in text, markup in
 * data escaped in Markdown and HTML, tabs and line breaks kept out of TSV
 * cells, an empty section saying so, "… N more" for rows left out.
 */
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "kith/report.h"

static struct report	*sample(void);
static void		 test_text(void);
static void		 test_markdown(void);
static void		 test_html(void);
static void		 test_tsv(void);
static void		 test_formats(void);

static struct report *
sample(void)
{
	static const char *const cols[] = { "Name", "Count" };
	const char		*row[2];
	struct report		*r = report_new("Status", "1 to 2 Nov");
	struct report_section	*s;

	s = report_facts(r, "summary", "Summary");
	report_fact(s, "People", "%d", 3);
	s = report_table(r, "people", "People", 2, cols, 0x2);
	row[0] = "Ана Петровић";
	row[1] = "12";
	report_row(s, row);
	row[0] = "Smith & Jones <LLP> | *bold*\tx\ny";
	row[1] = "3";
	report_row(s, row);
	row[0] = "A name much longer than forty cells of any terminal";
	row[1] = "1";
	report_row(s, row);
	s->more = 4;
	s = report_table(r, "empty", "Nothing here", 2, cols, 0x2);
	report_empty(s, "None.");
	return r;
}

static void
test_text(void)
{
	struct report	*r = sample();
	char		*t = report_render(r, REPORT_TEXT);

	CHECK(strncmp(t, "Status\n======\n1 to 2 Nov\n", 25) == 0);
	CHECK(strstr(t, "  People  3\n") != NULL);
	/* Cyrillic is one cell a letter: the count lines up. */
	CHECK(strstr(t, "  Ана Петровић  ") != NULL);
	CHECK(strstr(t, "A name much longer than forty cells of \u2026") != NULL);
	CHECK(strstr(t, "  \u2026 4 more\n") != NULL);
	CHECK(strstr(t, "Nothing here\n  None.\n") != NULL);
	free(t);
	report_free(r);
}

static void
test_markdown(void)
{
	struct report	*r = sample();
	char		*t = report_render(r, REPORT_MARKDOWN);

	CHECK(strstr(t, "# Status\n") != NULL);
	CHECK(strstr(t, "| Name | Count |\n| --- | ---: |\n") != NULL);
	CHECK(strstr(t, "Smith & Jones \\<LLP\\> \\| \\*bold\\*") != NULL);
	CHECK(strstr(t, "<br>y") != NULL);
	CHECK(strstr(t, "- **People**: 3\n") != NULL);
	free(t);
	report_free(r);
}

static void
test_html(void)
{
	struct report	*r = sample();
	char		*t = report_render(r, REPORT_HTML);

	CHECK(strstr(t, "<title>Status</title>") != NULL);
	CHECK(strstr(t, "Smith &amp; Jones &lt;LLP&gt;") != NULL);
	CHECK(strstr(t, "<LLP>") == NULL);
	CHECK(strstr(t, "<td class=\"n\">12</td>") != NULL);
	CHECK(strstr(t, "@media print") != NULL);
	CHECK(strstr(t, "<p class=\"empty\">None.</p>") != NULL);
	free(t);
	report_free(r);
}

static void
test_tsv(void)
{
	struct report	*r = sample();
	char		*t = report_render(r, REPORT_TSV);

	CHECK(strstr(t, "summary\tPeople\t3\n") != NULL);
	CHECK(strstr(t, "people\tАна Петровић\t12\n") != NULL);
	CHECK(strstr(t, "people\tSmith & Jones <LLP> | *bold* x y\t3\n")
	    != NULL);
	CHECK(strstr(t, "empty") == NULL);
	free(t);
	report_free(r);
}

static void
test_formats(void)
{
	enum report_format	f;

	CHECK(report_format_parse("md", &f) && f == REPORT_MARKDOWN);
	CHECK(report_format_parse("html", &f) && f == REPORT_HTML);
	CHECK(!report_format_parse("pdf", &f));
	CHECK(!report_format_parse(NULL, &f));
}

TEST_MAIN(test_text, test_markdown, test_html, test_tsv, test_formats)
