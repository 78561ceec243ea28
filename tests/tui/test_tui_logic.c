/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the full-screen front's logic, without a terminal: the key
 * table (every action the help lists is reachable, no key does two
 * things), cell widths of Cyrillic and CJK text, the line editor
 * (backspace over a multi-byte character), the pane layout, and the human
 * dates the forms accept.
 */
#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "kith/clock.h"
#include "../unit/check.h"
#include "actions.h"
#include "edit.h"
#include "keys.h"
#include "listw.h"
#include "layout.h"
#include "utf8.h"

static void	test_setup(void);
static void	test_keys(void);
static void	test_widths(void);
static void	test_edit(void);
static void	test_layout(void);
static void	test_dates(void);

static void
test_setup(void)
{
	setenv("TZ", "UTC", 1);
	tzset();
	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
}

/* The main screen's scope with the focus on pane (a keymap_* table). */
static struct keyscope
main_scope(const struct keymap *pane)
{
	struct keyscope	sc = { { 0 }, 0 };

	keyscope_add(&sc, pane);
	keyscope_add(&sc, &keymap_main);
	keyscope_add(&sc, &keymap_global);
	return sc;
}

static void
test_keys(void)
{
	struct keyscope	 list = main_scope(&keymap_list);
	struct keyscope	 alerts = main_scope(&keymap_alerts);
	struct keyscope	 detail = main_scope(&keymap_detail);
	const struct keymap *const *m;
	unsigned char	 reached[ACT__COUNT];
	char		 buf[128];
	size_t		 i, j;
	int		 a;

	CHECK_INT(keyscope_lookup(&list, 0, 'j'), ACT_DOWN);
	CHECK_INT(keyscope_lookup(&list, 1, KEY_DOWN), ACT_DOWN);
	CHECK_INT(keyscope_lookup(&list, 0, 'k'), ACT_UP);
	CHECK_INT(keyscope_lookup(&list, 1, KEY_NPAGE), ACT_PAGE_DOWN);
	CHECK_INT(keyscope_lookup(&list, 0, 4), ACT_HALF_DOWN);	/* ^D */
	CHECK_INT(keyscope_lookup(&list, 0, 21), ACT_HALF_UP);	/* ^U */
	CHECK_INT(keyscope_lookup(&list, 0, 'g'), ACT_HOME);
	CHECK_INT(keyscope_lookup(&list, 0, 'G'), ACT_END);
	CHECK_INT(keyscope_lookup(&list, 0, '\t'), ACT_NEXT_PANE);
	CHECK_INT(keyscope_lookup(&list, 0, '/'), ACT_SEARCH);
	CHECK_INT(keyscope_lookup(&list, 0, '?'), ACT_HELP);
	CHECK_INT(keyscope_lookup(&list, 0, 'q'), ACT_QUIT);
	CHECK_INT(keyscope_lookup(&list, 0, 'Z'), ACT_NONE);
	/* 'j' as a function-key code is not the character 'j'. */
	CHECK_INT(keyscope_lookup(&list, 1, 'j'), ACT_NONE);

	/*
	 * d, s and x act on the highlighted alert only in the alert pane;
	 * on a contact they offer the contact's own follow-ups.  The Today
	 * screen's act on its selected item.
	 */
	CHECK_INT(keyscope_lookup(&alerts, 0, 'd'), ACT_DONE);
	CHECK_INT(keyscope_lookup(&alerts, 0, 's'), ACT_SNOOZE);
	CHECK_INT(keyscope_lookup(&alerts, 0, 'x'), ACT_DROP);
	CHECK_INT(keyscope_lookup(&list, 0, 'd'), ACT_DONE_PICK);
	CHECK_INT(keyscope_lookup(&detail, 0, 'd'), ACT_DONE_PICK);
	CHECK_INT(keyscope_lookup(&list, 0, 's'), ACT_SNOOZE_PICK);
	CHECK_INT(keyscope_lookup(&list, 0, 'x'), ACT_DROP_PICK);
	for (m = keymaps_all; *m != NULL; m++) {
		if (*m == &keymap_alerts || *m == &keymap_today)
			continue;
		CHECK(keymap_lookup(*m, 0, 'd') != ACT_DONE);
		CHECK(keymap_lookup(*m, 0, 's') != ACT_SNOOZE);
		CHECK(keymap_lookup(*m, 0, 'x') != ACT_DROP);
	}
	CHECK_INT(keymap_lookup(&keymap_today, 0, 'd'), ACT_DONE);
	CHECK_INT(keymap_lookup(&keymap_today, 0, 'w'), ACT_WHY);
	CHECK_INT(keymap_lookup(&keymap_main, 0, 't'), ACT_TODAY);
	/* A question's default is No: Enter and Esc say no. */
	CHECK_INT(keymap_lookup(&keymap_confirm, 0, '\r'), ACT_NO);
	CHECK_INT(keymap_lookup(&keymap_confirm, 0, 27), ACT_NO);
	CHECK_INT(keymap_lookup(&keymap_confirm, 0, 'y'), ACT_YES);

	/* No key is bound twice in one table; every action is reachable. */
	memset(reached, 0, sizeof reached);
	for (m = keymaps_all; *m != NULL; m++) {
		CHECK((*m)->title != NULL && (*m)->n > 0);
		for (i = 0; i < (*m)->n; i++) {
			reached[(*m)->binds[i].act] = 1;
			for (j = i + 1; j < (*m)->n; j++)
				CHECK(!((*m)->binds[i].fn ==
				    (*m)->binds[j].fn && (*m)->binds[i].key ==
				    (*m)->binds[j].key));
		}
	}
	for (a = 1; a < ACT__COUNT; a++) {
		CHECK(action_name((enum action)a)[0] != '\0');
		CHECK(action_help((enum action)a)[0] != '\0');
		if (!reached[a])
			fprintf(stderr, "action %s has no key\n",
			    action_name((enum action)a));
		CHECK(reached[a]);
	}
	keymap_keys_for(&keymap_list, ACT_DOWN, buf, sizeof buf);
	CHECK_STR(buf, "Down, j");
	keymap_keys_for(&keymap_list, ACT_OPEN, buf, sizeof buf);
	CHECK_STR(buf, "Enter");
	keymap_keys_for(&keymap_list, ACT_HALF_DOWN, buf, sizeof buf);
	CHECK_STR(buf, "^D");
	/* In a scope, a key an inner table takes is not listed outside. */
	keyscope_keys_for(&alerts, ACT_DONE_PICK, buf, sizeof buf);
	CHECK_STR(buf, "");
	keys_name(1, KEY_PPAGE, buf, sizeof buf);
	CHECK_STR(buf, "PgUp");
	keys_name(0, 27, buf, sizeof buf);
	CHECK_STR(buf, "Esc");
	CHECK_STR(action_name(ACT_SNOOZE), "snooze");
	CHECK(action_hint(ACT_UP) == NULL);
	CHECK_STR(action_hint(ACT_QUIT), "quit");
}

