// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: page_pool attribution on real pools. page_pool_create() pools
 * bound to fake devices, pages taken as a driver takes them (fragments and
 * whole pages), some given back; the census walks all memory and
 * nicmem_pools_attribute() ties the pools to interfaces. The expected
 * figures come from what the test allocated and from the pool's own alloc
 * cache; corrupt pools and keys are fed to the same code.
 */
#include <kunit/test.h>
#include <linux/device.h>
#include <linux/mm.h>
#include <linux/random.h>
#include <linux/slab.h>
#include "nicmem.h"
#include "census.h"
#include "compat.h"

NICMEM_IMPORT_KUNIT_NS();

#define FRAG_SIZE	2048
#define NDESC		96
#define NRECYCLE	5

struct tpool {
	struct page_pool *pool;
	struct page *desc[NDESC];
	unsigned int ndesc;
	unsigned int pages;		/* distinct pages the descriptors hold */
	unsigned int recycled;
	bool frag;
	unsigned int order;
};

static void tpool_fill(struct kunit *test, struct tpool *t, struct device *dev,
		       bool frag, unsigned int order, unsigned int ndesc)
{
	struct page_pool_params pp = {
		.flags = frag ? NICMEM_PP_FLAG_FRAG : 0,
		.order = order,
		.pool_size = 256,
		.nid = NUMA_NO_NODE,
		.dev = dev,
	};
	struct page *spare[NRECYCLE];
	unsigned int i, off;

	memset(t, 0, sizeof(*t));
	t->frag = frag;
	t->order = order;
	t->pool = page_pool_create(&pp);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(t->pool));
	for (i = 0; i < ndesc; i++) {
		t->desc[i] = frag ?
			page_pool_alloc_frag(t->pool, &off, FRAG_SIZE, GFP_KERNEL) :
			page_pool_alloc_pages(t->pool, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, t->desc[i]);
		if (!i || t->desc[i] != t->desc[i - 1])
			t->pages++;
	}
	t->ndesc = ndesc;
	for (i = 0; i < NRECYCLE; i++) {
		spare[i] = page_pool_alloc_pages(t->pool, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, spare[i]);
	}
	for (i = 0; i < NRECYCLE; i++) {
		if (frag)
			page_pool_fragment_page(spare[i], 1);
		page_pool_put_full_page(t->pool, spare[i], false);
	}
	t->recycled = NRECYCLE;
}

static void tpool_free(struct tpool *t)
{
	unsigned int i;

	for (i = 0; i < t->ndesc; i++)
		page_pool_put_full_page(t->pool, t->desc[i], false);
	page_pool_destroy(t->pool);
}

/* allocations the pool has out of the page allocator, as the test knows */
static unsigned int tpool_objects(const struct tpool *t)
{
	return t->pages + t->recycled + READ_ONCE(t->pool->alloc.count);
}

static const struct nicmem_pool *find_pool(const struct nicmem_pools *ps,
					   const struct tpool *t)
{
	unsigned int i;

	for (i = 0; i < ps->nr; i++)
		if (ps->pool[i].key == (unsigned long)t->pool)
			return &ps->pool[i];
	return NULL;
}

static void expect_pool(struct kunit *test, const struct nicmem_pools *ps,
			const struct tpool *t, int iface, int queue,
			const char *how)
{
	const struct nicmem_pool *p = find_pool(ps, t);
	unsigned int objects = tpool_objects(t);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p->err, 0);
	KUNIT_EXPECT_EQ(test, p->order, t->order);
	KUNIT_EXPECT_EQ(test, p->pool_size, 256U);
	KUNIT_EXPECT_EQ(test, p->frag, t->frag);
	KUNIT_EXPECT_EQ(test, p->objects, (u64)objects);
	KUNIT_EXPECT_EQ(test, p->pages, (u64)objects << t->order);
	KUNIT_EXPECT_EQ(test, p->inflight, objects);
	KUNIT_EXPECT_EQ(test, p->cached,
			t->recycled + READ_ONCE(t->pool->alloc.count));
	KUNIT_EXPECT_EQ(test, p->remote, 0ULL);
	KUNIT_EXPECT_EQ(test, p->iface, iface);
	KUNIT_EXPECT_EQ(test, p->queue, queue);
	KUNIT_EXPECT_STREQ(test, p->how, how);
}

