/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NICMEM_OFFSETS_H
#define _NICMEM_OFFSETS_H

#include <linux/seq_file.h>
#include <linux/stddef.h>

struct offsets_row {
	const char *sname, *member;
	size_t offset, size;
};

/* rows as nicmem's layouts file prints them, source "offsetof" */
static inline void offsets_print(struct seq_file *sf, const char *drv,
				 const struct offsets_row *r, size_t n)
{
	for (; n--; r++)
		seq_printf(sf, "%-10s %-22s %-22s %7zu %6zu offsetof\n", drv,
			   r->sname, r->member, r->offset, r->size);
}

void nicmem_offsets_ixgbe(struct seq_file *sf);
void nicmem_offsets_i40e(struct seq_file *sf);
void nicmem_offsets_igb(struct seq_file *sf);
void nicmem_offsets_mlx5(struct seq_file *sf);

#endif
