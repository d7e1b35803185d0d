// SPDX-License-Identifier: GPL-2.0
/*
 * Randomized memory cgroup operations during reclaim (syzkaller style).
 *
 * A seeded stream of operations on a small tree of groups: mkdir, rmdir,
 * moving tasks, limit writes, force_empty, use_hierarchy toggles and page
 * cache charges, while a hog keeps global reclaim busy and
 * memcg_iter_stress (when loaded) breaks reclaim walks.  Each operation
 * may fail only with the errors its interface documents (EBUSY for a
 * group in use, ENOENT for one just removed, ...); anything else fails
 * the test, and so does a memory cgroup left over after teardown.  The
 * same seed gives the same operation sequence (-s SEED, printed).
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
#include <time.h>
#include <unistd.h>

#include "cgroup_util.h"
#include "ksft.h"

#define NR_SLOTS	24
#define NR_WORKERS	8

enum op { OP_MKDIR, OP_RMDIR, OP_ATTACH, OP_LIMIT, OP_FORCE_EMPTY,
	  OP_HIERARCHY, OP_CHARGE, NR_OPS };

static const char * const op_names[NR_OPS] = {
	"mkdir", "rmdir", "attach", "limit", "force_empty", "use_hierarchy",
	"charge",
};

static unsigned long seed;
static int duration = 60;
static char top[PATH_MAX - 64];
static unsigned long done[NR_OPS], refused[NR_OPS];
static int unexpected;

/* xorshift64*: the whole sequence follows from the seed. */
static unsigned long long rnd_state;
static unsigned int rnd(unsigned int n)
{
	rnd_state ^= rnd_state >> 12;
	rnd_state ^= rnd_state << 25;
	rnd_state ^= rnd_state >> 27;
	return (unsigned int)((rnd_state * 2685821657736338717ULL) >> 33) % n;
}

/* Slot i is top/rI, or top/rJ/rI (nested under a lower slot J). */
static void slot_path(char *buf, size_t len, int i)
{
	if (i >= NR_SLOTS / 2)
		snprintf(buf, len, "%s/r%02d/r%02d", top, i - NR_SLOTS / 2, i);
	else
		snprintf(buf, len, "%s/r%02d", top, i);
}

static void result(enum op op, int ret, int err, const int *allowed)
{
	int i;

	if (!ret) {
		done[op]++;
		return;
	}
	for (i = 0; allowed[i]; i++) {
		if (err == allowed[i]) {
			refused[op]++;
			return;
		}
	}
	unexpected++;
	ksft_print_msg("%s: unexpected error %d (%s)\n", op_names[op], err,
		       strerror(err));
}

static pid_t workers[NR_WORKERS];

static pid_t spawn_worker(void)
{
	pid_t pid = fork();

	if (!pid) {
		if (!alloc_anon(KB(256)))
			_exit(1);
		for (;;)
			pause();
	}
	return pid;
}

static void one_op(void)
{
	static const int e_mkdir[] = { EEXIST, ENOENT, ENOMEM, 0 };
	static const int e_rmdir[] = { EBUSY, ENOENT, 0 };
	static const int e_attach[] = { ENOENT, ENODEV, ESRCH, ENOMEM, 0 };
	static const int e_limit[] = { EBUSY, ENOENT, EINVAL, ENODEV, 0 };
	static const int e_force[] = { EBUSY, ENOENT, EINVAL, ENODEV, 0 };
	static const int e_hier[] = { EBUSY, EINVAL, ENOENT, ENODEV, 0 };
	static const int e_charge[] = { ENOENT, ENOMEM, ENOSPC, ENODEV, 0 };
	char cg[PATH_MAX], buf[64];
	enum op op = rnd(NR_OPS);
	int slot = rnd(NR_SLOTS), ret, err;

	slot_path(cg, sizeof(cg), slot);
	errno = 0;
	switch (op) {
	case OP_MKDIR:
		ret = mkdir(cg, 0755);
		err = errno;
		result(op, ret, err, e_mkdir);
		break;
	case OP_RMDIR:
		ret = rmdir(cg);
		err = errno;
		result(op, ret, err, e_rmdir);
		break;
	case OP_ATTACH:
		snprintf(buf, sizeof(buf), "%d", workers[rnd(NR_WORKERS)]);
		ret = cg_write(rnd(4) ? cg : top, "tasks", buf);
		err = errno;
		result(op, ret, err, e_attach);
		break;
	case OP_LIMIT:
		if (rnd(4))
			snprintf(buf, sizeof(buf), "%uM", 1 + rnd(64));
		else
			snprintf(buf, sizeof(buf), "-1");
		ret = cg_write(cg, "memory.limit_in_bytes", buf);
		err = errno;
		result(op, ret, err, e_limit);
		break;
	case OP_FORCE_EMPTY:
		ret = cg_write(cg, "memory.force_empty", "0");
		err = errno;
		result(op, ret, err, e_force);
		break;
	case OP_HIERARCHY:
		ret = cg_write(cg, "memory.use_hierarchy", rnd(2) ? "1" : "0");
		err = errno;
		result(op, ret, err, e_hier);
		break;
	case OP_CHARGE: {
		unsigned int kb = 4 + rnd(256);
		int status;
		pid_t pid = fork();

		if (!pid) {
			char file[64];

			snprintf(file, sizeof(file), "/tmp/memcg_iter_random.%d", slot);
			if (cg_enter(cg, getpid()))
				_exit(errno ? errno : 1);
			_exit(alloc_pagecache(file, KB(kb)) ? (errno ? errno : 1) : 0);
		}
		waitpid(pid, &status, 0);
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL) {
			/* The memcg OOM killer took the writer: documented. */
			refused[op]++;
			break;
		}
		err = WIFEXITED(status) ? WEXITSTATUS(status) : EINTR;
		result(op, err ? -1 : 0, err, e_charge);
		break;
	}
	default:
		break;
	}
}

