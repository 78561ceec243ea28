/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for the vCard reader and writer (src/core/vcard*.c): the
 * fixtures of tests/fixtures/vcard with the expectations of their README,
 * one test per property and quirk, malformed variants, the writer's
 * folding and escaping, round trips of every fixture in 3.0 and 4.0, and
 * the import and export through a real database (UID matching, undo,
 * UIDs given in one journaled change).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/import.h"
#include "kith/journal.h"
#include "kith/util.h"
#include "kith/vcard.h"
#include "check.h"
#include "testdb.h"

#ifndef KITH_FIXTURES
#define KITH_FIXTURES	"tests/fixtures"
#endif

#define MAXC	64

struct got {
	struct contact	*c[MAXC];
	size_t		 n;
	char		*prob[MAXC];
	long		 pline[MAXC];
	size_t		 np;
	long		 warn_line[MAXC];
	size_t		 nw;
	char		*raw[MAXC];	/* each card's bytes */
};

static int
collect(const struct vcard_card *card, void *arg)
{
	struct got	*g = arg;
	struct kith_err	 err = { 0 };
	struct contact	*c;
	char		*w = NULL;
	size_t		 i;

	for (i = 0; i < card->n_warnings && g->nw < MAXC; i++)
		g->warn_line[g->nw++] = card->warnings[i].line;
	if (card->problem != NULL) {
		if (g->np < MAXC) {
			g->pline[g->np] = card->problem_line;
			g->prob[g->np++] = xstrdup(card->problem);
		}
		return 0;
	}
	if (vcard_card_contact(card, &c, &w, &err) != KITH_OK) {
		if (g->np < MAXC) {
			g->pline[g->np] = card->line;
			g->prob[g->np++] = xstrdup(err.msg);
		}
		return 0;
	}
	free(w);
	if (g->n < MAXC) {
		g->raw[g->n] = xstrndup(card->text, card->len);
		g->c[g->n++] = c;
	} else
		contact_free(c);
	return 0;
}

static long
parse(const char *s, size_t len, struct got *g)
{
	memset(g, 0, sizeof *g);
	return vcard_parse(s, len, collect, g);
}

static long
parse_str(const char *s, struct got *g)
{
	return parse(s, strlen(s), g);
}

static void
got_free(struct got *g)
{
	size_t	i;

	for (i = 0; i < g->n; i++) {
		contact_free(g->c[i]);
		free(g->raw[i]);
	}
	for (i = 0; i < g->np; i++)
		free(g->prob[i]);
	memset(g, 0, sizeof *g);
}

static char *
slurp(const char *name, size_t *len)
{
	char	*path = xasprintf("%s/vcard/%s", KITH_FIXTURES, name), *buf;
	FILE	*fp = fopen(path, "rb");
	long	 n;

	if (fp == NULL) {
		fprintf(stderr, "cannot open %s\n", path);
		exit(1);
	}
	fseek(fp, 0, SEEK_END);
	n = ftell(fp);
	rewind(fp);
	buf = xmalloc((size_t)n + 1);
	*len = fread(buf, 1, (size_t)n, fp);
	buf[*len] = '\0';
	fclose(fp);
	free(path);
	return buf;
}

static void
parse_fixture(const char *name, struct got *g)
{
	size_t	 len;
	char	*buf = slurp(name, &len);

	parse(buf, len, g);
	free(buf);
}

static const struct contact *
by_name(const struct got *g, const char *display)
{
	size_t	i;

	for (i = 0; i < g->n; i++)
		if (strcmp(g->c[i]->display, display) == 0)
			return g->c[i];
	fprintf(stderr, "no contact '%s'\n", display);
	return NULL;
}

