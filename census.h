/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The census's pure functions: a page snapshot's class and its refcount
 * histogram bucket. Inline, because the walk calls them for every page;
 * the KUnit suites include this header and test the same code.
 */
#ifndef _NICMEM_CENSUS_H
#define _NICMEM_CENSUS_H

#include <linux/bitops.h>
#include <linux/kernel.h>	/* min_t(), on every kernel (minmax.h: 5.10+) */
#include "snap.h"

/* Unroll the loop that follows completely (a compiler hint, no semantics) */
#if defined(__clang__)
#define NICMEM_UNROLL	_Pragma("unroll")
#elif defined(__GNUC__) && __GNUC__ >= 8
#define NICMEM_UNROLL	_Pragma("GCC unroll 32")
#else
#define NICMEM_UNROLL
#endif

/**
 * nicmem_classify() - the census class of one page snapshot
 * @s: the snapshot
 * @threshold: refcount from which an unmapped, mapping-less, non-LRU,
 *	non-slab page has the pinned signature
 *
 * The rules and their order are rules.h's NICMEM_RULE list (which
 * scripts/nicmem-vmcore applies through nicmem_census_entry()'s table,
 * compiled by scripts/vmcore-defs.c): the first rule that matches gives
 * the class (none matching gives the last rule's). Every rule is a pure
 * test of the snapshot, so all are evaluated and the first true one taken;
 * the loop is unrolled into one chain of tests in the rules' order, which
 * the compiler can keep in registers (the census runs it for every page).
 */
static inline enum nicmem_class
nicmem_classify(const struct nicmem_page_snap *s, unsigned int threshold)
{
	const bool match[] = {
#define NICMEM_RULE(id, cond)	(cond),
#include "rules.h"
	};
	static const enum nicmem_class cls[] = {
#define NICMEM_RULE(id, cond)	id,
#include "rules.h"
	};
	unsigned int i;

	NICMEM_UNROLL
	for (i = 0; i < ARRAY_SIZE(match); i++)
		if (match[i])
			return cls[i];
	return cls[ARRAY_SIZE(cls) - 1];	/* the last rule always matches */
}

/* Whether a page is in the refcount histogram's population (rules.h). */
static inline bool nicmem_hist_counts(const struct nicmem_page_snap *s)
{
	return
#define NICMEM_HIST_RULE(cond)	(cond)
#include "rules.h"
	;
}

/*
 * The census's hot path: a snapshot's flags as bits of one word
 * (NICMEM_SB(f) for the member f), which stays in a register, and two
 * more bits for the two facts about the refcount the rules test: <= 0,
 * and (unsigned int) >= the threshold. Such a key decides the class and
 * the histogram's membership, so the census looks both up in a table that
 * nicmem_census_entry() builds from nicmem_classify() and
 * nicmem_hist_counts() themselves: the rules stay the one definition, and
 * the walk takes no branch on them. A rule testing the refcount any other
 * way needs a key bit for it: tests/vmcore/rules-drift compares the table
 * with the rules over refcounts and thresholds around every edge.
 */
enum {
#define NICMEM_SNAP_FLAG(f)	NICMEM_SB_##f,
#include "rules.h"
	NICMEM_SB_NONPOS,	/* refcount <= 0 */
	NICMEM_SB_OVER,		/* (unsigned int)refcount >= threshold */
	NICMEM_SB_KEY_BITS
};

#define NICMEM_SB(f)		BIT(NICMEM_SB_##f)
#define NICMEM_CENSUS_KEYS	BIT(NICMEM_SB_KEY_BITS)
#define NICMEM_ENTRY_HIST	0x80	/* in a table entry: in the histogram */
#define NICMEM_ENTRY_CLASS	0x7f	/* in a table entry: the class */

static inline unsigned int nicmem_census_key(unsigned int bits, int refcount,
					     unsigned int threshold)
{
	return bits | (unsigned int)(refcount <= 0) << NICMEM_SB_NONPOS |
	       (unsigned int)((unsigned int)refcount >= threshold) << NICMEM_SB_OVER;
}

/* The snapshot's bool members from the bits */
static inline void nicmem_snap_set_flags(struct nicmem_page_snap *s,
					 unsigned int bits)
{
#define NICMEM_SNAP_FLAG(f)	(s->f = (bits >> NICMEM_SB_##f) & 1),
#include "rules.h"
	(void)0;
}

/*
 * The table entry of @key: the class nicmem_classify() gives a snapshot
 * with its flags and a refcount with its two facts (0, -1, the threshold
 * or 1 under a threshold of NICMEM_THRESHOLD_MIN), NICMEM_ENTRY_HIST when
 * nicmem_hist_counts() counts it.
 */
static inline unsigned char nicmem_census_entry(unsigned int key)
{
	struct nicmem_page_snap s = { 0 };
	bool nonpos = key & (1U << NICMEM_SB_NONPOS);
	bool over = key & (1U << NICMEM_SB_OVER);
	unsigned char e;

	nicmem_snap_set_flags(&s, key);
	s.refcount = nonpos ? (over ? -1 : 0) : (over ? NICMEM_THRESHOLD_MIN : 1);
	e = nicmem_classify(&s, NICMEM_THRESHOLD_MIN);
	if (nicmem_hist_counts(&s))
		e |= NICMEM_ENTRY_HIST;
	return e;
}

static inline unsigned int nicmem_hist_bucket(int refcount)
{
	if (refcount <= 0)
		return 0;
	return min_t(unsigned int, fls(refcount), NICMEM_HIST_BUCKETS - 1);
}

/*
 * The bucket of what a driver has consumed of a page's bias: @refill (the
 * bias the driver restocks a page with, its bias_ring table's) minus the
 * @bias the ring holds now, bucketed as the refcount histogram. A bias
 * above the refill value (not the driver's scheme) counts as 0 drained.
 */
static inline unsigned int nicmem_drain_bucket(unsigned int refill,
					       unsigned int bias)
{
	unsigned int drained = bias >= refill ? 0 : refill - bias;

	return nicmem_hist_bucket(min_t(unsigned int, drained, 0x7fffffff));
}

#endif /* _NICMEM_CENSUS_H */
