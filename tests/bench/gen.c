/* SPDX-License-Identifier: MIT */
/*
 * kith-bench-gen: fills a new kith database with synthetic contacts and
 * follow-ups, for the benchmarks in tests/bench/.
 *
 *	kith-bench-gen [--deals N] DB N_CONTACTS N_FOLLOWUPS [SEED]
 *
 * The database is created with kith_db_open(), so its schema, pragmas and
 * collation are the real ones; the rows are then written straight through
 * SQLite with prepared statements in one transaction, because going through
 * contact_insert() one contact at a time would take most of an hour for a
 * million.  The rows hold what contact_insert() and search_reindex() would
 * have stored: NFC text, name_fold from text_fold(), sort_key from
 * text_sort_key(), lower-cased e-mails, phone digits from
 * phone_digits(), and a contact_fts row of folded text per contact (its
 * keys column from kith_name_keys(), as search.c writes it).
 *
 * Names come from names.c: a head of real common names and a long tail
 * of names built from syllables in sixteen traditions, drawn with a
 * Zipf-like frequency so that a few percent of a million contacts share a
 * full name (mostly Latin script, some Cyrillic and Greek, a little
 * Chinese, Japanese and Korean); KITH_BENCH_NAMES=old draws them from the
 * generator's old pools of a dozen cultures instead, where most contacts
 * share a name with another.  The contact's culture (below) gives its
 * phone format, mail domains and organisation names.  Organisations
 * number about one per fifty contacts, and follow-ups are mostly done
 * history with a couple of thousand pending: about 2.5% of the pending ones
 * overdue by 1 to 60 days, 0.5% due today, the rest ahead.  Dates are
 * relative to today's local date, so an overdue follow-up stays overdue
 * whenever the database is used.  The same seed gives the same rows on the
 * same day.
 *
 * With --deals N it also writes N deals (the pipeline benchmark,
 * bench_pipeline.sh): a third open stage, Proposal, between Interest and
 * Negotiation; deals over the last three years in five currencies, about
 * 40% open, 35% won and 25% lost, each with one to three contacts in a
 * role, its stage history, a last touch (about one open deal in six
 * stalled), and follow-ups on some of them, a few overdue.
 *
 * While writing, the generator turns the rollback journal off, skips
 * foreign key checks and drops the secondary indexes of the tables it
 * fills; at the end it rebuilds those indexes from the SQL the schema
 * stored, checks the foreign keys, and puts the database back in WAL mode,
 * as kith_db_open() leaves it.  A generator that dies half-way leaves a
 * broken file: delete it and run again.
 */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sqlite3.h>

#include "kith/clock.h"
#include "kith/db.h"
#include "kith/phone.h"
#include "kith/status.h"
#include "kith/text.h"
#include "kith/util.h"
#include "names.h"

#define PAST_DAYS	1825	/* done follow-ups reach back five years */
#define AHEAD_DAYS	365	/* pending ones reach a year ahead */
#define MAX_PENDING	2000
#define DEAL_DAYS	1095	/* deals reach back three years */
#define PROGRESS_EVERY	100000
#define N_ELEMS(a)	(sizeof (a) / sizeof (a)[0])

/* One naming tradition: where its names, words and numbers come from. */
struct culture {
	const char		*code;		/* for the reader only */
	int			 weight;	/* percent of contacts */
	int			 family_first;	/* "王伟", "佐藤 太郎" */
	const char		*sep;		/* between family and given */
	int			 initials;	/* "John F. Kelly" */
	const char *const	*given;
	size_t			 n_given;
	const char *const	*family;
	size_t			 n_family;
	const char *const	*words;		/* for organisation names */
	size_t			 n_words;
	const char *const	*orgfmt;	/* %F %G family, %W word */
	size_t			 n_orgfmt;
	const char		*phone;		/* '#' is a random digit */
	const char *const	*mail;		/* free-mail domains */
	size_t			 n_mail;
};

/* A generated organisation. */
struct org {
	char			*name;		/* as stored */
	char			*fold;		/* text_fold(name) */
	char			*slug;		/* for work e-mail domains */
};

/* Generator state. */
struct gen {
	struct kith_db		*db;
	struct kith_text	*text;
	sqlite3			*sql;
	uint64_t		 rng;		/* splitmix64 state */
	struct timespec		 start;		/* for elapsed times */
	time_t			 now;
	time_t			 noon;		/* local noon today */
	char			(*dates)[KITH_DATE_LEN];	/* by day */
	struct org		*orgs;
	size_t			 n_orgs;
	char			**given_fold;	/* ASCII forms of the pools, */
	char			**family_fold;	/* flat over all cultures */
	size_t			*given_base;	/* first index per culture */
	size_t			*family_base;
	char			**index_sql;	/* dropped: name, SQL, ... */
	size_t			 n_index;
	int			 old_names;	/* KITH_BENCH_NAMES=old */
};

static void		 die(const char *, ...)
			    __attribute__((format(printf, 1, 2), noreturn));
static void		 die_sql(struct gen *, const char *);
static void		 die_err(const char *, const struct kith_err *);
static double		 elapsed(const struct gen *);
static uint64_t		 rnd(struct gen *);
static size_t		 rnd_below(struct gen *, size_t);
static int		 chance(struct gen *, unsigned);
static const char	*pick(struct gen *, const char *const *, size_t);
static const struct culture *pick_culture(struct gen *);
static const struct culture *culture_of(const char *);
static const char	*date_at(struct gen *, long);
static void		 exec(struct gen *, const char *);
static sqlite3_stmt	*prepare(struct gen *, const char *);
static void		 step_done(struct gen *, sqlite3_stmt *);
static void		 bind_text(sqlite3_stmt *, int, const char *);
static char		*fold(struct gen *, const char *);
static char		*ascii_word(struct gen *, const char *);
static void		 fill_phone(struct gen *, const char *, char *, size_t);
static void		 prepare_pools(struct gen *);
static void		 drop_indexes(struct gen *);
static void		 rebuild_indexes(struct gen *);
static void		 make_orgs(struct gen *, size_t);
static void		 make_tags(struct gen *);
static void		 make_contacts(struct gen *, size_t);
static void		 make_followups(struct gen *, size_t, size_t);
static void		 make_deals(struct gen *, size_t, size_t);
static int64_t		 stage_named(struct gen *, const char *);
static void		 report(struct gen *);
static long		 count_rows(struct gen *, const char *);
static void		 free_gen(struct gen *);

/*
 * Name pools.  Every string is NFC, as kith stores it.  Female forms of
 * Slavic family names get a culture of their own.
 */
static const char *const en_given[] = {
	"James", "Mary", "John", "Patricia", "Robert", "Jennifer", "Michael",
	"Linda", "William", "Elizabeth", "David", "Barbara", "Richard",
	"Susan", "Joseph", "Jessica", "Thomas", "Sarah", "Charles", "Karen",
	"Christopher", "Nancy", "Daniel", "Lisa", "Matthew", "Betty",
	"Anthony", "Margaret", "Mark", "Sandra", "Peter", "Emily", "Andrew",
	"Olivia", "Kevin", "Grace", "Brian", "Chloe", "George", "Hannah",
};
static const char *const en_family[] = {
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
	"Wilson", "Anderson", "Taylor", "Moore", "Jackson", "Martin", "Lee",
	"Thompson", "White", "Harris", "Clark", "Lewis", "Walker", "Hall",
	"Young", "King", "Wright", "Peterson", "Petersen", "Scott", "Green",
	"Baker", "Adams", "Nelson", "Carter", "Mitchell", "Roberts", "Turner",
	"Phillips", "Campbell", "Parker", "Evans", "Edwards", "O'Brien",
	"McAllister", "Fitzgerald", "Murphy", "Kelly", "Hughes", "Price",
};
static const char *const en_words[] = {
	"Acme", "Northwind", "Bluebird", "Harbor", "Summit", "Granite",
	"Evergreen", "Redwood", "Beacon", "Keystone", "Pioneer", "Lakeside",
	"Silverline", "Ironbridge", "Brightwater", "Oakmont", "Westfield",
};
static const char *const en_orgfmt[] = {
	"%F & Partners", "%F Legal LLP", "%W Systems", "%W Labs",
	"%W Capital", "%F %W Inc.", "%W Logistics", "%W Health",
	"%F & %G LLP", "%W Consulting Group",
};
static const char *const en_mail[] = {
	"gmail.com", "outlook.com", "yahoo.com", "icloud.com", "proton.me",
};

