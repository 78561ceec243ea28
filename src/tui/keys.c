/* SPDX-License-Identifier: MIT */
/*
 * The key tables of every scope (keys.h) and the names and help of
 * actions, generated from KITH_ACTIONS in actions.h.
 *
 * The same key may mean different things in different scopes ('d' in the
 * alert pane marks the highlighted alert done; on a contact it offers that
 * contact's follow-ups), but never two things in one table: the unit tests
 * check that, and that every action is reachable from some table.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"

#define KEYMAP(name, title, binds)					\
	const struct keymap name = { title, binds,			\
	    sizeof binds / sizeof binds[0] }

/* Moving in any list: the lists of panes, pickers and text boxes. */
#define MOVE_KEYS							\
	{ 1, KEY_UP,	ACT_UP, NULL },	{ 0, 'k',	ACT_UP, NULL },	\
	{ 1, KEY_DOWN,	ACT_DOWN, NULL }, { 0, 'j',	ACT_DOWN, NULL }, \
	{ 1, KEY_PPAGE,	ACT_PAGE_UP, NULL }, { 0, CTRL('b'), ACT_PAGE_UP, NULL }, \
	{ 1, KEY_NPAGE,	ACT_PAGE_DOWN, NULL }, { 0, CTRL('f'), ACT_PAGE_DOWN, NULL }, \
	{ 0, CTRL('u'),	ACT_HALF_UP, NULL },				\
	{ 0, CTRL('d'),	ACT_HALF_DOWN, NULL },				\
	{ 1, KEY_HOME,	ACT_HOME, NULL }, { 0, 'g',	ACT_HOME, NULL }, \
	{ 1, KEY_END,	ACT_END, NULL }, { 0, 'G',	ACT_END, NULL }

static const struct keybind global_binds[] = {
	{ 0, '?',	ACT_HELP, NULL },	{ 1, KEY_F(1),	ACT_HELP, NULL },
	{ 0, CTRL('l'),	ACT_REDRAW, NULL },
	{ 0, 'q',	ACT_QUIT, NULL },
};
KEYMAP(keymap_global, "Everywhere outside text fields", global_binds);

static const struct keybind main_binds[] = {
	{ 0, '\t',	ACT_NEXT_PANE, NULL },	{ 1, KEY_RIGHT,	ACT_NEXT_PANE, NULL },
	{ 1, KEY_BTAB,	ACT_PREV_PANE, NULL },	{ 1, KEY_LEFT,	ACT_PREV_PANE, NULL },
	{ 0, '/',	ACT_SEARCH, NULL },
	{ 0, 27,	ACT_CLEAR, "close the search, back to the contact "
	    "selected before it, focus on the list" },
	{ 0, 'a',	ACT_ADD, NULL },
	{ 0, 'e',	ACT_EDIT, NULL },
	{ 0, 'l',	ACT_LOG, NULL },
	{ 0, 'f',	ACT_FOLLOW, NULL },
	{ 0, 'r',	ACT_LINK, NULL },
	{ 0, 'd',	ACT_DONE_PICK, NULL },
	{ 0, 's',	ACT_SNOOZE_PICK, NULL },
	{ 0, 'x',	ACT_DROP_PICK, NULL },
	{ 0, '!',	ACT_ALERTS, NULL },
	{ 0, 'z',	ACT_ALERTS_ALL, NULL },
	{ 0, 'A',	ACT_ARCHIVE, NULL },
	{ 0, 'D',	ACT_DELETE, NULL },
	{ 0, 'E',	ACT_NOTES, NULL },
	{ 0, 'i',	ACT_IMPORT, NULL },
	{ 0, 'H',	ACT_ARCHIVED, NULL },
	{ 0, 'u',	ACT_UNDO, NULL },
	{ 0, 'p',	ACT_BOARD, NULL },
	{ 0, 'o',	ACT_ONEPAGER, NULL },
	{ 0, 'O',	ACT_PRINT, NULL },
	{ 0, 'P',	ACT_PATH, NULL },
	{ 0, 't',	ACT_TODAY, NULL },
	{ 0, 'M',	ACT_DUPES, NULL },
	{ 0, 'C',	ACT_CONFLICT, NULL },
};
KEYMAP(keymap_main, "Main screen", main_binds);

