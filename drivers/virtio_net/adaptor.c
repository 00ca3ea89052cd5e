// SPDX-License-Identifier: GPL-2.0
/*
 * virtio_net's adaptor: the pages its receive virtqueues hold (spec.h).
 *
 * Reached from netdev_priv() (struct virtnet_info, which points back at
 * the net_device) through vi->rq[0 .. max_queue_pairs): every queue pair
 * the device has, also those ethtool -L left idle, whose buffers stay
 * posted. Each receive_queue's virtqueue is a struct vring_virtqueue
 * (virtio_ring.c) around the public struct virtqueue, whose vdev must be
 * the interface's; its desc_state[] (split or packed ring) holds each
 * posted buffer's address, or NULL. A queue's pages are the distinct
 * (head) pages those buffers and the queue's page_frag lie in, each
 * counted once with the census's span order: what the queue keeps from
 * being freed. Its descriptors are the vring's size, "with_page" the
 * buffers posted; its kind "virtqueue" (no bias, so no bias histograms).
 *
 * The vrings are reallocated only under rtnl (ethtool -G's
 * virtnet_rx_resize(), XDP, remove), which the core holds for this walk,
 * one queue at a time as for the bias rings; NAPI posts and takes buffers
 * under us, so each value is a sample, read once. Every read is nofault
 * and of RAM only; every buffer address must be in the direct map and
 * every page it names a valid online page, or the walk declines.
 * Not walked: "big packets" receive buffers (no mergeable buffers: chains
 * of pages, the token a struct page), where the walk declines.
 */
#include <linux/mm.h>
#include <linux/netdevice.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/virtio.h>
#include "../adaptor.h"
#include "spec.h"
#include "../../census.h"
#include "../../compat.h"
#include "../../nofault.h"

#define VN_CHUNK	4096	/* bytes of desc_state[] per read */
#define VN_VRING_MAX	32768	/* the virtio spec's largest queue */

/* the pointer-sized members */
static const int vn_pointers[] = {
	NICMEM_F_virtnet_info_vdev, NICMEM_F_virtnet_info_dev,
	NICMEM_F_virtnet_info_rq, NICMEM_F_receive_queue_vq,
	NICMEM_F_receive_queue_alloc_frag_page,
	NICMEM_F_vring_virtqueue_split_desc_state,
	NICMEM_F_vring_virtqueue_packed_desc_state,
	NICMEM_F_vring_desc_state_split_data,
	NICMEM_F_vring_desc_state_packed_data,
};

struct vn_walk {
	struct nicmem_iface *ifi;
	const struct nicmem_layout *l;
	unsigned long vi, rqs, vdev;
	u64 nq;
	u8 reg_state;		/* at the start: a change means unregister */
	u8 *chunk;
	unsigned long *heads;	/* room for @room head pages */
	u32 room;
};

static u32 fo(const struct vn_walk *w, int f)
{
	return w->l->f[f].offset;
}

static u32 fs(const struct vn_walk *w, int f)
{
	return w->l->f[f].size;
}

/* @f of the object at @base: an unsigned value, RAM only */
static int vn_uint(const struct vn_walk *w, unsigned long base, int f, u64 *v)
{
	return nicmem_read_uint(base + fo(w, f), fs(w, f), v);
}

