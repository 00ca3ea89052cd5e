// SPDX-License-Identifier: GPL-2.0
/*
 * i40e's adaptor: its spec (spec.h, the rules behind its figures), its walk
 * (the bias ring's) and the layout known without BTF or headers.
 */
#include "../adaptor.h"
#include "spec.h"
#include "../../compat.h"

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
	NICMEM_SPEC_i40e,
	.walk_rx	= nicmem_bias_ring_walk_rx,
	.recognised	= IS_ENABLED(CONFIG_64BIT) && NICMEM_I40E_RECOGNISED ?
			  &i40e_recognised : NULL,
};
