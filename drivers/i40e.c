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
#include "adaptor.h"

static const struct nicmem_field i40e_fields[] = {
#include "i40e_layout.h"
};

const struct nicmem_adaptor nicmem_adaptor_i40e = {
	.driver		= "i40e",
	.flags		= NICMEM_AD_PAGE_PER_DESC,
	.module		= "i40e",
	.fields		= i40e_fields,
	.nr_fields	= ARRAY_SIZE(i40e_fields),
	.order0_max_mtu	= 1500,
};
