// SPDX-License-Identifier: GPL-2.0
/* An igb look-alike's private data, with the real struct igb_adapter. */
#include <linux/vmalloc.h>
#include "igb.h"
#include "fakering.h"

static int fr_build(struct net_device *dev, unsigned int queues,
		    unsigned int count, unsigned int order)
{
	struct igb_adapter *a = netdev_priv(dev);
	unsigned int q;

	if (queues > ARRAY_SIZE(a->rx_ring))
		return -EINVAL;
	a->netdev = dev;
	for (q = 0; q < queues; q++) {
		struct igb_ring *r = kzalloc(sizeof(*r), GFP_KERNEL);

		if (!r)
			return -ENOMEM;
		a->rx_ring[q] = r;
		a->num_rx_queues = q + 1;
		r->netdev = dev;
		r->count = count;
		if (order)
			set_ring_uses_large_buffer(r);
		/* as igb_setup_rx_resources(): vmalloc'd, zeroed */
		r->rx_buffer_info = vzalloc(array_size(count,
						       sizeof(*r->rx_buffer_info)));
		if (!r->rx_buffer_info)
			return -ENOMEM;
	}
	return 0;
}

static void fr_destroy(struct net_device *dev)
{
	struct igb_adapter *a = netdev_priv(dev);
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
	return ((struct igb_adapter *)netdev_priv(dev))->num_rx_queues;
}

static unsigned int fr_count(struct net_device *dev, unsigned int q)
{
	return ((struct igb_adapter *)netdev_priv(dev))->rx_ring[q]->count;
}

static struct page **fr_page(struct net_device *dev, unsigned int q,
			     unsigned int i)
{
	struct igb_adapter *a = netdev_priv(dev);

	return &a->rx_ring[q]->rx_buffer_info[i].page;
}

static u16 *fr_bias(struct net_device *dev, unsigned int q, unsigned int i)
{
	struct igb_adapter *a = netdev_priv(dev);

	return &a->rx_ring[q]->rx_buffer_info[i].pagecnt_bias;
}

const struct fakering_ops fakering_igb = {
	.name = "igb", .priv_size = sizeof(struct igb_adapter),
	.build = fr_build, .destroy = fr_destroy, .queues = fr_queues,
	.count = fr_count, .slot_page = fr_page, .slot_bias = fr_bias,
};