static void teardown(void)
{
	char cg[PATH_MAX], file[64];
	int i, pass;

	for (i = 0; i < NR_WORKERS; i++) {
		if (workers[i] <= 0)
			continue;
		kill(workers[i], SIGKILL);
		waitpid(workers[i], NULL, 0);
	}
	for (i = 0; i < NR_SLOTS; i++) {
		snprintf(file, sizeof(file), "/tmp/memcg_iter_random.%d", i);
		unlink(file);
	}
	/* Children first: the nested slots are the high ones. */
	for (pass = 0; pass < 2; pass++) {
		for (i = NR_SLOTS - 1; i >= 0; i--) {
			slot_path(cg, sizeof(cg), i);
			cg_destroy(cg);
		}
	}
	cg_destroy(top);
}

int main(int argc, char **argv)
{
	long baseline, after, n = 0;
	pid_t hog = 0;
	time_t end;
	int opt, i, ret = KSFT_PASS;

	seed = time(NULL);
	while ((opt = getopt(argc, argv, "s:t:h")) != -1) {
		switch (opt) {
		case 's':
			seed = strtoul(optarg, NULL, 0);
			break;
		case 't':
			duration = atoi(optarg);
			break;
		default:
			fprintf(stderr, "usage: %s [-s seed] [-t seconds]\n", argv[0]);
			return opt == 'h' ? 0 : 2;
		}
	}
	rnd_state = seed * 0x9e3779b97f4a7c15ULL + 1;
	/* Line by line: the workers write too. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	ksft_print_header();
	if (!cg_memory_root())
		ksft_exit_skip("random: no cgroup v1 memory hierarchy\n");
	ksft_set_plan(2);
	ksft_print_msg("seed %lu (rerun with -s %lu)\n", seed, seed);
	baseline = memcg_count();
	snprintf(top, sizeof(top), "%s/memcg_iter_random", cg_memory_root());
	if (cg_create(top) || cg_write(top, "memory.use_hierarchy", "1")) {
		ksft_print_msg("cannot set up %s: %m\n", top);
		ret = KSFT_FAIL;
		goto report;
	}
	for (i = 0; i < NR_WORKERS; i++)
		workers[i] = spawn_worker();
	if (!access("./memhog", X_OK))
		hog = spawn_hog(0, duration, NULL);
	end = time(NULL) + duration;
	while (time(NULL) < end) {
		one_op();
		n++;
	}
	if (hog)
		waitpid(hog, NULL, 0);
	for (i = 0; i < NR_OPS; i++)
		ksft_print_msg("%-13s %6lu done %6lu refused\n", op_names[i],
			       done[i], refused[i]);
	printf("RESULT: random ops (seed %lu): %ld operations in %d s, %d unexpected errors\n",
	       seed, n, duration, unexpected);
	if (unexpected)
		ret = KSFT_FAIL;
report:
	report_result(ret, "random: operations fail only as documented");
	/* Whatever the operations or a failed setup left. */
	teardown();
	after = memcg_count_settle(baseline, 60);
	ksft_print_msg("memory cgroups: %ld before, %ld after teardown\n", baseline, after);
	report_result(after == baseline ? KSFT_PASS : KSFT_FAIL,
		      "random: teardown frees every group");
	ksft_finished();
	return 0;
}
