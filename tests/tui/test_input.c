/* SPDX-License-Identifier: MIT */
/*
 * Keys the terminal sends as sequences, without a terminal (issue 10):
 * the escape-sequence reader gives one key for a whole sequence (Home and
 * End in their xterm and rxvt spellings, F-keys, the paste markers), a
 * lone Esc as Esc, and KEY_IGNORE for Alt+letter, keys with modifiers and
 * unknown sequences, never leaving a part to be read as a command; pasted
 * text goes on a one-line field with each line break as one space; a long
 * line scrolls in one pass.
 */
#include <curses.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "../unit/check.h"
#include "edit.h"
#include "keyseq.h"

#define END	((wint_t)-1)	/* the escape delay passes */

static void	test_setup(void);
static void	test_known(void);
static void	test_ignored(void);
static void	test_back(void);
static void	test_paste_line(void);
static void	test_long_line(void);

struct result {
	int	 fn;
	wint_t	 key;
	int	 back;		/* the last key fed was handed back */
	size_t	 fed;		/* keys fed before the sequence ended */
};

/*
 * Feeds the characters of s (after an Esc) until the sequence ends; then
 * the escape delay passes.
 */
static struct result
feed(const char *s)
{
	struct keyseq		 ks;
	struct result		 r = { 0 };
	enum keyseq_step	 st = KEYSEQ_MORE;

	keyseq_begin(&ks);
	for (; *s != '\0'; s++) {
		r.fed++;
		st = keyseq_feed(&ks, 0, (wint_t)(unsigned char)*s);
		if (st != KEYSEQ_MORE)
			break;
	}
	if (st == KEYSEQ_MORE)
		keyseq_end(&ks);
	r.fn = ks.fn;
	r.key = ks.key;
	r.back = st == KEYSEQ_BACK;
	return r;
}

#define CHECK_SEQ(s, want_fn, want_key) do {				\
	struct result r_ = feed(s);					\
	CHECK_INT(r_.fn, want_fn);					\
	CHECK_INT(r_.key, want_key);					\
	CHECK_INT(r_.fed, strlen(s));	/* all of it, no more */	\
	CHECK(!r_.back);						\
} while (0)

static void
test_setup(void)
{
	CHECK(setlocale(LC_ALL, "C.UTF-8") != NULL);
}

static void
test_known(void)
{
	CHECK_SEQ("", 0, 27);			/* a lone Esc */
	CHECK_SEQ("[1~", 1, KEY_HOME);
	CHECK_SEQ("[7~", 1, KEY_HOME);
	CHECK_SEQ("[H", 1, KEY_HOME);
	CHECK_SEQ("OH", 1, KEY_HOME);
	CHECK_SEQ("[4~", 1, KEY_END);
	CHECK_SEQ("[8~", 1, KEY_END);
	CHECK_SEQ("[F", 1, KEY_END);
	CHECK_SEQ("OF", 1, KEY_END);
	CHECK_SEQ("[2~", 1, KEY_IC);
	CHECK_SEQ("[3~", 1, KEY_DC);
	CHECK_SEQ("[5~", 1, KEY_PPAGE);
	CHECK_SEQ("[6~", 1, KEY_NPAGE);
	CHECK_SEQ("[A", 1, KEY_UP);
	CHECK_SEQ("OB", 1, KEY_DOWN);
	CHECK_SEQ("[1;1C", 1, KEY_RIGHT);	/* modifier 1: none */
	CHECK_SEQ("[Z", 1, KEY_BTAB);
	CHECK_SEQ("OP", 1, KEY_F(1));
	CHECK_SEQ("OS", 1, KEY_F(4));
	CHECK_SEQ("[11~", 1, KEY_F(1));
	CHECK_SEQ("[15~", 1, KEY_F(5));
	CHECK_SEQ("[17~", 1, KEY_F(6));
	CHECK_SEQ("[21~", 1, KEY_F(10));
	CHECK_SEQ("[23~", 1, KEY_F(11));
	CHECK_SEQ("[24~", 1, KEY_F(12));
	CHECK_SEQ("OM", 1, KEY_ENTER);		/* keypad Enter */
	CHECK_SEQ("Oq", 0, '1');		/* keypad 1, application mode */
	CHECK_SEQ("Ok", 0, '+');
	CHECK_SEQ("[200~", 1, KEY_PASTE_BEGIN);
	CHECK_SEQ("[201~", 1, KEY_PASTE_END);
}

