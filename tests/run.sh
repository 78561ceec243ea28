#!/usr/bin/env bash
# The whole test suite, as README.md promises: installs what is missing,
# builds warning-free, runs every test, then builds again with
# AddressSanitizer and UndefinedBehaviorSanitizer and runs every test again.
set -eu
cd "$(dirname "$0")/.."

bash .ci/install-deps
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