static void
test_widths(void)
{
	char	buf[32];
	int	used;

	CHECK_INT(u8_width("Ana"), 3);
	CHECK_INT(u8_width("Петровић"), 8);
	CHECK_INT(u8_width("王小明"), 6);
	CHECK_INT(u8_width("Ana 王"), 6);
	CHECK_INT(u8_width(NULL), 0);
	/* Combining accent: no cell of its own. */
	CHECK_INT(u8_width("e\xcc\x81"), 1);
	/*
	 * Controls, bidi overrides and bad bytes are shown inert, as the
	 * CLI shows them (termsafe.h): "^[", "\u202E", "\xFF".
	 */
	CHECK_INT(u8_width("a\x1b[31mb"), 8);
	CHECK_INT(u8_width("\xff\xfe"), 8);
	CHECK_INT(u8_width("\xe2\x80\xae"), 6);
	{
		struct u8_glyph	 g;

		CHECK_INT(u8_next("\x1b[2J", 5, &g), 1);
		CHECK(g.inert && wcscmp(g.wc, L"^[") == 0 && g.cells == 2);
		CHECK_INT(u8_next("\xe2\x80\xae", 3, &g), 3);
		CHECK(g.inert && wcscmp(g.wc, L"\\u202E") == 0);
		CHECK_INT(u8_next("王", 3, &g), 3);
		CHECK(!g.inert && g.wc[0] == L'王' && g.cells == 2);
	}
	/* A name quoted in a title is cut by character, never by byte. */
	{
		char	*cut = u8_cut("Petrović", 7);

		CHECK_STR(cut, "Petrovi");
		free(cut);
		cut = u8_cut("王小明", 5);
		CHECK_STR(cut, "王小");
		free(cut);
	}
	/* A truncating snprintf never leaves half a character. */
	{
		char	small[8];

		memcpy(small, "ab王小", 6);	/* "ab", 王, a third of 小 */
		small[6] = '\0';
		u8_trim_partial(small);
		CHECK_STR(small, "ab王");
		memcpy(small, "abcd王", 5);
		small[5] = '\0';
		u8_trim_partial(small);
		CHECK_STR(small, "abcd");
	}
	/* A wide character never straddles the edge. */
	CHECK_INT(u8_fit("王小明", strlen("王小明"), 5, &used), 6);
	CHECK_INT(used, 4);
	CHECK_INT(u8_fit("王小明", strlen("王小明"), 6, &used), 9);
	CHECK_INT(u8_fit("Ђорђе", strlen("Ђорђе"), 2, &used), 4);
	CHECK_INT(used, 2);
	CHECK_INT(u8_prev("aћ", 3), 1);
	CHECK_INT(u8_prev("王", 3), 0);
	CHECK_INT(u8_width_n("王小明", 3), 2);
	u8_thousands(1000000, buf, sizeof buf);
	CHECK_STR(buf, "1,000,000");
	u8_thousands(999, buf, sizeof buf);
	CHECK_STR(buf, "999");
	u8_thousands(1204, buf, sizeof buf);
	CHECK_STR(buf, "1,204");
}

