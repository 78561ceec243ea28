/* SPDX-License-Identifier: MIT */
/*
 * The demo address book: loads a small text file (data/demo.kith) of
 * contacts, relationships, interactions and follow-ups into a database, so
 * that "kith --demo" has something to show.  Dates in the file are relative
 * ("-3d", "today", "+2w") and are resolved against the database's clock
 * (kith_db_now()), so the demo always has overdue, due-today and upcoming
 * follow-ups whatever day it is run.
 *
 * The file is UTF-8 text, one record per line, fields separated by TAB;
 * blank lines and lines starting with '#' are ignored:
 *
 *	contact	NAME	KEY=VALUE...
 *	link	NAME	KIND	NAME	[NOTE]
 *	log	NAME[,NAME...]	KIND	WHEN	SUMMARY
 *	follow	NAME	WHEN	ACTION
 *	done	NAME	WHEN	ACTION
 *	deal	TITLE	WHEN	KEY=VALUE...
 *	move	TITLE	STAGE	WHEN	[REASON]
 *
 * Contact keys: prefix, given, middle, family, suffix, nickname, org, title,
 * note, birthday, cadence (days), city, country (one address), since
 * (WHEN: the contact is added with the clock set to then, so its cadence
 * runs from then), and the repeatable email, phone, url and tag.  A
 * birthday may be relative: "+2d" is that day without a year, "+2d/1979"
 * that day in 1979.  An e-mail, phone or URL may carry
 * a label before a colon: "email=work:ana@acme.example".  The names in
 * link, log, follow and done records are display names of contacts defined
 * earlier in the file, matched byte for byte.
 *
 * A deal is opened on WHEN (the clock is set back to then for it, so its
 * stage history, days in stage and stalled state are as if it had been
 * entered then) in the first open stage; its keys are org, value (a plain
 * amount), currency, fee, practice, ref, next, notes, close (WHEN),
 * originator and responsible (NAME), and the repeatable person
 * ("person=client:NAME").  move puts the deal TITLE (defined above) in
 * STAGE on WHEN; with a REASON it closes it won or lost (deal_close).
 */
#ifndef KITH_CLI_DEMO_H
#define KITH_CLI_DEMO_H

#include "kith/status.h"

struct kith_db;

/*
 * Loads the file at path into db in one transaction: either every record
 * is stored or nothing is.  KITH_IO if the file cannot be read;
 * KITH_INVALID for a malformed line, with err->msg "FILE:LINE: why" (FILE
 * being the last component of path) and err->line set; any error of the
 * core function that stores the record, prefixed the same way.  err may be
 * NULL.
 */
enum kith_status demo_load(struct kith_db *db, const char *path,
		    struct kith_err *err);

#endif