static void
test_ignored(void)
{
	/* Alt+letter and the like: the Esc and the key are one event. */
	CHECK_SEQ("x", 1, KEY_IGNORE);
	CHECK_SEQ("q", 1, KEY_IGNORE);
	CHECK_SEQ("\r", 1, KEY_IGNORE);		/* Alt+Enter */
	CHECK_SEQ("\177", 1, KEY_IGNORE);	/* Alt+Backspace */
	CHECK_SEQ("[", 1, KEY_IGNORE);		/* Alt+[ */
	CHECK_SEQ("O", 1, KEY_IGNORE);		/* Alt+O */
	/* Keys with Shift, Ctrl or Alt (xterm's modifier parameter). */
	CHECK_SEQ("[1;5D", 1, KEY_IGNORE);	/* Ctrl+Left */
	CHECK_SEQ("[1;2A", 1, KEY_IGNORE);	/* Shift+Up */
	CHECK_SEQ("[1;3H", 1, KEY_IGNORE);	/* Alt+Home */
	CHECK_SEQ("[3;5~", 1, KEY_IGNORE);	/* Ctrl+Delete */
	CHECK_SEQ("[15;2~", 1, KEY_IGNORE);	/* Shift+F5 */
	CHECK_SEQ("[1;5P", 1, KEY_IGNORE);	/* Ctrl+F1 */
	CHECK_SEQ("O5P", 1, KEY_IGNORE);
	/* Unknown sequences, whatever their final character. */
	CHECK_SEQ("[99~", 1, KEY_IGNORE);
	CHECK_SEQ("[1;5q", 1, KEY_IGNORE);
	CHECK_SEQ("Oa", 1, KEY_IGNORE);
	CHECK_SEQ("[?1;2c", 1, KEY_IGNORE);	/* a device attributes reply */
	CHECK_SEQ("[12;40R", 1, KEY_IGNORE);	/* a cursor position reply */
	CHECK_SEQ("[1:2A", 1, KEY_IGNORE);
	CHECK_SEQ("[1;2;3A", 1, KEY_IGNORE);
	CHECK_SEQ("[12345678901234567890~", 1, KEY_IGNORE);
	/* Mouse reports curses did not take: SGR and X10 encodings. */
	CHECK_SEQ("[<0;10;5M", 1, KEY_IGNORE);
	CHECK_SEQ("[<0;10;5m", 1, KEY_IGNORE);
	CHECK_SEQ("[M !!", 1, KEY_IGNORE);
	CHECK_SEQ("[Mqrs", 1, KEY_IGNORE);	/* 'q' is no command here */
	/* Esc Esc: Alt with a sequence; Esc twice with nothing after. */
	CHECK_SEQ("\033[A", 1, KEY_IGNORE);
	CHECK_SEQ("\033x", 1, KEY_IGNORE);
	CHECK_SEQ("\033", 0, 27);
}

static void
test_back(void)
{
	struct keyseq	ks;
	struct result	r;

	/* A control character ends a sequence and is read again. */
	r = feed("[1\r");
	CHECK(r.back);
	CHECK_INT(r.fed, 3);
	CHECK_INT(r.key, KEY_IGNORE);
	/* So does an Esc: it starts the next sequence. */
	r = feed("[1;\033");
	CHECK(r.back);
	CHECK_INT(r.key, KEY_IGNORE);
	/* Esc Esc Esc: the first is an Esc press, the third read again. */
	r = feed("\033\033");
	CHECK(r.back);
	CHECK_INT(r.fn, 0);
	CHECK_INT(r.key, 27);
	/* A resize after an Esc: the Esc was pressed, then the resize. */
	keyseq_begin(&ks);
	CHECK_INT(keyseq_feed(&ks, 1, KEY_RESIZE), KEYSEQ_BACK);
	CHECK_INT(ks.fn, 0);
	CHECK_INT(ks.key, 27);
	/* Alt with a key curses knew (Esc, then its KEY_UP). */
	keyseq_begin(&ks);
	CHECK_INT(keyseq_feed(&ks, 1, KEY_UP), KEYSEQ_DONE);
	CHECK_INT(ks.key, KEY_IGNORE);
	/* A function key inside a sequence ends it and is read again. */
	keyseq_begin(&ks);
	CHECK_INT(keyseq_feed(&ks, 0, '['), KEYSEQ_MORE);
	CHECK_INT(keyseq_feed(&ks, 1, KEY_DOWN), KEYSEQ_BACK);
	CHECK_INT(ks.key, KEY_IGNORE);
	/* A cut-off sequence is dropped whole when the delay passes. */
	keyseq_begin(&ks);
	CHECK_INT(keyseq_feed(&ks, 0, '['), KEYSEQ_MORE);
	CHECK_INT(keyseq_feed(&ks, 0, '1'), KEYSEQ_MORE);
	keyseq_end(&ks);
	CHECK_INT(ks.fn, 1);
	CHECK_INT(ks.key, KEY_IGNORE);
	/* An endless run of parameters is given up, not read forever. */
	keyseq_begin(&ks);
	CHECK_INT(keyseq_feed(&ks, 0, '['), KEYSEQ_MORE);
	{
		int	i;
		enum keyseq_step st = KEYSEQ_MORE;

		for (i = 0; i < 1000 && st == KEYSEQ_MORE; i++)
			st = keyseq_feed(&ks, 0, '1');
		CHECK_INT(st, KEYSEQ_DONE);
		CHECK(i <= KEYSEQ_LEN_MAX);
		CHECK_INT(ks.key, KEY_IGNORE);
	}
}

