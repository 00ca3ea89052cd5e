/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ixgbe's description as plain data (drivers/spec.h): compiled into the
 * module by adaptor.c and, for the host, into the post-mortem script's
 * definitions by scripts/vmcore-defs.c.
 *
 * ixgbe: one page per RX descriptor, taken with page_ref_add(USHRT_MAX - 1)
 * and pagecnt_bias = USHRT_MAX (ixgbe_alloc_mapped_page(), 4.18 .. 7.0).
 *
 * Order: ixgbe_rx_pg_order() is 1 when the ring has __IXGBE_RX_3K_BUFFER,
 * which ixgbe_set_rx_buffer_len() sets on PAGE_SIZE < 8192 when
 * max_frame = MTU + 18 exceeds ETH_FRAME_LEN + ETH_FCS_LEN (1518), i.e. an
 * MTU above 1500 (the legacy-rx private flag keeps order 0; it is not
 * visible from outside the driver).
 */
#ifndef _NICMEM_IXGBE_SPEC_H
#define _NICMEM_IXGBE_SPEC_H

#include "../spec.h"

enum {
#include "../fields_enum.h"
#include "layout.h"
};

static const struct nicmem_field ixgbe_fields[] = {
#include "../fields_init.h"
#include "layout.h"
};

static const struct nicmem_bias_ring ixgbe_rings = {
	.priv_root	= -1,
	.root_netdev	= NICMEM_F_ixgbe_adapter_netdev,
	.nq		= NICMEM_F_ixgbe_adapter_num_rx_queues,
	.rings		= NICMEM_F_ixgbe_adapter_rx_ring,
	.rings_max	= -1,
	.rings_indirect	= false,
	.ring_netdev	= NICMEM_F_ixgbe_ring_netdev,
	.ring_count	= NICMEM_F_ixgbe_ring_count,
	.ring_buffers	= NICMEM_F_ixgbe_ring_rx_buffer_info,
	.ring_xsk_pool	= NICMEM_F_ixgbe_ring_xsk_pool,
	.order		= NICMEM_F_ixgbe_ring_state,
	.order_how	= NICMEM_ORDER_BIT0,
	.buf_page	= NICMEM_F_ixgbe_rx_buffer_page,
	.buf_bias	= NICMEM_F_ixgbe_rx_buffer_pagecnt_bias,
	.buf_size	= NICMEM_F_sizeof_ixgbe_rx_buffer,
	.refill		= USHRT_MAX,	/* ixgbe_alloc_mapped_page() */
};

/* the plain members of nicmem_adaptor_ixgbe */
#define NICMEM_SPEC_ixgbe						\
	.driver		= "ixgbe",					\
	.flags		= NICMEM_AD_PAGE_PER_DESC,			\
	.module		= "ixgbe",					\
	.fields		= ixgbe_fields,					\
	.nr_fields	= ARRAY_SIZE(ixgbe_fields),			\
	.bias_ring	= &ixgbe_rings,					\
	.order0_max_mtu	= 1500

#endif /* _NICMEM_IXGBE_SPEC_H */
