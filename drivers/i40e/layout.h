/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The i40e members nicmem reads (no include guard: an X-macro list shared
 * by the adaptor, through BTF, and the offsets probe, through offsetof()
 * from the driver's i40e.h).
 */
NICMEM_FIELD(i40e_netdev_priv, vsi)
NICMEM_FIELD(i40e_vsi, netdev)
NICMEM_FIELD(i40e_vsi, rx_rings)
NICMEM_FIELD(i40e_vsi, num_queue_pairs)
NICMEM_FIELD(i40e_vsi, alloc_queue_pairs)
NICMEM_FIELD(i40e_ring, netdev)
NICMEM_FIELD(i40e_ring, rx_bi)
NICMEM_FIELD(i40e_ring, count)
NICMEM_FIELD(i40e_ring, rx_buf_len)
NICMEM_FIELD(i40e_ring, flags)
NICMEM_FIELD(i40e_ring, next_to_use)
NICMEM_FIELD(i40e_ring, next_to_clean)
NICMEM_FIELD(i40e_ring, next_to_alloc)
NICMEM_FIELD(i40e_ring, xsk_pool)
NICMEM_FIELD(i40e_rx_buffer, page)
NICMEM_FIELD(i40e_rx_buffer, page_offset)
NICMEM_FIELD(i40e_rx_buffer, pagecnt_bias)
NICMEM_SIZEOF(i40e_rx_buffer)
