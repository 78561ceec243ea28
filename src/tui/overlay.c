/* SPDX-License-Identifier: MIT */
/*
 * What the overlays share (overlay.h).  Each overlay is a screen of its
 * own file, pushed above the main screen: forms (screen_form.c), lists to
 * pick from (screen_picker.c), y/n questions (screen_confirm.c), messages
 * and the help (screen_textbox.c) and the contact finder
 * (screen_finder.c).  Each dispatches its keys through the key tables of
 * its scope, which its keymap op names, so that the key bar and the help
 * show what its keys do.
 */
#include <curses.h>

#include "kith/deal.h"
#include "keys.h"
#include "overlay.h"
#include "tui.h"

void
overlay_box(int h, int w, int *y, int *x, int *bh, int *bw)
{
	*bh = h < LINES - 2 ? h : LINES - 2;
	*bw = w < COLS - 2 ? w : COLS - 2;
	if (*bh < 3)
		*bh = 3;
	*y = (LINES - *bh) / 2;
	*x = (COLS - *bw) / 2;
}

int
overlay_action(struct app *app, struct screen *s, enum action act)
{
	struct keyscope	sc = { { 0 }, 0 };

	switch (act) {
	case ACT_HELP:
		if (s->ops->keymap != NULL)
			s->ops->keymap(app, s, &sc);
		app_push(app, help_new(&sc, deal_word(app->db)));
		return KITH_REDRAW;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		return KITH_REDRAW;
	default:
		return -1;
	}
}
