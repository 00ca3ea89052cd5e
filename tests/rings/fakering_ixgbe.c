// SPDX-License-Identifier: GPL-2.0
/* An ixgbe look-alike's private data, with the real struct ixgbe_adapter. */
#include <linux/vmalloc.h>
#include "ixgbe.h"
#include "fakering.h"

static int fr_build(struct net_device *dev, unsigned int queues,
		    unsigned int count, unsigned int order)
{
	struct ixgbe_adapter *a = netdev_priv(dev);
	unsigned int q;

	if (queues > MAX_RX_QUEUES)
		return -EINVAL;
	a->netdev = dev;
	for (q = 0; q < queues; q++) {
		struct ixgbe_ring *r = kzalloc(sizeof(*r), GFP_KERNEL);

		if (!r)
			return -ENOMEM;
		a->rx_ring[q] = r;
		a->num_rx_queues = q + 1;
		r->netdev = dev;
		r->count = count;
		if (order)
			set_bit(__IXGBE_RX_3K_BUFFER, &r->state);
		/* as ixgbe_setup_rx_resources(): vmalloc'd, zeroed */
		r->rx_buffer_info = vzalloc(array_size(count,
						       sizeof(*r->rx_buffer_info)));
		if (!r->rx_buffer_info)
			return -ENOMEM;
	}
	return 0;
}

static void fr_destroy(struct net_device *dev)
{
	struct ixgbe_adapter *a = netdev_priv(dev);
	int q;

	for (q = 0; q < a->num_rx_queues; q++) {
		vfree(a->rx_ring[q]->rx_buffer_info);
		kfree(a->rx_ring[q]);
		a->rx_ring[q] = NULL;
	}
	a->num_rx_queues = 0;
}

static unsigned int fr_queues(struct net_device *dev)
{
	return ((struct ixgbe_adapter *)netdev_priv(dev))->num_rx_queues;
}

static unsigned int fr_count(struct net_device *dev, unsigned int q)
{
	return ((struct ixgbe_adapter *)netdev_priv(dev))->rx_ring[q]->count;
}

static struct page **fr_page(struct net_device *dev, unsigned int q,
			     unsigned int i)
{
	struct ixgbe_adapter *a = netdev_priv(dev);

	return &a->rx_ring[q]->rx_buffer_info[i].page;
}

static u16 *fr_bias(struct net_device *dev, unsigned int q, unsigned int i)
{
	struct ixgbe_adapter *a = netdev_priv(dev);

	return &a->rx_ring[q]->rx_buffer_info[i].pagecnt_bias;
}

const struct fakering_ops fakering_ixgbe = {
	.name = "ixgbe", .priv_size = sizeof(struct ixgbe_adapter),
	.build = fr_build, .destroy = fr_destroy, .queues = fr_queues,
	.count = fr_count, .slot_page = fr_page, .slot_bias = fr_bias,
};