static void
test_paste_line(void)
{
	struct edit	e;

	edit_init(&e, "ab");
	edit_left(&e);
	edit_paste(&e, "hello\rq");		/* tmux turns LF into CR */
	CHECK_STR(e.buf, "ahello qb");
	edit_set(&e, NULL);
	edit_paste(&e, "one\r\ntwo\nthree\tfour");
	CHECK_STR(e.buf, "one two three four");
	edit_set(&e, NULL);
	edit_paste(&e, "a line copied\r\n\n");	/* its own break */
	CHECK_STR(e.buf, "a line copied");
	edit_set(&e, NULL);
	edit_paste(&e, "\n\nx\r");
	CHECK_STR(e.buf, "  x");
	edit_set(&e, NULL);
	edit_paste(&e, "a\033[31mb\x07" "c");	/* controls are left out */
	CHECK_STR(e.buf, "a[31mbc");
	edit_set(&e, NULL);
	edit_paste(&e, "Љубица 王");
	CHECK_STR(e.buf, "Љубица 王");
	CHECK_INT(e.cur, strlen("Љубица 王"));
	edit_paste(&e, NULL);
	edit_paste(&e, "");
	CHECK_STR(e.buf, "Љубица 王");
	/* A multi-line text (notes) keeps the breaks, as LF. */
	edit_set(&e, NULL);
	e.lines = 1;
	edit_paste(&e, "one\r\ntwo\rthree\tfour\n\n");
	CHECK_STR(e.buf, "one\ntwo\nthree four");
	edit_insert(&e, L'\n');
	CHECK_STR(e.buf, "one\ntwo\nthree four\n");
	e.lines = 0;
	edit_insert(&e, L'\n');		/* a one-line text takes none */
	CHECK_STR(e.buf, "one\ntwo\nthree four\n");
	edit_free(&e);
}

/* A pasted 64 KiB line scrolls to its end at once, cursor at the edge. */
static void
test_long_line(void)
{
	struct edit	 e;
	char		*s = malloc(65537);
	int		 col;

	memset(s, 'a', 65536);
	s[65536] = '\0';
	edit_init(&e, NULL);
	edit_paste(&e, s);
	CHECK_INT(e.len, 65536);
	col = edit_view(&e, 40);
	CHECK_INT(col, 39);
	CHECK_INT(e.scroll, 65536 - 39);
	/* Back to the start: the view follows the cursor. */
	edit_home(&e);
	CHECK_INT(edit_view(&e, 40), 0);
	CHECK_INT(e.scroll, 0);
	/* Wide characters: the cursor never passes the edge. */
	edit_set(&e, "王王王王王王王王王王");
	col = edit_view(&e, 9);
	CHECK(col <= 8);
	CHECK_INT(col, 8);
	CHECK_INT(e.scroll, strlen("王王王王王王"));
	edit_free(&e);
	free(s);
}

TEST_MAIN(test_setup, test_known, test_ignored, test_back, test_paste_line,
    test_long_line)
