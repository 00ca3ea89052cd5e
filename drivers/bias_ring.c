// SPDX-License-Identifier: GPL-2.0
/*
 * The exact walk of a pagecnt_bias driver's RX rings (ixgbe, i40e, igb):
 * every descriptor's page, its order, node and refcount, and the bias the
 * ring still holds on it, reached through member offsets resolved at run
 * time (layout.c). Every read of driver memory is nofault; every pointer
 * is checked before use (back-pointers to the net_device, counts against
 * the array bounds and ethtool's ring size, page pointers against the
 * memmap). Called with rtnl held, which keeps the rings from being
 * reallocated (ifdown/up, ethtool -G/-L, XDP take rtnl), one queue at a
 * time; NAPI still changes the buffers under us, so every value is a
 * sample, read once.
 * No reference is taken on any page.
 */
#include <linux/mm.h>
#include <linux/memory_hotplug.h>
#include <linux/netdevice.h>
#include <linux/prefetch.h>
#include <linux/rtnetlink.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include "adaptor.h"
#include "../census.h"
#include "../compat.h"
#include "../nofault.h"

#define NICMEM_CHUNK		4096	/* bytes of buffer array per read */

struct nicmem_walk {
	struct nicmem_iface *ifi;
	const struct nicmem_layout *l;
	const struct nicmem_bias_ring *br;
	u8 *chunk;
	u8 reg_state;		/* at the start: a change means unregister */
};

static u32 fo(const struct nicmem_walk *w, int f)
{
	return w->l->f[f].offset;
}

static u32 fs(const struct nicmem_walk *w, int f)
{
	return w->l->f[f].size;
}

/* An unsigned member of 1, 2, 4 or 8 bytes at @base + its offset. */
static int read_uint(const struct nicmem_walk *w, unsigned long base, int f,
		     u64 *v)
{
	return nicmem_read_uint(base + fo(w, f), fs(w, f), v);
}

/*
 * A pointer at @addr: RAM only, even where the layout put it (a layout is
 * checked against the objects, never trusted to stay inside them).
 */
static int read_ptr(unsigned long addr, unsigned long *v)
{
	return nicmem_read_ram(v, addr, sizeof(*v));
}

/*
 * A descriptor's page pointer and bias, from the walk's copy of the ring
 * at a layout's offset (no alignment assumed). __builtin_memcpy: a plain
 * load on every arch, also where the kernel builds with -fno-builtin (UML).
 */
static __always_inline unsigned long ld_ptr(const u8 *src)
{
	unsigned long v;

	__builtin_memcpy(&v, src, sizeof(v));
	return v;
}

static __always_inline u16 ld_u16(const u8 *src)
{
	u16 v;

	__builtin_memcpy(&v, src, sizeof(v));
	return v;
}

/* descriptors ahead whose struct page the ring walk prefetches */
#define NICMEM_RING_PREFETCH	8

/* One ring: every descriptor of @count at @buffers. */
static int walk_buffers(struct nicmem_walk *w, struct nicmem_rxq *q,
			unsigned int qi, unsigned long buffers, u32 count)
{
	const struct nicmem_bias_ring *br = w->br;
	struct nicmem_iface *ifi = w->ifi;
	u32 stride = fs(w, br->buf_size), per = NICMEM_CHUNK / stride;
	u64 pages = 1ULL << q->order;	/* base pages per buffer */
	/* the queue's counters stay in registers, stored once per chunk */
	u32 with, remote, pinned;
	u32 i = 0, j, n;
	int ret = 0;

	while (i < count) {
		n = min(per, count - i);
		if (nicmem_read_ram(w->chunk, buffers + (unsigned long)i * stride,
				    (size_t)n * stride))
			return nicmem_decline(ifi, -EFAULT, "unreadable_buffers_q%u", qi);
		with = 0;
		remote = 0;
		pinned = 0;
		for (j = 0; j < n; j++) {
			const u8 *e = w->chunk + j * stride;
			enum nicmem_class cls;
			unsigned long p;
			struct page *page;
			unsigned int b;
			u16 bias;
			int refs;

			/* the struct page a few descriptors on: its cache line
			 * is on its way while this one is counted (a prefetch
			 * never faults, whatever the address)
			 */
			if (j + NICMEM_RING_PREFETCH < n)
				prefetch((const void *)ld_ptr(e + NICMEM_RING_PREFETCH * stride +
							      fo(w, br->buf_page)));
			p = ld_ptr(e + fo(w, br->buf_page));
			if (!p)
				continue;
			page = nicmem_valid_page(p);
			if (!page) {
				ret = nicmem_decline(ifi, -EINVAL, "bad_page_q%u_d%u",
						     qi, i + j);
				break;
			}
			bias = ld_u16(e + fo(w, br->buf_bias));
			cls = nicmem_page_class(page, ifi->threshold, &refs);
			with++;
			if (ifi->numa_node != NUMA_NO_NODE &&
			    page_to_nid(page) != ifi->numa_node)
				remote++;
			if (cls == NICMEM_PINNED)
				pinned++;
			/* every histogram counts base pages, as the queues do */
			ifi->bias_hist[nicmem_hist_bucket(bias)] += pages;
			refs -= bias;
			ifi->refs_hist[nicmem_hist_bucket(refs)] += pages;
			b = nicmem_drain_bucket(br->refill, bias);
			q->drain_hist[b] += pages;
			ifi->drain_hist[b] += pages;
		}
		q->with_page += with;
		q->pages += with * pages;
		q->remote += remote * pages;
		q->pinned += pinned * pages;
		if (ret)
			return ret;
		i += n;
		cond_resched();
	}
	return 0;
}

