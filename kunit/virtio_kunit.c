// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the virtio_net adaptor's walk on look-alike structures. virtio_net's
 * and virtio_ring's structs are private to their .c files, so the test
 * builds its own, around the real public struct virtqueue and struct
 * page_frag, and hands the walk the layout of them (offsetof()), as layout.c
 * would from BTF. Each queue's buffers lie in real compound pages (the
 * order of skb_page_frag_refill()'s) posted at random slots of a split or a
 * packed desc_state[]; the expected figures are what the test posted.
 * Then thousands of corruptions: each is declined with a reason or walked
 * within bounds.
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/random.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/virtio.h>
#include "nicmem.h"
#include "drivers/adaptor.h"
#include "drivers/virtio_net/spec.h"
#include "kunit_walk.h"

#include "compat.h"

NICMEM_IMPORT_KUNIT_NS();

#define T_Q		3	/* queue pairs */
#define T_NUM		256	/* vring size */
#define T_ORDER		3	/* skb_page_frag_refill()'s 32 KiB (4 KiB pages) */
#define T_PAGES		14	/* compound pages per queue: 13 hold T_NUM buffers */
#define T_BUF		1536	/* bytes per buffer */

struct t_ss {
	void *data;
	void *indir_desc;
};

struct t_sp {
	void *data;
	void *indir_desc;
	u16 num, last;
};

struct t_vvq {
	struct virtqueue vq;
	bool packed_ring;
	bool use_dma_api;
	union {
		struct {
			struct { unsigned int num; void *desc; } vring;
			struct t_ss *desc_state;
		} split;
		struct {
			struct { unsigned int num; void *desc; } vring;
			u64 pad;
			struct t_sp *desc_state;
		} packed;
	};
};

struct t_rq {
	struct virtqueue *vq;
	u64 napi[8];
	struct page_frag alloc_frag;
	char name[40];
};

struct t_vi {
	struct virtio_device *vdev;
	void *cvq;
	struct net_device *dev;
	void *sq;
	struct t_rq *rq;
	unsigned int status;
	u16 max_queue_pairs;
	u16 curr_queue_pairs;
	bool big_packets;
	bool mergeable_rx_bufs;
};

struct virtio_fixture {
	struct net_device *dev;
	struct t_vi *vi;
	void *vdev;
	struct t_vvq *vvq[T_Q];
	struct page *pages[T_Q][T_PAGES];
	u32 posted[T_Q];
	struct nicmem_layout l;
	u32 ring_cur;		/* ethtool's, for the walk (0: unknown) */
	struct nicmem_iface ifi;
};

static void t_set(struct virtio_fixture *f, int id, u32 offset, u32 size)
{
	f->l.f[id].offset = offset;
	f->l.f[id].size = size;
	f->l.f[id].err = 0;
}

