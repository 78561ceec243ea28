/* SPDX-License-Identifier: MIT */
/*
 * kith as a mail client's address book: the addresses a mutt or aerc
 * lookup finds (kith query), and every address as mutt aliases (kith
 * export --format mutt-alias).
 *
 * A lookup is a search (search.h) whose words must begin a word of the
 * name, an e-mail or the organisation (never notes, tags or phones), over
 * contacts that are not archived; it yields one row per e-mail of each
 * matching contact.  Its text is one line per field: tabs, line breaks and
 * other control characters are spaces, so a row can be written as
 * "email TAB name TAB organisation" and read back by a mail client.
 */
#ifndef KITH_MUTT_H
#define KITH_MUTT_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include "kith/status.h"

struct kith_db;

struct mutt_addr {
	int64_t		 id;		/* the contact */
	char		*email;		/* the address, one line */
	char		*name;		/* display name; the address if it
					   has none; never empty */
	char		*org;		/* organisation, "" if none */
};

/*
 * The addresses of the contacts matching query (NULL or blank: every
 * contact), best first: contacts whose name holds every word, then those
 * found by an e-mail, then by the organisation, each group in name order,
 * a contact's addresses in its order.  At most max rows (0: all).  Fills
 * *out (caller frees with mutt_addrs_free) and *n; no match is KITH_OK
 * with *n 0.
 */
enum kith_status mutt_query(struct kith_db *, const char *query, size_t max,
		    struct mutt_addr **out, size_t *n, struct kith_err *);
void		 mutt_addrs_free(struct mutt_addr *, size_t n);

/*
 * s on one line, trimmed: tabs, line breaks and other C0 controls and
 * DEL become spaces.  s NULL gives "".  Caller frees.
 */
char		*mutt_field(const char *s);

/*
 * One muttrc line "alias KEY "NAME" <ADDR>\n" for the key key, the name
 * name (may be NULL or empty: no quoted name) and the address addr,
 * escaped so that mutt reads back exactly that name and address: the name
 * is an RFC 5322 quoted string, and the characters a muttrc line would
 * act on (\ ` $ ' " # and the quotes' own backslashes) are escaped with a
 * backslash, so nothing in it is ever run or expanded.  NULL if addr is
 * not an address mutt could use (empty, blanks, < > " or controls).
 * Caller frees.
 */
char		*mutt_alias_line(const char *key, const char *name,
		    const char *addr);

/*
 * Writes every e-mail of every contact that is not archived to fp as mutt
 * alias lines (mutt_alias_line), in folded name order.  Keys are unique and
 * stable: the folded name's words joined by '-' ("ana-petrovic"; a name
 * with no letter or digit: "contact"), then "_ID" when a contact with a
 * lower id has the same name, then ".N" for a contact's Nth address
 * (N >= 2).  Addresses mutt could not use are skipped.  Sets *count (may
 * be NULL) to the lines written.
 */
enum kith_status mutt_export_aliases(struct kith_db *, FILE *fp,
		    long *count, struct kith_err *);

#endif
