/* SPDX-License-Identifier: MIT */
/*
 * What the overlays (screen_form.c, screen_picker.c, screen_confirm.c,
 * screen_textbox.c, screen_finder.c) share: where their box goes, and the
 * actions each of them runs the same way.
 */
#ifndef KITH_TUI_OVERLAY_H
#define KITH_TUI_OVERLAY_H

#include "actions.h"

struct app;
struct screen;

/*
 * A box of at most h x w cells (at least 3 rows) in the middle of the
 * screen: its top left corner at *y, *x and its size *bh x *bw.
 */
void	 overlay_box(int h, int w, int *y, int *x, int *bh, int *bw);

/*
 * Runs an action every overlay has: ACT_HELP opens the help for the keys
 * in s's scope (its keymap op), ACT_REDRAW repaints the terminal from
 * scratch.  Returns the handle flags, or -1 if act is neither.
 */
int	 overlay_action(struct app *, struct screen *s, enum action act);

#endif
