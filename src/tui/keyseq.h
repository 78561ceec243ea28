/* SPDX-License-Identifier: MIT */
/*
 * Keys the terminal sends as escape sequences, read whole.  curses' keypad
 * mode knows the sequences its terminfo entry lists; on any other it hands
 * back the Esc and leaves the rest to be read as characters.  This state
 * machine takes over from that Esc: fed what follows, one key at a time,
 * it says when the sequence is complete and what it was: a key (the xterm
 * and rxvt spellings of Home, End, Insert, Delete, PgUp, PgDn, arrows and
 * F1-F12 that terminfo may lack), a bracketed-paste marker, a lone Esc
 * press, or KEY_IGNORE for anything else (Alt+letter, keys with
 * modifiers, mouse reports curses did not take, unknown sequences), which
 * every screen ignores.  No part of a sequence is left over to be read as
 * a command.  No curses calls here, only its key constants, so the logic
 * is unit-tested without a terminal.
 */
#ifndef KITH_TUI_KEYSEQ_H
#define KITH_TUI_KEYSEQ_H

#include <stddef.h>
#include <wchar.h>

/*
 * Private function-key codes, above anything curses returns (its own
 * codes end at KEY_MAX, those it assigns to extended terminfo keys are a
 * few hundred above it) and within the 16 bits its key tables hold.
 */
#define KEY_IGNORE	0x7f01	/* a key every screen ignores */
#define KEY_PASTE_BEGIN	0x7f02	/* ESC [ 200 ~ */
#define KEY_PASTE_END	0x7f03	/* ESC [ 201 ~ */

#define KEYSEQ_PARAM_MAX 16	/* parameter bytes of a CSI kept */
#define KEYSEQ_LEN_MAX	64	/* keys after which a sequence is given up */

enum keyseq_state {
	KEYSEQ_ESC,		/* after an Esc */
	KEYSEQ_CSI,		/* after Esc [ */
	KEYSEQ_SS3,		/* after Esc O */
	KEYSEQ_X10		/* the three bytes of an Esc [ M mouse report */
};

struct keyseq {
	enum keyseq_state state;
	char		 param[KEYSEQ_PARAM_MAX + 1]; /* CSI/SS3 parameters */
	size_t		 n_param;
	int		 overflow;	/* more parameters than kept */
	size_t		 len;		/* keys fed so far */
	int		 n_esc;		/* Escs read (Esc Esc: Alt+sequence) */
	int		 left;		/* X10: bytes still to come */
	int		 fn;		/* the result: 1 a KEY_* code, 0 a char */
	wint_t		 key;
};

/* What keyseq_feed() made of a key. */
enum keyseq_step {
	KEYSEQ_MORE,		/* part of the sequence: read on */
	KEYSEQ_DONE,		/* it completed the sequence */
	KEYSEQ_BACK		/* the sequence ended before it: read it again */
};

/* Starts a sequence after curses returned an Esc (27, not a KEY_ code). */
void		 keyseq_begin(struct keyseq *);

/*
 * Feeds the next key as get_wch() returned it (fn set for a KEY_ code).
 * On KEYSEQ_DONE and KEYSEQ_BACK the result is in ks->fn and ks->key.
 */
enum keyseq_step keyseq_feed(struct keyseq *, int fn, wint_t key);

/*
 * Nothing more came within the escape delay: ends the sequence with what
 * it has (a lone Esc gives 27; a cut-off sequence, KEY_IGNORE).
 */
void		 keyseq_end(struct keyseq *);

#endif
