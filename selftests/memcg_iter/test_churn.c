// SPDX-License-Identifier: GPL-2.0
/*
 * Churn under reclaim: N memcgs (default 1000) charged with page cache and
 * anon, global memory pressure with swap, and memcgs created and destroyed
 * all the while, with memcg_iter_stress breaking 2% of reclaim walk steps.
 *
 * That makes the race the reclaim iterator fix is about happen: a walk is
 * broken on a memcg nobody holds, then that memcg is destroyed.  The test
 * passes when the kernel handled it: positions were cleared for dying
 * memcgs (fixed kernels; counted by the test-only patch), reclaim rounds
 * still completed, every group is freed after teardown (the memory row of
 * /proc/cgroups is back where it started) and kmemleak, when present,
 * finds nothing.  The host checks the console for splats.
 *
 * -H 1: the groups sit in a hierarchical parent (use_hierarchy=1)
 * -H 0: in a non-hierarchical one (walks of root_mem_cgroup cover them)
 * -R  : make root_mem_cgroup itself hierarchical first (needs no groups)
 * -c  : require races during the churn > 0 (fixed kernels): positions on a
 *       dying memcg found by a walk (drop_dying) or cleared at its free,
 *       counted when the churn ends, before the teardown; what the
 *       teardown clears is reported apart and never counts
 * -L  : limit reclaim instead of global pressure (needs -H 1): the parent
 *       gets a memory limit and the hog runs inside it, so the walks that
 *       are broken are those of the parent's own iterator, and the machine
 *       keeps free memory: kmemleak, which switches itself off when its own
 *       allocations fail under global pressure, can stay on
 * -K  : require kmemleak to scan: fail when it is off at the start or
 *       switched itself off during the run (a clean scan is required
 *       whenever it scans, -K or not)
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

#define STATS "/sys/kernel/debug/memcg_iter_stress/stats"
#define KMEMLEAK "/sys/kernel/debug/kmemleak"

static int nr_groups = 1000;
static int duration = 60;
static int hierarchy = 1;
static int root_hierarchy;
static int expect_cleared;
static int ring = 16;
#define MAX_CHURNERS 8
static int nr_churners = 2;	/* -j, at most MAX_CHURNERS */
static int churn_sleep_us = 20000;	/* -u: most a churner sleeps a turn */
static int limit_mode;
static int require_kmemleak;
static unsigned int seed = 1;
static char top[PATH_MAX - 64];
static const char *filedir = "/tmp/memcg_iter_churn";
static long baseline;

/* "-H 1", "-H 1 -R", "-H 1 -L": which variant a RESULT line is about. */
static const char *mode_name(void)
{
	static char name[32];

	snprintf(name, sizeof(name), "-H %d%s%s", hierarchy,
		 root_hierarchy ? " -R" : "", limit_mode ? " -L" : "");
	return name;
}

static long stat_read(const char *key)
{
	return key_read_long(STATS, key);
}

/* The test-only freed-memcg check's switch (kernels with the check). */
#define CHECK_PARAM "/sys/module/kernel/parameters/memcg_iter_test_check"

/* 1 when the kernel has the freed-memcg check and it is turned off. */
static int freed_check_off(void)
{
	char v[8] = "";
	FILE *f = fopen(CHECK_PARAM, "r");

	if (!f)
		return 0;
	if (!fgets(v, sizeof(v), f))
		v[0] = 0;
	fclose(f);
	return v[0] == 'N';
}

/* A walk event summed over kswapd, global direct and limit reclaim. */
static long stat_sum_kinds(const char *event)
{
	static const char * const kinds[] = { "kswapd", "direct", "limit" };
	char key[64];
	long sum = 0;
	int i;

	for (i = 0; i < 3; i++) {
		snprintf(key, sizeof(key), "%s_%s", kinds[i], event);
		sum += stat_read(key);
	}
	return sum;
}

/*
 * Load memcg_iter_stress, at its default 2% of walks broken, unless
 * loaded: ./memcg_iter_stress.ko next to the test (the project's
 * guests), else the one installed for the running kernel (a node's kmod
 * package).  0 when it is there.
 */
