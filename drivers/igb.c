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
#include "adaptor.h"

static const struct nicmem_field igb_fields[] = {
#include "igb_layout.h"
};

const struct nicmem_adaptor nicmem_adaptor_igb = {
	.driver		= "igb",
	.flags		= NICMEM_AD_PAGE_PER_DESC,
	.module		= "igb",
	.fields		= igb_fields,
	.nr_fields	= ARRAY_SIZE(igb_fields),
	.order0_max_mtu	= 1536 - NET_IP_ALIGN - 22,
};
