/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What every test interface has in common: a transmit that drops, and
 * ethtool channels that are the device's RX queues. For the test modules
 * only; each includes this once.
 */
#ifndef _NICMEM_TEST_FAKEDEV_H
#define _NICMEM_TEST_FAKEDEV_H

#include <linux/netdevice.h>
#include <linux/ethtool.h>
#include "../compat.h"	/* NICMEM_PLATFORM_REMOVE_T */

static netdev_tx_t fakedev_xmit(struct sk_buff *skb, struct net_device *dev)
{
	dev_kfree_skb(skb);
	return NETDEV_TX_OK;
}

static const struct net_device_ops fakedev_netdev_ops = {
	.ndo_start_xmit	= fakedev_xmit,
};

static void __maybe_unused fakedev_get_channels(struct net_device *dev,
						struct ethtool_channels *ch)
{
	ch->max_combined = dev->num_rx_queues;
	ch->combined_count = dev->real_num_rx_queues;
}

#endif
