/* SPDX-License-Identifier: MIT */
/*
 * vCard 2.1, 3.0 and 4.0: reading cards into contacts and writing
 * contacts as cards (RFC 2426, RFC 6350, the versit 2.1 text).
 *
 * The reader works on a whole file in memory.  It finds the cards
 * (BEGIN:VCARD ... END:VCARD, several per file, CRLF or LF), unfolds on
 * bytes (a line that begins with a space or TAB continues the previous
 * one, even inside a UTF-8 character), joins quoted-printable soft line
 * breaks, splits each content line into group, name, parameters and
 * value, decodes quoted-printable values with their CHARSET, and checks
 * that the text is UTF-8.  A card that cannot be read (no END, a nested
 * BEGIN, invalid UTF-8, an unknown encoding or charset, broken base64, a
 * soft break at the end of the file) is delivered with a problem and its
 * raw bytes, so the caller can report it and keep it aside; lines outside
 * any card are delivered as a problem record too.  Nothing is ever read
 * past the end of the buffer.
 *
 * vcard_card_contact() maps a card onto struct contact: FN, N, NICKNAME,
 * ORG (organisation; department), TITLE, EMAIL, TEL (tel: URIs too), ADR,
 * URL, X-SOCIALPROFILE, BDAY and ANNIVERSARY (with or without a year),
 * NOTE, CATEGORIES, IMPP and the X-SKYPE/X-JABBER/... handles, UID, and
 * labels from TYPE or from an Apple itemN.X-ABLabel.  Every other
 * property (PHOTO, KIND, X- extensions, the second of ALTID variants) is
 * kept in contact->vprops as its unfolded line, which vcard_write() puts
 * back unchanged.
 */
#ifndef KITH_VCARD_H
#define KITH_VCARD_H

#include <stddef.h>
#include <stdio.h>
#include "kith/status.h"

struct contact;
struct kith_db;
struct sbuf;

struct vcard_param {
	char		*name;		/* upper-case; "TYPE" for 2.1 bare words */
	char		*value;		/* quotes removed; may be "" */
};

struct vcard_prop {
	long		 line;		/* 1-based line it starts on */
	char		*group;		/* "item1" or NULL */
	char		*name;		/* upper-case, group removed */
	struct vcard_param *params;
	size_t		 n_params;
	char		*value;		/* decoded (QP, CHARSET), not unescaped */
	char		*raw;		/* the unfolded line, soft breaks joined */
};

struct vcard_note {
	long		 line;
	char		*msg;
};

struct vcard_card {
	long		 line;		/* of its BEGIN (or first stray line) */
	const char	*text;		/* its bytes in the buffer */
	size_t		 len;
	char		*problem;	/* NULL, or why it cannot be read */
	long		 problem_line;	/* the line the problem is on */
	struct vcard_prop *props;
	size_t		 n_props;
	struct vcard_note *warnings;	/* read, but something was skipped */
	size_t		 n_warnings;
};

/* Called for each card; valid only during the call.  Non-zero stops. */
typedef int	(*vcard_card_fn)(const struct vcard_card *, void *arg);

/*
 * Reads the len bytes at buf (need not be NUL-terminated) card by card.
 * Returns the number of cards and problem records delivered (0: the
 * buffer holds no vCard data at all).
 */
long		 vcard_parse(const char *buf, size_t len, vcard_card_fn fn,
		    void *arg);

/* 1 if the buffer begins (after a BOM and blank lines) with BEGIN:VCARD. */
int		 vcard_sniff(const char *buf, size_t len);

/*
 * Makes a contact of card (which has no problem).  *warning (caller
 * frees; may be set to NULL) says what was adjusted.  KITH_INVALID if the
 * card names nobody (no FN, N, ORG, EMAIL or TEL).
 */
enum kith_status vcard_card_contact(const struct vcard_card *card,
		    struct contact **out, char **warning, struct kith_err *);

