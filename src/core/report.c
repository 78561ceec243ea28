/* SPDX-License-Identifier: MIT */
/*
 * The report document (report.h) and its renderers: text, Markdown, a
 * self-contained HTML page, and TSV.  A report builder fills the model;
 * nothing here queries the book.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/report.h"
#include "kith/termsafe.h"
#include "kith/util.h"

/*
 * Widest a text column grows before its cells are cut (with "…"); the
 * last column, which has no neighbour to push, may grow further.
 */
#define TEXT_COL_MAX	40
#define TEXT_LAST_MAX	60

static struct report_section *add_section(struct report *, enum report_kind,
		    const char *, const char *);
static const char *cell(const struct report_section *, size_t, size_t);
static void	render_text(const struct report *, struct sbuf *);
static void	render_markdown(const struct report *, struct sbuf *);
static void	render_html(const struct report *, struct sbuf *);
static void	render_tsv(const struct report *, struct sbuf *);
static void	text_table(const struct report_section *, struct sbuf *);
static void	md_escape(struct sbuf *, const char *, int);
static void	html_escape(struct sbuf *, const char *);
static void	tsv_cell(struct sbuf *, const char *);
static void	more_line(const struct report_section *, char *, size_t);

int
report_format_parse(const char *s, enum report_format *out)
{
	static const struct {
		const char		*name;
		enum report_format	 f;
	} names[] = {
		{ "text", REPORT_TEXT }, { "markdown", REPORT_MARKDOWN },
		{ "md", REPORT_MARKDOWN }, { "html", REPORT_HTML },
		{ "tsv", REPORT_TSV },
	};
	size_t	i;

	for (i = 0; s != NULL && i < sizeof names / sizeof names[0]; i++)
		if (strcmp(s, names[i].name) == 0) {
			*out = names[i].f;
			return 1;
		}
	return 0;
}

struct report *
report_new(const char *title, const char *subtitle)
{
	struct report	*r = xcalloc(1, sizeof *r);

	r->title = xstrdup(title);
	r->subtitle = subtitle != NULL ? xstrdup(subtitle) : NULL;
	return r;
}

void
report_free(struct report *r)
{
	struct report_section	*s;
	size_t			 i, j;

	if (r == NULL)
		return;
	for (i = 0; i < r->n_sections; i++) {
		s = &r->sections[i];
		free(s->id);
		free(s->heading);
		for (j = 0; j < s->n_cols; j++)
			free(s->cols != NULL ? s->cols[j] : NULL);
		free(s->cols);
		for (j = 0; j < s->n_rows * s->n_cols; j++)
			free(s->cells[j]);
		free(s->cells);
		free(s->text);
	}
	free(r->sections);
	free(r->title);
	free(r->subtitle);
	free(r);
}

static struct report_section *
add_section(struct report *r, enum report_kind kind, const char *id,
    const char *heading)
{
	struct report_section	*s;

	r->sections = xreallocarray(r->sections, r->n_sections + 1,
	    sizeof *r->sections);
	s = &r->sections[r->n_sections++];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->id = xstrdup(id);
	s->heading = xstrdup(heading);
	return s;
}

struct report_section *
report_facts(struct report *r, const char *id, const char *heading)
{
	struct report_section	*s = add_section(r, REPORT_FACTS, id, heading);

	s->n_cols = 2;
	return s;
}

struct report_section *
report_table(struct report *r, const char *id, const char *heading,
    size_t n_cols, const char *const *cols, unsigned numeric)
{
	struct report_section	*s = add_section(r, REPORT_TABLE, id, heading);
	size_t			 i;

	s->n_cols = n_cols;
	s->cols = xcalloc(n_cols, sizeof *s->cols);
	for (i = 0; i < n_cols; i++)
		s->cols[i] = xstrdup(cols[i]);
	s->numeric = numeric;
	return s;
}

struct report_section *
report_paragraph(struct report *r, const char *id, const char *heading,
    const char *text)
{
	struct report_section	*s = add_section(r, REPORT_PARAGRAPH, id,
				    heading);

	s->text = text != NULL ? xstrdup(text) : NULL;
	return s;
}

void
report_row(struct report_section *s, const char *const *cells)
{
	size_t	i, at = s->n_rows * s->n_cols;

	s->cells = xreallocarray(s->cells, at + s->n_cols, sizeof *s->cells);
	for (i = 0; i < s->n_cols; i++)
		s->cells[at + i] = xstrdup(cells[i] != NULL ? cells[i] : "");
	s->n_rows++;
}

void
report_fact(struct report_section *s, const char *label, const char *fmt,
    ...)
{
	const char	*cells[2];
	va_list		 ap;
	char		*v;

	va_start(ap, fmt);
	v = xvasprintf(fmt, ap);
	va_end(ap);
	cells[0] = label;
	cells[1] = v;
	report_row(s, cells);
	free(v);
}

