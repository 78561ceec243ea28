/* SPDX-License-Identifier: MIT */
/*
 * Phone numbers: the one place that says what a number's normalised form
 * is and when two numbers are the same.
 *
 * The normalised form is the digits with the country calling code and a
 * leading '+' ("+442079460101"): a national number is expanded with the
 * database's region ("020 7946 0101" under GB, "212-555-0110" under US),
 * an international prefix ("00", or "011" in North America) becomes '+',
 * and a "(0)" trunk prefix is dropped.  A number that cannot be expanded
 * (too short, or a trunk 0 under a region without one) is kept as its
 * digits.  Stored numbers keep both forms: as written (raw) and
 * normalised (norm).
 *
 * Functions returning strings never return NULL; the caller frees.
 */
#ifndef KITH_PHONE_H
#define KITH_PHONE_H

#include <stddef.h>

struct kith_db;

/* Fewest digits a number typed for a lookup or comparison must have. */
#define PHONE_MIN_DIGITS	6

/*
 * The normalised form of raw under region (ISO 3166 code such as "US",
 * "GB", "RS"; NULL or unknown means "US").  "" if raw has no digits.
 */
char		*phone_normalise(const char *raw, const char *region);

/*
 * The digits of s, with a '+' kept if it is the first character other
 * than blanks ("+381 64 123" is "+38164123", "00381 64" stays "0038164");
 * "" for NULL.
 */
char		*phone_digits(const char *s);

/* The number of digits in s (NULL: 0). */
size_t		 phone_count_digits(const char *s);

/*
 * The length of the country calling code that the digits at d (no '+')
 * begin with: 1 ("1", "7"), 2 ("44", "33", "49"...) or 3 ("381", "353"...).
 * Calling codes are prefix-free, so this needs no table of countries.
 * 0 if d is empty or begins with 0.
 */
size_t		 phone_cc_len(const char *d);

/*
 * 1 if s looks like a phone number typed by a person: only digits, blanks
 * and + - . ( ) /, with at least PHONE_MIN_DIGITS digits.
 */
int		 phone_looks_like(const char *s);

/*
 * 1 if what a user typed (query) names the number stored (as written, or
 * its normalised form): the same normalised form under region, the same
 * digits (country code typed without '+' or with "00"), or the number
 * without its country code, with or without a national trunk 0
 * ("2079460101", "02079460101" for "+44 20 7946 0101").  0 if query has
 * fewer than PHONE_MIN_DIGITS digits.  This is how lookups and edit
 * --rm-phone compare.
 */
int		 phone_matches(const char *query, const char *stored,
		    const char *region);

/*
 * 1 if the numbers a and b, both as written, are the same number under
 * region: equal normalised forms.  Numbers without digits are the same
 * only if their texts are equal.  This is how duplicates and merges
 * compare (the normalised form is what the phone index holds).
 */
int		 phone_same(const char *a, const char *b, const char *region);

/*
 * The extra words a number's search entry holds besides the text as
 * written, so that the digits find it however they are typed: its
 * normalised digits ("442079460101"), and, when it has a country code,
 * the national number with and without a trunk 0 ("2079460101",
 * "02079460101"), and the country code before each later digit group of
 * raw, the number as written ("4479460101" for "+44 20 7946 0101"; only
 * tails of at least 6 digits), since people drop the area code.  "" for no digits.  Caller
 * frees.
 */
char		*phone_search_words(const char *raw, const char *norm);

/*
 * What a spreadsheet seems to have done to raw, as a phrase for an import
 * report, or NULL: "is in scientific notation: digits were lost" for
 * "4,47701E+11" or "4.47701E+11"; "may have lost a leading 0" for a
 * number of digits only that has neither '+', a trunk 0 nor the region's
 * calling code, under a region whose national numbers start with 0
 * ("7700900123" under GB).  Only per-character checks: cheap per cell.
 */
const char	*phone_damage(const char *raw, const char *region);
/* The database's phone region (ISO 3166 code, e.g. "GB"); never NULL. */
const char	*phone_region(struct kith_db *);

#endif
