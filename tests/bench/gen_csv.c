/* SPDX-License-Identifier: MIT */
/*
 * kith-bench-csv: writes N synthetic contacts as a Google Contacts CSV, for
 * the import benchmark in tests/bench/ (bench_import.sh).
 *
 *	kith-bench-csv FILE N [SEED [DUPLICATES_PER_MILLE]]
 *	kith-bench-csv --version
 *
 * --version prints GEN_VERSION and the names in use ("realistic" or
 * "old"): bench_import.sh makes its cached file again when they differ.
 * Raise GEN_VERSION with any change to the rows written (here or in
 * names.c).
 *
 * The header is Google's current one (tests/fixtures/csv/README.md,
 * section 1a): the 17 fixed columns, then two e-mail groups and one phone
 * group.  Quoting is minimal, as Google's: only fields with a comma, a
 * quote or a line break are quoted, and the file is UTF-8 with LF line
 * endings and no BOM.
 *
 * Invariants the benchmark relies on:
 *
 *  - Row k is a pure function of (SEED, k): each row draws from its own
 *    splitmix64 stream, so the same arguments give the same bytes, and a
 *    duplicate can rebuild the row it copies without keeping it.
 *  - Every e-mail address and every phone number is unique (the address
 *    carries the row number; the phone's eight digits are the row number
 *    times an odd constant that is prime to 10^8, modulo 10^8).  So the
 *    only merges are the planned duplicates.
 *  - DUPLICATES_PER_MILLE rows (default 10, i.e. 1%) repeat an earlier
 *    contact: the same name, its first e-mail address with a capital
 *    first letter (kith compares addresses lower-cased), no second
 *    address, a phone of their own and sometimes another title.  kith
 *    merges each into the contact it copies.  0 makes every row new.
 *  - Names repeat as in real address books: names.c draws them from a
 *    head of common names and a long tail built from syllables with a
 *    Zipf-like frequency, so a few percent of a million rows share a full
 *    name, and kith reports those as possible duplicates without merging
 *    them.  KITH_BENCH_NAMES=old draws them from the old pools below (a
 *    few hundred given and family names, where most rows share a name),
 *    for comparing with figures taken before.
 *  - Memory does not grow with N: organisations are computed from their
 *    number, never stored.
 *
 * The mix of the old pools: about 75% of names are plain ASCII (English,
 * Italian, Dutch, Irish, Indian), 15% Latin with diacritics (Serbian,
 * Croatian, Czech, Polish, German, Nordic, French, Spanish, Portuguese,
 * Turkish, Hungarian), 7% Cyrillic (Russian with female forms, Serbian,
 * Ukrainian, Bulgarian) and 3% Chinese, Japanese or Korean; names.h
 * gives the new mix, and the culture of a new name's region below gives
 * its phone format and English extras (prefixes, suffixes).  N/50
 * organisations (at least one), one in sixteen with a Cyrillic or CJK
 * name; 80% of contacts have one, picked with a skew so that a few
 * organisations are big.  Every contact has an e-mail address, 35% a
 * second one, 85% a phone; there are titles, departments, birthdays,
 * notes (some with commas, quotes or a line break) and labels.
 *
 * The counts go to stdout as one "name value" pair per line.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

#define N_ELEMS(a)	(sizeof (a) / sizeof (a)[0])
#define GEN_VERSION	2		/* 2: names.c's realistic names */
#define DUP_FROM	100		/* rows before this are never copies */
#define PHONE_MUL	2654435761u	/* odd, not a multiple of 5 */
#define PHONE_MOD	100000000u	/* eight digits */
#define ORGS_PER	50		/* contacts per organisation */

/* One row's random stream. */
struct rng {
	uint64_t	 s;		/* splitmix64 state */
};

/*
 * A naming tradition.  Pool entries read "Display|ascii"; without the
 * "|ascii" the ASCII form is the display form lower-cased, letters and
 * digits only.  Given names starting with '~' are female (the '~' is not
 * part of the name): with slavic set, their family names in -ov, -ev and
 * -in take an -a.
 */
struct culture {
	const char		*code;		/* for the reader only */
	unsigned		 weight;	/* per mille of contacts */
	const char *const	*given;
	size_t			 n_given;
	const char *const	*family;
	size_t			 n_family;
	const char		*phone;		/* eight '#' digits */
	int			 slavic;
	int			 english;	/* prefixes, suffixes, initials */
};

/* One generated row; each field is empty when absent. */
struct row {
	char	first[BENCH_NAME_LEN];
	char	middle[BENCH_NAME_LEN];
	char	last[BENCH_NAME_LEN];
	char	prefix[16];
	char	suffix[16];
	char	nickname[32];
	char	org[160];
	char	title[64];
	char	dept[48];
	char	birthday[16];
	char	notes[256];
	char	labels[128];
	char	mail1_label[16];
	char	mail1[160];
	char	mail2_label[16];
	char	mail2[160];
	char	phone_label[16];
	char	phone[40];
};

static void		 die(const char *, ...)
			    __attribute__((format(printf, 1, 2), noreturn));
static void		 put(char *, size_t, const char *, ...)
			    __attribute__((format(printf, 3, 4)));
static void		 rng_init(struct rng *, uint64_t, uint64_t);
static uint64_t		 rnd(struct rng *);
static size_t		 below(struct rng *, size_t);
static int		 chance(struct rng *, unsigned);
static const char	*pick(struct rng *, const char *const *, size_t);
static void		 display_of(const char *, char *, size_t);
static void		 ascii_of(const char *, char *, size_t);
static const struct culture *pick_culture(struct rng *);
static const struct culture *culture_of(const char *);
static void		 org_name(uint64_t, char *, size_t, char *, size_t);
static void		 fill_phone(const char *, uint64_t, char *, size_t);
static uint64_t		 original_of(uint64_t, unsigned, uint64_t);
static void		 make_row(uint64_t, uint64_t, uint64_t, struct row *);
static void		 make_duplicate(uint64_t, unsigned, uint64_t, uint64_t,
			    struct row *);
