/* SPDX-License-Identifier: MIT */
/*
 * The header side of address-book CSV layouts: the tables of column names
 * that Google, Outlook, LinkedIn, Thunderbird, Eventbrite, kith and common
 * spreadsheets write, and how one header name resolves against them
 * (csv_layout.h).  csvmap.c builds the mapping plan from what a name
 * resolves to and turns records into contacts.
 *
 * Each name is folded first (ASCII lower case, Latin accents off,
 * punctuation to single spaces, "e mail" to "email"), then tried against
 * the table of known names, the address patterns ("Home City", "Straße
 * geschäftlich"), the numbered patterns of Google and Outlook ("E-mail 2
 * - Value", "E-mail 2 Address"), kith's own columns and labelled columns
 * in either order ("Home Email", "E-mail (work)").  No state: everything
 * here is a table or a pure function.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "kith/csvio.h"
#include "kith/util.h"
#include "csv_layout.h"
#include "csvmap.h"

#define FB(f)	(1u << (f))
#define GOO	FB(FMT_GOOGLE)
#define OUT	FB(FMT_OUTLOOK)
#define LIN	FB(FMT_LINKEDIN)

const char *const layout_fmt_names[FMT_COUNT] = {
	"generic", "google", "outlook", "linkedin", "thunderbird",
	"eventbrite", "kith"
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
#define RV(n, label)	{ n, 0, T_EVENT, 0, 0, 0, label, NULL }
#define RI(n, service)	{ n, 0, T_PART, S_IM, P_VALUE, 0, service, NULL }

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
	R("connected on", T_DATE),
	RV("anniversary", "anniversary"),
	RV("wedding anniversary", "anniversary"),
	RV("anniversary date", "anniversary"),
	RV("jahrestag", "anniversary"),
	RV("hochzeitstag", "anniversary"),
	RV("anniversaire de mariage", "anniversary"),
	RV("godisnjica", "anniversary"),
	RV("client since", "client since"),
	RV("customer since", "client since"),
	R("anniversary year", T_AYEAR), R("anniversary month", T_AMONTH),
	R("anniversary day", T_ADAY),

	/* Messaging: a column per service, or one with none. */
	RI("skype", "Skype"), RI("skype id", "Skype"),
	RI("skype name", "Skype"), RI("skype username", "Skype"),
	RI("jabber", "Jabber"), RI("jabber id", "Jabber"),
	RI("xmpp", "XMPP"), RI("xmpp address", "XMPP"),
	RI("icq", "ICQ"), RI("icq number", "ICQ"), RI("icq uin", "ICQ"),
	RI("aim", "AIM"), RI("aim screen name", "AIM"),
	/* Thunderbird's "Screen Name" is the AIM one (_AimScreenName). */
	{ "screen name", FB(FMT_THUNDERBIRD), T_PART, S_IM, P_VALUE, 0,
	    "AIM", NULL },
	RI("screen name", NULL),
	RI("yahoo", "Yahoo"), RI("yahoo id", "Yahoo"),
	RI("yahoo messenger", "Yahoo"), RI("yahoo screen name", "Yahoo"),
	RI("msn", "MSN"), RI("msn messenger", "MSN"),
	RI("windows live messenger", "MSN"),
	RI("google talk", "Google Talk"), RI("gtalk", "Google Talk"),
	RI("qq", "QQ"),
	RI("im", NULL), RI("imaddress", NULL), RI("im address", NULL),
	RI("instant messenger", NULL), RI("im handle", NULL),

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
	"anniversary",
};

