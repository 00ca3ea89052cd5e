// SPDX-License-Identifier: GPL-2.0
/*
 * ixgbe: one page per RX descriptor, taken with page_ref_add(USHRT_MAX - 1)
 * and pagecnt_bias = USHRT_MAX (ixgbe_alloc_mapped_page(), 4.18 .. 7.0).
 *
 * Order: ixgbe_rx_pg_order() is 1 when the ring has __IXGBE_RX_3K_BUFFER,
 * which ixgbe_set_rx_buffer_len() sets on PAGE_SIZE < 8192 when
 * max_frame = MTU + 18 exceeds ETH_FRAME_LEN + ETH_FCS_LEN (1518), i.e. an
 * MTU above 1500 (the legacy-rx private flag keeps order 0; it is not
 * visible from outside the driver).
 */
#include "../adaptor.h"

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

/*
 * Identical in every tree from 4.18 to 7.0 on 64-bit (research/driver-
 * layouts.md 2.2, 2.3): the ring prefix and struct ixgbe_rx_buffer. The
 * adapter's rx_ring[] moves between versions and configs: it is searched.
 */
static const struct nicmem_recognised ixgbe_recognised = {
	.span = 16384,
	.f = {
		[NICMEM_F_ixgbe_ring_netdev]		= { 16, 8 },
		[NICMEM_F_ixgbe_ring_rx_buffer_info]	= { 48, 8 },
		[NICMEM_F_ixgbe_ring_state]		= { 56, 8 },
		[NICMEM_F_ixgbe_ring_count]		= { 84, 2 },
		[NICMEM_F_ixgbe_rx_buffer_page]		= { 16, 8 },
		[NICMEM_F_ixgbe_rx_buffer_page_offset]	= { 24, 4 },
		[NICMEM_F_ixgbe_rx_buffer_pagecnt_bias]	= { 28, 2 },
		[NICMEM_F_sizeof_ixgbe_rx_buffer]	= { 0, 32 },
	},
};

const struct nicmem_adaptor nicmem_adaptor_ixgbe = {
	.driver		= "ixgbe",
	.flags		= NICMEM_AD_PAGE_PER_DESC,
	.module		= "ixgbe",
	.fields		= ixgbe_fields,
	.nr_fields	= ARRAY_SIZE(ixgbe_fields),
	.bias_ring	= &ixgbe_rings,
	.walk_rx	= nicmem_bias_ring_walk_rx,
	.recognised	= IS_ENABLED(CONFIG_64BIT) ? &ixgbe_recognised : NULL,
	.order0_max_mtu	= 1500,
};
