/* SPDX-License-Identifier: MIT */
/*
 * Unit tests for src/core/csvmap.c: header scores and layout detection
 * for every layout the fixtures README describes, records into contacts
 * (Google, Outlook, LinkedIn, Thunderbird, Eventbrite, European Excel),
 * ragged and empty rows, --map, and the export layouts, including the
 * kith layout's exact round trip through a neutralising writer.
 *
 * Records are built here by a small CSV splitter that behaves like the
 * reader (quotes, "" escapes, line breaks in quotes, blanks around
 * unquoted fields trimmed, blank lines skipped), so the tests need
 * neither csvio.c nor a database.  Fixture files are found next to this
 * source file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/csvio.h"
#include "kith/util.h"
#include "../../src/core/csvmap.h"
#include "check.h"

struct recs {
	struct csv_record	*r;
	size_t			 n;
};

static void	 recs_parse(struct recs *, const char *, char);
static void	 recs_free(struct recs *);
static int	 recs_load(struct recs *, const char *);
static struct csv_record *rec1(const char *, char);
static void	 rec_free(struct csv_record *);
static struct csv_map *map_of(const char *, char, const char *);
static enum kith_status contact_of(const struct csv_map *, const char *,
		    char, struct contact **, char **, struct kith_err *);
static const char *custom_of(const struct contact *, const char *);
static int	 has_tag(const struct contact *, const char *);
static char	*neutralised(const char *);
static struct contact *rich_contact(void);

static void	 test_scores(void);
static void	 test_detect(void);
static void	 test_google(void);
static void	 test_outlook(void);
static void	 test_linkedin(void);
static void	 test_thunderbird(void);
static void	 test_eventbrite(void);
static void	 test_generic(void);
static void	 test_dates(void);
static void	 test_ragged(void);
static void	 test_user_map(void);
static void	 test_describe(void);
static void	 test_kith_round_trip(void);
static void	 test_export_google(void);
static void	 test_export_outlook(void);
static void	 test_labelled(void);
static void	 test_events_ims(void);

static const char google_hdr[] = "First Name,Middle Name,Last Name,"
    "Phonetic First Name,Phonetic Middle Name,Phonetic Last Name,"
    "Name Prefix,Name Suffix,Nickname,File As,Organization Name,"
    "Organization Title,Organization Department,Birthday,Notes,Photo,"
    "Labels,E-mail 1 - Label,E-mail 1 - Value,Phone 1 - Label,"
    "Phone 1 - Value";

static const char google_legacy_hdr[] = "Name,Given Name,Additional Name,"
    "Family Name,Yomi Name,Given Name Yomi,Additional Name Yomi,"
    "Family Name Yomi,Name Prefix,Name Suffix,Initials,Nickname,"
    "Short Name,Maiden Name,Birthday,Gender,Location,Billing Information,"
    "Directory Server,Mileage,Occupation,Hobby,Sensitivity,Priority,"
    "Subject,Notes,Language,Photo,Group Membership,E-mail 1 - Type,"
    "E-mail 1 - Value,E-mail 2 - Type,E-mail 2 - Value,Phone 1 - Type,"
    "Phone 1 - Value,Address 1 - Type,Address 1 - Formatted,"
    "Address 1 - Street,Address 1 - City,Address 1 - PO Box,"
    "Address 1 - Region,Address 1 - Postal Code,Address 1 - Country,"
    "Address 1 - Extended Address,Organization 1 - Type,"
    "Organization 1 - Name,Organization 1 - Yomi Name,"
    "Organization 1 - Title,Organization 1 - Department,"
    "Organization 1 - Symbol,Organization 1 - Location,"
    "Organization 1 - Job Description,Website 1 - Type,Website 1 - Value";

static const char outlook_classic_hdr[] = "\"Title\",\"First Name\","
    "\"Middle Name\",\"Last Name\",\"Suffix\",\"Company\",\"Department\","
    "\"Job Title\",\"Business Street\",\"Business Street 2\","
    "\"Business Street 3\",\"Business City\",\"Business State\","
    "\"Business Postal Code\",\"Business Country/Region\","
    "\"Home Street\",\"Home Street 2\",\"Home Street 3\",\"Home City\","
    "\"Home State\",\"Home Postal Code\",\"Home Country/Region\","
    "\"Other Street\",\"Other Street 2\",\"Other Street 3\",\"Other City\","
    "\"Other State\",\"Other Postal Code\",\"Other Country/Region\","
    "\"Assistant's Phone\",\"Business Fax\",\"Business Phone\","
    "\"Business Phone 2\",\"Callback\",\"Car Phone\","
    "\"Company Main Phone\",\"Home Fax\",\"Home Phone\",\"Home Phone 2\","
    "\"ISDN\",\"Mobile Phone\",\"Other Fax\",\"Other Phone\",\"Pager\","
    "\"Primary Phone\",\"Radio Phone\",\"TTY/TDD Phone\",\"Telex\","
    "\"Account\",\"Anniversary\",\"Assistant's Name\","
    "\"Billing Information\",\"Birthday\",\"Business Address PO Box\","
    "\"Categories\",\"Children\",\"Directory Server\",\"E-mail Address\","
    "\"E-mail Type\",\"E-mail Display Name\",\"E-mail 2 Address\","
    "\"E-mail 2 Type\",\"E-mail 2 Display Name\",\"E-mail 3 Address\","
    "\"E-mail 3 Type\",\"E-mail 3 Display Name\",\"Gender\","
    "\"Government ID Number\",\"Hobby\",\"Home Address PO Box\","
    "\"Initials\",\"Internet Free Busy\",\"Keywords\",\"Language\","
    "\"Location\",\"Manager's Name\",\"Mileage\",\"Notes\","
    "\"Office Location\",\"Organizational ID Number\","
    "\"Other Address PO Box\",\"Priority\",\"Private\",\"Profession\","
    "\"Referred By\",\"Sensitivity\",\"Spouse\",\"User 1\",\"User 2\","
    "\"User 3\",\"User 4\",\"Web Page\"";

static const char outlook_web_hdr[] = "First Name,Middle Name,Last Name,"
    "Title,Suffix,Nickname,Given Yomi,Surname Yomi,E-mail Address,"
    "E-mail 2 Address,E-mail 3 Address,Home Phone,Home Phone 2,"
    "Business Phone,Business Phone 2,Mobile Phone,Car Phone,Other Phone,"
    "Primary Phone,Pager,Business Fax,Home Fax,Other Fax,"
    "Company Main Phone,Callback,Radio Phone,Telex,TTY/TDD Phone,"
    "IMAddress,Job Title,Department,Company,Office Location,"
    "Manager's Name,Assistant's Name,Assistant's Phone,Company Yomi,"
    "Business Street,Business City,Business State,Business Postal Code,"
    "Business Country/Region,Home Street,Home City,Home State,"
    "Home Postal Code,Home Country/Region,Other Street,Other City,"
    "Other State,Other Postal Code,Other Country/Region,"
    "Personal Web Page,Spouse,Schools,Hobby,Location,Web Page,Birthday,"
    "Anniversary,Notes";

static const char linkedin_hdr[] = "First Name,Last Name,URL,"
    "Email Address,Company,Position,Connected On";

static const char thunderbird_hdr[] = "First Name,Last Name,Display Name,"
    "Nickname,Primary Email,Secondary Email,Screen Name,Work Phone,"
    "Home Phone,Fax Number,Pager Number,Mobile Number,Home Address,"
    "Home Address 2,Home City,Home State,Home ZipCode,Home Country,"
    "Work Address,Work Address 2,Work City,Work State,Work ZipCode,"
    "Work Country,Job Title,Department,Organization,Web Page 1,"
    "Web Page 2,Birth Year,Birth Month,Birth Day,Custom 1,Custom 2,"
    "Custom 3,Custom 4,Notes";

static const char eventbrite_hdr[] = "Order #,Order Date,First Name,"
    "Last Name,Email,Quantity,Price Tier,Ticket Type,Attendee #,Group,"
    "Order Type,Currency,Total Paid,Fees Paid,Eventbrite Fees,"
    "Eventbrite Payment Processing,Attendee Status,Home Address 1,"
    "Home Address 2,Home City,Home State,Home Zip,Home Country,"
    "Dietary needs,Job Title,Company,Cell Phone";

static const char german_hdr[] = "Vorname;Nachname;Firma;E-Mail-Adresse;"
    "Telefon;Handy;Straße;Ort;PLZ;Land;Geburtstag;Notizen";

/* Splits text into records as the reader would deliver them. */
static void
recs_parse(struct recs *rs, const char *s, char delim)
{
	struct sbuf	 f = { 0 };
	char		**fields = NULL;
	size_t		 n = 0, cap = 0, end;
	long		 line = 1, start = 1;
	int		 quoted, any;

	memset(rs, 0, sizeof *rs);
	while (*s != '\0') {
		/* One record. */
		n = 0;
		start = line;
		any = 0;
		for (;;) {
			quoted = 0;
			sbuf_reset(&f);
			while (*s == ' ' || *s == '\t')
				s++;
			if (*s == '"') {
				quoted = 1;
				s++;
				for (;;) {
					if (*s == '\0')
						break;
					if (*s == '"' && s[1] == '"') {
						sbuf_addc(&f, '"');
						s += 2;
						continue;
					}
					if (*s == '"') {
						s++;
						break;
					}
					if (*s == '\n' || (*s == '\r' &&
					    s[1] != '\n'))
						line++;
					sbuf_addc(&f, *s++);
				}
				while (*s == ' ' || *s == '\t')
					s++;
			} else {
				while (*s != '\0' && *s != delim &&
				    *s != '\n' && *s != '\r')
					sbuf_addc(&f, *s++);
				end = f.len;
				while (end > 0 && (f.s[end - 1] == ' ' ||
				    f.s[end - 1] == '\t'))
					end--;
				if (f.s != NULL)
					f.s[f.len = end] = '\0';
			}
			if (n == cap) {
				cap = cap ? cap * 2 : 16;
				fields = xreallocarray(fields, cap,
				    sizeof *fields);
			}
			fields[n++] = f.s != NULL ? xstrdup(f.s) : xstrdup("");
			if (quoted || f.len > 0 || *s == delim)
				any = 1;
			if (*s == delim) {
				s++;
				continue;
			}
			break;
		}
		if (*s == '\r')
			s++;
		if (*s == '\n')
			s++;
		line++;
		if (!any && n == 1) {		/* a blank line */
			free(fields[0]);
			continue;
		}
		rs->r = xreallocarray(rs->r, rs->n + 1, sizeof *rs->r);
		memset(&rs->r[rs->n], 0, sizeof rs->r[0]);
		rs->r[rs->n].line = start;
		rs->r[rs->n].number = (long)rs->n + 1;
		rs->r[rs->n].n = n;
		rs->r[rs->n].field = xreallocarray(NULL, n, sizeof(char *));
		rs->r[rs->n].len = xreallocarray(NULL, n, sizeof(size_t));
		for (end = 0; end < n; end++) {
			rs->r[rs->n].field[end] = fields[end];
			rs->r[rs->n].len[end] = strlen(fields[end]);
		}
		rs->n++;
	}
	free(fields);
	sbuf_free(&f);
}