static const char *const srl_given[] = {
	"Ana", "Marija", "Jelena", "Milica", "Ivana", "Dragana", "Snežana",
	"Ljubica", "Nikola", "Marko", "Stefan", "Đorđe", "Dušan", "Petar",
	"Miloš", "Vuk", "Željko", "Branka", "Živana", "Nevena", "Goran",
	"Zoran", "Nataša", "Tijana", "Đurđa", "Bojan", "Ivan", "Luka",
};
static const char *const srl_family[] = {
	"Petrović", "Jovanović", "Nikolić", "Marković", "Đorđević",
	"Stojanović", "Ilić", "Stanković", "Pavlović", "Milošević",
	"Popović", "Živković", "Tomić", "Kovačević", "Šarić", "Babić",
	"Horvat", "Kovač", "Knežević", "Lukić", "Petrovski", "Đukić",
	"Mišković", "Čolić", "Ćirić", "Šćepanović", "Njegovan", "Ljubić",
};
static const char *const srl_words[] = {
	"Sinergija", "Čelik", "Žito", "Šumadija", "Morava", "Dunav",
	"Jadran", "Zenit", "Kvadrat", "Vektor", "Sloga", "Gradnja",
	"Mlekara", "Ćilim", "Đerdap", "Fruškogorac",
};
static const char *const srl_orgfmt[] = {
	"%F i partneri", "%W d.o.o.", "Advokatska kancelarija %F",
	"%W Beograd", "%W Novi Sad", "Zadruga %W", "%W a.d.",
	"%W Group d.o.o.",
};
static const char *const srl_mail[] = {
	"gmail.com", "yahoo.com", "eunet.rs", "mts.rs", "sbb.rs",
};

static const char *const src_given[] = {
	"Ана", "Марија", "Јелена", "Милица", "Љубица", "Никола", "Марко",
	"Петар", "Ђорђе", "Душан", "Милош", "Његош", "Вук", "Драгана",
	"Снежана", "Жељко", "Бранко", "Јован", "Тијана", "Невена",
};
static const char *const src_family[] = {
	"Петровић", "Јовановић", "Николић", "Ђорђевић", "Стојановић",
	"Илић", "Љубичић", "Шарић", "Живковић", "Лукић", "Марковић",
	"Павловић", "Поповић", "Ћирић", "Чолић", "Џаковић", "Његован",
	"Томић", "Бабић", "Костић",
};
static const char *const src_words[] = {
	"Синергија", "Морава", "Дунав", "Шумадија", "Зенит", "Вектор",
	"Слога", "Градња", "Млекара", "Ђердап", "Јадран", "Звезда",
};
static const char *const src_orgfmt[] = {
	"%W д.о.о.", "Адвокатска канцеларија %F", "%W а.д.",
	"Задруга %W", "%F и партнери", "%W Београд", "%W Ниш",
};

static const char *const rum_given[] = {
	"Александр", "Дмитрий", "Сергей", "Андрей", "Алексей", "Иван",
	"Михаил", "Пётр", "Николай", "Владимир", "Артём", "Фёдор",
	"Юрий", "Евгений", "Максим", "Кирилл",
};
static const char *const rum_family[] = {
	"Иванов", "Смирнов", "Кузнецов", "Попов", "Васильев", "Петров",
	"Соколов", "Михайлов", "Новиков", "Фёдоров", "Морозов", "Волков",
	"Лебедев", "Козлов", "Егоров", "Павлов", "Семёнов", "Голубев",
	"Виноградов", "Богданов", "Воробьёв", "Петровский",
};
static const char *const ruf_given[] = {
	"Ольга", "Наталья", "Елена", "Татьяна", "Анна", "Мария", "Юлия",
	"Екатерина", "Ирина", "Светлана", "Дарья", "Алёна", "Ксения",
	"Софья", "Людмила", "Полина",
};
static const char *const ruf_family[] = {
	"Иванова", "Смирнова", "Кузнецова", "Попова", "Васильева",
	"Петрова", "Соколова", "Михайлова", "Новикова", "Фёдорова",
	"Морозова", "Волкова", "Лебедева", "Козлова", "Егорова", "Павлова",
	"Семёнова", "Голубева", "Петровская",
};
static const char *const ru_words[] = {
	"Вектор", "Орион", "Заря", "Восход", "Север", "Дельта", "Гранит",
	"Радуга", "Ладога", "Сибирь", "Прогресс", "Меридиан", "Альфа",
	"Эталон",
};
static const char *const ru_orgfmt[] = {
	"ООО «%W»", "АО «%W»", "%F и партнёры", "ГК «%W»",
	"ООО «%W-Сервис»", "Юридическая фирма «%F»", "ПАО «%W»",
};
static const char *const ru_mail[] = {
	"yandex.ru", "mail.ru", "gmail.com", "rambler.ru", "bk.ru",
};

static const char *const uk_given[] = {
	"Олександр", "Андрій", "Тарас", "Оксана", "Ірина", "Наталія",
	"Богдан", "Юлія", "Євген", "Ігор", "Марія", "Олена", "Дмитро",
	"Соломія", "Ярослав", "Віталій",
};
static const char *const uk_family[] = {
	"Шевченко", "Коваленко", "Бондаренко", "Ткаченко", "Кравчук",
	"Мельник", "Петренко", "Олійник", "Шевчук", "Поліщук", "Бойко",
	"Ковальчук", "Гребінь", "Лисенко",
};
static const char *const uk_orgfmt[] = {
	"ТОВ «%W»", "ПП «%F»", "%F і партнери",
};

static const char *const csm_given[] = {
	"Jiří", "Petr", "Jan", "Tomáš", "Lukáš", "Ondřej", "Václav",
	"Łukasz", "Paweł", "Michał", "Krzysztof", "Piotr", "Grzegorz",
	"Wojciech", "Štěpán", "Radek",
};
static const char *const csm_family[] = {
	"Novák", "Svoboda", "Dvořák", "Černý", "Procházka", "Kučera",
	"Veselý", "Horák", "Kowalski", "Wiśniewski", "Wójcik", "Kamiński",
	"Lewandowski", "Zieliński", "Szymański", "Woźniak", "Dąbrowski",
	"Řezníček", "Petrák", "Petrowski",
};
static const char *const csf_given[] = {
	"Eva", "Jana", "Kateřina", "Zuzana", "Lucie", "Tereza", "Agnieszka",
	"Małgorzata", "Katarzyna", "Joanna", "Żaneta", "Barbora", "Magdalena",
	"Anežka",
};
static const char *const csf_family[] = {
	"Nováková", "Svobodová", "Dvořáková", "Černá", "Procházková",
	"Kučerová", "Veselá", "Kowalska", "Wiśniewska", "Wójcik",
	"Kamińska", "Lewandowska", "Zielińska", "Woźniak", "Dąbrowska",
	"Petráková",
};
static const char *const cs_words[] = {
	"Vltava", "Tatra", "Morava", "Wisła", "Bałtyk", "Krkonoše",
	"Šumava", "Mazury", "Řemeslo", "Żuraw", "Kopernik",
};
static const char *const cs_orgfmt[] = {
	"%W s.r.o.", "%F a syn", "%W a.s.", "%W sp. z o.o.",
	"Kancelaria %F", "%F & Wspólnicy",
};
static const char *const cs_mail[] = {
	"seznam.cz", "centrum.cz", "wp.pl", "onet.pl", "gmail.com",
	"o2.pl",
};

static const char *const de_given[] = {
	"Jürgen", "Jörg", "Günter", "Björn", "Søren", "Åsa", "Märta",
	"Uwe", "Katrin", "Sabine", "Lars", "Ingrid", "Mathias", "Sören",
	"Öykü", "Gülşen", "Mehmet", "Ayşe", "Anneliese", "Ólafur",
};
static const char *const de_family[] = {
	"Müller", "Schröder", "Groß", "Weiß", "Öztürk", "Jørgensen",
	"Åström", "Lindqvist", "Schäfer", "Köhler", "Krüger", "Meißner",
	"Bäcker", "Özdemir", "Çelik", "Şahin", "Johannsdóttir", "Sæther",
	"Hoffmann", "Wagner", "Becker", "Schulz",
};
static const char *const de_words[] = {
	"Nordlicht", "Bergwerk", "Fjord", "Elbe", "Rheinland", "Allgäu",
	"Sonnenhof", "Lüneburg", "Öresund", "Bosporus",
};
static const char *const de_orgfmt[] = {
	"%F GmbH", "%W AG", "%F & Söhne", "%W GmbH & Co. KG", "%W AB",
	"%F A/S", "%W Holding A.Ş.", "Kanzlei %F",
};
static const char *const de_mail[] = {
	"gmx.de", "web.de", "t-online.de", "gmail.com", "telia.se",
	"outlook.com",
};

