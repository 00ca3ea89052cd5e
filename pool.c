// SPDX-License-Identifier: GPL-2.0
/*
 * page_pool pages, by pool and by interface. The census hands every page
 * with pp_magic (5.14+) to nicmem_pool_count(), which keys it by its pool
 * (page->pp). The first page of a pool reads the pool itself, once and
 * nofault, from RAM only: order, size, device and its node, the hold and
 * release counters. After the interface walk, nicmem_pools_attribute()
 * gives each pool its interface: the adaptor's own queue table (mlx5),
 * else the pool's net_device (6.8+), else the net_device(s) whose parent
 * is the pool's DMA device; more than one is reported as ambiguous, not
 * guessed.
 *
 * A pool stays alive while any of its pages is out (page_pool_release()
 * waits for them), so a pointer read from a page with the signature is a
 * live pool, short of a torn read; the checks below are for that.
 */
#include <linux/device.h>
#include <linux/hash.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include "nicmem.h"
#include "census.h"
#include "compat.h"
#include "nofault.h"

#define NICMEM_POOL_BITS	ilog2(NICMEM_POOL_SLOTS)

int nicmem_pools_init(struct nicmem_pools *ps)
{
	memset(ps, 0, sizeof(*ps));
	ps->pool = kvcalloc(NICMEM_POOL_SLOTS, sizeof(*ps->pool), GFP_KERNEL);
	return ps->pool ? 0 : -ENOMEM;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_pools_init);

void nicmem_pools_free(struct nicmem_pools *ps)
{
	kvfree(ps->pool);
	ps->pool = NULL;
	ps->nr = 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_pools_free);

#if NICMEM_HAVE_PP
/* Entries in a ptr_ring, from its indices; a sample. */
static u32 nicmem_ring_entries(const struct ptr_ring *r)
{
	unsigned long slot;
	void *entry;
	int n;

	if (r->size <= 0 || r->size > NICMEM_PP_MAX_SIZE ||
	    r->producer < 0 || r->producer >= r->size ||
	    r->consumer_head < 0 || r->consumer_head >= r->size)
		return 0;
	n = r->producer - r->consumer_head;
	if (n < 0)
		n += r->size;
	if (n)
		return n;
	/* equal indices: empty, or full when the producer's slot is taken */
	slot = (unsigned long)(r->queue + r->producer);
	if (nicmem_read_ram(&entry, slot, sizeof(entry)) || !entry)
		return 0;
	return r->size;
}

/* The pool's device's NUMA node, read nofault; NUMA_NO_NODE if unknown. */
static int nicmem_dev_node(unsigned long dev)
{
#ifdef CONFIG_NUMA
	int nid;

	if (!dev || nicmem_read_ram(&nid, dev + offsetof(struct device, numa_node),
				    sizeof(nid)))
		return NUMA_NO_NODE;
	return nid >= 0 && nid < MAX_NUMNODES ? nid : NUMA_NO_NODE;
#else
	return NUMA_NO_NODE;
#endif
}

/* Fill what the pool itself says, from one nofault copy of it. */
static void nicmem_pool_read(struct nicmem_pool *p)
{
	struct page_pool *pool;

	p->err = -EFAULT;
	p->dev_node = NUMA_NO_NODE;
	if (p->key % sizeof(long))
		return;
	pool = kmalloc(sizeof(*pool), GFP_KERNEL);
	if (!pool) {
		p->err = -ENOMEM;
		return;
	}
	if (nicmem_read_ram(pool, p->key, sizeof(*pool)))
		goto out;
	if (pool->p.order > NICMEM_MAX_BUDDY_ORDER ||
	    pool->p.pool_size > NICMEM_PP_MAX_SIZE)
		goto out;
	p->err = 0;
	p->order = pool->p.order;
	p->pool_size = pool->p.pool_size;
	p->dev_key = (unsigned long)pool->p.dev;
	p->netdev_key = nicmem_pp_netdev(pool);
	p->id = nicmem_pp_id(pool);
	p->frag = nicmem_pp_frag(pool);
	p->inflight = READ_ONCE(pool->pages_state_hold_cnt) -
		      (u32)atomic_read(&pool->pages_state_release_cnt);
	p->cached = min_t(u32, pool->alloc.count, PP_ALLOC_CACHE_SIZE) +
		    nicmem_ring_entries(&pool->ring);
	p->dev_node = nicmem_dev_node(p->dev_key);
	if (p->dev_node == NUMA_NO_NODE && pool->p.nid >= 0 &&
	    pool->p.nid < MAX_NUMNODES)
		p->dev_node = pool->p.nid;
out:
	kfree(pool);
}
#else
static void nicmem_pool_read(struct nicmem_pool *p)
{
	p->err = -EOPNOTSUPP;
	p->dev_node = NUMA_NO_NODE;
}
#endif

