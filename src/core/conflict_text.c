/* SPDX-License-Identifier: MIT */
/*
 * A conflict check's record as text (conflict_record_text, conflict.h):
 * what kith conflict --show prints and the TUI's conflict screen shows,
 * written once.  Every string that came from data is made terminal-safe
 * on one line (termsafe.h), so the text holds no control character but
 * its own line breaks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "kith/conflict.h"
#include "kith/termsafe.h"
#include "kith/util.h"

static void	add_safe(struct sbuf *, const char *);
static void	add_utc(struct sbuf *, time_t);

static void
add_safe(struct sbuf *sb, const char *s)
{
	char	*t;

	if (s == NULL)
		return;
	t = termsafe_str(s, 0);
	sbuf_add(sb, t);
	free(t);
}

static void
add_utc(struct sbuf *sb, time_t t)
{
	struct tm	tm;
	char		buf[64];

	if (gmtime_r(&t, &tm) == NULL || strftime(buf, sizeof buf,
	    "%Y-%m-%d %H:%M UTC", &tm) == 0)
		snprintf(buf, sizeof buf, "%lld", (long long)t);
	sbuf_add(sb, buf);
}

char *
conflict_record_text(const struct conflict_record *r)
{
	struct sbuf	sb = { 0 };
	size_t		i;

	sbuf_printf(&sb, "Conflict check #%lld, ", (long long)r->id);
	add_utc(&sb, r->at);
	sbuf_add(&sb, ", by ");
	add_safe(&sb, r->user);
	if (r->matter != NULL) {
		sbuf_add(&sb, ", for ");
		add_safe(&sb, r->matter);
	}
	sbuf_add(&sb, "\nTerms:");
	for (i = 0; i < r->nterms; i++) {
		sbuf_add(&sb, i ? "; " : " ");
		add_safe(&sb, r->terms[i]);
	}
	sbuf_add(&sb, "\nSearched:");
	for (i = 0; i < r->nvariants; i++) {
		sbuf_add(&sb, i ? "; " : " ");
		add_safe(&sb, r->variants[i]);
	}
	sbuf_printf(&sb, " (links followed %d deep)\n", r->depth);
	if (r->nhits == 0)
		sbuf_add(&sb, "No hits in kith's records.\n");
	else
		sbuf_printf(&sb, "%zu hit%s in kith's records, strongest "
		    "first:\n", r->nhits, r->nhits == 1 ? "" : "s");
	for (i = 0; i < r->nhits; i++) {
		const struct conflict_hit *h = &r->hits[i];

		sbuf_printf(&sb, "%3zu. ", i + 1);
		add_safe(&sb, h->name);
		sbuf_printf(&sb, " (%s", h->kind);
		if (h->ref > 0)
			sbuf_printf(&sb, " #%lld", (long long)h->ref);
		sbuf_add(&sb, ") — ");
		add_safe(&sb, h->role);
		sbuf_add(&sb, "\n     ");
		add_safe(&sb, h->chain);
		sbuf_add(&sb, "\n     matched '");
		add_safe(&sb, h->term);
		sbuf_printf(&sb, "': %s\n", h->rule);
	}
	if (r->ndecisions == 0)
		sbuf_printf(&sb, "Disposition: none yet (kith conflict --decide "
		    "%lld clear|waivable-pending|waivable-obtained|declined)\n",
		    (long long)r->id);
	for (i = 0; i < r->ndecisions; i++) {
		const struct conflict_decision *d = &r->decisions[i];

		sbuf_printf(&sb, "Disposition: %s, ",
		    conflict_disposition_name(d->disposition));
		add_utc(&sb, d->at);
		sbuf_add(&sb, ", by ");
		add_safe(&sb, d->reviewer);
		if (d->waiver != NULL) {
			sbuf_add(&sb, ", waiver ");
			add_safe(&sb, d->waiver);
		}
		sbuf_add(&sb, "\n");
	}
	return sbuf_detach(&sb);
}
