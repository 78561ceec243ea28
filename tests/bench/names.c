/* SPDX-License-Identifier: MIT */
/*
 * Person names for the benchmark generators: see names.h.
 *
 * A tradition's names are entries "Display|ascii" (without "|ascii" the
 * ASCII form is the display form's ASCII letters, lower-cased); a family
 * name or ending may have a female form after a '/': "Petrov|petrov/
 * Petrova|petrova".  Rank r of a pool is the r-th head name while there
 * are any, then a name put together from a start, sometimes a middle and
 * an ending, chosen by a hash of (tradition, pool, r): the same rank is
 * always the same name, and ranks past the head spread over thousands of
 * combinations per tradition.
 */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "names.h"

#define N_ELEMS(a)	(sizeof (a) / sizeof (a)[0])

/* Zipf-Mandelbrot p(r) ~ 1 / (r + q) over r < m, per pool. */
#ifndef GIVEN_RANKS
#define GIVEN_RANKS	10000
#define GIVEN_Q		30.0
#define FAMILY_RANKS	300000
#define FAMILY_Q	100.0
#endif
#define MID_PERCENT	40	/* built names with a middle syllable, */
#define MID2_PERCENT	15	/* of which with a second one */

/* A list of entries. */
struct list {
	const char *const	*v;
	size_t			 n;
};

/* A pool: real names first, then built ones. */
struct pool {
	struct list	 head;
	struct list	 start;
	struct list	 mid;
	struct list	 end;
};

/* One naming tradition. */
struct tradition {
	const char	*region;
	unsigned	 weight;	/* per mille of names */
	int		 family_first;
	const char	*sep;
	unsigned	 initials;	/* percent with a middle initial */
	struct pool	 given_m;
	struct pool	 given_f;
	struct pool	 family;	/* entries may have a female form */
	unsigned	 two_families;	/* percent with two: "García López" */
	struct list	 patronymic;	/* "Иванович/Ивановна", ... */
	unsigned	 patronymics;	/* percent with one */
};

static uint64_t		 mix(uint64_t);
static uint64_t		 next(uint64_t *);
static size_t		 zipf_rank(uint64_t *, size_t, double);
static size_t		 u8len(unsigned char);
static int		 same_vowel(const char *, size_t, const char *, size_t);
static void		 append(char *, char *, const char *, int);
static void		 from_pool(const struct pool *, uint64_t, size_t, int,
			    char *, char *);

#define L(a)	{ (a), N_ELEMS(a) }
#define NONE	{ NULL, 0 }

/* English */
static const char *const en_gm[] = {
	"James", "John", "Robert", "Michael", "William", "David", "Richard",
	"Joseph", "Thomas", "Charles", "Christopher", "Daniel", "Matthew",
	"Anthony", "Mark", "Donald", "Steven", "Paul", "Andrew", "Joshua",
	"Kenneth", "Kevin", "Brian", "George", "Timothy", "Ronald", "Edward",
	"Jason", "Jeffrey", "Ryan", "Jacob", "Gary", "Nicholas", "Eric",
	"Jonathan", "Stephen", "Larry", "Justin", "Scott", "Brandon",
	"Benjamin", "Samuel", "Gregory", "Alexander", "Frank", "Patrick",
	"Raymond", "Jack", "Dennis", "Jerry", "Tyler", "Aaron", "Adam",
	"Nathan", "Henry", "Douglas", "Zachary", "Peter", "Kyle", "Ethan",
	"Walter", "Noah", "Jeremy", "Christian", "Keith", "Roger", "Terry",
	"Gerald", "Harold", "Sean", "Austin", "Carl", "Arthur", "Lawrence",
	"Dylan", "Jesse", "Jordan", "Bryan", "Billy", "Bruce", "Gabriel",
	"Logan", "Albert", "Alan", "Wayne", "Elijah", "Randy", "Roy",
	"Vincent", "Ralph", "Eugene", "Russell", "Bobby", "Mason", "Philip",
	"Louis", "Oliver", "Harry", "Liam", "Owen",
};
static const char *const en_gf[] = {
	"Mary", "Patricia", "Jennifer", "Linda", "Elizabeth", "Barbara",
	"Susan", "Jessica", "Sarah", "Karen", "Lisa", "Nancy", "Betty",
	"Margaret", "Sandra", "Ashley", "Kimberly", "Emily", "Donna",
	"Michelle", "Carol", "Amanda", "Dorothy", "Melissa", "Deborah",
	"Stephanie", "Rebecca", "Sharon", "Laura", "Cynthia", "Kathleen",
	"Amy", "Angela", "Shirley", "Anna", "Brenda", "Pamela", "Emma",
	"Nicole", "Helen", "Samantha", "Katherine", "Christine", "Debra",
	"Rachel", "Carolyn", "Janet", "Catherine", "Maria", "Heather",
	"Diane", "Ruth", "Julie", "Olivia", "Joyce", "Virginia", "Victoria",
	"Kelly", "Lauren", "Christina", "Joan", "Evelyn", "Judith", "Megan",
	"Andrea", "Cheryl", "Hannah", "Jacqueline", "Martha", "Gloria",
	"Teresa", "Ann", "Sara", "Madison", "Frances", "Kathryn", "Janice",
	"Jean", "Abigail", "Alice", "Julia", "Judy", "Sophia", "Grace",
	"Denise", "Amber", "Doris", "Marilyn", "Danielle", "Beverly",
	"Isabella", "Theresa", "Diana", "Natalie", "Brittany", "Charlotte",
	"Marie", "Chloe", "Zoe", "Jo-Ann|joann",
};
static const char *const en_gs[] = {
	"Al", "Bran", "Bri", "Cal", "Cam", "Car", "Col", "Dar", "Del", "Dor",
	"El", "Em", "Ev", "Gar", "Gra", "Hal", "Har", "Jam", "Jar", "Jay",
	"Jen", "Kai", "Kar", "Kel", "Ken", "Lan", "Lar", "Lin", "Lor", "Mal",
	"Mar", "Mel", "Mer", "Nor", "Ral", "Ros", "Sel", "Tam", "Tor", "Wil",
};
static const char *const en_gmid[] = { "a", "e", "i", "o", "an", "el",
	"in" };
static const char *const en_gem[] = { "den", "don", "ton", "ley", "ric",
	"vin", "ard", "as", "ell", "en", "on", "us", "iel", "o" };
static const char *const en_gef[] = { "lyn", "leigh", "anne", "ette",
	"ina", "ie", "ella", "ara", "issa", "ia", "elle", "ine", "a", "ey" };
static const char *const en_fh[] = {
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
	"Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson",
	"Martin", "Lee", "Thompson", "White", "Harris", "Clark", "Lewis",
	"Robinson", "Walker", "Young", "Allen", "King", "Wright", "Scott",
	"Hill", "Green", "Adams", "Nelson", "Baker", "Hall", "Campbell",
	"Mitchell", "Carter", "Roberts", "Phillips", "Evans", "Turner",
	"Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy",
	"Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Bailey", "Reed",
	"Kelly", "Howard", "Cox", "Ward", "Richardson", "Watson", "Brooks",
	"Wood", "James", "Bennett", "Gray", "Hughes", "Price", "Sanders",
	"Myers", "Long", "Ross", "Foster", "Powell", "Jenkins", "Perry",
	"Russell", "Sullivan", "Bell", "Coleman", "Butler", "Henderson",
	"Barnes", "Fisher", "Simmons", "Patterson", "Graham", "Reynolds",
	"Hamilton", "Wallace", "West", "Cole", "Hayes", "Gibson", "Ellis",
	"Stevens", "Murray", "Ford", "Marshall", "Owens", "O'Brien|obrien",
	"McAllister|mcallister", "Fitzgerald", "Quinn",
};
static const char *const en_fs[] = {
	"Ash", "Bar", "Bel", "Black", "Brad", "Bram", "Brook", "Cal", "Car",
	"Chad", "Craw", "Dal", "Dun", "Fair", "Fen", "Gar", "Gil", "Hal",
	"Ham", "Har", "Hart", "Hol", "Kel", "Kin", "Lang", "Mar", "Mel",
	"Nor", "Pen", "Rad", "Ram", "Red", "Shel", "Stan", "Thorn", "Wad",
	"Wes", "Whit", "Win", "Wood", "Ald", "Beck", "Cran", "Hux", "Lock",
	"Mort", "Oak", "Pem", "Sher", "Tal",
};
static const char *const en_fm[] = { "a", "e", "er", "ing", "den", "mor",
	"ble", "wel" };
static const char *const en_fe[] = {
	"ton", "ley", "ford", "son", "field", "wood", "worth", "ham", "by",
	"man", "ridge", "well", "more", "stone", "ington", "cott", "land",
	"wick", "hurst", "ner", "bury", "dale", "ock", "er", "ett",
};

