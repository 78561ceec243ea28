/* SPDX-License-Identifier: MIT */
/*
 * Text handling for names from every alphabet, on top of ICU.
 *
 * All text kith stores is valid UTF-8 in NFC.  Each contact also keeps a
 * folded form for search and matching (NFC, transliterated to Latin, accents
 * removed, case folded, punctuation turned into single spaces: "Петровић",
 * "Petrović" and "PETROVIC" all fold to "petrovic"), and a collation sort key
 * (memcmp order is the alphabetical order of the database's collation
 * locale, so "Č" sorts after "C" in Serbian and Croatian).
 *
 * ICU objects are costly to open, so a struct kith_text opens each one the
 * first time it is needed; commands that never fold or sort never load ICU
 * data.  A kith_text is not thread-safe.
 */
#ifndef KITH_TEXT_H
#define KITH_TEXT_H

#include <stddef.h>
#include "kith/status.h"

struct kith_text;

/*
 * Creates a text context whose collator follows locale (an ICU or POSIX
 * locale name such as "sr", "de_DE" or "sr_RS.UTF-8"; NULL or "" means the
 * root collation).  Never fails: ICU is opened lazily.
 */
struct kith_text *text_new(const char *locale);
void		 text_free(struct kith_text *);	/* NULL is a no-op */

/* The collation locale as passed to text_new (never NULL). */
const char	*text_locale(const struct kith_text *);

/*
 * Returns 1 if the len bytes at s are valid UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF), else 0 and, if bad is non-NULL, the
 * offset of the first invalid byte.
 */
int		 text_valid_utf8(const char *s, size_t len, size_t *bad);

/*
 * Stores in *out the NFC form of s (caller frees).  KITH_INVALID with a
 * message naming the byte offset if s is not valid UTF-8.
 */
enum kith_status text_nfc(struct kith_text *, const char *s, char **out,
		    struct kith_err *);

/*
 * Stores in *out the folded search form of s (caller frees): see above.
 * Plain ASCII takes a fast path that does not touch ICU.  The result holds
 * only [a-z0-9] and single spaces, without leading or trailing space.
 * KITH_INVALID if s is not valid UTF-8.
 */
enum kith_status text_fold(struct kith_text *, const char *s, char **out,
		    struct kith_err *);

/*
 * Stores in *key a collation sort key for s and its length in *len (caller
 * frees *key).  Keys compare with memcmp.  KITH_INVALID if s is not valid
 * UTF-8.
 */
enum kith_status text_sort_key(struct kith_text *, const char *s,
		    unsigned char **key, size_t *len, struct kith_err *);

/* Digits of a phone number, with a leading '+' kept; caller frees. */
char		*text_phone_digits(const char *s);

#endif
