// SPDX-License-Identifier: GPL-2.0
/*
 * Smoke test of memory cgroups under global reclaim.
 *
 * N memcgs (default 1000) each get a task holding anonymous memory and a
 * tmpfs file (page cache); a hog in the root group then pushes the whole
 * machine into reclaim with swap active; the tasks exit and every group
 * is removed.  Afterwards the memory row of /proc/cgroups must be back to
 * where it started: a group whose css reference leaked stays counted.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "cgroup_util.h"
#include "ksft.h"

static int nr_groups = 1000;
static size_t charge = KB(64);
static char top[PATH_MAX - 64];
static const char *filedir = "/tmp/memcg_iter_smoke";
static pid_t *pids;
static int hold[2];
static long baseline;

/* Child: join group i, charge page cache and anon, wait to be released. */
static void member(int i, int ready)
{
	char file[PATH_MAX], c = 1, *cg = cg_name(top, "g%04d", i);

	snprintf(file, sizeof(file), "%s/%d", filedir, i);
	if (!cg || cg_enter(cg, getpid()) || alloc_pagecache(file, charge) ||
	    !alloc_anon(charge))
		c = 0;
	if (write(ready, &c, 1) != 1)
		_exit(1);
	close(hold[1]);
	while (read(hold[0], &c, 1) < 0 && errno == EINTR)
		;
	_exit(0);
}

static int test_create_and_charge(void)
{
	char c, *cg;
	int ready[2], i, bad = 0, reclaimed = 0;
	long usage;

	baseline = memcg_count();
	if (baseline < 1) {
		ksft_print_msg("cannot read the memory row of /proc/cgroups\n");
		return KSFT_FAIL;
	}
	snprintf(top, sizeof(top), "%s/memcg_iter_smoke", cg_memory_root());
	if (cg_create(top) || cg_write(top, "memory.use_hierarchy", "1")) {
		ksft_print_msg("cannot create %s: %m\n", top);
		return KSFT_FAIL;
	}
	mkdir(filedir, 0755);
	if (pipe(ready) || pipe(hold))
		return KSFT_FAIL;
	pids = calloc(nr_groups, sizeof(*pids));
	if (!pids)
		return KSFT_FAIL;
	for (i = 0; i < nr_groups; i++) {
		cg = cg_name(top, "g%04d", i);
		if (!cg || cg_create(cg)) {
			ksft_print_msg("mkdir group %d: %m\n", i);
			free(cg);
			return KSFT_FAIL;
		}
		free(cg);
		pids[i] = fork();
		if (pids[i] < 0)
			return KSFT_FAIL;
		if (!pids[i])
			member(i, ready[1]);
	}
	for (i = 0; i < nr_groups; i++) {
		if (read(ready[0], &c, 1) != 1 || !c)
			bad++;
	}
	close(ready[0]);
	close(ready[1]);
	if (bad) {
		ksft_print_msg("%d of %d members could not charge\n", bad, nr_groups);
		return KSFT_FAIL;
	}
	/*
	 * What the members hold is charged to their group as long as they
	 * hold it: in RAM (memory.usage_in_bytes) or, once reclaim has
	 * swapped it (shmem and anon alike), in swap, which only
	 * memory.memsw.usage_in_bytes still counts.  Setting up 1000
	 * tasks may already put the guest under global reclaim (a debug
	 * kernel's slab overhead is large), so resident usage alone
	 * guarantees nothing; memsw >= page cache + anon does.  The
	 * per-cpu charge batch can only add to either counter.
	 */
	for (i = 0; i < nr_groups; i++) {
		cg = cg_name(top, "g%04d", i);
		if (!cg)
			return KSFT_FAIL;
		usage = cg_read_long(cg, "memory.memsw.usage_in_bytes");
		if (usage < 0) {
			ksft_print_msg("%s: no memory.memsw.usage_in_bytes (boot with swapaccount=1)\n",
				       cg);
			free(cg);
			return KSFT_FAIL;
		}
		if (usage < (long)(2 * charge)) {
			ksft_print_msg("%s: memsw usage %ld < %zu charged\n", cg, usage,
				       2 * charge);
			bad++;
		}
		if (cg_read_long(cg, "memory.usage_in_bytes") < (long)(2 * charge))
			reclaimed++;
		free(cg);
	}
	ksft_print_msg("%d groups created, %zu KiB page cache + %zu KiB anon each; memcgs now %ld\n",
		       nr_groups, charge >> 10, charge >> 10, memcg_count());
	if (reclaimed)
		ksft_print_msg("%d groups already partly swapped out by setup-time reclaim\n",
			       reclaimed);
	return bad ? KSFT_FAIL : KSFT_PASS;
}