/* apple.vcf: 12 cards as its README lists them. */
static void
test_apple(void)
{
	struct got		 g;
	const struct contact	*c;

	parse_fixture("apple.vcf", &g);
	CHECK_INT(g.n, 12);
	CHECK_INT(g.np, 0);
	CHECK_INT(g.nw, 0);
	if ((c = by_name(&g, "Dragana Petrović")) != NULL) {
		CHECK_INT(c->n_emails, 2);
		CHECK_STR(c->emails[0].addr, "dragana.petrovic@example.com");
		CHECK_STR(c->phones[1].raw, "+381 11 555 0102");
		CHECK_STR(c->phones[1].label, "Kancelarija");	/* X-ABLabel */
		CHECK_STR(c->org, "Petrović & Partneri");
		CHECK_STR(c->birthday, "1984-03-12");
		CHECK_STR(c->family, "Petrović");
		CHECK_STR(c->given, "Dragana");
	}
	if ((c = by_name(&g, "Miloš Đorđević")) != NULL)
		CHECK_STR(c->nickname, "Miša");
	if ((c = by_name(&g, "Jovana Živković-Marić")) != NULL)
		CHECK_STR(c->birthday, "--11-05");	/* X-APPLE-OMIT-YEAR */
	if ((c = by_name(&g, "Наталья Сергеевна Кузнецова")) != NULL)
		CHECK_STR(c->middle, "Сергеевна");
	if ((c = by_name(&g, "王小明")) != NULL) {
		CHECK_STR(c->nickname, "小明 🐉");
		CHECK_STR(c->family, "王");
	}
	if ((c = by_name(&g, "Siobhán O'Brien")) != NULL && c->n_addrs > 0) {
		CHECK_STR(c->addrs[0].street, "14 Ashgrove Lane");
		CHECK_STR(c->addrs[0].city, "Dublin");
		CHECK_STR(c->addrs[0].postcode, "D04 K7P2");
		CHECK_STR(c->addrs[0].country, "Ireland");
	}
	if ((c = by_name(&g, "François Lefèvre-Durand")) != NULL) {
		/* The photo is kept as read, unfolded. */
		size_t i, photo = 0;

		for (i = 0; i < c->n_vprops; i++)
			if (strncmp(c->vprops[i], "PHOTO;ENCODING=b;", 17) == 0
			    && strchr(c->vprops[i], ' ') == NULL)
				photo++;
		CHECK_INT(photo, 1);
	}
	if ((c = by_name(&g, "Dr. Jürgen Müller-Lüdenscheidt")) != NULL) {
		CHECK_STR(c->prefix, "Dr.");
		CHECK(c->n_urls == 1 && strcmp(c->urls[0].value,
		    "https://www.example.com/mueller") == 0);	/* https\:// */
	}
	if ((c = by_name(&g, "Stojanović, Babić i partneri")) != NULL)
		CHECK_STR(c->org, "Stojanović, Babić i partneri");
	if ((c = by_name(&g, "Ana Kovačević")) != NULL)
		CHECK_STR(c->notes, "Upoznale smo se na konferenciji u Novom "
		    "Sadu, maj 2024.\nPredmet: ugovor o zakupu br. 17/2024; "
		    "nacrt poslati do petka.\nSpisi su u folderu "
		    "P:\\Predmeti\\2024\\Zakup.\nNe zvati pre 10h.");
	if ((c = by_name(&g, "Marko Nikolić")) != NULL && c->n_addrs == 2) {
		CHECK_STR(c->addrs[0].street,
		    "Bulevar kralja Aleksandra 73, sprat 2, stan 5");
		CHECK_STR(c->addrs[1].city, "Zemun");
	}
	got_free(&g);
}

/* google.vcf: 10 cards. */
static void
test_google(void)
{
	struct got		 g;
	const struct contact	*c;

	parse_fixture("google.vcf", &g);
	CHECK_INT(g.n, 10);
	CHECK_INT(g.np, 0);
	if ((c = by_name(&g, "Nikola Stanković")) != NULL) {
		CHECK_INT(c->n_emails, 3);
		CHECK_INT(c->n_phones, 2);
		CHECK_STR(c->org, "Stanković Legal");
		CHECK(c->n_tags == 2 && strcmp(c->tags[0], "myContacts") == 0
		    && strcmp(c->tags[1], "Clients") == 0);
	}
	if ((c = by_name(&g, "Milica Radovanović-Kostić")) != NULL)
		CHECK_STR(c->birthday, "--07-22");	/* BDAY:--0722 */
	if ((c = by_name(&g, "Günther Weiß")) != NULL)
		CHECK_STR(c->birthday, "1971-02-03");	/* BDAY:19710203 */
	if ((c = by_name(&g, "Дмитрий Иванов")) != NULL)
		CHECK_STR(c->notes, "Встреча: 14 марта, обсудили договор "
		    "поставки №47.\nПерезвонить после праздников; секретарь — "
		    "Ольга.");
	if ((c = by_name(&g, "Ljiljana Šekularac")) != NULL &&
	    c->n_addrs == 1) {
		CHECK_STR(c->addrs[0].street, "Kneza Miloša 12");
		CHECK_STR(c->addrs[0].country, "Srbija");
	}
	if ((c = by_name(&g, "Radmila")) != NULL) {
		CHECK_STR(c->given, "Radmila");
		CHECK(c->family == NULL);
		CHECK_INT(c->n_emails, 0);
	}
	got_free(&g);
}

