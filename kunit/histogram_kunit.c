// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the refcount histogram's buckets at every edge, which pages it
 * counts, and the drain buckets (refill value - bias) of known drains.
 */
#include <kunit/test.h>
#include <linux/limits.h>
#include "census.h"
#include "nicmem.h"

struct bucket_case {
	int refcount;
	unsigned int bucket;
};

static const struct bucket_case bucket_cases[] = {
	{ INT_MIN, 0 }, { -1, 0 }, { 0, 0 }, { 1, 1 }, { 2, 2 }, { 3, 2 },
	{ 4, 3 }, { 7, 3 }, { 8, 4 }, { 1023, 10 }, { 1024, 11 },
	{ 0x7fff, 15 }, { 0x8000, 16 }, { 0xfffe, 16 }, { 0xffff, 16 },
	{ 0x10000, 17 }, { 0x1ffff, 17 }, { 0x20000, 18 }, { 0x100000, 18 },
	{ INT_MAX, 18 },
};

static void bucket_desc(const struct bucket_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "refcount %d -> bucket %u",
		 c->refcount, c->bucket);
}

KUNIT_ARRAY_PARAM(bucket, bucket_cases, bucket_desc);

static void histogram_bucket_edges(struct kunit *test)
{
	const struct bucket_case *c = test->param_value;
	unsigned int b = nicmem_hist_bucket(c->refcount);

	KUNIT_EXPECT_EQ(test, b, c->bucket);
	KUNIT_EXPECT_LT(test, b, (unsigned int)NICMEM_HIST_BUCKETS);
}

/* Every positive refcount lands in the bucket whose range holds it. */
static void histogram_ranges_cover(struct kunit *test)
{
	int r;

	for (r = 1; r <= 0x40000; r++) {
		unsigned int b = nicmem_hist_bucket(r);
		u64 lo = 1ULL << (b - 1);

		if (b < NICMEM_HIST_BUCKETS - 1)
			KUNIT_ASSERT_TRUE(test, r >= lo && r < 2 * lo);
		else
			KUNIT_ASSERT_GE(test, (u64)r, lo);
	}
}

static void histogram_population(struct kunit *test)
{
	struct nicmem_page_snap pinned = { .refcount = 0xffff };
	struct nicmem_page_snap kernel = { .refcount = 1 };
	const struct nicmem_page_snap out[] = {
		{ .buddy = true }, { .hugetlb = true, .refcount = 1 },
		{ .reserved = true, .refcount = 1 }, { .slab = true, .refcount = 1 },
		{ .lru = true, .refcount = 1 }, { .page_pool = true, .refcount = 1 },
		{ .typed = true, .refcount = 1 }, { .mapped = true, .refcount = 1 },
		{ .has_mapping = true, .refcount = 1 }, { .refcount = 0 },
	};
	unsigned int i;

	KUNIT_EXPECT_TRUE(test, nicmem_hist_counts(&pinned));
	KUNIT_EXPECT_TRUE(test, nicmem_hist_counts(&kernel));
	for (i = 0; i < ARRAY_SIZE(out); i++)
		KUNIT_EXPECT_FALSE_MSG(test, nicmem_hist_counts(&out[i]),
				       "case %u", i);
}

/* What a driver consumed of its bias: refill - bias, bucketed as refcounts */
struct drain_case {
	u32 refill, bias;
	unsigned int bucket;
};

static const struct drain_case drain_cases[] = {
	{ USHRT_MAX, USHRT_MAX, 0 },		/* just refilled: nothing drained */
	{ USHRT_MAX, USHRT_MAX - 1, 1 },	/* one packet */
	{ USHRT_MAX, USHRT_MAX - 3, 2 },
	{ USHRT_MAX, USHRT_MAX - 200, 8 },	/* 200: 128..255 */
	{ USHRT_MAX, USHRT_MAX - 1023, 10 },
	{ USHRT_MAX, USHRT_MAX - 1024, 11 },
	{ USHRT_MAX, 1, 16 },			/* drained to the refill point */
	{ USHRT_MAX, 0, 16 },
	{ 1024, 2000, 0 },			/* above the refill value */
	{ 0x20000, 0, 18 },			/* a refill beyond u16 */
};

static void drain_desc(const struct drain_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "refill %u bias %u -> bucket %u",
		 c->refill, c->bias, c->bucket);
}

KUNIT_ARRAY_PARAM(drain, drain_cases, drain_desc);

static void histogram_drain_bucket(struct kunit *test)
{
	const struct drain_case *c = test->param_value;

	KUNIT_EXPECT_EQ(test, nicmem_drain_bucket(c->refill, c->bias), c->bucket);
}

static struct kunit_case histogram_cases[] = {
	KUNIT_CASE_PARAM(histogram_bucket_edges, bucket_gen_params),
	KUNIT_CASE(histogram_ranges_cover),
	KUNIT_CASE_PARAM(histogram_drain_bucket, drain_gen_params),
	KUNIT_CASE(histogram_population),
	{}
};

static struct kunit_suite histogram_suite = {
	.name = "nicmem_histogram",
	.test_cases = histogram_cases,
};

kunit_test_suites(&histogram_suite);
