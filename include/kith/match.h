/* SPDX-License-Identifier: MIT */
/*
 * The loose name matcher: whether two names of people (or of
 * organisations) can be the same, by which rule, and how sure.
 *
 * Names compare in folded form (text.h: "Петровић", "Petrović" and
 * "PETROVIC" are all "petrovic"), then word by word:
 *   - spelling variants of transliterated names fold to one key
 *     (match_key: "alexei", "aleksei", "aleksej" and "alexey" are all
 *     "aleksei"; "Petrovich" and "Petrović" are "petrovic");
 *   - nicknames (Bob ~ Robert, Sasha ~ Aleksandr) come from a table of
 *     groups: data/nicknames.txt, compiled in, extended by the user's
 *     file (match_load_file, kith_db_match);
 *   - an initial stands for a given or middle name ("J. Smith");
 *   - "Smith, John" and "Smith John" are John Smith, at a lower grade;
 *   - family names that sound alike (match_sound: "Smyth" ~ "Smith") are
 *     the weakest rule;
 *   - organisations compare without punctuation, a leading "The", "&"
 *     read as "and" and legal suffixes (Inc, Corp, Co, Ltd, LLC, LLP,
 *     GmbH, d.o.o., ООО, S.A., ...): the SUFFIX rule.
 * A whole name never matches a longer one it merely begins ("Ana" is not
 * "Anatoly", "Ivan" is not "Ivana"); prefix matching while typing is the
 * search's business (search.h), not the matcher's.
 *
 * Every hit carries the rule that made it and a grade, 0-100: EXACT 100,
 * ALIAS 95, TRANSLIT and SUFFIX 90, NICKNAME 80, INITIALS 70, SOUNDS 50;
 * minus 5 when the word order differs, minus 20 for a partial hit (one
 * name is a single word that matches one word of the other: "Petrović"
 * against "Ana Petrović").  The weakest word decides the rule.
 *
 * Stored aliases (maiden names, former or trading names of a contact or
 * an organisation) are kept by the core (alias.h) and searched with the
 * names: match_find() reports a hit through one as ALIAS, graded no
 * higher than the rule that matched the alias ("Ana Jovanovic" against
 * the alias "Ana Jovanović" is ALIAS 95; "Acme" against the alias
 * "Acme Ltd" ALIAS 90).
 */
#ifndef KITH_MATCH_H
#define KITH_MATCH_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct kith_db;
struct kith_text;

/* The rules, weakest first (a greater value is a stronger rule). */
enum match_rule {
	MATCH_NONE = 0,
	MATCH_SOUNDS,		/* family names sound alike */
	MATCH_INITIALS,		/* an initial for a given or middle name */
	MATCH_NICKNAME,		/* a nickname of the other (Bob ~ Robert) */
	MATCH_SUFFIX,		/* organisations equal without legal suffix,
				   "The", punctuation, "&" */
	MATCH_TRANSLIT,		/* spelling variants of a transliteration */
	MATCH_ALIAS,		/* a stored alias or former name */
	MATCH_EXACT		/* the same folded name */
};

/* What the names are. */
enum match_kind {
	MATCH_PERSON,
	MATCH_ORG
};

struct match_result {
	enum match_rule	 rule;		/* MATCH_NONE: no match */
	int		 grade;		/* 0-100; 0 for MATCH_NONE */
	int		 partial;	/* one word against a longer name */
	int		 reordered;	/* the word order differs */
};

/* The matcher's tables: the nickname groups.  Not thread-safe. */
struct match;

/*
 * A matcher holding the built-in nickname table (data/nicknames.txt).
 * text (borrowed, must outlive it) folds the names it is given.
 */
struct match	*match_new(struct kith_text *text);
void		 match_free(struct match *);	/* NULL is a no-op */

/*
 * Adds the nickname groups of the file at path: one group a line, names
 * separated by spaces or commas, '#' to the end of a line a comment
 * ("robert bob bobby rob robbie").  A name may be in several groups
 * ("chris" is Christopher's and Christine's); two names match when they
 * share a group.  KITH_IO if the file cannot be read (the message names
 * it), KITH_INVALID if it is not UTF-8 (path and line).
 */
enum kith_status match_load_file(struct match *, const char *path,
		    struct kith_err *);