static const struct keybind list_binds[] = {
	MOVE_KEYS,
	{ 0, '\r',	ACT_OPEN, "go to the contact pane" },
	{ 0, '\n',	ACT_OPEN, NULL },	{ 1, KEY_ENTER,	ACT_OPEN, NULL },
	{ 0, 'S',	ACT_SORT, NULL },
};
KEYMAP(keymap_list, "Contact list", list_binds);

static const struct keybind detail_binds[] = {
	MOVE_KEYS,
	{ 0, '\r',	ACT_OPEN, "on a relationship: go to that person; on "
	    "\"+N more fields\": show them; on a deal: open it; elsewhere: "
	    "read the line (the "
	    "notes, an interaction; on a heading, the whole sheet) in full in "
	    "the pager" },
	{ 0, '\n',	ACT_OPEN, NULL },	{ 1, KEY_ENTER,	ACT_OPEN, NULL },
};
KEYMAP(keymap_detail, "Contact pane", detail_binds);

static const struct keybind alerts_binds[] = {
	MOVE_KEYS,
	{ 0, 'd',	ACT_DONE, NULL },
	{ 0, 's',	ACT_SNOOZE, NULL },
	{ 0, 'x',	ACT_DROP, NULL },
	{ 0, 'z',	ACT_ALERTS_ALL, NULL },
	{ 0, '\r',	ACT_OPEN, "show the alert's contact in the list (a "
	    "stalled deal, or a deal's follow-up with nobody on it: open the "
	    "deal)" },
	{ 0, '\n',	ACT_OPEN, NULL },	{ 1, KEY_ENTER,	ACT_OPEN, NULL },
	{ 0, 'o',	ACT_JUMP, "show the alert's contact in the list" },
	{ 0, 'w',	ACT_WHY, "why the alert ranks where it does among the "
	    "week's alerts: its score term by term, with the numbers" },
};
KEYMAP(keymap_alerts, "Alert pane", alerts_binds);

static const struct keybind search_binds[] = {
	{ 0, '\r',	ACT_SEARCH_KEEP, NULL },
	{ 0, '\n',	ACT_SEARCH_KEEP, NULL },
	{ 1, KEY_ENTER,	ACT_SEARCH_KEEP, NULL },
	{ 0, 27,	ACT_SEARCH_CANCEL, NULL },
	{ 0, '\t',	ACT_SEARCH_TAB, NULL },
	{ 1, KEY_BTAB,	ACT_SEARCH_BACK, NULL },
	{ 1, KEY_UP,	ACT_UP, NULL },		{ 1, KEY_DOWN,	ACT_DOWN, NULL },
	{ 1, KEY_PPAGE,	ACT_PAGE_UP, NULL },	{ 1, KEY_NPAGE,	ACT_PAGE_DOWN, NULL },
};
KEYMAP(keymap_search, "Search line", search_binds);

static const struct keybind edit_binds[] = {
	{ 1, KEY_LEFT,	ACT_CHAR_LEFT, NULL },	{ 0, CTRL('b'),	ACT_CHAR_LEFT, NULL },
	{ 1, KEY_RIGHT,	ACT_CHAR_RIGHT, NULL },	{ 0, CTRL('f'),	ACT_CHAR_RIGHT, NULL },
	{ 1, KEY_HOME,	ACT_LINE_START, NULL },	{ 0, CTRL('a'),	ACT_LINE_START, NULL },
	{ 1, KEY_END,	ACT_LINE_END, NULL },	{ 0, CTRL('e'),	ACT_LINE_END, NULL },
	{ 1, KEY_BACKSPACE, ACT_DEL_BACK, NULL }, { 0, 127,	ACT_DEL_BACK, NULL },
	{ 0, CTRL('h'),	ACT_DEL_BACK, NULL },
	{ 1, KEY_DC,	ACT_DEL_FWD, NULL },
	{ 0, CTRL('u'),	ACT_KILL_LINE, NULL },
	{ 0, CTRL('w'),	ACT_KILL_WORD, NULL },
};
KEYMAP(keymap_edit, "Text fields and the search line", edit_binds);