/*
 * Appends c as one card of version 3 (3.0) or 4 (4.0) to sb: CRLF lines
 * folded at 75 octets without splitting a UTF-8 character, text escaped,
 * every field of c, its vprops as they were read, its UID (NULL: none
 * written) and REV from c->updated.
 */
void		 vcard_write(struct sbuf *sb, const struct contact *c,
		    int version);

/*
 * Applies card, a contact read from a vCard whose UID matched the stored
 * contact into, as a sync does: the fields a vCard carries are replaced
 * by the card's (moved out of card, which is left to free); custom
 * fields the card lacks, the cadence (unless the card has
 * X-KITH-CADENCE), the archived state and the source stay.
 */
void		 vcard_apply(struct contact *into, struct contact *card);

/*
 * Before a merge of c into into by likeness (dedup_merge, which does not
 * know them): gives into c's UID and department when it has none, and
 * the dated events, messaging handles and kept vCard lines of c it lacks.
 * Returns 1 if into changed.
 */
int		 vcard_merge_extra(struct contact *into, const struct contact *c);

/*
 * Gives every contact without a vCard UID a new random one (a UUID), in
 * one change of the journal; *given says how many.
 */
enum kith_status vcard_give_uids(struct kith_db *, long *given,
		    struct kith_err *);

/*
 * Writes every contact, archived ones too, in name order, as vCards of
 * version 3 or 4 to fp, after giving UIDs to those without
 * (vcard_give_uids).  Sets *count (may be NULL).
 */
enum kith_status export_vcard(struct kith_db *, FILE *fp, int version,
		    long *count, struct kith_err *);

/* The file in a vdir that lists the cards kith wrote there (vdir.c). */
#define VDIR_MANIFEST	".kith-vdir"

/* What export_vdir did. */
struct vdir_result {
	long		 count;		/* contacts */
	long		 written;	/* files written */
	char		**edited;	/* cards kept, changed since kith
					   wrote them: their file names */
	size_t		 n_edited;
};

/*
 * Writes every contact as DIR/UID.vcf (a vdir: one card a file, as khard
 * and vdirsyncer keep them), creating dir if missing; a file whose card
 * is unchanged is not rewritten, and files of other cards are left
 * alone.  A card kith wrote that another program has changed since (its
 * bytes no longer those the manifest records) is kept and named in
 * res->edited, unless replace.  Lists the files it wrote in
 * DIR/VDIR_MANIFEST with a hash of each (keeping the ones listed before
 * that are still there), for export_vdir_stale and the next export.
 * Free res with vdir_result_free.
 */
enum kith_status export_vdir(struct kith_db *, const char *dir, int version,
		    int replace, struct vdir_result *res, struct kith_err *);
void		 vdir_result_free(struct vdir_result *);

/* A card file of a vdir that kith wrote for a contact it no longer has. */
struct vdir_stale {
	char		*file;		/* its name in the folder: "UID.vcf" */
	char		*name;		/* the card's FN as written, or NULL */
};

/*
 * The cards of dir that an earlier export_vdir wrote (listed in its
 * manifest) for contacts no longer in the book (deleted, or merged into
 * another): each still a regular file holding a card with the UID it is
 * named for.  A file the manifest does not list is never stale, and a
 * folder without a manifest has none.  Fills *out (caller frees with
 * vdir_stale_free; NULL when none) and *n.  Changes nothing.
 */
enum kith_status export_vdir_stale(struct kith_db *, const char *dir,
		    struct vdir_stale **out, size_t *n, struct kith_err *);

/*
 * Removes the n files of v from dir, each only if it still is the card
 * export_vdir_stale found; *removed says how many went.
 */
enum kith_status export_vdir_remove(const char *dir,
		    const struct vdir_stale *v, size_t n, long *removed,
		    struct kith_err *);
void		 vdir_stale_free(struct vdir_stale *, size_t n);

#endif