static int walk_ring(struct nicmem_walk *w, unsigned int qi, unsigned long ring)
{
	const struct nicmem_bias_ring *br = w->br;
	struct nicmem_iface *ifi = w->ifi;
	struct nicmem_rxq *q = &ifi->rxq[qi];
	unsigned long back, buffers, xsk = 0;
	u64 count, ord;

	if (!ring)
		return nicmem_decline(ifi, -EINVAL, "no_ring_q%u", qi);
	if (!nicmem_ram(ring, (size_t)fo(w, br->ring_count) + fs(w, br->ring_count)))
		return nicmem_decline(ifi, -EINVAL, "ring_not_in_ram_q%u", qi);
	if (read_ptr(ring + fo(w, br->ring_netdev), &back) ||
	    back != (unsigned long)ifi->dev)
		return nicmem_decline(ifi, -EINVAL, "ring_netdev_mismatch_q%u", qi);
	if (read_uint(w, ring, br->ring_count, &count) ||
	    count < NICMEM_RING_MIN || count > NICMEM_RING_MAX)
		return nicmem_decline(ifi, -EINVAL, "ring_count_out_of_range_q%u", qi);
	if (ifi->ring_cur && count != ifi->ring_cur)
		return nicmem_decline(ifi, -EINVAL, "ring_count_%llu_not_ethtool_%u_q%u",
				      count, ifi->ring_cur, qi);
	q->descs = count;
	if (br->ring_xsk_pool >= 0 && !w->l->f[br->ring_xsk_pool].err &&
	    read_ptr(ring + fo(w, br->ring_xsk_pool), &xsk))
		return nicmem_decline(ifi, -EFAULT, "unreadable_ring_q%u", qi);
	if (xsk) {
		q->zerocopy = true;	/* AF_XDP: the buffers are not pages */
		return 0;
	}
	if (read_uint(w, ring, br->order, &ord))
		return nicmem_decline(ifi, -EFAULT, "unreadable_ring_q%u", qi);
	if (PAGE_SIZE < 8192)
		q->order = br->order_how == NICMEM_ORDER_BIT0 ? ord & 1 :
			   ord > PAGE_SIZE / 2;
	if (read_ptr(ring + fo(w, br->ring_buffers), &buffers) || !buffers)
		return nicmem_decline(ifi, -EINVAL, "no_buffers_q%u", qi);
	return walk_buffers(w, q, qi, buffers, count);
}

/* Does @ring look like one of this interface's RX rings? Its back-pointer,
 * its count (ethtool's), and the first descriptors: at least one valid
 * page and nothing that is not one (a TX ring holds skbs there).
 */
static bool nicmem_rx_ring_like(struct nicmem_walk *w, unsigned long ring)
{
	const struct nicmem_bias_ring *br = w->br;
	u32 stride = fs(w, br->buf_size), n, j, pages = 0;
	unsigned long back, buffers;
	u64 count;

	if (!nicmem_ram(ring, (size_t)fo(w, br->ring_count) + fs(w, br->ring_count)) ||
	    read_ptr(ring + fo(w, br->ring_netdev), &back) ||
	    back != (unsigned long)w->ifi->dev ||
	    read_uint(w, ring, br->ring_count, &count) ||
	    count < NICMEM_RING_MIN || count > NICMEM_RING_MAX ||
	    (w->ifi->ring_cur && count != w->ifi->ring_cur) ||
	    read_ptr(ring + fo(w, br->ring_buffers), &buffers))
		return false;
	n = min_t(u32, count, NICMEM_CHUNK / stride);
	if (nicmem_read_ram(w->chunk, buffers, (size_t)n * stride))
		return false;
	for (j = 0; j < n; j++) {
		unsigned long p;

		memcpy(&p, w->chunk + j * stride + fo(w, br->buf_page), sizeof(p));
		if (!p)
			continue;
		if (!nicmem_valid_page(p))
			return false;
		pages++;
	}
	return pages > 0;
}