/* Messaging services, folded, and how they are spelt. */
static const struct {
	const char	*folded;
	const char	*name;
} im_services[] = {
	{ "skype", "Skype" }, { "jabber", "Jabber" }, { "xmpp", "XMPP" },
	{ "icq", "ICQ" }, { "aim", "AIM" }, { "yahoo", "Yahoo" },
	{ "msn", "MSN" }, { "google talk", "Google Talk" },
	{ "gtalk", "Google Talk" }, { "hangouts", "Hangouts" },
	{ "qq", "QQ" }, { "sip", "SIP" }, { "irc", "IRC" },
	{ "matrix", "Matrix" }, { "signal", "Signal" },
	{ "telegram", "Telegram" }, { "whatsapp", "WhatsApp" },
	{ "wechat", "WeChat" }, { "threema", "Threema" },
	{ "teams", "Teams" }, { "slack", "Slack" }, { "discord", "Discord" },
	{ "facebook messenger", "Facebook Messenger" },
	{ "lync", "Lync" }, { "gadu gadu", "Gadu-Gadu" },
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

static void		 fold_emit(struct sbuf *, int *, const char *, size_t);
static int		 resolve_rule(enum fmt, const char *, struct res *);
static int		 resolve_address(const char *, struct res *);
static int		 resolve_numbered(const char *, const char *,
			    struct res *);
static int		 resolve_kith(const char *, struct res *);
static int		 resolve_labelled(const char *, struct res *);
static int		 split_numbered(const char *, char *, size_t, long *,
			    const char **);

/* Header folding. */

/*
 * The folded form of a header name (caller frees): ASCII lower case,
 * accented Latin letters as ASCII, everything else that is not a letter or
 * digit as single spaces, no leading or trailing space, "e mail" as
 * "email".  Letters of other scripts are kept as they are.
 */
char *
layout_fold_name(const char *s)
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
size_t
layout_ws_prefix(const char *s)
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
size_t
layout_ws_suffix(const char *s, size_t len)
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
const char *
layout_trim_name(const char *s, size_t *len)
{
	size_t	 n;

	s += layout_ws_prefix(s);
	n = strlen(s);
	*len = n - layout_ws_suffix(s, n);
	return s;
}

int
layout_blank(const char *s)
{
	return s[layout_ws_prefix(s)] == '\0';
}

/* The lower-case spelling of a standard label, or NULL. */
const char *
layout_std_label(const char *s)
{
	size_t	 i;

	for (i = 0; i < sizeof std_labels / sizeof std_labels[0]; i++)
		if (strcasecmp(s, std_labels[i]) == 0)
			return std_labels[i];
	return NULL;
}

const char *
layout_im_service(const char *s)
{
	char		*f;
	const char	*name = NULL;
	size_t		 i;

	f = layout_fold_name(s);
	for (i = 0; i < sizeof im_services / sizeof im_services[0]; i++)
		if (strcmp(f, im_services[i].folded) == 0)
			name = im_services[i].name;
	free(f);
	return name;
}

/* Resolving names. */

/* Fills r for folded name f (header as written: name); 0 if unknown. */
int
layout_resolve(enum fmt fmt, const char *f, const char *name, struct res *r)
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
		else if (ru->t == T_PART && ru->kind == S_IM)
			r->service = ru->arg;
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
	/* Google's "Event 1 - Label" (or "- Type") and "- Value". */
	if (strcmp(kind, "event") == 0) {
		r->kind = S_EVENT;
		if (strcmp(part, "value") == 0)
			return 1;
		if (strcmp(part, "label") == 0 || strcmp(part, "type") == 0) {
			r->part = P_LABEL;
			return 1;
		}
		return 0;
	}
	/* "IM 1 - Type" (or "- Label"), "- Service", "- Value". */
	if (strcmp(kind, "im") == 0) {
		r->kind = S_IM;
		if (strcmp(part, "value") == 0)
			return 1;
		if (strcmp(part, "label") == 0 || strcmp(part, "type") == 0) {
			r->part = P_LABEL;
			return 1;
		}
		if (strcmp(part, "service") == 0) {
			r->part = P_SERVICE;
			return 1;
		}
		return 0;
	}
	/* Custom Field, Relation, ...: key and value. */
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
 * Mobile", "Website Blog".  A messaging column is "IM" or "chat" with a
 * service word, or a known service with other words: "IM Skype", "Skype
 * (work)", "Work Jabber ID", "IM 2".  fold_name has made separators
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
	/* Words of a messaging column that say nothing more. */
	static const char *const im_filler[] = { "id", "name", "username",
	    "user", "handle", "screen", "uin", "account" };
	char		 buf[128], *w, *save = NULL, label[48] = "";
	const char	*service = NULL, *known;
	size_t		 i;
	int		 kind = -1, im = 0, n = 0, filler = 0;

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
		for (i = 0; i < sizeof im_filler / sizeof im_filler[0]; i++)
			if (strcmp(w, im_filler[i]) == 0)
				break;
		if (i < sizeof im_filler / sizeof im_filler[0]) {
			filler = 1;
			continue;
		}
		for (i = 0; i < sizeof words / sizeof words[0]; i++)
			if (strcmp(w, words[i].word) == 0)
				break;
		if (i == sizeof words / sizeof words[0]) {
			if (service != NULL)
				return 0;
			if ((known = layout_im_service(w)) != NULL) {
				service = known;
				continue;
			}
			/* The service of an IM column: "IM Threema". */
			if (im) {
				snprintf(r->kbuf, sizeof r->kbuf, "%s", w);
				if (r->kbuf[0] >= 'a' && r->kbuf[0] <= 'z')
					r->kbuf[0] = (char)(r->kbuf[0] - 'a' +
					    'A');
				service = r->kbuf;
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
	if (im || service != NULL) {
		/* A lone service word is a rule's ("Skype"), not a guess. */
		if (kind >= 0 || (!im && n < 2))
			return 0;
		r->t = T_PART;
		r->kind = S_IM;
		r->part = P_VALUE;
		r->service = service;
	} else {
		if (kind < 0 || n < 2 || filler)
			return 0;
		r->t = T_PART;
		r->kind = (enum slot_kind)kind;
		r->part = P_VALUE;
	}
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
		{ "department", T_DEPARTMENT },
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
	if (strcmp(kind, "date") == 0) {
		r->kind = S_EVENT;
		if (*part == '\0')
			r->part = P_VALUE;
		else if (strcmp(part, "label") == 0)
			r->part = P_LABEL;
		else
			return 0;
		return 1;
	}
	if (strcmp(kind, "im") == 0) {
		r->kind = S_IM;
		if (*part == '\0')
			r->part = P_VALUE;
		else if (strcmp(part, "service") == 0)
			r->part = P_SERVICE;
		else if (strcmp(part, "label") == 0)
			r->part = P_LABEL;
		else
			return 0;
		return 1;
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
		f = layout_fold_name(s);
		if (*f != '\0' && (layout_resolve(FMT_ANY, f, s, &r) ||
		    (i == 0 && strcmp(f, "kith display") == 0)))
			score++;
		free(f);
	}
	return score;
}

/* Which layout header is, by the names only one layout writes. */
enum fmt
layout_detect(const struct csv_record *header)
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
		f = layout_fold_name(s);
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