/* Is the layout whole and plausible? Else why not, in @ifi->note. */
static int vn_check_layout(struct nicmem_iface *ifi,
			   const struct nicmem_layout *l)
{
	unsigned int i;

	if (!l)
		return nicmem_decline(ifi, -ENOENT, "no_layout");
	if (!l->usable)
		return nicmem_decline(ifi, -ENOENT, "%s", l->source);
	/* every member is read: a layout lacking one cannot be walked */
	for (i = 0; i < ARRAY_SIZE(virtio_net_fields); i++) {
		const struct nicmem_field *f = &virtio_net_fields[i];

		if (l->f[i].err)
			return nicmem_decline(ifi, -ENOENT, "layout_lacks_%s.%s",
					      f->sname, f->path ?: "size");
	}
	for (i = 0; i < ARRAY_SIZE(vn_pointers); i++)
		if (l->f[vn_pointers[i]].size != sizeof(void *))
			return nicmem_decline(ifi, -EINVAL, "implausible_layout");
	if (l->f[NICMEM_F_vring_desc_state_split_data].offset + sizeof(void *) >
	    l->f[NICMEM_F_sizeof_vring_desc_state_split].size ||
	    l->f[NICMEM_F_vring_desc_state_packed_data].offset + sizeof(void *) >
	    l->f[NICMEM_F_sizeof_vring_desc_state_packed].size ||
	    l->f[NICMEM_F_sizeof_vring_desc_state_split].size > NICMEM_MAX_STRIDE ||
	    l->f[NICMEM_F_sizeof_vring_desc_state_packed].size > NICMEM_MAX_STRIDE ||
	    !l->f[NICMEM_F_sizeof_receive_queue].size)
		return nicmem_decline(ifi, -EINVAL, "implausible_layout");
	return 0;
}

static int vn_cmp(const void *a, const void *b)
{
	unsigned long x = *(const unsigned long *)a;
	unsigned long y = *(const unsigned long *)b;

	return x < y ? -1 : x > y;
}

/* Room for @n head pages in @w->heads */
static int vn_room(struct vn_walk *w, u32 n)
{
	if (n <= w->room)
		return 0;
	kvfree(w->heads);
	w->heads = kvmalloc_array(n, sizeof(*w->heads), GFP_KERNEL);
	w->room = w->heads ? n : 0;
	return w->heads ? 0 : -ENOMEM;
}

/* Every posted buffer of desc_state[@num] at @ds: its head page */
static int vn_buffers(struct vn_walk *w, unsigned int qi, unsigned long ds,
		      u32 num, bool packed, u32 *n)
{
	int fsz = packed ? NICMEM_F_sizeof_vring_desc_state_packed :
			   NICMEM_F_sizeof_vring_desc_state_split;
	int fdata = packed ? NICMEM_F_vring_desc_state_packed_data :
			     NICMEM_F_vring_desc_state_split_data;
	u32 stride = fs(w, fsz), per = VN_CHUNK / stride, i = 0, j, k;
	unsigned long data;
	struct page *head;

	while (i < num) {
		k = min(per, num - i);
		if (nicmem_read_ram(w->chunk, ds + (unsigned long)i * stride,
				    (size_t)k * stride))
			return nicmem_decline(w->ifi, -EFAULT,
					      "unreadable_desc_state_q%u", qi);
		for (j = 0; j < k; j++) {
			memcpy(&data, w->chunk + j * stride + fo(w, fdata),
			       sizeof(data));
			if (!data)
				continue;
			head = nicmem_va_head_page(data);
			if (!head)
				return nicmem_decline(w->ifi, -EINVAL,
						      "bad_buffer_q%u_d%u", qi, i + j);
			w->heads[(*n)++] = (unsigned long)head;
		}
		i += k;
		cond_resched();
	}
	return 0;
}

