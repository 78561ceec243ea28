/* SPDX-License-Identifier: MIT */
/*
 * README.md and kith(1) against the key tables (keys.c): every key of
 * every table is listed under that table's scope in both documents, and
 * the documents list no key a table does not have.  The documents give a
 * scope's keys in this form:
 *
 * README.md, in the section "## The full-screen interface": a heading
 * "#### TITLE" (TITLE as in keys.c, "Alert pane"), then a table whose
 * first column names keys in backquotes, one row per thing done:
 *	| `d` | mark the highlighted follow-up done |
 *	| `Up` `k` | move up |
 *
 * data/kith.1, in the section ".SH KEYS": ".SS TITLE", then one .TP entry
 * per thing done, whose tag line names keys as unquoted words of .B or .BR
 * (quoted words are separators):
 *	.TP
 *	.BR Up ", " k
 *	Move up.
 *
 * Keys are named as keys_name() names them ("Down", "^D", "Enter", "Esc",
 * "S-Tab").  Other headings there may hold prose, but no keys.  A failure says which line to add or remove where.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "keys.h"

#define MAXLINES	4096
#define MAXKEYS		128

struct doc {
	const char	*path;		/* as the messages name it */
	char		*text;
	char		*lines[MAXLINES];
	size_t		 n;
};

/* The keys a document lists for one scope. */
struct keyset {
	char	names[MAXKEYS][24];
	size_t	n;
};

static void	doc_load(struct doc *, const char *rel);
static void	keyset_add(struct keyset *, const char *, size_t);
static int	keyset_has(const struct keyset *, const char *);
static const struct keymap *map_titled(const char *);
static void	readme_span(const struct doc *, size_t *, size_t *);
static void	man_span(const struct doc *, size_t *, size_t *);
static int	readme_keys(const struct doc *, const char *title,
		    struct keyset *);
static int	man_keys(const struct doc *, const char *title,
		    struct keyset *);
static void	check_doc(const struct doc *, int man);
static void	check_headings(const struct doc *, int man);
static void	test_readme(void);
static void	test_man(void);

static struct doc readme, man;

static void
doc_load(struct doc *d, const char *rel)
{
	char	 path[1024];
	FILE	*f;
	long	 size;
	char	*p;

	snprintf(path, sizeof path, "%s/%s", KITH_SOURCE_DIR, rel);
	d->path = rel;
	if ((f = fopen(path, "rb")) == NULL || fseek(f, 0, SEEK_END) != 0 ||
	    (size = ftell(f)) < 0 || fseek(f, 0, SEEK_SET) != 0) {
		fprintf(stderr, "cannot read %s\n", path);
		exit(1);
	}
	d->text = malloc((size_t)size + 1);
	if (d->text == NULL || fread(d->text, 1, (size_t)size, f) !=
	    (size_t)size)
		exit(1);
	fclose(f);
	d->text[size] = '\0';
	for (p = d->text; *p != '\0' && d->n < MAXLINES; ) {
		d->lines[d->n++] = p;
		if ((p = strchr(p, '\n')) == NULL)
			break;
		*p++ = '\0';
	}
}

static void
keyset_add(struct keyset *ks, const char *s, size_t len)
{
	if (ks->n < MAXKEYS && len > 0 && len < sizeof ks->names[0]) {
		memcpy(ks->names[ks->n], s, len);
		ks->names[ks->n++][len] = '\0';
	}
}

static int
keyset_has(const struct keyset *ks, const char *name)
{
	size_t	i;

	for (i = 0; i < ks->n; i++)
		if (strcmp(ks->names[i], name) == 0)
			return 1;
	return 0;
}

static const struct keymap *
map_titled(const char *title)
{
	size_t	i;

	for (i = 0; keymaps_all[i] != NULL; i++)
		if (strcmp(keymaps_all[i]->title, title) == 0)
			return keymaps_all[i];
	return NULL;
}

