// SPDX-License-Identifier: GPL-2.0
/*
 * memcg_iter_stress - provoke races between memcg reclaim walks and memcg
 * destruction, and report what happened.  Test kernels only.
 *
 * Needs a kernel with the test-only patch "memcg: reclaim iterator
 * counters and a hook to break walks" (CONFIG_MEMCG_ITER_TEST).  The
 * module registers with that hook and, during reclaim:
 *
 *  - breaks the shrink_zone() memcg walk after a memcg with probability
 *    'probability' percent (default 2), by default in global reclaim only.
 *    A broken walk leaves its iterator position on a memcg nobody holds;
 *    when that memcg is destroyed, the kernel must forget the position.
 *  - optionally (benchmarks) sleeps 'slow_ms' after each memcg whose
 *    cgroup id is a multiple of 'slow_every': "slow to reclaim" groups,
 *    as on a node whose swap device is saturated.
 *  - optionally (race widening) spins 'window_us' in mem_cgroup_iter()
 *    between taking a reference on the next memcg and storing it as the
 *    position, with probability 'window_probability' percent.
 *
 * All parameters are writable at runtime in /sys/module/memcg_iter_stress/
 * parameters/; an invalid value is refused with -EINVAL and the old one
 * kept.  Counters are in /sys/kernel/debug/memcg_iter_stress/stats as
 * "key value" lines; writing 1 to .../reset zeroes them.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/atomic.h>
#include <linux/capability.h>
#include <linux/debugfs.h>
#include <linux/delay.h>
#include <linux/fs.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/nodemask.h>
#include <linux/percpu.h>
#include <linux/random.h>
#include <linux/seq_file.h>

/*
 * From the test-only patch (patches/test/0001-*): the module builds only
 * against a kernel tree with CONFIG_MEMCG_ITER_TEST, and refuses to load
 * on a kernel without the hook.
 */
#include <linux/memcg_iter_test.h>

#define HOOK_PATCH \
	"patches/test/0001-TEST-ONLY-memcg-reclaim-iterator-counters-and-a-hook.patch"

/* An unsigned int parameter limited to [0, max]; anything else is -EINVAL. */
struct bounded_uint {
	unsigned int val;
	unsigned int max;
};

static int param_set_bounded(const char *val, const struct kernel_param *kp)
{
	struct bounded_uint *b = kp->arg;
	unsigned int v;

	if (kstrtouint(val, 0, &v) || v > b->max)
		return -EINVAL;
	ACCESS_ONCE(b->val) = v;
	return 0;
}

static int param_get_bounded(char *buf, const struct kernel_param *kp)
{
	const struct bounded_uint *b = kp->arg;

	return sprintf(buf, "%u", ACCESS_ONCE(b->val));
}

static const struct kernel_param_ops bounded_ops = {
	.set = param_set_bounded,
	.get = param_get_bounded,
};

static struct bounded_uint probability = { .val = 2, .max = 100 };
module_param_cb(probability, &bounded_ops, &probability, 0644);
MODULE_PARM_DESC(probability,
		 "percent of memcg walk steps that break the walk (0-100, default 2)");

static struct bounded_uint slow_every = { .val = 0, .max = 1000000 };
module_param_cb(slow_every, &bounded_ops, &slow_every, 0644);
MODULE_PARM_DESC(slow_every,
		 "BENCHMARK ONLY: memcgs whose cgroup id is a multiple of this are slow (0 = off)");

static struct bounded_uint slow_ms = { .val = 0, .max = 10000 };
module_param_cb(slow_ms, &bounded_ops, &slow_ms, 0644);
MODULE_PARM_DESC(slow_ms,
		 "BENCHMARK ONLY: extra reclaim time of a slow memcg in ms (0-10000)");

static struct bounded_uint window_us = { .val = 0, .max = 10000 };
module_param_cb(window_us, &bounded_ops, &window_us, 0644);
MODULE_PARM_DESC(window_us,
		 "spin this many us between iterator tryget and position store (0-10000, 0 = off)");

static struct bounded_uint window_probability = { .val = 10, .max = 100 };
module_param_cb(window_probability, &bounded_ops, &window_probability, 0644);
MODULE_PARM_DESC(window_probability,
		 "percent of iterator steps that spin window_us (0-100, default 10)");

static bool global_only = true;
module_param(global_only, bool, 0644);
MODULE_PARM_DESC(global_only, "inject breaks in global reclaim only (default Y)");

/* The random stream: each CPU's state is seed + cpu, reseeded on change. */
static unsigned long seed;
static atomic_t seed_gen = ATOMIC_INIT(1);

struct stress_rnd {
	struct rnd_state state;
	int gen;
};

