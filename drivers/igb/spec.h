/* SPDX-License-Identifier: GPL-2.0 */
/*
 * igb's description as plain data (drivers/spec.h): compiled into the
 * module by adaptor.c and, for the host, into the post-mortem script's
 * definitions by scripts/vmcore-defs.c.
 *
 * igb: one page per RX descriptor (igb_alloc_mapped_page()); the
 * USHRT_MAX - 1 bias since 5.10 (before: bias 1, restocked by USHRT_MAX).
 *
 * Order: igb_rx_pg_order() is 1 when the ring uses large (3 KiB) buffers,
 * which igb_set_rx_buffer_len() sets on PAGE_SIZE < 8192 when
 * max_frame_size = MTU + ETH_HLEN + ETH_FCS_LEN + VLAN_HLEN (MTU + 22)
 * exceeds IGB_MAX_FRAME_BUILD_SKB = 1536 - NET_IP_ALIGN.
 */
#ifndef _NICMEM_IGB_SPEC_H
#define _NICMEM_IGB_SPEC_H

#include "../spec.h"

enum {
#include "../fields_enum.h"
#include "layout.h"
};

static const struct nicmem_field igb_fields[] = {
#include "../fields_init.h"
#include "layout.h"
};

static const struct nicmem_bias_ring igb_rings = {
	.priv_root	= -1,
	.root_netdev	= NICMEM_F_igb_adapter_netdev,
	.nq		= NICMEM_F_igb_adapter_num_rx_queues,
	.rings		= NICMEM_F_igb_adapter_rx_ring,
	.rings_max	= -1,
	.rings_indirect	= false,
	.ring_netdev	= NICMEM_F_igb_ring_netdev,
	.ring_count	= NICMEM_F_igb_ring_count,
	.ring_buffers	= NICMEM_F_igb_ring_rx_buffer_info,
	.ring_xsk_pool	= -1,
	.order		= NICMEM_F_igb_ring_flags,
	.order_how	= NICMEM_ORDER_BIT0,
	.buf_page	= NICMEM_F_igb_rx_buffer_page,
	.buf_bias	= NICMEM_F_igb_rx_buffer_pagecnt_bias,
	.buf_size	= NICMEM_F_sizeof_igb_rx_buffer,
	.refill		= USHRT_MAX,	/* igb_alloc_mapped_page() */
};

/* the plain members of nicmem_adaptor_igb */
#define NICMEM_SPEC_igb							\
	.driver		= "igb",					\
	.flags		= NICMEM_AD_PAGE_PER_DESC,			\
	.module		= "igb",					\
	.fields		= igb_fields,					\
	.nr_fields	= ARRAY_SIZE(igb_fields),			\
	.bias_ring	= &igb_rings,					\
	.order0_max_mtu	= 1536 - NET_IP_ALIGN - 22

#endif /* _NICMEM_IGB_SPEC_H */
