// SPDX-License-Identifier: GPL-2.0
/*
 * memhog - keep the machine under memory pressure: map SIZE MiB of
 * anonymous memory and keep touching it for SECONDS, so that kswapd and
 * direct reclaim run and swap is used.  A test helper, not a test.
 *
 * -m 0 sizes the hog at MemFree + SwapFree / 8: beyond what is free, so
 * reclaim must swap, and within what the overcommit heuristic grants.
 */
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "cgroup_util.h"

int main(int argc, char **argv)
{
	long mb = -1, secs = 10, i, pages;
	time_t end;
	char *p;
	int opt;

	while ((opt = getopt(argc, argv, "m:t:")) != -1) {
		switch (opt) {
		case 'm':
			mb = atol(optarg);
			break;
		case 't':
			secs = atol(optarg);
			break;
		default:
			fprintf(stderr, "usage: %s -m MiB [-t seconds]\n", argv[0]);
			return 2;
		}
	}
	if (!mb)
		mb = (meminfo_kb("MemFree") + meminfo_kb("SwapFree") / 8) >> 10;
	if (mb <= 0) {
		fprintf(stderr, "usage: %s -m MiB [-t seconds]\n", argv[0]);
		return 2;
	}
	pages = mb << 8;
	p = mmap(NULL, (size_t)mb << 20, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	end = time(NULL) + secs;
	/*
	 * One pass over a swapped-out hog can take minutes on a slow
	 * guest: look at the clock every MiB, not every pass.
	 */
	for (i = 0; ; i = (i + 1) % pages) {
		p[i << 12] = (char)i;
		if (!(i & 255) && time(NULL) >= end)
			break;
	}
	return 0;
}
