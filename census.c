// SPDX-License-Identifier: GPL-2.0
/*
 * The census: every online page frame of every node, once, in classes
 * (rules.h, census.h) with the refcount histogram and the page_pool
 * pages by pool; memory hotplug held off between resched points.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/memory.h>
#include <linux/memory_hotplug.h>
#include <linux/nodemask.h>
#include <linux/rwsem.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/ktime.h>
#include "nicmem.h"
#include "census.h"
#include "compat.h"

const char * const nicmem_class_names[NICMEM_NR_CLASSES] = {
#define NICMEM_CLASS(id, name)	name,	/* in enum order: the same list */
#include "rules.h"
};
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_class_names);

/* pfns between two cond_resched() and fatal signal checks */
#define NICMEM_RESCHED_PFNS		4096

/* The class and histogram membership of every census key (census.h) */
static u8 nicmem_census_table[NICMEM_CENSUS_KEYS] __ro_after_init;

/* The table's entry for a snapshot's bits and refcount */
static __always_inline unsigned int nicmem_census_lookup(unsigned int bits,
							 int refcount,
							 unsigned int threshold)
{
	return nicmem_census_table[nicmem_census_key(bits, refcount, threshold)];
}

void __init nicmem_census_table_init(void)
{
	unsigned int key;

	for (key = 0; key < NICMEM_CENSUS_KEYS; key++)
		nicmem_census_table[key] = nicmem_census_entry(key);
}

/*
 * Memory hot-remove frees a section's memmap only once it is offline, and
 * offline_pages() marks the sections offline before it sends MEM_OFFLINE.
 * A census holds this for read from one resched point to the next (each
 * pfn's online state checked inside); MEM_OFFLINE waits for the holders:
 * after it, no census can still read a struct page of that range, however
 * long it was preempted. get_online_mems() would do, but is not exported.
 */
static DECLARE_RWSEM(nicmem_hotplug_sem);

static int nicmem_memory_event(struct notifier_block *nb, unsigned long action,
			       void *arg)
{
	if (action == MEM_OFFLINE) {
		down_write(&nicmem_hotplug_sem);
		up_write(&nicmem_hotplug_sem);
	}
	return NOTIFY_OK;
}

static struct notifier_block nicmem_memory_nb = {
	.notifier_call = nicmem_memory_event,
};

int nicmem_census_hotplug_init(void)
{
	return register_memory_notifier(&nicmem_memory_nb);
}

void nicmem_census_hotplug_exit(void)
{
	unregister_memory_notifier(&nicmem_memory_nb);
}

/*
 * Take one snapshot of @page, which is a buddy head, a compound head or a
 * single page: its flags as NICMEM_SB() bits (returned), its refcount and
 * order. Each field is read once; the page may change under us, so the
 * snapshot is a sample, never a reason to dereference anything else. The
 * census calls this for every page: the bits stay in a register.
 */
static __always_inline unsigned int __nicmem_snap_bits(struct page *page,
						       int *refcount,
						       unsigned int *order)
{
	unsigned long flags = nicmem_page_flags(page);
	unsigned long mapping;
	unsigned int b = 0;

	*refcount = page_ref_count(page);
	*order = 0;
	if (PageBuddy(page)) {
		*order = nicmem_buddy_order(page);
		return NICMEM_SB(buddy);
	}
	if (flags & (1UL << PG_head)) {
		*order = min_t(unsigned int, compound_order(page),
			       NICMEM_MAX_COMPOUND_ORDER);
		if (nicmem_page_hugetlb(page))
			b |= NICMEM_SB(hugetlb);
	}
	if (flags & (1UL << PG_reserved))
		b |= NICMEM_SB(reserved);
	if (nicmem_page_slab(page, flags))
		b |= NICMEM_SB(slab);
	if (flags & (1UL << PG_lru))
		b |= NICMEM_SB(lru);
	if (b & (NICMEM_SB(hugetlb) | NICMEM_SB(reserved) | NICMEM_SB(slab)))
		return b;
	mapping = (unsigned long)READ_ONCE(page->mapping);
	if (mapping & NICMEM_MAPPING_ANON)
		b |= NICMEM_SB(anon);
	if (mapping)
		b |= NICMEM_SB(has_mapping);
	if (b & NICMEM_SB(lru))
		return b;
	if (nicmem_page_is_pp(page))
		return b | NICMEM_SB(page_pool);
	if (nicmem_page_typed(page))
		return b | NICMEM_SB(typed);
	if (*order ? nicmem_page_mapped(page) :
		     atomic_read(&page->_mapcount) >= 0)
		b |= NICMEM_SB(mapped);
	return b;
}

