/* SPDX-License-Identifier: MIT */
/*
 * Reading the addresses of a message's header with GMime (mailaddr.h).
 *
 * Only the header is handed to GMime: the bytes up to the first empty
 * line (LF or CR LF), so nothing in the body can pose as a header.  GMime
 * unfolds the header lines and decodes RFC 2047 words into UTF-8; its
 * address parser splits lists and groups.  This file is built apart from
 * the rest of the core (libkith_mail) so that only kith links GMime.
 *
 * GMime keeps process-wide state that g_mime_shutdown() tears down for
 * good (a second g_mime_init() does not rebuild it), so it is set up once
 * per process, on first use, and left for the process's exit to end.
 */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <gmime/gmime.h>

#include "kith/mailaddr.h"
#include "kith/util.h"

static pthread_once_t	 gmime_once = PTHREAD_ONCE_INIT;

static void		 gmime_setup(void);
static size_t		 header_len(const char *, size_t);
static void		 collect(InternetAddressList *, struct mailaddr **,
			    size_t *);
static int		 header_type(const char *, size_t,
			    GMimeAddressType *);

static void
gmime_setup(void)
{
	g_mime_init();
}

/* The bytes of buf before the empty line that ends the header. */
static size_t
header_len(const char *buf, size_t len)
{
	size_t	i;

	for (i = 0; i < len; i++) {
		if (buf[i] != '\n')
			continue;
		if (i + 1 < len && buf[i + 1] == '\n')
			return i + 1;
		if (i + 2 < len && buf[i + 1] == '\r' && buf[i + 2] == '\n')
			return i + 1;
	}
	return len;
}

/* Appends the mailboxes of list (groups' members too) to *v. */
static void
collect(InternetAddressList *list, struct mailaddr **v, size_t *n)
{
	InternetAddress	*ia;
	const char	*addr, *name;
	size_t		 i;
	int		 k, len;

	if (list == NULL)
		return;
	len = internet_address_list_length(list);
	for (k = 0; k < len; k++) {
		ia = internet_address_list_get_address(list, k);
		if (INTERNET_ADDRESS_IS_GROUP(ia)) {
			collect(internet_address_group_get_members(
			    INTERNET_ADDRESS_GROUP(ia)), v, n);
			continue;
		}
		if (!INTERNET_ADDRESS_IS_MAILBOX(ia))
			continue;
		addr = internet_address_mailbox_get_addr(
		    INTERNET_ADDRESS_MAILBOX(ia));
		if (addr == NULL || *addr == '\0')
			continue;
		for (i = 0; i < *n; i++)
			if (strcasecmp((*v)[i].addr, addr) == 0)
				break;
		if (i < *n)
			continue;
		name = internet_address_get_name(ia);
		*v = xreallocarray(*v, *n + 1, sizeof **v);
		(*v)[*n].addr = xstrdup(addr);
		(*v)[*n].name = name != NULL && *name != '\0' ?
		    xstrdup(name) : NULL;
		(*n)++;
	}
}

/* The GMime address type of the header name s (len bytes); 0 if none. */
static int
header_type(const char *s, size_t len, GMimeAddressType *type)
{
	static const struct {
		const char		*name;
		GMimeAddressType	 type;
	} names[] = {
		{ "from", GMIME_ADDRESS_TYPE_FROM },
		{ "sender", GMIME_ADDRESS_TYPE_SENDER },
		{ "reply-to", GMIME_ADDRESS_TYPE_REPLY_TO },
		{ "to", GMIME_ADDRESS_TYPE_TO },
		{ "cc", GMIME_ADDRESS_TYPE_CC },
		{ "bcc", GMIME_ADDRESS_TYPE_BCC },
	};
	size_t	i;

	for (i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strlen(names[i].name) == len &&
		    strncasecmp(names[i].name, s, len) == 0) {
			*type = names[i].type;
			return 1;
		}
	return 0;
}

enum kith_status
mailaddr_read(const char *buf, size_t len, const char *headers,
    struct mailaddr **out, size_t *n, struct kith_err *err)
{
	GMimeStream		*stream = NULL;
	GMimeParser		*parser = NULL;
	GMimeMessage		*msg = NULL;
	GMimeAddressType	 types[8];
	enum kith_status	 st = KITH_OK;
	const char		*p, *w, *nl;
	size_t			 ntypes = 0, wl, i;

	*out = NULL;
	*n = 0;
	if (headers == NULL)
		headers = "from";
	for (p = headers; *p != '\0';) {
		while (*p == ',' || *p == ' ')
			p++;
		for (w = p; *p != '\0' && *p != ',' && *p != ' '; p++)
			;
		if ((wl = (size_t)(p - w)) == 0)
			continue;
		if (ntypes == sizeof types / sizeof types[0])
			return kith_err_set(err, KITH_INVALID,
			    "too many headers in --headers %s", headers);
		if (!header_type(w, wl, &types[ntypes]))
			return kith_err_set(err, KITH_INVALID,
			    "unknown header \"%.*s\" (known: from, sender, "
			    "reply-to, to, cc, bcc)", (int)wl, w);
		ntypes++;
	}
	if (ntypes == 0)
		return kith_err_set(err, KITH_INVALID, "no header to read");

	/* An mbox separator line ("From " without a colon) is no header. */
	if (len >= 5 && memcmp(buf, "From ", 5) == 0) {
		if ((nl = memchr(buf, '\n', len)) == NULL)
			len = 0;
		else {
			len -= (size_t)(nl + 1 - buf);
			buf = nl + 1;
		}
	}
	len = header_len(buf, len);

	pthread_once(&gmime_once, gmime_setup);
	stream = g_mime_stream_mem_new_with_buffer(buf, len);
	parser = g_mime_parser_new_with_stream(stream);
	g_mime_parser_set_format(parser, GMIME_FORMAT_MESSAGE);
	msg = g_mime_parser_construct_message(parser, NULL);
	for (i = 0; msg != NULL && i < ntypes; i++)
		collect(g_mime_message_get_addresses(msg, types[i]), out, n);
	if (*n == 0)
		st = ntypes == 1 && types[0] == GMIME_ADDRESS_TYPE_FROM ?
		    kith_err_set(err, KITH_NOTFOUND, "the message has no "
		    "From: address") : kith_err_set(err, KITH_NOTFOUND,
		    "the message has no address in %s", headers);
	if (msg != NULL)
		g_object_unref(msg);
	g_object_unref(parser);
	g_object_unref(stream);
	return st;
}
