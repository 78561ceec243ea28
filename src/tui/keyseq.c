/* SPDX-License-Identifier: MIT */
/*
 * Escape sequences read whole (keyseq.h).  A CSI sequence is Esc [, then
 * parameter bytes (0x30-0x3F), intermediate bytes (0x20-0x2F) and one
 * final byte (0x40-0x7E); SS3 is Esc O and one final byte (ECMA-48).
 * Whatever does not fit that shape ends the sequence and is read again as
 * a key of its own.
 */
#include <curses.h>
#include <string.h>

#include "keyseq.h"

#ifndef KEY_MAX
#error "curses.h defines no KEY_MAX"
#endif

static enum keyseq_step finish(struct keyseq *, enum keyseq_step, int,
		    wint_t);
static int	numbers(const char *, long *, long *);
static wint_t	csi_key(const struct keyseq *, wint_t);
static void	ss3_key(const struct keyseq *, wint_t, int *, wint_t *);

void
keyseq_begin(struct keyseq *ks)
{
	memset(ks, 0, sizeof *ks);
	ks->state = KEYSEQ_ESC;
	ks->n_esc = 1;
}

/*
 * Stores the result.  After Esc Esc, whatever followed was typed with Alt
 * (or Meta), and is ignored.
 */
static enum keyseq_step
finish(struct keyseq *ks, enum keyseq_step step, int fn, wint_t key)
{
	if (ks->n_esc > 1 && !(fn == 0 && key == 27)) {
		fn = 1;
		key = KEY_IGNORE;
	}
	ks->fn = fn;
	ks->key = key;
	return step;
}

enum keyseq_step
keyseq_feed(struct keyseq *ks, int fn, wint_t key)
{
	if (++ks->len > KEYSEQ_LEN_MAX)
		return finish(ks, KEYSEQ_DONE, 1, KEY_IGNORE);
	switch (ks->state) {
	case KEYSEQ_ESC:
		if (fn && key == KEY_RESIZE)
			return finish(ks, KEYSEQ_BACK, 0, 27);
		if (fn)		/* Alt with a key curses knew */
			return finish(ks, KEYSEQ_DONE, 1, KEY_IGNORE);
		if (key == 27) {
			if (ks->n_esc > 1)
				return finish(ks, KEYSEQ_BACK, 0, 27);
			ks->n_esc++;
			return KEYSEQ_MORE;
		}
		if (key == '[') {
			ks->state = KEYSEQ_CSI;
			return KEYSEQ_MORE;
		}
		if (key == 'O') {
			ks->state = KEYSEQ_SS3;
			return KEYSEQ_MORE;
		}
		/* Alt+letter, Alt+Enter, Alt+Backspace, ... */
		return finish(ks, KEYSEQ_DONE, 1, KEY_IGNORE);
	case KEYSEQ_CSI:
	case KEYSEQ_SS3:
		if (fn || key < 0x20 || key > 0x7e)
			return finish(ks, KEYSEQ_BACK, 1, KEY_IGNORE);
		if (key < 0x40) {
			if (ks->n_param < KEYSEQ_PARAM_MAX)
				ks->param[ks->n_param++] = (char)key;
			else
				ks->overflow = 1;
			return KEYSEQ_MORE;
		}
		if (ks->state == KEYSEQ_CSI && key == 'M' && ks->n_param == 0) {
			/* An X10 mouse report: three bytes follow. */
			ks->state = KEYSEQ_X10;
			ks->left = 3;
			return KEYSEQ_MORE;
		}
		if (ks->state == KEYSEQ_CSI)
			return finish(ks, KEYSEQ_DONE, 1, csi_key(ks, key));
		ss3_key(ks, key, &fn, &key);
		return finish(ks, KEYSEQ_DONE, fn, key);
	case KEYSEQ_X10:
		if (--ks->left > 0)
			return KEYSEQ_MORE;
		return finish(ks, KEYSEQ_DONE, 1, KEY_IGNORE);
	}
	return finish(ks, KEYSEQ_DONE, 1, KEY_IGNORE);
}

void
keyseq_end(struct keyseq *ks)
{
	if (ks->state == KEYSEQ_ESC)
		finish(ks, KEYSEQ_DONE, 0, 27);		/* Esc pressed */
	else
		finish(ks, KEYSEQ_DONE, 1, KEY_IGNORE);
}

