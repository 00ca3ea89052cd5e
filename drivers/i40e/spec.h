/* SPDX-License-Identifier: GPL-2.0 */
/*
 * i40e's description as plain data (drivers/spec.h): compiled into the
 * module by adaptor.c and, for the host, into the post-mortem script's
 * definitions by scripts/vmcore-defs.c.
 *
 * i40e: one page per RX descriptor with the pagecnt_bias scheme
 * (i40e_alloc_mapped_page(), 4.18 .. 7.0).
 *
 * Order: i40e_rx_pg_order() is 1 when rx_buf_len > PAGE_SIZE / 2 on
 * PAGE_SIZE < 8192. i40e_vsi_configure_rx() picks rx_buf_len 1536 -
 * NET_IP_ALIGN for MTU <= ETH_DATA_LEN (1500) and 3072 above, so order 1
 * means an MTU above 1500 on 4 KiB pages; on 64 KiB pages every descriptor
 * holds one whole 64 KiB page (the seed's arm64 hosts).
 */
#ifndef _NICMEM_I40E_SPEC_H
#define _NICMEM_I40E_SPEC_H

#include "../spec.h"

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

/* the plain members of nicmem_adaptor_i40e */
#define NICMEM_SPEC_i40e						\
	.driver		= "i40e",					\
	.flags		= NICMEM_AD_PAGE_PER_DESC,			\
	.module		= "i40e",					\
	.fields		= i40e_fields,					\
	.nr_fields	= ARRAY_SIZE(i40e_fields),			\
	.bias_ring	= &i40e_rings,					\
	.order0_max_mtu	= 1500

#endif /* _NICMEM_I40E_SPEC_H */
