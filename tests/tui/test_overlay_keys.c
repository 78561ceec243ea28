/* SPDX-License-Identifier: MIT */
/*
 * Unit tests of the overlays' keys, without a terminal: the line editor's
 * keys come from keymap_edit (edit_keys.c), and each kind of form field,
 * the lists to pick from, the questions and the contact finder read their
 * keys from the tables of their scope, as the screens build it: a
 * character a text field types is bound in none of them, a choice field
 * takes Space, a file name field takes Tab, help is F1 where text is
 * typed and ? elsewhere.
 */
#include <curses.h>
#include <locale.h>
#include <string.h>

#include "../unit/check.h"
#include "actions.h"
#include "edit.h"
#include "keys.h"

#define CTRL(c)	((c) & 0x1f)

static struct keyscope scope(const struct keymap *, const struct keymap *,
		    const struct keymap *);
static void	test_setup(void);
static void	test_edit_keys(void);
static void	test_form_scopes(void);
static void	test_other_scopes(void);

static struct keyscope
scope(const struct keymap *a, const struct keymap *b, const struct keymap *c)
{
	struct keyscope	sc = { { 0 }, 0 };

	keyscope_add(&sc, a);
	if (b != NULL)
		keyscope_add(&sc, b);
	if (c != NULL)
		keyscope_add(&sc, c);
	return sc;
}

static void
test_setup(void)
{
	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
}

static void
test_edit_keys(void)
{
	struct edit	e;

	edit_init(&e, NULL);
	/* Characters are typed, wide ones too; controls and keys are not. */
	CHECK_INT(edit_key(&e, 0, 'A'), 1);
	CHECK_INT(edit_key(&e, 0, L'н'), 1);
	CHECK_INT(edit_key(&e, 0, L'王'), 1);
	CHECK_STR(e.buf, "Aн王");
	CHECK_INT(edit_key(&e, 0, 27), 0);
	CHECK_INT(edit_key(&e, 0, '\t'), 0);
	CHECK_INT(edit_key(&e, 0, '\r'), 0);
	CHECK_INT(edit_key(&e, 1, KEY_F(5)), 0);
	CHECK_INT(edit_key(&e, 1, KEY_IC), 0);
	CHECK_INT(edit_key(&e, 0, 0x9b), 0);	/* a C1 control */
	CHECK_STR(e.buf, "Aн王");
	/* The keys of keymap_edit, both the function keys and Ctrl. */
	CHECK_INT(edit_key(&e, 1, KEY_LEFT), 1);
	CHECK_INT(edit_key(&e, 0, 'x'), 1);
	CHECK_STR(e.buf, "Aнx王");
	CHECK_INT(edit_key(&e, 1, KEY_HOME), 1);
	CHECK_INT(edit_key(&e, 1, KEY_DC), 1);
	CHECK_STR(e.buf, "нx王");
	CHECK_INT(edit_key(&e, 0, CTRL('e')), 1);
	CHECK_INT(edit_key(&e, 0, 127), 1);
	CHECK_STR(e.buf, "нx");
	CHECK_INT(edit_key(&e, 0, CTRL('a')), 1);
	CHECK_INT(edit_key(&e, 0, CTRL('f')), 1);
	CHECK_INT(edit_key(&e, 0, CTRL('h')), 1);
	CHECK_STR(e.buf, "x");
	CHECK_INT(edit_key(&e, 1, KEY_END), 1);
	CHECK_INT(edit_key(&e, 1, KEY_BACKSPACE), 1);
	CHECK_STR(e.buf, "");
	edit_set(&e, "Ana Petrović");
	CHECK_INT(edit_key(&e, 0, CTRL('w')), 1);
	CHECK_STR(e.buf, "Ana ");
	CHECK_INT(edit_key(&e, 0, CTRL('b')), 1);
	CHECK_INT(edit_key(&e, 0, CTRL('u')), 1);
	CHECK_STR(e.buf, " ");
	/* edit_action runs editing actions only. */
	CHECK_INT(edit_action(&e, ACT_LINE_START), 1);
	CHECK_INT(edit_action(&e, ACT_SUBMIT), 0);
	CHECK_INT(edit_action(&e, ACT_NONE), 0);
	CHECK_INT(edit_type(&e, 1, 'a'), 0);
	CHECK_INT(edit_type(&e, 0, 'a'), 1);
	CHECK_STR(e.buf, "a ");
	edit_free(&e);
}

