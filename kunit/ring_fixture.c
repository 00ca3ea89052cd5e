// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the ring fixture (ring_fixture.h) and the seed's ring, timed for
 * the benchmark suite (nicmem_kunit_ring_bench(), kunit_walk.h).
 */
#include <kunit/test.h>
#include <linux/etherdevice.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/rtnetlink.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include "compat.h"
#include "nicmem.h"
#include "drivers/adaptor.h"
#include "ring_fixture.h"

/* the look-alikes of drivers/<d>/fakering.c (Kbuild's NICMEM_FAKERINGS) */
static const struct fakering_ops * const fakerings[] = {
#define FR(d)	(&fakering_##d),
	NICMEM_FAKERINGS
#undef FR
};

static const struct fakering_ops *ops_of(const char *driver)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(fakerings); i++)
		if (!strcmp(driver, fakerings[i]->name))
			return fakerings[i];
	return NULL;
}

void ring_fixture_exit(struct ring_fixture *f)
{
	kvfree(f->ifi.rxq);
	f->ifi.rxq = NULL;
	if (f->fd.dev) {
		fakering_drain(&f->fd);
		free_netdev(f->fd.dev);
	}
	kfree(f->layouts);
}

int ring_fixture_init(struct kunit *test, struct ring_fixture *f,
		      const char *driver, unsigned int order,
		      unsigned int queues, unsigned int ring)
{
	/*
	 * Classic SPARSEMEM (no vmemmap): nicmem trusts no driver page
	 * pointer there (nicmem_page_ptr_plausible()), so every walk
	 * declines with bad_page_*; the ring cases say so instead.
	 */
	if (!nicmem_page_ptr_plausible((unsigned long)ZERO_PAGE(0)))
		kunit_skip(test, "classic SPARSEMEM: nicmem reads no driver page pointer here");
	memset(f, 0, sizeof(*f));
	f->l = kunit_layout_of(test, driver, &f->ad, &f->layouts);
	f->fd.ops = ops_of(driver);
	KUNIT_ASSERT_NOT_NULL(test, f->fd.ops);
	f->fd.page_node = NUMA_NO_NODE;
	f->fd.order = order && PAGE_SIZE < 8192;
	f->fd.dev = alloc_etherdev_mq(f->fd.ops->priv_size, max(queues, 64U));
	KUNIT_ASSERT_NOT_NULL(test, f->fd.dev);
	f->queues = queues;
	f->ring = ring;
	KUNIT_ASSERT_EQ(test, netif_set_real_num_rx_queues(f->fd.dev, queues), 0);
	return fakering_fill(&f->fd, queues, ring);
}

int ring_fixture_walk(struct ring_fixture *f)
{
	int ret;

	kvfree(f->ifi.rxq);
	memset(&f->ifi, 0, sizeof(f->ifi));
	f->ifi.dev = f->fd.dev;
	f->ifi.layout = f->l;
	f->ifi.threshold = 1024;
	f->ifi.numa_node = NUMA_NO_NODE;
	f->ifi.ring_cur = f->ring;
	f->ifi.rx_queues = f->queues;
	rtnl_lock();	/* as the core calls it; the walk drops it per queue */
	ret = nicmem_bias_ring_walk(&f->ifi, f->ad->bias_ring);
	rtnl_unlock();
	return ret;
}

static u64 bare_ring_loop(struct ring_fixture *f, long *sink)
{
	const struct fakering_ops *ops = f->fd.ops;
	u64 start = ktime_get_ns();
	unsigned int q, i;
	long sum = 0;

	for (q = 0; q < f->queues; q++) {
		const u8 *base = (const u8 *)ops->slot_page(f->fd.dev, q, 0);
		size_t stride = (const u8 *)ops->slot_page(f->fd.dev, q, 1) - base;

		for (i = 0; i < f->ring; i++) {
			struct page *page = *(struct page * const *)(base + i * stride);

			if (page)
				sum += page_ref_count(page);
		}
	}
	*sink = sum;
	return ktime_get_ns() - start;
}

void nicmem_kunit_ring_bench(struct kunit *test, u64 *ns, u64 *bare_ns,
			     u64 *descs)
{
	struct ring_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	unsigned int queues = 119, runs;
	u64 best = U64_MAX, bare = U64_MAX;
	struct sysinfo si;
	long sink;

	KUNIT_ASSERT_NOT_NULL(test, f);
	si_meminfo(&si);
	/* 90% of the descriptors hold a page; keep to half of free memory */
	while (queues > 1 && (u64)queues * 4096 * 9 / 10 > si.freeram / 2)
		queues /= 2;
	KUNIT_ASSERT_EQ(test, ring_fixture_init(test, f, "i40e", 0, queues, 4096), 0);
	for (runs = 0; runs < 5; runs++) {
		u64 t = ktime_get_ns();

		KUNIT_ASSERT_EQ(test, ring_fixture_walk(f), 0);
		best = min(best, ktime_get_ns() - t);
		bare = min(bare, bare_ring_loop(f, &sink));
	}
	*ns = best;
	*bare_ns = bare;
	*descs = (u64)queues * 4096;
	kunit_info(test, "bench: i40e %u queues x 4096 descriptors (%llu pages of %lu bytes): walk %llu us, bare loop over the same descriptors' pages %llu us; rtnl is held one queue (4096 descriptors) at a time, ~%llu us\n",
		   queues, f->ifi.rx_pages, PAGE_SIZE, best / 1000, bare / 1000,
		   best / queues / 1000);
	ring_fixture_exit(f);
}