/* the layout of the look-alikes, as layout.c resolves the real ones */
static void layout_init(struct virtio_fixture *f)
{
	f->l.ad = nicmem_adaptor_find("virtio_net");
	strscpy(f->l.source, "btf", sizeof(f->l.source));
	f->l.usable = true;
	t_set(f, NICMEM_F_virtnet_info_vdev, offsetof(struct t_vi, vdev),
	      sizeof_field(struct t_vi, vdev));
	t_set(f, NICMEM_F_virtnet_info_dev, offsetof(struct t_vi, dev),
	      sizeof_field(struct t_vi, dev));
	t_set(f, NICMEM_F_virtnet_info_rq, offsetof(struct t_vi, rq),
	      sizeof_field(struct t_vi, rq));
	t_set(f, NICMEM_F_virtnet_info_max_queue_pairs, offsetof(struct t_vi, max_queue_pairs),
	      sizeof_field(struct t_vi, max_queue_pairs));
	t_set(f, NICMEM_F_virtnet_info_big_packets, offsetof(struct t_vi, big_packets),
	      sizeof_field(struct t_vi, big_packets));
	t_set(f, NICMEM_F_virtnet_info_mergeable_rx_bufs, offsetof(struct t_vi, mergeable_rx_bufs),
	      sizeof_field(struct t_vi, mergeable_rx_bufs));
	t_set(f, NICMEM_F_receive_queue_vq, offsetof(struct t_rq, vq),
	      sizeof_field(struct t_rq, vq));
	t_set(f, NICMEM_F_receive_queue_alloc_frag_page, offsetof(struct t_rq, alloc_frag.page),
	      sizeof_field(struct t_rq, alloc_frag.page));
	t_set(f, NICMEM_F_sizeof_receive_queue, 0, sizeof(struct t_rq));
	t_set(f, NICMEM_F_vring_virtqueue_vq, offsetof(struct t_vvq, vq),
	      sizeof_field(struct t_vvq, vq));
	t_set(f, NICMEM_F_vring_virtqueue_packed_ring, offsetof(struct t_vvq, packed_ring),
	      sizeof_field(struct t_vvq, packed_ring));
	t_set(f, NICMEM_F_vring_virtqueue_split_num, offsetof(struct t_vvq, split.vring.num),
	      sizeof_field(struct t_vvq, split.vring.num));
	t_set(f, NICMEM_F_vring_virtqueue_split_desc_state,
	      offsetof(struct t_vvq, split.desc_state),
	      sizeof_field(struct t_vvq, split.desc_state));
	t_set(f, NICMEM_F_vring_virtqueue_packed_num, offsetof(struct t_vvq, packed.vring.num),
	      sizeof_field(struct t_vvq, packed.vring.num));
	t_set(f, NICMEM_F_vring_virtqueue_packed_desc_state,
	      offsetof(struct t_vvq, packed.desc_state),
	      sizeof_field(struct t_vvq, packed.desc_state));
	t_set(f, NICMEM_F_vring_desc_state_split_data, offsetof(struct t_ss, data),
	      sizeof_field(struct t_ss, data));
	t_set(f, NICMEM_F_sizeof_vring_desc_state_split, 0, sizeof(struct t_ss));
	t_set(f, NICMEM_F_vring_desc_state_packed_data, offsetof(struct t_sp, data),
	      sizeof_field(struct t_sp, data));
	t_set(f, NICMEM_F_sizeof_vring_desc_state_packed, 0, sizeof(struct t_sp));
}

static void fixture_exit(struct virtio_fixture *f)
{
	unsigned int q, k;

	kvfree(f->ifi.rxq);
	for (q = 0; q < T_Q; q++) {
		for (k = 0; k < T_PAGES; k++)
			if (f->pages[q][k])
				__free_pages(f->pages[q][k], T_ORDER);
		if (f->vvq[q]) {
			kfree(f->vvq[q]->split.desc_state);
			kfree(f->vvq[q]->packed.desc_state);
			kfree(f->vvq[q]);
		}
	}
	kfree(f->vi->rq);
	kfree(f->vdev);
	free_netdev(f->dev);
}

/*
 * Queue @q: @posted buffers spread over the first T_PAGES - 1 pages at
 * random free slots; the last page is the page_frag's, holding none yet.
 * Queue 1 is a packed ring, the others split.
 */