static const char *const ro_given[] = {
	"José", "María", "Inés", "Andrés", "Ramón", "João", "Gonçalo",
	"François", "Zoé", "Hélène", "Chloé", "Jérôme", "Lucía", "Sofía",
	"Álvaro", "Begoña", "Iñaki", "Noël", "Maël", "Íñigo",
};
static const char *const ro_family[] = {
	"García", "Martínez", "Fernández", "González", "Rodríguez", "Muñoz",
	"Peña", "Conceição", "Gonçalves", "Lefèvre", "Dubois", "Béranger",
	"Ibáñez", "Castaño", "Pérez", "Núñez", "Gómez", "Perrault",
	"Brontë", "Petrucci",
};
static const char *const ro_words[] = {
	"Sol", "Aurora", "Atlántico", "Lumière", "Horizonte", "Cordillera",
	"Méridien", "Garonne", "Tajo", "Alhambra",
};
static const char *const ro_orgfmt[] = {
	"%W SARL", "%F y Asociados", "Grupo %W", "%W S.A.",
	"Cabinet %F", "%F & Filhos Lda.", "Éditions %W",
};
static const char *const ro_mail[] = {
	"gmail.com", "orange.fr", "free.fr", "hotmail.es", "sapo.pt",
	"telefonica.net",
};

static const char *const el_given[] = {
	"Γιώργος", "Νίκος", "Μαρία", "Ελένη", "Δημήτρης", "Κατερίνα",
	"Σοφία", "Κώστας",
};
static const char *const el_family[] = {
	"Παπαδόπουλος", "Οικονόμου", "Γεωργίου", "Νικολάου", "Καραγιάννης",
	"Βασιλείου", "Πετρίδης",
};
static const char *const el_words[] = {
	"Ολυμπία", "Αιγαίο", "Ερμής", "Αθηνά",
};
static const char *const el_orgfmt[] = {
	"%W Α.Ε.", "%F & Συνεργάτες",
};
static const char *const el_mail[] = {
	"gmail.com", "otenet.gr",
};

static const char *const zh_given[] = {
	"伟", "芳", "娜", "秀英", "敏", "静", "丽", "强", "磊", "军", "洋",
	"勇", "艳", "杰", "涛", "明", "超", "秀兰", "霞", "平",
};
static const char *const zh_family[] = {
	"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周", "徐",
	"孙", "马", "朱", "胡", "欧阳",
};
static const char *const zh_words[] = {
	"远景", "新星", "东方", "光明", "长城", "华信", "天和", "海川",
};
static const char *const zh_orgfmt[] = {
	"%W有限公司", "%W科技有限公司", "%F氏集团", "%W律师事务所",
};
static const char *const zh_mail[] = {
	"qq.com", "163.com", "126.com", "sina.com",
};

static const char *const ja_given[] = {
	"太郎", "花子", "翔太", "陽菜", "さくら", "健", "美咲", "大輔",
	"結衣", "拓海",
};
static const char *const ja_family[] = {
	"佐藤", "鈴木", "高橋", "田中", "伊藤", "渡辺", "山本", "中村",
	"小林", "加藤",
};
static const char *const ja_words[] = {
	"光", "未来", "青空", "富士", "桜", "大和",
};
static const char *const ja_orgfmt[] = {
	"株式会社%W", "%W商事", "%F法律事務所",
};
static const char *const ja_mail[] = {
	"docomo.ne.jp", "gmail.com", "yahoo.co.jp",
};

static const char *const ko_given[] = {
	"민준", "서연", "지훈", "하은", "도윤", "서준", "지우", "예린",
};
static const char *const ko_family[] = {
	"김", "이", "박", "최", "정", "강", "조", "윤",
};
static const char *const ko_words[] = {
	"한빛", "미래", "새벽", "누리", "바다",
};
static const char *const ko_orgfmt[] = {
	"%W 주식회사", "(주)%W", "법무법인 %W",
};
static const char *const ko_mail[] = {
	"naver.com", "daum.net", "gmail.com",
};

#define POOL(a)	(a), N_ELEMS(a)

/* Weights add up to 100. */
static const struct culture cultures[] = {
	{ "en", 30, 0, " ", 1, POOL(en_given), POOL(en_family), POOL(en_words),
	    POOL(en_orgfmt), "+1 (###) ###-####", POOL(en_mail) },
	{ "sr-Latn", 11, 0, " ", 0, POOL(srl_given), POOL(srl_family),
	    POOL(srl_words), POOL(srl_orgfmt), "+381 6# ### ####",
	    POOL(srl_mail) },
	{ "sr-Cyrl", 9, 0, " ", 0, POOL(src_given), POOL(src_family),
	    POOL(src_words), POOL(src_orgfmt), "+381 6# ### ####",
	    POOL(srl_mail) },
	{ "ru-m", 6, 0, " ", 0, POOL(rum_given), POOL(rum_family),
	    POOL(ru_words), POOL(ru_orgfmt), "+7 9## ###-##-##",
	    POOL(ru_mail) },
	{ "ru-f", 6, 0, " ", 0, POOL(ruf_given), POOL(ruf_family),
	    POOL(ru_words), POOL(ru_orgfmt), "+7 9## ###-##-##",
	    POOL(ru_mail) },
	{ "uk", 4, 0, " ", 0, POOL(uk_given), POOL(uk_family), POOL(ru_words),
	    POOL(uk_orgfmt), "+380 ## ### ## ##", POOL(ru_mail) },
	{ "cs-pl-m", 5, 0, " ", 0, POOL(csm_given), POOL(csm_family),
	    POOL(cs_words), POOL(cs_orgfmt), "+420 ### ### ###",
	    POOL(cs_mail) },
	{ "cs-pl-f", 4, 0, " ", 0, POOL(csf_given), POOL(csf_family),
	    POOL(cs_words), POOL(cs_orgfmt), "+48 ### ### ###",
	    POOL(cs_mail) },
	{ "de-nord-tr", 8, 0, " ", 0, POOL(de_given), POOL(de_family),
	    POOL(de_words), POOL(de_orgfmt), "+49 15# #######",
	    POOL(de_mail) },
	{ "es-fr-pt", 8, 0, " ", 0, POOL(ro_given), POOL(ro_family),
	    POOL(ro_words), POOL(ro_orgfmt), "+34 6## ## ## ##",
	    POOL(ro_mail) },
	{ "el", 3, 0, " ", 0, POOL(el_given), POOL(el_family), POOL(el_words),
	    POOL(el_orgfmt), "+30 69# ### ####", POOL(el_mail) },
	{ "zh", 3, 1, "", 0, POOL(zh_given), POOL(zh_family), POOL(zh_words),
	    POOL(zh_orgfmt), "+86 13# #### ####", POOL(zh_mail) },
	{ "ja", 2, 1, " ", 0, POOL(ja_given), POOL(ja_family), POOL(ja_words),
	    POOL(ja_orgfmt), "+81 90-####-####", POOL(ja_mail) },
	{ "ko", 1, 1, "", 0, POOL(ko_given), POOL(ko_family), POOL(ko_words),
	    POOL(ko_orgfmt), "+82 10-####-####", POOL(ko_mail) },
};

/* The culture whose phones, mail and firms go with a names.c region. */
static const struct {
	const char	*region;
	const char	*culture;
} region_culture[] = {
	{ "en", "en" }, { "in", "en" }, { "de", "de-nord-tr" },
	{ "tr", "de-nord-tr" }, { "fr", "es-fr-pt" }, { "es", "es-fr-pt" },
	{ "it", "es-fr-pt" }, { "sr-Latn", "sr-Latn" },
	{ "cs-pl", "cs-pl-m" }, { "ru", "ru-m" }, { "uk", "uk" },
	{ "sr-Cyrl", "sr-Cyrl" }, { "el", "el" }, { "zh", "zh" },
	{ "ja", "ja" }, { "ko", "ko" },
};

static const char *const initials[] = {
	"A.", "B.", "C.", "D.", "E.", "F.", "G.", "H.", "I.", "J.", "K.",
	"L.", "M.", "N.", "O.", "P.", "Q.", "R.", "S.", "T.", "U.", "V.",
	"W.", "X.", "Y.", "Z.",
};

static const char *const titles[] = {
	"Partner", "Associate", "CEO", "CTO", "Head of Sales",
	"Account Manager", "Paralegal", "Directeur financier",
	"Генеральный директор", "Директор", "Advokat", "Адвокат",
	"Rechtsanwältin", "Abogada", "Procurement Lead", "主任", "部長",
};

static const char *const notes[] = {
	"Met at the Vienna conference; prefers e-mail.",
	"Referred by a former client. Renewal due in spring.",
	"Говорит по-английски; звонить после 14:00.",
	"Ne zovite pre 10h. Ima dvoje dece.",
	"Vegetarian — remember for the next dinner.",
	"见面时谈到了新项目。",
	"Interested in the Q3 proposal; follow up with pricing.",
	"Sprachkenntnisse: Deutsch, Englisch, Türkisch.",
};

static const char *const tags[] = {
	"client", "family", "friend", "vip", "supplier", "press",
	"investor", "alumni", "court", "Београд", "東京", "prospect",
};

static const char *const actions[] = {
	"call re: renewal", "send the signed contract",
	"follow up on the invoice", "lunch to catch up",
	"ask about the referral", "send the draft agreement",
	"confirm the hearing date", "chase the missing documents",
	"Позвонить по поводу договора", "Отправить счёт",
	"Послати понуду", "Pozvati u vezi ugovora",
	"Angebot nachfassen", "relancer pour le devis",
	"跟进报价", "見積もりのフォローアップ", "check in after the trip",
};