/*
 * The database's matcher, made the first time it is asked for: the
 * built-in table, then the user's file if there is one -- $KITH_NICKNAMES,
 * else $XDG_CONFIG_HOME/kith/nicknames.txt, else
 * ~/.config/kith/nicknames.txt.  A user file that exists but cannot be
 * read fails.  Borrowed: valid until the database is closed.
 */
enum kith_status kith_db_match(struct kith_db *, struct match **out,
		    struct kith_err *);

/* "exact", "alias", "nickname", ... ("none" for MATCH_NONE); static. */
const char	*match_rule_name(enum match_rule);

/* The grade of a rule on its own (EXACT 100, ..., SOUNDS 50; NONE 0). */
int		 match_rule_grade(enum match_rule);

/*
 * Compares the names a and b (as typed or stored, any script; NULL is "")
 * and fills *res.  KITH_INVALID if either is not valid UTF-8.
 */
enum kith_status match_names(struct match *, const char *a, const char *b,
		    enum match_kind kind, struct match_result *res,
		    struct kith_err *);

/*
 * The same for names folded already (text_fold; [a-z0-9 ] only): what
 * the core compares with stored *_fold columns.  Never fails.  Commas are
 * gone from folded text, so the comma form is recognised only by
 * match_names.
 */
void		 match_folded(struct match *, const char *a, const char *b,
		    enum match_kind kind, struct match_result *res);

/*
 * The transliteration key of one folded word (caller frees): spelling
 * variants of one name written in Latin letters share it ("x" is "ks";
 * "sh", "zh", "ch", "tch", "kh", "ph", "ts", "dj", "w" are "s", "z", "c",
 * "c", "h", "f", "c", "d", "v"; "j" and "y" next to a vowel, and a final
 * "y", are "i"; "ii" is "i"; a leading "ie" is "e"; a doubled final
 * letter is single).
 */
char		*match_key(const char *word);

/*
 * The sounds-alike key of one folded word (caller frees): its match_key
 * without vowels, "h" and "w" after the first letter, similar consonants
 * merged (c, k, q; s, z; f, v; d, t; b, p), runs collapsed, a final
 * vowel kept as "a" ("smith" and "smyth" are "smt"; "ivan" is "ifn",
 * "ivana" "ifna").  "" for a word under three letters.
 */
char		*match_sound(const char *word);

/*
 * The key an organisation name is stored and looked up by (caller
 * frees): folded, "&" read as "and", a leading "the" and trailing legal
 * suffixes dropped, each word through match_key ("The Acme Co., Ltd." and
 * "ACME" are both "acme").  KITH_INVALID if name is not UTF-8.
 */
enum kith_status match_org_key(struct match *, const char *name, char **out,
		    struct kith_err *);

/*
 * The variants the matcher tries for a name (what a conflict check
 * records): the folded name; for a person the comma or reversed order,
 * the transliteration keys, and the name with each nickname of its first
 * word; for an organisation its key.  No repeats; *out (caller frees each
 * and the array with match_variants_free) holds *n strings.
 */
enum kith_status match_variants(struct match *, const char *name,
		    enum match_kind kind, char ***out, size_t *n,
		    struct kith_err *);
void		 match_variants_free(char **, size_t n);

/*
 * The nickname-group names of a folded word, as their match_key (the
 * word's own key first); for search expansion.  *out holds *n strings
 * (free with match_variants_free).
 */
void		 match_word_alternatives(struct match *, const char *word,
		    char ***out, size_t *n);

/* A contact or organisation the matcher found (match_find). */
struct match_hit {
	int64_t		 id;		/* contact or org id */
	char		*name;		/* its display name */
	char		*via;		/* the alias that matched, or NULL */
	struct match_result res;
};

void		 match_hits_free(struct match_hit *, size_t n);

/*
 * Finds the contacts (MATCH_PERSON) or organisations (MATCH_ORG) whose
 * name or a stored alias matches name, through the indexes (never a scan
 * of the book): strongest first (by grade; ties in id order), at most
 * max.  Archived contacts are found too.  A person's candidates share a
 * key with name's longest word (the word itself, its transliteration or
 * sounds-alike key, or a nickname of it); an organisation's share its
 * match_org_key or folded name.  *hits (free with match_hits_free) may
 * be empty.
 */
enum kith_status match_find(struct kith_db *, const char *name,
		    enum match_kind kind, size_t max, struct match_hit **hits,
		    size_t *n, struct kith_err *);

#endif
