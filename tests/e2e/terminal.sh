#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The terminal: colours and NO_COLOR, a monochrome vt100, a terminal that
# cannot move the cursor, the 80x24 layout, the minimum size (50x14) and
# resizing with a form open, and the terminal given back as it was after
# SIGINT, SIGTERM and SIGHUP from outside and after a fatal error.
. "$(dirname "$0")/lib.inc"

# colour_codes: the colour-setting SGR sequences on the screen (foreground
# or background, 8, 16, 256 or direct colours; not the resets 39 and 49).
colour_codes() {
	screen_e | grep -oE $'\e\\[([0-9]+;)*(3[0-7]|4[0-7]|9[0-7]|10[0-7]|38|48)(;[0-9]+)*m' |
	    sort -u | tr -d '\033' | tr '\n' ' '
}
REV=$'\e[7m'

# rows_within COLS WHAT: no line of the screen is wider than COLS cells.
rows_within() {
	local widest
	widest=$(screen | wc -L)
	if [ "$widest" -le "$1" ]; then pass; else fail "$2: $widest cells"; fi
}

demo_db

# ---- colours, NO_COLOR, monochrome --------------------------------------
start
expect "64 contacts" "colour terminal"
settle
c=$(colour_codes)
if [ -n "$c" ]; then pass; else fail "no colours on TERM=screen"; fi
keys q
expect "KITH-EXIT=0" "quit (colour)"

start NO_COLOR=1
expect "64 contacts" "NO_COLOR"
expect "! 7 overdue  3 today" "NO_COLOR: counts"
settle
c=$(colour_codes)
if [ -z "$c" ]; then pass; else fail "NO_COLOR: colour codes on screen: $c"; fi
# Without colours the selection and the header are still visible.
s=$(screen_e)
expect_in "$s" "$REV" "NO_COLOR: reverse video marks the selection"
keys j
expect "│ Amelia Shaw" "NO_COLOR: keys work"
keys q
expect "KITH-EXIT=0" "quit (NO_COLOR)"

# An empty NO_COLOR is as if unset (no-color.org).
start NO_COLOR=
expect "64 contacts" "empty NO_COLOR"
settle
c=$(colour_codes)
if [ -n "$c" ]; then pass; else fail "empty NO_COLOR turned colours off"; fi
keys q
expect "KITH-EXIT=0" "quit (empty NO_COLOR)"

# A monochrome terminal: vt100 has no colours and no alternate screen.
E2E_COLS=80 E2E_ROWS=24
start TERM=vt100
expect "64 contacts" "vt100"
expect "! 7 overdue  3 today" "vt100: counts"
expect "20d late  Olivia Grant" "vt100: alerts"
settle
c=$(colour_codes)
if [ -z "$c" ]; then pass; else fail "vt100: colour codes on screen: $c"; fi
s=$(screen_e)
expect_in "$s" "$REV" "vt100: reverse video marks the selection"
keys /
type_text "wang"
expect "1 match" "vt100: search"
keys Escape
expect "/ search" "vt100: search cleared"
keys q
expect "KITH-EXIT=0" "quit (vt100)"
expect "icanon echo" "vt100: terminal modes restored"

# A terminal that cannot move the cursor gets a sentence, not a mess.
start TERM=dumb
expect "KITH-EXIT=1" "TERM=dumb: kith refuses"
s=$(screen)
expect_in "$s" "cannot move the" "TERM=dumb: says why"
expect_not_in "$s" "contacts" "TERM=dumb: draws no screen"
expect "icanon echo" "TERM=dumb: terminal modes unchanged"

# ---- 80x24 ----------------------------------------------------------------
start
expect "64 contacts" "80x24"
settle
s=$(screen)
rows_within 80 "80x24"
first=$(printf '%s\n' "$s" | sed -n 1p)
expect_in "$first" "kith  64 contacts" "80x24: header left"
expect_in "$first" "! 7 overdue  3 today" "80x24: header right"
last=$(printf '%s\n' "$s" | sed -n 24p)
expect_in "$last" "/ search  a add  e edit" "80x24: key hints on the last row"
expect_in "$s" "── ! 11 overdue, 4 today" "80x24: alert pane"
expect_in "$s" "20d late  Olivia Grant" "80x24: first alert"
# The rule between list and sheet is at cell 32 on every body row, CJK
# names included (the list holds 王小明 further down).
keys G
expect "王小明" "80x24: the end of the list"
bad=0
n=0
while IFS= read -r line; do
	case "$line" in *"│"*) ;; *) continue ;; esac
	n=$((n + 1))
	w=$(printf '%s' "${line%%│*}" | wc -L)
	[ "$w" -eq 32 ] || bad=$((bad + 1))
done <<<"$(screen)"
if [ "$n" -ge 10 ] && [ "$bad" -eq 0 ]; then pass; else
	fail "80x24: $bad of $n rows misaligned"; fi
keys g

