/* SPDX-License-Identifier: MIT */
/*
 * Private interface between the core's modules: the cached statement
 * helper and SQLite error reporting.  Not installed, not for the fronts.
 */
#ifndef KITH_INTERNAL_H
#define KITH_INTERNAL_H

#include <sqlite3.h>
#include <stddef.h>
#include <stdint.h>

#include "kith/db.h"
#include "kith/status.h"

/* PRAGMA application_id of a kith database: "kith". */
#define KITH_APP_ID	0x6b697468

/*
 * Returns the prepared statement for sql, compiled on first use and kept
 * for the life of the handle; it comes reset with its bindings cleared.
 * sql must be a string literal (the cache is keyed by its address).  NULL
 * with err set if it does not compile.  The statement stays valid while it
 * is stepping (sqlite3_stmt_busy); one not yet stepped, or stepped to its
 * end, may be evicted by the next db_stmt(), so bind and step it before
 * calling anything that may compile another statement, and reset it
 * before such a call once its last row is read.  KITH_STMT_CACHE=N sets
 * the cache size (tests run the suite with 1 to prove the callers right).
 */
sqlite3_stmt	*db_stmt(struct kith_db *, const char *sql, struct kith_err *);

/* Fills err with SQLite's message about what failed; returns KITH_DB or KITH_BUSY. */
enum kith_status db_fail(struct kith_db *, struct kith_err *, const char *what);

/* Runs sql (no results); KITH_DB with err set on failure. */
enum kith_status db_exec(struct kith_db *, const char *sql, struct kith_err *);
/*
 * Gives SQLite's page cache a region of its own (pagecache.c): once per
 * process, before the first database is opened.
 */
void		 db_pagecache_init(void);
/*
 * The writers' turn (writelock.c), taken around each outermost write
 * transaction so that waiting writers go in the order they came.
 * writelock_open() opens (creating, mode 0600) db_path's lock file, the
 * path with "-lock" after it; -1 for ":memory:" or when it cannot (then
 * no turn is taken: SQLite's locking alone).  writelock_take() waits for
 * the turn, KITH_BUSY naming db_path after waiting in line for
 * timeout_ms for each of up to six writers ahead, or for timeout_ms at
 * the front of the line; KITH_OK without a turn for fd -1 or a file
 * system without such locks.  writelock_drop() gives it up.  Closing fd
 * gives up everything.
 */
int		 writelock_open(const char *db_path);
enum kith_status writelock_take(int fd, const char *db_path, int timeout_ms,
		    struct kith_err *);
void		 writelock_drop(int fd);

/* mkdir -p of the folder that holds path, each new level mode 0700. */
enum kith_status db_make_parent(const char *path, struct kith_err *);

/*
 * A read snapshot for work that reads many rows in many statements (a
 * report, a graph search): one deferred transaction, so every statement
 * sees the same book and SQLite takes its locks once, not per statement.
 * With DB_READ_MAP the file is memory-mapped meanwhile, so pages read
 * cost no copy; every page touched then counts in the process's resident
 * size, so only a report that reads a bounded set of pages asks for it.
 * When the caller already has a transaction open, begin and end do
 * nothing.  db_read_end() puts the handle's mmap_size back.
 */
#define DB_READ_MAP	0x01
struct db_read {
	int		 own;		/* this snapshot began the transaction */
	int		 map;		/* and mapped the file */
	int64_t		 mapped;	/* mmap_size before */
};
enum kith_status db_read_begin(struct kith_db *, struct db_read *, int flags,
		    struct kith_err *);
void		 db_read_end(struct kith_db *, struct db_read *);

/* Binds text, or NULL for NULL/"". */
int		 db_bind_text(sqlite3_stmt *, int idx, const char *);

/* Copies column idx as a heap string, NULL for SQL NULL. */
char		*db_col_text(sqlite3_stmt *, int idx);

/*
 * The database's phone region (ISO 3166 code, e.g. "US"), chosen when it
 * was created ($KITH_REGION, else the territory of the locale, else US)
 * and read when it was opened: kith_db_open fails, naming the setting,
 * when it cannot be read, so this never falls back to a guess.
 */
const char	*db_region(struct kith_db *);

/*
 * A second handle on the file of db, for a helper thread that only reads
 * (search_fill.c): opened without creating, migrating or finishing
 * anything, its own text context and a small page cache.  Fails with
 * KITH_INVALID for an in-memory database.  Close with kith_db_close().
 */
enum kith_status db_open_reader(struct kith_db *db, struct kith_db **out,
		    struct kith_err *);

/* Whether kith_db_bulk() is on. */
int		 db_bulk(const struct kith_db *);

/* Today's local date according to the handle's clock. */
void		 db_today(struct kith_db *, char out[11]);

/* How db_clean() cleans. */
#define DB_TRIM		0x01	/* white space at either end removed */
#define DB_LINES	0x02	/* a multi-line field: line feeds, tabs kept */

