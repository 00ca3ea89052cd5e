/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The look-alike for drivers whose adapter holds struct <drv>_ring
 * *rx_ring[] and int num_rx_queues, each ring a netdev back-pointer, a
 * count and a vmalloc'd rx_buffer_info[] (ixgbe, igb). Included once by
 * drivers/<drv>/fakering.c after the driver's header, with FR_NAME, FR_ADAPTER,
 * FR_RING and FR_SET_ORDER1(ring) defined. No include guard.
 */
#include <linux/vmalloc.h>
#include "fakering.h"

static int fr_build(struct net_device *dev, unsigned int queues,
		    unsigned int count, unsigned int order)
{
	struct FR_ADAPTER *a = netdev_priv(dev);
	unsigned int q;

	if (queues > ARRAY_SIZE(a->rx_ring))
		return -EINVAL;
	a->netdev = dev;
	for (q = 0; q < queues; q++) {
		struct FR_RING *r = kzalloc(sizeof(*r), GFP_KERNEL);

		if (!r)
			return -ENOMEM;
		a->rx_ring[q] = r;
		a->num_rx_queues = q + 1;
		r->netdev = dev;
		r->count = count;
		if (order)
			FR_SET_ORDER1(r);
		/* as the driver's setup_rx_resources(): vmalloc'd, zeroed */
		r->rx_buffer_info = vzalloc(array_size(count,
						       sizeof(*r->rx_buffer_info)));
		if (!r->rx_buffer_info)
			return -ENOMEM;
	}
	return 0;
}

static void fr_destroy(struct net_device *dev)
{
	struct FR_ADAPTER *a = netdev_priv(dev);
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
	return ((struct FR_ADAPTER *)netdev_priv(dev))->num_rx_queues;
}

static unsigned int fr_count(struct net_device *dev, unsigned int q)
{
	return ((struct FR_ADAPTER *)netdev_priv(dev))->rx_ring[q]->count;
}

static struct page **fr_page(struct net_device *dev, unsigned int q,
			     unsigned int i)
{
	struct FR_ADAPTER *a = netdev_priv(dev);

	return &a->rx_ring[q]->rx_buffer_info[i].page;
}

static u16 *fr_bias(struct net_device *dev, unsigned int q, unsigned int i)
{
	struct FR_ADAPTER *a = netdev_priv(dev);

	return &a->rx_ring[q]->rx_buffer_info[i].pagecnt_bias;
}

const struct fakering_ops FR_NAME = {
	.name = FR_DRIVER, .priv_size = sizeof(struct FR_ADAPTER),
	.build = fr_build, .destroy = fr_destroy, .queues = fr_queues,
	.count = fr_count, .slot_page = fr_page, .slot_bias = fr_bias,
};