static void		 put_field(FILE *, const char *, int);
static void		 put_row(FILE *, const struct row *);

static int		 old_names;	/* KITH_BENCH_NAMES=old */

/* Google's current header: 17 fixed columns, then the groups we fill. */
static const char *const header[] = {
	"First Name", "Middle Name", "Last Name", "Phonetic First Name",
	"Phonetic Middle Name", "Phonetic Last Name", "Name Prefix",
	"Name Suffix", "Nickname", "File As", "Organization Name",
	"Organization Title", "Organization Department", "Birthday", "Notes",
	"Photo", "Labels", "E-mail 1 - Label", "E-mail 1 - Value",
	"E-mail 2 - Label", "E-mail 2 - Value", "Phone 1 - Label",
	"Phone 1 - Value",
};

static const char *const en_given[] = {
	"James", "~Mary", "John", "~Patricia", "Robert", "~Jennifer",
	"Michael", "~Linda", "William", "~Elizabeth", "David", "~Barbara",
	"Richard", "~Susan", "Joseph", "~Jessica", "Thomas", "~Sarah",
	"Charles", "~Karen", "Christopher", "~Nancy", "Daniel", "~Lisa",
	"Matthew", "~Betty", "Anthony", "~Margaret", "Mark", "~Sandra",
	"Donald", "~Ashley", "Steven", "~Kimberly", "Paul", "~Emily",
	"Andrew", "~Donna", "Joshua", "~Michelle", "Kenneth", "~Dorothy",
	"Kevin", "~Carol", "Brian", "~Amanda", "George", "~Melissa",
	"Timothy", "~Deborah", "Ronald", "~Stephanie", "Edward", "~Rebecca",
	"Jason", "~Sharon", "Jeffrey", "~Laura", "Ryan", "~Cynthia", "Jacob",
	"~Kathleen", "Gary", "~Amy", "Nicholas", "~Angela", "Eric",
	"~Shirley", "Jonathan", "~Anna", "Stephen", "~Brenda", "Larry",
	"~Pamela", "Justin", "~Emma", "Scott", "~Nicole", "Brandon",
	"~Helen", "Benjamin", "~Samantha", "Samuel", "~Katherine", "Gregory",
	"~Christine", "Alexander", "~Debra", "Frank", "~Rachel", "Patrick",
	"~Carolyn", "Raymond", "~Janet", "Jack", "~Catherine", "Dennis",
	"~Maria", "Jerry", "~Heather", "Tyler", "~Diane", "Aaron", "~Ruth",
	"Adam", "~Julie", "Nathan", "~Olivia", "Henry", "~Joyce", "Douglas",
	"~Virginia", "Zachary", "~Victoria", "Peter", "~Kelly", "Kyle",
	"~Lauren", "Ethan", "~Christina", "Walter", "~Joan", "Noah",
	"~Evelyn", "Jeremy", "~Judith", "Christian", "~Megan", "Keith",
	"~Andrea", "Roger", "~Cheryl", "Terry", "~Hannah", "Gerald",
	"~Jacqueline", "Harold", "~Martha", "Sean", "~Gloria", "Austin",
	"~Teresa", "Carl", "~Ann", "Arthur", "~Sara", "Lawrence", "~Madison",
	"Dylan", "~Frances", "Jesse", "~Kathryn", "Jordan", "~Janice",
	"Bryan", "~Jean", "Billy", "~Abigail", "Bruce", "~Alice", "Gabriel",
	"~Julia", "Logan", "~Judy", "Albert", "~Sophia", "Willie", "~Grace",
	"Alan", "~Denise", "Wayne", "~Amber", "Elijah", "~Doris", "Randy",
	"~Marilyn", "Roy", "~Danielle", "Vincent", "~Beverly", "Ralph",
	"~Isabella", "Eugene", "~Theresa", "Russell", "~Diana", "Bobby",
	"~Natalie", "Mason", "~Brittany", "Philip", "~Charlotte", "Louis",
	"~Marie", "Jo-Ann|joann", "Mary-Kate|marykate",
};
static const char *const en_family[] = {
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Garcia", "Miller",
	"Davis", "Rodriguez", "Martinez", "Hernandez", "Lopez", "Gonzalez",
	"Wilson", "Anderson", "Thomas", "Taylor", "Moore", "Jackson",
	"Martin", "Lee", "Perez", "Thompson", "White", "Harris", "Sanchez",
	"Clark", "Ramirez", "Lewis", "Robinson", "Walker", "Young", "Allen",
	"King", "Wright", "Scott", "Torres", "Nguyen", "Hill", "Flores",
	"Green", "Adams", "Nelson", "Baker", "Hall", "Rivera", "Campbell",
	"Mitchell", "Carter", "Roberts", "Gomez", "Phillips", "Evans",
	"Turner", "Diaz", "Parker", "Cruz", "Edwards", "Collins", "Reyes",
	"Stewart", "Morris", "Morales", "Murphy", "Cook", "Rogers",
	"Gutierrez", "Ortiz", "Morgan", "Cooper", "Peterson", "Bailey",
	"Reed", "Kelly", "Howard", "Ramos", "Kim", "Cox", "Ward",
	"Richardson", "Watson", "Brooks", "Chavez", "Wood", "James",
	"Bennett", "Gray", "Mendoza", "Ruiz", "Hughes", "Price", "Alvarez",
	"Castillo", "Sanders", "Myers", "Long", "Ross", "Foster", "Jimenez",
	"Powell", "Jenkins", "Perry", "Russell", "Sullivan", "Bell",
	"Coleman", "Butler", "Henderson", "Barnes", "Gonzales", "Fisher",
	"Vasquez", "Simmons", "Romero", "Jordan", "Patterson", "Alexander",
	"Hamilton", "Graham", "Reynolds", "Griffin", "Wallace", "Moreno",
	"West", "Cole", "Hayes", "Bryant", "Herrera", "Gibson", "Ellis",
	"Tran", "Medina", "Aguilar", "Stevens", "Murray", "Ford", "Castro",
	"Marshall", "Owens", "Harrison", "Fernandez", "McDonald", "Woods",
	"Washington", "Kennedy", "Wells", "Vargas", "Henry", "Chen",
	"Freeman", "Webb", "Tucker", "Guzman", "Burns", "Crawford", "Olson",
	"Simpson", "Porter", "Hunter", "Gordon", "Mendez", "Silva", "Shaw",
	"Snyder", "Mason", "Dixon", "Hunt", "Hicks", "Holmes", "Palmer",
	"Wagner", "Black", "Robertson", "Boyd", "Rose", "Stone", "Salazar",
	"Fox", "Warren", "Mills", "Meyer", "Rice", "Schmidt", "Garza",
	"Daniels", "Ferguson", "Nichols", "Stephens", "Soto", "Weaver",
	"Ryan", "Gardner", "Payne", "Grant", "Dunn", "Spencer", "Hawkins",
	"Arnold", "Pierce", "Hansen", "Peters", "Santos", "Hart", "Bradley",
	"Knight", "Elliott", "Cunningham", "Duncan", "Armstrong", "Hudson",
	"Carroll", "Lane", "Riley", "Andrews", "Ray", "Berry", "Perkins",
	"Hoffman", "Johnston", "Matthews", "Richards", "Willis", "Carpenter",
	"Lawrence", "O'Brien", "O'Connor", "McAllister", "Fitzgerald",
	"St. John", "Van Buren",
};
static const char *const ascii_given[] = {
	"Marco", "~Giulia", "Luca", "~Francesca", "Alessandro", "~Chiara",
	"Matteo", "~Sofia", "Lorenzo", "~Aurora", "Giovanni", "~Elena",
	"Daan", "~Sanne", "Bram", "~Fleur", "Joost", "~Anouk", "Pieter",
	"~Lotte", "Rahul", "~Priya", "Arjun", "~Ananya", "Vikram", "~Kavya",
	"Rohan", "~Aditi", "Sanjay", "~Meera", "Ciaran", "~Siobhan",
	"Padraig", "~Niamh", "Eoin", "~Aoife", "Cormac", "~Roisin",
};
static const char *const ascii_family[] = {
	"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
	"Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti",
	"De Luca|deluca", "De Vries|devries", "Jansen", "Van Dijk|vandijk",
	"Bakker", "Visser", "Smit", "Meijer", "De Boer|deboer", "Mulder",
	"Patel", "Singh", "Sharma", "Gupta", "Kumar", "Reddy", "Iyer",
	"Nair", "Mehta", "Joshi", "Rao", "Byrne", "Ryan", "O'Sullivan",
	"Walsh", "McCarthy", "Doyle", "Kavanagh", "Quinn",
};
static const char *const latin_given[] = {
	"Đorđe|djordje", "Žarko|zarko", "Čedomir|cedomir", "Miloš|milos",
	"Dušan|dusan", "Nikola", "~Jelena", "~Milica", "~Snežana|snezana",
	"~Nataša|natasa", "Tomáš|tomas", "Jiří|jiri", "Lukáš|lukas",
	"~Kateřina|katerina", "~Zuzana", "Łukasz|lukasz", "Paweł|pawel",
	"~Małgorzata|malgorzata", "~Agnieszka", "Wojciech", "Jürgen|juergen",
	"Jörg|joerg", "~Jördis|joerdis", "~Käthe|kaethe", "Björn|bjorn",
	"Søren|soren", "~Åsa|asa", "~Sigrún|sigrun", "Jérôme|jerome",
	"~Hélène|helene", "François|francois", "~Chloé|chloe",
	"~Anaïs|anais", "José|jose", "~María|maria", "~Inés|ines",
	"Álvaro|alvaro", "João|joao", "~Conceição|conceicao",
	"Gonçalo|goncalo", "~Şule|sule", "Gökhan|gokhan", "~Çağla|cagla",
	"Ömer|omer", "Zoltán|zoltan", "~Ágnes|agnes", "~Ana", "Marko",
};
static const char *const latin_family[] = {
	"Petrović|petrovic", "Jovanović|jovanovic", "Stanković|stankovic",
	"Šćepanović|scepanovic", "Kovačević|kovacevic", "Marković|markovic",
	"Nikolić|nikolic", "Đorđević|djordjevic", "Horvat", "Babić|babic",
	"Novák|novak", "Dvořák|dvorak", "Černý|cerny",
	"Procházka|prochazka", "Kučera|kucera", "Nowak",
	"Wiśniewski|wisniewski", "Wójcik|wojcik", "Kamiński|kaminski",
	"Lewandowski", "Zieliński|zielinski", "Müller|mueller",
	"Schröder|schroeder", "Groß|gross", "Köhler|koehler",
	"Jäger|jaeger", "Weiß|weiss", "Lefèvre|lefevre", "Gérard|gerard",
	"Benoît|benoit", "Moreau", "Núñez|nunez", "Muñoz|munoz",
	"Peña|pena", "Gonçalves|goncalves", "Araújo|araujo",
	"Conceição|conceicao", "Yılmaz|yilmaz", "Öztürk|ozturk",
	"Çelik|celik", "Şahin|sahin", "Åkesson|akesson",
	"Søndergaard|sondergaard", "Nørgaard|norgaard", "Kovács|kovacs",
	"Szabó|szabo", "Tóth|toth", "García Márquez|garciamarquez",
};
static const char *const cyr_given[] = {
	"Александр|aleksandr", "Дмитрий|dmitry", "Сергей|sergey",
	"Андрей|andrey", "Алексей|aleksey", "Иван|ivan", "Михаил|mikhail",
	"Никита|nikita", "~Ольга|olga", "~Наталья|natalya", "~Елена|elena",
	"~Татьяна|tatyana", "~Светлана|svetlana", "~Анна|anna",
	"~Мария|maria", "~Екатерина|ekaterina", "~Юлия|yulia",
	"~Ксения|ksenia", "Георги|georgi", "Димитър|dimitar",
	"~Йорданка|yordanka", "Богдан|bohdan", "Тарас|taras",
	"~Олена|olena", "~Оксана|oksana",
};
static const char *const cyr_family[] = {
	"Иванов|ivanov", "Смирнов|smirnov", "Кузнецов|kuznetsov",
	"Попов|popov", "Васильев|vasilyev", "Петров|petrov",
	"Соколов|sokolov", "Михайлов|mikhailov", "Новиков|novikov",
	"Фёдоров|fedorov", "Морозов|morozov", "Волков|volkov",
	"Алексеев|alekseev", "Лебедев|lebedev", "Семёнов|semenov",
	"Егоров|egorov", "Павлов|pavlov", "Козлов|kozlov", "Ильин|ilyin",
	"Георгиев|georgiev", "Димитров|dimitrov", "Шевченко|shevchenko",
	"Коваленко|kovalenko", "Бондаренко|bondarenko", "Ткаченко|tkachenko",
	"Кравченко|kravchenko", "Бойко|boyko",
};
static const char *const srb_given[] = {
	"Душан|dusan", "Милош|milos", "Никола|nikola", "Ђорђе|djordje",
	"Његош|njegos", "Вук|vuk", "Жељко|zeljko", "~Јелена|jelena",
	"~Љубица|ljubica", "~Милица|milica", "~Снежана|snezana",
	"~Тијана|tijana", "~Невена|nevena",
};
static const char *const srb_family[] = {
	"Петровић|petrovic", "Јовановић|jovanovic", "Николић|nikolic",
	"Ђорђевић|djordjevic", "Марковић|markovic", "Стојановић|stojanovic",
	"Илић|ilic", "Живковић|zivkovic", "Љубичић|ljubicic",
	"Шарић|saric", "Ћирић|ciric", "Лукић|lukic",
};
static const char *const zh_given[] = {
	"伟|wei", "芳|fang", "娜|na", "秀英|xiuying", "敏|min", "静|jing",
	"丽|li", "强|qiang", "磊|lei", "军|jun", "洋|yang", "勇|yong",
	"艳|yan", "杰|jie", "涛|tao", "明|ming", "小明|xiaoming",
	"建华|jianhua",
};
static const char *const zh_family[] = {
	"王|wang", "李|li", "张|zhang", "刘|liu", "陈|chen", "杨|yang",
	"黄|huang", "赵|zhao", "吴|wu", "周|zhou", "徐|xu", "孙|sun",
};
static const char *const ja_given[] = {
	"太郎|taro", "花子|hanako", "翔|sho", "陽菜|hina", "蓮|ren",
	"結衣|yui", "大輝|daiki", "さくら|sakura", "健一|kenichi",
	"美咲|misaki",
};
static const char *const ja_family[] = {
	"佐藤|sato", "鈴木|suzuki", "高橋|takahashi", "田中|tanaka",
	"伊藤|ito", "渡辺|watanabe", "山本|yamamoto", "中村|nakamura",
	"小林|kobayashi", "加藤|kato",
};
static const char *const ko_given[] = {
	"민준|minjun", "서연|seoyeon", "지호|jiho", "하은|haeun",
	"도윤|doyun", "지우|jiwoo", "서준|seojun", "수아|sua",
};
static const char *const ko_family[] = {
	"김|kim", "이|lee", "박|park", "최|choi", "정|jung", "강|kang",
	"조|cho", "윤|yoon",
};

