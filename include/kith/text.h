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
 *
 * For the functions below that take a string s, NULL is the same as "".
 * Those that return a status fail with KITH_INVALID if s is not valid UTF-8
 * (the message names the byte offset), and with KITH_IO if ICU's data
 * cannot be loaded.  On failure *out (or *key) is NULL.
 */
#ifndef KITH_TEXT_H
#define KITH_TEXT_H

#include <stddef.h>
#include "kith/status.h"

struct kith_text;

/*
 * Creates a text context whose collator follows locale (an ICU or POSIX
 * locale name such as "sr", "de_DE", "sr_RS.UTF-8" or "sr_RS.UTF-8@latin";
 * NULL, "", "C" and "POSIX" mean the root collation, as does a locale ICU
 * does not know).  Never fails: ICU is opened lazily.
 */
struct kith_text *text_new(const char *locale);
void		 text_free(struct kith_text *);	/* NULL is a no-op */

/* The collation locale as passed to text_new; "" for NULL, never NULL. */
const char	*text_locale(const struct kith_text *);

/*
 * Returns 1 if the len bytes at s are valid UTF-8 (no overlongs, no
 * surrogates, nothing above U+10FFFF; NUL bytes are valid), else 0 and, if
 * bad is non-NULL, stores there the offset of the first byte of the first
 * invalid or truncated sequence.
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
 * only [a-z0-9] and single spaces, without leading or trailing space; it is
 * "" for text with no letters or digits, or only in scripts ICU cannot
 * transliterate.  Serbian Cyrillic folds as Serbian Latin does ("Љубица"
 * and "Ljubica" are both "ljubica"); Han folds to Mandarin pinyin
 * ("王小明" is "wang xiao ming"), Japanese kanji too ("山田" is
 * "shan tian").  KITH_INVALID if s is not valid UTF-8.
 */
enum kith_status text_fold(struct kith_text *, const char *s, char **out,
		    struct kith_err *);

/*
 * Stores in *key a collation sort key for s and its length in *len (caller
 * frees *key).  The length counts a final zero byte that occurs nowhere
 * else in a key, so memcmp over the shorter of two lengths orders them, as
 * does SQLite's BLOB comparison.  For Serbian ("sr", "sr_RS") Cyrillic
 * sorts before Latin, each in Serbian order.  Keys change with the ICU
 * version (see ucol_getVersion).  KITH_INVALID if s is not valid UTF-8.
 */
enum kith_status text_sort_key(struct kith_text *, const char *s,
		    unsigned char **key, size_t *len, struct kith_err *);

#endif
