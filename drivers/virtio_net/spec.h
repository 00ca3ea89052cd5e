/* SPDX-License-Identifier: GPL-2.0 */
/*
 * virtio_net's description as plain data (drivers/spec.h): compiled into
 * the module by adaptor.c and, for the host, into the post-mortem script's
 * definitions by scripts/vmcore-defs.c.
 *
 * virtio_net (up to 6.x): every RX buffer it posts to a receive virtqueue
 * is carved from the queue's own page_frag (rq->alloc_frag, refilled by
 * skb_page_frag_refill(): a 32 KiB compound page where it can, else one
 * page) and holds one reference on that page (add_recvbuf_mergeable(),
 * add_recvbuf_small()); the virtqueue keeps each buffer's address as its
 * token (desc_state[].data) until the device returns it. No bias, so none
 * of these pages has the pinned signature: without this adaptor they were
 * anonymous kernel pages. 7.x's virtio_net takes its buffers from a
 * page_pool per queue (pool.c counts those).
 */
#ifndef _NICMEM_VIRTIO_NET_SPEC_H
#define _NICMEM_VIRTIO_NET_SPEC_H

#include "../spec.h"

enum {
#include "../fields_enum.h"
#include "layout.h"
};

static const struct nicmem_field virtio_net_fields[] = {
#include "../fields_init.h"
#include "layout.h"
};

/* the plain members of nicmem_adaptor_virtio_net */
#define NICMEM_SPEC_virtio_net						\
	.driver		= "virtio_net",					\
	.module		= "virtio_net",					\
	.also_module	= "virtio_ring",				\
	.fields		= virtio_net_fields,				\
	.nr_fields	= ARRAY_SIZE(virtio_net_fields)

#endif /* _NICMEM_VIRTIO_NET_SPEC_H */
