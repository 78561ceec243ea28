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