/* German, Dutch and Nordic */
static const char *const de_gm[] = {
	"Jürgen|juergen", "Jörg|joerg", "Günter|guenter", "Björn|bjoern",
	"Søren|soeren", "Lars", "Uwe", "Mathias", "Stefan", "Thomas",
	"Michael", "Andreas", "Klaus", "Peter", "Wolfgang", "Lukas", "Jonas",
	"Felix", "Maximilian", "Sven", "Erik", "Anders", "Henrik", "Jan",
	"Daan", "Bram", "Pieter", "Ólafur|olafur", "Niels", "Mats",
};
static const char *const de_gf[] = {
	"Åsa|aasa", "Märta|maerta", "Katrin", "Sabine", "Ingrid", "Anneliese",
	"Ursula", "Monika", "Petra", "Claudia", "Anja", "Julia", "Lena",
	"Lea", "Hanna", "Sofie", "Freya", "Ingeborg", "Sanne", "Fleur",
	"Lotte", "Astrid", "Sigrid", "Karin", "Maren", "Birgit",
	"Käthe|kaethe", "Jördis|joerdis",
};
static const char *const de_gs[] = {
	"Al", "Bern", "Det", "Eb", "Ger", "Gun", "Hel", "Her", "Hil", "Ing",
	"Kar", "Kon", "Lud", "Mag", "Ort", "Rein", "Sieg", "Ul", "Wal", "Wil",
	"Wolf", "Fried", "Ros", "Ar",
};
static const char *const de_gem[] = { "bert", "hard", "helm", "mar",
	"mund", "rich", "win", "old", "fried", "ulf", "olf", "hold" };
static const char *const de_gef[] = { "trud", "hild", "linde", "burga",
	"heid", "run", "ke", "ga", "da", "ine", "rid", "wig" };
static const char *const de_fh[] = {
	"Müller|mueller", "Schmidt", "Schneider", "Fischer", "Weber",
	"Meyer", "Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer|schaefer",
	"Koch", "Bauer", "Richter", "Klein", "Wolf", "Schröder|schroeder",
	"Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger|krueger",
	"Hofmann", "Hartmann", "Lange", "Schmitt", "Werner", "Krause",
	"Meier", "Lehmann", "Köhler|koehler", "Groß|gross", "Weiß|weiss",
	"Jansen", "De Vries|devries", "Van Dijk|vandijk", "Bakker", "Visser",
	"Hansen", "Johansson", "Andersson", "Nilsson", "Larsen",
	"Jørgensen|joergensen", "Åström|aastroem", "Lindqvist",
	"Sæther|saether", "Jóhannsdóttir|johannsdottir",
};
static const char *const de_fs[] = {
	"Al", "Bach", "Berg", "Bieder", "Blum", "Brand", "Eck", "Eich",
	"Engel", "Falk", "Feld", "Frei", "Grün|gruen", "Hahn", "Heil",
	"Hirsch", "Holz", "Kalt", "Kirch", "Kling", "Kühn|kuehn", "Lind",
	"Löw|loew", "Mahl", "Mohr", "Nord", "Ost", "Pfeif", "Rein", "Ritt",
	"Rosen", "Sand", "Schön|schoen", "Stein", "Strom", "Sund", "Tann",
	"Vogel", "Wald", "Wies", "Ahl", "Dahl", "Fjell", "Holm", "Lund",
	"Sjö|sjoe", "Strand", "Ek", "Björk|bjoerk",
};
static const char *const de_fm[] = { "en", "er", "el", "s", "e", "ing" };
static const char *const de_fe[] = {
	"mann", "berg", "feld", "hoff", "bach", "stein", "er", "hardt",
	"horst", "dorf", "thal", "wald", "meier", "ling", "ström|stroem",
	"gren", "qvist", "sson", "sen", "holm", "lund", "dahl",
	"brück|brueck", "hagen",
};

/* French */
static const char *const fr_gm[] = {
	"Jean", "Pierre", "Michel", "André|andre", "Philippe", "Louis",
	"Nicolas", "François|francois", "Jérôme|jerome", "Olivier",
	"Thierry", "Laurent", "Julien", "Antoine", "Maxime", "Hugo",
	"Théo|theo", "Lucas", "Mathieu", "Sébastien|sebastien", "Noël|noel",
	"Maël|mael", "Gaëtan|gaetan",
};
static const char *const fr_gf[] = {
	"Marie", "Nathalie", "Isabelle", "Sylvie", "Catherine",
	"Françoise|francoise", "Hélène|helene", "Chloé|chloe", "Zoé|zoe",
	"Camille", "Léa|lea", "Manon", "Émilie|emilie", "Céline|celine",
	"Aurélie|aurelie", "Anaïs|anais", "Élodie|elodie", "Sophie",
	"Juliette", "Margaux", "Inès|ines", "Clémence|clemence",
};
static const char *const fr_gs[] = {
	"Ar", "Ber", "Cé|ce", "Da", "É|e", "Fa", "Gé|ge", "Hé|he", "Jo", "Lu",
	"Ma", "Mé|me", "No", "Ro", "Sé|se", "Va", "Ti", "Be", "Ga", "Lo",
};
static const char *const fr_gem[] = { "nard", "main", "lien", "rick",
	"rent", "bert", "mond", "val", "land", "rice", "tien", "lix" };
static const char *const fr_gef[] = { "line", "nette", "lie", "rine",
	"elle", "ette", "anne", "ise", "rie", "lène|lene", "phine", "ence" };
static const char *const fr_fh[] = {
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard",
	"Petit", "Durand", "Leroy", "Moreau", "Simon", "Laurent",
	"Lefèvre|lefevre", "Michel", "Garcia", "David", "Bertrand", "Roux",
	"Vincent", "Fournier", "Morel", "Girard", "André|andre", "Lefebvre",
	"Mercier", "Dupont", "Lambert", "Bonnet", "François|francois",
	"Béranger|beranger", "Perrault", "Gérard|gerard", "Benoît|benoit",
	"Rousseau", "Faure", "Blanc", "Guérin|guerin", "Chevalier",
};
static const char *const fr_fs[] = {
	"Beau", "Bel", "Bon", "Bou", "Cha", "Che", "Cour", "Des", "Du", "Fon",
	"Gau", "Gre", "La", "Le", "Mar", "Mon", "Pel", "Per", "Ri", "Rou",
	"Sau", "Ver", "Vil", "Ba", "Mo", "Tes", "Bru", "Cla", "Bo", "Po",
};
static const char *const fr_fm[] = { "ri", "ve", "la", "mar", "on", "che",
	"ti" };
static const char *const fr_fe[] = {
	"chard", "tier", "ville", "mont", "court", "reau", "lier", "det",
	"vin", "nier", "rand", "let", "quet", "ron", "bert", "gnon", "cier",
	"teau", "guin", "roy", "lot", "sson", "champ", "vert",
};

/* Spanish and Portuguese */
static const char *const es_gm[] = {
	"José|jose", "Antonio", "Manuel", "Francisco", "Juan", "David",
	"Javier", "Carlos", "Jesús|jesus", "Miguel", "Alejandro", "Rafael",
	"Pedro", "Pablo", "Andrés|andres", "Ramón|ramon", "Álvaro|alvaro",
	"Iñaki|inaki", "Íñigo|inigo", "João|joao", "Gonçalo|goncalo",
	"Tiago", "Rui", "Diego", "Sergio",
};
static const char *const es_gf[] = {
	"María|maria", "Carmen", "Ana", "Isabel", "Laura", "Lucía|lucia",
	"Sofía|sofia", "Marta", "Elena", "Cristina", "Paula", "Inés|ines",
	"Begoña|begona", "Beatriz", "Rosa", "Pilar", "Dolores",
	"Conceição|conceicao", "Joana", "Mariana", "Leonor", "Raquel",
	"Nuria", "Alba",
};
static const char *const es_gs[] = {
	"Al", "Ber", "Ca", "Cris", "E", "Fer", "Ga", "Gui", "Ig", "Jo", "Le",
	"Lo", "Ma", "Mar", "Ne", "Ri", "Ro", "Sal", "Se", "Ti", "Va", "Vi",
	"Au",
};
static const char *const es_gem[] = { "berto", "cio", "dro", "fonso",
	"lio", "mundo", "nando", "rio", "sto", "vador", "rico", "miro" };
static const char *const es_gef[] = { "lia", "nia", "rina", "dad",
	"cía|cia", "ela", "lena", "sa", "ta", "ra", "ria", "xa" };