#define POOLS(g, f)	g, N_ELEMS(g), f, N_ELEMS(f)
static const struct culture cultures[] = {
	{ "en", 600, POOLS(en_given, en_family), "+1 (555) ###-#####", 0, 1 },
	{ "it/nl/in/ie", 150, POOLS(ascii_given, ascii_family),
	    "+39 3## ### ##", 0, 0 },
	{ "latin", 150, POOLS(latin_given, latin_family),
	    "+49 15# #######", 0, 0 },
	{ "ru/bg/uk", 50, POOLS(cyr_given, cyr_family),
	    "+7 90#-###-##-##", 1, 0 },
	{ "sr-Cyrl", 20, POOLS(srb_given, srb_family),
	    "+381 6# ### ####", 0, 0 },
	{ "zh", 15, POOLS(zh_given, zh_family), "+86 138 ##### ###", 0, 0 },
	{ "ja", 10, POOLS(ja_given, ja_family), "+81 90-####-####", 0, 0 },
	{ "ko", 5, POOLS(ko_given, ko_family), "+82 10-####-####", 0, 0 },
};

/* The culture (phone format, English extras) of a names.c region. */
static const struct {
	const char	*region;
	const char	*culture;
} region_culture[] = {
	{ "en", "en" }, { "in", "it/nl/in/ie" }, { "it", "it/nl/in/ie" },
	{ "ru", "ru/bg/uk" }, { "uk", "ru/bg/uk" }, { "sr-Cyrl", "sr-Cyrl" },
	{ "zh", "zh" }, { "ja", "ja" }, { "ko", "ko" },
};

