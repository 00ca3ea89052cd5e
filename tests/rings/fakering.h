/* SPDX-License-Identifier: GPL-2.0 */
#ifndef _NICMEM_FAKERING_H
#define _NICMEM_FAKERING_H

#include <linux/netdevice.h>

/*
 * What a driver look-alike provides: its private data built with the real
 * driver's structs, and access to each RX descriptor's page and bias.
 */
struct fakering_ops {
	const char *name;
	size_t priv_size;
	/* build @queues rings of @count descriptors (no pages yet) */
	int (*build)(struct net_device *dev, unsigned int queues,
		     unsigned int count, unsigned int order);
	void (*destroy)(struct net_device *dev);
	unsigned int (*queues)(struct net_device *dev);
	unsigned int (*count)(struct net_device *dev, unsigned int q);
	struct page **(*slot_page)(struct net_device *dev, unsigned int q,
				   unsigned int i);
	u16 *(*slot_bias)(struct net_device *dev, unsigned int q,
			  unsigned int i);
};

extern const struct fakering_ops fakering_ixgbe, fakering_i40e, fakering_igb;

#endif
