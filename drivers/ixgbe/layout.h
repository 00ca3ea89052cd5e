/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ixgbe members nicmem reads (no include guard: an X-macro list).
 * One list serves the adaptor, which resolves them by name from the
 * module's BTF, and the offsets probe, which takes offsetof() from the
 * driver's own ixgbe.h, so the two cannot drift.
 */
NICMEM_FIELD(ixgbe_adapter, netdev)
NICMEM_FIELD(ixgbe_adapter, num_rx_queues)
NICMEM_FIELD(ixgbe_adapter, rx_ring)
NICMEM_FIELD(ixgbe_ring, netdev)
NICMEM_FIELD(ixgbe_ring, rx_buffer_info)
NICMEM_FIELD(ixgbe_ring, state)
NICMEM_FIELD(ixgbe_ring, count)
NICMEM_FIELD(ixgbe_ring, next_to_use)
NICMEM_FIELD(ixgbe_ring, next_to_clean)
NICMEM_FIELD(ixgbe_ring, next_to_alloc)
NICMEM_FIELD(ixgbe_ring, rx_buf_len)
NICMEM_FIELD(ixgbe_ring, xsk_pool)
NICMEM_FIELD(ixgbe_rx_buffer, page)
NICMEM_FIELD(ixgbe_rx_buffer, page_offset)
NICMEM_FIELD(ixgbe_rx_buffer, pagecnt_bias)
NICMEM_SIZEOF(ixgbe_rx_buffer)
