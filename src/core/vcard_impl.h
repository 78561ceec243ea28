/* SPDX-License-Identifier: MIT */
/*
 * What the vCard reader (vcard_map.c) and writer (vcard_write.c) share:
 * the messaging services and the label words written as TYPE.
 */
#ifndef KITH_VCARD_IMPL_H
#define KITH_VCARD_IMPL_H

#include <stddef.h>
#include <stdint.h>
#include "kith/status.h"

struct vcard_service {
	const char	*name;		/* as kith stores it: "Skype" */
	const char	*scheme;	/* IMPP URI scheme: "skype" */
	const char	*xprop;		/* 3.0 property: "X-SKYPE", or NULL */
};

extern const struct vcard_service vcard_services[];

/* The service named by a scheme, an X- property or its name, or NULL. */
const struct vcard_service *vcard_service_by(const char *scheme,
		    const char *xprop, const char *name);

/* 1 if w (lower case) is a TYPE word ("home", "mobile", "fax", ...). */
int		 vcard_type_word(const char *w);

/* 1 if a property of this (upper-case) name has no kith field. */
int		 vcard_kept(const char *name);

/*
 * The file name of a card in a vdir: "UID.vcf", the UID itself when it is
 * a plain name (as khard and vdirsyncer make it), else with every other
 * byte as '_'.  Caller frees.  (vcard_export.c)
 */
char		*vdir_file_name(const char *uid);

/*
 * Writes dir's manifest (VDIR_MANIFEST): the n names, each with the hash
 * of the card its file now holds (0: none known), plus the names it listed
 * before whose files are still there, with their hashes.  (vdir.c)
 */
enum kith_status vdir_manifest_write(const char *dir, char **names,
		    const uint64_t *hashes, size_t n, struct kith_err *);

/*
 * The names dir's manifest lists, sorted, and the hash of the card kith
 * last wrote to each (0: none known); *names and *hashes are the
 * caller's (vdir_names_free, free).  None without a manifest.  (vdir.c)
 */
enum kith_status vdir_manifest_read(const char *dir, char ***names,
		    uint64_t **hashes, size_t *n, struct kith_err *);
void		 vdir_names_free(char **, size_t);

/* The hash vdir_manifest_read gave name among its n names, 0 if none. */
uint64_t	 vdir_listed_hash(char *const *names, const uint64_t *hashes,
		    size_t n, const char *name);

/* The hash of a card's bytes kept in the manifest; never 0.  (vdir.c) */
uint64_t	 vdir_card_hash(const char *, size_t);

#endif