/* The slot of @key: its own, or the empty one it would take. */
static struct nicmem_pool *nicmem_pool_slot(struct nicmem_pools *ps,
					    unsigned long key)
{
	unsigned int i = hash_long(key, NICMEM_POOL_BITS), n;

	if (ps->pool[ps->last].key == key)
		return &ps->pool[ps->last];
	for (n = 0; n < NICMEM_POOL_SLOTS; n++) {
		struct nicmem_pool *p = &ps->pool[i];

		if (p->key == key || !p->key) {
			ps->last = i;
			return p;
		}
		i = (i + 1) & (NICMEM_POOL_SLOTS - 1);
	}
	return NULL;	/* not reached: the table is never more than half full */
}

/**
 * nicmem_pool_count() - count one page_pool page (or compound) on its pool
 * @ps: the census's pools
 * @s: the page's snapshot, with @s->page_pool set
 * @nid: the node the page is on
 * @pages: base pages to count
 * @new_object: the head of an allocation (else a tail met on its own)
 */
void nicmem_pool_count(struct nicmem_pools *ps,
		       const struct nicmem_page_snap *s, int nid, u64 pages,
		       bool new_object)
{
	struct nicmem_pool *p;

	if (!s->pp || !ps->pool) {
		ps->unlisted_pages += pages;
		return;
	}
	p = nicmem_pool_slot(ps, s->pp);
	if (!p || (!p->key && ps->nr >= NICMEM_MAX_POOLS)) {
		ps->unlisted_pages += pages;
		return;
	}
	if (!p->key) {
		p->key = s->pp;
		p->iface = -1;
		p->queue = -1;
		p->dev_iface = -1;
		ps->nr++;
		nicmem_pool_read(p);
	}
	p->pages += pages;
	if (new_object)
		p->objects++;
	if (p->dev_node != NUMA_NO_NODE && nid != p->dev_node)
		p->remote += pages;
	if (p->frag)
		p->frag_hist[nicmem_hist_bucket(min_t(long, s->pp_frag,
						      INT_MAX))] += pages;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_pool_count);

static int nicmem_pool_cmp(const void *a, const void *b)
{
	const struct nicmem_pool *x = a, *y = b;
	/* attributed first, by interface and queue; then the rest */
	unsigned int xi = x->iface < 0 ? UINT_MAX : x->iface;
	unsigned int yi = y->iface < 0 ? UINT_MAX : y->iface;

	if (xi != yi)
		return xi < yi ? -1 : 1;
	if (x->queue != y->queue)
		return x->queue < y->queue ? -1 : 1;
	if (x->id != y->id)
		return x->id < y->id ? -1 : 1;
	if (x->pages != y->pages)
		return x->pages > y->pages ? -1 : 1;
	return 0;
}

/* The interface and queue an adaptor's walk tied @key to, if any. */
static bool nicmem_pool_by_adaptor(const struct nicmem_ifaces *ifs,
				   struct nicmem_pool *p)
{
	unsigned int i, q;

	for (i = 0; i < ifs->nr; i++) {
		const struct nicmem_iface *ifi = &ifs->if_[i];

		for (q = 0; q < ifi->nr_rxq; q++) {
			if (ifi->rxq[q].pool_key &&
			    ifi->rxq[q].pool_key == p->key) {
				p->iface = i;
				p->dev_iface = i;
				p->queue = q;
				p->how = "adaptor";
				return true;
			}
		}
	}
	return false;
}

