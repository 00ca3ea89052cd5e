/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NICMEM_OFFSETS_H
#define _NICMEM_OFFSETS_H

#include <linux/seq_file.h>
#include <linux/stddef.h>

/* rows as nicmem's layouts file prints them, source "offsetof" */
#define OFFSETS_ROW(drv, s, m, off, size) \
	seq_printf(sf, "%-10s %-22s %-22s %7zu %6zu offsetof\n", drv, #s, m, \
		   (size_t)(off), (size_t)(size))

void nicmem_offsets_ixgbe(struct seq_file *sf);
void nicmem_offsets_i40e(struct seq_file *sf);
void nicmem_offsets_igb(struct seq_file *sf);

#endif