/* The span of README's "## The full-screen interface": [*from, *to). */
static void
readme_span(const struct doc *d, size_t *from, size_t *to)
{
	size_t	i;

	*from = *to = d->n;
	for (i = 0; i < d->n; i++)
		if (strcmp(d->lines[i], "## The full-screen interface") == 0)
			break;
	*from = i;
	for (i = *from + 1; i < d->n; i++)
		if (strncmp(d->lines[i], "## ", 3) == 0)
			break;
	*to = i;
}

/* The span of kith.1's ".SH KEYS". */
static void
man_span(const struct doc *d, size_t *from, size_t *to)
{
	size_t	i;

	for (i = 0; i < d->n; i++)
		if (strcmp(d->lines[i], ".SH KEYS") == 0)
			break;
	*from = i;
	for (i = *from + 1; i < d->n; i++)
		if (strncmp(d->lines[i], ".SH ", 4) == 0)
			break;
	*to = i;
}

/* The keys of "#### title"'s table; 0 if there is no such heading. */
static int
readme_keys(const struct doc *d, const char *title, struct keyset *ks)
{
	size_t		 i, from, to;
	const char	*p, *q, *end;
	int		 in_table = 0;

	readme_span(d, &from, &to);
	for (i = from; i < to; i++)
		if (strncmp(d->lines[i], "#### ", 5) == 0 &&
		    strcmp(d->lines[i] + 5, title) == 0)
			break;
	if (i == to)
		return 0;
	for (i++; i < to && strncmp(d->lines[i], "#", 1) != 0; i++) {
		if (d->lines[i][0] != '|') {
			if (in_table)
				break;
			continue;
		}
		in_table = 1;
		/* The first cell: from the first '|' to the next outside `. */
		p = d->lines[i] + 1;
		for (end = p; *end != '\0' && *end != '|'; end++)
			if (*end == '`' && (q = strchr(end + 1, '`')) != NULL)
				end = q;
		while ((p = memchr(p, '`', (size_t)(end - p))) != NULL &&
		    (q = memchr(p + 1, '`', (size_t)(end - p - 1))) != NULL) {
			keyset_add(ks, p + 1, (size_t)(q - p - 1));
			p = q + 1;
		}
	}
	return 1;
}

/* The keys of ".SS title"'s .TP entries; 0 if there is no such heading. */
static int
man_keys(const struct doc *d, const char *title, struct keyset *ks)
{
	size_t		 i, from, to, len;
	const char	*p;

	man_span(d, &from, &to);
	for (i = from; i < to; i++)
		if (strncmp(d->lines[i], ".SS ", 4) == 0 &&
		    strcmp(d->lines[i] + 4, title) == 0)
			break;
	if (i == to)
		return 0;
	for (i++; i < to && strncmp(d->lines[i], ".SS ", 4) != 0; i++) {
		if (strncmp(d->lines[i], ".TP", 3) != 0 || i + 1 >= to ||
		    strncmp(d->lines[i + 1], ".SS ", 4) == 0)
			continue;
		p = d->lines[++i];
		if (strncmp(p, ".B ", 3) != 0 && strncmp(p, ".BR ", 4) != 0)
			continue;
		p = strchr(p, ' ');
		while (*p != '\0') {
			while (*p == ' ')
				p++;
			if (*p == '"') {	/* a separator */
				p = strchr(p + 1, '"');
				p = p != NULL ? p + 1 : "";
				continue;
			}
			len = strcspn(p, " ");
			keyset_add(ks, p, len);
			p += len;
		}
	}
	return 1;
}

/*
 * Every key of every table is in the document under the table's title,
 * and every key there is in the table.
 */
