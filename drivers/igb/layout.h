/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The igb members nicmem reads (no include guard: an X-macro list shared
 * by the adaptor, through BTF, and the offsets probe, through offsetof()
 * from the driver's igb.h).
 */
NICMEM_FIELD(igb_adapter, netdev)
NICMEM_FIELD(igb_adapter, num_rx_queues)
NICMEM_FIELD(igb_adapter, rx_ring)
NICMEM_FIELD(igb_ring, netdev)
NICMEM_FIELD(igb_ring, rx_buffer_info)
NICMEM_FIELD(igb_ring, flags)
NICMEM_FIELD(igb_ring, count)
NICMEM_FIELD(igb_ring, next_to_use)
NICMEM_FIELD(igb_ring, next_to_clean)
NICMEM_FIELD(igb_ring, next_to_alloc)
NICMEM_FIELD(igb_rx_buffer, page)
NICMEM_FIELD(igb_rx_buffer, page_offset)
NICMEM_FIELD(igb_rx_buffer, pagecnt_bias)
NICMEM_SIZEOF(igb_rx_buffer)
