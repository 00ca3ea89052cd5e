// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the census classification, on snapshots and on real pages in each
 * state the census names.
 */
#include <kunit/test.h>
#include <linux/gfp.h>
#include <linux/kfence.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/page_ref.h>
#include "census.h"
#include "nicmem.h"
#include "compat.h"	/* and the page_pool API's header */

NICMEM_IMPORT_KUNIT_NS();

#define THRESHOLD 1024

struct classify_case {
	const char *desc;
	struct nicmem_page_snap s;
	enum nicmem_class want;
};

static const struct classify_case classify_cases[] = {
	{ "buddy", { .buddy = true, .order = 3 }, NICMEM_FREE },
	{ "buddy wins over a stale lru bit", { .buddy = true, .lru = true }, NICMEM_FREE },
	{ "hugetlb", { .hugetlb = true, .refcount = 1, .order = 9 }, NICMEM_HUGETLB },
	{ "free hugetlb", { .hugetlb = true, .order = 9 }, NICMEM_HUGETLB },
	{ "reserved", { .reserved = true, .refcount = 1 }, NICMEM_RESERVED },
	{ "reserved with a huge refcount", { .reserved = true, .refcount = 0xffff },
	  NICMEM_RESERVED },
	{ "slab", { .slab = true, .refcount = 1 }, NICMEM_SLAB },
	{ "lru anon",
	  { .lru = true, .anon = true, .has_mapping = true, .mapped = true, .refcount = 2 },
	  NICMEM_LRU_ANON },
	{ "lru file", { .lru = true, .has_mapping = true, .refcount = 2 }, NICMEM_LRU_FILE },
	{ "page_pool", { .page_pool = true, .refcount = 1 }, NICMEM_PAGE_POOL },
	{ "page table (typed)", { .typed = true, .refcount = 1 }, NICMEM_KERNEL },
	{ "refcount 0, not buddy", { .refcount = 0 }, NICMEM_FREE_PCP },
	{ "mapped off the lru", { .mapped = true, .refcount = 0xffff }, NICMEM_OTHER },
	{ "mapping off the lru", { .has_mapping = true, .refcount = 0xffff }, NICMEM_OTHER },
	{ "signature at the threshold", { .refcount = THRESHOLD }, NICMEM_PINNED },
	{ "just below the threshold", { .refcount = THRESHOLD - 1 }, NICMEM_KERNEL },
	{ "fresh ixgbe page 0xffff", { .refcount = 0xffff }, NICMEM_PINNED },
	{ "drained bias plus skbs 0x10000", { .refcount = 0x10000 }, NICMEM_PINNED },
	{ "plain kernel page", { .refcount = 1 }, NICMEM_KERNEL },
};

static void classify_case_desc(const struct classify_case *c, char *desc)
{
	strscpy(desc, c->desc, KUNIT_PARAM_DESC_SIZE);
}

KUNIT_ARRAY_PARAM(classify, classify_cases, classify_case_desc);

static void census_classify_table(struct kunit *test)
{
	const struct classify_case *c = test->param_value;

	KUNIT_EXPECT_STREQ(test,
			   nicmem_class_names[nicmem_classify(&c->s, THRESHOLD)],
			   nicmem_class_names[c->want]);
}

/*
 * The class of a real page by the rules (nicmem_classify() of its
 * snapshot), checked against the census's table path (nicmem_page_class(),
 * what the census and the ring walks count) on the same page.
 */
static enum nicmem_class classify_page(struct kunit *test, struct page *page)
{
	struct nicmem_page_snap s;
	enum nicmem_class cls;
	int refcount;

	nicmem_snap_page(page, &s);
	cls = nicmem_classify(&s, THRESHOLD);
	KUNIT_EXPECT_EQ(test, nicmem_page_class(page, THRESHOLD, &refcount), cls);
	KUNIT_EXPECT_EQ(test, refcount, s.refcount);
	return cls;
}

