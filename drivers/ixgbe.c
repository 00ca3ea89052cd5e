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
#include "adaptor.h"

static const struct nicmem_field ixgbe_fields[] = {
#include "ixgbe_layout.h"
};

const struct nicmem_adaptor nicmem_adaptor_ixgbe = {
	.driver		= "ixgbe",
	.flags		= NICMEM_AD_PAGE_PER_DESC,
	.module		= "ixgbe",
	.fields		= ixgbe_fields,
	.nr_fields	= ARRAY_SIZE(ixgbe_fields),
	.order0_max_mtu	= 1500,
};