static void queue_init(struct kunit *test, struct virtio_fixture *f,
		       unsigned int q, u32 posted)
{
	struct t_rq *rq = &f->vi->rq[q];
	struct t_vvq *v = kzalloc(sizeof(*v), GFP_KERNEL);
	bool packed = q == 1;
	unsigned int k, i, per = (PAGE_SIZE << T_ORDER) / T_BUF;

	KUNIT_ASSERT_NOT_NULL(test, v);
	f->vvq[q] = v;
	for (k = 0; k < T_PAGES; k++) {
		f->pages[q][k] = alloc_pages(GFP_KERNEL | __GFP_COMP, T_ORDER);
		KUNIT_ASSERT_NOT_NULL(test, f->pages[q][k]);
	}
	v->vq.vdev = f->vdev;
	v->vq.index = 2 * q;
	v->vq.num_free = T_NUM - posted;
	v->packed_ring = packed;
	v->split.desc_state = kcalloc(T_NUM, sizeof(struct t_ss), GFP_KERNEL);
	v->packed.desc_state = kcalloc(T_NUM, sizeof(struct t_sp), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, v->split.desc_state);
	KUNIT_ASSERT_NOT_NULL(test, v->packed.desc_state);
	if (packed)	/* the union: packed.vring.num is split.vring.num here */
		v->packed.vring.num = T_NUM;
	else
		v->split.vring.num = T_NUM;
	KUNIT_ASSERT_LE(test, posted, (T_PAGES - 1) * per);
	for (i = 0; i < posted; i++) {
		void *buf = page_address(f->pages[q][i / per]) + (i % per) * T_BUF;
		unsigned int slot;

		do {
			slot = get_random_u32() % T_NUM;
		} while (packed ? v->packed.desc_state[slot].data :
			 v->split.desc_state[slot].data);
		if (packed)
			v->packed.desc_state[slot].data = buf;
		else
			v->split.desc_state[slot].data = buf;
	}
	f->posted[q] = posted;
	rq->vq = &v->vq;
	rq->alloc_frag.page = f->pages[q][T_PAGES - 1];
	rq->alloc_frag.size = PAGE_SIZE << T_ORDER;
}

static void fixture_init(struct kunit *test, struct virtio_fixture *f)
{
	unsigned int q;

	layout_init(f);
	KUNIT_ASSERT_NOT_NULL(test, f->l.ad);
	f->dev = alloc_etherdev_mq(sizeof(*f->vi), T_Q);
	KUNIT_ASSERT_NOT_NULL(test, f->dev);
	f->vi = netdev_priv(f->dev);
	f->vdev = kzalloc(64, GFP_KERNEL);
	f->vi->rq = kcalloc(T_Q, sizeof(*f->vi->rq), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, f->vdev);
	KUNIT_ASSERT_NOT_NULL(test, f->vi->rq);
	f->vi->vdev = f->vdev;
	f->vi->dev = f->dev;
	f->vi->max_queue_pairs = T_Q;
	f->vi->curr_queue_pairs = T_Q;
	f->vi->mergeable_rx_bufs = true;
	f->vi->big_packets = true;	/* with mergeable buffers: walked */
	/* queue 0 full, queue 1 (packed) half, queue 2 empty but its frag */
	queue_init(test, f, 0, T_NUM);
	queue_init(test, f, 1, T_NUM / 2);
	queue_init(test, f, 2, 0);
	for (q = 0; q < T_Q; q++)
		KUNIT_ASSERT_LE(test, f->posted[q], (u32)T_NUM);
}

static int walk(struct virtio_fixture *f)
{
	int ret;

	kvfree(f->ifi.rxq);
	memset(&f->ifi, 0, sizeof(f->ifi));
	f->ifi.dev = f->dev;
	f->ifi.dev_key = (unsigned long)f->dev;
	f->ifi.layout = &f->l;
	f->ifi.numa_node = NUMA_NO_NODE;
	f->ifi.threshold = 1024;
	f->ifi.ring_cur = f->ring_cur;
	rtnl_lock();	/* as the core calls it */
	ret = f->l.ad->walk_rx(&f->ifi);
	rtnl_unlock();
	return ret;
}

/* the pages queue @q's buffers lie in, and its frag's */
static u64 want_pages(const struct virtio_fixture *f, unsigned int q)
{
	unsigned int per = (PAGE_SIZE << T_ORDER) / T_BUF;

	return (DIV_ROUND_UP(f->posted[q], per) + 1) << T_ORDER;
}