/* The malformed fixtures: counts and lines of their README. */
static void
test_malformed_fixtures(void)
{
	static const struct {
		const char	*file;
		size_t		 imported;
		long		 errors[4];	/* lines, 0-terminated */
		long		 warning;
	} cases[] = {
		{ "malformed/missing-end.vcf", 1, { 8 }, 0 },
		{ "malformed/end-without-begin.vcf", 2, { 10 }, 0 },
		{ "malformed/no-colon-line.vcf", 2, { 0 }, 6 },
		{ "malformed/invalid-utf8-fn.vcf", 2, { 9, 16, 22, 28 }, 0 },
		{ "malformed/huge-photo.vcf", 2, { 0 }, 0 },
		{ "malformed/nested-begin.vcf", 2, { 7 }, 0 },
		{ "malformed/qp-soft-break-eof.vcf", 1, { 10 }, 0 },
		{ "malformed/only-n.vcf", 2, { 0 }, 0 },
		{ "malformed/no-name-email-only.vcf", 3, { 0 }, 0 },
		{ "malformed/terminal-escape.vcf", 2, { 0 }, 0 },
	};
	struct got	 g;
	size_t		 i, k, ne;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		parse_fixture(cases[i].file, &g);
		for (ne = 0; ne < 4 && cases[i].errors[ne] != 0; ne++)
			;
		if (g.n != cases[i].imported || g.np != ne)
			fprintf(stderr, "%s\n", cases[i].file);
		CHECK_INT(g.n, cases[i].imported);
		CHECK_INT(g.np, ne);
		for (k = 0; k < ne && k < g.np; k++)
			CHECK_INT(g.pline[k], cases[i].errors[k]);
		CHECK_INT(g.nw, cases[i].warning != 0);
		if (cases[i].warning != 0 && g.nw > 0)
			CHECK_INT(g.warn_line[0], cases[i].warning);
		got_free(&g);
	}

	parse_fixture("malformed/huge-photo.vcf", &g);
	if (g.n == 2) {
		const struct contact *c = by_name(&g, "Teodora Grbić");

		CHECK(c != NULL && c->n_emails == 1 && c->n_phones == 1);
	}
	got_free(&g);
	parse_fixture("malformed/no-name-email-only.vcf", &g);
	CHECK(by_name(&g, "dusko.radic@example.com") != NULL);
	CHECK(by_name(&g, "info@zlatni-lav.example") != NULL);
	CHECK(by_name(&g, "+381 64 555 0782") != NULL);
	got_free(&g);
	parse_fixture("malformed/only-n.vcf", &g);
	CHECK(by_name(&g, "Dr Milutin Stevan Jovanović-Zmaj") != NULL);
	got_free(&g);
	parse_fixture("malformed/terminal-escape.vcf", &g);
	CHECK(by_name(&g, "Mallory \x1b[2JTrap") != NULL);	/* verbatim */
	got_free(&g);
	/* An empty file holds no vCard data. */
	CHECK_INT(parse("", 0, &g), 0);
	got_free(&g);
}

/* Folding is undone on bytes, even inside a UTF-8 character. */
static void
test_unfold(void)
{
	struct got	g;

	parse_str("BEGIN:VCARD\nVERSION:3.0\nFN:Ма\xd0\n \xbaо Ив\n\tанов\n"
	    "NOTE:one\n  two\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_STR(g.c[0]->display, "Мако Иванов");
		CHECK_STR(g.c[0]->notes, "one two");
	}
	got_free(&g);
	/* Lower-case names, LF, blank lines between cards, no final LF. */
	parse_str("\nbegin:vcard\nversion:3.0\nfn:A One\nemail;type=internet:"
	    "a@x.example\nend:vcard\n\n\nBEGIN:VCARD\r\nFN:B Two\r\n"
	    "END:VCARD", &g);
	CHECK_INT(g.n, 2);
	CHECK_INT(g.np, 0);
	if (g.n == 2) {
		CHECK_STR(g.c[0]->emails[0].addr, "a@x.example");
		CHECK(g.c[0]->emails[0].label == NULL);
		CHECK_STR(g.c[1]->display, "B Two");
	}
	got_free(&g);
}

