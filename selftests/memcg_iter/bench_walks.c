// SPDX-License-Identifier: GPL-2.0
/*
 * bench_walks - measure how memcg reclaim walks fare under cgroup churn.
 * A benchmark helper (prints figures, asserts nothing); run by
 * scripts/bench in a guest with memcg_iter_stress loaded.
 *
 * N groups (default 4000) each hold 64 KiB of tmpfs page cache; a hog in
 * the last group keeps global reclaim running (in the root group the hog
 * would be first in walk order and hide the effect).  Phases of T seconds
 * alternate: quiet, churn, quiet, churn.  Each second a "SAMPLE" line
 * gives the counters; each phase ends with a "PHASE" line of key=value
 * pairs (kswapd's walk counters bare, global direct reclaim's prefixed
 * "direct_"), and a churn phase with an "RMDIR_MS" line of every rmdir's
 * latency.  The parent drains the churner's latencies every second, so
 * the churner never blocks on a full pipe.
 *
 * Two kinds of churn:
 *  - default: mkdir + charge 16 KiB from a child + rmdir, as fast as the
 *    churner can.  Under global pressure the churner's own allocations
 *    (fork, page cache, the new memcg) enter direct reclaim, and while it
 *    reclaims it removes nothing: reclaim throttles the churn that hurts
 *    it, and walks slip through in those pauses.
 *  - -r RATE: destruction only, at a steady RATE rmdirs per second, of
 *    empty groups created during setup, by a churner that allocates
 *    nothing itself (mlocked, no fork, no mkdir), so its own reclaim does
 *    not throttle it: as on the seed's node, where groups were destroyed
 *    by tasks that were not themselves short of memory.  Only
 *    destruction moves dead_count.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroup_util.h"

#define STATS "/sys/kernel/debug/memcg_iter_stress/stats"
#define MAX_LAT 200000

static int nr_groups = 4000;
static int phase_s = 30;
static int rate;		/* -r: rmdirs per second of pre-created groups */
static int keep_every;		/* -k: the module's slow_every, kept out of churn */
static int churn_phase;		/* churn phases started so far */
static char top[PATH_MAX - 64];

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

struct snap {
	long rounds, walks, ends, restarts, visits, breaks;
	long drounds, dwalks, dends, drestarts, dvisits;
	long pgscan, pgsteal, kswapd_ticks;
};

static long kswapd_ticks(void)
{
	char path[64], buf[1024], *p;
	unsigned long ut = 0, st = 0;
	int pid, i;

	/* Find kswapd0 once. */
	static int kpid;

	if (!kpid) {
		for (pid = 2; pid < 200; pid++) {
			snprintf(path, sizeof(path), "/proc/%d/comm", pid);
			if (!read_text(path, buf, sizeof(buf)) && !strncmp(buf, "kswapd0", 7)) {
				kpid = pid;
				break;
			}
		}
	}
	snprintf(path, sizeof(path), "/proc/%d/stat", kpid);
	if (read_text(path, buf, sizeof(buf)))
		return -1;
	p = strrchr(buf, ')');
	for (i = 0; p && i < 12; i++)
		p = strchr(p + 1, ' ');
	if (p)
		sscanf(p + 1, "%lu %lu", &ut, &st);
	return ut + st;
}

static void take(struct snap *s)
{
	s->rounds = key_read_long(STATS, "kswapd_rounds");
	s->walks = key_read_long(STATS, "kswapd_walks");
	s->ends = key_read_long(STATS, "kswapd_walk_ends");
	/*
	 * A restart: a walk found its stored position unusable (a dying
	 * memcg, or dead_count moved on the unfixed kernel) and went back
	 * to the root, setting the round back.
	 */
	s->restarts = key_read_long(STATS, "kswapd_drop_dying") +
		      key_read_long(STATS, "kswapd_drop_invalid");
	s->visits = key_read_long(STATS, "kswapd_visits");
	s->breaks = key_read_long(STATS, "breaks_injected");
	s->drounds = key_read_long(STATS, "direct_rounds");
	s->dwalks = key_read_long(STATS, "direct_walks");
	s->dends = key_read_long(STATS, "direct_walk_ends");
	s->dvisits = key_read_long(STATS, "direct_visits");
	s->drestarts = key_read_long(STATS, "direct_drop_dying") +
		       key_read_long(STATS, "direct_drop_invalid");
	s->pgscan = vmstat_read("pgscan_kswapd_dma32") + vmstat_read("pgscan_direct_dma32") +
		    vmstat_read("pgscan_kswapd_normal") + vmstat_read("pgscan_direct_normal");
	s->pgsteal = vmstat_read("pgsteal_kswapd_dma32") + vmstat_read("pgsteal_direct_dma32") +
		     vmstat_read("pgsteal_kswapd_normal") + vmstat_read("pgsteal_direct_normal");
	s->kswapd_ticks = kswapd_ticks();
}

static int cmp_double(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;

	return x < y ? -1 : x > y;
}

