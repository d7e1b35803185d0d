// SPDX-License-Identifier: GPL-2.0
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <mntent.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "cgroup_util.h"

const char *cg_memory_root(void)
{
	static char root[PATH_MAX];
	struct mntent *m;
	FILE *f;

	if (root[0])
		return root;
	f = setmntent("/proc/mounts", "r");
	if (!f)
		return NULL;
	while ((m = getmntent(f))) {
		if (strcmp(m->mnt_type, "cgroup"))
			continue;
		if (hasmntopt(m, "memory")) {
			snprintf(root, sizeof(root), "%s", m->mnt_dir);
			break;
		}
	}
	endmntent(f);
	return root[0] ? root : NULL;
}

char *cg_name(const char *root, const char *fmt, ...)
{
	char *name, *path;
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vasprintf(&name, fmt, ap);
	va_end(ap);
	if (n < 0)
		return NULL;
	if (asprintf(&path, "%s/%s", root, name) < 0)
		path = NULL;
	free(name);
	return path;
}

int read_text(const char *path, char *buf, size_t len)
{
	ssize_t n;
	int fd;

	fd = open(path, O_RDONLY);
	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n < 0)
		return -1;
	buf[n] = '\0';
	return 0;
}

int write_text(const char *path, const char *buf)
{
	ssize_t n;
	int fd;

	fd = open(path, O_WRONLY);
	if (fd < 0)
		return -1;
	n = write(fd, buf, strlen(buf));
	close(fd);
	return n == (ssize_t)strlen(buf) ? 0 : -1;
}

int cg_create(const char *cg)
{
	return mkdir(cg, 0755) && errno != EEXIST ? -1 : 0;
}

int cg_destroy(const char *cg)
{
	int i;

	/* Exiting tasks leave the group asynchronously: retry briefly. */
	for (i = 0; i < 200; i++) {
		if (!rmdir(cg) || errno == ENOENT)
			return 0;
		if (errno != EBUSY)
			return -1;
		usleep(10000);
	}
	return -1;
}

int cg_write(const char *cg, const char *file, const char *val)
{
	char path[PATH_MAX];

	snprintf(path, sizeof(path), "%s/%s", cg, file);
	return write_text(path, val);
}

int cg_write_long(const char *cg, const char *file, long val)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%ld", val);
	return cg_write(cg, file, buf);
}

long cg_read_long(const char *cg, const char *file)
{
	char path[PATH_MAX], buf[64];

	snprintf(path, sizeof(path), "%s/%s", cg, file);
	if (read_text(path, buf, sizeof(buf)))
		return -1;
	return strtol(buf, NULL, 10);
}

static long read_key(const char *path, const char *key)
{
	char line[256];
	size_t klen = strlen(key);
	long val = -1;
	FILE *f;

	f = fopen(path, "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, key, klen) &&
		    (line[klen] == ' ' || line[klen] == ':' || line[klen] == '\t')) {
			val = strtol(line + klen + 1, NULL, 10);
			break;
		}
	}
	fclose(f);
	return val;
}

long key_read_long(const char *path, const char *key)
{
	return read_key(path, key);
}

long meminfo_kb(const char *key)
{
	return read_key("/proc/meminfo", key);
}

long vmstat_read(const char *key)
{
	return read_key("/proc/vmstat", key);
}

int cg_enter(const char *cg, pid_t pid)
{
	char buf[32];

	snprintf(buf, sizeof(buf), "%d", pid);
	return cg_write(cg, "tasks", buf);
}

long memcg_count(void)
{
	char line[256], name[64];
	long hier, num, en;
	FILE *f;

	f = fopen("/proc/cgroups", "r");
	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (sscanf(line, "%63s %ld %ld %ld", name, &hier, &num, &en) == 4 &&
		    !strcmp(name, "memory")) {
			fclose(f);
			return num;
		}
	}
	fclose(f);
	return -1;
}

long memcg_count_settle(long want, int timeout_s)
{
	long n = memcg_count();
	int i;

	/* Groups are freed after an RCU grace period and a work item. */
	for (i = 0; n > want && i < timeout_s * 10; i++) {
		usleep(100000);
		n = memcg_count();
	}
	return n;
}

static char *alloc_anon_advised(size_t size, int advice)
{
	char *p;
	size_t i;

	p = mmap(NULL, size, PROT_READ | PROT_WRITE,
		 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	if (advice >= 0)
		madvise(p, size, advice);
	for (i = 0; i < size; i += 4096)
		p[i] = (char)(i >> 12) | 1;
	return p;
}

char *alloc_anon(size_t size)
{
	return alloc_anon_advised(size, -1);
}

/*
 * Small pages only (MADV_NOHUGEPAGE).  With THP "always", as on the
 * nodes, every fault of a hog that outgrows free memory asks for an
 * order-9 page, and reclaim for those swaps out far more than the hog
 * lacks: on the 2-node guest a hog 64 MiB beyond free memory pushed
 * 256-500 MiB to swap, filled it and was OOM-killed.
 */
char *alloc_anon_nohuge(size_t size)
{
	return alloc_anon_advised(size, MADV_NOHUGEPAGE);
}

/*
 * Spread the caller's future allocations over every node (MPOL_INTERLEAVE,
 * without libnuma).  Under the default local policy a hog fills its own
 * node first and that node's kswapd swaps out more than the pressure
 * needs while the other node has room; interleaved, every node's memory
 * and every kswapd take part.  A kernel without NUMA says ENOSYS: nothing
 * to spread.
 */
void interleave_all_nodes(void)
{
	unsigned long mask[16] = { 0 };
	const int bits = sizeof(mask[0]) * 8;
	char list[256], *p = list;
	long lo, hi, n;
	FILE *f;

	/* Only nodes that exist: a bit above MAX_NUMNODES is EINVAL. */
	f = fopen("/sys/devices/system/node/online", "r");
	if (!f)
		return;
	if (!fgets(list, sizeof(list), f))
		list[0] = '\0';
	fclose(f);
	while (*p >= '0' && *p <= '9') {
		lo = strtol(p, &p, 10);
		hi = *p == '-' ? strtol(p + 1, &p, 10) : lo;
		for (n = lo; n <= hi && n < bits * 16; n++)
			mask[n / bits] |= 1UL << (n % bits);
		if (*p == ',')
			p++;
	}
	syscall(SYS_set_mempolicy, 3 /* MPOL_INTERLEAVE */, mask,
		sizeof(mask) * 8);
}

int alloc_pagecache(const char *path, size_t size)
{
	char buf[4096];
	size_t done;
	int fd;

	memset(buf, 0x5a, sizeof(buf));
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0644);
	if (fd < 0)
		return -1;
	for (done = 0; done < size; done += sizeof(buf)) {
		if (write(fd, buf, sizeof(buf)) != sizeof(buf)) {
			close(fd);
			return -1;
		}
	}
	close(fd);
	return 0;
}

pid_t fork_tied(void)
{
	pid_t parent = getpid();
	pid_t pid = fork();

	if (!pid) {
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != parent)
			_exit(1);
	}
	return pid;
}

pid_t spawn_hog(long mb, int seconds, const char *cg)
{
	char m[32], t[32];
	pid_t pid;

	pid = fork_tied();
	if (pid)
		return pid;
	snprintf(m, sizeof(m), "%ld", mb);
	snprintf(t, sizeof(t), "%d", seconds);
	if (cg && cg_enter(cg, getpid()))
		_exit(1);
	execl("./memhog", "memhog", "-m", m, "-t", t, (char *)NULL);
	_exit(127);
}