void
report_empty(struct report_section *s, const char *text)
{
	free(s->text);
	s->text = xstrdup(text);
}

char *
report_render(const struct report *r, enum report_format f)
{
	struct sbuf	sb = { 0 };

	switch (f) {
	case REPORT_MARKDOWN:
		render_markdown(r, &sb);
		break;
	case REPORT_HTML:
		render_html(r, &sb);
		break;
	case REPORT_TSV:
		render_tsv(r, &sb);
		break;
	case REPORT_TEXT:
	default:
		render_text(r, &sb);
		break;
	}
	return sbuf_detach(&sb);
}

static const char *
cell(const struct report_section *s, size_t row, size_t col)
{
	return s->cells[row * s->n_cols + col];
}

/* "… 12 more" for rows a section left out, else "". */
static void
more_line(const struct report_section *s, char *out, size_t size)
{
	if (s->more == 0)
		out[0] = '\0';
	else
		snprintf(out, size, "\u2026 %zu more", s->more);
}

/* ---- text ---------------------------------------------------------- */

static void
render_text(const struct report *r, struct sbuf *sb)
{
	const struct report_section *s;
	char		*t, more[64];
	size_t		 i, j;
	int		 w, lw;

	t = termsafe_str(r->title, 0);
	sbuf_printf(sb, "%s\n", t);
	w = termsafe_width(r->title, 0);
	while (w-- > 0)
		sbuf_addc(sb, '=');
	sbuf_addc(sb, '\n');
	free(t);
	if (r->subtitle != NULL) {
		t = termsafe_str(r->subtitle, 0);
		sbuf_printf(sb, "%s\n", t);
		free(t);
	}
	for (i = 0; i < r->n_sections; i++) {
		s = &r->sections[i];
		t = termsafe_str(s->heading, 0);
		sbuf_printf(sb, "\n%s\n", t);
		free(t);
		if (s->kind == REPORT_PARAGRAPH ||
		    (s->n_rows == 0 && s->text != NULL)) {
			t = termsafe_str(s->text, TERMSAFE_LINES);
			sbuf_printf(sb, "  %s\n", t);
			free(t);
			continue;
		}
		if (s->kind == REPORT_TABLE) {
			text_table(s, sb);
		} else {
			for (j = 0, lw = 0; j < s->n_rows; j++)
				if ((w = termsafe_width(cell(s, j, 0), 0)) > lw)
					lw = w;
			for (j = 0; j < s->n_rows; j++) {
				t = termsafe_cut(cell(s, j, 0), lw, 1, 0);
				sbuf_printf(sb, "  %s  ", t);
				free(t);
				t = termsafe_str(cell(s, j, 1), 0);
				sbuf_printf(sb, "%s\n", t);
				free(t);
			}
		}
		more_line(s, more, sizeof more);
		if (more[0] != '\0')
			sbuf_printf(sb, "  %s\n", more);
	}
}

/* Columns as wide as their widest cell (at most TEXT_COL_MAX). */
static void
text_table(const struct report_section *s, struct sbuf *sb)
{
	int		*w = xcalloc(s->n_cols, sizeof *w);
	char		*t;
	size_t		 i, j;
	int		 cw, right, pad;

	for (j = 0; j < s->n_cols; j++)
		w[j] = termsafe_width(s->cols[j], 0);
	for (i = 0; i < s->n_rows; i++)
		for (j = 0; j < s->n_cols; j++)
			if ((cw = termsafe_width(cell(s, i, j), 0)) > w[j])
				w[j] = cw;
	for (j = 0; j < s->n_cols; j++)
		if (w[j] > (j + 1 < s->n_cols ? TEXT_COL_MAX : TEXT_LAST_MAX))
			w[j] = j + 1 < s->n_cols ? TEXT_COL_MAX : TEXT_LAST_MAX;
	for (i = 0; i <= s->n_rows; i++) {
		sbuf_add(sb, " ");
		for (j = 0; j < s->n_cols; j++) {
			const char *v = i == 0 ? s->cols[j] : cell(s, i - 1, j);

			right = (s->numeric >> j) & 1;
			cw = termsafe_width(v, 0);
			if (cw > w[j]) {
				/* Cut with an ellipsis in the last cell. */
				t = termsafe_cut(v, w[j] - 1, 0, 0);
				sbuf_printf(sb, " %s\u2026", t);
				free(t);
				cw = w[j];
				pad = 0;
			} else {
				pad = w[j] - cw;
				t = termsafe_str(v, 0);
				if (right)
					sbuf_printf(sb, " %*s%s", pad, "", t);
				else if (j + 1 < s->n_cols)
					sbuf_printf(sb, " %s%*s", t, pad, "");
				else
					sbuf_printf(sb, " %s", t);
				free(t);
			}
			if (j + 1 < s->n_cols)
				sbuf_add(sb, " ");
		}
		/* No trailing blanks. */
		while (sb->len > 0 && sb->s[sb->len - 1] == ' ')
			sb->s[--sb->len] = '\0';
		sbuf_addc(sb, '\n');
	}
	free(w);
}

