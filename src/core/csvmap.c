/* SPDX-License-Identifier: MIT */
/*
 * Address-book CSV layouts: which column is which field, record by record
 * into a struct contact.  The export layouts are in csv_export.c.
 *
 * csvmap_new() reads the header once.  Each column name is folded (ASCII
 * lower case, Latin accents off, punctuation to single spaces, "e mail" to
 * "email") and resolved, in this order, against the table of known names,
 * the address patterns ("Home City", "Business Postal Code", "Straße
 * geschäftlich") and the numbered patterns of Google ("E-mail 2 - Value")
 * and Outlook ("E-mail 2 Address").  The result is a plan: each column has
 * a target, which is a contact field, a custom field, or one part of a
 * slot.  A slot gathers the columns of one e-mail, phone, URL, address or
 * label/value pair ("Phone 1 - Label" with "Phone 1 - Value").
 * csvmap_contact() only walks that plan and never compares header names,
 * so the cost per record is one pass over its cells.
 *
 * Invariants:
 * - Every non-empty cell reaches the contact, as a field or as a custom
 *   field.  The exceptions are known defaults (Outlook's "Unspecified",
 *   "Normal", "False" and "SMTP", Google's "* myContacts"), the "0/0/00"
 *   empty date, and redundant cells: Google's formatted address when the
 *   parts are there, Outlook's e-mail display name when it repeats the
 *   address.
 * - The kith layout round-trips exactly.  It is not trimmed, split or
 *   relabelled, and the "'" that export puts before a formula-like cell
 *   comes off again.  To stay exact for values that themselves start with
 *   "'", export adds one more "'" to a value that is a run of "'" followed
 *   by something csv_needs_neutralising() flags.  Import removes one "'"
 *   from any cell of that shape.
 * - No state outside the map: two maps may be used at once.
 */
#include <ctype.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/csvio.h"
#include "kith/util.h"
#include "csvmap.h"

enum fmt {
	FMT_GENERIC, FMT_GOOGLE, FMT_OUTLOOK, FMT_LINKEDIN, FMT_THUNDERBIRD,
	FMT_EVENTBRITE, FMT_KITH, FMT_COUNT,
	FMT_ANY = FMT_COUNT		/* header score: every layout's names */
};

#define FB(f)	(1u << (f))
#define GOO	FB(FMT_GOOGLE)
#define OUT	FB(FMT_OUTLOOK)
#define LIN	FB(FMT_LINKEDIN)

static const char *const fmt_names[FMT_COUNT] = {
	"generic", "google", "outlook", "linkedin", "thunderbird",
	"eventbrite", "kith"
};

enum target {
	T_IGNORE,		/* --map ignore */
	T_CUSTOM,		/* custom field col->key */
	T_JUNK,			/* custom field unless the cell is col->junk */
	T_DATE,			/* custom field, a date made YYYY-MM-DD */
	T_DISPLAY, T_PREFIX, T_GIVEN, T_MIDDLE, T_FAMILY, T_SUFFIX,
	T_NICKNAME,		/* name parts: trimmed */
	T_ORG, T_TITLE, T_NOTES,
	T_DEPARTMENT,		/* custom field "Department" */
	T_BIRTHDAY, T_BYEAR, T_BMONTH, T_BDAY,
	T_TAGS,			/* several tags, split as col->sep says */
	T_TAG,			/* one tag (kith) */
	T_CADENCE, T_ARCHIVED,	/* kith */
	T_PART			/* part col->part of slot col->slot */
};

enum slot_kind { S_EMAIL, S_PHONE, S_URL, S_ADDR, S_KV };

enum part {
	P_VALUE,		/* the e-mail, phone, URL; S_KV: the value */
	P_LABEL,		/* its label; S_KV: the key */
	P_DISPNAME,		/* Outlook "E-mail Display Name" */
	P_STREET, P_STREET2, P_STREET3, P_EXTENDED, P_CITY, P_REGION,
	P_POSTCODE, P_COUNTRY, P_FORMATTED,
	P_COUNT
};

struct slot {
	enum slot_kind	 kind;
	char		*group;		/* planning key ("email 2") or NULL */
	char		*label;		/* fixed label, or NULL */
	char		*fallback;	/* S_KV: key if the key cell is empty */
	int		 first;		/* its values go first (primary) */
	long		 col[P_COUNT];	/* column of each part, -1 if none */
};

struct col {
	char		*name;		/* header as written, trimmed */
	char		*key;		/* T_CUSTOM, T_JUNK, T_DATE: the key */
	const char	*junk;		/* T_JUNK: the default value not kept */
	enum target	 t;
	int		 slot;		/* T_PART: index into map->slots */
	enum part	 part;		/* T_PART */
	char		 sep;		/* T_TAGS: ':' " ::: ", ';', 'a' any */
};

struct csv_map {
	enum fmt	 fmt;
	size_t		 ncols;		/* header fields */
	size_t		 width;		/* up to the last named column */
	struct col	*cols;
	struct slot	*slots;
	size_t		 nslots;
};

/* How one header name resolves. */
struct res {
	enum target	 t;
	enum slot_kind	 kind;
	enum part	 part;
	const char	*label;		/* fixed slot label */
	const char	*junk;
	const char	*group;		/* slot group, NULL: a new slot */
	char		 gbuf[64];	/* storage for a built group */
	char		 lbuf[48];	/* storage for a built label */
	char		 kbuf[64];	/* T_CUSTOM: a built key, or "" */
	int		 first;
	char		 sep;
};

/* A known header name (folded). */
struct rule {
	const char	*name;
	unsigned	 fmts;		/* FB() of its layouts; 0: all */
	unsigned char	 t;		/* enum target */
	unsigned char	 kind;		/* T_PART: enum slot_kind */
	unsigned char	 part;		/* T_PART: enum part */
	unsigned char	 first;		/* T_PART: primary */
	const char	*arg;		/* label, junk value or tag separator */
	const char	*group;		/* T_PART: slot group */
};

#define R(n, t)		{ n, 0, t, 0, 0, 0, NULL, NULL }
#define RF(n, f, t)	{ n, f, t, 0, 0, 0, NULL, NULL }
#define RJ(n, junk)	{ n, 0, T_JUNK, 0, 0, 0, junk, NULL }
#define RT(n, sep)	{ n, 0, T_TAGS, 0, 0, 0, sep, NULL }
#define RE(n, label)	{ n, 0, T_PART, S_EMAIL, P_VALUE, 0, label, NULL }
#define RP(n, label)	{ n, 0, T_PART, S_PHONE, P_VALUE, 0, label, NULL }
#define RU(n, label)	{ n, 0, T_PART, S_URL, P_VALUE, 0, label, NULL }