static const char *const es_fh[] = {
	"García|garcia", "Fernández|fernandez", "González|gonzalez",
	"Rodríguez|rodriguez", "López|lopez", "Martínez|martinez",
	"Sánchez|sanchez", "Pérez|perez", "Gómez|gomez", "Martín|martin",
	"Jiménez|jimenez", "Ruiz", "Hernández|hernandez", "Díaz|diaz",
	"Moreno", "Muñoz|munoz", "Álvarez|alvarez", "Romero", "Alonso",
	"Gutiérrez|gutierrez", "Navarro", "Torres", "Domínguez|dominguez",
	"Vázquez|vazquez", "Ramos", "Gil", "Ramírez|ramirez", "Serrano",
	"Blanco", "Molina", "Silva", "Santos", "Ferreira", "Pereira",
	"Oliveira", "Costa", "Rodrigues", "Gonçalves|goncalves",
	"Araújo|araujo", "Peña|pena", "Núñez|nunez", "Ibáñez|ibanez",
	"Castaño|castano",
};
static const char *const es_fs[] = {
	"Al", "Ar", "Bel", "Ca", "Cas", "Cor", "Es", "Fi", "Gal", "Guer",
	"Ir", "La", "Lu", "Mal", "Me", "Mon", "Mu", "Or", "Pa", "Pi", "Que",
	"Ri", "Sal", "So", "Ta", "Ve", "Vi", "Za", "Bar", "Cer",
};
static const char *const es_fm[] = { "ba", "ran", "ri", "la", "ve", "do",
	"ca" };
static const char *const es_fe[] = {
	"ez", "az", "edo", "ero", "ano", "ales", "illo", "ueta", "ena",
	"ón|on", "ares", "eira", "ado", "oso", "ente", "ejo", "ardo", "anda",
	"uela", "io",
};

/* Italian */
static const char *const it_gm[] = {
	"Marco", "Luca", "Alessandro", "Matteo", "Lorenzo", "Giovanni",
	"Andrea", "Francesco", "Davide", "Simone", "Federico", "Riccardo",
	"Stefano", "Paolo", "Giuseppe", "Antonio", "Roberto",
};
static const char *const it_gf[] = {
	"Giulia", "Francesca", "Chiara", "Sofia", "Aurora", "Elena",
	"Martina", "Sara", "Valentina", "Alessia", "Federica", "Silvia",
	"Laura", "Paola", "Giorgia", "Anna",
};
static const char *const it_gs[] = {
	"Al", "Am", "Bru", "Ce", "Da", "Fa", "Gi", "Ot", "Ra", "Se", "Ti",
	"Ve", "Vi", "Ro", "Lu", "Ma", "Ni", "Pi",
};
static const char *const it_gem[] = { "berto", "brogio", "dino", "lio",
	"mo", "rio", "no", "tore", "vio", "zio", "rico", "ero" };
static const char *const it_gef[] = { "della", "lia", "na", "netta",
	"rina", "tta", "ella", "ria", "zia", "nda", "ola", "mina" };
static const char *const it_fh[] = {
	"Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano",
	"Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo", "Conti",
	"De Luca|deluca", "Mancini", "Costa", "Giordano", "Rizzo",
	"Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani",
	"Rinaldi", "Caruso", "Ferrara", "Galli", "Martini", "Leone", "Longo",
	"Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola",
	"De Santis|desantis", "D'Angelo|dangelo", "Marchetti",
};
static const char *const it_fs[] = {
	"Bar", "Bel", "Ber", "Bo", "Ca", "Cap", "Cor", "Fa", "Fer", "Gal",
	"Gi", "Lan", "Ma", "Man", "Mar", "Mor", "Pa", "Pel", "Ri", "Ros",
	"San", "Tes", "Ve", "Za", "Al", "Do", "Fio", "Gua", "Pe", "Vi",
};
static const char *const it_fm[] = { "ri", "li", "ne", "ta", "gno", "ro",
	"do" };
static const char *const it_fe[] = {
	"ini", "elli", "etti", "ucci", "one", "oni", "ato", "ino", "ese",
	"ardi", "acci", "otti", "ano", "eri", "aldi", "ulli", "esi", "izzi",
};

/* Serbian and Croatian in Latin script */
static const char *const srl_gm[] = {
	"Nikola", "Marko", "Stefan", "Đorđe|djordje", "Dušan|dusan", "Petar",
	"Miloš|milos", "Vuk", "Željko|zeljko", "Goran", "Zoran", "Bojan",
	"Ivan", "Luka", "Aleksandar", "Milan", "Dragan", "Nenad", "Dejan",
	"Vladimir", "Ante", "Tomislav", "Josip", "Davor",
};
static const char *const srl_gf[] = {
	"Ana", "Marija", "Jelena", "Milica", "Ivana", "Dragana",
	"Snežana|snezana", "Ljubica", "Branka", "Živana|zivana", "Nevena",
	"Nataša|natasa", "Tijana", "Đurđa|djurdja", "Maja", "Jovana",
	"Katarina", "Sanja", "Mirjana", "Vesna", "Gordana", "Ivona", "Petra",
	"Lucija",
};
static const char *const srl_gs[] = {
	"Bo", "Bra", "Dra", "Du", "Go", "Lju", "Mi", "Mla", "Ne", "Ra", "Sla",
	"Sto", "Sve", "Vla", "Zla", "Ži|zi", "Ve", "Da", "Bi", "Kre",
	"Dobro",
};
static const char *const srl_gem[] = { "dan", "mir", "slav", "ško|sko",
	"ko", "jan", "van", "ran", "vo", "še|se", "tko", "čo|co" };
static const char *const srl_gef[] = { "dana", "mira", "slava",
	"ška|ska", "ja", "na", "jana", "ica", "ka", "ena", "ija", "ana" };
static const char *const srl_fh[] = {
	"Petrović|petrovic", "Jovanović|jovanovic", "Nikolić|nikolic",
	"Marković|markovic", "Đorđević|djordjevic", "Stojanović|stojanovic",
	"Ilić|ilic", "Stanković|stankovic", "Pavlović|pavlovic",
	"Milošević|milosevic", "Popović|popovic", "Živković|zivkovic",
	"Tomić|tomic", "Kovačević|kovacevic", "Šarić|saric", "Babić|babic",
	"Horvat", "Kovač|kovac", "Knežević|knezevic", "Lukić|lukic",
	"Đukić|djukic", "Mišković|miskovic", "Čolić|colic", "Ćirić|ciric",
	"Šćepanović|scepanovic", "Jurić|juric", "Novak", "Marić|maric",
	"Radić|radic", "Vuković|vukovic",
};
static const char *const srl_fs[] = {
	"Ba", "Bo", "Bra", "Ce", "Dra", "Đu|dju", "Ga", "Gr", "Ja", "Ka",
	"Kne", "Kr", "Lu", "Ma", "Mi", "Mla", "Ni", "Ob", "Pa", "Pe", "Ra",
	"Ri", "Se", "Sto", "Ša|sa", "Te", "Vla", "Vu", "Za", "Ži|zi", "Bu",
	"Du",
};
static const char *const srl_fm[] = { "dak", "no", "ro", "sa", "ve", "li",
	"ja", "ko", "ti" };
static const char *const srl_fe[] = {
	"ović|ovic", "ević|evic", "ić|ic", "ović|ovic", "ović|ovic",
	"inović|inovic", "anović|anovic", "ač|ac", "ec", "ar", "ko",
	"enović|enovic",
};

/* Czech and Polish */
static const char *const cs_gm[] = {
	"Jiří|jiri", "Petr", "Jan", "Tomáš|tomas", "Lukáš|lukas",
	"Ondřej|ondrej", "Václav|vaclav", "Łukasz|lukasz", "Paweł|pawel",
	"Michał|michal", "Krzysztof", "Piotr", "Grzegorz", "Wojciech",
	"Štěpán|stepan", "Radek", "Jakub", "Marek", "Adam", "Tomasz",
	"Martin", "Josef", "Karel", "Pavel",
};
static const char *const cs_gf[] = {
	"Eva", "Jana", "Kateřina|katerina", "Zuzana", "Lucie", "Tereza",
	"Agnieszka", "Małgorzata|malgorzata", "Katarzyna", "Joanna",
	"Żaneta|zaneta", "Barbora", "Magdalena", "Anežka|anezka", "Anna",
	"Monika", "Aleksandra", "Ewa", "Marie", "Hana", "Veronika", "Dorota",
};
static const char *const cs_gs[] = {
	"Bo", "Bro", "Ja", "Lu", "Mi", "Mie", "Ra", "Sta", "Sobie", "Ví|vi",
	"Vla", "Wie", "Zby", "Ze", "Ju", "Ka", "Do", "Cze", "Bła|bla",
	"Prze",
};
static const char *const cs_gem[] = { "slav", "sław|slaw", "mír|mir",
	"mil", "dek", "bor", "ek", "usz", "aw", "chal", "ran", "mysł|mysl" };
static const char *const cs_gef[] = { "slava", "sława|slawa", "mila",
	"na", "ka", "ena", "uše|use", "nka", "da", "ra", "ta", "ia" };