static void
recs_free(struct recs *rs)
{
	size_t	 i, k;

	for (i = 0; i < rs->n; i++) {
		for (k = 0; k < rs->r[i].n; k++)
			free(rs->r[i].field[k]);
		free(rs->r[i].field);
		free(rs->r[i].len);
	}
	free(rs->r);
	memset(rs, 0, sizeof *rs);
}

/* Reads fixture tests/fixtures/csv/name (BOM dropped, as the reader does). */
static int
recs_load(struct recs *rs, const char *name)
{
	char	 path[1024], *buf;
	const char *slash = strrchr(__FILE__, '/');
	FILE	*fp;
	long	 size;
	int	 ok;

	snprintf(path, sizeof path, "%.*s/../fixtures/csv/%s",
	    slash != NULL ? (int)(slash - __FILE__) : 1,
	    slash != NULL ? __FILE__ : ".", name);
	memset(rs, 0, sizeof *rs);
	if ((fp = fopen(path, "rb")) == NULL) {
		fprintf(stderr, "cannot open %s\n", path);
		return 0;
	}
	fseek(fp, 0, SEEK_END);
	size = ftell(fp);
	rewind(fp);
	buf = xmalloc((size_t)size + 1);
	ok = fread(buf, 1, (size_t)size, fp) == (size_t)size;
	buf[size] = '\0';
	fclose(fp);
	if (ok)
		recs_parse(rs, strncmp(buf, "\xEF\xBB\xBF", 3) == 0 ?
		    buf + 3 : buf, ',');
	free(buf);
	return ok;
}

/* The first record of text. */
static struct csv_record *
rec1(const char *text, char delim)
{
	struct recs	 rs;
	struct csv_record *r;
	size_t		 i;

	recs_parse(&rs, text, delim);
	r = xcalloc(1, sizeof *r);
	if (rs.n > 0) {
		*r = rs.r[0];
		for (i = 1; i < rs.n; i++)
			rs.r[i - 1] = rs.r[i];
		rs.n--;
	}
	recs_free(&rs);
	return r;
}

static void
rec_free(struct csv_record *r)
{
	size_t	 i;

	for (i = 0; i < r->n; i++)
		free(r->field[i]);
	free(r->field);
	free(r->len);
	free(r);
}

/* The map of header text (format NULL: detected); NULL on error. */
static struct csv_map *
map_of(const char *header, char delim, const char *format)
{
	struct csv_record *h = rec1(header, delim);
	struct csv_map	*m = NULL;
	struct kith_err	 err;

	if (csvmap_new(h, format, NULL, &m, &err) != KITH_OK)
		fprintf(stderr, "csvmap_new: %s\n", err.msg);
	rec_free(h);
	return m;
}

static enum kith_status
contact_of(const struct csv_map *m, const char *row, char delim,
    struct contact **c, char **warning, struct kith_err *err)
{
	struct csv_record *r = rec1(row, delim);
	enum kith_status st;

	st = csvmap_contact(m, r, c, warning, err);
	rec_free(r);
	return st;
}

static const char *
custom_of(const struct contact *c, const char *key)
{
	size_t	 i;

	for (i = 0; c != NULL && i < c->n_custom; i++)
		if (strcmp(c->custom[i].key, key) == 0)
			return c->custom[i].value;
	return NULL;
}

static int
has_tag(const struct contact *c, const char *tag)
{
	size_t	 i;

	for (i = 0; c != NULL && i < c->n_tags; i++)
		if (strcmp(c->tags[i], tag) == 0)
			return 1;
	return 0;
}

/* What the CSV writer puts in the file for s (rule of csvio.h). */
static char *
neutralised(const char *s)
{
	if (s[0] != '\0' && strchr("=+-@\t\r", s[0]) != NULL)
		return xasprintf("'%s", s);
	return xstrdup(s);
}

static void
test_scores(void)
{
	struct recs	 rs;
	struct csv_record *r;
	static const char *const files[] = { "google.csv", "outlook.csv",
	    "duplicates.csv" };
	size_t		 i;

	for (i = 0; i < sizeof files / sizeof files[0]; i++) {
		CHECK(recs_load(&rs, files[i]));
		CHECK(rs.n > 2 && csvmap_header_score(&rs.r[0]) >= 10);
		CHECK(rs.n > 2 && csvmap_header_score(&rs.r[1]) < 2);
		recs_free(&rs);
	}
	/* LinkedIn: "Notes:", the quoted paragraph, then the header. */
	CHECK(recs_load(&rs, "linkedin-connections.csv"));
	CHECK(rs.n > 3);
	if (rs.n > 3) {
		CHECK_INT(rs.r[0].line, 1);
		CHECK(csvmap_header_score(&rs.r[0]) < 2);
		CHECK(csvmap_header_score(&rs.r[1]) < 2);
		CHECK_INT(rs.r[2].line, 4);
		CHECK_INT(csvmap_header_score(&rs.r[2]), 7);
		CHECK(csvmap_header_score(&rs.r[3]) < 2);
	}
	recs_free(&rs);

	r = rec1(thunderbird_hdr, ',');
	CHECK(csvmap_header_score(r) >= 30);
	rec_free(r);
	r = rec1(eventbrite_hdr, ',');
	CHECK(csvmap_header_score(r) >= 10);
	rec_free(r);
	r = rec1(german_hdr, ';');
	CHECK_INT(csvmap_header_score(r), 12);
	rec_free(r);
	r = rec1("Ana,Petrović,ana@example.com,+1 555-010-2233", ',');
	CHECK_INT(csvmap_header_score(r), 0);
	rec_free(r);
}

static void
test_detect(void)
{
	static const struct {
		const char	*header;
		char		 delim;
		const char	*format;
	} cases[] = {
		{ google_hdr, ',', "google" },
		{ google_legacy_hdr, ',', "google" },
		{ outlook_classic_hdr, ',', "outlook" },
		{ outlook_web_hdr, ',', "outlook" },
		{ linkedin_hdr, ',', "linkedin" },
		{ "First Name,Last Name,Email Address,Company,Position,"
		    "Connected On", ',', "linkedin" },
		{ thunderbird_hdr, ',', "thunderbird" },
		{ eventbrite_hdr, ',', "eventbrite" },
		{ "\"Attendee #\",\"Date\",\"Last Name\",\"First Name\","
		    "\"Email\",\"QTY\",\"Amount (USD)\"", ',', "eventbrite" },
		{ german_hdr, ';', "generic" },
		{ "Name,Email,Phone,Company", ',', "generic" },
		{ "kith:display,prefix,given,middle,family,suffix,nickname,"
		    "org,title,birthday,notes,cadence,archived,email 1,"
		    "email 1 label", ',', "kith" },
	};
	struct csv_map	*m;
	struct recs	 rs;
	char		*tb;
	size_t		 i;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		m = map_of(cases[i].header, cases[i].delim, NULL);
		CHECK(m != NULL);
		if (m != NULL)
			CHECK_STR(csvmap_format(m), cases[i].format);
		csvmap_free(m);
	}
	/* Legacy Thunderbird: a trailing empty column. */
	tb = xasprintf("%s,", thunderbird_hdr);
	m = map_of(tb, ',', NULL);
	CHECK(m != NULL && strcmp(csvmap_format(m), "thunderbird") == 0);
	csvmap_free(m);
	free(tb);

	CHECK(recs_load(&rs, "outlook.csv"));
	if (rs.n > 0) {
		CHECK_INT(rs.r[0].n, 61);
		CHECK(csvmap_new(&rs.r[0], NULL, NULL, &m, NULL) == KITH_OK);
		CHECK_STR(csvmap_format(m), "outlook");
		csvmap_free(m);
	}
	recs_free(&rs);

	/* A named format wins; an unknown one is an error. */
	m = map_of(google_hdr, ',', "generic");
	CHECK(m != NULL && strcmp(csvmap_format(m), "generic") == 0);
	csvmap_free(m);
	{
		struct csv_record *h = rec1(google_hdr, ',');
		struct kith_err	 err;

		m = NULL;
		CHECK(csvmap_new(h, "vcard", NULL, &m, &err) ==
		    KITH_INVALID);
		CHECK(m == NULL);
		CHECK(strstr(err.msg, "vcard") != NULL);
		rec_free(h);
	}
}

