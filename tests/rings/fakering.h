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

/* one per drivers/<d>/fakering.c: Kbuild's NICMEM_FAKERINGS, FR(d) each */
extern const struct fakering_ops
#define FR(d)	fakering_##d,
	NICMEM_FAKERINGS
#undef FR
	fakering_list_end;	/* declared only: ends the list */

#define FAKERING_HIST	19	/* nicmem's NICMEM_HIST_BUCKETS */

struct fr_dev {
	const struct fakering_ops *ops;
	struct net_device *dev;
	unsigned int order;
	int page_node;		/* NUMA_NO_NODE, or where the pages must come from */
	bool remote;		/* the device sits on another node than its pages */
};

/* what one queue must show after fakering_fill(); the histograms, in
 * base pages: @drain_h by what the traffic took of the bias
 */
struct fakering_q {
	u32 descs, with_page;
	u64 pages, pinned, remote;
	u64 drain_h[FAKERING_HIST];
};

int fakering_fill(struct fr_dev *fd, unsigned int nq, unsigned int count);
void fakering_drain(struct fr_dev *fd);
void fakering_expect(const struct fr_dev *fd, unsigned int q,
		     unsigned int threshold, struct fakering_q *e,
		     u64 *bias_h, u64 *out_h, u64 *drain_h);

#endif
