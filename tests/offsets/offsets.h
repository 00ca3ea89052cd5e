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

/* one per drivers/<d>/offsets.c: Kbuild's NICMEM_OFFSETS_LIST, OFF(d) each */
void
#define OFF(d)	nicmem_offsets_##d(struct seq_file *sf),
	NICMEM_OFFSETS_LIST
#undef OFF
	nicmem_offsets_list_end(struct seq_file *sf);	/* declared only */

#endif
