/* SPDX-License-Identifier: MIT */
/*
 * Private interface between the deal modules: deal.c (a deal's life:
 * add, read, move, close, edit, remove), deal_people.c (the people on a
 * deal), deal_role.c (the deal word and the role list), deal_list.c
 * (resolving and listing) and deal_log.c (interactions and follow-ups on
 * a deal).  Not installed, not for the fronts.
 */
#ifndef KITH_DEAL_IMPL_H
#define KITH_DEAL_IMPL_H

#include <stdint.h>

#include "kith/status.h"

#define DAY	86400		/* seconds in a day, for whole days */

struct kith_db;
struct sqlite3_stmt;

/*
 * 1 when deal d has a follow-up not done and due before the day bound to
 * parameter DEAL_TODAY_PARAM (deal_bind_today): with an idle stage, what
 * makes a deal stalled, in the deal list, the deal sheet, the board and
 * the report alike.  An index lookup (followup_by_deal).  A numbered
 * parameter far above the statements' own, which count from ?1 (a named
 * one would take the number after those seen before it).
 */
#define DEAL_TODAY_PARAM	20
#define DEAL_OVERDUE_SQL	"EXISTS (SELECT 1 FROM followup f " \
	"WHERE f.deal_id = d.id AND f.done_at IS NULL AND f.due < ?20)"

/* Binds today's date (the handle's clock) to DEAL_TODAY_PARAM in stmt. */
void		 deal_bind_today(struct kith_db *, struct sqlite3_stmt *);

/*
 * The title of deal id into *title (caller frees) and, if stage is not
 * NULL, its stage.  KITH_NOTFOUND naming the deal word if absent.
 */
enum kith_status deal_title(struct kith_db *, int64_t id, char **title,
		    int64_t *stage, struct kith_err *);

/* 1 if a and b are the same text, NULL and "" being the same. */
int		 deal_str_same(const char *a, const char *b);

/*
 * deal_set_contact without a transaction of its own, for deal_add,
 * which puts the new deal's people on it inside its own.
 */
enum kith_status deal_put_contact(struct kith_db *, int64_t id,
		    int64_t contact, const char *role, struct kith_err *);

#endif