/* Organisation names: Latin ones from three pools, one in 16 not. */
static const char *const org_a[] = {
	"Acme", "Northwind", "Bluebird", "Harbor", "Summit", "Granite",
	"Evergreen", "Redwood", "Beacon", "Keystone", "Pioneer", "Lakeside",
	"Silverline", "Ironbridge", "Brightwater", "Oakmont", "Westfield",
	"Contoso", "Fabrikam", "Tailspin", "Wingtip", "Litware", "Proseware",
	"Adatum", "Lucerne", "Margie", "Alpine", "Coho", "Fourth Coffee",
	"Humongous", "Trey", "Wide World", "Woodgrove", "Blue Yonder",
	"Cascade", "Meridian", "Polaris", "Sterling", "Vanguard", "Zenith",
	"Šumadija", "Zelená Hora", "Nørre", "Göteborg", "Čelik", "Źródło",
	"Città Alta", "São Bento", "Île Verte", "Ñandú",
};
static const char *const org_b[] = {
	"Systems", "Labs", "Capital", "Logistics", "Health", "Consulting",
	"Software", "Foods", "Energy", "Media", "Robotics", "Analytics",
	"Partners", "Holdings", "Textiles", "Pharma", "Motors", "Insurance",
	"Bank", "Studio", "Design", "Works", "Trading", "Ventures",
	"Networks", "Solutions", "Dynamics", "Airlines", "Hotels", "Realty",
	"Legal", "Security", "Telecom", "Publishing", "Brewing", "Farms",
	"Shipping", "Materials", "Instruments", "Biotech",
};
static const char *const org_suffix[] = {
	"Inc.", "Ltd", "GmbH", "d.o.o.", "S.A.", "LLC", "AG", "Co., Ltd.",
	"& Sons", "Group", "B.V.", "s.r.o.",
};
static const char *const cyr_org_a[] = {
	"Северная", "Зелёная", "Новая", "Первая", "Столичная", "Уральская",
	"Волжская", "Сибирская", "Балтийская", "Южная", "Восточная",
	"Западная", "Речная", "Горная", "Лесная", "Морская",
};
static const char *const cyr_org_b[] = {
	"звезда", "долина", "мануфактура", "верфь", "пекарня", "аптека",
	"типография", "лаборатория", "мастерская", "линия", "компания",
	"гавань", "энергия", "логистика", "торговля", "заря",
};
static const char *const cyr_org_form[] = {
	"ООО «%s %s»", "АО «%s %s»", "%s %s, ООО", "ИП «%s %s»",
};
static const char *const cjk_org_a[] = {
	"北京", "上海", "深圳", "杭州", "広州", "東京", "大阪", "京都",
	"서울", "부산", "成都", "名古屋",
};
static const char *const cjk_org_b[] = {
	"示例", "未来", "星光", "海洋", "山水", "光明", "富士", "桜",
	"한빛", "미래", "天成", "和平",
};
static const char *const cjk_org_form[] = {
	"%s%s科技有限公司", "%s%s株式会社", "%s%s 주식회사", "%s%s贸易公司",
};

