/* SPDX-License-Identifier: MIT */
/*
 * The Today screen's text (todaytext.c): the header's counts, when an
 * item is owed, its colour (red overdue, yellow due), the explanation w
 * shows term by term with the numbers and the same-organisation note,
 * and how a cadence is loosened after snoozes in a row.
 */
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "kith/cadence.h"
#include "kith/review.h"
#include "draw.h"
#include "todaytext.h"

static struct review_item
item(enum review_kind kind, long late, const char *tier)
{
	struct review_item	it;

	memset(&it, 0, sizeof it);
	it.kind = kind;
	it.late = late;
	it.n_terms = 1;
	it.terms[0].name = "tier";
	it.terms[0].value = 25;
	strcpy(it.terms[0].why, tier);
	return it;
}

static const char *
when(long late)
{
	static char		buf[32];
	struct review_item	it = item(REVIEW_FOLLOWUP, late, "");

	today_when(&it, buf, sizeof buf);
	return buf;
}

static void
test_header_when(void)
{
	struct review	r = { 0 };
	char		buf[96];

	r.n = 14;
	r.decided = 1;
	r.carried = 1;
	today_header(&r, buf, sizeof buf);
	CHECK_STR(buf, "14 owed today, 1 decided, 1 carried over");
	CHECK_STR(when(12), "12 days late");
	CHECK_STR(when(1), "1 day late");
	CHECK_STR(when(0), "today");
	CHECK_STR(when(-1), "tomorrow");
	CHECK_STR(when(-3), "in 3 days");
}

static void
test_role(void)
{
	struct review_item	it;

	it = item(REVIEW_FOLLOWUP, 3, "overdue follow-up");
	CHECK_INT(today_role(&it), ROLE_OVERDUE);
	it = item(REVIEW_FOLLOWUP, 0, "follow-up due today");
	CHECK_INT(today_role(&it), ROLE_TODAY);
	it = item(REVIEW_FOLLOWUP, -2, "follow-up coming");
	CHECK_INT(today_role(&it), ROLE_NORMAL);
	/* A cadence is red past its maximum only, yellow past its ideal. */
	it = item(REVIEW_CADENCE, 28, "overdue cadence");
	CHECK_INT(today_role(&it), ROLE_OVERDUE);
	it = item(REVIEW_CADENCE, 3, "due cadence");
	CHECK_INT(today_role(&it), ROLE_TODAY);
	it = item(REVIEW_KEYDATE, 0, "birthday today");
	CHECK_INT(today_role(&it), ROLE_TODAY);
	it = item(REVIEW_KEYDATE, -2, "birthday this week");
	CHECK_INT(today_role(&it), ROLE_NORMAL);
	it = item(REVIEW_DEAL, 29, "stalled deal");
	CHECK_INT(today_role(&it), ROLE_OVERDUE);
}

static void
test_why(void)
{
	struct review_item	it = item(REVIEW_CADENCE, 28, "overdue cadence");
	char			*s;

	it.rank = 2;
	it.score = 87;
	it.name = "Robert Lin";
	it.what = "keep in touch every 21 days";
	it.n_terms = 4;
	it.terms[1] = (struct review_term){ "lateness", 40, "28 days late" };
	it.terms[2] = (struct review_term){ "strength", 7.4, "strength 37" };
	it.terms[3] = (struct review_term){ "deal", 14.9, "open deal 95000" };
	s = today_why(&it);
	CHECK(strstr(s, "#2 with 87 points: cadence, Robert Lin — keep in "
	    "touch every 21 days") == s);
	CHECK(strstr(s, "  tier           +25   overdue cadence\n") != NULL);
	CHECK(strstr(s, "  lateness       +40   28 days late\n") != NULL);
	CHECK(strstr(s, "  strength      +7.4   strength 37\n") != NULL);
	CHECK(strstr(s, "  deal         +14.9   open deal 95000\n") != NULL);
	CHECK(strstr(s, "  sum           87.3   rounded: 87\n") != NULL);
	CHECK(strstr(s, "Same organisation") == NULL);
	free(s);
	it.hint = "Grace Thompson at Northbridge was called 3 days ago: the "
	    "same loan";
	it.terms[1].value = -4;
	s = today_why(&it);
	CHECK(strstr(s, "  lateness        -4   28 days late\n") != NULL);
	CHECK(strstr(s, "\nSame organisation: Grace Thompson at Northbridge "
	    "was called 3 days ago: the same loan\n") != NULL);
	free(s);
}

static void
test_loosen(void)
{
	struct cadence_spec	c;

	today_loosen(21, 31, &c);
	CHECK_INT(c.ideal, 32);
	CHECK_INT(c.max, 47);
	today_loosen(30, 0, &c);	/* max 0: 1.5 x the ideal, 45 */
	CHECK_INT(c.ideal, 45);
	CHECK_INT(c.max, 68);
	today_loosen(1, 1, &c);
	CHECK_INT(c.ideal, 2);
	CHECK_INT(c.max, 2);
}

TEST_MAIN(test_header_when, test_role, test_why, test_loosen)
