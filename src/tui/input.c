/* SPDX-License-Identifier: MIT */
/*
 * Input events (input.h).  curses' keypad mode reads the sequences its
 * terminfo entry lists and hands back an Esc for any other; keyseq.c reads
 * the rest of such a sequence.  The first key after that Esc is taken only
 * if it is already there (curses has just waited the escape delay for
 * it), so a lone Esc costs no more than before; the rest of a sequence may
 * take up to the escape delay per key.  A paste is collected between its
 * markers into one buffer, bounded by INPUT_PASTE_MAX.
 */
#include <curses.h>
#include <limits.h>
#include <string.h>
#include <unistd.h>

#include "kith/util.h"
#include "input.h"

#define PASTE_WAIT_MS	1000	/* a paste with no end marker ends after
				   this long without input */

static void	read_escape(int *, wint_t *);
static void	read_paste(struct input_event *);
static void	paste_add(struct input_event *, wint_t);
static void	put(const char *);

static struct sbuf	paste_buf;	/* the last paste's text */
static int		pasting;	/* bracketed paste turned on */

static void
put(const char *s)
{
	size_t	n = strlen(s);
	ssize_t	w;

	while (n > 0 && (w = write(STDOUT_FILENO, s, n)) > 0) {
		s += w;
		n -= (size_t)w;
	}
}

void
input_start(void)
{
	put("\033[?2004h");
	pasting = 1;
}

void
input_stop(void)
{
	if (!pasting)
		return;
	put("\033[?2004l");
	pasting = 0;
	sbuf_free(&paste_buf);
}

enum input_kind
input_read(struct input_event *ev, int timeout_ms)
{
	wint_t	key;
	int	r, fn;

	memset(ev, 0, sizeof *ev);
	timeout(timeout_ms);
	if ((r = get_wch(&key)) == ERR)
		return ev->kind = INPUT_NONE;
	fn = r == KEY_CODE_YES;
	if (!fn && key == 27)
		read_escape(&fn, &key);
	else if (fn && key > KEY_MAX)
		key = KEY_IGNORE;	/* a terminfo extension: Ctrl+Left... */
	if (fn && key == KEY_PASTE_BEGIN) {
		read_paste(ev);
		return ev->kind = INPUT_PASTE;
	}
	if (fn && key == KEY_PASTE_END)		/* an end without a start */
		key = KEY_IGNORE;
	ev->fn = fn;
	ev->key = key;
	return ev->kind = INPUT_KEY;
}

/* After an Esc: reads the rest of its sequence, and what it stands for. */
static void
read_escape(int *fn, wint_t *key)
{
	struct keyseq		ks;
	enum keyseq_step	step;
	wint_t			c;
	int			r;

	keyseq_begin(&ks);
	timeout(0);
	for (;;) {
		if ((r = get_wch(&c)) == ERR) {
			keyseq_end(&ks);
			break;
		}
		step = keyseq_feed(&ks, r == KEY_CODE_YES, c);
		if (step == KEYSEQ_BACK) {
			/* Not part of it: the next read gets it. */
			if (r == KEY_CODE_YES)
				ungetch((int)c);
			else
				unget_wch((wchar_t)c);
			break;
		}
		if (step == KEYSEQ_DONE)
			break;
		timeout(get_escdelay());
	}
	*fn = ks.fn;
	*key = ks.key;
}

/* After the paste marker: collects the text up to the end marker. */
static void
read_paste(struct input_event *ev)
{
	wint_t	c;
	int	r, fn, resized = 0;

	sbuf_reset(&paste_buf);
	for (;;) {
		timeout(PASTE_WAIT_MS);
		if ((r = get_wch(&c)) == ERR)
			break;
		fn = r == KEY_CODE_YES;
		if (!fn && c == 27)
			read_escape(&fn, &c);
		if (fn && c == KEY_PASTE_END)
			break;
		if (fn && c == KEY_RESIZE)
			resized = 1;
		if (!fn)
			paste_add(ev, c);
		/* Other keys in pasted text (escape sequences) are dropped. */
	}
	if (resized)
		ungetch(KEY_RESIZE);
	ev->text = paste_buf.s != NULL ? paste_buf.s : "";
}

static void
paste_add(struct input_event *ev, wint_t c)
{
	mbstate_t	mbs;
	char		mb[MB_LEN_MAX];
	size_t		n;

	memset(&mbs, 0, sizeof mbs);
	if ((n = wcrtomb(mb, (wchar_t)c, &mbs)) == (size_t)-1 || n == 0)
		return;
	if (ev->dropped > 0 || paste_buf.len + n > INPUT_PASTE_MAX) {
		ev->dropped += n;
		return;
	}
	sbuf_addn(&paste_buf, mb, n);
}