/*
 * The one store-time cleaning of text, which every text kith stores goes
 * through: stores in *out (caller frees) s as valid UTF-8 in NFC without
 * control characters (C0, DEL, C1).  A one-line field (no DB_LINES) has
 * its tabs, line feeds and carriage returns made spaces; a multi-line one
 * (notes, bodies, streets, custom values) keeps line feeds and tabs, a
 * carriage return becoming a line feed.  *out is NULL if s is NULL or
 * nothing is left.  Text that is not UTF-8 is refused, not repaired:
 * KITH_INVALID naming field and the byte.
 */
enum kith_status db_clean(struct kith_db *, const char *field,
		    const char *s, unsigned how, char **out,
		    struct kith_err *);

/* db_clean() of a one-line field, trimmed (names, labels, actions). */
enum kith_status db_clean_text(struct kith_db *, const char *field,
		    const char *s, char **out, struct kith_err *);

/*
 * db_clean() of a multi-line field kept as written apart from control
 * characters and NFC (notes, whose leading tabs and line breaks are the
 * user's).
 */
enum kith_status db_nfc_text(struct kith_db *, const char *field,
		    const char *s, char **out, struct kith_err *);

/*
 * The change journal's side of transactions (journal.c).  db.c calls
 * journal_tx_begin after the outermost BEGIN, journal_tx_commit before the
 * outermost COMMIT (it stores the action), journal_tx_end when the
 * outermost level ends either way, and journal_tx_bulk when bulk mode
 * starts (recording stops).  journal_import records a finished import as
 * one action; journal_import_undone, called inside import_undo's
 * transaction, stops row recording and marks the import's action undone.
 */
struct journal;

/*
 * The body of a public core function whose write is one statement: runs
 * call (an expression giving an enum kith_status) in a transaction of its
 * own, so the write is one action of the change journal even when the
 * caller opened none.  Inside the caller's transaction it is a savepoint.
 */
#define DB_TRANSACTION(db, err, call) do {				\
	enum kith_status db_st_;					\
									\
	if ((db_st_ = kith_db_begin((db), (err))) != KITH_OK)		\
		return db_st_;						\
	if ((db_st_ = (call)) != KITH_OK) {				\
		kith_db_rollback(db);					\
		return db_st_;						\
	}								\
	return kith_db_commit((db), (err));				\
} while (0)

/*
 * The people on a deal in an open stage, for the in:deal filter of the
 * contact lists (search.c, view.c) and deal_open_people: the distinct
 * contact ids (column id) of the deals' people, a WHERE clause left open
 * for the caller to add to; and the same as a condition on a contact's id
 * (an SQL expression).
 */
#define SQL_OPEN_DEAL_PEOPLE						\
	"SELECT DISTINCT dc.contact_id AS id FROM deal_contact dc "	\
	"JOIN deal d ON d.id = dc.deal_id JOIN stage s ON "		\
	"s.id = d.stage_id WHERE s.kind = 'open' "
#define SQL_IN_OPEN_DEAL(id)						\
	"EXISTS (SELECT 1 FROM deal_contact dc JOIN deal d ON "	\
	"d.id = dc.deal_id JOIN stage s ON s.id = d.stage_id WHERE "	\
	"dc.contact_id = " id " AND s.kind = 'open') "

/*
 * How what a user typed ranks against a name (contact_resolve, and
 * deal_resolve for titles), higher is better: each query word inside a
 * name word, beginning one, being one; the whole folded name equal to the
 * query.
 */
enum {
	RANK_CONTAINS = 1,	/* a name word contains each query word */
	RANK_PREFIX,		/* a name word begins with each query word */
	RANK_WORD,		/* each query word is a whole name word */
	RANK_FULL		/* the folded name is the query */
};

/*
 * How well the folded query words (n of them; query_fold all of them)
 * name something whose folded name is fold and whose name words
 * (space-separated, folded) are names: the weakest word decides; 0 if a
 * word matches no name word.
 */
int		 resolve_rank(char *const *words, size_t n,
		    const char *query_fold, const char *fold,
		    const char *names);

/*
 * Names the action (kith_db_vactionf) when the transaction open is the
 * outermost one, which the calling core function began itself: a core
 * write the front did not bracket names its own action ("moved
 * Northbridge acquisition to Negotiation"), while a front that opened a
 * transaction around several calls names the whole.
 */
void		 db_own_actionf(struct kith_db *, const char *command,
		    const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Where the database keeps its matcher (kith_db_match, match.h). */
struct match	**db_match_slot(struct kith_db *);

struct journal	*journal_new(void);
void		 journal_free(struct journal *);
struct journal	*db_journal(struct kith_db *);
int		 db_depth(const struct kith_db *);
enum kith_status journal_tx_begin(struct kith_db *, struct kith_err *);
enum kith_status journal_tx_commit(struct kith_db *, struct kith_err *);
void		 journal_tx_end(struct kith_db *);
void		 journal_tx_bulk(struct kith_db *);
/* Records this transaction as an action even if no journaled row changed. */
void		 journal_tx_keep(struct kith_db *);
enum kith_status journal_import(struct kith_db *, int64_t batch,
		    struct kith_err *);
enum kith_status journal_import_undone(struct kith_db *, int64_t batch,
		    struct kith_err *);

#endif