static const struct keybind form_binds[] = {
	{ 0, '\r',	ACT_SUBMIT, NULL },	{ 0, '\n',	ACT_SUBMIT, NULL },
	{ 1, KEY_ENTER,	ACT_SUBMIT, NULL },
	{ 0, 27,	ACT_CANCEL, NULL },
	{ 0, '\t',	ACT_NEXT_FIELD, NULL },	{ 1, KEY_DOWN,	ACT_NEXT_FIELD, NULL },
	{ 1, KEY_BTAB,	ACT_PREV_FIELD, NULL },	{ 1, KEY_UP,	ACT_PREV_FIELD, NULL },
	{ 1, KEY_F(1),	ACT_HELP, NULL },
};
KEYMAP(keymap_form, "Forms", form_binds);

/* A form's field, before the form's table: the focused field's kind. */
static const struct keybind choice_binds[] = {
	{ 1, KEY_RIGHT,	ACT_CHOICE_NEXT, NULL },	{ 0, ' ',	ACT_CHOICE_NEXT, NULL },
	{ 1, KEY_LEFT,	ACT_CHOICE_PREV, NULL },
};
KEYMAP(keymap_choice, "Choice fields (< choice >)", choice_binds);

static const struct keybind path_binds[] = {
	{ 0, '\t',	ACT_COMPLETE, NULL },
};
KEYMAP(keymap_path, "File name fields", path_binds);

static const struct keybind finder_binds[] = {
	{ 1, KEY_UP,	ACT_UP, NULL },		{ 1, KEY_DOWN,	ACT_DOWN, NULL },
	{ 0, '\r',	ACT_CHOOSE, NULL },	{ 0, '\n',	ACT_CHOOSE, NULL },
	{ 1, KEY_ENTER,	ACT_CHOOSE, NULL },
	{ 0, 27,	ACT_CANCEL, NULL },
	{ 1, KEY_F(1),	ACT_HELP, NULL },
};
KEYMAP(keymap_finder, "Contact finder", finder_binds);

static const struct keybind picker_binds[] = {
	MOVE_KEYS,
	{ 0, '\r',	ACT_CHOOSE, NULL },	{ 0, '\n',	ACT_CHOOSE, NULL },
	{ 1, KEY_ENTER,	ACT_CHOOSE, NULL },
	{ 0, 27,	ACT_CANCEL, NULL },	{ 0, 'q',	ACT_CANCEL, NULL },
};
KEYMAP(keymap_picker, "Lists to pick from", picker_binds);

static const struct keybind confirm_binds[] = {
	{ 0, 'y',	ACT_YES, NULL },	{ 0, 'Y',	ACT_YES, NULL },
	{ 0, 'n',	ACT_NO, NULL },		{ 0, 'N',	ACT_NO, NULL },
	{ 0, 27,	ACT_NO, NULL },		{ 0, '\r',	ACT_NO, NULL },
	{ 0, '\n',	ACT_NO, NULL },		{ 1, KEY_ENTER,	ACT_NO, NULL },
	{ 0, 'q',	ACT_NO, NULL },
};
KEYMAP(keymap_confirm, "Questions (the default is No)", confirm_binds);

static const struct keybind confirm_yes_binds[] = {
	{ 0, 'y',	ACT_YES, NULL },	{ 0, 'Y',	ACT_YES, NULL },
	{ 0, '\r',	ACT_YES, NULL },	{ 0, '\n',	ACT_YES, NULL },
	{ 1, KEY_ENTER,	ACT_YES, NULL },
	{ 0, 'n',	ACT_NO, "no" },		{ 0, 'N',	ACT_NO, NULL },
	{ 0, 27,	ACT_NO, NULL },		{ 0, 'q',	ACT_NO, NULL },
};
KEYMAP(keymap_confirm_yes, "Offers (the default is Yes)", confirm_yes_binds);

