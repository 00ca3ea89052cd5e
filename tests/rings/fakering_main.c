// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: interfaces that are ixgbe, i40e and igb as far as nicmem can
 * tell: the parent device's driver has the real driver's name, the private
 * data is built from the real drivers' structs, and the RX rings are
 * filled as ixgbe_alloc_mapped_page() & co. do (dev_alloc_pages(),
 * page_ref_add(USHRT_MAX - 1), pagecnt_bias = USHRT_MAX), then "traffic"
 * drains biases and leaves references in flight. /sys/kernel/debug/
 * nicmem_fakering prints what was built, in nicmem's queues and histogram
 * formats: the oracle the VM tests compare nicmem's walk against.
 * ethtool -G/-L rebuild the rings under rtnl, as the drivers do.
 * Never load this on a real host; it exists for the test VM.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/platform_device.h>
#include <linux/etherdevice.h>
#include <linux/ethtool.h>
#include "../fakedev.h"
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/rtnetlink.h>
#include <linux/mm.h>
#include <linux/skbuff.h>
#include "fakering.h"

static unsigned int queues = 4;
module_param(queues, uint, 0444);
static unsigned int ring = 512;
module_param(ring, uint, 0444);
static bool order1;
module_param(order1, bool, 0444);
MODULE_PARM_DESC(order1, "3 KiB buffers (order-1 pages) where PAGE_SIZE < 8192");
static unsigned int threshold = 1024;
module_param(threshold, uint, 0444);
MODULE_PARM_DESC(threshold, "nicmem's pinned-signature threshold, for the oracle");

static const struct fakering_ops *fr_ops[] = {
#define FR(d)	(&fakering_##d),
	NICMEM_FAKERINGS
#undef FR
};

#define NDRV ARRAY_SIZE(fr_ops)

static struct fr_dev fr_devs[NDRV];
static struct platform_driver fr_drivers[NDRV];
static struct platform_device *fr_pdevs[NDRV];
static struct dentry *fr_file;

static struct fr_dev *fr_of(struct net_device *dev)
{
	unsigned int i;

	for (i = 0; i < NDRV; i++)
		if (fr_devs[i].dev == dev)
			return &fr_devs[i];
	return NULL;
}

static void fr_get_ringparam(struct net_device *dev,
			     struct ethtool_ringparam *rp,
			     struct kernel_ethtool_ringparam *krp,
			     struct netlink_ext_ack *extack)
{
	struct fr_dev *fd = fr_of(dev);

	rp->rx_max_pending = 4096;
	rp->tx_max_pending = 4096;
	rp->rx_pending = fd->ops->queues(dev) ? fd->ops->count(dev, 0) : 0;
	rp->tx_pending = rp->rx_pending;
}

/* called with rtnl held, like the drivers' */
static int fr_set_ringparam(struct net_device *dev,
			    struct ethtool_ringparam *rp,
			    struct kernel_ethtool_ringparam *krp,
			    struct netlink_ext_ack *extack)
{
	struct fr_dev *fd = fr_of(dev);
	unsigned int nq = fd->ops->queues(dev);

	if (rp->rx_pending < 64 || rp->rx_pending > 4096)
		return -EINVAL;
	fakering_drain(fd);
	return fakering_fill(fd, nq, rp->rx_pending);
}

static int fr_set_channels(struct net_device *dev, struct ethtool_channels *ch)
{
	struct fr_dev *fd = fr_of(dev);
	unsigned int count = fd->ops->count(dev, 0);
	int ret;

	if (!ch->combined_count || ch->rx_count || ch->tx_count)
		return -EINVAL;
	fakering_drain(fd);
	ret = netif_set_real_num_rx_queues(dev, ch->combined_count);
	if (!ret)
		ret = netif_set_real_num_tx_queues(dev, ch->combined_count);
	return ret ?: fakering_fill(fd, ch->combined_count, count);
}

static const struct ethtool_ops fr_ethtool_ops = {
	.get_ringparam	= fr_get_ringparam,
	.set_ringparam	= fr_set_ringparam,
	.get_channels	= fakedev_get_channels,
	.set_channels	= fr_set_channels,
};

