/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Small helpers for cgroup v1 memory controller tests: find the
 * hierarchy, create/destroy groups, read/write control files, charge
 * page cache and anonymous memory.
 */
#ifndef MEMCG_ITER_CGROUP_UTIL_H
#define MEMCG_ITER_CGROUP_UTIL_H

#include <stddef.h>
#include <sys/types.h>

#include "ksft.h"

#define KB(x) ((size_t)(x) << 10)
#define MB(x) ((size_t)(x) << 20)

/* Mount point of the v1 hierarchy that carries the memory controller. */
const char *cg_memory_root(void);

/*
 * "root/NAME", NAME formatted as by printf, in a new string the caller
 * frees; NULL when out of memory (mainline's cg_name(), with a format).
 */
char *cg_name(const char *root, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

int cg_create(const char *cg);
int cg_destroy(const char *cg);
int cg_write(const char *cg, const char *file, const char *val);
int cg_write_long(const char *cg, const char *file, long val);
long cg_read_long(const char *cg, const char *file);
int cg_enter(const char *cg, pid_t pid);

/* The memory row of /proc/cgroups: number of memory cgroups, -1 on error. */
long memcg_count(void);

/* Wait up to timeout_s for memcg_count() <= want; returns last count. */
long memcg_count_settle(long want, int timeout_s);

/* The value of a "key value" line of any file, -1 if absent. */
long key_read_long(const char *path, const char *key);

/* A "key value" line of /proc/meminfo (kB) or /proc/vmstat. */
long meminfo_kb(const char *key);
long vmstat_read(const char *key);

/* Touch size bytes of fresh anonymous memory; returns it (not freed). */
char *alloc_anon(size_t size);
char *alloc_anon_nohuge(size_t size);
void interleave_all_nodes(void);
/* Write size bytes to a new file at path (page cache / shmem on tmpfs). */
int alloc_pagecache(const char *path, size_t size);

/*
 * fork() for long-lived helpers: the child is killed when the test
 * process dies (a timeout must not leave hogs and churners behind).
 */
pid_t fork_tied(void);

/*
 * Start ./memhog (a sibling binary) touching mb MiB (0: MemFree plus an
 * eighth of free swap) for seconds, in group cg if not NULL; returns its
 * pid, or -1.
 */
pid_t spawn_hog(long mb, int seconds, const char *cg);

/* Read a whole small file into buf, 0 on success. */
int read_text(const char *path, char *buf, size_t len);
int write_text(const char *path, const char *buf);

/*
 * A KSFT_* code as the test's result line, as mainline's cgroup
 * test_memcontrol.c does in its main loop.  Inline: the counters of
 * ksft.h are per translation unit.
 */
static inline void report_result(int ret, const char *name)
{
	switch (ret) {
	case KSFT_PASS:
		ksft_test_result_pass("%s\n", name);
		break;
	case KSFT_SKIP:
		ksft_test_result_skip("%s\n", name);
		break;
	default:
		ksft_test_result_fail("%s\n", name);
		break;
	}
}

#endif