static const char *const cs_fh[] = {
	"Novák|novak/Nováková|novakova", "Svoboda/Svobodová|svobodova",
	"Dvořák|dvorak/Dvořáková|dvorakova", "Černý|cerny/Černá|cerna",
	"Procházka|prochazka/Procházková|prochazkova",
	"Kučera|kucera/Kučerová|kucerova", "Veselý|vesely/Veselá|vesela",
	"Horák|horak/Horáková|horakova", "Nowak", "Kowalski/Kowalska",
	"Wiśniewski|wisniewski/Wiśniewska|wisniewska", "Wójcik|wojcik",
	"Kowalczyk", "Kamiński|kaminski/Kamińska|kaminska",
	"Lewandowski/Lewandowska", "Zieliński|zielinski/Zielińska|zielinska",
	"Szymański|szymanski/Szymańska|szymanska", "Woźniak|wozniak",
	"Dąbrowski|dabrowski/Dąbrowska|dabrowska",
	"Kozłowski|kozlowski/Kozłowska|kozlowska", "Jankowski/Jankowska",
	"Mazur", "Krawczyk", "Němec|nemec/Němcová|nemcova",
	"Marek/Marková|markova", "Pokorný|pokorny/Pokorná|pokorna",
	"Pospíšil|pospisil/Pospíšilová|pospisilova",
	"Hájek|hajek/Hájková|hajkova",
};
static const char *const cs_fs[] = {
	"Bart", "Bia", "Bro", "Chmiel", "Dud", "Gór|gor", "Grab", "Hav",
	"Jab", "Jar", "Kal", "Kos", "Krak", "Kr", "Las", "Maj", "Mich", "Nem",
	"Ol", "Pal", "Pol", "Ryb", "Sad", "Sob", "Sok", "Stas", "Tom", "Wal",
	"Wil", "Zaj", "Zawad", "Ples", "Pros", "Hru", "Vrb", "Kop",
};
static const char *const cs_fm[] = { "ow", "ar", "el", "in", "ec", "ni" };
static const char *const cs_fe[] = {
	"ski/ska", "ski/ska", "cki/cka", "czyk", "ak", "ek",
	"ík|ik/íková|ikova", "ák|ak/áková|akova", "ný|ny/ná|na",
	"ka/ková|kova", "ec", "iak", "ewicz", "ovský|ovsky/ovská|ovska",
	"ula", "ota",
};

/* Turkish */
static const char *const tr_gm[] = {
	"Mehmet", "Mustafa", "Ahmet", "Ali", "Hüseyin|huseyin", "Hasan",
	"İbrahim|ibrahim", "Murat", "Ömer|omer", "Emre", "Burak",
	"Gökhan|gokhan", "Can", "Kemal", "Serkan",
};
static const char *const tr_gf[] = {
	"Ayşe|ayse", "Fatma", "Emine", "Hatice", "Zeynep", "Elif", "Meryem",
	"Şule|sule", "Çağla|cagla", "Gülşen|gulsen", "Öykü|oyku", "Derya",
	"Esra", "Selin", "Büşra|busra",
};
static const char *const tr_gs[] = {
	"Ay", "Bar", "Cem", "Der", "Er", "Gül|gul", "Han", "İl|il", "Kaan",
	"Mer", "Nur", "Öz|oz", "Sel", "Ser", "Tu", "Yıl|yil", "Ba", "Ce",
};
static const char *const tr_gem[] = { "han", "kan", "tay", "can", "er",
	"at", "ur", "men", "tan", "ay", "gin", "bey" };
static const char *const tr_gef[] = { "nur", "gül|gul", "su", "ay", "ce",
	"da", "nil", "sen", "çe|ce", "ye", "la", "ra" };
static const char *const tr_fh[] = {
	"Yılmaz|yilmaz", "Kaya", "Demir", "Şahin|sahin", "Çelik|celik",
	"Yıldız|yildiz", "Yıldırım|yildirim", "Öztürk|ozturk",
	"Aydın|aydin", "Özdemir|ozdemir", "Arslan", "Doğan|dogan",
	"Kılıç|kilic", "Aslan", "Çetin|cetin", "Kara", "Koç|koc", "Kurt",
	"Özkan|ozkan", "Şimşek|simsek",
};
static const char *const tr_fs[] = {
	"Ak", "Al", "Ay", "Bal", "Boz", "Çak|cak", "Dem", "Er", "Gök|gok",
	"Gün|gun", "Kar", "Kay", "Kıl|kil", "Koç|koc", "Öz|oz", "Sar", "Tok",
	"Uç|uc", "Yal", "Yıl|yil", "Ka", "Ba", "Te",
};
static const char *const tr_fm[] = { "ta", "ka", "ır|ir", "er" };
static const char *const tr_fe[] = {
	"oğlu|oglu", "can", "gül|gul", "han", "kaya", "soy", "taş|tas",
	"türk|turk", "yürek|yurek", "ay", "er", "al", "demir", "dağ|dag",
	"el", "çı|ci",
};

/* Indian names in English spelling */
static const char *const in_gm[] = {
	"Rahul", "Arjun", "Vikram", "Rohan", "Sanjay", "Amit", "Rajesh",
	"Suresh", "Anil", "Ravi", "Kiran", "Deepak", "Arun", "Vijay", "Manoj",
	"Aditya",
};
static const char *const in_gf[] = {
	"Priya", "Ananya", "Kavya", "Aditi", "Meera", "Pooja", "Neha",
	"Anjali", "Divya", "Lakshmi", "Sunita", "Kavita", "Shreya", "Nisha",
};
static const char *const in_gs[] = {
	"Ab", "Ad", "Am", "An", "Ar", "Bal", "Dev", "Har", "Ja", "Kar", "Ma",
	"Na", "Pra", "Ra", "Sa", "Shi", "Su", "Vi", "Ya", "Gau",
};
static const char *const in_gem[] = { "esh", "ant", "an", "it", "ay",
	"endra", "ish", "ul", "ik", "am", "raj", "deep" };
static const char *const in_gef[] = { "ika", "ita", "ini", "ya", "na",
	"ali", "ima", "isha", "ja", "vi", "ta", "shri" };
static const char *const in_fh[] = {
	"Patel", "Singh", "Sharma", "Gupta", "Kumar", "Reddy", "Iyer", "Nair",
	"Mehta", "Joshi", "Rao", "Shah", "Das", "Verma", "Mishra",
	"Chatterjee", "Banerjee", "Agarwal", "Pillai", "Menon", "Desai",
	"Kapoor", "Malhotra", "Bhat",
};
static const char *const in_fs[] = {
	"Agar", "Bha", "Cha", "Chau", "Deshi", "Gho", "Ka", "Kul", "Ma", "Na",
	"Pa", "Pra", "Ra", "Sak", "Shri", "Sri", "Ti", "Va", "Bal", "Jha",
};
static const char *const in_fm[] = { "ka", "ra", "na", "van" };
static const char *const in_fe[] = {
	"wal", "tri", "dhary", "kar", "rjee", "shi", "vedi", "thy", "pande",
	"swamy", "nathan", "war", "singh", "deo",
};

/* Russian */
static const char *const ru_gm[] = {
	"Александр|aleksandr", "Дмитрий|dmitriy", "Сергей|sergey",
	"Андрей|andrey", "Алексей|aleksey", "Иван|ivan", "Михаил|mikhail",
	"Пётр|pyotr", "Николай|nikolay", "Владимир|vladimir", "Артём|artyom",
	"Фёдор|fyodor", "Юрий|yuriy", "Евгений|evgeniy", "Максим|maksim",
	"Кирилл|kirill", "Никита|nikita", "Павел|pavel", "Олег|oleg",
	"Игорь|igor", "Роман|roman", "Антон|anton", "Виктор|viktor",
	"Денис|denis",
};
static const char *const ru_gf[] = {
	"Ольга|olga", "Наталья|natalya", "Елена|elena", "Татьяна|tatyana",
	"Анна|anna", "Мария|mariya", "Юлия|yuliya", "Екатерина|ekaterina",
	"Ирина|irina", "Светлана|svetlana", "Дарья|darya", "Алёна|alyona",
	"Ксения|kseniya", "Софья|sofya", "Людмила|lyudmila", "Полина|polina",
	"Анастасия|anastasiya", "Валентина|valentina", "Галина|galina",
	"Вера|vera", "Надежда|nadezhda", "Марина|marina",
};
static const char *const ru_gs[] = {
	"Бо|bo", "Бро|bro", "Вла|vla", "Все|vse", "Вя|vya", "Го|go", "Да|da",
	"До|do", "Ле|le", "Лю|lyu", "Мсти|msti", "Ми|mi", "Ра|ra", "Ро|ro",
	"Свя|svya", "Ста|sta", "Яро|yaro", "Зла|zla", "Ве|ve", "Гле|gle",
};
static const char *const ru_gem[] = { "слав|slav", "мир|mir", "дан|dan",
	"гор|gor", "вад|vad", "рон|ron", "лий|liy", "сий|siy", "мил|mil",
	"рат|rat", "фей|fey", "тий|tiy" };
