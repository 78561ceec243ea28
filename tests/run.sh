#!/usr/bin/env bash
# The whole test suite, as README.md promises: installs what is missing,
# builds warning-free, runs every test, then builds again with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs every test again.
set -eu
cd "$(dirname "$0")/.."

bash .ci/install-deps --test

# The layering rules of DESIGN.md: the core never draws, the fronts never
# talk to SQLite.
if grep -rlE '#include *[<"](n?curses|ncursesw/)' src/core include; then
	echo "run.sh: the core must not include curses (files above)" >&2
	exit 1
fi
if grep -rlE 'sqlite3_|<sqlite3\.h>' src/cli src/tui; then
	echo "run.sh: the fronts must call the core, not SQLite (files above)" >&2
	exit 1
fi
jobs=$(nproc 2>/dev/null || echo 2)

cmake -S . -B build -DKITH_WERROR=ON >/dev/null
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-san -DKITH_WERROR=ON -DKITH_SANITIZE=ON \
	-DCMAKE_BUILD_TYPE=Debug >/dev/null
cmake --build build-san -j "$jobs"
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir build-san --output-on-failure -j "$jobs"

# The statement cache with room for one statement: every core path that
# keeps a statement while compiling another would read freed memory here.
KITH_STMT_CACHE=1 ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 \
UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	ctest --test-dir build-san --output-on-failure -j "$jobs" -E '^e2e/'

# Each libFuzzer target for a bounded time (tests/fuzz/run.sh; 30 s each
# unless KITH_FUZZ_SECONDS says otherwise, 0 skips them).
if [ "${KITH_FUZZ_SECONDS:-30}" != 0 ]; then
	KITH_FUZZ_JOBS="$jobs" bash tests/fuzz/run.sh
fi
