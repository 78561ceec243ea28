/* SPDX-License-Identifier: MIT */
/*
 * A one-line UTF-8 text editor: the buffer and cursor of every input field
 * (forms, prompts, the search line).  It works on whole characters, so
 * backspace over "ћ" or "王" removes the character, never half of it, and
 * the cursor's screen column counts wide characters as two cells.  No
 * curses here: the logic is unit-tested without a terminal.
 */
#ifndef KITH_TUI_EDIT_H
#define KITH_TUI_EDIT_H

#include <stddef.h>
#include <wchar.h>

#include "actions.h"

struct edit {
	char	*buf;		/* NUL-terminated UTF-8, never NULL after init */
	size_t	 len;		/* bytes used */
	size_t	 cap;
	size_t	 cur;		/* cursor, a byte offset on a character start */
	size_t	 scroll;	/* first byte shown (edit_view keeps it) */
	int	 lines;		/* a multi-line text (notes): pastes keep
				   their line breaks, shown as spaces */
};

void	 edit_init(struct edit *, const char *text);	/* text may be NULL */
void	 edit_free(struct edit *);
void	 edit_set(struct edit *, const char *text);	/* cursor at the end */
void	 edit_insert(struct edit *, wchar_t);	/* controls are ignored */
void	 edit_insert_str(struct edit *, const char *);
/*
 * Inserts pasted text on the one line: each line break (CR, LF or CRLF)
 * and tab becomes a space (in a multi-line text, e->lines, a line break
 * stays one LF), but line breaks at the end are left out, as are other
 * controls.  NULL: nothing.
 */
void	 edit_paste(struct edit *, const char *text);
int	 edit_backspace(struct edit *);		/* 1 if something changed */
int	 edit_delete(struct edit *);
void	 edit_left(struct edit *);
void	 edit_right(struct edit *);
void	 edit_home(struct edit *);
void	 edit_end(struct edit *);
int	 edit_kill_word(struct edit *);		/* Ctrl-W: the word before */
int	 edit_kill_line(struct edit *);		/* Ctrl-U: all before the cursor */

/*
 * Fits the text into width cells around the cursor: updates e->scroll so
 * the cursor is visible (with room for it at the end) and returns the
 * cursor's column relative to the start of the field.
 */
int	 edit_view(struct edit *, int width);

/*
 * The editing keys, from the table keymap_edit (keys.h), in edit_keys.c.
 * edit_action runs an editing action (ACT_CHAR_LEFT ... ACT_KILL_WORD)
 * and returns 1; any other action: 0.  edit_type types a character
 * (fn clear, not a control) and returns 1; anything else: 0.  edit_key
 * does either for a key: 1 if it was an editing key.
 */
int	 edit_action(struct edit *, enum action);
int	 edit_type(struct edit *, int fn, wint_t key);
int	 edit_key(struct edit *, int fn, wint_t key);

#endif