/* A page taken and biased exactly as ixgbe_alloc_mapped_page() does. */
static void census_real_bias(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct nicmem_page_snap s;

	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, classify_page(test, page), NICMEM_KERNEL);
	page_ref_add(page, USHRT_MAX - 1);
	nicmem_snap_page(page, &s);
	KUNIT_EXPECT_EQ(test, s.refcount, 0xffff);
	KUNIT_EXPECT_FALSE(test, s.mapped);
	KUNIT_EXPECT_FALSE(test, s.has_mapping);
	KUNIT_EXPECT_EQ(test, nicmem_classify(&s, THRESHOLD), NICMEM_PINNED);
	KUNIT_EXPECT_TRUE(test, nicmem_hist_counts(&s));
	KUNIT_EXPECT_EQ(test, nicmem_hist_bucket(s.refcount), 16U);
	/* an skb in flight holds one more reference */
	get_page(page);
	KUNIT_EXPECT_EQ(test, classify_page(test, page), NICMEM_PINNED);
	put_page(page);
	page_ref_sub(page, USHRT_MAX - 1);
	__free_page(page);
}

/*
 * A kmalloc() object's page is slab. KFENCE (on in the debug kernel) hands
 * out a sampled allocation from its own pool instead, whose pages are slab
 * and, where the pool came from memblock at boot, reserved too: the census
 * counts those reserved (rules.h), as meminfo leaves them outside MemTotal.
 * KFENCE samples one allocation per interval, so a retry gets a slab's.
 */
static void census_real_slab(struct kunit *test)
{
	unsigned int tries;
	struct page *page;
	void *p;

	for (tries = 0; tries < 4; tries++) {
		p = kunit_kmalloc(test, 128, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, p);
		page = virt_to_head_page(p);
		if (!is_kfence_address(p))
			break;
		KUNIT_EXPECT_EQ(test, classify_page(test, page),
				PageReserved(page) ? NICMEM_RESERVED : NICMEM_SLAB);
	}
	KUNIT_ASSERT_FALSE(test, is_kfence_address(p));
	KUNIT_EXPECT_EQ(test, classify_page(test, page), NICMEM_SLAB);
}

/* A block too large for the per-cpu lists goes straight back to the buddy
 * allocator, and the census sees it free, with its order.
 */
static void census_real_free(struct kunit *test)
{
	unsigned int order = PAGE_ALLOC_COSTLY_ORDER + 1;
	struct page *page = alloc_pages(GFP_KERNEL, order);
	struct nicmem_page_snap s;

	KUNIT_ASSERT_NOT_NULL(test, page);
	__free_pages(page, order);
	nicmem_snap_page(page, &s);
	KUNIT_EXPECT_TRUE(test, s.buddy);
	KUNIT_EXPECT_GE(test, s.order, order);
	KUNIT_EXPECT_EQ(test, nicmem_classify(&s, THRESHOLD), NICMEM_FREE);
}

static const unsigned int compound_orders[] = { 1, 2, 3 };

static void order_desc(const unsigned int *o, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "order %u", *o);
}

KUNIT_ARRAY_PARAM(compound, compound_orders, order_desc);

/* Census a pfn range into a single-node census; returns the node. */
static struct nicmem_node_census *census_pfns(struct kunit *test,
					      unsigned long pfn,
					      unsigned long end)
{
	struct nicmem_census *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct nicmem_node_census *nc = kunit_kzalloc(test, sizeof(*nc),
						     GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	KUNIT_ASSERT_NOT_NULL(test, nc);
	c->threshold = THRESHOLD;
	nc->nid = page_to_nid(pfn_to_page(pfn));
	KUNIT_ASSERT_EQ(test, nicmem_census_range(c, nc, pfn, end), 0);
	return nc;
}

/* A compound page is counted once, at its head, with all its pages; a
 * walk that starts inside it counts each tail page under the head's class.
 */
static void census_compound_once(struct kunit *test)
{
	unsigned int order = *(const unsigned int *)test->param_value;
	unsigned long nr = 1UL << order;
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, order);
	struct nicmem_node_census *nc;
	unsigned long pfn;
	int cls;

	KUNIT_ASSERT_NOT_NULL(test, page);
	pfn = page_to_pfn(page);
	page_ref_add(page, USHRT_MAX - 1);

	nc = census_pfns(test, pfn, pfn + nr);
	KUNIT_EXPECT_EQ(test, nc->scanned, (u64)nr);
	for (cls = 0; cls < NICMEM_NR_CLASSES; cls++) {
		u64 want_pages = cls == NICMEM_PINNED ? nr : 0;
		u64 want_objects = cls == NICMEM_PINNED ? 1 : 0;

		KUNIT_EXPECT_EQ_MSG(test, nc->cls[cls].pages, want_pages,
				    "class %s", nicmem_class_names[cls]);
		KUNIT_EXPECT_EQ_MSG(test, nc->cls[cls].objects, want_objects,
				    "class %s", nicmem_class_names[cls]);
	}

	nc = census_pfns(test, pfn + 1, pfn + nr);
	KUNIT_EXPECT_EQ(test, nc->cls[NICMEM_PINNED].pages, (u64)(nr - 1));
	KUNIT_EXPECT_EQ(test, nc->cls[NICMEM_PINNED].objects, 0ULL);

	page_ref_sub(page, USHRT_MAX - 1);
	__free_pages(page, order);
}