/* ---- Markdown ------------------------------------------------------ */

/*
 * Escapes what Markdown would read as markup; in a table cell (cell set)
 * a '|' too, and line breaks become <br>.
 */
static void
md_escape(struct sbuf *sb, const char *s, int in_cell)
{
	for (; s != NULL && *s != '\0'; s++) {
		if (*s == '\n') {
			sbuf_add(sb, in_cell ? "<br>" : "  \n");
			continue;
		}
		if (strchr("\\`*_{}[]<>#|~", *s) != NULL)
			sbuf_addc(sb, '\\');
		sbuf_addc(sb, *s);
	}
}

static void
render_markdown(const struct report *r, struct sbuf *sb)
{
	const struct report_section *s;
	char		 more[64];
	size_t		 i, j, k;

	sbuf_add(sb, "# ");
	md_escape(sb, r->title, 0);
	sbuf_add(sb, "\n");
	if (r->subtitle != NULL) {
		sbuf_add(sb, "\n");
		md_escape(sb, r->subtitle, 0);
		sbuf_add(sb, "\n");
	}
	for (i = 0; i < r->n_sections; i++) {
		s = &r->sections[i];
		sbuf_add(sb, "\n## ");
		md_escape(sb, s->heading, 0);
		sbuf_add(sb, "\n\n");
		if (s->kind == REPORT_PARAGRAPH ||
		    (s->n_rows == 0 && s->text != NULL)) {
			md_escape(sb, s->text, 0);
			sbuf_add(sb, "\n");
			continue;
		}
		if (s->kind == REPORT_FACTS) {
			for (j = 0; j < s->n_rows; j++) {
				sbuf_add(sb, "- **");
				md_escape(sb, cell(s, j, 0), 0);
				sbuf_add(sb, "**: ");
				md_escape(sb, cell(s, j, 1), 0);
				sbuf_add(sb, "\n");
			}
		} else {
			sbuf_add(sb, "|");
			for (k = 0; k < s->n_cols; k++) {
				sbuf_add(sb, " ");
				md_escape(sb, s->cols[k], 1);
				sbuf_add(sb, " |");
			}
			sbuf_add(sb, "\n|");
			for (k = 0; k < s->n_cols; k++)
				sbuf_add(sb, (s->numeric >> k) & 1 ? " ---: |" :
				    " --- |");
			sbuf_add(sb, "\n");
			for (j = 0; j < s->n_rows; j++) {
				sbuf_add(sb, "|");
				for (k = 0; k < s->n_cols; k++) {
					sbuf_add(sb, " ");
					md_escape(sb, cell(s, j, k), 1);
					sbuf_add(sb, " |");
				}
				sbuf_add(sb, "\n");
			}
		}
		more_line(s, more, sizeof more);
		if (more[0] != '\0')
			sbuf_printf(sb, "\n%s\n", more);
	}
}

/* ---- HTML ---------------------------------------------------------- */

static void
html_escape(struct sbuf *sb, const char *s)
{
	for (; s != NULL && *s != '\0'; s++) {
		switch (*s) {
		case '&': sbuf_add(sb, "&amp;"); break;
		case '<': sbuf_add(sb, "&lt;"); break;
		case '>': sbuf_add(sb, "&gt;"); break;
		case '"': sbuf_add(sb, "&quot;"); break;
		case '\'': sbuf_add(sb, "&#39;"); break;
		case '\n': sbuf_add(sb, "<br>"); break;
		default:
			/* Control characters have no place in a page. */
			if ((unsigned char)*s < 0x20 && *s != '\t')
				break;
			sbuf_addc(sb, *s);
		}
	}
}

/* One page: screen and print alike, A4 and Letter both fit. */
static const char html_style[] =
	"body{font:10.5pt/1.35 system-ui,-apple-system,'Segoe UI',"
	"Roboto,'Noto Sans',sans-serif;color:#111;max-width:48em;"
	"margin:2em auto;padding:0 1em}"
	"h1{font-size:1.5em;margin:0 0 .1em}"
	"p.sub{color:#555;margin:0 0 1em}"
	"h2{font-size:1.05em;margin:1.1em 0 .3em;border-bottom:1px solid "
	"#ccc;padding-bottom:.1em}"
	"table{border-collapse:collapse;width:100%}"
	"th,td{text-align:left;padding:.1em .6em .1em 0;vertical-align:top}"
	"th{font-weight:600;border-bottom:1px solid #ddd}"
	"td.n,th.n{text-align:right}"
	"dl{display:grid;grid-template-columns:max-content auto;gap:.1em "
	"1em;margin:0}dt{font-weight:600}dd{margin:0}"
	"p.more,p.empty{color:#555;margin:.2em 0}"
	"@page{size:auto;margin:12mm}"
	"@media print{body{margin:0;max-width:none;font-size:9pt;"
	"line-height:1.25}h2{margin:.8em 0 .2em;break-after:avoid}"
	"tr,dl{break-inside:avoid}}";

