/* SPDX-License-Identifier: MIT */
/*
 * The floor for kith's first paint (bench_tui.sh): an empty ncurses
 * program that paints one line and records when, exactly as kith does with
 * KITH_TUI_TRACE, then waits for a key.  Built by the script with cc.
 */
#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int
main(void)
{
	const char	*path = getenv("KITH_TUI_TRACE");
	struct timespec	 ts;
	FILE		*fp;

	setlocale(LC_ALL, "");
	initscr();
	cbreak();
	noecho();
	mvaddstr(0, 0, "floor painted");
	refresh();
	clock_gettime(CLOCK_REALTIME, &ts);
	if (path != NULL && (fp = fopen(path, "a")) != NULL) {
		fprintf(fp, "first-paint %lld.%09ld\n", (long long)ts.tv_sec,
		    ts.tv_nsec);
		fclose(fp);
	}
	getch();
	endwin();
	return 0;
}