/* vCard 2.1 quoted-printable with CHARSET, soft breaks inside UTF-8. */
static void
test_qp(void)
{
	struct got	g;

	parse_str("BEGIN:VCARD\r\nVERSION:2.1\r\n"
	    "N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:=D0=9F=D0=B5=D1=82=D1=80=\r\n"
	    "=D0=BE=D0=B2;=D0=90=D0=BD=D0=B0;;;\r\n"
	    "FN;CHARSET=ISO-8859-1;QUOTED-PRINTABLE:J=FCrgen Wei=DF\r\n"
	    "NOTE;ENCODING=QUOTED-PRINTABLE:line one=0D=0Aline two=\r\n"
	    "\r\n"
	    "TEL;CELL;PREF:+381 64 1\r\nEND:VCARD\r\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_STR(g.c[0]->family, "Петров");
		CHECK_STR(g.c[0]->given, "Ана");
		CHECK_STR(g.c[0]->display, "Jürgen Weiß");
		CHECK_STR(g.c[0]->notes, "line one\r\nline two");
		CHECK_STR(g.c[0]->phones[0].label, "mobile");
	}
	got_free(&g);
	/*
	 * 2.1 text in another charset without quoted-printable: converted;
	 * a line kith keeps as read that is not UTF-8 is not kept.
	 */
	parse_str("BEGIN:VCARD\nVERSION:2.1\nFN;CHARSET=ISO-8859-1:J\xfcrgen\n"
	    "X-FOO;CHARSET=ISO-8859-1:M\xfcller\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_STR(g.c[0]->display, "Jürgen");
		CHECK_INT(g.c[0]->n_vprops, 0);
	}
	got_free(&g);
	/* An unknown encoding or charset: the card cannot be read. */
	parse_str("BEGIN:VCARD\nFN;ENCODING=X-ROT13:Nan\nEND:VCARD\n"
	    "BEGIN:VCARD\nFN;CHARSET=X-NO-SUCH;ENCODING=QUOTED-PRINTABLE:A\n"
	    "END:VCARD\nBEGIN:VCARD\nFN:Fine\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	CHECK_INT(g.np, 2);
	if (g.np == 2) {
		CHECK_INT(g.pline[0], 2);
		CHECK(strstr(g.prob[0], "unknown encoding") != NULL);
		CHECK_INT(g.pline[1], 5);
		CHECK(strstr(g.prob[1], "X-NO-SUCH") != NULL);
	}
	got_free(&g);
}

/* Base64 photos are kept; a truncated one rejects its card. */
static void
test_base64(void)
{
	struct got	g;

	parse_str("BEGIN:VCARD\nVERSION:3.0\nFN:P One\n"
	    "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQ\n SkZJ\nEND:VCARD\n"
	    "BEGIN:VCARD\nVERSION:3.0\nFN:P Two\n"
	    "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSk\nEND:VCARD\n"
	    "BEGIN:VCARD\nVERSION:2.1\nFN:P Three\n"
	    "PHOTO;ENCODING=BASE64;TYPE=JPEG:\n    /9j/4AAQ\n    SkZJ\n\n"
	    "END:VCARD\n"
	    "BEGIN:VCARD\nVERSION:4.0\nFN:P Four\n"
	    "PHOTO:https://example.com/p.jpg\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 3);
	CHECK_INT(g.np, 1);
	if (g.np == 1) {
		CHECK_INT(g.pline[0], 10);
		CHECK(strstr(g.prob[0], "base64") != NULL);
	}
	if (g.n == 3) {
		CHECK(g.c[0]->n_vprops == 1 && strcmp(g.c[0]->vprops[0],
		    "PHOTO;ENCODING=BASE64;TYPE=JPEG:/9j/4AAQSkZJ") == 0);
		CHECK_INT(g.c[1]->n_vprops, 1);
		CHECK(g.c[2]->n_vprops == 1 && strcmp(g.c[2]->vprops[0],
		    "PHOTO:https://example.com/p.jpg") == 0);
	}
	got_free(&g);
}

/* TEXT escapes; CATEGORIES with escaped and bare commas. */
static void
test_escapes(void)
{
	struct got	g;

	parse_str("BEGIN:VCARD\nFN:E\\, One\nNOTE:a\\nb\\Nc\\,d\\;e\\\\f\\:g\n"
	    "CATEGORIES:Law\\, Tax,Clients, VIP ,,x\nCATEGORIES:more\n"
	    "END:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_STR(g.c[0]->display, "E, One");
		CHECK_STR(g.c[0]->notes, "a\nb\nc,d;e\\f:g");
		CHECK_INT(g.c[0]->n_tags, 5);
		if (g.c[0]->n_tags == 5) {
			CHECK_STR(g.c[0]->tags[0], "Law, Tax");
			CHECK_STR(g.c[0]->tags[2], "VIP");
			CHECK_STR(g.c[0]->tags[4], "more");
		}
	}
	got_free(&g);
}

/* N, NICKNAME, ORG;department, TITLE, ADR, URL, X-SOCIALPROFILE, UID. */
static void
test_fields(void)
{
	struct got	g;
	const struct contact *c;

	parse_str("BEGIN:VCARD\nVERSION:4.0\nFN:Dr Ana M. Petrović Jr\n"
	    "N:Petrović;Ana;Marija,Jelena;Dr;Jr\nNICKNAME:Anči,Ana P\n"
	    "ORG:Acme\\, d.o.o.;Legal;Tax\nTITLE:Partner\n"
	    "ADR;TYPE=work:PO 1;Floor 2;Knez Mihailova 10;Beograd;;11000;Srbija\n"
	    "URL;TYPE=work:https://acme.example\n"
	    "X-SOCIALPROFILE;type=twitter;x-user=ana:https://twitter.com/ana\n"
	    "UID:urn:uuid:1234\nREV:20240101T000000Z\nPRODID:-//x//y\n"
	    "KIND:individual\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		c = g.c[0];
		CHECK_STR(c->family, "Petrović");
		CHECK_STR(c->middle, "Marija Jelena");
		CHECK_STR(c->prefix, "Dr");
		CHECK_STR(c->suffix, "Jr");
		CHECK_STR(c->nickname, "Anči, Ana P");
		CHECK_STR(c->org, "Acme, d.o.o.");
		CHECK_STR(c->department, "Legal; Tax");
		CHECK_STR(c->title, "Partner");
		CHECK(c->n_addrs == 1 && strcmp(c->addrs[0].street,
		    "PO 1, Floor 2, Knez Mihailova 10") == 0 &&
		    strcmp(c->addrs[0].label, "work") == 0);
		CHECK(c->n_urls == 2 && strcmp(c->urls[1].key,
		    "social twitter") == 0);
		CHECK_STR(c->uid, "urn:uuid:1234");
		/* REV and PRODID are written anew; KIND is kept. */
		CHECK(c->n_vprops == 1 && strcmp(c->vprops[0],
		    "KIND:individual") == 0);
	}
	got_free(&g);
}

/* A card without FN: N, then ORG, EMAIL, TEL; one naming nobody fails. */
static void
test_no_fn(void)
{
	struct got	g;

	parse_str("BEGIN:VCARD\nN:Lazić;Gordana;;;\nEND:VCARD\n"
	    "BEGIN:VCARD\nN:;;;;\nFN:\nORG:Acme Legal\nEND:VCARD\n"
	    "BEGIN:VCARD\nEMAIL:a@x.example\nEND:VCARD\n"
	    "BEGIN:VCARD\nTEL:+381 11 1\nEND:VCARD\n"
	    "BEGIN:VCARD\nVERSION:3.0\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 4);
	CHECK_INT(g.np, 1);
	if (g.n == 4) {
		CHECK_STR(g.c[0]->display, "Gordana Lazić");
		CHECK_STR(g.c[1]->display, "Acme Legal");
		CHECK_STR(g.c[2]->display, "a@x.example");
		CHECK_STR(g.c[3]->display, "+381 11 1");
	}
	got_free(&g);
}

/* ALTID/LANGUAGE variants: the first FN names; the others are kept. */
static void
test_altid(void)
{
	struct got	g;

	parse_str("BEGIN:VCARD\nVERSION:4.0\n"
	    "FN;ALTID=1;LANGUAGE=sr-Cyrl:Ана Петровић\n"
	    "FN;ALTID=1;LANGUAGE=sr-Latn:Ana Petrović\n"
	    "N;ALTID=1;LANGUAGE=sr-Cyrl:Петровић;Ана;;;\n"
	    "N;ALTID=1;LANGUAGE=sr-Latn:Petrović;Ana;;;\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_STR(g.c[0]->display, "Ана Петровић");
		CHECK_STR(g.c[0]->family, "Петровић");
		CHECK_INT(g.c[0]->n_vprops, 2);
	}
	got_free(&g);
}

/* tel: URIs, TYPE lists in quotes, PREF, labels. */
static void
test_tel(void)
{
	struct got	g;

	parse_str("BEGIN:VCARD\nVERSION:4.0\nFN:T\n"
	    "TEL;VALUE=uri;PREF=1;TYPE=\"voice,home\":tel:+1-555-555-5555;ext=5555\n"
	    "TEL;type=CELL;type=VOICE;type=pref:+381 64 1\n"
	    "TEL;TYPE=work,fax:+381 11 2\n"
	    "item1.TEL:+381 11 3\nitem1.X-ABLabel:_$!<Main>!$_\n"
	    "EMAIL;TYPE=INTERNET;TYPE=WORK:W@x.example\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1 && g.c[0]->n_phones == 4) {
		CHECK_STR(g.c[0]->phones[0].raw, "+1-555-555-5555 ext. 5555");
		CHECK_STR(g.c[0]->phones[0].label, "home");
		CHECK_STR(g.c[0]->phones[1].label, "mobile");
		CHECK_STR(g.c[0]->phones[2].label, "work fax");
		CHECK_STR(g.c[0]->phones[3].label, "main");
		CHECK_STR(g.c[0]->emails[0].addr, "W@x.example");
		CHECK_STR(g.c[0]->emails[0].label, "work");
	} else
		CHECK(0);
	got_free(&g);
}

/* Birthdays with and without a year, text birthdays, anniversaries. */
static void
test_dates(void)
{
	static const struct {
		const char	*line;
		const char	*bday;
	} cases[] = {
		{ "BDAY:--0417", "--04-17" },
		{ "BDAY:--04-17", "--04-17" },
		{ "BDAY;X-APPLE-OMIT-YEAR=1604:1604-04-17", "--04-17" },
		{ "BDAY;VALUE=DATE:19830403", "1983-04-03" },
		{ "BDAY:1984-03-12T00:00:00Z", "1984-03-12" },
		{ "BDAY;VALUE=text:circa 1960", NULL },
		{ "BDAY:2023-02-30", NULL },
	};
	struct got	 g;
	char		*s;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		s = xasprintf("BEGIN:VCARD\nFN:D\n%s\nEND:VCARD\n",
		    cases[i].line);
		parse_str(s, &g);
		free(s);
		CHECK_INT(g.n, 1);
		if (g.n != 1)
			continue;
		if (cases[i].bday != NULL)
			CHECK_STR(g.c[0]->birthday, cases[i].bday);
		else {
			CHECK(g.c[0]->birthday == NULL);
			/* Kept, not lost. */
			CHECK(g.c[0]->n_custom == 1 && strcmp(
			    g.c[0]->custom[0].key, "Birthday") == 0);
		}
		got_free(&g);
	}
	parse_str("BEGIN:VCARD\nFN:D\nANNIVERSARY:20100612\n"
	    "item1.X-ABDATE;type=pref:2015-09-01\n"
	    "item1.X-ABLabel:_$!<Anniversary>!$_\n"
	    "item2.X-ABDATE:2019-01-15\nitem2.X-ABLabel:client since\n"
	    "X-ANNIVERSARY:--0612\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1 && g.c[0]->n_dates == 4) {
		CHECK_STR(g.c[0]->dates[0].date, "2010-06-12");
		CHECK_STR(g.c[0]->dates[0].label, "anniversary");
		CHECK_STR(g.c[0]->dates[1].label, "anniversary");
		CHECK_STR(g.c[0]->dates[2].label, "client since");
		CHECK_STR(g.c[0]->dates[2].date, "2019-01-15");
		CHECK_STR(g.c[0]->dates[3].date, "--06-12");
	} else
		CHECK(0);
	got_free(&g);
}

/* IMPP and the 3.0 X-SKYPE/X-JABBER/... handles. */
static void
test_ims(void)
{
	struct got	g;

	parse_str("BEGIN:VCARD\nFN:I\nIMPP:xmpp:ana@jabber.example\n"
	    "X-SKYPE:ana.p\nX-JABBER;TYPE=work:ana@work.example\n"
	    "IMPP;X-SERVICE-TYPE=Telegram:x-apple:@anap\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1 && g.c[0]->n_ims == 4) {
		CHECK_STR(g.c[0]->ims[0].service, "XMPP");
		CHECK_STR(g.c[0]->ims[0].handle, "ana@jabber.example");
		CHECK_STR(g.c[0]->ims[1].service, "Skype");
		CHECK_STR(g.c[0]->ims[2].label, "work");
		CHECK_STR(g.c[0]->ims[3].service, "Telegram");
		CHECK_STR(g.c[0]->ims[3].handle, "@anap");
	} else
		CHECK(0);
	got_free(&g);
}

/* Groups: X-ABLabel labels its property; a kept property keeps it. */
static void
test_groups(void)
{
	struct got	g;

	parse_str("BEGIN:VCARD\nFN:G\n"
	    "item1.EMAIL;type=INTERNET;type=pref:g@x.example\n"
	    "item1.X-ABLabel:_$!<Home>!$_\n"
	    "item2.X-ABRELATEDNAMES:Tamara\nitem2.X-ABLabel:_$!<Spouse>!$_\n"
	    "item3.ORG:Acme\nitem3.X-ABLabel:\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	if (g.n == 1) {
		CHECK_STR(g.c[0]->emails[0].label, "home");
		CHECK_STR(g.c[0]->org, "Acme");
		CHECK_INT(g.c[0]->n_vprops, 2);
		if (g.c[0]->n_vprops == 2)
			CHECK_STR(g.c[0]->vprops[1],
			    "item2.X-ABLabel:_$!<Spouse>!$_");
	}
	got_free(&g);
}

/* Malformed variants: structure, lines without ':', binary data. */
static void
test_malformed_variants(void)
{
	struct got	g;

	/* Lines outside any card, after one: reported, not imported. */
	parse_str("BEGIN:VCARD\nFN:A\nEND:VCARD\nFN:Ghost\nEMAIL:g@x\n"
	    "BEGIN:VCARD\nFN:B\nEND:VCARD\ntrailing junk\n", &g);
	CHECK_INT(g.n, 2);
	CHECK_INT(g.np, 2);
	if (g.np == 2) {
		CHECK_INT(g.pline[0], 4);
		CHECK_INT(g.pline[1], 9);
	}
	got_free(&g);
	/* Binary data: no card at all. */
	CHECK_INT(parse("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, &g), 0);
	got_free(&g);
	/* A NUL in a value rejects the card. */
	parse("BEGIN:VCARD\nFN:A\0B\nEND:VCARD\n", 27, &g);
	CHECK_INT(g.n, 0);
	CHECK_INT(g.np, 1);
	got_free(&g);
	/* BEGIN without END, then nothing: one problem, no read past. */
	parse("BEGIN:VCARD\nFN:A", 16, &g);
	CHECK_INT(g.np, 1);
	got_free(&g);
	/* A property line cut before its ':' is skipped with a warning. */
	parse_str("BEGIN:VCARD\nFN:A\nEMAIL;TYPE=work\nEND:VCARD\n", &g);
	CHECK_INT(g.n, 1);
	CHECK_INT(g.nw, 1);
	got_free(&g);
}

/* Every physical line the writer makes is at most 75 octets, CRLF. */
static int
lines_ok(const char *s)
{
	const char	*nl;
	size_t		 n;

	for (; *s != '\0'; s = nl + 1) {
		if ((nl = strstr(s, "\r\n")) == NULL)
			return 0;
		n = (size_t)(nl - s);
		if (n > 75)
			return 0;
		/* A continuation never begins inside a UTF-8 character. */
		if (s[0] == ' ' && ((unsigned char)s[1] & 0xc0) == 0x80)
			return 0;
		nl++;
	}
	return 1;
}

/* Writing: folding, escaping, labels, TYPE/PREF, UID and REV. */
static void
test_write(void)
{
	struct contact	*c = contact_new();
	struct sbuf	 sb = { 0 };
	struct got	 g;
	int		 v;

	contact_set(&c->display, "Ана, Петровић; Jr");
	contact_set(&c->given, "Ана");
	contact_set(&c->family, "Петровић");
	contact_set(&c->notes, "Дуга белешка која се преламa преко више "
	    "редова, са зарезом; и тачком-зарезом\nи новим редом \\ крај. "
	    "中文字符也在这里中文字符也在这里中文字符也在这里");
	contact_set(&c->uid, "abc-123");
	contact_set(&c->org, "Acme");
	contact_set(&c->department, "Legal");
	contact_add_email(c, "ana@x.example", "work");
	contact_add_email(c, "ana@home.example", "Kancelarija");
	contact_add_phone(c, "+381 64 1", "mobile");
	contact_add_tag(c, "a,b");
	contact_add_tag(c, "c");
	contact_add_date(c, "anniversary", "--06-12");
	contact_add_date(c, "client since", "2019-01-15");
	contact_add_im(c, "Skype", "ana.p", NULL);
	contact_add_custom(c, "Matter", "17/2024; lease");
	contact_add_vprop(c, "X-FOO;BAR=1:baz");
	contact_add_vprop(c, "item1.X-ABRELATEDNAMES:Tamara");
	c->updated = 1780000000;
	c->cadence_days = 30;
	for (v = 3; v <= 4; v++) {
		sbuf_reset(&sb);
		vcard_write(&sb, c, v);
		CHECK(lines_ok(sb.s));
		CHECK(strstr(sb.s, v == 3 ? "VERSION:3.0\r\n" :
		    "VERSION:4.0\r\n") != NULL);
		CHECK(strstr(sb.s, "FN:Ана\\, Петровић\\; Jr\r\n") != NULL);
		CHECK(strstr(sb.s, "\r\nUID:abc-123\r\n") != NULL);
		CHECK(strstr(sb.s, v == 3 ? "REV:2026-05-28T20:26:40Z" :
		    "REV:20260528T202640Z") != NULL);
		CHECK(strstr(sb.s, v == 3 ? "EMAIL;TYPE=work,INTERNET;TYPE=pref:"
		    : "EMAIL;TYPE=work;PREF=1:") != NULL);
		CHECK(strstr(sb.s, "TEL;TYPE=cell") != NULL);
		/* A label that is no TYPE word goes in a group after item1. */
		CHECK(strstr(sb.s, "item2.EMAIL") != NULL);
		CHECK(strstr(sb.s, "item2.X-ABLabel:Kancelarija") != NULL);
		CHECK(strstr(sb.s, "\r\nX-FOO;BAR=1:baz\r\n") != NULL);
		CHECK(strstr(sb.s, "CATEGORIES:a\\,b,c\r\n") != NULL);
		parse(sb.s, sb.len, &g);
		CHECK_INT(g.n, 1);
		if (g.n == 1)
			CHECK(contact_changed(c, g.c[0]) == NULL);
		got_free(&g);
	}
	sbuf_free(&sb);
	contact_free(c);
}

/* Import -> write -> read gives the same contact, for every fixture. */
static void
test_round_trip(void)
{
	static const char *const files[] = { "apple.vcf", "google.vcf",
	    "malformed/missing-end.vcf", "malformed/end-without-begin.vcf",
	    "malformed/no-colon-line.vcf", "malformed/invalid-utf8-fn.vcf",
	    "malformed/huge-photo.vcf", "malformed/nested-begin.vcf",
	    "malformed/qp-soft-break-eof.vcf", "malformed/only-n.vcf",
	    "malformed/no-name-email-only.vcf",
	    "malformed/terminal-escape.vcf" };
	struct sbuf	 sb = { 0 }, sb2 = { 0 };
	struct got	 g, g2;
	const char	*diff;
	size_t		 f, i;
	int		 v;

	for (f = 0; f < sizeof files / sizeof files[0]; f++) {
		parse_fixture(files[f], &g);
		for (v = 3; v <= 4; v++)
			for (i = 0; i < g.n; i++) {
				sbuf_reset(&sb);
				vcard_write(&sb, g.c[i], v);
				CHECK(lines_ok(sb.s));
				parse(sb.s, sb.len, &g2);
				CHECK_INT(g2.n, 1);
				if (g2.n == 1) {
					diff = contact_changed(g.c[i], g2.c[0]);
					if (diff != NULL)
						fprintf(stderr, "%s: %s: %s\n",
						    files[f], g.c[i]->display,
						    diff);
					CHECK(diff == NULL);
					/* Written again: the same bytes. */
					sbuf_reset(&sb2);
					vcard_write(&sb2, g2.c[0], v);
					CHECK(sb.len == sb2.len &&
					    memcmp(sb.s, sb2.s, sb.len) == 0);
				}
				got_free(&g2);
			}
		got_free(&g);
	}
	sbuf_free(&sb);
	sbuf_free(&sb2);
}

static void
write_file(const char *path, const char *s)
{
	FILE	*fp = fopen(path, "wb");

	fputs(s, fp);
	fclose(fp);
}

/* Through the database: UID first, unchanged cards, undo, export UIDs. */
static void
test_import_export(void)
{
	struct kith_err		 err = { 0 };
	struct import_report	 rep;
	struct import_opts	 opts = { 0 };
	struct journal_entry	*je = NULL;
	struct contact		*c = NULL;
	struct kith_db		*db;
	char			*path, *file, *rejects;
	size_t			 nje = 0;
	long			 n;
	FILE			*fp;

	db = test_db("vcard.db", &path);
	file = test_path("cards.vcf");
	rejects = test_path("cards.rejected.vcf");
	opts.rejects = rejects;
	write_file(file, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Petrović\r\n"
	    "EMAIL:ana@x.example\r\nUID:u-1\r\nX-FOO:kept\r\nEND:VCARD\r\n"
	    "BEGIN:VCARD\r\nFN:Broken\r\nEMAIL:broken@x.example\r\n"
	    "END:VCARD\r\nBEGIN:VCARD\r\nFN:Cut\r\n");
	CHECK_INT(import_file(db, file, &opts, &rep, &err), KITH_OK);
	CHECK_INT(rep.added, 2);
	CHECK_INT(rep.rejected, 1);
	CHECK_STR(rep.format, "vcard");
	import_report_free(&rep);
	/* The rejected card is kept as read. */
	if ((fp = fopen(rejects, "rb")) != NULL) {
		char buf[64] = { 0 };

		CHECK(fread(buf, 1, sizeof buf - 1, fp) > 0);
		CHECK_STR(buf, "BEGIN:VCARD\r\nFN:Cut\r\n");
		fclose(fp);
	} else
		CHECK(0);
	/* The same UID with another e-mail and name: the same contact. */
	write_file(file, "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ana Petrović-Marić"
	    "\r\nEMAIL:ana@y.example\r\nUID:u-1\r\nX-FOO:kept\r\nEND:VCARD\r\n");
	CHECK_INT(import_file(db, file, &opts, &rep, &err), KITH_OK);
	CHECK_INT(rep.added, 0);
	CHECK_INT(rep.merged, 1);
	import_report_free(&rep);
	CHECK_INT(contact_get(db, 1, &c, &err), KITH_OK);
	if (c != NULL) {
		CHECK_STR(c->display, "Ana Petrović-Marić");
		CHECK(c->n_emails == 1 && strcmp(c->emails[0].addr,
		    "ana@y.example") == 0);
		CHECK(c->n_vprops == 1 && strcmp(c->vprops[0], "X-FOO:kept")
		    == 0);
		contact_free(c);
		c = NULL;
	}
	/* Again: nothing changes. */
	CHECK_INT(import_file(db, file, &opts, &rep, &err), KITH_OK);
	CHECK_INT(rep.merged, 0);
	CHECK_INT(rep.unchanged, 1);
	import_report_free(&rep);
	/* Undoing the merge gives the contact back as it was. */
	CHECK_INT(import_undo(db, 2, NULL, NULL, &err), KITH_OK);
	CHECK_INT(contact_get(db, 1, &c, &err), KITH_OK);
	if (c != NULL) {
		CHECK_STR(c->display, "Ana Petrović");
		CHECK_STR(c->emails[0].addr, "ana@x.example");
		contact_free(c);
		c = NULL;
	}
	/*
	 * A card matched by e-mail (its UID unknown) gives the contact what
	 * only a vCard has: a UID it lacks, kept lines, dates, handles.
	 */
	write_file(file, "BEGIN:VCARD\r\nFN:Broken\r\nUID:u-2\r\n"
	    "X-BAR:kept too\r\nANNIVERSARY:20100612\r\nX-SKYPE:brk\r\n"
	    "EMAIL:broken@x.example\r\nEND:VCARD\r\n");
	CHECK_INT(import_file(db, file, &opts, &rep, &err), KITH_OK);
	CHECK_INT(rep.added, 0);
	CHECK_INT(rep.merged, 1);
	import_report_free(&rep);
	CHECK_INT(contact_get(db, 2, &c, &err), KITH_OK);
	if (c != NULL) {
		CHECK_STR(c->uid, "u-2");
		CHECK(c->n_vprops == 1 && strcmp(c->vprops[0],
		    "X-BAR:kept too") == 0);
		CHECK_INT(c->n_dates, 1);
		CHECK_INT(c->n_ims, 1);
		contact_free(c);
		c = NULL;
	}

	/* Export gives the contact without a UID one, in one change. */
	c = contact_new();
	contact_set(&c->display, "Plain Person");
	CHECK_INT(contact_insert(db, c, &err), KITH_OK);
	CHECK_INT(c->id, 3);
	contact_free(c);
	c = NULL;
	fp = tmpfile();
	CHECK_INT(export_vcard(db, fp, 4, &n, &err), KITH_OK);
	CHECK_INT(n, 3);
	fclose(fp);
	CHECK_INT(journal_list(db, 1, &je, &nje, &err), KITH_OK);
	CHECK(nje == 1 && strcmp(je[0].command, "export") == 0);
	journal_entries_free(je, nje);
	CHECK_INT(contact_get(db, 3, &c, &err), KITH_OK);
	if (c != NULL) {
		CHECK(c->uid != NULL && strlen(c->uid) == 36 &&
		    c->uid[14] == '4');
		contact_free(c);
	}
	unlink(file);
	unlink(rejects);
	free(file);
	free(rejects);
	test_db_done(db, path);
}

/*
 * A line break inside a value the writer puts out as it is (a kept line
 * that never went through the store's cleaning: the fuzzer made one)
 * must not end the content line: every line stays CRLF-ended.
 */
static void
test_write_breaks(void)
{
	struct contact	*c = contact_new();
	struct sbuf	 sb = { 0 };
	const char	*p, *nl;
	int		 bad = 0;

	contact_set(&c->display, "Ana Petrović");
	contact_add_vprop(c, "X-NOTE-KEPT:one\ntwo\rthree");
	vcard_write(&sb, c, 3);
	for (p = sb.s; p != NULL && *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			break;
		if (nl == p || nl[-1] != '\r')
			bad++;
	}
	CHECK_INT(bad, 0);
	CHECK(strstr(sb.s, "X-NOTE-KEPT:one two three\r\n") != NULL);
	sbuf_free(&sb);
	contact_free(c);
}

TEST_MAIN(test_apple, test_google, test_malformed_fixtures, test_unfold,
    test_qp, test_base64, test_escapes, test_fields, test_no_fn,
    test_altid, test_tel, test_dates, test_ims, test_groups,
    test_malformed_variants, test_write, test_round_trip,
    test_import_export, test_write_breaks)
