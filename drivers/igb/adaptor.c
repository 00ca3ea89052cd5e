// SPDX-License-Identifier: GPL-2.0
/*
 * igb's adaptor: its spec (spec.h, the rules behind its figures), its walk
 * (the bias ring's) and the layout known without BTF or headers.
 */
#include <linux/skbuff.h>
#include "../adaptor.h"
#include "spec.h"

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
	NICMEM_SPEC_igb,
	.walk_rx	= nicmem_bias_ring_walk_rx,
	.recognised	= IS_ENABLED(CONFIG_64BIT) ? &igb_recognised : NULL,
};