# ---- the minimum size ---------------------------------------------------
tm resize-window -t t -x 50 -y 14
expect "64 contacts" "50x14 is enough"
rows_within 50 "50x14"
tm resize-window -t t -x 49 -y 14
expect "kith needs at least 50x14 (now 49x14)" "49 columns are too few"
rows_within 49 "too small"
tm resize-window -t t -x 50 -y 13
expect "kith needs at least 50x14 (now 50x13)" "13 rows are too few"
tm resize-window -t t -x 20 -y 5
expect "kith needs" "a tiny window"
rows_within 20 "20x5"
s=$(screen)
expect_not_in "$s" "contacts" "nothing of the main screen at 20x5"
# Keys other than q do nothing meanwhile.
keys a
tm resize-window -t t -x 80 -y 24
expect "64 contacts" "back to 80x24"
s=$(screen)
expect_not_in "$s" "Add contact" "a did nothing while too small"

# A form survives resizing, even below the minimum, with what was typed.
keys a
expect "Add contact" "form open"
type_text "Resize Person"
tm resize-window -t t -x 60 -y 20
expect "Add contact" "form redrawn at 60x20"
rows_within 60 "form at 60x20"
tm resize-window -t t -x 30 -y 10
expect "kith needs at least" "too small with a form open"
tm resize-window -t t -x 80 -y 24
expect "Resize Person" "the form kept what was typed"
keys Enter
expect "Added Resize Person" "and saves"
expect "65 contacts" "counted"

# q quits even when the window is too small.
tm resize-window -t t -x 30 -y 10
expect "kith needs at least" "too small again"
keys q
expect "KITH-EXIT=0" "q quits below the minimum"
expect "icanon echo" "terminal modes restored after q below the minimum"

# ---- signals from outside give the terminal back ---------------------------
for sig in INT TERM HUP; do
	start
	expect "contacts" "started for SIG$sig"
	pid=$(kith_pid)
	if [ -n "$pid" ] && kill -s "$sig" "$pid"; then pass; else
		fail "no kith process to signal"; fi
	expect "KITH-EXIT=$((128 + $(kill -l "$sig")))" "SIG$sig ends kith with 128+n"
	expect "icanon echo" "terminal modes restored after SIG$sig"
	# The alternate screen is left: kith's screen is gone.
	s=$(screen)
	expect_not_in "$s" "contacts" "kith's screen is gone after SIG$sig"
done

# ---- a fatal error gives the terminal back ---------------------------------
# A preloaded realloc() fails the calls made by kith's own code once a file
# exists; moving the selection then allocates and hits out-of-memory.  Not
# under AddressSanitizer, which must come first among preloaded libraries.
if ldd "$KITH" 2>/dev/null | grep -q 'libasan'; then
	echo "SKIP: fatal error test (sanitizer build)"
elif ! command -v "${CC:-cc}" >/dev/null 2>&1; then
	echo "SKIP: fatal error test (no C compiler)"
else
	cat >"$T/failalloc.c" <<'EOF'
#define _GNU_SOURCE
#include <dlfcn.h>
#include <link.h>
#include <stdint.h>
#include <stdlib.h>
#include <unistd.h>

static uintptr_t	lo, hi;
static void		*(*real)(void *, size_t);

/* The range of the program itself: the first object listed. */
static int
program(struct dl_phdr_info *info, size_t size, void *arg)
{
	int i;

	(void)size;
	(void)arg;
	for (i = 0; i < info->dlpi_phnum; i++) {
		const ElfW(Phdr) *ph = &info->dlpi_phdr[i];
		uintptr_t a = info->dlpi_addr + ph->p_vaddr;

		if (ph->p_type != PT_LOAD)
			continue;
		if (lo == 0 || a < lo)
			lo = a;
		if (a + ph->p_memsz > hi)
			hi = a + ph->p_memsz;
	}
	return 1;
}

__attribute__((constructor)) static void
init(void)
{
	real = (void *(*)(void *, size_t))dlsym(RTLD_NEXT, "realloc");
	dl_iterate_phdr(program, NULL);
}

void *
realloc(void *p, size_t n)
{
	uintptr_t from = (uintptr_t)__builtin_return_address(0);
	const char *f;

	if (real == NULL)
		init();
	if (from >= lo && from < hi && (f = getenv("KITH_E2E_FAIL")) != NULL &&
	    access(f, F_OK) == 0)
		return NULL;
	return real(p, n);
}
EOF
	if "${CC:-cc}" -shared -fPIC -o "$T/failalloc.so" "$T/failalloc.c" -ldl; then
		start "LD_PRELOAD='$T/failalloc.so' KITH_E2E_FAIL='$T/fail-now'"
		expect "65 contacts" "started for the fatal error"
		touch "$T/fail-now"
		keys j
		expect "kith: out of memory" "the fatal error is reported"
		expect "KITH-EXIT=134" "kith aborts"
		expect "icanon echo" "terminal modes restored after a fatal error"
		s=$(screen)
		expect_not_in "$s" "65 contacts" "kith's screen is gone after a fatal error"
	else
		fail "cannot build the failing realloc"
	fi
fi
