/* SPDX-License-Identifier: MIT */
/*
 * Where each pane of the main screen goes for a terminal of a given size.
 * Pure arithmetic, unit-tested without a terminal.
 *
 *   row 0            header: contact count, overdue and today counts
 *   row 1            search line
 *   rows 2..         contact list | contact detail
 *   alert_y..        alert pane (title line + alerts), or one line collapsed
 *   last row         key hints or a message
 */
#ifndef KITH_TUI_LAYOUT_H
#define KITH_TUI_LAYOUT_H

#define LAYOUT_MIN_COLS	50
#define LAYOUT_MIN_ROWS	14

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
 * Fills l for rows x cols.  alerts_open: the pane is expanded; n_alerts:
 * how many lines it would like (it takes at most a quarter of the rows).
 */
void	layout_compute(struct layout *l, int rows, int cols, int alerts_open,
	    int n_alerts);

#endif
