// SPDX-License-Identifier: GPL-2.0
/*
 * splat - a module that only prints a WARN when loaded.  The pipeline's
 * own test uses it to show that scripts/scan-console catches a splat and
 * fails the run; never load it anywhere else.
 */
#include <linux/bug.h>
#include <linux/module.h>

static int __init splat_init(void)
{
	WARN(1, "memcg-iter: deliberate WARN from the splat test module\n");
	return 0;
}

static void __exit splat_exit(void)
{
}

module_init(splat_init);
module_exit(splat_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("Test-only: emit one WARN to test the console scanner");