/*
 * Reads "N" or "N;M" (either may be empty) into *a and *mod (-1 if
 * absent).  0 if the parameters have another shape: a private marker
 * ("<", "?"), intermediate bytes, sub-parameters or a third number.
 */
static int
numbers(const char *p, long *a, long *mod)
{
	long	*v = a;

	*a = *mod = -1;
	for (; *p != '\0'; p++) {
		if (*p >= '0' && *p <= '9') {
			if (*v < 0)
				*v = 0;
			if (*v < 100000)
				*v = *v * 10 + (*p - '0');
		} else if (*p == ';' && v == a)
			v = mod;
		else
			return 0;
	}
	return 1;
}

/* The key a CSI sequence stands for, KEY_IGNORE if none to act on. */
static wint_t
csi_key(const struct keyseq *ks, wint_t final)
{
	static const struct { long n; int key; } tilde[] = {
		{ 1, KEY_HOME }, { 7, KEY_HOME }, { 4, KEY_END },
		{ 8, KEY_END }, { 2, KEY_IC }, { 3, KEY_DC },
		{ 5, KEY_PPAGE }, { 6, KEY_NPAGE },
		{ 11, KEY_F(1) }, { 12, KEY_F(2) }, { 13, KEY_F(3) },
		{ 14, KEY_F(4) }, { 15, KEY_F(5) }, { 17, KEY_F(6) },
		{ 18, KEY_F(7) }, { 19, KEY_F(8) }, { 20, KEY_F(9) },
		{ 21, KEY_F(10) }, { 23, KEY_F(11) }, { 24, KEY_F(12) },
		{ 200, KEY_PASTE_BEGIN }, { 201, KEY_PASTE_END },
	};
	char	param[KEYSEQ_PARAM_MAX + 1];
	long	a, mod;
	size_t	i;

	memcpy(param, ks->param, ks->n_param);
	param[ks->n_param] = '\0';
	if (ks->overflow || !numbers(param, &a, &mod))
		return KEY_IGNORE;
	/* With Shift, Ctrl or Alt (mod > 1): not the plain key. */
	if (mod > 1)
		return KEY_IGNORE;
	if (final == '~') {
		for (i = 0; i < sizeof tilde / sizeof tilde[0]; i++)
			if (tilde[i].n == a)
				return (wint_t)tilde[i].key;
		return KEY_IGNORE;
	}
	if (a > 1)
		return KEY_IGNORE;
	switch (final) {
	case 'A':
		return KEY_UP;
	case 'B':
		return KEY_DOWN;
	case 'C':
		return KEY_RIGHT;
	case 'D':
		return KEY_LEFT;
	case 'H':
		return KEY_HOME;
	case 'F':
		return KEY_END;
	case 'Z':
		return a < 0 ? KEY_BTAB : KEY_IGNORE;
	}
	return KEY_IGNORE;
}

/*
 * The key an SS3 sequence stands for: cursor keys and F1-F4 in
 * application mode, and the numeric keypad's characters (curses turns on
 * the keypad's application mode with the cursor keys').
 */
static void
ss3_key(const struct keyseq *ks, wint_t final, int *fn, wint_t *key)
{
	static const char	pad_in[] = "jklmnopqrstuvwxyX";
	static const char	pad_out[] = "*+,-./0123456789=";
	const char		*p;

	*fn = 1;
	*key = KEY_IGNORE;
	if (ks->n_param > 0)		/* with modifiers */
		return;
	switch (final) {
	case 'A':
		*key = KEY_UP;
		return;
	case 'B':
		*key = KEY_DOWN;
		return;
	case 'C':
		*key = KEY_RIGHT;
		return;
	case 'D':
		*key = KEY_LEFT;
		return;
	case 'H':
		*key = KEY_HOME;
		return;
	case 'F':
		*key = KEY_END;
		return;
	case 'P':
	case 'Q':
	case 'R':
	case 'S':
		*key = (wint_t)KEY_F(1 + (int)(final - 'P'));
		return;
	case 'M':
		*key = KEY_ENTER;
		return;
	}
	if ((p = strchr(pad_in, (int)final)) != NULL) {
		*fn = 0;
		*key = (wint_t)(unsigned char)pad_out[p - pad_in];
	}
}