static int fr_probe(struct platform_device *pdev)
{
	struct fr_dev *fd = &fr_devs[pdev->id];
	struct net_device *dev;
	int ret;

	dev = alloc_etherdev_mq(fd->ops->priv_size, 64);
	if (!dev)
		return -ENOMEM;
	/* with two nodes, the last look-alike sits on node 1 and takes its
	 * pages from node 0: every one of them is remote
	 */
	fd->page_node = NUMA_NO_NODE;
	fd->remote = false;
	if (pdev->id == NDRV - 1 && num_online_nodes() > 1 && node_online(1) &&
	    node_online(0)) {
		set_dev_node(&pdev->dev, 1);
		fd->page_node = 0;
		fd->remote = true;
	}
	dev->netdev_ops = &fakedev_netdev_ops;
	dev->ethtool_ops = &fr_ethtool_ops;
	eth_hw_addr_random(dev);
	SET_NETDEV_DEV(dev, &pdev->dev);
	strscpy(dev->name, "ring%d", sizeof(dev->name));
	fd->dev = dev;
	fd->order = order1 && PAGE_SIZE < 8192;
	rtnl_lock();
	ret = fakering_fill(fd, queues, ring);
	if (!ret)
		ret = netif_set_real_num_rx_queues(dev, queues);
	if (!ret)
		ret = netif_set_real_num_tx_queues(dev, queues);
	rtnl_unlock();
	if (!ret)
		ret = register_netdev(dev);
	if (ret) {
		rtnl_lock();
		fakering_drain(fd);
		rtnl_unlock();
		free_netdev(dev);
		fd->dev = NULL;
	}
	return ret;
}

static NICMEM_PLATFORM_REMOVE_T fr_remove(struct platform_device *pdev)
{
	struct fr_dev *fd = &fr_devs[pdev->id];

	unregister_netdev(fd->dev);
	rtnl_lock();
	fakering_drain(fd);
	rtnl_unlock();
	free_netdev(fd->dev);
	fd->dev = NULL;
	return NICMEM_PLATFORM_REMOVE_OK;
}

/* the oracle, in nicmem's queues and per-interface histogram formats */
static int fr_show(struct seq_file *m, void *v)
{
	unsigned int n, q, i;

	rtnl_lock();
	for (n = 0; n < NDRV; n++) {
		struct fr_dev *fd = &fr_devs[n];
		u64 bias_h[FAKERING_HIST] = {}, out_h[FAKERING_HIST] = {};
		u64 drain_h[FAKERING_HIST] = {};

		if (!fd->dev)
			continue;
		for (q = 0; q < fd->ops->queues(fd->dev); q++) {
			struct fakering_q e;

			fakering_expect(fd, q, threshold, &e, bias_h, out_h,
					drain_h);
			seq_printf(m, "queue %s %d %u %u %u %u %u %llu %llu %llu %llu walked\n",
				   fd->dev->name, fd->dev->ifindex, q, e.descs,
				   e.with_page, e.descs - e.with_page, fd->order,
				   e.pages, e.pages * PAGE_SIZE, e.remote,
				   e.pinned);
			for (i = 0; i < FAKERING_HIST; i++)
				seq_printf(m, "qhist %s %d %u drained %u %llu\n",
					   fd->dev->name, fd->dev->ifindex, q,
					   i, e.drain_h[i]);
		}
		for (i = 0; i < FAKERING_HIST; i++)
			seq_printf(m, "hist %s %d bias %u %llu\n", fd->dev->name,
				   fd->dev->ifindex, i, bias_h[i]);
		for (i = 0; i < FAKERING_HIST; i++)
			seq_printf(m, "hist %s %d outside %u %llu\n",
				   fd->dev->name, fd->dev->ifindex, i, out_h[i]);
		for (i = 0; i < FAKERING_HIST; i++)
			seq_printf(m, "hist %s %d drained %u %llu\n",
				   fd->dev->name, fd->dev->ifindex, i, drain_h[i]);
	}
	rtnl_unlock();
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(fr);

static void fr_cleanup(unsigned int n)
{
	while (n--) {
		platform_device_unregister(fr_pdevs[n]);
		platform_driver_unregister(&fr_drivers[n]);
	}
}

static int __init fr_init(void)
{
	unsigned int n;
	int ret = 0;

	for (n = 0; n < NDRV; n++) {
		fr_devs[n].ops = fr_ops[n];
		fr_drivers[n].probe = fr_probe;
		fr_drivers[n].remove = fr_remove;
		fr_drivers[n].driver.name = fr_ops[n]->name;
		ret = platform_driver_register(&fr_drivers[n]);
		if (ret)
			break;
		fr_pdevs[n] = platform_device_register_simple(fr_ops[n]->name, n,
							      NULL, 0);
		if (IS_ERR(fr_pdevs[n]) || !fr_devs[n].dev) {
			ret = IS_ERR(fr_pdevs[n]) ? PTR_ERR(fr_pdevs[n]) : -ENODEV;
			if (!IS_ERR(fr_pdevs[n]))
				platform_device_unregister(fr_pdevs[n]);
			platform_driver_unregister(&fr_drivers[n]);
			break;
		}
	}
	if (ret) {
		fr_cleanup(n);
		return ret;
	}
	fr_file = debugfs_create_file("nicmem_fakering", 0400, NULL, NULL,
				      &fr_fops);
	return 0;
}

static void __exit fr_exit(void)
{
	debugfs_remove(fr_file);
	fr_cleanup(NDRV);
}

module_init(fr_init);
module_exit(fr_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("nicmem test: ixgbe/i40e/igb look-alikes with real private structs and filled rings");