/* One receive queue: its vring's buffers and its page_frag's page */
static int vn_queue(struct vn_walk *w, unsigned int qi, unsigned long rq)
{
	struct nicmem_iface *ifi = w->ifi;
	struct nicmem_rxq *q = &ifi->rxq[qi];
	unsigned long vq, vvq, ds, back;
	struct page *head;
	u64 packed, num, num_free, v;
	u32 n = 0, i, buffers;
	int ret;

	if (nicmem_read_ram(&vq, rq + fo(w, NICMEM_F_receive_queue_vq),
			    sizeof(vq)) || !vq)
		return nicmem_decline(ifi, -EINVAL, "no_virtqueue_q%u", qi);
	/* the public struct virtqueue: this device's, in RAM */
	if (nicmem_read_ram(&back, vq + offsetof(struct virtqueue, vdev),
			    sizeof(back)) || back != w->vdev)
		return nicmem_decline(ifi, -EINVAL, "virtqueue_vdev_mismatch_q%u", qi);
	if (nicmem_read_uint(vq + offsetof(struct virtqueue, num_free),
			     sizeof(unsigned int), &num_free))
		return nicmem_decline(ifi, -EFAULT, "unreadable_virtqueue_q%u", qi);
	/* the vring_virtqueue around it */
	vvq = vq - fo(w, NICMEM_F_vring_virtqueue_vq);
	if (vn_uint(w, vvq, NICMEM_F_vring_virtqueue_packed_ring, &packed) ||
	    vn_uint(w, vvq, packed ? NICMEM_F_vring_virtqueue_packed_num :
				     NICMEM_F_vring_virtqueue_split_num, &num) ||
	    nicmem_read_ram(&ds, vvq + fo(w, packed ?
					  NICMEM_F_vring_virtqueue_packed_desc_state :
					  NICMEM_F_vring_virtqueue_split_desc_state),
			    sizeof(ds)))
		return nicmem_decline(ifi, -EFAULT, "unreadable_virtqueue_q%u", qi);
	if (packed > 1 || !num || num > VN_VRING_MAX || num_free > num || !ds)
		return nicmem_decline(ifi, -EINVAL, "vring_out_of_range_q%u", qi);
	/* ethtool's rx_pending is queue 0's vring size; all are resized */
	if (ifi->ring_cur && num != ifi->ring_cur)
		return nicmem_decline(ifi, -EINVAL, "vring_%llu_not_ethtool_%u_q%u",
				      num, ifi->ring_cur, qi);
	q->descs = num;
	if (vn_room(w, num + 1))
		return nicmem_decline(ifi, -ENOMEM, "no_memory");
	ret = vn_buffers(w, qi, ds, num, packed, &n);
	if (ret)
		return ret;
	buffers = n;
	/* the page the next buffers are carved from holds a reference too */
	if (vn_uint(w, rq, NICMEM_F_receive_queue_alloc_frag_page, &v))
		return nicmem_decline(ifi, -EFAULT, "unreadable_queue_q%u", qi);
	if (v) {
		head = nicmem_head_page(v);
		if (!head)
			return nicmem_decline(ifi, -EINVAL, "bad_alloc_frag_page_q%u", qi);
		w->heads[n++] = (unsigned long)head;
	}
	sort(w->heads, n, sizeof(*w->heads), vn_cmp, NULL);
	for (i = 0; i < n; i++) {
		struct page *page = (struct page *)w->heads[i];
		struct nicmem_page_snap s;
		unsigned int order;
		u64 pages;

		if (i && w->heads[i] == w->heads[i - 1])
			continue;
		nicmem_snap_page(page, &s);
		order = nicmem_snap_span_order(page, s.order);
		pages = 1ULL << order;
		q->order = max(q->order, order);
		q->pages += pages;
		if (ifi->numa_node != NUMA_NO_NODE &&
		    page_to_nid(page) != ifi->numa_node)
			q->remote += pages;
		if (nicmem_classify(&s, ifi->threshold) == NICMEM_PINNED)
			q->pinned += pages;
	}
	q->with_page = buffers;
	q->kind = "virtqueue";
	q->counted = true;
	return 0;
}

/* After rtnl was dropped between queues: the same device and queues */
static int vn_recheck(const struct vn_walk *w)
{
	struct nicmem_iface *ifi = w->ifi;
	unsigned long back, rqs;
	u64 nq;

	if (nicmem_dev_reg_state(ifi->dev) != w->reg_state)
		return nicmem_decline(ifi, -EAGAIN, "unregistered_during_walk");
	if (nicmem_read_ram(&back, w->vi + fo(w, NICMEM_F_virtnet_info_dev),
			    sizeof(back)) || back != (unsigned long)ifi->dev ||
	    nicmem_read_ram(&rqs, w->vi + fo(w, NICMEM_F_virtnet_info_rq),
			    sizeof(rqs)) || rqs != w->rqs ||
	    vn_uint(w, w->vi, NICMEM_F_virtnet_info_max_queue_pairs, &nq) ||
	    nq != w->nq)
		return nicmem_decline(ifi, -EAGAIN, "changed_during_walk");
	return 0;
}

