/* SPDX-License-Identifier: MIT */
/*
 * The whole book as one JSON file, for moving to another machine: every
 * table kith keeps (contacts and their parts, organisations, tags,
 * relationships, interactions, follow-ups, deals, stages, cadences,
 * settings, import records -- whatever the schema holds), every row with
 * its id, every column as stored.  Only what is rebuilt or belongs to one
 * machine is left out: the search index (rebuilt on load) and the undo
 * journal.
 *
 *   {"kith": {"format": 1, "schema": 6, "exported": "2026-12-05T10:00:00Z"},
 *    "tables": {"contact": [{"id": 1, "display": "Ana Petrović", ...},
 *                          ...], ...}}
 *
 * One row a line, tables in the order of the schema, rows in id order, so
 * two exports of the same book are the same bytes.  A BLOB (a collation
 * key) is written as {"blob": "HEX"}.
 */
#ifndef KITH_PORTABLE_H
#define KITH_PORTABLE_H

#include <stdio.h>
#include "kith/status.h"

struct kith_db;

/* Writes the book to fp as one read snapshot; *rows: rows written. */
enum kith_status portable_export(struct kith_db *, FILE *fp, long *rows,
		    struct kith_err *);

/* 1 if the len bytes at head look like a kith JSON export. */
int		 portable_sniff(const char *head, size_t len);

/*
 * Loads the export at path into the book, which must be empty (no
 * contact, organisation, interaction, follow-up or deal; the default
 * stages, roles and relationship kinds are replaced by the file's), in
 * one transaction: the book then holds exactly what was exported, with
 * the same ids, and its search index is built.  The load is not an
 * action of the change journal: the book before it was empty.  Errors:
 * KITH_IO reading path, KITH_INVALID for a file that is not such an
 * export or was written under another schema version (err says which),
 * KITH_EXISTS for a book that is not empty.  *rows: rows loaded.
 */
enum kith_status portable_import(struct kith_db *, const char *path,
		    long *rows, struct kith_err *);

#endif
