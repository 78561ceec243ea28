/* SPDX-License-Identifier: MIT */
/*
 * The line editor's keys (edit.h): what a key does in a text field is
 * looked up in keymap_edit, the one table the help lists for text fields,
 * and any other character is typed.  No curses here.
 */
#include "edit.h"
#include "keys.h"

int
edit_action(struct edit *e, enum action act)
{
	switch (act) {
	case ACT_CHAR_LEFT:
		edit_left(e);
		break;
	case ACT_CHAR_RIGHT:
		edit_right(e);
		break;
	case ACT_LINE_START:
		edit_home(e);
		break;
	case ACT_LINE_END:
		edit_end(e);
		break;
	case ACT_DEL_BACK:
		edit_backspace(e);
		break;
	case ACT_DEL_FWD:
		edit_delete(e);
		break;
	case ACT_KILL_LINE:
		edit_kill_line(e);
		break;
	case ACT_KILL_WORD:
		edit_kill_word(e);
		break;
	default:
		return 0;
	}
	return 1;
}

int
edit_type(struct edit *e, int fn, wint_t key)
{
	if (fn || key < 0x20 || key == 127 || (key >= 0x80 && key < 0xa0))
		return 0;
	edit_insert(e, (wchar_t)key);
	return 1;
}

int
edit_key(struct edit *e, int fn, wint_t key)
{
	return edit_action(e, keymap_lookup(&keymap_edit, fn, key)) ||
	    edit_type(e, fn, key);
}
