/* SPDX-License-Identifier: MIT */
/*
 * Where each pane of the main screen goes for a terminal of a given size.
 * Pure arithmetic, unit-tested without a terminal.
 *
 *   row 0            header: contact count, overdue and today counts
 *   row 1            search line
 *   rows 2..         contact list | contact detail
 *   alert_y..        alert pane (title line + alerts), or one line collapsed;
 *                    shown whole ("zoomed") it takes all but LAYOUT_ZOOM_BODY
 *                    rows of the list and contact panes
 *   last row         key hints or a message
 */
#ifndef KITH_TUI_LAYOUT_H
#define KITH_TUI_LAYOUT_H

#include <stddef.h>

#define LAYOUT_MIN_COLS	50
#define LAYOUT_MIN_ROWS	14
#define LAYOUT_ZOOM_BODY 3	/* list rows left while the alerts are zoomed */

/* How the alert pane is shown (the alerts_open of layout_compute). */
#define LAYOUT_ALERTS_SHUT 0	/* the title line only */
#define LAYOUT_ALERTS_OPEN 1	/* at most a quarter of the rows */
#define LAYOUT_ALERTS_ZOOM 2	/* most of the screen */

struct layout {
	int	ok;		/* 0: the terminal is below the minimum */
	int	rows, cols;
	int	header_y, search_y;
	int	body_y, body_h;	/* list and detail share these rows */
	int	list_x, list_w;	/* list pane */
	int	mark_w, name_w, org_w;	/* list columns (cells) */
	int	sep_x;		/* the vertical rule */
	int	detail_x, detail_w;
	int	alert_y, alert_h;	/* title line included */
	int	status_y;
};

/*
 * Fills l for rows x cols.  alerts_open: LAYOUT_ALERTS_*; n_alerts: how
 * many lines the alert pane would like (open, it takes at most a quarter
 * of the rows; zoomed, all but LAYOUT_ZOOM_BODY rows of the body).
 */
void	layout_compute(struct layout *l, int rows, int cols, int alerts_open,
	    int n_alerts);

/*
 * How many of n alerts the alert pane lists at once: all if they fit its
 * lines, else one line fewer, the last line saying how many more there
 * are ("+12 more").  0 while it is shut.
 */
int	layout_alert_items(const struct layout *l, size_t n);

#endif