static const char *const labels[] = { "work", "home", "mobile", NULL };

/* Deals: what the matter is, and how it is paid. */
static const char *const matters[] = {
	"audit", "merger", "lease renewal", "employment dispute",
	"trademark filing", "due diligence", "restructuring", "tax review",
	"supply contract", "IPO readiness", "data protection review",
	"litigation", "joint venture", "board advisory", "estate planning",
	"licensing deal", "office relocation", "pricing study",
};
static const char *const fees[] = { "hourly", "fixed", "contingency",
	"retainer", "other" };
static const char *const practices[] = { "corporate", "litigation",
	"employment", "tax", "real estate", "IP", "advisory" };
static const char *const roles[] = { "client", "decision maker",
	"referrer", "adverse party", "opposing counsel", "co-counsel",
	"expert" };
static const char *const next_steps[] = { "send proposal",
	"call the client", "draft engagement letter", "meet the board",
	"review the contract", "wait for the budget", NULL };
/*
 * Currency, percent of deals, and minor units (what deal.value_cents
 * counts: cents, yen) per unit of value, about one euro.
 */
static const struct {
	const char	*code;
	int		 weight;
	int		 scale;
} currencies[] = {
	{ "EUR", 45, 100 }, { "USD", 35, 100 }, { "GBP", 12, 100 },
	{ "CHF", 5, 100 }, { "JPY", 3, 150 },
};

int
main(int argc, char **argv)
{
	static const char *const suffix[] = { "", "-wal", "-shm", "-journal" };
	struct gen		 g;
	struct kith_err		 err;
	enum kith_status	 st;
	struct tm		 tm;
	const char		*path;
	char			*end, *file;
	size_t			 i;
	unsigned long long	 seed = 1;
	long long		 nc, nf, nd = 0;
	long			 d;

	if (argc > 2 && strcmp(argv[1], "--deals") == 0) {
		errno = 0;
		nd = strtoll(argv[2], &end, 10);
		if (errno != 0 || *end != '\0' || nd < 0 || nd > 100000000)
			die("--deals must be a number from 0 to 100000000");
		argc -= 2;
		argv += 2;
	}
	if (argc < 4 || argc > 5) {
		fprintf(stderr, "usage: kith-bench-gen [--deals N] DB "
		    "N_CONTACTS N_FOLLOWUPS [SEED]\n");
		return 2;
	}
	path = argv[1];
	errno = 0;
	nc = strtoll(argv[2], &end, 10);
	if (errno != 0 || *end != '\0' || nc < 1 || nc > 100000000)
		die("N_CONTACTS must be a number from 1 to 100000000");
	nf = strtoll(argv[3], &end, 10);
	if (errno != 0 || *end != '\0' || nf < 0 || nf > 100000000)
		die("N_FOLLOWUPS must be a number from 0 to 100000000");
	if (argc == 5) {
		seed = strtoull(argv[4], &end, 10);
		if (errno != 0 || *end != '\0')
			die("SEED must be a number");
	}

	memset(&g, 0, sizeof g);
	clock_gettime(CLOCK_MONOTONIC, &g.start);
	g.rng = seed;
	g.old_names = bench_names_old();
	g.now = time(NULL);
	localtime_r(&g.now, &tm);
	tm.tm_hour = 12;
	tm.tm_min = tm.tm_sec = 0;
	tm.tm_isdst = -1;
	g.noon = mktime(&tm);
	/* Noon plus whole days stays on the right date across DST. */
	g.dates = xreallocarray(NULL, PAST_DAYS + AHEAD_DAYS + 200,
	    sizeof *g.dates);
	for (d = -(PAST_DAYS + 100); d <= AHEAD_DAYS + 99; d++)
		date_from_time(g.noon + d * 86400,
		    g.dates[d + PAST_DAYS + 100]);

	/* A fresh file each time, with no journal left from an old one. */
	for (i = 0; i < N_ELEMS(suffix); i++) {
		file = xasprintf("%s%s", path, suffix[i]);
		if (remove(file) == 0 && i == 0)
			fprintf(stderr, "kith-bench-gen: replaced %s\n", path);
		free(file);
	}
	if ((st = kith_db_open(path, &g.db, &err)) != KITH_OK)
		die_err("opening the database", &err);
	g.sql = kith_db_sqlite(g.db);
	g.text = kith_db_text(g.db);
	fprintf(stderr, "kith-bench-gen: %s: %lld contacts, %lld follow-ups, "
	    "%lld deals, seed %llu, %s names, collation '%s', today %s\n",
	    path, nc, nf, nd, seed, g.old_names ? "old" : "realistic",
	    text_locale(g.text), date_at(&g, 0));

	/* The generator is the only user of a file it has just made. */
	exec(&g, "PRAGMA journal_mode = OFF");
	exec(&g, "PRAGMA synchronous = OFF");
	exec(&g, "PRAGMA foreign_keys = OFF");
	exec(&g, "PRAGMA cache_size = -1048576");
	exec(&g, "PRAGMA temp_store = MEMORY");
	prepare_pools(&g);
	drop_indexes(&g);

	exec(&g, "BEGIN");
	make_orgs(&g, (size_t)(nc / 50 > 0 ? nc / 50 : 1));
	make_tags(&g);
	make_contacts(&g, (size_t)nc);
	make_followups(&g, (size_t)nf, (size_t)nc);
	if (nd > 0)
		make_deals(&g, (size_t)nd, (size_t)nc);
	rebuild_indexes(&g);
	exec(&g, "COMMIT");

	if (count_rows(&g, "SELECT count(*) FROM pragma_foreign_key_check")
	    != 0)
		die("the generated rows break a foreign key");
	exec(&g, "PRAGMA journal_mode = WAL");
	fprintf(stderr, "[%7.1f s] foreign keys checked, back in WAL mode\n",
	    elapsed(&g));
	report(&g);
	fprintf(stderr, "kith-bench-gen: done in %.1f s\n", elapsed(&g));
	free_gen(&g);
	return 0;
}

