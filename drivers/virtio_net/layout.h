/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The virtio_net members nicmem reads (no include guard: an X-macro list),
 * resolved by name from virtio_net's BTF; the virtqueue's (struct
 * vring_virtqueue, private to drivers/virtio/virtio_ring.c) from
 * virtio_ring's, the adaptor's second module (or vmlinux's, where virtio
 * is built in). Neither has a header outside its .c file: no compiled
 * layout, no offsets probe.
 * receive_queue.alloc_frag is gone where the driver's buffers come from a
 * page_pool (7.x): the layout is incomplete there, and the walk declines.
 */
NICMEM_FIELD(virtnet_info, vdev)
NICMEM_FIELD(virtnet_info, dev)
NICMEM_FIELD(virtnet_info, rq)
NICMEM_FIELD(virtnet_info, max_queue_pairs)
NICMEM_FIELD(virtnet_info, big_packets)
NICMEM_FIELD(virtnet_info, mergeable_rx_bufs)
NICMEM_FIELD(receive_queue, vq)
NICMEM_PATH(receive_queue, alloc_frag_page, alloc_frag.page)
NICMEM_SIZEOF(receive_queue)
NICMEM_FIELD(vring_virtqueue, vq)
NICMEM_FIELD(vring_virtqueue, packed_ring)
NICMEM_PATH(vring_virtqueue, split_num, split.vring.num)
NICMEM_PATH(vring_virtqueue, split_desc_state, split.desc_state)
NICMEM_PATH(vring_virtqueue, packed_num, packed.vring.num)
NICMEM_PATH(vring_virtqueue, packed_desc_state, packed.desc_state)
NICMEM_FIELD(vring_desc_state_split, data)
NICMEM_SIZEOF(vring_desc_state_split)
NICMEM_FIELD(vring_desc_state_packed, data)
NICMEM_SIZEOF(vring_desc_state_packed)