static const struct keybind textbox_binds[] = {
	MOVE_KEYS,
	{ 0, 'q',	ACT_CLOSE, NULL },	{ 0, 27,	ACT_CLOSE, NULL },
	{ 0, '\r',	ACT_CLOSE, NULL },	{ 0, '\n',	ACT_CLOSE, NULL },
	{ 1, KEY_ENTER,	ACT_CLOSE, NULL },	{ 0, ' ',	ACT_CLOSE, NULL },
	{ 0, '?',	ACT_CLOSE, NULL },
};
KEYMAP(keymap_textbox, "Messages and help", textbox_binds);

static const struct keybind pager_binds[] = {
	{ 1, KEY_DOWN,	ACT_DOWN, "scroll down a line" },
	{ 0, 'j',	ACT_DOWN, NULL },
	{ 1, KEY_UP,	ACT_UP, "scroll up a line" },	{ 0, 'k',	ACT_UP, NULL },
	{ 1, KEY_NPAGE,	ACT_PAGE_DOWN, "scroll down a page" },
	{ 0, ' ',	ACT_PAGE_DOWN, NULL },
	{ 0, CTRL('f'),	ACT_PAGE_DOWN, NULL },
	{ 1, KEY_PPAGE,	ACT_PAGE_UP, "scroll up a page" },
	{ 0, CTRL('b'),	ACT_PAGE_UP, NULL },
	{ 0, CTRL('d'),	ACT_HALF_DOWN, "scroll down half a page" },
	{ 0, CTRL('u'),	ACT_HALF_UP, "scroll up half a page" },
	{ 1, KEY_HOME,	ACT_HOME, "the start" },	{ 0, 'g',	ACT_HOME, NULL },
	{ 1, KEY_END,	ACT_END, "the end" },	{ 0, 'G',	ACT_END, NULL },
	{ 0, 'q',	ACT_CLOSE, NULL },	{ 0, 27,	ACT_CLOSE, NULL },
};
KEYMAP(keymap_pager, "Pager", pager_binds);

static const struct keybind board_binds[] = {
	MOVE_KEYS,
	{ 1, KEY_LEFT,	ACT_COL_LEFT, NULL },	{ 0, 'h',	ACT_COL_LEFT, NULL },
	{ 1, KEY_RIGHT,	ACT_COL_RIGHT, NULL },	{ 0, 'l',	ACT_COL_RIGHT, NULL },
	{ 0, '<',	ACT_DEAL_BACK, NULL },	{ 0, 'H',	ACT_DEAL_BACK, NULL },
	{ 0, '>',	ACT_DEAL_ON, NULL },	{ 0, 'L',	ACT_DEAL_ON, NULL },
	{ 0, '\r',	ACT_OPEN, "open the deal: its people with their roles, "
	    "follow-ups, stage history with the days in each stage, notes" },
	{ 0, '\n',	ACT_OPEN, NULL },	{ 1, KEY_ENTER,	ACT_OPEN, NULL },
	{ 0, 'a',	ACT_ADD, "add a deal (title, organisation, value, "
	    "currency, stage, expected close)" },
	{ 0, 'w',	ACT_DEAL_WON, NULL },
	{ 0, 'x',	ACT_DEAL_LOST, NULL },
	{ 0, 'c',	ACT_PARTY, NULL },
	{ 0, 'u',	ACT_UNDO, NULL },
	{ 0, 'q',	ACT_CLOSE, "back to the rolodex" },
	{ 0, 27,	ACT_CLOSE, NULL },
};
KEYMAP(keymap_board, "Pipeline board", board_binds);

static const struct keybind today_binds[] = {
	MOVE_KEYS,
	{ 0, 'w',	ACT_WHY, NULL },
	{ 0, 'd',	ACT_DONE, "done; for a follow-up or a cadence, then log "
	    "what happened (logging resets the cadence)" },
	{ 0, 's',	ACT_SNOOZE, "snooze the item (tomorrow, +1 week, a date) "
	    "with a short reason; a third snooze in a row of a cadence asks "
	    "to loosen it" },
	{ 0, 'r',	ACT_RESCHEDULE, NULL },
	{ 0, 'x',	ACT_DROP, "drop the item (asks first): a follow-up is "
	    "deleted, a cadence turned off" },
	{ 0, '\r',	ACT_OPEN, "show the item's contact on the main screen "
	    "(a deal: its sheet)" },
	{ 0, '\n',	ACT_OPEN, NULL },	{ 1, KEY_ENTER,	ACT_OPEN, NULL },
	{ 0, 'u',	ACT_UNDO, NULL },
	{ 0, 'q',	ACT_CLOSE, "back to the rolodex (the review resumes "
	    "where it was, the same day)" },
	{ 0, 27,	ACT_CLOSE, NULL },
};
KEYMAP(keymap_today, "Today screen", today_binds);

