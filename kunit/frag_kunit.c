// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit: the networking core's page_frag caches (frag.c), on the running
 * kernel, against the allocator itself. A fragment netdev_alloc_frag()
 * hands out with interrupts off comes from this CPU's netdev_alloc_cache
 * (net/core/skbuff.c, every kernel since 4.18); with them on, from that
 * cache or (5.x on) napi_alloc_cache's: nicmem must find the fragment's
 * very page there. The read counts two caches per possible CPU, and a page
 * the allocator just biased is pinned. Without the vmlinux BTF that places
 * the caches, nicmem reads none and says why.
 */
#include <kunit/test.h>
#include <linux/cpumask.h>
#include <linux/irqflags.h>
#include <linux/mm.h>
#include <linux/skbuff.h>
#include "nicmem.h"
#include "compat.h"

NICMEM_IMPORT_KUNIT_NS();

#define FRAG_TRIES	10

/*
 * Allocate a fragment on one CPU and look for its page in that CPU's
 * caches: the cache it came from must hold it (@want_k), unless traffic
 * on that CPU moved the cache on in between: tried again then.
 */
static void frag_from(struct kunit *test, bool irqs_off, int want_k)
{
	struct page *want, *got;
	unsigned long flags;
	unsigned int k, found = NICMEM_FRAG_CACHES;
	int cpu = 0, t, err;
	void *buf;

	for (t = 0; t < FRAG_TRIES && found == NICMEM_FRAG_CACHES; t++) {
		cpu = get_cpu();
		if (irqs_off) {
			local_irq_save(flags);
			buf = netdev_alloc_frag(64);
			local_irq_restore(flags);
		} else {
			buf = netdev_alloc_frag(64);
		}
		put_cpu();
		KUNIT_ASSERT_NOT_NULL(test, buf);
		want = virt_to_head_page(buf);
		for (k = 0; k < NICMEM_FRAG_CACHES; k++) {
			err = nicmem_frag_page(cpu, k, &got);
			KUNIT_EXPECT_TRUE(test, !err || err == -ENODATA);
			if (!err && got == want)
				found = k;
		}
		skb_free_frag(buf);
	}
	KUNIT_ASSERT_LT_MSG(test, found, (unsigned int)NICMEM_FRAG_CACHES,
			    "a fragment's page is in none of CPU %d's caches (%d tries)",
			    cpu, FRAG_TRIES);
	if (want_k >= 0)
		KUNIT_EXPECT_EQ(test, found, (unsigned int)want_k);
	kunit_info(test, "irqs %s: CPU %d's %s holds the fragment's page (try %d)\n",
		   irqs_off ? "off" : "on", cpu,
		   found ? "napi_alloc_cache" : "netdev_alloc_cache", t);
}

static void frag_caches(struct kunit *test)
{
	struct nicmem_frag f;
	struct page *page;

	nicmem_frag_read(&f, NICMEM_THRESHOLD_DEFAULT);
	if (f.err) {
		KUNIT_EXPECT_EQ(test, f.caches, 0U);
		KUNIT_EXPECT_NOT_NULL(test, f.why);
		KUNIT_EXPECT_EQ(test, nicmem_frag_page(0, 0, &page), f.err);
		kunit_skip(test, "the caches cannot be placed on this kernel: %s",
			   f.why ?: "?");
	}
	KUNIT_EXPECT_EQ(test, f.caches, 2 * num_possible_cpus());
	KUNIT_EXPECT_EQ(test, f.unreadable, 0U);
	KUNIT_EXPECT_LE(test, f.with_page, f.caches);
	KUNIT_EXPECT_GE(test, f.pages, (u64)f.with_page);
	KUNIT_EXPECT_LE(test, f.pinned, f.pages);
	KUNIT_EXPECT_EQ(test, nicmem_frag_page(0, NICMEM_FRAG_CACHES, &page),
			-EINVAL);
	frag_from(test, true, 0);
	frag_from(test, false, -1);
}

/* A page the allocator just biased is a pinned-signature page, counted */
static void frag_pinned(struct kunit *test)
{
	struct nicmem_frag f;
	unsigned long flags;
	void *buf;

	local_irq_save(flags);
	buf = netdev_alloc_frag(64);
	local_irq_restore(flags);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	nicmem_frag_read(&f, NICMEM_THRESHOLD_DEFAULT);
	skb_free_frag(buf);
	if (f.err)
		kunit_skip(test, "the caches cannot be placed on this kernel: %s",
			   f.why ?: "?");
	KUNIT_EXPECT_GE(test, f.with_page, 1U);
	KUNIT_EXPECT_GE(test, f.pinned, 1ULL);
}

static struct kunit_case frag_cases[] = {
	KUNIT_CASE(frag_caches),
	KUNIT_CASE(frag_pinned),
	{}
};

static struct kunit_suite frag_suite = {
	.name = "nicmem_frag",
	.test_cases = frag_cases,
};

kunit_test_suites(&frag_suite);