/*
 * The pfns a head's snapshot covers, believed only where the memory map
 * agrees: a buddy block or compound page is aligned to its size, and a
 * compound page's last tail points back at its head. A torn or stale
 * order (the page freed, split or formed under us) would otherwise skip
 * up to 2^NICMEM_MAX_COMPOUND_ORDER pfns uncounted; it counts one page and
 * lets the next pfn speak for itself.
 */
static __always_inline unsigned int nicmem_span_order(struct page *page,
						      unsigned long pfn,
						      unsigned int bits,
						      unsigned int order)
{
	struct page *last;

	if (!order)
		return 0;
	if (!IS_ALIGNED(pfn, 1UL << order))
		return 0;
	if (bits & NICMEM_SB(buddy))
		return order;
	last = pfn_to_online_page(pfn + (1UL << order) - 1);
	if (!last || compound_head(last) != page)
		return 0;
	return order;
}

/* The snapshot as a struct, from the bits and the page's pool fields */
static __always_inline void nicmem_snap_fill(struct page *page,
					     struct nicmem_page_snap *s,
					     unsigned int bits)
{
	nicmem_snap_set_flags(s, bits);
	s->pp = 0;
	s->pp_frag = 0;
	if (bits & NICMEM_SB(page_pool)) {
		s->pp = nicmem_page_pp(page);
		s->pp_frag = nicmem_page_pp_frag(page);
	}
}

/* The same snapshot for the KUnit suites and the post-mortem's rules. */
void nicmem_snap_page(struct page *page, struct nicmem_page_snap *s)
{
	unsigned int bits = __nicmem_snap_bits(page, &s->refcount, &s->order);

	nicmem_snap_fill(page, s, bits);
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_snap_page);

/* The order the census believes of @page when its snapshot says @order */
unsigned int nicmem_snap_span_order(struct page *page, unsigned int order)
{
	unsigned int snap_order;
	int refcount;
	unsigned int bits = __nicmem_snap_bits(page, &refcount, &snap_order);

	return nicmem_span_order(page, page_to_pfn(page), bits, order);
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_snap_span_order);

/*
 * nicmem_page_class() - the census class of @page, as the census counts it
 * @page: a valid page (the adaptors' ring pages)
 * @threshold: the pinned signature's threshold
 * @refcount: its refcount, read in the same snapshot
 */
enum nicmem_class nicmem_page_class(struct page *page, unsigned int threshold,
				    int *refcount)
{
	unsigned int order;
	unsigned int bits = __nicmem_snap_bits(page, refcount, &order);

	return nicmem_census_lookup(bits, *refcount, threshold) &
	       NICMEM_ENTRY_CLASS;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_page_class);

/* The head of a tail page met on its own (the walk started inside the
 * compound page, or it was formed under us), if it is a valid page.
 */
static struct page *nicmem_valid_head(struct page *page)
{
	struct page *head = compound_head(page);

	if (head == page)
		return NULL;
	if (pfn_to_online_page(page_to_pfn(head)) != head)
		return NULL;
	return head;
}

int nicmem_census_init(struct nicmem_census *c)
{
	unsigned int n = 0;
	int nid;

	memset(c, 0, sizeof(*c));
	for_each_online_node(nid)
		n++;
	c->node = kcalloc(n, sizeof(*c->node), GFP_KERNEL);
	if (!c->node)
		return -ENOMEM;
	c->nr_nodes = n;
	if (nicmem_pools_init(&c->pools)) {
		nicmem_census_free(c);
		return -ENOMEM;
	}
	return 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_census_init);

void nicmem_census_free(struct nicmem_census *c)
{
	nicmem_pools_free(&c->pools);
	kfree(c->node);
	c->node = NULL;
	c->nr_nodes = 0;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_census_free);

static void nicmem_node_sizes(struct nicmem_node_census *nc, int nid)
{
	pg_data_t *pgdat = NODE_DATA(nid);
	int z;

	nc->nid = nid;
	nc->spanned = pgdat->node_spanned_pages;
	nc->present = pgdat->node_present_pages;
	for (z = 0; z < MAX_NR_ZONES; z++)
		nc->managed += nicmem_zone_managed(&pgdat->node_zones[z]);
}

/* Count one snapshot (@pages base pages) in its class and the histogram */
static __always_inline void nicmem_count(struct nicmem_census *c,
					 struct nicmem_node_census *nc,
					 struct page *page, unsigned int bits,
					 int refcount, unsigned int order,
					 u64 pages, bool new_object)
{
	unsigned int e = nicmem_census_lookup(bits, refcount, c->threshold);

	nc->cls[e & NICMEM_ENTRY_CLASS].pages += pages;
	nc->cls[e & NICMEM_ENTRY_CLASS].objects += new_object;
	if (e & NICMEM_ENTRY_HIST)
		c->hist[nicmem_hist_bucket(refcount)] += pages;
	if (unlikely(bits & NICMEM_SB(page_pool))) {
		struct nicmem_page_snap s = {
			.refcount = refcount,
			.order = order,
		};

		nicmem_snap_fill(page, &s, bits);
		nicmem_pool_count(&c->pools, &s, nc->nid, pages, new_object);
	}
}

