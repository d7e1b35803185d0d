// SPDX-License-Identifier: GPL-2.0
/*
 * splat - a module that only misbehaves when loaded, so that the
 * pipeline's own tests can show that a misbehaving kernel is caught:
 *   (default)  one WARN: scripts/scan-console must fail the run;
 *   leak=N     N kmalloc()ed blocks whose pointers are dropped, and no
 *              WARN: kmemleak (debug kernels) must report them;
 *   oops=1     a NULL pointer dereference: the oops kills insmod, the
 *              kernel goes on; scripts/qemu-boot must stop a guest that then
 *              gives no result.
 * Never load it anywhere else.
 */
#include <linux/bug.h>
#include <linux/compiler.h>
#include <linux/module.h>
#include <linux/slab.h>

static unsigned int leak;
module_param(leak, uint, 0444);
MODULE_PARM_DESC(leak, "leak this many 512-byte blocks instead of a WARN (max 64)");

static bool oops;
module_param(oops, bool, 0444);
MODULE_PARM_DESC(oops, "dereference a NULL pointer instead of a WARN");

/* Not static, so the compiler cannot know it stays NULL. */
int *splat_null_pointer;

/*
 * Out of line and outside .init.text, so that kmemleak's backtrace of each
 * block names this function in [splat] after the init code is freed.
 */
static noinline void *splat_leak_block(void)
{
	return kmalloc(512, GFP_KERNEL);
}

static int __init splat_init(void)
{
	unsigned int i;

	if (leak > 64)
		return -EINVAL;
	if (oops) {
		pr_info("memcg-iter: dereferencing NULL on purpose\n");
		return READ_ONCE(*splat_null_pointer);
	}
	if (!leak) {
		WARN(1, "memcg-iter: deliberate WARN from the splat test module\n");
		return 0;
	}
	for (i = 0; i < leak; i++) {
		/* The pointer is dropped on purpose: that is the leak. */
		if (!splat_leak_block())
			return -ENOMEM;
	}
	pr_info("memcg-iter: leaked %u blocks on purpose\n", leak);
	return 0;
}

static void __exit splat_exit(void)
{
}

module_init(splat_init);
module_exit(splat_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test-only: emit a WARN or leak memory to test the detectors");
