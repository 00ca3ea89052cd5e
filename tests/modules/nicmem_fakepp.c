// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: interfaces whose RX memory comes from real page_pools, as
 * a page_pool driver's does (mlx5, bnxt, ice from 6.19): one pool per
 * queue, created by page_pool_create() with the interface's parent device
 * as its DMA device, each queue's ring filled with page_pool_alloc_frag()
 * (two descriptors per page) or page_pool_alloc_pages(), and some pages
 * given back to the pool's ring as recycled. Its own account of what it
 * did, /sys/kernel/debug/nicmem_fakepp, is the oracle nicmem's pools file
 * is checked against.
 *
 * Devices: "ppnic" (one interface per device), "ppdual" (two interfaces
 * on one device, which nicmem must report as ambiguous on kernels without
 * pool->slow.netdev) and one pool on a device without an interface.
 * Never load this on a real host; it exists for the test VM.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/moduleparam.h>
#include <linux/platform_device.h>
#include <linux/netdevice.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include "../fakedev.h"
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include "../../compat.h"	/* the page_pool API's header */

static unsigned int queues = 4;
module_param(queues, uint, 0444);
MODULE_PARM_DESC(queues, "RX queues (one page_pool each) per interface");

static unsigned int ring = 512;
module_param(ring, uint, 0444);
MODULE_PARM_DESC(ring, "RX descriptors per queue");

static unsigned int recycled = 16;
module_param(recycled, uint, 0444);
MODULE_PARM_DESC(recycled, "pages per queue allocated and given back to the pool");

static bool frag = true;
module_param(frag, bool, 0444);
MODULE_PARM_DESC(frag, "two 2 KiB fragments per page (else one page per descriptor)");

static unsigned int order;
module_param(order, uint, 0444);
MODULE_PARM_DESC(order, "page order of the pools (whole pages only)");

static int dev_node = NUMA_NO_NODE;
module_param(dev_node, int, 0444);
MODULE_PARM_DESC(dev_node, "NUMA node of the devices (default: none)");

static int page_node = NUMA_NO_NODE;
module_param(page_node, int, 0444);
MODULE_PARM_DESC(page_node, "node the pools allocate from (default: local)");

static bool netdev;
module_param(netdev, bool, 0444);
MODULE_PARM_DESC(netdev, "register each pool with its interface (6.8+: netlink page-pool-get sees it)");

#define PP_MAX_QUEUES	16
#define PP_FRAG_SIZE	2048	/* PAGE_SIZE / 2048 descriptors share a page */

struct pp_queue {
	struct page_pool *pool;
	struct page **desc;	/* ring entries: a page per descriptor */
	unsigned int pages;	/* distinct pages the descriptors hold */
	unsigned int cached;	/* pages given back to the pool's ring */
};

struct pp_priv {
	struct device *dma_dev;
	unsigned int nq;
	struct pp_queue q[PP_MAX_QUEUES];
};

static void pp_get_ringparam(struct net_device *dev,
			     struct ethtool_ringparam *rp,
			     struct kernel_ethtool_ringparam *krp,
			     struct netlink_ext_ack *extack)
{
	rp->rx_max_pending = 8192;
	rp->rx_pending = ring;
}

static const struct ethtool_ops pp_ethtool_ops = {
	.get_ringparam	= pp_get_ringparam,
	.get_channels	= fakedev_get_channels,
};

static void pp_queue_free(struct pp_queue *q)
{
	unsigned int i;

	if (!q->pool)
		return;
	for (i = 0; q->desc && i < ring; i++)
		if (q->desc[i])
			page_pool_put_full_page(q->pool, q->desc[i], false);
	kfree(q->desc);
	page_pool_destroy(q->pool);
	memset(q, 0, sizeof(*q));
}

/* A queue as a driver fills it: every descriptor gets a buffer. */
static int pp_queue_fill(struct pp_queue *q, struct device *dma_dev,
			 struct net_device *dev)
{
	struct page_pool_params pp = {
		.order = frag ? 0 : order,
		.pool_size = ring,
		.nid = page_node,
		.dev = dma_dev,
	};
	struct page *spare[64];
	unsigned int i, n;

