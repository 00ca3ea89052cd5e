// SPDX-License-Identifier: GPL-2.0
/*
 * Test module: network interfaces whose parent device is bound to a
 * driver named like a real NIC driver ("ixgbe", "i40e", "igb" by
 * default), with ethtool ring and channel operations, so the VM tests can
 * check nicmem's inventory and RX estimate against ethtool's own view.
 * It holds no RX pages: the estimate is arithmetic on what ethtool shows.
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

#define FAKE_MAX 4

static char *drivers[FAKE_MAX] = { "ixgbe", "i40e", "igb" };
static int ndrivers = 3;
module_param_array(drivers, charp, &ndrivers, 0444);
MODULE_PARM_DESC(drivers, "driver names to impersonate (up to 4)");

static unsigned int queues = 8;
module_param(queues, uint, 0444);
MODULE_PARM_DESC(queues, "RX/TX queues per interface");

static unsigned int ring = 512;
module_param(ring, uint, 0444);
MODULE_PARM_DESC(ring, "initial RX ring size");

#define FAKE_RING_MAX	4096

struct fake_priv {
	u32 rx_pending;
};

static void fake_get_ringparam(struct net_device *dev,
			       struct ethtool_ringparam *rp,
			       struct kernel_ethtool_ringparam *krp,
			       struct netlink_ext_ack *extack)
{
	struct fake_priv *p = netdev_priv(dev);

	rp->rx_max_pending = FAKE_RING_MAX;
	rp->tx_max_pending = FAKE_RING_MAX;
	rp->rx_pending = p->rx_pending;
	rp->tx_pending = p->rx_pending;
}

static int fake_set_ringparam(struct net_device *dev,
			      struct ethtool_ringparam *rp,
			      struct kernel_ethtool_ringparam *krp,
			      struct netlink_ext_ack *extack)
{
	struct fake_priv *p = netdev_priv(dev);

	if (rp->rx_pending < 64 || rp->rx_pending > FAKE_RING_MAX)
		return -EINVAL;
	p->rx_pending = rp->rx_pending;
	return 0;
}

static int fake_set_channels(struct net_device *dev,
			     struct ethtool_channels *ch)
{
	int ret;

	if (!ch->combined_count || ch->rx_count || ch->tx_count)
		return -EINVAL;
	ret = netif_set_real_num_rx_queues(dev, ch->combined_count);
	if (!ret)
		ret = netif_set_real_num_tx_queues(dev, ch->combined_count);
	return ret;
}

static const struct ethtool_ops fake_ethtool_ops = {
	.get_ringparam	= fake_get_ringparam,
	.set_ringparam	= fake_set_ringparam,
	.get_channels	= fakedev_get_channels,
	.set_channels	= fake_set_channels,
};

static int fake_probe(struct platform_device *pdev)
{
	struct net_device *dev;
	struct fake_priv *p;
	int ret;

	dev = alloc_etherdev_mq(sizeof(*p), queues);
	if (!dev)
		return -ENOMEM;
	p = netdev_priv(dev);
	p->rx_pending = ring;
	dev->netdev_ops = &fakedev_netdev_ops;
	dev->ethtool_ops = &fake_ethtool_ops;
	dev->max_mtu = 9000;
	eth_hw_addr_random(dev);
	SET_NETDEV_DEV(dev, &pdev->dev);
	strscpy(dev->name, "fake%d", sizeof(dev->name));
	ret = register_netdev(dev);
	if (ret) {
		free_netdev(dev);
		return ret;
	}
	platform_set_drvdata(pdev, dev);
	return 0;
}

static NICMEM_PLATFORM_REMOVE_T fake_remove(struct platform_device *pdev)
{
	struct net_device *dev = platform_get_drvdata(pdev);

	unregister_netdev(dev);
	free_netdev(dev);
	return NICMEM_PLATFORM_REMOVE_OK;
}

static struct platform_driver fake_drivers[FAKE_MAX];
static struct platform_device *fake_devices[FAKE_MAX];
static int fake_nr;

static void fake_cleanup(void)
{
	while (fake_nr--) {
		platform_device_unregister(fake_devices[fake_nr]);
		platform_driver_unregister(&fake_drivers[fake_nr]);
	}
}

static int __init fake_init(void)
{
	int i, ret = 0;

	for (i = 0; i < ndrivers; i++) {
		fake_drivers[i].probe = fake_probe;
		fake_drivers[i].remove = fake_remove;
		fake_drivers[i].driver.name = drivers[i];
		ret = platform_driver_register(&fake_drivers[i]);
		if (ret)
			break;
		fake_devices[i] = platform_device_register_simple(drivers[i], i,
								  NULL, 0);
		if (IS_ERR(fake_devices[i])) {
			ret = PTR_ERR(fake_devices[i]);
			platform_driver_unregister(&fake_drivers[i]);
			break;
		}
		fake_nr++;
	}
	if (ret)
		fake_cleanup();
	return ret;
}

static void __exit fake_exit(void)
{
	fake_cleanup();
}

module_init(fake_init);
module_exit(fake_exit);
MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("nicmem test: interfaces that present as ixgbe, i40e and igb");