static int test_global_pressure(void)
{
	long before = vmstat_read("pswpout"), after, swap_kb, hog_kb;
	long used_before = cg_read_long(top, "memory.usage_in_bytes"), used_after;
	long swap_used;
	int status;
	pid_t pid;

	swap_kb = meminfo_kb("SwapFree");
	if (swap_kb <= 0) {
		ksft_print_msg("no swap in this system\n");
		return KSFT_SKIP;
	}
	/* Beyond free memory, within what overcommit grants. */
	hog_kb = meminfo_kb("MemFree") + swap_kb / 4;
	pid = fork();
	if (!pid) {
		/* Touch it, then report how much swap it pushed out. */
		interleave_all_nodes();
		if (!alloc_anon_nohuge((size_t)hog_kb << 10))
			_exit(1);
		printf("# hog resident, swap in use %ld KiB\n",
		       meminfo_kb("SwapTotal") - meminfo_kb("SwapFree"));
		fflush(stdout);
		_exit(0);
	}
	if (pid < 0 || waitpid(pid, &status, 0) < 0)
		return KSFT_FAIL;
	after = vmstat_read("pswpout");
	used_after = cg_read_long(top, "memory.usage_in_bytes");
	swap_used = cg_read_long(top, "memory.memsw.usage_in_bytes") - used_after;
	ksft_print_msg("hog of %ld MiB: pswpout +%ld pages; groups' usage %ld -> %ld KiB, %ld KiB of it in swap\n",
		       hog_kb >> 10, after - before, used_before >> 10, used_after >> 10,
		       swap_used >> 10);
	if (!WIFEXITED(status) || WEXITSTATUS(status)) {
		ksft_print_msg("hog did not complete (status %d)\n", status);
		return KSFT_FAIL;
	}
	/*
	 * The contract is that global pressure beyond RAM swaps; which
	 * memcg's pages go depends on LRU age and scan priority (small
	 * groups are scanned only at low priorities), so the groups'
	 * share is reported, not asserted.
	 */
	if (before < 0 || after <= before) {
		ksft_print_msg("no page was swapped out (pswpout %ld -> %ld)\n", before, after);
		return KSFT_FAIL;
	}
	return KSFT_PASS;
}

static int test_remove_all(void)
{
	char file[PATH_MAX], *cg;
	int i, bad = 0;
	long now;

	close(hold[1]);
	for (i = 0; pids && i < nr_groups; i++) {
		if (pids[i] > 0)
			waitpid(pids[i], NULL, 0);
	}
	for (i = 0; i < nr_groups; i++) {
		snprintf(file, sizeof(file), "%s/%d", filedir, i);
		unlink(file);
		cg = cg_name(top, "g%04d", i);
		if (!cg || (cg_destroy(cg) && errno != ENOENT)) {
			ksft_print_msg("rmdir group %d: %m\n", i);
			bad++;
		}
		free(cg);
	}
	if (cg_destroy(top))
		bad++;
	rmdir(filedir);
	now = memcg_count_settle(baseline, 60);
	ksft_print_msg("memory cgroups: %ld before, %ld after removal\n", baseline, now);
	if (now != baseline) {
		ksft_print_msg("%ld memory cgroups were not freed\n", now - baseline);
		bad++;
	}
	return bad ? KSFT_FAIL : KSFT_PASS;
}

#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))

/*
 * In order: the groups, the pressure on them, their removal.  The
 * removal runs whatever happened before it (a failed setup must not
 * leave groups behind); the pressure needs the groups.
 */
static const struct smoke_test {
	int (*fn)(void);
	const char *name;
	int makes_groups, needs_groups;
} tests[] = {
	{ test_create_and_charge, "smoke: create and charge groups", 1, 0 },
	{ test_global_pressure, "smoke: global pressure with swap", 0, 1 },
	{ test_remove_all, "smoke: remove all, no memcg leaked", 0, 0 },
};

int main(int argc, char **argv)
{
	int opt, ret, have_groups = 0;
	char name[128];
	size_t i;

	while ((opt = getopt(argc, argv, "n:k:h")) != -1) {
		switch (opt) {
		case 'n':
			nr_groups = atoi(optarg);
			break;
		case 'k':
			charge = KB(atoi(optarg));
			break;
		default:
			fprintf(stderr, "usage: %s [-n groups] [-k KiB per group]\n", argv[0]);
			return opt == 'h' ? 0 : 2;
		}
	}
	/* Line by line: the hog and the module's insmod write too. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	ksft_print_header();
	if (!cg_memory_root())
		ksft_exit_skip("no cgroup v1 memory hierarchy mounted\n");
	ksft_set_plan(ARRAY_SIZE(tests));
	for (i = 0; i < ARRAY_SIZE(tests); i++) {
		if (tests[i].needs_groups && !have_groups) {
			snprintf(name, sizeof(name), "%s (setup failed)", tests[i].name);
			ksft_test_result_skip("%s\n", name);
			continue;
		}
		ret = tests[i].fn();
		if (tests[i].makes_groups)
			have_groups = ret == KSFT_PASS;
		report_result(ret, tests[i].name);
	}
	ksft_finished();
	return 0;
}