/* Churn: mkdir, charge 16 KiB from a child, rmdir (timed); until killed. */
static void churn(int fd)
{
	char *cg, file[64];
	unsigned long n;
	double t0, lat;

	for (n = 0;; n++, free(cg)) {
		cg = cg_name(top, "churn%lu", n % 8);
		if (!cg)
			_exit(1);
		snprintf(file, sizeof(file), "/tmp/bench_churn%lu", n % 8);
		if (cg_create(cg))
			continue;
		if (!fork()) {
			if (cg_enter(cg, getpid()) || alloc_pagecache(file, KB(16)))
				_exit(1);
			_exit(0);
		}
		wait(NULL);
		unlink(file);
		t0 = now();
		if (!cg_destroy(cg)) {
			lat = now() - t0;
			if (write(fd, &lat, sizeof(lat)) != sizeof(lat))
				_exit(0);
		}
	}
}

/*
 * Steady destruction: remove this phase's share of the empty "d" groups,
 * one every 1/rate s, on absolute deadlines; until killed or out of groups.
 */
static void churn_rate(int fd, int first)
{
	struct timespec next;
	char *cg;
	double t0, lat;
	int i;

	if (mlockall(MCL_CURRENT | MCL_FUTURE))
		perror("bench_walks: mlockall");
	clock_gettime(CLOCK_MONOTONIC, &next);
	for (i = first; i < first + rate * phase_s + rate; i++) {
		cg = cg_name(top, "d%06d", i);
		if (!cg)
			_exit(1);
		t0 = now();
		if (!cg_destroy(cg)) {
			lat = now() - t0;
			if (write(fd, &lat, sizeof(lat)) != sizeof(lat))
				_exit(0);
		}
		free(cg);
		next.tv_nsec += 1000000000L / rate;
		while (next.tv_nsec >= 1000000000L) {
			next.tv_nsec -= 1000000000L;
			next.tv_sec++;
		}
		while (clock_nanosleep(CLOCK_MONOTONIC, TIMER_ABSTIME, &next, NULL) == EINTR)
			;
	}
	_exit(0);
}

/* Read what latencies the churner has written so far; never blocks. */
static int drain(int fd, double *lat, int n)
{
	while (n < MAX_LAT && read(fd, &lat[n], sizeof(lat[n])) == sizeof(lat[n]))
		n++;
	return n;
}

static void phase(const char *name, int with_churn)
{
	static double lat[MAX_LAT];
	struct snap a, b, s;
	int pipefd[2], n = 0, i;
	pid_t churner = 0;
	double t0 = now(), next, el;

	take(&a);
	if (with_churn) {
		if (pipe(pipefd))
			exit(1);
		churner = fork();
		if (!churner) {
			close(pipefd[0]);
			if (rate)
				churn_rate(pipefd[1], churn_phase * (rate * phase_s + rate));
			churn(pipefd[1]);
		}
		churn_phase++;
		close(pipefd[1]);
		fcntl(pipefd[0], F_SETFL, O_NONBLOCK);
	}
	for (next = t0 + 1; next < t0 + phase_s + 0.5; next += 1) {
		while (now() < next) {
			if (with_churn)
				n = drain(pipefd[0], lat, n);
			usleep(20000);
		}
		take(&s);
		printf("SAMPLE phase=%s t=%.0f rounds=%ld restarts=%ld walks=%ld direct_rounds=%ld direct_restarts=%ld rmdirs=%d\n",
		       name, next - t0, s.rounds - a.rounds, s.restarts - a.restarts,
		       s.walks - a.walks, s.drounds - a.drounds, s.drestarts - a.drestarts, n);
		fflush(stdout);
	}
	if (with_churn) {
		kill(churner, SIGKILL);
		waitpid(churner, NULL, 0);
		/* Only rmdirs timed within the phase: the churner is dead. */
		n = drain(pipefd[0], lat, n);
		close(pipefd[0]);
		for (i = 0; i < 8; i++) {
			char *cg = cg_name(top, "churn%d", i);

			if (cg)
				cg_destroy(cg);
			free(cg);
		}
	}
	take(&b);
	el = now() - t0;
	if (with_churn) {
		printf("RMDIR_MS phase=%s", name);
		for (i = 0; i < n; i++)
			printf(" %.3f", lat[i] * 1e3);
		printf("\n");
	}
	qsort(lat, n, sizeof(lat[0]), cmp_double);
	printf("PHASE name=%s seconds=%.1f rmdirs=%d rounds=%ld walks=%ld walk_ends=%ld restarts=%ld visits=%ld breaks=%ld direct_rounds=%ld direct_walks=%ld direct_walk_ends=%ld direct_restarts=%ld direct_visits=%ld pgscan=%ld pgsteal=%ld kswapd_ticks=%ld rmdir_p50_ms=%.3f rmdir_p99_ms=%.3f\n",
	       name, el, n, b.rounds - a.rounds, b.walks - a.walks, b.ends - a.ends,
	       b.restarts - a.restarts, b.visits - a.visits, b.breaks - a.breaks,
	       b.drounds - a.drounds, b.dwalks - a.dwalks, b.dends - a.dends,
	       b.drestarts - a.drestarts, b.dvisits - a.dvisits,
	       b.pgscan - a.pgscan,
	       b.pgsteal - a.pgsteal, b.kswapd_ticks - a.kswapd_ticks,
	       n ? lat[n / 2] * 1e3 : 0, n ? lat[(n * 99) / 100] * 1e3 : 0);
	fflush(stdout);
}