static DEFINE_PER_CPU(struct stress_rnd, stress_rnd);

static int param_set_seed(const char *val, const struct kernel_param *kp)
{
	unsigned long v;

	if (kstrtoul(val, 0, &v))
		return -EINVAL;
	seed = v;
	atomic_inc(&seed_gen);
	return 0;
}

static const struct kernel_param_ops seed_ops = {
	.set = param_set_seed,
	.get = param_get_ulong,
};
module_param_cb(seed, &seed_ops, &seed, 0644);
MODULE_PARM_DESC(seed, "seed of the injection decisions (0 at load: pick one)");

/* True with probability pct percent. */
static bool chance(unsigned int pct)
{
	struct stress_rnd *r;
	bool ret;
	int gen;

	if (!pct)
		return false;
	if (pct >= 100)
		return true;
	r = &get_cpu_var(stress_rnd);
	gen = atomic_read(&seed_gen);
	if (r->gen != gen) {
		prandom_seed_state(&r->state, seed + smp_processor_id());
		r->gen = gen;
	}
	ret = prandom_u32_state(&r->state) % 100 < pct;
	put_cpu_var(stress_rnd);
	return ret;
}

static atomic64_t hook_calls, breaks_injected, slow_delays, window_delays;

static bool stress_step(struct mem_cgroup *memcg, int id, bool global)
{
	unsigned int every = ACCESS_ONCE(slow_every.val);
	unsigned int ms = ACCESS_ONCE(slow_ms.val);

	atomic64_inc(&hook_calls);
	if (every && ms && id % every == 0) {
		atomic64_inc(&slow_delays);
		msleep(ms);
	}
	if (global_only && !global)
		return false;
	if (!chance(ACCESS_ONCE(probability.val)))
		return false;
	atomic64_inc(&breaks_injected);
	return true;
}

static void stress_window(struct mem_cgroup *memcg)
{
	unsigned int us = ACCESS_ONCE(window_us.val);

	if (!us || !chance(ACCESS_ONCE(window_probability.val)))
		return;
	atomic64_inc(&window_delays);
	udelay(us);
}

static const struct memcg_iter_test_ops stress_ops = {
	.owner = THIS_MODULE,
	.step = stress_step,
	.window = stress_window,
};

/* The hook's entry points, looked up at load time. */
static int (*do_register)(const struct memcg_iter_test_ops *ops);
static void (*do_unregister)(const struct memcg_iter_test_ops *ops);
static void (*do_read)(struct memcg_iter_test_stats *stats);
static void (*do_reset)(void);

static void put_hook(void)
{
	if (do_register)
		symbol_put(memcg_iter_test_register);
	if (do_unregister)
		symbol_put(memcg_iter_test_unregister);
	if (do_read)
		symbol_put(memcg_iter_test_read);
	if (do_reset)
		symbol_put(memcg_iter_test_reset);
}

/*
 * The stats file: one "name value" line each.  Walk events are
 * "<kind>_<event>", counted by shrink_zone()'s walks of that kind only,
 * so that ratios within one kind compare counts of the same walks; the
 * events of memcg destruction are one total each.  Per NUMA node N of the
 * zone (for the nodes the kernel has, up to MEMCG_ITER_TEST_NODES; the
 * last line also counts higher nodes): "nodeN_walks_<kind>" and
 * "nodeN_cleared", named so that no other key ends with them.
 */
static const char * const event_names[MEMCG_ITER_TEST_NR_EVENTS] = {
	[MEMCG_ITER_TEST_WALKS] = "walks",
	[MEMCG_ITER_TEST_WALK_ENDS] = "walk_ends",
	[MEMCG_ITER_TEST_VISITS] = "visits",
	[MEMCG_ITER_TEST_BREAKS] = "breaks",
	[MEMCG_ITER_TEST_ROUNDS] = "rounds",
	[MEMCG_ITER_TEST_ROUND_LOST] = "round_lost",
	[MEMCG_ITER_TEST_DROP_DYING] = "drop_dying",
	[MEMCG_ITER_TEST_DROP_INVALID] = "drop_invalid",
};

static const char * const kind_names[MEMCG_ITER_TEST_NR_KINDS] = {
	[MEMCG_ITER_TEST_KSWAPD] = "kswapd",
	[MEMCG_ITER_TEST_DIRECT] = "direct",
	[MEMCG_ITER_TEST_LIMIT] = "limit",
};

static const char * const free_event_names[MEMCG_ITER_TEST_NR_FREE_EVENTS] = {
	[MEMCG_ITER_TEST_CLEARED] = "cleared",
	[MEMCG_ITER_TEST_FREED_IN_USE] = "freed_in_use",
};

