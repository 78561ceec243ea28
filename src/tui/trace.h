/* SPDX-License-Identifier: MIT */
/*
 * Benchmark tracing (tests/bench/bench_tui.sh): when KITH_TUI_TRACE names
 * a file, kith appends the wall-clock time of its first paint, and for
 * each key the milliseconds from reading it to the end of the paint that
 * shows its effect.  Without it every call is a no-op.
 */
#ifndef KITH_TUI_TRACE_H
#define KITH_TUI_TRACE_H

void	 trace_open(void);
void	 trace_close(void);
void	 trace_key_read(void);		/* a key was just read */
void	 trace_paint(int first);	/* a frame reached the terminal */

#endif