static const char *const ru_gef[] = { "слава|slava", "мира|mira",
	"дана|dana", "лина|lina", "ния|niya", "рья|rya", "ся|sya",
	"фья|fya", "ра|ra", "ла|la", "ина|ina", "ея|eya" };
static const char *const ru_fh[] = {
	"Иванов|ivanov/Иванова|ivanova", "Смирнов|smirnov/Смирнова|smirnova",
	"Кузнецов|kuznetsov/Кузнецова|kuznetsova",
	"Попов|popov/Попова|popova",
	"Васильев|vasilyev/Васильева|vasilyeva",
	"Петров|petrov/Петрова|petrova", "Соколов|sokolov/Соколова|sokolova",
	"Михайлов|mikhaylov/Михайлова|mikhaylova",
	"Новиков|novikov/Новикова|novikova",
	"Фёдоров|fyodorov/Фёдорова|fyodorova",
	"Морозов|morozov/Морозова|morozova", "Волков|volkov/Волкова|volkova",
	"Алексеев|alekseev/Алексеева|alekseeva",
	"Лебедев|lebedev/Лебедева|lebedeva",
	"Семёнов|semyonov/Семёнова|semyonova",
	"Егоров|egorov/Егорова|egorova", "Павлов|pavlov/Павлова|pavlova",
	"Козлов|kozlov/Козлова|kozlova",
	"Степанов|stepanov/Степанова|stepanova",
	"Николаев|nikolaev/Николаева|nikolaeva",
	"Орлов|orlov/Орлова|orlova", "Андреев|andreev/Андреева|andreeva",
	"Макаров|makarov/Макарова|makarova",
	"Никитин|nikitin/Никитина|nikitina",
	"Захаров|zakharov/Захарова|zakharova",
	"Петровский|petrovskiy/Петровская|petrovskaya",
};
static const char *const ru_fs[] = {
	"Бе|be", "Бо|bo", "Ва|va", "Ве|ve", "Во|vo", "Га|ga", "Го|go",
	"Гу|gu", "Да|da", "Де|de", "Жу|zhu", "За|za", "Ка|ka", "Ко|ko",
	"Кра|kra", "Ку|ku", "Ла|la", "Ле|le", "Ма|ma", "Ме|me", "Мо|mo",
	"На|na", "Ра|ra", "Ро|ro", "Са|sa", "Се|se", "Со|so", "Та|ta",
	"Ту|tu", "Фо|fo", "Ха|kha", "Чер|cher", "Ша|sha", "Щу|shchu",
	"Бел|bel", "Сыр|syr",
};
static const char *const ru_fm[] = { "ла|la", "ри|ri", "ло|lo", "ба|ba",
	"ше|she", "ро|ro", "ти|ti", "ны|ny" };
static const char *const ru_fe[] = {
	"нов|nov/нова|nova", "лов|lov/лова|lova", "ров|rov/рова|rova",
	"ев|ev/ева|eva", "ин|in/ина|ina", "кин|kin/кина|kina",
	"цев|tsev/цева|tseva", "ский|skiy/ская|skaya", "шин|shin/шина|shina",
	"тов|tov/това|tova", "хин|khin/хина|khina", "ков|kov/кова|kova",
};

/* Ukrainian */
static const char *const uk_gm[] = {
	"Олександр|oleksandr", "Андрій|andriy", "Тарас|taras",
	"Богдан|bohdan", "Євген|yevhen", "Ігор|ihor", "Дмитро|dmytro",
	"Ярослав|yaroslav", "Віталій|vitaliy", "Василь|vasyl",
	"Микола|mykola", "Степан|stepan",
};
static const char *const uk_gf[] = {
	"Оксана|oksana", "Ірина|iryna", "Наталія|nataliya", "Юлія|yuliya",
	"Марія|mariya", "Олена|olena", "Соломія|solomiya", "Галина|halyna",
	"Леся|lesya", "Тетяна|tetyana", "Христина|khrystyna",
};
static const char *const uk_fh[] = {
	"Шевченко|shevchenko", "Коваленко|kovalenko",
	"Бондаренко|bondarenko", "Ткаченко|tkachenko", "Кравчук|kravchuk",
	"Мельник|melnyk", "Петренко|petrenko", "Олійник|oliynyk",
	"Шевчук|shevchuk", "Поліщук|polishchuk", "Бойко|boyko",
	"Ковальчук|kovalchuk", "Лисенко|lysenko", "Марченко|marchenko",
	"Савченко|savchenko", "Руденко|rudenko",
};
static const char *const uk_fe[] = {
	"енко|enko", "енко|enko", "чук|chuk", "ук|uk", "ак|ak", "ик|yk",
	"ський|skyy/ська|ska", "ич|ych", "ко|ko", "ець|ets",
};

/* Serbian in Cyrillic script */
static const char *const src_gm[] = {
	"Никола|nikola", "Марко|marko", "Стефан|stefan", "Ђорђе|djordje",
	"Душан|dusan", "Петар|petar", "Милош|milos", "Вук|vuk",
	"Жељко|zeljko", "Горан|goran", "Зоран|zoran", "Бојан|bojan",
	"Јован|jovan", "Његош|njegos", "Бранко|branko", "Милан|milan",
	"Драган|dragan",
};
static const char *const src_gf[] = {
	"Ана|ana", "Марија|marija", "Јелена|jelena", "Милица|milica",
	"Љубица|ljubica", "Драгана|dragana", "Снежана|snezana",
	"Тијана|tijana", "Невена|nevena", "Јована|jovana",
	"Катарина|katarina", "Мирјана|mirjana", "Весна|vesna",
	"Гордана|gordana", "Бранка|branka",
};
static const char *const src_gs[] = {
	"Бо|bo", "Бра|bra", "Дра|dra", "Ду|du", "Го|go", "Љу|lju", "Ми|mi",
	"Мла|mla", "Не|ne", "Ра|ra", "Сла|sla", "Сто|sto", "Све|sve",
	"Вла|vla", "Зла|zla", "Жи|zi", "Ве|ve", "Да|da",
};
static const char *const src_gem[] = { "дан|dan", "мир|mir", "слав|slav",
	"шко|sko", "ко|ko", "јан|jan", "ван|van", "ран|ran", "во|vo",
	"тко|tko", "рад|rad", "ша|sa" };
static const char *const src_gef[] = { "дана|dana", "мира|mira",
	"слава|slava", "шка|ska", "ја|ja", "на|na", "јана|jana", "ица|ica",
	"ка|ka", "ена|ena", "ија|ija", "ана|ana" };
static const char *const src_fh[] = {
	"Петровић|petrovic", "Јовановић|jovanovic", "Николић|nikolic",
	"Ђорђевић|djordjevic", "Стојановић|stojanovic", "Илић|ilic",
	"Љубичић|ljubicic", "Шарић|saric", "Живковић|zivkovic",
	"Лукић|lukic", "Марковић|markovic", "Павловић|pavlovic",
	"Поповић|popovic", "Ћирић|ciric", "Чолић|colic", "Џаковић|dzakovic",
	"Томић|tomic", "Бабић|babic", "Костић|kostic", "Симић|simic",
};
static const char *const src_fs[] = {
	"Ба|ba", "Бо|bo", "Бра|bra", "Це|ce", "Дра|dra", "Ђу|dju", "Га|ga",
	"Гр|gr", "Ја|ja", "Ка|ka", "Кне|kne", "Кр|kr", "Лу|lu", "Ма|ma",
	"Ми|mi", "Мла|mla", "Ни|ni", "Па|pa", "Пе|pe", "Ра|ra", "Ри|ri",
	"Се|se", "Сто|sto", "Ша|sa", "Те|te", "Вла|vla", "Ву|vu", "За|za",
	"Жи|zi", "Бу|bu",
};
static const char *const src_fm[] = { "дак|dak", "но|no", "ро|ro",
	"са|sa", "ве|ve", "ли|li", "ја|ja", "ко|ko", "ти|ti" };
static const char *const src_fe[] = {
	"овић|ovic", "евић|evic", "ић|ic", "овић|ovic", "овић|ovic",
	"иновић|inovic", "ановић|anovic", "ач|ac", "ец|ec", "ар|ar",
};