int main(int argc, char **argv)
{
	char *cg, file[64];
	pid_t hog;
	int opt, i, id, kept = 0, status;
	long hog_mb;

	while ((opt = getopt(argc, argv, "n:t:r:k:h")) != -1) {
		switch (opt) {
		case 'n':
			nr_groups = atoi(optarg);
			if (nr_groups < 1 || nr_groups > 99999) {
				fprintf(stderr, "bench_walks: -n takes 1-99999 groups\n");
				return 2;
			}
			break;
		case 't':
			phase_s = atoi(optarg);
			if (phase_s < 1) {
				fprintf(stderr, "bench_walks: -t takes at least 1 second\n");
				return 2;
			}
			break;
		case 'r':
			rate = atoi(optarg);
			if (rate < 0 || rate > 1000) {
				fprintf(stderr, "bench_walks: -r takes 0-1000 rmdirs/s\n");
				return 2;
			}
			break;
		case 'k':
			keep_every = atoi(optarg);
			if (keep_every < 0) {
				fprintf(stderr, "bench_walks: -k takes the module's slow_every\n");
				return 2;
			}
			break;
		default:
			fprintf(stderr,
				"usage: %s [-n groups] [-t phase seconds] [-r rmdirs/s [-k slow_every]]\n",
				argv[0]);
			return opt == 'h' ? 0 : 2;
		}
	}
	if (!cg_memory_root() || access(STATS, R_OK)) {
		fprintf(stderr, "bench_walks: needs the memory cgroup and memcg_iter_stress\n");
		return 4;
	}
	if (keep_every && memcg_count() != 1)
		fprintf(stderr, "bench_walks: %ld memory cgroups already: -k may keep the wrong ids\n",
			memcg_count());
	snprintf(top, sizeof(top), "%s/bench", cg_memory_root());
	if (cg_create(top) || cg_write(top, "memory.use_hierarchy", "1"))
		return 1;
	for (i = 0; i < nr_groups; i++, free(cg)) {
		cg = cg_name(top, "g%05d", i);
		snprintf(file, sizeof(file), "/tmp/bench%d", i);
		if (!cg || cg_create(cg))
			return 1;
		if (!fork()) {
			if (cg_enter(cg, getpid()) || alloc_pagecache(file, KB(64)))
				_exit(1);
			_exit(0);
		}
		wait(NULL);
	}
	/*
	 * -r: the groups the two churn phases will destroy, empty.  With -k,
	 * a group that would get a slow cgroup id becomes a kept "k" group,
	 * so the slow set stays the same through the run.  This relies on
	 * the guest's fresh memory hierarchy: ids come from an IDA, smallest
	 * free first, and nothing was removed yet, so "bench" is 1, gN is
	 * N + 2 and the next group is nr_groups + 2.
	 */
	for (i = 0, id = nr_groups + 2; i < 2 * (rate * phase_s + rate); id++, free(cg)) {
		if (keep_every && id % keep_every == 0) {
			cg = cg_name(top, "k%06d", id);
			kept++;
		} else {
			cg = cg_name(top, "d%06d", i++);
		}
		if (!cg || cg_create(cg))
			return 1;
	}
	/*
	 * The hog: in the last group, for all phases.  It must stay larger
	 * than what reclaim can free, or pressure ends once the groups' page
	 * cache is evicted (earlier versions lost it after ~60 s): what is
	 * free now, plus the groups' 64 KiB each, plus SwapFree / 8.
	 */
	hog_mb = (meminfo_kb("MemFree") + meminfo_kb("SwapFree") / 8) / 1024 +
		 (long)nr_groups * 64 / 1024;
	cg = cg_name(top, "g%05d", nr_groups - 1);
	if (!cg)
		return 1;
	hog = spawn_hog(hog_mb, 4 * phase_s + 30, cg);
	free(cg);
	sleep(5);
	if (waitpid(hog, &status, WNOHANG) == hog) {
		fprintf(stderr, "bench_walks: the hog exited early (status %d); MemFree %ld kB, SwapFree %ld kB\n",
			status, meminfo_kb("MemFree"), meminfo_kb("SwapFree"));
		return 1;
	}
	printf("SETUP groups=%d churn_rate=%d kept_slow=%d hog_mb=%ld memfree_kb=%ld swapfree_kb=%ld\n",
	       nr_groups, rate, kept, hog_mb, meminfo_kb("MemFree"), meminfo_kb("SwapFree"));
	phase("quiet1", 0);
	phase("churn1", 1);
	phase("quiet2", 0);
	phase("churn2", 1);
	kill(hog, SIGKILL);
	waitpid(hog, NULL, 0);
	return 0;
}
