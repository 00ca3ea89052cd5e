// SPDX-License-Identifier: GPL-2.0
/*
 * The two walks: the census of every online page frame, and the inventory
 * of every network interface in every network namespace.
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
#include <linux/sort.h>
#include <linux/ktime.h>
#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include <linux/pm_runtime.h>
#include <linux/rtnetlink.h>
#include <linux/pci.h>
#include <net/net_namespace.h>
#include "nicmem.h"
#include "census.h"
#include "compat.h"
#include "drivers/adaptor.h"

const char * const nicmem_class_names[NICMEM_NR_CLASSES] = {
#define NICMEM_CLASS(id, name)	name,	/* in enum order: the same list */
#include "rules.h"
};
NICMEM_EXPORT_IF_KUNIT(nicmem_class_names);


/* Compound orders beyond this are corrupt or torn reads (1 GiB at 4 KiB
 * pages is order 18; 16 GiB gigantic pages at 64 KiB are order 18 too).
 */
#define NICMEM_MAX_COMPOUND_ORDER	20

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
NICMEM_EXPORT_IF_KUNIT(nicmem_snap_page);

/* The order the census believes of @page when its snapshot says @order */
unsigned int nicmem_snap_span_order(struct page *page, unsigned int order)
{
	unsigned int snap_order;
	int refcount;
	unsigned int bits = __nicmem_snap_bits(page, &refcount, &snap_order);

	return nicmem_span_order(page, page_to_pfn(page), bits, order);
}
NICMEM_EXPORT_IF_KUNIT(nicmem_snap_span_order);

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
NICMEM_EXPORT_IF_KUNIT(nicmem_page_class);

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
NICMEM_EXPORT_IF_KUNIT(nicmem_census_init);

void nicmem_census_free(struct nicmem_census *c)
{
	nicmem_pools_free(&c->pools);
	kfree(c->node);
	c->node = NULL;
	c->nr_nodes = 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_census_free);

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
			pfn += NICMEM_OFFLINE_SKIP(pfn);
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
NICMEM_EXPORT_IF_KUNIT(nicmem_census_range);

/**
 * nicmem_census_walk() - count every online page of every online node
 * @c: initialised by nicmem_census_init()
 * @threshold: the pinned signature's refcount threshold
 *
 * One pass, no locks held, cond_resched() every NICMEM_RESCHED_PFNS pfns. Compound and
 * free buddy blocks are counted once, at their head, with their order.
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
NICMEM_EXPORT_IF_KUNIT(nicmem_census_walk);

/* ---- network interfaces ---- */

/* The PCI address of the nearest PCI ancestor, else the parent's name. */
static void nicmem_bus_name(struct device *parent, char *buf, size_t len)
{
	struct device *d;

	for (d = parent; d; d = d->parent) {
		if (dev_is_pci(d)) {
			strscpy(buf, dev_name(d), len);
			return;
		}
	}
	strscpy(buf, dev_name(parent), len);
}

/* Fill what can be read under RCU alone; takes a reference on @dev. */
static void nicmem_iface_basic(struct nicmem_iface *ifi, struct net *net,
			       struct net_device *dev)
{
	struct device *parent = dev->dev.parent;

	dev_hold(dev);
	ifi->dev = dev;
	ifi->dev_key = (unsigned long)dev;
	ifi->parent_key = (unsigned long)parent;
	ifi->netns = net->ns.inum;
	ifi->ifindex = dev->ifindex;
	strscpy(ifi->name, dev->name, sizeof(ifi->name));
	ifi->numa_node = NUMA_NO_NODE;
	if (parent) {
		strscpy(ifi->driver, dev_driver_string(parent),
			sizeof(ifi->driver));
		nicmem_bus_name(parent, ifi->bus, sizeof(ifi->bus));
		ifi->numa_node = dev_to_node(parent);
	} else {
		strscpy(ifi->driver, "virtual", sizeof(ifi->driver));
		strscpy(ifi->bus, "-", sizeof(ifi->bus));
	}
	if (!ifi->driver[0])
		strscpy(ifi->driver, "-", sizeof(ifi->driver));
}

/* Collect up to @cap registered devices of every namespace under RCU.
 * Returns how many exist (which may exceed @cap).
 */