static const struct keybind dupes_binds[] = {
	MOVE_KEYS,
	{ 0, '\r',	ACT_OPEN, "compare the pair side by side, choose the "
	    "values to keep, merge" },
	{ 0, '\n',	ACT_OPEN, NULL },	{ 1, KEY_ENTER,	ACT_OPEN, NULL },
	{ 0, 'n',	ACT_NOT_SAME, NULL },
	{ 0, 'u',	ACT_UNDO, NULL },
	{ 0, 'q',	ACT_CLOSE, "back to the rolodex" },
	{ 0, 27,	ACT_CLOSE, NULL },
};
KEYMAP(keymap_dupes, "Duplicates screen", dupes_binds);

static const struct keybind dupe_pair_binds[] = {
	{ 1, KEY_UP,	ACT_UP, "the field above" },	{ 0, 'k',	ACT_UP, NULL },
	{ 1, KEY_DOWN,	ACT_DOWN, "the field below" },	{ 0, 'j',	ACT_DOWN, NULL },
	{ 0, ' ',	ACT_TAKE, NULL },
	{ 1, KEY_LEFT,	ACT_TAKE, NULL },	{ 1, KEY_RIGHT,	ACT_TAKE, NULL },
	{ 0, 'h',	ACT_TAKE, NULL },	{ 0, 'l',	ACT_TAKE, NULL },
	{ 0, 'm',	ACT_MERGE, NULL },
	{ 0, 'n',	ACT_NOT_SAME, NULL },
	{ 0, 'q',	ACT_CLOSE, "back to the list of pairs" },
	{ 0, 27,	ACT_CLOSE, NULL },
};
KEYMAP(keymap_dupe_pair, "A pair side by side", dupe_pair_binds);

static const struct keybind conflict_binds[] = {
	MOVE_KEYS,
	{ 0, 'c',	ACT_CHECK_NEW, NULL },
	{ 0, '\r',	ACT_OPEN, "read the check: the terms, the variants "
	    "searched, every hit with its role, rule and chain, the "
	    "dispositions" },
	{ 0, '\n',	ACT_OPEN, NULL },	{ 1, KEY_ENTER,	ACT_OPEN, NULL },
	{ 0, 'd',	ACT_DECIDE, NULL },
	{ 0, 'q',	ACT_CLOSE, "back to the rolodex" },
	{ 0, 27,	ACT_CLOSE, NULL },
};
KEYMAP(keymap_conflict, "Conflict checks", conflict_binds);

const struct keymap *const keymaps_all[] = {
	&keymap_list, &keymap_detail, &keymap_alerts, &keymap_search,
	&keymap_main, &keymap_global, &keymap_edit, &keymap_form,
	&keymap_picker, &keymap_confirm, &keymap_textbox, &keymap_choice,
	&keymap_path, &keymap_finder, &keymap_pager, &keymap_board, &keymap_today,
	&keymap_dupes, &keymap_dupe_pair, &keymap_conflict,
	&keymap_confirm_yes, NULL
};

static const char *const names[] = {
#define X(id, name, help, hint) name,
	KITH_ACTIONS(X)
#undef X
};
static const char *const helps[] = {
#define X(id, name, help, hint) help,
	KITH_ACTIONS(X)
#undef X
};
static const char *const hints[] = {
#define X(id, name, help, hint) hint,
	KITH_ACTIONS(X)
#undef X
};

void
keyscope_add(struct keyscope *sc, const struct keymap *m)
{
	if (sc->n < KEYSCOPE_MAX)
		sc->maps[sc->n++] = m;
}

static const struct keybind *
keymap_find(const struct keymap *m, int fn, wint_t key)
{
	size_t	i;

	for (i = 0; i < m->n; i++)
		if (m->binds[i].fn == (fn != 0) && m->binds[i].key == key)
			return &m->binds[i];
	return NULL;
}

