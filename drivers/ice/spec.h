/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ice's description as plain data (drivers/spec.h): compiled into the
 * module by adaptor.c and, for the host, into the post-mortem script's
 * definitions by scripts/vmcore-defs.c.
 *
 * ice: one page per RX descriptor with the pagecnt_bias scheme up to 6.18
 * (ice_alloc_mapped_page()); from 6.19 the rings use libeth/page_pool: the
 * interface is counted from its pools (source page_pool), no estimate.
 *
 * Order: ice_rx_pg_order() is 1 when rx_buf_len > PAGE_SIZE / 2;
 * ice_vsi_cfg_frame_size() picks 1536 - NET_IP_ALIGN for MTU <= 1500 and
 * 3072 above on PAGE_SIZE < 8192.
 */
#ifndef _NICMEM_ICE_SPEC_H
#define _NICMEM_ICE_SPEC_H

#include "../spec.h"

/*
 * the plain members of nicmem_adaptor_ice; from 6.19 (compat.h) its rings
 * are page_pool's: counted from their pools, not estimated
 */
#define NICMEM_SPEC_ice							\
	.driver		= "ice",					\
	.flags		= NICMEM_ICE_RX_PAGE_POOL ? 0 :			\
			  NICMEM_AD_PAGE_PER_DESC,			\
	.order0_max_mtu	= 1500

#endif /* _NICMEM_ICE_SPEC_H */
