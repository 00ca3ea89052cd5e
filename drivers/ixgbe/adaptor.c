// SPDX-License-Identifier: GPL-2.0
/*
 * ixgbe's adaptor: its spec (spec.h, the rules behind its figures), its walk
 * (the bias ring's) and the layout known without BTF or headers.
 */
#include "../adaptor.h"
#include "spec.h"

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
	NICMEM_SPEC_ixgbe,
	.walk_rx	= nicmem_bias_ring_walk_rx,
	.recognised	= IS_ENABLED(CONFIG_64BIT) ? &ixgbe_recognised : NULL,
};