	if (frag)
		pp.flags |= NICMEM_PP_FLAG_FRAG;
	if (netdev && dev)
		nicmem_pp_params_netdev(&pp, dev);
	q->pool = page_pool_create(&pp);
	if (IS_ERR(q->pool)) {
		int ret = PTR_ERR(q->pool);

		q->pool = NULL;
		return ret;
	}
	q->desc = kcalloc(ring, sizeof(*q->desc), GFP_KERNEL);
	if (!q->desc)
		return -ENOMEM;
	for (i = 0; i < ring; i++) {
		unsigned int offset;
		struct page *page;

		if (frag)
			page = page_pool_alloc_frag(q->pool, &offset,
						    PP_FRAG_SIZE, GFP_KERNEL);
		else
			page = page_pool_alloc_pages(q->pool, GFP_KERNEL);
		if (!page)
			return -ENOMEM;
		if (!i || page != q->desc[i - 1])
			q->pages++;
		q->desc[i] = page;
	}
	/* recycled pages: allocated whole, then given back to the ring */
	n = min_t(unsigned int, recycled, ARRAY_SIZE(spare));
	for (i = 0; i < n; i++) {
		spare[i] = page_pool_alloc_pages(q->pool, GFP_KERNEL);
		if (!spare[i])
			break;
	}
	n = i;
	for (i = 0; i < n; i++) {
		/* a whole page of a frag pool is one fragment */
		if (frag)
			page_pool_fragment_page(spare[i], 1);
		page_pool_put_full_page(q->pool, spare[i], false);
	}
	q->cached = n;
	return 0;
}

static int pp_priv_fill(struct pp_priv *p, struct device *dma_dev,
			struct net_device *dev, unsigned int nq)
{
	unsigned int i;
	int ret = 0;

	p->dma_dev = dma_dev;
	p->nq = min_t(unsigned int, nq, PP_MAX_QUEUES);
	for (i = 0; i < p->nq && !ret; i++)
		ret = pp_queue_fill(&p->q[i], dma_dev, dev);
	return ret;
}

static void pp_priv_free(struct pp_priv *p)
{
	unsigned int i;

	for (i = 0; i < p->nq; i++)
		pp_queue_free(&p->q[i]);
}

#define PP_MAX_NETDEVS	3
static struct net_device *pp_netdevs[PP_MAX_NETDEVS];
static unsigned int pp_nr_netdevs;
static struct platform_device *pp_pdev[3];
static struct platform_driver pp_drivers[3];
static unsigned int pp_nr_drivers;
static struct pp_priv pp_orphan;	/* a pool with no interface */
static struct dentry *pp_debugfs;

static int pp_add_netdev(struct device *parent)
{
	struct net_device *dev;
	struct pp_priv *p;
	int ret;

	dev = alloc_etherdev_mq(sizeof(*p), min_t(unsigned int, queues,
						  PP_MAX_QUEUES));
	if (!dev)
		return -ENOMEM;
	p = netdev_priv(dev);
	dev->netdev_ops = &fakedev_netdev_ops;
	dev->ethtool_ops = &pp_ethtool_ops;
	eth_hw_addr_random(dev);
	SET_NETDEV_DEV(dev, parent);
	strscpy(dev->name, "pp%d", sizeof(dev->name));
	ret = pp_priv_fill(p, parent, dev, queues);
	if (!ret)
		ret = register_netdev(dev);
	if (ret) {
		pp_priv_free(p);
		free_netdev(dev);
		return ret;
	}
	pp_netdevs[pp_nr_netdevs++] = dev;
	return 0;
}

/*
 * Per queue ("pool" rows): pages the descriptors hold, pages recycled
 * into the ring, pages the pool keeps in its alloc cache (its bulk
 * refill, read from the pool). Then ("frag" rows) how many pages carry
 * each fragment count, from the descriptors: a page shared by k
 * descriptors has k fragments out, the pool's current fragment page is
 * biased by BIAS_MAX ("max") until the pool moves on, recycled whole
 * pages carry 1 and the alloc cache's fresh pages 0 (1 from 6.7).
 */
