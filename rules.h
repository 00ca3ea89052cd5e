/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The census's one definition: its classes, their order, the rules that
 * put a page snapshot in one, the histogram's population and buckets and
 * the pinned signature's threshold. The module expands it (snap.h,
 * census.h, census.c); scripts/vmcore-defs.c compiles the same expansion
 * into scripts/nicmem-vmcore's census table, so a vmcore's pages are
 * classified by this very file; tests/vmcore/rules-drift checks that the
 * two agree on every snapshot.
 *
 * Include it with the list macro you want defined; it expands that list
 * and undefines the macro (no include guard around the lists):
 *
 * NICMEM_CLASS(id, name)	every class, in output order (enum nicmem_class)
 * NICMEM_RULE(id, cond)	classification, first match wins; @cond is a
 *				C boolean over the snapshot @s and @threshold
 *				using only s->field, integers, comparisons,
 *				!, &&, || and (unsigned int)
 * NICMEM_HIST_RULE(cond)	whether a page is in the refcount histogram
 * NICMEM_SNAP_FLAG(f)		every bool member f of struct nicmem_page_snap
 *				(snap.h), the snapshot's flags the rules test
 */
#ifndef _NICMEM_RULES_CONST
#define _NICMEM_RULES_CONST

/* the pinned signature's refcount threshold: default, and the range */
#define NICMEM_THRESHOLD_DEFAULT	1024
#define NICMEM_THRESHOLD_MIN		64
#define NICMEM_THRESHOLD_MAX		16777216

/*
 * log2 buckets of the refcount histogram: bucket 0 holds refcount <= 0,
 * bucket b (1 .. NICMEM_HIST_BUCKETS - 2) holds [2^(b-1), 2^b - 1], the
 * last everything from 2^(NICMEM_HIST_BUCKETS - 2) up. With 19 buckets,
 * 0xffff is in bucket 16, 0x10000 in 17 and the last starts at 0x20000.
 */
#define NICMEM_HIST_BUCKETS		19

/*
 * The summary's severity: the NIC RX rings' share of the memory outside
 * hugepages (MemTotal - hugetlb pages; what the kernel and everything
 * else live in) above which it says WARN and CRIT: the defaults of the
 * severity_pct parameter ("warn,crit", 1 <= warn < crit <= 100), the
 * shipped alert rules' NicmemNicRxShareHigh thresholds (tests/alerts
 * checks they agree).
 */
#define NICMEM_SEVERITY_WARN_PCT	20
#define NICMEM_SEVERITY_CRIT_PCT	40

#endif /* _NICMEM_RULES_CONST */

#ifdef NICMEM_CLASS
NICMEM_CLASS(NICMEM_FREE,	"free")		/* buddy allocator (MemFree) */
NICMEM_CLASS(NICMEM_FREE_PCP,	"free_pcp")	/* refcount 0, not buddy */
NICMEM_CLASS(NICMEM_LRU_ANON,	"lru_anon")	/* on an LRU, anonymous */
NICMEM_CLASS(NICMEM_LRU_FILE,	"lru_file")	/* on an LRU, file or shmem */
NICMEM_CLASS(NICMEM_SLAB,	"slab")		/* slab backing pages */
NICMEM_CLASS(NICMEM_PAGE_POOL,	"page_pool")	/* pp_magic (5.14+) */
NICMEM_CLASS(NICMEM_HUGETLB,	"hugetlb")	/* hugetlbfs, free or used */
NICMEM_CLASS(NICMEM_RESERVED,	"reserved")	/* memmap, firmware, holes, KFENCE */
NICMEM_CLASS(NICMEM_PINNED,	"pinned")	/* the seeds' signature */
NICMEM_CLASS(NICMEM_KERNEL,	"kernel")	/* other unmapped kernel pages */
NICMEM_CLASS(NICMEM_OTHER,	"other")	/* mapped or mapping, off LRU */
#undef NICMEM_CLASS
#endif

/*
 * The seed analyses found the RX pages by exactly this: _refcount near
 * 0xffff, mapping NULL, _mapcount -1, off the LRU. First match wins, so
 * each page lands in one class; the last rule always matches.
 */
#ifdef NICMEM_RULE
NICMEM_RULE(NICMEM_FREE,	s->buddy)
NICMEM_RULE(NICMEM_HUGETLB,	s->hugetlb)
NICMEM_RULE(NICMEM_RESERVED,	s->reserved)
NICMEM_RULE(NICMEM_SLAB,	s->slab)
NICMEM_RULE(NICMEM_LRU_ANON,	s->lru && s->anon)
NICMEM_RULE(NICMEM_LRU_FILE,	s->lru)
NICMEM_RULE(NICMEM_PAGE_POOL,	s->page_pool)
NICMEM_RULE(NICMEM_KERNEL,	s->typed)
NICMEM_RULE(NICMEM_FREE_PCP,	s->refcount <= 0)
NICMEM_RULE(NICMEM_OTHER,	s->mapped || s->has_mapping)
NICMEM_RULE(NICMEM_PINNED,	(unsigned int)s->refcount >= threshold)
NICMEM_RULE(NICMEM_KERNEL,	1)
#undef NICMEM_RULE
#endif

/* unmapped, mapping-less, non-LRU, non-slab kernel pages with a reference */
#ifdef NICMEM_HIST_RULE
NICMEM_HIST_RULE(!s->buddy && !s->hugetlb && !s->reserved && !s->slab &&
		 !s->lru && !s->page_pool && !s->typed && !s->mapped &&
		 !s->has_mapping && s->refcount > 0)
#undef NICMEM_HIST_RULE
#endif

#ifdef NICMEM_SNAP_FLAG
NICMEM_SNAP_FLAG(buddy)
NICMEM_SNAP_FLAG(reserved)
NICMEM_SNAP_FLAG(hugetlb)
NICMEM_SNAP_FLAG(slab)
NICMEM_SNAP_FLAG(lru)
NICMEM_SNAP_FLAG(anon)
NICMEM_SNAP_FLAG(page_pool)
NICMEM_SNAP_FLAG(typed)
NICMEM_SNAP_FLAG(mapped)
NICMEM_SNAP_FLAG(has_mapping)
#undef NICMEM_SNAP_FLAG
#endif