static void virtio_exact(struct kunit *test)
{
	struct virtio_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	u64 total = 0;
	unsigned int q;

	KUNIT_ASSERT_NOT_NULL(test, f);
	fixture_init(test, f);
	KUNIT_ASSERT_EQ_MSG(test, walk(f), 0, "note %s", f->ifi.note);
	KUNIT_ASSERT_EQ(test, f->ifi.nr_rxq, (unsigned int)T_Q);
	for (q = 0; q < T_Q; q++) {
		const struct nicmem_rxq *r = &f->ifi.rxq[q];

		KUNIT_EXPECT_EQ_MSG(test, r->descs, (u32)T_NUM, "queue %u", q);
		KUNIT_EXPECT_EQ_MSG(test, r->with_page, f->posted[q], "queue %u", q);
		KUNIT_EXPECT_EQ_MSG(test, r->pages, want_pages(f, q), "queue %u", q);
		KUNIT_EXPECT_EQ_MSG(test, r->order, (u32)T_ORDER, "queue %u", q);
		KUNIT_EXPECT_EQ(test, r->pinned, 0ULL);
		KUNIT_EXPECT_STREQ(test, r->kind, "virtqueue");
		KUNIT_EXPECT_TRUE(test, r->counted);
		total += r->pages;
	}
	KUNIT_EXPECT_EQ(test, f->ifi.rx_pages, total);
	KUNIT_EXPECT_EQ(test, f->ifi.rx_bytes, total * PAGE_SIZE);
	KUNIT_EXPECT_FALSE(test, f->ifi.biased);
	KUNIT_EXPECT_STREQ(test, f->ifi.note, "walked_btf_layout");

	/* the adaptor reads the members this layout gives */
	KUNIT_EXPECT_EQ(test, f->l.ad->nr_fields,
			(unsigned int)ARRAY_SIZE(virtio_net_fields));

	/* ethtool's ring size must be the vrings' */
	f->ring_cur = T_NUM;
	KUNIT_EXPECT_EQ(test, walk(f), 0);
	f->ring_cur = T_NUM / 2;
	KUNIT_EXPECT_EQ(test, walk(f), -EINVAL);
	KUNIT_EXPECT_STREQ(test, f->ifi.note, "vring_256_not_ethtool_128_q0");
	f->ring_cur = 0;

	/* "big packets" buffers (no mergeable ones) are not walked */
	f->vi->mergeable_rx_bufs = false;
	KUNIT_EXPECT_EQ(test, walk(f), -EOPNOTSUPP);
	KUNIT_EXPECT_STREQ(test, f->ifi.note, "big_packets_buffers_not_walked");
	f->vi->mergeable_rx_bufs = true;

	/* 7.x: receive_queue without alloc_frag (a page_pool driver) */
	f->l.f[NICMEM_F_receive_queue_alloc_frag_page].err = -ENOENT;
	KUNIT_EXPECT_EQ(test, walk(f), -ENOENT);
	KUNIT_EXPECT_STREQ(test, f->ifi.note,
			   "layout_lacks_receive_queue.alloc_frag.page");
	f->l.f[NICMEM_F_receive_queue_alloc_frag_page].err = 0;
	KUNIT_EXPECT_EQ(test, walk(f), 0);
	fixture_exit(f);
}

struct virtio_corruption {
	struct virtio_fixture *f;
	struct kunit_junk j;
};