static void
test_google(void)
{
	struct recs	 rs;
	struct csv_map	*m = NULL;
	struct contact	*c, *byrec[32] = { NULL };
	struct kith_err	 err;
	enum kith_status st;
	struct sbuf	 row = { 0 };
	char		*warning;
	size_t		 i, emails = 0, phones = 0, ok = 0, empty = 0;

	CHECK(recs_load(&rs, "google.csv"));
	CHECK_INT(rs.n, 28);
	if (rs.n < 28)
		goto out;
	CHECK(csvmap_new(&rs.r[0], NULL, NULL, &m, &err) == KITH_OK);
	for (i = 1; i < rs.n; i++) {
		st = csvmap_contact(m, &rs.r[i], &c, &warning, &err);
		if (st == KITH_NOTFOUND) {
			empty++;
			CHECK_INT(rs.r[i].line, 19);
			CHECK(c == NULL);
			continue;
		}
		CHECK_INT(st, KITH_OK);
		CHECK(warning == NULL);
		free(warning);
		if (st != KITH_OK)
			continue;
		ok++;
		emails += c->n_emails;
		phones += c->n_phones;
		byrec[i] = c;
	}
	CHECK_INT(ok, 26);
	CHECK_INT(empty, 1);
	CHECK_INT(emails, 26);
	CHECK_INT(phones, 24);

	/* P01: two e-mails with labels, the starred one first. */
	c = byrec[1];
	CHECK(c != NULL);
	if (c != NULL) {
		CHECK_STR(c->given, "Ana");
		CHECK_STR(c->middle, "Marija");
		CHECK_STR(c->family, "Petrović");
		CHECK(c->display == NULL);
		CHECK_STR(c->org, "Zelena Dolina d.o.o.");
		CHECK_STR(c->title, "Računovođa");
		CHECK_STR(c->department, "Finansije");
		CHECK_STR(c->birthday, "1988-03-14");
		CHECK_INT(c->n_emails, 2);
		CHECK_STR(c->emails[0].addr, "ana.petrovic@example.com");
		CHECK_STR(c->emails[0].label, "work");
		CHECK_STR(c->emails[1].addr, "ana.m.petrovic@mail.example.net");
		CHECK_STR(c->emails[1].label, "home");
		CHECK_INT(c->n_phones, 1);
		CHECK_STR(c->phones[0].label, "mobile");
		CHECK_INT(c->n_tags, 2);
		CHECK(has_tag(c, "starred") && has_tag(c, "Porodica"));
		CHECK_STR(custom_of(c, "Slack"), "@ana.p");
	}
	/* P02: a birthday without a year, notes with quotes and a LF. */
	c = byrec[2];
	CHECK(c != NULL);
	if (c != NULL) {
		CHECK_STR(c->birthday, "--07-02");
		CHECK_STR(c->notes, "Upoznali smo se na konferenciji "
		    "\"DevFest Beograd\".\nKaže: \"zovi posle 18h\", ne pre.");
		CHECK_INT(c->n_emails, 1);
		CHECK(c->emails[0].label == NULL);
		CHECK_INT(c->n_tags, 0);
	}
	/* P03: two e-mails and two phones, each pair in one cell. */
	c = byrec[3];
	CHECK(c != NULL);
	if (c != NULL) {
		CHECK_INT(c->n_emails, 2);
		CHECK_STR(c->emails[0].addr, "milica.stankovic@firma.example");
		CHECK_STR(c->emails[1].addr, "m.stankovic@firma.example");
		CHECK_STR(c->emails[1].label, "work");
		CHECK_INT(c->n_phones, 2);
		CHECK_STR(c->phones[0].raw, "+1 555-010-0147");
		CHECK_STR(c->phones[1].raw, "+1 555-010-0148");
		CHECK_STR(c->phones[1].label, "mobile");
		CHECK(has_tag(c, "Posao"));
	}
	/* P05: a formatted address next to its parts: the parts win. */
	c = byrec[5];
	CHECK(c != NULL && c->n_addrs == 1);
	if (c != NULL && c->n_addrs == 1) {
		CHECK_STR(c->addrs[0].street, "Knez Mihailova 12");
		CHECK_STR(c->addrs[0].city, "Beograd");
		CHECK_STR(c->addrs[0].postcode, "11000");
		CHECK_STR(c->addrs[0].country, "Serbia");
		CHECK_STR(c->addrs[0].label, "home");
		CHECK_STR(c->nickname, "Čeda");
	}
	/* P23, e-mail only, and P24, organisation only: a display name. */
	for (i = 1; i < rs.n; i++) {
		c = byrec[i];
		if (c == NULL || c->given != NULL || c->family != NULL)
			continue;
		if (c->org != NULL) {
			CHECK_STR(c->display, "Lumière & Fils, SARL");
			CHECK_STR(c->org, "Lumière & Fils, SARL");
			CHECK_INT(c->n_urls, 1);
			CHECK_STR(c->urls[0].key, "work");
		} else
			CHECK_STR(c->display,
			    "narudzbine@pekara-zlatni-klas.example");
	}
	/* P25: a 4-byte nickname and a Photo kept as a custom field. */
	for (i = 1, c = NULL; i < rs.n && c == NULL; i++)
		if (byrec[i] != NULL && byrec[i]->family != NULL &&
		    strcmp(byrec[i]->family, "Yılmaz") == 0)
			c = byrec[i];
	CHECK(c != NULL);
	if (c != NULL) {
		CHECK_STR(c->nickname, "🎸 Memo");
		CHECK_STR(custom_of(c, "Photo"), "https://lh3.googleusercontent"
		    ".com/contacts/EXAMPLE-not-a-real-photo-id");
	}
out:
	for (i = 0; i < 32; i++)
		contact_free(byrec[i]);
	csvmap_free(m);
	recs_free(&rs);

	/* Legacy layout: Type labels, Organization 1, Group Membership. */
	m = map_of(google_legacy_hdr, ',', NULL);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	for (i = 0; i < 54; i++) {
		const char *v = "";

		switch (i) {
		case 0: v = "Ana Petrović"; break;
		case 1: v = "Ana"; break;
		case 3: v = "Petrović"; break;
		case 14: v = "1988-03-14"; break;
		case 15: v = "Unspecified"; break;
		case 22: v = "Normal"; break;
		case 23: v = "Normal"; break;
		case 28: v = "* My Contacts ::: * Starred ::: Family"; break;
		case 29: v = "* Home"; break;
		case 30: v = "ana@example.com"; break;
		case 33: v = "Mobile"; break;
		case 34: v = "+1 555-010-2233"; break;
		case 35: v = "Home"; break;
		case 36: v = "\"Knez 1\nBeograd\""; break;
		case 39: v = "PO 7"; break;
		case 45: v = "Zelena Dolina"; break;
		case 47: v = "Računovođa"; break;
		case 48: v = "Finansije"; break;
		}
		sbuf_printf(&row, "%s%s", i > 0 ? "," : "", v);
	}
	st = contact_of(m, row.s, ',', &c, &warning, &err);
	sbuf_free(&row);
	CHECK_INT(st, KITH_OK);
	if (st == KITH_OK) {
		CHECK_STR(c->display, "Ana Petrović");
		CHECK_STR(c->given, "Ana");
		CHECK_STR(c->org, "Zelena Dolina");
		CHECK_STR(c->title, "Računovođa");
		CHECK_STR(c->department, "Finansije");
		CHECK_STR(c->emails[0].label, "home");
		CHECK_INT(c->n_tags, 2);
		CHECK(has_tag(c, "Starred") && has_tag(c, "Family"));
		CHECK(custom_of(c, "Gender") == NULL);
		CHECK(custom_of(c, "Priority") == NULL);
		CHECK_STR(custom_of(c, "Address 1 - PO Box"), "PO 7");
		CHECK_INT(c->n_custom, 1);
		CHECK_INT(c->n_addrs, 1);
		CHECK_STR(c->addrs[0].street, "Knez 1\nBeograd");
		CHECK_STR(c->addrs[0].label, "home");
		contact_free(c);
	}
	free(warning);
	csvmap_free(m);
}

static void
test_outlook(void)
{
	struct recs	 rs;
	struct csv_map	*m = NULL;
	struct contact	*c;
	struct kith_err	 err;
	enum kith_status st;
	struct sbuf	 row = { 0 };
	char		*warning;
	size_t		 i, emails = 0, phones = 0, ok = 0, found = 0;

	CHECK(recs_load(&rs, "outlook.csv"));
	CHECK(rs.n == 26);
	if (rs.n == 26 &&
	    csvmap_new(&rs.r[0], NULL, NULL, &m, &err) == KITH_OK) {
		for (i = 1; i < rs.n; i++) {
			st = csvmap_contact(m, &rs.r[i], &c, &warning, &err);
			CHECK_INT(st, KITH_OK);
			CHECK(warning == NULL);
			free(warning);
			if (st != KITH_OK)
				continue;
			ok++;
			emails += c->n_emails;
			phones += c->n_phones;
			if (c->birthday != NULL &&
			    (strcmp(c->birthday, "1988-02-29") == 0 ||
			    strcmp(c->birthday, "1985-04-17") == 0 ||
			    strcmp(c->birthday, "1979-11-03") == 0))
				found++;
			if (c->given != NULL &&
			    strcmp(c->given, "Saša") == 0) {
				CHECK_STR(c->birthday, "1985-04-17");
				CHECK_STR(c->title, "Advokat");
				CHECK_STR(c->org, "Žeželj & Partneri");
				CHECK_STR(c->phones[0].label, "mobile");
			}
			contact_free(c);
		}
	}
	CHECK_INT(ok, 25);
	CHECK_INT(emails, 26);
	CHECK_INT(phones, 26);
	CHECK_INT(found, 3);
	csvmap_free(m);
	recs_free(&rs);

	/* Classic Outlook: fixed values, 0/0/00, Title, Categories. */
	m = map_of(outlook_classic_hdr, ',', NULL);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	for (i = 0; i < 92; i++) {
		const char *v = "";

		switch (i) {
		case 0: v = "Dr."; break;
		case 1: v = "Ana"; break;
		case 3: v = "Petrović"; break;
		case 5: v = "\"Zelena, d.o.o.\""; break;
		case 6: v = "Finansije"; break;
		case 8: v = "Bulevar 1"; break;
		case 9: v = "Sprat 2"; break;
		case 11: v = "Beograd"; break;
		case 14: v = "Serbia"; break;
		case 31: v = "+381 11 123"; break;
		case 37: v = "+381 11 456"; break;
		case 40: v = "+381 64 789"; break;
		case 49: v = "0/0/00"; break;
		case 52: v = "2/29/1988"; break;
		case 54: v = "Clients;VIP"; break;
		case 57: v = "ana@example.com"; break;
		case 58: v = "SMTP"; break;
		case 59: v = "Ana Petrović (ana@example.com)"; break;
		case 60: v = "ana2@example.com"; break;
		case 61: v = "EX"; break;
		case 62: v = "Ana at home"; break;
		case 66: v = "Unspecified"; break;
		case 77: v = "\"Line 1\r\nLine 2\""; break;
		case 81: v = "Normal"; break;
		case 82: v = "False"; break;
		case 85: v = "Private"; break;
		case 87: v = "x"; break;
		}
		sbuf_printf(&row, "%s%s", i > 0 ? "," : "", v);
	}
	st = contact_of(m, row.s, ',', &c, &warning, &err);
	CHECK_INT(st, KITH_OK);
	CHECK(warning == NULL);
	if (st == KITH_OK) {
		CHECK_STR(c->prefix, "Dr.");
		CHECK_STR(c->org, "Zelena, d.o.o.");
		CHECK_STR(c->department, "Finansije");
		CHECK_STR(c->birthday, "1988-02-29");
		CHECK_INT(c->n_emails, 2);
		CHECK(custom_of(c, "E-mail Type") == NULL);
		CHECK(custom_of(c, "E-mail Display Name") == NULL);
		CHECK_STR(custom_of(c, "E-mail 2 Type"), "EX");
		CHECK_STR(custom_of(c, "E-mail 2 Display Name"), "Ana at home");
		CHECK(custom_of(c, "Gender") == NULL);
		CHECK(custom_of(c, "Priority") == NULL);
		CHECK(custom_of(c, "Private") == NULL);
		CHECK_STR(custom_of(c, "Sensitivity"), "Private");
		CHECK(custom_of(c, "Anniversary") == NULL);
		CHECK_STR(custom_of(c, "User 1"), "x");
		CHECK_INT(c->n_custom, 4);
		CHECK_INT(c->n_tags, 2);
		CHECK(has_tag(c, "Clients") && has_tag(c, "VIP"));
		CHECK_INT(c->n_phones, 3);
		CHECK_STR(c->phones[0].label, "work");
		CHECK_STR(c->phones[1].label, "home");
		CHECK_STR(c->phones[2].label, "mobile");
		CHECK_INT(c->n_addrs, 1);
		CHECK_STR(c->addrs[0].label, "work");
		CHECK_STR(c->addrs[0].street, "Bulevar 1\nSprat 2");
		CHECK_STR(c->addrs[0].city, "Beograd");
		CHECK_STR(c->notes, "Line 1\r\nLine 2");
		contact_free(c);
	}
	free(warning);
	sbuf_free(&row);
	csvmap_free(m);

	/* Outlook's Categories split on ";" only. */
	m = map_of("First Name,E-mail Address,E-mail 2 Address,Categories",
	    ',', NULL);
	CHECK(m != NULL && strcmp(csvmap_format(m), "outlook") == 0);
	CHECK(contact_of(m, "Ana,a@example.com,,\"Smith, Jones\"", ',', &c,
	    &warning, &err) == KITH_OK);
	CHECK_INT(c->n_tags, 1);
	CHECK_STR(c->tags[0], "Smith, Jones");
	contact_free(c);
	csvmap_free(m);
}

