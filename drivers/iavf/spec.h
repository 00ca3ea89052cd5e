/* SPDX-License-Identifier: GPL-2.0 */
/*
 * iavf's description as plain data (drivers/spec.h): compiled into the
 * module by adaptor.c and, for the host, into the post-mortem script's
 * definitions by scripts/vmcore-defs.c.
 *
 * iavf: one page per RX descriptor with the pagecnt_bias scheme up to 6.9
 * (same rules as i40e: rx_buf_len 3072, order 1, above MTU 1500 on
 * PAGE_SIZE < 8192); from 6.10 libeth/page_pool: the interface is counted
 * from its pools (source page_pool), without an estimate.
 */
#ifndef _NICMEM_IAVF_SPEC_H
#define _NICMEM_IAVF_SPEC_H

#include "../spec.h"

/*
 * the plain members of nicmem_adaptor_iavf; from 6.10 (compat.h) its rings
 * are page_pool's: counted from their pools, not estimated
 */
#define NICMEM_SPEC_iavf						\
	.driver		= "iavf",					\
	.flags		= NICMEM_IAVF_RX_PAGE_POOL ? 0 :		\
			  NICMEM_AD_PAGE_PER_DESC,			\
	.order0_max_mtu	= 1500

#endif /* _NICMEM_IAVF_SPEC_H */