static int pp_show(struct seq_file *m, void *v)
{
	unsigned int i, q, d, k;

	seq_puts(m, "#pool name queue order descs desc_pages recycled alloc_cache frag_counted\n#frag name queue fragments pages\n");
	for (i = 0; i <= pp_nr_netdevs; i++) {
		struct net_device *dev = i < pp_nr_netdevs ? pp_netdevs[i] : NULL;
		struct pp_priv *p = dev ? netdev_priv(dev) : &pp_orphan;
		const char *name = dev ? dev->name : "-";

		for (q = 0; q < p->nq; q++) {
			struct pp_queue *pq = &p->q[q];
			unsigned int cache = READ_ONCE(pq->pool->alloc.count);
			/* asked for, or every pool's pages from 6.7 */
			bool counted = frag || !NICMEM_PP_FLAG_FRAG;

			seq_printf(m, "pool %s %u %u %u %u %u %u %s\n", name, q,
				   frag ? 0 : order, ring, pq->pages, pq->cached,
				   cache, counted ? "yes" : "no");
			if (!frag)
				continue;
			for (d = 0; d < ring; d += k) {
				for (k = 1; d + k < ring &&
				     pq->desc[d + k] == pq->desc[d]; k++)
					;
				if (d + k == ring)
					seq_printf(m, "frag %s %u max 1\n", name, q);
				else
					seq_printf(m, "frag %s %u %u 1\n", name, q, k);
			}
			if (pq->cached)
				seq_printf(m, "frag %s %u 1 %u\n", name, q, pq->cached);
			if (cache)
				seq_printf(m, "frag %s %u %u %u\n", name, q,
					   NICMEM_PP_FRESH_FRAGS, cache);
		}
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(pp);

static void pp_cleanup(void)
{
	unsigned int i;

	debugfs_remove(pp_debugfs);
	while (pp_nr_netdevs) {
		struct net_device *dev = pp_netdevs[--pp_nr_netdevs];

		unregister_netdev(dev);
		pp_priv_free(netdev_priv(dev));
		free_netdev(dev);
	}
	pp_priv_free(&pp_orphan);
	for (i = 0; i < ARRAY_SIZE(pp_pdev); i++) {
		if (!IS_ERR_OR_NULL(pp_pdev[i]))
			platform_device_unregister(pp_pdev[i]);
		if (i < pp_nr_drivers)
			platform_driver_unregister(&pp_drivers[i]);
	}
}

static bool pp_node_ok(int nid)
{
	return nid == NUMA_NO_NODE ||
	       (nid >= 0 && nid < MAX_NUMNODES && node_online(nid));
}

static int pp_probe(struct platform_device *pdev)
{
	return 0;
}

static int __init pp_init(void)
{
	static const char * const names[] = { "ppnic", "ppdual", "pporphan" };
	unsigned int i;
	int ret = 0;

	if (!ring || ring > 8192 || (frag && order) || order > 3 ||
	    !pp_node_ok(dev_node) || !pp_node_ok(page_node))
		return -EINVAL;
	if (netdev && !NICMEM_PP_HAVE_NETDEV)
		return -EOPNOTSUPP;	/* pools have no net_device before 6.8 */
	for (i = 0; i < ARRAY_SIZE(names) && !ret; i++) {
		pp_drivers[i].probe = pp_probe;
		pp_drivers[i].driver.name = names[i];
		ret = platform_driver_register(&pp_drivers[i]);
		if (ret)
			break;
		pp_nr_drivers++;
		pp_pdev[i] = platform_device_register_simple(names[i], -1, NULL, 0);
		if (IS_ERR(pp_pdev[i]))
			ret = PTR_ERR(pp_pdev[i]);
		else
			set_dev_node(&pp_pdev[i]->dev, dev_node);
	}
	if (!ret)
		ret = pp_add_netdev(&pp_pdev[0]->dev);
	if (!ret)
		ret = pp_add_netdev(&pp_pdev[1]->dev);
	if (!ret)
		ret = pp_add_netdev(&pp_pdev[1]->dev);
	if (!ret)
		ret = pp_priv_fill(&pp_orphan, &pp_pdev[2]->dev, NULL, 1);
	if (ret) {
		pp_cleanup();
		return ret;
	}
	pp_debugfs = debugfs_create_file("nicmem_fakepp", 0400, NULL, NULL,
					 &pp_fops);
	return 0;
}

static void __exit pp_exit(void)
{
	pp_cleanup();
}

module_init(pp_init);
module_exit(pp_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("nicmem test: interfaces whose RX buffers come from page_pools");