/*
 * A torn or stale order is not believed: the census skips a head's pfns
 * only when the block is aligned to the order and, for a compound page,
 * its last tail points back at it. Else it counts one page.
 */
static void census_torn_order(struct kunit *test)
{
	struct page *page = alloc_pages(GFP_KERNEL | __GFP_COMP, 2);
	struct page *block;
	unsigned long pfn;
	unsigned int o;

	KUNIT_ASSERT_NOT_NULL(test, page);
	pfn = page_to_pfn(page);
	KUNIT_EXPECT_EQ(test, nicmem_snap_span_order(page, 2), 2U);
	KUNIT_EXPECT_EQ(test, nicmem_snap_span_order(page, 0), 0U);
	/* larger than the page: misaligned, or the last pfn is no tail of it */
	for (o = 3; o <= 20; o++)
		KUNIT_EXPECT_EQ_MSG(test, nicmem_snap_span_order(page, o), 0U,
				    "order %u claimed at pfn %#lx", o, pfn);
	/* a tail claiming to head a block of its own */
	KUNIT_EXPECT_EQ(test, nicmem_snap_span_order(page + 2, 1), 0U);
	KUNIT_EXPECT_EQ(test, nicmem_snap_span_order(page + 1, 1), 0U);
	__free_pages(page, 2);

	/* a free block: believed at its order, not at a misaligned one */
	block = alloc_pages(GFP_KERNEL, 3);
	KUNIT_ASSERT_NOT_NULL(test, block);
	pfn = page_to_pfn(block);
	__free_pages(block, 3);
	o = __ffs(pfn) + 1;
	if (o <= 20)
		KUNIT_EXPECT_EQ(test, nicmem_snap_span_order(block, o), 0U);
}

static void census_page_pool(struct kunit *test)
{
	struct page_pool_params pp = {
		.order = 0,
		.pool_size = 64,
		.nid = NUMA_NO_NODE,
	};
	struct page_pool *pool = page_pool_create(&pp);
	struct page *page;

	KUNIT_ASSERT_FALSE(test, IS_ERR_OR_NULL(pool));
	page = page_pool_dev_alloc_pages(pool);
	KUNIT_ASSERT_NOT_NULL(test, page);
	KUNIT_EXPECT_EQ(test, classify_page(test, page), NICMEM_PAGE_POOL);
	page_pool_put_full_page(pool, page, false);
	page_pool_destroy(pool);
}

static struct kunit_case census_cases[] = {
	KUNIT_CASE_PARAM(census_classify_table, classify_gen_params),
	KUNIT_CASE(census_real_bias),
	KUNIT_CASE(census_real_slab),
	KUNIT_CASE(census_real_free),
	KUNIT_CASE_PARAM(census_compound_once, compound_gen_params),
	KUNIT_CASE(census_torn_order),
	KUNIT_CASE(census_page_pool),
	{}
};

static struct kunit_suite census_suite = {
	.name = "nicmem_census",
	.test_cases = census_cases,
};

kunit_test_suites(&census_suite);

MODULE_LICENSE("GPL");
MODULE_DESCRIPTION("KUnit suites for nicmem");
