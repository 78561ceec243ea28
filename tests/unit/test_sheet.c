/* SPDX-License-Identifier: MIT */
/*
 * The contact sheet model (sheet.h): one build in the core of what kith
 * show and the TUI's detail pane both render.
 */
#include <stdlib.h>

#include "check.h"
#include "testdb.h"
#include "kith/clock.h"
#include "kith/contact.h"
#include "kith/followup.h"
#include "kith/interaction.h"
#include "kith/relation.h"
#include "kith/sheet.h"

static int64_t
add(struct kith_db *db, const char *name, const char *title, const char *org)
{
	struct kith_err	 err = { 0 };
	struct contact	*c = contact_new();
	int64_t		 id;

	contact_set(&c->display, name);
	contact_set(&c->title, title);
	contact_set(&c->org, org);
	if (contact_insert(db, c, &err) != KITH_OK)
		fprintf(stderr, "add %s: %s\n", name, err.msg);
	id = c->id;
	contact_free(c);
	return id;
}

static void
test_sheet(void)
{
	struct contact_address	 addr = { "work", "Knez Mihailova 1", "Beograd",
				    NULL, "11000", "Srbija" };
	struct kith_err		 err = { 0 };
	struct contact		*c;
	struct sheet		*sh;
	struct kith_db		*db;
	int64_t			 ana, marko, jelena, fid, who[1];
	char			*path, at[32];
	int			 i;

	db = test_db("sheet.db", &path);
	kith_db_set_now(db, time_parse("2026-11-25 12:00"));
	ana = add(db, "Ana Petrović", "Managing Partner", "Petrović & Partneri");
	marko = add(db, "Marko Petrović", NULL, NULL);
	jelena = add(db, "Jelena Kovačević", NULL, "Petrović & Partneri");
	CHECK(contact_get(db, ana, &c, &err) == KITH_OK);
	contact_add_address(c, &addr);
	contact_add_tag(c, "vip");
	contact_add_tag(c, "client");
	contact_add_custom(c, "Skype", "ana.p");
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);

	/* Relations both ways: stored from Jelena's side and from Ana's. */
	CHECK(relation_link(db, jelena, ana, "assistant of", NULL, NULL, &err)
	    == KITH_OK);
	CHECK(relation_link(db, ana, marko, "spouse", "since 2010", NULL,
	    &err) == KITH_OK);
	CHECK(followup_add(db, ana, "send comments", "2026-11-23", &fid,
	    &err) == KITH_OK);
	CHECK(followup_add(db, ana, "renewal", "2026-12-01", NULL, &err)
	    == KITH_OK);
	CHECK(followup_add(db, ana, "old", "2026-11-01", &fid, &err)
	    == KITH_OK);
	CHECK(followup_done(db, fid, &err) == KITH_OK);
	who[0] = ana;
	for (i = 1; i <= 12; i++) {
		snprintf(at, sizeof at, "2026-10-%02d", i);
		CHECK(interaction_log(db, who, 1, "call", at, "a call", NULL,
		    NULL, &err) == KITH_OK);
	}

	CHECK(sheet_load(db, ana, 0, &sh, &err) == KITH_OK);
	if (sh == NULL)
		goto out;
	CHECK_STR(sh->contact->display, "Ana Petrović");
	CHECK_STR(sh->headline, "Managing Partner, Petrović & Partneri");
	CHECK_INT(sh->n_addresses, 1);
	CHECK_STR(sh->addresses[0], "Knez Mihailova 1, 11000, Beograd, Srbija");
	CHECK_STR(sh->tags, "client, vip");
	CHECK_INT(sh->contact->n_custom, 1);
	CHECK_INT(sh->n_relations, 2);
	if (sh->n_relations == 2) {
		CHECK_STR(sh->rel_lines[0].text,
		    "has assistant Jelena Kovačević");
		CHECK_INT(sh->rel_lines[0].rel->other, jelena);
		CHECK_STR(sh->rel_lines[1].text, "spouse Marko Petrović");
		CHECK_STR(sh->rel_lines[1].rel->note, "since 2010");
	}
	CHECK_INT(sh->n_followups, 2);		/* the done one is not there */
	if (sh->n_followups == 2) {
		CHECK_STR(sh->followups[0].action, "send comments");
		CHECK_INT(sh->followups[0].late, 2);
	}
	CHECK_INT(sh->n_interactions, SHEET_INTERACTIONS);
	if (sh->n_interactions > 0)
		CHECK_STR(sh->interactions[0].at, "2026-10-12");
	sheet_free(sh);

	CHECK(sheet_load(db, ana, 3, &sh, &err) == KITH_OK);
	CHECK_INT(sh ? sh->n_interactions : 0, 3);
	sheet_free(sh);
	CHECK(sheet_load(db, marko, 0, &sh, &err) == KITH_OK);
	CHECK(sh != NULL && sh->headline == NULL && sh->tags == NULL);
	CHECK_STR(sh ? sh->rel_lines[0].text : NULL, "spouse Ana Petrović");
	sheet_free(sh);

	/* Department, dates (year-less as "28 Jun"), messaging handles. */
	CHECK(contact_get(db, marko, &c, &err) == KITH_OK);
	contact_set(&c->department, "Tax");
	contact_set(&c->birthday, "--03-14");
	contact_add_date(c, "anniversary", "--06-28");
	contact_add_date(c, "client since", "2015-03-01");
	contact_add_im(c, "Skype", "marko.p", "work");
	contact_add_im(c, NULL, "marko@jabber.example", NULL);
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);
	CHECK(sheet_load(db, marko, 0, &sh, &err) == KITH_OK);
	if (sh != NULL) {
		CHECK_STR(sh->headline, "Tax");
		CHECK_STR(sh->birthday, "14 Mar");
		CHECK_INT(sh->n_dates, 2);
		CHECK_STR(sh->dates[0], "anniversary: 28 Jun");
		CHECK_STR(sh->dates[1], "client since: 2015-03-01");
		CHECK_INT(sh->n_ims, 2);
		CHECK_STR(sh->ims[0], "Skype: marko.p (work)");
		CHECK_STR(sh->ims[1], "marko@jabber.example");
	}
	sheet_free(sh);
	CHECK(contact_get(db, ana, &c, &err) == KITH_OK);
	contact_set(&c->department, "Litigation");
	CHECK(contact_update(db, c, &err) == KITH_OK);
	contact_free(c);
	CHECK(sheet_load(db, ana, 0, &sh, &err) == KITH_OK);
	CHECK_STR(sh ? sh->headline : NULL,
	    "Managing Partner, Petrović & Partneri (Litigation)");
	sheet_free(sh);
	CHECK(sheet_load(db, 9999, 0, &sh, &err) == KITH_NOTFOUND);
	CHECK(sh == NULL);
	sheet_free(NULL);
out:
	test_db_done(db, path);
}

TEST_MAIN(test_sheet)
