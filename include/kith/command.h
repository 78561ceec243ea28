/* SPDX-License-Identifier: MIT */
/*
 * A shell command of the user's, given text to read (command.c): the
 * print command of the one-page sheet (KITH_PRINT).
 */
#ifndef KITH_COMMAND_H
#define KITH_COMMAND_H

/*
 * Runs cmd with sh, text on its standard input and its output and errors
 * discarded (they would write over the screen).  Returns its exit status,
 * or -1 if it could not be run or was killed.  A command that stops
 * reading before the end fails as itself, not kith: SIGPIPE is ignored
 * while the text is written.
 */
int	command_with_input(const char *cmd, const char *text);

#endif