/* The fragment histogram the descriptors imply (see nicmem_fakepp.c). */
static void tpool_frag_hist(const struct tpool *t, u64 *h)
{
	unsigned int d, k;

	for (d = 0; d < t->ndesc; d += k) {
		for (k = 1; d + k < t->ndesc && t->desc[d + k] == t->desc[d]; k++)
			;
		h[nicmem_hist_bucket(d + k == t->ndesc ? INT_MAX : k)]++;
	}
	h[nicmem_hist_bucket(1)] += t->recycled;
	h[0] += READ_ONCE(t->pool->alloc.count);
}

static struct device *fake_dev(struct kunit *test)
{
	struct device *dev = kunit_kzalloc(test, sizeof(*dev), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, dev);
	set_dev_node(dev, NUMA_NO_NODE);
	return dev;
}

static u64 census_pp_pages(const struct nicmem_census *c)
{
	u64 n = 0;
	unsigned int i;

	for (i = 0; i < c->nr_nodes; i++)
		n += c->node[i].cls[NICMEM_PAGE_POOL].pages;
	return n;
}

static u64 listed_pages(const struct nicmem_pools *ps)
{
	u64 n = ps->unlisted_pages;
	unsigned int i;

	for (i = 0; i < ps->nr; i++)
		n += ps->pool[i].pages;
	return n;
}

static void census_all(struct kunit *test, struct nicmem_census *c)
{
	KUNIT_ASSERT_EQ(test, nicmem_census_init(c), 0);
	KUNIT_ASSERT_EQ(test, nicmem_census_walk(c, 1024), 0);
}

/*
 * Five pools: a (fragments) on devA, whose one interface owns it; b
 * (order-1 whole pages) on devB, shared by two interfaces: ambiguous; c
 * on devC, no interface; d on devA too but claimed by an adaptor's queue 1
 * of a third interface, which wins over the parent device.
 */
static void pools_attribution(struct kunit *test)
{
	struct device *da = fake_dev(test), *db = fake_dev(test),
		      *dc = fake_dev(test);
	struct tpool *t = kunit_kcalloc(test, 4, sizeof(*t), GFP_KERNEL);
	struct nicmem_iface *ifs = kunit_kcalloc(test, 4, sizeof(*ifs), GFP_KERNEL);
	struct nicmem_rxq *rxq = kunit_kcalloc(test, 2, sizeof(*rxq), GFP_KERNEL);
	struct nicmem_ifaces ifaces = { .nr = 4, .total = 4, .if_ = ifs };
	struct nicmem_census c;
	u64 want[NICMEM_HIST_BUCKETS] = {};
	unsigned int b;

	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_ASSERT_NOT_NULL(test, ifs);
	KUNIT_ASSERT_NOT_NULL(test, rxq);
	tpool_fill(test, &t[0], da, true, 0, NDESC);
	tpool_fill(test, &t[1], db, false, 1, 40);
	tpool_fill(test, &t[2], dc, false, 0, 10);
	tpool_fill(test, &t[3], da, true, 0, 7);
	ifs[0].parent_key = (unsigned long)da;
	ifs[0].dev_key = 0x1000;
	ifs[1].parent_key = (unsigned long)db;
	ifs[2].parent_key = (unsigned long)db;
	ifs[3].parent_key = 0x2000;
	ifs[3].nr_rxq = 2;
	ifs[3].rxq = rxq;
	ifs[3].source = NICMEM_RX_EXACT;
	rxq[1].pool_key = (unsigned long)t[3].pool;

	census_all(test, &c);
	nicmem_pools_attribute(&c.pools, &ifaces);
	/* other pools may exist (a test module's, on the VM kernels) */
	KUNIT_EXPECT_GE(test, c.pools.nr, 4U);
	KUNIT_EXPECT_EQ(test, c.pools.unlisted_pages, 0ULL);
	expect_pool(test, &c.pools, &t[0], 0, -1, "parent_device");
	expect_pool(test, &c.pools, &t[1], -1, -1, "ambiguous_parent_device");
	expect_pool(test, &c.pools, &t[2], -1, -1, "no_interface");
	expect_pool(test, &c.pools, &t[3], 3, 1, "adaptor");

	/* the interface that owns a: its RX figure is its pool's pages */
	KUNIT_EXPECT_EQ(test, ifs[0].source, NICMEM_RX_PAGE_POOL);
	KUNIT_EXPECT_EQ(test, ifs[0].pp_pools, 1U);
	KUNIT_EXPECT_EQ(test, ifs[0].rx_pages, (u64)tpool_objects(&t[0]));
	KUNIT_EXPECT_EQ(test, ifs[0].rx_bytes,
			(u64)tpool_objects(&t[0]) * PAGE_SIZE);
	tpool_frag_hist(&t[0], want);
	for (b = 0; b < NICMEM_HIST_BUCKETS; b++)
		KUNIT_EXPECT_EQ_MSG(test, ifs[0].pp_frag_hist[b], want[b],
				    "bucket %u", b);
	/* an adaptor's queue: the queue's pages are its pool's */
	KUNIT_EXPECT_EQ(test, ifs[3].source, NICMEM_RX_PAGE_POOL);
	KUNIT_EXPECT_EQ(test, ifs[3].pp_pages, (u64)tpool_objects(&t[3]));
	KUNIT_EXPECT_EQ(test, ifs[3].rx_pages, (u64)tpool_objects(&t[3]));
	KUNIT_EXPECT_EQ(test, rxq[1].pages, (u64)tpool_objects(&t[3]));
	KUNIT_EXPECT_EQ(test, rxq[0].pages, 0ULL);
	KUNIT_EXPECT_EQ(test, ifs[1].pp_pools, 0U);
	KUNIT_EXPECT_EQ(test, ifs[1].source, NICMEM_RX_NONE);
	/* every page_pool page of the census is on a listed pool */
	KUNIT_EXPECT_EQ(test, census_pp_pages(&c), listed_pages(&c.pools));
	nicmem_census_free(&c);

	/* given back: the census no longer sees them */
	for (b = 0; b < 4; b++)
		tpool_free(&t[b]);
	census_all(test, &c);
	nicmem_pools_attribute(&c.pools, &ifaces);
	for (b = 0; b < 4; b++)
		KUNIT_EXPECT_NULL(test, find_pool(&c.pools, &t[b]));
	nicmem_census_free(&c);
}