/**
 * nicmem_census_range() - count the pages of [@pfn, @end) on @nc's node
 * @c: the census (threshold, histogram, pfns walked)
 * @nc: the node's counters; pages of other nodes are walked, not counted
 * @pfn: first pfn
 * @end: one past the last pfn
 *
 * Return: 0, or -EINTR on a fatal signal.
 */
NICMEM_VISIBLE_IF_KUNIT int nicmem_census_range(struct nicmem_census *c,
						struct nicmem_node_census *nc,
					 unsigned long pfn, unsigned long end)
{
	unsigned long next_resched = pfn + NICMEM_RESCHED_PFNS;
	unsigned long start = pfn;
	unsigned int bits, order;
	int nid = nc->nid;
	u64 scanned = 0;
	int refcount, ret = 0;

	/*
	 * The counters of the whole range stay in registers (the census's
	 * counters, written for every page, may alias them): every pfn of the
	 * range is walked, so pfns_walked is its length; scanned counts the
	 * node's online pages.
	 */
	down_read(&nicmem_hotplug_sem);
	while (pfn < end) {
		struct page *page;
		unsigned long nr;

		if (pfn >= next_resched) {
			up_read(&nicmem_hotplug_sem);
			ret = nicmem_walk_stopped();
			if (ret) {
				down_read(&nicmem_hotplug_sem);
				break;
			}
			cond_resched();
			down_read(&nicmem_hotplug_sem);
			next_resched = pfn + NICMEM_RESCHED_PFNS;
		}
		page = pfn_to_online_page(pfn);
		if (!page) {
			/* offline or absent: skip to the next section */
			pfn += nicmem_offline_skip(pfn);
			continue;
		}
		/* nodes may interleave their pfn ranges: count each page on
		 * the node it belongs to, when walking that node
		 */
		if (page_to_nid(page) != nid) {
			pfn++;
			continue;
		}
		if (PageTail(page)) {
			/* one base page, counted as its head's (a new object
			 * only when the head is not a valid page)
			 */
			struct page *head = nicmem_valid_head(page);
			struct page *p = head ? head : page;

			scanned++;
			bits = __nicmem_snap_bits(p, &refcount, &order);
			nicmem_count(c, nc, p, bits, refcount, order, 1, !head);
			pfn++;
			continue;
		}
		bits = __nicmem_snap_bits(page, &refcount, &order);
		order = nicmem_span_order(page, pfn, bits, order);
		nr = min(1UL << order, end - pfn);
		scanned += nr;
		nicmem_count(c, nc, page, bits, refcount, order, nr, true);
		pfn += nr;
	}
	up_read(&nicmem_hotplug_sem);
	c->pfns_walked += min(pfn, end) - start;
	nc->scanned += scanned;
	return ret;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_census_range);

/**
 * nicmem_census_walk() - count every online page of every online node
 * @c: initialised by nicmem_census_init()
 * @threshold: the pinned signature's refcount threshold
 *
 * One pass; cond_resched() every NICMEM_RESCHED_PFNS pfns, between which
 * only nicmem's own hotplug read lock is held (no lock the mm or the
 * datapath takes). Compound and free buddy blocks are counted once, at
 * their head, with their order.
 *
 * Return: 0, or -EINTR when a fatal signal stopped the walk.
 */
int nicmem_census_walk(struct nicmem_census *c, unsigned int threshold)
{
	u64 start = ktime_get_ns();
	struct sysinfo si;
	unsigned int i = 0;
	int nid, ret = 0;

	c->threshold = threshold;
	for_each_online_node(nid) {
		struct nicmem_node_census *nc;

		if (i == c->nr_nodes)	/* a node came online since init */
			break;
		nc = &c->node[i++];
		nicmem_node_sizes(nc, nid);
		ret = nicmem_census_range(c, nc, node_start_pfn(nid),
					  node_end_pfn(nid));
		if (ret) {
			c->interrupted = true;
			break;
		}
	}
	c->duration_ns = ktime_get_ns() - start;
	si_meminfo(&si);
	c->mem_total = si.totalram * (u64)si.mem_unit / PAGE_SIZE;
	c->mem_free = si.freeram * (u64)si.mem_unit / PAGE_SIZE;
	return ret;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_census_walk);