static int stats_show(struct seq_file *m, void *v)
{
	struct memcg_iter_test_stats st;
	int k, e, n;

	do_read(&st);
	seq_printf(m, "hook_calls %lld\n", (long long)atomic64_read(&hook_calls));
	seq_printf(m, "breaks_injected %lld\n",
		   (long long)atomic64_read(&breaks_injected));
	seq_printf(m, "slow_delays %lld\n", (long long)atomic64_read(&slow_delays));
	seq_printf(m, "window_delays %lld\n",
		   (long long)atomic64_read(&window_delays));
	for (k = 0; k < MEMCG_ITER_TEST_NR_KINDS; k++)
		for (e = 0; e < MEMCG_ITER_TEST_NR_EVENTS; e++)
			seq_printf(m, "%s_%s %llu\n", kind_names[k],
				   event_names[e],
				   (unsigned long long)st.events[k][e]);
	for (e = 0; e < MEMCG_ITER_TEST_NR_FREE_EVENTS; e++)
		seq_printf(m, "%s %llu\n", free_event_names[e],
			   (unsigned long long)st.free_events[e]);
	seq_printf(m, "max_walk_visits %llu\n",
		   (unsigned long long)st.max_walk_visits);
	for (n = 0; n < min_t(int, nr_node_ids, MEMCG_ITER_TEST_NODES); n++) {
		for (k = 0; k < MEMCG_ITER_TEST_NR_KINDS; k++)
			seq_printf(m, "node%d_walks_%s %llu\n", n,
				   kind_names[k],
				   (unsigned long long)st.node_walks[n][k]);
		seq_printf(m, "node%d_cleared %llu\n", n,
			   (unsigned long long)st.node_cleared[n]);
	}
	return 0;
}

static int stats_open(struct inode *inode, struct file *file)
{
	return single_open(file, stats_show, NULL);
}

static const struct file_operations stats_fops = {
	.owner = THIS_MODULE,
	.open = stats_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
};

/*
 * Writing "1" (a trailing newline allowed) zeroes the counters; anything
 * else is -EINVAL.  Not DEFINE_SIMPLE_ATTRIBUTE: on this kernel it parses
 * with simple_strtoull() and takes "1junk" for 1.
 */
static ssize_t reset_write(struct file *file, const char __user *buf,
			   size_t count, loff_t *ppos)
{
	unsigned int val;
	int ret;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	ret = kstrtouint_from_user(buf, count, 10, &val);
	if (ret)
		return ret;
	if (val != 1)
		return -EINVAL;
	atomic64_set(&hook_calls, 0);
	atomic64_set(&breaks_injected, 0);
	atomic64_set(&slow_delays, 0);
	atomic64_set(&window_delays, 0);
	do_reset();
	return count;
}

static const struct file_operations reset_fops = {
	.owner = THIS_MODULE,
	.write = reset_write,
	.llseek = noop_llseek,
};

static struct dentry *dir;

static int __init memcg_iter_stress_init(void)
{
	int ret = -ENOMEM;

	do_register = symbol_get(memcg_iter_test_register);
	do_unregister = symbol_get(memcg_iter_test_unregister);
	do_read = symbol_get(memcg_iter_test_read);
	do_reset = symbol_get(memcg_iter_test_reset);
	if (!do_register || !do_unregister || !do_read || !do_reset) {
		pr_err("this kernel has no memcg reclaim iterator test hook; build it with "
		       HOOK_PATCH " and CONFIG_MEMCG_ITER_TEST=y\n");
		put_hook();
		return -ENOENT;
	}
	if (!seed) {
		get_random_bytes(&seed, sizeof(seed));
		atomic_inc(&seed_gen);
	}

	dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	if (IS_ERR_OR_NULL(dir))
		goto fail;
	/* Every counter is in "stats", once. */
	if (!debugfs_create_file("stats", 0400, dir, NULL, &stats_fops) ||
	    !debugfs_create_file("reset", 0200, dir, NULL, &reset_fops))
		goto fail;

	ret = do_register(&stress_ops);
	if (ret) {
		pr_err("cannot register the hook: %d (another user?)\n", ret);
		goto fail;
	}
	pr_info("loaded: probability=%u%% global_only=%d seed=%lu\n",
		probability.val, global_only, seed);
	return 0;
fail:
	debugfs_remove_recursive(dir);
	put_hook();
	return ret;
}

static void __exit memcg_iter_stress_exit(void)
{
	/* Returns once no reclaimer can be inside stress_ops any more. */
	do_unregister(&stress_ops);
	debugfs_remove_recursive(dir);
	put_hook();
}

module_init(memcg_iter_stress_init);
module_exit(memcg_iter_stress_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test-only: break memcg reclaim walks to provoke iterator races");