/*
 * The recognised layout does not know where the root keeps its rings:
 * search the first @span bytes of it for @nq consecutive pointers to
 * this interface's RX rings, held inline or, with @indirect, in an array
 * a pointer of the root points to (i40e's vsi->rx_rings). Only RAM is
 * read, and a candidate is accepted only when every ring points back at
 * the net_device.
 */
static unsigned long nicmem_find_rings(struct nicmem_walk *w,
				       unsigned long root, u64 nq, u32 span,
				       bool indirect)
{
	unsigned long o, q, ring, arr;

	for (o = 0; o + (indirect ? 1 : nq) * sizeof(void *) <= span;
	     o += sizeof(void *)) {
		arr = root + o;
		if (indirect &&
		    (read_ptr(arr, &arr) || !arr || arr % sizeof(void *)))
			continue;
		for (q = 0; q < nq; q++) {
			if (read_ptr(arr + q * sizeof(void *), &ring) || !ring ||
			    !nicmem_rx_ring_like(w, ring))
				break;
		}
		if (q == nq)
			return arr;
	}
	return 0;
}

/* After rtnl was dropped between queues: same device, root, ring array
 * and queue count, or the walk declines (the next read starts afresh).
 */
static int nicmem_bias_ring_recheck(const struct nicmem_walk *w,
				    unsigned long root, unsigned long base,
				    u64 nq)
{
	const struct nicmem_bias_ring *br = w->br;
	struct nicmem_iface *ifi = w->ifi;
	unsigned long now = (unsigned long)netdev_priv(ifi->dev), back, b2;
	u64 nq2;

	if (nicmem_dev_reg_state(ifi->dev) != w->reg_state)
		return nicmem_decline(ifi, -EAGAIN, "unregistered_during_walk");
	if (w->l->search)	/* the rings were found on the device itself */
		return READ_ONCE(ifi->dev->real_num_rx_queues) == nq ? 0 :
		       nicmem_decline(ifi, -EAGAIN, "changed_during_walk");
	if (br->priv_root >= 0 && read_ptr(now + fo(w, br->priv_root), &now))
		return nicmem_decline(ifi, -EAGAIN, "changed_during_walk");
	if (now != root || read_ptr(root + fo(w, br->root_netdev), &back) ||
	    back != (unsigned long)ifi->dev || read_uint(w, root, br->nq, &nq2) ||
	    nq2 != nq)
		return nicmem_decline(ifi, -EAGAIN, "changed_during_walk");
	if (br->rings_indirect &&
	    (read_ptr(root + fo(w, br->rings), &b2) || b2 != base))
		return nicmem_decline(ifi, -EAGAIN, "changed_during_walk");
	return 0;
}

/**
 * nicmem_bias_ring_walk_rx() - the walk_rx op of a pagecnt_bias adaptor
 * @ifi: as for nicmem_bias_ring_walk(); its layout's adaptor has the table
 *
 * Return: as nicmem_bias_ring_walk().
 */
int nicmem_bias_ring_walk_rx(struct nicmem_iface *ifi)
{
	/* without a layout, the walk declines before it reads the table */
	return nicmem_bias_ring_walk(ifi, ifi->layout ?
				     ifi->layout->ad->bias_ring : NULL);
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_bias_ring_walk_rx);

/**
 * nicmem_bias_ring_walk() - count a pagecnt_bias driver's ring pages
 * @ifi: the interface (rtnl held, reference on @ifi->dev, layout set)
 * @br: where the driver keeps its rings, as field indices
 *
 * Drops and retakes rtnl between queues, so no single hold covers more
 * than one ring; returns with rtnl held, as it was called.
 *
 * Return: 0 with the per-queue figures, totals and histograms filled, or a
 * negative errno with the reason in @ifi->note.
 */