static void
test_linkedin(void)
{
	struct recs	 rs;
	struct csv_map	*m = NULL;
	struct contact	*c;
	struct kith_err	 err;
	enum kith_status st;
	char		*warning;
	size_t		 i, ok = 0, bad = 0, emails = 0;

	CHECK(recs_load(&rs, "linkedin-connections.csv"));
	CHECK_INT(rs.n, 28);
	if (rs.n != 28 ||
	    csvmap_new(&rs.r[2], NULL, NULL, &m, &err) != KITH_OK)
		goto out;
	CHECK_STR(csvmap_format(m), "linkedin");
	for (i = 3; i < rs.n; i++) {
		st = csvmap_contact(m, &rs.r[i], &c, &warning, &err);
		free(warning);
		if (st != KITH_OK) {
			bad++;
			CHECK_INT(rs.r[i].line, 19);
			CHECK_INT(st, KITH_INVALID);
			continue;
		}
		ok++;
		emails += c->n_emails;
		CHECK_INT(c->n_urls, 1);
		CHECK_STR(c->urls[0].key, "linkedin");
		if (i == 3) {
			CHECK_STR(c->given, "Ana");
			CHECK_STR(c->title, "Računovođa");
			CHECK_STR(c->org, "Zelena Dolina d.o.o.");
			CHECK_STR(custom_of(c, "Connected On"), "2024-10-14");
		}
		if (c->given != NULL && strcmp(c->given, "Kwame") == 0)
			CHECK_STR(c->title, "Lead \"Growth Hacker\"");
		contact_free(c);
	}
	CHECK_INT(ok, 24);
	CHECK_INT(bad, 1);
	CHECK_INT(emails, 4);
out:
	csvmap_free(m);
	recs_free(&rs);
}

static void
test_thunderbird(void)
{
	struct csv_map	*m;
	struct contact	*c;
	struct kith_err	 err;
	char		*warning, *hdr;

	m = map_of(thunderbird_hdr, ',', NULL);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	CHECK(contact_of(m, "Ana,Petrović,Ana P.,,ana@example.com,"
	    "ana@home.example,anap,+381 11 1,+381 11 2,+381 11 3,,"
	    "+381 64 4,Kneza 1,stan 3,Beograd,,11000,Serbia,,,,,,,"
	    "Računovođa,Finansije,Zelena,https://zelena.example,,1985,6,15,"
	    "c1,,,,Hi", ',', &c, &warning, &err) == KITH_OK);
	CHECK(warning == NULL);
	CHECK_STR(c->display, "Ana P.");
	CHECK_STR(c->birthday, "1985-06-15");
	CHECK_INT(c->n_emails, 2);
	CHECK_STR(c->emails[1].addr, "ana@home.example");
	CHECK(c->n_ims == 1 && strcmp(c->ims[0].handle, "anap") == 0 &&
	    strcmp(c->ims[0].service, "AIM") == 0);
	CHECK_INT(c->n_phones, 4);
	CHECK_STR(c->phones[0].label, "work");
	CHECK_STR(c->phones[1].label, "home");
	CHECK_STR(c->phones[2].label, "fax");
	CHECK_STR(c->phones[3].label, "mobile");
	CHECK_INT(c->n_addrs, 1);
	CHECK_STR(c->addrs[0].label, "home");
	CHECK_STR(c->addrs[0].street, "Kneza 1\nstan 3");
	CHECK_STR(c->addrs[0].postcode, "11000");
	CHECK_STR(c->title, "Računovođa");
	CHECK_STR(c->org, "Zelena");
	CHECK_STR(c->department, "Finansije");
	CHECK_STR(c->urls[0].key, "work");
	CHECK_STR(custom_of(c, "Custom 1"), "c1");
	CHECK_STR(c->notes, "Hi");
	contact_free(c);

	/* Month and day only; then parts that make no date. */
	CHECK(contact_of(m, "Ana,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,2,29,,,,,",
	    ',', &c, &warning, &err) == KITH_OK);
	CHECK_STR(c->birthday, "--02-29");
	contact_free(c);
	free(warning);
	CHECK(contact_of(m, "Ana,,,,,,,,,,,,,,,,,,,,,,,,,,,,,1987,2,29,,,,,",
	    ',', &c, &warning, &err) == KITH_OK);
	CHECK(c->birthday == NULL);
	CHECK(warning != NULL && strstr(warning, "1987/2/29") != NULL);
	CHECK_STR(custom_of(c, "Birth Year"), "1987");
	CHECK_STR(custom_of(c, "Birth Day"), "29");
	contact_free(c);
	free(warning);
	csvmap_free(m);

	/* Legacy: a 38th, unnamed column, and rows that drop it. */
	hdr = xasprintf("%s,", thunderbird_hdr);
	m = map_of(hdr, ',', NULL);
	free(hdr);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	CHECK(contact_of(m, "Ana,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
	    ',', &c, &warning, &err) == KITH_OK);
	CHECK(warning == NULL);
	contact_free(c);
	CHECK(contact_of(m, "Ana,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,",
	    ',', &c, &warning, &err) == KITH_OK);
	CHECK(warning == NULL);
	contact_free(c);
	CHECK(contact_of(m, "Ana,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,,x",
	    ',', &c, &warning, &err) == KITH_OK);
	CHECK_STR(custom_of(c, "Column 38"), "x");
	contact_free(c);
	csvmap_free(m);
}

static void
test_eventbrite(void)
{
	struct csv_map	*m;
	struct contact	*c;
	struct kith_err	 err;
	char		*warning;

	m = map_of(eventbrite_hdr, ',', NULL);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	CHECK(contact_of(m, "1234567890,11/29/24 22:28,Ana,Petrović,"
	    "ana@example.com,1,Early bird,General Admission,987654321,,"
	    "Eventbrite Completed,USD,25.00,2.50,1.75,0.75,Attending,"
	    "Kneza 1,,Beograd,,11000,RS,Vegetarian,CFO,Zelena,"
	    "+381 64 123", ',', &c, &warning, &err) == KITH_OK);
	CHECK(warning == NULL);
	CHECK_STR(c->given, "Ana");
	CHECK_STR(c->emails[0].addr, "ana@example.com");
	CHECK_STR(c->title, "CFO");
	CHECK_STR(c->org, "Zelena");
	CHECK_STR(c->phones[0].label, "mobile");
	CHECK_STR(c->addrs[0].label, "home");
	CHECK_STR(c->addrs[0].street, "Kneza 1");
	CHECK_STR(c->addrs[0].country, "RS");
	CHECK_STR(custom_of(c, "Order #"), "1234567890");
	CHECK_STR(custom_of(c, "Order Date"), "11/29/24 22:28");
	CHECK_STR(custom_of(c, "Attendee #"), "987654321");
	CHECK_STR(custom_of(c, "Ticket Type"), "General Admission");
	CHECK_STR(custom_of(c, "Quantity"), "1");
	CHECK_STR(custom_of(c, "Price Tier"), "Early bird");
	CHECK_STR(custom_of(c, "Total Paid"), "25.00");
	CHECK_STR(custom_of(c, "Attendee Status"), "Attending");
	CHECK_STR(custom_of(c, "Dietary needs"), "Vegetarian");
	CHECK_INT(c->n_custom, 14);		/* Group is empty */
	contact_free(c);
	csvmap_free(m);
}