static const struct rule rules[] = {
	/* Names. */
	R("name", T_DISPLAY), R("full name", T_DISPLAY),
	R("fullname", T_DISPLAY), R("display name", T_DISPLAY),
	R("contact", T_DISPLAY), R("contact name", T_DISPLAY),
	R("anzeigename", T_DISPLAY), R("vollstandiger name", T_DISPLAY),
	R("nom complet", T_DISPLAY), R("ime i prezime", T_DISPLAY),
	R("puno ime", T_DISPLAY),
	R("first name", T_GIVEN), R("first", T_GIVEN),
	R("firstname", T_GIVEN), R("given name", T_GIVEN),
	R("given", T_GIVEN), R("forename", T_GIVEN), R("vorname", T_GIVEN),
	R("prenom", T_GIVEN), R("ime", T_GIVEN),
	R("middle name", T_MIDDLE), R("middle", T_MIDDLE),
	R("additional name", T_MIDDLE), R("second name", T_MIDDLE),
	R("zweiter vorname", T_MIDDLE), R("weitere vornamen", T_MIDDLE),
	R("srednje ime", T_MIDDLE),
	R("last name", T_FAMILY), R("last", T_FAMILY),
	R("lastname", T_FAMILY), R("surname", T_FAMILY),
	R("family name", T_FAMILY), R("nachname", T_FAMILY),
	R("familienname", T_FAMILY), R("nom", T_FAMILY),
	R("nom de famille", T_FAMILY), R("prezime", T_FAMILY),
	RF("title", OUT, T_PREFIX),	/* Outlook's "Title" is "Dr." */
	R("name prefix", T_PREFIX), R("prefix", T_PREFIX),
	R("salutation", T_PREFIX), R("anrede", T_PREFIX),
	R("titel", T_PREFIX), R("civilite", T_PREFIX),
	R("name suffix", T_SUFFIX), R("suffix", T_SUFFIX),
	R("suffixe", T_SUFFIX),
	R("nickname", T_NICKNAME), R("nick", T_NICKNAME),
	R("spitzname", T_NICKNAME), R("surnom", T_NICKNAME),
	R("nadimak", T_NICKNAME),

	/* Work. */
	R("company", T_ORG), R("company name", T_ORG),
	R("organization", T_ORG), R("organisation", T_ORG),
	R("organization name", T_ORG), R("organisation name", T_ORG),
	R("employer", T_ORG), R("firm", T_ORG), R("firma", T_ORG),
	R("unternehmen", T_ORG), R("societe", T_ORG),
	R("entreprise", T_ORG), R("kompanija", T_ORG),
	R("preduzece", T_ORG), R("organizacija", T_ORG),
	R("department", T_DEPARTMENT),
	R("organization department", T_DEPARTMENT),
	R("abteilung", T_DEPARTMENT), R("odeljenje", T_DEPARTMENT),
	R("title", T_TITLE), R("job title", T_TITLE), R("jobtitle", T_TITLE),
	R("organization title", T_TITLE), R("position", T_TITLE),
	R("role", T_TITLE), R("job", T_TITLE),
	R("berufsbezeichnung", T_TITLE), R("funktion", T_TITLE),
	R("poste", T_TITLE), R("fonction", T_TITLE),
	R("pozicija", T_TITLE), R("funkcija", T_TITLE),
	R("zvanje", T_TITLE), R("radno mesto", T_TITLE),

	/* Dates. */
	R("birthday", T_BIRTHDAY), R("birth date", T_BIRTHDAY),
	R("birthdate", T_BIRTHDAY), R("date of birth", T_BIRTHDAY),
	R("dob", T_BIRTHDAY), R("geburtstag", T_BIRTHDAY),
	R("geburtsdatum", T_BIRTHDAY), R("date de naissance", T_BIRTHDAY),
	R("anniversaire", T_BIRTHDAY), R("rodjendan", T_BIRTHDAY),
	R("datum rodjenja", T_BIRTHDAY),
	R("birth year", T_BYEAR), R("birth month", T_BMONTH),
	R("birth day", T_BDAY),
	R("anniversary", T_DATE), R("connected on", T_DATE),

	/* Notes and tags. */
	R("notes", T_NOTES), R("note", T_NOTES), R("comments", T_NOTES),
	R("comment", T_NOTES), R("remarks", T_NOTES), R("memo", T_NOTES),
	R("notizen", T_NOTES), R("notiz", T_NOTES),
	R("bemerkungen", T_NOTES), R("bemerkung", T_NOTES),
	R("anmerkungen", T_NOTES), R("kommentar", T_NOTES),
	R("remarques", T_NOTES), R("commentaires", T_NOTES),
	R("commentaire", T_NOTES), R("napomena", T_NOTES),
	R("napomene", T_NOTES), R("beleske", T_NOTES),
	R("komentar", T_NOTES),
	RT("labels", ":"), RT("group membership", ":"),
	{ "categories", OUT, T_TAGS, 0, 0, 0, ";", NULL },
	RT("categories", "a"), RT("category", "a"), RT("tags", "a"),
	RT("tag", "a"), RT("groups", "a"), RT("kategorien", "a"),
	RT("gruppen", "a"), RT("etiquettes", "a"), RT("groupes", "a"),
	RT("grupe", "a"), RT("oznake", "a"), RT("kategorije", "a"),

	/* Fixed values of Outlook (and Google's legacy layout). */
	RJ("gender", "Unspecified"), RJ("priority", "Normal"),
	RJ("private", "False"), RJ("sensitivity", "Normal"),
	RJ("email type", "SMTP"),

	/* E-mail. */
	{ "email address", 0, T_PART, S_EMAIL, P_VALUE, 0, NULL, "email 1" },
	{ "email display name", 0, T_PART, S_EMAIL, P_DISPNAME, 0, NULL,
	    "email 1" },
	RE("email", NULL), RE("mail", NULL), RE("email adresse", NULL),
	RE("emailadresse", NULL), RE("courriel", NULL),
	RE("adresse email", NULL), RE("adresse de messagerie", NULL),
	RE("email adresa", NULL), RE("e posta", NULL),
	RE("primary email", NULL), RE("secondary email", NULL),
	RE("work email", "work"), RE("business email", "work"),
	RE("home email", "home"), RE("personal email", "personal"),
	RE("other email", "other"),

	/* Phones. */
	RP("phone", NULL), RP("telephone", NULL), RP("tel", NULL),
	RP("phone number", NULL), RP("telephone number", NULL),
	RP("telefon", NULL), RP("telefonnummer", NULL),
	RP("numero de telephone", NULL), RP("broj telefona", NULL),
	{ "primary phone", 0, T_PART, S_PHONE, P_VALUE, 1, "main", NULL },
	RP("mobile", "mobile"), RP("mobile phone", "mobile"),
	RP("mobile number", "mobile"), RP("cell", "mobile"),
	RP("cell phone", "mobile"), RP("cellphone", "mobile"),
	RP("handy", "mobile"), RP("mobil", "mobile"),
	RP("mobiltelefon", "mobile"), RP("mobilnummer", "mobile"),
	RP("portable", "mobile"), RP("telephone portable", "mobile"),
	RP("tel mobile", "mobile"), RP("mobilni", "mobile"),
	RP("mobilni telefon", "mobile"),
	RP("business phone", "work"), RP("business phone 2", "work"),
	RP("work phone", "work"), RP("office phone", "work"),
	RP("telefon geschaftlich", "work"),
	RP("telefon geschaftlich 2", "work"),
	RP("telephone bureau", "work"), RP("telephone bureau 2", "work"),
	RP("poslovni telefon", "work"),
	RP("home phone", "home"), RP("home phone 2", "home"),
	RP("telefon privat", "home"), RP("telefon privat 2", "home"),
	RP("telephone domicile", "home"), RP("telephone domicile 2", "home"),
	RP("kucni telefon", "home"),
	RP("business fax", "work fax"), RP("fax geschaftlich", "work fax"),
	RP("home fax", "home fax"), RP("fax privat", "home fax"),
	RP("other fax", "other fax"), RP("weiteres fax", "other fax"),
	RP("fax", "fax"), RP("fax number", "fax"), RP("telefax", "fax"),
	RP("other phone", "other"), RP("weiteres telefon", "other"),
	RP("autre telephone", "other"),
	RP("pager", "pager"), RP("pager number", "pager"),
	RP("car phone", "car"), RP("autotelefon", "car"),
	RP("assistant s phone", "assistant"), RP("callback", "callback"),
	RP("company main phone", "company main"), RP("isdn", "isdn"),
	RP("radio phone", "radio"), RP("telex", "telex"),
	RP("tty tdd phone", "tty"),

	/* Web. */
	{ "url", LIN, T_PART, S_URL, P_VALUE, 0, "linkedin", NULL },
	RU("url", NULL), RU("website", NULL), RU("web site", NULL),
	RU("web", NULL), RU("web page", NULL), RU("webpage", NULL),
	RU("homepage", NULL), RU("home page", NULL), RU("webseite", NULL),
	RU("internetseite", NULL), RU("site web", NULL),
	RU("site internet", NULL), RU("sajt", NULL), RU("veb sajt", NULL),
	RU("web page 1", "work"), RU("web page 2", "home"),
	RU("personal web page", "personal"), RU("linkedin", "linkedin"),
	RU("linkedin url", "linkedin"), RU("linkedin profile", "linkedin"),
	RU("twitter", "twitter"), RU("github", "github"), RU("blog", "blog"),
};

/* Words that say whose address a column is, before or after the part. */
static const struct {
	const char	*word;
	const char	*label;
} addr_groups[] = {
	{ "business", "work" }, { "work", "work" }, { "office", "work" },
	{ "home", "home" }, { "other", "other" }, { "billing", "billing" },
	{ "shipping", "shipping" }, { "mailing", "mailing" },
	{ "geschaftlich", "work" }, { "privat", "home" },
	{ "weitere", "other" }, { "bureau", "work" }, { "domicile", "home" },
	{ "autre", "other" },
};

static const struct {
	const char	*name;
	enum part	 part;
} addr_parts[] = {
	{ "street", P_STREET }, { "street 1", P_STREET },
	{ "street 2", P_STREET2 }, { "street 3", P_STREET3 },
	{ "address", P_STREET }, { "address 1", P_STREET },
	{ "address 2", P_STREET2 }, { "address 3", P_STREET3 },
	{ "address line 1", P_STREET }, { "address line 2", P_STREET2 },
	{ "address line 3", P_STREET3 }, { "street address", P_STREET },
	{ "strasse", P_STREET }, { "adresse", P_STREET },
	{ "anschrift", P_STREET }, { "adresa", P_STREET },
	{ "ulica", P_STREET }, { "rue", P_STREET },
	{ "city", P_CITY }, { "town", P_CITY }, { "ort", P_CITY },
	{ "stadt", P_CITY }, { "wohnort", P_CITY }, { "ville", P_CITY },
	{ "grad", P_CITY }, { "mesto", P_CITY },
	{ "state", P_REGION }, { "region", P_REGION },
	{ "province", P_REGION }, { "county", P_REGION },
	{ "state province", P_REGION }, { "bundesland", P_REGION },
	{ "postal code", P_POSTCODE }, { "postcode", P_POSTCODE },
	{ "post code", P_POSTCODE }, { "zip", P_POSTCODE },
	{ "zip code", P_POSTCODE }, { "zipcode", P_POSTCODE },
	{ "plz", P_POSTCODE }, { "postleitzahl", P_POSTCODE },
	{ "code postal", P_POSTCODE }, { "postanski broj", P_POSTCODE },
	{ "country", P_COUNTRY }, { "country region", P_COUNTRY },
	{ "land", P_COUNTRY }, { "land region", P_COUNTRY },
	{ "pays", P_COUNTRY }, { "pays region", P_COUNTRY },
	{ "drzava", P_COUNTRY }, { "zemlja", P_COUNTRY },
};

/* Column names that only one layout writes, for detection. */
static const struct {
	const char	*name;
	enum fmt	 fmt;
	int		 weight;
} signatures[] = {
	{ "phonetic first name", FMT_GOOGLE, 1 },
	{ "phonetic last name", FMT_GOOGLE, 1 },
	{ "file as", FMT_GOOGLE, 1 }, { "labels", FMT_GOOGLE, 1 },
	{ "organization name", FMT_GOOGLE, 1 },
	{ "organization title", FMT_GOOGLE, 1 },
	{ "email 1 value", FMT_GOOGLE, 1 }, { "email 1 label", FMT_GOOGLE, 1 },
	{ "phone 1 value", FMT_GOOGLE, 1 },
	{ "given name", FMT_GOOGLE, 1 }, { "additional name", FMT_GOOGLE, 1 },
	{ "family name", FMT_GOOGLE, 1 },
	{ "group membership", FMT_GOOGLE, 1 },
	{ "email 1 type", FMT_GOOGLE, 1 }, { "yomi name", FMT_GOOGLE, 1 },
	{ "name prefix", FMT_GOOGLE, 1 },
	{ "email address", FMT_OUTLOOK, 1 }, { "email type", FMT_OUTLOOK, 1 },
	{ "email display name", FMT_OUTLOOK, 1 },
	{ "email 2 address", FMT_OUTLOOK, 1 },
	{ "business street", FMT_OUTLOOK, 1 },
	{ "home street", FMT_OUTLOOK, 1 },
	{ "business phone", FMT_OUTLOOK, 1 },
	{ "mobile phone", FMT_OUTLOOK, 1 },
	{ "primary phone", FMT_OUTLOOK, 1 },
	{ "given yomi", FMT_OUTLOOK, 1 }, { "surname yomi", FMT_OUTLOOK, 1 },
	{ "business country region", FMT_OUTLOOK, 1 },
	{ "categories", FMT_OUTLOOK, 1 },
	{ "personal web page", FMT_OUTLOOK, 1 },
	{ "assistant s phone", FMT_OUTLOOK, 1 },
	{ "strasse geschaftlich", FMT_OUTLOOK, 1 },
	{ "telefon geschaftlich", FMT_OUTLOOK, 1 },
	{ "email adresse", FMT_OUTLOOK, 1 },
	{ "telephone bureau", FMT_OUTLOOK, 1 },
	{ "connected on", FMT_LINKEDIN, 2 }, { "position", FMT_LINKEDIN, 1 },
	{ "url", FMT_LINKEDIN, 1 },
	{ "primary email", FMT_THUNDERBIRD, 1 },
	{ "secondary email", FMT_THUNDERBIRD, 1 },
	{ "screen name", FMT_THUNDERBIRD, 1 },
	{ "mobile number", FMT_THUNDERBIRD, 1 },
	{ "pager number", FMT_THUNDERBIRD, 1 },
	{ "fax number", FMT_THUNDERBIRD, 1 },
	{ "home zipcode", FMT_THUNDERBIRD, 1 },
	{ "work zipcode", FMT_THUNDERBIRD, 1 },
	{ "birth year", FMT_THUNDERBIRD, 1 },
	{ "web page 1", FMT_THUNDERBIRD, 1 },
	{ "custom 1", FMT_THUNDERBIRD, 1 },
	{ "order", FMT_EVENTBRITE, 1 }, { "order date", FMT_EVENTBRITE, 1 },
	{ "attendee", FMT_EVENTBRITE, 1 }, { "ticket type", FMT_EVENTBRITE, 1 },
	{ "price tier", FMT_EVENTBRITE, 1 }, { "quantity", FMT_EVENTBRITE, 1 },
	{ "attendee status", FMT_EVENTBRITE, 1 },
	{ "total paid", FMT_EVENTBRITE, 1 },
	{ "eventbrite fees", FMT_EVENTBRITE, 1 },
	{ "qty", FMT_EVENTBRITE, 1 },
};