static int vn_walk_queues(struct vn_walk *w)
{
	struct nicmem_iface *ifi = w->ifi;
	u32 rqsize = fs(w, NICMEM_F_sizeof_receive_queue);
	unsigned int qi, order = 0;
	u64 pages = 0;
	int ret;

	ifi->rxq = kvcalloc(w->nq, sizeof(*ifi->rxq), GFP_KERNEL);
	if (!ifi->rxq)
		return nicmem_decline(ifi, -ENOMEM, "no_memory");
	ifi->nr_rxq = w->nq;
	for (qi = 0; qi < w->nq; qi++) {
		if (qi) {
			/* rtnl one queue at a time, as for the bias rings */
			rtnl_unlock();
			cond_resched();
			rtnl_lock();
			ret = vn_recheck(w);
			if (ret)
				return ret;
		}
		ret = vn_queue(w, qi, w->rqs + (unsigned long)qi * rqsize);
		if (ret)
			return ret;
		pages += ifi->rxq[qi].pages;
		order = max(order, ifi->rxq[qi].order);
	}
	nicmem_iface_set_rx(ifi, pages, order, PAGE_SIZE);
	scnprintf(ifi->note, sizeof(ifi->note), "walked_%s_layout",
		  w->l->source);
	return 0;
}

static int virtio_net_walk_rx(struct nicmem_iface *ifi)
{
	struct vn_walk w = {
		.ifi = ifi, .l = ifi->layout,
		.vi = (unsigned long)netdev_priv(ifi->dev),
		.reg_state = nicmem_dev_reg_state(ifi->dev),
	};
	u64 mergeable, big;
	unsigned long back;
	int ret = vn_check_layout(ifi, w.l);

	if (ret)
		return ret;
	if (nicmem_read_ram(&back, w.vi + fo(&w, NICMEM_F_virtnet_info_dev),
			    sizeof(back)) || back != (unsigned long)ifi->dev)
		return nicmem_decline(ifi, -EINVAL, "root_netdev_mismatch");
	if (vn_uint(&w, w.vi, NICMEM_F_virtnet_info_mergeable_rx_bufs, &mergeable) ||
	    vn_uint(&w, w.vi, NICMEM_F_virtnet_info_big_packets, &big) ||
	    vn_uint(&w, w.vi, NICMEM_F_virtnet_info_max_queue_pairs, &w.nq) ||
	    nicmem_read_ram(&w.rqs, w.vi + fo(&w, NICMEM_F_virtnet_info_rq),
			    sizeof(w.rqs)) ||
	    nicmem_read_ram(&w.vdev, w.vi + fo(&w, NICMEM_F_virtnet_info_vdev),
			    sizeof(w.vdev)))
		return nicmem_decline(ifi, -EFAULT, "unreadable_virtnet_info");
	if (!mergeable && big)
		return nicmem_decline(ifi, -EOPNOTSUPP, "big_packets_buffers_not_walked");
	if (!w.nq || w.nq > ifi->dev->num_rx_queues || w.nq > NICMEM_MAX_RXQ)
		return nicmem_decline(ifi, -EINVAL, "queues_%llu_out_of_range", w.nq);
	if (!w.vdev || !w.rqs ||
	    !nicmem_ram(w.rqs, w.nq * fs(&w, NICMEM_F_sizeof_receive_queue)))
		return nicmem_decline(ifi, -EINVAL, "no_queue_array");
	w.chunk = kmalloc(VN_CHUNK, GFP_KERNEL);
	if (!w.chunk)
		return nicmem_decline(ifi, -ENOMEM, "no_memory");
	ret = vn_walk_queues(&w);
	kfree(w.chunk);
	kvfree(w.heads);
	return ret;
}

const struct nicmem_adaptor nicmem_adaptor_virtio_net = {
	NICMEM_SPEC_virtio_net,
	.walk_rx	= virtio_net_walk_rx,
};