/* Greek */
static const char *const el_gm[] = {
	"Γιώργος|giorgos", "Νίκος|nikos", "Δημήτρης|dimitris",
	"Κώστας|kostas", "Γιάννης|giannis", "Παναγιώτης|panagiotis",
	"Χρήστος|christos", "Βασίλης|vasilis", "Αντώνης|antonis",
	"Μιχάλης|michalis", "Σπύρος|spyros", "Ανδρέας|andreas",
};
static const char *const el_gf[] = {
	"Μαρία|maria", "Ελένη|eleni", "Κατερίνα|katerina", "Σοφία|sofia",
	"Βασιλική|vasiliki", "Γεωργία|georgia", "Αγγελική|angeliki",
	"Δέσποινα|despoina", "Ευαγγελία|evangelia", "Χριστίνα|christina",
	"Ιωάννα|ioanna", "Δήμητρα|dimitra",
};
static const char *const el_gs[] = {
	"Αρ|ar", "Θε|the", "Λε|le", "Μι|mi", "Πα|pa", "Στα|sta", "Τι|ti",
	"Φι|fi", "Χα|cha", "Ευ|ev", "Κυ|ky", "Ξε|xe", "Ηρα|ira", "Φω|fo",
	"Δι|di", "Κα|ka",
};
static const char *const el_gem[] = { "κλής|klis", "λος|los", "νος|nos",
	"ρης|ris", "θης|this", "σης|sis", "δων|don", "τος|tos",
	"φορος|foros", "λέων|leon" };
static const char *const el_gef[] = { "κλεια|kleia", "λία|lia", "νή|ni",
	"ρα|ra", "θη|thi", "σία|sia", "δώ|do", "τα|ta", "φω|fo",
	"λένα|lena" };
static const char *const el_fh[] = {
	"Παπαδόπουλος|papadopoulos/Παπαδοπούλου|papadopoulou",
	"Οικονόμου|oikonomou", "Γεωργίου|georgiou", "Νικολάου|nikolaou",
	"Καραγιάννης|karagiannis/Καραγιάννη|karagianni",
	"Βασιλείου|vasileiou", "Πετρίδης|petridis/Πετρίδου|petridou",
	"Παπαγεωργίου|papageorgiou", "Ιωάννου|ioannou",
	"Δημητρίου|dimitriou", "Κωνσταντίνου|konstantinou",
	"Αθανασίου|athanasiou", "Μακρής|makris/Μακρή|makri",
	"Αλεξίου|alexiou", "Παππάς|pappas/Παππά|pappa",
};
static const char *const el_fs[] = {
	"Ανα|ana", "Αρ|ar", "Βλα|vla", "Γα|ga", "Δε|de", "Ζα|za",
	"Θεο|theo", "Κα|ka", "Κο|ko", "Λα|la", "Μα|ma", "Μπα|mpa",
	"Ντε|nte", "Πα|pa", "Πε|pe", "Σα|sa", "Στα|sta", "Τσα|tsa",
	"Φρα|fra", "Χα|cha", "Χατζη|chatzi", "Παπα|papa",
};
static const char *const el_fm[] = { "λι|li", "να|na", "ρα|ra", "κο|ko",
	"στα|sta", "τζη|tzi" };
static const char *const el_fe[] = {
	"ίδης|idis/ίδου|idou", "άκης|akis/άκη|aki",
	"όπουλος|opoulos/οπούλου|opoulou", "ίου|iou", "άτος|atos/άτου|atou",
	"έλης|elis/έλη|eli", "ιάδης|iadis/ιάδου|iadou",
	"ούλης|oulis/ούλη|ouli", "άς|as/ά|a", "ίτης|itis/ίτη|iti",
};

static const char *const ru_pat[] = {
	"Александрович|aleksandrovich/Александровна|aleksandrovna",
	"Сергеевич|sergeevich/Сергеевна|sergeevna",
	"Владимирович|vladimirovich/Владимировна|vladimirovna",
	"Андреевич|andreevich/Андреевна|andreevna",
	"Алексеевич|alekseevich/Алексеевна|alekseevna",
	"Дмитриевич|dmitrievich/Дмитриевна|dmitrievna",
	"Иванович|ivanovich/Ивановна|ivanovna",
	"Николаевич|nikolaevich/Николаевна|nikolaevna",
	"Михайлович|mikhaylovich/Михайловна|mikhaylovna",
	"Юрьевич|yurevich/Юрьевна|yurevna",
	"Викторович|viktorovich/Викторовна|viktorovna",
	"Евгеньевич|evgenevich/Евгеньевна|evgenevna",
	"Петрович|petrovich/Петровна|petrovna",
	"Павлович|pavlovich/Павловна|pavlovna",
	"Олегович|olegovich/Олеговна|olegovna",
	"Игоревич|igorevich/Игоревна|igorevna",
	"Борисович|borisovich/Борисовна|borisovna",
	"Васильевич|vasilevich/Васильевна|vasilevna",
	"Анатольевич|anatolevich/Анатольевна|anatolevna",
	"Геннадьевич|gennadevich/Геннадьевна|gennadevna",
	"Валерьевич|valerevich/Валерьевна|valerevna",
	"Романович|romanovich/Романовна|romanovna",
	"Антонович|antonovich/Антоновна|antonovna",
	"Максимович|maksimovich/Максимовна|maksimovna",
	"Фёдорович|fyodorovich/Фёдоровна|fyodorovna",
	"Григорьевич|grigorevich/Григорьевна|grigorevna",
	"Константинович|konstantinovich/Константиновна|konstantinovna",
	"Вячеславович|vyacheslavovich/Вячеславовна|vyacheslavovna",
};
static const char *const uk_pat[] = {
	"Олександрович|oleksandrovych/Олександрівна|oleksandrivna",
	"Іванович|ivanovych/Іванівна|ivanivna",
	"Миколайович|mykolayovych/Миколаївна|mykolayivna",
	"Петрович|petrovych/Петрівна|petrivna",
	"Васильович|vasylovych/Василівна|vasylivna",
	"Володимирович|volodymyrovych/Володимирівна|volodymyrivna",
	"Михайлович|mykhaylovych/Михайлівна|mykhaylivna",
	"Андрійович|andriyovych/Андріївна|andriyivna",
	"Сергійович|serhiyovych/Сергіївна|serhiyivna",
	"Юрійович|yuriyovych/Юріївна|yuriyivna",
	"Богданович|bohdanovych/Богданівна|bohdanivna",
	"Тарасович|tarasovych/Тарасівна|tarasivna",
	"Степанович|stepanovych/Степанівна|stepanivna",
	"Ярославович|yaroslavovych/Ярославівна|yaroslavivna",
};

/* Chinese: family name first, no space */
static const char *const zh_fh[] = {
	"王|wang", "李|li", "张|zhang", "刘|liu", "陈|chen", "杨|yang",
	"黄|huang", "赵|zhao", "吴|wu", "周|zhou", "徐|xu", "孙|sun", "马|ma",
	"朱|zhu", "胡|hu", "郭|guo", "何|he", "林|lin", "罗|luo", "高|gao",
	"郑|zheng", "梁|liang", "谢|xie", "宋|song", "唐|tang", "许|xu",
	"韩|han", "冯|feng", "邓|deng", "曹|cao", "彭|peng", "曾|zeng",
	"萧|xiao", "田|tian", "董|dong", "潘|pan", "袁|yuan", "蔡|cai",
	"蒋|jiang", "余|yu", "欧阳|ouyang",
};
static const char *const zh_fs[] = {
	"于|yu", "杜|du", "叶|ye", "程|cheng", "魏|wei", "苏|su", "吕|lv",
	"丁|ding", "任|ren", "卢|lu", "姚|yao", "沈|shen", "钟|zhong",
	"姜|jiang", "崔|cui", "谭|tan", "陆|lu", "范|fan", "汪|wang",
	"廖|liao", "石|shi", "金|jin", "韦|wei", "贾|jia", "夏|xia", "付|fu",
	"方|fang", "邹|zou", "熊|xiong", "白|bai",
};
static const char *const empty[] = { "" };
static const char *const zh_gs[] = {
	"伟|wei", "芳|fang", "娜|na", "秀|xiu", "敏|min", "静|jing", "丽|li",
	"强|qiang", "磊|lei", "军|jun", "洋|yang", "勇|yong", "艳|yan",
	"杰|jie", "涛|tao", "明|ming", "超|chao", "霞|xia", "平|ping",
	"建|jian", "国|guo", "华|hua", "志|zhi", "文|wen", "海|hai",
	"晓|xiao", "玉|yu", "德|de", "春|chun", "子|zi", "浩|hao", "宇|yu",
	"嘉|jia", "欣|xin", "雨|yu", "思|si", "俊|jun", "天|tian", "家|jia",
	"一|yi", "婉|wan", "瑞|rui", "晨|chen", "阳|yang", "立|li", "佳|jia",
	"安|an", "诗|shi", "梦|meng", "永|yong", "新|xin", "光|guang",
	"世|shi", "少|shao", "云|yun", "凯|kai", "振|zhen", "泽|ze", "书|shu",
	"若|ruo",
};
static const char *const zh_gem[] = {
	"", "", "伟|wei", "强|qiang", "军|jun", "明|ming", "华|hua",
	"平|ping", "刚|gang", "辉|hui", "东|dong", "林|lin", "峰|feng",
	"龙|long", "博|bo", "轩|xuan", "豪|hao", "杰|jie", "涛|tao",
	"斌|bin", "鹏|peng", "宁|ning", "成|cheng", "然|ran", "凡|fan",
	"伦|lun", "飞|fei", "波|bo", "亮|liang", "松|song", "彬|bin",
};
static const char *const zh_gef[] = {
	"", "", "英|ying", "兰|lan", "芳|fang", "丽|li", "娟|juan",
	"婷|ting", "玲|ling", "燕|yan", "萍|ping", "红|hong", "梅|mei",
	"琳|lin", "颖|ying", "怡|yi", "雪|xue", "琪|qi", "涵|han",
	"静|jing", "敏|min", "薇|wei", "妍|yan", "倩|qian", "瑶|yao",
	"菲|fei", "婕|jie", "月|yue", "洁|jie", "璐|lu", "岚|lan",
};

