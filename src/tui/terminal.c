/* SPDX-License-Identifier: MIT */
/*
 * Opening and closing the terminal (terminal.h).  newterm() rather than
 * initscr(): initscr() prints "Error opening terminal" and exits on an
 * unknown TERM, newterm() returns NULL and lets kith say something useful.
 */
#include <curses.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <term.h>

#include "draw.h"
#include "terminal.h"

static SCREEN	*screen;

static const char *const fallbacks[] = { "xterm-256color", "xterm", "vt100" };

static int	term_known(const char *);
static void	term_modes(void);

/*
 * 1 if the terminfo database knows name.  Asked of setupterm() first: a
 * newterm() that fails leaves memory behind in ncurses.
 */
static int
term_known(const char *name)
{
	TERMINAL	*t;
	int		 err;

	if (setupterm(name, fileno(stdout), &err) != OK)
		return 0;
	t = cur_term;
	set_curterm(NULL);
	del_curterm(t);
	return 1;
}

int
term_open(char *msg, size_t msgsize)
{
	const char	*term = getenv("TERM");
	char		*cup;
	size_t		 i;

	msg[0] = '\0';
	if (term != NULL && *term != '\0' && term_known(term))
		screen = newterm(term, stdout, stdin);
	for (i = 0; screen == NULL && i < sizeof fallbacks / sizeof *fallbacks;
	    i++) {
		if (!term_known(fallbacks[i]) ||
		    (screen = newterm(fallbacks[i], stdout, stdin)) == NULL)
			continue;
		if (term == NULL || *term == '\0')
			snprintf(msg, msgsize, "TERM is %s; using %s (set "
			    "TERM to a value in `toe -a`)", term == NULL ?
			    "not set" : "empty", fallbacks[i]);
		else
			snprintf(msg, msgsize, "TERM=%s is unknown here; using "
			    "%s (set TERM to a value in `toe -a`)", term,
			    fallbacks[i]);
		setenv("TERM", fallbacks[i], 1);
	}
	if (screen == NULL) {
		if (term == NULL || *term == '\0')
			snprintf(msg, msgsize, "kith: TERM is not set, and no "
			    "basic terminal type (xterm-256color, xterm, vt100) "
			    "is known here; set TERM to one that `toe -a` lists");
		else
			snprintf(msg, msgsize, "kith: TERM=%s is not a terminal "
			    "type known here, nor is xterm-256color, xterm or "
			    "vt100; set TERM to one that `toe -a` lists", term);
		return -1;
	}
	/* A terminal that cannot move the cursor (TERM=dumb) shows nothing. */
	if ((cup = tigetstr("cup")) == NULL || cup == (char *)-1) {
		term_close();
		snprintf(msg, msgsize, "kith: this terminal (TERM=%s) cannot "
		    "move the cursor, which the full-screen interface needs; "
		    "kith due --days 7 lists what is due", getenv("TERM"));
		return -1;
	}
	term_modes();
	return draw_init();
}

/* The modes, keys and mouse events the loop expects. */
static void
term_modes(void)
{
	/* Raw, not cbreak: no key makes a signal (app.c reads them). */
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	mousemask(BUTTON1_CLICKED | BUTTON1_PRESSED | BUTTON1_DOUBLE_CLICKED |
	    BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	    | BUTTON5_PRESSED
#endif
	    , NULL);
	/*
	 * Clicks are told apart by kith (a second press soon after the
	 * first), so curses reports each press at once.
	 */
	mouseinterval(0);
}

void
term_close(void)
{
	if (screen == NULL)
		return;
	if (!isendwin())
		endwin();
	delscreen(screen);
	screen = NULL;
}

void
term_suspend(void)
{
	struct sigaction	dfl, was;

	endwin();
	memset(&dfl, 0, sizeof dfl);
	dfl.sa_handler = SIG_DFL;
	sigemptyset(&dfl.sa_mask);
	sigaction(SIGTSTP, &dfl, &was);
	raise(SIGTSTP);			/* stops here until SIGCONT */
	sigaction(SIGTSTP, &was, NULL);
	reset_prog_mode();
	clearok(curscr, TRUE);
}
