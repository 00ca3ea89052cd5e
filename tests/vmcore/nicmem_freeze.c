// SPDX-License-Identifier: GPL-2.0
/*
 * Test module for the vmcore test: stops the VM at the start of every
 * nicmem census (a kprobe on nicmem_census_walk()) through QEMU's pvpanic
 * device, so that the host can dump guest memory in exactly the state the
 * census then reads. QEMU runs with -action panic=pause; the host dumps
 * and continues the VM (scripts/vm-harness --dump). Nothing is allocated
 * or freed between the stop and the census: the dump and the module's
 * snapshot see the same pages. Never load this outside the test VM.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/kprobes.h>
#include <linux/io.h>
#include <linux/atomic.h>

/* QEMU's ISA pvpanic device (-device pvpanic): port and "panicked" bit */
#define FREEZE_PVPANIC_PORT	0x505
#define FREEZE_PVPANIC_PANICKED	0x1

static char *symbol = "nicmem_census_walk";
module_param(symbol, charp, 0444);
MODULE_PARM_DESC(symbol, "function at whose entry the VM stops");

static atomic_t freezes = ATOMIC_INIT(0);
module_param_named(freezes, freezes.counter, int, 0444);
MODULE_PARM_DESC(freezes, "how many times the VM was stopped");

static int freeze_pre(struct kprobe *kp, struct pt_regs *regs)
{
	atomic_inc(&freezes);
	outb(FREEZE_PVPANIC_PANICKED, FREEZE_PVPANIC_PORT);
	return 0;
}

static struct kprobe freeze_kp = {
	.pre_handler = freeze_pre,
};

static int __init freeze_init(void)
{
	freeze_kp.symbol_name = symbol;
	return register_kprobe(&freeze_kp);
}

static void __exit freeze_exit(void)
{
	unregister_kprobe(&freeze_kp);
}

module_init(freeze_init);
module_exit(freeze_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("nicmem test: pause the VM (pvpanic) when a census starts");
