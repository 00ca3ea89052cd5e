// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: /sys/kernel/debug/nicmem_offsets lists offsetof() and
 * sizeof() of every member nicmem reads from ixgbe, i40e, igb and mlx5e, as the
 * compiler sees them in the drivers' private headers. The VM tests compare
 * it with what nicmem resolved from the running kernel's BTF. Never load
 * this on a real host; it exists for the test VM.
 */
#include <linux/module.h>
#include <linux/debugfs.h>
#include "offsets.h"

/* one per drivers/<d>/offsets.c (Kbuild's NICMEM_OFFSETS_LIST) */
static void (* const offsets_rows[])(struct seq_file *sf) = {
#define OFF(d)	(nicmem_offsets_##d),
	NICMEM_OFFSETS_LIST
#undef OFF
};

static int offsets_show(struct seq_file *sf, void *v)
{
	unsigned int i;

	seq_puts(sf, "#driver    struct                 member                  offset   size source\n");
	for (i = 0; i < ARRAY_SIZE(offsets_rows); i++)
		offsets_rows[i](sf);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(offsets);

static struct dentry *offsets_file;

static int __init offsets_init(void)
{
	offsets_file = debugfs_create_file("nicmem_offsets", 0400, NULL, NULL,
					   &offsets_fops);
	return 0;
}

static void __exit offsets_exit(void)
{
	debugfs_remove(offsets_file);
}

module_init(offsets_init);
module_exit(offsets_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("nicmem test: offsetof() of the driver members nicmem reads");
