/* SPDX-License-Identifier: MIT */
/*
 * Pane arithmetic of the main screen (layout.h).
 */
#include <string.h>

#include "layout.h"

void
layout_compute(struct layout *l, int rows, int cols, int alerts_open,
    int n_alerts)
{
	int	want, most;

	memset(l, 0, sizeof *l);
	l->rows = rows;
	l->cols = cols;
	if (rows < LAYOUT_MIN_ROWS || cols < LAYOUT_MIN_COLS)
		return;
	l->ok = 1;
	l->header_y = 0;
	l->search_y = 1;
	l->status_y = rows - 1;

	if (alerts_open) {
		most = rows / 4;
		if (alerts_open == LAYOUT_ALERTS_ZOOM)
			most = rows - 2 - 1 - 1 - LAYOUT_ZOOM_BODY;
		if (most < 2)
			most = 2;
		want = n_alerts < 1 ? 1 : n_alerts;
		if (want > most)
			want = most;
		l->alert_h = 1 + want;
	} else
		l->alert_h = 1;
	l->alert_y = l->status_y - l->alert_h;
	l->body_y = 2;
	l->body_h = l->alert_y - l->body_y;

	/* The list takes two fifths, between 24 and 48 cells. */
	l->list_x = 0;
	l->list_w = cols * 2 / 5;
	if (l->list_w < 24)
		l->list_w = 24;
	if (l->list_w > 48)
		l->list_w = 48;
	l->mark_w = 2;
	l->name_w = (l->list_w - l->mark_w) * 3 / 5;
	l->org_w = l->list_w - l->mark_w - l->name_w - 1;
	l->sep_x = l->list_w;
	l->detail_x = l->sep_x + 2;
	l->detail_w = cols - l->detail_x;
}

int
layout_alert_items(const struct layout *l, size_t n)
{
	int	lines = l->alert_h - 1;

	if (lines <= 0)
		return 0;
	if (n <= (size_t)lines || lines == 1)
		return lines;
	return lines - 1;
}
