/* SPDX-License-Identifier: MIT */
/*
 * What search.c and search_fill.c share: the SQL of a contact's search
 * entry.
 */
#ifndef KITH_SEARCH_IMPL_H
#define KITH_SEARCH_IMPL_H

/* The columns of contact_fts, in order. */
#define SEARCH_ENTRY_COLS	"name, org, email, phone, tag, note, keys"
#define SEARCH_ENTRY_NCOLS	7

/*
 * The search entry of contacts, computed in SQL with kith_fold(),
 * kith_name_words() and kith_phone_words() (see db.c): the folded name is
 * stored already; the rest is gathered and folded here.  One body serves
 * a single contact and a whole import batch: its rowid, then
 * SEARCH_ENTRY_COLS; the caller adds WHERE and ORDER BY.
 * The department goes with the organisation and title, messaging handles
 * with the e-mails.  Both came with schema 6, and no build wrote either
 * before it, so the entries of an existing database are right as they are:
 * no rebuild is needed, and each contact written from now on is indexed
 * with them.
 */
#define SEARCH_ENTRY_ALIASES						\
	"(SELECT group_concat(name, ' ') FROM contact_alias "		\
	"WHERE contact_id = c.id)"
#define SEARCH_ENTRY_SELECT						\
	"SELECT c.id, "							\
	"kith_name_words(c.display, c.name_fold, c.nickname, c.given, "	\
	"c.family) || coalesce(' ' || kith_fold(" SEARCH_ENTRY_ALIASES	\
	"), ''), "							\
	"kith_fold(coalesce(o.name, '') || ' ' || coalesce(c.title, '') "	\
	"|| ' ' || coalesce(c.department, '')), "			\
	"kith_fold(coalesce((SELECT group_concat(addr, ' ') FROM email "	\
	"WHERE contact_id = c.id), '') || ' ' || "			\
	"coalesce((SELECT group_concat(handle, ' ') FROM im "		\
	"WHERE contact_id = c.id), '')), "				\
	"kith_fold((SELECT group_concat(raw || ' ' || "			\
	"kith_phone_words(raw, norm), ' ') "				\
	"FROM phone WHERE contact_id = c.id)), "			\
	"kith_fold((SELECT group_concat(t.name, ' ') FROM contact_tag "	\
	"ct JOIN tag t ON t.id = ct.tag_id WHERE ct.contact_id = c.id)), "	\
	"kith_fold(c.notes), "						\
	"kith_name_keys(c.name_fold, c.family, c.nickname, "		\
	SEARCH_ENTRY_ALIASES ") "					\
	"FROM contact c LEFT JOIN org o ON o.id = c.org_id "

/*
 * What a range of an import batch lacks: ?1 the batch, ?2 and ?3 the
 * first and last id.
 */
#define SEARCH_ENTRY_RANGE						\
	"WHERE c.batch_id = ?1 AND c.id BETWEEN ?2 AND ?3 AND NOT EXISTS "	\
	"(SELECT 1 FROM contact_fts WHERE rowid = c.id) ORDER BY c.id"

#endif
