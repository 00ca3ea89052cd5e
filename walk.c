// SPDX-License-Identifier: GPL-2.0
/*
 * The inventory of every network interface in every network namespace:
 * what the core and ethtool say, and the adaptor's walk of its rings.
 */
#include <linux/kernel.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include <linux/pm_runtime.h>
#include <linux/rtnetlink.h>
#include <linux/pci.h>
#include <net/net_namespace.h>
#include "nicmem.h"
#include "compat.h"
#include "drivers/adaptor.h"

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
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_ifaces_free);

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
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_ifaces_rank);

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

			/* an exact walk that declined said why: keep it on
			 * the estimate, or where there is none
			 */
			strscpy(why, ifi->note, sizeof(why));
			nicmem_rx_estimate(ad, ifi, PAGE_SIZE);
			if (why[0] && ifi->source != NICMEM_RX_EXACT)
				strscpy(ifi->note, why, sizeof(ifi->note));
		}
		ifi->layout = NULL;	/* the snapshot's copy may move */
		dev_put(ifi->dev);
		ifi->dev = NULL;
		cond_resched();
	}
	return ret;
}
EXPORT_SYMBOL_FOR_NICMEM_KUNIT(nicmem_ifaces_walk);