static void
render_html(const struct report *r, struct sbuf *sb)
{
	const struct report_section *s;
	char		 more[64];
	size_t		 i, j, k;

	sbuf_add(sb, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	    "<meta charset=\"utf-8\">\n<meta name=\"viewport\" "
	    "content=\"width=device-width\">\n<title>");
	html_escape(sb, r->title);
	sbuf_printf(sb, "</title>\n<style>%s</style>\n</head>\n<body>\n<h1>",
	    html_style);
	html_escape(sb, r->title);
	sbuf_add(sb, "</h1>\n");
	if (r->subtitle != NULL) {
		sbuf_add(sb, "<p class=\"sub\">");
		html_escape(sb, r->subtitle);
		sbuf_add(sb, "</p>\n");
	}
	for (i = 0; i < r->n_sections; i++) {
		s = &r->sections[i];
		sbuf_add(sb, "<section>\n<h2>");
		html_escape(sb, s->heading);
		sbuf_add(sb, "</h2>\n");
		if (s->kind == REPORT_PARAGRAPH ||
		    (s->n_rows == 0 && s->text != NULL)) {
			sbuf_printf(sb, "<p%s>", s->kind == REPORT_PARAGRAPH ?
			    "" : " class=\"empty\"");
			html_escape(sb, s->text);
			sbuf_add(sb, "</p>\n</section>\n");
			continue;
		}
		if (s->kind == REPORT_FACTS) {
			sbuf_add(sb, "<dl>\n");
			for (j = 0; j < s->n_rows; j++) {
				sbuf_add(sb, "<dt>");
				html_escape(sb, cell(s, j, 0));
				sbuf_add(sb, "</dt><dd>");
				html_escape(sb, cell(s, j, 1));
				sbuf_add(sb, "</dd>\n");
			}
			sbuf_add(sb, "</dl>\n");
		} else {
			sbuf_add(sb, "<table>\n<tr>");
			for (k = 0; k < s->n_cols; k++) {
				sbuf_add(sb, (s->numeric >> k) & 1 ?
				    "<th class=\"n\">" : "<th>");
				html_escape(sb, s->cols[k]);
				sbuf_add(sb, "</th>");
			}
			sbuf_add(sb, "</tr>\n");
			for (j = 0; j < s->n_rows; j++) {
				sbuf_add(sb, "<tr>");
				for (k = 0; k < s->n_cols; k++) {
					sbuf_add(sb, (s->numeric >> k) & 1 ?
					    "<td class=\"n\">" : "<td>");
					html_escape(sb, cell(s, j, k));
					sbuf_add(sb, "</td>");
				}
				sbuf_add(sb, "</tr>\n");
			}
			sbuf_add(sb, "</table>\n");
		}
		more_line(s, more, sizeof more);
		if (more[0] != '\0')
			sbuf_printf(sb, "<p class=\"more\">%s</p>\n", more);
		sbuf_add(sb, "</section>\n");
	}
	sbuf_add(sb, "</body>\n</html>\n");
}

/* ---- TSV ----------------------------------------------------------- */

/* A cell on one line: TAB, LF and CR become spaces. */
static void
tsv_cell(struct sbuf *sb, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		sbuf_addc(sb, *s == '\t' || *s == '\n' || *s == '\r' ? ' ' :
		    *s);
}

/* Each row as: section id, then its cells; no header, no empty rows. */
static void
render_tsv(const struct report *r, struct sbuf *sb)
{
	const struct report_section *s;
	size_t		 i, j, k;

	for (i = 0; i < r->n_sections; i++) {
		s = &r->sections[i];
		if (s->kind == REPORT_PARAGRAPH) {
			if (s->text != NULL) {
				tsv_cell(sb, s->id);
				sbuf_addc(sb, '\t');
				tsv_cell(sb, s->text);
				sbuf_addc(sb, '\n');
			}
			continue;
		}
		for (j = 0; j < s->n_rows; j++) {
			tsv_cell(sb, s->id);
			for (k = 0; k < s->n_cols; k++) {
				sbuf_addc(sb, '\t');
				tsv_cell(sb, cell(s, j, k));
			}
			sbuf_addc(sb, '\n');
		}
	}
}