/* A device on another node than the pool's pages: all of them remote. */
static void pools_remote(struct kunit *test)
{
	struct device *dev = fake_dev(test);
	struct nicmem_iface ifi = { .parent_key = (unsigned long)dev };
	struct nicmem_ifaces ifaces = { .nr = 1, .total = 1, .if_ = &ifi };
	struct page_pool_params pp = {
		.order = 0, .pool_size = 64, .nid = 0, .dev = dev,
	};
	const struct nicmem_pool *p;
	struct page_pool *pool;
	struct page *page[16];
	struct nicmem_census c;
	unsigned int i;

	if (!IS_ENABLED(CONFIG_NUMA) || !node_online(1))
		kunit_skip(test, "one NUMA node");
	set_dev_node(dev, 1);
	pool = page_pool_create(&pp);
	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(pool));
	for (i = 0; i < ARRAY_SIZE(page); i++) {
		page[i] = page_pool_alloc_pages(pool, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, page[i]);
	}
	census_all(test, &c);
	nicmem_pools_attribute(&c.pools, &ifaces);
	p = c.pools.pool;	/* attributed first: ours is the only one */
	KUNIT_ASSERT_GE(test, c.pools.nr, 1U);
	KUNIT_ASSERT_EQ(test, p->key, (unsigned long)pool);
	KUNIT_EXPECT_EQ(test, p->dev_node, 1);
	KUNIT_EXPECT_GT(test, p->pages, 0ULL);
	/* pp.nid = 0: every page from node 0, the device on node 1 */
	KUNIT_EXPECT_EQ(test, p->remote, p->pages);
	KUNIT_EXPECT_EQ(test, ifi.pp_remote, p->pages);
	nicmem_census_free(&c);
	for (i = 0; i < ARRAY_SIZE(page); i++)
		page_pool_put_full_page(pool, page[i], false);
	page_pool_destroy(pool);
}

/*
 * Corrupt pools: the census keyed a page by a pointer that is not a live
 * pool (a torn read). Random bytes in RAM, odd and foreign addresses:
 * each is either refused or read within bounds, never trusted further.
 */