static const char *const titles[] = {
	"Engineer", "Senior Engineer", "CTO", "CEO", "Accountant",
	"Sales Manager", "Designer", "Consultant", "Director",
	"Product Manager", "Head of Sales, EMEA", "Lawyer", "Buyer",
	"Office Manager", "Recruiter", "VP, Engineering", "Analyst",
	"Researcher",
};
static const char *const depts[] = {
	"Sales", "Finance", "R&D", "Legal", "Marketing", "Operations",
	"Research, Development", "IT",
};
static const char *const tags[] = {
	"Friends", "Family", "Work", "Clients", "Suppliers",
	"Conference 2023", "Golf", "Neighbours", "VIP", "Newsletter",
	"Posao", "Друзья", "同事",
};
static const char *const nicknames[] = {
	"Bob", "Liz", "Ace", "Jim", "Kate", "Sasha", "Čeda", "Mika", "Bo",
	"Tommy", "Pepe", "Kiki",
};
static const char *const events[] = {
	"FOSDEM", "DevFest Beograd", "Web Summit", "PyCon", "the trade fair",
	"Nina's wedding", "the airport",
};
static const char *const free_mail[] = {
	"example.com", "example.net", "example.org", "mail.example",
	"post.example", "inbox.example",
};

static void
die(const char *fmt, ...)
{
	va_list	ap;

	fputs("kith-bench-csv: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

/* snprintf that dies rather than cut a field short. */
static void
put(char *buf, size_t size, const char *fmt, ...)
{
	va_list	ap;
	int	n;

	va_start(ap, fmt);
	n = vsnprintf(buf, size, fmt, ap);
	va_end(ap);
	if (n < 0 || (size_t)n >= size)
		die("a field outgrew its buffer: \"%s\"", buf);
}

/* Stream `stream' of seed: independent of every other stream. */
static void
rng_init(struct rng *r, uint64_t seed, uint64_t stream)
{
	r->s = seed ^ ((stream + 1) * 0x9e3779b97f4a7c15u);
	rnd(r);
}

/* splitmix64 */
static uint64_t
rnd(struct rng *r)
{
	uint64_t	z;

	z = (r->s += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static size_t
below(struct rng *r, size_t n)
{
	return (size_t)(rnd(r) % n);
}

/* True with a probability of per_mille / 1000. */
static int
chance(struct rng *r, unsigned per_mille)
{
	return below(r, 1000) < per_mille;
}

static const char *
pick(struct rng *r, const char *const *pool, size_t n)
{
	return pool[below(r, n)];
}

/* The display form of a pool entry: no '~', nothing from '|' on. */
static void
display_of(const char *entry, char *buf, size_t size)
{
	size_t	n;

	if (*entry == '~')
		entry++;
	n = strcspn(entry, "|");
	put(buf, size, "%.*s", (int)n, entry);
}

/* The ASCII form of a pool entry, for e-mail addresses. */
static void
ascii_of(const char *entry, char *buf, size_t size)
{
	const char	*bar;
	size_t		 n = 0;

	if (*entry == '~')
		entry++;
	if ((bar = strchr(entry, '|')) != NULL) {
		put(buf, size, "%s", bar + 1);
		return;
	}
	for (; *entry != '\0' && n + 1 < size; entry++) {
		if (*entry >= 'A' && *entry <= 'Z')
			buf[n++] = (char)(*entry - 'A' + 'a');
		else if ((*entry >= 'a' && *entry <= 'z') ||
		    (*entry >= '0' && *entry <= '9'))
			buf[n++] = *entry;
	}
	buf[n] = '\0';
}

static const struct culture *
pick_culture(struct rng *r)
{
	size_t		i;
	unsigned	w = (unsigned)below(r, 1000);

	for (i = 0; i < N_ELEMS(cultures) - 1; i++) {
		if (w < cultures[i].weight)
			return &cultures[i];
		w -= cultures[i].weight;
	}
	return &cultures[N_ELEMS(cultures) - 1];
}

/* Any other region (German, Greek, ...) phones as the "latin" culture. */
static const struct culture *
culture_of(const char *region)
{
	const char	*code = "latin";
	size_t		 i;

	for (i = 0; i < N_ELEMS(region_culture); i++)
		if (strcmp(region_culture[i].region, region) == 0)
			code = region_culture[i].culture;
	for (i = 0; i < N_ELEMS(cultures); i++)
		if (strcmp(cultures[i].code, code) == 0)
			return &cultures[i];
	return &cultures[0];
}

/*
 * Organisation k's name and e-mail domain.  Distinct k give distinct
 * names: the Latin ones cover 24,000 numbers before a number is added
 * to the name, the others 1,024 and 576 of every sixteenth.
 */
static void
org_name(uint64_t k, char *name, size_t size, char *domain, size_t dsize)
{
	char		 a[64], b[64], base[160];
	uint64_t	 m, extra;

	if (k % 16 == 7) {
		m = k / 16;
		if (m % 3 == 2) {
			put(base, sizeof base,
			    cjk_org_form[(m / 144) % N_ELEMS(cjk_org_form)],
			    cjk_org_a[m % N_ELEMS(cjk_org_a)],
			    cjk_org_b[(m / 12) % N_ELEMS(cjk_org_b)]);
			extra = m / 576;
		} else {
			put(base, sizeof base,
			    cyr_org_form[(m / 256) % N_ELEMS(cyr_org_form)],
			    cyr_org_a[m % N_ELEMS(cyr_org_a)],
			    cyr_org_b[(m / 16) % N_ELEMS(cyr_org_b)]);
			extra = m / 1024;
		}
		put(domain, dsize, "org%llu.example", (unsigned long long)k);
	} else {
		put(base, sizeof base, "%s %s %s",
		    org_a[k % N_ELEMS(org_a)],
		    org_b[(k / N_ELEMS(org_a)) % N_ELEMS(org_b)],
		    org_suffix[(k / (N_ELEMS(org_a) * N_ELEMS(org_b))) %
		    N_ELEMS(org_suffix)]);
		extra = k / (N_ELEMS(org_a) * N_ELEMS(org_b) *
		    N_ELEMS(org_suffix));
		ascii_of(org_a[k % N_ELEMS(org_a)], a, sizeof a);
		ascii_of(org_b[(k / N_ELEMS(org_a)) % N_ELEMS(org_b)], b,
		    sizeof b);
		/* Non-ASCII words lose letters; k keeps the domain apart. */
		put(domain, dsize, "%s%s%llu.example", a, b,
		    (unsigned long long)k);
	}
	if (extra > 0)
		put(name, size, "%s %llu", base,
		    (unsigned long long)extra + 1);
	else
		put(name, size, "%s", base);
}

/* fmt with its eight '#' replaced by the digits of v. */
static void
fill_phone(const char *fmt, uint64_t v, char *buf, size_t size)
{
	char	digits[9];
	size_t	n = 0, d = 0;

	snprintf(digits, sizeof digits, "%08llu",
	    (unsigned long long)(v % PHONE_MOD));
	for (; *fmt != '\0' && n + 1 < size; fmt++)
		buf[n++] = *fmt == '#' && d < 8 ? digits[d++] : *fmt;
	buf[n] = '\0';
}

/* The row that row i copies, or i itself. */
static uint64_t
original_of(uint64_t seed, unsigned dup_pm, uint64_t i)
{
	struct rng	r;

	for (;;) {
		rng_init(&r, seed ^ 0xd1b54a32d192ed03u, i);
		if (i < DUP_FROM || !chance(&r, dup_pm))
			return i;
		i = below(&r, i);
	}
}

/* Row k of a file of n rows, as a new contact. */
static void
make_row(uint64_t seed, uint64_t n, uint64_t k, struct row *w)
{
	const struct culture	*c;
	struct rng		 r;
	struct bench_name	 nm;
	const char		*g, *f;
	char			 ga[BENCH_NAME_LEN], fa[BENCH_NAME_LEN];
	char			 domain[96], org[160];
	uint64_t		 n_orgs, org_k;
	double			 u;
	size_t			 len;
	int			 female, work = 0;

	memset(w, 0, sizeof *w);
	rng_init(&r, seed, k);
	if (!old_names) {
		bench_name_draw(&r.s, &nm);
		c = culture_of(nm.region);
		put(w->first, sizeof w->first, "%s", nm.given);
		put(w->middle, sizeof w->middle, "%s", nm.middle);
		put(w->last, sizeof w->last, "%s", nm.family);
		put(ga, sizeof ga, "%s", nm.given_ascii);
		put(fa, sizeof fa, "%s", nm.family_ascii);
		if (c->english) {
			if (chance(&r, 20))
				put(w->prefix, sizeof w->prefix, "%s",
				    chance(&r, 700) ? "Dr" : "Prof.");
			if (chance(&r, 10))
				put(w->suffix, sizeof w->suffix, "%s",
				    chance(&r, 700) ? "Jr" : "III");
		}
		goto named;
	}
	c = pick_culture(&r);
	g = pick(&r, c->given, c->n_given);
	f = pick(&r, c->family, c->n_family);
	female = *g == '~';
	display_of(g, w->first, sizeof w->first);
	display_of(f, w->last, sizeof w->last);
	ascii_of(g, ga, sizeof ga);
	ascii_of(f, fa, sizeof fa);
	len = strlen(w->last);
	if (c->slavic && female && len >= 4 &&
	    (strcmp(w->last + len - 4, "ов") == 0 ||
	    strcmp(w->last + len - 4, "ев") == 0 ||
	    strcmp(w->last + len - 4, "ин") == 0)) {
		strncat(w->last, "а", sizeof w->last - len - 1);
		strncat(fa, "a", sizeof fa - strlen(fa) - 1);
	}
	if (c->english) {
		/* Double-barrelled names and initials keep names varied. */
		if (chance(&r, 60)) {
			f = pick(&r, c->family, c->n_family);
			len = strlen(w->last);
			w->last[len] = '-';
			display_of(f, w->last + len + 1,
			    sizeof w->last - len - 1);
			len = strlen(fa);
			ascii_of(f, fa + len, sizeof fa - len);
		}
		if (chance(&r, 350))
			put(w->middle, sizeof w->middle, "%c.",
			    'A' + (int)below(&r, 26));
		if (chance(&r, 20))
			put(w->prefix, sizeof w->prefix, "%s",
			    chance(&r, 700) ? "Dr" : "Prof.");
		if (chance(&r, 10))
			put(w->suffix, sizeof w->suffix, "%s",
			    chance(&r, 700) ? "Jr" : "III");
	} else if (chance(&r, 120))
		display_of(pick(&r, c->given, c->n_given), w->middle,
		    sizeof w->middle);
named:
	if (chance(&r, 40))
		put(w->nickname, sizeof w->nickname, "%s",
		    pick(&r, nicknames, N_ELEMS(nicknames)));

	n_orgs = n / ORGS_PER > 0 ? n / ORGS_PER : 1;
	if (chance(&r, 800)) {
		/* Skewed: organisation 0 gets the most contacts. */
		u = (double)(rnd(&r) >> 11) / 9007199254740992.0;
		org_k = (uint64_t)((double)n_orgs * u * u);
		org_name(org_k, org, sizeof org, domain, sizeof domain);
		put(w->org, sizeof w->org, "%s", org);
		if (chance(&r, 600))
			put(w->title, sizeof w->title, "%s",
			    pick(&r, titles, N_ELEMS(titles)));
		if (chance(&r, 100))
			put(w->dept, sizeof w->dept, "%s",
			    pick(&r, depts, N_ELEMS(depts)));
		work = chance(&r, 500);
	}
	if (chance(&r, 200))
		put(w->birthday, sizeof w->birthday, "%d-%02d-%02d",
		    1950 + (int)below(&r, 55), 1 + (int)below(&r, 12),
		    1 + (int)below(&r, 28));
	else if (chance(&r, 30))
		put(w->birthday, sizeof w->birthday, "--%02d-%02d",
		    1 + (int)below(&r, 12), 1 + (int)below(&r, 28));
	if (chance(&r, 100)) {
		switch (below(&r, 5)) {
		case 0:
			put(w->notes, sizeof w->notes, "Met at %s, %d.",
			    pick(&r, events, N_ELEMS(events)),
			    2015 + (int)below(&r, 10));
			break;
		case 1:
			put(w->notes, sizeof w->notes,
			    "Says \"call after 6pm\", not before.");
			break;
		case 2:
			put(w->notes, sizeof w->notes, "Prefers e-mail.");
			break;
		case 3:
			put(w->notes, sizeof w->notes,
			    "Introduced by %s %s.", w->first,
			    chance(&r, 500) ? "at lunch" : "on a call");
			break;
		default:
			put(w->notes, sizeof w->notes, "Asked about the "
			    "offer.\nFollow up next week, after the budget.");
			break;
		}
	}
	put(w->labels, sizeof w->labels, "* myContacts%s",
	    chance(&r, 50) ? " ::: * starred" : "");
	if (chance(&r, 250)) {
		len = strlen(w->labels);
		put(w->labels + len, sizeof w->labels - len, " ::: %s",
		    pick(&r, tags, N_ELEMS(tags)));
	}

	/* The row number makes the addresses unique. */
	if (!work)
		put(domain, sizeof domain, "%s",
		    pick(&r, free_mail, N_ELEMS(free_mail)));
	switch (below(&r, 4)) {
	case 0:
		put(w->mail1, sizeof w->mail1, "%s.%s%llu@%s", ga, fa,
		    (unsigned long long)k, domain);
		break;
	case 1:
		put(w->mail1, sizeof w->mail1, "%c%s%llu@%s", ga[0], fa,
		    (unsigned long long)k, domain);
		break;
	case 2:
		put(w->mail1, sizeof w->mail1, "%s_%s%llu@%s", ga, fa,
		    (unsigned long long)k, domain);
		break;
	default:
		put(w->mail1, sizeof w->mail1, "%s%llu@%s", fa,
		    (unsigned long long)k, domain);
		break;
	}
	put(w->mail1_label, sizeof w->mail1_label, "%s",
	    chance(&r, 200) ? "* " : work ? "* Work" : "* Home");
	if (chance(&r, 350)) {
		put(w->mail2, sizeof w->mail2, "%s.%s.%llu@%s", fa, ga,
		    (unsigned long long)k, pick(&r, free_mail,
		    N_ELEMS(free_mail)));
		put(w->mail2_label, sizeof w->mail2_label, "%s",
		    chance(&r, 500) ? "Home" : "Other");
	}
	if (chance(&r, 850)) {
		fill_phone(c->phone, k * PHONE_MUL, w->phone, sizeof w->phone);
		put(w->phone_label, sizeof w->phone_label, "%s",
		    chance(&r, 600) ? "Mobile" : chance(&r, 600) ? "Work" :
		    "Home");
	}
}

/* Row i, a copy of row j: merged by its e-mail address. */
static void
make_duplicate(uint64_t seed, unsigned dup_pm, uint64_t n, uint64_t i,
    struct row *w)
{
	const struct culture	*c;
	struct rng		 r;
	uint64_t		 j;

	j = original_of(seed, dup_pm, i);
	make_row(seed, n, j, w);
	rng_init(&r, seed ^ 0x2545f4914f6cdd1du, i);
	if (w->mail1[0] >= 'a' && w->mail1[0] <= 'z')
		w->mail1[0] = (char)(w->mail1[0] - 'a' + 'A');
	w->mail2[0] = w->mail2_label[0] = '\0';
	/* The culture only picks the phone's format. */
	c = &cultures[below(&r, N_ELEMS(cultures))];
	fill_phone(c->phone, i * PHONE_MUL, w->phone, sizeof w->phone);
	put(w->phone_label, sizeof w->phone_label, "Mobile");
	if (chance(&r, 300))
		put(w->title, sizeof w->title, "%s",
		    pick(&r, titles, N_ELEMS(titles)));
}

/* One field, quoted only when it has to be, as Google does. */
static void
put_field(FILE *fp, const char *s, int first)
{
	if (!first)
		putc(',', fp);
	if (strpbrk(s, ",\"\r\n") == NULL) {
		fputs(s, fp);
		return;
	}
	putc('"', fp);
	for (; *s != '\0'; s++) {
		if (*s == '"')
			putc('"', fp);
		putc(*s, fp);
	}
	putc('"', fp);
}

static void
put_row(FILE *fp, const struct row *w)
{
	const char	*field[] = {
		w->first, w->middle, w->last, "", "", "", w->prefix,
		w->suffix, w->nickname, "", w->org, w->title, w->dept,
		w->birthday, w->notes, "", w->labels, w->mail1_label, w->mail1,
		w->mail2_label, w->mail2, w->phone_label, w->phone,
	};
	size_t		 i;

	for (i = 0; i < N_ELEMS(field); i++)
		put_field(fp, field[i], i == 0);
	putc('\n', fp);
}

int
main(int argc, char **argv)
{
	static char		 buf[1 << 20];
	struct row		 w;
	FILE			*fp;
	char			*end;
	unsigned long long	 seed = 1, n, i, dups = 0;
	unsigned long		 dup_pm = 10;
	long			 size;
	size_t			 h;

	if (argc == 2 && strcmp(argv[1], "--version") == 0) {
		printf("%d %s\n", GEN_VERSION, bench_names_old() ? "old" :
		    "realistic");
		return 0;
	}
	if (argc < 3 || argc > 5) {
		fprintf(stderr, "usage: kith-bench-csv FILE N [SEED "
		    "[DUPLICATES_PER_MILLE]]\n       kith-bench-csv "
		    "--version\n");
		return 2;
	}
	errno = 0;
	n = strtoull(argv[2], &end, 10);
	if (errno != 0 || *end != '\0' || n < 1 || n > 100000000)
		die("N must be a number from 1 to 100000000");
	if (argc >= 4) {
		seed = strtoull(argv[3], &end, 10);
		if (errno != 0 || *end != '\0')
			die("SEED must be a number");
	}
	if (argc == 5) {
		dup_pm = strtoul(argv[4], &end, 10);
		if (errno != 0 || *end != '\0' || dup_pm > 500)
			die("DUPLICATES_PER_MILLE must be a number from 0 "
			    "to 500");
	}
	old_names = bench_names_old();
	if ((fp = fopen(argv[1], "w")) == NULL)
		die("%s: %s", argv[1], strerror(errno));
	setvbuf(fp, buf, _IOFBF, sizeof buf);

	for (h = 0; h < N_ELEMS(header); h++)
		put_field(fp, header[h], h == 0);
	putc('\n', fp);
	for (i = 0; i < n; i++) {
		if (original_of(seed, (unsigned)dup_pm, i) != i) {
			make_duplicate(seed, (unsigned)dup_pm, n, i, &w);
			dups++;
		} else
			make_row(seed, n, i, &w);
		put_row(fp, &w);
	}
	size = ftell(fp);
	if (ferror(fp) || fclose(fp) != 0)
		die("%s: writing failed", argv[1]);
	printf("rows %llu\n", n);
	printf("duplicates %llu\n", dups);
	printf("organisations %llu\n", n / ORGS_PER > 0 ? n / ORGS_PER : 1);
	printf("bytes %ld\n", size);
	return 0;
}
