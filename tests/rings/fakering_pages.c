// SPDX-License-Identifier: GPL-2.0
/*
 * Filling and draining a look-alike's rings exactly as ixgbe, i40e and igb
 * do (dev_alloc_pages(), page_ref_add(USHRT_MAX - 1), pagecnt_bias =
 * USHRT_MAX; __page_frag_cache_drain() on the way out), a deterministic
 * "traffic" pattern on top, and the figures that pattern must produce:
 * the oracle for nicmem's ring walks (VM tests and KUnit).
 */
#include <linux/mm.h>
#include <linux/skbuff.h>
#include "fakering.h"

static unsigned int bucket(long v)
{
	return v <= 0 ? 0 : min_t(unsigned int, fls(v), FAKERING_HIST - 1);
}

/* "traffic" on descriptor i: d packets took references from the bias,
 * f of those skbs were freed since; a few pages are drained deep
 */
static void traffic(unsigned int q, unsigned int i, u16 *d, u16 *f)
{
	if (i % 50 == 3) {
		*d = 65000;
		*f = 64990;
	} else {
		*d = (i * 37 + q * 11) % 200;
		*f = *d / 2;
	}
}

/* every 10th descriptor has no page (taken for an skb, not refilled) */
static bool has_page(unsigned int i)
{
	return i % 10 != 9;
}

void fakering_drain(struct fr_dev *fd)
{
	unsigned int q, i;

	for (q = 0; q < fd->ops->queues(fd->dev); q++) {
		for (i = 0; i < fd->ops->count(fd->dev, q); i++) {
			struct page **slot = fd->ops->slot_page(fd->dev, q, i);
			u16 bias = *fd->ops->slot_bias(fd->dev, q, i);
			u16 d, f;

			if (!*slot)
				continue;
			traffic(q, i, &d, &f);
			/* the skbs still in flight are freed, then the ring's
			 * bias goes, as __page_frag_cache_drain() does
			 */
			page_ref_sub(*slot, d - f);
			__page_frag_cache_drain(*slot, bias);
			*slot = NULL;
		}
	}
	fd->ops->destroy(fd->dev);
}

int fakering_fill(struct fr_dev *fd, unsigned int nq, unsigned int count)
{
	unsigned int q, i;
	int ret = fd->ops->build(fd->dev, nq, count, fd->order);

	if (ret)
		return ret;
	for (q = 0; q < nq; q++) {
		for (i = 0; i < count; i++) {
			struct page *page;
			u16 d, f;

			if (!has_page(i))
				continue;
			if (fd->page_node == NUMA_NO_NODE)
				page = dev_alloc_pages(fd->order);
			else	/* as dev_alloc_pages(), from one node */
				page = alloc_pages_node(fd->page_node,
							GFP_ATOMIC | __GFP_NOWARN |
							__GFP_COMP | __GFP_MEMALLOC |
							__GFP_THISNODE, fd->order);
			if (!page)
				return -ENOMEM;
			page_ref_add(page, USHRT_MAX - 1);
			traffic(q, i, &d, &f);
			page_ref_sub(page, f);
			*fd->ops->slot_page(fd->dev, q, i) = page;
			*fd->ops->slot_bias(fd->dev, q, i) = USHRT_MAX - d;
		}
	}
	return 0;
}

/* one queue's figures; @bias_h, @out_h and @drain_h (the interface's)
 * accumulate over calls, in base pages like nicmem's
 */
void fakering_expect(const struct fr_dev *fd, unsigned int q,
		     unsigned int threshold, struct fakering_q *e,
		     u64 *bias_h, u64 *out_h, u64 *drain_h)
{
	u64 pages = 1ULL << fd->order;
	unsigned int i;

	memset(e, 0, sizeof(*e));
	e->descs = fd->ops->count(fd->dev, q);
	for (i = 0; i < e->descs; i++) {
		u16 d, f;

		if (!has_page(i))
			continue;
		traffic(q, i, &d, &f);
		e->with_page++;
		e->pages += pages;
		if (fd->remote)
			e->remote += pages;
		if (USHRT_MAX - f >= threshold)
			e->pinned += pages;
		bias_h[bucket(USHRT_MAX - d)] += pages;
		out_h[bucket(d - f)] += pages;
		/* the d packets took d of the bias */
		e->drain_h[bucket(d)] += pages;
		drain_h[bucket(d)] += pages;
	}
}