static void pools_corrupt(struct kunit *test)
{
	const size_t sz = 2048;
	struct nicmem_pools ps;
	unsigned int i, refused = 0, n = 2000;
	u8 *junk = kunit_kmalloc(test, sz * 8, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, junk);
	KUNIT_ASSERT_EQ(test, nicmem_pools_init(&ps), 0);
	for (i = 0; i < n; i++) {
		struct nicmem_page_snap s = { .page_pool = true, .pp_frag = 3 };
		unsigned int kind = get_random_u32() % 4, slot;
		struct nicmem_pool *p;

		get_random_bytes(junk, sz * 8);
		switch (kind) {
		case 0: {	/* random bytes in RAM, half with a sane header */
			struct page_pool *pp = (void *)(junk + (get_random_u32() % 7) * 8);

			if (get_random_u32() % 2) {
				pp->p.order = get_random_u32() % 4;
				pp->p.pool_size = get_random_u32() % 2048;
				if (get_random_u32() % 2)
					pp->ring.queue = (void **)junk;
				if (get_random_u32() % 2)
					pp->p.dev = (struct device *)junk;
			}
			s.pp = (unsigned long)pp;
			break;
		}
		case 1:		/* misaligned */
			s.pp = (unsigned long)junk + 1 + get_random_u32() % 7;
			break;
		case 2:		/* a user address */
			s.pp = 0x10000 + (unsigned long)(get_random_u32() % 4096) * 8;
			break;
		default:	/* kernel text-ish or garbage, never RAM here */
			s.pp = ((unsigned long)get_random_u32() << 3) | (~0UL << 60);
			break;
		}
		nicmem_pools_free(&ps);
		KUNIT_ASSERT_EQ(test, nicmem_pools_init(&ps), 0);
		nicmem_pool_count(&ps, &s, 0, 1, true);
		KUNIT_ASSERT_EQ(test, ps.nr, 1U);
		for (slot = 0; !ps.pool[slot].key; slot++)
			;
		p = &ps.pool[slot];
		if (p->err) {
			refused++;
			continue;
		}
		KUNIT_EXPECT_EQ(test, kind, 0U);
		KUNIT_EXPECT_LE(test, p->order, (unsigned int)NICMEM_MAX_BUDDY_ORDER);
		KUNIT_EXPECT_LE(test, p->pool_size, 32768U);
		KUNIT_EXPECT_LE(test, p->cached, 32768U + 128U);
		KUNIT_EXPECT_TRUE(test, p->dev_node == NUMA_NO_NODE ||
				  (p->dev_node >= 0 && p->dev_node < MAX_NUMNODES));
	}
	nicmem_pools_free(&ps);
	kunit_info(test, "%u corrupt pools: %u refused, %u read within bounds",
		   n, refused, n - refused);
	KUNIT_EXPECT_GT(test, refused, n / 2);
	KUNIT_EXPECT_GT(test, n - refused, n / 20);
}

/* More pools than the table holds: the rest are counted, not listed. */
static void pools_overflow(struct kunit *test)
{
	struct nicmem_pools ps;
	unsigned int i;

	KUNIT_ASSERT_EQ(test, nicmem_pools_init(&ps), 0);
	for (i = 0; i < NICMEM_MAX_POOLS + 10; i++) {
		struct nicmem_page_snap s = {
			.page_pool = true,
			.pp = 0x10000 + (unsigned long)i * 64,
		};

		nicmem_pool_count(&ps, &s, 0, 2, true);
		nicmem_pool_count(&ps, &s, 0, 1, false);
	}
	KUNIT_EXPECT_EQ(test, ps.nr, (unsigned int)NICMEM_MAX_POOLS);
	KUNIT_EXPECT_EQ(test, ps.unlisted_pages, 30ULL);
	nicmem_pools_free(&ps);
}

static struct kunit_case pools_cases[] = {
	KUNIT_CASE(pools_attribution),
	KUNIT_CASE(pools_remote),
	KUNIT_CASE(pools_corrupt),
	KUNIT_CASE(pools_overflow),
	{}
};

static struct kunit_suite pools_suite = {
	.name = "nicmem_pools",
	.test_cases = pools_cases,
};

kunit_test_suites(&pools_suite);
