/* SPDX-License-Identifier: MIT */
/*
 * A tiny test helper: CHECK() records a failure with file and line and
 * goes on; TEST_MAIN() runs the listed test functions and prints
 * "N passed, N failed" like every kith test binary.
 */
#ifndef KITH_CHECK_H
#define KITH_CHECK_H

#include <stdio.h>
#include <string.h>

static int check_failed;
static int check_passed;

#define CHECK(cond) do {						\
	if (cond)							\
		check_passed++;						\
	else {								\
		check_failed++;						\
		fprintf(stderr, "%s:%d: CHECK(%s) failed\n",		\
		    __FILE__, __LINE__, #cond);				\
	}								\
} while (0)

#define CHECK_STR(a, b) do {						\
	const char *check_a_ = (a), *check_b_ = (b);			\
	if (check_a_ != NULL && check_b_ != NULL &&			\
	    strcmp(check_a_, check_b_) == 0)				\
		check_passed++;						\
	else {								\
		check_failed++;						\
		fprintf(stderr, "%s:%d: %s is \"%s\", expected \"%s\"\n", \
		    __FILE__, __LINE__, #a,				\
		    check_a_ ? check_a_ : "(null)",			\
		    check_b_ ? check_b_ : "(null)");			\
	}								\
} while (0)

#define CHECK_INT(a, b) do {						\
	long long check_a_ = (long long)(a), check_b_ = (long long)(b);	\
	if (check_a_ == check_b_)					\
		check_passed++;						\
	else {								\
		check_failed++;						\
		fprintf(stderr, "%s:%d: %s is %lld, expected %lld\n",	\
		    __FILE__, __LINE__, #a, check_a_, check_b_);	\
	}								\
} while (0)

#define TEST_MAIN(...)							\
int									\
main(void)								\
{									\
	void (*tests_[])(void) = { __VA_ARGS__ };			\
	size_t i_;							\
	for (i_ = 0; i_ < sizeof tests_ / sizeof tests_[0]; i_++)	\
		tests_[i_]();						\
	printf("%d passed, %d failed\n", check_passed, check_failed);	\
	return check_failed != 0;					\
}

#endif
