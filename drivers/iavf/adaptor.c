// SPDX-License-Identifier: GPL-2.0
/*
 * iavf: one page per RX descriptor with the pagecnt_bias scheme up to 6.9
 * (same rules as i40e: rx_buf_len 3072, order 1, above MTU 1500 on
 * PAGE_SIZE < 8192); from 6.10 libeth/page_pool: the interface is counted
 * from its pools (source page_pool), without an estimate.
 */
#include "../adaptor.h"
#include "../../compat.h"

const struct nicmem_adaptor nicmem_adaptor_iavf = {
	.driver		= "iavf",
	/* page_pool rings: counted from their pools, not estimated */
	.flags		= NICMEM_IAVF_RX_PAGE_POOL ? 0 : NICMEM_AD_PAGE_PER_DESC,
	.order0_max_mtu	= 1500,
};