static bool virtio_poke(void *ctx, struct kunit_undo *u, unsigned int kind)
{
	struct virtio_corruption *x = ctx;
	struct virtio_fixture *f = x->f;
	const struct kunit_junk *j = &x->j;
	unsigned int q = get_random_u32() % T_Q;
	struct t_rq *rq = &f->vi->rq[q];
	struct t_vvq *v = f->vvq[q];
	unsigned int slot = get_random_u32() % T_NUM;

	switch (kind) {
	case 0:	/* the root points at another device, or nowhere */
		kunit_poke(u, &f->vi->dev, get_random_u32() % 2 ?
			   (unsigned long)j->other : 0, 8);
		break;
	case 1:	/* the queue count */
		kunit_poke(u, &f->vi->max_queue_pairs, kunit_wild(), 2);
		break;
	case 2:	/* the queue array: NULL, random bytes, freed */
		kunit_poke(u, &f->vi->rq, kunit_junk_ptr(j), 8);
		break;
	case 3:	/* a queue's virtqueue pointer */
		kunit_poke(u, &rq->vq, get_random_u32() % 3 ?
			   kunit_junk_ptr(j) : kunit_wild(), 8);
		break;
	case 4:	/* the virtqueue's device, its free count */
		if (get_random_u32() % 2)
			kunit_poke(u, &v->vq.vdev, (unsigned long)j->other, 8);
		else
			kunit_poke(u, &v->vq.num_free, kunit_wild(), 4);
		break;
	case 5:	/* split or packed, the vring's size */
		if (get_random_u32() % 2)
			kunit_poke(u, &v->packed_ring, kunit_wild(), 1);
		else
			kunit_poke(u, &v->split.vring.num, kunit_wild(), 4);
		break;
	case 6:	/* the desc_state array */
		kunit_poke(u, v->packed_ring ? (void *)&v->packed.desc_state :
			   (void *)&v->split.desc_state,
			   get_random_u32() % 2 ? kunit_wild() : kunit_junk_ptr(j), 8);
		break;
	case 7:	/* one buffer's address */
		kunit_poke(u, v->packed_ring ? (void *)&v->packed.desc_state[slot].data :
			   (void *)&v->split.desc_state[slot].data,
			   get_random_u32() % 2 ? kunit_wild() :
			   (unsigned long)j->junk + get_random_u32() % KUNIT_JUNK_SIZE, 8);
		break;
	case 8:	/* the page_frag's page */
		kunit_poke(u, &rq->alloc_frag.page, get_random_u32() % 2 ?
			   kunit_wild() : (unsigned long)j->junk, 8);
		break;
	default:	/* unmapped pointers: only where faults are real */
		if (IS_ENABLED(CONFIG_UML))
			return false;
		kunit_poke(u, get_random_u32() % 2 ? (void *)&f->vi->rq : (void *)&rq->vq,
			   kunit_unmapped(), 8);
		break;
	}
	return true;
}

static int virtio_corrupt_walk(void *ctx)
{
	return walk(((struct virtio_corruption *)ctx)->f);
}

/* what a walk accepts stays within bounds */
static void virtio_corrupt_bounds(struct kunit *test, void *ctx)
{
	const struct virtio_fixture *f = ((struct virtio_corruption *)ctx)->f;
	const struct nicmem_rxq *r = &f->ifi.rxq[0];

	KUNIT_EXPECT_LE(test, f->ifi.nr_rxq, (unsigned int)T_Q);
	if (!f->ifi.nr_rxq)
		return;
	KUNIT_EXPECT_LE(test, r->descs, 32768U);
	KUNIT_EXPECT_LE(test, r->with_page, r->descs);
	KUNIT_EXPECT_LE(test, r->pages, (u64)(r->with_page + 1) << r->order);
}

static const struct kunit_corruption virtio_corruption = {
	.kinds	= 10,
	.poke	= virtio_poke,
	.walk	= virtio_corrupt_walk,
	.bounds	= virtio_corrupt_bounds,
};

static void virtio_corrupt(struct kunit *test)
{
	struct virtio_corruption x = {
		.f = kunit_kzalloc(test, sizeof(*x.f), GFP_KERNEL),
	};

	KUNIT_ASSERT_NOT_NULL(test, x.f);
	fixture_init(test, x.f);
	kunit_junk_init(test, &x.j);
	kunit_corrupt_loop(test, "virtio_net", &virtio_corruption, &x, &x.f->ifi, 3000);
	/* and the untouched structures still walk exactly */
	KUNIT_EXPECT_EQ(test, walk(x.f), 0);
	KUNIT_EXPECT_EQ(test, x.f->ifi.nr_rxq, (unsigned int)T_Q);
	KUNIT_EXPECT_EQ(test, x.f->ifi.rxq[0].pages, want_pages(x.f, 0));
	kunit_junk_exit(&x.j);
	fixture_exit(x.f);
}

static struct kunit_case virtio_cases[] = {
	KUNIT_CASE(virtio_exact),
	KUNIT_CASE(virtio_corrupt),
	{}
};

static struct kunit_suite virtio_suite = {
	.name = "nicmem_virtio_net",
	.test_cases = virtio_cases,
};

kunit_test_suites(&virtio_suite);