static int ensure_module(void)
{
	if (!access(STATS, R_OK))
		return 0;
	if (!access("./memcg_iter_stress.ko", R_OK)) {
		if (system("insmod ./memcg_iter_stress.ko"))
			return -1;
	} else if (system("modprobe -q memcg_iter_stress 2>/dev/null")) {
		return -1;
	}
	return access(STATS, R_OK);
}

static int kmemleak_scan(int report)
{
	char buf[65536];
	int n = 0;
	char *p;

	if (access(KMEMLEAK, W_OK))
		return -1;
	if (!report) {
		/*
		 * kmemleak allocates its own tracking objects with
		 * __GFP_NORETRY and switches itself off when one fails; a
		 * larger free reserve helps it live through the hog.
		 */
		write_text("/proc/sys/vm/min_free_kbytes", "32768");
		/*
		 * Baseline: whatever already looks unreferenced (a boot-time
		 * false positive; patches/compat/0004 silences the known
		 * ones) is reported by this scan and greyed by "clear": only
		 * what the run leaks counts.
		 */
		if (write_text(KMEMLEAK, "scan") || write_text(KMEMLEAK, "clear"))
			return -1;
		return 0;
	}
	/* Two scans: objects must look unreferenced in both. */
	if (write_text(KMEMLEAK, "scan"))
		return -1;
	sleep(1);
	if (write_text(KMEMLEAK, "scan") || read_text(KMEMLEAK, buf, sizeof(buf)))
		return -1;
	for (p = buf; (p = strstr(p, "unreferenced object")); p++)
		n++;
	if (n)
		printf("%s", buf);
	return n;
}

/* A long-lived member of group cg: anon + page cache, until killed. */
static pid_t spawn_member(const char *cg, int i)
{
	char file[PATH_MAX];
	pid_t pid = fork_tied();

	if (pid)
		return pid;
	snprintf(file, sizeof(file), "%s/m%d", filedir, i);
	if (cg_enter(cg, getpid()) || alloc_pagecache(file, KB(64)) ||
	    !alloc_anon(KB(64)))
		_exit(1);
	for (;;)
		pause();
}

/*
 * Create and destroy groups with a little page cache, until killed: a
 * ring of 'ring' groups (-r, default 16), each removed (its page cache
 * with it) when its slot comes round again, so that it lives long enough
 * for reclaim walks to stop on it.
 */
static void churn(int id)
{
	char file[PATH_MAX];
	unsigned long n = 0;
	char *cg;

	srand(seed + id);
	for (;; n++) {
		cg = cg_name(top, "churn%d_%lu", id, n % ring);
		if (!cg)
			_exit(1);
		snprintf(file, sizeof(file), "%s/c%d_%lu", filedir, id, n % ring);
		unlink(file);
		cg_destroy(cg);
		if (cg_create(cg)) {
			free(cg);
			continue;
		}
		/* Charge it from a short-lived child. */
		if (!fork()) {
			if (cg_enter(cg, getpid()) ||
			    alloc_pagecache(file, KB(4 + rand() % 60)))
				_exit(1);
			_exit(0);
		}
		wait(NULL);
		free(cg);
		if (churn_sleep_us)
			usleep(rand() % churn_sleep_us);
	}
}

/* One run: what setup started, what teardown must undo, what was counted. */
struct churn_run {
	pid_t *members;		/* nr_groups long-lived members, 0: none */
	pid_t hog;
	pid_t churner[MAX_CHURNERS];
	long rows_with_groups;	/* memory row of /proc/cgroups after setup */
	int kmem;		/* kmemleak baseline scan: 0 taken, <0 none */
	long cleared, dying;	/* races during the churn */
};

/*
 * The parent group (hierarchical or not), nr_groups charged groups with
 * a member each, the kmemleak baseline, and the pressure: a global hog,
 * or under -L a hog inside the parent limited to what the groups use
 * plus 32 MiB, so that the parent's own limit reclaim walks its subtree.
 */
