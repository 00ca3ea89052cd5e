// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the RX estimator's arithmetic, for 4 KiB and 64 KiB pages and
 * page orders 0..2, with the real adaptors' order rules.
 */
#include <kunit/test.h>
#include <linux/skbuff.h>
#include "nicmem.h"
#include "drivers/adaptor.h"

struct estimate_case {
	const char *driver;
	unsigned int page_size, mtu, queues, ring;
	unsigned int order;
	u64 bytes;
};

static const struct estimate_case estimate_cases[] = {
	/* the seed: arm64, 64 KiB pages, i40e 119 queues x 4096 descriptors */
	{ "i40e", 65536, 1500, 119, 4096, 0, 31943819264ULL },
	{ "i40e", 65536, 9000, 119, 4096, 0, 31943819264ULL },
	{ "i40e", 4096, 1500, 64, 512, 0, 64ULL * 512 * 4096 },
	{ "i40e", 4096, 1501, 64, 512, 1, 64ULL * 512 * 8192 },
	{ "ixgbe", 4096, 1500, 63, 512, 0, 63ULL * 512 * 4096 },
	{ "ixgbe", 4096, 9000, 63, 4096, 1, 63ULL * 4096 * 8192 },
	{ "ixgbe", 65536, 9000, 63, 4096, 0, 63ULL * 4096 * 65536 },
	{ "ixgbe", 16384, 9000, 8, 512, 0, 8ULL * 512 * 16384 },
	{ "igb", 4096, 1514 - NET_IP_ALIGN, 8, 256, 0, 8ULL * 256 * 4096 },
	{ "igb", 4096, 1515 - NET_IP_ALIGN, 8, 256, 1, 8ULL * 256 * 8192 },
	{ "igb", 65536, 9000, 8, 256, 0, 8ULL * 256 * 65536 },
	{ "ice", 4096, 9000, 128, 2048, 1, 128ULL * 2048 * 8192 },
	{ "iavf", 4096, 1500, 16, 512, 0, 16ULL * 512 * 4096 },
};

static void estimate_desc(const struct estimate_case *c, char *desc)
{
	snprintf(desc, KUNIT_PARAM_DESC_SIZE, "%s page %u mtu %u %ux%u",
		 c->driver, c->page_size, c->mtu, c->queues, c->ring);
}

KUNIT_ARRAY_PARAM(estimate, estimate_cases, estimate_desc);

static void estimate_drivers(struct kunit *test)
{
	const struct estimate_case *c = test->param_value;
	const struct nicmem_adaptor *ad = nicmem_adaptor_find(c->driver);
	struct nicmem_iface ifi = {
		.mtu = c->mtu, .rx_queues = c->queues, .ring_cur = c->ring,
	};

	KUNIT_ASSERT_NOT_NULL(test, ad);
	nicmem_rx_estimate(ad, &ifi, c->page_size);
	KUNIT_EXPECT_EQ(test, ifi.source, NICMEM_RX_ESTIMATE);
	KUNIT_EXPECT_EQ(test, ifi.page_order, c->order);
	KUNIT_EXPECT_EQ(test, ifi.rx_bytes, c->bytes);
	KUNIT_EXPECT_EQ(test, ifi.rx_pages * c->page_size, c->bytes);
	KUNIT_EXPECT_NOT_NULL(test, strstr(ifi.note, "page_per_desc"));
}

static unsigned int order_from_test;

static unsigned int fixed_order(const struct nicmem_iface *ifi)
{
	return order_from_test;
}

static const struct nicmem_adaptor fixed_order_adaptor = {
	.driver = "fixed_order",
	.flags = NICMEM_AD_PAGE_PER_DESC,
	.rx_page_order = fixed_order,
};

/* orders 0..2 on 4 KiB and 64 KiB pages through an adaptor's own rule */
static void estimate_orders(struct kunit *test)
{
	static const unsigned int sizes[] = { 4096, 65536 };
	unsigned int o, i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		for (o = 0; o <= 2; o++) {
			struct nicmem_iface ifi = {
				.mtu = 1500, .rx_queues = 4, .ring_cur = 1024,
			};

			order_from_test = o;
			nicmem_rx_estimate(&fixed_order_adaptor, &ifi, sizes[i]);
			KUNIT_EXPECT_EQ(test, ifi.page_order, o);
			KUNIT_EXPECT_EQ(test, ifi.rx_pages, 4ULL * 1024 << o);
			KUNIT_EXPECT_EQ(test, ifi.rx_bytes,
					(4ULL * 1024 * sizes[i]) << o);
		}
	}
}

static void estimate_declines(struct kunit *test)
{
	struct nicmem_iface ifi = { .mtu = 1500, .rx_queues = 4 };

	nicmem_rx_estimate(nicmem_adaptor_find("ixgbe"), &ifi, 4096);
	KUNIT_EXPECT_EQ(test, ifi.source, NICMEM_RX_NONE);
	KUNIT_EXPECT_STREQ(test, ifi.note, "ring_size_unknown");
	KUNIT_EXPECT_EQ(test, ifi.rx_bytes, 0ULL);

	ifi.ring_cur = 256;
	/* a driver nicmem has no adaptor for */
	KUNIT_EXPECT_NULL(test, nicmem_adaptor_find("e1000e"));
	nicmem_rx_estimate(nicmem_adaptor_find("e1000e"), &ifi, 4096);
	KUNIT_EXPECT_EQ(test, ifi.source, NICMEM_RX_NONE);
	KUNIT_EXPECT_STREQ(test, ifi.note, "no_adaptor");

	/* an adaptor that walks, but without a page per descriptor to
	 * estimate from (virtio_net's buffers share pages)
	 */
	nicmem_rx_estimate(nicmem_adaptor_find("virtio_net"), &ifi, 4096);
	KUNIT_EXPECT_EQ(test, ifi.source, NICMEM_RX_NONE);
	KUNIT_EXPECT_STREQ(test, ifi.note, "no_page_per_descriptor");
}

static struct kunit_case estimate_cases_list[] = {
	KUNIT_CASE_PARAM(estimate_drivers, estimate_gen_params),
	KUNIT_CASE(estimate_orders),
	KUNIT_CASE(estimate_declines),
	{}
};

static struct kunit_suite estimate_suite = {
	.name = "nicmem_estimate",
	.test_cases = estimate_cases_list,
};

kunit_test_suites(&estimate_suite);