enum action
keymap_lookup(const struct keymap *m, int fn, wint_t key)
{
	const struct keybind	*b = keymap_find(m, fn, key);

	return b != NULL ? b->act : ACT_NONE;
}

const struct keybind *
keyscope_find(const struct keyscope *sc, int fn, wint_t key)
{
	const struct keybind	*b;
	size_t			 i;

	for (i = 0; i < sc->n; i++)
		if ((b = keymap_find(sc->maps[i], fn, key)) != NULL)
			return b;
	return NULL;
}

enum action
keyscope_lookup(const struct keyscope *sc, int fn, wint_t key)
{
	const struct keybind	*b = keyscope_find(sc, fn, key);

	return b != NULL ? b->act : ACT_NONE;
}

const char *
action_name(enum action a)
{
	return (unsigned)a < ACT__COUNT ? names[a] : "";
}

const char *
action_help(enum action a)
{
	return (unsigned)a < ACT__COUNT ? helps[a] : "";
}

const char *
action_hint(enum action a)
{
	return (unsigned)a < ACT__COUNT ? hints[a] : NULL;
}

void
keys_name(int fn, wint_t key, char *buf, size_t size)
{
	static const struct { wint_t key; const char *name; } fnames[] = {
		{ KEY_UP, "Up" }, { KEY_DOWN, "Down" }, { KEY_LEFT, "Left" },
		{ KEY_RIGHT, "Right" }, { KEY_PPAGE, "PgUp" },
		{ KEY_NPAGE, "PgDn" }, { KEY_HOME, "Home" }, { KEY_END, "End" },
		{ KEY_BTAB, "S-Tab" }, { KEY_ENTER, "Enter" },
		{ KEY_BACKSPACE, "Backspace" }, { KEY_DC, "Del" },
		{ KEY_F(1), "F1" },
	};
	size_t	i;

	if (fn) {
		for (i = 0; i < sizeof fnames / sizeof fnames[0]; i++)
			if (fnames[i].key == key) {
				snprintf(buf, size, "%s", fnames[i].name);
				return;
			}
		snprintf(buf, size, "key %u", (unsigned)key);
	} else if (key == '\t')
		snprintf(buf, size, "Tab");
	else if (key == '\r' || key == '\n')
		snprintf(buf, size, "Enter");
	else if (key == 27)
		snprintf(buf, size, "Esc");
	else if (key == ' ')
		snprintf(buf, size, "Space");
	else if (key == 127)
		snprintf(buf, size, "Backspace");
	else if (key < 0x20)
		snprintf(buf, size, "^%c", (char)(key + '@'));
	else if (key < 0x80)
		snprintf(buf, size, "%c", (char)key);
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
}

/* Appends name to buf unless it is there already ("Enter" thrice). */
static void
add_name(char *buf, size_t size, const char *name)
{
	size_t	len = strlen(buf), nl = strlen(name);
	const char *p;

	for (p = buf; (p = strstr(p, name)) != NULL; p += nl)
		if ((p == buf || p[-1] == ' ') && (p[nl] == ',' ||
		    p[nl] == '\0'))
			return;
	if (len + 1 < size)
		snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
}

void
keymap_keys_for(const struct keymap *m, enum action act, char *buf,
    size_t size)
{
	char	name[16];
	size_t	i;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < m->n; i++) {
		if (m->binds[i].act != act)
			continue;
		keys_name(m->binds[i].fn, m->binds[i].key, name, sizeof name);
		add_name(buf, size, name);
	}
}

void
keyscope_keys_for(const struct keyscope *sc, enum action act, char *buf,
    size_t size)
{
	char	name[16];
	size_t	i, j;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < sc->n; i++)
		for (j = 0; j < sc->maps[i]->n; j++) {
			const struct keybind *b = &sc->maps[i]->binds[j];

			if (b->act != act || keyscope_find(sc, b->fn, b->key)
			    != b)
				continue;
			keys_name(b->fn, b->key, name, sizeof name);
			add_name(buf, size, name);
		}
}
