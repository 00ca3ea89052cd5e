// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the adaptor registry: lookups, table validation, and dispatch of
 * a fake adaptor by driver name.
 */
#include <kunit/test.h>
#include "nicmem.h"
#include "compat.h"
#include "drivers/adaptor.h"

static void registry_builtin(struct kunit *test)
{
	/* a page per descriptor, except where compat.h says page_pool */
	static const struct {
		const char *driver;
		bool per_desc;
	} known[] = {
		{ "ixgbe", true }, { "i40e", true }, { "igb", true },
		{ "ice", !NICMEM_ICE_RX_PAGE_POOL },
		{ "iavf", !NICMEM_IAVF_RX_PAGE_POOL },
	};
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(known); i++) {
		const struct nicmem_adaptor *ad =
			nicmem_adaptor_find(known[i].driver);

		KUNIT_ASSERT_NOT_NULL(test, ad);
		KUNIT_EXPECT_STREQ(test, ad->driver, known[i].driver);
		KUNIT_EXPECT_EQ(test, !!(ad->flags & NICMEM_AD_PAGE_PER_DESC),
				known[i].per_desc);
	}
	KUNIT_EXPECT_NULL(test, nicmem_adaptor_find("e1000e"));
	KUNIT_EXPECT_NULL(test, nicmem_adaptor_find(""));
	KUNIT_EXPECT_NULL(test, nicmem_adaptor_find("ixgb"));
	KUNIT_EXPECT_NULL(test, nicmem_adaptor_find("ixgbevf"));
	KUNIT_EXPECT_EQ(test, nicmem_adaptors_init(), 0);
}

static unsigned int fake_order(const struct nicmem_iface *ifi)
{
	return 2;
}

static int fake_walks;

static int fake_walk(struct nicmem_iface *ifi)
{
	fake_walks++;
	return -ENODEV;
}

static const struct nicmem_adaptor fake_a = {
	.driver = "fake_a", .flags = NICMEM_AD_PAGE_PER_DESC,
	.order0_max_mtu = 1500,
};

static const struct nicmem_adaptor fake_b = {
	.driver = "fake_b", .flags = NICMEM_AD_PAGE_PER_DESC,
	.rx_page_order = fake_order, .walk_rx = fake_walk,
};

static const struct nicmem_adaptor fake_a_again = {
	.driver = "fake_a", .flags = NICMEM_AD_PAGE_PER_DESC,
	.order0_max_mtu = 9000,
};

static const struct nicmem_adaptor fake_nameless = { .flags = 0 };

static const struct nicmem_adaptor fake_no_rule = {
	.driver = "fake_no_rule", .flags = NICMEM_AD_PAGE_PER_DESC,
};

static const struct nicmem_field fake_fields[] = { { "fake_ring", "count" } };
static const struct nicmem_bias_ring fake_rings = { .refill = USHRT_MAX };

/* a bias_ring table the core would never walk: no walk_rx, or another */
static const struct nicmem_adaptor fake_rings_unwalked = {
	.driver = "fake_rings_unwalked", .module = "fake_rings_unwalked",
	.fields = fake_fields, .nr_fields = ARRAY_SIZE(fake_fields),
	.bias_ring = &fake_rings,
};

static const struct nicmem_adaptor fake_rings_other_walk = {
	.driver = "fake_rings_other_walk", .module = "fake_rings_other_walk",
	.fields = fake_fields, .nr_fields = ARRAY_SIZE(fake_fields),
	.bias_ring = &fake_rings, .walk_rx = fake_walk,
};

static const struct nicmem_adaptor fake_rings_walked = {
	.driver = "fake_rings_walked", .module = "fake_rings_walked",
	.fields = fake_fields, .nr_fields = ARRAY_SIZE(fake_fields),
	.bias_ring = &fake_rings, .walk_rx = nicmem_bias_ring_walk_rx,
};

static void registry_dispatch(struct kunit *test)
{
	const struct nicmem_adaptor *table[] = { &fake_a, &fake_b };
	const struct nicmem_adaptor *ad;
	struct nicmem_iface ifi = {
		.mtu = 9000, .rx_queues = 2, .ring_cur = 512,
	};

	KUNIT_EXPECT_EQ(test, nicmem_adaptor_check(table, 2), 0);
	KUNIT_EXPECT_PTR_EQ(test, nicmem_adaptor_lookup(table, 2, "fake_a"),
			    &fake_a);
	ad = nicmem_adaptor_lookup(table, 2, "fake_b");
	KUNIT_ASSERT_PTR_EQ(test, ad, &fake_b);
	KUNIT_EXPECT_NULL(test, nicmem_adaptor_lookup(table, 2, "fake_c"));
	nicmem_rx_estimate(ad, &ifi, 4096);
	KUNIT_EXPECT_EQ(test, ifi.page_order, 2U);
	KUNIT_EXPECT_EQ(test, ifi.rx_pages, 2ULL * 512 * 4);
	KUNIT_EXPECT_PTR_EQ(test, ad->walk_rx, &fake_walk);
	KUNIT_EXPECT_EQ(test, ad->walk_rx(&ifi), -ENODEV);
	KUNIT_EXPECT_EQ(test, fake_walks, 1);
}

static void registry_rejects(struct kunit *test)
{
	const struct nicmem_adaptor *dup[] = { &fake_a, &fake_b, &fake_a_again };
	const struct nicmem_adaptor *nameless[] = { &fake_a, &fake_nameless };
	const struct nicmem_adaptor *no_rule[] = { &fake_no_rule };
	const struct nicmem_adaptor *null_entry[] = { &fake_a, NULL };
	const struct nicmem_adaptor *unwalked = &fake_rings_unwalked;
	const struct nicmem_adaptor *other_walk = &fake_rings_other_walk;
	const struct nicmem_adaptor *walked = &fake_rings_walked;

	KUNIT_EXPECT_EQ(test, nicmem_adaptor_check(dup, 3), -EINVAL);
	KUNIT_EXPECT_EQ(test, nicmem_adaptor_check(nameless, 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, nicmem_adaptor_check(no_rule, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, nicmem_adaptor_check(null_entry, 2), -EINVAL);
	KUNIT_EXPECT_EQ(test, nicmem_adaptor_check(dup, 0), 0);
	KUNIT_EXPECT_EQ(test, nicmem_adaptor_check(&unwalked, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, nicmem_adaptor_check(&other_walk, 1), -EINVAL);
	KUNIT_EXPECT_EQ(test, nicmem_adaptor_check(&walked, 1), 0);
}

static struct kunit_case registry_cases[] = {
	KUNIT_CASE(registry_builtin),
	KUNIT_CASE(registry_dispatch),
	KUNIT_CASE(registry_rejects),
	{}
};

static struct kunit_suite registry_suite = {
	.name = "nicmem_registry",
	.test_cases = registry_cases,
};

kunit_test_suites(&registry_suite);