/* Japanese: family name first, a space */
static const char *const ja_fh[] = {
	"佐藤|sato", "鈴木|suzuki", "高橋|takahashi", "田中|tanaka",
	"伊藤|ito", "渡辺|watanabe", "山本|yamamoto", "中村|nakamura",
	"小林|kobayashi", "加藤|kato", "吉田|yoshida", "山田|yamada",
	"佐々木|sasaki", "山口|yamaguchi", "松本|matsumoto", "井上|inoue",
	"木村|kimura", "林|hayashi", "斎藤|saito", "清水|shimizu",
};
static const char *const ja_fs[] = {
	"山|yama", "田|ta", "中|naka", "小|ko", "大|o", "高|taka",
	"松|matsu", "石|ishi", "藤|fuji", "森|mori", "池|ike", "長|naga",
	"竹|take", "岡|oka", "村|mura", "川|kawa", "橋|hashi", "原|hara",
	"野|no", "西|nishi", "北|kita", "前|mae", "杉|sugi", "桜|sakura",
};
static const char *const ja_fe[] = {
	"田|da", "川|kawa", "本|moto", "野|no", "村|mura", "井|i",
	"口|guchi", "崎|saki", "島|shima", "沢|sawa", "原|hara", "木|ki",
	"谷|tani", "岡|oka",
};
static const char *const ja_gm[] = {
	"太郎|taro", "翔太|shota", "健|ken", "大輔|daisuke", "拓海|takumi",
	"蓮|ren", "大輝|daiki", "健一|kenichi", "悠斗|yuto", "陽翔|haruto",
};
static const char *const ja_gf[] = {
	"花子|hanako", "陽菜|hina", "さくら|sakura", "美咲|misaki",
	"結衣|yui", "愛|ai", "葵|aoi", "優子|yuko", "真由美|mayumi",
	"恵|megumi",
};
static const char *const ja_gs[] = {
	"健|ken", "大|dai", "翔|sho", "拓|taku", "悠|yu", "陽|haru",
	"直|nao", "和|kazu", "誠|makoto", "秀|hide", "美|mi", "真|ma",
	"優|yu", "愛|ai", "恵|e", "千|chi", "明|aki", "智|tomo",
};
static const char *const ja_gem[] = { "太|ta", "介|suke", "斗|to",
	"樹|ki", "也|ya", "人|to", "郎|ro", "輝|ki", "平|hei", "一|ichi" };
static const char *const ja_gef[] = { "子|ko", "美|mi", "香|ka", "奈|na",
	"花|ka", "菜|na", "絵|e", "里|ri", "代|yo", "乃|no" };

/* Korean: family name first, no space */
static const char *const ko_fh[] = {
	"김|kim", "이|lee", "박|park", "최|choi", "정|jung", "강|kang",
	"조|cho", "윤|yoon", "장|jang", "임|lim", "한|han", "오|oh",
	"서|seo", "신|shin", "권|kwon", "황|hwang", "안|ahn", "송|song",
	"류|ryu", "홍|hong",
};
static const char *const ko_fs[] = {
	"전|jeon", "고|ko", "문|moon", "양|yang", "손|son", "배|bae",
	"백|baek", "허|heo", "유|yoo", "남|nam", "심|shim", "노|noh",
	"하|ha", "곽|kwak", "성|sung", "차|cha", "주|joo", "우|woo",
	"구|koo", "나|na",
};
static const char *const ko_gs[] = {
	"민|min", "서|seo", "지|ji", "하|ha", "도|do", "예|ye", "수|su",
	"현|hyeon", "준|jun", "은|eun", "유|yu", "채|chae", "윤|yun",
	"시|si", "주|ju", "태|tae", "승|seung", "동|dong", "상|sang",
	"영|yeong", "성|seong", "재|jae", "혜|hye", "다|da", "건|geon",
	"경|gyeong", "나|na", "미|mi", "보|bo", "선|seon", "세|se", "소|so",
	"아|a", "연|yeon", "우|u", "원|won", "인|in", "정|jeong", "진|jin",
};
static const char *const ko_gem[] = { "준|jun", "훈|hun", "우|woo",
	"호|ho", "민|min", "혁|hyeok", "석|seok", "빈|bin", "진|jin",
	"성|seong", "환|hwan", "철|cheol", "원|won", "규|gyu", "현|hyeon",
	"수|su", "영|yeong", "찬|chan", "율|yul", "한|han" };
static const char *const ko_gef[] = { "연|yeon", "은|eun", "린|rin",
	"아|a", "희|hui", "경|kyeong", "정|jeong", "지|ji", "영|yeong",
	"윤|yun", "서|seo", "나|na", "미|mi", "희|hee", "진|jin", "하|ha",
	"주|ju", "현|hyeon", "수|su", "율|yul" };

static const char *const lat_gmid[] = { "a", "e", "i", "o", "la", "ri",
	"na", "de", "ve", "li" };
static const char *const cyr_gmid[] = { "а|a", "е|e", "и|i", "о|o",
	"ла|la", "ри|ri", "на|na", "де|de", "ве|ve", "ли|li" };
static const char *const el_gmid[] = { "α|a", "ε|e", "ι|i", "ο|o",
	"λα|la", "ρι|ri", "να|na", "δε|de", "βα|va", "λι|li" };

#define GIVEN(hm, hf, s, m, em, ef) \
	{ L(hm), L(s), m, L(em) }, { L(hf), L(s), m, L(ef) }
#define FAMILY(h, s, m, e)	{ h, L(s), m, L(e) }

/* Weights add up to 1000: 78% Latin script, 13.5% Cyrillic. */
static const struct tradition traditions[] = {
	{ "en", 380, 0, " ", 40,
	    GIVEN(en_gm, en_gf, en_gs, L(en_gmid), en_gem, en_gef),
	    FAMILY(L(en_fh), en_fs, L(en_fm), en_fe),
	    0, NONE, 0 },
	{ "de", 85, 0, " ", 5,
	    GIVEN(de_gm, de_gf, de_gs, L(lat_gmid), de_gem, de_gef),
	    FAMILY(L(de_fh), de_fs, L(de_fm), de_fe),
	    0, NONE, 0 },
	{ "fr", 50, 0, " ", 0,
	    GIVEN(fr_gm, fr_gf, fr_gs, L(lat_gmid), fr_gem, fr_gef),
	    FAMILY(L(fr_fh), fr_fs, L(fr_fm), fr_fe),
	    0, NONE, 0 },
	{ "es", 80, 0, " ", 0,
	    GIVEN(es_gm, es_gf, es_gs, L(lat_gmid), es_gem, es_gef),
	    FAMILY(L(es_fh), es_fs, L(es_fm), es_fe),
	    60, NONE, 0 },
	{ "it", 40, 0, " ", 0,
	    GIVEN(it_gm, it_gf, it_gs, L(lat_gmid), it_gem, it_gef),
	    FAMILY(L(it_fh), it_fs, L(it_fm), it_fe),
	    0, NONE, 0 },
	{ "sr-Latn", 50, 0, " ", 0,
	    GIVEN(srl_gm, srl_gf, srl_gs, L(lat_gmid), srl_gem, srl_gef),
	    FAMILY(L(srl_fh), srl_fs, L(srl_fm), srl_fe),
	    0, NONE, 0 },
	{ "cs-pl", 60, 0, " ", 0,
	    GIVEN(cs_gm, cs_gf, cs_gs, L(lat_gmid), cs_gem, cs_gef),
	    FAMILY(L(cs_fh), cs_fs, L(cs_fm), cs_fe),
	    0, NONE, 0 },
	{ "tr", 20, 0, " ", 0,
	    GIVEN(tr_gm, tr_gf, tr_gs, L(lat_gmid), tr_gem, tr_gef),
	    FAMILY(L(tr_fh), tr_fs, L(tr_fm), tr_fe),
	    0, NONE, 0 },
	{ "in", 30, 0, " ", 5,
	    GIVEN(in_gm, in_gf, in_gs, L(lat_gmid), in_gem, in_gef),
	    FAMILY(L(in_fh), in_fs, L(in_fm), in_fe),
	    0, NONE, 0 },
	{ "ru", 80, 0, " ", 0,
	    GIVEN(ru_gm, ru_gf, ru_gs, L(cyr_gmid), ru_gem, ru_gef),
	    FAMILY(L(ru_fh), ru_fs, L(ru_fm), ru_fe),
	    0, L(ru_pat), 60 },
	{ "uk", 25, 0, " ", 0,
	    GIVEN(uk_gm, uk_gf, ru_gs, L(cyr_gmid), ru_gem, ru_gef),
	    FAMILY(L(uk_fh), ru_fs, L(ru_fm), uk_fe),
	    0, L(uk_pat), 50 },
	{ "sr-Cyrl", 30, 0, " ", 0,
	    GIVEN(src_gm, src_gf, src_gs, L(cyr_gmid), src_gem, src_gef),
	    FAMILY(L(src_fh), src_fs, L(src_fm), src_fe),
	    0, NONE, 0 },
	{ "el", 35, 0, " ", 0,
	    GIVEN(el_gm, el_gf, el_gs, L(el_gmid), el_gem, el_gef),
	    FAMILY(L(el_fh), el_fs, L(el_fm), el_fe),
	    0, NONE, 0 },
	{ "zh", 15, 1, "", 0,
	    { NONE, L(zh_gs), NONE, L(zh_gem) },
	    { NONE, L(zh_gs), NONE, L(zh_gef) },
	    FAMILY(L(zh_fh), zh_fs, NONE, empty),
	    0, NONE, 0 },
	{ "ja", 15, 1, " ", 0,
	    GIVEN(ja_gm, ja_gf, ja_gs, NONE, ja_gem, ja_gef),
	    FAMILY(L(ja_fh), ja_fs, NONE, ja_fe),
	    0, NONE, 0 },
	{ "ko", 5, 1, "", 0,
	    { NONE, L(ko_gs), NONE, L(ko_gem) },
	    { NONE, L(ko_gs), NONE, L(ko_gef) },
	    FAMILY(L(ko_fh), ko_fs, NONE, empty),
	    0, NONE, 0 },
};