static void
check_doc(const struct doc *d, int is_man)
{
	const struct keymap	*m;
	struct keyset		 ks, seen;
	char			 name[24];
	const char		*help;
	size_t			 i, j;

	for (i = 0; (m = keymaps_all[i]) != NULL; i++) {
		memset(&ks, 0, sizeof ks);
		memset(&seen, 0, sizeof seen);
		if (!(is_man ? man_keys(d, m->title, &ks) :
		    readme_keys(d, m->title, &ks))) {
			check_failed++;
			if (is_man)
				fprintf(stderr, "%s: no \".SS %s\" in .SH KEYS "
				    "for the keys of that table (src/tui/"
				    "keys.c); add it, then a .TP entry for each "
				    "of its keys\n", d->path, m->title);
			else
				fprintf(stderr, "%s: no \"#### %s\" in \"## The "
				    "full-screen interface\" for the keys of that "
				    "table (src/tui/keys.c); add it, then a "
				    "table \"| keys | what they do |\" with a row "
				    "for each of its keys\n", d->path, m->title);
			continue;
		}
		check_passed++;
		for (j = 0; j < m->n; j++) {
			keys_name(m->binds[j].fn, m->binds[j].key, name,
			    sizeof name);
			help = m->binds[j].help != NULL ? m->binds[j].help :
			    action_help(m->binds[j].act);
			if (keyset_has(&ks, name) || keyset_has(&seen, name)) {
				check_passed++;
				continue;
			}
			keyset_add(&seen, name, strlen(name));
			check_failed++;
			if (is_man)
				fprintf(stderr, "%s: key %s (%s) of \"%s\" is "
				    "missing; add under \".SS %s\":\n.TP\n.B %s\n"
				    "%c%s.\n", d->path, name, action_name(
				    m->binds[j].act), m->title, m->title, name,
				    toupper((unsigned char)help[0]), help + (help[0]
				    != '\0'));
			else
				fprintf(stderr, "%s: key %s (%s) of \"%s\" is "
				    "missing; add to the table under \"#### %s\" "
				    "the row:\n| `%s` | %s |\n", d->path, name,
				    action_name(m->binds[j].act), m->title,
				    m->title, name, help);
		}
		for (j = 0; j < ks.n; j++) {
			size_t	k;

			for (k = 0; k < m->n; k++) {
				keys_name(m->binds[k].fn, m->binds[k].key,
				    name, sizeof name);
				if (strcmp(name, ks.names[j]) == 0)
					break;
			}
			if (k < m->n) {
				check_passed++;
				continue;
			}
			check_failed++;
			fprintf(stderr, "%s: under \"%s%s\" key %s is listed, "
			    "but the table \"%s\" (src/tui/keys.c) has no such "
			    "key; remove it from there, or bind it\n", d->path,
			    is_man ? ".SS " : "#### ", m->title, ks.names[j],
			    m->title);
		}
	}
}

/*
 * A heading of the document that names no table lists no keys (it may
 * hold prose: pastes, the mouse).
 */
static void
check_headings(const struct doc *d, int is_man)
{
	struct keyset	 ks;
	size_t		 i, k, from, to;
	const char	*title;

	if (is_man)
		man_span(d, &from, &to);
	else
		readme_span(d, &from, &to);
	for (i = from; i < to; i++) {
		if (is_man ? strncmp(d->lines[i], ".SS ", 4) != 0 :
		    strncmp(d->lines[i], "#### ", 5) != 0)
			continue;
		title = d->lines[i] + (is_man ? 4 : 5);
		memset(&ks, 0, sizeof ks);
		if (map_titled(title) != NULL || !(is_man ? man_keys(d, title,
		    &ks) : readme_keys(d, title, &ks)) || ks.n == 0) {
			check_passed++;
			continue;
		}
		check_failed++;
		fprintf(stderr, "%s: under \"%s\" key %s is listed, but no "
		    "key table in src/tui/keys.c has that title (their titles: ",
		    d->path, d->lines[i], ks.names[0]);
		for (k = 0; keymaps_all[k] != NULL; k++)
			fprintf(stderr, "%s\"%s\"", k ? ", " : "",
			    keymaps_all[k]->title);
		fprintf(stderr, "); rename the heading or move its keys\n");
	}
}

static void
test_readme(void)
{
	check_doc(&readme, 0);
	check_headings(&readme, 0);
}

static void
test_man(void)
{
	check_doc(&man, 1);
	check_headings(&man, 1);
}

int
main(void)
{
	doc_load(&readme, "README.md");
	doc_load(&man, "data/kith.1");
	test_readme();
	test_man();
	free(readme.text);
	free(man.text);
	printf("%d passed, %d failed\n", check_passed, check_failed);
	return check_failed != 0;
}
