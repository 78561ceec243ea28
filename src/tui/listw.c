/* SPDX-License-Identifier: MIT */
/*
 * The list widget (listw.h): selection and scrolling, nothing drawn.
 */
#include "listw.h"

void
listw_move(struct listw *l, long delta)
{
	long	t = (long)l->sel + delta;

	if (t >= (long)l->n)
		t = (long)l->n - 1;
	if (t < 0)
		t = 0;
	l->sel = (size_t)t;
}

void
listw_show(struct listw *l, size_t h)
{
	if (h == 0)
		h = 1;
	if (l->sel < l->top)
		l->top = l->sel;
	if (l->sel >= l->top + h)
		l->top = l->sel - h + 1;
	/* No empty rows at the bottom while there is more above. */
	if (l->top > 0 && l->top + h > l->n)
		l->top = l->n > h ? l->n - h : 0;
}

void
listw_resize(struct listw *l, size_t n)
{
	l->n = n;
	if (l->sel >= n)
		l->sel = n > 0 ? n - 1 : 0;
	if (l->top > l->sel)
		l->top = l->sel;
}

void
listw_scroll(struct listw *l, long delta, size_t h)
{
	long	top = (long)l->top + delta, max;

	if (h == 0)
		h = 1;
	max = l->n > h ? (long)(l->n - h) : 0;
	if (top > max)
		top = max;
	if (top < 0)
		top = 0;
	/* At either end the selection goes on to the first or last item. */
	if (top == (long)l->top)
		listw_move(l, delta);
	else
		listw_move(l, top - (long)l->top);
	l->top = (size_t)top;
	listw_show(l, h);
}

long
listw_page(size_t h)
{
	return h > 1 ? (long)h - 1 : 1;
}

int
listw_action(struct listw *l, enum action act, size_t h)
{
	long	page = listw_page(h);

	switch (act) {
	case ACT_UP:
		listw_move(l, -1);
		break;
	case ACT_DOWN:
		listw_move(l, 1);
		break;
	case ACT_PAGE_UP:
		listw_move(l, -page);
		break;
	case ACT_PAGE_DOWN:
		listw_move(l, page);
		break;
	case ACT_HALF_UP:
		listw_move(l, -(page + 1) / 2);
		break;
	case ACT_HALF_DOWN:
		listw_move(l, (page + 1) / 2);
		break;
	case ACT_HOME:
		l->sel = 0;
		break;
	case ACT_END:
		l->sel = l->n > 0 ? l->n - 1 : 0;
		break;
	default:
		return 0;
	}
	listw_show(l, h);
	return 1;
}

int
listw_view_action(struct listw *l, enum action act, size_t h)
{
	long	page = listw_page(h), top = (long)l->top;
	long	max = l->n > h ? (long)(l->n - h) : 0;

	switch (act) {
	case ACT_UP:
		top--;
		break;
	case ACT_DOWN:
		top++;
		break;
	case ACT_PAGE_UP:
		top -= page;
		break;
	case ACT_PAGE_DOWN:
		top += page;
		break;
	case ACT_HALF_UP:
		top -= (page + 1) / 2;
		break;
	case ACT_HALF_DOWN:
		top += (page + 1) / 2;
		break;
	case ACT_HOME:
		top = 0;
		break;
	case ACT_END:
		top = max;
		break;
	default:
		return 0;
	}
	l->top = (size_t)(top > max ? max : top < 0 ? 0 : top);
	return 1;
}
