// SPDX-License-Identifier: GPL-2.0
/*
 * i40e: one page per RX descriptor with the pagecnt_bias scheme
 * (i40e_alloc_mapped_page(), 4.18 .. 7.0).
 *
 * Order: i40e_rx_pg_order() is 1 when rx_buf_len > PAGE_SIZE / 2 on
 * PAGE_SIZE < 8192. i40e_vsi_configure_rx() picks rx_buf_len 1536 -
 * NET_IP_ALIGN for MTU <= ETH_DATA_LEN (1500) and 3072 above, so order 1
 * means an MTU above 1500 on 4 KiB pages; on 64 KiB pages every descriptor
 * holds one whole 64 KiB page (the seed's arm64 hosts).
 */
#include "../adaptor.h"
#include "../../compat.h"

enum {
#include "../fields_enum.h"
#include "layout.h"
};

static const struct nicmem_field i40e_fields[] = {
#include "../fields_init.h"
#include "layout.h"
};

static const struct nicmem_bias_ring i40e_rings = {
	.priv_root	= NICMEM_F_i40e_netdev_priv_vsi,
	.root_netdev	= NICMEM_F_i40e_vsi_netdev,
	.nq		= NICMEM_F_i40e_vsi_num_queue_pairs,
	.rings		= NICMEM_F_i40e_vsi_rx_rings,
	.rings_max	= NICMEM_F_i40e_vsi_alloc_queue_pairs,
	.rings_indirect	= true,
	.ring_netdev	= NICMEM_F_i40e_ring_netdev,
	.ring_count	= NICMEM_F_i40e_ring_count,
	.ring_buffers	= NICMEM_F_i40e_ring_rx_bi,
	.ring_xsk_pool	= NICMEM_F_i40e_ring_xsk_pool,
	.order		= NICMEM_F_i40e_ring_rx_buf_len,
	.order_how	= NICMEM_ORDER_BUFLEN_HALF,
	.buf_page	= NICMEM_F_i40e_rx_buffer_page,
	.buf_bias	= NICMEM_F_i40e_rx_buffer_pagecnt_bias,
	.buf_size	= NICMEM_F_sizeof_i40e_rx_buffer,
	.refill		= USHRT_MAX,	/* i40e_alloc_mapped_page() */
};

/*
 * Identical in 4.18 .. 6.1 and in every RHEL 8 minor, 8.3 .. 8.10, on
 * 64-bit (research/driver-layouts.md 3.2, 3.3; the RHEL 8 headers of
 * mkuron/almalinux-kernel: i40e_netdev_priv, the i40e_ring prefix up to
 * rx_buf_len and i40e_rx_buffer are the same text from 8.4 to 8.10, 8.3's
 * AF_XDP union keeps the offsets; offsetof() from the 8.9 kit agrees on
 * aarch64 and x86_64): netdev_priv() holds the VSI pointer at 0, and the
 * ring prefix and rx buffer below. The VSI's rx_rings array moves with
 * every release: it is searched. From 6.4 the ring's count moved and the
 * rx buffer grew (NICMEM_I40E_RECOGNISED in compat.h).
 */
static const struct nicmem_recognised i40e_recognised = {
	.span = 8192,
	.f = {
		[NICMEM_F_i40e_netdev_priv_vsi]		= { 0, 8 },
		[NICMEM_F_i40e_ring_netdev]		= { 24, 8 },
		[NICMEM_F_i40e_ring_rx_bi]		= { 40, 8 },
		[NICMEM_F_i40e_ring_count]		= { 74, 2 },
		[NICMEM_F_i40e_ring_rx_buf_len]		= { 78, 2 },
		[NICMEM_F_i40e_rx_buffer_page]		= { 8, 8 },
		[NICMEM_F_i40e_rx_buffer_page_offset]	= { 16, 4 },
		[NICMEM_F_i40e_rx_buffer_pagecnt_bias]	= { 20, 2 },
		[NICMEM_F_sizeof_i40e_rx_buffer]	= { 0, 24 },
	},
};

const struct nicmem_adaptor nicmem_adaptor_i40e = {
	.driver		= "i40e",
	.flags		= NICMEM_AD_PAGE_PER_DESC,
	.module		= "i40e",
	.fields		= i40e_fields,
	.nr_fields	= ARRAY_SIZE(i40e_fields),
	.bias_ring	= &i40e_rings,
	.walk_rx	= nicmem_bias_ring_walk_rx,
	.recognised	= IS_ENABLED(CONFIG_64BIT) && NICMEM_I40E_RECOGNISED ?
			  &i40e_recognised : NULL,
	.order0_max_mtu	= 1500,
};