static void
test_generic(void)
{
	struct csv_map	*m;
	struct contact	*c;
	struct kith_err	 err;
	struct recs	 rs;
	char		*warning;

	m = map_of(german_hdr, ';', NULL);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	CHECK(contact_of(m, "Jörg;Weißenbach;Müller & Söhne GmbH;"
	    "joerg@mueller.example;+49 211 1;+49 170 2;Königsallee 5;"
	    "Düsseldorf;40212;Deutschland;17.04.1985;Kunde, seit 2019", ';',
	    &c, &warning, &err) == KITH_OK);
	CHECK(warning == NULL);
	CHECK_STR(c->given, "Jörg");
	CHECK_STR(c->family, "Weißenbach");
	CHECK_STR(c->org, "Müller & Söhne GmbH");
	CHECK_STR(c->emails[0].addr, "joerg@mueller.example");
	CHECK_INT(c->n_phones, 2);
	CHECK(c->phones[0].label == NULL);
	CHECK_STR(c->phones[1].label, "mobile");
	CHECK_STR(c->addrs[0].street, "Königsallee 5");
	CHECK_STR(c->addrs[0].city, "Düsseldorf");
	CHECK_STR(c->addrs[0].postcode, "40212");
	CHECK_STR(c->addrs[0].country, "Deutschland");
	CHECK_STR(c->birthday, "1985-04-17");
	CHECK_STR(c->notes, "Kunde, seit 2019");
	CHECK_INT(c->n_custom, 0);
	contact_free(c);
	csvmap_free(m);

	/* German "Name" next to "Vorname" is the family name. */
	m = map_of("Name;Vorname;E-Mail", ';', NULL);
	CHECK(contact_of(m, "Schröder;Anneliese;a@example.net", ';', &c,
	    &warning, &err) == KITH_OK);
	CHECK_STR(c->family, "Schröder");
	CHECK_STR(c->given, "Anneliese");
	CHECK(c->display == NULL);
	contact_free(c);
	csvmap_free(m);

	m = map_of("Prénom;Nom;Société;Courriel;Téléphone;Portable;"
	    "Adresse;Ville;Code postal;Pays", ';', NULL);
	CHECK(contact_of(m, "Séverine;Lefèvre;Atelier;s@example.org;1;2;"
	    "12 rue;Lyon;69002;France", ';', &c, &warning, &err) ==
	    KITH_OK);
	CHECK_STR(c->given, "Séverine");
	CHECK_STR(c->family, "Lefèvre");
	CHECK_STR(c->org, "Atelier");
	CHECK_STR(c->emails[0].addr, "s@example.org");
	CHECK_STR(c->phones[1].label, "mobile");
	CHECK_STR(c->addrs[0].postcode, "69002");
	CHECK_INT(c->n_custom, 0);
	contact_free(c);
	csvmap_free(m);

	m = map_of("Ime;Prezime;Firma;Telefon;Adresa;Grad;Država", ';', NULL);
	CHECK(contact_of(m, "Đorđe;Jovanović;Firma d.o.o.;+381 11;"
	    "Kneza 1;Niš;Srbija", ';', &c, &warning, &err) == KITH_OK);
	CHECK_STR(c->given, "Đorđe");
	CHECK_STR(c->family, "Jovanović");
	CHECK_STR(c->org, "Firma d.o.o.");
	CHECK_STR(c->addrs[0].city, "Niš");
	CHECK_STR(c->addrs[0].country, "Srbija");
	CHECK_INT(c->n_custom, 0);
	contact_free(c);
	csvmap_free(m);

	/* English generic, with unknown columns kept. */
	m = map_of("Full Name,E-mail,Mobile,Employer,Role,Website,Tags,"
	    "Shoe size", ',', NULL);
	CHECK(contact_of(m, "Ana Petrović,ana@example.com,+1 555,Zelena,CFO,"
	    "https://a.example,\"friends; clients\",38", ',', &c, &warning,
	    &err) == KITH_OK);
	CHECK_STR(c->display, "Ana Petrović");
	CHECK_STR(c->phones[0].label, "mobile");
	CHECK_STR(c->title, "CFO");
	CHECK_STR(c->urls[0].value, "https://a.example");
	CHECK(has_tag(c, "friends") && has_tag(c, "clients"));
	CHECK_STR(custom_of(c, "Shoe size"), "38");
	contact_free(c);
	/* Phone only: the phone is the display name. */
	CHECK(contact_of(m, ",,+1 555,,,,,", ',', &c, &warning, &err) ==
	    KITH_OK);
	CHECK_STR(c->display, "+1 555");
	contact_free(c);
	/* Nothing that names anyone. */
	CHECK(contact_of(m, ",,,,CFO,,,38", ',', &c, &warning, &err) ==
	    KITH_INVALID);
	CHECK(c == NULL);
	CHECK_STR(err.msg, "no name, organisation, e-mail or phone");
	csvmap_free(m);

	/* Name parts and e-mails lose blanks and NBSP (duplicates rec 11). */
	CHECK(recs_load(&rs, "duplicates.csv"));
	if (rs.n > 11 &&
	    csvmap_new(&rs.r[0], NULL, NULL, &m, &err) == KITH_OK) {
		CHECK(csvmap_contact(m, &rs.r[11], &c, &warning, &err) ==
		    KITH_OK);
		CHECK_STR(c->given, "Milica");
		CHECK_STR(c->family, "Stanković");
		contact_free(c);
		csvmap_free(m);
	}
	recs_free(&rs);
}

static void
test_dates(void)
{
	static const struct {
		const char	*in;
		const char	*out;		/* NULL: kept raw, warned */
	} cases[] = {
		{ "1988-03-14", "1988-03-14" }, { "--07-02", "--07-02" },
		{ "--0702", "--07-02" }, { "2/29/1988", "1988-02-29" },
		{ "4/17/1985", "1985-04-17" }, { "17/4/1985", "1985-04-17" },
		{ "17.04.1985", "1985-04-17" }, { "1985/4/17", "1985-04-17" },
		{ "05 Mar 2021", "2021-03-05" },
		{ "March 5, 2021", "2021-03-05" },
		{ "0000-07-02", "--07-02" }, { "--02-29", "--02-29" },
		{ "2/29/1987", NULL }, { "13/13/1985", NULL },
		{ "4/17/85", NULL }, { "soon", NULL }, { "1985", NULL },
	};
	struct csv_map	*m;
	struct contact	*c;
	struct kith_err	 err;
	char		*row, *warning;
	size_t		 i;

	m = map_of("Name,Birthday,Anniversary", ',', NULL);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		row = xasprintf("Ana,\"%s\",", cases[i].in);
		CHECK(contact_of(m, row, ',', &c, &warning, &err) == KITH_OK);
		if (cases[i].out != NULL) {
			CHECK_STR(c->birthday, cases[i].out);
			CHECK(warning == NULL);
		} else {
			CHECK(c->birthday == NULL);
			CHECK_STR(custom_of(c, "Birthday"), cases[i].in);
			CHECK(warning != NULL && strstr(warning, cases[i].in));
		}
		free(warning);
		contact_free(c);
		free(row);
	}
	CHECK(contact_of(m, "Ana,0/0/00,0/0/00", ',', &c, &warning, &err) ==
	    KITH_OK);
	CHECK(c->birthday == NULL && c->n_custom == 0 && warning == NULL);
	contact_free(c);
	CHECK(contact_of(m, "Ana,,6/20/2015", ',', &c, &warning, &err) ==
	    KITH_OK);
	CHECK(c->n_dates == 1 && c->n_custom == 0);
	if (c->n_dates == 1) {
		CHECK_STR(c->dates[0].label, "anniversary");
		CHECK_STR(c->dates[0].date, "2015-06-20");
	}
	contact_free(c);
	csvmap_free(m);
}

static void
test_ragged(void)
{
	static const struct {
		enum kith_status st;
		const char	*msg;		/* warning or error */
	} want[] = {
		{ KITH_OK, NULL },
		{ KITH_OK, "17 fields where the header has 21; the missing "
		    "ones taken as empty" },
		{ KITH_INVALID, "23 fields where the header has 21, and the "
		    "extra ones are not empty" },
		{ KITH_OK, "23 fields where the header has 21; the extra ones "
		    "are empty and were ignored" },
		{ KITH_INVALID, "1 field where the header has 21; a lone "
		    "value is not a contact" },
		{ KITH_OK, "3 fields where the header has 21; the missing "
		    "ones taken as empty" },
	};
	struct recs	 rs;
	struct csv_map	*m = NULL;
	struct contact	*c;
	struct kith_err	 err;
	enum kith_status st;
	char		*warning;
	size_t		 i;

	CHECK(recs_load(&rs, "malformed/ragged-rows.csv"));
	CHECK_INT(rs.n, 7);
	if (rs.n != 7 ||
	    csvmap_new(&rs.r[0], NULL, NULL, &m, &err) != KITH_OK)
		goto out;
	for (i = 0; i < 6; i++) {
		st = csvmap_contact(m, &rs.r[i + 1], &c, &warning, &err);
		CHECK_INT(st, want[i].st);
		if (st == KITH_OK && want[i].msg == NULL)
			CHECK(warning == NULL);
		else if (st == KITH_OK)
			CHECK_STR(warning, want[i].msg);
		else {
			CHECK(c == NULL && warning == NULL);
			CHECK_STR(err.msg, want[i].msg);
		}
		free(warning);
		contact_free(c);
	}
	CHECK(contact_of(m, ",,,,,,,,,,,,,,,,,,,,", ',', &c, &warning, &err)
	    == KITH_NOTFOUND);
	CHECK(c == NULL && warning == NULL);
	CHECK(contact_of(m, ",, ,,,,,,,,,,,,,,,,,,,,,", ',', &c, &warning,
	    &err) == KITH_NOTFOUND);
out:
	csvmap_free(m);
	recs_free(&rs);
}