int nicmem_bias_ring_walk(struct nicmem_iface *ifi,
			  const struct nicmem_bias_ring *br)
{
	struct nicmem_walk w = {
		.ifi = ifi, .l = ifi->layout, .br = br,
		.reg_state = nicmem_dev_reg_state(ifi->dev),
	};
	unsigned long root = (unsigned long)netdev_priv(ifi->dev), back, base;
	unsigned int qi, order = 0;
	u64 nq, cap, pages;
	int ret;

	if (!w.l)
		return nicmem_decline(ifi, -ENOENT, "no_layout");
	if (w.l->err)
		return nicmem_decline(ifi, -ENOENT, "%s", w.l->source);
	if (!fs(&w, br->buf_size) || fs(&w, br->buf_size) > NICMEM_MAX_STRIDE ||
	    fs(&w, br->buf_page) != sizeof(void *) || fs(&w, br->buf_bias) != 2 ||
	    (u64)fo(&w, br->buf_page) + sizeof(void *) > fs(&w, br->buf_size) ||
	    (u64)fo(&w, br->buf_bias) + sizeof(u16) > fs(&w, br->buf_size))
		return nicmem_decline(ifi, -EINVAL, "implausible_buffer_layout");
	/* a search needs the adaptor's recognised span (layout.c sets it) */
	if (w.l->search && !w.l->ad->recognised)
		return nicmem_decline(ifi, -EINVAL, "search_without_recognised_layout");
	w.chunk = kmalloc(NICMEM_CHUNK, GFP_KERNEL);
	if (!w.chunk)
		return nicmem_decline(ifi, -ENOMEM, "no_memory");
	if (w.l->search) {
		/* a root behind netdev_priv() only at a recognised offset */
		if (br->priv_root >= 0 &&
		    (fs(&w, br->priv_root) != sizeof(void *) ||
		     read_ptr(root + fo(&w, br->priv_root), &root) || !root))
			goto bad_root;
		nq = ifi->rx_queues;
		cap = NICMEM_MAX_RXQ;
		base = nq && nq <= NICMEM_MAX_RXQ ?
		       nicmem_find_rings(&w, root, nq,
					 w.l->ad->recognised->span,
					 br->rings_indirect) : 0;
		if (!base) {
			kfree(w.chunk);
			return nicmem_decline(ifi, -ENOENT, "recognised_no_ring_array_found");
		}
		goto walk;
	}
	if (br->priv_root >= 0 && (read_ptr(root + fo(&w, br->priv_root), &root) ||
				   !root))
		goto bad_root;
	if (read_ptr(root + fo(&w, br->root_netdev), &back) ||
	    back != (unsigned long)ifi->dev) {
		ret = nicmem_decline(ifi, -EINVAL, "root_netdev_mismatch");
		goto out;
	}
	if (read_uint(&w, root, br->nq, &nq)) {
		ret = nicmem_decline(ifi, -EFAULT, "unreadable_queue_count");
		goto out;
	}
	if (br->rings_indirect) {
		cap = NICMEM_MAX_RXQ;
		if (read_ptr(root + fo(&w, br->rings), &base) || !base ||
		    (br->rings_max >= 0 && read_uint(&w, root, br->rings_max, &cap))) {
			ret = nicmem_decline(ifi, -EINVAL, "no_ring_array");
			goto out;
		}
	} else {
		base = root + fo(&w, br->rings);
		cap = fs(&w, br->rings) / sizeof(void *);
	}
	if (!nq || nq > cap || nq > NICMEM_MAX_RXQ ||
	    !nicmem_ram(base, nq * sizeof(void *))) {
		ret = nicmem_decline(ifi, -EINVAL, "queues_%llu_out_of_range", nq);
		goto out;
	}
walk:
	ifi->rxq = kvcalloc(nq, sizeof(*ifi->rxq), GFP_KERNEL);
	if (!ifi->rxq) {
		ret = nicmem_decline(ifi, -ENOMEM, "no_memory");
		goto out;
	}
	ifi->nr_rxq = nq;
	for (qi = 0; qi < nq; qi++) {
		unsigned long ring;

		if (qi) {
			/* rtnl is held one queue at a time: let ethtool, ifup
			 * and the rest in, then check nothing moved
			 */
			rtnl_unlock();
			cond_resched();
			rtnl_lock();
			ret = nicmem_bias_ring_recheck(&w, root, base, nq);
			if (ret)
				goto out;
		}
		if (read_ptr(base + qi * sizeof(void *), &ring)) {
			ret = nicmem_decline(ifi, -EFAULT, "unreadable_ring_array");
			goto out;
		}
		ret = walk_ring(&w, qi, ring);
		if (ret)
			goto out;
	}
	for (pages = 0, qi = 0; qi < nq; qi++) {
		pages += ifi->rxq[qi].pages;
		order = max(order, ifi->rxq[qi].order);
	}
	nicmem_iface_set_rx(ifi, pages, order, PAGE_SIZE);
	ifi->biased = true;
	scnprintf(ifi->note, sizeof(ifi->note), "walked_%s_layout",
		  w.l->source);
out:
	kfree(w.chunk);
	return ret;
bad_root:
	kfree(w.chunk);
	return nicmem_decline(ifi, -EINVAL, "no_root_object");
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_bias_ring_walk);