int
bench_names_old(void)
{
	const char	*v = getenv("KITH_BENCH_NAMES");

	return v != NULL && strcmp(v, "old") == 0;
}

/* splitmix64's finaliser. */
static uint64_t
mix(uint64_t z)
{
	z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
	z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
	return z ^ (z >> 31);
}

static uint64_t
next(uint64_t *s)
{
	return mix(*s += UINT64_C(0x9e3779b97f4a7c15));
}

/* A rank below m with p(r) ~ 1 / (r + q), by inverting the integral. */
static size_t
zipf_rank(uint64_t *rng, size_t m, double q)
{
	double	u, r;

	u = (double)(next(rng) >> 11) / 9007199254740992.0;
	r = q * exp(u * log(((double)m + q) / q)) - q;
	return r < 0 ? 0 : r >= (double)m ? m - 1 : (size_t)r;
}

/* The byte length of the UTF-8 character that starts with byte c. */
static size_t
u8len(unsigned char c)
{
	return c < 0xc0 ? 1 : c < 0xe0 ? 2 : c < 0xf0 ? 3 : 4;
}

/*
 * True when the vowel that starts p (len bytes) also ends the text of n
 * bytes at s: built names then drop it ("Da" + "ana" is "Dana").
 */
static int
same_vowel(const char *s, size_t n, const char *p, size_t len)
{
	static const char	vowels[] = "aeiouyаеиоуыэюяіαεηιουω";
	char			c[5];

	if (len > n || len > 4 || memcmp(s + n - len, p, len) != 0)
		return 0;
	memcpy(c, p, len);
	c[len] = '\0';
	return strstr(vowels, c) != NULL;
}

/*
 * Appends entry e (one side of a '/', up to it) to disp and its ASCII
 * form to ascii, both of BENCH_NAME_LEN; female picks the form after '/'.
 * A vowel that starts e and ends what is there is not written twice.
 */
static void
append(char *disp, char *ascii, const char *e, int female)
{
	const char	*slash, *bar, *end, *p, *a;
	size_t		 dn, an;

	slash = strchr(e, '/');
	if (female && slash != NULL)
		e = slash + 1;
	end = female || slash == NULL ? e + strlen(e) : slash;
	bar = memchr(e, '|', (size_t)(end - e));
	a = bar != NULL ? bar + 1 : e;
	dn = strlen(disp);
	an = strlen(ascii);
	p = e;
	if (p < (bar != NULL ? bar : end) &&
	    same_vowel(disp, dn, p, u8len((unsigned char)*p))) {
		p += u8len((unsigned char)*p);
		if (a < end && an > 0 && (*a | 0x20) == ascii[an - 1])
			a++;
	}
	for (; p < (bar != NULL ? bar : end) && dn + 1 < BENCH_NAME_LEN; p++)
		disp[dn++] = *p;
	disp[dn] = '\0';
	for (p = a; p < end && an + 1 < BENCH_NAME_LEN; p++) {
		if (*p >= 'A' && *p <= 'Z')
			ascii[an++] = (char)(*p - 'A' + 'a');
		else if ((*p >= 'a' && *p <= 'z') ||
		    (*p >= '0' && *p <= '9'))
			ascii[an++] = *p;
	}
	ascii[an] = '\0';
}

/* Rank r of pool p (number salt among all pools) into disp and ascii. */
static void
from_pool(const struct pool *p, uint64_t salt, size_t r, int female,
    char *disp, char *ascii)
{
	uint64_t	h;

	disp[0] = ascii[0] = '\0';
	if (r < p->head.n) {
		append(disp, ascii, p->head.v[r], female);
		return;
	}
	h = mix(salt * UINT64_C(0x9e3779b97f4a7c15) + r);
	append(disp, ascii, p->start.v[h % p->start.n], female);
	h = mix(h);
	if (p->mid.n > 0 && h % 100 < MID_PERCENT) {
		append(disp, ascii, p->mid.v[(h >> 8) % p->mid.n], female);
		if ((h >> 24) % 100 < MID2_PERCENT &&
		    (h >> 32) % p->mid.n != (h >> 8) % p->mid.n)
			append(disp, ascii, p->mid.v[(h >> 32) % p->mid.n],
			    female);
	}
	h = mix(h);
	append(disp, ascii, p->end.v[h % p->end.n], female);
}

void
bench_name_draw(uint64_t *rng, struct bench_name *out)
{
	const struct tradition	*t;
	size_t			 i, w, gr, fr, n;
	char			 more[BENCH_NAME_LEN];
	char			 more_ascii[BENCH_NAME_LEN];

	w = (size_t)(next(rng) % 1000);
	for (i = 0; i + 1 < N_ELEMS(traditions); i++) {
		if (w < traditions[i].weight)
			break;
		w -= traditions[i].weight;
	}
	t = &traditions[i];
	out->region = t->region;
	out->family_first = t->family_first;
	out->sep = t->sep;
	out->female = (int)(next(rng) & 1);
	gr = zipf_rank(rng, GIVEN_RANKS, GIVEN_Q);
	fr = zipf_rank(rng, FAMILY_RANKS, FAMILY_Q);
	from_pool(out->female ? &t->given_f : &t->given_m, i * 4 +
	    (size_t)out->female, gr, 0, out->given, out->given_ascii);
	from_pool(&t->family, i * 4 + 2, fr, out->female, out->family,
	    out->family_ascii);
	if (t->two_families > 0 && next(rng) % 100 < t->two_families) {
		fr = zipf_rank(rng, FAMILY_RANKS, FAMILY_Q);
		from_pool(&t->family, i * 4 + 2, fr, out->female, more,
		    more_ascii);
		n = strlen(out->family);
		snprintf(out->family + n, BENCH_NAME_LEN - n, " %s", more);
		n = strlen(out->family_ascii);
		snprintf(out->family_ascii + n, BENCH_NAME_LEN - n, "%s",
		    more_ascii);
	}
	out->middle[0] = more_ascii[0] = '\0';
	if (t->initials > 0 && next(rng) % 100 < t->initials)
		snprintf(out->middle, sizeof out->middle, "%c.",
		    (char)('A' + next(rng) % 26));
	else if (t->patronymics > 0 && next(rng) % 100 < t->patronymics)
		append(out->middle, more_ascii, t->patronymic.v[zipf_rank(rng,
		    t->patronymic.n, 3.0)], out->female);
}

void
bench_name_display(const struct bench_name *n, char *buf, size_t size)
{
	if (n->family_first)
		snprintf(buf, size, "%s%s%s", n->family, n->sep, n->given);
	else if (n->middle[0] != '\0')
		snprintf(buf, size, "%s %s %s", n->given, n->middle,
		    n->family);
	else
		snprintf(buf, size, "%s %s", n->given, n->family);
}
