/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The census's types: its classes (rules.h's list) and the snapshot of one
 * page that the rules classify. Nothing here needs more of the kernel than
 * its integer types, so census.h's pure functions compile outside it too:
 * scripts/vmcore-defs.c builds the post-mortem script's tables from them,
 * tests/vmcore/rules-drift checks them.
 */
#ifndef _NICMEM_SNAP_H
#define _NICMEM_SNAP_H

#include <linux/types.h>

/* NICMEM_HIST_BUCKETS, the threshold's default and range: rules.h */
#include "rules.h"

/* Page classes of the census, in output order (rules.h); every counted
 * page lands in exactly one.
 */
enum nicmem_class {
#define NICMEM_CLASS(id, name)	id,
#include "rules.h"
	NICMEM_NR_CLASSES
};

extern const char * const nicmem_class_names[NICMEM_NR_CLASSES];

/**
 * struct nicmem_page_snap - one snapshot of a page, read once
 * @refcount: page_ref_count() of the page (the head for compound pages)
 * @order: compound or buddy order, 0 for a single page
 * @buddy: PageBuddy
 * @reserved: PageReserved
 * @hugetlb: a hugetlbfs page (head)
 * @slab: PageSlab
 * @lru: PageLRU
 * @anon: PageAnon (mapping has PAGE_MAPPING_ANON)
 * @page_pool: pp_magic carries PP_SIGNATURE
 * @typed: another page type (page tables, offline, guard)
 * @mapped: mapped into a user page table
 * @has_mapping: page->mapping is not NULL
 * @pp: with @page_pool, page->pp: the pool's address, a key, never
 *	dereferenced by the census
 * @pp_frag: with @page_pool, the page's fragment reference count
 *	(pp_frag_count, pp_ref_count from 6.8)
 *
 * The classification is a pure function of this snapshot, so it can be
 * unit tested without touching real pages. The census's hot path keeps
 * the flags as bits of one word instead (rules.h's NICMEM_SNAP_FLAG list,
 * which names every bool member here: tests/vmcore/rules-drift checks).
 */
struct nicmem_page_snap {
	int refcount;
	unsigned int order;
	bool buddy;
	bool reserved;
	bool hugetlb;
	bool slab;
	bool lru;
	bool anon;
	bool page_pool;
	bool typed;
	bool mapped;
	bool has_mapping;
	unsigned long pp;
	long pp_frag;
};

#endif /* _NICMEM_SNAP_H */