/* Labels written in lower case whatever case the file uses. */
static const char *const std_labels[] = {
	"home", "work", "mobile", "other", "main", "pager", "fax",
	"home fax", "work fax", "other fax", "google voice", "work mobile",
	"work pager", "assistant", "car", "callback", "company main", "isdn",
	"radio", "telex", "tty", "personal", "business", "cell", "iphone",
	"blog", "profile", "home page", "homepage", "ftp", "linkedin",
};

/* Latin letters with accents, as ASCII. */
static const struct {
	unsigned short	 lo, hi;
	const char	*ascii;
} fold_ranges[] = {
	{ 0x00C0, 0x00C5, "a" }, { 0x00C6, 0x00C6, "ae" },
	{ 0x00C7, 0x00C7, "c" }, { 0x00C8, 0x00CB, "e" },
	{ 0x00CC, 0x00CF, "i" }, { 0x00D0, 0x00D0, "d" },
	{ 0x00D1, 0x00D1, "n" }, { 0x00D2, 0x00D6, "o" },
	{ 0x00D8, 0x00D8, "o" }, { 0x00D9, 0x00DC, "u" },
	{ 0x00DD, 0x00DD, "y" }, { 0x00DE, 0x00DE, "th" },
	{ 0x00DF, 0x00DF, "ss" }, { 0x00E0, 0x00E5, "a" },
	{ 0x00E6, 0x00E6, "ae" }, { 0x00E7, 0x00E7, "c" },
	{ 0x00E8, 0x00EB, "e" }, { 0x00EC, 0x00EF, "i" },
	{ 0x00F0, 0x00F0, "d" }, { 0x00F1, 0x00F1, "n" },
	{ 0x00F2, 0x00F6, "o" }, { 0x00F8, 0x00F8, "o" },
	{ 0x00F9, 0x00FC, "u" }, { 0x00FD, 0x00FD, "y" },
	{ 0x00FE, 0x00FE, "th" }, { 0x00FF, 0x00FF, "y" },
	{ 0x0100, 0x0105, "a" }, { 0x0106, 0x010D, "c" },
	{ 0x010E, 0x010F, "d" }, { 0x0110, 0x0111, "dj" },
	{ 0x0112, 0x011B, "e" }, { 0x011C, 0x0123, "g" },
	{ 0x0124, 0x0127, "h" }, { 0x0128, 0x0131, "i" },
	{ 0x0132, 0x0133, "ij" }, { 0x0134, 0x0135, "j" },
	{ 0x0136, 0x0138, "k" }, { 0x0139, 0x0142, "l" },
	{ 0x0143, 0x014B, "n" }, { 0x014C, 0x0151, "o" },
	{ 0x0152, 0x0153, "oe" }, { 0x0154, 0x0159, "r" },
	{ 0x015A, 0x0161, "s" }, { 0x0162, 0x0167, "t" },
	{ 0x0168, 0x0173, "u" }, { 0x0174, 0x0175, "w" },
	{ 0x0176, 0x0178, "y" }, { 0x0179, 0x017E, "z" },
	{ 0x017F, 0x017F, "s" },
};

/* The state of one record being turned into a contact. */
struct build {
	const struct csv_map	*m;
	const struct csv_record	*rec;
	size_t			 n;		/* cells that have a column */
	struct contact		*c;
	struct sbuf		 warn;
	long			 prim[3];	/* primary e-mail, phone, URL */
};

static char		*fold_name(const char *);
static void		 fold_emit(struct sbuf *, int *, const char *, size_t);
static const char	*trim_name(const char *, size_t *);
static size_t		 ws_prefix(const char *);
static size_t		 ws_suffix(const char *, size_t);
static int		 blank(const char *);
static const char	*std_label(const char *);

static int		 resolve(enum fmt, const char *, const char *,
			    struct res *);
static int		 resolve_rule(enum fmt, const char *, struct res *);
static int		 resolve_address(const char *, struct res *);
static int		 resolve_numbered(const char *, const char *,
			    struct res *);
static int		 resolve_kith(const char *, struct res *);
static int		 resolve_labelled(const char *, struct res *);
static int		 split_numbered(const char *, char *, size_t, long *,
			    const char **);
static enum fmt		 detect(const struct csv_record *);
static void		 plan_column(struct csv_map *, size_t, const char *);
static int		 slot_get(struct csv_map *, enum slot_kind,
			    const char *, enum part, const char *, int,
			    const char *);
static void		 col_detach(struct csv_map *, struct col *);
static enum kith_status	 apply_user_map(struct csv_map *, const char *,
			    struct kith_err *);
static enum kith_status	 apply_one(struct csv_map *, const char *, size_t,
			    const char *, size_t, struct kith_err *);

static const char	*cell(const struct build *, long);
static int		 cell_empty(const struct csv_map *, const char *);
static const char	*unneutralise(const char *);
static void		 warnf(struct build *, const char *, ...)
			    __attribute__((format(printf, 2, 3)));
static char		**scalar(struct contact *, enum target);
static void		 set_scalar(struct build *, const struct col *,
			    const char *);
static void		 add_tags(struct build *, const struct col *,
			    const char *);
static void		 add_tag_piece(struct contact *, const char *, size_t);
static void		 set_birthday(struct build *, const char *,
			    const char *);
static void		 birth_parts(struct build *, const long[3]);
static void		 build_slot(struct build *, const struct slot *);
static size_t		 count_of(const struct contact *, enum slot_kind);
static void		 add_value(struct build *, enum slot_kind,
			    const char *, size_t, const char *);
static void		 build_address(struct build *, const struct slot *);
static void		 put_first(struct contact *, enum slot_kind, long);
static int		 parse_date(const char *, char[11]);
static int		 valid_date(int, int, int);
static int		 parse_uint(const char *, int *);


/* Header folding. */

/*
 * The folded form of a header name (caller frees): ASCII lower case,
 * accented Latin letters as ASCII, everything else that is not a letter or
 * digit as single spaces, no leading or trailing space, "e mail" as
 * "email".  Letters of other scripts are kept as they are.
 */
static char *
fold_name(const char *s)
{
	struct sbuf	 sb = { 0 };
	const unsigned char *p = (const unsigned char *)s;
	unsigned	 cp;
	size_t		 i, k;
	int		 space = 0, found;
	char		 c;

	while (*p != '\0') {
		if (*p < 0x80) {
			c = (char)tolower(*p);
			if (isalnum(*p))
				fold_emit(&sb, &space, &c, 1);
			else
				space = 1;
			p++;
			continue;
		}
		if ((*p & 0xE0) == 0xC0 && (p[1] & 0xC0) == 0x80) {
			cp = ((unsigned)(*p & 0x1F) << 6) | (p[1] & 0x3F);
			found = 0;
			for (k = 0; k < sizeof fold_ranges /
			    sizeof fold_ranges[0]; k++) {
				if (cp >= fold_ranges[k].lo &&
				    cp <= fold_ranges[k].hi) {
					fold_emit(&sb, &space,
					    fold_ranges[k].ascii,
					    strlen(fold_ranges[k].ascii));
					found = 1;
					break;
				}
			}
			if (!found && cp < 0xC0)	/* signs, NBSP */
				space = 1;
			else if (!found)
				fold_emit(&sb, &space, (const char *)p, 2);
			p += 2;
			continue;
		}
		if ((*p & 0xF0) == 0xE0 && (p[1] & 0xC0) == 0x80 &&
		    (p[2] & 0xC0) == 0x80) {
			cp = ((unsigned)(*p & 0x0F) << 12) |
			    ((unsigned)(p[1] & 0x3F) << 6) | (p[2] & 0x3F);
			if ((cp >= 0x2000 && cp <= 0x206F) || cp == 0x3000 ||
			    cp == 0xFEFF)
				space = 1;	/* punctuation, spaces, BOM */
			else
				fold_emit(&sb, &space, (const char *)p, 3);
			p += 3;
			continue;
		}
		/* Four-byte letters, or bytes that are not UTF-8. */
		k = 1;
		while (p[k] != '\0' && (p[k] & 0xC0) == 0x80 && k < 4)
			k++;
		fold_emit(&sb, &space, (const char *)p, k);
		p += k;
	}
	if (sb.s == NULL)
		return xstrdup("");
	/* "e mail" -> "email", as a whole word pair. */
	for (i = 0; i + 6 <= sb.len; i++) {
		if (memcmp(sb.s + i, "e mail", 6) == 0 &&
		    (i == 0 || sb.s[i - 1] == ' ') &&
		    (sb.s[i + 6] == '\0' || sb.s[i + 6] == ' ')) {
			memmove(sb.s + i + 1, sb.s + i + 2, sb.len - i - 1);
			sb.len--;
		}
	}
	return sbuf_detach(&sb);
}

/* Appends n bytes of a word to sb, after one space if one is pending. */
static void
fold_emit(struct sbuf *sb, int *space, const char *s, size_t n)
{
	if (*space && sb->len > 0)
		sbuf_addc(sb, ' ');
	*space = 0;
	sbuf_addn(sb, s, n);
}

