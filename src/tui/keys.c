/* SPDX-License-Identifier: MIT */
/*
 * The key table (keys.h) and the names and help of actions, generated from
 * KITH_ACTIONS in actions.h.
 */
#include <curses.h>
#include <stdio.h>
#include <string.h>

#include "keys.h"

#define CTRL(c)	((c) & 0x1f)

const struct keybind keys_table[] = {
	{ 1, KEY_UP,	ACT_UP },	{ 0, 'k',	ACT_UP },
	{ 1, KEY_DOWN,	ACT_DOWN },	{ 0, 'j',	ACT_DOWN },
	{ 1, KEY_PPAGE,	ACT_PAGE_UP },	{ 0, CTRL('b'),	ACT_PAGE_UP },
	{ 1, KEY_NPAGE,	ACT_PAGE_DOWN }, { 0, CTRL('f'), ACT_PAGE_DOWN },
	{ 0, CTRL('u'),	ACT_HALF_UP },
	{ 0, CTRL('d'),	ACT_HALF_DOWN },
	{ 1, KEY_HOME,	ACT_HOME },	{ 0, 'g',	ACT_HOME },
	{ 1, KEY_END,	ACT_END },	{ 0, 'G',	ACT_END },
	{ 0, '\t',	ACT_NEXT_PANE }, { 1, KEY_RIGHT, ACT_NEXT_PANE },
	{ 1, KEY_BTAB,	ACT_PREV_PANE }, { 1, KEY_LEFT,	ACT_PREV_PANE },
	{ 0, '\r',	ACT_OPEN },	{ 0, '\n',	ACT_OPEN },
	{ 1, KEY_ENTER,	ACT_OPEN },
	{ 0, '/',	ACT_SEARCH },
	{ 0, 27,	ACT_CLEAR },
	{ 0, 'a',	ACT_ADD },
	{ 0, 'e',	ACT_EDIT },
	{ 0, 'l',	ACT_LOG },
	{ 0, 'f',	ACT_FOLLOW },
	{ 0, 'r',	ACT_LINK },
	{ 0, 'd',	ACT_DONE },
	{ 0, 's',	ACT_SNOOZE },
	{ 0, 'o',	ACT_JUMP },
	{ 0, '!',	ACT_ALERTS },
	{ 0, 'A',	ACT_ARCHIVE },
	{ 0, 'D',	ACT_DELETE },
	{ 0, 'E',	ACT_NOTES },
	{ 0, 'i',	ACT_IMPORT },
	{ 0, 'H',	ACT_ARCHIVED },
	{ 0, CTRL('l'),	ACT_REDRAW },
	{ 0, '?',	ACT_HELP },	{ 1, KEY_F(1),	ACT_HELP },
	{ 0, 'q',	ACT_QUIT },
};
const size_t keys_count = sizeof keys_table / sizeof keys_table[0];

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

enum action
keys_lookup(int fn, wint_t key)
{
	size_t	i;

	for (i = 0; i < keys_count; i++)
		if (keys_table[i].fn == (fn != 0) && keys_table[i].key == key)
			return keys_table[i].act;
	return ACT_NONE;
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
	else if (key < 0x20)
		snprintf(buf, size, "^%c", (char)(key + '@'));
	else if (key < 0x80)
		snprintf(buf, size, "%c", (char)key);
	else
		snprintf(buf, size, "U+%04X", (unsigned)key);
}

void
keys_for(enum action act, char *buf, size_t size)
{
	char	name[16];
	size_t	i, len = 0;
	int	prev_enter = 0;

	if (size == 0)
		return;
	buf[0] = '\0';
	for (i = 0; i < keys_count; i++) {
		if (keys_table[i].act != act)
			continue;
		keys_name(keys_table[i].fn, keys_table[i].key, name,
		    sizeof name);
		/* '\r', '\n' and KEY_ENTER are all "Enter": name it once. */
		if (strcmp(name, "Enter") == 0) {
			if (prev_enter)
				continue;
			prev_enter = 1;
		}
		snprintf(buf + len, size - len, "%s%s", len ? ", " : "", name);
		len = strlen(buf);
	}
}