static void
test_user_map(void)
{
	struct csv_record *h;
	struct csv_map	*m;
	struct contact	*c;
	struct kith_err	 err;
	char		*warning, *d;

	h = rec1("Who,Mail,Cell,Zip,Notes,Tags,E-mail", ',');
	CHECK(csvmap_new(h, NULL, " who = display , cell=phone:mobile,"
	    "ZIP=custom:Postleitzahl,notes=ignore,Mail=email:work,"
	    "e-mail=custom", &m, &err) == KITH_OK);
	CHECK(contact_of(m, "Ana P.,ana@example.com,+381 64,11000,secret,"
	    "a;b,second@example.com", ',', &c, &warning, &err) == KITH_OK);
	CHECK_STR(c->display, "Ana P.");
	CHECK_STR(c->emails[0].addr, "ana@example.com");
	CHECK_STR(c->emails[0].label, "work");
	CHECK_STR(c->phones[0].label, "mobile");
	CHECK_STR(custom_of(c, "Postleitzahl"), "11000");
	CHECK_STR(custom_of(c, "E-mail"), "second@example.com");
	CHECK_INT(c->n_emails, 1);
	CHECK(c->notes == NULL);
	CHECK_INT(c->n_tags, 2);
	contact_free(c);
	d = csvmap_describe(m);
	CHECK_STR(d, "Who -> display\nMail -> email (label \"work\")\n"
	    "Cell -> phone (label \"mobile\")\n"
	    "Zip -> custom field \"Postleitzahl\"\nNotes -> ignored\n"
	    "Tags -> tags (split on \" ::: \", \";\" or \",\")\n"
	    "E-mail -> custom field \"E-mail\"\n");
	free(d);
	csvmap_free(m);

	m = NULL;
	CHECK(csvmap_new(h, NULL, "Fax=phone", &m, &err) == KITH_INVALID);
	CHECK(m == NULL);
	CHECK_STR(err.msg, "--map: no column named 'Fax' in the header");
	CHECK(csvmap_new(h, NULL, "Who=shoe", &m, &err) == KITH_INVALID);
	CHECK(strncmp(err.msg, "--map: unknown field 'shoe' (use one of: "
	    "display,", 41) == 0);
	CHECK(csvmap_new(h, NULL, "Who=city:home", &m, &err) == KITH_INVALID);
	CHECK(csvmap_new(h, NULL, "Who", &m, &err) == KITH_INVALID);
	CHECK_STR(err.msg, "--map: 'Who' is not COLUMN=FIELD");
	CHECK(csvmap_new(h, NULL, "Who=custom:", &m, &err) == KITH_INVALID);
	CHECK(strstr(csvmap_fields(), "custom:KEY") != NULL);
	rec_free(h);

	/* A Google label column taken away leaves its value unlabelled. */
	h = rec1(google_hdr, ',');
	CHECK(csvmap_new(h, NULL, "E-mail 1 - Label=ignore", &m, &err) ==
	    KITH_OK);
	CHECK(contact_of(m, "Ana,,,,,,,,,,,,,,,,,* Work,a@example.com,,",
	    ',', &c, &warning, &err) == KITH_OK);
	CHECK(c->emails[0].label == NULL);
	contact_free(c);
	csvmap_free(m);
	rec_free(h);
}

static void
test_describe(void)
{
	struct csv_map	*m;
	char		*d;

	m = map_of("First Name,E-mail 1 - Label,E-mail 1 - Value,Foo,"
	    "Custom Field 1 - Label,Custom Field 1 - Value,Gender", ',',
	    NULL);
	CHECK(m != NULL);
	if (m == NULL)
		return;
	d = csvmap_describe(m);
	CHECK_STR(d, "First Name -> given\n"
	    "E-mail 1 - Label -> label of E-mail 1 - Value\n"
	    "E-mail 1 - Value -> email (label from E-mail 1 - Label)\n"
	    "Foo -> custom field \"Foo\"\n"
	    "Custom Field 1 - Label -> key of custom field "
	    "Custom Field 1 - Value\n"
	    "Custom Field 1 - Value -> custom field named by "
	    "Custom Field 1 - Label\n"
	    "Gender -> custom field \"Gender\" (not kept when "
	    "\"Unspecified\")\n");
	free(d);
	csvmap_free(m);
}

/* Builds the contact the kith round trip starts from. */
static struct contact *
rich_contact(void)
{
	struct contact_address a = { "home", "=1+1\nline 2", "+City",
	    "-Region", "@SUM", "\t=x" };
	struct contact	*c = contact_new();

	contact_set(&c->display, "=1+1");
	contact_set(&c->prefix, "Dr");
	contact_set(&c->given, "+1 555");
	contact_set(&c->middle, "'=x");
	contact_set(&c->family, "-Minus");
	contact_set(&c->suffix, "'");
	contact_set(&c->nickname, "@SUM");
	contact_set(&c->org, "\t=x");
	contact_set(&c->title, "''+y");
	contact_set(&c->birthday, "--02-29");
	contact_set(&c->notes, "Line \"one\", then\nline two, ' and \r");
	c->cadence_days = 30;
	c->archived = 1;
	contact_add_email(c, "b@example.com", "Work");
	contact_add_email(c, "a@example.com", NULL);
	contact_add_email(c, "c@example.com", "* odd");
	contact_add_phone(c, "+1 555-010-2233", "mobile");
	contact_add_phone(c, "-5", NULL);
	contact_add_address(c, &a);
	a.label = NULL;
	a.street = NULL;
	a.region = NULL;
	contact_add_address(c, &a);
	contact_add_url(c, "https://x.example", "=blog");
	contact_add_tag(c, "* starred");
	contact_add_tag(c, "myContacts");
	contact_add_tag(c, "a, b; c ::: d");
	contact_add_custom(c, "=key", "=value");
	contact_add_custom(c, "Empty", "");
	contact_add_custom(c, " spaced ", " value ");
	contact_set(&c->department, "=Tax");
	contact_add_date(c, "anniversary", "--06-28");
	contact_add_date(c, "client since", "1900-01-01");
	contact_add_im(c, "Skype", "=ana.p", "work");
	contact_add_im(c, NULL, "ana@jabber.example", NULL);
	return c;
}

static void
test_kith_round_trip(void)
{
	struct csvmap_dims dims = { 4, 3, 2, 2, 4, 4, 2, 2 };
	struct csv_record rec = { 0 }, hrec = { 0 };
	struct contact	*c, *d = NULL;
	struct csv_map	*m = NULL;
	struct kith_err	 err;
	char		**hdr = NULL, **row = NULL, **row2 = NULL, **cells;
	char		*warning = NULL;
	size_t		 nh = 0, nr = 0, nr2 = 0, i;

	c = rich_contact();
	CHECK(csvmap_export_header("kith", &dims, &hdr, &nh, &err) ==
	    KITH_OK);
	CHECK_INT(nh, 14 + 4 * 2 + 3 * 2 + 2 * 6 + 2 * 2 + 4 + 4 * 2 +
	    2 * 2 + 2 * 3);
	CHECK_STR(hdr[0], "kith:display");
	CHECK_STR(hdr[13], "department");
	CHECK_STR(hdr[14], "email 1");
	CHECK_STR(hdr[15], "email 1 label");
	CHECK_STR(hdr[28], "address 1 label");
	CHECK_STR(hdr[nh - 11], "custom 4 value");
	CHECK_STR(hdr[nh - 10], "date 1 label");
	CHECK_STR(hdr[nh - 9], "date 1");
	CHECK_STR(hdr[nh - 6], "im 1 service");
	CHECK_STR(hdr[nh - 5], "im 1");
	CHECK_STR(hdr[nh - 1], "im 2 label");
	csvmap_export_row("kith", &dims, c, &row, NULL, &nr);
	CHECK_INT(nr, nh);
	CHECK_STR(row[0], "=1+1");		/* the writer adds the "'" */
	CHECK_STR(row[3], "''=x");		/* ...but not to this one */
	CHECK_STR(row[5], "'");
	CHECK_STR(row[8], "'''+y");
	CHECK_STR(row[11], "30");
	CHECK_STR(row[12], "1");

	/* Through the writer (neutralising), then back. */
	hrec.n = nh;
	hrec.field = hdr;
	CHECK(csvmap_new(&hrec, NULL, NULL, &m, &err) == KITH_OK);
	CHECK_STR(csvmap_format(m), "kith");
	cells = xcalloc(nr, sizeof *cells);
	for (i = 0; i < nr; i++)
		cells[i] = neutralised(row[i]);
	CHECK_STR(cells[0], "'=1+1");
	rec.n = nr;
	rec.field = cells;
	CHECK(csvmap_contact(m, &rec, &d, &warning, &err) == KITH_OK);
	CHECK(warning == NULL);
	if (d != NULL) {
		CHECK_STR(d->display, "=1+1");
		CHECK_STR(d->prefix, "Dr");
		CHECK_STR(d->given, "+1 555");
		CHECK_STR(d->middle, "'=x");
		CHECK_STR(d->family, "-Minus");
		CHECK_STR(d->suffix, "'");
		CHECK_STR(d->nickname, "@SUM");
		CHECK_STR(d->org, "\t=x");
		CHECK_STR(d->title, "''+y");
		CHECK_STR(d->birthday, "--02-29");
		CHECK_STR(d->notes, c->notes);
		CHECK_INT(d->cadence_days, 30);
		CHECK_INT(d->archived, 1);
		CHECK_INT(d->n_emails, 3);
		CHECK_STR(d->emails[0].addr, "b@example.com");
		CHECK_STR(d->emails[0].label, "Work");
		CHECK(d->emails[1].label == NULL);
		CHECK_STR(d->emails[2].label, "* odd");
		CHECK_INT(d->n_phones, 2);
		CHECK_STR(d->phones[1].raw, "-5");
		CHECK_INT(d->n_addrs, 2);
		CHECK_STR(d->addrs[0].street, "=1+1\nline 2");
		CHECK_STR(d->addrs[0].city, "+City");
		CHECK_STR(d->addrs[0].region, "-Region");
		CHECK_STR(d->addrs[0].postcode, "@SUM");
		CHECK_STR(d->addrs[0].country, "\t=x");
		CHECK(d->addrs[1].label == NULL && d->addrs[1].street == NULL);
		CHECK_STR(d->addrs[1].city, "+City");
		CHECK_STR(d->urls[0].key, "=blog");
		CHECK_INT(d->n_tags, 3);
		CHECK_STR(d->tags[0], "* starred");
		CHECK_STR(d->tags[1], "myContacts");
		CHECK_STR(d->tags[2], "a, b; c ::: d");
		CHECK_INT(d->n_custom, 3);
		CHECK_STR(d->custom[0].key, "=key");
		CHECK_STR(d->custom[0].value, "=value");
		CHECK_STR(d->custom[1].value, "");
		CHECK_STR(d->custom[2].key, " spaced ");
		CHECK_STR(d->custom[2].value, " value ");
		CHECK_STR(d->department, "=Tax");
		CHECK_INT(d->n_dates, 2);
		CHECK_STR(d->dates[0].label, "anniversary");
		CHECK_STR(d->dates[0].date, "--06-28");
		CHECK_STR(d->dates[1].label, "client since");
		CHECK_STR(d->dates[1].date, "1900-01-01");
		CHECK_INT(d->n_ims, 2);
		CHECK_STR(d->ims[0].service, "Skype");
		CHECK_STR(d->ims[0].handle, "=ana.p");
		CHECK_STR(d->ims[0].label, "work");
		CHECK(d->ims[1].service == NULL && d->ims[1].label == NULL);
		CHECK_STR(d->ims[1].handle, "ana@jabber.example");

		/* Export again: the same cells. */
		csvmap_export_row("kith", &dims, d, &row2, NULL, &nr2);
		CHECK_INT(nr2, nr);
		for (i = 0; i < nr && i < nr2; i++)
			CHECK_STR(row2[i], row[i]);
	}
	csvmap_row_free(cells, nr);
	csvmap_row_free(row2, nr2);
	csvmap_row_free(row, nr);
	csvmap_row_free(hdr, nh);
	contact_free(c);
	contact_free(d);
	free(warning);
	csvmap_free(m);

	CHECK(csvmap_export_header("vcard", &dims, &hdr, &nh, &err) ==
	    KITH_INVALID);
	CHECK(strstr(err.msg, "kith, google, outlook") != NULL);
	CHECK(hdr == NULL && nh == 0);
}