static void
test_edit(void)
{
	struct edit	e;
	int		col;

	edit_init(&e, NULL);
	CHECK_STR(e.buf, "");
	CHECK_INT(edit_backspace(&e), 0);
	edit_insert_str(&e, "Љубицаћ");
	CHECK_INT(edit_backspace(&e), 1);
	CHECK_STR(e.buf, "Љубица");
	CHECK_INT(e.cur, strlen("Љубица"));
	edit_set(&e, "王小红红");
	edit_backspace(&e);
	CHECK_STR(e.buf, "王小红");
	/* Cursor movement by characters, insertion in the middle. */
	edit_left(&e);
	CHECK_INT(e.cur, 6);
	edit_insert(&e, L'大');
	CHECK_STR(e.buf, "王小大红");
	edit_home(&e);
	edit_delete(&e);
	CHECK_STR(e.buf, "小大红");
	edit_end(&e);
	CHECK_INT(e.cur, e.len);
	/* Controls are not inserted. */
	edit_insert(&e, L'\x1b');
	CHECK_STR(e.buf, "小大红");
	/* The cursor column counts two cells per wide character. */
	col = edit_view(&e, 40);
	CHECK_INT(col, 6);
	/* A narrow field scrolls to keep the cursor visible. */
	edit_set(&e, "Ђорђе Петровић Марковић");
	col = edit_view(&e, 10);
	CHECK(col <= 9);
	CHECK(e.scroll > 0);
	edit_home(&e);
	col = edit_view(&e, 10);
	CHECK_INT(col, 0);
	CHECK_INT(e.scroll, 0);
	edit_set(&e, "Ana Petrović");
	CHECK_INT(edit_kill_word(&e), 1);
	CHECK_STR(e.buf, "Ana ");
	edit_set(&e, "one two");
	edit_left(&e);
	edit_left(&e);
	edit_left(&e);
	edit_kill_line(&e);
	CHECK_STR(e.buf, "two");
	edit_free(&e);
}