static unsigned int nicmem_collect(struct nicmem_iface *ifs, unsigned int cap)
{
	struct net_device *dev;
	unsigned int n = 0;
	struct net *net;

	rcu_read_lock();
	for_each_net_rcu(net) {
		for_each_netdev_rcu(net, dev) {
			if (dev->reg_state != NETREG_REGISTERED)
				continue;
			if (n < cap)
				nicmem_iface_basic(&ifs[n], net, dev);
			n++;
		}
	}
	rcu_read_unlock();
	return n;
}

/*
 * Around ethtool ops, what ethtool itself does (ethnl_ops_begin() and
 * ethnl_ops_complete(); the ioctl path likewise): the parent device
 * runtime-resumed, then the driver's own begin. The core does the resume
 * since 5.15 ("ethtool: runtime-resume netdev parent before ethtool ioctl
 * ops" and "... in ethnl_ops_begin"); before, drivers that suspend (igb,
 * igc) resumed in their begin op, and a second reference is harmless.
 */
static int nicmem_ethtool_begin(struct net_device *dev)
{
	int ret = 0;

	if (dev->dev.parent)
		pm_runtime_get_sync(dev->dev.parent);
	if (!netif_device_present(dev))
		ret = -ENODEV;
	else if (dev->ethtool_ops->begin)
		ret = dev->ethtool_ops->begin(dev);
	if (ret && dev->dev.parent)
		pm_runtime_put(dev->dev.parent);
	return ret;
}

static void nicmem_ethtool_complete(struct net_device *dev)
{
	if (dev->ethtool_ops->complete)
		dev->ethtool_ops->complete(dev);
	if (dev->dev.parent)
		pm_runtime_put(dev->dev.parent);
}

/* What needs rtnl: ethtool ring sizes and channels, queue counts, state
 * and the adaptor's exact walk. Runs with rtnl held.
 */
static void nicmem_iface_rtnl(struct nicmem_iface *ifi,
			      const struct nicmem_adaptor *ad)
{
	struct net_device *dev = ifi->dev;
	const struct ethtool_ops *ops = dev->ethtool_ops;

	ASSERT_RTNL();
	ifi->mtu = READ_ONCE(dev->mtu);
	/* what /sys/class/net/<dev>/operstate shows (operstate_show()) */
	ifi->operstate = netif_running(dev) ? READ_ONCE(dev->operstate) :
					      IF_OPER_DOWN;
	ifi->rx_queues = dev->real_num_rx_queues;
	if (dev->reg_state != NETREG_REGISTERED || !netif_device_present(dev))
		return;
	if (ops && !nicmem_ethtool_begin(dev)) {
		if (ops->get_ringparam) {
			struct ethtool_ringparam rp = {
				.cmd = ETHTOOL_GRINGPARAM,
			};

			nicmem_get_ringparam(dev, &rp);
			ifi->ring_cur = rp.rx_pending;
			ifi->ring_max = rp.rx_max_pending;
		}
		if (ops->get_channels) {
			struct ethtool_channels ch = {
				.cmd = ETHTOOL_GCHANNELS,
			};

			ops->get_channels(dev, &ch);
			ifi->channels = ch.combined_count + ch.rx_count;
		}
		nicmem_ethtool_complete(dev);
	}
	if (ad && ad->walk_rx) {
		int err = ad->walk_rx(ifi);

		if (!err) {
			ifi->source = NICMEM_RX_EXACT;
			return;
		}
		/* declined: nothing of the walk survives but its note */
		kvfree(ifi->rxq);
		ifi->rxq = NULL;
		ifi->nr_rxq = 0;
		memset(ifi->bias_hist, 0, sizeof(ifi->bias_hist));
		memset(ifi->refs_hist, 0, sizeof(ifi->refs_hist));
		memset(ifi->drain_hist, 0, sizeof(ifi->drain_hist));
	}
}

void nicmem_ifaces_free(struct nicmem_ifaces *ifs)
{
	unsigned int i;

	for (i = 0; i < ifs->nr; i++) {
		if (ifs->if_[i].dev)
			dev_put(ifs->if_[i].dev);
		kvfree(ifs->if_[i].rxq);
	}
	kvfree(ifs->if_);
	ifs->if_ = NULL;
	kvfree(ifs->by_bytes);
	ifs->by_bytes = NULL;
	ifs->nr = 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_ifaces_free);

struct nicmem_rank {
	u64 bytes;
	unsigned int i;
};

/* rx_bytes descending, then walk order: a total order, so the result does
 * not depend on the sort's stability
 */