/* Bytes of white space (ASCII, NBSP and their kin) that s starts with. */
static size_t
ws_prefix(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t		 i = 0;

	for (;;) {
		if (p[i] == ' ' || p[i] == '\t' || p[i] == '\r' ||
		    p[i] == '\n' || p[i] == '\v' || p[i] == '\f')
			i++;
		else if (p[i] == 0xC2 && p[i + 1] == 0xA0)
			i += 2;				/* U+00A0 */
		else if (p[i] == 0xE2 && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0xAF || p[i + 2] == 0x87))
			i += 3;				/* U+202F, U+2007 */
		else if (p[i] == 0xE3 && p[i + 1] == 0x80 && p[i + 2] == 0x80)
			i += 3;				/* U+3000 */
		else if (p[i] == 0xEF && p[i + 1] == 0xBB && p[i + 2] == 0xBF)
			i += 3;				/* U+FEFF */
		else
			return i;
	}
}

/* Bytes of white space that the first len bytes of s end with. */
static size_t
ws_suffix(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t		 n = len;

	for (;;) {
		if (n >= 1 && (p[n - 1] == ' ' || p[n - 1] == '\t' ||
		    p[n - 1] == '\r' || p[n - 1] == '\n' || p[n - 1] == '\v' ||
		    p[n - 1] == '\f'))
			n--;
		else if (n >= 2 && p[n - 2] == 0xC2 && p[n - 1] == 0xA0)
			n -= 2;
		else if (n >= 3 && p[n - 3] == 0xE2 && p[n - 2] == 0x80 &&
		    (p[n - 1] == 0xAF || p[n - 1] == 0x87))
			n -= 3;
		else if (n >= 3 && p[n - 3] == 0xE3 && p[n - 2] == 0x80 &&
		    p[n - 1] == 0x80)
			n -= 3;
		else if (n >= 3 && p[n - 3] == 0xEF && p[n - 2] == 0xBB &&
		    p[n - 1] == 0xBF)
			n -= 3;
		else
			return len - n;
	}
}

/* s without surrounding white space: returns the start, *len the length. */
static const char *
trim_name(const char *s, size_t *len)
{
	size_t	 n;

	s += ws_prefix(s);
	n = strlen(s);
	*len = n - ws_suffix(s, n);
	return s;
}

static int
blank(const char *s)
{
	return s[ws_prefix(s)] == '\0';
}

/* The lower-case spelling of a standard label, or NULL. */
static const char *
std_label(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof std_labels / sizeof std_labels[0]; i++)
		if (strcasecmp(s, std_labels[i]) == 0)
			return std_labels[i];
	return NULL;
}

/* Resolving names. */

/* Fills r for folded name f (header as written: name); 0 if unknown. */
static int
resolve(enum fmt fmt, const char *f, const char *name, struct res *r)
{
	memset(r, 0, sizeof *r);
	if (fmt == FMT_KITH)
		return resolve_kith(f, r);
	if (resolve_rule(fmt, f, r) || resolve_address(f, r) ||
	    resolve_numbered(f, name, r))
		return 1;
	memset(r, 0, sizeof *r);
	return resolve_labelled(f, r);
}

static int
resolve_rule(enum fmt fmt, const char *f, struct res *r)
{
	const struct rule *ru;
	size_t		 i;

	for (i = 0; i < sizeof rules / sizeof rules[0]; i++) {
		ru = &rules[i];
		if (ru->fmts != 0 && fmt != FMT_ANY &&
		    (ru->fmts & FB(fmt)) == 0)
			continue;
		if (strcmp(ru->name, f) != 0)
			continue;
		r->t = ru->t;
		r->kind = ru->kind;
		r->part = ru->part;
		r->first = ru->first;
		r->group = ru->group;
		if (ru->t == T_JUNK)
			r->junk = ru->arg;
		else if (ru->t == T_TAGS)
			r->sep = ru->arg[0];
		else
			r->label = ru->arg;
		return 1;
	}
	return 0;
}

/* "Home City", "Business Street 2", "Ort geschäftlich", "Zip". */
static int
resolve_address(const char *f, struct res *r)
{
	const char	*rest, *label = NULL;
	size_t		 i, j, wl, fl = strlen(f);

	for (i = 0; i < sizeof addr_groups / sizeof addr_groups[0]; i++) {
		wl = strlen(addr_groups[i].word);
		if (fl <= wl + 1)
			continue;
		for (j = 0; j < sizeof addr_parts / sizeof addr_parts[0];
		    j++) {
			/* The group word before the part... */
			rest = f + wl + 1;
			if (strncmp(f, addr_groups[i].word, wl) == 0 &&
			    f[wl] == ' ' && strcmp(rest, addr_parts[j].name)
			    == 0)
				goto found;
			/* ...or after it. */
			if (strcmp(f + fl - wl, addr_groups[i].word) == 0 &&
			    f[fl - wl - 1] == ' ' &&
			    strlen(addr_parts[j].name) == fl - wl - 1 &&
			    strncmp(f, addr_parts[j].name, fl - wl - 1) == 0)
				goto found;
		}
	}
	i = sizeof addr_groups / sizeof addr_groups[0];
	for (j = 0; j < sizeof addr_parts / sizeof addr_parts[0]; j++)
		if (strcmp(f, addr_parts[j].name) == 0)
			goto found;
	return 0;
found:
	if (i < sizeof addr_groups / sizeof addr_groups[0])
		label = addr_groups[i].label;
	r->t = T_PART;
	r->kind = S_ADDR;
	r->part = addr_parts[j].part;
	r->label = label;
	snprintf(r->gbuf, sizeof r->gbuf, "address %s",
	    label != NULL ? label : "");
	r->group = r->gbuf;
	return 1;
}

/*
 * Google's "E-mail 2 - Value", "Address 1 - Postal Code", "Custom Field 1
 * - Label", "Organization 1 - Title" (legacy); Outlook's "E-mail 2
 * Address", "E-mail 2 Type", "E-mail 2 Display Name".
 */
static int
resolve_numbered(const char *f, const char *name, struct res *r)
{
	static const struct {
		const char	*name;
		enum part	 part;
	} gaddr[] = {
		{ "label", P_LABEL }, { "type", P_LABEL },
		{ "formatted", P_FORMATTED }, { "street", P_STREET },
		{ "city", P_CITY }, { "region", P_REGION },
		{ "postal code", P_POSTCODE }, { "country", P_COUNTRY },
		{ "extended address", P_EXTENDED },
	};
	char		 kind[48];
	const char	*part;
	long		 num;
	size_t		 i;
	int		 google;

	if (!split_numbered(f, kind, sizeof kind, &num, &part))
		return 0;
	google = strstr(name, " - ") != NULL;
	r->t = T_PART;
	r->part = P_VALUE;
	snprintf(r->gbuf, sizeof r->gbuf, "%s %ld", kind, num);
	r->group = r->gbuf;
	if (strcmp(kind, "email") == 0 || strcmp(kind, "phone") == 0 ||
	    strcmp(kind, "website") == 0) {
		r->kind = kind[0] == 'e' ? S_EMAIL : kind[0] == 'p' ? S_PHONE :
		    S_URL;
		if (strcmp(part, "value") == 0 || (r->kind == S_EMAIL &&
		    (strcmp(part, "address") == 0 ||
		    strcmp(part, "adresse") == 0)))
			return 1;
		if (strcmp(part, "label") == 0 || (google &&
		    strcmp(part, "type") == 0)) {
			r->part = P_LABEL;
			return 1;
		}
		if (r->kind == S_EMAIL && strcmp(part, "type") == 0) {
			r->t = T_JUNK;
			r->junk = "SMTP";
			return 1;
		}
		if (r->kind == S_EMAIL && strcmp(part, "display name") == 0) {
			r->part = P_DISPNAME;
			return 1;
		}
		return 0;
	}
	if (strcmp(kind, "address") == 0) {
		r->kind = S_ADDR;
		for (i = 0; i < sizeof gaddr / sizeof gaddr[0]; i++) {
			if (strcmp(part, gaddr[i].name) == 0) {
				r->part = gaddr[i].part;
				return 1;
			}
		}
		return 0;	/* "PO Box": a custom field */
	}
	if (strcmp(kind, "organization") == 0) {
		if (strcmp(part, "name") == 0)
			r->t = T_ORG;
		else if (strcmp(part, "title") == 0)
			r->t = T_TITLE;
		else if (strcmp(part, "department") == 0)
			r->t = T_DEPARTMENT;
		else
			return 0;
		return 1;
	}
	/* Custom Field, Event, Relation, IM, ...: key and value. */
	r->kind = S_KV;
	if (strcmp(part, "value") == 0)
		return 1;
	if (strcmp(part, "label") == 0 || strcmp(part, "type") == 0) {
		r->part = P_LABEL;
		return 1;
	}
	return 0;
}

/*
 * A header no table names, read as words in any order: label words
 * ("home", "work", "business", "mobile", "blog", ...), one kind ("email",
 * "phone", "fax", "web page", "im", ...) and perhaps a number, as in
 * "Email Home", "Home Email", "E-mail (work)", "Work E-mail 2", "Home
 * Mobile", "Website Blog", "IM Skype".  fold_name has made separators
 * single spaces and "e mail" "email".  Any other word: 0, not known, so
 * the column stays a custom field under its own name.
 */