static void
test_layout(void)
{
	struct layout	l;

	layout_compute(&l, 24, 80, 1, 7);
	CHECK(l.ok);
	CHECK_INT(l.status_y, 23);
	CHECK_INT(l.alert_h, 1 + 6);	/* at most a quarter of 24 */
	CHECK_INT(l.alert_y + l.alert_h, l.status_y);
	CHECK_INT(l.body_y + l.body_h, l.alert_y);
	CHECK_INT(l.list_w, 32);
	CHECK_INT(l.mark_w + l.name_w + 1 + l.org_w, l.list_w);
	CHECK_INT(l.detail_x + l.detail_w, 80);
	CHECK(l.body_h >= 10);

	layout_compute(&l, 24, 80, 0, 7);
	CHECK_INT(l.alert_h, 1);
	layout_compute(&l, 24, 80, 1, 0);
	CHECK_INT(l.alert_h, 2);

	layout_compute(&l, 20, 60, 1, 50);
	CHECK(l.ok);
	CHECK_INT(l.list_w, 24);
	CHECK(l.body_h > 0);
	layout_compute(&l, 200, 300, 1, 3);
	CHECK_INT(l.list_w, 48);
	CHECK_INT(l.alert_h, 4);

	layout_compute(&l, LAYOUT_MIN_ROWS - 1, 80, 1, 3);
	CHECK(!l.ok);
	layout_compute(&l, 24, LAYOUT_MIN_COLS - 1, 1, 3);
	CHECK(!l.ok);
	layout_compute(&l, LAYOUT_MIN_ROWS, LAYOUT_MIN_COLS, 1, 100);
	CHECK(l.ok);
	CHECK(l.body_h >= 5);

	/* Open at 80x24, 15 alerts: 5 listed and a "+10 more" line. */
	layout_compute(&l, 24, 80, LAYOUT_ALERTS_OPEN, 15);
	CHECK_INT(l.alert_h, 1 + 6);
	CHECK_INT(layout_alert_items(&l, 15), 5);
	CHECK_INT(layout_alert_items(&l, 6), 6);	/* all fit: no line */
	CHECK_INT(layout_alert_items(&l, 0), 6);
	/* Zoomed, the pane takes all but LAYOUT_ZOOM_BODY body rows. */
	layout_compute(&l, 24, 80, LAYOUT_ALERTS_ZOOM, 40);
	CHECK(l.ok);
	CHECK_INT(l.body_h, LAYOUT_ZOOM_BODY);
	CHECK_INT(l.alert_h, 1 + 17);
	CHECK_INT(l.alert_y + l.alert_h, l.status_y);
	CHECK_INT(layout_alert_items(&l, 40), 16);
	/* ... and no more than its alerts need: 15 shown whole. */
	layout_compute(&l, 24, 80, LAYOUT_ALERTS_ZOOM, 15);
	CHECK_INT(l.alert_h, 1 + 15);
	CHECK_INT(layout_alert_items(&l, 15), 15);
	CHECK_INT(l.body_y + l.body_h, l.alert_y);
	CHECK(l.body_h >= LAYOUT_ZOOM_BODY);
	layout_compute(&l, LAYOUT_MIN_ROWS, LAYOUT_MIN_COLS,
	    LAYOUT_ALERTS_ZOOM, 100);
	CHECK(l.ok);
	CHECK_INT(l.body_h, LAYOUT_ZOOM_BODY);
	CHECK_INT(layout_alert_items(&l, 100), l.alert_h - 2);
	/* Shut: the title line only, no alert listed. */
	layout_compute(&l, 24, 80, LAYOUT_ALERTS_SHUT, 15);
	CHECK_INT(l.alert_h, 1);
	CHECK_INT(layout_alert_items(&l, 15), 0);
	/* A pane of one line lists its one alert rather than "+1 more". */
	l.alert_h = 2;
	CHECK_INT(layout_alert_items(&l, 3), 1);
}

/* The human dates the follow-up and snooze forms accept (as the CLI). */
static void
test_dates(void)
{
	char	out[KITH_DATE_LEN];
	time_t	now = time_parse("2026-03-10 09:00");	/* a Tuesday */

	CHECK_INT(date_parse("tomorrow", now, out, NULL), KITH_OK);
	CHECK_STR(out, "2026-03-11");
	CHECK_INT(date_parse("+2w", now, out, NULL), KITH_OK);
	CHECK_STR(out, "2026-03-24");
	CHECK_INT(date_parse("fri", now, out, NULL), KITH_OK);
	CHECK_STR(out, "2026-03-13");
	CHECK_INT(date_parse("+1w", now, out, NULL), KITH_OK);
	CHECK_STR(out, "2026-03-17");
	CHECK_INT(date_parse(" 2026-04-01 ", now, out, NULL), KITH_OK);
	CHECK_STR(out, "2026-04-01");
	CHECK(date_parse("someday", now, out, NULL) != KITH_OK);
}

/* The list widget every list uses: moves clamp, the selection shows. */
static void
test_listw(void)
{
	struct listw	l = { 0, 0, 0 };

	CHECK_INT(listw_action(&l, ACT_DOWN, 5), 1);	/* empty: stays */
	CHECK_INT((int)l.sel, 0);
	listw_resize(&l, 20);
	CHECK_INT(listw_action(&l, ACT_END, 5), 1);
	CHECK_INT((int)l.sel, 19);
	CHECK_INT((int)l.top, 15);
	CHECK_INT(listw_action(&l, ACT_PAGE_UP, 5), 1);
	CHECK_INT((int)l.sel, 15);
	CHECK_INT(listw_action(&l, ACT_HOME, 5), 1);
	CHECK_INT((int)l.sel, 0);
	CHECK_INT((int)l.top, 0);
	CHECK_INT(listw_action(&l, ACT_PAGE_DOWN, 5), 1);
	CHECK_INT((int)l.sel, 4);
	CHECK_INT(listw_action(&l, ACT_UP, 5), 1);
	CHECK_INT((int)l.sel, 3);
	CHECK_INT(listw_action(&l, ACT_SEARCH, 5), 0);	/* not a move */
	/* The list shrinks under the selection: it stays inside. */
	l.sel = 18;
	listw_resize(&l, 10);
	CHECK_INT((int)l.sel, 9);
	listw_resize(&l, 0);
	CHECK_INT((int)l.sel, 0);
}

TEST_MAIN(test_setup, test_keys, test_widths, test_edit, test_layout,
    test_dates, test_listw)