static int churn_setup(struct churn_run *r)
{
	long limit;
	char *cg;
	int i;

	r->members = calloc(nr_groups, sizeof(*r->members));
	if (!r->members) {
		ksft_print_msg("out of memory\n");
		return KSFT_FAIL;
	}
	mkdir(filedir, 0755);
	snprintf(top, sizeof(top), "%s/memcg_iter_churn", cg_memory_root());
	if (cg_create(top) || cg_write_long(top, "memory.use_hierarchy", hierarchy)) {
		ksft_print_msg("cannot set up %s: %m\n", top);
		return KSFT_FAIL;
	}
	for (i = 0; i < nr_groups; i++) {
		cg = cg_name(top, "g%04d", i);
		if (!cg || cg_create(cg)) {
			ksft_print_msg("cannot create group %d: %m\n", i);
			free(cg);
			return KSFT_FAIL;
		}
		r->members[i] = spawn_member(cg, i);
		free(cg);
	}
	r->rows_with_groups = memcg_count();
	r->kmem = kmemleak_scan(0);
	if (r->kmem < 0 && !access(KMEMLEAK, F_OK)) {
		/* Built in, but it switched itself off during the setup. */
		ksft_print_msg("kmemleak is built in but off at the start (no scan)\n");
		printf("RESULT: churn %s: kmemleak off before the run, not scanned\n",
		       mode_name());
	}
	if (r->kmem < 0 && require_kmemleak) {
		ksft_print_msg("-K: kmemleak cannot scan on this kernel\n");
		return KSFT_FAIL;
	}
	cg_write("/sys/kernel/debug/memcg_iter_stress", "reset", "1");
	if (!limit_mode) {
		r->hog = spawn_hog(0, duration, NULL);
		if (r->hog <= 0)
			ksft_print_msg("cannot start the hog: %m\n");
		return r->hog > 0 ? KSFT_PASS : KSFT_FAIL;
	}
	limit = cg_read_long(top, "memory.usage_in_bytes") + (long)MB(32);
	cg = cg_name(top, "hog");
	if (!cg || limit < (long)MB(32) || cg_create(cg) ||
	    cg_write_long(top, "memory.limit_in_bytes", limit) ||
	    cg_write("/sys/module/memcg_iter_stress/parameters", "global_only", "N")) {
		ksft_print_msg("cannot set up limit reclaim in %s: %m\n", top);
		free(cg);
		return KSFT_FAIL;
	}
	r->hog = spawn_hog(64, duration, cg);
	if (r->hog <= 0)
		ksft_print_msg("cannot start the hog in %s: %m\n", cg);
	free(cg);
	return r->hog > 0 ? KSFT_PASS : KSFT_FAIL;
}

/* The churners, for as long as the hog runs; then the counters. */
static void churn_run(struct churn_run *r)
{
	int i;

	for (i = 0; i < nr_churners; i++) {
		r->churner[i] = fork_tied();
		if (!r->churner[i]) {
			churn(i);
			_exit(0);
		}
	}
	waitpid(r->hog, NULL, 0);
	r->hog = 0;
	for (i = 0; i < nr_churners; i++) {
		if (r->churner[i] > 0) {
			kill(r->churner[i], SIGKILL);
			waitpid(r->churner[i], NULL, 0);
		}
		r->churner[i] = 0;
	}
	r->cleared = stat_read("cleared");
	r->dying = stat_sum_kinds("drop_dying");
}

/* What the churn window must show: breaks, completed rounds. */
static int churn_check_run(struct churn_run *r)
{
	long rounds = stat_sum_kinds("rounds");
	long breaks = stat_read("breaks_injected");
	int ret = KSFT_PASS;

	ksft_print_msg("%d s of churn: %ld breaks injected, %ld rounds completed, dying memcg found in a position: %ld cleared at free, %ld failed tryget; max %ld memcgs per walk; positions dropped by dead_count %ld\n",
		       duration, breaks, rounds, r->cleared, r->dying,
		       stat_read("max_walk_visits"), stat_sum_kinds("drop_invalid"));
	printf("RESULT: churn %s: %ld breaks, %ld rounds, races %ld (%ld cleared + %ld dying) in %d s\n",
	       mode_name(), breaks, rounds, r->cleared + r->dying,
	       r->cleared, r->dying, duration);
	if (breaks <= 0) {
		ksft_print_msg("no walk was broken: no reclaim, or the module is not working\n");
		ret = KSFT_FAIL;
	} else {
		/*
		 * That the breaks follow the configured probability is the
		 * module's contract, checked once, by test_module.sh.
		 */
		ksft_print_msg("hook calls %ld, breaks %ld\n",
			       stat_read("hook_calls"), breaks);
	}
	if (rounds <= 0) {
		ksft_print_msg("no reclaim round completed\n");
		ret = KSFT_FAIL;
	}
	/*
	 * On the fixed kernel a position on a dying memcg is either found
	 * by a walk (tryget fails: "drop_dying") or cleared when it is freed.
	 * Only kernels with the fix count these (-c).
	 */
	if (expect_cleared && r->cleared + r->dying <= 0) {
		ksft_print_msg("no race during the churn (0 cleared, 0 found dying): the race was not provoked\n");
		ret = KSFT_FAIL;
	}
	return ret;
}

