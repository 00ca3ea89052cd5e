// SPDX-License-Identifier: GPL-2.0
/*
 * igb: one page per RX descriptor (igb_alloc_mapped_page()); the
 * USHRT_MAX - 1 bias since 5.10 (before: bias 1, restocked by USHRT_MAX).
 *
 * Order: igb_rx_pg_order() is 1 when the ring uses large (3 KiB) buffers,
 * which igb_set_rx_buffer_len() sets on PAGE_SIZE < 8192 when
 * max_frame_size = MTU + ETH_HLEN + ETH_FCS_LEN + VLAN_HLEN (MTU + 22)
 * exceeds IGB_MAX_FRAME_BUILD_SKB = 1536 - NET_IP_ALIGN.
 */
#include <linux/skbuff.h>
#include "../adaptor.h"

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

/*
 * igb's rx buffer is identical 4.18 .. 7.0; its ring prefix is identical
 * from RHEL 8.5 / 5.10 to 7.0 (xdp_prog was inserted before
 * rx_buffer_info; research/driver-layouts.md 4.2, 4.3). Older kernels
 * (4.18, RHEL 8.3, 5.4) also used the bias-1 scheme without the 0xffff
 * signature; they are not recognised. The adapter's rx_ring[] is searched.
 */
static const struct nicmem_recognised igb_recognised = {
	.span = 8192,
	.f = {
		[NICMEM_F_igb_ring_netdev]		= { 8, 8 },
		[NICMEM_F_igb_ring_rx_buffer_info]	= { 32, 8 },
		[NICMEM_F_igb_ring_flags]		= { 48, 8 },
		[NICMEM_F_igb_ring_count]		= { 76, 2 },
		[NICMEM_F_igb_rx_buffer_page]		= { 8, 8 },
		[NICMEM_F_igb_rx_buffer_page_offset]	= { 16, 4 },
		[NICMEM_F_igb_rx_buffer_pagecnt_bias]	= { 20, 2 },
		[NICMEM_F_sizeof_igb_rx_buffer]		= { 0, 24 },
	},
};

const struct nicmem_adaptor nicmem_adaptor_igb = {
	.driver		= "igb",
	.flags		= NICMEM_AD_PAGE_PER_DESC,
	.module		= "igb",
	.fields		= igb_fields,
	.nr_fields	= ARRAY_SIZE(igb_fields),
	.bias_ring	= &igb_rings,
	.walk_rx	= nicmem_bias_ring_walk_rx,
	.recognised	= IS_ENABLED(CONFIG_64BIT) ? &igb_recognised : NULL,
	.order0_max_mtu	= 1536 - NET_IP_ALIGN - 22,
};
