/* SPDX-License-Identifier: MIT */
/*
 * What search.c, search_fill.c and search_side.c share: the SQL of a
 * contact's search entry, and the thread that computes the entries of an
 * import batch.
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

/* Writes an entry into TABLE: ?1 its rowid, then SEARCH_ENTRY_COLS. */
#define SEARCH_ENTRY_INSERT(table)					\
	"INSERT INTO " table " (rowid, " SEARCH_ENTRY_COLS ") VALUES "	\
	"(?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)"

/*
 * The entries of a batch's contacts computed on a thread of their own,
 * on a second handle on the file (search_fill.c), and written by the
 * caller's.  fill_start() starts the thread on ids lo to hi, per ids a
 * range (NULL where it cannot: an in-memory database, no thread);
 * fill_advance() raises hi, as more contacts are committed, until
 * fill_close() says no more will come (fill_closed(): it did, and
 * nothing stopped the thread).  The thread reads only whole
 * ranges of per ids until then, in order, each once.  fill_write() writes
 * every entry the thread computes with insert, a literal made with
 * SEARCH_ENTRY_INSERT, and calls range_end after each range's last, until
 * the thread ends (after fill_close(), or fill_stop() from any thread);
 * it stops the thread on failure.  fill_end() stops the thread, waits for
 * it and frees everything: the thread's status, its error in err (may be
 * NULL).
 */
struct fill;
struct fill	*fill_start(struct kith_db *, int64_t batch, int64_t lo,
		    int64_t hi, int64_t per);
void		 fill_advance(struct fill *, int64_t hi);
void		 fill_close(struct fill *);
int		 fill_closed(struct fill *);
void		 fill_stop(struct fill *);
enum kith_status fill_write(struct fill *, struct kith_db *,
		    const char *insert,
		    enum kith_status (*range_end)(struct kith_db *,
		    struct kith_err *), long *done, struct kith_err *);
enum kith_status fill_end(struct fill *, struct kith_err *);

#endif