static int nicmem_rank_cmp(const void *a, const void *b)
{
	const struct nicmem_rank *x = a, *y = b;

	if (x->bytes != y->bytes)
		return x->bytes > y->bytes ? -1 : 1;
	return x->i < y->i ? -1 : x->i > y->i;
}

/**
 * nicmem_ifaces_rank() - order the interfaces by the RX memory they hold
 * @ifs: walked, with the page_pool bytes attributed
 *
 * Fills @ifs->by_bytes: the indices of @ifs->if_, largest rx_bytes first
 * (an interface without a source counts 0), ties in walk order.
 *
 * Return: 0, or -ENOMEM.
 */
int nicmem_ifaces_rank(struct nicmem_ifaces *ifs)
{
	struct nicmem_rank *r;
	unsigned int i;

	if (!ifs->nr)
		return 0;
	r = kvmalloc_array(ifs->nr, sizeof(*r), GFP_KERNEL);
	ifs->by_bytes = kvmalloc_array(ifs->nr, sizeof(*ifs->by_bytes),
				       GFP_KERNEL);
	if (!r || !ifs->by_bytes) {
		kvfree(r);
		kvfree(ifs->by_bytes);
		ifs->by_bytes = NULL;
		return -ENOMEM;
	}
	for (i = 0; i < ifs->nr; i++) {
		const struct nicmem_iface *ifi = &ifs->if_[i];

		r[i].bytes = ifi->source == NICMEM_RX_NONE ? 0 : ifi->rx_bytes;
		r[i].i = i;
	}
	sort(r, ifs->nr, sizeof(*r), nicmem_rank_cmp, NULL);
	for (i = 0; i < ifs->nr; i++)
		ifs->by_bytes[i] = r[i].i;
	kvfree(r);
	return 0;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_ifaces_rank);

/* Interfaces beyond this are not listed (and the summary says so). */
#define NICMEM_MAX_IFACES	65536

/**
 * nicmem_ifaces_walk() - list every interface of every network namespace
 * @ifs: filled; release with nicmem_ifaces_free()
 * @layouts: the drivers' layouts, for the adaptors' exact walks
 * @nr: how many
 * @threshold: the census's pinned-signature threshold
 *
 * Lists under RCU with a reference on each device, then takes rtnl once
 * per interface, killably, for what only rtnl protects, and drops the
 * references. Never holds rtnl across more than one interface.
 *
 * Return: 0, -ENOMEM, or -EINTR on a fatal signal.
 */
int nicmem_ifaces_walk(struct nicmem_ifaces *ifs,
		       const struct nicmem_layout *layouts, unsigned int nr,
		       unsigned int threshold)
{
	unsigned int i, n, cap = 64;
	int ret = 0;

	memset(ifs, 0, sizeof(*ifs));
	for (;;) {
		ifs->if_ = kvcalloc(cap, sizeof(*ifs->if_), GFP_KERNEL);
		if (!ifs->if_)
			return -ENOMEM;
		n = nicmem_collect(ifs->if_, cap);
		ifs->nr = min(n, cap);
		ifs->total = n;
		if (n <= cap || cap >= NICMEM_MAX_IFACES)
			break;
		nicmem_ifaces_free(ifs);
		cap = min_t(unsigned int, n + 16, NICMEM_MAX_IFACES);
	}
	for (i = 0; i < ifs->nr; i++) {
		struct nicmem_iface *ifi = &ifs->if_[i];
		const struct nicmem_adaptor *ad = nicmem_adaptor_find(ifi->driver);
		unsigned int l;

		ifi->threshold = threshold;
		for (l = 0; l < nr; l++)
			if (layouts[l].ad == ad)
				ifi->layout = &layouts[l];
		ret = nicmem_rtnl_lock_killable();
		if (ret)
			break;
		nicmem_iface_rtnl(ifi, ad);
		rtnl_unlock();
		if (ifi->source != NICMEM_RX_EXACT) {
			char why[NICMEM_NOTE_LEN];

			/* an exact walk that declined said why: keep it */
			strscpy(why, ifi->note, sizeof(why));
			nicmem_rx_estimate(ad, ifi, PAGE_SIZE);
			if (why[0] && ifi->source == NICMEM_RX_ESTIMATE)
				strscpy(ifi->note, why, sizeof(ifi->note));
		}
		ifi->layout = NULL;	/* the snapshot's copy may move */
		dev_put(ifi->dev);
		ifi->dev = NULL;
		cond_resched();
	}
	return ret;
}
NICMEM_EXPORT_IF_KUNIT(nicmem_ifaces_walk);
