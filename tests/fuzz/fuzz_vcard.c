/* SPDX-License-Identifier: MIT */
/*
 * libFuzzer target: the vCard reader (vcard.c) and the card-to-contact
 * mapping (vcard_map.c), then the writer on what they made.  Every card
 * is either reported with a problem or made into a contact or refused
 * with a message; a contact made is written back as a vCard whose lines
 * are CRLF-ended and at most 75 octets.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "kith/contact.h"
#include "kith/util.h"
#include "kith/vcard.h"
#include "fuzz.h"

#define MAX_INPUT	65536

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);
static int	on_card(const struct vcard_card *, void *);

static int
on_card(const struct vcard_card *card, void *arg)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = NULL;
	struct sbuf	 sb = { 0 };
	char		*warning = NULL;
	const char	*p, *nl;

	(void)arg;
	if (card->problem != NULL)
		return 0;
	if (vcard_card_contact(card, &c, &warning, &err) != KITH_OK) {
		if (err.msg[0] == '\0')
			fuzz_fail("a card refused without a message");
		free(warning);
		return 0;
	}
	vcard_write(&sb, c, 3);
	for (p = sb.s; p != NULL && *p != '\0'; p = nl + 1) {
		if ((nl = strchr(p, '\n')) == NULL)
			fuzz_fail("a vCard line without its line end");
		if (nl == p || nl[-1] != '\r')
			fuzz_fail("a vCard line not ended by CRLF");
		if (nl - p - 1 > 75)
			fuzz_fail("a vCard line of %d octets", (int)(nl - p - 1));
	}
	sbuf_free(&sb);
	free(warning);
	contact_free(c);
	return 0;
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size > MAX_INPUT)
		return 0;
	(void)vcard_parse((const char *)data, size, on_card, NULL);
	return 0;
}