/*
 * Undo whatever churn_setup() and churn_run() got to, in any state they
 * left: processes first, then every group the run may have made.  Fails
 * when a group the setup made cannot be removed.
 */
static int churn_teardown(struct churn_run *r)
{
	char file[PATH_MAX], *cg;
	int i, n, ret = KSFT_PASS;

	if (r->hog > 0) {
		kill(r->hog, SIGKILL);
		waitpid(r->hog, NULL, 0);
	}
	for (i = 0; i < nr_churners; i++) {
		if (r->churner[i] > 0) {
			kill(r->churner[i], SIGKILL);
			waitpid(r->churner[i], NULL, 0);
		}
	}
	for (i = 0; r->members && i < nr_groups; i++) {
		if (r->members[i] > 0) {
			kill(r->members[i], SIGKILL);
			waitpid(r->members[i], NULL, 0);
		}
	}
	for (i = 0; r->members && i < nr_groups; i++) {
		snprintf(file, sizeof(file), "%s/m%d", filedir, i);
		unlink(file);
		cg = cg_name(top, "g%04d", i);
		if (cg && cg_destroy(cg) && errno != ENOENT) {
			ksft_print_msg("rmdir %s: %m\n", cg);
			ret = KSFT_FAIL;
		}
		free(cg);
	}
	for (i = 0; i < nr_churners; i++) {
		for (n = 0; n < ring; n++) {
			cg = cg_name(top, "churn%d_%d", i, n);
			if (cg)
				cg_destroy(cg);
			free(cg);
		}
	}
	if (limit_mode) {
		cg = cg_name(top, "hog");
		if (cg)
			cg_destroy(cg);
		free(cg);
		cg_write("/sys/module/memcg_iter_stress/parameters", "global_only", "Y");
	}
	if (top[0] && cg_destroy(top) && errno != ENOENT)
		ret = KSFT_FAIL;
	system("rm -rf /tmp/memcg_iter_churn");
	free(r->members);
	r->members = NULL;
	return ret;
}

/*
 * After the teardown: what it cleared (reported, never counted), no
 * position on a freed memcg, every group freed, kmemleak clean where it
 * scanned.
 */
static int churn_check_after(struct churn_run *r)
{
	long teardown, now;
	int ret = KSFT_PASS, kmem;

	/* The teardown frees groups that broken walks left positions on. */
	sleep(2);
	teardown = stat_read("cleared") - r->cleared;
	ksft_print_msg("positions cleared by the teardown (not races of the churn): %ld\n",
		       teardown);
	printf("RESULT: churn %s: teardown cleared %ld more (not counted)\n", mode_name(),
	       teardown);
	/*
	 * The fixed kernel's freed-memcg check counts every iterator slot
	 * still pointing at a memcg whose memory is being freed (0 or
	 * absent on kernels without it).  It is a writable parameter: off,
	 * this run would pass without having looked.
	 */
	if (freed_check_off()) {
		ksft_print_msg("the freed-memcg check is off (%s is N): nothing was checked\n",
			       CHECK_PARAM);
		ret = KSFT_FAIL;
	}
	if (stat_read("freed_in_use") > 0) {
		ksft_print_msg("%ld iterator positions pointed at a freed memcg\n",
			       stat_read("freed_in_use"));
		ret = KSFT_FAIL;
	}
	now = memcg_count_settle(baseline, 60);
	ksft_print_msg("memory cgroups: %ld at start, %ld with the groups, %ld after teardown\n",
		       baseline, r->rows_with_groups, now);
	if (now != baseline) {
		ksft_print_msg("%ld memory cgroups leaked\n", now - baseline);
		ret = KSFT_FAIL;
	}
	if (r->kmem != 0)
		return ret;
	kmem = kmemleak_scan(1);
	if (kmem < 0) {
		/* It turns itself off when its own allocations fail. */
		ksft_print_msg("kmemleak disabled itself during the run (no scan)\n");
		printf("RESULT: churn %s: kmemleak disabled itself under pressure, not scanned\n",
		       mode_name());
		/* -K asks for a scan: that is a failure there. */
		if (require_kmemleak)
			ret = KSFT_FAIL;
	} else {
		printf("RESULT: churn %s: kmemleak scan: %d unreferenced objects\n",
		       mode_name(), kmem);
		ksft_print_msg("kmemleak: %d unreferenced objects\n", kmem);
		if (kmem)
			ret = KSFT_FAIL;
	}
	return ret;
}

