/* SPDX-License-Identifier: MIT */
/*
 * File names typed into the TUI's prompts, read as a shell reads them at
 * the start: "~" and "~/..." name the home folder ($HOME).  The command
 * line gets its file names from the shell, which has done this already.
 */
#ifndef KITH_TUI_PATH_H
#define KITH_TUI_PATH_H

#include <stddef.h>

/*
 * s with a leading "~" or "~/" replaced by $HOME; anything else (and
 * everything when HOME is unset or empty) is copied as it is.  Caller
 * frees.
 */
char	*path_expand(const char *s);

/*
 * If path lies in $HOME and s began with "~", path written back with "~"
 * for the home folder, else a copy of path: what Tab completion puts back
 * in the field, so the user keeps reading what they typed.  Caller frees.
 */
char	*path_unexpand(const char *s, const char *path);

/*
 * Tab in a file name field: the text s completed as far as the names in
 * its folder that begin with its last part agree ("~" alone: "~/"; one
 * folder: with a "/" after it), with "~" kept as typed; caller frees.
 * NULL when nothing matches or the folder cannot be read.  msg (at most
 * msgsize bytes) says why, or lists the names when several match (up to
 * about 200 bytes of them); empty otherwise.  Names beginning with "."
 * are offered only when the last part does.
 */
char	*path_complete(const char *s, char *msg, size_t msgsize);

#endif
