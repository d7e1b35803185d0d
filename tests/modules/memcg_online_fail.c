// SPDX-License-Identifier: GPL-2.0
/*
 * memcg_online_fail - make a new cgroup's ->css_online() fail after the
 * cgroup became visible in its parent, for the memcg reclaim iterator
 * tests.  TEST ONLY.
 *
 * cgroup_create() links a new cgroup into its parent's children and then
 * onlines its controllers one by one; controllers mounted with memory
 * that come before it (net_prio) may fail, and then memory's
 * ->css_online() never runs while the memcg was already reachable by the
 * parent's reclaim walks.  Two knobs make that window wide and that
 * failure happen, both in debugfs (memcg_online_fail/):
 *
 *   rtnl_hold   write 1: a kernel thread takes RTNL and holds it until 0
 *               is written; net_prio's ->css_online() takes RTNL, so a
 *               mkdir sleeps there with its cgroup already linked.
 *               Reads 1 while RTNL is held.
 *   fail_times  the next N successful net_prio ->css_online() calls
 *               return -ENOMEM instead (a kretprobe on cgrp_css_online);
 *               reads what is left.
 *   failed      how many it failed so far.
 */
#include <linux/completion.h>
#include <linux/debugfs.h>
#include <linux/err.h>
#include <linux/fs.h>
#include <linux/kprobes.h>
#include <linux/kthread.h>
#include <linux/module.h>
#include <linux/mutex.h>
#include <linux/rtnetlink.h>
#include <linux/sched.h>

#define ONLINE_SYMBOL "cgrp_css_online"

static atomic_t fail_times = ATOMIC_INIT(0);
static atomic64_t failed;

static int online_ret(struct kretprobe_instance *ri, struct pt_regs *regs)
{
	if (regs_return_value(regs))
		return 0;
	if (atomic_add_unless(&fail_times, -1, 0)) {
		regs->ax = -ENOMEM;
		atomic64_inc(&failed);
	}
	return 0;
}

static struct kretprobe online_probe = {
	.kp.symbol_name = ONLINE_SYMBOL,
	.handler = online_ret,
	.maxactive = 8,
};

/* The RTNL holder: one kernel thread, started and stopped under hold_lock. */
static DEFINE_MUTEX(hold_lock);
static struct task_struct *holder;
static DECLARE_COMPLETION(held);

static int hold_fn(void *unused)
{
	rtnl_lock();
	complete(&held);
	for (;;) {
		set_current_state(TASK_INTERRUPTIBLE);
		if (kthread_should_stop())
			break;
		schedule();
	}
	__set_current_state(TASK_RUNNING);
	rtnl_unlock();
	return 0;
}

static void stop_holder(void)
{
	if (holder) {
		kthread_stop(holder);
		put_task_struct(holder);
		holder = NULL;
	}
}

static int rtnl_hold_set(void *data, u64 val)
{
	struct task_struct *t;
	int ret = 0;

	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (val > 1)
		return -EINVAL;
	mutex_lock(&hold_lock);
	if (!val) {
		stop_holder();
	} else if (holder) {
		ret = -EBUSY;
	} else {
		reinit_completion(&held);
		t = kthread_create(hold_fn, NULL, "memcg_rtnl_hold");
		if (IS_ERR(t)) {
			ret = PTR_ERR(t);
		} else {
			get_task_struct(t);
			holder = t;
			wake_up_process(t);
			wait_for_completion(&held);
		}
	}
	mutex_unlock(&hold_lock);
	return ret;
}

static int rtnl_hold_get(void *data, u64 *val)
{
	mutex_lock(&hold_lock);
	*val = !!holder;
	mutex_unlock(&hold_lock);
	return 0;
}
DEFINE_SIMPLE_ATTRIBUTE(rtnl_hold_fops, rtnl_hold_get, rtnl_hold_set, "%llu\n");

static int fail_times_set(void *data, u64 val)
{
	if (!capable(CAP_SYS_ADMIN))
		return -EPERM;
	if (val > INT_MAX)
		return -EINVAL;
	atomic_set(&fail_times, val);
	return 0;
}

static int fail_times_get(void *data, u64 *val)
{
	*val = atomic_read(&fail_times);
	return 0;
}
DEFINE_SIMPLE_ATTRIBUTE(fail_times_fops, fail_times_get, fail_times_set,
			"%llu\n");

static int failed_get(void *data, u64 *val)
{
	*val = atomic64_read(&failed);
	return 0;
}
DEFINE_SIMPLE_ATTRIBUTE(failed_fops, failed_get, NULL, "%llu\n");

static struct dentry *dir;

static int __init memcg_online_fail_init(void)
{
	int ret = -ENOMEM;

	dir = debugfs_create_dir(KBUILD_MODNAME, NULL);
	if (!dir)
		return -ENOMEM;
	if (!debugfs_create_file("rtnl_hold", 0600, dir, NULL, &rtnl_hold_fops) ||
	    !debugfs_create_file("fail_times", 0600, dir, NULL, &fail_times_fops) ||
	    !debugfs_create_file("failed", 0400, dir, NULL, &failed_fops))
		goto fail;
	ret = register_kretprobe(&online_probe);
	if (ret) {
		pr_err("cannot probe %s: %d\n", ONLINE_SYMBOL, ret);
		goto fail;
	}
	return 0;
fail:
	debugfs_remove_recursive(dir);
	return ret;
}

static void __exit memcg_online_fail_exit(void)
{
	unregister_kretprobe(&online_probe);
	mutex_lock(&hold_lock);
	stop_holder();
	mutex_unlock(&hold_lock);
	debugfs_remove_recursive(dir);
}

module_init(memcg_online_fail_init);
module_exit(memcg_online_fail_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("TEST ONLY: fail net_prio css_online after the cgroup is visible");