static int
resolve_labelled(const char *f, struct res *r)
{
	static const struct {
		const char	*word;
		const char	*label;		/* as stored; NULL: none */
		signed char	 kind;		/* -1: a label only */
	} words[] = {
		{ "home", "home", -1 }, { "work", "work", -1 },
		{ "business", "work", -1 }, { "office", "work", -1 },
		{ "other", "other", -1 }, { "personal", "personal", -1 },
		{ "private", "home", -1 }, { "main", "main", -1 },
		{ "primary", NULL, -1 }, { "blog", "blog", -1 },
		{ "school", "school", -1 }, { "company", "company", -1 },
		{ "number", NULL, -1 }, { "address", NULL, -1 },
		{ "no", NULL, -1 }, { "nr", NULL, -1 },
		{ "email", NULL, S_EMAIL }, { "mail", NULL, S_EMAIL },
		{ "phone", NULL, S_PHONE }, { "telephone", NULL, S_PHONE },
		{ "tel", NULL, S_PHONE }, { "mobile", "mobile", S_PHONE },
		{ "cell", "mobile", S_PHONE }, { "cellphone", "mobile", S_PHONE },
		{ "fax", "fax", S_PHONE }, { "pager", "pager", S_PHONE },
		{ "web", NULL, S_URL }, { "website", NULL, S_URL },
		{ "webpage", NULL, S_URL }, { "url", NULL, S_URL },
		{ "homepage", NULL, S_URL }, { "page", NULL, S_URL },
		{ "site", NULL, S_URL },
	};
	char		 buf[128], *w, *save = NULL, label[48] = "";
	const char	*service = NULL;
	size_t		 i;
	int		 kind = -1, im = 0, n = 0;

	if (strlen(f) >= sizeof buf)
		return 0;
	snprintf(buf, sizeof buf, "%s", f);
	for (w = strtok_r(buf, " ", &save); w != NULL;
	    w = strtok_r(NULL, " ", &save), n++) {
		if (isdigit((unsigned char)*w)) {
			if (strspn(w, "0123456789") != strlen(w) ||
			    strlen(w) > 4)
				return 0;
			continue;
		}
		if (strcmp(w, "im") == 0 || strcmp(w, "chat") == 0) {
			if (im)
				return 0;
			im = 1;
			continue;
		}
		for (i = 0; i < sizeof words / sizeof words[0]; i++)
			if (strcmp(w, words[i].word) == 0)
				break;
		if (i == sizeof words / sizeof words[0]) {
			/* The service of an IM column: "IM Skype". */
			if (im && service == NULL) {
				service = f + (w - buf);
				continue;
			}
			return 0;
		}
		if (words[i].kind >= 0) {
			/* "Mobile Phone": mobile is then a label. */
			if (kind >= 0 && kind != words[i].kind)
				return 0;
			kind = words[i].kind;
		}
		if (words[i].label != NULL && strstr(label,
		    words[i].label) == NULL && strlen(label) +
		    strlen(words[i].label) + 2 <= sizeof label) {
			if (label[0] != '\0')
				strcat(label, " ");
			strcat(label, words[i].label);
		}
	}
	if (im) {
		/* No field for instant messaging: a custom field, named. */
		if (kind >= 0 || service == NULL)
			return 0;
		r->t = T_CUSTOM;
		snprintf(r->kbuf, sizeof r->kbuf, "IM (%.*s)",
		    (int)strcspn(service, " "), service);
		if (r->kbuf[4] >= 'a' && r->kbuf[4] <= 'z')
			r->kbuf[4] = (char)(r->kbuf[4] - 'a' + 'A');
		return 1;
	}
	if (kind < 0 || n < 2)
		return 0;
	r->t = T_PART;
	r->kind = (enum slot_kind)kind;
	r->part = P_VALUE;
	if (label[0] != '\0') {
		snprintf(r->lbuf, sizeof r->lbuf, "%s", label);
		r->label = r->lbuf;
	}
	return 1;
}

/* kith's own layout: see csvmap_export_header. */
static int
resolve_kith(const char *f, struct res *r)
{
	static const struct {
		const char	*name;
		enum target	 t;
	} fixed[] = {
		{ "kith display", T_DISPLAY }, { "display", T_DISPLAY },
		{ "prefix", T_PREFIX }, { "given", T_GIVEN },
		{ "middle", T_MIDDLE }, { "family", T_FAMILY },
		{ "suffix", T_SUFFIX }, { "nickname", T_NICKNAME },
		{ "org", T_ORG }, { "title", T_TITLE },
		{ "birthday", T_BIRTHDAY }, { "notes", T_NOTES },
		{ "cadence", T_CADENCE }, { "archived", T_ARCHIVED },
	};
	static const struct {
		const char	*name;
		enum part	 part;
	} aparts[] = {
		{ "label", P_LABEL }, { "street", P_STREET },
		{ "city", P_CITY }, { "region", P_REGION },
		{ "postcode", P_POSTCODE }, { "country", P_COUNTRY },
	};
	char		 kind[48];
	const char	*part;
	long		 num;
	size_t		 i;

	for (i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		if (strcmp(f, fixed[i].name) == 0) {
			r->t = fixed[i].t;
			return 1;
		}
	}
	if (!split_numbered(f, kind, sizeof kind, &num, &part))
		return 0;
	r->t = T_PART;
	snprintf(r->gbuf, sizeof r->gbuf, "%s %ld", kind, num);
	r->group = r->gbuf;
	if (strcmp(kind, "tag") == 0 && *part == '\0') {
		r->t = T_TAG;
		return 1;
	}
	if (strcmp(kind, "email") == 0 || strcmp(kind, "phone") == 0 ||
	    strcmp(kind, "url") == 0) {
		r->kind = kind[0] == 'e' ? S_EMAIL : kind[0] == 'p' ? S_PHONE :
		    S_URL;
		if (*part == '\0')
			r->part = P_VALUE;
		else if (strcmp(part, "label") == 0)
			r->part = P_LABEL;
		else
			return 0;
		return 1;
	}
	if (strcmp(kind, "address") == 0) {
		r->kind = S_ADDR;
		for (i = 0; i < sizeof aparts / sizeof aparts[0]; i++) {
			if (strcmp(part, aparts[i].name) == 0) {
				r->part = aparts[i].part;
				return 1;
			}
		}
		return 0;
	}
	if (strcmp(kind, "custom") == 0) {
		r->kind = S_KV;
		if (strcmp(part, "key") == 0)
			r->part = P_LABEL;
		else if (strcmp(part, "value") == 0)
			r->part = P_VALUE;
		else
			return 0;
		return 1;
	}
	return 0;
}

/*
 * Splits folded "words N rest" at its first all-digit word (not the first
 * word): kind gets the words, *num the number, *part the rest ("" if
 * none).  0 if there is no such word.
 */
static int
split_numbered(const char *f, char *kind, size_t ksz, long *num,
    const char **part)
{
	const char	*p, *end;
	size_t		 n;

	for (p = strchr(f, ' '); p != NULL; p = strchr(p + 1, ' ')) {
		end = p + 1;
		while (isdigit((unsigned char)*end))
			end++;
		if (end == p + 1 || (*end != ' ' && *end != '\0') ||
		    end - (p + 1) > 4)
			continue;
		n = (size_t)(p - f);
		if (n >= ksz)
			return 0;
		memcpy(kind, f, n);
		kind[n] = '\0';
		*num = strtol(p + 1, NULL, 10);
		*part = *end == ' ' ? end + 1 : end;
		return 1;
	}
	return 0;
}

