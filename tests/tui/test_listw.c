/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of scrolling a list by pages for reading (listw_scroll),
 * which the contact pane's page keys use: the view moves by the page and
 * the selection with it, clamped at both ends, where the selection then
 * goes on to the first or last line.
 */
#include "../unit/check.h"
#include "listw.h"

static void	test_scroll(void);

static void
test_scroll(void)
{
	struct listw	l = { 30, 0, 0 };

	/* 30 lines in 10 rows: a page down shows lines 9..18. */
	listw_scroll(&l, 9, 10);
	CHECK_INT(l.top, 9);
	CHECK_INT(l.sel, 9);
	listw_scroll(&l, 9, 10);
	CHECK_INT(l.top, 18);
	/* Clamped: the last page shows lines 20..29. */
	listw_scroll(&l, 9, 10);
	CHECK_INT(l.top, 20);
	CHECK_INT(l.sel, 20);
	/* At the end the selection goes on to the last line. */
	listw_scroll(&l, 9, 10);
	CHECK_INT(l.top, 20);
	CHECK_INT(l.sel, 29);
	listw_scroll(&l, -9, 10);
	CHECK_INT(l.top, 11);
	CHECK_INT(l.sel, 20);
	listw_scroll(&l, -20, 10);
	CHECK_INT(l.top, 0);
	CHECK_INT(l.sel, 9);
	listw_scroll(&l, -9, 10);
	CHECK_INT(l.top, 0);
	CHECK_INT(l.sel, 0);
	/* A list shorter than the rows does not scroll. */
	l.n = 5;
	listw_scroll(&l, 9, 10);
	CHECK_INT(l.top, 0);
	CHECK_INT(l.sel, 4);
}

/* Text to read (no selection): top moves, the rows stay filled. */
static void
test_view(void)
{
	struct listw	l = { 30, 0, 0 };

	CHECK_INT(listw_view_action(&l, ACT_DOWN, 10), 1);
	CHECK_INT(l.top, 1);
	CHECK_INT(listw_view_action(&l, ACT_PAGE_DOWN, 10), 1);
	CHECK_INT(l.top, 10);
	CHECK_INT(listw_view_action(&l, ACT_END, 10), 1);
	CHECK_INT(l.top, 20);
	CHECK_INT(listw_view_action(&l, ACT_DOWN, 10), 1);
	CHECK_INT(l.top, 20);		/* no empty rows at the end */
	CHECK_INT(listw_view_action(&l, ACT_HALF_UP, 10), 1);
	CHECK_INT(l.top, 15);
	CHECK_INT(listw_view_action(&l, ACT_HOME, 10), 1);
	CHECK_INT(l.top, 0);
	CHECK_INT(listw_view_action(&l, ACT_UP, 10), 1);
	CHECK_INT(l.top, 0);
	CHECK_INT(listw_view_action(&l, ACT_CLOSE, 10), 0);
	l.n = 5;			/* shorter than the rows */
	CHECK_INT(listw_view_action(&l, ACT_END, 10), 1);
	CHECK_INT(l.top, 0);
}

TEST_MAIN(test_scroll, test_view)