static void
test_form_scopes(void)
{
	struct keyscope	text = scope(&keymap_edit, &keymap_form, NULL);
	struct keyscope	path = scope(&keymap_path, &keymap_edit, &keymap_form);
	struct keyscope	choice = scope(&keymap_choice, &keymap_form, NULL);
	char		buf[64];

	/* A text field types Space, q and ?; F1 is its help. */
	CHECK_INT(keyscope_lookup(&text, 0, ' '), ACT_NONE);
	CHECK_INT(keyscope_lookup(&text, 0, 'q'), ACT_NONE);
	CHECK_INT(keyscope_lookup(&text, 0, '?'), ACT_NONE);
	CHECK_INT(keyscope_lookup(&text, 1, KEY_F(1)), ACT_HELP);
	CHECK_INT(keyscope_lookup(&text, 1, KEY_LEFT), ACT_CHAR_LEFT);
	CHECK_INT(keyscope_lookup(&text, 1, KEY_END), ACT_LINE_END);
	CHECK_INT(keyscope_lookup(&text, 0, '\t'), ACT_NEXT_FIELD);
	CHECK_INT(keyscope_lookup(&text, 1, KEY_BTAB), ACT_PREV_FIELD);
	CHECK_INT(keyscope_lookup(&text, 0, '\r'), ACT_SUBMIT);
	CHECK_INT(keyscope_lookup(&text, 0, 27), ACT_CANCEL);
	CHECK_INT(keyscope_lookup(&text, 1, KEY_F(5)), ACT_NONE);
	/* Tab completes a file name; Down still goes to the next field. */
	CHECK_INT(keyscope_lookup(&path, 0, '\t'), ACT_COMPLETE);
	CHECK_INT(keyscope_lookup(&path, 1, KEY_DOWN), ACT_NEXT_FIELD);
	keyscope_keys_for(&path, ACT_NEXT_FIELD, buf, sizeof buf);
	CHECK_STR(buf, "Down");
	/* A choice field: Space, Right and Left change it. */
	CHECK_INT(keyscope_lookup(&choice, 0, ' '), ACT_CHOICE_NEXT);
	CHECK_INT(keyscope_lookup(&choice, 1, KEY_RIGHT), ACT_CHOICE_NEXT);
	CHECK_INT(keyscope_lookup(&choice, 1, KEY_LEFT), ACT_CHOICE_PREV);
	CHECK_INT(keyscope_lookup(&choice, 0, '\t'), ACT_NEXT_FIELD);
	keyscope_keys_for(&choice, ACT_CHOICE_NEXT, buf, sizeof buf);
	CHECK_STR(buf, "Right, Space");
}

static void
test_other_scopes(void)
{
	struct keyscope	picker = scope(&keymap_picker, &keymap_global, NULL);
	struct keyscope	confirm = scope(&keymap_confirm, &keymap_global, NULL);
	struct keyscope	finder = scope(&keymap_edit, &keymap_finder, NULL);
	char		buf[64];

	/* In a picker, ? and F1 are help, q cancels (it does not quit). */
	CHECK_INT(keyscope_lookup(&picker, 0, '?'), ACT_HELP);
	CHECK_INT(keyscope_lookup(&picker, 1, KEY_F(1)), ACT_HELP);
	CHECK_INT(keyscope_lookup(&picker, 0, 'q'), ACT_CANCEL);
	CHECK_INT(keyscope_lookup(&picker, 0, '\r'), ACT_CHOOSE);
	CHECK_INT(keyscope_lookup(&picker, 0, 'j'), ACT_DOWN);
	keyscope_keys_for(&picker, ACT_QUIT, buf, sizeof buf);
	CHECK_STR(buf, "");
	/* A question: y yes; n, q, Esc, Enter no; ? help. */
	CHECK_INT(keyscope_lookup(&confirm, 0, 'y'), ACT_YES);
	CHECK_INT(keyscope_lookup(&confirm, 0, 'Y'), ACT_YES);
	CHECK_INT(keyscope_lookup(&confirm, 0, 'q'), ACT_NO);
	CHECK_INT(keyscope_lookup(&confirm, 1, KEY_ENTER), ACT_NO);
	CHECK_INT(keyscope_lookup(&confirm, 0, '?'), ACT_HELP);
	CHECK_INT(keyscope_lookup(&confirm, 0, 'x'), ACT_NONE);
	/* The finder's line types q and ?; Up and Down move in its list. */
	CHECK_INT(keyscope_lookup(&finder, 0, 'q'), ACT_NONE);
	CHECK_INT(keyscope_lookup(&finder, 0, '?'), ACT_NONE);
	CHECK_INT(keyscope_lookup(&finder, 1, KEY_F(1)), ACT_HELP);
	CHECK_INT(keyscope_lookup(&finder, 1, KEY_DOWN), ACT_DOWN);
	CHECK_INT(keyscope_lookup(&finder, 1, KEY_UP), ACT_UP);
	CHECK_INT(keyscope_lookup(&finder, 1, KEY_HOME), ACT_LINE_START);
	CHECK_INT(keyscope_lookup(&finder, 0, '\n'), ACT_CHOOSE);
	CHECK_INT(keyscope_lookup(&finder, 0, 27), ACT_CANCEL);
	/* A text box closes on q, Esc, ? (the help's own key) and Enter. */
	CHECK_INT(keymap_lookup(&keymap_textbox, 0, '?'), ACT_CLOSE);
	CHECK_INT(keymap_lookup(&keymap_textbox, 1, KEY_F(5)), ACT_NONE);
	CHECK_INT(keymap_lookup(&keymap_textbox, 0, 'j'), ACT_DOWN);
}

TEST_MAIN(test_setup, test_edit_keys, test_form_scopes, test_other_scopes)
