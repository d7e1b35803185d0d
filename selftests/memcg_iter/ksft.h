/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Minimal kselftest reporting (TAP 13) for the memcg_iter tests.
 *
 * The 3.10 tree has no tools/testing/selftests/kselftest.h; this header
 * offers the part of its interface these tests use, with the same names
 * and the same exit codes (0 pass, 1 fail, 4 skip).
 */
#ifndef MEMCG_ITER_KSFT_H
#define MEMCG_ITER_KSFT_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

#define KSFT_PASS	0
#define KSFT_FAIL	1
#define KSFT_SKIP	4

static unsigned int ksft_pass, ksft_fail, ksft_skip, ksft_num;

static inline void ksft_print_header(void)
{
	printf("TAP version 13\n");
	fflush(stdout);
}

static inline void ksft_set_plan(unsigned int plan)
{
	printf("1..%u\n", plan);
	fflush(stdout);
}

static inline void ksft_print_msg(const char *fmt, ...)
{
	va_list ap;

	printf("# ");
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	fflush(stdout);
}

static inline void ksft_test_result_pass(const char *name)
{
	printf("ok %u %s\n", ++ksft_num, name);
	ksft_pass++;
	fflush(stdout);
}

static inline void ksft_test_result_fail(const char *name)
{
	printf("not ok %u %s\n", ++ksft_num, name);
	ksft_fail++;
	fflush(stdout);
}

static inline void ksft_test_result_skip(const char *name)
{
	printf("ok %u # SKIP %s\n", ++ksft_num, name);
	ksft_skip++;
	fflush(stdout);
}

/*
 * As mainline's ksft_test_result_code(): the result is a KSFT_* exit
 * code (KSFT_PASS passes), not a condition; msg, if not NULL, goes on
 * the result line after the name.
 */
static inline void ksft_test_result_code(int exit_code, const char *test_name,
					 const char *msg, ...)
{
	char name[256];
	va_list ap;

	if (msg) {
		size_t n = snprintf(name, sizeof(name), "%s: ", test_name);

		va_start(ap, msg);
		if (n < sizeof(name))
			vsnprintf(name + n, sizeof(name) - n, msg, ap);
		va_end(ap);
	} else {
		snprintf(name, sizeof(name), "%s", test_name);
	}
	if (exit_code == KSFT_PASS)
		ksft_test_result_pass(name);
	else if (exit_code == KSFT_SKIP)
		ksft_test_result_skip(name);
	else
		ksft_test_result_fail(name);
}

static inline int ksft_exit(void)
{
	printf("# Totals: pass:%u fail:%u skip:%u\n",
	       ksft_pass, ksft_fail, ksft_skip);
	fflush(stdout);
	if (ksft_fail)
		exit(KSFT_FAIL);
	if (ksft_skip && !ksft_pass)
		exit(KSFT_SKIP);
	exit(KSFT_PASS);
}

#endif /* MEMCG_ITER_KSFT_H */