static void
test_export_google(void)
{
	struct csvmap_dims dims = { 2, 2, 1, 1, 3, 0, 2, 1 };
	struct csv_record hrec = { 0 }, rec = { 0 };
	unsigned char	*guard = NULL;
	struct contact	*c, *d = NULL;
	struct csv_map	*m = NULL;
	struct contact_address a = { "home", "Knez Mihailova 12", "Beograd",
	    NULL, "11000", "Serbia" };
	struct kith_err	 err;
	char		**hdr, **row, *warning = NULL;
	size_t		 nh, nr;

	c = contact_new();
	contact_set(&c->given, "Ana");
	contact_set(&c->family, "Petrović");
	contact_set(&c->org, "Zelena");
	contact_set(&c->birthday, "--07-02");
	contact_add_email(c, "a@example.com", "work");
	contact_add_email(c, "b@example.com", "home");
	contact_add_phone(c, "+1 555", "work fax");
	contact_add_address(c, &a);
	contact_add_url(c, "https://a.example", "blog");
	contact_add_tag(c, "Porodica");
	contact_add_tag(c, "starred");
	contact_set(&c->department, "Finansije");
	contact_add_custom(c, "Connected On", "2024-10-14");
	contact_add_date(c, "anniversary", "--06-28");
	contact_add_date(c, "client since", "2015-03-01");
	contact_add_im(c, "Skype", "ana.p", "work");

	CHECK(csvmap_export_header("google", &dims, &hdr, &nh, &err) ==
	    KITH_OK);
	CHECK_INT(nh, 17 + 4 + 4 + 9 + 2 + 4 + 3 + 6);
	CHECK_STR(hdr[12], "Organization Department");
	CHECK_STR(hdr[17], "E-mail 1 - Label");
	CHECK_STR(hdr[26], "Address 1 - Formatted");
	CHECK_STR(hdr[36], "Event 1 - Label");
	CHECK_STR(hdr[37], "Event 1 - Value");
	CHECK_STR(hdr[40], "IM 1 - Label");
	CHECK_STR(hdr[41], "IM 1 - Service");
	CHECK_STR(hdr[42], "IM 1 - Value");
	CHECK_STR(hdr[nh - 1], "Custom Field 3 - Value");
	csvmap_export_row("google", &dims, c, &row, &guard, &nr);
	CHECK_INT(nr, nh);
	CHECK_STR(row[12], "Finansije");
	CHECK_STR(row[16], "* myContacts ::: Porodica ::: * starred");
	CHECK_STR(row[17], "* Work");
	CHECK_STR(row[21], "Work Fax");
	CHECK_STR(row[26], "Knez Mihailova 12\n11000 Beograd\nSerbia");
	CHECK_STR(row[34], "Blog");
	CHECK_STR(row[36], "Anniversary");
	CHECK_STR(row[37], "--06-28");		/* Google's year-less form */
	CHECK(guard != NULL && guard[37] == 0);	/* never a "'" before it */
	CHECK_STR(row[38], "client since");
	CHECK_STR(row[39], "2015-03-01");
	CHECK_STR(row[40], "Work");
	CHECK_STR(row[41], "Skype");
	CHECK_STR(row[42], "ana.p");
	CHECK_STR(row[43], "Connected On");
	free(guard);

	hrec.n = nh;
	hrec.field = hdr;
	CHECK(csvmap_new(&hrec, NULL, NULL, &m, &err) == KITH_OK);
	CHECK_STR(csvmap_format(m), "google");
	rec.n = nr;
	rec.field = row;
	CHECK(csvmap_contact(m, &rec, &d, &warning, &err) == KITH_OK);
	if (d != NULL) {
		CHECK_STR(d->given, "Ana");
		CHECK_STR(d->birthday, "--07-02");
		CHECK_STR(d->emails[0].label, "work");
		CHECK_STR(d->emails[1].label, "home");
		CHECK_STR(d->phones[0].label, "work fax");
		CHECK_STR(d->addrs[0].street, "Knez Mihailova 12");
		CHECK_STR(d->urls[0].key, "blog");
		CHECK_INT(d->n_tags, 2);
		CHECK(has_tag(d, "starred"));
		CHECK_INT(d->n_custom, 1);
		CHECK_STR(d->department, "Finansije");
		CHECK_STR(custom_of(d, "Connected On"), "2024-10-14");
		CHECK_INT(d->n_dates, 2);
		CHECK_STR(d->dates[0].label, "anniversary");
		CHECK_STR(d->dates[0].date, "--06-28");
		CHECK_STR(d->dates[1].label, "client since");
		CHECK_STR(d->dates[1].date, "2015-03-01");
		CHECK_INT(d->n_ims, 1);
		CHECK_STR(d->ims[0].service, "Skype");
		CHECK_STR(d->ims[0].handle, "ana.p");
		CHECK_STR(d->ims[0].label, "work");
	}
	contact_free(d);
	free(warning);
	csvmap_free(m);
	csvmap_row_free(row, nr);
	csvmap_row_free(hdr, nh);
	contact_free(c);
}

static void
test_export_outlook(void)
{
	struct csvmap_dims dims = { 0 };
	struct csv_record hrec = { 0 }, rec = { 0 };
	struct recs	 rs;
	struct contact	*c, *d = NULL;
	struct csv_map	*m = NULL;
	struct contact_address a = { "work", "Bulevar 1", "Beograd", NULL,
	    "11000", "Serbia" };
	struct kith_err	 err;
	char		**hdr, **row, *warning = NULL;
	size_t		 nh, nr, i;

	CHECK(csvmap_export_header("outlook", &dims, &hdr, &nh, &err) ==
	    KITH_OK);
	CHECK_INT(nh, 62);
	CHECK_STR(hdr[61], "Categories");
	rs.n = 0;
	recs_parse(&rs, outlook_web_hdr, ',');
	CHECK(rs.n == 1 && rs.r[0].n == 61);
	for (i = 0; rs.n == 1 && i < 61 && i < nh; i++)
		CHECK_STR(hdr[i], rs.r[0].field[i]);
	recs_free(&rs);

	c = contact_new();
	contact_set(&c->prefix, "Dr.");
	contact_set(&c->given, "Ana");
	contact_set(&c->family, "Petrović");
	contact_set(&c->birthday, "1988-02-29");
	contact_set(&c->notes, "Met in Belgrade.");
	for (i = 0; i < 4; i++) {
		char *e = xasprintf("a%zu@example.com", i);

		contact_add_email(c, e, NULL);
		free(e);
	}
	contact_add_phone(c, "1", "mobile");
	contact_add_phone(c, "2", NULL);
	contact_add_phone(c, "3", "home");
	contact_add_phone(c, "4", "mobile");
	contact_add_phone(c, "5", "mobile");
	contact_add_address(c, &a);
	contact_add_tag(c, "VIP");
	contact_add_custom(c, "Spouse", "Marko");
	contact_add_custom(c, "Connected On", "2024-10-14");
	contact_set(&c->department, "Finansije");
	contact_add_im(c, "Skype", "ana.p", "work");
	contact_add_im(c, "Jabber", "ana@jabber.example", NULL);
	contact_add_date(c, "client since", "--03-01");
	contact_add_date(c, "anniversary", "2010-06-28");
	csvmap_export_row("outlook", &dims, c, &row, NULL, &nr);
	CHECK_INT(nr, 62);
	CHECK_STR(hdr[28], "IMAddress");
	CHECK_STR(row[28], "ana.p");
	CHECK_STR(hdr[30], "Department");
	CHECK_STR(row[30], "Finansije");
	CHECK_STR(hdr[59], "Anniversary");
	CHECK_STR(row[59], "6/28/2010");	/* M/D/YYYY, as en-US writes */
	CHECK_STR(row[3], "Dr.");
	CHECK_STR(row[10], "a2@example.com");
	CHECK_STR(row[11], "3");		/* Home Phone */
	CHECK_STR(row[15], "1");		/* Mobile Phone */
	CHECK_STR(row[17], "4");		/* Other Phone */
	CHECK_STR(row[18], "2");		/* Primary Phone */
	CHECK_STR(row[37], "Bulevar 1");
	CHECK_STR(row[53], "Marko");
	CHECK_STR(row[58], "2/29/1988");
	CHECK_STR(row[60], "Met in Belgrade.\n\nPhone (mobile): 5\n"
	    "E-mail: a3@example.com\n"
	    "IM (Jabber): ana@jabber.example\n"
	    "Client since: March 1 (no year)\n"
	    "Connected On: 2024-10-14");
	CHECK_STR(row[61], "VIP");

	hrec.n = nh;
	hrec.field = hdr;
	CHECK(csvmap_new(&hrec, NULL, NULL, &m, &err) == KITH_OK);
	CHECK_STR(csvmap_format(m), "outlook");
	rec.n = nr;
	rec.field = row;
	CHECK(csvmap_contact(m, &rec, &d, &warning, &err) == KITH_OK);
	if (d != NULL) {
		CHECK_STR(d->prefix, "Dr.");
		CHECK_STR(d->birthday, "1988-02-29");
		CHECK_INT(d->n_emails, 3);
		CHECK_INT(d->n_phones, 4);
		CHECK_STR(d->phones[0].raw, "2");	/* Primary first */
		CHECK_STR(d->phones[0].label, "main");
		CHECK_STR(d->addrs[0].label, "work");
		CHECK_STR(custom_of(d, "Spouse"), "Marko");
		CHECK_STR(d->department, "Finansije");
		CHECK(custom_of(d, "Department") == NULL);
		CHECK_INT(d->n_dates, 1);
		CHECK_STR(d->dates[0].label, "anniversary");
		CHECK_STR(d->dates[0].date, "2010-06-28");
		CHECK_INT(d->n_ims, 1);
		CHECK_STR(d->ims[0].handle, "ana.p");
		CHECK_INT(d->n_tags, 1);
		CHECK(has_tag(d, "VIP"));
	}
	contact_free(d);
	free(warning);
	csvmap_free(m);
	csvmap_row_free(row, nr);
	csvmap_row_free(hdr, nh);
	contact_free(c);
}