static void
die(const char *fmt, ...)
{
	va_list	ap;

	fputs("kith-bench-gen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void
die_sql(struct gen *g, const char *what)
{
	die("%s: %s", what, sqlite3_errmsg(g->sql));
}

static void
die_err(const char *what, const struct kith_err *err)
{
	die("%s: %s", what, err->msg);
}

static double
elapsed(const struct gen *g)
{
	struct timespec	ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)(ts.tv_sec - g->start.tv_sec) +
	    (double)(ts.tv_nsec - g->start.tv_nsec) / 1e9;
}

/* splitmix64: small, fast, and the same on every platform. */
static uint64_t
rnd(struct gen *g)
{
	uint64_t	z;

	z = (g->rng += UINT64_C(0x9e3779b97f4a7c15));
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static size_t
rnd_below(struct gen *g, size_t n)
{
	return n == 0 ? 0 : (size_t)(rnd(g) % n);
}

/* True with a probability of percent %. */
static int
chance(struct gen *g, unsigned percent)
{
	return rnd(g) % 100 < percent;
}

static const char *
pick(struct gen *g, const char *const *pool, size_t n)
{
	return pool[rnd_below(g, n)];
}

static const struct culture *
pick_culture(struct gen *g)
{
	size_t	i;
	int	r;

	r = (int)rnd_below(g, 100);
	for (i = 0; i < N_ELEMS(cultures) - 1; i++) {
		if (r < cultures[i].weight)
			break;
		r -= cultures[i].weight;
	}
	return &cultures[i];
}

/* The culture for a names.c region; "en" for one it does not know. */
static const struct culture *
culture_of(const char *region)
{
	const char	*code = "en";
	size_t		 i;

	for (i = 0; i < N_ELEMS(region_culture); i++)
		if (strcmp(region_culture[i].region, region) == 0)
			code = region_culture[i].culture;
	for (i = 0; i < N_ELEMS(cultures); i++)
		if (strcmp(cultures[i].code, code) == 0)
			return &cultures[i];
	return &cultures[0];
}

/* The local date days days from today (negative: in the past). */
static const char *
date_at(struct gen *g, long days)
{
	if (days < -(PAST_DAYS + 100))
		days = -(PAST_DAYS + 100);
	if (days > AHEAD_DAYS + 99)
		days = AHEAD_DAYS + 99;
	return g->dates[days + PAST_DAYS + 100];
}

static void
exec(struct gen *g, const char *sql)
{
	if (sqlite3_exec(g->sql, sql, NULL, NULL, NULL) != SQLITE_OK)
		die_sql(g, sql);
}

static sqlite3_stmt *
prepare(struct gen *g, const char *sql)
{
	sqlite3_stmt	*stmt;

	if (sqlite3_prepare_v3(g->sql, sql, -1, SQLITE_PREPARE_PERSISTENT,
	    &stmt, NULL) != SQLITE_OK)
		die_sql(g, sql);
	return stmt;
}

static void
step_done(struct gen *g, sqlite3_stmt *stmt)
{
	if (sqlite3_step(stmt) != SQLITE_DONE)
		die_sql(g, sqlite3_sql(stmt));
	sqlite3_reset(stmt);
	sqlite3_clear_bindings(stmt);
}

/* Binds s, or NULL for NULL and "", as kith's own writes do. */
static void
bind_text(sqlite3_stmt *stmt, int idx, const char *s)
{
	if (s == NULL || *s == '\0')
		sqlite3_bind_null(stmt, idx);
	else
		sqlite3_bind_text(stmt, idx, s, -1, SQLITE_TRANSIENT);
}

/* text_fold(), which cannot fail on the generator's own valid text. */
static char *
fold(struct gen *g, const char *s)
{
	struct kith_err	 err;
	char		*out;

	if (text_fold(g->text, s, &out, &err) != KITH_OK)
		die_err(s, &err);
	return out;
}

/* The folded form of s without spaces, for the local part of an e-mail. */
static char *
ascii_word(struct gen *g, const char *s)
{
	char	*f, *p, *q;

	f = fold(g, s);
	for (p = q = f; *p != '\0'; p++)
		if (*p != ' ')
			*q++ = *p;
	*q = '\0';
	return f;
}

static void
fill_phone(struct gen *g, const char *fmt, char *out, size_t size)
{
	size_t	i;

	for (i = 0; fmt[i] != '\0' && i + 1 < size; i++)
		out[i] = fmt[i] == '#' ? (char)('0' + rnd_below(g, 10)) :
		    fmt[i];
	out[i] = '\0';
}

/* Folds every pool name once: e-mail addresses are made from them. */
static void
prepare_pools(struct gen *g)
{
	size_t	c, i, ng = 0, nfam = 0;

	g->given_base = xcalloc(N_ELEMS(cultures), sizeof *g->given_base);
	g->family_base = xcalloc(N_ELEMS(cultures), sizeof *g->family_base);
	for (c = 0; c < N_ELEMS(cultures); c++) {
		g->given_base[c] = ng;
		g->family_base[c] = nfam;
		ng += cultures[c].n_given;
		nfam += cultures[c].n_family;
	}
	g->given_fold = xcalloc(ng, sizeof *g->given_fold);
	g->family_fold = xcalloc(nfam, sizeof *g->family_fold);
	for (c = 0; c < N_ELEMS(cultures); c++) {
		for (i = 0; i < cultures[c].n_given; i++)
			g->given_fold[g->given_base[c] + i] =
			    ascii_word(g, cultures[c].given[i]);
		for (i = 0; i < cultures[c].n_family; i++)
			g->family_fold[g->family_base[c] + i] =
			    ascii_word(g, cultures[c].family[i]);
	}
}

/*
 * Drops the secondary indexes of the tables the generator fills (keeping
 * their SQL), so rows go in at append speed and each index is built once,
 * sorted, at the end.  UNIQUE constraints (sql IS NULL) stay.
 */
static void
drop_indexes(struct gen *g)
{
	sqlite3_stmt	*stmt;
	char		*drop;
	size_t		 i;

	stmt = prepare(g, "SELECT name, sql FROM sqlite_schema WHERE "
	    "type = 'index' AND sql IS NOT NULL AND tbl_name IN ('contact', "
	    "'email', 'phone', 'followup', 'contact_tag', 'deal', "
	    "'deal_contact', 'deal_stage_history')");
	while (sqlite3_step(stmt) == SQLITE_ROW) {
		g->index_sql = xreallocarray(g->index_sql, g->n_index + 1,
		    2 * sizeof *g->index_sql);
		g->index_sql[2 * g->n_index] =
		    xstrdup((const char *)sqlite3_column_text(stmt, 0));
		g->index_sql[2 * g->n_index + 1] =
		    xstrdup((const char *)sqlite3_column_text(stmt, 1));
		g->n_index++;
	}
	sqlite3_finalize(stmt);
	for (i = 0; i < g->n_index; i++) {
		drop = xasprintf("DROP INDEX \"%s\"", g->index_sql[2 * i]);
		exec(g, drop);
		free(drop);
	}
}

static void
rebuild_indexes(struct gen *g)
{
	size_t	i;

	for (i = 0; i < g->n_index; i++) {
		exec(g, g->index_sql[2 * i + 1]);
		free(g->index_sql[2 * i]);
		free(g->index_sql[2 * i + 1]);
	}
	free(g->index_sql);
	g->index_sql = NULL;
	fprintf(stderr, "[%7.1f s] %zu indexes rebuilt\n", elapsed(g),
	    g->n_index);
	g->n_index = 0;
}

/*
 * Organisation names from each culture's patterns; a folded name that is
 * taken (name_fold is UNIQUE) is retried with other words, then numbered.
 */
static void
make_orgs(struct gen *g, size_t n)
{
	const struct culture	*cu;
	sqlite3_stmt		*ins;
	struct sbuf		 sb = { 0 };
	const char		*fmt, *p;
	size_t			 i, k;
	char			*name, *f, *s;
	int			 rc, try;

	ins = prepare(g, "INSERT INTO org (id, name, name_fold, created, "
	    "match_key) VALUES (?1, ?2, ?3, ?4, kith_org_key(?2))");
	g->orgs = xcalloc(n, sizeof *g->orgs);
	for (i = 0; i < n; i++) {
		cu = pick_culture(g);
		for (try = 0;; try++) {
			fmt = pick(g, cu->orgfmt, cu->n_orgfmt);
			sbuf_reset(&sb);
			for (p = fmt; *p != '\0'; p++) {
				if (p[0] == '%' && p[1] == 'F')
					sbuf_add(&sb, pick(g, cu->family,
					    cu->n_family));
				else if (p[0] == '%' && p[1] == 'G')
					sbuf_add(&sb, pick(g, cu->family,
					    cu->n_family));
				else if (p[0] == '%' && p[1] == 'W')
					sbuf_add(&sb, pick(g, cu->words,
					    cu->n_words));
				else {
					sbuf_addc(&sb, *p);
					continue;
				}
				p++;
			}
			if (try >= 8)
				sbuf_printf(&sb, " %d", try - 6);
			name = xstrdup(sb.s);
			f = fold(g, name);
			sqlite3_bind_int64(ins, 1, (int64_t)i + 1);
			sqlite3_bind_text(ins, 2, name, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins, 3, f, -1, SQLITE_STATIC);
			sqlite3_bind_int64(ins, 4, (int64_t)g->now -
			    (int64_t)rnd_below(g, PAST_DAYS * 86400));
			rc = sqlite3_step(ins);
			sqlite3_reset(ins);
			if (rc == SQLITE_DONE)
				break;
			if ((sqlite3_extended_errcode(g->sql) & 0xff) !=
			    SQLITE_CONSTRAINT)
				die_sql(g, "adding an organisation");
			free(name);
			free(f);
		}
		g->orgs[i].name = name;
		g->orgs[i].fold = f;
		/* "acme-systems.com" from "Acme Systems". */
		s = xstrdup(f);
		for (k = 0; s[k] != '\0'; k++)
			if (s[k] == ' ')
				s[k] = '-';
		if (k > 24)
			s[24] = '\0';
		while (k > 0 && s[k - 1] == '-')
			s[--k] = '\0';
		g->orgs[i].slug = xasprintf("%s.%s", *s ? s : "org",
		    chance(g, 50) ? "com" : "net");
		free(s);
	}
	sqlite3_finalize(ins);
	sbuf_free(&sb);
	g->n_orgs = n;
	fprintf(stderr, "[%7.1f s] %zu organisations\n", elapsed(g), n);
}

static void
make_tags(struct gen *g)
{
	sqlite3_stmt	*ins;
	size_t		 i;

	ins = prepare(g, "INSERT INTO tag (id, name) VALUES (?1, ?2)");
	for (i = 0; i < N_ELEMS(tags); i++) {
		sqlite3_bind_int64(ins, 1, (int64_t)i + 1);
		sqlite3_bind_text(ins, 2, tags[i], -1, SQLITE_STATIC);
		step_done(g, ins);
	}
	sqlite3_finalize(ins);
}

/*
 * Contacts with their e-mails, phones, tags and search entries.  Contact i
 * has id i, and was created i/n of the way through the last five years.
 */
static void
make_contacts(struct gen *g, size_t n)
{
	const struct culture	*cu;
	const struct org	*org;
	sqlite3_stmt		*ins_c, *ins_e, *ins_p, *ins_t, *ins_f;
	struct kith_err		 err;
	struct sbuf		 disp = { 0 }, fe = { 0 }, fp = { 0 };
	struct sbuf		 ftag = { 0 }, forg = { 0 };
	const char		*given, *middle, *family, *title, *note;
	const char		*label, *gasc, *fasc;
	struct bench_name	 nm;
	unsigned char		*key;
	size_t			 i, ci, gi, fi, mi, key_len, ne, k, t1, t2;
	int64_t			 created, id;
	double			 u;
	char			 phone[40], bday[48];
	char			 dname[3 * BENCH_NAME_LEN + 8];
	char			*nfold, *addr, *digits, *words, *f;
	int			 month, mday;

	ins_c = prepare(g, "INSERT INTO contact (id, display, given, middle, "
	    "family, org_id, title, birthday, notes, source, cadence_days, "
	    "archived, name_fold, sort_key, created, updated) VALUES (?1, ?2, "
	    "?3, ?4, ?5, ?6, ?7, ?8, ?9, 'kith-bench-gen', ?10, ?11, ?12, ?13, "
	    "?14, ?15)");
	ins_e = prepare(g, "INSERT INTO email (contact_id, pos, addr, "
	    "addr_norm, label) VALUES (?1, ?2, ?3, lower(?3), ?4)");
	ins_p = prepare(g, "INSERT INTO phone (contact_id, pos, raw, norm, "
	    "label) VALUES (?1, 0, ?2, ?3, ?4)");
	ins_t = prepare(g, "INSERT INTO contact_tag (contact_id, tag_id) "
	    "VALUES (?1, ?2)");
	ins_f = prepare(g, "INSERT INTO contact_fts (rowid, name, org, email, "
	    "phone, tag, note, keys) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
	    "kith_name_keys(?2, ?8, NULL, NULL))");

	for (i = 0; i < n; i++) {
		id = (int64_t)i + 1;
		sbuf_reset(&disp);
		if (!g->old_names) {
			bench_name_draw(&g->rng, &nm);
			cu = culture_of(nm.region);
			given = nm.given;
			family = nm.family;
			middle = nm.middle[0] != '\0' ? nm.middle : NULL;
			gasc = nm.given_ascii;
			fasc = nm.family_ascii;
			bench_name_display(&nm, dname, sizeof dname);
			sbuf_add(&disp, dname);
		} else {
			cu = pick_culture(g);
			ci = (size_t)(cu - cultures);
			gi = rnd_below(g, cu->n_given);
			fi = rnd_below(g, cu->n_family);
			given = cu->given[gi];
			family = cu->family[fi];
			gasc = g->given_fold[g->given_base[ci] + gi];
			fasc = g->family_fold[g->family_base[ci] + fi];
			/* English names sometimes carry a middle initial. */
			middle = NULL;
			if (cu->initials && chance(g, 25)) {
				mi = rnd_below(g, 26);
				middle = initials[mi];
			}
			if (cu->family_first)
				sbuf_printf(&disp, "%s%s%s", family, cu->sep,
				    given);
			else if (middle != NULL)
				sbuf_printf(&disp, "%s %s %s", given, middle,
				    family);
			else
				sbuf_printf(&disp, "%s %s", given, family);
		}

		nfold = fold(g, disp.s);
		if (text_sort_key(g->text, disp.s, &key, &key_len, &err) !=
		    KITH_OK)
			die_err(disp.s, &err);

		/* A few big organisations, a long tail of small ones. */
		org = NULL;
		if (chance(g, 80)) {
			u = (double)(rnd(g) >> 11) / 9007199254740992.0;
			org = &g->orgs[(size_t)(u * u * (double)g->n_orgs)];
		}
		title = chance(g, 40) ? pick(g, titles, N_ELEMS(titles)) :
		    NULL;
		note = chance(g, 10) ? pick(g, notes, N_ELEMS(notes)) : NULL;
		bday[0] = '\0';
		if (chance(g, 25)) {
			month = 1 + (int)rnd_below(g, 12);
			mday = 1 + (int)rnd_below(g, 28);
			if (chance(g, 70))
				snprintf(bday, sizeof bday, "%04d-%02d-%02d",
				    1950 + (int)rnd_below(g, 55), month, mday);
			else
				snprintf(bday, sizeof bday, "--%02d-%02d",
				    month, mday);
		}
		created = (int64_t)g->now - (int64_t)((double)PAST_DAYS *
		    86400.0 * (double)(n - i) / (double)n);

		sqlite3_bind_int64(ins_c, 1, id);
		sqlite3_bind_text(ins_c, 2, disp.s, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_c, 3, given, -1, SQLITE_STATIC);
		bind_text(ins_c, 4, middle);
		sqlite3_bind_text(ins_c, 5, family, -1, SQLITE_STATIC);
		if (org != NULL)
			sqlite3_bind_int64(ins_c, 6,
			    (int64_t)(org - g->orgs) + 1);
		bind_text(ins_c, 7, title);
		bind_text(ins_c, 8, bday);
		bind_text(ins_c, 9, note);
		sqlite3_bind_int(ins_c, 10, chance(g, 10) ?
		    (int)(30 * (1 + rnd_below(g, 6))) : 0);
		sqlite3_bind_int(ins_c, 11, chance(g, 2));
		sqlite3_bind_text(ins_c, 12, nfold, -1, SQLITE_STATIC);
		sqlite3_bind_blob(ins_c, 13, key, (int)key_len,
		    SQLITE_STATIC);
		sqlite3_bind_int64(ins_c, 14, created);
		sqlite3_bind_int64(ins_c, 15, created +
		    (int64_t)rnd_below(g, (size_t)(g->now - created) + 1));
		step_done(g, ins_c);

		/* One or two e-mails: work first for people with an org. */
		sbuf_reset(&fe);
		ne = 1 + (chance(g, 35) ? 1 : 0);
		for (k = 0; k < ne; k++) {
			if (k == 0 && org != NULL && chance(g, 60)) {
				addr = xasprintf("%.1s.%s%s@%s", gasc, fasc,
				    chance(g, 10) ? "2" : "", org->slug);
				label = "work";
			} else {
				addr = xasprintf("%s.%s%" PRId64 "@%s", gasc,
				    fasc, id + (int64_t)k * 7919,
				    pick(g, cu->mail, cu->n_mail));
				label = k == 0 ? NULL : "home";
			}
			sqlite3_bind_int64(ins_e, 1, id);
			sqlite3_bind_int64(ins_e, 2, (int64_t)k);
			sqlite3_bind_text(ins_e, 3, addr, -1, SQLITE_STATIC);
			bind_text(ins_e, 4, label);
			step_done(g, ins_e);
			f = fold(g, addr);
			if (fe.len > 0)
				sbuf_addc(&fe, ' ');
			sbuf_add(&fe, f);
			free(f);
			free(addr);
		}

		/* A phone for most; the index holds raw and digits. */
		sbuf_reset(&fp);
		if (chance(g, 85)) {
			fill_phone(g, cu->phone, phone, sizeof phone);
			digits = phone_digits(phone);
			sqlite3_bind_int64(ins_p, 1, id);
			sqlite3_bind_text(ins_p, 2, phone, -1, SQLITE_STATIC);
			sqlite3_bind_text(ins_p, 3, digits, -1, SQLITE_STATIC);
			bind_text(ins_p, 4, pick(g, labels, N_ELEMS(labels)));
			step_done(g, ins_p);
			f = fold(g, phone);
			sbuf_add(&fp, f);
			free(f);
			/* The words search_reindex() adds: phone.h. */
			words = phone_search_words(phone, digits);
			f = fold(g, words);
			sbuf_printf(&fp, " %s", f);
			free(f);
			free(words);
			free(digits);
		}

		sbuf_reset(&ftag);
		if (chance(g, 30)) {
			/* In tag id order, as search_reindex() reads them. */
			t1 = rnd_below(g, N_ELEMS(tags));
			t2 = chance(g, 30) ? rnd_below(g, N_ELEMS(tags)) : t1;
			if (t2 < t1) {
				k = t1;
				t1 = t2;
				t2 = k;
			}
			for (k = 0; k < (t2 != t1 ? 2u : 1u); k++) {
				sqlite3_bind_int64(ins_t, 1, id);
				sqlite3_bind_int64(ins_t, 2,
				    (int64_t)(k == 0 ? t1 : t2) + 1);
				step_done(g, ins_t);
				f = fold(g, tags[k == 0 ? t1 : t2]);
				if (ftag.len > 0)
					sbuf_addc(&ftag, ' ');
				sbuf_add(&ftag, f);
				free(f);
			}
		}

		/* The search entry, as search_reindex() builds it. */
		sbuf_reset(&forg);
		if (org != NULL)
			sbuf_add(&forg, org->fold);
		if (title != NULL) {
			f = fold(g, title);
			if (forg.len > 0 && *f != '\0')
				sbuf_addc(&forg, ' ');
			sbuf_add(&forg, f);
			free(f);
		}
		f = note != NULL ? fold(g, note) : xstrdup("");
		sqlite3_bind_int64(ins_f, 1, id);
		sqlite3_bind_text(ins_f, 2, nfold, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_f, 3, forg.s ? forg.s : "", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(ins_f, 4, fe.s ? fe.s : "", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(ins_f, 5, fp.s ? fp.s : "", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(ins_f, 6, ftag.s ? ftag.s : "", -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(ins_f, 7, f, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_f, 8, family, -1, SQLITE_STATIC);
		step_done(g, ins_f);
		free(f);
		free(nfold);
		free(key);

		if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == n)
			fprintf(stderr, "[%7.1f s] %zu contacts\n",
			    elapsed(g), i + 1);
	}
	sqlite3_finalize(ins_c);
	sqlite3_finalize(ins_e);
	sqlite3_finalize(ins_p);
	sqlite3_finalize(ins_t);
	sqlite3_finalize(ins_f);
	sbuf_free(&disp);
	sbuf_free(&fe);
	sbuf_free(&fp);
	sbuf_free(&ftag);
	sbuf_free(&forg);
}

/*
 * Follow-ups in the order they were made: the done history first reaches
 * back five years and moves towards today with the id; the pending ones are
 * spread through it by selection sampling (Knuth's algorithm S), so exactly
 * n_pending rows are pending.
 */
static void
make_followups(struct gen *g, size_t n, size_t n_contacts)
{
	sqlite3_stmt	*ins;
	size_t		 i, n_pending, n_overdue, n_today, left;
	size_t		 pend_seen = 0;
	long		 day;
	int64_t		 due_t;

	n_pending = n / 10 < MAX_PENDING ? n / 10 : MAX_PENDING;
	/* Of 2,000 pending: 50 overdue, 10 today, 1,940 ahead. */
	n_overdue = (n_pending * 50 + 1999) / 2000;
	n_today = (n_pending * 10 + 1999) / 2000;
	if (n_overdue + n_today > n_pending)
		n_today = n_pending - n_overdue;

	ins = prepare(g, "INSERT INTO followup (id, contact_id, action, due, "
	    "done_at, snoozes, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)");
	for (i = 0; i < n; i++) {
		left = n - i;
		sqlite3_bind_int64(ins, 1, (int64_t)i + 1);
		if (n_contacts > 0 && !chance(g, 1))
			sqlite3_bind_int64(ins, 2,
			    (int64_t)rnd_below(g, n_contacts) + 1);
		sqlite3_bind_text(ins, 3, pick(g, actions, N_ELEMS(actions)),
		    -1, SQLITE_STATIC);
		if (rnd_below(g, left) < n_pending - pend_seen) {
			/* Pending: overdue, today, then ahead. */
			if (pend_seen < n_overdue)
				day = -1 - (long)rnd_below(g, 60);
			else if (pend_seen < n_overdue + n_today)
				day = 0;
			else
				day = 1 + (long)rnd_below(g, AHEAD_DAYS);
			pend_seen++;
			sqlite3_bind_int(ins, 6, chance(g, 20) ?
			    1 + (int)rnd_below(g, 3) : 0);
		} else {
			/* Done, on or a few days after its day. */
			day = -1 - (long)((double)PAST_DAYS *
			    (double)left / (double)n) -
			    (long)rnd_below(g, 20);
			due_t = (int64_t)g->noon + (int64_t)day * 86400 -
			    3 * 3600 + (int64_t)rnd_below(g, 4 * 86400);
			if (due_t > (int64_t)g->now)
				due_t = (int64_t)g->now;
			sqlite3_bind_int64(ins, 5, due_t);
			sqlite3_bind_int(ins, 6, chance(g, 5));
		}
		sqlite3_bind_text(ins, 4, date_at(g, day), -1,
		    SQLITE_STATIC);
		due_t = (int64_t)g->noon + (int64_t)day * 86400;
		if (due_t > (int64_t)g->now)
			due_t = (int64_t)g->now;
		sqlite3_bind_int64(ins, 7, due_t - 86400 *
		    (int64_t)(1 + rnd_below(g, 60)));
		step_done(g, ins);
		if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == n)
			fprintf(stderr, "[%7.1f s] %zu follow-ups\n",
			    elapsed(g), i + 1);
	}
	sqlite3_finalize(ins);
}

static int64_t
stage_named(struct gen *g, const char *name)
{
	sqlite3_stmt	*stmt;
	int64_t		 id = 0;

	stmt = prepare(g, "SELECT id FROM stage WHERE name = ?1");
	sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		id = sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	if (id == 0)
		die("no stage %s", name);
	return id;
}

/*
 * n deals over the last DEAL_DAYS days, with their people, stage history
 * and follow-ups.  Deal i was created i/n of the way through; an open
 * deal went through the open stages before its own, a closed one through
 * some of them and then to Won or Lost.  Touches: most open deals were
 * touched within their stage's threshold, about one in six long before.
 */
static void
make_deals(struct gen *g, size_t n, size_t n_contacts)
{
	static const char *const open_names[] = { "Interest", "Proposal",
	    "Negotiation" };
	sqlite3_stmt	*ins_d, *ins_c, *ins_h, *ins_f;
	int64_t		 open_ids[3], won, lost, stage, id, created, since;
	int64_t		 touched, closed, t, value, contacts[3];
	const char	*cur, *title_org;
	char		*title, *f, ref[32];
	size_t		 i, k, n_open, reached, nc, c;
	int		 kind, w, scale, stall[3] = { 30, 21, 10 };
	unsigned	 u;

	exec(g, "UPDATE stage SET pos = pos + 1 WHERE pos >= 2");
	exec(g, "INSERT INTO stage (name, pos, kind, probability, stall_days) "
	    "VALUES ('Proposal', 2, 'open', 40, 21)");
	exec(g, "UPDATE stage SET stall_days = 10 WHERE name = 'Negotiation'");
	for (k = 0; k < 3; k++)
		open_ids[k] = stage_named(g, open_names[k]);
	won = stage_named(g, "Won");
	lost = stage_named(g, "Lost");

	ins_d = prepare(g, "INSERT INTO deal (id, title, title_fold, stage_id, "
	    "value_cents, currency, expected_close, org_id, created, updated, "
	    "ref, fee, practice, originator_id, responsible_id, next_step, "
	    "stage_since, touched, closed_at, reason) VALUES (?1, ?2, ?3, ?4, "
	    "?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18, "
	    "?19, ?20)");
	ins_c = prepare(g, "INSERT INTO deal_contact (deal_id, contact_id, "
	    "role) VALUES (?1, ?2, ?3)");
	ins_h = prepare(g, "INSERT INTO deal_stage_history (deal_id, "
	    "stage_id, at) VALUES (?1, ?2, ?3)");
	ins_f = prepare(g, "INSERT INTO followup (contact_id, deal_id, "
	    "action, due, done_at, created) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");

	for (i = 0; i < n; i++) {
		id = (int64_t)i + 1;
		created = (int64_t)g->now - (int64_t)((double)DEAL_DAYS *
		    86400.0 * (double)(n - i) / (double)n) +
		    (int64_t)rnd_below(g, 86400);
		if (created > (int64_t)g->now)
			created = (int64_t)g->now;
		/* Old deals are mostly closed, recent ones mostly open. */
		u = (unsigned)rnd_below(g, 100);
		kind = (double)i / (double)n > 0.85 ? (u < 75 ? 0 :
		    u < 90 ? 1 : 2) : (u < 30 ? 0 : u < 71 ? 1 : 2);
		/* How far along the open stages it got. */
		reached = rnd_below(g, 100) < 50 ? 0 :
		    rnd_below(g, 100) < 60 ? 1 : 2;
		closed = 0;
		if (kind == 0) {
			/* Touched within the stage's threshold, or stalled
			 * for up to half a year past it; it entered its
			 * stage between its creation and its last touch. */
			stage = open_ids[reached];
			if (chance(g, 16))
				touched = (int64_t)g->now - 86400 *
				    (int64_t)(stall[reached] + 1 +
				    rnd_below(g, 180));
			else
				touched = (int64_t)g->now - (int64_t)rnd_below(
				    g, (size_t)stall[reached] * 86400);
			if (touched < created)
				touched = created;
			since = created + (int64_t)rnd_below(g,
			    (size_t)(touched - created) + 1);
		} else {
			stage = kind == 1 ? won : lost;
			closed = created + 86400 * (int64_t)(3 +
			    rnd_below(g, 240));
			if (closed > (int64_t)g->now)
				closed = (int64_t)g->now -
				    (int64_t)rnd_below(g, 86400);
			if (closed < created)
				closed = created;
			since = closed;
			touched = closed;
		}
		for (w = (int)rnd_below(g, 100), c = 0;
		    c + 1 < N_ELEMS(currencies) && w >= currencies[c].weight;
		    c++)
			w -= currencies[c].weight;
		cur = currencies[c].code;
		scale = currencies[c].scale;
		/* 1,000 to about 500,000, skewed to the small end. */
		t = (int64_t)rnd_below(g, 1000);
		value = (1000 + t * t / 2) * scale;

		title_org = g->n_orgs > 0 ?
		    g->orgs[rnd_below(g, g->n_orgs)].name : "Acme";
		title = xasprintf("%s %s", title_org, pick(g, matters,
		    N_ELEMS(matters)));
		f = fold(g, title);
		snprintf(ref, sizeof ref, "M-%06" PRId64, id);

		sqlite3_bind_int64(ins_d, 1, id);
		sqlite3_bind_text(ins_d, 2, title, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_d, 3, f, -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins_d, 4, stage);
		if (!chance(g, 3)) {
			sqlite3_bind_int64(ins_d, 5, value);
			sqlite3_bind_text(ins_d, 6, cur, -1, SQLITE_STATIC);
		}
		if (kind == 0 && chance(g, 70))
			sqlite3_bind_text(ins_d, 7, date_at(g,
			    (long)rnd_below(g, AHEAD_DAYS)), -1,
			    SQLITE_STATIC);
		if (g->n_orgs > 0 && chance(g, 85))
			sqlite3_bind_int64(ins_d, 8,
			    (int64_t)rnd_below(g, g->n_orgs) + 1);
		sqlite3_bind_int64(ins_d, 9, created);
		sqlite3_bind_int64(ins_d, 10, touched);
		sqlite3_bind_text(ins_d, 11, ref, -1, SQLITE_STATIC);
		sqlite3_bind_text(ins_d, 12, pick(g, fees, N_ELEMS(fees)), -1,
		    SQLITE_STATIC);
		sqlite3_bind_text(ins_d, 13, pick(g, practices,
		    N_ELEMS(practices)), -1, SQLITE_STATIC);
		sqlite3_bind_int64(ins_d, 14,
		    (int64_t)rnd_below(g, n_contacts) + 1);
		sqlite3_bind_int64(ins_d, 15,
		    (int64_t)rnd_below(g, n_contacts) + 1);
		if (kind == 0)
			bind_text(ins_d, 16, pick(g, next_steps,
			    N_ELEMS(next_steps)));
		sqlite3_bind_int64(ins_d, 17, since);
		sqlite3_bind_int64(ins_d, 18, touched);
		if (kind != 0) {
			sqlite3_bind_int64(ins_d, 19, closed);
			if (chance(g, 50))
				sqlite3_bind_text(ins_d, 20, kind == 1 ?
				    "signed" : "went with another firm", -1,
				    SQLITE_STATIC);
		}
		step_done(g, ins_d);
		free(title);
		free(f);

		/* One to three people, each once. */
		nc = 1 + rnd_below(g, 3);
		for (k = 0; k < nc; k++) {
			contacts[k] = (int64_t)rnd_below(g, n_contacts) + 1;
			if (k > 0 && (contacts[k] == contacts[0] ||
			    (k > 1 && contacts[k] == contacts[1])))
				break;
			sqlite3_bind_int64(ins_c, 1, id);
			sqlite3_bind_int64(ins_c, 2, contacts[k]);
			sqlite3_bind_text(ins_c, 3, k == 0 ? "client" :
			    pick(g, roles, N_ELEMS(roles)), -1, SQLITE_STATIC);
			step_done(g, ins_c);
		}

		/* The open stages it went through, spread from its creation
		 * to its last move. */
		n_open = kind == 0 ? reached + 1 : 1 + rnd_below(g, 3);
		for (k = 0; k < n_open; k++) {
			sqlite3_bind_int64(ins_h, 1, id);
			sqlite3_bind_int64(ins_h, 2, open_ids[k]);
			t = k == 0 ? created : created + (since - created) *
			    (int64_t)k / (int64_t)(n_open + (kind != 0));
			if (kind == 0 && k + 1 == n_open)
				t = since;
			sqlite3_bind_int64(ins_h, 3, t);
			step_done(g, ins_h);
		}
		if (kind != 0) {
			sqlite3_bind_int64(ins_h, 1, id);
			sqlite3_bind_int64(ins_h, 2, stage);
			sqlite3_bind_int64(ins_h, 3, closed);
			step_done(g, ins_h);
		}

		/* Follow-ups: one open deal in five has one pending (one in
		 * eight of those overdue); one closed deal in ten a done
		 * one. */
		if (chance(g, kind == 0 ? 20 : 10)) {
			long day;

			sqlite3_bind_int64(ins_f, 1, contacts[0]);
			sqlite3_bind_int64(ins_f, 2, id);
			sqlite3_bind_text(ins_f, 3, pick(g, actions,
			    N_ELEMS(actions)), -1, SQLITE_STATIC);
			if (kind == 0) {
				day = chance(g, 12) ?
				    -1 - (long)rnd_below(g, 30) :
				    (long)rnd_below(g, 60);
			} else {
				day = -(long)(((int64_t)g->now - closed) /
				    86400) - 1;
				if (day < -(PAST_DAYS + 99))
					day = -(PAST_DAYS + 99);
				sqlite3_bind_int64(ins_f, 5, closed);
			}
			sqlite3_bind_text(ins_f, 4, date_at(g, day), -1,
			    SQLITE_STATIC);
			sqlite3_bind_int64(ins_f, 6, created);
			step_done(g, ins_f);
		}
		if ((i + 1) % PROGRESS_EVERY == 0 || i + 1 == n)
			fprintf(stderr, "[%7.1f s] %zu deals\n", elapsed(g),
			    i + 1);
	}
	sqlite3_finalize(ins_d);
	sqlite3_finalize(ins_c);
	sqlite3_finalize(ins_h);
	sqlite3_finalize(ins_f);
}

static long
count_rows(struct gen *g, const char *sql)
{
	sqlite3_stmt	*stmt;
	long		 n = -1;

	stmt = prepare(g, sql);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		n = (long)sqlite3_column_int64(stmt, 0);
	sqlite3_finalize(stmt);
	return n;
}

/* What is in the file, on stdout, one "name value" per line. */
static void
report(struct gen *g)
{
	static const char *const q[][2] = {
		{ "contacts", "SELECT count(*) FROM contact" },
		{ "emails", "SELECT count(*) FROM email" },
		{ "phones", "SELECT count(*) FROM phone" },
		{ "orgs", "SELECT count(*) FROM org" },
		{ "followups", "SELECT count(*) FROM followup" },
		{ "pending", "SELECT count(*) FROM followup "
		    "WHERE done_at IS NULL" },
		{ "deals", "SELECT count(*) FROM deal" },
		{ "deals_open", "SELECT count(*) FROM deal d JOIN stage s "
		    "ON s.id = d.stage_id WHERE s.kind = 'open'" },
		{ "deal_history", "SELECT count(*) FROM deal_stage_history" },
		{ "sharing_a_name", "SELECT coalesce(sum(n), 0) FROM "
		    "(SELECT count(*) AS n FROM contact GROUP BY name_fold "
		    "HAVING n > 1)" },
	};
	sqlite3_stmt	*stmt;
	size_t		 i;
	long		 n[N_ELEMS(q)];

	for (i = 0; i < N_ELEMS(q); i++) {
		n[i] = count_rows(g, q[i][1]);
		printf("%s %ld\n", q[i][0], n[i]);
	}
	/* The last count over the first: contacts sharing a full name. */
	printf("sharing_a_name_pct %.2f\n", n[0] > 0 ?
	    100.0 * (double)n[N_ELEMS(q) - 1] / (double)n[0] : 0.0);
	fprintf(stderr, "kith-bench-gen: %.2f%% of the contacts share "
	    "their full name with another\n", n[0] > 0 ? 100.0 *
	    (double)n[N_ELEMS(q) - 1] / (double)n[0] : 0.0);
	stmt = prepare(g, "SELECT count(*) FILTER (WHERE due < ?1), "
	    "count(*) FILTER (WHERE due = ?1) FROM followup "
	    "WHERE done_at IS NULL AND due <= ?1");
	sqlite3_bind_text(stmt, 1, date_at(g, 0), -1, SQLITE_STATIC);
	if (sqlite3_step(stmt) == SQLITE_ROW)
		printf("overdue %lld\ntoday %lld\n",
		    (long long)sqlite3_column_int64(stmt, 0),
		    (long long)sqlite3_column_int64(stmt, 1));
	sqlite3_finalize(stmt);
	printf("today_date %s\n", date_at(g, 0));
	fflush(stdout);
}

static void
free_gen(struct gen *g)
{
	size_t	i, n;

	kith_db_close(g->db);
	for (i = 0; i < g->n_orgs; i++) {
		free(g->orgs[i].name);
		free(g->orgs[i].fold);
		free(g->orgs[i].slug);
	}
	free(g->orgs);
	for (n = i = 0; i < N_ELEMS(cultures); i++)
		n += cultures[i].n_given;
	for (i = 0; i < n; i++)
		free(g->given_fold[i]);
	for (n = i = 0; i < N_ELEMS(cultures); i++)
		n += cultures[i].n_family;
	for (i = 0; i < n; i++)
		free(g->family_fold[i]);
	free(g->given_fold);
	free(g->family_fold);
	free(g->given_base);
	free(g->family_base);
	free(g->dates);
}