static void nicmem_pool_find_iface(const struct nicmem_ifaces *ifs,
				   struct nicmem_pool *p)
{
	unsigned int i, n = 0;

	/* an adaptor knows its queues' pools by identity alone */
	if (nicmem_pool_by_adaptor(ifs, p))
		return;
	if (p->err) {
		p->how = "pool_unreadable";
		return;
	}
	if (p->netdev_key) {
		for (i = 0; i < ifs->nr; i++) {
			if (ifs->if_[i].dev_key == p->netdev_key) {
				p->iface = i;
				p->dev_iface = i;
				p->how = "pool_netdev";
				return;
			}
		}
		p->how = "netdev_not_listed";
		return;
	}
	if (!p->dev_key) {
		p->how = "no_device";
		return;
	}
	for (i = 0; i < ifs->nr; i++) {
		if (ifs->if_[i].parent_key == p->dev_key) {
			if (!n++)
				p->iface = i;
		}
	}
	p->dev_iface = n ? p->iface : -1;
	if (n == 1) {
		p->how = "parent_device";
	} else {
		p->iface = -1;
		p->how = n ? "ambiguous_parent_device" : "no_interface";
	}
}

/**
 * nicmem_pools_attribute() - give each pool its interface, sum per interface
 * @ps: the census's pools (the hash table is compacted and sorted here)
 * @ifs: the interfaces, walked; those with pools and no exact ring walk
 *	get their RX figure from their pools (source page_pool)
 */
void nicmem_pools_attribute(struct nicmem_pools *ps, struct nicmem_ifaces *ifs)
{
	unsigned int i, n = 0, b;

	if (!ps->pool)
		return;
	for (i = 0; i < NICMEM_POOL_SLOTS; i++) {
		if (!ps->pool[i].key)
			continue;
		if (n != i)
			ps->pool[n] = ps->pool[i];
		nicmem_pool_find_iface(ifs, &ps->pool[n]);
		n++;
	}
	if (n < NICMEM_POOL_SLOTS)
		memset(&ps->pool[n], 0, (NICMEM_POOL_SLOTS - n) * sizeof(*ps->pool));
	ps->nr = n;
	sort(ps->pool, n, sizeof(*ps->pool), nicmem_pool_cmp, NULL);

	for (i = 0; i < n; i++) {
		const struct nicmem_pool *p = &ps->pool[i];
		struct nicmem_iface *ifi;

		if (p->iface < 0)
			continue;
		ifi = &ifs->if_[p->iface];
		if (p->queue >= 0 && (unsigned int)p->queue < ifi->nr_rxq) {
			/* the adaptor's queue: its pages are its pool's */
			struct nicmem_rxq *r = &ifi->rxq[p->queue];

			r->pages += p->pages;
			r->remote += p->remote;
			r->order = p->order;
		}
		ifi->pp_pools++;
		ifi->pp_pages += p->pages;
		ifi->pp_inflight += p->inflight;
		ifi->pp_cached += p->cached;
		ifi->pp_remote += p->remote;
		for (b = 0; b < NICMEM_HIST_BUCKETS; b++)
			ifi->pp_frag_hist[b] += p->frag_hist[b];
		/* a bias ring's exact figure stands; pools it does not own
		 * are shown beside it, not added
		 */
		if (ifi->source == NICMEM_RX_EXACT && p->queue < 0)
			continue;
		nicmem_iface_set_rx(ifi, ifi->pp_pages, p->order, PAGE_SIZE);
		/* an adaptor's note (RQ type, channels) says more */
		if (p->queue < 0)
			snprintf(ifi->note, sizeof(ifi->note),
				 "page_pool:%u_pools_by_%s", ifi->pp_pools,
				 p->how);
		ifi->source = NICMEM_RX_PAGE_POOL;
	}
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_pools_attribute);
