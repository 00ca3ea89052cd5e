// SPDX-License-Identifier: GPL-2.0
/*
 * An i40e look-alike's private data: the real struct i40e_netdev_priv
 * pointing at a real struct i40e_vsi, whose rx_rings[] point at rings
 * allocated as i40e_alloc_rings() and i40e_setup_rx_descriptors() do.
 */
#include "i40e.h"
#include "fakering.h"

static struct i40e_vsi *vsi_of(struct net_device *dev)
{
	return ((struct i40e_netdev_priv *)netdev_priv(dev))->vsi;
}

static int fr_build(struct net_device *dev, unsigned int queues,
		    unsigned int count, unsigned int order)
{
	struct i40e_netdev_priv *np = netdev_priv(dev);
	struct i40e_vsi *vsi = kzalloc(sizeof(*vsi), GFP_KERNEL);
	unsigned int q;

	if (!vsi)
		return -ENOMEM;
	np->vsi = vsi;
	vsi->netdev = dev;
	vsi->rx_rings = kcalloc(queues, sizeof(*vsi->rx_rings), GFP_KERNEL);
	if (!vsi->rx_rings)
		return -ENOMEM;
	vsi->alloc_queue_pairs = queues;
	for (q = 0; q < queues; q++) {
		struct i40e_ring *r = kzalloc(sizeof(*r), GFP_KERNEL);

		if (!r)
			return -ENOMEM;
		vsi->rx_rings[q] = r;
		vsi->num_queue_pairs = q + 1;
		r->netdev = dev;
		r->count = count;
		r->rx_buf_len = order ? I40E_RXBUFFER_3072 :
				I40E_RXBUFFER_1536 - NET_IP_ALIGN;
		r->rx_bi = kcalloc(count, sizeof(*r->rx_bi), GFP_KERNEL);
		if (!r->rx_bi)
			return -ENOMEM;
	}
	return 0;
}

static void fr_destroy(struct net_device *dev)
{
	struct i40e_vsi *vsi = vsi_of(dev);
	int q;

	if (!vsi)
		return;
	for (q = 0; q < vsi->num_queue_pairs; q++) {
		kfree(vsi->rx_rings[q]->rx_bi);
		kfree(vsi->rx_rings[q]);
	}
	kfree(vsi->rx_rings);
	kfree(vsi);
	((struct i40e_netdev_priv *)netdev_priv(dev))->vsi = NULL;
}

static unsigned int fr_queues(struct net_device *dev)
{
	return vsi_of(dev) ? vsi_of(dev)->num_queue_pairs : 0;
}

static unsigned int fr_count(struct net_device *dev, unsigned int q)
{
	return vsi_of(dev)->rx_rings[q]->count;
}

static struct page **fr_page(struct net_device *dev, unsigned int q,
			     unsigned int i)
{
	return &vsi_of(dev)->rx_rings[q]->rx_bi[i].page;
}

static u16 *fr_bias(struct net_device *dev, unsigned int q, unsigned int i)
{
	return &vsi_of(dev)->rx_rings[q]->rx_bi[i].pagecnt_bias;
}

const struct fakering_ops fakering_i40e = {
	.name = "i40e", .priv_size = sizeof(struct i40e_netdev_priv),
	.build = fr_build, .destroy = fr_destroy, .queues = fr_queues,
	.count = fr_count, .slot_page = fr_page, .slot_bias = fr_bias,
};