/* Setup, run, check, and a teardown that runs whatever failed before. */
static int test_churn(void)
{
	struct churn_run r = { .kmem = -1 };
	int ret;

	ret = churn_setup(&r);
	if (ret != KSFT_PASS)
		goto cleanup;
	churn_run(&r);
	ret = churn_check_run(&r);
cleanup:
	if (churn_teardown(&r) != KSFT_PASS)
		ret = KSFT_FAIL;
	if (churn_check_after(&r) != KSFT_PASS)
		ret = KSFT_FAIL;
	return ret;
}

/* *val = the number in arg if it is in [lo, hi]; else a message and -1. */
static int bounded_arg(int *val, const char *arg, int lo, int hi, const char *what)
{
	char *end;
	long v = strtol(arg, &end, 10);

	if (*arg == '\0' || *end != '\0' || v < lo || v > hi) {
		fprintf(stderr, "test_churn: %s takes %d-%d, not '%s'\n", what, lo, hi, arg);
		return -1;
	}
	*val = v;
	return 0;
}

int main(int argc, char **argv)
{
	int opt;

	while ((opt = getopt(argc, argv, "n:t:H:RcLKr:s:j:u:h")) != -1) {
		switch (opt) {
		case 'n':
			nr_groups = atoi(optarg);
			break;
		case 't':
			duration = atoi(optarg);
			break;
		case 'H':
			hierarchy = !!atoi(optarg);
			break;
		case 'R':
			root_hierarchy = 1;
			break;
		case 'c':
			expect_cleared = 1;
			break;
		case 'L':
			limit_mode = 1;
			break;
		case 'K':
			require_kmemleak = 1;
			break;
		case 'r':
			ring = atoi(optarg) > 0 ? atoi(optarg) : 1;
			break;
		case 's':
			seed = strtoul(optarg, NULL, 0);
			break;
		case 'j':
			if (bounded_arg(&nr_churners, optarg, 1, MAX_CHURNERS, "-j churners"))
				return 2;
			break;
		case 'u':
			if (bounded_arg(&churn_sleep_us, optarg, 0, 1000000, "-u us"))
				return 2;
			break;
		default:
			fprintf(stderr, "usage: %s [-n groups] [-t seconds] [-H 0|1] [-R] [-c] [-L] [-K] [-r ring] [-s seed] [-j churners] [-u max sleep us]\n",
				argv[0]);
			return opt == 'h' ? 0 : 2;
		}
	}
	if (limit_mode && !hierarchy) {
		fprintf(stderr, "%s: -L needs -H 1 (a limit covers children only in a hierarchy)\n",
			argv[0]);
		return 2;
	}
	/* Line by line: children and the module's insmod write too. */
	setvbuf(stdout, NULL, _IOLBF, 0);
	ksft_print_header();
	/* What the test needs, before the plan: a skip is "1..0 # SKIP". */
	if (!cg_memory_root())
		ksft_exit_skip("churn: no cgroup v1 memory hierarchy\n");
	if (ensure_module())
		ksft_exit_skip("churn: memcg_iter_stress.ko not available\n");
	if (meminfo_kb("SwapTotal") <= 0)
		ksft_exit_skip("churn: no swap\n");
	baseline = memcg_count();
	if (root_hierarchy &&
	    cg_write(cg_memory_root(), "memory.use_hierarchy", "1"))
		ksft_exit_skip("churn: cannot make the root hierarchical (groups exist?)\n");
	ksft_set_plan(1);
	report_result(test_churn(), "churn under reclaim with injected walk breaks");
	if (root_hierarchy)
		cg_write(cg_memory_root(), "memory.use_hierarchy", "0");
	ksft_finished();
	return 0;
}