int
csvmap_header_score(const struct csv_record *rec)
{
	struct res	 r;
	const char	*s;
	char		*f;
	size_t		 i;
	int		 score = 0;

	if (rec->problem != NULL)
		return 0;
	for (i = 0; i < rec->n; i++) {
		s = rec->field[i];
		if (i == 0 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3;
		f = fold_name(s);
		if (*f != '\0' && (resolve(FMT_ANY, f, s, &r) ||
		    (i == 0 && strcmp(f, "kith display") == 0)))
			score++;
		free(f);
	}
	return score;
}

/* Which layout header is, by the names only one layout writes. */
static enum fmt
detect(const struct csv_record *header)
{
	int		 score[FMT_COUNT] = { 0 };
	enum fmt	 best = FMT_GENERIC;
	const char	*s;
	char		*f;
	size_t		 i, k;

	for (i = 0; i < header->n; i++) {
		s = header->field[i];
		if (i == 0 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3;
		f = fold_name(s);
		if (i == 0 && strcmp(f, "kith display") == 0) {
			free(f);
			return FMT_KITH;
		}
		for (k = 0; k < sizeof signatures / sizeof signatures[0]; k++)
			if (strcmp(f, signatures[k].name) == 0)
				score[signatures[k].fmt] +=
				    signatures[k].weight;
		free(f);
	}
	for (k = 0; k < FMT_COUNT; k++)
		if (score[k] >= 2 && score[k] > score[best])
			best = (enum fmt)k;
	return best;
}

/* Building the map. */

enum kith_status
csvmap_new(const struct csv_record *header, const char *format,
    const char *user_map, struct csv_map **out, struct kith_err *err)
{
	struct csv_map	*m;
	enum kith_status st;
	const char	*s;
	size_t		 i, k, n;
	long		 given = -1, family = -1, name = -1;
	char		*f;

	*out = NULL;
	if (header->n == 0)
		return kith_err_set(err, KITH_INVALID, "the header is empty");
	m = xcalloc(1, sizeof *m);
	if (format == NULL)
		m->fmt = detect(header);
	else {
		for (k = 0; k < FMT_COUNT; k++)
			if (strcasecmp(format, fmt_names[k]) == 0)
				break;
		if (k == FMT_COUNT) {
			st = kith_err_set(err, KITH_INVALID, "unknown format "
			    "'%s' (use google, outlook, linkedin, thunderbird, "
			    "eventbrite, kith or generic)", format);
			goto fail;
		}
		m->fmt = (enum fmt)k;
	}
	m->ncols = header->n;
	m->cols = xcalloc(header->n, sizeof *m->cols);
	for (i = 0; i < header->n; i++) {
		s = header->field[i];
		if (i == 0 && strncmp(s, "\xEF\xBB\xBF", 3) == 0)
			s += 3;
		s = trim_name(s, &n);
		m->cols[i].name = xstrndup(s, n);
		if (n > 0)
			m->width = i + 1;
		plan_column(m, i, m->cols[i].name);
	}
	if (m->width == 0)
		m->width = m->ncols;

	/* German "Name, Vorname": there Name is the family name. */
	for (i = 0; i < m->ncols; i++) {
		f = fold_name(m->cols[i].name);
		if (m->cols[i].t == T_GIVEN && strcmp(f, "vorname") == 0)
			given = (long)i;
		else if (m->cols[i].t == T_FAMILY)
			family = (long)i;
		else if (m->cols[i].t == T_DISPLAY && strcmp(f, "name") == 0)
			name = (long)i;
		free(f);
	}
	if (given >= 0 && family < 0 && name >= 0)
		m->cols[name].t = T_FAMILY;

	if (user_map != NULL &&
	    (st = apply_user_map(m, user_map, err)) != KITH_OK)
		goto fail;
	*out = m;
	return KITH_OK;
fail:
	csvmap_free(m);
	return st;
}

/* Plans column i, whose header (trimmed) is name. */
static void
plan_column(struct csv_map *m, size_t i, const char *name)
{
	struct col	*col = &m->cols[i];
	struct res	 r;
	char		*f;
	int		 known;

	if (*name == '\0') {
		col->t = T_CUSTOM;
		col->key = xasprintf("Column %zu", i + 1);
		return;
	}
	f = fold_name(name);
	known = resolve(m->fmt, f, name, &r);
	free(f);
	if (!known) {
		col->t = T_CUSTOM;
		col->key = xstrdup(name);
		return;
	}
	col->t = r.t;
	col->junk = r.junk;
	col->sep = m->fmt == FMT_KITH ? 0 : r.sep;
	if (r.t == T_JUNK || r.t == T_DATE)
		col->key = xstrdup(name);
	if (r.t == T_CUSTOM)
		col->key = xstrdup(r.kbuf[0] != '\0' ? r.kbuf : name);
	if (r.t == T_PART) {
		col->part = r.part;
		col->slot = slot_get(m, r.kind, r.group, r.part, r.label,
		    r.first, name);
		m->slots[col->slot].col[r.part] = (long)i;
	}
}

/*
 * The slot of kind and group (NULL: a new one) whose part is still free,
 * made if there is none.  name, the header, gives an S_KV slot its
 * fallback key ("Event 1" for "Event 1 - Value").
 */
static int
slot_get(struct csv_map *m, enum slot_kind kind, const char *group,
    enum part part, const char *label, int first, const char *name)
{
	struct slot	*s;
	const char	*dash;
	size_t		 i, k;

	if (group != NULL) {
		for (i = 0; i < m->nslots; i++) {
			s = &m->slots[i];
			if (s->kind == kind && s->group != NULL &&
			    strcmp(s->group, group) == 0 && s->col[part] < 0)
				return (int)i;
		}
	}
	m->slots = xreallocarray(m->slots, m->nslots + 1, sizeof *m->slots);
	s = &m->slots[m->nslots];
	memset(s, 0, sizeof *s);
	s->kind = kind;
	s->group = xstrdup(group);
	s->label = xstrdup(label);
	s->first = first;
	for (k = 0; k < P_COUNT; k++)
		s->col[k] = -1;
	if (kind == S_KV) {
		dash = NULL;
		for (i = 0; name[i] != '\0'; i++)
			if (strncmp(name + i, " - ", 3) == 0)
				dash = name + i;
		s->fallback = dash != NULL ?
		    xstrndup(name, (size_t)(dash - name)) : xstrdup(name);
	}
	return (int)m->nslots++;
}

/* Takes col out of its slot and forgets its key, before a --map. */
static void
col_detach(struct csv_map *m, struct col *col)
{
	if (col->t == T_PART)
		m->slots[col->slot].col[col->part] = -1;
	free(col->key);
	col->key = NULL;
	col->junk = NULL;
	col->sep = 0;
}

static enum kith_status
apply_user_map(struct csv_map *m, const char *map, struct kith_err *err)
{
	enum kith_status st;
	const char	*item, *eq, *end;
	size_t		 n;

	for (item = map; *item != '\0'; item = *end == ',' ? end + 1 : end) {
		end = item + strcspn(item, ",");
		while (item < end && isspace((unsigned char)*item))
			item++;
		n = (size_t)(end - item);
		while (n > 0 && isspace((unsigned char)item[n - 1]))
			n--;
		if (n == 0)
			continue;
		for (eq = item + n; eq > item && eq[-1] != '='; eq--)
			;
		if (eq == item)
			return kith_err_set(err, KITH_INVALID, "--map: '%.*s' "
			    "is not COLUMN=FIELD", (int)n, item);
		if ((st = apply_one(m, item, (size_t)(eq - 1 - item), eq,
		    (size_t)(item + n - eq), err)) != KITH_OK)
			return st;
	}
	return KITH_OK;
}

/* Maps the columns named col (clen bytes) to field (flen bytes). */
static enum kith_status
apply_one(struct csv_map *m, const char *colname, size_t clen,
    const char *field, size_t flen, struct kith_err *err)
{
	static const struct {
		const char	*name;
		enum target	 t;
		enum slot_kind	 kind;
		enum part	 part;
	} fields[] = {
		{ "display", T_DISPLAY, 0, 0 }, { "prefix", T_PREFIX, 0, 0 },
		{ "given", T_GIVEN, 0, 0 }, { "middle", T_MIDDLE, 0, 0 },
		{ "family", T_FAMILY, 0, 0 }, { "suffix", T_SUFFIX, 0, 0 },
		{ "nickname", T_NICKNAME, 0, 0 }, { "org", T_ORG, 0, 0 },
		{ "department", T_DEPARTMENT, 0, 0 },
		{ "title", T_TITLE, 0, 0 }, { "birthday", T_BIRTHDAY, 0, 0 },
		{ "notes", T_NOTES, 0, 0 },
		{ "email", T_PART, S_EMAIL, P_VALUE },
		{ "phone", T_PART, S_PHONE, P_VALUE },
		{ "url", T_PART, S_URL, P_VALUE },
		{ "street", T_PART, S_ADDR, P_STREET },
		{ "city", T_PART, S_ADDR, P_CITY },
		{ "region", T_PART, S_ADDR, P_REGION },
		{ "postcode", T_PART, S_ADDR, P_POSTCODE },
		{ "country", T_PART, S_ADDR, P_COUNTRY },
		{ "tag", T_TAGS, 0, 0 }, { "tags", T_TAGS, 0, 0 },
		{ "cadence", T_CADENCE, 0, 0 },
		{ "archived", T_ARCHIVED, 0, 0 },
		{ "ignore", T_IGNORE, 0, 0 },
	};
	const size_t	 nfields = sizeof fields / sizeof fields[0];
	struct col	*col;
	char		*cname, *fname, *arg, *fc, *fo;
	size_t		 i, k, matched = 0;
	enum kith_status st = KITH_OK;
	int		 custom, same;

	while (clen > 0 && isspace((unsigned char)colname[clen - 1]))
		clen--;
	while (flen > 0 && isspace((unsigned char)*field)) {
		field++;
		flen--;
	}
	cname = xstrndup(colname, clen);
	fname = xstrndup(field, flen);
	if ((arg = strchr(fname, ':')) != NULL)
		*arg++ = '\0';
	for (k = 0; k < nfields; k++)
		if (strcasecmp(fname, fields[k].name) == 0)
			break;
	custom = strcasecmp(fname, "custom") == 0;
	if (custom && arg != NULL && *arg == '\0') {
		st = kith_err_set(err, KITH_INVALID, "--map: custom: needs a "
		    "key (custom:KEY)");
		goto out;
	}
	if (!custom && (k == nfields || (arg != NULL &&
	    (fields[k].t != T_PART || fields[k].kind == S_ADDR)))) {
		st = kith_err_set(err, KITH_INVALID, "--map: unknown field "
		    "'%.*s' (use one of: %s; email, phone and url take "
		    "\":LABEL\")", (int)flen, field, csvmap_fields());
		goto out;
	}

	/* The columns of that name: as written, else folded. */
	fc = fold_name(cname);
	for (i = 0; i < m->ncols; i++) {
		col = &m->cols[i];
		if (strcasecmp(col->name, cname) != 0) {
			fo = fold_name(col->name);
			same = *fc != '\0' && strcmp(fo, fc) == 0;
			free(fo);
			if (!same)
				continue;
		}
		matched++;
		col_detach(m, col);
		if (custom) {
			col->t = T_CUSTOM;
			col->key = xstrdup(arg != NULL ? arg : col->name);
			continue;
		}
		col->t = fields[k].t;
		col->sep = 'a';
		if (col->t != T_PART)
			continue;
		col->part = fields[k].part;
		col->slot = slot_get(m, fields[k].kind, fields[k].kind ==
		    S_ADDR ? "--map address" : NULL, fields[k].part, arg, 0,
		    col->name);
		m->slots[col->slot].col[col->part] = (long)i;
	}
	free(fc);
	if (matched == 0)
		st = kith_err_set(err, KITH_INVALID, "--map: no column named "
		    "'%s' in the header", cname);
out:
	free(cname);
	free(fname);
	return st;
}

void
csvmap_free(struct csv_map *m)
{
	size_t	 i;

	if (m == NULL)
		return;
	for (i = 0; i < m->ncols; i++) {
		free(m->cols[i].name);
		free(m->cols[i].key);
	}
	free(m->cols);
	for (i = 0; i < m->nslots; i++) {
		free(m->slots[i].group);
		free(m->slots[i].label);
		free(m->slots[i].fallback);
	}
	free(m->slots);
	free(m);
}

const char *
csvmap_format(const struct csv_map *m)
{
	return fmt_names[m->fmt];
}

const char *
csvmap_fields(void)
{
	return "display,prefix,given,middle,family,suffix,nickname,org,"
	    "department,title,birthday,notes,email,phone,url,street,city,"
	    "region,postcode,country,tag,cadence,archived,ignore,custom:KEY";
}

char *
csvmap_describe(const struct csv_map *m)
{
	static const char *const kinds[] = { "email", "phone", "url",
	    "address", "custom field" };
	static const char *const parts[P_COUNT] = { "", "label", "",
	    "street", "street (line 2)", "street (line 3)",
	    "street (extra line)", "city", "region", "postcode", "country",
	    "street, when the parts are empty" };
	static const char *const scalars[] = {
		[T_DISPLAY] = "display", [T_PREFIX] = "prefix",
		[T_GIVEN] = "given", [T_MIDDLE] = "middle",
		[T_FAMILY] = "family", [T_SUFFIX] = "suffix",
		[T_NICKNAME] = "nickname", [T_ORG] = "org",
		[T_TITLE] = "title", [T_NOTES] = "notes",
		[T_BIRTHDAY] = "birthday", [T_BYEAR] = "birthday (year)",
		[T_BMONTH] = "birthday (month)", [T_BDAY] = "birthday (day)",
		[T_TAG] = "tag", [T_CADENCE] = "cadence",
		[T_ARCHIVED] = "archived",
	};
	struct sbuf	 sb = { 0 };
	const struct col *col;
	const struct slot *s;
	size_t		 i;
	long		 other;

	for (i = 0; i < m->ncols; i++) {
		col = &m->cols[i];
		if (*col->name != '\0')
			sbuf_printf(&sb, "%s -> ", col->name);
		else
			sbuf_printf(&sb, "(column %zu, no name) -> ", i + 1);
		switch (col->t) {
		case T_IGNORE:
			sbuf_add(&sb, "ignored");
			break;
		case T_CUSTOM:
			sbuf_printf(&sb, "custom field \"%s\"", col->key);
			break;
		case T_JUNK:
			sbuf_printf(&sb, "custom field \"%s\" (not kept when "
			    "\"%s\")", col->key, col->junk);
			break;
		case T_DATE:
			sbuf_printf(&sb, "custom field \"%s\" (a date, as "
			    "YYYY-MM-DD)", col->key);
			break;
		case T_DEPARTMENT:
			sbuf_add(&sb, "custom field \"Department\"");
			break;
		case T_TAGS:
			sbuf_add(&sb, col->sep == ':' ?
			    "tags (split on \" ::: \")" : col->sep == ';' ?
			    "tags (split on \";\")" :
			    "tags (split on \" ::: \", \";\" or \",\")");
			break;
		case T_PART:
			s = &m->slots[col->slot];
			if (col->part == P_DISPNAME) {
				sbuf_printf(&sb, "custom field \"%s\" (not "
				    "kept when it repeats the e-mail)",
				    col->name);
				break;
			}
			other = s->col[col->part == P_LABEL ? P_VALUE :
			    P_LABEL];
			if (s->kind == S_KV && col->part == P_LABEL)
				sbuf_printf(&sb, "key of custom field %s",
				    other >= 0 ? m->cols[other].name : "");
			else if (s->kind == S_KV)
				sbuf_printf(&sb, "custom field named by %s",
				    other >= 0 ? m->cols[other].name :
				    s->fallback);
			else if (col->part == P_LABEL && s->kind != S_ADDR &&
			    other >= 0)
				sbuf_printf(&sb, "label of %s",
				    m->cols[other].name);
			else {
				sbuf_printf(&sb, "%s%s%s", kinds[s->kind],
				    *parts[col->part] != '\0' ? " " : "",
				    parts[col->part]);
				s = &m->slots[col->slot];
				if (col->part != P_LABEL &&
				    s->col[P_LABEL] >= 0)
					sbuf_printf(&sb, " (label from %s)",
					    m->cols[s->col[P_LABEL]].name);
				else if (col->part != P_LABEL &&
				    s->label != NULL)
					sbuf_printf(&sb, " (label \"%s\")",
					    s->label);
			}
			break;
		default:
			sbuf_add(&sb, scalars[col->t]);
			break;
		}
		sbuf_addc(&sb, '\n');
	}
	return sbuf_detach(&sb);
}

/* Records into contacts. */

/* The cell of column col, "" if the record is too short. */
static const char *
cell(const struct build *b, long col)
{
	const char	*s;

	if (col < 0 || (size_t)col >= b->n)
		return "";
	s = b->rec->field[col];
	return b->m->fmt == FMT_KITH ? unneutralise(s) : s;
}

/* kith cells are present when not "", others when not blank. */
static int
cell_empty(const struct csv_map *m, const char *s)
{
	return m->fmt == FMT_KITH ? *s == '\0' : blank(s);
}

/* s without the "'" that kith's export put before it (see the top). */
static const char *
unneutralise(const char *s)
{
	const char	*p = s;

	if (*s != '\'')
		return s;
	while (*p == '\'')
		p++;
	return csv_needs_neutralising(p) ? s + 1 : s;
}

static void
warnf(struct build *b, const char *fmt, ...)
{
	va_list	 ap;
	char	 buf[512];

	va_start(ap, fmt);
	vsnprintf(buf, sizeof buf, fmt, ap);
	va_end(ap);
	if (b->warn.len > 0)
		sbuf_add(&b->warn, "; ");
	sbuf_add(&b->warn, buf);
}

static char **
scalar(struct contact *c, enum target t)
{
	switch (t) {
	case T_DISPLAY:
		return &c->display;
	case T_PREFIX:
		return &c->prefix;
	case T_GIVEN:
		return &c->given;
	case T_MIDDLE:
		return &c->middle;
	case T_FAMILY:
		return &c->family;
	case T_SUFFIX:
		return &c->suffix;
	case T_NICKNAME:
		return &c->nickname;
	case T_ORG:
		return &c->org;
	case T_TITLE:
		return &c->title;
	case T_NOTES:
		return &c->notes;
	default:
		return NULL;
	}
}

/*
 * Sets the field of col to v: name parts trimmed (not in the kith
 * layout), the rest as written.  A second, different value for a field
 * already set is kept as a custom field under the column's name.
 */
static void
set_scalar(struct build *b, const struct col *col, const char *v)
{
	char		**f = scalar(b->c, col->t);
	size_t		  n;

	if (col->t >= T_DISPLAY && col->t <= T_NICKNAME &&
	    b->m->fmt != FMT_KITH)
		v = trim_name(v, &n);
	else
		n = strlen(v);
	if (n == 0)
		return;
	if (*f == NULL)
		*f = xstrndup(v, n);
	else if (strlen(*f) != n || memcmp(*f, v, n) != 0) {
		char *dup = xstrndup(v, n);

		contact_add_custom(b->c, col->name, dup);
		free(dup);
	}
}

/* Splits a tags cell: " ::: " (Google), else ";", else ",". */
static void
add_tags(struct build *b, const struct col *col, const char *v)
{
	const char	*p, *q;
	size_t		 seplen;
	char		 sep;

	if (col->sep == 0) {			/* kith: one tag as written */
		contact_add_tag(b->c, v);
		return;
	}
	if (col->sep == ':' || strstr(v, ":::") != NULL)
		sep = ':';
	else if (col->sep == ';' || strchr(v, ';') != NULL)
		sep = ';';
	else
		sep = ',';
	seplen = sep == ':' ? 3 : 1;
	for (p = v;; p = q + seplen) {
		q = sep == ':' ? strstr(p, ":::") : strchr(p, sep);
		if (q == NULL) {
			add_tag_piece(b->c, p, strlen(p));
			break;
		}
		add_tag_piece(b->c, p, (size_t)(q - p));
	}
}

/* One tag: trimmed, "* " of system labels off, "myContacts" dropped. */
static void
add_tag_piece(struct contact *c, const char *p, size_t n)
{
	char	*t;

	n -= ws_suffix(p, n);
	while (n > 0 && (*p == ' ' || *p == '\t')) {
		p++;
		n--;
	}
	if (n > 0 && *p == '*') {
		p++;
		n--;
		while (n > 0 && *p == ' ') {
			p++;
			n--;
		}
	}
	if (n == 0 || (n == 10 && strncasecmp(p, "mycontacts", 10) == 0) ||
	    (n == 11 && strncasecmp(p, "my contacts", 11) == 0))
		return;
	t = xstrndup(p, n);
	contact_add_tag(c, t);
	free(t);
}

/* A birthday cell of column name: a date, or raw with a warning. */
static void
set_birthday(struct build *b, const char *name, const char *v)
{
	char	 date[11];
	int	 r;

	r = parse_date(v, date);
	if (r < 0)
		return;				/* Outlook's 0/0/00 */
	if (r == 0) {
		contact_add_custom(b->c, "Birthday", v);
		warnf(b, "birthday '%.64s' not understood; kept as custom "
		    "field \"Birthday\"", v);
		return;
	}
	if (b->c->birthday == NULL)
		b->c->birthday = xstrdup(date);
	else if (strcmp(b->c->birthday, date) != 0)
		contact_add_custom(b->c, name, v);
}

/* Thunderbird's Birth Year, Birth Month, Birth Day (columns, or -1). */
static void
birth_parts(struct build *b, const long bc[3])
{
	const char	*v[3];
	char		 date[11];
	int		 x[3] = { 0, 0, 0 }, ok[3], has[3], i;

	for (i = 0; i < 3; i++) {
		v[i] = cell(b, bc[i]);
		has[i] = !blank(v[i]);
		ok[i] = has[i] && parse_uint(v[i], &x[i]);
	}
	if (!has[0] && !has[1] && !has[2])
		return;
	if ((!has[0] || (ok[0] && x[0] >= 1 && x[0] <= 9999)) &&
	    ok[1] && ok[2] && valid_date(has[0] ? x[0] : 0, x[1], x[2])) {
		date_format_ymd(date, has[0] ? x[0] : 0, x[1], x[2]);
		if (b->c->birthday == NULL)
			b->c->birthday = xstrdup(date);
		else if (strcmp(b->c->birthday, date) != 0)
			contact_add_custom(b->c, "Birthday", date);
		return;
	}
	/* A year alone is kept quietly; anything else is odd. */
	if (!(has[0] && ok[0] && !has[1] && !has[2]))
		warnf(b, "birth date %s/%s/%s (year/month/day) not "
		    "understood; kept as custom fields", has[0] ? v[0] : "-",
		    has[1] ? v[1] : "-", has[2] ? v[2] : "-");
	for (i = 0; i < 3; i++)
		if (has[i])
			contact_add_custom(b->c,
			    b->m->cols[bc[i]].name, v[i]);
}

/* The values of one slot into the contact. */
static void
build_slot(struct build *b, const struct slot *s)
{
	const char	*v, *label, *disp, *p, *q, *std;
	size_t		 n;
	int		 primary = s->first, kith = b->m->fmt == FMT_KITH;
	size_t		 before;

	if (s->kind == S_ADDR) {
		build_address(b, s);
		return;
	}
	v = cell(b, s->col[P_VALUE]);
	label = cell(b, s->col[P_LABEL]);
	if (s->kind == S_KV) {
		if (cell_empty(b->m, v) && cell_empty(b->m, label))
			return;
		contact_add_custom(b->c, !cell_empty(b->m, label) ? label :
		    s->fallback, v);
		return;
	}
	disp = cell(b, s->col[P_DISPNAME]);
	if (!blank(disp) && (blank(v) || strstr(disp, v) == NULL))
		contact_add_custom(b->c, b->m->cols[s->col[P_DISPNAME]].name,
		    disp);
	if (cell_empty(b->m, v))
		return;
	if (kith) {
		add_value(b, s->kind, v, strlen(v), label);
		return;
	}
	if (blank(label))
		label = s->label;
	else {
		label += ws_prefix(label);
		if (*label == '*') {		/* Google's primary mark */
			primary = 1;
			label++;
			label += ws_prefix(label);
		}
		if ((std = std_label(label)) != NULL)
			label = std;
	}
	before = count_of(b->c, s->kind);
	for (p = v;; p = q + 3) {
		p += ws_prefix(p);
		q = strstr(p, ":::");
		n = q != NULL ? (size_t)(q - p) : strlen(p);
		n -= ws_suffix(p, n);
		if (n > 0)
			add_value(b, s->kind, p, n, label);
		if (q == NULL)
			break;
	}
	if (primary && b->prim[s->kind] < 0 &&
	    count_of(b->c, s->kind) > before)
		b->prim[s->kind] = (long)before;
}

/* How many e-mails, phones or URLs c has. */
static size_t
count_of(const struct contact *c, enum slot_kind kind)
{
	return kind == S_EMAIL ? c->n_emails : kind == S_PHONE ?
	    c->n_phones : c->n_urls;
}

/* Adds an e-mail, phone or URL of n bytes at p. */
static void
add_value(struct build *b, enum slot_kind kind, const char *p, size_t n,
    const char *label)
{
	char	 buf[256], *v;

	if (n < sizeof buf) {
		memcpy(buf, p, n);
		buf[n] = '\0';
		v = buf;
	} else
		v = xstrndup(p, n);
	if (kind == S_EMAIL)
		contact_add_email(b->c, v, label);
	else if (kind == S_PHONE)
		contact_add_phone(b->c, v, label);
	else
		contact_add_url(b->c, v, label);
	if (v != buf)
		free(v);
}

static void
build_address(struct build *b, const struct slot *s)
{
	static const enum part lines[] = { P_STREET, P_STREET2, P_STREET3,
	    P_EXTENDED };
	struct contact_address a = { 0 };
	struct sbuf	 street = { 0 };
	const char	*v, *label, *std;
	size_t		 i;

	for (i = 0; i < sizeof lines / sizeof lines[0]; i++) {
		v = cell(b, s->col[lines[i]]);
		if (cell_empty(b->m, v))
			continue;
		if (street.len > 0)
			sbuf_addc(&street, '\n');
		sbuf_add(&street, v);
	}
	a.street = street.s;
	a.city = (char *)cell(b, s->col[P_CITY]);
	a.region = (char *)cell(b, s->col[P_REGION]);
	a.postcode = (char *)cell(b, s->col[P_POSTCODE]);
	a.country = (char *)cell(b, s->col[P_COUNTRY]);
	label = cell(b, s->col[P_LABEL]);
	if (a.street == NULL && cell_empty(b->m, a.city) &&
	    cell_empty(b->m, a.region) && cell_empty(b->m, a.postcode) &&
	    cell_empty(b->m, a.country)) {
		v = cell(b, s->col[P_FORMATTED]);
		if (!cell_empty(b->m, v))
			a.street = (char *)v;
		else if (b->m->fmt != FMT_KITH || *label == '\0')
			goto out;
	}
	if (b->m->fmt != FMT_KITH) {
		if (blank(label))
			label = s->label;
		else {
			label += ws_prefix(label);
			if (*label == '*')
				label += 1 + ws_prefix(label + 1);
			if ((std = std_label(label)) != NULL)
				label = std;
		}
	}
	a.label = (char *)label;
	contact_add_address(b->c, &a);
out:
	sbuf_free(&street);
}

/* Moves element i of the e-mails, phones or URLs to the front. */
static void
put_first(struct contact *c, enum slot_kind kind, long i)
{
	struct contact_email	 e;
	struct contact_phone	 p;
	struct contact_kv	 u;

	if (i <= 0)
		return;
	if (kind == S_EMAIL && (size_t)i < c->n_emails) {
		e = c->emails[i];
		memmove(c->emails + 1, c->emails, (size_t)i * sizeof e);
		c->emails[0] = e;
	} else if (kind == S_PHONE && (size_t)i < c->n_phones) {
		p = c->phones[i];
		memmove(c->phones + 1, c->phones, (size_t)i * sizeof p);
		c->phones[0] = p;
	} else if (kind == S_URL && (size_t)i < c->n_urls) {
		u = c->urls[i];
		memmove(c->urls + 1, c->urls, (size_t)i * sizeof u);
		c->urls[0] = u;
	}
}

enum kith_status
csvmap_contact(const struct csv_map *m, const struct csv_record *rec,
    struct contact **out, char **warning, struct kith_err *err)
{
	struct build	 b;
	const struct col *col;
	enum kith_status st = KITH_OK;
	const char	*v;
	char		 date[11];
	long		 bc[3] = { -1, -1, -1 };
	size_t		 i;
	int		 x;

	*out = NULL;
	if (warning != NULL)
		*warning = NULL;
	memset(&b, 0, sizeof b);
	b.m = m;
	b.rec = rec;
	b.prim[0] = b.prim[1] = b.prim[2] = -1;
	if (rec->problem != NULL)
		return kith_err_set(err, KITH_INVALID, "%s", rec->problem);
	for (i = 0; i < rec->n; i++)
		if (!blank(rec->field[i]))
			break;
	if (i == rec->n)
		return kith_err_set(err, KITH_NOTFOUND, "no value in any "
		    "field");
	if (rec->n > m->ncols) {
		for (i = m->ncols; i < rec->n; i++)
			if (!blank(rec->field[i]))
				return kith_err_set(err, KITH_INVALID,
				    "%zu fields where the header has %zu, and "
				    "the extra ones are not empty", rec->n,
				    m->ncols);
		warnf(&b, "%zu fields where the header has %zu; the extra "
		    "ones are empty and were ignored", rec->n, m->ncols);
	} else if (rec->n < m->width) {
		if (rec->n == 1 && m->width > 2)
			return kith_err_set(err, KITH_INVALID, "1 field where "
			    "the header has %zu; a lone value is not a "
			    "contact", m->ncols);
		warnf(&b, "%zu fields where the header has %zu; the missing "
		    "ones taken as empty", rec->n, m->ncols);
	}
	b.n = rec->n < m->ncols ? rec->n : m->ncols;
	b.c = contact_new();

	for (i = 0; i < b.n; i++) {
		col = &m->cols[i];
		if (col->t == T_PART || col->t == T_IGNORE)
			continue;
		v = cell(&b, (long)i);
		if (cell_empty(m, v))
			continue;
		switch (col->t) {
		case T_CUSTOM:
			contact_add_custom(b.c, col->key, v);
			break;
		case T_JUNK:
			if (strcasecmp(v + ws_prefix(v), col->junk) != 0)
				contact_add_custom(b.c, col->key, v);
			break;
		case T_DATE:
			x = parse_date(v, date);
			if (x != 0)
				v = x > 0 ? date : NULL;
			if (v != NULL)
				contact_add_custom(b.c, col->key, v);
			break;
		case T_DEPARTMENT:
			contact_add_custom(b.c, "Department", v);
			break;
		case T_BIRTHDAY:
			set_birthday(&b, col->name, v);
			break;
		case T_BYEAR:
		case T_BMONTH:
		case T_BDAY:
			if (bc[col->t - T_BYEAR] < 0)
				bc[col->t - T_BYEAR] = (long)i;
			else
				contact_add_custom(b.c, col->name, v);
			break;
		case T_TAGS:
		case T_TAG:
			add_tags(&b, col, v);
			break;
		case T_CADENCE:
			if (parse_uint(v, &x))
				b.c->cadence_days = x;
			else {
				contact_add_custom(b.c, col->name, v);
				warnf(&b, "cadence '%.32s' is not a number of "
				    "days; kept as custom field", v);
			}
			break;
		case T_ARCHIVED:
			v += ws_prefix(v);
			if (strcasecmp(v, "1") == 0 ||
			    strcasecmp(v, "yes") == 0 ||
			    strcasecmp(v, "true") == 0 ||
			    strcasecmp(v, "x") == 0)
				b.c->archived = 1;
			else if (strcasecmp(v, "0") != 0 &&
			    strcasecmp(v, "no") != 0 &&
			    strcasecmp(v, "false") != 0) {
				contact_add_custom(b.c, col->name, v);
				warnf(&b, "archived '%.32s' is not yes or no; "
				    "kept as custom field", v);
			}
			break;
		default:
			set_scalar(&b, col, v);
			break;
		}
	}
	if (bc[0] >= 0 || bc[1] >= 0 || bc[2] >= 0)
		birth_parts(&b, bc);
	for (i = 0; i < m->nslots; i++)
		build_slot(&b, &m->slots[i]);
	put_first(b.c, S_EMAIL, b.prim[S_EMAIL]);
	put_first(b.c, S_PHONE, b.prim[S_PHONE]);
	put_first(b.c, S_URL, b.prim[S_URL]);

	if (b.c->display == NULL && b.c->prefix == NULL &&
	    b.c->given == NULL && b.c->middle == NULL &&
	    b.c->family == NULL && b.c->suffix == NULL &&
	    b.c->nickname == NULL) {
		/*
		 * A LinkedIn row is always a person, and Company is where
		 * they work: with no name and no e-mail it is a restricted
		 * profile that says nothing about who it is.
		 */
		if (m->fmt == FMT_LINKEDIN && b.c->n_emails == 0) {
			st = kith_err_set(err, KITH_INVALID, "no name and no "
			    "e-mail (a restricted LinkedIn profile)");
			goto out;
		}
		if (b.c->org != NULL)
			b.c->display = xstrdup(b.c->org);
		else if (b.c->n_emails > 0)
			b.c->display = xstrdup(b.c->emails[0].addr);
		else if (b.c->n_phones > 0)
			b.c->display = xstrdup(b.c->phones[0].raw);
		else {
			st = kith_err_set(err, KITH_INVALID, "no name, "
			    "organisation, e-mail or phone");
			goto out;
		}
	}
	*out = b.c;
	b.c = NULL;
	if (warning != NULL && b.warn.len > 0)
		*warning = sbuf_detach(&b.warn);
out:
	contact_free(b.c);
	sbuf_free(&b.warn);
	return st;
}

/* Dates: the forms are clock.c's (date_parse_import). */

/* A date cell: 1 with out set, -1 for Outlook's empty 0/0/00, else 0. */
static int
parse_date(const char *s, char out[11])
{
	size_t	 len;

	s = trim_name(s, &len);
	return date_parse_import(s, len, out);
}

/* y 0: no year, so 29 February passes. */
static int
valid_date(int y, int m, int d)
{
	return date_valid_ymd(y, m, d);
}

/* Digits only (blanks around allowed), at most 9 of them. */
static int
parse_uint(const char *s, int *out)
{
	size_t	 n = 0;
	int	 v = 0;

	s += ws_prefix(s);
	while (isdigit((unsigned char)s[n]) && n < 9)
		v = v * 10 + (s[n++] - '0');
	if (n == 0 || !blank(s + n))
		return 0;
	*out = v;
	return 1;
}
