/* SPDX-License-Identifier: MIT */
/*
 * What the vCard reader (vcard_map.c) and writer (vcard_write.c) share:
 * the messaging services and the label words written as TYPE.
 */
#ifndef KITH_VCARD_IMPL_H
#define KITH_VCARD_IMPL_H

#include <stddef.h>
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
 * Writes dir's manifest (VDIR_MANIFEST): names (sorted here), plus the
 * names it listed before whose files are still there.  (vdir.c)
 */
enum kith_status vdir_manifest_write(const char *dir, char **names,
		    size_t n, struct kith_err *);

#endif