/*
 * Labelled columns in either order, with the usual separators, as address
 * books nobody here has seen name them: kind 'e' e-mail, 'p' phone, 'u'
 * URL, 'c' custom field (want: its key), '-' unknown (a custom field under
 * its own name).
 */
static void
test_labelled(void)
{
	static const struct {
		const char	*header;
		char		 kind;
		const char	*want;		/* label or key; NULL: none */
	} cases[] = {
		{ "Email Home", 'e', "home" },
		{ "Home Email", 'e', "home" },
		{ "E-mail (work)", 'e', "work" },
		{ "Work E-mail 2", 'e', "work" },
		{ "email_personal", 'e', "personal" },
		{ "Business e-mail address", 'e', "work" },
		{ "E-Mail: Other", 'e', "other" },
		{ "Home Mobile", 'p', "home mobile" },
		{ "Mobile Phone", 'p', "mobile" },
		{ "Phone (Mobile)", 'p', "mobile" },
		{ "Cell/Work", 'p', "mobile work" },
		{ "Tel. Office", 'p', "work" },
		{ "Telephone - Home 2", 'p', "home" },
		{ "Main Phone Number", 'p', "main" },
		{ "Fax (Business)", 'p', "fax work" },
		{ "Website Blog", 'u', "blog" },
		{ "Web Page", 'u', NULL },
		{ "Homepage (Personal)", 'u', "personal" },
		{ "URL work", 'u', "work" },
		{ "Web Site 2", 'u', NULL },
		/* Messaging: want "service" or "service/label", NULL none. */
		{ "IM Skype", 'i', "Skype" },
		{ "IM: jabber", 'i', "Jabber" },
		{ "IM (Threema)", 'i', "Threema" },
		{ "IM", 'i', NULL },
		{ "IM 2", 'i', NULL },
		{ "IMAddress", 'i', NULL },
		{ "IM Address", 'i', NULL },
		{ "Skype", 'i', "Skype" },
		{ "Skype ID", 'i', "Skype" },
		{ "Skype Name", 'i', "Skype" },
		{ "Skype (work)", 'i', "Skype/work" },
		{ "Work Jabber ID", 'i', "Jabber/work" },
		{ "Jabber", 'i', "Jabber" },
		{ "XMPP", 'i', "XMPP" },
		{ "ICQ", 'i', "ICQ" },
		{ "ICQ #", 'i', "ICQ" },
		{ "AIM Screen Name", 'i', "AIM" },
		{ "Yahoo ID", 'i', "Yahoo" },
		{ "MSN", 'i', "MSN" },
		{ "Google Talk", 'i', "Google Talk" },
		{ "Screen Name", 'i', NULL },
		/* Department: want the value. */
		{ "Department", 'd', "Tax" },
		{ "Organization Department", 'd', "Tax" },
		{ "Organization 1 - Department", 'd', "Tax" },
		{ "Abteilung", 'd', "Tax" },
		/* Dates: want the label. */
		{ "Anniversary", 'a', "anniversary" },
		{ "Wedding anniversary", 'a', "anniversary" },
		{ "Jahrestag", 'a', "anniversary" },
		{ "Client since", 'a', "client since" },
		{ "Home Wibble", '-', "Home Wibble" },
		{ "Email Phone", '-', "Email Phone" },
		{ "Home", '-', "Home" },
		{ "Email Name", '-', "Email Name" },
		{ "Skype Email", '-', "Skype Email" },
		{ "Teams", '-', "Teams" },
	};
	struct csv_map	*m;
	struct contact	*c;
	struct kith_err	 err;
	char		 hdr[128], buf[64], *warning;
	const char	*label;
	size_t		 i;
	int		 ok;

	for (i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		snprintf(hdr, sizeof hdr, "Name\t%s", cases[i].header);
		if ((m = map_of(hdr, '\t', NULL)) == NULL) {
			CHECK(0);
			continue;
		}
		c = NULL;
		warning = NULL;
		ok = contact_of(m, cases[i].kind == 'e' ? "Ana\ta@x.example" :
		    cases[i].kind == 'u' ? "Ana\thttps://x.example" :
		    cases[i].kind == 'a' ? "Ana\t2001-05-04" :
		    cases[i].kind == 'd' ? "Ana\tTax" :
		    cases[i].kind == 'i' ? "Ana\tana.p" :
		    "Ana\t+44 20 7946 0101", '\t', &c, &warning, &err)
		    == KITH_OK;
		CHECK(ok);
		if (!ok) {
			csvmap_free(m);
			continue;
		}
		label = NULL;
		switch (cases[i].kind) {
		case 'e':
			ok = c->n_emails == 1;
			label = ok ? c->emails[0].label : NULL;
			break;
		case 'p':
			ok = c->n_phones == 1;
			label = ok ? c->phones[0].label : NULL;
			break;
		case 'u':
			ok = c->n_urls == 1;
			label = ok ? c->urls[0].key : NULL;
			break;
		case 'i':
			ok = c->n_ims == 1 && c->n_custom == 0 &&
			    strcmp(c->ims[0].handle, "ana.p") == 0;
			if (ok && c->ims[0].label != NULL) {
				snprintf(buf, sizeof buf, "%s/%s",
				    c->ims[0].service ? c->ims[0].service :
				    "", c->ims[0].label);
				label = buf;
			} else
				label = ok ? c->ims[0].service : NULL;
			break;
		case 'd':
			ok = c->n_custom == 0;
			label = c->department;
			break;
		case 'a':
			ok = c->n_dates == 1 && c->n_custom == 0 &&
			    strcmp(c->dates[0].date, "2001-05-04") == 0;
			label = ok ? c->dates[0].label : NULL;
			break;
		default:
			ok = c->n_custom == 1;
			label = ok ? c->custom[0].key : NULL;
			break;
		}
		if (!ok || (label == NULL) != (cases[i].want == NULL) ||
		    (label != NULL && strcmp(label, cases[i].want) != 0))
			fprintf(stderr, "case %zu (%s): %s\n", i,
			    cases[i].header, label ? label : "(none)");
		CHECK(ok);
		if (cases[i].want == NULL)
			CHECK(label == NULL);
		else
			CHECK(label != NULL && strcmp(label, cases[i].want)
			    == 0);
		free(warning);
		contact_free(c);
		csvmap_free(m);
	}
}

/*
 * Google's Event and IM groups (current "- Label", legacy "- Type"), the
 * " ::: " cells, a date not understood, the placeholder years, and
 * Thunderbird's anniversary in three columns: real fields, not custom
 * ones.
 */
static void
test_events_ims(void)
{
	struct csv_map	*m;
	struct contact	*c = NULL;
	struct kith_err	 err;
	char		*warning = NULL;

	m = map_of("First Name\tEvent 1 - Label\tEvent 1 - Value\t"
	    "Event 2 - Type\tEvent 2 - Value\tIM 1 - Type\tIM 1 - Service\t"
	    "IM 1 - Value\tIM 2 - Label\tIM 2 - Value", '\t', "google");
	CHECK(m != NULL);
	if (m == NULL)
		return;
	CHECK(contact_of(m, "Ana\tAnniversary\t1604-06-28\tClient since\t"
	    "3/1/2015 ::: 5/4/2016\tWork\tSKYPE\tana.p ::: ana.q\t* Home\t"
	    "ana@jabber.example", '\t', &c, &warning, &err) == KITH_OK);
	CHECK(warning == NULL);
	if (c != NULL) {
		CHECK_INT(c->n_custom, 0);
		CHECK_INT(c->n_dates, 3);
		CHECK_STR(c->dates[0].label, "anniversary");
		CHECK_STR(c->dates[0].date, "--06-28");	/* 1604: no year */
		CHECK_STR(c->dates[1].label, "Client since");
		CHECK_STR(c->dates[1].date, "2015-03-01");
		CHECK_STR(c->dates[2].date, "2016-05-04");
		CHECK_INT(c->n_ims, 3);
		CHECK_STR(c->ims[0].service, "Skype");
		CHECK_STR(c->ims[0].handle, "ana.p");
		CHECK_STR(c->ims[0].label, "work");
		CHECK_STR(c->ims[1].handle, "ana.q");
		CHECK(c->ims[2].service == NULL);
		CHECK_STR(c->ims[2].label, "home");
	}
	contact_free(c);
	c = NULL;
	/* A date kith cannot read is kept, with a warning. */
	CHECK(contact_of(m, "Ana\tAnniversary\tsoon\t\t\t\t\t\t\t",
	    '\t', &c, &warning, &err) == KITH_OK);
	CHECK(warning != NULL && strstr(warning, "anniversary 'soon' not "
	    "understood") != NULL);
	if (c != NULL) {
		CHECK_INT(c->n_dates, 0);
		CHECK_STR(custom_of(c, "anniversary"), "soon");
	}
	contact_free(c);
	c = NULL;
	free(warning);
	warning = NULL;
	csvmap_free(m);

	/* Thunderbird-style anniversary columns, the year a placeholder. */
	m = map_of("First Name,Anniversary Year,Anniversary Month,"
	    "Anniversary Day,Screen Name", ',', "thunderbird");
	CHECK(m != NULL);
	if (m == NULL)
		return;
	CHECK(contact_of(m, "Ana,1900,6,28,anap", ',', &c, &warning, &err)
	    == KITH_OK);
	if (c != NULL) {
		CHECK_INT(c->n_custom, 0);
		CHECK(c->n_dates == 1 &&
		    strcmp(c->dates[0].date, "--06-28") == 0);
		CHECK(c->n_ims == 1 && strcmp(c->ims[0].service, "AIM") == 0);
	}
	contact_free(c);
	free(warning);
	csvmap_free(m);
}

TEST_MAIN(test_scores, test_detect, test_google, test_outlook, test_linkedin,
    test_thunderbird, test_eventbrite, test_generic, test_dates, test_ragged,
    test_user_map, test_describe, test_kith_round_trip, test_export_google,
    test_export_outlook, test_labelled, test_events_ims)
