/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The census's pure functions: a page snapshot's class and its refcount
 * histogram bucket. Inline, because the walk calls them for every page;
 * the KUnit suites include this header and test the same code.
 */
#ifndef _NICMEM_CENSUS_H
#define _NICMEM_CENSUS_H

#include <linux/bitops.h>
#include <linux/minmax.h>
#include "nicmem.h"

/**
 * nicmem_classify() - the census class of one page snapshot
 * @s: the snapshot
 * @threshold: refcount from which an unmapped, mapping-less, non-LRU,
 *	non-slab page has the pinned signature
 *
 * The seed analyses found the RX pages by exactly this: _refcount near
 * 0xffff, mapping NULL, _mapcount -1, off the LRU. The order of the tests
 * matters: the first match wins, so each page lands in one class.
 */
static inline enum nicmem_class
nicmem_classify(const struct nicmem_page_snap *s, unsigned int threshold)
{
	if (s->buddy)
		return NICMEM_FREE;
	if (s->hugetlb)
		return NICMEM_HUGETLB;
	if (s->reserved)
		return NICMEM_RESERVED;
	if (s->slab)
		return NICMEM_SLAB;
	if (s->lru)
		return s->anon ? NICMEM_LRU_ANON : NICMEM_LRU_FILE;
	if (s->page_pool)
		return NICMEM_PAGE_POOL;
	if (s->typed)
		return NICMEM_KERNEL;
	if (s->refcount <= 0)
		return NICMEM_FREE_PCP;
	if (s->mapped || s->has_mapping)
		return NICMEM_OTHER;
	if ((unsigned int)s->refcount >= threshold)
		return NICMEM_PINNED;
	return NICMEM_KERNEL;
}

/* Whether a page is in the refcount histogram's population. */
static inline bool nicmem_hist_counts(const struct nicmem_page_snap *s)
{
	return !s->buddy && !s->hugetlb && !s->reserved && !s->slab &&
	       !s->lru && !s->page_pool && !s->typed && !s->mapped &&
	       !s->has_mapping && s->refcount > 0;
}

static inline unsigned int nicmem_hist_bucket(int refcount)
{
	if (refcount <= 0)
		return 0;
	return min_t(unsigned int, fls(refcount), NICMEM_HIST_BUCKETS - 1);
}

#endif /* _NICMEM_CENSUS_H */
