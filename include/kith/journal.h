/* SPDX-License-Identifier: MIT */
/*
 * The change journal: what each user action changed, so it can be undone.
 *
 * Every outermost write transaction (kith_db_begin() ... kith_db_commit())
 * is one journal action.  SQLite's session extension records the rows it
 * inserted, changed and deleted in the user-data tables (contacts and
 * their parts, tags, organisations, relationships, interactions,
 * follow-ups, deals, stages), foreign-key cascades included, and the
 * commit stores them as one changeset with the label the front gave with
 * kith_db_action().  A transaction that changed nothing leaves no action.
 * Every core write function runs in a transaction (those of one statement
 * through DB_TRANSACTION), so each call is an action even when the front
 * opened none; a front that makes several calls for one user action
 * (kith rm --all-matching, kith done 3 4) brackets them in
 * kith_db_begin()/kith_db_commit() to make them one.
 *
 * A contact import runs in bulk mode, where nothing is recorded row by
 * row: it is one action whose undo is the import's own (import_undo()).
 * A deals import is not: its rows are recorded as one action that names
 * its import batch, undone (and redone) like any other, the batch marked
 * undone (or not) with it.
 *
 * Undo applies the inverse of the recorded changes in one transaction.  If
 * a row was changed since (another action, an import, another program), or
 * the undo would touch a row the action did not (a cascade onto data added
 * since), nothing is written and the error names the row.  The undo is an
 * action too: undoing it again redoes the change.  The last
 * JOURNAL_KEEP actions that are not undos are kept, with the undos made
 * since the oldest of them; older ones are pruned.
 */
#ifndef KITH_JOURNAL_H
#define KITH_JOURNAL_H

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "kith/status.h"

struct kith_db;

/* How many actions the journal keeps at least. */
#define JOURNAL_KEEP	100

struct journal_entry {
	int64_t		 id;		/* action id, ascending in time */
	time_t		 at;		/* when it was committed */
	char		*command;	/* "rm", "edit", "undo", ... */
	char		*label;		/* what it did, for people */
	int64_t		 undone_by;	/* the undo that took it back, or 0 */
	int64_t		 undoes;	/* the action this undo took back */
	int		 undoable;	/* has changes (or an import) to undo */
};

/*
 * Names the action of the current or next outermost write transaction:
 * command is a short word ("rm"), label says what it did ("deleted Ana
 * Petrović (#12)").  May be called before kith_db_begin() or inside the
 * transaction (when the label is known only at the end); the last call
 * before the commit wins.  Both are copied; NULL leaves a default
 * ("change", and a label naming the first contact changed).  Cleared when
 * the outermost transaction ends, committed or not; a front names every
 * action it starts, so a name set before a write that never began is
 * replaced, not inherited.
 */
void		 kith_db_action(struct kith_db *, const char *command,
		    const char *label);
/* kith_db_action() with the label formatted as by vprintf. */
void		 kith_db_vactionf(struct kith_db *, const char *command,
		    const char *fmt, va_list);

/*
 * The most recent actions, newest first, at most max of them.  *out is an
 * array of *n entries; free with journal_entries_free.
 */
enum kith_status journal_list(struct kith_db *, size_t max,
		    struct journal_entry **out, size_t *n, struct kith_err *);
void		 journal_entries_free(struct journal_entry *, size_t n);

/*
 * Undoes action id, in a transaction of its own (KITH_INVALID if one is
 * open).  On success, if done is not NULL, it is filled with the action
 * that was undone (free its strings with journal_entry_clear).
 * Errors: KITH_NOTFOUND (no such action: pruned, or never), KITH_INVALID
 * (undone already, or nothing to undo), KITH_EXISTS (a row it would
 * restore or remove was changed since: err names it and nothing was
 * written), KITH_DB/KITH_BUSY.  The search index of every contact touched
 * is rebuilt.
 */
enum kith_status journal_undo(struct kith_db *, int64_t id,
		    struct journal_entry *done, struct kith_err *);

/*
 * The id of the last action this handle recorded (0 if none yet): what a
 * front that made it offers to undo, whatever another process did since.
 * It may have been rolled back since, if its transaction was.
 */
int64_t		 journal_last_recorded(struct kith_db *);

/*
 * The action journal_undo(id) would take back, or with id 0 the one
 * journal_undo_last would (*target; KITH_NOTFOUND if none), and the import
 * batch it added (*batch, 0 for any other action): an import's undo
 * deletes what it added, and is confirmed as import --undo is.
 */
enum kith_status journal_undo_target(struct kith_db *, int64_t id,
		    int64_t *target, int64_t *batch, struct kith_err *);

/*
 * Undoes the most recent action that is not an undo and was not undone
 * yet: repeated calls walk back through the history.  KITH_NOTFOUND if
 * there is none; otherwise as journal_undo.
 */
enum kith_status journal_undo_last(struct kith_db *,
		    struct journal_entry *done, struct kith_err *);

/* Frees the strings of one entry and zeroes it; NULL is a no-op. */
void		 journal_entry_clear(struct journal_entry *);

#endif
